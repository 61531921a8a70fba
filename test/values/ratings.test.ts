/**
 * Ratings as words (catalog v3): every listed label scale, the smallest scale holding a call's
 * labels, top box by default on 2- and 3-point label scales, numbers with labels, survey
 * non-answers as blanks, and the strict rule in the CSAT and NPS families. Expected values by hand.
 */
import { describe, expect, it } from 'vitest';
import { classifyRatingText, LABEL_SCALES } from '../../core/values/ratings.js';
import { call, col, errorOf, serial } from '../helpers/call.js';

describe('the rating classifier', () => {
  it('tells numbers, numbers with labels, label words, non-answers, errors and other text apart', () => {
    expect(classifyRatingText('4')).toEqual({ kind: 'number', value: 4 });
    expect(classifyRatingText('4,5')).toEqual({ kind: 'number', value: 4.5 });
    expect(classifyRatingText('4 - Satisfied')).toEqual({ kind: 'number', value: 4 });
    expect(classifyRatingText('10 - Extremely likely')).toEqual({ kind: 'number', value: 10 });
    expect(classifyRatingText('9 (sehr wahrscheinlich)')).toEqual({ kind: 'number', value: 9 });
    expect(classifyRatingText('5: Very satisfied')).toEqual({ kind: 'number', value: 5 });
    expect(classifyRatingText('Just  Okay')).toEqual({ kind: 'label', word: 'just okay' });
    expect(classifyRatingText('SEHR ZUFRIEDEN')).toEqual({ kind: 'label', word: 'sehr zufrieden' });
    expect(classifyRatingText('Offered')).toEqual({ kind: 'non-answer', offered: true });
    expect(classifyRatingText('Not offered')).toEqual({ kind: 'non-answer', offered: false });
    expect(classifyRatingText('Unoffered')).toEqual({ kind: 'non-answer', offered: false });
    expect(classifyRatingText('nicht angeboten')).toEqual({ kind: 'non-answer', offered: false });
    expect(classifyRatingText('No rating')).toEqual({ kind: 'non-answer', offered: true });
    expect(classifyRatingText('n/a')).toEqual({ kind: 'non-answer', offered: true });
    expect(classifyRatingText('#N/A')).toEqual({ kind: 'error' });
    expect(classifyRatingText('1,234')).toHaveProperty('kind', 'problem');
    expect(classifyRatingText('Rating')).toEqual({ kind: 'other' });
    expect(classifyRatingText('2026-03-01')).toEqual({ kind: 'other' });
    expect(classifyRatingText('Extremely likely')).toEqual({ kind: 'other' });
  });

  it('lists the catalog\'s scales smallest first', () => {
    expect(LABEL_SCALES.map((s) => s.name)).toEqual([
      '2-point (Bad, Good)', '3-point (Not good, Just okay, Awesome)', '3-point (Not good, Okay, Great)', '3-point (Unhappy, Neutral, Happy)',
      '5-point (Very dissatisfied, Dissatisfied, Neutral, Satisfied, Very satisfied)',
      '5-point (Strongly disagree, Disagree, Neither agree nor disagree, Agree, Strongly agree)',
      '7-point (Strongly disagree, Disagree, Somewhat disagree, Neither agree nor disagree, Somewhat agree, Agree, Strongly agree)',
    ]);
  });
});

