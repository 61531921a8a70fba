/**
 * TICKET_LOOKUP: a ticket table's column beside a log, and log KPIs cut by it in KPI_BY_PERIOD and
 * KPI_BY_GROUP. Expected values are worked out by hand from the rows written here.
 */
import { describe, expect, it } from 'vitest';
import { call, col, errorOf, serial } from '../helpers/call.js';

const s = serial;

describe('TICKET_LOOKUP', () => {
  // The log: tickets 7 (3 rows), 8 (2 rows) and 9 (not in the table); a header row on top.
  const ids = col('Ticket', 7, 8, 7, 8, 7, 9);
  const times = col('Changed at', s('2026-03-30T09:00'), s('2026-03-31T12:00'), s('2026-03-30T10:00'), s('2026-03-31T08:00'), s('2026-04-02T09:00'), s('2026-03-15T09:00'));
  // The ticket table: ids written as text and padded, a ticket (10) the log lacks, ticket 8 unresolved.
  const tableIds = col(' 7 ', '8', 10);
  const resolved = col(s('2026-04-02T09:00'), null, s('2026-05-01'));
  const team = col('Billing', 'Tech', 'Tech');

  it('gives each log row its ticket\'s value (ids as trimmed text, 42 = "42"), and if_missing where the table lacks it or holds a blank', () => {
    expect(call('TICKET_LOOKUP', ids, tableIds, team)).toEqual(col('', 'Billing', 'Tech', 'Billing', 'Tech', 'Billing', ''));
    expect(call('TICKET_LOOKUP', ids, tableIds, team, 'no team')).toEqual(col('no team', 'Billing', 'Tech', 'Billing', 'Tech', 'Billing', 'no team'));
    // A range as tall as ticket_ids: the row's own cell (the log's times), also for ticket 8's blank resolved date.
    expect(call('TICKET_LOOKUP', ids, tableIds, resolved, times)).toEqual(col('Changed at',
      s('2026-04-02T09:00'), s('2026-03-31T12:00'), s('2026-04-02T09:00'), s('2026-03-31T08:00'), s('2026-04-02T09:00'), s('2026-03-15T09:00')));
  });

  it('cuts a log KPI by the table\'s dates: a ticket in the month it was resolved in the table, tickets the table lacks by their first log row', () => {
    const statuses = col('Status', 'new', 'solved', 'pending', 'new', 'solved', 'new');
    // Ticket 7: new 03-30 09:00, pending 10:00, solved 04-02 09:00 → 1 h on the paused clock (resolved in April by the table).
    // Ticket 8: new 03-31 08:00, solved 12:00 → 4 h; its table date is blank, so its first log row's month (March).
    const dates = call('TICKET_LOOKUP', ids, tableIds, resolved, times);
    expect(call('KPI_BY_PERIOD', 'LOG_RESOLUTION', dates, 'month', ids, times, statuses, 'solved', 'pending')).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-03', 3, 4], ['2026-04', 3, 1],
    ]);
    expect(call('KPI_BY_PERIOD', 'LOG_TICKETS', dates, 'month', 'LOG_RESOLUTION', ids, times, statuses, 'solved', 'pending')).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-03', 3, 1], ['2026-04', 3, 1],
    ]);
    // By the log's own times ticket 7 starts in March with ticket 8: both there (April lists its
    // continuing row's date but holds no ticket).
    expect(call('KPI_BY_PERIOD', 'LOG_RESOLUTION', times, 'month', ids, times, statuses, 'solved', 'pending')).toEqual([
      ['Period', 'Rows', 'Value'], ['2026-03', 6, 2.5], ['2026-04', 0, ''],
    ]);
  });

  it('cuts a log KPI by the table\'s teams in KPI_BY_GROUP', () => {
    const statuses = col('Status', 'new', 'solved', 'pending', 'new', 'solved', 'new');
    const groups = call('TICKET_LOOKUP', ids, tableIds, team, 'not in the table');
    expect(call('KPI_BY_GROUP', 'LOG_RESOLUTION', groups, ids, times, statuses, 'solved', 'pending')).toEqual([
      ['Group', 'Rows', 'Value'], ['Billing', 3, 1], ['Tech', 2, 4], ['not in the table', 2, ''],
    ]);
  });

  it('rejects a ticket table holding a ticket twice, naming both rows, and ranges of other sizes', () => {
    expect(errorOf(() => call('TICKET_LOOKUP', ids, col(7, 8, '7'), team)).message)
      .toBe('TICKET_LOOKUP: table_ids holds the ticket "7" twice (row 1 and row 3); the ticket table needs one row per ticket');
    expect(errorOf(() => call('TICKET_LOOKUP', ids, tableIds, col(1, 2))).message)
      .toBe('TICKET_LOOKUP: table_ids has 3 cells but values has 2; the ranges must be the same size');
    expect(errorOf(() => call('TICKET_LOOKUP', ids, tableIds, team, col(1, 2))).message)
      .toBe('TICKET_LOOKUP: ticket_ids has 7 cells but if_missing has 2; the ranges must be the same size');
  });

  it('passes values on as they are: Sheets Dates as serials, error cells as their error', () => {
    const when = new Date(Date.UTC(2026, 2, 5, 12));
    expect(call('TICKET_LOOKUP', col(1, 2), col(1, 2), col(when, '#N/A'))).toEqual(col(s('2026-03-05T12:00'), '#N/A'));
  });
});
