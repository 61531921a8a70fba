/**
 * One KPI row: its values from the KPI's definition laid out in helper blocks (per period, per
 * moment, or one value), then the cells every row has — actual, previous, baseline, n, interval,
 * variance, status, trend, definition — and its summary line. Nothing here names a KPI: what a KPI
 * computes comes from its definition module.
 */
import type { Cell } from '../../values/context.js';
import type {
  AnyVariant, Interval, KpiDefinition, KpiFacts, LiveArgs, NativeArgs, NativeForm, PeriodVariant, Series, SingleVariant, StockVariant,
} from '../definition.js';
import { cachedOf, isError } from '../evaluate.js';
import { dateExpr, fn, num, op, ours, range, str } from '../formula.js';
import type { BoundKpi } from '../kpis.js';
import { definitionText } from '../kpis.js';
import { guarded, literalBounds, nativeStatus, nativeWilson, renderNative } from '../portable.js';
import type { BoundExprs, FlagCriteria, NativeScope } from '../portable.js';
import { roleKind } from '../roles.js';
import type { Role } from '../roles.js';
import type { Expr, LocalRef, RangeRef } from '../types.js';
import type { PlanContext } from './context.js';
import type { Period } from './data-facts.js';
import { errorFormula, fromEnd, sameCell } from './helper-blocks.js';
import { liveArgs } from './live-args.js';
import type { BlockRefs, BlockResult, Outcome } from './helper-blocks.js';
import { COL, listedPeriods, NUMBER_FORMATS, TREND_PERIODS } from './layout.js';

type Listed = Period & { readonly exprs: BoundExprs };

/**
 * Up to this many rows a portable block is checked against the catalog's own table (a second pass
 * over the rows); beyond, native forms are trusted as the agreement tests prove them, and the
 * catalog runs only to name a rejected row.
 */
const VERIFY_ROWS = 50_000;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const localExpr = (ref: LocalRef): Expr => ({ kind: 'local', ref });

/** Worst first: the outcome a KPI reports when its blocks differ. */
const OUTCOME_ORDER: readonly Outcome[] = ['mismatch', 'error', 'text', 'form', 'native', 'live'];
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
}

function col(r: RowContext, role: Role): Expr {
  const ref = r.ranges.get(role);
  if (!ref) throw new Error(`internal: ${r.def.id} has no column for ${role}`);
  return range(ref);
}

