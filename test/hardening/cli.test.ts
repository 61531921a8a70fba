/**
 * Hostile workbooks through the command line (the built CLI as a child process): formula text,
 * markup and script in headers and comments, 32,767-character cells, control characters,
 * right-to-left marks, emoji, duplicate and empty headers, 10,000 columns, a sheet that is only
 * headers, a merged title row, a hostile sheet name, CSV with the same, and an .xlsx whose unpacked
 * size is huge. No crash, no injection into the outputs, one clear line when it refuses.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { partNames, partText } from '../helpers/zip.js';
import { buildTestCli, removeTestCli, runCli, sha256 } from '../cli/helpers.js';
import { AWKWARD, INJECTIONS, LONGEST_CELL, at, hostileSheets, wideSheet, writeWorkbook, writeZipBomb } from './hostile.js';

let cli: string;
let dir: string;
beforeAll(async () => {
  cli = await buildTestCli();
  dir = await mkdtemp(path.join(tmpdir(), 'service-kpi-hostile-'));
});
afterAll(async () => {
  await removeTestCli(cli);
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every cell of every sheet of an .xlsx: value and formula as exceljs reads them. */
async function cellsOf(file: string): Promise<{ sheet: string; ref: string; value: unknown; formula?: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: { sheet: string; ref: string; value: unknown; formula?: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (cell) => {
      const v = cell.value as unknown;
      const formula = v && typeof v === 'object' && 'formula' in v ? String((v as { formula: unknown }).formula) : undefined;
      out.push({ sheet: ws.name, ref: cell.address, value: v, ...(formula !== undefined ? { formula } : {}) });
    }));
  }
  return out;
}

/** Runs the CLI with a hard time limit (SIGKILL), so a run that unpacks a bomb ends quickly. */
function runBounded(args: readonly string[], ms: number): Promise<{ code: number; stderr: string; ms: number }> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: ms, killSignal: 'SIGKILL', maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } }, (error, _stdout, stderr) => {
      const killed = error !== null && (error as { killed?: boolean }).killed === true;
      resolve({
        code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
        stderr: killed ? `(killed after ${ms / 1000} s: it was unpacking)\n${stderr}` : stderr,
        ms: Date.now() - started,
      });
    });
  });
}

/** Markup from the data that would run or render if it were not escaped. */
const LIVE_MARKUP = /<script\b|<img\b|<svg\s+onload|\sonerror\s*=|\sonload\s*=|<h1>owned/i;

/** Characters XML 1.0 forbids: one of them in a sheet part and Excel refuses the file. */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

async function xmlPartsWithForbiddenCharacters(file: string): Promise<string[]> {
  const bytes = await readFile(file);
  return partNames(bytes).filter((n) => n.endsWith('.xml') && XML_FORBIDDEN.test(partText(bytes, n) ?? ''));
}

