import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { satisfactionFunctions } from '../../core/kpis/satisfaction.js';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

const OMITTED = [undefined, null, '', [[null]], [['']]];

/** `n` copies of `x`. */
const times = <T,>(n: number, x: T): T[] => Array.from({ length: n }, () => x);

/** The worked example: 60 × 10, 25 × 8, 15 × 3, with a header and blanks mixed in (Excel shape). */
const WORKED_SCORES = col('Score', ...times(60, 10), null, ...times(25, 8), '', ...times(15, 3), null);

/** Survey rows: per group, `count` answers of `score` dated `date`. Returns paired columns with headers. */
function survey(...groups: [score: unknown, count: number, date: unknown][]): { scores: unknown[][]; dates: unknown[][] } {
  const scores: unknown[][] = [['Score']];
  const dates: unknown[][] = [['Date']];
  for (const [score, count, date] of groups) {
    for (let i = 0; i < count; i++) {
      scores.push([score]);
      dates.push([date]);
    }
  }
  return { scores, dates };
}

const near = (x: number) => expect.closeTo(x, 9);

/** A table-valued call (trends), typed as the table it returns. */
const table = (name: string, ...args: unknown[]) => call(name, ...args) as (string | number | boolean)[][];

describe('NPS', () => {
  it('gives 45 for 60 promoters, 25 passives and 15 detractors, skipping the header and blanks', () => {
    // (60 − 15)/100 · 100 = 45
    expect(call('NPS', WORKED_SCORES)).toBe(45);
  });

  it('never reads a blank as a 0 (a detractor)', () => {
    // Two promoters and two blanks: 100, not (2 − 2)/4 · 100 = 0.
    expect(call('NPS', col(10, null, '', 9))).toBe(100);
    expect(call('NPS', col(10, '   ', 9))).toBe(100);
  });

  it('reads a single cell as Excel ([[x]]) and Sheets (scalar) pass it, and numeric text', () => {
    expect(call('NPS', [[10]])).toBe(100);
    expect(call('NPS', 6)).toBe(-100);
    expect(call('NPS', '9')).toBe(100);
    expect(call('NPS', col('8', ' 10 '))).toBe(50); // one passive, one promoter
  });

  it('skips text such as "n/a" and booleans', () => {
    expect(call('NPS', col('Score', 'n/a', 10, true, 0))).toBe(0);
  });

  it('rejects a score outside 0–10 or with a decimal part, naming the value and its row', () => {
    expect(errorOf(() => call('NPS', col('Score', 9, 7, 11))).message).toBe('NPS: 11 at row 4 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS', col(8.5))).message).toBe('NPS: 8.5 at row 1 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS', col(10, -1))).message).toBe('NPS: -1 at row 2 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS', col(10, '8,5'))).message).toBe('NPS: "8,5" at row 2 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS', [[10, 9], [7, 12]])).message).toBe('NPS: 12 at row 2, column 2 is not a score from 0 to 10');
    expect(errorOf(() => call('NPS', col(10, 11))).kind).toBe('value');
  });

  it('reports error cells, as text or as host error objects, with their position', () => {
    expect(errorOf(() => call('NPS', col('Score', 10, '#N/A'))).message).toBe('NPS: "#N/A" at row 3 is an error value');
    expect(errorOf(() => call('NPS', col(10, { code: '#N/A' }))).message).toBe('NPS: #N/A at row 2 is an error value');
    expect(errorOf(() => call('NPS', col({ type: 'Error', basicValue: '#DIV/0!' }))).message).toBe('NPS: #DIV/0! at row 1 is an error value');
  });

  it('says "no data" (#N/A) when there are no scores', () => {
    const e = errorOf(() => call('NPS', col('Score', null, '', 'n/a')));
    expect(e.message).toBe('NPS: no data');
    expect(e.kind).toBe('na');
  });

  it('stays within −100…100 and does not depend on the order of the answers', () => {
    const answer = fc.oneof(fc.integer({ min: 0, max: 10 }), fc.constant(null), fc.constant(''));
    fc.assert(
      fc.property(
        fc.array(answer, { minLength: 1, maxLength: 200 })
          .filter((xs) => xs.some((x) => typeof x === 'number'))
          .chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length, maxLength: xs.length }))),
        ([xs, shuffled]) => {
          const nps = call('NPS', col(...xs)) as number;
          expect(nps).toBeGreaterThanOrEqual(-100);
          expect(nps).toBeLessThanOrEqual(100);
          expect(call('NPS', col(...shuffled))).toBeCloseTo(nps, 9);
        },
      ),
    );
  });
});

