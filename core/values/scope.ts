/**
 * The per-call scope: which arguments hold dates and ratings, so that the day/month order and the
 * rating label scale are decided once over all of them (date-order.ts, ratings.ts).
 */
import type { CallContext, CallOptions, CallScope, CatalogImpl, ReadCache, Source } from './context.js';

type ArgList = CatalogImpl['args'];

function sourcesOf(specArgs: ArgList, args: readonly unknown[]): { dates: Source[]; ratings: Source[] } {
  const dates: Source[] = [], ratings: Source[] = [];
  if (specArgs) {
    const n = Math.min(specArgs.length, args.length);
    for (let k = 0; k < n; k++) {
      const a = specArgs[k];
      if (a.values === 'dates') dates.push({ name: a.name, value: args[k] });
      else if (a.values === 'ratings') ratings.push({ name: a.name, value: args[k] });
    }
  }
  return { dates, ratings };
}

/** The scope of a call of a function with `specArgs` on `args`. */
export function newScope(specArgs: ArgList, args: readonly unknown[], options?: CallOptions, reads?: ReadCache): CallScope {
  const { dates, ratings } = sourcesOf(specArgs, args);
  return { dateSources: dates, ratingSources: ratings, preferredOrder: options?.dateOrder, order: undefined, labels: undefined, ...(reads ? { reads } : {}) };
}

/**
 * KPI_BY_PERIOD / KPI_BY_GROUP: the context of a call that also runs `inner` over `innerArgs` (the
 * whole ranges, before they are cut): its date and rating arguments join the call's, so the order
 * and the scale are decided over everything, and every cut segment reads by the same decision.
 */
export function widenScope(ctx: CallContext, inner: CatalogImpl, innerArgs: readonly unknown[]): CallContext {
  const { dates, ratings } = sourcesOf(inner.args, innerArgs);
  const s = ctx.scope;
  const scope: CallScope = {
    dateSources: [...s.dateSources, ...dates], ratingSources: [...s.ratingSources, ...ratings],
    preferredOrder: s.preferredOrder, order: s.order, labels: s.labels, ...(s.reads ? { reads: s.reads } : {}),
  };
  return { ...ctx, scope };
}
