/**
 * Every catalog function, called as the package exports it (UTC) and through
 * `forTimeZone('Europe/Berlin')`, with arguments a careless or hostile caller passes: holes and
 * non-arrays in ranges, ragged rows, Dates outside the years 100–9999 (and invalid ones), error
 * objects, Excel data types, symbols, bigints, functions, objects without a prototype, words that
 * name Object.prototype's properties, extreme numbers. Each call must give a valid result (a finite
 * number, text, a boolean, or a table of those) or throw a KpiError — never another exception, never
 * NaN — must leave its arguments as they were, and must end (a generous bound that only a hang or a
 * runaway loop exceeds; speed itself is measured by `npm run bench`).
 *
 * Fixed seed and a bounded number of runs, so it runs the same in CI and in a few seconds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as pkg from '../../core/index.js';
import { CATALOG } from '../../core/catalog/index.js';
import type { ArgSpec, FunctionSpec } from '../../core/catalog/types.js';
import { isKpiError } from '../../core/errors.js';

const SEED = 20261206;
/** Calls per function and zone: 60 functions × 2 zones × 100 = 12,000 calls, about 3 s. */
const RUNS = 100;
/** A call that takes longer than this is a hang, not a slow call (the inputs have at most 40 cells). */
const HANG_MS = 3_000;

const WORDS = [
  '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', '__defineGetter__',
  'hours', 'Stunden', 'month', 'Woche', 'higher', 'niedriger', 'average', 'rank', 'auto', 'de', 'monthly', 'time',
  'NPS', 'CSAT', 'AVG_RESOLUTION', 'KPI_BY_PERIOD', 'nps ', 'Mon-Fri 09:00-17:00', 'Sa-Mo 10:00-14:00', 'Mo-Fr 25:00-26:00',
  'open', 'closed', 'solved', 'resolved', 'pending', 'customer', 'agent', 'yes', 'no', 'Ja', 'Nein', 'answered', 'abandoned',
  '', ' ', '9', '4,5', '1,234', '80%', '-3', '1e400', '#N/A', '#DIV/0!', '=1+1', '2026-01-05', '05/02/2026', '2026-02-30',
  '31.12.9999 23:59', '0099-01-01', '3h 20m', 'PT3H20M', '12:30', '134 Sek.', 'Very satisfied', 'sehr zufrieden', 'n/a',
  '\u202Egnp.exe', '\u001b]52;c;AAAA\u0007', 'x'.repeat(300),
];

const dateAt = (ms: number): Date => new Date(ms);
const DATES = [
  dateAt(8.64e15), dateAt(-8.64e15), dateAt(Number.NaN), dateAt(Date.UTC(2026, 0, 5, 10)), dateAt(Date.UTC(2026, 2, 29, 1, 30)),
  dateAt(-62_135_596_800_000), /* 0001-01-01 */ dateAt(253_402_300_800_000), /* 10000-01-01 */ dateAt(-59_011_459_200_001), /* just before 0100 */
];

const OBJECTS: unknown[] = [
  { code: '#N/A' }, { type: 'Error', basicValue: '#DIV/0!' }, { type: 'Error', errorType: 'Value' }, { type: 'Double', basicValue: 4 },
  { type: 'FormattedNumber', basicValue: 0.85, numberFormat: '0%' }, { type: 'String', basicValue: 'yes' }, { type: 'Entity', text: 'Anna' },
  { type: 'Entity', basicValue: 7 }, { type: 'Empty' }, { type: 'WebImage' }, {}, Object.create(null), { __proto__: { basicValue: 3 } },
  Symbol('cell'), 10n, () => 1, new Map(), Float64Array.of(1, 2), { length: 3, 0: 9 },
];

const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 12 }) },
  { weight: 3, arbitrary: fc.double({ noNaN: false }) },
  { weight: 2, arbitrary: fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, Number.NaN, Infinity, -Infinity, 0.5, 2_958_465.9, 2_958_466, -657_434, -657_435, 46_000.5, 2 ** 31, 1e9) },
);
const hostile = fc.oneof(
  { weight: 5, arbitrary: number },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 5 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, '') },
  { weight: 2, arbitrary: fc.constantFrom(...DATES) },
  { weight: 1, arbitrary: fc.constantFrom(...OBJECTS) },
);

