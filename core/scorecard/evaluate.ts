/**
 * Computes an Expr's value the way a spreadsheet would, so every formula of the plan carries a
 * cached value (hosts without a formula engine, the CLI's .xlsx, the HTML report and the preview
 * show numbers). Our functions run through the catalog (the same code the add-ins run); of the
 * native functions only the small set the scorecard emits is known: COUNTIFS, SUMIFS, AVERAGEIFS,
 * SUMPRODUCT, MEDIAN, PERCENTILE, INDEX, IF, IFERROR, IFNA, COUNT, COUNTA, ROWS, ABS, SQRT, SUM,
 * AVERAGE, DATE, SPARKLINE (a picture: ""), arithmetic, `&` and comparisons. It is not a general
 * engine: anything else is #NAME?.
 *
 * Native semantics follow Excel and LibreOffice where the scorecard relies on them: a blank cell
 * is 0 in arithmetic and comparisons but "" equals it; text cells are never numbers for criteria
 * (text dates do not match `">="&DATE(…)` — the plan checks for them before choosing a native
 * formula); booleans are not numbers for COUNT/SUMIFS; errors propagate.
 *
 * Speed: a range is turned into rows once (cached by its address); COUNTIFS/SUMIFS cache the rows
 * matching each prefix of their criteria, so the many per-period formulas of a portable scorecard
 * share the work of their date criteria instead of rescanning 200 000 rows each.
 */
import { findFunction } from '../catalog/index.js';
import { callSpec } from '../call.js';
import { isKpiError } from '../errors.js';
import type { WallClock } from '../values/clock.js';
import { wallClock } from '../values/clock.js';
import type { Cell } from '../values/context.js';
import { errorCode, isDateObject } from '../values/grid.js';
import { isErrorText } from '../values/text.js';
import type { Expr, LocalRef, RangeRef, WorkbookData } from './types.js';

// ------------------------------------------------------------------ values

export interface EvalError {
  readonly error: string;
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
}

export interface NumericView {
  readonly values: Float64Array;
  /** 1 where the cell is a boolean (its value 1 or 0); absent when there is none. */
  readonly bools?: Uint8Array;
}

export type Value = Scalar | EvalArray;

export const isError = (v: unknown): v is EvalError =>
  typeof v === 'object' && v !== null && typeof (v as EvalError).error === 'string' && !Array.isArray(v);
export const isArray = (v: Value): v is EvalArray => typeof v === 'object' && v !== null && 'rows' in v;

const err = (code: string, message?: string): EvalError => (message ? { error: code, message } : { error: code });
const VALUE = err('#VALUE!');
const DIV0 = err('#DIV/0!');
const REF = err('#REF!');
const NUM = err('#NUM!');

// ------------------------------------------------------------------ environment

export interface EvalEnv {
  readonly clock: WallClock;
  /** Cells of a data range as the host would pass them (blank = null), with a cache key. */
  range(ref: RangeRef): { readonly raw: readonly (readonly unknown[])[]; readonly key: string };
  /** Cached values of cells on the scorecard sheet itself (null = empty). */
  local(ref: LocalRef): readonly (readonly (Cell | null)[])[];
  /** Per-plan memo: criteria row sets, catalog results. */
  readonly memo: Map<string, unknown>;
}

const NULL_ROW: readonly unknown[] = Object.freeze([null]);

/**
 * An environment over a workbook's data. Ranges beyond a sheet's used area read as blank; an
 * open-ended range (`lastRow` null) ends at the sheet's last used row.
 */
export function workbookEnv(data: WorkbookData, local: EvalEnv['local'] = () => []): EvalEnv {
  const clock = wallClock(data.timeZone);
  const sheets = new Map(data.sheets.map((s) => [s.name, s]));
  const ranges = new Map<string, readonly (readonly unknown[])[]>();
  return {
    clock,
    local,
    memo: new Map(),
    range(ref) {
      const key = `${ref.sheet}\u0000${ref.firstRow}:${ref.lastRow ?? ''}:${ref.firstCol}:${ref.lastCol}`;
      let raw = ranges.get(key);
      if (!raw) {
        raw = readRange(sheets.get(ref.sheet), ref);
        ranges.set(key, raw);
      }
      return { raw, key };
    },
  };
}

