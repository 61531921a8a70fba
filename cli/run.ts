/**
 * `service-kpi scorecard`: read the inputs, find the columns (the engine's outline and detection,
 * or a --roles file), build the plan with the core (dialect 'xlsx', portable unless
 * --addin-formulas), write the workbook and the HTML report atomically, then print the summary.
 */
import { stat } from 'node:fs/promises';
import { printableJson, printableLines, quote, quoteList } from '../core/safe-text.js';
import path from 'node:path';
import type { DateOrder } from '../core/scorecard/date-order.js';
import { detectWorkbook } from '../core/scorecard/detect.js';
import type { Detection } from '../core/scorecard/detect.js';
import { detectionReport, missingByFamily } from '../core/scorecard/detection-report.js';
import type { DetectionReport } from '../core/scorecard/detection-report.js';
import { availableKpis, defaultTargets } from '../core/scorecard/kpis.js';
import type { RoleGroup } from '../core/scorecard/roles.js';
import { outlineWorkbook } from '../core/scorecard/outline.js';
import { buildPlan } from '../core/scorecard/plan.js';
import { defaultOptions, parseSettings } from '../core/scorecard/settings.js';
import type { KpiSummary, RoleAssignment, ScorecardOptions, ScorecardPlan, StoredSettings, WorkbookData, WorkbookOutline } from '../core/scorecard/types.js';
import { wallClock } from '../core/values/clock.js';
import type { ScorecardArgs } from './args.js';
import { OutputError, writeAllAtomically } from './atomic.js';
import { describeFsError, inputError, noteLine } from './errors.js';
import { renderHtmlReport } from './html-report.js';
import type { InputSheet, InputWorkbook } from './input.js';
import { workbookData } from './input.js';
import { checkOutputPaths } from './paths.js';
import type { Progress, ProgressStream } from './progress.js';
import { LARGE_INPUT_BYTES, createProgress } from './progress.js';
import { readCsvFile } from './read-csv.js';
import type { ColumnOrderRead } from './read-csv.js';
import { readXlsxFile } from './read-xlsx.js';
import { applyRoles, readRolesFile } from './roles-file.js';
import type { RolesFile } from './roles-file.js';
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
  readonly found: Found;
}

/** Reads the inputs: one workbook, or CSV files as sheets named after the files. */
export async function readInputs(args: Pick<ScorecardArgs, 'inputs' | 'kind' | 'tz'> & { readonly language?: 'en' | 'de'; readonly dateOrder?: DateOrder }, progress: Progress): Promise<InputWorkbook> {
  if (args.kind === 'xlsx') {
    progress.step(`reading ${path.basename(args.inputs[0])}`, 0.05);
    return readXlsxFile(args.inputs[0]);
  }
  const clock = wallClock(args.tz);
  const reading = { language: args.language ?? 'en', ...(args.dateOrder ? { dateOrder: args.dateOrder } : {}) };
  const taken = new Set<string>();
  const sheets: InputSheet[] = [];
  const notes: string[] = [];
  const dateOrders: ColumnOrderRead[] = [];
  for (let i = 0; i < args.inputs.length; i++) {
    const file = args.inputs[i];
    progress.step(`reading ${path.basename(file)}`, 0.05 + (0.35 * i) / args.inputs.length);
    const name = sheetNameOfFile(file, taken);
    taken.add(name.toLocaleLowerCase('en'));
    const r = await readCsvFile(file, name, clock, reading);
    sheets.push(r.sheet);
    notes.push(...r.notes);
    dateOrders.push(...r.dateOrders);
  }
  const names = sheets.map((s) => s.data.name);
  return { sheets, sheetNames: names, existing: names.map((name) => ({ name, ours: false })), notes, files: [...args.inputs], dateOrders };
}

function headersSeen(outline: WorkbookOutline, input: InputWorkbook): string {
  if (outline.sheets.length === 0) return quoteList(input.sheets.map((s) => s.data.name));
  const parts = outline.sheets.slice(0, 12).map((s) => `${quote(s.name)}: ${quoteList(s.headers.filter((h) => h !== ''))}`);
  return parts.join('; ') + (outline.sheets.length > 12 ? `; … (${outline.sheets.length - 12} more sheets)` : '');
}

