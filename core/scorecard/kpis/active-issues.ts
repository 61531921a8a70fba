/** Active issues: the tickets open now; earlier periods, the tickets open at the period's end (a stock). */
import { defineKpi, T } from '../definition.js';
import { ours } from '../formula.js';
import { AS_OF, isBlank, isSet, where } from '../measure.js';
import { RESOLVED_AFTER_OPENED } from './avg-resolution.js';

export default defineKpi({
  id: 'activeIssues', section: 'operational', order: 90, layout: 'stock', perspective: 'operational', unit: 'count',
  name: T('Active issues', 'Offene Tickets'), defaultTarget: null, direction: 'lower',
  variants: [{
    fn: 'ACTIVE_ISSUES', needs: ['ticketOpened', 'ticketResolved'], dates: 'ticketOpened',
    definition: T('Tickets open now (opened, not resolved); earlier periods: open at the end of the period.',
      'Jetzt offene Tickets (eröffnet, nicht gelöst); frühere Zeiträume: offen am Ende des Zeitraums.'),
    rules: [RESOLVED_AFTER_OPENED],
    // Open at a moment: opened by then, and not resolved (blank) or resolved later.
    at: (a, asOf) => ours('ACTIVE_ISSUES', a.col('ticketOpened'), a.col('ticketResolved'), asOf),
    nativeAt: (m) => m.add(
      m.count(where('ticketOpened', '<=', AS_OF), isBlank('ticketResolved')),
      m.count(where('ticketOpened', '<=', AS_OF), where('ticketResolved', '>', AS_OF)),
    ),
    now: {
      live: (a) => ours('ACTIVE_ISSUES', a.col('ticketOpened'), a.col('ticketResolved')),
      native: (m) => m.count(isSet('ticketOpened'), isBlank('ticketResolved')),
    },
  }],
});
