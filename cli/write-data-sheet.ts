/**
 * The copy of a data sheet in the output workbook: values and number formats at the same cells,
 * dates as date cells, bold header rows, widths, frozen panes, merges, visibility.
 *
 * The sheet is one of exceljs's streaming worksheets (exceljs writes the package, the styles and
 * the sheet's frame), but its rows are rendered here as SpreadsheetML and
 * handed to the worksheet's stream: exceljs's own row objects cost ~2 µs per cell, most of the
 * time of a 200,000-row copy (docs/architecture.md has the measurement). The exceljs members used
 * for that are private; `ExcelInternals` names them, and test/cli/output.test.ts reads every kind
 * of cell back.
 *
 * What a workbook cannot hold is written so that nothing is lost without a word: text longer than
 * 32,767 characters is cut there, dates outside 1900-01-01…9999-12-31 (and invalid dates) are
 * written as text, characters XML cannot carry as `_xHHHH_` escapes; each with a note.
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../core/scorecard/formula.js';
import { isErrorText } from '../core/values/text.js';
import type { InputSheet } from './input.js';
import { encodeOoxmlText } from './xlsx/ooxml-text.js';

/** The longest text a cell holds (Excel's limit). */
export const MAX_CELL_TEXT = 32_767;

const MS_PER_DAY = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;
/**
 * The dates a spreadsheet shows, as serials: from 0 (a time value such as 0:02:14, which readers
 * hand over as a time on 30 Dec 1899) to the day after 9999-12-31.
 */
const FIRST_SERIAL = 0;
const END_SERIAL = 2_958_466;

/** The exceljs members this writer uses beyond its typings (exceljs 4.4). */
export interface ExcelInternals {
  readonly styles: { addStyleModel(model: Partial<ExcelJS.Style>, cellType?: ExcelJS.ValueType): number };
}

interface SheetInternals {
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _write(text: string): void;
  startedData: boolean;
}

type StreamingSheet = Pick<ExcelJS.Worksheet, 'getColumn' | 'mergeCells'> & { commit(): void };

/** What could not be written as it was, for the notes. */
export interface WriteIssues {
  cut: number;
  cutAt: string;
  datesAsText: number;
  datesAt: string;
}

export function newWriteIssues(): WriteIssues {
  return { cut: 0, cutAt: '', datesAsText: 0, datesAt: '' };
}

export function writeIssueNotes(issues: WriteIssues): string[] {
  const notes: string[] = [];
  if (issues.cut > 0) {
    notes.push(`${issues.cut} cell${issues.cut === 1 ? '' : 's'} (first ${issues.cutAt}) held more than ${MAX_CELL_TEXT.toLocaleString('en')} characters, the most a cell holds; the copy in the output is cut there (the KPIs were computed on the whole text)`);
  }
  if (issues.datesAsText > 0) {
    notes.push(`${issues.datesAsText} date${issues.datesAsText === 1 ? '' : 's'} (first ${issues.datesAt}) lie outside 1900-01-01 to 9999-12-31, which a spreadsheet cannot show as dates; written as text`);
  }
  return notes;
}

/** Text cut at Excel's limit without splitting a surrogate pair. */
export function cutText(text: string): string {
  let end = MAX_CELL_TEXT;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return text.slice(0, end);
}

/** A date as text when it cannot be a date cell: ISO wall clock, or the words for an invalid one. */
function dateText(d: Date): string {
  const ms = d.getTime();
  if (Number.isNaN(ms)) return 'invalid date';
  return d.toISOString().replace(/\.000Z$|Z$/, '').replace(/T00:00:00$/, '');
}

