/**
 * Satisfaction and loyalty (surveys): NPS after Bain & Company with its margin of error, breakdown
 * and trend; CSAT as the share of satisfied ratings with its Wilson interval and trend.
 * The tallies are single passes over a typed array with no allocation per cell, and can be
 * restricted to a list of row indices (a period, a segment).
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import { npsDiffSignificant, npsVariance, pooledTwoProportionZ, wilsonInterval, Z95, zForConfidence } from '../stats.js';
import type { CallContext, Table } from '../values/context.js';
import { columnRows, describeValue, toGrid } from '../values/grid.js';
import { periodIndex } from '../values/periods.js';
import { readDates, readNumberArg, readWordArg } from '../values/read.js';
import { PERIOD_WORDS } from '../values/words.js';
import {
  DETRACTORS, NPS_RULE, PASSIVES, PROMOTERS, readRatingScale, SATISFIED, shareRule, tallyCells, tallyRated, UNSATISFIED,
} from './tally.js';
import type { ScaleDefaults } from './tally.js';
import { DATE_TEXT_RULES, DATE_ZERO_RULE, RATING_WORD_RULES, SCALAR_ZERO_CAVEAT, SURVEY_CELL_RULES } from './rule-texts.js';

// ---------------------------------------------------------------- NPS

export interface NpsCounts {
  /** Scores 9–10. */
  readonly promoters: number;
  /** Scores 7–8. */
  readonly passives: number;
  /** Scores 0–6. */
  readonly detractors: number;
  /** All scores counted. */
  readonly n: number;
}

/** NPS counts of segment `p` of a tally (three buckets a segment). */
export function npsCountsAt(c: Float64Array, p = 0): NpsCounts {
  const detractors = c[3 * p + DETRACTORS], passives = c[3 * p + PASSIVES], promoters = c[3 * p + PROMOTERS];
  return { promoters, passives, detractors, n: promoters + passives + detractors };
}

/** NPS in points (−100…100) of counts with n > 0: 100·(promoters − detractors)/n. */
export function npsOf(c: NpsCounts): number {
  return (100 * (c.promoters - c.detractors)) / c.n;
}

/**
 * Promoters, passives and detractors of a range of scores, per segment when `segment` is given (see
 * tallyCells). A score that is not a whole number from 0 to 10, and text below the header that is no
 * score, number with a label or non-answer, is an error naming it.
 */
export function tallyNps(ctx: CallContext, x: unknown, arg?: string, segment?: Int32Array, segments = 1): Float64Array | undefined {
  return tallyCells(ctx, x, NPS_RULE, arg, segment, segments);
}

function npsCounts(ctx: CallContext, x: unknown): NpsCounts {
  const counts = npsCountsAt(tallyNps(ctx, x)!);
  if (counts.n === 0) throw noDataError(ctx.fn);
  return counts;
}

// ---------------------------------------------------------------- CSAT

/** CSAT's scale: 0…scale_max (default 5, or the label scale's k), top-two-box by default, top box on 2- and 3-point label scales. */
export const CSAT_DEFAULTS: ScaleDefaults = { scaleMax: 5, threshold: (max) => max - 1, min: 0 };

export interface CsatCounts {
  /** Ratings ≥ threshold. */
  readonly satisfied: number;
  /** All ratings counted. */
  readonly n: number;
}

/**
 * Satisfied and all ratings of a range, per segment when `segment` is given, with `scale_max` and
 * `threshold` read from their arguments for the call's label scale (see tallyRated). Any number within
 * 0…scale_max is a rating (4.5 on a 5-point scale too, e.g. averaged sub-scores).
 */
export function tallyCsat(
  ctx: CallContext, x: unknown, scaleArg: unknown, thresholdArg: unknown, arg?: string, segment?: Int32Array, segments = 1,
): Float64Array | undefined {
  return tallyRated(
    ctx,
    (labels) => shareRule(readRatingScale(ctx, scaleArg, thresholdArg, labels, CSAT_DEFAULTS), CSAT_DEFAULTS.min, labels),
    (rule) => tallyCells(ctx, x, rule, arg, segment, segments),
  );
}

