import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

// One small helpdesk export (UTC, Excel serials), with a header row as whole-column references give:
//   row 1  Opened             Resolved            duration
//   row 2  2026-03-02 09:00   2026-03-02 11:00     2 h
//   row 3  2026-03-02 10:00   2026-03-03 10:00    24 h
//   row 4  2026-03-03 08:00   2026-03-03 09:30   1.5 h
//   row 5  2026-03-04 12:00   (blank)              open
//   row 6  (blank)            2026-03-05 00:00     skipped (no opened date)
//   row 7  2026-03-05 09:00   2026-03-05 15:30   6.5 h
//   row 8  2026-03-06 14:00   (blank)              open
// Resolved durations: 2, 24, 1.5, 6.5 h (sum 34, sorted 1.5, 2, 6.5, 24).
const s = serial;
const OPENED = col('Opened', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-03T08:00'), s('2026-03-04T12:00'), null, s('2026-03-05T09:00'), s('2026-03-06T14:00'));
const RESOLVED = col('Resolved', s('2026-03-02T11:00'), s('2026-03-03T10:00'), s('2026-03-03T09:30'), null, s('2026-03-05'), s('2026-03-05T15:30'), '');
const BOTH = OPENED.map((row, i) => [row[0], RESOLVED[i][0]]);

describe('AVG_RESOLUTION', () => {
  it('averages resolved − opened over resolved tickets, in hours by default', () => {
    // 34 h / 4 tickets = 8.5 h; open tickets, the blank-opened row and the header are not counted.
    expect(call('AVG_RESOLUTION', OPENED, RESOLVED)).toBe(8.5);
  });

  it('converts to minutes and days (English or German unit words)', () => {
    expect(call('AVG_RESOLUTION', OPENED, RESOLVED, 'minutes')).toBe(510); // 8.5 × 60
    expect(call('AVG_RESOLUTION', OPENED, RESOLVED, 'Tage')).toBeCloseTo(8.5 / 24, 12);
    expect(call('AVG_RESOLUTION', OPENED, RESOLVED, 'Stunden')).toBe(8.5);
  });

  it('takes one two-column range with a unit word where resolved would be, in English or German', () => {
    expect(call('AVG_RESOLUTION', BOTH, 'days')).toBeCloseTo(8.5 / 24, 12);
    expect(call('AVG_RESOLUTION', BOTH, 'Tage')).toBeCloseTo(8.5 / 24, 12);
    expect(call('AVG_RESOLUTION', BOTH)).toBe(8.5);
    // Excel passes the omitted rest as null.
    expect(call('AVG_RESOLUTION', BOTH, null, null, null, null)).toBe(8.5);
  });

  it('moves business_hours and holidays one place left after a unit word in the two-column form', () => {
    // Under Mon-Fri 09:00-17:00: row 2 2 h; row 3 Mon 10-17 + Tue 9-10 = 8 h; row 4 Tue 08:00-09:30 → 0.5 h;
    // row 7 Thu 09:00-15:30 = 6.5 h. Mean (2 + 8 + 0.5 + 6.5) / 4 = 4.25 h.
    expect(call('AVG_RESOLUTION', BOTH, 'hours', 'Mon-Fri 09:00-17:00')).toBe(4.25);
    expect(call('AVG_RESOLUTION', OPENED, RESOLVED, 'hours', 'Mon-Fri 09:00-17:00')).toBe(4.25);
    // Holiday Tue 2026-03-03: row 3 loses Tue 9-10 → 7 h, row 4 → 0. (2 + 7 + 0 + 6.5) / 4 = 3.875.
    expect(call('AVG_RESOLUTION', BOTH, 'hours', 'Mon-Fri 09:00-17:00', [[s('2026-03-03')]])).toBe(3.875);
  });

  it('keeps the declared positions when resolved is left blank in the two-column form', () => {
    expect(call('AVG_RESOLUTION', BOTH, null, 'minutes')).toBe(510);
    expect(call('AVG_RESOLUTION', BOTH, '', 'hours', 'Mon-Fri 09:00-17:00')).toBe(4.25);
  });

  it('explains when the two-column form gets a range that is not two columns', () => {
    const e = errorOf(() => call('AVG_RESOLUTION', OPENED, 'days'));
    expect(e.kind).toBe('value');
    expect(e.message).toBe('AVG_RESOLUTION: without a resolved range, opened must be one range of two columns (opened, resolved), as in AVG_RESOLUTION(B2:C500, "days"); it has 1 column');
    expect(errorOf(() => call('MEDIAN_RESOLUTION', [[1, 2, 3]])).message).toMatch(/MEDIAN_RESOLUTION: without a resolved range.*it has 3 columns/);
  });

  it('says so when resolved holds text that is neither dates nor a unit', () => {
    expect(errorOf(() => call('AVG_RESOLUTION', BOTH, 'weeks')).message).toBe('AVG_RESOLUTION: resolved "weeks" is neither a range of resolved dates nor a unit ("hours", "minutes", "days")');
  });

  it('names the row where resolved lies before opened, with both times as wall-clock text', () => {
    const opened = col('Opened', 1, 2, 3, 4, 5, s('2026-03-01T12:00'));
    const resolved = col('Resolved', 1, 2, 3, 4, 5, s('2026-03-01T10:00'));
    const e = errorOf(() => call('AVG_RESOLUTION', opened, resolved));
    expect(e.kind).toBe('value');
    expect(e.message).toBe('AVG_RESOLUTION: resolved 2026-03-01 10:00 is before opened 2026-03-01 12:00 at row 7');
    const both = opened.map((r, i) => [r[0], resolved[i][0]]);
    expect(errorOf(() => call('AVG_RESOLUTION', both, 'days')).message).toBe('AVG_RESOLUTION: resolved 2026-03-01 10:00 is before opened 2026-03-01 12:00 at row 7');
  });

  it('requires paired ranges of the same size, naming both sizes', () => {
    expect(errorOf(() => call('AVG_RESOLUTION', col(1, 2, 3), col(2, 3))).message).toBe('AVG_RESOLUTION: opened has 3 cells but resolved has 2; the ranges must be the same size');
  });

  it('reports error cells and unreadable date text with their position', () => {
    expect(errorOf(() => call('AVG_RESOLUTION', col(1, 2, 3), col(2, '#N/A', 4))).message).toBe('AVG_RESOLUTION: "#N/A" at row 2 of resolved is an error value');
    expect(errorOf(() => call('AVG_RESOLUTION', col(1, { code: '#REF!' }), col(2, 3))).message).toBe('AVG_RESOLUTION: #REF! at row 2 of opened is an error value');
    expect(errorOf(() => call('AVG_RESOLUTION', col('2026.03.01'), col(2))).message).toMatch(/^AVG_RESOLUTION: "2026\.03\.01" at row 1 of opened is not a date format/);
    // Day/month text that nothing in the call decides (v3): quoted with its row and both readings.
    expect(errorOf(() => call('AVG_RESOLUTION', col('03/01/2026'), col(null))).message).toMatch(/^AVG_RESOLUTION: "03\/01\/2026" at row 1 of opened could be 3 Jan or 1 Mar 2026/);
  });

  it('is "no data" when no ticket is resolved, never 0', () => {
    const e = errorOf(() => call('AVG_RESOLUTION', col('Opened', s('2026-03-02')), col('Resolved', null)));
    expect(e.kind).toBe('na');
    expect(e.message).toBe('AVG_RESOLUTION: no data (no resolved tickets)');
  });

  it('rejects an unknown unit, naming it', () => {
    expect(errorOf(() => call('AVG_RESOLUTION', OPENED, RESOLVED, 'weeks')).message).toMatch(/^AVG_RESOLUTION: unit "weeks" is not one of "hours"/);
  });

  it('takes single cells as [[x]] (Excel) or as scalars (Sheets), and blanks as null, "" or [[null]]', () => {
    const o = s('2026-03-02T09:00'), r = s('2026-03-02T12:00');
    expect(call('AVG_RESOLUTION', [[o]], [[r]])).toBe(3);
    expect(call('AVG_RESOLUTION', o, r)).toBe(3);
    expect(call('AVG_RESOLUTION', o, r, [['minutes']], [[null]], [['']])).toBe(180);
    expect(call('AVG_RESOLUTION', o, r, undefined, '', null)).toBe(3);
  });

  it('reads ISO, German and instant text and Date objects alike', () => {
    // All four rows last 2 h on the wall clock of UTC.
    const opened = col('2026-03-02 09:00', '02.03.2026 09:00', '2026-03-02T09:00:00Z', new Date('2026-03-02T09:00:00Z'));
    const resolved = col('2026-03-02T11:00', '02.03.2026 11:00', '2026-03-02T12:00:00+01:00', new Date('2026-03-02T11:00:00Z'));
    expect(call('AVG_RESOLUTION', opened, resolved)).toBe(2);
  });

  it('handles a full column of 1,048,576 rows without a stack or memory error', () => {
    const n = 1_048_576;
    const opened: unknown[][] = new Array(n);
    const resolved: unknown[][] = new Array(n);
    const base = s('2026-01-01');
    for (let i = 0; i < n; i++) {
      const o = base + (i % 1000) / 24;
      opened[i] = [o];
      // Every ticket takes 12 h, every tenth is still open.
      resolved[i] = [i % 10 === 0 ? null : o + 0.5];
    }
    opened[0] = ['Opened'];
    expect(call('AVG_RESOLUTION', opened, resolved)).toBeCloseTo(12, 9);
    expect(call('MEDIAN_RESOLUTION', opened, resolved)).toBeCloseTo(12, 9);
  }, 60_000);
});

describe('durations across daylight-saving changes (wall clock, like =B2-A2)', () => {
  it('gives 4 h for 00:00 → 04:00 on the change days in Europe/Berlin, from Excel serials', () => {
    // Excel's serials are already wall-clock: 29 Mar and 25 Oct 2026, 00:00 → 04:00.
    const o = col(s('2026-03-29T00:00'), s('2026-10-25T00:00'));
    const r = col(s('2026-03-29T04:00'), s('2026-10-25T04:00'));
    expect(callIn('Europe/Berlin', 'AVG_RESOLUTION', o, r)).toBe(4);
  });

  it('gives 4 h for the same tickets as Sheets Date objects in Europe/Berlin', () => {
    // 29 Mar: 00:00 CET = 28 Mar 23:00Z, 04:00 CEST = 02:00Z (3 real hours).
    // 25 Oct: 00:00 CEST = 24 Oct 22:00Z, 04:00 CET = 03:00Z (5 real hours).
    const o = col(new Date('2026-03-28T23:00:00Z'), new Date('2026-10-24T22:00:00Z'));
    const r = col(new Date('2026-03-29T02:00:00Z'), new Date('2026-10-25T03:00:00Z'));
    expect(callIn('Europe/Berlin', 'AVG_RESOLUTION', o, r, 'hours')).toBe(4);
    expect(callIn('Europe/Berlin', 'MEDIAN_RESOLUTION', o, r)).toBe(4);
    // The real durations, 3 h and 5 h, show up only when the spreadsheet's zone is UTC: mean 4, median 4,
    // but the percentile at 0 tells them apart.
    expect(call('RESOLUTION_PERCENTILE', o, r, 0)).toBe(3);
    expect(callIn('Europe/Berlin', 'RESOLUTION_PERCENTILE', o, r, 0)).toBe(4);
  });

  it('gives 4 h for 00:00 → 04:00 on the change days in America/New_York', () => {
    // 8 Mar 2026: 00:00 EST = 05:00Z, 04:00 EDT = 08:00Z. 1 Nov 2026: 00:00 EDT = 04:00Z, 04:00 EST = 09:00Z.
    const o = col(new Date('2026-03-08T05:00:00Z'), new Date('2026-11-01T04:00:00Z'));
    const r = col(new Date('2026-03-08T08:00:00Z'), new Date('2026-11-01T09:00:00Z'));
    expect(callIn('America/New_York', 'RESOLUTION_PERCENTILE', o, r, 0)).toBe(4);
    expect(callIn('America/New_York', 'RESOLUTION_PERCENTILE', o, r, 1)).toBe(4);
    const serials = callIn('America/New_York', 'AVG_RESOLUTION', col(s('2026-03-08T00:00'), s('2026-11-01T00:00')), col(s('2026-03-08T04:00'), s('2026-11-01T04:00')));
    expect(serials).toBe(4);
  });
});

describe('MEDIAN_RESOLUTION', () => {
  it('takes the middle of the resolved durations', () => {
    // Sorted 1.5, 2, 6.5, 24: (2 + 6.5) / 2 = 4.25 h.
    expect(call('MEDIAN_RESOLUTION', OPENED, RESOLVED)).toBe(4.25);
    expect(call('MEDIAN_RESOLUTION', BOTH)).toBe(4.25);
    expect(call('MEDIAN_RESOLUTION', BOTH, 'minutes')).toBe(255);
    // Odd count: drop row 3 (24 h) → 1.5, 2, 6.5 → 2.
    const o = OPENED.filter((_, i) => i !== 2), r = RESOLVED.filter((_, i) => i !== 2);
    expect(call('MEDIAN_RESOLUTION', o, r)).toBe(2);
  });
});

describe('RESOLUTION_PERCENTILE', () => {
  it('interpolates like PERCENTILE.INC', () => {
    // Sorted 1.5, 2, 6.5, 24; h = 3k.
    expect(call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, 0)).toBe(1.5);
    expect(call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, 1)).toBe(24);
    expect(call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, 0.5)).toBe(4.25);
    // k = 0.25: h = 0.75 → 1.5 + 0.75 × 0.5 = 1.875.
    expect(call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, 0.25)).toBeCloseTo(1.875, 12);
    // k = 0.9: h = 2.7 → 6.5 + 0.7 × 17.5 = 18.75 (LibreOffice PERCENTILE.INC({1.5;2;6.5;24};0.9) = 18.75).
    expect(call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, [[0.9]])).toBeCloseTo(18.75, 12);
    expect(call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, '0,9', 'days')).toBeCloseTo(18.75 / 24, 12);
  });

  it('rejects k outside 0…1, naming it and hinting at percent', () => {
    expect(errorOf(() => call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, 1.5)).message).toBe('RESOLUTION_PERCENTILE: k 1.5 is not between 0 and 1');
    expect(errorOf(() => call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, 90)).message).toBe('RESOLUTION_PERCENTILE: k 90 is not between 0 and 1 (write 0.9 for percentile 90)');
    expect(errorOf(() => call('RESOLUTION_PERCENTILE', OPENED, RESOLVED, null)).message).toBe('RESOLUTION_PERCENTILE: k is required');
  });

  it('is monotone in k', () => {
    const row = fc.tuple(fc.integer({ min: 0, max: 100_000 }), fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (rows, a, b) => {
        rows.push([0, 1]); // at least one resolved ticket
        const opened = rows.map(([o]) => [s('2026-01-01') + o / 1440]);
        const resolved = rows.map(([o, m]) => [m === null ? null : s('2026-01-01') + (o + m) / 1440]);
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const pLo = call('RESOLUTION_PERCENTILE', opened, resolved, lo, 'minutes') as number;
        const pHi = call('RESOLUTION_PERCENTILE', opened, resolved, hi, 'minutes') as number;
        expect(pLo).toBeLessThanOrEqual(pHi + 1e-9);
      }),
    );
  });
});

