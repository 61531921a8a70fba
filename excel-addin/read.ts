/// <reference types="office-js" />
/**
 * Reading a worksheet's data the way the scorecard engine wants it (SheetData), in batches: the
 * reads are only queued here and become available after the caller's next `context.sync()`.
 *
 * Excel hands over dates as serial numbers; only the number format tells a date from a count. The
 * format of the first rows is read with the values, and numbers in a column formatted as a date or
 * time become Date objects on the UTC clock (a serial is the wall-clock time the cell shows), so the
 * outline shows them as ISO dates, as it does for Sheets.
 */
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../core/values/clock.js';
import type { SheetData } from '../core/scorecard/types.js';

/** Rows whose number formats decide which columns hold dates (the header lies within the first 100). */
export const FORMAT_ROWS = 120;
/**
 * Rows readOutline reads from the top of each sheet (plus the last row, for the row count): enough
 * for the header and the first samples, and small enough that a workbook of many wide sheets stays
 * well inside Excel on the web's 5 MB per sync.
 */
export const OUTLINE_ROWS = 500;

export interface QueuedSheet {
  readonly name: string;
  /** The used range (values only): position and size. */
  readonly used: Excel.Range;
  /** Values of the whole used range, or of its first OUTLINE_ROWS rows when `top` is set. */
  readonly values: Excel.Range;
  /** The last row of the used range (when only the top was read). */
  readonly last?: Excel.Range;
  readonly formats: Excel.Range;
}

/**
 * Queues the reads of one sheet. `whole`: every value of the used range (for the plan); otherwise
 * only the first OUTLINE_ROWS rows and the last row (for the outline: headers, samples, row count).
 */
export function queueSheet(sheet: Excel.Worksheet, name: string, whole: boolean): QueuedSheet {
  const used = sheet.getUsedRange(true);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  const formats = used.getRow(0).getResizedRange(FORMAT_ROWS - 1, 0);
  formats.load('numberFormat');
  if (whole) {
    used.load('values');
    return { name, used, values: used, formats };
  }
  const values = used.getRow(0).getResizedRange(OUTLINE_ROWS - 1, 0);
  values.load('values');
  const last = used.getLastRow();
  last.load('values');
  return { name, used, values, last, formats };
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

/** The loaded sheet as SheetData (call after the sync). Rows only read in part are left as holes. */
export function sheetDataOf(q: QueuedSheet): SheetData {
  const rowCount = q.used.rowCount;
  const top = q.values.values as unknown[][];
  let values: unknown[][];
  if (!q.last) values = top;
  else {
    values = top.slice(0, rowCount);
    if (rowCount > values.length) {
      // The outline skips missing rows; the last row keeps the row count right.
      values.length = rowCount;
      values[rowCount - 1] = q.last.values[0];
    }
  }
  const dates = dateColumns(values, q.formats.numberFormat as unknown[][]);
  if (dates.size > 0) {
    for (const row of values) {
      if (!row) continue;
      for (const c of dates) {
        const v = row[c];
        if (typeof v === 'number' && v - v === 0) row[c] = dateOfSerial(v);
      }
    }
  }
  return { name: q.name, values, originRow: q.used.rowIndex + 1, originCol: q.used.columnIndex + 1 };
}
