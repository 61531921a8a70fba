/**
 * The headline of data that holds one period only, not complete yet (issue 13): the automatic
 * headline shows that period "as far as it goes" — its label with "(to date)", its figures over
 * every row so far, the status "incomplete" instead of a colour or "too few" — in live and portable
 * scorecards alike, with a note. Once a complete period holds data (a row of the next period, or a
 * reporting date on the period's last day), the headline is the latest complete period again.
 * The figures are computed here by hand from the rows.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, COL, FIRST_KPI_ROW } from '../../core/scorecard/plan.js';
import type { Dialect, GenerateRequest, KpiSummary, RoleAssignment, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import { outlineOf } from '../fixtures/plan-workbook.js';

const serialOf = (iso: string): number => Date.parse(`${iso}Z`) / 86_400_000 + 25_569;

/** 35 answers from 1 to 18 March 2026 (day i % 18 + 1 at 10:00), scores 0–10 and ratings 1–5 cycling. */
const MARCH: unknown[][] = Array.from({ length: 35 }, (_, i) => [serialOf(`2026-03-${String((i % 18) + 1).padStart(2, '0')}T10:00`), i % 11, (i % 5) + 1]);
const scores = MARCH.map((r) => r[1] as number);
const ratings = MARCH.map((r) => r[2] as number);
const MARCH_NPS = (100 * (scores.filter((s) => s >= 9).length - scores.filter((s) => s <= 6).length)) / scores.length;
const MARCH_CSAT = ratings.filter((r) => r >= 4).length / ratings.length;

const ROLES: RoleAssignment[] = [
  { role: 'surveyDate', sheet: 'Survey', column: 1, header: 'Date', confidence: 1, source: 'manager' },
  { role: 'npsScore', sheet: 'Survey', column: 2, header: 'Score', confidence: 1, source: 'manager' },
  { role: 'satisfaction', sheet: 'Survey', column: 3, header: 'Rating', confidence: 1, source: 'manager' },
];

function planOf(rows: readonly unknown[][], opts: { portable: boolean; reportingDate?: string | null; language?: 'en' | 'de'; dialect?: Dialect }): ScorecardPlan {
  const data: WorkbookData = { sheets: [{ name: 'Survey', originRow: 1, originCol: 1, values: [['Date', 'Score', 'Rating'], ...rows] }], timeZone: 'UTC' };
  const request: GenerateRequest = {
    roles: ROLES, targets: {},
    options: {
      period: 'month', portable: opts.portable, language: opts.language ?? 'en', slaHours: 24, tolerance: 0.05, brandAttributes: [],
      sheetName: 'KPI Scorecard', reportingDate: opts.reportingDate ?? null, minAnswers: 30, minTickets: 10,
    },
  };
  return buildPlan({ data, outline: outlineOf(data), request, dialect: opts.dialect ?? 'xlsx', existing: [] });
}

/** The cached value of a scorecard cell. */
function shown(plan: ScorecardPlan, row: number, col: number): unknown {
  for (const b of plan.blocks) {
    const c = b.cells[row - b.row]?.[col - b.col];
    if (c && row >= b.row && col >= b.col) return c.formula ? c.formula.cached : c.value;
  }
  return undefined;
}

const summary = (plan: ScorecardPlan, id: string): KpiSummary => plan.summary.find((s) => s.id === id)!;
const rowOf = (plan: ScorecardPlan, id: string): number => FIRST_KPI_ROW + plan.summary.findIndex((s) => s.id === id);

describe.each([false, true])('one running period of data (portable: %s)', (portable) => {
  it('is the headline "to date": its figures so far, "(to date)" after its label, status "incomplete", and a note', () => {
    const plan = planOf(MARCH, { portable });
    for (const [id, want] of [['nps', MARCH_NPS], ['csat', MARCH_CSAT]] as const) {
      const s = summary(plan, id);
      expect(s).toMatchObject({ period: '2026-03', status: 'to-date', toDate: true, n: 35 });
      expect(s.value as number).toBeCloseTo(want, 10);
      expect(shown(plan, rowOf(plan, id), COL.period)).toBe('2026-03 (to date)');
      expect(shown(plan, rowOf(plan, id), COL.status)).toBe('incomplete');
      // The period is the trend's last, and nothing before it.
      expect(s.trendLabels.at(-1)).toBe('2026-03');
      expect(s.trend.at(-1) as number).toBeCloseTo(want, 10);
      expect(s.previous).toBe('');
    }
    expect(plan.notes.some((n) => n.startsWith('No complete month holds data: the data ends before the last day of 2026-03'))).toBe(true);
    expect(plan.notes.some((n) => n.startsWith('Every KPI is blank'))).toBe(false);
  });

  it('with fewer answers than the minimum, still "incomplete" (not "too few"): n tells how many', () => {
    const plan = planOf(MARCH.slice(0, 6), { portable });
    expect(summary(plan, 'nps')).toMatchObject({ period: '2026-03', status: 'to-date', n: 6 });
  });

  it('says it in German: "(bisher)" and "unvollständig"', () => {
    const plan = planOf(MARCH, { portable, language: 'de' });
    expect(shown(plan, rowOf(plan, 'nps'), COL.period)).toBe('2026-03 (bisher)');
    expect(shown(plan, rowOf(plan, 'nps'), COL.status)).toBe('unvollständig');
  });

  it('gives way to the complete period: a reporting date on its last day, or a row of the next period', () => {
    for (const plan of [planOf(MARCH, { portable, reportingDate: '2026-03-31' }), planOf([...MARCH, [serialOf('2026-04-01T09:00'), 10, 5]], { portable })]) {
      const s = summary(plan, 'nps');
      expect(s.period).toBe('2026-03');
      expect(s.toDate).toBeUndefined();
      expect(['green', 'amber', 'red']).toContain(s.status);
      expect(s.value as number).toBeCloseTo(MARCH_NPS, 10);
      expect(shown(plan, rowOf(plan, 'nps'), COL.period)).toBe('2026-03');
      expect(plan.notes.some((n) => n.startsWith('No complete month'))).toBe(false);
    }
  });

  it('keeps a reporting date before the data\'s last day as it was: the period complete by then, here none', () => {
    const plan = planOf(MARCH, { portable, reportingDate: '2026-03-10' });
    expect(summary(plan, 'nps')).toMatchObject({ value: '', status: '' });
    expect(summary(plan, 'nps').toDate).toBeUndefined();
  });
});

describe('live and portable agree on the running period', () => {
  it('in every dialect', () => {
    for (const dialect of ['xlsx', 'excel', 'sheets'] as const) {
      const live = planOf(MARCH, { portable: false, dialect });
      const portable = planOf(MARCH, { portable: true, dialect });
      for (const id of ['nps', 'csat']) {
        const a = summary(live, id), b = summary(portable, id);
        expect([a.period, a.status, a.n]).toEqual([b.period, b.status, b.n]);
        expect(a.value as number).toBeCloseTo(b.value as number, 12);
      }
    }
  });
});
