import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvSheet, decodeCsv, detectDelimiter, hasUnstorable, readCsvFile, splitCsv, TextTable } from '../../cli/read-csv.js';
import { isCliError } from '../../cli/errors.js';
import { sheetNameOfFile } from '../../cli/sheet-names.js';
import { wallClock } from '../../core/values/clock.js';
import { CSV_DIR } from './helpers.js';

const UTC = wallClock('UTC');
const BERLIN = wallClock('Europe/Berlin');

/** The values of a CSV text as the CLI reads them (row 0 is the header). */
const valuesOf = (text: string, clock = UTC): unknown[][] => csvSheet(text, 'Data', 'data.csv', clock).sheet.data.values as unknown[][];
/** The error message a CSV text gives (fails when it reads without error). */
function errorOf(text: string): string {
  try {
    splitCsv(text, 'bad.csv');
  } catch (e) {
    if (isCliError(e)) return e.message;
    throw e;
  }
  throw new Error('expected an error');
}
/** A wall-clock time as the CLI's Date convention holds it: UTC fields = the time the cell shows. */
const wall = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0): Date => new Date(Date.UTC(y, mo - 1, d, h, mi, s));

describe('the delimiter of a CSV file', () => {
  it('is the one that occurs most in the header line, outside quotes', () => {
    expect(detectDelimiter('Date,Customer,NPS\n1;2;3;4;5\n')).toBe(',');
    expect(detectDelimiter('Datum;Kunde;Betrag\n1,5;2,5;3,5\n')).toBe(';');
    expect(detectDelimiter('"a;b;c;d",x,y\n')).toBe(',');
    expect(detectDelimiter('a;b;"c,d,e,f"\n')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n')).toBe('\t');
  });

  it('is a comma when the header has a single column', () => {
    expect(detectDelimiter('Comment\nfoo\n')).toBe(',');
  });

  it('follows an Excel "sep=" first line, which is not a row', () => {
    const { rows, delimiter } = splitCsv('sep=;\na,b;c\n1;2\n', 'x.csv');
    expect(delimiter).toBe(';');
    expect(rows).toEqual([['a,b', 'c'], ['1', '2']]);
  });
});

describe('splitting CSV text into rows (RFC 4180)', () => {
  it('reads quoted fields with doubled quotes, delimiters and line breaks inside', () => {
    const { rows, lines } = splitCsv('a,b,c\r\n"x, y","say ""hi""","line 1\nline 2"\r\nlast,,\r\n', 'x.csv');
    expect(rows).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'line 1\nline 2'], ['last', '', '']]);
    // The row after a quoted line break starts on line 4.
    expect(lines).toEqual([1, 2, 4]);
  });

  it('accepts \\n, \\r\\n and lone \\r line ends and drops trailing empty lines', () => {
    expect(splitCsv('a,b\n1,2\r\n3,4\r5,6\n\n\n', 'x.csv').rows).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(splitCsv('size,name\n5" screen,TV\n', 'x.csv').rows[1]).toEqual(['5" screen', 'TV']);
  });

  it('says on which line a quoted field starts that never ends', () => {
    expect(errorOf('a,b\n1,2\n3,"open\n4,5\n6,7\n')).toBe('bad.csv: line 3: a quoted field never ends (unbalanced quotes)');
  });

  it('reads loose quotes as Excel does (a lone quote in quoted text is text; text after a closing quote joins the field) and counts them', () => {
    const r = splitCsv('Date,NPS,Review\n2026-03-01,9,"He said "great" service"\n2026-03-02,3,"Slow" and rude\n2026-03-03,8,fine\n', 'x.csv');
    expect(r.rows.slice(1)).toEqual([['2026-03-01', '9', 'He said "great" service'], ['2026-03-02', '3', 'Slow and rude'], ['2026-03-03', '8', 'fine']]);
    expect({ loose: r.loose, looseLine: r.looseLine }).toEqual({ loose: 2, looseLine: 2 });
  });

  it('tells the user which line first had loose quotes', () => {
    const r = csvSheet('Date,NPS,Review\n2026-03-01,9,fine\n2026-03-02,9,"5" screen",x\n', 'S', 'r.csv', UTC);
    expect(r.sheet.data.values[2]).toEqual([wall(2026, 3, 2), 9, '5" screen', 'x']);
    expect(r.notes).toEqual(['r.csv: 1 field (first on line 3) had quotes that break the CSV rules (a quote inside a quoted field must be doubled: ""); read as Excel reads them']);
  });
});

