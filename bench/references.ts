/**
 * What each KPI is compared with, on the same host-shaped data in the same run:
 *
 * (a) the limit: a bare loop over the same 2-D arrays doing only the arithmetic — no argument
 *     checks, no error positions, no text parsing, nothing kept per cell;
 * (b) the spreadsheet-engine way: the native formula a user would write instead (COUNTIFS, COUNT,
 *     SUMPRODUCT), evaluated by @formulajs/formulajs. formulajs gets each range as a flat array of
 *     the data rows (what a JavaScript engine holds internally; built before timing). With 2-D row
 *     arrays its flatten() is quadratic (one COUNTIFS over 10,000 rows takes ~0.2 s, over 1,048,576
 *     rows hours), so the flat form is its best case. Native Excel cannot be measured here.
 *
 * The bare loops for Sheets-shaped dates read `getTime()` and add one fixed UTC offset (arithmetic
 * only: no zone rules), so across a daylight-saving change their durations differ slightly from
 * the wall-clock ones the product computes.
 */
import * as F from '@formulajs/formulajs';
import { businessClock, businessMinutesBetween, scheduleFor } from '../core/kpis/business-hours.js';
import type { Schedule } from '../core/kpis/business-hours.js';
import type { Column, HostInputs } from './data.js';

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

// ------------------------------------------------------------------ reading a cell, bare

/** A bare loop's date reader: serials as they are; Dates as their instant plus a fixed offset. */
function dateReader(host: 'excel' | 'sheets', fixedOffsetMs: number): (v: unknown) => number {
  if (host === 'excel') return (v) => (typeof v === 'number' ? v : NaN);
  return (v) => (typeof v === 'object' && v !== null ? ((v as Date).getTime() + fixedOffsetMs) / MS_PER_DAY + UNIX_EPOCH_SERIAL : NaN);
}

// ------------------------------------------------------------------ (a) bare loops

export function bareNps(scores: Column): number {
  let p = 0, d = 0, n = 0;
  for (let r = 0; r < scores.length; r++) {
    const v = scores[r][0];
    if (typeof v !== 'number') continue;
    n++;
    if (v >= 9) p++;
    else if (v <= 6) d++;
  }
  return (100 * (p - d)) / n;
}

export function bareCsat(ratings: Column, threshold = 4): number {
  let s = 0, n = 0;
  for (let r = 0; r < ratings.length; r++) {
    const v = ratings[r][0];
    if (typeof v !== 'number') continue;
    n++;
    if (v >= threshold) s++;
  }
  return s / n;
}

export function bareAvgResolution(inputs: HostInputs): number {
  const { opened, resolved } = inputs;
  let sum = 0, n = 0;
  if (inputs.host === 'excel') {
    for (let r = 0; r < opened.length; r++) {
      const o = opened[r][0], c = resolved[r][0];
      if (typeof o === 'number' && typeof c === 'number') {
        sum += c - o;
        n++;
      }
    }
    return (sum / n) * 24;
  }
  // Dates: the difference of the instants (a fixed offset cancels out).
  for (let r = 0; r < opened.length; r++) {
    const o = opened[r][0], c = resolved[r][0];
    if (typeof o === 'object' && o !== null && typeof c === 'object' && c !== null) {
      sum += (c as Date).getTime() - (o as Date).getTime();
      n++;
    }
  }
  return sum / n / 3_600_000;
}

/** The same business-time arithmetic as the product (the core's schedule math), minus everything else. */
export function bareAvgBusinessHours(inputs: HostInputs, scheduleText: string, fixedOffsetMs: number): number {
  const schedule = scheduleFor(scheduleText) as Schedule;
  const clock = businessClock(schedule, new Float64Array(0));
  const read = dateReader(inputs.host, fixedOffsetMs);
  const { opened, resolved } = inputs;
  let sum = 0, n = 0;
  for (let r = 0; r < opened.length; r++) {
    const o = read(opened[r][0]), c = read(resolved[r][0]);
    if (o === o && c === c) {
      sum += businessMinutesBetween(clock, o, c);
      n++;
    }
  }
  return sum / n / 60;
}

export function bareActiveIssues(inputs: HostInputs): number {
  const { opened, resolved } = inputs;
  let n = 0;
  if (inputs.host === 'excel') {
    for (let r = 0; r < opened.length; r++) if (typeof opened[r][0] === 'number' && typeof resolved[r][0] !== 'number') n++;
    return n;
  }
  for (let r = 0; r < opened.length; r++) {
    const o = opened[r][0], c = resolved[r][0];
    if (typeof o === 'object' && o !== null && !(typeof c === 'object' && c !== null)) n++;
  }
  return n;
}

