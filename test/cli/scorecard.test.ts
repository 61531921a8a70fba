/**
 * The command line end to end, run as a child process on the bundled sample and on the CSV
 * fixtures: its --json values equal the core's catalog functions computed here directly on the
 * same parsed columns; the workbook it writes holds the data sheets unchanged and the scorecard
 * as the plan describes it; options (--targets, --roles, --period, --addin-formulas) do what
 * docs/cli.md says.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputWorkbook } from '../../cli/input.js';
import { readCsvFile } from '../../cli/read-csv.js';
import { readXlsxFile } from '../../cli/read-xlsx.js';
import { wallClock } from '../../core/values/clock.js';
import { callIn } from '../helpers/call.js';
import { byTicketMonth, HOUR, nextReplies, resolution, tableMonth, tickets, ticketsByMonth, timeIn, withinSla } from '../helpers/log-loops.js';
import type { Change, Message } from '../helpers/log-loops.js';
import { CSV_DIR, SAMPLE, buildTestCli, removeTestCli, formulaCells, runCli, sha256 } from './helpers.js';
import type { CliRun } from './helpers.js';

interface JsonKpi {
  kpi: string; id: string; name: string; perspective: string;
  value: number | string | null; previous: number | string | null; baseline: number | string | null;
  target: number | null; direction: string; status: string | null; unit: string;
  n: number | null; ciLow: number | null; ciHigh: number | null; period: string | null;
  trend: (number | null)[]; trendLabels: string[]; definition: string;
  /** Table KPIs (time by status, brand attributes): the table, header first. */
  table?: (number | string | boolean)[][];
}

let cli: string;
let dir: string;
/** The --json summary of the sample (set by the first describe block). */
let sampleKpis: JsonKpi[] = [];
const out = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  cli = await buildTestCli();
  dir = await mkdtemp(path.join(tmpdir(), 'skpi-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await removeTestCli(cli);
});

// ---------------------------------------------------------------- the core on parsed columns

/** A column below the header of a parsed sheet, as a host passes a range: [[v], [v], …]. */
function column(input: InputWorkbook, sheet: string, header: string): unknown[][] {
  const s = input.sheets.find((x) => x.data.name === sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  const c = (s.data.values[0] as unknown[]).indexOf(header);
  if (c < 0) throw new Error(`no column ${header} on ${sheet}`);
  return s.data.values.slice(1).map((row) => [row[c] ?? null]);
}

interface Spec {
  readonly fn: string;
  readonly sheet: string;
  readonly date: string;
  /** Column headers, or literal numbers (a scale, the SLA hours). */
  readonly args: readonly (string | number)[];
}

interface Expected {
  readonly value: number | string;
  readonly previous: number | string;
  readonly baseline: number | string;
  readonly n: number;
  readonly period: string;
  readonly labels: string[];
}

/** The date columns of each sheet the CLI detects; monthly figures' rows stand for their whole month. */
const SHEET_DATES: Readonly<Record<string, { readonly columns: readonly string[]; readonly wholeMonth?: boolean }>> = {
  Survey: { columns: ['Date'] }, Tickets: { columns: ['Opened', 'First response', 'Resolved'] }, Orders: { columns: ['Date'] },
  Customers: { columns: ['Month'], wholeMonth: true },
  survey: { columns: ['Date'] }, tickets: { columns: ['Opened', 'First response', 'Resolved'] }, bestellungen: { columns: ['Datum'] },
  kunden: { columns: ['Monat'], wholeMonth: true }, feedback: { columns: ['Wann'] },
};

/** The fewest answers (survey sheets) or tickets (ticket sheets) a period needs for a status: the CLI's defaults. */
const MINIMUM: Readonly<Record<string, number>> = { Survey: 30, survey: 30, Tickets: 10, tickets: 10 };

const DAY_MS = 86_400_000;

/** The start (UTC ms) of the period holding the day `ms` (months, quarters, years). */
function periodStart(ms: number, period: string): number {
  const d = new Date(ms);
  const y = d.getUTCFullYear(), m = d.getUTCMonth();
  return period === 'year' ? Date.UTC(y, 0, 1) : period === 'quarter' ? Date.UTC(y, m - (m % 3), 1) : Date.UTC(y, m, 1);
}

/** The start of the period `k` periods after the one starting at `start`. */
function shift(start: number, k: number, period: string): number {
  const d = new Date(start);
  const step = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + k * step, 1);
}

function labelOf(start: number, period: string): string {
  const iso = new Date(start).toISOString();
  return period === 'month' ? iso.slice(0, 7) : period === 'quarter' ? `${iso.slice(0, 4)}-Q${Math.ceil(Number(iso.slice(5, 7)) / 3)}` : iso.slice(0, 4);
}

/**
 * The reporting period as docs/architecture.md defines it, computed here without the product's
 * code: the latest period complete on the data's last date (the latest in the sheet's date
 * columns; a monthly row counts as its month's last day), i.e. the one ending where the period
 * holding the next day starts. Returns its start (UTC ms).
 */
function reportingStart(input: InputWorkbook, sheet: string, period: string): number {
  const { columns, wholeMonth } = SHEET_DATES[sheet];
  let last = -Infinity;
  for (const c of columns) {
    for (const [v] of column(input, sheet, c)) {
      if (!(v instanceof Date)) continue;
      const t = wholeMonth ? Date.UTC(v.getUTCFullYear(), v.getUTCMonth() + 1, 0) : v.getTime();
      last = Math.max(last, t);
    }
  }
  const nextDay = Math.floor(last / DAY_MS) * DAY_MS + DAY_MS;
  return shift(periodStart(nextDay, period), -1, period);
}

/** Where n is counted: a column's numbers or dates, or — for a flag share — its yes/no values. */
type Used = string | { readonly flags: string } | false;

/** A yes or a no as exports write them (booleans, 1/0, yes/no, ja/nein, x): what a flag share divides by. */
const isFlag = (v: unknown): boolean =>
  typeof v === 'boolean' || v === 1 || v === 0 || (typeof v === 'string' && /^(yes|no|ja|nein|true|false|wahr|falsch|x|y|n|j|1|0)$/i.test(v.trim()));

