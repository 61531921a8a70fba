// Builds the Google Sheets editor add-on into dist/sheets-addon/ — exactly what `clasp push` uploads:
//   appsscript.json  the manifest (copied from the repository root)
//   KPI.js           the core as ONE minified IIFE (global `KPI`): KPI.call(name, args) per cell
//   functions.js     generated: one top-level `function NAME(...)` per catalog function with JSDoc
//                    (@customfunction …), forwarding to KPI.call — esbuild drops comments, so this
//                    is written as text, not bundled
//   Server.js        the scorecard server (menu, sidebar server side, Sheets HostBridge), an IIFE
//                    wrapped in `function skpiServer_()` so it only runs when the menu or the sidebar
//                    needs it, never for a custom-function call
//   Code.js          generated: onOpen, onInstall, showSidebar, enableFunctions, showHelp and the
//                    skpi* functions google.script.run calls, forwarding to Server.js
//   Sidebar.html     the sidebar (dist/sidebar/sidebar.html from scripts/build-sidebar.mjs) with the
//                    Sheets client bridge inlined: one self-contained file
// Apps Script loads every .js into one global scope; nothing runs at load time but definitions.
// Usage: node scripts/build-sheets.mjs [--out DIR]   or   import { buildSheets } from './build-sheets.mjs'
import { build } from 'esbuild';
import { stripCatalogTexts } from './catalog-texts-plugin.mjs';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The architecture's budget for each custom-function bundle. */
export const KPI_BUDGET = 150 * 1024;
/** Apps Script's V8 runtime: modern syntax, but lower the newest features to be safe. */
const TARGET = 'es2019';

async function bundle(entry, globalName, plugins = []) {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    globalName,
    // 'browser' only picks how packages resolve (zod's browser build); no browser API is used.
    platform: 'browser',
    target: TARGET,
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    logLevel: 'warning',
    plugins,
  });
  return result.outputFiles[0].text;
}

/** The stub generator and the catalog, bundled for Node and imported from memory. */
async function generators() {
  const result = await build({
    absWorkingDir: ROOT,
    stdin: {
      contents: "export { CATALOG } from './core/catalog/index.ts';\nexport * from './scripts/sheets-stubs.ts';\n",
      resolveDir: ROOT,
      loader: 'ts',
      sourcefile: 'sheets-generators.ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    write: false,
    logLevel: 'warning',
  });
  return import(`data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`);
}

/** The sidebar page; built by scripts/build-sidebar.mjs when it is not there yet. */
async function sidebarPage(sidebarDir) {
  const file = path.join(sidebarDir, 'sidebar.html');
  if (!existsSync(file)) {
    const { buildSidebar } = await import('./build-sidebar.mjs');
    await buildSidebar({ outdir: sidebarDir });
  }
  return readFileSync(file, 'utf8');
}

export async function buildSheets({
  outDir = path.join(ROOT, 'dist/sheets-addon'),
  sidebarDir = path.join(ROOT, 'dist/sidebar'),
} = {}) {
  const gen = await generators();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });

  const kpi = `${gen.GENERATED}\n${await bundle('sheets-addon/functions.ts', 'KPI', [stripCatalogTexts()])}`;
  const kpiSize = Buffer.byteLength(kpi);
  if (kpiSize > KPI_BUDGET) {
    console.warn(`warning: dist/sheets-addon/KPI.js is ${(kpiSize / 1024).toFixed(1)} KB, over the ${KPI_BUDGET / 1024} KB budget`);
  }
  const server = gen.wrapServerBundle(await bundle('sheets-addon/server.ts', 'SKPI'), 'SKPI');
  const bridge = await bundle('sheets-addon/sidebar-client.ts', undefined);
  const sidebar = gen.sheetsSidebarHtml(await sidebarPage(sidebarDir), bridge);

  copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(outDir, 'appsscript.json'));
  writeFileSync(path.join(outDir, 'KPI.js'), kpi);
  writeFileSync(path.join(outDir, 'functions.js'), gen.renderStubs(gen.CATALOG));
  writeFileSync(path.join(outDir, 'Server.js'), server);
  writeFileSync(path.join(outDir, 'Code.js'), gen.renderGlobals());
  writeFileSync(path.join(outDir, 'Sidebar.html'), sidebar);
  return {
    outDir,
    functions: gen.CATALOG.length,
    sizes: { kpi: kpiSize, server: Buffer.byteLength(server), sidebar: Buffer.byteLength(sidebar) },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const at = process.argv.indexOf('--out');
  const outDir = at > 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : undefined;
  const r = await buildSheets(outDir ? { outDir } : {});
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`built ${path.relative(process.cwd(), r.outDir) || '.'}: ${r.functions} custom functions, ` +
    `KPI.js ${kb(r.sizes.kpi)}, Server.js ${kb(r.sizes.server)}, Sidebar.html ${kb(r.sizes.sidebar)}`);
}
