/**
 * The agent block: CSAT per agent where ratings and agents are on one sheet (a call log with a
 * satisfaction column, tickets with ratings), over all rows, with each agent's 95 % Wilson interval
 * and "too few" under the scorecard's minimum of answers (`minAnswers`, default 30: a CSAT of 18
 * answers is noise). The ratings are read by the CSAT KPI's own facts (kpis/csat.ts: word scales,
 * a scale the header states, 4-point scales), so an agent's CSAT counts the ratings the team's does.
 * Each agent is tested against all other agents' answers (GROUP_SIGNIFICANCE: pooled two-proportion
 * z-test at 95 %, blank under the catalog's 30 answers on either side).
 *
 * Live: one spilling GROUP_SIGNIFICANCE("CSAT", agents, ratings, scale) and beside each of its rows
 * (and rows to spare for new agents) the interval and the note. Portable: one row per agent known
 * at generation, every figure a native SUMPRODUCT over the columns (exact equality, so a name with
 * `*` or `?` is no wildcard), checked against the catalog's table at generation; values with a note
 * where a native form would differ (names differing only in case, numbers as agent ids).
 */
import type { Cell } from '../../values/context.js';
import { MIN_GROUP_RESPONSES } from '../../kpis/survey.js';
import { Z95 } from '../../stats.js';
import { cachedOf, isError } from '../evaluate.js';
import { fn, local, num, op, ours, range, str } from '../formula.js';
import { bindRoles } from '../kpis.js';
import { csatOverAllRows, csatScaleArgs } from '../kpis/csat.js';
import { nativeWilson } from '../portable.js';
import type { Expr, LocalRef, RangeRef } from '../types.js';
import type { PlanContext } from './context.js';
import { errorFormula, sameCell } from './helper-blocks.js';
import { seeNotes } from './kpi-row.js';
import { COL } from './layout.js';

/** Rows beyond today's agents that the live block keeps formulas for (new agents appear in the spill). */
const SPARE_ROWS = 10;

const HEADERS = {
  en: ['Agent', 'Answers', 'CSAT', 'Others', 'Difference', 'Significant', 'CI low', 'CI high', 'Note'],
  de: ['Bearbeiter', 'Antworten', 'CSAT', 'Übrige', 'Differenz', 'Signifikant', 'KI unten', 'KI oben', 'Hinweis'],
} as const;

/** The block's title; its last clause states the minimum of answers (none when it is 0). */
function titleOf(lang: 'en' | 'de', minimum: number): string {
  const base = lang === 'de'
    ? 'CSAT je Bearbeiter (alle Zeilen): zufriedene Bewertungen je Bearbeiter, ihr 95-%-Intervall und ob sie sich signifikant von den übrigen unterscheidet'
    : 'CSAT by agent (all rows): satisfied ratings per agent, its 95 % interval, and whether it differs significantly from the other agents';
  if (minimum <= 0) return base;
  return lang === 'de' ? `${base}; unter ${minimum} Antworten zu wenige für ein Urteil` : `${base}; under ${minimum} answers too few to judge`;
}

const TOO_FEW = { en: 'too few', de: 'zu wenige' } as const;

const SHARE = '0.0%';

/** The columns of the block, from the KPI column on. */
const C = {
  agent: COL.kpi, n: COL.kpi + 1, value: COL.kpi + 2, others: COL.kpi + 3, difference: COL.kpi + 4, significant: COL.kpi + 5,
  low: COL.kpi + 6, high: COL.kpi + 7, note: COL.kpi + 8,
} as const;

/** Answers as whole numbers, shares as percent; Significant (TRUE/FALSE) in General: LibreOffice shows a boolean under a percent format as 0.0 %. */
const formatOf = (col: number): string | undefined => (col === C.n ? '0' : col === C.significant ? undefined : SHARE);

