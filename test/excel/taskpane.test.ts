/**
 * The built task pane in headless chromium, as Excel's shared runtime loads it: taskpane.html with
 * office.js (here a stand-in over the recording fake workbook, served in place of Microsoft's CDN
 * file), functions.js and taskpane.js. Nothing leaves the machine: every other request fails the
 * test. The sidebar must mount with the Excel look, register the functions, ask Excel to load the
 * add-in with the workbook, and generate a scorecard into the workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { CATALOG } from '../../core/catalog/index.js';
import { DEFAULT_SEED, generateSample, sheetsOf } from '../../examples/generate.js';
import { buildExcelAddin } from '../../scripts/excel-build.js';
import { browserSkipReason, launchChromium } from '../helpers/browser.js';
import type { Browser } from '../helpers/browser.js';
import type { SheetSeed } from '../helpers/excel-office-browser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ORIGIN = 'https://addin.test';
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const skip = browserSkipReason();

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png' };

function seeds(): SheetSeed[] {
  const data = generateSample(DEFAULT_SEED, { survey: 200, tickets: 300, orders: 200 });
  return sheetsOf(data).map((s) => ({
    name: s.name,
    cells: [
      ...s.columns.map((c, j) => [0, j, c.header] as const),
      ...s.rows.flatMap((row, i) => row.flatMap((v, j) => (v === null
        ? []
        : [[i + 1, j, v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v, s.columns[j].numFmt] as const]))),
    ],
  }));
}

describe.skipIf(skip !== undefined)('the task pane in a browser', () => {
  let out = '';
  let officeJs = '';
  let browser: Browser;
  let page: Page;
  const stray: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'excel-taskpane-'));
    await buildExcelAddin({ root: ROOT, outDir: out, baseUrl: ORIGIN });
    const fake = await build({
      entryPoints: [path.join(ROOT, 'test/helpers/excel-office-browser.ts')],
      bundle: true, format: 'iife', platform: 'browser', target: 'es2020', write: false, logLevel: 'warning',
    });
    officeJs = fake.outputFiles[0].text;
    browser = await launchChromium();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) return route.fulfill({ status: 200, contentType: 'text/javascript', body: officeJs });
      if (url.startsWith(`${ORIGIN}/`)) {
        const file = path.join(out, new URL(url).pathname);
        try {
          return await route.fulfill({ status: 200, contentType: TYPES[path.extname(file)] ?? 'application/octet-stream', body: readFileSync(file) });
        } catch {
          return route.fulfill({ status: 404, body: 'not found' });
        }
      }
      stray.push(url);
      return route.abort();
    });
    await page.addInitScript((s) => { (window as unknown as { __excelSheets: unknown }).__excelSheets = s; }, seeds());
    await page.goto(`${ORIGIN}/taskpane.html`);
    await page.locator('li.skpi-kpi').first().waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('loads office.js first, then the functions, then the sidebar, and nothing from elsewhere', async () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts).toEqual([OFFICE_JS, 'functions.js', 'taskpane.js']);
    expect(stray).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('registers every catalog function in the shared runtime', async () => {
    const associated = await page.evaluate(() => (window as unknown as { __excelFake: { associated: string[] } }).__excelFake.associated);
    expect(associated).toEqual(CATALOG.map((f) => f.name));
  });

  it('mounts the sidebar with the Excel look and the workbook\'s columns', async () => {
    expect(await page.evaluate(() => document.body.classList.contains('host-excel'))).toBe(true);
    expect(await page.locator('li.skpi-kpi').count()).toBeGreaterThan(10);
  });

  it('asks Excel once to load the add-in whenever the workbook opens', async () => {
    const startup = await page.evaluate(() => (window as unknown as { __excelFake: { startup: string[] } }).__excelFake.startup);
    expect(startup).toEqual(['Load']);
  });

  it('generates the scorecard into the workbook from the Generate button', async () => {
    await page.click('#skpi-generate');
    await expect.poll(async () => page.locator('.skpi-result').innerText(), { timeout: 30_000 }).toContain('KPI Scorecard');
    const fake = await page.evaluate(() => {
      const f = (window as unknown as { __excelFake: { sheetNames(): string[]; runs(): { syncs: number; unsynced: number }[] } }).__excelFake;
      return { names: f.sheetNames(), runs: f.runs() };
    });
    expect(fake.names).toContain('KPI Scorecard');
    // Every batch ended synced; the generating one took three syncs.
    expect(fake.runs.every((r) => r.unsynced === 0)).toBe(true);
    expect(fake.runs[fake.runs.length - 1].syncs).toBe(3);
  });
});
