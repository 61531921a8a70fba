/**
 * One worksheet part, streamed: its cells as the values a spreadsheet shows, kept sparse (a row
 * holds only its own cells, a missing row costs nothing, so one far cell at XFD1048576 costs one
 * row), rows in any order (sorted at the end), and what the copy needs (number formats, bold rows
 * near the top, column widths, frozen panes, merges) and what the notes count.
 *
 * Cell values (ECMA-376 Part 1, 18.3.1.4 and 18.18.11):
 * - `t="s"` a shared string; `t="inlineStr"` the text of its `<is>`; `t="str"` a formula's text;
 *   rich text joined without phonetic runs; `_xHHHH_` escapes decoded;
 * - `t="b"` a boolean, `t="e"` the error text (`#N/A`);
 * - `t="d"` an ISO 8601 date as the wall clock it names (any zone suffix is ignored: a cell has no
 *   zone);
 * - numbers, and numbers whose style shows a date as dates (1900 or 1904 date system);
 * - a formula cell is the value saved with it (`<v>`, 0 included); one saved without a value is
 *   blank and counted for a note.
 * Dates are Date objects whose UTC fields are the wall clock (docs/cli.md).
 */
import { CELL_BLANK } from '../../core/scorecard/columns.js';
import { ColumnsBuilder } from '../sheet-columns.js';
import type { ColumnStore } from '../sheet-columns.js';
import { decodeOoxmlText } from './ooxml-text.js';
import type { SharedStrings } from './shared-strings.js';
import { RichTextCollector } from './shared-strings.js';
import type { CellStyle } from './styles.js';
import { GENERAL_STYLE } from './styles.js';
import type { XmlHandler } from './xml.js';

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Rows near the top whose all-bold cells mark a header. */
export const BOLD_CHECK_ROWS = 100;

export interface SheetCounts {
  formulas: number;
  noResult: number;
  richText: number;
  hyperlinks: number;
  validations: number;
  conditionalFormats: number;
  cells: number;
}

export class SheetDataError extends Error {
  constructor(message: string, readonly kind: 'damaged' | 'cells') {
    super(message);
    this.name = 'SheetDataError';
  }
}

export interface SheetRead {
  /** The rows (made from `columns` on first use when the sheet was held by column). */
  readonly values: (unknown[] | undefined)[];
  /** The sheet held by column (a dense sheet), from `originRow` and `originCol`. */
  readonly columns?: ColumnStore;
  readonly formats: ((string | undefined)[] | undefined)[];
  readonly originRow: number;
  readonly originCol: number;
  readonly widths: (number | undefined)[];
  readonly boldRows: number[];
  readonly frozenRows: number;
  readonly frozenCols: number;
  readonly merges: string[];
}

export interface SheetContext {
  readonly strings: SharedStrings;
  readonly styles: readonly CellStyle[];
  readonly date1904: boolean;
  readonly counts: SheetCounts;
  /** Non-blank cells allowed across the workbook (counts.cells is the running total). */
  readonly maxCells: number;
}

/** Excel's serial of 1970-01-01 (1900 date system); the 1904 system starts 1,462 days later. */
const UNIX_EPOCH_SERIAL = 25_569;
const DAYS_1904 = 1_462;
const MS_PER_DAY = 86_400_000;
/** 9999-12-31, the last day a spreadsheet shows as a date. */
const MAX_DATE_SERIAL = 2_958_466;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
const ISO_TIME = /^T?(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?$/;

/** A `t="d"` cell's text as a wall-clock Date (UTC fields), or undefined when it is not ISO 8601. */
export function isoCellDate(text: string): Date | undefined {
  const t = text.trim();
  let y = 1899, mo = 12, d = 30, h = 0, mi = 0, s = 0, frac = '';
  const m = ISO_DATE.exec(t);
  if (m) {
    y = +m[1]; mo = +m[2]; d = +m[3];
    if (m[4] !== undefined) { h = +m[4]; mi = +m[5]; s = m[6] !== undefined ? +m[6] : 0; frac = m[7] ?? ''; }
  } else {
    const tm = ISO_TIME.exec(t);
    if (!tm) return undefined;
    h = +tm[1]; mi = +tm[2]; s = tm[3] !== undefined ? +tm[3] : 0; frac = tm[4] ?? '';
  }
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 59 || (h === 24 && (mi > 0 || s > 0))) return undefined;
  const ms = frac ? Math.round(Number(`0.${frac}`) * 1000) : 0;
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s, ms));
  if (y < 100) date.setUTCFullYear(y);
  // 2026-02-30 rolls over: not a date.
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (y < 100) day.setUTCFullYear(y);
  if (day.getUTCDate() !== d || day.getUTCMonth() !== mo - 1) return undefined;
  return date;
}