/** Writes the agent block at `top` when the data allows one; returns the next free row. */
export function agentBlock(ctx: PlanContext, top: number): number {
  const bound = bindRoles(['agent', 'satisfaction'], [], ctx.request.roles);
  if (!('columns' in bound)) return top;
  const agentRef = ctx.data.rangeOf(bound.columns.get('agent')!);
  const ratingRef = ctx.data.rangeOf(bound.columns.get('satisfaction')!);
  if (!agentRef || !ratingRef) return top;
  const { w, lang } = ctx;
  const minimum = ctx.options.minAnswers;
  // The team's CSAT facts (its scale, rating words) over the same column: one reading of the ratings.
  const rating = bound.columns.get('satisfaction')!;
  const facts = ctx.data.facts(csatOverAllRows, new Map([['satisfaction', ratingRef]]), new Map([['satisfaction', rating.header]]));
  const scale = facts.csatScale;
  const live = ours('GROUP_SIGNIFICANCE', str('CSAT'), range(agentRef), range(ratingRef), ...csatScaleArgs(facts));
  const liveValue = w.evaluate(live);
  const table = cachedOf(liveValue);
  if (isError(liveValue) && table.cached === '#N/A') return top; // no agent has a rating: nothing to show

  const title = titleOf(lang, minimum);
  w.putValue(top, COL.kpi, title, { style: 'section' });
  w.addBlock('agents:title', top, COL.kpi, 1, 1);
  const head = top + 1;
  const rows = (table.spill?.length ?? 1) - 1;
  const name = title.split(' (')[0];
  let height: number;
  if (!ctx.portable) {
    const { message } = w.putFormula(head, C.agent, live);
    ctx.notes.problem(ctx.t, name, message);
    w.addBlock('agents:table', head, C.agent, 1, 1);
    height = isError(liveValue) ? 1 : rows + SPARE_ROWS;
  } else if (isError(liveValue)) {
    // The catalog rejects the ratings: the block shows its error, the note says why (as live).
    w.putFormula(head, C.agent, errorFormula(table.cached as string, seeNotes(lang)));
    ctx.notes.problem(ctx.t, name, table.message);
    ctx.notes.asValues.error.push(name);
    w.addBlock('agents:table', head, C.agent, 1, 1);
    height = 1;
  } else {
    HEADERS[lang].slice(0, 6).forEach((h, i) => w.putValue(head, C.agent + i, h, { style: 'header' }));
    const spill = table.spill!;
    const names = spill.slice(1).map((r) => r[0]);
    names.forEach((agent, i) => w.model.put(head + 1 + i, C.agent, typeof agent === 'string' ? { value: agent, userText: true } : { value: agent }));
    const native = nativeRows(ctx, agentRef, ratingRef, scale, names.length, head);
    const agree = native !== undefined && native.every((cells, i) => cells.every((c, k) => sameCell(c.cached, spill[i + 1][k + 1])));
    if (!agree) {
      // Values where a native form is not possible or would differ (written over any native cell).
      names.forEach((_, i) => {
        for (let k = 1; k <= 5; k++) w.putValue(head + 1 + i, C.agent + k, spill[i + 1][k], { numberFormat: formatOf(C.agent + k) });
      });
      // No native form for these ratings (words, a scale natives cannot read), or one that would differ.
      (native === undefined ? ctx.notes.asValues.form : ctx.notes.asValues.mismatch).push(name);
    }
    w.addBlock('agents:table', head, C.agent, rows + 1, 6);
    height = rows;
  }

  // Interval and note beside every row of the table (live: also rows to spare).
  HEADERS[lang].slice(6).forEach((h, i) => w.putValue(head, C.low + i, h, { style: 'header' }));
  for (let i = 1; i <= height; i++) {
    const row = head + i;
    const n = local(row, C.n);
    const p = local(row, C.value);
    const blankWhenNoAgent = (e: Expr): Expr => fn('IF', op('=', local(row, C.agent), str('')), str(''), e);
    w.putFormula(row, C.low, blankWhenNoAgent(nativeWilson(p, n, 'low')), { numberFormat: SHARE });
    w.putFormula(row, C.high, blankWhenNoAgent(nativeWilson(p, n, 'high')), { numberFormat: SHARE });
    w.putFormula(row, C.note, blankWhenNoAgent(fn('IF', op('<', n, num(minimum)), op('&', op('&', str(`${TOO_FEW[lang]} (`), n), str(')')), str(''))));
  }
  w.addBlock('agents:interval', head, C.low, height + 1, 3);
  return head + height + 1;
}

