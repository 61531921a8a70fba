import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCsv, splitCsv } from '../../cli/read-csv.js';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

const s = serial;
const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real');

describe('PER_TICKET', () => {
  // Ticket 7: three updates; ticket 8: two, written out of time order; a header row on top.
  const ids = col('Ticket', 7, 8, 7, 8, 7);
  const times = col('Updated', s('2026-03-02T09:00'), s('2026-03-03T12:00'), s('2026-03-02T10:00'), s('2026-03-03T08:00'), s('2026-03-04T09:00'));
  const state = col('State', 'New', 'Resolved', 'Active', 'New', 'Closed');

  it('puts each ticket\'s last (or first) value on its last row by time and "" elsewhere', () => {
    expect(call('PER_TICKET', ids, state, times)).toEqual(col('', '', 'Resolved', '', '', 'Closed'));
    expect(call('PER_TICKET', ids, state, times, 'first')).toEqual(col('', '', 'New', '', '', 'New'));
    // Without times the sheet's order counts (the header is a ticket "Ticket" of its own then).
    expect(call('PER_TICKET', ids.slice(1), state.slice(1))).toEqual(col('', '', '', 'New', 'Closed'));
  });

  it('counts each ticket of an event log once in a ticket function, and works inside KPI_BY_PERIOD', () => {
    // Ticket 1 opened 09:00, resolved 13:00 (the resolved date is repeated on later updates);
    // ticket 2 opened 10:00, still open. Per row, AVG_RESOLUTION would count ticket 1 twice.
    const tid = col(1, 1, 1, 2, 2);
    const upd = col(s('2026-03-02T09:00'), s('2026-03-02T13:00'), s('2026-03-02T15:00'), s('2026-03-02T10:00'), s('2026-03-02T11:00'));
    const opened = col(s('2026-03-02T09:00'), s('2026-03-02T09:00'), s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T10:00'));
    const resolved = col(null, s('2026-03-02T13:00'), s('2026-03-02T13:00'), null, null);
    expect(call('RESOLVED_ISSUES', resolved)).toBe(2);
    expect(call('RESOLVED_ISSUES', call('PER_TICKET', tid, resolved, upd))).toBe(1);
    expect(call('ACTIVE_ISSUES', call('PER_TICKET', tid, opened, upd, 'first'), call('PER_TICKET', tid, resolved, upd), s('2026-03-03'))).toBe(1);
    const byPeriod = call('KPI_BY_PERIOD', 'AVG_RESOLUTION', call('PER_TICKET', tid, resolved, upd), 'month',
      call('PER_TICKET', tid, opened, upd, 'first'), call('PER_TICKET', tid, resolved, upd));
    expect(byPeriod).toEqual([['Period', 'Rows', 'Value'], ['2026-03', 1, 4]]);
  });

  it('passes values on as they are: Sheets Dates as wall-clock serials, error cells as their error, blanks as ""', () => {
    const d = new Date('2026-03-02T08:00:00Z'); // 09:00 in Berlin
    expect(callIn('Europe/Berlin', 'PER_TICKET', col('A'), col(d))).toEqual(col(s('2026-03-02T09:00')));
    expect(call('PER_TICKET', col('A', 'B'), col(null, { type: 'Error', basicValue: '#N/A' }))).toEqual(col('', '#N/A'));
    // The error then names its row in the function that reads it.
    expect(errorOf(() => call('AVG_RESOLUTION', col(s('2026-03-02'), s('2026-03-02')), call('PER_TICKET', col('A', 'B'), col(null, '#N/A')))).message)
      .toMatch(/row 2/);
  });

  it('says what is wrong', () => {
    expect(errorOf(() => call('PER_TICKET', col(1, 2), col('a'))).message).toBe('PER_TICKET: ticket_ids has 2 cells but values has 1; the ranges must be the same size');
    expect(errorOf(() => call('PER_TICKET', col(1, null), col('a', 'b'), col(s('2026-03-02'), s('2026-03-03')))).message)
      .toBe('PER_TICKET: ticket_ids is blank at row 2, a row with a time; every row needs its ticket id');
    expect(errorOf(() => call('PER_TICKET', col(1, null), col('a', 'b'))).message)
      .toBe('PER_TICKET: ticket_ids is blank at row 2, a row with a value; every row needs its ticket id');
    // A blank row (open-ended ranges end in them) is no error.
    expect(call('PER_TICKET', col(1, null), col('a', null))).toEqual(col('a', ''));
    expect(errorOf(() => call('PER_TICKET', col(1), col('a'), null, 'middle')).message).toMatch(/^PER_TICKET: which "middle" is not one of /);
    // A Date in values that no spreadsheet holds is refused as every date reader refuses it, not
    // handed on as a serial of millions (the property tests' merged-catalog run found it).
    expect(errorOf(() => call('PER_TICKET', col('A', 'B'), col(new Date(Date.UTC(2026, 2, 2)), new Date(253_402_300_800_000)))).message)
      .toBe('PER_TICKET: +010000-01-01T00:00:00.000Z at row 2 of values is not a date (outside the years 100 to 9999)');
    expect(errorOf(() => call('PER_TICKET', col('A'), col(new Date(Number.NaN)))).message).toMatch(/^PER_TICKET: .* at row 1 of values is not a valid date$/);
    // Only the rows the result shows are read: an earlier update's odd date is not this ticket's value.
    expect(call('PER_TICKET', col('A', 'A'), col(new Date(253_402_300_800_000), 'done'))).toEqual(col('', 'done'));
  });

  it('agrees with a plain "last update per ticket" loop on generated logs', () => {
    const logs = fc.array(fc.record({ id: fc.integer({ min: 1, max: 6 }), minute: fc.integer({ min: 0, max: 50 }), v: fc.integer({ min: 0, max: 99 }) }), { maxLength: 40 });
    fc.assert(fc.property(logs, (rows) => {
      const got = call('PER_TICKET', col(...rows.map((r) => r.id)), col(...rows.map((r) => r.v)), col(...rows.map((r) => s('2026-03-02') + r.minute / 1440))) as unknown[][];
      const expected: unknown[] = rows.map(() => '');
      const lastOf = new Map<number, number>(), firstOf = new Map<number, number>();
      rows.forEach((r, i) => {
        const l = lastOf.get(r.id);
        if (l === undefined || r.minute >= rows[l].minute) lastOf.set(r.id, i);
        const f = firstOf.get(r.id);
        if (f === undefined || r.minute < rows[f].minute) firstOf.set(r.id, i);
      });
      for (const i of lastOf.values()) expected[i] = rows[i].v;
      expect(got.map((r) => r[0])).toEqual(expected);
    }), { numRuns: 200 });
  });
});

describe('PER_TICKET on the ServiceNow incident event log (847 rows for 130 incidents)', () => {
  const { rows } = splitCsv(decodeCsv(readFileSync(path.join(DIR, 'servicenow-incident-event-log.csv'))).text, 'log');
  const [head, ...body] = rows;
  const column = (h: string): unknown[][] => body.map((r) => [r[head.indexOf(h)]]);
  const ids = column('number'), updated = column('sys_updated_at');

  it('gives expected-notes.md\'s average resolution, 100.8048 h over 125 resolved incidents, where per row it is off', () => {
    // Independently: the last row per number in file order (= the latest sys_updated_at), resolved_at ≠ "?".
    const last = new Map<string, string[]>();
    for (const r of body) last.set(r[head.indexOf('number')], r);
    const hours = (t: string): number => {
      const [d, m, y, hh, mm] = t.split(/[- :]/).map(Number);
      return Date.UTC(y, m - 1, d, hh, mm) / 3_600_000;
    };
    let sum = 0, n = 0;
    for (const r of last.values()) {
      const res = r[head.indexOf('resolved_at')];
      if (res === '?') continue;
      sum += hours(res) - hours(r[head.indexOf('opened_at')]);
      n++;
    }
    expect(last.size).toBe(130);
    expect(n).toBe(125);
    expect(sum / n).toBeCloseTo(100.8048, 4);

    const opened = call('PER_TICKET', ids, column('opened_at'), updated, 'first');
    const resolved = call('PER_TICKET', ids, column('resolved_at'), updated);
    expect(call('AVG_RESOLUTION', opened, resolved)).toBeCloseTo(sum / n, 9);
    expect(call('RESOLVED_ISSUES', resolved)).toBe(125);
    // Per row: 837 rows with a resolved date, and another average.
    expect(call('RESOLVED_ISSUES', column('resolved_at'))).toBe(837);
    expect(call('AVG_RESOLUTION', column('opened_at'), column('resolved_at'))).not.toBeCloseTo(sum / n, 0);
    // made_sla and reopen_count of the last update: 103 of 130, 2 of 130.
    expect(call('CONVERSION_RATE', call('PER_TICKET', ids, column('made_sla'), updated))).toBeCloseTo(103 / 130, 12);
    expect(call('REOPEN_RATE', call('PER_TICKET', ids, column('reopen_count'), updated))).toBeCloseTo(2 / 130, 12);
  });
});
