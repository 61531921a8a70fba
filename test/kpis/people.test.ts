import { describe, expect, it } from 'vitest';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

const s = serial;

describe('RESOLVED_PER_AGENT', () => {
  it('divides resolved tickets by the distinct agents who resolved them', () => {
    // Resolved with an agent: Ana rows 2 and 4, Ben rows 3 and 7 → 4 tickets / 2 agents = 2.
    // Row 5 has no agent (skipped), Cem's ticket (row 6) and Ana's row 8 are open, row 1 is the header.
    const agents = col('Agent', 'Ana', 'Ben', ' Ana ', '', 'Cem', 'Ben', 'Ana');
    const resolved = col('Resolved', s('2026-03-02'), s('2026-03-02'), s('2026-03-03'), s('2026-03-03'), null, '2026-03-04 10:00', '');
    expect(call('RESOLVED_PER_AGENT', agents, resolved)).toBe(2);
  });

  it('treats 42 and "42" as one agent and ids are case-sensitive', () => {
    // 42 twice (number and text) and "ana"/"Ana" as two agents: 4 tickets / 3 agents.
    expect(call('RESOLVED_PER_AGENT', col(42, '42', 'ana', 'Ana'), col(1, 2, 3, 4))).toBeCloseTo(4 / 3, 12);
  });

  it('is "no data" without resolved tickets and needs ranges of one size', () => {
    const e = errorOf(() => call('RESOLVED_PER_AGENT', col('Agent', 'Ana'), col('Resolved', null)));
    expect(e.kind).toBe('na');
    expect(e.message).toBe('RESOLVED_PER_AGENT: no data (no resolved tickets with an agent)');
    expect(errorOf(() => call('RESOLVED_PER_AGENT', col('Ana', 'Ben'), col(1))).message).toBe('RESOLVED_PER_AGENT: agents has 2 cells but resolved has 1; the ranges must be the same size');
    expect(errorOf(() => call('RESOLVED_PER_AGENT', col('Ana', '#N/A'), col(1, 2))).message).toBe('RESOLVED_PER_AGENT: "#N/A" at row 2 of agents is an error value');
  });

  it('takes a single ticket as scalars (Sheets) or [[x]] (Excel)', () => {
    expect(call('RESOLVED_PER_AGENT', 'Ana', s('2026-03-02'))).toBe(1);
    expect(call('RESOLVED_PER_AGENT', [['Ana']], [[new Date('2026-03-02T10:00:00Z')]])).toBe(1);
  });
});

