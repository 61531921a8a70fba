/** Average speed of answer: the mean wait of the answered calls, in seconds, per period of the call date (ICMI). */
import { defineKpi, T, unitOf } from '../definition.js';
import type { LiveArgs } from '../definition.js';
import { str } from '../formula.js';
import { isYes, notNegative } from '../measure.js';
import type { Measures } from '../measure.js';
import type { Expr } from '../types.js';
import { ANSWERED_NEEDS_WAIT, callCount, COUNTS_NOT_NEGATIVE, perDayVariants, unitArg, WAIT_NEEDS_FLAG, WAIT_NOT_NEGATIVE, weightedMean } from './service-level.js';

const asaArgs = (a: LiveArgs): Expr[] => [a.col('callWait'), a.col('callAnswered'), unitArg(a, 'callWait'), str('seconds')];

/** The answered calls: ASA's denominator. */
const answeredCalls = <M>(m: Measures<M>): M => m.count(isYes('callAnswered'));

export default defineKpi({
  id: 'asa', section: 'contact', order: 30, layout: 'period', perspective: 'operational', unit: 'seconds',
  name: T('Average speed of answer (ASA)', 'Durchschnittliche Annahmezeit (ASA)'), defaultTarget: 30, direction: 'lower',
  variants: [
    {
      fn: 'ASA', needs: ['callDate', 'callWait', 'callAnswered'], dates: 'callDate',
      definition: T('Mean seconds answered calls of the period waited in the queue; abandoned calls are not part of it.',
        'Mittlere Sekunden, die angenommene Anrufe des Zeitraums in der Warteschlange warteten; Abbrüche zählen nicht mit.'),
      rules: [WAIT_NOT_NEGATIVE, WAIT_NEEDS_FLAG, ANSWERED_NEEDS_WAIT],
      args: asaArgs,
      native: (m, a) => {
        const sum = m.durationSum('callWait', unitOf(a.facts, 'callWait'), isYes('callAnswered'));
        return m.orBlank(m.div(m.div(sum, answeredCalls(m)), m.num(1000)));
      },
      // n: the answered calls whose waits it averages.
      count: callCount('ASA', asaArgs, answeredCalls),
    },
    ...perDayVariants('avgAnswerTime', ['callsAnswered'],
      T('The ASA of each day or interval weighted by its answered calls, in seconds (not the plain mean of daily figures).',
        'Die ASA jedes Tages oder Intervalls, gewichtet mit den angenommenen Anrufen, in Sekunden (nicht der einfache Mittelwert der Tageswerte).'),
      (a, w) => [a.col('avgAnswerTime'), a.col(w), unitArg(a, 'avgAnswerTime'), str('seconds')],
      (m, a, w) => weightedMean(m, 'avgAnswerTime', w, a.facts, true),
      (w) => [...COUNTS_NOT_NEGATIVE(w), notNegative('avgAnswerTime', 'a duration is negative', 'eine Dauer ist negativ')], 'WEIGHTED_AVERAGE'),
  ],
});
