/**
 * Business hours: a weekly schedule ("Mon-Fri 09:00-17:00", "Mo-Fr 08:00-18:00",
 * "Mon-Thu 09:00-17:00; Fri 09:00-15:00", "Sa-Mo 10:00-14:00") and the business time between two
 * wall-clock serials, minus holidays.
 *
 * The schedule becomes a table of the week's minutes (open or not) and its prefix sums, so the
 * business time up to any instant is: whole weeks × minutes per week + the prefix at the position
 * in the week. Holidays are sorted once with prefix sums of their in-schedule minutes and found by
 * binary search. A ticket therefore costs O(log holidays), whatever its length.
 *
 * Everything is wall-clock time, like the spreadsheet's own subtraction: across a daylight-saving
 * change a 24/7 schedule gives exactly `resolved − opened`.
 */
import { quote } from '../safe-text.js';

export const MINUTES_PER_DAY = 1440;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;
/** Held once: a global lookup per ticket is slow inside a Node vm context (see core/values/read.ts). */
const floor = Math.floor;
/** Serial 2 is Monday 1900-01-01: week positions count from a Monday. */
const MONDAY_SERIAL = 2;

export interface Schedule {
  /** 1 where the minute of the week (Monday 00:00 = 0) lies inside the schedule. */
  readonly open: Uint8Array;
  /** cum[m] = schedule minutes in [0, m) of the week; cum[MINUTES_PER_WEEK] = minutes per week. */
  readonly cum: Float64Array;
  readonly minutesPerWeek: number;
}

/** Why a schedule text could not be read (the caller quotes the text and adds an example). */
export interface ScheduleProblem {
  readonly problem: string;
}

// ---------------------------------------------------------------- day names

/** Monday = 0 … Sunday = 6. English and German, short and full, case-insensitive. */
const DAY_NAMES: Readonly<Record<string, number>> = {
  mon: 0, monday: 0, mo: 0, montag: 0,
  tue: 1, tues: 1, tuesday: 1, di: 1, dienstag: 1,
  wed: 2, wednesday: 2, mi: 2, mittwoch: 2,
  thu: 3, thur: 3, thurs: 3, thursday: 3, do: 3, donnerstag: 3,
  fri: 4, friday: 4, fr: 4, freitag: 4,
  sat: 5, saturday: 5, sa: 5, samstag: 5, sonnabend: 5,
  sun: 6, sunday: 6, so: 6, sonntag: 6,
};

/** Words meaning every day of the week. */
const EVERY_DAY = new Set(['daily', 'everyday', 'täglich', 'taeglich']);

function dayOf(word: string): number | undefined {
  const w = word.replace(/\.+$/, '').toLowerCase();
  return Object.prototype.hasOwnProperty.call(DAY_NAMES, w) ? DAY_NAMES[w] : undefined;
}

// ---------------------------------------------------------------- parsing

const WINDOW = /^(\d{1,2})(?:[:.](\d{2}))?-(\d{1,2})(?:[:.](\d{2}))?$/;

/** Minutes since midnight of `h:mm`, or undefined when out of range (24:00 is the day's end). */
function minuteOf(h: string, m: string | undefined): number | undefined {
  const hh = +h, mm = m === undefined ? 0 : +m;
  if (hh > 24 || mm > 59 || (hh === 24 && mm > 0)) return undefined;
  return hh * 60 + mm;
}

/** The days of one segment's day part ("mon-fri", "sa-mo", "mo, mi", "täglich"). */
function parseDays(dayPart: string): number[] | ScheduleProblem {
  const part = dayPart.replace(/\s+(?:bis|to|through|thru)\s+/gi, '-').replace(/\s*-\s*/g, '-').trim().replace(/:$/, '');
  const days: number[] = [];
  for (const item of part.split(/[\s,/&+]+/)) {
    const low = item.toLowerCase();
    if (low === '' || low === 'und' || low === 'and') continue;
    if (EVERY_DAY.has(low)) {
      for (let d = 0; d < 7; d++) days.push(d);
      continue;
    }
    const ends = item.split('-');
    if (ends.length > 2) return { problem: `${quote(item)} is not a day or a range of days` };
    const from = dayOf(ends[0]);
    if (from === undefined) return { problem: `${quote(ends[0])} is not a day name` };
    if (ends.length === 1) {
      days.push(from);
      continue;
    }
    const to = dayOf(ends[1]);
    if (to === undefined) return { problem: `${quote(ends[1])} is not a day name` };
    // Ranges wrap around the week: Sa-Mo is Saturday, Sunday, Monday.
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === to) break;
    }
  }
  if (days.length === 0) return { problem: 'a time needs the days it applies to in front of it' };
  return days;
}

