/**
 * Test helper: an .xlsx file as WorkbookData, the way a host reader hands it to the scorecard
 * engine. exceljs cell values become plain values: numbers, text, booleans, Date objects (kept),
 * null for empty cells; rich text and hyperlinks become their text, formulas their cached result,
 * error cells their error text (`#N/A`).
 *
 * exceljs reads a date cell as a Date whose UTC fields are the wall clock the cell shows (a file
 * has no time zone), so the data's time zone is UTC unless the caller says otherwise.
 */
import ExcelJS from 'exceljs';
import type { SheetData, WorkbookData } from '../../core/scorecard/types.js';

export async function readXlsxData(file: string, timeZone = 'UTC'): Promise<WorkbookData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets: SheetData[] = [];
  wb.eachSheet((ws) => sheets.push(sheetData(ws)));
  return { sheets, timeZone };
}

/** The sheet's values from A1 to its last used row and column (as Sheets' getDataRange reads them). */
function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  const values: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const row = ws.getRow(r);
    const out: unknown[] = new Array(cols);
    for (let c = 1; c <= cols; c++) out[c - 1] = plainValue(row.getCell(c).value);
    values.push(out);
  }
  return { name: ws.name, values, originRow: 1, originCol: 1 };
}

/** An exceljs cell value as a plain value. */
export function plainValue(v: ExcelJS.CellValue | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('error' in v) return v.error;
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return null;
      if (typeof result === 'object' && !(result instanceof Date) && 'error' in result) return (result as { error: string }).error;
      return result;
    }
    if ('text' in v) {
      const text = (v as { text: unknown }).text;
      return typeof text === 'string' ? text : plainValue(text as ExcelJS.CellValue);
    }
  }
  return null;
}
