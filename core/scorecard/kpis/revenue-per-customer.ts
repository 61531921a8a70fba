/** Revenue per customer in the period: amounts ÷ distinct customers (a distinct count: no native form). */
import { defineKpi, T } from '../definition.js';

export default defineKpi({
  id: 'revenuePerCustomer', section: 'strategic', order: 30, layout: 'period', perspective: 'strategic', unit: 'money',
  name: T('Revenue per customer', 'Umsatz pro Kunde'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'REVENUE_PER_CUSTOMER', needs: ['orderDate', 'orderAmount', 'customerId'], dates: 'orderDate',
    definition: T('Revenue ÷ number of different customers who ordered in the period.',
      'Umsatz ÷ Anzahl verschiedener Kunden, die im Zeitraum bestellt haben.'),
    args: (a) => [a.col('orderAmount'), a.col('customerId')],
  }],
});
