/**
 * The vocabulary a KPI definition states its native value in: counts, sums and durations over the
 * rows of a period (or of all rows, or at a moment), combined with plain arithmetic. A definition
 * never names a spreadsheet function; a renderer turns the vocabulary into one dialect. Today there
 * is one renderer, the spreadsheet's native formulas (portable.ts: COUNTIFS, SUMIFS, SUMPRODUCT …);
 * a data-warehouse renderer would implement `Measures<string>` with SQL aggregates
 * (`SUM(CASE WHEN … THEN 1 END)`) and the KPI definitions would not change.
 *
 * Conditions (`Where`) name a role's column and a test; a measure's rows are the rows of its scope
 * (the period by the KPI's date role, all rows, or — for stocks — none restricted) meeting all of
 * them. Rows the catalog function would reject are not the vocabulary's business: they are the
 * definition's `rules` (RowRule), which every renderer turns into the function's error.
 */
import type { InputUnit } from '../values/duration-values.js';
import type { Role } from './roles.js';

/** The moment a stock is taken at (a period's end, or "now"), as the renderer writes it. */
export const AS_OF = { moment: 'asOf' } as const;
export type Moment = typeof AS_OF;

export type Comparison = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A condition on one column of a row. */
export type Where =
  /** Compared with a number (or, for date columns, the stock's moment). */
  | { readonly role: Role; readonly op: Comparison; readonly value: number | Moment }
  /** Blank, or holding any value; for flag columns, a yes or a no. */
  | { readonly role: Role; readonly op: 'blank' | 'set' | 'yes' | 'no' };

export const where = (role: Role, op: Comparison, value: number | Moment): Where => ({ role, op, value });
export const isBlank = (role: Role): Where => ({ role, op: 'blank' });
export const isSet = (role: Role): Where => ({ role, op: 'set' });
export const isYes = (role: Role): Where => ({ role, op: 'yes' });
export const isNo = (role: Role): Where => ({ role, op: 'no' });

/**
 * Measures of a scope's rows, in some dialect `M`. Arithmetic follows the spreadsheet: a division
 * by zero is an error, which `orBlank` turns into an empty cell ("no data", as KPI_BY_PERIOD shows
 * it). Keep the order of operations of the catalog function, so both give the same last digit.
 */
export interface Measures<M> {
  /** Rows meeting every condition. */
  count(...where: Where[]): M;
  /** Sum of a number column over the rows meeting every condition. */
  sum(role: Role, ...where: Where[]): M;
  /** A flow: the sum of a number column over those rows, but "no data" (an error) when none has a number, as the catalog's flows. */
  flow(role: Role, ...where: Where[]): M;
  /** Mean of a number column over those rows (an error when none has a number). */
  average(role: Role, ...where: Where[]): M;
  /** Σ of the whole-millisecond durations `later − earlier` over those rows (the catalog's durations). */
  durationMs(later: Role | Moment, earlier: Role, ...where: Where[]): M;
  /** Rows whose whole-millisecond duration `later − earlier` is at most `limitMs`. */
  countWithin(later: Role, earlier: Role, limitMs: number, ...where: Where[]): M;
  /**
   * Σ of a duration column in milliseconds over those rows, its numbers read in `unit` as the
   * catalog reads them (time values and days rounded to whole milliseconds, other units not).
   */
  durationSum(role: Role, unit: InputUnit, ...where: Where[]): M;
  /** Rows whose duration (numbers in `unit`) is within `limitMs`, compared in whole milliseconds as SERVICE_LEVEL does. */
  countDurationWithin(role: Role, unit: InputUnit, limitMs: number, ...where: Where[]): M;
  /**
   * Σ value·weight over those rows (WEIGHTED_AVERAGE's numerator): values are durations in `unit`
   * (in milliseconds, as durationSum reads them) or, without a unit, plain numbers.
   */
  weightedSum(value: Role, weight: Role, unit: InputUnit | undefined, ...where: Where[]): M;
  /** Σ flow ÷ ((start + end) / 2) per row over those rows (SHRM's turnover from monthly rows). */
  sumPerAverage(flow: Role, start: Role, end: Role, ...where: Where[]): M;
  /**
   * A stock column's number on the first (or last) row of the period, or null when the renderer
   * cannot pick that row exactly (the definition then has no native form for this data).
   */
  stock(role: Role, which: 'first' | 'last'): M | null;
  /** The actual of another KPI row of this scorecard, or undefined when it has none. */
  actualOf(id: string): M | undefined;
  num(x: number): M;
  add(a: M, b: M): M;
  sub(a: M, b: M): M;
  mul(a: M, b: M): M;
  div(a: M, b: M): M;
  sqrt(a: M): M;
  /** `a` when it has a value, else empty ("no data"). */
  orBlank(a: M): M;
  /** Empty when `test` is empty, else `then`. */
  blankWhenBlank(test: M, then: M): M;
}

/** Rows a catalog function rejects (an error naming the first such row), stated as data for every renderer. */
export type RowRule =
  /** A closing time before its opening time (both set): resolved before opened. */
  | { readonly kind: 'order'; readonly earlier: Role; readonly later: Role; readonly reason: Reason }
  /** A number outside min…max (or, with `whole`, not a whole number); max may be the CSAT scale. */
  | { readonly kind: 'range'; readonly role: Role; readonly min: number; readonly max: number | ScaleFact; readonly whole?: boolean; readonly reason: Reason }
  /** Rows meeting every condition (a wait without its call's answered flag). */
  | { readonly kind: 'rows'; readonly where: readonly Where[]; readonly reason: Reason };

/** The facts a rule's maximum may name: the top of the CSAT or the CES scale. */
export type ScaleFact = 'csatScale' | 'cesScale';

/** Why, in the scorecard's languages (written into the formula that shows the error). */
export interface Reason {
  readonly en: string;
  readonly de: string;
}

export const ORDER_RULE = (earlier: Role, later: Role, en: string, de: string): RowRule => ({ kind: 'order', earlier, later, reason: { en, de } });

// ------------------------------------------------------------------ compositions several KPIs share

export const MS_PER_HOUR = 3_600_000;

/**
 * Mean whole-millisecond duration `later − earlier` in hours over the rows meeting `where`, as
 * AVG_RESOLUTION and AVG_FIRST_RESPONSE compute it: (Σ ms ÷ n) ÷ 3 600 000; blank without rows.
 */
export function meanHours<M>(m: Measures<M>, later: Role | Moment, earlier: Role, ...where: Where[]): M {
  return m.orBlank(m.div(m.div(m.durationMs(later, earlier, ...where), m.count(...where)), m.num(MS_PER_HOUR)));
}

/** The yes and no flags of a column: flagShare's denominator, the n of CONVERSION_RATE and its kin (FLAG_COUNT). */
export function flagCount<M>(m: Measures<M>, role: Role): M {
  return m.add(m.count(isYes(role)), m.count(isNo(role)));
}

/** The share of yes among the yes/no flags of a column (CONVERSION_RATE and its kin); blank without flags. */
export function flagShare<M>(m: Measures<M>, role: Role): M {
  const yes = m.count(isYes(role));
  return m.orBlank(m.div(yes, m.add(yes, m.count(isNo(role)))));
}

/** A rule: counts must not be negative (the catalog's count readers reject them, naming the cell). */
export function notNegative(role: Role, en: string, de: string): RowRule {
  return { kind: 'range', role, min: 0, max: Infinity, reason: { en, de } };
}