/** A serial number in the workbook's date system as a wall-clock Date, or undefined out of range. */
export function serialDate(serial: number, date1904: boolean): Date | undefined {
  const ms = serialMs(serial, date1904);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** serialDate's time value (Date.getTime()), NaN out of range: a sheet held by column stores no Date. */
function serialMs(serial: number, date1904: boolean): number {
  const days = date1904 ? serial + DAYS_1904 : serial;
  if (!(days >= 0 && days < MAX_DATE_SERIAL)) return NaN;
  return Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
}

/**
 * The value of 1 to 9 ASCII digits (what Number() gives them), -1 for any other text: most `<v>`
 * values are such (shared-string indexes, counts, scores) and this is cheaper than Number().
 */
function digitsValue(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Column number (1-based) of a cell reference's letters (`AB12` → 28), 0 when it has none. */
function columnOf(ref: string): number {
  let c = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 65 && k <= 90) c = c * 26 + (k - 64);
    else if (k >= 97 && k <= 122) c = c * 26 + (k - 96);
    else if (k === 36) continue; // $
    else break;
  }
  return c;
}

/** Row number in a cell reference (`AB12` → 12), 0 when it has none. */
function rowOf(ref: string): number {
  let r = 0;
  for (let i = 0; i < ref.length; i++) {
    const k = ref.charCodeAt(i);
    if (k >= 48 && k <= 57) r = r * 10 + (k - 48);
  }
  return r;
}

const enum Collect { None, V, Is }

/** What storeValue() stored: nothing (a blank cell), a `t="d"` date (its format may be ISO), anything else. */
const STORED_NONE = 0;
const STORED_ISO_DATE = 1;
const STORED_OTHER = 2;

interface RowData {
  r: number;
  cells: unknown[];
  formats: (string | undefined)[] | undefined;
  nonBlank: number;
  bold: number;
}

/**
 * Cells are collected by column (cli/sheet-columns.ts: no row array, Date or boxed number per
 * cell) while the columns' arrays stay within a few times the cells; a sparse sheet (a far cell,
 * scattered columns) is moved to rows the moment it is not, so it still costs only its cells.
 */
const SPARSE_SLOTS_PER_CELL = 8;
const SPARSE_SLOTS_FREE = 1 << 16;

/** Cells and bold cells of a row near the top (the bold-header check). */
interface RowTally {
  nonBlank: number;
  bold: number;
}

export class SheetReader implements XmlHandler {
  private rows: RowData[] = [];
  private builder: ColumnsBuilder | undefined = new ColumnsBuilder();
  private sheetCells = 0;
  private minRow = Infinity;
  private readonly tallies = new Map<number, RowTally>();
  private ascending = true;
  private lastRowNumber = 0;
  private row: RowData | undefined;
  private rowNumber = 0;
  private col = 0;
  private minCol = Infinity;
  private maxCol = 0;
  private inSheetData = false;
  private extDepth = 0;
  private views = 0;
  private frozenRows = 0;
  private frozenCols = 0;
  private readonly merges: string[] = [];
  private readonly cols: { min: number; max: number; width: number }[] = [];

  // the cell being read
  private cellCol = 0;
  private cellRow = 0;
  private cellType: string | undefined;
  private cellStyle: CellStyle = GENERAL_STYLE;
  /** The cell's style index (`s`), -1 for none or one the workbook does not have. */
  private cellStyleIndex = -1;
  /** The time value of the last `t="d"` date stored (for its ISO format). */
  private isoMs = 0;
  /** The builder's number-format id of each style index (-1: not looked up yet). */
  private readonly styleFormatIds: number[] = [];
  private hasF = false;
  private hasV = false;
  private collect = Collect.None;
  private vText = '';
  private readonly inline = new RichTextCollector();
  private hasIs = false;

