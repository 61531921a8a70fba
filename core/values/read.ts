/**
 * The one normaliser for cell values from any host. Ranges become typed arrays in row-major order
 * (NaN = blank or skipped text), so paired ranges stay aligned and huge ranges cost one allocation.
 * Errors name the function, the offending value and its position.
 */
import { valueError } from '../errors.js';
import type { CallContext, ReadCache, ReadColumn } from './context.js';
import { cellAt, columnRows, describeValue, errorCode, isCellRow, isDateObject, NOT_PLAIN, NOT_SCALAR, placeOf, plainValue, toGrid, unwrapScalar } from './grid.js';
import type { Grid } from './grid.js';
import { isErrorText, parseNumericText } from './text.js';
import { dateSerial, scanDateText } from './date-text.js';
import { dayMonthOrder } from './date-order.js';
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TRUE, isTypedColumn } from './typed-column.js';
import type { TypedColumn } from './typed-column.js';

/**
 * Globals used per cell, held in module constants: a global lookup is cheap in a browser or Apps
 * Script, but inside a Node vm context (where the tests and benchmarks load the bundles) every
 * global access goes through the context's interceptor and costs several times the cell's work.
 */
const NAN = Number.NaN;

export interface NumberColumn extends ReadColumn {
  readonly grid: Grid;
  /** One entry per cell, row-major; NaN where the cell is blank or skipped text. */
  readonly values: Float64Array;
  /** Number of non-NaN entries. */
  readonly count: number;
}

/** Throws the error for cell `i` of `g`: `NPS: "#DIV/0!" at row 3 is an error value`. */
export function cellError(ctx: CallContext, g: Grid, i: number, what: string, arg?: string): never {
  const at = placeOf(g, i, arg);
  throw valueError(ctx.fn, `${describeValue(cellAt(g, i))} at ${at.text} ${what}`, [at]);
}

/**
 * A cell as a number: finite numbers as they are, `Date` objects as wall-clock serials in the
 * context's zone, numeric and date text parsed. NaN for blanks, booleans and other text (headers,
 * "n/a"). Throws for error cells, ambiguous numbers and unsupported date text.
 */
export function numberOfCell(ctx: CallContext, g: Grid, i: number, v: unknown, arg: string | undefined): number {
  if (typeof v === 'number') {
    if (v - v === 0) return v; // finite
    return cellError(ctx, g, i, 'is not a finite number', arg);
  }
  if (v === null || v === undefined || typeof v === 'boolean' || v === '') return NAN;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return NAN;
    if (isErrorText(t)) return cellError(ctx, g, i, 'is an error value', arg);
    const parsed = parseNumericText(t);
    if (parsed === undefined) return dateOfText(ctx, g, i, t, arg);
    if (typeof parsed === 'number') return parsed;
    return cellError(ctx, g, i, parsed.problem, arg);
  }
  if (isDateObject(v)) {
    const ms = v.getTime();
    if (ms - ms !== 0) return cellError(ctx, g, i, 'is not a valid date', arg);
    const serial = ctx.clock.serialOfInstant(ms);
    // A Date beyond what spreadsheets hold is no number either (its serial would be millions).
    if (serial < MIN_DATE_SERIAL || serial >= MAX_DATE_SERIAL) return cellError(ctx, g, i, NOT_A_DATE, arg);
    return serial;
  }
  if (errorCode(v)) return cellError(ctx, g, i, 'is an error value', arg);
  const plain = plainValue(v);
  if (plain !== NOT_PLAIN) return numberOfCell(ctx, g, i, plain, arg);
  return cellError(ctx, g, i, 'is not a value this function reads', arg);
}

/**
 * Date text as a wall-clock serial; NaN when the text is no date. Numeric `d/m/y` text takes the
 * call's day/month order (decided once over all its date arguments, date-order.ts).
 */
function dateOfText(ctx: CallContext, g: Grid, i: number, t: string, arg: string | undefined): number {
  const p = scanDateText(t);
  if (p === undefined) return NAN;
  if ('problem' in p) return cellError(ctx, g, i, p.problem, arg);
  const serial = dateSerial(p, p.orderDependent ? dayMonthOrder(ctx, g, arg) : undefined, ctx.clock);
  return typeof serial === 'number' ? serial : cellError(ctx, g, i, serial.problem, arg);
}

