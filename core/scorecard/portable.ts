/**
 * Portable native formulas: the renderer of the measure vocabulary (measure.ts) into functions that
 * Excel 2010+, LibreOffice and Google Sheets share, so colleagues without the add-in see numbers.
 * It knows no KPI: definitions state their values as measures, this file writes them as COUNTIFS,
 * SUMIFS, AVERAGEIFS and SUMPRODUCT over the period's rows, and a definition's row rules as a guard
 * that shows the catalog function's error.
 *
 * - A period's rows are those whose date is ≥ its start and < its end, two bound expressions (the
 *   timeline's cells, formulas over the data's dates and the reporting date: plan/timeline.ts):
 *   `COUNTIFS(dates, ">="&start, dates, "<"&end, …)`.
 * - Durations are summed as whole milliseconds of their differences, `SUMPRODUCT(ROUND((R-O)*86400000,
 *   0)*…)`, exactly as the catalog computes them: the cached value equals the function's, and no
 *   digits cancel between two sums of serials near 46 000.
 * - Rows a catalog function rejects (a definition's rules) make the formula show an error, as the
 *   live function does: `IF(SUMPRODUCT((R<>"")*(O<>"")*(R<O-1E-9))>0,-"resolved before opened",…)`;
 *   `-"text"` is #VALUE! in every spreadsheet, and the text says why.
 * - Only cheap, exact forms are written. A form is refused (the plan writes values with a note)
 *   when the data would make it differ from the core: text dates or numeric text (native criteria
 *   never match text), flag words a criterion cannot name exactly, stocks whose first/last row of a
 *   period is not picked by a unique whole-day date.
 */
import { slaVerdict } from '../kpis/sla-flags.js';
import { zForConfidence } from '../stats.js';
import { civilOfSerial, serialOfWallClock, wallClock } from '../values/clock.js';
import { isDateObject } from '../values/grid.js';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from '../values/read.js';
import { flagOfText } from '../values/flags.js';
import { classifyRatingText } from '../values/ratings.js';
import { isErrorText, parseDateText, parseNumberText } from '../values/text.js';
import { MS_PER_INPUT_UNIT } from '../values/duration-values.js';
import type { InputUnit } from '../values/duration-values.js';
import type { KpiFacts } from './definition.js';
import { dateExpr, fn, neg, num, op, str } from './formula.js';
import { isSet } from './measure.js';
import type { Measures, Moment, RowRule, Where } from './measure.js';
import type { Role } from './roles.js';
import type { Expr, PeriodName } from './types.js';

/** The native functions a portable scorecard may use (the tests scan every formula for others). */
export const NATIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNTIFS', 'SUMIFS', 'AVERAGEIFS', 'SUMPRODUCT', 'MEDIAN', 'PERCENTILE', 'INDEX', 'MATCH', 'IF', 'IFERROR', 'ISERROR',
  'ISNUMBER', 'COUNT', 'COUNTA', 'ROWS', 'ABS', 'SQRT', 'SUM', 'AVERAGE', 'ROUND', 'DATE', 'NA', 'MIN', 'MAX', 'SMALL', 'LARGE',
  'INT', 'MOD', 'RIGHT', 'YEAR', 'MONTH', 'WEEKDAY', 'EOMONTH',
  // The staffing block's Erlang C table (plan/staffing.ts).
  'POISSON.DIST', 'EXP', 'ROUNDUP', 'COUNTIF',
]);

const MS_PER_DAY = 86_400_000;

// ------------------------------------------------------------------ periods

/** A period as half-open whole-day serials [start, end). */
export interface PeriodBounds {
  readonly start: number;
  readonly end: number;
}

/** The period of `period` kind that holds `serial`. Weeks are ISO weeks (Monday), as the core's labels. */
export function periodBounds(serial: number, period: PeriodName): PeriodBounds {
  const day = Math.floor(serial + 1e-9);
  const { y, m, weekday } = civilOfSerial(day);
  switch (period) {
    case 'week': {
      const start = day - (weekday - 1);
      return { start, end: start + 7 };
    }
    case 'month':
      return { start: serialOfWallClock(y, m, 1), end: m === 12 ? serialOfWallClock(y + 1, 1, 1) : serialOfWallClock(y, m + 1, 1) };
    case 'quarter': {
      const q = Math.floor((m - 1) / 3);
      return { start: serialOfWallClock(y, q * 3 + 1, 1), end: q === 3 ? serialOfWallClock(y + 1, 1, 1) : serialOfWallClock(y, q * 3 + 4, 1) };
    }
    case 'year':
      return { start: serialOfWallClock(y, 1, 1), end: serialOfWallClock(y + 1, 1, 1) };
  }
}

