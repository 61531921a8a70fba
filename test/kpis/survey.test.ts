import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npsDiffSignificant, pooledTwoProportionZ } from '../../core/stats.js';
import { call, col, errorOf, serial } from '../helpers/call.js';

const repeat = <T>(x: T, n: number): T[] => Array.from({ length: n }, () => x);
const Z = 1.959963984540054;

/** The catalog's NPS example: 60 scores of 10, 25 of 8, 15 of 3, with a header and blanks. */
const NPS_EXAMPLE = col('Score', ...repeat(10, 60), null, ...repeat(8, 25), '', ...repeat(3, 15));

/** Adjusted Wald as MeasuringU describes it (https://measuringu.com/nps-confidence-intervals/, Rocks 2016): n + 3, ¾ added to promoters and detractors. */
function adjustedWald(promoters: number, detractors: number, n: number, z = Z): [number, number] {
  const m = n + 3, p = (promoters + 0.75) / m, d = (detractors + 0.75) / m;
  const half = z * Math.sqrt((p + d - (p - d) ** 2) / m) * 100;
  return [Math.max(-100, (p - d) * 100 - half), Math.min(100, (p - d) * 100 + half)];
}

describe('NPS_CI', () => {
  it('is the adjusted-Wald interval, computed by its formula', () => {
    const [[lo, hi]] = call('NPS_CI', NPS_EXAMPLE) as number[][];
    const [elo, ehi] = adjustedWald(60, 15, 100);
    // z comes from core/stats (Acklam's approximation, relative error < 1.2e-9): equal to 6 places.
    expect(lo).toBeCloseTo(elo, 6);
    expect(hi).toBeCloseTo(ehi, 6);
    // By hand: n′ 103, p′ 0.59005, d′ 0.15291, centre 43.71, half-width 1.96·√(0.55186/103)·100 = 14.35.
    expect(lo).toBeCloseTo(29.37, 1);
    expect(hi).toBeCloseTo(58.06, 1);
    const [[lo90]] = call('NPS_CI', NPS_EXAMPLE, 0.9) as number[][];
    expect(lo90).toBeCloseTo(adjustedWald(60, 15, 100, 1.6448536269514722)[0], 6);
  });

  it('"wald" is NPS ± NPS_MOE', () => {
    const [[lo, hi]] = call('NPS_CI', NPS_EXAMPLE, null, 'wald') as number[][];
    const moe = call('NPS_MOE', NPS_EXAMPLE) as number;
    expect(lo).toBeCloseTo(45 - moe, 12);
    expect(hi).toBeCloseTo(45 + moe, 12);
    // Two answers of 10: Wald has no width at all; adjusted Wald is wide and clipped at 100.
    expect(call('NPS_CI', col(10, 10), null, 'wald')).toEqual([[100, 100]]);
    const [[a, b]] = call('NPS_CI', col(10, 10)) as number[][];
    expect(b).toBe(100);
    expect(a).toBeCloseTo(adjustedWald(2, 0, 2)[0], 6);
    expect(errorOf(() => call('NPS_CI', NPS_EXAMPLE, null, 'bayes')).message).toMatch(/^NPS_CI: method "bayes" is not one of "adjusted", /);
    expect(errorOf(() => call('NPS_CI', col('Score'))).kind).toBe('na');
  });

  it('is never of zero width, and within 1 point of Wald from 1,000 answers (property)', () => {
    const counts = (min: number, max: number) => fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 0, max }), fc.integer({ min: 0, max }))
      .filter(([p, q, d]) => p + q + d >= min);
    const scores = (p: number, q: number, d: number) => col(...repeat(10, p), ...repeat(7, q), ...repeat(0, d));
    fc.assert(fc.property(counts(1, 40), ([p, q, d]) => {
      const [[lo, hi]] = call('NPS_CI', scores(p, q, d)) as number[][];
      expect(hi - lo).toBeGreaterThan(0);
      expect(lo).toBeGreaterThanOrEqual(-100);
      expect(hi).toBeLessThanOrEqual(100);
    }), { numRuns: 200 });
    fc.assert(fc.property(counts(1000, 2000), ([p, q, d]) => {
      const [[alo, ahi]] = call('NPS_CI', scores(p, q, d)) as number[][];
      const [[wlo, whi]] = call('NPS_CI', scores(p, q, d), null, 'wald') as number[][];
      expect(Math.abs(alo - wlo)).toBeLessThanOrEqual(1);
      expect(Math.abs(ahi - whi)).toBeLessThanOrEqual(1);
    }), { numRuns: 60 });
  });
});

