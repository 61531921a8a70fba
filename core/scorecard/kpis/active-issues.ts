/** Active issues: the tickets open at the end of each period (a stock), the actual at the reporting period's end. */
import { defineKpi, T } from '../definition.js';
import { ours } from '../formula.js';
import { AS_OF, isBlank, where } from '../measure.js';
import { RESOLVED_AFTER_OPENED } from './avg-resolution.js';

export default defineKpi({
  id: 'activeIssues', section: 'operational', order: 90, layout: 'stock', perspective: 'operational', unit: 'count',
  name: T('Active issues', 'Offene Tickets'), defaultTarget: null, direction: 'lower',
  variants: [{
    fn: 'ACTIVE_ISSUES', needs: ['ticketOpened', 'ticketResolved'], dates: 'ticketOpened',
    definition: T('Tickets open at the end of the period (opened, not resolved by then; never later than the data\'s last day).',
      'Am Ende des Zeitraums offene Tickets (eröffnet, bis dahin nicht gelöst; höchstens bis zum letzten Tag der Daten).'),
    rules: [RESOLVED_AFTER_OPENED],
    // Open at a moment: opened by then, and not resolved (blank) or resolved later.
    at: (a, asOf) => ours('ACTIVE_ISSUES', a.col('ticketOpened'), a.col('ticketResolved'), asOf),
    nativeAt: (m) => m.add(
      m.count(where('ticketOpened', '<=', AS_OF), isBlank('ticketResolved')),
      m.count(where('ticketOpened', '<=', AS_OF), where('ticketResolved', '>', AS_OF)),
    ),
  }],
});
