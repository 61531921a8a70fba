/**
 * One KPI row: its values from the KPI's definition laid out in helper blocks (per listed period,
 * per moment, or one value), then the cells every row has — period, actual, previous, baseline, n,
 * interval, variance, status, trend, definition — and its summary line. Nothing here names a KPI:
 * what a KPI computes comes from its definition module; which period is the actual, headline.ts.
 */
import { findFunction } from '../../catalog/index.js';
import type { Cell } from '../../values/context.js';
import { variantLayout } from '../definition.js';
import type {
  AnyVariant, Interval, KpiDefinition, KpiFacts, LiveArgs, NativeArgs, NativeForm, PeriodVariant, Series, SingleVariant, StockVariant,
} from '../definition.js';
import { cachedOf, isError } from '../evaluate.js';
import { fn, num, op, ours, range, str } from '../formula.js';
import type { BoundKpi } from '../kpis.js';
import { definitionText } from '../kpis.js';
import type { RowRule } from '../measure.js';
import { guarded, nativeStatus, nativeWilson, renderNative } from '../portable.js';
import type { FlagCriteria, NativeScope } from '../portable.js';
import type { Role } from '../roles.js';
import type { Expr, LocalRef, RangeRef } from '../types.js';
import type { PlanContext } from './context.js';
import { actualRow, minimumFor, statusCell } from './headline.js';
import { errorFormula, sameCell } from './helper-blocks.js';
import type { BlockRefs, BlockResult, Listed, Outcome } from './helper-blocks.js';
import { BASELINE_AT, COL, LISTED, NUMBER_FORMATS, TREND_FROM, TREND_PERIODS } from './layout.js';
import { liveArgs } from './live-args.js';
import type { Timeline } from './timeline.js';
import type { UnreadableColumn } from './unreadable.js';
import { isLogRole } from './event-logs.js';
import { tableDates } from './log-join.js';
import type { TableDates } from './log-join.js';

/**
 * Up to this many rows a portable block is checked against the catalog's own table (a second pass
 * over the rows); beyond, native forms are trusted as the agreement tests prove them, and the
 * catalog runs only to name a rejected row.
 */
const VERIFY_ROWS = 50_000;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const localExpr = (ref: LocalRef): Expr => ({ kind: 'local', ref });
const cellOf = (ref: LocalRef, i: number): LocalRef => ({ row: ref.row + i - 1, col: ref.col });

/** Worst first: the outcome a KPI reports when its blocks differ. */
const OUTCOME_ORDER: readonly Outcome[] = ['mismatch', 'error', 'text', 'log', 'form', 'native', 'live'];
const worst = (outcomes: readonly Outcome[]): Outcome => OUTCOME_ORDER.find((o) => outcomes.includes(o)) ?? 'live';

/** What the parts of one row share. */
interface RowContext {
  readonly ctx: PlanContext;
  readonly def: KpiDefinition;
  readonly variant: AnyVariant;
  readonly ranges: ReadonlyMap<Role, RangeRef>;
  readonly facts: KpiFacts;
  readonly live: LiveArgs;
  readonly nativeArgs: NativeArgs;
  readonly name: string;
  readonly row: number;
  /** The first column native formulas cannot read, when one keeps the KPI from native forms. */
  unreadable?: UnreadableColumn;
  /** The KPI walks a status or message log, or reads an event log one row per ticket: no native form. */
  readonly walksLog: boolean;
  /** A log KPI counted in the periods of its ticket table's dates (plan/log-join.ts). */
  readonly joined?: TableDates;
}

/** The date column whose periods a period variant is counted in: the ticket table's for a joined log KPI, else its own. */
function periodColumn(r: RowContext, variant: PeriodVariant): { role: Role; ref: RangeRef } {
  return r.joined ? { role: r.joined.role, ref: r.joined.ref } : { role: variant.dates, ref: r.ranges.get(variant.dates)! };
}

function col(r: RowContext, role: Role): Expr {
  const ref = r.ranges.get(role);
  if (!ref) throw new Error(`internal: ${r.def.id} has no column for ${role}`);
  let e = rangeExprs.get(ref);
  if (!e) rangeExprs.set(ref, (e = range(ref)));
  return e;
}

