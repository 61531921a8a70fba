/**
 * Date serials in the copies of data sheets are written as `${v}` prints them; between 32768 and
 * 65536 the writer takes a serial's digits after the point from a table kept per fraction
 * (write-data-sheet.ts serialFraction). Property test: whole days and those digits are exactly
 * String(v), for serials made from instants at any resolution (ms, s, min) and for any double in
 * the range, asked once (made) and again (from the table).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialFraction } from '../../cli/write-data-sheet.js';

const written = (v: number): string | undefined => {
  const f = serialFraction(v);
  return f === undefined ? undefined : `${Math.floor(v)}${Buffer.from(f).toString('latin1')}`;
};

describe('date serials in a copy', () => {
  it('are printed as String() prints them, from the table of fractions as when made', () => {
    const from = Date.UTC(1989, 8, 1), to = Date.UTC(2079, 6, 1);
    const instant = fc.tuple(fc.integer({ min: from, max: to }), fc.constantFrom(1, 1000, 60_000, 3_600_000))
      .map(([ms, unit]) => Math.round(ms / unit) * unit / 86_400_000 + 25_569);
    const any = fc.double({ min: 32_000, max: 66_000, noNaN: true });
    const whole = fc.integer({ min: 32_000, max: 66_000 });
    fc.assert(fc.property(fc.oneof(instant, any, whole), (v) => {
      for (const round of [1, 2]) {
        const text = written(v);
        if (v >= 32_768 && v < 65_536) expect(text, `round ${round}`).toBe(String(v));
        else expect(text).toBeUndefined();
      }
    }), { numRuns: 20_000, seed: 2026 });
  });

  it('leaves serials outside 1989–2079 to String() (the spacing of doubles differs there)', () => {
    expect(serialFraction(32_767.5)).toBeUndefined();
    expect(serialFraction(65_536.25)).toBeUndefined();
    expect(written(46_000)).toBe('46000');
    expect(written(46_000.5)).toBe('46000.5');
  });
});
