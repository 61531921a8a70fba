import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

const s = serial;

/**
 * The worked example of the catalog, published by Klipfolio ("Agent vs Requester Wait Time",
 * https://www.klipfolio.com/metrics/difference/agent-wait-time-vs-requester-wait-time/) and
 * MetricHQ ("Requester Wait Time", https://www.metrichq.org/support/requester-wait-time/): a ticket
 * submitted at 9:00, pending at 10:00 when the agent replies, open again at 12:00 when the user
 * answers, solved at 14:00 — "Requester Wait Time is 1 hour + 2 hours = 3 hours".
 */
const EXAMPLE = {
  ids: col('Ticket', 101, 101, 101, 101),
  times: col('Changed at', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T12:00'), s('2026-03-02T14:00')),
  statuses: col('Status', 'New', 'Pending', 'Open', 'Solved'),
};
const ex = [EXAMPLE.ids, EXAMPLE.times, EXAMPLE.statuses] as const;

describe('TIME_IN_STATUS', () => {
  it('gives the published requester wait time of 3 hours (Klipfolio, MetricHQ)', () => {
    expect(call('TIME_IN_STATUS', ...ex, 'new, open, on-hold')).toBe(3);
    // Agent wait time (pending) of the same ticket: 10:00–12:00.
    expect(call('TIME_IN_STATUS', ...ex, 'pending')).toBe(2);
    expect(call('TIME_IN_STATUS', ...ex, 'new, open, on-hold', 'minutes')).toBe(180);
    // The status list may be a range of names.
    expect(call('TIME_IN_STATUS', ...ex, col('new', 'open', 'On Hold'))).toBe(3);
  });

  it('reads rows in any order, keeping sheet order at equal times', () => {
    const order = [3, 1, 4, 2];
    const shuffled = ex.map((c) => [c[0], ...order.map((i) => c[i])]) as unknown as typeof ex;
    expect(call('TIME_IN_STATUS', ...shuffled, 'new, open, on-hold')).toBe(3);
    expect(call('LOG_RESOLUTION', ...shuffled, 'solved', 'pending')).toBe(3);
    // Two rows at 10:00: "open" then "pending" in sheet order, so pending is the status from 10:00.
    const ids = col(7, 7, 7, 7);
    const times = col(s('2026-03-02T12:00'), s('2026-03-02T10:00'), s('2026-03-02T09:00'), s('2026-03-02T10:00'));
    const sts = col('solved', 'open', 'new', 'pending');
    expect(call('TIME_IN_STATUS', ids, times, sts, 'pending')).toBe(2);
    // "open" lasted no time at all, so no ticket spent time in it.
    expect(errorOf(() => call('TIME_IN_STATUS', ids, times, sts, 'open')).kind).toBe('na');
    expect(call('TIME_IN_STATUS', ids, times, sts, 'new, open')).toBe(1);
  });

  it('leaves out tickets whose last row is still in a counted status, unless as_of runs their clock', () => {
    // Ticket 2: new 09:00, open 11:00 and nothing since.
    const ids = col(...EXAMPLE.ids.map((r) => r[0]), 2, 2);
    const times = col(...EXAMPLE.times.map((r) => r[0]), s('2026-03-02T09:00'), s('2026-03-02T11:00'));
    const sts = col(...EXAMPLE.statuses.map((r) => r[0]), 'new', 'open');
    expect(call('TIME_IN_STATUS', ids, times, sts, 'new, open, on-hold')).toBe(3);
    // At 15:00 ticket 2 has waited 6 h (new 2 h + open 4 h so far): mean (3 + 6) / 2.
    expect(call('TIME_IN_STATUS', ids, times, sts, 'new, open, on-hold', null, null, null, s('2026-03-02T15:00'))).toBe(4.5);
    // At 11:30 ticket 101 is pending (1 h waited), ticket 2 has waited 2.5 h; later rows are ignored.
    expect(call('TIME_IN_STATUS', ids, times, sts, 'new, open, on-hold', null, null, null, s('2026-03-02T11:30'))).toBe(1.75);
    // At 08:00 neither ticket exists yet.
    expect(errorOf(() => call('TIME_IN_STATUS', ids, times, sts, 'new', null, null, null, s('2026-03-02T08:00'))).kind).toBe('na');
  });

  it('counts business hours only, across a pause and a night', () => {
    // Mon 2026-03-02 16:00 new, 17:30 pending (overnight), Tue 10:00 open, Tue 11:00 solved.
    // Under Mon-Fri 09:00-17:00: new 16:00–17:00 = 1 h, pending 17:30–Tue 10:00 = 1 h, open 1 h.
    const ids = col('A', 'A', 'A', 'A');
    const times = col(s('2026-03-02T16:00'), s('2026-03-02T17:30'), s('2026-03-03T10:00'), s('2026-03-03T11:00'));
    const sts = col('new', 'pending', 'open', 'solved');
    expect(call('TIME_IN_STATUS', ids, times, sts, 'new, open', 'hours', 'Mon-Fri 09:00-17:00')).toBe(2);
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved', 'pending', 'hours', 'Mon-Fri 09:00-17:00')).toBe(2);
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved', null, 'hours', 'Mon-Fri 09:00-17:00')).toBe(3);
    // Calendar time: the pause is 16.5 h, the resolution 19 h − 16.5 h.
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved', 'pending')).toBe(2.5);
    // Tuesday a holiday: only Monday's hour counts.
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved', 'pending', 'hours', 'Mon-Fri 09:00-17:00', col(s('2026-03-03')))).toBe(1);
  });

  it('reads German status words and German lists; hold, on-hold and On_Hold are one status', () => {
    const ids = col('Ticket', 'T-1', 'T-1', 'T-1', 'T-1', 'T-1');
    const times = col('Zeitpunkt', '02.03.2026 09:00', '02.03.2026 10:00', '02.03.2026 12:00', '02.03.2026 13:00', '02.03.2026 15:00');
    const sts = col('Status', 'Neu', 'Wartet auf Kunde', 'Offen', 'on_hold', 'Gelöst');
    expect(call('TIME_IN_STATUS', ids, times, sts, 'neu, offen, hold')).toBe(4);
    expect(call('LOG_RESOLUTION', ids, times, sts, 'gelöst', 'wartet auf kunde, On-Hold')).toBe(2);
    expect(call('LOG_RESOLUTION', ids, times, sts, 'Gelöst', 'Wartet auf Kunde', 'Minuten', null, null, 'erste')).toBe(240);
  });

  it('compares ticket ids as trimmed text: 42, "42" and " 42 " are one ticket, "042" another', () => {
    const ids = col(42, '42', ' 42 ', '042', '042');
    const times = col(s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T13:00'), s('2026-03-02T09:00'), s('2026-03-02T09:30'));
    const sts = col('new', 'open', 'solved', 'new', 'solved');
    // Ticket 42: 4 h; ticket 042: 0.5 h.
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved')).toBe(2.25);
  });

  it('says what is wrong with the log', () => {
    expect(errorOf(() => call('TIME_IN_STATUS', ...ex, '')).message).toBe('TIME_IN_STATUS: counted is blank; list the statuses as a range or as text such as "new, open, on-hold"');
    expect(errorOf(() => call('TIME_IN_STATUS', col(1, null), col(s('2026-03-02'), s('2026-03-03')), col('new', 'open'), 'new')).message)
      .toBe('TIME_IN_STATUS: ticket_ids is blank at row 2, a row with a time; every log row needs its ticket id');
    expect(errorOf(() => call('TIME_IN_STATUS', col(1, 1), col(s('2026-03-02'), s('2026-03-03')), col('new', ' '), 'new')).message)
      .toBe('TIME_IN_STATUS: statuses is blank at row 2, a row with a time; every log row needs its status');
    expect(errorOf(() => call('TIME_IN_STATUS', col(1, 1), col(s('2026-03-02')), col('new', 'open'), 'new')).message)
      .toBe('TIME_IN_STATUS: ticket_ids has 2 cells but times has 1; the ranges must be the same size');
    expect(errorOf(() => call('TIME_IN_STATUS', col(1, 1), col(s('2026-03-02'), s('2026-03-03')), col('new', '#N/A'), 'new')).message)
      .toBe('TIME_IN_STATUS: "#N/A" at row 2 of statuses is an error value');
    // A blank time skips the row whole, blank id and status included.
    expect(call('TIME_IN_STATUS', col(1, null, 1), col(s('2026-03-02T09:00'), null, s('2026-03-02T10:00')), col('new', null, 'open'), 'new')).toBe(1);
  });
});

describe('STATUS_SUMMARY', () => {
  it('tabulates time by status in order of first entry, listing statuses without counted time with 0 and ""', () => {
    // Ticket 2: new 08:00, open 08:30, solved 10:30.
    const ids = col('Ticket', 101, 101, 101, 101, 2, 2, 2);
    const times = col('Time', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T12:00'), s('2026-03-02T14:00'),
      s('2026-03-02T08:00'), s('2026-03-02T08:30'), s('2026-03-02T10:30'));
    const sts = col('Status', 'New', 'Pending', 'Open', 'Solved', 'new', 'OPEN', 'solved');
    // Statuses show their first spelling in the sheet and come in order of first entry (ticket 2's 08:00).
    expect(call('STATUS_SUMMARY', ids, times, sts)).toEqual([
      ['Status', 'Tickets', 'Average', 'Median', 'Total'],
      ['New', 2, 0.75, 0.75, 1.5], // 1 h and 0.5 h
      ['Open', 2, 2, 2, 4], // 12:00–14:00 and 08:30–10:30
      ['Pending', 1, 2, 2, 2],
      ['Solved', 0, '', '', ''], // only ever a last row: no time
    ]);
    // At 11:00 ticket 101 is pending since 10:00 (1 h); ticket 2 solved; 14:00's row is ignored.
    const at11 = call('STATUS_SUMMARY', ids, times, sts, 'minutes', null, null, s('2026-03-02T11:00')) as unknown[][];
    expect(at11.map((r) => r[0])).toEqual(['Status', 'New', 'Open', 'Pending', 'Solved']);
    expect(at11[3]).toEqual(['Pending', 1, 60, 60, 60]);
  });
});

describe('LOG_RESOLUTION', () => {
  it('gives the worked example: 5 h from 09:00 to 14:00 less 2 h pending = 3 h', () => {
    expect(call('LOG_RESOLUTION', ...ex, 'solved', 'pending')).toBe(3);
    expect(call('LOG_RESOLUTION', ...ex, 'solved')).toBe(5);
  });

  it('measures to the first or the last resolution of a reopened ticket', () => {
    // new 09:00, solved 10:00, open 12:00 (reopened), solved 13:00, closed 20:00.
    const ids = col(5, 5, 5, 5, 5);
    const times = col(s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T12:00'), s('2026-03-02T13:00'), s('2026-03-02T20:00'));
    const sts = col('new', 'solved', 'open', 'solved', 'closed');
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved, closed', null, null, null, null, 'first')).toBe(1);
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved, closed')).toBe(4); // solved → closed is no new resolution
    expect(call('LOG_RESOLUTION', ids, times, sts, 'solved, closed', 'solved')).toBe(2); // time solved before reopening paused
    // Not resolved at its last row: no data.
    expect(errorOf(() => call('LOG_RESOLUTION', ids.slice(0, 3), times.slice(0, 3), sts.slice(0, 3), 'solved')).kind).toBe('na');
  });
});

describe('LOG_SLA_ATTAINMENT', () => {
  // Ticket 101 (example): clock 3 h with pending paused. Ticket 2: new 08:00, open 08:30, solved 10:30: 2.5 h.
  // Ticket 3: new 09:00, pending 09:30, open 16:00, still open.
  const ids = col('Ticket', 101, 101, 101, 101, 2, 2, 2, 3, 3, 3);
  const times = col('Time', s('2026-03-02T09:00'), s('2026-03-02T10:00'), s('2026-03-02T12:00'), s('2026-03-02T14:00'),
    s('2026-03-02T08:00'), s('2026-03-02T08:30'), s('2026-03-02T10:30'), s('2026-03-02T09:00'), s('2026-03-02T09:30'), s('2026-03-02T16:00'));
  const sts = col('Status', 'new', 'pending', 'open', 'solved', 'new', 'open', 'solved', 'new', 'pending', 'open');

  it('shares resolved tickets within target on the paused clock; with as_of, counts breached open ones', () => {
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', 2.5, 'pending')).toBe(0.5);
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', 3, 'pending')).toBe(1);
    // At 18:00 ticket 3's clock is 0.5 h + 2 h = 2.5 h: breached against 2 h, not against 3 h.
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', 2, 'pending', null, null, null, s('2026-03-02T18:00'))).toBe(0);
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', 3, 'pending', null, null, null, s('2026-03-02T18:00'))).toBe(1);
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', 2.4, 'pending', null, null, null, s('2026-03-02T18:00'))).toBe(0);
  });

  it('takes one target per log row, the ticket\'s first row by time counting, and names a blank one', () => {
    // Ticket 101's first row is row 2, ticket 2's is row 6 (08:00), ticket 3's row 9.
    const targets = col('Target', 2, 99, 99, 99, 4, 99, 99, 8, null, null);
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', targets, 'pending')).toBe(0.5); // 3 h > 2 h; 2.5 h ≤ 4 h
    const strict = col('Target', 2, 99, 99, 99, 1, 99, 99, 8, null, null);
    expect(call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', strict, 'pending')).toBe(0);
    const blank = col('Target', 2, 99, 99, 99, null, 99, 99, 8, null, null);
    expect(errorOf(() => call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', blank, 'pending')).message)
      .toBe('LOG_SLA_ATTAINMENT: target is blank at row 6, the first row of a ticket; its target counts for the whole ticket');
    const text = col('Target', 2, 99, 99, 99, 'urgent', 99, 99, 8, null, null);
    expect(errorOf(() => call('LOG_SLA_ATTAINMENT', ids, times, sts, 'solved', text, 'pending')).message)
      .toBe('LOG_SLA_ATTAINMENT: target "urgent" is not a number at row 6, the first row of a ticket; its target counts for the whole ticket');
  });
});

describe('log KPIs by period and by group', () => {
  it('keeps a ticket\'s rows in the period of its earliest date and the group of its first row', () => {
    // Ticket 1 opens 2026-02-27 and is solved 2026-03-02; ticket 2 lives in March only.
    const ids = col('Ticket', 1, 1, 1, 2, 2);
    const times = col('Time', s('2026-02-27T09:00'), s('2026-02-28T09:00'), s('2026-03-02T09:00'), s('2026-03-03T09:00'), s('2026-03-03T10:00'));
    const sts = col('Status', 'new', 'open', 'solved', 'new', 'solved');
    const channel = col('Channel', 'mail', 'phone', 'phone', 'phone', 'phone');
    expect(call('KPI_BY_PERIOD', 'LOG_RESOLUTION', times, 'month', ids, times, sts, 'solved', null, 'days')).toEqual([
      ['Period', 'Rows', 'Value'],
      ['2026-02', 3, 3],
      ['2026-03', 2, 1 / 24],
    ]);
    // Without the rule ticket 1's March row would be a ticket of its own, and February would have no resolution.
    expect(call('KPI_BY_GROUP', 'LOG_RESOLUTION', channel, ids, times, sts, 'solved', null, 'days')).toEqual([
      ['Group', 'Rows', 'Value'],
      ['mail', 3, 3],
      ['phone', 2, 1 / 24],
    ]);
    expect(call('KPI_BY_GROUP', 'TIME_IN_STATUS', channel, ids, times, sts, 'new, open', 'hours')).toEqual([
      ['Group', 'Rows', 'Value'],
      ['mail', 3, 72],
      ['phone', 2, 1],
    ]);
  });
});

// ---------------------------------------------------------------- cross-check on generated logs

interface Row { id: string; time: number; status: string }
const STATUS_WORDS = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'];

/** Random logs: up to 12 tickets, each a walk through the statuses at whole minutes, rows shuffled. */
const logs = fc.array(
  fc.record({
    start: fc.integer({ min: 0, max: 20 * 1440 }),
    steps: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 3000 }), status: fc.constantFrom(...STATUS_WORDS) }), { minLength: 1, maxLength: 7 }),
  }),
  { minLength: 1, maxLength: 12 },
).chain((tickets) => {
  const rows: Row[] = [];
  tickets.forEach((t, k) => {
    let m = t.start;
    for (const step of t.steps) {
      m += step.gap;
      rows.push({ id: `T${k}`, time: 46_082 + m / 1440, status: step.status });
    }
  });
  return fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length });
});