  constructor(private readonly ctx: SheetContext) {}

  open(name: string, a: Readonly<Record<string, string>>): void {
    switch (name) {
      case 'c': this.openCell(a); return;
      case 'v':
        this.collect = Collect.V;
        this.hasV = true;
        this.vText = '';
        return;
      case 'f': this.hasF = true; return;
      case 'row': this.openRow(a); return;
      case 'is':
        this.collect = Collect.Is;
        this.hasIs = true;
        this.inline.reset();
        return;
      default: break;
    }
    if (this.collect === Collect.Is) {
      this.inline.open(name);
      return;
    }
    if (this.extDepth > 0 || name === 'extLst') {
      if (name === 'extLst') this.extDepth++;
      return;
    }
    switch (name) {
      case 'sheetData': this.inSheetData = true; break;
      case 'sheetView': this.views++; break;
      case 'pane':
        if (this.views === 1 && (a.state === 'frozen' || a.state === 'frozenSplit')) {
          this.frozenCols = Math.max(0, Math.floor(Number(a.xSplit ?? 0)) || 0);
          this.frozenRows = Math.max(0, Math.floor(Number(a.ySplit ?? 0)) || 0);
        }
        break;
      case 'col': {
        const min = Number(a.min), max = Number(a.max), width = Number(a.width);
        if (min >= 1 && max >= min && width > 0 && a.hidden !== '1' && a.hidden !== 'true') this.cols.push({ min, max: Math.min(max, MAX_COLS), width });
        break;
      }
      case 'mergeCell': if (a.ref) this.merges.push(a.ref); break;
      case 'hyperlink': this.ctx.counts.hyperlinks++; break;
      case 'dataValidation': this.ctx.counts.validations++; break;
      case 'conditionalFormatting': this.ctx.counts.conditionalFormats++; break;
      default: break;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'c': this.closeCell(); return;
      case 'v':
        if (this.collect === Collect.V) this.collect = Collect.None;
        return;
      case 'is': this.collect = Collect.None; return;
      case 'row': this.row = undefined; return;
      case 'sheetData': this.inSheetData = false; return;
      case 'extLst': if (this.extDepth > 0) this.extDepth--; return;
      default:
        if (this.collect === Collect.Is) this.inline.close(name);
    }
  }

  text(t: string): void {
    if (this.collect === Collect.V) this.vText += t;
    else if (this.collect === Collect.Is) this.inline.text(t);
  }

  private openRow(a: Readonly<Record<string, string>>): void {
    if (!this.inSheetData) return;
    const r = a.r !== undefined ? Number(a.r) : this.rowNumber + 1;
    if (!(r >= 1 && r <= MAX_ROWS) || !Number.isInteger(r)) throw new SheetDataError(`row number ${JSON.stringify(String(a.r)).slice(0, 20)} is outside the sheet`, 'damaged');
    this.rowNumber = r;
    this.col = 0;
    this.row = undefined;
  }

  private rowFor(r: number): RowData {
    const last = this.row;
    if (last && last.r === r) return last;
    const row: RowData = { r, cells: [], formats: undefined, nonBlank: 0, bold: 0 };
    if (r <= this.lastRowNumber) this.ascending = false;
    this.lastRowNumber = r;
    this.rows.push(row);
    this.row = row;
    return row;
  }

