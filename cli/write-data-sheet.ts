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
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import type { Readable } from 'node:stream';
import { DeflateRaw } from 'node:zlib';
import ExcelJS from 'exceljs';
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
  /** Opens a part's stream and appends it to the package (archiver) as the part `path`. */
  _openStream(path: string): unknown;
  readonly zip: { append(source: Readable, data: { name: string }): void };
}

interface SheetInternals {
  _writeColumns(): void;
  _writeOpenSheetData(): void;
  _write(text: string): void;
  /** The sheet part's stream (a SheetPart: see there). */
  readonly stream: SheetPart;
  startedData: boolean;
}

/** XML waiting for the zip writer, at most, before the rows wait for it. */
const PART_BUFFER_BYTES = 8 << 20;

/**
 * The stream of a data sheet's part, in place of exceljs's own StreamBuf (which copies every
 * Buffer into 64 KB buffers of its own, zero-filled, and hands them on without waiting): Buffers
 * go to the zip writer as they are — the row writer never touches a Buffer once written — and
 * exceljs's frame XML (a StringBuf, whose toBuffer() is a copy) as bytes. The writer waits for the
 * zip writer when it falls behind (`write()` false), so the sheet's XML is never held whole.
 */
class SheetPart extends PassThrough {
  /** The row writer's buffers, used again once the zip writer has deflated what was written in them. */
  readonly buffers = new ChunkBuffers();

  constructor() {
    super({ highWaterMark: PART_BUFFER_BYTES });
  }

  override write(chunk: unknown, ...rest: unknown[]): boolean {
    const bytes = typeof chunk === 'string' || chunk instanceof Uint8Array ? chunk : (chunk as { toBuffer(): Buffer }).toBuffer();
    return (super.write as (c: unknown, ...r: unknown[]) => boolean)(bytes, ...rest);
  }

  /**
   * The zip writer pipes the part into its deflate stream. Each chunk that stream has taken (its
   * write callback: zlib has read all of it) gives its buffer back to the row writer; a chunk
   * goes through this stream unchanged. Into anything but a deflate stream nothing is given back.
   */
  override pipe<T extends NodeJS.WritableStream>(dest: T, options?: { end?: boolean }): T {
    if (dest instanceof DeflateRaw) {
      const write = dest.write;
      const buffers = this.buffers;
      dest.write = function (this: DeflateRaw, chunk: unknown, encoding?: unknown, callback?: unknown): boolean {
        const cb = (typeof encoding === 'function' ? encoding : callback) as ((e?: Error | null) => void) | undefined;
        return (write as (c: unknown, e: unknown, cb: (e?: Error | null) => void) => boolean).call(this, chunk, typeof encoding === 'function' ? undefined : encoding, (e) => {
          if (!e) buffers.taken(chunk);
          cb?.(e);
        });
      } as typeof dest.write;
    }
    return super.pipe(dest, options);
  }
}

/**
 * Buffers for the row writer, each used again once the chunk written from it has been taken (see
 * SheetPart.pipe): a million-row sheet's 550 MB of XML then needs a few dozen buffers, where a
 * new 1 MB buffer per chunk made the collector mark the whole heap every few dozen megabytes
 * (V8 counts buffers as external memory) and the kernel map fresh pages for each.
 */
/** How often a buffer was used again, in this process (the tests check that the big copy they write does). */
export const chunkBuffersUsedAgain = { count: 0 };

class ChunkBuffers {
  private readonly free: Buffer[] = [];
  /** Chunks handed over, with the buffer each was written into. */
  private readonly out = new Map<Uint8Array, Buffer>();

  /** A buffer of CHUNK_BYTES (or larger, never used again: a row longer than a chunk). */
  take(size: number): Buffer {
    const again = size === CHUNK_BYTES ? this.free.pop() : undefined;
    if (again === undefined) return Buffer.allocUnsafe(size);
    chunkBuffersUsedAgain.count++;
    return again;
  }

