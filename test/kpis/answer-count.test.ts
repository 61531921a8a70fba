/**
 * ANSWER_COUNT: the n of CSAT and CES — the ratings each counts as an answer, read by the KPI's own
 * tally (scale, rating words, non-answers, header), with the same errors. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { call, col, errorOf, serial } from '../helpers/call.js';

describe('ANSWER_COUNT', () => {
  it('counts the ratings CES and CSAT divide by: blanks, non-answers and the header left out', () => {
    // Effort 5, 4, blank, "No rating", 2 on a 5-point scale: 3 answers, agree (4–5) 2 → CES 2 / 3 over 3.
    const effort = col('Effort', 5, 4, null, 'No rating', 2);
    expect(call('CES', effort, 5)).toBeCloseTo(2 / 3, 15);
    expect(call('ANSWER_COUNT', effort, 'CES', 5)).toBe(3);
    // Delighted's example (help.delighted.com, "How is CES calculated"): 5 disagree, 5 neutral, 10 agree → 20 answers.
    const delighted = col('CES', ...Array<number>(5).fill(1), ...Array<number>(5).fill(3), ...Array<number>(10).fill(5));
    expect(call('CES', delighted, 5)).toBe(0.5);
    expect(call('ANSWER_COUNT', delighted, 'ces', 5)).toBe(20);
    // CSAT reads 0…scale_max, 4.5 included: 5, 4.5, 0, "", 3 → 4 ratings (CSAT 2 / 4).
    const ratings = col('Rating', 5, 4.5, 0, '', 3);
    expect(call('CSAT', ratings)).toBe(0.5);
    expect(call('ANSWER_COUNT', ratings, 'CSAT')).toBe(4);
    expect(call('ANSWER_COUNT', ratings, 'KPI.CSAT', 5, 4)).toBe(4);
  });

  it('reads rating words and labelled numbers as the KPI does, on the label scale of the call', () => {
    // The 7-point agreement scale ("Somewhat" words): 4 answers, "Offered" is none.
    const words = col('Answer', 'Strongly agree', 'Somewhat agree', 'Offered', 'Neither agree nor disagree', 'Somewhat disagree');
    expect(call('CES', words)).toBe(0.5);
    expect(call('ANSWER_COUNT', words, 'CES')).toBe(4);
    // "4 - Agree", "2 - Disagree", "Offered", "Strongly agree" on 5 points: 3 answers (CES 2 / 3).
    const labelled = col('4 - Agree', '2 - Disagree', 'Offered', 'Strongly agree');
    expect(call('CES', labelled, 5)).toBeCloseTo(2 / 3, 12);
    expect(call('ANSWER_COUNT', labelled, 'CES', 5)).toBe(3);
    // Freshdesk's 3-point words for CSAT: Awesome, Just Okay, Not Good → 3.
    expect(call('ANSWER_COUNT', col('Rating', 'Awesome', 'Just Okay', null, 'Not Good'), 'CSAT')).toBe(3);
  });

  it('errors where the KPI errors, at the same cell, named after ANSWER_COUNT', () => {
    // A 0 is below CES's scale (1…7) but a rating for CSAT (0…5).
    expect(errorOf(() => call('CES', col('Effort', 5, 0, 2), 5)).message).toBe('CES: 0 at row 3 is not a rating from 1 to 5');
    expect(errorOf(() => call('ANSWER_COUNT', col('Effort', 5, 0, 2), 'CES', 5)).message).toBe('ANSWER_COUNT: CES: 0 at row 3 is not a rating from 1 to 5');
    expect(call('ANSWER_COUNT', col('Effort', 5, 0, 2), 'CSAT', 5)).toBe(3);
    expect(errorOf(() => call('ANSWER_COUNT', col('Rating', 'Agree', 'meh'), 'CES')).message).toMatch(/^ANSWER_COUNT: CES: "meh" at row 3 /);
    expect(errorOf(() => call('ANSWER_COUNT', col('Rating', 4, { code: '#N/A' }), 'CSAT')).message).toMatch(/^ANSWER_COUNT: CSAT: #N\/A at row 3 /);
    // The scale arguments as the KPI reads them: the threshold does not change n, but one the KPI rejects is its error.
    expect(errorOf(() => call('ANSWER_COUNT', col('Strongly agree', 'Agree'), 'CES', 7)).message).toMatch(/^ANSWER_COUNT: CES: scale_max 7 does not fit the ratings, which are words of the 5-point/);
    expect(errorOf(() => call('ANSWER_COUNT', col(5, 2), 'CES', 7, 0)).message).toBe('ANSWER_COUNT: CES: threshold 0 must lie within 1 and scale_max 7');
    expect(call('ANSWER_COUNT', col(5, 2), 'CSAT', 5, 0)).toBe(2);
    // kpi: required, one of the two.
    expect(errorOf(() => call('ANSWER_COUNT', col(5, 2), 'NPS')).message).toBe('ANSWER_COUNT: kpi "NPS" is not one of "CSAT", "CES"');
    expect(errorOf(() => call('ANSWER_COUNT', col(5, 2))).message).toBe('ANSWER_COUNT: kpi "" is not one of "CSAT", "CES"');
  });

  it('is 0 where the KPI has no data', () => {
    expect(errorOf(() => call('CES', col('Effort', null, 'Offered'))).kind).toBe('na');
    expect(call('ANSWER_COUNT', col('Effort', null, 'Offered'), 'CES')).toBe(0);
    expect(call('ANSWER_COUNT', [], 'CSAT')).toBe(0);
  });

  it('reads host shapes: Excel (null blanks, [[x]], data types), Sheets ("" blanks, a scalar), several columns', () => {
    expect(call('ANSWER_COUNT', [['Effort'], [6], [null], [2]], 'CES')).toBe(2);
    expect(call('ANSWER_COUNT', [['Effort'], [6], [''], [2]], 'CES')).toBe(2);
    expect(call('ANSWER_COUNT', [[6]], 'CES')).toBe(1);
    expect(call('ANSWER_COUNT', 6, 'CES')).toBe(1);
    expect(call('ANSWER_COUNT', [[7, 1], [null, 4]], 'CES')).toBe(3);
    // Excel data types by their basicValue: a Double 4 and the word Agree (5-point scale) are 2 answers.
    const typed = col('Effort', { type: 'Double', basicValue: 4 }, { type: 'String', basicValue: 'Agree' }, null);
    expect(call('CES', typed)).toBe(1);
    expect(call('ANSWER_COUNT', typed, 'CES')).toBe(2);
  });

  it('counts per period inside KPI_BY_PERIOD, the label scale decided over the whole range as for CES', () => {
    const dates = col('Date', serial('2026-02-03'), serial('2026-02-10'), serial('2026-03-04'), serial('2026-03-05'), null);
    const effort = col('Effort', 7, null, 5, 2, 6);
    // February: 7 (blank skipped) → 1 answer; March: 5, 2 → 2; the undated 6 is in no period.
    expect(call('KPI_BY_PERIOD', 'CES', dates, 'month', effort)).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 1], ['2026-03', 2, 0.5]]);
    expect(call('KPI_BY_PERIOD', 'ANSWER_COUNT', dates, 'month', effort, 'CES')).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 1], ['2026-03', 2, 2]]);
    // February's words alone are a 5-point scale; March's "Somewhat agree" makes the whole range 7-point,
    // so scale_max 5 is wrong in every period, for CES and its n alike.
    const words = col('Answer', 'Agree', 'Disagree', 'Somewhat agree', null, null);
    const ces = errorOf(() => call('KPI_BY_PERIOD', 'CES', dates, 'month', words, 5)).message;
    const n = errorOf(() => call('KPI_BY_PERIOD', 'ANSWER_COUNT', dates, 'month', words, 'CES', 5)).message;
    expect(ces).toMatch(/^KPI_BY_PERIOD: CES: scale_max 5 does not fit the ratings/);
    expect(n).toBe(ces.replace('KPI_BY_PERIOD: CES:', 'KPI_BY_PERIOD: ANSWER_COUNT: CES:'));
    expect(call('KPI_BY_PERIOD', 'ANSWER_COUNT', dates, 'month', words, 'CES')).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 2], ['2026-03', 2, 1]]);
  });
});
