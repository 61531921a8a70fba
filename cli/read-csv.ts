/**
 * CSV files as sheets. Each file becomes one sheet named after the file; its first row is the
 * header (kept as text), every other cell is read with the core's value rules:
 *
 * - numbers with `.` or `,` decimals and thousands separators (core/values/text.ts). A number that
 *   reads two ways (`1,234`, `1.234`) follows the file's convention: semicolon-separated files are
 *   German-style (decimal comma), comma- and tab-separated files English-style (decimal point).
 *   `45 %` is the share 0.45. Whole numbers with a leading zero (`0042`) are identifiers: text.
 * - ISO (`2026-03-01 10:30`) and German (`01.03.2026 10:30`) dates and times are wall-clock times;
 *   ISO text with `Z` or an offset (`2026-03-01T09:30:00Z`) is an instant, shown in the --tz zone.
 * - TRUE/FALSE (and German WAHR/FALSCH, any case) are booleans; empty cells are blanks; everything
 *   else is text as written, stored as a workbook stores it: line breaks inside a quoted field as
 *   LF, control characters a workbook cannot hold removed (with a note).
 *
 * The delimiter (`,` `;` or tab) is the one that occurs most in the header line outside quotes, or
 * the one an Excel `sep=;` first line names; `.tsv` files are tab-separated. Rows written with
 * another delimiter than the header are an input error naming the first such line (they would
 * read as one blank column). Quotes follow RFC 4180 (`""` inside a quoted field is a quote; quoted
 * fields may span lines); quotes that break it are read as Excel reads them, with a note: a quote
 * inside an unquoted field is text (`5" screen`), a lone quote inside a quoted field is text when
 * the field still closes on that line (`"He said "no" to me"`), and a closing quote followed by
 * text ends the quoted part, the rest of the field read as written (`"Great" service` → `Great
 * service`). Only a quoted field that never closes is an error. The bytes are UTF-8 with or without
 * BOM, or UTF-16 with a BOM (Excel's "Unicode text"); a file that is not valid UTF-8 is read as
 * Windows-1252 (what German Excel writes) and the user is told.
 *
 * Our own splitter rather than a CSV library: docs/architecture.md has the measured comparison
 * (csv-parse and papaparse are no faster here, and neither recovers loose quotes as Excel does).
 */
import { quote } from '../core/safe-text.js';
import { isAscii, isUtf8 } from 'node:buffer';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { WallClock } from '../core/values/clock.js';
import { MS_PER_DAY, serialOfWallClock, UNIX_EPOCH_SERIAL } from '../core/values/clock.js';
import { decideDateOrder, orderWords } from '../core/scorecard/date-order.js';
import type { ColumnDateOrder } from '../core/scorecard/date-order.js';
import type { DateOrder } from '../core/values/date-text.js';
import { orderEvidence, scanDateText } from '../core/values/date-text.js';
import { parseDateText, parseNumberText } from '../core/values/text.js';
import { describeFsError, inputError } from './errors.js';
import type { InputSheet } from './input.js';
import { MAX_COLS, MAX_ROWS } from './input.js';
import { columnarInput, ColumnsBuilder } from './sheet-columns.js';

export type Delimiter = ',' | ';' | '\t';

export interface CsvText {
  readonly text: string;
  /** Set when the bytes were not UTF-8 and were read as Windows-1252. */
  readonly fallback?: 'windows-1252';
}

/** The file's bytes as text: BOMs removed, UTF-8 unless the bytes say otherwise. */
export function decodeCsv(bytes: Uint8Array): CsvText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)) };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)) };
  // ASCII and valid UTF-8 checked first (simdutf in Node): decoding then cannot fail, and ASCII
  // is its own Latin-1 (a one-byte string, made without decoding).
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(buf)) return { text: buf.toString('latin1') };
  if (isUtf8(buf)) return { text: buf.toString('utf8') };
  return { text: new TextDecoder('windows-1252').decode(bytes), fallback: 'windows-1252' };
}

const QUOTE = 34, CR = 13, LF = 10, COMMA = 44, SEMI = 59, TAB = 9, SPACE = 32;

/** The delimiter of the header line: the most frequent of `,` `;` tab outside quotes (`,` when none). */
export function detectDelimiter(text: string, start = 0): Delimiter {
  let comma = 0, semi = 0, tab = 0, quoted = false;
  for (let i = start; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === QUOTE) quoted = !quoted; // a doubled quote toggles twice
    else if (!quoted) {
      if (ch === LF || ch === CR) break;
      if (ch === COMMA) comma++;
      else if (ch === SEMI) semi++;
      else if (ch === TAB) tab++;
    }
  }
  if (semi > comma && semi >= tab) return ';';
  if (tab > comma && tab > semi) return '\t';
  return ',';
}

export interface CsvRows {
  readonly rows: string[][];
  /** The line (1-based) each row starts on. */
  readonly lines: number[];
  readonly delimiter: Delimiter;
  /** Fields whose quotes break RFC 4180, read as Excel reads them; the line of the first. */
  readonly loose: number;
  readonly looseLine: number;
  /** Rows (by index) that are one quoted field: one column written properly, whatever it holds. */
  readonly quotedSingles: ReadonlySet<number>;
}

