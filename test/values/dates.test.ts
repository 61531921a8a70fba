/**
 * Date text in every v3 layout, the day/month order decided once per call over all date arguments
 * (and over the whole ranges before KPI_BY_PERIOD / KPI_BY_GROUP cut them), Excel's two-digit-year
 * window, and serial 0 read as Excel's blank. Expected serials by hand through the test helper
 * `serial` (wall clock); real-export layouts as the issue lists them (Google Forms, ServiceNow,
 * Jira, Freshdesk).
 */
import { describe, expect, it } from 'vitest';
import { contextFor, callSpec } from '../../core/call.js';
import { findFunction } from '../../core/catalog/index.js';
import { wallClock } from '../../core/values/clock.js';
import { parseDateText } from '../../core/values/date-text.js';
import { readDates } from '../../core/values/read.js';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

const UTC = wallClock('UTC');
const utc = contextFor('TEST', UTC);
const at = (t: string): number | undefined => {
  const r = parseDateText(t, UTC);
  return typeof r === 'number' ? r : undefined;
};
const close = (a: number | undefined, b: number): void => {
  expect(a).toBeDefined();
  expect(Math.abs(a! - b)).toBeLessThan(1e-9);
};

describe('date layouts (each cell on its own)', () => {
  it('reads ISO with T or a space, seconds, fractions, Z and offsets, and year-first slashes', () => {
    close(at('2026-03-01'), serial('2026-03-01'));
    close(at('2026-03-01 10:30'), serial('2026-03-01T10:30'));
    close(at('2026-03-01T10:30:15'), serial('2026-03-01T10:30:15'));
    close(at('2026-03-01T10:30:15.500'), serial('2026-03-01T10:30:15') + 0.5 / 86_400);
    close(at('2026-03-01T09:30:00Z'), serial('2026-03-01T09:30'));
    close(at('2026-03-01T11:30:00+02:00'), serial('2026-03-01T09:30'));
    close(at('2026-03-01 10:30:00 UTC'), serial('2026-03-01T10:30'));
    close(at('2026-03-01T05:00:00-0500'), serial('2026-03-01T10:00'));
    close(at('2026/03/01 10:30'), serial('2026-03-01T10:30'));
  });

  it('reads German dates with four- and two-digit years and "Uhr"', () => {
    close(at('01.03.2026 10:30'), serial('2026-03-01T10:30'));
    close(at('1.3.2026'), serial('2026-03-01'));
    close(at('01.03.26 14:30 Uhr'), serial('2026-03-01T14:30'));
  });

  it('reads day-first and month-first numbers when the cell itself shows the order', () => {
    close(at('29-02-2016 01:16'), serial('2016-02-29T01:16')); // ServiceNow, day first
    close(at('13/01/2026'), serial('2026-01-13'));
    close(at('11/13/2019 8:51:12'), serial('2019-11-13T08:51:12')); // Google Forms, month first
    close(at('12-25-2026'), serial('2026-12-25'));
  });

  it('reads English and German month names, full and abbreviated, with or without a dot', () => {
    close(at('11/Jun/24 3:07 PM'), serial('2024-06-11T15:07')); // Jira
    close(at('31-Jul-18'), serial('2018-07-31')); // Jira, two-digit year
    close(at('5 Mar 2026'), serial('2026-03-05'));
    close(at('5. März 2026 14:30'), serial('2026-03-05T14:30'));
    close(at('5. Mrz. 2026'), serial('2026-03-05'));
    close(at('5 Mär 2026'), serial('2026-03-05'));
    close(at('1. Mai 2026'), serial('2026-05-01'));
    close(at('3. Okt. 2026'), serial('2026-10-03'));
    close(at('24 Dez 2026'), serial('2026-12-24'));
    close(at('1 Sept 2026'), serial('2026-09-01'));
    close(at('1 September 2026'), serial('2026-09-01'));
    close(at('Mar 5, 2026'), serial('2026-03-05'));
    close(at('June 11 2024 3:07 PM'), serial('2024-06-11T15:07'));
    close(at('Tue, 05 Mar 2026 14:30:00 +0100'), serial('2026-03-05T13:30')); // e-mail style, an instant
  });

  it('reads 12-hour clocks: 12 AM is midnight, 12 PM noon', () => {
    close(at('12/25/2026 12:00 AM'), serial('2026-12-25'));
    close(at('12/25/2026 12:30 PM'), serial('2026-12-25T12:30'));
    close(at('25 Dec 2026 11:59:59 p.m.'), serial('2026-12-25T23:59:59'));
    expect(parseDateText('12/25/2026 13:00 PM', UTC)).toEqual({ problem: 'is not a valid time (12-hour clock hours run from 1 to 12)' });
  });

  it('reads two-digit years as Excel does: 00–29 are 2000–2029, 30–99 are 1930–1999', () => {
    close(at('31-Jul-29'), serial('2029-07-31'));
    close(at('31-Jul-30'), serial('1930-07-31'));
    close(at('01.03.99'), serial('1999-03-01'));
    close(at('13/01/00'), serial('2000-01-13'));
  });

  it('names impossible dates and layouts it does not read; other text is no date', () => {
    expect(parseDateText('31/02/2026', UTC)).toEqual({ problem: 'is not a valid date (read day first)' });
    expect(parseDateText('2026-02-30', UTC)).toEqual({ problem: 'is not a valid date' });
    expect(parseDateText('2026.03.01', UTC)).toHaveProperty('problem');
    expect(parseDateText('5 Foo 2026', UTC)).toHaveProperty('problem');
    expect(parseDateText('Opened', UTC)).toBeUndefined();
    expect(parseDateText('May 2026', UTC)).toBeUndefined();
    expect(parseDateText('10:30', UTC)).toBeUndefined();
  });

  it('leaves text whose parts are both 12 or less to the call, naming both readings', () => {
    expect(parseDateText('03/01/2026 10:00', UTC)).toEqual({ problem: 'could be 3 Jan or 1 Mar 2026; nothing decides the day/month order (write ISO dates such as 2026-01-03)' });
    close(parseDateText('03/01/2026', UTC, 'mdy') as number, serial('2026-03-01'));
    close(parseDateText('03/01/2026', UTC, 'dmy') as number, serial('2026-01-03'));
  });
});