const XML_SPECIAL = /[&<>]/;
const escapeXml = (t: string): string => (XML_SPECIAL.test(t) ? t.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;')) : t);

/**
 * Text as an inline string (`<is><t>`). Shared strings would make the file smaller, but exceljs's
 * table of them costs more than everything else per text cell on a big copy (its keys live in a
 * plain object); spreadsheets read both alike.
 */
function inlineText(text: string): string {
  const t = escapeXml(encodeOoxmlText(text));
  const c0 = t.charCodeAt(0), c1 = t.charCodeAt(t.length - 1);
  const preserve = c0 === 32 || c0 === 9 || c0 === 10 || c1 === 32 || c1 === 9 || c1 === 10;
  return preserve ? `<is><t xml:space="preserve">${t}</t></is>` : `<is><t>${t}</t></is>`;
}

/** Rows rendered per write to the sheet's stream. */
const ROWS_PER_CHUNK = 2_000;

export async function writeDataSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, sheet: InputSheet, issues: WriteIssues, onRows: (rows: number) => void): Promise<void> {
  const { data } = sheet;
  const frozen = sheet.frozenRows > 0 || sheet.frozenCols > 0;
  const ws = wb.addWorksheet(data.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views: frozen
      ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows, topLeftCell: `${columnLetters(sheet.frozenCols + 1)}${sheet.frozenRows + 1}`, activeCell: `A${sheet.frozenRows + 1}` }]
      : [{}],
  }) as unknown as StreamingSheet;
  sheet.widths.forEach((w, i) => {
    if (w !== undefined && w > 0) ws.getColumn(data.originCol + i).width = w;
  });
  for (const m of sheet.merges) {
    try {
      ws.mergeCells(m);
    } catch {
      // An overlapping or malformed merge in the input: the values are there, the merge is not.
    }
  }
  const book = wb as unknown as ExcelInternals;
  const frame = ws as unknown as SheetInternals;
  frame._writeColumns();
  frame._writeOpenSheetData();
  frame.startedData = true;

  // Style ids by (bold, date) and format: one exceljs style per kind, not one per cell.
  const styleIds: Map<string, number>[] = [new Map(), new Map(), new Map(), new Map()];
  const styleId = (fmt: string | undefined, bold: boolean, date: boolean): number => {
    const byFormat = styleIds[(bold ? 2 : 0) + (date ? 1 : 0)];
    const key = fmt ?? '';
    let id = byFormat.get(key);
    if (id === undefined) {
      const style: Partial<ExcelJS.Style> = {};
      if (fmt) style.numFmt = fmt;
      else if (date) style.numFmt = 'yyyy-mm-dd hh:mm:ss';
      if (bold) style.font = { bold: true } as ExcelJS.Font;
      id = fmt || bold || date ? book.styles.addStyleModel(style, date ? ExcelJS.ValueType.Date : ExcelJS.ValueType.Number) : 0;
      byFormat.set(key, id);
    }
    return id;
  };
  const bold = new Set(sheet.boldRows);
  const letters: string[] = [];
  const where = (r: number, c: number): string => `${data.name}!${columnLetters(data.originCol + c)}${r}`;

  let xml = '';
  let pending = 0;
  let reported = 0;
  for (let i = 0; i < data.values.length; i++) {
    const values = data.values[i] as readonly unknown[] | undefined;
    if (values === undefined || values.length === 0) continue;
    const r = data.originRow + i;
    const formats = sheet.formats[i];
    const isBold = bold.has(r);
    let row = '';
    for (let c = 0; c < values.length; c++) {
      let v = values[c];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${(letters[c] ??= columnLetters(data.originCol + c))}${r}`;
      const fmt = formats?.[c];
      if (typeof v === 'number') {
        if (!Number.isFinite(v)) {
          row += `<c r="${ref}" t="e"><v>#NUM!</v></c>`;
          continue;
        }
        const s = fmt !== undefined || isBold ? styleId(fmt, isBold, false) : 0;
        row += s === 0 ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
      } else if (typeof v === 'string') {
        const trimmed = v.trim();
        if (trimmed.charCodeAt(0) === 35 && isErrorText(trimmed)) {
          row += `<c r="${ref}" t="e"><v>${escapeXml(trimmed)}</v></c>`;
          continue;
        }
        if (v.length > MAX_CELL_TEXT) {
          if (issues.cut++ === 0) issues.cutAt = where(r, c);
          v = cutText(v);
        }
        const s = fmt !== undefined || isBold ? styleId(fmt, isBold, false) : 0;
        row += `<c r="${ref}"${s === 0 ? '' : ` s="${s}"`} t="inlineStr">${inlineText(v as string)}</c>`;
      } else if (typeof v === 'boolean') {
        const s = isBold ? styleId(fmt, isBold, false) : 0;
        row += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="b"><v>${v ? 1 : 0}</v></c>`;
      } else if (v instanceof Date) {
        const serial = v.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
        if (!(serial >= FIRST_SERIAL && serial < END_SERIAL)) {
          if (issues.datesAsText++ === 0) issues.datesAt = where(r, c);
          const s = isBold ? styleId(undefined, isBold, false) : 0;
          row += `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr">${inlineText(dateText(v))}</c>`;
          continue;
        }
        row += `<c r="${ref}" s="${styleId(fmt, isBold, true)}"><v>${serial}</v></c>`;
      }
    }
    if (row === '') continue;
    xml += `<row r="${r}">${row}</row>`;
    if (++pending === ROWS_PER_CHUNK) {
      frame._write(xml);
      xml = '';
      pending = 0;
      onRows(i + 1 - reported);
      reported = i + 1;
      // Let the zip writer take what is written so far: the sheet's XML is never held whole.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  if (xml !== '') frame._write(xml);
  onRows(data.values.length - reported);
  ws.commit();
}
