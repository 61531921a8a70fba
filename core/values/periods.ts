/**
 * Period labels for trends: `2026-03-05` (day), `2026-W10` (ISO week, Monday), `2026-03` (month),
 * `2026-Q1` (quarter), `2026` (year). Labels sort oldest first as plain text.
 */
import { civilOfSerial, UNIX_EPOCH_SERIAL } from './clock.js';
import type { Period } from './words.js';

const pad2 = (n: number): string => (n < 10 ? '0' + n : String(n));

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

/**
 * Rows grouped by period of their date, oldest first. `dates` holds serials (NaN = no date: the row
 * belongs to no period). Returns labels and, per label, the row-major indices of its rows.
 */
export function groupByPeriod(dates: Float64Array, period: Period): { labels: string[]; rows: number[][] } {
  const byLabel = new Map<string, number[]>();
  // Rows of one day share a label: look labels up per day (an integer key), not per row, so
  // unsorted dates cost one Map lookup each instead of a label computation.
  const byDay = new Map<number, number[]>();
  let lastDay = NaN;
  let lastList: number[] | undefined;
  for (let i = 0; i < dates.length; i++) {
    const s = dates[i];
    if (s !== s) continue;
    const day = Math.floor(s + 1e-9);
    if (day !== lastDay || !lastList) {
      lastList = byDay.get(day);
      if (!lastList) {
        const label = periodLabel(day, period);
        lastList = byLabel.get(label);
        if (!lastList) {
          lastList = [];
          byLabel.set(label, lastList);
        }
        byDay.set(day, lastList);
      }
      lastDay = day;
    }
    lastList.push(i);
  }
  const labels = [...byLabel.keys()].sort();
  return { labels, rows: labels.map((l) => byLabel.get(l)!) };
}
