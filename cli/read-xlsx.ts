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
import { fileKind, packageParts, readZipEntry, replaceZipEntry, zipEntries, zipEntryNames } from './zip-entries.js';
import { parseCellFormats, parseSharedStrings, readSheetRows } from './xlsx-sheet-data.js';
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
export async function readXlsxFile(file: string, large: LargeRead = LARGE_READ): Promise<InputWorkbook> {
  const bytes = await readWorkbookBytes(file);
  const fast = readLargeXlsx(file, bytes, large);
  if (fast) {
    const read = await fast;
    if (read) return read;
  }
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
  const base = sheetLayout(ws, counts);
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
      const v = cellValue(cell, raw, counts, true);
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

/**
 * Large workbooks: exceljs's in-memory model costs several objects per cell (seconds and
 * gigabytes at 200,000 rows). The sheets are cut to their first rows and loaded that way for
 * everything but the values (names, defined names, merges, widths, panes, formats and bold rows at
 * the top, images, validations …); the rows after the cut are read straight from the sheet XML
 * (xlsx-sheet-data.ts), converted the way exceljs converts them.
 */
export interface LargeRead {
  /** Sheet parts adding up to at least this many unpacked bytes take the large-workbook path. */
  readonly sheetsBytes: number;
  /** Rows loaded through exceljs before the cut. */
  readonly keptRows: number;
  /** Smaller sheets (such as our own earlier scorecard) are loaded whole. */
  readonly minCutBytes: number;
}

/** The thresholds in use; tests lower them to run the large path on small files. */
export const LARGE_READ: LargeRead = { sheetsBytes: 8 * 1024 ** 2, keptRows: BOLD_CHECK_ROWS + 10, minCutBytes: 1024 ** 2 };

interface CutSheet {
  /** The first row left out (Infinity: nothing was cut) and where it starts in the part's XML. */
  readonly cutRow: number;
  readonly cutAt: number;
  readonly hyperlinks: number;
}

function readLargeXlsx(file: string, bytes: Buffer, large: LargeRead): Promise<InputWorkbook | undefined> | undefined {
  const entries = zipEntries(bytes) ?? [];
  const sheetParts = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  if (sheetParts.reduce((n, e) => n + e.size, 0) < large.sheetsBytes) return undefined;
  const cuts = new Map<string, CutSheet>();
  let small: Buffer = bytes;
  for (const part of sheetParts) {
    const xml = readZipEntry(bytes, part.name)?.toString('utf8');
    if (xml === undefined) return undefined;
    const end = xml.indexOf('</sheetData>');
    const tail = end >= 0 ? xml.slice(end) : '';
    const hyperlinks = (tail.match(/<hyperlink[\s/>]/g) ?? []).length;
    const rowTag = /<row[\s/>]/g;
    let n = 0, at = -1;
    for (let m = rowTag.exec(xml); m; m = rowTag.exec(xml)) {
      if (++n > large.keptRows) {
        at = m.index;
        break;
      }
    }
    if (at < 0 || end < at || part.size < large.minCutBytes) {
      cuts.set(part.name, { cutRow: Infinity, cutAt: -1, hyperlinks });
      continue;
    }
    const r = /^<row[^>]*?\sr="(\d+)"/.exec(xml.slice(at, at + 300));
    if (!r) return undefined;
    cuts.set(part.name, { cutRow: Number(r[1]), cutAt: at, hyperlinks });
    small = replaceZipEntry(small, part.name, Buffer.from(xml.slice(0, at) + tail, 'utf8'));
  }
  return readCutWorkbook(file, bytes, small, cuts);
}

interface Collected {
  r: number;
  c0: number;
  values: unknown[];
  formats?: (string | undefined)[];
}

interface Collector {
  rows: Collected[];
  boldRows: number[];
  minCol: number;
  maxCol: number;
}

/** A non-blank cell's plain value, counting what the output does not carry over (formulas, rich text, links, notes). */
function cellValue(cell: ExcelJS.Cell, raw: ExcelJS.CellValue, counts: Counts, countNotes: boolean): unknown {
  if (typeof raw === 'object' && raw !== null && !(raw instanceof Date)) {
    const o = raw as object;
    if ('formula' in o || 'sharedFormula' in o) {
      counts.formulas++;
      if ((o as { result?: unknown }).result === undefined) counts.noResult++;
    } else if ('richText' in o) counts.richText++;
    else if ('hyperlink' in o) counts.hyperlinks++;
  }
  if (countNotes && cell.note) counts.comments++;
  return plainValue(raw);
}

/** One row's values (from either reader) into the collector; the same counts and checks as sheetOf. */
function collectRow(row: ExcelJS.Row, r: number, counts: Counts, into: Collector, countNotes: boolean): void {
  let lo = Infinity, hi = 0;
  row.eachCell({ includeEmpty: false }, (cell, c) => {
    if (cell.type === ExcelJS.ValueType.Merge || cell.value === null || cell.value === undefined) return;
    if (c < lo) lo = c;
    if (c > hi) hi = c;
  });
  if (hi === 0) return;
  const out: unknown[] = new Array(hi - lo + 1).fill(null);
  let formats: (string | undefined)[] | undefined;
  let cells = 0, bold = 0;
  row.eachCell({ includeEmpty: false }, (cell, c) => {
    if (cell.type === ExcelJS.ValueType.Merge) return;
    const raw = cell.value;
    if (raw === null || raw === undefined) return;
    const v = cellValue(cell, raw, counts, countNotes);
    out[c - lo] = v;
    const fmt = cell.numFmt;
    if (fmt && fmt !== 'General') (formats ??= [])[c - lo] = fmt;
    if (v !== null) {
      cells++;
      if (cell.font?.bold) bold++;
    }
  });
  if (cells > 0 && bold === cells) into.boldRows.push(r);
  if (lo < into.minCol) into.minCol = lo;
  if (hi > into.maxCol) into.maxCol = hi;
  into.rows.push({ r, c0: lo, values: out, formats });
}

async function readCutWorkbook(file: string, bytes: Buffer, small: Buffer, cuts: ReadonlyMap<string, CutSheet>): Promise<InputWorkbook | undefined> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(small as unknown as ExcelJS.Buffer);
  } catch {
    return undefined; // the full reader reports it
  }
  const names = zipEntryNames(bytes) ?? [];
  const parts = packageParts(names);
  const { ourSheet, targetCells } = markerOf(wb);
  const byName = cutsByName(bytes, cuts);
  if (!byName) return undefined;
  // Our earlier scorecard must be whole for the targets typed on it: read the file the usual way.
  if (ourSheet !== undefined && [...byName].some(([name, cut]) => name.toLowerCase() === ourSheet.toLowerCase() && cut.cutAt >= 0)) return undefined;
  const counts: Counts = { formulas: 0, noResult: 0, comments: 0, hyperlinks: 0, richText: 0, images: 0, validations: 0, conditionalFormats: 0 };
  // Comments and hyperlinks past the cut are counted from the parts that hold them.
  for (const n of names) {
    if (!/^xl\/comments[^/]*\.xml$/i.test(n)) continue;
    counts.comments += (readZipEntry(bytes, n)?.toString('utf8').match(/<comment[\s>]/g) ?? []).length;
  }
  for (const c of cuts.values()) counts.hyperlinks += c.hyperlinks;

  const collectors = new Map<string, Collector>();
  const cutRows = new Map<string, number>();
  const order: ExcelJS.Worksheet[] = [];
  const existing: ExistingSheet[] = [];
  const sheetNames: string[] = [];
  const scratch: Counts = { ...counts };
  for (const ws of wb.worksheets) {
    sheetNames.push(ws.name);
    if (ourSheet !== undefined && ws.name.toLowerCase() === ourSheet.toLowerCase()) {
      existing.push({ name: ws.name, ours: true, targets: typedTargets(ws, targetCells) });
      continue;
    }
    existing.push({ name: ws.name, ours: false });
    const into: Collector = { rows: [], boldRows: [], minCol: Infinity, maxCol: 0 };
    ws.eachRow({ includeEmpty: false }, (row, r) => collectRow(row, r, counts, into, false));
    collectors.set(ws.name, into);
    order.push(ws);
  }
  // Hyperlink cells in the cut part were counted by cell as well as from the part: keep the part's count.
  counts.hyperlinks = scratch.hyperlinks;

  // The rows after each cut, read from the sheet XML.
  const strings = parseSharedStrings(readZipEntry(bytes, 'xl/sharedStrings.xml')?.toString('utf8'));
  const cellFormats = parseCellFormats(readZipEntry(bytes, 'xl/styles.xml')?.toString('utf8'));
  const date1904 = /<workbookPr\b[^>]*\sdate1904="(1|true)"/.test(readZipEntry(bytes, 'xl/workbook.xml')?.toString('utf8') ?? '');
  for (const ws of order) {
    const into = collectors.get(ws.name);
    const cut = byName.get(ws.name);
    if (!into || !cut) return undefined;
    if (cut.cutAt < 0) continue;
    const xml = readZipEntry(bytes, cut.part)?.toString('utf8');
    if (xml === undefined) return undefined;
    readSheetRows(xml, cut.cutAt, strings, cellFormats, date1904, counts, (r, c0, values, formats) => {
      if (c0 < into.minCol) into.minCol = c0;
      if (c0 + values.length - 1 > into.maxCol) into.maxCol = c0 + values.length - 1;
      into.rows.push({ r, c0, values, formats });
    });
  }

  const sheets = order.map((ws) => finishSheet(ws, collectors.get(ws.name)!, counts));
  if (sheets.length === 0) throw inputError(`${file} has no worksheets with data`);
  return { sheets, sheetNames, existing, notes: notesOf(file, counts, parts, ourSheet), files: [file] };
}

