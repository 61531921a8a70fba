/**
 * The staffing block: Erlang C for the busiest interval of the latest period, when the data has
 * call volumes per interval (queue interval exports: a start time and offered calls per row, every
 * 15, 30 or 60 minutes). The inputs — contacts, interval length, AHT, the service-level target and
 * threshold, shrinkage and maximum occupancy — are editable cells, so a manager can try "what if":
 *
 * - Live: `ERLANG_C(inputs…)` spills the agents needed, staff to schedule, service level, ASA,
 *   occupancy and wait probability.
 * - Portable: a table of N = INT(A)+1 … INT(A)+20 agents (A the traffic in Erlangs: the first N
 *   that can keep up) with the native form of Erlang C,
 *   P = POISSON.DIST(N,A,FALSE)/(POISSON.DIST(N,A,FALSE)+(1−A/N)·POISSON.DIST(N−1,A,TRUE)),
 *   and beside it the service level 1 − P·e^(−(N−A)·t/AHT), ASA and occupancy; the agents needed
 *   are the first N meeting the target and the occupancy cap, as ERLANG_C finds them.
 *   (The first stable N is INT(A)+1, which is ⌈A⌉+1 for whole-number traffic and ⌈A⌉ otherwise.)
 */
import { contextFor } from '../../call.js';
import { readDurations } from '../../values/duration-values.js';
import { serialToIso } from '../../values/format.js';
import { serviceLevelSeconds } from '../definition.js';
import { fn, local, neg, num, op, ours, str } from '../formula.js';
import { bindRoles, KPI_DEFINITIONS } from '../kpis.js';
import type { KpiDefinition } from '../definition.js';
import type { Expr } from '../types.js';
import type { PlanContext } from './context.js';
import { durationUnit } from './duration-units.js';
import { COL } from './layout.js';

/** Rows of the portable what-if table. */
export const STAFFING_ROWS = 20;
/** Assumptions a manager is asked to check (pyworkforce's example and common planning values). */
export const DEFAULT_SHRINKAGE = 0.3;
export const DEFAULT_MAX_OCCUPANCY = 0.85;
const DEFAULT_LEVEL = 0.8;
/** Labels in the KPI column, values in the Actual column: the blocks span both (and what lies between). */
const LABELLED_WIDTH = COL.actual - COL.kpi + 1;

const TEXT = {
  en: {
    title: (period: string, start: string) => `Staffing (Erlang C) for the busiest interval of ${period}, ${start}: change the yellow inputs to try other volumes or targets`,
    inputs: ['Contacts in the interval', 'Interval (minutes)', 'Average handle time (seconds)', 'Service level target', 'Answered within (seconds)', 'Shrinkage (breaks, training; assumed)', 'Maximum occupancy (assumed)', 'Traffic (Erlangs)'],
    needed: 'Agents needed',
    staff: 'Staff to schedule',
    table: ['Agents', 'Wait probability', 'Service level', 'ASA (s)', 'Occupancy'],
    more: 'more than',
    daily: 'Staffing: not shown; the call volumes are per day, and Erlang C needs intervals of at most an hour.',
  },
  de: {
    title: (period: string, start: string) => `Personalbedarf (Erlang C) für das stärkste Intervall von ${period}, ${start}: ändern Sie die gelben Eingaben, um andere Mengen oder Ziele zu prüfen`,
    inputs: ['Kontakte im Intervall', 'Intervall (Minuten)', 'Durchschnittliche Bearbeitungszeit (Sekunden)', 'Servicelevel-Ziel', 'Angenommen innerhalb (Sekunden)', 'Ausfallquote (Pausen, Schulung; angenommen)', 'Höchste Auslastung (angenommen)', 'Verkehrslast (Erlang)'],
    needed: 'Benötigte Agenten',
    staff: 'Einzuplanendes Personal',
    table: ['Agenten', 'Wartewahrscheinlichkeit', 'Servicelevel', 'ASA (s)', 'Auslastung'],
    more: 'mehr als',
    daily: 'Personalbedarf: nicht angezeigt; die Anrufmengen sind je Tag angegeben, Erlang C braucht Intervalle von höchstens einer Stunde.',
  },
} as const;

/** The id of the KPI the staffing block takes `what` from (its definition's `staffing`). */
function staffingKpi(what: NonNullable<KpiDefinition['staffing']>): string | undefined {
  return KPI_DEFINITIONS.find((d) => d.staffing === what)?.id;
}

