/**
 * Portable native formulas: per KPI and per period known at generation, a formula of functions that
 * Excel 2010+, LibreOffice and Google Sheets share, so colleagues without the add-in see numbers.
 * Period boundaries are DATE(…) literals; a period's rows are those whose date is ≥ its first day and
 * < the next period's first day (`COUNTIFS(dates, ">="&DATE(2026,3,1), dates, "<"&DATE(2026,4,1), …)`).
 *
 * Only cheap, exact forms are written. No native form (the plan writes values with a note):
 * distinct counts (revenue/profit per customer, resolved per agent), medians by period (MEDIAN(IF())
 * needs array entry), text analysis (brand attributes). A native form is also refused when the
 * data would make it differ from the core: text dates or numeric text (native criteria never match
 * text), flag words a criterion cannot name exactly, stocks whose first/last row of a period is not
 * identified by a unique whole-day date — see the `*Native` checks below.
 *
 * Where the core raises "no data" (KPI_BY_PERIOD shows ""), the native form is wrapped in
 * IFERROR(…, "") so an empty period shows "" as well.
 */
import { zForConfidence } from '../stats.js';
import { civilOfSerial, serialOfWallClock, wallClock } from '../values/clock.js';
import { isErrorText, parseDateText, parseNumberText } from '../values/text.js';
import { isDateObject } from '../values/grid.js';
import { dateExpr, fn, num, op, str } from './formula.js';
import type { Expr, PeriodName, Role, ScorecardOptions } from './types.js';

/** The native functions a portable scorecard may use (the tests scan every formula for others). */
export const NATIVE_FUNCTIONS: ReadonlySet<string> = new Set([
  'COUNTIFS', 'SUMIFS', 'AVERAGEIFS', 'SUMPRODUCT', 'MEDIAN', 'PERCENTILE', 'INDEX', 'IF', 'IFERROR', 'COUNT',
  'COUNTA', 'ROWS', 'ABS', 'SQRT', 'SUM', 'AVERAGE', 'DATE',
]);

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

/** `range, ">="&DATE(start), range, "<"&DATE(end)`: the two criteria pairs of a period. */
export function periodCriteria(dates: Expr, p: PeriodBounds): Expr[] {
  return [dates, op('&', str('>='), dateExpr(p.start)), dates, op('&', str('<'), dateExpr(p.end))];
}

/** Number of rows whose date lies in the period (the block's Rows column). */
export function nativeRows(dates: Expr, p: PeriodBounds): Expr {
  return fn('COUNTIFS', ...periodCriteria(dates, p));
}

// ------------------------------------------------------------------ what the data allows

export type NativeKind = 'date' | 'number' | 'score' | 'rating';

/**
 * True when every non-blank data cell is something native criteria and sums read as the core does:
 * numbers or date cells; for `score` whole numbers 0–10, for `rating` numbers 0…scaleMax.
 */
export function nativeReadable(cells: readonly (readonly unknown[])[], kind: NativeKind, scaleMax = 5): boolean {
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) return false;
        if (kind === 'score' && !(v >= 0 && v <= 10 && Math.floor(v) === v)) return false;
        if (kind === 'rating' && !(v >= 0 && v <= scaleMax)) return false;
        continue;
      }
      if (kind === 'date' && isDateObject(v) && Number.isFinite(v.getTime())) continue;
      // Scores and ratings are only ever counted with COUNTIFS numeric criteria, which pass over
      // text exactly as the core skips text that is no number and no date ("n/a", a header).
      if ((kind === 'score' || kind === 'rating') && typeof v === 'string' && isSkippedText(v)) continue;
      return false;
    }
  }
  return true;
}

/** Text the core skips in a numeric argument: not numeric, not date-like, not an error value. */
function isSkippedText(v: string): boolean {
  const t = v.trim();
  if (t === '' || isErrorText(t)) return t === '';
  return parseNumberText(t) === undefined && parseDateText(t, wallClock('UTC')) === undefined;
}