function csatCounts(ctx: CallContext, args: readonly unknown[]): CsatCounts {
  const c = tallyCsat(ctx, args[0], args[1], args[2])!;
  const n = c[UNSATISFIED] + c[SATISFIED];
  if (n === 0) throw noDataError(ctx.fn);
  return { satisfied: c[SATISFIED], n };
}

/** A confidence level strictly between 0 and 1 (default 0.95). */
function readConfidence(ctx: CallContext, x: unknown): number {
  const conf = readNumberArg(ctx, x, 'confidence', 0.95);
  if (!(conf > 0 && conf < 1)) {
    throw valueError(ctx.fn, `confidence ${describeValue(conf)} must lie strictly between 0 and 1 (0.95 for 95 %)`);
  }
  return conf;
}

// ---------------------------------------------------------------- trends

/** Too few responses to tell a change from noise: Significant stays blank. */
const MIN_RESPONSES_FOR_TEST = 30;

/**
 * The rows of each period of `dates`, as a segment index per cell for tallyCells: values and dates
 * are paired by position (same size), a value with a blank (or text) date belongs to no period.
 */
function periodSegments(ctx: CallContext, args: readonly unknown[], valuesArg: string): { labels: string[]; index: Int32Array } {
  const dates = readDates(ctx, args[1], 'dates');
  const cells = cellCount(args[0]);
  const n = dates.grid.rows * dates.grid.cols;
  if (cells !== n) throw valueError(ctx.fn, `${valuesArg} has ${cells} cells but dates has ${n}; the ranges must be the same size`);
  const period = readWordArg(ctx, args[2], 'period', PERIOD_WORDS, 'month');
  const { labels, index } = ctx.scope.reads
    ? ctx.scope.reads.derive(dates.values, `periods:${period}`, () => periodIndex(dates.values, period))
    : periodIndex(dates.values, period);
  return { labels, index };
}

/** Cells of a range (a column without a pass over it). */
function cellCount(x: unknown): number {
  const column = columnRows(x);
  if (column) return column.length;
  const g = toGrid(x);
  return g.rows * g.cols;
}

/** The periods that have responses (periods without any are not listed); "no data" when none has. */
function answeredPeriods(ctx: CallContext, labels: readonly string[], n: (p: number) => number): number[] {
  const listed: number[] = [];
  for (let p = 0; p < labels.length; p++) if (n(p) > 0) listed.push(p);
  if (listed.length === 0) throw noDataError(ctx.fn);
  return listed;
}

/**
 * The trend table: per period its label, responses, value and the change against the previous
 * listed period; Significant is "" on the first row and whenever either period has fewer than 30
 * responses.
 */
function trendTable(
  valueHeader: string,
  labels: readonly string[],
  n: readonly number[],
  value: readonly number[],
  differs: (prev: number, cur: number) => boolean,
): Table {
  const table: Table = [['Period', 'Responses', valueHeader, 'Change', 'Significant']];
  for (let k = 0; k < labels.length; k++) {
    if (k === 0) {
      table.push([labels[k], n[k], value[k], '', '']);
      continue;
    }
    const testable = n[k - 1] >= MIN_RESPONSES_FOR_TEST && n[k] >= MIN_RESPONSES_FOR_TEST;
    table.push([labels[k], n[k], value[k], value[k] - value[k - 1], testable ? differs(k - 1, k) : '']);
  }
  return table;
}

