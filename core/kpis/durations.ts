/**
 * Ticket durations: reading opened/resolved pairs (two ranges, or one two-column range), the unit
 * and business-hours arguments, and turning a pair of wall-clock serials into a duration.
 *
 * Durations are computed in whole milliseconds (`round((resolved − opened) × 86 400 000)`): the
 * spreadsheet's own `=B2-A2` in wall-clock time, without the floating-point dust of serials, so a
 * four-hour ticket is 4 hours and not 3.9999999999.
 */
import { noDataError, valueError } from '../errors.js';
import type { CellPlace } from '../errors.js';
import { civilOfSerial, MS_PER_DAY } from '../values/clock.js';
import type { CallContext } from '../values/context.js';
import { columnRows, describeValue, isCellRow, placeOf, positionOf, unwrapScalar } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import {
  cellError, isOmitted, MAX_DATE_SERIAL, MIN_DATE_SERIAL, NOT_A_DATE, cellNumber, readDates, readNumbers, readTextArg,
  readWordArg, requireSameSize, typedCellNumber,
} from '../values/read.js';
import { isTypedColumn } from '../values/typed-column.js';
import type { TypedColumn } from '../values/typed-column.js';
import { UNIT_PER_DAY, UNIT_WORDS } from '../values/words.js';
import type { DurationUnit } from '../values/words.js';
import { businessClock, businessMinutesBetween, calendarSchedule, isScheduleProblem, scheduleFor } from './business-hours.js';
import type { BusinessClock } from './business-hours.js';

// ---------------------------------------------------------------- opened/closed pairs

/** Tickets as two aligned columns of serials (NaN = blank). */
export interface TicketRows {
  readonly opened: Float64Array;
  /** Resolved (or first response) serials; NaN = still open. */
  readonly closed: Float64Array;
  /** The range rows are reported against. */
  readonly grid: Grid;
  /** The resolved (first response) range: the cell a row out of order is placed at (errors.ts). */
  readonly closedGrid: Grid;
  /** True for the two-column form: positions are its rows. */
  readonly twoColumn: boolean;
}

/** `row 7` (or `row 7, column 2` for a paired range of several columns), placed at its closing cell. */
export function whereOf(t: TicketRows, i: number): CellPlace {
  if (!t.twoColumn) {
    const closed = placeOf(t.closedGrid, i);
    return { ...closed, text: positionOf(t.grid, i) };
  }
  return { ...placeOf(t.grid, i * t.grid.cols + 1), text: `row ${i + 1}` };
}

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

/** A serial as the wall-clock text a user would recognise: `2026-03-01 10:00` (seconds only when set). */
export function wallClockText(serial: number): string {
  const seconds = Math.round(serial * 86_400);
  const day = Math.floor(seconds / 86_400);
  const s = seconds - day * 86_400;
  const { y, m, d } = civilOfSerial(day);
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  return `${y}-${pad2(m)}-${pad2(d)} ${pad2(hh)}:${pad2(mm)}${ss ? ':' + pad2(ss) : ''}`;
}

/** Serials closer than this (about 0.1 ms) are the same instant: the dust of different date sources. */
const SAME_INSTANT = 1e-9;
/** Held once: a global lookup per ticket is slow inside a Node vm context (see core/values/read.ts). */
const floor = Math.floor;
const DateClass = Date;

/**
 * Whole milliseconds of a duration given in ms: floor(x + 0.5), which is Math.round for these
 * values (ties up), without Math.round's branch — on random data that branch mispredicts and costs
 * as much as the rest of a ticket's work.
 */
function wholeMs(x: number): number {
  return floor(x + 0.5);
}

/** The error of a ticket closed before it was opened, naming the cell `at` (one message for every reader). */
function closedBeforeOpened(ctx: CallContext, at: CellPlace, closedName: string, closed: number, opened: number): never {
  throw valueError(ctx.fn, `${closedName.replace(/_/g, ' ')} ${wallClockText(closed)} is before opened ${wallClockText(opened)} at ${at.text}`, [at]);
}

function orderError(ctx: CallContext, t: TicketRows, closedName: string, i: number): never {
  return closedBeforeOpened(ctx, whereOf(t, i), closedName, t.closed[i], t.opened[i]);
}

/** Throws for the first row whose closing date lies before its opened date. */
function requireOrder(ctx: CallContext, t: TicketRows, closedName: string): void {
  const { opened, closed } = t;
  for (let i = 0; i < opened.length; i++) {
    if (closed[i] < opened[i] - SAME_INSTANT) orderError(ctx, t, closedName, i);
  }
}

