/**
 * Where a CLI run's time goes: `npx tsx bench/cli-phases.ts INPUT...` runs the scorecard command's
 * steps one after the other in this process (read, outline + detection, plan, write) and prints
 * each step's wall time, CPU time (all threads: zlib inflates and deflates on its own), the garbage
 * collector's share, and the heap and resident memory
 * after it. A profiling aid beside `npm run bench` (which times the whole command under GNU time);
 * add `--cpu-prof` to node (`node --import tsx --cpu-prof bench/cli-phases.ts …`) for a profile.
 */
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { detectRoles } from '../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../core/scorecard/kpis.js';
import { outlineWorkbook } from '../core/scorecard/outline.js';
import { buildPlan } from '../core/scorecard/plan.js';
import { defaultOptions } from '../core/scorecard/settings.js';
import { workbookData } from '../cli/input.js';
import { NO_PROGRESS } from '../cli/progress.js';
import { readInputs } from '../cli/run.js';
import { scorecardXlsx } from '../cli/write-xlsx.js';

const inputs = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const portable = !process.argv.includes('--addin-formulas');
if (inputs.length === 0) {
  process.stderr.write('usage: npx tsx bench/cli-phases.ts INPUT... [--addin-formulas]\n');
  process.exit(2);
}
const kind = /\.xlsx$/i.test(inputs[0]) ? 'xlsx' : 'csv';

/** Every collection's start and duration: the observer hears of them late, so each is counted by when it started. */
const gcs: { start: number; ms: number }[] = [];
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcs.push({ start: e.startTime, ms: e.duration });
}).observe({ entryTypes: ['gc'] });
const gcBetween = (from: number, to: number): number => gcs.reduce((n, g) => (g.start >= from && g.start < to ? n + g.ms : n), 0);

const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(0)} MB`;
const rows: string[][] = [];
let peakRss = 0;
async function step<T>(name: string, run: () => T | Promise<T>): Promise<T> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await run();
  const ms = performance.now() - t0;
  // Let the observer hear of this step's collections.
  await new Promise((r) => setTimeout(r, 20));
  const cpu = process.cpuUsage(cpu0);
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  rows.push([name, `${(ms / 1000).toFixed(2)} s`, `${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`, `${(gcBetween(t0, t0 + ms) / 1000).toFixed(2)} s`, mb(m.heapUsed), mb(m.rss)]);
  return out;
}

const t0 = performance.now();
const input = await step('read', () => readInputs({ inputs, kind, tz: 'UTC' }, NO_PROGRESS));
const data = workbookData(input);
const outline = await step('outline + detect', () => outlineWorkbook(data, input.sheetNames));
const roles = detectRoles(outline);
const { available } = availableKpis(roles);
const request = { roles, targets: defaultTargets(available), options: { ...defaultOptions('en'), portable } };
const plan = await step('plan', () => buildPlan({ data, outline, request, dialect: 'xlsx', existing: input.existing }));
const bytes = await step('write', () => scorecardXlsx(input, plan, new Date(0)));
const total = (performance.now() - t0) / 1000;

const widths = [18, 9, 9, 9, 10, 10];
const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
process.stdout.write(`${inputs.map((f) => path.basename(f)).join(', ')}: ${plan.summary.length} KPIs, ${(bytes.length / 1024 / 1024).toFixed(1)} MB written (${portable ? 'portable' : 'add-in formulas'})\n`);
process.stdout.write(`${line(['step', 'wall', 'CPU', 'GC', 'heap after', 'RSS after'])}\n`);
for (const r of rows) process.stdout.write(`${line(r)}\n`);
const cpuAll = process.cpuUsage();
process.stdout.write(`${line(['total', `${total.toFixed(2)} s`, `${((cpuAll.user + cpuAll.system) / 1e6).toFixed(2)} s`, `${(gcBetween(0, Infinity) / 1000).toFixed(2)} s`, '', `peak ${mb(peakRss)}`])}\n`);
