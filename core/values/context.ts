import type { WallClock } from './clock.js';
import type { DateOrder } from './date-text.js';
import type { LabelScale } from './ratings.js';

/**
 * What an argument holds, where the catalog needs to know: the day/month order of text dates is
 * decided over all `dates` arguments of a call together, and the scale of rating labels over all
 * `ratings` arguments; `scores`, `durations` and `flags` tell the scorecard and the generators
 * what a column must hold.
 */
export type ValueKind = 'dates' | 'ratings' | 'scores' | 'durations' | 'flags';

/** An argument of the call, by name, as the host passed it. */
export interface Source {
  readonly name: string;
  readonly value: unknown;
}

/**
 * Decisions taken once per call over all arguments of a kind, before any range is cut
 * (KPI_BY_PERIOD/KPI_BY_GROUP widen the scope to their inner KPI's whole ranges).
 */
export interface CallScope {
  readonly dateSources: readonly Source[];
  readonly ratingSources: readonly Source[];
  /** The day/month order to take when no date of the call decides it (the scorecard's or CLI's choice). */
  readonly preferredOrder: DateOrder | undefined;
  /** The day/month order, once decided (date-order.ts). */
  order: DateOrder | undefined;
  /** The rating label scale, once decided (ratings.ts); null when the call's ratings hold no label. */
  labels: LabelScale | null | undefined;
  /** Columns read by earlier calls of the same caller, when it keeps them (read.ts ReadCache). */
  readonly reads?: ReadCache;
  /** How often a reading asked for the day/month order (date-order.ts): a read that asked is not kept. */
  orderAsked?: number;
}

/**
 * Number columns a caller keeps across its calls, by the array it passed: the scorecard keeps one
 * per plan, whose ranges are arrays it never changes, so a column read by one KPI is not parsed
 * again by the next (read.ts keeps only columns whose reading did not ask for the call's
 * day/month order, and read without error). Cell functions have none.
 */
export interface ReadCache {
  get(range: object, dates: boolean): ReadColumn | undefined;
  set(range: object, dates: boolean, read: ReadColumn): void;
  /**
   * What `make` derives from a read column's values (the period of every row), made once per
   * column and `key`; read-only like the column. Only kept columns' values recur.
   */
  derive<T>(values: Float64Array, key: string, make: () => T): T;
}

/** A column as read.ts reads it (its NumberColumn): kept read-only by every reader. */
export interface ReadColumn {
  readonly grid: { readonly cells: readonly (readonly unknown[])[]; readonly rows: number; readonly cols: number };
  readonly values: Float64Array;
  readonly count: number;
}

/** What every catalog implementation gets besides its arguments: its own name and the spreadsheet's clock. */
export interface CallContext {
  /** Catalog name, used to start every error message. */
  readonly fn: string;
  readonly clock: WallClock;
  /** Another catalog function by name (KPI_BY_PERIOD and KPI_BY_GROUP run other KPIs). */
  readonly lookup: (name: string) => CatalogImpl | undefined;
  /** Per-call decisions (day/month order, rating scale); shared by the contexts a call derives. */
  readonly scope: CallScope;
  /**
   * Set when KPI_BY_PERIOD or KPI_BY_GROUP runs the function on the rows of one period or group:
   * those rows are real rows (they have a date or a group), so none is an unused row below the data.
   */
  readonly segment?: true;
}

/**
 * Options a caller may pass for a whole call. Cell functions never set them; the scorecard and the
 * command line pass the user's day/month order (`--date-order`, the sidebar's choice), which is used
 * only when nothing in the call's dates decides it.
 */
export interface CallOptions {
  readonly dateOrder?: DateOrder;
}

export type Cell = number | string | boolean;
export type Table = Cell[][];
export type Result = Cell | Table;

export interface CatalogImpl {
  readonly name: string;
  readonly result: 'scalar' | 'table' | 'row' | 'column';
  /** The arguments (names, and what they hold), in order. */
  readonly args?: readonly { readonly name: string; readonly values?: ValueKind }[];
  readonly impl: (ctx: CallContext, args: readonly unknown[]) => Result;
}