function npsTrend(ctx: CallContext, args: readonly unknown[]): Table {
  const { labels, index } = periodSegments(ctx, args, 'scores');
  const c = tallyNps(ctx, args[0], 'scores', index, labels.length)!;
  const periods = answeredPeriods(ctx, labels, (p) => npsCountsAt(c, p).n);
  const counts = periods.map((p) => npsCountsAt(c, p));
  const p = counts.map((k) => k.promoters / k.n);
  const d = counts.map((k) => k.detractors / k.n);
  return trendTable('NPS', periods.map((k) => labels[k]), counts.map((k) => k.n), counts.map(npsOf), (a, b) =>
    npsDiffSignificant(p[a], d[a], counts[a].n, p[b], d[b], counts[b].n),
  );
}

function csatTrend(ctx: CallContext, args: readonly unknown[]): Table {
  const { labels, index } = periodSegments(ctx, args, 'ratings');
  const c = tallyCsat(ctx, args[0], args[3], args[4], 'ratings', index, labels.length)!;
  const periods = answeredPeriods(ctx, labels, (p) => c[2 * p] + c[2 * p + 1]);
  const sat = periods.map((p) => c[2 * p + SATISFIED]);
  const n = periods.map((p) => c[2 * p] + c[2 * p + 1]);
  return trendTable('CSAT', periods.map((k) => labels[k]), n, n.map((k, j) => sat[j] / k), (a, b) =>
    Math.abs(pooledTwoProportionZ(sat[a], n[a], sat[b], n[b])) >= Z95,
  );
}

// ---------------------------------------------------------------- the catalog entries

const SCORES = {
  name: 'scores',
  kind: 'range',
  values: 'scores',
  description: {
    en: 'Survey answers: whole-number scores from 0 to 10, also with a label (10 - Extremely likely); Offered, No rating and other non-answers are blanks',
    de: 'Umfrageantworten: ganze Zahlen von 0 bis 10, auch mit Beschriftung (10 - Extremely likely); Offered, No rating und andere Nicht-Antworten gelten als leer',
  },
} as const;

const RATINGS = {
  name: 'ratings',
  kind: 'range',
  values: 'ratings',
  description: {
    en: 'Satisfaction ratings from 0 to scale_max, or rating words such as Good/Bad, Awesome/Just okay/Not good, Very satisfied … Very dissatisfied',
    de: 'Zufriedenheitsbewertungen von 0 bis scale_max oder Bewertungswörter wie gut/schlecht, Awesome/Just okay/Not good, sehr zufrieden … sehr unzufrieden',
  },
} as const;

const DATES = {
  name: 'dates',
  kind: 'range',
  values: 'dates',
  description: {
    en: 'Response dates, one per answer (same size as the answers): date cells or text such as 2026-03-01, 01.03.2026, 11/13/2019 8:51, 5 Mar 2026',
    de: 'Antwortdatum, eines je Antwort (gleich groß wie die Antworten): Datumszellen oder Text wie 2026-03-01, 01.03.2026, 11/13/2019 8:51, 5. März 2026',
  },
} as const;

const PERIOD = {
  name: 'period',
  kind: 'text',
  optional: true,
  default: '"month"',
  description: {
    en: '"day", "week" (ISO, Monday), "month", "quarter" or "year"',
    de: '"Tag", "Woche" (ISO, ab Montag), "Monat", "Quartal" oder "Jahr"',
  },
} as const;

const CONFIDENCE = {
  name: 'confidence',
  kind: 'number',
  optional: true,
  default: '0.95',
  description: { en: 'Confidence level between 0 and 1', de: 'Konfidenzniveau zwischen 0 und 1' },
} as const;

const SCALE_MAX = {
  name: 'scale_max',
  kind: 'number',
  optional: true,
  default: '5',
  description: {
    en: 'Highest rating on the scale (5 for a 1–5 scale); with rating words the words\' scale sets it',
    de: 'Höchste Bewertung der Skala (5 bei einer Skala von 1 bis 5); bei Bewertungswörtern legt deren Skala sie fest',
  },
} as const;

