/**
 * The Excel HostBridge against a recording fake of the Excel API (test/helpers/excel-fake.ts), on
 * the sample helpdesk workbook as Excel holds it: dates as serials with date formats, blanks empty.
 * The plan the core builds must land on the new sheet as specified, in a fixed number of syncs
 * whatever the number of KPIs, without touching any sheet of the user's.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { GenerateRequest, KpiTarget, ScorecardPlan, StoredSettings } from '../../core/scorecard/types.js';
import { createExcelBridge, isScorecardName, SETTINGS_KEY } from '../../excel-addin/bridge.js';
import type { ExcelBridge, OfficeEnv } from '../../excel-addin/bridge.js';
import { dateOfSerial, isDateFormat } from '../../excel-addin/read.js';
import { cellFormat, cellInput, MARKER_KEY, pxToPoints } from '../../excel-addin/write.js';
import { DEFAULT_SEED, generateSample, sheetsOf } from '../../examples/generate.js';
import { FakeWorkbook, fakeOffice } from '../helpers/excel-fake.js';
import type { FakeOffice, FakeSheet } from '../helpers/excel-fake.js';

const SERIAL_OF_1970 = 25_569;
/** The sample workbook's sheets, in order (with the status and message logs of the logs branch). */
const DATA_SHEETS = ['Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages'];

/** The sample workbook as Excel holds it: Date cells as serials with their number format. */
function sampleWorkbook(): FakeWorkbook {
  const data = generateSample(DEFAULT_SEED, { survey: 240, tickets: 480, orders: 240 });
  const wb = new FakeWorkbook();
  for (const s of sheetsOf(data)) {
    const sheet = wb.addSheet(s.name);
    s.columns.forEach((c, j) => sheet.set(0, j, c.header));
    s.rows.forEach((row, i) => row.forEach((v, j) => {
      const value = v instanceof Date ? v.getTime() / 86_400_000 + SERIAL_OF_1970 : v;
      sheet.set(i + 1, j, value, value === null ? undefined : s.columns[j].numFmt);
    }));
  }
  return wb;
}

interface Setup {
  readonly wb: FakeWorkbook;
  readonly office: FakeOffice;
  readonly bridge: ExcelBridge;
  readonly plans: ScorecardPlan[];
}

function setup(wb = sampleWorkbook(), office = fakeOffice()): Setup {
  const plans: ScorecardPlan[] = [];
  const env = { excel: wb.excel, office } as unknown as OfficeEnv;
  return { wb, office, bridge: createExcelBridge(env, { onPlan: (p) => plans.push(p) }), plans };
}

async function requestFor(s: Setup, enabledCount?: number): Promise<GenerateRequest> {
  const outline = await s.bridge.readOutline();
  const roles = detectRoles(outline);
  const { available } = availableKpis(roles);
  const targets: Record<string, KpiTarget> = defaultTargets(available);
  if (enabledCount !== undefined) {
    available.forEach((k, i) => { targets[k.id] = { ...targets[k.id], enabled: i < enabledCount }; });
  }
  return { roles, targets, options: defaultOptions('en') };
}

const lastRun = (wb: FakeWorkbook) => wb.runs[wb.runs.length - 1];

/** What a plan cell must look like on the sheet. */
function expectCellWritten(sheet: FakeSheet, row: number, col: number, input: string | number | boolean, format: string): void {
  const cell = sheet.cell(row, col);
  const where = `${sheet.name}!R${row + 1}C${col + 1}`;
  if (input === '') {
    expect(cell?.value ?? '', where).toBe('');
    expect(cell?.formula, where).toBeUndefined();
    return;
  }
  expect(cell, where).toBeDefined();
  if (typeof input === 'string' && input.startsWith('=')) expect(cell!.formula, where).toBe(input);
  else if (typeof input === 'string' && input.startsWith("'")) expect(cell!.value, where).toBe(input.slice(1));
  else expect(cell!.value, where).toBe(input);
  expect(cell!.numberFormat ?? 'General', where).toBe(format);
}

