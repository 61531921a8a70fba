/**
 * The scorecard's data model, shared by detection, the plan, the sidebar and every host.
 * Everything here is plain data (it crosses google.script.run and postMessage): no Date, no class.
 */
import type { Cell } from '../values/context.js';
import type { SheetColumns } from './columns.js';
import type { Role } from './roles.js';

// ------------------------------------------------------------------ workbook outline and data

/** A sample cell as plain data: numbers, text, booleans, null; dates as wall-clock ISO text `2026-03-01T10:30:00`. */
export type SampleCell = number | string | boolean | null;

/** One data table found on a sheet (data need not start at A1). Rows and columns are 1-based sheet coordinates. */
export interface SheetOutline {
  readonly name: string;
  /** Sheet row of the header row (the last one, when the header spans several rows). */
  readonly headerRow: number;
  /** Rows the header spans, when more than one (SurveyMonkey 2, Qualtrics 3); headerRow is the last. */
  readonly headerRows?: number;
  /** Footer rows left out below the data (Zammad's `Timezone: …` line). */
  readonly footerRows?: number;
  /** Sheet column of the table's first column. */
  readonly firstCol: number;
  /** Header texts, one per column of the table ("" where a header cell is empty). */
  readonly headers: readonly string[];
  /** Per column, up to ~20 non-blank sample values from the data rows. */
  readonly samples: readonly (readonly SampleCell[])[];
  /** Number of data rows (last used row − header row). */
  readonly rowCount: number;
  /** Sheet row of the last used data row. */
  readonly lastRow: number;
  /** When the data is an Excel table: its name and column names (for structured references). */
  readonly table?: { readonly name: string; readonly columns: readonly string[] };
}

export interface WorkbookOutline {
  readonly sheets: readonly SheetOutline[];
  /** Names of every sheet in the workbook (including ones with no data table). */
  readonly sheetNames: readonly string[];
}

/** Full values of a sheet as the host read them, for cached values and portable periods. */
export interface SheetData {
  readonly name: string;
  /** Values of the used range; `values[0][0]` is the cell at (originRow, originCol). */
  readonly values: readonly (readonly unknown[])[];
  readonly originRow: number;
  readonly originCol: number;
  /**
   * The same cells by column, when the host holds them that way (the command line's readers):
   * the plan then reads a column of a big sheet without an array or object per cell, and `values`
   * is not needed (a host giving `columns` may make it lazy).
   */
  readonly columns?: SheetColumns;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
  /** The spreadsheet's IANA time zone (Date objects in values are read in it). */
  readonly timeZone: string;
}

// ------------------------------------------------------------------ roles

export type { SheetColumn, SheetColumns } from './columns.js';
export { ROLES } from './roles.js';
export type { Role, RoleGroup, ValueKind } from './roles.js';

/** A column given a role: by detection (with confidence 0..1) or by the manager (confidence 1). */
export interface RoleAssignment {
  readonly role: Role;
  readonly sheet: string;
  /** Sheet column (1-based). */
  readonly column: number;
  readonly header: string;
  readonly confidence: number;
  readonly source: 'detected' | 'manager';
}

// ------------------------------------------------------------------ targets and options

export type Perspective = 'strategic' | 'operational';
export type PeriodName = 'week' | 'month' | 'quarter' | 'year';
export type Dialect = 'excel' | 'sheets' | 'xlsx';

export interface KpiTarget {
  /** Target in the KPI's unit (shares as fractions 0..1, NPS in points, durations in hours); null = none yet. */
  readonly target: number | null;
  readonly direction: 'higher' | 'lower';
  readonly enabled: boolean;
}

export interface ScorecardOptions {
  readonly period: PeriodName;
  /** Portable mode: native formulas wherever a KPI has one, so colleagues without the add-in see numbers. */
  readonly portable: boolean;
  readonly language: 'en' | 'de';
  /** SLA target in hours for SLA attainment. */
  readonly slaHours: number;
  /**
   * The service-level threshold in seconds: a call answered within it counts as answered in time
   * (20 unless set; settings stored before it existed have none).
   */
  readonly serviceLevelSeconds?: number;
  /** Amber tolerance for KPI_STATUS (fraction of the target). */
  readonly tolerance: number;
  /** Expected brand attributes for BRAND_MATCH (empty: none). */
  readonly brandAttributes: readonly string[];
  /** Name of the scorecard sheet. */
  readonly sheetName: string;
  /**
   * The day/month order of date text no cell of its column decides (`05/02/2012`): the user's
   * choice; absent, the scorecard's language decides (German day first, English month first).
   */
  readonly dateOrder?: 'dmy' | 'mdy';
  /**
   * The reporting date, `YYYY-MM-DD` (written into the sheet's reporting-date cell): Actual is the
   * latest period complete on that day. null: automatic (the data's last date).
   */
  readonly reportingDate: string | null;
  /** Fewest answers a survey KPI's period needs for a status (fewer: "too few (n)"); 0: no minimum. */
  readonly minAnswers: number;
  /** Fewest tickets a ticket KPI's period needs for a status; 0: no minimum. */
  readonly minTickets: number;
  /**
   * Statuses of a status log that stop the SLA clock (waiting for the customer or a third party);
   * absent: found from the status names (log-statuses.ts). An empty list: no pause.
   */
  readonly pauseStatuses?: readonly string[];
  /** Statuses of a status log that mean resolved; absent: found from the status names. */
  readonly resolvedStatuses?: readonly string[];
}

