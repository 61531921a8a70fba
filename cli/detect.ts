/**
 * `service-kpi detect INPUT...`: what the scorecard would find, printed — every sheet (header row,
 * rows, what it holds, the export layout recognised), each column's roles with confidence and
 * evidence (header, values, layout), the day/month order of date text and where it came from, the
 * KPIs that follow and what the others still need. Writes nothing; --json prints the same report.
 * The same report is the `detected` object of `scorecard --json` and the HTML report's appendix.
 */
import path from 'node:path';
import { printableJson, printableLines, quote } from '../core/safe-text.js';
import { dateOrderText } from '../core/scorecard/detection-report.js';
import type { DetectionReport, ReportColumn } from '../core/scorecard/detection-report.js';
import type { DetectArgs } from './args.js';
import { noteLine } from './errors.js';
import { createProgress } from './progress.js';
import type { Io } from './run.js';
import { findColumns, reportOf } from './run.js';

export async function runDetect(args: DetectArgs, io: Io): Promise<DetectionReport> {
  const progress = createProgress(io.stderr, false);
  const seen: { notes: readonly string[] } = { notes: [] };
  let report: DetectionReport;
  let notes: readonly string[];
  try {
    const found = await findColumns(args, progress, seen, true);
    report = reportOf(found, args);
    notes = [...found.input.notes, ...found.roleNotes];
  } catch (e) {
    progress.done();
    for (const note of seen.notes) io.stderr.write(noteLine(note));
    throw e;
  } finally {
    progress.done();
  }
  for (const note of notes) io.stderr.write(noteLine(note));
  // Sheet names and headers come from the data: printable before they reach the terminal.
  if (args.json) io.stdout.write(`${printableJson(JSON.stringify({ detected: report }, null, 2))}\n`);
  else io.stdout.write(printableLines(renderDetection(report, args.inputs.map((f) => path.basename(f)))));
  return report;
}

const KINDS: Readonly<Record<string, string>> = {
  survey: 'survey answers', tickets: 'tickets', orders: 'orders', monthly: 'monthly figures', list: 'a customer or staff list', competitors: 'competitors',
};

const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - [...s].length));

function columnLines(c: ReportColumn): string[] {
  // quote() cuts at 40 characters: 42 with its quotes.
  const head = `    ${pad(c.letter, 3)} ${pad(c.header ? quote(c.header) : '(no header)', 42)}`;
  if (c.roles.length === 0) return [`${head}  —  ${c.none ? `${c.none}; ` : ''}${c.values}`];
  const lines: string[] = [];
  c.roles.forEach((r, i) => {
    const lead = i === 0 ? head : ' '.repeat(head.length);
    const why = r.source === 'given' ? 'given in the roles file' : `${r.evidence.header}; ${r.evidence.values}`;
    lines.push(`${lead}  ${pad(r.role, 18)} ${r.confidence.toFixed(2)}  ${why}`);
  });
  if (c.dateOrder) lines.push(`${' '.repeat(head.length)}  ${dateOrderText(c.dateOrder)}`);
  return lines;
}

/** A KPI's column (`Sheet!Header` in the report) as `"Header"`, with `on "Sheet"` when the report has several sheets. */
function columnText(report: DetectionReport, where: string): string {
  const sheet = report.sheets.find((s) => where.startsWith(`${s.name}!`));
  if (!sheet) return quote(where);
  const header = quote(where.slice(sheet.name.length + 1));
  return report.sheets.length > 1 ? `${header} on ${quote(sheet.name)}` : header;
}

/** The report as text for the terminal. */
export function renderDetection(report: DetectionReport, sources: readonly string[]): string {
  const out: string[] = [`Detected in ${sources.join(', ')}`];
  for (const s of report.sheets) {
    const header = s.headerRows > 1 ? `header rows ${s.headerRow - s.headerRows + 1}–${s.headerRow}` : `header row ${s.headerRow}`;
    const parts = [header, `${s.rows} row${s.rows === 1 ? '' : 's'}`];
    if (s.footerRows > 0) parts.push(`${s.footerRows} footer row left out`);
    if (s.kind) parts.push(KINDS[s.kind] ?? s.kind);
    if (s.shape === 'log') parts.push('an event log (one row per update)');
    if (s.layout) parts.push(`layout recognised: ${s.layout.name} (${s.layout.found} of its headers)`);
    out.push('', `Sheet ${quote(s.name)}: ${parts.join(' · ')}`);
    for (const c of s.columns) out.push(...columnLines(c));
  }
  for (const name of report.skipped) out.push('', `Sheet ${quote(name)}: no data table (no header row with at least two column names)`);
  out.push('', report.kpis.length > 0 ? `KPIs that follow (${report.kpis.length}):` : 'No KPI follows from these columns.');
  for (const k of report.kpis) {
    const cols = Object.entries(k.columns).map(([role, where]) => `${role} ${columnText(report, where ?? '')}`).join(', ');
    const by = k.periods ? `per period of ${k.periods}` : 'one value over all rows (no date)';
    out.push(`  ${pad(k.name, 32)} ${pad(k.function, 20)} ${by}; ${cols}`);
  }
  if (report.missing.length > 0) {
    out.push('', 'Not computed (the closest way to each, and the columns it still needs):');
    for (const m of report.missing) out.push(`  ${pad(m.name, 32)} needs ${m.needs.join(', ')}`);
  }
  out.push('', 'Roles can be changed with --roles FILE.json (see docs/cli.md); this command writes nothing.');
  return `${out.join('\n')}\n`;
}
