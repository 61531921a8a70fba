/**
 * The one error type of the core. `kind` tells the hosts which spreadsheet error to show:
 * `value` → Excel #VALUE! (bad input), `na` → Excel #N/A (nothing to compute from).
 * Messages always start with the catalog name of the function: `NPS: 11 at row 4 is not a score from 0 to 10`.
 */
export type KpiErrorKind = 'value' | 'na';

export class KpiError extends Error {
  readonly kind: KpiErrorKind;
  constructor(kind: KpiErrorKind, message: string) {
    super(message);
    this.name = 'KpiError';
    this.kind = kind;
  }
}

export function valueError(fn: string, message: string): KpiError {
  return new KpiError('value', `${fn}: ${message}`);
}

/** A rate, share or average with nothing to divide by. */
export function noDataError(fn: string, what = 'no data'): KpiError {
  return new KpiError('na', `${fn}: ${what}`);
}

export function isKpiError(e: unknown): e is KpiError {
  return e instanceof KpiError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'KpiError');
}
