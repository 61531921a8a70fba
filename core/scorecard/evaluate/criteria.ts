/**
 * Criteria as COUNTIFS, SUMIFS and AVERAGEIFS read them, and the rows meeting a list of them.
 * Each prefix of a criteria list is memoised when its ranges have keys, so the many per-period
 * formulas of a portable scorecard share the work of their date criteria instead of rescanning
 * 200 000 rows each.
 */
import type { Expr } from '../types.js';
import type { EvalEnv } from './env.js';
import { isArray, isError, single, VALUE } from './values.js';
import type { EvalArray, EvalError, Scalar, Value } from './values.js';

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

export interface CriteriaPair {
  readonly arr: EvalArray;
  readonly crit: Scalar;
}

/**
 * A criterion as a test of a range of numbers and blanks, for a scan of its typed array: comparing
 * number cells with a number (`>=46082`, `7`), or blank / not blank (`""`, `"<>"`), or nothing
 * (an operator with an empty operand, `">"`) — what criterionMatcher gives on such cells.
 */
interface NumericTest {
  readonly op: '=' | '<>' | '<' | '<=' | '>' | '>=' | 'blank' | 'set' | 'none';
  readonly x: number;
}

const BLANK_TEST: NumericTest = { op: 'blank', x: 0 };

function numericTest(c: Scalar): NumericTest | undefined {
  if (c === null) return BLANK_TEST;
  if (typeof c === 'number') return { op: '=', x: c };
  if (typeof c !== 'string') return undefined;
  const m = /^(>=|<=|<>|>|<|=)?(.*)$/s.exec(c)!;
  const o = (m[1] ?? '=') as NumericTest['op'];
  if (m[2] === '') return o === '=' ? BLANK_TEST : { op: o === '<>' ? 'set' : 'none', x: 0 };
  const operand = m[2].trim();
  if (operand === '' || !NUMERIC.test(operand)) return undefined;
  return { op: o, x: Number(operand) };
}

/** A range's numbers and blanks, when it has no other cell (a typed array to scan). */
interface NumericCells {
  readonly values: Float64Array;
  readonly blanks: Uint8Array | null;
}

function numericCells(arr: EvalArray): NumericCells | undefined {
  if (!arr.blanks) return undefined;
  const view = arr.numeric?.();
  return view && !view.bools ? { values: view.values, blanks: arr.blanks() } : undefined;
}

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);

/** The next double above `x` (x finite), or below it with `down`. */
function nextDouble(x: number, down: boolean): number {
  if (x === 0) return down ? -Number.MIN_VALUE : Number.MIN_VALUE;
  bits[0] = x;
  word[0] += (x > 0) !== down ? 1n : -1n;
  return bits[0];
}

/**
 * The numbers comparisons meet together, as a closed interval [lo, hi] (a strict bound is the next
 * double inside it: v > x is v >= the double after x), for the finite numbers of a numeric range;
 * blanks meet none of them. Undefined when a test is no comparison (`<>`, blank tests).
 */
function intervalOf(tests: readonly NumericTest[]): [number, number] | undefined {
  let lo = -Infinity, hi = Infinity;
  for (const t of tests) {
    const x = t.x;
    switch (t.op) {
      case '=': lo = Math.max(lo, x); hi = Math.min(hi, x); break;
      case '>=': lo = Math.max(lo, x); break;
      case '>': lo = Math.max(lo, x === Infinity ? x : nextDouble(x, false)); break;
      case '<=': hi = Math.min(hi, x); break;
      case '<': hi = Math.min(hi, x === -Infinity ? x : nextDouble(x, true)); break;
      default: return undefined;
    }
  }
  return [lo, hi];
}

/** Whether cell `i` meets a numeric test: a blank is no number (of the comparisons only `<>` lets it through). */
function meets(cells: NumericCells, t: NumericTest, i: number): boolean {
  if (cells.blanks !== null && cells.blanks[i] === 1) return t.op === '<>' || t.op === 'blank';
  const v = cells.values[i];
  switch (t.op) {
    case '=': return v === t.x;
    case '<>': return v !== t.x;
    case '<': return v < t.x;
    case '<=': return v <= t.x;
    case '>': return v > t.x;
    case '>=': return v >= t.x;
    case 'set': return true;
    default: return false; // blank, none
  }
}

/**
 * Row-major indices of the cells meeting every (range, criterion) pair, or an error. Each prefix of
 * the pairs is memoised when its ranges have keys, so formulas sharing the same date criteria share
 * one scan; leading numeric criteria over numeric ranges (a period's two date bounds) are scanned
 * together on the typed arrays, and only their joint rows are kept.
 */
