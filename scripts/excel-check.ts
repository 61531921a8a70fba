/**
 * `npm run check:excel [-- --dir dist/excel-addin] [--base-url https://kpi.example.com/addin]`:
 * checks the BUILT manifest offline (office-addin-manifest validate needs the network) and, given
 * the base URL the add-in is hosted at, that the host sends what Excel on the web needs.
 *
 * Offline: well-formed XML; the top-level elements in the order the OfficeApp schema demands; every
 * resid resolving to a resource of the right kind; the shared runtime and CustomFunctionsRuntime
 * 1.2; one task pane id; every German override present for each German locale, and the German
 * metadata URL pointing at functions-de.json; every URL on HTTPS, on the app domain, versioned with
 * the manifest's version (Office caches add-in files for up to 24 hours) and naming a file the build
 * wrote.
 * Online (--base-url): Excel on the web fetches functions.json and functions-de.json from another
 * origin, so the host must answer them with an Access-Control-Allow-Origin header.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GERMAN_LOCALES, versionQuery } from './excel-manifest.js';
import { allElements, child, parseXml } from './excel-xml.js';
import type { XmlElement } from './excel-xml.js';

/** The order the OfficeApp schema demands for the top-level elements this manifest uses. */
export const SCHEMA_ORDER = [
  'Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl',
  'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings',
  'Permissions', 'VersionOverrides',
] as const;

/** Elements whose resid names a URL (bt:Url); bt:Image names images; everything else a string. */
const URL_USERS = ['SourceLocation', 'Runtime', 'FunctionFile', 'LearnMoreUrl'];

/** The origin Excel on the web fetches the metadata from (any Office origin will do for the check). */
export const EXCEL_WEB_ORIGIN = 'https://excel.officeapps.live.com';

const versionAtLeast = (have: string | undefined, want: string): boolean => {
  const [a = 0, b = 0] = (have ?? '').split('.').map(Number);
  const [c = 0, d = 0] = want.split('.').map(Number);
  return a > c || (a === c && b >= d);
};

export interface ManifestCheck {
  readonly problems: string[];
  /** Every URL of the manifest (AppDomains excepted). */
  readonly urls: string[];
  readonly version: string;
}

/**
 * Checks a built manifest. With `dir`, every file a URL names must exist there (the URL's path
 * below the base URL, which is the common folder of the task pane page).
 */
export function checkManifest(xml: string, dir?: string): ManifestCheck {
  const problems: string[] = [];
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    return { problems: [`manifest.xml: ${(e as Error).message}`], urls: [], version: '' };
  }
  const version = child(root, 'Version')?.text.trim() ?? '';

  // Element order.
  const names = root.children.map((c) => c.name);
  const known = names.filter((n) => (SCHEMA_ORDER as readonly string[]).includes(n));
  const expected = SCHEMA_ORDER.filter((n) => names.includes(n));
  if (known.join() !== expected.join()) problems.push(`top-level elements out of schema order: ${known.join(', ')} (expected ${expected.join(', ')})`);
  for (const required of ['Id', 'Version', 'DefaultLocale', 'Requirements', 'VersionOverrides']) {
    if (!names.includes(required)) problems.push(`<${required}> is missing`);
  }
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(version)) problems.push(`<Version> "${version}" is not four numbers`);

  // Resources and resids.
  const resources = new Map<string, XmlElement>();
  const res = allElements(root).find((e) => e.name === 'Resources');
  if (!res) problems.push('<Resources> is missing');
  else {
    for (const e of allElements(res)) {
      if (!['bt:Image', 'bt:Url', 'bt:String'].includes(e.name)) continue;
      if (resources.has(e.attrs.id)) problems.push(`resource id ${e.attrs.id} is defined twice`);
      resources.set(e.attrs.id, e);
    }
  }
  for (const e of allElements(root).filter((x) => x.attrs.resid !== undefined)) {
    const target = resources.get(e.attrs.resid);
    const want = e.name === 'bt:Image' ? 'bt:Image' : URL_USERS.includes(e.name) ? 'bt:Url' : 'bt:String';
    if (!target) problems.push(`<${e.name} resid="${e.attrs.resid}"> names no resource`);
    else if (target.name !== want) problems.push(`<${e.name} resid="${e.attrs.resid}"> names a ${target.name}, not a ${want}`);
  }

  // Requirements: the shared runtime and the custom-functions features the code uses.
  const sets = new Map(allElements(child(root, 'Requirements') ?? root).filter((e) => e.name === 'Set').map((e) => [e.attrs.Name, e.attrs.MinVersion]));
  if (!versionAtLeast(sets.get('SharedRuntime'), '1.1')) problems.push('the SharedRuntime 1.1 requirement is missing');
  if (!versionAtLeast(sets.get('CustomFunctionsRuntime'), '1.2')) problems.push(`CustomFunctionsRuntime must be at least 1.2 (error messages, allowErrorForDataTypeAny), not ${sets.get('CustomFunctionsRuntime') ?? 'missing'}`);
  const taskpaneIds = new Set(allElements(root).filter((e) => e.name === 'TaskpaneId').map((e) => e.text.trim()));
  if (taskpaneIds.size !== 1) problems.push(`expected one <TaskpaneId>, found ${taskpaneIds.size}`);

  // German overrides: a string or URL with a German override has one for every German locale.
  for (const e of allElements(root)) {
    const overrides = e.children.filter((c) => c.name === 'Override' || c.name === 'bt:Override');
    const locales = new Set(overrides.map((o) => (o.attrs.Locale ?? '').toLowerCase()));
    if (![...locales].some((l) => l.startsWith('de-'))) continue;
    const what = e.attrs.id ? `${e.name} ${e.attrs.id}` : e.name;
    for (const l of GERMAN_LOCALES) if (!locales.has(l.toLowerCase())) problems.push(`${what} has no ${l} override`);
    const values = new Set(overrides.filter((o) => (o.attrs.Locale ?? '').toLowerCase().startsWith('de-')).map((o) => o.attrs.Value));
    if (values.size > 1) problems.push(`${what}: the German overrides differ`);
  }
  const metadata = resources.get('Functions.Metadata.Url');
  if (metadata) {
    for (const o of metadata.children.filter((c) => c.name === 'bt:Override')) {
      if (!/\/functions-de\.json(\?|$)/.test(o.attrs.Value ?? '')) problems.push(`the ${o.attrs.Locale} metadata override is not functions-de.json: ${o.attrs.Value}`);
    }
  }

  // URLs.
  const domains = allElements(child(root, 'AppDomains') ?? root).filter((e) => e.name === 'AppDomain').map((e) => e.text.trim());
  const urls: string[] = [];
  for (const e of allElements(root)) {
    for (const [k, v] of Object.entries(e.attrs)) {
      if ((k === 'DefaultValue' || k === 'Value') && /^[a-z]+:\/\//i.test(v)) urls.push(v);
    }
  }
  const page = resources.get('Taskpane.Url')?.attrs.DefaultValue;
  const base = page ? page.replace(/[^/]*$/, '') : undefined;
  const query = /^\d+\.\d+\.\d+\.\d+$/.test(version) ? versionQuery(version) : undefined;
  for (const u of urls) {
    let url: URL;
    try {
      url = new URL(u);
    } catch {
      problems.push(`not a URL: ${u}`);
      continue;
    }
    if (url.protocol !== 'https:') problems.push(`not HTTPS: ${u}`);
    if (!domains.includes(url.origin)) problems.push(`not on an app domain (${domains.join(', ') || 'none'}): ${u}`);
    if (query && url.search !== `?${query}`) problems.push(`not versioned with ?${query} (Office caches add-in files for up to 24 hours): ${u}`);
    if (dir && base && u.startsWith(base)) {
      const file = path.join(dir, decodeURIComponent(url.pathname.slice(new URL(base).pathname.length)));
      if (!existsSync(file)) problems.push(`no file for ${u} (expected ${path.relative(process.cwd(), file)})`);
    }
  }
  if (domains.some((d) => d !== new URL(d).origin)) problems.push(`an app domain must be an origin: ${domains.join(', ')}`);
  return { problems, urls, version };
}

