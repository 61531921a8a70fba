/**
 * Mean resolution time in hours of the tickets resolved in the period (Zendesk: full resolution
 * time): from the opened and resolved timestamps, else from a resolution duration column (`Full
 * resolution time in minutes`, `Time to close (seconds)`), by the resolved date, the opened date or,
 * without either, over all rows.
 */
import { durationFacts, meanDurationHours, NOT_NEGATIVE_DURATION } from '../column-kinds.js';
import type { NativeForm, PeriodVariant, Series, SingleVariant, Texts } from '../definition.js';
import { defineKpi, T } from '../definition.js';
import { ours, str } from '../formula.js';
import { logTickets, STATUS_LOG, statusArg, statusColumns, statusFacts } from '../log-kpis.js';
import { isSet, meanHours } from '../measure.js';
import type { RowRule } from '../measure.js';
import type { CatalogName } from '../../catalog/names.js';

/** The ticket functions reject a ticket resolved before it was opened, naming its row. */
export const RESOLVED_AFTER_OPENED: RowRule = {
  kind: 'order', earlier: 'ticketOpened', later: 'ticketResolved',
  reason: { en: 'a ticket is resolved before it was opened', de: 'ein Ticket ist vor seiner Eröffnung gelöst' },
};

/** n of the resolution KPIs: the tickets resolved in the period that have an opened date. */
export const RESOLVED_WITH_OPENED: Series = {
  live: (a) => ({ table: a.byPeriod('RESOLVED_ISSUES', a.col('ticketOpened')), column: 2 }),
  native: (m) => m.count(isSet('ticketOpened')),
};

const BY_RESOLVED = T('the tickets resolved in the period', 'die im Zeitraum gelösten Tickets');
const BY_OPENED = T('the tickets opened in the period', 'die im Zeitraum eröffneten Tickets');
const ALL_ROWS = T('all rows (the data have no resolved or opened date)', 'alle Zeilen (die Daten haben kein Lösungs- oder Eröffnungsdatum)');

/**
 * A resolution KPI from a duration column (`what`: "Mean"/"Median"), by the resolved date, the
 * opened date, or over all rows; the mean also natively.
 */
export function resolutionDurationVariants(fn: CatalogName & ('AVG_DURATION' | 'MEDIAN_DURATION'), what: Texts): [PeriodVariant, PeriodVariant, SingleVariant] {
  const text = (over: Texts): Texts => T(`${what.en} resolution time in hours for ${over.en}, from the export's resolution durations ({unit}).`,
    `${what.de} Lösungszeit in Stunden für ${over.de}, aus den Lösungsdauern des Exports ({unit}).`);
  const native: NativeForm = (m, a) => meanDurationHours(m, 'resolutionTime', a.facts.durationUnit);
  // A median by period needs array formulas: portable mode writes it as values.
  const common = { fn, facts: durationFacts('resolutionTime'), rules: [NOT_NEGATIVE_DURATION('resolutionTime')], ...(fn === 'AVG_DURATION' ? { native } : {}) };
  return [
    { ...common, needs: ['ticketResolved', 'resolutionTime'], dates: 'ticketResolved', definition: text(BY_RESOLVED),
      args: (a) => [a.col('resolutionTime'), str(a.facts.durationUnit), str('hours')] },
    { ...common, needs: ['ticketOpened', 'resolutionTime'], dates: 'ticketOpened', definition: text(BY_OPENED),
      args: (a) => [a.col('resolutionTime'), str(a.facts.durationUnit), str('hours')] },
    { ...common, needs: ['resolutionTime'], definition: text(ALL_ROWS),
      live: (a) => ours(fn, a.col('resolutionTime'), str(a.facts.durationUnit), str('hours')) },
  ];
}

export default defineKpi({
  id: 'avgResolution', section: 'operational', order: 20, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('Average resolution time', 'Durchschnittliche Lösungszeit'), defaultTarget: 24, direction: 'lower',
  variants: [{
    fn: 'AVG_RESOLUTION', needs: ['ticketResolved', 'ticketOpened'], dates: 'ticketResolved',
    definition: T('Mean hours from opened to resolved, for the tickets resolved in the period.',
      'Mittlere Stunden von Eröffnung bis Lösung, für die im Zeitraum gelösten Tickets.'),
    rules: [RESOLVED_AFTER_OPENED],
    args: (a) => [a.col('ticketOpened'), a.col('ticketResolved')],
    native: (m) => meanHours(m, 'ticketResolved', 'ticketOpened', isSet('ticketOpened')),
    count: RESOLVED_WITH_OPENED,
  }, {
    // A status log without opened and resolved columns: the ticket's first row to its last resolution, no pause.
    fn: 'LOG_RESOLUTION', needs: STATUS_LOG, dates: 'logTime',
    definition: T('Mean hours from a ticket\'s first log row to its last resolution ({resolved}), for the tickets whose log starts in the period.',
      'Mittlere Stunden von der ersten Protokollzeile eines Tickets bis zu seiner letzten Lösung ({resolved}), für die Tickets, deren Protokoll im Zeitraum beginnt.'),
    byTable: [{
      role: 'ticketResolved',
      definition: T('Mean hours from a ticket\'s first log row to its last resolution ({resolved}), for the tickets resolved in the period by the ticket table.',
        'Mittlere Stunden von der ersten Protokollzeile eines Tickets bis zu seiner letzten Lösung ({resolved}), für die laut Tickettabelle im Zeitraum gelösten Tickets.'),
    }],
    facts: statusFacts,
    args: (a) => [...statusColumns(a), statusArg(a, 'resolved')],
    count: logTickets('LOG_RESOLUTION', (a) => [...statusColumns(a), statusArg(a, 'resolved')]),
  }, ...resolutionDurationVariants('AVG_DURATION', T('Mean', 'Mittlere'))],
});