describe('AVG_FIRST_RESPONSE', () => {
  it('averages the time to the first reply over tickets that have one', () => {
    // Rows 2-5: 15 min, 30 min, none yet, 5 min → (15 + 30 + 5) / 3 min.
    const firstResponse = col('First response', s('2026-03-02T09:15'), s('2026-03-02T10:30'), null, s('2026-03-04T12:05'), null, null, null);
    expect(call('AVG_FIRST_RESPONSE', OPENED, firstResponse, 'minutes')).toBeCloseTo(50 / 3, 9);
  });

  it('names the row where the first response lies before opened, and is "no data" without replies', () => {
    expect(errorOf(() => call('AVG_FIRST_RESPONSE', col(s('2026-03-02T09:00')), col(s('2026-03-02T08:00')))).message)
      .toBe('AVG_FIRST_RESPONSE: first response 2026-03-02 08:00 is before opened 2026-03-02 09:00 at row 1');
    const e = errorOf(() => call('AVG_FIRST_RESPONSE', OPENED, col(...OPENED.map(() => null))));
    expect(e.kind).toBe('na');
    expect(e.message).toBe('AVG_FIRST_RESPONSE: no data (no tickets with a first response)');
  });

  it('counts only business hours when asked', () => {
    // Fri 16:30 → Mon 09:30 under Mon-Fri 09:00-17:00: 30 + 30 = 60 min.
    expect(call('AVG_FIRST_RESPONSE', [[s('2026-03-06T16:30')]], [[s('2026-03-09T09:30')]], 'minutes', 'Mon-Fri 09:00-17:00')).toBe(60);
  });
});

