// Builds the scorecard sidebar both add-ons show, into dist/sidebar/:
//   sidebar.js   the bundle (classic script, IIFE, minified) — the Excel task pane loads it
//   sidebar.css  the styles (both looks; the host puts host-excel or host-sheets on <body>)
//   sidebar.html one self-contained file with the script and styles inlined — the Sheets add-on
//                serves it with HtmlService.createHtmlOutputFromFile (not a template: minified
//                code may contain "<?"). A host inserts its bridge script at the
//                `<!-- service-kpi:host-bridge -->` marker (it sets window.serviceKpiBridge).
// Usage: node scripts/build-sidebar.mjs   or   import { buildSidebar } from './build-sidebar.mjs'
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The architecture's budget for the sidebar bundle. */
export const SIDEBAR_BUDGET = 250 * 1024;

/** Inlines the bundle into the HTML template; `</script` and `</style` inside them are escaped. */
export function inlineSidebarHtml(template, js, css) {
  const script = `<script>\n${js.replace(/<\/(script)/gi, '<\\/$1')}\n</script>`;
  const style = `<style>\n${css.replace(/<\/(style)/gi, '<\\/$1')}\n</style>`;
  for (const marker of ['<!-- service-kpi:styles -->', '<!-- service-kpi:script -->']) {
    if (!template.includes(marker)) throw new Error(`sidebar/sidebar.html: the marker ${marker} is missing`);
  }
  // Function replacers: "$" in the bundle must not be read as a replacement pattern.
  return template
    .replace('<!-- service-kpi:styles -->', () => style)
    .replace('<!-- service-kpi:script -->', () => script);
}

export async function buildSidebar({ outdir = path.join(ROOT, 'dist/sidebar'), minify = true } = {}) {
  mkdirSync(outdir, { recursive: true });
  const js = await build({
    absWorkingDir: ROOT,
    entryPoints: ['sidebar/entry.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify,
    legalComments: 'none',
    charset: 'utf8',
    write: false,
    outfile: path.join(outdir, 'sidebar.js'),
    logLevel: 'warning',
  });
  const css = await build({
    absWorkingDir: ROOT,
    entryPoints: ['sidebar/styles.css'],
    bundle: true,
    minify,
    charset: 'utf8',
    write: false,
    outfile: path.join(outdir, 'sidebar.css'),
    logLevel: 'warning',
  });
  const jsText = js.outputFiles[0].text;
  const cssText = css.outputFiles[0].text;
  const size = Buffer.byteLength(jsText);
  if (size > SIDEBAR_BUDGET) {
    throw new Error(`dist/sidebar/sidebar.js is ${(size / 1024).toFixed(1)} KB, over the ${SIDEBAR_BUDGET / 1024} KB budget`);
  }
  const template = readFileSync(path.join(ROOT, 'sidebar/sidebar.html'), 'utf8');
  writeFileSync(path.join(outdir, 'sidebar.js'), jsText);
  writeFileSync(path.join(outdir, 'sidebar.css'), cssText);
  writeFileSync(path.join(outdir, 'sidebar.html'), inlineSidebarHtml(template, jsText, cssText));
  return { js: size, css: Buffer.byteLength(cssText) };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const sizes = await buildSidebar();
  console.log(`built dist/sidebar/sidebar.js (${(sizes.js / 1024).toFixed(1)} KB), sidebar.css, sidebar.html`);
}
