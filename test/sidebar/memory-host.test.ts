import { describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { COL } from '../../core/scorecard/plan.js';
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

describe('regenerating in the memory host keeps what the manager wrote (issue 14)', () => {
  async function generated(init: Partial<Parameters<typeof createMemoryHost>[0]> = {}) {
    const host = createMemoryHost({ data: sampleWorkbook(), ...init });
    const request = await requestFor(host);
    const { sheetName } = await host.generate(request);
    return { host, request, sheetName };
  }

  it('carries notes in Z3 and A80 and a formula of the manager\'s over, and says so', async () => {
    const { host, request, sheetName } = await generated();
    host.setCell(sheetName, 3, 26, 'check with Ana');
    host.setCell(sheetName, 80, 1, 'Q3 review done');
    const result = await host.generate(request);
    expect(result.sheetName).toBe(sheetName);
    const sheet = host.sheet(sheetName)!;
    expect(cellAt(sheet, 3, 26)?.value).toBe('check with Ana');
    expect(cellAt(sheet, 80, 1)?.value).toBe('Q3 review done');
    expect(result.notes.join(' ')).toContain('Kept the 2 cells you wrote on the previous scorecard where they were.');
    expect(host.sheets().filter((s) => s.name.startsWith(sheetName))).toHaveLength(1);
  });

  it('moves a note typed in a cell the scorecard writes to "Your notes", and reads a target typed as text', async () => {
    const { host, request, sheetName } = await generated();
    const marker = host.sheet(sheetName)!.marker!;
    const nps = marker.targetCells.nps;
    const csat = marker.targetCells.csat;
    host.setCell(sheetName, nps.row, nps.col, '45');
    host.setCell(sheetName, csat.row, csat.col, 'ask Ana');
    const result = await host.generate(request);
    const sheet = host.sheet(sheetName)!;
    const next = sheet.marker!;
    expect(cellAt(sheet, next.targetCells.nps.row, next.targetCells.nps.col)?.value).toBe(45);
    const notes = next.notes!;
    expect(cellAt(sheet, notes.row - 2, notes.col)?.value).toBe('Your notes');
    // Targets are in column H since the Period column (C) moved the later columns right by one.
    expect(csat.col).toBe(COL.target);
    expect(cellAt(sheet, notes.row, notes.col)?.value).toBe(`H${csat.row}`);
    expect(cellAt(sheet, notes.row, notes.col + 1)?.value).toBe('ask Ana');
    expect(result.notes.join(' ')).toContain('moved to "Your notes"');
  });

  it('finds its scorecard after the manager renamed it, and after the language was switched', async () => {
    const { host, request, sheetName } = await generated();
    const nps = host.sheet(sheetName)!.marker!.targetCells.nps;
    host.setCell(sheetName, nps.row, nps.col, 61);
    host.renameSheet(sheetName, 'Team Q3');
    const renamed = await host.generate(request);
    expect(renamed.sheetName).toBe('Team Q3');
    const german = await host.generate({ ...request, options: defaultOptions('de') });
    expect(german.sheetName).toBe('Team Q3');
    const sheet = host.sheet('Team Q3')!;
    expect(cellAt(sheet, sheet.marker!.targetCells.nps.row, COL.target)?.value).toBe(61);
    expect(cellAt(sheet, 1, 1)?.value).toBe('Kundenservice-Scorecard');
    expect(host.sheets().map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', 'Team Q3']);
  });

  it('trusts the marker only on its own scorecard: a data sheet carrying it stays data and the run says so', async () => {
    const { host, request, sheetName } = await generated();
    const survey = host.sheet('Survey')!;
    const before = JSON.stringify(cells(survey));
    survey.marker = host.sheet(sheetName)!.marker;
    // The marked data sheet has the name the scorecard is asked for: it is still not replaced.
    const result = await host.generate({ ...request, options: { ...request.options, sheetName: 'Survey' } });
    expect(result.sheetName).toBe('Survey (2)');
    expect(JSON.stringify(cells(host.sheet('Survey')!))).toBe(before);
    expect(result.notes.join(' ')).toContain('The sheet "Survey" carries the scorecard\'s marker but is not a scorecard');
    expect((await host.readOutline()).sheets.map((s) => s.name)).toContain('Survey');
  });
});

