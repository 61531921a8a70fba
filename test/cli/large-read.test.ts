/**
 * Large workbooks are read by a faster path (the first rows through exceljs, the rest straight from
 * the sheet XML). Lowering its thresholds runs that path on the sample, which must read exactly
 * what the full exceljs reader reads.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LARGE_READ, readXlsxFile } from '../../cli/read-xlsx.js';
import { SAMPLE } from './helpers.js';

const plain = (v: unknown): unknown => (v instanceof Date ? { date: v.getTime() } : v);

describe('reading a large workbook', () => {
  it('gives the same sheets, values and formats as the full reader when its sheets are cut after 5 rows', async () => {
    const full = await readXlsxFile(SAMPLE, { ...LARGE_READ, sheetsBytes: Infinity });
    const fast = await readXlsxFile(SAMPLE, { sheetsBytes: 0, keptRows: 5, minCutBytes: 0 });
    expect(fast.sheets.map((s) => s.data.name)).toEqual(full.sheets.map((s) => s.data.name));
    for (let i = 0; i < full.sheets.length; i++) {
      const a = full.sheets[i], b = fast.sheets[i];
      expect(b.data.values.length, a.data.name).toBe(a.data.values.length);
      expect(b.data.values.map((r) => r.map(plain)), a.data.name).toEqual(a.data.values.map((r) => r.map(plain)));
      expect(b.formats, a.data.name).toEqual(a.formats);
      expect(b.boldRows, a.data.name).toEqual(a.boldRows);
    }
    expect(path.basename(SAMPLE)).toBe('helpdesk.xlsx');
  });
});