/** The criteria that count truthy and falsy flags, exactly as they occur in the data. */
export interface FlagCriteria {
  readonly truthy: readonly Expr[];
  readonly falsy: readonly Expr[];
}

const TRUTHY_WORDS = new Set(['true', 'wahr', 'yes', 'ja', 'y', 'j', 'x']);
const FALSY_WORDS = new Set(['false', 'falsch', 'no', 'nein', 'n']);

/**
 * Criteria for a flag column, or undefined when the column holds something no criterion names
 * exactly: text with surrounding spaces, numeric text, unknown words, or booleans mixed with 1/0
 * (LibreOffice stores TRUE as 1, so both criteria would match both).
 */
export function flagCriteria(cells: readonly (readonly unknown[])[]): FlagCriteria | undefined {
  let bools = false, nums = false;
  const truthy = new Map<string, Expr>();
  const falsy = new Map<string, Expr>();
  for (const row of cells) {
    for (const v of row) {
      if (v === null || v === undefined || v === '') continue;
      if (typeof v === 'boolean') {
        bools = true;
        (v ? truthy : falsy).set(v ? 'TRUE' : 'FALSE', { kind: 'bool', value: v });
      } else if (typeof v === 'number') {
        if (v !== 0 && v !== 1) return undefined;
        nums = true;
        (v === 1 ? truthy : falsy).set(String(v), num(v));
      } else if (typeof v === 'string') {
        const low = v.toLowerCase();
        if (v !== v.trim()) return undefined;
        if (TRUTHY_WORDS.has(low)) truthy.set(low, str(low));
        else if (FALSY_WORDS.has(low)) falsy.set(low, str(low));
        else return undefined;
      } else return undefined;
    }
  }
  if (bools && nums) return undefined;
  return { truthy: [...truthy.values()], falsy: [...falsy.values()] };
}

// ------------------------------------------------------------------ native values per period

export interface NativeInput {
  range(role: Role): Expr;
  has(role: Role): boolean;
  readonly period: PeriodBounds;
  readonly options: ScorecardOptions;
  readonly csatScale: number;
  /** Flag criteria of a flag column (undefined: no native form). */
  flags(role: Role): FlagCriteria | undefined;
  /**
   * The whole-day date that picks a stock's first (or last) number in this period with an
   * equality criterion; undefined when no such unique date exists.
   */
  stockDate(role: Role, which: 'first' | 'last'): number | undefined;
}

const sum = (...xs: Expr[]): Expr => xs.reduce((a, b) => op('+', a, b));
const blankOnError = (e: Expr): Expr => fn('IFERROR', e, str(''));

function countIn(a: NativeInput, dateRole: Role, ...more: Expr[]): Expr {
  return fn('COUNTIFS', ...periodCriteria(a.range(dateRole), a.period), ...more);
}

function sumIn(a: NativeInput, target: Expr, dateRole: Role, ...more: Expr[]): Expr {
  return fn('SUMIFS', target, ...periodCriteria(a.range(dateRole), a.period), ...more);
}

/** Sum over the criteria list, one COUNTIFS each: `COUNTIFS(…, flags, "yes") + COUNTIFS(…, flags, TRUE)`. */
function countFlags(a: NativeInput, dateRole: Role, flagRole: Role, values: readonly Expr[]): Expr {
  if (values.length === 0) return num(0);
  return sum(...values.map((v) => countIn(a, dateRole, a.range(flagRole), v)));
}

function flagShare(a: NativeInput, dateRole: Role, flagRole: Role): Expr | null {
  const f = a.flags(flagRole);
  if (!f) return null;
  const yes = countFlags(a, dateRole, flagRole, f.truthy);
  const all = op('+', countFlags(a, dateRole, flagRole, f.truthy), countFlags(a, dateRole, flagRole, f.falsy));
  return blankOnError(op('/', yes, all));
}

