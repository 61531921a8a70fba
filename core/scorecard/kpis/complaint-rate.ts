/**
 * Complaint rate, two variants (the first whose columns exist is used): complaints per customer
 * from monthly figures (COMPLAINT_RATE), else the share of tickets flagged as complaints
 * (CONVERSION_RATE, the catalog's share of yes flags).
 */
import { flagShareCount } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { flagShare, notNegative } from '../measure.js';

export default defineKpi({
  id: 'complaintRate', section: 'operational', order: 130, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Complaint rate', 'Beschwerdequote'), defaultTarget: 0.02, direction: 'lower',
  variants: [
    {
      fn: 'COMPLAINT_RATE', needs: ['periodDate', 'complaint', 'customersEnd'], dates: 'periodDate',
      // On a sheet of monthly figures the complaint column holds counts.
      kinds: { complaint: 'number' },
      totalsCanFail: true,
      definition: T('Complaints in the period ÷ average number of customers.', 'Beschwerden im Zeitraum ÷ durchschnittliche Kundenzahl.'),
      rules: [
        notNegative('complaint', 'a complaint count is negative', 'eine Beschwerdezahl ist negativ'),
        notNegative('customersEnd', 'a customer count is negative', 'eine Kundenzahl ist negativ'),
      ],
      args: (a) => [a.col('complaint'), a.col('customersEnd')],
      native: (m) => m.orBlank(m.div(m.flow('complaint'), m.average('customersEnd'))),
    },
    {
      fn: 'CONVERSION_RATE', needs: ['ticketOpened', 'complaint'], dates: 'ticketOpened',
      definition: T('Share of the tickets opened in the period that are complaints.',
        'Anteil der im Zeitraum eröffneten Tickets, die Beschwerden sind.'),
      args: (a) => [a.col('complaint')],
      native: (m) => flagShare(m, 'complaint'),
      count: flagShareCount('complaint', 'CONVERSION_RATE'),
      interval: { kind: 'wilson' },
    },
  ],
});
