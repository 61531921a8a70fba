/**
 * Numbers as people read them, by the KPI's unit, for the terminal table and the HTML report
 * (the .xlsx carries the plan's own number formats): shares as percentages, NPS in points,
 * durations in hours, money and counts with thousands separators.
 */
import type { KpiSummary } from '../core/scorecard/types.js';
import { shorten } from '../core/safe-text.js';

export type Language = 'en' | 'de';

const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(language: Language, digits: number, grouping = true): Intl.NumberFormat {
  const key = `${language}:${digits}:${grouping}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-US', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
      useGrouping: grouping,
    });
    formatters.set(key, f);
  }
  return f;
}

/** A KPI value in its unit: `45.0`, `67.7 %`, `23.9 h`, `1,234.56`, `150`; `–` when there is none. */
export function formatValue(v: number | string | '' | null | undefined, unit: string, language: Language = 'en'): string {
  if (v === '' || v === null || v === undefined) return '–';
  // Text from the data (the top brand term) is shown like quoted text: at most 40 characters.
  if (typeof v === 'string') return shorten(v);
  if (!Number.isFinite(v)) return '–';
  switch (unit) {
    case 'share': return `${numberFormat(language, 1).format(v * 100)} %`;
    case 'points': return numberFormat(language, 1).format(v);
    case 'hours': return `${numberFormat(language, 1).format(v)} h`;
    case 'seconds': return `${numberFormat(language, 1).format(v)} s`;
    case 'money': return numberFormat(language, 2).format(v);
    case 'count': return numberFormat(language, Number.isInteger(v) ? 0 : 1).format(v);
    default: return numberFormat(language, Number.isInteger(v) ? 0 : 2).format(v);
  }
}

/** A cell of a table KPI by its sheet number format (`0`, `0.0`, `0.0%`, `@`): `12`, `3.4`, `25.0 %`; text as it is. */
export function formatCell(v: number | string | boolean, format: string, language: Language = 'en'): string {
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return '–';
  const digits = /\.(0+)/.exec(format)?.[1].length ?? 0;
  return format.endsWith('%') ? `${numberFormat(language, digits).format(v * 100)} %` : numberFormat(language, digits).format(v);
}

/** A confidence interval `61.2 – 74.0 %`, or '' when the KPI has none. */
export function formatInterval(s: Pick<KpiSummary, 'ciLow' | 'ciHigh' | 'unit'>, language: Language = 'en'): string {
  if (s.ciLow === undefined || s.ciHigh === undefined || !Number.isFinite(s.ciLow) || !Number.isFinite(s.ciHigh)) return '';
  const low = formatValue(s.ciLow, s.unit, language);
  const high = formatValue(s.ciHigh, s.unit, language);
  // One unit sign at the end: `61.2 – 74.0 %`.
  const sign = / (%|h|s)$/.exec(high)?.[0] ?? '';
  return `${sign ? low.slice(0, -sign.length) : low} – ${high}`;
}

/** A count such as n: `1,200`. */
export function formatCount(n: number | undefined, language: Language = 'en'): string {
  return n === undefined || !Number.isFinite(n) ? '' : numberFormat(language, 0).format(n);
}

const STATUS_WORDS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  en: { green: 'green', amber: 'amber', red: 'red', 'too-few': 'too few', 'to-date': 'to date, incomplete' },
  de: { green: 'grün', amber: 'gelb', red: 'rot', 'too-few': 'zu wenige', 'to-date': 'bisher, unvollständig' },
};

/** A status word as shown to people (the data keeps the English words formulas test). */
export function statusWord(status: string, language: Language = 'en'): string {
  return STATUS_WORDS[language][status] ?? status;
}

/** A KPI's status as shown to people: `green`, `too few (6)` (the answers or tickets its period holds), '' when none. */
export function statusText(s: Pick<KpiSummary, 'status' | 'tooFew'>, language: Language = 'en'): string {
  if (s.status === 'too-few') return `${statusWord(s.status, language)} (${formatCount(s.tooFew, language)})`;
  return s.status === '' ? '' : statusWord(s.status, language);
}
