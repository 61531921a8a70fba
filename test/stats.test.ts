import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as formulajs from '@formulajs/formulajs';
import {
  erfc, median, normalQuantile, npsDiffSignificant, npsVariance, percentileInc, pooledTwoProportionZ, sortedNumbers,
  wilsonInterval, Z95, zForConfidence,
} from '../core/stats.js';

const f64 = (...xs: number[]) => new Float64Array(xs);

describe('normal quantiles', () => {
  it('gives the familiar two-sided critical values (checked against printed z tables)', () => {
    expect(zForConfidence(0.95)).toBeCloseTo(1.959964, 6);
    expect(zForConfidence(0.99)).toBeCloseTo(2.575829, 6);
    expect(zForConfidence(0.9)).toBeCloseTo(1.644854, 6);
    expect(Z95).toBeCloseTo(1.959964, 6);
  });

  it('is accurate in both tails and symmetric about the median', () => {
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 6); // Φ⁻¹(0.001), z table
    expect(normalQuantile(0.999)).toBeCloseTo(3.090232, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.3) + normalQuantile(0.7)).toBeCloseTo(0, 9);
  });

  it('is exact to 1e-15 relative after its refinement step (values of R\'s qnorm with 17 digits)', () => {
    const cases: [number, number][] = [
      [0.975, 1.959963984540054], [0.995, 2.5758293035489004], [0.9, 1.2815515655446004], [0.3, -0.5244005127080407],
      [0.025, -1.959963984540054], [0.001, -3.0902323061678132], [1e-10, -6.3613409024040557], [1e-6, -4.753424308822899],
    ];
    for (const [p, q] of cases) expect(Math.abs(normalQuantile(p) - q) / Math.abs(q), String(p)).toBeLessThanOrEqual(1e-15);
    // Acklam's approximation alone is off by about 1e-9 here: the refinement is what makes z exact.
    expect(Math.abs(zForConfidence(0.95) - 1.959963984540054)).toBeLessThanOrEqual(4e-16);
  });

  it('computes erfc as published (Abramowitz and Stegun table 7.1; erfc(−x) = 2 − erfc(x))', () => {
    expect(erfc(0)).toBe(1);
    expect(Math.abs(erfc(1) - 0.157299207050285131) / 0.157299207050285131).toBeLessThan(1e-15);
    expect(Math.abs(erfc(0.3) - 0.671373240540872583) / 0.671373240540872583).toBeLessThan(1e-15);
    expect(Math.abs(erfc(-1) - 1.842700792949714869)).toBeLessThan(4e-16);
    expect(erfc(30)).toBe(0);
  });

  it('refuses confidence levels outside (0, 1)', () => {
    for (const c of [0, 1, 95, -0.5, NaN]) expect(() => zForConfidence(c)).toThrow(RangeError);
  });
});

describe('the Wilson score interval', () => {
  it('gives [0.490, 0.943] for 8 of 10 at 95 %', () => {
    // centre = (0.8 + 3.8415/20)/(1 + 3.8415/10) = 0.71674; half = 1.96/1.38415·√(0.016 + 3.8415/400) = 0.22657
    const [low, high] = wilsonInterval(8, 10, 0.95);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it('stays inside [0, 1] and is not empty when none or all succeed', () => {
    // 0 of 10: centre = half = (3.8415/20)/1.38415 = 0.13877 → [0, 0.2775]
    const [low0, high0] = wilsonInterval(0, 10, 0.95);
    expect(low0).toBe(0);
    expect(high0).toBeCloseTo(0.2775, 4);
    const [low1, high1] = wilsonInterval(10, 10, 0.95);
    expect(low1).toBeCloseTo(1 - 0.2775, 4);
    expect(high1).toBe(1);
  });

  it('widens as the confidence rises', () => {
    const [l95, h95] = wilsonInterval(30, 50, 0.95);
    const [l99, h99] = wilsonInterval(30, 50, 0.99);
    expect(l99).toBeLessThan(l95);
    expect(h99).toBeGreaterThan(h95);
  });

  it('always contains the observed share and lies within [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        fc.double({ min: 0.5, max: 0.9999, noNaN: true }),
        ([x, n], conf) => {
          const [low, high] = wilsonInterval(x, n, conf);
          const p = x / n;
          expect(low).toBeGreaterThanOrEqual(0);
          expect(high).toBeLessThanOrEqual(1);
          expect(low).toBeLessThanOrEqual(p + 1e-12);
          expect(high).toBeGreaterThanOrEqual(p - 1e-12);
        },
      ),
    );
  });

  it('refuses a share that is not one', () => {
    expect(() => wilsonInterval(0, 0, 0.95)).toThrow(RangeError);
    expect(() => wilsonInterval(11, 10, 0.95)).toThrow(RangeError);
  });
});

