import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog/index.js';
import { contextFor } from '../../core/call.js';
import { noDataError } from '../../core/errors.js';
import { wallClock } from '../../core/values/clock.js';
import type { CallContext, CatalogImpl, Table } from '../../core/values/context.js';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

/** Compares a result table, numbers to 9 decimals. */
function expectTable(actual: unknown, expected: (string | number)[][]): void {
  const t = actual as Table;
  expect(t.length).toBe(expected.length);
  for (let r = 0; r < expected.length; r++) {
    expect(t[r].length).toBe(expected[r].length);
    for (let c = 0; c < expected[r].length; c++) {
      const want = expected[r][c];
      if (typeof want === 'number' && !Number.isInteger(want)) expect(t[r][c]).toBeCloseTo(want, 9);
      else expect(t[r][c]).toBe(want);
    }
  }
}

describe('KPI_BY_PERIOD', () => {
  it('runs NPS per month on Excel serials, skipping the header and rows without a date', () => {
    const dates = col('Date', serial('2026-01-05'), serial('2026-01-20'), serial('2026-02-03'), serial('2026-02-10'), serial('2026-02-28T23:00'), null, serial('2026-03-15'));
    const scores = col('Score', 10, 6, 9, 9, 7, 10, null);
    // Jan: 10 promoter, 6 detractor → 50 − 50 = 0. Feb: 9, 9 promoters, 7 passive → 66.67 − 0.
    // Mar: one row, its score blank → no data → "". The undated 10 belongs to no period.
    expectTable(call('KPI_BY_PERIOD', 'NPS', dates, 'month', scores), [
      ['Period', 'Rows', 'Value'],
      ['2026-01', 2, 0],
      ['2026-02', 3, 200 / 3],
      ['2026-03', 1, ''],
    ]);
    // The same with the German period word and the Excel-namespaced, lower-case KPI name.
    expect(call('KPI_BY_PERIOD', 'kpi.nps', dates, 'Monat', scores)).toEqual(call('KPI_BY_PERIOD', 'NPS', dates, 'month', scores));
  });

  it('passes CSAT\'s scale_max literal unchanged and reads Sheets Date objects in the spreadsheet zone', () => {
    // 2026-03-31T22:30Z is 1 April 00:30 in Berlin (CEST, UTC+2): second quarter there, first quarter in UTC.
    const dates = [['Date'], [new Date('2026-02-10T12:00:00Z')], [new Date('2026-03-31T12:00:00Z')], [new Date('2026-03-31T22:30:00Z')], [new Date('2026-05-05T08:00:00Z')], [new Date('2026-06-01T08:00:00Z')]];
    const ratings = [['Rating'], [10], [8], [9], [9], [3]];
    // scale 0–10, threshold 9. Berlin: Q1 = 10, 8 → 1/2; Q2 = 9, 9, 3 → 2/3.
    expectTable(callIn('Europe/Berlin', 'KPI_BY_PERIOD', 'CSAT', dates, 'Quartal', ratings, 10), [
      ['Period', 'Rows', 'Value'],
      ['2026-Q1', 2, 0.5],
      ['2026-Q2', 3, 2 / 3],
    ]);
    // UTC: Q1 = 10, 8, 9 → 2/3; Q2 = 9, 3 → 1/2. Excel's [[10]] literal works the same.
    expectTable(call('KPI_BY_PERIOD', 'CSAT', dates, 'quarter', ratings, [[10]]), [
      ['Period', 'Rows', 'Value'],
      ['2026-Q1', 3, 2 / 3],
      ['2026-Q2', 2, 0.5],
    ]);
  });

  it('cuts both ranges of AVG_RESOLUTION to each month and passes the unit word unchanged', () => {
    const opened = col('Opened', '2026-03-02 09:00', '2026-03-03 10:00', '2026-04-01 08:00', '2026-04-02 08:00');
    const resolved = col('Resolved', '2026-03-02 15:00', '2026-03-04 10:00', '2026-04-01 20:00', null);
    // March: 6 h and 24 h → 15 h. April: 12 h; the ticket of 2 April is still open.
    expectTable(call('KPI_BY_PERIOD', 'AVG_RESOLUTION', opened, 'month', opened, resolved), [
      ['Period', 'Rows', 'Value'],
      ['2026-03', 2, 15],
      ['2026-04', 2, 12],
    ]);
    // In days: 15 / 24 = 0.625 and 12 / 24 = 0.5 (Excel passes the word as [["Tage"]]).
    expectTable(call('KPI_BY_PERIOD', 'AVG_RESOLUTION', opened, 'month', opened, resolved, [['Tage']]), [
      ['Period', 'Rows', 'Value'],
      ['2026-03', 2, 0.625],
      ['2026-04', 2, 0.5],
    ]);
  });

  it('passes a holidays list written across one row unchanged to every period', () => {
    const opened = col(serial('2026-03-02T09:00'), serial('2026-04-01T08:00'));
    const resolved = col(serial('2026-03-03T09:00'), serial('2026-04-01T20:00'));
    const holidays = [[serial('2026-03-02'), serial('2026-12-25')]];
    // March: 24 h minus the holiday 2 March (09:00–24:00 = 15 h) → 9 h. April: 12 h, no holiday.
    expectTable(call('KPI_BY_PERIOD', 'AVG_RESOLUTION', opened, 'month', opened, resolved, 'hours', '', holidays), [
      ['Period', 'Rows', 'Value'],
      ['2026-03', 1, 9],
      ['2026-04', 1, 12],
    ]);
  });

  it('gives each quarter its own retention: first start, last end and summed new customers of that quarter', () => {
    const dates = col(serial('2026-01-31'), serial('2026-02-28'), serial('2026-03-31'), serial('2026-04-30'));
    const start = col(200, 205, 210, 220);
    const end = col(205, 210, 220, 230);
    const won = col(10, 12, 15, 20);
    // Q1: (220 − 37) / 200 = 0.915. Q2: (230 − 20) / 220.
    expectTable(call('KPI_BY_PERIOD', 'RETENTION_RATE', dates, 'quarter', start, end, won), [
      ['Period', 'Rows', 'Value'],
      ['2026-Q1', 3, 0.915],
      ['2026-Q2', 1, 210 / 220],
    ]);
  });

  it('runs CASH_FLOW and CONVERSION_RATE per ISO week (Woche)', () => {
    // Monday 2026-03-02 starts W10; Sunday 2026-03-08 still W10; Monday 2026-03-09 is W11.
    const dates = col(serial('2026-03-02'), serial('2026-03-08'), serial('2026-03-09'));
    // W10: 100 + 50 − 30 = 120; W11: 70 − 20 = 50
    expectTable(call('KPI_BY_PERIOD', 'CASH_FLOW', dates, 'Woche', col(100, 50, 70), col(-30, null, 20)), [
      ['Period', 'Rows', 'Value'],
      ['2026-W10', 2, 120],
      ['2026-W11', 1, 50],
    ]);
    // W10: yes, no → 0.5; W11: ja → 1
    expectTable(call('KPI_BY_PERIOD', 'CONVERSION_RATE', dates, 'week', col('yes', 'no', 'ja')), [
      ['Period', 'Rows', 'Value'],
      ['2026-W10', 2, 0.5],
      ['2026-W11', 1, 1],
    ]);
  });

  it('reports a bad cell with its row in the whole range, even where it starts a period', () => {
    // "maybe" is the first flag of February; cut alone it would pass for a header.
    const dates = col('Date', serial('2026-01-10'), serial('2026-02-10'), serial('2026-02-11'));
    const outcomes = col('Converted', 'yes', 'maybe', 'no');
    expect(errorOf(() => call('KPI_BY_PERIOD', 'CONVERSION_RATE', dates, 'month', outcomes)).message).toBe(
      'KPI_BY_PERIOD: CONVERSION_RATE: "maybe" at row 3 of outcomes is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)',
    );
  });

  it('names both functions and the period when a KPI fails for one period only', () => {
    const dates = col(serial('2026-01-31'), serial('2026-04-30'));
    const e = errorOf(() => call('KPI_BY_PERIOD', 'RETENTION_RATE', dates, 'quarter', col(200, 0), col(205, 230), col(10, 20)));
    expect(e.kind).toBe('value');
    expect(e.message).toBe('KPI_BY_PERIOD: RETENTION_RATE: customers_start is 0; cannot divide by zero (in period 2026-Q2)');
  });

  it('rejects a range whose row count differs from dates, naming its position and both counts', () => {
    const dates = col(serial('2026-01-31'), serial('2026-02-28'), serial('2026-03-31'), serial('2026-04-30'));
    expect(errorOf(() => call('KPI_BY_PERIOD', 'RETENTION_RATE', dates, 'quarter', col(1, 2, 3, 4), col(1, 2, 3, 4), col(1, 2, 3))).message).toBe(
      'KPI_BY_PERIOD: argument 6 has 3 rows but dates has 4; ranges in args must have as many rows as dates (single values and one-row lists are passed unchanged)',
    );
  });

  it('accepts only single-value catalog KPIs', () => {
    const dates = col(serial('2026-01-31'));
    expect(errorOf(() => call('KPI_BY_PERIOD', 'NPS_TREND', dates, 'month', col(9), dates)).message).toMatch(/^KPI_BY_PERIOD: kpi "NPS_TREND" does not return a single value; KPI_BY_PERIOD needs the name of a single-value KPI/);
    expect(errorOf(() => call('KPI_BY_PERIOD', 'KPI_BY_GROUP', dates, 'month', col(9))).message).toMatch(/kpi "KPI_BY_GROUP" does not return a single value/);
    expect(errorOf(() => call('KPI_BY_PERIOD', 'HAPPINESS', dates, 'month', col(9))).message).toMatch(/^KPI_BY_PERIOD: kpi "HAPPINESS" is not a catalog KPI/);
    expect(errorOf(() => call('KPI_BY_PERIOD', '', dates, 'month', col(9))).message).toMatch(/^KPI_BY_PERIOD: kpi is blank/);
  });

  it('is no data when dates holds no date, and names a wrong period word', () => {
    expect(errorOf(() => call('KPI_BY_PERIOD', 'NPS', col('Date', null), 'month', col('Score', 9))).kind).toBe('na');
    expect(errorOf(() => call('KPI_BY_PERIOD', 'NPS', col(serial('2026-01-31')), 'fortnight', col(9))).message).toMatch(/^KPI_BY_PERIOD: period "fortnight" is not one of/);
  });

  it('hands the KPI its own name and each period\'s original row arrays, never copies', () => {
    const seen: { fn: string; rows: unknown }[] = [];
    const spy: CatalogImpl = {
      name: 'SPY',
      result: 'scalar',
      impl: (ctx, args) => {
        seen.push({ fn: ctx.fn, rows: args[0] });
        if ((args[0] as unknown[]).length === 0) throw noDataError(ctx.fn);
        return 1;
      },
    };
    const ctx: CallContext = { ...contextFor('KPI_BY_PERIOD', wallClock('UTC')), lookup: (n) => (n === 'SPY' ? spy : undefined) };
    const values = col('a', 'b', 'c');
    findFunction('KPI_BY_PERIOD')!.impl(ctx, ['SPY', col(serial('2026-01-01'), serial('2026-02-01'), serial('2026-01-02')), 'month', values]);
    // first the whole-range check, then January (rows 1 and 3), then February (row 2)
    expect(seen.map((s) => s.fn)).toEqual(['SPY', 'SPY', 'SPY']);
    const jan = seen[1].rows as unknown[][];
    expect(jan.length).toBe(2);
    expect(jan[0]).toBe(values[0]);
    expect(jan[1]).toBe(values[2]);
    expect((seen[2].rows as unknown[][])[0]).toBe(values[1]);
  });
});

