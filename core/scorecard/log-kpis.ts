/**
 * What the status-log KPI definitions (kpis/requester-wait.ts, paused-resolution.ts, …) share: the
 * roles of a status log, its status lists as facts, and a list as the catalog's text argument.
 */
import type { FactSource, KpiFacts, LiveArgs, Series } from './definition.js';
import { str } from './formula.js';
import { listText } from './log-statuses.js';
import type { StatusLists } from './log-statuses.js';
import type { Role } from './roles.js';
import type { Expr } from './types.js';

/** A status log: ticket, time of the change, the status entered. */
export const STATUS_LOG: readonly Role[] = ['ticketId', 'logTime', 'logStatus'];
/** A message log: ticket, time of the message, its author. */
export const MESSAGE_LOG: readonly Role[] = ['ticketId', 'logTime', 'logAuthor'];

/** The status lists of the variant's status log, read once at generation. */
export const statusFacts = (d: FactSource): Partial<KpiFacts> => ({ log: d.statusLists() });

/** A status list as text ("solved, closed"): fixed when the scorecard is generated, so regenerate after new statuses appear. */
export function statusArg(a: LiveArgs, which: keyof Pick<StatusLists, 'resolved' | 'pause' | 'waiting'>): Expr {
  return str(listText(a.facts.log?.[which] ?? []));
}

/** The log's ticket, time and status columns, as the status-log functions take them first. */
export const statusColumns = (a: LiveArgs): Expr[] => STATUS_LOG.map((role) => a.col(role));

/** The log KPIs LOG_TICKETS counts for. */
export type LogKpi = 'TIME_IN_STATUS' | 'LOG_RESOLUTION' | 'LOG_SLA_ATTAINMENT' | 'NEXT_REPLY_TIME';

/**
 * n of a log KPI: per period, the tickets its value rests on (LOG_TICKETS over the KPI's own
 * arguments). No native form: in portable mode it is written as values, as the KPI is.
 */
export function logTickets(fn: LogKpi, args: (a: LiveArgs) => Expr[]): Series {
  return {
    live: (a) => ({ table: a.byPeriod('LOG_TICKETS', str(fn), ...args(a)), column: 2 }),
    native: () => null,
  };
}