describe('CSAT_CI against R', () => {
  it('gives the Wilson intervals of R\'s binom.confint(method = "wilson") as the catalog quotes them', () => {
    // binom::binom.confint(18, 20, methods = "wilson") → [0.6990, 0.9721]; (0, 30) → [0, 0.1135] (catalog v3 worked examples).
    const [[a, b]] = call('CSAT_CI', col(...repeat(5, 18), 1, 2)) as number[][];
    expect([a.toFixed(4), b.toFixed(4)]).toEqual(['0.6990', '0.9721']);
    const [[c, d]] = call('CSAT_CI', col(...repeat(1, 30))) as number[][];
    expect(c).toBe(0);
    expect(d.toFixed(4)).toBe('0.1135');
  });
});

describe('CES', () => {
  it('gives Delighted\'s published example: 10 of 20 answers agree → 50 (5-point scale)', () => {
    // https://help.delighted.com/article/249-how-is-ces-calculated: disagree (1–2) 5, neutral (3) 5, agree (4–5) 10 → CES 50.
    const ratings = col('Effort', 1, 2, 1, 2, 1, ...repeat(3, 5), 4, 5, 4, 5, 4, 5, 4, 5, 4, 5);
    expect(call('CES', ratings, 5)).toBe(0.5);
  });

  it('counts 5–7 of 7 as agree by default (Delighted\'s 7-point scale), 10 of 20 → 0.5', () => {
    // https://help.delighted.com/article/534-ces-surveys: "Any response where the score was 5-7 (for the 7-point scale survey)".
    expect(call('CES', col('CES', ...repeat(7, 3), ...repeat(6, 3), ...repeat(5, 4), ...repeat(4, 6), ...repeat(1, 4)))).toBe(0.5);
    expect(call('CES', col(7, 6, 5, 4), null, 6)).toBe(0.5);
    expect(errorOf(() => call('CES', col(7, 0))).message).toBe('CES: 0 at row 2 is not a rating from 1 to 7');
  });

  it('reads agreement words in English and German: 7-point with a "Somewhat"/"eher" word, else 5-point', () => {
    expect(call('CES', col('Answer', 'Strongly agree', 'Somewhat agree', 'Neither agree nor disagree', 'Somewhat disagree'))).toBe(0.5);
    // 5-point: Agree (4) and Strongly agree (5) agree.
    expect(call('CES', col('Antwort', 'stimme voll und ganz zu', 'stimme zu', 'weder noch', 'stimme nicht zu'))).toBe(0.5);
    expect(call('CES', col('4 - Agree', '2 - Disagree', 'Offered', 'Strongly agree'), 5)).toBeCloseTo(2 / 3, 12);
    expect(errorOf(() => call('CES', col('Strongly agree', 'Agree'), 7)).message).toMatch(/^CES: scale_max 7 does not fit the ratings, which are words of the 5-point/);
    expect(errorOf(() => call('CES', col('Rating', 'Agree', 'meh'))).message).toMatch(/^CES: "meh" at row 3 /);
  });
});

describe('RESPONSE_RATE', () => {
  it('counts one row per surveyed ticket down to the last answer: blanks and Offered sent, Not offered left out', () => {
    // Sent: Good, blank, Offered, Bad, Good, No rating → 6; answered 3. The trailing blanks and Not offered do not count.
    const answers = col('Satisfaction', 'Good', '', 'Offered', 'Bad', 'Not offered', 'Good', 'No rating', null, null);
    expect(call('RESPONSE_RATE', answers)).toBe(0.5);
    expect(call('RESPONSE_RATE', col('Score', 9, null, '10 - Extremely likely', 'nicht angeboten', 'angeboten'))).toBeCloseTo(2 / 4, 12);
  });

  it('counts every row of a period inside KPI_BY_PERIOD: a blank answer there is a survey sent, even at the end of the period', () => {
    // Sent in March: 5, blank, blank (non-responders at the end of the month); April: blank, 4.
    const sent = col('Sent', serial('2026-03-02'), serial('2026-03-09'), serial('2026-03-30'), serial('2026-04-01'), serial('2026-04-20'));
    const answers = col('Rating', 5, null, null, null, 4);
    expect(call('KPI_BY_PERIOD', 'RESPONSE_RATE', sent, 'month', answers)).toEqual([
      ['Period', 'Rows', 'Value'],
      ['2026-03', 3, 1 / 3],
      ['2026-04', 2, 0.5],
    ]);
    // The whole column alone: the rows below its last answer are unused rows, not surveys.
    expect(call('RESPONSE_RATE', col('Rating', 5, null, null))).toBe(1);
  });

  it('divides by sent when given, a number or a range summed, and names impossible inputs', () => {
    const answers = col('Rating', 5, 4, 3, null);
    expect(call('RESPONSE_RATE', answers, 12)).toBe(0.25);
    expect(call('RESPONSE_RATE', answers, col('Sent', 4, 8))).toBe(0.25);
    expect(errorOf(() => call('RESPONSE_RATE', answers, 2)).message).toBe('RESPONSE_RATE: answers holds 3 answers but sent is 2; there cannot be more answers than surveys sent');
    expect(errorOf(() => call('RESPONSE_RATE', answers, 0)).message).toBe('RESPONSE_RATE: sent is 0: with no survey sent there is no response rate');
    expect(errorOf(() => call('RESPONSE_RATE', col('Rating', 5, 'great!!'))).message).toMatch(/^RESPONSE_RATE: "great!!" at row 3 of answers is not an answer/);
    expect(errorOf(() => call('RESPONSE_RATE', col('Rating', 'Not offered'))).kind).toBe('na');
  });
});

