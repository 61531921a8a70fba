/**
 * Sheets held by column (SheetData.columns): what the command line's readers build, so a column of
 * a million rows is a few typed arrays rather than a million row arrays, Date objects and boxed
 * numbers. The evaluator and the plan read a one-column range straight from it (numbers, blanks,
 * the kinds of cells it holds) and make the host-shaped rows `[[v], …]` only for a catalog
 * function that takes the range.
 */

/** What a cell of a SheetColumn holds (its `kinds` entry). */
export const CELL_BLANK = 0;
export const CELL_NUMBER = 1;
export const CELL_DATE = 2;
export const CELL_TEXT = 3;
export const CELL_TRUE = 4;
export const CELL_FALSE = 5;

/** Bits of a kind set (`1 << kind`). */
export const HAS_BLANK = 1 << CELL_BLANK;
export const HAS_NUMBER = 1 << CELL_NUMBER;
export const HAS_DATE = 1 << CELL_DATE;
export const HAS_TEXT = 1 << CELL_TEXT;
export const HAS_BOOLEAN = (1 << CELL_TRUE) | (1 << CELL_FALSE);

/**
 * One column of a sheet, row by row from the sheet's origin row. Rows past `kinds.length` are
 * blank. A date is the Date a host would pass: its `getTime()` in `numbers`.
 */
export interface SheetColumn {
  readonly kinds: Uint8Array;
  /** Numbers, and dates as milliseconds (Date.getTime()); anything elsewhere. */
  readonly numbers: Float64Array;
  /** Text cells (kind text); undefined elsewhere, or altogether when the column has none. */
  readonly texts: readonly (string | undefined)[] | undefined;
}

/** A sheet's cells by column, and by row as `values` holds them. */
export interface SheetColumns {
  /** Rows (as `values.length`). */
  readonly length: number;
  /** The row as `values[row]` holds it (made on demand). */
  at(row: number): readonly unknown[] | undefined;
  /** Column `col` (0-based from the origin column), or undefined when it holds no cell. */
  column(col: number): SheetColumn | undefined;
}

/** The host value of one cell of a column (a blank is null; text "" is blank, as a range reads it). */
export function columnCell(col: SheetColumn | undefined, row: number): unknown {
  if (col === undefined || row < 0 || row >= col.kinds.length) return null;
  switch (col.kinds[row]) {
    case CELL_NUMBER: return col.numbers[row];
    case CELL_DATE: return new Date(col.numbers[row]);
    case CELL_TEXT: {
      const t = col.texts![row]!;
      return t === '' ? null : t;
    }
    case CELL_TRUE: return true;
    case CELL_FALSE: return false;
    default: return null;
  }
}

/** Rows `from` … `from + length − 1` of one column (rows before the sheet or past its end are blank). */
export interface ColumnSlice {
  readonly column: SheetColumn | undefined;
  /** Row index in the sheet of the slice's first row (may be negative or past the end). */
  readonly from: number;
  readonly length: number;
}

/** The kinds of cell in a slice, as a set of HAS_* bits (text "" counts as blank). */
export function sliceKinds(s: ColumnSlice): number {
  const col = s.column;
  if (col === undefined) return s.length > 0 ? HAS_BLANK : 0;
  const { kinds, texts } = col;
  const start = Math.max(0, s.from), end = Math.min(kinds.length, s.from + s.length);
  let set = end - start < s.length ? HAS_BLANK : 0;
  for (let r = start; r < end; r++) {
    const k = kinds[r];
    set |= k === CELL_TEXT && texts![r] === '' ? HAS_BLANK : 1 << k;
  }
  return set;
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
 * The slice as a host passes a column, `[[v], …]`: Dates made from their milliseconds, the rows of
 * text, booleans and blanks shared (read-only: no catalog function writes to its arguments).
 */
export function sliceRows(s: ColumnSlice): unknown[][] {
  const out: unknown[][] = new Array(Math.max(0, s.length));
  const col = s.column;
  const shared = new Map<unknown, readonly unknown[]>();
  for (let i = 0; i < s.length; i++) out[i] = cellRow(columnCell(col, s.from + i), shared);
  return out;
}
