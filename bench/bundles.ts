/**
 * Bundle sizes and cold start. Sizes are what the hosts download (minified bytes, and gzip for
 * reference); budgets from the architecture: each custom-function bundle ≤ 150 KB, the sidebar
 * ≤ 250 KB. Cold start: a fresh vm context, the bundle compiled and run, and the first NPS call.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { excelBundlePath, loadExcel, loadSheets, sheetsScripts } from './hosts.js';
import { BUNDLES } from './budgets.js';
import type { BundleBudget } from './budgets.js';
import { median } from './measure.js';

export interface BundleSize extends BundleBudget {
  readonly bytes: number | null;
  readonly gzip: number | null;
}

export function bundleSizes(dist: string): BundleSize[] {
  return BUNDLES.map((b) => {
    const file = path.join(dist, b.file);
    if (!existsSync(file)) return { ...b, bytes: null, gzip: null };
    return { ...b, bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
  });
}

export interface ColdStart {
  readonly host: 'excel' | 'sheets';
  /** Median over fresh contexts: compile + run the bundle. */
  readonly loadMs: number;
  /** Median: the first NPS call in that context (100 scores). */
  readonly firstCallMs: number;
  readonly runs: number;
}

const SCORES = Array.from({ length: 100 }, (_, i) => [i % 11]);

/** Cold start of each host's bundle in `runs` fresh contexts. */
export function coldStarts(dist: string, timeZone: string, runs = 7): ColdStart[] {
  const out: ColdStart[] = [];
  const excelFile = excelBundlePath(dist);
  if (existsSync(excelFile)) {
    const code = readFileSync(excelFile, 'utf8');
    const load: number[] = [], first: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      const host = loadExcel(code);
      const t1 = performance.now();
      host.fn('NPS')(SCORES);
      const t2 = performance.now();
      load.push(t1 - t0);
      first.push(t2 - t1);
    }
    out.push({ host: 'excel', loadMs: median(load), firstCallMs: median(first), runs });
  }
  const scripts = sheetsScripts(dist);
  if (scripts.length > 0) {
    const load: number[] = [], first: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t0 = performance.now();
      const host = loadSheets(scripts, timeZone);
      const t1 = performance.now();
      host.fn('NPS')(SCORES);
      const t2 = performance.now();
      load.push(t1 - t0);
      first.push(t2 - t1);
    }
    out.push({ host: 'sheets', loadMs: median(load), firstCallMs: median(first), runs });
  }
  return out;
}
