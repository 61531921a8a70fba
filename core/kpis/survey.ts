/**
 * More survey KPIs (catalog v3): the NPS interval that holds up on small samples (adjusted Wald),
 * the Customer Effort Score, the survey response rate, and significance of each segment against
 * the rest. Scores and ratings are read by the satisfaction tallies and the rating rules
 * (core/kpis/tally.ts, core/values/ratings.ts): numbers, numbers with labels, rating words,
 * non-answers, the strict rule.
 */
import type { ArgSpec, FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import { npsDiffSignificant, npsInterval, pooledTwoProportionZ, Z95 } from '../stats.js';
import type { CallContext, Cell, Table } from '../values/context.js';
import { cellAt, describeValue, errorCode, isDateObject, NOT_PLAIN, NOT_SCALAR, plainValue, toGrid } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import { cellError, isOmitted, plainScalar, readKeys, readNumberArg, readNumbers, readTextArg, readWordArg } from '../values/read.js';
import { callLabelScale, classifyRatingText, SCALES_HELP } from '../values/ratings.js';
import { widenScope } from '../values/scope.js';
import { npsCountsAt, npsOf, tallyCsat, tallyNps } from './satisfaction.js';
import { compareCodePoints } from './segments.js';
import { readRatingScale, SATISFIED, shareRule, tallyCells, tallyRated, UNSATISFIED } from './tally.js';
import type { ScaleDefaults } from './tally.js';

// ---------------------------------------------------------------- NPS_CI

type IntervalMethod = 'adjusted' | 'wald';
const METHOD_WORDS: Readonly<Record<string, IntervalMethod>> = {
  adjusted: 'adjusted', 'adjusted wald': 'adjusted', 'adjusted-wald': 'adjusted', angepasst: 'adjusted', wald: 'wald',
};

function readConfidence(ctx: CallContext, x: unknown): number {
  const conf = readNumberArg(ctx, x, 'confidence', 0.95);
  if (!(conf > 0 && conf < 1)) throw valueError(ctx.fn, `confidence ${describeValue(conf)} must lie strictly between 0 and 1 (0.95 for 95 %)`);
  return conf;
}

function npsCi(ctx: CallContext, args: readonly unknown[]): Table {
  const conf = readConfidence(ctx, args[1]);
  const method = readWordArg(ctx, args[2], 'method', METHOD_WORDS, 'adjusted');
  const c = npsCountsAt(tallyNps(ctx, args[0])!);
  if (c.n === 0) throw noDataError(ctx.fn);
  return [npsInterval(c.promoters, c.detractors, c.n, conf, method)];
}

// ---------------------------------------------------------------- CES

/** CES: ratings 1…scale_max (7 by default), "agree" from scale_max − 2 on 7 or more points, else scale_max − 1 (Delighted). */
export const CES_DEFAULTS: ScaleDefaults = { scaleMax: 7, threshold: (max) => (max >= 7 ? max - 2 : max - 1), min: 1 };

/** Agreeing (bucket SATISFIED) and other ratings, per segment when `segment` is given (see tallyCells). */
export function tallyCes(ctx: CallContext, x: unknown, scaleArg: unknown, thresholdArg: unknown, segment?: Int32Array, segments = 1): Float64Array | undefined {
  return tallyRated(
    ctx,
    (labels) => shareRule(readRatingScale(ctx, scaleArg, thresholdArg, labels, CES_DEFAULTS), CES_DEFAULTS.min, labels),
    (rule) => tallyCells(ctx, x, rule, undefined, segment, segments),
  );
}

function ces(ctx: CallContext, args: readonly unknown[]): number {
  const c = tallyCes(ctx, args[0], args[1], args[2])!;
  const n = c[UNSATISFIED] + c[SATISFIED];
  if (n === 0) throw noDataError(ctx.fn);
  return c[SATISFIED] / n;
}

// ---------------------------------------------------------------- RESPONSE_RATE

/** What a cell of an answers range is. */
const BLANK = 0, ANSWER = 1, OFFERED = 2, NOT_OFFERED = 3, HEADER = 4;

/**
 * Every cell of an answers range, by the rating rules: a number, a number with a label or a rating
 * word is an answer; `Offered`/`angeboten`/`No rating` a survey sent and not answered;
 * `Not offered`/`Unoffered`/`nicht angeboten` no survey; the first non-blank text that is none of
 * these is the header; any later one is an error naming it.
 */
function classifyAnswers(ctx: CallContext, g: Grid): Uint8Array {
  const n = g.rows * g.cols;
  const kinds = new Uint8Array(n);
  let seen = false, labelsChecked = false;
  for (let i = 0; i < n; i++) {
    let v = cellAt(g, i);
    if (typeof v === 'object' && v !== null && !isDateObject(v) && !errorCode(v)) {
      const p = plainValue(v);
      if (p !== NOT_PLAIN) v = p;
    }
    let kind = BLANK;
    if (typeof v === 'number') {
      if (v - v !== 0) cellError(ctx, g, i, 'is not a finite number', 'answers');
      kind = ANSWER;
    } else if (isDateObject(v)) kind = ANSWER; // as the rating readers read a date cell: a number
    else if (typeof v === 'string' && v.trim() !== '') {
      const r = classifyRatingText(v.trim());
      if (r.kind === 'number') kind = ANSWER;
      else if (r.kind === 'label') {
        // Labels of one call are words of one scale (the rating rules), checked once.
        if (!labelsChecked) callLabelScale(ctx, g, 'answers');
        labelsChecked = true;
        kind = ANSWER;
      } else if (r.kind === 'non-answer') kind = r.offered ? OFFERED : NOT_OFFERED;
      else if (r.kind === 'error') cellError(ctx, g, i, 'is an error value', 'answers');
      else if (r.kind === 'problem') cellError(ctx, g, i, r.problem, 'answers');
      else if (!seen) kind = HEADER;
      else cellError(ctx, g, i, `is not an answer: a score or rating, a number with a label, or Offered / Not offered; ${SCALES_HELP}`, 'answers');
    } else if (errorCode(v)) cellError(ctx, g, i, 'is an error value', 'answers');
    else if (v !== null && v !== undefined && v !== '' && typeof v !== 'boolean' && typeof v !== 'string') {
      cellError(ctx, g, i, 'is not a value this function reads', 'answers');
    }
    if (kind !== BLANK) seen = true;
    kinds[i] = kind;
  }
  return kinds;
}

function responseRate(ctx: CallContext, args: readonly unknown[]): number {
  const g = toGrid(args[0]);
  const kinds = classifyAnswers(ctx, g);
  let answers = 0;
  for (let i = 0; i < kinds.length; i++) if (kinds[i] === ANSWER) answers++;
  if (!isOmitted(args[1])) {
    const single = plainScalar(args[1]) !== NOT_SCALAR;
    const sentCol = readNumbers(ctx, args[1], 'sent');
    let sent = 0;
    for (let i = 0; i < sentCol.values.length; i++) {
      const x = sentCol.values[i];
      if (x !== x) continue;
      if (x < 0) cellError(ctx, sentCol.grid, i, 'is negative; sent counts surveys', 'sent');
      sent += x;
    }
    if (single && sentCol.count === 0) throw valueError(ctx.fn, `sent ${describeValue(plainScalar(args[1]))} is not a number of surveys sent`);
    if (sent === 0) {
      if (single) throw valueError(ctx.fn, 'sent is 0: with no survey sent there is no response rate');
      throw noDataError(ctx.fn, 'no data (sent holds no surveys)');
    }
    if (answers > sent) throw valueError(ctx.fn, `answers holds ${answers} answers but sent is ${sent}; there cannot be more answers than surveys sent`);
    return answers / sent;
  }
  // One row per surveyed customer or ticket, down to the last non-blank cell (below the header);
  // in a period or group of KPI_BY_PERIOD/GROUP every row (a dated or grouped one) counts.
  let first = 0, last = ctx.segment ? kinds.length - 1 : -1;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === HEADER) first = i + 1;
    else if (kinds[i] !== BLANK) last = Math.max(last, i);
  }
  let sent = 0;
  for (let i = first; i <= last; i++) if (kinds[i] !== NOT_OFFERED) sent++;
  if (sent === 0) throw noDataError(ctx.fn, 'no data (no survey sent)');
  return answers / sent;
}

