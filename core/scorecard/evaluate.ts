/**
 * Computes an Expr's value the way a spreadsheet would, so every formula of the plan carries a
 * cached value (hosts without a formula engine, the CLI's .xlsx, the HTML report and the preview
 * show numbers). Our functions run through the catalog (the same code the add-ins run); native
 * functions come from a table keyed by name (evaluate/natives.ts) holding exactly the ones the
 * scorecard writes; anything else is #NAME?. It is not a general engine.
 *
 * The parts: evaluate/values.ts (scalars, errors, coercions), evaluate/arrays.ts (ranges and
 * element-wise operations on Float64Arrays), evaluate/criteria.ts (COUNTIFS & co.),
 * evaluate/natives.ts, evaluate/sum.ts (compensated sums), evaluate/env.ts (where cells come from).
 *
 * Speed: a range is turned into rows once (cached by its address; one-column ranges of a sheet
 * share its column's rows); array subexpressions over data ranges only, and catalog calls over
 * them, are computed once per plan (their results do not depend on where they appear); catalog
 * calls share the number columns they read (env.reads); COUNTIFS/SUMIFS share the rows matching
 * each prefix of their criteria; a range of the scorecard's own cells is one array while its
 * cells are unchanged.
 */
import { findFunction } from '../catalog/index.js';
import { callSpec } from '../call.js';
import { isKpiError } from '../errors.js';
import type { Cell } from '../values/context.js';
import { binary, elementwise, gridArray, rangeArray } from './evaluate/arrays.js';
import type { EvalEnv } from './evaluate/env.js';
import { NATIVES } from './evaluate/natives.js';
import { withSheetCells } from './evaluate/sheet-cells.js';
import { err, isArray, isError, scalarOf, scalarOp } from './evaluate/values.js';
import type { EvalArray, Scalar, Value } from './evaluate/values.js';
import type { Expr } from './types.js';

export { workbookEnv } from './evaluate/env.js';
export type { EvalEnv } from './evaluate/env.js';
export { criterionMatcher } from './evaluate/criteria.js';
export { isArray, isError, scalarOf } from './evaluate/values.js';
export type { EvalArray, EvalError, NumericView, Scalar, Value } from './evaluate/values.js';

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
      if (raw.length === 1 && raw[0].length === 1) return scalarOf(raw[0][0], env.clock);
      // The same read (the sheet hands out one array while the cells are unchanged) is one array.
      const key = `local\u0000${e.ref.row}:${e.ref.col}:${e.ref.rows ?? 1}:${e.ref.cols ?? 1}`;
      const kept = env.memo.get(key) as EvalArray | undefined;
      if (kept !== undefined && kept.raw === raw) return kept;
      const arr = gridArray(raw, env.clock, key);
      env.memo.set(key, arr);
      return arr;
    }
    case 'neg':
      return elementwise(evaluate(e.arg, env), (x) => scalarOp('-', 0, x), (x) => 0 - x);
    case 'op': {
      const left = evaluate(e.left, env), right = evaluate(e.right, env);
      // Array arithmetic over data ranges only (no cells of the scorecard itself) gives the same
      // result wherever it appears: computed once (e.g. SLA's durations in every period). Its
      // operands are arrays kept by their own expressions; single values are never kept.
      const key = isArray(left) || isArray(right) ? pureKey(e, env) : undefined;
      if (key !== undefined) {
        const hit = env.memo.get(key) as Value | undefined;
        if (hit !== undefined) return hit;
      }
      const v = binary(e.op, left, right);
      if (key !== undefined && isArray(v)) remember(env, key, v);
      return v;
    }
    case 'call': {
      if (!e.ours) {
        const f = NATIVES[e.fn.toUpperCase()];
        if (!f) return err('#NAME?', `${e.fn} is not a function the scorecard evaluates`);
        // A native call over data ranges only has one value wherever it appears: a row-rule guard
        // (SUMPRODUCT over every row) recurs in each period's formula, computed once.
        const key = AGGREGATES.has(e.fn) ? pureKey(e, env) : undefined;
        if (key !== undefined) {
          const hit = env.memo.get(key) as Value | undefined;
          if (hit !== undefined) return hit;
        }
        const v = f({ args: e.args, ev: evaluatorOf(env), env });
        if (key !== undefined) {
          if (isArray(v)) remember(env, key, v);
          else env.memo.set(key, v);
        }
        return v;
      }
      const key = pureKey(e, env);
      if (key !== undefined && env.memo.has(key)) return env.memo.get(key) as Value;
      const v = callOurs(e.fn, e.args, env);
      if (key !== undefined) env.memo.set(key, v);
      return v;
    }
  }
}

const evaluators = new WeakMap<EvalEnv, (e: Expr) => Value>();

