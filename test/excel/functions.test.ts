/**
 * The built functions.js, loaded as Excel loads it (a classic script) with a recording
 * CustomFunctions runtime, called with arguments shaped as Excel passes them: ranges as 2-D arrays,
 * single cells as [[x]], blanks and omitted optional arguments as null, dates as serials, error
 * cells as error objects, the repeating args… of KPI_BY_PERIOD as ONE array of matrices.
 * Expectations are the core's own results (same call in this process) and hand-computed values.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG } from '../../core/catalog/index.js';
import { bundleFunctions, FUNCTIONS_BUDGET, generateMetadata } from '../../scripts/excel-build.js';
import { call, col, serial } from '../helpers/call.js';
import { loadFunctions } from '../helpers/excel-runtime.js';
import type { LoadedFunctions } from '../helpers/excel-runtime.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let code = '';
let excel: LoadedFunctions;

beforeAll(async () => {
  code = await bundleFunctions(ROOT, true);
  excel = loadFunctions(code);
});

/** The catalog's NPS example: 60 scores of 10, 25 of 8, 15 of 3, with a header, blanks (null) and "". */
function npsExample(): unknown[][] {
  const rows: unknown[][] = [['Score']];
  for (let i = 0; i < 60; i++) rows.push([10]);
  rows.push([null]);
  for (let i = 0; i < 25; i++) rows.push([8]);
  rows.push(['']);
  for (let i = 0; i < 15; i++) rows.push([3]);
  return rows;
}

describe('functions.js as Excel loads it', () => {
  it('stays within the 150 KB budget for a custom-function bundle', () => {
    expect(Buffer.byteLength(code)).toBeLessThanOrEqual(FUNCTIONS_BUDGET);
  });

  it('is a classic script: no module syntax, and it loads without a CustomFunctions runtime', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(() => loadFunctions(code, false)).not.toThrow();
  });

  it('associates every id in functions.json exactly once', async () => {
    const { metadata } = await generateMetadata(CATALOG);
    const ids = metadata.functions.map((f) => f.id);
    expect([...excel.ids].sort()).toEqual([...ids].sort());
    expect(new Set(excel.ids).size).toBe(excel.ids.length);
    expect(ids).toEqual(CATALOG.map((f) => f.name));
  });
});

describe('Excel-shaped arguments reach the core unchanged', () => {
  it('computes the NPS of the catalog example (45) with a header, null blanks and ""', () => {
    // 60 % promoters − 15 % detractors = 45 points; blanks and the header are skipped.
    expect(excel.call('NPS', npsExample())).toBe(45);
    expect(excel.call('NPS', npsExample())).toBe(call('NPS', npsExample()));
  });

  it('gives an omitted optional argument (null) its default', () => {
    // z(0.95) · √((0.6 + 0.15 − 0.45²)/100) · 100 = 1.95996 · 0.073993 · 100 ≈ 14.50 points.
    const moe = excel.call('NPS_MOE', npsExample(), null) as number;
    expect(moe).toBeCloseTo(14.5, 1);
    expect(moe).toBe(call('NPS_MOE', npsExample()));
    // Ratings 5,5,4,3,2,4,5,1,4,4: 7 of 10 are 4 or 5 (top two of a 1–5 scale).
    const ratings = col(5, 5, 4, 3, 2, 4, 5, 1, 4, 4);
    expect(excel.call('CSAT', ratings, null, null)).toBe(0.7);
    // Threshold 5 as a single value: 3 of 10.
    expect(excel.call('CSAT', ratings, null, 5)).toBe(0.3);
  });

  it('reads single cells passed as [[x]]', () => {
    // (210 − 30) / 200 = 0.9
    expect(excel.call('RETENTION_RATE', [[200]], [[210]], [[30]])).toBe(0.9);
    // 0.86 is short of 0.9 by 0.04, within 5 % of the target (0.045): amber.
    expect(excel.call('KPI_STATUS', 0.86, 0.9, null, null)).toBe('amber');
  });

  it('reads dates as serials: resolution times are wall-clock differences', () => {
    const opened = col('Opened', serial('2026-03-02T09:00'), serial('2026-03-03T10:00'), serial('2026-03-04T08:00'));
    const resolved = col('Resolved', serial('2026-03-02T15:00'), serial('2026-03-04T10:00'), null);
    // (6 h + 24 h) / 2 resolved tickets = 15 h; the open ticket (null) is not counted.
    expect(excel.call('AVG_RESOLUTION', opened, resolved, null, null, null)).toBeCloseTo(15, 9);
    expect(excel.call('AVG_RESOLUTION', opened, resolved, 'days', null, null)).toBeCloseTo(15 / 24, 9);
    expect(excel.call('AVG_RESOLUTION', opened, resolved, null, null, null)).toBe(call('AVG_RESOLUTION', opened, resolved));
  });
});

