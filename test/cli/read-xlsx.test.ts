/**
 * The streaming .xlsx reader on the cells other writers produce: each case is a workbook written
 * part by part (xlsx-craft.ts) with the XML that writer stores, and the values must be what a
 * spreadsheet shows. Expected values are worked out by hand from ECMA-376 Part 1 (18.3.1.4 c,
 * 18.4.8 si, 22.9.2.19 ST_Xstring) and checked in LibreOffice where noted.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { crc32, deflateRawSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCliError } from '../../cli/errors.js';
import type { InputWorkbook } from '../../cli/input.js';
import { readXlsxFile } from '../../cli/read-xlsx.js';
import { decodeOoxmlText, encodeOoxmlText } from '../../cli/xlsx/ooxml-text.js';
import { isDateFormat } from '../../cli/xlsx/styles.js';
import { ROOT, SAMPLE } from './helpers.js';
import { STYLE, craftWorkbook, inline, lyingWorkbook, num, rawZip, row, workbookParts, zip64Parts, zipParts } from './xlsx-craft.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'skpi-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

let n = 0;
async function read(bytes: Buffer, limits?: Parameters<typeof readXlsxFile>[1]): Promise<InputWorkbook> {
  const file = path.join(dir, `book-${++n}.xlsx`);
  await writeFile(file, bytes);
  return readXlsxFile(file, limits);
}

async function failure(bytes: Buffer, limits?: Parameters<typeof readXlsxFile>[1]): Promise<string> {
  try {
    await read(bytes, limits);
  } catch (e) {
    if (isCliError(e)) return e.message.replace(/^.*book-\d+\.xlsx/, 'book.xlsx');
    throw e;
  }
  throw new Error('expected the read to fail');
}

/** The value at a sheet's cell (1-based row and column), undefined when blank. */
function cell(book: InputWorkbook, sheet: number, r: number, c: number): unknown {
  const s = book.sheets[sheet].data;
  return s.values[r - s.originRow]?.[c - s.originCol] ?? undefined;
}

const utc = (...a: [number, number, number, number?, number?, number?]): Date => new Date(Date.UTC(a[0], a[1] - 1, a[2], a[3] ?? 0, a[4] ?? 0, a[5] ?? 0));

