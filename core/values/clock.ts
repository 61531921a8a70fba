/**
 * Wall-clock serials in a time zone. A spreadsheet shows (and subtracts) wall-clock times in its own
 * zone, so an instant becomes the serial the spreadsheet would show: days since 1899-12-30 of the
 * wall clock. UTC offsets are looked up once per UTC day (and a transition inside that day is found
 * once by bisection), never per cell: a per-cell Intl call costs seconds on a million dates.
 */
import { quote } from '../safe-text.js';
export const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 (Excel/Sheets epoch is 1899-12-30). */
export const UNIX_EPOCH_SERIAL = 25_569;

export interface WallClock {
  readonly timeZone: string;
  /** Wall-clock serial (days since 1899-12-30) of the instant `ms` (milliseconds since 1970, UTC). */
  serialOfInstant(ms: number): number;
}

interface DayOffsets {
  /** Offset in ms at the day's start. */
  readonly before: number;
  /** Offset after the transition (same as before when there is none). */
  readonly after: number;
  /** Instant of the transition, or +Infinity. */
  readonly at: number;
}

const clocks = new Map<string, WallClock>();

/** Days since 1970 of 0001-01-01 and 9999-12-31: the days whose offsets a zone clock looks up. */
const FIRST_ZONE_DAY = -719_162;
const LAST_ZONE_DAY = 2_932_896;

/** Days a zone clock keeps at hand (a power of two: eleven years of days without a collision). */
const CACHE_SLOTS = 4096;

/**
 * The clock of an IANA zone (`Europe/Berlin`, `UTC`). Throws a RangeError for a zone `Intl` does not
 * know, unless the host gives `fallbackOffset`: the zone's UTC offset in ms at an instant, from its
 * own time-zone data (Apps Script: Utilities.formatDate(date, zone, "Z")). Clocks are kept per zone,
 * so a host that asks first with its fallback makes every later `wallClock(zone)` use it.
 */
export function wallClock(timeZone: string, fallbackOffset?: (ms: number) => number): WallClock {
  const cached = clocks.get(timeZone);
  if (cached) return cached;
  const clock = timeZone === 'UTC' || timeZone === 'Etc/UTC' ? utcClock(timeZone) : zoneClock(timeZone, fallbackOffset);
  clocks.set(timeZone, clock);
  return clock;
}

function utcClock(timeZone: string): WallClock {
  return { timeZone, serialOfInstant: (ms) => ms / MS_PER_DAY + UNIX_EPOCH_SERIAL };
}

function zoneClock(timeZone: string, fallbackOffset?: (ms: number) => number): WallClock {
  let format: Intl.DateTimeFormat | undefined;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    if (!fallbackOffset) throw new RangeError(`unknown time zone ${quote(timeZone)}`);
  }
  const offsetAt = (ms: number): number => {
    const whole = Math.floor(ms / 1000) * 1000;
    if (!format) return fallbackOffset!(whole);
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    for (const p of format.formatToParts(whole)) {
      switch (p.type) {
        case 'year': y = +p.value; break;
        case 'month': mo = +p.value; break;
        case 'day': d = +p.value; break;
        case 'hour': h = +p.value; break;
        case 'minute': mi = +p.value; break;
        case 'second': s = +p.value; break;
      }
    }
    return Date.UTC(y, mo - 1, d, h, mi, s) - whole;
  };
  const days = new Map<number, DayOffsets>();
  const dayOffsets = (wanted: number): DayOffsets => {
    // Intl formats instants within ±8.64e15 ms only: days beyond the years 1–9999 take the offset
    // of the nearest day within (the readers refuse such dates; the clock itself never throws).
    const day = wanted < FIRST_ZONE_DAY ? FIRST_ZONE_DAY : wanted > LAST_ZONE_DAY ? LAST_ZONE_DAY : wanted;
    let o = days.get(day);
    if (o) return o;
    const start = day * MS_PER_DAY;
    const end = start + MS_PER_DAY;
    const before = offsetAt(start);
    const after = offsetAt(end);
    if (before === after) {
      o = { before, after, at: Infinity };
    } else {
      // Bisection to the second: zones change on whole seconds (in practice on whole minutes).
      let lo = start, hi = end;
      while (hi - lo > 1000) {
        const mid = Math.floor((lo + hi) / 2000) * 1000;
        if (offsetAt(mid) === before) lo = mid; else hi = mid;
      }
      o = { before, after, at: hi };
    }
    days.set(day, o);
    return o;
  };
  // A direct-mapped cache in front of the map: a million dates of a few years hit it every time.
  // One typed array, four numbers a slot (day, offset before, offset after, transition instant):
  // a lookup reads one cache line instead of a Map entry.
  const slots = new Float64Array(4 * CACHE_SLOTS).fill(Number.NaN);
  return {
    timeZone,
    serialOfInstant(ms: number): number {
      // floor() by integer truncation (days since 1970 fit an int32 for ±5 million years; a Date
      // holds ±100 million days, so clamp first).
      const q = ms / MS_PER_DAY;
      let day = q < FIRST_ZONE_DAY ? FIRST_ZONE_DAY : q > LAST_ZONE_DAY ? LAST_ZONE_DAY : q | 0;
      if (day > q) day--;
      const k = (day & (CACHE_SLOTS - 1)) << 2;
      if (slots[k] !== day) {
        const o = dayOffsets(day);
        slots[k] = day;
        slots[k + 1] = o.before;
        slots[k + 2] = o.after;
        slots[k + 3] = o.at;
      }
      const offset = ms < slots[k + 3] ? slots[k + 1] : slots[k + 2];
      return (ms + offset) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
    },
  };
}

/** Serial of a wall-clock date and time (no zone involved). */
export function serialOfWallClock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Calendar parts of a serial's day (its wall-clock date). */
export function civilOfSerial(serial: number): { y: number; m: number; d: number; weekday: number } {
  const day = Math.floor(serial + 1e-9) - UNIX_EPOCH_SERIAL;
  const dt = new Date(day * MS_PER_DAY);
  // weekday: 1 = Monday … 7 = Sunday (ISO)
  const wd = dt.getUTCDay();
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate(), weekday: wd === 0 ? 7 : wd };
}
