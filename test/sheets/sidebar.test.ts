/**
 * The built Sidebar.html in Debian's chromium, end to end: its google.script.run calls are routed
 * to the built server scripts running in a vm context over the fake spreadsheet (as Apps Script
 * would run them), so the manager's click on "Generate scorecard" writes the scorecard sheet into
 * the fake. No request leaves the page except Google's add-on stylesheet (answered locally).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, sheetsOf } from '../../examples/generate.js';
import { browserSkipReason, launchChromium } from '../helpers/browser.js';
import type { Browser } from '../helpers/browser.js';
import { buildAddon, createAppsScriptFakes, loadScripts } from '../helpers/apps-script-fakes.js';
import type { AppsScriptFakes, BuiltAddon } from '../helpers/apps-script-fakes.js';

const skip = browserSkipReason();
const ARTIFACTS = path.resolve('test/artifacts');
const ADDON_CSS = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';
/** Where the page is served in the test (Apps Script serves sidebars from a sandbox origin of its own). */
const PAGE = 'https://sidebar.invalid/Sidebar.html';

/** google.script.run in the page: chainable handlers; each call goes to node through `__gas`. */
const SCRIPT_RUN = `(() => {
  const runner = (ok, fail) => new Proxy({}, {
    get(_t, prop) {
      if (prop === 'withSuccessHandler') return (f) => runner(f, fail);
      if (prop === 'withFailureHandler') return (f) => runner(ok, f);
      if (prop === 'withUserObject' || typeof prop !== 'string') return undefined;
      return (...args) => {
        window.__gas(prop, JSON.stringify(args)).then((answer) => {
          const a = JSON.parse(answer);
          if (a.ok) { if (ok) ok(a.value); } else if (fail) fail(new Error(a.message));
        });
      };
    },
  });
  window.google = { script: { get run() { return runner(); } } };
})();`;

interface Session {
  readonly page: Page;
  readonly fakes: AppsScriptFakes;
  readonly requests: string[];
  readonly calls: string[];
}

describe.skipIf(skip !== undefined)('Sidebar.html in chromium', () => {
  let addon: BuiltAddon;
  let browser: Browser;

  beforeAll(async () => {
    addon = await buildAddon();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await addon?.remove();
  });

  async function openSidebar(options: { locale?: string; failOutline?: string } = {}): Promise<Session> {
    const sample = sheetsOf(generateSample(20251201, { survey: 120, tickets: 150, orders: 80 }));
    const fakes = createAppsScriptFakes({
      timeZone: 'UTC',
      locale: options.locale ?? 'en',
      sheets: sample.map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] })),
    });
    const context = loadScripts(addon.scripts, fakes.globals);
    const calls: string[] = [];
    const requests: string[] = [];
    const page = await browser.context.newPage();
    await page.route('**/*', async (route) => {
      const url = route.request().url();
      if (url === PAGE) {
        await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: addon.read('Sidebar.html') });
        return;
      }
      requests.push(url);
      if (url === ADDON_CSS) await route.fulfill({ status: 200, contentType: 'text/css', body: '/* add-ons1.css */' });
      else await route.abort();
    });
    await page.exposeFunction('__gas', (fn: string, argsJson: string) => {
      calls.push(fn);
      try {
        if (fn === 'skpiReadOutline' && options.failOutline) throw new Error(options.failOutline);
        const f = context[fn] as ((...a: unknown[]) => unknown) | undefined;
        if (typeof f !== 'function' || fn.endsWith('_')) throw new Error(`Script function not found: ${fn}`);
        const value = f(...(JSON.parse(argsJson) as unknown[]));
        return JSON.stringify({ ok: true, value: value === undefined ? null : value });
      } catch (e) {
        // Apps Script hands the client an Error whose message starts with the exception's type.
        return JSON.stringify({ ok: false, message: `Exception: ${(e as Error).message}` });
      }
    });
    await page.addInitScript(SCRIPT_RUN);
    await page.goto(PAGE, { waitUntil: 'load' });
    return { page, fakes, requests, calls };
  }

  it('reads the workbook, generates the scorecard into the spreadsheet and shows the result', async () => {
    const { page, fakes, requests, calls } = await openSidebar();
    try {
      await page.waitForSelector('select.skpi-role', { state: 'attached', timeout: 30_000 });
      expect(await page.evaluate(() => document.body.classList.contains('host-sheets'))).toBe(true);
      expect(await page.locator('select.skpi-role').count()).toBeGreaterThan(20);
      await page.click('#skpi-generate');
      await page.waitForFunction(() => /KPI Scorecard/.test(document.querySelector('.skpi-result')?.textContent ?? ''), undefined, { timeout: 30_000 });
      const sheet = fakes.spreadsheet.byName('KPI Scorecard');
      expect(sheet).toBeDefined();
      expect(sheet!.metadata[0].key).toBe('service-kpi.scorecard');
      expect(calls.slice(0, 3)).toEqual(['skpiLanguage', 'skpiReadOutline', 'skpiReadSettings']);
      expect(calls).toContain('skpiGenerate');
      // Nothing but Google's add-on stylesheet was requested.
      expect(requests.every((u) => u === ADDON_CSS)).toBe(true);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'sheets-sidebar.png'), fullPage: true });
    } finally {
      await page.close();
    }
  });

  it('speaks German to a German user', async () => {
    const { page } = await openSidebar({ locale: 'de_DE' });
    try {
      await page.waitForSelector('select.skpi-role', { state: 'attached', timeout: 30_000 });
      expect(await page.locator('#skpi-generate').textContent()).toBe('Scorecard erstellen');
    } finally {
      await page.close();
    }
  });

  it('shows a failure with the several-accounts hint', async () => {
    const { page } = await openSidebar({ failOutline: 'Authorization is required to perform that action.' });
    try {
      // The sidebar's own text (the page's scripts hold these words too).
      await page.waitForFunction(() => /several Google accounts/.test(document.getElementById('service-kpi-sidebar')?.innerText ?? ''), undefined, { timeout: 30_000 });
      const text = await page.evaluate(() => document.getElementById('service-kpi-sidebar')?.innerText ?? '');
      expect(text).toContain('Authorization is required to perform that action.');
      expect(text).not.toContain('Exception:');
    } finally {
      await page.close();
    }
  });
});