/** A period's bounds as the expressions its criteria compare with. */
export interface BoundExprs {
  readonly start: Expr;
  readonly end: Expr;
}

/** `range, ">="&start, range, "<"&end`: the two criteria pairs of a period. */
export function periodCriteria(dates: Expr, p: BoundExprs): Expr[] {
  return [dates, op('&', str('>='), p.start), dates, op('&', str('<'), p.end)];
}

/** Number of rows whose date lies in the period (the block's Rows column). */
export function nativeRows(dates: Expr, p: BoundExprs): Expr {
  return fn('COUNTIFS', ...periodCriteria(dates, p));
}

// ------------------------------------------------------------------ what the data allows

/** How a native formula reads a column: date cells, numbers, or answers (numbers among skipped text). */
export type NativeKind = 'date' | 'number' | 'answer';

/**
 * True when every non-blank data cell is something native criteria and sums read as the core does:
 * numbers (or date cells, for dates, within the years the catalog reads). Answers (scores,
 * ratings) may also hold text the core reads as a blank — survey non-answers ("n/a", "No rating",
 * "Offered"), anywhere — and start with a header text, which the core skips: COUNTIFS passes over
 * both, and answers are only ever read by criteria. Other text below the first answer is a rating
 * word or a number with a label to the core (or its error), which no criterion reads alike.
 * Numbers out of a scale are readable: the definition's rules turn them into the function's error.
 */
export function nativeReadable(cells: readonly (readonly unknown[])[], kind: NativeKind): boolean {
  return firstUnreadable(cells, kind) === undefined;
}

/** The first cell native formulas would not read as the core does (see nativeReadable), or undefined. */
export function firstUnreadable(cells: readonly (readonly unknown[])[], kind: NativeKind): { readonly row: number; readonly value: unknown } | undefined {
  let first = true;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      // Whitespace is a blank to the catalog and passes every COUNTIFS criterion by (answers only:
      // inside SUMPRODUCT, as a date, it would be a value).
      if (kind === 'answer' && typeof v === 'string' && v.trim() === '') continue;
      const header = first;
      first = false;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return { row: r, value: v };
        // A date the catalog cannot read (outside the years 100 to 9999) is its error, not a criterion's number.
        if (kind === 'date' && !(v >= MIN_DATE_SERIAL && v < MAX_DATE_SERIAL)) return { row: r, value: v };
        continue;
      }
      if (kind === 'date' && isDateObject(v) && Number.isFinite(v.getTime())) continue;
      // A header is skipped, but not a first answer the core reads (a label word, "10 - Extremely likely").
      if (kind === 'answer' && typeof v === 'string' && (isNonAnswer(v) || (header && isSkippedText(v) && classifyRatingText(v.trim()).kind === 'other'))) continue;
      return { row: r, value: v };
    }
  }
  return undefined;
}

/** A survey non-answer ("n/a", "No rating", "Offered" …): a blank to the core in every answer column. */
function isNonAnswer(v: string): boolean {
  return classifyRatingText(v.trim()).kind === 'non-answer';
}

/** Text the core skips in a numeric argument: not numeric, not date-like, not an error value. */
function isSkippedText(v: string): boolean {
  const t = v.trim();
  if (t === '' || isErrorText(t)) return t === '';
  return parseNumberText(t) === undefined && parseDateText(t, wallClock('UTC')) === undefined;
}

/** The criteria that count yes and no flags, exactly as they occur in the data. */
export interface FlagCriteria {
  readonly truthy: readonly Expr[];
  readonly falsy: readonly Expr[];
}

const TRUTHY_WORDS = new Set(['true', 'wahr', 'yes', 'ja', 'y', 'j', 'x', 'answered', 'angenommen']);
const FALSY_WORDS = new Set(['false', 'falsch', 'no', 'nein', 'n', 'abandoned', 'abgebrochen']);

/**
 * Criteria for a flag column, or undefined when the column holds something no criterion names
 * exactly: text with surrounding spaces, numeric text, unknown words below the first cell (the
 * first may be a header, which the core skips and no criterion counts), or booleans mixed with 1/0
 * (LibreOffice stores TRUE as 1, so both criteria would match both).
 */
export function flagCriteria(cells: readonly (readonly unknown[])[]): FlagCriteria | undefined {
  const scan = scanFlags(cells);
  return 'truthy' in scan ? scan : undefined;
}

