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
import type ExcelJS from 'exceljs';
import { ValueType } from './exceljs-writer.js';
import { columnLetters } from '../core/scorecard/formula.js';
import { isErrorText } from '../core/values/text.js';
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE } from '../core/scorecard/columns.js';
import type { InputSheet } from './input.js';
import type { ColumnStore, StoredColumn } from './sheet-columns.js';
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
  /** The sheet part's stream (a StreamBuf; in batch mode it copies each Buffer written). */
  readonly stream: { write(chunk: Buffer): unknown; readonly batch?: boolean; bufSize: number };
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

/** The size of the buffers the sheet part's stream fills and hands to the zip writer. */
const STREAM_BUFFER_BYTES = 1 << 20;

/** Rows rendered per write to the sheet's stream. */
const ROWS_PER_CHUNK = 2_000;
/**
 * Rows rendered (from columns) between turns of the event loop. zlib deflates on its own thread
 * but starts its next piece only in a turn of the event loop: with a turn per 2,000 rows it
 * deflated a tenth of the 200,000-ticket copy while the rows were rendered and the rest after.
 */
const ROWS_PER_TURN = 500;

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
  // The sheet part's stream hands its buffers to the zip's deflate stream one by one: 1 MB
  // buffers instead of exceljs's 64 KB make 16 times fewer hand-overs for a big sheet.
  frame.stream.bufSize = STREAM_BUFFER_BYTES;
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
      id = fmt || bold || date ? book.styles.addStyleModel(style, date ? ValueType.Date : ValueType.Number) : 0;
      byFormat.set(key, id);
    }
    return id;
  };
  const bold = new Set(sheet.boldRows);
  const letters: string[] = [];
  const where = (r: number, c: number): string => `${data.name}!${columnLetters(data.originCol + c)}${r}`;
  if (sheet.columns) {
    await writeColumns(frame, sheet, sheet.columns, { styleId, bold, letters, where, issues, onRows });
    ws.commit();
    return;
  }

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

interface RowWriting {
  readonly styleId: (fmt: string | undefined, bold: boolean, date: boolean) => number;
  readonly bold: ReadonlySet<number>;
  readonly letters: string[];
  readonly where: (r: number, c: number) => string;
  readonly issues: WriteIssues;
  readonly onRows: (rows: number) => void;
}

/** Texts kept with their cell XML (`<is>…</is>`): text repeats down a column. */
const TEXT_CACHE_LIMIT = 100_000;
const TEXT_CACHE_LENGTH = 64;

/**
 * The rows of a sheet held by column (sheet-columns.ts), cell by cell as writeDataSheet writes
 * values — byte for byte the same XML — but written as bytes straight into a buffer: no value
 * object, no string per cell (text cells repeat: their XML is encoded once).
 */
