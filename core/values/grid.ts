/**
 * Host arguments as grids. Excel passes ranges as 2-D arrays and single cells as `[[x]]`; Sheets
 * passes ranges as 2-D arrays and single cells as scalars. A grid is read in place (row-major)
 * without copying: huge ranges must not be flattened.
 */
import type { CellPlace } from '../errors.js';
import { quote } from '../safe-text.js';
import { isTypedColumn } from './typed-column.js';

export interface Grid {
  readonly cells: readonly (readonly unknown[])[];
  readonly rows: number;
  readonly cols: number;
}

const EMPTY: Grid = { cells: [], rows: 0, cols: 0 };

/** Held once: a global lookup per row is slow inside a Node vm context (see read.ts). */
const isArray = Array.isArray;

/** True for a range argument: a host's 2-D array, or a column held as typed arrays (typed-column.ts). */
export function isRange(x: unknown): boolean {
  return isArray(x) || isTypedColumn(x);
}

export function toGrid(x: unknown): Grid {
  if (isTypedColumn(x)) return x;
  if (isArray(x)) {
    if (x.length === 0) return EMPTY;
    if (isArray(x[0])) {
      const cells = x as unknown[][];
      // One pass: the widest row, and whether every row is an array.
      let cols = 0;
      let mixed = false;
      for (let r = 0; r < cells.length; r++) {
        const row = cells[r];
        if (isArray(row)) {
          if (row.length > cols) cols = row.length;
        } else {
          mixed = true;
          if (cols < 1) cols = 1;
        }
      }
      if (cols > 0 && !mixed) return { cells, rows: cells.length, cols };
      // Ragged or mixed: normalise once (rare, only from JS callers). Array.from visits holes
      // (`[[9], , [3]]`), which map() would keep as holes: a missing row is one blank cell.
      const fixed = Array.from(cells, (row) => (isArray(row) ? row : [row]));
      return { cells: fixed, rows: fixed.length, cols };
    }
    // A 1-D array from a JavaScript caller is a column.
    return { cells: Array.from(x, (v) => [v]), rows: x.length, cols: 1 };
  }
  return { cells: [[x]], rows: 1, cols: 1 };
}

/**
 * The rows of `x` when it looks like one column — `[[a], [b], …]`, what hosts pass for a column —
 * judged by its first and last rows only. A reader then confirms each row as it reads it
 * (`isCellRow`) and falls back to toGrid when one is not a one-cell array: a column is traversed
 * once instead of twice (toGrid's check of every row costs as much as reading it).
 */
export function columnRows(x: unknown): readonly (readonly unknown[])[] | undefined {
  // A reader without a path of its own for typed columns reads their rows.
  if (isTypedColumn(x)) return x.rows > 0 ? x.cells : undefined;
  if (!isArray(x) || x.length === 0) return undefined;
  const first: unknown = x[0], last: unknown = x[x.length - 1];
  return isArray(first) && first.length === 1 && isArray(last) && last.length === 1 ? (x as unknown[][]) : undefined;
}

/** True for a row of a column: an array of exactly one cell. */
export function isCellRow(row: unknown): row is readonly [unknown] {
  return isArray(row) && row.length === 1;
}

/** Cell at row-major index `i` (undefined beyond a ragged row's end, read as blank). */
export function cellAt(g: Grid, i: number): unknown {
  if (isTypedColumn(g)) return g.cell(i);
  const r = (i / g.cols) | 0;
  return g.cells[r][i - r * g.cols];
}

/** Whether two grids are the same range (a column held as typed arrays is compared as itself, its rows never made for it). */
export function sameGrid(a: Grid, b: Grid): boolean {
  return a === b || (!isTypedColumn(a) && !isTypedColumn(b) && a.cells === b.cells);
}

/** `row 4` for a single column, `row 4, column 2` otherwise (1-based, within the range). */
export function positionOf(g: Grid, i: number): string {
  if (g.cols <= 1) return `row ${i + 1}`;
  const r = Math.floor(i / g.cols);
  return `row ${r + 1}, column ${i - r * g.cols + 1}`;
}

