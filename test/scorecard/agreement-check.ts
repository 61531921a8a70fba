/**
 * Where a live and a portable scorecard differ in a cell a manager reads (the agreement tests).
 */
import { KPI_DEFINITIONS } from '../../core/scorecard/kpis.js';
import { COL, FIRST_KPI_ROW, planValues, TREND_LAST } from '../../core/scorecard/plan.js';
import type { ScorecardPlan } from '../../core/scorecard/types.js';
import type { Cell } from '../../core/values/context.js';

/** The cells of a KPI row a manager reads (the trend picture's cells included). */
const READ_COLUMNS: number[] = [COL.period, COL.actual, COL.previous, COL.baseline, COL.variance, COL.status, COL.n, COL.ciLow, COL.ciHigh];
for (let c = COL.trendFirst; c <= TREND_LAST; c++) READ_COLUMNS.push(c);

export const same = (a: Cell | undefined, b: Cell | undefined): boolean => {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  return (a ?? '') === (b ?? '');
};

/** Table KPIs (brand attributes, time by status) are tables below the KPI rows, not KPI rows. */
export const TABLE_KPIS: ReadonlySet<string> = new Set(KPI_DEFINITIONS.filter((d) => d.layout === 'table').map((d) => d.id));

/** Where live and portable differ, as readable lines (empty: they agree). */
export function disagreements(live: ScorecardPlan, portable: ScorecardPlan): string[] {
  const out: string[] = [];
  const ids = (p: ScorecardPlan): string[] => p.summary.map((s) => s.id);
  if (JSON.stringify(ids(live)) !== JSON.stringify(ids(portable))) return [`KPIs differ: ${ids(live)} vs ${ids(portable)}`];
  const lv = planValues(live), pv = planValues(portable);
  live.summary.filter((s) => !TABLE_KPIS.has(s.id)).forEach((s, i) => {
    // The KPI's row: the rows follow one another from FIRST_KPI_ROW, with the contact-centre heading among them.
    const row = live.marker.targetCells[s.id]?.row ?? FIRST_KPI_ROW + i;
    if (portable.marker.targetCells[s.id]?.row !== row) out.push(`${s.id}: row ${row} live, ${portable.marker.targetCells[s.id]?.row} portable`);
    for (const c of READ_COLUMNS) {
      const a = lv.get(`${row}:${c}`), b = pv.get(`${row}:${c}`);
      if (!same(a, b)) out.push(`${s.id} column ${c}: live ${JSON.stringify(a)}, portable ${JSON.stringify(b)}`);
    }
  });
  // n in every listed period, not only the actual's (the row shows one): where the KPI's value has
  // no error, each period's n is the same number in both modes.
  for (const s of live.summary) {
    const ln = nByPeriod(live, s.id), pn = nByPeriod(portable, s.id);
    if (!ln || !pn || isErrorText(anchorOf(live, s.id))) continue;
    for (const [label, a] of ln) {
      const b = pn.get(label);
      if (!same(a, b)) out.push(`${s.id} n of ${label}: live ${JSON.stringify(a)}, portable ${JSON.stringify(b)}`);
    }
  }
  for (const note of portable.notes) if (/would not give the add-in's values/.test(note)) out.push(`portable note: ${note}`);
  return out;
}

const isErrorText = (v: Cell | undefined): boolean => typeof v === 'string' && v.startsWith('#');

/** The cached anchor of a KPI's value block (its function's error when it fails). */
function anchorOf(p: ScorecardPlan, id: string): Cell | undefined {
  const cell = p.blocks.find((b) => b.id === `helper:${id}`)?.cells[0]?.[0];
  return cell?.formula?.cached ?? cell?.value;
}

/**
 * A KPI's n per listed period, by label, from its n block (live: the lookups beside the spilled
 * table; portable: its cells); undefined when the KPI shows no n.
 */
export function nByPeriod(p: ScorecardPlan, id: string): Map<string, Cell | undefined> | undefined {
  const block = p.blocks.find((b) => b.id === `helper:${id}:n:periods`) ?? p.blocks.find((b) => b.id === `helper:${id}:n`);
  if (!block) return undefined;
  const out = new Map<string, Cell | undefined>();
  for (const line of block.cells.slice(1)) {
    const label = line[0]?.formula?.cached ?? line[0]?.value;
    if (typeof label === 'string' && label !== '') out.set(label, line[2]?.formula?.cached ?? line[2]?.value);
  }
  return out;
}