describe('SLA_ATTAINMENT', () => {
  it('is the share of resolved tickets within the target (the target itself counts as met)', () => {
    // Durations 2, 24, 1.5, 6.5 h. Target 8 h: 3 of 4; 6.5 h: 3 of 4 (6.5 ≤ 6.5); 2 h: 2 of 4.
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 8)).toBe(0.75);
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 6.5)).toBe(0.75);
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 2)).toBe(0.5);
    // 1 day = 24 h: all four.
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 1, 'days')).toBe(1);
  });

  it('with as_of, counts open tickets already past the target as breached and leaves younger ones out', () => {
    // as_of 2026-03-05 13:00, target 24 h: rows 2, 3, 4 resolved by then, all ≤ 24 h (met);
    // row 5 open, 25 h old → breached; row 7 opened 09:00, resolved later → open, 4 h old → not counted;
    // row 8 opened after as_of → left out. 3 met / 4 counted.
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 24, 'hours', null, null, s('2026-03-05T13:00'))).toBe(0.75);
    // One hour earlier row 5 is exactly 24 h old, not yet breached: 3 / 3.
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 24, 'hours', null, null, s('2026-03-05T12:00'))).toBe(1);
    // as_of 2026-03-06 18:00, target 8 h: met rows 2, 4, 7; row 3 (24 h) missed; row 5 (54 h open) breached;
    // row 8 (4 h open) not counted → 3 / 5.
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 8, 'hours', '', '', [['2026-03-06 18:00']])).toBe(0.6);
  });

  it('measures the target in business hours when a schedule is given', () => {
    // Business durations under Mon-Fri 09:00-17:00: 2, 8, 0.5, 6.5 h. Target 4 h: 2, 0.5 → 2 of 4.
    expect(call('SLA_ATTAINMENT', OPENED, RESOLVED, 4, 'hours', 'Mon-Fri 09:00-17:00')).toBe(0.5);
  });

  it('rejects a negative target and is "no data" with nothing to count', () => {
    expect(errorOf(() => call('SLA_ATTAINMENT', OPENED, RESOLVED, -1)).message).toBe('SLA_ATTAINMENT: target -1 is negative; a target is a duration');
    const e = errorOf(() => call('SLA_ATTAINMENT', OPENED, RESOLVED, 24, null, null, null, s('2026-03-01')));
    expect(e.kind).toBe('na');
  });
});

