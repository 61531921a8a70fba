/**
 * Reply times from message logs (one row per message: ticket, time, author): first reply time and
 * Zendesk's next reply time, the replies after the first one that answer a customer.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError } from '../errors.js';
import type { CallContext, Cell, Table } from '../values/context.js';
import type { BusinessClock } from './business-hours.js';
import { readDurationOptions } from './durations.js';
import { AGENT, AUTHORS, CUSTOMER, durationStats, readLog, SKIPPED, spanMs } from './log-rows.js';
import type { LogRows } from './log-rows.js';
import type { LogTally } from './status-log.js';
import { AUTHOR_ARG, LOG_ROWS, LOG_RULES, TICKET_IDS, TIMES } from './log-texts.js';
import { BUSINESS_HOURS, HOLIDAYS, UNIT } from './tickets.js';

/** Where reply times go: first replies and next replies, in whole ms. */
interface ReplySink {
  first(ms: number): void;
  next(ms: number, ticket: number): void;
}

/**
 * Walks every ticket once. First reply: from the ticket's first row (whoever wrote it) to its first
 * agent message, or — when the first message is an agent's — to its second (Zendesk's rule for
 * tickets an agent created). After it, each agent message that follows customer messages is a next
 * reply, timed from the first of those customer messages. Skipped rows (notes, bots) are not
 * messages but still start the ticket.
 */
function walkReplies(log: LogRows, business: BusinessClock | undefined, sink: ReplySink): void {
  const { start, order, times, codes } = log;
  for (let k = 0; k < log.tickets; k++) {
    const a = start[k], b = start[k + 1];
    if (a === b) continue;
    const created = times[order[a]];
    let j = a, needed = 0, agents = 0;
    for (; j < b; j++) {
      const c = codes[order[j]];
      if (c === SKIPPED) continue;
      if (needed === 0) needed = c === AGENT ? 2 : 1;
      if (c === AGENT && ++agents === needed) {
        sink.first(spanMs(created, times[order[j]], business));
        break;
      }
    }
    let waiting = NaN;
    for (j++; j < b; j++) {
      const row = order[j], c = codes[row];
      if (c === CUSTOMER) {
        if (waiting !== waiting) waiting = times[row];
      } else if (c === AGENT && waiting === waiting) {
        sink.next(spanMs(waiting, times[row], business), k);
        waiting = NaN;
      }
    }
  }
}

function readMessageLog(ctx: CallContext, args: readonly unknown[]): { log: LogRows; msPerUnit: number; business: BusinessClock | undefined } {
  const { msPerUnit, business } = readDurationOptions(ctx, args[3], args[4], args[5]);
  return { log: readLog(ctx, args[0], args[1], args[2], AUTHORS), msPerUnit, business };
}

/** Next reply time's value and the tickets with at least one next reply (LOG_TICKETS). */
export function nextReplyTally(ctx: CallContext, args: readonly unknown[]): LogTally {
  const { log, msPerUnit, business } = readMessageLog(ctx, args);
  let total = 0, n = 0, tickets = 0, last = -1;
  walkReplies(log, business, {
    first() {},
    next(ms, ticket) {
      total += ms;
      n++;
      if (ticket !== last) {
        tickets++;
        last = ticket;
      }
    },
  });
  return { value: total / n / msPerUnit, tickets };
}

function nextReplyTime(ctx: CallContext, args: readonly unknown[]): number {
  const t = nextReplyTally(ctx, args);
  if (t.tickets === 0) throw noDataError(ctx.fn, 'no data (no agent reply after a customer message following the first reply)');
  return t.value;
}

function replyRow(label: string, xs: readonly number[], msPerUnit: number): Cell[] {
  if (xs.length === 0) return [label, 0, '', '', ''];
  const st = durationStats(xs);
  return [label, st.n, st.mean / msPerUnit, st.median / msPerUnit, st.p90 / msPerUnit];
}

function replyTimes(ctx: CallContext, args: readonly unknown[]): Table {
  const { log, msPerUnit, business } = readMessageLog(ctx, args);
  if (log.order.length === 0) throw noDataError(ctx.fn, 'no data (no log rows with a time)');
  const first: number[] = [], next: number[] = [];
  walkReplies(log, business, { first: (ms) => void first.push(ms), next: (ms) => void next.push(ms) });
  return [
    ['Measure', 'Replies', 'Average', 'Median', 'P90'],
    replyRow('First reply', first, msPerUnit),
    replyRow('Next replies', next, msPerUnit),
    replyRow('All replies', first.concat(next), msPerUnit),
  ];
}

