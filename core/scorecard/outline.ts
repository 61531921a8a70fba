/**
 * The workbook outline: where each sheet's data table is (it need not start at A1), its headers,
 * row counts and a few sample values per column, as plain data for detection and the sidebar.
 *
 * Sheets can hold 200,000 rows: the values are read in place, the header is searched only near the
 * top, the last row is found from the bottom, and samples come from a bounded number of rows.
 */
import type { OutlineWorkbook } from './api.js';
import type { SampleCell, SheetData, SheetOutline, WorkbookOutline } from './types.js';
import { wallClock } from '../values/clock.js';
import type { WallClock } from '../values/clock.js';
import { errorCode, isDateObject } from '../values/grid.js';
import { isErrorText, parseDateText, parseNumberText } from '../values/text.js';
import { serialToIso } from '../values/format.js';

export { serialToIso, isoToSerial } from '../values/format.js';

/** A header lies within the first rows of the used range (titles and notes above it are short). */
const HEADER_SEARCH_ROWS = 100;
/** Samples per column: the first ones from the top, the rest spread over the later rows. */
const FIRST_SAMPLES = 10;
const SPREAD_SAMPLES = 10;
/** How far down a column the first samples are looked for (sparse columns stay cheap). */
const FIRST_SCAN_ROWS = 2000;
/** How far from each spread point a non-blank value is looked for. */
const SPREAD_SCAN_ROWS = 50;
/** Data rows whose cells just beyond the header widen the table (a column with an empty header). */
const WIDEN_ROWS = 10;
const MAX_SAMPLE_TEXT = 200;

const UTC = wallClock('UTC');

/** A sheet's rows as the outline reads them: `values`, or the rows of a sheet held by column. */
interface Rows {
  readonly length: number;
  row(r: number): readonly unknown[] | undefined;
}

export const outlineWorkbook: OutlineWorkbook = (data, sheetNames) => {
  const clock = wallClock(data.timeZone);
  const sheets: SheetOutline[] = [];
  for (const sheet of data.sheets) {
    const outline = outlineSheet(sheet, clock);
    if (outline) sheets.push(outline);
  }
  const result: WorkbookOutline = {
    sheets,
    sheetNames: sheetNames ? [...sheetNames] : data.sheets.map((s) => s.name),
  };
  return result;
};

/** The data table of one sheet, or undefined when it has none (empty, or only a title). */
export function outlineSheet(sheet: SheetData, clock: WallClock): SheetOutline | undefined {
  // A sheet held by column makes only the rows looked at.
  const { columns } = sheet;
  const values: Rows = columns
    ? { length: columns.length, row: (r) => columns.at(r) }
    : { length: sheet.values.length, row: (r) => sheet.values[r] };
  const top = findHeaderRow(values);
  if (top === undefined) return undefined;
  const [firstCol, lastCol] = tableColumns(values, top);
  const extra = subHeaderRows(values, top, firstCol, lastCol);
  const header = top + extra;
  const { last: lastIndex, footer } = lastDataRow(values, header, firstCol, lastCol);

  const headers: string[] = [];
  const samples: SampleCell[][] = [];
  for (let c = firstCol; c <= lastCol; c++) {
    headers.push(columnHeader(values, top, extra, c, clock));
    samples.push(columnSamples(values, c, header + 1, lastIndex, clock));
  }
  return {
    name: sheet.name,
    headerRow: sheet.originRow + header,
    ...(extra > 0 ? { headerRows: extra + 1 } : {}),
    ...(footer > 0 ? { footerRows: footer } : {}),
    firstCol: sheet.originCol + firstCol,
    headers,
    samples,
    rowCount: lastIndex - header,
    lastRow: sheet.originRow + lastIndex,
  };
}

// ---------------------------------------------------------------- header rows below the header

