/** The bundled sample (examples/generate.ts) as WorkbookData, small enough for quick tests. */
import { generateSample, sheetsOf } from '../../examples/generate.js';
import type { SheetData, WorkbookData } from '../../core/scorecard/types.js';

export function sampleWorkbook(extra: readonly SheetData[] = []): WorkbookData {
  const data = generateSample(20251201, { survey: 240, tickets: 360, orders: 240 });
  const sheets: SheetData[] = sheetsOf(data).map((s) => ({
    name: s.name,
    originRow: 1,
    originCol: 1,
    values: [s.columns.map((c) => c.header), ...s.rows.map((row) => row.map((v) => (v === null ? '' : v)))],
  }));
  // The sample's Dates carry the wall clock in their UTC fields.
  return { timeZone: 'UTC', sheets: [...sheets, ...extra] };
}
