/**
 * A HostBridge over an in-memory workbook, for the preview page and the tests. It does what the
 * Excel and Sheets hosts do — outline the data, build the plan with the core, write it — but onto
 * a small sheet model: cells with value, formula text, cached value, number format and style;
 * status colours applied by the plan's StatusRule; hidden columns; the marker that lets a
 * regeneration find our sheet and read back the targets typed on it.
 */
import type { ExistingSheet } from '../core/scorecard/api.js';
import { outlineWorkbook } from '../core/scorecard/outline.js';
import { buildPlan } from '../core/scorecard/plan.js';
import { looksLikeScorecard, readPrevious } from '../core/scorecard/previous.js';
import type { SheetCells } from '../core/scorecard/previous.js';
import { wallClock } from '../core/values/clock.js';
import { neutralise, quote } from '../core/safe-text.js';
import type {
  CellStyle, GenerateResult, HostBridge, LocalRef, PlanMarker, ScorecardPlan, SheetData, StatusRule,
  StoredSettings, TrendPicture, WorkbookData,
} from '../core/scorecard/types.js';

export interface MemoryCell {
  /** A constant (user data may hold Dates); for formula cells the formula's cached value. */
  value: unknown;
  /** Formula text starting with `=`. */
  formula?: string;
  numberFormat?: string;
  style?: CellStyle;
  /** Colours a status rule gave the cell. */
  fill?: string;
  font?: string;
  /** A value shown by a spilling formula elsewhere (no formula of its own). */
  spilled?: boolean;
}

export interface MemorySheet {
  readonly name: string;
  /** Cells by `row:col` (1-based); an absent key is an empty cell. */
  readonly cells: Map<string, MemoryCell>;
  lastRow: number;
  lastCol: number;
  columnWidths: Record<number, number>;
  hiddenColumns: number[];
  frozenRows: number;
  frozenCols: number;
  statusRules: StatusRule[];
  trends: TrendPicture[];
  dataBars: LocalRef[];
  /** Set on the scorecard sheets this host generated. */
  marker: PlanMarker | null;
  notes: string[];
}

export interface MemoryHostInit {
  readonly data: WorkbookData;
  readonly language?: 'en' | 'de';
  readonly dialect?: 'sheets' | 'excel';
  /** Settings already stored in the workbook. */
  readonly settings?: StoredSettings | null;
}

export interface MemoryHost extends HostBridge {
  readonly host: 'memory';
  readonly dialect: 'sheets' | 'excel';
  /** The workbook's sheets in tab order (live objects: tests may read them, the preview renders them). */
  sheets(): readonly MemorySheet[];
  sheet(name: string): MemorySheet | undefined;
  /** Types a value into a cell, as a user would (a number, text, a Date, or null to clear). */
  setCell(sheet: string, row: number, col: number, value: unknown): void;
  /** Renames a sheet, as a user would on its tab. */
  renameSheet(from: string, to: string): void;
  /** The last plan applied (for tests and the preview). */
  lastPlan(): ScorecardPlan | null;
  /** How often settings were written. */
  settingsWrites(): number;
}

export const cellKey = (row: number, col: number): string => `${row}:${col}`;

export function cellAt(sheet: MemorySheet, row: number, col: number): MemoryCell | undefined {
  return sheet.cells.get(cellKey(row, col));
}

