/**
 * The one error type of the core. `kind` tells the hosts which spreadsheet error to show:
 * `value` → Excel #VALUE! (bad input), `na` → Excel #N/A (nothing to compute from).
 * Messages always start with the catalog name of the function: `NPS: 11 at row 4 is not a score from 0 to 10`.
 */
export type KpiErrorKind = 'value' | 'na';

/**
 * A cell a message names, as data: the text naming it in the message (`row 4`, `row 4, column 2`,
 * `row 4 of flags`: positions within the range, as the catalog says) and that cell's row and column
 * within the range as its caller passed it (the host's array or typed column, `range`, compared by
 * identity). A caller that knows where its ranges lie on their sheets (the scorecard's notes) can
 * name the sheet's own cell instead; the message itself never changes.
 */
export interface CellPlace {
  readonly text: string;
  readonly range: unknown;
  /** 0-based, within the range. */
  readonly row: number;
  readonly col: number;
}

export class KpiError extends Error {
  readonly kind: KpiErrorKind;
  /** The cells the message names, in the order it names them (none when it names no cell). */
  readonly places: readonly CellPlace[];
  constructor(kind: KpiErrorKind, message: string, places: readonly CellPlace[] = []) {
    super(message);
    this.name = 'KpiError';
    this.kind = kind;
    this.places = places;
  }
}

export function valueError(fn: string, message: string, places?: readonly CellPlace[]): KpiError {
  return new KpiError('value', `${fn}: ${message}`, places);
}

/** A rate, share or average with nothing to divide by. */
export function noDataError(fn: string, what = 'no data'): KpiError {
  return new KpiError('na', `${fn}: ${what}`);
}

export function isKpiError(e: unknown): e is KpiError {
  return e instanceof KpiError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'KpiError');
}
