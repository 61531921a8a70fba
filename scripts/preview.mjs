// `npm run preview`: builds the sidebar preview into dist/preview/ and serves it on
// http://127.0.0.1:5173/ (PORT=… to change; PORT=0 picks a free port). The page shows the sidebar
// beside the bundled sample workbook (examples/helpdesk.xlsx, read with exceljs and embedded as
// JSON, dates as {"$date": iso}, with column formats and widths); when the file is missing it is generated with generateSample().
// PREVIEW_OUT=dir builds somewhere else (the browser test uses a temporary directory).
import { build } from 'esbuild';
import ExcelJS from 'exceljs';
import { createServer } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(ROOT, 'examples/helpdesk.xlsx');

// ------------------------------------------------------------------ the sample as JSON

/** A cell as plain JSON: blanks "", dates {"$date": iso}, formulas their result, rich text its text. */
function jsonCell(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return { $date: v.toISOString() };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return jsonCell(v.result);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('hyperlink' in v) return jsonCell(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Reads an .xlsx into the preview's JSON (WorkbookData with dates as {"$date": iso}, plus column formats). */
export async function readWorkbookJson(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = [];
  wb.eachSheet((ws) => {
    const values = [];
    const formats = {};
    const cols = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const out = [];
      for (let c = 1; c <= cols; c++) {
        const cell = row.getCell(c);
        out.push(jsonCell(cell.value));
        if (r > 1 && formats[c] === undefined && cell.numFmt && cell.numFmt !== 'General' && cell.value !== null) formats[c] = cell.numFmt;
      }
      values.push(out);
    }
    while (values.length && values[values.length - 1].every((v) => v === '')) values.pop();
    const widths = {};
    for (let c = 1; c <= cols; c++) {
      const w = ws.getColumn(c).width;
      if (w) widths[c] = Math.round(w * 7 + 5);
    }
    sheets.push({ name: ws.name, originRow: 1, originCol: 1, values, formats, widths });
  });
  // exceljs reads date cells as Dates whose UTC fields are the wall clock the cell shows.
  return { timeZone: 'UTC', sheets };
}

/** The same JSON straight from examples/generate.ts (bundled with esbuild, as this script is plain JS). */
async function generatedWorkbookJson() {
  // Inside the project, so that the bundle's `import 'exceljs'` resolves from node_modules.
  const scratch = path.join(ROOT, 'node_modules/.cache/service-kpi');
  mkdirSync(scratch, { recursive: true });
  const out = path.join(scratch, `generate-${process.pid}.mjs`);
  await build({
    absWorkingDir: ROOT, entryPoints: ['examples/generate.ts'], bundle: true, platform: 'node', format: 'esm',
    packages: 'external', outfile: out, logLevel: 'warning',
  });
  try {
    const { generateSample, sheetsOf } = await import(pathToFileURL(out).href);
    const data = generateSample();
    return {
      timeZone: 'UTC',
      sheets: sheetsOf(data).map((s) => ({
        name: s.name, originRow: 1, originCol: 1,
        values: [s.columns.map((c) => c.header), ...s.rows.map((row) => row.map(jsonCell))],
        formats: Object.fromEntries(s.columns.flatMap((c, i) => (c.numFmt ? [[i + 1, c.numFmt]] : []))),
        widths: Object.fromEntries(s.columns.map((c, i) => [i + 1, Math.round(c.width * 7 + 5)])),
      })),
    };
  } finally {
    rmSync(out, { force: true });
  }
}

/** The preview's sample: the .xlsx when it is there, else freshly generated. */
export async function sampleJson(file = SAMPLE) {
  return existsSync(file) ? readWorkbookJson(file) : generatedWorkbookJson();
}

// ------------------------------------------------------------------ the build

export async function buildPreview({ outdir = path.join(ROOT, 'dist/preview') } = {}) {
  mkdirSync(path.join(outdir, 'data'), { recursive: true });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['sidebar/preview/main.ts'],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    sourcemap: 'linked',
    charset: 'utf8',
    outfile: path.join(outdir, 'preview.js'),
    logLevel: 'warning',
  });
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['sidebar/preview/preview.css'],
    bundle: true,
    charset: 'utf8',
    outfile: path.join(outdir, 'preview.css'),
    logLevel: 'warning',
  });
  copyFileSync(path.join(ROOT, 'sidebar/preview/index.html'), path.join(outdir, 'index.html'));
  const sample = await sampleJson();
  writeFileSync(path.join(outdir, 'data/sample.json'), JSON.stringify(sample));
  return outdir;
}

// ------------------------------------------------------------------ the server

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Serves the files under `root` (GET/HEAD only, nothing outside `root`). Resolves when listening. */
export function servePreview({ root = path.join(ROOT, 'dist/preview'), port = 5173, host = '127.0.0.1' } = {}) {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = path.resolve(base, `.${pathname.endsWith('/') ? `${pathname}index.html` : pathname}`);
    if (!file.startsWith(base + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const outdir = process.env.PREVIEW_OUT ? path.resolve(process.env.PREVIEW_OUT) : path.join(ROOT, 'dist/preview');
  const port = process.env.PORT === undefined || process.env.PORT === '' ? 5173 : Number(process.env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  await buildPreview({ outdir });
  const { server, url } = await servePreview({ root: outdir, port });
  console.log(`Preview: ${url}`);
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