/** What real columns hold, one kind per column: scores, counts, date serials and Dates of 2025–2026, flags, ids. */
const KINDS: readonly fc.Arbitrary<unknown>[] = [
  fc.integer({ min: 0, max: 10 }),
  fc.integer({ min: 0, max: 500 }),
  fc.integer({ min: 45_700, max: 46_400 }).map((d) => d + 0.375),
  fc.integer({ min: 0, max: 700 }).map((d) => new Date(Date.UTC(2025, 0, 1 + d, 9 + (d % 8), 30))),
  fc.constantFrom('yes', 'no', 'Ja', 'Nein', ''),
  fc.constantFrom('T-1', 'T-2', 'T-3', 'Agent A', 'Agent B'),
  fc.constantFrom('open', 'pending', 'solved', 'closed'),
];
/** A cell of a column of one kind, now and then blank or hostile (so calls get past their first argument). */
const cellOf = (kind: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 16, arbitrary: kind }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostile });
const cell = fc.oneof(...KINDS.map(cellOf));
const clean = fc.oneof(...KINDS);
/** Arguments that take one value: mostly words and small numbers a user types. */
const typed = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100 }) },
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 1, arbitrary: clean },
  { weight: 1, arbitrary: hostile },
);

/** A row with holes where `holes` says (`[9, , 3]`). */
const withHoles = <T>(xs: T[], holes: readonly number[]): T[] => {
  const out = xs.slice();
  for (const h of holes) if (h < out.length) delete out[h];
  return out;
};

/** A column of `length` cells of one kind, as hosts pass it (`[[a], [b], …]`). */
const columnOf = (length: number): fc.Arbitrary<unknown[][]> =>
  fc.integer({ min: 0, max: KINDS.length - 1 }).chain((k) => fc.array(cellOf(KINDS[k]), { minLength: length, maxLength: length }))
    .map((xs) => xs.map((x) => [x]));
const column = fc.integer({ min: 0, max: 12 }).chain(columnOf);
const grid = fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 8 });
const range = fc.oneof(
  { weight: 4, arbitrary: column },
  { weight: 2, arbitrary: grid },
  { weight: 1, arbitrary: fc.array(cell, { maxLength: 8 }) },
  { weight: 2, arbitrary: fc.tuple(column, fc.array(fc.nat(12), { maxLength: 3 })).map(([rows, holes]) => withHoles<unknown>(rows, holes)) },
  { weight: 1, arbitrary: fc.tuple(column, fc.array(fc.nat(12), { maxLength: 3 })).map(([rows, holes]) => withHoles<unknown>(rows, holes).map((r, i) => (i % 3 === 1 ? (r as unknown[])[0] : r))) },
  { weight: 1, arbitrary: fc.tuple(grid, fc.array(fc.nat(4), { maxLength: 2 })).map(([rows, holes]) => rows.map((r) => withHoles(r, holes))) },
  { weight: 1, arbitrary: cell },
  { weight: 1, arbitrary: fc.constantFrom([], [[]], [[], []], [[[9]]], [[null, [3]]]) },
);
const single = fc.oneof(
  { weight: 5, arbitrary: typed },
  { weight: 2, arbitrary: typed.map((x) => [[x]]) },
  { weight: 1, arbitrary: range },
);

/**
 * A coherent table of `n` rows a real export holds: tickets opened, first answered and resolved
 * (Dates or serials, some open), scores, ratings, flags, ids, log rows, call seconds, comments.
 * Arguments are taken from it by their catalog names, so that calls get past their checks and
 * reach the code behind them; the mutations below then spoil one thing at a time.
 */
const table = (n: number) => fc.record({
  asDates: fc.boolean(),
  day: fc.array(fc.integer({ min: 0, max: 500 }), { minLength: n, maxLength: n }),
  hours: fc.array(fc.option(fc.integer({ min: 0, max: 90 }), { freq: 5, nil: null }), { minLength: n, maxLength: n }),
  score: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
  rating: fc.array(fc.integer({ min: 1, max: 5 }), { minLength: n, maxLength: n }),
  count: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: n, maxLength: n }),
  flag: fc.array(fc.constantFrom('yes', 'no', 'Ja', 'Nein', true, false, ''), { minLength: n, maxLength: n }),
  id: fc.array(fc.constantFrom('T-1', 'T-2', 'T-3', 'A', 'B', 'mail', 'phone'), { minLength: n, maxLength: n }),
  status: fc.array(fc.constantFrom('open', 'pending', 'solved', 'closed', 'new'), { minLength: n, maxLength: n }),
  author: fc.array(fc.constantFrom('customer', 'agent', 'Kunde', 'Agent'), { minLength: n, maxLength: n }),
  seconds: fc.array(fc.integer({ min: 0, max: 900 }), { minLength: n, maxLength: n }),
  text: fc.array(fc.constantFrom('friendly and fast', 'slow reply', 'sehr freundlich', 'rude', '', 'great service, fast'), { minLength: n, maxLength: n }),
});
type Table = ReturnType<typeof table> extends fc.Arbitrary<infer T> ? T : never;

