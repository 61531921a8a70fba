/**
 * A scorecard generated through the Excel bridge for a 200,000-row ticket sheet (12 columns) and a
 * 50,000-row survey sheet, against the fake that enforces Excel on the web's limits: no sync over
 * 5 MB either way, no read over 5,000,000 cells, and the number of syncs as documented (two, then
 * one per chunk of CHUNK_CELLS cells, then the write). Prints syncs and bytes moved.
 */
import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest } from '../../core/scorecard/types.js';
import { CHUNK_CELLS, plannedSyncs } from '../../excel-addin/blocks.js';
import { createExcelBridge } from '../../excel-addin/bridge.js';
import type { OfficeEnv } from '../../excel-addin/bridge.js';
import { FORMAT_ROWS } from '../../excel-addin/read.js';
import { FakeWorkbook, LIMITS, fakeOffice } from '../helpers/excel-fake.js';
import type { RunRecord } from '../helpers/excel-fake.js';
import { excelScaleWorkbook, mb, scaleSheets } from '../helpers/scale-workbook.js';

function bridgeOf(wb: FakeWorkbook) {
  return createExcelBridge({ excel: wb.excel, office: fakeOffice() } as unknown as OfficeEnv);
}

const withinLimits = (r: RunRecord): void => {
  expect(r.failures).toEqual([]);
  expect(r.unsynced).toBe(0);
  expect(r.largestRequest).toBeLessThan(LIMITS.payloadBytes);
  expect(r.largestResponse).toBeLessThan(LIMITS.payloadBytes);
};

const line = (what: string, r: RunRecord): string =>
  `${what}: ${r.syncs} syncs, ${r.valuesLoaded.toLocaleString('en')} cells read, ${mb(r.responseBytes)} received (largest ${mb(r.largestResponse)}), ${mb(r.requestBytes)} sent (largest ${mb(r.largestRequest)})`;

describe('Excel at scale', () => {
  it('reads a 200,000 × 12 ticket sheet for the scorecard in 2 + 25 + 1 = 28 syncs', async () => {
    const tickets = scaleSheets().filter((s) => s.name === 'Tickets');
    expect([tickets[0].rows.length, tickets[0].columns.length]).toEqual([200_000, 12]);
    const wb = excelScaleWorkbook(tickets);
    const bridge = bridgeOf(wb);
    const outline = await bridge.readOutline();
    const roles = detectRoles(outline);
    const { available } = availableKpis(roles);
    // Two KPIs are enough here: the syncs do not depend on the KPIs.
    const targets = defaultTargets(available);
    available.forEach((k, i) => { targets[k.id] = { ...targets[k.id], enabled: i < 2 }; });
    await bridge.generate({ roles, targets, options: defaultOptions('en') });
    const r = wb.runs[wb.runs.length - 1];
    // 200,001 rows (with the header) of 12 cells in chunks of 8,333 rows: 25 chunks; the number
    // formats of the first 120 rows ride along with the last, short chunk.
    expect(plannedSyncs([{ rows: 200_001, cols: 12 }, { rows: FORMAT_ROWS, cols: 12 }], CHUNK_CELLS)).toBe(25);
    // And the write (a first scorecard takes its name at once: no old one to keep intact).
    expect(r.syncs).toBe(2 + 25 + 1);
    withinLimits(r);
  });

  it('generates the scorecard for 200,000 tickets and 50,000 survey answers within Excel on the web\'s limits', async () => {
    const wb = excelScaleWorkbook();
    const bridge = bridgeOf(wb);
    const outline = await bridge.readOutline();
    const outlineRun = wb.runs[wb.runs.length - 1];
    withinLimits(outlineRun);
    expect(outline.sheets.find((s) => s.name === 'Tickets')!.rowCount).toBe(200_000);
    expect(outline.sheets.find((s) => s.name === 'Survey')!.rowCount).toBe(50_000);

    const roles = detectRoles(outline);
    const { available } = availableKpis(roles);
    const request: GenerateRequest = { roles, targets: defaultTargets(available), options: defaultOptions('en') };
    const result = await bridge.generate(request);
    const run = wb.runs[wb.runs.length - 1];
    withinLimits(run);
    expect(result.kpis).toBeGreaterThan(15);

    // The syncs, as documented: names; used ranges, markers, tables; the chunks; the new sheet; its name.
    const used = new Set(request.roles.map((x) => x.sheet));
    const reads = scaleSheets().filter((s) => used.has(s.name)).flatMap((s) => [
      { rows: s.rows.length + 1, cols: s.columns.length },
      { rows: Math.min(FORMAT_ROWS, s.rows.length + 1), cols: s.columns.length },
    ]);
    expect(run.syncs).toBe(2 + plannedSyncs(reads, CHUNK_CELLS) + 1);
    const cells = reads.reduce((n, x) => n + x.rows * x.cols, 0);
    // And A1:B4 of every sheet (is it our scorecard?): seven, the sample's five and its two logs.
    expect(scaleSheets().map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);
    expect(run.valuesLoaded).toBe(cells + 7 * 8);
    expect(run.syncs).toBeLessThanOrEqual(4 + Math.ceil(cells / CHUNK_CELLS) + used.size);

    console.log([
      `Excel, ${result.kpis} KPIs over ${[...used].join(', ')} (${cells.toLocaleString('en')} cells):`,
      `  ${line('readOutline', outlineRun)}`,
      `  ${line('generate', run)}`,
    ].join('\n'));
  });
});
