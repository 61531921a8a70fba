import { describe, expect, it } from 'vitest';
import { outlineWorkbook, serialToIso, isoToSerial } from '../../core/scorecard/outline.js';
import type { SheetData, SheetOutline, WorkbookData } from '../../core/scorecard/types.js';
import { ENGLISH_WORKBOOK, GERMAN_WORKBOOK, SPARSE_WORKBOOK } from '../fixtures/workbooks.js';
import { serial } from '../helpers/call.js';

const one = (sheet: SheetData, timeZone = 'UTC'): SheetOutline | undefined =>
  outlineWorkbook({ sheets: [sheet], timeZone }).sheets[0];

const shape = (s: SheetOutline) => ({ name: s.name, headerRow: s.headerRow, firstCol: s.firstCol, rowCount: s.rowCount, lastRow: s.lastRow });

describe('outlineWorkbook finds each data table', () => {
  it('finds the header row, first column and row count of every sheet in the English workbook', () => {
    const outline = outlineWorkbook(ENGLISH_WORKBOOK);
    // Every English sheet starts at A1; row counts are the fixture's data rows.
    expect(outline.sheets.map(shape)).toEqual([
      { name: 'Survey', headerRow: 1, firstCol: 1, rowCount: 90, lastRow: 91 },
      { name: 'Tickets', headerRow: 1, firstCol: 1, rowCount: 60, lastRow: 61 },
      { name: 'Orders', headerRow: 1, firstCol: 1, rowCount: 45, lastRow: 46 },
      { name: 'Customers', headerRow: 1, firstCol: 1, rowCount: 12, lastRow: 13 },
      { name: 'Competitors', headerRow: 1, firstCol: 1, rowCount: 4, lastRow: 5 },
    ]);
    expect(outline.sheets[1].headers).toEqual([
      'Ticket ID', 'Created', 'First response', 'Solved', 'Assignee', 'Team', 'Customer', 'Channel',
      'Converted', 'FCR', 'Reopened', 'Complaint', 'Notes',
    ]);
  });

  it('finds a table below a title and a blank row, starting in column B, and keeps its blank rows', () => {
    const outline = outlineWorkbook(GERMAN_WORKBOOK);
    // Umfrage: 40 answers plus 2 blank rows inside → rows 2–43. Kennzahlen: headers in B3, twelve
    // months in rows 4–9 and 11–16 around a blank row 10 → 13 rows after the header.
    expect(outline.sheets.map(shape)).toEqual([
      { name: 'Umfrage', headerRow: 1, firstCol: 1, rowCount: 42, lastRow: 43 },
      { name: 'Anfragen', headerRow: 1, firstCol: 1, rowCount: 30, lastRow: 31 },
      { name: 'Bestellungen', headerRow: 1, firstCol: 1, rowCount: 24, lastRow: 25 },
      { name: 'Kennzahlen pro Monat', headerRow: 3, firstCol: 2, rowCount: 13, lastRow: 16 },
      { name: 'Wettbewerber', headerRow: 1, firstCol: 1, rowCount: 3, lastRow: 4 },
    ]);
    const monthly = outline.sheets[3];
    expect(monthly.headers[0]).toBe('Monat');
    expect(monthly.headers).toHaveLength(11);
    expect(monthly.samples[0][0]).toBe('2025-04-01T00:00:00');
  });

  it('counts rows and columns from the used range origin, not from A1', () => {
    // The used range starts at D5: a title in D5, a blank row, headers in E7:F7.
    const s = one({
      name: 'Export',
      originRow: 5,
      originCol: 4,
      values: [
        ['Ticket export March', null, null],
        [null, null, null],
        [null, 'Opened', 'Resolved'],
        [null, '2026-03-02 09:00', '2026-03-02 11:00'],
        [null, '2026-03-03 10:00', null],
      ],
    })!;
    expect(shape(s)).toEqual({ name: 'Export', headerRow: 7, firstCol: 5, rowCount: 2, lastRow: 9 });
    expect(s.headers).toEqual(['Opened', 'Resolved']);
  });

  it('does not take a short title line above a wider header for the header', () => {
    const s = one({
      name: 'Report',
      originRow: 1,
      originCol: 1,
      values: [
        ['Report', 'March 2026', '', '', ''],
        ['', '', '', '', ''],
        ['Date', 'Customer', 'NPS', 'CSAT', 'Comment'],
        ['2026-03-02', 'C-1', 9, 5, 'Great'],
      ],
    })!;
    expect(s.headerRow).toBe(3);
    expect(s.headers).toEqual(['Date', 'Customer', 'NPS', 'CSAT', 'Comment']);
  });

  it('does not take a data row for the header when the first rows are numbers', () => {
    const s = one({
      name: 'Scores',
      originRow: 1,
      originCol: 1,
      values: [
        [1, 2, 3],
        ['Date', 'NPS', 'Comment'],
        [serial('2026-03-02'), 10, 'Thanks'],
      ],
    })!;
    expect(s.headerRow).toBe(2);
  });

  it('widens the table to a data column whose header cell is empty, and trims header text', () => {
    const s = one({
      name: 'Survey',
      originRow: 1,
      originCol: 1,
      values: [
        ['  Date ', 'NPS', null],
        ['2026-03-02', 9, 'note'],
        ['2026-03-03', 7, null],
      ],
    })!;
    expect(s.headers).toEqual(['Date', 'NPS', '']);
    expect(s.samples[2]).toEqual(['note']);
  });

  it('leaves sheets without a table out of the outline but keeps every sheet name', () => {
    const outline = outlineWorkbook(SPARSE_WORKBOOK);
    expect(outline.sheetNames).toEqual(['Empty', 'Title only', 'Headers only']);
    expect(outline.sheets.map((s) => s.name)).toEqual(['Headers only']);
  });

  it('outlines a sheet with only a header row as a table with no rows', () => {
    const s = outlineWorkbook(SPARSE_WORKBOOK).sheets[0];
    expect(shape(s)).toEqual({ name: 'Headers only', headerRow: 1, firstCol: 1, rowCount: 0, lastRow: 1 });
    expect(s.headers).toEqual(['Date', 'Customer', 'NPS', 'Comment']);
    expect(s.samples).toEqual([[], [], [], []]);
  });

  it('names every sheet the host lists, also ones it did not read', () => {
    const outline = outlineWorkbook(SPARSE_WORKBOOK, ['Empty', 'Title only', 'Headers only', 'Scorecard']);
    expect(outline.sheetNames).toEqual(['Empty', 'Title only', 'Headers only', 'Scorecard']);
  });
});

