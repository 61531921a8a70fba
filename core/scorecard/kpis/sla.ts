/** SLA attainment: the share of the tickets resolved in the period that were resolved within the SLA hours. */
import { defineKpi, T } from '../definition.js';
import { num } from '../formula.js';
import { isSet, MS_PER_HOUR } from '../measure.js';
import { RESOLVED_AFTER_OPENED, RESOLVED_WITH_OPENED } from './avg-resolution.js';

export default defineKpi({
  id: 'sla', section: 'operational', order: 50, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('SLA attainment', 'SLA-Erfüllung'), defaultTarget: 0.9, direction: 'higher',
  variants: [{
    fn: 'SLA_ATTAINMENT', needs: ['ticketResolved', 'ticketOpened'], dates: 'ticketResolved',
    definition: T('Share of the tickets resolved in the period that were resolved within {sla} hours.',
      'Anteil der im Zeitraum gelösten Tickets, die innerhalb von {sla} Stunden gelöst wurden.'),
    rules: [RESOLVED_AFTER_OPENED],
    args: (a) => [a.col('ticketOpened'), a.col('ticketResolved'), num(a.options.slaHours)],
    // Met: whole milliseconds from opened to resolved at most the target's, as SLA_ATTAINMENT compares.
    native: (m, a) => {
      const opened = isSet('ticketOpened');
      const met = m.countWithin('ticketResolved', 'ticketOpened', Math.round(a.options.slaHours * MS_PER_HOUR), opened);
      return m.orBlank(m.div(met, m.count(opened)));
    },
    count: RESOLVED_WITH_OPENED,
  }],
});