function newSheet(name: string): MemorySheet {
  return {
    name, cells: new Map(), lastRow: 0, lastCol: 0, columnWidths: {}, hiddenColumns: [], frozenRows: 0,
    frozenCols: 0, statusRules: [], trends: [], dataBars: [], marker: null, notes: [],
  };
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

function putCell(sheet: MemorySheet, row: number, col: number, cell: MemoryCell | null): void {
  const key = cellKey(row, col);
  if (cell === null) {
    sheet.cells.delete(key);
    return;
  }
  sheet.cells.set(key, cell);
  if (row > sheet.lastRow) sheet.lastRow = row;
  if (col > sheet.lastCol) sheet.lastCol = col;
}

/** A user sheet from the host's values. */
function sheetOfData(data: SheetData): MemorySheet {
  const sheet = newSheet(data.name);
  data.values.forEach((row, r) => {
    row.forEach((v, c) => {
      if (!isBlank(v)) putCell(sheet, data.originRow + r, data.originCol + c, { value: v });
    });
  });
  return sheet;
}

/** The used range of a sheet as a host reads it: from A1, blanks as "". */
function dataOfSheet(sheet: MemorySheet): SheetData {
  const values: unknown[][] = [];
  for (let r = 1; r <= sheet.lastRow; r++) {
    const row: unknown[] = new Array(sheet.lastCol).fill('');
    for (let c = 1; c <= sheet.lastCol; c++) {
      const cell = sheet.cells.get(cellKey(r, c));
      if (cell) row[c - 1] = cell.value;
    }
    values.push(row);
  }
  return { name: sheet.name, values, originRow: 1, originCol: 1 };
}

function refCells(ref: LocalRef): { row: number; col: number }[] {
  const out: { row: number; col: number }[] = [];
  for (let r = 0; r < (ref.rows ?? 1); r++) {
    for (let c = 0; c < (ref.cols ?? 1); c++) out.push({ row: ref.row + r, col: ref.col + c });
  }
  return out;
}

/** A sheet's cells as previous.ts reads them: values, formulas and number formats from A1. */
function cellsOf(sheet: MemorySheet): SheetCells {
  const grid = (pick: (c: MemoryCell) => unknown): unknown[][] => {
    const out: unknown[][] = [];
    for (let r = 1; r <= sheet.lastRow; r++) {
      const row: unknown[] = new Array(sheet.lastCol).fill('');
      for (let c = 1; c <= sheet.lastCol; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        if (cell && !cell.spilled) row[c - 1] = pick(cell) ?? '';
      }
      out.push(row);
    }
    return out;
  };
  return { row: 1, col: 1, values: grid((c) => c.value), formulas: grid((c) => c.formula), formats: grid((c) => c.numberFormat) };
}

/** Our scorecard: a sheet with our marker whose top is our title and header (else it is data). */
const isOurs = (s: MemorySheet): boolean => s.marker !== null && looksLikeScorecard(cellsOf(s));

function writePlan(plan: ScorecardPlan): MemorySheet {
  const sheet = newSheet(plan.sheetName);
  const spills: { row: number; col: number; table: readonly (readonly unknown[])[] }[] = [];
  for (const block of plan.blocks) {
    block.cells.forEach((row, r) => {
      row.forEach((pc, c) => {
        if (!pc) return;
        let value: unknown = pc.formula ? pc.formula.cached : pc.value;
        // Text from the user's data must stay text: the host writer neutralises it.
        if (pc.userText && typeof value === 'string') value = neutralise(value);
        const cell: MemoryCell = { value: value === undefined ? '' : value };
        if (pc.formula) cell.formula = pc.formula.text;
        else if (pc.userFormula) cell.formula = pc.userFormula;
        if (pc.numberFormat) cell.numberFormat = pc.numberFormat;
        if (pc.style) cell.style = pc.style;
        putCell(sheet, block.row + r, block.col + c, cell);
        const spill = (pc.formula as { spill?: readonly (readonly unknown[])[] } | undefined)?.spill;
        if (spill) spills.push({ row: block.row + r, col: block.col + c, table: spill });
      });
    });
  }
  // What a spreadsheet shows around a spilling formula (KPI_BY_PERIOD, BRAND_ATTRIBUTES): its
  // cached table, in cells the plan left empty for it.
  for (const { row, col, table } of spills) {
    table.forEach((line, r) => line.forEach((v, c) => {
      if ((r === 0 && c === 0) || isBlank(v) || sheet.cells.has(cellKey(row + r, col + c))) return;
      putCell(sheet, row + r, col + c, { value: v, spilled: true });
    }));
  }
  sheet.columnWidths = { ...plan.columnWidths };
  sheet.hiddenColumns = [...plan.hiddenColumns];
  sheet.frozenRows = plan.frozenRows;
  sheet.frozenCols = plan.frozenCols;
  sheet.statusRules = [...plan.statusRules];
  sheet.trends = [...plan.trends];
  sheet.dataBars = [...plan.dataBars];
  sheet.marker = plan.marker;
  sheet.notes = [...plan.notes];
  applyStatusColours(sheet);
  return sheet;
}

/** What conditional formatting would show: each status cell coloured by its value. */
export function applyStatusColours(sheet: MemorySheet): void {
  for (const rule of sheet.statusRules) {
    for (const { row, col } of refCells(rule.range)) {
      const cell = cellAt(sheet, row, col);
      if (!cell) continue;
      const status = String(cell.value ?? '').trim().toLowerCase();
      const colours = status === 'green' || status === 'amber' || status === 'red' ? rule.colors[status] : undefined;
      cell.fill = colours?.fill;
      cell.font = colours?.font;
    }
  }
}

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function createMemoryHost(init: MemoryHostInit): MemoryHost {
  const dialect = init.dialect ?? 'sheets';
  const language = init.language ?? 'en';
  const timeZone = init.data.timeZone;
  let sheets: MemorySheet[] = init.data.sheets.map(sheetOfData);
  let settings: StoredSettings | null = init.settings ?? null;
  let writes = 0;
  let plan: ScorecardPlan | null = null;

  /** The user's data, without our scorecards (their formulas are not data to outline). */
  const userData = (): WorkbookData => ({ timeZone, sheets: sheets.filter((s) => !isOurs(s)).map(dataOfSheet) });
  const clock = wallClock(timeZone);
  const names = (): string[] => sheets.map((s) => s.name);

  const host: MemoryHost = {
    host: 'memory',
    dialect,
    async language() { return language; },
    async readOutline() { return outlineWorkbook(userData(), names()); },
    // Copies through JSON, as a real store does: nothing the sidebar holds is shared with the store.
    async readSettings() { return settings === null ? null : JSON.parse(JSON.stringify(settings)) as StoredSettings; },
    async writeSettings(next) {
      settings = JSON.parse(JSON.stringify(next)) as StoredSettings;
      writes++;
    },
    async generate(request, onProgress): Promise<GenerateResult> {
      onProgress?.('read', 0.1);
      await tick();
      const data = userData();
      const outline = outlineWorkbook(data, names());
      const existing: ExistingSheet[] = sheets.map((s) => (s.marker
        ? readPrevious(s.name, s.marker, cellsOf(s), clock)
        : { name: s.name, ours: false }));
      onProgress?.('plan', 0.4);
      await tick();
      const next = buildPlan({ data, outline, request, dialect, existing });
      onProgress?.('write', 0.8);
      await tick();
      // Atomic, as the real hosts do it: the new sheet is built first; only then is the old one
      // removed and its place and name taken. A failure before that leaves the workbook as it was.
      const built = writePlan(next);
      let rest = sheets;
      let at = sheets.length;
      if (next.replaces !== undefined) {
        const i = sheets.findIndex((s) => s.name === next.replaces);
        // Defence in depth: only ever a sheet that is our scorecard is replaced.
        if (i >= 0 && !isOurs(sheets[i])) throw new Error(`refusing to replace the sheet ${quote(next.replaces)}: the add-on did not create it`);
        if (i >= 0) {
          rest = sheets.filter((_, j) => j !== i);
          at = i;
        }
      }
      if (rest.some((s) => s.name.toLowerCase() === next.sheetName.toLowerCase())) {
        throw new Error(`a sheet named ${quote(next.sheetName)} already exists`);
      }
      sheets = [...rest.slice(0, at), built, ...rest.slice(at)];
      plan = next;
      onProgress?.('done', 1);
      return { sheetName: next.sheetName, kpis: next.marker.kpis.length, notes: next.notes, summary: next.summary };
    },
    sheets: () => sheets,
    sheet: (name) => sheets.find((s) => s.name === name),
    setCell(sheetName, row, col, value) {
      const sheet = sheets.find((s) => s.name === sheetName);
      if (!sheet) throw new Error(`no sheet ${quote(sheetName)}`);
      if (isBlank(value)) putCell(sheet, row, col, null);
      else {
        const old = cellAt(sheet, row, col);
        // Typing over a formula replaces it, as in a spreadsheet; the format stays.
        putCell(sheet, row, col, { value, numberFormat: old?.numberFormat, style: old?.style });
      }
      applyStatusColours(sheet);
    },
    renameSheet(from, to) {
      const i = sheets.findIndex((s) => s.name === from);
      if (i < 0) throw new Error(`no sheet ${quote(from)}`);
      if (sheets.some((s) => s.name.toLowerCase() === to.toLowerCase())) throw new Error(`a sheet named ${quote(to)} already exists`);
      sheets = sheets.map((s, j) => (j === i ? { ...s, name: to } : s));
    },
    lastPlan: () => plan,
    settingsWrites: () => writes,
  };
  return host;
}
