/**
 * LibreOffice as the real spreadsheet engine of the CLI tests: it opens an .xlsx, recalculates
 * every formula and exports every sheet as CSV, so the tests can compare its values with the
 * values the core cached in the file.
 *
 * LibreOffice normally shows the cached values of an .xlsx without recalculating. A throwaway
 * profile (-env:UserInstallation) whose registrymodifications.xcu sets OOXMLRecalcMode and
 * ODFRecalcMode to 0 ("always recalculate") makes it recompute on load. The CSV filter's options
 * `44,34,76,1,,0,false,true,false,false,false,-1` mean: comma, double quote, UTF-8, from line 1,
 * default cell format, language 0, unquoted fields not text, detect special numbers, values not
 * "as shown", no formulas, no space trimming, and -1 = export EVERY sheet as FILE-Sheet.csv
 * (LibreOffice 7.2 and later).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { splitCsv } from '../../cli/read-csv.js';

const run = promisify(execFile);

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice', '/Applications/LibreOffice.app/Contents/MacOS/soffice'];

/** The soffice binary, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  const fromEnv = process.env.SOFFICE;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'soffice');
    if (dir && existsSync(p)) return p;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

/**
 * Why LibreOffice tests cannot run here, or undefined when they can. Without soffice they are
 * skipped locally (the reason is printed); in CI (process.env.CI set) they must run, so a missing
 * soffice makes them fail loudly instead (.ci/run installs libreoffice-calc-nogui).
 */
export function libreOfficeSkipReason(): string | undefined {
  if (findSoffice() || process.env.CI) return undefined;
  const reason = 'LibreOffice (soffice) is not installed (apt-get install -y libreoffice-calc-nogui); recalculation tests skipped';
  console.warn(reason);
  return reason;
}

/** The profile's recalculation mode on load: 0 always, 1 never (the values the file saved). */
const recalcProfile = (mode: 0 | 1): string => `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>${mode}</value></prop></item>
</oor:items>
`;

export interface LibreOfficeSession {
  /** Converts .xlsx files, recalculated, to one CSV per sheet in `outDir`. */
  toCsv(files: readonly string[], outDir: string): Promise<void>;
  /** Converts files to another format (`xlsx`, `ods`), recalculated. */
  convert(files: readonly string[], format: string, outDir: string): Promise<void>;
  dispose(): Promise<void>;
}

const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/**
 * A LibreOffice with its own always-recalculate profile (one session per test file: profiles
 * cannot be shared by running instances). `{ recalculate: false }` keeps the values files saved.
 */
export async function startLibreOffice(options: { recalculate?: boolean } = {}): Promise<LibreOfficeSession> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is required here: install libreoffice-calc-nogui');
  const root = await mkdtemp(path.join(tmpdir(), 'skpi-lo-'));
  const user = path.join(root, 'profile', 'user');
  await mkdir(user, { recursive: true });
  await writeFile(path.join(user, 'registrymodifications.xcu'), recalcProfile(options.recalculate === false ? 1 : 0));
  const profileUrl = pathToFileURL(path.join(root, 'profile')).href;
  const convert = async (files: readonly string[], filter: string, outDir: string): Promise<void> => {
    await mkdir(outDir, { recursive: true });
    await run(soffice, [`-env:UserInstallation=${profileUrl}`, '--headless', '--norestore', '--convert-to', filter, '--outdir', outDir, ...files], {
      timeout: 180_000,
      env: { ...process.env, HOME: root },
    });
  };
  return {
    toCsv: (files, outDir) => convert(files, CSV_FILTER, outDir),
    convert: (files, format, outDir) => convert(files, format, outDir),
    dispose: () => rm(root, { recursive: true, force: true }),
  };
}

/** The CSV files LibreOffice wrote for `workbook`, by sheet name (`book-Sheet Name.csv`). */
export async function readSheetCsvs(outDir: string, workbook: string): Promise<Map<string, string[][]>> {
  const base = path.basename(workbook).replace(/\.[^.]+$/, '');
  const out = new Map<string, string[][]>();
  for (const f of await readdir(outDir)) {
    if (!f.startsWith(`${base}-`) || !f.endsWith('.csv')) continue;
    const sheet = f.slice(base.length + 1, -4);
    const text = (await readFile(path.join(outDir, f), 'utf8')).replace(/^\uFEFF/, '');
    out.set(sheet, text === '' ? [] : splitCsv(text, f, ',').rows);
  }
  return out;
}

/**
 * A value as LibreOffice's CSV shows it, read back: numbers (percent-formatted ones end in `%`
 * even when not exported "as shown"), TRUE/FALSE, text; '' for an empty cell.
 */
export function csvValue(text: string): number | string | boolean {
  const t = text.trim();
  if (t === '') return '';
  if (t === 'TRUE') return true;
  if (t === 'FALSE') return false;
  const pct = /^(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)%$/i.exec(t);
  if (pct) return Number(pct[1]) / 100;
  if (/^-?\d+(?:\.\d+)?(?:E[+-]?\d+)?$/i.test(t)) return Number(t);
  return text;
}

/**
 * A date-formatted number as LibreOffice's CSV shows it (`2026-03-01`, `2026-03-01 10:30:00`,
 * `2026-03-01 10:30`) read back as its serial, or undefined for other text. The CSV shows whole
 * seconds: compare with `sameMoment`.
 */
export function csvDateSerial(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  return Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) / 86_400_000 + 25_569;
}

/** A cached serial and LibreOffice's date text for it agree to the second (or the minute, when the text shows minutes). */
export function sameMoment(serial: number, text: string): boolean {
  const shown = csvDateSerial(text);
  if (shown === undefined) return false;
  const step = /\d{2}:\d{2}:\d{2}$/.test(text.trim()) ? 1 : /\d{2}:\d{2}$/.test(text.trim()) ? 60 : 86_400;
  return Math.abs(shown - serial) * 86_400 < step;
}

/** Equal within 1e-9 relative (and 1e-12 absolute near zero); other values exactly. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= Math.max(1e-12, 1e-9 * Math.max(Math.abs(a), Math.abs(b)));
  }
  return a === b;
}
