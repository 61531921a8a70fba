/**
 * The scorecard as an aligned text table for the terminal (stdout): one row per KPI with the
 * actual's period, actual, previous, baseline, target, status ("too few (n)" when the period holds
 * fewer answers or tickets than the minimum) and sample size. Numbers are right-aligned; the KPI name is
 * shortened with … when the terminal is narrower than the table. Status words are coloured only
 * when asked (stdout is a terminal and NO_COLOR is not set).
 */
import type { KpiSummary } from '../core/scorecard/types.js';
import { formatCount, formatInterval, formatValue, statusText } from './format.js';
import { printable, shorten as cut } from '../core/safe-text.js';
import type { Language } from './format.js';

export interface TableOptions {
  readonly color?: boolean;
  /** Terminal width in characters (undefined: no limit). */
  readonly width?: number;
  readonly language?: Language;
}

const HEADERS = {
  en: ['KPI', 'Period', 'Actual', 'Previous', 'Baseline', 'Target', 'Status', 'n', '95 % CI'],
  de: ['Kennzahl', 'Periode', 'Ist', 'Vorperiode', 'Basis', 'Ziel', 'Status', 'n', '95-%-KI'],
};
/** The status column (coloured, left-aligned). */
const STATUS_COL = 6;

const STATUS_COLOURS: Record<string, string> = { green: '\x1b[32m', amber: '\x1b[33m', red: '\x1b[31m' };
const RESET = '\x1b[0m';

/** Characters a string takes on screen (code points; the KPI names hold no wide characters). */
const widthOf = (s: string): number => [...s].length;

function pad(s: string, width: number, right: boolean): string {
  const gap = ' '.repeat(Math.max(0, width - widthOf(s)));
  return right ? gap + s : s + gap;
}

/** A cell's text as it is safe to print: unsafe characters escaped, at most 40 characters. */
const safeCell = (s: string): string => printable(cut(s));

function shorten(s: string, width: number): string {
  const chars = [...s];
  return chars.length <= width ? s : chars.slice(0, Math.max(1, width - 1)).join('') + '…';
}

export function renderTable(rows: readonly KpiSummary[], options: TableOptions = {}): string {
  const language = options.language ?? 'en';
  const headers = HEADERS[language];
  const hasCi = rows.some((r) => formatInterval(r, language) !== '');
  // A value may be text from the data (the top brand term): escaped and cut like any quoted text.
  const cells = rows.map((r) => [
    r.name,
    r.period === '' ? '–' : r.period,
    formatValue(r.value, r.unit, language),
    formatValue(r.previous, r.unit, language),
    formatValue(r.baseline, r.unit, language),
    r.target === null ? '–' : formatValue(r.target, r.unit, language),
    r.status === '' ? '–' : statusText(r, language),
    formatCount(r.n, language),
    formatInterval(r, language),
  ].map(safeCell));
  const columns = hasCi ? headers.length : headers.length - 1;
  const widths: number[] = [];
  for (let c = 0; c < columns; c++) {
    widths.push(Math.max(widthOf(headers[c]), ...cells.map((row) => widthOf(row[c]))));
  }
  // Narrow terminal: the name column gives way first (down to 12 characters).
  if (options.width !== undefined) {
    const total = widths.reduce((s, w) => s + w, 0) + 2 * (columns - 1);
    if (total > options.width) widths[0] = Math.max(12, widths[0] - (total - options.width));
  }
  const line = (row: readonly string[], status?: string): string => {
    const parts: string[] = [];
    for (let c = 0; c < columns; c++) {
      const text = c === 0 ? shorten(row[c], widths[0]) : row[c];
      let cell = pad(text, widths[c], c > 1 && c !== STATUS_COL);
      if (c === STATUS_COL && status !== undefined && STATUS_COLOURS[status]) cell = STATUS_COLOURS[status] + cell + RESET;
      parts.push(cell);
    }
    return parts.join('  ').trimEnd();
  };
  const out = [line(headers), widths.slice(0, columns).map((w) => '─'.repeat(w)).join('  ')];
  cells.forEach((row, i) => out.push(line(row, options.color === true ? rows[i].status : undefined)));
  return out.join('\n') + '\n';
}
