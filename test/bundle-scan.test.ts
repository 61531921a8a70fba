/**
 * What the shipped bundles may contain: no network access (fetch, XMLHttpRequest, UrlFetchApp,
 * WebSocket …), no code built from strings (eval, new Function) — Office pages may forbid it and
 * it is never needed — and no address other than the few the add-ons are meant to load.
 * zod is the only dependency with an eval path (its JIT check, `new Function("")`); every bundle
 * that carries zod must switch it off with `z.config({ jitless: true })`.
 *
 * Reads dist/ as `npm run build` left it (`npm test` builds first); the CLI bundle is checked when
 * it is built.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';

const DIST = path.resolve('dist');

/** Every shipped JavaScript and HTML file (the CLI's bundle only when built). */
function shipped(): { file: string; text: string }[] {
  const files = [
    'excel-addin/functions.js', 'excel-addin/taskpane.js', 'excel-addin/taskpane.html',
    'sidebar/sidebar.js', 'sidebar/sidebar.html', 'index.js', 'cli.js',
    ...(existsSync(path.join(DIST, 'sheets-addon')) ? readdirSync(path.join(DIST, 'sheets-addon')).filter((f) => /\.(js|html)$/.test(f)).map((f) => `sheets-addon/${f}`) : []),
  ];
  return files.filter((f) => f !== 'cli.js' || existsSync(path.join(DIST, f))).map((file) => ({ file, text: readFileSync(path.join(DIST, file), 'utf8') }));
}

/**
 * Sources that end up in a bundle. scripts/ only builds; test/, bench/ and the sidebar's preview
 * page (a local development page that loads the sample over HTTP) are not shipped.
 */
function ourSources(): string[] {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return p === path.join('sidebar', 'preview') ? [] : walk(p);
    return /\.(ts|js|mjs|html)$/.test(e.name) ? [p] : [];
  });
  return ['core', 'sidebar', 'excel-addin', 'sheets-addon', 'cli', 'bin'].filter((d) => existsSync(d)).flatMap(walk);
}

