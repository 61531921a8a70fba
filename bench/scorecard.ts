/**
 * Scorecard figures: how long the engine takes to build the plan (outline, detection, buildPlan)
 * for the sample workbook and for a generated 200,000-ticket workbook, and how many host calls one
 * "Generate scorecard" makes — Excel context.sync() calls and Sheets service calls — for 3 KPIs and
 * for every KPI the sample supports. The host calls are counted with the recording fakes the host
 * adapters' own tests use (test/helpers/excel-fake.ts, test/helpers/apps-script-fakes.ts); the
 * Sheets side runs the built dist/sheets-addon scripts.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSample, sheetsOf } from '../examples/generate.js';
import type { SampleData } from '../examples/generate.js';
import type { Check } from './report.js';
import { ms } from './report.js';
import { measureSideBySide } from './measure.js';
import { sheetsScripts } from './hosts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface ScorecardFigures {
  readonly lines: [string, string][];
  readonly notes: string[];
  readonly checks: Check[];
}

const HOST_SAMPLE = { survey: 240, tickets: 300, orders: 160 } as const;

/**
 * Most Excel syncs one generation of the small sample may take (the Excel adapter's contract):
 * names; used ranges, old scorecard, tables; the data in one chunk (under CHUNK_CELLS); the write.
 */
export const MAX_EXCEL_SYNCS = 4;

type Module = Record<string, unknown>;
async function load(rel: string): Promise<Module | undefined> {
  const file = path.join(ROOT, rel);
  if (!existsSync(file)) return undefined;
  return (await import(file)) as Module;
}

/** The sample as the engine's WorkbookData (header row first, Dates in UTC wall-clock convention). */
function workbookData(sample: SampleData): { sheets: { name: string; values: unknown[][]; originRow: number; originCol: number }[]; timeZone: string } {
  return {
    sheets: sheetsOf(sample).map((s) => ({ name: s.name, values: [s.columns.map((c) => c.header), ...s.rows], originRow: 1, originCol: 1 })),
    timeZone: 'UTC',
  };
}

