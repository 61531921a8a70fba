/**
 * A recording fake of the slice of the Excel JavaScript API the add-in uses, with Office.js's batch
 * semantics, so tests catch what real Excel would reject:
 * - nothing happens until `context.sync()`: writes, creations and deletions are queued and run in
 *   order at the sync; loads take their snapshot at the sync, after the writes queued before them;
 * - a property read before a sync that loaded it throws (PropertyNotLoaded), as in Office.js;
 * - work left queued when `Excel.run` ends is recorded (`unsynced`), so a missing final sync shows;
 * - Excel on the web's documented limits fail the sync as Excel does (see LIMITS below);
 * - charts get Excel's default size unless `setPosition` is given an end cell.
 * Every sync, cell read and byte of request and response is counted per `Excel.run`. The workbook
 * itself is plain data the test can inspect. (office-addin-mock applies everything at once and
 * counts nothing, which is the point here.)
 */
import { jsonBytes } from './payload.js';

/**
 * Documented limits, enforced at every sync.
 *
 * "Excel on the web has a payload size limit for requests and responses of 5MB. RichAPI.Error will
 * be thrown if that limit is exceeded." and "A range is limited to 5,000,000 cells for read
 * operations." — Resource limits and performance optimization for Office Add-ins, section "Excel
 * add-ins" (OfficeDev/office-js-docs-pr, docs/concepts/resource-limits-and-performance-optimization.md).
 * The error codes are those of "Error handling with the application-specific JavaScript APIs"
 * (docs/testing/application-specific-api-error-handling.md): RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded ("This error only occurs in Excel on the web").
 * Desktop Excel is more lenient; the fake always applies the web's limits, the strictest host.
 * Payloads are measured as the JSON of the values sent or received (payload.ts) plus a nominal
 * OP_BYTES per queued operation for the object paths and method names Office.js adds.
 */
export const LIMITS = {
  payloadBytes: 5 * 1024 * 1024,
  cellsPerRead: 5_000_000,
} as const;
/** Request bytes counted for each queued operation besides its values (an estimate, see above). */
export const OP_BYTES = 100;

/**
 * Chart geometry, in points. `Chart.setPosition(startCell, endCell?)`: "endCell — Optional. The end
 * cell. If specified, the chart's width and height will be set to fully cover up this cell/range."
 * (Excel JavaScript API reference, Excel.Chart.setPosition). Without it a new chart keeps Excel's
 * default size, 5 × 3 inches (360 × 216 pt). Default column width 8.43 characters = 64 px = 48 pt,
 * default row height 15 pt (20 px).
 */
export const CHART_DEFAULT = { width: 360, height: 216 } as const;
export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;

/** The error Office.js rejects `context.sync()` with (OfficeExtension.Error). */
export class FakeRichApiError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(readonly code: string, readonly detail: string) {
    super(`${code}: ${detail}`);
  }
}

// ------------------------------------------------------------------ the workbook as data

export interface FakeCell {
  value: unknown;
  formula?: string;
  numberFormat?: string;
}

export interface FakeStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
}

export interface Rect {
  /** 0-based. */
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

export interface FakeConditionalFormat {
  readonly range: Rect;
  readonly type: string;
  fill?: string;
  font?: string;
  rule?: { formula1?: string; operator?: string };
}

export interface FakeChart {
  readonly type: string;
  readonly source: Rect;
  readonly seriesBy: string | undefined;
  name?: string;
  plotVisibleOnly?: boolean;
  titleVisible?: boolean;
  legendVisible?: boolean;
  valueAxisVisible?: boolean;
  gridlinesVisible?: boolean;
  categoryAxisVisible?: boolean;
  position?: { start: Rect; end?: Rect };
  /** Where the chart sits on the sheet, in points (Excel's default size until setPosition gets an end cell). */
  left: number;
  top: number;
  width: number;
  height: number;
}

let nextId = 1;

/** A rectangle of values seeded at once (big test sheets): far cheaper than a Map entry per cell. */
interface DenseBlock {
  readonly row: number;
  readonly col: number;
  readonly values: readonly (readonly unknown[])[];
  /** Number format per column of the block (undefined: General). */
  readonly formats: readonly (string | undefined)[];
  /** The used rectangle within the block (non-blank cells), or undefined when all are blank. */
  readonly used: Rect | undefined;
}

const isBlankValue = (v: unknown): boolean => v === null || v === undefined || v === '';

export class FakeSheet {
  readonly id = `{sheet-${nextId++}}`;
  /** Cells set one by one (and every write); they take precedence over the dense block. */
  readonly cells = new Map<string, FakeCell>();
  private block: DenseBlock | undefined;
  readonly styles = new Map<string, FakeStyle>();
  readonly customProperties = new Map<string, string>();
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  /** Column widths in points by 0-based column. */
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  /** Row heights in points by 0-based row (default DEFAULT_ROW_HEIGHT). */
  readonly rowHeights = new Map<number, number>();
  frozenRows = 0;
  frozenCols = 0;
  constructor(public name: string) {}

