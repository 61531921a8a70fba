/**
 * Arrays: data ranges (normalised once per address and shared by every formula naming them),
 * computed arrays, and element-wise arithmetic and comparisons — on Float64Arrays when every cell
 * is a number, a blank or a boolean, else cell by cell with the spreadsheet's coercions.
 */
import type { WallClock } from '../../values/clock.js';
import { CELL_BLANK, CELL_DATE, CELL_NUMBER, columnCell, HAS_BOOLEAN, HAS_TEXT, sliceKinds } from '../columns.js';
import type { ColumnSlice } from '../columns.js';
import type { RangeRef } from '../types.js';
import type { EvalEnv, RangeData } from './env.js';
import { COMPARISON, isArray, isError, numberOp, scalarOf, scalarOp, VALUE } from './values.js';
import type { EvalArray, NumericView, Op, Scalar, Value } from './values.js';

export function gridArray(raw: readonly (readonly unknown[])[], clock: WallClock, key?: string, width?: number): EvalArray {
  const rows = raw.length;
  let cols = width ?? 0;
  if (width === undefined) for (const r of raw) if (r.length > cols) cols = r.length;
  return {
    rows, cols, raw, key,
    at(i) {
      const r = (i / cols) | 0;
      return scalarOf(raw[r][i - r * cols], clock);
    },
  };
}

/**
 * A data range as one normalised flat array, made once per address and reused by every formula
 * that names it (criteria, SUMPRODUCT and arithmetic then read plain values). A range of numbers,
 * dates and blanks is held as a Float64Array with a blank mask (no value per cell); any other
 * range as its scalars.
 */
export function rangeArray(ref: RangeRef, env: EvalEnv): EvalArray {
  const range = env.range(ref);
  const memoKey = `array\u0000${range.key}`;
  const hit = env.memo.get(memoKey) as EvalArray | undefined;
  if (hit) return hit;
  const cols = ref.lastCol - ref.firstCol + 1;
  const arr = range.slice
    ? sliceArray(range, range.slice, env.clock)
    : numericRange(range.raw, cols, env.clock, range.key) ?? scalarRange(range.raw, cols, env.clock, range.key);
  env.memo.set(memoKey, arr);
  return arr;
}

/** One column of a sheet held by column: numbers straight from its typed arrays, else its scalars. */
function sliceArray(range: RangeData, s: ColumnSlice, clock: WallClock): EvalArray {
  const n = s.length;
  const col = s.column;
  if ((sliceKinds(s) & (HAS_TEXT | HAS_BOOLEAN)) === 0) {
    const values = new Float64Array(n);
    let blanks: Uint8Array | null = null;
    let valid = true;
    for (let i = 0, r = s.from; i < n; i++, r++) {
      const k = col === undefined || r < 0 || r >= col.kinds.length ? CELL_BLANK : col.kinds[r];
      if (k === CELL_NUMBER || k === CELL_DATE) {
        const v = col!.numbers[r];
        if (v - v !== 0) {
          valid = false; // not finite (#NUM!) or an invalid date (#VALUE!): the general path
          break;
        }
        values[i] = k === CELL_NUMBER ? v : clock.serialOfInstant(v);
      } else (blanks ??= new Uint8Array(n))[i] = 1;
    }
    if (valid) return numericRangeArray(n, 1, range, values, blanks);
  }
  const cells: Scalar[] = new Array(n);
  for (let i = 0; i < n; i++) cells[i] = scalarOf(columnCell(col, s.from + i), clock);
  let view: NumericView | undefined | null = null;
  return {
    rows: n, cols: 1, key: range.key,
    get raw() {
      return range.raw;
    },
    at: (i) => cells[i],
    numeric() {
      if (view === null) view = numericCells(cells);
      return view;
    },
  };
}

/** A range of numbers, dates and blanks as numbers (blanks 0 with a mask); undefined when a cell is anything else. */
function numericRange(raw: readonly (readonly unknown[])[], cols: number, clock: WallClock, key: string): EvalArray | undefined {
  const rows = raw.length;
  const n = rows * cols;
  const values = new Float64Array(n);
  let blanks: Uint8Array | null = null;
  for (let r = 0, i = 0; r < rows; r++) {
    const row = raw[r];
    for (let c = 0; c < cols; c++, i++) {
      const v = row[c];
      if (typeof v === 'number' && v - v === 0) values[i] = v;
      else if (v === null || v === undefined) (blanks ??= new Uint8Array(n))[i] = 1;
      else {
        const s = scalarOf(v, clock);
        if (typeof s !== 'number') return undefined;
        values[i] = s;
      }
    }
  }
  return numericRangeArray(rows, cols, { raw, key }, values, blanks);
}

