/** Employee retention per period of monthly figures: (headcount at the end − hires) ÷ headcount at the start. */
import { defineKpi, T } from '../definition.js';
import { HEADCOUNTS } from './turnover.js';

export default defineKpi({
  id: 'employeeRetention', section: 'operational', order: 160, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Employee retention', 'Mitarbeiterbindung'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'EMPLOYEE_RETENTION', needs: ['periodDate', 'headcountStart', 'headcountEnd', 'hires'], dates: 'periodDate',
    definition: T('Staff kept: (headcount at the end − hires) ÷ headcount at the start of the period.',
      'Gehaltene Mitarbeiter: (Bestand am Ende − Einstellungen) ÷ Bestand zu Beginn des Zeitraums.'),
    totalsCanFail: true,
    rules: HEADCOUNTS('headcountStart', 'headcountEnd', 'hires'),
    args: (a) => [a.col('headcountStart'), a.col('headcountEnd'), a.col('hires')],
    native: (m) => {
      const start = m.stock('headcountStart', 'first');
      const end = m.stock('headcountEnd', 'last');
      if (!start || !end) return null;
      return m.orBlank(m.div(m.sub(end, m.flow('hires')), start));
    },
  }],
});
