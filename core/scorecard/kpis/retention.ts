/** Customer retention per period of monthly figures: (customers at the end − new customers) ÷ customers at the start. */
import { defineKpi, T } from '../definition.js';
import { notNegative } from '../measure.js';
import type { RowRule } from '../measure.js';

/** The customer functions read counts: a negative one is an error naming its cell. */
export const CUSTOMER_COUNTS = (...roles: ('customersStart' | 'customersEnd' | 'customersNew' | 'customersLost')[]): RowRule[] =>
  roles.map((r) => notNegative(r, 'a customer count is negative', 'eine Kundenzahl ist negativ'));

export default defineKpi({
  id: 'retention', section: 'strategic', order: 10, layout: 'period', perspective: 'strategic', unit: 'share',
  name: T('Customer retention', 'Kundenbindungsrate'), defaultTarget: 0.9, direction: 'higher',
  variants: [{
    fn: 'RETENTION_RATE', needs: ['periodDate', 'customersStart', 'customersEnd', 'customersNew'], dates: 'periodDate',
    definition: T('Customers kept: (customers at the end − new customers) ÷ customers at the start of the period.',
      'Gehaltene Kunden: (Kunden am Ende − Neukunden) ÷ Kunden zu Beginn des Zeitraums.'),
    totalsCanFail: true,
    rules: CUSTOMER_COUNTS('customersStart', 'customersEnd', 'customersNew'),
    args: (a) => [a.col('customersStart'), a.col('customersEnd'), a.col('customersNew')],
    // Stocks: the period's first start count and last end count.
    native: (m) => {
      const start = m.stock('customersStart', 'first');
      const end = m.stock('customersEnd', 'last');
      if (!start || !end) return null;
      return m.orBlank(m.div(m.sub(end, m.flow('customersNew')), start));
    },
  }],
});
