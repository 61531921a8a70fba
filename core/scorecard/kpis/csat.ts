/** Customer satisfaction: the top-two-box share of ratings per period of the survey date, with n and Wilson interval. */
import { defineKpi, T } from '../definition.js';
import type { PeriodVariant } from '../definition.js';
import { num, ours } from '../formula.js';
import { where } from '../measure.js';

/** The scale of ratings: the smallest usual one (5, 7, 10, 100) that holds every rating. */
export function csatScaleOf(ratings: Float64Array | undefined): number {
  let max = 0;
  if (ratings) for (let i = 0; i < ratings.length; i++) if (ratings[i] > max) max = ratings[i];
  return max <= 5 ? 5 : max <= 7 ? 7 : max <= 10 ? 10 : 100;
}

/** CSAT per period of a date column on the ratings' sheet. */
function csatVariant(dates: 'surveyDate' | 'callDate'): PeriodVariant {
  return {
    fn: 'CSAT', needs: [dates, 'satisfaction'], dates,
    definition: T('Share of satisfied ratings: the top two steps of the scale ({top}–{scale} of {scale}).',
      'Anteil zufriedener Bewertungen: die zwei besten Stufen der Skala ({top}–{scale} von {scale}).'),
    facts: (d) => ({ csatScale: csatScaleOf(d.numbers('satisfaction')) }),
    rules: [{
      kind: 'range', role: 'satisfaction', min: 0, max: 'csatScale',
      reason: { en: 'a rating is outside the scale', de: 'eine Bewertung liegt außerhalb der Skala' },
    }],
    args: (a) => [a.col('satisfaction'), num(a.facts.csatScale)],
    // CSAT's default threshold is scale_max − 1: the top two steps.
    native: (m, a) => m.orBlank(m.div(m.count(where('satisfaction', '>=', a.facts.csatScale - 1)), m.count(where('satisfaction', '>=', 0)))),
    count: {
      live: (a) => ({ table: ours('CSAT_TREND', a.col('satisfaction'), a.col(dates), a.period, num(a.facts.csatScale)), column: 1 }),
      native: (m) => m.count(where('satisfaction', '>=', 0)),
    },
    interval: { kind: 'wilson' },
  };
}

export default defineKpi({
  id: 'csat', section: 'operational', order: 10, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Customer satisfaction (CSAT)', 'Kundenzufriedenheit (CSAT)'), defaultTarget: 0.8, direction: 'higher',
  variants: [
    csatVariant('surveyDate'),
    // Ratings on call rows (a satisfaction column of a call log, as the PwC call-centre workbook).
    csatVariant('callDate'),
  ],
});
