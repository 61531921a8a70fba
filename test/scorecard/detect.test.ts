import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectRoles, MIN_CONFIDENCE, TYPE_ONLY_CONFIDENCE } from '../../core/scorecard/detect.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { rolesOf } from '../../core/scorecard/roles.js';
import { ROLES } from '../../core/scorecard/types.js';
import type { Role, RoleAssignment, WorkbookData } from '../../core/scorecard/types.js';
import { wallClock } from '../../core/values/clock.js';
import { isDateObject } from '../../core/values/grid.js';
import {
  ENGLISH_CUSTOMER_COLUMNS, ENGLISH_ROLES, ENGLISH_WORKBOOK, GERMAN_CUSTOMER_COLUMNS, GERMAN_ROLES, GERMAN_WORKBOOK,
  SPARSE_WORKBOOK,
} from '../fixtures/workbooks.js';
import type { ExpectedColumn } from '../fixtures/workbooks.js';
import { readXlsxData } from '../helpers/xlsx-data.js';
import { serial } from '../helpers/call.js';

const detect = (wb: WorkbookData): RoleAssignment[] => detectRoles(outlineWorkbook(wb));

/** Detection on one sheet given as rows (header first). */
const detectSheet = (name: string, rows: unknown[][]): RoleAssignment[] =>
  detect({ timeZone: 'UTC', sheets: [{ name, values: rows, originRow: 1, originCol: 1 }] });

/** role → "sheet!column" for the roles found on a sheet (or everywhere). */
const roleMap = (roles: readonly RoleAssignment[]): Record<string, string> =>
  Object.fromEntries(roles.map((r) => [r.role, `${r.sheet}!${r.header}`]));

const where = (roles: readonly RoleAssignment[], role: Role): ExpectedColumn[] =>
  roles.filter((r) => r.role === role).map((r) => ({ sheet: r.sheet, column: r.column }));

/** The first assignment of a role on each sheet, by sheet then role, for comparing with the fixtures' maps. */
function firstPlaces(roles: readonly RoleAssignment[], expected: Readonly<Partial<Record<Role, ExpectedColumn>>>): Partial<Record<Role, ExpectedColumn>> {
  const out: Partial<Record<Role, ExpectedColumn>> = {};
  for (const role of Object.keys(expected) as Role[]) {
    const want = expected[role]!;
    const found = roles.find((r) => r.role === role && r.sheet === want.sheet);
    if (found) out[role] = { sheet: found.sheet, column: found.column };
  }
  return out;
}

function expectWellFormed(roles: readonly RoleAssignment[]): void {
  const columns = new Set<string>();
  const perSheet = new Set<string>();
  for (const r of roles) {
    expect(r.source).toBe('detected');
    expect(r.confidence).toBeGreaterThanOrEqual(MIN_CONFIDENCE);
    expect(r.confidence).toBeLessThanOrEqual(1);
    expect(columns.has(`${r.sheet}!${r.column}`), `${r.sheet} column ${r.column} has two roles`).toBe(false);
    expect(perSheet.has(`${r.sheet}!${r.role}`), `${r.role} twice on ${r.sheet}`).toBe(false);
    columns.add(`${r.sheet}!${r.column}`);
    perSheet.add(`${r.sheet}!${r.role}`);
  }
}

describe('detectRoles on the English helpdesk workbook', () => {
  const roles = detect(ENGLISH_WORKBOOK);

  it('assigns every role to the column a person would pick', () => {
    expect(firstPlaces(roles, ENGLISH_ROLES)).toEqual(ENGLISH_ROLES);
  });

  it('finds the customer column on the survey, ticket and order sheets', () => {
    expect(where(roles, 'customerId')).toEqual(ENGLISH_CUSTOMER_COLUMNS);
  });

  it('gives Ticket ID the ticket id (repeated ids would make the sheet an event log), no role to Notes and Order ID', () => {
    const headers = roles.map((r) => r.header);
    expect(roles.find((r) => r.header === 'Ticket ID')?.role).toBe('ticketId');
    expect(headers).not.toContain('Notes');
    expect(headers).not.toContain('Order ID');
    // 35 roles and the ticket id, plus customerId on two more sheets; nothing else (no log on this workbook).
    expect(roles).toHaveLength(38);
  });

  it('gives each column at most one role and each role at most one column per sheet', () => {
    expectWellFormed(roles);
  });
});

