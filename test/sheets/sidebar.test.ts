/**
 * The built Sidebar.html in Debian's chromium, end to end: its google.script.run calls are routed
 * to the built server scripts running in a vm context over the fake spreadsheet (as Apps Script
 * would run them), so the manager's click on "Generate scorecard" writes the scorecard sheet into
 * the fake. No request leaves the page except Google's add-on stylesheet (answered locally).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample, sheetsOf } from '../../examples/generate.js';
import { browserSkipReason, launchChromium } from '../helpers/browser.js';
import type { Browser } from '../helpers/browser.js';
import { buildAddon } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon } from '../helpers/apps-script-fakes.js';
import { ADDON_CSS, openSheetsSidebar } from '../helpers/sheets-sidebar-page.js';
import type { SheetsSidebarSession } from '../helpers/sheets-sidebar-page.js';

const skip = browserSkipReason();
const ARTIFACTS = path.resolve('test/artifacts');

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

  async function openSidebar(options: { locale?: string; failOutline?: string } = {}): Promise<SheetsSidebarSession> {
    const sample = sheetsOf(generateSample(20251201, { survey: 120, tickets: 150, orders: 80 }));
    const sheets = sample.map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] }));
    return openSheetsSidebar(browser, addon, { sheets, ...options });
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
