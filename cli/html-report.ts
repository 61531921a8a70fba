/**
 * The scorecard as one self-contained HTML file: inline CSS, inline SVG sparklines, no scripts, no
 * fonts, images or links to load — it opens from a mail attachment or a file share, offline, and a
 * Content-Security-Policy forbids loading anything should a viewer try. Every text that comes from
 * the data or the user (KPI names, labels, notes, file names) is HTML-escaped.
 */
import { dateOrderText } from '../core/scorecard/detection-report.js';
import type { DetectionReport } from '../core/scorecard/detection-report.js';
import type { KpiSummary, ScorecardPlan, TrendPicture } from '../core/scorecard/types.js';
import { printable } from '../core/safe-text.js';
import { wallClock } from '../core/values/clock.js';
import { serialToIso } from '../core/values/format.js';
import { formatCell, formatCount, formatInterval, formatValue, statusText } from './format.js';
import type { Language } from './format.js';

export interface ReportMeta {
  /** Input file names shown under the title. */
  readonly sources: readonly string[];
  readonly period: string;
  /** When the report was made (shown as local date and time). */
  readonly generatedAt: Date;
  readonly language: Language;
  readonly timeZone: string;
  /** What was found in the data (the appendix "Columns found"). */
  readonly detected?: DetectionReport;
}

/** The line near the top of every report of ours: an existing report is recognised by it (paths.ts). */
export const REPORT_GENERATOR = '<meta name="generator" content="service-kpi">';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text safe inside HTML elements and quoted attributes: control and bidirectional characters
 * written as escapes (safe-text.ts, as in every message), then the HTML specials as entities.
 */