/** `evaluate` bound to an environment, made once per environment (native calls receive it). */
function evaluatorOf(env: EvalEnv): (e: Expr) => Value {
  let ev = evaluators.get(env);
  if (!ev) evaluators.set(env, (ev = (a) => evaluate(a, env)));
  return ev;
}

/** Native functions whose results are kept by their expression (arrays by `remember`'s rule). */
const AGGREGATES: ReadonlySet<string> = new Set(['ROUND', 'SUMPRODUCT', 'COUNTIFS', 'SUMIFS', 'AVERAGEIFS', 'SUM', 'COUNT', 'COUNTA', 'MIN', 'MAX']);

/**
 * Keeps an array for reuse once its expression is seen a second time: the period-independent
 * arrays (durations, "is set" masks) recur in every period, the per-period ones are used once and
 * would only hold memory.
 */
function remember(env: EvalEnv, key: string, v: Value): void {
  const seen = `seen\u0000${key}`;
  if (env.memo.has(seen)) env.memo.set(key, v);
  else env.memo.set(seen, true);
}

/**
 * Expression keys of one environment: a pure expression's key is a short id standing for its
 * structure (`(#3<#7)`, `SUM(#9)` …, interned), so a key costs a few characters whatever the depth
 * — long nested key strings were built, flattened and hashed for every memo lookup.
 */
interface KeyTable {
  readonly ids: Map<string, string>;
  /** A Map, not a WeakMap: it lives as long as its environment (one plan), and ephemeron tables slow every GC. */
  readonly byExpr: Map<Expr, string | null>;
}
const keyTables = new WeakMap<EvalEnv, KeyTable>();

function keyTable(env: EvalEnv): KeyTable {
  let t = keyTables.get(env);
  if (!t) keyTables.set(env, (t = { ids: new Map(), byExpr: new Map() }));
  return t;
}

function intern(t: KeyTable, structure: string): string {
  let id = t.ids.get(structure);
  if (id === undefined) t.ids.set(structure, (id = `#${t.ids.size}`));
  return id;
}

/** The key of an expression over data ranges and constants only (undefined when it reads the scorecard's own cells). */
function pureKey(e: Expr, env: EvalEnv): string | undefined {
  return keyOf(e, keyTable(env));
}

function keyOf(e: Expr, t: KeyTable): string | undefined {
  const known = t.byExpr.get(e);
  if (known !== undefined) return known ?? undefined;
  let key: string | null;
  switch (e.kind) {
    case 'num': key = intern(t, `n${e.value}`); break;
    case 'str': key = intern(t, `s${e.value}`); break;
    case 'bool': key = e.value ? 'T' : 'F'; break;
    case 'range': key = intern(t, `r${e.ref.sheet}\u0000${e.ref.firstRow}:${e.ref.lastRow}:${e.ref.firstCol}:${e.ref.lastCol}`); break;
    case 'local': key = null; break;
    case 'neg': {
      const k = keyOf(e.arg, t);
      key = k === undefined ? null : intern(t, `-${k}`);
      break;
    }
    case 'op': {
      const l = keyOf(e.left, t);
      const r = l === undefined ? undefined : keyOf(e.right, t);
      key = l === undefined || r === undefined ? null : intern(t, `(${l}${e.op}${r})`);
      break;
    }
    case 'call': {
      let structure: string | null = `${e.ours ? 'ours.' : ''}${e.fn}(`;
      for (let i = 0; i < e.args.length; i++) {
        const k = keyOf(e.args[i], t);
        if (k === undefined) {
          structure = null;
          break;
        }
        structure += i === 0 ? k : `,${k}`;
      }
      key = structure === null ? null : intern(t, `${structure})`);
      break;
    }
  }
  t.byExpr.set(e, key);
  return key ?? undefined;
}

// ------------------------------------------------------------------ our functions

/** A host argument for a catalog function: ranges as 2-D arrays, single values as scalars. */
function hostArg(e: Expr, env: EvalEnv): { value: unknown } | { error: Scalar & object } {
  if (e.kind === 'range') {
    // A column of a sheet held by column goes as it is held (core/values/typed-column.ts).
    const r = env.range(e.ref);
    return { value: r.typed ?? r.raw };
  }
  // Excel passes a single cell as [[x]]; an empty one as [[null]].
  if (e.kind === 'local') return { value: env.local(e.ref) };
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
    const r = callSpec(spec, env.clock, values, env.callOptions, env.reads);
    if (Array.isArray(r)) return gridArray(r, env.clock);
    return r;
  } catch (e) {
    // The message as the notes quote it: the cells it names by their sheet address (evaluate/sheet-cells.ts).
    if (isKpiError(e)) return err(e.kind === 'na' ? '#N/A' : '#VALUE!', withSheetCells(e.message, e.places ?? [], args, values));
    return err('#VALUE!', `${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
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
