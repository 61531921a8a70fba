import { describe, expect, it } from 'vitest';
import { columnLetter, formatGeneral, formatSerial, formatValue } from '../../sidebar/preview/format.js';
import { sparkRuns } from '../../sidebar/preview/sparkline.js';

// Expectations are what Excel/LibreOffice show for the same value and format (checked by hand).
describe('the preview shows cached values in their number format', () => {
  it('shows percentages, decimals and grouping', () => {
    expect(formatValue(0.8523, '0.0%', 'en')).toBe('85.2%');
    expect(formatValue(0.8523, '0%', 'en')).toBe('85%');
    expect(formatValue(0.8523, '0.0%', 'de')).toBe('85,2\u00a0%');
    expect(formatValue(1234567.891, '#,##0.00', 'en')).toBe('1,234,567.89');
    expect(formatValue(1234567.891, '#,##0.00', 'de')).toBe('1.234.567,89');
    expect(formatValue(12.345, '0.0', 'en')).toBe('12.3');
    expect(formatValue(3, '0.0#', 'en')).toBe('3.0');
    expect(formatValue(3.14159, '0.0#', 'en')).toBe('3.14');
  });

  it('puts the minus sign in front and honours a negative section', () => {
    expect(formatValue(-4.5, '0.0', 'en')).toBe('-4.5');
    expect(formatValue(-4.5, '0.0;(0.0)', 'en')).toBe('(4.5)');
    expect(formatValue(0, '0.0;-0.0;"–"', 'en')).toBe('–');
  });

  it('keeps quoted literals and units', () => {
    expect(formatValue(12.25, '0.0 "h"', 'en')).toBe('12.3 h');
    expect(formatValue(45, '+0;-0;0', 'en')).toBe('+45');
  });

  it('shows serials and Dates in date formats', () => {
    // 46082 is 2026-03-01 (Excel serial); .4375 of a day is 10:30.
    expect(formatSerial(46082.4375, 'yyyy-mm-dd hh:mm', 'en')).toBe('2026-03-01 10:30');
    expect(formatValue(46082, 'dd.mm.yyyy', 'de')).toBe('01.03.2026');
    expect(formatValue(46082, 'mmm yyyy', 'en')).toBe('Mar 2026');
    expect(formatValue(46082, 'mmmm yyyy', 'de')).toBe('März 2026');
    expect(formatValue(new Date(Date.UTC(2026, 2, 1, 10, 30)), undefined, 'en')).toBe('2026-03-01 10:30');
    expect(formatValue(new Date(Date.UTC(2026, 2, 1)), 'yyyy-mm-dd', 'en')).toBe('2026-03-01');
  });

  it('shows General numbers with up to ten significant digits, and text and booleans as they are', () => {
    expect(formatGeneral(1 / 3, 'en')).toBe('0.3333333333');
    expect(formatGeneral(2.5, 'de')).toBe('2,5');
    expect(formatValue(42, undefined, 'en')).toBe('42');
    expect(formatValue('<b>x</b>', '0.0', 'en')).toBe('<b>x</b>');
    expect(formatValue(true, undefined, 'de')).toBe('WAHR');
    expect(formatValue('', '0%', 'en')).toBe('');
  });
});

describe('sparklines and sheet columns', () => {
  it('draws a trend with gaps where a period has no value', () => {
    const runs = sparkRuns([1, 2, '', 4], 32, 12, 2);
    expect(runs).toHaveLength(2);
    // x steps by (32 − 4) / 3; y maps 1 → bottom (10) and 4 → top (2).
    expect(runs[0]).toEqual([{ x: 2, y: 10 }, { x: 11.3, y: 7.3 }]);
    expect(runs[1]).toEqual([{ x: 30, y: 2 }]);
  });

  it('draws a flat line through the middle when every value is the same', () => {
    expect(sparkRuns([5, 5], 20, 10, 2)).toEqual([[{ x: 2, y: 5 }, { x: 18, y: 5 }]]);
    expect(sparkRuns(['', ''], 20, 10)).toEqual([]);
  });

  it('names columns like a spreadsheet', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
