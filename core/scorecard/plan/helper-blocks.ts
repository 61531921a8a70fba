/**
 * Helper blocks: per KPI series, a hidden table of Period | Rows | Value with one row per period
 * its timeline lists (timeline.ts: the baseline and the 13 periods up to the reporting period), so
 * the KPI row reads every value with INDEX and the sheet moves on as rows arrive.
 *
 * - Live: the catalog's table (KPI_BY_PERIOD, NPS_TREND …) spills from the block's anchor cell; the
 *   listed periods look their rows and values up in it by label. When the function fails, the
 *   anchor shows its error and nothing spills.
 * - Portable: each listed period's native formula over the period's bounds (the timeline's cells),
 *   or values where no native form exists. The anchor cell mirrors the live anchor: "Period", or —
 *   when the data has a row the catalog function rejects — that function's error, and then the
 *   Rows cells are empty, so the KPI row shows exactly what it shows live. Native blocks are checked
 *   against the catalog's own table at generation: a native form that would differ is not written
 *   (values instead, with a note saying why). A values block keeps the periods it was written for
 *   as constant labels: it does not move on (regenerate to update).
 */
import type { Cell } from '../../values/context.js';
import { cachedOf, isError } from '../evaluate.js';
import type { Value } from '../evaluate.js';
import { fn, neg, num, op, str } from '../formula.js';
import { nativeRows } from '../portable.js';
import type { Expr, LocalRef, PlanCell, ScorecardOptions } from '../types.js';
import { HEADER_ROW, HELPER_FIRST, LISTED, SPILL_ROWS } from './layout.js';
import type { SheetWriter } from './sheet-model.js';
import type { ListedPeriod, Timeline } from './timeline.js';

/** Where a block's columns are: Period, Rows, Value (LISTED rows each) and the anchor above them. */
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
 * (`mismatch`: a bug, never expected), or it walks a log — a status or message log, or an event
 * log read one row per ticket — which no native formula can (`log`). Live blocks are `live`.
 */
export type Outcome = 'live' | 'native' | 'form' | 'log' | 'text' | 'error' | 'mismatch';

export interface BlockResult {
  readonly refs: BlockRefs;
  readonly outcome: Outcome;
  /** The catalog function's message when it fails (it names the first bad row). */
  readonly message?: string;
}

/** A listed period with the data rows it holds now (indices into the date range's rows). */
export type Listed = ListedPeriod & { readonly rows: readonly number[] };

/** A per-period series as the plan asks for it. */
export interface SeriesSpec {
  /** Block id (`helper:nps`, `helper:nps:n` …) and the label above it. */
  readonly id: string;
  readonly label: string;
  /** The live table: a catalog table listing periods in column 0. */
  readonly live: Expr;
  /** Its column holding the series. */
  readonly column: number;
  /** True when the table lists only some periods and a missing one counts 0 (n); such blocks have no Rows. */
  readonly byLabel?: boolean;
  readonly timeline: Timeline;
  readonly periods: readonly Listed[];
  readonly dates: Expr;
  /** True when native criteria read the date column as the core does. */
  readonly datesNative: boolean;
  /** The native value per listed period (null: none for this period), or why there is none. */
  readonly native: ((p: Listed) => Expr | null) | Exclude<Outcome, 'live' | 'native'>;
  /** Check a native block against the catalog's table (see kpi-row.ts: which blocks are checked). */
  readonly verify: boolean;
  /** `IF(<bad rows>, error, "Period")`, when the catalog function rejects rows; undefined without rules. */
  readonly guard?: Expr;
  readonly numberFormat: string;
}

