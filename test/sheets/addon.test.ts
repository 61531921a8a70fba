/**
 * What `clasp push` uploads (dist/sheets-addon/) and the add-on's menu, run in one vm context with
 * recording fakes: the manifest's scopes, the files and their budgets, a self-contained sidebar
 * page, the top-level functions, the menu in AuthMode.NONE and in German, the dialogs.
 */
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG } from '../../core/catalog/index.js';
import { buildAddon, createAppsScriptFakes, loadScripts } from '../helpers/apps-script-fakes.js';
import type { AppsScriptFakes, BuiltAddon } from '../helpers/apps-script-fakes.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

const SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/script.container.ui',
];
const ADDON_CSS = 'https://ssl.gstatic.com/docs/script/css/add-ons1.css';

function open(locale = 'en'): { fakes: AppsScriptFakes; context: vm.Context; run(name: string, ...args: unknown[]): unknown } {
  const fakes = createAppsScriptFakes({ locale, sheets: [{ name: 'Data', rows: [['Score'], [9]] }] });
  fakes.htmlFiles.set('Sidebar', addon.read('Sidebar.html'));
  const context = loadScripts(addon.scripts, fakes.globals);
  return { fakes, context, run: (name, ...args) => (context[name] as (...a: unknown[]) => unknown)(...args) };
}