/** A data range held as numbers and a blank mask (see numericRange); its raw cells from `range` when asked. */
function numericRangeArray(rows: number, cols: number, range: Pick<RangeData, 'raw' | 'key'>, values: Float64Array, blanks: Uint8Array | null): EvalArray {
  const view: NumericView = { values };
  return {
    rows, cols, key: range.key,
    get raw() {
      return range.raw;
    },
    at: blanks === null ? (i) => values[i] : (i) => (blanks[i] === 1 ? null : values[i]),
    numeric: () => view,
    blanks: () => blanks,
  };
}

function scalarRange(raw: readonly (readonly unknown[])[], cols: number, clock: WallClock, key: string): EvalArray {
  const rows = raw.length;
  const cells: Scalar[] = new Array(rows * cols);
  for (let r = 0, i = 0; r < rows; r++) {
    const row = raw[r];
    for (let c = 0; c < cols; c++, i++) {
      const v = row[c];
      cells[i] = typeof v === 'number' && v - v === 0 ? v : scalarOf(v, clock);
    }
  }
  let view: NumericView | undefined | null = null;
  return {
    rows, cols, raw, key,
    at: (i) => cells[i],
    numeric() {
      if (view === null) view = numericCells(cells);
      return view;
    },
  };
}

/** Numbers and blanks (0) of data cells; undefined when any cell is text, a boolean or an error. */
function numericCells(cells: readonly Scalar[]): NumericView | undefined {
  const values = new Float64Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'number') values[i] = v;
    else if (v !== null) return undefined;
  }
  return { values };
}

/** A computed array of numbers (and booleans where `bools` says so). */
export function numericArray(rows: number, cols: number, values: Float64Array, bools?: Uint8Array): EvalArray {
  let raw: unknown[][] | undefined;
  const at = (i: number): Scalar => (bools && bools[i] ? values[i] !== 0 : values[i]);
  return {
    rows, cols, at,
    get raw() {
      if (!raw) {
        raw = [];
        for (let r = 0; r < rows; r++) {
          const line: unknown[] = [];
          for (let c = 0; c < cols; c++) line.push(at(r * cols + c));
          raw.push(line);
        }
      }
      return raw;
    },
    numeric: () => ({ values, bools }),
  };
}

export function flatArray(rows: number, cols: number, cells: Scalar[]): EvalArray {
  let raw: unknown[][] | undefined;
  return {
    rows, cols,
    at: (i) => cells[i],
    get raw() {
      if (!raw) {
        raw = [];
        for (let r = 0; r < rows; r++) raw.push(cells.slice(r * cols, r * cols + cols).map((c) => (isError(c) ? c.error : c)));
      }
      return raw;
    },
  };
}

