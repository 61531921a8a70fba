/**
 * Writes a scorecard plan (dialect 'sheets') onto a new sheet in a fixed number of calls, however
 * many KPIs it holds: all blocks are laid into ONE rectangle, written with one setNumberFormats,
 * one setValues (formulas as "=…" text; text from the user's data neutralised so that it stays
 * text), and one call per style property. Status colours are conditional format rules (one per
 * colour), widths and hidden columns go by runs of columns, and DeveloperMetadata marks the sheet
 * as ours so that regeneration finds it.
 */
/// <reference types="google-apps-script" />
import { neutralise, quote } from '../core/safe-text.js';
import type { CellStyle, Expr, LocalRef, PlanBlock, PlanCell, ScorecardPlan } from '../core/scorecard/types.js';
import { MARKER_KEY } from './workbook.js';
import type { OurSheet, SheetList } from './workbook.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** How each plan style looks in Sheets (null: the sheet's default). */
export interface Look {
  readonly background: string | null;
  readonly weight: 'bold' | null;
  readonly color: string | null;
  readonly italic: boolean;
  readonly size: number | null;
}

const PLAIN: Look = { background: null, weight: null, color: null, italic: false, size: null };

export const STYLE_LOOKS: Readonly<Record<CellStyle, Look>> = {
  title: { ...PLAIN, weight: 'bold', color: '#1f3864', size: 14 },
  subtitle: { ...PLAIN, color: '#5f6368' },
  header: { ...PLAIN, weight: 'bold', background: '#e8eaed' },
  section: { ...PLAIN, weight: 'bold', background: '#f1f3f4' },
  input: { ...PLAIN, background: '#fff8e1' },
  note: { ...PLAIN, italic: true, color: '#5f6368' },
  kpi: { ...PLAIN, weight: 'bold' },
  helper: { ...PLAIN, color: '#9aa0a6' },
};

/** Sheets' default font size. */
const DEFAULT_SIZE = 10;
/** Sheets' automatic number format. */
export const GENERAL = 'General';
/** Plain text: a constant label such as "2026-03" or "1" stays the text it is. */
export const PLAIN_TEXT = '@';

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function a1(ref: LocalRef): string {
  const start = `${columnLetters(ref.col)}${ref.row}`;
  const rows = ref.rows ?? 1, cols = ref.cols ?? 1;
  return rows === 1 && cols === 1 ? start : `${start}:${columnLetters(ref.col + cols - 1)}${ref.row + rows - 1}`;
}

/** Everything the one-rectangle write needs, computed without touching the sheet. */
export interface SheetGrids {
  readonly row: number;
  readonly col: number;
  readonly values: (string | number | boolean)[][];
  readonly formats: string[][];
  readonly backgrounds: (string | null)[][];
  readonly weights: ('bold' | 'normal')[][];
  /** Colours: null resets to the default (no fill, black text), keeping the grid lines. */
  readonly colors: (string | null)[][];
  readonly styles: ('italic' | 'normal')[][];
  readonly sizes: number[][];
}

function boundsOf(blocks: readonly PlanBlock[]): { top: number; left: number; bottom: number; right: number } {
  let top = Infinity, left = Infinity, bottom = 0, right = 0;
  for (const b of blocks) {
    const width = b.cells.reduce((w, r) => Math.max(w, r.length), 0);
    if (b.cells.length === 0 || width === 0) continue;
    top = Math.min(top, b.row);
    left = Math.min(left, b.col);
    bottom = Math.max(bottom, b.row + b.cells.length - 1);
    right = Math.max(right, b.col + width - 1);
  }
  return top === Infinity ? { top: 1, left: 1, bottom: 1, right: 1 } : { top, left, bottom, right };
}

/** Sheets reads typed text: a constant string that is not meant as a formula keeps a text format. */
function cellValue(cell: PlanCell): { value: string | number | boolean; text: boolean } {
  if (cell.formula) return { value: cell.formula.text, text: false };
  // A formula the manager wrote on the previous scorecard, back in its cell.
  if (cell.userFormula) return { value: cell.userFormula, text: false };
  const v = cell.value;
  if (v === undefined || v === null || v === '') return { value: '', text: false };
  if (typeof v !== 'string') return { value: v, text: false };
  if (cell.userText) {
    const safe = neutralise(v);
    // neutralise() marks formula-like text with Sheets' apostrophe; that mark needs the default format.
    return { value: safe, text: !safe.startsWith("'") };
  }
  return { value: v, text: true };
}

