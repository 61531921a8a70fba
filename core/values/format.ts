/**
 * Wall-clock serials as ISO text and back. The scorecard's plain data (outline samples, settings
 * crossing google.script.run) carries dates as `2026-03-01T10:30:00`: the time the cell shows, with
 * no zone, so it survives every host boundary unchanged.
 */
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from './clock.js';

const SECONDS_PER_DAY = 86_400;

/** `2026-03-01T10:30:00` for the serial of that wall-clock time (rounded to the second). */
export function serialToIso(serial: number): string {
  // Whole seconds first: 10:30 is stored as 0.4375 days, which is not exact in binary.
  const seconds = Math.round((serial - UNIX_EPOCH_SERIAL) * SECONDS_PER_DAY);
  const d = new Date(seconds * 1000);
  const y = d.getUTCFullYear();
  const year = y >= 0 && y <= 9999 ? String(y).padStart(4, '0') : String(y);
  return `${year}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const two = (n: number): string => (n < 10 ? '0' : '') + n;

const ISO_WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/** The serial of wall-clock ISO text (`2026-03-01`, `2026-03-01T10:30`, `2026-03-01T10:30:00`), or undefined. */
export function isoToSerial(text: string): number | undefined {
  const m = ISO_WALL.exec(text.trim());
  if (!m) return undefined;
  const y = +m[1], mo = +m[2], d = +m[3];
  const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return undefined;
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 2026-02-30 over into March: reject days the month does not have.
  if (new Date(ms).getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}