/** What the sidebar remembers per workbook (HostBridge settings store). */
export interface StoredSettings {
  readonly version: 1;
  readonly roles: readonly RoleAssignment[];
  readonly targets: Readonly<Record<string, KpiTarget>>;
  readonly options: ScorecardOptions;
}

// ------------------------------------------------------------------ formulas

/** A range on a data sheet (1-based sheet coordinates; `lastRow` null = open-ended, grows with the data). */
export interface RangeRef {
  readonly sheet: string;
  readonly firstRow: number;
  readonly lastRow: number | null;
  readonly firstCol: number;
  readonly lastCol: number;
  /** When the range is a whole Excel table column: `Table[Column]`. */
  readonly table?: { readonly name: string; readonly column: string };
}

/** A cell or block on the scorecard sheet itself. */
export interface LocalRef {
  readonly row: number;
  readonly col: number;
  readonly rows?: number;
  readonly cols?: number;
}

/** The structured description every formula is built from; rendered per dialect. */
export type Expr =
  | { readonly kind: 'num'; readonly value: number }
  | { readonly kind: 'str'; readonly value: string }
  | { readonly kind: 'bool'; readonly value: boolean }
  | { readonly kind: 'range'; readonly ref: RangeRef }
  | { readonly kind: 'local'; readonly ref: LocalRef }
  /** A spreadsheet function; `ours` marks a catalog function (prefixed KPI. / _xldudf_KPI_ per dialect). */
  | { readonly kind: 'call'; readonly fn: string; readonly ours?: boolean; readonly args: readonly Expr[] }
  | { readonly kind: 'op'; readonly op: '+' | '-' | '*' | '/' | '&' | '=' | '<>' | '<' | '<=' | '>' | '>='; readonly left: Expr; readonly right: Expr }
  | { readonly kind: 'neg'; readonly arg: Expr };

export interface PlanFormula {
  readonly expr: Expr;
  /** The formula text for the plan's dialect, starting with `=`. */
  readonly text: string;
  /** The value the core computed for this formula, as a spreadsheet caches values ("" when empty). */
  readonly cached: Cell;
  /** For a formula that spills (KPI_BY_PERIOD, BRAND_ATTRIBUTES): the whole cached table. */
  readonly spill?: readonly (readonly Cell[])[];
}

// ------------------------------------------------------------------ the plan

export type CellStyle = 'title' | 'subtitle' | 'header' | 'section' | 'input' | 'note' | 'kpi' | 'helper';

export interface PlanCell {
  /** A constant. Text taken from the user's data has `userText: true` and is neutralised by the host writer. */
  readonly value?: Cell;
  readonly userText?: boolean;
  readonly formula?: PlanFormula;
  /**
   * A formula the user wrote on the previous scorecard, carried to the same cell as the host gave
   * it (`=B5*2`); `value` holds its last value. Only user blocks (`PlanBlock.user`) have one.
   */
  readonly userFormula?: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
}

/** A rectangle of cells written in one call (row-major, all rows the same length; `null` = leave empty). */
export interface PlanBlock {
  readonly id: string;
  readonly row: number;
  readonly col: number;
  readonly cells: readonly (readonly (PlanCell | null)[])[];
  /**
   * Cells the user wrote on the previous scorecard, carried over where they were: written after
   * the scorecard's own blocks, each on its own (they may lie far from the scorecard).
   */
  readonly user?: boolean;
}

export interface StatusRule {
  /** The status column's range on the scorecard sheet. */
  readonly range: LocalRef;
  readonly colors: Readonly<Record<'green' | 'amber' | 'red', { readonly fill: string; readonly font: string }>>;
}

export interface TrendPicture {
  readonly kpi: string;
  /** The cell the picture belongs in (Sheets writes a SPARKLINE there; Excel anchors a chart). */
  readonly cell: LocalRef;
  /** The values it draws, oldest first (a row of cells on the scorecard sheet). */
  readonly source: LocalRef;
  /** The cached values of the source, for hosts without a formula engine (HTML report, preview). */
  readonly values: readonly (number | '')[];
  readonly labels: readonly string[];
}

/** A rectangle of a sheet, 1-based: [row, column, rows, columns]. */
export type Area = readonly [number, number, number, number];

/**
 * What a host writes on the scorecard sheet so that regeneration finds it (Excel: worksheet custom
 * property; Sheets: DeveloperMetadata; the CLI's .xlsx: defined names). Everything but `key`,
 * `version`, `kpis` and `targetCells` is optional: scorecards written before carry only those.
 */