describe('ACTIVE_ISSUES', () => {
  it('counts tickets with an opened and no resolved date', () => {
    // Rows 5 and 8.
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED)).toBe(2);
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED, null)).toBe(2);
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED, [['']])).toBe(2);
  });

  it('counts tickets open at as_of', () => {
    // 2026-03-03 09:00: row 3 (resolved 03-03 10:00) and row 4 (opened 08:00, resolved 09:30) → 2.
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED, s('2026-03-03T09:00'))).toBe(2);
    // 2026-03-06 15:00: row 5 still open, row 8 opened 14:00 → 2 (row 7 resolved the day before).
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED, '2026-03-06 15:00')).toBe(2);
    // A ticket resolved exactly at as_of is no longer active: 2026-03-02 11:00 → only row 3.
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED, s('2026-03-02T11:00'))).toBe(1);
    // Before any ticket: 0, not an error.
    expect(call('ACTIVE_ISSUES', OPENED, RESOLVED, new Date('2026-03-01T00:00:00Z'))).toBe(0);
  });
});

describe('BACKLOG_AGE', () => {
  it('averages the age at as_of of the tickets active then', () => {
    // 2026-03-03 09:00: row 3 is 23 h old, row 4 1 h → 12 h = 0.5 days.
    expect(call('BACKLOG_AGE', OPENED, RESOLVED, s('2026-03-03T09:00'))).toBe(12);
    expect(call('BACKLOG_AGE', OPENED, RESOLVED, s('2026-03-03T09:00'), 'Tage')).toBe(0.5);
    // 2026-03-06 15:00: row 5 is 51 h old, row 8 1 h → 26 h.
    expect(call('BACKLOG_AGE', OPENED, RESOLVED, [[s('2026-03-06T15:00')]])).toBe(26);
  });

  it('is "no data" when nothing is active and requires as_of', () => {
    const e = errorOf(() => call('BACKLOG_AGE', OPENED, RESOLVED, s('2026-03-01')));
    expect(e.kind).toBe('na');
    expect(e.message).toBe('BACKLOG_AGE: no data (no tickets active at 2026-03-01 00:00)');
    expect(errorOf(() => call('BACKLOG_AGE', OPENED, RESOLVED, null)).message).toBe('BACKLOG_AGE: as_of is required');
  });
});

