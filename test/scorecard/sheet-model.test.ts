/**
 * Formulas reading the scorecard's own cells see the cells as planned so far, also when a read of
 * the same range is kept between formulas (plan/sheet-model.ts): a cell written, overwritten or
 * spilled into after a read changes what the next formula reads. Values by hand.
 */
import { describe, expect, it } from 'vitest';
import { cachedOf, workbookEnv } from '../../core/scorecard/evaluate.js';
import { fn, local, num, str } from '../../core/scorecard/formula.js';
import { SheetWriter } from '../../core/scorecard/plan/sheet-model.js';
import type { Expr } from '../../core/scorecard/types.js';

function writer(): SheetWriter {
  let w: SheetWriter | undefined;
  const env = workbookEnv({ sheets: [], timeZone: 'UTC' }, (ref) => w!.model.read(ref));
  w = new SheetWriter(env, 'sheets');
  return w;
}

const value = (w: SheetWriter, e: Expr) => cachedOf(w.evaluate(e)).cached;
/** B2:B6 */
const column = local(2, 2, 5, 1);

describe('formulas over the scorecard\'s own cells', () => {
  it('read a range again after one of its cells is written or overwritten', () => {
    const w = writer();
    w.putValue(2, 2, 10);
    w.putValue(3, 2, 20);
    expect(value(w, fn('SUM', column))).toBe(30);
    expect(value(w, fn('COUNT', column))).toBe(2);
    w.putFormula(4, 2, num(5));
    expect(value(w, fn('SUM', column))).toBe(35);
    w.putValue(2, 2, 1);
    expect(value(w, fn('SUM', column))).toBe(26);
    // A cell outside the range (another column, a row below it) changes nothing it reads.
    w.putValue(3, 3, 100);
    w.putValue(7, 2, 100);
    expect(value(w, fn('SUM', column))).toBe(26);
    expect(value(w, fn('INDEX', column, num(5)))).toBe('');
  });

  it('look a label up in a table spilled above them, and again after a later spill', () => {
    const w = writer();
    const spill = (k: number): Expr => local(11, 2 + k, 20, 1);
    const lookup = (label: string): Expr => fn('IFERROR', fn('INDEX', spill(1), fn('MATCH', str(label), spill(0), num(0))), str('none'));
    w.model.spill(10, 2, [['Period', 'Value'], ['2026-01', 4], ['2026-02', 7]]);
    expect(value(w, lookup('2026-02'))).toBe(7);
    expect(value(w, lookup('2026-03'))).toBe('none');
    w.model.spill(10, 2, [['Period', 'Value'], ['2026-01', 4], ['2026-02', 8], ['2026-03', 9]]);
    expect(value(w, lookup('2026-02'))).toBe(8);
    expect(value(w, lookup('2026-03'))).toBe(9);
  });
});
