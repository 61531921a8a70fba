/**
 * The Sheets HostBridge's server side as Apps Script runs it: the built scripts in one vm context
 * with a recording fake SpreadsheetApp holding the sample helpdesk workbook. The sidebar's calls
 * (skpiReadOutline, skpiGenerate, …) go through the same top-level functions google.script.run
 * calls; what lands on the fake sheet is compared with the engine's own plan for the same data.
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { buildPlan } from '../../core/scorecard/plan.js';
import { REQUEST_LIMITS, defaultOptions } from '../../core/scorecard/settings.js';
import type {
  GenerateRequest, GenerateResult, KpiTarget, PlanCell, ScorecardPlan, SheetData, WorkbookOutline,
} from '../../core/scorecard/types.js';
import { generateSample, sheetsOf } from '../../examples/generate.js';
import { GENERAL, PLAIN_TEXT, STYLE_LOOKS, a1 } from '../../sheets-addon/apply-plan.js';
import { buildAddon, createAppsScriptFakes, loadScripts, unwrap } from '../helpers/apps-script-fakes.js';
import type { AppsScriptFakes, BuiltAddon, FakeSheetInit, FakeSheetModel } from '../helpers/apps-script-fakes.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

// The sample workbook, small: its Dates carry the wall clock in their UTC fields, so the fake
// spreadsheet runs in UTC and the Dates are what Sheets would pass.
const SAMPLE = sheetsOf(generateSample(20251201, { survey: 240, tickets: 300, orders: 160 }));
const SAMPLE_SHEETS: FakeSheetInit[] = SAMPLE.map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] }));

interface Addon {
  readonly fakes: AppsScriptFakes;
  readonly context: vm.Context;
  run(name: string, ...args: unknown[]): unknown;
  outline(): WorkbookOutline;
  generate(request: GenerateRequest): GenerateResult;
}

function open(sheets: readonly FakeSheetInit[] = SAMPLE_SHEETS): Addon {
  const fakes = createAppsScriptFakes({ timeZone: 'UTC', sheets });
  const context = loadScripts(addon.scripts, fakes.globals);
  const run = (name: string, ...args: unknown[]): unknown => (context[name] as (...a: unknown[]) => unknown)(...args);
  return {
    fakes, context, run,
    outline: () => JSON.parse(run('skpiReadOutline') as string) as WorkbookOutline,
    generate: (request) => JSON.parse(run('skpiGenerate', JSON.stringify(request)) as string) as GenerateResult,
  };
}

/** What the sidebar sends: detected roles, default targets, the first `enabled` KPIs switched on. */
function requestFor(outline: WorkbookOutline, enabled = Infinity): GenerateRequest {
  const roles = detectRoles(outline);
  const { available } = availableKpis(roles);
  const targets: Record<string, KpiTarget> = {};
  const defaults = defaultTargets(available);
  available.forEach((k, i) => {
    targets[k.id] = { ...defaults[k.id], enabled: i < enabled };
  });
  return { roles, targets, options: defaultOptions('en') };
}

/** The user's data as the add-on reads it (from A1, "" for blanks). */
function dataOf(a: Addon, names: readonly string[]): SheetData[] {
  return names.map((name) => {
    const sheet = a.fakes.spreadsheet.byName(name)!;
    const values: unknown[][] = [];
    const rows = sheet.lastRow(), cols = sheet.lastCol();
    for (let r = 1; r <= rows; r++) {
      const row: unknown[] = [];
      for (let c = 1; c <= cols; c++) row.push(sheet.valueAt(r, c));
      values.push(row);
    }
    return { name, values, originRow: 1, originCol: 1 };
  });
}

/** The plan the engine makes for the same data, request and sheets. */
function expectedPlan(a: Addon, request: GenerateRequest, ours: readonly string[] = []): ScorecardPlan {
  const names = a.fakes.spreadsheet.sheets.map((s) => s.name);
  const used = new Set(request.roles.map((r) => r.sheet));
  const data = { sheets: dataOf(a, names.filter((n) => used.has(n) && !ours.includes(n))), timeZone: 'UTC' };
  const outline = outlineWorkbook(data, names);
  return buildPlan({ data, outline, request, dialect: 'sheets', existing: names.map((name) => ({ name, ours: ours.includes(name) })) });
}

