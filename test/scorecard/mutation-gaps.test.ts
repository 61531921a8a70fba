/**
 * Native formulas a reviewer mutated without any test noticing (issue #10: "a mutation in any native
 * formula fails a test"). Each case is a small workbook whose KPI a manager reads — the scorecard's
 * value, live (catalog functions) and portable (native formulas), both as the plan's evaluated
 * cached values — checked against a value worked out by hand from the rows below (the arithmetic is
 * in the comments), and the two modes against each other in every cell a manager reads. The plan
 * checks its native formulas against the catalog functions and writes a KPI whose formula would
 * differ as values ("… would not give the add-in's values"), so the scorecard still shows the right
 * number: each test therefore also asserts that the portable value is computed by a native formula.
 *
 * - competitor gap with the NPS row switched off (its own NPS of all answers; a 6 is a detractor),
 * - SLA attainment with a ticket resolved exactly at the SLA limit (within means ≤),
 * - mean durations from a duration column with blank durations (only the set ones count),
 * - complaint rate over a period holding several rows of customer figures (customers averaged).
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, COL, planValues } from '../../core/scorecard/plan.js';
import type { GenerateRequest, KpiTarget, PlanCell, RoleAssignment, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import type { Cell } from '../../core/values/context.js';
import { call, serial } from '../helpers/call.js';
import { outlineOf } from '../fixtures/plan-workbook.js';
import { disagreements } from './agreement-check.js';
import { at, planOf, sheet, summary } from './n-fixtures.js';

const dated = (rows: readonly (readonly unknown[])[]): unknown[][] =>
  rows.map((r, i) => (i === 0 ? [...r] : r.map((v, c) => (c === 0 && typeof v === 'string' ? serial(v) : v))));

/** The KPI's actual as the scorecard's cell shows it (the row's evaluated cached value). */
function actualCell(p: ScorecardPlan, id: string): unknown {
  return planValues(p).get(`${p.marker.targetCells[id].row}:${COL.actual}`);
}

/** The scorecard in live and in portable mode. */
function bothModes(build: (portable: boolean) => ScorecardPlan): { live: ScorecardPlan; portable: ScorecardPlan } {
  return { live: build(false), portable: build(true) };
}

/**
 * The value a portable KPI's own native formula computes for a period (its helper block's row of
 * that period, or — for a KPI without periods — its actual cell): it must be a formula, not values
 * the plan wrote instead (a native formula that would not give the add-in's values is replaced by
 * values with a note, so the number the scorecard shows cannot tell a wrong native formula).
 */
function nativeValue(p: ScorecardPlan, id: string, period?: string): Cell {
  let cell: PlanCell | null | undefined;
  if (period === undefined) {
    const row = p.marker.targetCells[id].row;
    cell = p.blocks.flatMap((b) => b.cells.flatMap((line, r) => line.map((c, k) => (b.row + r === row && b.col + k === COL.actual ? c : null))))
      .find((c) => c);
  } else {
    const block = p.blocks.find((b) => b.id === `helper:${id}`)!;
    cell = block.cells.find((line) => (line[0]?.formula?.cached ?? line[0]?.value) === period)?.[2];
  }
  const name = summary(p, id).name;
  expect(p.notes.filter((n) => n.startsWith('Portable mode:') && n.includes(name)), `${name} written as values`).toEqual([]);
  expect(cell?.formula, `${id} ${period ?? ''}: a formula`).toBeDefined();
  return cell!.formula!.cached;
}

