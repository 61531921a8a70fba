/** Cash flow per period of monthly figures: cash in − cash out (outflows stored positive or negative). */
import { defineKpi, T } from '../definition.js';
import { where } from '../measure.js';

export default defineKpi({
  id: 'cashFlow', section: 'operational', order: 170, layout: 'period', perspective: 'operational', unit: 'money',
  name: T('Cash flow', 'Cashflow'), defaultTarget: 0, direction: 'higher',
  variants: [{
    fn: 'CASH_FLOW', needs: ['periodDate', 'cashIn'], optional: ['cashOut'], dates: 'periodDate',
    definition: T('Cash in − cash out in the period.', 'Einzahlungen − Auszahlungen im Zeitraum.'),
    args: (a) => (a.has('cashOut') ? [a.col('cashIn'), a.col('cashOut')] : [a.col('cashIn')]),
    // sum(abs(outflows)) = the positive ones − the negative ones.
    native: (m, a) => {
      const inflow = m.sum('cashIn');
      if (!a.has('cashOut')) return inflow;
      return m.sub(inflow, m.sub(m.sum('cashOut', where('cashOut', '>', 0)), m.sum('cashOut', where('cashOut', '<', 0))));
    },
  }],
});