/** What was read and found, before any KPI is computed (`service-kpi detect` stops here). */
export interface Found {
  readonly input: InputWorkbook;
  readonly data: WorkbookData;
  readonly outline: WorkbookOutline;
  readonly detection: Detection;
  /** The roles in use: detection's, with the --roles file applied. */
  readonly roles: readonly RoleAssignment[];
  /** What the --roles file changed that the user should know (KPIs it makes impossible). */
  readonly roleNotes: readonly string[];
  /** The --roles file as read (its status lists too). */
  readonly rolesFile?: RolesFile;
}

/**
 * Reads the inputs and finds the columns (detection, or the --roles file's), with a clear error when
 * nothing is there — unless `explain` (`service-kpi detect`, whose job is to say what was found, and
 * why nothing was).
 */
export async function findColumns(
  args: Pick<ScorecardArgs, 'inputs' | 'kind' | 'tz' | 'roles' | 'language' | 'dateOrder'>, progress: Progress, seen?: { notes: readonly string[] }, explain = false,
): Promise<Found> {
  const input = await readInputs(args, progress);
  if (seen) seen.notes = input.notes;
  progress.step('finding columns', 0.45);
  const data = workbookData(input);
  const outline = outlineWorkbook(data, input.sheetNames);
  const source = input.files.map((f) => path.basename(f)).join(', ');
  if (outline.sheets.length === 0) {
    throw inputError(`no data table in ${source}: no sheet has a header row with at least two column names (sheets: ${headersSeen(outline, input)})`);
  }
  const detection = detectWorkbook(outline);
  let roles: RoleAssignment[] = [...detection.roles];
  let roleNotes: string[] = [];
  const rolesFile = args.roles ? await readRolesFile(args.roles) : undefined;
  if (rolesFile && args.roles) {
    const applied = applyRoles(roles, rolesFile, outline, args.roles);
    roles = applied.roles;
    roleNotes = applied.notes;
  }
  if (roles.length === 0 && !explain) {
    throw inputError(`no recognisable columns in ${source}; headers seen: ${headersSeen(outline, input)}. See what was found with: service-kpi detect ${args.inputs.join(' ')}; rename the columns (see docs/cli.md) or map them with --roles FILE.json`);
  }
  return { input, data, outline, detection, roles, roleNotes, ...(rolesFile ? { rolesFile } : {}) };
}

export function scorecardOptions(args: Pick<ScorecardArgs, 'language' | 'period' | 'addinFormulas' | 'slaHours' | 'serviceLevelSeconds' | 'dateOrder' | 'asOf' | 'minAnswers' | 'minTickets' | 'pauseStatuses' | 'resolvedStatuses'>): ScorecardOptions {
  const base = defaultOptions(args.language);
  return {
    ...base,
    period: args.period,
    portable: !args.addinFormulas,
    ...(args.slaHours !== undefined ? { slaHours: args.slaHours } : {}),
    ...(args.serviceLevelSeconds !== undefined ? { serviceLevelSeconds: args.serviceLevelSeconds } : {}),
    ...(args.dateOrder !== undefined ? { dateOrder: args.dateOrder } : {}),
    ...(args.asOf !== undefined ? { reportingDate: args.asOf } : {}),
    ...(args.minAnswers !== undefined ? { minAnswers: args.minAnswers } : {}),
    ...(args.minTickets !== undefined ? { minTickets: args.minTickets } : {}),
    ...(args.pauseStatuses !== undefined ? { pauseStatuses: args.pauseStatuses } : {}),
    ...(args.resolvedStatuses !== undefined ? { resolvedStatuses: args.resolvedStatuses } : {}),
  };
}

/** "no KPI can be computed": what was found, and per family of KPIs the column(s) the closest one still needs. */
export function noKpiMessage(roles: readonly RoleAssignment[]): string {
  const found = roles.map((r) => `${r.role} (column ${quote(r.header)} of ${quote(r.sheet)})`).join(', ');
  const { missing } = availableKpis(roles);
  const families = missingByFamily(missing.map((m) => ({ id: m.info.id, name: m.info.name.en, needs: m.missing })));
  const needs = families.map((f) => `${FAMILY_NAMES[f.family]}: ${f.kpi} needs ${f.needs.join(' and ')}`).join('; ');
  return `no KPI can be computed from the columns found: ${found}. What each kind of KPI still needs — ${needs}`;
}

