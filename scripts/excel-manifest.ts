/**
 * The deployed manifest from the root manifest.xml template: the package version, and every
 * development URL (https://localhost:3000) moved to the base URL the files are hosted at.
 */

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

export function manifestFor(template: string, options: { readonly baseUrl: string; readonly version: string }): string {
  const base = normaliseBaseUrl(options.baseUrl);
  const origin = new URL(base).origin;
  if (!/<Version>[^<]*<\/Version>/.test(template)) throw new Error('manifest.xml has no <Version>');
  return template
    .replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(options.version)}</Version>`)
    // An app domain is an origin, never a path.
    .replace(/<AppDomain>https:\/\/localhost:3000\/?<\/AppDomain>/g, `<AppDomain>${escapeXml(origin)}</AppDomain>`)
    .split(DEV_BASE_URL).join(escapeXml(base));
}