/** Month index (year × 12 + month − 1) of a serial's day: civil-from-days arithmetic, no Date. */
function monthIndex(serial: number): number {
  const z = Math.floor(serial) - UNIX_EPOCH_SERIAL + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 12 + m - 1;
}

/** NPS per month in one pass: counts in small arrays indexed by month. Returns [month index, NPS] pairs. */
export function bareNpsByMonth(inputs: HostInputs, fixedOffsetMs: number): [number, number][] {
  const read = dateReader(inputs.host, fixedOffsetMs);
  const { opened, scores } = inputs;
  const base = monthIndex(46_357) - 24;
  const size = 64;
  const p = new Float64Array(size), d = new Float64Array(size), n = new Float64Array(size);
  for (let r = 0; r < opened.length; r++) {
    const s = scores[r][0];
    const t = read(opened[r][0]);
    if (typeof s !== 'number' || t !== t) continue;
    const k = monthIndex(t) - base;
    n[k]++;
    if (s >= 9) p[k]++;
    else if (s <= 6) d[k]++;
  }
  const out: [number, number][] = [];
  for (let k = 0; k < size; k++) if (n[k] > 0) out.push([k + base, (100 * (p[k] - d[k])) / n[k]]);
  return out;
}

/**
 * Time in status from a log, bare: one pass, a Map from ticket id to its running state (last time,
 * whether its status counts, sum), the subtraction per row — assuming rows come in time order per
 * ticket, as the generated log does. Mean over tickets that spent time in a counted status and are
 * no longer in one, in hours.
 */
export function bareTimeInStatus(inputs: HostInputs, counted: ReadonlySet<string>, fixedOffsetMs: number): number {
  const read = dateReader(inputs.host, fixedOffsetMs);
  const { logIds, logTimes, logStatuses } = inputs;
  const state = new Map<unknown, { last: number; counts: boolean; sum: number }>();
  for (let r = 0; r < logIds.length; r++) {
    const t = read(logTimes[r][0]);
    if (t !== t) continue;
    const id = logIds[r][0];
    const counts = counted.has(logStatuses[r][0] as string);
    const s = state.get(id);
    if (s === undefined) state.set(id, { last: t, counts, sum: 0 });
    else {
      if (s.counts) s.sum += t - s.last;
      s.last = t;
      s.counts = counts;
    }
  }
  let total = 0, n = 0;
  for (const s of state.values()) {
    if (!s.counts && s.sum > 0) {
      total += s.sum;
      n++;
    }
  }
  return (total / n) * 24;
}

/** Service level ("offered"): answered within the threshold ÷ calls, over rows with a numeric wait. */
export function bareServiceLevel(inputs: HostInputs, thresholdSeconds: number): number {
  const { waits, answered } = inputs;
  let within = 0, n = 0;
  for (let r = 0; r < waits.length; r++) {
    const w = waits[r][0], a = answered[r][0];
    if (typeof w !== 'number' || typeof a !== 'boolean') continue;
    n++;
    if (a && w <= thresholdSeconds) within++;
  }
  return within / n;
}

/** Average handle time in seconds: talk + hold + after-call work over rows with a talk time. */
export function bareAht(inputs: HostInputs): number {
  const { talk, hold, acw } = inputs;
  let sum = 0, n = 0;
  for (let r = 0; r < talk.length; r++) {
    const t = talk[r][0];
    if (typeof t !== 'number') continue;
    const h = hold[r][0], w = acw[r][0];
    sum += t + (typeof h === 'number' ? h : 0) + (typeof w === 'number' ? w : 0);
    n++;
  }
  return sum / n;
}

/** Word counts by response: lower case, split on non-letters, each word once per response. */
export function bareTermCounts(comments: Column, top = 10): [string, number][] {
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  for (let r = 0; r < comments.length; r++) {
    const v = comments[r][0];
    if (typeof v !== 'string' || v === '') continue;
    seen.clear();
    for (const w of v.toLowerCase().split(/[^\p{L}]+/u)) {
      if (w.length < 3 || seen.has(w)) continue;
      seen.add(w);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, top);
}

/** A naive Sheets reader: every Date converted to its wall clock with its own Intl call. */
export function naiveIntlAvgResolution(inputs: HostInputs, timeZone: string): number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const wall = (d: Date): number => {
    const p: Record<string, number> = {};
    for (const part of format.formatToParts(d)) p[part.type] = +part.value;
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  };
  const { opened, resolved } = inputs;
  let sum = 0, n = 0;
  for (let r = 0; r < opened.length; r++) {
    const o = opened[r][0], c = resolved[r][0];
    if (typeof o === 'object' && o !== null && typeof c === 'object' && c !== null) {
      sum += wall(c as Date) - wall(o as Date);
      n++;
    }
  }
  return sum / n / 3_600_000;
}

