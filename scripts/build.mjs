// The build: every bundle with esbuild, plus the package's type declarations.
// Host builds (Excel add-in, Sheets add-on, sidebar) add their steps in scripts/build-*.mjs.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { rmSync, mkdirSync } from 'node:fs';

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist', { recursive: true });

// The package's main export: an ES module for Node and bundlers.
await build({
  entryPoints: ['core/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
console.log('built dist/index.js and dist/types');

// The Excel add-in: functions.json (custom-functions-metadata), functions.js, task pane, manifest.
// Base URL: `npm run build -- --base-url https://…`, else SERVICE_KPI_BASE_URL, else https://localhost:3000.
const { baseUrlFrom, buildExcel } = await import('./build-excel.mjs');
const excel = await buildExcel({ baseUrl: baseUrlFrom() });
console.log(`built dist/excel-addin for ${excel.baseUrl} (functions.js ${(excel.functionsJsBytes / 1024).toFixed(1)} KB)`);

// The shared sidebar (both add-ons ship it).
const { buildSidebar } = await import('./build-sidebar.mjs');
await buildSidebar();

// The Google Sheets add-on (reads dist/sidebar/sidebar.html).
const { buildSheets } = await import('./build-sheets.mjs');
await buildSheets();
console.log('built dist/sheets-addon');

// The command line: dist/cli.js (bin/service-kpi.js imports it).
const { buildCli } = await import('./build-cli.mjs');
await buildCli();
console.log('built dist/cli.js');