/**
 * Actual, previous and baseline of a KPI as the scorecard's headline shows them, from the core's
 * KPI_BY_PERIOD on the same columns: the actual is the latest of the 12 periods up to the reporting
 * period with a value and at least the minimum of answers or tickets (else the reporting period);
 * previous the period before it; baseline the first period. n (and the minimum's count): the rows
 * of the period whose `used` column holds a value (a number or a date; for a flag share a yes or a
 * no) — the answers or tickets the KPI used, counted here without the product's code — or, for KPIs
 * without n, the period's Rows.
 */
function byPeriod(input: InputWorkbook, spec: Spec & { n?: Used }, period = 'month'): Expected {
  const args = spec.args.map((a) => (typeof a === 'number' ? a : column(input, spec.sheet, a)));
  const dates = column(input, spec.sheet, spec.date);
  const table = callIn('UTC', 'KPI_BY_PERIOD', spec.fn, dates, period, ...args) as (string | number)[][];
  const rows = table.slice(1);
  const byLabel = new Map(rows.map((r) => [String(r[0]), r]));
  const label = (v: unknown): string | undefined => (v instanceof Date ? labelOf(v.getTime(), period) : undefined);
  const flags = typeof spec.n === 'object';
  const usable = (v: unknown): boolean => (flags ? isFlag(v) : (typeof v === 'number' && Number.isFinite(v)) || v instanceof Date);
  const used = spec.n ? column(input, spec.sheet, typeof spec.n === 'object' ? spec.n.flags : spec.n) : undefined;
  const nOf = (l: string): number => {
    let n = 0;
    if (used) for (let i = 0; i < dates.length; i++) if (label(dates[i][0]) === l && usable(used[i][0])) n++;
    return n;
  };
  const counted = (l: string): number => (used ? nOf(l) : Number(byLabel.get(l)?.[1] ?? 0));
  const minimum = MINIMUM[spec.sheet] ?? 0;
  const reporting = reportingStart(input, spec.sheet, period);
  const trend = Array.from({ length: 12 }, (_, k) => shift(reporting, k - 11, period));
  let at = trend.length - 1;
  for (let k = trend.length - 1; k >= 0; k--) {
    const l = labelOf(trend[k], period);
    if (typeof byLabel.get(l)?.[2] === 'number' && counted(l) >= minimum) {
      at = k;
      break;
    }
  }
  const actual = labelOf(trend[at], period);
  const first = String(rows[0][0]);
  return {
    value: byLabel.get(actual)?.[2] ?? '',
    previous: byLabel.get(labelOf(shift(trend[at], -1, period), period))?.[2] ?? '',
    baseline: rows[0][2],
    n: nOf(actual),
    period: actual,
    labels: trend.map((t) => labelOf(t, period)).filter((l) => l >= first),
  };
}

const close = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

/** JSON shows a blank as null; the core shows it as "". */
const fromJson = (v: number | string | null): number | string => (v === null ? '' : v);

function expectKpi(got: JsonKpi | undefined, want: Expected, id: string, withN: unknown): void {
  if (!withN) expect(got!.n ?? null, `${id}.n`).toBeNull();
  expect(got, id).toBeDefined();
  for (const [k, w] of [['value', want.value], ['previous', want.previous], ['baseline', want.baseline]] as const) {
    const g = fromJson(got![k]);
    expect(close(g, w), `${id}.${k}: JSON ${String(g)}, core ${String(w)}`).toBe(true);
  }
  expect(got!.period, `${id}.period`).toBe(want.period);
  expect(got!.trendLabels.filter((l) => l !== '').slice(-want.labels.length), `${id}.trendLabels`).toEqual(want.labels);
  if (withN) expect(got!.n, `${id}.n`).toBe(want.n);
}

const SAMPLE_SPECS: Readonly<Record<string, Spec & { n: Used }>> = {
  retention: { fn: 'RETENTION_RATE', sheet: 'Customers', date: 'Month', args: ['Customers at start', 'Customers at end', 'New customers'], n: false },
  churn: { fn: 'CHURN_RATE', sheet: 'Customers', date: 'Month', args: ['Customers at start', 'Lost customers'], n: false },
  revenuePerCustomer: { fn: 'REVENUE_PER_CUSTOMER', sheet: 'Orders', date: 'Date', args: ['Amount', 'Customer'], n: false },
  profitPerCustomer: { fn: 'REVENUE_PER_CUSTOMER', sheet: 'Orders', date: 'Date', args: ['Profit', 'Customer'], n: false },
  nps: { fn: 'NPS', sheet: 'Survey', date: 'Date', args: ['NPS'], n: 'NPS' },
  csat: { fn: 'CSAT', sheet: 'Survey', date: 'Date', args: ['CSAT', 5], n: 'CSAT' },
  avgResolution: { fn: 'AVG_RESOLUTION', sheet: 'Tickets', date: 'Resolved', args: ['Opened', 'Resolved'], n: 'Opened' },
  medianResolution: { fn: 'MEDIAN_RESOLUTION', sheet: 'Tickets', date: 'Resolved', args: ['Opened', 'Resolved'], n: 'Opened' },
  firstResponse: { fn: 'AVG_FIRST_RESPONSE', sheet: 'Tickets', date: 'Opened', args: ['Opened', 'First response'], n: 'First response' },
  sla: { fn: 'SLA_ATTAINMENT', sheet: 'Tickets', date: 'Resolved', args: ['Opened', 'Resolved', 24], n: 'Opened' },
  fcr: { fn: 'FIRST_CONTACT_RESOLUTION', sheet: 'Tickets', date: 'Opened', args: ['First contact resolved'], n: { flags: 'First contact resolved' } },
  reopenRate: { fn: 'REOPEN_RATE', sheet: 'Tickets', date: 'Opened', args: ['Reopened'], n: { flags: 'Reopened' } },
  conversion: { fn: 'CONVERSION_RATE', sheet: 'Tickets', date: 'Opened', args: ['Converted'], n: { flags: 'Converted' } },
  resolvedIssues: { fn: 'RESOLVED_ISSUES', sheet: 'Tickets', date: 'Resolved', args: ['Resolved'], n: false },
  productivity: { fn: 'RESOLVED_PER_AGENT', sheet: 'Tickets', date: 'Resolved', args: ['Agent', 'Resolved'], n: false },
  complaintRate: { fn: 'CONVERSION_RATE', sheet: 'Tickets', date: 'Opened', args: ['Complaint'], n: { flags: 'Complaint' } },
  returnRate: { fn: 'RETURN_RATE', sheet: 'Orders', date: 'Date', args: ['Units returned', 'Units sold'], n: false },
  turnover: { fn: 'EMPLOYEE_TURNOVER', sheet: 'Customers', date: 'Month', args: ['Separations', 'Headcount at start', 'Headcount at end'], n: false },
  employeeRetention: { fn: 'EMPLOYEE_RETENTION', sheet: 'Customers', date: 'Month', args: ['Headcount at start', 'Headcount at end', 'Hires'], n: false },
  cashFlow: { fn: 'CASH_FLOW', sheet: 'Customers', date: 'Month', args: ['Cash in', 'Cash out'], n: false },
};

