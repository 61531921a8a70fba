/**
 * Recording fakes of the Apps Script services the Sheets add-on uses (SpreadsheetApp, HtmlService,
 * Session, Utilities, PropertiesService), for loading the built dist/sheets-addon/*.js into one vm
 * context as Apps Script does. Every method call on any fake object is logged as `Type.method`,
 * so a test can count service calls (each one is a round trip in Apps Script). The spreadsheet
 * model is small but strict where Sheets is: ranges must fit the sheet (1000 × 26 for a new one),
 * written grids must match the range's size, sheet names are unique, the last sheet stays. And it
 * enforces Apps Script's documented limits (LIMITS below), measuring time by counting, never by
 * sleeping.
 */
import vm from 'node:vm';
import { jsonBytes, utf8Bytes } from './payload.js';

/**
 * Documented limits ("Quotas for Google Services", developers.google.com/apps-script/guides/services/quotas,
 * section "Current limitations"): Properties value size 9 KB / val; Properties total storage 500 KB /
 * property store; Script runtime 6 min / execution; Custom function runtime 30 sec / execution.
 * "KB" is read as 1,000 bytes (the stricter reading) and keys are counted with their values toward
 * the total (Google does not say; measurements by others find that keys count). A spreadsheet holds
 * at most 10 million cells ("Files you can store in Google Drive", support.google.com/drive/answer/37603).
 */
export const LIMITS = {
  propertyValueBytes: 9_000,
  propertyStoreBytes: 500_000,
  executionMs: 6 * 60 * 1000,
  customFunctionMs: 30 * 1000,
  spreadsheetCells: 10_000_000,
} as const;

/**
 * ASSUMED costs, to turn counted work into execution time (Google documents no per-call latency;
 * its best-practices page only says that calls to Sheets are "considerably" slower than JavaScript
 * and should be batched). 100 ms per service call is pessimistic (round trips to the Sheets backend
 * are typically tens of milliseconds); 1 µs per cell moved by a read or a write (2.4 million cells
 * ≈ 2.4 s) stands for marshalling the values. Change them here; the tests state results in counts.
 */
export const ASSUMED_COST = { perCallMs: 100, perCellMs: 0.001 } as const;

// ---------------------------------------------------------------- recording

export class CallLog {
  readonly calls: string[] = [];
  /** Cells and bytes moved by reads and writes since the last reset. */
  cells = 0;
  bytes = 0;
  /** The execution's time budget (LIMITS.executionMs, or customFunctionMs for a custom function). */
  limitMs: number = LIMITS.executionMs;
  record(name: string): void {
    this.calls.push(name);
    this.check();
  }
  /** A read or a write of `cells` cells, `bytes` bytes as JSON. */
  moved(cells: number, bytes: number): void {
    this.cells += cells;
    this.bytes += bytes;
    this.check();
  }
  get count(): number {
    return this.calls.length;
  }
  /** Execution time so far by the ASSUMED costs: calls × perCallMs + cells × perCellMs. */
  get elapsedMs(): number {
    return this.calls.length * ASSUMED_COST.perCallMs + this.cells * ASSUMED_COST.perCellMs;
  }
  /** Starts a new execution (a menu item, a google.script.run call, a custom-function call). */
  reset(limitMs: number = LIMITS.executionMs): void {
    this.calls.length = 0;
    this.cells = 0;
    this.bytes = 0;
    this.limitMs = limitMs;
  }
  private check(): void {
    if (this.elapsedMs > this.limitMs) {
      throw new Error(`Exceeded maximum execution time (${(this.elapsedMs / 1000).toFixed(1)} s by the assumed costs: ${this.calls.length} service calls, ${this.cells} cells; the limit is ${this.limitMs / 1000} s)`);
    }
  }
  /** How often each `Type.method` was called. */
  tally(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const c of this.calls) out[c] = (out[c] ?? 0) + 1;
    return out;
  }
}

const TARGET = Symbol('fake target');

/** The fake behind a recorded proxy (for assertions that need the model). */
export function unwrap<T>(x: T): T {
  return ((x as { [TARGET]?: T })?.[TARGET] ?? x) as T;
}

