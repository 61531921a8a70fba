/** Mean resolution time in hours of the tickets resolved in the period (Zendesk: full resolution time). */
import type { Series } from '../definition.js';
import { defineKpi, T } from '../definition.js';
import { STATUS_LOG, statusArg, statusColumns, statusFacts } from '../log-kpis.js';
import { isSet, meanHours } from '../measure.js';
import type { RowRule } from '../measure.js';

/** The ticket functions reject a ticket resolved before it was opened, naming its row. */
export const RESOLVED_AFTER_OPENED: RowRule = {
  kind: 'order', earlier: 'ticketOpened', later: 'ticketResolved',
  reason: { en: 'a ticket is resolved before it was opened', de: 'ein Ticket ist vor seiner Eröffnung gelöst' },
};

/** n of the resolution KPIs: the tickets resolved in the period that have an opened date. */
export const RESOLVED_WITH_OPENED: Series = {
  live: (a) => ({ table: a.byPeriod('RESOLVED_ISSUES', a.col('ticketOpened')), column: 2 }),
  native: (m) => m.count(isSet('ticketOpened')),
};

export default defineKpi({
  id: 'avgResolution', section: 'operational', order: 20, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('Average resolution time', 'Durchschnittliche Lösungszeit'), defaultTarget: 24, direction: 'lower',
  variants: [{
    fn: 'AVG_RESOLUTION', needs: ['ticketResolved', 'ticketOpened'], dates: 'ticketResolved',
    definition: T('Mean hours from opened to resolved, for the tickets resolved in the period.',
      'Mittlere Stunden von Eröffnung bis Lösung, für die im Zeitraum gelösten Tickets.'),
    rules: [RESOLVED_AFTER_OPENED],
    args: (a) => [a.col('ticketOpened'), a.col('ticketResolved')],
    native: (m) => meanHours(m, 'ticketResolved', 'ticketOpened', isSet('ticketOpened')),
    count: RESOLVED_WITH_OPENED,
  }, {
    // A status log without opened and resolved columns: the ticket's first row to its last resolution, no pause.
    fn: 'LOG_RESOLUTION', needs: STATUS_LOG, dates: 'logTime',
    definition: T('Mean hours from a ticket\'s first log row to its last resolution ({resolved}), for the tickets whose log starts in the period.',
      'Mittlere Stunden von der ersten Protokollzeile eines Tickets bis zu seiner letzten Lösung ({resolved}), für die Tickets, deren Protokoll im Zeitraum beginnt.'),
    facts: statusFacts,
    args: (a) => [...statusColumns(a), statusArg(a, 'resolved')],
  }],
});
