/**
 * The declarative scorecard sheet: one plan for every dialect (Excel add-in, Sheets add-on, the
 * CLI's .xlsx), built from the roles, targets and options the sidebar sends and the workbook's data.
 *
 * Layout (1-based rows and columns):
 * - rows 1–3: title, subtitle, a line on the mode (live or portable); row 4: the header (frozen);
 *   from row 5 one row per KPI: Perspective | KPI | Actual | Previous | Baseline | Unit | Target
 *   (input) | Direction | Variance | Status | Trend | n | CI low | CI high | Definition | the last 12
 *   periods' values (oldest first; the trend's source).
 * - below the KPI rows: the brand-attributes block (top terms, and the expected attributes with
 *   their mentions), then the columns each KPI reads ("Data used").
 * - to the right, in hidden columns from AC: one helper block per KPI (Period | Rows | Value).
 *   Live: `KPI_BY_PERIOD(kpi, dates, period, args…)`, which spills and grows with the data.
 *   Portable: the periods known at generation (the first, for the baseline, and the latest 12),
 *   each with native formulas over literal date bounds, or values where no native form exists.
 *   Stocks (active issues, backlog age) list the same periods with the stock at each period's end.
 *   Actual, Previous, Baseline, n and the 12 trend cells read the block with INDEX/COUNT, so the
 *   sheet stays live as rows arrive.
 *
 * Every formula is built as an Expr, rendered for the dialect and evaluated on the workbook's data
 * (evaluate.ts) for its cached value; a spilling formula also carries its whole cached spill
 * (`SpillingFormula.spill`) for hosts without a formula engine.
 */
import { contextFor } from '../call.js';
import type { Cell } from '../values/context.js';
import { groupByPeriod } from '../values/periods.js';
import { readNumbers } from '../values/read.js';
import type { BuildPlan, PlanInput } from './api.js';
import { cachedOf, evaluate, workbookEnv } from './evaluate.js';
import type { EvalEnv } from './evaluate.js';
import { dateExpr, fn, formulaText, local, num, op, ours, range, str } from './formula.js';
import { bindKpis, definitionText } from './kpis.js';
import type { BoundKpi, KpiArgs, KpiFacts } from './kpis.js';
import {
  flagCriteria, nativeNpsMoe, nativeOpenNow, nativePeriodValue, nativeReadable, nativeRows, nativeStatus,
  nativeStockValue, nativeWilson, periodBounds,
} from './portable.js';
import type { FlagCriteria, NativeInput, NativeKind, PeriodBounds } from './portable.js';
import { chooseSheetName } from './sheet-name.js';
import type {
  Dialect, Expr, KpiSummary, LocalRef, PlanBlock, PlanCell, PlanFormula, RangeRef, Role, RoleAssignment,
  ScorecardOptions, ScorecardPlan, SheetOutline, StatusRule, TrendPicture,
} from './types.js';

// ------------------------------------------------------------------ layout

export const TITLE_ROW = 1;
export const HEADER_ROW = 4;
export const FIRST_KPI_ROW = 5;

export const COL = {
  perspective: 1, kpi: 2, actual: 3, previous: 4, baseline: 5, unit: 6, target: 7, direction: 8, variance: 9,
  status: 10, trend: 11, n: 12, ciLow: 13, ciHigh: 14, definition: 15, trendFirst: 16,
} as const;
export const TREND_PERIODS = 12;
export const TREND_LAST = COL.trendFirst + TREND_PERIODS - 1;
/** First helper column (AC): one empty column after the trend values. */
export const HELPER_FIRST = TREND_LAST + 2;

/** Rows a live helper block may spill into: generous for years of data, at least twice today's periods. */
const SPILL_ROWS: Readonly<Record<ScorecardOptions['period'], number>> = { week: 1100, month: 360, quarter: 120, year: 50 };

export const STATUS_COLORS: StatusRule['colors'] = {
  green: { fill: '#C6EFCE', font: '#006100' },
  amber: { fill: '#FFEB9C', font: '#9C5700' },
  red: { fill: '#FFC7CE', font: '#9C0006' },
};

export const NUMBER_FORMATS: Readonly<Record<BoundKpi['kpi']['info']['unit'], string>> = {
  share: '0.0%', points: '0', hours: '0.0" h"', money: '#,##0.00', count: '0', number: '0.0',
};

const COLUMN_WIDTHS: Readonly<Record<number, number>> = {
  1: 100, 2: 230, 3: 90, 4: 90, 5: 90, 6: 70, 7: 90, 8: 80, 9: 90, 10: 80, 11: 150, 12: 60, 13: 80, 14: 80, 15: 460,
};

/** A formula that spills (KPI_BY_PERIOD, BRAND_ATTRIBUTES): its cached top-left and the whole cached table. */
export interface SpillingFormula extends PlanFormula {
  readonly spill: readonly (readonly Cell[])[];
}

// ------------------------------------------------------------------ texts

type Lang = 'en' | 'de';