/** One expression per range: every period's formula shares it, so its key and text are made once. */
const rangeExprs = new WeakMap<RangeRef, Expr>();

/** The roles a rule reads. */
function ruleRoles(rule: RowRule): Role[] {
  if (rule.kind === 'order') return [rule.earlier, rule.later];
  if (rule.kind === 'range') return [rule.role];
  return rule.where.map((w) => w.role);
}

/**
 * The rows a definition's rules reject, as the guard of `then`. A rule over an optional column the
 * data does not have (AHT's hold time on talk-only calls) rejects nothing and is left out.
 */
function guard(r: RowContext, then: Expr): Expr {
  const columns = r.ctx.data.nativeColumns(r.variant, r.ranges, r.facts);
  const flags = 'flags' in columns ? columns.flags : undefined;
  const rules = (r.variant.rules ?? []).filter((rule) => ruleRoles(rule).every((role) => r.ranges.has(role)));
  return guarded(rules, then, { col: (role) => col(r, role), flags: (role) => flags?.get(role) }, r.facts, r.ctx.lang);
}

/** A native scope over the KPI's columns: a period's rows, all rows, or a moment. */
function scope(r: RowContext, flags: ReadonlyMap<Role, FlagCriteria>, extra: Partial<NativeScope> = {}): NativeScope {
  return {
    col: (role) => col(r, role),
    flags: (role) => flags.get(role),
    actualOf: (id) => r.live.actualOf(id),
    ...extra,
  };
}

/** How a form is written natively for this KPI's data: a builder per scope, or why there is none. */
function nativeBuilder(r: RowContext, form: NativeForm | undefined): ((extra: Partial<NativeScope>) => Expr | null) | 'form' | 'log' | 'text' {
  if (r.walksLog) return 'log';
  const columns = r.ctx.data.nativeColumns(r.variant, r.ranges, r.facts);
  if ('unreadable' in columns) {
    r.unreadable ??= columns.unreadable;
    return 'text';
  }
  if (!form) return 'form';
  return (extra) => renderNative(form, r.nativeArgs, scope(r, columns.flags, extra));
}

/**
 * The timeline of a date column and its listed periods with the rows each holds now. The rows are
 * grouped on first use: only blocks written as native formulas or values need them, never live ones.
 */
function periodsOf(r: RowContext, dates: Role, ref: RangeRef = r.ranges.get(dates)!): { timeline: Timeline; periods: Listed[] } {
  const timeline = r.ctx.timelines.of(dates, ref);
  let rowsByLabel: Map<string, readonly number[]> | undefined;
  const rowsOf = (label: string): readonly number[] => (rowsByLabel ??= new Map(r.ctx.data.periods(ref).map((p) => [p.label, p.rows]))).get(label) ?? [];
  return {
    timeline,
    periods: timeline.periods.map((p) => {
      let rows: readonly number[] | undefined;
      return { ...p, get rows() { return (rows ??= rowsOf(p.label)); } };
    }),
  };
}

// ------------------------------------------------------------------ series per period

/** A series of a period KPI (its value, n or margin) as a helper block in the mode of the plan. */
function seriesBlock(
  r: RowContext, variant: PeriodVariant, line: { timeline: Timeline; periods: readonly Listed[] }, id: string,
  series: Pick<Series, 'live'> & { readonly native?: NativeForm }, guardRules: boolean, byLabel: boolean, numberFormat: string, values?: Outcome,
): BlockResult {
  const { ctx } = r;
  const { table, column } = series.live(r.live);
  const label = id.replace(/^helper:/, '');
  if (!ctx.portable) return ctx.helpers.live({ id, label, live: table, column, byLabel, ...line, numberFormat });
  const build = values && values !== 'native' ? values : nativeBuilder(r, series.native);
  const datesRef = periodColumn(r, variant).ref;
  return ctx.helpers.portable({
    id, label, live: table, column, byLabel, ...line,
    dates: range(datesRef), datesNative: !r.walksLog && ctx.data.nativeOk(datesRef, 'date'),
    native: typeof build === 'string' ? (build === 'live' ? 'form' : build) : (p) => build({
      period: { dates: variant.dates, bounds: p.exprs },
      stockPick: (role, which) => ctx.data.stockPickable(datesRef, r.ranges.get(role)!, p.rows, which),
    }),
    // Only a native block has a guard (its rules may read flag words only native columns have).
    // KPI_BY_PERIOD says "no data" before any row is checked when the date column holds no date.
    guard: typeof build !== 'string' && guardRules && (variant.rules ?? []).length > 0
      ? fn('IF', op('=', fn('COUNT', range(datesRef)), num(0)), fn('NA'), guard(r, str('Period'))) : undefined,
    // A count (n) is a plain COUNTIFS and is not checked; a value is checked when its function can
    // fail on totals, or when the data is small enough for a second pass to cost nothing.
    verify: !byLabel && (variant.totalsCanFail === true || ctx.data.rowCount(datesRef) <= VERIFY_ROWS),
    numberFormat,
  });
}