interface Peak {
  readonly label: string;
  readonly start: number;
  readonly contacts: number;
  readonly minutes: number;
  readonly ahtSeconds: number;
}

/** The busiest interval of the latest period, its length and AHT; a reason when there is none. */
function peakInterval(ctx: PlanContext): Peak | 'daily' | undefined {
  const bound = bindRoles(['callDate', 'callsOffered'], ['avgHandleTime'], ctx.request.roles);
  if (!('columns' in bound)) return undefined;
  const dateRef = ctx.data.rangeOf(bound.columns.get('callDate')!);
  const offeredRef = ctx.data.rangeOf(bound.columns.get('callsOffered')!);
  if (!dateRef || !offeredRef) return undefined;
  const dates = ctx.data.numbers(dateRef), offered = ctx.data.numbers(offeredRef);
  if (!dates || !offered) return undefined;

  // The interval: the most common gap (in whole minutes) between consecutive distinct starts.
  const starts = [...new Set(Array.from(dates).filter((d) => d === d))].sort((a, b) => a - b);
  const gaps = new Map<number, number>();
  for (let i = 1; i < starts.length; i++) {
    const g = Math.round((starts[i] - starts[i - 1]) * 1440);
    if (g > 0) gaps.set(g, (gaps.get(g) ?? 0) + 1);
  }
  let minutes = 0, seen = 0;
  for (const [g, k] of gaps) if (k > seen || (k === seen && g < minutes)) { minutes = g; seen = k; }
  if (minutes === 0) return undefined;
  if (minutes > 60) return 'daily';

  const periods = ctx.data.periods(dateRef);
  const latest = periods[periods.length - 1];
  if (!latest) return undefined;
  let peak = -1;
  for (const i of latest.rows) if (offered[i] === offered[i] && (peak < 0 || offered[i] > offered[peak])) peak = i;
  if (peak < 0 || !(offered[peak] > 0)) return undefined;

  // AHT: the busiest interval's own average handle time, else the scorecard's AHT.
  let ahtSeconds: number | undefined;
  const ahtAssignment = bound.columns.get('avgHandleTime');
  const ahtRef = ahtAssignment && ctx.data.rangeOf(ahtAssignment);
  if (ahtRef) {
    const raw = ctx.data.raw(ahtRef);
    try {
      const ms = readDurations(contextFor('WEIGHTED_AVERAGE', ctx.env.clock), [raw[peak] ?? [null]], 'values', durationUnit(raw, ahtAssignment.header)).ms[0];
      if (ms > 0) ahtSeconds = ms / 1000;
    } catch {
      ahtSeconds = undefined;
    }
  }
  if (ahtSeconds === undefined) {
    const id = staffingKpi('handleTime');
    const aht = id === undefined ? undefined : ctx.summary.find((s) => s.id === id)?.value;
    if (typeof aht === 'number' && aht > 0) ahtSeconds = aht;
  }
  if (ahtSeconds === undefined) return undefined;
  return { label: latest.label, start: dates[peak], contacts: offered[peak], minutes, ahtSeconds: Math.round(ahtSeconds * 1000) / 1000 };
}

/** Columns from the labels (KPI column) to the inputs and answers (Actual column). */
const INPUT_WIDTH = COL.actual - COL.kpi + 1;