  cell(row: number, col: number): FakeCell | undefined {
    const own = this.cells.get(`${row}:${col}`);
    if (own) return own;
    const b = this.block;
    if (!b) return undefined;
    const v = b.values[row - b.row]?.[col - b.col];
    return isBlankValue(v) ? undefined : { value: v, numberFormat: b.formats[col - b.col] };
  }

  /** The cell as a Map entry that writes may change (copied out of the dense block when it is there). */
  own(row: number, col: number): FakeCell | undefined {
    const key = `${row}:${col}`;
    const mine = this.cells.get(key);
    if (mine) return mine;
    const seeded = this.cell(row, col);
    if (seeded) this.cells.set(key, seeded);
    return seeded;
  }

  /** Sets a cell as a user types it (0-based); null clears it. */
  set(row: number, col: number, value: unknown, numberFormat?: string): void {
    const key = `${row}:${col}`;
    if (value === null || value === undefined || value === '') {
      // Over the dense block an empty entry hides the seeded value.
      if (this.block && this.cellOfBlock(row, col)) this.cells.set(key, { value: '' });
      else this.cells.delete(key);
    } else this.cells.set(key, { value, numberFormat: numberFormat ?? this.cell(row, col)?.numberFormat });
  }

  /**
   * Seeds a rectangle of values at (row, col), 0-based, with one number format per column: how the
   * scale tests build 200,000-row sheets. null, undefined and "" are blank cells.
   */
  fill(row: number, col: number, values: readonly (readonly unknown[])[], formats: readonly (string | undefined)[] = []): void {
    if (this.block) throw new Error('fake: a sheet holds one dense block');
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    values.forEach((line, r) => {
      for (let c = 0; c < line.length; c++) {
        if (isBlankValue(line[c])) continue;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }
    });
    const used = r1 < 0 ? undefined : { row: row + r0, col: col + c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
    this.block = { row, col, values, formats, used };
  }

  private cellOfBlock(row: number, col: number): boolean {
    const b = this.block;
    return b !== undefined && !isBlankValue(b.values[row - b.row]?.[col - b.col]);
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** Top-left corner of a cell in points. */
  offsetOf(row: number, col: number): { left: number; top: number } {
    let left = 0, top = 0;
    for (let c = 0; c < col; c++) left += this.columnWidth(c);
    for (let r = 0; r < row; r++) top += this.rowHeight(r);
    return { left, top };
  }

  style(row: number, col: number): FakeStyle {
    const key = `${row}:${col}`;
    let s = this.styles.get(key);
    if (!s) this.styles.set(key, (s = {}));
    return s;
  }

  /**
   * The used range of values (`getUsedRange(true)`): the smallest rectangle holding every cell with
   * a value or a formula (A1 when there is none); cells holding only a format do not count. (Blank
   * entries over the dense block do not shrink it.)
   */
  usedRect(): Rect {
    let r0 = Infinity, c0 = Infinity, r1 = -1, c1 = -1;
    for (const [key, cell] of this.cells) {
      if (cell.formula === undefined && isBlankValue(cell.value)) continue;
      const [r, c] = key.split(':').map(Number);
      if (r < r0) r0 = r;
      if (c < c0) c0 = c;
      if (r > r1) r1 = r;
      if (c > c1) c1 = c;
    }
    const u = this.block?.used;
    if (u) {
      r0 = Math.min(r0, u.row);
      c0 = Math.min(c0, u.col);
      r1 = Math.max(r1, u.row + u.rows - 1);
      c1 = Math.max(c1, u.col + u.cols - 1);
    }
    if (r1 < 0) return { row: 0, col: 0, rows: 1, cols: 1 };
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Values as Excel returns them: "" for empty cells; formula cells show their formula text here. */
  values(rect: Rect): unknown[][] {
    const b = this.block;
    const out: unknown[][] = [];
    if (b && !this.hasOwnCellsIn(rect)) {
      // Fast path: only seeded values in the rectangle.
      for (let r = 0; r < rect.rows; r++) {
        const line = b.values[rect.row + r - b.row];
        const row: unknown[] = new Array(rect.cols);
        for (let c = 0; c < rect.cols; c++) {
          const v = line?.[rect.col + c - b.col];
          row[c] = isBlankValue(v) ? '' : v;
        }
        out.push(row);
      }
      return out;
    }
    for (let r = 0; r < rect.rows; r++) {
      const row: unknown[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const cell = this.cell(rect.row + r, rect.col + c);
        row.push(cell ? (cell.formula ?? cell.value) : '');
      }
      out.push(row);
    }
    return out;
  }

  /** Number formats as Excel returns them ("General" where none is set). */
  formats(rect: Rect): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < rect.rows; r++) {
      const row: string[] = [];
      for (let c = 0; c < rect.cols; c++) {
        const own = this.cells.get(`${rect.row + r}:${rect.col + c}`);
        const b = this.block;
        const seeded = b && rect.row + r >= b.row && rect.row + r < b.row + b.values.length ? b.formats[rect.col + c - b.col] : undefined;
        row.push(own?.numberFormat ?? (own ? undefined : seeded) ?? 'General');
      }
      out.push(row);
    }
    return out;
  }

  private hasOwnCellsIn(rect: Rect): boolean {
    for (const key of this.cells.keys()) {
      const i = key.indexOf(':');
      const r = Number(key.slice(0, i)), c = Number(key.slice(i + 1));
      if (r >= rect.row && r < rect.row + rect.rows && c >= rect.col && c < rect.col + rect.cols) return true;
    }
    return false;
  }
}

export interface FakeTable {
  readonly name: string;
  readonly sheet: FakeSheet;
  /** Header row position (0-based) and width. */
  readonly headerRow: number;
  readonly firstCol: number;
  readonly cols: number;
  readonly showHeaders: boolean;
}

export interface RunRecord {
  syncs: number;
  /** Operations still queued when the batch ended (should be 0). */
  unsynced: number;
  /** Cell values loaded (values and number formats count alike: each is a cell read). */
  valuesLoaded: number;
  /** Bytes sent to Excel (the requests' JSON, estimated) and received (the responses' values). */
  requestBytes: number;
  responseBytes: number;
  /** The largest single request and response of the syncs that went through (the 5 MB applies to each). */
  largestRequest: number;
  largestResponse: number;
  /** Syncs that Excel refused (a limit): the error code and the size of what was refused. */
  failures: { code: string; bytes: number }[];
}

export interface WorkbookOptions {
  /** Pass `false` to switch the web's limits off (a fake of desktop Excel); on by default. */
  readonly limits?: boolean;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  readonly tables: FakeTable[] = [];
  activeSheet: FakeSheet | undefined;
  readonly runs: RunRecord[] = [];
  readonly limits: boolean;
  /** When set and true for a sheet, a `range.formulas` write to it fails the sync (after what ran before it). */
  failWrites: ((sheet: FakeSheet) => boolean) | undefined;
  constructor(options: WorkbookOptions = {}) {
    this.limits = options.limits ?? true;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    this.sheets.push(s);
    return s;
  }

  sheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  /** `Excel.run` over this workbook. */
  readonly excel = {
    run: async <T>(batch: (context: never) => Promise<T>): Promise<T> => {
      const record: RunRecord = { syncs: 0, unsynced: 0, valuesLoaded: 0, requestBytes: 0, responseBytes: 0, largestRequest: 0, largestResponse: 0, failures: [] };
      this.runs.push(record);
      const context = new FakeContext(this, record);
      try {
        return await batch(context as never);
      } finally {
        record.unsynced = context.queue.length;
      }
    },
  };
}

// ------------------------------------------------------------------ proxies

type Op = () => void;

class FakeContext {
  queue: Op[] = [];
  /** Request bytes of the queued operations' values (grids written, texts set). */
  private queuedBytes = 0;
  /** During a sync: response bytes so far, and the loaded values to hand out if the sync succeeds. */
  private responseBytes = 0;
  private deliveries: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly wb: FakeWorkbook, readonly record: RunRecord) {
    this.workbook = new WorkbookProxy(this);
  }

  /** Queues an operation for the next sync; `bytes`: the values it sends (grids, texts). */
  enqueue(op: Op, bytes = 0): void {
    this.queue.push(op);
    this.queuedBytes += bytes;
  }

  /** Called by a load during the sync: its values cross the wire, and reach the proxy only if the sync succeeds. */
  respond(bytes: number, deliver: Op): void {
    this.responseBytes += bytes;
    this.deliveries.push(deliver);
  }