describe('errors become CustomFunctions errors with the core message', () => {
  it('shows bad input as #VALUE! naming the value and its row', () => {
    const e = excel.errorOf('NPS', col(9, 10, 8, 11));
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toBe('NPS: 11 at row 4 is not a score from 0 to 10');
  });

  it('shows an error cell (either object Excel passes) as #VALUE! with its position', () => {
    const entity = excel.errorOf('NPS', col(10, { type: 'Error', basicValue: '#DIV/0!' }));
    expect(entity.code).toBe('#VALUE!');
    expect(entity.message).toBe('NPS: #DIV/0! at row 2 is an error value');
    const legacy = excel.errorOf('NPS', col(10, 9, { code: '#N/A', message: '' }));
    expect(legacy.message).toBe('NPS: #N/A at row 3 is an error value');
  });

  it('shows "no data" as #N/A, never as 0', () => {
    const e = excel.errorOf('NPS', col('Score', null, ''));
    expect(e.code).toBe('#N/A');
    expect(e.message).toBe('NPS: no data');
  });
});

describe('tables spill as 2-D arrays', () => {
  it('returns NPS_TREND with "" in the empty cells of its first period', () => {
    const scores = col(10, 9, 3, 10, 7, 2);
    const dates = col(serial('2026-03-02'), serial('2026-03-15'), serial('2026-03-20'), serial('2026-04-01'), serial('2026-04-02'), serial('2026-04-30'));
    const table = excel.call('NPS_TREND', scores, dates, null) as unknown[][];
    expect(table).toEqual(call('NPS_TREND', scores, dates));
    expect(table[0]).toEqual(['Period', 'Responses', 'NPS', 'Change', 'Significant']);
    // March: 2 promoters, 1 detractor of 3 → 33.3; the first period has no change.
    expect(table[1][0]).toBe('2026-03');
    expect(table[1][3]).toBe('');
    expect(table[1][4]).toBe('');
    for (const row of table) for (const cell of row) expect(cell === null || cell === undefined).toBe(false);
  });

  it('returns CSAT_CI as one row [low, high]', () => {
    // 8 of 10 satisfied: Wilson 95 % interval ≈ [0.490, 0.943].
    const ci = excel.call('CSAT_CI', col(5, 5, 4, 4, 5, 4, 4, 5, 2, 1), null, null, null) as number[][];
    expect(ci.length).toBe(1);
    expect(ci[0][0]).toBeCloseTo(0.49, 2);
    expect(ci[0][1]).toBeCloseTo(0.943, 2);
  });

  it('spreads the repeating args of KPI_BY_PERIOD, which Excel passes as one array of matrices', () => {
    const dates = col(serial('2026-03-02'), serial('2026-03-20'), serial('2026-04-01'), serial('2026-04-09'));
    const scores = col(10, 3, 9, 9);
    const byPeriod = excel.call('KPI_BY_PERIOD', 'NPS', dates, 'month', [scores]) as unknown[][];
    // March: one promoter, one detractor → 0; April: two promoters → 100.
    expect(byPeriod).toEqual([['Period', 'Rows', 'Value'], ['2026-03', 2, 0], ['2026-04', 2, 100]]);
    expect(byPeriod).toEqual(call('KPI_BY_PERIOD', 'NPS', dates, 'month', scores));

    const opened = col(serial('2026-03-01T08:00'), serial('2026-03-19T08:00'), serial('2026-03-31T12:00'), serial('2026-04-08T09:00'));
    // A literal among the args arrives wrapped as [["days"]].
    const days = excel.call('KPI_BY_PERIOD', 'AVG_RESOLUTION', dates, 'month', [opened, dates, [['days']]]) as unknown[][];
    expect(days).toEqual(call('KPI_BY_PERIOD', 'AVG_RESOLUTION', dates, 'month', opened, dates, 'days'));
  });
});

