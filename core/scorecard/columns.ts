/**
 * Sheets held by column (SheetData.columns): what the command line's readers build, so a column of
 * a million rows is a few typed arrays rather than a million row arrays, Date objects and boxed
 * numbers. The evaluator and the plan read a one-column range straight from it (numbers, blanks,
 * the kinds of cells it holds), and catalog functions take it as a TypedColumn
 * (core/values/typed-column.ts), which makes the host-shaped rows `[[v], …]` only for a reader
 * without a path of its own.
 */
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE } from '../values/typed-column.js';
import type { ColumnCells } from '../values/typed-column.js';

// The cell kinds and a column's arrays are the value readers' (core/values/typed-column.ts: a
// catalog function reads such a column as it is); the scorecard's names for them:
export { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE, cellRow, columnCell, NULL_ROW } from '../values/typed-column.js';

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
export type SheetColumn = ColumnCells;

/** A sheet's cells by column, and by row as `values` holds them. */
export interface SheetColumns {
  /** Rows (as `values.length`). */
  readonly length: number;
  /** The row as `values[row]` holds it (made on demand). */
  at(row: number): readonly unknown[] | undefined;
  /** Column `col` (0-based from the origin column), or undefined when it holds no cell. */
  column(col: number): SheetColumn | undefined;
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
