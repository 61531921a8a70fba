/**
 * The evaluator's ways of finding the rows a list of criteria picks (evaluate/criteria.ts) — numeric
 * tests on typed arrays (comparisons, blank and not blank), a byte per cell kept for a criterion
 * asked again (flag words, TRUE, text), the memo of shared prefixes, the matcher cell by cell — all
 * give what the criteria mean cell by cell (criterionMatcher on each cell's value). Random columns
 * of numbers, dates, blanks, "" and text, held by row and by column; random COUNTIFS and SUMIFS
 * evaluated one after the other in one environment, as a plan does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { criterionMatcher, evaluate, isError, scalarOf, workbookEnv } from '../../core/scorecard/evaluate.js';
import { fn, num, range, str } from '../../core/scorecard/formula.js';
import type { Expr, SheetData, WorkbookData } from '../../core/scorecard/types.js';
import { wallClock } from '../../core/values/clock.js';
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE } from '../../core/values/typed-column.js';
import type { ColumnCells } from '../../core/values/typed-column.js';

const ZONE = 'Europe/Berlin';
const clock = wallClock(ZONE);

const numberCell = fc.oneof(fc.constant(null), fc.integer({ min: -2, max: 5 }), fc.constant(2.5));
const anyCell = fc.oneof(
  numberCell, fc.constant(''), fc.constantFrom('yes', 'Yes', 'no', ' 3', 'b'), fc.boolean(),
  fc.constantFrom(new Date(Date.UTC(2026, 2, 1, 10)), new Date(Date.UTC(2026, 2, 29, 1, 30))),
);
const criterion = fc.constantFrom<string | number | boolean>(
  '', '<>', '=', '>', '>=2', '<3', '=0', '<>1', 2, 0, true, 'yes', '<>yes', 'no', '>=46082', '>2.5', '<=2.5', '<-1', '>=-2', '>1e999', '<1e999', '<=-1e999', 2.5,
);

/** A sheet of three columns (one of numbers and blanks only) as rows, and the same held by column. */
function sheets(rows: unknown[][]): { byRow: SheetData; byColumn: SheetData } {
  const cols: ColumnCells[] = [0, 1, 2].map((c) => {
    const kinds = new Uint8Array(rows.length), numbers = new Float64Array(rows.length);
    const texts: (string | undefined)[] = new Array(rows.length);
    rows.forEach((row, r) => {
      const v = row[c];
      if (typeof v === 'number') [kinds[r], numbers[r]] = [CELL_NUMBER, v];
      else if (v instanceof Date) [kinds[r], numbers[r]] = [CELL_DATE, v.getTime()];
      else if (typeof v === 'string') [kinds[r], texts[r]] = [CELL_TEXT, v];
      else if (typeof v === 'boolean') kinds[r] = v ? CELL_TRUE : CELL_FALSE;
      else kinds[r] = CELL_BLANK;
    });
    return { kinds, numbers, texts };
  });
  const base = { name: 'Data', originRow: 1, originCol: 1 };
  return {
    byRow: { ...base, values: rows },
    byColumn: { ...base, values: rows, columns: { length: rows.length, at: (r) => rows[r], column: (c) => cols[c] } },
  };
}

const colExpr = (c: number): Expr => range({ sheet: 'Data', firstRow: 1, lastRow: null, firstCol: c + 1, lastCol: c + 1 });

/** What the criteria pick, cell by cell: the count, and the sum of column `target`'s numbers there. */
function reference(rows: unknown[][], pairs: readonly [number, string | number | boolean][], target: number): { count: number; sum: number } {
  let count = 0, sum = 0;
  rows.forEach((row) => {
    const ok = pairs.every(([c, crit]) => {
      const m = criterionMatcher(crit);
      return !isError(m) && m(scalarOf(row[c] === '' ? null : row[c], clock));
    });
    if (!ok) return;
    count++;
    const v = scalarOf(row[target] === '' ? null : row[target], clock);
    if (typeof v === 'number') sum += v;
  });
  return { count, sum };
}

describe('the rows criteria pick', () => {
  it('are the same by every path as cell by cell (COUNTIFS and SUMIFS, by row and by column, one plan after another)', () => {
    const formulas = fc.array(fc.record({
      pairs: fc.array(fc.tuple(fc.nat(2), criterion), { minLength: 1, maxLength: 3 }),
      target: fc.nat(2),
    }), { minLength: 1, maxLength: 12 });
    const rowsArb = fc.array(fc.tuple(numberCell, anyCell, anyCell), { maxLength: 40 });
    fc.assert(fc.property(rowsArb, formulas, (rows, list) => {
      const { byRow, byColumn } = sheets(rows);
      for (const sheet of [byRow, byColumn]) {
        const data: WorkbookData = { timeZone: ZONE, sheets: [sheet] };
        const env = workbookEnv(data);
        // Each formula twice, the whole list twice over: prefixes and masks are reused as a plan reuses them.
        for (const round of [0, 1]) {
          for (const { pairs, target } of list) {
            const args = pairs.flatMap(([c, crit]): Expr[] => [colExpr(c), typeof crit === 'string' ? str(crit) : typeof crit === 'number' ? num(crit) : { kind: 'bool', value: crit }]);
            const want = reference(rows, pairs, target);
            const where = `${sheet.columns ? 'by column' : 'by row'}, round ${round}, ${JSON.stringify(pairs)}`;
            expect(evaluate(fn('COUNTIFS', ...args), env), where).toBe(want.count);
            expect(evaluate(fn('SUMIFS', colExpr(target), ...args), env), where).toBeCloseTo(want.sum, 9);
          }
        }
      }
    }), { numRuns: 400, seed: 1207 });
  });
});