const DateClass = Date;

/**
 * A cell as a number: a finite number as it is, a Date of this realm (Sheets' date cells) on the
 * context's clock, everything else through numberOfCell. The reading loops test the finite-number
 * case inline before calling this (most cells; the JIT does not always inline the call).
 */
export function cellNumber(ctx: CallContext, g: Grid, i: number, v: unknown, arg: string | undefined): number {
  if (typeof v === 'number' && v - v === 0) return v;
  if (v instanceof DateClass) {
    const ms = v.getTime();
    if (ms - ms === 0) {
      const serial = ctx.clock.serialOfInstant(ms);
      if (serial >= MIN_DATE_SERIAL && serial < MAX_DATE_SERIAL) return serial;
    }
  }
  return numberOfCell(ctx, g, i, v, arg);
}

/** Every cell of a range (or a single value) as numbers. `arg` names the argument in messages when a function has several ranges. */
export function readNumbers(ctx: CallContext, x: unknown, arg?: string): NumberColumn {
  return readColumn(ctx, x, arg, false);
}

/**
 * The one reading loop: one pass, one allocation, the common case (a finite number) inline and
 * everything else in numberOfCell. With `dates`, numbers outside the spreadsheet date range are
 * errors, checked in the same pass.
 */
function readColumn(ctx: CallContext, x: unknown, arg: string | undefined, dates: boolean): NumberColumn {
  const reads = ctx.scope.reads;
  if (reads === undefined || typeof x !== 'object' || x === null) return readColumnNow(ctx, x, arg, dates);
  const kept = reads.get(x, dates);
  if (kept !== undefined) return kept as NumberColumn;
  // A column whose text asked for the call's day/month order reads by this call's decision: kept
  // only when nothing was asked (no order-dependent date text in it).
  const asked = ctx.scope.orderAsked;
  const read = readColumnNow(ctx, x, arg, dates);
  if (ctx.scope.orderAsked === asked) reads.set(x, dates, read);
  return read;
}

/** A ReadCache for one caller's calls over arrays it does not change (the scorecard: one per plan). */
export function newReadCache(): ReadCache {
  const numbers = new WeakMap<object, ReadColumn>(), dates = new WeakMap<object, ReadColumn>();
  const derived = new WeakMap<Float64Array, Map<string, unknown>>();
  return {
    get: (range, asDates) => (asDates ? dates : numbers).get(range),
    set: (range, asDates, read) => {
      (asDates ? dates : numbers).set(range, read);
    },
    derive<T>(values: Float64Array, key: string, make: () => T): T {
      let byKey = derived.get(values);
      if (!byKey) derived.set(values, (byKey = new Map()));
      if (!byKey.has(key)) byKey.set(key, make());
      return byKey.get(key) as T;
    },
  };
}

function readColumnNow(ctx: CallContext, x: unknown, arg: string | undefined, dates: boolean): NumberColumn {
  if (isTypedColumn(x)) return readTypedColumn(ctx, x, arg, dates);
  const column = columnRows(x);
  if (column) {
    const read = readCellColumn(ctx, column, arg, dates);
    if (read) return read;
  }
  const grid = toGrid(x);
  const { rows, cols, cells } = grid;
  const values = new Float64Array(rows * cols);
  let count = 0;
  let i = 0;
  for (let r = 0; r < rows; r++) {
    const row = cells[r];
    for (let c = 0; c < cols; c++, i++) {
      const v = row[c];
      let n = typeof v === 'number' && v - v === 0 ? v : cellNumber(ctx, grid, i, v, arg);
      if (n === n) {
        if (dates && (n < MIN_DATE_SERIAL || n >= MAX_DATE_SERIAL || n === 0)) {
          if (n !== 0) cellError(ctx, grid, i, NOT_A_DATE, arg);
          n = NAN; // serial 0 (1899-12-30 00:00) is a blank that Excel passed as 0
        } else count++;
      }
      values[i] = n;
    }
  }
  return { grid, values, count };
}

