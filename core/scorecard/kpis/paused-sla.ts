/** SLA attainment on the SLA clock: resolved within the SLA hours with the time in pause statuses taken out. */
import { defineKpi, T } from '../definition.js';
import { num } from '../formula.js';
import type { LiveArgs } from '../definition.js';
import { logTickets, STATUS_LOG, statusArg, statusColumns, statusFacts } from '../log-kpis.js';

const args = (a: LiveArgs) => [...statusColumns(a), statusArg(a, 'resolved'), num(a.options.slaHours), statusArg(a, 'pause')];

export default defineKpi({
  id: 'pausedSla', section: 'operational', order: 55, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('SLA attainment on the SLA clock', 'SLA-Erfüllung auf der SLA-Uhr'), defaultTarget: 0.9, direction: 'higher',
  variants: [{
    fn: 'LOG_SLA_ATTAINMENT', needs: STATUS_LOG, dates: 'logTime',
    definition: T('Share of the resolved tickets ({resolved}) whose log starts in the period that were resolved within {sla} hours, the clock stopped in pause statuses ({pause}).',
      'Anteil der gelösten Tickets ({resolved}), deren Protokoll im Zeitraum beginnt, die innerhalb von {sla} Stunden gelöst wurden, bei angehaltener Uhr in Pausenstatus ({pause}).'),
    byTable: [{
      role: 'ticketResolved',
      definition: T('Share of the resolved tickets ({resolved}), resolved in the period by the ticket table, that were resolved within {sla} hours, the clock stopped in pause statuses ({pause}).',
        'Anteil der gelösten Tickets ({resolved}), laut Tickettabelle im Zeitraum gelöst, die innerhalb von {sla} Stunden gelöst wurden, bei angehaltener Uhr in Pausenstatus ({pause}).'),
    }],
    facts: statusFacts,
    args,
    count: logTickets('LOG_SLA_ATTAINMENT', args),
  }],
});
