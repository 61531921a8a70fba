/**
 * n of the contact-section KPIs — service level, abandon rate, ASA, AHT, CES — and of SLA attainment
 * from per-ticket verdicts: the calls, answers or verdicts each value used in each period, never the
 * dated rows — live (KPI_BY_PERIOD of CALL_COUNT, ANSWER_COUNT, FLAG_COUNT) and portable (the
 * COUNTIFS of the value's denominator) — with Wilson's interval on the shares and "too few (n)" on
 * it. Every expected number is counted by hand from the tables below.
 */
import { describe, expect, it } from 'vitest';
import type { GenerateRequest, RoleAssignment, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import { serial } from '../helpers/call.js';
import { at, MODES, nOf, planOf, sheet, summary, wilson } from './n-fixtures.js';

/**
 * Calls by call date; waits, talk, hold and after-call work in seconds; threshold 20 s ("within"
 * is ≤). A blank flag is no call (that row has nothing else); an abandoned call may have no wait.
 *
 *   month  calls (flag)      within 20 s        abandoned   answered waits   talk (+ hold + wrap)
 *   Jan    4: y n n y        10, 15 → 2         2           10, 15 → 2       350, 210 → 2
 *   Feb    3: y · J N        5 → 1 (25 is not)  1           25, 5 → 2        100, 480 → 2
 *   Mar    5: y n y y n      20, 8 → 2          2           20, 8, 30 → 3    300, 180, 350 → 3
 *   undated 1 answered call (no period)
 *
 * Service level Jan 2/4, Feb 1/3, Mar 2/5 · abandon rate Jan 2/4, Feb 1/3, Mar 2/5 · ASA Jan 12.5,
 * Feb 15, Mar 58/3 s · AHT Jan 280, Feb 290, Mar 830/3 s.
 */
const CALLS: readonly (readonly unknown[])[] = [
  ['Call date', 'Wait time', 'Answered', 'Talk time', 'Hold time', 'After-call work'],
  ['2026-01-05 09:00', 10, 'yes', 300, 20, 30],
  ['2026-01-12 10:00', 45, 'no', null, null, null],
  ['2026-01-20 11:00', null, 'no', null, null, null],
  ['2026-01-28 12:00', 15, 'yes', 200, null, 10],
  ['2026-02-03 09:00', 25, 'yes', 100, null, null],
  ['2026-02-10 09:30', null, null, null, null, null],
  ['2026-02-20 10:00', 5, 'Ja', 400, 60, 20],
  ['2026-02-25 11:00', 60, 'Nein', null, null, null],
  ['2026-03-02 08:00', 20, 'yes', 250, null, 50],
  ['2026-03-09 09:00', 3, 'no', null, null, null],
  ['2026-03-16 10:00', 8, 'yes', 150, 30, null],
  ['2026-03-25 13:00', 30, 'yes', 350, null, null],
  ['2026-03-30 14:00', null, 'no', null, null, null],
  [null, 12, 'yes', 100, null, null],
].map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 0 && typeof v === 'string' ? serial(v) : v))));

/**
 * Effort answers on a 1–7 scale (Delighted: 5–7 agree), by survey date:
 *   Jan 6 · 3 7 → 3 answers, 2 agree · Feb 5 1 · 2 → 3, 1 · Mar 7 4 5 · 6 → 4 of 5 dated rows, 3 · undated 7.
 */
const SURVEY: readonly (readonly unknown[])[] = [
  ['Date', 'Effort'],
  ['2026-01-04', 6], ['2026-01-11', null], ['2026-01-18', 3], ['2026-01-25', 7],
  ['2026-02-01', 5], ['2026-02-08', 1], ['2026-02-15', null], ['2026-02-22', 2],
  ['2026-03-01', 7], ['2026-03-08', 4], ['2026-03-15', 5], ['2026-03-22', null], ['2026-03-29', 6],
  [null, 7],
].map((r, i) => (i === 0 ? r : [typeof r[0] === 'string' ? serial(r[0]) : r[0], r[1]]));

/**
 * SLA verdicts per ticket by resolved date (a blank: no verdict yet):
 *   Jan yes no · yes → 3, 2 met · Feb no no yes → 3, 1 · Mar yes · yes no yes → 4, 3 · undated yes.
 */
const VERDICTS: readonly (readonly unknown[])[] = [
  ['Resolved', 'SLA met'],
  ['2026-01-05', 'yes'], ['2026-01-13', 'no'], ['2026-01-20', null], ['2026-01-27', 'yes'],
  ['2026-02-03', 'no'], ['2026-02-12', 'no'], ['2026-02-21', 'yes'],
  ['2026-03-02', 'yes'], ['2026-03-10', null], ['2026-03-16', 'yes'], ['2026-03-23', 'no'], ['2026-03-30', 'yes'],
  [null, 'yes'],
].map((r, i) => (i === 0 ? r : [typeof r[0] === 'string' ? serial(r[0]) : r[0], r[1]]));