// ---------------------------------------------------------------- GROUP_SIGNIFICANCE

type GroupKpi = 'NPS' | 'CSAT' | 'CES';
const GROUP_KPIS: readonly GroupKpi[] = ['NPS', 'CSAT', 'CES'];

/** Too few answers on either side to tell a difference from noise: Significant stays blank. */
export const MIN_GROUP_RESPONSES = 30;

function groupSignificance(outer: CallContext, args: readonly unknown[]): Table {
  const name = (readTextArg(outer, args[0], 'kpi') ?? '').trim().toUpperCase().replace(/^KPI\./, '') as GroupKpi;
  if (!GROUP_KPIS.includes(name)) {
    throw valueError(outer.fn, `kpi ${describeValue(plainScalar(args[0]) ?? '')} is not "NPS", "CSAT" or "CES"`);
  }
  if (isOmitted(args[2]) && plainScalar(args[2]) !== NOT_SCALAR) {
    throw valueError(outer.fn, `${name} needs its ${name === 'NPS' ? 'scores' : 'ratings'} after groups: GROUP_SIGNIFICANCE("${name}", groups, ${name === 'NPS' ? 'scores' : 'ratings'})`);
  }
  // The ratings' label scale and the groups' reading are decided over the whole ranges.
  const inner = outer.lookup(name)!;
  const ctx = widenScope(outer, inner, args.slice(2));
  const groups = readKeys(ctx, args[1], 'groups');
  if (groups.grid.cols > 1) throw valueError(ctx.fn, `groups must be a single column, not ${groups.grid.cols} columns`);
  const values = toGrid(args[2]);
  const cells = values.rows * values.cols;
  if (cells !== groups.keys.length) {
    throw valueError(ctx.fn, `groups has ${groups.keys.length} cells but ${name === 'NPS' ? 'scores' : 'ratings'} has ${cells}; the ranges must be the same size`);
  }
  const ids = new Map<string, number>();
  const names: string[] = [];
  const segment = new Int32Array(groups.keys.length).fill(-1);
  groups.keys.forEach((k, r) => {
    if (k === undefined) return;
    let id = ids.get(k);
    if (id === undefined) {
      ids.set(k, (id = names.length));
      names.push(k);
    }
    segment[r] = id;
  });
  const g = names.length;
  const counts = name === 'NPS' ? tallyNps(ctx, args[2], undefined, segment, g)!
    : name === 'CSAT' ? tallyCsat(ctx, args[2], args[3], args[4], undefined, segment, g)!
      : tallyCes(ctx, args[2], args[3], args[4], segment, g)!;
  const buckets = name === 'NPS' ? 3 : 2;
  const total = new Float64Array(buckets);
  for (let p = 0; p < g; p++) for (let b = 0; b < buckets; b++) total[b] += counts[buckets * p + b];
  const sizeOf = (c: ArrayLike<number>, at: number) => { let n = 0; for (let b = 0; b < buckets; b++) n += c[at + b]; return n; };
  const listed: number[] = [];
  for (let p = 0; p < g; p++) if (sizeOf(counts, buckets * p) > 0) listed.push(p);
  if (listed.length === 0) throw noDataError(ctx.fn, 'no data (no group has an answer)');
  listed.sort((a, b) => sizeOf(counts, buckets * b) - sizeOf(counts, buckets * a) || compareCodePoints(names[a], names[b]));
  const table: Table = [['Group', 'Responses', 'Value', 'Others', 'Difference', 'Significant']];
  for (const p of listed) {
    const mine = counts.subarray(buckets * p, buckets * p + buckets);
    const rest = total.map((t, b) => t - mine[b]);
    const n1 = sizeOf(mine, 0), n2 = sizeOf(rest, 0);
    let value: number, others: Cell = '', difference: Cell = '', significant: Cell = '';
    if (name === 'NPS') {
      const a = npsCountsAt(mine), o = npsCountsAt(rest);
      value = npsOf(a);
      if (n2 > 0) {
        others = npsOf(o);
        difference = value - others;
        if (n1 >= MIN_GROUP_RESPONSES && n2 >= MIN_GROUP_RESPONSES) {
          significant = npsDiffSignificant(a.promoters / n1, a.detractors / n1, n1, o.promoters / n2, o.detractors / n2, n2);
        }
      }
    } else {
      value = mine[SATISFIED] / n1;
      if (n2 > 0) {
        others = rest[SATISFIED] / n2;
        difference = value - others;
        if (n1 >= MIN_GROUP_RESPONSES && n2 >= MIN_GROUP_RESPONSES) significant = Math.abs(pooledTwoProportionZ(mine[SATISFIED], n1, rest[SATISFIED], n2)) >= Z95;
      }
    }
    table.push([names[p], n1, value, others, difference, significant]);
  }
  return table;
}

