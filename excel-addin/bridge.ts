/// <reference types="office-js" />
/**
 * The Excel HostBridge: how the shared sidebar reads the workbook and writes a scorecard in Excel.
 * Office.js queues work locally and sends it on `context.sync()`, and every sync is a round trip
 * (slow in Excel on the web), so the number of syncs never depends on the number of KPIs, and on
 * sheets only through the cells read: each request and response must stay under Excel on the web's
 * 5 MB, so cells are read in chunks of CHUNK_CELLS (blocks.ts), one sync per chunk.
 * - readOutline: 2 syncs (sheet and table names; every sheet's used range, our markers and
 *   A1:B4 — a marked sheet is ours only with our title and header —, table headers), then the top rows, formats and last row of every sheet, packed into syncs of
 *   CHUNK_CELLS (one sync for most workbooks: each sheet's top is held to OUTLINE_SHEET_CELLS).
 * - generate: 2 syncs (names; the data sheets' used ranges, every sheet's marker and A1:B4, the
 *   tables), one more when there is a previous scorecard (its cells, to keep what the manager
 *   wrote), then ceil(cells / CHUNK_CELLS) or so for the data sheets' values and formats
 *   (plannedSyncs), then one that writes the whole plan. Replacing an old scorecard takes one more:
 *   the plan is written on a sheet under a temporary name, and only after that sync succeeded is
 *   the old one deleted and its name taken (atomic: a failed write leaves the old one intact).
 *   200,000 rows × 12 columns, first generation: 2 + 25 + 1 = 28 syncs.
 * The DOM-free logic lives here so that tests drive it with a recording fake of the Excel API.
 */
import type { ExistingSheet } from '../core/scorecard/api.js';
import { outlineWorkbook } from '../core/scorecard/outline.js';
import { parseSettings } from '../core/scorecard/settings.js';
import { quote } from '../core/safe-text.js';
import { numberedName } from '../core/scorecard/sheet-name.js';
import { looksLikeScorecard, parseMarker, readPrevious } from '../core/scorecard/previous.js';
import { HELPER_FIRST } from '../core/scorecard/plan/layout.js';
import { loadPlanner } from './planner.js';
import { wallClock } from '../core/values/clock.js';
import type {
  GenerateRequest, GenerateResult, HostBridge, PlanMarker, ScorecardPlan, SheetOutline, StoredSettings,
  WorkbookData, WorkbookOutline,
} from '../core/scorecard/types.js';
import { readBlocks } from './blocks.js';
import type { BlockRead, BlockReport } from './blocks.js';
import { planSheetReads, queueUsed, shapeOf, sheetDataOf } from './read.js';
import { MARKER_KEY, writePlan } from './write.js';

/** Where the sidebar's settings live: the workbook's add-in settings (saved with the file). */
export const SETTINGS_KEY = 'service-kpi.settings';

/** The parts of Office.js the bridge uses (the real globals, or a fake in tests). */
export interface OfficeEnv {
  readonly excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> };
  readonly office: {
    readonly context: {
      readonly displayLanguage: string;
      readonly document: { readonly settings: Pick<Office.Settings, 'get' | 'set' | 'saveAsync'> };
      readonly requirements: { isSetSupported(name: string, minVersion?: string): boolean };
    };
  };
}

export interface ExcelBridge extends HostBridge {
  readonly host: 'excel';
}

export interface BridgeHooks {
  /** Sees each plan before it is written (tests, diagnostics). */
  readonly onPlan?: (plan: ScorecardPlan) => void;
  /** Counts the syncs of the chunked cell reads, and the ones Excel refused (tests, diagnostics). */
  readonly reads?: BlockReport;
}

/** Excel's zone does not matter: serials already are the wall clock the cells show. */
const TIME_ZONE = 'UTC';

const lower = (s: string): string => s.toLocaleLowerCase('en');

/** The temporary name of a scorecard being built, before it takes its own. */
const NEW_SHEET = 'service-kpi new';

function languageOf(displayLanguage: string): 'en' | 'de' {
  return lower(displayLanguage || '').startsWith('de') ? 'de' : 'en';
}