/** Each ticket's rows by time, equal times in sheet order: plain arrays and a stable sort. */
function perTicket(rows: readonly Row[], asOf = Infinity): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  rows.forEach((r) => {
    if (r.time > asOf) return;
    if (!out.has(r.id)) out.set(r.id, []);
    out.get(r.id)!.push(r);
  });
  for (const list of out.values()) list.sort((a, b) => a.time - b.time);
  return out;
}
const minutes = (a: number, b: number) => Math.round((b - a) * 1440);
const norm = (x: string) => (x === 'on-hold' ? 'on hold' : x);

function expectedTimeIn(rows: readonly Row[], counted: string[], asOf?: number): number | undefined {
  let total = 0, n = 0;
  for (const list of perTicket(rows, asOf).values()) {
    if (asOf === undefined && counted.includes(norm(list[list.length - 1].status))) continue;
    let sum = 0, any = false;
    list.forEach((r, i) => {
      const end = i + 1 < list.length ? list[i + 1].time : asOf;
      if (end === undefined || !counted.includes(norm(r.status))) return;
      if (minutes(r.time, end) > 0) any = true;
      sum += minutes(r.time, end);
    });
    if (any) { total += sum; n++; }
  }
  return n ? total / n / 60 : undefined;
}

function expectedResolution(rows: readonly Row[], resolved: string[], pause: string[], which: 'first' | 'full'): number | undefined {
  let total = 0, n = 0;
  for (const list of perTicket(rows).values()) {
    if (!resolved.includes(list[list.length - 1].status)) continue;
    const entries: number[] = [];
    list.forEach((r, i) => {
      if (resolved.includes(r.status) && (i === 0 || !resolved.includes(list[i - 1].status))) entries.push(i);
    });
    const at = which === 'first' ? entries[0] : entries[entries.length - 1];
    let clock = 0;
    for (let i = 0; i < at; i++) if (!pause.includes(list[i].status)) clock += minutes(list[i].time, list[i + 1].time);
    total += clock;
    n++;
  }
  return n ? total / n / 60 : undefined;
}

