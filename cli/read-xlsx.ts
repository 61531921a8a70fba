/**
 * An .xlsx workbook as sheets of values. exceljs reads date cells as Date objects whose UTC fields
 * are the workbook's wall clock (a cell showing 2026-03-02 09:15 is Date.UTC(2026, 2, 2, 9, 15)),
 * so durations in the core equal the spreadsheet's own B2−A2: the workbook is read with the UTC
 * clock and --tz plays no part (docs/cli.md explains why).
 *
 * Formula cells are read as the value the workbook saved for them. Everything the scorecard output
 * does not carry over (charts, pivot tables, images, data validation, comments, macros, formulas,
 * Excel tables, conditional formats) is counted for a note on stderr; the input file is only read.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ExistingSheet } from '../core/scorecard/api.js';
import { describeFsError, inputError, oneLine } from './errors.js';
import type { InputSheet, InputWorkbook } from './input.js';
import { fileKind, packageParts, zipEntries, zipEntryNames } from './zip-entries.js';
import { MARKER_NAME, TARGET_NAME_PREFIX, parseNameRef } from './marker.js';

/**
 * The most a workbook may unpack to. exceljs holds a workbook in memory several times over, so a
 * larger one would exhaust memory long after it started; a zip bomb (a few MB that unpack to
 * gigabytes) is refused from its zip directory alone, before anything is inflated.
 */
export const MAX_UNPACKED_BYTES = 1024 ** 3;

/** Header rows are near the top: only these are checked for bold text. */
const BOLD_CHECK_ROWS = 100;

interface Counts {
  formulas: number;
  noResult: number;
  comments: number;
  hyperlinks: number;
  richText: number;
  images: number;
  validations: number;
  conditionalFormats: number;
}

/** The bytes of an .xlsx file, with a one-line input error for every way they can be unusable. */
export async function readWorkbookBytes(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw inputError(describeFsError(e, file));
  }
  switch (fileKind(bytes)) {
    case 'empty':
      throw inputError(`${file} is empty (0 bytes)`);
    case 'encrypted':
      throw inputError(`${file} is password-protected (encrypted); open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password) and save it again`);
    case 'ole':
      throw inputError(`${file} is an Excel 97-2003 workbook (.xls) or another non-.xlsx file; open it in a spreadsheet and save it as .xlsx`);
    case 'other':
      throw inputError(`${file} is not an .xlsx workbook (it is not a zip archive); if it is text, name it .csv`);
    case 'zip':
      break;
  }
  const entries = zipEntries(bytes);
  if (entries === undefined) throw inputError(`${file} is damaged: its zip directory cannot be read (an incomplete download or copy?)`);
  const unpacked = entries.reduce((n, e) => n + e.size, 0);
  if (unpacked > MAX_UNPACKED_BYTES) {
    const gb = (n: number): string => `${(n / 1024 ** 3).toFixed(1)} GB`;
    throw inputError(`${file} would unpack to ${gb(unpacked)}, more than the ${gb(MAX_UNPACKED_BYTES)} the command line reads (a damaged file or a zip bomb; for very large data, export CSV files)`);
  }
  const names = entries.map((e) => e.name);
  if (!names.some((n) => n.toLowerCase() === 'xl/workbook.xml')) {
    throw inputError(`${file} is a zip archive but not an Excel workbook (it has no xl/workbook.xml)`);
  }
  return bytes;
}

