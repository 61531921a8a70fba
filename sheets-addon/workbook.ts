/**
 * Reading the spreadsheet for the scorecard: sheet names, the add-on's own scorecard sheets (found
 * by their DeveloperMetadata, never by name), the values of data sheets (all of them for the plan,
 * the header area and the last row for the outline), typed targets. Every read is one batched call:
 * a service call is a round trip.
 */
/// <reference types="google-apps-script" />
import type { PlanMarker, SheetData } from '../core/scorecard/types.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The DeveloperMetadata key on every scorecard sheet the add-on wrote. */
export const MARKER_KEY: PlanMarker['key'] = 'service-kpi.scorecard';

export interface OurSheet {
  readonly sheet: Sheet;
  /** The marker as written (null when its value cannot be read: the sheet is still ours). */
  readonly marker: PlanMarker | null;
}

export interface SheetList {
  readonly sheets: readonly Sheet[];
  readonly names: readonly string[];
}

export function listSheets(ss: Spreadsheet): SheetList {
  const sheets = ss.getSheets();
  return { sheets, names: sheets.map((s) => s.getName()) };
}

export function parseMarker(value: string | null): PlanMarker | null {
  if (!value) return null;
  try {
    const m = JSON.parse(value) as Partial<PlanMarker>;
    if (m && m.key === MARKER_KEY && m.version === 1 && Array.isArray(m.kpis) && m.targetCells && typeof m.targetCells === 'object') {
      return m as PlanMarker;
    }
  } catch {
    // fall through: ours, but without readable targets
  }
  return null;
}

/** Our scorecard sheets by name: one finder call for the whole spreadsheet. */
export function findOurSheets(ss: Spreadsheet): Map<string, OurSheet> {
  const out = new Map<string, OurSheet>();
  for (const md of ss.createDeveloperMetadataFinder().withKey(MARKER_KEY).find()) {
    // Only metadata on a whole sheet counts (getSheet() is null for other locations).
    const sheet = md.getLocation().getSheet();
    if (!sheet) continue;
    out.set(sheet.getName(), { sheet, marker: parseMarker(md.getValue()) });
  }
  return out;
}

/** A sheet's used range from A1, as Sheets gives it: Dates for date cells, "" for blanks. */
export function readSheet(sheet: Sheet, name: string): SheetData {
  return { name, values: sheet.getDataRange().getValues(), originRow: 1, originCol: 1 };
}

/**
 * What the outline reads of a sheet: the top rows (the header lies within the first 100; the first
 * samples follow it), at most OUTLINE_ROWS and at most OUTLINE_SHEET_CELLS cells (never fewer than
 * MIN_OUTLINE_ROWS rows), and the last row, so the row count comes out right. Every call is a
 * round trip and every cell costs time within the 6-minute execution: a 200,000-row sheet is read
 * as ~500 rows, not all of them.
 */
export const OUTLINE_ROWS = 500;
export const OUTLINE_SHEET_CELLS = 25_000;
export const MIN_OUTLINE_ROWS = 20;

export function outlineRows(cols: number): number {
  return Math.min(OUTLINE_ROWS, Math.max(MIN_OUTLINE_ROWS, Math.floor(OUTLINE_SHEET_CELLS / Math.max(1, cols))));
}

/**
 * The header area and the last row of a sheet, for the outline: getLastRow/getLastColumn for its
 * size, one read of the top rows, one of the last row (when the top does not reach it). Rows in
 * between are left as holes, which the outline skips.
 */
export function readSheetTop(sheet: Sheet, name: string): SheetData {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return { name, values: [], originRow: 1, originCol: 1 };
  const top = Math.min(lastRow, outlineRows(lastCol));
  const values: unknown[][] = sheet.getRange(1, 1, top, lastCol).getValues();
  if (lastRow > top) {
    values.length = lastRow;
    values[lastRow - 1] = sheet.getRange(lastRow, 1, 1, lastCol).getValues()[0];
  }
  return { name, values, originRow: 1, originCol: 1 };
}

/** The targets typed on one of our scorecards, read back through its marker in one read. */
export function readTargets(our: OurSheet): Record<string, number | null> | undefined {
  const cells = our.marker ? Object.entries(our.marker.targetCells) : [];
  if (cells.length === 0) return undefined;
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const [, ref] of cells) {
    top = Math.min(top, ref.row);
    left = Math.min(left, ref.col);
    bottom = Math.max(bottom, ref.row);
    right = Math.max(right, ref.col);
  }
  const values = our.sheet.getRange(top, left, bottom - top + 1, right - left + 1).getValues();
  const out: Record<string, number | null> = {};
  for (const [id, ref] of cells) {
    const v = values[ref.row - top]?.[ref.col - left];
    out[id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}