  private openCell(a: Readonly<Record<string, string>>): void {
    const ref = a.r;
    let col: number, row: number;
    if (ref !== undefined) {
      col = columnOf(ref);
      row = rowOf(ref) || this.rowNumber;
      if (col === 0) col = this.col + 1;
    } else {
      col = this.col + 1;
      row = this.rowNumber;
    }
    if (row === 0) row = this.rowNumber = 1;
    if (col > MAX_COLS || row > MAX_ROWS) throw new SheetDataError(`cell ${String(ref).slice(0, 20)} is outside the sheet`, 'damaged');
    this.col = col;
    this.cellCol = col;
    this.cellRow = row;
    this.cellType = a.t;
    const s = a.s;
    const style = s === undefined ? undefined : this.ctx.styles[Number(s)];
    this.cellStyle = style ?? GENERAL_STYLE;
    this.cellStyleIndex = style === undefined ? -1 : Number(s);
    this.hasF = false;
    this.hasV = false;
    this.hasIs = false;
    this.vText = '';
    this.collect = Collect.None;
  }

  private closeCell(): void {
    this.collect = Collect.None;
    const counts = this.ctx.counts;
    if (this.hasF) {
      counts.formulas++;
      if (!this.hasV) counts.noResult++;
    }
    if (this.builder) {
      this.columnCell(this.builder);
      return;
    }
    const v = this.cellValue();
    if (v === null) return;
    this.countCell();
    const row = this.rowFor(this.cellRow);
    const c = this.cellCol - 1;
    if (row.cells[c] === undefined) row.nonBlank++;
    row.cells[c] = v;
    const style = this.cellStyle;
    let format = style.format;
    if (format === undefined && v instanceof Date) format = isoDateFormat(v);
    if (format !== undefined) (row.formats ??= [])[c] = format;
    if (style.bold) row.bold++;
    if (this.cellCol < this.minCol) this.minCol = this.cellCol;
    if (this.cellCol > this.maxCol) this.maxCol = this.cellCol;
  }

  private countCell(): void {
    if (++this.ctx.counts.cells > this.ctx.maxCells) throw new SheetDataError('too many cells', 'cells');
    this.sheetCells++;
  }

  /**
   * closeCell for a sheet held by column: the same value and format as cellValue() gives, stored
   * straight into the builder (no Date, no boxed value per cell).
   */
  private columnCell(b: ColumnsBuilder): void {
    const r = this.cellRow - 1, c = this.cellCol - 1;
    // Whether the position was blank, for the bold check of rows near the top (read before the store).
    const top = this.cellRow < Math.min(this.minRow, this.cellRow) + BOLD_CHECK_ROWS;
    const wasBlank = top && b.kindAt(r, c) === CELL_BLANK;
    const stored = this.storeValue(b, r, c);
    if (stored === STORED_NONE) return;
    this.countCell();
    const style = this.cellStyle;
    if (this.cellRow < this.minRow) this.minRow = this.cellRow;
    if (top) {
      let t = this.tallies.get(this.cellRow);
      if (!t) this.tallies.set(this.cellRow, (t = { nonBlank: 0, bold: 0 }));
      if (wasBlank) t.nonBlank++;
      if (style.bold) t.bold++;
    }
    if (stored === STORED_ISO_DATE && style.format === undefined) {
      b.format(r, c, b.formatId(isoDateFormat(new Date(this.isoMs))));
    } else {
      const id = this.formatIdOfStyle(b);
      if (id !== 0) b.format(r, c, id);
    }
    if (this.cellCol < this.minCol) this.minCol = this.cellCol;
    if (this.cellCol > this.maxCol) this.maxCol = this.cellCol;
    if (b.slots > SPARSE_SLOTS_PER_CELL * this.sheetCells + SPARSE_SLOTS_FREE) this.toRows(b);
  }

  /** The builder's format id of the cell's style (0: none), looked up once per style. */
  private formatIdOfStyle(b: ColumnsBuilder): number {
    const i = this.cellStyleIndex;
    if (i < 0) return 0;
    let id = this.styleFormatIds[i];
    if (id === undefined) {
      while (this.styleFormatIds.length < i) this.styleFormatIds.push(-1);
      this.styleFormatIds[i] = id = -1;
    }
    if (id < 0) this.styleFormatIds[i] = id = b.formatId(this.cellStyle.format);
    return id;
  }

