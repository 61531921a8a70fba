/**
 * Ratings and scores as survey exports write them (catalog v3): numbers, numbers with a label
 * (`4 - Satisfied`, `10 - Extremely likely`, `9 (sehr wahrscheinlich)`), rating words on the listed
 * scales (Zendesk's Bad/Good, Freshdesk's Not good/Just okay/Awesome, Help Scout's Not good/Okay/
 * Great, unhappy/neutral/happy, the 5-point satisfaction scale, Delighted's agreement scales, in
 * English and German), and survey non-answers (`Offered`, `Not offered`, `No rating` …) as blanks.
 *
 * The strict rule: in a rating or score argument, text below the first non-blank cell that is none
 * of these is an error naming it — a rating is never dropped silently. The label scale of a call is
 * the smallest listed scale holding all its labels, decided once over all rating arguments.
 */
import { valueError } from '../errors.js';
import type { CellPlace } from '../errors.js';
import type { CallContext } from './context.js';
import { cellAt, describeValue, errorCode, isDateObject, NOT_PLAIN, plainValue, placeOf, sameGrid, toGrid } from './grid.js';
import type { Grid } from './grid.js';
import { cellError } from './read.js';
import { isErrorText, parseNumericText } from './text.js';

/** Held once: a global lookup per cell is slow inside a Node vm context (see read.ts). */
const NAN = Number.NaN;

export interface LabelScale {
  /** Number of points k: labels take the values 1…k. */
  readonly k: number;
  /** How the scale is named in messages and help: `2-point (Bad, Good)`. */
  readonly name: string;
  /** The words of each value 1…k (English first, then German), lower case. */
  readonly words: readonly (readonly string[])[];
}

function scale(name: string, words: readonly (readonly string[])[]): LabelScale {
  return { k: words.length, name: `${words.length}-point (${words.map((w) => cap(w[0])).join(', ')})`, words };
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** The listed scales, smallest first (the order that decides between scales holding the same labels). */
export const LABEL_SCALES: readonly LabelScale[] = [
  scale('zendesk', [['bad', 'schlecht'], ['good', 'gut']]),
  scale('freshdesk', [['not good'], ['just okay', 'just ok'], ['awesome']]),
  scale('helpscout', [['not good'], ['okay', 'ok'], ['great']]),
  scale('happy', [['unhappy'], ['neutral'], ['happy']]),
  scale('satisfaction', [
    ['very dissatisfied', 'sehr unzufrieden'], ['dissatisfied', 'unzufrieden'],
    ['neutral', 'neither satisfied nor dissatisfied', 'weder zufrieden noch unzufrieden'], ['satisfied', 'zufrieden'], ['very satisfied', 'sehr zufrieden'],
  ]),
  scale('agreement5', [
    ['strongly disagree', 'stimme überhaupt nicht zu'], ['disagree', 'stimme nicht zu'], ['neither agree nor disagree', 'weder noch'],
    ['agree', 'stimme zu'], ['strongly agree', 'stimme voll und ganz zu'],
  ]),
  scale('agreement7', [
    ['strongly disagree', 'stimme überhaupt nicht zu'], ['disagree', 'stimme nicht zu'], ['somewhat disagree', 'stimme eher nicht zu'],
    ['neither agree nor disagree', 'weder noch'], ['somewhat agree', 'stimme eher zu'], ['agree', 'stimme zu'], ['strongly agree', 'stimme voll und ganz zu'],
  ]),
];

/** Label word → the scales holding it (indices into LABEL_SCALES) and its value on each. */
const LABELS = new Map<string, { readonly scale: number; readonly value: number }[]>();
LABEL_SCALES.forEach((s, si) => s.words.forEach((ws, v) => ws.forEach((w) => {
  let list = LABELS.get(w);
  if (!list) LABELS.set(w, (list = []));
  list.push({ scale: si, value: v + 1 });
})));

/**
 * Survey non-answers, read as blanks. `offered`: the survey was sent and not answered; `not offered`:
 * it was never sent (only RESPONSE_RATE tells them apart). Besides the catalog's list, the usual
 * "no answer" marks of survey tools (n/a, keine Angabe) are non-answers too.
 */
const NON_ANSWERS: ReadonlyMap<string, 'offered' | 'not offered'> = new Map([
  ['offered', 'offered'], ['angeboten', 'offered'], ['no rating', 'offered'], ['keine bewertung', 'offered'],
  ['n/a', 'offered'], ['n.a.', 'offered'], ['k. a.', 'offered'], ['k.a.', 'offered'], ['keine angabe', 'offered'],
  ['no answer', 'offered'], ['keine antwort', 'offered'],
  ['not offered', 'not offered'], ['unoffered', 'not offered'], ['nicht angeboten', 'not offered'],
] as const);

/** Lower case, inner spaces collapsed, a trailing `.` or `!` dropped: `Just  Okay!` → `just okay`. */
function normal(t: string): string {
  const low = t.toLowerCase().replace(/\s+/g, ' ');
  return /[!.]$/.test(low) && !/^(?:n\.a|k\. ?a)\.$/.test(low) ? low.slice(0, -1) : low;
}

/** A number followed by a label: `4 - Satisfied`, `10 - Extremely likely`, `9 (sehr wahrscheinlich)`, `5: Very satisfied`. */
const NUMBER_WITH_LABEL = /^([+-]?\d+(?:[.,]\d+)?)\s*(?:[-–—:=|)]\s*|\(\s*|\s+)([^\d\s][^\d]*?)\)?$/u;

