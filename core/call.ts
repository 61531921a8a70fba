/**
 * Calling catalog functions the way hosts do: a context per call (name + the spreadsheet's clock),
 * the implementation, and a check that nothing invalid escapes (never NaN, Infinity, null, undefined).
 */
import { CATALOG, findFunction } from './catalog/index.js';
import type { FunctionSpec } from './catalog/types.js';
import { KpiError } from './errors.js';
import { wallClock } from './values/clock.js';
import type { WallClock } from './values/clock.js';
import type { CallContext, Result } from './values/context.js';

function lookup(name: string) {
  return findFunction(name);
}

export function contextFor(fn: string, clock: WallClock): CallContext {
  return { fn, clock, lookup };
}

/** Said when extreme inputs (1e308, 5e-324) overflow the arithmetic. */
export const OVERFLOW_MESSAGE = 'the result is too large to show; the inputs are too large or too small to compute with';

/**
 * Results are checked once at the edge: a cell never shows NaN or Infinity. Only extreme inputs
 * can overflow (the property tests hold the implementations to that).
 */
function checked(fn: string, r: Result): Result {
  if (typeof r === 'number') {
    if (r - r !== 0) throw new KpiError('value', `${fn}: ${OVERFLOW_MESSAGE}`);
    return r;
  }
  if (typeof r === 'string' || typeof r === 'boolean') return r;
  if (Array.isArray(r)) {
    for (const row of r) {
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (typeof v === 'number' ? v - v !== 0 : typeof v !== 'string' && typeof v !== 'boolean') {
          throw new KpiError('value', typeof v === 'number' ? `${fn}: ${OVERFLOW_MESSAGE}` : `${fn}: internal error: a table cell is not a value`);
        }
      }
    }
    return r;
  }
  throw new KpiError('value', `${fn}: internal error: no result`);
}

/** Runs one catalog function with host arguments in a time zone's clock. */
export function callSpec(spec: FunctionSpec, clock: WallClock, args: readonly unknown[]): Result {
  return checked(spec.name, spec.impl(contextFor(spec.name, clock), args));
}

export type KpiFunction = (...args: unknown[]) => Result;

/** Every catalog function bound to a time zone: `fns.NPS(range)`. */
export function functionsFor(timeZone: string): Record<string, KpiFunction> {
  const clock = wallClock(timeZone);
  const out: Record<string, KpiFunction> = {};
  for (const spec of CATALOG) out[spec.name] = (...args: unknown[]) => callSpec(spec, clock, args);
  return out;
}
