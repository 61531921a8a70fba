/** Return rate: units returned ÷ units sold over the period's orders. */
import { defineKpi, T } from '../definition.js';
import { notNegative } from '../measure.js';

export default defineKpi({
  id: 'returnRate', section: 'operational', order: 140, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Return rate', 'Retourenquote'), defaultTarget: 0.05, direction: 'lower',
  variants: [{
    fn: 'RETURN_RATE', needs: ['orderDate', 'unitsReturned', 'unitsSold'], dates: 'orderDate',
    definition: T('Units returned ÷ units sold, for the orders of the period.', 'Zurückgesandte ÷ verkaufte Stück, für die Bestellungen des Zeitraums.'),
    totalsCanFail: true,
    rules: [
      notNegative('unitsReturned', 'a returned count is negative', 'eine Retourenzahl ist negativ'),
      notNegative('unitsSold', 'a sold count is negative', 'eine Verkaufszahl ist negativ'),
    ],
    args: (a) => [a.col('unitsReturned'), a.col('unitsSold')],
    native: (m) => m.orBlank(m.div(m.flow('unitsReturned'), m.flow('unitsSold'))),
  }],
});
