/**
 * The contact-centre section of the scorecard on a generated call-centre workbook (test/fixtures/
 * call-centre.ts: a call log over four months, a queue report per 30-minute interval, survey
 * invitations with effort answers; English and German): values equal to figures computed by plain
 * loops over the generated rows, live and portable; the section's heading; the service-level
 * threshold setting; the agent block (CSAT per agent, Wilson interval, "too few"); the staffing
 * block (Erlang C live, the POISSON.DIST table portable); per-day exports with and without dates;
 * the yearly view's SHRM turnover; and a wrong native form failing the agreement check.
 */
import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets, KPI_DEFINITIONS } from '../../core/scorecard/kpis.js';
import type { PeriodVariant } from '../../core/scorecard/definition.js';
import { isYes } from '../../core/scorecard/measure.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { buildPlan, COL, FIRST_KPI_ROW, planValues } from '../../core/scorecard/plan.js';
import { durationUnit } from '../../core/scorecard/plan/duration-units.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { Dialect, GenerateRequest, KpiSummary, PlanCell, ScorecardOptions, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import type { Cell } from '../../core/values/context.js';
import { call, col } from '../helpers/call.js';
import { callCentre, expectedByAgent, expectedByMonth, peakOfLatestMonth, timeValue, workbookData } from '../fixtures/call-centre.js';
import type { CallCentreFixture, Language } from '../fixtures/call-centre.js';
import { disagreements } from './agreement-check.js';
import { randomWorkbook, randomRequest } from './random-workbook.js';
import type { Knobs } from './random-workbook.js';

const CONTACT = ['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate'];
/**
 * The fixture's rows end on 28 April, so by the headline rule (the latest complete period as of
 * the data's last date) March would be the Actual. These tests are about April's values, so they
 * type the reporting date that closes April (the headline rule itself: plan/headline tests).
 */
const APRIL: Partial<ScorecardOptions> = { reportingDate: '2026-04-30' };

function requestFor(data: WorkbookData, options: Partial<ScorecardOptions> = {}): GenerateRequest {
  const roles = detectRoles(outlineWorkbook(data));
  const lang = options.language ?? 'en';
  return { roles, targets: defaultTargets(availableKpis(roles).available), options: { ...defaultOptions(lang), ...options } };
}

function planOf(data: WorkbookData, options: Partial<ScorecardOptions> = {}, dialect: Dialect = 'xlsx'): ScorecardPlan {
  return buildPlan({ data, outline: outlineWorkbook(data), request: requestFor(data, options), dialect, existing: [] });
}