describe('a delimiter that changes between the header and the rows', () => {
  it('is an input error naming the first line written with the other delimiter', () => {
    expect(() => csvSheet('Date,NPS\n2026-03-01,9\n2026-03-02;10\n2026-03-03;8\n', 'S', 'm.csv', UTC)).toThrow('m.csv: line 3: the rows are separated by ";" but the header by ","; save the file with one delimiter (or write sep=; as its first line)');
    expect(() => csvSheet('Datum;NPS\n01.03.2026\t9\n', 'S', 'm.csv', UTC)).toThrow('m.csv: line 2: the rows are separated by tab but the header by ";"; save the file with one delimiter (or write sep=<tab> as its first line)');
  });

  it('is not confused by one row whose only field holds a comma, or by quoted ones', () => {
    expect(valuesOf('Datum;Kommentar\n01.03.2026;gut\nnur Text, mit Komma\n"a,b"\n"c,d"\n')).toEqual([['Datum', 'Kommentar'], [wall(2026, 3, 1), 'gut'], ['nur Text, mit Komma'], ['a,b'], ['c,d']]);
  });
});

describe('tab-separated files', () => {
  it('reads .tsv files as tab-separated, whatever the header holds', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'skpi-tsv-'));
    try {
      const file = path.join(dir, 'export.tsv');
      await writeFile(file, 'Date\tNPS\tComment, with a comma\n2026-03-01\t9\tgood, really\n');
      const r = await readCsvFile(file, 'export', UTC);
      expect(r.sheet.data.values).toEqual([['Date', 'NPS', 'Comment, with a comma'], [wall(2026, 3, 1), 9, 'good, really']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the bytes of a CSV file', () => {
  it('may start with a UTF-8 byte order mark, which is not part of the header', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Datum;Kunde\n01.03.2026;K-1\n')]);
    const { text, fallback } = decodeCsv(bytes);
    expect(text.startsWith('Datum')).toBe(true);
    expect(fallback).toBeUndefined();
  });

  it('may be UTF-16 with a byte order mark (Excel\'s "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Name\tWert\nÄrger\t1\n', 'utf16le')]);
    expect(decodeCsv(bytes).text).toBe('Name\tWert\nÄrger\t1\n');
  });

  it('that are not UTF-8 are read as Windows-1252, and the reader says so', () => {
    // "Müller" as German Excel saves it: ü is the single byte 0xFC.
    const bytes = Buffer.from([0x4e, 0x61, 0x6d, 0x65, 0x0a, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x0a]);
    expect(decodeCsv(bytes)).toEqual({ text: 'Name\nMüller\n', fallback: 'windows-1252' });
  });
});