describe('reading the workbook', () => {
  let s: Setup;
  beforeEach(() => { s = setup(); });

  it('outlines every data sheet in three syncs, with dates shown as ISO text', async () => {
    const outline = await s.bridge.readOutline();
    // Names; used ranges and markers; the top rows of all five sheets packed into one read.
    expect(lastRun(s.wb)).toMatchObject({ syncs: 3, unsynced: 0 });
    expect(outline.sheetNames).toEqual(DATA_SHEETS);
    const survey = outline.sheets.find((x) => x.name === 'Survey')!;
    expect(survey.headerRow).toBe(1);
    expect(survey.rowCount).toBe(240);
    expect(survey.headers[0]).toBe('Date');
    // Serials formatted yyyy-mm-dd reach the outline as wall-clock ISO text, like Sheets' Dates.
    expect(survey.samples[0][0]).toMatch(/^2025-12-\d\dT00:00:00$/);
    // A score column stays numbers.
    const nps = survey.headers.indexOf('NPS');
    expect(survey.samples[nps].every((v) => typeof v === 'number' || v === 'n/a')).toBe(true);
  });

  it('reads only the top of a long sheet and its last row, yet counts every row', async () => {
    const wb = new FakeWorkbook();
    const long = wb.addSheet('Long');
    long.set(2, 1, 'Date');
    long.set(2, 2, 'Score');
    for (let i = 0; i < 1500; i++) {
      long.set(3 + i, 1, 46000 + i, 'yyyy-mm-dd');
      long.set(3 + i, 2, i % 11);
    }
    const { bridge } = setup(wb);
    const outline = await bridge.readOutline();
    const sheet = outline.sheets[0];
    // Header in row 3 from column B; 1500 data rows down to row 1503.
    expect(sheet).toMatchObject({ name: 'Long', headerRow: 3, firstCol: 2, headers: ['Date', 'Score'], rowCount: 1500, lastRow: 1503 });
    expect(sheet.samples[0][0]).toBe('2025-12-09T00:00:00');
    expect(sheet.samples[1].slice(0, 3)).toEqual([0, 1, 2]);
    // The used range B3:C1503 holds 3002 cells; the outline read 500 rows, the last one and the
    // number formats of the first 120, and A1:B4 (is it our scorecard?).
    expect(lastRun(wb).valuesLoaded).toBe((501 + 120) * 2 + 8);
  });

  it('detects the roles a careful reader would give the sample', async () => {
    const roles = detectRoles(await s.bridge.readOutline());
    const role = (r: string) => roles.find((x) => x.role === r);
    expect(role('npsScore')).toMatchObject({ sheet: 'Survey', header: 'NPS' });
    expect(role('ticketOpened')).toMatchObject({ sheet: 'Tickets', header: 'Opened' });
    expect(role('ticketResolved')).toMatchObject({ sheet: 'Tickets', header: 'Resolved' });
  });

  it('reports an Excel table as the data table for structured references', async () => {
    const tickets = s.wb.sheet('Tickets')!;
    s.wb.tables.push({ name: 'TicketTable', sheet: tickets, headerRow: 0, firstCol: 0, cols: 9, showHeaders: true });
    const outline = await s.bridge.readOutline();
    expect(lastRun(s.wb).syncs).toBe(3);
    const t = outline.sheets.find((x) => x.name === 'Tickets')!;
    expect(t.table?.name).toBe('TicketTable');
    expect(t.table?.columns.slice(0, 3)).toEqual(['Ticket ID', 'Opened', 'First response']);
  });

  it('writes structured references when the data is an Excel table', async () => {
    const tickets = s.wb.sheet('Tickets')!;
    s.wb.tables.push({ name: 'TicketTable', sheet: tickets, headerRow: 0, firstCol: 0, cols: tickets.usedRect().cols, showHeaders: true });
    await s.bridge.generate(await requestFor(s));
    expect(lastRun(s.wb)).toMatchObject({ syncs: 4, unsynced: 0 });
    const formulas = [...s.wb.sheet('KPI Scorecard')!.cells.values()].map((c) => c.formula ?? '');
    expect(formulas.some((f) => f.includes('TicketTable[Opened]'))).toBe(true);
    expect(formulas.some((f) => f.includes('Tickets!'))).toBe(false);
  });

  it('takes the display language from Office (de-* is German)', async () => {
    expect(await s.bridge.language()).toBe('en');
    expect(await setup(sampleWorkbook(), fakeOffice({ language: 'de-AT' })).bridge.language()).toBe('de');
  });
});

