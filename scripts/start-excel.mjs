// `npm run start:excel`: serves the Excel add-in (dist/excel-addin) at https://localhost:3000 for
// sideloading. Builds it first when it is missing, or always with --build. The HTTPS certificate
// comes from office-addin-dev-certs: on first use it creates a development CA and asks to trust it
// (a developer machine only; the tests never call this).
// Usage: node scripts/start-excel.mjs [--build] [--port 3000]
import { createServer } from 'node:https';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExcel } from './build-excel.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist', 'excel-addin');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.png': 'image/png',
};

/** The file a request path names inside `root`, or undefined (outside it, or not a file). */
export function fileFor(root, urlPath) {
  let p;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  if (p.endsWith('/')) p += 'taskpane.html';
  const file = path.resolve(root, '.' + p);
  if (file !== root && !file.startsWith(root + path.sep)) return undefined;
  return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main() {
  const port = Number(argValue('--port', '3000'));
  const manifestFile = path.join(DIST, 'manifest.xml');
  const servesHere = existsSync(manifestFile) && readFileSync(manifestFile, 'utf8').includes(`https://localhost:${port}/`);
  if (process.argv.includes('--build') || !servesHere) {
    console.log('building the add-in (dist/excel-addin) …');
    // The manifest's URLs must match where this server runs.
    await buildExcel({ baseUrl: `https://localhost:${port}` });
  }
  const { getHttpsServerOptions } = await import('office-addin-dev-certs');
  const tls = await getHttpsServerOptions();
  const server = createServer(tls, (req, res) => {
    const file = fileFor(DIST, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      // Excel caches add-in files hard; during development every reload should see the new build.
      'Cache-Control': 'no-store',
      'Access-Control-Allow-Origin': '*',
    });
    res.end(readFileSync(file));
  });
  server.listen(port, 'localhost', () => {
    const manifest = path.relative(process.cwd(), path.join(DIST, 'manifest.xml'));
    console.log(`Serving dist/excel-addin at https://localhost:${port}/ (Ctrl+C stops)

Sideload ${manifest} (see docs/excel.md):
  Excel on the web: Home › Add-ins › More Settings › Upload My Add-in › choose the file.
  Windows: share a folder holding it, add the share as a Trusted Add-in Catalog
           (File › Options › Trust Center › Trusted Add-in Catalogs), restart Excel,
           then Home › Add-ins › Shared Folder.
  Mac: copy it to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/, restart Excel,
       then Home › Add-ins › My Add-ins.
Then type =KPI.NPS(A2:A100) in a cell, or open Home › KPI Scorecard.`);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