describe('cells as a spreadsheet shows them', () => {
  it('reads shared strings, numbers, booleans, errors and inline strings', async () => {
    const book = await read(craftWorkbook([{ name: 'S', rows: row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1"><v>4.5</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#N/A</v></c>' + inline('E1', 'inline')) }], { strings: ['text'] }));
    expect([1, 2, 3, 4, 5].map((c) => cell(book, 0, 1, c))).toEqual(['text', 4.5, true, '#N/A', 'inline']);
  });

  it('joins rich-text runs and leaves out phonetic readings (rPh), in shared and inline strings', async () => {
    const rawStrings = '<si><r><rPr><b/></rPr><t>東京</t></r><r><t>都</t></r><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/></si>'
      + '<si><t>大阪</t><rPh sb="0" eb="2"><t>オオサカ</t></rPh></si>';
    const inlineRich = '<c r="C1" t="inlineStr"><is><r><t>a</t></r><r><rPr><i/></rPr><t xml:space="preserve"> b</t></r><rPh><t>x</t></rPh></is></c>';
    const book = await read(craftWorkbook([{ name: 'S', rows: row(1, '<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>' + inlineRich) }], { rawStrings }));
    expect([1, 2, 3].map((c) => cell(book, 0, 1, c))).toEqual(['東京都', '大阪', 'a b']);
    expect(book.notes.join('\n')).toMatch(/text formatting in 2 cells/);
  });

  it('decodes _xHHHH_ escapes, and _x005F_ keeps a literal one', async () => {
    const book = await read(craftWorkbook([{ name: 'S', rows: row(1, '<c r="A1" t="s"><v>0</v></c>' + inline('B1', 'tab_x0009_here') + '<c r="C1" t="str"><f>"x"</f><v>a_x005F_x0041_b</v></c>') }], { strings: ['line_x000D__x000A_two'] }));
    expect([1, 2, 3].map((c) => cell(book, 0, 1, c))).toEqual(['line\r\ntwo', 'tab\there', 'a_x0041_b']);
    expect(decodeOoxmlText(encodeOoxmlText('a_x0041_b\u0001'))).toBe('a_x0041_b\u0001');
    expect(encodeOoxmlText('a_x0041_b\u0001')).toBe('a_x005F_x0041_b_x0001_');
  });

  it('reads t="d" cells (openpyxl, SheetJS, Strict OOXML) as the wall clock they name, in any zone', async () => {
    const d = (ref: string, text: string): string => `<c r="${ref}" t="d" s="${STYLE.dateTime}"><v>${text}</v></c>`;
    const book = await read(craftWorkbook([{ name: 'S', rows: row(1, d('A1', '2026-03-01T10:30:00') + d('B1', '2026-03-29') + d('C1', '2026-03-29T02:30:00Z') + d('D1', '2026-02-30') + d('E1', '12:15:30')) }]));
    expect(cell(book, 0, 1, 1)).toEqual(utc(2026, 3, 1, 10, 30));
    expect(cell(book, 0, 1, 2)).toEqual(utc(2026, 3, 29));
    // 02:30 on the day Berlin skips it: a cell has no zone, so the wall clock stays as written.
    expect(cell(book, 0, 1, 3)).toEqual(utc(2026, 3, 29, 2, 30));
    expect(cell(book, 0, 1, 4)).toBe('2026-02-30');
    expect(cell(book, 0, 1, 5)).toEqual(utc(1899, 12, 30, 12, 15, 30));
  });

  it('gives a t="d" cell without a date style a date format for its copy', async () => {
    const book = await read(craftWorkbook([{ name: 'S', rows: row(1, '<c r="A1" t="d"><v>2026-03-01</v></c><c r="B1" t="d"><v>2026-03-01T08:05:00</v></c>') }]));
    expect(book.sheets[0].formats[0]).toEqual(['yyyy-mm-dd', 'yyyy-mm-dd hh:mm']);
  });

  it('reads numbers with a date style as dates, in the 1900 and the 1904 date system', async () => {
    const rows = row(1, num('A1', 46082, STYLE.date) + num('B1', 46082.4375, STYLE.dateTime) + num('C1', 0.5, STYLE.duration) + num('D1', 0.25, STYLE.percent));
    const b1900 = await read(craftWorkbook([{ name: 'S', rows }]));
    expect([1, 2, 3, 4].map((c) => cell(b1900, 0, 1, c))).toEqual([utc(2026, 3, 1), utc(2026, 3, 1, 10, 30), 0.5, 0.25]);
    // 1904 system: serial 0 is 1904-01-01, 1,462 days after the 1900 system's.
    const b1904 = await read(craftWorkbook([{ name: 'S', rows: row(1, num('A1', 0, STYLE.date) + num('B1', 44620, STYLE.date)) }], { date1904: true }));
    expect([1, 2].map((c) => cell(b1904, 0, 1, c))).toEqual([utc(1904, 1, 1), utc(2026, 3, 1)]);
    expect(b1900.sheets[0].formats[0]).toEqual(['mm-dd-yy', 'm/d/yy h:mm', '[h]:mm', '0.0%']);
  });

  it('keeps a date-styled number a spreadsheet cannot show as a date as the number', async () => {
    const book = await read(craftWorkbook([{ name: 'S', rows: row(1, num('A1', -5, STYLE.date) + num('B1', 3e6, STYLE.date)) }]));
    expect([cell(book, 0, 1, 1), cell(book, 0, 1, 2)]).toEqual([-5, 3e6]);
  });

  it('tells date formats from others: date letters outside quotes, escapes and brackets; elapsed time is a duration', () => {
    for (const f of ['yyyy-mm-dd', 'dd.mm.yyyy hh:mm', 'm/d/yy', 'h:mm AM/PM', '[$-407]d. mmmm yyyy', 'mmm-yy']) expect(isDateFormat(f), f).toBe(true);
    for (const f of ['0.00', '#,##0 "days"', '[Red]0.0', '0.00E+00', '@', 'General', '[h]:mm:ss', '[mm]:ss', '\\d0']) expect(isDateFormat(f), f).toBe(false);
  });

  it('reads every formula as its saved value, 0 included, shared formulas too; one without a value is blank and noted', async () => {
    const rows = row(1, inline('A1', 'x') + inline('B1', 'y'))
      + row(2, num('A2', 1) + '<c r="B2"><f t="shared" ref="B2:B4" si="0">A2*0</f><v>0</v></c>')
      + row(3, num('A3', 2) + '<c r="B3"><f t="shared" si="0"/><v>0</v></c>')
      + row(4, num('A4', 3) + '<c r="B4"><f t="shared" si="0"/><v>6</v></c>')
      + row(5, num('A5', 4) + '<c r="B5"><f>A5*2</f></c><c r="C5" t="str"><f>""</f><v></v></c>');
    const book = await read(craftWorkbook([{ name: 'S', rows }]));
    expect([2, 3, 4, 5].map((r) => cell(book, 0, r, 2))).toEqual([0, 0, 6, undefined]);
    expect(book.notes).toContain(`${book.files[0]}: 5 formula cells copied as their saved values (1 had no saved value and are blank: open and save the file in a spreadsheet to store them)`);
  });
});

describe('the shape of a sheet', () => {
  it('reads rows stored in any order, and cells without references in sequence', async () => {
    const rows = row(3, num('A3', 3) + num('B3', 30)) + row(1, inline('A1', 'n') + inline('B1', 'm')) + row(2, num('A2', 2) + num('B2', 20))
      + '<row r="4"><c><v>4</v></c><c><v>40</v></c></row>';
    const book = await read(craftWorkbook([{ name: 'S', rows }]));
    expect(book.sheets[0].data.values).toEqual([['n', 'm'], [2, 20], [3, 30], [4, 40]]);
  });

  it('keeps a far cell sparse: XFD1048576 beside a small table costs one row of one cell', async () => {
    const rows = row(1, inline('A1', 'Date') + inline('B1', 'NPS')) + row(2, num('A2', 46082, STYLE.date) + num('B2', 9)) + row(1_048_576, '<c r="XFD1048576"><v>1</v></c>');
    const bytes = craftWorkbook([{ name: 'S', rows }]);
    expect(bytes.length).toBeLessThan(4096);
    const s = (await read(bytes)).sheets[0];
    expect(s.data.values.length).toBe(1_048_576);
    // Only three rows exist; every other is a hole, and the far row holds one cell at its place.
    expect(s.data.values.filter((r) => r !== undefined).length).toBe(3);
    const far = s.data.values[1_048_575]!;
    expect(Object.keys(far)).toEqual(['16383']);
    expect(far[16_383]).toBe(1);
  });

  it('reads SpreadsheetML written with a namespace prefix (<x:row>) like the default namespace', async () => {
    const p = 'x:';
    const rows = row(1, inline('A1', 'Date', p) + inline('B1', 'NPS', p), p) + row(2, num('A2', 46082, STYLE.date, p) + num('B2', 9, undefined, p) + `<x:c r="C2" t="s"><x:v>0</x:v></x:c>`, p);
    const book = await read(craftWorkbook([{ name: 'Prefixed', rows }], { prefix: 'x', strings: ['shared'] }));
    expect(book.sheets[0].data.name).toBe('Prefixed');
    expect(book.sheets[0].data.values).toEqual([['Date', 'NPS'], [utc(2026, 3, 1), 9, 'shared']]);
  });

  it('takes frozen panes, merges, widths and bold header rows for the copy', async () => {
    const parts = workbookParts([{ name: 'S', rows: row(1, `<c r="A1" t="inlineStr" s="${STYLE.bold}"><is><t>H</t></is></c><c r="B1" t="inlineStr" s="${STYLE.bold}"><is><t>I</t></is></c>`) + row(2, num('A2', 1) + num('B2', 2)), after: '<mergeCells count="1"><mergeCell ref="A3:B3"/></mergeCells>' }]);
    parts['xl/worksheets/sheet1.xml'] = parts['xl/worksheets/sheet1.xml'].replace('<sheetData>', '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols><col min="2" max="2" width="20.5" customWidth="1"/></cols><sheetData>');
    const s = (await read(zipParts(parts))).sheets[0];
    expect({ frozenRows: s.frozenRows, frozenCols: s.frozenCols, merges: s.merges, widths: s.widths, boldRows: s.boldRows }).toEqual({ frozenRows: 1, frozenCols: 0, merges: ['A3:B3'], widths: [undefined, 20.5], boldRows: [1] });
  });

  it('renames sheets Excel would not accept (over 31 characters), uniquely, with a note', async () => {
    const long = 'Customer satisfaction survey responses 2026';
    const rows = row(1, inline('A1', 'a') + inline('B1', 'b')) + row(2, num('A2', 1) + num('B2', 2));
    const book = await read(craftWorkbook([{ name: long, rows }, { name: `${long} (copy)`, rows }, { name: 'Customer satisfaction survey re', rows }]));
    expect(book.sheets.map((s) => s.data.name)).toEqual(['Customer satisfaction surve (2)', 'Customer satisfaction surve (3)', 'Customer satisfaction survey re']);
    expect(book.sheetNames).toEqual(book.sheets.map((s) => s.data.name));
    expect(book.notes.filter((x) => /is not one Excel accepts/.test(x))).toHaveLength(2);
  });
});

describe('a real workbook saved by Excel', () => {
  it('reads the PwC call-centre workbook with the counts test/fixtures/real/expected-notes.md gives', async () => {
    const book = await readXlsxFile(path.join(ROOT, 'test/fixtures/real/pwc-call-center-dataset.xlsx'));
    const rows = book.sheets[0].data.values.slice(1) as unknown[][];
    expect(rows).toHaveLength(5000);
    expect(rows.filter((r) => r[5] === 'N')).toHaveLength(946);
    const ratings = [1, 2, 3, 4, 5].map((k) => rows.filter((r) => r[9] === k).length);
    expect(ratings).toEqual([417, 396, 1218, 1180, 843]);
    // The talk time is an h:mm:ss time of day in the file (2 min 23 s on the first call).
    expect(rows[0][8]).toEqual(new Date(Date.UTC(1899, 11, 30, 0, 2, 23)));
  });
});

describe('the package', () => {
  it('reads a ZIP64 archive like any other', async () => {
    const parts = workbookParts([{ name: 'S', rows: row(1, inline('A1', 'a') + inline('B1', 'b')) + row(2, num('A2', 1) + num('B2', 2.5)) }]);
    const plain = await read(zipParts(parts));
    const wide = await read(zip64Parts(parts));
    expect(wide.sheets[0].data.values).toEqual(plain.sheets[0].data.values);
    expect(wide.sheets[0].data.values).toEqual([['a', 'b'], [1, 2.5]]);
  });

  it('reads the sample as a ZIP64 archive with the same values', async () => {
    const { unzipSync } = await import('fflate');
    const parts = unzipSync(await readFile(SAMPLE));
    const a = await readXlsxFile(SAMPLE);
    const b = await read(zip64Parts(parts));
    expect(b.sheets.map((s) => s.data.values)).toEqual(a.sheets.map((s) => s.data.values));
  });

  it('stops a part whose zip directory understates its size at the first chunk over, before anything grows', async () => {
    const bytes = await lyingWorkbook(3, 1_000);
    expect(bytes.length).toBeLessThan(4 * 1024 ** 2);
    expect(await failure(bytes)).toBe('book.xlsx is damaged: xl/worksheets/sheet1.xml unpacks to more than its zip directory says (a damaged file or a zip bomb)');
  });

  it('refuses a workbook whose directory says it unpacks past the limit, before inflating', async () => {
    const rows = row(1, inline('A1', 'a'.repeat(20_000)));
    expect(await failure(craftWorkbook([{ name: 'S', rows }]), { maxUnpackedBytes: 8 * 1024, maxCells: 100 })).toBe('book.xlsx would unpack to 21 KB, more than the 8 KB the command line reads (a damaged file or a zip bomb; for very large data, export CSV files)');
  });

  it('never inflates parts it does not use, whatever size their directory entry declares', async () => {
    const parts = workbookParts([{ name: 'S', rows: row(1, inline('A1', 'a') + inline('B1', 'b')) + row(2, num('A2', 1) + num('B2', 2)) }]);
    const entries = Object.entries(parts).map(([name, text]) => ({ name, data: deflateRawSync(Buffer.from(text)), crc: crc32(Buffer.from(text)), size: Buffer.byteLength(text) }));
    entries.push({ name: 'xl/media/video.bin', data: deflateRawSync(Buffer.alloc(10)), crc: 0, size: 0xfffffff0 });
    expect((await read(rawZip(entries))).sheets[0].data.values).toEqual([['a', 'b'], [1, 2]]);
  });

  it('refuses more cells than it reads, with one line', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => row(i + 1, num(`A${i + 1}`, i) + num(`B${i + 1}`, i))).join('');
    expect(await failure(craftWorkbook([{ name: 'S', rows }]), { maxUnpackedBytes: 1024 ** 3, maxCells: 50 })).toBe('book.xlsx has more than 50 cells with values, more than the command line reads (for very large data, export CSV files)');
  });

  it('says which part is damaged when its XML is broken, and when a cell points at a missing shared string', async () => {
    const broken = workbookParts([{ name: 'S', rows: row(1, num('A1', 1)) }]);
    broken['xl/worksheets/sheet1.xml'] = broken['xl/worksheets/sheet1.xml'].replace('</sheetData>', '</sheetDat>');
    expect(await failure(zipParts(broken))).toMatch(/^book\.xlsx is damaged: xl\/worksheets\/sheet1\.xml: /);
    expect(await failure(craftWorkbook([{ name: 'S', rows: row(1, '<c r="A1" t="s"><v>7</v></c>') }]))).toBe('book.xlsx is damaged: xl/worksheets/sheet1.xml: a cell refers to shared string 7, which the workbook does not have');
  });
});