/** A proxy that logs every method call as `type.method`. */
function recorded<T extends object>(log: CallLog, type: string, target: T): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      if (prop === TARGET) return t;
      const v = Reflect.get(t, prop, receiver) as unknown;
      if (typeof v !== 'function' || typeof prop !== 'string' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        log.record(`${type}.${prop}`);
        return (v as (...a: unknown[]) => unknown).apply(t, args);
      };
    },
  });
}

// ---------------------------------------------------------------- spreadsheet model

export interface FakeCell {
  value: unknown;
  formula?: string;
  format?: string;
  background?: string | null;
  weight?: string | null;
  color?: string | null;
  style?: string | null;
  size?: number | null;
}

export interface FakeRule {
  readonly text: string;
  readonly background: string;
  readonly fontColor: string;
  readonly ranges: readonly string[];
}

export interface FakeMetadata {
  readonly key: string;
  readonly value: string | null;
  readonly visibility: string;
}

const key = (row: number, col: number): string => `${row}:${col}`;

export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Values seeded at once from A1 (big test sheets): far cheaper than a Map entry per cell. */
interface DenseRows {
  readonly rows: readonly (readonly unknown[])[];
  readonly lastRow: number;
  readonly lastCol: number;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

export class FakeSheetModel {
  readonly cells = new Map<string, FakeCell>();
  /** Seeded values (1-based row r is dense.rows[r - 1]); cells in `cells` take precedence. */
  dense: DenseRows | undefined;
  maxRows = 1000;
  maxCols = 26;
  frozenRows = 0;
  frozenCols = 0;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  rules: FakeRule[] = [];
  readonly metadata: FakeMetadata[] = [];
  activated = false;
  constructor(public name: string, readonly id: number) {}

  cell(row: number, col: number): FakeCell | undefined {
    const own = this.cells.get(key(row, col));
    if (own || !this.dense) return own;
    const v = this.dense.rows[row - 1]?.[col - 1];
    return isBlank(v) ? undefined : { value: v };
  }
  /** The value a formula-free read returns ("" for blanks and, in this fake, for formulas). */
  valueAt(row: number, col: number): unknown {
    const c = this.cell(row, col);
    if (!c) return '';
    return c.formula !== undefined ? '' : c.value;
  }
  /** Values of a rectangle (1-based), as getValues returns them. */
  valuesOf(row: number, col: number, rows: number, cols: number): unknown[][] {
    const d = this.dense;
    if (d && !this.hasCellsIn(row, col, rows, cols)) {
      const out: unknown[][] = new Array(rows);
      for (let r = 0; r < rows; r++) {
        const line = d.rows[row - 1 + r];
        const vals: unknown[] = new Array(cols);
        for (let c = 0; c < cols; c++) {
          const v = line?.[col - 1 + c];
          vals[c] = isBlank(v) ? '' : v;
        }
        out[r] = vals;
      }
      return out;
    }
    return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => this.valueAt(row + r, col + c)));
  }
  private hasCellsIn(row: number, col: number, rows: number, cols: number): boolean {
    for (const k of this.cells.keys()) {
      const i = k.indexOf(':');
      const r = Number(k.slice(0, i)), c = Number(k.slice(i + 1));
      if (r >= row && r < row + rows && c >= col && c < col + cols) return true;
    }
    return false;
  }
  lastRow(): number {
    let n = this.dense?.lastRow ?? 0;
    for (const [k, c] of this.cells) if (c.value !== '' || c.formula !== undefined) n = Math.max(n, Number(k.split(':')[0]));
    return n;
  }
  lastCol(): number {
    let n = this.dense?.lastCol ?? 0;
    for (const [k, c] of this.cells) if (c.value !== '' || c.formula !== undefined) n = Math.max(n, Number(k.split(':')[1]));
    return n;
  }
  /** Seeds values from A1 as they are (no formula or apostrophe parsing): big sheets for scale tests. */
  seed(rows: readonly (readonly unknown[])[]): void {
    let lastRow = 0, lastCol = 0;
    rows.forEach((line, r) => {
      for (let c = line.length - 1; c >= 0; c--) {
        if (isBlank(line[c])) continue;
        lastRow = r + 1;
        lastCol = Math.max(lastCol, c + 1);
        break;
      }
    });
    this.dense = { rows, lastRow, lastCol };
    this.maxRows = Math.max(this.maxRows, rows.length);
    this.maxCols = Math.max(this.maxCols, lastCol);
  }
  /** Sets a cell as typed values arrive: a leading "=" is a formula, a leading apostrophe marks text. */
  put(row: number, col: number, v: unknown): void {
    const c = this.cells.get(key(row, col)) ?? { ...(this.cell(row, col) ?? { value: '' }) };
    delete c.formula;
    if (typeof v === 'string' && v.startsWith('=')) {
      c.formula = v;
      c.value = '';
    } else if (typeof v === 'string' && v.startsWith("'")) {
      c.value = v.slice(1);
    } else {
      c.value = v === null || v === undefined ? '' : v;
    }
    this.cells.set(key(row, col), c);
  }
  patch(row: number, col: number, p: Partial<FakeCell>): void {
    const c = this.cells.get(key(row, col)) ?? { value: this.cell(row, col)?.value ?? '' };
    Object.assign(c, p);
    this.cells.set(key(row, col), c);
  }
}

