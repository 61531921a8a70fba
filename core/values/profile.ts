/**
 * What a column holds, as the core's readers would read it — for the scorecard and the command
 * line, which must know whether a KPI over a column can be a native spreadsheet formula (COUNTIFS
 * and SUMIFS read numbers and real dates only) or must be written as values, and which day/month
 * order a column of date text shows. One pass over plain cells; no KPI call, no errors thrown.
 */
import type { DateOrder } from './date-text.js';
import { orderEvidence, scanDateText } from './date-text.js';
import { parseDurationText } from './duration-text.js';
import { flagOfText } from './flags.js';
import { errorCode, isDateObject, NOT_PLAIN, plainValue } from './grid.js';
import { classifyRatingText, LABEL_SCALES } from './ratings.js';
import type { LabelScale } from './ratings.js';
import { isErrorText, parseNumberText } from './text.js';

export interface ColumnProfile {
  /** Non-blank cells. */
  readonly cells: number;
  /** Numbers and plain numeric text. */
  readonly numbers: number;
  /** Numeric text with a trailing % (94.01%). */
  readonly percentText: number;
  /** Date objects (Sheets date cells). */
  readonly dateObjects: number;
  /** Date text in any layout the core reads. */
  readonly textDates: number;
  /** Numeric d/m/y or m/d/y text, whose order the call decides. */
  readonly orderDependentDates: number;
  /** The order the column's date text shows: `dmy`, `mdy`, `both` (an error in a KPI), or undefined (none). */
  readonly dateOrder: DateOrder | 'both' | undefined;
  /** Rating words of the listed scales. */
  readonly ratingWords: number;
  /** The smallest listed scale holding all rating words; undefined without words, null when no one scale holds them all. */
  readonly labelScale: LabelScale | null | undefined;
  /** Numbers followed by a label (`10 - Extremely likely`). */
  readonly numbersWithLabels: number;
  /** Survey non-answers (Offered, Not offered, n/a …). */
  readonly nonAnswers: number;
  /** Duration text (0:02:14, 3h 20m, PT3H20M). */
  readonly textDurations: number;
  /** Yes/no words and booleans. */
  readonly flags: number;
  /** Error cells. */
  readonly errors: number;
  /** Other text (headers, free text). */
  readonly otherText: number;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The profile of a column (`[[a], [b]]` or `[a, b]`). */
export function profileColumn(cells: readonly unknown[]): ColumnProfile {
  let n = 0, numbers = 0, percentText = 0, dateObjects = 0, textDates = 0, orderDependentDates = 0, ratingWords = 0;
  let numbersWithLabels = 0, nonAnswers = 0, textDurations = 0, flags = 0, errors = 0, otherText = 0;
  let dayFirst = false, monthFirst = false;
  let scales = (1 << LABEL_SCALES.length) - 1;
  for (const raw of cells) {
    let v = Array.isArray(raw) ? raw[0] : raw;
    if (typeof v === 'object' && v !== null && !isDateObject(v) && !errorCode(v)) {
      const p = plainValue(v);
      if (p !== NOT_PLAIN) v = p;
    }
    if (isBlank(v)) continue;
    n++;
    if (typeof v === 'number') { numbers++; continue; }
    if (typeof v === 'boolean') { flags++; continue; }
    if (isDateObject(v)) { dateObjects++; continue; }
    if (typeof v !== 'string') { errors++; continue; }
    const t = v.trim();
    if (isErrorText(t)) { errors++; continue; }
    const num = parseNumberText(t);
    if (num !== undefined) { numbers++; continue; }
    if (/^[+-]?\d[\d.,]*\s*%$/.test(t)) { percentText++; continue; }
    if (flagOfText(t) >= 0) { flags++; continue; }
    const d = scanDateText(t);
    if (d !== undefined && !('problem' in d)) {
      textDates++;
      if (d.orderDependent) {
        orderDependentDates++;
        const e = orderEvidence(d);
        if (e === 1) dayFirst = true;
        else if (e === 2) monthFirst = true;
      }
      continue;
    }
    const r = classifyRatingText(t);
    if (r.kind === 'number') { numbersWithLabels++; continue; }
    if (r.kind === 'non-answer') { nonAnswers++; continue; }
    if (r.kind === 'label') {
      ratingWords++;
      let mask = 0;
      LABEL_SCALES.forEach((s, i) => { if (s.words.some((ws) => ws.includes(r.word))) mask |= 1 << i; });
      scales &= mask;
      continue;
    }
    if (typeof parseDurationText(t) === 'number') { textDurations++; continue; }
    otherText++;
  }
  let labelScale: LabelScale | null | undefined;
  if (ratingWords > 0) {
    labelScale = null;
    for (let i = 0; i < LABEL_SCALES.length; i++) if (scales & (1 << i)) { labelScale = LABEL_SCALES[i]; break; }
  }
  return {
    cells: n, numbers, percentText, dateObjects, textDates, orderDependentDates,
    dateOrder: dayFirst && monthFirst ? 'both' : dayFirst ? 'dmy' : monthFirst ? 'mdy' : undefined,
    ratingWords, labelScale, numbersWithLabels, nonAnswers, textDurations, flags, errors, otherText,
  };
}

/**
 * True when only the core reads the column as a KPI must: native COUNTIFS/SUMIFS cannot read date
 * text, rating words, numbers with labels, duration text or % text (a scorecard then writes the
 * KPI as values with a note naming the column, unless its own copy stores real dates and numbers).
 */
export function needsCoreReading(p: ColumnProfile): boolean {
  return p.textDates > 0 || p.ratingWords > 0 || p.numbersWithLabels > 0 || p.textDurations > 0 || p.percentText > 0;
}
