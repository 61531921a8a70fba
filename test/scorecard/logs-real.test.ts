/**
 * Status logs and event logs among the real and documented exports (test/fixtures/real, see
 * SOURCES.md): detection alone finds the log, the scorecard counts each ticket once and shows the
 * log KPIs, and every period's value equals a figure computed here by plain per-ticket loops over
 * the parsed rows (not the product's functions), as expected-notes.md describes them.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCsv, splitCsv } from '../../cli/read-csv.js';
import { parseCommandLine } from '../../cli/args.js';
import type { ScorecardArgs } from '../../cli/args.js';
import { planFor } from '../../cli/run.js';
import type { Progress } from '../../cli/progress.js';
import type { ScorecardPlan } from '../../core/scorecard/types.js';
import { byStartMonth, HOUR, month, resolution, tickets, timeIn } from '../helpers/log-loops.js';
import type { Change } from '../helpers/log-loops.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real');
const quiet: Progress = { step() {}, done() {} } as unknown as Progress;

async function scorecard(file: string, extra: string[] = []): Promise<ScorecardPlan> {
  const args = parseCommandLine(['scorecard', path.join(DIR, file), '--out', '/tmp/never-written.xlsx', '--tz', 'UTC', '--addin-formulas', ...extra]) as ScorecardArgs;
  return (await planFor(args, quiet)).plan;
}

/** A live helper block's whole table (every period), by KPI id: label → [rows, value]. */
function periods(plan: ScorecardPlan, id: string): Map<string, number | ''> {
  const block = plan.blocks.find((b) => b.id === `helper:${id}`);
  const spill = (block?.cells[0][0]?.formula as { spill?: unknown[][] } | undefined)?.spill;
  if (!spill) throw new Error(`no live block for ${id}`);
  return new Map(spill.slice(1).map((r) => [String(r[0]), r[2] as number | '']));
}

function rowsOf(file: string): { head: string[]; body: string[][] } {
  const { rows } = splitCsv(decodeCsv(readFileSync(path.join(DIR, file))).text, file);
  const [head, ...body] = rows;
  return { head, body: body.filter((r) => r.length > 1) };
}

// The plain per-ticket loops: test/helpers/log-loops.ts.

function expectPeriods(actual: Map<string, number | ''>, expected: Map<string, number>): void {
  expect(expected.size).toBeGreaterThan(0);
  for (const [m, v] of expected) expect(actual.get(m), m).toBeCloseTo(v, 9);
  for (const [m, v] of actual) if (!expected.has(m)) expect(v, m).toBe('');
}

// ---------------------------------------------------------------- the files

describe('ServiceNow incident event log (847 rows, one per update of 130 incidents)', async () => {
  const plan = await scorecard('servicenow-incident-event-log.csv');
  const { head, body } = rowsOf('servicenow-incident-event-log.csv');
  const col = (h: string): number => head.indexOf(h);
  const ms = (t: string): number => {
    const [d, m, y, hh, mm] = t.split(/[- :]/).map(Number);
    return Date.UTC(y, m - 1, d, hh, mm);
  };

  it('is found as an event log by detection alone, and the scorecard says so with the counts', () => {
    expect(plan.notes).toContain('Sheet "servicenow-incident-event-log" repeats its ticket ids ("number"): 847 rows for 130 tickets, an event log. Ticket KPIs on it count each ticket once: its last row by "sys_updated_at" (its current state), with the opened date of its first row.');
    expect(plan.summary.map((s) => s.id)).toEqual(expect.arrayContaining(['avgResolution', 'pausedResolution', 'requesterWait', 'pausedSla', 'resolvedIssues', 'timeByStatus']));
  });

  it('counts each incident once: 125 resolved (29, 93, 3 by month), average resolution 100.8048 h (expected-notes.md)', () => {
    // Independently: the last row per number in file order, resolved_at ≠ "?", by the month resolved.
    const last = new Map<string, string[]>();
    for (const r of body) last.set(r[col('number')], r);
    const byMonth = new Map<string, number[]>();
    for (const r of last.values()) {
      if (r[col('resolved_at')] === '?') continue;
      const res = ms(r[col('resolved_at')]);
      const hours = (res - ms(r[col('opened_at')])) / HOUR;
      byMonth.set(month(res), [...(byMonth.get(month(res)) ?? []), hours]);
    }
    const resolved = periods(plan, 'resolvedIssues');
    expect(Object.fromEntries(resolved)).toEqual({ '2016-02': 29, '2016-03': 93, '2016-04': 3 });
    const avg = periods(plan, 'avgResolution');
    let sum = 0, n = 0;
    for (const [m, hours] of byMonth) {
      const mean = hours.reduce((a, b) => a + b, 0) / hours.length;
      expect(avg.get(m), m).toBeCloseTo(mean, 9);
      expect(resolved.get(m)).toBe(hours.length);
      sum += (avg.get(m) as number) * (resolved.get(m) as number);
      n += resolved.get(m) as number;
    }
    expect(n).toBe(125);
    expect(sum / n).toBeCloseTo(100.8048, 4);
  });

  it('walks incident_state by sys_updated_at for the SLA clock and the requester wait', () => {
    const changes: Change[] = body.map((r, index) => ({ id: r[col('number')], ms: ms(r[col('sys_updated_at')]), status: r[col('incident_state')], index }));
    expectPeriods(periods(plan, 'pausedResolution'), byStartMonth(changes, resolution(['Resolved', 'Closed'], ['Awaiting User Info', 'Awaiting Problem'])));
    expectPeriods(periods(plan, 'requesterWait'), byStartMonth(changes, timeIn(['New', 'Active', 'Awaiting Problem'])));
  });
});