export interface FakeSheetInit {
  readonly name: string;
  /** Rows from A1; null/undefined are blanks. */
  readonly rows?: readonly (readonly unknown[])[];
  /** Keep the rows as they are, in one block (big sheets; no formula or apostrophe parsing). */
  readonly dense?: boolean;
}

export class FakeSpreadsheetModel {
  readonly sheets: FakeSheetModel[] = [];
  readonly toasts: { msg: string; title?: string }[] = [];
  private nextId = 1;
  /** When set and true for a sheet, `setValues` on it throws (a failure half-way through a write). */
  failWrites: ((sheet: FakeSheetModel) => boolean) | undefined;
  constructor(public timeZone: string) {}

  add(init: FakeSheetInit, at = this.sheets.length): FakeSheetModel {
    if (this.sheets.some((s) => s.name === init.name)) throw new Error(`A sheet with the name "${init.name}" already exists.`);
    const sheet = new FakeSheetModel(init.name, this.nextId++);
    if (init.dense) sheet.seed(init.rows ?? []);
    else {
      (init.rows ?? []).forEach((row, r) => row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== '') sheet.put(r + 1, c + 1, v);
      }));
      // A sheet that holds more rows than a new sheet's 1,000 (the sample's status log) is that tall.
      sheet.maxRows = Math.max(sheet.maxRows, init.rows?.length ?? 0);
      sheet.maxCols = Math.max(sheet.maxCols, ...(init.rows ?? []).map((row) => row.length));
    }
    this.sheets.splice(at, 0, sheet);
    this.checkCells();
    return sheet;
  }
  /** Sheets refuses to grow past 10 million cells. */
  checkCells(): void {
    const cells = this.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
    if (cells > LIMITS.spreadsheetCells) {
      throw new Error(`Exception: This action would increase the number of cells in the workbook above the limit of 10000000 cells (${cells}).`);
    }
  }
  byName(name: string): FakeSheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

// ---------------------------------------------------------------- the services

export interface FakeUiRecord {
  menus: { items: { label: string; fn: string }[]; separators: number; added: boolean }[];
  sidebars: { title: string; content: string }[];
  dialogs: { title: string; content: string }[];
  alerts: string[];
}

export interface AppsScriptFakes {
  readonly log: CallLog;
  readonly spreadsheet: FakeSpreadsheetModel;
  readonly ui: FakeUiRecord;
  /** Document properties (the add-on's own store). */
  readonly properties: Map<string, string>;
  /** HTML files of the project by name (what HtmlService.createHtmlOutputFromFile reads). */
  readonly htmlFiles: Map<string, string>;
  locale: string;
  /** The globals to put into a vm context. */
  readonly globals: Record<string, unknown>;
}

