/**
 * The deployed manifest from the root manifest.xml template:
 * - the package version as the manifest <Version>;
 * - every development URL (https://localhost:3000) moved to the base URL the files are hosted at,
 *   each file URL versioned (`?v=1.2.3`): Office caches functions.json and functions.js for up to
 *   24 hours (office-js #4722) and only a new manifest version makes it fetch them at once, so a
 *   release changes both;
 * - every German override of the template (written once, for de-DE) repeated for each German
 *   locale: Office matches override locales exactly, so de-AT, de-CH, de-LU and de-LI users would
 *   otherwise get the English strings and the English functions.json.
 */

/** The locales that get the German strings and functions-de.json (de-DE first: the template's). */
export const GERMAN_LOCALES = ['de-DE', 'de-AT', 'de-CH', 'de-LU', 'de-LI'] as const;

export const DEV_BASE_URL = 'https://localhost:3000';

/** A base URL as the manifest uses it: https, no trailing slash, no query or fragment. */
export function normaliseBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`base URL "${raw}" is not a URL (expected e.g. https://kpi.example.com/addin)`);
  }
  if (url.protocol !== 'https:') throw new Error(`base URL "${raw}" must use https: Office loads add-ins only over HTTPS`);
  if (url.search || url.hash) throw new Error(`base URL "${raw}" must not have a query or a fragment`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** `0.1.0` → `0.1.0.0` (the manifest wants four parts); pre-release tags are dropped. */
export function manifestVersion(packageVersion: string): string {
  const parts = packageVersion.split(/[-+]/)[0].split('.').filter((p) => /^\d+$/.test(p));
  while (parts.length < 4) parts.push('0');
  return parts.slice(0, 4).join('.');
}

const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The query that versions a file URL: `v=` and the manifest version. */
export function versionQuery(version: string): string {
  return `v=${manifestVersion(version)}`;
}

/** Each `<Override Locale="de-DE" …/>` (and `<bt:Override …>`) line, repeated for every German locale. */
export function withGermanLocales(xml: string): string {
  return xml.replace(/^([ \t]*)<((?:bt:)?Override) Locale="(de-de)"([^>]*)\/>[ \t]*$/gim, (_m, indent: string, tag: string, locale: string, rest: string) =>
    GERMAN_LOCALES.map((l) => `${indent}<${tag} Locale="${locale === 'de-de' ? l.toLowerCase() : l}"${rest}/>`).join('\n'));
}

export function manifestFor(template: string, options: { readonly baseUrl: string; readonly version: string }): string {
  const base = normaliseBaseUrl(options.baseUrl);
  const origin = new URL(base).origin;
  if (!/<Version>[^<]*<\/Version>/.test(template)) throw new Error('manifest.xml has no <Version>');
  const query = versionQuery(options.version);
  return withGermanLocales(template)
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(options.version)}</Version>`)
    // An app domain is an origin, never a path, and never versioned.
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${escapeXml(origin)}</AppDomain>`)
    .replace(/https:\/\/localhost:3000(\/[^"<\s?]*)/g, (_m, file: string) => `${escapeXml(base)}${file}?${query}`)
    // What is left are mentions in comments.
    .split(DEV_BASE_URL).join(escapeXml(base));
}

/** The task pane page with its own files versioned like the manifest's (`functions.js?v=…`). */
export function versionedPage(html: string, version: string): string {
  const query = versionQuery(version);
  return html.replace(/(<(?:script|link)\b[^>]*\b(?:src|href)=")(?!https?:|\/\/)([^"?#]+\.(?:js|css))"/g, (_m, head: string, file: string) => `${head}${file}?${query}"`);
}