describe('NPS_MOE', () => {
  it('gives 14.5 points for the worked example', () => {
    // v = 0.6 + 0.15 − 0.45² = 0.5475; 1.959964 · √(0.5475/100) · 100 = 14.502
    const moe = call('NPS_MOE', WORKED_SCORES) as number;
    expect(Math.abs(moe - 14.5)).toBeLessThan(0.05);
    expect(moe).toBeCloseTo(14.502, 3);
  });

  it('uses 95 % when confidence is omitted as undefined, null, "" or a blank cell', () => {
    for (const c of OMITTED) expect(call('NPS_MOE', WORKED_SCORES, c)).toBeCloseTo(14.502, 3);
  });

  it('widens at 99 % confidence, given as a number or an Excel cell', () => {
    // 2.575829 · 0.073993 · 100 = 19.059
    expect(call('NPS_MOE', WORKED_SCORES, 0.99)).toBeCloseTo(19.059, 3);
    expect(call('NPS_MOE', WORKED_SCORES, [[0.99]])).toBeCloseTo(19.059, 3);
  });

  it('is 0 when every answer is a promoter', () => {
    expect(call('NPS_MOE', col(10, 9, 10))).toBe(0);
  });

  it('rejects a confidence that is not strictly between 0 and 1, naming it', () => {
    expect(errorOf(() => call('NPS_MOE', WORKED_SCORES, 95)).message).toBe('NPS_MOE: confidence 95 must lie strictly between 0 and 1 (0.95 for 95 %)');
    expect(errorOf(() => call('NPS_MOE', WORKED_SCORES, 1)).message).toMatch(/^NPS_MOE: confidence 1 must lie/);
    expect(errorOf(() => call('NPS_MOE', WORKED_SCORES, 0)).message).toMatch(/^NPS_MOE: confidence 0 must lie/);
    expect(errorOf(() => call('NPS_MOE', WORKED_SCORES, 'high')).message).toBe('NPS_MOE: confidence "high" is not a number');
  });

  it('says "no data" when there are no scores', () => {
    expect(errorOf(() => call('NPS_MOE', col(null, ''))).kind).toBe('na');
  });
});

describe('NPS_BREAKDOWN', () => {
  it('counts promoters, passives and detractors with their shares and a total', () => {
    expect(call('NPS_BREAKDOWN', WORKED_SCORES)).toEqual([
      ['Group', 'Count', 'Share'],
      ['Promoters', 60, 0.6],
      ['Passives', 25, 0.25],
      ['Detractors', 15, 0.15],
      ['Total', 100, 1],
    ]);
  });

  it('puts 7 and 8 among the passives and 6 among the detractors', () => {
    expect(call('NPS_BREAKDOWN', col(6, 7, 8, 9))).toEqual([
      ['Group', 'Count', 'Share'],
      ['Promoters', 1, 0.25],
      ['Passives', 2, 0.5],
      ['Detractors', 1, 0.25],
      ['Total', 4, 1],
    ]);
  });

  it('says "no data" rather than a table of zeros', () => {
    expect(errorOf(() => call('NPS_BREAKDOWN', col('Score'))).message).toBe('NPS_BREAKDOWN: no data');
  });
});

