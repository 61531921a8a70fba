/** Customer Effort Score: the share of answers that agree the issue was easy to handle, per period of the survey date (Delighted). */
import { cesAgreeFrom, defineKpi, T } from '../definition.js';
import { num, str } from '../formula.js';
import { where } from '../measure.js';
import type { Measures } from '../measure.js';

/** The effort answers (the rule rejects any outside 1…scale): CES's denominator. */
const effortAnswers = <M>(m: Measures<M>): M => m.count(where('effortScore', '>=', 1));

export default defineKpi({
  id: 'ces', section: 'contact', order: 50, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Customer effort score (CES)', 'Customer Effort Score (CES)'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'CES', needs: ['surveyDate', 'effortScore'], dates: 'surveyDate',
    definition: T('Share of effort answers that agree the issue was easy to handle: {cesFrom}–{cesScale} of {cesScale} (Delighted).',
      'Anteil der Antworten, die zustimmen, dass das Anliegen einfach zu erledigen war: {cesFrom}–{cesScale} von {cesScale} (Delighted).'),
    // The scale is the smallest usual one (5, 7, 10) that holds every answer; 7 is Delighted's.
    facts: (d) => {
      const v = d.numbers('effortScore');
      let max = 0;
      if (v) for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
      return { cesScale: max <= 5 && max > 0 ? 5 : max <= 7 ? 7 : 10 };
    },
    rules: [{
      kind: 'range', role: 'effortScore', min: 1, max: 'cesScale',
      reason: { en: 'an effort answer is outside the scale', de: 'eine Aufwandsantwort liegt außerhalb der Skala' },
    }],
    args: (a) => [a.col('effortScore'), num(a.facts.cesScale)],
    native: (m, a) => m.orBlank(m.div(m.count(where('effortScore', '>=', cesAgreeFrom(a.facts.cesScale))), effortAnswers(m))),
    // n: the effort answers, as CES reads them (ANSWER_COUNT); the share of them has Wilson's interval.
    count: {
      live: (a) => ({ table: a.byPeriod('ANSWER_COUNT', a.col('effortScore'), str('CES'), num(a.facts.cesScale)), column: 2 }),
      native: effortAnswers,
    },
    interval: { kind: 'wilson' },
  }],
});