/** Writes the staffing block at `top` when the data has interval volumes; returns the next free row. */
export function staffingBlock(ctx: PlanContext, top: number): number {
  const peak = peakInterval(ctx);
  const { w, lang } = ctx;
  const t = TEXT[lang];
  if (peak === 'daily') {
    ctx.notes.general.push(t.daily);
    return top;
  }
  if (!peak) return top;
  const levelKpi = staffingKpi('serviceLevelTarget');
  const requested = levelKpi === undefined ? undefined : ctx.request.targets[levelKpi]?.target;
  const level = typeof requested === 'number' && requested > 0 && requested < 1 ? requested : DEFAULT_LEVEL;
  const values = [peak.contacts, peak.minutes, peak.ahtSeconds, level, serviceLevelSeconds(ctx.options), DEFAULT_SHRINKAGE, DEFAULT_MAX_OCCUPANCY];
  const formats = ['0', '0', '0.0', '0.0%', '0', '0.0%', '0.0%'];

  w.putValue(top, COL.kpi, t.title(peak.label, serialToIso(peak.start).replace('T', ' ').slice(0, 16)), { style: 'section' });
  w.addBlock('staffing:title', top, COL.kpi, 1, 1);
  const first = top + 1;
  const input = (k: number): Expr => local(first + k, COL.actual);
  t.inputs.forEach((label, k) => w.putValue(first + k, COL.kpi, label, { style: 'note' }));
  values.forEach((v, k) => w.putValue(first + k, COL.actual, v, { style: 'input', numberFormat: formats[k] }));
  const [contacts, interval, aht, target, seconds, shrinkage, maxOcc] = values.map((_, k) => input(k));
  const traffic = input(7);
  w.putFormula(first + 7, COL.actual, op('/', op('*', contacts, aht), op('*', interval, num(60))), { numberFormat: '0.00' });
  w.addBlock('staffing:inputs', first, COL.kpi, t.inputs.length, LABELLED_WIDTH);

  const result = first + t.inputs.length + 1;
  if (!ctx.portable) {
    const { message } = w.putFormula(result, COL.kpi, ours('ERLANG_C', contacts, interval, aht, target, seconds, shrinkage, maxOcc));
    ctx.notes.problem(ctx.t, t.needed, message);
    w.addBlock('staffing:erlang', result, COL.kpi, 1, 1);
    return result + 2;
  }

  // Portable: the what-if table first (the agents needed read it), then the answer above it.
  const head = result + 3;
  t.table.forEach((h, k) => w.putValue(head, COL.kpi + k, h, { style: 'header' }));
  const firstN = op('+', fn('INT', traffic), num(1));
  const N = (i: number): Expr => local(head + 1 + i, COL.kpi);
  for (let i = 0; i < STAFFING_ROWS; i++) {
    const row = head + 1 + i;
    const n = N(i);
    w.putFormula(row, COL.kpi, i === 0 ? firstN : op('+', N(i - 1), num(1)), { numberFormat: '0' });
    const pn = fn('POISSON.DIST', n, traffic, { kind: 'bool', value: false });
    const below = fn('POISSON.DIST', op('-', n, num(1)), traffic, { kind: 'bool', value: true });
    const p = op('/', pn, op('+', pn, op('*', op('-', num(1), op('/', traffic, n)), below)));
    const P = local(row, COL.kpi + 1);
    w.putFormula(row, COL.kpi + 1, p, { numberFormat: '0.000' });
    w.putFormula(row, COL.kpi + 2, op('-', num(1), op('*', P, fn('EXP', op('/', op('*', neg(op('-', n, traffic)), seconds), aht)))), { numberFormat: '0.0%' });
    w.putFormula(row, COL.kpi + 3, op('/', op('*', P, aht), op('-', n, traffic)), { numberFormat: '0.0' });
    w.putFormula(row, COL.kpi + 4, op('/', traffic, n), { numberFormat: '0.0%' });
  }
  w.addBlock('staffing:table', head, COL.kpi, STAFFING_ROWS + 1, t.table.length);

  // Agents needed: the first N whose service level reaches the target (the table's service levels
  // rise with N) and whose occupancy is at most the cap, as ERLANG_C searches.
  const levels = local(head + 1, COL.kpi + 2, STAFFING_ROWS, 1);
  const missing = fn('COUNTIF', levels, op('&', str('<'), target));
  const bySl = op('+', firstN, missing);
  const byOccupancy = fn('ROUNDUP', op('-', op('/', traffic, maxOcc), num(1e-12)), num(0));
  const needed = fn('IF', op('=', missing, num(STAFFING_ROWS)), op('&', str(`${t.more} `), op('+', firstN, num(STAFFING_ROWS - 1))), fn('MAX', bySl, byOccupancy));
  w.putValue(result, COL.kpi, t.needed, { style: 'note' });
  w.putFormula(result, COL.actual, needed, { numberFormat: '0' });
  const agents = local(result, COL.actual);
  w.putValue(result + 1, COL.kpi, t.staff, { style: 'note' });
  // "more than N" is text: no staff figure then.
  w.putFormula(result + 1, COL.actual, fn('IFERROR', fn('ROUNDUP', op('-', op('/', agents, op('-', num(1), shrinkage)), num(1e-9)), num(0)), str('')), { numberFormat: '0' });
  w.addBlock('staffing:needed', result, COL.kpi, 2, LABELLED_WIDTH);
  return head + STAFFING_ROWS + 1;
}