export function escapeHtml(text: string): string {
  return printable(text).replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

const TEXT = {
  en: {
    title: 'KPI scorecard', kpi: 'KPI', actual: 'Actual', previous: 'Previous', baseline: 'Baseline', target: 'Target',
    status: 'Status', n: 'n', ci: '95 % CI', trend: 'Trend', definition: 'Definition', notes: 'Notes',
    strategic: 'Strategic', operational: 'Operational', contact: 'Contact centre', by: 'by', generated: 'generated', noTrend: 'no trend',
    period: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as Record<string, string>,
    higher: 'higher is better', lower: 'lower is better', none: 'no KPIs could be computed from this data',
    found: 'Appendix: columns found', sheet: 'Sheet', column: 'Column', role: 'Role', confidence: 'Confidence', evidence: 'Evidence',
    headerRow: 'header row', rows: 'rows', layout: 'layout recognised', unused: 'not used',
  },
  de: {
    title: 'KPI-Scorecard', kpi: 'Kennzahl', actual: 'Ist', previous: 'Vorperiode', baseline: 'Basis', target: 'Ziel',
    status: 'Status', n: 'n', ci: '95-%-KI', trend: 'Verlauf', definition: 'Definition', notes: 'Hinweise',
    strategic: 'Strategisch', operational: 'Operativ', contact: 'Contact-Center', by: 'nach', generated: 'erstellt', noTrend: 'kein Verlauf',
    period: { week: 'Woche', month: 'Monat', quarter: 'Quartal', year: 'Jahr' } as Record<string, string>,
    higher: 'höher ist besser', lower: 'niedriger ist besser', none: 'aus diesen Daten ließ sich keine Kennzahl berechnen',
    found: 'Anhang: erkannte Spalten', sheet: 'Blatt', column: 'Spalte', role: 'Rolle', confidence: 'Sicherheit', evidence: 'Begründung',
    headerRow: 'Kopfzeile', rows: 'Zeilen', layout: 'erkanntes Format', unused: 'nicht verwendet',
  },
};

const DEFAULT_COLOURS = {
  green: { fill: '#C6EFCE', font: '#006100' },
  amber: { fill: '#FFEB9C', font: '#9C5700' },
  red: { fill: '#FFC7CE', font: '#9C0006' },
};

/** A colour from the plan, or the fallback when it is not a plain #RGB/#RRGGBB colour. */
function colour(c: string | undefined, fallback: string): string {
  return c !== undefined && /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/i.test(c) ? c : fallback;
}

const SPARK_W = 120, SPARK_H = 32, PAD = 3;

/**
 * An inline SVG line of the trend's values (oldest first); blanks break the line, the latest value
 * gets a dot, a set target a dashed line. Its <title> lists every period for hover and screen readers.
 */
export function sparklineSvg(values: readonly (number | '')[], labels: readonly string[], unit: string, target: number | null, language: Language): string {
  const nums: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) nums.push(v);
  const title = values.map((v, i) => `${labels[i] ?? ''}: ${formatValue(v, unit, language)}`).join(', ');
  const open = `<svg class="sparkline" width="${SPARK_W}" height="${SPARK_H}" viewBox="0 0 ${SPARK_W} ${SPARK_H}" role="img" aria-label="${escapeHtml(title)}"><title>${escapeHtml(title)}</title>`;
  if (nums.length === 0) return `${open}</svg>`;
  let lo = Math.min(...nums), hi = Math.max(...nums);
  if (target !== null && Number.isFinite(target)) {
    lo = Math.min(lo, target);
    hi = Math.max(hi, target);
  }
  if (hi - lo < 1e-12) {
    lo -= 1;
    hi += 1;
  }
  const n = values.length;
  const x = (i: number): number => (n === 1 ? SPARK_W / 2 : PAD + (i * (SPARK_W - 2 * PAD)) / (n - 1));
  const y = (v: number): number => PAD + ((hi - v) * (SPARK_H - 2 * PAD)) / (hi - lo);
  const r = (v: number): string => (Math.round(v * 10) / 10).toString();
  let d = '';
  let pen = false;
  let last = -1;
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${r(x(i))} ${r(y(v))}`;
    pen = true;
    last = i;
  });
  let body = '';
  if (target !== null && Number.isFinite(target)) {
    body += `<line class="target" x1="0" x2="${SPARK_W}" y1="${r(y(target))}" y2="${r(y(target))}"/>`;
  }
  body += `<path d="${d}"/>`;
  const lv = values[last] as number;
  body += `<circle cx="${r(x(last))}" cy="${r(y(lv))}" r="2.5"/>`;
  return `${open}${body}</svg>`;
}

function tableHtml(table: NonNullable<KpiSummary['table']>, language: Language): string {
  const [head, ...body] = table.rows;
  const numeric = (k: number): boolean => !table.formats[k].startsWith('@') && body.some((r) => typeof r[k] === 'number');
  const cls = (k: number): string => (numeric(k) ? ' class="num"' : '');
  return '<table class="inner"><thead><tr>'
    + head.map((h, k) => `<th scope="col"${cls(k)}>${escapeHtml(String(h))}</th>`).join('')
    + '</tr></thead><tbody>'
    + body.map((r) => `<tr>${r.map((v, k) => `<td${cls(k)}>${escapeHtml(formatCell(v, table.formats[k] ?? '0', language))}</td>`).join('')}</tr>`).join('')
    + '</tbody></table>';
}

function trendFor(s: KpiSummary, trends: readonly TrendPicture[]): TrendPicture | undefined {
  return trends.find((t) => t.kpi === s.id) ?? trends.find((t) => t.kpi === s.kpi);
}

export function renderHtmlReport(plan: ScorecardPlan, meta: ReportMeta): string {
  const t = TEXT[meta.language];
  const colours = plan.statusRules[0]?.colors ?? DEFAULT_COLOURS;
  const c = (s: 'green' | 'amber' | 'red', k: 'fill' | 'font'): string => colour(colours[s]?.[k], DEFAULT_COLOURS[s][k]);
  const esc = escapeHtml;
  const stamp = localStamp(meta.generatedAt, meta.timeZone);

  const rows: string[] = [];
  let group = '';
  // Strategic KPIs first, then operational ones, each in scorecard order; the contact-centre section last.
  const groupOf = (s: KpiSummary): 'strategic' | 'operational' | 'contact' => (s.section === 'contact' ? 'contact' : s.perspective);
  const ordered = (['strategic', 'operational', 'contact'] as const).flatMap((g) => plan.summary.filter((s) => groupOf(s) === g));
  for (const s of ordered) {
    if (groupOf(s) !== group) {
      group = groupOf(s);
      rows.push(`<tr class="section"><th colspan="10" scope="rowgroup">${esc(t[groupOf(s)])}</th></tr>`);
    }
    const trend = trendFor(s, plan.trends);
    const status = s.status === '' ? '' : `<span class="status status-${esc(s.status)}">${esc(statusText(s, meta.language))}</span>`;
    const target = s.target === null ? '–' : formatValue(s.target, s.unit, meta.language);
    const direction = s.direction === 'lower' ? t.lower : t.higher;
    rows.push(
      `<tr data-kpi="${esc(s.id)}">`
      + `<th scope="row">${esc(s.name)}</th>`
      + `<td class="num actual">${esc(formatValue(s.value, s.unit, meta.language))}${s.period ? `<span class="period">${esc(s.period)}</span>` : ''}</td>`
      + `<td class="num">${esc(formatValue(s.previous, s.unit, meta.language))}</td>`
      + `<td class="num">${esc(formatValue(s.baseline, s.unit, meta.language))}</td>`
      + `<td class="num" title="${esc(direction)}">${esc(target)}</td>`
      + `<td class="status-cell">${status}</td>`
      + `<td class="num">${esc(formatCount(s.n, meta.language))}</td>`
      + `<td class="num ci">${esc(formatInterval(s, meta.language))}</td>`
      + `<td class="trend">${trend ? sparklineSvg(trend.values, trend.labels, s.unit, s.target, meta.language) : `<span class="muted">${esc(t.noTrend)}</span>`}</td>`
      + `<td class="definition">${esc(s.definition)}</td>`
      + '</tr>',
    );
    // A table KPI (time by status, brand attributes): its table under its row.
    if (s.table) rows.push(`<tr class="kpi-table" data-kpi-table="${esc(s.id)}"><td></td><td colspan="9">${tableHtml(s.table, meta.language)}</td></tr>`);
  }
  if (plan.summary.length === 0) rows.push(`<tr><td colspan="10" class="muted">${esc(t.none)}</td></tr>`);

  const notes = plan.notes.length > 0
    ? `<section class="notes"><h2>${esc(t.notes)}</h2><ul>${plan.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul></section>`
    : '';
  const appendix = meta.detected ? detectedAppendix(meta.detected, t) : '';
  const periodWord = t.period[meta.period] ?? meta.period;
  const subtitle = `${meta.sources.join(', ')} · ${t.by} ${periodWord} · ${t.generated} ${stamp} (${meta.timeZone})`;

  return `<!DOCTYPE html>
<html lang="${meta.language}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
${REPORT_GENERATOR}
<title>${esc(t.title)} – ${esc(meta.sources.join(', '))}</title>
<style>
:root { color-scheme: light; --line: #d9dde3; --muted: #5f6b7a; --accent: #2f6db5; }
* { box-sizing: border-box; }
body { margin: 0; padding: 24px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #1d2733; background: #fff; }
h1 { font-size: 22px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 24px 0 8px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; min-width: 900px; }
th, td { padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: middle; text-align: left; }
thead th { font-size: 12px; text-transform: uppercase; letter-spacing: .03em; color: var(--muted); border-bottom: 2px solid var(--line); white-space: nowrap; }
tbody th { font-weight: 600; }
tr.section th { background: #eef2f8; color: #243b5a; font-size: 13px; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
.actual { font-weight: 600; }
.period { display: block; font-weight: 400; font-size: 11px; color: var(--muted); }
.status { display: inline-block; min-width: 56px; padding: 2px 8px; border-radius: 10px; text-align: center; font-weight: 600; font-size: 12px; }
.status-green { background: ${c('green', 'fill')}; color: ${c('green', 'font')}; }
.status-amber { background: ${c('amber', 'fill')}; color: ${c('amber', 'font')}; }
.status-red { background: ${c('red', 'fill')}; color: ${c('red', 'font')}; }
.status-too-few, .status-to-date { background: #eef0f3; color: var(--muted); font-weight: 400; white-space: nowrap; }
.sparkline { display: block; }
.sparkline path { fill: none; stroke: var(--accent); stroke-width: 1.5; stroke-linejoin: round; stroke-linecap: round; }
.sparkline circle { fill: var(--accent); }
.sparkline .target { stroke: #9aa5b1; stroke-width: 1; stroke-dasharray: 3 3; }
.definition { color: var(--muted); font-size: 12px; max-width: 360px; }
table.inner { width: auto; min-width: 0; margin: 0 0 8px; font-size: 13px; }
table.inner th, table.inner td { padding: 2px 10px 2px 0; border-bottom: 1px solid #eef0f3; }
.muted { color: var(--muted); }
.notes li { color: var(--muted); margin: 2px 0; }
.found table { min-width: 0; font-size: 12px; }
.found .evidence { color: var(--muted); }
@media print { body { padding: 0; } .scroll { overflow: visible; } table { min-width: 0; } }
</style>
</head>
<body>
<main>
<h1>${esc(t.title)}</h1>
<p class="subtitle">${esc(subtitle)}</p>
<div class="scroll">
<table>
<thead><tr><th scope="col">${esc(t.kpi)}</th><th scope="col" class="num">${esc(t.actual)}</th><th scope="col" class="num">${esc(t.previous)}</th><th scope="col" class="num">${esc(t.baseline)}</th><th scope="col" class="num">${esc(t.target)}</th><th scope="col">${esc(t.status)}</th><th scope="col" class="num">${esc(t.n)}</th><th scope="col" class="num">${esc(t.ci)}</th><th scope="col">${esc(t.trend)}</th><th scope="col">${esc(t.definition)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</div>
${notes}
${appendix}
</main>
</body>
</html>
`;
}

/** The appendix: every sheet's columns with their roles, confidence and evidence (what `service-kpi detect` prints). */
function detectedAppendix(report: DetectionReport, t: (typeof TEXT)['en'] | (typeof TEXT)['de']): string {
  const esc = escapeHtml;
  const sheets = report.sheets.map((s) => {
    const meta = [`${t.headerRow} ${s.headerRow}`, `${s.rows} ${t.rows}`, ...(s.layout ? [`${t.layout}: ${s.layout.name}`] : [])].join(' · ');
    const rows = s.columns.map((c) => {
      const roles = c.roles.length === 0
        ? `<td class="muted">${esc(t.unused)}</td><td></td><td class="evidence">${esc(c.none ? `${c.none}; ${c.values}` : c.values)}</td>`
        : `<td>${c.roles.map((r) => esc(r.role)).join('<br>')}</td><td class="num">${c.roles.map((r) => r.confidence.toFixed(2)).join('<br>')}</td>`
          + `<td class="evidence">${c.roles.map((r) => esc([r.evidence.header, r.evidence.values, ...(r.evidence.layout ? [r.evidence.layout] : [])].join('; '))).join('<br>')}${c.dateOrder ? `<br>${esc(dateOrderText(c.dateOrder))}` : ''}</td>`;
      return `<tr><td>${esc(c.letter)}</td><th scope="row">${esc(c.header)}</th>${roles}</tr>`;
    }).join('\n');
    return `<h3>${esc(t.sheet)} ${esc(s.name)}</h3><p class="muted">${esc(meta)}</p>`
      + `<table><thead><tr><th scope="col">${esc(t.column)}</th><th scope="col"></th><th scope="col">${esc(t.role)}</th><th scope="col" class="num">${esc(t.confidence)}</th><th scope="col">${esc(t.evidence)}</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
  }).join('\n');
  return `<section class="found" id="detected"><h2>${esc(t.found)}</h2>\n${sheets}\n</section>`;
}

/** `2026-12-01 08:00`: the wall clock of the report's time zone. */
function localStamp(d: Date, timeZone: string): string {
  let clock;
  try {
    clock = wallClock(timeZone);
  } catch {
    clock = wallClock('UTC');
  }
  return serialToIso(clock.serialOfInstant(d.getTime())).slice(0, 16).replace('T', ' ');
}
