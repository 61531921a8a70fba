import * as F from '@formulajs/formulajs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, col, errorOf } from '../helpers/call.js';

const row = (t: unknown) => (t as unknown[][])[1] as number[];

describe('ERLANG_C', () => {
  it('gives pyworkforce\'s published staffing: 100 contacts in 30 min, AHT 3 min, 80 % in 0.33 min, shrinkage 0.3', () => {
    // pyworkforce queuing/tests/test_erlang.py, test_expected_erlangc_results: raw_positions 14, positions 20,
    // service_level 0.888, occupancy 0.714, waiting_probability 0.174 (there with max_occupancy 0.85; asa 0.33 min = 19.8 s).
    for (const maxOcc of [undefined, 0.85]) {
      const t = call('ERLANG_C', 100, 30, 180, 0.8, 19.8, 0.3, maxOcc) as unknown[][];
      expect(t[0]).toEqual(['Agents', 'Staff', 'Service level', 'ASA (s)', 'Occupancy', 'Wait probability']);
      const [agents, staff, sl, asa, occ, p] = row(t);
      expect([agents, staff]).toEqual([14, 20]);
      expect(sl.toFixed(3)).toBe('0.888');
      expect(occ.toFixed(3)).toBe('0.714');
      expect(p.toFixed(3)).toBe('0.174');
      // ASA = P·AHT/(N − A) = 0.17413 × 180 / 4 = 7.84 s (by hand).
      expect(asa.toFixed(2)).toBe('7.84');
    }
  });

  it('honours max_occupancy as pyworkforce\'s test_over_occupancy_erlangc: 15 agents, 22 staff', () => {
    const [agents, staff, sl, , occ, p] = row(call('ERLANG_C', 100, 30, 180, 0.8, 19.8, 0.3, 0.7));
    expect([agents, staff]).toEqual([15, 22]);
    expect([sl.toFixed(3), occ.toFixed(3), p.toFixed(3)]).toEqual(['0.941', '0.667', '0.102']);
  });

  it('needs nobody without contacts, and names bad inputs', () => {
    expect(row(call('ERLANG_C', 0, 30, 180, 0.8, 20))).toEqual([0, 0, 1, 0, 0, 0]);
    expect(errorOf(() => call('ERLANG_C', 100, 30, 180, 80, 20)).message).toBe('ERLANG_C: target_level 80 must be between 0 and 1 (exclusive) (write 0.8 for 80 %)');
    expect(errorOf(() => call('ERLANG_C', 100, 0, 180, 0.8, 20)).message).toBe('ERLANG_C: interval_minutes 0 must be greater than 0');
    expect(errorOf(() => call('ERLANG_C', -1, 30, 180, 0.8, 20)).message).toBe('ERLANG_C: contacts -1 must be 0 or more');
    expect(errorOf(() => call('ERLANG_C', 100, 30, 180, 0.8, 20, 1)).message).toBe('ERLANG_C: shrinkage 1 must be between 0 and 1 (0 included, 1 not)');
    expect(errorOf(() => call('ERLANG_C', 100, 30, 180, 0.8, 20, 0, 0)).message).toBe('ERLANG_C: max_occupancy 0 must be between 0 and 1 (0 not included, 1 included)');
    expect(errorOf(() => call('ERLANG_C', 1e12, 1, 1e6, 0.8, 20)).message).toMatch(/^ERLANG_C: the traffic of .* Erlangs, more than this computes/);
    // Excel single cells as [[x]].
    expect(row(call('ERLANG_C', [[100]], [[30]], [[180]], [[0.8]], [[19.8]], [[0.3]], [[null]]))[0]).toBe(14);
  });

  it('returns the fewest agents meeting the target: one fewer misses it (property)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 10, max: 900 }), fc.double({ min: 0.05, max: 0.99, noNaN: true }),
      fc.integer({ min: 0, max: 120 }), fc.double({ min: 0.3, max: 1, noNaN: true }),
      (contacts, aht, level, target, maxOcc) => {
        const [agents, , sl, , occ] = row(call('ERLANG_C', contacts, 30, aht, level, target, 0, maxOcc));
        expect(sl).toBeGreaterThanOrEqual(level - 1e-12);
        expect(occ).toBeLessThanOrEqual(maxOcc + 1e-12);
        expect(call('ERLANG_C_SERVICE_LEVEL', agents, contacts, 30, aht, target)).toBe(sl);
        const fewer = agents - 1;
        const traffic = (contacts * aht) / 1800;
        const fewerMisses = (call('ERLANG_C_SERVICE_LEVEL', fewer, contacts, 30, aht, target) as number) < level || traffic / fewer > maxOcc;
        expect(fewerMisses).toBe(true);
      },
    ), { numRuns: 300 });
  });
});