function cellsOf(plan: ScorecardPlan): { row: number; col: number; cell: PlanCell }[] {
  const out: { row: number; col: number; cell: PlanCell }[] = [];
  for (const b of plan.blocks) {
    b.cells.forEach((cells, r) => cells.forEach((cell, c) => {
      if (cell) out.push({ row: b.row + r, col: b.col + c, cell });
    }));
  }
  return out;
}

describe('skpiReadOutline', () => {
  it('returns the data tables as JSON text: headers and samples, dates as ISO text', () => {
    const a = open();
    const text = a.run('skpiReadOutline');
    expect(typeof text).toBe('string');
    const outline = JSON.parse(text as string) as WorkbookOutline;
    expect(outline.sheetNames).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);
    const tickets = outline.sheets.find((s) => s.name === 'Tickets')!;
    expect(tickets.headers.slice(0, 4)).toEqual(['Ticket ID', 'Opened', 'First response', 'Resolved']);
    expect(tickets.rowCount).toBe(300);
    expect(tickets.samples[1][0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    // The same outline the engine makes from the same values. The Status log and Messages are taller
    // than the header area: read as their top rows and last row, their samples come from those.
    const expected = JSON.parse(JSON.stringify(outlineWorkbook({ sheets: dataOf(a, outline.sheetNames), timeZone: 'UTC' }))) as WorkbookOutline;
    const tall = (name: string): boolean => name === 'Status log' || name === 'Messages';
    expect(outline.sheets.filter((s) => !tall(s.name))).toEqual(expected.sheets.filter((s) => !tall(s.name)));
    for (const sheet of outline.sheets.filter((s) => tall(s.name))) {
      const want = expected.sheets.find((s) => s.name === sheet.name)!;
      expect({ ...sheet, samples: [] }, sheet.name).toEqual({ ...want, samples: [] });
    }
  });

  it('reads each sheet with one batched getValues of its header area, and a taller one\'s last row with one more', () => {
    const a = open();
    a.fakes.log.reset();
    a.outline();
    const tally = a.fakes.log.tally();
    // The five sheets fit in their header area whole; the Status log and Messages are taller: their
    // top rows and their last row.
    expect(tally['Range.getValues']).toBe(5 + 2 * 2);
    expect(tally['Sheet.getLastRow']).toBe(7);
    expect(tally['Sheet.getLastColumn']).toBe(7);
    expect(tally['Sheet.getDataRange']).toBeUndefined();
    expect(tally['Spreadsheet.getSpreadsheetTimeZone']).toBe(1);
  });

  it('leaves out our own scorecard sheet', () => {
    const a = open();
    a.generate(requestFor(a.outline(), 3));
    const outline = a.outline();
    expect(outline.sheetNames).toContain('KPI Scorecard');
    expect(outline.sheets.map((s) => s.name)).not.toContain('KPI Scorecard');
  });
});

describe('skpiGenerate', () => {
  it('writes the plan: values and formulas, number formats, styles, status rules, frozen rows, widths, hidden helpers, the marker', () => {
    const a = open();
    const request = requestFor(a.outline());
    const plan = expectedPlan(a, request);
    const result = a.generate(request);

    expect(result.sheetName).toBe('KPI Scorecard');
    expect(result.kpis).toBe(plan.marker.kpis.length);
    expect(result.kpis).toBeGreaterThanOrEqual(20);
    expect(result.summary).toEqual(JSON.parse(JSON.stringify(plan.summary)));
    expect(result.notes).toEqual(plan.notes);

    const sheet = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    expect(a.fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', 'KPI Scorecard']);
    let formulas = 0;
    for (const { row, col, cell } of cellsOf(plan)) {
      const got = sheet.cell(row, col);
      const where = `${a1({ row, col })}`;
      expect(got, where).toBeDefined();
      if (cell.formula) {
        formulas++;
        expect(got!.formula, where).toBe(cell.formula.text);
      } else {
        // Text from the user's data arrives as text (neutralised, so "=x" is not a formula).
        expect(got!.formula, where).toBeUndefined();
        expect(got!.value, where).toEqual(cell.value ?? '');
      }
      const constantText = !cell.formula && typeof cell.value === 'string' && cell.value !== '';
      expect(got!.format, where).toBe(cell.numberFormat ?? (constantText && !(cell.userText && /^[ \t\r\n]*[=+\-@]/.test(cell.value as string)) ? PLAIN_TEXT : GENERAL));
      const look = STYLE_LOOKS[cell.style ?? 'kpi'];
      if (cell.style) {
        expect(got!.background ?? null, where).toBe(look.background);
        expect(got!.weight, where).toBe(look.weight ?? 'normal');
      } else {
        expect(got!.background ?? null, where).toBeNull();
      }
    }
    expect(formulas).toBeGreaterThan(100);
    // Every trend is a SPARKLINE over its row of values; the KPI rows hold live catalog functions.
    for (const t of plan.trends) expect(sheet.cell(t.cell.row, t.cell.col)?.formula).toMatch(/^=SPARKLINE\(/);
    expect([...sheet.cells.values()].some((c) => /^=KPI_BY_PERIOD\(/.test(c.formula ?? ''))).toBe(true);

    const status = plan.statusRules[0];
    expect(sheet.rules).toEqual((['green', 'amber', 'red'] as const).map((s) => ({
      text: s, background: status.colors[s].fill, fontColor: status.colors[s].font, ranges: [a1(status.range)],
    })));
    expect(sheet.frozenRows).toBe(plan.frozenRows);
    expect(sheet.frozenCols).toBe(plan.frozenCols);
    for (const [c, w] of Object.entries(plan.columnWidths)) expect(sheet.columnWidths.get(Number(c)), `width of ${c}`).toBe(w);
    expect([...sheet.hiddenColumns].sort((x, y) => x - y)).toEqual([...plan.hiddenColumns].sort((x, y) => x - y));
    expect(sheet.metadata).toEqual([{ key: 'service-kpi.scorecard', value: JSON.stringify(plan.marker), visibility: 'DOCUMENT' }]);
    expect(sheet.activated).toBe(true);
    // The data sheets are read, never written.
    for (const name of ['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']) {
      expect(a.fakes.spreadsheet.byName(name)!.metadata).toEqual([]);
    }
  });

  it('makes the same service calls for 3 KPIs as for every KPI the scorecard has', () => {
    const calls = (enabled: number): { tally: Record<string, number>; kpis: number } => {
      const a = open();
      const request = requestFor(a.outline(), enabled);
      a.fakes.log.reset();
      const kpis = a.generate(request).kpis;
      return { tally: a.fakes.log.tally(), kpis };
    };
    const few = calls(3);
    const all = calls(Infinity);
    expect(few.kpis).toBe(3);
    expect(all.kpis).toBeGreaterThanOrEqual(20);
    expect(all.tally).toEqual(few.tally);
    // One write per property for the whole sheet, whatever the number of KPIs.
    expect(all.tally['Range.setValues']).toBe(1);
    expect(all.tally['Range.setNumberFormats']).toBe(1);
    expect(all.tally['Range.setBackgrounds']).toBe(1);
    expect(all.tally['Sheet.setConditionalFormatRules']).toBe(1);
    expect(Object.values(all.tally).reduce((x, y) => x + y, 0)).toBeLessThan(100);
  });

  it('makes the sheet big enough for every range its formulas read, so weekly helpers can spill', () => {
    const a = open();
    const request = requestFor(a.outline(), 5);
    const weekly = { ...request, options: { ...request.options, period: 'week' as const } };
    a.generate(weekly);
    const sheet = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    // The furthest row any formula on the scorecard reads on the scorecard itself (not Survey!A2:A …).
    let lastRow = 0;
    for (const c of sheet.cells.values()) {
      const text = (c.formula ?? '').replace(/"[^"]*"/g, '""');
      for (const m of text.matchAll(/(?<![!\w$])\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?/g)) {
        lastRow = Math.max(lastRow, Number(m[1]), Number(m[2] ?? 0));
      }
    }
    expect(lastRow).toBeGreaterThan(1000);
    expect(sheet.maxRows).toBeGreaterThanOrEqual(lastRow);
  });

  it('leaves a sheet of the user\'s named "KPI Scorecard" untouched and writes next to it', () => {
    const mine: FakeSheetInit = { name: 'KPI Scorecard', rows: [['My own notes', 42], ['=keep me', 'x']] };
    const a = open([...SAMPLE_SHEETS, mine]);
    const before = snapshot(a.fakes.spreadsheet.byName('KPI Scorecard')!);
    const result = a.generate(requestFor(a.outline(), 3));
    expect(result.sheetName).toBe('KPI Scorecard (2)');
    expect(snapshot(a.fakes.spreadsheet.byName('KPI Scorecard')!)).toEqual(before);
    expect(a.fakes.spreadsheet.byName('KPI Scorecard')!.metadata).toEqual([]);
    expect(a.fakes.spreadsheet.byName('KPI Scorecard (2)')!.metadata).toHaveLength(1);
  });

  it('replaces only its own scorecard on regeneration, found by metadata, in the same place, keeping typed targets', () => {
    const a = open();
    const request = requestFor(a.outline(), 4);
    a.generate(request);
    const first = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    // The manager moves the scorecard to the front and types a target of 77 % for the first KPI.
    a.fakes.spreadsheet.sheets.splice(a.fakes.spreadsheet.sheets.indexOf(first), 1);
    a.fakes.spreadsheet.sheets.unshift(first);
    const marker = JSON.parse(first.metadata[0].value!) as ScorecardPlan['marker'];
    const [firstId, cell] = Object.entries(marker.targetCells)[0];
    first.put(cell.row, cell.col, 0.77);

    a.fakes.log.reset();
    const result = a.generate(request);
    expect(result.sheetName).toBe('KPI Scorecard');
    const names = a.fakes.spreadsheet.sheets.map((s) => s.name);
    expect(names).toEqual(['KPI Scorecard', 'Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);
    const second = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    expect(second).not.toBe(first);
    expect(a.fakes.log.tally()['Spreadsheet.deleteSheet']).toBe(1);
    // The typed target is read back through the marker and written into the new scorecard.
    expect(second.cell(cell.row, cell.col)?.value).toBe(0.77);
    expect(result.notes.join(' ')).toMatch(/target/i);
    expect(JSON.parse(second.metadata[0].value!).targetCells[firstId]).toEqual(cell);
  });

  it('keeps a reporting date the manager typed on the scorecard (a Date, as Sheets returns it) when regenerating', () => {
    const a = open();
    const request = requestFor(a.outline());
    a.generate(request);
    const first = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    const at = (JSON.parse(first.metadata[0].value!) as ScorecardPlan['marker']).reportingDateCell!;
    expect(first.cell(at.row, at.col)?.value ?? '').toBe('');
    // Sheets hands a typed date back as a Date at the spreadsheet's wall-clock midnight (UTC here).
    first.put(at.row, at.col, new Date(Date.UTC(2026, 8, 15)));
    const result = a.generate(request);
    const second = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    expect(second.cell(at.row, at.col)?.value).toBe((Date.UTC(2026, 8, 15) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(result.summary.find((s) => s.id === 'nps')?.period).toBe('2026-08');
    expect(result.notes.join(' ')).toContain('Kept the reporting date typed on the previous scorecard (2026-09-15)');
  });

  it('knows its scorecard by metadata, not by name, when the user renamed it, and replaces it under its new name', () => {
    const a = open();
    const request = requestFor(a.outline(), 2);
    a.generate(request);
    a.fakes.spreadsheet.byName('KPI Scorecard')!.name = 'Board';
    // Still ours: not outlined as data.
    expect(a.outline().sheets.map((s) => s.name)).not.toContain('Board');
    // The marker remembers the name it was asked for: "Board" is the scorecard, replaced in place.
    expect(a.generate(request).sheetName).toBe('Board');
    expect(a.fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', 'Board']);
    expect(a.fakes.spreadsheet.byName('Board')!.metadata).toHaveLength(1);
    // And after switching the language (the German default name), still the same sheet.
    expect(a.generate({ ...request, options: defaultOptions('de') }).sheetName).toBe('Board');
    expect(a.fakes.spreadsheet.byName('Board')!.cell(1, 1)?.value).toBe('Kundenservice-Scorecard');
  });

  it('keeps the manager\'s notes (Z3, A80), reads a target typed as text, moves a note in its way to "Your notes"', () => {
    const a = open();
    const request = requestFor(a.outline(), 4);
    a.generate(request);
    const first = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    const marker = JSON.parse(first.metadata[0].value!) as ScorecardPlan['marker'];
    const [[id, t1], [, t2]] = Object.entries(marker.targetCells);
    first.put(3, 26, 'check with Ana');
    first.put(80, 1, 'Q3 review done');
    first.put(t1.row, t1.col, '77 %');
    first.put(t2.row, t2.col, 'ask Ana');
    const result = a.generate(request);
    const second = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    expect(second).not.toBe(first);
    expect(second.cell(3, 26)?.value).toBe('check with Ana');
    expect(second.cell(80, 1)?.value).toBe('Q3 review done');
    const next = JSON.parse(second.metadata[0].value!) as ScorecardPlan['marker'];
    expect(second.cell(next.targetCells[id].row, t1.col)?.value).toBe(0.77);
    const notes = next.notes!;
    // Targets are in column H since the Period column (C) moved the later columns right by one.
    expect(t2.col).toBe(8);
    expect(second.cell(notes.row, notes.col)?.value).toBe(`H${t2.row}`);
    expect(second.cell(notes.row, notes.col + 1)?.value).toBe('ask Ana');
    expect(result.notes.join(' ')).toContain('Kept the 2 cells you wrote on the previous scorecard where they were.');
    expect(result.notes.join(' ')).toContain('moved to "Your notes"');
  });

  it('builds the new sheet before deleting the old one: a failure half-way leaves the old scorecard intact, and the retry makes no "(2)"', () => {
    const a = open();
    const request = requestFor(a.outline(), 4);
    a.generate(request);
    const first = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    const marker = JSON.parse(first.metadata[0].value!) as ScorecardPlan['marker'];
    const [, t1] = Object.entries(marker.targetCells)[0];
    first.put(t1.row, t1.col, 0.66);
    first.put(3, 26, 'check with Ana');
    const before = snapshot(first);
    a.fakes.spreadsheet.failWrites = (sheet) => sheet !== first;
    expect(() => a.generate(request)).toThrow(/half-way/);
    expect(a.fakes.spreadsheet.byName('KPI Scorecard')).toBe(first);
    expect(snapshot(first)).toEqual(before);
    expect(first.metadata).toHaveLength(1);
    expect(a.fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', 'KPI Scorecard']);

    a.fakes.spreadsheet.failWrites = undefined;
    expect(a.generate(request).sheetName).toBe('KPI Scorecard');
    expect(a.fakes.spreadsheet.sheets.map((s) => s.name)).toEqual(['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages', 'KPI Scorecard']);
    const second = a.fakes.spreadsheet.byName('KPI Scorecard')!;
    expect(second.cell(t1.row, t1.col)?.value).toBe(0.66);
    expect(second.cell(3, 26)?.value).toBe('check with Ana');
  });

  it('trusts the marker only on its own scorecard: a data sheet carrying it is read as data and left as it is', () => {
    const a = open();
    const request = requestFor(a.outline(), 3);
    a.generate(request);
    const value = a.fakes.spreadsheet.byName('KPI Scorecard')!.metadata[0].value;
    const orders = a.fakes.spreadsheet.byName('Orders')!;
    orders.metadata.push({ key: 'service-kpi.scorecard', value, visibility: 'DOCUMENT' });
    const before = snapshot(orders);
    expect(a.outline().sheets.map((s) => s.name)).toContain('Orders');
    const result = a.generate({ ...request, options: { ...request.options, sheetName: 'Orders' } });
    expect(result.sheetName).toBe('Orders (2)');
    expect(snapshot(a.fakes.spreadsheet.byName('Orders')!)).toEqual(before);
  });

  it('refuses a request the engine cannot read, naming the field', () => {
    const a = open();
    const request = requestFor(a.outline(), 2);
    const bad = { ...request, options: { ...request.options, slaHours: -1 } };
    expect(() => a.run('skpiGenerate', JSON.stringify(bad))).toThrow(/options\.slaHours/);
    const noSuchDay = { ...request, options: { ...request.options, reportingDate: '2026-02-30' } };
    expect(() => a.run('skpiGenerate', JSON.stringify(noSuchDay))).toThrow(/options\.reportingDate/);
    const minimum = { ...request, options: { ...request.options, minTickets: 2.5 } };
    expect(() => a.run('skpiGenerate', JSON.stringify(minimum))).toThrow(/options\.minTickets/);
    expect(() => a.run('skpiGenerate', '{')).toThrow(/not valid JSON/);
    expect(a.fakes.spreadsheet.sheets).toHaveLength(SAMPLE_SHEETS.length);
  });

  it('writes the sidebar\'s reporting date into the scorecard\'s reporting-date cell as a date', () => {
    const a = open();
    const base = requestFor(a.outline());
    const request = { ...base, options: { ...base.options, reportingDate: '2026-09-15' } };
    const result = a.generate(request);
    const sheet = a.fakes.spreadsheet.byName(result.sheetName)!;
    const at = (JSON.parse(sheet.metadata[0].value!) as ScorecardPlan['marker']).reportingDateCell!;
    // Serial day of 2026-09-15, computed apart from the engine.
    expect(sheet.cell(at.row, at.col)?.value).toBe((Date.UTC(2026, 8, 15) - Date.UTC(1899, 11, 30)) / 86_400_000);
    expect(sheet.cell(at.row, at.col)?.format).toBe('yyyy-mm-dd');
    expect(result.summary.find((s) => s.id === 'nps')?.period).toBe('2026-08');
  });

  it('returns plain JSON text, so nothing google.script.run cannot carry crosses', () => {
    const a = open();
    const text = a.run('skpiGenerate', JSON.stringify(requestFor(a.outline(), 3)));
    expect(typeof text).toBe('string');
    expect(JSON.parse(text as string)).toMatchObject({ sheetName: 'KPI Scorecard', kpis: 3 });
  });
});

describe('skpiReadSettings and skpiWriteSettings', () => {
  it('store roles, targets and options in the document properties and read them back', () => {
    const a = open();
    expect(a.run('skpiReadSettings')).toBe('null');
    const request = requestFor(a.outline());
    const settings = { version: 1, ...request };
    a.fakes.log.reset();
    a.run('skpiWriteSettings', JSON.stringify(settings));
    expect(a.fakes.log.tally()['Properties.setProperties']).toBe(1);
    expect([...a.fakes.properties.keys()].some((k) => k.startsWith('service-kpi.roles.'))).toBe(true);
    expect(JSON.parse(a.run('skpiReadSettings') as string)).toEqual(JSON.parse(JSON.stringify(settings)));
  });

  it('keep long settings in chunks under the 9 KB property limit', () => {
    const a = open();
    const request = requestFor(a.outline());
    // As many copies of the detected roles as a request may hold (the sample's log sheets brought
    // more roles, so a fixed 12 copies passed the limit): long, but still valid settings.
    const copies = Math.floor(REQUEST_LIMITS.maxRoles / request.roles.length);
    const roles = Array.from({ length: copies }, () => request.roles).flat().map((r, i) => ({ ...r, header: `${r.header} ${'ü'.repeat(40)} ${i}` }));
    const settings = { version: 1, ...request, roles };
    a.run('skpiWriteSettings', JSON.stringify(settings));
    expect(JSON.stringify(roles).length).toBeGreaterThan(9000);
    for (const v of a.fakes.properties.values()) expect(Buffer.byteLength(v)).toBeLessThanOrEqual(9000);
    expect(JSON.parse(a.run('skpiReadSettings') as string)).toEqual(JSON.parse(JSON.stringify(settings)));
  });

  it('refuse invalid settings with the field and say when stored ones cannot be read', () => {
    const a = open();
    const request = requestFor(a.outline(), 1);
    expect(() => a.run('skpiWriteSettings', JSON.stringify({ version: 1, ...request, options: { ...request.options, tolerance: 3 } })))
      .toThrow(/options\.tolerance/);
    a.fakes.properties.set('service-kpi.chunks', '{"roles":1,"targets":1,"options":1}');
    a.fakes.properties.set('service-kpi.roles.0', '[{');
    expect(() => a.run('skpiReadSettings')).toThrow(/cannot be read/);
  });
});

function snapshot(sheet: FakeSheetModel): unknown {
  return { cells: [...unwrap(sheet).cells.entries()], rules: sheet.rules, widths: [...sheet.columnWidths], frozen: sheet.frozenRows };
}
