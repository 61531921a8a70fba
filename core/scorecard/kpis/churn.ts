/**
 * Customer churn: per period of monthly figures, customers lost ÷ customers at the start; from a
 * customer list with a Yes/No churn column (IBM's Telco sample), churned ÷ customers listed.
 */
import { rowsOf } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { ours } from '../formula.js';
import { flagShare } from '../measure.js';
import { CUSTOMER_COUNTS } from './retention.js';

export default defineKpi({
  id: 'churn', section: 'strategic', order: 20, layout: 'period', perspective: 'strategic', unit: 'share',
  name: T('Customer churn', 'Kundenabwanderung'), defaultTarget: 0.05, direction: 'lower',
  variants: [{
    fn: 'CHURN_RATE', needs: ['periodDate', 'customersStart', 'customersLost'], dates: 'periodDate',
    definition: T('Customers lost ÷ customers at the start of the period.', 'Verlorene Kunden ÷ Kunden zu Beginn des Zeitraums.'),
    totalsCanFail: true,
    rules: CUSTOMER_COUNTS('customersStart', 'customersLost'),
    args: (a) => [a.col('customersStart'), a.col('customersLost')],
    native: (m) => {
      const start = m.stock('customersStart', 'first');
      return start ? m.orBlank(m.div(m.flow('customersLost'), start)) : null;
    },
  }, {
    fn: 'CHURN_RATE', needs: ['churned'],
    definition: T('Customers marked as churned ÷ customers in the list (one row per customer, no dates).',
      'Als abgewandert markierte Kunden ÷ Kunden in der Liste (eine Zeile je Kunde, ohne Datum).'),
    live: (a) => ours('CHURN_RATE', rowsOf(a, 'churned'), a.col('churned')),
    native: (m) => flagShare(m, 'churned'),
  }],
});