describe('AGENT_SUMMARY', () => {
  // Agent  Opened            Resolved          duration
  // Zoë    03-02 09:00       03-02 12:00       3 h
  // anna   03-02 10:00       03-02 11:00       1 h
  // Émile  03-02 08:00       03-03 08:00      24 h
  // Zoë    03-03 09:00       (open)
  // anna   03-03 09:00       03-03 14:00       5 h
  // Ben    03-04 09:00       (open)
  // Émile  (blank)           03-04 10:00       skipped: no opened date
  // (blank) 03-04 09:00      03-04 10:00       skipped: no agent
  const agents = col('Agent', 'Zoë', 'anna', 'Émile', 'Zoë', 'anna', 'Ben', 'Émile', null);
  const opened = col('Opened', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T08:00'), s('2026-03-03T09:00'), s('2026-03-03T09:00'), s('2026-03-04T09:00'), null, s('2026-03-04T09:00'));
  const resolved = col('Resolved', s('2026-03-02T12:00'), s('2026-03-02T11:00'), s('2026-03-03T08:00'), null, s('2026-03-03T14:00'), '', s('2026-03-04T10:00'), s('2026-03-04T10:00'));

  it('lists each agent, most resolved first, ties by code point, with an empty average for none resolved', () => {
    // anna 2 resolved (1 h, 5 h → 3 h); Zoë and Émile 1 each: code points Z (U+005A) < É (U+00C9); Ben 0.
    expect(call('AGENT_SUMMARY', agents, opened, resolved)).toEqual([
      ['Agent', 'Resolved', 'Open', 'Avg resolution'],
      ['anna', 2, 0, 3],
      ['Zoë', 1, 1, 3],
      ['Émile', 1, 0, 24],
      ['Ben', 0, 1, ''],
    ]);
  });

  it('gives the average in the unit asked for', () => {
    const table = call('AGENT_SUMMARY', agents, opened, resolved, 'Tage') as unknown[][];
    expect(table[1]).toEqual(['anna', 2, 0, 0.125]); // 3 h / 24
    expect(table[3]).toEqual(['Émile', 1, 0, 1]);
  });

  it('reads Sheets Date objects in the spreadsheet zone across a DST change', () => {
    // Berlin 29 Mar 2026, 00:00 CET (23:00Z) → 04:00 CEST (02:00Z): 4 h on the wall clock.
    const t = callIn('Europe/Berlin', 'AGENT_SUMMARY', 'Ana', new Date('2026-03-28T23:00:00Z'), new Date('2026-03-29T02:00:00Z'));
    expect(t).toEqual([['Agent', 'Resolved', 'Open', 'Avg resolution'], ['Ana', 1, 0, 4]]);
  });

  it('names the row where resolved lies before opened, and is "no data" without tickets', () => {
    expect(errorOf(() => call('AGENT_SUMMARY', col('Ana', 'Ben'), col(s('2026-03-02'), s('2026-03-02T10:00')), col(null, s('2026-03-02T09:00')))).message)
      .toBe('AGENT_SUMMARY: resolved 2026-03-02 09:00 is before opened 2026-03-02 10:00 at row 2');
    const e = errorOf(() => call('AGENT_SUMMARY', col('Agent'), col('Opened'), col('Resolved')));
    expect(e.kind).toBe('na');
    expect(errorOf(() => call('AGENT_SUMMARY', col('Ana', 'Ben'), col(1), col(2))).message).toBe('AGENT_SUMMARY: agents has 2 cells but opened has 1; the ranges must be the same size');
  });
});

describe('EMPLOYEE_TURNOVER', () => {
  it('divides separations by the average headcount (SHRM)', () => {
    // 6 / ((50 + 70) / 2) = 6 / 60 = 0.1.
    expect(call('EMPLOYEE_TURNOVER', 6, 50, 70)).toBeCloseTo(0.1, 12);
    expect(call('EMPLOYEE_TURNOVER', [[6]], [[50]], [['70']])).toBeCloseTo(0.1, 12);
  });

  it('sums the separations of monthly rows and takes the first and last headcount: the year, not a month', () => {
    // 12 months × 5 separations = 60; headcount 100 at every start and end → 60 / 100 = 0.6 (not 0.05).
    const months = 12;
    const separations = col('Separations', ...Array(months).fill(5));
    const start = col('Headcount start', ...Array(months).fill(100));
    const end = col('Headcount end', ...Array(months).fill(100));
    expect(call('EMPLOYEE_TURNOVER', separations, start, end)).toBeCloseTo(0.6, 12);
    // Stocks in period order: start 80 (first), end 120 (last) → 60 / 100.
    expect(call('EMPLOYEE_TURNOVER', separations, col(80, 90, 110), col(90, null, 120))).toBeCloseTo(0.6, 12);
  });

  it('is a #VALUE! error for a zero average headcount and "no data" without numbers', () => {
    const zero = errorOf(() => call('EMPLOYEE_TURNOVER', 3, 0, 0));
    expect(zero.kind).toBe('value');
    expect(zero.message).toBe('EMPLOYEE_TURNOVER: the average headcount ((headcount_start + headcount_end) / 2) is 0; turnover needs people to divide by');
    const none = errorOf(() => call('EMPLOYEE_TURNOVER', col('Separations', null), 50, 70));
    expect(none.kind).toBe('na');
    expect(none.message).toBe('EMPLOYEE_TURNOVER: no data (separations holds no numbers)');
  });

  it('rejects negative counts, naming the cell', () => {
    expect(errorOf(() => call('EMPLOYEE_TURNOVER', col(2, -1), 50, 70)).message).toBe('EMPLOYEE_TURNOVER: -1 at row 2 of separations is negative; it counts people');
  });
});

describe('EMPLOYEE_TURNOVER with method "monthly" (SHRM, catalog v3)', () => {
  const months = (n: number, v: number | string) => Array.from({ length: n }, () => v);

  it('sums each period\'s rate: the catalog example, twelve months of 5 leavers at headcount 100 → 0.6, not 0.05', () => {
    const sep = col('Separations', ...months(12, 5));
    const start = col('Start', ...months(12, 100));
    const end = col('End', ...months(12, 100));
    expect(call('EMPLOYEE_TURNOVER', sep, start, end, 'monthly')).toBeCloseTo(0.6, 12);
    expect(call('EMPLOYEE_TURNOVER', sep, start, end, 'Monatlich')).toBeCloseTo(0.6, 12);
  });

  it('weighs each month by its own headcount (by hand: 5/105 + 6/115 + 6/110 = 0.15434)', () => {
    const sep = col('Sep', 5, 6, 6), start = col('Start', 100, 110, 120), end = col('End', 110, 120, 100);
    expect(call('EMPLOYEE_TURNOVER', sep, start, end, 'monthly')).toBeCloseTo(5 / 105 + 6 / 115 + 6 / 110, 12);
    // The average method over the same rows: 17 / ((100 + 100) / 2) = 0.17.
    expect(call('EMPLOYEE_TURNOVER', sep, start, end)).toBeCloseTo(0.17, 12);
    expect(call('EMPLOYEE_TURNOVER', sep, start, end, 'average')).toBeCloseTo(0.17, 12);
  });

  it('skips blank rows, and names a row that holds only some of the three numbers', () => {
    const sep = col('Sep', 5, null, 6), start = col('Start', 100, null, 120), end = col('End', 100, null, 100);
    expect(call('EMPLOYEE_TURNOVER', sep, start, end, 'monthly')).toBeCloseTo(0.05 + 6 / 110, 12);
    expect(errorOf(() => call('EMPLOYEE_TURNOVER', col(5, 6), col(100, 100), col(100, null), 'monthly')).message).toBe(
      'EMPLOYEE_TURNOVER: row 2 has no headcount_end; method "monthly" needs separations, headcount_start and headcount_end as ranges with one row per period, each with all three',
    );
  });

  it('needs ranges of the same size, and a known method word', () => {
    expect(errorOf(() => call('EMPLOYEE_TURNOVER', col(5, 6), 100, 100, 'monthly')).message).toBe(
      'EMPLOYEE_TURNOVER: method "monthly" needs separations, headcount_start and headcount_end as ranges with one row per period; they hold 2, 1 and 1 cells',
    );
    expect(errorOf(() => call('EMPLOYEE_TURNOVER', 6, 50, 70, 'yearly')).message).toMatch(/^EMPLOYEE_TURNOVER: method "yearly" is not one of "average", "durchschnitt", "monthly", "monatlich"/);
    expect(errorOf(() => call('EMPLOYEE_TURNOVER', col(5), col(0), col(0), 'monthly')).message).toBe('EMPLOYEE_TURNOVER: the average headcount at row 1 is 0; turnover needs people to divide by');
  });
});

describe('EMPLOYEE_RETENTION', () => {
  it('is (end − hires) / start', () => {
    // (52 − 7) / 50 = 0.9; (210 − 30) / 200 = 0.9.
    expect(call('EMPLOYEE_RETENTION', 50, 52, 7)).toBeCloseTo(0.9, 12);
    expect(call('EMPLOYEE_RETENTION', [[200]], '210', [[30]])).toBeCloseTo(0.9, 12);
  });

  it('takes the first start, the last end and the sum of hires from monthly rows', () => {
    // start 100 (first), end 108 (last), hires 3 + 4 + 5 = 12 → (108 − 12) / 100 = 0.96.
    expect(call('EMPLOYEE_RETENTION', col('Start', 100, 105, 110), col('End', 105, 110, 108), col('Hires', 3, 4, 5))).toBeCloseTo(0.96, 12);
  });

  it('is a #VALUE! error for a starting headcount of 0 and "no data" without numbers', () => {
    const zero = errorOf(() => call('EMPLOYEE_RETENTION', 0, 10, 2));
    expect(zero.kind).toBe('value');
    expect(zero.message).toBe('EMPLOYEE_RETENTION: headcount_start is 0; retention needs people at the start to divide by');
    expect(errorOf(() => call('EMPLOYEE_RETENTION', 50, null, 7)).kind).toBe('na');
  });
});
