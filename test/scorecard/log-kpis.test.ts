/**
 * The scorecard's status- and message-log KPIs (requesterWait, pausedResolution, pausedSla,
 * nextReply, the time-by-status table, avgResolution from a status log) and event logs read one row
 * per ticket, on the plan workbook's hand-checked logs (test/fixtures/plan-workbook.ts), live and
 * portable.
 */
import { describe, expect, it } from 'vitest';
import { buildPlan, planValues } from '../../core/scorecard/plan.js';
import type { Dialect, GenerateRequest, RoleAssignment, ScorecardPlan, SheetData, WorkbookData } from '../../core/scorecard/types.js';
import { outlineOf, PLAN_OUTLINE, PLAN_ROLES, PLAN_WORKBOOK, planRequest } from '../fixtures/plan-workbook.js';
import { serial } from '../helpers/call.js';

function plan(options: Partial<GenerateRequest['options']> = {}, dialect: Dialect = 'sheets', data: WorkbookData = PLAN_WORKBOOK, roles?: readonly RoleAssignment[]): ScorecardPlan {
  const request = planRequest(options);
  return buildPlan({
    data, outline: data === PLAN_WORKBOOK ? PLAN_OUTLINE : outlineOf(data), dialect, existing: [],
    request: roles ? { ...request, roles } : request,
  });
}

/** A KPI's trend by period label (the summary's last 12 periods). */
function trend(p: ScorecardPlan, id: string): Record<string, number | ''> {
  const s = p.summary.find((x) => x.id === id);
  if (!s) throw new Error(`no ${id}`);
  return Object.fromEntries(s.trendLabels.map((l, i) => [l, s.trend[i]]).filter(([l]) => l !== ''));
}

const HOURS = { Jan: '2026-01', Feb: '2026-02', Mar: '2026-03' } as const;

