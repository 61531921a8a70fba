/**
 * `service-kpi scorecard`: read the inputs, find the columns (the engine's outline and detection,
 * or a --roles file), build the plan with the core (dialect 'xlsx', portable unless
 * --addin-formulas), write the workbook and the HTML report atomically, then print the summary.
 */
import { stat } from 'node:fs/promises';
import { printableJson, printableLines, quote, quoteList } from '../core/safe-text.js';
import path from 'node:path';
import { detectRoles } from '../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../core/scorecard/kpis.js';
import { outlineWorkbook } from '../core/scorecard/outline.js';
import { buildPlan } from '../core/scorecard/plan.js';
import { defaultOptions, parseSettings } from '../core/scorecard/settings.js';
import type { KpiSummary, RoleAssignment, ScorecardOptions, ScorecardPlan, StoredSettings, WorkbookOutline } from '../core/scorecard/types.js';
import { wallClock } from '../core/values/clock.js';
import type { ScorecardArgs } from './args.js';
import { OutputError, writeAllAtomically } from './atomic.js';
import { describeFsError, inputError, oneLine } from './errors.js';
import { renderHtmlReport } from './html-report.js';
import type { InputSheet, InputWorkbook } from './input.js';
import { workbookData } from './input.js';
import { checkOutputPaths } from './paths.js';
import type { Progress, ProgressStream } from './progress.js';
import { LARGE_INPUT_BYTES, createProgress } from './progress.js';
import { readCsvFile } from './read-csv.js';
import { readXlsxFile } from './read-xlsx.js';
import { applyRoles, readRolesFile } from './roles-file.js';
import { sheetNameOfFile } from './sheet-names.js';
import { applyTargets, readTargetsFile } from './targets-file.js';
import { renderTable } from './terminal-table.js';
import { scorecardXlsx } from './write-xlsx.js';

export interface OutputStream extends ProgressStream {
  write(text: string): boolean;
}

