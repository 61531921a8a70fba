/**
 * Apps Script's documented limits, as the fakes enforce them (Properties: 9 KB a value, 500 KB a
 * store; 6 minutes an execution and 30 s a custom function, by counted service calls and cells at
 * the assumed costs; 10 million cells a spreadsheet), and the add-on within them: the outline reads
 * each sheet's header area and last row, settings that would not fit are refused with a clear
 * message, and a time zone this V8's Intl lacks still works through Utilities.formatDate.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { detectRoles } from '../../core/scorecard/detect.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { SheetData, WorkbookOutline } from '../../core/scorecard/types.js';
import { OUTLINE_ROWS, outlineRows } from '../../sheets-addon/workbook.js';
import { ASSUMED_COST, LIMITS, buildAddon, formatDate, intlWithout, openAddon } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon, FakeSheetInit, OpenedAddon } from '../helpers/apps-script-fakes.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

type Opened = OpenedAddon;

const open = (options: { sheets?: FakeSheetInit[]; timeZone?: string; locale?: string; intl?: typeof Intl } = {}): Opened =>
  openAddon(addon, { ...options, globals: options.intl ? { Intl: options.intl } : {} });

describe('the fakes enforce the documented limits', () => {
  it('refuse a property value over 9 KB and a store over 500 KB: a 6 MB write fails and changes nothing', () => {
    const { fakes } = open();
    const props = fakes.globals.PropertiesService as { getDocumentProperties(): { setProperty(k: string, v: string): void; setProperties(o: Record<string, string>, d?: boolean): void } };
    const store = props.getDocumentProperties();
    store.setProperty('small', 'x'.repeat(9_000));
    expect(() => store.setProperty('big', 'x'.repeat(9_001))).toThrow(/Argument too large/);
    // 6 MB in 700 values of 8,600 bytes: each value fits, the store does not.
    const six = Object.fromEntries(Array.from({ length: 700 }, (_, i) => [`k${i}`, 'y'.repeat(8_600)]));
    expect(() => store.setProperties(six)).toThrow(/exceeded the property storage quota/);
    expect([...fakes.properties.keys()]).toEqual(['small']);
    // Keys count too: 55 values of 9,000 bytes with their keys pass 500,000 bytes.
    const keyed = Object.fromEntries(Array.from({ length: 55 }, (_, i) => [`key-${i}`.padEnd(100, '-'), 'z'.repeat(9_000)]));
    expect(() => store.setProperties(keyed, true)).toThrow(/property storage quota/);
  });

  it('stop an execution at 6 minutes of counted work (ASSUMED 100 ms a call, 1 µs a cell), and a custom function at 30 s', () => {
    const { fakes } = open({ sheets: [{ name: 'S', rows: [['a']] }] });
    const app = fakes.globals.SpreadsheetApp as { getActive(): { getSpreadsheetTimeZone(): string } };
    expect(ASSUMED_COST).toEqual({ perCallMs: 100, perCellMs: 0.001 });
    fakes.log.reset();
    const calls = LIMITS.executionMs / ASSUMED_COST.perCallMs;
    for (let i = 0; i < calls; i++) app.getActive();
    expect(fakes.log.elapsedMs).toBe(LIMITS.executionMs);
    expect(() => app.getActive()).toThrow(/Exceeded maximum execution time/);
    fakes.log.reset(LIMITS.customFunctionMs);
    for (let i = 0; i < LIMITS.customFunctionMs / ASSUMED_COST.perCallMs; i++) app.getActive();
    expect(() => app.getActive()).toThrow(/Exceeded maximum execution time .* limit is 30 s/);
  });

  it('keep a spreadsheet within 10 million cells', () => {
    const { fakes } = open({ sheets: [{ name: 'S', rows: [['a']] }] });
    const sheet = (fakes.globals.SpreadsheetApp as { getActive(): { getSheets(): { insertColumnsAfter(a: number, n: number): unknown; insertRowsAfter(a: number, n: number): unknown }[] } }).getActive().getSheets()[0];
    sheet.insertRowsAfter(1000, 99_000);
    expect(() => sheet.insertColumnsAfter(26, 80)).toThrow(/above the limit of 10000000 cells/);
  });

  it('format offsets as Utilities.formatDate(date, zone, "Z") does', () => {
    expect(formatDate(new Date('2026-03-29T00:59:59Z'), 'Europe/Berlin', 'Z')).toBe('+0100');
    expect(formatDate(new Date('2026-03-29T01:00:00Z'), 'Europe/Berlin', 'Z')).toBe('+0200');
    expect(formatDate(new Date('2026-01-15T12:00:00Z'), 'America/St_Johns', 'Z')).toBe('-0330');
    expect(formatDate(new Date('2026-01-15T12:00:00Z'), 'Asia/Kathmandu', 'yyyy-MM-dd HH:mm Z')).toBe('2026-01-15 17:45 +0545');
  });
});

describe('the outline reads the header area and the last row', () => {
  const TALL = 20_000;
  const sheets = (): FakeSheetInit[] => [{
    name: 'Tickets',
    dense: true,
    rows: [
      ['Export of 2026-03-31'],
      [],
      ['Ticket', 'Opened', 'Resolved', 'Agent'],
      ...Array.from({ length: TALL }, (_, i) => [i + 1, new Date(Date.UTC(2026, 0, 1) + i * 3_600_000), i % 7 ? new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + 7_200_000) : '', `agent ${i % 9}`]),
    ],
  }];

  it('reads 500 rows and the last one of a 20,003-row sheet, yet counts every row', () => {
    const a = open({ sheets: sheets() });
    a.fakes.log.reset();
    const outline = JSON.parse(a.run('skpiReadOutline') as string) as WorkbookOutline;
    expect(outline.sheets[0]).toMatchObject({ headerRow: 3, headers: ['Ticket', 'Opened', 'Resolved', 'Agent'], rowCount: TALL, lastRow: TALL + 3 });
    expect(outlineRows(4)).toBe(OUTLINE_ROWS);
    expect(a.fakes.log.cells).toBe((OUTLINE_ROWS + 1) * 4);
    const tally = a.fakes.log.tally();
    expect(tally['Sheet.getLastRow']).toBe(1);
    expect(tally['Range.getValues']).toBe(2);
    expect(tally['Sheet.getDataRange']).toBeUndefined();
  });

  it('gives the same headers, first samples and counts as a read of every row', () => {
    const a = open({ sheets: sheets() });
    const outline = JSON.parse(a.run('skpiReadOutline') as string) as WorkbookOutline;
    const model = a.fakes.spreadsheet.sheets[0];
    const full: SheetData = { name: 'Tickets', values: model.valuesOf(1, 1, model.lastRow(), model.lastCol()), originRow: 1, originCol: 1 };
    const whole = outlineWorkbook({ sheets: [full], timeZone: 'UTC' });
    const [mine, theirs] = [outline.sheets[0], JSON.parse(JSON.stringify(whole.sheets[0])) as WorkbookOutline['sheets'][number]];
    expect({ ...mine, samples: mine.samples.map((s) => s.slice(0, 10)) }).toEqual({ ...theirs, samples: theirs.samples.map((s) => s.slice(0, 10)) });
    expect(detectRoles(outline).map((r) => r.role)).toEqual(detectRoles(whole).map((r) => r.role));
  });

  it('reads fewer rows of a wide sheet', () => {
    expect(outlineRows(100)).toBe(250);
    expect(outlineRows(10_000)).toBe(20);
  });
});

describe('settings within the Properties limits', () => {
  /** Settings that validate yet take about 6 MB: roles with very long headers. */
  function hugeSettings(): unknown {
    const roles = Array.from({ length: 200 }, (_, i) => ({ sheet: 'Survey', column: i + 1, header: `Q${i} ${'ä'.repeat(15_000)}`, role: 'npsScore', source: 'manager', confidence: 1 }));
    return { version: 1, roles, targets: {}, options: defaultOptions('en') };
  }

  it('refuses settings over 500 KB with a message saying what to do, and keeps what was stored', () => {
    const a = open();
    const small = { version: 1, roles: [], targets: { nps: { target: 40, direction: 'higher', enabled: true } }, options: defaultOptions('en') };
    a.run('skpiWriteSettings', JSON.stringify(small));
    const before = new Map(a.fakes.properties);
    expect(JSON.stringify(hugeSettings()).length).toBeGreaterThan(3_000_000);
    expect(() => a.run('skpiWriteSettings', JSON.stringify(hugeSettings())))
      .toThrow(/^The scorecard settings take 6[\d,.]* KB, more than the 500 KB Google Sheets keeps for an add-on in one spreadsheet\. Nothing was saved\. Shorten long texts/);
    expect(a.fakes.properties).toEqual(before);
    expect(JSON.parse(a.run('skpiReadSettings') as string)).toEqual(small);
  });

  it('says so in German for a German user', () => {
    const a = open({ locale: 'de_AT' });
    expect(() => a.run('skpiWriteSettings', JSON.stringify(hugeSettings()))).toThrow(/^Die Scorecard-Einstellungen belegen 6\.\d+,\d KB, mehr als die 500 KB/);
  });
});

