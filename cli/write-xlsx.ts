/**
 * The output workbook, written with exceljs's streaming writer: the scorecard sheet from the plan
 * (dialect 'xlsx') first, then a copy of every data sheet (values and number formats at the same
 * cells, so the plan's ranges point at the same data; dates as date cells).
 *
 * Scorecard cells:
 * - every formula as `{ formula, result }`: the formula text without `=` and the value the core
 *   computed, so any spreadsheet (and any viewer without a formula engine) shows numbers at once;
 *   a table formula of our functions (--addin-formulas) as an array formula over its cached extent.
 * - text from the user's data is written as a text cell: in the file format a text cell is never a
 *   formula, so no apostrophe is needed (an apostrophe in an .xlsx cell would be shown).
 * - number formats, cell styles, column widths, frozen header rows and columns, hidden helper columns;
 *   status colours as conditional formats (one expression rule per status word, with fill and font);
 *   the trend of each KPI as a data bar over its 12 period cells (exceljs cannot draw charts).
 * - defined names marking the sheet and its target cells (marker.ts), so a later run on this file
 *   replaces the sheet and keeps the targets typed on it.
 */
import { PassThrough } from 'node:stream';
import type ExcelJS from 'exceljs';
import { WorkbookWriter } from './exceljs-writer.js';
import type { CellStyle, LocalRef, PlanCell, ScorecardPlan } from '../core/scorecard/types.js';
import type { Cell } from '../core/values/context.js';
import { isErrorText } from '../core/values/text.js';
import { a1, localA1 } from '../core/scorecard/formula.js';
import type { InputWorkbook } from './input.js';
import { MARKER_CELL, MARKER_CELL_NAME, MARKER_NAME, MAX_MARKER_TEXT, absoluteRef, targetName } from './marker.js';
import { rowCount } from './sheet-columns.js';
import { newWriteIssues, writeDataSheet, writeIssueNotes } from './write-data-sheet.js';

type Style = Partial<ExcelJS.Style>;

const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb }, bgColor: { argb } });

const STYLES: Readonly<Record<CellStyle, Style>> = {
  title: { font: { bold: true, size: 16, color: { argb: 'FF1F3864' } } },
  subtitle: { font: { italic: true, color: { argb: 'FF595959' } } },
  header: {
    font: { bold: true, color: { argb: 'FF1F3864' } },
    fill: solid('FFD9E1F2'),
    border: { bottom: { style: 'thin', color: { argb: 'FF8EA9DB' } } },
    alignment: { vertical: 'middle' },
  },
  section: { font: { bold: true, color: { argb: 'FF1F3864' } }, fill: solid('FFEEF2F8') },
  input: {
    fill: solid('FFFFF2CC'),
    border: {
      top: { style: 'thin', color: { argb: 'FFBF9000' } }, bottom: { style: 'thin', color: { argb: 'FFBF9000' } },
      left: { style: 'thin', color: { argb: 'FFBF9000' } }, right: { style: 'thin', color: { argb: 'FFBF9000' } },
    },
  },
  note: { font: { color: { argb: 'FF595959' }, size: 10 } },
  kpi: { font: { bold: true } },
  helper: { font: { color: { argb: 'FF808080' } } },
};

/** `#C6EFCE` → `FFC6EFCE` (exceljs colours are ARGB). */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, '');
  const six = h.length === 3 ? h.split('').map((c) => c + c).join('') : h;
  return /^[0-9a-f]{6}$/i.test(six) ? `FF${six.toUpperCase()}` : 'FF000000';
}

/** Pixels → Excel's column width in characters of the default font (7 px each plus 5 px padding). */
export function widthInChars(px: number): number {
  return Math.max(1, Math.round(((px - 5) / 7) * 100) / 100);
}

/** A cached formula result as exceljs writes it: error words as error values. */
function resultOf(v: Cell): ExcelJS.CellValue {
  if (typeof v === 'string' && isErrorText(v)) return { error: v as ExcelJS.CellErrorValue['error'] };
  return v;
}