describe('the CLI on a hostile workbook', () => {
  it('writes the scorecard with every piece of user text as text, never as a formula or markup', async () => {
    const input = path.join(dir, 'hostile.xlsx');
    await writeWorkbook(input, hostileSheets());
    const before = await sha256(input);
    const out = path.join(dir, 'hostile-out.xlsx');
    const html = path.join(dir, 'hostile-out.html');
    const run = await runCli(cli, ['scorecard', input, '--out', out, '--html', html, '--json']);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('service-kpi:'))).toEqual([]);
    expect(run.code).toBe(0);
    expect(await sha256(input)).toBe(before);
    // --json stays parseable whatever the data holds.
    const summary = JSON.parse(run.stdout).kpis as unknown[];
    expect(summary.length).toBeGreaterThan(3);

    const cells = await cellsOf(out);
    // No formula carries anything from the data: only our references and functions.
    const formulas = cells.filter((c) => c.formula !== undefined);
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.filter((c) => /evil|cmd\||HYPERLINK|<script|onerror|calc'/i.test(c.formula!)).map((c) => `${c.sheet}!${c.ref}`)).toEqual([]);
    // The data sheets carry the hostile text over as text, character for character (XML stores a
    // line break as LF, so CR LF comes back as LF, as in Excel).
    const texts = new Set(cells.filter((c) => typeof c.value === 'string').map((c) => c.value as string));
    for (const s of [...INJECTIONS, ...AWKWARD, LONGEST_CELL]) expect(texts.has(s.replace(/\r\n/g, '\n')), JSON.stringify(s.slice(0, 30))).toBe(true);
    expect(await xmlPartsWithForbiddenCharacters(out)).toEqual([]);

    const report = await readFile(html, 'utf8');
    expect(report).not.toMatch(LIVE_MARKUP);
    expect(report).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/i);
  }, 120_000);

  it('reads a sheet of 10,000 columns in reasonable time', async () => {
    const input = path.join(dir, 'wide.xlsx');
    await writeWorkbook(input, [wideSheet(10_000)]);
    const run = await runCli(cli, ['scorecard', input, '--out', path.join(dir, 'wide-out.xlsx'), '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(60_000);
  }, 120_000);

  it('says there is no data when a sheet holds only its header row', async () => {
    const input = path.join(dir, 'headers.xlsx');
    await writeWorkbook(input, [{ name: 'Survey', rows: [['Date', 'NPS', 'Comment']] }]);
    const run = await runCli(cli, ['scorecard', input, '--out', path.join(dir, 'headers-out.xlsx')]);
    // Either refused in one line or written with notes — never a crash, always "no data".
    expect(run.stderr).not.toMatch(/internal error|at .*\.js:\d+/);
    expect(run.stderr).toMatch(/no data/i);
    // Messages name KPIs as the manager sees them, never by an internal block id.
    expect(run.stderr).not.toMatch(/brand:terms|brand:match/);
    if (run.code !== 0) expect(run.stderr.trim().split('\n')).toHaveLength(1);
  }, 60_000);

  it('finds the header row under a merged title row', async () => {
    const input = path.join(dir, 'merged.xlsx');
    await writeWorkbook(input, [{
      name: 'Tickets',
      merges: ['A1:C1'],
      rows: [
        ['Ticket export, Q1 2026', null, null],
        ['Opened', 'Resolved', 'Agent'],
        [at('2026-01-05T09:00:00'), at('2026-01-05T13:00:00'), 'Anna'],
        [at('2026-01-06T09:00:00'), null, 'Ben'],
      ],
    }]);
    // The data's only month ends on 6 January: Actual is the latest complete period, so the
    // reporting date --as-of 2026-01-31 makes January complete and the headline reports it.
    const run = await runCli(cli, ['scorecard', input, '--out', path.join(dir, 'merged-out.xlsx'), '--json', '--as-of', '2026-01-31']);
    expect(run.code).toBe(0);
    const summary = JSON.parse(run.stdout).kpis as { id: string; value: unknown; period: unknown }[];
    // One ticket resolved after 4 hours, one open.
    const resolution = summary.find((k) => /resolution/i.test(k.id));
    expect(resolution?.period).toBe('2026-01');
    expect(resolution?.value).toBeCloseTo(4, 6);
    // Without a reporting date no complete month holds data: January is shown to date, marked
    // incomplete (no colour), and a note says so and how to report it as complete.
    const bare = await runCli(cli, ['scorecard', input, '--out', path.join(dir, 'merged-out-bare.xlsx'), '--json']);
    expect(bare.code).toBe(0);
    const toDate = (JSON.parse(bare.stdout).kpis as { id: string; value: unknown; period: unknown; status: unknown; statusText?: unknown }[]).find((k) => /resolution/i.test(k.id));
    expect(toDate).toMatchObject({ period: '2026-01', status: 'to-date', statusText: 'to date, incomplete' });
    expect(toDate?.value).toBeCloseTo(4, 6);
    expect(bare.stderr).toContain('note: No complete month holds data: the data ends before the last day of 2026-01, so the KPIs over it show it as far as the data goes');
    expect(bare.stderr).toContain('--as-of on the command line');
  }, 60_000);

  it('refuses an .xlsx that unpacks to gigabytes, by its size, before unpacking it', async () => {
    const input = path.join(dir, 'bomb.xlsx');
    const { bytes, unpacked } = await writeZipBomb(input, 3.5);
    expect(bytes).toBeLessThan(8 * 1024 * 1024);
    expect(unpacked).toBeGreaterThan(3 * 1024 ** 3);
    // At most 10 s: a CLI that starts unpacking is stopped before it eats gigabytes of memory.
    const run = await runBounded(['scorecard', input, '--out', path.join(dir, 'bomb-out.xlsx')], 10_000);
    expect(run.stderr.trim().split('\n')[0]).not.toBe('(killed after 10 s: it was unpacking)');
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    // The message says why: the unpacked size (in GB) is more than the tool reads.
    expect(run.stderr).toMatch(/^service-kpi: .*bomb\.xlsx.*(unpack|uncompress).*\d+(\.\d+)? ?GB/i);
    // Refused from the zip directory alone: no time spent inflating 3.5 GB.
    expect(run.ms).toBeLessThan(5_000);
  }, 120_000);
});