interface Values {
  readonly block?: BlockRefs;
  /** The row of the actual in the blocks (a formula), when the KPI has blocks. */
  readonly actualAt?: Expr;
  /** The actual's formula when the KPI has no blocks (one value over all rows). */
  readonly actual?: Expr;
  readonly count?: BlockRefs;
  readonly margin?: BlockRefs;
  /** What the minimum of answers or tickets is checked on, and that minimum. */
  readonly minimum?: { readonly counts: LocalRef; readonly n: number; readonly nCell: boolean };
  readonly outcomes: Outcome[];
  readonly messages: (string | undefined)[];
  readonly interval?: Interval;
  /** The timeline's "to date" cell: 1 when the reporting period is the data's only one, still running. */
  readonly toDate?: LocalRef;
}

function periodValues(r: RowContext, variant: PeriodVariant): Values {
  const dates = periodColumn(r, variant);
  const line = periodsOf(r, dates.role, dates.ref);
  const fmt = NUMBER_FORMATS[r.def.unit];
  const id = `helper:${r.def.id}`;
  const main = seriesBlock(r, variant, line, id, {
    live: (a) => ({ table: a.byPeriod(variant.fn, ...variant.args(a)), column: 2 }),
    native: variant.native,
  }, true, false, fmt);
  // A KPI written as values keeps all its series as values: they list the same periods.
  const same = r.ctx.portable && main.outcome !== 'native' ? main.outcome : undefined;
  const outcomes: Outcome[] = [main.outcome];
  const messages = [main.message];
  let count: BlockResult | undefined;
  if (variant.count) {
    count = seriesBlock(r, variant, line, `${id}:n`, variant.count, false, true, '0', same);
    if (count.outcome === 'mismatch') outcomes.push('mismatch');
  }
  let margin: BlockResult | undefined;
  if (variant.interval?.kind === 'margin') {
    margin = seriesBlock(r, variant, line, `${id}:margin`, variant.interval.margin, true, false, fmt, same);
    outcomes.push(margin.outcome);
  }
  const n = minimumFor(variant, r.ctx.options);
  const counts = count ? count.refs.V : main.refs.N;
  const actualAt = actualRow(r.ctx, r.def.id, main.refs.anchor, main.refs.V, n > 0 ? counts : undefined, n);
  return {
    block: main.refs, actualAt, count: count?.refs, margin: margin?.refs, outcomes, messages, interval: variant.interval, toDate: line.timeline.toDate,
    ...(n > 0 ? { minimum: { counts, n, nCell: count !== undefined } } : {}),
  };
}

// ------------------------------------------------------------------ values at moments

function stockValues(r: RowContext, variant: StockVariant): Values {
  const { ctx } = r;
  const datesRef = r.ranges.get(variant.dates)!;
  const line = periodsOf(r, variant.dates);
  const build = nativeBuilder(r, variant.nativeAt);
  const result = ctx.helpers.moments({
    id: `helper:${r.def.id}`, label: r.def.id, dates: range(datesRef), datesNative: !(ctx.portable && r.walksLog) && ctx.data.nativeOk(datesRef, 'date'), ...line,
    live: (asOf) => variant.at(r.live, asOf),
    native: typeof build === 'string' ? build : (asOf) => {
      const e = build({ moment: asOf });
      return e && guard(r, e);
    },
    portable: ctx.portable, numberFormat: NUMBER_FORMATS[r.def.unit],
  });
  // A stock is read at the reporting period's end, whatever it holds.
  return { block: result.refs, actualAt: num(LISTED), outcomes: [result.outcome], messages: [result.message], toDate: line.timeline.toDate };
}

