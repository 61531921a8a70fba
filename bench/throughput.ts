/**
 * Throughput: each KPI through the built bundles' entry points on host-shaped inputs of 10k, 100k
 * and 1,048,576 rows, side by side with the bare loop and the formulajs formula on the same data.
 */
import type { HostInputs } from './data.js';
import { flatColumn, SHEETS_TIME_ZONE } from './data.js';
import { hostCall } from './hosts.js';
import type { LoadedHost } from './hosts.js';
import { measureSideBySide, pairedRatio } from './measure.js';
import type { Candidate } from './measure.js';
import {
  bareActiveIssues, bareAht, bareAvgBusinessHours, bareAvgResolution, bareCsat, bareServiceLevel, bareNps, bareNpsByMonth, bareTermCounts, bareTimeInStatus,
  formulaActiveIssues, formulaAvgResolution, formulaCsat, formulaNps, formulaNpsByMonth, monthStarts, naiveIntlAvgResolution,
} from './references.js';
import type { FlatInputs } from './references.js';

export const SCHEDULE = 'Mon-Fri 09:00-17:00';
/** Timed runs per candidate (fewer when a candidate has spent its time budget). */
export const RUNS = 15;

export interface ThroughputRow {
  readonly kpi: string;
  readonly host: 'excel' | 'sheets';
  readonly rows: number;
  readonly oursMs: number;
  readonly oursRuns: number;
  readonly bareMs: number | null;
  /** ours ÷ bare: the median of the per-round ratios (see pairedRatio). */
  readonly timesBare: number | null;
  readonly formulaMs: number | null;
  readonly formulaRuns: number;
  /** formulajs measured on a part of the work and scaled (periods), or null. */
  readonly formulaNote: string | null;
  /** A third reference where one is named (the naive per-cell Intl reader). */
  readonly naiveMs: number | null;
  /** Do ours and the bare loop agree (null: not comparable)? */
  readonly agrees: boolean | null;
  readonly oursValue: unknown;
  readonly bareValue: unknown;
  readonly formulaValue: unknown;
}

interface KpiCase {
  readonly kpi: string;
  /** The arguments as the formula writes them (Excel pads the declared optionals with null). */
  args(x: HostInputs): unknown[];
  /** Excel's declared parameter count (omitted optionals arrive as null). */
  readonly excelArity: number;
  readonly repeatingFrom?: number;
  bare(x: HostInputs, offsetMs: number): unknown;
  formula?(x: FlatInputs, rows: number): { value: unknown; note?: string; scale?: number; run: () => unknown };
  /** Compare ours with the bare loop's value. */
  agree?(ours: unknown, bare: unknown, host: 'excel' | 'sheets'): boolean;
}

const close = (tol: number) => (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

export const CASES: readonly KpiCase[] = [
  {
    kpi: 'NPS', excelArity: 1,
    args: (x) => [x.scores],
    bare: (x) => bareNps(x.scores),
    formula: (f) => ({ value: undefined, run: () => formulaNps(f) }),
    agree: close(1e-9),
  },
  {
    kpi: 'CSAT', excelArity: 3,
    args: (x) => [x.ratings],
    bare: (x) => bareCsat(x.ratings),
    formula: (f) => ({ value: undefined, run: () => formulaCsat(f) }),
    agree: close(1e-9),
  },
  {
    kpi: 'AVG_RESOLUTION', excelArity: 5,
    args: (x) => [x.opened, x.resolved],
    bare: (x) => bareAvgResolution(x),
    formula: (f) => ({ value: undefined, run: () => formulaAvgResolution(f) }),
    // Sheets: the bare loop subtracts instants, the product wall-clock times (they differ across DST).
    agree: (a, b, host) => close(host === 'excel' ? 1e-6 : 1e-3)(a, b),
  },
  {
    kpi: 'AVG_RESOLUTION (business hours)', excelArity: 5,
    args: (x) => [x.opened, x.resolved, 'hours', SCHEDULE],
    bare: (x, off) => bareAvgBusinessHours(x, SCHEDULE, off),
    agree: (a, b, host) => close(host === 'excel' ? 1e-6 : 2e-2)(a, b),
  },
  {
    kpi: 'ACTIVE_ISSUES', excelArity: 3,
    args: (x) => [x.opened, x.resolved],
    bare: (x) => bareActiveIssues(x),
    formula: (f) => ({ value: undefined, run: () => formulaActiveIssues(f) }),
    agree: close(0),
  },
  {
    kpi: 'KPI_BY_PERIOD("NPS", …, "month")', excelArity: 4, repeatingFrom: 3,
    args: (x) => ['NPS', x.opened, 'month', x.scores],
    bare: (x, off) => bareNpsByMonth(x, off),
    formula: (f, rows) => {
      const starts = monthStarts(f.opened);
      // Four COUNTIFS of three criteria per month: at a million rows one month is measured and scaled.
      const only = rows > 200_000 ? 1 : starts.length;
      return {
        value: undefined,
        note: only < starts.length ? `1 of ${starts.length} months measured, ×${starts.length}` : undefined,
        scale: starts.length / only,
        run: () => formulaNpsByMonth(f, starts, only),
      };
    },
    agree: (a, b, host) => {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length - 1 !== b.length) return false;
      // Dates near midnight at a month's end fall in another month with a fixed offset: tolerate a little.
      const tol = host === 'excel' ? 1e-9 : 0.5;
      return b.every((pair, k) => Math.abs((a[k + 1] as unknown[])[2] as number - (pair as number[])[1]) <= tol);
    },
  },
  {
    kpi: 'SERVICE_LEVEL', excelArity: 5,
    args: (x) => [x.waits, x.answered, 20],
    bare: (x) => bareServiceLevel(x, 20),
    agree: close(1e-12),
  },
  {
    kpi: 'AHT', excelArity: 5,
    args: (x) => [x.talk, x.hold, x.acw],
    bare: (x) => bareAht(x),
    agree: close(1e-9),
  },
  {
    kpi: 'TIME_IN_STATUS (status log)', excelArity: 8,
    args: (x) => [x.logIds, x.logTimes, x.logStatuses, 'new, open, on-hold'],
    bare: (x, off) => bareTimeInStatus(x, new Set(['new', 'open', 'on-hold']), off),
    agree: (a, b, host) => close(host === 'excel' ? 1e-6 : 1e-3)(a, b),
  },
  {
    kpi: 'BRAND_ATTRIBUTES', excelArity: 4,
    args: (x) => [x.comments],
    bare: (x) => bareTermCounts(x.comments),
  },
];

