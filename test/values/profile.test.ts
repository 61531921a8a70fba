/**
 * The column profile the scorecard and the command line use to decide whether a KPI over a column
 * can be a native formula, and which day/month order a column of date text shows.
 */
import { describe, expect, it } from 'vitest';
import { needsCoreReading, profileColumn } from '../../core/values/profile.js';

describe('profileColumn', () => {
  it('counts date text and the order it shows', () => {
    const p = profileColumn([['Opened'], ['13/01/2026 10:00'], ['03/01/2026'], ['2026-03-01'], [null]]);
    expect(p).toMatchObject({ cells: 4, textDates: 3, orderDependentDates: 2, dateOrder: 'dmy', otherText: 1 });
    expect(profileColumn(['01/13/2026', '13/01/2026']).dateOrder).toBe('both');
    expect(profileColumn(['03/01/2026']).dateOrder).toBeUndefined();
    expect(needsCoreReading(p)).toBe(true);
  });

  it('finds rating words and their scale, numbers with labels and non-answers', () => {
    const p = profileColumn(['Rating', 'Good', 'Bad', 'Offered', '4 - Satisfied']);
    expect(p).toMatchObject({ ratingWords: 2, nonAnswers: 1, numbersWithLabels: 1, otherText: 1 });
    expect(p.labelScale?.k).toBe(2);
    expect(profileColumn(['Good', 'Satisfied']).labelScale).toBeNull();
  });

  it('finds duration text, % text and flags; plain numbers and Dates need no core reading', () => {
    expect(profileColumn(['0:02:14', '3h 20m', 'PT5M'])).toMatchObject({ textDurations: 3 });
    expect(profileColumn(['94.01%', '5 %'])).toMatchObject({ percentText: 2 });
    expect(profileColumn(['Yes', 'no', true])).toMatchObject({ flags: 3 });
    const plain = profileColumn([['Score'], [9], ['10'], [new Date(0)], ['#N/A'], [{ type: 'FormattedNumber', basicValue: 3 }]]);
    expect(plain).toMatchObject({ numbers: 3, dateObjects: 1, errors: 1, otherText: 1 });
    expect(needsCoreReading(plain)).toBe(false);
  });
});