/** What a text cell of a rating or score argument is. */
export type RatingText =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'label'; readonly word: string }
  | { readonly kind: 'non-answer'; readonly offered: boolean }
  | { readonly kind: 'error' }
  | { readonly kind: 'problem'; readonly problem: string }
  | { readonly kind: 'other' };

/**
 * The classifier for one trimmed, non-blank text of a rating or score column: error text, a number
 * (numeric text, or a number with a label), a label word of a listed scale, a non-answer, a problem
 * (`1,234`), or other text (a header, or an error below it). For CSAT, CES, RESPONSE_RATE,
 * GROUP_SIGNIFICANCE and the NPS family alike.
 */
export function classifyRatingText(t: string): RatingText {
  if (isErrorText(t)) return { kind: 'error' };
  const n = parseNumericText(t);
  if (typeof n === 'number') return { kind: 'number', value: n };
  if (n !== undefined) return { kind: 'problem', problem: n.problem };
  const c = t.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45) {
    const m = NUMBER_WITH_LABEL.exec(t);
    if (m && /\p{L}/u.test(m[2])) {
      const v = parseNumericText(m[1]);
      if (typeof v === 'number') return { kind: 'number', value: v };
    }
    return { kind: 'other' };
  }
  const w = normal(t);
  if (LABELS.has(w)) return { kind: 'label', word: w };
  const na = NON_ANSWERS.get(w);
  if (na) return { kind: 'non-answer', offered: na === 'offered' };
  return { kind: 'other' };
}

/** The value of `word` on `scale` (1…k), or 0 when the scale does not hold it. */
export function labelValue(scale: LabelScale, word: string): number {
  const list = LABELS.get(word);
  const si = LABEL_SCALES.indexOf(scale);
  const e = list?.find((x) => x.scale === si);
  return e ? e.value : 0;
}

const isBlankCell = (v: unknown): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null && !errorCode(v) && !isDateObject(v)) {
    const p = plainValue(v);
    if (typeof p === 'string') return p;
  }
  return undefined;
}

/**
 * The call's label scale: the smallest listed scale holding every label of every rating argument
 * (and of `g`, the range being read). null when there is no label. Decided once, then kept.
 */
export function callLabelScale(ctx: CallContext, g: Grid, arg: string | undefined): LabelScale | null {
  const scope = ctx.scope;
  if (scope.labels) return scope.labels;
  let candidates = (1 << LABEL_SCALES.length) - 1;
  let first: { word: string; where: CellPlace; text: string } | undefined;
  let seen = 0;
  const look = (grid: Grid, name: string | undefined): void => {
    const n = grid.rows * grid.cols;
    let last = '';
    for (let i = 0; i < n; i++) {
      const raw = textOf(cellAt(grid, i));
      if (raw === undefined || raw === last) continue;
      last = raw;
      const t = raw.trim();
      if (t === '') continue;
      const c = t.charCodeAt(0);
      if ((c >= 48 && c <= 57) || c === 35) continue;
      const w = normal(t);
      const list = LABELS.get(w);
      if (!list) continue;
      let mask = 0;
      for (const e of list) mask |= 1 << e.scale;
      seen++;
      if ((candidates & mask) === 0) {
        const where = placeOf(grid, i, name);
        throw valueError(ctx.fn, `${describeValue(first!.text)} at ${first!.where.text} and ${describeValue(t)} at ${where.text} are words of different rating scales; ${SCALES_HELP}`, [first!.where, where]);
      }
      candidates &= mask;
      if (!first) first = { word: w, where: placeOf(grid, i, name), text: t };
    }
  };
  let seenCurrent = false;
  for (const s of scope.ratingSources) {
    const grid = toGrid(s.value);
    if (sameGrid(grid, g)) seenCurrent = true;
    look(grid, s.name);
  }
  if (!seenCurrent) look(g, arg);
  if (seen === 0) {
    scope.labels = null;
    return null;
  }
  let chosen = 0;
  while (!(candidates & (1 << chosen))) chosen++;
  scope.labels = LABEL_SCALES[chosen];
  return scope.labels;
}

