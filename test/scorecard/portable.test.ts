import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedOf, evaluate, workbookEnv } from '../../core/scorecard/evaluate.js';
import { exprText, local, num } from '../../core/scorecard/formula.js';
import { firstUnnamedFlag, firstUnreadable, flagCriteria, nativeReadable, nativeStatus, nativeWilson, periodBounds } from '../../core/scorecard/portable.js';
import type { Cell } from '../../core/values/context.js';
import { periodLabel } from '../../core/values/periods.js';
import { wilsonInterval } from '../../core/stats.js';
import { call, serial } from '../helpers/call.js';

const EMPTY = { sheets: [], timeZone: 'UTC' };

function withCells(cells: Record<string, Cell>) {
  return workbookEnv(EMPTY, (ref) => {
    const out: (Cell | null)[][] = [];
    for (let r = 0; r < (ref.rows ?? 1); r++) {
      const row: (Cell | null)[] = [];
      for (let c = 0; c < (ref.cols ?? 1); c++) row.push(cells[`${ref.row + r}:${ref.col + c}`] ?? null);
      out.push(row);
    }
    return out;
  });
}

describe('portable formulas', () => {
  describe('period bounds', () => {
    it('gives the half-open days of each period kind', () => {
      const d = serial('2026-12-31 18:00');
      expect(periodBounds(d, 'month')).toEqual({ start: serial('2026-12-01'), end: serial('2027-01-01') });
      expect(periodBounds(d, 'quarter')).toEqual({ start: serial('2026-10-01'), end: serial('2027-01-01') });
      expect(periodBounds(d, 'year')).toEqual({ start: serial('2026-01-01'), end: serial('2027-01-01') });
      // ISO weeks start on Monday: 31 Dec 2026 is a Thursday of week 2026-W53.
      expect(periodBounds(d, 'week')).toEqual({ start: serial('2026-12-28'), end: serial('2027-01-04') });
    });

    it('agrees with the core\'s period labels: every day of a period has its label, the next day does not', () => {
      fc.assert(fc.property(fc.integer({ min: 40_000, max: 50_000 }), fc.constantFrom('week', 'month', 'quarter', 'year' as const), (day, period) => {
        const { start, end } = periodBounds(day + 0.5, period);
        expect(periodLabel(start, period)).toBe(periodLabel(day, period));
        expect(periodLabel(end - 1, period)).toBe(periodLabel(day, period));
        expect(periodLabel(end, period)).not.toBe(periodLabel(day, period));
      }));
    });
  });

  describe('what data allows a native form', () => {
    it('accepts numbers, date cells and blanks, and refuses text dates and numeric text', () => {
      expect(nativeReadable([[46000.5], [null], [new Date(0)], ['']], 'date')).toBe(true);
      expect(nativeReadable([['2026-03-01']], 'date')).toBe(false);
      expect(nativeReadable([['9']], 'number')).toBe(false);
      expect(nativeReadable([[true]], 'number')).toBe(false);
      expect(nativeReadable([[10], [0]], 'answer')).toBe(true);
      // Out of scale is readable: the definition's rule turns it into the function's error.
      expect(nativeReadable([[8.5], [11]], 'answer')).toBe(true);
    });

    it('lets answers start with a header and hold survey non-answers, which the core reads as blanks and COUNTIFS passes over, but no other text', () => {
      expect(nativeReadable([['Score'], [10], ['  '], [3]], 'answer')).toBe(true);
      expect(nativeReadable([[10], ['n/a'], [3], ['No rating'], ['Offered'], ['keine Angabe'], ['N/A']], 'answer')).toBe(true);
      expect(nativeReadable([['Rating'], ['n/a'], [5]], 'answer')).toBe(true);
      // Other text below the first answer is a rating word or a number with a label to the catalog: no criterion reads it alike.
      expect(nativeReadable([[4], ['Satisfied']], 'answer')).toBe(false);
      expect(nativeReadable([[10], ['10 - Extremely likely']], 'answer')).toBe(false);
      expect(nativeReadable([['n/a'], ['Score'], [5]], 'answer')).toBe(false);
      expect(firstUnreadable([[4], [null], ['Good']], 'answer')).toEqual({ row: 2, value: 'Good' });
      // A first cell is a header only when the core would not read it as an answer.
      expect(firstUnreadable([['10 - Extremely likely'], [9]], 'answer')).toEqual({ row: 0, value: '10 - Extremely likely' });
      expect(firstUnreadable([['Very satisfied']], 'answer')).toEqual({ row: 0, value: 'Very satisfied' });
      expect(firstUnreadable([['How likely?'], [9]], 'answer')).toBeUndefined();
      expect(nativeReadable([[10], ['9']], 'answer')).toBe(false);
      expect(nativeReadable([['2026-03-01']], 'answer')).toBe(false);
      expect(nativeReadable([['#N/A']], 'answer')).toBe(false);
      expect(nativeReadable([['n/a']], 'date')).toBe(false);
    });

    it('names flag words exactly as they occur, and refuses what a criterion cannot name', () => {
      const f = flagCriteria([['yes'], ['Ja'], ['no'], [null], ['x']])!;
      expect(f.truthy.map((e) => exprText(e, 'sheets'))).toEqual(['"yes"', '"ja"', '"x"']);
      expect(f.falsy.map((e) => exprText(e, 'sheets'))).toEqual(['"no"']);
      expect(flagCriteria([[true], [false]])!.truthy.map((e) => exprText(e, 'sheets'))).toEqual(['TRUE']);
      expect(flagCriteria([[1], [0]])!.falsy.map((e) => exprText(e, 'sheets'))).toEqual(['0']);
      // LibreOffice stores TRUE as 1: booleans mixed with 1/0 would be counted twice.
      expect(flagCriteria([[true], [1]])).toBeUndefined();
      expect(flagCriteria([[' yes']])).toBeUndefined();
      expect(flagCriteria([['yes'], ['maybe']])).toBeUndefined();
      // A first text that is no flag is the header, as the core reads it: no criterion counts it.
      expect(flagCriteria([['Converted'], ['yes'], ['no']])!.truthy.map((e) => exprText(e, 'sheets'))).toEqual(['"yes"']);
      expect(firstUnnamedFlag([['Converted'], ['yes'], ['Converted']])).toEqual({ row: 2, value: 'Converted' });
      expect(flagCriteria([[2]])).toBeUndefined();
    });
  });

  describe('the native status formula', () => {
    const status = nativeStatus(local(1, 1), local(1, 2), local(1, 3), 0.05);

    it('agrees with KPI_STATUS for any actual, target and direction (English or German words)', () => {
      const value = fc.oneof(fc.integer({ min: -200, max: 200 }).map((n) => n / 4), fc.double({ min: -1e3, max: 1e3, noNaN: true }));
      fc.assert(fc.property(value, value, fc.constantFrom('higher', 'lower', 'höher', 'niedriger'), (actual, target, direction) => {
        const native = cachedOf(evaluate(status, withCells({ '1:1': actual, '1:2': target, '1:3': direction }))).cached;
        expect(native).toBe(call('KPI_STATUS', actual, target, direction, 0.05));
      }), { numRuns: 500 });
    });

    it('is "" without a target or an actual, and kind on the boundary', () => {
      const at = (cells: Record<string, Cell>) => cachedOf(evaluate(status, withCells(cells))).cached;
      expect(at({ '1:1': 50, '1:3': 'higher' })).toBe('');
      expect(at({ '1:1': '', '1:2': 50, '1:3': 'higher' })).toBe('');
      // 0.855 is exactly 5 % short of 0.9 (up to rounding): amber, not red.
      expect(at({ '1:1': 0.855, '1:2': 0.9, '1:3': 'higher' })).toBe('amber');
      expect(at({ '1:1': 0.1, '1:2': 0, '1:3': 'lower' })).toBe('red');
    });
  });

  it('computes the Wilson interval of CSAT_CI from a share and a count', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 500 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
      const x = Math.round(f * n);
      const env = withCells({ '1:1': x / n, '1:2': n });
      const [low, high] = wilsonInterval(x, n, 0.95);
      expect(cachedOf(evaluate(nativeWilson(local(1, 1), local(1, 2), 'low'), env)).cached).toBeCloseTo(low, 12);
      expect(cachedOf(evaluate(nativeWilson(local(1, 1), local(1, 2), 'high'), env)).cached).toBeCloseTo(high, 12);
    }));
    // No share yet: "".
    expect(cachedOf(evaluate(nativeWilson(local(1, 1), num(10), 'low'), withCells({ '1:1': '' }))).cached).toBe('');
  });
});