/**
 * Two ranges of the same size: opened and resolved (or first response). Rows with a blank opened
 * date are skipped by the callers; a closing date before its opened date is an error naming the row.
 */
export function readPairs(ctx: CallContext, opened: unknown, closed: unknown, closedName = 'resolved'): TicketRows {
  const o = readDates(ctx, opened, 'opened');
  const c = readDates(ctx, closed, closedName);
  requireSameSize(ctx, o, 'opened', c, closedName);
  const t: TicketRows = { opened: o.values, closed: c.values, grid: o.grid, closedGrid: c.grid, twoColumn: false };
  requireOrder(ctx, t, closedName);
  return t;
}

/**
 * What foldPairs adds up: `durations` — rows with both dates, the sum of their durations in ms and
 * their number; `open` — rows with an opened date and no closing date; `activeAt` — rows active at
 * `asOf` (opened ≤ asOf and not closed by then).
 */
export type Fold = 'durations' | 'open' | 'activeAt';

export interface FoldTotals {
  readonly sum: number;
  readonly n: number;
}

/**
 * One pass over two columns of the same length (see columnRows) — the usual shape — reading, checking
 * (date range, closing before opened) and folding each row without keeping the dates: what
 * readPairs and a loop over its arrays do, at about the cost of a bare loop. Returns undefined for
 * any other shape (the caller takes the readPairs path, which also reports mismatched sizes), and
 * when the caller keeps both columns read (ReadCache): readPairs then reads no cell.
 * Errors name the same values and positions as readPairs; with several bad cells the first row wins.
 */
export function foldPairs(
  ctx: CallContext, opened: unknown, closed: unknown, closedName: string, fold: Fold,
  business: BusinessClock | undefined, asOf = 0,
): FoldTotals | undefined {
  if (isTypedColumn(opened) && isTypedColumn(closed)) return foldTypedPairs(ctx, opened, closed, closedName, fold, business, asOf);
  const oc = columnRows(opened), cc = columnRows(closed);
  if (!oc || !cc || oc.length !== cc.length) return undefined;
  // Both columns already read by an earlier call of the caller (the scorecard's plan): the
  // readPairs path folds their kept dates without reading a cell (kept columns hold no bad cell).
  const reads = ctx.scope.reads;
  if (reads !== undefined && reads.get(oc, true) !== undefined && reads.get(cc, true) !== undefined) return undefined;
  const go: Grid = { cells: oc, rows: oc.length, cols: 1 };
  const gc: Grid = { cells: cc, rows: cc.length, cols: 1 };
  const durations = fold === 'durations', activeAt = fold === 'activeAt';
  const clock = ctx.clock;
  let sum = 0, closedRows = 0, openRows = 0, activeRows = 0;
  for (let r = 0; r < oc.length; r++) {
    const ro = oc[r], rc = cc[r];
    if (!isCellRow(ro) || !isCellRow(rc)) return undefined;
    const a = ro[0], b = rc[0];
    // This loop is the cost of the KPI: the usual cells inline — numbers (Excel) and Dates of this
    // realm (Sheets), on the spreadsheet's clock — and the rest through cellNumber.
    let o: number, c: number, ms: number;
    if (typeof a === 'number' && a - a === 0) o = a;
    else if (a instanceof DateClass && (ms = a.getTime()) - ms === 0) o = clock.serialOfInstant(ms);
    else o = cellNumber(ctx, go, r, a, 'opened');
    if (typeof b === 'number' && b - b === 0) c = b;
    else if (b instanceof DateClass && (ms = b.getTime()) - ms === 0) c = clock.serialOfInstant(ms);
    else c = cellNumber(ctx, gc, r, b, closedName);
    if (o < MIN_DATE_SERIAL || o >= MAX_DATE_SERIAL || o === 0) o = dateOrBlank(ctx, go, r, o, 'opened');
    if (c < MIN_DATE_SERIAL || c >= MAX_DATE_SERIAL || c === 0) c = dateOrBlank(ctx, gc, r, c, closedName);
    if (c < o - SAME_INSTANT) closedBeforeOpened(ctx, placeOf(gc, r), closedName, c, o);
    if (o === o) {
      if (c !== c) openRows++;
      else {
        closedRows++;
        if (durations) sum += business === undefined ? calendarMs(o, c) : durationMs(o, c, business);
      }
    }
    if (activeAt && o <= asOf && !(c <= asOf)) activeRows++; // NaN compares false: blank opened never counts, blank closed is open
  }
  return { sum, n: durations ? closedRows : activeAt ? activeRows : openRows };
}

