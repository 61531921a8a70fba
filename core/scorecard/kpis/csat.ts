/** Customer satisfaction: the top-two-box share of ratings per period of the survey date, with n and Wilson interval. */
import { defineKpi, T } from '../definition.js';
import { num, ours } from '../formula.js';
import { where } from '../measure.js';

export default defineKpi({
  id: 'csat', section: 'operational', order: 10, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Customer satisfaction (CSAT)', 'Kundenzufriedenheit (CSAT)'), defaultTarget: 0.8, direction: 'higher',
  variants: [{
    fn: 'CSAT', needs: ['surveyDate', 'satisfaction'], dates: 'surveyDate',
    definition: T('Share of satisfied ratings: {satisfied}.', 'Anteil zufriedener Bewertungen: {satisfied}.'),
    // Rating words bring their scale (and, on 2 and 3 points, the top answer as the only satisfied
    // one); numbers: the smallest usual scale (5, 7, 10, 100) that holds every rating.
    facts: (d) => {
      const points = d.labelPoints('satisfaction');
      if (points !== undefined) return { csatScale: points, csatTop: points <= 3 ? points : points - 1 };
      const v = d.numbers('satisfaction');
      let max = 0;
      if (v) for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
      return { csatScale: max <= 5 ? 5 : max <= 7 ? 7 : max <= 10 ? 10 : 100 };
    },
    rules: [{
      kind: 'range', role: 'satisfaction', min: 0, max: 'csatScale',
      reason: { en: 'a rating is outside the scale', de: 'eine Bewertung liegt außerhalb der Skala' },
    }],
    args: (a) => [a.col('satisfaction'), num(a.facts.csatScale)],
    // CSAT's default threshold is scale_max − 1: the top two steps.
    native: (m, a) => m.orBlank(m.div(m.count(where('satisfaction', '>=', a.facts.csatScale - 1)), m.count(where('satisfaction', '>=', 0)))),
    count: {
      live: (a) => ({ table: ours('CSAT_TREND', a.col('satisfaction'), a.col('surveyDate'), a.period, num(a.facts.csatScale)), column: 1 }),
      native: (m) => m.count(where('satisfaction', '>=', 0)),
    },
    interval: { kind: 'wilson' },
  }],
});