describe('NPS_TREND', () => {
  it('lists each month with its NPS, the change and whether it is significant', () => {
    const { scores, dates } = survey(
      // March (Excel serials): 20 promoters, 10 passives, 10 detractors → n 40, NPS 25
      [10, 20, serial('2026-03-02T09:00')], [7, 10, serial('2026-03-15')], [2, 10, serial('2026-03-31T23:59')],
      // April: 28, 8, 4 → n 40, NPS 60
      [9, 28, serial('2026-04-01')], [8, 8, serial('2026-04-10')], [0, 4, serial('2026-04-30T18:00')],
      // May: 24, 8, 8 → n 40, NPS 40
      [10, 24, serial('2026-05-05')], [7, 8, serial('2026-05-06')], [6, 8, serial('2026-05-07')],
      // July (June has no answers and is not listed): 10 promoters → n 10, NPS 100
      [10, 10, serial('2026-07-01')],
      // Not counted: a score with a blank date, a date with a blank score.
      [0, 3, null], [null, 2, serial('2026-06-15')],
    );
    expect(call('NPS_TREND', scores, dates)).toEqual([
      ['Period', 'Responses', 'NPS', 'Change', 'Significant'],
      ['2026-03', 40, 25, '', ''],
      // p₁ = .5, d₁ = .25 → v₁ = .75 − .25² = .6875; p₂ = .7, d₂ = .1 → v₂ = .8 − .6² = .44
      // z = .35/√(.6875/40 + .44/40) = .35/.16789 = 2.08 ≥ 1.96 → TRUE
      ['2026-04', 40, 60, 35, true],
      // v₃ = .8 − .4² = .64; z = −.2/√(.44/40 + .64/40) = −.2/.16432 = −1.22 → FALSE
      ['2026-05', 40, 40, -20, false],
      // July has only 10 responses: too few to test
      ['2026-07', 10, 100, 60, ''],
    ]);
  });

  it('labels ISO weeks and reads Sheets Date objects in the spreadsheet time zone', () => {
    // 2026-03-08T23:30Z is Sunday 23:30 in UTC (week 10) but Monday 00:30 in Berlin (week 11).
    const scores = ['Score', 10, 9, 0, 8, ''];
    const dates = ['Date', new Date('2026-03-02T09:00:00Z'), new Date('2026-03-05T12:00:00Z'), new Date('2026-03-08T23:30:00Z'), new Date('2026-03-10T08:00:00Z'), ''];
    const sheets = (xs: unknown[]) => xs.map((x) => [x]);
    // Berlin: W10 = {10, 9} → 100; W11 = {0, 8} → (0 − 1)/2 · 100 = −50; change −150
    expect(callIn('Europe/Berlin', 'NPS_TREND', sheets(scores), sheets(dates), 'week')).toEqual([
      ['Period', 'Responses', 'NPS', 'Change', 'Significant'],
      ['2026-W10', 2, 100, '', ''],
      ['2026-W11', 2, -50, -150, ''],
    ]);
    // UTC: W10 = {10, 9, 0} → (2 − 1)/3 · 100 = 33.3; W11 = {8} → 0
    expect(callIn('UTC', 'NPS_TREND', sheets(scores), sheets(dates), 'Woche')).toEqual([
      ['Period', 'Responses', 'NPS', 'Change', 'Significant'],
      ['2026-W10', 3, near(100 / 3), '', ''],
      ['2026-W11', 1, 0, near(-100 / 3), ''],
    ]);
  });

  it('groups by quarter, year and day with English or German period words in any case', () => {
    const scores = col(10, 0, 9, 7);
    const dates = col('2025-12-31', '2026-01-01', '01.04.2026 10:30', '2026-04-01T22:00');
    expect(table('NPS_TREND', scores, dates, 'QUARTAL').map((r) => r.slice(0, 3))).toEqual([
      ['Period', 'Responses', 'NPS'], ['2025-Q4', 1, 100], ['2026-Q1', 1, -100], ['2026-Q2', 2, 50],
    ]);
    expect(table('NPS_TREND', scores, dates, 'year').map((r) => r.slice(0, 3))).toEqual([
      ['Period', 'Responses', 'NPS'], ['2025', 1, 100], ['2026', 3, 0],
    ]);
    expect(table('NPS_TREND', scores, dates, 'Tag').map((r) => r[0])).toEqual(['Period', '2025-12-31', '2026-01-01', '2026-04-01']);
  });

  it('groups by month when period is omitted as undefined, null, "" or a blank cell', () => {
    const scores = col(10, 0);
    const dates = col(serial('2026-01-31'), serial('2026-02-01'));
    for (const p of OMITTED) {
      expect(table('NPS_TREND', scores, dates, p).map((r) => r[0])).toEqual(['Period', '2026-01', '2026-02']);
    }
  });

  it('with no spread in either period, calls a change significant exactly when there is one', () => {
    const same = survey([10, 30, serial('2026-01-10')], [10, 30, serial('2026-02-10')]);
    expect(table('NPS_TREND', same.scores, same.dates)[2]).toEqual(['2026-02', 30, 100, 0, false]);
    const flipped = survey([10, 30, serial('2026-01-10')], [0, 30, serial('2026-02-10')]);
    expect(table('NPS_TREND', flipped.scores, flipped.dates)[2]).toEqual(['2026-02', 30, -100, -200, true]);
  });

  it('needs ranges of the same size, naming both sizes', () => {
    expect(errorOf(() => call('NPS_TREND', col(10, 9, 8), col(serial('2026-01-01'), serial('2026-01-02')))).message)
      .toBe('NPS_TREND: scores has 3 cells but dates has 2; the ranges must be the same size');
  });

  it('rejects an unknown period word, an out-of-scale score (even without a date) and error cells, with positions', () => {
    const dates = col('Date', serial('2026-01-01'), null);
    expect(errorOf(() => call('NPS_TREND', col('Score', 10, 9), dates, 'fortnight')).message).toMatch(/^NPS_TREND: period "fortnight" is not one of "day", "tag", "week"/);
    expect(errorOf(() => call('NPS_TREND', col('Score', 10, 11), dates)).message).toBe('NPS_TREND: 11 at row 3 of scores is not a score from 0 to 10');
    expect(errorOf(() => call('NPS_TREND', col('Score', 10, 9), col('Date', { code: '#N/A' }, null))).message).toBe('NPS_TREND: #N/A at row 2 of dates is an error value');
    expect(errorOf(() => call('NPS_TREND', col('Score', '#N/A', 9), dates)).message).toBe('NPS_TREND: "#N/A" at row 2 of scores is an error value');
  });

  it('says "no data" when no score has a date', () => {
    const e = errorOf(() => call('NPS_TREND', col('Score', 10, 9), col('Date', null, '')));
    expect(e.message).toBe('NPS_TREND: no data');
    expect(e.kind).toBe('na');
  });
});

