/**
 * The workbooks that crashed the command line or gave wrong numbers (issue 11), through the built
 * CLI as a child process: a far cell, a zip directory that understates a part, rows stored in
 * descending order, formulas whose saved value is 0, t="d" dates, sheet names over 31 characters,
 * and what the output cannot hold (cells over 32,767 characters, dates no spreadsheet shows).
 * Expected KPI values are counted by hand in each test.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../cli/args.js';
import { CELL_DATE } from '../../core/scorecard/columns.js';
import type { ScorecardArgs } from '../../cli/args.js';
import type { InputSheet } from '../../cli/input.js';
import { NO_PROGRESS } from '../../cli/progress.js';
import { readXlsxFile } from '../../cli/read-xlsx.js';
import { planFor } from '../../cli/run.js';
import { scorecardXlsx } from '../../cli/write-xlsx.js';
import { buildTestCli, formulaCells, removeTestCli, runCli } from './helpers.js';
import { STYLE, craftWorkbook, inline, lyingWorkbook, num, row } from './xlsx-craft.js';

let cli: string;
let dir: string;
beforeAll(async () => {
  cli = await buildTestCli();
  dir = await mkdtemp(path.join(tmpdir(), 'skpi-wb-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeTestCli(cli);
});

interface Kpi { id: string; value: number | null; n: number | null; period: string | null }

async function scorecard(name: string, bytes: Buffer | string, extra: string[] = []): Promise<{ code: number; stderr: string; kpis: Kpi[]; out: string }> {
  const input = path.join(dir, name);
  await writeFile(input, bytes);
  const out = path.join(dir, `${name}.out.xlsx`);
  const r = await runCli(cli, ['scorecard', input, '--out', out, '--json', ...extra]);
  return { code: r.code, stderr: r.stderr, kpis: r.code === 0 ? (JSON.parse(r.stdout).kpis as Kpi[]) : [], out };
}

const nps = (kpis: readonly Kpi[]): Kpi | undefined => kpis.find((k) => k.id === 'nps');

/** A survey sheet: a header, then one row per (serial date, score cell XML). */
function survey(rows: readonly [number, string][], order: 'up' | 'down' = 'up'): string {
  const body = rows.map(([date, score], i) => row(i + 2, num(`A${i + 2}`, date, STYLE.date) + score));
  if (order === 'down') body.reverse();
  return row(1, inline('A1', 'Date') + inline('B1', 'NPS')) + body.join('');
}

const MARCH_1 = 46082; // 2026-03-01
/** These surveys end within March (April): the reporting date makes that month the complete one Actual shows. */
const END_OF_MARCH = ['--as-of', '2026-03-31'];

describe('workbooks that used to crash', () => {
  it('reads a small workbook with one cell at XFD1048576 (it ran 81 s into a heap abort)', async () => {
    const scores = [10, 9, 3, 8];
    const rows = survey(scores.map((s, i) => [MARCH_1 + i, `<c r="B${i + 2}"><v>${s}</v></c>`])) + row(1_048_576, '<c r="XFD1048576"><v>1</v></c>');
    const bytes = craftWorkbook([{ name: 'Survey', rows }]);
    expect(bytes.length).toBeLessThan(4096);
    const r = await scorecard('far-cell.xlsx', bytes, END_OF_MARCH);
    expect(r.code, r.stderr).toBe(0);
    // 2 promoters, 1 detractor of 4: (2 − 1) / 4 = 25 points.
    expect(nps(r.kpis)).toMatchObject({ value: 25, n: 4 });
  }, 120_000);

  it('stops at once on a part that inflates past what its zip directory says (3 GB of spaces in 3 MB)', async () => {
    const r = await scorecard('lying.xlsx', await lyingWorkbook(3, 2_000));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`service-kpi: ${path.join(dir, 'lying.xlsx')} is damaged: xl/worksheets/sheet1.xml unpacks to more than its zip directory says (a damaged file or a zip bomb)\n`);
    expect((await readdir(dir)).filter((f) => f.startsWith('lying.xlsx.out'))).toEqual([]);
  }, 120_000);
});