describe('log KPIs on the plan workbook', () => {
  for (const portable of [false, true]) {
    describe(portable ? 'portable' : 'live', () => {
      const p = plan({ portable });

      it('time resolution on the SLA clock, the requester wait and SLA attainment per month of each ticket\'s first row', () => {
        expect(trend(p, 'pausedResolution')).toEqual({ [HOURS.Jan]: 24, [HOURS.Feb]: 28, [HOURS.Mar]: 2.75 });
        expect(trend(p, 'requesterWait')).toEqual({ [HOURS.Jan]: 24, [HOURS.Feb]: 26, [HOURS.Mar]: 3.75 });
        expect(trend(p, 'pausedSla')).toEqual({ [HOURS.Jan]: 1, [HOURS.Feb]: 0, [HOURS.Mar]: 1 });
        expect(trend(p, 'nextReply')).toEqual({ [HOURS.Jan]: 16, [HOURS.Feb]: 1.5, [HOURS.Mar]: 2 });
      });

      it('tabulate the time by status in order of first entry', () => {
        const values = planValues(p);
        const s = p.summary.find((x) => x.id === 'timeByStatus')!;
        expect(s.value).toBe('new');
        const block = p.blocks.find((b) => b.id === 'timeByStatus:table')!;
        const rows: unknown[][] = [];
        for (let r = 0; r < 6; r++) rows.push([0, 1, 2, 3, 4].map((c) => values.get(`${block.row + r}:${block.col + c}`)));
        // new: T3 1, T1 1, T2 0.5, T4 1, T5 1.5 · open: T3 25, T1 2, T2 2, T5 22.5 · solved: T3 2 (before reopening)
        expect(rows).toEqual([
          ['Status', 'Tickets', 'Average', 'Median', 'Total'],
          ['new', 5, 1, 1, 5],
          ['open', 4, 51.5 / 4, 12.25, 51.5],
          ['solved', 1, 2, 2, 2],
          ['pending', 1, 2, 2, 2],
          ['on-hold', 1, 2, 2, 2],
        ]);
      });

      it('name the statuses in their definitions and say which lists they use', () => {
        const def = (id: string): string => p.summary.find((x) => x.id === id)!.definition;
        expect(def('pausedResolution')).toMatch(/^Mean hours from a ticket's first log row to its last resolution \("solved"\) without the time in pause statuses \("pending", "on-hold"\)/);
        expect(def('requesterWait')).toContain('("new", "open", "on-hold")');
        expect(p.notes).toContain('Status log "Status log" (19 rows for 5 tickets): resolved = solved; pause (the SLA clock stops) = pending, on-hold — found from the status names. Change them in the sidebar, or with --resolved-statuses and --pause-statuses.');
        expect(p.notes).toContain('Message log "Messages": 19 messages of 4 tickets.');
      });
    });
  }

  it('are live formulas over the log through KPI_BY_PERIOD, the periods from each ticket\'s first time', () => {
    const p = plan({}, 'sheets');
    const formulas = p.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.formula?.text).filter((t): t is string => t !== undefined);
    expect(formulas).toContain("=KPI_BY_PERIOD(\"LOG_RESOLUTION\",PER_TICKET('Status log'!A2:A,'Status log'!B2:B,'Status log'!B2:B,\"first\"),\"month\",'Status log'!A2:A,'Status log'!B2:B,'Status log'!C2:C,\"solved\",\"pending, on-hold\")");
    expect(formulas).toContain("=KPI_BY_PERIOD(\"TIME_IN_STATUS\",PER_TICKET('Status log'!A2:A,'Status log'!B2:B,'Status log'!B2:B,\"first\"),\"month\",'Status log'!A2:A,'Status log'!B2:B,'Status log'!C2:C,\"new, open, on-hold\")");
    expect(formulas).toContain("=STATUS_SUMMARY('Status log'!A2:A,'Status log'!B2:B,'Status log'!C2:C)");
  });

  it('are values in portable mode, with a note saying no native formula can walk a log', () => {
    const p = plan({ portable: true }, 'xlsx');
    const note = p.notes.find((n) => n.includes('they walk a log'))!;
    expect(note).toMatch(/^Portable mode: .*Resolution time on the SLA clock, Requester wait time, Next reply time, SLA attainment on the SLA clock, Time by status written as values: they walk a log/);
    const formulas = p.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.formula?.text ?? '');
    expect(formulas.some((t) => /LOG_|TIME_IN_STATUS|STATUS_SUMMARY|NEXT_REPLY|PER_TICKET/.test(t))).toBe(false);
  });

  it('take the manager\'s pause and resolved statuses', () => {
    const p = plan({ pauseStatuses: ['pending'], resolvedStatuses: ['solved'] });
    // Without on-hold as a pause T2's clock is 4.5 − 0 (pending none) = 4.5 h: March (3 + 4.5) / 2.
    expect(trend(p, 'pausedResolution')[HOURS.Mar]).toBe(3.75);
    expect(p.notes.find((n) => n.startsWith('Status log'))).toContain('resolved = solved; pause (the SLA clock stops) = pending — as you listed them');
    const none = plan({ pauseStatuses: [] });
    expect(trend(none, 'pausedResolution')[HOURS.Mar]).toBe(4.75);
  });

  it('are not shown on a table with one row per ticket, and the scorecard says why', () => {
    const onePerTicket: SheetData = {
      name: 'Status log', originRow: 1, originCol: 1,
      values: [['Ticket', 'Changed at', 'Status'], ['T1', serial('2026-03-02T09:00'), 'open'], ['T2', serial('2026-03-03T09:00'), 'solved']],
    };
    const data: WorkbookData = { ...PLAN_WORKBOOK, sheets: PLAN_WORKBOOK.sheets.map((s) => (s.name === 'Status log' ? onePerTicket : s)) };
    const p = plan({}, 'sheets', data);
    expect(p.summary.map((s) => s.id)).not.toContain('pausedResolution');
    expect(p.notes).toContain('Resolution time on the SLA clock: not shown, the sheet "Status log" has one row per ticket (2 rows, no ticket id repeats), so there is no status or message history to walk.');
  });
});

