/** Test helpers: call a catalog function as a host would, and catch its KpiError. */
import { findFunction } from '../../core/catalog/index.js';
import { callSpec } from '../../core/call.js';
import { wallClock } from '../../core/values/clock.js';
import { KpiError } from '../../core/errors.js';
import type { Result } from '../../core/values/context.js';

export function call(name: string, ...args: unknown[]): Result {
  return callIn('UTC', name, ...args);
}

export function callIn(timeZone: string, name: string, ...args: unknown[]): Result {
  const spec = findFunction(name);
  if (!spec) throw new Error(`no catalog function ${name}`);
  return callSpec(spec, wallClock(timeZone), args);
}

/** The KpiError a call throws (fails the test when it returns or throws something else). */
export function errorOf(fn: () => unknown): KpiError {
  try {
    fn();
  } catch (e) {
    if (e instanceof KpiError) return e;
    throw e;
  }
  throw new Error('expected a KpiError, got a value');
}

/** A column as a host passes it: `[[a],[b],…]`. */
export const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** Excel serial of a wall-clock date-time. */
export const serial = (iso: string): number => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(iso)!;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 86_400_000 + 25_569;
};