/** Lays every block (and a SPARKLINE for any trend the blocks left empty) into one rectangle. */
export function gridsOf(plan: ScorecardPlan, userBlocks = false): SheetGrids {
  // The manager's kept cells are written apart (writeSheet): they would stretch this rectangle.
  const blocks = plan.blocks.filter((b) => (b.user === true) === userBlocks);
  const box = boundsOf(blocks);
  const trendCells = plan.trends.map((t) => t.cell);
  for (const c of trendCells) {
    box.top = Math.min(box.top, c.row);
    box.left = Math.min(box.left, c.col);
    box.bottom = Math.max(box.bottom, c.row);
    box.right = Math.max(box.right, c.col);
  }
  const rows = box.bottom - box.top + 1, cols = box.right - box.left + 1;
  const fill = <T>(v: T): T[][] => Array.from({ length: rows }, () => new Array<T>(cols).fill(v));
  const g: SheetGrids = {
    row: box.top, col: box.left,
    values: fill<string | number | boolean>(''), formats: fill(GENERAL), backgrounds: fill<string | null>(null),
    weights: fill<'bold' | 'normal'>('normal'), colors: fill<string | null>(null), styles: fill<'italic' | 'normal'>('normal'),
    sizes: fill(DEFAULT_SIZE),
  };
  for (const block of blocks) {
    block.cells.forEach((cells, r) => {
      cells.forEach((cell, c) => {
        if (!cell) return;
        const i = block.row + r - box.top, j = block.col + c - box.left;
        const { value, text } = cellValue(cell);
        g.values[i][j] = value;
        g.formats[i][j] = cell.numberFormat ?? (text ? PLAIN_TEXT : GENERAL);
        const look = cell.style ? STYLE_LOOKS[cell.style] : PLAIN;
        g.backgrounds[i][j] = look.background;
        g.weights[i][j] = look.weight ?? 'normal';
        g.colors[i][j] = look.color;
        g.styles[i][j] = look.italic ? 'italic' : 'normal';
        g.sizes[i][j] = look.size ?? DEFAULT_SIZE;
      });
    });
  }
  for (const t of plan.trends) {
    const i = t.cell.row - box.top, j = t.cell.col - box.left;
    if (g.values[i][j] === '') g.values[i][j] = `=SPARKLINE(${a1(t.source)})`;
  }
  return g;
}

/** Runs of consecutive columns with the same value: [first column, count, value]. */
export function columnRuns<T>(byColumn: ReadonlyMap<number, T>): [number, number, T][] {
  const cols = [...byColumn.keys()].sort((a, b) => a - b);
  const runs: [number, number, T][] = [];
  for (const c of cols) {
    const v = byColumn.get(c) as T;
    const last = runs[runs.length - 1];
    if (last && last[0] + last[1] === c && last[2] === v) last[1]++;
    else runs.push([c, 1, v]);
  }
  return runs;
}

/**
 * How far the scorecard reaches: its cells, and every cell its formulas read on the sheet itself —
 * a helper's KPI_BY_PERIOD spills down to the rows the plan reads, and Sheets does not add rows for
 * a spill ("Result was not automatically expanded").
 */
export function extentOf(plan: ScorecardPlan, grids: SheetGrids): { rows: number; cols: number } {
  let rows = grids.row + grids.values.length - 1;
  let cols = grids.col + grids.values[0].length - 1;
  const reach = (ref: LocalRef): void => {
    rows = Math.max(rows, ref.row + (ref.rows ?? 1) - 1);
    cols = Math.max(cols, ref.col + (ref.cols ?? 1) - 1);
  };
  const walk = (e: Expr): void => {
    switch (e.kind) {
      case 'local': reach(e.ref); break;
      case 'call': e.args.forEach(walk); break;
      case 'op': walk(e.left); walk(e.right); break;
      case 'neg': walk(e.arg); break;
      default: break;
    }
  };
  for (const b of plan.blocks) for (const line of b.cells) for (const cell of line) if (cell?.formula) walk(cell.formula.expr);
  for (const t of plan.trends) { reach(t.cell); reach(t.source); }
  for (const r of plan.statusRules) reach(r.range);
  for (const c of [...Object.keys(plan.columnWidths).map(Number), ...plan.hiddenColumns]) cols = Math.max(cols, c);
  return { rows, cols };
}