/** readColumn for a column (see columnRows); undefined when a row turns out not to be a one-cell array. */
function readCellColumn(ctx: CallContext, cells: readonly (readonly unknown[])[], arg: string | undefined, dates: boolean): NumberColumn | undefined {
  const rows = cells.length;
  const grid: Grid = { cells, rows, cols: 1 };
  const values = new Float64Array(rows);
  let count = 0;
  for (let r = 0; r < rows; r++) {
    const row = cells[r];
    if (!isCellRow(row)) return undefined;
    const v = row[0];
    let n = typeof v === 'number' && v - v === 0 ? v : cellNumber(ctx, grid, r, v, arg);
    if (n === n) {
      if (dates && (n < MIN_DATE_SERIAL || n >= MAX_DATE_SERIAL || n === 0)) {
        if (n !== 0) cellError(ctx, grid, r, NOT_A_DATE, arg);
        n = NAN; // serial 0: a blank that Excel passed as 0
      } else count++;
    }
    values[r] = n;
  }
  return { grid, values, count };
}

/** Milliseconds a Date holds (beyond them a Date is invalid), and its truncation of fractions. */
const MAX_DATE_MS = 8.64e15;
const trunc = Math.trunc;

/**
 * Cell `i` of a column held as typed arrays (typed-column.ts) as cellNumber reads its host value:
 * numbers and dates from the arrays, anything else (text, a number or date that is an error)
 * through cellNumber with the host value `cell(i)`.
 */
export function typedCellNumber(ctx: CallContext, x: TypedColumn, i: number, arg: string | undefined): number {
  const col = x.column;
  if (col === undefined) return NAN;
  const j = x.index === undefined ? x.from + i : x.index[i];
  const k = j >= 0 && j < col.kinds.length ? col.kinds[j] : CELL_BLANK;
  if (k === CELL_NUMBER) {
    const n = col.numbers[j];
    return n - n === 0 ? n : cellNumber(ctx, x, i, n, arg); // throws: not a finite number
  }
  if (k === CELL_DATE) {
    const ms = col.numbers[j];
    // What `new Date(ms)` holds: whole milliseconds, invalid beyond ±8.64e15.
    const serial = ms >= -MAX_DATE_MS && ms <= MAX_DATE_MS ? ctx.clock.serialOfInstant(trunc(ms)) : NAN;
    return serial >= MIN_DATE_SERIAL && serial < MAX_DATE_SERIAL ? serial : cellNumber(ctx, x, i, x.cell(i), arg);
  }
  if (k === CELL_BLANK || k === CELL_TRUE || k === CELL_FALSE) return NAN;
  return cellNumber(ctx, x, i, x.cell(i), arg);
}

/** readColumn for a column held as typed arrays: each cell as typedCellNumber reads it. */
function readTypedColumn(ctx: CallContext, x: TypedColumn, arg: string | undefined, dates: boolean): NumberColumn {
  const rows = x.rows;
  const values = new Float64Array(rows);
  let count = 0;
  for (let i = 0; i < rows; i++) {
    let n = typedCellNumber(ctx, x, i, arg);
    if (n === n) {
      if (dates && (n < MIN_DATE_SERIAL || n >= MAX_DATE_SERIAL || n === 0)) {
        if (n !== 0) cellError(ctx, x, i, NOT_A_DATE, arg);
        n = NAN; // serial 0: a blank that Excel passed as 0
      } else count++;
    }
    values[i] = n;
  }
  return { grid: x, values, count };
}

/** Numbers that count something (customers, people, items): a negative one is an error naming its cell and `why`. */
export function readCounts(ctx: CallContext, x: unknown, arg: string, why: string): NumberColumn {
  const col = readNumbers(ctx, x, arg);
  const v = col.values;
  for (let i = 0; i < v.length; i++) if (v[i] < 0) cellError(ctx, col.grid, i, `is negative; ${why}`, arg);
  return col;
}