describe('RESOLVED_ISSUES', () => {
  it('counts resolved dates, all of them without bounds', () => {
    // 03-02 11:00, 03-03 10:00, 03-03 09:30, 03-05 00:00, 03-05 15:30 (row 6 has no opened date, but is resolved).
    expect(call('RESOLVED_ISSUES', RESOLVED)).toBe(5);
    expect(call('RESOLVED_ISSUES', RESOLVED, null, '')).toBe(5);
  });

  it('lets a date-only `to` cover its whole day', () => {
    // 2026-03-03 → 2026-03-03: 10:00 and 09:30.
    expect(call('RESOLVED_ISSUES', RESOLVED, s('2026-03-03'), s('2026-03-03'))).toBe(2);
    // Up to 2026-03-03 09:45 exactly: 03-02 11:00 and 03-03 09:30.
    expect(call('RESOLVED_ISSUES', RESOLVED, null, '2026-03-03 09:45')).toBe(2);
    // From 2026-03-05 00:00 inclusive: 03-05 00:00 and 15:30.
    expect(call('RESOLVED_ISSUES', RESOLVED, [['05.03.2026']])).toBe(2);
    // Sheets passes dates as Date objects: midnight of 2 Mar in Berlin is a whole day there.
    expect(callIn('Europe/Berlin', 'RESOLVED_ISSUES', RESOLVED, null, new Date('2026-03-01T23:00:00Z'))).toBe(1);
  });

  it('returns 0 when nothing matches and rejects from after to', () => {
    expect(call('RESOLVED_ISSUES', RESOLVED, s('2026-04-01'))).toBe(0);
    expect(call('RESOLVED_ISSUES', col('Resolved', null, ''))).toBe(0);
    expect(errorOf(() => call('RESOLVED_ISSUES', RESOLVED, s('2026-03-05'), s('2026-03-01'))).message).toBe('RESOLVED_ISSUES: from 2026-03-05 00:00 is after to 2026-03-01 00:00');
  });
});