const SEP_LINE = /^sep=(.)\r?\n/i;

/** What the scanner hands over, field by field and row by row. */
export interface CsvSink {
  /** Called first, with the delimiter the rows use. */
  begin?(delimiter: Delimiter): void;
  /**
   * Field `col` of row `row`: unquoted, the text between `start` and `end` (`value` undefined);
   * quoted, its `value` (quotes removed, doubled quotes single).
   */
  field(row: number, col: number, text: string, start: number, end: number, value: string | undefined, line: number): void;
  /** Row `row` has ended with `fields` fields; it starts on `line`; `singleQuoted`: one field, written quoted. */
  row(row: number, fields: number, line: number, singleQuoted: boolean): void;
}

export interface CsvScan {
  readonly delimiter: Delimiter;
  /** Rows handed over (trailing empty lines included). */
  readonly rows: number;
  readonly loose: number;
  readonly looseLine: number;
}

/** The delimiter a text uses: `forced`, an Excel `sep=` line's, or the header's (and where the rows start). */
function delimiterOf(text: string, forced: Delimiter | undefined): { delimiter: Delimiter; start: number; line: number } {
  if (forced) return { delimiter: forced, start: 0, line: 1 };
  const sep = SEP_LINE.exec(text);
  if (sep && (sep[1] === ',' || sep[1] === ';' || sep[1] === '\t')) return { delimiter: sep[1], start: sep[0].length, line: 2 };
  return { delimiter: detectDelimiter(text), start: 0, line: 1 };
}

/**
 * Scans CSV text (RFC 4180) into fields and rows for `sink`, without a string per field unless the
 * sink makes one. Throws an input error naming the line when a quoted field never ends.
 * `forced` skips delimiter detection.
 */
export function scanCsv(text: string, file: string, sink: CsvSink, forced?: Delimiter): CsvScan {
  const { delimiter, start, line: firstLine } = delimiterOf(text, forced);
  let line = firstLine;
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let rows = 0;
  let col = 0;
  let rowLine = line;
  let i = start;
  let loose = 0, looseLine = 0;
  let firstQuoted = false;
  sink.begin?.(delimiter);
  if (i >= n) return { delimiter, rows, loose, looseLine };
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      if (col === 0) firstQuoted = true;
      const openLine = line;
      let from = i + 1;
      let j = from;
      let looseField = false;
      let value = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          throw inputError(`${file}: line ${openLine}: a quoted field never ends (unbalanced quotes)`);
        }
        line += newlinesIn(text, j, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          j = q + 2;
          from = j;
          continue;
        }
        // A closing quote: only spaces may follow it before the delimiter or the line end.
        let k = q + 1;
        while (k < n && text.charCodeAt(k) === SPACE) k++;
        const next = k < n ? text.charCodeAt(k) : LF;
        if (next === delim || next === LF || next === CR) {
          value += text.slice(from, q);
          i = k;
          break;
        }
        // Text after a quote: the field's quotes are loose.
        if (!looseField && loose++ === 0) looseLine = openLine;
        looseField = true;
        if (closesOnLine(text, q + 1, delim)) {
          // A quote inside the quoted text: kept as text, the field goes on.
          value += text.slice(from, q + 1);
          j = q + 1;
          from = j;
          continue;
        }
        // The quoted part ends here; the rest of the field is read as written (Excel's reading).
        let e = q + 1;
        while (e < n) {
          const ch = text.charCodeAt(e);
          if (ch === delim || ch === LF || ch === CR) break;
          e++;
        }
        value += text.slice(from, q) + text.slice(q + 1, e);
        i = e;
        break;
      }
      sink.field(rows, col, text, 0, 0, value, rowLine);
    } else {
      let j = i;
      let quote = false;
      while (j < n) {
        const ch = text.charCodeAt(j);
        if (ch === delim || ch === LF || ch === CR) break;
        if (ch === QUOTE) quote = true;
        j++;
      }
      // A quote inside an unquoted field (`5" screen`) is text, as everywhere; counted for the note.
      if (quote && loose++ === 0) looseLine = line;
      sink.field(rows, col, text, i, j, undefined, rowLine);
      i = j;
    }
    col++;
    if (i >= n) {
      sink.row(rows++, col, rowLine, firstQuoted && col === 1);
      break;
    }
    const ch = text.charCodeAt(i);
    if (ch === delim) {
      i++;
      continue;
    }
    // A line end: \r\n, \n or a lone \r.
    i += ch === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    sink.row(rows++, col, rowLine, firstQuoted && col === 1);
    firstQuoted = false;
    col = 0;
    rowLine = line;
    if (i >= n) break;
  }
  return { delimiter, rows, loose, looseLine };
}

/**
 * Splits CSV text into rows of fields (RFC 4180). Throws an input error naming the line when a
 * quoted field never ends or a closing quote is followed by more text. `forced` skips detection.
 */