describe('settings', () => {
  it('round-trips validated settings through the document settings, saved with saveAsync', async () => {
    const s = setup();
    expect(await s.bridge.readSettings()).toBeNull();
    const settings: StoredSettings = {
      version: 1, roles: [], targets: { nps: { target: 40, direction: 'higher', enabled: true } },
      options: { ...defaultOptions('de'), reportingDate: '2026-10-31', minAnswers: 5, minTickets: 0 },
    };
    await s.bridge.writeSettings(settings);
    expect(s.office.saved.has(SETTINGS_KEY)).toBe(true);
    expect(await s.bridge.readSettings()).toEqual(settings);
  });

  it('ignores stored settings that do not validate', async () => {
    const s = setup();
    s.office.context.document.settings.set(SETTINGS_KEY, JSON.stringify({ version: 7, roles: 'nonsense' }));
    expect(await s.bridge.readSettings()).toBeNull();
    s.office.context.document.settings.set(SETTINGS_KEY, '{not json');
    expect(await s.bridge.readSettings()).toBeNull();
  });
});

describe('generating the scorecard', () => {
  it('writes the plan as specified: blocks, number formats, status colours, trends, layout, marker', async () => {
    const s = setup();
    const request = await requestFor(s);
    const steps: string[] = [];
    const result = await s.bridge.generate(request, (step) => steps.push(step));
    expect(steps).toEqual(['read', 'plan', 'write', 'done']);
    const plan = s.plans[0];
    expect(result.sheetName).toBe('KPI Scorecard');
    expect(result.kpis).toBe(plan.marker.kpis.length);
    const sheet = s.wb.sheet('KPI Scorecard')!;
    expect(s.wb.activeSheet).toBe(sheet);

    // Every cell of every block: formula or constant, and its number format.
    let cells = 0;
    for (const block of plan.blocks) {
      block.cells.forEach((row, r) => row.forEach((pc, c) => {
        expectCellWritten(sheet, block.row - 1 + r, block.col - 1 + c, cellInput(pc), cellFormat(pc));
        cells++;
      }));
    }
    expect(cells).toBeGreaterThan(200);
    // Live mode: the KPI rows read KPI_BY_PERIOD helper blocks through the KPI namespace.
    expect([...sheet.cells.values()].some((c) => c.formula?.startsWith('=KPI.KPI_BY_PERIOD('))).toBe(true);

    // Status colours: one rule per status on each status range, colours from the plan.
    expect(plan.statusRules.length).toBeGreaterThan(0);
    expect(sheet.conditionalFormats).toHaveLength(plan.statusRules.length * 3);
    for (const rule of plan.statusRules) {
      for (const status of ['green', 'amber', 'red'] as const) {
        const cf = sheet.conditionalFormats.find((x) => x.range.row === rule.range.row - 1 && x.range.col === rule.range.col - 1 && x.rule?.formula1 === `="${status}"`);
        expect(cf, status).toMatchObject({ type: 'CellValue', fill: rule.colors[status].fill, font: rule.colors[status].font, rule: { operator: 'EqualTo' } });
        expect(cf!.range.rows).toBe(rule.range.rows ?? 1);
      }
    }

    // One line chart per trend, covering exactly its trend cell (not Excel's default 360 × 216 pt,
    // which would hide the neighbouring cells), drawing its source row even though hidden.
    expect(plan.trends.length).toBeGreaterThan(3);
    expect(sheet.charts).toHaveLength(plan.trends.length);
    plan.trends.forEach((t, i) => {
      const chart = sheet.charts[i];
      const cell = { row: t.cell.row - 1, col: t.cell.col - 1, rows: 1, cols: 1 };
      expect(chart.type).toBe('Line');
      expect(chart.source).toEqual({ row: t.source.row - 1, col: t.source.col - 1, rows: t.source.rows ?? 1, cols: t.source.cols ?? 1 });
      expect(chart.position).toEqual({ start: cell, end: cell });
      const at = sheet.offsetOf(cell.row, cell.col);
      expect({ left: chart.left, top: chart.top, width: chart.width, height: chart.height })
        .toEqual({ left: at.left, top: at.top, width: sheet.columnWidth(cell.col), height: sheet.rowHeight(cell.row) });
      expect(chart).toMatchObject({ plotVisibleOnly: false, legendVisible: false, titleVisible: false });
    });

    // Layout: frozen header rows, column widths (px → pt), hidden helper columns.
    expect(sheet.frozenRows).toBe(plan.frozenRows);
    expect(sheet.frozenCols).toBe(plan.frozenCols);
    for (const [col, px] of Object.entries(plan.columnWidths)) expect(sheet.columnWidths.get(Number(col) - 1)).toBe(pxToPoints(px));
    expect([...sheet.hiddenColumns].sort((a, b) => a - b)).toEqual([...plan.hiddenColumns].map((c) => c - 1).sort((a, b) => a - b));

    // Styles: the header row is bold on a dark fill, target inputs are yellow.
    const header = plan.blocks.flatMap((b) => b.cells.flatMap((row, r) => row.map((pc, c) => ({ pc, row: b.row - 1 + r, col: b.col - 1 + c })))).find((x) => x.pc?.style === 'header')!;
    expect(sheet.style(header.row, header.col)).toMatchObject({ bold: true, fill: '#1F4E78', fontColor: '#FFFFFF' });
    const target = Object.values(plan.marker.targetCells)[0];
    expect(sheet.style(target.row - 1, target.col - 1).fill).toBe('#FFF2CC');

    // The marker: what regeneration looks for.
    expect(JSON.parse(sheet.customProperties.get(MARKER_KEY)!)).toEqual(plan.marker);
  });

  it('writes native formulas only in portable mode, so colleagues without the add-in see numbers', async () => {
    const s = setup();
    const request = await requestFor(s);
    await s.bridge.generate({ ...request, options: { ...request.options, portable: true } });
    const formulas = [...s.wb.sheet('KPI Scorecard')!.cells.values()].flatMap((c) => (c.formula ? [c.formula] : []));
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.filter((f) => f.includes('KPI.'))).toEqual([]);
    expect(formulas.some((f) => f.includes('COUNTIFS('))).toBe(true);
  });

  it('needs the same four syncs for 3 KPIs as for every KPI of a rich workbook (a first scorecard: no old one to keep intact)', async () => {
    const few = setup();
    await few.bridge.generate(await requestFor(few, 3));
    expect(few.plans[0].marker.kpis).toHaveLength(3);
    const all = setup();
    await all.bridge.generate(await requestFor(all));
    expect(all.plans[0].marker.kpis.length).toBeGreaterThanOrEqual(20);
    // Names; sizes, markers and tables; the data (under CHUNK_CELLS: one read); the new sheet
    // under a temporary name; its name (taken only once the sheet is written).
    expect(lastRun(few.wb)).toMatchObject({ syncs: 4, unsynced: 0 });
    expect(lastRun(all.wb)).toMatchObject({ syncs: 4, unsynced: 0 });
  });

  it('leaves a user sheet named "KPI Scorecard" untouched and writes "KPI Scorecard (2)"', async () => {
    const s = setup();
    const mine = s.wb.addSheet('KPI Scorecard');
    mine.set(0, 0, 'my own notes');
    mine.set(4, 2, 42);
    const request = await requestFor(s, 3);
    const result = await s.bridge.generate(request);
    expect(result.sheetName).toBe('KPI Scorecard (2)');
    expect(s.wb.sheet('KPI Scorecard')).toBe(mine);
    expect([...mine.cells.entries()]).toEqual([['0:0', { value: 'my own notes', numberFormat: undefined }], ['4:2', { value: 42, numberFormat: undefined }]]);
    expect(mine.customProperties.size).toBe(0);
    expect(mine.charts).toHaveLength(0);
    expect(mine.conditionalFormats).toHaveLength(0);
  });

  it('regenerating replaces only our marked sheet, in its place, keeping the targets typed on it', async () => {
    const s = setup();
    const request = await requestFor(s, 4);
    await s.bridge.generate(request);
    const first = s.wb.sheet('KPI Scorecard')!;
    // The manager moves the scorecard to the front and types a target.
    s.wb.sheets = [first, ...s.wb.sheets.filter((x) => x !== first)];
    const [id, ref] = Object.entries(s.plans[0].marker.targetCells)[0];
    first.set(ref.row - 1, ref.col - 1, 0.5);
    const before = s.wb.sheets.filter((x) => x !== first).map((x) => x.name);

    const result = await s.bridge.generate(request);
    expect(result.sheetName).toBe('KPI Scorecard');
    // One more sync than a first run: the old scorecard's cells, read back.
    expect(lastRun(s.wb)).toMatchObject({ syncs: 6, unsynced: 0 });
    const second = s.wb.sheet('KPI Scorecard')!;
    expect(second).not.toBe(first);
    expect(s.wb.sheets.includes(first)).toBe(false);
    expect(s.wb.sheets[0]).toBe(second);
    expect(s.wb.sheets.slice(1).map((x) => x.name)).toEqual(before);
    // The typed target survives: the new plan and the new sheet carry it.
    const plan = s.plans[1];
    const newRef = plan.marker.targetCells[id];
    expect(second.cell(newRef.row - 1, newRef.col - 1)?.value).toBe(0.5);
  });

  it('never deletes a sheet without our marker, even one whose name the plan would reuse', async () => {
    const s = setup();
    const request = await requestFor(s, 3);
    await s.bridge.generate(request);
    // Someone removes our marker (for example by rebuilding the sheet by hand).
    s.wb.sheet('KPI Scorecard')!.customProperties.clear();
    await s.bridge.generate(request);
    expect(s.wb.sheets.map((x) => x.name)).toEqual([...DATA_SHEETS, 'KPI Scorecard', 'KPI Scorecard (2)']);
  });

  it('explains that scorecards need ExcelApi 1.12 on older Excel, before touching the workbook', async () => {
    const s = setup(sampleWorkbook(), fakeOffice({ excelApi: '1.9' }));
    const request = await requestFor(s, 3);
    const runs = s.wb.runs.length;
    await expect(s.bridge.generate(request)).rejects.toThrow(/ExcelApi 1\.12/);
    expect(s.wb.runs.length).toBe(runs);
  });
});

