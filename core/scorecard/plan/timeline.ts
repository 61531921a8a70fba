/**
 * The periods a scorecard reports, as formulas on the sheet (so a shared workbook moves on to the
 * next period as rows arrive, with or without the add-in): one hidden block per date column that
 * KPIs are cut by, listing the baseline (the first period of that column) and the 13 periods up to
 * the reporting period, each with its label, start and end.
 *
 * The reporting period is the latest complete one as of the reporting day: the reporting date
 * typed in its input cell, or — blank — the data's last date (the latest date in any date column of
 * the sheet). The period holding that day is complete only when the day is its last day, so the
 * reporting period ends where the period holding the next day starts. Rows of monthly figures
 * stand for their whole month: their latest date counts as the month's last day.
 *
 * One exception, "to date": when no complete period holds data — the data's only period is still
 * running and the reporting day is on or after the data's last date (blank: it is) — the reporting
 * period is that running period, as far as the data goes, and the block's `to date` cell says so
 * (1): the KPI rows show it with "(to date)" after the period and no status (kpi-row.ts). As soon
 * as a complete period holds data (a row of the next period arrives, or a reporting date closes
 * the period) the rule above applies again, in live and portable scorecards alike.
 *
 * Only functions Excel 2010+, LibreOffice and Google Sheets share: DATE, YEAR, MONTH, WEEKDAY(…,3),
 * EOMONTH, INT, MOD, RIGHT, MIN, MAX, IF and `&`. Labels are built as the core writes them
 * (`2026-03`, `2026-W10`, `2026-Q1`, `2026`), never with TEXT (its format codes are localised).
 * Date columns native formulas cannot read (dates written as text) count with the dates the core
 * read at generation, and a note says so.
 */
import { dateExpr, fn, num, op, str } from '../formula.js';
import type { BoundExprs, PeriodBounds } from '../portable.js';
import { roleKind } from '../roles.js';
import type { Role } from '../roles.js';
import type { Expr, LocalRef, PeriodName, RangeRef } from '../types.js';
import type { PlanContext } from './context.js';
import { DATE_FORMAT, HEADER_ROW, LISTED, REPORTING_DATE } from './layout.js';

/** Roles whose rows stand for a whole month (monthly figures dated on any day of their month). */
const WHOLE_MONTH_ROLES: ReadonlySet<Role> = new Set<Role>(['periodDate']);

const local = (ref: LocalRef): Expr => ({ kind: 'local', ref });
const year = (d: Expr): Expr => fn('YEAR', d);
const month = (d: Expr): Expr => fn('MONTH', d);
const blankIf = (test: Expr, then: Expr): Expr => fn('IF', op('=', test, str('')), str(''), then);

// ------------------------------------------------------------------ period arithmetic as formulas

/** The first day of the period holding the whole day `day` (weeks start on Monday, as ISO weeks). */
export function periodStartExpr(day: Expr, period: PeriodName): Expr {
  switch (period) {
    case 'week': return op('-', day, fn('WEEKDAY', day, num(3)));
    case 'month': return fn('DATE', year(day), month(day), num(1));
    case 'quarter': return fn('DATE', year(day), op('-', month(day), fn('MOD', op('-', month(day), num(1)), num(3))), num(1));
    case 'year': return fn('DATE', year(day), num(1), num(1));
  }
}

/** The start of the period `k` periods after the one starting on `start` (k < 0: before). */
export function shiftPeriodExpr(start: Expr, k: number, period: PeriodName): Expr {
  if (k === 0) return start;
  const plus = (x: Expr, n: number): Expr => op(n < 0 ? '-' : '+', x, num(Math.abs(n)));
  switch (period) {
    case 'week': return plus(start, 7 * k);
    case 'month': return fn('DATE', year(start), plus(month(start), k), num(1));
    case 'quarter': return fn('DATE', year(start), plus(month(start), 3 * k), num(1));
    case 'year': return fn('DATE', plus(year(start), k), num(1), num(1));
  }
}

/** `RIGHT("0"&x,2)`: two digits. */
const twoDigits = (x: Expr): Expr => fn('RIGHT', op('&', str('0'), x), num(2));

/** The core's label of the period starting on `start` (periods.ts: `2026-03`, `2026-W10`, `2026-Q1`, `2026`). */
export function periodLabelExpr(start: Expr, period: PeriodName): Expr {
  switch (period) {
    case 'week': {
      // The Thursday of an ISO week decides its year; the week is counted from that year's 1 January.
      const thursday = op('+', start, num(3));
      const week = op('+', fn('INT', op('/', op('-', thursday, fn('DATE', year(thursday), num(1), num(1))), num(7))), num(1));
      return op('&', op('&', year(thursday), str('-W')), twoDigits(week));
    }
    case 'month': return op('&', op('&', year(start), str('-')), twoDigits(month(start)));
    case 'quarter': return op('&', op('&', year(start), str('-Q')), op('+', fn('INT', op('/', op('-', month(start), num(1)), num(3))), num(1)));
    case 'year': return op('&', year(start), str(''));
  }
}