/**
 * foldPairs over two columns held as typed arrays (core/values/typed-column.ts), each cell read as
 * typedCellNumber reads it: the same totals and, for bad cells, the same first error. Its checks and
 * counting repeat foldPairs' on purpose: that loop counts in locals, which a shared per-row step
 * (an object's fields) made ~10 % slower for the hosts' calls.
 */
function foldTypedPairs(
  ctx: CallContext, go: TypedColumn, gc: TypedColumn, closedName: string, fold: Fold, business: BusinessClock | undefined, asOf: number,
): FoldTotals | undefined {
  if (go.rows !== gc.rows) return undefined;
  const durations = fold === 'durations', activeAt = fold === 'activeAt';
  let sum = 0, closedRows = 0, openRows = 0, activeRows = 0;
  for (let r = 0; r < go.rows; r++) {
    let o = typedCellNumber(ctx, go, r, 'opened');
    let c = typedCellNumber(ctx, gc, r, closedName);
    if (o < MIN_DATE_SERIAL || o >= MAX_DATE_SERIAL || o === 0) o = dateOrBlank(ctx, go, r, o, 'opened');
    if (c < MIN_DATE_SERIAL || c >= MAX_DATE_SERIAL || c === 0) c = dateOrBlank(ctx, gc, r, c, closedName);
    if (c < o - SAME_INSTANT) closedBeforeOpened(ctx, placeOf(gc, r), closedName, c, o);
    if (o === o) {
      if (c !== c) openRows++;
      else {
        closedRows++;
        if (durations) sum += business === undefined ? calendarMs(o, c) : durationMs(o, c, business);
      }
    }
    if (activeAt && o <= asOf && !(c <= asOf)) activeRows++;
  }
  return { sum, n: durations ? closedRows : activeAt ? activeRows : openRows };
}

/** Serial 0 is a blank Excel passed as 0 (NaN); any other serial outside the date range is an error. */
function dateOrBlank(ctx: CallContext, g: Grid, r: number, serial: number, arg: string): number {
  if (serial === 0) return Number.NaN;
  return cellError(ctx, g, r, NOT_A_DATE, arg);
}

/** Wall-clock duration in whole ms (from ≤ to), as durationMs without a schedule. */
function calendarMs(from: number, to: number): number {
  const ms = wholeMs((to - from) * MS_PER_DAY);
  return ms > 0 ? ms : 0;
}

/** One range of two columns: opened in the first, resolved in the second. */
export function readTwoColumns(ctx: CallContext, range: unknown): TicketRows {
  const both = readDates(ctx, range, 'opened');
  const g = both.grid;
  if (g.cols !== 2) {
    throw valueError(
      ctx.fn,
      `without a resolved range, opened must be one range of two columns (opened, resolved), as in ${ctx.fn}(B2:C500, "days"); it has ${g.cols} column${g.cols === 1 ? '' : 's'}`,
    );
  }
  const opened = new Float64Array(g.rows);
  const closed = new Float64Array(g.rows);
  for (let r = 0; r < g.rows; r++) {
    opened[r] = both.values[2 * r];
    closed[r] = both.values[2 * r + 1];
  }
  const t: TicketRows = { opened, closed, grid: g, closedGrid: g, twoColumn: true };
  requireOrder(ctx, t, 'resolved');
  return t;
}

/** True when a value is a unit word (`"days"`, `"Tage"`): the shifted two-column form. */
export function isUnitWord(x: unknown): boolean {
  const v = unwrapScalar(x);
  return typeof v === 'string' && Object.prototype.hasOwnProperty.call(UNIT_WORDS, v.trim().toLowerCase());
}

/**
 * Tickets for AVG_RESOLUTION and MEDIAN_RESOLUTION, which also take one two-column range:
 * - `(opened, resolved, unit, business_hours, holidays)`: two ranges;
 * - `(range, "days", business_hours, holidays)`: a unit word where resolved would be — the
 *   following arguments move one place to the left;
 * - `(range)` or `(range, , "days", …)`: resolved left blank, the others stay where they are.
 * Returns the tickets and the remaining arguments (unit, business_hours, holidays).
 */
export function readResolutionArgs(ctx: CallContext, args: readonly unknown[]): { tickets: TicketRows; rest: readonly unknown[] } {
  if (isUnitWord(args[1])) return { tickets: readTwoColumns(ctx, args[0]), rest: args.slice(1) };
  if (isOmitted(args[1])) return { tickets: readTwoColumns(ctx, args[0]), rest: args.slice(2) };
  const v = unwrapScalar(args[1]);
  if (typeof v === 'string' && readNumbers(ctx, v, 'resolved').count === 0) {
    throw valueError(ctx.fn, `resolved ${describeValue(v)} is neither a range of resolved dates nor a unit ("hours", "minutes", "days")`);
  }
  return { tickets: readPairs(ctx, args[0], args[1]), rest: args.slice(2) };
}