export function splitCsv(text: string, file: string, forced?: Delimiter): CsvRows {
  const rows: string[][] = [];
  const lines: number[] = [];
  const quotedSingles = new Set<number>();
  let row: string[] = [];
  const scan = scanCsv(text, file, {
    field(_r, _c, t, start, end, value) {
      row.push(value ?? t.slice(start, end));
    },
    row(r, _fields, line, singleQuoted) {
      if (singleQuoted) quotedSingles.add(r);
      rows.push(row);
      lines.push(line);
      row = [];
    },
  }, forced);
  // Trailing empty lines are not rows.
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1])) {
    rows.pop();
    lines.pop();
  }
  return { rows, lines, delimiter: scan.delimiter, loose: scan.loose, looseLine: scan.looseLine, quotedSingles };
}

/** Whether a quote after `from`, before the line ends, closes a field (a delimiter or the line end follows it). */
function closesOnLine(text: string, from: number, delim: number): boolean {
  for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 1)) {
    if (text.lastIndexOf('\n', q) >= from || text.lastIndexOf('\r', q) >= from) return false;
    if (text.charCodeAt(q + 1) === QUOTE) {
      q++;
      continue;
    }
    let k = q + 1;
    while (k < text.length && text.charCodeAt(k) === SPACE) k++;
    if (k >= text.length) return true;
    const ch = text.charCodeAt(k);
    if (ch === delim || ch === LF || ch === CR) return true;
  }
  return false;
}

const DELIMITER_NAMES: Readonly<Record<Delimiter, string>> = { ',': '","', ';': '";"', '\t': 'tab' };

function newlinesIn(text: string, from: number, to: number): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === LF) k++;
    else if (ch === CR && text.charCodeAt(i + 1) !== LF) k++;
  }
  return k;
}

function isEmptyRow(row: readonly string[]): boolean {
  for (const f of row) if (f.trim() !== '') return false;
  return true;
}

// ---------------------------------------------------------------- cell values

/**
 * Characters a workbook cannot hold: XML 1.0 forbids the C0 controls other than tab and line
 * breaks, U+FFFE/U+FFFF and unpaired surrogates, and exceljs drops DEL. They are removed while
 * reading, so the KPIs are computed on exactly the text the output workbook shows.
 */
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** True when `text` holds a character a workbook cannot store. */
export function hasUnstorable(text: string): boolean {
  // Printable ASCII (most fields) holds none: a loop over a few characters costs less than the regex.
  let i = 0;
  while (i < text.length) {
    const ch = text.charCodeAt(i);
    if (ch < 32 || ch > 126) break;
    i++;
  }
  if (i === text.length) return false;
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(text);
}

/** Text as a workbook stores it: line breaks as LF, unstorable characters removed. */
export function storableText(text: string): string {
  const t = text.indexOf('\r') >= 0 ? text.replace(/\r\n?/g, '\n') : text;
  return hasUnstorable(t) ? t.replace(UNSTORABLE, '') : t;
}

const PERCENT = /^([+-]?[\d.,]*\d)\s?%$/;
const LEADING_ZERO = /^[+-]?0\d+$/;
const TRUE_WORDS = new Set(['true', 'wahr']);
const FALSE_WORDS = new Set(['false', 'falsch']);
/** First characters (either case) and lengths of those words: other text never takes toLowerCase. */
const BOOLEAN_INITIALS = new Set([...TRUE_WORDS, ...FALSE_WORDS].flatMap((w) => [w.charCodeAt(0), w.toUpperCase().charCodeAt(0)]));
const BOOLEAN_SHORTEST = Math.min(...[...TRUE_WORDS, ...FALSE_WORDS].map((w) => w.length));
const BOOLEAN_LONGEST = Math.max(...[...TRUE_WORDS, ...FALSE_WORDS].map((w) => w.length));

/** How a text cell was read, for the number format and the notes. */
export enum CellKind { Blank, Text, Number, Percent, Date, Boolean, Ambiguous, UnreadableDate, Cleaned }

export interface CellReader {
  /**
   * The value of a field; sets `kind` and, for dates, `hasTime`/`hasSeconds`. Text is kept once per
   * distinct value unless `intern` is false (a column that rarely repeats: ids).
   */
  read(raw: string, intern?: boolean): unknown;
  kind: CellKind;
  /** Digits after the decimal point of the last percentage. */
  percentDecimals: number;
  hasTime: boolean;
  hasSeconds: boolean;
}

/** Texts up to this length are kept once per distinct value (at most INTERN_MAX_ENTRIES of them). */
const INTERN_MAX_LENGTH = 64;
const INTERN_MAX_ENTRIES = 200_000;