describe('NPS variance and the unpooled z-test', () => {
  it('computes p + d − (p − d)²', () => {
    expect(npsVariance(0.6, 0.15)).toBeCloseTo(0.5475, 12); // 0.75 − 0.45²
    expect(npsVariance(0.5, 0.5)).toBe(1); // half +1, half −1: the largest spread
    expect(npsVariance(1, 0)).toBe(0); // all promoters: no spread
  });

  it('calls a large change significant and a small one not', () => {
    // Δ = (0.3 − 0.3) − (0.5 − 0.2) = −0.3; se = √(0.61/100 + 0.6/100) = 0.11; z = −2.73
    expect(npsDiffSignificant(0.5, 0.2, 100, 0.3, 0.3, 100)).toBe(true);
    // Δ = 0.2 − 0.3 = −0.1; se = √((0.61 + 0.56)/50) = 0.153; z = −0.65
    expect(npsDiffSignificant(0.5, 0.2, 50, 0.4, 0.2, 50)).toBe(false);
  });

  it('with no spread in either sample, calls any change significant and no change not', () => {
    expect(npsDiffSignificant(1, 0, 30, 1, 0, 30)).toBe(false);
    expect(npsDiffSignificant(1, 0, 30, 0, 1, 30)).toBe(true);
  });
});

describe('the pooled two-proportion z-test', () => {
  it('gives z = 2.2646 for 60 of 100 against 75 of 100', () => {
    // P = 135/200 = 0.675; se = √(0.675·0.325·(1/100 + 1/100)) = 0.066238; z = 0.15/0.066238
    expect(pooledTwoProportionZ(60, 100, 75, 100)).toBeCloseTo(2.2646, 4);
    expect(pooledTwoProportionZ(75, 100, 60, 100)).toBeCloseTo(-2.2646, 4);
  });

  it('gives 0 when both shares are 0 or both are 1', () => {
    expect(pooledTwoProportionZ(0, 10, 0, 20)).toBe(0);
    expect(pooledTwoProportionZ(10, 10, 20, 20)).toBe(0);
  });
});

describe('percentiles and the median', () => {
  it('interpolates like PERCENTILE.INC', () => {
    // rank = 0.9·(4 − 1) = 2.7 → 3 + 0.7·(4 − 3)
    expect(percentileInc(f64(1, 2, 3, 4), 0.9)).toBeCloseTo(3.7, 12);
    expect(percentileInc(f64(1, 2, 3, 4), 0)).toBe(1);
    expect(percentileInc(f64(1, 2, 3, 4), 1)).toBe(4);
    expect(percentileInc(f64(7), 0.3)).toBe(7);
  });

  it('agrees with formulajs PERCENTILE.INC on any data', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 50 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, k) => {
          const expected = formulajs.PERCENTILE.INC(xs, k) as number;
          expect(percentileInc(sortedNumbers(f64(...xs)), k)).toBeCloseTo(expected, 6);
        },
      ),
    );
  });

  it('refuses k outside [0, 1] and an empty list', () => {
    expect(() => percentileInc(f64(1, 2), 1.5)).toThrow(RangeError);
    expect(() => percentileInc(f64(), 0.5)).toThrow(RangeError);
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median(f64(1, 2, 3, 10))).toBe(2.5);
    expect(median(sortedNumbers(f64(3, 1, 2)))).toBe(2);
    expect(() => median(f64())).toThrow(RangeError);
  });

  it('sorts numerically and drops blanks before ranking', () => {
    // A text sort would put 100 before 9.
    expect(Array.from(sortedNumbers(f64(10, NaN, 9, 100, -1)))).toEqual([-1, 9, 10, 100]);
  });
});
