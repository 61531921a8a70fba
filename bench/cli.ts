/**
 * The command line's wall time and peak memory (maximum resident set size) under GNU time
 * (`/usr/bin/time -v`; Debian package `time`), for the bundled sample, a generated 200,000-ticket
 * workbook and a generated 1,000,000-row tickets CSV. Each run writes the scorecard .xlsx and the
 * HTML report into a temporary folder. Beside each figure, the same run of the previous version
 * (a built checkout given by --base DIR, by default /work/base when it exists), measured in the
 * same bench run, one after the other, so the ratio holds on a loaded machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateSample, writeSampleWorkbook } from '../examples/generate.js';
import type { SampleCell } from '../examples/generate.js';

export interface CliRun {
  readonly input: string;
  /** 'current' or 'previous' (the --base build). */
  readonly build: 'current' | 'previous';
  /** Targets for this input (undefined: none). */
  readonly targetSeconds?: number;
  readonly targetBytes?: number;
  readonly command: string;
  readonly seconds: number;
  /** User + system CPU seconds: steadier than wall time on a shared machine. */
  readonly cpuSeconds?: number;
  readonly peakBytes: number;
  readonly exitCode: number | null;
  /** Why the run could not be measured. */
  readonly error?: string;
}

export const TIME = '/usr/bin/time';

/** Parses GNU time's -v report: wall clock ("h:mm:ss" or "m:ss.ss") and max RSS in kB. */
export function parseTimeReport(stderr: string): { seconds: number; cpuSeconds?: number; peakBytes: number } | undefined {
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):(\d+(?:\.\d+)?)/.exec(stderr);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  if (!wall || !rss) return undefined;
  const seconds = (wall[1] ? +wall[1] * 3600 : 0) + +wall[2] * 60 + +wall[3];
  const user = /User time \(seconds\): (\d+(?:\.\d+)?)/.exec(stderr);
  const system = /System time \(seconds\): (\d+(?:\.\d+)?)/.exec(stderr);
  return { seconds, ...(user && system ? { cpuSeconds: +user[1] + +system[1] } : {}), peakBytes: +rss[1] * 1024 };
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

interface BenchInput {
  readonly file: string;
  readonly targetSeconds?: number;
  readonly targetBytes?: number;
}

/** Runs one build's CLI on one input under GNU time. */
function timeRun(root: string, launcher: readonly string[], input: string, work: string, label: string, build: CliRun['build']): CliRun {
  const out = path.join(work, 'out');
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  const args = ['scorecard', input, '--out', path.join(out, 'scorecard.xlsx'), '--html', path.join(out, 'scorecard.html'), '--quiet', '--tz', 'UTC'];
  const r = spawnSync(TIME, ['-v', process.execPath, ...launcher, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const report = parseTimeReport(r.stderr ?? '');
  const command = `service-kpi scorecard ${label} --out … --html …`;
  if (!report) return { input: label, build, command, seconds: NaN, peakBytes: NaN, exitCode: r.status, error: `no time report (${(r.stderr ?? '').split('\n')[0]})` };
  const failed = r.status !== 0;
  return { input: label, build, command, ...report, exitCode: r.status, ...(failed ? { error: `exit ${r.status}: ${whyFailed(r.stderr ?? '')}` } : {}) };
}

/** The launcher for a build's dist/cli.js (bin/service-kpi.js of its checkout when there is one). */
function launcherFor(dist: string): string[] {
  const bin = path.join(dist, '..', 'bin', 'service-kpi.js');
  if (existsSync(bin) && path.basename(dist) === 'dist') return [bin];
  return ['--input-type=module', '-e', `import { main } from ${JSON.stringify(path.join(dist, 'cli.js'))}; process.exitCode = await main(process.argv.slice(1));`];
}

export async function measureCli(root: string, dist: string, log: (line: string) => void, options: { base?: string } = {}): Promise<CliRun[]> {
  const cli = path.join(dist, 'cli.js');
  const label = (input: string) => path.relative(root, input).startsWith('..') ? path.basename(input) : path.relative(root, input);
  if (!existsSync(cli)) return [{ input: '—', build: 'current', command: 'service-kpi', seconds: NaN, peakBytes: NaN, exitCode: null, error: `${path.relative(root, cli)} is not built` }];
  if (!existsSync(TIME)) {
    return [{ input: '—', build: 'current', command: 'service-kpi', seconds: NaN, peakBytes: NaN, exitCode: null, error: `${TIME} is missing (apt-get install -y time)` }];
  }
  const work = path.join(os.tmpdir(), 'service-kpi-bench');
  mkdirSync(work, { recursive: true });
  const inputs: BenchInput[] = [
    { file: path.join(root, 'examples/helpdesk.xlsx') },
    { file: await generatedWorkbook(work, 200_000, log), targetSeconds: 8, targetBytes: 600 * 1024 ** 2 },
    { file: await generatedCsv(work, 1_000_000, log), targetSeconds: 20, targetBytes: 1.5 * 1024 ** 3 },
  ];
  const current = launcherFor(path.resolve(dist));
  const baseDist = options.base ? path.join(path.resolve(options.base), 'dist') : undefined;
  const previous = baseDist && existsSync(path.join(baseDist, 'cli.js')) ? launcherFor(baseDist) : undefined;
  if (options.base && !previous) log(`  no built CLI in ${options.base}/dist: the previous version is not measured`);
  const runs: CliRun[] = [];
  for (const { file, targetSeconds, targetBytes } of inputs) {
    const name = label(file);
    for (const [build, launcher] of [['current', current], ['previous', previous]] as const) {
      if (!launcher) continue;
      const run = { ...timeRun(root, launcher, file, work, name, build), targetSeconds, targetBytes };
      runs.push(run);
      log(`  ${name} (${build}): ${run.error ?? `${run.seconds.toFixed(1)} s (CPU ${run.cpuSeconds?.toFixed(1) ?? '?'} s), ${(run.peakBytes / 1024 / 1024).toFixed(0)} MB`}`);
    }
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
