/**
 * Customer retention: per period of monthly figures, (customers at the end − new customers) ÷
 * customers at the start; from a customer list with a Yes/No churn column, 1 − CHURN_RATE.
 */
import { rowsOf } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { num, op, ours } from '../formula.js';
import { isNo, isYes, notNegative } from '../measure.js';
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
  }, {
    fn: 'CHURN_RATE', needs: ['churned'],
    definition: T('Customers kept: 1 − churned ÷ customers in the list (one row per customer, no dates).',
      'Gehaltene Kunden: 1 − abgewanderte ÷ Kunden in der Liste (eine Zeile je Kunde, ohne Datum).'),
    live: (a) => op('-', num(1), ours('CHURN_RATE', rowsOf(a, 'churned'), a.col('churned'))),
    // 1 − yes ÷ (yes + no), in CHURN_RATE's order of operations.
    native: (m) => {
      const yes = m.count(isYes('churned'));
      return m.sub(m.num(1), m.div(yes, m.add(yes, m.count(isNo('churned')))));
    },
  }],
});
