/** Net Promoter Score per period of the survey date (Bain), with its n and margin of error. */
import { Z95 } from '../../stats.js';
import { defineKpi, T } from '../definition.js';
import { ours } from '../formula.js';
import { where } from '../measure.js';
import type { Measures, RowRule } from '../measure.js';

/** NPS = 100·(promoters − detractors)/answers, in the catalog's order of operations; blank without answers. */
export function npsValue<M>(m: Measures<M>): M {
  const promoters = m.count(where('npsScore', '>=', 9));
  const detractors = m.count(where('npsScore', '<=', 6));
  return m.orBlank(m.div(m.mul(m.num(100), m.sub(promoters, detractors)), m.count(where('npsScore', '>=', 0))));
}

/** NPS_MOE at 95 %: z·√((p + d − (p − d)²)/n)·100. */
export function npsMargin<M>(m: Measures<M>): M {
  const n = m.count(where('npsScore', '>=', 0));
  const p = m.div(m.count(where('npsScore', '>=', 9)), n);
  const d = m.div(m.count(where('npsScore', '<=', 6)), n);
  const diff = m.sub(p, d);
  const variance = m.sub(m.add(p, d), m.mul(diff, diff));
  return m.orBlank(m.mul(m.mul(m.num(Z95), m.sqrt(m.div(variance, n))), m.num(100)));
}

/** NPS scores are whole numbers 0–10; the catalog rejects any other number, naming it. */
export const NPS_SCORE_RULE: RowRule = {
  kind: 'range', role: 'npsScore', min: 0, max: 10, whole: true,
  reason: { en: 'a score is not a whole number from 0 to 10', de: 'ein Wert ist keine ganze Zahl von 0 bis 10' },
};

export default defineKpi({
  id: 'nps', section: 'strategic', order: 50, layout: 'period', perspective: 'strategic', unit: 'points',
  name: T('Net Promoter Score', 'Net Promoter Score'), defaultTarget: 30, direction: 'higher',
  variants: [{
    fn: 'NPS', needs: ['surveyDate', 'npsScore'], dates: 'surveyDate',
    definition: T('% promoters (9–10) − % detractors (0–6) of the survey answers, in points (Bain).',
      '% Promotoren (9–10) − % Detraktoren (0–6) der Umfrageantworten, in Punkten (Bain).'),
    rules: [NPS_SCORE_RULE],
    args: (a) => [a.col('npsScore')],
    native: (m) => npsValue(m),
    count: {
      live: (a) => ({ table: ours('NPS_TREND', a.col('npsScore'), a.col('surveyDate'), a.period), column: 1 }),
      native: (m) => m.count(where('npsScore', '>=', 0)),
    },
    interval: {
      kind: 'margin',
      margin: {
        live: (a) => ({ table: a.byPeriod('NPS_MOE', a.col('npsScore')), column: 2 }),
        native: (m) => npsMargin(m),
      },
    },
  }, {
    fn: 'NPS', needs: ['npsScore'],
    definition: T('% promoters (9–10) − % detractors (0–6) of all survey answers (the data have no survey date), in points (Bain).',
      '% Promotoren (9–10) − % Detraktoren (0–6) aller Umfrageantworten (die Daten haben kein Umfragedatum), in Punkten (Bain).'),
    rules: [NPS_SCORE_RULE],
    live: (a) => ours('NPS', a.col('npsScore')),
    native: (m) => npsValue(m),
  }],
});
