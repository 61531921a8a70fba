import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { call, col, errorOf, serial } from '../helpers/call.js';

const s = (hhmm: string, day = '2026-03-02') => serial(`${day}T${hhmm}`);

/**
 * A message log (times on Monday 2026-03-02):
 *   A  customer 09:00, customer 09:10 (a run), internal note 09:20, agent 10:00  → first reply 1 h
 *      customer 11:00, customer 11:30, agent 12:00                              → next reply 1 h (from 11:00)
 *      agent 12:05 (agent after agent: no reply), customer 13:00, bot 13:05, agent 13:30 → next 0.5 h
 *   B  agent 09:00 (an agent created it), customer 09:30, agent 10:30           → first reply 1.5 h (second agent message)
 *      customer 11:00, agent 11:15                                              → next reply 0.25 h
 *   C  note 08:00 (starts the ticket), customer 08:05, agent 08:30              → first reply 0.5 h
 *   D  customer 09:00 only                                                       → no reply
 *   E  agent 09:00 only (agent-created, never answered again)                   → no reply
 * Rows are given out of order, with a header row.
 */
const LOG: [string, number, string][] = [
  ['A', s('12:00'), 'agent'], ['B', s('09:00'), 'Agent'], ['A', s('09:00'), 'customer'], ['A', s('09:10'), 'end-user'],
  ['A', s('09:20'), 'internal'], ['C', s('08:30'), 'admin'], ['A', s('10:00'), 'agent'], ['B', s('09:30'), 'requester'],
  ['A', s('11:00'), 'Customer'], ['B', s('10:30'), 'agent'], ['A', s('11:30'), 'end user'], ['C', s('08:00'), 'note'],
  ['A', s('12:05'), 'agent'], ['A', s('13:00'), 'user'], ['B', s('11:00'), 'customer'], ['A', s('13:05'), 'bot'],
  ['A', s('13:30'), 'teammate'], ['B', s('11:15'), 'operator'], ['C', s('08:05'), 'contact'], ['D', s('09:00'), 'visitor'],
  ['E', s('09:00'), 'staff'],
];
const IDS = col('Ticket', ...LOG.map((r) => r[0]));
const TIMES = col('Created', ...LOG.map((r) => r[1]));
const AUTHORS = col('Author', ...LOG.map((r) => r[2]));

describe('NEXT_REPLY_TIME', () => {
  it('times each agent reply after the first one from the first unanswered customer message', () => {
    // Next replies: A 1 h and 0.5 h, B 0.25 h.
    expect(call('NEXT_REPLY_TIME', IDS, TIMES, AUTHORS)).toBeCloseTo(1.75 / 3, 12);
    expect(call('NEXT_REPLY_TIME', IDS, TIMES, AUTHORS, 'minutes')).toBeCloseTo(35, 12);
  });

  it('counts business hours: a customer writing Friday 16:30 and answered Monday 09:30 waited 1 h', () => {
    const ids = col(1, 1, 1, 1);
    const times = col(s('09:00', '2026-03-06'), s('09:10', '2026-03-06'), s('16:30', '2026-03-06'), s('09:30', '2026-03-09'));
    const authors = col('customer', 'agent', 'customer', 'agent');
    expect(call('NEXT_REPLY_TIME', ids, times, authors, 'hours', 'Mon-Fri 09:00-17:00')).toBe(1);
    expect(call('NEXT_REPLY_TIME', ids, times, authors)).toBe(65);
  });

  it('reads German author words', () => {
    const ids = col('Ticket', 7, 7, 7, 7, 7);
    const times = col('Zeit', '02.03.2026 09:00', '02.03.2026 09:30', '02.03.2026 10:00', '02.03.2026 10:05', '02.03.2026 10:45');
    const authors = col('Verfasser', 'Kunde', 'Mitarbeiter', 'Anfragender', 'Notiz', 'Bearbeiter');
    expect(call('NEXT_REPLY_TIME', ids, times, authors, 'Minuten')).toBe(45);
    expect((call('REPLY_TIMES', ids, times, authors, 'Minuten') as unknown[][])[1]).toEqual(['First reply', 1, 30, 30, 30]);
  });

  it('names an unknown author word and its row', () => {
    const e = errorOf(() => call('NEXT_REPLY_TIME', col('Ticket', 1, 1), col('Time', s('09:00'), s('10:00')), col('Author', 'customer', 'Robot')));
    expect(e.kind).toBe('value');
    expect(e.message).toMatch(/^NEXT_REPLY_TIME: "Robot" at row 3 of authors is not an author word: customers are customer, end-user, /);
    // A header is text in the time column: the whole row is skipped before its author is read.
    expect(errorOf(() => call('NEXT_REPLY_TIME', col(1), col(s('09:00')), col(' '))).message)
      .toBe('NEXT_REPLY_TIME: authors is blank at row 1, a row with a time; every log row needs its author');
  });

  it('is no data without a next reply', () => {
    expect(errorOf(() => call('NEXT_REPLY_TIME', col(1, 1), col(s('09:00'), s('10:00')), col('customer', 'agent'))).kind).toBe('na');
  });
});