describe('the CLI on a hostile CSV', () => {
  it('keeps formula text, markup, control characters and right-to-left marks as plain text', async () => {
    const input = path.join(dir, 'tickets.csv');
    const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    const lines = ['Opened,Resolved,Agent,Comment'];
    for (let i = 0; i < 40; i++) {
      const agent = [INJECTIONS[0], INJECTIONS[1], AWKWARD[0], 'Anna\u0007', '😀 Ben'][i % 5];
      lines.push(`2026-0${1 + (i % 3)}-1${i % 10} 09:00,2026-0${1 + (i % 3)}-1${i % 10} 1${i % 8}:30,${quote(agent)},${quote(INJECTIONS[(i + 3) % INJECTIONS.length])}`);
    }
    await writeFile(input, `${lines.join('\r\n')}\r\n`, 'utf8');
    const out = path.join(dir, 'csv-out.xlsx');
    const html = path.join(dir, 'csv-out.html');
    const run = await runCli(cli, ['scorecard', input, '--out', out, '--html', html, '--quiet']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const cells = await cellsOf(out);
    expect(cells.filter((c) => c.formula !== undefined && /evil|cmd\||HYPERLINK/i.test(c.formula)).map((c) => c.ref)).toEqual([]);
    const agents = cells.filter((c) => c.sheet === 'tickets' && c.ref.startsWith('C')).map((c) => c.value);
    expect(agents).toContain(INJECTIONS[0]);
    expect(agents).toContain(AWKWARD[0]);
    // A control character from the CSV (BEL after "Anna") never reaches the sheet XML.
    expect(await xmlPartsWithForbiddenCharacters(out)).toEqual([]);
    expect(await readFile(html, 'utf8')).not.toMatch(LIVE_MARKUP);
  }, 60_000);

  it('detect prints headers, sheet names and notes from the data with their control and bidi characters escaped', async () => {
    const input = path.join(dir, '\u202Egnp.csv');
    const rows = [`Opened,Resolved,${quoteCsv(AWKWARD[0])},${quoteCsv(AWKWARD[3])}`];
    for (let i = 1; i <= 9; i++) rows.push(`2026-01-0${i} 09:00,2026-01-0${i} 13:00,Anna,ok`);
    await writeFile(input, `${rows.join('\n')}\n`, 'utf8');
    const isUnsafe = (text: string) => /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/.test(text);
    for (const json of [false, true]) {
      const run = await runCli(cli, ['detect', input, ...(json ? ['--json'] : [])]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('\\u202E');
      expect(isUnsafe(run.stdout)).toBe(false);
      expect(isUnsafe(run.stderr)).toBe(false);
    }
  }, 60_000);
});

const quoteCsv = (s: string): string => `"${s.replace(/"/g, '""')}"`;