export function createAppsScriptFakes(options: { timeZone?: string; locale?: string; sheets?: readonly FakeSheetInit[] } = {}): AppsScriptFakes {
  const log = new CallLog();
  const model = new FakeSpreadsheetModel(options.timeZone ?? 'Europe/Berlin');
  for (const s of options.sheets ?? []) model.add(s);
  const ui: FakeUiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [] };
  const properties = new Map<string, string>();
  const htmlFiles = new Map<string, string>();
  const fakes: AppsScriptFakes = { log, spreadsheet: model, ui, properties, htmlFiles, locale: options.locale ?? 'en', globals: {} };
  const rec = <T extends object>(type: string, target: T): T => recorded(log, type, target);

  const rangeOf = (sheet: FakeSheetModel, row: number, col: number, rows: number, cols: number): object => {
    if (![row, col, rows, cols].every((n) => Number.isInteger(n)) || row < 1 || col < 1 || rows < 1 || cols < 1) {
      throw new Error(`Exception: The coordinates or dimensions of the range are invalid (${row}, ${col}, ${rows}, ${cols}).`);
    }
    if (row + rows - 1 > sheet.maxRows || col + cols - 1 > sheet.maxCols) {
      throw new Error(`Exception: The coordinates of the range are outside the dimensions of the sheet.`);
    }
    const grid = <T>(what: string, g: readonly (readonly T[])[], set: (r: number, c: number, v: T) => void): object => {
      if (!Array.isArray(g) || g.length !== rows || g.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new Error(`Exception: The number of rows or columns in the ${what} data does not match the range (${rows} × ${cols}).`);
      }
      g.forEach((line: readonly T[], r: number) => line.forEach((v: T, c: number) => set(row + r, col + c, v)));
      log.moved(rows * cols, jsonBytes(g));
      return range;
    };
    const read = <T>(values: T[][]): T[][] => {
      log.moved(rows * cols, jsonBytes(values));
      return values;
    };
    const range = rec('Range', {
      sheet,
      getRow: () => row,
      getColumn: () => col,
      getNumRows: () => rows,
      getNumColumns: () => cols,
      getSheet: () => sheetFake(sheet),
      getA1Notation: () => (rows === 1 && cols === 1
        ? `${columnLetters(col)}${row}`
        : `${columnLetters(col)}${row}:${columnLetters(col + cols - 1)}${row + rows - 1}`),
      getValues: () => read(sheet.valuesOf(row, col, rows, cols)),
      getFormulas: () => read(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.cell(row + r, col + c)?.formula ?? ''))),
      getNumberFormats: () => read(Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => sheet.cell(row + r, col + c)?.format ?? 'General'))),
      setValues: (g: unknown[][]) => {
        if (model.failWrites?.(sheet)) throw new Error('Exception: Service Spreadsheets failed while accessing document (fake: half-way).');
        return grid('values', g, (r, c, v) => sheet.put(r, c, v));
      },
      setNumberFormats: (g: string[][]) => grid('number formats', g, (r, c, v) => sheet.patch(r, c, { format: v })),
      setBackgrounds: (g: (string | null)[][]) => grid('backgrounds', g, (r, c, v) => sheet.patch(r, c, { background: v })),
      setFontWeights: (g: (string | null)[][]) => grid('font weights', g, (r, c, v) => sheet.patch(r, c, { weight: v })),
      setFontColors: (g: (string | null)[][]) => grid('font colors', g, (r, c, v) => sheet.patch(r, c, { color: v })),
      setFontStyles: (g: (string | null)[][]) => grid('font styles', g, (r, c, v) => sheet.patch(r, c, { style: v })),
      setFontSizes: (g: (number | null)[][]) => grid('font sizes', g, (r, c, v) => sheet.patch(r, c, { size: v })),
    });
    return range;
  };

  const sheetFakes = new WeakMap<FakeSheetModel, object>();
  const sheetFake = (sheet: FakeSheetModel): object => {
    const known = sheetFakes.get(sheet);
    if (known) return known;
    const alive = (): void => {
      if (!model.sheets.includes(sheet)) throw new Error('Exception: The sheet has been deleted.');
    };
    const fake = rec('Sheet', {
      sheet,
      getName: () => (alive(), sheet.name),
      setName: (name: string) => {
        alive();
        if (model.sheets.some((x) => x !== sheet && x.name.toLowerCase() === name.toLowerCase())) {
          throw new Error(`Exception: A sheet with the name "${name}" already exists. Please enter another name.`);
        }
        sheet.name = name;
        return fake;
      },
      getSheetId: () => sheet.id,
      getIndex: () => (alive(), model.sheets.indexOf(sheet) + 1),
      getMaxRows: () => sheet.maxRows,
      getMaxColumns: () => sheet.maxCols,
      getLastRow: () => sheet.lastRow(),
      getLastColumn: () => sheet.lastCol(),
      insertRowsAfter: (after: number, n: number) => { sheet.maxRows = Math.max(sheet.maxRows, after) + n; model.checkCells(); return fake; },
      insertColumnsAfter: (after: number, n: number) => { sheet.maxCols = Math.max(sheet.maxCols, after) + n; model.checkCells(); return fake; },
      getDataRange: () => (alive(), rangeOf(sheet, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastCol()))),
      getRange: (row: number, col: number, rows = 1, cols = 1) => (alive(), rangeOf(sheet, row, col, rows, cols)),
      setFrozenRows: (n: number) => { sheet.frozenRows = n; },
      setFrozenColumns: (n: number) => { sheet.frozenCols = n; },
      setColumnWidth: (c: number, w: number) => { sheet.columnWidths.set(c, w); return fake; },
      setColumnWidths: (c: number, n: number, w: number) => {
        for (let i = 0; i < n; i++) sheet.columnWidths.set(c + i, w);
        return fake;
      },
      hideColumns: (c: number, n = 1) => { for (let i = 0; i < n; i++) sheet.hiddenColumns.add(c + i); },
      setConditionalFormatRules: (rules: FakeRule[]) => { sheet.rules = [...rules]; },
      getConditionalFormatRules: () => [...sheet.rules],
      addDeveloperMetadata: (k: string, value?: string, visibility?: string) => {
        sheet.metadata.push({ key: k, value: value ?? null, visibility: visibility ?? 'DOCUMENT' });
        return fake;
      },
      activate: () => { sheet.activated = true; return fake; },
    });
    sheetFakes.set(sheet, fake);
    return fake;
  };

  const finder = (keyWanted: string | null = null): object => {
    const self: object = rec('DeveloperMetadataFinder', {
      withKey: (k: string) => finder(k),
      find: () => model.sheets.flatMap((sheet) => sheet.metadata
        .filter((m) => keyWanted === null || m.key === keyWanted)
        .map((m) => rec('DeveloperMetadata', {
          getKey: () => m.key,
          getValue: () => m.value,
          getVisibility: () => m.visibility,
          getLocation: () => rec('DeveloperMetadataLocation', {
            getLocationType: () => 'SHEET',
            getSheet: () => sheetFake(sheet),
          }),
        }))),
    });
    return self;
  };

  const spreadsheet = rec('Spreadsheet', {
    getSpreadsheetTimeZone: () => model.timeZone,
    getSheets: () => model.sheets.map(sheetFake),
    getNumSheets: () => model.sheets.length,
    getSheetByName: (name: string) => {
      const s = model.byName(name);
      return s ? sheetFake(s) : null;
    },
    insertSheet: (name: string, index?: number) => sheetFake(model.add({ name }, index ?? model.sheets.length)),
    deleteSheet: (sheet: { sheet: FakeSheetModel }) => {
      const target = unwrap(sheet).sheet;
      const i = model.sheets.indexOf(target);
      if (i < 0) throw new Error('Exception: The sheet has been deleted.');
      if (model.sheets.length === 1) throw new Error("Exception: You can't remove all the sheets in a document.");
      model.sheets.splice(i, 1);
    },
    createDeveloperMetadataFinder: () => finder(),
    toast: (msg: string, title?: string) => { model.toasts.push({ msg, title }); },
  });

  const htmlOutput = (content: string): object => {
    const out: { title: string; width: number; height: number } = { title: '', width: 0, height: 0 };
    const self: object = rec('HtmlOutput', {
      out,
      getContent: () => content,
      setTitle: (t: string) => { out.title = t; return self; },
      getTitle: () => out.title,
      setWidth: (w: number) => { out.width = w; return self; },
      setHeight: (h: number) => { out.height = h; return self; },
    });
    return self;
  };

  const uiFake = rec('Ui', {
    createAddonMenu: () => {
      const menu = { items: [] as { label: string; fn: string }[], separators: 0, added: false };
      ui.menus.push(menu);
      const self: object = rec('Menu', {
        addItem: (label: string, fn: string) => { menu.items.push({ label, fn }); return self; },
        addSeparator: () => { menu.separators++; return self; },
        addToUi: () => { menu.added = true; },
      });
      return self;
    },
    showSidebar: (html: { out: { title: string }; getContent(): string }) => {
      const o = unwrap(html);
      ui.sidebars.push({ title: o.out.title, content: o.getContent() });
    },
    showModalDialog: (html: { getContent(): string }, title: string) => {
      ui.dialogs.push({ title, content: unwrap(html).getContent() });
    },
    alert: (msg: string) => { ui.alerts.push(msg); },
  });

  const ruleBuilder = (): object => {
    const r = { text: '', background: '', fontColor: '', ranges: [] as string[] };
    const self: object = rec('ConditionalFormatRuleBuilder', {
      whenTextEqualTo: (t: string) => { r.text = t; return self; },
      setBackground: (c: string) => { r.background = c; return self; },
      setFontColor: (c: string) => { r.fontColor = c; return self; },
      setRanges: (ranges: { getA1Notation(): string }[]) => {
        r.ranges = ranges.map((x) => unwrap(x).getA1Notation());
        return self;
      },
      build: (): FakeRule => ({ ...r }),
    });
    return self;
  };

  /** Writes `entries` (after dropping the others when asked) only if the store stays within its limits. */
  const store = (entries: readonly [string, string][], deleteAllOthers: boolean): void => {
    for (const [k, v] of entries) {
      if (utf8Bytes(v) > LIMITS.propertyValueBytes) throw new Error(`Exception: Argument too large: value (${k}: ${utf8Bytes(v)} bytes)`);
    }
    const next = new Map(deleteAllOthers ? [] : properties);
    for (const [k, v] of entries) next.set(k, v);
    let total = 0;
    for (const [k, v] of next) total += utf8Bytes(k) + utf8Bytes(v);
    if (total > LIMITS.propertyStoreBytes) {
      throw new Error(`Exception: You have exceeded the property storage quota. Please remove some properties and try again. (${total} bytes)`);
    }
    properties.clear();
    for (const [k, v] of next) properties.set(k, v);
    log.moved(entries.length, jsonBytes(Object.fromEntries(entries)));
  };
  const documentProperties = rec('Properties', {
    getProperties: () => Object.fromEntries(properties),
    getProperty: (k: string) => properties.get(k) ?? null,
    setProperty: (k: string, v: string) => { store([[k, String(v)]], false); },
    setProperties: (o: Record<string, string>, deleteAllOthers = false) => {
      store(Object.entries(o).map(([k, v]) => [k, String(v)]), deleteAllOthers);
    },
    deleteProperty: (k: string) => { properties.delete(k); },
  });

  fakes.globals.SpreadsheetApp = rec('SpreadsheetApp', {
    getActive: () => spreadsheet,
    getActiveSpreadsheet: () => spreadsheet,
    getUi: () => uiFake,
    newConditionalFormatRule: () => ruleBuilder(),
    flush: () => undefined,
    DeveloperMetadataVisibility: { DOCUMENT: 'DOCUMENT', PROJECT: 'PROJECT' },
    DeveloperMetadataLocationType: { SHEET: 'SHEET', SPREADSHEET: 'SPREADSHEET', ROW: 'ROW', COLUMN: 'COLUMN' },
  });
  fakes.globals.HtmlService = rec('HtmlService', {
    createHtmlOutputFromFile: (name: string) => {
      const content = htmlFiles.get(name);
      if (content === undefined) throw new Error(`Exception: No HTML file named ${name} was found.`);
      return htmlOutput(content);
    },
    createHtmlOutput: (html = '') => htmlOutput(html),
  });
  fakes.globals.Session = rec('Session', {
    getActiveUserLocale: () => fakes.locale,
    getScriptTimeZone: () => 'America/Los_Angeles',
  });
  fakes.globals.PropertiesService = rec('PropertiesService', {
    getDocumentProperties: () => documentProperties,
  });
  fakes.globals.Utilities = rec('Utilities', {
    formatDate: (d: Date, tz: string, pattern = 'yyyy-MM-dd HH:mm:ss') => formatDate(d, tz, pattern),
    sleep: () => undefined,
  });
  return fakes;
}

