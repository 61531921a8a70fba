/**
 * Hostile workbooks through the hosts' bridges, the way the sidebar drives them (read the outline,
 * detect the roles, generate): the Excel HostBridge against the recording Excel fake, the Sheets
 * server against the built dist/sheets-addon scripts with the Apps Script fakes. Formula text,
 * markup, 32,767-character cells, right-to-left marks, emoji, duplicate and empty headers, a
 * hostile sheet name, 10,000 columns and a sheet that is only headers: no crash, nothing from the
 * data inside a formula, clear messages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest, KpiTarget, WorkbookOutline } from '../../core/scorecard/types.js';
import { createExcelBridge } from '../../excel-addin/bridge.js';
import type { OfficeEnv } from '../../excel-addin/bridge.js';
import { buildAddon, createAppsScriptFakes, loadScripts } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon } from '../helpers/apps-script-fakes.js';
import { FakeWorkbook, fakeOffice } from '../helpers/excel-fake.js';
import { INJECTIONS, LONGEST_CELL, hostileSheets, wideSheet } from './hostile.js';

type Sheet = { name: string; rows: unknown[][] };

const TICKETS = hostileSheets()[1].name;
/** How a formula must name the hostile ticket sheet: quoted, with its apostrophes doubled. */
const QUOTED_TICKETS = `'${TICKETS.replace(/'/g, "''")}'!`;
/**
 * A formula that names the ticket sheet at all, quoted right or wrong. Not a bare "Q1": the
 * scorecard's own helper cells (CQ10, DQ18, …) hold it since the Period column moved them right.
 */
const NAMES_TICKETS = /Tickets|'Q1'/;
/** Anything from the data that must never appear inside a formula. */
const FROM_DATA = /evil|cmd\||calc'|<script|onerror|HYPERLINK\("http/i;

function requestFor(outline: WorkbookOutline): GenerateRequest {
  const roles = detectRoles(outline);
  const { available } = availableKpis(roles);
  const targets: Record<string, KpiTarget> = defaultTargets(available);
  return { roles, targets, options: defaultOptions('en') };
}

// ------------------------------------------------------------------ Excel

const SERIAL_OF_1970 = 25_569;

function excelWorkbook(sheets: readonly Sheet[]): FakeWorkbook {
  const wb = new FakeWorkbook();
  for (const s of sheets) {
    const sheet = wb.addSheet(s.name);
    s.rows.forEach((row, r) => row.forEach((v, c) => {
      const value = v instanceof Date ? v.getTime() / 86_400_000 + SERIAL_OF_1970 : v;
      sheet.set(r, c, value, v instanceof Date ? 'yyyy-mm-dd hh:mm' : undefined);
    }));
  }
  return wb;
}

function excelBridge(sheets: readonly Sheet[]) {
  const wb = excelWorkbook(sheets);
  const bridge = createExcelBridge({ excel: wb.excel, office: fakeOffice() } as unknown as OfficeEnv);
  return { wb, bridge };
}

/** Every formula the bridge wrote, with where. */
function formulasOf(wb: FakeWorkbook): { where: string; formula: string }[] {
  const out: { where: string; formula: string }[] = [];
  for (const s of wb.sheets) for (const [key, cell] of s.cells) if (cell.formula !== undefined) out.push({ where: `${s.name}!${key}`, formula: cell.formula });
  return out;
}

describe('the Excel bridge on a hostile workbook', () => {
  it('outlines the sheets with every header as it is, as plain data', async () => {
    const { bridge } = excelBridge(hostileSheets());
    const outline = await bridge.readOutline();
    expect(JSON.parse(JSON.stringify(outline))).toEqual(outline);
    const survey = outline.sheets.find((s) => s.name === 'Survey')!;
    expect(survey.headers).toEqual(expect.arrayContaining([INJECTIONS[5], '\u202Egnp.exe']));
    expect(outline.sheets.map((s) => s.name)).toContain(TICKETS);
  });

  it('generates a scorecard whose formulas hold nothing from the data and quote the sheet name', async () => {
    const { wb, bridge } = excelBridge(hostileSheets());
    const result = await bridge.generate(requestFor(await bridge.readOutline()));
    expect(result.kpis).toBeGreaterThan(3);
    const formulas = formulasOf(wb);
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => FROM_DATA.test(f.formula))).toEqual([]);
    const ticketRefs = formulas.filter((f) => NAMES_TICKETS.test(f.formula));
    expect(ticketRefs.length).toBeGreaterThan(0);
    for (const f of ticketRefs) expect(f.formula, f.where).toContain(QUOTED_TICKETS);
    // The data sheets are only read.
    const tickets = wb.sheet(TICKETS)!;
    expect([...tickets.cells.values()].some((c) => c.value === LONGEST_CELL.slice(0, 100))).toBe(true);
  });

  it('copes with 10,000 columns and with a sheet that is only headers', async () => {
    const wide = excelBridge([wideSheet(10_000, 20)]);
    const outline = await wide.bridge.readOutline();
    expect(outline.sheets[0].headers.length).toBeGreaterThan(2);
    const r = await wide.bridge.generate(requestFor(outline));
    expect(r.kpis).toBeGreaterThan(0);

    const empty = excelBridge([{ name: 'Survey', rows: [['Date', 'NPS', 'Comment']] }]);
    const o = await empty.bridge.readOutline();
    expect(o.sheets.length).toBeLessThanOrEqual(1);
    try {
      const g = await empty.bridge.generate(requestFor(o));
      expect(g.notes.join(' ')).toMatch(/no data|no rows|empty/i);
    } catch (e) {
      // Refusing is fine, with a sentence, not a TypeError from deep inside.
      expect(e).not.toBeInstanceOf(TypeError);
      expect(String((e as Error).message)).toMatch(/\w+ \w+/);
    }
  });
});

