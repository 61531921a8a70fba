import * as F from '@formulajs/formulajs';
import { describe, expect, it } from 'vitest';
import { call, col, errorOf, serial } from '../helpers/call.js';

const s = serial;
// Opened and first response (UTC serials), a header row as whole-column references give:
//   row 2  Mon 09:00 → 09:30   0.5 h
//   row 3  Mon 10:00 → 12:00   2 h
//   row 4  Mon 16:00 → Tue 10:00  18 h (business hours Mon-Fri 09:00-17:00: 1 + 1 = 2 h)
//   row 5  Tue 08:00 → (none yet)
//   row 6  Tue 09:00 → 09:15   0.25 h
const OPENED = col('Opened', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T16:00'), s('2026-03-03T08:00'), s('2026-03-03T09:00'));
const FIRST = col('First reply', s('2026-03-02T09:30'), s('2026-03-02T12:00'), s('2026-03-03T10:00'), null, s('2026-03-03T09:15'));

describe('MEDIAN_FIRST_RESPONSE', () => {
  it('takes the median over tickets with a first response', () => {
    // 0.25, 0.5, 2, 18 → (0.5 + 2) / 2
    expect(call('MEDIAN_FIRST_RESPONSE', OPENED, FIRST)).toBe(1.25);
    expect(call('MEDIAN_FIRST_RESPONSE', OPENED, FIRST, 'minutes')).toBe(75);
    // Business hours: 0.25, 0.5, 2, 2 → 1.25 as well; drop row 3 and it is 0.5.
    expect(call('MEDIAN_FIRST_RESPONSE', OPENED, FIRST, 'hours', 'Mon-Fri 09:00-17:00')).toBe(1.25);
    expect(call('MEDIAN_FIRST_RESPONSE', OPENED.filter((_, i) => i !== 2), FIRST.filter((_, i) => i !== 2), 'hours', 'Mo-Fr 09:00-17:00')).toBe(0.5);
    expect(errorOf(() => call('MEDIAN_FIRST_RESPONSE', col(s('2026-03-02')), col(null))).message).toBe('MEDIAN_FIRST_RESPONSE: no data (no tickets with a first response)');
    expect(errorOf(() => call('MEDIAN_FIRST_RESPONSE', col(s('2026-03-02T10:00')), col(s('2026-03-02T09:00')))).message)
      .toBe('MEDIAN_FIRST_RESPONSE: first response 2026-03-02 09:00 is before opened 2026-03-02 10:00 at row 1');
  });
});

describe('FIRST_RESPONSE_PERCENTILE', () => {
  it('is PERCENTILE.INC of the first-response times (checked against formulajs)', () => {
    const hours = [0.5, 2, 18, 0.25];
    const pct = (F as unknown as { PERCENTILE: { INC: (xs: number[], k: number) => number } }).PERCENTILE.INC;
    for (const k of [0, 0.25, 0.5, 0.9, 1]) {
      expect(call('FIRST_RESPONSE_PERCENTILE', OPENED, FIRST, k)).toBeCloseTo(pct(hours, k), 12);
    }
    // 0.9: rank 2.7 of 0.25, 0.5, 2, 18 → 2 + 0.7 × 16 = 13.2 h.
    expect(call('FIRST_RESPONSE_PERCENTILE', OPENED, FIRST, 0.9)).toBeCloseTo(13.2, 12);
    expect(errorOf(() => call('FIRST_RESPONSE_PERCENTILE', OPENED, FIRST, 90)).message).toBe('FIRST_RESPONSE_PERCENTILE: k 90 is not between 0 and 1 (write 0.9 for percentile 90)');
  });
});

describe('SLA_ATTAINMENT with one target per ticket', () => {
  // Resolution times 2 h, 24 h, 1.5 h, open, 6.5 h; priorities urgent, low, urgent, high, normal.
  const opened = col('Opened', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-03T08:00'), s('2026-03-04T12:00'), s('2026-03-05T09:00'));
  const resolved = col('Resolved', s('2026-03-02T11:00'), s('2026-03-03T10:00'), s('2026-03-03T09:30'), null, s('2026-03-05T15:30'));
  // Targets looked up from the priority (urgent 1 h, high 4 h, normal 8 h, low 48 h).
  const targets = col('Target', 1, 48, 1, 4, 8);

  it('meets each ticket\'s own target', () => {
    // 2 > 1 (missed), 24 ≤ 48, 1.5 > 1 (missed), 6.5 ≤ 8 → 2 of 4.
    expect(call('SLA_ATTAINMENT', opened, resolved, targets)).toBe(0.5);
    // One number for all still works: within 8 h are 2, 1.5 and 6.5.
    expect(call('SLA_ATTAINMENT', opened, resolved, 8)).toBe(0.75);
    // At 2026-03-04 20:00 the high-priority ticket is open 8 h past its 4 h target: breached. Ticket 5 not opened yet.
    expect(call('SLA_ATTAINMENT', opened, resolved, targets, null, null, null, s('2026-03-04T20:00'))).toBe(0.25);
    // Within KPI_BY_PERIOD the targets are cut with the tickets.
    expect(call('KPI_BY_PERIOD', 'SLA_ATTAINMENT', opened, 'day', opened, resolved, targets)).toEqual([
      ['Period', 'Rows', 'Value'],
      ['2026-03-02', 2, 0.5],
      ['2026-03-03', 1, 0],
      ['2026-03-04', 1, ''],
      ['2026-03-05', 1, 1],
    ]);
  });

  it('names a blank, text or negative target on a row with an opened date, and a size mismatch', () => {
    expect(errorOf(() => call('SLA_ATTAINMENT', opened, resolved, col('Target', 1, 48, null, 4, 8))).message)
      .toBe('SLA_ATTAINMENT: target is blank at row 4, a ticket with an opened date; give every ticket its target');
    expect(errorOf(() => call('SLA_ATTAINMENT', opened, resolved, col('Target', 1, 'urgent', 1, 4, 8))).message)
      .toBe('SLA_ATTAINMENT: target "urgent" is not a number at row 3, a ticket with an opened date; give every ticket its target');
    expect(errorOf(() => call('SLA_ATTAINMENT', opened, resolved, col('Target', 1, -2, 1, 4, 8))).message)
      .toBe('SLA_ATTAINMENT: -2 at row 3 of target is negative; a target is a duration');
    expect(errorOf(() => call('SLA_ATTAINMENT', opened, resolved, col(1, 2))).message)
      .toBe('SLA_ATTAINMENT: opened has 6 cells but target has 2; the ranges must be the same size');
    // The header row has no opened date, so its text target is fine; so is a blank target on a row without one.
    expect(call('SLA_ATTAINMENT', col(...opened.flat(), null), col(...resolved.flat(), null), col(...targets.flat(), null))).toBe(0.5);
  });
});
