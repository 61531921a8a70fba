/**
 * The reader against LibreOffice's own reading of the same files: workbooks saved by Excel (Windows
 * and Mac), Google Sheets' export and LibreOffice (test/fixtures/xlsx-corpus, SOURCES.md), one
 * LibreOffice saves here from a CSV file (`soffice --convert-to xlsx`), the exceljs-written sample,
 * and an openpyxl-style workbook with ISO `t="d"` date cells. LibreOffice (never recalculating:
 * the values the files saved) exports every sheet as CSV; every cell we read must equal its cell.
 *
 * LibreOffice's CSV writes numbers in full, percentages with `%`, booleans as TRUE/FALSE, and
 * dates and times in the cell's format: dates are compared by the date and time of day that text
 * names (`2026-03-01 10:30:00`, `03/01/2026`, `10:30:00 AM`). Two known differences of LibreOffice
 * are allowed, both checked by hand against the files' XML: it recalculates a formula whose saved
 * result is an error and shows its own code (`Err:502` where Excel saved `#NUM!`), so error cells
 * must be errors on both sides; and it keeps a line break `_x000D_` + LF as LF alone.
 */
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputWorkbook } from '../../cli/input.js';
import { readXlsxFile } from '../../cli/read-xlsx.js';
import { isErrorText } from '../../core/values/text.js';
import { csvValue, libreOfficeSkipReason, readSheetCsvs, sameValue, startLibreOffice } from '../helpers/libreoffice.js';
import type { LibreOfficeSession } from '../helpers/libreoffice.js';
import { CSV_DIR, ROOT, SAMPLE } from './helpers.js';
import { STYLE, craftWorkbook, inline, num, row } from './xlsx-craft.js';

const CORPUS = path.join(ROOT, 'test/fixtures/xlsx-corpus');
const skip = libreOfficeSkipReason();
/** Corpus files that are damaged on purpose (calamine's tests), refused instead of compared. */
const DAMAGED = new Map([['calamine-issue252.xlsx', 'xl/_rels/workbook.xml.rels unpacks to more than its zip directory says (a damaged file or a zip bomb)']]);

let lo: LibreOfficeSession | undefined;
let dir: string;
/** Every workbook of the corpus: where it came from, its path, and LibreOffice's CSV of each sheet. */
const books: { origin: string; file: string; input: InputWorkbook; csv: Map<string, string[][]> }[] = [];

/** An openpyxl-style workbook: ISO `t="d"` date cells with date styles, numbers, text. */
function isoDateWorkbook(): Buffer {
  const d = (ref: string, iso: string, s: number): string => `<c r="${ref}" t="d" s="${s}"><v>${iso}</v></c>`;
  const rows = row(1, inline('A1', 'Opened') + inline('B1', 'Resolved') + inline('C1', 'Score'))
    + row(2, d('A2', '2026-03-01T09:15:00', STYLE.dateTime) + d('B2', '2026-03-02T17:45:30', STYLE.dateTime) + num('C2', 9))
    + row(3, d('A3', '2026-03-29T02:30:00', STYLE.dateTime) + d('B3', '2026-03-29', STYLE.date) + num('C3', 4.5))
    + row(4, d('A4', '1999-12-31T23:59:59', STYLE.dateTime) + inline('B4', 'open') + num('C4', 0));
  return craftWorkbook([{ name: 'Tickets', rows }]);
}