// ------------------------------------------------------------------ (b) formulajs

/** Flat data columns (header row dropped), what the formulas' ranges (A2:A…) hold. */
export interface FlatInputs {
  readonly scores: unknown[];
  readonly ratings: unknown[];
  readonly opened: unknown[];
  readonly resolved: unknown[];
}

type Formulas = Record<string, (...args: unknown[]) => unknown>;
const FJ = F as unknown as Formulas;

/** =(COUNTIFS(A:A,">=9")-COUNTIFS(A:A,"<=6"))/COUNT(A:A)*100 */
export function formulaNps(x: FlatInputs): number {
  return ((FJ.COUNTIFS(x.scores, '>=9') as number) - (FJ.COUNTIFS(x.scores, '<=6') as number)) / (FJ.COUNT(x.scores) as number) * 100;
}

/** =COUNTIFS(A:A,">=4")/COUNT(A:A) */
export function formulaCsat(x: FlatInputs): number {
  return (FJ.COUNTIFS(x.ratings, '>=4') as number) / (FJ.COUNT(x.ratings) as number);
}

/**
 * =SUMPRODUCT((C2:C<>"")*(C2:C-B2:B))/COUNTIFS(C2:C,"<>")*24 — the element-wise arrays are what the
 * engine evaluates before SUMPRODUCT, so building them is part of the time.
 */
export function formulaAvgResolution(x: FlatInputs): number {
  const n = x.resolved.length;
  const mask = new Array<number>(n);
  const diff = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const c = x.resolved[i], o = x.opened[i];
    mask[i] = c === null || c === '' ? 0 : 1;
    diff[i] = ((c as number) ?? 0) - ((o as number) ?? 0);
  }
  return (FJ.SUMPRODUCT(mask, diff) as number) / (FJ.COUNTIFS(x.resolved, '<>') as number) * 24;
}

/** =COUNTIFS(B:B,"<>",C:C,"") */
export function formulaActiveIssues(x: FlatInputs): number {
  return FJ.COUNTIFS(x.opened, '<>', x.resolved, '') as number;
}

/** First days (serials) of the months that hold `serials` — the period boundaries a user types. */
export function monthStarts(serials: readonly unknown[]): number[] {
  const months = new Set<number>();
  for (const v of serials) if (typeof v === 'number') months.add(monthIndex(v));
  return [...months].sort((a, b) => a - b).map((m) => Date.UTC(Math.floor(m / 12), m % 12, 1) / MS_PER_DAY + UNIX_EPOCH_SERIAL);
}

/**
 * Per month, the portable scorecard's formulas: rows = COUNTIFS(dates,">="&start,dates,"<"&end),
 * NPS = (COUNTIFS(…,scores,">=9") − COUNTIFS(…,scores,"<=6")) / COUNTIFS(…,scores,">=0") × 100.
 * `only` limits the run to the first `only` months (the 1,048,576-row case is extrapolated from one).
 */
export function formulaNpsByMonth(x: FlatInputs, starts: readonly number[], only = starts.length): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let k = 0; k < Math.min(only, starts.length); k++) {
    const from = `>=${starts[k]}`;
    const to = `<${k + 1 < starts.length ? starts[k + 1] : monthAfter(starts[k])}`;
    const rows = FJ.COUNTIFS(x.opened, from, x.opened, to) as number;
    const p = FJ.COUNTIFS(x.opened, from, x.opened, to, x.scores, '>=9') as number;
    const d = FJ.COUNTIFS(x.opened, from, x.opened, to, x.scores, '<=6') as number;
    const n = FJ.COUNTIFS(x.opened, from, x.opened, to, x.scores, '>=0') as number;
    out.push([starts[k], rows, ((p - d) / n) * 100]);
  }
  return out;
}

function monthAfter(start: number): number {
  const m = monthIndex(start) + 1;
  return Date.UTC(Math.floor(m / 12), m % 12, 1) / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}
