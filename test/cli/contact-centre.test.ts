/**
 * The contact-centre section through the command line, run as a child process: the generated
 * call-centre workbook (test/fixtures/call-centre.ts) in English and with German headers, written
 * as an .xlsx (time values as h:mm:ss cells), gives the figures computed by hand from its rows in
 * --json, a scorecard sheet with the section, and an HTML report with it; the real PwC workbook,
 * the daily call-centre KPI export and the Amazon Connect interval report give the figures of
 * test/fixtures/real/expected-notes.md.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxFile } from '../../cli/read-xlsx.js';
import { callCentre, expectedByMonth, peakOfLatestMonth } from '../fixtures/call-centre.js';
import type { Language } from '../fixtures/call-centre.js';
import { writeCallCentreXlsx } from '../fixtures/call-centre-xlsx.js';
import { ROOT, buildTestCli, formulaCells, removeTestCli, runCli } from './helpers.js';

interface JsonKpi {
  id: string; kpi: string; section: string | null; value: number | string | null; previous: number | string | null;
  baseline: number | string | null; unit: string; period: string | null; definition: string;
}

let cli: string;
let dir: string;
beforeAll(async () => {
  cli = await buildTestCli();
  dir = await mkdtemp(path.join(tmpdir(), 'skpi-cli-calls-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeTestCli(cli);
});

const REAL = path.join(ROOT, 'test/fixtures/real');
/**
 * The generated rows end on 28 April, so by the headline rule (the latest complete period as of
 * the data's last date) March would be the Actual; these tests are about April's figures, so they
 * give the reporting date that closes April.
 */
const END_OF_APRIL = ['--as-of', '2026-04-30'];

/** The text cells of the scorecard sheet (the reader keeps our own scorecard apart from the data). */
async function scorecardTexts(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: string[] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => row.eachCell((cell) => { if (typeof cell.value === 'string') out.push(cell.value); }));
  return out;
}
const byId = (kpis: JsonKpi[], id: string): JsonKpi => {
  const k = kpis.find((x) => x.id === id);
  if (!k) throw new Error(`no ${id} in ${kpis.map((x) => x.id).join(', ')}`);
  return k;
};

describe.each<Language>(['en', 'de'])('the call-centre workbook (%s headers) through the CLI', (language) => {
  const f = callCentre(language);
  const april = expectedByMonth(f).get('2026-04')!;
  const march = expectedByMonth(f).get('2026-03')!;
  let kpis: JsonKpi[];
  let out: string;
  let html: string;

  beforeAll(async () => {
    const input = path.join(dir, `calls-${language}.xlsx`);
    await writeCallCentreXlsx(f, input);
    out = path.join(dir, `calls-${language}-scorecard.xlsx`);
    const report = path.join(dir, `calls-${language}.html`);
    const r = await runCli(cli, ['scorecard', input, '--out', out, '--html', report, '--json', '--lang', language, ...END_OF_APRIL]);
    expect(r.code, r.stderr).toBe(0);
    kpis = (JSON.parse(r.stdout) as { kpis: JsonKpi[] }).kpis;
    html = await readFile(report, 'utf8');
  }, 240_000);

  it('finds the calls, the queue report and the survey by their headers and prints the section\'s figures', () => {
    expect(kpis.filter((k) => k.section === 'contact').map((k) => k.id)).toEqual(['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate']);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht', 'csat', 'responseRate'] as const) {
      expect(byId(kpis, id).value as number, id).toBeCloseTo(april[id], 9);
      expect(byId(kpis, id).previous as number, id).toBeCloseTo(march[id], 9);
      expect(byId(kpis, id).period).toBe('2026-04');
    }
    expect(byId(kpis, 'asa').unit).toBe('seconds');
  });

  it('writes the section on the scorecard sheet with native formulas, and keeps the durations time cells', async () => {
    const book = await readXlsxFile(out);
    const flat = await scorecardTexts(out, language === 'de' ? 'KPI-Scorecard' : 'KPI Scorecard');
    expect(flat).toContain(language === 'de' ? 'Contact-Center' : 'Contact centre');
    expect(flat.some((v) => typeof v === 'string' && /Erlang C/.test(v))).toBe(true);
    const formulas = formulaCells(await readFile(out)).map((c) => c.formula);
    expect(formulas.some((t) => t.startsWith('_xlfn.POISSON.DIST('))).toBe(true);
    expect(formulas.some((t) => t.includes('_xldudf_'))).toBe(false);
    // The data copy: a talk time of 0:04:13 stays a time cell (a Date of 30 Dec 1899 read back).
    const calls = book.sheets.find((s) => s.data.name === f.sheets[0].name)!;
    const talk = calls.data.values[1][5];
    expect(talk).toBeInstanceOf(Date);
    expect((talk as Date).getUTCFullYear()).toBe(1899);
    expect(calls.formats[1]?.[5]).toBe('h:mm:ss');
  });

  it('shows the section in the HTML report', () => {
    expect(html).toContain(`<th colspan="10" scope="rowgroup">${language === 'de' ? 'Contact-Center' : 'Contact centre'}</th>`);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'responseRate']) expect(html).toContain(`data-kpi="${id}"`);
    const section = html.indexOf('scope="rowgroup">' + (language === 'de' ? 'Contact-Center' : 'Contact centre'));
    expect(html.indexOf('data-kpi="serviceLevel"')).toBeGreaterThan(section);
  });
});