// ---------------------------------------------------------------- catalog entries

const SCORES: ArgSpec = {
  name: 'scores', kind: 'range', values: 'scores',
  description: { en: 'Survey answers: whole-number scores from 0 to 10', de: 'Umfrageantworten: ganze Zahlen von 0 bis 10' },
};
const CES_RATINGS: ArgSpec = {
  name: 'ratings', kind: 'range', values: 'ratings',
  description: {
    en: 'Effort or agreement ratings from 1 to scale_max, or agreement words (Strongly disagree … Strongly agree)',
    de: 'Aufwands- oder Zustimmungsbewertungen von 1 bis scale_max oder Zustimmungswörter (stimme überhaupt nicht zu … stimme voll und ganz zu)',
  },
};

const SCORE_RULES = {
  en: 'Scores are read as the NPS reads them: whole numbers 0–10, numbers with a label (10 - Extremely likely), survey non-answers (Offered, No rating) as blanks; the first non-blank text is the header, later text that is no score is an error naming it, as is a score outside 0…10.',
  de: 'Werte werden gelesen wie beim NPS: ganze Zahlen 0–10, Zahlen mit Beschriftung (10 - äußerst wahrscheinlich), Nicht-Antworten (Offered, angeboten) als leer; der erste nicht leere Text ist die Überschrift, späterer Text, der kein Wert ist, ist ein Fehler mit Angabe der Zelle, ebenso ein Wert außerhalb von 0…10.',
};