describe('cell values of a CSV file', () => {
  it('keep the header row as text, even when a header looks like a number', () => {
    expect(valuesOf('2025,2026\n1,2\n')[0]).toEqual(['2025', '2026']);
  });

  it('read numbers with a decimal point or a German decimal comma and thousands separators', () => {
    const rows = valuesOf('a;b;c;d\n4,5;1.234,50;-0,25;1e3\n');
    expect(rows[1]).toEqual([4.5, 1234.5, -0.25, 1000]);
    expect(valuesOf('a,b,c\n4.5,"1,234.50",-0.25\n')[1]).toEqual([4.5, 1234.5, -0.25]);
  });

  it('read a number that could be read two ways by the file\'s convention, and note it', () => {
    // Semicolon-separated: German, so "1,234" is 1.234 and "1.234" is 1234.
    const de = csvSheet('a;b\n1,234;1.234\n', 'D', 'de.csv', UTC);
    expect(de.sheet.data.values[1]).toEqual([1.234, 1234]);
    expect(de.notes[0]).toMatch(/^de\.csv: 2 numbers such as "1,234" on line 2 could be read two ways; read with a decimal comma/);
    // Comma-separated: English, so the quoted "1,234" is 1234 and 1.234 is 1.234.
    expect(csvSheet('a,b\n"1,234",1.234\n', 'E', 'en.csv', UTC).sheet.data.values[1]).toEqual([1234, 1.234]);
  });

  it('read percentages as shares with a percent format', () => {
    const { sheet } = csvSheet('a;b\n45 %;12,5%\n', 'P', 'p.csv', UTC);
    expect(sheet.data.values[1]).toEqual([0.45, 0.125]);
    expect(sheet.formats[1]).toEqual(['0%', '0.0%']);
  });

  it('keep whole numbers with a leading zero as text: they are identifiers', () => {
    expect(valuesOf('id,x\n0042,0.5\n')[1]).toEqual(['0042', 0.5]);
  });

  it('read TRUE/FALSE (and German WAHR/FALSCH) as booleans, blanks as blanks, other text as written', () => {
    expect(valuesOf('a,b,c,d,e,f\nTRUE,false,WAHR,Falsch,, n/a \n')[1]).toEqual([true, false, true, false, null, ' n/a ']);
  });

  it('read ISO and German dates and times as the wall-clock time they show', () => {
    const rows = valuesOf('a;b;c;d\n2026-03-01;2026-03-01 10:30;01.03.2026;01.03.2026 10:30:15\n');
    expect(rows[1]).toEqual([wall(2026, 3, 1), wall(2026, 3, 1, 10, 30), wall(2026, 3, 1), wall(2026, 3, 1, 10, 30, 15)]);
  });

  it('read ISO timestamps with Z or an offset as instants, shown in the --tz zone', () => {
    const text = 'a,b,c\n2026-03-29T00:30:00Z,2026-03-29T01:30:00Z,2026-01-15T10:00:00+01:00\n';
    // Berlin switches from UTC+1 to UTC+2 at 01:00 UTC on 2026-03-29: 00:30Z is 01:30, 01:30Z is 03:30.
    expect(valuesOf(text, BERLIN)[1]).toEqual([wall(2026, 3, 29, 1, 30), wall(2026, 3, 29, 3, 30), wall(2026, 1, 15, 10, 0)]);
    expect(valuesOf(text, UTC)[1]).toEqual([wall(2026, 3, 29, 0, 30), wall(2026, 3, 29, 1, 30), wall(2026, 1, 15, 9, 0)]);
  });

  it('give date columns a date format, with a time when any cell has one', () => {
    const { sheet } = csvSheet('a,b\n2026-03-01,2026-03-01\n2026-03-02 08:15,2026-03-02\n', 'D', 'd.csv', UTC);
    expect(sheet.formats[1]).toEqual(['yyyy-mm-dd hh:mm', 'yyyy-mm-dd']);
    expect(sheet.formats[2]).toEqual(['yyyy-mm-dd hh:mm', 'yyyy-mm-dd']);
  });

  it('read numeric day/month dates in their column\'s order, else the choice, else the language, and say which', () => {
    // Nothing in the column decides 03/01/2026: English reads it month first (3 Jan), German day first.
    const en = csvSheet('Date,NPS\n03/01/2026,9\n', 'S', 's.csv', UTC);
    expect(en.sheet.data.values[1]).toEqual([wall(2026, 3, 1), 9]);
    expect(en.sheet.formats[1]?.[0]).toBe('yyyy-mm-dd');
    expect(en.notes).toEqual(['s.csv: column "Date": 1 date such as "03/01/2026" on line 2 read month first, as English reads them; nothing in the column decides it (if that is wrong, give --date-order dmy)']);
    expect(en.dateOrders).toEqual([{ order: 'mdy', from: 'language', sheet: 'S', column: 1, header: 'Date', cells: 1, example: '"03/01/2026" on line 2' }]);
    expect(csvSheet('Date,NPS\n03/01/2026,9\n', 'S', 's.csv', UTC, undefined, { language: 'de' }).sheet.data.values[1]).toEqual([wall(2026, 1, 3), 9]);
    const chosen = csvSheet('Date,NPS\n03/01/2026,9\n', 'S', 's.csv', UTC, undefined, { language: 'en', dateOrder: 'dmy' });
    expect(chosen.sheet.data.values[1]).toEqual([wall(2026, 1, 3), 9]);
    expect(chosen.notes[0]).toContain('read day first, as --date-order says');
    // A day above 12 anywhere in the column decides for all of it, whatever the language.
    const data = csvSheet('Date,NPS\n03/01/2026 10:00,9\n29/02/2024 08:15,7\n', 'S', 's.csv', UTC, undefined, { language: 'en', dateOrder: 'mdy' });
    expect(data.sheet.data.values.slice(1)).toEqual([[wall(2026, 1, 3, 10, 0), 9], [wall(2024, 2, 29, 8, 15), 7]]);
    expect(data.notes).toEqual(['s.csv: column "Date": 2 dates such as "03/01/2026 10:00" on line 2 read day first, as "29/02/2024 08:15" on line 3 shows']);
  });

  it('keep a column showing both orders, and impossible dates, as text, and note it', () => {
    const both = csvSheet('Date,NPS\n13/01/2026,9\n01/13/2026,7\n', 'S', 's.csv', UTC);
    expect(both.sheet.data.values.slice(1)).toEqual([['13/01/2026', 9], ['01/13/2026', 7]]);
    expect(both.notes).toEqual(['s.csv: column "Date" has dates day first ("13/01/2026" on line 2) and month first ("01/13/2026" on line 3); its 2 dates like these were kept as text (write ISO dates such as 2026-03-01)']);
    const impossible = csvSheet('Date,NPS\n31/02/2026,9\n', 'S', 's.csv', UTC);
    expect(impossible.sheet.data.values[1]).toEqual(['31/02/2026', 9]);
    expect(impossible.notes).toEqual(['s.csv: 1 cell such as "31/02/2026" on line 2 look like dates in a format this does not read; kept as text (write ISO 2026-03-01 or German 01.03.2026 dates)']);
  });

  it('freeze and embolden the header row and size the columns to their text', () => {
    const { sheet } = csvSheet('Date,A much longer header\n2026-03-01,1\n', 'S', 's.csv', UTC);
    expect(sheet.frozenRows).toBe(1);
    expect(sheet.boldRows).toEqual([1]);
    // Widths: the longest text + 2 ("2026-03-01" is 10, "A much longer header" 20 characters).
    expect(sheet.widths).toEqual([12, 22]);
  });

  it('are an input error when the file is empty', () => {
    expect(() => csvSheet('', 'E', 'empty.csv', UTC)).toThrow('empty.csv is empty');
  });
});

