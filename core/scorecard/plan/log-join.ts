/**
 * A status or message log joined to the ticket table: the log's ticket ids matched to the ticket
 * table's id column (a sheet with a ticket id column whose ids do not repeat). To a support lead the
 * join says whether the log and the ticket table speak of the same tickets — the log KPIs (paused
 * resolution, requester wait) and the ticket KPIs (resolution time, SLA) stand side by side on the
 * scorecard, and a log whose tickets are missing from the table (another export window, another
 * system's ids: ServiceNow's sys_audit keys records by sys_id, its list export by number) would make
 * them cover different tickets without a word. So the scorecard counts how many of the log's tickets
 * the table holds and names the first that it does not; no ticket is dropped by it.
 *
 * Ids are compared as the log functions compare them: trimmed text, 42 = "42".
 */
import { contextFor } from '../../call.js';
import { readKeys } from '../../values/read.js';
import type { EvalEnv } from '../evaluate.js';
import type { RangeRef, RoleAssignment } from '../types.js';
import type { EventLog } from './event-logs.js';

/** Ids named in the note when some of the log's tickets are not in the ticket table. */
const SHOWN = 3;

export interface LogJoin {
  /** The ticket table's sheet and its id column. */
  readonly table: string;
  readonly tableIds: RoleAssignment;
  /** The log's distinct tickets, and how many of them the table holds. */
  readonly tickets: number;
  readonly matched: number;
  /** The first ids (by the log's row order) the table does not hold. */
  readonly missing: readonly string[];
}

/** The distinct ids of a range, as the log functions read them (undefined: a cell they reject). */
function idsOf(env: EvalEnv, ref: RangeRef): string[] | undefined {
  try {
    const keys = readKeys(contextFor('PER_TICKET', env.clock), env.range(ref).raw).keys;
    return [...new Set(keys.filter((k): k is string => k !== undefined))];
  } catch {
    return undefined;
  }
}

/**
 * The ticket table a log joins: among the other sheets with a ticket id column that is no event log,
 * the one holding most of the log's tickets (ties: the first); undefined when there is none.
 */
export function joinLog(
  env: EvalEnv, log: EventLog, roles: readonly RoleAssignment[], logs: ReadonlyMap<string, EventLog>,
  rangeOf: (a: RoleAssignment) => RangeRef | undefined,
): LogJoin | undefined {
  const logIds = idsOf(env, log.ids);
  if (!logIds) return undefined;
  let best: LogJoin | undefined;
  const tried = new Set<string>();
  for (const a of roles) {
    if (a.role !== 'ticketId' || a.sheet === log.sheet || logs.has(a.sheet) || tried.has(a.sheet)) continue;
    tried.add(a.sheet);
    const column = roles.filter((r) => r.role === 'ticketId' && r.sheet === a.sheet)
      .reduce((x, y) => (y.source !== x.source ? (y.source === 'manager' ? y : x) : y.confidence > x.confidence ? y : x));
    const ref = rangeOf(column);
    const ids = ref && idsOf(env, ref);
    if (!ids) continue;
    const held = new Set(ids);
    let matched = 0;
    const missing: string[] = [];
    for (const id of logIds) {
      if (held.has(id)) matched++;
      else if (missing.length < SHOWN) missing.push(id);
    }
    if (!best || matched > best.matched) best = { table: a.sheet, tableIds: column, tickets: logIds.length, matched, missing };
  }
  return best;
}
