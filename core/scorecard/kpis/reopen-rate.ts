/** Reopen rate: the share of yes among the reopened flags of the tickets opened in the period (REOPEN_RATE). */
import { defineKpi, T } from '../definition.js';
import { flagShare } from '../measure.js';

export default defineKpi({
  id: 'reopenRate', section: 'operational', order: 70, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Reopen rate', 'Wiedereröffnungsquote'), defaultTarget: 0.05, direction: 'lower',
  variants: [{
    fn: 'REOPEN_RATE', needs: ['ticketOpened', 'reopened'], dates: 'ticketOpened',
    definition: T('Share of the tickets opened in the period that were reopened after being resolved.',
      'Anteil der im Zeitraum eröffneten Tickets, die nach der Lösung wieder geöffnet wurden.'),
    args: (a) => [a.col('reopened')],
    native: (m) => flagShare(m, 'reopened'),
  }],
});
