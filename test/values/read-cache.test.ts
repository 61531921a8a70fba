/**
 * The columns a caller keeps across its catalog calls (the scorecard: one ReadCache per plan). A
 * column of numbers and dates is read once and later calls give the same values; a column whose
 * reading decides something about the call (text dates: the day/month order) is read by each call
 * under its own decision; a column with a bad cell is never kept, so every call names the cell
 * under its own function name. Expected values by hand (serials through the test helper `serial`).
 */
import { describe, expect, it } from 'vitest';
import { callSpec } from '../../core/call.js';
import { findFunction } from '../../core/catalog/index.js';
import { wallClock } from '../../core/values/clock.js';
import { newReadCache } from '../../core/values/read.js';
import { col, errorOf, serial } from '../helpers/call.js';

const UTC = wallClock('UTC');
const spec = (name: string) => findFunction(name)!;

describe('ReadCache', () => {
  it('keeps a column of dates read by one call for the next, with the same values', () => {
    const reads = newReadCache();
    const resolved = col(serial('2026-03-02'), null, serial('2026-03-20'), serial('2026-04-01'));
    expect(callSpec(spec('RESOLVED_ISSUES'), UTC, [resolved, '2026-03-01', '2026-03-31'], undefined, reads)).toBe(2);
    const kept = reads.get(resolved, true);
    expect(kept?.count).toBe(3);
    // The next call reads the kept column: April holds one ticket, the whole column three.
    expect(callSpec(spec('RESOLVED_ISSUES'), UTC, [resolved, '2026-04-01', '2026-04-30'], undefined, reads)).toBe(1);
    expect(callSpec(spec('RESOLVED_ISSUES'), UTC, [resolved], undefined, reads)).toBe(3);
    expect(reads.get(resolved, true)).toBe(kept);
    // Read as numbers (not dates) it is another entry.
    expect(reads.get(resolved, false)).toBeUndefined();
  });

  it('does not keep text dates: each call reads them in its own day/month order', () => {
    const reads = newReadCache();
    const dates = col('03/01/2026 10:00', '04/01/2026 11:00');
    // Month first: 1 Mar and 1 Apr (one in March); day first: 3 Jan and 4 Jan (none in March).
    expect(callSpec(spec('RESOLVED_ISSUES'), UTC, [dates, '2026-03-01', '2026-03-31'], { dateOrder: 'mdy' }, reads)).toBe(1);
    expect(reads.get(dates, true)).toBeUndefined();
    expect(callSpec(spec('RESOLVED_ISSUES'), UTC, [dates, '2026-03-01', '2026-03-31'], { dateOrder: 'dmy' }, reads)).toBe(0);
  });

  it('does not keep a column with a bad cell: every call names it under its own name', () => {
    const reads = newReadCache();
    const resolved = col(serial('2026-03-02'), '#N/A');
    expect(errorOf(() => callSpec(spec('RESOLVED_ISSUES'), UTC, [resolved], undefined, reads)).message).toBe('RESOLVED_ISSUES: "#N/A" at row 2 of resolved is an error value');
    expect(reads.get(resolved, true)).toBeUndefined();
    const opened = col(serial('2026-03-01'), serial('2026-03-01'));
    expect(errorOf(() => callSpec(spec('AVG_RESOLUTION'), UTC, [opened, resolved], undefined, reads)).message).toMatch(/^AVG_RESOLUTION: "#N\/A" at row 2 of resolved is an error value/);
  });

  it('folds kept opened/resolved columns as the one-pass reader does: same values, same first bad row', () => {
    const opened = col(serial('2026-03-01 08:00'), serial('2026-03-02 09:00'), serial('2026-03-03 10:00'), null);
    const resolved = col(serial('2026-03-01 12:00'), null, serial('2026-03-04 10:00'), serial('2026-03-05'));
    const kept = newReadCache();
    // Read once by a call that keeps both columns (BACKLOG_AGE reads them whole).
    callSpec(spec('BACKLOG_AGE'), UTC, [opened, resolved, serial('2026-03-03 12:00')], undefined, kept);
    expect(kept.get(opened, true)).toBeDefined();
    expect(kept.get(resolved, true)).toBeDefined();
    for (const reads of [undefined, kept]) {
      // Tickets 1 (4 h) and 3 (24 h) are resolved: 14 h on average; 2 is open.
      expect(callSpec(spec('AVG_RESOLUTION'), UTC, [opened, resolved, 'hours'], undefined, reads)).toBe(14);
      expect(callSpec(spec('ACTIVE_ISSUES'), UTC, [opened, resolved], undefined, reads)).toBe(1);
      expect(callSpec(spec('ACTIVE_ISSUES'), UTC, [opened, resolved, serial('2026-03-03 12:00')], undefined, reads)).toBe(2);
    }
    const late = col(serial('2026-03-02'), serial('2026-03-03'), serial('2026-03-04'));
    const early = col(serial('2026-03-02'), serial('2026-03-01'), serial('2026-03-01'));
    const both = newReadCache();
    callSpec(spec('RESOLVED_ISSUES'), UTC, [late], undefined, both);
    callSpec(spec('RESOLVED_ISSUES'), UTC, [early], undefined, both);
    const message = 'AVG_RESOLUTION: resolved 2026-03-01 00:00 is before opened 2026-03-03 00:00 at row 2';
    expect(errorOf(() => callSpec(spec('AVG_RESOLUTION'), UTC, [late, early], undefined)).message).toBe(message);
    expect(errorOf(() => callSpec(spec('AVG_RESOLUTION'), UTC, [late, early], undefined, both)).message).toBe(message);
  });

  it('cuts the same kept dates by each period once: month and quarter tables stay apart', () => {
    const dates = col(serial('2026-01-15'), serial('2026-02-10'), serial('2026-04-02'), null);
    const resolved = col(serial('2026-01-16'), serial('2026-02-11'), null, serial('2026-04-03'));
    const reads = newReadCache();
    const table = (period: string, r = reads) => callSpec(spec('KPI_BY_PERIOD'), UTC, ['RESOLVED_ISSUES', dates, period, resolved], undefined, r);
    const month = [['Period', 'Rows', 'Value'], ['2026-01', 1, 1], ['2026-02', 1, 1], ['2026-04', 1, 0]];
    const quarter = [['Period', 'Rows', 'Value'], ['2026-Q1', 2, 2], ['2026-Q2', 1, 0]];
    expect(table('month')).toEqual(month);
    expect(table('quarter')).toEqual(quarter);
    expect(table('month')).toEqual(month);
    expect(table('quarter', undefined)).toEqual(quarter);
  });
});