const col = (xs: readonly unknown[]): unknown[][] => xs.map((x) => [x]);
const at = (t: Table, i: number, plusHours = 0): unknown => {
  const serial = 45_700 + t.day[i] + 0.375 + plusHours / 24;
  return t.asDates ? new Date(Math.round((serial - 25_569) * 86_400_000)) : serial;
};

/** The argument a catalog name asks for, from the table (or a typical value for a single one). */
function fromTable(name: string, t: Table): unknown {
  const n = t.day.length;
  const rows = (f: (i: number) => unknown): unknown[][] => col(Array.from({ length: n }, (_, i) => f(i)));
  switch (name) {
    case 'scores': return rows((i) => t.score[i]);
    case 'ratings': return rows((i) => t.rating[i]);
    case 'answers': case 'flags': case 'outcomes': case 'answered': case 'hires': case 'separations': case 'complaints': case 'customers_lost':
      return rows((i) => t.flag[i]);
    case 'dates': case 'opened': case 'times': return rows((i) => at(t, i));
    case 'resolved': case 'first_response': return rows((i) => (t.hours[i] === null ? null : at(t, i, t.hours[i]!)));
    case 'customer_ids': case 'ticket_ids': case 'agents': case 'groups': return rows((i) => t.id[i]);
    case 'statuses': return rows((i) => t.status[i]);
    case 'authors': return rows((i) => t.author[i]);
    case 'waits': case 'talk': case 'hold': case 'after_call_work': case 'handle_time': case 'durations': return rows((i) => t.seconds[i]);
    case 'available_time': return rows((i) => 900 + t.seconds[i]);
    case 'amounts': case 'values': case 'numerators': case 'inflows': case 'outflows': case 'returned': return rows((i) => t.count[i]);
    case 'weights': case 'denominators': case 'sold': return rows((i) => 1 + t.count[i]);
    case 'customers_start': case 'headcount_start': case 'customers': return 1000;
    case 'customers_end': case 'headcount_end': return 990;
    case 'new_customers': return 40;
    case 'competitor_values': return rows((i) => t.score[i] * 10);
    case 'texts': return rows((i) => t.text[i]);
    case 'attributes': return col(['friendly', 'fast']);
    case 'holidays': return col([at(t, 0)]);
    case 'as_of': case 'from': case 'to': return at(t, n - 1, 24);
    case 'unit': return 'hours';
    case 'input_unit': return 'seconds';
    case 'period': return 'month';
    case 'business_hours': return 'Mon-Fri 09:00-17:00';
    case 'kpi': return 'NPS';
    case 'direction': return 'higher';
    case 'mode': return null;
    case 'method': case 'which': case 'language': case 'pause': case 'extra_stopwords': case 'sent': case 'short_abandon': return null;
    case 'target': return 24;
    case 'threshold': return 20;
    case 'k': return 0.9;
    case 'counted': case 'resolved_status': return 'solved';
    case 'our_value': case 'actual': return 42;
    case 'top_n': return 5;
    case 'scale_max': return 5;
    case 'confidence': return 0.95;
    case 'tolerance': return 0.05;
    case 'per': return 100;
    case 'contacts': return 120;
    case 'interval_minutes': return 30;
    case 'aht_seconds': return 240;
    case 'target_level': return 0.8;
    case 'target_seconds': return 20;
    case 'shrinkage': return 0.3;
    case 'max_occupancy': return 0.9;
    case 'agents_n': return 20;
    default: return null;
  }
}

/** One thing spoilt in a valid call: a hostile cell, a hole, a scalar row, a hostile word, an argument swapped. */
const mutation = fc.record({
  what: fc.constantFrom('cell', 'hole', 'scalar row', 'value', 'wrap', 'grid', 'none'),
  arg: fc.nat(10),
  row: fc.nat(30),
  value: fc.oneof(hostile, fc.constantFrom(...WORDS), range),
});