describe('detectRoles on the German workbook', () => {
  const roles = detect(GERMAN_WORKBOOK);

  it('assigns every role from German headers, including the offset monthly table', () => {
    expect(firstPlaces(roles, GERMAN_ROLES)).toEqual(GERMAN_ROLES);
  });

  it('finds the customer column on Umfrage, Anfragen and Bestellungen', () => {
    expect(where(roles, 'customerId')).toEqual(GERMAN_CUSTOMER_COLUMNS);
  });

  it('gives Ticket-Nr. the ticket id, no role to Betreff and Bestellnummer', () => {
    const headers = roles.map((r) => r.header);
    expect(roles.find((r) => r.header === 'Ticket-Nr.')?.role).toBe('ticketId');
    expect(headers).not.toContain('Betreff');
    expect(headers).not.toContain('Bestellnummer');
    expect(roles).toHaveLength(38);
    expectWellFormed(roles);
  });

  it('finds the same roles when dates arrive as Excel serials instead of Date objects', () => {
    const clock = wallClock(GERMAN_WORKBOOK.timeZone);
    const asExcel: WorkbookData = {
      timeZone: GERMAN_WORKBOOK.timeZone,
      sheets: GERMAN_WORKBOOK.sheets.map((s) => ({
        ...s,
        values: s.values.map((row) => row.map((v) => (isDateObject(v) ? clock.serialOfInstant(v.getTime()) : v))),
      })),
    };
    expect(firstPlaces(detect(asExcel), GERMAN_ROLES)).toEqual(GERMAN_ROLES);
  });
});

describe('header names', () => {
  it('are compared without regard to case, accents, punctuation and camelCase', () => {
    const found = detectSheet('Tickets', [
      ['createdAt', 'GELOEST AM:', 'Kunden-ID', 'first_response'],
      ['2026-03-02 09:00', '2026-03-02 11:00', 'K-1', '2026-03-02 09:30'],
    ]);
    expect(roleMap(found)).toEqual({
      ticketOpened: 'Tickets!createdAt',
      ticketResolved: 'Tickets!GELOEST AM:',
      customerId: 'Tickets!Kunden-ID',
      firstResponse: 'Tickets!first_response',
    });
  });

  it('match inside German compounds', () => {
    const found = detectSheet('Monatswerte', [
      ['Berichtsmonat', 'Kundenbestand Anfang', 'Kundenbestand Ende', 'Neueinstellungen'],
      ['2026-01', 100, 104, 1],
      ['2026-02', 104, 110, 0],
    ]);
    expect(roleMap(found)).toEqual({
      periodDate: 'Monatswerte!Berichtsmonat',
      customersStart: 'Monatswerte!Kundenbestand Anfang',
      customersEnd: 'Monatswerte!Kundenbestand Ende',
      hires: 'Monatswerte!Neueinstellungen',
    });
  });

  it('rank the role\'s own name above a synonym above values alone', () => {
    const scores = [[9], [10], [3], [7], [8], [6], [10]];
    const confidence = (header: string): number => {
      const found = detectSheet('Survey', [[header, 'Customer'], ...scores.map(([s], i) => [s, `C-${i}`])]);
      return found.find((r) => r.role === 'npsScore')?.confidence ?? 0;
    };
    const exact = confidence('NPS');
    const synonym = confidence('Weiterempfehlung');
    const partial = confidence('Likelihood to recommend a friend');
    const typeOnly = confidence('Q1');
    expect(exact).toBe(1);
    expect(synonym).toBeLessThan(exact);
    expect(partial).toBeLessThan(synonym);
    expect(typeOnly).toBe(TYPE_ONLY_CONFIDENCE);
    expect(typeOnly).toBeLessThan(partial);
  });

  it('leave a column unassigned when the header names nothing the scorecard uses', () => {
    const found = detectSheet('Tickets', [
      ['Ticket ID', 'Opened', 'Subject', 'Priority', 'Notes'],
      ['T-1', '2026-03-02 09:00', 'Login fails', 'high', 'Customer called twice, very upset about the delay'],
      ['T-2', '2026-03-02 10:00', 'Refund', 'low', 'Sent the form again and asked for the invoice number'],
    ]);
    expect(roleMap(found)).toEqual({ ticketId: 'Tickets!Ticket ID', ticketOpened: 'Tickets!Opened' });
  });
});