/** `SUMIFS(stock, dates, DATE(…))`: the stock on its first (last) date of the period. */
function stockAt(a: NativeInput, role: Role, dateRole: Role, which: 'first' | 'last'): Expr | null {
  const d = a.stockDate(role, which);
  if (d === undefined) return null;
  return fn('SUMIFS', a.range(role), a.range(dateRole), dateExpr(d));
}

/** Mean duration in hours of (later − earlier) over the period's rows of `dateRole` where `later` is set. */
function meanHours(a: NativeInput, dateRole: Role, earlier: Role, later: Role): Expr {
  // Rows with both dates: the period's rows (by dateRole) whose other date is a positive number.
  const other = dateRole === later ? earlier : later;
  const cond = [a.range(other), str('>0')];
  const laterSum = sumIn(a, a.range(later), dateRole, ...cond);
  const earlierSum = sumIn(a, a.range(earlier), dateRole, ...cond);
  return blankOnError(op('/', op('*', op('-', laterSum, earlierSum), num(24)), countIn(a, dateRole, ...cond)));
}

/** The 95 % z used by NPS_MOE and CSAT_CI. */
export const Z95_LITERAL = zForConfidence(0.95);

/**
 * A KPI's value in one period as a native formula, or null when it has none. `id` is the scorecard
 * KPI id, `fnName` the catalog function of its variant.
 */
export function nativePeriodValue(id: string, fnName: string, a: NativeInput): Expr | null {
  switch (id) {
    case 'nps': {
      const s = a.range('npsScore');
      const c = (crit: string): Expr => countIn(a, 'surveyDate', s, str(crit));
      return blankOnError(op('*', op('/', op('-', c('>=9'), c('<=6')), c('>=0')), num(100)));
    }
    case 'csat': {
      const r = a.range('satisfaction');
      const threshold = a.csatScale - 1;
      return blankOnError(op('/', countIn(a, 'surveyDate', r, str(`>=${threshold}`)), countIn(a, 'surveyDate', r, str('>=0'))));
    }
    case 'avgResolution':
      return meanHours(a, 'ticketResolved', 'ticketOpened', 'ticketResolved');
    case 'firstResponse':
      return meanHours(a, 'ticketOpened', 'ticketOpened', 'firstResponse');
    case 'sla': {
      const O = a.range('ticketOpened');
      const R = a.range('ticketResolved');
      // Met: resolved in the period, opened set, (R − O) in hours ≤ target. The core compares whole
      // milliseconds; 1E-7 h (0.36 ms) absorbs the floating-point dust of serial subtraction.
      const within = op('<=', op('*', op('-', R, O), num(24)), num(a.options.slaHours + 1e-7));
      // The period-independent factor first: it is the same array in every period (computed once).
      const met = fn('SUMPRODUCT', op('*', op('*', op('*', op('>', O, num(0)), within), op('>=', R, dateExpr(a.period.start))), op('<', R, dateExpr(a.period.end))));
      return blankOnError(op('/', met, countIn(a, 'ticketResolved', O, str('>0'))));
    }
    case 'fcr': return flagShare(a, 'ticketOpened', 'firstContactResolved');
    case 'reopenRate': return flagShare(a, 'ticketOpened', 'reopened');
    case 'conversion': return flagShare(a, 'ticketOpened', 'converted');
    case 'complaintRate':
      if (fnName === 'COMPLAINT_RATE') {
        return blankOnError(op('/', sumIn(a, a.range('complaint'), 'periodDate'),
          fn('AVERAGEIFS', a.range('customersEnd'), ...periodCriteria(a.range('periodDate'), a.period))));
      }
      return flagShare(a, 'ticketOpened', 'complaint');
    case 'resolvedIssues':
      return countIn(a, 'ticketResolved');
    case 'returnRate':
      return blankOnError(op('/', sumIn(a, a.range('unitsReturned'), 'orderDate'), sumIn(a, a.range('unitsSold'), 'orderDate')));
    case 'retention': {
      const start = stockAt(a, 'customersStart', 'periodDate', 'first');
      const end = stockAt(a, 'customersEnd', 'periodDate', 'last');
      if (!start || !end) return null;
      return blankOnError(op('/', op('-', end, sumIn(a, a.range('customersNew'), 'periodDate')), start));
    }
    case 'churn': {
      const start = stockAt(a, 'customersStart', 'periodDate', 'first');
      if (!start) return null;
      return blankOnError(op('/', sumIn(a, a.range('customersLost'), 'periodDate'), start));
    }
    case 'turnover': {
      const start = stockAt(a, 'headcountStart', 'periodDate', 'first');
      const end = stockAt(a, 'headcountEnd', 'periodDate', 'last');
      if (!start || !end) return null;
      return blankOnError(op('/', sumIn(a, a.range('separations'), 'periodDate'), op('/', op('+', start, end), num(2))));
    }
    case 'employeeRetention': {
      const start = stockAt(a, 'headcountStart', 'periodDate', 'first');
      const end = stockAt(a, 'headcountEnd', 'periodDate', 'last');
      if (!start || !end) return null;
      return blankOnError(op('/', op('-', end, sumIn(a, a.range('hires'), 'periodDate')), start));
    }
    case 'cashFlow': {
      const inflow = sumIn(a, a.range('cashIn'), 'periodDate');
      if (!a.has('cashOut')) return inflow;
      const out = a.range('cashOut');
      // sum(abs(outflows)) = positives − negatives.
      const abs = op('-', sumIn(a, out, 'periodDate', out, str('>0')), sumIn(a, out, 'periodDate', out, str('<0')));
      return op('-', inflow, abs);
    }
    default:
      // revenue/profit per customer, resolved per agent: distinct counts; median resolution: MEDIAN(IF()).
      return null;
  }
}

