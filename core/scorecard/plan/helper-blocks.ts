/**
 * Helper blocks: per KPI, hidden tables of Period | Rows | Value that the KPI row reads with
 * INDEX/COUNT/MATCH, so the sheet stays live as rows arrive.
 *
 * - Live: one spilling catalog table (KPI_BY_PERIOD, NPS_TREND …) whose anchor cell is the block's
 *   top-left; when the function fails, the anchor shows its error and nothing spills.
 * - Portable: the periods known at generation (the first, for the baseline, and the latest 12),
 *   each with a native formula, or values where no native form exists. The anchor cell mirrors the
 *   live anchor: "Period", or — when the data has a row the catalog function rejects — that
 *   function's error, and then the Rows cells are empty, so the KPI row shows exactly what it shows
 *   live. Every native block is checked against the catalog's own table at generation: a native
 *   form that would differ is not written (values instead, with a note saying why).
 */
import type { Cell } from '../../values/context.js';
import { cachedOf, isError } from '../evaluate.js';
import type { Value } from '../evaluate.js';
import { fn, neg, num, op, str } from '../formula.js';
import { nativeRows } from '../portable.js';
import type { BoundExprs } from '../portable.js';
import type { Expr, LocalRef, PlanCell, ScorecardOptions } from '../types.js';
import type { Period } from './data-facts.js';
import { HEADER_ROW, HELPER_FIRST, SPILL_ROWS } from './layout.js';
import type { SheetWriter } from './sheet-model.js';

/** Where a block's columns are: Period, Rows, Value (and the anchor, its top-left cell). */
export interface BlockRefs {
  readonly P: LocalRef;
  readonly N: LocalRef;
  readonly V: LocalRef;
  readonly anchor: LocalRef;
}

/**
 * How a portable block was written: native formulas, or values because the KPI has no native form
 * (`form`), its data is text native formulas cannot read (`text`), the catalog function fails in a
 * way no native formula reproduces (`error`), or a native formula would give other values
 * (`mismatch`: a bug, never expected). Live blocks are `live`.
 */
export type Outcome = 'live' | 'native' | 'form' | 'text' | 'error' | 'mismatch';

export interface BlockResult {
  readonly refs: BlockRefs;
  readonly outcome: Outcome;
  /** The catalog function's message when it fails (it names the first bad row). */
  readonly message?: string;
}

/** A per-period series as the plan asks for it. */
export interface SeriesSpec {
  /** Block id (`helper:nps`, `helper:nps:count` …) and the label above it. */
  readonly id: string;
  readonly label: string;
  /** The live table: a catalog table listing periods in column 0. */
  readonly live: Expr;
  /** Its column holding the series. */
  readonly column: number;
  /** True when the live table lists only some periods (a missing one counts 0), read by label. */
  readonly byLabel?: boolean;
  readonly dates: Expr;
  /** True when native criteria read the date column as the core does. */
  readonly datesNative: boolean;
  /** The listed periods with their bound expressions. */
  readonly periods: readonly (Period & { readonly bounds: Period['bounds']; readonly exprs: BoundExprs })[];
  /** The native value per period (null: none for this period), or why there is none. */
  readonly native: ((p: Period & { readonly exprs: BoundExprs }) => Expr | null) | 'form' | 'text';
  /** Check a native block against the catalog's table (see kpi-row.ts: which blocks are checked). */
  readonly verify: boolean;
  /** `IF(<bad rows>, error, "Period")`, when the catalog function rejects rows; undefined without rules. */
  readonly guard?: Expr;
  readonly numberFormat: string;
}

const HELPER: Pick<PlanCell, 'style'> = { style: 'helper' };

interface LiveTable {
  readonly byLabel: ReadonlyMap<string, readonly Cell[]>;
  readonly error?: { readonly code: string; readonly message?: string };
}

/** Two cached cells agree: the same number (1e-9 relative), text, boolean, blank or error. */
export function sameCell(a: Cell, b: Cell): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  }
  return a === b;
}

/** A formula showing a spreadsheet error: NA() for #N/A, else `-"why"` (#VALUE!). */
export function errorFormula(code: string, why: string): Expr {
  return code === '#N/A' ? fn('NA') : neg(str(why));
}

export class HelperBlocks {
  /** Hidden columns (every helper column). */
  readonly hidden: number[] = [];
  private next = HELPER_FIRST;

  constructor(private readonly w: SheetWriter, private readonly options: ScorecardOptions, private readonly seeNotes: string) {}

  /** Reserves `width` hidden columns and writes the block's label above them. */
  private alloc(width: number, id: string, label: string): number {
    const col = this.next;
    this.next += width;
    for (let i = 0; i < width; i++) this.hidden.push(col + i);
    this.w.putValue(HEADER_ROW - 1, col, label, HELPER);
    this.w.addBlock(`helper-label:${id}`, HEADER_ROW - 1, col, 1, 1);
    return col;
  }