/** The first cell of a flag column no criterion names exactly (see flagCriteria), or undefined. */
export function firstUnnamedFlag(cells: readonly (readonly unknown[])[]): { readonly row: number; readonly value: unknown } | undefined {
  const scan = scanFlags(cells);
  return 'truthy' in scan ? undefined : scan;
}

function scanFlags(cells: readonly (readonly unknown[])[]): FlagCriteria | { readonly row: number; readonly value: unknown } {
  let bools = false, nums = false, first = true;
  const truthy = new Map<string, Expr>();
  const falsy = new Map<string, Expr>();
  for (let r = 0; r < cells.length; r++) {
    for (const v of cells[r]) {
      if (v === null || v === undefined || v === '') continue;
      const header = first;
      first = false;
      if (typeof v === 'boolean') {
        if (nums) return { row: r, value: v };
        bools = true;
        (v ? truthy : falsy).set(v ? 'TRUE' : 'FALSE', { kind: 'bool', value: v });
      } else if (typeof v === 'number') {
        if ((v !== 0 && v !== 1) || bools) return { row: r, value: v };
        nums = true;
        (v === 1 ? truthy : falsy).set(String(v), num(v));
      } else if (typeof v === 'string') {
        const low = v.toLowerCase();
        if (v !== v.trim()) return { row: r, value: v };
        if (TRUTHY_WORDS.has(low)) truthy.set(low, str(low));
        else if (FALSY_WORDS.has(low)) falsy.set(low, str(low));
        else if (!(header && isHeaderText(v))) return { row: r, value: v };
      } else return { row: r, value: v };
    }
  }
  return { truthy: [...truthy.values()], falsy: [...falsy.values()] };
}

/**
 * A first cell the core's flag reader takes for a header: text that is no number, date, flag or
 * error — nor an SLA verdict ("Within SLA"), which SLA_MET_RATE reads as a flag: a column opening
 * with one has no native form (no criterion names its verdicts), never a skipped header.
 */
function isHeaderText(v: string): boolean {
  return isSkippedText(v) && flagOfText(v.trim()) < 0 && slaVerdict(v) === undefined;
}

// ------------------------------------------------------------------ the measure renderer

/** Thrown inside a renderer when the data allows no native form; renderNative returns null then. */
class NoNativeForm extends Error {}

/** What the renderer writes a definition's measures over. */
export interface NativeScope {
  /** A role's column. */
  col(role: Role): Expr;
  /** How a flag column's yes/no words are written; undefined: no native form. */
  flags(role: Role): FlagCriteria | undefined;
  /** The period whose rows the measures cover (by its date role); absent: all rows. */
  readonly period?: { readonly dates: Role; readonly bounds: BoundExprs };
  /** The moment of a stock (AS_OF). */
  readonly moment?: Expr;
  /**
   * Whether the period's first (last) number of a stock column sits on the period's earliest
   * (latest) date, a whole day no other row with a number shares: then SMALL (LARGE) of the dates
   * picks it with an equality criterion.
   */
  stockPick?(role: Role, which: 'first' | 'last'): boolean;
  /** The actual cell of another KPI row. */
  actualOf(id: string): Expr | undefined;
}

const sumAll = (xs: readonly Expr[]): Expr => xs.reduce((a, b) => op('+', a, b));
const product = (xs: readonly Expr[]): Expr => xs.reduce((a, b) => op('*', a, b));

/** Measures as native spreadsheet formulas. */
class NativeMeasures implements Measures<Expr> {
  constructor(private readonly scope: NativeScope) {}

  private moment(): Expr {
    if (!this.scope.moment) throw new NoNativeForm('a moment outside a stock');
    return this.scope.moment;
  }

  private value(v: number | Moment): Expr {
    return typeof v === 'number' ? num(v) : this.moment();
  }

  /** Criteria pairs of the scope's period. */
  private periodPairs(): Expr[] {
    const p = this.scope.period;
    return p ? periodCriteria(this.scope.col(p.dates), p.bounds) : [];
  }