function spoil(args: unknown[], m: { what: string; arg: number; row: number; value: unknown }): unknown[] {
  if (args.length === 0 || m.what === 'none') return args;
  const out = args.slice();
  const k = m.arg % out.length;
  const x = out[k];
  switch (m.what) {
    case 'cell':
    case 'hole':
    case 'scalar row': {
      if (!Array.isArray(x) || x.length === 0) return spoil(out, { ...m, what: 'value' });
      const rows = x.slice();
      const r = m.row % rows.length;
      if (m.what === 'hole') delete rows[r];
      else if (m.what === 'scalar row') rows[r] = Array.isArray(rows[r]) ? (rows[r] as unknown[])[0] : rows[r];
      else rows[r] = Array.isArray(rows[r]) ? [m.value, ...(rows[r] as unknown[]).slice(1)] : m.value;
      out[k] = rows;
      return out;
    }
    case 'wrap': out[k] = [[x]]; return out;
    case 'grid': out[k] = Array.isArray(x) ? x.map((row) => (Array.isArray(row) ? [...row, m.value] : row)) : x; return out;
    default: out[k] = m.value; return out;
  }
}

/** Arguments for one call: a valid call from the table with up to three things spoilt, sometimes random ones. */
function argsFor(spec: FunctionSpec): fc.Arbitrary<unknown[]> {
  const isLog = spec.args.some((a) => a.name === 'statuses');
  const names = spec.args.map((a, i) => {
    if (spec.name === 'ERLANG_C_SERVICE_LEVEL' && i === 0) return 'agents_n';
    if (isLog && a.name === 'resolved') return 'counted'; // a status name in the log functions
    if (a.name === 'threshold' && spec.name !== 'SERVICE_LEVEL') return 'none'; // CSAT's threshold: its default
    return a.name;
  });
  const valid = fc.integer({ min: 1, max: 12 }).chain(table).map((t) => {
    const args = names.map((n) => fromTable(n, t));
    // KPI_BY_PERIOD / KPI_BY_GROUP: the inner KPI's own arguments follow.
    if (spec.name === 'KPI_BY_PERIOD' || spec.name === 'KPI_BY_GROUP') args[args.length - 1] = fromTable('scores', t);
    if (spec.name === 'GROUP_SIGNIFICANCE') args[2] = fromTable('scores', t);
    // The counts of a KPI's n: a KPI they know, with its own arguments.
    if (spec.name === 'ANSWER_COUNT') args[1] = 'CSAT';
    if (spec.name === 'CALL_COUNT') return ['SERVICE_LEVEL', fromTable('waits', t), fromTable('answered', t), 20];
    return args;
  });
  const spoilt = fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([args, ms]) => ms.reduce(spoil, args));
  const random = fc.tuple(...spec.args.map((a) => (a.kind === 'range' ? range : a.kind === 'any' ? fc.oneof(range, single) : single))).map((xs) => [...xs]);
  return fc.oneof({ weight: 2, arbitrary: valid }, { weight: 6, arbitrary: spoilt }, { weight: 2, arbitrary: random });
}

/** The arguments as text that shows any change: holes, -0, NaN, Dates, symbols, identity of nothing. */
function snapshot(x: unknown, depth = 0): string {
  if (depth > 6) return '…';
  if (Array.isArray(x)) {
    const parts: string[] = [];
    for (let i = 0; i < x.length; i++) parts.push(i in x ? snapshot(x[i], depth + 1) : '<hole>');
    return `[${parts.join(',')}]`;
  }
  if (x instanceof Date) return `Date(${x.getTime()})`;
  switch (typeof x) {
    case 'number': return Object.is(x, -0) ? '-0' : String(x);
    case 'string': return JSON.stringify(x);
    case 'bigint': return `${x}n`;
    case 'symbol': return x.toString();
    case 'function': return 'fn';
    case 'undefined': return 'undefined';
    case 'object': {
      if (x === null) return 'null';
      const keys = Reflect.ownKeys(x).map((k) => `${String(k)}:${snapshot((x as Record<string | symbol, unknown>)[k], depth + 1)}`);
      return `{${keys.join(',')}}`;
    }
    default: return String(x);
  }
}

function isValidResult(r: unknown): boolean {
  const ok = (v: unknown): boolean => (typeof v === 'number' ? Number.isFinite(v) : typeof v === 'string' || typeof v === 'boolean');
  if (Array.isArray(r)) return r.length > 0 && r.every((row) => Array.isArray(row) && row.length > 0 && row.every(ok));
  return ok(r);
}