/** Reads an .xlsx file into sheets of values, with notes on what the output will not carry over. */
export async function readXlsxFile(file: string): Promise<InputWorkbook> {
  const bytes = await readWorkbookBytes(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw inputError(`${file} is damaged or not a workbook that can be read: ${oneLine(e instanceof Error ? e.message : String(e))}`);
  }
  const parts = packageParts(zipEntryNames(bytes) ?? []);

  // Our own earlier scorecard (written by this command) is recognised by its defined names.
  const { ourSheet, targetCells } = markerOf(wb);
  const counts: Counts = { formulas: 0, noResult: 0, comments: 0, hyperlinks: 0, richText: 0, images: 0, validations: 0, conditionalFormats: 0 };
  const sheets: InputSheet[] = [];
  const existing: ExistingSheet[] = [];
  const sheetNames: string[] = [];
  for (const ws of wb.worksheets) {
    sheetNames.push(ws.name);
    if (ourSheet !== undefined && ws.name.toLowerCase() === ourSheet.toLowerCase()) {
      existing.push({ name: ws.name, ours: true, targets: typedTargets(ws, targetCells) });
      continue;
    }
    existing.push({ name: ws.name, ours: false });
    sheets.push(sheetOf(ws, counts));
  }
  if (sheets.length === 0) throw inputError(`${file} has no worksheets with data`);
  return { sheets, sheetNames, existing, notes: notesOf(file, counts, parts, ourSheet), files: [file] };
}

function markerOf(wb: ExcelJS.Workbook): { ourSheet?: string; targetCells: Map<string, { sheet: string; row: number; col: number }> } {
  const targetCells = new Map<string, { sheet: string; row: number; col: number }>();
  let ourSheet: string | undefined;
  let model: { name: string; ranges: string[] }[] = [];
  try {
    model = wb.definedNames.model ?? [];
  } catch {
    model = [];
  }
  for (const { name, ranges } of model) {
    const ref = ranges?.[0] ? parseNameRef(ranges[0]) : undefined;
    if (!ref) continue;
    if (name === MARKER_NAME) ourSheet = ref.sheet;
    else if (name.startsWith(TARGET_NAME_PREFIX)) targetCells.set(name.slice(TARGET_NAME_PREFIX.length), ref);
  }
  return { ourSheet, targetCells };
}

/** Targets the manager typed on our earlier scorecard: numbers stay, anything else is "no target". */
function typedTargets(ws: ExcelJS.Worksheet, cells: ReadonlyMap<string, { sheet: string; row: number; col: number }>): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const [id, ref] of cells) {
    if (ref.sheet.toLowerCase() !== ws.name.toLowerCase()) continue;
    const v = plainValue(ws.getCell(ref.row, ref.col).value);
    out[id] = typeof v === 'number' && Number.isFinite(v) ? v : null;
  }
  return out;
}

/** A cell's value as the engine reads it: numbers, text, booleans, Dates, error text, null. */
function plainValue(v: ExcelJS.CellValue | undefined): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; richText?: { text: string }[]; text?: unknown; hyperlink?: string; error?: string };
    if ('formula' in o || 'sharedFormula' in o) return o.result === undefined ? null : plainValue(o.result as ExcelJS.CellValue);
    if (Array.isArray(o.richText)) return o.richText.map((t) => t.text).join('');
    if (typeof o.hyperlink === 'string') return plainValue(o.text as ExcelJS.CellValue);
    if (typeof o.error === 'string') return o.error;
  }
  return null;
}

