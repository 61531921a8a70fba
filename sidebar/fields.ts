/**
 * What the manager types ↔ what the engine takes. Shares are typed in percent (80 means 80 %) and
 * stored as fractions (0.8); NPS in points, durations in hours, everything else as is. Input
 * problems come back as a message key, never as an exception.
 */
import type { ScorecardKpiInfo } from '../core/scorecard/api.js';
import { isReportingDate } from '../core/scorecard/calendar-date.js';
import { LIMITS } from '../core/scorecard/settings.js';
import { inTargetRange, targetRangeMessage } from '../core/scorecard/target-range.js';
import { formatInputNumber, t } from './i18n.js';
import type { Lang, MessageKey } from './i18n.js';

export type KpiUnit = ScorecardKpiInfo['unit'];

export type FieldResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly message: string };

const SIMPLE = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/;
const GROUPED_EN = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const GROUPED_DE = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/**
 * A typed number: "80", "80 %", "0,8", "1.250,5" (German), "1,250.5" (English). Empty text is
 * `null` (no value); anything else that is not a number is `undefined`.
 */
export function parseNumberInput(lang: Lang, text: string): number | null | undefined {
  // Spaces (also no-break and narrow ones), a trailing % and the typographic minus are allowed.
  const s = text.replace(/[\s\u00a0\u202f]/g, '').replace(/%$/, '').replace(/^\u2212/, '-');
  if (s === '') return text.trim() === '' ? null : undefined;
  const grouped = lang === 'de' ? GROUPED_DE : GROUPED_EN;
  const group = lang === 'de' ? '.' : ',';
  // "1,250" in English and "1.250" in German are thousands; the other separator is the decimal mark.
  if (grouped.test(s)) return Number(s.split(group).join('').replace(',', '.'));
  if (SIMPLE.test(s)) return Number(s.replace(',', '.'));
  return undefined;
}

/** The unit shown after a target field. */
export function unitSuffix(lang: Lang, unit: KpiUnit): string {
  switch (unit) {
    case 'share': return '%';
    case 'points': return lang === 'de' ? 'Pkt.' : 'points';
    case 'hours': return lang === 'de' ? 'Std.' : 'hours';
    case 'seconds': return lang === 'de' ? 'Sek.' : 'seconds';
    default: return '';
  }
}

/** A stored target as the manager sees it in the field. */
export function targetText(lang: Lang, unit: KpiUnit, target: number | null): string {
  if (target === null || !Number.isFinite(target)) return '';
  return formatInputNumber(lang, unit === 'share' ? target * 100 : target);
}

function example(unit: KpiUnit): string {
  switch (unit) {
    case 'share': return '80';
    case 'points': return '30';
    case 'hours': return '24';
    case 'seconds': return '20';
    default: return '100';
  }
}

function fail(lang: Lang, key: MessageKey, params: Record<string, string> = {}): FieldResult<never> {
  return { ok: false, message: t(lang, key, params) };
}

/**
 * A typed target in the KPI's unit (shares as fractions), `null` for an empty field. It must lie in
 * the KPI's target range (from its definition), as the settings check and the CLI's targets file
 * demand, with the same message as the settings check.
 */
export function parseTarget(lang: Lang, info: Pick<ScorecardKpiInfo, 'unit' | 'targetRange'>, text: string): FieldResult<number | null> {
  const n = parseNumberInput(lang, text);
  if (n === null) return { ok: true, value: null };
  if (n === undefined || !Number.isFinite(n)) return fail(lang, 'errNumber', { example: example(info.unit) });
  // Round away binary noise: 57.3 / 100 must be 0.573, not 0.5729999999999999.
  const value = info.unit === 'share' ? Number((n / 100).toPrecision(12)) : n;
  if (!inTargetRange(info.targetRange, value)) return { ok: false, message: targetRangeMessage(lang, info.unit, info.targetRange) };
  return { ok: true, value };
}

/** The SLA field: hours, more than 0. */
export function parseSlaHours(lang: Lang, text: string): FieldResult<number> {
  const n = parseNumberInput(lang, text);
  if (n === null || n === undefined || !Number.isFinite(n) || n <= 0) return fail(lang, 'errSla');
  return { ok: true, value: n };
}

/** The service-level threshold: seconds, more than 0, at most an hour. */
export function parseServiceLevelSeconds(lang: Lang, text: string): FieldResult<number> {
  const n = parseNumberInput(lang, text);
  if (n === null || n === undefined || !Number.isFinite(n) || n <= 0 || n > LIMITS.maxServiceLevelSeconds) return fail(lang, 'errServiceLevel');
  return { ok: true, value: n };
}

/**
 * The reporting date as typed: `2026-10-31` or `31.10.2026` (day first, four-digit year) in either
 * language; empty is `null` (automatic). Stored as `YYYY-MM-DD`; other forms are refused, not guessed.
 */
export function parseReportingDate(lang: Lang, text: string): FieldResult<string | null> {
  const s = text.trim();
  if (s === '') return { ok: true, value: null };
  const de = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  const iso = de ? `${de[3]}-${de[2].padStart(2, '0')}-${de[1].padStart(2, '0')}` : s;
  return isReportingDate(iso) ? { ok: true, value: iso } : fail(lang, 'errDate');
}

/** A stored reporting date as the manager sees it: `2026-10-31`, in German `31.10.2026`. */
export function reportingDateText(lang: Lang, date: string | null): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : date;
}

/** A minimum of answers or tickets: a whole number from 0. */
export function parseMinimum(lang: Lang, text: string): FieldResult<number> {
  const n = parseNumberInput(lang, text);
  if (n === null || n === undefined || !Number.isInteger(n) || n < 0 || n > LIMITS.maxMinimum) {
    return fail(lang, 'errMinimum', { max: LIMITS.maxMinimum.toLocaleString(lang) });
  }
  return { ok: true, value: n };
}

/** Brand attributes typed as comma text: trimmed, empties and repeats dropped. */
export function parseBrandAttributes(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,;\n]/)) {
    const word = part.trim();
    const key = word.toLowerCase();
    if (word === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(word);
  }
  return out;
}

/**
 * A status list typed as comma text (the pause or resolved statuses of a status log): blank is
 * undefined (found from the status names); "none", "keine" or "-" is the empty list.
 */
export function parseStatusList(text: string): string[] | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (/^(none|keine|-)$/i.test(t)) return [];
  return parseBrandAttributes(t);
}
