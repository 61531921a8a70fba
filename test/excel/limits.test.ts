/**
 * Excel on the web's documented limits, as the recording fake enforces them (5 MB per request and
 * per response, 5,000,000 cells per range read; charts at their default size unless given an end
 * cell), and the bridge's reads staying within them: big sheets in row chunks by cell count, one
 * sync per chunk, the outline by a cell budget, refused chunks cut again.
 */
import { describe, expect, it } from 'vitest';
import { CHUNK_CELLS, plannedSyncs, readBlocks, rowsPerChunk } from '../../excel-addin/blocks.js';
import type { BlockReport } from '../../excel-addin/blocks.js';
import { createExcelBridge } from '../../excel-addin/bridge.js';
import type { OfficeEnv } from '../../excel-addin/bridge.js';
import { MIN_OUTLINE_ROWS, OUTLINE_ROWS, outlineRows } from '../../excel-addin/read.js';
import { CHART_DEFAULT, FakeRichApiError, FakeWorkbook, LIMITS, fakeOffice } from '../helpers/excel-fake.js';

/** `Excel.run` with the fake's proxies typed loosely (the fake implements a slice of the API). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyContext = any;
const run = <T>(wb: FakeWorkbook, f: (ctx: AnyContext) => Promise<T>): Promise<T> => wb.excel.run(f as never);

const lastRun = (wb: FakeWorkbook) => wb.runs[wb.runs.length - 1];

/** A column of numbers `rows` long and `cols` wide, seeded as one dense block. */
function numberSheet(wb: FakeWorkbook, name: string, rows: number, cols: number): void {
  const values = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => 46_000 + r / 7 + c));
  wb.addSheet(name).fill(0, 0, values);
}

describe('the fake enforces the documented limits', () => {
  it('refuses a 6 MB write as Excel on the web does, and writes nothing of it', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Big');
    // 2,000 × 30 cells of 100 characters: 6.2 MB of JSON.
    const grid = Array.from({ length: 2000 }, () => Array.from({ length: 30 }, () => 'x'.repeat(100)));
    const attempt = run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem('Big').getRangeByIndexes(0, 0, 2000, 30).formulas = grid;
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    const [failure] = lastRun(wb).failures;
    expect(failure.code).toBe('RequestPayloadSizeLimitExceeded');
    expect(failure.bytes).toBeGreaterThan(6_000_000);
    expect(wb.sheet('Big')!.cells.size).toBe(0);
  });

  it('accepts the same data in writes of 4 MB', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Big');
    const half = Array.from({ length: 1000 }, () => Array.from({ length: 30 }, () => 'x'.repeat(100)));
    await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Big');
      sheet.getRangeByIndexes(0, 0, 1000, 30).formulas = half;
      await ctx.sync();
      sheet.getRangeByIndexes(1000, 0, 1000, 30).formulas = half;
      await ctx.sync();
    });
    expect(lastRun(wb).largestRequest).toBeLessThan(LIMITS.payloadBytes);
    expect(wb.sheet('Big')!.cells.size).toBe(60_000);
  });

  it('refuses a response over 5 MB and delivers none of its values', async () => {
    const wb = new FakeWorkbook();
    numberSheet(wb, 'Data', 40_000, 10);
    let range: AnyContext;
    const attempt = run(wb, async (ctx) => {
      range = ctx.workbook.worksheets.getItem('Data').getRangeByIndexes(0, 0, 40_000, 10).load('values');
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(() => range.values).toThrow(/PropertyNotLoaded/);
    // The same range in two halves is fine.
    await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Data');
      const a = sheet.getRangeByIndexes(0, 0, 20_000, 10).load('values');
      await ctx.sync();
      const b = sheet.getRangeByIndexes(20_000, 0, 20_000, 10).load('values');
      await ctx.sync();
      expect(a.values.length + b.values.length).toBe(40_000);
    });
    expect(lastRun(wb).largestResponse).toBeLessThan(LIMITS.payloadBytes);
  });

  it('refuses to read more than 5,000,000 cells of one range', async () => {
    const wb = new FakeWorkbook();
    wb.addSheet('Wide');
    const attempt = run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem('Wide').getRangeByIndexes(0, 0, 200_001, 26).load('values');
      await ctx.sync();
    });
    await expect(attempt).rejects.toBeInstanceOf(FakeRichApiError);
    await expect(attempt).rejects.toMatchObject({ code: 'RangeExceedsLimit' });
  });

  it('catches the old way: one sync for the whole used range of a 200,000 × 12 sheet', async () => {
    const wb = new FakeWorkbook();
    numberSheet(wb, 'Tickets', 200_001, 12);
    const attempt = run(wb, async (ctx) => {
      ctx.workbook.worksheets.getItem('Tickets').getUsedRange(true).load('values');
      await ctx.sync();
    });
    await expect(attempt).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('gives a new chart Excel\'s default size, and the size of its cells with an end cell', async () => {
    const wb = new FakeWorkbook();
    const sheet = wb.addSheet('Charts');
    sheet.columnWidths.set(3, 80);
    await run(wb, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Charts');
      const source = ws.getRangeByIndexes(0, 0, 1, 3);
      ws.charts.add('Line', source, 'Rows').setPosition(ws.getRangeByIndexes(4, 3, 1, 1));
      const cell = ws.getRangeByIndexes(5, 3, 1, 1);
      ws.charts.add('Line', source, 'Rows').setPosition(cell, cell);
      await ctx.sync();
    });
    const [loose, fitted] = sheet.charts;
    expect(loose).toMatchObject({ left: 3 * 48, top: 4 * 15, ...CHART_DEFAULT });
    expect(fitted).toMatchObject({ left: 3 * 48, top: 5 * 15, width: 80, height: 15 });
  });
});