describe('the CLI\'s options for the contact centre', () => {
  it('--service-level-seconds sets the threshold; the add-in formulas then pass it to SERVICE_LEVEL', async () => {
    const f = callCentre('en');
    const input = path.join(dir, 'calls-threshold.xlsx');
    await writeCallCentreXlsx(f, input);
    const out = path.join(dir, 'calls-threshold-scorecard.xlsx');
    const r = await runCli(cli, ['scorecard', input, '--out', out, '--json', '--service-level-seconds', '45', '--addin-formulas', ...END_OF_APRIL]);
    expect(r.code, r.stderr).toBe(0);
    const sl = byId((JSON.parse(r.stdout) as { kpis: JsonKpi[] }).kpis, 'serviceLevel');
    expect(sl.value as number).toBeCloseTo(expectedByMonth(f, 45).get('2026-04')!.serviceLevel, 12);
    expect(sl.definition).toContain('within 45 seconds');
    const formulas = formulaCells(await readFile(out)).map((c) => c.formula);
    expect(formulas.some((t) => /_xldudf_KPI_KPI_BY_PERIOD\("SERVICE_LEVEL",.*"45 s","offered","seconds"\)/.test(t))).toBe(true);
    expect(formulas.some((t) => /^_xldudf_KPI_ERLANG_C\(/.test(t))).toBe(true);
    const peak = peakOfLatestMonth(f);
    expect(peak.offered).toBeGreaterThan(0);
    const bad = await runCli(cli, ['scorecard', input, '--out', path.join(dir, 'x.xlsx'), '--service-level-seconds', '0']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('service-kpi: --service-level-seconds 0: give a number of seconds above 0 (at most 3600)\n');
  }, 240_000);
});

describe('real call-centre exports (test/fixtures/real/expected-notes.md)', () => {
  async function run(file: string, extra: string[] = []): Promise<JsonKpi[]> {
    const r = await runCli(cli, ['scorecard', file, '--out', path.join(dir, `${path.basename(file)}.xlsx`), '--json', ...extra]);
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { kpis: JsonKpi[] }).kpis;
  }

  it('the PwC workbook (5,000 calls, Jan–Mar 2021), over the year: abandon 0.1892, ASA 67.5207 s, AHT 224.9228 s, CSAT 0.499013', async () => {
    // The calls end in March 2021, so 2021 is not complete: the year is the reporting period only when given.
    const kpis = await run(path.join(REAL, 'pwc-call-center-dataset.xlsx'), ['--period', 'year', '--as-of', '2021-12-31']);
    expect(byId(kpis, 'abandonRate').value).toBe(946 / 5000);
    expect((byId(kpis, 'asa').value as number).toFixed(4)).toBe('67.5207');
    expect((byId(kpis, 'aht').value as number).toFixed(4)).toBe('224.9228');
    expect(byId(kpis, 'csat').value).toBe(2023 / 4054);
    expect(byId(kpis, 'serviceLevel').section).toBe('contact');
    expect(byId(kpis, 'csat').period).toBe('2021');
  }, 240_000);

  it('the daily KPI export (no date column): abandon 0.109267, ASA 29.8356 s, AHT 159.5279 s, service level 66.775 %, all rows weighted by calls', async () => {
    const kpis = await run(path.join(REAL, 'call-center-daily-kpi.csv'));
    expect(kpis.map((k) => k.id)).toEqual(['serviceLevel', 'abandonRate', 'asa', 'aht']);
    expect(byId(kpis, 'abandonRate').value).toBe(27_139 / 248_373);
    expect((byId(kpis, 'asa').value as number).toFixed(4)).toBe('29.8356');
    expect((byId(kpis, 'aht').value as number).toFixed(4)).toBe('159.5279');
    expect((byId(kpis, 'serviceLevel').value as number * 100).toFixed(3)).toBe('66.775');
    for (const k of kpis) expect([k.previous, k.baseline, k.period]).toEqual([null, null, null]);
  }, 240_000);

  it('the Amazon Connect interval report: abandon 129 of 2,362 queued, and Erlang C staffing of its busiest half hour', async () => {
    const file = path.join(REAL, 'documented/amazon-connect-queue-intervals.csv');
    // The intervals end on 8 March 2024, so March is not complete: the reporting date closes it.
    const kpis = await run(file, ['--as-of', '2024-03-31']);
    expect(byId(kpis, 'abandonRate').value).toBe(129 / 2362);
    const texts = await scorecardTexts(path.join(dir, 'amazon-connect-queue-intervals.csv.xlsx'), 'KPI Scorecard');
    expect(texts.some((v) => typeof v === 'string' && v.startsWith('Staffing (Erlang C) for the busiest interval of 2024-03'))).toBe(true);
  }, 240_000);
});
