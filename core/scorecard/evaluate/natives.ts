/**
 * The native spreadsheet functions the evaluator knows, as a table keyed by name: exactly the ones
 * the scorecard writes (portable.ts lists the portable set; SPARKLINE is a picture and evaluates to
 * ""). Each takes its argument expressions unevaluated, so IF and IFERROR evaluate only what a
 * spreadsheet would. Sums are compensated (sum.ts), as LibreOffice sums.
 */
import type { Expr } from '../types.js';
import { flatArray, elementwise } from './arrays.js';
import { criteriaPairs, matchingCells } from './criteria.js';
import { fusedSumProduct } from './fused.js';
import type { EvalEnv } from './env.js';
import { roundHalfAway } from './round.js';
import { Sum, sumOf } from './sum.js';
import { civilOfSerial } from '../../values/clock.js';
import { compare, DIV0, isArray, isError, NA, NUM, REF, single, toNumber, toText, truthy, VALUE } from './values.js';
import type { EvalArray, EvalError, NumericView, Scalar, Value } from './values.js';

export interface NativeCall {
  readonly args: readonly Expr[];
  /** Evaluates one of the arguments. */
  ev(e: Expr): Value;
  readonly env: EvalEnv;
}

export type NativeFunction = (call: NativeCall) => Value;

const arg = (c: NativeCall, i: number): Value => c.ev(c.args[i]);
const all = (c: NativeCall): Value[] => c.args.map((a) => c.ev(a));

/** Every number among the values of arrays and single values (text, booleans and blanks in ranges skipped). */
function numbersOf(vals: readonly Value[]): number[] | EvalError {
  const out: number[] = [];
  const bad = eachNumber(vals, (x) => {
    out.push(x);
  });
  return bad ?? out;
}

/** Calls `visit` with each number numbersOf would list, in order; the first error instead. */
function eachNumber(vals: readonly Value[], visit: (x: number) => void): EvalError | undefined {
  for (const v of vals) {
    if (isArray(v)) {
      const n = v.rows * v.cols;
      // A data range held as numbers and a blank mask (arrays.ts): its numbers without a value per cell.
      const view = v.blanks ? v.numeric?.() : undefined;
      if (view && !view.bools) {
        const blanks = v.blanks!();
        const xs = view.values;
        for (let i = 0; i < n; i++) if (blanks === null || blanks[i] === 0) visit(xs[i]);
        continue;
      }
      for (let i = 0; i < n; i++) {
        const x = v.at(i);
        if (isError(x)) return x;
        if (typeof x === 'number') visit(x);
      }
    } else {
      if (isError(v)) return v;
      const x = toNumber(v);
      if (isError(x)) return x;
      visit(x);
    }
  }
  return undefined;
}

function percentileInc(sorted: readonly number[], k: number): number {
  const h = (sorted.length - 1) * k;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** SUMIFS/AVERAGEIFS: the compensated sum and count of the target's numbers in the matching rows. */
function sumIfs(c: NativeCall): { sum: number; n: number } | EvalError {
  const target = arg(c, 0);
  if (!isArray(target)) return isError(target) ? target : VALUE;
  const pairs = criteriaPairs(c.args, 1, c.ev);
  if (isError(pairs)) return pairs;
  if (target.rows !== pairs[0].arr.rows || target.cols !== pairs[0].arr.cols) return VALUE;
  const rows = matchingCells(pairs, c.env);
  if (isError(rows)) return rows;
  const sum = new Sum();
  let n = 0;
  for (let j = 0; j < rows.length; j++) {
    const x = target.at(rows[j]);
    if (isError(x)) return x;
    if (typeof x === 'number') {
      sum.add(x);
      n++;
    }
  }
  return { sum: sum.value, n };
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
  let s = 0, comp = 0;
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (const view of views) p *= view.bools && view.bools[i] ? 0 : view.values[i];
    const t = s + p;
    comp += Math.abs(s) >= Math.abs(p) ? s - t + p : p - t + s;
    s = t;
  }
  return s + comp;
}

function sumProduct(c: NativeCall): Value {
  const fused = c.args.length === 1 ? fusedSumProduct(c.args[0], c.ev) : undefined;
  if (fused !== undefined) return fused;
  const vals = all(c);
  const fast = fastSumProduct(vals);
  if (fast !== undefined) return fast;
  const arrays: EvalArray[] = [];
  for (const v of vals) {
    if (isError(v)) return v;
    arrays.push(isArray(v) ? v : flatArray(1, 1, [v]));
  }
  const { rows, cols } = arrays[0];
  for (const a of arrays) if (a.rows !== rows || a.cols !== cols) return VALUE;
  const sum = new Sum();
  const n = rows * cols;
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (const a of arrays) {
      const x = a.at(i);
      if (isError(x)) return x;
      // SUMPRODUCT reads non-numbers inside its arrays as 0 (arithmetic has already coerced booleans).
      p *= typeof x === 'number' ? x : 0;
    }
    sum.add(p);
  }
  return sum.value;
}