interface Spilling {
  readonly spill?: readonly (readonly Cell[])[];
}

/** The parts of exceljs's streaming worksheet this writer uses (its typings describe the in-memory one). */
type Sheet = Pick<ExcelJS.Worksheet, 'getRow' | 'getColumn' | 'mergeCells' | 'addConditionalFormatting'> & { commit(): void };

function writePlanCell(ws: Sheet, row: number, col: number, pc: PlanCell): void {
  const cell = ws.getRow(row).getCell(col);
  const f = pc.formula;
  if (f) {
    const formula = f.text.startsWith('=') ? f.text.slice(1) : f.text;
    const spill = (f as Spilling).spill;
    if (spill && spill.length > 0 && (spill.length > 1 || spill[0].length > 1)) {
      // A table result (our functions, --addin-formulas): an array formula over the extent of its
      // cached table. Only the top-left cell carries a cached value; the rest of the range (in
      // hidden helper columns) fills in when Excel with the add-in calculates. The cells that
      // show KPI values read the range with INDEX and carry their own cached values.
      const width = Math.max(...spill.map((r) => r.length));
      const ref = `${a1(row, col)}:${a1(row + spill.length - 1, col + width - 1)}`;
      cell.value = { formula, result: resultOf(spill[0][0]), shareType: 'array', ref } as unknown as ExcelJS.CellFormulaValue;
    } else {
      cell.value = { formula, result: resultOf(f.cached) } as ExcelJS.CellFormulaValue;
    }
  } else if (pc.userFormula) {
    // A formula the manager wrote on the previous scorecard, back in its cell with its last value.
    cell.value = { formula: pc.userFormula.slice(1), result: resultOf(pc.value ?? '') } as ExcelJS.CellFormulaValue;
  } else if (pc.value !== undefined) {
    cell.value = typeof pc.value === 'string' && isErrorText(pc.value) && !pc.userText ? resultOf(pc.value) : pc.value;
  }
  if (pc.style) Object.assign(cell, structuredClone(STYLES[pc.style]));
  if (pc.numberFormat) cell.numFmt = pc.numberFormat;
}

/** The scorecard sheet as the plan describes it, data bars included (see dataBarsXml). */
function writeScorecardSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, plan: ScorecardPlan): void {
  const ws = wb.addWorksheet(plan.sheetName, {
    views: [{
      state: 'frozen',
      xSplit: plan.frozenCols,
      ySplit: plan.frozenRows,
      topLeftCell: a1(plan.frozenRows + 1, plan.frozenCols + 1),
      activeCell: 'A1',
    }],
    properties: { tabColor: { argb: 'FF2F6DB5' } },
  }) as unknown as Sheet;
  // Columns first: a streaming sheet writes them before its first row.
  for (const [col, px] of Object.entries(plan.columnWidths)) ws.getColumn(Number(col)).width = widthInChars(px);
  for (const col of plan.hiddenColumns) ws.getColumn(col).hidden = true;
  const marker = JSON.stringify(plan.marker);
  if (marker.length <= MAX_MARKER_TEXT) {
    ws.getColumn(MARKER_CELL.col).hidden = true;
    ws.getRow(MARKER_CELL.row).getCell(MARKER_CELL.col).value = marker;
  }
  for (const block of plan.blocks) {
    block.cells.forEach((line, r) => line.forEach((pc, c) => {
      if (pc) writePlanCell(ws, block.row + r, block.col + c, pc);
    }));
  }
  let priority = 1;
  for (const rule of plan.statusRules) {
    const top = a1(rule.range.row, rule.range.col);
    ws.addConditionalFormatting({
      ref: localA1(rule.range),
      rules: (['green', 'amber', 'red'] as const).map((status) => ({
        type: 'expression' as const,
        priority: priority++,
        formulae: [`${top}="${status}"`],
        style: {
          fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(rule.colors[status].fill) } },
          font: { color: { argb: argb(rule.colors[status].font) }, bold: true },
        },
      })),
    });
  }
  if (plan.dataBars.length > 0) {
    // exceljs writes its conditional formats in _writeConditionalFormatting (exceljs 4.4); the
    // data bars follow them in the same stream.
    const frame = ws as unknown as { _writeConditionalFormatting(): void; _write(text: string): void };
    const own = frame._writeConditionalFormatting.bind(frame);
    const bars = dataBarsXml(plan.dataBars, priority);
    frame._writeConditionalFormatting = () => {
      own();
      frame._write(bars);
    };
  }
  ws.commit();
}