/** The latest whole day in two date columns, plus one: where the plan measures today's backlog. */
function endOfData(a: unknown[][], b: unknown[][]): number {
  let latest = -Infinity;
  for (const col of [a, b]) {
    for (const [v] of col) if (v instanceof Date) latest = Math.max(latest, v.getTime() / 86_400_000 + 25_569);
  }
  return Math.floor(latest + 1e-9) + 1;
}

/** The rows of a sheet whose date column falls in a month label (`2026-11`). */
function rowsInMonth(input: InputWorkbook, sheet: string, date: string, header: string, month: string): unknown[][] {
  const dates = column(input, sheet, date);
  const values = column(input, sheet, header);
  return values.filter((_, i) => dates[i][0] instanceof Date && (dates[i][0] as Date).toISOString().slice(0, 7) === month);
}

// ---------------------------------------------------------------- the sample workbook

describe('service-kpi scorecard on the bundled sample (examples/helpdesk.xlsx)', () => {
  let json: CliRun;
  let table: CliRun;
  let kpis: JsonKpi[];
  let input: InputWorkbook;
  let before: string;

  beforeAll(async () => {
    before = await sha256(SAMPLE);
    [json, table] = await Promise.all([
      runCli(cli, ['scorecard', SAMPLE, '--out', out('sample.xlsx'), '--html', out('sample.html'), '--json']),
      runCli(cli, ['scorecard', SAMPLE, '--out', out('sample-table.xlsx')]),
    ]);
    kpis = JSON.parse(json.stdout).kpis as JsonKpi[];
    sampleKpis = kpis;
    input = await readXlsxFile(SAMPLE);
    console.log(`CLI on the sample: ${json.ms} ms (--json --html), ${table.ms} ms (table)`);
  });

  it('succeeds, writes both files and leaves the input untouched', async () => {
    expect(json.stderr).not.toMatch(/service-kpi:/);
    expect(json.code).toBe(0);
    expect(table.code).toBe(0);
    expect((await readFile(out('sample.xlsx'))).subarray(0, 2).toString()).toBe('PK');
    expect((await readFile(out('sample.html'), 'utf8')).startsWith('<!DOCTYPE html>')).toBe(true);
    expect(await sha256(SAMPLE)).toBe(before);
    expect(json.stderr).toMatch(new RegExp(`^wrote .*sample\\.xlsx and .*sample\\.html: ${kpis.length} KPIs on the sheet "KPI Scorecard"$`, 'm'));
  });

  it('finds every KPI the sample supports, in scorecard order', () => {
    expect(kpis.map((k) => k.id)).toEqual([
      'retention', 'churn', 'revenuePerCustomer', 'profitPerCustomer', 'nps', 'competitorGap', 'csat', 'avgResolution',
      // From the Status log and Messages sheets (issue 17).
      'pausedResolution', 'requesterWait',
      'medianResolution', 'firstResponse', 'nextReply', 'sla', 'pausedSla', 'fcr', 'reopenRate', 'conversion', 'activeIssues', 'resolvedIssues',
      'backlogAge', 'productivity', 'complaintRate', 'returnRate', 'turnover', 'employeeRetention', 'cashFlow', 'timeByStatus', 'brandAttributes',
    ]);
    const nps = kpis.find((k) => k.id === 'nps')!;
    expect(Object.keys(nps)).toEqual(['kpi', 'id', 'name', 'perspective', 'section', 'value', 'previous', 'baseline', 'target', 'direction',
      'status', 'unit', 'n', 'ciLow', 'ciHigh', 'period', 'trend', 'trendLabels', 'definition']);
    expect(nps).toMatchObject({ kpi: 'NPS', name: 'Net Promoter Score', unit: 'points', target: 30, direction: 'higher', period: '2026-11' });
  });

  it('reports actual, previous and baseline equal to the core\'s KPI_BY_PERIOD on the same columns', () => {
    for (const [id, spec] of Object.entries(SAMPLE_SPECS)) {
      expectKpi(kpis.find((k) => k.id === id), byPeriod(input, spec), id, spec.n);
    }
  });

  it('reports the NPS of the latest month as the examples README states it (33.03 in November 2026)', () => {
    expect(kpis.find((k) => k.id === 'nps')!.value).toBeCloseTo(33.03, 2);
  });

  it('reports the stocks and the gap as the core computes them', () => {
    const O = column(input, 'Tickets', 'Opened');
    const R = column(input, 'Tickets', 'Resolved');
    // Active issues: open at the end of November, the reporting month (no ticket is dated later): the README says 150.
    expect(kpis.find((k) => k.id === 'activeIssues')!.value).toBe(callIn('UTC', 'ACTIVE_ISSUES', O, R));
    expect(kpis.find((k) => k.id === 'activeIssues')!.value).toBe(150);
    // Backlog age: the mean age of the open tickets at the end of the latest day in the data.
    expect(close(kpis.find((k) => k.id === 'backlogAge')!.value, callIn('UTC', 'BACKLOG_AGE', O, R, endOfData(O, R)))).toBe(true);
    const nps = kpis.find((k) => k.id === 'nps')!.value;
    const gap = callIn('UTC', 'COMPETITOR_GAP', nps, column(input, 'Competitors', 'NPS'));
    expect(close(kpis.find((k) => k.id === 'competitorGap')!.value, gap)).toBe(true);
    const terms = callIn('UTC', 'BRAND_ATTRIBUTES', column(input, 'Survey', 'Comment'), 10) as unknown[][];
    expect(kpis.find((k) => k.id === 'brandAttributes')!.value).toBe(terms[1][0]);
  });

  it('reports the log KPIs as plain per-ticket loops over the Status log and Messages sheets give them, by the month of each ticket\'s resolved or opened date in the Tickets sheet', () => {
    const rows = (sheet: string, header: string): { id: string; ms: number; word: string; index: number }[] => {
      const ids = column(input, sheet, 'Ticket ID'), times = column(input, sheet, sheet === 'Messages' ? 'Sent at' : 'Changed at');
      const words = column(input, sheet, header);
      return ids.map(([id], i) => ({ id: String(id), ms: (times[i][0] as Date).getTime(), word: String(words[i][0]), index: i }));
    };
    const changes: Change[] = rows('Status log', 'Status').map((r) => ({ ...r, status: r.word }));
    const messages: Message[] = rows('Messages', 'Author').map((r) => ({ ...r, author: r.word as Message['author'] }));
    const resolved = ['solved', 'closed'], pause = ['pending', 'on-hold'];
    // Joined to the Tickets sheet, the log KPIs count a ticket in the month of its date there, as the
    // ticket KPIs do: resolution and SLA by its resolved date, waits and replies by its opened date;
    // an open ticket (no resolved date) by its first log row.
    const dated = (header: string): Map<string, number> => {
      const ids = column(input, 'Tickets', 'Ticket ID'), dates = column(input, 'Tickets', header);
      return new Map(ids.flatMap(([id], i) => (dates[i][0] instanceof Date ? [[String(id), (dates[i][0] as Date).getTime()] as const] : [])));
    };
    const byResolved = tableMonth(dated('Resolved')), byOpened = tableMonth(dated('Opened'));
    const expected: Record<string, Map<string, number>> = {
      pausedResolution: byTicketMonth(changes, resolution(resolved, pause), byResolved),
      // Zendesk's requester wait: new, open and on-hold (the customer still waits on a third party).
      requesterWait: byTicketMonth(changes, timeIn(['new', 'open', 'on-hold']), byOpened),
      pausedSla: byTicketMonth(changes, withinSla(24, resolved, pause), byResolved),
      nextReply: byTicketMonth(messages, nextReplies, byOpened),
    };
    const counts: Record<string, Map<string, number>> = {
      pausedResolution: ticketsByMonth(changes, resolution(resolved, pause), byResolved),
      requesterWait: ticketsByMonth(changes, timeIn(['new', 'open', 'on-hold']), byOpened),
      pausedSla: ticketsByMonth(changes, withinSla(24, resolved, pause), byResolved),
      nextReply: ticketsByMonth(messages, nextReplies, byOpened),
    };
    // The same tickets as the ticket KPIs beside them: as many as average resolution time and SLA attainment count.
    const reported = (id: string): JsonKpi => kpis.find((k) => k.id === id)!;
    expect(reported('pausedResolution').n).toBe(reported('avgResolution').n);
    expect(reported('pausedSla').n).toBe(reported('sla').n);
    for (const [id, byMonth] of Object.entries(expected)) {
      expect(reported(id).n, `${id} n`).toBe(counts[id].get(String(reported(id).period)));
      const got = kpis.find((k) => k.id === id)!;
      const months = [...byMonth.keys()].sort();
      expect(months.length, id).toBe(12);
      expect(got.period, id).toBe(months[11]);
      expect(got.trendLabels, id).toEqual(months);
      got.trend.forEach((v, i) => expect(close(v, byMonth.get(months[i])), `${id} ${months[i]}: ${String(v)} vs ${byMonth.get(months[i])}`).toBe(true));
      expect(close(got.value, byMonth.get(months[11])) && close(got.previous, byMonth.get(months[10])) && close(got.baseline, byMonth.get(months[0])), id).toBe(true);
    }
    // The clock stops while a ticket waits for the customer: never longer than the full resolution time.
    const full = byTicketMonth(changes, resolution(resolved), byResolved);
    for (const [m, v] of expected.pausedResolution) expect(v).toBeLessThanOrEqual(full.get(m)! + 1e-9);

    // Time by status over the whole log: per status, the tickets that spent time in it and the hours.
    const spent = new Map<string, { tickets: number; hours: number }>();
    for (const list of tickets(changes)) {
      const mine = new Map<string, number>();
      for (let i = 0; i + 1 < list.length; i++) mine.set(list[i].status, (mine.get(list[i].status) ?? 0) + (list[i + 1].ms - list[i].ms) / HOUR);
      for (const [status, h] of mine) {
        const e = spent.get(status) ?? { tickets: 0, hours: 0 };
        spent.set(status, { tickets: e.tickets + 1, hours: e.hours + h });
      }
    }
    const table = kpis.find((k) => k.id === 'timeByStatus')!.table!;
    expect(table[0]).toEqual(['Status', 'Tickets', 'Average', 'Median', 'Total']);
    expect(table.slice(1).map((r) => r[0])).toEqual(['new', 'open', 'solved', 'pending', 'closed', 'on-hold']);
    for (const [status, count, , , total] of table.slice(1)) {
      const e = spent.get(status as string) ?? { tickets: 0, hours: 0 };
      expect(count, String(status)).toBe(e.tickets);
      if (e.tickets > 0) expect(close(total, e.hours) || Math.abs((total as number) - e.hours) < 1e-6, `${String(status)}: ${String(total)} vs ${e.hours}`).toBe(true);
    }
  });

  it('reports confidence intervals the core\'s NPS_MOE and CSAT_CI give for the latest month', () => {
    const nps = kpis.find((k) => k.id === 'nps')!;
    const moe = callIn('UTC', 'NPS_MOE', rowsInMonth(input, 'Survey', 'Date', 'NPS', '2026-11')) as number;
    expect(close(nps.ciHigh! - (nps.value as number), moe)).toBe(true);
    expect(close((nps.value as number) - nps.ciLow!, moe)).toBe(true);
    const csat = kpis.find((k) => k.id === 'csat')!;
    const [[low, high]] = callIn('UTC', 'CSAT_CI', rowsInMonth(input, 'Survey', 'Date', 'CSAT', '2026-11'), 5) as number[][];
    expect(close(csat.ciLow, low)).toBe(true);
    expect(close(csat.ciHigh, high)).toBe(true);
  });

  it('gives a status by target and direction, as KPI_STATUS does', () => {
    for (const k of kpis) {
      if (k.target === null || typeof k.value !== 'number') continue;
      expect(k.status, k.id).toBe(callIn('UTC', 'KPI_STATUS', k.value, k.target, k.direction, 0.05));
    }
  });

  it('prints a readable, aligned table when --json is not given', () => {
    const lines = table.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^KPI +Period +Actual +Previous +Baseline +Target +Status +n +95 % CI$/);
    expect(lines.length).toBe(2 + sampleKpis.length);
    expect(table.stdout).not.toMatch(/\x1b\[/);
    const nps = lines.find((l) => l.startsWith('Net Promoter Score'))!;
    expect(nps).toMatch(/^Net Promoter Score +2026-11 +33\.0 +49\.1 +15\.3 +30\.0 +green +109 +18\.0 – 48\.1$/);
    // Right-aligned numbers: every row is as long as the header row or shorter only by trailing blanks.
    const actualEnd = lines[0].indexOf('Actual') + 'Actual'.length;
    for (const l of lines.slice(2)) expect(l[actualEnd - 1], l).not.toBe(' ');
  });
});