  /** A range read of `cells` cells (values or formats). */
  read(cells: number): void {
    if (this.wb.limits && cells > LIMITS.cellsPerRead) {
      throw new FakeRichApiError('RangeExceedsLimit', `a range read is limited to ${LIMITS.cellsPerRead.toLocaleString('en')} cells; this one has ${cells.toLocaleString('en')}`);
    }
    this.record.valuesLoaded += cells;
  }

  async sync(): Promise<void> {
    this.record.syncs++;
    const ops = this.queue;
    const request = this.queuedBytes + ops.length * OP_BYTES;
    this.queue = [];
    this.queuedBytes = 0;
    this.responseBytes = 0;
    this.deliveries = [];
    const refuse = (code: string, bytes: number, message: string): never => {
      // A refused batch delivers nothing (and Office.js rejects the sync with the error).
      this.deliveries = [];
      this.record.failures.push({ code, bytes });
      throw new FakeRichApiError(code, message);
    };
    if (this.wb.limits && request > LIMITS.payloadBytes) {
      refuse('RequestPayloadSizeLimitExceeded', request, `the request payload size has exceeded the limit (${mb(request)} > 5 MB)`);
    }
    try {
      for (const op of ops) op();
    } catch (e) {
      if (e instanceof FakeRichApiError) refuse(e.code, 0, e.detail);
      throw e;
    }
    const response = this.responseBytes;
    if (this.wb.limits && response > LIMITS.payloadBytes) {
      refuse('ResponsePayloadSizeLimitExceeded', response, `the response payload size has exceeded the limit (${mb(response)} > 5 MB)`);
    }
    this.record.requestBytes += request;
    this.record.responseBytes += response;
    this.record.largestRequest = Math.max(this.record.largestRequest, request);
    this.record.largestResponse = Math.max(this.record.largestResponse, response);
    const deliveries = this.deliveries;
    this.deliveries = [];
    for (const d of deliveries) d();
  }
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function notLoaded(what: string): never {
  throw new Error(`PropertyNotLoaded: ${what} was read before a sync that loaded it`);
}

function parseLoad(props: string | string[]): string[] {
  const list = Array.isArray(props) ? props : props.split(',');
  return list.map((p) => p.trim().replace(/^items\//, '')).filter((p) => p !== '');
}

/** The value of a loadable property after the sync that loaded it. */
class Loaded {
  private readonly data = new Map<string, unknown>();
  set(key: string, value: unknown): void {
    this.data.set(key, value);
  }
  get(key: string, what: string): unknown {
    if (!this.data.has(key)) notLoaded(what);
    return this.data.get(key);
  }
}

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  constructor(ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.tables = new TableCollectionProxy(ctx);
  }
}

class WorksheetCollectionProxy {
  private loadedItems: WorksheetProxy[] | undefined;
  constructor(private readonly ctx: FakeContext) {}

  load(props: string | string[]): this {
    const keys = parseLoad(props);
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.wb.sheets.map((s) => {
        const p = new WorksheetProxy(this.ctx, () => s);
        p.snapshot(keys);
        return p;
      });
    });
    return this;
  }

  get items(): WorksheetProxy[] {
    return this.loadedItems ?? notLoaded('worksheets.items');
  }

  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, () => {
      const s = this.ctx.wb.sheets.find((x) => x.id === key) ?? this.ctx.wb.sheet(key);
      if (!s) throw new Error(`ItemNotFound: worksheet ${key}`);
      return s;
    });
  }

  add(name: string): WorksheetProxy {
    let created: FakeSheet | undefined;
    this.ctx.enqueue(() => {
      if (this.ctx.wb.sheet(name)) throw new Error(`ItemAlreadyExists: a sheet named ${name}`);
      created = this.ctx.wb.addSheet(name);
    });
    return new WorksheetProxy(this.ctx, () => created ?? notLoaded('the added worksheet (before the sync that adds it)'));
  }
}