describe('workbooks that used to give wrong numbers', () => {
  it('reads rows stored in descending order (19,998 of 20,000 were dropped)', async () => {
    const n = 20_000;
    // Scores cycle 0..10: per 11 answers 2 promoters (9, 10) and 7 detractors (0–6).
    const rows = Array.from({ length: n }, (_, i): [number, string] => [MARCH_1 + (i % 28), `<c r="B${i + 2}"><v>${i % 11}</v></c>`]);
    const up = await scorecard('ascending.xlsx', craftWorkbook([{ name: 'Survey', rows: survey(rows, 'up') }]), END_OF_MARCH);
    const down = await scorecard('descending.xlsx', craftWorkbook([{ name: 'Survey', rows: survey(rows, 'down') }]), END_OF_MARCH);
    expect(down.code, down.stderr).toBe(0);
    const promoters = rows.filter(([, x]) => /<v>(9|10)</.test(x)).length;
    const detractors = rows.filter(([, x]) => /<v>[0-6]</.test(x)).length;
    expect(nps(down.kpis)).toMatchObject({ n, period: '2026-03' });
    expect(nps(down.kpis)!.value).toBeCloseTo((100 * (promoters - detractors)) / n, 9);
    expect(nps(down.kpis)).toEqual(nps(up.kpis));
  }, 120_000);

  it('reads a formula whose saved value is 0 as 0, not as blank (a detractor, not a missing answer)', async () => {
    const scores = [0, 0, 10, 9, 5, 0, 8, 10];
    const rows = survey(scores.map((s, i) => [MARCH_1 + i, `<c r="B${i + 2}"><f>IF(TRUE,${s})</f><v>${s}</v></c>`]));
    const r = await scorecard('zero-formulas.xlsx', craftWorkbook([{ name: 'Survey', rows }]), END_OF_MARCH);
    expect(r.code, r.stderr).toBe(0);
    // 3 promoters (10, 9, 10), 4 detractors (0, 0, 5, 0) of 8: −12.5 (without the zeros it would read 40).
    expect(nps(r.kpis)).toMatchObject({ value: -12.5, n: 8 });
    expect(r.stderr).toContain('8 formula cells copied as their saved values\n');
    expect(r.stderr).not.toMatch(/no saved value/);
  }, 120_000);

  it('reads openpyxl-style t="d" dates as the wall clock they show (they read as 1905-07-18)', async () => {
    const scores = [10, 10, 2, 9];
    const rows = survey(scores.map((s, i) => [0, `<c r="B${i + 2}"><v>${s}</v></c>`])).replace(/<c r="A(\d+)" s="1"><v>0<\/v><\/c>/g, (_, r: string) => `<c r="A${r}" t="d" s="${STYLE.date}"><v>2026-04-0${Number(r) - 1}T23:30:00</v></c>`);
    const r = await scorecard('iso-dates.xlsx', craftWorkbook([{ name: 'Survey', rows }]), ['--tz', 'Pacific/Auckland', '--as-of', '2026-04-30']);
    expect(r.code, r.stderr).toBe(0);
    expect(nps(r.kpis)).toMatchObject({ value: 50, n: 4, period: '2026-04' });
  }, 120_000);
});