describe('the day/month order, decided once per call', () => {
  it('takes it from any date of any date argument: evidence in opened decides resolved', () => {
    // 05/02/2012 13:32 alone could be 5 Feb or 2 May; 29/02/2012 says day first.
    const opened = col('Opened', '29/02/2012 09:00', '05/02/2012 09:32');
    const resolved = col('Resolved', '01/03/2012 09:00', '05/02/2012 13:32');
    // 1 Mar 09:00 − 29 Feb 09:00 = 24 h; 5 Feb 09:32 → 13:32 = 4 h; mean 14 h.
    expect(call('AVG_RESOLUTION', opened, resolved)).toBeCloseTo(14, 9);
    // Month first (Google Forms): 11/13/2019 decides for 11/1/2019.
    const forms = col('Timestamp', '11/1/2019 8:51:12', '11/13/2019 10:00:00');
    expect(call('RESOLVED_ISSUES', forms, '2019-11-01', '2019-11-01')).toBe(1);
  });

  it('reads the same column the same way whichever cell comes first', () => {
    const cells = ['05/02/2012 13:32', '29/02/2012 09:00', '01/03/2012', 'Opened'];
    const read = (xs: string[]) => Array.from(readDates(utc, col(...xs)).values);
    const base = read(cells);
    for (let k = 1; k < cells.length; k++) {
      const rotated = [...cells.slice(k), ...cells.slice(0, k)];
      expect(read(rotated)).toEqual([...base.slice(k), ...base.slice(0, k)]);
    }
    expect(base[0]).toBeCloseTo(serial('2012-02-05T13:32'), 9);
  });

  it('is an error when the dates show both orders, naming a cell of each', () => {
    const e = errorOf(() => call('AVG_RESOLUTION', col('13/01/2026 09:00'), col('01/14/2026 10:00')));
    expect(e.message).toBe('AVG_RESOLUTION: "13/01/2026 09:00" at row 1 of opened reads day first but "01/14/2026 10:00" at row 1 of resolved month first; the dates of one call must be written one way (or as ISO dates such as 2026-01-13)');
  });

  it('is an error when nothing decides, quoting a cell, its row and both readings (catalog v3)', () => {
    const e = errorOf(() => call('RESOLVED_ISSUES', col('03/01/2026 10:00', '04/01/2026 11:00')));
    expect(e.message).toBe('RESOLVED_ISSUES: "03/01/2026 10:00" at row 1 of resolved could be 3 Jan or 1 Mar 2026; nothing in the call decides the day/month order (no date with a day above 12): write ISO dates (2026-01-03) or real date cells');
    expect(e.kind).toBe('value');
  });

  it('takes the caller\'s order (scorecard, command line) only when nothing decides', () => {
    const spec = findFunction('RESOLVED_ISSUES')!;
    const dates = col('03/01/2026 10:00', '04/01/2026 11:00');
    // Month first: 1 Mar and 1 Apr; day first: 3 Jan and 4 Jan.
    expect(callSpec(spec, UTC, [dates, '2026-03-01', '2026-03-31'], { dateOrder: 'mdy' })).toBe(1);
    expect(callSpec(spec, UTC, [dates, '2026-03-01', '2026-03-31'], { dateOrder: 'dmy' })).toBe(0);
    // Evidence wins over the preference: 13/01 says day first.
    expect(callSpec(spec, UTC, [col('03/01/2026', '13/01/2026'), '2026-01-01', '2026-01-31'], { dateOrder: 'mdy' })).toBe(2);
    expect(errorOf(() => callSpec(spec, UTC, [col('13/01/2026', '01/13/2026')], { dateOrder: 'dmy' })).message).toMatch(/reads day first but/);
  });

  it('is decided over the whole ranges before KPI_BY_PERIOD and KPI_BY_GROUP cut them', () => {
    // Only the April row shows the order (13 = day); the January rows alone could be read either way.
    const opened = col('Opened', '05/01/2026 08:00', '06/01/2026 08:00', '13/04/2026 08:00');
    const resolved = col('Resolved', '05/01/2026 10:00', '06/01/2026 12:00', '13/04/2026 09:00');
    expect(call('KPI_BY_PERIOD', 'AVG_RESOLUTION', opened, 'month', opened, resolved)).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-01', 2, 3], ['2026-04', 1, 1],
    ]);
    const teams = col('Team', 'A', 'A', 'B');
    expect(call('KPI_BY_GROUP', 'AVG_RESOLUTION', teams, opened, resolved)).toEqual([
      ['Group', 'Rows', 'Value'], ['A', 2, 3], ['B', 1, 1],
    ]);
    // The order also holds for the inner KPI's own dates when the period dates are real dates.
    const realDates = col('Date', serial('2026-01-05'), serial('2026-01-06'), serial('2026-04-13'));
    expect(call('KPI_BY_PERIOD', 'AVG_RESOLUTION', realDates, 'month', opened, resolved)).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-01', 2, 3], ['2026-04', 1, 1],
    ]);
  });

  it('converts instants to the spreadsheet zone; wall-clock text stays as written', () => {
    // Berlin is UTC+1 in March: 09:30Z is 10:30 on the spreadsheet's clock.
    expect(callIn('Europe/Berlin', 'RESOLVED_ISSUES', col('2026-03-01T09:30:00Z', 'Sun, 01 Mar 2026 23:30:00 +0000'), '2026-03-01 10:29', '2026-03-01 10:31')).toBe(1);
    expect(callIn('Europe/Berlin', 'RESOLVED_ISSUES', col('01/03/2026 10:30', '13/03/2026'), '2026-03-01 10:29', '2026-03-01 10:31')).toBe(1);
  });
});

