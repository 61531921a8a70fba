/**
 * The blocks around the KPI rows: the title and header (with the trend columns' labels), table
 * KPIs below the rows (brand attributes and the expected attributes), and the columns each KPI
 * reads ("Data used").
 */
import { findFunction } from '../../catalog/index.js';
import type { Cell } from '../../values/context.js';
import { cachedOf } from '../evaluate.js';
import { local } from '../formula.js';
import type { KpiFacts, TableVariant } from '../definition.js';
import type { BoundKpi } from '../kpis.js';
import { definitionText } from '../kpis.js';
import type { Role } from '../roles.js';
import type { Expr, RangeRef, RoleAssignment } from '../types.js';
import type { PlanContext } from './context.js';
import { liveArgs } from './live-args.js';
import { COL, DATE_FORMAT, HEADER_ROW, REPORTING_DATE, TITLE_ROW, TREND_FROM, TREND_LAST, TREND_PERIODS } from './layout.js';
import type { SpillingFormula } from './layout.js';
import { chooseReportingDate, REPORTING_KEY, serialOfIso } from './reporting-date.js';

/**
 * The reporting-date input cell (blank: automatic), with its label and a hint: the settings' date,
 * or the one the manager typed on the previous scorecard (reporting-date.ts). Written before
 * anything else: every period formula reads it. Returns the date written, for the marker.
 */
export function reportingDate(ctx: PlanContext): string | null {
  const { t, w } = ctx;
  const { row, col } = REPORTING_DATE;
  const choice = chooseReportingDate(ctx.options.reportingDate, ctx.previous);
  const shown = (d: string | null): string => d ?? t.automatic;
  if (choice.keptFromSheet) ctx.notes.general.push(t.keptReportingDate(shown(choice.keptFromSheet.sheet), shown(choice.keptFromSheet.settings)));
  if (choice.unreadable !== undefined) ctx.notes.general.push(t.unreadableReportingDate(choice.unreadable, shown(choice.date)));
  w.putValue(row, col - 1, t.reportingDate, { style: 'header' });
  w.putValue(row, col, serialOfIso(choice.date), { style: 'input', numberFormat: DATE_FORMAT });
  w.putValue(row, col + 1, t.reportingHint(t.periodNames[ctx.options.period]), { style: 'note' });
  return choice.date;
}

export function titleAndHeader(ctx: PlanContext, kpiCount: number): void {
  const { t, w } = ctx;
  w.putValue(TITLE_ROW, 1, t.title, { style: 'title' });
  w.putValue(TITLE_ROW + 1, 1, t.subtitle(t.periodNames[ctx.options.period]), { style: 'subtitle' });
  w.putValue(TITLE_ROW + 2, 1, ctx.portable ? (ctx.notes.anyValues() ? t.portableValues : t.portable) : t.live, { style: 'note' });
  w.blocks.unshift(w.model.block('title', TITLE_ROW, 1, 3, 1), w.model.block('reporting-date', REPORTING_DATE.row, REPORTING_DATE.col - 1, 1, 3));
  t.headers.forEach((h, i) => w.putValue(HEADER_ROW, i + 1, h, { style: 'header' }));
  trendHeader(ctx, kpiCount);
  w.blocks.splice(2, 0, w.model.block('header', HEADER_ROW, 1, 1, TREND_LAST));
}

/**
 * Labels over the 12 trend columns. When every trend shows the same periods, the labels are
 * formulas reading the first trend's period column (they move on with it); otherwise relative
 * labels (t−11 … t), since each date column's reporting period is its own and the trend pictures
 * carry each KPI's labels.
 */
function trendHeader(ctx: PlanContext, kpiCount: number): void {
  const trended = ctx.trends;
  const first = ctx.trendSources[0];
  const same = kpiCount > 0 && first !== undefined && trended.length > 0 &&
    trended.every((tp) => tp.labels.length > 0 && JSON.stringify(tp.labels) === JSON.stringify(trended[0].labels));
  for (let k = 0; k < TREND_PERIODS; k++) {
    const offset = TREND_PERIODS - 1 - k;
    const col = COL.trendFirst + k;
    if (same) ctx.w.putFormula(HEADER_ROW, col, { kind: 'local', ref: { row: first.P.row + TREND_FROM - 1 + k, col: first.P.col } }, { style: 'header' });
    else ctx.w.putValue(HEADER_ROW, col, offset === 0 ? 't' : `t-${offset}`, { style: 'header' });
  }
}

/**
 * A table KPI below the KPI rows (brand attributes): its title, its table and, when the manager
 * listed expected words, the table matching them. Returns the next free row.
 */