export type Fetch = (url: string, init: { method: string; headers: Record<string, string> }) => Promise<{ status: number; headers: { get(name: string): string | null } }>;

/**
 * Asks the host for the metadata files as Excel on the web does (a GET from another origin) and
 * reports what would stop Excel: a failed request, or no Access-Control-Allow-Origin for that origin.
 */
export async function checkCors(baseUrl: string, version: string, fetcher: Fetch = fetch as unknown as Fetch): Promise<string[]> {
  const problems: string[] = [];
  const base = baseUrl.replace(/\/+$/, '');
  for (const file of ['functions.json', 'functions-de.json']) {
    const url = `${base}/${file}?${versionQuery(version)}`;
    try {
      const res = await fetcher(url, { method: 'GET', headers: { Origin: EXCEL_WEB_ORIGIN } });
      const allowed = res.headers.get('access-control-allow-origin');
      if (res.status !== 200) problems.push(`${url}: HTTP ${res.status}`);
      else if (allowed !== '*' && allowed !== EXCEL_WEB_ORIGIN) {
        problems.push(`${url}: no Access-Control-Allow-Origin for ${EXCEL_WEB_ORIGIN} (got ${allowed === null ? 'none' : `"${allowed}"`}); Excel on the web cannot read the function metadata`);
      }
    } catch (e) {
      problems.push(`${url}: ${(e as Error).message}`);
    }
  }
  return problems;
}

function argValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const dir = path.resolve(argValue(argv, '--dir') ?? path.join(root, 'dist/excel-addin'));
  const file = path.join(dir, 'manifest.xml');
  if (!existsSync(file)) {
    console.error(`${path.relative(process.cwd(), file)} is missing: run npm run build first`);
    return 1;
  }
  const { problems, urls, version } = checkManifest(readFileSync(file, 'utf8'), dir);
  const baseUrl = argValue(argv, '--base-url');
  if (baseUrl) problems.push(...await checkCors(baseUrl, version));
  if (problems.length > 0) {
    console.error(`${path.relative(process.cwd(), file)}: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
    return 1;
  }
  console.log(`${path.relative(process.cwd(), file)}: version ${version}, ${urls.length} URLs, all checks passed${baseUrl ? ` (CORS checked at ${baseUrl})` : ' (pass --base-url URL to check the host\'s CORS header)'}`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exitCode = await main();
}
