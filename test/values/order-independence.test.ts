/**
 * Property tests (fast-check): a column's values read the same whichever of its cells comes first.
 * The decisions taken once per call — the day/month order of date text, the scale of rating words,
 * the 0–1 guard of durations — depend on the whole column, never on the cell read first; and where
 * a column reads at all, each cell reads as the value it was written from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { isKpiError } from '../../core/errors.js';
import { wallClock } from '../../core/values/clock.js';
import { readDurations } from '../../core/values/duration-values.js';
import { readDates } from '../../core/values/read.js';
import { LABEL_SCALES } from '../../core/values/ratings.js';
import { call, col } from '../helpers/call.js';

const fresh = () => contextFor('TEST', wallClock('UTC'));

/** What a read gave: the values, or the kind of error (messages name different cells per order). */
function outcome(read: () => Float64Array | number): { values?: number[]; error?: string } {
  try {
    const r = read();
    return { values: typeof r === 'number' ? [r] : Array.from(r) };
  } catch (e) {
    if (!isKpiError(e)) throw e;
    const m = e.message;
    const kind = /could be .* or /.test(m) ? 'no order' : /reads day first but/.test(m) ? 'both orders'
      : /different rating scales/.test(m) ? 'two scales' : /look like time values/.test(m) ? 'time values' : m.replace(/".*?" at row \d+(, column \d+)?( of \w+)?/g, 'CELL');
    return { error: kind };
  }
}

/** A permutation of `n` indices. */
const permutation = (n: number): fc.Arbitrary<number[]> =>
  fc.array(fc.nat(), { minLength: n, maxLength: n }).map((keys) => keys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]).map(([, i]) => i));

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
const pad = (n: number): string => (n < 10 ? '0' : '') + n;

interface DateCell { readonly text: unknown; readonly serial: number; readonly numeric: boolean; readonly a: number; readonly b: number }

/** A date written in one of the v3 layouts; numeric d/m/y text follows the column's order. */
function dateCell(order: 'dmy' | 'mdy'): fc.Arbitrary<DateCell> {
  return fc.record({
    y: fc.integer({ min: 2000, max: 2029 }), mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }), mi: fc.integer({ min: 0, max: 59 }), layout: fc.integer({ min: 0, max: 6 }), sep: fc.constantFrom('/', '-'),
  }).map(({ y, mo, d, h, mi, layout, sep }) => {
    const serial = Date.UTC(y, mo - 1, d, h, mi) / 86_400_000 + 25_569;
    const time = `${pad(h)}:${pad(mi)}`;
    const [a, b] = order === 'dmy' ? [d, mo] : [mo, d];
    const texts: unknown[] = [
      `${y}-${pad(mo)}-${pad(d)} ${time}`,
      `${pad(d)}.${pad(mo)}.${y} ${time}`,
      `${a}${sep}${b}${sep}${y} ${time}`,
      `${pad(a)}${sep}${pad(b)}${sep}${String(y).slice(2)} ${time}`,
      `${d}-${MONTHS_EN[mo - 1]}-${String(y).slice(2)} ${h % 12 || 12}:${pad(mi)} ${h < 12 ? 'AM' : 'PM'}`,
      `${d}. ${MONTHS_DE[mo - 1]} ${y} ${time}`,
      serial,
    ];
    return { text: texts[layout], serial, numeric: layout === 2 || layout === 3, a, b };
  });
}

describe('a column reads the same whichever of its cells comes first', () => {
  it('dates: the day/month order is decided over the whole column', () => {
    const column = fc.constantFrom<'dmy' | 'mdy'>('dmy', 'mdy').chain((order) =>
      fc.array(dateCell(order), { minLength: 1, maxLength: 10 }).chain((cells) => fc.tuple(fc.constant(order), fc.constant(cells), permutation(cells.length))));
    fc.assert(fc.property(column, ([order, cells, perm]) => {
      const read = (xs: readonly DateCell[]) => outcome(() => readDates(fresh(), col('Date', ...xs.map((c) => c.text))).values.slice(1));
      const base = read(cells);
      const moved = read(perm.map((i) => cells[i]));
      if (base.error) {
        expect(moved.error).toBe(base.error);
        // Only a column whose numeric dates show no order is refused.
        const numeric = cells.filter((c) => c.numeric);
        expect(numeric.length > 0 && numeric.every((c) => c.a <= 12 && c.b <= 12)).toBe(true);
        expect(base.error).toBe('no order');
        return;
      }
      expect(moved.values).toEqual(perm.map((i) => base.values![i]));
      cells.forEach((c, i) => expect(Math.abs(base.values![i] - c.serial), `${String(c.text)} (${order})`).toBeLessThan(1e-6));
    }), { numRuns: 300 });
  });

  it('rating words: the scale is the smallest listed scale holding every word of the column', () => {
    const column = fc.integer({ min: 0, max: LABEL_SCALES.length - 1 }).chain((si) => {
      const scale = LABEL_SCALES[si];
      const word = fc.integer({ min: 0, max: scale.k - 1 }).chain((v) => fc.constantFrom(...scale.words[v]).map((w) => ({ w, v: v + 1 })));
      const cell = fc.oneof(
        { weight: 6, arbitrary: word.map(({ w, v }) => ({ text: w.toUpperCase() === w ? w : w.charAt(0).toUpperCase() + w.slice(1), v })) },
        { weight: 1, arbitrary: fc.constantFrom('Offered', 'nicht angeboten', '', null).map((text) => ({ text, v: NaN })) },
      );
      return fc.array(cell, { minLength: 1, maxLength: 12 }).chain((cells) => fc.tuple(fc.constant(cells), permutation(cells.length)));
    });
    fc.assert(fc.property(column, ([cells, perm]) => {
      const csat = (xs: readonly { text: unknown }[]) => outcome(() => call('CSAT', col('Rating', ...xs.map((c) => c.text)), null, 1) as number);
      const base = csat(cells);
      expect(csat(perm.map((i) => cells[i]))).toEqual(base);
    }), { numRuns: 300 });
  });

  it('durations: text forms read in their own unit, numbers in input_unit, the 0–1 guard over the whole column', () => {
    const cell = fc.integer({ min: 0, max: 200_000 }).chain((s) => fc.constantFrom<[unknown, number]>(
      [`${Math.floor(s / 3600)}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`, s],
      [`PT${Math.floor(s / 3600)}H${Math.floor(s / 60) % 60}M${s % 60}S`, s],
      [`${Math.floor(s / 60)} min ${s % 60} s`, s],
      [s, s],
      [s / 1000, s / 1000],
    ));
    const column = fc.array(cell, { minLength: 1, maxLength: 10 }).chain((cells) => fc.tuple(fc.constant(cells), permutation(cells.length)));
    fc.assert(fc.property(column, ([cells, perm]) => {
      const read = (xs: readonly [unknown, number][]) => outcome(() => readDurations(fresh(), col('Talk time', ...xs.map((c) => c[0])), 'durations', undefined).ms.slice(1));
      const base = read(cells);
      const moved = read(perm.map((i) => cells[i]));
      if (base.error) {
        expect(moved.error).toBe(base.error);
        const numbers = cells.filter((c) => typeof c[0] === 'number');
        expect(numbers.every((c) => (c[0] as number) > 0 && (c[0] as number) < 1)).toBe(true);
        return;
      }
      expect(moved.values).toEqual(perm.map((i) => base.values![i]));
      cells.forEach((c, i) => expect(base.values![i]).toBeCloseTo(c[1] * 1000, 6));
    }), { numRuns: 300 });
  });
});