describe('competitor gap without an NPS row: our NPS of all answers − the competitors\' mean', () => {
  /**
   * Scores (one blank, not an answer): 10 9 6 8 · 3 10 7 → 7 answers; promoters (9–10) 10 9 10 = 3,
   * detractors (0–6) 6 3 = 2 (the 6 is a detractor: Bain's NPS, the catalog's NPS), passives 8 7.
   * NPS = 100 × (3 − 2) / 7 = 14.2857…; competitors 20 and −5 → mean 7.5; gap = 100/7 − 7.5 = 6.7857….
   * (Counting only 0–5 as detractors would give 100 × 2 / 7 − 7.5 = 21.07….)
   */
  const SURVEY = dated([
    ['Date', 'Score'],
    ['2026-03-02', 10], ['2026-03-03', 9], ['2026-03-05', 6], ['2026-03-09', 8], ['2026-03-10', null],
    ['2026-03-12', 3], ['2026-03-20', 10], ['2026-03-25', 7],
  ]);
  const COMPETITORS = [['Competitor', 'NPS'], ['Rival 1', 20], ['Rival 2', -5]];
  const data: WorkbookData = { sheets: [sheet('Survey', SURVEY), sheet('Competitors', COMPETITORS)], timeZone: 'UTC' };
  const roles = [at(data, 'surveyDate', 'Survey', 1), at(data, 'npsScore', 'Survey', 2), at(data, 'competitorName', 'Competitors', 1), at(data, 'competitorNps', 'Competitors', 2)];
  const off: KpiTarget = { target: null, direction: 'higher', enabled: false };

  function plan(portable: boolean, targets: GenerateRequest['targets']): ScorecardPlan {
    return buildPlan({
      data, outline: outlineOf(data), dialect: 'xlsx', existing: [],
      request: {
        roles, targets,
        options: {
          period: 'month', portable, language: 'en', slaHours: 24, tolerance: 0.05, brandAttributes: [], sheetName: 'KPI Scorecard',
          reportingDate: '2026-03-31', minAnswers: 0, minTickets: 0,
        },
      },
    });
  }

  const GAP = 100 / 7 - 7.5;

  it('is 100 × (3 − 2) / 7 − 7.5 with the NPS row off, live and portable (a 6 is a detractor)', () => {
    // The catalog's NPS says the same of these scores.
    expect(call('NPS', SURVEY.slice(1).map((r) => [r[1]])) as number).toBeCloseTo(100 / 7, 12);
    const { live, portable } = bothModes((p) => plan(p, { nps: off }));
    for (const [mode, p] of [['live', live], ['portable', portable]] as const) {
      expect(p.summary.map((s) => s.id), mode).toEqual(['competitorGap']);
      expect(summary(p, 'competitorGap').value as number, mode).toBeCloseTo(GAP, 12);
      expect(actualCell(p, 'competitorGap') as number, mode).toBeCloseTo(GAP, 12);
    }
    // Portable: no NPS row to refer to, so the gap's own formula counts the scores.
    expect(nativeValue(portable, 'competitorGap') as number).toBeCloseTo(GAP, 12);
    expect(portable.blocks.flatMap((b) => b.cells.flat()).some((c) => /COUNTIFS\(Survey!B.*Competitors!B/.test(c?.formula?.text ?? ''))).toBe(true);
    expect(disagreements(live, portable)).toEqual([]);
  });

  it('is the same with the NPS row on (the gap then refers to it)', () => {
    const { live, portable } = bothModes((p) => plan(p, {}));
    expect(summary(portable, 'nps').value as number).toBeCloseTo(100 / 7, 12);
    expect(nativeValue(portable, 'competitorGap') as number).toBeCloseTo(GAP, 12);
    expect(disagreements(live, portable)).toEqual([]);
  });
});

describe('SLA attainment: a ticket resolved exactly at the limit is within it (resolved − opened ≤ target)', () => {
  /**
   * SLA_ATTAINMENT: met when resolved − opened ≤ target, in whole milliseconds (catalog: "Within"
   * means ≤). Resolved in March (the reported month):
   *   A 24 h exactly · B 4 h exactly · C 24 h 0 min 1 s · D 48 h; in February: E 24 h exactly, F 30 h.
   * SLA 24 h: March A, B within, C, D not → 2/4 = 0.5; February E within, F not → 1/2 = 0.5.
   * SLA 4 h: March only B (exactly at the limit) → 1/4 = 0.25; February none → 0.
   */
  const TICKETS = dated([
    ['Opened', 'Resolved'],
    ['2026-02-02 09:00', serial('2026-02-03 09:00')],
    ['2026-02-10 12:00', serial('2026-02-11 18:00')],
    ['2026-03-02 09:00', serial('2026-03-03 09:00')],
    ['2026-03-05 10:00', serial('2026-03-05 14:00')],
    ['2026-03-09 08:00', serial('2026-03-10 08:00:01')],
    ['2026-03-20 12:00', serial('2026-03-22 12:00')],
  ]);
  const data: WorkbookData = { sheets: [sheet('Tickets', TICKETS)], timeZone: 'UTC' };
  const roles = [at(data, 'ticketOpened', 'Tickets', 1), at(data, 'ticketResolved', 'Tickets', 2)];

  it.each([[24, 0.5, 0.5], [4, 0.25, 0]] as const)('SLA %i h: March %f, February %f, live and portable', (slaHours, march, february) => {
    // The catalog function on March's tickets says the same.
    const mar = TICKETS.slice(3);
    expect(call('SLA_ATTAINMENT', mar.map((r) => [r[0]]), mar.map((r) => [r[1]]), slaHours) as number).toBe(march);
    const { live, portable } = bothModes((p) => planOf(data, roles, p, { slaHours }));
    for (const [mode, p] of [['live', live], ['portable', portable]] as const) {
      const s = summary(p, 'sla');
      expect([s.period, s.value, s.previous], mode).toEqual(['2026-03', march, february]);
      expect(actualCell(p, 'sla'), mode).toBe(march);
    }
    expect(nativeValue(portable, 'sla', '2026-03')).toBe(march);
    expect(nativeValue(portable, 'sla', '2026-02')).toBe(february);
    expect(disagreements(live, portable)).toEqual([]);
  });
});

describe('mean durations from a duration column: only the rows with a duration count', () => {
  /**
   * AVG_DURATION: the mean of the durations given (blanks are no duration). Resolution minutes by
   * resolved date (average resolution time's duration variant):
   *   March 60, blank, 180, 30 → (60 + 180 + 30) / 3 = 90 min = 1.5 h; February 120, blank → 2 h.
   * First-reply seconds by opened date (first response time's duration variant):
   *   March 3600, blank, 5400, blank, 1800 → 10800 / 3 = 3600 s = 1 h; February 7200 → 2 h.
   * (Dividing by the dated rows instead: March 270 / 4 min = 1.125 h and 10800 / 5 s = 0.6 h.)
   */
  const RESOLUTIONS = dated([
    ['Resolved', 'Full resolution time in minutes'],
    ['2026-02-03 10:00', 120], ['2026-02-20 11:00', null],
    ['2026-03-02 09:00', 60], ['2026-03-10 12:00', null], ['2026-03-15 08:00', 180], ['2026-03-28 16:00', 30],
  ]);
  const REPLIES = dated([
    ['Opened', 'First reply time in seconds'],
    ['2026-02-05 09:00', 7200],
    ['2026-03-02 09:00', 3600], ['2026-03-04 10:00', null], ['2026-03-11 11:00', 5400], ['2026-03-19 12:00', null], ['2026-03-30 13:00', 1800],
  ]);
  const data: WorkbookData = { sheets: [sheet('Resolutions', RESOLUTIONS), sheet('Replies', REPLIES)], timeZone: 'UTC' };
  const roles: RoleAssignment[] = [
    at(data, 'ticketResolved', 'Resolutions', 1), at(data, 'resolutionTime', 'Resolutions', 2),
    at(data, 'ticketOpened', 'Replies', 1), at(data, 'firstResponseTime', 'Replies', 2),
  ];

  it('average resolution 1.5 h (Feb 2 h), first response 1 h (Feb 2 h), live and portable', () => {
    expect(call('AVG_DURATION', [[60], [null], [180], [30]], 'minutes', 'hours') as number).toBe(1.5);
    const { live, portable } = bothModes((p) => planOf(data, roles, p));
    for (const [mode, p] of [['live', live], ['portable', portable]] as const) {
      const res = summary(p, 'avgResolution'), first = summary(p, 'firstResponse');
      expect([res.kpi, first.kpi], mode).toEqual(['AVG_DURATION', 'AVG_DURATION']);
      expect([res.period, res.value, res.previous], mode).toEqual(['2026-03', 1.5, 2]);
      expect([first.period, first.value, first.previous], mode).toEqual(['2026-03', 1, 2]);
      expect(actualCell(p, 'avgResolution'), mode).toBe(1.5);
      expect(actualCell(p, 'firstResponse'), mode).toBe(1);
    }
    expect(nativeValue(portable, 'avgResolution', '2026-03')).toBe(1.5);
    expect(nativeValue(portable, 'avgResolution', '2026-02')).toBe(2);
    expect(nativeValue(portable, 'firstResponse', '2026-03')).toBe(1);
    expect(nativeValue(portable, 'firstResponse', '2026-02')).toBe(2);
    expect(disagreements(live, portable)).toEqual([]);
  });
});

describe('complaint rate over a period holding several rows of customer figures: complaints ÷ average customers', () => {
  /**
   * COMPLAINT_RATE = sum(complaints) / average(customers) (catalog; customers a stock, averaged over
   * the period's rows). Monthly figures in a quarterly scorecard:
   *   Q4 2025: complaints 6 + 4 + 5 = 15, customers (400 + 420 + 440) / 3 = 420 → 15/420 = 0.0357…
   *   Q1 2026: complaints 9 + 3 + 6 = 18, customers (450 + 480 + 510) / 3 = 480 → 18/480 = 0.0375
   * Two half-monthly rows per month in a monthly scorecard:
   *   February 1 + 2 = 3 over (470 + 490) / 2 = 480; March 4 + 2 = 6 over (500 + 520) / 2 = 510.
   * (Summing the customers instead: Q1 18/1440, March 6/1020.)
   */
  const MONTHLY = dated([
    ['Month', 'Customers at end', 'Complaints'],
    ['2025-10-01', 400, 6], ['2025-11-01', 420, 4], ['2025-12-01', 440, 5],
    ['2026-01-01', 450, 9], ['2026-02-01', 480, 3], ['2026-03-01', 510, 6],
  ]);
  const HALF_MONTHLY = dated([
    ['Period start', 'Customers at end', 'Complaints'],
    ['2026-02-01', 470, 1], ['2026-02-16', 490, 2], ['2026-03-01', 500, 4], ['2026-03-16', 520, 2],
  ]);
  const rolesOf = (d: WorkbookData, name: string): RoleAssignment[] =>
    [at(d, 'periodDate', name, 1), at(d, 'customersEnd', name, 2), at(d, 'complaint', name, 3)];

  it('monthly rows by quarter: Q1 18/480, Q4 15/420, live and portable', () => {
    const q1 = MONTHLY.slice(4);
    expect(call('COMPLAINT_RATE', q1.map((r) => [r[2]]), q1.map((r) => [r[1]])) as number).toBe(18 / 480);
    const d: WorkbookData = { sheets: [sheet('Monthly', MONTHLY)], timeZone: 'UTC' };
    const { live, portable } = bothModes((p) => planOf(d, rolesOf(d, 'Monthly'), p, { period: 'quarter' }));
    for (const [mode, p] of [['live', live], ['portable', portable]] as const) {
      const s = summary(p, 'complaintRate');
      expect([s.kpi, s.period, s.value], mode).toEqual(['COMPLAINT_RATE', '2026-Q1', 18 / 480]);
      expect(s.previous as number, mode).toBeCloseTo(15 / 420, 15);
      expect(actualCell(p, 'complaintRate'), mode).toBe(18 / 480);
    }
    expect(nativeValue(portable, 'complaintRate', '2026-Q1')).toBe(18 / 480);
    expect(nativeValue(portable, 'complaintRate', '2025-Q4') as number).toBeCloseTo(15 / 420, 15);
    expect(disagreements(live, portable)).toEqual([]);
  });

  it('two rows in one month: March 6/510, February 3/480, live and portable', () => {
    const d: WorkbookData = { sheets: [sheet('Figures', HALF_MONTHLY)], timeZone: 'UTC' };
    const { live, portable } = bothModes((p) => planOf(d, rolesOf(d, 'Figures'), p));
    for (const [mode, p] of [['live', live], ['portable', portable]] as const) {
      const s = summary(p, 'complaintRate');
      expect([s.period, s.value, s.previous], mode).toEqual(['2026-03', 6 / 510, 3 / 480]);
      expect(actualCell(p, 'complaintRate'), mode).toBe(6 / 510);
    }
    expect(nativeValue(portable, 'complaintRate', '2026-03')).toBe(6 / 510);
    expect(disagreements(live, portable)).toEqual([]);
  });
});