  /**
   * Criteria pairs of conditions, one list per combination of flag words (a yes/no condition
   * counts each word the column holds with its own COUNTIFS).
   */
  private criteria(where: readonly Where[]): Expr[][] {
    let lists: Expr[][] = [this.periodPairs()];
    for (const w of where) {
      const col = this.scope.col(w.role);
      if (w.op === 'yes' || w.op === 'no') {
        const f = this.scope.flags(w.role);
        if (!f) throw new NoNativeForm(`flag words of ${w.role}`);
        const words = w.op === 'yes' ? f.truthy : f.falsy;
        lists = lists.flatMap((l) => words.map((word) => [...l, col, word]));
        continue;
      }
      let crit: Expr;
      if (!('value' in w)) crit = str(w.op === 'blank' ? '' : '<>');
      else if (typeof w.value === 'number') crit = w.op === '=' ? num(w.value) : str(`${w.op}${w.value}`);
      else crit = op('&', str(w.op), this.moment());
      lists = lists.map((l) => [...l, col, crit]);
    }
    return lists;
  }

  /** The conditions as 1/0 arrays to multiply inside SUMPRODUCT. */
  private masks(where: readonly Where[]): Expr[] {
    const out: Expr[] = [];
    const p = this.scope.period;
    if (p) {
      const d = this.scope.col(p.dates);
      out.push(op('>=', d, p.bounds.start), op('<', d, p.bounds.end));
    }
    for (const w of where) {
      const col = this.scope.col(w.role);
      if ('value' in w) out.push(op(w.op, col, this.value(w.value)));
      else if (w.op === 'blank') out.push(op('=', col, str('')));
      else if (w.op === 'set') out.push(op('<>', col, str('')));
      else {
        // A yes (or no) is one of the column's words: their equalities add up to 1 or 0 per row
        // (comparisons are case-insensitive, as COUNTIFS criteria).
        const f = this.scope.flags(w.role);
        if (!f) throw new NoNativeForm(`flag words of ${w.role}`);
        const words = w.op === 'yes' ? f.truthy : f.falsy;
        out.push(words.length === 0 ? num(0) : sumAll(words.map((word) => op('=', col, word))));
      }
    }
    return out;
  }

  /** Σ over the criteria lists of `f(list)`: one SUMIFS or COUNTIFS per combination of flag words. */
  private perList(where: readonly Where[], f: (criteria: Expr[]) => Expr): Expr {
    const lists = this.criteria(where);
    return lists.length === 0 ? num(0) : sumAll(lists.map(f));
  }

  private durationArray(later: Role | Moment, earlier: Role): Expr {
    const l = typeof later === 'string' ? this.scope.col(later) : this.moment();
    return fn('ROUND', op('*', op('-', l, this.scope.col(earlier)), num(MS_PER_DAY)), num(0));
  }

  count(...where: Where[]): Expr {
    const lists = this.criteria(where);
    if (lists.some((l) => l.length === 0)) throw new NoNativeForm('a count of every row');
    if (lists.length === 0) return num(0);
    return sumAll(lists.map((l) => fn('COUNTIFS', ...l)));
  }

  sum(role: Role, ...where: Where[]): Expr {
    const lists = this.criteria(where);
    if (lists.length !== 1) throw new NoNativeForm('a sum over flag words');
    return lists[0].length === 0 ? fn('SUM', this.scope.col(role)) : fn('SUMIFS', this.scope.col(role), ...lists[0]);
  }

  flow(role: Role, ...where: Where[]): Expr {
    const lists = this.criteria([...where, isSet(role)]);
    if (lists.length !== 1) throw new NoNativeForm('a flow over flag words');
    return fn('IF', op('=', fn('COUNTIFS', ...lists[0]), num(0)), fn('NA'), this.sum(role, ...where));
  }

  average(role: Role, ...where: Where[]): Expr {
    const lists = this.criteria(where);
    if (lists.length !== 1) throw new NoNativeForm('an average over flag words');
    return lists[0].length === 0 ? fn('AVERAGE', this.scope.col(role)) : fn('AVERAGEIFS', this.scope.col(role), ...lists[0]);
  }

  durationMs(later: Role | Moment, earlier: Role, ...where: Where[]): Expr {
    return fn('SUMPRODUCT', product([this.durationArray(later, earlier), ...this.masks(where)]));
  }

  countWithin(later: Role, earlier: Role, limitMs: number, ...where: Where[]): Expr {
    // The period-independent factors first: the same arrays in every period (computed once).
    return fn('SUMPRODUCT', product([op('<=', this.durationArray(later, earlier), num(limitMs)), ...this.masks(where).reverse()]));
  }

