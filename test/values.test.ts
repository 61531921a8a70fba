import { describe, expect, it } from 'vitest';
import { wallClock } from '../core/values/clock.js';
import { readDateArg, readDates, readNumbers, readNumberArg, isOmitted } from '../core/values/read.js';
import { readFlags } from '../core/values/flags.js';
import { contextFor } from '../core/call.js';
import { KpiError } from '../core/errors.js';
import { periodLabel } from '../core/values/periods.js';
import { serial } from './helpers/call.js';

const utc = contextFor('TEST', wallClock('UTC'));
const berlin = contextFor('TEST', wallClock('Europe/Berlin'));

describe('reading cell values', () => {
  it('reads numbers, numeric text with either decimal mark, and skips blanks, booleans and headers', () => {
    const c = readNumbers(utc, [['Score'], [9], [' 4.5 '], ['4,5'], [null], [''], ['  '], [true], ['n/a'], ['1.234,5'], ['1,234.5']]);
    expect(Array.from(c.values)).toEqual([NaN, 9, 4.5, 4.5, NaN, NaN, NaN, NaN, NaN, 1234.5, 1234.5]);
    expect(c.count).toBe(5);
  });

  it('rejects text that could be read two ways, naming it and its row', () => {
    expect(() => readNumbers(utc, [[1], ['1,234']])).toThrow(/TEST: "1,234" at row 2 could be read two ways/);
    expect(() => readNumbers(utc, [['1.234']])).toThrow(/"1\.234" at row 1/);
  });

  it('reports error cells from text and from host error objects with their position', () => {
    expect(() => readNumbers(utc, [[1, 2], [3, '#DIV/0!']])).toThrow('TEST: "#DIV/0!" at row 2, column 2 is an error value');
    expect(() => readNumbers(utc, [[{ code: '#N/A' }]])).toThrow('#N/A at row 1 is an error value');
    expect(() => readNumbers(utc, [[1], [{ type: 'Error', basicValue: '#REF!' }]])).toThrow('#REF! at row 2 is an error value');
  });

  it('reads ISO and German date text as wall-clock serials and rejects ambiguous date text', () => {
    const c = readNumbers(utc, [['2026-03-01'], ['2026-03-01 10:30'], ['2026-03-01T10:30'], ['01.03.2026 10:30']]);
    expect(c.values[0]).toBe(serial('2026-03-01'));
    expect(c.values[1]).toBeCloseTo(serial('2026-03-01T10:30'), 9);
    expect(c.values[2]).toBeCloseTo(serial('2026-03-01T10:30'), 9);
    expect(c.values[3]).toBeCloseTo(serial('2026-03-01T10:30'), 9);
    expect(() => readNumbers(utc, [['03/01/2026']])).toThrow(/"03\/01\/2026" at row 1 is not a date format/);
    expect(() => readNumbers(utc, [['2026-02-30']])).toThrow(/not a valid date/);
  });

  it('converts instants (Z or offset text, Date objects) into the spreadsheet zone', () => {
    const c = readNumbers(berlin, [['2026-03-01T09:30:00Z'], [new Date('2026-07-01T09:30:00Z')], ['2026-07-01T11:30:00+02:00']]);
    expect(c.values[0]).toBeCloseTo(serial('2026-03-01T10:30'), 9); // CET = UTC+1
    expect(c.values[1]).toBeCloseTo(serial('2026-07-01T11:30'), 9); // CEST = UTC+2
    expect(c.values[2]).toBeCloseTo(serial('2026-07-01T11:30'), 9);
  });

  it('gives wall-clock differences across the DST changes in Europe/Berlin', () => {
    const clock = wallClock('Europe/Berlin');
    // 2026-03-29 02:00 CET → 03:00 CEST; 00:00 → 04:00 wall clock is 3 real hours but 4 on the wall.
    const a = clock.serialOfInstant(Date.parse('2026-03-28T23:00:00Z'));
    const b = clock.serialOfInstant(Date.parse('2026-03-29T02:00:00Z'));
    expect((b - a) * 24).toBeCloseTo(4, 9);
    // 2026-10-25 03:00 CEST → 02:00 CET; 00:00 → 04:00 wall clock spans 5 real hours.
    const c = clock.serialOfInstant(Date.parse('2026-10-24T22:00:00Z'));
    const d = clock.serialOfInstant(Date.parse('2026-10-25T03:00:00Z'));
    expect((d - c) * 24).toBeCloseTo(4, 9);
  });

  it('treats undefined, null, "" and a blank [[x]] as an omitted argument', () => {
    for (const v of [undefined, null, '', '  ', [[null]], [['']]]) expect(isOmitted(v)).toBe(true);
    expect(readNumberArg(utc, [[0.9]], 'k')).toBe(0.9);
    expect(readNumberArg(utc, null, 'k', 0.95)).toBe(0.95);
    expect(() => readNumberArg(utc, [[1, 2]], 'k')).toThrow('TEST: k must be a single value, not a range');
  });

  it('reads flags in English and German, skipping a header but not unknown text later', () => {
    const f = readFlags(utc, [['Converted'], [true], ['ja'], ['nein'], [0], ['x'], [null]]);
    expect(Array.from(f.flags)).toEqual([-1, 1, 1, 0, 0, 1, -1]);
    expect(() => readFlags(utc, [[true], ['maybe']])).toThrow(KpiError);
    expect(() => readFlags(utc, [[true], ['maybe']])).toThrow('TEST: "maybe" at row 2 is not a yes/no flag');
  });

  it('labels periods with ISO weeks and quarters', () => {
    expect(periodLabel(serial('2026-03-05'), 'week')).toBe('2026-W10');
    expect(periodLabel(serial('2027-01-01'), 'week')).toBe('2026-W53');
    expect(periodLabel(serial('2024-12-30'), 'week')).toBe('2025-W01');
    expect(periodLabel(serial('2026-03-05T13:00'), 'day')).toBe('2026-03-05');
    expect(periodLabel(serial('2026-05-31'), 'quarter')).toBe('2026-Q2');
    expect(periodLabel(serial('2026-05-31'), 'month')).toBe('2026-05');
    expect(periodLabel(serial('2026-05-31'), 'year')).toBe('2026');
  });

  it('rejects numbers outside the spreadsheet date range where a date is expected', () => {
    expect(() => readDates(utc, [[45000], [1e308]], 'opened')).toThrow('TEST: 1e+308 at row 2 of opened is not a date (outside the years 100 to 9999)');
    expect(() => readDateArg(utc, [[-1e9]], 'as_of')).toThrow('TEST: as_of -1000000000 is not a date');
    expect(readDateArg(utc, null, 'to', Infinity)).toBe(Infinity);
  });
});
