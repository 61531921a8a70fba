/**
 * A real spreadsheet engine checks the scorecard workbook: LibreOffice opens the CLI's output
 * (portable mode, the default), recalculates every formula (a throwaway profile forces
 * recalculation on load, see test/helpers/libreoffice.ts) and exports every sheet as CSV.
 *
 * - Every native formula's recalculated value equals the value the core cached in the file
 *   (1e-10 relative), on the bundled sample, on the CSV fixtures and on the call-centre workbook
 *   (test/fixtures/call-centre.ts, English and German headers: the contact-centre section, the
 *   agents' CSAT and the Erlang C table).
 * - Copies whose cached results were all set to 0 come back with the right values: proof that
 *   LibreOffice really recalculated instead of showing the cached values.
 * - The workbook opens without repair (every sheet converts) and its data sheets hold exactly the
 *   values the CLI read from the input.
 *
 * Skipped with a printed reason when soffice is missing, except in CI (process.env.CI), where
 * .ci/run installs libreoffice-calc-nogui and the test must run.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputWorkbook } from '../../cli/input.js';
import { readXlsxFile } from '../../cli/read-xlsx.js';
import { callCentre } from '../fixtures/call-centre.js';
import { writeCallCentreXlsx } from '../fixtures/call-centre-xlsx.js';
import { csvValue, libreOfficeSkipReason, readSheetCsvs, sameMoment, sameValue, startLibreOffice } from '../helpers/libreoffice.js';
import type { LibreOfficeSession } from '../helpers/libreoffice.js';
import { CSV_DIR, SAMPLE, buildTestCli, formulaCells, removeTestCli, runCli } from './helpers.js';
import type { FormulaCell } from './helpers.js';

const skip = libreOfficeSkipReason();

interface Book {
  readonly name: string;
  readonly file: string;
  readonly wrong: string;
  readonly cells: FormulaCell[];
  readonly input: InputWorkbook;
}

describe.skipIf(skip !== undefined)('the scorecard workbook in LibreOffice', () => {
  let dir: string;
  let lo: LibreOfficeSession;
  let cli: string;
  const books: Book[] = [];
  let csvs: Map<string, Map<string, string[][]>>;
  let loMs = 0;

  beforeAll(async () => {
    cli = await buildTestCli();
    dir = await mkdtemp(path.join(tmpdir(), 'skpi-lo-test-'));
    const csvFiles = ['survey.csv', 'bestellungen.csv', 'tickets.csv', 'kunden.csv'].map((f) => path.join(CSV_DIR, f));
    const calls = { en: path.join(dir, 'call-log-en.xlsx'), de: path.join(dir, 'call-log-de.xlsx') };
    await writeCallCentreXlsx(callCentre('en'), calls.en);
    await writeCallCentreXlsx(callCentre('de'), calls.de);
    const runs: [string, string[]][] = [
      ['sample', [SAMPLE]],
      ['fixtures', [...csvFiles, '--tz', 'Europe/Berlin']],
      ['calls-en', [calls.en]],
      ['calls-de', [calls.de, '--service-level-seconds', '30']],
    ];
    for (const [name, args] of runs) {
      const file = path.join(dir, `${name}.xlsx`);
      const r = await runCli(cli, ['scorecard', ...args, '--out', file, '-q']);
      expect(r.code, r.stderr).toBe(0);
      // The same workbook with every cached formula result replaced by 0.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === 'object' && typeof v.formula === 'string') cell.value = { formula: v.formula, result: 0 } as ExcelJS.CellFormulaValue;
      }));
      const wrong = path.join(dir, `${name}_zeroed.xlsx`);
      await wb.xlsx.writeFile(wrong);
      expect(formulaCells(await readFile(wrong)).every((c) => c.cached === 0)).toBe(true);
      books.push({ name, file, wrong, cells: formulaCells(await readFile(file)), input: await readXlsxFile(file) });
    }
    lo = await startLibreOffice();
    const started = Date.now();
    const outDir = path.join(dir, 'csv');
    await lo.toCsv(books.flatMap((b) => [b.file, b.wrong]), outDir);
    loMs = Date.now() - started;
    csvs = new Map();
    for (const b of books) {
      csvs.set(b.file, await readSheetCsvs(outDir, b.file));
      csvs.set(b.wrong, await readSheetCsvs(outDir, b.wrong));
    }
    console.log(`LibreOffice recalculated and exported ${books.length * 2} workbooks in ${loMs} ms`);
  }, 600_000);

  afterAll(async () => {
    await lo?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
    await removeTestCli(cli);
  });

  /** The recalculated value of a scorecard cell in a converted workbook. */
  const recalculated = (file: string, row: number, col: number): number | string | boolean => {
    const sheet = csvs.get(file)?.get('KPI Scorecard');
    if (!sheet) throw new Error(`LibreOffice wrote no scorecard sheet for ${file}`);
    return csvValue(sheet[row - 1]?.[col - 1] ?? '');
  };

  /**
   * Equal within 1e-10 relative (1e-12 absolute near zero). The evaluator sums with compensation as
   * LibreOffice does and durations are summed as whole milliseconds of their differences, so even a
   * variance (actual − target, which magnifies a difference in the actual) agrees this closely.
   */
  const agrees = (_file: string, c: FormulaCell, got: unknown): boolean => {
    if (typeof c.cached === 'number' && typeof got === 'number') {
      return Math.abs(c.cached - got) <= Math.max(1e-12, 1e-10 * Math.max(Math.abs(c.cached), Math.abs(got)));
    }
    // The periods' bounds are date-formatted: the CSV shows them as dates.
    if (typeof c.cached === 'number' && typeof got === 'string') return sameMoment(c.cached, got);
    return sameValue(c.cached, got);
  };

  it('opens every workbook without repair: every sheet is converted', () => {
    for (const b of books) {
      const sheets = [...csvs.get(b.file)!.keys()].sort();
      expect(sheets, b.name).toEqual(['KPI Scorecard', ...b.input.sheets.map((s) => s.data.name)].sort());
    }
  });

  it('recalculates every native formula to the value the core cached (sample, CSV fixtures, call centre)', () => {
    for (const b of books) {
      const native = b.cells.filter((c) => !c.formula.includes('_xldudf_'));
      expect(native.length, b.name).toBe(b.cells.length);
      expect(native.length, b.name).toBeGreaterThan(b.name === 'sample' ? 800 : 300);
      const wrong = native
        .map((c) => ({ c, got: recalculated(b.file, c.row, c.col) }))
        .filter(({ c, got }) => !agrees(b.file, c, got))
        .map(({ c, got }) => `${c.ref} =${c.formula.slice(0, 80)}… cached ${String(c.cached)}, LibreOffice ${String(got)}`);
      expect(wrong, b.name).toEqual([]);
    }
  });

  it('recalculates the contact-centre KPIs, the agents\' CSAT and the Erlang C table of the call-centre workbook', () => {
    for (const name of ['calls-en', 'calls-de']) {
      const b = books.find((x) => x.name === name)!;
      const texts = b.cells.map((c) => c.formula);
      expect(texts.some((f) => f.startsWith('_xlfn.POISSON.DIST(')), name).toBe(true);
      expect(texts.some((f) => /^SUMPRODUCT\(\('?[A-Za-z]+'?!C2:C\d+=B\d+\)/.test(f)), name).toBe(true);
      expect(texts.some((f) => f.includes(name === 'calls-de' ? '"<30.0005"' : '"<20.0005"')), name).toBe(true);
    }
  });

  it('really recalculates: cached results set to 0 come back as the right values', () => {
    for (const b of books) {
      const nonZero = b.cells.filter((c) => c.cached !== 0 && c.cached !== '');
      expect(nonZero.length, b.name).toBeGreaterThan(200);
      const stale = nonZero.filter((c) => !agrees(b.wrong, c, recalculated(b.wrong, c.row, c.col))).map((c) => c.ref);
      expect(stale, b.name).toEqual([]);
    }
  });

  it('shows the data sheets with exactly the values the CLI read from the input', () => {
    const date = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
    // LibreOffice shows Excel's built-in h:mm:ss (id 21, what exceljs writes for it) in the en-US
    // locale as a clock time: 0:07:41 as "12:07:41 AM", as it shows the input file itself.
    const time = /^(\d+):(\d{2}):(\d{2})(?: ([AP]M))?$/;
    const TIME_ZERO = Date.UTC(1899, 11, 30);
    for (const b of books) {
      for (const sheet of b.input.sheets) {
        const shown = csvs.get(b.file)!.get(sheet.data.name)!;
        const { values, originRow, originCol } = sheet.data;
        let compared = 0;
        values.forEach((row, r) => row.forEach((v, c) => {
          const text = shown[originRow - 1 + r]?.[originCol - 1 + c] ?? '';
          const where = `${b.name} ${sheet.data.name} row ${originRow + r} column ${originCol + c}`;
          if (v === null || v === undefined) expect(text, where).toBe('');
          else if (v instanceof Date && v.getUTCFullYear() === 1899) {
            // A duration as a time cell (h:mm:ss): the same seconds.
            const m = time.exec(text);
            expect(m, `${where}: ${text}`).not.toBeNull();
            const hours = m![4] === undefined ? +m![1] : (+m![1] % 12) + (m![4] === 'PM' ? 12 : 0);
            // LibreOffice cuts the seconds it shows, after a rounding error of its own: 462 s (the
            // serial 462/86400 exactly as Excel writes it) shows as 0:07:41. The formulas read the
            // exact value, which the recalculation above checks.
            const ms = v.getTime() - TIME_ZERO;
            const gap = ms - (hours * 3600 + +m![2] * 60 + +m![3]) * 1000;
            expect(gap >= 0 && gap <= 1000, `${where}: ${text} vs ${ms} ms`).toBe(true);
          } else if (v instanceof Date) {
            const m = date.exec(text);
            expect(m, `${where}: ${text}`).not.toBeNull();
            expect(Date.UTC(+m![1], +m![2] - 1, +m![3], +(m![4] ?? 0), +(m![5] ?? 0), +(m![6] ?? 0)), where).toBe(v.getTime());
          } else if (typeof v === 'number') expect(sameValue(csvValue(text), v), `${where}: ${text} vs ${v}`).toBe(true);
          else expect(csvValue(text), where).toBe(v);
          compared++;
        }));
        expect(compared).toBeGreaterThan(0);
      }
    }
  });
});