describe('REPLY_TIMES', () => {
  it('tabulates first, next and all replies with average, median and P90 (PERCENTILE.INC)', () => {
    // First: A 1, B 1.5, C 0.5 → sorted 0.5, 1, 1.5: P90 at rank 1.8 → 1 + 0.8 × 0.5 = 1.4.
    // Next: 0.25, 0.5, 1 → P90 0.5 + 0.8 × 0.5 = 0.9. All six: 0.25, 0.5, 0.5, 1, 1, 1.5 → median 0.75,
    // P90 at rank 4.5 → 1 + 0.5 × 0.5 = 1.25.
    const t = call('REPLY_TIMES', IDS, TIMES, AUTHORS) as number[][];
    expect(t[0]).toEqual(['Measure', 'Replies', 'Average', 'Median', 'P90']);
    expect(t[1]).toEqual(['First reply', 3, 1, 1, expect.closeTo(1.4, 12)]);
    expect(t[2]).toEqual(['Next replies', 3, expect.closeTo(1.75 / 3, 12), 0.5, expect.closeTo(0.9, 12)]);
    expect(t[3]).toEqual(['All replies', 6, expect.closeTo(4.75 / 6, 12), 0.75, 1.25]);
  });

  it('gives the published first response time of 1 h 30 min (Zoho Desk glossary: submitted 10:00, answered 11:30)', () => {
    // https://help.zoho.com/portal/en/kb/desk/reports-and-dashboards/response-and-resolution-times/articles/response-and-resolution-times-glossary
    const t = call('REPLY_TIMES', col(1, 1), col(s('10:00'), s('11:30')), col('customer', 'agent'), 'minutes') as unknown[][];
    expect(t[1]).toEqual(['First reply', 1, 90, 90, 90]);
    expect(t[2]).toEqual(['Next replies', 0, '', '', '']);
    expect(t[3]).toEqual(['All replies', 1, 90, 90, 90]);
  });

  it('follows Zendesk\'s rule for agent-created tickets: the first reply is the second public agent comment', () => {
    // https://support.zendesk.com/hc/en-us/articles/4408834848154 ("About native Support time duration metrics"):
    // "If the ticket is created by an agent and the first comment is public the second timestamp shifts to the
    // second public agent comment."
    const t = call('REPLY_TIMES', col(1, 1, 1), col(s('09:00'), s('09:30'), s('11:00')), col('agent', 'customer', 'agent')) as unknown[][];
    expect(t[1]).toEqual(['First reply', 1, 2, 2, 2]);
  });
});

describe('message logs by group', () => {
  it('puts every message of a ticket in the group of its first message', () => {
    // The team column changes within ticket A (handed over); the ticket stays with its first row's team.
    const team = col('Team', ...LOG.map((r) => (r[0] === 'A' && r[1] > s('11:00') ? 'second line' : r[0] === 'B' ? 'sales' : 'first line')));
    expect(call('KPI_BY_GROUP', 'NEXT_REPLY_TIME', team, IDS, TIMES, AUTHORS, 'minutes')).toEqual([
      ['Group', 'Rows', 'Value'],
      ['first line', 16, 45], // A: 60 and 30 min
      ['sales', 5, 15], // B: 15 min
    ]);
  });
});

// ---------------------------------------------------------------- cross-check on generated logs

interface Message { id: string; time: number; author: 'customer' | 'agent' | 'note' }

const messageLogs = fc.array(
  fc.array(fc.record({ gap: fc.integer({ min: 0, max: 600 }), author: fc.constantFrom<Message['author']>('customer', 'customer', 'agent', 'agent', 'note') }), { minLength: 1, maxLength: 9 }),
  { minLength: 1, maxLength: 10 },
).chain((tickets) => {
  const rows: Message[] = [];
  tickets.forEach((msgs, k) => {
    let m = k * 37;
    for (const x of msgs) {
      m += x.gap;
      rows.push({ id: `C${k}`, time: 46_082 + m / 1440, author: x.author });
    }
  });
  return fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length });
});

/** First and next replies in minutes, by plain loops over each ticket's messages in time order. */
function expectedReplies(rows: readonly Message[]): { first: number[]; next: number[] } {
  const byTicket = new Map<string, Message[]>();
  for (const r of rows) {
    if (!byTicket.has(r.id)) byTicket.set(r.id, []);
    byTicket.get(r.id)!.push(r);
  }
  const first: number[] = [], next: number[] = [];
  for (const list of byTicket.values()) {
    list.sort((a, b) => a.time - b.time);
    const messages = list.filter((m) => m.author !== 'note');
    if (messages.length === 0) continue;
    const agentIdx = messages.map((m, i) => (m.author === 'agent' ? i : -1)).filter((i) => i >= 0);
    const replyIdx = messages[0].author === 'agent' ? agentIdx[1] : agentIdx[0];
    if (replyIdx === undefined) continue;
    first.push(Math.round((messages[replyIdx].time - list[0].time) * 1440));
    let since: number | undefined;
    for (const m of messages.slice(replyIdx + 1)) {
      if (m.author === 'customer') since ??= m.time;
      else if (since !== undefined) {
        next.push(Math.round((m.time - since) * 1440));
        since = undefined;
      }
    }
  }
  return { first, next };
}

describe('message-log KPIs against plain per-ticket loops on generated logs', () => {
  it('REPLY_TIMES counts and averages, NEXT_REPLY_TIME', () => {
    fc.assert(fc.property(messageLogs, (rows) => {
      const args = [col('Ticket', ...rows.map((r) => r.id)), col('Time', ...rows.map((r) => r.time)), col('Author', ...rows.map((r) => r.author))];
      const { first, next } = expectedReplies(rows);
      const t = call('REPLY_TIMES', ...args, 'minutes') as unknown[][];
      const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
      expect(t[1][1]).toBe(first.length);
      expect(t[2][1]).toBe(next.length);
      if (first.length) expect(t[1][2]).toBeCloseTo(mean(first), 9);
      if (next.length) {
        expect(t[2][2]).toBeCloseTo(mean(next), 9);
        expect(call('NEXT_REPLY_TIME', ...args, 'minutes')).toBeCloseTo(mean(next), 9);
      } else {
        expect(t[2].slice(2)).toEqual(['', '', '']);
        expect(errorOf(() => call('NEXT_REPLY_TIME', ...args)).kind).toBe('na');
      }
    }), { numRuns: 200 });
  });
});