describe('GROUP_SIGNIFICANCE', () => {
  // Phone: 40 answers, 30 promoters, 5 detractors (NPS 62.5); chat: 40 answers, 12 promoters, 18 detractors (NPS −15);
  // mail: 10 answers, all 10 (too few to test). A header row and blank groups are left out.
  const groups = col('Channel', ...repeat('phone', 40), ...repeat('chat', 40), ...repeat('mail', 10), null, null);
  const scores = col('Score', ...repeat(10, 30), ...repeat(8, 5), ...repeat(2, 5), ...repeat(9, 12), ...repeat(7, 10), ...repeat(4, 18), ...repeat(10, 10), 0, 10);

  it('tests each group\'s NPS against all other grouped answers (unpooled z-test), blank under 30 answers', () => {
    const t = call('GROUP_SIGNIFICANCE', 'NPS', groups, scores) as unknown[][];
    expect(t[0]).toEqual(['Group', 'Responses', 'Value', 'Others', 'Difference', 'Significant']);
    expect(t.map((r) => r[0])).toEqual(['Group', 'chat', 'phone', 'mail']); // 40, 40 (ties by code point), 10
    // Phone against chat + mail: 50 answers, 22 promoters, 18 detractors → NPS 8.
    const phone = t[2];
    expect(phone.slice(0, 5)).toEqual(['phone', 40, 62.5, 8, 54.5]);
    expect(phone[5]).toBe(npsDiffSignificant(30 / 40, 5 / 40, 40, 22 / 50, 18 / 50, 50));
    expect(phone[5]).toBe(true);
    expect(t[3].slice(0, 3)).toEqual(['mail', 10, 100]);
    expect(t[3][5]).toBe(''); // 10 answers: too few
  });

  it('tests CSAT and CES shares with the pooled two-proportion z-test, reading rating words', () => {
    const g = col('Agent', ...repeat('Ann', 35), ...repeat('Bo', 35));
    const r = col('CSAT', ...repeat('Good', 30), ...repeat('Bad', 5), ...repeat('Good', 20), ...repeat('Bad', 15));
    const t = call('GROUP_SIGNIFICANCE', 'csat', g, r) as unknown[][];
    expect(t[1][0]).toBe('Ann');
    expect(t[1][2]).toBeCloseTo(30 / 35, 12);
    expect(t[1][3]).toBeCloseTo(20 / 35, 12);
    expect(t[1][5]).toBe(Math.abs(pooledTwoProportionZ(30, 35, 20, 35)) >= Z);
    const ces = call('GROUP_SIGNIFICANCE', 'CES', col('A', 'A', 'B', 'B'), col(7, 5, 2, 6)) as unknown[][];
    expect(ces.slice(1)).toEqual([['A', 2, 1, 0.5, 0.5, ''], ['B', 2, 0.5, 1, -0.5, '']]);
  });

  it('says what is wrong', () => {
    expect(errorOf(() => call('GROUP_SIGNIFICANCE', 'AHT', groups, scores)).message).toBe('GROUP_SIGNIFICANCE: kpi "AHT" is not "NPS", "CSAT" or "CES"');
    expect(errorOf(() => call('GROUP_SIGNIFICANCE', 'NPS', groups, col(1, 2))).message).toBe('GROUP_SIGNIFICANCE: groups has 93 cells but scores has 2; the ranges must be the same size');
    expect(errorOf(() => call('GROUP_SIGNIFICANCE', 'NPS', groups, col('Score', ...repeat(11, 92)))).message).toBe('GROUP_SIGNIFICANCE: 11 at row 2 is not a score from 0 to 10');
    const single = call('GROUP_SIGNIFICANCE', 'NPS', col('x', 'x'), col(10, 0)) as unknown[][];
    expect(single[1]).toEqual(['x', 2, 0, '', '', '']);
  });
});