describe('ERLANG_C_SERVICE_LEVEL', () => {
  it('gives 0 at or below the traffic and 1 without contacts', () => {
    expect(call('ERLANG_C_SERVICE_LEVEL', 10, 100, 30, 180, 20)).toBe(0); // A = 10 Erlangs
    expect(call('ERLANG_C_SERVICE_LEVEL', 3, 0, 30, 180, 20)).toBe(1);
    expect(errorOf(() => call('ERLANG_C_SERVICE_LEVEL', 10.5, 100, 30, 180, 20)).message).toBe('ERLANG_C_SERVICE_LEVEL: agents 10.5 must be a whole number, 0 or more');
  });

  it('agrees with the native spreadsheet form P = POISSON.DIST(N,A,FALSE)/(POISSON.DIST(N,A,FALSE)+(1−A/N)·POISSON.DIST(N−1,A,TRUE)) (formulajs)', () => {
    const poisson = (F as unknown as { POISSON: { DIST: (x: number, m: number, c: boolean) => number } }).POISSON.DIST;
    for (const [n, a] of [[14, 10], [12, 10.5], [40, 33.3], [120, 100]]) {
      const pn = poisson(n, a, false);
      const p = pn / (pn + (1 - a / n) * poisson(n - 1, a, true));
      const sl = 1 - p * Math.exp((-(n - a) * 20) / 180);
      const contacts = (a * 1800) / 180; // A = contacts × 180 s ÷ 1800 s
      expect(call('ERLANG_C_SERVICE_LEVEL', n, contacts, 30, 180, 20)).toBeCloseTo(sl, 9);
    }
  });

  it('stays accurate at 10,000 Erlangs and beyond (against a log-space sum of the Poisson terms)', () => {
    // Erlang C = t_N·N/(N−A) ÷ (Σ_{k<N} t_k + t_N·N/(N−A)), t_k = A^k/k!, summed in logs.
    const erlangCLog = (n: number, a: number): number => {
      const logs: number[] = [0];
      for (let k = 1; k <= n; k++) logs.push(logs[k - 1] + Math.log(a) - Math.log(k));
      const top = logs[n] + Math.log(n / (n - a));
      const max = Math.max(top, ...logs.slice(0, n));
      let sum = Math.exp(top - max);
      for (let k = 0; k < n; k++) sum += Math.exp(logs[k] - max);
      return Math.exp(top - max) / sum;
    };
    for (const [n, a] of [[10_100, 10_000], [10_050, 10_000], [20_200, 20_000]]) {
      const p = erlangCLog(n, a);
      const sl = 1 - p * Math.exp((-(n - a) * 20) / 300);
      const contacts = (a * 3600) / 300; // one-hour interval, AHT 300 s
      expect(call('ERLANG_C_SERVICE_LEVEL', n, contacts, 60, 300, 20)).toBeCloseTo(sl, 9);
    }
  });
});

describe('RATIO_OF_SUMS', () => {
  it('divides the sums, as SUM(…)/SUM(…) of a daily export', () => {
    // Three days: 50 of 1,000, 12 of 100 and 0 of 200 offered calls abandoned; header row, blank day.
    expect(call('RATIO_OF_SUMS', col('Abandoned', 50, 12, 0, null), col('Offered', 1000, 100, 200, null))).toBeCloseTo(62 / 1300, 15);
    expect(errorOf(() => call('RATIO_OF_SUMS', col(1, 2), col(0, 0))).kind).toBe('na');
    expect(errorOf(() => call('RATIO_OF_SUMS', col(1, 2), col(3))).message).toBe('RATIO_OF_SUMS: numerators has 2 cells but denominators has 1; the ranges must be the same size');
  });
});