type Fn = (...args: unknown[]) => unknown;
const zones: readonly [string, Readonly<Record<string, Fn>>][] = [
  ['the UTC exports', pkg as unknown as Record<string, Fn>],
  ["forTimeZone('Europe/Berlin')", pkg.forTimeZone('Europe/Berlin')],
];

describe('every catalog function against malformed and hostile arguments', () => {
  it('covers the whole catalog', () => {
    expect(CATALOG.length).toBe(65);
    for (const [, fns] of zones) for (const spec of CATALOG) expect(typeof fns[spec.name]).toBe('function');
  });

  for (const [zone, fns] of zones) {
    it(`gives a valid result or a KpiError, leaves its arguments alone and ends (${zone})`, () => {
      for (const spec of CATALOG) {
        const fn = fns[spec.name];
        fc.assert(fc.property(argsFor(spec), (args) => {
          const before = snapshot(args);
          const started = performance.now();
          let result: unknown;
          let error: unknown;
          try {
            result = fn(...args);
          } catch (e) {
            error = e;
          }
          const took = performance.now() - started;
          if (error !== undefined) {
            if (!isKpiError(error)) throw new Error(`${spec.name} threw ${String((error as Error)?.name)}: ${String((error as Error)?.message)}`);
            expect((error as Error).message.startsWith(`${spec.name}: `)).toBe(true);
          } else if (!isValidResult(result)) {
            throw new Error(`${spec.name} returned ${snapshot(result)}`);
          }
          expect(snapshot(args)).toBe(before);
          expect(took).toBeLessThan(HANG_MS);
        }), { seed: SEED, numRuns: RUNS });
      }
    });
  }

  it('refuses the cases the issue names with a KpiError naming the problem', () => {
    const berlin = pkg.forTimeZone('Europe/Berlin');
    const utc = pkg as unknown as Record<string, Fn>;
    const thrown = (f: () => unknown): Error => {
      try {
        f();
      } catch (e) {
        expect(isKpiError(e)).toBe(true);
        return e as Error;
      }
      throw new Error('expected a KpiError');
    };
    // A hole is a blank cell: 9 is a promoter and 3 a detractor, NPS (1 − 1) / 2 = 0.
    // eslint-disable-next-line no-sparse-arrays
    expect(utc.NPS([[9], , [3]])).toBe(0);
    expect(thrown(() => berlin.NPS([[new Date(8.64e15)]])).message).toMatch(/^NPS: .* at row 1 /);
    expect(thrown(() => berlin.AVG_RESOLUTION([[new Date(8.64e15)]], [[new Date(8.64e15)]])).message)
      .toBe('AVG_RESOLUTION: +275760-09-13T00:00:00.000Z at row 1 of opened is not a date (outside the years 100 to 9999)');
    expect(thrown(() => berlin.CASH_FLOW([[new Date(-8.64e15)], [5]])).message).toMatch(/is not a date \(outside the years 100 to 9999\)$/);
    expect(thrown(() => utc.KPI_STATUS(1, 2, 'constructor')).message).toMatch(/^KPI_STATUS: direction "constructor" is not one of "higher"/);
    expect(thrown(() => utc.COMPETITOR_GAP(50, [[40]], '__proto__')).message).toMatch(/^COMPETITOR_GAP: mode "__proto__" is not one of/);
    expect(thrown(() => utc.BRAND_ATTRIBUTES([['friendly staff'], ['fast reply']], 5, '__proto__')).message).toMatch(/^BRAND_ATTRIBUTES: language "__proto__" is not one of/);
    // Catalog v3: a retention share outside 0–1 is an error naming the inputs.
    expect(thrown(() => utc.RETENTION_RATE(100, 150, 10)).message)
      .toBe('RETENTION_RATE: customers_end (150) is more than customers_start (100) plus new_customers (10); the customers at the end are those kept from the start and the new ones, so check the ranges');
    expect(thrown(() => utc.EMPLOYEE_RETENTION(100, 100, 150)).message)
      .toBe('EMPLOYEE_RETENTION: hires (150) is more than headcount_end (100); the people at the end include the new ones, so check the ranges');
    expect(thrown(() => utc.EMPLOYEE_RETENTION(100, 120, 10)).message).toMatch(/^EMPLOYEE_RETENTION: headcount_end \(120\) is more than headcount_start \(100\) plus hires \(10\)/);
    // The edges stay valid: everyone kept (1) and no one kept (0).
    expect(utc.RETENTION_RATE(100, 110, 10)).toBe(1);
    expect(utc.EMPLOYEE_RETENTION(50, 7, 7)).toBe(0);
  });
});