describe('CSAT', () => {
  const RATINGS = col('Rating', 5, 5, 4, 3, 2, 4, 5, 1, 4, 4);

  it('counts 4 and 5 as satisfied on the default 5-point scale', () => {
    // 5, 5, 4, 4, 5, 4, 4 → 7 of 10
    expect(call('CSAT', RATINGS)).toBe(0.7);
  });

  it('counts only 5 with threshold 5, given as a number or an Excel cell', () => {
    // three 5s of 10
    expect(call('CSAT', RATINGS, 5, 5)).toBe(0.3);
    expect(call('CSAT', RATINGS, [[5]], [[5]])).toBe(0.3);
    expect(call('CSAT', RATINGS, null, 5)).toBe(0.3);
  });

  it('uses scale 5 and threshold scale_max − 1 when they are omitted as undefined, null, "" or a blank cell', () => {
    for (const o of OMITTED) expect(call('CSAT', RATINGS, o, o)).toBe(0.7);
    // On a 10-point scale the default threshold is 9: 10 and 9 of 10, 9, 8, 7
    expect(call('CSAT', col(10, 9, 8, 7), 10)).toBe(0.5);
  });

  it('accepts ratings with a decimal part within the scale', () => {
    // 4.5 ≥ 4, 3.5 < 4
    expect(call('CSAT', col(4.5, 3.5))).toBe(0.5);
    expect(call('CSAT', col('4,5', 0))).toBe(0.5);
  });

  it('never reads a blank as a 0 and reads a Sheets scalar', () => {
    expect(call('CSAT', col(5, null, '', 4))).toBe(1);
    expect(call('CSAT', 5)).toBe(1);
  });

  it('rejects a rating outside the scale, naming the value and its row', () => {
    expect(errorOf(() => call('CSAT', col('Rating', 5, 6))).message).toBe('CSAT: 6 at row 3 is not a rating from 0 to 5');
    expect(errorOf(() => call('CSAT', col(7, -1), 10)).message).toBe('CSAT: -1 at row 2 is not a rating from 0 to 10');
    expect(errorOf(() => call('CSAT', col(5, '#N/A'))).message).toBe('CSAT: "#N/A" at row 2 is an error value');
    expect(errorOf(() => call('CSAT', col({ code: '#N/A' }))).message).toBe('CSAT: #N/A at row 1 is an error value');
  });

  it('rejects a scale_max that is not positive and a threshold outside the scale', () => {
    expect(errorOf(() => call('CSAT', RATINGS, 0)).message).toBe('CSAT: scale_max 0 must be greater than 0 (a blank cell reaches some Excel builds as 0: leave the argument out instead)');
    expect(errorOf(() => call('CSAT', RATINGS, 5, 6)).message).toBe('CSAT: threshold 6 must lie within 0 and scale_max 5');
    expect(errorOf(() => call('CSAT', RATINGS, 5, -1)).message).toBe('CSAT: threshold -1 must lie within 0 and scale_max 5');
  });

  it('says "no data" when there are no ratings', () => {
    expect(errorOf(() => call('CSAT', col('Rating', ''))).message).toBe('CSAT: no data');
  });

  it('never rises as the threshold rises', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (ratings, a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          const r = col(...ratings);
          expect(call('CSAT', r, 5, high) as number).toBeLessThanOrEqual(call('CSAT', r, 5, low) as number);
        },
      ),
    );
  });
});

