/**
 * The built task pane in headless chromium, as Excel's shared runtime loads it: taskpane.html with
 * office.js (here a stand-in over the recording fake workbook, served in place of Microsoft's CDN
 * file), functions.js and taskpane.js. Nothing leaves the machine: every other request fails the
 * test. The runtime may start headless: then it registers the functions and reads nothing of the
 * workbook until the task pane is first shown; then the sidebar mounts with the Excel look, asks
 * Excel (once) to load the add-in with the workbook, and generates a scorecard into the workbook.
 * A second initialisation of the runtime changes nothing.
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
import type { RuntimeStart, SheetSeed } from '../helpers/excel-office-browser.js';

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

interface FakeView {
  associated: string[];
  startup: string[];
  sheetNames(): string[];
  runs(): { syncs: number; unsynced: number }[];
  showTaskpane(): void;
  initializeAgain(): void;
  visibilityHandlers(): number;
}

const fakeOf = (page: Page) => <T>(f: (fake: FakeView) => T): Promise<T> =>
  page.evaluate((src) => {
    const fake = (window as unknown as { __excelFake: FakeView }).__excelFake;
    return (new Function('fake', `return (${src})(fake)`) as (x: FakeView) => T)(fake);
  }, f.toString());

describe.skipIf(skip !== undefined)('the task pane in a browser', () => {
  let out = '';
  let officeJs = '';
  let browser: Browser;
  const stray: string[] = [];
  const errors: string[] = [];

  /** A fresh page: the shared runtime as Excel starts it, hidden (headless) or with the pane open. */
  async function openRuntime(start: RuntimeStart): Promise<Page> {
    const page = await browser.context.newPage();
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
    await page.addInitScript(([s, st]) => {
      const w = window as unknown as { __excelSheets: unknown; __excelStart: unknown };
      w.__excelSheets = s;
      w.__excelStart = st;
    }, [seeds(), start] as const);
    await page.goto(`${ORIGIN}/taskpane.html`);
    return page;
  }

  beforeAll(async () => {
    out = mkdtempSync(path.join(tmpdir(), 'excel-taskpane-'));
    await buildExcelAddin({ root: ROOT, outDir: out, baseUrl: ORIGIN });
    const fake = await build({
      entryPoints: [path.join(ROOT, 'test/helpers/excel-office-browser.ts')],
      bundle: true, format: 'iife', platform: 'browser', target: 'es2020', write: false, logLevel: 'warning',
    });
    officeJs = fake.outputFiles[0].text;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  describe('started headless (a cell to calculate, or the workbook loading the add-in)', () => {
    let page: Page;
    beforeAll(async () => {
      page = await openRuntime({ hidden: true, startup: 'None' });
      // Office is ready: the functions are registered and the page waits for the pane to show.
      await page.waitForFunction(() => (window as unknown as { __excelFake: FakeView }).__excelFake.visibilityHandlers() === 1);
    });

    it('loads office.js first, then the functions, then the sidebar, and nothing from elsewhere', async () => {
      const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
      const scripts = [...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.map((src) => src.replace(/\?v=[^"]*$/, ''))).toEqual([OFFICE_JS, 'functions.js', 'taskpane.js']);
      expect(stray).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('registers every catalog function in the shared runtime', async () => {
      expect(await fakeOf(page)((f) => f.associated)).toEqual(CATALOG.map((f) => f.name));
    });

    it('reads nothing of the workbook and asks nothing of Excel while the pane is hidden', async () => {
      // … yet no batch ran, no sidebar is drawn, and the startup behaviour is untouched.
      expect(await fakeOf(page)((f) => f.runs().length)).toBe(0);
      expect(await page.locator('li.skpi-kpi').count()).toBe(0);
      expect(await fakeOf(page)((f) => f.startup)).toEqual([]);
    });

    it('reads the outline and asks Excel to load the add-in with the workbook when the pane is first shown', async () => {
      await fakeOf(page)((f) => f.showTaskpane());
      await page.locator('li.skpi-kpi').first().waitFor({ timeout: 30_000 });
      expect(await page.evaluate(() => document.body.classList.contains('host-excel'))).toBe(true);
      expect(await page.locator('li.skpi-kpi').count()).toBeGreaterThan(10);
      await expect.poll(() => fakeOf(page)((f) => f.startup)).toEqual(['Load']);
    });

    it('does its start-up work once, although the runtime initialises a second time', async () => {
      const before = await fakeOf(page)((f) => ({ runs: f.runs().length, associated: f.associated.length }));
      await fakeOf(page)((f) => f.initializeAgain());
      // A second copy of the scripts (a reload of the runtime's page content) changes nothing either.
      await page.addScriptTag({ url: `${ORIGIN}/functions.js` });
      await page.addScriptTag({ url: `${ORIGIN}/taskpane.js` });
      await fakeOf(page)((f) => f.showTaskpane());
      await page.waitForTimeout(200);
      const after = await fakeOf(page)((f) => ({ runs: f.runs().length, associated: f.associated.length, startup: f.startup }));
      expect(after).toEqual({ ...before, startup: ['Load'] });
      expect(await page.locator('.skpi').count()).toBe(1);
      expect(errors).toEqual([]);
    });

    it('generates the scorecard into the workbook from the Generate button', async () => {
      await page.click('#skpi-generate');
      await expect.poll(async () => page.locator('.skpi-result').innerText(), { timeout: 30_000 }).toContain('KPI Scorecard');
      const fake = await fakeOf(page)((f) => ({ names: f.sheetNames(), runs: f.runs() }));
      expect(fake.names).toContain('KPI Scorecard');
      // Every batch ended synced; the generating one: names, sizes, one chunk of data, the
      // scorecard (a first one: named at once).
      expect(fake.runs.every((r) => r.unsynced === 0)).toBe(true);
      expect(fake.runs[fake.runs.length - 1].syncs).toBe(4);
    });
  });

  it('opened from the ribbon in a workbook that already loads the add-in: the sidebar at once, no second request', async () => {
    const page = await openRuntime({ hidden: false, startup: 'Load' });
    await page.locator('li.skpi-kpi').first().waitFor({ timeout: 30_000 });
    await page.waitForTimeout(100);
    expect(await fakeOf(page)((f) => f.startup)).toEqual([]);
    await page.close();
  });
});
