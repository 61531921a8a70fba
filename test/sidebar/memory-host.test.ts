import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest, WorkbookData } from '../../core/scorecard/types.js';
import { cellAt, createMemoryHost } from '../../sidebar/memory-host.js';
import type { MemoryHost, MemorySheet } from '../../sidebar/memory-host.js';
import { kpiLists, withDefaultTargets } from '../../sidebar/state.js';
import { sampleWorkbook } from './sample.js';

async function requestFor(host: MemoryHost): Promise<GenerateRequest> {
  const roles = detectRoles(await host.readOutline());
  const targets = withDefaultTargets({}, roles);
  return { roles, targets, options: defaultOptions('en') };
}

function cells(sheet: MemorySheet): [string, unknown][] {
  return [...sheet.cells].map(([key, cell]) => [key, cell.value]);
}

describe('the memory host writes the plan onto its sheet model', () => {
  it('adds the scorecard as a new sheet with the marker, cached values and hidden helper columns', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const result = await host.generate(await requestFor(host));
    const plan = host.lastPlan()!;
    const sheet = host.sheet(result.sheetName)!;
    expect(host.sheets().map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', result.sheetName]);
    expect(sheet.marker).toEqual(plan.marker);
    expect(sheet.hiddenColumns).toEqual(plan.hiddenColumns);
    expect(result).toEqual({ sheetName: plan.sheetName, kpis: plan.marker.kpis.length, notes: plan.notes, summary: plan.summary });
    // Every formula cell holds the formula text and the value the core computed for it.
    for (const block of plan.blocks) {
      block.cells.forEach((line, r) => line.forEach((pc, c) => {
        if (!pc?.formula) return;
        const cell = cellAt(sheet, block.row + r, block.col + c)!;
        expect(cell.formula).toBe(pc.formula.text);
        expect(cell.value).toEqual(pc.formula.cached);
      }));
    }
  });

  it('colours each status cell by the status rule, and leaves blank statuses uncoloured', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const { sheetName } = await host.generate(await requestFor(host));
    const sheet = host.sheet(sheetName)!;
    const rule = sheet.statusRules[0];
    let seen = 0;
    for (let r = 0; r < (rule.range.rows ?? 1); r++) {
      const cell = cellAt(sheet, rule.range.row + r, rule.range.col);
      const status = cell?.value;
      if (status === 'green' || status === 'amber' || status === 'red') {
        expect({ fill: cell?.fill, font: cell?.font }).toEqual(rule.colors[status]);
        seen++;
      } else {
        expect(cell?.fill).toBeUndefined();
      }
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('shows the cached table of a spilling formula in the cells beside and below it', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const { sheetName } = await host.generate(await requestFor(host));
    const sheet = host.sheet(sheetName)!;
    const spilled = [...sheet.cells.values()].filter((c) => c.spilled);
    expect(spilled.length).toBeGreaterThan(0);
    expect(spilled.every((c) => c.formula === undefined)).toBe(true);
  });

  it('writes text from the user\'s data as text: a header that looks like a formula gets an apostrophe', async () => {
    const base = sampleWorkbook();
    const survey = base.sheets[0];
    const evil = '=HYPERLINK("https://evil.example","click")';
    const data: WorkbookData = {
      ...base,
      sheets: [{ ...survey, values: [survey.values[0].map((h) => (h === 'Comment' ? evil : h)), ...survey.values.slice(1)] }, ...base.sheets.slice(1)],
    };
    const host = createMemoryHost({ data });
    const request = await requestFor(host);
    const outline = outlineWorkbook(data);
    const column = outline.sheets[0].firstCol + outline.sheets[0].headers.indexOf(evil);
    // The manager says the column holds comments.
    const roles = [...request.roles.filter((r) => !(r.sheet === 'Survey' && r.column === column)),
      { role: 'comment' as const, sheet: 'Survey', column, header: evil, confidence: 1, source: 'manager' as const }];
    const { sheetName } = await host.generate({ ...request, roles, targets: withDefaultTargets({}, roles) });
    const shown = [...host.sheet(sheetName)!.cells.values()].filter((c) => typeof c.value === 'string' && c.value.includes('evil.example'));
    expect(shown.length).toBeGreaterThan(0);
    for (const cell of shown) {
      expect(cell.value).toBe(`'${evil}`);
      expect(cell.formula).toBeUndefined();
    }
  });

  it('leaves the user\'s sheets exactly as they were', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const before = host.sheets().map((s) => JSON.stringify(cells(s)));
    await host.generate(await requestFor(host));
    await host.generate(await requestFor(host));
    expect(host.sheets().slice(0, before.length).map((s) => JSON.stringify(cells(s)))).toEqual(before);
  });

  it('does not outline its own scorecard as data', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const { sheetName } = await host.generate(await requestFor(host));
    const outline = await host.readOutline();
    expect(outline.sheets.map((s) => s.name)).not.toContain(sheetName);
    expect(outline.sheetNames).toContain(sheetName);
    expect(kpiLists({ roles: detectRoles(outline), targets: {} }).available.length).toBeGreaterThan(0);
  });

  it('lets a test type over a formula or clear a cell, as a user would', async () => {
    const host = createMemoryHost({ data: sampleWorkbook() });
    const { sheetName } = await host.generate(await requestFor(host));
    const sheet = host.sheet(sheetName)!;
    const [key, formulaCell] = [...sheet.cells].find(([, c]) => c.formula !== undefined)!;
    const [row, col] = key.split(':').map(Number);
    host.setCell(sheetName, row, col, 50);
    expect(cellAt(sheet, row, col)).toEqual({ value: 50, numberFormat: formulaCell.numberFormat, style: formulaCell.style });
    host.setCell(sheetName, row, col, null);
    expect(cellAt(sheet, row, col)).toBeUndefined();
  });

  it('keeps its settings as a copy, like a real store', async () => {
    const host = createMemoryHost({ data: sampleWorkbook(), language: 'de' });
    expect(await host.language()).toBe('de');
    expect(await host.readSettings()).toBeNull();
    const settings = { version: 1 as const, roles: [], targets: {}, options: defaultOptions('de') };
    await host.writeSettings(settings);
    const read = await host.readSettings();
    expect(read).toEqual(settings);
    expect(read).not.toBe(settings);
    expect(host.settingsWrites()).toBe(1);
  });
});
