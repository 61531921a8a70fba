/**
 * A sheet read by the command line, held by column: per column a kind (Uint8Array), a number or a
 * date's milliseconds (Float64Array), text where there is text, and a number-format id where there
 * is a format. A million-row CSV is then about 10 bytes a cell and a few dozen objects instead of
 * a row array per row and a Date per date cell: reading, planning and writing allocate little and
 * the garbage collector has next to nothing to trace. docs/performance.md has the measurements.
 *
 * The rows (`values`) and per-row formats that InputSheet describes are made from the columns on
 * first use only (tests, small inputs); the plan (core/scorecard/columns.ts) and the writer
 * (write-data-sheet.ts) read the columns.
 */
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE } from '../core/scorecard/columns.js';
import type { SheetColumn, SheetColumns } from '../core/scorecard/columns.js';
import type { SheetData } from '../core/scorecard/types.js';
import type { InputSheet } from './input.js';

export interface StoredColumn extends SheetColumn {
  /** Number-format ids into the store's `formatNames` (0: none), or undefined when the column has none. */
  readonly formats: Uint16Array | undefined;
}

/** A column being filled: its arrays grow with the rows. */
interface ColumnBuffer {
  kinds: Uint8Array;
  numbers: Float64Array;
  texts: (string | undefined)[] | undefined;
  formats: Uint16Array | undefined;
}

/**
 * How rows look when made from the columns, as each reader made them before: a CSV row has a blank
 * (null) in every field up to its field count; a workbook row is sparse (holes for missing cells,
 * no row at all without cells).
 */
export type BlankCells = 'null' | 'holes';

/** The cell values of a SheetColumn's row as a reader delivers them (text "" kept as text). */
function storedValue(col: StoredColumn, r: number): unknown {
  switch (col.kinds[r]) {
    case CELL_NUMBER: return col.numbers[r];
    case CELL_DATE: return new Date(col.numbers[r]);
    case CELL_TEXT: return col.texts![r];
    case CELL_TRUE: return true;
    case CELL_FALSE: return false;
    default: return undefined;
  }
}

export class ColumnStore implements SheetColumns {
  constructor(
    readonly length: number,
    private readonly cols: readonly (StoredColumn | undefined)[],
    /** Cells per row as the row array is long (0: no row, for 'holes'). */
    private readonly rowLengths: Uint16Array,
    readonly blanks: BlankCells,
    /** Number-format names by id; id 0 is "none". */
    readonly formatNames: readonly (string | undefined)[],
  ) {}

  /** Columns held (the widest row's cells). */
  get width(): number {
    return this.cols.length;
  }

  column(c: number): StoredColumn | undefined {
    return this.cols[c];
  }

  /** Cells of row `r` as its array is long (0: no row). */
  rowLength(r: number): number {
    return this.rowLengths[r];
  }

  at(r: number): unknown[] | undefined {
    if (r < 0 || r >= this.length) return undefined;
    const n = this.rowLengths[r];
    if (n === 0 && this.blanks === 'holes') return undefined;
    const row: unknown[] = new Array(n);
    const fill = this.blanks === 'null';
    for (let c = 0; c < n; c++) {
      const col = this.cols[c];
      const k = col === undefined || r >= col.kinds.length ? CELL_BLANK : col.kinds[r];
      if (k !== CELL_BLANK) row[c] = storedValue(col!, r);
      else if (fill) row[c] = null;
    }
    return row;
  }

  /** The row's number formats as the readers listed them (undefined: none in the row). */
  formatsAt(r: number): (string | undefined)[] | undefined {
    let row: (string | undefined)[] | undefined;
    for (let c = 0; c < this.cols.length; c++) {
      const f = this.cols[c]?.formats;
      if (f !== undefined && r < f.length && f[r] !== 0) (row ??= [])[c] = this.formatNames[f[r]];
    }
    return row;
  }

  /** Every row as `values` holds it. */
  rows(): (unknown[] | undefined)[] {
    const out: (unknown[] | undefined)[] = new Array(this.length);
    for (let r = 0; r < this.length; r++) out[r] = this.at(r);
    return out;
  }