/** Sheets the plan may replace: the wanted name and its numbered variants ("KPI Scorecard (2)"). */
export function isScorecardName(name: string, wanted: string): boolean {
  const n = lower(name);
  const base = lower(wanted.trim());
  if (n === base) return true;
  const m = / \((\d+)\)$/.exec(name);
  return m !== null && n === lower(numberedName(wanted.trim(), Number(m[1])));
}

// ------------------------------------------------------------------ tables

interface QueuedTable {
  readonly name: string;
  readonly sheet: Excel.Worksheet;
  readonly header: Excel.Range;
}

interface TableInfo {
  readonly name: string;
  readonly sheet: string;
  readonly headerRow: number;
  readonly firstCol: number;
  readonly columns: readonly string[];
}

/** Call after a sync that loaded `items/name,items/showHeaders` of the workbook's tables. */
function queueTables(tables: Excel.TableCollection): QueuedTable[] {
  const out: QueuedTable[] = [];
  for (const t of tables.items) {
    if (!t.showHeaders) continue; // no header row: no column names for structured references
    const sheet = t.worksheet;
    sheet.load('name');
    const header = t.getHeaderRowRange();
    header.load('values,rowIndex,columnIndex');
    out.push({ name: t.name, sheet, header });
  }
  return out;
}

function tableInfos(queued: readonly QueuedTable[]): TableInfo[] {
  return queued.map((q) => ({
    name: q.name,
    sheet: q.sheet.name,
    headerRow: q.header.rowIndex + 1,
    firstCol: q.header.columnIndex + 1,
    columns: (q.header.values[0] ?? []).map((v) => String(v)),
  }));
}

/** The outline with each sheet's Excel table, when the detected data table is one (same header cell). */
export function withTables(outline: WorkbookOutline, tables: readonly TableInfo[]): WorkbookOutline {
  const sheets = outline.sheets.map((s): SheetOutline => {
    const t = tables.find((x) => x.sheet === s.name && x.headerRow === s.headerRow && x.firstCol === s.firstCol);
    return t ? { ...s, table: { name: t.name, columns: t.columns } } : s;
  });
  return { ...outline, sheets };
}

// ------------------------------------------------------------------ our old scorecard

/**
 * The most rows of a marked sheet read back (columns A to the last before the hidden helpers): a
 * scorecard has a few dozen rows plus the manager's; a marked sheet beyond this is left as it is.
 */
const MAX_PREVIOUS_ROWS = 20_000;

interface Marked {
  readonly sheet: Excel.Worksheet;
  readonly name: string;
  readonly marker: Excel.WorksheetCustomProperty;
  readonly used: Excel.Range;
  /** A1:B4, enough to tell our scorecard from a data sheet carrying our marker. */
  readonly top: Excel.Range;
}

/** Queues what tells whether a sheet is our scorecard: its marker, its used range's size, its top. */
function queueMarked(sheet: Excel.Worksheet): Marked {
  const marker = sheet.customProperties.getItemOrNullObject(MARKER_KEY);
  marker.load('value');
  const top = sheet.getRangeByIndexes(0, 0, 4, 2);
  top.load('values');
  return { sheet, name: sheet.name, marker, used: queueUsed(sheet), top };
}

/** Call after the sync of queueMarked: true when the sheet is our scorecard (its marker and its title and header). */
function isOurs(m: Marked): boolean {
  return !m.marker.isNullObject && parseMarker(m.marker.value) !== null && looksLikeScorecard({ row: 1, col: 1, values: m.top.values });
}

/** Queues the read of a marked sheet's cells (values, formulas, formats), left of the helper columns. */
function queuePrevious(m: Marked): Excel.Range | null {
  const rows = m.used.rowIndex + m.used.rowCount;
  if (rows > MAX_PREVIOUS_ROWS) return null;
  const cols = Math.min(m.used.columnIndex + m.used.columnCount, HELPER_FIRST - 1);
  const range = m.sheet.getRangeByIndexes(0, 0, rows, Math.max(1, cols));
  range.load('values,formulas,numberFormat');
  return range;
}

// ------------------------------------------------------------------ the bridge

