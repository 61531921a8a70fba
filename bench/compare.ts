/**
 * Before/after throughput in one run: the same KPI cases as `npm run bench` (bench/throughput.ts),
 * through two builds side by side — a baseline dist (an untouched build of the code before a
 * change) and the current one — interleaved round by round, so a busy neighbour slows both alike.
 *
 *   npx tsx bench/compare.ts --baseline /path/to/old/dist [--dist DIR] [--sizes 1048576] [--host excel,sheets]
 *
 * Without --dist it measures a private copy of this tree's dist/ (run `npm run build` first).
 * Prints per KPI and host: baseline ms, current ms and current ÷ baseline (the median of the
 * per-round ratios). A script, never a test: timings depend on the machine.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { excelInputs, rawColumns, SHEETS_TIME_ZONE, sheetsInputs } from './data.js';
import { snapshotDist } from './ensure.js';
import { excelBundlePath, hostCall, loadExcel, loadSheets, sheetsScripts } from './hosts.js';
import type { LoadedHost } from './hosts.js';
import { collectGarbage, measureSideBySide, pairedRatio } from './measure.js';
import { ms, ratio, rowsLabel, table } from './report.js';
import { CASES, kpiName, RUNS } from './throughput.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const baseline = argValue('--baseline');
if (!baseline) {
  process.stderr.write('usage: tsx bench/compare.ts --baseline DIST [--dist DIST] [--sizes 1048576] [--host excel,sheets]\n');
  process.exit(1);
}
const current = argValue('--dist') ?? snapshotDist(ROOT);
const sizes = (argValue('--sizes') ?? '1048576').split(',').map(Number);
const hosts = (argValue('--host') ?? 'excel,sheets').split(',') as ('excel' | 'sheets')[];
const log = (line: string): void => void process.stderr.write(`${line}\n`);

log(`compare: node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
log(`baseline ${baseline}\ncurrent  ${current}`);

function load(host: 'excel' | 'sheets', dist: string): LoadedHost | undefined {
  if (host === 'excel') {
    const file = excelBundlePath(dist);
    return existsSync(file) ? loadExcel(readFileSync(file, 'utf8')) : undefined;
  }
  const scripts = sheetsScripts(dist);
  return scripts.length > 0 ? loadSheets(scripts, SHEETS_TIME_ZONE) : undefined;
}

function padded(args: readonly unknown[], arity: number): unknown[] {
  const out = [...args];
  while (out.length < arity) out.push(null);
  return out;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

const body: string[][] = [];
for (const rows of sizes) {
  const raw = rawColumns(rows);
  for (const host of hosts) {
    const before = load(host, baseline), after = load(host, current);
    if (!before || !after) {
      log(`${host}: a bundle is missing, skipped`);
      continue;
    }
    // Sheets inputs are made in each bundle's own realm, as Apps Script would hand them over.
    const xb = host === 'excel' ? excelInputs(raw) : sheetsInputs(raw, before.context);
    const xa = host === 'excel' ? xb : sheetsInputs(raw, after.context);
    for (const c of CASES) {
      const argsOf = (x: typeof xb) => (host === 'excel' ? padded(c.args(x), c.excelArity) : c.args(x));
      const t = measureSideBySide([
        { name: 'baseline', run: hostCall(host, before, kpiName(c.kpi), argsOf(xb), c.repeatingFrom), maxRuns: RUNS, budgetMs: 3000 },
        { name: 'current', run: hostCall(host, after, kpiName(c.kpi), argsOf(xa), c.repeatingFrom), maxRuns: RUNS, budgetMs: 3000 },
      ]);
      const b = t.get('baseline')!, a = t.get('current')!;
      log(`  ${host} ${rows} ${c.kpi}: baseline ${b.ms.toFixed(1)} ms, current ${a.ms.toFixed(1)} ms`);
      body.push([c.kpi, host, rowsLabel(rows), ms(b.ms), ms(a.ms), ratio(pairedRatio(a, b), 2), same(a.value, b.value) ? 'yes' : 'NO']);
    }
    collectGarbage();
  }
}

process.stdout.write('Throughput before/after (median of up to ' + RUNS + ' interleaved runs; current ÷ baseline is the median of the per-round ratios)\n' +
  table(['KPI', 'host', 'rows', 'baseline', 'current', 'current ÷ baseline', 'same result'], body, [false, false, true, true, true, true, false]) + '\n');