const summary = (p: ScorecardPlan, id: string): KpiSummary => {
  const s = p.summary.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id} in ${p.summary.map((x) => x.id)}`);
  return s;
};

function cellAt(p: ScorecardPlan, row: number, col: number): PlanCell | undefined {
  for (const b of p.blocks) {
    const c = b.cells[row - b.row]?.[col - b.col];
    if (c) return c;
  }
  return undefined;
}

/** The row holding `text` in column `col` (the first), or -1. */
function rowOf(p: ScorecardPlan, col: number, text: RegExp): number {
  const values = planValues(p);
  for (const [k, v] of values) {
    const [r, c] = k.split(':').map(Number);
    if (c === col && typeof v === 'string' && text.test(v)) return r;
  }
  return -1;
}

const close = (a: unknown, b: number, digits = 12): void => expect(a as number).toBeCloseTo(b, digits);

describe.each<[Language, boolean]>([['en', false], ['en', true], ['de', false], ['de', true]])('the call-centre workbook (%s, portable %s)', (language, portable) => {
  const f = callCentre(language);
  const data = workbookData(f);
  const p = planOf(data, { language, portable, ...APRIL });
  const expected = expectedByMonth(f);

  it('shows the contact-centre KPIs under their own heading, after the other rows', () => {
    const ids = p.summary.map((s) => s.id);
    expect(ids.filter((id) => CONTACT.includes(id))).toEqual(CONTACT);
    expect(ids[0]).toBe('csat');
    const first = p.marker.targetCells.serviceLevel.row;
    expect(planValues(p).get(`${first - 1}:${COL.perspective}`)).toBe(language === 'de' ? 'Contact-Center' : 'Contact centre');
    expect(p.marker.targetCells.csat.row).toBe(FIRST_KPI_ROW);
    CONTACT.forEach((id, i) => expect(p.marker.targetCells[id].row).toBe(first + i));
    expect(p.summary.filter((s) => CONTACT.includes(s.id)).every((s) => s.section === 'contact')).toBe(true);
  });

  it('gives each month the figures computed by hand from the call rows (actual April, previous March, baseline January)', () => {
    const [jan, mar, apr] = ['2026-01', '2026-03', '2026-04'].map((m) => expected.get(m)!);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht', 'csat', 'responseRate'] as const) {
      const s = summary(p, id);
      close(s.value, apr[id], 9);
      close(s.previous, mar[id], 9);
      close(s.baseline, jan[id], 9);
      expect(s.trendLabels.slice(-4)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    }
    // CES by the month of the answer (the response date); April has answers from invitations of late March.
    close(summary(p, 'ces').value, apr.ces as number, 9);
    expect(summary(p, 'asa').unit).toBe('seconds');
  });

  it(portable ? 'writes native formulas for every KPI with a native form (the response rate has none)' : 'writes the catalog functions per period', () => {
    const valueNotes = p.notes.filter((n) => /written as values|als Werte geschrieben/.test(n));
    if (portable) {
      expect(valueNotes.join('\n')).not.toMatch(/Service level|Servicelevel|Abandon|Abbruch|ASA|AHT|CES|Customer satisfaction|Kundenzufriedenheit/);
      expect(valueNotes.join('\n')).toMatch(/Survey response rate|Rücklaufquote/);
      const texts = p.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.formula?.text ?? '');
      // Talk, hold and wrap-up are time values: whole milliseconds, as the catalog reads them.
      expect(texts.some((t) => t.includes('SUMPRODUCT(ROUND(') && t.includes('*86400000,0)'))).toBe(true);
      // Answered within 20 s: below 20.0005 s (whole milliseconds, ≤).
      expect(texts.some((t) => /COUNTIFS\([^)]*"<20\.0005"/.test(t))).toBe(true);
      expect(texts.some((t) => /_xldudf_/.test(t))).toBe(false);
    } else {
      const anchor = (id: string): string => cellAt(p, 4, p.blocks.find((b) => b.id === `helper:${id}`)!.col)!.formula!.text;
      const unit = language === 'de' ? '"seconds"' : '"seconds"';
      expect(anchor('serviceLevel')).toMatch(new RegExp(`^=_xldudf_KPI_KPI_BY_PERIOD\\("SERVICE_LEVEL",.*,"month",.*,"20 s","offered",${unit}\\)$`));
      expect(anchor('aht')).toMatch(/"AHT",.*,"time","seconds"\)$/);
      expect(anchor('responseRate')).toMatch(/"RESPONSE_RATE"/);
    }
  });

  it('lists CSAT per agent with n, its Wilson interval and "too few" under 30 answers', () => {
    const byAgent = expectedByAgent(f);
    const values = planValues(p);
    const head = rowOf(p, COL.kpi + 2, /^(CSAT|Value)$/);
    expect(head).toBeGreaterThan(0);
    let seen = 0;
    for (let r = head + 1; typeof values.get(`${r}:${COL.kpi}`) === 'string'; r++) {
      const agent = values.get(`${r}:${COL.kpi}`) as string;
      const e = byAgent.get(agent)!;
      expect(values.get(`${r}:${COL.kpi + 1}`), agent).toBe(e.n);
      close(values.get(`${r}:${COL.kpi + 2}`), e.csat);
      const [[low, high]] = call('CSAT_CI', col(...f.calls.filter((c) => c.agent === agent && c.rating !== null).map((c) => c.rating))) as number[][];
      close(values.get(`${r}:${COL.kpi + 6}`), low, 9);
      close(values.get(`${r}:${COL.kpi + 7}`), high, 9);
      expect(values.get(`${r}:${COL.kpi + 8}`)).toBe(e.n < 30 ? `${language === 'de' ? 'zu wenige' : 'too few'} (${e.n})` : '');
      seen++;
    }
    expect(seen).toBe(byAgent.size);
    expect([...byAgent.values()].some((e) => e.n < 30)).toBe(true);
    const csatCell = cellAt(p, head + 1, COL.kpi + 2)!;
    if (portable) expect(csatCell.formula!.text).toMatch(/^=SUMPRODUCT\(/);
    else expect(cellAt(p, head, COL.kpi)!.formula!.text).toMatch(/^=_xldudf_KPI_GROUP_SIGNIFICANCE\("CSAT",/);
  });

  it('staffs the busiest interval of April by Erlang C, with the inputs in editable cells', () => {
    const peak = peakOfLatestMonth(f);
    const title = rowOf(p, COL.kpi, /Erlang C/);
    expect(title).toBeGreaterThan(0);
    const values = planValues(p);
    const inputs = [1, 2, 3, 4, 5, 6, 7].map((k) => cellAt(p, title + k, COL.actual)!);
    expect(inputs.every((c) => c.style === 'input')).toBe(true);
    expect(inputs.slice(0, 5).map((c) => c.value)).toEqual([peak.offered, 30, peak.aht, 0.8, 20]);
    const expectedTable = call('ERLANG_C', peak.offered, 30, peak.aht, 0.8, 20, 0.3, 0.85) as number[][];
    const result = title + 10;
    // The inputs sit in the Actual column (D since the Period column came in), the what-if table from the KPI column (B).
    expect([COL.kpi, COL.actual]).toEqual([2, 4]);
    if (portable) {
      expect(values.get(`${result}:${COL.actual}`)).toBe(expectedTable[1][0]);
      expect(values.get(`${result + 1}:${COL.actual}`)).toBe(expectedTable[1][1]);
      // The what-if table: its service level at the agents needed is ERLANG_C's.
      const head = result + 3;
      const n0 = values.get(`${head + 1}:${COL.kpi}`) as number;
      const traffic = (peak.offered * peak.aht) / 1800;
      expect(n0).toBe(Math.floor(traffic) + 1);
      for (let i = 0; i < 20; i++) {
        const n = n0 + i;
        close(values.get(`${head + 1 + i}:${COL.kpi + 2}`), call('ERLANG_C_SERVICE_LEVEL', n, peak.offered, 30, peak.aht, 20) as number, 9);
      }
      expect(cellAt(p, head + 1, COL.kpi + 1)!.formula!.text).toMatch(/^=_xlfn\.POISSON\.DIST\(B\d+,D\d+,FALSE\)\/\(_xlfn\.POISSON\.DIST\(B\d+,D\d+,FALSE\)\+\(1-D\d+\/B\d+\)\*_xlfn\.POISSON\.DIST\(B\d+-1,D\d+,TRUE\)\)$/);
    } else {
      const erlang = cellAt(p, result, COL.kpi)!.formula!;
      expect(erlang.text).toMatch(/^=_xldudf_KPI_ERLANG_C\(D\d+,D\d+,D\d+,D\d+,D\d+,D\d+,D\d+\)$/);
      expect(erlang.spill).toEqual(expectedTable);
    }
  });
});

describe('the service-level threshold', () => {
  it('is a setting: 30 s counts the calls answered within 30 s, and the definition says so', () => {
    const f = callCentre('en');
    const p = planOf(workbookData(f), { serviceLevelSeconds: 30, portable: true, ...APRIL });
    const apr = expectedByMonth(f, 30).get('2026-04')!;
    close(summary(p, 'serviceLevel').value, apr.serviceLevel);
    expect(apr.serviceLevel).not.toBe(expectedByMonth(f, 20).get('2026-04')!.serviceLevel);
    expect(summary(p, 'serviceLevel').definition).toContain('within 30 seconds');
  });
});

describe('per-day and per-interval exports', () => {
  const queueOnly = (f: CallCentreFixture): WorkbookData => ({ ...workbookData(f), sheets: [workbookData(f).sheets[1]] });

  it('weigh each interval by its calls: abandon rate = Σ abandoned ÷ Σ offered, ASA and AHT by answered calls', () => {
    const f = callCentre('en');
    for (const portable of [false, true]) {
      const p = planOf(queueOnly(f), { portable, ...APRIL });
      const apr = f.intervals.filter((q) => q.start.toISOString().startsWith('2026-04'));
      const sum = (g: (q: (typeof apr)[number]) => number): number => apr.reduce((s, q) => s + g(q), 0);
      close(summary(p, 'abandonRate').value, sum((q) => q.abandoned) / sum((q) => q.offered));
      close(summary(p, 'asa').value, sum((q) => q.asa * q.answered) / sum((q) => q.answered), 9);
      close(summary(p, 'aht').value, sum((q) => q.aht * q.answered) / sum((q) => q.answered), 9);
      close(summary(p, 'serviceLevel').value, sum((q) => q.serviceLevel * q.answered) / sum((q) => q.answered), 9);
      expect(summary(p, 'asa').kpi).toBe('WEIGHTED_AVERAGE');
      if (portable) expect(p.notes.filter((n) => /written as values/.test(n))).toEqual([]);
    }
  });

  it('without a date column: one value over all rows, no previous, baseline or trend', () => {
    const values = [['Day', 'Incoming Calls', 'Answered Calls', 'Abandoned Calls', 'Answer Speed (AVG)', 'Talk Duration (AVG)'],
      [1, 200, 180, 20, '0:00:20', '0:02:00'], [2, 100, 99, 1, '0:00:10', '0:03:00']];
    const data: WorkbookData = { timeZone: 'UTC', sheets: [{ name: 'Daily calls', originRow: 1, originCol: 1, values }] };
    const p = planOf(data, { portable: true });
    expect(p.summary.map((s) => s.id)).toEqual(['abandonRate', 'asa', 'aht']);
    close(summary(p, 'abandonRate').value, 21 / 300);
    close(summary(p, 'asa').value, (20 * 180 + 10 * 99) / 279);
    close(summary(p, 'aht').value, (120 * 180 + 180 * 99) / 279);
    for (const s of p.summary) expect([s.previous, s.baseline, s.trend]).toEqual(['', '', []]);
    // Counts are numbers: the abandon rate is native over all rows; "0:00:20" text needs the add-in's reading.
    expect(cellAt(p, p.marker.targetCells.abandonRate.row, COL.actual)!.formula!.text).toMatch(/^=IFERROR\(SUM\('Daily calls'!D2:D\d+\)\/SUM\('Daily calls'!B2:B\d+\),""\)$/);
  });
});

describe('the yearly view', () => {
  it('computes employee turnover by SHRM\'s monthly method: the sum of the months\' rates', () => {
    // Twelve months of 5 leavers with 100 at every start and end: 0.6 for the year (catalog v3), not 60 ÷ 100 … the same here,
    // so the months differ: 110/100 start/end in the second half.
    const rows: unknown[][] = [['Month', 'Headcount at start', 'Headcount at end', 'Separations']];
    for (let m = 1; m <= 12; m++) rows.push([new Date(Date.UTC(2025, m - 1, 1)), m <= 6 ? 100 : 110, m <= 6 ? 100 : 90, 5]);
    const data: WorkbookData = { timeZone: 'UTC', sheets: [{ name: 'Monthly', originRow: 1, originCol: 1, values: rows }] };
    const byHand = 6 * (5 / 100) + 6 * (5 / 100);
    for (const portable of [false, true]) {
      const p = planOf(data, { period: 'year', portable });
      close(summary(p, 'turnover').value, byHand);
      if (!portable) {
        const block = p.blocks.find((b) => b.id === 'helper:turnover')!;
        expect(block.cells[0][0]!.formula!.text).toMatch(/"EMPLOYEE_TURNOVER",.*,"year",.*,"monthly"\)$/);
      }
      // By month the average method: one month's leavers ÷ its average headcount.
      close(summary(planOf(data, { portable }), 'turnover').value, 5 / 100);
    }
  });
});

describe('durations in the unit the data shows', () => {
  it('time values (Date cells of 30 Dec 1899, or numbers all between 0 and 1) are "time"; else the header, else seconds', () => {
    expect(durationUnit([[timeValue(143)], [null]], 'Talk')).toBe('time');
    expect(durationUnit([[0.00165], [0.002]], 'Talk')).toBe('time');
    expect(durationUnit([[143], [0.5]], 'Talk')).toBe('seconds');
    expect(durationUnit([[3], [12]], 'Wait (min)')).toBe('minutes');
    expect(durationUnit([[3], [12]], 'Handle time in hours')).toBe('hours');
    expect(durationUnit([[3], [12]], 'Wartezeit (Std.)')).toBe('hours');
    expect(durationUnit([[30], [12]], 'Speed of answer in seconds')).toBe('seconds');
    expect(durationUnit([['0:02:14']], 'Talk')).toBe('seconds');
  });

  it('a header showing a clock layout makes its numbers time values, also past one day (HubSpot, 2.5 = 60 h, was read as 2.5 seconds)', () => {
    expect(durationUnit([[2.5], [0.5]], 'Time to close (HH:mm:ss)')).toBe('time');
    expect(durationUnit([[1.25]], 'Time to first agent reply (HH:mm:ss)')).toBe('time');
    expect(durationUnit([[26.5]], 'Dauer (hh:mm)')).toBe('time');
    expect(durationUnit([[3], [12]], 'Wait (min)')).toBe('minutes');
    // What the plan does with it: AVG_DURATION of 2.5 and 0.5 days in hours.
    expect(call('AVG_DURATION', col(2.5, 0.5), 'time', 'hours')).toBeCloseTo(36, 9);
  });
});

describe('a wrong native form of a call KPI fails the agreement check', () => {
  it('service level counting waits below the threshold only (< instead of ≤)', () => {
    const k: Knobs = {
      seed: 77, period: 'month', timeZone: 'UTC', dateCells: 'serial', survey: 0, tickets: 0, orders: 0, months: 1,
      competitors: 0, blanks: 0, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
      calls: 400, intervals: 0, callFlags: 'Y/N', durations: 'seconds', serviceLevelSeconds: 20,
    };
    const variant = KPI_DEFINITIONS.find((d) => d.id === 'serviceLevel')!.variants[0] as { native?: PeriodVariant['native'] };
    const original = variant.native;
    variant.native = (m) => m.orBlank(m.div(m.countDurationWithin('callWait', 'seconds', 19_999, isYes('callAnswered')),
      m.add(m.count(isYes('callAnswered')), m.count({ role: 'callAnswered', op: 'no' }))));
    try {
      const w = randomWorkbook(k);
      const build = (portable: boolean) => buildPlan({ data: w.data, outline: w.outline, request: randomRequest(w, k, portable), dialect: 'xlsx', existing: [] });
      expect(disagreements(build(false), build(true)).join('\n')).toMatch(/Service level written as values: a native formula would not give/);
    } finally {
      variant.native = original;
    }
  });
});

describe('clean call data gets native formulas in every layout of its cells', () => {
  it.each<[Knobs['durations'], Knobs['dateCells'], Knobs['callFlags']]>([
    ['seconds', 'serial', 'yes/no'], ['time', 'serial', 'Y/N'], ['time', 'date', 'bool'], ['seconds', 'date', 'answered/abandoned'], ['time', 'serial', '1/0'],
  ])('durations as %s, dates as %s, flags %s', (durations, dateCells, callFlags) => {
    const k: Knobs = {
      seed: 5, period: 'month', timeZone: 'Europe/Berlin', dateCells, survey: 40, tickets: 0, orders: 0, months: 1,
      competitors: 0, blanks: 0.1, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
      calls: 120, intervals: 0, callFlags, durations, serviceLevelSeconds: 20,
    };
    const w = randomWorkbook(k);
    const build = (portable: boolean) => buildPlan({ data: w.data, outline: w.outline, request: randomRequest(w, k, portable), dialect: 'xlsx', existing: [] });
    const live = build(false), portable = build(true);
    expect(disagreements(live, portable)).toEqual([]);
    const valueNotes = portable.notes.filter((n) => n.startsWith('Portable mode:')).join('\n');
    for (const name of ['Service level', 'Abandon rate', 'Average speed of answer', 'Average handle time', 'Customer effort']) expect(valueNotes).not.toContain(name);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht']) expect(typeof summary(portable, id).value, id).toBe('number');
  });
});

/** Cells of a plan by `row:col` (a test helper kept here for the hosts' tests). */
export function valuesOf(p: ScorecardPlan): Map<string, Cell> {
  return planValues(p);
}
