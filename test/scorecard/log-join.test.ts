/**
 * Logs joined to the ticket table, and the n of the log KPIs, through the command line's planner on
 * the documented exports (test/fixtures/real/documented: Jira's changelog beside its issue export,
 * Zendesk Explore's updates history beside its tickets, ServiceNow's sys_audit beside its incident
 * list, which its docs say cannot be joined by number) and on the real ServiceNow event log beside a
 * ticket table written here. Every n is checked against plain per-ticket loops over the parsed rows
 * (test/helpers/log-loops.ts), not the product's functions.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeCsv, splitCsv } from '../../cli/read-csv.js';
import { parseCommandLine } from '../../cli/args.js';
import type { ScorecardArgs } from '../../cli/args.js';
import { planFor } from '../../cli/run.js';
import type { Progress } from '../../cli/progress.js';
import type { ScorecardPlan } from '../../core/scorecard/types.js';
import { byTicketMonth, month, resolution, startMonth, tableMonth, tickets, ticketsByMonth, timeIn, withinSla } from '../helpers/log-loops.js';
import type { Change } from '../helpers/log-loops.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real');
const DOC = path.join(DIR, 'documented');
const quiet: Progress = { step() {}, done() {} } as unknown as Progress;
const tmp = mkdtempSync(path.join(tmpdir(), 'log-join-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function scorecard(files: readonly string[], extra: string[] = []): Promise<ScorecardPlan> {
  const args = parseCommandLine(['scorecard', ...files, '--out', path.join(tmp, 'never-written.xlsx'), '--tz', 'UTC', ...extra]) as ScorecardArgs;
  return (await planFor(args, quiet)).plan;
}

function rowsOf(file: string): { head: string[]; body: string[][] } {
  const { rows } = splitCsv(decodeCsv(readFileSync(file)).text, file);
  const [head, ...body] = rows;
  return { head, body: body.filter((r) => r.length > 1) };
}

/** The live n block of a KPI (LOG_TICKETS per period): label → tickets. */
function counts(plan: ScorecardPlan, id: string): Map<string, number> {
  const block = plan.blocks.find((b) => b.id === `helper:${id}:n`);
  const spill = (block?.cells[0][0]?.formula as { spill?: unknown[][] } | undefined)?.spill;
  if (!spill) throw new Error(`no live n block for ${id}`);
  return new Map(spill.slice(1).map((r) => [String(r[0]), r[2] as number]));
}

/** Tickets per month of their first row for which `f` gives a value: the n of a log KPI, by hand. */
function ticketsByStartMonth(rows: readonly Change[], f: (list: Change[]) => number | undefined): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of tickets(rows)) {
    const m = month(list[0].ms);
    out.set(m, (out.get(m) ?? 0) + (f(list) === undefined ? 0 : 1));
  }
  return out;
}

