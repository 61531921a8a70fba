/**
 * Excel data types (issue 15): with allowCustomDataForDataTypeAny, Excel passes data-typed cells as
 * objects — a formatted number `{ type: "FormattedNumber", basicValue, numberFormat }`, a double
 * `{ type: "Double", basicValue }`, an entity with its `text`. The core reads their plain value
 * (on the slow path only) in every reader; error objects stay errors.
 */
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { wallClock } from '../../core/values/clock.js';
import { readFlags } from '../../core/values/flags.js';
import { describeValue, plainValue, NOT_PLAIN } from '../../core/values/grid.js';
import { isOmitted, readKeys, readNumberArg, readNumbers } from '../../core/values/read.js';
import { call, col, errorOf } from '../helpers/call.js';

const utc = contextFor('TEST', wallClock('UTC'));
const formatted = (v: number, numberFormat = '0.0'): unknown => ({ type: 'FormattedNumber', basicValue: v, numberFormat });
const double = (v: number): unknown => ({ type: 'Double', basicValue: v, numberFormat: '0.00%' });
const entity = (text: string): unknown => ({ type: 'Entity', text, properties: { Region: { type: 'String', basicValue: 'EU' } } });

describe('Excel data-typed cells', () => {
  it('unwrap to their plain value', () => {
    expect(plainValue(formatted(4.5))).toBe(4.5);
    expect(plainValue(double(0.25))).toBe(0.25);
    expect(plainValue({ type: 'String', basicValue: 'ja' })).toBe('ja');
    expect(plainValue({ type: 'Boolean', basicValue: true })).toBe(true);
    expect(plainValue(entity('Berlin'))).toBe('Berlin');
    expect(plainValue({ type: 'Empty' })).toBeNull();
    expect(plainValue({ type: 'WebImage', address: 'https://example.com/x.png' })).toBe(NOT_PLAIN);
    expect(describeValue(formatted(4.5))).toBe('4.5');
  });

  it('are read in number, key and flag columns, and as single values', () => {
    expect(Array.from(readNumbers(utc, col('Score', formatted(9), double(10), { type: 'Empty' })).values)).toEqual([NaN, 9, 10, NaN]);
    expect(readKeys(utc, col(entity(' Team A '), formatted(42), 42)).keys).toEqual(['Team A', '42', '42']);
    expect(Array.from(readFlags(utc, col({ type: 'Boolean', basicValue: false }, { type: 'String', basicValue: 'yes' })).flags)).toEqual([0, 1]);
    expect(readNumberArg(utc, [[formatted(5)]], 'scale_max')).toBe(5);
    expect(isOmitted([[{ type: 'Empty' }]])).toBe(true);
  });

  it('give KPIs their values: NPS over formatted numbers, CSAT with a formatted scale_max', () => {
    expect(call('NPS', col('Score', formatted(10), formatted(9), formatted(3)))).toBeCloseTo(100 / 3, 12);
    expect(call('CSAT', col(formatted(5), formatted(4), 2), [[formatted(5)]])).toBeCloseTo(2 / 3, 12);
    expect(call('KPI_BY_GROUP', 'NPS', col(entity('mail'), entity('phone'), entity('mail')), col(10, 0, 9))).toEqual([
      ['Group', 'Rows', 'Value'], ['mail', 2, 100], ['phone', 1, -100],
    ]);
  });

  it('still report error objects and values nothing can read, naming them', () => {
    expect(errorOf(() => call('NPS', col(10, { type: 'Error', basicValue: '#DIV/0!' }))).message).toBe('NPS: #DIV/0! at row 2 is an error value');
    expect(errorOf(() => call('NPS', col(10, { type: 'WebImage', address: 'x' }))).message).toBe('NPS: an unsupported value at row 2 is not a value this function reads');
  });
});
