/**
 * The built Sidebar.html in Debian's chromium over a real export: the Google Forms responses of
 * test/fixtures/real/google-forms-sudzilla-survey.csv (SOURCES.md §9) put into the fake spreadsheet
 * as a Forms response sheet holds them (dates as dates). The manager opens "How the columns were
 * recognised" and sees the roles detection gave, how sure it is and why — the same facts
 * `service-kpi detect` prints for the file.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../cli/read-csv.js';
import { quote } from '../../core/safe-text.js';
import { wallClock } from '../../core/values/clock.js';
import { buildAddon } from '../helpers/apps-script-fakes.js';
import type { BuiltAddon } from '../helpers/apps-script-fakes.js';
import { browserSkipReason, launchChromium } from '../helpers/browser.js';
import type { Browser } from '../helpers/browser.js';
import { ADDON_CSS, openSheetsSidebar } from '../helpers/sheets-sidebar-page.js';

const skip = browserSkipReason();
const ARTIFACTS = path.resolve('test/artifacts');
const FILE = path.resolve('test/fixtures/real/google-forms-sudzilla-survey.csv');
const SHEET = 'Form Responses 1';

interface ShownColumn {
  readonly letter: string;
  readonly header: string;
  readonly roles: readonly { readonly role: string; readonly name: string; readonly sure: string; readonly why: string }[];
}

describe.skipIf(skip !== undefined)('what was detected, in the Sheets sidebar in chromium', () => {
  let addon: BuiltAddon;
  let browser: Browser;

  beforeAll(async () => {
    addon = await buildAddon();
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await addon?.remove();
  });

  it('shows the roles, confidence and evidence detection found in a real Google Forms export', async () => {
    const csv = await readCsvFile(FILE, SHEET, wallClock('UTC'));
    const rows = csv.sheet.data.values;
    // The file as read: 11 columns, 39 answers, the timestamps dates.
    expect(rows[0]).toHaveLength(11);
    expect(rows).toHaveLength(40);
    expect(rows[1][0]).toEqual(new Date(Date.UTC(2019, 10, 1, 8, 51, 12)));

    const { page, requests } = await openSheetsSidebar(browser, addon, { sheets: [{ name: SHEET, rows }] });
    try {
      await page.waitForSelector('select.skpi-role', { state: 'attached', timeout: 30_000 });
      const found = page.locator('details.skpi-found');
      expect(await found.count()).toBe(1);
      // Collapsed until asked for, then visible.
      expect(await page.locator('.skpi-found-list').isVisible()).toBe(false);
      await found.locator('summary').click();
      expect(await page.locator('.skpi-found-list').isVisible()).toBe(true);
      expect(await found.locator('summary').textContent()).toBe('How the columns were recognised');

      const facts = await found.locator('.skpi-found-fact').allTextContents();
      expect(facts).toEqual(['Layout recognised: Google Forms responses (1 of its headers).', '8 other column(s) not recognised.']);

      const shown = await page.evaluate((): ShownColumn[] => Array.from(document.querySelectorAll('.skpi-found-col')).map((li) => ({
        letter: li.getAttribute('data-column') ?? '',
        header: li.querySelector('.skpi-found-header')?.textContent ?? '',
        roles: Array.from(li.querySelectorAll('.skpi-found-role')).map((r) => ({
          role: r.getAttribute('data-role') ?? '',
          name: r.querySelector('.skpi-found-role-name')?.textContent ?? '',
          sure: r.querySelector('.skpi-found-confidence')?.textContent ?? '',
          why: r.querySelector('.skpi-found-why')?.textContent ?? '',
        })),
      })));
      // The Forms timestamp by the layout; the 0–10 question by its words and its answers 0–10;
      // the "...why?" follow-up by its free-text answers. The two keynote questions stay unused:
      // one NPS per sheet.
      expect(shown.map((c) => [c.letter, c.header, c.roles.map((r) => [r.role, r.name, r.sure])])).toEqual([
        ['A', 'A · Timestamp', [['surveyDate', 'Survey date', '97% sure']]],
        ['B', 'B · On a scale of 0-10, how would you rate Sudzilla?', [['npsScore', 'NPS score (0–10)', '85% sure']]],
        ['C', 'C · ...why?', [['comment', 'Comment', '70% sure']]],
      ]);
      expect(shown[0].roles[0].why).toMatch(/^header "Timestamp" is this column in the Google Forms responses layout; values fit \(100 %: 20 dates in 20 samples\)$/);
      // Quoted as every message quotes data: through quote(), cut to 40 characters.
      expect(shown[1].roles[0].why).toContain(`question ${quote('On a scale of 0-10, how would you rate Sudzilla?')} names a 0–10 scale`);
      expect(shown[1].roles[0].why).toContain('whole numbers 0–10');

      // The pickers hold the same roles.
      const pickers = await page.locator('select.skpi-role').evaluateAll((els) => els.slice(0, 3).map((e) => (e as HTMLSelectElement).value));
      expect(pickers).toEqual(['surveyDate', 'npsScore', 'comment']);
      expect(requests.every((u) => u === ADDON_CSS)).toBe(true);
      mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'sheets-sidebar-found.png'), fullPage: true });
    } finally {
      await page.close();
    }
  }, 120_000);

  it('says it in German to a German user; the roles in the German labels', async () => {
    const rows = (await readCsvFile(FILE, SHEET, wallClock('UTC'))).sheet.data.values;
    const { page } = await openSheetsSidebar(browser, addon, { sheets: [{ name: SHEET, rows }], locale: 'de_DE' });
    try {
      await page.waitForSelector('select.skpi-role', { state: 'attached', timeout: 30_000 });
      const found = page.locator('details.skpi-found');
      await found.locator('summary').click();
      expect(await found.locator('summary').textContent()).toBe('Wie die Spalten erkannt wurden');
      expect(await found.locator('.skpi-found-fact').allTextContents()).toEqual([
        'Erkanntes Layout: Google Forms responses (1 seiner Überschriften).', '8 weitere Spalte(n) nicht erkannt.',
      ]);
      expect(await found.locator('.skpi-found-role-name').allTextContents()).toEqual(['Umfragedatum', 'NPS-Wert (0–10)', 'Kommentar']);
      expect(await found.locator('.skpi-found-confidence').allTextContents()).toEqual(['97 % sicher', '85 % sicher', '70 % sicher']);
    } finally {
      await page.close();
    }
  }, 120_000);

  it('lists the columns a recognised layout gives no role, with why (the HR headcount snapshot)', async () => {
    const hr = path.resolve('test/fixtures/real/prepbench-hr-monthly-headcount-dc1.csv');
    const rows = (await readCsvFile(hr, 'Headcount', wallClock('UTC'))).sheet.data.values.slice(0, 60);
    const { page } = await openSheetsSidebar(browser, addon, { sheets: [{ name: 'Headcount', rows }] });
    try {
      await page.waitForSelector('details.skpi-found', { state: 'attached', timeout: 30_000 });
      const found = page.locator('details.skpi-found');
      await found.locator('summary').click();
      expect(await found.locator('.skpi-found-fact').allTextContents()).toEqual([
        'Layout recognised: HR monthly headcount snapshot (8 of its headers).', 'No column was recognised on this sheet.',
      ]);
      const items = await found.locator('.skpi-found-col').evaluateAll((els) => els.map((e) => [e.getAttribute('data-column'), e.querySelector('.skpi-found-why')?.textContent ?? '']));
      expect(items).toEqual([
        ['B', 'no role: the HR monthly headcount snapshot layout gives "month_end_date" none (turnover from monthly snapshot rows is not computed yet)'],
        ['C', 'no role: the HR monthly headcount snapshot layout gives "employee_id" none (an employee of the snapshot, not a support agent)'],
        ['F', 'no role: the HR monthly headcount snapshot layout gives "leave_date" none (turnover from monthly snapshot rows is not computed yet)'],
      ]);
    } finally {
      await page.close();
    }
  }, 120_000);
});
