/**
 * What one "Generate scorecard" moves between the add-in and its host for the big workbook (200,000
 * tickets, 50,000 survey answers; test/helpers/scale-workbook.ts): Excel `context.sync()` calls and
 * bytes each way, against the recording fake that enforces Excel on the web's 5 MB / 5,000,000-cell
 * limits; Sheets service calls, cells and bytes, and the execution time they stand for at the
 * fakes' ASSUMED per-call and per-cell costs, against the 6-minute limit. The same fakes and the
 * same workbook as test/excel/scale.test.ts and test/sheets/scale.test.ts; here the figures are
 * printed for docs/performance.md.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Check } from './report.js';
import { sheetsScripts } from './hosts.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

type Module = Record<string, unknown>;
type Fn = (...a: unknown[]) => unknown;
async function load(rel: string): Promise<Module | undefined> {
  const file = path.join(ROOT, rel);
  if (!existsSync(file)) return undefined;
  return (await import(file)) as Module;
}

export interface HostScaleFigures {
  readonly lines: [string, string][];
  readonly checks: Check[];
}

interface RunRecord {
  syncs: number; valuesLoaded: number; requestBytes: number; responseBytes: number;
  largestRequest: number; largestResponse: number; failures: unknown[];
}

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const n = (x: number): string => x.toLocaleString('en');

export async function measureHostScale(log: (line: string) => void, dist: string): Promise<HostScaleFigures> {
  const lines: [string, string][] = [];
  const checks: Check[] = [];
  const scale = await load('test/helpers/scale-workbook.ts');
  const detect = await load('core/scorecard/detect.ts');
  const kpis = await load('core/scorecard/kpis.ts');
  const settings = await load('core/scorecard/settings.ts');
  if (!scale || !detect || !kpis || !settings) {
    checks.push({ section: 'hosts at scale', figure: 'generation through the bridges', measured: '—', target: 'within the limits', met: null });
    return { lines, checks };
  }
  const requestFor = (outline: unknown): unknown => {
    const roles = (detect.detectRoles as Fn)(outline);
    const { available } = (kpis.availableKpis as Fn)(roles) as { available: unknown[] };
    return { roles, targets: (kpis.defaultTargets as Fn)(available), options: (settings.defaultOptions as Fn)('en') };
  };
  log('hosts at scale: 200,000 tickets and 50,000 survey answers through each bridge');

  // ---- Excel
  const excelFake = await load('test/helpers/excel-fake.ts');
  const bridge = await load('excel-addin/bridge.ts');
  if (excelFake && bridge) {
    const wb = (scale.excelScaleWorkbook as Fn)() as { excel: unknown; runs: RunRecord[] };
    const b = (bridge.createExcelBridge as Fn)({ excel: wb.excel, office: (excelFake.fakeOffice as Fn)() }) as {
      readOutline(): Promise<unknown>; generate(r: unknown): Promise<{ kpis: number }>;
    };
    const outline = await b.readOutline();
    const o = wb.runs[wb.runs.length - 1];
    const result = await b.generate(requestFor(outline));
    const g = wb.runs[wb.runs.length - 1];
    const limit = (excelFake.LIMITS as { payloadBytes: number }).payloadBytes;
    for (const [what, r] of [['readOutline', o], [`generate (${result.kpis} KPIs)`, g]] as const) {
      lines.push([`Excel ${what}`, `${r.syncs} syncs, ${n(r.valuesLoaded)} cells read, ${mb(r.responseBytes)} received (largest ${mb(r.largestResponse)}), ${mb(r.requestBytes)} sent (largest ${mb(r.largestRequest)})`]);
    }
    checks.push({
      section: 'hosts at scale', figure: 'Excel: every request and response of a generation (200k + 50k rows)',
      measured: `largest ${mb(Math.max(g.largestRequest, g.largestResponse, o.largestRequest, o.largestResponse))}, ${g.failures.length + o.failures.length} refused`,
      target: `< ${mb(limit)}, none refused`,
      met: Math.max(g.largestRequest, g.largestResponse, o.largestRequest, o.largestResponse) < limit && g.failures.length + o.failures.length === 0,
    });
  } else checks.push({ section: 'hosts at scale', figure: 'Excel generation', measured: '—', target: 'within 5 MB', met: null });

  // ---- Sheets
  const fakes = await load('test/helpers/apps-script-fakes.ts');
  const scripts = sheetsScripts(dist);
  if (fakes && scripts.length > 0) {
    const f = (fakes.createAppsScriptFakes as Fn)({ timeZone: 'Europe/Berlin', sheets: (scale.sheetsScaleInit as Fn)() }) as {
      globals: Record<string, unknown>;
      log: { reset(): void; count: number; cells: number; bytes: number; elapsedMs: number };
    };
    const context = (fakes.loadScripts as Fn)(scripts, f.globals) as Record<string, Fn>;
    const assumed = fakes.ASSUMED_COST as { perCallMs: number; perCellMs: number };
    const limitMs = (fakes.LIMITS as { executionMs: number }).executionMs;
    const line = (what: string): string => {
      const l = f.log;
      return `${what}: ${l.count} service calls, ${n(l.cells)} cells, ${mb(l.bytes)} moved, ${(l.elapsedMs / 1000).toFixed(1)} s at the assumed costs`;
    };
    f.log.reset();
    const outline = JSON.parse(context.skpiReadOutline() as string);
    lines.push(['Sheets skpiReadOutline', line('one execution').replace('one execution: ', '')]);
    f.log.reset();
    const result = JSON.parse(context.skpiGenerate(JSON.stringify(requestFor(outline))) as string) as { kpis: number };
    lines.push([`Sheets skpiGenerate (${result.kpis} KPIs)`, line('one execution').replace('one execution: ', '')]);
    lines.push(['Sheets: assumed costs', `${assumed.perCallMs} ms per service call, ${assumed.perCellMs * 1000} µs per cell (test/helpers/apps-script-fakes.ts)`]);
    checks.push({
      section: 'hosts at scale', figure: 'Sheets: one generation (200k + 50k rows), counted time', measured: `${(f.log.elapsedMs / 1000).toFixed(1)} s`,
      target: `< ${limitMs / 60_000} min`, met: f.log.elapsedMs < limitMs,
    });
  } else checks.push({ section: 'hosts at scale', figure: 'Sheets generation', measured: '—', target: '< 6 min', met: null });
  return { lines, checks };
}