describe('the v3 functions with Excel-shaped arguments', () => {
  it('reads a status log of serials and spills STATUS_SUMMARY with "" in its empty cells', () => {
    // The catalog's worked example (Klipfolio/MetricHQ's requester wait): new 09:00, pending 10:00, open 12:00, solved 14:00.
    const ids = col('Ticket', 101, 101, 101, 101);
    const times = col('Time', serial('2026-03-02T12:00'), serial('2026-03-02T09:00'), serial('2026-03-02T14:00'), serial('2026-03-02T10:00'));
    const statuses = col('Status', 'open', 'new', 'solved', 'pending');
    expect(excel.call('TIME_IN_STATUS', ids, times, statuses, 'new, open, on-hold', null, null, null, null)).toBe(3);
    expect(excel.call('LOG_RESOLUTION', ids, times, statuses, [['solved']], [['pending']], null, null, null, null)).toBe(3);
    const summary = excel.call('STATUS_SUMMARY', ids, times, statuses, null, null, null, null) as unknown[][];
    expect(summary[4]).toEqual(['solved', 0, '', '', '']);
    expect(summary).toEqual(call('STATUS_SUMMARY', ids, times, statuses));
    // Inside KPI_BY_PERIOD (args as one array of matrices) the ticket stays in the period of its earliest date.
    const byDay = excel.call('KPI_BY_PERIOD', 'TIME_IN_STATUS', times, 'day', [ids, times, statuses, [['new, open, on-hold']]]) as unknown[][];
    expect(byDay).toEqual([['Period', 'Rows', 'Value'], ['2026-03-02', 4, 3]]);
  });

  it('reads TRUE/FALSE flags, null blanks and a [[x]] threshold in call rows; unknown author words are #VALUE!', () => {
    const waits = col('Wait (s)', 12, 45, 20, 8, 30, null);
    const answered = col('Answered', true, false, true, true, true, null);
    expect(excel.call('SERVICE_LEVEL', waits, answered, [[20]], null, null)).toBe(0.6);
    expect(excel.call('SERVICE_LEVEL', waits, answered, 20, [['short_abandons_excluded']], null)).toBe(0.6);
    // (300 + 60 + 200) / 2 = 280 s
    expect(excel.call('AHT', col(300, 200), col(60, null), null, null, [['minutes']])).toBeCloseTo(280 / 60, 12);
    const e = excel.errorOf('NEXT_REPLY_TIME', col(1, 1), col(serial('2026-03-02T09:00'), serial('2026-03-02T10:00')), col('customer', 'robot'), null, null, null);
    expect(e.code).toBe('#VALUE!');
    expect(e.message).toMatch(/^NEXT_REPLY_TIME: "robot" at row 2 of authors is not an author word/);
  });

  it('spills ERLANG_C and GROUP_SIGNIFICANCE, whose KPI arguments Excel passes as one array of matrices', () => {
    const erlang = excel.call('ERLANG_C', 100, 30, 180, 0.8, 19.8, 0.3, null) as number[][];
    expect(erlang[1].slice(0, 2)).toEqual([14, 20]);
    expect(erlang[1][2].toFixed(3)).toBe('0.888');
    const groups = col('Agent', 'Ann', 'Ann', 'Bo', 'Bo');
    const ratings = col('CSAT', 5, 4, 2, 5);
    const t = excel.call('GROUP_SIGNIFICANCE', 'CSAT', groups, [ratings, [[null]], [[null]]]) as unknown[][];
    expect(t).toEqual(call('GROUP_SIGNIFICANCE', 'CSAT', groups, ratings));
    expect(t[1]).toEqual(['Ann', 2, 1, 0.5, 0.5, '']);
    expect(excel.call('NPS_CI', npsExample(), null, [['wald']])).toEqual(call('NPS_CI', npsExample(), null, 'wald'));
  });
});
