/** Requester wait time (Zendesk): the time tickets spent in statuses the customer waits through. */
import { defineKpi, T } from '../definition.js';
import type { LiveArgs } from '../definition.js';
import { logTickets, STATUS_LOG, statusArg, statusColumns, statusFacts } from '../log-kpis.js';

const args = (a: LiveArgs) => [...statusColumns(a), statusArg(a, 'waiting')];

export default defineKpi({
  id: 'requesterWait', section: 'operational', order: 24, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('Requester wait time', 'Wartezeit des Kunden'), defaultTarget: 24, direction: 'lower',
  variants: [{
    fn: 'TIME_IN_STATUS', needs: STATUS_LOG, dates: 'logTime',
    definition: T('Mean hours a ticket spent in statuses the customer waits through ({waiting}), for the tickets whose log starts in the period and whose wait is over (Zendesk\'s requester wait time).',
      'Mittlere Stunden, die ein Ticket in Status verbrachte, in denen der Kunde wartet ({waiting}), für die Tickets, deren Protokoll im Zeitraum beginnt und deren Warten vorbei ist (requester wait time von Zendesk).'),
    byTable: [{
      role: 'ticketOpened',
      definition: T('Mean hours a ticket spent in statuses the customer waits through ({waiting}), for the tickets opened in the period by the ticket table whose wait is over (Zendesk\'s requester wait time).',
        'Mittlere Stunden, die ein Ticket in Status verbrachte, in denen der Kunde wartet ({waiting}), für die laut Tickettabelle im Zeitraum eröffneten Tickets, deren Warten vorbei ist (requester wait time von Zendesk).'),
    }],
    facts: statusFacts,
    args,
    count: logTickets('TIME_IN_STATUS', args),
  }],
});
