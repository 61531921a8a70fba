/**
 * A scorecard generated through the Sheets server (the built dist/sheets-addon scripts, as Apps
 * Script loads them) for a 200,000-row ticket sheet and a 50,000-row survey sheet, against fakes
 * that enforce Apps Script's limits: each execution (the outline, the generation, saving the
 * settings) within 6 minutes by counted service calls and cells at the ASSUMED costs, the settings
 * within the Properties limits. Prints service calls, cells and bytes moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest, GenerateResult, WorkbookOutline } from '../../core/scorecard/types.js';
import { ASSUMED_COST, LIMITS, buildAddon, openAddon } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon, CallLog } from '../helpers/apps-script-fakes.js';
import { mb, scaleSheets, sheetsScaleInit } from '../helpers/scale-workbook.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

const line = (what: string, log: CallLog): string =>
  `${what}: ${log.count} service calls, ${log.cells.toLocaleString('en')} cells, ${mb(log.bytes)} moved, ${(log.elapsedMs / 1000).toFixed(1)} s by the assumed costs (limit ${LIMITS.executionMs / 60_000} min)`;

describe('Sheets at scale', () => {
  it('generates the scorecard for 200,000 tickets and 50,000 survey answers within the 6-minute execution', () => {
    const { fakes, run } = openAddon(addon, { timeZone: 'Europe/Berlin', sheets: sheetsScaleInit() });
    const lines: string[] = [];

    // Each google.script.run call is its own execution.
    fakes.log.reset();
    const outline = JSON.parse(run('skpiReadOutline') as string) as WorkbookOutline;
    lines.push(line('skpiReadOutline', fakes.log));
    expect(outline.sheets.find((s) => s.name === 'Tickets')!.rowCount).toBe(200_000);
    expect(outline.sheets.find((s) => s.name === 'Survey')!.rowCount).toBe(50_000);
    // The header areas only: nowhere near the 2.5 million cells of the data.
    expect(fakes.log.cells).toBeLessThan(20_000);

    const roles = detectRoles(outline);
    const { available } = availableKpis(roles);
    const request: GenerateRequest = { roles, targets: defaultTargets(available), options: defaultOptions('en') };
    fakes.log.reset();
    run('skpiWriteSettings', JSON.stringify({ version: 1, ...request }));
    lines.push(line('skpiWriteSettings', fakes.log));

    fakes.log.reset();
    const result = JSON.parse(run('skpiGenerate', JSON.stringify(request)) as string) as GenerateResult;
    lines.push(line('skpiGenerate', fakes.log));
    expect(result.kpis).toBeGreaterThan(15);
    expect(fakes.log.elapsedMs).toBeLessThan(LIMITS.executionMs);
    // Every data sheet the roles use is read once, whole.
    const used = new Set(request.roles.map((r) => r.sheet));
    const dataCells = scaleSheets().filter((s) => used.has(s.name)).reduce((n, s) => n + (s.rows.length + 1) * s.columns.length, 0);
    expect(fakes.log.tally()['Range.getValues']).toBe(used.size);
    expect(fakes.log.cells).toBeGreaterThanOrEqual(dataCells);
    // The calls are few and fixed; the time is the cells' (1 µs each by assumption).
    expect(fakes.log.count * ASSUMED_COST.perCallMs).toBeLessThan(30_000);

    console.log([`Sheets, ${result.kpis} KPIs over ${[...used].join(', ')} (${dataCells.toLocaleString('en')} cells):`, ...lines.map((l) => `  ${l}`)].join('\n'));
  });
});