/**
 * Data bars as Excel 2007 wrote them (`<dataBar>` with min/max and a colour), which every Excel
 * since and LibreOffice draw. exceljs writes data bars only with a link to an Excel 2010
 * extension, which its streaming writer leaves out (a broken link; cf. exceljs issue #3015), so
 * the CLI writes them into the sheet's stream right after exceljs's own conditional formats (the
 * place the schema gives them).
 */
export function dataBarsXml(bars: readonly LocalRef[], firstPriority: number, color = 'FF8EA9DB'): string {
  return bars.map((ref, i) => `<conditionalFormatting sqref="${localA1(ref)}"><cfRule type="dataBar" priority="${firstPriority + i}"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="${color}"/></dataBar></cfRule></conditionalFormatting>`).join('');
}

/**
 * The zip writer's deflate (archiver, through exceljs): level 1, compress-commons' default, said
 * here; output pieces of 256 KB instead of zlib's 16 KB, so that one round trip to zlib's thread
 * deflates a whole 1 MB chunk of sheet XML (about 130 KB deflated) rather than ~120 KB of it
 * (write-data-sheet.ts). Each part's deflate holds one such piece.
 */
const ZIP_OPTIONS = { zlib: { level: 1, chunkSize: 256 * 1024 } };

/**
 * The whole output workbook as .xlsx bytes: the scorecard first (and active), then the data
 * sheets, written with exceljs's streaming writer (a 200,000-row sheet would take minutes and
 * gigabytes through its in-memory model).
 */
export async function scorecardXlsx(
  input: InputWorkbook,
  plan: ScorecardPlan,
  now: Date = new Date(),
  /** Called with the share (0..1) of the data rows written so far. */
  onProgress: (fraction: number) => void = () => {},
  /** Receives a note for each kind of value the copy could not hold as it was (cut text, dates as text). */
  notes: string[] = [],
): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  const sink = new PassThrough();
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const wb = new WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true, zip: ZIP_OPTIONS });
  wb.creator = 'service-kpi';
  wb.lastModifiedBy = 'service-kpi';
  wb.created = now;
  wb.modified = now;
  writeScorecardSheet(wb, plan);
  const total = Math.max(1, input.sheets.reduce((n, s) => n + rowCount(s.data), 0));
  let written = 0;
  const issues = newWriteIssues();
  for (const sheet of input.sheets) {
    await writeDataSheet(wb, sheet, issues, (rows) => {
      written += rows;
      onProgress(written / total);
    });
  }
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  wb.definedNames.add(absoluteRef(plan.sheetName, 1, 1), MARKER_NAME);
  if (JSON.stringify(plan.marker).length <= MAX_MARKER_TEXT) {
    wb.definedNames.add(absoluteRef(plan.sheetName, MARKER_CELL.row, MARKER_CELL.col), MARKER_CELL_NAME);
  }
  for (const [id, ref] of Object.entries(plan.marker.targetCells)) {
    const name = targetName(id);
    if (name) wb.definedNames.add(absoluteRef(plan.sheetName, ref.row, ref.col), name);
  }
  await wb.commit();
  // Every byte has been read from the sink once its readable side has ended.
  await new Promise<void>((resolve) => (sink.readableEnded ? resolve() : sink.once('end', () => resolve())));
  notes.push(...writeIssueNotes(issues));
  return Buffer.concat(chunks);
}

