/**
 * The sidebar's definition of SLA attainment says the SLA hours the manager typed, not the default
 * 24 (the definition reaches the sidebar with `{sla}` unfilled and the core fills it as the field
 * changes). Run in chromium on the preview page, as a manager sees it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium, startPreview } from '../helpers/browser.js';
import type { Browser, PreviewServer } from '../helpers/browser.js';

const skip = browserSkipReason();

async function slaDefinition(page: Page): Promise<string> {
  return (await page.locator('.skpi-kpi[data-kpi="sla"] .skpi-kpi-name').getAttribute('title')) ?? '';
}

describe.skipIf(skip !== undefined)('the SLA hint in the sidebar', () => {
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startPreview();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('names the SLA hours typed in the SLA field, as they are typed', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('.skpi-kpi[data-kpi="sla"]').waitFor({ timeout: 30_000 });
    expect(await slaDefinition(page)).toBe('Share of the tickets resolved in the period that were resolved within 24 hours.');
    await page.locator('#skpi-sla').fill('8');
    await expect.poll(() => slaDefinition(page)).toBe('Share of the tickets resolved in the period that were resolved within 8 hours.');
    await page.locator('#skpi-sla').fill('12.5');
    await expect.poll(() => slaDefinition(page)).toContain('within 12.5 hours');
    await page.close();
  });
});
