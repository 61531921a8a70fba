/**
 * Helpers of the CLI tests: build the CLI bundle once per test file (into node_modules/.cache, so
 * the bundle finds exceljs), run it as a child process, hash files, and read the formula cells of
 * an .xlsx exactly as the file stores them (exceljs drops cached results of 0 when reading, so the
 * tests read the sheet XML themselves).
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../../scripts/build-cli.mjs';
import { partText } from '../helpers/zip.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SAMPLE = path.join(ROOT, 'examples/helpdesk.xlsx');
export const CSV_DIR = path.join(ROOT, 'test/fixtures/csv');

/** Builds the CLI into a fresh folder and returns the launcher to run with node. */
export async function buildTestCli(): Promise<string> {
  const cache = path.join(ROOT, 'node_modules/.cache');
  await mkdir(cache, { recursive: true });
  const dir = await mkdtemp(path.join(cache, 'service-kpi-cli-'));
  await buildCli({ outdir: dir });
  const launcher = path.join(dir, 'service-kpi.mjs');
  await writeFile(launcher, "import { main } from './cli.js';\nprocess.exitCode = await main(process.argv.slice(2));\n");
  return launcher;
}

/** Removes a folder made by buildTestCli. */
export async function removeTestCli(launcher: string | undefined): Promise<void> {
  if (launcher) await rm(path.dirname(launcher), { recursive: true, force: true });
}

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/** Runs the CLI as a child process (no terminal: no colours, no progress bar). */
export function runCli(launcher: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [launcher, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', ...options.env },
      maxBuffer: 64 * 1024 * 1024,
      timeout: 240_000,
    }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

export async function sha256(file: string): Promise<string> {
  return createHash('sha256').update(await readFile(file)).digest('hex');
}

// ---------------------------------------------------------------- the sheet XML

export interface FormulaCell {
  readonly ref: string;
  readonly row: number;
  readonly col: number;
  readonly formula: string;
  /** The cached value: number, text, boolean, error text; '' for an empty text result; undefined when the file has none. */
  readonly cached: number | string | boolean | undefined;
  /** Set on the top-left cell of an array formula. */
  readonly arrayRef?: string;
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };

export function xmlText(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|quot|amp|lt|gt|apos);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e];
  });
}

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Every formula cell of a worksheet part (`xl/worksheets/sheet1.xml`) with its cached value. */
export function formulaCells(xlsx: Uint8Array, part = 'xl/worksheets/sheet1.xml'): FormulaCell[] {
  const xml = partText(xlsx, part);
  if (xml === undefined) throw new Error(`no ${part} in the workbook`);
  const out: FormulaCell[] = [];
  const cell = /<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  for (let m = cell.exec(xml); m; m = cell.exec(xml)) {
    const body = m[4] ?? '';
    const f = /<f([^>]*)>([\s\S]*?)<\/f>/.exec(body);
    if (!f) continue;
    const type = /\bt="([^"]+)"/.exec(m[3])?.[1] ?? 'n';
    const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    let cached: number | string | boolean | undefined;
    if (v === undefined) cached = undefined;
    else if (type === 'str' || type === 'e') cached = xmlText(v);
    else if (type === 'b') cached = v === '1';
    else cached = Number(v);
    const arrayRef = /\bt="array"/.test(f[1]) ? /\bref="([^"]+)"/.exec(f[1])?.[1] : undefined;
    out.push({ ref: `${m[1]}${m[2]}`, row: Number(m[2]), col: colNumber(m[1]), formula: xmlText(f[2]), cached, ...(arrayRef ? { arrayRef } : {}) });
  }
  return out;
}
