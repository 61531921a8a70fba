/**
 * SUMPRODUCT of one product of factors, `SUMPRODUCT(ROUND((R-O)*86400000,0)*(R>=start)*(R<end)*
 * (O<>""))`, in one pass over the rows without an array per factor or intermediate product:
 *
 * - a factor that is arithmetic (+ − ×, ROUND, negation) of numeric data ranges and numbers is
 *   computed cell by cell, only for the rows every test lets through (the durations of one
 *   period's tickets, not of every ticket in every period);
 * - a comparison of two such expressions is a test (`R>=start`, `ROUND(…)<=limit`, `R<O-1E-9`),
 *   and `range<>""` / `range=""` over a numeric range tests its blanks;
 * - anything else is evaluated as usual (arrays from the evaluator's memo) and read as numbers.
 *
 * Per cell this computes exactly what the element-wise arrays would hold (blanks are 0, a test is
 * 1 or 0, the non-test factors multiplied in their order), so the sum is the same to the last bit.
 * Undefined when a factor is not numeric (the general path then decides).
 */
import type { Expr } from '../types.js';
import { roundHalfAway } from './round.js';
import { COMPARISON, isArray } from './values.js';
import type { Op, Value } from './values.js';

/** A number per row, or one number for every row (`constant`). */
interface CellExpr {
  readonly at: (i: number) => number;
  /** Rows (−1 for a constant). */
  readonly n: number;
  readonly constant?: number;
  /** Set when the expression is a data range: its numbers (blanks 0). */
  readonly values?: Float64Array;
  /** A data range's blanks (null: none; undefined: the range does not say, so no blank test). */
  readonly blanks?: Uint8Array | null;
}

/** A comparison of a range's numbers with one number, tested straight on the typed array. */
interface RangeTest {
  readonly values: Float64Array;
  readonly op: Op;
  readonly x: number;
}

/** A comparison of two per-row numbers. */
interface CellTest {
  readonly left: (i: number) => number;
  readonly op: Op;
  readonly right: (i: number) => number;
}

/** A blank test: `want` 1 keeps the blank rows (`=""`), 0 the others (`<>""`). */
interface BlankTest {
  readonly blanks: Uint8Array | null;
  readonly want: 0 | 1;
}

function compare(op: Op, v: number, x: number): boolean {
  switch (op) {
    case '<': return v < x;
    case '<=': return v <= x;
    case '>': return v > x;
    case '>=': return v >= x;
    case '=': return v === x;
    default: return v !== x;
  }
}

/** True when the expression reads no data range and no cell of the scorecard (a single value). */
function isScalarExpr(e: Expr): boolean {
  switch (e.kind) {
    case 'num': case 'str': case 'bool': return true;
    case 'range': case 'local': return false;
    case 'neg': return isScalarExpr(e.arg);
    case 'op': return isScalarExpr(e.left) && isScalarExpr(e.right);
    case 'call': return e.args.every(isScalarExpr);
  }
}

const constant = (c: number): CellExpr => ({ at: () => c, n: -1, constant: c });

/** Both sides' row counts agree (a constant fits any). */
function sizeOf(a: CellExpr, b: CellExpr): number | undefined {
  if (a.n < 0) return b.n;
  if (b.n < 0 || a.n === b.n) return a.n;
  return undefined;
}

/** An expression as a number per row, or undefined when it is not plain arithmetic of numeric ranges and numbers. */
function cellExpr(e: Expr, ev: (e: Expr) => Value): CellExpr | undefined {
  switch (e.kind) {
    case 'num': return constant(e.value);
    case 'range': {
      const v = ev(e);
      const view = isArray(v) ? v.numeric?.() : undefined;
      // Booleans are 1/0 in arithmetic but compare above every number: not per-row numbers.
      if (!isArray(v) || !view || view.bools) return undefined;
      const values = view.values;
      return { at: (i) => values[i], n: values.length, values, blanks: v.blanks ? v.blanks() : undefined };
    }
    case 'local': {
      // A cell of the scorecard (a period's bound): one number for every row.
      const v = ev(e);
      return typeof v === 'number' ? constant(v) : undefined;
    }
    case 'neg': {
      const x = cellExpr(e.arg, ev);
      if (!x) return undefined;
      if (x.constant !== undefined) return constant(0 - x.constant);
      const f = x.at;
      return { at: (i) => 0 - f(i), n: x.n };
    }
    case 'op': {
      if (e.op !== '+' && e.op !== '-' && e.op !== '*') break;
      const l = cellExpr(e.left, ev);
      const r = l && cellExpr(e.right, ev);
      if (!l || !r) return undefined;
      const n = sizeOf(l, r);
      if (n === undefined) return undefined;
      if (l.constant !== undefined && r.constant !== undefined) break;
      const f = l.at, g = r.at;
      if (e.op === '+') return { at: (i) => f(i) + g(i), n };
      if (e.op === '-') {
        if (r.constant !== undefined) {
          const c = r.constant;
          return { at: (i) => f(i) - c, n };
        }
        return { at: (i) => f(i) - g(i), n };
      }
      if (r.constant !== undefined) {
        const c = r.constant;
        return { at: (i) => f(i) * c, n };
      }
      return { at: (i) => f(i) * g(i), n };
    }
    case 'call': {
      if (e.ours || e.fn.toUpperCase() !== 'ROUND' || e.args.length !== 2 || isScalarExpr(e.args[0])) break;
      const x = cellExpr(e.args[0], ev);
      const digits = ev(e.args[1]);
      if (!x || typeof digits !== 'number') return undefined;
      const d = Math.trunc(digits);
      const f = x.at;
      return { at: (i) => roundHalfAway(f(i), d), n: x.n };
    }
    default: break;
  }
  if (!isScalarExpr(e)) return undefined;
  const v = ev(e);
  return typeof v === 'number' ? constant(v) : undefined;
}