  durationSum(role: Role, unit: InputUnit, ...where: Where[]): Expr {
    const col = this.scope.col(role);
    const per = MS_PER_INPUT_UNIT[unit];
    if (unit === 'time' || unit === 'days') {
      // The catalog rounds time values to whole milliseconds per cell (serial dust): so does this.
      return fn('SUMPRODUCT', product([fn('ROUND', op('*', col, num(per)), num(0)), ...this.masks(where)]));
    }
    const sum = this.perList(where, (l) => (l.length === 0 ? fn('SUM', col) : fn('SUMIFS', col, ...l)));
    return op('*', sum, num(per));
  }

  countDurationWithin(role: Role, unit: InputUnit, limitMs: number, ...where: Where[]): Expr {
    // floor(x·per + 0.5) ≤ L (whole milliseconds, as SERVICE_LEVEL) ⟺ x < (L + 0.5) ÷ per.
    const below = (Math.floor(limitMs + 0.5) + 0.5) / MS_PER_INPUT_UNIT[unit];
    const col = this.scope.col(role);
    return this.perList(where, (l) => fn('COUNTIFS', col, str(`<${below}`), ...l));
  }

  weightedSum(value: Role, weight: Role, unit: InputUnit | undefined, ...where: Where[]): Expr {
    const v = this.scope.col(value), w = this.scope.col(weight);
    if (unit === 'time' || unit === 'days') {
      return fn('SUMPRODUCT', product([fn('ROUND', op('*', v, num(MS_PER_INPUT_UNIT[unit])), num(0)), w, ...this.masks(where)]));
    }
    const sum = fn('SUMPRODUCT', product([v, w, ...this.masks(where)]));
    return unit === undefined ? sum : op('*', sum, num(MS_PER_INPUT_UNIT[unit]));
  }

  sumPerAverage(flow: Role, start: Role, end: Role, ...where: Where[]): Expr {
    const f = this.scope.col(flow), a = this.scope.col(start), b = this.scope.col(end);
    const both = op('+', a, b);
    // Rows without headcounts (blank rows below the data) would divide by 0 and poison the sum:
    // their average is taken as 1 there (their flow is 0). A real row with an average of 0 is the
    // catalog's error, which no native formula reproduces (the plan checks and writes values then).
    const average = op('+', op('/', both, num(2)), op('=', both, num(0)));
    return fn('SUMPRODUCT', product([op('/', f, average), ...this.masks(where)]));
  }

  stock(role: Role, which: 'first' | 'last'): Expr | null {
    const p = this.scope.period;
    if (!p || !this.scope.stockPick?.(role, which)) return null;
    const dates = this.scope.col(p.dates);
    // The earliest date ≥ start (the latest < end): the k-th smallest (largest) after those before (after) it.
    const day = which === 'first'
      ? fn('SMALL', dates, op('+', fn('COUNTIFS', dates, op('&', str('<'), p.bounds.start)), num(1)))
      : fn('LARGE', dates, op('+', fn('COUNTIFS', dates, op('&', str('>='), p.bounds.end)), num(1)));
    // A period without rows has no stock (SMALL would find another period's date).
    return fn('IF', op('=', fn('COUNTIFS', ...periodCriteria(dates, p.bounds)), num(0)), fn('NA'), fn('SUMIFS', this.scope.col(role), dates, day));
  }

  actualOf(id: string): Expr | undefined {
    return this.scope.actualOf(id);
  }

  num(x: number): Expr {
    return num(x);
  }
  add(a: Expr, b: Expr): Expr {
    return op('+', a, b);
  }
  sub(a: Expr, b: Expr): Expr {
    return op('-', a, b);
  }
  mul(a: Expr, b: Expr): Expr {
    return op('*', a, b);
  }
  div(a: Expr, b: Expr): Expr {
    return op('/', a, b);
  }
  sqrt(a: Expr): Expr {
    return fn('SQRT', a);
  }
  orBlank(a: Expr): Expr {
    return fn('IFERROR', a, str(''));
  }
  blankWhenBlank(test: Expr, then: Expr): Expr {
    return fn('IF', op('=', test, str('')), str(''), then);
  }
}

/** A measure-vocabulary form as a native formula, or null when the data allows none. */
export function renderNative<A>(form: <M>(m: Measures<M>, a: A) => M | null, a: A, scope: NativeScope): Expr | null {
  try {
    return form(new NativeMeasures(scope), a);
  } catch (e) {
    if (e instanceof NoNativeForm) return null;
    throw e;
  }
}

// ------------------------------------------------------------------ row rules as guards

/** The columns (and flag words) a guard reads. */
export interface RuleScope {
  col(role: Role): Expr;
  flags(role: Role): FlagCriteria | undefined;
}

