/**
 * The package's main export: every catalog function under its catalog name, taking arguments as a
 * host passes them (2-D arrays or scalars) and returning the value or throwing a KpiError. The
 * plain exports read `Date` objects in UTC; `forTimeZone(tz)` gives the same functions in `tz`.
 */
import { CATALOG } from './catalog/index.js';
import type { FunctionSpec } from './catalog/types.js';
import { functionsFor } from './call.js';
import type { KpiFunction } from './call.js';
import type { CallOptions } from './values/context.js';

export * from './functions.js';

export type CatalogEntry = Omit<FunctionSpec, 'impl'>;

/** The catalog's metadata (names, arguments, help in English and German), in catalog order. */
export const catalog: readonly CatalogEntry[] = CATALOG.map(({ impl: _impl, ...meta }) => meta);

/**
 * The catalog functions reading `Date` objects as wall-clock times in `timeZone` (IANA name).
 * `options.dateOrder` ("dmy" or "mdy") is the day/month order for text dates such as 03/01/2026
 * when nothing in a call's dates decides it (without it, such a call is an error).
 */
export function forTimeZone(timeZone: string, options?: CallOptions): Record<string, KpiFunction> {
  return functionsFor(timeZone, options);
}

export { KpiError } from './errors.js';
export type { KpiErrorKind } from './errors.js';
export type { Result, Cell, Table, CallOptions } from './values/context.js';
export type { DateOrder } from './values/date-text.js';
export type { KpiFunction } from './call.js';