export const SCALES_HELP = 'rating words are read on one of these scales: Bad, Good (schlecht, gut); Not good, Just okay, Awesome; Not good, Okay, Great; Unhappy, Neutral, Happy; Very dissatisfied … Very satisfied (sehr unzufrieden … sehr zufrieden); Strongly disagree … Strongly agree (stimme überhaupt nicht zu … stimme voll und ganz zu)';

/** Thrown when a label turns up in a tally whose scale was set without labels: the caller reruns with the call's scale. */
export const RESCALE: unique symbol = Symbol('rating labels change the scale');

/**
 * Reads the cells of one rating or score range that are not finite numbers, keeping what the strict
 * rule needs (whether the header was seen) and a cache of texts already read (a label column holds
 * a handful of distinct words). `labels` says which scale the caller's rule was built for: a label
 * cell of any other scale throws RESCALE (once per call), NaN is a blank or the header.
 */
export class RatingCells {
  private header = false;
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly ctx: CallContext,
    private readonly grid: Grid,
    private readonly arg: string | undefined,
    /** `ratings` read label words; `scores` (NPS) only numbers, numbers with labels and non-answers. */
    private readonly reads: 'ratings' | 'scores',
    /** The label scale the caller's rule was built for (null: none), checked when a label is met. */
    private readonly labels: LabelScale | null,
    /** The message for text that is no rating (`is not a score from 0 to 10`). */
    private readonly notA: string,
  ) {}

  value(i: number, v: unknown): number {
    if (v === null || v === undefined || typeof v === 'boolean') return NAN;
    if (typeof v === 'string') return this.text(i, v);
    if (typeof v === 'number') return v - v === 0 ? v : cellError(this.ctx, this.grid, i, 'is not a finite number', this.arg);
    if (isDateObject(v)) {
      const ms = v.getTime();
      if (ms - ms !== 0) return cellError(this.ctx, this.grid, i, 'is not a valid date', this.arg);
      return this.ctx.clock.serialOfInstant(ms);
    }
    if (errorCode(v)) return cellError(this.ctx, this.grid, i, 'is an error value', this.arg);
    const p = plainValue(v);
    if (p !== NOT_PLAIN) return this.value(i, p);
    return cellError(this.ctx, this.grid, i, 'is not a value this function reads', this.arg);
  }

  private text(i: number, v: string): number {
    const hit = this.cache.get(v);
    if (hit !== undefined) return hit;
    const t = v.trim();
    if (t === '') return NAN;
    const r = classifyRatingText(t);
    let out: number;
    switch (r.kind) {
      case 'number': out = r.value; break;
      case 'non-answer': out = NAN; break;
      case 'error': return cellError(this.ctx, this.grid, i, 'is an error value', this.arg);
      case 'problem': return cellError(this.ctx, this.grid, i, r.problem, this.arg);
      case 'label':
        if (this.reads === 'ratings') {
          const scale = callLabelScale(this.ctx, this.grid, this.arg);
          if (scale !== this.labels) throw RESCALE;
          out = labelValue(scale!, r.word);
          if (out === 0) return cellError(this.ctx, this.grid, i, `is not a word of the ${scale!.name} scale of the other ratings`, this.arg);
          break;
        }
        return this.other(i);
      default:
        return this.other(i);
    }
    this.cache.set(v, out);
    return out;
  }

  /** Text that is no rating: the header when it is the first non-blank cell, else an error naming it. */
  private other(i: number): number {
    if (!this.header) {
      this.header = true;
      let blankAbove = true;
      for (let j = 0; j < i && blankAbove; j++) blankAbove = isBlankCell(cellAt(this.grid, j));
      if (blankAbove) return NAN;
    }
    const hint = this.reads === 'ratings' ? `; ${SCALES_HELP}, or numbers` : '';
    return cellError(this.ctx, this.grid, i, `${this.notA}${hint}`, this.arg);
  }
}