const THRESHOLD = {
  name: 'threshold',
  kind: 'number',
  optional: true,
  default: 'scale_max−1',
  description: {
    en: 'Lowest rating that counts as satisfied (top-two-box by default; the top answer on 2- and 3-point word scales)',
    de: 'Niedrigste Bewertung, die als zufrieden zählt (standardmäßig die beiden besten Stufen; bei Wortskalen mit 2 oder 3 Stufen die beste)',
  },
} as const;

const NPS_READING = {
  en: `Blanks are skipped; a blank is never a 0. A score that is not a whole number from 0 to 10 (11, 8.5, −1) is an error naming the value and its row; so is an error cell such as #N/A. ${SURVEY_CELL_RULES.en} Example: 10 - Extremely likely, 9, 8, 0 - Not at all likely give 25.`,
  de: `Leere Zellen werden übersprungen; eine leere Zelle zählt nie als 0. Ein Wert, der keine ganze Zahl von 0 bis 10 ist (11, 8,5, −1), ist ein Fehler, der den Wert und seine Zeile nennt; ebenso eine Fehlerzelle wie #NV. ${SURVEY_CELL_RULES.de} Beispiel: 10 - Extremely likely, 9, 8, 0 - Not at all likely ergeben 25.`,
};

const CSAT_READING = {
  en: `A rating is any number from 0 to scale_max (4.5 on a 5-point scale counts too); a rating outside the scale is an error naming the value and its row, as is an error cell. Blanks are skipped; a blank is never a 0. ${RATING_WORD_RULES.en} ${SURVEY_CELL_RULES.en} ${SCALAR_ZERO_CAVEAT.en}`,
  de: `Eine Bewertung ist jede Zahl von 0 bis scale_max (auch 4,5 auf einer 5er-Skala); eine Bewertung außerhalb der Skala ist ein Fehler, der den Wert und seine Zeile nennt, ebenso eine Fehlerzelle. Leere Zellen werden übersprungen; eine leere Zelle zählt nie als 0. ${RATING_WORD_RULES.de} ${SURVEY_CELL_RULES.de} ${SCALAR_ZERO_CAVEAT.de}`,
};

const TREND_RULES = {
  en: `Periods are labelled 2026-03-05 (day), 2026-W10 (ISO week), 2026-03 (month), 2026-Q1 (quarter) or 2026 (year), oldest first; periods without responses are not listed. A row counts only when it has both an answer and a date: an answer with a blank date is skipped, as is a date without an answer; text in the dates that is no date (a header) is skipped. ${DATE_TEXT_RULES.en} ${DATE_ZERO_RULE.en} Both ranges must have the same size. Change is against the previous listed period. Significant is TRUE or FALSE at 95 % (two-sided, p ≤ 0.05), and blank on the first row and whenever either period has fewer than 30 responses. No answer with a date at all: #N/A "no data".`,
  de: `Perioden heißen 2026-03-05 (Tag), 2026-W10 (ISO-Woche), 2026-03 (Monat), 2026-Q1 (Quartal) oder 2026 (Jahr), die älteste zuerst; Perioden ohne Antworten erscheinen nicht. Eine Zeile zählt nur mit Antwort und Datum: Eine Antwort ohne Datum wird übersprungen, ebenso ein Datum ohne Antwort; Text in den Datumswerten, der kein Datum ist (eine Kopfzeile), wird übersprungen. ${DATE_TEXT_RULES.de} ${DATE_ZERO_RULE.de} Beide Bereiche müssen gleich groß sein. Die Veränderung bezieht sich auf die vorige aufgeführte Periode. Signifikant ist WAHR oder FALSCH auf dem 95-%-Niveau (zweiseitig, p ≤ 0,05) und bleibt leer in der ersten Zeile und wenn eine der beiden Perioden weniger als 30 Antworten hat. Gibt es keine Antwort mit Datum: #NV „no data“.`,
};