const NETWORK = /\bfetch\s*\(|\bXMLHttpRequest\b|\bUrlFetchApp\b|\bWebSocket\b|\bEventSource\b|\bsendBeacon\b|\bimportScripts\s*\(|\bnavigator\.serviceWorker\b/;
const STRING_CODE = /(?<![\w$.])eval\s*\(|\bnew\s+Function\b|(?<![\w$.])Function\s*\(|\bset(?:Timeout|Interval)\s*\(\s*['"`]/;

/** The addresses a shipped file may hold, and why. */
const ALLOWED_URLS: readonly { url: RegExp; why: string }[] = [
  { url: /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js$/, why: 'Office.js, loaded from Microsoft as Office requires' },
  { url: /^https:\/\/ssl\.gstatic\.com\/docs\/script\/css\/add-ons1\.css$/, why: "Google's add-on stylesheet for the Sheets sidebar" },
  { url: /^https:\/\/www\.googleapis\.com\/auth\/(spreadsheets\.currentonly|script\.container\.ui)$/, why: 'the two OAuth scopes (names, never fetched)' },
  { url: /^https?:\/\/json-schema\.org\/[\w./-]*schema$/, why: "zod's JSON-schema identifiers (names, never fetched)" },
  { url: /^http:\/\/www\.w3\.org\/(2000\/svg|1999\/xhtml|XML\/1998\/namespace)$/, why: 'SVG/XML namespace names' },
];

describe('the shipped bundles', () => {
  const files = shipped();

  it('are all built', () => {
    const names = files.map((f) => f.file);
    for (const f of ['excel-addin/functions.js', 'excel-addin/taskpane.js', 'sheets-addon/KPI.js', 'sheets-addon/Server.js', 'sheets-addon/Sidebar.html', 'sidebar/sidebar.js', 'index.js']) {
      expect(names, `dist/${f} is missing: run npm run build`).toContain(f);
    }
  });

  it('never reach the network: no fetch, XMLHttpRequest, UrlFetchApp, WebSocket, EventSource or sendBeacon', () => {
    const offenders = files.filter((f) => NETWORK.test(f.text)).map((f) => `${f.file}: ${NETWORK.exec(f.text)![0]}`);
    expect(offenders).toEqual([]);
  });

  it('never build code from strings: no eval, new Function, Function(…) or string timers', () => {
    const offenders = files.filter((f) => STRING_CODE.test(f.text)).map((f) => `${f.file}: …${f.text.slice(Math.max(0, STRING_CODE.exec(f.text)!.index - 40), STRING_CODE.exec(f.text)!.index + 40)}…`);
    expect(offenders).toEqual([]);
  });

  it('switch zod to jitless wherever zod is bundled', () => {
    // zod's JIT check holds a reference to the Function constructor; jitless keeps it from running.
    const withZod = files.filter((f) => /\bjitless\b/.test(f.text) || /[=:,(]\s*Function\s*[;,)]/.test(f.text));
    for (const f of withZod) {
      expect(/jitless\s*:\s*(true|!0)/.test(f.text), `${f.file} bundles zod without z.config({ jitless: true })`).toBe(true);
    }
    // The sidebar and the Sheets server validate settings with zod: both must be among them.
    expect(withZod.map((f) => f.file)).toEqual(expect.arrayContaining(['sidebar/sidebar.js', 'sheets-addon/Server.js']));
  });

  it('hold no address other than Office.js, the Sheets add-on stylesheet and names that are never fetched', () => {
    const found = new Set<string>();
    for (const f of files) for (const m of f.text.matchAll(/\bhttps?:\/\/[A-Za-z0-9.-]+\.[a-z]{2,}(?:\/[\w./%?=&-]*)?/g)) found.add(`${f.file} ${m[0].replace(/[.)]+$/, '')}`);
    const unexpected = [...found].filter((entry) => !ALLOWED_URLS.some((a) => a.url.test(entry.split(' ')[1])));
    expect(unexpected).toEqual([]);
  });

  it('run without any code generation from strings (a vm context that forbids it)', () => {
    const noCodegen = { codeGeneration: { strings: false, wasm: false } };
    // Excel: every catalog function registered and callable.
    const associated = new Map<string, (...a: unknown[]) => unknown>();
    class CfError extends Error {
      constructor(readonly code: string, message?: string) { super(message); }
    }
    const excel = vm.createContext({ CustomFunctions: { associate: (id: string, f: (...a: unknown[]) => unknown) => associated.set(id, f), Error: CfError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } } }, noCodegen);
    vm.runInContext(readFileSync(path.join(DIST, 'excel-addin/functions.js'), 'utf8'), excel);
    expect(associated.size).toBeGreaterThanOrEqual(35);
    expect(associated.get('NPS')!([[10], [9], [3], [null]])).toBeCloseTo(100 / 3, 9);
    for (const [id, f] of associated) {
      try {
        f([[1], [2]], [[3], [4]], null, null, null, null, null);
      } catch (e) {
        // Bad input is expected for many; a code-generation attempt is not.
        expect(e, id).toBeInstanceOf(CfError);
      }
    }
    // Sheets: the whole project in one scope; a custom function and the settings round trip (zod).
    const props = new Map<string, string>();
    const sheets = vm.createContext({
      SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => 'Europe/Berlin' }), getActiveSpreadsheet: () => ({ getSpreadsheetTimeZone: () => 'Europe/Berlin' }) },
      PropertiesService: { getDocumentProperties: () => ({ getProperty: (k: string) => props.get(k) ?? null, setProperty: (k: string, v: string) => void props.set(k, v), deleteProperty: (k: string) => void props.delete(k) }) },
      console,
    }, noCodegen);
    const dir = path.join(DIST, 'sheets-addon');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.js')).sort()) vm.runInContext(readFileSync(path.join(dir, f), 'utf8'), sheets, { filename: f });
    expect((sheets.NPS as (x: unknown) => unknown)([[10], [9], [3], ['']])).toBeCloseTo(100 / 3, 9);
    const read = sheets.skpiReadSettings as (() => unknown) | undefined;
    if (read) {
      // Whatever it answers, it must not need eval to validate (zod runs jitless).
      expect(() => read()).not.toThrow(EvalError);
    }
  });
});

describe('our sources', () => {
  it('never build code from strings', () => {
    const offenders = ourSources().filter((file) => STRING_CODE.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(offenders).toEqual([]);
  });

  it('never reach the network', () => {
    const offenders = ourSources().filter((file) => NETWORK.test(readFileSync(file, 'utf8').replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(offenders).toEqual([]);
  });

  it('configure zod jitless in every module that imports it', () => {
    const offenders = ourSources().filter((file) => {
      const text = readFileSync(file, 'utf8');
      const imports = /^import (?!type\b)[^;]*from ['"]zod(\/mini)?['"]/m.test(text);
      return imports && !/z\.config\(\{\s*jitless:\s*true\s*\}\)/.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