describe('the CSV fixtures', () => {
  it('survey.csv: comma-separated, ISO dates, quoted comments with quotes and line breaks', async () => {
    const { sheet } = await readCsvFile(path.join(CSV_DIR, 'survey.csv'), 'survey', UTC);
    const v = sheet.data.values;
    expect(v[0]).toEqual(['Date', 'Customer', 'NPS', 'CSAT', 'Comment']);
    expect(v.length).toBe(37);
    expect(v[1]).toEqual([wall(2026, 1, 2), 'C-107', 6, 4, 'He said "no problem"']);
    expect(v[2][4]).toBe('Line one\nline two');
  });

  it('bestellungen.csv: semicolon-separated with a BOM, German dates and amounts', async () => {
    const { sheet, notes } = await readCsvFile(path.join(CSV_DIR, 'bestellungen.csv'), 'bestellungen', UTC);
    const v = sheet.data.values;
    expect(v[0]).toEqual(['Datum', 'Kunde', 'Betrag', 'Gewinn', 'Verkaufte Stück', 'Retouren']);
    expect(v[1]).toEqual([wall(2026, 1, 3), 'K-006', 964.35, 265.22, 6, 1]);
    expect(v[4]).toEqual([wall(2026, 1, 12), 'K-009', 1682.56, 310.16, 6, 0]);
    expect(notes).toEqual([]);
  });

  it('tickets.csv: ISO timestamps with Z become Berlin wall-clock times with --tz Europe/Berlin', async () => {
    const { sheet } = await readCsvFile(path.join(CSV_DIR, 'tickets.csv'), 'tickets', BERLIN);
    const v = sheet.data.values;
    // T-001 opened 2026-01-02T08:00:00Z = 09:00 in Berlin (winter time, UTC+1).
    expect(v[1].slice(0, 2)).toEqual(['T-001', wall(2026, 1, 2, 9, 0)]);
    expect(v[1][6]).toBe(true);
    // The still-open ticket has a blank Resolved cell.
    expect(v[30][3]).toBeNull();
  });

  it('kunden.csv: German headers and month dates', async () => {
    const { sheet } = await readCsvFile(path.join(CSV_DIR, 'kunden.csv'), 'kunden', UTC);
    expect(sheet.data.values).toEqual([
      ['Monat', 'Kunden am Anfang', 'Kunden am Ende', 'Neukunden', 'Verlorene Kunden'],
      [wall(2026, 1, 1), 120, 127, 16, 9],
      [wall(2026, 2, 1), 127, 138, 17, 6],
      [wall(2026, 3, 1), 138, 147, 18, 9],
    ]);
  });

  it('are files whose bytes the tests describe (BOM only on bestellungen.csv)', async () => {
    expect([...(await readFile(path.join(CSV_DIR, 'bestellungen.csv'))).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...(await readFile(path.join(CSV_DIR, 'survey.csv'))).subarray(0, 4)]).toEqual([...Buffer.from('Date')]);
  });
});