/** Survey exports repeat their header: SurveyMonkey's choice labels in row 2, Qualtrics' question texts and ImportIds in rows 2–3. */
const MAX_SUB_HEADER_ROWS = 2;
/** Cells that say what a column's answers are, not what they hold (SurveyMonkey), or a Qualtrics ImportId. */
const SUB_HEADER_MARK = /^(?:response|open-ended response|antwort|offene antwort)$|^\{\s*"importid"/i;

/**
 * How many rows right below the header row are more header (0–2): rows of text only, standing
 * above columns whose data are numbers or dates, or carrying the marks survey tools write there.
 */
function subHeaderRows(values: Rows, header: number, first: number, last: number): number {
  // The deepest run of text-only rows whose last row stands over the data (or carries the marks).
  for (let k = MAX_SUB_HEADER_ROWS; k > 0; k--) {
    let textOnly = true;
    for (let r = header + 1; r < header + k && textOnly; r++) textOnly = isTextOnly(values.row(r), first, last);
    if (textOnly && isSubHeader(values, header + k, first, last)) return k;
  }
  return 0;
}

function isTextOnly(row: readonly unknown[] | undefined, first: number, last: number): boolean {
  if (!row) return false;
  let texts = 0;
  for (let c = first; c <= last; c++) {
    const k = kindOf(row[c]);
    if (k === OTHER) return false;
    if (k === TEXT) texts++;
  }
  return texts > 0;
}

function isSubHeader(values: Rows, r: number, first: number, last: number): boolean {
  const row = values.row(r);
  if (!row) return false;
  let texts = 0, marked = 0, overData = 0;
  for (let c = first; c <= last; c++) {
    const k = kindOf(row[c]);
    if (k === BLANK) continue;
    if (k !== TEXT) return false;
    texts++;
    if (SUB_HEADER_MARK.test(String(row[c]).trim())) marked++;
    else if (dataBelowIsNotText(values, r + 1, c)) overData++;
  }
  return texts > 0 && (marked > 0 || overData > 0);
}

/** True when the next few non-blank cells of column `c` from row `from` are numbers or dates. */
function dataBelowIsNotText(values: Rows, from: number, c: number): boolean {
  let seen = 0;
  const end = Math.min(values.length, from + 20);
  for (let r = from; r < end && seen < 5; r++) {
    const k = kindOf(values.row(r)?.[c]);
    if (k === BLANK) continue;
    if (k === TEXT) return false;
    seen++;
  }
  return seen > 0;
}

/** Codes that name nothing (`Q1`, `QID3`): the question text in the row below says more. */
const CODE_HEADER = /^(?:q|qid|f|frage|question|item)\s*[-_.#:]?\s*\d+[a-z]?$/i;

/** A column's header: the first row's text, or the rows below it when that is blank or a code. */
function columnHeader(values: Rows, top: number, extra: number, c: number, clock: WallClock): string {
  const main = headerText(values.row(top)![c], clock);
  if (main !== '' && !CODE_HEADER.test(main)) return main;
  for (let r = top + 1; r <= top + extra; r++) {
    const t = headerText(values.row(r)?.[c], clock);
    if (t !== '' && !SUB_HEADER_MARK.test(t)) return t;
  }
  return main;
}

// ---------------------------------------------------------------- finding the header row

const BLANK = 0, TEXT = 1, OTHER = 2;

/** Header text is text that is not a number, a date or an error: what a person types as a column name. */
function kindOf(v: unknown): number {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return BLANK;
    if (isErrorText(t) || parseNumberText(t) !== undefined || parseDateText(t, UTC) !== undefined) return OTHER;
    return TEXT;
  }
  return OTHER;
}

const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || v === '' || (typeof v === 'string' && v.trim() === '');

interface RowShape {
  readonly nonBlank: number;
  readonly text: number;
  readonly first: number;
  readonly last: number;
}

function shapeOf(row: readonly unknown[] | undefined): RowShape {
  let nonBlank = 0, text = 0, first = -1, last = -1;
  if (row) {
    for (let c = 0; c < row.length; c++) {
      const k = kindOf(row[c]);
      if (k === BLANK) continue;
      nonBlank++;
      if (k === TEXT) text++;
      if (first < 0) first = c;
      last = c;
    }
  }
  return { nonBlank, text, first, last };
}

/**
 * The first row with at least two non-blank cells, mostly text, that the rows below fit under. A
 * row is a title rather than a header when the next non-blank row is much wider (a two-cell title
 * "Report | March" above a twelve-column header).
 */
function findHeaderRow(values: Rows): number | undefined {
  const end = Math.min(values.length, HEADER_SEARCH_ROWS);
  for (let r = 0; r < end; r++) {
    const shape = shapeOf(values.row(r));
    if (shape.nonBlank < 2 || shape.text * 2 <= shape.nonBlank) continue;
    const next = nextNonBlankShape(values, r + 1);
    if (next && next.nonBlank > shape.nonBlank + 1 && next.nonBlank * 2 > shape.nonBlank * 3) continue;
    return r;
  }
  return undefined;
}

function nextNonBlankShape(values: Rows, from: number): RowShape | undefined {
  const end = Math.min(values.length, from + 5);
  for (let r = from; r < end; r++) {
    const shape = shapeOf(values.row(r));
    if (shape.nonBlank > 0) return shape;
  }
  return undefined;
}

/** First and last column (0-based in `values`) of the table: the header's span, widened by data just beyond it. */
function tableColumns(values: Rows, header: number): [number, number] {
  const row = values.row(header)!;
  let first = 0;
  while (isBlank(row[first])) first++;
  let last = row.length - 1;
  while (isBlank(row[last])) last--;
  const end = Math.min(values.length, header + 1 + WIDEN_ROWS);
  const usedIn = (c: number): boolean => {
    for (let r = header + 1; r < end; r++) {
      const cells = values.row(r);
      if (cells && !isBlank(cells[c])) return true;
    }
    return false;
  };
  while (first > 0 && usedIn(first - 1)) first--;
  while (usedIn(last + 1)) last++;
  return [first, last];
}

/** Index of the last row with a non-blank cell in the table's columns (the header row when there is none). */
function lastUsedRow(values: Rows, header: number, first: number, last: number, below = values.length - 1): number {
  for (let r = below; r > header; r--) {
    if (usedCells(values.row(r), first, last) > 0) return r;
  }
  return header;
}

function usedCells(cells: readonly unknown[] | undefined, first: number, last: number): number {
  if (!cells) return 0;
  let n = 0;
  const stop = Math.min(last, cells.length - 1);
  for (let c = first; c <= stop; c++) if (!isBlank(cells[c])) n++;
  return n;
}

/**
 * The last data row, leaving out a footer: one text cell alone, below a blank row (Zammad writes
 * `Timezone: Europe/Berlin` two rows below its report), which is no row of the table.
 */
function lastDataRow(values: Rows, header: number, first: number, last: number): { last: number; footer: number } {
  const end = lastUsedRow(values, header, first, last);
  if (end <= header + 2 || last === first) return { last: end, footer: 0 };
  const cells = values.row(end);
  if (usedCells(cells, first, last) !== 1 || usedCells(values.row(end - 1), first, last) !== 0) return { last: end, footer: 0 };
  let only: unknown;
  for (let c = first; c <= last; c++) if (!isBlank(cells?.[c])) only = cells?.[c];
  if (kindOf(only) !== TEXT) return { last: end, footer: 0 };
  return { last: lastUsedRow(values, header, first, last, end - 1), footer: 1 };
}

function headerText(v: unknown, clock: WallClock): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v === true ? 'TRUE' : v === false ? 'FALSE' : String(v);
  if (isDateObject(v)) {
    const ms = v.getTime();
    return ms === ms ? serialToIso(clock.serialOfInstant(ms)) : '';
  }
  return errorCode(v) ?? '';
}

