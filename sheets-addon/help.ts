/**
 * The Help dialog: every catalog function with its arguments, one line of help and its example,
 * in the user's language. All text is escaped: the page is built from strings.
 */
import { CATALOG } from '../core/catalog/index.js';
import type { FunctionSpec } from '../core/catalog/types.js';
import { text } from './texts.js';
import type { Lang } from './texts.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** `CSAT(ratings, [scale_max], [threshold])` as Sheets users type it. */
export function sheetsSignature(f: Pick<FunctionSpec, 'name' | 'args'>): string {
  const args = f.args.map((a) => {
    const name = a.repeating ? `${a.name}…` : a.name;
    return a.optional ? `[${name}]` : name;
  });
  return `${f.name}(${args.join(', ')})`;
}

export function helpHtml(lang: Lang, catalog: readonly Pick<FunctionSpec, 'name' | 'args' | 'summary' | 'example'>[] = CATALOG): string {
  const rows = catalog.map((f) => [
    '<li>',
    `<code>=${escapeHtml(sheetsSignature(f))}</code>`,
    `<div>${escapeHtml(f.summary[lang])}</div>`,
    `<div class="ex">${escapeHtml(text(lang, 'helpExample'))}: <code>${escapeHtml(f.example.replace(/KPI\./g, ''))}</code></div>`,
    '</li>',
  ].join(''));
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8"><base target="_top">`,
    '<style>',
    'body{font:13px/1.45 Arial,sans-serif;color:#202124;margin:0 4px}',
    'ul{list-style:none;padding:0}li{margin:0 0 10px}code{font:12px monospace;color:#174ea6}',
    '.ex{color:#5f6368}',
    '</style></head><body>',
    `<p>${escapeHtml(text(lang, 'helpIntro'))}</p>`,
    `<p>${escapeHtml(text(lang, 'helpScorecard'))}</p>`,
    `<ul>${rows.join('')}</ul>`,
    '</body></html>',
  ].join('\n');
}