/** The number of rows breaking a rule, over the whole columns. */
function violations(rule: RowRule, scope: RuleScope, facts: Pick<KpiFacts, 'csatScale' | 'cesScale'>): Expr {
  const col = scope.col;
  if (rule.kind === 'rows') {
    const measures = new NativeMeasures({ col, flags: scope.flags, actualOf: () => undefined });
    return measures.count(...rule.where);
  }
  if (rule.kind === 'order') {
    const later = col(rule.later), earlier = col(rule.earlier);
    // The catalog treats closing times within 1e-9 days (0.1 ms) of opening as the same instant.
    return fn('SUMPRODUCT', product([op('<>', later, str('')), op('<>', earlier, str('')), op('<', later, op('-', earlier, num(1e-9)))]));
  }
  const c = col(rule.role);
  const max = typeof rule.max === 'number' ? rule.max : facts[rule.max];
  const parts: Expr[] = [fn('COUNTIFS', c, str(`<${rule.min}`))];
  if (Number.isFinite(max)) parts.push(fn('COUNTIFS', c, str(`>${max}`)));
  if (rule.whole && Number.isFinite(max) && max - rule.min <= 20) {
    // Numbers in range that are not whole: all in range minus the count of each whole number.
    const wholes: Expr[] = [];
    for (let k = Math.ceil(rule.min); k <= max; k++) wholes.push(fn('COUNTIFS', c, num(k)));
    parts.push(op('-', fn('COUNTIFS', c, str(`>=${rule.min}`), c, str(`<=${max}`)), sumAll(wholes)));
  }
  return sumAll(parts);
}

/** The error a guard shows: `-"why"`, which is #VALUE! in every spreadsheet. */
export function valueErrorExpr(why: string): Expr {
  return neg(str(why));
}

/**
 * `IF(<rows breaking a rule> > 0, -"why", then)`: the catalog function's error wherever the data
 * has a row it rejects; `then` unchanged without rules.
 */
export function guarded(rules: readonly RowRule[], then: Expr, scope: RuleScope, facts: Pick<KpiFacts, 'csatScale' | 'cesScale'>, language: 'en' | 'de'): Expr {
  if (rules.length === 0) return then;
  const bad = sumAll(rules.map((r) => violations(r, scope, facts)));
  const why = rules.map((r) => r.reason[language]).join('; ');
  return fn('IF', op('>', bad, num(0)), valueErrorExpr(why), then);
}

// ------------------------------------------------------------------ status and intervals

/** The 95 % z used by NPS_MOE and CSAT_CI. */
export const Z95_LITERAL = zForConfidence(0.95);

/**
 * KPI_STATUS as a native formula: "" without actual or target; green when met, amber when short by
 * at most tolerance × |target| (the tolerance itself when the target is 0), else red; the same 1e-9
 * relative allowance for rounding as the core. `direction` is a cell holding higher/lower (or the
 * German höher/niedriger).
 */
export function nativeStatus(actual: Expr, target: Expr, direction: Expr, tolerance: number): Expr {
  const lower = fn('IF', op('=', direction, str('lower')), num(-1), fn('IF', op('=', direction, str('niedriger')), num(-1), num(1)));
  // Shortfall: how far the actual is on the wrong side of the target.
  const shortfall = op('*', op('-', target, actual), lower);
  const allowed = fn('IF', op('=', target, num(0)), num(tolerance), op('*', num(tolerance), fn('ABS', target)));
  const eps = op('*', num(1e-9), op('+', fn('ABS', target), allowed));
  const status = fn('IF', op('<=', shortfall, eps), str('green'),
    fn('IF', op('<=', shortfall, op('+', allowed, eps)), str('amber'), str('red')));
  return fn('IF', op('=', actual, str('')), str(''), fn('IF', op('=', target, str('')), str(''), status));
}

/** A Wilson score interval bound (95 %) of a share `p` from `n` answers, as CSAT_CI computes it. */
export function nativeWilson(p: Expr, n: Expr, side: 'low' | 'high'): Expr {
  const z = Z95_LITERAL;
  const z2n = op('/', num(z * z), n);
  const denom = op('+', num(1), z2n);
  const centre = op('/', op('+', p, op('/', z2n, num(2))), denom);
  const half = op('*', op('/', num(z), denom), fn('SQRT', op('+', op('/', op('*', p, op('-', num(1), p)), n), op('/', z2n, op('*', num(4), n)))));
  return fn('IFERROR', op(side === 'low' ? '-' : '+', centre, half), str(''));
}