const AUTHOR_RULES = {
  en: 'Authors are compared case-insensitively and trimmed: customer, end-user (end user), requester, user, lead, contact, visitor, Kunde, Anfragender are the customer; agent, admin, operator, teammate, staff, support, Mitarbeiter, Bearbeiter are agents; internal, note, intern, Notiz, bot, system, automation and trigger rows (internal notes, automatic messages) are not replies and are skipped — but a skipped row that comes first still starts the ticket. Any other author is an error naming it and its row.',
  de: 'Verfasser werden ohne Beachtung der Groß-/Kleinschreibung und ohne Randleerzeichen verglichen: customer, end-user (end user), requester, user, lead, contact, visitor, Kunde, Anfragender sind der Kunde; agent, admin, operator, teammate, staff, support, Mitarbeiter, Bearbeiter sind Mitarbeiter; Zeilen von internal, note, intern, Notiz, bot, system, automation und trigger (interne Notizen, automatische Nachrichten) sind keine Antworten und werden übersprungen – eine solche Zeile, die zuerst kommt, eröffnet aber dennoch das Ticket. Jeder andere Verfasser ist ein Fehler, der ihn und seine Zeile nennt.',
};

const REPLY_RULES = {
  en: 'First reply: from the ticket\'s first row to its first agent message, or — when the first message is an agent\'s (a ticket an agent created) — to its second agent message (Zendesk\'s rule). Next replies: after the first reply, every agent message that follows one or more customer messages, timed from the first of those customer messages (a run of customer messages is answered once; agent messages in a row count once).',
  de: 'Erste Antwort: von der ersten Zeile des Tickets bis zur ersten Nachricht eines Mitarbeiters oder – wenn die erste Nachricht von einem Mitarbeiter stammt (ein von ihm angelegtes Ticket) – bis zu seiner zweiten Mitarbeiternachricht (Regel von Zendesk). Nächste Antworten: nach der ersten Antwort jede Mitarbeiternachricht, die auf eine oder mehrere Kundennachrichten folgt, gemessen ab der ersten dieser Kundennachrichten (eine Folge von Kundennachrichten wird einmal beantwortet; mehrere Mitarbeiternachrichten hintereinander zählen einmal).',
};

export const messageLogFunctions: readonly FunctionSpec[] = [
  {
    name: 'NEXT_REPLY_TIME',
    family: 'logs',
    args: [TICKET_IDS, TIMES, AUTHOR_ARG, UNIT, BUSINESS_HOURS, HOLIDAYS],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average time to the next reply after a customer writes again (Zendesk next reply time)', de: 'Durchschnittliche Zeit bis zur nächsten Antwort, wenn der Kunde erneut schreibt (Zendesk next reply time)' },
    help: {
      en: `Mean over next replies of the time from the customer's first unanswered message to the agent's reply, in hours by default. ${REPLY_RULES.en} ${AUTHOR_RULES.en} ${LOG_RULES.en} No next reply: "no data".`,
      de: `Mittelwert über die nächsten Antworten der Zeit von der ersten unbeantworteten Kundennachricht bis zur Antwort des Mitarbeiters, standardmäßig in Stunden. ${REPLY_RULES.de} ${AUTHOR_RULES.de} ${LOG_RULES.de} Keine nächste Antwort: „keine Daten“.`,
    },
    example: '=NEXT_REPLY_TIME(A2:A5000, B2:B5000, C2:C5000, "minutes") → 47',
    source: 'Zendesk SLA metric "next reply time" (from the oldest unanswered end-user comment to the next public agent reply)',
    impl: nextReplyTime,
    rowGroups: LOG_ROWS,
  },
  {
    name: 'REPLY_TIMES',
    family: 'logs',
    args: [TICKET_IDS, TIMES, AUTHOR_ARG, UNIT, BUSINESS_HOURS, HOLIDAYS],
    result: 'table',
    unit: 'table',
    summary: { en: 'Table of first, next and all reply times: replies, average, median and 90th percentile', de: 'Tabelle der ersten, nächsten und aller Antwortzeiten: Antworten, Durchschnitt, Median und 90. Perzentil' },
    help: {
      en: `A table Measure, Replies, Average, Median, P90 with the rows First reply, Next replies and All replies (both together), in hours by default; P90 is PERCENTILE.INC at 0.9. A row without replies shows 0 and "". ${REPLY_RULES.en} ${AUTHOR_RULES.en} ${LOG_RULES.en} No log row with a time: "no data".`,
      de: `Eine Tabelle Measure, Replies, Average, Median, P90 mit den Zeilen First reply (erste Antwort), Next replies (nächste Antworten) und All replies (beide zusammen), standardmäßig in Stunden; P90 ist QUANTIL.INKL bei 0,9. Eine Zeile ohne Antworten zeigt 0 und "". ${REPLY_RULES.de} ${AUTHOR_RULES.de} ${LOG_RULES.de} Keine Protokollzeile mit Zeitpunkt: „keine Daten“.`,
    },
    example: '=REPLY_TIMES(A2:A5000, B2:B5000, C2:C5000) → First reply | 812 | 2.1 | 0.9 | 5.5 ; Next replies | 1460 | 3.4 | 1.2 | 8 ; All replies | …',
    source: 'Zendesk first reply time (agent-created tickets: second public agent comment) and next reply time',
    impl: replyTimes,
    rowGroups: LOG_ROWS,
  },
];
