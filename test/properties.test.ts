/**
 * Property tests over every catalog function: whatever grid a host passes — numbers, text,
 * booleans, Dates, blanks, NaN, ±Infinity, huge values — the result is a valid value of the
 * documented shape or the core's KpiError; never NaN, Infinity, undefined, null or another exception.
 * Calls go through callSpec, as every host's do; its overflow guard may only fire when the
 * arguments hold extreme numbers (|x| ≥ 1e300 or a denormal), so a NaN from a logic error still fails.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../core/catalog/index.js';
import type { ArgSpec, FunctionSpec } from '../core/catalog/types.js';
import { callSpec, OVERFLOW_MESSAGE } from '../core/call.js';
import { isKpiError } from '../core/errors.js';
import { wallClock } from '../core/values/clock.js';

const WORDS = [
  'hours', 'Stunden', 'days', 'Tage', 'minutes', 'month', 'Monat', 'week', 'quarter', 'Quartal', 'year', 'day',
  'higher', 'lower', 'niedriger', 'average', 'best', 'rank', 'Rang', 'auto', 'en', 'de',
  'Mon-Fri 09:00-17:00', 'Mo-Fr 08:00-18:00', 'Sa-Mo 10:00-14:00', 'NPS', 'CSAT', 'AVG_RESOLUTION', 'CASH_FLOW', 'CONVERSION_RATE',
  'new, open, on-hold', 'solved', 'pending', 'first', 'TIME_IN_STATUS',
];

const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -2, max: 12 }) },
  { weight: 3, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 3, arbitrary: fc.integer({ min: 45000, max: 47000 }).map((d) => d + Math.random()) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 5e-324) },
  { weight: 2, arbitrary: fc.constantFrom(null, undefined, '', '  ') },
  { weight: 2, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constantFrom('n/a', 'Score', '9', '4,5', '1,234', '#N/A', 'ja', 'nein', 'TRUE', '2026-03-01', '01.03.2026 10:30', '03/01/2026', 'gut', 'nicht freundlich', 'a@b.de') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-01-01T00:00:00Z'), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constant({ code: '#DIV/0!' }) },
);

const grid = (rows: number, cols: number): fc.Arbitrary<unknown[][]> =>
  fc.array(fc.array(cellValue, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows });

const rangeArg: fc.Arbitrary<unknown> = fc.oneof(grid(6, 1), grid(6, 2), grid(1, 1), cellValue);
const scalarArg: fc.Arbitrary<unknown> = fc.oneof(cellValue, cellValue.map((v) => [[v]]), fc.constantFrom(...WORDS));

function argFor(a: ArgSpec): fc.Arbitrary<unknown> {
  const base = a.kind === 'range' || a.kind === 'any' ? fc.oneof({ weight: 4, arbitrary: rangeArg }, { weight: 1, arbitrary: scalarArg }) : scalarArg;
  return a.optional ? fc.oneof({ weight: 3, arbitrary: base }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, '') }) : base;
}

function argsFor(f: FunctionSpec): fc.Arbitrary<unknown[]> {
  const fixed = f.args.filter((a) => !a.repeating).map(argFor);
  const rep = f.args.find((a) => a.repeating);
  const head = fc.tuple(...fixed);
  if (!rep) return head.map((t) => [...t]);
  return fc.tuple(head, fc.array(argFor(rep), { maxLength: 3 })).map(([h, r]) => [...h, ...r]);
}

function hasExtremeNumber(x: unknown): boolean {
  if (Array.isArray(x)) return x.some(hasExtremeNumber);
  if (typeof x === 'number') return !Number.isFinite(x) || Math.abs(x) >= 1e300 || (x !== 0 && Math.abs(x) <= 1e-300) || Math.abs(x) >= 2 ** 53;
  return false;
}

const validCell = (v: unknown): boolean =>
  (typeof v === 'number' && Number.isFinite(v)) || typeof v === 'string' || typeof v === 'boolean';

function hasDocumentedShape(f: FunctionSpec, r: unknown): boolean {
  if (f.result === 'scalar') return validCell(r);
  if (!Array.isArray(r) || r.length === 0) return false;
  if (!r.every((row) => Array.isArray(row) && row.length === r[0].length && row.every(validCell))) return false;
  if (f.result === 'row') return r.length === 1;
  // A column result (PER_TICKET) stands in for a data column, rows in place: no header row.
  if (f.result === 'column') return true;
  return r[0].every((h: unknown) => typeof h === 'string');
}

describe('every catalog function on arbitrary host grids', () => {
  for (const tz of ['UTC', 'Europe/Berlin']) {
    for (const f of CATALOG) {
      it(`${f.name} (${tz}) returns a valid ${f.result} or a KpiError, nothing else`, () => {
        const clock = wallClock(tz);
        fc.assert(
          fc.property(argsFor(f), (args) => {
            let r: unknown;
            try {
              r = callSpec(f, clock, args);
            } catch (e) {
              if (!isKpiError(e)) throw e;
              expect(e.message.startsWith(`${f.name}: `), e.message).toBe(true);
              expect(e.message).not.toContain('internal error');
              if (e.message.includes(OVERFLOW_MESSAGE)) expect(hasExtremeNumber(args), e.message).toBe(true);
              return;
            }
            expect(hasDocumentedShape(f, r), `${f.name} returned ${JSON.stringify(r)}`).toBe(true);
          }),
          { numRuns: tz === 'UTC' ? 300 : 100 },
        );
      });
    }
  }
});