// ---------------------------------------------------------------- units and business hours

export interface DurationOptions {
  readonly unit: DurationUnit;
  /** Milliseconds per unit: 3 600 000 for hours. */
  readonly msPerUnit: number;
  /** Business hours and holidays; undefined for calendar time. */
  readonly business: BusinessClock | undefined;
}

const EXAMPLE_SCHEDULE = 'write e.g. "Mon-Fri 09:00-17:00", "Mo-Fr 08:00-18:00" or "Mon-Thu 09:00-17:00; Fri 09:00-15:00"';

export function readUnit(ctx: CallContext, x: unknown): { unit: DurationUnit; msPerUnit: number } {
  const unit = readWordArg(ctx, x, 'unit', UNIT_WORDS, 'hours');
  return { unit, msPerUnit: MS_PER_DAY / UNIT_PER_DAY[unit] };
}

/**
 * Unit, schedule and holidays. A blank schedule means calendar time; holidays without a schedule
 * take their whole days out of calendar time.
 */
export function readDurationOptions(ctx: CallContext, unitArg: unknown, hoursArg: unknown, holidaysArg: unknown): DurationOptions {
  const { unit, msPerUnit } = readUnit(ctx, unitArg);
  const text = readTextArg(ctx, hoursArg, 'business_hours');
  const holidays = isOmitted(holidaysArg) ? undefined : readDates(ctx, holidaysArg, 'holidays');
  if (text === undefined && (holidays === undefined || holidays.count === 0)) return { unit, msPerUnit, business: undefined };
  let schedule = calendarSchedule();
  if (text !== undefined) {
    const s = scheduleFor(text);
    if (isScheduleProblem(s)) throw valueError(ctx.fn, `business_hours ${describeValue(text)} is not a schedule: ${s.problem}; ${EXAMPLE_SCHEDULE}`);
    schedule = s;
  }
  return { unit, msPerUnit, business: businessClock(schedule, holidays ? holidays.values : new Float64Array(0)) };
}

/** Duration in whole milliseconds between two serials (from ≤ to): wall-clock, or business time. */
export function durationMs(from: number, to: number, business: BusinessClock | undefined): number {
  const ms = business === undefined
    ? wholeMs((to - from) * MS_PER_DAY)
    : wholeMs(businessMinutesBetween(business, from, to) * 60_000);
  return ms > 0 ? ms : 0;
}

/** The durations of closed tickets (opened and closing date both set), in ms, row order. */
export function closedDurations(t: TicketRows, business: BusinessClock | undefined): Float64Array {
  const { opened, closed } = t;
  let n = 0;
  for (let i = 0; i < opened.length; i++) if (opened[i] === opened[i] && closed[i] === closed[i]) n++;
  const out = new Float64Array(n);
  n = 0;
  for (let i = 0; i < opened.length; i++) {
    const o = opened[i], c = closed[i];
    if (o === o && c === c) out[n++] = durationMs(o, c, business);
  }
  return out;
}

/** Durations in ms of the closed tickets, or the "no data" error when none is closed. */
export function requireDurations(ctx: CallContext, t: TicketRows, business: BusinessClock | undefined, what = 'no resolved tickets'): Float64Array {
  const d = closedDurations(t, business);
  if (d.length === 0) throw noDataError(ctx.fn, `no data (${what})`);
  return d;
}

/**
 * Mean duration in ms of the closed tickets, in one pass and without keeping the durations; the
 * "no data" error when none is closed.
 */
export function meanDurationMs(ctx: CallContext, t: TicketRows, business: BusinessClock | undefined, what = 'no resolved tickets'): number {
  const { opened, closed } = t;
  let sum = 0, n = 0;
  if (business === undefined) {
    for (let i = 0; i < opened.length; i++) {
      const o = opened[i], c = closed[i];
      if (o === o && c === c) {
        const ms = wholeMs((c - o) * MS_PER_DAY);
        sum += ms > 0 ? ms : 0;
        n++;
      }
    }
  } else {
    for (let i = 0; i < opened.length; i++) {
      const o = opened[i], c = closed[i];
      if (o === o && c === c) {
        sum += durationMs(o, c, business);
        n++;
      }
    }
  }
  if (n === 0) throw noDataError(ctx.fn, `no data (${what})`);
  return sum / n;
}

/** Mean of durations (callers guarantee at least one). */
export function meanOf(xs: Float64Array): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}
