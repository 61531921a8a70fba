/**
 * Period labels for trends: `2026-03-05` (day), `2026-W10` (ISO week, Monday), `2026-03` (month),
 * `2026-Q1` (quarter), `2026` (year). Labels sort oldest first as plain text.
 */
import { civilOfSerial, UNIX_EPOCH_SERIAL } from './clock.js';
import type { Period } from './words.js';

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));
/** Held once: a global lookup per row is slow inside a Node vm context (see read.ts). */
const floor = Math.floor;

/** ISO-8601 week-numbering year and week of a serial's day. */
export function isoWeek(serial: number): { year: number; week: number } {
  const day = Math.floor(serial + 1e-9);
  const { weekday } = civilOfSerial(day);
  const thursday = day - weekday + 4; // the Thursday of this ISO week decides its year
  const { y } = civilOfSerial(thursday);
  const jan1 = Math.floor(Date.UTC(y, 0, 1) / 86_400_000) + UNIX_EPOCH_SERIAL;
  return { year: y, week: Math.floor((thursday - jan1) / 7) + 1 };
}

export function periodLabel(serial: number, period: Period): string {
  if (period === 'week') {
    const { year, week } = isoWeek(serial);
    return `${year}-W${pad2(week)}`;
  }
  const { y, m, d } = civilOfSerial(serial);
  switch (period) {
    case 'day': return `${y}-${pad2(m)}-${pad2(d)}`;
    case 'month': return `${y}-${pad2(m)}`;
    case 'quarter': return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
    case 'year': return String(y);
  }
}

/** Each row's period: labels oldest first, the label index of every row (-1: no date), rows per label. */
export interface PeriodIndex {
  readonly labels: string[];
  /** Per row, the index into `labels`; -1 when the row has no date. */
  readonly index: Int32Array;
  /** Rows per label. */
  readonly counts: Int32Array;
}

/** Slots of the day cache in periodIndex (a power of two: years of days without a collision). */
const DAY_SLOTS = 8192;

/**
 * The period of every row in one pass, without a list per period: what KPI_BY_PERIOD and the
 * trends need to cut a million rows. Rows of one day share a label, so labels are looked up per
 * day through a small direct-mapped cache (an integer key), not computed per row.
 */
export function periodIndex(dates: Float64Array, period: Period): PeriodIndex {
  const index = new Int32Array(dates.length);
  const labelIds = new Map<string, number>();
  const labels: string[] = [];
  const slotDay = new Float64Array(DAY_SLOTS).fill(-Infinity);
  const slotId = new Int32Array(DAY_SLOTS);
  for (let i = 0; i < dates.length; i++) {
    const s = dates[i];
    if (s !== s) {
      index[i] = -1;
      continue;
    }
    const day = floor(s + 1e-9);
    const k = day & (DAY_SLOTS - 1);
    if (slotDay[k] !== day) {
      const label = periodLabel(day, period);
      let id = labelIds.get(label);
      if (id === undefined) {
        id = labels.length;
        labels.push(label);
        labelIds.set(label, id);
      }
      slotDay[k] = day;
      slotId[k] = id;
    }
    index[i] = slotId[k];
  }
  // Ids were given in order of first appearance; renumber them oldest first.
  const sorted = [...labels].sort();
  const rank = new Int32Array(labels.length);
  sorted.forEach((label, r) => { rank[labelIds.get(label)!] = r; });
  const counts = new Int32Array(labels.length);
  for (let i = 0; i < index.length; i++) {
    const id = index[i];
    if (id >= 0) {
      const r = rank[id];
      index[i] = r;
      counts[r]++;
    }
  }
  return { labels: sorted, index, counts };
}

/**
 * Rows grouped by period of their date, oldest first. `dates` holds serials (NaN = no date: the row
 * belongs to no period). Returns labels and, per label, the row-major indices of its rows.
 */
export function groupByPeriod(dates: Float64Array, period: Period): { labels: string[]; rows: number[][] } {
  const { labels, index, counts } = periodIndex(dates, period);
  return { labels, rows: rowsPerIndex(index, counts) };
}

/** The rows of each index value, in row order (a counting sort of `index`; -1 is left out). */
export function rowsPerIndex(index: Int32Array, counts: Int32Array): number[][] {
  const rows: number[][] = [];
  for (let k = 0; k < counts.length; k++) rows.push(new Array<number>(counts[k]));
  const fill = new Int32Array(counts.length);
  for (let i = 0; i < index.length; i++) {
    const k = index[i];
    if (k >= 0) rows[k][fill[k]++] = i;
  }
  return rows;
}
