/**
 * Columns held as typed arrays (core/values/typed-column.ts) read exactly as the host rows they
 * stand for. The scorecard passes a column of a sheet held by column to catalog functions as it is;
 * the readers that matter for big columns (readNumbers/readDates, readKeys, the ticket pairs of
 * foldPairs, KPI_BY_PERIOD/GROUP's cutting) read its arrays, the others its rows. On random columns
 * — numbers, dates (across a clock change, fractions of a millisecond, out of range, invalid),
 * text (date text, error words, ids, ratings, ""), booleans, blanks; offset past either end, and
 * cut as KPI_BY_PERIOD cuts — every call gives the same value or the same error message as the
 * same call on `[[v], …]` rows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { callSpec, contextFor } from '../../core/call.js';
import { findFunction } from '../../core/catalog/index.js';
import { isKpiError } from '../../core/errors.js';
import { wallClock } from '../../core/values/clock.js';
import { toGrid, unwrapScalar } from '../../core/values/grid.js';
import { readDates, readKeys, readNumbers } from '../../core/values/read.js';
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE, TypedColumn } from '../../core/values/typed-column.js';
import type { ColumnCells } from '../../core/values/typed-column.js';

const clock = wallClock('Europe/Berlin');

type Spec = { kind: number; n?: number; t?: string };

const DAY = 86_400_000;
const march = Date.UTC(2026, 2, 1);
const cell: fc.Arbitrary<Spec> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: CELL_BLANK }) },
  { weight: 8, arbitrary: fc.integer({ min: -40 * DAY, max: 60 * DAY }).map((d) => ({ kind: CELL_DATE, n: march + d })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      Date.UTC(2026, 2, 29, 1, 30), Date.UTC(2026, 9, 25, 0, 30), march + 0.7, march - 0.3, Date.UTC(1850, 0, 1),
      Date.UTC(10_000, 0, 1), Date.UTC(1899, 11, 30), Number.NaN, 9e15, -9e15,
    ).map((n) => ({ kind: CELL_DATE, n })),
  },
  { weight: 2, arbitrary: fc.constantFrom(0, 1, 3, 9, 10, 46_082.5, 46_100.25, -1, 3e6, Number.NaN, Infinity).map((n) => ({ kind: CELL_NUMBER, n })) },
  {
    weight: 2,
    arbitrary: fc.constantFrom('', 'x', ' 7 ', '2026-03-01', '2026-03-02 10:00', '01.03.2026', '05/02/2026', '13/02/2026', '#N/A', 'T-1', 'Agent A', ' Agent A', 'yes', '9', 'Great')
      .map((t) => ({ kind: CELL_TEXT, t })),
  },
  { weight: 1, arbitrary: fc.constantFrom({ kind: CELL_TRUE }, { kind: CELL_FALSE }) },
);

function columnOf(specs: readonly Spec[]): ColumnCells {
  const kinds = new Uint8Array(specs.length);
  const numbers = new Float64Array(specs.length);
  const texts: (string | undefined)[] = new Array(specs.length);
  specs.forEach((s, j) => {
    kinds[j] = s.kind;
    if (s.n !== undefined) numbers[j] = s.n;
    if (s.t !== undefined) texts[j] = s.t;
  });
  return { kinds, numbers, texts };
}

/** The same range twice: held as typed arrays, and as the rows a host passes. */
interface Both {
  readonly typed: TypedColumn;
  readonly rows: unknown[][];
}

/** A range of `length` rows from entry `from` of the column (blank outside it), cut to `pick` when given. */
function both(specs: readonly Spec[], from: number, length: number, pick?: readonly number[]): Both {
  const whole = new TypedColumn(columnOf(specs), from, length);
  const typed = pick ? whole.cut(pick) : whole;
  // The host's rows, built without TypedColumn: a fresh Date per date, null for blanks and "".
  const hostCell = (j: number): unknown => {
    if (j < 0 || j >= specs.length) return null;
    const s = specs[j];
    switch (s.kind) {
      case CELL_NUMBER: return s.n;
      case CELL_DATE: return new Date(s.n!);
      case CELL_TEXT: return s.t === '' ? null : s.t;
      case CELL_TRUE: return true;
      case CELL_FALSE: return false;
      default: return null;
    }
  };
  const all = Array.from({ length }, (_, i) => [hostCell(from + i)]);
  return { typed, rows: pick ? pick.map((r) => all[r]) : all };
}

/** What a call gave: its value, or its error message. */
function outcome(run: () => unknown): unknown {
  try {
    return { value: run() };
  } catch (e) {
    if (!isKpiError(e)) throw e;
    return { error: e.message };
  }
}

const call = (name: string, args: readonly unknown[]): unknown => callSpec(findFunction(name)!, clock, args);

/** Columns of one length (sometimes one row longer: the size errors), offsets and a cut. */
const ranges = fc.record({
  a: fc.array(cell, { maxLength: 24 }),
  b: fc.array(cell, { maxLength: 24 }),
  c: fc.array(cell, { maxLength: 24 }),
  from: fc.integer({ min: -2, max: 3 }),
  length: fc.integer({ min: 0, max: 20 }),
  longer: fc.boolean(),
  cut: fc.option(fc.array(fc.nat({ max: 19 }), { minLength: 1, maxLength: 20 }), { freq: 2, nil: undefined }),
});

/**
 * Mostly plausible tickets, so the calls also get past their checks: opened dates, resolved later
 * or blank, agents, scores 0–10; now and then any cell.
 */
