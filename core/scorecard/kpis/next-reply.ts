/** Next reply time (Zendesk): from a customer's unanswered message to the agent's reply, after the first reply. */
import { defineKpi, T } from '../definition.js';
import type { LiveArgs } from '../definition.js';
import { logTickets, MESSAGE_LOG } from '../log-kpis.js';

const args = (a: LiveArgs) => [a.col('ticketId'), a.col('logTime'), a.col('logAuthor')];

export default defineKpi({
  id: 'nextReply', section: 'operational', order: 45, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('Next reply time', 'Zeit bis zur nächsten Antwort'), defaultTarget: 4, direction: 'lower',
  variants: [{
    fn: 'NEXT_REPLY_TIME', needs: MESSAGE_LOG, dates: 'logTime',
    definition: T('Mean hours from a customer\'s first unanswered message to the agent\'s next reply, after the first reply, for the tickets whose messages start in the period.',
      'Mittlere Stunden von der ersten unbeantworteten Kundennachricht bis zur nächsten Antwort eines Mitarbeiters, nach der ersten Antwort, für die Tickets, deren Nachrichten im Zeitraum beginnen.'),
    byTable: [{
      role: 'ticketOpened',
      definition: T('Mean hours from a customer\'s first unanswered message to the agent\'s next reply, after the first reply, for the tickets opened in the period by the ticket table.',
        'Mittlere Stunden von der ersten unbeantworteten Kundennachricht bis zur nächsten Antwort eines Mitarbeiters, nach der ersten Antwort, für die laut Tickettabelle im Zeitraum eröffneten Tickets.'),
    }],
    args,
    count: logTickets('NEXT_REPLY_TIME', args),
  }],
});
