/**
 * What a column's sample values hold, for detection: the core's own reading (profileColumn: dates
 * in every layout and their day/month order, rating words and their scale, durations, flags) plus
 * the sizes of its numbers, month labels and free text; whether that fits the values a role must
 * hold; and a short description of it for the evidence a user reads.
 */
import { authorOf } from '../../kpis/log-words.js';
import { slaVerdict } from '../../kpis/sla-flags.js';
import { profileColumn } from '../../values/profile.js';
import type { ColumnProfile } from '../../values/profile.js';
import { wallClock } from '../../values/clock.js';
import { parseDateText, parseNumberText } from '../../values/text.js';
import type { ValueType } from '../headers.js';
import type { SampleCell } from '../types.js';

const UTC = wallClock('UTC');
/** Serials below this are time values (0:02:14 is 0.00155), not dates. */
const TIME_VALUE_SERIAL = 1000;

/** Type agreement of a column without samples (a sheet with only headers): the header decides, a little less sure. */
const NO_SAMPLES = 0.8;

const MONTH_NAMES = new Set([
  'jan', 'january', 'januar', 'jänner', 'feb', 'february', 'februar', 'mar', 'march', 'mär', 'märz', 'maerz', 'apr', 'april',
  'may', 'mai', 'jun', 'june', 'juni', 'jul', 'july', 'juli', 'aug', 'august', 'sep', 'sept', 'september', 'oct', 'october',
  'okt', 'oktober', 'nov', 'november', 'dec', 'december', 'dez', 'dezember',
]);
const MONTH_LABEL = /^(?:\d{4}-(?:0[1-9]|1[0-2])|(?:0?[1-9]|1[0-2])[./]\d{4}|\d{4}-?[qQ][1-4]|[qQ][1-4][ /-]?\d{4}|\d{4}-W\d{2})$/;
const MONTH_NAME_LABEL = /^(\p{L}+)\.?\s+(?:\d{4}|'?\d{2})$/u;

/** What a column's samples hold. */
export interface SampleProfile {
  readonly core: ColumnProfile;
  /** Non-blank samples that are not error values or survey non-answers. */
  readonly n: number;
  /** Numbers and plain numeric text, as values. */
  readonly nums: readonly number[];
  /** Month labels (2026-03, März 2026) that are not dates. */
  readonly months: number;
  /** SLA verdict words (Within SLA, SLA Violated). */
  readonly verdicts: number;
  /** Other text of several words (free text rather than names or codes). */
  readonly longText: number;
  /** Distinct texts among the other text (names, categories). */
  readonly distinctText: number;
  /** Time values written as date text of 30 Dec 1899 (how the CLI samples a 0:02:14 cell): durations, not dates. */
  readonly timeValues: number;
  /** Author words of message logs (customer, agent, note …). */
  readonly authorWords: number;
}

function isMonthLabel(t: string): boolean {
  if (MONTH_LABEL.test(t)) return true;
  const m = MONTH_NAME_LABEL.exec(t);
  return m !== null && MONTH_NAMES.has(m[1].toLowerCase());
}

export function profileSamples(samples: readonly SampleCell[]): SampleProfile {
  const core = profileColumn(samples);
  const nums: number[] = [];
  let months = 0, verdicts = 0, longText = 0, timeValues = 0, authorWords = 0;
  const texts = new Set<string>();
  for (const v of samples) {
    if (typeof v === 'number') {
      nums.push(v);
      continue;
    }
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t === '') continue;
    const num = parseNumberText(t);
    if (typeof num === 'number') { nums.push(num); continue; }
    if (isMonthLabel(t)) { months++; continue; }
    const serial = parseDateText(t, UTC);
    if (typeof serial === 'number' && serial >= 0 && serial < TIME_VALUE_SERIAL) { timeValues++; continue; }
    if (slaVerdict(t) !== undefined) { verdicts++; continue; }
    texts.add(t.toLowerCase());
    if (authorOf(t) !== undefined) authorWords++;
    if (t.length >= 25 || t.split(/\s+/).length >= 3) longText++;
  }
  // Month labels are "other text" to the core; they are counted on their own here.
  return { core, n: core.cells - core.errors - core.nonAnswers, nums, months, verdicts, longText, distinctText: texts.size, timeValues, authorWords };
}

const count = (xs: readonly number[], ok: (x: number) => boolean): number => {
  let k = 0;
  for (const x of xs) if (ok(x)) k++;
  return k;
};

/** Excel serials of the years 1954–2119: how dates arrive from Excel. */
const isSerialLike = (x: number): boolean => x >= 20_000 && x <= 80_000;

/** Other text that is neither a month label nor an SLA word: names, codes, free text. */
const plainText = (p: SampleProfile): number => Math.max(0, p.core.otherText - p.months - p.verdicts);

