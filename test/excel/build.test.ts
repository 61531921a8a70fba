/**
 * The build as scripts/build.mjs and `npm run start:excel` call it: scripts/build-excel.mjs into a
 * temporary folder with a production base URL, its argument handling, and the development
 * server's file lookup (which must never serve anything outside dist/excel-addin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { CATALOG } from '../../core/catalog/index.js';
import { baseUrlFrom, buildExcel } from '../../scripts/build-excel.mjs';
import type { ExcelBuildReport } from '../../scripts/excel-build.js';
import { fileFor } from '../../scripts/start-excel.mjs';
import { EXCEL_WEB_ORIGIN, checkCors, main as checkExcel } from '../../scripts/excel-check.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vi } from 'vitest';

let out = '';
let report: ExcelBuildReport;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'excel-build-'));
  report = await buildExcel({ baseUrl: 'https://kpi.example.com/addin', outDir: out });
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

/** Width, height and colour type of a PNG, and its pixels (RGBA, filter bytes stripped). */
function readPng(file: string): { width: number; height: number; colourType: number; pixels: Buffer } {
  const png = readFileSync(file);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16), height = png.readUInt32BE(20), colourType = png[25];
  const idat: Buffer[] = [];
  for (let i = 8; i < png.length;) {
    const len = png.readUInt32BE(i);
    if (png.toString('ascii', i + 4, i + 8) === 'IDAT') idat.push(png.subarray(i + 8, i + 8 + len));
    i += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y++) rows.push(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)));
  return { width, height, colourType, pixels: Buffer.concat(rows) };
}

describe('scripts/build-excel.mjs', () => {
  it('writes every file the manifest points at', () => {
    expect(report.baseUrl).toBe('https://kpi.example.com/addin');
    expect(report.functions).toBe(CATALOG.length);
    expect(readdirSync(out).sort()).toEqual(['assets', 'functions-de.json', 'functions.js', 'functions.json', 'help.html', 'manifest.xml', 'planner.js', 'taskpane.css', 'taskpane.html', 'taskpane.js']);
    const manifest = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    const urls = [...manifest.matchAll(/https:\/\/kpi\.example\.com\/addin\/([\w./-]+)/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(readdirSync(path.join(out, path.dirname(u))), u).toContain(path.basename(u));
    expect(manifest).not.toContain('localhost');
  });

  it('draws the icons at 16, 32, 64 and 80 px as RGBA PNGs with transparent corners', () => {
    for (const size of [16, 32, 64, 80]) {
      const png = readPng(path.join(out, 'assets', `icon-${size}.png`));
      expect([png.width, png.height, png.colourType]).toEqual([size, size, 6]);
      expect(png.pixels.length).toBe(size * size * 4);
      expect(png.pixels[3]).toBe(0); // top-left corner: transparent
      const centre = ((size >> 1) * size + (size >> 1)) * 4;
      expect(png.pixels[centre + 3]).toBe(255);
    }
  });

  it('writes functions.json with allowErrorForDataTypeAny and a help page listing every function', () => {
    const json = JSON.parse(readFileSync(path.join(out, 'functions.json'), 'utf8'));
    expect(json.allowErrorForDataTypeAny).toBe(true);
    const help = readFileSync(path.join(out, 'help.html'), 'utf8');
    for (const f of CATALOG) expect(help).toContain(`id="${f.name}"`);
  });

  it('takes the base URL from --base-url, then SERVICE_KPI_BASE_URL', () => {
    expect(baseUrlFrom(['--base-url', 'https://a.example'], {})).toBe('https://a.example');
    expect(baseUrlFrom(['--base-url=https://b.example'], { SERVICE_KPI_BASE_URL: 'https://c.example' })).toBe('https://b.example');
    expect(baseUrlFrom([], { SERVICE_KPI_BASE_URL: 'https://c.example' })).toBe('https://c.example');
    expect(baseUrlFrom([], {})).toBeUndefined();
    expect(() => baseUrlFrom(['--base-url'], {})).toThrow(/needs a URL/);
  });

  it('fails on a base URL Office cannot load from', async () => {
    await expect(buildExcel({ baseUrl: 'http://kpi.example.com', outDir: path.join(out, 'never') })).rejects.toThrow(/https/);
  });
});

describe('the development server (npm run start:excel)', () => {
  it('serves files of the add-in folder, the task pane for "/", and nothing outside it', () => {
    expect(fileFor(out, '/functions.js')).toBe(path.join(out, 'functions.js'));
    expect(fileFor(out, '/assets/icon-32.png?v=2')).toBe(path.join(out, 'assets', 'icon-32.png'));
    expect(fileFor(out, '/')).toBe(path.join(out, 'taskpane.html'));
    expect(fileFor(out, '/../package.json')).toBeUndefined();
    expect(fileFor(out, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(fileFor(out, '/assets')).toBeUndefined();
    expect(fileFor(out, '/missing.js')).toBeUndefined();
  });
});

describe('npm run check:excel', () => {
  it('passes on the built add-in, and finds a file the manifest names but the build lacks', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await checkExcel(['--dir', out])).toBe(0);
      expect(log.mock.calls[0][0]).toMatch(/version 0\.1\.0\.0, \d+ URLs, all checks passed/);
      const copy = mkdtempSync(path.join(tmpdir(), 'excel-check-'));
      try {
        for (const f of ['manifest.xml', 'functions.json', 'functions-de.json', 'taskpane.html', 'help.html']) {
          writeFileSync(path.join(copy, f), readFileSync(path.join(out, f)));
        }
        expect(await checkExcel(['--dir', copy])).toBe(1);
        expect(error.mock.calls[0][0]).toMatch(/no file for https:\/\/kpi\.example\.com\/addin\/functions\.js\?v=0\.1\.0\.0/);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    } finally {
      log.mockRestore();
      error.mockRestore();
    }
  });

  it('given a base URL, asks the host for the metadata as Excel on the web does and needs its CORS header', async () => {
    const seen: { url: string; origin: string | undefined }[] = [];
    let cors: string | null = '*';
    const server = createServer((req, res) => {
      seen.push({ url: req.url ?? '', origin: req.headers.origin });
      const file = fileFor(out, req.url ?? '/');
      if (!file) {
        res.writeHead(404);
        res.end();
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json', ...(cors ? { 'Access-Control-Allow-Origin': cors } : {}) });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await checkCors(base, '0.1.0')).toEqual([]);
      expect(seen).toEqual([
        { url: '/functions.json?v=0.1.0.0', origin: EXCEL_WEB_ORIGIN },
        { url: '/functions-de.json?v=0.1.0.0', origin: EXCEL_WEB_ORIGIN },
      ]);
      cors = EXCEL_WEB_ORIGIN;
      expect(await checkCors(base, '0.1.0')).toEqual([]);
      cors = null;
      const problems = await checkCors(base, '0.1.0');
      expect(problems).toHaveLength(2);
      expect(problems[0]).toMatch(/functions\.json\?v=0\.1\.0\.0: no Access-Control-Allow-Origin .* \(got none\)/);
      cors = 'https://intranet.example.com';
      expect((await checkCors(base, '0.1.0'))[1]).toMatch(/functions-de\.json.*got "https:\/\/intranet\.example\.com"/);
      expect((await checkCors(`${base}/elsewhere`, '0.1.0'))[0]).toMatch(/HTTP 404/);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