/** The NPS margin of error in one period: z·√((p + d − (p − d)²)/n)·100, as NPS_MOE. */
export function nativeNpsMoe(a: NativeInput): Expr {
  const s = a.range('npsScore');
  const c = (crit: string): Expr => countIn(a, 'surveyDate', s, str(crit));
  const p = op('/', c('>=9'), c('>=0'));
  const d = op('/', c('<=6'), c('>=0'));
  const diff = op('-', op('/', c('>=9'), c('>=0')), op('/', c('<=6'), c('>=0')));
  const variance = op('-', op('+', p, d), op('*', diff, diff));
  return blankOnError(op('*', op('*', num(Z95_LITERAL), fn('SQRT', op('/', variance, c('>=0')))), num(100)));
}

// ------------------------------------------------------------------ stocks at a moment

/**
 * Active issues or backlog age at `asOf` (a whole-day serial): tickets opened ≤ asOf and not
 * resolved by then, i.e. resolved blank or > asOf — exactly ACTIVE_ISSUES / BACKLOG_AGE with as_of.
 */
export function nativeStockValue(id: string, O: Expr, R: Expr, asOf: number): Expr | null {
  const at = dateExpr(asOf);
  const openedBy = [O, op('&', str('<='), at)];
  const open = (f: 'COUNTIFS' | 'SUMIFS', target?: Expr): Expr => {
    const head = target ? [target] : [];
    return op('+', fn(f, ...head, ...openedBy, R, str('')), fn(f, ...head, ...openedBy, R, op('&', str('>'), at)));
  };
  if (id === 'activeIssues') return open('COUNTIFS');
  if (id === 'backlogAge') {
    const n = open('COUNTIFS');
    return blankOnError(op('/', op('*', op('-', op('*', at, n), open('SUMIFS', O)), num(24)), open('COUNTIFS')));
  }
  return null;
}

/** Tickets open now (no as_of): opened set, resolved blank. */
export function nativeOpenNow(O: Expr, R: Expr): Expr {
  return fn('COUNTIFS', O, str('>0'), R, str(''));
}

// ------------------------------------------------------------------ status and intervals

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