describe('a status log beside its ticket table', () => {
  it('Jira: the changelog\'s issueKey joins the issue export\'s "Issue key", all 80 tickets', async () => {
    const plan = await scorecard([path.join(DOC, 'jira-changelog-status.csv'), path.join(DOC, 'jira-service-management-issues.csv')], ['--addin-formulas']);
    expect(plan.notes).toContain('Log "jira-changelog-status" joins the ticket table "jira-service-management-issues" by "Issue key": all 80 of its tickets are in it.');
  });

  it('Zendesk Explore: the updates history joins the tickets by "Ticket ID", and the German note says so', async () => {
    const files = [path.join(DOC, 'zendesk-explore-updates-history-status.csv'), path.join(DOC, 'zendesk-explore-tickets.csv')];
    expect((await scorecard(files)).notes).toContain('Log "zendesk-explore-updates-history" joins the ticket table "zendesk-explore-tickets" by "Ticket ID": all 40 of its tickets are in it.');
    expect((await scorecard(files, ['--lang', 'de'])).notes).toContain('Protokoll „zendesk-explore-updates-history“ passt über „Ticket ID“ zur Tickettabelle „zendesk-explore-tickets“: alle 40 Tickets stehen darin.');
  });

  it('ServiceNow: sys_audit keys incidents by sys_id, the list by number — none matches, and the note says so with the first ids', async () => {
    const plan = await scorecard([path.join(DOC, 'servicenow-sys-audit-incident-state.csv'), path.join(DOC, 'servicenow-incident-list-export.csv')]);
    const note = plan.notes.find((n) => n.startsWith('Log "servicenow-sys-audit-incident-s"'));
    expect(note).toBe('Log "servicenow-sys-audit-incident-s" and the ticket table "servicenow-incident-list-export" (by "number"): 0 of the log\'s 100 tickets are in the table, 100 are not ("a3e0a005ef2c22e1fe430b7a5c9e37f7", "0017be2461903e8046f8e0fb602a1cb9", "ee9d0f972c83940dc2ffd9e7eb409372" …). The log KPIs count them all; the ticket KPIs cannot, so the two cover different tickets (no id matches: the log may key its tickets otherwise, e.g. by an internal id).');
    // Nothing is dropped: the log KPIs still count every ticket of the log.
    expect(plan.summary.find((s) => s.id === 'pausedResolution')?.value).not.toBe('');
  });

  it('the real ServiceNow event log beside a ticket table that lacks some of its incidents: counts both, names the first missing', async () => {
    const { head, body } = rowsOf(path.join(DIR, 'servicenow-incident-event-log.csv'));
    const ids = [...new Set(body.map((r) => r[head.indexOf('number')]))];
    expect(ids.length).toBe(130);
    const kept = ids.filter((_, i) => i % 10 !== 3); // 13 incidents left out of the table
    const table = path.join(tmp, 'incidents.csv');
    writeFileSync(table, ['Ticket ID,Team', ...kept.map((id, i) => `${id},Team ${i % 3}`)].join('\n'));
    const plan = await scorecard([path.join(DIR, 'servicenow-incident-event-log.csv'), table]);
    const missing = ids.filter((_, i) => i % 10 === 3);
    expect(plan.notes).toContain(`Log "servicenow-incident-event-log" and the ticket table "incidents" (by "Ticket ID"): 117 of the log's 130 tickets are in the table, 13 are not ("${missing[0]}", "${missing[1]}", "${missing[2]}" …). The log KPIs count them all; the ticket KPIs cannot, so the two cover different tickets.`);
  });
});

describe('the n of the log KPIs', () => {
  const file = path.join(DOC, 'zendesk-explore-updates-history-status.csv');
  const { head, body } = rowsOf(file);
  const changes: Change[] = body.map((r, index) => ({
    id: r[head.indexOf('Ticket ID')], ms: Date.parse(`${r[head.indexOf('Update - Timestamp')].replace(' ', 'T')}Z`), status: r[head.indexOf('Changes - New value')], index,
  }));
  const resolved = ['solved', 'closed'], pause = ['pending', 'hold'];

  it('is the tickets each value rests on, per month of the ticket\'s first row (LOG_TICKETS), as plain loops count them', async () => {
    const plan = await scorecard([file], ['--addin-formulas']);
    const expectCounts = (id: string, f: (list: Change[]) => number | undefined): void => {
      const want = ticketsByStartMonth(changes, f);
      expect([...want.values()].some((n) => n > 0)).toBe(true);
      expect(Object.fromEntries(counts(plan, id)), id).toEqual(Object.fromEntries(want));
    };
    expectCounts('pausedResolution', resolution(resolved, pause));
    expectCounts('avgResolution', resolution(resolved));
    expectCounts('requesterWait', timeIn(['new', 'open', 'hold']));
    expectCounts('pausedSla', withinSla(24, resolved, pause));
    const formulas = plan.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.formula?.text ?? '');
    expect(formulas.some((f) => f.includes('_xldudf_KPI_KPI_BY_PERIOD("LOG_TICKETS",') && f.includes('"LOG_RESOLUTION"'))).toBe(true);
  });

  it('stands beside the value in live and portable scorecards alike, and under the minimum the status is "too few (n)"', async () => {
    const live = await scorecard([file], ['--addin-formulas']);
    const portable = await scorecard([file]);
    for (const id of ['pausedResolution', 'requesterWait', 'pausedSla']) {
      const a = live.summary.find((s) => s.id === id)!, b = portable.summary.find((s) => s.id === id)!;
      expect(a.n, id).toBeGreaterThan(0);
      expect(b.n, id).toBe(a.n);
      expect(b.value, id).toBe(a.value);
      const want = ticketsByStartMonth(changes, id === 'requesterWait' ? timeIn(['new', 'open', 'hold']) : resolution(resolved, pause)).get(a.period);
      expect(a.n, id).toBe(want);
    }
    const few = await scorecard([file], ['--min-tickets', '1000']);
    for (const id of ['pausedResolution', 'requesterWait', 'pausedSla']) {
      const s = few.summary.find((x) => x.id === id)!;
      expect(s.status, id).toBe('too-few');
      expect(s.tooFew, id).toBe(s.n);
    }
  });
});