const MESSAGES = {
  needsApi: {
    en: 'Generating a scorecard needs a newer Excel (Excel on the web, Microsoft 365 or Excel 2021: ExcelApi 1.12). The KPI functions work without it.',
    de: 'Zum Erstellen einer Scorecard ist ein neueres Excel nötig (Excel im Web, Microsoft 365 oder Excel 2021: ExcelApi 1.12). Die KPI-Funktionen funktionieren auch ohne.',
  },
  notOurs: {
    en: 'The sheet {name} was not created by this add-in and is left as it is.',
    de: 'Das Blatt {name} wurde nicht von diesem Add-in erstellt und bleibt unverändert.',
  },
  nameTaken: {
    en: 'A sheet named {name} already exists. Choose another name for the scorecard.',
    de: 'Ein Blatt namens {name} gibt es schon. Wählen Sie einen anderen Namen für die Scorecard.',
  },
} as const;

export function createExcelBridge(env?: OfficeEnv, hooks: BridgeHooks = {}): ExcelBridge {
  const resolved = (): OfficeEnv => env ?? { excel: Excel, office: Office };
  const lang = (): 'en' | 'de' => languageOf(resolved().office.context.displayLanguage);
  const say = (key: keyof typeof MESSAGES, name = ''): string => MESSAGES[key][lang()].replace('{name}', () => quote(name, lang()));
  const markersSupported = (): boolean => resolved().office.context.requirements.isSetSupported('ExcelApi', '1.12');

  async function readOutline(): Promise<WorkbookOutline> {
    const markers = markersSupported();
    return resolved().excel.run(async (context) => {
      // Sync 1: which sheets and tables there are.
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      const tables = context.workbook.tables;
      tables.load('items/name,items/showHeaders');
      await context.sync();

      // Sync 2: each sheet's used range (its size decides what to read) and our marker; table headers.
      const queued = sheets.items.map((ws) => ({
        ws,
        used: queueUsed(ws),
        marker: markers ? ws.customProperties.getItemOrNullObject(MARKER_KEY).load('value') : null,
        top: ws.getRangeByIndexes(0, 0, 4, 2).load('values'),
      }));
      const queuedTables = queueTables(tables);
      await context.sync();

      // Then the top rows and the last row of every data sheet, within the cell budget.
      // Our own scorecards are not data: their formulas would only confuse detection.
      const reads: BlockRead[] = [];
      const planned = queued
        .filter((q) => !(q.marker && !q.marker.isNullObject && parseMarker(q.marker.value) && looksLikeScorecard({ row: 1, col: 1, values: q.top.values })))
        .map((q) => planSheetReads(q.ws, shapeOf(q.ws.name, q.used), false, reads));
      const grids = await readBlocks(context, reads, undefined, hooks.reads);
      const data: WorkbookData = { timeZone: TIME_ZONE, sheets: planned.map((p) => sheetDataOf(p, grids)) };
      const names = sheets.items.map((ws) => ws.name);
      return withTables(outlineWorkbook(data, names), tableInfos(queuedTables));
    });
  }

  async function readSettings(): Promise<StoredSettings | null> {
    const raw: unknown = resolved().office.context.document.settings.get(SETTINGS_KEY);
    if (raw === null || raw === undefined) return null;
    let value: unknown = raw;
    if (typeof raw === 'string') {
      try {
        value = JSON.parse(raw);
      } catch {
        return null;
      }
    }
    const parsed = parseSettings(value);
    return parsed.ok ? parsed.settings : null;
  }

  async function writeSettings(settings: StoredSettings): Promise<void> {
    const store = resolved().office.context.document.settings;
    store.set(SETTINGS_KEY, JSON.stringify(settings));
    await new Promise<void>((resolve, reject) => {
      store.saveAsync((result: Office.AsyncResult<void>) => {
        if (String(result.status).toLowerCase() === 'failed') reject(new Error(result.error?.message ?? 'saving the settings failed'));
        else resolve();
      });
    });
  }

  async function generate(request: GenerateRequest, onProgress?: (step: string, fraction: number) => void): Promise<GenerateResult> {
    if (!markersSupported()) throw new Error(say('needsApi'));
    onProgress?.('read', 0.1);
    const plan = await resolved().excel.run(async (context): Promise<ScorecardPlan> => {
      // Sync 1: which sheets and tables there are.
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/position');
      const tables = context.workbook.tables;
      tables.load('items/name,items/showHeaders');
      await context.sync();

      // Sync 2: the size of the sheets the roles point at, our old scorecard (marker and typed
      // targets), the tables.
      const byName = new Map(sheets.items.map((ws) => [lower(ws.name), ws]));
      const roleSheets = new Map<string, Excel.Worksheet>();
      for (const role of request.roles) {
        const ws = byName.get(lower(role.sheet));
        if (ws) roleSheets.set(ws.name, ws);
      }
      const used = [...roleSheets.values()].map((ws) => ({ ws, used: queueUsed(ws) }));
      // Every sheet's marker: our scorecard is found whatever it is called now.
      const marked = sheets.items.map(queueMarked);
      const queuedTables = queueTables(tables);
      await context.sync();

      // Sync 3 (only when there is one): the cells of our previous scorecards, to keep what the manager wrote.
      const previous = new Map<string, Excel.Range | null>();
      for (const m of marked) {
        if (!roleSheets.has(m.name) && isOurs(m)) previous.set(m.name, queuePrevious(m));
      }
      if (previous.size > 0) await context.sync();

      // Then every row of those sheets, in chunks that keep each sync under Excel's limits.
      const reads: BlockRead[] = [];
      const planned = used.map((u) => planSheetReads(u.ws, shapeOf(u.ws.name, u.used), true, reads));
      const grids = await readBlocks(context, reads, undefined, hooks.reads);
      const data: WorkbookData = { timeZone: TIME_ZONE, sheets: planned.map((p) => sheetDataOf(p, grids)) };
      const names = sheets.items.map((ws) => ws.name);
      const outline = withTables(outlineWorkbook(data, names), tableInfos(queuedTables));
      const ours = new Map<string, Marked>();
      const clock = wallClock(TIME_ZONE);
      const existing: ExistingSheet[] = marked.map((m): ExistingSheet => {
        const raw = m.marker.isNullObject ? null : m.marker.value;
        if (raw === null) return { name: m.name, ours: false };
        if (!previous.has(m.name)) return parseMarker(raw) ? { name: m.name, ours: false, markerIgnored: true } : { name: m.name, ours: false };
        ours.set(m.name, m);
        const range = previous.get(m.name);
        // Too big to read back: it is kept as it is, and the new scorecard goes beside it.
        if (!range) return { name: m.name, ours: true, keep: 'too many cells' };
        return readPrevious(m.name, raw, { row: 1, col: 1, values: range.values, formulas: range.formulas, formats: range.numberFormat }, clock);
      });

      onProgress?.('plan', 0.4);
      const buildPlan = await loadPlanner();
      const next = buildPlan({ data, outline, request, dialect: 'excel', existing });
      hooks.onPlan?.(next);

      // Last sync: the scorecard, written at once.
      onProgress?.('write', 0.7);
      const old = next.replaces === undefined ? undefined : ours.get(next.replaces);
      // Only ever our own scorecard is deleted.
      if (next.replaces !== undefined && !old) throw new Error(say('notOurs', next.replaces));
      const taken = names.some((n) => lower(n) === lower(next.sheetName) && n !== next.replaces);
      if (taken) throw new Error(say('nameTaken', next.sheetName));
      // Atomic replacement: the new sheet is built under a free temporary name first; only when that
      // sync succeeded is the old one deleted and its name and place taken. A failure before leaves
      // the old scorecard as it was (and the half-built sheet is removed).
      // Without an old scorecard there is nothing to keep intact: the sheet takes its name at once,
      // and the write is the generation's last sync.
      let n = 1;
      while (names.some((x) => lower(x) === lower(numberedName(NEW_SHEET, n)))) n++;
      const sheet = sheets.add(old ? numberedName(NEW_SHEET, n) : next.sheetName);
      writePlan(sheet, next);
      if (!old) sheet.activate();
      try {
        await context.sync();
      } catch (e) {
        try {
          sheet.delete();
          await context.sync();
        } catch {
          // The half-built sheet stays; it is not named as the scorecard, and the old one is intact.
        }
        throw e;
      }
      if (!old) return next;
      const position = old.sheet.position;
      old.sheet.delete();
      sheet.name = next.sheetName;
      sheet.position = position;
      sheet.activate();
      await context.sync();
      return next;
    });
    onProgress?.('done', 1);
    return { sheetName: plan.sheetName, kpis: plan.marker.kpis.length, notes: plan.notes, summary: plan.summary };
  }

  return {
    host: 'excel',
    language: async () => lang(),
    readOutline,
    readSettings,
    writeSettings,
    generate,
  };
}
