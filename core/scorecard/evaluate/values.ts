/**
 * The evaluator's values: scalars (blank is `null`, distinct from the text ""), errors, arrays,
 * and the coercions and operators a spreadsheet applies to single values.
 *
 * Native semantics follow Excel and LibreOffice where the scorecard relies on them: a blank cell
 * is 0 in arithmetic and comparisons but "" equals it; text cells are never numbers for criteria;
 * booleans are not numbers for COUNT/SUMIFS; errors propagate.
 */
import type { WallClock } from '../../values/clock.js';
import { errorCode, isDateObject } from '../../values/grid.js';
import { isErrorText } from '../../values/text.js';
import type { Expr } from '../types.js';

export interface EvalError {
  readonly error: string;
  /** For our functions' errors, their message as the notes quote it: the cells it names by sheet address (evaluate/sheet-cells.ts). */
  readonly message?: string;
}

/** A single value: blank is `null` (an empty cell), distinct from the text "". */
export type Scalar = number | string | boolean | null | EvalError;

export interface EvalArray {
  readonly rows: number;
  readonly cols: number;
  /** Cell at row-major index `i`, normalised (Date → serial, error text → error). */
  at(i: number): Scalar;
  /** The cells as a host would pass them to a custom function (raw). */
  readonly raw: readonly (readonly unknown[])[];
  /** Identity for caching (a range's address); undefined for computed arrays. */
  readonly key?: string;
  /**
   * The cells as numbers, when every cell is a number, a blank (0) or — for computed arrays — a
   * boolean (1/0, flagged in `bools`); undefined when a cell is text or an error. Lets arithmetic,
   * comparisons and SUMPRODUCT over 200 000 rows run on a Float64Array.
   */
  numeric?(): NumericView | undefined;
  /**
   * Data ranges with a numeric view: 1 where the cell is blank (0 in the view), null when no cell
   * is. Lets `range<>""` be a test on the range instead of an array of comparisons.
   */
  blanks?(): Uint8Array | null;
}

export interface NumericView {
  readonly values: Float64Array;
  /** 1 where the cell is a boolean (its value 1 or 0); absent when there is none. */
  readonly bools?: Uint8Array;
}

export type Value = Scalar | EvalArray;

export type Op = Extract<Expr, { kind: 'op' }>['op'];

export const isError = (v: unknown): v is EvalError =>
  typeof v === 'object' && v !== null && typeof (v as EvalError).error === 'string' && !Array.isArray(v);
export const isArray = (v: Value): v is EvalArray => typeof v === 'object' && v !== null && 'rows' in v;

export const err = (code: string, message?: string): EvalError => (message ? { error: code, message } : { error: code });
export const VALUE = err('#VALUE!');
export const DIV0 = err('#DIV/0!');
export const REF = err('#REF!');
export const NUM = err('#NUM!');
export const NA = err('#N/A');

/** One host cell as a native function sees it. */
export function scalarOf(v: unknown, clock: WallClock): Scalar {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : NUM;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') return isErrorText(v.trim()) ? err(v.trim().toUpperCase()) : v;
  if (isDateObject(v)) {
    const ms = v.getTime();
    return Number.isFinite(ms) ? clock.serialOfInstant(ms) : VALUE;
  }
  if (isError(v)) return v;
  const code = errorCode(v);
  return code ? err(code) : VALUE;
}

/** A single value from a value (a 1×1 array is its cell; a larger array in a single-value place is #VALUE!). */
export function single(v: Value): Scalar {
  if (!isArray(v)) return v;
  return v.rows === 1 && v.cols === 1 ? v.at(0) : VALUE;
}

// ------------------------------------------------------------------ coercions

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i;

export function toNumber(v: Scalar): number | EvalError {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  if (t !== '' && NUMBER_TEXT.test(t)) return Number(t);
  return VALUE;
}

/** Text as `&` makes it: numbers in general format, booleans as TRUE/FALSE. */
export function toText(v: Scalar): string | EvalError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isError(v)) return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(15))).toUpperCase();
}

export function truthy(v: Scalar): boolean | EvalError {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v === null) return false;
  if (isError(v)) return v;
  const t = v.trim().toUpperCase();
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  return VALUE;
}

const typeRank = (v: number | string | boolean): number => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);

/** Excel's comparison order across types: numbers < text < booleans; text case-insensitive. */
export function compare(a: Scalar, b: Scalar): number | EvalError {
  if (isError(a)) return a;
  if (isError(b)) return b;
  // A blank takes the type of the other side.
  const x = a === null ? (typeof b === 'string' ? '' : typeof b === 'boolean' ? false : 0) : a;
  const y = b === null ? (typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0) : b;
  const rx = typeRank(x), ry = typeRank(y);
  if (rx !== ry) return rx - ry;
  if (typeof x === 'string') {
    const p = x.toLowerCase(), q = (y as string).toLowerCase();
    return p < q ? -1 : p > q ? 1 : 0;
  }
  const p = Number(x), q = Number(y);
  return p < q ? -1 : p > q ? 1 : 0;
}

export const COMPARISON: ReadonlySet<Op> = new Set(['=', '<>', '<', '<=', '>', '>=']);

export function scalarOp(o: Op, a: Scalar, b: Scalar): Scalar {
  if (o === '&') {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    return isError(y) ? y : x + y;
  }
  if (COMPARISON.has(o)) {
    const c = compare(a, b);
    if (isError(c)) return c;
    switch (o) {
      case '=': return c === 0;
      case '<>': return c !== 0;
      case '<': return c < 0;
      case '<=': return c <= 0;
      case '>': return c > 0;
      default: return c >= 0;
    }
  }
  const x = toNumber(a);
  if (isError(x)) return x;
  const y = toNumber(b);
  if (isError(y)) return y;
  switch (o) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    default: return y === 0 ? DIV0 : x / y;
  }
}

/** `a op b` for two numbers: the common case of array arithmetic, without the coercions. */
export function numberOp(o: Op, x: number, y: number): Scalar {
  switch (o) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/': return y === 0 ? DIV0 : x / y;
    case '=': return x === y;
    case '<>': return x !== y;
    case '<': return x < y;
    case '<=': return x <= y;
    case '>': return x > y;
    case '>=': return x >= y;
    default: return scalarOp(o, x, y);
  }
}