describe('4TU helpdesk event log (4,564 events of 1,261 cases, activities as numbers)', async () => {
  const plan = await scorecard('helpdesk-4tu-event-log.csv');
  const { head, body } = rowsOf('helpdesk-4tu-event-log.csv');
  const changes: Change[] = body.map((r, index) => ({
    id: r[head.indexOf('CaseID')], ms: Date.parse(`${r[head.indexOf('CompleteTimestamp')].replace(' ', 'T')}Z`), status: r[head.indexOf('ActivityID')], index,
  }));

  it('takes the activity every case ends in (6) as resolved, and says so', () => {
    expect(plan.notes).toContain('Status log "helpdesk-4tu-event-log" (4564 rows for 1261 tickets): resolved = 6; pause (the SLA clock stops) = none — no status name says resolved, so resolved is the status most tickets end in. Change them in the sidebar, or with --resolved-statuses and --pause-statuses.');
  });

  it('gives the resolution time from the first event to the closing (6) per month of the first event', () => {
    expectPeriods(periods(plan, 'avgResolution'), byStartMonth(changes, resolution(['6'])));
    // expected-notes.md gives the throughput (last − first event): 8.860009 days. 74 cases close
    // twice in a row (6, 6): a second closing is no new resolution, so the resolution time is shorter.
    const throughput = tickets(changes).map((l) => (l[l.length - 1].ms - l[0].ms) / HOUR / 24);
    expect(throughput.reduce((a, b) => a + b, 0) / throughput.length).toBeCloseTo(8.860009, 6);
    const closings = tickets(changes).map((l) => resolution(['6'])(l)! / 24);
    expect(closings.reduce((a, b) => a + b, 0) / closings.length).toBeCloseTo(8.850715, 6);
    expect(tickets(changes).filter((l) => l.length > 1 && l[l.length - 2].status === '6')).toHaveLength(74);
  });
});

describe('PrepBench IT ticket status log (1,147 rows, 353 tickets)', async () => {
  const plan = await scorecard('prepbench-it-ticket-status-log.csv');
  const { head, body } = rowsOf('prepbench-it-ticket-status-log.csv');
  const changes: Change[] = body.map((r, index) => ({
    id: r[head.indexOf('Ticket')], ms: Date.parse(`${r[head.indexOf('Timestamp')].replace(' ', 'T')}Z`), status: r[head.indexOf('Status Name')], index,
  }));

  it('ends 33 tickets Closed (expected-notes.md: Assigned 139, Logged 72, Customer Response 68, UAT 41, Closed 33)', () => {
    const ends = new Map<string, number>();
    for (const l of tickets(changes)) ends.set(l[l.length - 1].status, (ends.get(l[l.length - 1].status) ?? 0) + 1);
    expect(Object.fromEntries(ends)).toEqual({ Assigned: 139, Logged: 72, 'Customer Response': 68, UAT: 41, Closed: 33 });
    const table = plan.blocks.find((b) => b.id === 'timeByStatus:table')!.cells[0][0]!.formula as unknown as { spill: unknown[][] };
    expect(table.spill[0]).toEqual(['Status', 'Tickets', 'Average', 'Median', 'Total']);
    expect(table.spill.map((r) => r[0])).toEqual(['Status', 'Logged', 'Assigned', 'Customer Response', 'UAT', 'Closed']);
  });

  it('times resolution with and without the Customer Response pause, and the wait in Logged, Assigned and UAT', () => {
    expectPeriods(periods(plan, 'avgResolution'), byStartMonth(changes, resolution(['Closed'])));
    expectPeriods(periods(plan, 'pausedResolution'), byStartMonth(changes, resolution(['Closed'], ['Customer Response'])));
    expectPeriods(periods(plan, 'requesterWait'), byStartMonth(changes, timeIn(['Logged', 'Assigned', 'UAT'])));
  });
});