function count(c: NativeCall, counts: (v: Scalar) => boolean): number {
  let n = 0;
  for (const v of all(c)) {
    if (isArray(v)) {
      const m = v.rows * v.cols;
      for (let i = 0; i < m; i++) if (counts(v.at(i))) n++;
    } else if (counts(v)) n++;
  }
  return n;
}

function index(c: NativeCall): Value {
  const a = arg(c, 0);
  const arr = isArray(a) ? a : isError(a) ? undefined : flatArray(1, 1, [a]);
  if (!arr) return a;
  const r0 = toNumber(single(c.args.length > 1 ? arg(c, 1) : 0));
  if (isError(r0)) return r0;
  const c0 = toNumber(single(c.args.length > 2 ? arg(c, 2) : 0));
  if (isError(c0)) return c0;
  let r = Math.trunc(r0), col = Math.trunc(c0);
  // INDEX(row, n) on a single row picks the n-th column.
  if (c.args.length <= 2 && arr.rows === 1 && arr.cols > 1) {
    col = r;
    r = 1;
  }
  if (c.args.length <= 2 && arr.cols === 1) col = 1;
  if (r < 0 || col < 0 || r > arr.rows || col > arr.cols) return REF;
  if (r === 0 || col === 0) return REF; // a whole row or column: never in our formulas
  return arr.at((r - 1) * arr.cols + (col - 1));
}

/** MATCH(value, range, 0): the 1-based position of the first cell equal to the value (text without case), else #N/A. */
function match(c: NativeCall): Value {
  const wanted = single(arg(c, 0));
  if (isError(wanted)) return wanted;
  const type = c.args.length > 2 ? toNumber(single(arg(c, 2))) : 1;
  if (isError(type)) return type;
  if (type !== 0) return err('#VALUE!', 'MATCH: only exact matching (match_type 0) is evaluated');
  const v = arg(c, 1);
  if (isError(v)) return v;
  // A one-cell range evaluates to its value: a 1×1 array.
  const a = isArray(v) ? v : flatArray(1, 1, [v]);
  const n = a.rows * a.cols;
  for (let i = 0; i < n; i++) {
    const x = a.at(i);
    if (x === null || isError(x)) continue;
    if (typeof x !== typeof wanted) continue;
    if (compare(x, wanted) === 0) return i + 1;
  }
  return NA;
}

function err(code: string, message: string): EvalError {
  return { error: code, message };
}

function round(c: NativeCall): Value {
  const digits = toNumber(single(c.args.length > 1 ? arg(c, 1) : 0));
  if (isError(digits)) return digits;
  const d = Math.trunc(digits);
  return elementwise(arg(c, 0), (x) => {
    const v = toNumber(x);
    return isError(v) ? v : roundHalfAway(v, d);
  }, (x) => roundHalfAway(x, d));
}

function numberArg(c: NativeCall, i: number): number | EvalError {
  return toNumber(single(arg(c, i)));
}

/**
 * POISSON.DIST(x, mean, cumulative) as LibreOffice computes it (interpr3.cxx ScPoissonDist): the
 * probability by a running product times e^(−mean), the cumulative one by a compensated sum of
 * those terms; in logs beyond the range where e^(−mean) underflows. x is truncated to a whole number.
 */
function poissonDist(c: NativeCall): Value {
  const x0 = numberArg(c, 0);
  if (isError(x0)) return x0;
  const mean = numberArg(c, 1);
  if (isError(mean)) return mean;
  const cumulative = truthy(single(arg(c, 2)));
  if (isError(cumulative)) return cumulative;
  const x = Math.trunc(x0);
  if (x < 0 || mean < 0) return NUM;
  if (mean === 0) return cumulative || x === 0 ? 1 : 0;
  if (!cumulative) {
    if (mean > 700) return Math.exp(x * Math.log(mean) - mean - logGamma(x + 1));
    let p = 1;
    for (let k = 1; k <= x; k++) p *= mean / k;
    return p * Math.exp(-mean);
  }
  if (mean > 700) {
    // Σ e^(k·ln mean − mean − lnΓ(k+1)), from the largest term down (the others are relative to it).
    const sum = new Sum();
    for (let k = x; k >= 0; k--) {
      const t = Math.exp(k * Math.log(mean) - mean - logGamma(k + 1));
      sum.add(t);
      if (k < mean && t < 1e-18 * sum.value) break;
    }
    return Math.min(1, sum.value);
  }
  let term = Math.exp(-mean);
  const sum = new Sum();
  sum.add(term);
  for (let k = 1; k <= x; k++) {
    term *= mean / k;
    sum.add(term);
  }
  return Math.min(1, sum.value);
}