/** The windows of one segment's time part ("09:00-12:00, 13:00-17:00"), as [start, end) minutes. */
function parseWindows(timePart: string): number[] | ScheduleProblem {
  const part = timePart.replace(/\s*-\s*/g, '-').trim();
  const windows: number[] = [];
  for (const item of part.split(/[\s,&+]+/)) {
    const low = item.toLowerCase();
    if (low === '' || low === 'uhr' || low === 'und' || low === 'and') continue;
    const m = WINDOW.exec(item);
    if (!m) {
      const day = dayOf(item.split('-')[0]) !== undefined;
      return { problem: `${quote(item)} is not a time window like 09:00-17:00${day ? ' (separate the parts of a schedule with ";")' : ''}` };
    }
    const start = minuteOf(m[1], m[2]);
    const end = minuteOf(m[3], m[4]);
    if (start === undefined || end === undefined) return { problem: `${quote(item)} holds a time that is not on a clock (00:00 to 24:00)` };
    if (end <= start) {
      return { problem: `${quote(item)} does not end after it starts; a window lies within one day (split overnight hours at 24:00 and continue the next day from 00:00)` };
    }
    windows.push(start, end);
  }
  if (windows.length === 0) return { problem: 'days need a time window like 09:00-17:00' };
  return windows;
}

const DAY_LABELS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Reads a schedule text. Segments are separated by `;` (or line breaks); each is days then one or
 * more windows separated by commas: `Mon-Fri 09:00-12:00, 13:00-17:00` (a lunch break). Windows of
 * one day that overlap are merged. A day may appear in only one segment (`Mon-Fri …; Fri …` is
 * ambiguous: an exception or an extra window?), so that is a problem.
 */
export function parseSchedule(text: string): Schedule | ScheduleProblem {
  const open = new Uint8Array(MINUTES_PER_WEEK);
  const seen = new Array<boolean>(7).fill(false);
  const normal = text.replace(/[\u2012-\u2015\u2212]/g, '-');
  let segments = 0;
  for (const raw of normal.split(/[;\n\r]+/)) {
    const segment = raw.trim();
    if (segment === '') continue;
    const firstDigit = segment.search(/\d/);
    if (firstDigit < 0) return { problem: `${quote(segment)} has no time window like 09:00-17:00` };
    const days = parseDays(segment.slice(0, firstDigit));
    if (!Array.isArray(days)) return days;
    const windows = parseWindows(segment.slice(firstDigit));
    if (!Array.isArray(windows)) return windows;
    const inSegment = new Array<boolean>(7).fill(false);
    for (const d of days) {
      if (inSegment[d]) continue;
      if (seen[d]) return { problem: `${DAY_LABELS[d]} is given twice; give each day once (several windows of one day go in one part, separated by commas)` };
      inSegment[d] = true;
      seen[d] = true;
      for (let w = 0; w < windows.length; w += 2) open.fill(1, d * MINUTES_PER_DAY + windows[w], d * MINUTES_PER_DAY + windows[w + 1]);
    }
    segments++;
  }
  if (segments === 0) return { problem: 'it is empty' };
  return scheduleOf(open);
}

function scheduleOf(open: Uint8Array): Schedule {
  const cum = new Float64Array(MINUTES_PER_WEEK + 1);
  for (let m = 0; m < MINUTES_PER_WEEK; m++) cum[m + 1] = cum[m] + open[m];
  return { open, cum, minutesPerWeek: cum[MINUTES_PER_WEEK] };
}

let allWeek: Schedule | undefined;