describe('the workbook written for the sample', () => {
  let bytes: Buffer;
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    // Written by the first describe block's run.
    bytes = await readFile(out('sample.xlsx'));
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  });

  it('has the scorecard first and active, then every data sheet of the input', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['KPI Scorecard', 'Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);
    expect(wb.views[0].activeTab).toBe(0);
  });

  it('holds the data sheets with the same values and number formats as the input', async () => {
    const original = await readXlsxFile(SAMPLE);
    // Read back with the CLI's own reader: our scorecard is recognised by its marker and left out.
    const copy = await readXlsxFile(out('sample.xlsx'));
    expect(copy.existing.filter((e) => e.ours).map((e) => e.name)).toEqual(['KPI Scorecard']);
    expect(copy.sheets.map((s) => s.data.name)).toEqual(original.sheets.map((s) => s.data.name));
    for (let i = 0; i < original.sheets.length; i++) {
      expect(copy.sheets[i].data, original.sheets[i].data.name).toEqual(original.sheets[i].data);
      expect(copy.sheets[i].formats, original.sheets[i].data.name).toEqual(original.sheets[i].formats);
    }
  });

  it('writes every formula with its cached value, portable (no add-in functions, never KPI.)', () => {
    const cells = formulaCells(bytes);
    expect(cells.length).toBeGreaterThan(500);
    expect(cells.filter((c) => c.cached === undefined).map((c) => c.ref)).toEqual([]);
    expect(cells.filter((c) => /_xldudf_|KPI\./.test(c.formula)).map((c) => c.ref)).toEqual([]);
  });

  it('colours the status column by conditional formats and draws data bars for the trends', () => {
    const ws = wb.getWorksheet('KPI Scorecard')!;
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: string[] }[] }[] }).conditionalFormattings;
    // 27 KPI rows: 29 KPIs less the two tables below them (time by status, brand attributes).
    const status = cfs.find((c) => c.ref === 'K5:K31')!;
    expect(status.rules.map((r) => r.formulae?.[0])).toEqual(['K5="green"', 'K5="amber"', 'K5="red"']);
    const bars = cfs.filter((c) => c.rules[0].type === 'dataBar').map((c) => c.ref);
    // One bar range per KPI with a trend (all but the competitor gap and the two tables): the 12
    // period cells Q…AB of its row.
    // KPI rows start at row 5 in summary order.
    const trended = sampleKpis.map((k, i) => ({ k, row: 5 + i })).filter(({ k }) => k.trend.length > 0);
    expect(trended.length).toBe(26);
    expect(bars).toEqual(trended.map(({ row }) => `Q${row}:AB${row}`));
  });

  it('freezes the header and the KPI names, hides the helper columns and marks the sheet as ours', () => {
    const ws = wb.getWorksheet('KPI Scorecard')!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: 4 });
    expect(ws.getColumn(30).hidden).toBe(true); // AD: the first helper block
    expect(ws.getColumn(3).hidden).toBe(false);
    const names = wb.definedNames.model.map((n) => n.name);
    expect(names).toContain('_ServiceKpi_Scorecard');
    expect(names).toContain('_ServiceKpi_Target_nps');
  });
});