describe('documented status logs', () => {
  it('Zendesk Explore updates history: "Changes - New value" by "Update - Timestamp"; pending pauses, hold keeps the requester waiting', async () => {
    const plan = await scorecard('documented/zendesk-explore-updates-history-status.csv');
    const { head, body } = rowsOf('documented/zendesk-explore-updates-history-status.csv');
    const changes: Change[] = body.map((r, index) => ({
      id: r[head.indexOf('Ticket ID')], ms: Date.parse(`${r[head.indexOf('Update - Timestamp')].replace(' ', 'T')}Z`), status: r[head.indexOf('Changes - New value')], index,
    }));
    expect(new Set(changes.map((c) => c.status))).toEqual(new Set(['new', 'open', 'pending', 'solved', 'closed', ...(changes.some((c) => c.status === 'hold') ? ['hold'] : [])]));
    expectPeriods(periods(plan, 'avgResolution'), byStartMonth(changes, resolution(['solved', 'closed'])));
    expectPeriods(periods(plan, 'pausedResolution'), byStartMonth(changes, resolution(['solved', 'closed'], ['pending', 'hold'])));
    expectPeriods(periods(plan, 'requesterWait'), byStartMonth(changes, timeIn(['new', 'open', 'hold'])));
    const sla = byStartMonth(changes, (l) => { const h = resolution(['solved', 'closed'], ['pending', 'hold'])(l); return h === undefined ? undefined : h <= 24 ? 1 : 0; });
    expectPeriods(periods(plan, 'pausedSla'), sla);
  });

  it('Jira changelog: toString by created; "Waiting for customer" pauses, "Waiting for support" does not', async () => {
    const plan = await scorecard('documented/jira-changelog-status.csv');
    const { head, body } = rowsOf('documented/jira-changelog-status.csv');
    const changes: Change[] = body.map((r, index) => ({
      id: r[head.indexOf('issueKey')], ms: Date.parse(r[head.indexOf('created')].replace('+0000', 'Z')), status: r[head.indexOf('toString')], index,
    }));
    expect(plan.notes).toContain('Status log "jira-changelog-status" (260 rows for 80 tickets): resolved = Resolved, Closed; pause (the SLA clock stops) = Waiting for customer — found from the status names. Change them in the sidebar, or with --resolved-statuses and --pause-statuses.');
    expectPeriods(periods(plan, 'pausedResolution'), byStartMonth(changes, resolution(['Resolved', 'Closed'], ['Waiting for customer'])));
    expectPeriods(periods(plan, 'requesterWait'), byStartMonth(changes, timeIn(['Waiting for support', 'In Progress'])));
  });

  it('ServiceNow sys_audit: state codes in newvalue by sys_created_on, read as 6/7 resolved and 3 on hold', async () => {
    const plan = await scorecard('documented/servicenow-sys-audit-incident-state.csv');
    const { head, body } = rowsOf('documented/servicenow-sys-audit-incident-state.csv');
    const changes: Change[] = body.map((r, index) => ({
      id: r[head.indexOf('documentkey')], ms: Date.parse(`${r[head.indexOf('sys_created_on')].replace(' ', 'T')}Z`), status: r[head.indexOf('newvalue')], index,
    }));
    expect(plan.notes.find((n) => n.startsWith('Status log'))).toMatch(/resolved = 6 \(Resolved\), 7 \(Closed\); pause \(the SLA clock stops\) = 3 \(On Hold\) — from ServiceNow's state codes/);
    expect(plan.summary.find((s) => s.id === 'pausedResolution')?.definition).toContain('("6" (Resolved), "7" (Closed))');
    expectPeriods(periods(plan, 'avgResolution'), byStartMonth(changes, resolution(['6', '7'])));
    expectPeriods(periods(plan, 'pausedResolution'), byStartMonth(changes, resolution(['6', '7'], ['3'])));
  });

  it('a roles file may list the statuses; the command line\'s lists win over it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'roles-'));
    try {
      const file = path.join(dir, 'roles.json');
      writeFileSync(file, JSON.stringify({ roles: [], pauseStatuses: ['Waiting for support'], resolvedStatuses: 'Closed, Resolved' }));
      const fromFile = await scorecard('documented/jira-changelog-status.csv', ['--roles', file]);
      expect(fromFile.notes.find((n) => n.startsWith('Status log'))).toContain('resolved = Closed, Resolved; pause (the SLA clock stops) = Waiting for support — as you listed them');
      const overridden = await scorecard('documented/jira-changelog-status.csv', ['--roles', file, '--pause-statuses', '']);
      expect(overridden.notes.find((n) => n.startsWith('Status log'))).toContain('pause (the SLA clock stops) = none');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the manager\'s lists replace the detected ones (--pause-statuses, --resolved-statuses)', async () => {
    const plan = await scorecard('documented/jira-changelog-status.csv', ['--pause-statuses', 'Waiting for customer, Waiting for support', '--resolved-statuses', 'Closed']);
    const { head, body } = rowsOf('documented/jira-changelog-status.csv');
    const changes: Change[] = body.map((r, index) => ({
      id: r[head.indexOf('issueKey')], ms: Date.parse(r[head.indexOf('created')].replace('+0000', 'Z')), status: r[head.indexOf('toString')], index,
    }));
    expect(plan.notes.find((n) => n.startsWith('Status log'))).toContain('resolved = Closed; pause (the SLA clock stops) = Waiting for customer, Waiting for support — as you listed them');
    expectPeriods(periods(plan, 'pausedResolution'), byStartMonth(changes, resolution(['Closed'], ['Waiting for customer', 'Waiting for support'])));
  });
});
