/**
 * The sidebar's status-log fields (issue 17: pause statuses "editable in the sidebar"), in chromium
 * on the preview page as a manager sees it: they appear once a column holds statuses, what the
 * manager types reaches the scorecard request and the scorecard's note, and they go away with the
 * status column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GenerateRequest, GenerateResult } from '../../core/scorecard/types.js';
import { browserSkipReason, launchChromium, startPreview } from '../helpers/browser.js';
import type { Browser, PreviewServer } from '../helpers/browser.js';

const skip = browserSkipReason();

interface Hook { lastRequest?: GenerateRequest; lastResult?: GenerateResult }

describe.skipIf(skip !== undefined)('the status-log fields in the sidebar', () => {
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

  it('send the typed pause statuses with the request, and go away without a status column', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url);
    await page.locator('.skpi-kpi[data-kpi="pausedSla"]').waitFor({ timeout: 30_000 });
    const pause = page.getByLabel('Pause statuses (status log)', { exact: true });
    const resolved = page.getByLabel('Resolved statuses (status log)', { exact: true });
    // Blank: found from the status names when the scorecard is generated.
    expect(await pause.inputValue()).toBe('');
    expect(await resolved.inputValue()).toBe('');

    await pause.fill('pending');
    await page.locator('#skpi-generate').click();
    await page.locator('.skpi-success').waitFor({ timeout: 60_000 });
    const hook = await page.evaluate(() => {
      const h = (window as unknown as { __serviceKpiPreview: Hook }).__serviceKpiPreview;
      return JSON.parse(JSON.stringify({ request: h.lastRequest, result: h.lastResult })) as { request: GenerateRequest; result: GenerateResult };
    });
    expect(hook.request.options.pauseStatuses).toEqual(['pending']);
    expect(hook.request.options).not.toHaveProperty('resolvedStatuses');
    expect(hook.result.notes.find((n) => n.startsWith('Status log "Status log"'))).toMatch(/resolved = solved, closed; pause \(the SLA clock stops\) = pending — found from the status names; as you listed them\./);

    // A status that is too long is marked at its field.
    await resolved.fill('x'.repeat(81));
    await expect.poll(() => page.locator('#skpi-resolved-error').textContent()).toBe('Enter at most 50 statuses of at most 80 characters each, separated by commas.');

    // Without a status column there is no status log: the fields go.
    await page.locator('details.skpi-sheet > summary').filter({ has: page.locator('.skpi-sheet-name', { hasText: /^Status log$/ }) }).click();
    await page.getByLabel('Role of column Status', { exact: true }).selectOption('');
    await expect.poll(() => page.locator('#skpi-pause').count()).toBe(0);
    await page.close();
  });
});