  private refs(col: number, rows: number, column: number): BlockRefs {
    return {
      P: { row: HEADER_ROW + 1, col, rows, cols: 1 },
      N: { row: HEADER_ROW + 1, col: col + 1, rows, cols: 1 },
      V: { row: HEADER_ROW + 1, col: col + column, rows, cols: 1 },
      anchor: { row: HEADER_ROW, col },
    };
  }

  /** A spilling catalog table: its own one-cell block; the spill area stays empty for the host. */
  live(spec: Pick<SeriesSpec, 'id' | 'label' | 'live' | 'column'>): BlockResult {
    const value = this.w.evaluate(spec.live);
    const c = cachedOf(value);
    const width = Math.max(3, c.spill?.[0]?.length ?? 0);
    const col = this.alloc(width, spec.id, spec.label);
    const { message } = this.w.putFormula(HEADER_ROW, col, spec.live, HELPER, value);
    this.w.addBlock(spec.id, HEADER_ROW, col, 1, 1);
    const rows = Math.max(SPILL_ROWS[this.options.period], 2 * (c.spill?.length ?? 0) + 24);
    return { refs: this.refs(col, rows, spec.column), outcome: 'live', message };
  }

  /** The series over the known periods: native formulas checked against the catalog's table, or its values. */
  portable(spec: SeriesSpec): BlockResult {
    // The catalog's own table, evaluated only when it is needed (to check, or for values).
    let table: LiveTable | undefined;
    const live = (): LiveTable => (table ??= this.liveTable(spec.live));
    const liveValue = (p: Period): Cell => live().byLabel.get(p.label)?.[spec.column] ?? (spec.byLabel ? 0 : '');
    const liveError = (): LiveTable['error'] => live().error;

    let outcome: Outcome;
    let exprs: Expr[] | undefined;
    let values: Value[] = [];
    let anchor: Value = 'Period';
    if (typeof spec.native === 'string') outcome = spec.native;
    else {
      const built = spec.periods.map((p) => (spec.native as Exclude<SeriesSpec['native'], string>)(p));
      if (built.some((e) => e === null)) outcome = 'form';
      else {
        exprs = built as Expr[];
        values = exprs.map((e) => this.w.evaluate(e));
        if (spec.guard) anchor = this.w.evaluate(spec.guard);
        const guardFires = isError(anchor);
        if (!spec.verify) {
          outcome = 'native';
          // The guard found a row the function rejects: its message names it.
          if (guardFires && !spec.byLabel) live();
        } else if (liveError()) {
          // The guard reproduces the function's error only when it is the same error: a sheet whose
          // dates column holds no date is KPI_BY_PERIOD's #N/A even when a score is out of scale.
          outcome = guardFires && cachedOf(anchor).cached === liveError()!.code ? 'native' : 'error';
        }
        else if (guardFires) outcome = 'mismatch';
        else outcome = spec.periods.every((p, i) => sameCell(cachedOf(values[i]).cached, liveValue(p))) ? 'native' : 'mismatch';
      }
    }

    const col = this.alloc(3, spec.id, spec.label);
    const anchorRef: Expr = { kind: 'local', ref: { row: HEADER_ROW, col } };
    this.w.putValue(HEADER_ROW, col + 1, 'Rows', HELPER);
    this.w.putValue(HEADER_ROW, col + 2, 'Value', HELPER);
    let rows: readonly Period[] = spec.periods;
    const failed = outcome === 'native' || spec.byLabel ? undefined : liveError();
    if (outcome === 'native' && spec.guard) this.w.putFormula(HEADER_ROW, col, spec.guard, HELPER, anchor);
    else if (failed) {
      // The catalog function fails: no periods, the anchor shows its error (as live).
      this.w.putFormula(HEADER_ROW, col, errorFormula(failed.code, this.seeNotes), HELPER);
      rows = [];
    } else this.w.putValue(HEADER_ROW, col, 'Period', HELPER);

    rows.forEach((p, i) => {
      const row = HEADER_ROW + 1 + i;
      this.w.putValue(row, col, p.label, HELPER);
      const count = nativeRows(spec.dates, spec.periods[i].exprs);
      if (!spec.datesNative) this.w.putValue(row, col + 1, live().byLabel.get(p.label)?.[1] ?? p.rows.length, { ...HELPER, numberFormat: '0' });
      else if (outcome === 'native' && spec.guard) {
        this.w.putFormula(row, col + 1, fn('IF', fn('ISERROR', anchorRef), str(''), count), { ...HELPER, numberFormat: '0' });
      } else this.w.putFormula(row, col + 1, count, { ...HELPER, numberFormat: '0' });
      const fmt = { ...HELPER, numberFormat: spec.numberFormat };
      if (outcome === 'native') this.w.putFormula(row, col + 2, exprs![i], fmt, values[i]);
      else this.w.putValue(row, col + 2, liveValue(p), fmt);
    });
    this.w.addBlock(spec.id, HEADER_ROW, col, rows.length + 1, 3);
    return { refs: this.refs(col, Math.max(1, rows.length), 2), outcome, message: table?.error?.message };
  }

