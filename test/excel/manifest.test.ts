/**
 * manifest.xml checked offline (office-addin-manifest validate needs the network): well-formed,
 * schema order of the top-level elements, every resid resolving to a resource, the shared runtime
 * and the KPI namespace, and the base URL rewriting for production hosting.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestFor, manifestVersion, normaliseBaseUrl } from '../../scripts/excel-manifest.js';
import { allElements, child, parseXml } from '../helpers/excel-xml.js';
import type { XmlElement } from '../helpers/excel-xml.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATE = readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const PROD = manifestFor(TEMPLATE, { baseUrl: 'https://kpi.example.com/addin/', version: '1.2.3' });

/** The order the OfficeApp schema demands for the elements this manifest uses. */
const SCHEMA_ORDER = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'VersionOverrides',
];

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
    expect(names).toEqual(SCHEMA_ORDER);
  });

  it('has a fixed GUID id, a task-pane type and ReadWriteDocument permission', () => {
    expect(child(root, 'Id')!.text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(child(root, 'Permissions')!.text).toBe('ReadWriteDocument');
    expect(child(child(root, 'Hosts')!, 'Host')!.attrs.Name).toBe('Workbook');
  });

  it('requires the shared runtime and the custom-functions runtime', () => {
    const sets = allElements(child(root, 'Requirements')!).filter((e) => e.name === 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['SharedRuntime', '1.1'], ['CustomFunctionsRuntime', '1.1']]);
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

describe('the manifest for production hosting', () => {
  const root = parseXml(PROD);

  it('moves every URL to the base URL and leaves no localhost behind', () => {
    expect(PROD).not.toContain('localhost');
    const res = resources(root);
    expect(res.get('Functions.Script.Url')).toBe('https://kpi.example.com/addin/functions.js');
    expect(res.get('Taskpane.Url')).toBe('https://kpi.example.com/addin/taskpane.html');
    expect(child(child(root, 'DefaultSettings')!, 'SourceLocation')!.attrs.DefaultValue).toBe('https://kpi.example.com/addin/taskpane.html');
    // An app domain is an origin.
    expect(child(child(root, 'AppDomains')!, 'AppDomain')!.text).toBe('https://kpi.example.com');
    expect(child(root, 'Version')!.text).toBe('1.2.3.0');
    expect(root.children.map((c) => c.name)).toEqual(SCHEMA_ORDER);
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
