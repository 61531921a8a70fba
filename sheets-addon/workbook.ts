/**
 * Reading the spreadsheet for the scorecard: sheet names, the add-on's own scorecard sheets (found
 * by their DeveloperMetadata, never by name), the values of data sheets, typed targets. Every read
 * is one batched call per sheet: a service call is a round trip.
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