  /** A catalog table by period: its rows by label, or its error. */
  private liveTable(expr: Expr): LiveTable {
    const value = this.w.evaluate(expr);
    const c = cachedOf(value);
    const byLabel = new Map<string, readonly Cell[]>();
    if (c.spill) for (const r of c.spill.slice(1)) byLabel.set(String(r[0]), r);
    return { byLabel, ...(isError(value) ? { error: { code: c.cached as string, message: c.message } } : {}) };
  }

  /**
   * A block of values at moments (stocks at each period's end): per period a live formula, or in
   * portable mode a native one checked against it, or the live values.
   */
  moments(spec: {
    readonly id: string; readonly label: string; readonly dates: Expr; readonly datesNative: boolean;
    readonly periods: readonly (Period & { readonly exprs: BoundExprs })[];
    readonly live: (i: number) => Expr; readonly native: ((i: number) => Expr | null) | 'form' | 'text';
    readonly portable: boolean; readonly numberFormat: string;
  }): BlockResult {
    // Live values, computed once and only where needed: in portable mode a native block is checked
    // at its first and latest moment (rows the function rejects fail every moment alike).
    const liveCache = new Map<number, Value>();
    const liveAt = (i: number): Value => {
      let v = liveCache.get(i);
      if (v === undefined) liveCache.set(i, (v = this.w.evaluate(spec.live(i))));
      return v;
    };
    const messageOf = (indices: readonly number[]): string | undefined => {
      for (const i of indices) {
        const v = liveAt(i);
        if (isError(v) && v.message) return v.message;
      }
      return undefined;
    };
    const all = spec.periods.map((_, i) => i);
    let outcome: Outcome = 'live';
    let exprs: Expr[] | undefined;
    let values: Value[] | undefined;
    let message: string | undefined;
    if (!spec.portable) {
      exprs = all.map((i) => spec.live(i));
      values = all.map(liveAt);
      message = messageOf(all);
    } else if (typeof spec.native === 'string') outcome = spec.native;
    else {
      const built = all.map((i) => (spec.native as (i: number) => Expr | null)(i));
      if (built.some((e) => e === null)) outcome = 'form';
      else {
        exprs = built as Expr[];
        const nativeValues = exprs.map((e) => this.w.evaluate(e));
        const checked = all.length > 0 ? [...new Set([0, all.length - 1])] : [];
        message = messageOf(checked);
        const agree = checked.every((i) => sameCell(cachedOf(nativeValues[i]).cached, cachedOf(liveAt(i)).cached));
        outcome = agree ? 'native' : message ? 'error' : 'mismatch';
        if (agree) values = nativeValues;
      }
    }
    if (outcome !== 'live' && outcome !== 'native') message ??= messageOf(all);

    const col = this.alloc(3, spec.id, spec.label);
    ['Period', 'Rows', 'Value'].forEach((h, i) => this.w.putValue(HEADER_ROW, col + i, h, HELPER));
    spec.periods.forEach((p, i) => {
      const row = HEADER_ROW + 1 + i;
      this.w.putValue(row, col, p.label, HELPER);
      if (spec.datesNative) this.w.putFormula(row, col + 1, nativeRows(spec.dates, p.exprs), { ...HELPER, numberFormat: '0' });
      else this.w.putValue(row, col + 1, p.rows.length, { ...HELPER, numberFormat: '0' });
      const fmt = { ...HELPER, numberFormat: spec.numberFormat };
      if (exprs && values && (outcome === 'live' || outcome === 'native')) this.w.putFormula(row, col + 2, exprs[i], fmt, values[i]);
      else {
        const v = liveAt(i);
        const c = cachedOf(v);
        if (isError(v)) this.w.putFormula(row, col + 2, errorFormula(c.cached as string, this.seeNotes), fmt);
        else this.w.putValue(row, col + 2, c.cached, fmt);
      }
    });
    this.w.addBlock(spec.id, HEADER_ROW, col, spec.periods.length + 1, 3);
    return { refs: this.refs(col, Math.max(1, spec.periods.length), 2), outcome, message };
  }
}

/** `IF(COUNT(N)>offset, INDEX(col, COUNT(N)-offset), fallback)`: the value `offset` periods before the latest. */
export function fromEnd(col: LocalRef, N: LocalRef, offset: number, fallback: Expr = str('')): Expr {
  const count = fn('COUNT', { kind: 'local', ref: N });
  const at = offset === 0 ? count : op('-', count, num(offset));
  return fn('IF', op('>', count, num(offset)), fn('INDEX', { kind: 'local', ref: col }, at), fallback);
}