describe('what the output cannot hold', () => {
  it('shortens sheet names over 31 characters uniquely, with a note, and the scorecard refers to the new name', async () => {
    const long = 'Customer survey answers exported 2026-03';
    const scores = [10, 9, 3];
    const bytes = craftWorkbook([{ name: long, rows: survey(scores.map((s, i) => [MARCH_1 + i, `<c r="B${i + 2}"><v>${s}</v></c>`])) }]);
    const r = await scorecard('long-name.xlsx', bytes);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`the sheet name "${long}" is not one Excel accepts (at most 31 characters, none of [ ] : * ? / \\, unique); its copy is named "Customer survey answers exporte"`);
    expect(r.stderr).not.toMatch(/exceljs|Worksheet name|damaged/i);
    const back = await readXlsxFile(r.out);
    expect(back.sheetNames).toEqual(['KPI Scorecard', 'Customer survey answers exporte']);
    expect(formulaCells(await readFile(r.out)).some((c) => c.formula.includes("'Customer survey answers exporte'!"))).toBe(true);
  }, 120_000);

  it('cuts a cell over 32,767 characters in the copy, with a note', async () => {
    const comment = 'x'.repeat(40_000);
    const csv = `Date,NPS,Comment\n2026-03-01,9,${comment}\n2026-03-02,10,fine\n`;
    const r = await scorecard('long-cell.csv', csv);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('note: 1 cell (first long-cell!C2) held more than 32,767 characters, the most a cell holds; the copy in the output is cut there (the KPIs were computed on the whole text)\n');
    const copy = (await readXlsxFile(r.out)).sheets.find((s) => s.data.name === 'long-cell')!;
    expect(copy.data.values[1][2]).toBe('x'.repeat(32_767));
  }, 120_000);

  // A CSV sheet is held by column (cli/sheet-columns.ts) and written from its columns; a workbook
  // sheet by row. Both writers get the two dates a CSV cannot produce.
  for (const held of ['by row', 'by column'] as const) {
    it(`writes dates a spreadsheet cannot show (before 1900, invalid) as text, with a note (sheet held ${held})`, async () => {
      const csv = path.join(dir, 'dates.csv');
      await writeFile(csv, 'Date,NPS,Note\n2026-03-01,9,a\n2026-03-02,10,b\n');
      const args = parseCommandLine(['scorecard', csv, '--out', path.join(dir, 'dates.xlsx')]) as ScorecardArgs;
      const { input, plan } = await planFor(args, NO_PROGRESS);
      const early = Date.UTC(1850, 2, 1, 10, 0);
      const sheet = input.sheets[0];
      if (held === 'by row') {
        const values = sheet.data.values as unknown[][];
        values[1][2] = new Date(early);
        values[2][2] = new Date(NaN);
        (input.sheets as InputSheet[])[0] = { ...sheet, columns: undefined, data: { ...sheet.data, columns: undefined, values }, formats: sheet.formats };
      } else {
        const note = sheet.columns!.column(2)!;
        (note.kinds as Uint8Array).set([CELL_DATE, CELL_DATE], 1);
        (note.numbers as Float64Array).set([early, NaN], 1);
      }
      const notes: string[] = [];
      const bytes = await scorecardXlsx(input, plan, new Date(Date.UTC(2026, 3, 1)), undefined, notes);
      expect(notes).toEqual(['2 dates (first dates!C2) lie outside 1900-01-01 to 9999-12-31, which a spreadsheet cannot show as dates; written as text']);
      const file = path.join(dir, 'dates.xlsx');
      await writeFile(file, bytes);
      const copy = (await readXlsxFile(file)).sheets.find((s) => s.data.name === 'dates')!;
      expect([copy.data.values[1][2], copy.data.values[2][2]]).toEqual(['1850-03-01T10:00:00', 'invalid date']);
      expect(copy.data.values[1][0]).toEqual(new Date(Date.UTC(2026, 2, 1)));
    }, 120_000);
  }
});

describe('the copy of the data', () => {
  it('holds every cell of a sheet whose XML fills the writer\'s buffer many times (rows carried across chunks)', async () => {
    // 3,000 rows of 300–1,200 characters: about 2.5 MB of sheet XML, so rows are cut by the 1 MB
    // buffer of the data-sheet writer (write-data-sheet.ts) and carried into the next chunk.
    const n = 3_000;
    const lines = ['Date,NPS,Comment'];
    for (let i = 0; i < n; i++) {
      const comment = `Ticket ${i} – "Größe" & <Kürze> ${'abcdefghij'.repeat(30 + (i * 7) % 90)}`;
      lines.push(`2026-03-${String(1 + (i % 28)).padStart(2, '0')},${i % 11},"${comment.replace(/"/g, '""')}"`);
    }
    const csv = path.join(dir, 'wide.csv');
    await writeFile(csv, `${lines.join('\n')}\n`);
    const args = parseCommandLine(['scorecard', csv, '--out', path.join(dir, 'wide.xlsx')]) as ScorecardArgs;
    const { input, plan } = await planFor(args, NO_PROGRESS);
    const file = path.join(dir, 'wide.xlsx');
    await writeFile(file, await scorecardXlsx(input, plan, new Date(Date.UTC(2026, 3, 1))));
    const copy = (await readXlsxFile(file)).sheets.find((s) => s.data.name === 'wide')!;
    expect(copy.data.values).toEqual(input.sheets[0].data.values);
    expect(copy.data.values).toHaveLength(n + 1);
  }, 120_000);
});