// ------------------------------------------------------------------ one value

/** One value over all rows: live, or native checked against it, or its value. */
function single(r: RowContext, live: Expr, form: NativeForm | undefined): { expr: Expr; outcome: Outcome; message?: string } {
  const { ctx } = r;
  if (!ctx.portable) return { expr: live, outcome: 'live' };
  const liveValue = ctx.w.evaluate(live);
  const c = cachedOf(liveValue);
  const build = nativeBuilder(r, form);
  let outcome: Outcome = typeof build === 'string' ? build : 'form';
  if (typeof build !== 'string') {
    const e = build({});
    if (e) {
      const native = guard(r, e);
      const same = sameCell(cachedOf(ctx.w.evaluate(native)).cached, c.cached);
      if (same) return { expr: native, outcome: 'native', message: c.message };
      outcome = isError(liveValue) ? 'error' : 'mismatch';
    }
  }
  const expr = isError(liveValue) ? errorFormula(c.cached as string, seeNotes(ctx.lang)) : valueExpr(c.cached);
  return { expr, outcome, message: c.message };
}

/** The text a written error formula carries: where the manager finds why. */
export function seeNotes(lang: 'en' | 'de'): string {
  return lang === 'de' ? 'siehe Hinweise' : 'see the notes';
}

function valueExpr(v: Cell): Expr {
  return typeof v === 'number' ? num(v) : typeof v === 'boolean' ? { kind: 'bool', value: v } : str(v);
}

function singleValues(r: RowContext, variant: SingleVariant): Values {
  const one = single(r, variant.live(r.live), variant.native);
  return { actual: one.expr, outcomes: [one.outcome], messages: [one.message] };
}

// ------------------------------------------------------------------ the row