/** A reader of field text with the core's rules and the file's number convention. */
export function cellReader(clock: WallClock, decimalComma: boolean): CellReader {
  const interned = new Map<string, string>();
  const r: CellReader = {
    kind: CellKind.Blank,
    percentDecimals: 0,
    hasTime: false,
    hasSeconds: false,
    read(raw: string, intern = true): unknown {
      if (intern && raw.length <= INTERN_MAX_LENGTH) {
        // Text seen before is text again (the reading depends on the text alone).
        const known = interned.get(raw);
        if (known !== undefined) {
          r.kind = CellKind.Text;
          return known;
        }
      }
      const t = raw.trim();
      if (t === '') {
        r.kind = CellKind.Blank;
        return null;
      }
      const c = t.charCodeAt(0);
      const numeric = (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44;
      if (numeric) {
        const num = numberOf(t, decimalComma);
        if (num !== undefined) {
          r.kind = typeof num === 'number' ? CellKind.Number : CellKind.Ambiguous;
          return typeof num === 'number' ? num : num.value;
        }
        const m = PERCENT.exec(t);
        if (m) {
          const p = numberOf(m[1], decimalComma);
          if (p !== undefined) {
            const v = typeof p === 'number' ? p : p.value;
            const dec = /[.,](\d+)$/.exec(m[1]);
            r.percentDecimals = dec && (typeof p === 'number' || p.decimal) ? dec[1].length : 0;
            r.kind = CellKind.Percent;
            // Two steps keep 45 % exactly 0.45 (45 / 100 is 0.45; 45 * 0.01 is not).
            return v / 100;
          }
        }
        const serial = parseDateText(t, clock);
        if (typeof serial === 'number') {
          r.kind = CellKind.Date;
          const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
          if (seconds !== 0 && seconds !== 86_400) {
            r.hasTime = true;
            if (seconds % 60 !== 0) r.hasSeconds = true;
          }
          return new Date(Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
        }
        if (serial !== undefined) {
          r.kind = CellKind.UnreadableDate;
          return storableText(raw);
        }
      } else if (t.length >= BOOLEAN_SHORTEST && t.length <= BOOLEAN_LONGEST && BOOLEAN_INITIALS.has(c)) {
        const lower = t.toLowerCase();
        if (TRUE_WORDS.has(lower)) {
          r.kind = CellKind.Boolean;
          return true;
        }
        if (FALSE_WORDS.has(lower)) {
          r.kind = CellKind.Boolean;
          return false;
        }
      }
      // Text (not interned yet: looked up above).
      const unstorable = hasUnstorable(raw);
      r.kind = unstorable ? CellKind.Cleaned : CellKind.Text;
      const text = unstorable || raw.indexOf('\r') >= 0 ? storableText(raw) : raw;
      if (intern && raw.length <= INTERN_MAX_LENGTH && r.kind === CellKind.Text && interned.size < INTERN_MAX_ENTRIES) {
        // A copy, so the kept string does not hold on to the whole file's text (a slice of
        // fewer than 13 characters is a copy already: V8's SlicedString::kMinLength).
        const own = text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
        interned.set(own, own);
        return own;
      }
      return text;
    },
  };
  return r;
}

/** Entries a TextTable keeps (a column of ids fills it and then only misses) and the slots they hash into. */
const TEXT_TABLE_ENTRIES = 1 << 14;
const TEXT_TABLE_SLOTS = 1 << 15;
/** A column whose full table found fewer than this share of its lookups stops looking. */
const TEXT_TABLE_HITS = 0.25;

/**
 * Text the cell reader read as text in one column, found again by its characters in the file's
 * text (an FNV-1a hash, then the characters compared in place): a column of agents, teams or
 * channels then costs no slice and no reading per cell. The reader's verdict depends on the text
 * alone, so a text found again reads as it did; fields of at most INTERN_MAX_LENGTH characters.
 */
export class TextTable {
  private readonly slots = new Int32Array(TEXT_TABLE_SLOTS).fill(-1);
  private readonly hashes: number[] = [];
  private readonly texts: string[] = [];
  private hits = 0;
  private lookups = 0;
  private off = false;
  /** The hash and the empty slot of the last find() that missed (add() takes them). */
  private lastHash = 0;
  private lastSlot = -1;

  /** False once the column has shown it rarely repeats (its text is then not kept by the reader either). */
  get repeats(): boolean {
    return !this.off;
  }

  /** The text t[start, end) read as before, or undefined (then add() may keep what the reader makes of it). */
  find(t: string, start: number, end: number): string | undefined {
    const n = end - start;
    this.lastSlot = -1;
    if (this.off || n > INTERN_MAX_LENGTH) return undefined;
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
    this.lookups++;
    let slot = h & (TEXT_TABLE_SLOTS - 1);
    for (;;) {
      const k = this.slots[slot];
      if (k < 0) break;
      const s = this.texts[k];
      if (this.hashes[k] === h && s.length === n && t.startsWith(s, start)) {
        this.hits++;
        return s;
      }
      slot = (slot + 1) & (TEXT_TABLE_SLOTS - 1);
    }
    if (this.texts.length >= TEXT_TABLE_ENTRIES) {
      // Full: a column that rarely repeats (ids) stops paying for lookups.
      if (this.hits < this.lookups * TEXT_TABLE_HITS) this.off = true;
      return undefined;
    }
    this.lastHash = h;
    this.lastSlot = slot;
    return undefined;
  }

  /** The text the reader made of the field find() just missed (its very characters). */
  add(text: string): void {
    if (this.lastSlot < 0) return;
    this.slots[this.lastSlot] = this.texts.length;
    this.hashes.push(this.lastHash);
    this.texts.push(text);
    this.lastSlot = -1;
  }
}

/**
 * A number by the core's rules; text the core finds ambiguous (`1,234`) by the file's convention
 * (`{ value, decimal }`). Undefined when the text is no number (or an identifier like `0042`).
 */
function numberOf(t: string, decimalComma: boolean): number | { value: number; decimal: boolean } | undefined {
  if (LEADING_ZERO.test(t)) return undefined;
  const n = parseNumberText(t);
  if (typeof n === 'number') return n;
  if (n === undefined) return undefined;
  // Ambiguous: one separator followed by exactly three digits.
  const decimal = t.includes(',') ? decimalComma : !decimalComma;
  const value = decimal ? Number(t.replace(',', '.')) : Number(t.replace(/[.,]/g, ''));
  return { value, decimal };
}

// ---------------------------------------------------------------- a file as a sheet

export interface CsvSheetResult {
  readonly sheet: InputSheet;
  readonly notes: string[];
  /** The day/month order each column of numeric date text was read in, and why. */
  readonly dateOrders: readonly ColumnOrderRead[];
}

/** How the reader read a column of `05/02/2012` dates. */
export interface ColumnOrderRead extends ColumnDateOrder {
  readonly sheet: string;
  /** Sheet column (1-based). */
  readonly column: number;
  readonly header: string;
  /** Cells read as dates in this order. */
  readonly cells: number;
  /** One of them, quoted as written, with its line. */
  readonly example: string;
}

/** What decides the day/month order of date text no cell of its column decides. */
export interface DateReading {
  /** The user's choice (--date-order). */
  readonly dateOrder?: DateOrder;
  /** The language that decides otherwise (--lang). */
  readonly language: 'en' | 'de';
}

/** A column's numeric date text kept for its order: the rows, their text and lines, and a cell showing each order. */
interface OrderColumn {
  readonly rows: number[];
  readonly texts: string[];
  readonly lines: number[];
  dayFirst?: string;
  monthFirst?: string;
  first: string;
}

/** Number format of a date column: with time and seconds when any cell has them. */
function dateFormat(hasTime: boolean, hasSeconds: boolean): string {
  return hasSeconds ? 'yyyy-mm-dd hh:mm:ss' : hasTime ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
}

/** Stands for "the column's date format" until every date of the column has been read. */
const DATE_PLACEHOLDER = '\u0000date';

/** Rows whose field widths set the column widths. */
const WIDTH_ROWS = 200;

const isDigit = (ch: number): boolean => ch >= 48 && ch <= 57;
const digits2 = (t: string, i: number): number => (t.charCodeAt(i) - 48) * 10 + (t.charCodeAt(i + 1) - 48);

/**
 * A field that is plain digits (`0`, or up to 15 digits without a leading zero): its number, as
 * the cell reader reads it (no separator, so never ambiguous; exact below 2^53). −1 otherwise.
 */
function plainInteger(t: string, start: number, end: number): number {
  const len = end - start;
  if (len < 1 || len > 15) return -1;
  if (t.charCodeAt(start) === 48 && len > 1) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const ch = t.charCodeAt(i);
    if (!isDigit(ch)) return -1;
    v = v * 10 + (ch - 48);
  }
  return v;
}

/** Days in each month of a common year. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * An ISO date field `yyyy-mm-dd`, `yyyy-mm-dd hh:mm` or `yyyy-mm-dd hh:mm:ss` (space or T) holding
 * a valid date and time: its wall-clock serial, exactly as parseDateText computes it; undefined
 * for anything else (the cell reader then decides).
 */
function isoSerial(t: string, start: number, end: number): number | undefined {
  const len = end - start;
  if (len !== 10 && len !== 16 && len !== 19) return undefined;
  const i = start;
  if (t.charCodeAt(i + 4) !== 45 || t.charCodeAt(i + 7) !== 45) return undefined;
  for (const k of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(t.charCodeAt(i + k))) return undefined;
  const y = digits2(t, i) * 100 + digits2(t, i + 2);
  const mo = digits2(t, i + 5);
  const d = digits2(t, i + 8);
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return undefined;
  const leap = mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  if (d > MONTH_DAYS[mo - 1] + (leap ? 1 : 0)) return undefined;
  let h = 0, mi = 0, sec = 0;
  if (len > 10) {
    const sep = t.charCodeAt(i + 10);
    if (sep !== 32 && sep !== 84) return undefined;
    for (const k of [11, 12, 14, 15]) if (!isDigit(t.charCodeAt(i + k))) return undefined;
    if (t.charCodeAt(i + 13) !== 58) return undefined;
    h = digits2(t, i + 11);
    mi = digits2(t, i + 14);
    if (len === 19) {
      if (t.charCodeAt(i + 16) !== 58 || !isDigit(t.charCodeAt(i + 17)) || !isDigit(t.charCodeAt(i + 18))) return undefined;
      sec = digits2(t, i + 17);
    }
    if (h > 23 || mi > 59 || sec > 59) return undefined;
  }
  return serialOfWallClock(y, mo, d, h, mi, sec);
}

/** What a delimiter check found: rows written with another delimiter (checkDelimiter's rule). */
interface DelimiterEvidence {
  seen: number;
  firstLine: number;
  other: Delimiter | undefined;
}

/**
 * Rows written with another delimiter than the header: a row that splits into one field while
 * the header has several, and holds another delimiter outside quotes, would read as one blank
 * column. Two such rows (or every row, in a short file) are an input error naming the first; a
 * single one is taken as text that happens to hold a comma.
 */
function checkDelimiter(e: DelimiterEvidence, rows: number, headerFields: number, delimiter: Delimiter, file: string): void {
  if (rows < 2 || headerFields < 2) return;
  if (e.other === undefined || (e.seen < 2 && rows > 2)) return;
  throw inputError(`${file}: line ${e.firstLine}: the rows are separated by ${DELIMITER_NAMES[e.other]} but the header by ${DELIMITER_NAMES[delimiter]}; save the file with one delimiter (or write sep=${e.other === '\t' ? '<tab>' : e.other} as its first line)`);
}

/**
 * One CSV text as a sheet named `name` (messages name `file`); `forced` skips delimiter detection.
 * The fields go straight into columns (sheet-columns.ts): plain integers and ISO dates are read
 * from the text where they stand, everything else through the cell reader. Numeric date text
 * (`05/02/2012`) is read per column in the order its own cells show, else the user's choice, else
 * the language's (`reading`), and a note says which.
 */
export function csvSheet(text: string, name: string, file: string, clock: WallClock, forced?: Delimiter, reading: DateReading = { language: 'en' }): CsvSheetResult {
  // Rows to expect: the line breaks (quoted ones too), so the columns are allocated once.
  let breaks = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks++;
  const builder = new ColumnsBuilder(Math.min(breaks, MAX_ROWS + 1));
  let reader: CellReader = cellReader(clock, false);
  let delimiter: Delimiter = ',';
  const dateCols: { hasTime: boolean; hasSeconds: boolean }[] = [];
  const dateId = builder.formatId(DATE_PLACEHOLDER);
  const percentIds = new Map<number, number>();
  let ambiguous = 0, ambiguousExample = '';
  let unreadable = 0, unreadableExample = '';
  const orderCols: (OrderColumn | undefined)[] = [];
  /** Per column, text the cell reader read as text, found again by its characters (see TextTable). */
  const textTables: (TextTable | undefined)[] = [];
  const headers: string[] = [];
  let cleaned = 0, cleanedExample = '';
  let rowNonEmpty = false;
  /** Rows up to the last one with a non-blank field (trailing empty lines are not rows). */
  let kept = 0;
  let widthSoFar = 0, width = 0, headerFields = 0;
  const fieldLengths: number[][] = [];
  /** Row's first field (its value when quoted, else where it stands): a single-field row's text. */
  let single: string | undefined;
  let singleStart = 0, singleEnd = -1;
  const evidence: DelimiterEvidence = { seen: 0, firstLine: 0, other: undefined };

  const scan = scanCsv(text, file, {
    begin(d) {
      delimiter = d;
      reader = cellReader(clock, d === ';');
    },
    field(r, c, t, start, end, value, line) {
      const quoted = value !== undefined;
      const len = quoted ? value.length : end - start;
      if (r < WIDTH_ROWS) (fieldLengths[r] ??= [])[c] = len + 2;
      if (c === 0) {
        single = undefined;
        singleEnd = -1;
      }
      if (len === 0) return;
      // The field's text, made only when a fast path does not take it.
      let field = value;
      const first = quoted ? value.charCodeAt(0) : t.charCodeAt(start);
      if (c === 0) {
        single = value;
        singleStart = start;
        singleEnd = end;
      }
      // A blank is whitespace only: most fields start with something else.
      if (!rowNonEmpty && ((first > 32 && first < 127) || (field ??= t.slice(start, end)).trim() !== '')) rowNonEmpty = true;
      if (r >= MAX_ROWS || c >= MAX_COLS) return; // refused at the end; nothing to keep
      if (r === 0) {
        const h = (field ??= t.slice(start, end));
        const stored = storableText(h);
        if (hasUnstorable(h) && cleaned++ === 0) cleanedExample = `line ${line}`;
        if (stored.trim() !== '') {
          builder.text(r, c, stored);
          headers[c] = stored;
        }
        return;
      }
      if (!quoted && (len === 4 || len === 5) && (first === 84 || first === 70)) {
        // TRUE / FALSE as spreadsheets write them.
        const b = len === 4 ? t.startsWith('TRUE', start) : t.startsWith('FALSE', start);
        if (b && (len === 4) === (first === 84)) {
          builder.boolean(r, c, len === 4);
          return;
        }
      }
      if (!quoted && first >= 48 && first <= 57) {
        const n = plainInteger(t, start, end);
        if (n >= 0) {
          builder.number(r, c, n);
          return;
        }
        const serial = isoSerial(t, start, end);
        if (serial !== undefined) {
          storeDate(r, c, serial);
          return;
        }
      }
      const table = quoted ? undefined : (textTables[c] ??= new TextTable());
      if (table) {
        const known = table.find(t, start, end);
        if (known !== undefined) {
          builder.text(r, c, known);
          return;
        }
      }
      field ??= t.slice(start, end);
      const v = reader.read(field, table === undefined || table.repeats);
      // Read as text with the field's own characters (an unquoted field holds no line break): the
      // same text is found again without slicing or reading it.
      if (table && reader.kind === CellKind.Text && typeof v === 'string' && v.length === end - start) table.add(v);
      switch (reader.kind) {
        case CellKind.Blank: return;
        case CellKind.Date: {
          const d = (dateCols[c] ??= { hasTime: false, hasSeconds: false });
          if (reader.hasTime) d.hasTime = true;
          if (reader.hasSeconds) d.hasSeconds = true;
          reader.hasTime = reader.hasSeconds = false;
          builder.date(r, c, (v as Date).getTime());
          builder.format(r, c, dateId);
          return;
        }
        case CellKind.Percent: {
          const places = reader.percentDecimals > 0 ? Math.min(reader.percentDecimals, 6) : 0;
          let id = percentIds.get(places);
          if (id === undefined) percentIds.set(places, (id = builder.formatId(places > 0 ? `0.${'0'.repeat(places)}%` : '0%')));
          builder.number(r, c, v as number);
          builder.format(r, c, id);
          return;
        }
        case CellKind.Ambiguous:
          if (ambiguous++ === 0) ambiguousExample = `${quote(field.trim())} on line ${line}`;
          break;
        case CellKind.UnreadableDate: {
          const trimmed = field.trim();
          const p = scanDateText(trimmed);
          if (p !== undefined && !('problem' in p) && p.orderDependent) {
            const where = `${quote(trimmed)} on line ${line}`;
            const col = (orderCols[c] ??= { rows: [], texts: [], lines: [], first: where });
            col.rows.push(r);
            col.texts.push(trimmed);
            col.lines.push(line);
            const e = orderEvidence(p);
            if (e === 1) col.dayFirst ??= where;
            else if (e === 2) col.monthFirst ??= where;
            break;
          }
          if (unreadable++ === 0) unreadableExample = `${quote(trimmed)} on line ${line}`;
          break;
        }
        case CellKind.Cleaned:
          if (cleaned++ === 0) cleanedExample = `line ${line}`;
          break;
        default:
          break;
      }
      builder.value(r, c, v);
    },
    row(r, fields, line, singleQuoted) {
      if (r === 0) headerFields = fields;
      if (fields > widthSoFar) widthSoFar = fields;
      if (r < MAX_ROWS) builder.rowLength(r, Math.min(fields, MAX_COLS));
      if (rowNonEmpty) {
        kept = r + 1;
        width = widthSoFar;
      }
      rowNonEmpty = false;
      if (r > 0 && fields === 1 && !singleQuoted && evidence.seen < 2 && (single !== undefined || singleEnd >= 0)) {
        const field = single ?? text.slice(singleStart, singleEnd);
        const other = (([',', ';', '\t'] as const).find((x) => x !== delimiter && field.includes(x)));
        if (other !== undefined && evidence.seen++ === 0) {
          evidence.firstLine = line;
          evidence.other = other;
        }
      }
    },
  }, forced);

  function storeDate(r: number, c: number, serial: number): void {
    // As the cell reader turns a serial into a Date and notes whether the column shows times.
    const d = (dateCols[c] ??= { hasTime: false, hasSeconds: false });
    const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
    if (seconds !== 0 && seconds !== 86_400) {
      d.hasTime = true;
      if (seconds % 60 !== 0) d.hasSeconds = true;
    }
    builder.date(r, c, Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
    builder.format(r, c, dateId);
  }

  checkDelimiter(evidence, kept, headerFields, scan.delimiter, file);
  if (kept === 0) throw inputError(`${file} is empty`);
  if (kept > MAX_ROWS) throw inputError(`${file} has ${kept} rows; a worksheet holds at most ${MAX_ROWS}`);
  if (width > MAX_COLS) throw inputError(`${file} has ${width} columns; a worksheet holds at most ${MAX_COLS}`);
  builder.rows = kept;

  const notes: string[] = [];
  const impossible = { count: 0, example: '' };
  const dateOrders = readOrderColumns(orderCols, { builder, headers, dateCols, dateId, clock, reading, name, file, notes, impossible });
  // Dates no order makes real (31/02/2026) are unreadable like any other.
  if (impossible.count > 0) {
    if (unreadable === 0) unreadableExample = impossible.example;
    unreadable += impossible.count;
  }

  // Date cells get their column's format (with a time when any cell of the column has one).
  dateCols.forEach((d, c) => builder.replaceFormat(c, dateId, builder.formatId(dateFormat(d.hasTime, d.hasSeconds))));

  // Widths in characters from the header and the first rows: wide enough to read, at most 50.
  const widths: number[] = new Array(width).fill(8);
  for (let r = 0; r < Math.min(kept, WIDTH_ROWS); r++) {
    const lengths = fieldLengths[r] ?? [];
    for (let c = 0; c < lengths.length; c++) if (lengths[c] > widths[c]) widths[c] = Math.min(50, lengths[c]);
  }

  if (ambiguous > 0) {
    const rule = scan.delimiter === ';' ? 'decimal comma (a semicolon-separated file)' : 'decimal point (a comma-separated file)';
    notes.push(`${file}: ${ambiguous} number${ambiguous === 1 ? '' : 's'} such as ${ambiguousExample} could be read two ways; read with a ${rule}`);
  }
  if (unreadable > 0) {
    notes.push(`${file}: ${unreadable} cell${unreadable === 1 ? '' : 's'} such as ${unreadableExample} look like dates in a format this does not read; kept as text (write ISO 2026-03-01 or German 01.03.2026 dates)`);
  }
  if (cleaned > 0) {
    notes.push(`${file}: ${cleaned} cell${cleaned === 1 ? '' : 's'} (first on ${cleanedExample}) held control characters a workbook cannot store; they were removed`);
  }
  if (scan.loose > 0) {
    notes.push(`${file}: ${scan.loose} field${scan.loose === 1 ? '' : 's'} (first on line ${scan.looseLine}) had quotes that break the CSV rules (a quote inside a quoted field must be doubled: ""); read as Excel reads them`);
  }

  const store = builder.finish('null');
  return {
    sheet: columnarInput(name, store, 1, 1, { widths, frozenRows: 1, frozenCols: 0, boldRows: [1], merges: [], hidden: false }),
    notes,
    dateOrders,
  };
}

interface OrderContext {
  readonly builder: ColumnsBuilder;
  readonly headers: readonly (string | undefined)[];
  readonly dateCols: { hasTime: boolean; hasSeconds: boolean }[];
  /** The placeholder format of date cells (their column's format at the end). */
  readonly dateId: number;
  readonly clock: WallClock;
  readonly reading: DateReading;
  readonly name: string;
  readonly file: string;
  readonly notes: string[];
  /** Cells that are no date in their column's order (31/02/2026): counted, the first as example. */
  readonly impossible: { count: number; example: string };
}

/**
 * Reads the columns of numeric date text in their order (cells stay text where the column shows
 * both orders), with one note per column saying the order and why.
 */
function readOrderColumns(orderCols: readonly (OrderColumn | undefined)[], x: OrderContext): ColumnOrderRead[] {
  const out: ColumnOrderRead[] = [];
  orderCols.forEach((col, c) => {
    if (!col) return;
    const header = x.headers[c] ?? '';
    const label = header ? `column "${header}"` : `column ${c + 1}`;
    const decided = decideDateOrder(col.dayFirst && col.monthFirst ? 'both' : col.dayFirst ? 'dmy' : col.monthFirst ? 'mdy' : undefined, x.reading.dateOrder, x.reading.language);
    if (decided === 'both') {
      x.notes.push(`${x.file}: ${label} has dates day first (${col.dayFirst}) and month first (${col.monthFirst}); its ${col.rows.length} dates like these were kept as text (write ISO dates such as 2026-03-01)`);
      return;
    }
    const d = (x.dateCols[c] ??= { hasTime: false, hasSeconds: false });
    let read = 0;
    col.rows.forEach((r, i) => {
      const serial = parseDateText(col.texts[i], x.clock, decided.order);
      if (typeof serial !== 'number') {
        if (x.impossible.count++ === 0) x.impossible.example = `"${col.texts[i]}" on line ${col.lines[i]}`;
        return;
      }
      const seconds = Math.round((serial - Math.floor(serial)) * 86_400);
      if (seconds !== 0 && seconds !== 86_400) {
        d.hasTime = true;
        if (seconds % 60 !== 0) d.hasSeconds = true;
      }
      x.builder.date(r, c, Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
      x.builder.format(r, c, x.dateId);
      read++;
    });
    if (read === 0) return;
    const decider = decided.order === 'dmy' ? col.dayFirst : col.monthFirst;
    const why = decided.from === 'data'
      ? decider === col.first ? `its ${decided.order === 'dmy' ? 'day' : 'month'} being above 12` : `as ${decider} shows`
      : decided.from === 'choice' ? 'as --date-order says' : `as ${x.reading.language === 'de' ? 'German' : 'English'} reads them; nothing in the column decides it (if that is wrong, give --date-order ${decided.order === 'dmy' ? 'mdy' : 'dmy'})`;
    x.notes.push(`${x.file}: ${label}: ${read} date${read === 1 ? '' : 's'} such as ${col.first} read ${orderWords(decided.order)}, ${why}`);
    const example = decided.from === 'data' ? (decided.order === 'dmy' ? col.dayFirst : col.monthFirst) ?? col.first : col.first;
    out.push({ ...decided, sheet: x.name, column: c + 1, header, cells: read, example });
  });
  return out;
}

/** Reads one CSV file from disk as a sheet (a `.tsv` file is tab-separated). */
export async function readCsvFile(file: string, name: string, clock: WallClock, reading?: DateReading): Promise<CsvSheetResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw inputError(describeFsError(e, file));
  }
  const { text, fallback } = decodeCsv(bytes);
  const result = csvSheet(text, name, file, clock, /\.tsv$/i.test(file) ? '\t' : undefined, reading);
  if (fallback) result.notes.unshift(`${path.basename(file)} is not UTF-8; read as Windows-1252 (save as "CSV UTF-8" to avoid this)`);
  return result;
}