const RATING_RULES = {
  en: 'Ratings are numbers, numbers with a label (4 - Agree) or rating words of one listed scale, case-insensitive: the agreement scale Strongly disagree, Disagree, Somewhat disagree, Neither agree nor disagree, Somewhat agree, Agree, Strongly agree (German: stimme überhaupt nicht zu … stimme voll und ganz zu) is 7-point when a "Somewhat"/"eher" word appears, else 5-point; the words set scale_max (a different explicit scale_max is an error). Survey non-answers (Offered, Not offered, No rating, angeboten) are blanks; the first non-blank text is the header, later text that is no rating is an error naming it.',
  de: 'Bewertungen sind Zahlen, Zahlen mit Beschriftung (4 - stimme zu) oder Bewertungswörter einer der aufgeführten Skalen, ohne Beachtung der Groß-/Kleinschreibung: die Zustimmungsskala stimme überhaupt nicht zu, stimme nicht zu, stimme eher nicht zu, weder noch, stimme eher zu, stimme zu, stimme voll und ganz zu (englisch: Strongly disagree … Strongly agree) hat 7 Stufen, sobald ein „eher“/„Somewhat“-Wort vorkommt, sonst 5; die Wörter bestimmen scale_max (ein abweichendes angegebenes scale_max ist ein Fehler). Nicht-Antworten (Offered, Not offered, angeboten, nicht angeboten) gelten als leer; der erste nicht leere Text ist die Überschrift, späterer Text, der keine Bewertung ist, ist ein Fehler mit Angabe der Zelle.',
};

