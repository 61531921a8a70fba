/** Profit per customer in the period: amounts ÷ distinct customers (a distinct count: no native form). */
import { defineKpi, T } from '../definition.js';

export default defineKpi({
  id: 'profitPerCustomer', section: 'strategic', order: 40, layout: 'period', perspective: 'strategic', unit: 'money',
  name: T('Profit per customer', 'Gewinn pro Kunde'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'REVENUE_PER_CUSTOMER', needs: ['orderDate', 'orderProfit', 'customerId'], dates: 'orderDate',
    definition: T('Profit ÷ number of different customers who ordered in the period.',
      'Gewinn ÷ Anzahl verschiedener Kunden, die im Zeitraum bestellt haben.'),
    args: (a) => [a.col('orderProfit'), a.col('customerId')],
  }],
});
