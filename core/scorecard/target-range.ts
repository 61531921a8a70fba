/**
 * The targets a manager may set for a KPI: a range in the unit the KPI is stored in (shares as
 * fractions). It is a fact of the KPI's definition — its unit's range below, or the definition's
 * own `targetRange` (a difference of two NPS) — carried to every surface in the KPI's info. The
 * sidebar's target field, the stored settings' check and the CLI's targets file all test a target
 * with inTargetRange and word the range here, so they accept and reject the same numbers. A KPI
 * laid out as a table takes no target at all (kpis.ts takesTarget): the sidebar shows no field for
 * it, and the settings and the targets file refuse a number for it, naming the KPI.
 */
import type { KpiUnit } from './definition.js';

/** Inclusive bounds in the KPI's stored unit; null: no bound (plain data: it crosses postMessage). */
export interface TargetRange {
  readonly min: number | null;
  readonly max: number | null;
}

/**
 * The range of each unit: points are NPS points (−100 … 100), shares fractions of one, durations and
 * counts not negative; money (a cash flow) and plain numbers may be anything.
 */
export const UNIT_TARGET_RANGES: Readonly<Record<KpiUnit, TargetRange>> = {
  points: { min: -100, max: 100 },
  share: { min: 0, max: 1 },
  hours: { min: 0, max: null },
  seconds: { min: 0, max: null },
  count: { min: 0, max: null },
  money: { min: null, max: null },
  number: { min: null, max: null },
};

export function inTargetRange(range: TargetRange, v: number): boolean {
  return (range.min === null || v >= range.min) && (range.max === null || v <= range.max);
}

type Lang = 'en' | 'de';

/**
 * How a target is typed: `percent` as in the sidebar (shares in percent, the typographic minus,
 * German decimal commas), `json` as in a targets file (shares as fractions, ASCII minus, English).
 */
export type TypedAs = 'percent' | 'json';

const WHAT: Readonly<Record<Lang, Readonly<Record<KpiUnit, string>>>> = {
  en: {
    share: 'a percentage', points: 'a number of points', hours: 'a number of hours', seconds: 'a number of seconds',
    count: 'a count', money: 'an amount', number: 'a number',
  },
  de: {
    share: 'einen Prozentwert', points: 'eine Punktzahl', hours: 'eine Stundenzahl', seconds: 'eine Sekundenzahl',
    count: 'eine Anzahl', money: 'einen Betrag', number: 'eine Zahl',
  },
};

function numberText(lang: Lang, typed: TypedAs, v: number): string {
  const s = String(v);
  if (typed === 'json') return s;
  return (lang === 'de' ? s.replace('.', ',') : s).replace(/^-/, '\u2212');
}

/** The range alone, as typed: "from −200 to 200", "0 or more", "" (no bound); shares in percent unless typed as JSON. */
export function rangeText(lang: Lang, unit: KpiUnit, range: TargetRange, typed: TypedAs = 'percent'): string {
  const scale = unit === 'share' && typed === 'percent' ? 100 : 1;
  const at = (v: number): string => numberText(lang, typed, v * scale);
  const { min, max } = range;
  if (min !== null && max !== null) return lang === 'de' ? `von ${at(min)} bis ${at(max)}` : `from ${at(min)} to ${at(max)}`;
  if (min !== null) return lang === 'de' ? `ab ${at(min)}` : `${at(min)} or more`;
  if (max !== null) return lang === 'de' ? `bis ${at(max)}` : `at most ${at(max)}`;
  return '';
}

/** What to type, e.g. "a number of points from −200 to 200"; in JSON a share is "a fraction from 0 to 1". */
export function targetRangeText(lang: Lang, unit: KpiUnit, range: TargetRange, typed: TypedAs = 'percent'): string {
  const what = unit === 'share' && typed === 'json' ? (lang === 'de' ? 'einen Anteil' : 'a fraction') : WHAT[lang][unit];
  const r = rangeText(lang, unit, range, typed);
  if (!r) return what;
  return lang === 'en' && range.max === null ? `${what}, ${r}` : `${what} ${r}`;
}

/** The message for a target outside its range (or no number), as the sidebar and the settings show it. */
export function targetRangeMessage(lang: Lang, unit: KpiUnit, range: TargetRange): string {
  const what = targetRangeText(lang, unit, range);
  return lang === 'de' ? `Geben Sie ${what} ein.` : `Enter ${what}.`;
}
