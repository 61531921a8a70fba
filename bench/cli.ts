/**
 * The command line's wall time and peak memory (maximum resident set size) under GNU time
 * (`/usr/bin/time -v`; Debian package `time`), for the bundled sample and for a generated
 * 200,000-ticket workbook. Each run writes the scorecard .xlsx and the HTML report into a
 * temporary folder. Targets: under 20 s and 1 GB.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSample, writeSampleWorkbook } from '../examples/generate.js';
import type { SampleCell } from '../examples/generate.js';

export interface CliRun {
  readonly input: string;
  readonly command: string;
  readonly seconds: number;
  readonly peakBytes: number;
  readonly exitCode: number | null;
  /** Why the run could not be measured. */
  readonly error?: string;
}

export const TIME = '/usr/bin/time';

/** Parses GNU time's -v report: wall clock ("h:mm:ss" or "m:ss.ss") and max RSS in kB. */
export function parseTimeReport(stderr: string): { seconds: number; peakBytes: number } | undefined {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  if (!wall || !rss) return undefined;
  const seconds = (wall[1] ? +wall[1] * 3600 : 0) + +wall[2] * 60 + +wall[3];
  return { seconds, peakBytes: +rss[1] * 1024 };
}

/** A generated workbook with `tickets` tickets, cached in the temp folder (same seed, same file). */
async function generatedWorkbook(dir: string, tickets: number, log: (line: string) => void): Promise<string> {
  const file = path.join(dir, `helpdesk-${tickets}-tickets.xlsx`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  log(`  generating ${path.basename(file)} (once; cached in ${dir})`);
  await writeSampleWorkbook(file, generateSample(undefined, { tickets }));
  return file;
}

/** A cell as CSV text: ISO wall-clock dates, TRUE/FALSE, text quoted when it must be. */
function csvField(v: SampleCell): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 16).replace('T', ' ');
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const t = String(v);
  return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
}

/** The sample's tickets sheet with `tickets` rows as a CSV file, cached like the workbook. */
export async function generatedCsv(dir: string, tickets: number, log: (line: string) => void): Promise<string> {
  const file = path.join(dir, `tickets-${tickets}.csv`);
  if (existsSync(file) && statSync(file).size > 0) return file;
  log(`  generating ${path.basename(file)} (once; cached in ${dir})`);
  const sheet = generateSample(undefined, { tickets, survey: 0, orders: 0 }).tickets;
  const temp = `${file}.partial`;
  const out = createWriteStream(temp);
  const write = (text: string): Promise<void> => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write(`${sheet.columns.map((c) => csvField(c.header)).join(',')}\n`);
  for (let i = 0; i < sheet.rows.length; i += 10_000) {
    await write(sheet.rows.slice(i, i + 10_000).map((r) => `${r.map(csvField).join(',')}\n`).join(''));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(temp, file);
  return file;
}

export async function measureCli(root: string, dist: string, log: (line: string) => void): Promise<CliRun[]> {
  const cli = path.join(dist, 'cli.js');
  const label = (input: string) => path.relative(root, input).startsWith('..') ? path.basename(input) : path.relative(root, input);
  if (!existsSync(cli)) return [{ input: '—', command: 'service-kpi', seconds: NaN, peakBytes: NaN, exitCode: null, error: `${path.relative(root, cli)} is not built` }];
  if (!existsSync(TIME)) {
    return [{ input: '—', command: 'service-kpi', seconds: NaN, peakBytes: NaN, exitCode: null, error: `${TIME} is missing (apt-get install -y time)` }];
  }
  const work = path.join(os.tmpdir(), 'service-kpi-bench');
  mkdirSync(work, { recursive: true });
  const inputs = [path.join(root, 'examples/helpdesk.xlsx'), await generatedWorkbook(work, 200_000, log)];
  // bin/service-kpi.js imports ../dist/cli.js; for another dist the same launcher is inlined.
  const launcher = path.resolve(dist) === path.join(root, 'dist')
    ? [path.join(root, 'bin/service-kpi.js')]
    : ['--input-type=module', '-e', `import { main } from ${JSON.stringify(cli)}; process.exitCode = await main(process.argv.slice(1));`];
  const runs: CliRun[] = [];
  for (const input of inputs) {
    const out = path.join(work, 'out');
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const args = ['scorecard', input, '--out', path.join(out, 'scorecard.xlsx'), '--html', path.join(out, 'scorecard.html'), '--quiet'];
    const r = spawnSync(TIME, ['-v', process.execPath, ...launcher, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const report = parseTimeReport(r.stderr ?? '');
    const command = `service-kpi scorecard ${label(input)} --out … --html …`;
    if (!report) {
      runs.push({ input: label(input), command, seconds: NaN, peakBytes: NaN, exitCode: r.status, error: `no time report (${(r.stderr ?? '').split('\n')[0]})` });
      continue;
    }
    const failed = r.status !== 0;
    runs.push({ input: label(input), command, ...report, exitCode: r.status, ...(failed ? { error: `exit ${r.status}: ${whyFailed(r.stderr ?? '')}` } : {}) });
    log(`  ${label(input)}: ${report.seconds.toFixed(1)} s, ${(report.peakBytes / 1024 / 1024).toFixed(0)} MB`);
  }
  return runs;
}

/** The CLI's own one-line message (or the first error line) from stderr, without GNU time's report. */
export function whyFailed(stderr: string): string {
  const own = stderr.split('\n\tCommand being timed')[0].split('\n').map((l) => l.trim()).filter(Boolean);
  return own.find((l) => l.startsWith('service-kpi:')) ?? own.find((l) => /Error/.test(l)) ?? own[0] ?? 'no message';
}

/** The GNU time version, for the report. */
export function timeVersion(): string {
  try {
    return execFileSync(TIME, ['--version'], { encoding: 'utf8' }).split('\n')[0];
  } catch {
    return 'not installed';
  }
}