/**
 * `Utilities.formatDate(date, timeZone, pattern)` for the patterns the add-on uses: "Z" (RFC 822
 * offset, "+0100") and "yyyy-MM-dd HH:mm:ss" (Java SimpleDateFormat letters). The fake has its
 * own time-zone data (this process's Intl), as Apps Script's Java side does.
 */
export function formatDate(d: Date, timeZone: string, pattern: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(d).map((p) => [p.type, p.value]));
  const wall = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  const offsetMin = Math.round((wall - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const zone = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  return pattern.replace(/yyyy|MM|dd|HH|mm|ss|Z/g, (t) => ({
    yyyy: parts.year, MM: parts.month, dd: parts.day, HH: parts.hour, mm: parts.minute, ss: parts.second, Z: zone,
  } as Record<string, string>)[t]);
}

/**
 * An `Intl` whose DateTimeFormat does not know the given zones (a RangeError, as V8 throws for an
 * unknown zone), to put into the vm context: Apps Script does not document the time-zone data of its
 * V8 runtime, so the add-on must cope with a zone that Intl lacks.
 */
export function intlWithout(zones: readonly string[]): typeof Intl {
  const missing = new Set(zones.map((z) => z.toLowerCase()));
  const DateTimeFormat = function (this: unknown, locales?: string | string[], options?: Intl.DateTimeFormatOptions) {
    if (options?.timeZone && missing.has(options.timeZone.toLowerCase())) throw new RangeError(`Invalid time zone specified: ${options.timeZone}`);
    return new Intl.DateTimeFormat(locales, options);
  } as unknown as typeof Intl.DateTimeFormat;
  return new Proxy(Intl, { get: (t, p) => (p === 'DateTimeFormat' ? DateTimeFormat : Reflect.get(t, p)) });
}

/** Globals that throw on any use: loading code must not touch a service at its top level. */
export function throwingGlobals(names: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of names) {
    out[name] = new Proxy({}, {
      get(_t, prop) {
        throw new Error(`${name}.${String(prop)} was used while the script loaded`);
      },
      has() {
        throw new Error(`${name} was used while the script loaded`);
      },
    });
  }
  return out;
}