// ------------------------------------------------------------------ Sheets

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
}, 120_000);
afterAll(async () => {
  await (addon as unknown as { remove?: () => Promise<void> })?.remove?.();
});

function openSheets(sheets: readonly Sheet[], widen = 0) {
  const fakes = createAppsScriptFakes({ timeZone: 'Europe/Berlin', sheets: sheets.map((s) => ({ name: s.name, rows: s.rows })) });
  for (const s of fakes.spreadsheet.sheets) {
    s.maxCols = Math.max(s.maxCols, widen);
    // A spreadsheet holds at most 10 million cells: a sheet 10,001 columns wide has few rows.
    s.maxRows = widen > 26 ? Math.max(s.lastRow(), 100) : Math.max(s.maxRows, 2000);
  }
  const context = loadScripts(addon.scripts, fakes.globals);
  const run = (name: string, ...args: unknown[]): unknown => (context[name] as (...a: unknown[]) => unknown)(...args);
  return { fakes, context, run };
}

describe('the Sheets server on a hostile workbook', () => {
  it('returns the outline as JSON text with every header as it is', () => {
    const { run } = openSheets(hostileSheets());
    const text = run('skpiReadOutline');
    expect(typeof text).toBe('string');
    const outline = JSON.parse(text as string) as WorkbookOutline;
    expect(outline.sheets.find((s) => s.name === 'Survey')!.headers).toEqual(expect.arrayContaining([INJECTIONS[5], '\u202Egnp.exe']));
  });

  it('writes a scorecard whose formulas hold nothing from the data and quote the sheet name', () => {
    const { run, fakes } = openSheets(hostileSheets());
    const outline = JSON.parse(run('skpiReadOutline') as string) as WorkbookOutline;
    const result = JSON.parse(run('skpiGenerate', JSON.stringify(requestFor(outline))) as string) as { sheetName: string; kpis: number };
    expect(result.kpis).toBeGreaterThan(3);
    const sheet = fakes.spreadsheet.byName(result.sheetName)!;
    const cells = [...sheet.cells.values()];
    const formulas = cells.filter((c) => c.formula !== undefined).map((c) => c.formula!);
    expect(formulas.length).toBeGreaterThan(20);
    expect(formulas.filter((f) => FROM_DATA.test(f))).toEqual([]);
    const ticketRefs = formulas.filter((x) => NAMES_TICKETS.test(x));
    expect(ticketRefs.length).toBeGreaterThan(0);
    for (const f of ticketRefs) expect(f).toContain(QUOTED_TICKETS);
  });

  it('copes with 10,000 columns and with a sheet that is only headers', () => {
    const wide = openSheets([wideSheet(10_000, 20)], 10_001);
    const outline = JSON.parse(wide.run('skpiReadOutline') as string) as WorkbookOutline;
    expect(outline.sheets[0].headers.length).toBeGreaterThan(2);
    const r = JSON.parse(wide.run('skpiGenerate', JSON.stringify(requestFor(outline))) as string) as { kpis: number };
    expect(r.kpis).toBeGreaterThan(0);

    const empty = openSheets([{ name: 'Survey', rows: [['Date', 'NPS', 'Comment']] }]);
    const o = JSON.parse(empty.run('skpiReadOutline') as string) as WorkbookOutline;
    try {
      const g = JSON.parse(empty.run('skpiGenerate', JSON.stringify(requestFor(o))) as string) as { notes: string[] };
      expect(g.notes.join(' ')).toMatch(/no data|no rows|empty/i);
    } catch (e) {
      expect((e as Error).name).not.toBe('TypeError');
      expect(String((e as Error).message)).toMatch(/\w+ \w+/);
    }
  });
});