  /**
   * cellValue() into the builder: the kind stored, STORED_NONE for a blank cell. Every branch
   * gives the value cellValue() gives for the same cell.
   */
  private storeValue(b: ColumnsBuilder, r: number, c: number): number {
    const t = this.cellType;
    if (t === 'inlineStr' || (this.hasIs && t === undefined)) {
      if (this.hasIs) {
        if (this.inline.rich) this.ctx.counts.richText++;
        b.text(r, c, this.inline.value());
        return STORED_OTHER;
      }
      if (!this.hasV) return STORED_NONE;
      b.text(r, c, decodeOoxmlText(this.vText));
      return STORED_OTHER;
    }
    if (!this.hasV) return STORED_NONE;
    const raw = this.vText;
    if (t === undefined || t === 'n') {
      const whole = digitsValue(raw);
      const n = whole >= 0 ? whole : Number(raw);
      // Number('') and Number(' ') are 0: a blank <v> is no value.
      if (n === 0 && raw.trim() === '') return STORED_NONE;
      if (!Number.isFinite(n)) {
        b.text(r, c, decodeOoxmlText(raw));
        return STORED_OTHER;
      }
      if (this.cellStyle.date) {
        const ms = serialMs(n, this.ctx.date1904);
        if (!Number.isNaN(ms)) {
          b.date(r, c, ms);
          return STORED_OTHER;
        }
      }
      b.number(r, c, n);
      return STORED_OTHER;
    }
    switch (t) {
      case 's': b.text(r, c, this.sharedString(raw)); return STORED_OTHER;
      case 'd': {
        const d = isoCellDate(raw);
        if (d === undefined) {
          b.text(r, c, decodeOoxmlText(raw));
          return STORED_OTHER;
        }
        this.isoMs = d.getTime();
        b.date(r, c, this.isoMs);
        return STORED_ISO_DATE;
      }
      default: {
        const v = this.cellValue();
        if (v === null) return STORED_NONE;
        b.value(r, c, v);
        return STORED_OTHER;
      }
    }
  }

  /** A `t="s"` cell's text (counted for the rich-text note when the string has formatting runs). */
  private sharedString(raw: string): string {
    const whole = digitsValue(raw);
    const i = whole >= 0 ? whole : Number(raw);
    const text = this.ctx.strings.text[i];
    if (text === undefined) throw new SheetDataError(`a cell refers to shared string ${raw.slice(0, 12)}, which the workbook does not have`, 'damaged');
    if (!this.hasF && this.ctx.strings.rich[i]) this.ctx.counts.richText++;
    return text;
  }

  /** Moves the cells collected by column to rows (a sparse sheet) and reads on by row. */
  private toRows(b: ColumnsBuilder): void {
    this.builder = undefined;
    const store = b.finish('holes');
    for (let i = 0; i < store.length; i++) {
      const cells = store.at(i);
      if (cells === undefined) continue;
      const t = this.tallies.get(i + 1);
      let nonBlank = 0;
      for (const v of cells) if (v !== undefined) nonBlank++;
      this.rows.push({ r: i + 1, cells, formats: store.formatsAt(i), nonBlank: t?.nonBlank ?? nonBlank, bold: t?.bold ?? 0 });
    }
    this.tallies.clear();
    this.lastRowNumber = store.length;
    this.row = undefined;
  }

  private cellValue(): unknown {
    const t = this.cellType;
    if (t === 'inlineStr' || (this.hasIs && t === undefined)) {
      if (this.hasIs) {
        if (this.inline.rich) this.ctx.counts.richText++;
        return this.inline.value();
      }
      return this.hasV ? decodeOoxmlText(this.vText) : null;
    }
    if (!this.hasV) return null;
    const raw = this.vText;
    switch (t) {
      case 's': return this.sharedString(raw);
      case 'str': return decodeOoxmlText(raw);
      case 'b': return raw === '1' || raw.trim().toLowerCase() === 'true';
      case 'e': return raw.trim();
      case 'd': return isoCellDate(raw) ?? decodeOoxmlText(raw);
      default: {
        if (raw.trim() === '') return null;
        const n = Number(raw);
        if (!Number.isFinite(n)) return decodeOoxmlText(raw);
        if (this.cellStyle.date) return serialDate(n, this.ctx.date1904) ?? n;
        return n;
      }
    }
  }