// ------------------------------------------------------------------ the block

/** One listed period as it is at generation. */
export interface ListedPeriod {
  /** 1-based row within the block (1: the baseline). */
  readonly at: number;
  /** Its label ("" when there is no such period: no date at all, or before the first). */
  readonly label: string;
  /** Its label cell: blank when the period is none of the data's. */
  readonly labelAt: Expr;
  readonly bounds?: PeriodBounds;
  /** Its bounds as the formulas read them: the block's start and end cells. */
  readonly exprs: BoundExprs;
}

export interface Timeline {
  /** The block's label, start and end columns (LISTED rows each). */
  readonly P: LocalRef;
  readonly start: LocalRef;
  readonly end: LocalRef;
  /** The cell holding the data's last date. */
  readonly last: LocalRef;
  /** The cell holding 1 when the reporting period is the data's only one, still running ("to date"), else 0. */
  readonly toDate: LocalRef;
  readonly periods: readonly ListedPeriod[];
  /** Date columns counted with their generation-time dates (text dates), by header. */
  readonly constant: readonly RangeRef[];
}

const HELPER = { style: 'helper' } as const;

/** The timelines of a scorecard, one per date column, written as hidden blocks on first use. */
export class Timelines {
  private readonly byKey = new Map<string, Timeline>();

  constructor(private readonly ctx: PlanContext) {}

  /** The timeline of the date column `dates` (the role `role`) of a KPI. */
  of(role: Role, dates: RangeRef): Timeline {
    const key = `${dates.sheet}\u0000${dates.firstCol}\u0000${dates.firstRow}`;
    let t = this.byKey.get(key);
    if (!t) this.byKey.set(key, (t = this.write(role, dates)));
    return t;
  }

  /** An aggregate (MIN or MAX) of date columns: native over readable columns, else the core's dates now. */
  private aggregate(which: 'MIN' | 'MAX', refs: readonly RangeRef[], constant: RangeRef[]): Expr {
    const { data } = this.ctx;
    const parts: Expr[] = [];
    for (const ref of refs) {
      if (data.nativeOk(ref, 'date')) parts.push({ kind: 'range', ref });
      else {
        constant.push(ref);
        const v = data.numbers(ref);
        let x = which === 'MIN' ? Infinity : -Infinity;
        if (v) for (let i = 0; i < v.length; i++) if (v[i] === v[i]) x = which === 'MIN' ? Math.min(x, v[i]) : Math.max(x, v[i]);
        if (Number.isFinite(x)) parts.push(dateExpr(x));
      }
    }
    return parts.length === 0 ? num(0) : fn(which, ...parts);
  }

  /** The date columns whose latest date says how far the data of `dates`' sheet goes. */
  private sheetDates(role: Role, dates: RangeRef): { ref: RangeRef; wholeMonth: boolean }[] {
    const out: { ref: RangeRef; wholeMonth: boolean }[] = [{ ref: dates, wholeMonth: WHOLE_MONTH_ROLES.has(role) }];
    const seen = new Set<number>([dates.firstCol]);
    for (const a of this.ctx.request.roles) {
      if (a.sheet !== dates.sheet || roleKind(a.role) !== 'date' || seen.has(a.column)) continue;
      const ref = this.ctx.data.rangeOf(a);
      if (!ref) continue;
      seen.add(a.column);
      out.push({ ref, wholeMonth: WHOLE_MONTH_ROLES.has(a.role) });
    }
    return out;
  }

