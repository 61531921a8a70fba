/**
 * SUMPRODUCT of one product of factors, `SUMPRODUCT(ROUND((R-O)*86400000,0)*(R>=start)*(R<end)*
 * (O<>""))`, in one pass without an array per intermediate product: factors comparing a range with
 * a number (the period's bounds) are tested cell by cell; the others are evaluated as usual —
 * the period-independent ones (durations, "is set" masks) come from the evaluator's memo — and
 * read as numbers. Undefined when a factor is not numeric (the general path then decides).
 */
import type { Expr } from '../types.js';
import { COMPARISON, isArray } from './values.js';
import type { Op, Value } from './values.js';

interface Test {
  readonly values: Float64Array;
  readonly op: Op;
  readonly x: number;
}

function passes(t: Test, i: number): boolean {
  const v = t.values[i];
  switch (t.op) {
    case '<': return v < t.x;
    case '<=': return v <= t.x;
    case '>': return v > t.x;
    case '>=': return v >= t.x;
    case '=': return v === t.x;
    default: return v !== t.x;
  }
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
  const arrays: Float64Array[] = [];
  const tests: Test[] = [];
  let n = -1;
  const take = (values: Float64Array): boolean => {
    if (n >= 0 && values.length !== n) return false;
    n = values.length;
    return true;
  };
  for (const f of factors) {
    if (f.kind === 'op' && COMPARISON.has(f.op) && f.left.kind === 'range') {
      const l = ev(f.left);
      const r = ev(f.right);
      const view = isArray(l) ? l.numeric?.() : undefined;
      if (view && !view.bools && typeof r === 'number') {
        if (!take(view.values)) return undefined;
        tests.push({ values: view.values, op: f.op, x: r });
        continue;
      }
    }
    const v = ev(f);
    const view = isArray(v) ? v.numeric?.() : undefined;
    if (!view || !take(view.values)) return undefined;
    arrays.push(view.values);
  }
  let s = 0, comp = 0;
  for (let i = 0; i < n; i++) {
    let ok = true;
    for (let t = 0; t < tests.length && ok; t++) ok = passes(tests[t], i);
    if (!ok) continue; // a product with a 0 factor: adds 0 (the other factors are finite numbers)
    let p = 1;
    for (let a = 0; a < arrays.length; a++) p *= arrays[a][i];
    const u = s + p;
    comp += Math.abs(s) >= Math.abs(p) ? s - u + p : p - u + s;
    s = u;
  }
  return s + comp;
}