export const SERVICE_NAMES = ['SpreadsheetApp', 'HtmlService', 'Session', 'Utilities', 'PropertiesService', 'ScriptApp', 'google'] as const;

/** One global scope holding every script, loaded in the given order as Apps Script does. */
export function loadScripts(files: readonly { name: string; code: string }[], globals: Record<string, unknown>): vm.Context {
  const context = vm.createContext({ ...globals, console });
  for (const f of files) vm.runInContext(f.code, context, { filename: f.name });
  return context;
}

/** The built add-on loaded into one context with fresh fakes, and a way to call its globals. */
export interface OpenedAddon {
  readonly fakes: AppsScriptFakes;
  readonly context: vm.Context;
  run(name: string, ...args: unknown[]): unknown;
}

export function openAddon(
  addon: Pick<BuiltAddon, 'scripts'>,
  options: { timeZone?: string; locale?: string; sheets?: readonly FakeSheetInit[]; globals?: Record<string, unknown> } = {},
): OpenedAddon {
  const fakes = createAppsScriptFakes({ timeZone: options.timeZone ?? 'UTC', locale: options.locale, sheets: options.sheets ?? [] });
  const context = loadScripts(addon.scripts, { ...fakes.globals, ...options.globals });
  return { fakes, context, run: (name, ...args) => (context[name] as (...a: unknown[]) => unknown)(...args) };
}

// ---------------------------------------------------------------- the built add-on

export interface BuiltAddon {
  readonly dir: string;
  /** The .js files clasp pushes, in name order (Apps Script loads them all into one scope). */
  readonly scripts: readonly { name: string; code: string }[];
  read(name: string): string;
  /** Deletes the temporary build. */
  remove(): Promise<void>;
}

/** Builds the add-on (and the sidebar it inlines) into a temporary directory. */
export async function buildAddon(): Promise<BuiltAddon> {
  const { mkdtempSync, readdirSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const { buildSheets } = await import('../../scripts/build-sheets.mjs');
  const root = mkdtempSync(path.join(tmpdir(), 'sheets-addon-'));
  const dir = path.join(root, 'sheets-addon');
  await buildSheets({ outDir: dir, sidebarDir: path.join(root, 'sidebar') });
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
  const scripts = readdirSync(dir).filter((f) => f.endsWith('.js')).sort().map((name) => ({ name, code: read(name) }));
  return { dir, scripts, read, remove: async () => rmSync(root, { recursive: true, force: true }) };
}
