/**
 * "How the columns were recognised": per sheet, what detection found — the export layout it
 * recognised, whether rows are ticket updates (an event log), where the header is, and each
 * recognised column with its role, confidence and evidence (the header's part, the values' part);
 * with them the columns a recognised layout gives no role, and why.
 * The core's detection report (the one `service-kpi detect`, --json and the HTML report show) over
 * the outline the sidebar read; it shows what detection proposed, also after the manager changed a
 * role, so a wrong guess can be traced to its evidence. Evidence is the core's English text.
 */
import { detectWorkbook } from '../core/scorecard/detect.js';
import { detectionReport } from '../core/scorecard/detection-report.js';
import type { DetectionReport, ReportColumn, ReportSheet } from '../core/scorecard/detection-report.js';
import type { WorkbookOutline } from '../core/scorecard/types.js';
import { h } from './dom.js';
import type { Child } from './dom.js';
import { formatPercent, roleLabel, t } from './i18n.js';
import type { Lang } from './i18n.js';

const TEXTS = {
  en: {
    title: 'How the columns were recognised',
    layout: 'Layout recognised: {name} ({found} of its headers).',
    noLayout: 'No known export layout; roles come from the headers and the values.',
    log: 'An event log: one row per ticket update.',
    header: 'Header in row {row}; the rows above it are skipped.',
    headerRows: 'Header in rows {first}–{row}.',
    footer: '{count} footer row(s) below the data left out.',
    none: 'No column was recognised on this sheet.',
    unused: '{count} other column(s) not recognised.',
    sure: '{percent} sure',
  },
  de: {
    title: 'Wie die Spalten erkannt wurden',
    layout: 'Erkanntes Layout: {name} ({found} seiner Überschriften).',
    noLayout: 'Kein bekanntes Export-Layout; die Rollen folgen aus Überschriften und Werten.',
    log: 'Ein Ereignisprotokoll: eine Zeile je Ticket-Änderung.',
    header: 'Überschrift in Zeile {row}; die Zeilen darüber werden übersprungen.',
    headerRows: 'Überschrift in den Zeilen {first}–{row}.',
    footer: '{count} Fußzeile(n) unter den Daten ausgelassen.',
    none: 'Auf diesem Blatt wurde keine Spalte erkannt.',
    unused: '{count} weitere Spalte(n) nicht erkannt.',
    sure: '{percent} sicher',
  },
} as const;

type Key = keyof typeof TEXTS.en;

function text(lang: Lang, key: Key, params: Record<string, string | number> = {}): string {
  return TEXTS[lang][key].replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

const reports = new WeakMap<WorkbookOutline, DetectionReport>();

/** What detection finds in the outline, with its evidence (computed once per outline read). */
export function foundIn(outline: WorkbookOutline, lang: Lang): DetectionReport {
  let report = reports.get(outline);
  if (!report) {
    const detection = detectWorkbook(outline);
    report = detectionReport({ outline, detection, roles: detection.roles, language: lang });
    reports.set(outline, report);
  }
  return report;
}

function sheetFacts(lang: Lang, s: ReportSheet): string[] {
  const facts = [s.layout ? text(lang, 'layout', { name: s.layout.name, found: s.layout.found }) : text(lang, 'noLayout')];
  if (s.shape === 'log') facts.push(text(lang, 'log'));
  if (s.headerRows > 1) facts.push(text(lang, 'headerRows', { first: s.headerRow - s.headerRows + 1, row: s.headerRow }));
  else if (s.headerRow > 1) facts.push(text(lang, 'header', { row: s.headerRow }));
  if (s.footerRows > 0) facts.push(text(lang, 'footer', { count: s.footerRows }));
  return facts;
}

function columnItem(lang: Lang, c: ReportColumn): HTMLElement {
  return h('li', { class: 'skpi-found-col', 'data-column': c.letter },
    h('span', { class: 'skpi-found-header' }, `${c.letter} · ${c.header || t(lang, 'noHeader')}`),
    ...c.roles.map((r) => h('div', { class: 'skpi-found-role', 'data-role': r.role },
      h('span', { class: 'skpi-found-role-name' }, roleLabel(lang, r.role)), ' · ',
      h('span', { class: 'skpi-found-confidence' }, text(lang, 'sure', { percent: formatPercent(lang, r.confidence) })),
      h('p', { class: 'skpi-found-why' }, `${r.evidence.header}; ${r.evidence.values}`))),
    // A column the recognised layout gives no role, and why (Asterisk's disposition, an HR snapshot's employee id).
    c.none ? h('p', { class: 'skpi-found-why' }, c.none) : null);
}

/** The sheet's part of the report as a collapsed block for its section of the column list; null when detection did not read the sheet. */
export function foundDetails(lang: Lang, outline: WorkbookOutline, sheet: string): HTMLElement | null {
  const s = foundIn(outline, lang).sheets.find((x) => x.name === sheet);
  if (!s) return null;
  const recognised = s.columns.filter((c) => c.roles.length > 0);
  const explained = s.columns.filter((c) => c.roles.length > 0 || c.none);
  const others = s.columns.length - explained.length;
  const children: Child[] = [
    h('summary', {}, text(lang, 'title')),
    ...sheetFacts(lang, s).map((f) => h('p', { class: 'skpi-found-fact' }, f)),
    recognised.length === 0 ? h('p', { class: 'skpi-found-fact' }, text(lang, 'none')) : null,
    explained.length > 0 ? h('ul', { class: 'skpi-found-list' }, ...explained.map((c) => columnItem(lang, c))) : null,
    others > 0 && recognised.length > 0 ? h('p', { class: 'skpi-found-fact' }, text(lang, 'unused', { count: others })) : null,
  ];
  return h('details', { class: 'skpi-found' }, ...children);
}