/** Sum of the numbers in a range or a single number (a flow: complaints, hires, amounts). */
export function sumOf(col: NumberColumn): number {
  const v = col.values;
  let s = 0;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) s += v[i];
  return s;
}

/** The first number of a range in period order (a stock at the start). NaN when there is none. */
export function firstOf(col: NumberColumn): number {
  const v = col.values;
  for (let i = 0; i < v.length; i++) if (v[i] === v[i]) return v[i];
  return NAN;
}

/** The last number of a range in period order (a stock at the end). NaN when there is none. */
export function lastOf(col: NumberColumn): number {
  const v = col.values;
  for (let i = v.length - 1; i >= 0; i--) if (v[i] === v[i]) return v[i];
  return NAN;
}

/** Throws unless two ranges hold the same number of cells. */
export function requireSameSize(ctx: CallContext, a: NumberColumn | Grid, aName: string, b: NumberColumn | Grid, bName: string): void {
  const ga = 'grid' in a ? a.grid : a;
  const gb = 'grid' in b ? b.grid : b;
  if (ga.rows * ga.cols !== gb.rows * gb.cols) {
    throw valueError(ctx.fn, `${aName} has ${ga.rows * ga.cols} cells but ${bName} has ${gb.rows * gb.cols}; the ranges must be the same size`);
  }
}

// ---------------------------------------------------------------- keys (ids, names, groups)

/**
 * Cells as trimmed text keys (customer ids, agents, channels); `42` and `"42"` are the same key.
 * `undefined` for blanks. Error cells are errors. Dates become their wall-clock serial text.
 */
export function readKeys(ctx: CallContext, x: unknown, arg?: string): { grid: Grid; keys: (string | undefined)[] } {
  const grid = toGrid(x);
  const n = grid.rows * grid.cols;
  const keys: (string | undefined)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    // A column held as typed arrays gives its cells one by one (cellAt), never its rows.
    const v = cellAt(grid, i);
    let k: string | undefined;
    if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '') {
        if (isErrorText(t)) cellError(ctx, grid, i, 'is an error value', arg);
        k = t;
      }
    } else if (typeof v === 'number') {
      if (v - v !== 0) cellError(ctx, grid, i, 'is not a finite number', arg);
      k = '' + v; // String(v) without a global lookup per cell
    } else if (typeof v === 'boolean') k = v ? 'TRUE' : 'FALSE';
    else if (v === null || v === undefined) k = undefined;
    else if (isDateObject(v)) k = String(numberOfCell(ctx, grid, i, v, arg));
    else if (errorCode(v)) cellError(ctx, grid, i, 'is an error value', arg);
    else k = keyOfPlain(ctx, grid, i, v, arg);
    keys[i] = k;
  }
  return { grid, keys };
}

/** The key of an Excel data-typed cell (an entity's text, a formatted number's value). */
function keyOfPlain(ctx: CallContext, grid: Grid, i: number, v: unknown, arg: string | undefined): string | undefined {
  const p = plainValue(v);
  if (p === NOT_PLAIN) return cellError(ctx, grid, i, 'is not a value this function reads', arg);
  if (p === null) return undefined;
  if (typeof p === 'string') return p.trim() === '' ? undefined : p.trim();
  return typeof p === 'boolean' ? (p ? 'TRUE' : 'FALSE') : '' + p;
}

/** Cells as text (comments); blanks and error cells become `undefined`-free: blanks skipped, errors thrown. */
export function readTexts(ctx: CallContext, x: unknown, arg?: string): { grid: Grid; texts: (string | undefined)[] } {
  const { grid, keys } = readKeys(ctx, x, arg);
  return { grid, texts: keys };
}

// ---------------------------------------------------------------- single values