class WorksheetProxy {
  private readonly loaded = new Loaded();
  readonly customProperties: CustomPropertyCollectionProxy;
  readonly charts: ChartCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  constructor(private readonly ctx: FakeContext, readonly resolve: () => FakeSheet) {
    this.customProperties = new CustomPropertyCollectionProxy(ctx, resolve);
    this.charts = new ChartCollectionProxy(ctx, resolve);
    this.freezePanes = new FreezePanesProxy(ctx, resolve);
  }

  snapshot(keys: readonly string[]): void {
    const s = this.resolve();
    for (const k of keys) {
      if (k === 'name') this.loaded.set('name', s.name);
      else if (k === 'id') this.loaded.set('id', s.id);
      else if (k === 'position') this.loaded.set('position', this.ctx.wb.sheets.indexOf(s));
      else throw new Error(`fake: worksheet property ${k} is not modelled`);
    }
  }

  load(props: string | string[]): this {
    const keys = parseLoad(props);
    this.ctx.enqueue(() => this.snapshot(keys));
    return this;
  }

  get name(): string {
    return this.loaded.get('name', 'worksheet.name') as string;
  }
  get id(): string {
    return this.loaded.get('id', 'worksheet.id') as string;
  }
  get position(): number {
    return this.loaded.get('position', 'worksheet.position') as number;
  }
  set name(name: string) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      if (this.ctx.wb.sheets.some((x) => x !== s && x.name.toLowerCase() === name.toLowerCase())) throw new FakeRichApiError('ItemAlreadyExists', `a sheet named ${name}`);
      s.name = name;
    });
  }
  set position(n: number) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const sheets = this.ctx.wb.sheets.filter((x) => x !== s);
      sheets.splice(Math.min(n, sheets.length), 0, s);
      this.ctx.wb.sheets = sheets;
    });
  }

  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      this.ctx.wb.sheets = this.ctx.wb.sheets.filter((x) => x !== s);
    });
  }

  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.wb.activeSheet = this.resolve();
    });
  }

  getUsedRange(valuesOnly?: boolean): RangeProxy {
    if (valuesOnly !== true) throw new Error('fake: only getUsedRange(true) is modelled');
    return new RangeProxy(this.ctx, this.resolve, () => this.resolve().usedRect());
  }

  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    if (rows < 1 || cols < 1) throw new Error(`InvalidArgument: getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
    return new RangeProxy(this.ctx, this.resolve, () => ({ row, col, rows, cols }));
  }
}

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

class RangeProxy {
  private readonly loaded = new Loaded();
  private cached: Rect | undefined;
  readonly format: RangeFormatProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(private readonly ctx: FakeContext, readonly sheet: () => FakeSheet, private readonly rectOf: () => Rect) {
    this.format = new RangeFormatProxy(ctx, sheet, () => this.rect());
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, sheet, () => this.rect());
  }

  /** The rectangle, fixed the first time a queued operation needs it (as Excel resolves a range once). */
  rect(): Rect {
    if (!this.cached) {
      const r = this.rectOf();
      if (r.row < 0 || r.col < 0 || r.row + r.rows > MAX_ROWS || r.col + r.cols > MAX_COLS) throw new Error(`InvalidArgument: range ${JSON.stringify(r)}`);
      this.cached = r;
    }
    return this.cached;
  }

  load(props: string | string[]): this {
    const keys = parseLoad(props);
    this.ctx.enqueue(() => {
      const rect = this.rect();
      const sheet = this.sheet();
      for (const k of keys) {
        if (k === 'values' || k === 'numberFormat' || k === 'formulas') {
          this.ctx.read(rect.rows * rect.cols);
          // The fake does not calculate: values show a formula's text, as formulas do.
          const grid = k === 'numberFormat' ? sheet.formats(rect) : sheet.values(rect);
          this.ctx.respond(jsonBytes(grid), () => this.loaded.set(k, grid));
        } else if (k === 'rowIndex') this.loaded.set(k, rect.row);
        else if (k === 'columnIndex') this.loaded.set(k, rect.col);
        else if (k === 'rowCount') this.loaded.set(k, rect.rows);
        else if (k === 'columnCount') this.loaded.set(k, rect.cols);
        else throw new Error(`fake: range property ${k} is not modelled`);
      }
    });
    return this;
  }

  get values(): unknown[][] { return this.loaded.get('values', 'range.values') as unknown[][]; }
  get numberFormat(): unknown[][] { return this.loaded.get('numberFormat', 'range.numberFormat') as unknown[][]; }
  get formulas(): unknown[][] { return this.loaded.get('formulas', 'range.formulas') as unknown[][]; }
  get rowIndex(): number { return this.loaded.get('rowIndex', 'range.rowIndex') as number; }
  get columnIndex(): number { return this.loaded.get('columnIndex', 'range.columnIndex') as number; }
  get rowCount(): number { return this.loaded.get('rowCount', 'range.rowCount') as number; }
  get columnCount(): number { return this.loaded.get('columnCount', 'range.columnCount') as number; }

  private grid(value: unknown, what: string): unknown[][] {
    const rect = this.rect();
    if (!Array.isArray(value) || value.length !== rect.rows || value.some((r) => !Array.isArray(r) || r.length !== rect.cols)) {
      throw new Error(`InvalidArgument: ${what} must be a ${rect.rows}×${rect.cols} grid`);
    }
    return value as unknown[][];
  }

  set formulas(value: unknown) {
    this.ctx.enqueue(() => {
      const rect = this.rect();
      const grid = this.grid(value, 'formulas');
      const sheet = this.sheet();
      if (this.ctx.wb.failWrites?.(sheet)) throw new FakeRichApiError('GeneralException', 'fake: the write failed half-way');
      grid.forEach((row, r) => row.forEach((v, c) => {
        const key = `${rect.row + r}:${rect.col + c}`;
        const numberFormat = sheet.own(rect.row + r, rect.col + c)?.numberFormat;
        if (v === '' || v === null) {
          if (numberFormat && numberFormat !== 'General') sheet.cells.set(key, { value: '', numberFormat });
          else sheet.cells.delete(key);
        } else if (typeof v === 'string' && v.startsWith('=')) sheet.cells.set(key, { value: '', formula: v, numberFormat });
        else if (typeof v === 'string' && v.startsWith("'")) sheet.cells.set(key, { value: v.slice(1), numberFormat });
        else sheet.cells.set(key, { value: v, numberFormat });
      }));
    }, jsonBytes(value));
  }

  set numberFormat(value: unknown) {
    this.ctx.enqueue(() => {
      const rect = this.rect();
      const grid = this.grid(value, 'numberFormat');
      const sheet = this.sheet();
      grid.forEach((row, r) => row.forEach((f, c) => {
        const key = `${rect.row + r}:${rect.col + c}`;
        const cell = sheet.own(rect.row + r, rect.col + c);
        if (cell) cell.numberFormat = String(f);
        else if (f !== 'General') sheet.cells.set(key, { value: '', numberFormat: String(f) });
      }));
    }, jsonBytes(value));
  }

  set columnHidden(hidden: boolean) {
    this.ctx.enqueue(() => {
      const rect = this.rect();
      for (let c = 0; c < rect.cols; c++) {
        if (hidden) this.sheet().hiddenColumns.add(rect.col + c);
        else this.sheet().hiddenColumns.delete(rect.col + c);
      }
    });
  }

  getRow(i: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const r = this.rect();
      return { row: r.row + i, col: r.col, rows: 1, cols: r.cols };
    });
  }

  getLastRow(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const r = this.rect();
      return { row: r.row + r.rows - 1, col: r.col, rows: 1, cols: r.cols };
    });
  }

  getResizedRange(deltaRows: number, deltaCols: number): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const r = this.rect();
      return { row: r.row, col: r.col, rows: r.rows + deltaRows, cols: r.cols + deltaCols };
    });
  }

  getEntireColumn(): RangeProxy {
    return new RangeProxy(this.ctx, this.sheet, () => {
      const r = this.rect();
      return { row: 0, col: r.col, rows: MAX_ROWS, cols: r.cols };
    });
  }
}

class RangeFormatProxy {
  readonly fill: { color?: string };
  readonly font: { bold?: boolean; italic?: boolean; size?: number; color?: string };
  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet, private readonly rect: () => Rect) {
    const apply = (f: (s: FakeStyle) => void): void => {
      ctx.enqueue(() => {
        const r = rect();
        for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) f(sheet().style(r.row + i, r.col + j));
      });
    };
    this.fill = {
      set color(v: string) { apply((s) => { s.fill = v; }); },
    } as { color?: string };
    this.font = {
      set bold(v: boolean) { apply((s) => { s.bold = v; }); },
      set italic(v: boolean) { apply((s) => { s.italic = v; }); },
      set size(v: number) { apply((s) => { s.size = v; }); },
      set color(v: string) { apply((s) => { s.fontColor = v; }); },
    } as { bold?: boolean; italic?: boolean; size?: number; color?: string };
  }

  set wrapText(v: boolean) {
    this.ctx.enqueue(() => {
      const r = this.rect();
      for (let i = 0; i < r.rows; i++) for (let j = 0; j < r.cols; j++) this.sheet().style(r.row + i, r.col + j).wrap = v;
    });
  }

  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      const r = this.rect();
      for (let j = 0; j < r.cols; j++) this.sheet().columnWidths.set(r.col + j, points);
    });
  }
}

class ConditionalFormatCollectionProxy {
  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet, private readonly rect: () => Rect) {}

  add(type: string): { cellValue: { format: { fill: { color?: string }; font: { color?: string } }; rule: unknown } } {
    const ctx = this.ctx;
    let cf: FakeConditionalFormat | undefined;
    ctx.enqueue(() => {
      cf = { range: this.rect(), type };
      this.sheet().conditionalFormats.push(cf);
    });
    const later = (f: (x: FakeConditionalFormat) => void): void => {
      ctx.enqueue(() => f(cf!));
    };
    return {
      cellValue: {
        format: {
          fill: { set color(v: string) { later((x) => { x.fill = v; }); } } as { color?: string },
          font: { set color(v: string) { later((x) => { x.font = v; }); } } as { color?: string },
        },
        set rule(v: unknown) { later((x) => { x.rule = v as FakeConditionalFormat['rule']; }); },
      } as { format: { fill: { color?: string }; font: { color?: string } }; rule: unknown },
    };
  }
}

class CustomPropertyCollectionProxy {
  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet) {}

  add(key: string, value: string): void {
    if (key.length > 255) throw new Error('InvalidArgument: custom property keys are limited to 255 characters');
    this.ctx.enqueue(() => {
      this.sheet().customProperties.set(key.toLowerCase(), value);
    }, jsonBytes(key) + jsonBytes(value));
  }

  getItemOrNullObject(key: string): { load(props: string): unknown; readonly isNullObject: boolean; readonly value: string } {
    const loaded = new Loaded();
    const ctx = this.ctx;
    const proxy = {
      load: (props: string) => {
        const keys = parseLoad(props);
        ctx.enqueue(() => {
          const v = this.sheet().customProperties.get(key.toLowerCase());
          for (const k of keys) if (k !== 'value') throw new Error(`fake: custom property ${k} is not modelled`);
          ctx.respond(v === undefined ? 4 : jsonBytes(v), () => {
            loaded.set('isNullObject', v === undefined);
            if (v !== undefined) loaded.set('value', v);
          });
        });
        return proxy;
      },
      get isNullObject(): boolean { return loaded.get('isNullObject', 'customProperty.isNullObject') as boolean; },
      get value(): string {
        if (loaded.get('isNullObject', 'customProperty.isNullObject')) throw new Error('InvalidObjectPath: the property does not exist (null object)');
        return loaded.get('value', 'customProperty.value') as string;
      },
    };
    return proxy;
  }
}

class ChartCollectionProxy {
  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet) {}

  add(type: string, source: RangeProxy, seriesBy?: string): unknown {
    const ctx = this.ctx;
    const sheetOf = this.sheet;
    let chart: FakeChart | undefined;
    ctx.enqueue(() => {
      // A new chart has Excel's default size (where Excel puts it first does not matter here).
      chart = { type, source: source.rect(), seriesBy, left: 0, top: 0, ...CHART_DEFAULT };
      this.sheet().charts.push(chart);
    });
    const later = (f: (c: FakeChart) => void): void => {
      ctx.enqueue(() => f(chart!));
    };
    const visible = (set: (c: FakeChart, v: boolean) => void) => ({ set visible(v: boolean) { later((c) => set(c, v)); } });
    const valueAxis = visible((c, v) => { c.valueAxisVisible = v; }) as { visible?: boolean; majorGridlines?: unknown };
    valueAxis.majorGridlines = visible((c, v) => { c.gridlinesVisible = v; });
    return {
      set name(v: string) { later((c) => { c.name = v; }); },
      set plotVisibleOnly(v: boolean) { later((c) => { c.plotVisibleOnly = v; }); },
      title: visible((c, v) => { c.titleVisible = v; }),
      legend: visible((c, v) => { c.legendVisible = v; }),
      axes: { valueAxis, categoryAxis: visible((c, v) => { c.categoryAxisVisible = v; }) },
      setPosition(start: RangeProxy, end?: RangeProxy) {
        later((c) => {
          const sheet = sheetOf();
          const from = start.rect();
          const to = end?.rect();
          c.position = { start: from, end: to };
          const at = sheet.offsetOf(from.row, from.col);
          c.left = at.left;
          c.top = at.top;
          if (to) {
            // Covers the cells from the start's top-left corner to the end's bottom-right corner.
            const past = sheet.offsetOf(to.row + to.rows, to.col + to.cols);
            c.width = past.left - at.left;
            c.height = past.top - at.top;
          }
        });
      },
    };
  }
}

class FreezePanesProxy {
  constructor(private readonly ctx: FakeContext, private readonly sheet: () => FakeSheet) {}
  freezeRows(n: number): void {
    this.ctx.enqueue(() => { this.sheet().frozenRows = n; this.sheet().frozenCols = 0; });
  }
  freezeColumns(n: number): void {
    this.ctx.enqueue(() => { this.sheet().frozenCols = n; this.sheet().frozenRows = 0; });
  }
  freezeAt(range: RangeProxy): void {
    this.ctx.enqueue(() => {
      const r = range.rect();
      this.sheet().frozenRows = r.row + r.rows;
      this.sheet().frozenCols = r.col + r.cols;
    });
  }
}

class TableCollectionProxy {
  private loadedItems: TableProxy[] | undefined;
  constructor(private readonly ctx: FakeContext) {}

  load(props: string | string[]): this {
    const keys = parseLoad(props);
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.wb.tables.map((t) => {
        const p = new TableProxy(this.ctx, t);
        p.snapshot(keys);
        return p;
      });
    });
    return this;
  }

  get items(): TableProxy[] {
    return this.loadedItems ?? notLoaded('tables.items');
  }
}

class TableProxy {
  private readonly loaded = new Loaded();
  readonly worksheet: WorksheetProxy;
  constructor(private readonly ctx: FakeContext, private readonly table: FakeTable) {
    this.worksheet = new WorksheetProxy(ctx, () => table.sheet);
  }

  snapshot(keys: readonly string[]): void {
    for (const k of keys) {
      if (k === 'name') this.loaded.set(k, this.table.name);
      else if (k === 'showHeaders') this.loaded.set(k, this.table.showHeaders);
      else throw new Error(`fake: table property ${k} is not modelled`);
    }
  }

  get name(): string { return this.loaded.get('name', 'table.name') as string; }
  get showHeaders(): boolean { return this.loaded.get('showHeaders', 'table.showHeaders') as boolean; }

  getHeaderRowRange(): RangeProxy {
    const t = this.table;
    return new RangeProxy(this.ctx, () => t.sheet, () => ({ row: t.headerRow, col: t.firstCol, rows: 1, cols: t.cols }));
  }
}

// ------------------------------------------------------------------ Office (settings, language, requirements)

export interface FakeOffice {
  readonly context: {
    displayLanguage: string;
    readonly document: { readonly settings: { get(name: string): unknown; set(name: string, value: unknown): void; saveAsync(cb?: (r: { status: string; error?: { message: string } }) => void): void } };
    readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
  };
  /** What was saved (saveAsync). */
  readonly saved: Map<string, unknown>;
}

export function fakeOffice(options: { language?: string; excelApi?: string } = {}): FakeOffice {
  const pending = new Map<string, unknown>();
  const saved = new Map<string, unknown>();
  const excelApi = options.excelApi ?? '1.17';
  const newer = (have: string, want: string): boolean => {
    const [a, b] = have.split('.').map(Number);
    const [c, d] = want.split('.').map(Number);
    return a > c || (a === c && b >= (d ?? 0));
  };
  return {
    saved,
    context: {
      displayLanguage: options.language ?? 'en-US',
      document: {
        settings: {
          get: (name) => (pending.has(name) ? pending.get(name) : null),
          set: (name, value) => { pending.set(name, value); },
          saveAsync: (cb) => {
            for (const [k, v] of pending) saved.set(k, v);
            setTimeout(() => cb?.({ status: 'succeeded' }), 0);
          },
        },
      },
      requirements: {
        isSetSupported: (name, minVersion = '1.1') => (name === 'ExcelApi' ? newer(excelApi, minVersion) : true),
      },
    },
  };
}