describe('service-kpi scorecard on CSV files', () => {
  let run: CliRun;
  let kpis: JsonKpi[];
  /** The same files as of 2026-03-31: March, the month of the time change, is the headline. */
  let march: JsonKpi[];
  let input: InputWorkbook;
  const files = ['survey.csv', 'bestellungen.csv', 'tickets.csv', 'kunden.csv'].map((f) => path.join(CSV_DIR, f));

  beforeAll(async () => {
    let asOf: CliRun;
    [run, asOf] = await Promise.all([
      runCli(cli, ['scorecard', ...files, '--out', out('csv.xlsx'), '--json', '--tz', 'Europe/Berlin']),
      runCli(cli, ['scorecard', ...files, '--out', out('csv-march.xlsx'), '--json', '--tz', 'Europe/Berlin', '--as-of', '2026-03-31', '-q']),
    ]);
    kpis = JSON.parse(run.stdout).kpis as JsonKpi[];
    march = JSON.parse(asOf.stdout).kpis as JsonKpi[];
    const berlin = wallClock('Europe/Berlin');
    const sheets = await Promise.all(files.map((f) => readCsvFile(f, path.basename(f, '.csv'), berlin)));
    input = { sheets: sheets.map((s) => s.sheet), sheetNames: [], existing: [], notes: [], files };
  });

  it('reads comma and semicolon files, German numbers, dates and headers, and ISO times with Z', () => {
    expect(run.code).toBe(0);
    expect(kpis.map((k) => k.id)).toEqual([
      'retention', 'churn', 'revenuePerCustomer', 'profitPerCustomer', 'nps', 'csat', 'avgResolution', 'medianResolution',
      'firstResponse', 'sla', 'fcr', 'reopenRate', 'activeIssues', 'resolvedIssues', 'backlogAge', 'productivity', 'returnRate',
      'brandAttributes',
    ]);
  });

  it('reports values equal to the core\'s functions on the parsed columns', () => {
    const specs: Record<string, Spec & { n: Used }> = {
      retention: { fn: 'RETENTION_RATE', sheet: 'kunden', date: 'Monat', args: ['Kunden am Anfang', 'Kunden am Ende', 'Neukunden'], n: false },
      churn: { fn: 'CHURN_RATE', sheet: 'kunden', date: 'Monat', args: ['Kunden am Anfang', 'Verlorene Kunden'], n: false },
      revenuePerCustomer: { fn: 'REVENUE_PER_CUSTOMER', sheet: 'bestellungen', date: 'Datum', args: ['Betrag', 'Kunde'], n: false },
      profitPerCustomer: { fn: 'REVENUE_PER_CUSTOMER', sheet: 'bestellungen', date: 'Datum', args: ['Gewinn', 'Kunde'], n: false },
      returnRate: { fn: 'RETURN_RATE', sheet: 'bestellungen', date: 'Datum', args: ['Retouren', 'Verkaufte Stück'], n: false },
      nps: { fn: 'NPS', sheet: 'survey', date: 'Date', args: ['NPS'], n: 'NPS' },
      csat: { fn: 'CSAT', sheet: 'survey', date: 'Date', args: ['CSAT', 5], n: 'CSAT' },
      avgResolution: { fn: 'AVG_RESOLUTION', sheet: 'tickets', date: 'Resolved', args: ['Opened', 'Resolved'], n: 'Opened' },
      medianResolution: { fn: 'MEDIAN_RESOLUTION', sheet: 'tickets', date: 'Resolved', args: ['Opened', 'Resolved'], n: 'Opened' },
      firstResponse: { fn: 'AVG_FIRST_RESPONSE', sheet: 'tickets', date: 'Opened', args: ['Opened', 'First response'], n: 'First response' },
      sla: { fn: 'SLA_ATTAINMENT', sheet: 'tickets', date: 'Resolved', args: ['Opened', 'Resolved', 24], n: 'Opened' },
      fcr: { fn: 'FIRST_CONTACT_RESOLUTION', sheet: 'tickets', date: 'Opened', args: ['First contact resolved'], n: { flags: 'First contact resolved' } },
      reopenRate: { fn: 'REOPEN_RATE', sheet: 'tickets', date: 'Opened', args: ['Reopened'], n: { flags: 'Reopened' } },
      resolvedIssues: { fn: 'RESOLVED_ISSUES', sheet: 'tickets', date: 'Resolved', args: ['Resolved'], n: false },
      productivity: { fn: 'RESOLVED_PER_AGENT', sheet: 'tickets', date: 'Resolved', args: ['Agent', 'Resolved'], n: false },
    };
    for (const [id, spec] of Object.entries(specs)) expectKpi(kpis.find((k) => k.id === id), byPeriod(input, spec), id, spec.n);
    const O = column(input, 'tickets', 'Opened');
    const R = column(input, 'tickets', 'Resolved');
    // Active issues: open at the end of the reporting month (February: the data ends on 28 March).
    const end = shift(reportingStart(input, 'tickets', 'month'), 1, 'month') / DAY_MS + 25_569;
    expect(end).toBe(Date.UTC(2026, 2, 1) / DAY_MS + 25_569);
    expect(kpis.find((k) => k.id === 'activeIssues')!.value).toBe(callIn('UTC', 'ACTIVE_ISSUES', O, R, Math.min(end, endOfData(O, R))));
  });

  it('measures durations on the Berlin wall clock: a ticket across the switch to summer time is one hour longer', () => {
    // T-028 opened 2026-03-28T22:15Z; its times lie on both sides of 2026-03-29 01:00Z. The
    // resolution time the CLI reports for March equals the core's on wall-clock values, and
    // differs from the same data read in UTC by exactly the tickets that span the change.
    const utc = wallClock('UTC');
    const resolution = march.find((k) => k.id === 'avgResolution')!;
    expect(resolution.period).toBe('2026-03');
    return readCsvFile(files[2], 'tickets', utc).then(({ sheet }) => {
      const inUtc: InputWorkbook = { sheets: [sheet], sheetNames: [], existing: [], notes: [], files };
      const spec: Spec = { fn: 'AVG_RESOLUTION', sheet: 'tickets', date: 'Resolved', args: ['Opened', 'Resolved'] };
      const table = (w: InputWorkbook): (string | number)[][] =>
        callIn('UTC', 'KPI_BY_PERIOD', spec.fn, column(w, 'tickets', spec.date), 'month', column(w, 'tickets', 'Opened'), column(w, 'tickets', 'Resolved')) as (string | number)[][];
      const berlinMarch = table(input).find((r) => r[0] === '2026-03')!;
      const utcMarch = table(inUtc).find((r) => r[0] === '2026-03')!;
      expect(close(resolution.value, berlinMarch[2])).toBe(true);
      // Tickets T-028 and T-029 span the change (opened before 01:00Z, resolved after): +1 h each.
      expect((berlinMarch[2] as number) - (utcMarch[2] as number)).toBeCloseTo(2 / (berlinMarch[1] as number), 9);
    });
  });
});