function workbook(calls = CALLS, survey = SURVEY, verdicts = VERDICTS): WorkbookData {
  return { sheets: [sheet('Calls', calls), sheet('Survey', survey), sheet('Tickets', verdicts)], timeZone: 'UTC' };
}

const ROLES = (d: WorkbookData): RoleAssignment[] => [
  at(d, 'callDate', 'Calls', 1), at(d, 'callWait', 'Calls', 2), at(d, 'callAnswered', 'Calls', 3),
  at(d, 'talkTime', 'Calls', 4), at(d, 'holdTime', 'Calls', 5), at(d, 'wrapTime', 'Calls', 6),
  at(d, 'surveyDate', 'Survey', 1), at(d, 'effortScore', 'Survey', 2),
  at(d, 'ticketResolved', 'Tickets', 1), at(d, 'slaMet', 'Tickets', 2),
];

function plan(portable: boolean, options: Partial<GenerateRequest['options']> = {}, data = workbook(), roles = ROLES(data)): ScorecardPlan {
  return planOf(data, roles, portable, options);
}

describe('the n of the contact-centre KPIs, CES and SLA verdicts: what each value used', () => {
  it.each(MODES)('per period, by hand (%s)', (_mode, portable) => {
    const p = plan(portable);
    expect(nOf(p, 'serviceLevel')).toEqual({ '2026-01': 4, '2026-02': 3, '2026-03': 5 });
    expect(nOf(p, 'abandonRate')).toEqual({ '2026-01': 4, '2026-02': 3, '2026-03': 5 });
    expect(nOf(p, 'asa')).toEqual({ '2026-01': 2, '2026-02': 2, '2026-03': 3 });
    expect(nOf(p, 'aht')).toEqual({ '2026-01': 2, '2026-02': 2, '2026-03': 3 });
    expect(nOf(p, 'ces')).toEqual({ '2026-01': 3, '2026-02': 3, '2026-03': 4 });
    expect(nOf(p, 'sla')).toEqual({ '2026-01': 3, '2026-02': 3, '2026-03': 4 });
    // March's row: the value, its n and, for the shares, Wilson's interval from that n.
    const shares: Record<string, [number, number]> = { serviceLevel: [2, 5], abandonRate: [2, 5], ces: [3, 4], sla: [3, 4] };
    for (const [id, [k, n]] of Object.entries(shares)) {
      const s = summary(p, id);
      expect([s.period, s.value, s.n], id).toEqual(['2026-03', k / n, n]);
      const [low, high] = wilson(k, n);
      expect(s.ciLow!, id).toBeCloseTo(low, 12);
      expect(s.ciHigh!, id).toBeCloseTo(high, 12);
    }
    // Means: n beside them, no interval.
    expect(summary(p, 'asa')).toMatchObject({ period: '2026-03', n: 3 });
    expect(summary(p, 'asa').value as number).toBeCloseTo(58 / 3, 12);
    expect(summary(p, 'aht')).toMatchObject({ period: '2026-03', n: 3 });
    expect(summary(p, 'aht').value as number).toBeCloseTo(830 / 3, 12);
    for (const id of ['asa', 'aht']) expect(summary(p, id).ciLow, id).toBeUndefined();
  });

  it('is CALL_COUNT, ANSWER_COUNT and FLAG_COUNT by period live, and the value\'s denominator portable', () => {
    const anchor = (p: ScorecardPlan, id: string): string => p.blocks.find((b) => b.id === id)!.cells[0][0]!.formula!.text;
    const live = plan(false);
    expect(anchor(live, 'helper:serviceLevel:n')).toMatch(/^=_xldudf_KPI_KPI_BY_PERIOD\("CALL_COUNT",Calls!A2:A\d+,"month","SERVICE_LEVEL",Calls!B2:B\d+,Calls!C2:C\d+,"20 s","offered","seconds"\)$/);
    expect(anchor(live, 'helper:abandonRate:n')).toMatch(/"CALL_COUNT",Calls!A2:A\d+,"month","ABANDON_RATE",Calls!C2:C\d+\)$/);
    expect(anchor(live, 'helper:asa:n')).toMatch(/"CALL_COUNT",Calls!A2:A\d+,"month","ASA",Calls!B2:B\d+,Calls!C2:C\d+,"seconds","seconds"\)$/);
    expect(anchor(live, 'helper:aht:n')).toMatch(/"CALL_COUNT",Calls!A2:A\d+,"month","AHT",Calls!D2:D\d+,Calls!E2:E\d+,Calls!F2:F\d+,"seconds","seconds"\)$/);
    expect(anchor(live, 'helper:ces:n')).toMatch(/"ANSWER_COUNT",Survey!A2:A\d+,"month",Survey!B2:B\d+,"CES",7\)$/);
    expect(anchor(live, 'helper:sla:n')).toMatch(/"FLAG_COUNT",Tickets!A2:A\d+,"month",Tickets!B2:B\d+,"SLA_MET_RATE"\)$/);
    // Portable March (the 15th listed period): the yes and no words' COUNTIFS of the answered flags,
    // CES's answers from 1, AHT's talk times.
    const march = (id: string): string => plan(true).blocks.find((b) => b.id === `helper:${id}:n`)!.cells[14][2]!.formula!.text;
    for (const word of ['yes', 'ja', 'no', 'nein']) expect(march('serviceLevel')).toMatch(new RegExp(`Calls!C2:C\\d+,"${word}"\\)`));
    expect(march('ces')).toMatch(/COUNTIFS\(Survey!A2:A\d+,">="&.*Survey!B2:B\d+,">=1"\)/);
    expect(march('aht')).toMatch(/COUNTIFS\(Calls!A2:A\d+,">="&.*Calls!D2:D\d+,"<>"\)/);
  });

  it.each(MODES)('decides CES\'s "too few (n)" on its answers, not on the dated rows (%s)', (_mode, portable) => {
    // March holds 5 dated survey rows but 4 effort answers: under a minimum of 5 it is "too few (4)".
    const p = plan(portable, { minAnswers: 5 });
    expect(summary(p, 'ces')).toMatchObject({ period: '2026-03', n: 4, status: 'too-few', tooFew: 4 });
    // SLA verdicts: March has 5 resolved tickets, 4 verdicts.
    expect(summary(plan(portable, { minTickets: 5 }), 'sla')).toMatchObject({ period: '2026-03', n: 4, status: 'too-few', tooFew: 4 });
    expect(summary(plan(portable, { minTickets: 4 }), 'sla')).toMatchObject({ period: '2026-03', n: 4, value: 0.75, status: 'red' });
  });

  it.each(MODES)('shows no n beside an error: a row the KPI rejects blanks its n, the other KPIs keep theirs (%s)', (_mode, portable) => {
    // February's blank-flag row gets a wait: SERVICE_LEVEL and ASA reject it (a wait without a flag), ABANDON_RATE reads no waits.
    const calls = CALLS.map((r, i) => (i === 6 ? [r[0], 12, ...r.slice(2)] : r));
    // An effort answer 0 is below CES's scale.
    const survey = SURVEY.map((r, i) => (i === 3 ? [r[0], 0] : r));
    const p = plan(portable, {}, workbook(calls, survey));
    for (const id of ['serviceLevel', 'asa', 'ces']) {
      const s = summary(p, id);
      expect([s.value, s.n, s.ciLow, s.status], id).toEqual(['#VALUE!', undefined, undefined, '']);
    }
    expect(p.notes.find((n) => n.startsWith('Service level:'))).toMatch(/answered is blank at Calls!C7, a row with a wait \(12 s\)/);
    expect(p.notes.find((n) => n.startsWith('Customer effort score'))).toMatch(/0 at Survey!B4 is not a rating from 1 to 7/);
    expect(summary(p, 'abandonRate')).toMatchObject({ value: 0.4, n: 5 });
    expect(summary(p, 'aht')).toMatchObject({ n: 3 });
  });

  it.each(MODES)('counts verdict words as SLA_MET_RATE reads them (portable: written as values, the note naming the column) (%s)', (_mode, portable) => {
    const words = VERDICTS.map((r, i) => (i === 0 || r[1] === null ? r : [r[0], r[1] === 'yes' ? 'Within SLA' : 'SLA Violated']));
    const p = plan(portable, {}, workbook(CALLS, SURVEY, words));
    expect(nOf(p, 'sla')).toEqual({ '2026-01': 3, '2026-02': 3, '2026-03': 4 });
    expect(summary(p, 'sla')).toMatchObject({ period: '2026-03', value: 0.75, n: 4 });
    if (portable) expect(p.notes.find((n) => n.startsWith('Portable mode: SLA attainment'))).toMatch(/the column "SLA met" on "Tickets" \(yes\/no values a criterion cannot name exactly such as "Within SLA", first at Tickets!B2\)/);
    // A single verdict word on top is a verdict, never a header a native formula skips (found by the agreement test).
    const one = plan(portable, {}, workbook(CALLS, SURVEY, [VERDICTS[0], [serial('2026-03-02'), 'Within SLA']]));
    expect(summary(one, 'sla')).toMatchObject({ period: '2026-03', value: 1, n: 1 });
  });
});