export interface PlanMarker {
  readonly key: 'service-kpi.scorecard';
  readonly version: 1;
  readonly kpis: readonly string[];
  /** Target cells by KPI id, so regeneration can read back targets the manager typed. */
  readonly targetCells: Readonly<Record<string, LocalRef>>;
  /** The reporting-date input cell (blank: automatic). */
  readonly reportingDateCell?: LocalRef;
  /** Other input cells by key (a reporting date …): what the manager types there is read back too. */
  readonly inputCells?: Readonly<Record<string, LocalRef>>;
  /**
   * What was written in those input cells and the settings value asked for then ('' = blank), so a
   * regeneration can tell a value the manager typed on the sheet from one the settings changed.
   */
  readonly inputValues?: Readonly<Record<string, { readonly written: string; readonly asked: string }>>;
  /** The rectangles the add-on wrote; every other cell of the sheet is the user's and is kept. */
  readonly areas?: readonly Area[];
  /** The rows of "Your notes" (the cell each entry was in, and its content), kept as entries. */
  readonly notes?: LocalRef;
  /** The sheet name the scorecard was asked for (options.sheetName): a renamed sheet is still found. */
  readonly wanted?: string;
}

export interface ScorecardPlan {
  readonly dialect: Dialect;
  readonly sheetName: string;
  /**
   * When set, the previous scorecard (only ever a sheet carrying our marker) that the new sheet
   * replaces: the host builds the new sheet under a temporary name, then deletes this one, then
   * gives the new sheet its name (`sheetName`); on a failure before that, this sheet is intact.
   */
  readonly replaces?: string;
  readonly blocks: readonly PlanBlock[];
  /** Column widths in pixels by 1-based column. */
  readonly columnWidths: Readonly<Record<number, number>>;
  readonly frozenRows: number;
  readonly frozenCols: number;
  readonly statusRules: readonly StatusRule[];
  readonly trends: readonly TrendPicture[];
  /** Ranges with data bars (the CLI's .xlsx trend picture). */
  readonly dataBars: readonly LocalRef[];
  /** Columns hidden from view (helper blocks). */
  readonly hiddenColumns: readonly number[];
  readonly marker: PlanMarker;
  /** Messages for the manager (KPIs skipped and why, values written as values in portable mode …). */
  readonly notes: readonly string[];
  /** One summary row per KPI, for the CLI's JSON/table/HTML and the sidebar's result message. */
  readonly summary: readonly KpiSummary[];
}

export interface KpiSummary {
  readonly id: string;
  readonly kpi: string;
  readonly name: string;
  readonly perspective: Perspective;
  /** The group of rows it is shown in (definition.ts SECTIONS); `contact` has a heading of its own. */
  readonly section?: 'strategic' | 'operational' | 'contact' | 'brand';
  readonly value: number | string | '';
  readonly previous: number | string | '';
  readonly baseline: number | string | '';
  readonly target: number | null;
  readonly direction: 'higher' | 'lower';
  /**
   * `too-few`: the actual's period has fewer answers or tickets than the minimum (n says how many);
   * `to-date`: the actual's period is the data's only one and still running (shown as far as it goes, no colour).
   */
  readonly status: 'green' | 'amber' | 'red' | 'too-few' | 'to-date' | '';
  /** The actual's period label (`2026-10`), '' when none. */
  readonly period: string;
  /** With status `too-few`: the answers or tickets the period holds (fewer than the minimum). */
  readonly tooFew?: number;
  /** The actual's period is the data's only one and still running: its figures so far ("to date"). */
  readonly toDate?: boolean;
  readonly unit: string;
  readonly n?: number;
  readonly ciLow?: number;
  readonly ciHigh?: number;
  readonly trend: readonly (number | '')[];
  readonly trendLabels: readonly string[];
  readonly definition: string;
  /** A table KPI's cached table (time by status, brand attributes): its header row first, a number format per column. */
  readonly table?: { readonly rows: readonly (readonly (number | string | boolean)[])[]; readonly formats: readonly string[] };
}

// ------------------------------------------------------------------ the host bridge

export interface GenerateRequest {
  readonly roles: readonly RoleAssignment[];
  readonly targets: Readonly<Record<string, KpiTarget>>;
  readonly options: ScorecardOptions;
}

export interface GenerateResult {
  readonly sheetName: string;
  readonly kpis: number;
  readonly notes: readonly string[];
  readonly summary: readonly KpiSummary[];
}

/**
 * The only way the sidebar talks to its host. Each host reads the data the plan needs, builds the
 * plan with the core (`buildPlan`) and applies it in as few calls as it can.
 */
export interface HostBridge {
  readonly host: 'excel' | 'sheets' | 'memory';
  /** The host UI language ("de" for German hosts, else "en"). */
  language(): Promise<'en' | 'de'>;
  readOutline(): Promise<WorkbookOutline>;
  readSettings(): Promise<StoredSettings | null>;
  writeSettings(settings: StoredSettings): Promise<void>;
  generate(request: GenerateRequest, onProgress?: (step: string, fraction: number) => void): Promise<GenerateResult>;
}