describe('values confirm or veto a header', () => {
  it('do not take an NPS column that holds names, nor a date column that holds words', () => {
    const found = detectSheet('Survey', [
      ['Date', 'NPS', 'Created'],
      ['soon', 'Anna', 'high'],
      ['later', 'Ben', 'low'],
    ]);
    expect(found).toEqual([]);
  });

  it('do not take NPS points of competitors for survey scores', () => {
    const found = detectSheet('Benchmark', [
      ['Competitor', 'NPS'],
      ['Contoso', 31],
      ['Fabrikam', -4],
    ]);
    expect(roleMap(found)).toEqual({ competitorName: 'Benchmark!Competitor', competitorNps: 'Benchmark!NPS' });
  });

  it('accept Excel serials as dates', () => {
    const found = detectSheet('Survey', [
      ['Date', 'NPS'],
      [serial('2026-03-02'), 9],
      [serial('2026-03-03'), 4],
    ]);
    expect(roleMap(found)).toEqual({ surveyDate: 'Survey!Date', npsScore: 'Survey!NPS' });
  });

  it('read flags in every spelling and German number text as numbers', () => {
    const found = detectSheet('Orders', [
      ['Order date', 'Amount', 'Converted'],
      ['01.03.2026', '1.234,50', 'ja'],
      ['02.03.2026', '99,90', 'nein'],
      ['03.03.2026', 12, 'x'],
    ]);
    expect(roleMap(found)).toEqual({ orderDate: 'Orders!Order date', orderAmount: 'Orders!Amount', converted: 'Orders!Converted' });
  });

  it('give a headers-only sheet its roles from the names alone, a little less sure', () => {
    const found = detect(SPARSE_WORKBOOK);
    expect(roleMap(found)).toEqual({
      surveyDate: 'Headers only!Date',
      customerId: 'Headers only!Customer',
      npsScore: 'Headers only!NPS',
      comment: 'Headers only!Comment',
    });
    expect(found.find((r) => r.role === 'npsScore')!.confidence).toBeLessThan(1);
  });

  it('propose survey roles for question codes from the values alone', () => {
    const rows: unknown[][] = [['Q1', 'Q2', 'Q3']];
    const texts = ['The agent was friendly and quick', 'Nobody answered my second e-mail', 'Good service but the wait was long'];
    for (let i = 0; i < 12; i++) rows.push([i % 11, 1 + (i % 5), texts[i % 3]]);
    const found = detectSheet('Sheet1', rows);
    expect(roleMap(found)).toEqual({ npsScore: 'Sheet1!Q1', satisfaction: 'Sheet1!Q2', comment: 'Sheet1!Q3' });
    expect(found.every((r) => r.confidence === TYPE_ONLY_CONFIDENCE)).toBe(true);
  });
});

describe('the sheet decides what generic and shared words mean', () => {
  it('reads Date as the survey date, the order date or the month by the sheet it is on', () => {
    const roles = detect(ENGLISH_WORKBOOK);
    expect(roles.find((r) => r.header === 'Date')?.role).toBe('surveyDate');
    const orders = detectSheet('Orders', [['Date', 'Customer', 'Amount'], ['2026-03-02', 'C-1', 10.5]]);
    expect(orders.find((r) => r.header === 'Date')?.role).toBe('orderDate');
    const monthly = detectSheet('Monthly', [['Date', 'Customers at start', 'Customers at end'], ['2026-03-01', 100, 104]]);
    expect(monthly.find((r) => r.header === 'Date')?.role).toBe('periodDate');
  });

  it('learns from the sheet name what a generic header means, and without it leaves the header alone', () => {
    const rows = [['Datum', 'Punkte'], ['2026-03-02', 9], ['2026-03-03', 6]];
    expect(roleMap(detectSheet('Umfrage', rows))).toEqual({ surveyDate: 'Umfrage!Datum', npsScore: 'Umfrage!Punkte' });
    expect(detectSheet('Tabelle1', rows)).toEqual([]);
  });

  it('reads Abgänge as employees leaving beside staff columns and as customers lost beside customer columns', () => {
    const staff = detectSheet('Monat', [['Monat', 'Mitarbeiter Anfang', 'Mitarbeiter Ende', 'Abgänge'], ['2026-01', 20, 19, 1]]);
    expect(staff.find((r) => r.header === 'Abgänge')?.role).toBe('separations');
    const customers = detectSheet('Monat', [['Monat', 'Kunden am Anfang', 'Kunden am Ende', 'Abgänge'], ['2026-01', 200, 195, 9]]);
    expect(customers.find((r) => r.header === 'Abgänge')?.role).toBe('customersLost');
    // The header's own words win over its neighbours.
    const named = detectSheet('Monat', [['Monat', 'Mitarbeiter Anfang', 'Abgänge Kunden'], ['2026-01', 20, 9]]);
    expect(named.find((r) => r.header === 'Abgänge Kunden')?.role).toBe('customersLost');
  });

  it('tells employees from customers in Kündigungen by the sheet when the neighbours say nothing', () => {
    const found = detectSheet('Personal', [
      ['Kündigungen', 'Monat', 'Umsatz', 'Personalbestand Anfang', 'Personalbestand Ende'],
      [2, '2026-01', 1000, 30, 28],
    ]);
    expect(found.find((r) => r.header === 'Kündigungen')?.role).toBe('separations');
  });
});