const tickets = fc.array(fc.record({
  opened: fc.integer({ min: -40 * DAY, max: 60 * DAY }),
  took: fc.option(fc.integer({ min: 0, max: 9 * DAY }), { nil: undefined }),
  agent: fc.constantFrom('Agent A', 'B', ' Agent A', 'T-1'),
  score: fc.integer({ min: 0, max: 10 }),
  noise: fc.option(fc.tuple(fc.nat(2), cell), { freq: 40, nil: undefined }),
}), { maxLength: 24 }).map((rows) => {
  const a: Spec[] = [], b: Spec[] = [], c: Spec[] = [];
  for (const r of rows) {
    a.push({ kind: CELL_DATE, n: march + r.opened });
    b.push(r.took === undefined ? { kind: CELL_BLANK } : { kind: CELL_DATE, n: march + r.opened + r.took });
    c.push(r.score % 3 === 0 ? { kind: CELL_NUMBER, n: r.score } : { kind: CELL_TEXT, t: r.agent });
    if (r.noise) [a, b, c][r.noise[0]][a.length - 1] = r.noise[1];
  }
  return { a, b, c };
});

describe('a column held as typed arrays', () => {
  it('is the grid, the single value and the cells of its rows', () => {
    fc.assert(fc.property(ranges, ({ a, from, length, cut }) => {
      const pick = cut?.filter((r) => r < length);
      const { typed, rows } = both(a, from, length, pick);
      expect(typed.cells).toEqual(rows);
      const g = toGrid(rows);
      expect([typed.rows, typed.cols]).toEqual([g.rows, g.cols]);
      expect(unwrapScalar(typed)).toEqual(unwrapScalar(rows));
      for (let i = 0; i < typed.rows; i++) expect(typed.cell(i)).toEqual(rows[i][0]);
    }), { numRuns: 300, seed: 1 });
  });

  it('reads as numbers, dates and keys exactly as its rows (values or the same error)', () => {
    fc.assert(fc.property(ranges, ({ a, from, length, cut }) => {
      const pick = cut?.filter((r) => r < length);
      const { typed, rows } = both(a, from, length, pick);
      const ctx = () => contextFor('TEST', clock, { dateOrder: 'dmy' });
      const read = (x: unknown) => ({
        numbers: outcome(() => Array.from(readNumbers(ctx(), x, 'values').values)),
        dates: outcome(() => Array.from(readDates(ctx(), x, 'dates').values)),
        count: outcome(() => readDates(ctx(), x).count),
        keys: outcome(() => readKeys(ctx(), x, 'ids').keys),
      });
      expect(read(typed)).toEqual(read(rows));
    }), { numRuns: 1_000, seed: 2 });
  });

  it('gives every ticket and period function the value or error of its rows (whole, offset, cut by period and group)', () => {
    const calls: readonly [string, (x: { a: unknown; b: unknown; c: unknown }) => unknown[]][] = [
      ['RESOLVED_ISSUES', (x) => [x.b]],
      ['AVG_RESOLUTION', (x) => [x.a, x.b]],
      ['AVG_FIRST_RESPONSE', (x) => [x.a, x.b]],
      ['MEDIAN_RESOLUTION', (x) => [x.a, x.b]],
      ['ACTIVE_ISSUES', (x) => [x.a, x.b]],
      ['ACTIVE_ISSUES', (x) => [x.a, x.b, 46_100.5]],
      ['BACKLOG_AGE', (x) => [x.a, x.b, 46_100.5]],
      ['RESOLVED_PER_AGENT', (x) => [x.c, x.b]],
      ['NPS', (x) => [x.c]],
      ['CSAT', (x) => [x.a]],
      ['KPI_BY_PERIOD', (x) => ['MEDIAN_RESOLUTION', x.b, 'month', x.a, x.b]],
      ['KPI_BY_PERIOD', (x) => ['AVG_RESOLUTION', x.b, 'week', x.a, x.b, 'days']],
      ['KPI_BY_PERIOD', (x) => ['RESOLVED_PER_AGENT', x.b, 'month', x.c, x.b]],
      ['KPI_BY_PERIOD', (x) => ['ACTIVE_ISSUES', x.a, 'month', x.a, x.b]],
      ['KPI_BY_PERIOD', (x) => ['NPS', x.a, 'month', x.c]],
      ['KPI_BY_GROUP', (x) => ['AVG_RESOLUTION', x.c, x.a, x.b]],
      ['KPI_BY_GROUP', (x) => ['RESOLVED_ISSUES', x.c, x.b]],
    ];
    const cases = fc.oneof(ranges, fc.record({
      abc: tickets, from: fc.integer({ min: -2, max: 3 }), length: fc.integer({ min: 0, max: 20 }), longer: fc.constant(false),
      cut: fc.option(fc.array(fc.nat({ max: 19 }), { minLength: 1, maxLength: 20 }), { freq: 2, nil: undefined }),
    }).map(({ abc, ...rest }) => ({ ...abc, ...rest })));
    fc.assert(fc.property(cases, ({ a, b, c, from, length, longer, cut }) => {
      const pick = cut?.filter((r) => r < length);
      const A = both(a, from, length, pick), B = both(b, from, length + (longer ? 1 : 0), pick), C = both(c, from, length, pick);
      for (const [name, args] of calls) {
        const typed = outcome(() => call(name, args({ a: A.typed, b: B.typed, c: C.typed })));
        const rows = outcome(() => call(name, args({ a: A.rows, b: B.rows, c: C.rows })));
        expect(typed, name).toEqual(rows);
      }
    }), { numRuns: 1_000, seed: 3 });
  });
});
