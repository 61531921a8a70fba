/// <reference types="office-js" />
/**
 * Reading a worksheet's data the way the scorecard engine wants it (SheetData): which rectangles to
 * read (all rows for the plan; the top rows, by a cell budget, and the last row for the outline),
 * read within Excel's limits by blocks.ts.
 *
 * Excel hands over dates as serial numbers; only the number format tells a date from a count. The
 * format of the first rows is read with the values, and numbers in a column formatted as a date or
 * time become Date objects on the UTC clock (a serial is the wall-clock time the cell shows), so the
 * outline shows them as ISO dates, as it does for Sheets.
 */
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../core/values/clock.js';
import type { SheetData } from '../core/scorecard/types.js';
import type { BlockRead } from './blocks.js';

/** Rows whose number formats decide which columns hold dates (the header lies within the first 100). */
export const FORMAT_ROWS = 120;
/**
 * Rows readOutline reads from the top of each sheet (plus the last row, for the row count): enough
 * for the header (searched in the first 100 rows) and the first samples.
 */
export const OUTLINE_ROWS = 500;
/**
 * The outline's cell budget per sheet: a wide sheet gets fewer top rows (never fewer than
 * MIN_OUTLINE_ROWS), so that many wide sheets still outline in one or two syncs of CHUNK_CELLS.
 */
export const OUTLINE_SHEET_CELLS = 25_000;
export const MIN_OUTLINE_ROWS = 20;

/** Where a sheet's used range lies (0-based) and how big it is. */
export interface SheetShape {
  readonly name: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** Queues the load of a sheet's used range (values only): position and size, no cells. */
export function queueUsed(sheet: Excel.Worksheet): Excel.Range {
  const used = sheet.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  return used;
}

/** Call after the sync that loaded `queueUsed`. */
export function shapeOf(name: string, used: Excel.Range): SheetShape {
  return { name, row: used.rowIndex, col: used.columnIndex, rows: used.rowCount, cols: used.columnCount };
}

/** Top rows the outline reads of a sheet `cols` wide. */
export function outlineRows(cols: number): number {
  return Math.min(OUTLINE_ROWS, Math.max(MIN_OUTLINE_ROWS, Math.floor(OUTLINE_SHEET_CELLS / Math.max(1, cols))));
}

/** A sheet's reads, as indexes into the shared list of BlockReads. */
export interface PlannedSheet {
  readonly shape: SheetShape;
  readonly top: number;
  readonly formats: number;
  /** The last row, when only the top is read (for the outline's row count). */
  readonly last?: number;
}

/**
 * Adds the reads of one sheet to `reads`: every row (`whole`, for the plan) or the top rows and the
 * last one (for the outline: headers, samples, row count); and the number formats of the first
 * rows, which tell date columns from numbers.
 */
export function planSheetReads(sheet: Excel.Worksheet, shape: SheetShape, whole: boolean, reads: BlockRead[]): PlannedSheet {
  const { row, col, cols } = shape;
  const topRows = whole ? shape.rows : Math.min(shape.rows, outlineRows(cols));
  const add = (r: number, rows: number, property: BlockRead['property']): number => reads.push({ sheet, row: r, col, rows, cols, property }) - 1;
  const top = add(row, topRows, 'values');
  const formats = add(row, Math.min(topRows, FORMAT_ROWS), 'numberFormat');
  const last = topRows < shape.rows ? add(row + shape.rows - 1, 1, 'values') : undefined;
  return { shape, top, formats, last };
}

/** True for an Excel number format that shows a date or a time (`yyyy-mm-dd`, `m/d/yy h:mm`, `hh:mm`). */
export function isDateFormat(format: unknown): boolean {
  if (typeof format !== 'string' || format === '' || format === 'General' || format === '@') return false;
  // Only the first section (positive numbers) decides; quoted text, escapes and [colour]/[$-407]
  // tags are not format codes. Elapsed times ([h]:mm) are durations, not dates.
  if (/\[(h+|m+|s+)\]/i.test(format)) return false;
  const first = format.split(';')[0]
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/_./g, '');
  return /[dmyhs]/i.test(first.replace(/AM\/PM|A\/P/gi, ''));
}

/** Columns (0-based within the used range) whose numbers are dates, judged by the first rows' formats. */
export function dateColumns(values: readonly (readonly unknown[])[], formats: readonly (readonly unknown[])[]): Set<number> {
  const out = new Set<number>();
  const rows = Math.min(values.length, formats.length);
  for (let r = 0; r < rows; r++) {
    const vr = values[r], fr = formats[r];
    for (let c = 0; c < vr.length; c++) {
      if (typeof vr[c] === 'number' && isDateFormat(fr[c])) out.add(c);
    }
  }
  return out;
}

/** A serial as the Date the core reads back to the same serial on the UTC clock. */
export function dateOfSerial(serial: number): Date {
  return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** The read sheet as SheetData. Rows the outline did not read are left as holes. */
export function sheetDataOf(planned: PlannedSheet, grids: readonly (readonly unknown[][])[]): SheetData {
  const { shape } = planned;
  let values = grids[planned.top] as unknown[][];
  if (planned.last !== undefined) {
    // The outline skips missing rows; the last row keeps the row count right.
    values = values.slice();
    values.length = shape.rows;
    values[shape.rows - 1] = grids[planned.last][0];
  }
  const dates = dateColumns(values, grids[planned.formats]);
  if (dates.size > 0) {
    for (const row of values) {
      if (!row) continue;
      for (const c of dates) {
        const v = row[c];
        if (typeof v === 'number' && v - v === 0) row[c] = dateOfSerial(v);
      }
    }
  }
  return { name: shape.name, values, originRow: shape.row + 1, originCol: shape.col + 1 };
}