/**
 * The share of samples fitting a value type, 0 when fewer than half fit (a veto): a date role
 * needs dates, a score role whole 0–10 numbers, a flag yes/no values.
 */
export function typeAgreement(type: ValueType, p: SampleProfile): number {
  if (p.n <= 0) return NO_SAMPLES;
  const { nums, core } = p;
  const dates = Math.max(0, core.textDates + core.dateObjects - p.timeValues);
  let fit: number;
  switch (type) {
    case 'date': fit = dates + 0.85 * count(nums, isSerialLike); break;
    case 'period': fit = dates + p.months + 0.85 * count(nums, isSerialLike); break;
    case 'nps': fit = count(nums, (x) => Number.isInteger(x) && x >= 0 && x <= 10) + core.numbersWithLabels; break;
    case 'rating': fit = count(nums, (x) => x >= 0 && x <= 10 && Number.isInteger(x * 2)) + core.numbersWithLabels + (core.labelScale ? core.ratingWords : 0); break;
    case 'text': fit = plainText(p) + core.flags + 0.5 * nums.length; break;
    case 'id': fit = plainText(p) + nums.length; break;
    case 'name': fit = plainText(p); break;
    case 'flag': fit = core.flags + count(nums, (x) => x === 0 || x === 1) + p.verdicts; break;
    case 'flagOrCount': fit = core.flags + count(nums, (x) => x >= 0 && Number.isInteger(x)); break;
    case 'count':
      fit = count(nums, (x) => x >= 0);
      if (count(nums, Number.isInteger) < nums.length) fit *= 0.85;
      break;
    case 'amount': fit = nums.length; break;
    case 'points': fit = count(nums, (x) => x >= -100 && x <= 100); break;
    case 'share': fit = count(nums, (x) => x >= 0 && x <= 100) + core.percentText; break;
    case 'hours': fit = count(nums, (x) => x >= 0); break;
    // Names, or codes (ServiceNow's state 1–8) counted a little less: a sequence number is no status.
    case 'status': fit = plainText(p) + 0.75 * count(nums, (x) => Number.isInteger(x) && x >= 0 && x < 100); break;
    case 'author': fit = p.authorWords; break;
    case 'duration': fit = core.textDurations + p.timeValues + count(nums, (x) => x >= 0); break;
  }
  const a = fit / p.n;
  return a < 0.5 ? 0 : Math.min(1, a);
}

/** Whole numbers 0–10 reaching above 5: a 0–10 scale (NPS); 1–5 or 1–4 ratings otherwise. */
export function scaleOfNumbers(p: SampleProfile): { readonly whole: boolean; readonly min: number; readonly max: number } | undefined {
  if (p.nums.length === 0 || p.nums.length < 0.8 * p.n) return undefined;
  let min = Infinity, max = -Infinity, whole = true;
  for (const x of p.nums) {
    if (x < min) min = x;
    if (x > max) max = x;
    if (!Number.isInteger(x)) whole = false;
  }
  return { whole, min, max };
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** What the samples hold, in a few words for the evidence (`dates (text, day first)`, `whole numbers 0–10`). */
export function describeValues(p: SampleProfile): string {
  const { core } = p;
  if (p.n === 0) return 'no values';
  const parts: string[] = [];
  const dates = core.textDates + core.dateObjects;
  if (dates > 0) {
    const order = core.dateOrder === 'dmy' ? ', day first' : core.dateOrder === 'mdy' ? ', month first' : core.dateOrder === 'both' ? ', both day and month first' : '';
    parts.push(`${plural(dates, 'date')}${order}`);
  }
  const s = scaleOfNumbers(p);
  if (s) parts.push(`${s.whole ? 'whole numbers' : 'numbers'} ${fmt(s.min)}–${fmt(s.max)}`);
  else if (p.nums.length > 0) parts.push(plural(p.nums.length, 'number'));
  if (core.ratingWords > 0) parts.push(core.labelScale ? `rating words of the ${core.labelScale.name} scale` : 'rating words of no single scale');
  if (core.numbersWithLabels > 0) parts.push(plural(core.numbersWithLabels, 'number with a label', 'numbers with labels'));
  if (core.textDurations > 0) parts.push(plural(core.textDurations, 'duration'));
  if (core.flags > 0) parts.push(plural(core.flags, 'yes/no value'));
  if (p.verdicts > 0) parts.push(plural(p.verdicts, 'SLA verdict'));
  if (p.months > 0) parts.push(plural(p.months, 'month label'));
  if (core.percentText > 0) parts.push(plural(core.percentText, 'percentage'));
  const text = plainText(p);
  if (text > 0) parts.push(p.longText >= 0.5 * text ? plural(text, 'free text') : plural(text, 'text'));
  if (core.nonAnswers > 0) parts.push(plural(core.nonAnswers, 'non-answer'));
  return `${parts.join(', ')} in ${plural(core.cells, 'sample')}`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Math.round(x * 100) / 100);
}