const FAMILY_NAMES: Readonly<Record<RoleGroup, string>> = {
  surveys: 'surveys', tickets: 'tickets', logs: 'status and message logs', calls: 'calls', orders: 'orders', monthly: 'monthly figures', lists: 'customer/staff lists', competitors: 'competitors',
};

/** Everything up to the plan (no files written): used by the command and by tests. */
export async function planFor(args: ScorecardArgs, progress: Progress, seen?: { notes: readonly string[] }): Promise<RunResult> {
  const found = await findColumns(args, progress, seen);
  const { input, data, outline, roles } = found;
  if (seen) seen.notes = [...input.notes, ...found.roleNotes];

  const { available } = availableKpis(roles);
  if (available.length === 0) throw inputError(noKpiMessage(roles));
  const overrides = args.targets ? await readTargetsFile(args.targets) : {};
  const targets = applyTargets(defaultTargets(available), overrides);
  // The command line's status lists win over the roles file's.
  const options = scorecardOptions({
    ...args,
    pauseStatuses: args.pauseStatuses ?? found.rolesFile?.pauseStatuses,
    resolvedStatuses: args.resolvedStatuses ?? found.rolesFile?.resolvedStatuses,
  });
  const settings: StoredSettings = { version: 1, roles: [...roles], targets, options };
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
  return { plan, input, roles, found };
}

/** The detection report of what was found, as --json, the HTML appendix and `detect` show it. */
export function reportOf(found: Found, args: Pick<ScorecardArgs, 'language' | 'dateOrder'>): DetectionReport {
  return detectionReport({
    outline: found.outline, detection: found.detection, roles: found.roles, data: found.data,
    read: found.input.dateOrders, language: args.language, ...(args.dateOrder ? { dateOrder: args.dateOrder } : {}),
  });
}

/** The summary as --json prints it: one object per KPI, blanks as null. */
export function summaryJson(summary: readonly KpiSummary[]): unknown[] {
  const blank = (v: number | string | ''): number | string | null => (v === '' ? null : v);
  return summary.map((s) => ({
    kpi: s.kpi,
    id: s.id,
    name: s.name,
    perspective: s.perspective,
    section: s.section ?? null,
    value: blank(s.value),
    previous: blank(s.previous),
    baseline: blank(s.baseline),
    target: s.target,
    direction: s.direction,
    status: s.status === '' ? null : s.status,
    ...(s.status === 'too-few' ? { statusText: `too few (${s.tooFew})` } : s.status === 'to-date' ? { statusText: 'to date, incomplete' } : {}),
    unit: s.unit,
    n: s.n ?? null,
    ciLow: s.ciLow ?? null,
    ciHigh: s.ciHigh ?? null,
    period: s.period || null,
    trend: s.trend.map(blank),
    trendLabels: s.trendLabels,
    definition: s.definition,
    ...(s.table ? { table: s.table.rows } : {}),
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
  const seen: { notes: readonly string[] } = { notes: [] };
  try {
    result = await planFor(args, progress, seen);
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
          detected: reportOf(result.found, args),
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
  } catch (e) {
    // What was read and found is still worth knowing when the run fails (dates read, roles dropped).
    progress.done();
    if (!args.quiet) for (const note of seen.notes) io.stderr.write(noteLine(note));
    throw e;
  } finally {
    progress.done();
  }

  const { plan, input } = result;
  if (!args.quiet) {
    for (const note of [...input.notes, ...result.found.roleNotes, ...plan.notes, ...writeNotes]) io.stderr.write(noteLine(note));
  }
  if (args.json) {
    const json = JSON.stringify({ kpis: summaryJson(plan.summary), notes: [...input.notes, ...result.found.roleNotes, ...plan.notes, ...writeNotes], detected: reportOf(result.found, args) }, null, 2);
    io.stdout.write(`${printableJson(json)}\n`);
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
