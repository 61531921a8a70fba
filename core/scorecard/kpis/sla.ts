/**
 * SLA attainment. When the export says per ticket whether its SLA was met (ServiceNow `made_sla`,
 * Freshdesk `Resolution status`, a `Timely Response` column), that verdict — made with the
 * helpdesk's own targets, per priority and in business hours — is the share (SLA_MET_RATE), by the
 * resolved date, else the opened date, else over all rows. Otherwise: the share of the tickets
 * resolved in the period that were resolved within the SLA hours (SLA_ATTAINMENT).
 */
import { flagShareCount } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import type { PeriodVariant, Texts } from '../definition.js';
import { num, ours } from '../formula.js';
import { flagShare, isSet, MS_PER_HOUR } from '../measure.js';
import type { Role } from '../roles.js';
import { RESOLVED_AFTER_OPENED, RESOLVED_WITH_OPENED } from './avg-resolution.js';

function verdicts(dates: Role, over: Texts): PeriodVariant {
  return {
    fn: 'SLA_MET_RATE', needs: [dates, 'slaMet'], dates,
    definition: T(`Share of ${over.en} that met their SLA, as the export marks each ticket.`, `Anteil ${over.de}, die ihr SLA eingehalten haben, wie der Export es je Ticket angibt.`),
    args: (a) => [a.col('slaMet')],
    native: (m) => flagShare(m, 'slaMet'),
    // n: the tickets with a verdict (a met or a missed SLA); the share of them has Wilson's interval.
    count: flagShareCount('slaMet', 'SLA_MET_RATE'),
    interval: { kind: 'wilson' },
  };
}

export default defineKpi({
  id: 'sla', section: 'operational', order: 50, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('SLA attainment', 'SLA-Erfüllung'), defaultTarget: 0.9, direction: 'higher',
  variants: [
    verdicts('ticketResolved', T('the tickets resolved in the period', 'der im Zeitraum gelösten Tickets')),
    verdicts('ticketOpened', T('the tickets opened in the period', 'der im Zeitraum eröffneten Tickets')),
    {
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
    },
    {
      fn: 'SLA_MET_RATE', needs: ['slaMet'],
      definition: T('Share of all tickets (the data have no date) that met their SLA, as the export marks each ticket.',
        'Anteil aller Tickets (die Daten haben kein Datum), die ihr SLA eingehalten haben, wie der Export es je Ticket angibt.'),
      live: (a) => ours('SLA_MET_RATE', a.col('slaMet')),
      native: (m) => flagShare(m, 'slaMet'),
    },
  ],
});
