/**
 * Date text in the layouts exports write (catalog v3): ISO (`2026-03-01 10:30`, `2026-03-01T09:30Z`),
 * German (`01.03.2026 10:30`), day-first and month-first numbers (`29-02-2016 01:16`,
 * `11/1/2019 8:51:12`), and month names in English or German (`11/Jun/24 3:07 PM`, `31-Jul-18`,
 * `5 Mar 2026`, `5. März 2026 14:30`, `Mar 5, 2026`), each with an optional time (`HH:MM[:SS[.fff]]`,
 * 12-hour AM/PM, `T`) and `Z` or an offset. Two-digit years 00–29 are 2000–2029 and 30–99 are
 * 1930–1999, as Excel reads them.
 *
 * A cell's own shape tells its layout, except the day/month order of numeric `d/m/y` and `m/d/y`
 * text: that is decided once per call over all date cells (date-order.ts), so scanDateText returns
 * the parts and dateSerial applies an order.
 */
import { serialOfWallClock, MS_PER_DAY } from './clock.js';
import type { WallClock } from './clock.js';
import { quote } from '../safe-text.js';

export type DateOrder = 'dmy' | 'mdy';

import type { TextProblem } from './text.js';

/** The parts of a date text; `a`/`b` are day and month, in an order only `orderDependent` text leaves open. */
export interface DateParts {
  /** The first and second of the day/month parts as written. */
  readonly a: number;
  readonly b: number;
  readonly y: number;
  /** True for numeric `d/m/y` or `m/d/y` text (slash or dash): `a` and `b` need the call's order. */
  readonly orderDependent: boolean;
  /** For text whose order is in the text itself: true when `a` is the month (`Mar 5, 2026`, ISO). */
  readonly monthFirst: boolean;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  /** Fraction of a second. */
  readonly frac: number;
  /** Minutes east of UTC when the text is an instant (`Z`, `+02:00`); undefined for wall-clock text. */
  readonly offsetMin: number | undefined;
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, januar: 1, 'jän': 1, 'jänner': 1, jaen: 1,
  feb: 2, february: 2, februar: 2,
  mar: 3, march: 3, 'mär': 3, 'märz': 3, mrz: 3, maerz: 3,
  apr: 4, april: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6,
  jul: 7, july: 7, juli: 7,
  aug: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, december: 12, dez: 12, dezember: 12,
};

const WEEKDAYS = new Set([
  'mon', 'monday', 'tue', 'tues', 'tuesday', 'wed', 'wednesday', 'thu', 'thur', 'thurs', 'thursday', 'fri', 'friday', 'sat', 'saturday', 'sun', 'sunday',
  'mo', 'montag', 'di', 'dienstag', 'mi', 'mittwoch', 'do', 'donnerstag', 'fr', 'freitag', 'sa', 'samstag', 'sonnabend', 'so', 'sonntag',
]);

/** The month of a name or abbreviation (`Jun`, `März`, `Mrz.`, `Sept`), or 0. */
export function monthOfName(word: string): number {
  const w = word.toLowerCase();
  const key = w.endsWith('.') ? w.slice(0, -1) : w;
  return Object.prototype.hasOwnProperty.call(MONTHS, key) ? MONTHS[key] : 0;
}

/** Optional time and zone after a date: ` 10:30`, `T10:30:00.123`, ` 3:07 PM`, `, 14:30 Uhr`, `Z`, ` +0100`, ` UTC`. */
const TIME = String.raw`(?:(?:T|\s+|,\s*)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:\s*([ap])\.?\s*m\.?)?(?:\s*uhr)?)?`;
const ZONE = String.raw`\s*(z|(?:utc|gmt)?\s*[+-]\d{1,2}(?::?\d{2})?|utc|gmt)?`;
const TAIL = TIME + ZONE + '$';