  /** Every row's formats, equal neighbouring rows sharing one array (as the readers made them). */
  formatRows(): ((string | undefined)[] | undefined)[] {
    const out: ((string | undefined)[] | undefined)[] = new Array(this.length);
    let previous: (string | undefined)[] | undefined;
    for (let r = 0; r < this.length; r++) {
      let f = this.formatsAt(r);
      if (f && previous && sameFormats(previous, f)) f = previous;
      if (f) previous = f;
      out[r] = f;
    }
    return out;
  }
}

function sameFormats(a: readonly (string | undefined)[], b: readonly (string | undefined)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** SheetData over a ColumnStore: `values` made on first use. */
export function columnarSheetData(name: string, store: ColumnStore, originRow: number, originCol: number): SheetData {
  let values: (unknown[] | undefined)[] | undefined;
  return {
    name, originRow, originCol, columns: store,
    get values() {
      return (values ??= store.rows()) as unknown[][];
    },
  };
}

/** The rows of a sheet: its `values`, or (held by column) its rows made one at a time. */
export function rowCount(data: SheetData): number {
  return (data.columns ?? data.values).length;
}

const MIN_CAPACITY = 1024;

/**
 * Fills a ColumnStore cell by cell, rows in any order. Columns are made when their first cell
 * comes and grow with the rows. `capacity` is the rows expected (more are fine).
 */
export class ColumnsBuilder {
  private readonly cols: (ColumnBuffer | undefined)[] = [];
  private rowLengths: Uint16Array;
  private capacity: number;
  private readonly formatIds = new Map<string, number>([['', 0]]);
  private readonly formatNames: (string | undefined)[] = [undefined];
  /** Rows seen: the highest row index + 1. */
  rows = 0;
  /** Cells allocated across columns (capacity × columns): the sparse guard's measure. */
  slots = 0;

  constructor(capacity = MIN_CAPACITY) {
    this.capacity = Math.max(MIN_CAPACITY, capacity);
    this.rowLengths = new Uint16Array(this.capacity);
  }

  private grow(r: number): void {
    let cap = this.capacity;
    while (cap <= r) cap *= 2;
    const lengths = new Uint16Array(cap);
    lengths.set(this.rowLengths);
    this.rowLengths = lengths;
    this.capacity = cap;
  }

  private column(c: number, r: number): ColumnBuffer {
    let col = this.cols[c];
    if (col === undefined) {
      // A new column starts as long as the rows so far (rarely all of them: most columns start at the top).
      const cap = Math.min(this.capacity, Math.max(MIN_CAPACITY, r + 1));
      col = { kinds: new Uint8Array(cap), numbers: new Float64Array(cap), texts: undefined, formats: undefined };
      while (this.cols.length < c) this.cols.push(undefined);
      this.cols[c] = col;
      this.slots += cap;
    }
    if (r >= col.kinds.length) {
      let cap = col.kinds.length;
      while (cap <= r) cap *= 2;
      this.slots += cap - col.kinds.length;
      const kinds = new Uint8Array(cap);
      kinds.set(col.kinds);
      const numbers = new Float64Array(cap);
      numbers.set(col.numbers);
      col.kinds = kinds;
      col.numbers = numbers;
      if (col.formats) {
        const formats = new Uint16Array(cap);
        formats.set(col.formats);
        col.formats = formats;
      }
    }
    return col;
  }

  /** Marks row `r` as having cells up to column `c` (its array at least c + 1 long). */
  private extend(r: number, c: number): void {
    if (r >= this.capacity) this.grow(r);
    if (this.rowLengths[r] <= c) this.rowLengths[r] = c + 1;
    if (r >= this.rows) this.rows = r + 1;
  }

  /** Row `r` has `n` cells (a CSV row's field count), whatever they hold. */
  rowLength(r: number, n: number): void {
    if (r >= this.capacity) this.grow(r);
    if (this.rowLengths[r] < n) this.rowLengths[r] = n;
    if (r >= this.rows) this.rows = r + 1;
  }

  /** The kind the cell at (r, c) holds now. */
  kindAt(r: number, c: number): number {
    const col = this.cols[c];
    return col === undefined || r >= col.kinds.length ? CELL_BLANK : col.kinds[r];
  }

  number(r: number, c: number, v: number): void {
    const col = this.column(c, r);
    col.kinds[r] = CELL_NUMBER;
    col.numbers[r] = v;
    this.extend(r, c);
  }

  /** A date by its Date.getTime(). */
  date(r: number, c: number, ms: number): void {
    const col = this.column(c, r);
    col.kinds[r] = CELL_DATE;
    col.numbers[r] = ms;
    this.extend(r, c);
  }

  text(r: number, c: number, t: string): void {
    const col = this.column(c, r);
    col.kinds[r] = CELL_TEXT;
    // Filled up to the row rather than made long at once: `new Array(n)` over 100,000 elements
    // is a slow dictionary in V8, and an index far past the end makes one too.
    const texts = (col.texts ??= []);
    while (texts.length < r) texts.push(undefined);
    texts[r] = t;
    this.extend(r, c);
  }

  boolean(r: number, c: number, b: boolean): void {
    const col = this.column(c, r);
    col.kinds[r] = b ? CELL_TRUE : CELL_FALSE;
    this.extend(r, c);
  }

  /** Any value a reader delivers (numbers, Dates, text, booleans; null/undefined: nothing). */
  value(r: number, c: number, v: unknown): void {
    if (typeof v === 'number') this.number(r, c, v);
    else if (typeof v === 'string') this.text(r, c, v);
    else if (typeof v === 'boolean') this.boolean(r, c, v);
    else if (v instanceof Date) this.date(r, c, v.getTime());
  }

  /** The id of a number format (0 for none). */
  formatId(name: string | undefined): number {
    if (name === undefined) return 0;
    let id = this.formatIds.get(name);
    if (id === undefined) {
      id = this.formatNames.length;
      if (id > 0xffff) throw new RangeError('more than 65,535 number formats');
      this.formatIds.set(name, id);
      this.formatNames.push(name);
    }
    return id;
  }

  format(r: number, c: number, id: number): void {
    const col = this.column(c, r);
    (col.formats ??= new Uint16Array(col.kinds.length))[r] = id;
  }

  /** Replaces format id `from` by `to` in column `c` (CSV dates get their column's format at the end). */
  replaceFormat(c: number, from: number, to: number): void {
    const f = this.cols[c]?.formats;
    if (f) for (let r = 0; r < f.length; r++) if (f[r] === from) f[r] = to;
  }

  /**
   * The store of rows `firstRow` … `rows − 1` and columns from `firstCol` on (a workbook's origin),
   * with column texts made plain arrays.
   */
  finish(blanks: BlankCells, firstRow = 0, firstCol = 0): ColumnStore {
    const length = Math.max(0, this.rows - firstRow);
    const cols: (StoredColumn | undefined)[] = [];
    for (let c = firstCol; c < this.cols.length; c++) {
      const b = this.cols[c];
      if (b === undefined) {
        cols.push(undefined);
        continue;
      }
      const end = Math.min(b.kinds.length, this.rows);
      // Rows past the end read as blank (zeros: kind blank), so spare capacity may stay unless it is large.
      const keep = firstRow === 0 && b.kinds.length <= end + (end >> 2) + MIN_CAPACITY;
      const cut = <T extends Uint8Array | Float64Array | Uint16Array>(a: T): T => (keep ? a : (a.slice(firstRow, end) as T));
      cols.push({
        kinds: cut(b.kinds),
        numbers: cut(b.numbers),
        texts: b.texts && (firstRow === 0 ? b.texts : b.texts.slice(firstRow, end)),
        formats: b.formats && cut(b.formats),
      });
    }
    const lengths = this.rowLengths.slice(firstRow, firstRow + length);
    if (firstCol > 0) for (let r = 0; r < lengths.length; r++) lengths[r] = Math.max(0, lengths[r] - firstCol);
    return new ColumnStore(length, cols, lengths, blanks, this.formatNames);
  }
}

/** An InputSheet over a ColumnStore: `data.values` and `formats` made on first use. */
export function columnarInput(
  name: string, store: ColumnStore, originRow: number, originCol: number,
  rest: Omit<InputSheet, 'data' | 'formats' | 'columns'>,
): InputSheet {
  let formats: ((string | undefined)[] | undefined)[] | undefined;
  return {
    data: columnarSheetData(name, store, originRow, originCol),
    get formats() {
      return (formats ??= store.formatRows());
    },
    columns: store,
    ...rest,
  };
}
