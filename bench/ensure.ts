/**
 * Host bundles the benchmark needs. `npm run build` builds the core; until it calls every host's
 * build, a bundle missing from dist/ is built here by running that host's own build script
 * standalone (each writes its part of dist/).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const STEPS = [
  { output: 'sidebar/sidebar.js', script: 'scripts/build-sidebar.mjs' },
  { output: 'excel-addin/functions.js', script: 'scripts/build-excel.mjs' },
  { output: 'sheets-addon/KPI.js', script: 'scripts/build-sheets.mjs' },
  { output: 'cli.js', script: 'scripts/build-cli.mjs' },
] as const;

export async function ensureBundles(root: string, log: (line: string) => void): Promise<void> {
  for (const step of STEPS) {
    if (existsSync(path.join(root, 'dist', step.output))) continue;
    if (!existsSync(path.join(root, step.script))) {
      log(`dist/${step.output} is missing and ${step.script} does not exist yet`);
      continue;
    }
    log(`dist/${step.output} is missing: running ${step.script}`);
    try {
      execFileSync(process.execPath, [step.script], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
    } catch {
      log(`${step.script} failed; its figures are reported as not measured`);
    }
  }
}

/**
 * A private copy of dist/, taken right after the build: other work in the same tree may rebuild
 * (and first delete) dist/ while the benchmark runs. The copy lives under node_modules/.cache so
 * that the CLI bundle still finds its dependencies (exceljs) from there.
 */
export function snapshotDist(root: string): string {
  const copy = path.join(root, 'node_modules', '.cache', 'service-kpi-bench', 'dist');
  rmSync(copy, { recursive: true, force: true });
  mkdirSync(path.dirname(copy), { recursive: true });
  cpSync(path.join(root, 'dist'), copy, { recursive: true });
  return copy;
}