describe('CSAT over rating words', () => {
  it('2-point Good/Bad (Zendesk) and gut/schlecht: top box, the share of Good', () => {
    expect(call('CSAT', col('Satisfaction', 'Good', 'Good', 'Bad', 'good ', 'Offered', null))).toBe(0.75);
    expect(call('CSAT', col('Zufriedenheit', 'gut', 'schlecht', 'Gut', 'nicht angeboten'))).toBeCloseTo(2 / 3, 12);
    // The label scale sets scale_max 2; threshold 1 counts every answer.
    expect(call('CSAT', col('Good', 'Bad'), null, 1)).toBe(1);
  });

  it('3-point Freshdesk (Awesome/Just okay/Not good), Help Scout (Great/Okay/Not good), happy/neutral/unhappy: top box', () => {
    expect(call('CSAT', col('Rating', 'Awesome', 'Just Okay', 'Not Good', 'Awesome'))).toBe(0.5);
    expect(call('CSAT', col('Rating', 'Great', 'Okay', 'Not good', 'Great', 'Great'))).toBe(0.6);
    expect(call('CSAT', col('Rating', 'happy', 'neutral', 'unhappy', 'neutral'))).toBe(0.25);
    // Top two on a 3-point scale when asked for: threshold 2.
    expect(call('CSAT', col('Rating', 'Awesome', 'Just Okay', 'Not Good', 'Awesome'), null, 2)).toBe(0.75);
  });

  it('5-point satisfaction (English and German): top two by default', () => {
    const en = col('How satisfied?', 'Very satisfied', 'Satisfied', 'Neutral', 'Dissatisfied', 'Very dissatisfied', 'Satisfied');
    expect(call('CSAT', en)).toBe(0.5);
    const de = col('Zufriedenheit', 'sehr zufrieden', 'zufrieden', 'neutral', 'unzufrieden', 'sehr unzufrieden');
    expect(call('CSAT', de)).toBe(0.4);
    expect(call('CSAT', de, 5, 5)).toBe(0.2);
  });

  it('agreement scales: 5-point without "somewhat", 7-point with it', () => {
    const five = col('Effort', 'Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree');
    expect(call('CSAT', five)).toBe(0.4); // agree (4) and strongly agree (5) of 5
    const seven = col('Effort', 'Strongly agree', 'Agree', 'Somewhat agree', 'weder noch', 'stimme eher nicht zu', 'Disagree', 'Strongly disagree');
    expect(call('CSAT', seven)).toBeCloseTo(2 / 7, 12); // 6 and 7 of 7 (threshold scale_max − 1)
  });

  it('takes the smallest listed scale holding all labels', () => {
    // "neutral" alone with "happy" is the 3-point scale (neutral = 2); with "satisfied" the 5-point one (neutral = 3).
    expect(call('CSAT', col('happy', 'neutral'), null, 2)).toBe(1);
    expect(call('CSAT', col('satisfied', 'neutral'), null, 4)).toBe(0.5);
    expect(call('CSAT', col('satisfied', 'neutral'), null, 3)).toBe(1);
  });

  it('reads numbers with labels, and numbers beside labels', () => {
    expect(call('CSAT', col('Rating', '5 - Very satisfied', '4 - Satisfied', '2 - Dissatisfied', '3 (neutral)'))).toBe(0.5);
    expect(call('CSAT', col('Rating', 'Very satisfied', 4, '2'))).toBeCloseTo(2 / 3, 12);
  });

  it('refuses a scale_max that does not fit the labels, labels of two scales, and text that is no rating', () => {
    expect(errorOf(() => call('CSAT', col('Good', 'Bad'), 5)).message).toBe('CSAT: scale_max 5 does not fit the ratings, which are words of the 2-point (Bad, Good) scale; leave scale_max out or set it to 2');
    expect(errorOf(() => call('CSAT', col('Rating', 'Good', 'Satisfied'))).message).toMatch(/^CSAT: "Good" at row 2 of ratings and "Satisfied" at row 3 of ratings are words of different rating scales; rating words are read on one of these scales: Bad, Good/);
    const e = errorOf(() => call('CSAT', col('Rating', 'Good', 'Meh', 'Bad')));
    expect(e.message).toMatch(/^CSAT: "Meh" at row 3 is not a rating from 0 to 2; rating words are read on one of these scales/);
    expect(errorOf(() => call('CSAT', col('Rating', 4, 'n/v', 5))).message).toMatch(/^CSAT: "n\/v" at row 3 is not a rating from 0 to 5/);
  });

  it('decides the scale over the whole ratings before KPI_BY_GROUP cuts them', () => {
    // The whole column holds "Somewhat agree": 7-point. Team B alone (Agree, Strongly agree, Disagree) would be 5-point.
    const groups = col('Team', 'A', 'A', 'B', 'B', 'B');
    const ratings = col('Effort', 'Somewhat agree', 'Agree', 'Agree', 'Strongly agree', 'Disagree');
    // Threshold 5 on the 7-point scale: A 2 of 2 (5 and 6), B 2 of 3 (6, 7; disagree 2).
    expect(call('KPI_BY_GROUP', 'CSAT', groups, ratings, null, 5)).toEqual([['Group', 'Rows', 'Value'], ['B', 3, 2 / 3], ['A', 2, 1]]);
    // Team B alone on its own 5-point scale would give agree 4 < 5: 1 of 3.
    expect(call('CSAT', col('Agree', 'Strongly agree', 'Disagree'), null, 5)).toBeCloseTo(1 / 3, 12);
  });

  it('reads labels in CSAT_TREND and CSAT_CI too', () => {
    const dates = col('Date', serial('2026-01-05'), serial('2026-01-06'), serial('2026-02-03'), serial('2026-02-04'));
    expect(call('CSAT_TREND', col('Rating', 'Good', 'Bad', 'Good', 'Good'), dates)).toEqual([
      ['Period', 'Responses', 'CSAT', 'Change', 'Significant'], ['2026-01', 2, 0.5, '', ''], ['2026-02', 2, 1, 0.5, ''],
    ]);
    const ci = call('CSAT_CI', col('Good', 'Good', 'Bad')) as number[][];
    expect(ci[0][0]).toBeLessThan(2 / 3);
    expect(ci[0][1]).toBeGreaterThan(2 / 3);
  });
});

describe('the NPS family over labelled answers', () => {
  it('reads numbers with labels (the issue\'s case: 25, not 50)', () => {
    // 10 - Extremely likely, 9, 8, 0 - Not at all likely → 2 promoters, 1 passive, 1 detractor: (2 − 1)/4 = 25.
    // Skipping the labelled answers as text would leave 9 and 8: 50.
    const scores = col('How likely?', '10 - Extremely likely', '9', '8', '0 - Not at all likely');
    expect(call('NPS', scores)).toBe(25);
    expect(call('NPS', col('Score', '9 (sehr wahrscheinlich)', '3 (unwahrscheinlich)'))).toBe(0);
  });

  it('reads survey non-answers as blanks', () => {
    expect(call('NPS', col('Score', 10, 'Offered', 'No rating', 'Not offered', 'angeboten', 0))).toBe(0);
    expect(errorOf(() => call('NPS_BREAKDOWN', col('Score', 'Offered', 'Unoffered'))).kind).toBe('na');
  });

  it('names text below the header that is no score (the strict rule); the first text is the header', () => {
    expect(errorOf(() => call('NPS', col('Score', 10, 'Extremely likely', 3))).message).toBe('NPS: "Extremely likely" at row 3 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS', col(null, 'Score', 10, 'Good'))).message).toBe('NPS: "Good" at row 4 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS_MOE', col(9, 'Score'))).message).toBe('NPS_MOE: "Score" at row 2 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS_TREND', col('Score', 9, 'x'), col('Date', serial('2026-01-01'), serial('2026-01-02')))).message).toBe('NPS_TREND: "x" at row 3 of scores is not a score from 0 to 10');
    expect(call('NPS', col('', '  ', 'Score', 9))).toBe(100);
  });
});