describe('a time zone this V8 runtime\'s Intl lacks', () => {
  const berlin = (iso: string): Date => new Date(iso);
  // Around the night the clocks go forward in Berlin (2026-03-29 02:00 → 03:00).
  const opened = [[berlin('2026-03-28T10:00:00Z')], [berlin('2026-03-28T23:30:00Z')], [berlin('2026-04-02T08:00:00Z')]];
  const resolved = [[berlin('2026-03-29T10:00:00Z')], [berlin('2026-03-29T01:30:00Z')], [berlin('2026-04-02T09:00:00Z')]];

  it('gives the custom functions the same wall clock through Utilities.formatDate', () => {
    const withIntl = open({ timeZone: 'Europe/Berlin' });
    const without = open({ timeZone: 'Europe/Berlin', intl: intlWithout(['Europe/Berlin']) });
    expect(() => new (without.context.Intl as typeof Intl).DateTimeFormat('en', { timeZone: 'Europe/Berlin' })).toThrow(RangeError);
    const call = (o: Opened) => o.run('AVG_RESOLUTION', opened, resolved, 'hours');
    // 23 h over the shortened night (24 h of instants, one hour skipped), 2 h across it … wall clock.
    expect(call(without)).toBe(call(withIntl));
    // A few offsets per day of data, never one per cell.
    const formats = without.fakes.log.tally()['Utilities.formatDate'];
    expect(formats).toBeGreaterThan(0);
    expect(formats).toBeLessThan(60);
    expect(withIntl.fakes.log.tally()['Utilities.formatDate']).toBeUndefined();
  });

  it('outlines and generates the scorecard with it', () => {
    const rows = [['Date', 'NPS'], ...Array.from({ length: 120 }, (_, i) => [new Date(Date.UTC(2026, 0, 1, 12) + i * 86_400_000), i % 11])];
    const withIntl = open({ timeZone: 'Europe/Berlin', sheets: [{ name: 'Survey', rows }] });
    const without = open({ timeZone: 'Europe/Berlin', sheets: [{ name: 'Survey', rows }], intl: intlWithout(['Europe/Berlin']) });
    expect(without.run('skpiReadOutline')).toBe(withIntl.run('skpiReadOutline'));
  });

  it('names the zone when neither Intl nor Apps Script knows it', () => {
    const lost = open({ timeZone: 'Mars/Olympus_Mons', intl: intlWithout(['Mars/Olympus_Mons']) });
    expect(() => lost.run('NPS_TREND', [[10]], [[new Date('2026-03-02T10:00:00Z')]])).toThrow('NPS_TREND: the spreadsheet\'s time zone "Mars/Olympus_Mons" is not known');
    expect(() => lost.run('skpiReadOutline')).toThrow(/time zone "Mars\/Olympus_Mons" is not known/);
  });
});