/** ln Γ(z) for z ≥ 1 (Lanczos, g = 7, n = 9: about 15 significant digits). */
function logGamma(z: number): number {
  const g = 7;
  const coef = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  const x = z - 1;
  let a = coef[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += coef[i] / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** ROUNDUP(x, digits): away from zero, on the value as 15 significant digits show it (as ROUND). */
function roundUp(c: NativeCall): Value {
  const x = numberArg(c, 0);
  if (isError(x)) return x;
  const digits = toNumber(single(c.args.length > 1 ? arg(c, 1) : 0));
  if (isError(digits)) return digits;
  const f = 10 ** Math.trunc(digits);
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = Math.ceil(scaled) / f;
  return x < 0 ? -r : r;
}

/**
 * The numbers MIN/MAX/SMALL/LARGE read: a reference (a data range or the sheet's own cells, even a
 * single one) contributes its numbers only, skipping text, booleans and blanks; a value is coerced.
 */
function referencedNumbers(c: NativeCall, from = 0, to = c.args.length): number[] | EvalError {
  return numbersOf(referencedValues(c, from, to));
}

/** MIN/MAX of the referenced numbers (0 without any), folded without a list. */
function extreme(c: NativeCall, largest: boolean): Value {
  let x = largest ? -Infinity : Infinity;
  let any = false;
  const bad = eachNumber(referencedValues(c), (v) => {
    any = true;
    if (largest ? v > x : v < x) x = v;
  });
  return bad ?? (any ? x : 0);
}

function referencedValues(c: NativeCall, from = 0, to = c.args.length): Value[] {
  const vals: Value[] = [];
  for (let i = from; i < to; i++) {
    const e = c.args[i];
    const v = c.ev(e);
    // A reference, even to one cell, is read as a range: its text, booleans and blanks are skipped.
    vals.push(!isArray(v) && (e.kind === 'range' || e.kind === 'local') ? flatArray(1, 1, [v]) : v);
  }
  return vals;
}

/** SMALL/LARGE: the k-th smallest (largest) number of the first argument. */
function kth(c: NativeCall, largest: boolean): Value {
  // A data range's sorted numbers are kept: every period of a stock asks the same range.
  const first = c.args[0].kind === 'range' ? c.ev(c.args[0]) : undefined;
  const key = first && isArray(first) && first.key !== undefined ? `sorted\u0000${first.key}` : undefined;
  let xs = key ? (c.env.memo.get(key) as number[] | EvalError | undefined) : undefined;
  if (!xs) {
    xs = referencedNumbers(c, 0, 1);
    if (!isError(xs)) xs.sort((p, q) => p - q);
    if (key) c.env.memo.set(key, xs);
  }
  if (isError(xs)) return xs;
  const k = numberArg(c, 1);
  if (isError(k)) return k;
  const i = Math.ceil(k);
  if (i < 1 || i > xs.length) return NUM;
  return largest ? xs[xs.length - i] : xs[i - 1];
}

/** A date argument as its day's calendar parts (#NUM! before 1900, as spreadsheets show no such date). */
function dayArg(c: NativeCall, i: number): ReturnType<typeof civilOfSerial> | EvalError {
  const x = numberArg(c, i);
  if (isError(x)) return x;
  if (x < 0) return NUM;
  return civilOfSerial(Math.floor(x));
}

/** Every native function the evaluator knows. Anything else is #NAME?. */
export const NATIVES: Readonly<Record<string, NativeFunction>> = {
  IF(c) {
    const t = truthy(single(arg(c, 0)));
    if (isError(t)) return t;
    if (t) return c.args.length > 1 ? arg(c, 1) : true;
    return c.args.length > 2 ? arg(c, 2) : false;
  },
  IFERROR(c) {
    const v = arg(c, 0);
    return isError(v) ? arg(c, 1) : v;
  },
  IFNA(c) {
    const v = arg(c, 0);
    return isError(v) && v.error === '#N/A' ? arg(c, 1) : v;
  },
  ISERROR: (c) => elementwise(arg(c, 0), (x) => isError(x)),
  NA: () => NA,
  COUNTIFS(c) {
    const pairs = criteriaPairs(c.args, 0, c.ev);
    if (isError(pairs)) return pairs;
    const rows = matchingCells(pairs, c.env);
    return isError(rows) ? rows : rows.length;
  },
  SUMIFS(c) {
    const r = sumIfs(c);
    return isError(r) ? r : r.sum;
  },
  AVERAGEIFS(c) {
    const r = sumIfs(c);
    if (isError(r)) return r;
    return r.n === 0 ? DIV0 : r.sum / r.n;
  },
  SUMPRODUCT: sumProduct,
  COUNT: (c) => count(c, (v) => typeof v === 'number'),
  COUNTA: (c) => count(c, (v) => v !== null),
  ROWS(c) {
    const v = arg(c, 0);
    return isArray(v) ? v.rows : isError(v) ? v : 1;
  },
  INDEX: index,
  MATCH: match,
  ROUND: round,
  ABS(c) {
    const x = numberArg(c, 0);
    return isError(x) ? x : Math.abs(x);
  },
  SQRT(c) {
    const x = numberArg(c, 0);
    if (isError(x)) return x;
    return x < 0 ? NUM : Math.sqrt(x);
  },
  SUM(c) {
    const xs = numbersOf(all(c));
    return isError(xs) ? xs : sumOf(xs);
  },
  AVERAGE(c) {
    const xs = numbersOf(all(c));
    if (isError(xs)) return xs;
    return xs.length === 0 ? DIV0 : sumOf(xs) / xs.length;
  },
  MEDIAN(c) {
    const xs = numbersOf(all(c));
    if (isError(xs)) return xs;
    if (xs.length === 0) return NUM;
    xs.sort((p, q) => p - q);
    return percentileInc(xs, 0.5);
  },
  PERCENTILE(c) {
    const xs = numbersOf([arg(c, 0)]);
    if (isError(xs)) return xs;
    const k = numberArg(c, 1);
    if (isError(k)) return k;
    if (xs.length === 0 || k < 0 || k > 1) return NUM;
    xs.sort((p, q) => p - q);
    return percentileInc(xs, k);
  },
  DATE(c) {
    const parts: number[] = [];
    for (let i = 0; i < 3; i++) {
      const x = numberArg(c, i);
      if (isError(x)) return x;
      parts.push(Math.trunc(x));
    }
    return Date.UTC(parts[0], parts[1] - 1, parts[2]) / 86_400_000 + 25_569;
  },
  ISNUMBER: (c) => elementwise(arg(c, 0), (x) => typeof x === 'number'),
  MIN: (c) => extreme(c, false),
  MAX: (c) => extreme(c, true),
  SMALL: (c) => kth(c, false),
  LARGE: (c) => kth(c, true),
  INT(c) {
    const x = numberArg(c, 0);
    return isError(x) ? x : Math.floor(x);
  },
  MOD(c) {
    const a = numberArg(c, 0);
    if (isError(a)) return a;
    const b = numberArg(c, 1);
    if (isError(b)) return b;
    return b === 0 ? DIV0 : a - b * Math.floor(a / b);
  },
  RIGHT(c) {
    const t = toText(single(arg(c, 0)));
    if (isError(t)) return t;
    const n = c.args.length > 1 ? numberArg(c, 1) : 1;
    if (isError(n)) return n;
    if (n < 0) return VALUE;
    const k = Math.floor(n);
    return k === 0 ? '' : t.slice(-k);
  },
  YEAR(c) {
    const d = dayArg(c, 0);
    return isError(d) ? d : d.y;
  },
  MONTH(c) {
    const d = dayArg(c, 0);
    return isError(d) ? d : d.m;
  },
  WEEKDAY(c) {
    const d = dayArg(c, 0);
    if (isError(d)) return d;
    const type = c.args.length > 1 ? numberArg(c, 1) : 1;
    if (isError(type)) return type;
    // d.weekday: 1 = Monday … 7 = Sunday.
    switch (Math.floor(type)) {
      case 1: return (d.weekday % 7) + 1;
      case 2: return d.weekday;
      case 3: return d.weekday - 1;
      default: return NUM;
    }
  },
  EOMONTH(c) {
    const d = dayArg(c, 0);
    if (isError(d)) return d;
    const k = numberArg(c, 1);
    if (isError(k)) return k;
    // Day 0 of the month after is the last day of the month wanted.
    return Date.UTC(d.y, d.m + Math.trunc(k), 0) / 86_400_000 + 25_569;
  },
  SPARKLINE: () => '',
  'POISSON.DIST': poissonDist,
  EXP(c) {
    const x = numberArg(c, 0);
    if (isError(x)) return x;
    const v = Math.exp(x);
    return Number.isFinite(v) ? v : NUM;
  },
  ROUNDUP: roundUp,
  COUNTIF(c) {
    const pairs = criteriaPairs(c.args, 0, c.ev);
    if (isError(pairs)) return pairs;
    const rows = matchingCells(pairs, c.env);
    return isError(rows) ? rows : rows.length;
  },
};
