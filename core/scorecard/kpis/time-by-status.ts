/** Time by status (Freshdesk, Zendesk): per status of a status log, the tickets that spent time in it and how long. */
import { defineKpi, T } from '../definition.js';
import { ours } from '../formula.js';
import { STATUS_LOG, statusColumns } from '../log-kpis.js';

export default defineKpi({
  id: 'timeByStatus', section: 'operational', order: 900, layout: 'table', perspective: 'operational', unit: 'hours',
  name: T('Time by status', 'Zeit je Status'), defaultTarget: null, direction: 'lower',
  variants: [{
    fn: 'STATUS_SUMMARY', needs: STATUS_LOG,
    definition: T('Per status of the log: the tickets that spent time in it, and their average, median and total hours in it.',
      'Je Status des Protokolls: die Tickets, die Zeit darin verbrachten, und ihre durchschnittlichen, mittleren und gesamten Stunden darin.'),
    live: (a) => ours('STATUS_SUMMARY', ...statusColumns(a)),
    formats: ['@', '0', '0.0', '0.0', '0.0'],
  }],
});
