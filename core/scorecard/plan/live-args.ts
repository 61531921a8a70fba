/** What a KPI definition's live formulas are built from: its columns, options, facts and period. */
import type { KpiDefinition, KpiFacts, LiveArgs } from '../definition.js';
import { local, ours, range, str } from '../formula.js';
import type { Role } from '../roles.js';
import type { Expr, RangeRef } from '../types.js';
import type { PlanContext } from './context.js';

export function liveArgs(ctx: PlanContext, def: KpiDefinition, ranges: ReadonlyMap<Role, RangeRef>, facts: KpiFacts, dates?: Role): LiveArgs {
  const column = (role: Role): Expr => {
    const ref = ranges.get(role);
    if (!ref) throw new Error(`internal: ${def.id} has no column for ${role}`);
    return range(ref);
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
      return ours('KPI_BY_PERIOD', str(name), column(dates), period, ...args);
    },
    actualOf: (id) => {
      const ref = ctx.actuals.get(id);
      return ref ? local(ref.row, ref.col) : undefined;
    },
  };
}