describe('outline samples', () => {
  it('shows Date objects as the wall-clock time of the workbook zone', () => {
    // 14:15 UTC on 2 March 2026 is 09:15 in New York (EST, UTC−5; daylight saving starts 8 March).
    const s = one({ name: 'Survey', originRow: 1, originCol: 1, values: [['Date', 'NPS'], [new Date('2026-03-02T14:15:00Z'), 9]] }, 'America/New_York')!;
    expect(s.samples[0]).toEqual(['2026-03-02T09:15:00']);
    // The English survey's first answer is midnight 1 January in New York.
    expect(outlineWorkbook(ENGLISH_WORKBOOK).sheets[0].samples[0][0]).toBe('2026-01-01T00:00:00');
  });

  it('keeps numbers, booleans and text as they are, truncates long text and shows error cells by their code', () => {
    const long = 'x'.repeat(500);
    const s = one({
      name: 'Mixed',
      originRow: 1,
      originCol: 1,
      values: [
        ['Value', 'Text'],
        [4.5, long],
        [true, ' padded '],
        [{ type: 'Error', basicValue: '#DIV/0!' }, '#N/A'],
      ],
    })!;
    expect(s.samples[0]).toEqual([4.5, true, '#DIV/0!']);
    expect(s.samples[1][0]).toHaveLength(200);
    expect(s.samples[1].slice(1)).toEqual([' padded ', '#N/A']);
  });

  it('takes at most 20 samples: the first rows and rows spread over the rest of the data', () => {
    const values: unknown[][] = [['Row', 'Even']];
    for (let i = 1; i <= 1000; i++) values.push([i, i % 2 === 0 ? i : null]);
    const s = one({ name: 'Long', originRow: 1, originCol: 1, values })!;
    expect(s.samples[0]).toHaveLength(20);
    expect(s.samples[0].slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // The spread samples reach the last tenth of the data.
    expect(Math.max(...(s.samples[0] as number[]))).toBeGreaterThan(900);
    // A column with blanks in every other row still gets 20 samples, all of them non-blank.
    expect(s.samples[1]).toHaveLength(20);
    expect(s.samples[1].every((v) => typeof v === 'number' && v % 2 === 0)).toBe(true);
  });

  it('finds samples in a column that is blank in its first 2,000 rows', () => {
    const values: unknown[][] = [['Opened', 'Resolved']];
    for (let i = 0; i < 5000; i++) values.push([serial('2026-03-01') + i / 100, i >= 4000 ? serial('2026-03-02') : '']);
    const s = one({ name: 'Tickets', originRow: 1, originCol: 1, values })!;
    expect(s.samples[1].length).toBeGreaterThan(0);
    expect(s.samples[1].every((v) => v === serial('2026-03-02'))).toBe(true);
  });

  it('outlines a 200,000-row sheet of 12 columns', () => {
    const rows = 200_000;
    const values: unknown[][] = new Array(rows + 1);
    values[0] = ['Ticket ID', 'Opened', 'First response', 'Resolved', 'Agent', 'Team', 'Customer', 'Channel', 'Converted', 'FCR', 'Reopened', 'Complaint'];
    const start = new Date('2026-01-01T08:00:00Z').getTime();
    for (let i = 1; i <= rows; i++) {
      const opened = new Date(start + i * 60_000);
      values[i] = [`T-${i}`, opened, opened, i % 10 ? opened : '', 'Anna', 'Tech', `C-${i % 977}`, 'Email', '', i % 2 === 0, false, 0];
    }
    const outline = outlineWorkbook({ sheets: [{ name: 'Tickets', originRow: 1, originCol: 1, values }], timeZone: 'Europe/Berlin' });
    expect(outline.sheets[0].rowCount).toBe(rows);
    expect(outline.sheets[0].samples[1]).toHaveLength(20);
  });
});

describe('serialToIso and isoToSerial', () => {
  it('write a serial as wall-clock ISO text to the second', () => {
    expect(serialToIso(serial('2026-03-01T10:30'))).toBe('2026-03-01T10:30:00');
    expect(serialToIso(serial('2026-03-01'))).toBe('2026-03-01T00:00:00');
    // 23:59:59.6 rounds to the next day's midnight, never to "24:00".
    expect(serialToIso(serial('2026-03-01') + (86_399.6 / 86_400))).toBe('2026-03-02T00:00:00');
  });

  it('read ISO text back to the same serial', () => {
    expect(isoToSerial('2026-03-01T10:30:00')).toBe(serial('2026-03-01T10:30'));
    expect(isoToSerial('2026-03-01')).toBe(serial('2026-03-01'));
    expect(isoToSerial(serialToIso(45_000.25))).toBeCloseTo(45_000.25, 9);
  });

  it('reject text that is not an ISO date or a day the month does not have', () => {
    expect(isoToSerial('2026-02-30')).toBeUndefined();
    expect(isoToSerial('01.03.2026')).toBeUndefined();
    expect(isoToSerial('Customer')).toBeUndefined();
  });
});