export function matchingCells(pairs: readonly CriteriaPair[], env: EvalEnv): Int32Array | EvalError {
  const { rows, cols } = pairs[0].arr;
  for (const p of pairs) if (p.arr.rows !== rows || p.arr.cols !== cols) return VALUE;
  // Matchers are made when a scan needs one (criterionMatcher): most calls find their rows in the memo.
  for (const { crit } of pairs) if (isError(crit)) return crit;
  let current: Int32Array | undefined;
  // The memo's node of the prefix so far; none once a range has no key.
  let node: PrefixNode | undefined = prefixRoot(env);
  let k = 0;
  while (k < pairs.length) {
    const { arr, crit } = pairs[k];
    node = node && prefixChild(node, arr.key, crit);
    let next = node?.rows;
    let used = 1;
    if (!next) {
      if (!current) {
        // The first scan: this and the following numeric criteria on the same range at once (a
        // period's two date bounds); criteria on other ranges then filter the rows it keeps, so
        // formulas sharing the bounds share the scan.
        const scans: { cells: NumericCells; test: NumericTest }[] = [];
        for (let j = k; j < pairs.length; j++) {
          if (j > k && (pairs[j].arr !== arr || arr.key === undefined)) break;
          const cells = numericCells(pairs[j].arr);
          const test = cells && numericTest(pairs[j].crit);
          if (!cells || !test) break;
          scans.push({ cells, test });
        }
        if (scans.length > 1) {
          // Later prefixes join the key; the memo then holds only the joint rows.
          for (let j = k + 1; j < k + scans.length; j++) node = node && prefixChild(node, pairs[j].arr.key, pairs[j].crit);
          used = scans.length;
          next = node?.rows;
        }
        if (!next) next = scans.length > 0 ? scanNumeric(scans, rows * cols) : scanAll(arr, criterionMatcher(crit) as Matcher, rows * cols);
      } else {
        const cells = numericCells(arr);
        const test = cells && numericTest(crit);
        const buf = scratch(current.length);
        let m = 0;
        const range = cells && test ? intervalOf([test]) : undefined;
        if (cells && range) {
          const { values, blanks } = cells;
          const [lo, hi] = range;
          for (let j = 0; j < current.length; j++) {
            const i = current[j], v = values[i];
            if (v >= lo && v <= hi && (blanks === null || blanks[i] === 0)) buf[m++] = i;
          }
        } else if (cells && test) {
          for (let j = 0; j < current.length; j++) if (meets(cells, test, current[j])) buf[m++] = current[j];
        } else {
          const match = criterionMatcher(crit) as Matcher;
          for (let j = 0; j < current.length; j++) if (match(arr.at(current[j]))) buf[m++] = current[j];
        }
        next = buf.slice(0, m);
      }
      if (node) node.rows = next;
    }
    current = next;
    k += used;
  }
  return current ?? new Int32Array(0);
}

/**
 * The memo of criteria prefixes as a tree: per range key and criterion (a number, text, boolean
 * or null, as Map keys tell them apart) the node of the longer prefix, holding its rows once
 * scanned. No key strings are built per call.
 */
interface PrefixNode {
  rows?: Int32Array;
  readonly next: Map<string, Map<Scalar, PrefixNode>>;
}

const PREFIX_ROOT = 'criteria prefixes';

function prefixRoot(env: EvalEnv): PrefixNode {
  let root = env.memo.get(PREFIX_ROOT) as PrefixNode | undefined;
  if (!root) env.memo.set(PREFIX_ROOT, (root = { next: new Map() }));
  return root;
}

/** The node of `node`'s prefix plus (range, criterion); undefined for a range without a key. */
function prefixChild(node: PrefixNode, key: string | undefined, crit: Scalar): PrefixNode | undefined {
  if (key === undefined) return undefined;
  let byCriterion = node.next.get(key);
  if (!byCriterion) node.next.set(key, (byCriterion = new Map()));
  let child = byCriterion.get(crit);
  if (!child) byCriterion.set(crit, (child = { next: new Map() }));
  return child;
}

/**
 * One buffer for every scan's matches, grown as needed: a scan keeps only its matches (a copy), so
 * a buffer per scan was garbage the size of the range each time. Scans never nest.
 */
let shared = new Int32Array(1024);
function scratch(n: number): Int32Array {
  if (shared.length < n) shared = new Int32Array(Math.max(n, shared.length * 2));
  return shared;
}

function scanAll(arr: EvalArray, match: Matcher, n: number): Int32Array {
  const buf = scratch(n);
  let k = 0;
  for (let i = 0; i < n; i++) if (match(arr.at(i))) buf[k++] = i;
  return buf.slice(0, k);
}

function scanNumeric(scans: readonly { cells: NumericCells; test: NumericTest }[], n: number): Int32Array {
  const buf = scratch(n);
  let k = 0;
  const [a, b] = scans;
  // Comparisons of one range (a period's bounds): one interval, one test per cell.
  const range = scans.every((x) => x.cells.values === a.cells.values) ? intervalOf(scans.map((x) => x.test)) : undefined;
  if (range) {
    const { values, blanks } = a.cells;
    const [lo, hi] = range;
    if (blanks === null) {
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v >= lo && v <= hi) buf[k++] = i;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = values[i];
        if (v >= lo && v <= hi && blanks[i] === 0) buf[k++] = i;
      }
    }
  } else if (scans.length === 1) {
    for (let i = 0; i < n; i++) if (meets(a.cells, a.test, i)) buf[k++] = i;
  } else if (scans.length === 2) {
    for (let i = 0; i < n; i++) if (meets(a.cells, a.test, i) && meets(b.cells, b.test, i)) buf[k++] = i;
  } else {
    for (let i = 0; i < n; i++) {
      let ok = true;
      for (let s = 0; s < scans.length && ok; s++) ok = meets(scans[s].cells, scans[s].test, i);
      if (ok) buf[k++] = i;
    }
  }
  return buf.slice(0, k);
}

/** The (range, criterion) pairs of a criteria function's arguments from `start` on. */
export function criteriaPairs(args: readonly Expr[], start: number, ev: (e: Expr) => Value): CriteriaPair[] | EvalError {
  if ((args.length - start) % 2 !== 0 || args.length - start < 2) return VALUE;
  const pairs: CriteriaPair[] = [];
  for (let i = start; i < args.length; i += 2) {
    const arr = ev(args[i]);
    if (!isArray(arr)) {
      if (isError(arr)) return arr;
      return VALUE;
    }
    const crit = single(ev(args[i + 1]));
    if (isError(crit)) return crit;
    pairs.push({ arr, crit });
  }
  return pairs;
}