const asColumns = (rows: readonly Row[]) => [col('Ticket', ...rows.map((r) => r.id)), col('Time', ...rows.map((r) => r.time)), col('Status', ...rows.map((r) => r.status))];

const valueOrNone = (f: () => unknown): unknown => {
  try {
    return f();
  } catch (e) {
    if ((e as { kind?: string }).kind === 'na') return undefined;
    throw e;
  }
};

describe('status-log KPIs against plain per-ticket loops on generated logs', () => {
  it('TIME_IN_STATUS, with and without as_of', () => {
    fc.assert(fc.property(logs, fc.integer({ min: 0, max: 25 * 1440 }), (rows, asOfMinute) => {
      const cols = asColumns(rows);
      const a = valueOrNone(() => call('TIME_IN_STATUS', ...cols, 'new, open, on-hold'));
      const e = expectedTimeIn(rows, ['new', 'open', 'on hold']);
      if (e === undefined) expect(a).toBeUndefined(); else expect(a).toBeCloseTo(e, 9);
      const asOf = 46_082 + asOfMinute / 1440;
      const b = valueOrNone(() => call('TIME_IN_STATUS', ...cols, 'pending', null, null, null, asOf));
      const f = expectedTimeIn(rows, ['pending'], asOf);
      if (f === undefined) expect(b).toBeUndefined(); else expect(b).toBeCloseTo(f, 9);
    }), { numRuns: 150 });
  });

  it('LOG_RESOLUTION first and full, with pauses', () => {
    fc.assert(fc.property(logs, fc.constantFrom<'first' | 'full'>('first', 'full'), (rows, which) => {
      const cols = asColumns(rows);
      const a = valueOrNone(() => call('LOG_RESOLUTION', ...cols, 'solved, closed', 'pending, on-hold', null, null, null, which));
      const e = expectedResolution(rows, ['solved', 'closed'], ['pending', 'on-hold'], which);
      if (e === undefined) expect(a).toBeUndefined(); else expect(a).toBeCloseTo(e, 9);
    }), { numRuns: 150 });
  });

  it('STATUS_SUMMARY totals add up to every ticket\'s span', () => {
    fc.assert(fc.property(logs, (rows) => {
      const table = call('STATUS_SUMMARY', ...asColumns(rows)) as unknown[][];
      let total = 0;
      for (const r of table.slice(1)) total += r[4] === '' ? 0 : (r[4] as number);
      let span = 0;
      for (const list of perTicket(rows).values()) span += minutes(list[0].time, list[list.length - 1].time);
      expect(total * 60).toBeCloseTo(span, 6);
    }), { numRuns: 100 });
  });

  it('LOG_SLA_ATTAINMENT, with and without as_of (open tickets past their target breached)', () => {
    const resolved = ['solved', 'closed'], pause = ['pending', 'on-hold'];
    /** The paused clock in minutes up to `end` (row index or as_of), by a plain loop. */
    const clock = (list: Row[], upTo: number, asOf?: number): number => {
      let m = 0;
      for (let i = 0; i < upTo && i < list.length; i++) {
        const next = i + 1 < list.length ? list[i + 1].time : asOf;
        if (next !== undefined && !pause.includes(list[i].status)) m += minutes(list[i].time, next);
      }
      return m;
    };
    fc.assert(fc.property(logs, fc.integer({ min: 0, max: 3000 }), fc.option(fc.integer({ min: 0, max: 25 * 1440 }), { nil: undefined }), (rows, target, asOfMinute) => {
      const asOf = asOfMinute === undefined ? undefined : 46_082 + asOfMinute / 1440;
      let met = 0, counted = 0;
      for (const list of perTicket(rows, asOf).values()) {
        const last = list[list.length - 1];
        if (resolved.includes(last.status)) {
          let at = 0;
          list.forEach((r, i) => { if (resolved.includes(r.status) && (i === 0 || !resolved.includes(list[i - 1].status))) at = i; });
          counted++;
          if (clock(list, at) <= target) met++;
        } else if (asOf !== undefined && clock(list, list.length, asOf) > target) counted++;
      }
      const a = valueOrNone(() => call('LOG_SLA_ATTAINMENT', ...asColumns(rows), 'solved, closed', target / 60, 'pending, on-hold', 'hours', null, null, asOf ?? null));
      if (counted === 0) expect(a).toBeUndefined(); else expect(a).toBeCloseTo(met / counted, 12);
    }), { numRuns: 150 });
  });

  it('STATUS_SUMMARY per status: tickets, average, median and total against plain loops', () => {
    fc.assert(fc.property(logs, (rows) => {
      const per = new Map<string, number[]>();
      const first = new Map<string, number>();
      for (const list of perTicket(rows).values()) {
        const mine = new Map<string, number>();
        list.forEach((r, i) => {
          const s = norm(r.status);
          first.set(s, Math.min(first.get(s) ?? Infinity, r.time));
          if (i + 1 < list.length && minutes(r.time, list[i + 1].time) > 0) mine.set(s, (mine.get(s) ?? 0) + minutes(r.time, list[i + 1].time));
        });
        for (const [s, m] of mine) per.set(s, [...(per.get(s) ?? []), m]);
      }
      const table = call('STATUS_SUMMARY', ...asColumns(rows), 'minutes') as unknown[][];
      // In order of the earliest time any ticket entered them (ties: sheet order, not checked here).
      const listed = table.slice(1).map((r) => norm(String(r[0])));
      expect([...listed].sort()).toEqual([...first.keys()].sort());
      for (let i = 1; i < listed.length; i++) expect(first.get(listed[i])!).toBeGreaterThanOrEqual(first.get(listed[i - 1])!);
      for (const r of table.slice(1)) {
        const xs = (per.get(norm(String(r[0]))) ?? []).sort((a, b) => a - b);
        expect(r[1]).toBe(xs.length);
        if (xs.length === 0) { expect(r.slice(2)).toEqual(['', '', '']); continue; }
        const total = xs.reduce((a, b) => a + b, 0);
        const median = xs.length % 2 ? xs[(xs.length - 1) / 2] : (xs[xs.length / 2 - 1] + xs[xs.length / 2]) / 2;
        expect(r[2]).toBeCloseTo(total / xs.length, 9);
        expect(r[3]).toBeCloseTo(median, 9);
        expect(r[4]).toBeCloseTo(total, 9);
      }
    }), { numRuns: 100 });
  });

  it('agrees with a minute-by-minute count of business hours', () => {
    const open = (m: number): boolean => {
      const day = Math.floor(46_082 + m / 1440);
      const weekday = (day - 2) % 7; // Monday 0
      const minute = m % 1440;
      return weekday < 5 && minute >= 9 * 60 && minute < 17 * 60;
    };
    const business = (a: number, b: number): number => {
      let n = 0;
      for (let m = Math.round((a - 46_082) * 1440); m < Math.round((b - 46_082) * 1440); m++) if (open(m)) n++;
      return n;
    };
    fc.assert(fc.property(logs, (rows) => {
      let total = 0, n = 0;
      for (const list of perTicket(rows).values()) {
        if (list[list.length - 1].status !== 'solved') continue;
        let at = -1;
        list.forEach((r, i) => { if (r.status === 'solved' && (i === 0 || list[i - 1].status !== 'solved')) at = i; });
        let clock = 0;
        for (let i = 0; i < at; i++) if (list[i].status !== 'pending') clock += business(list[i].time, list[i + 1].time);
        total += clock;
        n++;
      }
      const a = valueOrNone(() => call('LOG_RESOLUTION', ...asColumns(rows), 'solved', 'pending', 'minutes', 'Mon-Fri 09:00-17:00'));
      if (n === 0) expect(a).toBeUndefined(); else expect(a).toBeCloseTo(total / n, 6);
    }), { numRuns: 60 });
  });
});

describe('status logs in a spreadsheet zone', () => {
  it('reads Sheets Date objects and ISO instants as wall-clock times of the zone', () => {
    // 09:00 Berlin = 08:00Z in March (CET).
    const ids = col('T', 'T', 'T', 'T');
    const times = col(new Date('2026-03-02T08:00:00Z'), '2026-03-02T09:00:00Z', new Date('2026-03-02T11:00:00Z'), '2026-03-02 14:00');
    const sts = col('new', 'pending', 'open', 'solved');
    expect(callIn('Europe/Berlin', 'LOG_RESOLUTION', ids, times, sts, 'solved', 'pending')).toBe(3);
  });
});