/** `f` applied to a single value, or to every cell of an array (numbers on the fast path when `fast` is given). */
export function elementwise(v: Value, f: (x: Scalar) => Scalar, fast?: (x: number) => number): Value {
  if (!isArray(v)) return f(v);
  const view = fast ? v.numeric?.() : undefined;
  if (view && fast && !view.bools) {
    const out = new Float64Array(view.values.length);
    for (let i = 0; i < out.length; i++) out[i] = fast(view.values[i]);
    return numericArray(v.rows, v.cols, out);
  }
  const n = v.rows * v.cols;
  const out: Scalar[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = f(v.at(i));
  return flatArray(v.rows, v.cols, out);
}

/** An operand as numbers for the fast path: an array's numeric view, or a number/blank/boolean broadcast. */
function numericOperand(v: Value, comparison: boolean): NumericView | number | undefined {
  if (isArray(v)) {
    const view = v.numeric?.();
    // Booleans compare above every number: comparisons with them take the general path.
    return view && !(comparison && view.bools) ? view : undefined;
  }
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean' && !comparison) return v ? 1 : 0;
  return undefined;
}

/** Array arithmetic and comparisons on Float64Arrays; undefined when the general path is needed. */
function fastBinary(o: Op, a: Value, b: Value, rows: number, cols: number): EvalArray | undefined {
  if (o === '&') return undefined;
  const comparison = COMPARISON.has(o);
  const x = numericOperand(a, comparison);
  const y = x === undefined ? undefined : numericOperand(b, comparison);
  if (x === undefined || y === undefined) return undefined;
  const n = rows * cols;
  const xs = typeof x === 'number' ? undefined : x.values;
  const ys = typeof y === 'number' ? undefined : y.values;
  const xc = typeof x === 'number' ? x : 0;
  const yc = typeof y === 'number' ? y : 0;
  const out = new Float64Array(n);
  // Broadcast scalars into arrays once, then one tight loop per operator.
  const X = xs ?? new Float64Array(n).fill(xc);
  const Y = ys ?? new Float64Array(n).fill(yc);
  switch (o) {
    case '+': for (let i = 0; i < n; i++) out[i] = X[i] + Y[i]; break;
    case '-': for (let i = 0; i < n; i++) out[i] = X[i] - Y[i]; break;
    case '*': for (let i = 0; i < n; i++) out[i] = X[i] * Y[i]; break;
    case '/':
      for (let i = 0; i < n; i++) {
        if (Y[i] === 0) return undefined; // #DIV/0! cells: the general path
        out[i] = X[i] / Y[i];
      }
      break;
    case '=': for (let i = 0; i < n; i++) out[i] = X[i] === Y[i] ? 1 : 0; break;
    case '<>': for (let i = 0; i < n; i++) out[i] = X[i] !== Y[i] ? 1 : 0; break;
    case '<': for (let i = 0; i < n; i++) out[i] = X[i] < Y[i] ? 1 : 0; break;
    case '<=': for (let i = 0; i < n; i++) out[i] = X[i] <= Y[i] ? 1 : 0; break;
    case '>': for (let i = 0; i < n; i++) out[i] = X[i] > Y[i] ? 1 : 0; break;
    default: for (let i = 0; i < n; i++) out[i] = X[i] >= Y[i] ? 1 : 0;
  }
  return numericArray(rows, cols, out, comparison ? new Uint8Array(n).fill(1) : undefined);
}

/** `a op b` for single values and arrays (an array and a single value: the value against every cell). */
export function binary(o: Op, a: Value, b: Value): Value {
  if (!isArray(a) && !isArray(b)) return scalarOp(o, a, b);
  if (isArray(a) && isArray(b) && (a.rows !== b.rows || a.cols !== b.cols)) return VALUE;
  const shape = isArray(a) ? a : (b as EvalArray);
  const fast = fastBinary(o, a, b, shape.rows, shape.cols);
  if (fast) return fast;
  const A = isArray(a) ? a : undefined;
  const B = isArray(b) ? b : undefined;
  const { rows, cols } = shape;
  const n = rows * cols;
  const arithmetic = o !== '&' && !COMPARISON.has(o);
  const out: Scalar[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let x = A ? A.at(i) : (a as Scalar);
    let y = B ? B.at(i) : (b as Scalar);
    // Booleans from comparisons are 1/0 in arithmetic (the products of SUMPRODUCT criteria).
    if (arithmetic) {
      if (typeof x === 'boolean') x = x ? 1 : 0;
      if (typeof y === 'boolean') y = y ? 1 : 0;
    }
    // A blank next to a number is 0 (in arithmetic and comparisons alike).
    if (x === null && typeof y === 'number' && o !== '&') x = 0;
    else if (y === null && typeof x === 'number' && o !== '&') y = 0;
    out[i] = typeof x === 'number' && typeof y === 'number' ? numberOp(o, x, y) : scalarOp(o, x, y);
  }
  return compact(rows, cols, out);
}

/**
 * Cells that are all numbers and booleans (a comparison with "" over a range, say) as a numeric
 * array, so the products that follow take the fast path; anything else as it is.
 */
function compact(rows: number, cols: number, cells: Scalar[]): EvalArray {
  const n = cells.length;
  const values = new Float64Array(n);
  let bools: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const v = cells[i];
    if (typeof v === 'number') values[i] = v;
    else if (typeof v === 'boolean') {
      values[i] = v ? 1 : 0;
      (bools ??= new Uint8Array(n))[i] = 1;
    } else return flatArray(rows, cols, cells);
  }
  return numericArray(rows, cols, values, bools);
}