/** True when an optional argument was omitted: `undefined`, `null`, `""` or a blank `[[x]]`. */
export function isOmitted(x: unknown): boolean {
  const v = plainScalar(x);
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function scalar(ctx: CallContext, x: unknown, arg: string): unknown {
  const v = plainScalar(x);
  if (v === NOT_SCALAR) throw valueError(ctx.fn, `${arg} must be a single value, not a range`);
  return v;
}

/** unwrapScalar, and the plain value of an Excel data type (a formatted number as its number). */
export function plainScalar(x: unknown): unknown {
  const v = unwrapScalar(x);
  if (typeof v === 'object' && v !== null && !isDateObject(v) && !errorCode(v)) {
    const p = plainValue(v);
    if (p !== NOT_PLAIN) return p;
  }
  return v;
}

/** A single number (or date); `fallback` when omitted. Throws with the argument named when it is not a number. */
export function readNumberArg(ctx: CallContext, x: unknown, arg: string, fallback?: number): number {
  const v = scalar(ctx, x, arg);
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (fallback === undefined) throw valueError(ctx.fn, `${arg} is required`);
    return fallback;
  }
  const g = toGrid(v);
  const n = numberOfCell(ctx, g, 0, v, arg);
  if (n !== n) throw valueError(ctx.fn, `${arg} ${describeValue(v)} is not a number`);
  return n;
}

/** A single word from a dictionary (English or German, case-insensitive); `fallback` when omitted. */
export function readWordArg<T extends string>(ctx: CallContext, x: unknown, arg: string, words: Readonly<Record<string, T>>, fallback: T): T {
  const v = scalar(ctx, x, arg);
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return fallback;
  if (typeof v === 'string') {
    // Own properties only: "constructor" or "__proto__" are no argument words.
    const key = v.trim().toLowerCase();
    if (Object.prototype.hasOwnProperty.call(words, key)) return words[key];
  }
  const allowed = [...new Set(Object.keys(words))].map((k) => `"${k}"`).join(', ');
  throw valueError(ctx.fn, `${arg} ${describeValue(v)} is not one of ${allowed}`);
}

/** A single text argument; `undefined` when omitted. */
export function readTextArg(ctx: CallContext, x: unknown, arg: string): string | undefined {
  const v = scalar(ctx, x, arg);
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim() === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw valueError(ctx.fn, `${arg} ${describeValue(v)} is not text`);
}

/**
 * The catalog KPI a `kpi` argument names among `names` (any case, "KPI." before it allowed, as Excel
 * shows our functions); `fallback` when blank, else an error listing the names.
 */
export function readKpiArg<K extends string>(ctx: CallContext, x: unknown, names: readonly K[], fallback?: K): K {
  const name = (readTextArg(ctx, x, 'kpi') ?? fallback ?? '').trim().toUpperCase().replace(/^KPI\./, '');
  if ((names as readonly string[]).includes(name)) return name as K;
  throw valueError(ctx.fn, `kpi ${describeValue(plainScalar(x) ?? '')} is not one of ${names.map((n) => `"${n}"`).join(', ')}`);
}

// ---------------------------------------------------------------- dates

/** Serials of 0100-01-01 and 10000-01-01: what spreadsheets can hold as dates. */
export const MIN_DATE_SERIAL = -657_434;
export const MAX_DATE_SERIAL = 2_958_466;
export const NOT_A_DATE = 'is not a date (outside the years 100 to 9999)';

/**
 * A range of dates and times as wall-clock serials; numbers outside the spreadsheet date range are
 * errors, and serial 0 is a blank (Excel may pass blank cells as 0; 1899-12-30 is never a date here).
 */
export function readDates(ctx: CallContext, x: unknown, arg?: string): NumberColumn {
  return readColumn(ctx, x, arg, true);
}

/**
 * A single date (serial, Date, date text or [[x]]); `fallback` when omitted. Serial 0
 * (1899-12-30 00:00) is read as omitted: it is how some Excel builds pass a blank single cell.
 */
export function readDateArg(ctx: CallContext, x: unknown, arg: string, fallback?: number): number {
  let s = readNumberArg(ctx, x, arg, fallback);
  if (s === 0) {
    if (fallback === undefined) throw valueError(ctx.fn, `${arg} is required (it is blank, or 0, which is how Excel may pass a blank cell)`);
    s = fallback;
  }
  if (s === fallback) return s;
  if (s < MIN_DATE_SERIAL || s >= MAX_DATE_SERIAL) throw valueError(ctx.fn, `${arg} ${s} ${NOT_A_DATE}`);
  return s;
}
