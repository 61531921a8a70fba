/**
 * How the command line marks the scorecard sheet it wrote, so that a later run on that workbook
 * recognises it (and replaces it instead of reading it as data) and keeps the targets typed on it.
 * Excel's add-in uses a worksheet custom property, which exceljs cannot write; workbook-level
 * defined names work in every spreadsheet and survive saving in Excel and LibreOffice:
 *
 *   _ServiceKpi_Scorecard       → 'KPI Scorecard'!$A$1   (the sheet)
 *   _ServiceKpi_Target_<id>     → 'KPI Scorecard'!$F$5   (the target cell of KPI <id>)
 */
import { columnLetters, quoteSheetName } from '../core/scorecard/formula.js';

export const MARKER_NAME = '_ServiceKpi_Scorecard';
/**
 * The whole marker (core/scorecard/types.ts PlanMarker: the add-on's areas, "Your notes", the name
 * asked for) as JSON text in one cell of a hidden column far right of the scorecard, named so a
 * later run finds it: `_ServiceKpi_Marker` → 'KPI Scorecard'!$GR$1. A file written before has
 * only the names above; its marker is rebuilt from them.
 */
export const MARKER_CELL_NAME = '_ServiceKpi_Marker';
export const MARKER_CELL = { row: 1, col: 200 } as const;
/** A cell holds at most 32,767 characters; a longer marker is left out (the names above still mark the sheet). */
export const MAX_MARKER_TEXT = 32_767;
export const TARGET_NAME_PREFIX = '_ServiceKpi_Target_';

/** KPI ids that fit a defined name. */
const NAME_SAFE = /^[A-Za-z0-9_]+$/;

export function targetName(id: string): string | undefined {
  return NAME_SAFE.test(id) ? TARGET_NAME_PREFIX + id : undefined;
}

/** `'KPI Scorecard'!$F$5` for a cell. */
export function absoluteRef(sheet: string, row: number, col: number): string {
  return `${quoteSheetName(sheet)}!$${columnLetters(col)}$${row}`;
}

const REF = /^(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Za-z]{1,3})\$?(\d+)(?::.*)?$/;

/** The first cell of a defined name's reference, or undefined for anything else. */
export function parseNameRef(text: string): { sheet: string; row: number; col: number } | undefined {
  const m = REF.exec(text.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  let col = 0;
  for (const ch of m[3].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { sheet, row: Number(m[4]), col };
}
