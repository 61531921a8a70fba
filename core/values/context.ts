import type { WallClock } from './clock.js';

/** What every catalog implementation gets besides its arguments: its own name and the spreadsheet's clock. */
export interface CallContext {
  /** Catalog name, used to start every error message. */
  readonly fn: string;
  readonly clock: WallClock;
  /** Another catalog function by name (KPI_BY_PERIOD and KPI_BY_GROUP run other KPIs). */
  readonly lookup: (name: string) => CatalogImpl | undefined;
}

export type Cell = number | string | boolean;
export type Table = Cell[][];
export type Result = Cell | Table;

export interface CatalogImpl {
  readonly name: string;
  readonly result: 'scalar' | 'table' | 'row';
  readonly impl: (ctx: CallContext, args: readonly unknown[]) => Result;
}
