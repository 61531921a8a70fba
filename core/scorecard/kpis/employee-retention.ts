/**
 * Employee retention: per period of monthly figures, (headcount at the end − hires) ÷ headcount at
 * the start; from a staff list with a Yes/No attrition column, 1 − EMPLOYEE_TURNOVER.
 */
import { rowsOf } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { num, op, ours } from '../formula.js';
import { isNo, isYes } from '../measure.js';
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
  }, {
    fn: 'EMPLOYEE_TURNOVER', needs: ['employeeLeft'],
    definition: T('Staff kept: 1 − employees who left ÷ employees in the list (one row per employee, no dates).',
      'Gehaltene Mitarbeiter: 1 − ausgeschiedene ÷ Mitarbeiter in der Liste (eine Zeile je Mitarbeiter, ohne Datum).'),
    live: (a) => op('-', num(1), ours('EMPLOYEE_TURNOVER', a.col('employeeLeft'), rowsOf(a, 'employeeLeft'), rowsOf(a, 'employeeLeft'))),
    // 1 − yes ÷ ((n + n) ÷ 2), in EMPLOYEE_TURNOVER's order of operations.
    native: (m) => {
      const yes = m.count(isYes('employeeLeft'));
      const n = m.add(yes, m.count(isNo('employeeLeft')));
      return m.sub(m.num(1), m.div(yes, m.div(m.add(n, n), m.num(2))));
    },
  }],
});