describe('reading within the limits (excel-addin/blocks.ts)', () => {
  it('reads a 200,000 × 12 sheet in chunks of at most CHUNK_CELLS, one sync per chunk', async () => {
    const wb = new FakeWorkbook();
    numberSheet(wb, 'Tickets', 200_001, 12);
    const report: BlockReport = { syncs: 0, refused: 0 };
    const grids = await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Tickets');
      return readBlocks(ctx, [{ sheet, row: 0, col: 0, rows: 200_001, cols: 12, property: 'values' }], CHUNK_CELLS, report);
    });
    const rows = rowsPerChunk(12, CHUNK_CELLS);
    expect(rows).toBe(8333);
    // ceil(200,001 / 8,333) = 25 chunks.
    expect(report).toEqual({ syncs: 25, refused: 0 });
    expect(plannedSyncs([{ rows: 200_001, cols: 12 }])).toBe(25);
    expect(lastRun(wb).syncs).toBe(25);
    expect(lastRun(wb).largestResponse).toBeLessThan(LIMITS.payloadBytes / 2);
    expect(grids[0]).toHaveLength(200_001);
    expect(grids[0][200_000][11]).toBe(46_000 + 200_000 / 7 + 11);
  });

  it('packs small reads into one sync', async () => {
    const wb = new FakeWorkbook();
    for (let i = 0; i < 20; i++) numberSheet(wb, `S${i}`, 300, 8);
    const report: BlockReport = { syncs: 0, refused: 0 };
    await run(wb, async (ctx) => {
      const reads = wb.sheets.map((s) => ({ sheet: ctx.workbook.worksheets.getItem(s.name), row: 0, col: 0, rows: 300, cols: 8, property: 'values' as const }));
      return readBlocks(ctx, reads, CHUNK_CELLS, report);
    });
    expect(report.syncs).toBe(1);
  });

  it('cuts a chunk again when Excel refuses it for its size, and keeps every value', async () => {
    const wb = new FakeWorkbook();
    // Long comments: 100,000 cells of 80 characters are 8 MB, over the limit at the default budget.
    const text = (r: number, c: number): string => `comment ${r}/${c} `.padEnd(80, 'ü');
    const values = Array.from({ length: 30_000 }, (_, r) => Array.from({ length: 4 }, (_, c) => text(r, c)));
    wb.addSheet('Comments').fill(0, 0, values);
    const report: BlockReport = { syncs: 0, refused: 0 };
    const grids = await run(wb, async (ctx) => {
      const sheet = ctx.workbook.worksheets.getItem('Comments');
      return readBlocks(ctx, [{ sheet, row: 0, col: 0, rows: 30_000, cols: 4, property: 'values' }], CHUNK_CELLS, report);
    });
    expect(report.refused).toBeGreaterThan(0);
    // Once halved, the budget stays: no refusal after the first chunk that fits.
    expect(lastRun(wb).failures.length).toBe(report.refused);
    expect(report.refused).toBeLessThanOrEqual(2);
    expect(grids[0]).toEqual(values);
    expect(lastRun(wb).largestResponse).toBeLessThan(LIMITS.payloadBytes);
  });
});

describe('the outline by cell budget', () => {
  it('reads fewer top rows of wide sheets, never fewer than the minimum', () => {
    expect(outlineRows(12)).toBe(OUTLINE_ROWS);
    expect(outlineRows(100)).toBe(250);
    expect(outlineRows(16_384)).toBe(MIN_OUTLINE_ROWS);
  });

  it('outlines forty wide, long sheets within the limits, in a few syncs', async () => {
    const wb = new FakeWorkbook();
    const header = Array.from({ length: 60 }, (_, c) => `Field ${c + 1}`);
    const rows = Array.from({ length: 5_000 }, (_, r) => Array.from({ length: 60 }, (_, c) => r * 60 + c));
    for (let i = 0; i < 40; i++) wb.addSheet(`Sheet ${i + 1}`).fill(0, 0, [header, ...rows]);
    const bridge = createExcelBridge({ excel: wb.excel, office: fakeOffice() } as unknown as OfficeEnv);
    const outline = await bridge.readOutline();
    expect(outline.sheets).toHaveLength(40);
    expect(outline.sheets[0].rowCount).toBe(5_000);
    const r = lastRun(wb);
    // 416 top rows + the last row + 120 rows of formats, 60 columns wide, per sheet: about three
    // sheets a sync, after the syncs for the names and the used ranges; and A1:B4 of each (is it
    // our scorecard?).
    const shapes = [{ rows: outlineRows(60), cols: 60 }, { rows: 120, cols: 60 }, { rows: 1, cols: 60 }];
    expect(r.valuesLoaded).toBe(40 * ((outlineRows(60) + 1 + 120) * 60 + 8));
    expect(r.syncs).toBe(2 + plannedSyncs(Array.from({ length: 40 }, () => shapes).flat()));
    expect(r.syncs).toBeLessThanOrEqual(2 + Math.ceil((40 * 32_220) / CHUNK_CELLS) + 1);
    expect(r.largestResponse).toBeLessThan(LIMITS.payloadBytes);
    expect(r.failures).toEqual([]);
  });
});
