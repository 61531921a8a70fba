/**
 * Reading the spreadsheet for the scorecard: sheet names, the add-on's own scorecard sheets (found
 * by their DeveloperMetadata, never by name), the values of data sheets (all of them for the plan,
 * the header area and the last row for the outline), typed targets. Every read is one batched call:
 * a service call is a round trip.
 */
/// <reference types="google-apps-script" />
import type { ExistingSheet } from '../core/scorecard/api.js';
import { HELPER_FIRST } from '../core/scorecard/plan/layout.js';
import { looksLikeScorecard, readPrevious } from '../core/scorecard/previous.js';
import type { PlanMarker, SheetData } from '../core/scorecard/types.js';
import { wallClock } from '../core/values/clock.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The DeveloperMetadata key on every scorecard sheet the add-on wrote. */
export const MARKER_KEY: PlanMarker['key'] = 'service-kpi.scorecard';

export interface OurSheet {
  readonly sheet: Sheet;
  /** The marker as written (null when its value cannot be read: the sheet is still ours). */
  readonly marker: PlanMarker | null;
  /** The marker's text as stored (previous.ts validates it). */
  readonly raw: string | null;
  /**
   * True when the sheet's top is our scorecard's (title in A1, header in row 4). A marked sheet
   * without it — a data sheet duplicated from ours, a scorecard overwritten — is data.
   */
  readonly scorecard: boolean;
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
    const raw = md.getValue();
    // One read per marked sheet: its title and header tell our scorecard from data.
    const scorecard = looksLikeScorecard({ row: 1, col: 1, values: sheet.getRange(1, 1, 4, 2).getValues() });
    out.set(sheet.getName(), { sheet, marker: parseMarker(raw), raw, scorecard });
  }
  return out;
}

/** The most rows of a previous scorecard read back; a scorecard grown beyond is left as it is. */
export const MAX_PREVIOUS_ROWS = 20_000;

/**
 * Our previous scorecard read back (previous.ts): values, formulas and number formats of its
 * columns left of the hidden helpers, in three reads of one range.
 */
export function readPreviousSheet(our: OurSheet, name: string, timeZone: string): ExistingSheet {
  if (!our.scorecard) return { name, ours: false, markerIgnored: true };
  const rows = our.sheet.getLastRow();
  if (rows > MAX_PREVIOUS_ROWS) return { name, ours: true, keep: 'too many cells' };
  const cols = Math.min(Math.max(1, our.sheet.getLastColumn()), HELPER_FIRST - 1);
  const range = our.sheet.getRange(1, 1, Math.max(1, rows), cols);
  const cells = { row: 1, col: 1, values: range.getValues(), formulas: range.getFormulas(), formats: range.getNumberFormats() };
  return readPrevious(name, our.raw, cells, wallClock(timeZone));
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
