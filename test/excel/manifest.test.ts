/**
 * manifest.xml checked offline (office-addin-manifest validate needs the network): well-formed,
 * schema order of the top-level elements, every resid resolving to a resource, the shared runtime
 * and the KPI namespace, and the base URL rewriting for production hosting: versioned URLs and the
 * German strings for every German locale. The checks of `npm run check:excel`
 * (scripts/excel-check.ts) pass on the built manifest and catch each kind of mistake.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_ORDER, checkManifest } from '../../scripts/excel-check.js';
import { GERMAN_LOCALES, manifestFor, manifestVersion, normaliseBaseUrl, versionedPage, withGermanLocales } from '../../scripts/excel-manifest.js';
import { allElements, child, parseXml } from '../../scripts/excel-xml.js';
import type { XmlElement } from '../../scripts/excel-xml.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const PROD = manifestFor(TEMPLATE, { baseUrl: 'https://kpi.example.com/addin/', version: '1.2.3' });

function resources(root: XmlElement): Map<string, string> {
  const out = new Map<string, string>();
  const res = allElements(root).find((e) => e.name === 'Resources');
  for (const e of allElements(res!)) {
    if (['bt:Image', 'bt:Url', 'bt:String'].includes(e.name)) {
      expect(out.has(e.attrs.id), `resource id ${e.attrs.id} is defined twice`).toBe(false);
      out.set(e.attrs.id, e.attrs.DefaultValue);
    }
  }
  return out;
}

describe('the manifest template', () => {
  const root = parseXml(TEMPLATE);

  it('is well-formed XML (and the checker rejects what is not)', () => {
    expect(root.name).toBe('OfficeApp');
    expect(() => parseXml('<a><b></a></b>')).toThrow(/not well-formed/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
    expect(() => parseXml('<a>fish & chips</a>')).toThrow(/not well-formed/);
    expect(() => parseXml('<!-- a -- b --><a/>')).toThrow(/comment/);
  });

  it('lists the top-level elements in schema order', () => {
    const names = root.children.map((c) => c.name);
    expect(names).toEqual([...SCHEMA_ORDER]);
  });

  it('has a fixed GUID id, a task-pane type and ReadWriteDocument permission', () => {
    expect(child(root, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(root, 'Permissions')!.text).toBe('ReadWriteDocument');
    expect(child(child(root, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
  });

  it('requires the shared runtime and custom-functions runtime 1.2 (error messages, error and data-type arguments)', () => {
    const sets = allElements(child(root, 'Requirements')!).filter((e) => e.name === 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['SharedRuntime', '1.1'], ['CustomFunctionsRuntime', '1.2']]);
  });

  it('has exactly one task pane id, so every button opens the same pane', () => {
    expect(allElements(root).filter((e) => e.name === 'TaskpaneId').map((e) => e.text)).toEqual(['ServiceKpi.Taskpane']);
  });

  it('resolves every resid to a resource of the right kind', () => {
    const kinds = new Map<string, string>();
    const res = allElements(root).find((e) => e.name === 'Resources')!;
    for (const e of allElements(res)) if (e.attrs.id) kinds.set(e.attrs.id, e.name);
    const URL_USERS = ['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'];
    const users = allElements(root).filter((e) => e.attrs.resid !== undefined);
    expect(users.length).toBeGreaterThan(10);
    for (const e of users) {
      const kind = kinds.get(e.attrs.resid);
      expect(kind, `${e.name} resid="${e.attrs.resid}"`).toBeDefined();
      const want = e.name === 'bt:Image' ? 'bt:Image' : URL_USERS.includes(e.name) ? 'bt:Url' : 'bt:String';
      expect(kind, `${e.name} resid="${e.attrs.resid}"`).toBe(want);
    }
  });

  it('runs the functions and the task pane in one long-lived shared runtime', () => {
    const runtime = allElements(root).find((e) => e.name === 'Runtime')!;
    expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
    const cf = allElements(root).find((e) => e.name === 'ExtensionPoint' && e.attrs['xsi:type'] === 'CustomFunctions')!;
    const res = resources(root);
    const source = (name: string) => child(child(cf, name)!, 'SourceLocation')!.attrs.resid;
    expect(res.get(source('Script'))).toBe('https://localhost:3000/functions.js');
    expect(source('Page')).toBe('Taskpane.Url');
    expect(res.get('Taskpane.Url')).toBe('https://localhost:3000/taskpane.html');
    expect(res.get(source('Metadata'))).toBe('https://localhost:3000/functions.json');
    expect(res.get(child(cf, 'Namespace')!.attrs.resid)).toBe('KPI');
    expect(child(cf, 'Namespace')!.attrs.resid).toBe('Functions.Namespace');
  });

  it('offers German help through a de-de override of the metadata URL', () => {
    const url = allElements(root).find((e) => e.name === 'bt:Url' && e.attrs.id === 'Functions.Metadata.Url')!;
    expect(child(url, 'bt:Override')!.attrs).toEqual({ Locale: 'de-de', Value: 'https://localhost:3000/functions-de.json' });
  });

  it('has a ribbon button that opens the task pane, with 16, 32 and 80 px icons', () => {
    const button = allElements(root).find((e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button')!;
    const action = child(button, 'Action')!;
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(child(action, 'SourceLocation')!.attrs.resid).toBe('Taskpane.Url');
    const sizes = child(button, 'Icon')!.children.map((i) => i.attrs.size);
    expect(sizes).toEqual(['16', '32', '80']);
    expect(child(root, 'IconUrl')!.attrs.DefaultValue).toMatch(/icon-32\.png$/);
    expect(child(root, 'HighResolutionIconUrl')!.attrs.DefaultValue).toMatch(/icon-64\.png$/);
  });

  it('points every URL at the development server https://localhost:3000', () => {
    const urls = TEMPLATE.match(/https?:\/\/[^"<\s]+/g)!.filter((u) => !u.includes('schemas.microsoft.com') && !u.includes('www.w3.org'));
    expect(urls.length).toBeGreaterThan(8);
    for (const u of urls) expect(u.startsWith('https://localhost:3000')).toBe(true);
  });
});

describe('npm run check:excel catches', () => {
  const broken = (from: string, to: string | RegExp, by: string): string[] => {
    const xml = PROD.replace(to, by);
    expect(xml, `the mutation of ${from} applies`).not.toBe(PROD);
    return checkManifest(xml).problems;
  };

  it('elements out of schema order', () => {
    const moved = PROD.replace(/\s*<ProviderName>[^<]*<\/ProviderName>/, '').replace('</Permissions>', '</Permissions>\n  <ProviderName>Service KPI</ProviderName>');
    expect(checkManifest(moved).problems.join('\n')).toMatch(/schema order/);
  });

  it('a resid that names nothing, or the wrong kind of resource', () => {
    expect(broken('resid', 'resid="Group.Label"', 'resid="Group.Labl"').join('\n')).toMatch(/Group\.Labl.*names no resource/);
    expect(broken('resid kind', '<Title resid="GetStarted.Title"/>', '<Title resid="Taskpane.Url"/>').join('\n')).toMatch(/names a bt:Url, not a bt:String/);
  });

  it('a German locale without its override', () => {
    expect(broken('de-CH', /\s*<bt:Override Locale="de-CH" Value="KPI-Scorecard"\/>/, '').join('\n')).toMatch(/TaskpaneButton\.Label has no de-CH override/);
    expect(broken('de-li metadata', /functions-de\.json\?v=1\.2\.3\.0"\/>(\s*<\/bt:Url>)/, 'functions.json?v=1.2.3.0"/>$1').join('\n')).toMatch(/de-li metadata override is not functions-de\.json/);
  });

  it('URLs that are not HTTPS, not on the app domain, or not versioned', () => {
    expect(broken('http', 'https://kpi.example.com/addin/help.html?v=1.2.3.0', 'http://kpi.example.com/addin/help.html?v=1.2.3.0').join('\n')).toMatch(/not HTTPS/);
    expect(broken('domain', 'https://kpi.example.com/addin/functions.js?v=1.2.3.0', 'https://cdn.example.net/functions.js?v=1.2.3.0').join('\n')).toMatch(/not on an app domain/);
    expect(broken('version', 'functions.json?v=1.2.3.0"', 'functions.json"').join('\n')).toMatch(/not versioned with \?v=1\.2\.3\.0/);
  });

  it('the old runtime requirement and a second task pane id', () => {
    expect(broken('CFR', 'Name="CustomFunctionsRuntime" MinVersion="1.2"', 'Name="CustomFunctionsRuntime" MinVersion="1.1"').join('\n')).toMatch(/CustomFunctionsRuntime must be at least 1\.2/);
    expect(broken('taskpane id', '<TaskpaneId>ServiceKpi.Taskpane</TaskpaneId>', '<TaskpaneId>ServiceKpi.Taskpane</TaskpaneId><TaskpaneId>Other</TaskpaneId>').join('\n')).toMatch(/expected one <TaskpaneId>, found 2/);
  });

  it('XML that is not well-formed', () => {
    expect(checkManifest(PROD.replace('</Hosts>', '')).problems[0]).toMatch(/not well-formed/);
  });
});

describe('the manifest for production hosting', () => {
  const root = parseXml(PROD);

  it('moves every URL to the base URL and leaves no localhost behind', () => {
    expect(PROD).not.toContain('localhost');
    const res = resources(root);
    expect(res.get('Functions.Script.Url')).toBe('https://kpi.example.com/addin/functions.js?v=1.2.3.0');
    expect(res.get('Taskpane.Url')).toBe('https://kpi.example.com/addin/taskpane.html?v=1.2.3.0');
    expect(child(child(root, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://kpi.example.com/addin/taskpane.html?v=1.2.3.0');
    // An app domain is an origin.
    expect(child(child(root, 'AppDomains')!, 'AppDomain')!.text).toBe('https://kpi.example.com');
    expect(child(root, 'Version')!.text).toBe('1.2.3.0');
    expect(root.children.map((c) => c.name)).toEqual([...SCHEMA_ORDER]);
  });

  it('passes every check of npm run check:excel', () => {
    const { problems, urls, version } = checkManifest(PROD);
    expect(problems).toEqual([]);
    expect(version).toBe('1.2.3.0');
    expect(urls.length).toBeGreaterThan(8);
  });

  it('versions every file URL with the manifest version, so a release is never served from the 24-hour cache', () => {
    const res = resources(root);
    expect(res.get('Functions.Metadata.Url')).toBe('https://kpi.example.com/addin/functions.json?v=1.2.3.0');
    expect(res.get('Functions.Script.Url')).toBe('https://kpi.example.com/addin/functions.js?v=1.2.3.0');
    // …and the page loads its own scripts the same way.
    const page = versionedPage('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script src="functions.js"></script><link rel="stylesheet" href="taskpane.css"><script src="taskpane.js"></script>', '1.2.3');
    expect(page).toBe('<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script><script src="functions.js?v=1.2.3.0"></script><link rel="stylesheet" href="taskpane.css?v=1.2.3.0"><script src="taskpane.js?v=1.2.3.0"></script>');
  });

  it('gives users in every German locale the German strings and functions-de.json', () => {
    const metadata = allElements(root).find((e) => e.name === 'bt:Url' && e.attrs.id === 'Functions.Metadata.Url')!;
    expect(metadata.children.map((o) => [o.attrs.Locale, o.attrs.Value])).toEqual(
      GERMAN_LOCALES.map((l) => [l.toLowerCase(), 'https://kpi.example.com/addin/functions-de.json?v=1.2.3.0']));
    const display = child(root, 'DisplayName')!;
    expect(display.children.map((o) => o.attrs.Locale)).toEqual([...GERMAN_LOCALES]);
    expect(new Set(display.children.map((o) => o.attrs.Value))).toEqual(new Set(['Service-KPI']));
    // Every string the template translates, in all five.
    const translated = allElements(parseXml(TEMPLATE)).filter((e) => e.children.some((c) => c.attrs.Locale?.toLowerCase() === 'de-de'));
    expect(translated.length).toBeGreaterThan(6);
    for (const e of allElements(root).filter((x) => x.children.some((c) => c.attrs.Locale?.toLowerCase() === 'de-de'))) {
      expect(e.children.map((c) => c.attrs.Locale.toLowerCase()), e.attrs.id ?? e.name).toEqual(GERMAN_LOCALES.map((l) => l.toLowerCase()));
    }
    expect(withGermanLocales('<a>\n  <Override Locale="de-DE" Value="x"/>\n</a>')).toBe(
      '<a>\n' + GERMAN_LOCALES.map((l) => `  <Override Locale="${l}" Value="x"/>`).join('\n') + '\n</a>');
  });

  it('refuses base URLs Office cannot load from', () => {
    expect(() => normaliseBaseUrl('http://kpi.example.com')).toThrow(/https/);
    expect(() => normaliseBaseUrl('kpi.example.com')).toThrow(/not a URL/);
    expect(() => normaliseBaseUrl('https://kpi.example.com/?v=1')).toThrow(/query/);
    expect(normaliseBaseUrl('https://kpi.example.com///')).toBe('https://kpi.example.com');
  });

  it('writes the package version with four parts', () => {
    expect(manifestVersion('0.1.0')).toBe('0.1.0.0');
    expect(manifestVersion('2.3.4-beta.1')).toBe('2.3.4.0');
  });
});