const SAMPLE = fileURLToPath(new URL('../../examples/helpdesk.xlsx', import.meta.url));

/** Roles the sample workbook has no column for. */
const SAMPLE_LACKS = [
  'effortScore', 'surveySent', 'callDate', 'callWait', 'callAnswered', 'talkTime', 'holdTime', 'wrapTime', 'handleTime',
  'callsOffered', 'callsAnswered', 'callsAbandoned', 'avgAnswerTime', 'avgHandleTime', 'serviceLevelShare',
] as const;
type SampleLacks = (typeof SAMPLE_LACKS)[number];

describe.skipIf(!existsSync(SAMPLE))('detectRoles on examples/helpdesk.xlsx', () => {
  it('finds every role of the sample workbook (it has no export-only columns: durations, reopen counts, SLA verdicts, lists)', async () => {
    const roles = detect(await readXlsxData(SAMPLE));
    expectWellFormed(roles);
    // The sample has no call log, no effort question and no survey invitations.
    expect(SAMPLE_LACKS.slice(2)).toEqual(rolesOf('calls'));
    const expected: Partial<Record<Exclude<Role, SampleLacks>, string>> = {
      surveyDate: 'Survey!Date', npsScore: 'Survey!NPS', satisfaction: 'Survey!CSAT', comment: 'Survey!Comment',
      ticketId: 'Tickets!Ticket ID', ticketOpened: 'Tickets!Opened', firstResponse: 'Tickets!First response', ticketResolved: 'Tickets!Resolved',
      agent: 'Tickets!Agent', team: 'Tickets!Team', channel: 'Tickets!Channel', customerId: 'Survey!Customer',
      converted: 'Tickets!Converted', firstContactResolved: 'Tickets!First contact resolved', reopened: 'Tickets!Reopened',
      complaint: 'Tickets!Complaint',
      orderDate: 'Orders!Date', orderAmount: 'Orders!Amount', orderProfit: 'Orders!Profit', unitsSold: 'Orders!Units sold',
      unitsReturned: 'Orders!Units returned',
      periodDate: 'Customers!Month', customersStart: 'Customers!Customers at start', customersEnd: 'Customers!Customers at end',
      customersNew: 'Customers!New customers', customersLost: 'Customers!Lost customers',
      headcountStart: 'Customers!Headcount at start', headcountEnd: 'Customers!Headcount at end',
      separations: 'Customers!Separations', hires: 'Customers!Hires', cashIn: 'Customers!Cash in', cashOut: 'Customers!Cash out',
      competitorName: 'Competitors!Competitor', competitorNps: 'Competitors!NPS', competitorCsat: 'Competitors!CSAT',
      competitorResolution: 'Competitors!Avg resolution hours',
      logTime: 'Status log!Changed at', logStatus: 'Status log!Status', logAuthor: 'Messages!Author',
    };
    // First place of each role (customerId also on Tickets and Orders, checked below).
    const first: Record<string, string> = {};
    for (const r of roles) first[r.role] ??= `${r.sheet}!${r.header}`;
    expect(first).toEqual(expected);
    const absent: Role[] = ['firstResponseTime', 'resolutionTime', 'reopenCount', 'slaMet', 'churned', 'employeeLeft'];
    expect(Object.keys(first)).toHaveLength(ROLES.length - SAMPLE_LACKS.length - absent.length);
    expect(roles.filter((r) => r.role === 'customerId').map((r) => r.sheet)).toEqual(['Survey', 'Tickets', 'Orders']);
    // Each log has its ticket id and its time.
    expect(roles.filter((r) => r.role === 'ticketId').map((r) => r.sheet)).toEqual(['Tickets', 'Status log', 'Messages']);
    expect(roles.filter((r) => r.role === 'logTime').map((r) => `${r.sheet}!${r.header}`)).toEqual(['Status log!Changed at', 'Messages!Sent at']);
    expect(roles).toHaveLength(ROLES.length - SAMPLE_LACKS.length - absent.length + 5);
  });
});
