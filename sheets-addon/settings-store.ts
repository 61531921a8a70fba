/**
 * The scorecard settings of one spreadsheet (roles, targets, options) in the add-on's document
 * properties: private to the add-on and to this file, shared by everyone who opens it. One call
 * reads them all, one call writes them all.
 *
 * Apps Script's limits ("Quotas for Google Services", Current limitations): "Properties value size
 * 9 KB / val" and "Properties total storage 500 KB / property store". So each part is stored as JSON
 * in chunks of at most 3,000 characters (≤ 9,000 bytes even in UTF-8's worst case):
 * `service-kpi.roles.0`, `.1`, … with the chunk counts under `service-kpi.chunks`; and settings
 * whose keys and values together exceed 500 KB are refused with a message, before anything is
 * written (Apps Script would throw a storage-quota exception part-way).
 */
/// <reference types="google-apps-script" />
import type { StoredSettings } from '../core/scorecard/types.js';
import type { Lang } from './texts.js';

/** The Properties limits, with "KB" read as 1,000 bytes (the stricter reading). */
export const PROPERTY_LIMITS = { valueBytes: 9_000, storeBytes: 500_000 } as const;

export const PREFIX = 'service-kpi.';
const PARTS = ['roles', 'targets', 'options'] as const;
type Part = (typeof PARTS)[number];
const CHUNK = 3000;

/** Property key/value pairs for settings (pure, for the tests). */
export function settingsToProperties(settings: StoredSettings): Record<string, string> {
  const out: Record<string, string> = { [`${PREFIX}version`]: String(settings.version) };
  const counts: Partial<Record<Part, number>> = {};
  for (const part of PARTS) {
    const json = JSON.stringify(settings[part]);
    let n = 0;
    for (let i = 0; i < json.length || n === 0; i += CHUNK) out[`${PREFIX}${part}.${n++}`] = json.slice(i, i + CHUNK);
    counts[part] = n;
  }
  out[`${PREFIX}chunks`] = JSON.stringify(counts);
  return out;
}

/**
 * The stored settings as raw data (the sidebar validates them), null when none were stored.
 * Throws when they are there but cannot be read.
 */
export function settingsFromProperties(props: Readonly<Record<string, string>>): unknown {
  const chunks = props[`${PREFIX}chunks`];
  if (chunks === undefined) return null;
  try {
    const counts = JSON.parse(chunks) as Partial<Record<Part, number>>;
    const out: Record<string, unknown> = { version: Number(props[`${PREFIX}version`]) };
    for (const part of PARTS) {
      let json = '';
      const n = counts[part] ?? 0;
      for (let i = 0; i < n; i++) {
        const piece = props[`${PREFIX}${part}.${i}`];
        if (piece === undefined) throw new Error(`part ${part}.${i} is missing`);
        json += piece;
      }
      out[part] = JSON.parse(json) as unknown;
    }
    return out;
  } catch (e) {
    throw new Error(`the scorecard settings stored in this spreadsheet cannot be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

export function readStoredSettings(): unknown {
  return settingsFromProperties(PropertiesService.getDocumentProperties().getProperties());
}

/** UTF-8 bytes of a string (what the property store counts), without a service call. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Bytes the properties take in the store: keys and values. */
export function storedBytes(props: Readonly<Record<string, string>>): number {
  let n = 0;
  for (const [k, v] of Object.entries(props)) n += utf8Length(k) + utf8Length(v);
  return n;
}

const TOO_LARGE = {
  en: 'The scorecard settings take {size} KB, more than the {limit} KB Google Sheets keeps for an add-on in one spreadsheet. Nothing was saved. Shorten long texts (brand attributes) or remove column roles you do not use.',
  de: 'Die Scorecard-Einstellungen belegen {size} KB, mehr als die {limit} KB, die Google Tabellen für ein Add-on in einer Tabelle speichert. Es wurde nichts gespeichert. Kürzen Sie lange Texte (Markenattribute) oder entfernen Sie Spaltenrollen, die Sie nicht brauchen.',
} as const;

/** The message for settings over the store's limit, or undefined when they fit. */
export function settingsSizeProblem(props: Readonly<Record<string, string>>, lang: Lang): string | undefined {
  const bytes = storedBytes(props);
  if (bytes <= PROPERTY_LIMITS.storeBytes) return undefined;
  const kb = (n: number): string => (Math.ceil(n / 100) / 10).toLocaleString(lang === 'de' ? 'de-DE' : 'en-US');
  return TOO_LARGE[lang].replace('{size}', kb(bytes)).replace('{limit}', kb(PROPERTY_LIMITS.storeBytes));
}

/** Writes the settings; `langOf` (a service call) is asked only for the message when they do not fit. */
export function writeStoredSettings(settings: StoredSettings, langOf: () => Lang = () => 'en'): void {
  const props = settingsToProperties(settings);
  if (storedBytes(props) > PROPERTY_LIMITS.storeBytes) throw new Error(settingsSizeProblem(props, langOf()));
  // deleteAllOthers: the document properties are the add-on's own; this drops chunks of older, longer settings.
  PropertiesService.getDocumentProperties().setProperties(props, true);
}
