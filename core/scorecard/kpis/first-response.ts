/**
 * Mean time to first response in hours of the tickets opened in the period (Zendesk: first reply
 * time): from the opened and first-response timestamps, else from a first-response duration column
 * (`First reply time in minutes`, Intercom's seconds, Freshdesk's `HH:MM:SS`), by the opened date or,
 * without one, over all rows.
 */
import { durationFacts, meanDurationHours, NOT_NEGATIVE_DURATION } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { ours, str } from '../formula.js';
import { isSet, meanHours } from '../measure.js';

export default defineKpi({
  id: 'firstResponse', section: 'operational', order: 40, layout: 'period', perspective: 'operational', unit: 'hours',
  name: T('First response time', 'Erstreaktionszeit'), defaultTarget: 4, direction: 'lower',
  variants: [{
    fn: 'AVG_FIRST_RESPONSE', needs: ['ticketOpened', 'firstResponse'], dates: 'ticketOpened',
    definition: T('Mean hours from opened to the first response, for the tickets opened in the period.',
      'Mittlere Stunden von Eröffnung bis zur ersten Antwort, für die im Zeitraum eröffneten Tickets.'),
    rules: [{
      kind: 'order', earlier: 'ticketOpened', later: 'firstResponse',
      reason: { en: 'a first response is before its ticket was opened', de: 'eine erste Antwort liegt vor der Eröffnung' },
    }],
    args: (a) => [a.col('ticketOpened'), a.col('firstResponse')],
    native: (m) => meanHours(m, 'firstResponse', 'ticketOpened', isSet('firstResponse')),
    // n: the tickets opened in the period that have a first response.
    count: {
      live: (a) => ({ table: a.byPeriod('RESOLVED_ISSUES', a.col('firstResponse')), column: 2 }),
      native: (m) => m.count(isSet('firstResponse')),
    },
  }, {
    fn: 'AVG_DURATION', needs: ['ticketOpened', 'firstResponseTime'], dates: 'ticketOpened',
    definition: T('Mean first-response time in hours of the tickets opened in the period, from the export\'s first-response durations ({unit}).',
      'Mittlere Erstreaktionszeit in Stunden der im Zeitraum eröffneten Tickets, aus den Erstreaktionsdauern des Exports ({unit}).'),
    facts: durationFacts('firstResponseTime'),
    rules: [NOT_NEGATIVE_DURATION('firstResponseTime')],
    args: (a) => [a.col('firstResponseTime'), str(a.facts.durationUnit), str('hours')],
    native: (m, a) => meanDurationHours(m, 'firstResponseTime', a.facts.durationUnit),
  }, {
    fn: 'AVG_DURATION', needs: ['firstResponseTime'],
    definition: T('Mean first-response time in hours over all rows (the data have no opened date), from the export\'s first-response durations ({unit}).',
      'Mittlere Erstreaktionszeit in Stunden über alle Zeilen (die Daten haben kein Eröffnungsdatum), aus den Erstreaktionsdauern des Exports ({unit}).'),
    facts: durationFacts('firstResponseTime'),
    rules: [NOT_NEGATIVE_DURATION('firstResponseTime')],
    live: (a) => ours('AVG_DURATION', a.col('firstResponseTime'), str(a.facts.durationUnit), str('hours')),
    native: (m, a) => meanDurationHours(m, 'firstResponseTime', a.facts.durationUnit),
  }],
});
