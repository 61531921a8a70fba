/** Backlog age: the mean age in hours of the tickets open at each period's end (a stock). */
import { defineKpi, T } from '../definition.js';
import { fn, ours, str } from '../formula.js';
import { AS_OF, isBlank, isSet, MS_PER_HOUR, where } from '../measure.js';
import { RESOLVED_AFTER_OPENED } from './avg-resolution.js';

export default defineKpi({
  id: 'backlogAge', section: 'operational', order: 110, layout: 'stock', perspective: 'operational', unit: 'hours',
  name: T('Backlog age', 'Alter des Rückstands'), defaultTarget: 48, direction: 'lower',
  variants: [{
    fn: 'BACKLOG_AGE', needs: ['ticketOpened', 'ticketResolved'], dates: 'ticketOpened',
    definition: T('Mean age in hours of the tickets open at the end of the period (latest: at the end of the latest day in the data).',
      'Mittleres Alter in Stunden der am Ende des Zeitraums offenen Tickets (aktuell: am Ende des letzten Tages in den Daten).'),
    rules: [RESOLVED_AFTER_OPENED],
    // No ticket open at that moment is "no data": blank, as KPI_BY_PERIOD shows it (IFNA only: bad data keeps its error).
    at: (a, asOf) => fn('IFNA', ours('BACKLOG_AGE', a.col('ticketOpened'), a.col('ticketResolved'), asOf), str('')),
    // Σ whole-ms ages ÷ n ÷ ms per hour, over the tickets open then (resolved blank, or later).
    nativeAt: (m) => {
      const openedBy = [isSet('ticketOpened'), where('ticketOpened', '<=', AS_OF)];
      const unresolved = [...openedBy, isBlank('ticketResolved')];
      const later = [...openedBy, where('ticketResolved', '>', AS_OF)];
      const ms = m.add(m.durationMs(AS_OF, 'ticketOpened', ...unresolved), m.durationMs(AS_OF, 'ticketOpened', ...later));
      const n = m.add(m.count(...unresolved), m.count(...later));
      return m.orBlank(m.div(m.div(ms, n), m.num(MS_PER_HOUR)));
    },
  }],
});