describe('regenerating keeps what the manager wrote (issue 14)', () => {
  it('carries notes and a formula of the manager\'s over, moves a colliding one to "Your notes", reads a text target', async () => {
    const s = setup();
    const request = await requestFor(s, 4);
    await s.bridge.generate(request);
    const first = s.wb.sheet('KPI Scorecard')!;
    const [id, ref] = Object.entries(s.plans[0].marker.targetCells)[0];
    const [id2, ref2] = Object.entries(s.plans[0].marker.targetCells)[1];
    first.set(2, 25, 'check with Ana'); // Z3
    first.set(79, 0, 'Q3 review done'); // A80
    first.cells.set('80:0', { value: '', formula: '=A80&"!"' }); // A81
    first.set(ref.row - 1, ref.col - 1, '45'); // a target typed as text
    first.set(ref2.row - 1, ref2.col - 1, 'ask Ana');

    const result = await s.bridge.generate(request);
    const second = s.wb.sheet('KPI Scorecard')!;
    expect(second).not.toBe(first);
    expect(second.cell(2, 25)?.value).toBe('check with Ana');
    expect(second.cell(79, 0)?.value).toBe('Q3 review done');
    expect(second.cell(80, 0)?.formula).toBe('=A80&"!"');
    const plan = s.plans[1];
    // The first KPI is a share: 45 typed as text is 45 %.
    expect(second.cell(plan.marker.targetCells[id].row - 1, ref.col - 1)?.value).toBe(0.45);
    const notes = plan.marker.notes!;
    // The note names the cell the text was typed in: column H, Target (after the Period column).
    expect(second.cell(notes.row - 1, notes.col - 1)?.value).toBe(`H${ref2.row}`);
    expect(second.cell(notes.row - 1, notes.col)?.value).toBe('ask Ana');
    expect(result.notes.join(' ')).toContain('Kept the 3 cells you wrote on the previous scorecard where they were.');
    expect(s.wb.sheets.map((x) => x.name)).toEqual([...DATA_SHEETS, 'KPI Scorecard']);
  });

  it('leaves the old scorecard intact when the write fails half-way, and the retry makes no "(2)"', async () => {
    const s = setup();
    const request = await requestFor(s, 4);
    await s.bridge.generate(request);
    const first = s.wb.sheet('KPI Scorecard')!;
    first.set(2, 25, 'check with Ana');
    const before = JSON.stringify([...first.cells]);
    let writes = 0;
    s.wb.failWrites = (sheet) => sheet !== first && ++writes === 3;
    await expect(s.bridge.generate(request)).rejects.toThrow(/half-way/);
    expect(s.wb.sheet('KPI Scorecard')).toBe(first);
    expect(JSON.stringify([...first.cells])).toBe(before);
    expect(first.customProperties.has(MARKER_KEY)).toBe(true);
    // The half-built sheet was removed.
    expect(s.wb.sheets.map((x) => x.name)).toEqual([...DATA_SHEETS, 'KPI Scorecard']);

    s.wb.failWrites = undefined;
    const retry = await s.bridge.generate(request);
    expect(retry.sheetName).toBe('KPI Scorecard');
    expect(s.wb.sheets.map((x) => x.name)).toEqual([...DATA_SHEETS, 'KPI Scorecard']);
    expect(s.wb.sheet('KPI Scorecard')!.cell(2, 25)?.value).toBe('check with Ana');
  });

  it('finds its scorecard after the manager renamed it or switched the language', async () => {
    const s = setup();
    const request = await requestFor(s, 4);
    await s.bridge.generate(request);
    const first = s.wb.sheet('KPI Scorecard')!;
    const [id, ref] = Object.entries(s.plans[0].marker.targetCells)[0];
    first.set(ref.row - 1, ref.col - 1, 0.61);
    first.name = 'Team Q3';
    expect((await s.bridge.generate(request)).sheetName).toBe('Team Q3');
    const german = await s.bridge.generate({ ...request, options: defaultOptions('de') });
    expect(german.sheetName).toBe('Team Q3');
    const sheet = s.wb.sheet('Team Q3')!;
    expect(sheet.cell(0, 0)?.value).toBe('Kundenservice-Scorecard');
    expect(sheet.cell(s.plans[2].marker.targetCells[id].row - 1, ref.col - 1)?.value).toBe(0.61);
    expect(s.wb.sheets.map((x) => x.name)).toEqual([...DATA_SHEETS, 'Team Q3']);
  });

  it('trusts the marker only on its own scorecard: a data sheet carrying it is data, read and left as it is', async () => {
    const s = setup();
    const request = await requestFor(s, 4);
    await s.bridge.generate(request);
    const marker = s.wb.sheet('KPI Scorecard')!.customProperties.get(MARKER_KEY)!;
    const orders = s.wb.sheet('Orders')!;
    orders.customProperties.set(MARKER_KEY, marker);
    const before = JSON.stringify([...orders.cells]);
    expect((await s.bridge.readOutline()).sheets.map((x) => x.name)).toContain('Orders');
    const result = await s.bridge.generate({ ...request, options: { ...request.options, sheetName: 'Orders' } });
    expect(result.sheetName).toBe('Orders (2)');
    expect(s.wb.sheet('Orders')).toBe(orders);
    expect(JSON.stringify([...orders.cells])).toBe(before);
  });
});