/** A new sheet is 1000 × 26; grow it once when the plan reaches further. */
function ensureSize(sheet: Sheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows(), maxCols = sheet.getMaxColumns();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  if (cols > maxCols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

function writeGrids(sheet: Sheet, g: SheetGrids): void {
  const range = sheet.getRange(g.row, g.col, g.values.length, g.values[0].length);
  // Formats first: a text format must be in place before the text arrives, or Sheets parses it.
  range.setNumberFormats(g.formats);
  range.setValues(g.values);
  range.setBackgrounds(g.backgrounds);
  range.setFontWeights(g.weights);
  range.setFontColors(g.colors);
  range.setFontStyles(g.styles);
  range.setFontSizes(g.sizes);
}

function writeStatusRules(sheet: Sheet, plan: ScorecardPlan): void {
  if (plan.statusRules.length === 0) return;
  // One rule per status and colour pair, covering every status range that uses those colours.
  const groups = new Map<string, { status: string; fill: string; font: string; ranges: GoogleAppsScript.Spreadsheet.Range[] }>();
  for (const rule of plan.statusRules) {
    const range = sheet.getRange(rule.range.row, rule.range.col, rule.range.rows ?? 1, rule.range.cols ?? 1);
    for (const status of ['green', 'amber', 'red'] as const) {
      const { fill, font } = rule.colors[status];
      const key = `${status}|${fill}|${font}`;
      const group = groups.get(key) ?? { status, fill, font, ranges: [] };
      group.ranges.push(range);
      groups.set(key, group);
    }
  }
  const rules = [...groups.values()].map((g) => SpreadsheetApp.newConditionalFormatRule()
    .whenTextEqualTo(g.status)
    .setBackground(g.fill)
    .setFontColor(g.font)
    .setRanges(g.ranges)
    .build());
  sheet.setConditionalFormatRules(rules);
}

/** The temporary name of a scorecard being built, before it takes its own. */
const NEW_SHEET = 'service-kpi new';

/**
 * Writes the plan atomically: the new sheet is built under a free temporary name (after the old
 * scorecard, or at the end) and marked last; only then is the scorecard it replaces (only ever one
 * of ours) deleted and its name and place taken. A failure while building removes the half-built
 * sheet and leaves the old scorecard as it was, so a retry replaces it again — no "(2)".
 * Returns the new sheet.
 */
export function applyPlan(ss: Spreadsheet, plan: ScorecardPlan, list: SheetList, ours: ReadonlyMap<string, OurSheet>): Sheet {
  const lower = (x: string): string => x.toLocaleLowerCase('en');
  const names = new Set(list.names.map(lower));
  const old = plan.replaces !== undefined && names.has(lower(plan.replaces)) ? ours.get(plan.replaces) : undefined;
  // Defence in depth: only a sheet that is our scorecard is replaced, whatever the plan says.
  if (plan.replaces !== undefined && names.has(lower(plan.replaces)) && !old?.scorecard) {
    throw new Error(`refusing to replace the sheet ${quote(plan.replaces)}: the add-on did not create it`);
  }
  if (names.has(lower(plan.sheetName)) && lower(plan.sheetName) !== lower(plan.replaces ?? '')) {
    throw new Error(`a sheet named ${quote(plan.sheetName)} already exists`);
  }
  let n = 1;
  while (names.has(lower(`${NEW_SHEET} (${n})`))) n++;
  const index = old ? old.sheet.getIndex() : list.sheets.length;
  const sheet = ss.insertSheet(`${NEW_SHEET} (${n})`, index);
  try {
    writeSheet(sheet, plan);
  } catch (e) {
    try {
      ss.deleteSheet(sheet);
    } catch {
      // The half-built sheet stays under its temporary name, unmarked; the old scorecard is intact.
    }
    throw e;
  }
  if (old) ss.deleteSheet(old.sheet);
  sheet.setName(plan.sheetName);
  sheet.activate();
  return sheet;
}

/** Everything of the plan onto `sheet` (new and empty); the marker last, so a half sheet is never ours. */
function writeSheet(sheet: Sheet, plan: ScorecardPlan): void {
  const grids = gridsOf(plan);
  const extent = extentOf(plan, grids);
  ensureSize(sheet, extent.rows, extent.cols);
  writeGrids(sheet, grids);
  // The manager's cells kept where they were: each block on its own (they may lie far apart).
  for (const block of plan.blocks) {
    if (!block.user) continue;
    const g = gridsOf({ ...plan, blocks: [block], trends: [] }, true);
    ensureSize(sheet, g.row + g.values.length - 1, g.col + g.values[0].length - 1);
    const range = sheet.getRange(g.row, g.col, g.values.length, g.values[0].length);
    range.setNumberFormats(g.formats);
    range.setValues(g.values);
  }
  writeStatusRules(sheet, plan);
  if (plan.frozenRows > 0) sheet.setFrozenRows(plan.frozenRows);
  if (plan.frozenCols > 0) sheet.setFrozenColumns(plan.frozenCols);
  const widths = new Map(Object.entries(plan.columnWidths).map(([c, w]) => [Number(c), Math.round(w)] as [number, number]));
  for (const [col, count, width] of columnRuns(widths)) sheet.setColumnWidths(col, count, width);
  const hidden = new Map(plan.hiddenColumns.map((c) => [c, true] as [number, boolean]));
  for (const [col, count] of columnRuns(hidden)) sheet.hideColumns(col, count);
  sheet.addDeveloperMetadata(MARKER_KEY, JSON.stringify(plan.marker), SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
}
