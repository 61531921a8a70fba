/**
 * Employee turnover: per period of monthly figures, leavers ÷ average headcount (SHRM); from a staff
 * list with a Yes/No attrition column (IBM's HR sample), leavers ÷ employees listed. In the yearly
 * view of monthly figures SHRM's annual form, the sum of each month's rate (EMPLOYEE_TURNOVER "monthly").
 */
import { rowsOf } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { ours, str } from '../formula.js';
import { flagShare, notNegative } from '../measure.js';
import type { RowRule } from '../measure.js';

/** The workforce functions read counts of people: a negative one is an error naming its cell. */
export const HEADCOUNTS = (...roles: ('headcountStart' | 'headcountEnd' | 'separations' | 'hires')[]): RowRule[] =>
  roles.map((r) => notNegative(r, 'a count of people is negative', 'eine Personenzahl ist negativ'));

export default defineKpi({
  id: 'turnover', section: 'operational', order: 150, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Employee turnover', 'Mitarbeiterfluktuation'), defaultTarget: null, direction: 'lower',
  variants: [{
    fn: 'EMPLOYEE_TURNOVER', needs: ['periodDate', 'separations', 'headcountStart', 'headcountEnd'], dates: 'periodDate',
    definition: T('Leavers ÷ average headcount of the period (SHRM); by year, the sum of the monthly rates (SHRM\'s annual turnover).',
      'Abgänge ÷ durchschnittlicher Personalbestand des Zeitraums (SHRM); je Jahr die Summe der Monatsquoten (SHRM-Jahresfluktuation).'),
    totalsCanFail: true,
    rules: HEADCOUNTS('separations', 'headcountStart', 'headcountEnd'),
    args: (a) => [a.col('separations'), a.col('headcountStart'), a.col('headcountEnd'), ...(a.options.period === 'year' ? [str('monthly')] : [])],
    native: (m, a) => {
      // A year of monthly rows: Σ leavers ÷ average headcount of each row (SHRM), not the year's leavers ÷ one average.
      if (a.options.period === 'year') return m.orBlank(m.sumPerAverage('separations', 'headcountStart', 'headcountEnd'));
      const start = m.stock('headcountStart', 'first');
      const end = m.stock('headcountEnd', 'last');
      if (!start || !end) return null;
      return m.orBlank(m.div(m.flow('separations'), m.div(m.add(start, end), m.num(2))));
    },
  }, {
    // The list is both the start and the end headcount: leavers ÷ ((n + n) ÷ 2) = leavers ÷ n.
    fn: 'EMPLOYEE_TURNOVER', needs: ['employeeLeft'],
    definition: T('Employees marked as having left ÷ employees in the list (one row per employee, no dates): the attrition rate.',
      'Als ausgeschieden markierte Mitarbeiter ÷ Mitarbeiter in der Liste (eine Zeile je Mitarbeiter, ohne Datum): die Fluktuationsquote.'),
    live: (a) => ours('EMPLOYEE_TURNOVER', a.col('employeeLeft'), rowsOf(a, 'employeeLeft'), rowsOf(a, 'employeeLeft')),
    native: (m) => flagShare(m, 'employeeLeft'),
  }],
});