function readRange(sheet: WorkbookData['sheets'][number] | undefined, ref: RangeRef): unknown[][] {
  const values = sheet?.values ?? [];
  const originRow = sheet?.originRow ?? 1;
  const originCol = sheet?.originCol ?? 1;
  const lastUsed = originRow + values.length - 1;
  const lastRow = ref.lastRow ?? Math.max(lastUsed, ref.firstRow - 1);
  const cols = ref.lastCol - ref.firstCol + 1;
  const out: unknown[][] = new Array(Math.max(0, lastRow - ref.firstRow + 1));
  for (let r = ref.firstRow, i = 0; r <= lastRow; r++, i++) {
    const src = values[r - originRow];
    if (!src) {
      out[i] = (cols === 1 ? NULL_ROW : new Array(cols).fill(null)) as unknown[];
      continue;
    }
    const row: unknown[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const v = src[ref.firstCol + c - originCol];
      row[c] = v === undefined || v === '' ? null : v;
    }
    out[i] = row;
  }
  return out;
}

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

function gridArray(raw: readonly (readonly unknown[])[], clock: WallClock, key?: string, width?: number): EvalArray {
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
 * that names it (criteria, SUMPRODUCT and arithmetic then read plain values).
 */
function rangeArray(ref: RangeRef, env: EvalEnv): EvalArray {
  const { raw, key } = env.range(ref);
  const memoKey = `array\u0000${key}`;
  const hit = env.memo.get(memoKey) as EvalArray | undefined;
  if (hit) return hit;
  const cols = ref.lastCol - ref.firstCol + 1;
  const rows = raw.length;
  const cells: Scalar[] = new Array(rows * cols);
  for (let r = 0, i = 0; r < rows; r++) {
    const row = raw[r];
    for (let c = 0; c < cols; c++, i++) {
      const v = row[c];
      cells[i] = typeof v === 'number' && v - v === 0 ? v : scalarOf(v, env.clock);
    }
  }
  let view: NumericView | undefined | null = null;
  const arr: EvalArray = {
    rows, cols, raw, key,
    at: (i) => cells[i],
    numeric() {
      if (view === null) view = numericCells(cells);
      return view;
    },
  };
  env.memo.set(memoKey, arr);
  return arr;
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
function numericArray(rows: number, cols: number, values: Float64Array, bools?: Uint8Array): EvalArray {
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

function flatArray(rows: number, cols: number, cells: Scalar[]): EvalArray {
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

// ------------------------------------------------------------------ coercions

function toNumber(v: Scalar): number | EvalError {
  if (typeof v === 'number') return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  if (t !== '' && /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i.test(t)) return Number(t);
  return VALUE;
}

/** Text as `&` makes it: numbers in general format, booleans as TRUE/FALSE. */
function toText(v: Scalar): string | EvalError {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isError(v)) return v;
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(15))).toUpperCase();
}

function truthy(v: Scalar): boolean | EvalError {
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
function compare(a: Scalar, b: Scalar): number | EvalError {
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

type Op = Extract<Expr, { kind: 'op' }>['op'];

function scalarOp(o: Op, a: Scalar, b: Scalar): Scalar {
  if (o === '&') {
    const x = toText(a);
    if (isError(x)) return x;
    const y = toText(b);
    return isError(y) ? y : x + y;
  }
  if (o === '=' || o === '<>' || o === '<' || o === '<=' || o === '>' || o === '>=') {
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

// ------------------------------------------------------------------ evaluation

/** The value of an expression in an environment. */
export function evaluate(e: Expr, env: EvalEnv): Value {
  switch (e.kind) {
    case 'num': return e.value;
    case 'str': return e.value;
    case 'bool': return e.value;
    case 'range':
      return rangeArray(e.ref, env);
    case 'local': {
      const raw = env.local(e.ref);
      const key = `local\u0000${e.ref.row}:${e.ref.col}:${e.ref.rows ?? 1}:${e.ref.cols ?? 1}`;
      const arr = gridArray(raw, env.clock, key);
      return arr.rows === 1 && arr.cols === 1 ? arr.at(0) : arr;
    }
    case 'neg': {
      const v = evaluate(e.arg, env);
      return elementwise(v, (x) => scalarOp('-', 0, x));
    }
    case 'op': {
      // Array arithmetic over data ranges only (no cells of the scorecard itself) gives the same
      // result wherever it appears: computed once (e.g. SLA's (R−O)*24<=target in every period).
      const key = pureKey(e);
      if (key !== undefined) {
        const hit = env.memo.get(key) as Value | undefined;
        if (hit !== undefined) return hit;
      }
      const v = binary(e.op, evaluate(e.left, env), evaluate(e.right, env));
      if (key !== undefined && isArray(v)) env.memo.set(key, v);
      return v;
    }
    case 'call':
      return e.ours ? callOurs(e.fn, e.args, env) : callNative(e.fn.toUpperCase(), e.args, env);
  }
}

function elementwise(v: Value, f: (x: Scalar) => Scalar): Value {
  if (!isArray(v)) return f(v);
  const n = v.rows * v.cols;
  const out: Scalar[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = f(v.at(i));
  return flatArray(v.rows, v.cols, out);
}

/** `a op b` for two numbers: the common case of array arithmetic, without the coercions. */
function numberOp(o: Op, x: number, y: number): Scalar {
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

const COMPARISON: ReadonlySet<Op> = new Set(['=', '<>', '<', '<=', '>', '>=']);

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

function binary(o: Op, a: Value, b: Value): Value {
  if (!isArray(a) && !isArray(b)) return scalarOp(o, a, b);
  if (isArray(a) && isArray(b) && (a.rows !== b.rows || a.cols !== b.cols)) return VALUE;
  const shape = isArray(a) ? a : (b as EvalArray);
  const fast = fastBinary(o, a, b, shape.rows, shape.cols);
  if (fast) return fast;
  const A = isArray(a) ? a : undefined;
  const B = isArray(b) ? b : undefined;
  if (A && B && (A.rows !== B.rows || A.cols !== B.cols)) return VALUE;
  const { rows, cols } = (A ?? B)!;
  const n = rows * cols;
  const out: Scalar[] = new Array(n);
  for (let i = 0; i < n; i++) {
    let x = A ? A.at(i) : (a as Scalar);
    let y = B ? B.at(i) : (b as Scalar);
    // Booleans from comparisons are 1/0 in arithmetic (the products of SUMPRODUCT criteria).
    if (o !== '&' && o !== '=' && o !== '<>' && o !== '<' && o !== '<=' && o !== '>' && o !== '>=') {
      if (typeof x === 'boolean') x = x ? 1 : 0;
      if (typeof y === 'boolean') y = y ? 1 : 0;
    }
    // A blank next to a number is 0 (in arithmetic and comparisons alike).
    if (x === null && typeof y === 'number' && o !== '&') x = 0;
    else if (y === null && typeof x === 'number' && o !== '&') y = 0;
    out[i] = typeof x === 'number' && typeof y === 'number' ? numberOp(o, x, y) : scalarOp(o, x, y);
  }
  return flatArray(rows, cols, out);
}

const pureKeys = new WeakMap<Expr, string | null>();

/** A key for an expression that reads only data ranges and literals; undefined when it reads the scorecard's own cells. */
function pureKey(e: Expr): string | undefined {
  const known = pureKeys.get(e);
  if (known !== undefined) return known ?? undefined;
  let key: string | null;
  switch (e.kind) {
    case 'num': key = `n${e.value}`; break;
    case 'str': key = `s${JSON.stringify(e.value)}`; break;
    case 'bool': key = `b${e.value}`; break;
    case 'range': key = `r${e.ref.sheet}\u0000${e.ref.firstRow}:${e.ref.lastRow}:${e.ref.firstCol}:${e.ref.lastCol}`; break;
    case 'local': key = null; break;
    case 'neg': {
      const k = pureKey(e.arg);
      key = k === undefined ? null : `-(${k})`;
      break;
    }
    case 'op': {
      const l = pureKey(e.left);
      const r = l === undefined ? undefined : pureKey(e.right);
      key = l === undefined || r === undefined ? null : `(${l}${e.op}${r})`;
      break;
    }
    case 'call': {
      const parts: string[] = [];
      key = `${e.ours ? 'ours.' : ''}${e.fn}(`;
      for (const a of e.args) {
        const k = pureKey(a);
        if (k === undefined) {
          key = null;
          break;
        }
        parts.push(k);
      }
      if (key !== null) key += `${parts.join(',')})`;
      break;
    }
  }
  pureKeys.set(e, key);
  return key ?? undefined;
}

/** A single value from a value (a 1×1 array is its cell; a larger array in a single-value place is #VALUE!). */
function single(v: Value): Scalar {
  if (!isArray(v)) return v;
  return v.rows === 1 && v.cols === 1 ? v.at(0) : VALUE;
}

// ------------------------------------------------------------------ our functions

/** A host argument for a catalog function: ranges as 2-D arrays, single values as scalars. */
function hostArg(e: Expr, env: EvalEnv): { value: unknown } | { error: EvalError } {
  if (e.kind === 'range') return { value: env.range(e.ref).raw };
  if (e.kind === 'local') {
    const raw = env.local(e.ref);
    // Excel passes a single cell as [[x]]; an empty one as [[null]].
    return { value: raw };
  }
  const v = evaluate(e, env);
  if (isArray(v)) return { value: v.raw };
  if (isError(v)) return { error: v };
  return { value: v };
}

function callOurs(name: string, args: readonly Expr[], env: EvalEnv): Value {
  const spec = findFunction(name);
  if (!spec) return err('#NAME?', `${name} is not a catalog function`);
  const values: unknown[] = [];
  for (const a of args) {
    const h = hostArg(a, env);
    if ('error' in h) return h.error;
    values.push(h.value);
  }
  try {
    const r = callSpec(spec, env.clock, values);
    if (Array.isArray(r)) return gridArray(r, env.clock);
    return r;
  } catch (e) {
    if (isKpiError(e)) return err(e.kind === 'na' ? '#N/A' : '#VALUE!', e.message);
    return err('#VALUE!', `${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

// ------------------------------------------------------------------ criteria (COUNTIFS & co.)

type Matcher = (v: Scalar) => boolean;

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i;

/**
 * A criterion as COUNTIFS reads it: a number or boolean (equality), or text with an optional
 * operator (`>=46082`, `<>`, `yes`, ``). Numeric operands compare with number cells only; text
 * operands with text cells, case-insensitively; `""` matches blanks, `"<>"` non-blanks.
 * Wildcards are not supported (the scorecard never writes them).
 */
export function criterionMatcher(c: Scalar): Matcher | EvalError {
  if (isError(c)) return c;
  if (c === null) return (v) => v === null || v === '';
  if (typeof c === 'number') return (v) => typeof v === 'number' && v === c;
  if (typeof c === 'boolean') return (v) => v === c;
  const m = /^(>=|<=|<>|>|<|=)?(.*)$/s.exec(c)!;
  const o = m[1] ?? '=';
  const operand = m[2];
  if (operand === '') {
    if (o === '=') return (v) => v === null || v === '';
    if (o === '<>') return (v) => !(v === null || v === '');
    return () => false;
  }
  if (NUMERIC.test(operand.trim())) {
    const x = Number(operand.trim());
    switch (o) {
      case '=': return (v) => typeof v === 'number' && v === x;
      case '<>': return (v) => !(typeof v === 'number' && v === x);
      case '<': return (v) => typeof v === 'number' && v < x;
      case '<=': return (v) => typeof v === 'number' && v <= x;
      case '>': return (v) => typeof v === 'number' && v > x;
      default: return (v) => typeof v === 'number' && v >= x;
    }
  }
  const upper = operand.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') {
    const b = upper === 'TRUE';
    if (o === '=') return (v) => v === b;
    if (o === '<>') return (v) => v !== b;
  }
  const t = operand.toLowerCase();
  switch (o) {
    case '=': return (v) => typeof v === 'string' && v.toLowerCase() === t;
    case '<>': return (v) => !(typeof v === 'string' && v.toLowerCase() === t);
    case '<': return (v) => typeof v === 'string' && v.toLowerCase() < t;
    case '<=': return (v) => typeof v === 'string' && v.toLowerCase() <= t;
    case '>': return (v) => typeof v === 'string' && v.toLowerCase() > t;
    default: return (v) => typeof v === 'string' && v.toLowerCase() >= t;
  }
}

function criterionKey(c: Scalar): string {
  return typeof c === 'string' ? `s${c}` : typeof c === 'number' ? `n${c}` : typeof c === 'boolean' ? `b${c}` : 'blank';
}

/**
 * Row-major indices of the cells meeting every (range, criterion) pair, or an error. Each prefix of
 * the pairs is memoised when its ranges have keys, so formulas sharing the same date criteria share
 * one scan.
 */
function matchingCells(pairs: readonly { arr: EvalArray; crit: Scalar }[], env: EvalEnv): Int32Array | EvalError {
  const { rows, cols } = pairs[0].arr;
  for (const p of pairs) if (p.arr.rows !== rows || p.arr.cols !== cols) return VALUE;
  let current: Int32Array | undefined;
  let prefix = 'crit';
  let keyed = true;
  for (const { arr, crit } of pairs) {
    const match = criterionMatcher(crit);
    if (isError(match)) return match;
    keyed = keyed && arr.key !== undefined;
    prefix += `\u0001${arr.key}\u0002${criterionKey(crit)}`;
    const memo = keyed ? (env.memo.get(prefix) as Int32Array | undefined) : undefined;
    if (memo) {
      current = memo;
      continue;
    }
    let next: Int32Array;
    if (!current) {
      const n = rows * cols;
      const buf = new Int32Array(n);
      let k = 0;
      for (let i = 0; i < n; i++) if (match(arr.at(i))) buf[k++] = i;
      next = buf.slice(0, k);
    } else {
      const buf = new Int32Array(current.length);
      let k = 0;
      for (let j = 0; j < current.length; j++) if (match(arr.at(current[j]))) buf[k++] = current[j];
      next = buf.slice(0, k);
    }
    if (keyed) env.memo.set(prefix, next);
    current = next;
  }
  return current ?? new Int32Array(0);
}

function criteriaPairs(args: readonly Expr[], start: number, env: EvalEnv): { arr: EvalArray; crit: Scalar }[] | EvalError {
  if ((args.length - start) % 2 !== 0 || args.length - start < 2) return VALUE;
  const pairs: { arr: EvalArray; crit: Scalar }[] = [];
  for (let i = start; i < args.length; i += 2) {
    const arr = evaluate(args[i], env);
    if (!isArray(arr)) {
      if (isError(arr)) return arr;
      return VALUE;
    }
    const crit = single(evaluate(args[i + 1], env));
    if (isError(crit)) return crit;
    pairs.push({ arr, crit });
  }
  return pairs;
}

// ------------------------------------------------------------------ native functions

/** Every number among the values of arrays and single values (text, booleans and blanks in ranges skipped). */
function numbersOf(vals: readonly Value[]): number[] | EvalError {
  const out: number[] = [];
  for (const v of vals) {
    if (isArray(v)) {
      const n = v.rows * v.cols;
      for (let i = 0; i < n; i++) {
        const x = v.at(i);
        if (isError(x)) return x;
        if (typeof x === 'number') out.push(x);
      }
    } else {
      if (isError(v)) return v;
      const x = toNumber(v);
      if (isError(x)) return x;
      out.push(x);
    }
  }
  return out;
}

function percentileInc(sorted: readonly number[], k: number): number {
  const h = (sorted.length - 1) * k;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

function callNative(name: string, args: readonly Expr[], env: EvalEnv): Value {
  const arg = (i: number): Value => evaluate(args[i], env);
  const all = (): Value[] => args.map((a) => evaluate(a, env));
  switch (name) {
    case 'IF': {
      const c = truthy(single(arg(0)));
      if (isError(c)) return c;
      if (c) return args.length > 1 ? arg(1) : true;
      return args.length > 2 ? arg(2) : false;
    }
    case 'IFERROR': {
      const v = arg(0);
      return isError(v) ? arg(1) : v;
    }
    case 'IFNA': {
      const v = arg(0);
      return isError(v) && v.error === '#N/A' ? arg(1) : v;
    }
    case 'COUNTIFS': {
      const pairs = criteriaPairs(args, 0, env);
      if (isError(pairs)) return pairs;
      const rows = matchingCells(pairs, env);
      return isError(rows) ? rows : rows.length;
    }
    case 'SUMIFS':
    case 'AVERAGEIFS': {
      const target = arg(0);
      if (!isArray(target)) return isError(target) ? target : VALUE;
      const pairs = criteriaPairs(args, 1, env);
      if (isError(pairs)) return pairs;
      if (target.rows !== pairs[0].arr.rows || target.cols !== pairs[0].arr.cols) return VALUE;
      const rows = matchingCells(pairs, env);
      if (isError(rows)) return rows;
      let sum = 0, n = 0;
      for (let j = 0; j < rows.length; j++) {
        const x = target.at(rows[j]);
        if (isError(x)) return x;
        if (typeof x === 'number') {
          sum += x;
          n++;
        }
      }
      if (name === 'SUMIFS') return sum;
      return n === 0 ? DIV0 : sum / n;
    }
    case 'SUMPRODUCT': {
      const vals = all();
      const fast = fastSumProduct(vals);
      if (fast !== undefined) return fast;
      const arrays: EvalArray[] = [];
      for (const v of vals) {
        if (isError(v)) return v;
        arrays.push(isArray(v) ? v : flatArray(1, 1, [v]));
      }
      const { rows, cols } = arrays[0];
      for (const a of arrays) if (a.rows !== rows || a.cols !== cols) return VALUE;
      let sum = 0;
      const n = rows * cols;
      for (let i = 0; i < n; i++) {
        let p = 1;
        for (const a of arrays) {
          const x = a.at(i);
          if (isError(x)) return x;
          // SUMPRODUCT reads non-numbers inside its arrays as 0 (arithmetic has already coerced booleans).
          p *= typeof x === 'number' ? x : 0;
        }
        sum += p;
      }
      return sum;
    }
    case 'COUNT': {
      let n = 0;
      for (const v of all()) {
        if (isArray(v)) {
          const m = v.rows * v.cols;
          for (let i = 0; i < m; i++) if (typeof v.at(i) === 'number') n++;
        } else if (typeof v === 'number') n++;
      }
      return n;
    }
    case 'COUNTA': {
      let n = 0;
      for (const v of all()) {
        if (isArray(v)) {
          const m = v.rows * v.cols;
          for (let i = 0; i < m; i++) if (v.at(i) !== null) n++;
        } else if (v !== null) n++;
      }
      return n;
    }
    case 'ROWS': {
      const v = arg(0);
      return isArray(v) ? v.rows : isError(v) ? v : 1;
    }
    case 'INDEX': {
      const a = arg(0);
      const arr = isArray(a) ? a : isError(a) ? undefined : flatArray(1, 1, [a]);
      if (!arr) return a;
      const r0 = toNumber(single(args.length > 1 ? arg(1) : 0));
      if (isError(r0)) return r0;
      const c0 = toNumber(single(args.length > 2 ? arg(2) : 0));
      if (isError(c0)) return c0;
      let r = Math.trunc(r0), c = Math.trunc(c0);
      // INDEX(row, n) on a single row picks the n-th column.
      if (args.length <= 2 && arr.rows === 1 && arr.cols > 1) {
        c = r;
        r = 1;
      }
      if (args.length <= 2 && arr.cols === 1) c = 1;
      if (r < 0 || c < 0 || r > arr.rows || c > arr.cols) return REF;
      if (r === 0 || c === 0) return REF; // a whole row or column: never in our formulas
      return arr.at((r - 1) * arr.cols + (c - 1));
    }
    case 'ABS':
    case 'SQRT': {
      const x = toNumber(single(arg(0)));
      if (isError(x)) return x;
      if (name === 'ABS') return Math.abs(x);
      return x < 0 ? NUM : Math.sqrt(x);
    }
    case 'SUM':
    case 'AVERAGE':
    case 'MEDIAN': {
      const xs = numbersOf(all());
      if (isError(xs)) return xs;
      if (name === 'SUM') return xs.reduce((s, x) => s + x, 0);
      if (xs.length === 0) return name === 'AVERAGE' ? DIV0 : NUM;
      if (name === 'AVERAGE') return xs.reduce((s, x) => s + x, 0) / xs.length;
      xs.sort((p, q) => p - q);
      return percentileInc(xs, 0.5);
    }
    case 'PERCENTILE': {
      const xs = numbersOf([arg(0)]);
      if (isError(xs)) return xs;
      const k = toNumber(single(arg(1)));
      if (isError(k)) return k;
      if (xs.length === 0 || k < 0 || k > 1) return NUM;
      xs.sort((p, q) => p - q);
      return percentileInc(xs, k);
    }
    case 'DATE': {
      const parts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const x = toNumber(single(arg(i)));
        if (isError(x)) return x;
        parts.push(Math.trunc(x));
      }
      return Date.UTC(parts[0], parts[1] - 1, parts[2]) / 86_400_000 + 25_569;
    }
    case 'SPARKLINE':
      return '';
    default:
      return err('#NAME?', `${name} is not a function the scorecard evaluates`);
  }
}

/** SUMPRODUCT over numeric views (booleans inside count as 0, as SUMPRODUCT reads non-numbers). */
function fastSumProduct(vals: readonly Value[]): number | undefined {
  const views: NumericView[] = [];
  let n = -1;
  for (const v of vals) {
    if (!isArray(v)) return undefined;
    const view = v.numeric?.();
    if (!view) return undefined;
    if (n >= 0 && view.values.length !== n) return undefined;
    n = view.values.length;
    views.push(view);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (const view of views) p *= view.bools && view.bools[i] ? 0 : view.values[i];
    sum += p;
  }
  return sum;
}

// ------------------------------------------------------------------ cached values

/** What a spreadsheet caches for a formula cell: its value, or for a spilling formula the top-left cell and the whole spill. */
export function cachedOf(v: Value): { cached: Cell; spill?: Cell[][]; message?: string } {
  if (isArray(v)) {
    const spill: Cell[][] = [];
    for (let r = 0; r < v.rows; r++) {
      const row: Cell[] = [];
      for (let c = 0; c < v.cols; c++) row.push(cellOf(v.at(r * v.cols + c)));
      spill.push(row);
    }
    return { cached: spill.length > 0 && spill[0].length > 0 ? spill[0][0] : '', spill };
  }
  if (isError(v)) return v.message ? { cached: v.error, message: v.message } : { cached: v.error };
  return { cached: cellOf(v) };
}

function cellOf(s: Scalar): Cell {
  if (s === null) return '';
  if (isError(s)) return s.error;
  return s;
}