describe('KPI_BY_GROUP', () => {
  it('runs CSAT per channel, most rows first, skipping the header row and blank groups', () => {
    const channel = col('Channel', 'Email', 'Phone', 'Email', 'Chat', '', 'Phone', 'Email');
    const rating = col('Rating', 5, 2, 4, 5, 5, null, 3);
    // Email: 5, 4, 3 → 2 of 3 ≥ 4. Phone: 2 and a blank → 0 of 1. Chat: 5 → 1. The row without a channel is left out.
    expectTable(call('KPI_BY_GROUP', 'CSAT', channel, rating), [
      ['Group', 'Rows', 'Value'],
      ['Email', 3, 2 / 3],
      ['Phone', 2, 0],
      ['Chat', 1, 1],
    ]);
  });

  it('sorts ties by code point and treats 42 and "42" as one group', () => {
    // 'Z' (U+005A) < 'a' < 'ä' (U+00E4) < 'ｚ' (U+FF5A) < '😀' (U+1F600; UTF-16 order would put it before 'ｚ')
    const groups = col(42, '😀', 'a', 'ｚ', 'ä', 'Z', '42');
    const scores = col(10, 10, 10, 10, 10, 10, 0);
    // 42: 10 and 0 → 50 − 50 = 0; every other group one promoter → 100
    expectTable(call('KPI_BY_GROUP', 'NPS', groups, scores), [
      ['Group', 'Rows', 'Value'],
      ['42', 2, 0],
      ['Z', 1, 100],
      ['a', 1, 100],
      ['ä', 1, 100],
      ['ｚ', 1, 100],
      ['😀', 1, 100],
    ]);
  });

  it('keeps a first row that holds data', () => {
    // North's only row is row 1, but it holds the score 10: it is data, not a header.
    expectTable(call('KPI_BY_GROUP', 'NPS', col('North', 'South', 'South'), col(10, 9, 3)), [
      ['Group', 'Rows', 'Value'],
      ['South', 2, 0],
      ['North', 1, 100],
    ]);
  });

  it('runs AVG_RESOLUTION per agent with both ranges cut and the unit word unchanged', () => {
    const agents = [['Agent'], ['Ana'], ['Ben'], ['Ana'], [null]];
    const opened = [['Opened'], [serial('2026-03-02T09:00')], [serial('2026-03-02T10:00')], [serial('2026-03-03T09:00')], [serial('2026-03-04T09:00')]];
    const resolved = [['Resolved'], [serial('2026-03-02T11:00')], [serial('2026-03-02T11:00')], [serial('2026-03-03T13:00')], [serial('2026-03-04T10:00')]];
    // Ana: 2 h and 4 h → 3 h = 180 min; Ben: 1 h = 60 min
    expectTable(call('KPI_BY_GROUP', 'AVG_RESOLUTION', agents, opened, resolved, 'Minuten'), [
      ['Group', 'Rows', 'Value'],
      ['Ana', 2, 180],
      ['Ben', 1, 60],
    ]);
  });

  it('runs the customer KPIs per segment', () => {
    // Web: C1 twice → 1 of 1 repeats; Shop: C2 once → 0
    expectTable(call('KPI_BY_GROUP', 'REPEAT_CUSTOMER_RATE', col('Web', 'Web', 'Shop'), col('C1', 'C1', 'C2')), [
      ['Group', 'Rows', 'Value'],
      ['Web', 2, 1],
      ['Shop', 1, 0],
    ]);
    // Team A: yes, no → 0.5; Team B: blank only → no data → ""
    expectTable(call('KPI_BY_GROUP', 'FIRST_CONTACT_RESOLUTION', col('Team', 'A', 'B', 'A'), col('FCR', true, null, false)), [
      ['Group', 'Rows', 'Value'],
      ['A', 2, 0.5],
      ['B', 1, ''],
    ]);
  });

  it('rejects ranges of another height and table KPIs, and is no data without groups', () => {
    expect(errorOf(() => call('KPI_BY_GROUP', 'NPS', col('A', 'B'), col(9, 9, 9))).message).toBe(
      'KPI_BY_GROUP: argument 3 has 3 rows but groups has 2; ranges in args must have as many rows as groups (single values and one-row lists are passed unchanged)',
    );
    expect(errorOf(() => call('KPI_BY_GROUP', 'NPS_BREAKDOWN', col('A'), col(9))).message).toMatch(/^KPI_BY_GROUP: kpi "NPS_BREAKDOWN" does not return a single value/);
    expect(errorOf(() => call('KPI_BY_GROUP', 'NPS', col(null, ''), col(9, 9))).kind).toBe('na');
  });

  it('passes an NPS score out of scale on with both names and its row in the whole range', () => {
    expect(errorOf(() => call('KPI_BY_GROUP', 'NPS', col('Channel', 'Email', 'Phone', 'Email'), col('Score', 9, 10, 11))).message).toMatch(/^KPI_BY_GROUP: NPS: 11 at row 4/);
  });
});