function sheetOf(ws: ExcelJS.Worksheet, counts: Counts): InputSheet {
  // First pass: the used block (cells with a value; formats alone do not count).
  let minRow = Infinity, maxRow = 0, minCol = Infinity, maxCol = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === undefined) return;
      if (r < minRow) minRow = r;
      if (r > maxRow) maxRow = r;
      if (c < minCol) minCol = c;
      if (c > maxCol) maxCol = c;
    });
  });
  counts.images += ws.getImages().length;
  counts.validations += Object.keys((ws as unknown as { dataValidations?: { model?: object } }).dataValidations?.model ?? {}).length;
  counts.conditionalFormats += ((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []).length;

  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const frozen = view?.state === 'frozen';
  const base = {
    frozenRows: frozen ? view?.ySplit ?? 0 : 0,
    frozenCols: frozen ? view?.xSplit ?? 0 : 0,
    merges: mergesOf(ws),
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
  };
  if (maxRow === 0) {
    return { data: { name: ws.name, values: [], originRow: 1, originCol: 1 }, formats: [], widths: [], boldRows: [], ...base };
  }

  const width = maxCol - minCol + 1;
  const values: unknown[][] = new Array(maxRow - minRow + 1);
  const formats: ((string | undefined)[] | undefined)[] = new Array(maxRow - minRow + 1);
  for (let i = 0; i < values.length; i++) values[i] = new Array(width).fill(null);
  const boldRows: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out = values[r - minRow];
    let rowFormats: (string | undefined)[] | undefined;
    let cells = 0, bold = 0;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (cell.type === ExcelJS.ValueType.Merge) return;
      const raw = cell.value;
      if (raw === null || raw === undefined) return;
      if (typeof raw === 'object' && !(raw instanceof Date)) {
        const o = raw as object;
        if ('formula' in o || 'sharedFormula' in o) {
          counts.formulas++;
          if ((o as { result?: unknown }).result === undefined) counts.noResult++;
        } else if ('richText' in o) counts.richText++;
        else if ('hyperlink' in o) counts.hyperlinks++;
      }
      if (cell.note) counts.comments++;
      const v = plainValue(raw);
      out[c - minCol] = v;
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') (rowFormats ??= [])[c - minCol] = fmt;
      if (r - minRow < BOLD_CHECK_ROWS && v !== null) {
        cells++;
        if (cell.font?.bold) bold++;
      }
    });
    formats[r - minRow] = rowFormats;
    if (cells > 0 && bold === cells) boldRows.push(r);
  });

  const widths: (number | undefined)[] = [];
  for (let c = minCol; c <= maxCol; c++) widths.push(ws.getColumn(c).width);
  return {
    data: { name: ws.name, values, originRow: minRow, originCol: minCol },
    formats,
    widths,
    boldRows,
    ...base,
  };
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws.model as unknown as { merges?: string[] }).merges;
  return Array.isArray(merges) ? merges.filter((m) => typeof m === 'string') : [];
}

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function notesOf(file: string, c: Counts, p: ReturnType<typeof packageParts>, ourSheet: string | undefined): string[] {
  const lost: string[] = [];
  if (p.charts > 0) lost.push(plural(p.charts, 'chart'));
  if (p.pivotTables > 0) lost.push(plural(p.pivotTables, 'pivot table'));
  if (p.slicers > 0) lost.push(plural(p.slicers, 'slicer'));
  if (c.images > 0) lost.push(plural(c.images, 'image'));
  if (c.validations > 0) lost.push(plural(c.validations, 'data validation rule'));
  if (c.comments > 0) lost.push(plural(c.comments, 'comment'));
  if (c.conditionalFormats > 0) lost.push(plural(c.conditionalFormats, 'conditional format'));
  if (p.tables > 0) lost.push(`${plural(p.tables, 'Excel table')} (kept as plain ranges)`);
  if (c.hyperlinks > 0) lost.push(`${plural(c.hyperlinks, 'hyperlink')} (kept as text)`);
  if (c.richText > 0) lost.push(`text formatting in ${plural(c.richText, 'cell')}`);
  if (p.externalLinks > 0) lost.push(plural(p.externalLinks, 'link', 'links') + ' to other workbooks');
  if (p.macros) lost.push('macros');
  const notes: string[] = [];
  if (lost.length > 0) notes.push(`${file}: the output does not carry over ${lost.join(', ')}; the input file is unchanged`);
  if (c.formulas > 0) {
    let note = `${file}: ${plural(c.formulas, 'formula cell')} copied as their saved values`;
    if (c.noResult > 0) note += ` (${c.noResult} had no saved value and are blank: open and save the file in a spreadsheet to store them)`;
    notes.push(note);
  }
  if (ourSheet !== undefined) notes.push(`${file}: the sheet "${ourSheet}" is an earlier scorecard; it is replaced, keeping the targets typed on it`);
  return notes;
}