describe('helpers', () => {
  it('tells date formats from number formats', () => {
    for (const f of ['yyyy-mm-dd', 'yyyy-mm-dd hh:mm', 'm/d/yyyy', 'dd.mm.yyyy', 'h:mm AM/PM', '[$-407]dd. mmmm yyyy']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['General', '0', '0.0%', '#,##0.00', '0.0" h"', '[h]:mm', '@', '#,##0 "days"', '[Red]0.00']) expect(isDateFormat(f), f).toBe(false);
  });

  it('turns serials into Dates the core reads back to the same serial', () => {
    // 2026-03-02 09:15 is serial 46083.385416…
    expect(dateOfSerial(46083 + 9.25 / 24).toISOString()).toBe('2026-03-02T09:15:00.000Z');
  });

  it('recognises the scorecard names the plan may replace', () => {
    expect(isScorecardName('KPI Scorecard', 'KPI Scorecard')).toBe(true);
    expect(isScorecardName('kpi scorecard (3)', 'KPI Scorecard')).toBe(true);
    expect(isScorecardName('KPI Scorecard old', 'KPI Scorecard')).toBe(false);
    expect(isScorecardName('Survey', 'KPI Scorecard')).toBe(false);
  });

  it('writes user text that looks like a formula as text, and plain text with the Text format', () => {
    expect(cellInput({ value: '=HYPERLINK("x")', userText: true })).toBe('\'=HYPERLINK("x")');
    expect(cellInput({ value: '-1+2' })).toBe("'-1+2");
    expect(cellFormat({ value: '2026-03' })).toBe('@');
    expect(cellFormat({ value: 3, numberFormat: '0.0%' })).toBe('0.0%');
    expect(cellInput(null)).toBe('');
  });
});
