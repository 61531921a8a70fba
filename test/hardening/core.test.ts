/**
 * The core against hostile cells, and the fast paths the benchmarks asked for held to the general
 * ones: a column is read in one pass on the assumption that its rows are one-cell arrays (checked
 * row by row, falling back to the general grid), KPI_BY_PERIOD / KPI_BY_GROUP tally NPS and CSAT
 * for every segment in one pass, and the clock and the period index cache per day in small
 * direct-mapped tables. Each must give exactly what the plain path gives.
 */
import fc from 'fast-check';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { wallClock } from '../../core/values/clock.js';
import { periodIndex, periodLabel } from '../../core/values/periods.js';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';
import { AWKWARD, INJECTIONS, LONGEST_CELL } from './hostile.js';

describe('hostile text in numeric and date ranges', () => {
  it('skips formula text, markup, emoji and a 32,767-character cell in a numeric range like any other header text', () => {
    // Amounts 10, 9, 3 → 22; everything else is text and skipped.
    expect(call('CASH_FLOW', col(...INJECTIONS, ...AWKWARD, LONGEST_CELL, 10, 9, 3))).toBe(22);
  });

  it('takes such text as the header of a score column, and names it (short) anywhere below it (v3 strict rule)', () => {
    for (const bad of [...INJECTIONS, ...AWKWARD, LONGEST_CELL]) {
      // Scores 10, 9, 3 → (2 − 1) / 3 = 33.3 points.
      expect(call('NPS', col(bad, 10, 9, 3))).toBeCloseTo(100 / 3, 12);
      const e = errorOf(() => call('NPS', col('Score', 10, bad, 3)));
      expect(e.message).toMatch(/^NPS: ".*" at row 3 is not a score from 0 to 10$/s);
      expect(e.message.length).toBeLessThan(300);
    }
  });

  it('keeps messages short when the offending cell holds 32,767 characters', () => {
    const dateLike = `2026-13-45 ${'x'.repeat(32_756)}`;
    const e = errorOf(() => call('AVG_RESOLUTION', col(serial('2026-01-01')), col(dateLike)));
    expect(e.message).toMatch(/^AVG_RESOLUTION: "2026-13-45 x+…" at row 1/);
    expect(e.message.length).toBeLessThan(300);
  });

  it('finds terms in comments full of emoji, right-to-left marks, control characters and markup', () => {
    const texts = col('Comment', ...AWKWARD, ...INJECTIONS, LONGEST_CELL, 'sehr freundlich', 'freundlich und schnell');
    const table = call('BRAND_ATTRIBUTES', texts, 5) as unknown[][];
    expect(table[0]).toEqual(['Term', 'Mentions', 'Share']);
    for (const [term] of table.slice(1)) expect(String(term)).not.toMatch(/[<>="|]/);
  });
});

describe('a column read in one pass', () => {
  // The same cells as a clean column and as arrays a JavaScript caller might pass: a scalar row,
  // a row with two cells, an empty row — first and last rows still look like a column.
  const clean = col(10, 9, 8, 3, null, 7, 10);
  const mixed: unknown[] = [[10], 9, [8, 3], [], [7], [10]];

  it('gives what the general grid gives when a middle row is not a one-cell array', () => {
    // Mixed: rows 10 | 9 | 8, 3 | (blank) | 7 | 10 as a 2-column grid → the same seven cells in
    // another order plus blanks: 3 promoters (10, 9, 10), 2 passives (8, 7), 1 detractor (3).
    expect(call('NPS', mixed)).toBeCloseTo(call('NPS', clean) as number, 12);
    expect(call('CSAT', mixed, 10, 9)).toBeCloseTo(3 / 6, 12);
  });

  it('gives the same durations when the opened and resolved columns hold odd rows', () => {
    const opened = [[serial('2026-01-01T08:00')], serial('2026-01-02T08:00'), [serial('2026-01-03T08:00')]];
    const resolved = [[serial('2026-01-01T12:00')], [serial('2026-01-02T10:00')], [serial('2026-01-03T09:00')]];
    // 4 h, 2 h, 1 h → 7/3 h.
    expect(call('AVG_RESOLUTION', opened, resolved)).toBeCloseTo(7 / 3, 12);
    expect(call('ACTIVE_ISSUES', opened, [[null], [null], [serial('2026-01-03T09:00')]])).toBe(2);
  });

  it('reads Dates from another realm (an Apps Script or vm context) as Dates of this one', () => {
    const foreign = vm.runInNewContext('(ms) => ms.map((m) => [m === null ? "" : new Date(m)])') as (ms: (number | null)[]) => unknown[][];
    const ms = [Date.UTC(2026, 2, 28, 23), Date.UTC(2026, 9, 24, 22), Date.UTC(2026, 5, 1, 8)];
    const later = [Date.UTC(2026, 2, 29, 3), Date.UTC(2026, 9, 25, 3), null];
    const local = (xs: (number | null)[]) => xs.map((m) => [m === null ? '' : new Date(m)]);
    const a = callIn('Europe/Berlin', 'AVG_RESOLUTION', foreign(ms), foreign(later));
    const b = callIn('Europe/Berlin', 'AVG_RESOLUTION', local(ms), local(later));
    // Wall clock in Berlin: 00:00 → 05:00 across the spring change is 4 h; 00:00 → 04:00 across the
    // autumn change is 5 h (=B2−A2 on the wall clock); mean 4.5 h.
    expect(a).toBe(b);
    expect(a).toBeCloseTo(4.5, 9);
  });
});

describe('KPI_BY_PERIOD and KPI_BY_GROUP in one pass', () => {
  const scoreCell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 10 }) },
    { weight: 1, arbitrary: fc.constantFrom(null, '', 'n/a', 'Offered', 'Not offered', '8 - likely') },
  );
  const dayCell = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: 800 }).map((d) => serial('2025-06-01') + d + 0.4) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
  const rows = fc.array(fc.tuple(dayCell, scoreCell, fc.constantFrom('mail', 'phone', 'chat', '')), { minLength: 1, maxLength: 120 });

  /** The table the general path gives: the KPI on each period's rows, cut by hand. */
  function byHand(kpi: string, keys: unknown[], values: unknown[], label: (k: unknown) => string | undefined, extra: unknown[] = []): [string, number, number | string][] {
    const groups = new Map<string, number[]>();
    keys.forEach((k, i) => {
      const l = label(k);
      if (l === undefined) return;
      if (!groups.has(l)) groups.set(l, []);
      groups.get(l)!.push(i);
    });
    return [...groups.entries()].map(([l, idx]) => {
      let v: number | string;
      try {
        v = call(kpi, idx.map((i) => [values[i]]), ...extra) as number;
      } catch {
        v = '';
      }
      return [l, idx.length, v];
    });
  }

  it('gives per period exactly the NPS of that period\'s rows', () => {
    fc.assert(fc.property(rows, (rs) => {
      // With a header row, as a whole-column reference has.
      const dates = ['Date', ...rs.map((r) => r[0])], scores = ['Score', ...rs.map((r) => r[1])];
      if (!dates.some((d) => typeof d === 'number')) {
        expect(errorOf(() => call('KPI_BY_PERIOD', 'NPS', col(...dates), 'month', col(...scores))).message).toMatch(/no data/);
        return;
      }
      const table = call('KPI_BY_PERIOD', 'NPS', col(...dates), 'month', col(...scores)) as unknown[][];
      const expected = byHand('NPS', dates, scores, (d) => (typeof d === 'number' ? periodLabel(d, 'month') : undefined))
        .sort((a, b) => (a[0] < b[0] ? -1 : 1));
      expect(table.slice(1)).toEqual(expected);
    }), { numRuns: 150 });
  });

  it('gives per group exactly the CSAT of that group\'s rows, with its scale', () => {
    fc.assert(fc.property(rows, (rs) => {
      // A header row first (the group rule skips it); data rows never sit where a header would.
      const groups = ['Channel', ...rs.map((r) => r[2])], ratings = ['Rating', ...rs.map((r) => r[1])];
      let table: unknown[][];
      try {
        table = call('KPI_BY_GROUP', 'CSAT', col(...groups), col(...ratings), 10, 9) as unknown[][];
      } catch (e) {
        expect((e as Error).message).toMatch(/no data/);
        return;
      }
      const expected = byHand('CSAT', groups, ratings, (g) => (typeof g === 'string' && g !== '' && g !== 'Channel' ? g : undefined), [10, 9])
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      expect(table.slice(1)).toEqual(expected);
    }), { numRuns: 150 });
  });

  it('reports a bad score at its row in the whole range, as before', () => {
    const dates = col('Date', serial('2026-01-05'), serial('2026-02-05'), serial('2026-02-06'));
    const e = errorOf(() => call('KPI_BY_PERIOD', 'NPS', dates, 'month', col('Score', 9, 11, 3)));
    expect(e.message).toBe('KPI_BY_PERIOD: NPS: 11 at row 3 is not a score from 0 to 10');
  });
});

describe('the per-day caches', () => {
  it('convert instants 4096 days apart (one cache slot) to the right wall clock', () => {
    const clock = wallClock('Europe/Berlin');
    const format = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Berlin', hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' });
    const wall = (ms: number): number => {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(ms)) p[part.type] = +part.value;
      return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) / 86_400_000 + 25_569;
    };
    // Summer in one, winter in the other, alternating so each lookup evicts the other.
    const a = Date.UTC(2020, 6, 1, 12), b = a + 4096 * 86_400_000 - 183 * 86_400_000;
    for (let k = 0; k < 4; k++) {
      for (const ms of [a, b, a + 4096 * 86_400_000]) expect(clock.serialOfInstant(ms)).toBeCloseTo(wall(ms), 9);
    }
  });

  it('label every row of dates spread over thirty years (more days than the cache holds)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 35_000, max: 46_000 }), { minLength: 1, maxLength: 300 }), (days) => {
      const { labels, index } = periodIndex(Float64Array.from(days, (d) => d + 0.5), 'month');
      days.forEach((d, i) => expect(labels[index[i]]).toBe(periodLabel(d, 'month')));
    }), { numRuns: 100 });
  });
});