export const surveyFunctions: readonly FunctionSpec[] = [
  {
    name: 'NPS_CI',
    family: 'satisfaction',
    args: [
      SCORES,
      { name: 'confidence', kind: 'number', optional: true, default: '0.95', description: { en: 'Confidence level between 0 and 1', de: 'Konfidenzniveau zwischen 0 und 1' } },
      { name: 'method', kind: 'text', optional: true, default: '"adjusted"', description: { en: '"adjusted" (adjusted Wald, for any sample size) or "wald" (NPS ± NPS_MOE)', de: '"adjusted"/"angepasst" (angepasstes Wald-Intervall, für jede Stichprobengröße) oder "wald" (NPS ± NPS_MOE)' } },
    ],
    result: 'row',
    unit: 'points',
    summary: { en: 'Confidence interval of the NPS as a row [low, high] in points (adjusted Wald)', de: 'Konfidenzintervall des NPS als Zeile [unten, oben] in Punkten (angepasstes Wald-Intervall)' },
    help: {
      en: `The confidence interval of the NPS as a row of two cells, low and high, in points, clipped to −100…100. "adjusted" (the default) is the adjusted-Wald interval (J. Rocks 2016, as MeasuringU publishes it): n′ = n + 3, p′ = (promoters + ¾)/n′, d′ = (detractors + ¾)/n′, centre (p′ − d′)·100, half-width z·√((p′ + d′ − (p′ − d′)²)/n′)·100. It keeps close to its nominal coverage on small samples and is never of zero width, even for two answers that are both 10. "wald" is NPS ± NPS_MOE, which is too narrow on small samples and of zero width when all answers are of one kind; from about 1,000 answers the two agree within a point. confidence (default 0.95) must lie strictly between 0 and 1. ${SCORE_RULES.en} No scores: "no data".`,
      de: `Das Konfidenzintervall des NPS als Zeile mit zwei Zellen, unten und oben, in Punkten, begrenzt auf −100…100. "adjusted" (Standard) ist das angepasste Wald-Intervall (J. Rocks 2016, wie MeasuringU es veröffentlicht): n′ = n + 3, p′ = (Promotoren + ¾)/n′, d′ = (Kritiker + ¾)/n′, Mitte (p′ − d′)·100, halbe Breite z·√((p′ + d′ − (p′ − d′)²)/n′)·100. Es hält auch bei kleinen Stichproben nahezu die angegebene Sicherheit und hat nie die Breite null, selbst bei zwei Antworten, die beide 10 sind. "wald" ist NPS ± NPS_MOE, bei kleinen Stichproben zu schmal und ohne Breite, wenn alle Antworten von einer Art sind; ab etwa 1.000 Antworten stimmen beide auf einen Punkt überein. confidence (Standard 0,95) muss echt zwischen 0 und 1 liegen. ${SCORE_RULES.de} Ohne Werte: „keine Daten“.`,
    },
    example: '=NPS_CI(A2:A101) → 30.3 | 58.6',
    source: 'Adjusted-Wald NPS interval (J. Rocks, "Confidence Intervals for Net Promoter Scores", MeasuringU 2016)',
    impl: npsCi,
  },
  {
    name: 'CES',
    family: 'satisfaction',
    args: [
      CES_RATINGS,
      { name: 'scale_max', kind: 'number', optional: true, default: '7', description: { en: 'Highest rating on the scale (7 for a 1–7 scale)', de: 'Höchste Bewertung der Skala (7 bei einer Skala von 1 bis 7)' } },
      { name: 'threshold', kind: 'number', optional: true, description: { en: 'Lowest rating that counts as "agree" (5 of 7, 4 of 5 by default)', de: 'Niedrigste Bewertung, die als Zustimmung zählt (standardmäßig 5 von 7, 4 von 5)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Customer Effort Score: share of ratings that agree the issue was easy to handle', de: 'Customer Effort Score: Anteil der Bewertungen, die zustimmen, dass das Anliegen leicht zu erledigen war' },
    help: {
      en: `The Customer Effort Score as Delighted defines it: the share (0–1) of ratings at or above threshold ("agree" to "the company made it easy to handle my issue"). Ratings run from 1 to scale_max (7 by default); threshold defaults to scale_max − 2 on scales of 7 or more points (5–7 of 7) and scale_max − 1 below (4–5 of 5). A rating outside 1…scale_max is an error naming it. ${RATING_RULES.en} No ratings: "no data".`,
      de: `Der Customer Effort Score, wie Delighted ihn definiert: der Anteil (0–1) der Bewertungen ab threshold (Zustimmung zu „das Unternehmen hat es mir leicht gemacht, mein Anliegen zu erledigen“). Bewertungen reichen von 1 bis scale_max (standardmäßig 7); threshold ist standardmäßig scale_max − 2 bei Skalen ab 7 Stufen (5–7 von 7) und scale_max − 1 darunter (4–5 von 5). Eine Bewertung außerhalb von 1…scale_max ist ein Fehler mit Angabe der Zelle. ${RATING_RULES.de} Ohne Bewertungen: „keine Daten“.`,
    },
    example: '=CES(B2:B21) → 0.5',
    source: 'Delighted Customer Effort Score (7-point agreement scale; share of 5–7)',
    impl: ces,
  },
  {
    name: 'RESPONSE_RATE',
    family: 'satisfaction',
    args: [
      { name: 'answers', kind: 'range', values: 'ratings', description: { en: 'The survey answers: one row per surveyed customer or ticket, or just the answers when sent is given', de: 'Die Umfrageantworten: eine Zeile je befragtem Kunden oder Ticket, oder nur die Antworten, wenn sent angegeben ist' } },
      { name: 'sent', kind: 'any', optional: true, description: { en: 'Surveys sent: a number, or a range whose numbers are summed (per day, per channel)', de: 'Versendete Umfragen: eine Zahl oder ein Bereich, dessen Zahlen addiert werden (je Tag, je Kanal)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Survey response rate: answers ÷ surveys sent', de: 'Rücklaufquote der Umfrage: Antworten ÷ versendete Umfragen' },
    help: {
      en: 'The share (0–1) of sent surveys that were answered. Answers are read by the rating rules: a score, a rating word of a listed scale or a number with a label is an answer; the first non-blank text that is none of these is the header. With sent (a number, or a range whose numbers are summed): answers ÷ sent; more answers than sent is an error naming both, sent 0 given as a number is an error. Without sent, answers holds one row per surveyed customer or ticket and the rows down to its last non-blank cell count: a blank, Offered, angeboten or No rating there is a survey sent but not answered, and Not offered, Unoffered or nicht angeboten rows are not counted. Inside KPI_BY_PERIOD or KPI_BY_GROUP every row of a period or group counts, blank ones included (they have a date or a group: they are surveys sent). Text below the header that is no answer, and error cells, are errors naming them. Nothing sent: "no data".',
      de: 'Der Anteil (0–1) der versendeten Umfragen, die beantwortet wurden. Antworten werden nach den Bewertungsregeln gelesen: ein Wert, ein Bewertungswort einer der aufgeführten Skalen oder eine Zahl mit Beschriftung ist eine Antwort; der erste nicht leere Text, der nichts davon ist, ist die Überschrift. Mit sent (eine Zahl oder ein Bereich, dessen Zahlen addiert werden): Antworten ÷ sent; mehr Antworten als sent ist ein Fehler, der beides nennt, sent 0 als Zahl ist ein Fehler. Ohne sent enthält answers eine Zeile je befragtem Kunden oder Ticket, und es zählen die Zeilen bis zur letzten nicht leeren Zelle: eine leere Zelle, Offered, angeboten oder No rating dort ist eine versendete, aber nicht beantwortete Umfrage, Zeilen mit Not offered, Unoffered oder nicht angeboten zählen nicht. Innerhalb von KPI_BY_PERIOD oder KPI_BY_GROUP zählt jede Zeile eines Zeitraums oder einer Gruppe, auch leere (sie haben ein Datum oder eine Gruppe: es sind versendete Umfragen). Text unter der Überschrift, der keine Antwort ist, und Fehlerzellen sind Fehler mit Angabe der Zelle. Nichts versendet: „keine Daten“.',
    },
    example: '=RESPONSE_RATE(F2:F900) → 0.23',
    source: 'Survey response rate (answers ÷ surveys sent; Zendesk CSAT "offered" vs "not offered", Help Scout, Qualtrics)',
    impl: responseRate,
  },
  {
    name: 'GROUP_SIGNIFICANCE',
    family: 'satisfaction',
    args: [
      { name: 'kpi', kind: 'text', description: { en: '"NPS", "CSAT" or "CES"', de: '"NPS", "CSAT" oder "CES"' } },
      { name: 'groups', kind: 'range', description: { en: 'One segment per row: channel, team, agent, region …', de: 'Ein Segment je Zeile: Kanal, Team, Agent, Region …' } },
      { name: 'args', kind: 'any', repeating: true, description: { en: 'The KPI\'s own arguments: NPS scores; CSAT or CES ratings, [scale_max], [threshold]', de: 'Die Argumente der Kennzahl: NPS-Werte; CSAT- oder CES-Bewertungen, [scale_max], [threshold]' } },
    ],
    result: 'table',
    unit: 'table',
    summary: { en: 'Each segment\'s NPS, CSAT or CES against all others, with a significance test', de: 'NPS, CSAT oder CES jedes Segments gegenüber allen anderen, mit Signifikanztest' },
    help: {
      en: `A table Group, Responses, Value, Others, Difference, Significant: for each distinct value of groups, its KPI (Value), the KPI of all other grouped rows together (Others) and Value − Others (points for NPS, a difference of shares for CSAT and CES). Significant is TRUE or FALSE at 95 % (two-sided): the unpooled z-test of NPS_TREND for NPS, the pooled two-proportion z-test for CSAT and CES; it is "" when either side has fewer than 30 responses (a CSAT of an agent with 18 surveys is noise), and Others and Difference are "" when there is no other group. Groups are compared as trimmed text, case-sensitive (42 and "42" are one group); rows with a blank group are left out; groups with no responses (such as the header row) are not listed; most responses first, ties in code-point order. groups and the answers must have the same size; scale_max and threshold as in CSAT and CES. The ratings are read as the KPI reads them (words, numbers with labels, non-answers, the strict rule). No group with an answer: "no data".`,
      de: `Eine Tabelle Group, Responses, Value, Others, Difference, Significant: für jeden verschiedenen Wert von groups seine Kennzahl (Value), die Kennzahl aller anderen gruppierten Zeilen zusammen (Others) und Value − Others (Punkte beim NPS, eine Differenz von Anteilen bei CSAT und CES). Significant ist WAHR oder FALSCH auf dem 95-%-Niveau (zweiseitig): der ungepoolte z-Test von NPS_TREND beim NPS, der gepoolte z-Test für zwei Anteile bei CSAT und CES; leer, wenn eine Seite weniger als 30 Antworten hat (der CSAT eines Agenten mit 18 Umfragen ist Rauschen), und Others und Difference sind leer, wenn es keine andere Gruppe gibt. Gruppen werden als Text ohne Randleerzeichen verglichen, mit Beachtung der Groß-/Kleinschreibung (42 und "42" sind eine Gruppe); Zeilen mit leerer Gruppe fallen weg; Gruppen ohne Antworten (etwa die Überschriftenzeile) erscheinen nicht; die meisten Antworten zuerst, bei Gleichstand in Code-Point-Reihenfolge. groups und die Antworten müssen gleich groß sein; scale_max und threshold wie bei CSAT und CES. Die Bewertungen werden gelesen wie von der Kennzahl (Wörter, Zahlen mit Beschriftung, Nicht-Antworten, die strenge Regel). Keine Gruppe mit Antwort: „keine Daten“.`,
    },
    example: '=GROUP_SIGNIFICANCE("CSAT", D2:D900, E2:E900) → Phone | 412 | 0.82 | 0.74 | 0.08 | TRUE ; …',
    source: 'Segment vs rest: unpooled z-test for NPS differences; pooled two-proportion z-test for CSAT/CES (as in NPS_TREND and CSAT_TREND)',
    impl: groupSignificance,
  },
];
