/**
 * Where everything sits on the scorecard sheet (1-based rows and columns):
 * - rows 1–3: title (with the reporting date, an input, beside it), subtitle, a line on the mode
 *   (live or portable); row 4: the header (frozen); from row 5 one row per KPI: Perspective | KPI |
 *   Period (the actual's) | Actual | Previous | Baseline | Unit | Target (input) | Direction |
 *   Variance | Status | Trend | n | CI low | CI high | Definition | the 12 periods up to the
 *   reporting period (oldest first; the trend's source).
 * - below the KPI rows: table KPIs (brand attributes), then the columns each KPI reads ("Data used").
 * - to the right, in hidden columns from AD: the periods of each date column (timeline.ts) and the
 *   helper blocks (Period | Rows | Value per listed period).
 */
import type { Cell } from '../../values/context.js';
import type { KpiUnit } from '../definition.js';
import type { Dialect, PlanFormula, RangeRef, ScorecardOptions, SheetOutline, StatusRule } from '../types.js';

export const TITLE_ROW = 1;
export const HEADER_ROW = 4;
export const FIRST_KPI_ROW = 5;

export const COL = {
  perspective: 1, kpi: 2, period: 3, actual: 4, previous: 5, baseline: 6, unit: 7, target: 8, direction: 9, variance: 10,
  status: 11, trend: 12, n: 13, ciLow: 14, ciHigh: 15, definition: 16, trendFirst: 17,
} as const;
export const TREND_PERIODS = 12;
export const TREND_LAST = COL.trendFirst + TREND_PERIODS - 1;
/** First helper column (AD): one empty column after the trend values. */
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
  1: 100, 2: 230, 3: 90, 4: 90, 5: 90, 6: 90, 7: 70, 8: 90, 9: 80, 10: 90, 11: 90, 12: 150, 13: 60, 14: 80, 15: 80, 16: 460,
};

/** The reporting date: an input cell in the title row (blank: automatic), its label to the left. */
export const REPORTING_DATE = { row: TITLE_ROW, col: COL.actual } as const;
export const DATE_FORMAT = 'yyyy-mm-dd';

/**
 * Periods each helper block lists, one per row: the baseline (the first period of the data), then
 * the 13 periods up to the reporting period, oldest first — the 12 of the trend and the one before
 * them (the previous of the oldest).
 */
export const LISTED = 14;
/** 1-based row within a block of the baseline, the first trend period and the reporting period. */
export const BASELINE_AT = 1;
export const TREND_FROM = LISTED - TREND_PERIODS + 1;
export const REPORTING_AT = LISTED;

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
