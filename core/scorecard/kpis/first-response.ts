/** Mean time to first response in hours of the tickets opened in the period (Zendesk: first reply time). */
import { defineKpi, T } from '../definition.js';
import { isSet, meanHours } from '../measure.js';

export default defineKpi({
  id: 'firstResponse', section: 'operational', order: 40, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('First response time', 'Erstreaktionszeit'), defaultTarget: 4, direction: 'lower',
  variants: [{
    fn: 'AVG_FIRST_RESPONSE', needs: ['ticketOpened', 'firstResponse'], dates: 'ticketOpened',
    definition: T('Mean hours from opened to the first response, for the tickets opened in the period.',
      'Mittlere Stunden von Eröffnung bis zur ersten Antwort, für die im Zeitraum eröffneten Tickets.'),
    rules: [{
      kind: 'order', earlier: 'ticketOpened', later: 'firstResponse',
      reason: { en: 'a first response is before its ticket was opened', de: 'eine erste Antwort liegt vor der Eröffnung' },
    }],
    args: (a) => [a.col('ticketOpened'), a.col('firstResponse')],
    native: (m) => meanHours(m, 'firstResponse', 'ticketOpened', isSet('firstResponse')),
    // n: the tickets opened in the period that have a first response.
    count: {
      live: (a) => ({ table: a.byPeriod('RESOLVED_ISSUES', a.col('firstResponse')), column: 2 }),
      native: (m) => m.count(isSet('firstResponse')),
    },
  }],
});