export function tableKpi(ctx: PlanContext, bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, facts: KpiFacts, top: number): number {
  const { t, w } = ctx;
  const { def } = bound.kpi;
  const variant = bound.kpi.variant as TableVariant;
  const name = def.name[ctx.lang];
  const args = liveArgs(ctx, def, ranges, facts);
  const definition = definitionText(variant.definition, ctx.lang, ctx.options, facts);
  w.putValue(top, COL.kpi, `${name}: ${definition}`, { style: 'section' });
  w.addBlock(`${def.id}:title`, top, COL.kpi, 1, 1);
  const main = spillOrValues(ctx, `${def.id}:table`, name, top + 1, COL.kpi, variant.live(args), 11, 3, variant.formats);
  let height = main.rows;

  const words = ctx.options.brandAttributes.filter((a) => a.trim() !== '');
  if (variant.match && words.length > 0) {
    const attrCol = COL.unit;
    w.putValue(top, attrCol, t.expected, { style: 'header' });
    words.forEach((a, i) => w.model.put(top + 1 + i, attrCol, { value: a, userText: true, style: 'input' }));
    w.addBlock(`${def.id}:words`, top, attrCol, words.length + 1, 1);
    const expr = variant.match(args, local(top + 1, attrCol, words.length, 1));
    height = Math.max(height, spillOrValues(ctx, `${def.id}:match`, name, top + 1, attrCol + 1, expr, words.length + 1, 3).rows);
  }
  if (ctx.portable) ctx.notes.asValues[findFunction(variant.fn)?.family === 'logs' ? 'log' : 'form'].push(name);

  const first = w.model.value(top + 2, COL.kpi);
  ctx.summary.push({
    id: def.id, kpi: bound.kpi.info.kpi, name, perspective: def.perspective, section: def.section,
    value: typeof first === 'string' || typeof first === 'number' ? first : '',
    previous: '', baseline: '', target: null, direction: def.direction, status: '', period: '', unit: def.unit,
    trend: [], trendLabels: [], definition,
    ...(main.table.length > 1 ? { table: { rows: main.table, formats: main.table[0].map((_, k) => formatOf(variant.formats, k)) } } : {}),
  });
  return top + 1 + height;
}

/** A table column's number format: the variant's, else a count with a share third (brand attributes). */
const formatOf = (formats: readonly string[] | undefined, k: number): string => formats?.[k] ?? (k === 2 ? '0.0%' : '0');

/**
 * A table function: live, a one-cell spilling anchor; portable (text analysis has no native
 * form), its result written as values — the terms are the user's words, so text cells are user
 * text. Returns the rows it takes (at least `minRows`) and its cached table (header first; a
 * message cell alone when it failed). `name` is what messages call it.
 */
function spillOrValues(
  ctx: PlanContext, id: string, name: string, row: number, col: number, expr: Expr, minRows: number, cols: number, formats?: readonly string[],
): { rows: number; table: readonly (readonly Cell[])[] } {
  const { w } = ctx;
  if (!ctx.portable) {
    const { formula, message } = w.putFormula(row, col, expr);
    ctx.notes.problem(ctx.t, name, message);
    w.addBlock(id, row, col, 1, 1);
    const spill = (formula as Partial<SpillingFormula>).spill ?? [];
    const rows = Math.max(minRows, spill.length || 1);
    ctx.reserved.push({ row, col, rows, cols });
    return { rows, table: spill };
  }
  const c = cachedOf(w.evaluate(expr));
  const table = c.spill ?? [[c.cached]];
  ctx.notes.problem(ctx.t, name, c.message);
  table.forEach((line, r) => line.forEach((v, k) => {
    if (r === 0) w.model.put(row, col + k, { value: v, style: 'header' });
    else w.model.put(row + r, col + k, typeof v === 'string' ? { value: v, userText: true } : { value: v, numberFormat: formatOf(formats, k) });
  }));
  const width = Math.max(cols, ...table.map((l) => l.length));
  w.addBlock(id, row, col, table.length, width);
  return { rows: Math.max(minRows, table.length), table };
}

/** The columns each KPI reads: role, sheet, header. Returns the next free row. */
export function sourcesBlock(ctx: PlanContext, bound: readonly BoundKpi[], top: number): number {
  const { t, w } = ctx;
  const seen = new Set<string>();
  const lines: RoleAssignment[] = [];
  for (const b of bound) {
    // An event log's ticket id and time order its ticket KPIs' columns (PER_TICKET): they are data used too.
    const extra: RoleAssignment[] = [];
    for (const a of b.columns.values()) {
      const log = ctx.eventLogs.get(a.sheet);
      if (log) extra.push(log.idColumn, ...(log.timeColumn ? [log.timeColumn] : []));
    }
    for (const a of [...b.columns.values(), ...extra]) {
      const k = `${a.role}\u0000${a.sheet}\u0000${a.column}`;
      if (seen.has(k)) continue;
      seen.add(k);
      lines.push(a);
    }
  }
  if (lines.length === 0) return top;
  w.putValue(top, COL.kpi, t.sources, { style: 'section' });
  t.sourceHeaders.forEach((h, i) => w.putValue(top + 1, COL.kpi + i, h, { style: 'header' }));
  lines.forEach((a, i) => {
    const row = top + 2 + i;
    w.putValue(row, COL.kpi, a.role, { style: 'note' });
    // Sheet names and headers are the user's text: never formulas, neutralised by the host.
    w.model.put(row, COL.kpi + 1, { value: a.sheet, userText: true, style: 'note' });
    w.model.put(row, COL.kpi + 2, { value: a.header, userText: true, style: 'note' });
  });
  w.addBlock('sources', top, COL.kpi, lines.length + 2, 3);
  return top + 2 + lines.length;
}