export interface Io {
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

export interface RunResult {
  readonly plan: ScorecardPlan;
  readonly input: InputWorkbook;
  readonly roles: readonly RoleAssignment[];
}

/** Reads the inputs: one workbook, or CSV files as sheets named after the files. */
export async function readInputs(args: Pick<ScorecardArgs, 'inputs' | 'kind' | 'tz'>, progress: Progress): Promise<InputWorkbook> {
  if (args.kind === 'xlsx') {
    progress.step(`reading ${path.basename(args.inputs[0])}`, 0.05);
    return readXlsxFile(args.inputs[0]);
  }
  const clock = wallClock(args.tz);
  const taken = new Set<string>();
  const sheets: InputSheet[] = [];
  const notes: string[] = [];
  for (let i = 0; i < args.inputs.length; i++) {
    const file = args.inputs[i];
    progress.step(`reading ${path.basename(file)}`, 0.05 + (0.35 * i) / args.inputs.length);
    const name = sheetNameOfFile(file, taken);
    taken.add(name.toLocaleLowerCase('en'));
    const r = await readCsvFile(file, name, clock);
    sheets.push(r.sheet);
    notes.push(...r.notes);
  }
  const names = sheets.map((s) => s.data.name);
  return { sheets, sheetNames: names, existing: names.map((name) => ({ name, ours: false })), notes, files: [...args.inputs] };
}

function headersSeen(outline: WorkbookOutline, input: InputWorkbook): string {
  if (outline.sheets.length === 0) return quoteList(input.sheets.map((s) => s.data.name));
  const parts = outline.sheets.slice(0, 12).map((s) => `${quote(s.name)}: ${quoteList(s.headers.filter((h) => h !== ''))}`);
  return parts.join('; ') + (outline.sheets.length > 12 ? `; … (${outline.sheets.length - 12} more sheets)` : '');
}

/** The roles to use: detection (or the --roles file's), with a clear error when nothing fits. */
async function rolesFor(args: ScorecardArgs, outline: WorkbookOutline, input: InputWorkbook): Promise<RoleAssignment[]> {
  const source = input.files.map((f) => path.basename(f)).join(', ');
  if (outline.sheets.length === 0) {
    throw inputError(`no data table in ${source}: no sheet has a header row with at least two column names (sheets: ${headersSeen(outline, input)})`);
  }
  let roles = detectRoles(outline);
  if (args.roles) roles = applyRoles(roles, await readRolesFile(args.roles), outline, args.roles);
  if (roles.length === 0) {
    throw inputError(`no recognisable columns in ${source}; headers seen: ${headersSeen(outline, input)}. Rename the columns (see docs/cli.md) or map them with --roles FILE.json`);
  }
  return roles;
}

export function scorecardOptions(args: Pick<ScorecardArgs, 'language' | 'period' | 'addinFormulas' | 'slaHours'>): ScorecardOptions {
  const base = defaultOptions(args.language);
  return {
    ...base,
    period: args.period,
    portable: !args.addinFormulas,
    ...(args.slaHours !== undefined ? { slaHours: args.slaHours } : {}),
  };
}

/** Everything up to the plan (no files written): used by the command and by tests. */
export async function planFor(args: ScorecardArgs, progress: Progress): Promise<RunResult> {
  const input = await readInputs(args, progress);
  progress.step('finding columns', 0.45);
  const data = workbookData(input);
  const outline = outlineWorkbook(data, input.sheetNames);
  const roles = await rolesFor(args, outline, input);

  const { available, missing } = availableKpis(roles);
  if (available.length === 0) {
    const found = roles.map((r) => `${r.role} (column ${quote(r.header)} of ${quote(r.sheet)})`).join(', ');
    const example = missing.find((m) => m.info.id === 'nps') ?? missing[0];
    const needs = example ? `; e.g. ${example.info.name.en} also needs ${example.missing.join(', ')}` : '';
    throw inputError(`no KPI can be computed from the columns found: ${found}${needs}`);
  }
  const overrides = args.targets ? await readTargetsFile(args.targets) : {};
  const targets = applyTargets(defaultTargets(available), overrides);
  const options = scorecardOptions(args);
  const settings: StoredSettings = { version: 1, roles, targets, options };
  const checked = parseSettings(settings);
  if (!checked.ok) {
    const [field, message] = Object.entries(checked.errors)[0] ?? ['settings', 'invalid'];
    throw inputError(`${field}: ${message}`);
  }

  progress.step('computing KPIs', 0.55);
  const plan = buildPlan({
    data,
    outline,
    request: { roles, targets, options },
    dialect: 'xlsx',
    existing: input.existing,
  });
  return { plan, input, roles };
}

/** The summary as --json prints it: one object per KPI, blanks as null. */
export function summaryJson(summary: readonly KpiSummary[]): unknown[] {
  const blank = (v: number | string | ''): number | string | null => (v === '' ? null : v);
  return summary.map((s) => ({
    kpi: s.kpi,
    id: s.id,
    name: s.name,
    perspective: s.perspective,
    value: blank(s.value),
    previous: blank(s.previous),
    baseline: blank(s.baseline),
    target: s.target,
    direction: s.direction,
    status: s.status === '' ? null : s.status,
    unit: s.unit,
    n: s.n ?? null,
    ciLow: s.ciLow ?? null,
    ciHigh: s.ciHigh ?? null,
    period: s.trendLabels.length > 0 ? s.trendLabels[s.trendLabels.length - 1] || null : null,
    trend: s.trend.map(blank),
    trendLabels: s.trendLabels,
    definition: s.definition,
  }));
}

async function totalBytes(files: readonly string[]): Promise<number> {
  let total = 0;
  for (const f of files) {
    try {
      total += (await stat(f)).size;
    } catch {
      // reported by the reader
    }
  }
  return total;
}

export async function runScorecard(args: ScorecardArgs, io: Io): Promise<RunResult> {
  const outputs = [{ flag: '--out', file: args.out }, ...(args.html ? [{ flag: '--html', file: args.html }] : [])];
  const allInputs = [...args.inputs, ...(args.targets ? [args.targets] : []), ...(args.roles ? [args.roles] : [])];
  await checkOutputPaths(allInputs, outputs);

  const large = (await totalBytes(args.inputs)) >= LARGE_INPUT_BYTES;
  const progress = createProgress(io.stderr, large);
  let result: RunResult;
  const writeNotes: string[] = [];
  try {
    result = await planFor(args, progress);
    const { plan, input } = result;
    progress.step('writing the workbook', 0.7);
    const now = io.now();
    const bytes = await scorecardXlsx(input, plan, now, (f) => progress.step('writing the workbook', 0.7 + 0.25 * f), writeNotes);
    const files: { target: string; data: Uint8Array | string }[] = [{ target: args.out, data: bytes }];
    if (args.html) {
      files.push({
        target: args.html,
        data: renderHtmlReport(plan, {
          sources: input.files.map((f) => path.basename(f)),
          period: args.period,
          generatedAt: now,
          language: args.language,
          timeZone: args.tz,
        }),
      });
    }
    progress.step('saving', 0.95);
    try {
      await writeAllAtomically(files);
    } catch (e) {
      if (e instanceof OutputError) throw inputError(`cannot write the output: ${describeFsError(e.cause, e.target)}`);
      throw e;
    }
  } finally {
    progress.done();
  }

  const { plan, input } = result;
  if (!args.quiet) {
    for (const note of [...input.notes, ...plan.notes, ...writeNotes]) io.stderr.write(printableLines(`note: ${oneLine(note)}\n`));
  }
  if (args.json) {
    io.stdout.write(`${printableJson(JSON.stringify(summaryJson(plan.summary), null, 2))}\n`);
  } else {
    const color = io.stdout.isTTY === true && io.env.NO_COLOR === undefined;
    io.stdout.write(renderTable(plan.summary, { color, width: io.stdout.isTTY ? io.stdout.columns : undefined, language: args.language }));
  }
  if (!args.quiet) {
    const kpis = plan.summary.length;
    io.stderr.write(printableLines(`wrote ${args.out}${args.html ? ` and ${args.html}` : ''}: ${kpis} KPI${kpis === 1 ? '' : 's'} on the sheet ${quote(plan.sheetName)}\n`));
  }
  return result;
}