/** The rows a definition's rules reject, as the guard of `then`. */
function guard(r: RowContext, then: Expr): Expr {
  return guarded(r.variant.rules ?? [], then, (role) => col(r, role), r.facts.csatScale, r.ctx.lang);
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
function nativeBuilder(r: RowContext, form: NativeForm | undefined): ((extra: Partial<NativeScope>) => Expr | null) | 'form' | 'text' {
  const flags = r.ctx.data.nativeColumns(r.variant, r.ranges);
  if (!flags) return 'text';
  if (!form) return 'form';
  return (extra) => renderNative(form, r.nativeArgs, scope(r, flags, extra));
}

function listed(r: RowContext, dates: Role): Listed[] {
  const periods = r.ctx.data.periods(r.ranges.get(dates)!);
  return listedPeriods(periods.length).map((i) => ({ ...periods[i], exprs: literalBounds(periods[i].bounds) }));
}

// ------------------------------------------------------------------ series per period

/** A series of a period KPI (its value, n or margin) as a helper block in the mode of the plan. */
function seriesBlock(r: RowContext, variant: PeriodVariant, periods: readonly Listed[], id: string, series: Pick<Series, 'live'> & { readonly native?: NativeForm }, guardRules: boolean, byLabel: boolean, numberFormat: string): BlockResult {
  const { ctx } = r;
  const { table, column } = series.live(r.live);
  if (!ctx.portable) return ctx.helpers.live({ id, label: id.replace(/^helper:/, ''), live: table, column });
  const build = nativeBuilder(r, series.native);
  const datesRef = r.ranges.get(variant.dates)!;
  return ctx.helpers.portable({
    id, label: id.replace(/^helper:/, ''), live: table, column, byLabel,
    dates: range(datesRef), datesNative: ctx.data.nativeOk(datesRef, 'date'), periods,
    native: typeof build === 'string' ? build : (p) => build({
      period: { dates: variant.dates, bounds: p.exprs },
      stockDate: (role, which) => ctx.data.stockDate(datesRef, r.ranges.get(role)!, p, which),
    }),
    guard: guardRules && (variant.rules ?? []).length > 0 ? guard(r, str('Period')) : undefined,
    // A count (n) is a plain COUNTIFS and is not checked; a value is checked when its function can
    // fail on totals, or when the data is small enough for a second pass to cost nothing.
    verify: !byLabel && (variant.totalsCanFail === true || ctx.data.raw(datesRef).length <= VERIFY_ROWS),
    numberFormat,
  });
}

interface Values {
  readonly block?: BlockRefs;
  /** The actual's formula when it is not the latest period's value. */
  readonly actual?: Expr;
  readonly count?: BlockRefs;
  readonly margin?: BlockRefs;
  readonly outcomes: Outcome[];
  readonly messages: (string | undefined)[];
  readonly interval?: Interval;
}

function periodValues(r: RowContext, variant: PeriodVariant): Values {
  const periods = r.ctx.portable ? listed(r, variant.dates) : [];
  const fmt = NUMBER_FORMATS[r.def.unit];
  const id = `helper:${r.def.id}`;
  const main = seriesBlock(r, variant, periods, id, {
    live: (a) => ({ table: a.byPeriod(variant.fn, ...variant.args(a)), column: 2 }),
    native: variant.native,
  }, true, false, fmt);
  const outcomes: Outcome[] = [main.outcome];
  const messages = [main.message];
  let count: BlockResult | undefined;
  if (variant.count) {
    count = seriesBlock(r, variant, periods, `${id}:n`, variant.count, false, true, '0');
    if (count.outcome === 'mismatch') outcomes.push('mismatch');
  }
  let margin: BlockResult | undefined;
  if (variant.interval?.kind === 'margin') {
    margin = seriesBlock(r, variant, periods, `${id}:margin`, variant.interval.margin, true, false, fmt);
    outcomes.push(margin.outcome);
  }
  return { block: main.refs, count: count?.refs, margin: margin?.refs, outcomes, messages, interval: variant.interval };
}

// ------------------------------------------------------------------ values at moments

function stockValues(r: RowContext, variant: StockVariant): Values {
  const { ctx } = r;
  const datesRef = r.ranges.get(variant.dates)!;
  const all = ctx.data.periods(datesRef);
  const periods = listedPeriods(all.length).map((i) => ({ ...all[i], exprs: literalBounds(all[i].bounds) }));
  // Each period's stock is taken as of 00:00 on the first day of the next period, but never after
  // the end of the latest day in the data (so the latest backlog age is not aged into the future).
  const dateRefs = [...r.ranges].filter(([role]) => (variant.kinds?.[role] ?? roleKind(role)) === 'date').map(([, ref]) => ref);
  const endOfData = Math.floor(ctx.data.latest(dateRefs) + 1e-9) + 1;
  const asOf = periods.map((p) => dateExpr(Math.min(p.bounds.end, endOfData)));
  const build = nativeBuilder(r, variant.nativeAt);
  const result = ctx.helpers.moments({
    id: `helper:${r.def.id}`, label: r.def.id, dates: range(datesRef), datesNative: ctx.data.nativeOk(datesRef, 'date'), periods,
    live: (i) => variant.at(r.live, asOf[i]),
    native: typeof build === 'string' ? build : (i) => {
      const e = build({ moment: asOf[i] });
      return e && guard(r, e);
    },
    portable: ctx.portable, numberFormat: NUMBER_FORMATS[r.def.unit],
  });
  const outcomes: Outcome[] = [result.outcome];
  const messages = [result.message];
  let actual: Expr | undefined;
  if (variant.now) {
    const one = single(r, variant.now.live(r.live), variant.now.native);
    actual = one.expr;
    outcomes.push(one.outcome);
    messages.push(one.message);
  }
  return { block: result.refs, actual, outcomes, messages };
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
  const facts = ctx.data.facts(variant, ranges);
  const dates = 'dates' in variant ? variant.dates : undefined;
  const live = liveArgs(ctx, def, ranges, facts, dates);
  const r: RowContext = {
    ctx, def, variant, ranges, facts, live, name, row,
    nativeArgs: { has: (role) => ranges.has(role), options, facts },
  };

  let values: Values;
  switch (def.layout) {
    case 'period': values = periodValues(r, variant as PeriodVariant); break;
    case 'stock': values = stockValues(r, variant as StockVariant); break;
    case 'single': values = singleValues(r, variant as SingleVariant); break;
    default: throw new Error(`internal: ${def.id} is a table, not a row`);
  }
  const outcome = ctx.portable ? worst(values.outcomes) : 'live';
  if (outcome !== 'live' && outcome !== 'native') ctx.notes.asValues[outcome].push(name);
  ctx.notes.problem(t, name, values.messages.find((m) => m !== undefined));

  // Actual, previous, baseline, trend.
  const A: LocalRef = { row, col: COL.actual };
  const actualExpr = localExpr(A);
  const { block } = values;
  if (values.actual) ctx.w.putFormula(row, COL.actual, values.actual, { numberFormat: fmt });
  else if (block) ctx.w.putFormula(row, COL.actual, fromEnd(block.V, block.N, 0, localExpr(block.anchor)), { numberFormat: fmt });
  if (block) {
    ctx.w.putFormula(row, COL.previous, fromEnd(block.V, block.N, 1), { numberFormat: fmt });
    const count = fn('COUNT', localExpr(block.N));
    ctx.w.putFormula(row, COL.baseline, fn('IF', op('>', count, num(0)), fn('INDEX', localExpr(block.V), num(1)), str('')), { numberFormat: fmt });
    for (let k = 0; k < TREND_PERIODS; k++) {
      ctx.w.putFormula(row, COL.trendFirst + k, fromEnd(block.V, block.N, TREND_PERIODS - 1 - k), { numberFormat: fmt });
    }
  }
  ctx.actuals.set(def.id, A);

  // n: the answers or tickets the latest period's value used, looked up by its label.
  if (block && values.count) {
    const latest = fn('COUNT', localExpr(block.N));
    const label = fn('INDEX', localExpr(block.P), latest);
    const n = fn('IFERROR', fn('INDEX', localExpr(values.count.V), fn('MATCH', label, localExpr(values.count.P), num(0))), num(0));
    ctx.w.putFormula(row, COL.n, fn('IF', op('>', latest, num(0)), n, str('')), { numberFormat: '0' });
  }

  // Confidence interval.
  if (values.interval?.kind === 'wilson' && values.count) {
    const n = localExpr({ row, col: COL.n });
    ctx.w.putFormula(row, COL.ciLow, nativeWilson(actualExpr, n, 'low'), { numberFormat: fmt });
    ctx.w.putFormula(row, COL.ciHigh, nativeWilson(actualExpr, n, 'high'), { numberFormat: fmt });
  } else if (values.margin) {
    const count = fn('COUNT', localExpr(values.margin.N));
    const last = fn('INDEX', localExpr(values.margin.V), count);
    const side = (o: '-' | '+'): Expr => fn('IF', op('>', count, num(0)), fn('IFERROR', op(o, actualExpr, last), str('')), str(''));
    ctx.w.putFormula(row, COL.ciLow, side('-'), { numberFormat: fmt });
    ctx.w.putFormula(row, COL.ciHigh, side('+'), { numberFormat: fmt });
  }

  rowTail(ctx, r, bound, row, typed, outcome, block);
}

/** Target, direction, variance, status, trend picture, definition and the summary line. */
function rowTail(ctx: PlanContext, r: RowContext, bound: BoundKpi, row: number, typed: number | null | undefined, outcome: Outcome, block: BlockRefs | undefined): void {
  const { def, variant, info } = bound.kpi;
  const { lang, t } = ctx;
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
  // An actual that is an error (bad data, see the notes) has no status in either mode.
  const status = ctx.portable
    ? nativeStatus(actualExpr, T, D, ctx.options.tolerance)
    : ours('KPI_STATUS', actualExpr, T, D, num(ctx.options.tolerance));
  ctx.w.putFormula(row, COL.status, fn('IF', fn('ISERROR', actualExpr), str(''), status));

  // Trend picture.
  const source: LocalRef = { row, col: COL.trendFirst, rows: 1, cols: TREND_PERIODS };
  const trendValues = ctx.w.model.read(source)[0].map((v) => (isNumber(v) ? v : ''));
  const labels: string[] = [];
  if (block) {
    const count = ctx.w.model.read(block.N).flat().filter(isNumber).length;
    const P = ctx.w.model.read(block.P).flat();
    for (let k = 0; k < TREND_PERIODS; k++) {
      const idx = count - (TREND_PERIODS - k);
      labels.push(idx >= 0 ? String(P[idx] ?? '') : '');
    }
    ctx.trendSources.push({ P: block.P, N: block.N });
    ctx.trends.push({ kpi: def.id, cell: { row, col: COL.trend }, source, values: trendValues, labels });
    if (ctx.dialect === 'sheets') ctx.w.putFormula(row, COL.trend, fn('SPARKLINE', localExpr(source)));
    if (ctx.dialect === 'xlsx') ctx.dataBars.push(source);
  }

  const asValues = outcome !== 'live' && outcome !== 'native';
  const definition = definitionText(variant.definition, lang, ctx.options, r.facts) + (asValues ? ` (${t.values})` : '');
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
  const n = numeric(COL.n), ciLow = numeric(COL.ciLow), ciHigh = numeric(COL.ciHigh);
  ctx.summary.push({
    id: def.id, kpi: info.kpi, name: r.name, perspective: def.perspective,
    value: cached(COL.actual), previous: cached(COL.previous), baseline: cached(COL.baseline),
    target: target ?? null, direction,
    status: statusValue === 'green' || statusValue === 'amber' || statusValue === 'red' ? statusValue : '',
    unit: def.unit,
    ...(n !== undefined ? { n } : {}), ...(ciLow !== undefined ? { ciLow } : {}), ...(ciHigh !== undefined ? { ciHigh } : {}),
    trend: block ? trendValues : [], trendLabels: labels,
    definition,
  });
}