const TEXT = {
  en: {
    title: 'Customer service scorecard',
    subtitle: (p: string) => `Actual: the latest ${p} in the data · Previous: the ${p} before · Baseline: the first ${p} · Targets (yellow) are yours to edit`,
    live: 'Live: formulas over your data, updated as rows arrive (needs the Service KPI add-in).',
    portable: 'Portable: native spreadsheet formulas for the periods known when it was generated; regenerate for new periods.',
    headers: ['Perspective', 'KPI', 'Actual', 'Previous', 'Baseline', 'Unit', 'Target', 'Direction', 'Variance', 'Status', 'Trend', 'n', 'CI low', 'CI high', 'Definition'],
    perspective: { strategic: 'Strategic', operational: 'Operational' },
    direction: { higher: 'higher', lower: 'lower' },
    unit: { share: '%', points: 'points', hours: 'hours', count: 'count', money: 'amount', number: 'number' },
    brand: 'Brand attributes: the words customers use most in comments',
    expected: 'Expected attributes',
    sources: 'Data used',
    sourceHeaders: ['Role', 'Sheet', 'Column'],
    values: 'written as values (no native formula); regenerate to update',
    periodNames: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    renamed: (wanted: string, name: string) => `A sheet named "${wanted}" already exists and is not a scorecard of ours: it is left as it is, the scorecard goes to "${name}".`,
    replaced: (name: string) => `Replaced the previous scorecard "${name}".`,
    keptTargets: (names: string) => `Kept the targets typed on the previous scorecard: ${names}.`,
    missing: (name: string, roles: string) => `${name}: not shown, it needs columns for ${roles}.`,
    noSheet: (name: string, sheet: string) => `${name}: not shown, the sheet "${sheet}" has no data table.`,
    asValues: (names: string) => `Portable mode: ${names} written as values (no native formula); regenerate to update them.`,
    textData: (names: string) => `Portable mode: ${names} written as values because their columns hold text that native formulas cannot read (dates or numbers stored as text, or unusual yes/no words); with real date and number cells they get formulas. Regenerate to update them.`,
    problem: (name: string, message: string) => `${name}: ${message}`,
  },
  de: {
    title: 'Kundenservice-Scorecard',
    subtitle: (p: string) => `Ist: ${p} mit den neuesten Daten · Vorperiode: ${p} davor · Basiswert: erster ${p} · Ziele (gelb) können Sie ändern`,
    live: 'Live: Formeln über Ihre Daten, aktualisiert mit jeder neuen Zeile (braucht das Add-in Service KPI).',
    portable: 'Portabel: normale Tabellenformeln für die beim Erstellen bekannten Zeiträume; für neue Zeiträume neu erstellen.',
    headers: ['Perspektive', 'Kennzahl', 'Ist', 'Vorperiode', 'Basiswert', 'Einheit', 'Ziel', 'Richtung', 'Abweichung', 'Status', 'Verlauf', 'n', 'KI unten', 'KI oben', 'Definition'],
    perspective: { strategic: 'Strategisch', operational: 'Operativ' },
    direction: { higher: 'höher', lower: 'niedriger' },
    unit: { share: '%', points: 'Punkte', hours: 'Stunden', count: 'Anzahl', money: 'Betrag', number: 'Zahl' },
    brand: 'Markenattribute: die Wörter, die Kunden in Kommentaren am häufigsten verwenden',
    expected: 'Erwartete Attribute',
    sources: 'Verwendete Daten',
    sourceHeaders: ['Rolle', 'Blatt', 'Spalte'],
    values: 'als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen',
    periodNames: { week: 'Woche', month: 'Monat', quarter: 'Quartal', year: 'Jahr' },
    renamed: (wanted: string, name: string) => `Ein Blatt „${wanted}“ gibt es schon, und es ist keine Scorecard von uns: Es bleibt unverändert, die Scorecard kommt auf „${name}“.`,
    replaced: (name: string) => `Die bisherige Scorecard „${name}“ wurde ersetzt.`,
    keptTargets: (names: string) => `Die auf der bisherigen Scorecard eingetragenen Ziele wurden übernommen: ${names}.`,
    missing: (name: string, roles: string) => `${name}: nicht angezeigt, dafür fehlen Spalten für ${roles}.`,
    noSheet: (name: string, sheet: string) => `${name}: nicht angezeigt, das Blatt „${sheet}“ hat keine Datentabelle.`,
    asValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen.`,
    textData: (names: string) => `Portabler Modus: ${names} als Werte geschrieben, weil ihre Spalten Text enthalten, den normale Formeln nicht lesen (Datums- oder Zahlenwerte als Text, ungewöhnliche Ja/Nein-Wörter); mit echten Datums- und Zahlenzellen gibt es Formeln. Zum Aktualisieren neu erstellen.`,
    problem: (name: string, message: string) => `${name}: ${message}`,
  },
} as const;

// ------------------------------------------------------------------ the sheet model

/** Cells of the scorecard sheet as they are planned, with cached values for local references. */
class SheetModel {
  private readonly cells = new Map<number, PlanCell>();
  private readonly values = new Map<number, Cell>();
  private static key(row: number, col: number): number {
    return row * 20_000 + col;
  }
  put(row: number, col: number, cell: PlanCell): void {
    const k = SheetModel.key(row, col);
    this.cells.set(k, cell);
    const v = cell.formula ? cell.formula.cached : cell.value;
    if (v === undefined) this.values.delete(k);
    else this.values.set(k, v);
  }
  /** Cached values a spilling formula puts beside and below its own cell. */
  spill(row: number, col: number, table: readonly (readonly Cell[])[]): void {
    for (let r = 0; r < table.length; r++) {
      for (let c = 0; c < table[r].length; c++) if (r > 0 || c > 0) this.values.set(SheetModel.key(row + r, col + c), table[r][c]);
    }
  }
  cell(row: number, col: number): PlanCell | undefined {
    return this.cells.get(SheetModel.key(row, col));
  }
  value(row: number, col: number): Cell | null {
    return this.values.get(SheetModel.key(row, col)) ?? null;
  }
  read(ref: LocalRef): (Cell | null)[][] {
    const out: (Cell | null)[][] = [];
    for (let r = 0; r < (ref.rows ?? 1); r++) {
      const row: (Cell | null)[] = [];
      for (let c = 0; c < (ref.cols ?? 1); c++) row.push(this.value(ref.row + r, ref.col + c));
      out.push(row);
    }
    return out;
  }
  /** A rectangle of planned cells as a block (null where nothing is planned). */
  block(id: string, row: number, col: number, rows: number, cols: number): PlanBlock {
    const cells: (PlanCell | null)[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: (PlanCell | null)[] = [];
      for (let c = 0; c < cols; c++) line.push(this.cell(row + r, col + c) ?? null);
      cells.push(line);
    }
    return { id, row, col, cells };
  }
}

// ------------------------------------------------------------------ helpers

/**
 * Column names a structured reference can name without escapes: `[ ] # '` need `'`-escapes and `@`
 * means "this row"; a table with such a column (or a blank or space-padded one) gets bounded A1 ranges.
 */
function structuredSafe(column: string): boolean {
  return column.trim() !== '' && column === column.trim() && !/[[\]#'@]/.test(column);
}

/** Rows a data range covers in a dialect: open-ended (Sheets), the table (Excel), or bounded a little beyond the data. */
export function dataRange(sheet: SheetOutline, column: number, dialect: Dialect): RangeRef {
  const firstRow = sheet.headerRow + 1;
  const base = { sheet: sheet.name, firstRow, firstCol: column, lastCol: column };
  if (dialect === 'sheets') return { ...base, lastRow: null };
  const tableColumn = sheet.table?.columns[column - sheet.firstCol];
  // All of a table's columns or none: a KPI's ranges must keep the same rows as the table grows.
  if (dialect === 'excel' && sheet.table && tableColumn !== undefined && sheet.table.columns.every(structuredSafe)) {
    return { ...base, lastRow: Math.max(sheet.lastRow, sheet.headerRow), table: { name: sheet.table.name, column: tableColumn } };
  }
  const last = Math.max(sheet.lastRow, sheet.headerRow);
  return { ...base, lastRow: last + Math.max(1000, Math.ceil(sheet.rowCount * 0.2)) };
}

/** The first period (baseline) and the latest 12, as indices into the list of periods. */
export function listedPeriods(count: number): number[] {
  const out: number[] = [];
  if (count === 0) return out;
  out.push(0);
  for (let i = Math.max(1, count - TREND_PERIODS); i < count; i++) out.push(i);
  return out;
}

const ROLE_KIND: Partial<Record<Role, NativeKind | 'flag'>> = {
  surveyDate: 'date', ticketOpened: 'date', firstResponse: 'date', ticketResolved: 'date', orderDate: 'date', periodDate: 'date',
  npsScore: 'score', satisfaction: 'rating',
  converted: 'flag', firstContactResolved: 'flag', reopened: 'flag', complaint: 'flag',
  orderAmount: 'number', orderProfit: 'number', unitsSold: 'number', unitsReturned: 'number',
  customersStart: 'number', customersEnd: 'number', customersNew: 'number', customersLost: 'number',
  headcountStart: 'number', headcountEnd: 'number', separations: 'number', hires: 'number',
  cashIn: 'number', cashOut: 'number', competitorNps: 'number',
};

/** Why a portable KPI is written as values: it has no native form, or its data is text a native formula cannot read. */
type ValueReason = false | 'form' | 'text';

interface Period {
  readonly label: string;
  readonly bounds: PeriodBounds;
  /** Indices into the date range's rows. */
  readonly rows: readonly number[];
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

// ------------------------------------------------------------------ the plan

export const buildPlan: BuildPlan = (input) => new Planner(input).plan();

class Planner {
  private readonly model = new SheetModel();
  private readonly env: EvalEnv;
  private readonly options: ScorecardOptions;
  private readonly lang: Lang;
  private readonly t: (typeof TEXT)[Lang];
  private readonly dialect: Dialect;
  private readonly portable: boolean;
  private readonly notes: string[] = [];
  private readonly problems: string[] = [];
  /** KPIs written as values in portable mode: no native form at all, or data native formulas cannot read. */
  private readonly valueKpis: string[] = [];
  private readonly textDataKpis: string[] = [];
  private readonly blocks: PlanBlock[] = [];
  private readonly hidden: number[] = [];
  private readonly summary: KpiSummary[] = [];
  private readonly trends: TrendPicture[] = [];
  private readonly dataBars: LocalRef[] = [];
  private readonly readable = new Map<string, boolean>();
  private readonly flagCache = new Map<string, FlagCriteria | undefined>();
  private readonly numberCache = new Map<string, Float64Array | undefined>();
  /** Period and Rows columns of each KPI with a trend, in row order (for the trend header). */
  private readonly trendSources: { P: LocalRef; N: LocalRef }[] = [];
  /** Period and Rows columns of each KPI with a trend, in row order (for the trend header). */
  private nextHelperCol = HELPER_FIRST;

  constructor(private readonly input: PlanInput) {
    this.options = input.request.options;
    this.lang = this.options.language === 'de' ? 'de' : 'en';
    this.t = TEXT[this.lang];
    this.dialect = input.dialect;
    this.portable = this.options.portable;
    this.env = workbookEnv(input.data, (ref) => this.model.read(ref));
  }

  // -------------------------------------------------------------- cells

  /** Puts a formula cell and returns its formula (with the message of an error, if any). */
  private putFormula(row: number, col: number, expr: Expr, extra: Omit<PlanCell, 'formula'> = {}): { formula: PlanFormula; message?: string } {
    const v = evaluate(expr, this.env);
    const c = cachedOf(v);
    const base: PlanFormula = { expr, text: formulaText(expr, this.dialect), cached: c.cached };
    const formula = c.spill ? ({ ...base, spill: c.spill } as SpillingFormula) : base;
    this.model.put(row, col, { ...extra, formula });
    if (c.spill) this.model.spill(row, col, c.spill);
    return { formula, message: c.message };
  }

  private putValue(row: number, col: number, value: Cell | undefined, extra: Omit<PlanCell, 'value'> = {}): void {
    this.model.put(row, col, value === undefined ? { ...extra } : { ...extra, value });
  }

  // -------------------------------------------------------------- data

  private sheetOf(name: string): SheetOutline | undefined {
    return this.input.outline.sheets.find((s) => s.name === name);
  }

  private rangeOf(a: RoleAssignment): RangeRef | undefined {
    const sheet = this.sheetOf(a.sheet);
    return sheet ? dataRange(sheet, a.column, this.dialect) : undefined;
  }

  private raw(ref: RangeRef): readonly (readonly unknown[])[] {
    return this.env.range(ref).raw;
  }

  private refKey(ref: RangeRef): string {
    return this.env.range(ref).key;
  }

  private nativeOk(ref: RangeRef, kind: NativeKind, scale = 5): boolean {
    const k = `${this.refKey(ref)}|${kind}|${scale}`;
    let ok = this.readable.get(k);
    if (ok === undefined) {
      ok = nativeReadable(this.raw(ref), kind, scale);
      this.readable.set(k, ok);
    }
    return ok;
  }

  private flags(ref: RangeRef): FlagCriteria | undefined {
    const k = this.refKey(ref);
    if (!this.flagCache.has(k)) this.flagCache.set(k, flagCriteria(this.raw(ref)));
    return this.flagCache.get(k);
  }

  /** Numbers of a range as the core reads them (NaN for blanks); undefined when the core rejects a cell. Read once per range. */
  private numbers(ref: RangeRef): Float64Array | undefined {
    const k = this.refKey(ref);
    if (!this.numberCache.has(k)) {
      let values: Float64Array | undefined;
      try {
        values = readNumbers(contextFor('KPI_BY_PERIOD', this.env.clock), this.raw(ref)).values;
      } catch {
        values = undefined;
      }
      this.numberCache.set(k, values);
    }
    return this.numberCache.get(k);
  }

  private periods(dates: RangeRef): Period[] {
    const values = this.numbers(dates);
    if (!values) return [];
    const { labels, rows } = groupByPeriod(values, this.options.period);
    return labels.map((label, i) => ({ label, rows: rows[i], bounds: periodBounds(values[rows[i][0]], this.options.period) }));
  }

  private facts(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>): KpiFacts {
    let csatScale = 5;
    const sat = ranges.get('satisfaction');
    if (bound.kpi.info.id === 'csat' && sat) {
      const v = this.numbers(sat);
      let max = 0;
      if (v) for (let i = 0; i < v.length; i++) if (v[i] > max) max = v[i];
      csatScale = max <= 5 ? 5 : max <= 7 ? 7 : max <= 10 ? 10 : 100;
    }
    return { csatScale };
  }

  // -------------------------------------------------------------- plan

  plan(): ScorecardPlan {
    const { request, existing, outline } = this.input;
    const t = this.t;
    const choice = chooseSheetName(this.options.sheetName || (this.lang === 'de' ? 'KPI-Scorecard' : 'KPI Scorecard'), existing, outline.sheetNames);
    if (choice.renamed && !choice.replaces) this.notes.push(t.renamed(this.options.sheetName, choice.name));
    if (choice.replaces) this.notes.push(t.replaced(choice.replaces));

    const { bound, missing } = bindKpis(request.roles);
    for (const m of missing) {
      if (request.targets[m.kpi.info.id]?.enabled) this.notes.push(t.missing(m.kpi.info.name[this.lang], m.missing.join(', ')));
    }
    const enabled: { bound: BoundKpi; ranges: Map<Role, RangeRef> }[] = [];
    for (const b of bound) {
      if (request.targets[b.kpi.info.id]?.enabled === false) continue;
      const ranges = new Map<Role, RangeRef>();
      let lacking: string | undefined;
      for (const [role, a] of b.columns) {
        const r = this.rangeOf(a);
        if (r) ranges.set(role, r);
        else lacking = a.sheet;
      }
      if (lacking !== undefined) {
        this.notes.push(t.noSheet(b.kpi.info.name[this.lang], lacking));
        continue;
      }
      enabled.push({ bound: b, ranges });
    }

    const rows = enabled.filter((e) => e.bound.kpi.shape !== 'brand');
    const brand = enabled.find((e) => e.bound.kpi.shape === 'brand');
    const kept: string[] = [];
    const targetCells: Record<string, LocalRef> = {};
    let npsActual: LocalRef | undefined;

    rows.forEach((e, i) => {
      const row = FIRST_KPI_ROW + i;
      const id = e.bound.kpi.info.id;
      targetCells[id] = { row, col: COL.target };
      const typed = choice.targets?.[id];
      if (typeof typed === 'number' && Number.isFinite(typed)) kept.push(e.bound.kpi.info.name[this.lang]);
      this.kpiRow(e.bound, e.ranges, row, typed, npsActual);
      if (id === 'nps') npsActual = { row, col: COL.actual };
    });
    if (kept.length > 0) this.notes.push(t.keptTargets(kept.join(', ')));

    let nextRow = FIRST_KPI_ROW + rows.length + 1;
    if (brand) nextRow = this.brandBlock(brand.bound, brand.ranges, nextRow) + 1;
    this.sourcesBlock(enabled.map((e) => e.bound), nextRow);

    this.titleAndHeader(rows.length);
    if (this.valueKpis.length > 0) this.notes.push(t.asValues(this.valueKpis.join(', ')));
    if (this.textDataKpis.length > 0) this.notes.push(t.textData(this.textDataKpis.join(', ')));
    this.notes.push(...this.problems);

    const kpiCount = rows.length;
    if (kpiCount > 0) this.blocks.push(this.model.block('kpis', FIRST_KPI_ROW, 1, kpiCount, TREND_LAST));

    const widths: Record<number, number> = { ...COLUMN_WIDTHS };
    for (let c = COL.trendFirst; c <= TREND_LAST; c++) widths[c] = 70;
    for (const c of this.hidden) widths[c] = 90;

    const statusRules: StatusRule[] = kpiCount > 0
      ? [{ range: { row: FIRST_KPI_ROW, col: COL.status, rows: kpiCount, cols: 1 }, colors: STATUS_COLORS }]
      : [];

    return {
      dialect: this.dialect,
      sheetName: choice.name,
      ...(choice.replaces ? { replaces: choice.replaces } : {}),
      blocks: this.blocks,
      columnWidths: widths,
      frozenRows: HEADER_ROW,
      frozenCols: COL.kpi,
      statusRules,
      trends: this.trends,
      dataBars: this.dataBars,
      hiddenColumns: this.hidden,
      marker: {
        key: 'service-kpi.scorecard', version: 1,
        kpis: enabled.map((e) => e.bound.kpi.info.id),
        targetCells,
      },
      notes: this.notes,
      summary: this.summary,
    };
  }

  // -------------------------------------------------------------- title and header

  private titleAndHeader(kpiCount: number): void {
    const t = this.t;
    this.putValue(TITLE_ROW, 1, t.title, { style: 'title' });
    this.putValue(TITLE_ROW + 1, 1, t.subtitle(t.periodNames[this.options.period]), { style: 'subtitle' });
    this.putValue(TITLE_ROW + 2, 1, this.portable ? t.portable : t.live, { style: 'note' });
    this.blocks.unshift(this.model.block('title', TITLE_ROW, 1, 3, 1));
    t.headers.forEach((h, i) => this.putValue(HEADER_ROW, i + 1, h, { style: 'header' }));
    this.trendHeader(kpiCount);
    this.blocks.splice(1, 0, this.model.block('header', HEADER_ROW, 1, 1, TREND_LAST));
  }

  /** Labels over the 12 trend columns (see the comment in the body). */
  private trendHeader(kpiCount: number): void {
    // When every trend shows the same periods, the labels are live formulas reading the first
    // trend's period column; otherwise relative labels (t−11 … t), since each KPI's latest period
    // is its own and the trend pictures carry each KPI's labels.
    const trended = this.trends;
    const first = this.trendSources[0];
    const same = kpiCount > 0 && first !== undefined && trended.length > 0 &&
      trended.every((tp) => tp.labels.length > 0 && JSON.stringify(tp.labels) === JSON.stringify(trended[0].labels));
    for (let k = 0; k < TREND_PERIODS; k++) {
      const offset = TREND_PERIODS - 1 - k;
      const col = COL.trendFirst + k;
      if (same) {
        this.putFormula(HEADER_ROW, col, this.fromEnd(first.P, first.N, offset), { style: 'header' });
      } else {
        this.putValue(HEADER_ROW, col, offset === 0 ? 't' : `t-${offset}`, { style: 'header' });
      }
    }
  }


  // -------------------------------------------------------------- one KPI row

  private argsFor(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, facts: KpiFacts): KpiArgs {
    return {
      range: (role) => {
        const r = ranges.get(role);
        if (!r) throw new Error(`internal: ${bound.kpi.info.id} has no column for ${role}`);
        return range(r);
      },
      has: (role) => ranges.has(role),
      options: this.options,
      facts,
    };
  }

  /** `IF(COUNT(N)>offset, INDEX(col, COUNT(N)-offset), "")`: the value `offset` periods before the latest. */
  private fromEnd(col: LocalRef, N: LocalRef, offset: number, fallback: Expr = str('')): Expr {
    const count = fn('COUNT', { kind: 'local', ref: N });
    const at = offset === 0 ? count : op('-', count, num(offset));
    return fn('IF', op('>', count, num(offset)), fn('INDEX', { kind: 'local', ref: col }, at), fallback);
  }

  private allocHelper(width: number): number {
    const c = this.nextHelperCol;
    this.nextHelperCol += width;
    for (let i = 0; i < width; i++) this.hidden.push(c + i);
    return c;
  }

  private kpiRow(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, row: number, typed: number | null | undefined, npsActual: LocalRef | undefined): void {
    const { kpi } = bound;
    const info = kpi.info;
    const lang = this.lang;
    const t = this.t;
    const name = info.name[lang];
    const fmt = NUMBER_FORMATS[info.unit];
    const requested = this.input.request.targets[info.id];
    let target = requested ? requested.target : info.defaultTarget;
    if (typeof typed === 'number' && Number.isFinite(typed)) {
      // A share typed as 80 into a percent cell (Sheets stores 80, Excel 0.8) means 80 %.
      target = info.unit === 'share' && typed > 1 && typed <= 100 ? typed / 100 : typed;
    }
    const direction = requested?.direction ?? info.direction;
    const facts = this.facts(bound, ranges);
    const args = this.argsFor(bound, ranges, facts);

    this.putValue(row, COL.perspective, t.perspective[info.perspective], { style: 'kpi' });
    this.putValue(row, COL.kpi, name, { style: 'kpi' });
    this.putValue(row, COL.unit, t.unit[info.unit]);
    this.putValue(row, COL.target, target ?? undefined, { style: 'input', numberFormat: fmt });
    this.putValue(row, COL.direction, t.direction[direction]);

    let block: { P: LocalRef; N: LocalRef; V: LocalRef; anchor?: LocalRef } | undefined;
    let asValues: ValueReason = false;
    if (kpi.shape === 'period') {
      const r = this.periodBlock(bound, ranges, args, facts, kpi.fn, info.id);
      block = r.block;
      asValues = r.asValues;
    } else if (kpi.shape === 'stock') {
      const r = this.stockBlock(bound, ranges, args, info.id);
      block = r.block;
      asValues = r.asValues;
    }
    if (asValues === 'form') this.valueKpis.push(name);
    if (asValues === 'text') this.textDataKpis.push(name);

    const A: LocalRef = { row, col: COL.actual };
    const actualExpr: Expr = { kind: 'local', ref: A };
    let actualMessage: string | undefined;
    if (block) {
      const liveAnchor = block.anchor ? { kind: 'local' as const, ref: block.anchor } : str('');
      let actual = this.fromEnd(block.V, block.N, 0, liveAnchor);
      if (info.id === 'activeIssues') {
        // The live count of open tickets now, over all rows.
        const O = args.range('ticketOpened');
        const R = args.range('ticketResolved');
        // Portable with text dates: no native count; the stock at the end of the latest period (a value) stands in.
        actual = this.portable
          ? (this.nativeOk(ranges.get('ticketOpened')!, 'date') && this.nativeOk(ranges.get('ticketResolved')!, 'date') ? nativeOpenNow(O, R) : actual)
          : ours('ACTIVE_ISSUES', O, R);
      }
      actualMessage = this.putFormula(row, COL.actual, actual, { numberFormat: fmt }).message;
      this.putFormula(row, COL.previous, this.fromEnd(block.V, block.N, 1), { numberFormat: fmt });
      const count = fn('COUNT', { kind: 'local', ref: block.N });
      this.putFormula(row, COL.baseline, fn('IF', op('>', count, num(0)), fn('INDEX', { kind: 'local', ref: block.V }, num(1)), str('')), { numberFormat: fmt });
      for (let k = 0; k < TREND_PERIODS; k++) {
        this.putFormula(row, COL.trendFirst + k, this.fromEnd(block.V, block.N, TREND_PERIODS - 1 - k), { numberFormat: fmt });
      }
      if (kpi.showN) this.putFormula(row, COL.n, this.fromEnd(block.N, block.N, 0), { numberFormat: '0' });
    } else if (kpi.shape === 'gap') {
      actualMessage = this.putFormula(row, COL.actual, this.gapExpr(bound, ranges, args, npsActual), { numberFormat: fmt }).message;
    }
    if (actualMessage) this.problems.push(t.problem(name, actualMessage));

    // Confidence interval.
    if (kpi.ci === 'nps' && block) {
      const moe = this.npsMoeBlock(bound, ranges, args, facts);
      if (moe) {
        const count = fn('COUNT', { kind: 'local', ref: moe.N });
        const last = fn('INDEX', { kind: 'local', ref: moe.V }, count);
        const bound2 = (o: '-' | '+'): Expr => fn('IF', op('>', count, num(0)), fn('IFERROR', op(o, actualExpr, last), str('')), str(''));
        this.putFormula(row, COL.ciLow, bound2('-'), { numberFormat: fmt });
        this.putFormula(row, COL.ciHigh, bound2('+'), { numberFormat: fmt });
      }
    } else if (kpi.ci === 'wilson' && block) {
      const n: Expr = { kind: 'local', ref: { row, col: COL.n } };
      this.putFormula(row, COL.ciLow, nativeWilson(actualExpr, n, 'low'), { numberFormat: fmt });
      this.putFormula(row, COL.ciHigh, nativeWilson(actualExpr, n, 'high'), { numberFormat: fmt });
    }

    // Variance and status.
    const T: Expr = { kind: 'local', ref: { row, col: COL.target } };
    const D: Expr = { kind: 'local', ref: { row, col: COL.direction } };
    this.putFormula(row, COL.variance, fn('IF', op('=', actualExpr, str('')), str(''), fn('IF', op('=', T, str('')), str(''), op('-', actualExpr, T))), { numberFormat: fmt });
    const status = this.portable
      ? nativeStatus(actualExpr, T, D, this.options.tolerance)
      : ours('KPI_STATUS', actualExpr, T, D, num(this.options.tolerance));
    this.putFormula(row, COL.status, status);

    // Trend picture.
    const source: LocalRef = { row, col: COL.trendFirst, rows: 1, cols: TREND_PERIODS };
    const trendValues = this.model.read(source)[0].map((v) => (isNumber(v) ? v : ''));
    let labels: string[] = [];
    if (block) {
      const count = this.model.read(block.N).flat().filter(isNumber).length;
      const P = this.model.read(block.P).flat();
      for (let k = 0; k < TREND_PERIODS; k++) {
        const idx = count - (TREND_PERIODS - k);
        labels.push(idx >= 0 ? String(P[idx] ?? '') : '');
      }
      this.trendSources.push({ P: block.P, N: block.N });
      this.trends.push({ kpi: info.id, cell: { row, col: COL.trend }, source, values: trendValues, labels });
      if (this.dialect === 'sheets') this.putFormula(row, COL.trend, fn('SPARKLINE', { kind: 'local', ref: source }));
      if (this.dialect === 'xlsx') this.dataBars.push(source);
    } else labels = [];

    const definition = definitionText(kpi, lang, this.options, facts) + (asValues ? ` (${t.values})` : '');
    this.putValue(row, COL.definition, definition, { style: 'note' });

    const cached = (col: number): number | string | '' => {
      const v = this.model.value(row, col);
      return v === null || typeof v === 'boolean' ? '' : v;
    };
    const numeric = (col: number): number | undefined => {
      const v = this.model.value(row, col);
      return isNumber(v) ? v : undefined;
    };
    const statusValue = this.model.value(row, COL.status);
    const n = numeric(COL.n), ciLow = numeric(COL.ciLow), ciHigh = numeric(COL.ciHigh);
    this.summary.push({
      id: info.id, kpi: info.kpi, name, perspective: info.perspective,
      value: cached(COL.actual), previous: cached(COL.previous), baseline: cached(COL.baseline),
      target: target ?? null, direction,
      status: statusValue === 'green' || statusValue === 'amber' || statusValue === 'red' ? statusValue : '',
      unit: info.unit,
      ...(n !== undefined ? { n } : {}), ...(ciLow !== undefined ? { ciLow } : {}), ...(ciHigh !== undefined ? { ciHigh } : {}),
      trend: block ? trendValues : [], trendLabels: labels,
      definition,
    });
  }

  // -------------------------------------------------------------- helper blocks

  /** The catalog call per period: KPI_BY_PERIOD(kpi, dates, period, args…). */
  private byPeriodExpr(fnName: string, dates: Expr, args: Expr[]): Expr {
    return ours('KPI_BY_PERIOD', str(fnName), dates, str(this.options.period), ...args);
  }

  private periodBlock(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, args: KpiArgs, facts: KpiFacts, fnName: string, id: string):
    { block: { P: LocalRef; N: LocalRef; V: LocalRef; anchor?: LocalRef }; asValues: ValueReason } {
    const dateRole = bound.kpi.dateRole!;
    const D = ranges.get(dateRole)!;
    const live = this.byPeriodExpr(fnName, range(D), bound.kpi.args(args));
    const col = this.allocHelper(3);
    this.putValue(HEADER_ROW - 1, col, id, { style: 'helper' });
    this.blocks.push(this.model.block(`helper-label:${id}`, HEADER_ROW - 1, col, 1, 1));
    if (!this.portable) return { block: this.liveBlock(col, live, `helper:${id}`), asValues: false };

    const native = this.nativeInputFactory(bound, ranges, facts);
    const periods = this.periods(D);
    const listed = listedPeriods(periods.length).map((i) => periods[i]);
    const exprs = native ? listed.map((p) => nativePeriodValue(id, fnName, native(p))) : [];
    const allNative = native !== undefined && exprs.length > 0 && exprs.every((e) => e !== null);
    const dateNative = this.nativeOk(D, 'date');
    let table: Map<string, { rows: Cell; value: Cell }> | undefined;
    if (!allNative) table = this.liveTable(live, bound.kpi.info.name[this.lang]);
    const cells = listed.map((p, i) => ({
      label: p.label,
      rows: dateNative ? { expr: nativeRows(range(D), p.bounds) } : { value: table?.get(p.label)?.rows ?? p.rows.length },
      value: allNative ? { expr: exprs[i]! } : { value: table?.get(p.label)?.value ?? '' },
    }));
    const reason: ValueReason = allNative ? false : native === undefined ? 'text' : 'form';
    return { block: this.fixedBlock(col, `helper:${id}`, cells, NUMBER_FORMATS[bound.kpi.info.unit]), asValues: reason };
  }

  /** A spilling KPI_BY_PERIOD anchor: its own one-cell block; the spill area stays empty for the host. */
  private liveBlock(col: number, expr: Expr, id: string): { P: LocalRef; N: LocalRef; V: LocalRef; anchor: LocalRef } {
    const { formula } = this.putFormula(HEADER_ROW, col, expr, { style: 'helper' });
    this.blocks.push(this.model.block(id, HEADER_ROW, col, 1, 1));
    const spilled = (formula as Partial<SpillingFormula>).spill?.length ?? 0;
    const rows = Math.max(SPILL_ROWS[this.options.period], 2 * spilled + 24);
    return {
      P: { row: HEADER_ROW + 1, col, rows, cols: 1 },
      N: { row: HEADER_ROW + 1, col: col + 1, rows, cols: 1 },
      V: { row: HEADER_ROW + 1, col: col + 2, rows, cols: 1 },
      anchor: { row: HEADER_ROW, col },
    };
  }

  /** The live KPI_BY_PERIOD result by period label (computed once, for values in portable mode). */
  private liveTable(live: Expr, name: string): Map<string, { rows: Cell; value: Cell }> {
    const c = cachedOf(evaluate(live, this.env));
    const out = new Map<string, { rows: Cell; value: Cell }>();
    if (c.spill) for (const r of c.spill.slice(1)) out.set(String(r[0]), { rows: r[1], value: r[2] });
    else if (c.message) this.problems.push(this.t.problem(name, c.message));
    return out;
  }

  /** A block of known periods: header row, then Period | Rows | Value per period (formulas or values). */
  private fixedBlock(col: number, id: string, cells: readonly { label: string; rows: { expr: Expr } | { value: Cell }; value: { expr: Expr } | { value: Cell } }[], fmt: string):
    { P: LocalRef; N: LocalRef; V: LocalRef } {
    ['Period', 'Rows', 'Value'].forEach((h, i) => this.putValue(HEADER_ROW, col + i, h, { style: 'helper' }));
    cells.forEach((c, i) => {
      const row = HEADER_ROW + 1 + i;
      this.putValue(row, col, c.label, { style: 'helper' });
      if ('expr' in c.rows) this.putFormula(row, col + 1, c.rows.expr, { style: 'helper', numberFormat: '0' });
      else this.putValue(row, col + 1, c.rows.value, { style: 'helper', numberFormat: '0' });
      if ('expr' in c.value) this.putFormula(row, col + 2, c.value.expr, { style: 'helper', numberFormat: fmt });
      else this.putValue(row, col + 2, c.value.value, { style: 'helper', numberFormat: fmt });
    });
    const rows = Math.max(1, cells.length);
    this.blocks.push(this.model.block(id, HEADER_ROW, col, cells.length + 1, 3));
    return {
      P: { row: HEADER_ROW + 1, col, rows, cols: 1 },
      N: { row: HEADER_ROW + 1, col: col + 1, rows, cols: 1 },
      V: { row: HEADER_ROW + 1, col: col + 2, rows, cols: 1 },
    };
  }

  /**
   * Per-period inputs for native formulas, or undefined when a column holds something native
   * criteria would read differently from the core (text dates, numeric text, odd flag words).
   */
  private nativeInputFactory(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, facts: KpiFacts): ((p: Period) => NativeInput) | undefined {
    const flags = new Map<Role, FlagCriteria | undefined>();
    for (const [role, ref] of ranges) {
      const kind = ROLE_KIND[role];
      if (!kind) continue;
      if (kind === 'flag') {
        // The monthly complaint variant counts complaints: a number column.
        if (role === 'complaint' && bound.kpi.fn === 'COMPLAINT_RATE') {
          if (!this.nativeOk(ref, 'number')) return undefined;
          continue;
        }
        const f = this.flags(ref);
        if (!f) return undefined;
        flags.set(role, f);
      } else if (!this.nativeOk(ref, kind, facts.csatScale)) return undefined;
    }
    const dateRole = bound.kpi.dateRole!;
    const dates = this.numbers(ranges.get(dateRole)!);
    const stockValues = new Map<Role, Float64Array | undefined>();
    const stockDate = (p: Period, role: Role, which: 'first' | 'last'): number | undefined => {
      if (!dates) return undefined;
      if (!stockValues.has(role)) stockValues.set(role, this.numbers(ranges.get(role)!));
      const v = stockValues.get(role);
      if (!v) return undefined;
      const order = which === 'first' ? p.rows : [...p.rows].reverse();
      const at = order.find((i) => v[i] === v[i]);
      if (at === undefined) return undefined;
      const d = dates[at];
      if (Math.abs(d - Math.round(d)) > 1e-9) return undefined; // a moment: equality would be fragile
      const day = Math.round(d);
      let same = 0;
      for (const i of p.rows) if (v[i] === v[i] && Math.abs(dates[i] - day) < 1e-9) same++;
      return same === 1 ? day : undefined;
    };
    const rangeExpr = (role: Role): Expr => {
      const r = ranges.get(role);
      if (!r) throw new Error(`internal: no column for ${role}`);
      return range(r);
    };
    return (p) => ({
      range: rangeExpr,
      has: (role) => ranges.has(role),
      period: p.bounds,
      options: this.options,
      csatScale: facts.csatScale,
      flags: (role) => flags.get(role),
      stockDate: (role, which) => stockDate(p, role, which),
    });
  }

  /** NPS margin of error by period, for the confidence interval. */
  private npsMoeBlock(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, args: KpiArgs, facts: KpiFacts): { N: LocalRef; V: LocalRef } | undefined {
    const D = ranges.get('surveyDate')!;
    const live = this.byPeriodExpr('NPS_MOE', range(D), [args.range('npsScore')]);
    const col = this.allocHelper(3);
    this.putValue(HEADER_ROW - 1, col, 'nps-moe', { style: 'helper' });
    this.blocks.push(this.model.block('helper-label:nps-moe', HEADER_ROW - 1, col, 1, 1));
    if (!this.portable) return this.liveBlock(col, live, 'helper:nps-moe');
    const native = this.nativeInputFactory(bound, ranges, facts);
    const periods = this.periods(D);
    const listed = listedPeriods(periods.length).map((i) => periods[i]);
    const table = native ? undefined : this.liveTable(live, 'NPS_MOE');
    const dateNative = this.nativeOk(D, 'date');
    const cells = listed.map((p) => ({
      label: p.label,
      rows: dateNative ? { expr: nativeRows(range(D), p.bounds) } : { value: p.rows.length as Cell },
      value: native ? { expr: nativeNpsMoe(native(p)) } : { value: table?.get(p.label)?.value ?? '' },
    }));
    return this.fixedBlock(col, 'helper:nps-moe', cells, NUMBER_FORMATS.points);
  }

  /**
   * Stocks at each period's end (active issues, backlog age): as of 00:00 on the first day of the
   * next period, but never after the end of the latest day in the data (whole days, so the DATE
   * literals and criteria are exact).
   */
  private stockBlock(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, args: KpiArgs, id: string):
    { block: { P: LocalRef; N: LocalRef; V: LocalRef }; asValues: ValueReason } {
    const Oref = ranges.get('ticketOpened')!;
    const Rref = ranges.get('ticketResolved')!;
    const col = this.allocHelper(3);
    this.putValue(HEADER_ROW - 1, col, id, { style: 'helper' });
    this.blocks.push(this.model.block(`helper-label:${id}`, HEADER_ROW - 1, col, 1, 1));
    const periods = this.periods(Oref);
    let latest = -Infinity;
    for (const ref of [Oref, Rref]) {
      const v = this.numbers(ref);
      if (v) for (let i = 0; i < v.length; i++) if (v[i] > latest) latest = v[i];
    }
    const endOfData = Math.floor(latest + 1e-9) + 1;
    const native = this.portable && this.nativeOk(Oref, 'date') && this.nativeOk(Rref, 'date');
    const dateNative = this.nativeOk(Oref, 'date');
    const O = args.range('ticketOpened');
    const R = args.range('ticketResolved');
    const cells = listedPeriods(periods.length).map((i) => {
      const p = periods[i];
      const asOf = Math.min(p.bounds.end, endOfData);
      // No ticket open at that moment is "no data" for the backlog age: "" as KPI_BY_PERIOD shows it
      // (IFNA only catches that; bad data still shows its error).
      const liveExpr = id === 'backlogAge'
        ? fn('IFNA', ours('BACKLOG_AGE', O, R, dateExpr(asOf)), str(''))
        : ours('ACTIVE_ISSUES', O, R, dateExpr(asOf));
      const nativeExpr = native ? nativeStockValue(id, O, R, asOf) : null;
      let value: { expr: Expr } | { value: Cell };
      if (!this.portable) value = { expr: liveExpr };
      else if (nativeExpr) value = { expr: nativeExpr };
      else value = { value: cachedOf(evaluate(liveExpr, this.env)).cached };
      return {
        label: p.label,
        rows: dateNative ? { expr: nativeRows(range(Oref), p.bounds) } : { value: p.rows.length as Cell },
        value,
      };
    });
    const block = this.fixedBlock(col, `helper:${id}`, cells, NUMBER_FORMATS[bound.kpi.info.unit]);
    return { block, asValues: this.portable && !native ? 'text' : false };
  }

  // -------------------------------------------------------------- competitor gap

  private gapExpr(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, args: KpiArgs, npsActual: LocalRef | undefined): Expr {
    const comp = args.range('competitorNps');
    const scores = args.range('npsScore');
    const ourNps: Expr = npsActual ? { kind: 'local', ref: npsActual } : ours('NPS', scores);
    const guard = (e: Expr): Expr => (npsActual ? fn('IF', op('=', ourNps, str('')), str(''), e) : e);
    if (!this.portable) return guard(ours('COMPETITOR_GAP', ourNps, comp));
    const compOk = this.nativeOk(ranges.get('competitorNps')!, 'number');
    if (npsActual && compOk) return guard(op('-', ourNps, fn('AVERAGE', comp)));
    if (!npsActual && compOk && this.nativeOk(ranges.get('npsScore')!, 'score')) {
      const c = (crit: string): Expr => fn('COUNTIFS', scores, str(crit));
      const nps = op('*', op('/', op('-', c('>=9'), c('<=6')), c('>=0')), num(100));
      return fn('IFERROR', op('-', nps, fn('AVERAGE', comp)), str(''));
    }
    // No native form: the value, computed by the core.
    this.textDataKpis.push(bound.kpi.info.name[this.lang]);
    const v = cachedOf(evaluate(ours('COMPETITOR_GAP', ourNps, comp), this.env)).cached;
    return typeof v === 'number' ? num(v) : str(typeof v === 'string' ? v : '');
  }

  // -------------------------------------------------------------- brand attributes

  /** The brand block below the KPI rows; returns the next free row. */
  private brandBlock(bound: BoundKpi, ranges: ReadonlyMap<Role, RangeRef>, top: number): number {
    const t = this.t;
    const comments = range(ranges.get('comment')!);
    this.putValue(top, COL.kpi, t.brand, { style: 'section' });
    this.blocks.push(this.model.block('brand-title', top, COL.kpi, 1, 1));
    const terms = ours('BRAND_ATTRIBUTES', comments, num(10));
    const name = bound.kpi.info.name[this.lang];
    let height = this.spillOrValues('brand:terms', name, top + 1, COL.kpi, terms, 11, 3);

    const attributes = this.options.brandAttributes.filter((a) => a.trim() !== '');
    if (attributes.length > 0) {
      const attrCol = COL.unit;
      this.putValue(top, attrCol, t.expected, { style: 'header' });
      attributes.forEach((a, i) => this.model.put(top + 1 + i, attrCol, { value: a, userText: true, style: 'input' }));
      this.blocks.push(this.model.block('brand:attributes', top, attrCol, attributes.length + 1, 1));
      const expr = ours('BRAND_MATCH', comments, local(top + 1, attrCol, attributes.length, 1));
      height = Math.max(height, this.spillOrValues('brand:match', name, top + 1, attrCol + 1, expr, attributes.length + 1, 3));
    }
    if (this.portable) this.valueKpis.push(bound.kpi.info.name[this.lang]);

    const termsCell = this.model.value(top + 2, COL.kpi);
    this.summary.push({
      id: bound.kpi.info.id, kpi: bound.kpi.info.kpi, name: bound.kpi.info.name[this.lang], perspective: bound.kpi.info.perspective,
      value: typeof termsCell === 'string' || typeof termsCell === 'number' ? termsCell : '',
      previous: '', baseline: '', target: null, direction: bound.kpi.info.direction, status: '', unit: bound.kpi.info.unit,
      trend: [], trendLabels: [], definition: bound.kpi.info.definition[this.lang],
    });
    return top + 1 + height;
  }

  /**
   * A table function: live, a one-cell spilling anchor; portable (text analysis has no native
   * form), its result written as values — the terms are the user's words, so text cells are user
   * text. Returns the rows it takes (at least `minRows`). `name` is what messages call it.
   */
  private spillOrValues(id: string, name: string, row: number, col: number, expr: Expr, minRows: number, cols: number): number {
    if (!this.portable) {
      const { formula, message } = this.putFormula(row, col, expr);
      if (message) this.problems.push(this.t.problem(name, message));
      this.blocks.push(this.model.block(id, row, col, 1, 1));
      return Math.max(minRows, (formula as Partial<SpillingFormula>).spill?.length ?? 1);
    }
    const c = cachedOf(evaluate(expr, this.env));
    const table = c.spill ?? [[c.cached]];
    if (c.message) this.problems.push(this.t.problem(name, c.message));
    table.forEach((line, r) => line.forEach((v, k) => {
      if (r === 0) this.model.put(row, col + k, { value: v, style: 'header' });
      else this.model.put(row + r, col + k, typeof v === 'string' ? { value: v, userText: true } : { value: v, numberFormat: k === 2 ? '0.0%' : '0' });
    }));
    const width = Math.max(cols, ...table.map((l) => l.length));
    this.blocks.push(this.model.block(id, row, col, table.length, width));
    return Math.max(minRows, table.length);
  }

  // -------------------------------------------------------------- data used

  private sourcesBlock(bound: readonly BoundKpi[], top: number): number {
    const t = this.t;
    const seen = new Set<string>();
    const lines: RoleAssignment[] = [];
    for (const b of bound) {
      for (const a of b.columns.values()) {
        const k = `${a.role}\u0000${a.sheet}\u0000${a.column}`;
        if (seen.has(k)) continue;
        seen.add(k);
        lines.push(a);
      }
    }
    if (lines.length === 0) return top;
    this.putValue(top, COL.kpi, t.sources, { style: 'section' });
    t.sourceHeaders.forEach((h, i) => this.putValue(top + 1, COL.kpi + i, h, { style: 'header' }));
    lines.forEach((a, i) => {
      const row = top + 2 + i;
      this.putValue(row, COL.kpi, a.role, { style: 'note' });
      // Sheet names and headers are the user's text: never formulas, neutralised by the host.
      this.model.put(row, COL.kpi + 1, { value: a.sheet, userText: true, style: 'note' });
      this.model.put(row, COL.kpi + 2, { value: a.header, userText: true, style: 'note' });
    });
    this.blocks.push(this.model.block('sources', top, COL.kpi, lines.length + 2, 3));
    return top + 2 + lines.length;
  }
}

/** Every cached value of a plan by `row:col`, spills included (what a sheet would show). */
export function planValues(plan: ScorecardPlan): Map<string, Cell> {
  const out = new Map<string, Cell>();
  for (const b of plan.blocks) {
    b.cells.forEach((line, r) => line.forEach((cell, c) => {
      if (!cell) return;
      const row = b.row + r, col = b.col + c;
      const f = cell.formula as Partial<SpillingFormula> | undefined;
      if (f?.spill) {
        f.spill.forEach((sl, sr) => sl.forEach((v, sc) => out.set(`${row + sr}:${col + sc}`, v)));
      } else if (cell.formula) out.set(`${row}:${col}`, cell.formula.cached);
      else if (cell.value !== undefined) out.set(`${row}:${col}`, cell.value);
    }));
  }
  return out;
}
