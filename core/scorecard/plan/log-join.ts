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
 *
 * Joined, the log KPIs are counted in the ticket table's periods (tableDates): a support lead reads
 * "resolution time on the SLA clock" beside "average resolution time" and "SLA attainment" as
 * figures about the same tickets — those resolved in the month by the ticket table — and requester
 * wait and next reply time beside first response time, by the month the ticket was opened. So each
 * log row gets its ticket's date from the table (TICKET_LOOKUP), and the KPI shares the table
 * column's timeline (the same periods, baseline and reporting period as the ticket KPIs). A ticket
 * the table lacks, or holds without that date, keeps the period of its first log row, and a note
 * counts them and names the first. A join where no id matches keeps the log's own periods.
 */
import { contextFor } from '../../call.js';
import { readDates, readKeys, isOmitted } from '../../values/read.js';
import type { Texts } from '../definition.js';
import type { PeriodVariant } from '../definition.js';
import type { EvalEnv } from '../evaluate.js';
import { ours, range } from '../formula.js';
import type { Role } from '../roles.js';
import type { Expr, RangeRef, RoleAssignment } from '../types.js';
import type { PlanContext } from './context.js';
import { firstTimes, pick } from './event-logs.js';
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
    const column = pick(roles, 'ticketId', a.sheet)!;
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

/** A log's KPIs counted in the periods of a ticket table's date column, for the note. */
export interface LogDating {
  readonly log: string;
  readonly table: string;
  /** The table's date column (its header) and role. */
  readonly header: string;
  readonly role: Role;
  /** The log's tickets; those the table lacks (the first of them named); those it holds without a date there. */
  readonly tickets: number;
  readonly missing: number;
  readonly missingIds: readonly string[];
  readonly undated: number;
  /** Those it holds with text that is no date there (`n/a`): date arguments skip such text, so they are in no period. */
  readonly textDated: number;
  readonly textExample?: string;
}

/** How a log KPI is dated by its ticket table: the periods' column, the live dates and the definition. */
export interface TableDates {
  readonly role: Role;
  readonly ref: RangeRef;
  /** KPI_BY_PERIOD's dates: each log row's ticket's date in the table, else its first log time. */
  readonly dates: Expr;
  readonly definition: Texts;
  readonly dating: LogDating;
}

/**
 * The log's tickets the table holds with a blank cell in `dates`, and with text there that date
 * arguments skip (`n/a`); undefined when a cell is one the ids reader rejects.
 */
function undatedTickets(env: EvalEnv, logIds: RangeRef, tableIds: RangeRef, dates: RangeRef): { blank: number; text: number; example?: string } | undefined {
  const ctx = contextFor('TICKET_LOOKUP', env.clock);
  try {
    const keys = readKeys(ctx, env.range(tableIds).raw).keys;
    const cells = env.range(dates).raw;
    const read = skippedDates(ctx, cells);
    const blank = new Set<string>(), text = new Map<string, string>();
    keys.forEach((k, i) => {
      if (k === undefined) return;
      const v = cells[i]?.[0];
      if (isOmitted(v)) blank.add(k);
      else if (typeof v === 'string' && read !== undefined && read[i] !== read[i]) text.set(k, v);
    });
    const logKeys = new Set(readKeys(ctx, env.range(logIds).raw).keys.filter((k): k is string => k !== undefined));
    const inLog = (k: string): boolean => logKeys.has(k);
    const texts = [...text.keys()].filter(inLog);
    return { blank: [...blank].filter(inLog).length, text: texts.length, ...(texts.length > 0 ? { example: text.get(texts[0]) } : {}) };
  } catch {
    return undefined;
  }
}

/**
 * The column read as a date argument reads it, in one pass: NaN where a cell is skipped (blank, or
 * text that is no date). Undefined when the reading fails: the KPI shows that error itself.
 */
function skippedDates(ctx: ReturnType<typeof contextFor>, cells: readonly (readonly unknown[])[]): Float64Array | undefined {
  try {
    return readDates(ctx, cells).values;
  } catch {
    return undefined;
  }
}

/**
 * The ticket table's dates a log KPI is counted by: the first of the variant's `byTable` columns
 * the joined table has; undefined when the KPI has none, its log joins no table, or no id matches.
 */
export function tableDates(ctx: PlanContext, variant: PeriodVariant, ranges: ReadonlyMap<Role, RangeRef>): TableDates | undefined {
  const ids = ranges.get('ticketId'), times = ranges.get('logTime');
  if (!variant.byTable || !ids || !times) return undefined;
  const log = ctx.eventLogs.get(times.sheet), join = ctx.logJoins.get(times.sheet);
  if (!log || !join || join.matched === 0) return undefined;
  const tableIds = ctx.data.rangeOf(join.tableIds);
  if (!tableIds) return undefined;
  for (const b of variant.byTable) {
    const column = pick(ctx.request.roles, b.role, join.table);
    const ref = column && ctx.data.rangeOf(column);
    if (!column || !ref) continue;
    const undated = undatedTickets(ctx.env, ids, tableIds, ref);
    if (undated === undefined) return undefined;
    return {
      role: b.role, ref, definition: b.definition,
      dates: ours('TICKET_LOOKUP', range(ids), range(tableIds), range(ref), firstTimes(log) ?? range(times)),
      dating: {
        log: times.sheet, table: join.table, header: column.header, role: b.role,
        tickets: join.tickets, missing: join.tickets - join.matched, missingIds: join.missing,
        undated: undated.blank, textDated: undated.text, ...(undated.example !== undefined ? { textExample: undated.example } : {}),
      },
    };
  }
  return undefined;
}
