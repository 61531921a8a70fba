/**
 * The built Sidebar.html opened in chromium as Apps Script serves it: its google.script.run calls
 * are routed to the built server scripts running in a vm context over the fake spreadsheet, so
 * what the page shows comes from the add-on's own code reading the fake. No request leaves the
 * page except Google's add-on stylesheet (answered locally).
 */
import type { Page } from 'playwright-core';
import type { Browser } from './browser.js';
import { createAppsScriptFakes, loadScripts } from './apps-script-fakes.js';
import type { AppsScriptFakes, BuiltAddon, FakeSheetInit } from './apps-script-fakes.js';

export const ADDON_CSS = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';
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

export interface SheetsSidebarSession {
  readonly page: Page;
  readonly fakes: AppsScriptFakes;
  /** URLs the page requested (other than itself). */
  readonly requests: string[];
  /** Server functions the page called, in order. */
  readonly calls: string[];
}

export interface SheetsSidebarOptions {
  readonly sheets: readonly FakeSheetInit[];
  readonly locale?: string;
  readonly timeZone?: string;
  /** Makes skpiReadOutline fail with this message. */
  readonly failOutline?: string;
}

export async function openSheetsSidebar(browser: Browser, addon: BuiltAddon, options: SheetsSidebarOptions): Promise<SheetsSidebarSession> {
  const fakes = createAppsScriptFakes({ timeZone: options.timeZone ?? 'UTC', locale: options.locale ?? 'en', sheets: options.sheets });
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