/** The cut of each sheet by name, through xl/workbook.xml and its relationships. */
function cutsByName(bytes: Buffer, cuts: ReadonlyMap<string, CutSheet>): Map<string, CutSheet & { part: string }> | undefined {
  const book = readZipEntry(bytes, 'xl/workbook.xml')?.toString('utf8');
  const rels = readZipEntry(bytes, 'xl/_rels/workbook.xml.rels')?.toString('utf8');
  if (book === undefined || rels === undefined) return undefined;
  const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const decode = (t: string): string => t.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
  const targets = new Map<string, string>();
  for (const m of rels.match(/<Relationship\s[^>]*>/g) ?? []) {
    const id = attr(m, 'Id'), target = attr(m, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, CutSheet & { part: string }>();
  for (const m of book.match(/<sheet\s[^>]*>/g) ?? []) {
    const name = attr(m, 'name'), id = attr(m, 'r:id');
    const target = id ? targets.get(id) : undefined;
    if (name === undefined || target === undefined) return undefined;
    const found = [...cuts].find(([part]) => part.toLowerCase() === target.toLowerCase());
    if (found === undefined) return undefined;
    out.set(decode(name), { ...found[1], part: found[0] });
  }
  return out;
}

/** What both readers take from a sheet besides its values: panes, merges, visibility; and the counts of what the output leaves out. */
function sheetLayout(ws: ExcelJS.Worksheet, counts: Counts): Pick<InputSheet, 'frozenRows' | 'frozenCols' | 'merges' | 'hidden'> {
  counts.images += ws.getImages().length;
  counts.validations += Object.keys((ws as unknown as { dataValidations?: { model?: object } }).dataValidations?.model ?? {}).length;
  counts.conditionalFormats += ((ws as unknown as { conditionalFormattings?: unknown[] }).conditionalFormattings ?? []).length;
  const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
  const frozen = view?.state === 'frozen';
  return {
    frozenRows: frozen ? view?.ySplit ?? 0 : 0,
    frozenCols: frozen ? view?.xSplit ?? 0 : 0,
    merges: mergesOf(ws),
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
  };
}

function finishSheet(ws: ExcelJS.Worksheet, into: Collector, counts: Counts): InputSheet {
  const base = sheetLayout(ws, counts);
  const { rows, minCol, maxCol } = into;
  if (rows.length === 0) {
    return { data: { name: ws.name, values: [], originRow: 1, originCol: 1 }, formats: [], widths: [], boldRows: [], ...base };
  }
  const minRow = rows[0].r;
  const maxRow = rows[rows.length - 1].r;
  const width = maxCol - minCol + 1;
  const values: unknown[][] = new Array(maxRow - minRow + 1);
  const formats: ((string | undefined)[] | undefined)[] = new Array(maxRow - minRow + 1).fill(undefined);
  let k = 0;
  for (let i = 0; i < values.length; i++) {
    const row = rows[k]?.r === minRow + i ? rows[k++] : undefined;
    if (!row) {
      values[i] = new Array(width).fill(null);
      continue;
    }
    if (row.c0 === minCol && row.values.length === width) {
      values[i] = row.values;
    } else {
      const out = new Array(width).fill(null);
      for (let c = 0; c < row.values.length; c++) out[row.c0 - minCol + c] = row.values[c];
      values[i] = out;
    }
    if (row.formats) {
      if (row.c0 === minCol) formats[i] = row.formats;
      else {
        const f: (string | undefined)[] = [];
        row.formats.forEach((x, c) => (f[row.c0 - minCol + c] = x));
        formats[i] = f;
      }
    }
  }
  const widths: (number | undefined)[] = [];
  for (let c = minCol; c <= maxCol; c++) widths.push(ws.getColumn(c).width);
  const boldRows = into.boldRows.filter((r) => r - minRow < BOLD_CHECK_ROWS);
  return { data: { name: ws.name, values, originRow: minRow, originCol: minCol }, formats, widths, boldRows, ...base };
}
