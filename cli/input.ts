/**
 * What the readers hand to the rest of the command line: the engine's WorkbookData plus what the
 * writer needs to copy the data sheets faithfully (number formats, widths, frozen rows) and what
 * the user should be told (things not carried over, cells read as text).
 *
 * Dates are Date objects whose UTC fields are the wall-clock time a cell shows (exceljs reads and
 * writes them that way), so the workbook's clock is UTC for every input: see docs/cli.md.
 */
import type { ExistingSheet } from '../core/scorecard/api.js';
import type { SheetData, WorkbookData } from '../core/scorecard/types.js';
import type { ColumnOrderRead } from './read-csv.js';
import type { ColumnStore } from './sheet-columns.js';

export interface InputSheet {
  /**
   * The values from the first used row and column. Workbook sheets are sparse: a row without cells
   * is a hole (undefined) and a row ends at its last cell, so a far cell costs nothing; the core
   * reads holes and missing cells as blanks.
   */
  readonly data: SheetData;
  /** Number format per cell, parallel to `data.values` (a missing row or cell: General). */
  readonly formats: readonly ((readonly (string | undefined)[]) | undefined)[];
  /**
   * The sheet held by column, as the readers make it (then `data.values` and `formats` are made
   * from it on first use only; the plan and the writer read the columns).
   */
  readonly columns?: ColumnStore;
  /** Column widths in characters by 0-based column from `data.originCol` (undefined: default). */
  readonly widths: readonly (number | undefined)[];
  /** Rows frozen at the top (the header of a CSV file, a workbook's own frozen panes). */
  readonly frozenRows: number;
  readonly frozenCols: number;
  /** Sheet rows (1-based) written in bold: a CSV file's header row, a workbook's bold rows. */
  readonly boldRows: readonly number[];
  /** Merged ranges (`A1:C1`) to carry over. */
  readonly merges: readonly string[];
  readonly hidden: boolean;
}

export interface InputWorkbook {
  readonly sheets: readonly InputSheet[];
  /** Every sheet name of the input (including one of our earlier scorecards, which is not in `sheets`). */
  readonly sheetNames: readonly string[];
  /** Our own earlier scorecard in an input workbook (recognised by its defined names), and the user's sheets. */
  readonly existing: readonly ExistingSheet[];
  /** Things the user should know: what the output does not carry over, cells kept as text. */
  readonly notes: readonly string[];
  /** The files read, as given. */
  readonly files: readonly string[];
  /** The day/month order each column of numeric date text was read in (CSV files), and why. */
  readonly dateOrders?: readonly ColumnOrderRead[];
}

/** Values as the engine reads them (dates in the UTC wall-clock convention). */
export function workbookData(input: InputWorkbook): WorkbookData {
  return { sheets: input.sheets.map((s) => s.data), timeZone: 'UTC' };
}

/** Excel's sheet limits. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;
