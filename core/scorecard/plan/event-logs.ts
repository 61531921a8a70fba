/**
 * Event logs among the data sheets: a sheet whose ticket ids repeat holds one row per update (or per
 * status change, or per message), not one row per ticket. Counted per row, a ServiceNow event log
 * of 847 rows for 130 incidents reports 837 "resolved" tickets; so on such a sheet every ticket KPI
 * reads its columns through PER_TICKET — one row per ticket, its last row by the log's time (the
 * sheet's order without one), with the opened date of its first row — and the scorecard says so
 * with the counts. The status- and message-log KPIs need such a sheet: a table with one row per
 * ticket has no history to walk.
 */
import { contextFor } from '../../call.js';
import { ticketRows } from '../../kpis/per-ticket.js';
import { toGrid } from '../../values/grid.js';
import { readDates } from '../../values/read.js';
import type { EvalEnv } from '../evaluate.js';
import { sliceKeysMayRepeat } from './column-facts.js';
import { ours, range, str } from '../formula.js';
import { LOG_ROLES } from '../detect-log.js';
import type { Role } from '../roles.js';
import type { Expr, RangeRef, RoleAssignment } from '../types.js';

export interface EventLog {
  readonly sheet: string;
  readonly ids: RangeRef;
  readonly idColumn: RoleAssignment;
  /** The log's time column, which orders a ticket's rows; absent: the sheet's row order. */
  readonly times?: RangeRef;
  readonly timeColumn?: RoleAssignment;
  /** Rows with a ticket id (and a time, when there is a time column). */
  readonly rows: number;
  readonly tickets: number;
}

/** Manager choices first, then the surest detection (as kpis.ts binds roles). */
export function pick(roles: readonly RoleAssignment[], role: Role, sheet: string): RoleAssignment | undefined {
  let best: RoleAssignment | undefined;
  for (const r of roles) {
    if (r.role !== role || r.sheet !== sheet) continue;
    if (!best || (r.source !== best.source ? r.source === 'manager' : r.confidence > best.confidence)) best = r;
  }
  return best;
}

/**
 * The sheets whose ticket ids repeat, by sheet name. Ids are counted as PER_TICKET reads them
 * (trimmed text, 42 = "42"); a cell PER_TICKET would reject leaves the sheet as it is (its KPIs
 * then show that error).
 */
export function findEventLogs(env: EvalEnv, roles: readonly RoleAssignment[], rangeOf: (a: RoleAssignment) => RangeRef | undefined): Map<string, EventLog> {
  const out = new Map<string, EventLog>();
  const sheets = [...new Set(roles.filter((r) => r.role === 'ticketId').map((r) => r.sheet))];
  for (const sheet of sheets) {
    const idColumn = pick(roles, 'ticketId', sheet)!;
    const timeColumn = pick(roles, 'logTime', sheet);
    const ids = rangeOf(idColumn);
    const times = timeColumn ? rangeOf(timeColumn) : undefined;
    if (!ids) continue;
    // A column held by column whose ids are all distinct is no log: no need to index every row.
    const slice = env.range(ids).slice;
    if (slice && !sliceKeysMayRepeat(slice)) continue;
    const ctx = contextFor('PER_TICKET', env.clock);
    try {
      const grid = toGrid(env.range(ids).raw);
      const t = times ? readDates(ctx, env.range(times).raw, 'times').values : undefined;
      const { first } = ticketRows(ctx, grid, t);
      let rows = 0;
      const n = grid.rows * grid.cols;
      for (let i = 0; i < n; i++) {
        const v = grid.cells[i][0];
        if (v !== null && v !== undefined && !(typeof v === 'string' && v.trim() === '') && (!t || t[i] === t[i])) rows++;
      }
      if (rows > first.length) {
        out.set(sheet, { sheet, ids, idColumn, rows, tickets: first.length, ...(times && timeColumn ? { times, timeColumn } : {}) });
      }
    } catch {
      // A cell PER_TICKET rejects: not treated as an event log here.
    }
  }
  return out;
}

/** The log's own roles, read row by row by the log functions (never through PER_TICKET). */
export const isLogRole = (role: Role): boolean => role === 'ticketId' || LOG_ROLES.includes(role);

/** A ticket column of an event log as one value per ticket: its first row's for the opened date, else its last row's. */
export function perTicket(log: EventLog, role: Role, column: RangeRef): Expr {
  const args: Expr[] = [range(log.ids), range(column)];
  if (log.times) args.push(range(log.times));
  if (role === 'ticketOpened') {
    if (!log.times) args.push(str(''));
    args.push(str('first'));
  }
  return ours('PER_TICKET', ...args);
}

/**
 * The periods of a log KPI: each ticket's first time, on one row per ticket. KPI_BY_PERIOD puts all
 * rows of a ticket in the period of its earliest date, so every period it lists then holds tickets
 * (over the times themselves it would also list the periods where tickets only continue, empty).
 */
export function firstTimes(log: EventLog): Expr | undefined {
  return log.times ? ours('PER_TICKET', range(log.ids), range(log.times), range(log.times), str('first')) : undefined;
}