describe('CSAT_CI', () => {
  it('gives the Wilson interval [0.490, 0.943] for eight satisfied ratings of ten', () => {
    // Wilson at 95 %: centre 0.71674 ± 0.22657 (see test/stats.test.ts)
    const [[low, high]] = call('CSAT_CI', col('Rating', 5, 5, 4, 4, 4, 5, 4, 4, 2, 1)) as number[][];
    expect(low).toBeCloseTo(0.490, 3);
    expect(high).toBeCloseTo(0.943, 3);
  });

  it('uses the defaults for omitted scale_max, threshold and confidence', () => {
    const ratings = col(5, 5, 4, 4, 4, 5, 4, 4, 2, 1);
    for (const o of OMITTED) {
      const [[low, high]] = call('CSAT_CI', ratings, o, o, o) as number[][];
      expect(low).toBeCloseTo(0.490, 3);
      expect(high).toBeCloseTo(0.943, 3);
    }
  });

  it('is a single row of two cells that widens at 99 %', () => {
    const ratings = col(5, 5, 4, 4, 4, 5, 4, 4, 2, 1);
    const r95 = call('CSAT_CI', ratings) as number[][];
    const r99 = call('CSAT_CI', ratings, 5, 4, 0.99) as number[][];
    expect(r99).toHaveLength(1);
    expect(r99[0]).toHaveLength(2);
    expect(r99[0][0]).toBeLessThan(r95[0][0]);
    expect(r99[0][1]).toBeGreaterThan(r95[0][1]);
  });

  it('rejects a confidence outside (0, 1) and says "no data" without ratings', () => {
    expect(errorOf(() => call('CSAT_CI', col(5), 5, 4, 1.5)).message).toMatch(/^CSAT_CI: confidence 1\.5 must lie strictly between 0 and 1/);
    expect(errorOf(() => call('CSAT_CI', col(null))).kind).toBe('na');
  });
});

