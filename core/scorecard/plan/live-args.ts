/**
 * What a KPI definition's live formulas are built from: its columns, options, facts and period. A
 * ticket column on an event log (ticket ids repeat) is read one value per ticket (PER_TICKET).
 */
import type { KpiDefinition, KpiFacts, LiveArgs } from '../definition.js';
import { local, ours, range, str } from '../formula.js';
import type { Role } from '../roles.js';
import type { Expr, RangeRef } from '../types.js';
import type { PlanContext } from './context.js';
import { firstTimes, isLogRole, perTicket } from './event-logs.js';

/** `periodDates`: the dates KPI_BY_PERIOD cuts by in place of the variant's column (a log KPI dated by its ticket table). */
export function liveArgs(ctx: PlanContext, def: KpiDefinition, ranges: ReadonlyMap<Role, RangeRef>, facts: KpiFacts, dates?: Role, periodDates?: Expr): LiveArgs {
  const column = (role: Role): Expr => {
    const ref = ranges.get(role);
    if (!ref) throw new Error(`internal: ${def.id} has no column for ${role}`);
    const log = ctx.eventLogs.get(ref.sheet);
    return log && !isLogRole(role) ? perTicket(log, role, ref) : range(ref);
  };
  const period = str(ctx.options.period);
  return {
    col: column,
    has: (role) => ranges.has(role),
    options: ctx.options,
    facts,
    period,
    byPeriod: (name, ...args) => {
      if (!dates) throw new Error(`internal: ${def.id} has no periods`);
      const ref = ranges.get(dates);
      const log = dates === 'logTime' && ref ? ctx.eventLogs.get(ref.sheet) : undefined;
      return ours('KPI_BY_PERIOD', str(name), periodDates ?? ((log && firstTimes(log)) || column(dates)), period, ...args);
    },
    actualOf: (id) => {
      const ref = ctx.actuals.get(id);
      return ref ? local(ref.row, ref.col) : undefined;
    },
  };
}

