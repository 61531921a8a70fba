/**
 * The blocks around the KPI rows: the title and header (with the trend columns' labels), table
 * KPIs below the rows (brand attributes and the expected attributes), and the columns each KPI
 * reads ("Data used").
 */
import { cachedOf } from '../evaluate.js';
import { local } from '../formula.js';
import type { KpiFacts, TableVariant } from '../definition.js';
import type { BoundKpi } from '../kpis.js';
import { definitionText } from '../kpis.js';
import type { Role } from '../roles.js';
import type { Expr, RangeRef, RoleAssignment } from '../types.js';
import type { PlanContext } from './context.js';
import { fromEnd } from './helper-blocks.js';
import { liveArgs } from './live-args.js';
import { COL, HEADER_ROW, TITLE_ROW, TREND_LAST, TREND_PERIODS } from './layout.js';
import type { SpillingFormula } from './layout.js';

export function titleAndHeader(ctx: PlanContext, kpiCount: number): void {
  const { t, w } = ctx;
  w.putValue(TITLE_ROW, 1, t.title, { style: 'title' });
  w.putValue(TITLE_ROW + 1, 1, t.subtitle(t.periodNames[ctx.options.period]), { style: 'subtitle' });
  w.putValue(TITLE_ROW + 2, 1, ctx.portable ? t.portable : t.live, { style: 'note' });
  w.blocks.unshift(w.model.block('title', TITLE_ROW, 1, 3, 1));
  t.headers.forEach((h, i) => w.putValue(HEADER_ROW, i + 1, h, { style: 'header' }));
  trendHeader(ctx, kpiCount);
  w.blocks.splice(1, 0, w.model.block('header', HEADER_ROW, 1, 1, TREND_LAST));
}

/**
 * Labels over the 12 trend columns. When every trend shows the same periods, the labels are live
 * formulas reading the first trend's period column; otherwise relative labels (t−11 … t), since
 * each KPI's latest period is its own and the trend pictures carry each KPI's labels.
 */
function trendHeader(ctx: PlanContext, kpiCount: number): void {
  const trended = ctx.trends;
  const first = ctx.trendSources[0];
  const same = kpiCount > 0 && first !== undefined && trended.length > 0 &&
    trended.every((tp) => tp.labels.length > 0 && JSON.stringify(tp.labels) === JSON.stringify(trended[0].labels));
  for (let k = 0; k < TREND_PERIODS; k++) {
    const offset = TREND_PERIODS - 1 - k;
    const col = COL.trendFirst + k;
    if (same) ctx.w.putFormula(HEADER_ROW, col, fromEnd(first.P, first.N, offset), { style: 'header' });
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
  let height = spillOrValues(ctx, `${def.id}:table`, name, top + 1, COL.kpi, variant.live(args), 11, 3);

  const words = ctx.options.brandAttributes.filter((a) => a.trim() !== '');
  if (variant.match && words.length > 0) {
    const attrCol = COL.unit;
    w.putValue(top, attrCol, t.expected, { style: 'header' });
    words.forEach((a, i) => w.model.put(top + 1 + i, attrCol, { value: a, userText: true, style: 'input' }));
    w.addBlock(`${def.id}:words`, top, attrCol, words.length + 1, 1);
    const expr = variant.match(args, local(top + 1, attrCol, words.length, 1));
    height = Math.max(height, spillOrValues(ctx, `${def.id}:match`, name, top + 1, attrCol + 1, expr, words.length + 1, 3));
  }
  if (ctx.portable) ctx.notes.asValues.form.push(name);

  const first = w.model.value(top + 2, COL.kpi);
  ctx.summary.push({
    id: def.id, kpi: bound.kpi.info.kpi, name, perspective: def.perspective,
    value: typeof first === 'string' || typeof first === 'number' ? first : '',
    previous: '', baseline: '', target: null, direction: def.direction, status: '', unit: def.unit,
    trend: [], trendLabels: [], definition,
  });
  return top + 1 + height;
}

/**
 * A table function: live, a one-cell spilling anchor; portable (text analysis has no native
 * form), its result written as values — the terms are the user's words, so text cells are user
 * text. Returns the rows it takes (at least `minRows`). `name` is what messages call it.
 */
function spillOrValues(ctx: PlanContext, id: string, name: string, row: number, col: number, expr: Expr, minRows: number, cols: number): number {
  const { w } = ctx;
  if (!ctx.portable) {
    const { formula, message } = w.putFormula(row, col, expr);
    ctx.notes.problem(ctx.t, name, message);
    w.addBlock(id, row, col, 1, 1);
    const rows = Math.max(minRows, (formula as Partial<SpillingFormula>).spill?.length ?? 1);
    ctx.reserved.push({ row, col, rows, cols });
    return rows;
  }
  const c = cachedOf(w.evaluate(expr));
  const table = c.spill ?? [[c.cached]];
  ctx.notes.problem(ctx.t, name, c.message);
  table.forEach((line, r) => line.forEach((v, k) => {
    if (r === 0) w.model.put(row, col + k, { value: v, style: 'header' });
    else w.model.put(row + r, col + k, typeof v === 'string' ? { value: v, userText: true } : { value: v, numberFormat: k === 2 ? '0.0%' : '0' });
  }));
  const width = Math.max(cols, ...table.map((l) => l.length));
  w.addBlock(id, row, col, table.length, width);
  return Math.max(minRows, table.length);
}

/** The columns each KPI reads: role, sheet, header. Returns the next free row. */
export function sourcesBlock(ctx: PlanContext, bound: readonly BoundKpi[], top: number): number {
  const { t, w } = ctx;
  const seen = new Set<string>();
  const lines: RoleAssignment[] = [];
  for (const b of bound) {
    for (const a of b.columns.values()) {
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