beforeAll(async () => {
  if (skip) return;
  dir = await mkdtemp(path.join(tmpdir(), 'skpi-corpus-'));
  lo = await startLibreOffice({ recalculate: false });
  const files: { origin: string; file: string }[] = [];
  for (const f of (await readdir(CORPUS)).filter((x) => x.endsWith('.xlsx')).sort()) {
    await copyFile(path.join(CORPUS, f), path.join(dir, f));
    files.push({ origin: `corpus: ${f}`, file: path.join(dir, f) });
  }
  await copyFile(SAMPLE, path.join(dir, 'exceljs-sample.xlsx'));
  files.push({ origin: 'exceljs (examples/helpdesk.xlsx)', file: path.join(dir, 'exceljs-sample.xlsx') });
  await writeFile(path.join(dir, 'openpyxl-iso-dates.xlsx'), isoDateWorkbook());
  files.push({ origin: 'openpyxl-style t="d" cells', file: path.join(dir, 'openpyxl-iso-dates.xlsx') });
  // A workbook LibreOffice saves itself.
  await copyFile(path.join(CSV_DIR, 'survey.csv'), path.join(dir, 'lo-survey.csv'));
  await lo.convert([path.join(dir, 'lo-survey.csv')], 'xlsx', path.join(dir, 'lo'));
  files.push({ origin: 'LibreOffice (soffice --convert-to xlsx)', file: path.join(dir, 'lo', 'lo-survey.xlsx') });

  const readable = files.filter((f) => !DAMAGED.has(path.basename(f.file)));
  await lo.toCsv(readable.map((f) => f.file), path.join(dir, 'csv'));
  for (const f of readable) {
    books.push({ ...f, input: await readXlsxFile(f.file), csv: await readSheetCsvs(path.join(dir, 'csv'), f.file) });
  }
}, 300_000);

afterAll(async () => {
  await lo?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const pad = (n: number): string => String(n).padStart(2, '0');

/** The date and time a LibreOffice CSV date text names, as our UTC-fields Date; undefined when it names none. */
function loDate(text: string): { date?: Date; timeOfDay?: number } | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (m) return { date: new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0))) };
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?)?$/i.exec(t);
  if (m) {
    const y = m[3].length === 2 ? 2000 + +m[3] - (+m[3] >= 30 ? 100 : 0) : +m[3];
    let h = +(m[4] ?? 0);
    if (m[7]) h = (h % 12) + (/p/i.test(m[7]) ? 12 : 0);
    return { date: new Date(Date.UTC(y, +m[1] - 1, +m[2], h, +(m[5] ?? 0), +(m[6] ?? 0))) };
  }
  m = /^(\d{1,3}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?$/i.exec(t);
  if (m) {
    let h = +m[1];
    if (m[4]) h = (h % 12) + (/p/i.test(m[4]) ? 12 : 0);
    return { timeOfDay: ((h * 60 + +m[2]) * 60 + +(m[3] ?? 0)) * 1000 };
  }
  return undefined;
}

/** Why our value differs from LibreOffice's text, or undefined when they agree. */
function difference(ours: unknown, text: string): string | undefined {
  if (ours === null || ours === undefined || ours === '') return text.trim() === '' ? undefined : `blank vs ${JSON.stringify(text)}`;
  if (ours instanceof Date) {
    const lo = loDate(text);
    if (lo?.date) {
      // LibreOffice shows what the format shows: a date-only format drops the time of day.
      const shown = /\d:\d/.test(text) ? ours.getTime() : Date.UTC(ours.getUTCFullYear(), ours.getUTCMonth(), ours.getUTCDate());
      return Math.abs(shown - lo.date.getTime()) < 1000 ? undefined : `${ours.toISOString()} vs ${text}`;
    }
    const timeOfDay = ((ours.getTime() % 86_400_000) + 86_400_000) % 86_400_000;
    if (lo?.timeOfDay !== undefined) return Math.abs(timeOfDay - lo.timeOfDay) < 1000 ? undefined : `${ours.toISOString()} vs ${text}`;
    return `${ours.toISOString()} vs ${JSON.stringify(text)}`;
  }
  if (typeof ours === 'number') {
    const lo = csvValue(text);
    if (typeof lo === 'number') return sameValue(ours, lo) ? undefined : `${ours} vs ${text}`;
    // A duration ([h]:mm) stays a number of days here.
    const t = loDate(text);
    if (t?.timeOfDay !== undefined) return sameValue(Math.round(ours * 86_400) * 1000, t.timeOfDay) ? undefined : `${ours} vs ${text}`;
    return `${ours} vs ${JSON.stringify(text)}`;
  }
  if (typeof ours === 'boolean') return csvValue(text) === ours ? undefined : `${ours} vs ${text}`;
  if (typeof ours === 'string' && isErrorText(ours)) return isErrorText(text) || /^Err:\d+$/.test(text) ? undefined : `${ours} vs ${JSON.stringify(text)}`;
  return typeof ours === 'string' && ours.replace(/\r\n/g, '\n') === text ? undefined : `${JSON.stringify(ours)} vs ${JSON.stringify(text)}`;
}

