/**
 * What the KPI definitions share for the kinds of columns exports carry besides timestamp pairs:
 * durations (AVG_DURATION/MEDIAN_DURATION over `First reply time in minutes`), a satisfaction
 * column's scale (from its words, its header or its data), per-row Yes/No lists (a churn column
 * per customer, an attrition column per employee) and the n of yes/no flag shares.
 */
import type { FlagShareName } from '../kpis/flag-count.js';
import { MS_PER_INPUT_UNIT } from '../values/duration-values.js';
import type { InputUnit } from '../values/duration-values.js';
import type { FactSource, KpiFacts, LiveArgs, Series } from './definition.js';
import { fn, str } from './formula.js';
import { flagCount, isSet, MS_PER_HOUR } from './measure.js';
import type { Measures, RowRule } from './measure.js';
import type { Role } from './roles.js';
import type { Expr } from './types.js';

// ------------------------------------------------------------------ durations

/** The unit of a duration column (its values, its header or the export's layout); text durations carry their own. */
export function durationFacts(role: Role): (d: FactSource) => Partial<KpiFacts> {
  return (d) => {
    const p = d.profile(role);
    const text = p !== undefined && p.textDurations > 0 && p.numbers === 0;
    return { durationUnit: d.unit(role), ...(text ? { durationText: true } : {}) };
  };
}

/** AVG_DURATION and MEDIAN_DURATION reject a negative duration, naming it. */
export const NOT_NEGATIVE_DURATION = (role: Role): RowRule => ({
  kind: 'range', role, min: 0, max: Infinity,
  reason: { en: 'a duration is negative', de: 'eine Dauer ist negativ' },
});

/**
 * The mean of a duration column in hours as AVG_DURATION computes it (Σ ms ÷ n ÷ 3 600 000); null
 * for units the catalog rounds cell by cell to whole milliseconds (time values, days).
 */
export function meanDurationHours<M>(m: Measures<M>, role: Role, unit: InputUnit): M | null {
  if (unit === 'time' || unit === 'days') return null;
  return m.orBlank(m.div(m.div(m.mul(m.sum(role), m.num(MS_PER_INPUT_UNIT[unit])), m.count(isSet(role))), m.num(MS_PER_HOUR)));
}

// ------------------------------------------------------------------ satisfaction scales

/** A scale stated in a header: `(1-4)`, `1–5`, `0 to 10`, `out of 5`, `/5`, `von 5`. */
export function scaleOfHeader(header: string): number | undefined {
  const range = /(?:^|[^\d.,])[01]\s*(?:-|–|—|to|bis)\s*(\d{1,3})(?:$|[^\d])/i.exec(header);
  if (range) return Number(range[1]);
  const of = /(?:out of|of|von|\/)\s*(\d{1,3})\b/i.exec(header);
  return of ? Number(of[1]) : undefined;
}

/** Ratings needed before a column whose top rating is 4 is read as a 1–4 scale (fewer: a 1–5 survey nobody gave 5). */
export const FOUR_POINT_MIN_RATINGS = 30;

/**
 * The satisfaction scale: a word scale's steps (Good/Bad: 2), else the scale the header states,
 * else the smallest usual one holding every rating (4 only with enough ratings, then 5, 7, 10, 100).
 */
export function csatFacts(d: FactSource): Partial<KpiFacts> {
  const p = d.profile('satisfaction');
  if (p?.labelScale) return { csatScale: p.labelScale.k, csatWords: true };
  const v = d.numbers('satisfaction');
  let max = 0, n = 0;
  if (v) for (let i = 0; i < v.length; i++) if (v[i] === v[i]) { n++; if (v[i] > max) max = v[i]; }
  const stated = scaleOfHeader(d.header('satisfaction'));
  if (stated !== undefined && stated >= 2 && stated >= max) return { csatScale: stated };
  if (max <= 4 && n >= FOUR_POINT_MIN_RATINGS) return { csatScale: 4 };
  return { csatScale: max <= 5 ? 5 : max <= 7 ? 7 : max <= 10 ? 10 : 100 };
}

// ------------------------------------------------------------------ Yes/No lists

/** The number of rows a list's Yes/No column has a value in (its customers or employees). */
export const rowsOf = (a: LiveArgs, role: Role): Expr => fn('COUNTA', a.col(role));


// ------------------------------------------------------------------ flag shares

/**
 * n of a share of yes flags (FIRST_CONTACT_RESOLUTION, REOPEN_RATE, CONVERSION_RATE): per period
 * the cells the function read as a yes or a no, as it reads them — FLAG_COUNT live, natively the
 * share's denominator (yes + no).
 */
export function flagShareCount(role: Role, share: FlagShareName): Series {
  return {
    live: (a) => ({ table: a.byPeriod('FLAG_COUNT', a.col(role), str(share)), column: 2 }),
    native: (m) => flagCount(m, role),
  };
}