describe('sheet names of CSV files', () => {
  it('are the file names without extension, made acceptable to Excel and unique', () => {
    const taken = new Set<string>();
    const take = (f: string): string => {
      const n = sheetNameOfFile(f, taken);
      taken.add(n.toLowerCase());
      return n;
    };
    expect(take('exports/Tickets.csv')).toBe('Tickets');
    expect(take('other/tickets.csv')).toBe('tickets (2)');
    expect(take('a:b*c?.csv')).toBe('a_b_c_');
    expect(take("'quoted'.csv")).toBe('quoted');
    expect(take('History.csv')).toBe('History data');
    expect(take('a very long file name of more than thirty-one characters.csv')).toBe('a very long file name of more t');
  });
});

describe('text a workbook cannot store', () => {
  it('loses control characters and unpaired surrogates, keeps tabs, line breaks, emoji and marks, and says so', () => {
    const r = csvSheet('Agent,Comment\n"Anna\u0007","two\r\nlines\u0000"\n"\u202Egnp.exe","😀 \u200Bok\tfine\r\nend"\nBen,"half \uD83D surrogate"\n', 'S', 's.csv', UTC);
    // Line breaks become LF as in a workbook (not a removal: row 3 is not counted).
    expect(r.sheet.data.values.slice(1)).toEqual([['Anna', 'two\nlines'], ['\u202Egnp.exe', '😀 \u200Bok\tfine\nend'], ['Ben', 'half  surrogate']]);
    expect(r.notes).toEqual(['s.csv: 3 cells (first on line 2) held control characters a workbook cannot store; they were removed']);
  });

  it('is found by the quick look at printable ASCII exactly as by the full rule', () => {
    const rule = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
    const char = fc.oneof(fc.integer({ min: 32, max: 126 }), fc.integer({ min: 0, max: 0xffff }), fc.constantFrom(0, 9, 10, 13, 31, 127, 0xd83d, 0xde00, 0xfffe, 0xffff))
      .map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (t) => {
      expect(hasUnstorable(t)).toBe(rule.test(t));
    }), { numRuns: 3_000, seed: 11 });
  });
});

describe('text found again', () => {
  // Unquoted text the cell reader read once is found again by its characters (read-csv.ts
  // TextTable); a quoted field is always read by the reader. Quoting every field therefore gives
  // the plain reading to compare with.
  const quoteAll = (rows: string[][]): string => rows.map((r) => r.map((f) => `"${f.replace(/"/g, '""')}"`).join(',')).join('\n');
  const plain = (rows: string[][]): string => rows.map((r) => r.join(',')).join('\n');

  it('reads as the cell reader reads it (random columns of repeated words, ids, numbers, dates, booleans)', () => {
    const field = fc.oneof(
      fc.constantFrom('Anna', 'anna', ' Anna', 'Anna ', 'Ben', 'TRUE', 'true', 'Wahr', 'falsch', 'n/a', '#N/A', '42', '0042', '1.5', '7 %', '2026-03-01', '01.03.2026', '3 apples', 'x_y', 'Größe', ''),
      fc.integer({ min: 0, max: 30 }).map((i) => `T-${i}`),
    );
    fc.assert(fc.property(fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 40 }), (body) => {
      const rows = [['A', 'B', 'C'], ...body];
      expect(valuesOf(plain(rows), BERLIN)).toEqual(valuesOf(quoteAll(rows), BERLIN));
    }), { numRuns: 500, seed: 5 });
  });

  it('reads a column of 40,000 distinct ids beside repeated names as the reader does (the ids\' table fills and stops)', () => {
    const rows = [['Id', 'Agent']];
    for (let i = 0; i < 40_000; i++) rows.push([`T-${100_000 + i}`, `Agent ${i % 37}`]);
    const text = plain(rows);
    expect(valuesOf(text)).toEqual(valuesOf(quoteAll(rows)));
  });

  it('tells texts of one length apart whose hashes are equal (found by trying), and finds each where it stands in the text', () => {
    const fnv = (t: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      return h;
    };
    const seen = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 1_000_000; !pair; i++) { // ids of one length: only the characters tell them apart
      const id = `T-${i}`;
      const other = seen.get(fnv(id));
      if (other !== undefined) pair = [other, id];
      else seen.set(fnv(id), id);
    }
    const [a, b] = pair;
    const text = `x,${a},${b},${a}`;
    const at = (s: string, from = 0): [number, number] => [text.indexOf(s, from), text.indexOf(s, from) + s.length];
    const table = new TextTable();
    expect(table.find(text, ...at(a))).toBeUndefined();
    table.add(a);
    expect(table.find(text, ...at(b))).toBeUndefined();
    table.add(b);
    expect(table.find(text, ...at(a, 5 + a.length))).toBe(a);
    expect(table.find(text, ...at(b))).toBe(b);
  });
});