/** Every minute of the week: calendar time (used when only holidays are given). */
export function calendarSchedule(): Schedule {
  if (!allWeek) allWeek = scheduleOf(new Uint8Array(MINUTES_PER_WEEK).fill(1));
  return allWeek;
}

// Parsed schedules are reused: KPI_BY_PERIOD and KPI_BY_GROUP call a KPI once per period or group.
const parsed = new Map<string, Schedule | ScheduleProblem>();

/** parseSchedule with a small cache keyed by the text. */
export function scheduleFor(text: string): Schedule | ScheduleProblem {
  let s = parsed.get(text);
  if (s === undefined) {
    s = parseSchedule(text);
    if (parsed.size >= 64) parsed.clear();
    parsed.set(text, s);
  }
  return s;
}

export function isScheduleProblem(s: Schedule | ScheduleProblem): s is ScheduleProblem {
  return 'problem' in s;
}

// ---------------------------------------------------------------- business time

/** Schedule minutes from the Monday epoch up to the wall-clock serial `t` (continuous, non-decreasing). */
export function scheduleMinutesUpTo(s: Schedule, t: number): number {
  const m = (t - MONDAY_SERIAL) * MINUTES_PER_DAY;
  const weeks = floor(m / MINUTES_PER_WEEK);
  let pos = m - weeks * MINUTES_PER_WEEK;
  if (pos < 0) pos = 0; // rounding at a week's very start
  let i = floor(pos);
  if (i >= MINUTES_PER_WEEK) i = MINUTES_PER_WEEK - 1; // rounding at a week's very end
  return weeks * s.minutesPerWeek + s.cum[i] + s.open[i] * (pos - i);
}

export interface BusinessClock {
  readonly schedule: Schedule;
  /** Holiday days (whole serials), sorted, without repeats. */
  readonly holidays: Float64Array;
  /** before[j] = schedule minutes of holidays[0 … j−1]. */
  readonly before: Float64Array;
}

/**
 * A schedule with holidays. `holidayDates` holds serials (NaN = blank); each date's whole day is
 * taken out of the schedule. Sorted once here so each ticket needs only two binary searches.
 */
export function businessClock(schedule: Schedule, holidayDates: Float64Array): BusinessClock {
  let n = 0;
  for (let i = 0; i < holidayDates.length; i++) if (holidayDates[i] === holidayDates[i]) n++;
  const all = new Float64Array(n);
  n = 0;
  for (let i = 0; i < holidayDates.length; i++) {
    const v = holidayDates[i];
    if (v === v) all[n++] = Math.floor(v + 1e-9);
  }
  all.sort();
  let u = 0;
  for (let i = 0; i < all.length; i++) if (u === 0 || all[i] !== all[u - 1]) all[u++] = all[i];
  const holidays = all.subarray(0, u);
  const before = new Float64Array(u + 1);
  for (let j = 0; j < u; j++) {
    const d = holidays[j];
    before[j + 1] = before[j] + scheduleMinutesUpTo(schedule, d + 1) - scheduleMinutesUpTo(schedule, d);
  }
  return { schedule, holidays, before };
}

/** Index of the first holiday ≥ day. */
function lowerBound(days: Float64Array, day: number): number {
  let lo = 0, hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid] < day) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** Business minutes from the epoch up to `t`: schedule minutes minus those on holidays before `t`. */
export function businessMinutesUpTo(c: BusinessClock, t: number): number {
  const upTo = scheduleMinutesUpTo(c.schedule, t);
  if (c.holidays.length === 0) return upTo;
  const day = floor(t);
  const j = lowerBound(c.holidays, day);
  let off = c.before[j];
  // On a holiday itself, the part of the day up to t is not counted either.
  if (j < c.holidays.length && c.holidays[j] === day) off += upTo - scheduleMinutesUpTo(c.schedule, day);
  return upTo - off;
}

/** Business minutes between two wall-clock serials (a ≤ b). */
export function businessMinutesBetween(c: BusinessClock, a: number, b: number): number {
  return businessMinutesUpTo(c, b) - businessMinutesUpTo(c, a);
}