/** The compensated sum over rows of the product of `arg`'s factors, or undefined. */
export function fusedSumProduct(arg: Expr, ev: (e: Expr) => Value): number | undefined {
  const factors: Expr[] = [];
  const flatten = (e: Expr): void => {
    if (e.kind === 'op' && e.op === '*') {
      flatten(e.left);
      flatten(e.right);
    } else factors.push(e);
  };
  flatten(arg);
  // One factor alone keeps SUMPRODUCT's own reading (booleans are 0 there, not 1).
  if (factors.length < 2) return undefined;
  const rangeTests: RangeTest[] = [];
  const blankTests: BlankTest[] = [];
  const cellTests: CellTest[] = [];
  const values: ((i: number) => number)[] = [];
  let n = -1;
  const take = (rows: number): boolean => {
    if (rows < 0) return true;
    if (n >= 0 && rows !== n) return false;
    n = rows;
    return true;
  };
  for (const f of factors) {
    if (f.kind === 'op' && COMPARISON.has(f.op)) {
      if ((f.op === '=' || f.op === '<>') && f.left.kind === 'range' && f.right.kind === 'str' && f.right.value === '') {
        const range = cellExpr(f.left, ev);
        if (range?.values && range.blanks !== undefined) {
          if (!take(range.n)) return undefined;
          blankTests.push({ blanks: range.blanks, want: f.op === '=' ? 1 : 0 });
          continue;
        }
      } else {
        const l = cellExpr(f.left, ev);
        const r = l && cellExpr(f.right, ev);
        if (l && r && (l.n >= 0 || r.n >= 0)) {
          if (!take(l.n) || !take(r.n)) return undefined;
          if (l.values && r.constant !== undefined) rangeTests.push({ values: l.values, op: f.op, x: r.constant });
          else cellTests.push({ left: l.at, op: f.op, right: r.at });
          continue;
        }
      }
    } else {
      const x = cellExpr(f, ev);
      if (x) {
        if (!take(x.n)) return undefined;
        values.push(x.at);
        continue;
      }
    }
    // Anything else: evaluated as an array (kept in the memo when it recurs), read as numbers.
    const v = ev(f);
    const view = isArray(v) ? v.numeric?.() : undefined;
    if (!view || !take(view.values.length)) return undefined;
    const a = view.values;
    values.push((i) => a[i]);
  }
  if (n < 0) return undefined;
  let s = 0, comp = 0;
  rows: for (let i = 0; i < n; i++) {
    for (let t = 0; t < rangeTests.length; t++) {
      const test = rangeTests[t];
      if (!compare(test.op, test.values[i], test.x)) continue rows;
    }
    for (let t = 0; t < blankTests.length; t++) {
      const test = blankTests[t];
      if ((test.blanks === null ? 0 : test.blanks[i]) !== test.want) continue rows;
    }
    for (let t = 0; t < cellTests.length; t++) {
      const test = cellTests[t];
      if (!compare(test.op, test.left(i), test.right(i))) continue rows;
    }
    // A row failing a test adds 0 (its other factors are finite numbers): skipped.
    let p = 1;
    for (let a = 0; a < values.length; a++) p *= values[a](i);
    const u = s + p;
    comp += Math.abs(s) >= Math.abs(p) ? s - u + p : p - u + s;
    s = u;
  }
  return s + comp;
}