export async function measureScorecard(log: (line: string) => void, dist = path.join(ROOT, 'dist')): Promise<ScorecardFigures> {
  const lines: [string, string][] = [];
  const notes: string[] = [];
  const checks: Check[] = [];
  const plan = await load('core/scorecard/plan.ts');
  const outline = await load('core/scorecard/outline.ts');
  const detect = await load('core/scorecard/detect.ts');
  const kpis = await load('core/scorecard/kpis.ts');
  const settings = await load('core/scorecard/settings.ts');
  if (!plan || !outline || !detect || !kpis || !settings) {
    notes.push('core/scorecard/plan.ts (or its parts) is missing: plan figures not measured');
    checks.push({ section: 'scorecard', figure: 'plan building', measured: '—', target: 'measured', met: null });
    return { lines, notes, checks };
  }
  type Fn = (...a: unknown[]) => unknown;
  const outlineWorkbook = outline.outlineWorkbook as Fn;
  const detectRoles = detect.detectRoles as Fn;
  const availableKpis = kpis.availableKpis as Fn;
  const defaultTargets = kpis.defaultTargets as Fn;
  const defaultOptions = settings.defaultOptions as Fn;
  const buildPlan = plan.buildPlan as Fn;

  const requestFor = (roles: unknown, enabled = Infinity) => {
    const { available } = availableKpis(roles) as { available: { id: string }[] };
    const defaults = defaultTargets(available) as Record<string, object>;
    const targets: Record<string, object> = {};
    available.forEach((k, i) => { targets[k.id] = { ...defaults[k.id], enabled: i < enabled }; });
    return { request: { roles, targets, options: defaultOptions('en') }, count: Math.min(enabled, available.length) };
  };

  // ---- plan building
  for (const [label, sizes] of [['sample (1,200 responses, 3,000 tickets, 2,000 orders)', {}], ['200,000 tickets', { tickets: 200_000 }]] as const) {
    const sample = generateSample(undefined, sizes);
    const data = workbookData(sample);
    let out: unknown, roles: unknown;
    const t = measureSideBySide([
      { name: 'outline', run: () => (out = outlineWorkbook(data)), maxRuns: 5, budgetMs: 4000 },
    ]);
    roles = detectRoles(out);
    const { request, count } = requestFor(roles);
    const tDetect = measureSideBySide([{ name: 'detect', run: () => detectRoles(out), maxRuns: 5, budgetMs: 2000 }]);
    const existing = data.sheets.map((s) => ({ name: s.name, ours: false }));
    const tPlan = measureSideBySide([
      { name: 'excel', run: () => buildPlan({ data, outline: out, request, dialect: 'excel', existing }), maxRuns: 5, budgetMs: 10_000 },
      { name: 'sheets', run: () => buildPlan({ data, outline: out, request, dialect: 'sheets', existing }), maxRuns: 5, budgetMs: 10_000 },
    ]);
    const pe = tPlan.get('excel')!, ps = tPlan.get('sheets')!;
    lines.push([`outline + role detection, ${label}`, `${ms(t.get('outline')!.ms)} + ${ms(tDetect.get('detect')!.ms)}`]);
    lines.push([`buildPlan (${count} KPIs), ${label}`, `Excel ${ms(pe.ms)}, Sheets ${ms(ps.ms)} (median of ${pe.runs})`]);
    log(`  plan ${label}: ${ms(pe.ms)}`);
  }

  // Host calls per number of KPIs: the fakes hold a small sample (the Sheets fake, like a new sheet,
  // has 1,000 rows), the same size the host adapters' own tests use. Rows matter only to Excel's
  // chunked reads (one sync per 100,000 cells): the "hosts" section counts those at scale.
  const small = generateSample(undefined, HOST_SAMPLE);
  notes.push(`Host calls counted on a sample of ${HOST_SAMPLE.survey} responses, ${HOST_SAMPLE.tickets} tickets and ${HOST_SAMPLE.orders} orders (Sheets: the count does not depend on rows; Excel: one more sync per 100,000 cells read, see "Hosts at scale").`);

  // ---- Excel: sync() calls per generation
  const excelFake = await load('test/helpers/excel-fake.ts');
  const excelBridge = await load('excel-addin/bridge.ts');
  if (excelFake && excelBridge) {
    const sample = small;
    const syncs = async (enabled: number): Promise<{ syncs: number; kpis: number }> => {
      const FakeWorkbook = excelFake.FakeWorkbook as new () => { addSheet(n: string): { set(r: number, c: number, v: unknown, f?: string): void }; excel: unknown; runs: { syncs: number }[] };
      const wb = new FakeWorkbook();
      for (const s of sheetsOf(sample)) {
        const sheet = wb.addSheet(s.name);
        s.columns.forEach((c, j) => sheet.set(0, j, c.header));
        s.rows.forEach((row, i) => row.forEach((v, j) => {
          const value = v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v;
          sheet.set(i + 1, j, value, value === null ? undefined : s.columns[j].numFmt);
        }));
      }
      const office = (excelFake.fakeOffice as Fn)();
      const bridge = (excelBridge.createExcelBridge as Fn)({ excel: wb.excel, office }, {}) as {
        readOutline(): Promise<unknown>; generate(r: unknown): Promise<{ kpis: number }>;
      };
      const roles = detectRoles(await bridge.readOutline());
      const { request } = requestFor(roles, enabled);
      const before = wb.runs.length;
      const result = await bridge.generate(request);
      const runs = wb.runs.slice(before);
      return { syncs: runs.reduce((s, r) => s + r.syncs, 0), kpis: result.kpis };
    };
    const few = await syncs(3);
    const all = await syncs(Infinity);
    lines.push([`Excel: context.sync() calls per generation`, `${few.syncs} for ${few.kpis} KPIs, ${all.syncs} for ${all.kpis} KPIs`]);
    checks.push({
      section: 'scorecard', figure: `Excel syncs per generation (${few.kpis} and ${all.kpis} KPIs)`, measured: `${few.syncs} and ${all.syncs}`,
      target: `equal, ≤ ${MAX_EXCEL_SYNCS}`, met: few.syncs === all.syncs && all.syncs <= MAX_EXCEL_SYNCS,
    });
    if (all.kpis < 30) notes.push(`The sample supports ${all.kpis} scorecard KPIs; "every KPI" stands in for the issue's 30.`);
  } else {
    checks.push({ section: 'scorecard', figure: 'Excel syncs per generation', measured: '—', target: `equal, ≤ ${MAX_EXCEL_SYNCS}`, met: null });
  }

  // ---- Sheets: service calls per generation
  const fakes = await load('test/helpers/apps-script-fakes.ts');
  const scripts = sheetsScripts(dist);
  if (fakes && scripts.length > 0) {
    const sample = small;
    const init = sheetsOf(sample).map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] }));
    const calls = (enabled: number): { calls: number; kpis: number; tally: Record<string, number> } => {
      const f = (fakes.createAppsScriptFakes as Fn)({ timeZone: 'UTC', sheets: init }) as {
        globals: Record<string, unknown>; log: { reset(): void; count: number; tally(): Record<string, number> };
      };
      const context = (fakes.loadScripts as Fn)(scripts, f.globals) as Record<string, Fn>;
      const outlineJson = context.skpiReadOutline() as string;
      const roles = detectRoles(JSON.parse(outlineJson));
      const { request } = requestFor(roles, enabled);
      f.log.reset();
      const result = JSON.parse(context.skpiGenerate(JSON.stringify(request)) as string) as { kpis: number };
      return { calls: f.log.count, kpis: result.kpis, tally: f.log.tally() };
    };
    const few = calls(3);
    const all = calls(Infinity);
    lines.push([`Sheets: service calls per generation`, `${few.calls} for ${few.kpis} KPIs, ${all.calls} for ${all.kpis} KPIs`]);
    checks.push({
      section: 'scorecard', figure: `Sheets service calls per generation (${few.kpis} and ${all.kpis} KPIs)`, measured: `${few.calls} and ${all.calls}`,
      target: 'equal (constant in KPIs)', met: few.calls === all.calls,
    });
  } else {
    checks.push({ section: 'scorecard', figure: 'Sheets service calls per generation', measured: '—', target: 'equal (constant in KPIs)', met: null });
  }
  return { lines, notes, checks };
}