/**
 * Cell `i` of `g` as a message names it (`row 4`, `row 4 of flags`; see positionOf) and as data
 * (errors.ts): `range` is the array or typed column the caller passed, as `g` holds it.
 */
export function placeOf(g: Grid, i: number, arg?: string): CellPlace {
  const cols = Math.max(1, g.cols);
  const row = Math.floor(i / cols);
  const where = positionOf(g, i);
  return { text: arg ? `${where} of ${arg}` : where, range: isTypedColumn(g) ? g : g.cells, row, col: i - row * cols };
}

/** The row of a grid cell, 1-based. */
export function rowOf(g: Grid, i: number): number {
  return Math.floor(i / Math.max(1, g.cols)) + 1;
}

/** A single value: a scalar, or a 1×1 grid (`[[x]]`). `undefined` marks a larger range. */
export function unwrapScalar(x: unknown): unknown {
  let v = x;
  if (isTypedColumn(v)) return v.rows === 1 ? v.cell(0) : v.rows === 0 ? null : NOT_SCALAR;
  while (isArray(v)) {
    if (v.length !== 1) return v.length === 0 ? null : NOT_SCALAR;
    v = v[0];
  }
  return v;
}

export const NOT_SCALAR: unique symbol = Symbol('not a single value');

export const NOT_PLAIN: unique symbol = Symbol('not a plain value');

/**
 * The plain value inside an Excel data type (with `allowCustomDataForDataTypeAny`, Excel passes
 * data-typed cells as objects): a formatted number's or a double's `basicValue`, a string's or a
 * boolean's, an entity's plain `basicValue` or else its `text`; `null` for an empty value.
 * NOT_PLAIN for anything else (an error object, a web image). Readers call this on their slow
 * path only: plain cells never get here.
 */
export function plainValue(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return NOT_PLAIN;
  const o = v as { type?: unknown; basicValue?: unknown; text?: unknown };
  switch (o.type) {
    case 'Double':
    case 'FormattedNumber':
      return typeof o.basicValue === 'number' ? o.basicValue : NOT_PLAIN;
    case 'String':
      return typeof o.basicValue === 'string' ? o.basicValue : NOT_PLAIN;
    case 'Boolean':
      return typeof o.basicValue === 'boolean' ? o.basicValue : NOT_PLAIN;
    case 'Entity':
    case 'LinkedEntity':
      // An entity's basicValue is usually "#VALUE!"; a plain number or text there is its value.
      if (typeof o.basicValue === 'number' || (typeof o.basicValue === 'string' && !o.basicValue.startsWith('#'))) return o.basicValue;
      return typeof o.text === 'string' ? o.text : NOT_PLAIN;
    case 'Empty':
      return null;
    default:
      return NOT_PLAIN;
  }
}

/** How a cell value is shown in a message: numbers as they are, text quoted safely (safe-text.ts), dates as ISO. */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return 'a blank';
  if (isDateObject(v)) {
    const t = v.getTime();
    return Number.isNaN(t) ? 'an invalid date' : v.toISOString();
  }
  const err = errorCode(v);
  if (err) return err;
  const plain = plainValue(v);
  if (plain !== NOT_PLAIN) return describeValue(plain);
  return 'an unsupported value';
}

// Held once: per-cell global lookups are slow inside a Node vm context (see read.ts).
const DateClass = Date;
const toStringTag = Object.prototype.toString;

/** Dates created in another realm (Apps Script's, a vm context) fail `instanceof Date`. */
export function isDateObject(v: unknown): v is Date {
  return typeof v === 'object' && v !== null && (v instanceof DateClass || toStringTag.call(v) === '[object Date]');
}

/**
 * The error code of an error object a host passes for an error cell: a CustomFunctions.Error-like
 * `{ code: "#N/A" }` or an entity `{ type: "Error", basicValue: "#DIV/0!" }`.
 */
export function errorCode(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const o = v as { code?: unknown; type?: unknown; basicValue?: unknown; errorType?: unknown };
  if (o.type === 'Error' && typeof o.basicValue === 'string') return o.basicValue;
  if (typeof o.code === 'string' && o.code.startsWith('#')) return o.code;
  if (o.type === 'Error' && typeof o.errorType === 'string') return `#${o.errorType}`;
  return undefined;
}
