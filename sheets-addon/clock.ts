/**
 * The spreadsheet's wall clock. The core converts instants with `Intl`; Apps Script does not
 * document which time zones its V8 runtime's Intl knows, so when a zone is missing the offsets come
 * from Apps Script's own (Java) time-zone data instead: Utilities.formatDate(date, zone, "Z") gives
 * the offset as "+0100". The core asks for an offset once per day of data (plus a few calls on a day
 * the clocks change), never per cell.
 */
/// <reference types="google-apps-script" />
import { wallClock } from '../core/values/clock.js';
import type { WallClock } from '../core/values/clock.js';
import { quote } from '../core/safe-text.js';

/** The zone's UTC offset in ms at an instant, read through Utilities.formatDate(…, "Z"). */
export function utilitiesOffset(timeZone: string): (ms: number) => number {
  return (ms) => {
    const text = Utilities.formatDate(new Date(ms), timeZone, 'Z');
    const m = /^([+-])(\d{2}):?(\d{2})$/.exec(String(text).trim());
    if (!m) throw new RangeError(`the offset of time zone ${quote(timeZone)} reads ${quote(text)}, not ±hhmm`);
    return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  };
}

/**
 * The clock of the spreadsheet's zone: Intl where it knows the zone, Utilities.formatDate where not.
 * Throws at once (a RangeError) for a zone neither knows.
 */
export function spreadsheetClock(timeZone: string): WallClock {
  const clock = wallClock(timeZone, utilitiesOffset(timeZone));
  // One conversion up front, so an unknown zone fails here and not deep inside a calculation.
  clock.serialOfInstant(0);
  return clock;
}