export function kpiRow(ctx: PlanContext, bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, row: number, typed: number | null | undefined): void {
  const { def, variant } = bound.kpi;
  const { lang, t, options } = ctx;
  const name = def.name[lang];
  const fmt = NUMBER_FORMATS[def.unit];
  const facts = ctx.data.facts(variant, ranges, headersOf(bound));
  const dates = 'dates' in variant ? variant.dates : undefined;
  const joined = variantLayout(def, variant) === 'period' ? tableDates(ctx, variant as PeriodVariant, ranges) : undefined;
  if (joined) ctx.notes.logDated(name, joined.dating);
  const live = liveArgs(ctx, def, ranges, facts, dates, joined?.dates);
  const walksLog = findFunction(variant.fn)?.family === 'logs' || [...ranges].some(([role, ref]) => !isLogRole(role) && ctx.eventLogs.has(ref.sheet));
  const r: RowContext = {
    ctx, def, variant, ranges, facts, live, name, row, walksLog, ...(joined ? { joined } : {}),
    nativeArgs: { has: (role) => ranges.has(role), options, facts },
  };

  let values: Values;
  switch (variantLayout(def, variant)) {
    case 'period': values = periodValues(r, variant as PeriodVariant); break;
    case 'stock': values = stockValues(r, variant as StockVariant); break;
    case 'single': values = singleValues(r, variant as SingleVariant); break;
    default: throw new Error(`internal: ${def.id} is a table, not a row`);
  }
  const outcome = ctx.portable ? worst(values.outcomes) : 'live';
  if (outcome === 'text') ctx.notes.textValues(name, r.unreadable!);
  else if (outcome !== 'live' && outcome !== 'native') ctx.notes.asValues[outcome].push(name);
  ctx.notes.problem(t, name, values.messages.find((m) => m !== undefined));

  // Period, actual, previous, baseline, trend: the blocks' rows, the actual's chosen by headline.ts.
  const A: LocalRef = { row, col: COL.actual };
  const actualExpr = localExpr(A);
  const { block, actualAt } = values;
  if (values.actual) ctx.w.putFormula(row, COL.actual, values.actual, { numberFormat: fmt });
  if (block && actualAt) {
    const anchor = localExpr(block.anchor);
    const V = localExpr(block.V);
    const unlessFailed = (then: Expr): Expr => fn('IF', fn('ISERROR', anchor), str(''), then);
    const period = fn('INDEX', localExpr(block.P), actualAt);
    // The data's only period, still running: shown as far as it goes, "2026-05 (to date)" (headline.ts).
    ctx.w.putFormula(row, COL.period, values.toDate ? fn('IF', op('=', localExpr(values.toDate), num(1)), op('&', period, str(` (${t.toDate})`)), period) : period);
    ctx.w.putFormula(row, COL.actual, fn('IF', fn('ISERROR', anchor), anchor, fn('INDEX', V, actualAt)), { numberFormat: fmt });
    ctx.w.putFormula(row, COL.previous, unlessFailed(fn('INDEX', V, op('-', actualAt, num(1)))), { numberFormat: fmt });
    ctx.w.putFormula(row, COL.baseline, unlessFailed(localExpr(cellOf(block.V, BASELINE_AT))), { numberFormat: fmt });
    for (let k = 0; k < TREND_PERIODS; k++) {
      ctx.w.putFormula(row, COL.trendFirst + k, unlessFailed(localExpr(cellOf(block.V, TREND_FROM + k))), { numberFormat: fmt });
    }
    // n: the answers or tickets the actual's period's value used.
    if (values.count) ctx.w.putFormula(row, COL.n, unlessFailed(fn('INDEX', localExpr(values.count.V), actualAt)), { numberFormat: '0' });
  }
  ctx.actuals.set(def.id, A);

  // Confidence interval.
  if (values.interval?.kind === 'wilson' && values.count) {
    const n = localExpr({ row, col: COL.n });
    ctx.w.putFormula(row, COL.ciLow, nativeWilson(actualExpr, n, 'low'), { numberFormat: fmt });
    ctx.w.putFormula(row, COL.ciHigh, nativeWilson(actualExpr, n, 'high'), { numberFormat: fmt });
  } else if (values.margin && actualAt) {
    const margin = fn('INDEX', localExpr(values.margin.V), actualAt);
    ctx.w.putFormula(row, COL.ciLow, fn('IFERROR', op('-', actualExpr, margin), str('')), { numberFormat: fmt });
    ctx.w.putFormula(row, COL.ciHigh, fn('IFERROR', op('+', actualExpr, margin), str('')), { numberFormat: fmt });
  }

  rowTail(ctx, r, bound, row, typed, outcome, values);
}

/** The header of each column a KPI reads (the duration units look at them). */
export function headersOf(bound: BoundKpi): Map<Role, string> {
  return new Map([...bound.columns].map(([role, a]) => [role, a.header]));
}