  /** `chunk` (a view of `from`) goes to the stream; `from` is not written again until it is taken. */
  handOver(chunk: Uint8Array, from: Buffer): void {
    if (from.length === CHUNK_BYTES) this.out.set(chunk, from);
  }

  /** The buffer a chunk is taken from, back for writing (anything else: nothing). */
  taken(chunk: unknown): void {
    const from = this.out.get(chunk as Uint8Array);
    if (from === undefined) return;
    this.out.delete(chunk as Uint8Array);
    this.free.push(from);
  }
}

/** Adds a worksheet whose part is written through a SheetPart (exceljs opens a sheet's stream as it adds it). */
function addSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, name: string, options: Partial<ExcelJS.AddWorksheetOptions>): StreamingSheet {
  const book = wb as unknown as ExcelInternals;
  book._openStream = (path: string): SheetPart => {
    const part = new SheetPart();
    book.zip.append(part, { name: path });
    // exceljs waits for 'zipped' on sheets it commits itself (ours are committed before).
    part.on('finish', () => part.emit('zipped'));
    return part;
  };
  try {
    return wb.addWorksheet(name, options) as unknown as StreamingSheet;
  } finally {
    delete (book as Partial<ExcelInternals>)._openStream; // exceljs's own again (its prototype's)
  }
}

