/** Abandon rate: the share of calls abandoned before an answer, per period of the call date (ICMI / COPC). */
import { defineKpi, T } from '../definition.js';
import type { LiveArgs } from '../definition.js';
import { isNo } from '../measure.js';
import type { Expr } from '../types.js';
import { callCount, flaggedCalls, perDayVariants } from './service-level.js';

/** ABANDON_RATE over the answered flags alone (no short abandons left out). */
const answeredArgs = (a: LiveArgs): Expr[] => [a.col('callAnswered')];

export default defineKpi({
  id: 'abandonRate', section: 'contact', order: 20, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Abandon rate', 'Abbruchquote'), defaultTarget: 0.05, direction: 'lower',
  variants: [
    {
      fn: 'ABANDON_RATE', needs: ['callDate', 'callAnswered'], dates: 'callDate',
      definition: T('Share of the calls of the period that were abandoned before an answer.',
        'Anteil der Anrufe des Zeitraums, die vor der Annahme abgebrochen wurden.'),
      args: answeredArgs,
      native: (m) => m.orBlank(m.div(m.count(isNo('callAnswered')), flaggedCalls(m))),
      // n: the calls with an answered flag; the share of them has Wilson's interval.
      count: callCount('ABANDON_RATE', answeredArgs, flaggedCalls),
      interval: { kind: 'wilson' },
    },
    // A per-day or interval export: abandoned ÷ offered over the period's rows (never the mean of daily rates).
    ...perDayVariants('callsAbandoned', ['callsOffered'],
      T('Abandoned ÷ offered calls, summed over the days or intervals of the period.',
        'Abgebrochene ÷ angebotene Anrufe, summiert über die Tage oder Intervalle des Zeitraums.'),
      (a) => [a.col('callsAbandoned'), a.col('callsOffered')],
      (m) => m.orBlank(m.div(m.sum('callsAbandoned'), m.sum('callsOffered'))),
      () => [], 'RATIO_OF_SUMS'),
  ],
});