// ---------------------------------------------------------------- samples

/**
 * Up to 20 non-blank values of column `c` between rows `from` and `to` (inclusive): the first ten
 * from the top, then one near each of ten points spread over the rest of the data.
 */
function columnSamples(values: Rows, c: number, from: number, to: number, clock: WallClock): SampleCell[] {
  const out: SampleCell[] = [];
  let r = from;
  const firstEnd = Math.min(to, from + FIRST_SCAN_ROWS - 1);
  for (; r <= firstEnd && out.length < FIRST_SAMPLES; r++) {
    const s = sampleOf(values.row(r)?.[c], clock);
    if (s !== undefined) out.push(s);
  }
  // r is now the first row not yet looked at; spread the remaining samples over r..to.
  const rest = to - r + 1;
  for (let k = 0; k < SPREAD_SAMPLES && rest > 0; k++) {
    const start = r + Math.floor((k * rest) / SPREAD_SAMPLES);
    const stop = Math.min(to, start + SPREAD_SCAN_ROWS - 1, r + Math.floor(((k + 1) * rest) / SPREAD_SAMPLES) - 1);
    for (let i = start; i <= stop; i++) {
      const s = sampleOf(values.row(i)?.[c], clock);
      if (s !== undefined) {
        out.push(s);
        break;
      }
    }
  }
  return out;
}

/** A cell as plain sample data (dates as wall-clock ISO text), or undefined for a blank. */
function sampleOf(v: unknown, clock: WallClock): SampleCell | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v - v === 0 ? v : undefined;
  if (typeof v === 'string') {
    if (v.trim() === '') return undefined;
    return v.length > MAX_SAMPLE_TEXT ? v.slice(0, MAX_SAMPLE_TEXT - 1) + '…' : v;
  }
  if (typeof v === 'boolean') return v;
  if (isDateObject(v)) {
    const ms = v.getTime();
    return ms === ms ? serialToIso(clock.serialOfInstant(ms)) : undefined;
  }
  return errorCode(v);
}
