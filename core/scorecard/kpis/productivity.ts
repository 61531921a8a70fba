/** Resolved tickets per agent in the period (a distinct count: no native form). */
import { defineKpi, T } from '../definition.js';

export default defineKpi({
  id: 'productivity', section: 'operational', order: 120, layout: 'period', perspective: 'operational', unit: 'number',
  name: T('Resolved tickets per agent', 'Gelöste Tickets pro Mitarbeiter'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'RESOLVED_PER_AGENT', needs: ['ticketResolved', 'agent'], dates: 'ticketResolved',
    definition: T('Tickets resolved in the period ÷ number of different agents who resolved them.',
      'Im Zeitraum gelöste Tickets ÷ Anzahl verschiedener Mitarbeiter, die sie gelöst haben.'),
    args: (a) => [a.col('agent'), a.col('ticketResolved')],
  }],
});
