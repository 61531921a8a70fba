/** Resolution time on the SLA clock: from a status log, with the time in pause statuses taken out (Jira Service Management, Zendesk). */
import { defineKpi, T } from '../definition.js';
import type { LiveArgs } from '../definition.js';
import { logTickets, STATUS_LOG, statusArg, statusColumns, statusFacts } from '../log-kpis.js';

const args = (a: LiveArgs) => [...statusColumns(a), statusArg(a, 'resolved'), statusArg(a, 'pause')];

export default defineKpi({
  id: 'pausedResolution', section: 'operational', order: 22, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('Resolution time on the SLA clock', 'Lösungszeit auf der SLA-Uhr'), defaultTarget: 24, direction: 'lower',
  variants: [{
    fn: 'LOG_RESOLUTION', needs: STATUS_LOG, dates: 'logTime',
    definition: T('Mean hours from a ticket\'s first log row to its last resolution ({resolved}) without the time in pause statuses ({pause}), for the tickets whose log starts in the period.',
      'Mittlere Stunden von der ersten Protokollzeile eines Tickets bis zu seiner letzten Lösung ({resolved}) ohne die Zeit in Pausenstatus ({pause}), für die Tickets, deren Protokoll im Zeitraum beginnt.'),
    byTable: [{
      role: 'ticketResolved',
      definition: T('Mean hours from a ticket\'s first log row to its last resolution ({resolved}) without the time in pause statuses ({pause}), for the tickets resolved in the period by the ticket table (as average resolution time counts them).',
        'Mittlere Stunden von der ersten Protokollzeile eines Tickets bis zu seiner letzten Lösung ({resolved}) ohne die Zeit in Pausenstatus ({pause}), für die laut Tickettabelle im Zeitraum gelösten Tickets (wie bei der mittleren Lösungszeit).'),
    }],
    facts: statusFacts,
    args,
    count: logTickets('LOG_RESOLUTION', args),
    // No `native`: no native formula can walk a log (portable mode writes values with a note).
  }],
});