/** Target, direction, variance, status, trend picture, definition and the summary line. */
function rowTail(ctx: PlanContext, r: RowContext, bound: BoundKpi, row: number, typed: number | null | undefined, outcome: Outcome, values: Values): void {
  const { def, variant, info } = bound.kpi;
  const { lang, t } = ctx;
  const { block } = values;
  const fmt = NUMBER_FORMATS[def.unit];
  const requested = ctx.request.targets[def.id];
  let target = requested ? requested.target : def.defaultTarget;
  if (typeof typed === 'number' && Number.isFinite(typed)) {
    // A share typed as 80 into a percent cell (Sheets stores 80, Excel 0.8) means 80 %.
    target = def.unit === 'share' && typed > 1 && typed <= 100 ? typed / 100 : typed;
  }
  const direction = requested?.direction ?? def.direction;

  ctx.w.putValue(row, COL.perspective, t.perspective[def.perspective], { style: 'kpi' });
  ctx.w.putValue(row, COL.kpi, r.name, { style: 'kpi' });
  ctx.w.putValue(row, COL.unit, t.unit[def.unit]);
  // The manager's own format of the target cell (a percent with more digits) is kept.
  ctx.w.putValue(row, COL.target, target ?? undefined, { style: 'input', numberFormat: ctx.previous?.targetFormats?.[def.id] ?? fmt });
  ctx.w.putValue(row, COL.direction, t.direction[direction]);

  const actualExpr = localExpr({ row, col: COL.actual });
  const T = localExpr({ row, col: COL.target });
  const D = localExpr({ row, col: COL.direction });
  ctx.w.putFormula(row, COL.variance, fn('IF', op('=', actualExpr, str('')), str(''), fn('IF', op('=', T, str('')), str(''), op('-', actualExpr, T))), { numberFormat: fmt });
  // An actual that is an error (bad data, see the notes) has no status in either mode; a period
  // with fewer answers or tickets than the minimum has "too few (n)".
  const status = ctx.portable
    ? nativeStatus(actualExpr, T, D, ctx.options.tolerance)
    : ours('KPI_STATUS', actualExpr, T, D, num(ctx.options.tolerance));
  const min = values.minimum;
  const count = min && values.actualAt
    ? (min.nCell ? localExpr({ row, col: COL.n }) : fn('INDEX', localExpr(min.counts), values.actualAt))
    : undefined;
  ctx.w.putFormula(row, COL.status, statusCell(actualExpr, status, count, min?.n ?? 0, t.tooFew, values.toDate && { cell: localExpr(values.toDate), text: t.incomplete }));

  // Trend picture.
  const source: LocalRef = { row, col: COL.trendFirst, rows: 1, cols: TREND_PERIODS };
  const trendValues = ctx.w.model.read(source)[0].map((v) => (isNumber(v) ? v : ''));
  const labels: string[] = [];
  if (block) {
    const P = ctx.w.model.read(block.P).flat();
    for (let k = 0; k < TREND_PERIODS; k++) labels.push(String(P[TREND_FROM - 1 + k] ?? ''));
    ctx.trendSources.push({ P: block.P });
    ctx.trends.push({ kpi: def.id, cell: { row, col: COL.trend }, source, values: trendValues, labels });
    if (ctx.dialect === 'sheets') ctx.w.putFormula(row, COL.trend, fn('SPARKLINE', localExpr(source)));
    if (ctx.dialect === 'xlsx') ctx.dataBars.push(source);
  }

  const asValues = outcome !== 'live' && outcome !== 'native';
  const why = outcome === 'text' && r.unreadable ? t.valuesText(r.unreadable.header) : t.values;
  const definition = definitionText(r.joined?.definition ?? variant.definition, lang, ctx.options, r.facts) + (asValues ? ` (${why})` : '');
  ctx.w.putValue(row, COL.definition, definition, { style: 'note' });

  const cached = (c: number): number | string | '' => {
    const v = ctx.w.model.value(row, c);
    return v === null || typeof v === 'boolean' ? '' : v;
  };
  const numeric = (c: number): number | undefined => {
    const v = ctx.w.model.value(row, c);
    return isNumber(v) ? v : undefined;
  };
  const statusValue = ctx.w.model.value(row, COL.status);
  const few = typeof statusValue === 'string' && statusValue.startsWith(`${t.tooFew} (`) ? Number(statusValue.slice(t.tooFew.length + 2, -1)) : undefined;
  const toDate = values.toDate !== undefined && ctx.w.model.value(values.toDate.row, values.toDate.col) === 1;
  const shown = ctx.w.model.value(row, COL.period);
  const period = toDate && typeof shown === 'string' ? shown.slice(0, -` (${t.toDate})`.length) : shown;
  const n = numeric(COL.n), ciLow = numeric(COL.ciLow), ciHigh = numeric(COL.ciHigh);
  ctx.summary.push({
    id: def.id, kpi: info.kpi, name: r.name, perspective: def.perspective, section: def.section,
    value: cached(COL.actual), previous: cached(COL.previous), baseline: cached(COL.baseline),
    target: target ?? null, direction,
    status: statusValue === 'green' || statusValue === 'amber' || statusValue === 'red' ? statusValue : few !== undefined ? 'too-few' : toDate && statusValue === t.incomplete ? 'to-date' : '',
    period: typeof period === 'string' ? period : '',
    ...(toDate ? { toDate: true } : {}),
    ...(few !== undefined ? { tooFew: few } : {}),
    unit: def.unit,
    ...(n !== undefined ? { n } : {}), ...(ciLow !== undefined ? { ciLow } : {}), ...(ciHigh !== undefined ? { ciHigh } : {}),
    trend: block ? trendValues : [], trendLabels: labels,
    definition,
  });
}