function padded(args: readonly unknown[], arity: number): unknown[] {
  const out = [...args];
  while (out.length < arity) out.push(null);
  return out;
}

export interface ThroughputOptions {
  /** Measure the formulajs references (slow: seconds per formula at a million rows). */
  readonly formulas: boolean;
  /** Offset of the Sheets zone used by the bare loops' fixed-offset date reading. */
  readonly fixedOffsetMs: number;
  readonly log?: (line: string) => void;
}

/** Every case for one host and one input size. */
export function measureThroughput(loaded: LoadedHost, x: HostInputs, opts: ThroughputOptions): ThroughputRow[] {
  const flat: FlatInputs | undefined = x.host === 'excel' && opts.formulas
    ? { scores: flatColumn(x.scores), ratings: flatColumn(x.ratings), opened: flatColumn(x.opened), resolved: flatColumn(x.resolved) }
    : undefined;
  const out: ThroughputRow[] = [];
  for (const c of CASES) {
    const args = x.host === 'excel' ? padded(c.args(x), c.excelArity) : c.args(x);
    const ours = hostCall(x.host, loaded, kpiName(c.kpi), args, c.repeatingFrom);
    const candidates: Candidate[] = [
      { name: 'ours', run: ours, maxRuns: RUNS, budgetMs: 2500 },
      { name: 'bare', run: () => c.bare(x, opts.fixedOffsetMs), maxRuns: RUNS, budgetMs: 2500 },
    ];
    let formulaNote: string | undefined;
    let scale = 1;
    if (flat && c.formula) {
      const f = c.formula(flat, x.rows);
      formulaNote = f.note;
      scale = f.scale ?? 1;
      candidates.push({ name: 'formulajs', run: f.run, maxRuns: 3, budgetMs: 1500, warmUp: x.rows <= 100_000 });
    }
    if (x.host === 'sheets' && c.kpi === 'AVG_RESOLUTION') {
      candidates.push({ name: 'naive', run: () => naiveIntlAvgResolution(x, SHEETS_TIME_ZONE), maxRuns: 3, budgetMs: 1500, warmUp: x.rows <= 100_000 });
    }
    const t = measureSideBySide(candidates);
    const o = t.get('ours')!, b = t.get('bare')!, fj = t.get('formulajs'), nv = t.get('naive');
    const row: ThroughputRow = {
      kpi: c.kpi,
      host: x.host,
      rows: x.rows,
      oursMs: o.ms,
      oursRuns: o.runs,
      bareMs: b.ms,
      timesBare: pairedRatio(o, b),
      formulaMs: fj ? fj.ms * scale : null,
      formulaRuns: fj ? fj.runs : 0,
      formulaNote: formulaNote ?? null,
      naiveMs: nv ? nv.ms : null,
      agrees: c.agree ? c.agree(o.value, b.value, x.host) : null,
      oursValue: o.value,
      bareValue: b.value,
      formulaValue: fj?.value,
    };
    opts.log?.(`  ${x.host} ${x.rows} ${c.kpi}: ours ${o.ms.toFixed(1)} ms, bare ${b.ms.toFixed(1)} ms` +
      (fj ? `, formulajs ${(fj.ms * scale).toFixed(0)} ms` : '') + (nv ? `, naive Intl ${nv.ms.toFixed(0)} ms` : ''));
    out.push(row);
  }
  return out;
}

/** The catalog name of a case label (`AVG_RESOLUTION (business hours)` → AVG_RESOLUTION). */
export function kpiName(label: string): string {
  return /^[A-Z_]+/.exec(label)![0];
}
