/**
 * Calling catalog functions the way hosts do: a context per call (name + the spreadsheet's clock),
 * the implementation, and a check that nothing invalid escapes (never NaN, Infinity, null, undefined).
 */
import { CATALOG, findFunction } from './catalog/index.js';
import type { FunctionSpec } from './catalog/types.js';
import { KpiError } from './errors.js';
import { wallClock } from './values/clock.js';
import type { WallClock } from './values/clock.js';
import type { CallContext, CallOptions, ReadCache, Result } from './values/context.js';
import { newScope } from './values/scope.js';

function lookup(name: string) {
  return findFunction(name);
}

/**
 * A context for reading values outside a catalog call (tests, the scorecard's own reads): no
 * argument sources, so the day/month order is decided over the range being read.
 */
export function contextFor(fn: string, clock: WallClock, options?: CallOptions, reads?: ReadCache): CallContext {
  return { fn, clock, lookup, scope: newScope(undefined, [], options, reads) };
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

/**
 * Runs one catalog function with host arguments in a time zone's clock. `options.dateOrder` is the
 * scorecard's or command line's day/month order, used only when the call's dates do not decide it.
 * `reads`: the caller's columns read so far (the scorecard's, per plan; see ReadCache).
 */
export function callSpec(spec: FunctionSpec, clock: WallClock, args: readonly unknown[], options?: CallOptions, reads?: ReadCache): Result {
  const ctx: CallContext = { fn: spec.name, clock, lookup, scope: newScope(spec.args, args, options, reads) };
  return checked(spec.name, spec.impl(ctx, args));
}

export type KpiFunction = (...args: unknown[]) => Result;

/** Every catalog function bound to a time zone (and options): `fns.NPS(range)`. */
export function functionsFor(timeZone: string, options?: CallOptions): Record<string, KpiFunction> {
  const clock = wallClock(timeZone);
  const out: Record<string, KpiFunction> = {};
  for (const spec of CATALOG) out[spec.name] = (...args: unknown[]) => callSpec(spec, clock, args, options);
  return out;
}