describe('log KPIs counted in the ticket table\'s periods', () => {
  // A generated status log and its ticket table: 400 tickets over six months, resolutions that run
  // into the next month, pauses, open tickets (no resolved date), every 17th ticket left out of the
  // table and every 5th opened in the table 3 days before its log starts (an imported ticket).
  const HOURS = 3_600_000;
  let seed = 17;
  const rnd = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  const iso = (ms: number): string => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
  const changes: Change[] = [];
  const table: { id: string; opened: number; resolved?: number; team: string }[] = [];
  for (let t = 1; t <= 400; t++) {
    const id = String(1000 + t);
    let at = Date.UTC(2026, 0, 1, 8) + Math.floor(rnd() * 180) * 86_400_000 + Math.floor(rnd() * 10) * HOURS;
    const first = at;
    const push = (status: string): void => { changes.push({ id, ms: at, status, index: 0 }); };
    push('new');
    at += (1 + Math.floor(rnd() * 6)) * HOURS;
    push('open');
    if (rnd() < 0.5) {
      at += (1 + Math.floor(rnd() * 30)) * HOURS;
      push('pending');
      at += (2 + Math.floor(rnd() * 90)) * HOURS;
      push('open');
    }
    const open = rnd() < 0.1;
    if (!open) {
      at += (1 + Math.floor(rnd() * 200)) * HOURS;
      push('solved');
    }
    if (t % 17 !== 0) table.push({ id, opened: t % 5 === 0 ? first - 3 * 86_400_000 : first, ...(open ? {} : { resolved: at }), team: `Team ${'ABC'[t % 3]}` });
  }
  changes.sort((a, b) => a.ms - b.ms);
  changes.forEach((c, i) => { (c as { index: number }).index = i; });
  const logFile = path.join(tmp, 'status-changes.csv');
  const tableFile = path.join(tmp, 'tickets.csv');
  writeFileSync(logFile, ['Ticket ID,Changed at,Status', ...changes.map((c) => `${c.id},${iso(c.ms)},${c.status}`)].join('\n'));
  writeFileSync(tableFile, ['Ticket ID,Opened,Resolved,Team', ...table.map((r) => `${r.id},${iso(r.opened)},${r.resolved === undefined ? '' : iso(r.resolved)},${r.team}`)].join('\n'));

  const resolvedAt = new Map(table.flatMap((r) => (r.resolved === undefined ? [] : [[r.id, r.resolved] as const])));
  const openedAt = new Map(table.map((r) => [r.id, r.opened] as const));
  const resolved = ['solved'], pause = ['pending'];
  const kpis: Record<string, { f: (list: Change[]) => number | undefined; monthOf: (list: Change[]) => string }> = {
    pausedResolution: { f: resolution(resolved, pause), monthOf: tableMonth(resolvedAt) },
    pausedSla: { f: withinSla(24, resolved, pause), monthOf: tableMonth(resolvedAt) },
    requesterWait: { f: timeIn(['new', 'open']), monthOf: tableMonth(openedAt) },
  };
  /** The live value block of a KPI (KPI_BY_PERIOD): label → value. */
  const values = (plan: ScorecardPlan, id: string): Map<string, unknown> => {
    const spill = (plan.blocks.find((b) => b.id === `helper:${id}`)?.cells[0][0]?.formula as { spill?: unknown[][] } | undefined)?.spill;
    if (!spill) throw new Error(`no live block for ${id}`);
    return new Map(spill.slice(1).map((r) => [String(r[0]), r[2]]));
  };

  it('per period, values and n are the per-ticket loops\' by the table\'s resolved or opened month (the log\'s first row for tickets it lacks)', async () => {
    const plan = await scorecard([logFile, tableFile], ['--addin-formulas', '--pause-statuses', 'pending', '--resolved-statuses', 'solved']);
    for (const [id, { f, monthOf }] of Object.entries(kpis)) {
      const want = byTicketMonth(changes, f, monthOf);
      const got = values(plan, id);
      expect(want.size, id).toBeGreaterThan(5);
      for (const [m, v] of want) expect(got.get(m), `${id} ${m}`).toBeCloseTo(v, 9);
      for (const [m, v] of got) if (!want.has(m)) expect(v, `${id} ${m}`).toBe('');
      expect(Object.fromEntries(counts(plan, id)), `${id} n`).toEqual(Object.fromEntries(ticketsByMonth(changes, f, monthOf)));
      // Not the log's own first-row months: the resolutions that run into the next month moved.
      if (id !== 'requesterWait') expect(Object.fromEntries(counts(plan, id))).not.toEqual(Object.fromEntries(ticketsByMonth(changes, f, startMonth)));
    }
    // The same periods as the ticket KPIs, and the same tickets where the table has them all.
    const row = (id: string) => plan.summary.find((s) => s.id === id)!;
    expect(row('pausedResolution').trendLabels).toEqual(row('avgResolution').trendLabels);
    expect(row('pausedResolution').period).toBe(row('avgResolution').period);
    expect(row('pausedResolution').definition).toContain('resolved in the period by the ticket table');
  });

  it('names the tickets the table lacks or holds undated, in English and German, and portable values equal the live ones', async () => {
    const args = ['--pause-statuses', 'pending', '--resolved-statuses', 'solved'];
    const live = await scorecard([logFile, tableFile], ['--addin-formulas', ...args]);
    // The first ids the table lacks, in the log's row order (every 17th ticket was left out).
    const missing = [...new Set(changes.map((c) => c.id))].filter((id) => Number(id) % 17 === 1000 % 17);
    expect(missing.length).toBe(23);
    const undated = table.filter((r) => r.resolved === undefined).length;
    expect(undated).toBeGreaterThan(0);
    expect(live.notes).toContain(`Resolution time on the SLA clock, SLA attainment on the SLA clock (log "status-changes"): counted in the period of each ticket's "Resolved" in the ticket table "tickets", as the ticket KPIs count tickets. Of the log's 400 tickets, 23 are not in the table ("${missing[0]}", "${missing[1]}", "${missing[2]}" …) and ${undated} have a blank "Resolved": they keep the period of their first log row.`);
    expect(live.notes).toContain(`Requester wait time (log "status-changes"): counted in the period of each ticket's "Opened" in the ticket table "tickets", as the ticket KPIs count tickets. Of the log's 400 tickets, 23 are not in the table ("${missing[0]}", "${missing[1]}", "${missing[2]}" …): they keep the period of their first log row.`);
    const de = await scorecard([logFile, tableFile], ['--lang', 'de', ...args]);
    expect(de.notes.some((n) => n.includes(`gezählt im Zeitraum von „Opened“ jedes Tickets in der Tickettabelle „tickets“, wie die Ticket-Kennzahlen Tickets zählen. Von den 400 Tickets des Protokolls 23 stehen nicht in der Tabelle („${missing[0]}“`))).toBe(true);
    const portable = await scorecard([logFile, tableFile], args);
    for (const id of Object.keys(kpis)) {
      const a = live.summary.find((s) => s.id === id)!, b = portable.summary.find((s) => s.id === id)!;
      expect(a.n, id).toBeGreaterThan(0);
      expect({ ...b, definition: '' }, id).toEqual({ ...a, definition: '' });
    }
  });

  it('says which tickets hold text that is no date in the table\'s column ("n/a"): date arguments skip it, so they are in no period', async () => {
    // Every 7th resolved ticket's "Resolved" is "n/a" in this copy of the table.
    const naIds = new Set(table.filter((r, i) => r.resolved !== undefined && i % 7 === 0).map((r) => r.id));
    const naFile = path.join(tmp, 'tickets-na.csv');
    writeFileSync(naFile, ['Ticket ID,Opened,Resolved,Team', ...table.map((r) => `${r.id},${iso(r.opened)},${naIds.has(r.id) ? 'n/a' : r.resolved === undefined ? '' : iso(r.resolved)},${r.team}`)].join('\n'));
    expect(naIds.size).toBeGreaterThan(10);
    const undated = table.filter((r) => r.resolved === undefined).length;
    const plan = await scorecard([logFile, naFile], ['--pause-statuses', 'pending', '--resolved-statuses', 'solved']);
    const note = plan.notes.find((n) => n.startsWith('Resolution time on the SLA clock, SLA attainment on the SLA clock (log "status-changes")')) ?? '';
    expect(note).toContain(`and ${undated} have a blank "Resolved": they keep the period of their first log row. ${naIds.size} hold text that is no date there (such as "n/a"): they are in no period`);
    // Requester wait is dated by "Opened", which holds no such text.
    expect(plan.notes.find((n) => n.startsWith('Requester wait time')) ?? '').not.toContain('no date there');
  });
});