describe('serial 0 in a date argument (Excel passing a blank as 0)', () => {
  it('is a blank in date ranges: an open ticket, a row without a period', () => {
    const opened = col(serial('2026-03-01T08:00'), serial('2026-03-02T08:00'));
    // Row 2's resolved cell arrived as 0: open, not "resolved 1899-12-30 before opened".
    expect(call('AVG_RESOLUTION', opened, col(serial('2026-03-01T10:00'), 0))).toBeCloseTo(2, 9);
    expect(call('ACTIVE_ISSUES', opened, col(serial('2026-03-01T10:00'), 0))).toBe(1);
    expect(call('NPS_TREND', col(10, 9, 0), col(serial('2026-03-01'), serial('2026-03-02'), 0))).toEqual([
      ['Period', 'Responses', 'NPS', 'Change', 'Significant'], ['2026-03', 2, 100, '', ''],
    ]);
    expect(call('KPI_BY_PERIOD', 'NPS', col(serial('2026-03-01'), 0), 'month', col(10, 0))).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-03', 1, 100],
    ]);
  });

  it('is an omitted optional date, and a missing required one', () => {
    const opened = col(serial('2026-03-01T08:00'), serial('2026-03-02T08:00'));
    const resolved = col(serial('2026-03-01T10:00'), null);
    expect(call('SLA_ATTAINMENT', opened, resolved, 24, null, null, null, [[0]])).toBe(call('SLA_ATTAINMENT', opened, resolved, 24));
    expect(call('ACTIVE_ISSUES', opened, resolved, [[0]])).toBe(1);
    expect(call('RESOLVED_ISSUES', resolved, 0, 0)).toBe(1);
    expect(errorOf(() => call('BACKLOG_AGE', opened, resolved, [[0]])).message).toBe('BACKLOG_AGE: as_of is required (it is blank, or 0, which is how Excel may pass a blank cell)');
  });
});