const HELPER: Pick<PlanCell, 'style'> = { style: 'helper' };
/** Columns kept for a spilling table even when it fails now: the widest the scorecard spills (NPS_TREND's 5). */
const SPILL_WIDTH = 5;
const COUNT_FORMAT = { ...HELPER, numberFormat: '0' };
const local = (ref: LocalRef): Expr => ({ kind: 'local', ref });
const at = (ref: LocalRef, i: number): LocalRef => ({ row: ref.row + i - 1, col: ref.col });
/** `IF(test="","",then)`. */
const blankIf = (test: Expr, then: Expr): Expr => fn('IF', op('=', test, str('')), str(''), then);

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

  /** Reserves `width` hidden columns and writes the block's label above them; returns the first. */
  allocate(width: number, id: string, label: string): number {
    const col = this.next;
    this.next += width;
    for (let i = 0; i < width; i++) this.hidden.push(col + i);
    this.w.putValue(HEADER_ROW - 1, col, label, HELPER);
    this.w.addBlock(`helper-label:${id}`, HEADER_ROW - 1, col, 1, 1);
    return col;
  }

  private refs(col: number, anchor: number = col): BlockRefs {
    const first = HEADER_ROW + 1;
    return {
      P: { row: first, col, rows: LISTED, cols: 1 },
      N: { row: first, col: col + 1, rows: LISTED, cols: 1 },
      V: { row: first, col: col + 2, rows: LISTED, cols: 1 },
      anchor: { row: HEADER_ROW, col: anchor },
    };
  }

  /** The Period column of a block: the timeline's labels (moving on with it), or constants. */
  private periodColumn(col: number, periods: readonly Listed[], timeline: Timeline | undefined): void {
    periods.forEach((p, i) => {
      const row = HEADER_ROW + 1 + i;
      if (timeline) this.w.putFormula(row, col, local(at(timeline.P, p.at)), HELPER);
      else this.w.putValue(row, col, p.label, HELPER);
    });
  }

  /**
   * Live: the catalog's table spills from the anchor; beside it the listed periods look their
   * Rows and Value up by label (nothing when the table fails: the KPI row shows the anchor's error).
   */
  live(spec: Pick<SeriesSpec, 'id' | 'label' | 'live' | 'column' | 'byLabel' | 'timeline' | 'periods' | 'numberFormat'>): BlockResult {
    const value = this.w.evaluate(spec.live);
    const c = cachedOf(value);
    const width = Math.max(SPILL_WIDTH, c.spill?.[0]?.length ?? 0);
    const anchorCol = this.allocate(width + 3, spec.id, spec.label);
    const { message } = this.w.putFormula(HEADER_ROW, anchorCol, spec.live, HELPER, value);
    const spillRows = Math.max(SPILL_ROWS[this.options.period], 2 * (c.spill?.length ?? 0) + 24);
    const spillCol = (k: number): Expr => local({ row: HEADER_ROW + 1, col: anchorCol + k, rows: spillRows, cols: 1 });
    const col = anchorCol + width;
    ['Period', 'Rows', 'Value'].forEach((h, i) => this.w.putValue(HEADER_ROW, col + i, h, HELPER));
    this.periodColumn(col, spec.periods, spec.timeline);
    const anchor = local({ row: HEADER_ROW, col: anchorCol });
    spec.periods.forEach((_, i) => {
      const row = HEADER_ROW + 1 + i;
      const label = local({ row, col });
      // A count's table fails when it has nothing to count: then every period counts 0.
      const lookup = (k: number, missing: Expr): Expr => {
        const found = fn('IFERROR', fn('INDEX', spillCol(k), fn('MATCH', label, spillCol(0), num(0))), missing);
        return blankIf(label, spec.byLabel ? found : fn('IF', fn('ISERROR', anchor), str(''), found));
      };
      if (!spec.byLabel) this.w.putFormula(row, col + 1, lookup(1, num(0)), COUNT_FORMAT);
      this.w.putFormula(row, col + 2, lookup(spec.column, spec.byLabel ? num(0) : str('')), { ...HELPER, numberFormat: spec.numberFormat });
    });
    this.w.addBlock(spec.id, HEADER_ROW, anchorCol, 1, 1);
    this.w.addBlock(`${spec.id}:periods`, HEADER_ROW, col, LISTED + 1, 3);
    return { refs: this.refs(col, anchorCol), outcome: 'live', message };
  }

  /** The series over the listed periods: native formulas checked against the catalog's table, or its values. */
  portable(spec: SeriesSpec): BlockResult {
    // The catalog's own table, evaluated only when it is needed (to check, or for values).
    let table: LiveTable | undefined;
    const live = (): LiveTable => (table ??= this.liveTable(spec.live));
    const liveValue = (p: Listed): Cell => (p.label === '' ? '' : live().byLabel.get(p.label)?.[spec.column] ?? (spec.byLabel ? 0 : ''));
    const liveError = (): LiveTable['error'] => live().error;

    let outcome: Outcome;
    let exprs: Expr[] | undefined;
    let values: Value[] = [];
    let anchor: Value = 'Period';
    if (typeof spec.native === 'string') outcome = spec.native;
    else {
      const native = spec.native;
      const built = spec.periods.map((p) => native(p));
      if (built.some((e) => e === null)) outcome = 'form';
      else {
        // A period that is none of the data's shows nothing; one without dated rows has no value
        // (KPI_BY_PERIOD lists only periods holding a date), a count 0.
        exprs = (built as Expr[]).map((e, i) => {
          const p = spec.periods[i];
          return blankIf(p.labelAt, spec.byLabel ? e : fn('IF', op('=', nativeRows(spec.dates, p.exprs), num(0)), str(''), e));
        });
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

    const col = this.allocate(3, spec.id, spec.label);
    const anchorRef = local({ row: HEADER_ROW, col });
    this.w.putValue(HEADER_ROW, col + 1, 'Rows', HELPER);
    this.w.putValue(HEADER_ROW, col + 2, 'Value', HELPER);
    const native = outcome === 'native';
    const failed = native || spec.byLabel ? undefined : liveError();
    if (native && spec.guard) this.w.putFormula(HEADER_ROW, col, spec.guard, HELPER, anchor);
    else if (failed) {
      // The catalog function fails: the anchor shows its error (as live), the rows nothing.
      this.w.putFormula(HEADER_ROW, col, errorFormula(failed.code, this.seeNotes), HELPER);
    } else this.w.putValue(HEADER_ROW, col, 'Period', HELPER);

    this.periodColumn(col, spec.periods, native ? spec.timeline : undefined);
    spec.periods.forEach((p, i) => {
      const row = HEADER_ROW + 1 + i;
      if (!spec.byLabel) {
        if (native && spec.datesNative) {
          const count = blankIf(p.labelAt, nativeRows(spec.dates, p.exprs));
          this.w.putFormula(row, col + 1, spec.guard ? fn('IF', fn('ISERROR', anchorRef), str(''), count) : count, COUNT_FORMAT);
        } else if (failed) this.w.putValue(row, col + 1, '', COUNT_FORMAT);
        else this.w.putValue(row, col + 1, p.label === '' ? '' : live().byLabel.get(p.label)?.[1] ?? p.rows.length, COUNT_FORMAT);
      }
      const fmt = { ...HELPER, numberFormat: spec.numberFormat };
      if (native) this.w.putFormula(row, col + 2, exprs![i], fmt, values[i]);
      else this.w.putValue(row, col + 2, failed ? '' : liveValue(p), fmt);
    });
    this.w.addBlock(spec.id, HEADER_ROW, col, LISTED + 1, 3);
    return { refs: this.refs(col), outcome, message: table?.error?.message };
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
   * A block of values at moments (stocks at each listed period's end, never after the data's last
   * day): Period | Rows | Value | As of, per period a live formula, or in portable mode a native
   * one checked against it, or the live values.
   */
  moments(spec: {
    readonly id: string; readonly label: string; readonly dates: Expr; readonly datesNative: boolean;
    readonly timeline: Timeline; readonly periods: readonly Listed[];
    readonly live: (asOf: Expr) => Expr; readonly native: ((asOf: Expr, p: Listed) => Expr | null) | Exclude<Outcome, 'live' | 'native'>;
    readonly portable: boolean; readonly numberFormat: string;
  }): BlockResult {
    const col = this.allocate(4, spec.id, spec.label);
    ['Period', 'Rows', 'Value', 'As of'].forEach((h, i) => this.w.putValue(HEADER_ROW, col + i, h, HELPER));
    // The moment of each period: its end, or the end of the data's last day when that is earlier.
    const endOfData = op('+', fn('INT', local(spec.timeline.last)), num(1));
    spec.periods.forEach((p, i) => {
      const end = local(at(spec.timeline.end, p.at));
      this.w.putFormula(HEADER_ROW + 1 + i, col + 3, blankIf(p.labelAt, fn('MIN', end, endOfData)), { ...HELPER, numberFormat: 'yyyy-mm-dd hh:mm' });
    });
    const asOf = (i: number): Expr => local({ row: HEADER_ROW + 1 + i, col: col + 3 });
    const liveExpr = (i: number): Expr => blankIf(asOf(i), spec.live(asOf(i)));

    // Live values, computed once and only where needed: in portable mode a native block is checked
    // at its first and latest moment (rows the function rejects fail every moment alike).
    const liveCache = new Map<number, Value>();
    const liveAt = (i: number): Value => {
      let v = liveCache.get(i);
      if (v === undefined) liveCache.set(i, (v = this.w.evaluate(liveExpr(i))));
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
    const dated = all.filter((i) => spec.periods[i].label !== '');
    let outcome: Outcome = 'live';
    let exprs: Expr[] | undefined;
    let values: Value[] | undefined;
    let message: string | undefined;
    if (!spec.portable) {
      exprs = all.map(liveExpr);
      values = all.map(liveAt);
      message = messageOf(all);
    } else if (typeof spec.native === 'string') outcome = spec.native;
    else {
      const native = spec.native;
      const built = all.map((i) => native(asOf(i), spec.periods[i]));
      if (built.some((e) => e === null)) outcome = 'form';
      else {
        exprs = (built as Expr[]).map((e, i) => blankIf(asOf(i), e));
        const nativeValues = exprs.map((e) => this.w.evaluate(e));
        const checked = dated.length > 0 ? [...new Set([dated[0], dated[dated.length - 1]])] : [];
        message = messageOf(checked);
        const agree = checked.every((i) => sameCell(cachedOf(nativeValues[i]).cached, cachedOf(liveAt(i)).cached));
        outcome = agree ? 'native' : message ? 'error' : 'mismatch';
        if (agree) values = nativeValues;
      }
    }
    if (outcome !== 'live' && outcome !== 'native') message ??= messageOf(all);

    const moving = outcome === 'live' || outcome === 'native';
    this.periodColumn(col, spec.periods, moving ? spec.timeline : undefined);
    // Values stay at the moments they were computed for.
    if (!moving) spec.periods.forEach((_, i) => this.w.putValue(HEADER_ROW + 1 + i, col + 3, this.w.model.value(HEADER_ROW + 1 + i, col + 3) ?? '', { ...HELPER, numberFormat: 'yyyy-mm-dd hh:mm' }));
    spec.periods.forEach((p, i) => {
      const row = HEADER_ROW + 1 + i;
      if (moving && spec.datesNative) this.w.putFormula(row, col + 1, blankIf(p.labelAt, nativeRows(spec.dates, p.exprs)), COUNT_FORMAT);
      else this.w.putValue(row, col + 1, p.label === '' ? '' : p.rows.length, COUNT_FORMAT);
      const fmt = { ...HELPER, numberFormat: spec.numberFormat };
      if (exprs && values && moving) this.w.putFormula(row, col + 2, exprs[i], fmt, values[i]);
      else {
        const v = liveAt(i);
        const c = cachedOf(v);
        if (isError(v)) this.w.putFormula(row, col + 2, errorFormula(c.cached as string, this.seeNotes), fmt);
        else this.w.putValue(row, col + 2, c.cached, fmt);
      }
    });
    this.w.addBlock(spec.id, HEADER_ROW, col, LISTED + 1, 4);
    return { refs: this.refs(col), outcome, message };
  }
}