describe('an event log (one row per update) read one row per ticket', () => {
  // Ticket A opened 01-05 09:00, resolved 01-05 17:00 (8 h), its resolved date repeated on a later
  // update; ticket B opened 01-06 09:00, resolved 01-07 09:00 (24 h) on its last update; C still open.
  const d = (iso: string): number => serial(iso);
  const updates: SheetData = {
    name: 'Incidents', originRow: 1, originCol: 1,
    values: [
      ['Number', 'Updated at', 'Opened', 'Resolved', 'State'],
      ['A', d('2026-01-05T09:00'), d('2026-01-05T09:00'), null, 'New'],
      ['B', d('2026-01-06T09:00'), d('2026-01-06T09:00'), null, 'New'],
      ['A', d('2026-01-05T17:00'), d('2026-01-05T09:00'), d('2026-01-05T17:00'), 'Resolved'],
      ['A', d('2026-01-09T17:00'), d('2026-01-05T09:00'), d('2026-01-05T17:00'), 'Closed'],
      ['C', d('2026-01-07T09:00'), d('2026-01-07T09:00'), null, 'New'],
      ['B', d('2026-01-07T09:00'), d('2026-01-06T09:00'), d('2026-01-07T09:00'), 'Resolved'],
    ],
  };
  const data: WorkbookData = { sheets: [updates], timeZone: 'UTC' };
  const at = (role: RoleAssignment['role'], column: number): RoleAssignment => ({ role, sheet: 'Incidents', column, header: String(updates.values[0][column - 1]), confidence: 1, source: 'manager' });
  const roles = [at('ticketId', 1), at('logTime', 2), at('ticketOpened', 3), at('ticketResolved', 4), at('logStatus', 5)];
  // The log covers January 2026 only: the Actual column reports the period of the reporting date
  // (planRequest's default is 2026-03-31, a month without rows), so these value tests name January.
  const JANUARY: Partial<GenerateRequest['options']> = { reportingDate: '2026-01-31' };

  for (const portable of [false, true]) {
    it(`counts each ticket once, its last row by the update time (${portable ? 'portable' : 'live'})`, () => {
      const p = plan({ ...JANUARY, portable }, 'xlsx', data, roles);
      const s = (id: string) => p.summary.find((x) => x.id === id)!;
      // Per row: 3 resolved rows, mean (8 + 8 + 24) / 3. Per ticket: 2 resolved, (8 + 24) / 2.
      expect(s('resolvedIssues').value).toBe(2);
      expect(s('avgResolution').value).toBe(16);
      expect(s('avgResolution').n).toBe(2);
      expect(s('activeIssues').value).toBe(1);
      expect(p.notes).toContain('Sheet "Incidents" repeats its ticket ids ("Number"): 6 rows for 3 tickets, an event log. Ticket KPIs on it count each ticket once: its last row by "Updated at" (its current state), with the opened date of its first row.');
      if (portable) expect(p.notes.some((n) => /Average resolution time.*written as values: they walk a log/.test(n))).toBe(true);
    });
  }

  it('writes PER_TICKET around each ticket column, the opened date from the first row, and lists the id and time as data used', () => {
    const p = plan({}, 'sheets', data, roles);
    const texts = p.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.formula?.text ?? '');
    expect(texts).toContain('=KPI_BY_PERIOD("AVG_RESOLUTION",PER_TICKET(Incidents!A2:A,Incidents!D2:D,Incidents!B2:B),"month",PER_TICKET(Incidents!A2:A,Incidents!C2:C,Incidents!B2:B,"first"),PER_TICKET(Incidents!A2:A,Incidents!D2:D,Incidents!B2:B))');
    const values = planValues(p);
    const used = [...values.values()].filter((v) => v === 'ticketId' || v === 'logTime');
    expect(used).toEqual(['ticketId', 'logTime']);
  });

  it('orders by the sheet without a time column', () => {
    const noTime = roles.filter((r) => r.role !== 'logTime' && r.role !== 'logStatus');
    const p = plan(JANUARY, 'sheets', data, noTime);
    const texts = p.blocks.flatMap((b) => b.cells.flat()).map((c) => c?.formula?.text ?? '');
    expect(texts.some((t) => t.includes('PER_TICKET(Incidents!A2:A,Incidents!C2:C,"","first")'))).toBe(true);
    expect(p.summary.find((x) => x.id === 'avgResolution')!.value).toBe(16);
    expect(p.notes).toContain('Sheet "Incidents" repeats its ticket ids ("Number"): 6 rows for 3 tickets, an event log. Ticket KPIs on it count each ticket once: its last row in the sheet (its current state), with the opened date of its first row.');
  });
});

describe('a workbook without logs', () => {
  it('keeps its KPIs as they were: no log KPI, no note', () => {
    const roles = PLAN_ROLES.filter((r) => r.sheet !== 'Status log' && r.sheet !== 'Messages');
    const p = plan({}, 'sheets', PLAN_WORKBOOK, roles);
    expect(p.summary.map((s) => s.id).filter((id) => /paused|requester|nextReply|timeByStatus/.test(id))).toEqual([]);
    expect(p.notes.filter((n) => /log/i.test(n))).toEqual([]);
  });
});
