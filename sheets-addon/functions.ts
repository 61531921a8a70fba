/**
 * The custom-function bundle (dist/sheets-addon/KPI.js, an IIFE assigned to the global `KPI`). The
 * generated stubs in functions.js forward each cell call here: `KPI.call('NPS', [scores])`.
 *
 * Sheets passes a single cell as a scalar, a range as a 2-D array with "" for blanks, and dates as
 * `Date` objects holding the exact instant. The core reads those Dates as wall-clock serials in the
 * spreadsheet's own time zone, read once per call (a service call is a round trip; the clock caches
 * its offsets per day, from Intl or, for a zone Intl lacks, from Utilities.formatDate). Errors become a plain `Error` with the core's message, which Sheets shows
 * under `#ERROR!`. Nothing runs at load time but definitions: the bundle loads for every call,
 * also while onOpen runs without authorization.
 */
/// <reference types="google-apps-script" />
import { findFunction } from '../core/catalog/index.js';
import { callSpec } from '../core/call.js';
import { isKpiError } from '../core/errors.js';
import { quote } from '../core/safe-text.js';
import type { WallClock } from '../core/values/clock.js';
import { spreadsheetClock } from './clock.js';
import type { Result } from '../core/values/context.js';

function messageOf(e: unknown): string {
  if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') return (e as { message: string }).message;
  return String(e);
}

/** The spreadsheet's clock: its zone as set in File → Settings, which is what its cells show. */
function clockOf(fn: string): WallClock {
  let zone: string;
  try {
    zone = SpreadsheetApp.getActive().getSpreadsheetTimeZone();
  } catch (e) {
    throw new Error(`${fn}: the spreadsheet's time zone could not be read (${messageOf(e)})`);
  }
  try {
    // A zone the runtime's Intl lacks still works: its offsets come from Utilities.formatDate.
    return spreadsheetClock(zone);
  } catch {
    throw new Error(`${fn}: the spreadsheet's time zone ${quote(zone)} is not known`);
  }
}

/**
 * Runs the catalog function `name` on the arguments as Sheets passed them (omitted trailing
 * arguments are `undefined`, which the core reads as "take the default").
 */
export function call(name: string, args: readonly unknown[]): Result {
  const spec = findFunction(name);
  if (!spec) throw new Error(`${name}: not a function of this add-on`);
  const clock = clockOf(spec.name);
  try {
    return callSpec(spec, clock, args);
  } catch (e) {
    // A plain Error: Sheets shows its message in the cell's tooltip (a KpiError's name would show too).
    if (isKpiError(e)) throw new Error(e.message);
    const message = messageOf(e);
    throw new Error(message.startsWith(`${spec.name}:`) ? message : `${spec.name}: ${message}`);
  }
}