interface NativeCell {
  readonly expr: Expr;
  readonly cached: Cell;
}

/**
 * Native formulas for each agent's Responses, Value, Others, Difference and Significant, with their
 * cached values; undefined when the columns are not natively readable (rating words, agents as
 * numbers, names differing only in case or by spaces: exact equality would group them otherwise).
 */
function nativeRows(ctx: PlanContext, agentRef: RangeRef, ratingRef: RangeRef, scale: number, count: number, head: number): NativeCell[][] | undefined {
  if (!ctx.data.nativeOk(ratingRef, 'answer')) return undefined;
  const seen = new Set<string>();
  for (const row of ctx.data.raw(agentRef)) {
    const v = row[0];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string' || v !== v.trim()) return undefined;
    seen.add(v);
  }
  const lower = new Set([...seen].map((s) => s.toLowerCase()));
  if (lower.size !== seen.size) return undefined;

  const { w } = ctx;
  const agents = range(agentRef), ratings = range(ratingRef);
  const answered = [op('<>', ratings, str('')), op('>=', ratings, num(0))];
  const satisfied = [op('>=', ratings, num(scale - 1))];
  const sumproduct = (...factors: Expr[]): Expr => fn('SUMPRODUCT', factors.reduce((a, b) => op('*', a, b)));
  const grouped = op('<>', agents, str(''));
  const allN = sumproduct(grouped, ...answered);
  const allTop = sumproduct(grouped, ...satisfied);
  return Array.from({ length: count }, (_, i) => {
    const row = head + 1 + i;
    const me = op('=', agents, local(row, C.agent));
    const cell = (c: number): Expr => local(row, c);
    const n1 = cell(C.n);
    const top1 = sumproduct(me, ...satisfied);
    const n2 = op('-', allN, n1);
    const top2 = op('-', allTop, top1);
    // GROUP_SIGNIFICANCE: Others, Difference and Significant are blank without other answers;
    // Significant also under the catalog's 30 answers on either side (its own minimum, not the setting).
    const pooled = op('/', allTop, allN);
    const z = op('/', op('-', op('/', top2, n2), op('/', top1, n1)),
      fn('SQRT', op('*', op('*', pooled, op('-', num(1), pooled)), op('+', op('/', num(1), n1), op('/', num(1), n2)))));
    const se0 = op('=', op('*', pooled, op('-', num(1), pooled)), num(0));
    const exprs: Expr[] = [
      sumproduct(me, ...answered),
      op('/', top1, n1),
      fn('IF', op('>', n2, num(0)), op('/', top2, n2), str('')),
      fn('IF', op('>', n2, num(0)), op('-', cell(C.value), cell(C.others)), str('')),
      fn('IF', op('>', n2, num(0)), fn('IF', op('<', n1, num(MIN_GROUP_RESPONSES)), str(''), fn('IF', op('<', n2, num(MIN_GROUP_RESPONSES)), str(''),
        fn('IF', se0, { kind: 'bool', value: false }, op('>=', fn('ABS', z), num(Z95))))), str('')),
    ];
    // Evaluated in order, each cell put before the next reads it (Difference reads Value and Others).
    return exprs.map((expr, k) => {
      const at: LocalRef = { row, col: C.n + k };
      const { cached } = w.putFormula(at.row, at.col, expr, { numberFormat: formatOf(at.col) });
      return { expr, cached };
    });
  });
}
