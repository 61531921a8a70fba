/**
 * Which listed period is a KPI's Actual, and when its status is "too few (n)" instead of a colour.
 *
 * - Automatic (the reporting-date cell blank): the latest of the 12 trend periods up to the
 *   reporting period that holds a value and enough data — at least the minimum of answers (survey
 *   KPIs) or tickets (ticket KPIs) — else the reporting period itself.
 * - A reporting date typed: the reporting period, whatever it holds (so too when the function fails).
 * - No complete period holds data (the data's only period is still running): that period, "to
 *   date" (timeline.ts), with "(to date)" after its label and the status "incomplete" instead of a
 *   colour or "too few": an analyst reports a running period's figures, never judges them.
 * A period with fewer answers or tickets than the minimum gets no green/amber/red but
 * "too few (n)". n is the KPI's own n (the answers or tickets its value used) where it has one,
 * else the tickets dated in the period (the block's Rows).
 */
import type { AnyVariant } from '../definition.js';
import { fn, num, op, str } from '../formula.js';
import { roleKind, rolesOf } from '../roles.js';
import type { Expr, LocalRef, ScorecardOptions } from '../types.js';
import type { PlanContext } from './context.js';
import { HEADER_ROW, LISTED, REPORTING_DATE, TREND_FROM } from './layout.js';

const local = (ref: LocalRef): Expr => ({ kind: 'local', ref });
const SURVEY_ROLES = new Set(rolesOf('surveys'));
const TICKET_ROLES = new Set(rolesOf('tickets'));

/** The minimum of answers or tickets a period of this variant needs for a status (0: none). */
export function minimumFor(variant: AnyVariant, options: Pick<ScorecardOptions, 'minAnswers' | 'minTickets'>): number {
  const dates = 'dates' in variant ? variant.dates : undefined;
  if (!dates || roleKind(dates) !== 'date') return 0;
  if (SURVEY_ROLES.has(dates)) return options.minAnswers;
  // A log KPI's periods are its tickets' (n: LOG_TICKETS), so it needs the tickets' minimum.
  if (TICKET_ROLES.has(dates) || dates === 'logTime') return options.minTickets;
  return 0;
}

/**
 * The row (1…LISTED) of a KPI's Actual in its blocks, as a formula in a hidden cell: per trend
 * period whether it qualifies (its row number, else 0), and the latest that does. `counts`: the
 * column the minimum is checked on (undefined: only a value is needed).
 */
export function actualRow(ctx: PlanContext, id: string, anchor: LocalRef, V: LocalRef, counts: LocalRef | undefined, minimum: number): Expr {
  const col = ctx.helpers.allocate(1, `${id}:actual`, 'actual');
  const cell = (ref: LocalRef, i: number): Expr => local({ row: ref.row + i - 1, col: ref.col });
  for (let i = TREND_FROM; i <= LISTED; i++) {
    const enough = counts && minimum > 0 ? fn('IF', op('>=', cell(counts, i), num(minimum)), num(i), num(0)) : num(i);
    ctx.w.putFormula(HEADER_ROW + i, col, fn('IF', fn('ISNUMBER', cell(V, i)), enough, num(0)), { style: 'helper', numberFormat: '0' });
  }
  const ok = local({ row: HEADER_ROW + TREND_FROM, col, rows: LISTED - TREND_FROM + 1, cols: 1 });
  const latest = fn('MAX', ok);
  const automatic = fn('IF', op('>', latest, num(0)), latest, num(LISTED));
  // A KPI whose function fails (its anchor shows the error) is read at the reporting period.
  const unlessFailed = fn('IF', fn('ISERROR', local(anchor)), num(LISTED), automatic);
  ctx.w.putFormula(HEADER_ROW, col, fn('IF', op('=', local(REPORTING_DATE), str('')), unlessFailed, num(LISTED)), { style: 'helper', numberFormat: '0' });
  ctx.w.addBlock(`${id}:actual`, HEADER_ROW, col, LISTED + 1, 1);
  return local({ row: HEADER_ROW, col });
}

/**
 * The status cell: "" for an error or a blank actual, "incomplete" when the actual is the data's
 * only period, still running (`toDate`: the timeline's cell is 1; its value may still change, so
 * it gets no colour whatever it holds), "too few (n)" when the period holds fewer than the
 * minimum, else `status` (green/amber/red).
 */
export function statusCell(
  actual: Expr, status: Expr, count: Expr | undefined, minimum: number, tooFew: string,
  toDate?: { readonly cell: Expr; readonly text: string },
): Expr {
  const checked = count && minimum > 0
    ? fn('IF', op('=', actual, str('')), str(''), fn('IF', op('<', count, num(minimum)), op('&', op('&', str(`${tooFew} (`), count), str(')')), status))
    : status;
  const running = toDate ? fn('IF', op('=', toDate.cell, num(1)), fn('IF', op('=', actual, str('')), str(''), str(toDate.text)), checked) : checked;
  return fn('IF', fn('ISERROR', actual), str(''), running);
}