export const satisfactionFunctions: readonly FunctionSpec[] = [
  {
    name: 'NPS',
    family: 'satisfaction',
    args: [SCORES],
    result: 'scalar',
    unit: 'points',
    summary: {
      en: 'Net Promoter Score: % promoters (9–10) minus % detractors (0–6), in points',
      de: 'Net Promoter Score: % Promotoren (9–10) minus % Kritiker (0–6), in Punkten',
    },
    help: {
      en: `Net Promoter Score after Bain & Company: the percentage of promoters (scores 9 and 10) minus the percentage of detractors (0 to 6) among all scores from 0 to 10, in points from −100 to 100; passives (7 and 8) count only in the total. ${NPS_READING.en} No scores: #N/A "no data".`,
      de: `Net Promoter Score nach Bain & Company: der Prozentsatz der Promotoren (Werte 9 und 10) minus der Prozentsatz der Kritiker (0 bis 6) unter allen Werten von 0 bis 10, in Punkten von −100 bis 100; Passive (7 und 8) zählen nur in der Gesamtzahl. ${NPS_READING.de} Ohne Werte: #NV „no data“.`,
    },
    example: '=NPS(A2:A101) → 45',
    source: 'Bain & Company Net Promoter Score (F. Reichheld, "The One Number You Need to Grow", Harvard Business Review 2003)',
    impl: (ctx, args) => npsOf(npsCounts(ctx, args[0])),
  },
  {
    name: 'NPS_MOE',
    family: 'satisfaction',
    args: [SCORES, CONFIDENCE],
    result: 'scalar',
    unit: 'points',
    summary: {
      en: 'Margin of error of the NPS in points (± at the confidence level)',
      de: 'Fehlermarge des NPS in Punkten (± beim Konfidenzniveau)',
    },
    help: {
      en: `Margin of error of the NPS in points: z·√((p + d − (p − d)²)/n)·100, where p and d are the promoter and detractor shares, n the number of scores and z the two-sided normal critical value of the confidence level (1.96 at 0.95). The NPS lies within NPS ± this margin at that confidence (normal approximation; read it with care below about 30 scores). confidence must lie strictly between 0 and 1. ${NPS_READING.en} No scores: #N/A "no data".`,
      de: `Fehlermarge des NPS in Punkten: z·√((p + d − (p − d)²)/n)·100, wobei p und d die Anteile der Promotoren und Kritiker sind, n die Zahl der Werte und z der zweiseitige kritische Wert der Normalverteilung zum Konfidenzniveau (1,96 bei 0,95). Der NPS liegt mit dieser Sicherheit in NPS ± Marge (Normalapproximation; unter etwa 30 Werten nur mit Vorsicht zu lesen). confidence muss echt zwischen 0 und 1 liegen. ${NPS_READING.de} Ohne Werte: #NV „no data“.`,
    },
    example: '=NPS_MOE(A2:A101) → 14.5',
    source: 'Standard error of the NPS as a difference of multinomial proportions, √((p + d − (p − d)²)/n); normal approximation',
    impl: (ctx, args) => {
      const counts = npsCounts(ctx, args[0]);
      const z = zForConfidence(readConfidence(ctx, args[1]));
      const v = npsVariance(counts.promoters / counts.n, counts.detractors / counts.n);
      return z * Math.sqrt(v / counts.n) * 100;
    },
  },
  {
    name: 'NPS_BREAKDOWN',
    family: 'satisfaction',
    args: [SCORES],
    result: 'table',
    unit: 'table',
    summary: {
      en: 'Table of promoters, passives and detractors with counts and shares',
      de: 'Tabelle der Promotoren, Passiven und Kritiker mit Anzahl und Anteil',
    },
    help: {
      en: `A table with the header Group, Count, Share and the rows Promoters (9–10), Passives (7–8), Detractors (0–6) and Total; Share is a fraction of all scores (Total: 1). NPS = (share of promoters − share of detractors) × 100. ${NPS_READING.en} No scores: #N/A "no data".`,
      de: `Eine Tabelle mit der Kopfzeile Group, Count, Share und den Zeilen Promoters (Promotoren, 9–10), Passives (Passive, 7–8), Detractors (Kritiker, 0–6) und Total (gesamt); Share ist der Anteil an allen Werten (Total: 1). NPS = (Anteil Promotoren − Anteil Kritiker) × 100. ${NPS_READING.de} Ohne Werte: #NV „no data“.`,
    },
    example: '=NPS_BREAKDOWN(A2:A101) → Promoters 60 0.6 · Passives 25 0.25 · Detractors 15 0.15 · Total 100 1',
    source: 'Bain & Company Net Promoter Score categories (promoters 9–10, passives 7–8, detractors 0–6)',
    impl: (ctx, args) => {
      const c = npsCounts(ctx, args[0]);
      return [
        ['Group', 'Count', 'Share'],
        ['Promoters', c.promoters, c.promoters / c.n],
        ['Passives', c.passives, c.passives / c.n],
        ['Detractors', c.detractors, c.detractors / c.n],
        ['Total', c.n, 1],
      ];
    },
  },
  {
    name: 'NPS_TREND',
    family: 'satisfaction',
    args: [SCORES, DATES, PERIOD],
    result: 'table',
    unit: 'table',
    summary: {
      en: 'NPS per period with change and significance',
      de: 'NPS je Periode mit Veränderung und Signifikanz',
    },
    help: {
      en: `A table Period, Responses, NPS, Change, Significant: the NPS of each period of the dates, its change in points against the previous listed period, and whether that change is statistically significant by the unpooled z-test z = ΔNPS/√(v₁/n₁ + v₂/n₂) with v = p + d − (p − d)² (shares as fractions); when both periods have no spread at all (every answer in each the same kind), a change is significant exactly when it is not 0. ${TREND_RULES.en} ${NPS_READING.en}`,
      de: `Eine Tabelle Period, Responses, NPS, Change, Significant: der NPS jeder Periode der Datumswerte, seine Veränderung in Punkten gegenüber der vorigen aufgeführten Periode und ob diese Veränderung statistisch signifikant ist, nach dem ungepoolten z-Test z = ΔNPS/√(v₁/n₁ + v₂/n₂) mit v = p + d − (p − d)² (Anteile als Bruchteile); streuen beide Perioden gar nicht (alle Antworten einer Periode von derselben Art), ist eine Veränderung genau dann signifikant, wenn sie nicht 0 ist. ${TREND_RULES.de} ${NPS_READING.de}`,
    },
    example: '=NPS_TREND(A2:A500, B2:B500, "quarter") → 2026-Q1 | 120 | 35 | "" | "" ; 2026-Q2 | 140 | 42 | 7 | FALSE',
    source: 'Bain & Company NPS per period; unpooled two-sample z-test for the difference of two NPS',
    impl: npsTrend,
  },
  {
    name: 'CSAT',
    family: 'satisfaction',
    args: [RATINGS, SCALE_MAX, THRESHOLD],
    result: 'scalar',
    unit: 'share',
    summary: {
      en: 'Customer satisfaction: share of ratings at or above the threshold (top-two-box)',
      de: 'Kundenzufriedenheit: Anteil der Bewertungen ab der Schwelle (Top-Two-Box)',
    },
    help: {
      en: `Customer satisfaction score (CSAT): the share of ratings greater than or equal to threshold, as a fraction from 0 to 1. By default the scale runs to 5 and threshold is scale_max − 1, so 4 and 5 count as satisfied (top-two-box). scale_max must be greater than 0 and threshold must lie within 0 and scale_max. ${CSAT_READING.en} No ratings: #N/A "no data".`,
      de: `Kundenzufriedenheit (CSAT): der Anteil der Bewertungen, die mindestens threshold erreichen, als Bruchteil von 0 bis 1. Standardmäßig reicht die Skala bis 5 und threshold ist scale_max − 1, also zählen 4 und 5 als zufrieden (Top-Two-Box). scale_max muss größer als 0 sein, threshold muss zwischen 0 und scale_max liegen. ${CSAT_READING.de} Ohne Bewertungen: #NV „no data“.`,
    },
    example: '=CSAT(C2:C11) → 0.7',
    source: 'Customer satisfaction score as top-two-box share (ACSI and common CSAT survey practice)',
    impl: (ctx, args) => {
      const c = csatCounts(ctx, args);
      return c.satisfied / c.n;
    },
  },
  {
    name: 'CSAT_CI',
    family: 'satisfaction',
    args: [RATINGS, SCALE_MAX, THRESHOLD, CONFIDENCE],
    result: 'row',
    unit: 'share',
    summary: {
      en: 'Confidence interval of the CSAT share as a row [low, high] (Wilson score)',
      de: 'Konfidenzintervall des CSAT-Anteils als Zeile [unten, oben] (Wilson-Score)',
    },
    help: {
      en: `The Wilson score interval of the CSAT share, as a row of two cells: low and high, fractions from 0 to 1. Unlike the simple ± interval it stays within 0 and 1 and stays useful for small samples and shares near 0 or 1. confidence (default 0.95) must lie strictly between 0 and 1; scale_max and threshold as in CSAT. ${CSAT_READING.en} No ratings: #N/A "no data".`,
      de: `Das Wilson-Score-Intervall des CSAT-Anteils als Zeile mit zwei Zellen: unten und oben, Bruchteile von 0 bis 1. Anders als das einfache ±-Intervall bleibt es zwischen 0 und 1 und taugt auch für kleine Stichproben und Anteile nahe 0 oder 1. confidence (Standard 0,95) muss echt zwischen 0 und 1 liegen; scale_max und threshold wie bei CSAT. ${CSAT_READING.de} Ohne Bewertungen: #NV „no data“.`,
    },
    example: '=CSAT_CI(C2:C11) → 0.490 | 0.943 (8 of 10 ratings 4 or 5)',
    source: 'Wilson score interval (E. B. Wilson, "Probable inference…", JASA 1927)',
    impl: (ctx, args) => {
      const c = csatCounts(ctx, args);
      const [low, high] = wilsonInterval(c.satisfied, c.n, readConfidence(ctx, args[3]));
      return [[low, high]];
    },
  },
  {
    name: 'CSAT_TREND',
    family: 'satisfaction',
    args: [RATINGS, DATES, PERIOD, SCALE_MAX, THRESHOLD],
    result: 'table',
    unit: 'table',
    summary: {
      en: 'CSAT per period with change and significance',
      de: 'CSAT je Periode mit Veränderung und Signifikanz',
    },
    help: {
      en: `A table Period, Responses, CSAT, Change, Significant: the CSAT share of each period of the dates, its change against the previous listed period (a difference of fractions: 0.05 is 5 percentage points), and whether that change is statistically significant by the pooled two-proportion z-test. scale_max and threshold as in CSAT. ${TREND_RULES.en} ${CSAT_READING.en}`,
      de: `Eine Tabelle Period, Responses, CSAT, Change, Significant: der CSAT-Anteil jeder Periode der Datumswerte, seine Veränderung gegenüber der vorigen aufgeführten Periode (Differenz von Bruchteilen: 0,05 sind 5 Prozentpunkte) und ob diese Veränderung nach dem gepoolten z-Test für zwei Anteile statistisch signifikant ist. scale_max und threshold wie bei CSAT. ${TREND_RULES.de} ${CSAT_READING.de}`,
    },
    example: '=CSAT_TREND(C2:C500, B2:B500, "month") → 2026-03 | 40 | 0.6 | "" | "" ; 2026-04 | 40 | 0.85 | 0.25 | TRUE',
    source: 'CSAT (top-two-box) per period; pooled two-proportion z-test',
    impl: csatTrend,
  },
];
