/**
 * Where everything sits on the scorecard sheet (1-based rows and columns):
 * - rows 1–3: title, subtitle, a line on the mode (live or portable); row 4: the header (frozen);
 *   from row 5 one row per KPI: Perspective | KPI | Actual | Previous | Baseline | Unit | Target
 *   (input) | Direction | Variance | Status | Trend | n | CI low | CI high | Definition | the last 12
 *   periods' values (oldest first; the trend's source).
 * - below the KPI rows: table KPIs (brand attributes), then the columns each KPI reads ("Data used").
 * - to the right, in hidden columns from AC: the helper blocks (Period | Rows | Value per period).
 */
import type { Cell } from '../../values/context.js';
import type { KpiUnit } from '../definition.js';
import type { Dialect, PlanFormula, RangeRef, ScorecardOptions, SheetOutline, StatusRule } from '../types.js';

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
export const SPILL_ROWS: Readonly<Record<ScorecardOptions['period'], number>> = { week: 1100, month: 360, quarter: 120, year: 50 };

export const STATUS_COLORS: StatusRule['colors'] = {
  green: { fill: '#C6EFCE', font: '#006100' },
  amber: { fill: '#FFEB9C', font: '#9C5700' },
  red: { fill: '#FFC7CE', font: '#9C0006' },
};

export const NUMBER_FORMATS: Readonly<Record<KpiUnit, string>> = {
  share: '0.0%', points: '0', hours: '0.0" h"', seconds: '0.0" s"', money: '#,##0.00', count: '0', number: '0.0',
};

export const COLUMN_WIDTHS: Readonly<Record<number, number>> = {
  1: 100, 2: 230, 3: 90, 4: 90, 5: 90, 6: 70, 7: 90, 8: 80, 9: 90, 10: 80, 11: 150, 12: 60, 13: 80, 14: 80, 15: 460,
};

/** A formula that spills (KPI_BY_PERIOD, BRAND_ATTRIBUTES): its cached top-left and the whole cached table. */
export interface SpillingFormula extends PlanFormula {
  readonly spill: readonly (readonly Cell[])[];
}

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
