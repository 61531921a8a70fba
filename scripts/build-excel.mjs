// Builds the Excel add-in into dist/excel-addin/ (see scripts/excel-build.ts for what it writes).
// Usage: node scripts/build-excel.mjs [--base-url https://kpi.example.com/addin]
//        (or SERVICE_KPI_BASE_URL=…; default https://localhost:3000)
//   or   import { buildExcel } from './build-excel.mjs'; await buildExcel({ baseUrl });
// The build logic is TypeScript (it reads the catalog); esbuild bundles it into a temporary module
// first, leaving packages (esbuild, custom-functions-metadata, typescript) to node_modules.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The base URL from `--base-url URL` / `--base-url=URL`, else SERVICE_KPI_BASE_URL, else undefined. */
export function baseUrlFrom(argv = process.argv.slice(2), env = process.env) {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--base-url') {
      if (!argv[i + 1]) throw new Error('--base-url needs a URL, e.g. --base-url https://kpi.example.com/addin');
      return argv[i + 1];
    }
    if (a.startsWith('--base-url=')) return a.slice('--base-url='.length);
  }
  return env.SERVICE_KPI_BASE_URL || undefined;
}

/**
 * @param {{ baseUrl?: string, outDir?: string, minify?: boolean }} [options]
 * @returns {Promise<import('./excel-build.ts').ExcelBuildReport>}
 */
export async function buildExcel({ baseUrl = baseUrlFrom([]), outDir, minify } = {}) {
  // Inside node_modules so that the bundle resolves its packages from the repository.
  const cache = path.join(ROOT, 'node_modules', '.cache', 'service-kpi');
  mkdirSync(cache, { recursive: true });
  const file = path.join(cache, `excel-build-${process.pid}-${Date.now()}.mjs`);
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['scripts/excel-build.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: file,
    logLevel: 'warning',
  });
  try {
    const { buildExcelAddin } = await import(pathToFileURL(file).href);
    return await buildExcelAddin({ root: ROOT, baseUrl, outDir, minify });
  } finally {
    rmSync(file, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  try {
    const report = await buildExcel({ baseUrl: baseUrlFrom() });
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`built ${path.relative(ROOT, report.outDir)}/ for ${report.baseUrl}: ${report.functions} functions, functions.js ${kb(report.functionsJsBytes)}, taskpane.js ${kb(report.taskpaneJsBytes)}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  }
}
