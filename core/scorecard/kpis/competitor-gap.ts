/** Our NPS against the competitors' average NPS: one value over all rows, no periods. */
import { defineKpi, T } from '../definition.js';
import { fn, op, ours, str } from '../formula.js';
import { NPS_SCORE_RULE, npsValue } from './nps.js';

export default defineKpi({
  id: 'competitorGap', section: 'strategic', order: 60, layout: 'single', perspective: 'strategic', unit: 'points',
  name: T('NPS gap to competitors', 'NPS-Abstand zum Wettbewerb'), defaultTarget: 0, direction: 'higher',
  // A difference of two NPS (each −100 … 100).
  targetRange: { min: -200, max: 200 },
  variants: [{
    fn: 'COMPETITOR_GAP', needs: ['npsScore', 'competitorNps'], optional: ['surveyDate'], crossSheet: true,
    definition: T('Our NPS − the competitors’ average NPS; positive means we are ahead. All rows, no trend.',
      'Unser NPS − durchschnittlicher NPS der Wettbewerber; positiv heißt: wir liegen vorn. Alle Zeilen, kein Verlauf.'),
    rules: [NPS_SCORE_RULE],
    // Our NPS is the NPS row's actual when the scorecard has one, else the NPS of all answers.
    // No data on either side ("no competitor number") is a blank, as on the KPI rows.
    live: (a) => {
      const our = a.actualOf('nps');
      const gap = (x: ReturnType<typeof str>) => fn('IFNA', ours('COMPETITOR_GAP', x, a.col('competitorNps')), str(''));
      return our ? fn('IF', op('=', our, str('')), str(''), gap(our)) : gap(ours('NPS', a.col('npsScore')));
    },
    native: (m) => {
      const our = m.actualOf('nps');
      if (our) return m.blankWhenBlank(our, m.orBlank(m.sub(our, m.average('competitorNps'))));
      return m.orBlank(m.sub(npsValue(m), m.average('competitorNps')));
    },
  }],
});