// ---------------------------------------------------------------- options

describe('options of service-kpi scorecard', () => {
  it('--targets sets targets and directions by KPI id and can leave a KPI out', async () => {
    const file = out('targets.json');
    await writeFile(file, JSON.stringify({ nps: { target: 40, direction: 'higher' }, csat: 0.85, churn: { enabled: false }, backlogAge: null }));
    const r = await runCli(cli, ['scorecard', SAMPLE, '--out', out('targets.xlsx'), '--targets', file, '--json', '-q']);
    expect(r.code).toBe(0);
    const kpis = JSON.parse(r.stdout).kpis as JsonKpi[];
    expect(kpis.find((k) => k.id === 'nps')).toMatchObject({ target: 40, status: 'red' });
    expect(kpis.find((k) => k.id === 'csat')!.target).toBe(0.85);
    expect(kpis.find((k) => k.id === 'backlogAge')).toMatchObject({ target: null, status: null });
    expect(kpis.some((k) => k.id === 'churn')).toBe(false);
  });

  it('--roles maps columns detection cannot name, and without it the error lists the headers it saw', async () => {
    const data = out('feedback.csv');
    const rows = ['Wann,Wert'];
    for (let i = 0; i < 30; i++) rows.push(`2026-0${1 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')},${i % 11}`);
    await writeFile(data, `${rows.join('\n')}\n`);
    const bare = await runCli(cli, ['scorecard', data, '--out', out('feedback.xlsx')]);
    expect(bare.code).toBe(1);
    expect(bare.stderr).toBe(`service-kpi: no recognisable columns in feedback.csv; headers seen: "feedback": "Wann", "Wert". See what was found with: service-kpi detect ${data}; rename the columns (see docs/cli.md) or map them with --roles FILE.json\n`);

    const roles = out('roles.json');
    await writeFile(roles, JSON.stringify({ roles: [{ sheet: 'feedback', column: 'Wann', role: 'surveyDate' }, { sheet: 'feedback', column: 'B', role: 'npsScore' }] }));
    const mapped = await runCli(cli, ['scorecard', data, '--out', out('feedback.xlsx'), '--roles', roles, '--json', '-q']);
    expect(mapped.code).toBe(0);
    const kpis = JSON.parse(mapped.stdout).kpis as JsonKpi[];
    expect(kpis.map((k) => k.id)).toEqual(['nps']);
    const csv = (await readCsvFile(data, 'feedback', wallClock('UTC'))).sheet;
    const parsed: InputWorkbook = { sheets: [csv], sheetNames: [], existing: [], notes: [], files: [data] };
    expectKpi(kpis[0], byPeriod(parsed, { fn: 'NPS', sheet: 'feedback', date: 'Wann', args: ['Wert'], n: 'Wert' }), 'nps', true);
  });

  // Since the CSV reader learned each column's day/month order (exports branch: --date-order, per-
  // column order of date text), US date text is stored as real dates in the copy like ISO dates:
  // both get native formulas, and a note says how the text was read. A column of date text native
  // formulas cannot read is still written as values; test/scorecard/plan.test.ts covers that note.
  it('reads US date text in a CSV month first, says so, and writes native formulas as for ISO dates', async () => {
    // The same answers twice: dated 2026-03-14 08:05 and 3/14/2026 8:05 (the reader stores real dates for both).
    const iso = ['Date,NPS'], us = ['Date,NPS'];
    for (let i = 0; i < 120; i++) {
      const m = 1 + Math.floor(i / 30), d = 1 + (i % 28), score = (i * 7) % 11;
      iso.push(`2026-0${m}-${String(d).padStart(2, '0')} 08:${String(i % 60).padStart(2, '0')},${score}`);
      us.push(`${m}/${d}/2026 8:${String(i % 60).padStart(2, '0')},${score}`);
    }
    await writeFile(out('iso.csv'), `${iso.join('\n')}\n`);
    await writeFile(out('us.csv'), `${us.join('\n')}\n`);
    const [a, b] = await Promise.all([
      runCli(cli, ['scorecard', out('iso.csv'), '--out', out('iso.xlsx'), '--json', '--min-answers', '0']),
      runCli(cli, ['scorecard', out('us.csv'), '--out', out('us.xlsx'), '--json', '--min-answers', '0']),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    // --json prints { kpis, notes, detected } since the detection report joined it (exports).
    const [npsIso, npsUs] = [a, b].map((r) => (JSON.parse(r.stdout).kpis as JsonKpi[]).find((k) => k.id === 'nps')!);
    // Both read alike: April is incomplete (data to 4/28), so Actual is March.
    expect(npsUs.period).toBe('2026-03');
    expect([npsUs.value, npsUs.previous, npsUs.baseline]).toEqual([npsIso.value, npsIso.previous, npsIso.baseline]);
    for (const r of [a, b]) expect(r.stderr).not.toMatch(/written as values/);
    expect(b.stderr).toContain('us.csv: column "Date": 120 dates such as "1/1/2026 8:00" on line 2 read month first, as "1/13/2026 8:12" on line 14 shows');
    expect(a.stderr).not.toMatch(/read month first|read day first/);
    const natives = (file: string, sheet: string) => readFile(out(file)).then((x) => formulaCells(x).filter((c) => c.formula.includes(`COUNTIFS(${sheet}!B`)).length);
    expect(await natives('iso.xlsx', 'iso')).toBeGreaterThan(0);
    expect(await natives('us.xlsx', 'us')).toBe(await natives('iso.xlsx', 'iso'));
  });

  it('--period quarter groups by quarters', async () => {
    const r = await runCli(cli, ['scorecard', SAMPLE, '--out', out('quarter.xlsx'), '--period', 'quarter', '--json', '-q']);
    expect(r.code).toBe(0);
    const kpis = JSON.parse(r.stdout).kpis as JsonKpi[];
    const input = await readXlsxFile(SAMPLE);
    expectKpi(kpis.find((k) => k.id === 'nps'), byPeriod(input, SAMPLE_SPECS.nps, 'quarter'), 'nps', true);
    // The data ends on 30 November: the fourth quarter is not complete.
    expect(kpis.find((k) => k.id === 'nps')!.period).toBe('2026-Q3');
  });

  it('--addin-formulas writes the add-in\'s functions as Excel stores them, never KPI.', async () => {
    const r = await runCli(cli, ['scorecard', SAMPLE, '--out', out('addin.xlsx'), '--addin-formulas', '-q']);
    expect(r.code).toBe(0);
    const cells = formulaCells(await readFile(out('addin.xlsx')));
    const ours = cells.filter((c) => c.formula.includes('_xldudf_KPI_'));
    expect(ours.length).toBeGreaterThan(20);
    expect(cells.filter((c) => /(^|[^_A-Z])KPI\./.test(c.formula)).map((c) => c.formula)).toEqual([]);
    // A per-period helper block is an array formula over its cached table (header + 12 months).
    const block = ours.find((c) => c.formula.startsWith('_xldudf_KPI_KPI_BY_PERIOD("NPS",'))!;
    expect(block.arrayRef).toMatch(/^[A-Z]+4:[A-Z]+16$/);
    expect(block.cached).toBe('Period');
  });

  it('run on its own output, replaces its earlier scorecard and keeps the targets typed on it', async () => {
    const first = out('first.xlsx');
    expect((await runCli(cli, ['scorecard', SAMPLE, '--out', first, '-q'])).code).toBe(0);
    // The manager types an NPS target of 45 into the scorecard.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const ref = wb.definedNames.model.find((n) => n.name === '_ServiceKpi_Target_nps')!.ranges[0];
    const cell = /\$([A-Z]+)\$(\d+)$/.exec(ref)!;
    wb.getWorksheet('KPI Scorecard')!.getCell(`${cell[1]}${cell[2]}`).value = 45;
    await wb.xlsx.writeFile(first);

    const second = await runCli(cli, ['scorecard', first, '--out', out('second.xlsx'), '--json']);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('the sheet "KPI Scorecard" is an earlier scorecard; it is replaced, keeping the targets and the cells you wrote on it');
    expect(JSON.parse(second.stdout).kpis.find((k: JsonKpi) => k.id === 'nps').target).toBe(45);
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(out('second.xlsx'));
    expect(again.worksheets.map((w) => w.name)).toEqual(['KPI Scorecard', 'Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);
    // Two CLI runs on the sample (with its logs, 24,653 more rows): more room than the default 60 s on a loaded machine.
  }, 180_000);

  it('run on its own output, keeps the cells the manager wrote (Z3, A80), reads a target typed as text, moves a note in its way to "Your notes"', async () => {
    const first = out('notes-first.xlsx');
    expect((await runCli(cli, ['scorecard', SAMPLE, '--out', first, '-q'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const refOf = (id: string): string => /\$([A-Z]+)\$(\d+)$/.exec(wb.definedNames.model.find((n) => n.name === `_ServiceKpi_Target_${id}`)!.ranges[0])!.slice(1).join('');
    const card = wb.getWorksheet('KPI Scorecard')!;
    card.getCell('Z3').value = 'check with Ana';
    card.getCell('A80').value = 'Q3 review done';
    card.getCell(refOf('nps')).value = '45';
    card.getCell(refOf('csat')).value = 'ask Ana';
    await wb.xlsx.writeFile(first);

    const second = await runCli(cli, ['scorecard', first, '--out', out('notes-second.xlsx'), '--json']);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout).kpis.find((k: JsonKpi) => k.id === 'nps').target).toBe(45);
    expect(second.stderr).toContain('Kept the 2 cells you wrote on the previous scorecard where they were.');
    expect(second.stderr).toContain('moved to "Your notes"');
    const again = new ExcelJS.Workbook();
    await again.xlsx.readFile(out('notes-second.xlsx'));
    const next = again.getWorksheet('KPI Scorecard')!;
    expect(next.getCell('Z3').value).toBe('check with Ana');
    expect(next.getCell('A80').value).toBe('Q3 review done');
    const texts: unknown[] = [];
    next.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain('ask Ana');
    expect(texts).toContain('Your notes');
    expect(again.worksheets.map((w) => w.name)).toEqual(['KPI Scorecard', 'Survey', 'Tickets', 'Orders', 'Customers', 'Competitors', 'Status log', 'Messages']);

    // A third run keeps all of it again, and nothing twice.
    const third = await runCli(cli, ['scorecard', out('notes-second.xlsx'), '--out', out('notes-third.xlsx'), '-q']);
    expect(third.code).toBe(0);
    const last = new ExcelJS.Workbook();
    await last.xlsx.readFile(out('notes-third.xlsx'));
    const values: unknown[] = [];
    last.getWorksheet('KPI Scorecard')!.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values.filter((v) => v === 'ask Ana')).toHaveLength(1);
    expect(values.filter((v) => v === 'check with Ana')).toHaveLength(1);
    // Three CLI runs on the sample with its logs: room on a loaded machine.
  }, 240_000);

  it('trusts its defined name only on a sheet that is its scorecard: a data sheet it points at is kept as data, and the run says so', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Survey');
    ws.addRow(['Date', 'NPS']);
    for (let i = 0; i < 1200; i++) ws.addRow([new Date(Date.UTC(2026, i % 6, 1 + (i % 28))), i % 11]);
    src.definedNames.add("'Survey'!$A$1", '_ServiceKpi_Scorecard');
    const file = out('marked-data.xlsx');
    await src.xlsx.writeFile(file);
    const r = await runCli(cli, ['scorecard', file, '--out', out('marked-data-out.xlsx')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('The sheet "Survey" carries the scorecard\'s marker but is not a scorecard');
    expect(r.stderr).not.toContain('is an earlier scorecard');
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(out('marked-data-out.xlsx'));
    expect(result.worksheets.map((w) => w.name)).toEqual(['KPI Scorecard', 'Survey']);
    expect(result.getWorksheet('Survey')!.rowCount).toBe(1201);
  });

  it('says what an input workbook holds that the output does not carry over', async () => {
    const src = new ExcelJS.Workbook();
    const ws = src.addWorksheet('Survey');
    ws.addRow(['Date', 'NPS', 'Doubled']);
    for (let i = 0; i < 12; i++) {
      const row = ws.addRow([new Date(Date.UTC(2026, i % 3, 1 + i)), i % 11, null]);
      row.getCell(3).value = { formula: `B${row.number}*2`, result: (i % 11) * 2 };
    }
    ws.getCell('A1').note = 'exported from the survey tool';
    ws.getCell('B2').dataValidation = { type: 'whole', operator: 'between', formulae: [0, 10], allowBlank: true };
    // A 1×1 PNG.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
    ws.addImage(src.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'E2:F4');
    const file = out('extras.xlsx');
    await src.xlsx.writeFile(file);
    const r = await runCli(cli, ['scorecard', file, '--out', out('extras-out.xlsx'), '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: ${file}: the output does not carry over 1 image, 1 data validation rule, 1 comment; the input file is unchanged`);
    expect(r.stderr).toContain(`note: ${file}: 12 formula cells copied as their saved values`);
  });
});
