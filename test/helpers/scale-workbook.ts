/**
 * The big workbook of the hosts' scale tests and benchmark: the sample helpdesk export grown to a
 * 200,000-row ticket sheet (12 columns) and a 50,000-row survey sheet (examples/generate.ts, same
 * seed as everywhere), seeded into each host's fake the way that host holds it — Excel: serials with
 * the columns' number formats, Sheets: Date objects — as dense blocks, so seeding stays cheap.
 */
import { DEFAULT_SEED, generateSample, sheetsOf } from '../../examples/generate.js';
import type { SampleSheet } from '../../examples/generate.js';
import type { FakeSheetInit } from './apps-script-fakes.js';
import { FakeWorkbook } from './excel-fake.js';

export const SCALE_SIZES = { tickets: 200_000, survey: 50_000, orders: 2_000 } as const;

let cached: SampleSheet[] | undefined;

/** The sheets of the big sample (generated once per process, about a second). */
export function scaleSheets(): SampleSheet[] {
  cached ??= sheetsOf(generateSample(DEFAULT_SEED, SCALE_SIZES));
  return cached;
}

const SERIAL_OF_1970 = 25_569;
const serialOf = (d: Date): number => d.getTime() / 86_400_000 + SERIAL_OF_1970;

/** The sheets in a fake Excel workbook: header row, then rows of serials, numbers, text, blanks. */
export function excelScaleWorkbook(sheets: readonly SampleSheet[] = scaleSheets(), wb = new FakeWorkbook()): FakeWorkbook {
  for (const s of sheets) {
    const rows: unknown[][] = [s.columns.map((c) => c.header)];
    for (const row of s.rows) rows.push(row.map((v) => (v instanceof Date ? serialOf(v) : v)));
    wb.addSheet(s.name).fill(0, 0, rows, s.columns.map((c) => c.numFmt));
  }
  return wb;
}

/** The sheets as the Apps Script fakes' initial spreadsheet: header row, then Dates, numbers, text, "". */
export function sheetsScaleInit(sheets: readonly SampleSheet[] = scaleSheets()): FakeSheetInit[] {
  return sheets.map((s) => ({ name: s.name, dense: true, rows: [s.columns.map((c) => c.header), ...s.rows] }));
}

/** "12.3 MB" */
export const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