const ISO = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})` + TAIL, 'i');
const GERMAN = new RegExp(String.raw`^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})` + TAIL, 'i');
const NUMERIC = new RegExp(String.raw`^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})` + TAIL, 'i');
const DAY_NAME = new RegExp(String.raw`^(\d{1,2})(?:\.\s*|\s+|-|/)([a-zäöü]{3,9}\.?)(?:\s+|-|/|,\s*)(\d{4}|\d{2})` + TAIL, 'i');
const NAME_DAY = new RegExp(String.raw`^([a-zäöü]{3,9}\.?)\s+(\d{1,2})(?:st|nd|rd|th|\.)?,?\s+(\d{4})` + TAIL, 'i');
const WEEKDAY_PREFIX = /^([a-z]{2,10})\.?,?\s+(?=\d|[a-zäöü]{3})/i;

/** What reads like a date but is none of these layouts: an error, never a skipped header. */
const DATE_LIKE = /^\d{1,4}\s*[./-]\s*(?:\d{1,2}|[a-zäöü]{3,9}\.?)\s*[./-]\s*\d{1,4}\b/i;

export const DATE_HELP = 'is not a date format this reads; write ISO (2026-03-01 10:30), German (01.03.2026 10:30), 01/03/2026, 1 Mar 2026 or real date cells';

const yearOf = (t: string): number => {
  const y = +t;
  return t.length === 2 ? (y < 30 ? 2000 + y : 1900 + y) : y;
};

/** The time and zone groups starting at `k` of a match. */
function withTime(m: RegExpExecArray, k: number, a: number, b: number, y: number, orderDependent: boolean, monthFirst: boolean): DateParts | TextProblem {
  let h = m[k] ? +m[k] : 0;
  const mi = m[k + 1] ? +m[k + 1] : 0;
  const s = m[k + 2] ? +m[k + 2] : 0;
  const frac = m[k + 3] ? Number('0.' + m[k + 3]) : 0;
  const ampm = m[k + 4];
  if (ampm) {
    if (h < 1 || h > 12) return { problem: 'is not a valid time (12-hour clock hours run from 1 to 12)' };
    const pm = ampm.toLowerCase() === 'p';
    h = h === 12 ? (pm ? 12 : 0) : pm ? h + 12 : h;
  }
  if (h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0 || frac > 0))) return { problem: 'is not a valid time' };
  const zone = m[k + 5];
  let offsetMin: number | undefined;
  if (zone !== undefined) {
    const z = zone.toLowerCase().replace(/^(?:utc|gmt)\s*/, '');
    if (z === '' || z === 'z') offsetMin = 0;
    else {
      const sign = z[0] === '-' ? -1 : 1;
      const digits = z.slice(1).replace(':', '');
      const hh = digits.length <= 2 ? +digits : +digits.slice(0, digits.length - 2);
      const mm = digits.length <= 2 ? 0 : +digits.slice(-2);
      if (hh > 14 || mm > 59) return { problem: 'has an offset that is not a time zone offset' };
      offsetMin = sign * (hh * 60 + mm);
    }
  }
  return { a, b, y, orderDependent, monthFirst, h, mi, s, frac, offsetMin };
}

/**
 * The parts of date text, undefined when the text is no date (a header, "n/a", a number), or a
 * problem when it looks like a date in a layout this does not read. `trimmed` has no outer spaces.
 */
export function scanDateText(trimmed: string): DateParts | TextProblem | undefined {
  const c = trimmed.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    const c4 = trimmed.charCodeAt(4);
    let m: RegExpExecArray | null;
    if (c4 === 45 || c4 === 47) {
      m = ISO.exec(trimmed);
      if (m) return withTime(m, 5, +m[3], +m[4], +m[1], false, true);
    }
    m = NUMERIC.exec(trimmed);
    if (m) return withTime(m, 5, +m[1], +m[3], yearOf(m[4]), true, false);
    m = GERMAN.exec(trimmed);
    if (m) return withTime(m, 4, +m[1], +m[2], yearOf(m[3]), false, false);
    m = DAY_NAME.exec(trimmed);
    if (m) {
      const mo = monthOfName(m[2]);
      if (mo > 0) return withTime(m, 4, +m[1], mo, yearOf(m[3]), false, false);
      return { problem: `has no month name this reads (${quote(m[2])}); ${DATE_HELP}` };
    }
    return DATE_LIKE.test(trimmed) ? { problem: DATE_HELP } : undefined;
  }
  if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return undefined;
  let text = trimmed;
  const w = WEEKDAY_PREFIX.exec(text);
  if (w && WEEKDAYS.has(w[1].toLowerCase())) {
    text = text.slice(w[0].length);
    if ((text.charCodeAt(0) >= 48 && text.charCodeAt(0) <= 57)) return scanDateText(text);
  }
  const m = NAME_DAY.exec(text);
  if (!m) return undefined;
  const mo = monthOfName(m[1]);
  if (mo === 0) return undefined;
  return withTime(m, 4, mo, +m[2], +m[3], false, true);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function validDay(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS_IN_MONTH[mo - 1] + (leap ? 1 : 0);
}

/** Day-first evidence (1), month-first evidence (2), none (0) of order-dependent parts. */
export function orderEvidence(p: DateParts): 0 | 1 | 2 {
  if (!p.orderDependent) return 0;
  return p.a > 12 ? 1 : p.b > 12 ? 2 : 0;
}

const MONTH_ABBR = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `3 Jan or 1 Mar 2026`: both readings of an order-dependent date, for messages. */
export function bothReadings(p: DateParts): string {
  const read = (d: number, mo: number): string => (validDay(p.y, mo, d) ? `${d} ${MONTH_ABBR[mo - 1]}` : '');
  const dmy = read(p.a, p.b), mdy = read(p.b, p.a);
  return dmy && mdy ? `${dmy} or ${mdy} ${p.y}` : `${dmy || mdy} ${p.y}`;
}

/**
 * The wall-clock serial of date parts, with `order` for order-dependent text. Instants (`Z`,
 * offsets) are converted to the clock's zone. A problem for impossible dates (`31/02/2026`).
 */
export function dateSerial(p: DateParts, order: DateOrder | undefined, clock: WallClock): number | TextProblem {
  let d: number, mo: number;
  if (p.orderDependent) {
    const dayFirst = (order ?? 'dmy') === 'dmy';
    d = dayFirst ? p.a : p.b;
    mo = dayFirst ? p.b : p.a;
  } else if (p.monthFirst) {
    mo = p.a;
    d = p.b;
  } else {
    d = p.a;
    mo = p.b;
  }
  if (!validDay(p.y, mo, d)) {
    return { problem: p.orderDependent ? `is not a valid date (read ${order === 'mdy' ? 'month' : 'day'} first)` : 'is not a valid date' };
  }
  const wall = serialOfWallClock(p.y, mo, d, p.h, p.mi, p.s) + p.frac / 86_400;
  if (p.offsetMin === undefined) return wall;
  return clock.serialOfInstant((wall - 25_569) * MS_PER_DAY - p.offsetMin * 60_000);
}

/**
 * Date text as a wall-clock serial, for callers outside a KPI call (the scorecard's detection, the
 * command line). Numeric `d/m/y` / `m/d/y` text is read only with an `order` — the column's or the
 * user's, decided once (profileColumn gives a column's evidence), never per cell: without one it is
 * a problem (`could be 3 Jan or 1 Mar 2026`, or that it needs its column's order). The KPI readers
 * decide the order per call instead (date-order.ts).
 */
export function parseDateText(trimmed: string, clock: WallClock, order?: DateOrder): number | TextProblem | undefined {
  const p = scanDateText(trimmed);
  if (p === undefined || 'problem' in p) return p;
  if (p.orderDependent && order === undefined) {
    const e = orderEvidence(p);
    if (e === 0) return { problem: `could be ${bothReadings(p)}; nothing decides the day/month order (write ISO dates such as ${p.y}-${two(p.b)}-${two(p.a)})` };
    return { problem: `reads ${e === 1 ? 'day' : 'month'} first on its own; its column's day/month order decides how all of them read` };
  }
  return dateSerial(p, order, clock);
}

const two = (n: number): string => (n < 10 ? '0' : '') + n;