describe('what clasp pushes', () => {
  it('is the manifest, the two bundles, the generated stubs and server globals, and one sidebar page', async () => {
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(addon.dir).sort()).toEqual(['Code.js', 'KPI.js', 'Server.js', 'Sidebar.html', 'appsscript.json', 'functions.js']);
  });

  it('asks for exactly the two narrow scopes, in the root manifest and the pushed one', () => {
    for (const manifest of [readFileSync('appsscript.json', 'utf8'), addon.read('appsscript.json')]) {
      const m = JSON.parse(manifest) as Record<string, unknown>;
      expect(m.oauthScopes).toEqual(SCOPES);
      expect(m.runtimeVersion).toBe('V8');
      expect(m.dependencies).toEqual({});
      expect(m.exceptionLogging).toBe('STACKDRIVER');
      expect(typeof m.timeZone).toBe('string');
    }
  });

  it('is rebuilt whole before every push, so the default files `clasp create-script` pulls into it never reach the project', async () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['sheets:push']).toMatch(/^npm run build && npx -y @google\/clasp@3 push$/);
    // The build empties the folder first: a stale Code.js cannot survive it.
    const { writeFileSync, existsSync } = await import('node:fs');
    const path = await import('node:path');
    const { buildSheets } = await import('../../scripts/build-sheets.mjs');
    const stale = path.join(addon.dir, 'Untitled.js');
    writeFileSync(stale, 'function myFunction() {}');
    writeFileSync(path.join(addon.dir, 'Code.js'), 'function myFunction() {}');
    await buildSheets({ outDir: addon.dir, sidebarDir: path.join(path.dirname(addon.dir), 'sidebar') });
    expect(existsSync(stale)).toBe(false);
    expect(addon.read('Code.js')).toMatch(/function skpiGenerate\(/);
    // docs/sheets.md states the step exactly: create into dist/sheets-addon, then npm run sheets:push.
    const doc = readFileSync('docs/sheets.md', 'utf8');
    expect(doc).toMatch(/npx -y @google\/clasp@3 create-script --type sheets --title "Service KPI" --rootDir dist\/sheets-addon\n\s*npm run sheets:push\n/);
    expect(doc).toMatch(/never a bare `clasp push`/);
  });

  it('keeps the custom-function bundle within its 150 KB budget', () => {
    const size = Buffer.byteLength(addon.read('KPI.js'));
    expect(size).toBeLessThanOrEqual(150 * 1024);
    expect(addon.read('KPI.js')).toMatch(/var KPI\s*=/);
  });

  it('serves a self-contained sidebar: inline script and styles, no external URL but Google\'s add-on CSS', () => {
    const html = addon.read('Sidebar.html');
    expect(html).not.toMatch(/<script[^>]*\ssrc\s*=/i);
    const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => m[0]);
    expect(links).toEqual([`<link rel="stylesheet" href="${ADDON_CSS}">`]);
    expect(html).not.toMatch(/\bsrc\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/url\(\s*["']?(?:https?:)?\/\//i);
    const external = [...html.matchAll(/\b(?:href|src|action)\s*=\s*["']?((?:https?:)?\/\/[^"'\s>]+)/gi)].map((m) => m[1]);
    expect(external).toEqual([ADDON_CSS]);
    expect(html).toMatch(/<body class="host-sheets">/);
    expect(html).toContain('id="service-kpi-sidebar"');
    // The Sheets bridge comes before the sidebar bundle, and no script ends early.
    expect(html.indexOf('skpiReadOutline')).toBeGreaterThan(0);
    expect(html.indexOf('skpiReadOutline')).toBeLessThan(html.indexOf('ServiceKpiSidebar'));
    expect(html.match(/<script>/g)).toHaveLength(2);
    expect(html.match(/<\/script>/gi)).toHaveLength(2);
    expect(html).not.toContain('<!-- service-kpi:');
  });

  it('sets the Sheets bridge on window before the sidebar mounts', () => {
    const html = addon.read('Sidebar.html');
    const bridge = [...html.matchAll(/<script>\n([\s\S]*?)\n<\/script>/g)][0][1];
    const window: Record<string, unknown> = {};
    vm.runInNewContext(bridge, { window, google: { script: { run: {} } } });
    expect((window.serviceKpiBridge as { host: string }).host).toBe('sheets');
  });
});

describe('the top-level functions', () => {
  it('define the menu, trigger and sidebar entry points, none of them a custom function', () => {
    const { context } = open();
    for (const name of ['onOpen', 'onInstall', 'showSidebar', 'enableFunctions', 'showHelp', 'skpiLanguage', 'skpiReadOutline', 'skpiReadSettings', 'skpiWriteSettings', 'skpiGenerate']) {
      expect(typeof context[name], name).toBe('function');
    }
    expect(addon.read('Code.js')).not.toContain('@customfunction');
  });

  it('evaluate the scorecard server only when the menu or the sidebar needs it, never for a cell', () => {
    const { context, run } = open();
    expect(run('NPS', [[9], [10], [3]])).toBeCloseTo(100 / 3, 9);
    expect((context.skpiServer_ as { module?: unknown }).module).toBeUndefined();
    run('onOpen', { authMode: 'NONE' });
    expect((context.skpiServer_ as { module?: unknown }).module).toBeDefined();
  });
});

describe('the menu', () => {
  it('is built in AuthMode.NONE with English labels and no other service', () => {
    const { fakes, run } = open('de');
    run('onOpen', { authMode: 'NONE' });
    expect(fakes.ui.menus).toEqual([{
      items: [
        { label: 'Generate scorecard…', fn: 'showSidebar' },
        { label: 'Enable functions in this spreadsheet', fn: 'enableFunctions' },
        { label: 'Help', fn: 'showHelp' },
      ],
      separators: 1,
      added: true,
    }]);
    expect(fakes.log.calls.filter((c) => !/^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.)/.test(c))).toEqual([]);
  });

  it('speaks German to a German user once the add-on may ask', () => {
    const { fakes, run } = open('de_DE');
    run('onOpen', { authMode: 'LIMITED' });
    expect(fakes.ui.menus[0].items.map((i) => i.label)).toEqual(['Scorecard erstellen …', 'Funktionen in dieser Tabelle aktivieren', 'Hilfe']);
  });

  it('is added on install too', () => {
    const { fakes, run } = open('en');
    run('onInstall', { authMode: 'FULL' });
    expect(fakes.ui.menus).toHaveLength(1);
    expect(fakes.ui.menus[0].added).toBe(true);
  });

  it('points only at functions that exist', () => {
    const { fakes, context, run } = open('en');
    run('onOpen');
    for (const item of fakes.ui.menus[0].items) expect(typeof context[item.fn], item.fn).toBe('function');
  });
});

describe('the menu items', () => {
  it('"Generate scorecard…" opens Sidebar.html as the sidebar', () => {
    const { fakes, run } = open('de');
    run('showSidebar');
    expect(fakes.ui.sidebars).toEqual([{ title: 'KPI-Scorecard', content: addon.read('Sidebar.html') }]);
  });

  it('"Enable functions in this spreadsheet" confirms with a toast', () => {
    const en = open('en');
    en.run('enableFunctions');
    expect(en.fakes.spreadsheet.toasts).toEqual([{ msg: expect.stringContaining('enabled in this spreadsheet') as unknown as string, title: 'Service KPI' }]);
    const de = open('de');
    de.run('enableFunctions');
    expect(de.fakes.spreadsheet.toasts[0].msg).toContain('aktiviert');
  });

  it('"Help" lists every function with its arguments and example, escaped', () => {
    const { fakes, run } = open('en');
    run('showHelp');
    const [dialog] = fakes.ui.dialogs;
    expect(dialog.title).toBe('Service KPI functions');
    for (const f of CATALOG) expect(dialog.content).toContain(`<code>=${f.name}(`);
    expect(dialog.content).toContain('=CSAT(ratings, [scale_max], [threshold])');
    expect(dialog.content).toContain('KPI_BY_PERIOD(kpi, dates, period, args…)');
    expect(dialog.content).not.toMatch(/<script/i);
    expect(dialog.content).toContain('&quot;');
  });

  it('tells the sidebar the user\'s language', () => {
    expect(open('de_AT').run('skpiLanguage')).toBe('de');
    expect(open('de').run('skpiLanguage')).toBe('de');
    expect(open('fr').run('skpiLanguage')).toBe('en');
    expect(open('en_GB').run('skpiLanguage')).toBe('en');
  });
});
