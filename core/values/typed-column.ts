/**
 * A one-column range held as typed arrays instead of the rows `[[v], …]` a host passes: a kind per
 * cell, numbers (and dates as milliseconds) in a Float64Array, text where there is text. The
 * command line's readers hold whole sheets this way (core/scorecard/columns.ts), and the scorecard
 * passes such columns to catalog functions as they are, so a million-row column is not turned into
 * a million row arrays and Dates for each call.
 *
 * A TypedColumn is a Grid: every reader takes it. The readers that matter for big columns
 * (readNumbers/readDates, readKeys, the ticket pairs, KPI_BY_PERIOD/GROUP's cutting) read its
 * arrays; anything else reads `cells`, the host rows, made once on first use. Either way a cell
 * reads as the host value `cell(i)` gives — a test holds every reader to that (test/values/typed-column.test.ts).
 */
import type { Grid } from './grid.js';

/** What a cell of a column holds (its `kinds` entry). */
export const CELL_BLANK = 0;
export const CELL_NUMBER = 1;
export const CELL_DATE = 2;
export const CELL_TEXT = 3;
export const CELL_TRUE = 4;
export const CELL_FALSE = 5;

/**
 * One column, row by row from its sheet's origin row. Rows past `kinds.length` are blank. A date is
 * the Date a host would pass: its `getTime()` in `numbers`.
 */
export interface ColumnCells {
  readonly kinds: Uint8Array;
  /** Numbers, and dates as milliseconds (Date.getTime()); anything elsewhere. */
  readonly numbers: Float64Array;
  /** Text cells (kind text); undefined elsewhere, or altogether when the column has none. */
  readonly texts: readonly (string | undefined)[] | undefined;
}

/** The host value of entry `j` of a column (a blank is null; text "" is blank, as a range reads it). */
export function columnCell(col: ColumnCells | undefined, j: number): unknown {
  if (col === undefined || j < 0 || j >= col.kinds.length) return null;
  switch (col.kinds[j]) {
    case CELL_NUMBER: return col.numbers[j];
    case CELL_DATE: return new Date(col.numbers[j]);
    case CELL_TEXT: {
      const t = col.texts![j]!;
      return t === '' ? null : t;
    }
    case CELL_TRUE: return true;
    case CELL_FALSE: return false;
    default: return null;
  }
}

/** The row of a blank cell in a one-column range (shared, read-only). */
export const NULL_ROW: readonly unknown[] = Object.freeze([null]);

/**
 * The row `[v]` of a one-column range as a host passes it (v null for a blank): blanks, text and
 * booleans share one read-only row per value (no catalog function writes to its arguments).
 */
export function cellRow(v: unknown, shared: Map<unknown, readonly unknown[]>): unknown[] {
  if (v === null) return NULL_ROW as unknown[];
  if (typeof v === 'string' || typeof v === 'boolean') {
    let row = shared.get(v);
    if (!row) shared.set(v, (row = [v]));
    return row as unknown[];
  }
  return [v];
}

/**
 * Rows of a column as a one-column range: row `i` is entry `from + i` of `column` (blank outside
 * it), or entry `index[i]` for a range cut from another (KPI_BY_PERIOD's periods).
 */
export class TypedColumn implements Grid {
  /** One column; none when there is no row (as toGrid reads `[]`). */
  readonly cols: number;
  private host: unknown[][] | undefined;

  constructor(
    readonly column: ColumnCells | undefined,
    readonly from: number,
    readonly rows: number,
    readonly index?: Int32Array,
    /** The rows as the host passed them, when the caller holds them already (made on first use). */
    private readonly hostRows?: () => unknown[][],
  ) {
    this.cols = rows > 0 ? 1 : 0;
  }

  /** The entry of the column row `i` reads (may lie outside the column: a blank). */
  entry(i: number): number {
    return this.index === undefined ? this.from + i : this.index[i];
  }

  /** The host value of row `i`. */
  cell(i: number): unknown {
    return columnCell(this.column, this.entry(i));
  }

  /** The rows as a host passes them, `[[v], …]`: made on first use, then kept. */
  get cells(): readonly (readonly unknown[])[] {
    if (this.host === undefined && this.hostRows !== undefined) this.host = this.hostRows();
    if (this.host === undefined) {
      const out: unknown[][] = new Array(this.rows);
      const shared = new Map<unknown, readonly unknown[]>();
      for (let i = 0; i < this.rows; i++) out[i] = cellRow(this.cell(i), shared);
      this.host = out;
    }
    return this.host;
  }

  /** The rows if `cells` has made them, else undefined (never makes them): a reader's grid over them is this range. */
  madeCells(): readonly (readonly unknown[])[] | undefined {
    return this.host;
  }

  /** The range of rows `rows` (indices into this range, in that order). */
  cut(rows: readonly number[]): TypedColumn {
    const index = new Int32Array(rows.length);
    for (let i = 0; i < rows.length; i++) index[i] = this.entry(rows[i]);
    const cut = new TypedColumn(this.column, 0, rows.length, index);
    // Rows already made are shared, not made again (a log read by rows, then cut by period).
    const host = this.host;
    if (host !== undefined) {
      const out: unknown[][] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) out[i] = host[rows[i]];
      cut.host = out;
    }
    return cut;
  }
}

/** Held once: a global lookup per call is slow inside a Node vm context (see read.ts). */
const Typed = TypedColumn;

export function isTypedColumn(x: unknown): x is TypedColumn {
  return x instanceof Typed;
}
