/**
 * Apps Script stops a custom function after 30 seconds ("Custom function runtime: 30 sec /
 * execution", Quotas for Google Services). From the throughput of the built Sheets functions on the
 * largest range measured (1,048,576 rows), the rows that fit in 30 s: first for the computation
 * alone, then with the ASSUMED cost of handing each cell to the function (1 µs a cell, the Apps
 * Script fakes' figure; Google documents none, and Sheets' own transfer cannot be measured here).
 * A spreadsheet holds at most 10 million cells, which caps any range.
 */
import type { Check } from './report.js';
import { ms, rowsLabel } from './report.js';
import { excelInputs, rawColumns } from './data.js';
import { CASES } from './throughput.js';
import type { ThroughputRow } from './throughput.js';

export const CUSTOM_FUNCTION_MS = 30_000;
/** ASSUMED, as in test/helpers/apps-script-fakes.ts (ASSUMED_COST.perCellMs). */
export const ASSUMED_MS_PER_CELL = 0.001;
/** Sheets' cap: 10 million cells in a spreadsheet (support.google.com/drive/answer/37603). */
export const SPREADSHEET_CELLS = 10_000_000;

/** Cells a row hands to a benchmarked function: the columns of its range arguments (any spread ones too). */
export function cellsPerRow(kpi: string): number | undefined {
  const c = CASES.find((x) => x.kpi === kpi);
  if (!c) return undefined;
  const rows = 8;
  const grids = (xs: readonly unknown[]): unknown[][][] => xs.flatMap((a) => {
    if (!Array.isArray(a)) return [];
    // A range: rows of cells; the repeating part of an Excel call: an array of ranges.
    return Array.isArray(a[0]) && Array.isArray(a[0][0]) ? (a as unknown[][][]) : [a as unknown[][]];
  });
  return grids(c.args(excelInputs(rawColumns(rows)))).filter((g) => g.length >= rows).reduce((n, g) => n + (g[0]?.length ?? 0), 0);
}

export interface FitRow {
  readonly kpi: string;
  readonly rows: number;
  readonly ms: number;
  /** Rows that fit in 30 s: computation alone, and with the assumed transfer cost. */
  readonly computeRows: number;
  readonly withTransferRows: number;
  /** The most rows a spreadsheet can hold for this function's ranges. */
  readonly capRows: number;
}

export function customFunctionFit(throughput: readonly ThroughputRow[]): FitRow[] {
  const sheets = throughput.filter((r) => r.host === 'sheets');
  const largest = Math.max(0, ...sheets.map((r) => r.rows));
  return sheets.filter((r) => r.rows === largest && (cellsPerRow(r.kpi) ?? 0) > 0).map((r) => {
    const cells = cellsPerRow(r.kpi)!;
    const perRow = r.oursMs / r.rows;
    return {
      kpi: r.kpi,
      rows: r.rows,
      ms: r.oursMs,
      computeRows: Math.floor(CUSTOM_FUNCTION_MS / perRow),
      withTransferRows: Math.floor(CUSTOM_FUNCTION_MS / (perRow + cells * ASSUMED_MS_PER_CELL)),
      capRows: Math.floor(SPREADSHEET_CELLS / cells),
    };
  });
}

const n = (x: number): string => (x >= 1e6 ? `${(x / 1e6).toFixed(1)} M` : x.toLocaleString('en'));

export function fitLines(fit: readonly FitRow[]): [string, string][] {
  return fit.map((f) => [
    `${f.kpi} (Sheets, ${rowsLabel(f.rows)} rows: ${ms(f.ms)})`,
    `${n(f.computeRows)} rows in 30 s computing; ${n(f.withTransferRows)} with 1 µs a cell to hand over; a spreadsheet holds at most ${n(f.capRows)}`,
  ]);
}

export function fitChecks(fit: readonly FitRow[]): Check[] {
  return fit.map((f) => ({
    section: 'custom function 30 s',
    figure: `${f.kpi}: rows within 30 s (assumed transfer)`,
    measured: n(f.withTransferRows),
    target: `≥ ${rowsLabel(f.rows)} (the largest range measured)`,
    met: f.withTransferRows >= f.rows,
  }));
}