/** A turn of the event loop for the zip writer, or until it has taken what waits. */
async function letZipTake(part: SheetPart): Promise<void> {
  if (part.writableNeedDrain) await once(part, 'drain');
  else await new Promise<void>((resolve) => setImmediate(resolve));
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
  const ws = addSheet(wb, data.name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views: frozen
      ? [{ state: 'frozen', xSplit: sheet.frozenCols, ySplit: sheet.frozenRows, topLeftCell: `${columnLetters(sheet.frozenCols + 1)}${sheet.frozenRows + 1}`, activeCell: `A${sheet.frozenRows + 1}` }]
      : [{}],
  });
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
      await letZipTake(frame.stream);
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
  // Style ids by (bold, date) and format id, asked of styleId once each (in the order cells ask).
  const styles = [0, 1, 2, 3].map(() => new Int32Array(formatNames.length).fill(-1));
  const styleOf = (f: number, isBold: boolean, date: boolean): number => {
    const byFormat = styles[(isBold ? 2 : 0) + (date ? 1 : 0)];
    let s = byFormat[f];
    if (s < 0) byFormat[f] = s = styleId(formatNames[f], isBold, date);
    return s;
  };
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
  const part = frame.stream;
  const out = new ByteWriter(part.buffers, (chunk) => part.write(chunk));
  let pending = 0;
  let reported = 0;
  for (let i = 0; i < store.length; i++) {
    const n = store.rowLength(i);
    if (n === 0) continue;
    const r = data.originRow + i;
    const isBold = bold.has(r);
    const rowStart = out.mark();
    const digits = rowDigits(r);
    out.bytes(ROW_OPEN);
    out.cellRef(EMPTY, digits);
    out.bytes(TAG_END);
    let cells = 0;
    for (let c = 0; c < n; c++) {
      const col = cols[c];
      if (col === undefined || i >= col.kinds.length) continue;
      const kind = col.kinds[i];
      if (kind === CELL_BLANK) continue;
      const f = col.formats === undefined || i >= col.formats.length ? 0 : col.formats[i];
      switch (kind) {
        case CELL_NUMBER: {
          const v = col.numbers[i];
          out.cellRef(refs[c], digits);
          if (!Number.isFinite(v)) {
            out.bytes(NUM_ERROR);
            break;
          }
          const s = styleOf(f, isBold, false);
          if (s !== 0) style(out, s);
          out.bytes(V_OPEN);
          out.number(v);
          out.bytes(V_CLOSE);
          break;
        }
        case CELL_TEXT: {
          let v = col.texts![i]!;
          if (v === '') continue;
          out.cellRef(refs[c], digits);
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
          const s = styleOf(f, isBold, false);
          if (s !== 0) style(out, s);
          out.bytes(INLINE_OPEN);
          if (!out.plainInline(v)) out.bytes(inlineOf(v));
          out.bytes(CELL_CLOSE);
          break;
        }
        case CELL_TRUE:
        case CELL_FALSE: {
          out.cellRef(refs[c], digits);
          const s = isBold ? styleOf(f, isBold, false) : 0;
          if (s !== 0) style(out, s);
          out.bytes(kind === CELL_TRUE ? BOOL_TRUE : BOOL_FALSE);
          break;
        }
        case CELL_DATE: {
          const ms = col.numbers[i];
          const serial = ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
          out.cellRef(refs[c], digits);
          if (!(serial >= FIRST_SERIAL && serial < END_SERIAL)) {
            if (issues.datesAsText++ === 0) issues.datesAt = w.where(r, c);
            const s = isBold ? styleOf(0, isBold, false) : 0;
            if (s !== 0) style(out, s);
            out.bytes(INLINE_OPEN);
            out.text(inlineText(dateText(new Date(ms))));
            out.bytes(CELL_CLOSE);
            break;
          }
          style(out, styleOf(f, isBold, true));
          out.bytes(V_OPEN);
          out.serial(serial);
          out.bytes(V_CLOSE);
          break;
        }
        default: continue;
      }
      cells++;
    }
    if (cells === 0) {
      out.reset(rowStart);
      continue;
    }
    out.bytes(ROW_CLOSE);
    if (++pending === ROWS_PER_CHUNK) {
      out.flush();
      pending = 0;
      w.onRows(i + 1 - reported);
      reported = i + 1;
      // Let the zip writer take what is written so far: the sheet's XML is never held whole.
      await letZipTake(frame.stream);
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
const TAG_END = ascii('>');
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

const ROW_DIGITS = new Uint8Array(16);
const EMPTY = new Uint8Array(0);

/** Row number `r`'s digits in ROW_DIGITS from the index returned to its end (until the next call). */
function rowDigits(r: number): number {
  let at = 16;
  for (let x = r; ; x = Math.floor(x / 10)) {
    ROW_DIGITS[--at] = 48 + (x % 10);
    if (x < 10) return at;
  }
}

/** ` s="7"`. */
function style(out: ByteWriter, s: number): void {
  out.bytes(STYLE_OPEN);
  out.int(s);
  out.byte(QUOTE);
}

/** Serials with one spacing: 32768 (1989-09-18) up to 65536 (2079-06-06), the doubles of one binade. */
const SERIALS_FROM = 32_768;
const SERIALS_TO = 65_536;
/** Fractions kept (a day has 86,400 seconds; beyond, a serial is printed as it comes). */
const FRACTIONS_KEPT = 200_000;
const fractions = new Map<number, Uint8Array>();

/**
 * The digits `${v}` prints after a date serial's whole days (`.0097222222222`, or nothing for a
 * whole day), when `v` lies between 32768 and 65536; undefined otherwise. There every double has
 * the same spacing, so the shortest digits that read back as `v` are its whole days and digits
 * that depend on its fraction alone: they are made once per fraction (a time of day), where
 * String() per cell was about a fifth of writing a big copy (test/cli/write-serials.test.ts).
 */
export function serialFraction(v: number): Uint8Array | undefined {
  if (!(v >= SERIALS_FROM && v < SERIALS_TO)) return undefined;
  const f = v - Math.floor(v); // exact
  let digits = fractions.get(f);
  if (digits === undefined) {
    const text = String(v);
    // Five digits of days, then the fraction's (`45992.5`); anything else is printed as it comes.
    if (f === 0) digits = NO_DIGITS;
    else if (text.charCodeAt(5) === 46) digits = ascii(text.slice(5));
    else return undefined;
    if (fractions.size < FRACTIONS_KEPT) fractions.set(f, digits);
  }
  return digits;
}

const NO_DIGITS = new Uint8Array(0);

/** Room a chunk keeps for one more row (longer rows get a larger buffer). */
const CHUNK_BYTES = 1 << 20;

/**
 * Bytes into a buffer handed to the sheet's stream when full (or flushed). Numbers are written as
 * JavaScript prints them (`${v}`), integers digit by digit.
 */
class ByteWriter {
  private buf: Buffer;
  private pos = 0;

  constructor(private readonly buffers: ChunkBuffers, private readonly emit: (chunk: Buffer) => void) {
    this.buf = buffers.take(CHUNK_BYTES);
  }

  /** Hands over bytes 0 … end − 1 of the buffer (a new one follows: the stream keeps this one until it is taken). */
  private handOver(end: number): void {
    const chunk = this.buf.subarray(0, end);
    this.buffers.handOver(chunk, this.buf);
    this.emit(chunk);
  }

  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    // Keep the row being written whole: flush() hands over complete rows only (see mark()).
    const start = this.rowStart;
    const next = this.buffers.take(Math.max(CHUNK_BYTES, (this.pos - start + n) * 2));
    next.set(this.buf.subarray(start, this.pos), 0);
    if (start > 0) this.handOver(start);
    this.buf = next;
    this.pos -= start;
    this.rowStart = 0;
  }

  private rowStart = 0;

  /** Where the row starting now begins (reset() drops it again). */
  mark(): number {
    this.rowStart = this.pos;
    return this.pos;
  }

  reset(at: number): void {
    this.pos = at;
  }

  byte(b: number): void {
    this.room(1);
    this.buf[this.pos++] = b;
  }

  /** `<c r="A2"` from `<c r="A` and the row's digits (ROW_DIGITS from `digits`, see rowDigits), then the closing quote. */
  cellRef(ref: Uint8Array, digits: number): void {
    const a = ref.length;
    this.room(a + 17);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < a; i++) buf[p++] = ref[i];
    for (let i = digits; i < 16; i++) buf[p++] = ROW_DIGITS[i];
    buf[p++] = QUOTE;
    this.pos = p;
  }

  bytes(b: Uint8Array): void {
    const n = b.length;
    this.room(n);
    // Most pieces are a few bytes (tags, references): a loop beats TypedArray#set's call.
    if (n > 64) this.buf.set(b, this.pos);
    else for (let i = 0, p = this.pos; i < n; i++, p++) this.buf[p] = b[i];
    this.pos += n;
  }

  /** A whole number from 0 up (row numbers, style ids). */
  int(v: number): void {
    this.room(16);
    if (v < 10) {
      this.buf[this.pos++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    for (let x = v; p > this.pos - digits; x = Math.floor(x / 10)) this.buf[--p] = 48 + (x % 10);
  }

  /** A number as `${v}` prints it. */
  number(v: number): void {
    if (Number.isInteger(v) && v >= 0 && v < 2 ** 31) this.int(v);
    else this.latin1(String(v));
  }

  /** A date serial as `${v}` prints it: its whole days, then its fraction's digits as serialFraction keeps them. */
  serial(v: number): void {
    const fraction = serialFraction(v);
    if (fraction === undefined) return this.number(v);
    this.int(Math.floor(v));
    this.bytes(fraction);
  }

  /** ASCII text (numbers, error words) as it is. */
  private latin1(t: string): void {
    this.room(t.length);
    this.pos += this.buf.write(t, this.pos, 'latin1');
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

  /** Hands over everything written (a new buffer follows: the stream may keep the old one). */
  flush(): void {
    if (this.pos === 0) return;
    this.handOver(this.pos);
    this.buf = this.buffers.take(CHUNK_BYTES);
    this.pos = 0;
    this.rowStart = 0;
  }
}