describe('CSAT_TREND', () => {
  it('lists each quarter with its CSAT, the change and the pooled z-test', () => {
    const { scores: ratings, dates } = survey(
      // Q1: 24 satisfied of 40 → 0.6 (ISO text dates)
      [5, 12, '2026-01-15'], [4, 12, '2026-02-15'], [2, 16, '2026-03-31 23:00'],
      // Q2: 34 of 40 → 0.85
      [4, 34, '2026-04-01'], [3, 6, '2026-06-30'],
      // Q3: 30 of 40 → 0.75
      [5, 30, '2026-07-01'], [1, 10, '2026-09-30'],
      // Q4: 5 of 5 → 1, too few to test
      [5, 5, '2026-12-01'],
      // Not counted: a rating without a date
      [1, 4, ''],
    );
    expect(call('CSAT_TREND', ratings, dates, 'quarter')).toEqual([
      ['Period', 'Responses', 'CSAT', 'Change', 'Significant'],
      ['2026-Q1', 40, 0.6, '', ''],
      // P = 58/80 = .725; z = .25/√(.725·.275·(1/40 + 1/40)) = .25/.099844 = 2.50 → TRUE
      ['2026-Q2', 40, 0.85, near(0.25), true],
      // P = 64/80 = .8; z = −.1/√(.8·.2·(2/40)) = −.1/.089443 = −1.12 → FALSE
      ['2026-Q3', 40, 0.75, near(-0.1), false],
      ['2026-Q4', 5, 1, near(0.25), ''],
    ]);
  });

  it('applies scale_max and threshold to every period', () => {
    const ratings = col('Rating', 10, 8, 9, 6);
    const dates = col('Date', serial('2026-01-05'), serial('2026-01-06'), serial('2026-02-05'), serial('2026-02-06'));
    // threshold 8 on a 10 scale: January {10, 8} → 1; February {9, 6} → 0.5
    expect(call('CSAT_TREND', ratings, dates, null, 10, 8)).toEqual([
      ['Period', 'Responses', 'CSAT', 'Change', 'Significant'],
      ['2026-01', 2, 1, '', ''],
      ['2026-02', 2, 0.5, -0.5, ''],
    ]);
  });

  it('rejects out-of-scale ratings with their position and mismatched ranges', () => {
    expect(errorOf(() => call('CSAT_TREND', col('Rating', 6), col('Date', serial('2026-01-01')))).message).toBe('CSAT_TREND: 6 at row 2 of ratings is not a rating from 0 to 5');
    expect(errorOf(() => call('CSAT_TREND', col(5, 4), col(serial('2026-01-01')))).message).toBe('CSAT_TREND: ratings has 2 cells but dates has 1; the ranges must be the same size');
    expect(errorOf(() => call('CSAT_TREND', col(5), col(''))).message).toBe('CSAT_TREND: no data');
  });
});

describe('a whole Excel column of 1,048,576 answers', () => {
  const ROWS = 1_048_576;

  it('goes through NPS and CSAT without running out of stack or memory', () => {
    // Scores cycle 0…10: 95,325 full cycles plus one extra 0 → promoters 2·95,325, detractors 7·95,325 + 1.
    const scores = Array.from({ length: ROWS }, (_, i) => [i % 11]);
    expect(call('NPS', scores)).toBeCloseTo((100 * (2 * 95_325 - (7 * 95_325 + 1))) / ROWS, 9);
    // Ratings cycle 1…5: 209,715 cycles plus one extra 1 → 4 and 5 appear 2·209,715 times.
    const ratings = Array.from({ length: ROWS }, (_, i) => [(i % 5) + 1]);
    expect(call('CSAT', ratings)).toBeCloseTo((2 * 209_715) / ROWS, 12);
  });
});

describe('the catalog entries', () => {
  it('follow the catalog page: names, order and argument names', () => {
    expect(satisfactionFunctions.map((f) => [f.name, f.args.map((a) => a.name)])).toEqual([
      ['NPS', ['scores']],
      ['NPS_MOE', ['scores', 'confidence']],
      ['NPS_BREAKDOWN', ['scores']],
      ['NPS_TREND', ['scores', 'dates', 'period']],
      ['CSAT', ['ratings', 'scale_max', 'threshold']],
      ['CSAT_CI', ['ratings', 'scale_max', 'threshold', 'confidence']],
      ['CSAT_TREND', ['ratings', 'dates', 'period', 'scale_max', 'threshold']],
    ]);
    for (const f of satisfactionFunctions) {
      expect(f.family).toBe('satisfaction');
      expect(f.summary.de).not.toBe(f.summary.en);
      expect(f.help.de).not.toBe(f.help.en);
    }
  });
});
