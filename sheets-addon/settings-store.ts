/**
 * The scorecard settings of one spreadsheet (roles, targets, options) in the add-on's document
 * properties: private to the add-on and to this file, shared by everyone who opens it. One call
 * reads them all, one call writes them all.
 *
 * A property value holds at most 9 KB, so each part is stored as JSON in chunks of at most 3,000
 * characters (≤ 9,000 bytes even in UTF-8's worst case): `service-kpi.roles.0`, `.1`, … with the
 * chunk counts under `service-kpi.chunks`.
 */
/// <reference types="google-apps-script" />
import type { StoredSettings } from '../core/scorecard/types.js';

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

export function writeStoredSettings(settings: StoredSettings): void {
  // deleteAllOthers: the document properties are the add-on's own; this drops chunks of older, longer settings.
  PropertiesService.getDocumentProperties().setProperties(settingsToProperties(settings), true);
}
