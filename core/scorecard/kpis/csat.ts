/**
 * Customer satisfaction: the top-two-box share of ratings per period, with n and Wilson interval —
 * from a survey sheet (by the survey date), from a ticket table's rating column (by the resolved
 * date, else the opened date), or over all rows of a ratings list without dates.
 */
import { csatFacts } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import type { KpiFacts, LiveArgs, PeriodVariant, SingleVariant } from '../definition.js';
import { num, ours } from '../formula.js';
import { where } from '../measure.js';
import type { Measures, RowRule } from '../measure.js';
import type { Role } from '../roles.js';
import type { Expr } from '../types.js';

const RATING_IN_SCALE: RowRule = {
  kind: 'range', role: 'satisfaction', min: 0, max: 'csatScale',
  reason: { en: 'a rating is outside the scale', de: 'eine Bewertung liegt außerhalb der Skala' },
};

/** CSAT's arguments after the ratings: the scale (rating words bring their own). */
export const csatScaleArgs = (facts: KpiFacts): Expr[] => (facts.csatWords ? [] : [num(facts.csatScale)]);

const csatArgs = (a: LiveArgs): Expr[] => [a.col('satisfaction'), ...csatScaleArgs(a.facts)];

/** CSAT's default threshold is scale_max − 1: the top two steps. */
const csatShare = <M>(m: Measures<M>, scale: number): M =>
  m.orBlank(m.div(m.count(where('satisfaction', '>=', scale - 1)), m.count(where('satisfaction', '>=', 0))));

/** The same KPI over the ratings dated by `dates`. */
function dated(dates: Extract<Role, 'surveyDate' | 'ticketResolved' | 'ticketOpened' | 'callDate'>, definition: ReturnType<typeof T>): PeriodVariant {
  return {
    fn: 'CSAT', needs: [dates, 'satisfaction'], dates, definition,
    // The scale is a word scale's steps, a scale the header states, or the smallest usual one holding every rating.
    facts: csatFacts,
    rules: [RATING_IN_SCALE],
    args: csatArgs,
    native: (m, a) => (a.facts.csatWords ? null : csatShare(m, a.facts.csatScale)),
    count: {
      live: (a) => ({ table: ours('CSAT_TREND', a.col('satisfaction'), a.col(dates), a.period, ...(a.facts.csatWords ? [] : [num(a.facts.csatScale)])), column: 1 }),
      native: (m) => m.count(where('satisfaction', '>=', 0)),
    },
    interval: { kind: 'wilson' },
  };
}

/** CSAT over all rows; its facts (the scale) are the ones the agents' block reads its ratings by. */
export const csatOverAllRows: SingleVariant = {
  fn: 'CSAT', needs: ['satisfaction'],
  definition: T('Share of satisfied ratings over all rows (the data have no date): {satisfied}.',
    'Anteil zufriedener Bewertungen über alle Zeilen (die Daten haben kein Datum): {satisfied}.'),
  facts: csatFacts,
  rules: [RATING_IN_SCALE],
  live: (a) => ours('CSAT', ...csatArgs(a)),
  native: (m, a) => (a.facts.csatWords ? null : csatShare(m, a.facts.csatScale)),
};

export default defineKpi({
  id: 'csat', section: 'operational', order: 10, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Customer satisfaction (CSAT)', 'Kundenzufriedenheit (CSAT)'), defaultTarget: 0.8, direction: 'higher',
  variants: [
    dated('surveyDate', T('Share of satisfied ratings: {satisfied}.', 'Anteil zufriedener Bewertungen: {satisfied}.')),
    dated('ticketResolved', T('Share of satisfied ratings of the tickets resolved in the period: {satisfied}.',
      'Anteil zufriedener Bewertungen der im Zeitraum gelösten Tickets: {satisfied}.')),
    dated('ticketOpened', T('Share of satisfied ratings of the tickets opened in the period: {satisfied}.',
      'Anteil zufriedener Bewertungen der im Zeitraum eröffneten Tickets: {satisfied}.')),
    // Ratings on call rows (a satisfaction column of a call log, as the PwC call-centre workbook).
    dated('callDate', T('Share of satisfied ratings of the calls of the period: {satisfied}.',
      'Anteil zufriedener Bewertungen der Anrufe des Zeitraums: {satisfied}.')),
    csatOverAllRows,
  ],
});