describe.skipIf(skip)('every cell read equals LibreOffice\'s reading of the same file', () => {
  it('covers Excel (Windows and Mac), Google Sheets, LibreOffice, exceljs and openpyxl-style files', () => {
    const origins = books.map((b) => b.origin).join('\n');
    for (const kind of ['exceljs-1904.xlsx', 'exceljs-formulas.xlsx', 'calamine-strict_iso_paths.xlsx', 'exceljs-google-sheets.xlsx', 'calamine-temperature.xlsx', 'calamine-date_iso.xlsx', 'calamine-rph.xlsx', 'calamine-richtext-namespaced.xlsx', 'libre-calc', 'LibreOffice (soffice', 'exceljs', 'openpyxl']) expect(origins).toContain(kind);
  });

  it('reads the same value in every cell of every sheet', () => {
    const wrong: string[] = [];
    let compared = 0;
    for (const b of books) {
      for (const sheet of b.input.sheets) {
        const csv = b.csv.get(sheet.data.name);
        if (!csv) {
          wrong.push(`${b.origin}: LibreOffice exported no sheet ${sheet.data.name}`);
          continue;
        }
        const { values, originRow, originCol } = sheet.data;
        const rows = Math.max(csv.length, originRow - 1 + values.length);
        for (let r = 0; r < rows; r++) {
          const line = csv[r] ?? [];
          const ours = values[r + 1 - originRow] ?? [];
          const cols = Math.max(line.length, originCol - 1 + ours.length);
          for (let c = 0; c < cols; c++) {
            const v = r + 1 >= originRow && c + 1 >= originCol ? ours[c + 1 - originCol] : null;
            const why = difference(v, line[c] ?? '');
            compared++;
            if (why) wrong.push(`${b.origin} ${sheet.data.name}!${String.fromCharCode(65 + (c % 26))}${c >= 26 ? c : ''}${r + 1}: ${why}`);
          }
        }
      }
    }
    expect(wrong.slice(0, 30)).toEqual([]);
    expect(compared).toBeGreaterThan(20_000);
  });

  it('refuses a damaged corpus file with one line naming the part (LibreOffice repairs it silently)', async () => {
    for (const [name, why] of DAMAGED) {
      await expect(readXlsxFile(path.join(CORPUS, name))).rejects.toThrow(`${path.join(CORPUS, name)} is damaged: ${why}`);
    }
  });

  it('reads the 1904 date system, escapes and the ISO date cells as the dates LibreOffice shows', () => {
    const iso = books.find((b) => b.origin.startsWith('openpyxl'))!.input.sheets[0].data.values;
    expect(iso[1][0]).toEqual(new Date(Date.UTC(2026, 2, 1, 9, 15)));
    expect(iso[2][0]).toEqual(new Date(Date.UTC(2026, 2, 29, 2, 30)));
    const y1904 = books.find((b) => b.origin.endsWith('exceljs-1904.xlsx'))!.input.sheets[0].data;
    expect(y1904.values.flat().some((v) => v instanceof Date && v.getUTCFullYear() === 1904)).toBe(true);
    expect(pad(3)).toBe('03');
  });
});
