import type { CallContext, Result, ValueKind } from '../values/context.js';

export interface Texts {
  readonly en: string;
  readonly de: string;
}

/**
 * How an argument is passed. `range`: a range (a single cell also works); `number`, `text`,
 * `date`: a single value; `any`: a range or a single value.
 */
export type ArgKind = 'range' | 'number' | 'text' | 'date' | 'any';

export interface ArgSpec {
  readonly name: string;
  readonly kind: ArgKind;
  readonly optional?: boolean;
  /** Repeats (Excel: a repeating parameter; Sheets: rest parameter). Only the last argument. */
  readonly repeating?: boolean;
  /** The default as the catalog states it (`0.95`, `"hours"`, `scale_max−1`). */
  readonly default?: string;
  /**
   * What the argument holds, where it matters beyond its kind: `dates` arguments share one
   * day/month order per call, `ratings` arguments one label scale (see core/values/scope.ts).
   */
  readonly values?: ValueKind;
  readonly description: Texts;
}

/** Formatting hint for results: the scorecard and the docs use it. */
export type Unit = 'points' | 'share' | 'duration' | 'count' | 'number' | 'money' | 'rank' | 'text' | 'table';

export type Family =
  | 'satisfaction' | 'customers' | 'tickets' | 'logs' | 'contact' | 'people' | 'text' | 'money' | 'scorecard' | 'segments';

export interface FunctionSpec {
  readonly name: string;
  readonly family: Family;
  readonly args: readonly ArgSpec[];
  /**
   * `scalar`: one value; `row`: a 1×n row; `table`: a table with a header row; `column`: as many
   * cells as an input range, no header (it takes a column's place in another function).
   */
  readonly result: 'scalar' | 'row' | 'table' | 'column';
  readonly unit: Unit;
  /** One line. */
  readonly summary: Texts;
  /** A longer help text: definition, source, blanks and errors. */
  readonly help: Texts;
  /** A worked example, as a user types it: `=NPS(A2:A101) → 45`. */
  readonly example: string;
  /** The standard definition this follows (Bain for NPS, SHRM for turnover, …). */
  readonly source: string;
  readonly impl: (ctx: CallContext, args: readonly unknown[]) => Result;
  /**
   * Rows that belong together, as a ticket's rows in a status or message log: KPI_BY_PERIOD and
   * KPI_BY_GROUP keep them in one segment. The argument positions of their ids and of the times
   * that order them.
   */
  readonly rowGroups?: RowGroups;
}

export interface RowGroups {
  readonly ids: number;
  readonly times: number;
}
