/** Median resolution time in hours of the tickets resolved in the period (no native form: MEDIAN(IF()) needs array entry). */
import { defineKpi, T } from '../definition.js';
import { RESOLVED_AFTER_OPENED, RESOLVED_WITH_OPENED, resolutionDurationVariants } from './avg-resolution.js';

export default defineKpi({
  id: 'medianResolution', section: 'operational', order: 30, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('Median resolution time', 'Median der Lösungszeit'), defaultTarget: 8, direction: 'lower',
  variants: [{
    fn: 'MEDIAN_RESOLUTION', needs: ['ticketResolved', 'ticketOpened'], dates: 'ticketResolved',
    definition: T('Half of the tickets resolved in the period took at most this many hours.',
      'Die Hälfte der im Zeitraum gelösten Tickets brauchte höchstens so viele Stunden.'),
    rules: [RESOLVED_AFTER_OPENED],
    args: (a) => [a.col('ticketOpened'), a.col('ticketResolved')],
    count: RESOLVED_WITH_OPENED,
  }, ...resolutionDurationVariants('MEDIAN_DURATION', T('Median', 'Median der'))],
});
