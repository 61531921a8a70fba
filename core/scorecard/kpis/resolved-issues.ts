/** The number of tickets resolved in the period (Zendesk: solved tickets). */
import { defineKpi, T } from '../definition.js';

export default defineKpi({
  id: 'resolvedIssues', section: 'operational', order: 100, layout: 'period', perspective: 'operational', unit: 'count',
  name: T('Resolved issues', 'Gelöste Tickets'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'RESOLVED_ISSUES', needs: ['ticketResolved'], dates: 'ticketResolved',
    definition: T('Number of tickets resolved in the period.', 'Anzahl der im Zeitraum gelösten Tickets.'),
    args: (a) => [a.col('ticketResolved')],
    native: (m) => m.count(),
  }],
});