  /** The sheet's cells from its first used row and column; rows and cells stay sparse. */
  result(): SheetRead {
    if (this.builder) return this.columnResult(this.builder);
    const rows = this.rows;
    if (rows.length === 0) return { values: [], formats: [], originRow: 1, originCol: 1, widths: [], boldRows: [], frozenRows: this.frozenRows, frozenCols: this.frozenCols, merges: this.merges };
    if (!this.ascending) rows.sort((a, b) => a.r - b.r);
    const originRow = rows[0].r;
    const lastRow = rows[rows.length - 1].r;
    const originCol = this.minCol;
    const values: (unknown[] | undefined)[] = new Array(lastRow - originRow + 1);
    const formats: ((string | undefined)[] | undefined)[] = new Array(lastRow - originRow + 1);
    const boldRows: number[] = [];
    let previousFormats: (string | undefined)[] | undefined;
    for (const row of rows) {
      const i = row.r - originRow;
      let cells = row.cells, fmts = row.formats;
      if (values[i] !== undefined) {
        // The same row number twice: its cells are merged, the later ones win.
        const into = values[i]!;
        cells.forEach((v, c) => (into[c - originCol + 1] = v));
        const fInto = (formats[i] ??= []);
        fmts?.forEach((f, c) => (fInto[c - originCol + 1] = f));
        continue;
      }
      if (originCol > 1) {
        cells = cells.slice(originCol - 1);
        fmts = fmts?.slice(originCol - 1);
      }
      values[i] = cells;
      if (fmts) {
        // Rows of a table share their formats: one array for a run of equal rows.
        if (previousFormats && sameFormats(previousFormats, fmts)) fmts = previousFormats;
        previousFormats = fmts;
        formats[i] = fmts;
      }
      if (row.nonBlank > 0 && row.bold === row.nonBlank && i < BOLD_CHECK_ROWS) boldRows.push(row.r);
    }
    return { values, formats, originRow, originCol, widths: this.widthsFrom(originCol), boldRows, frozenRows: this.frozenRows, frozenCols: this.frozenCols, merges: this.merges };
  }

  /** result() for a sheet held by column. */
  private columnResult(b: ColumnsBuilder): SheetRead {
    if (this.sheetCells === 0) return { values: [], formats: [], originRow: 1, originCol: 1, widths: [], boldRows: [], frozenRows: this.frozenRows, frozenCols: this.frozenCols, merges: this.merges };
    const originRow = this.minRow;
    const originCol = this.minCol;
    const store = b.finish('holes', originRow - 1, originCol - 1);
    const boldRows: number[] = [];
    for (const [r, t] of [...this.tallies].sort((x, y) => x[0] - y[0])) {
      if (t.nonBlank > 0 && t.bold === t.nonBlank && r - originRow < BOLD_CHECK_ROWS) boldRows.push(r);
    }
    let values: (unknown[] | undefined)[] | undefined;
    let formats: ((string | undefined)[] | undefined)[] | undefined;
    return {
      get values() {
        return (values ??= store.rows());
      },
      get formats() {
        return (formats ??= store.formatRows());
      },
      columns: store,
      originRow, originCol,
      widths: this.widthsFrom(originCol),
      boldRows, frozenRows: this.frozenRows, frozenCols: this.frozenCols, merges: this.merges,
    };
  }

  private widthsFrom(originCol: number): (number | undefined)[] {
    const widths: (number | undefined)[] = new Array(this.maxCol - originCol + 1);
    for (const { min, max, width } of this.cols) {
      for (let c = Math.max(min, originCol); c <= Math.min(max, this.maxCol); c++) widths[c - originCol] = width;
    }
    return widths;
  }
}

function sameFormats(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A format for a date cell whose style has none (a `t="d"` cell): ISO, with the time when it has one. */
function isoDateFormat(d: Date): string {
  const ms = ((d.getTime() % MS_PER_DAY) + MS_PER_DAY) % MS_PER_DAY;
  if (ms === 0) return 'yyyy-mm-dd';
  return ms % 60_000 === 0 ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd hh:mm:ss';
}