async function writeColumns(frame: SheetInternals, sheet: InputSheet, store: ColumnStore, w: RowWriting): Promise<void> {
  const { data } = sheet;
  const { styleId, bold, issues } = w;
  const width = store.width;
  const cols: (StoredColumn | undefined)[] = [];
  const refs: Uint8Array[] = [];
  for (let c = 0; c < width; c++) {
    cols.push(store.column(c));
    refs.push(ascii(`<c r="${columnLetters(data.originCol + c)}`));
  }
  const formatNames = store.formatNames;
  const inline = new Map<string, Uint8Array>();
  /** `<is><t>…</t></is>` of a text as bytes. */
  const inlineOf = (t: string): Uint8Array => {
    let x = t.length > TEXT_CACHE_LENGTH ? undefined : inline.get(t);
    if (x === undefined) {
      x = Buffer.from(inlineText(t), 'utf8');
      if (t.length <= TEXT_CACHE_LENGTH && inline.size < TEXT_CACHE_LIMIT) inline.set(t, x);
    }
    return x;
  };
  /** Style ids by format id, bold and date (styleId looks its formats up by text). */
  const styleCache: number[] = [];
  const cachedStyle = (fid: number, fmt: string | undefined, isBold: boolean, date: boolean): number => {
    const k = fid * 4 + (isBold ? 2 : 0) + (date ? 1 : 0);
    let s = styleCache[k];
    if (s === undefined) {
      while (styleCache.length < k) styleCache.push(-1);
      styleCache[k] = s = -1;
    }
    if (s < 0) styleCache[k] = s = styleId(fmt, isBold, date);
    return s;
  };
  // exceljs's sheet stream (a StreamBuf in batch mode) copies each chunk into its own buffers
  // before write() returns: the writer's buffer can then be reused.
  const out = new ByteWriter((chunk) => frame.stream.write(chunk), frame.stream.batch === true);
  let pending = 0;
  let reported = 0;
  for (let i = 0; i < store.length; i++) {
    const n = store.rowLength(i);
    if (n === 0) continue;
    const r = data.originRow + i;
    const isBold = bold.has(r);
    out.startRow();
    out.row(r);
    let cells = 0;
    for (let c = 0; c < n; c++) {
      const col = cols[c];
      if (col === undefined || i >= col.kinds.length) continue;
      const kind = col.kinds[i];
      if (kind === CELL_BLANK) continue;
      const fid = col.formats === undefined || i >= col.formats.length ? 0 : col.formats[i];
      const fmt = formatNames[fid];
      switch (kind) {
        case CELL_NUMBER: {
          const v = col.numbers[i];
          out.cellOpen(refs[c]);
          if (!Number.isFinite(v)) {
            out.bytes(NUM_ERROR);
            break;
          }
          const s = fmt !== undefined || isBold ? cachedStyle(fid, fmt, isBold, false) : 0;
          if (s !== 0) style(out, s);
          out.bytes(V_OPEN);
          out.number(v);
          out.bytes(V_CLOSE);
          break;
        }
        case CELL_TEXT: {
          let v = col.texts![i]!;
          if (v === '') continue;
          out.cellOpen(refs[c]);
          const first = v.charCodeAt(0);
          if ((first === 35 || first <= 32 || first >= 127) && v.trim().charCodeAt(0) === 35 && isErrorText(v.trim())) {
            out.bytes(ERROR_OPEN);
            out.text(escapeXml(v.trim()));
            out.bytes(V_CLOSE);
            break;
          }
          if (v.length > MAX_CELL_TEXT) {
            if (issues.cut++ === 0) issues.cutAt = w.where(r, c);
            v = cutText(v);
          }
          const s = fmt !== undefined || isBold ? styleId(fmt, isBold, false) : 0;
          if (s !== 0) style(out, s);
          out.bytes(INLINE_OPEN);
          if (!out.plainInline(v)) out.bytes(inlineOf(v));
          out.bytes(CELL_CLOSE);
          break;
        }
        case CELL_TRUE:
        case CELL_FALSE: {
          out.cellOpen(refs[c]);
          const s = isBold ? styleId(fmt, isBold, false) : 0;
          if (s !== 0) style(out, s);
          out.bytes(kind === CELL_TRUE ? BOOL_TRUE : BOOL_FALSE);
          break;
        }
        case CELL_DATE: {
          const ms = col.numbers[i];
          const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
          out.cellOpen(refs[c]);
          if (!(serial >= FIRST_SERIAL && serial < END_SERIAL)) {
            if (issues.datesAsText++ === 0) issues.datesAt = w.where(r, c);
            const s = isBold ? styleId(undefined, isBold, false) : 0;
            if (s !== 0) style(out, s);
            out.bytes(INLINE_OPEN);
            out.text(inlineText(dateText(new Date(ms))));
            out.bytes(CELL_CLOSE);
            break;
          }
          style(out, cachedStyle(fid, fmt, isBold, true));
          out.bytes(V_OPEN);
          out.number(serial);
          out.bytes(V_CLOSE);
          break;
        }
        default: continue;
      }
      cells++;
    }
    if (cells === 0) {
      out.dropRow();
      continue;
    }
    out.bytes(ROW_CLOSE);
    if (++pending % ROWS_PER_TURN === 0) {
      if (pending === ROWS_PER_CHUNK) {
        out.flush();
        pending = 0;
        w.onRows(i + 1 - reported);
        reported = i + 1;
      }
      // Let the zip writer take what is written so far (the sheet's XML is never held whole) and
      // zlib hand back what it deflated: each turn of the event loop starts its next piece.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  out.flush();
  w.onRows(store.length - reported);
}

/** ASCII text as bytes. */
const ascii = (t: string): Uint8Array => Buffer.from(t, 'latin1');

const QUOTE = 34;
const ROW_OPEN = ascii('<row r="');
const ROW_CLOSE = ascii('</row>');
const V_OPEN = ascii('><v>');
const V_CLOSE = ascii('</v></c>');
const CELL_CLOSE = ascii('</c>');
const NUM_ERROR = ascii(' t="e"><v>#NUM!</v></c>');
const ERROR_OPEN = ascii(' t="e"><v>');
const INLINE_OPEN = ascii(' t="inlineStr">');
const BOOL_TRUE = ascii(' t="b"><v>1</v></c>');
const BOOL_FALSE = ascii(' t="b"><v>0</v></c>');
const STYLE_OPEN = ascii(' s="');
const IS_OPEN = ascii('<is><t>');
const IS_CLOSE = ascii('</t></is>');

/** ` s="7"`. */
function style(out: ByteWriter, s: number): void {
  out.bytes(STYLE_OPEN);
  out.int(s);
  out.byte(QUOTE);
}

/** Decimal digits of a whole number from 0 below 2³¹. */
function digitCount(v: number): number {
  if (v < 100_000) return v < 10 ? 1 : v < 100 ? 2 : v < 1_000 ? 3 : v < 10_000 ? 4 : 5;
  return v < 1_000_000 ? 6 : v < 10_000_000 ? 7 : v < 100_000_000 ? 8 : v < 1_000_000_000 ? 9 : 10;
}

/** Room a chunk keeps for one more row (longer rows get a larger buffer). */
const CHUNK_BYTES = 1 << 20;

/**
 * Bytes into a buffer handed to the sheet's stream when full (or flushed). Numbers are written as
 * JavaScript prints them (`${v}`), integers digit by digit.
 */
class ByteWriter {
  private buf = Buffer.allocUnsafe(CHUNK_BYTES);
  private pos = 0;

  constructor(
    private readonly emit: (chunk: Buffer) => void,
    /**
     * Whether `emit` is done with a chunk when it returns (it copies it), so that one buffer
     * serves the whole sheet: 100 MB of sheet XML in fresh 1 MB buffers is external memory that
     * makes V8 collect its whole heap again and again.
     */
    private readonly reuse: boolean,
  ) {}

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    // Keep the row being written whole: flush() hands over complete rows only (see startRow()).
    const start = this.rowStart;
    if (start > 0) this.emit(this.buf.subarray(0, start));
    const carry = this.pos - start;
    if (this.reuse && carry + n <= this.buf.length) {
      this.buf.copyWithin(0, start, this.pos);
    } else {
      const next = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, (carry + n) * 2));
      next.set(this.buf.subarray(start, this.pos), 0);
      this.buf = next;
    }
    this.pos = carry;
    this.rowStart = 0;
  }

  private rowStart = 0;

  /** A row starts here (dropRow() takes it back). */
  startRow(): void {
    this.rowStart = this.pos;
  }

  /** Drops what was written of the current row. */
  dropRow(): void {
    this.pos = this.rowStart;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    // Most pieces are a few bytes (tags, references): a loop beats TypedArray#set's call.
    if (n > 64) this.buf.set(b, this.pos);
    else for (let i = 0, p = this.pos; i < n; i++, p++) this.buf[p] = b[i];
    this.pos += n;
  }

  /** The current row's number and closing quote (`12"`), written into every cell reference of the row. */
  private readonly rowTail = new Uint8Array(12);
  private rowTailLength = 0;

  /** `<row r="12">`, and row 12's digits kept for the cell references that follow. */
  row(r: number): void {
    const tail = this.rowTail;
    let n = digitCount(r);
    for (let x = r, p = n - 1; p >= 0; p--) {
      const q = (x / 10) | 0;
      tail[p] = 48 + x - q * 10;
      x = q;
    }
    tail[n++] = QUOTE;
    this.rowTailLength = n;
    this.room(ROW_OPEN.length + n + 1);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < ROW_OPEN.length; i++) buf[p++] = ROW_OPEN[i];
    for (let i = 0; i < n; i++) buf[p++] = tail[i];
    buf[p++] = 62; // >
    this.pos = p;
  }

  /** `<c r="A12"` for the current row (what follows the reference comes next). */
  cellOpen(ref: Uint8Array): void {
    const n = ref.length, m = this.rowTailLength;
    this.room(n + m);
    const buf = this.buf, tail = this.rowTail;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = ref[i];
    for (let i = 0; i < m; i++) buf[p++] = tail[i];
    this.pos = p;
  }

  /** A whole number from 0 below 2³¹ (row numbers, style ids). */
  int(v: number): void {
    this.room(16);
    const buf = this.buf;
    if (v < 10) {
      buf[this.pos++] = 48 + v;
      return;
    }
    const end = this.pos + digitCount(v);
    this.pos = end;
    for (let x = v, p = end - 1; x > 0; p--) {
      const q = (x / 10) | 0;
      buf[p] = 48 + x - q * 10;
      x = q;
    }
  }

  /** A number as `${v}` prints it. */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) this.int(v);
    else this.latin1(String(v));
  }

  /** ASCII text (numbers, error words) as it is. */
  private latin1(t: string): void {
    const n = t.length;
    this.room(n);
    // Numbers print in a few characters: a loop beats Buffer#write's call.
    if (n > 32) {
      this.pos += this.buf.write(t, this.pos, 'latin1');
      return;
    }
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < n; i++) buf[p++] = t.charCodeAt(i);
    this.pos = p;
  }

  /**
   * `<is><t>text</t></is>` for text that needs no escape and no xml:space (printable ASCII without
   * & < > _ and without a space at either end) — byte for byte what inlineText() gives it — and
   * true; false, with nothing written, for any other text. Most cells (ids, names) are such text.
   */
  plainInline(t: string): boolean {
    const n = t.length;
    if (n === 0 || t.charCodeAt(0) === 32 || t.charCodeAt(n - 1) === 32) return false;
    for (let i = 0; i < n; i++) {
      const ch = t.charCodeAt(i);
      if (ch < 32 || ch > 126 || ch === 38 || ch === 60 || ch === 62 || ch === 95) return false;
    }
    this.room(n + IS_OPEN.length + IS_CLOSE.length);
    let p = this.pos;
    for (let i = 0; i < IS_OPEN.length; i++) this.buf[p++] = IS_OPEN[i];
    for (let i = 0; i < n; i++) this.buf[p++] = t.charCodeAt(i);
    for (let i = 0; i < IS_CLOSE.length; i++) this.buf[p++] = IS_CLOSE[i];
    this.pos = p;
    return true;
  }

  /** Any text, UTF-8. */
  text(t: string): void {
    this.room(t.length * 3);
    this.pos += this.buf.write(t, this.pos, 'utf8');
  }

  /** Hands over everything written (then a new buffer, unless the stream copied it). */
  flush(): void {
    if (this.pos > 0) this.emit(this.buf.subarray(0, this.pos));
    if (!this.reuse) this.buf = Buffer.allocUnsafe(CHUNK_BYTES);
    this.pos = 0;
    this.rowStart = 0;
  }
}
