import { describe, expect, it } from 'vitest';
import { call, col, errorOf, serial as s } from '../helpers/call.js';

/**
 * By hand: ticket 1 is the catalog's worked example (new 09:00, pending 10:00, open 12:00, solved
 * 14:00: resolved in 3 h on the paused clock, waited 3 h); ticket 2 (new 09:00, open 10:00) is still
 * open; ticket 3 (new 2 March 09:00, solved 3 March 15:00) took 30 h.
 */
const rows: [number, string, string][] = [
  [1, '2026-03-02T09:00', 'new'], [2, '2026-04-01T09:00', 'new'], [1, '2026-03-02T10:00', 'pending'], [1, '2026-03-02T12:00', 'open'],
  [3, '2026-03-02T09:00', 'new'], [2, '2026-04-01T10:00', 'open'], [1, '2026-03-02T14:00', 'solved'], [3, '2026-03-03T15:00', 'solved'],
];
const ids = col('Ticket', ...rows.map((r) => r[0]));
const times = col('Time', ...rows.map((r) => s(r[1])));
const statuses = col('Status', ...rows.map((r) => r[2]));

describe('LOG_TICKETS', () => {
  it('counts the tickets each status-log KPI takes its value over', () => {
    expect(call('LOG_RESOLUTION', ids, times, statuses, 'solved', 'pending')).toBe(16.5);
    expect(call('LOG_TICKETS', 'LOG_RESOLUTION', ids, times, statuses, 'solved', 'pending')).toBe(2);
    // Requester wait: 1 (3 h) and 3 (30 h) are over; 2 is still open, not counted without as_of …
    expect(call('LOG_TICKETS', 'TIME_IN_STATUS', ids, times, statuses, 'new, open, on-hold')).toBe(2);
    // … and counted with it.
    expect(call('LOG_TICKETS', 'time_in_status', ids, times, statuses, 'new, open, on-hold', null, null, null, s('2026-04-02T00:00'))).toBe(3);
    // SLA 24 h: 1 met, 3 breached; 2 open and 14 h old at as_of, within target: not judged yet.
    expect(call('LOG_SLA_ATTAINMENT', ids, times, statuses, 'solved', 24, 'pending')).toBe(0.5);
    expect(call('LOG_TICKETS', 'LOG_SLA_ATTAINMENT', ids, times, statuses, 'solved', 24, 'pending', null, null, null, s('2026-04-01T23:00'))).toBe(2);
    expect(call('LOG_TICKETS', 'LOG_SLA_ATTAINMENT', ids, times, statuses, 'solved', 10, 'pending', null, null, null, s('2026-04-01T23:00'))).toBe(3);
  });

  it('is 0 where the KPI has no data, and per period inside KPI_BY_PERIOD (a ticket in the month of its first row)', () => {
    expect(call('LOG_TICKETS', 'LOG_RESOLUTION', ids, times, statuses, 'closed')).toBe(0);
    expect(call('KPI_BY_PERIOD', 'LOG_TICKETS', times, 'month', 'LOG_RESOLUTION', ids, times, statuses, 'solved')).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-03', 6, 2], ['2026-04', 2, 0],
    ]);
  });

  it('counts the tickets with a next reply on a message log', () => {
    const m = [['A', '09:00', 'customer'], ['A', '09:30', 'agent'], ['A', '10:00', 'customer'], ['A', '10:10', 'customer'], ['A', '11:00', 'agent'], ['A', '12:00', 'agent'],
      ['B', '09:00', 'customer'], ['B', '09:10', 'agent'], ['C', '08:00', 'agent'], ['C', '08:05', 'Kunde'], ['C', '09:00', 'Mitarbeiter'], ['C', '10:00', 'Kunde'], ['C', '10:30', 'agent']];
    const args = [col(...m.map((r) => r[0])), col(...m.map((r) => s(`2026-03-02T${r[1]}`))), col(...m.map((r) => r[2]))];
    // A: one next reply (10:00 → 11:00); B: none; C: agent-created, first reply 09:00, next 10:00 → 10:30.
    expect(call('NEXT_REPLY_TIME', ...args)).toBe(0.75);
    expect(call('LOG_TICKETS', 'NEXT_REPLY_TIME', ...args)).toBe(2);
  });

  it('names a kpi it does not know, and passes on the KPI\'s own errors under its name', () => {
    expect(errorOf(() => call('LOG_TICKETS', 'STATUS_SUMMARY', ids, times, statuses)).message)
      .toBe('LOG_TICKETS: kpi "STATUS_SUMMARY" is not one of "TIME_IN_STATUS", "LOG_RESOLUTION", "LOG_SLA_ATTAINMENT", "NEXT_REPLY_TIME"');
    expect(errorOf(() => call('LOG_TICKETS', 'NEXT_REPLY_TIME', ids, times, statuses)).message).toMatch(/^LOG_TICKETS: NEXT_REPLY_TIME: .*"new"/);
  });
});