  private write(role: Role, dates: RangeRef): Timeline {
    const { w, options, helpers } = this.ctx;
    const period = options.period;
    const constant: RangeRef[] = [];
    const col = helpers.allocate(5, `timeline:${role}`, `periods:${role}`);
    const cell = (row: number, c: number): LocalRef => ({ row, col: col + c });
    const first = HEADER_ROW + 1;
    ['Period', 'Start', 'End', 'Dates', ''].forEach((h, i) => w.putValue(HEADER_ROW, col + i, h, HELPER));
    const dateFmt = { ...HELPER, numberFormat: DATE_FORMAT };

    // First date (the baseline's), last date, the reporting day and the end of the reporting period.
    const firstAt = cell(first, 4), lastAt = cell(first + 1, 4), dayAt = cell(first + 2, 4), completeAt = cell(first + 3, 4);
    const toDateAt = cell(first + 4, 4), endAt = cell(first + 5, 4);
    const own = this.sheetDates(role, dates);
    const plain = own.filter((d) => !d.wholeMonth).map((d) => d.ref);
    const monthly = own.filter((d) => d.wholeMonth).map((d) => d.ref);
    const lastParts: Expr[] = [];
    if (plain.length > 0) lastParts.push(this.aggregate('MAX', plain, constant));
    // The month of monthly figures' latest row ends on its last day.
    if (monthly.length > 0) {
      const latest = this.aggregate('MAX', monthly, constant);
      lastParts.push(fn('IF', op('>', latest, num(0)), fn('EOMONTH', latest, num(0)), num(0)));
    }
    const lastExpr = lastParts.length === 0 ? num(0) : lastParts.length === 1 ? lastParts[0] : fn('MAX', ...lastParts);
    const R = local(REPORTING_DATE);
    [['first date', firstAt], ['last date', lastAt], ['reporting day', dayAt], ['complete until', completeAt], ['to date', toDateAt], ['reporting end', endAt]].forEach(([name, at]) =>
      w.putValue((at as LocalRef).row, col + 3, name as string, HELPER));
    w.putFormula(firstAt.row, firstAt.col, this.aggregate('MIN', [dates], []), dateFmt);
    w.putFormula(lastAt.row, lastAt.col, lastExpr, dateFmt);
    // Blank reporting date: the data's last date; no date at all: no periods.
    const last = local(lastAt);
    w.putFormula(dayAt.row, dayAt.col, fn('IF', op('=', R, str('')), fn('IF', op('>', last, num(0)), last, str('')), R), dateFmt);
    const day = local(dayAt);
    w.putFormula(completeAt.row, completeAt.col, blankIf(day, periodStartExpr(op('+', fn('INT', day), num(1)), period)), dateFmt);

    // Row 1: the baseline, the first period of the KPI's own dates.
    const firstDate = local(firstAt);
    w.putFormula(first, col + 1, fn('IF', op('>', firstDate, num(0)), periodStartExpr(fn('INT', firstDate), period), str('')), dateFmt);
    // To date: no complete period up to the reporting day starts at or after the baseline, and the
    // reporting day is not before the data's last date (so the running period holds all its rows).
    const complete = local(completeAt), baselineStart = local(cell(first, 1));
    w.putFormula(toDateAt.row, toDateAt.col, fn('IF', op('=', day, str('')), num(0), fn('IF', op('=', baselineStart, str('')), num(0),
      fn('IF', op('>', complete, baselineStart), num(0), fn('IF', op('<', fn('INT', day), fn('INT', last)), num(0), num(1))))), { ...HELPER, numberFormat: '0' });
    // The reporting period ends where the complete ones end, or, to date, where the running one will.
    w.putFormula(endAt.row, endAt.col, blankIf(day, fn('IF', op('=', local(toDateAt), num(1)), shiftPeriodExpr(complete, 1, period), complete)), dateFmt);
    w.putFormula(first, col + 2, blankIf(local(cell(first, 1)), shiftPeriodExpr(local(cell(first, 1)), 1, period)), dateFmt);
    // Rows 2…LISTED: the periods up to the reporting period; each ends where the next starts.
    const E = local(endAt);
    for (let i = 2; i <= LISTED; i++) {
      const row = first + i - 1;
      w.putFormula(row, col + 1, blankIf(E, shiftPeriodExpr(E, i - LISTED - 1, period)), dateFmt);
    }
    for (let i = 2; i <= LISTED; i++) {
      const row = first + i - 1;
      w.putFormula(row, col + 2, i < LISTED ? local(cell(row + 1, 1)) : E, dateFmt);
    }
    // A period before the first one of the data has no label (and so no values: blocks key on it).
    const baseline = local(cell(first, 1));
    for (let i = 1; i <= LISTED; i++) {
      const row = first + i - 1;
      const start = local(cell(row, 1));
      const label = periodLabelExpr(start, period);
      w.putFormula(row, col, blankIf(start, i === 1 ? label : fn('IF', op('<', start, baseline), str(''), label)), HELPER);
    }
    w.addBlock(`timeline:${role}`, HEADER_ROW, col, LISTED + 1, 5);
    for (const ref of constant) {
      const name = this.ctx.lang === 'de' ? `„${this.ctx.data.headerOf(ref)}“ (${ref.sheet})` : `"${this.ctx.data.headerOf(ref)}" (${ref.sheet})`;
      if (!this.ctx.notes.frozenDates.includes(name)) this.ctx.notes.frozenDates.push(name);
    }

    const P: LocalRef = { row: first, col, rows: LISTED, cols: 1 };
    const startRef: LocalRef = { row: first, col: col + 1, rows: LISTED, cols: 1 };
    const endRef: LocalRef = { row: first, col: col + 2, rows: LISTED, cols: 1 };
    const periods: ListedPeriod[] = [];
    for (let i = 1; i <= LISTED; i++) {
      const row = first + i - 1;
      const label = w.model.value(row, col);
      const s = w.model.value(row, col + 1), e = w.model.value(row, col + 2);
      periods.push({
        at: i,
        label: typeof label === 'string' ? label : '',
        labelAt: local(cell(row, 0)),
        ...(typeof s === 'number' && typeof e === 'number' ? { bounds: { start: s, end: e } } : {}),
        exprs: { start: local(cell(row, 1)), end: local(cell(row, 2)) },
      });
    }
    return { P, start: startRef, end: endRef, last: lastAt, toDate: toDateAt, periods, constant };
  }
}
