/**
 * The built Sheets add-on as Apps Script runs it: every dist/sheets-addon/*.js loaded into ONE vm
 * context with recording fakes of the services, then the custom functions called the way Sheets
 * calls them — single cells as scalars, ranges as 2-D arrays with "" for blanks, dates as Date
 * objects of the script's own realm (created inside the context), omitted arguments as undefined.
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, CATALOG_NAMES } from '../../core/catalog/index.js';
import { KpiError } from '../../core/errors.js';
import { callIn, col } from '../helpers/call.js';
import {
  SERVICE_NAMES, buildAddon, createAppsScriptFakes, loadScripts, throwingGlobals,
} from '../helpers/apps-script-fakes.js';
import type { AppsScriptFakes, BuiltAddon } from '../helpers/apps-script-fakes.js';

let addon: BuiltAddon;
beforeAll(async () => {
  addon = await buildAddon();
});
afterAll(async () => {
  await addon?.remove();
});

interface Sheets {
  readonly fakes: AppsScriptFakes;
  readonly context: vm.Context;
  /** Calls a global of the scripts as a cell would; the result comes back as plain JSON data. */
  cell(name: string, ...args: unknown[]): unknown;
  /** The message of the error a cell call throws, checking it is the script realm's plain Error. */
  errorOf(name: string, ...args: unknown[]): string;
  /** Host values with every Date re-created inside the script's realm. */
  inRealm(x: unknown): unknown;
}

function sheets(timeZone = 'Europe/Berlin'): Sheets {
  const fakes = createAppsScriptFakes({ timeZone });
  const context = loadScripts(addon.scripts, fakes.globals);
  const makeDate = vm.runInContext('(ms) => new Date(ms)', context) as (ms: number) => Date;
  const inRealm = (x: unknown): unknown => {
    if (x instanceof Date) return makeDate(x.getTime());
    if (Array.isArray(x)) return x.map(inRealm);
    return x;
  };
  const fn = (name: string) => {
    const f = context[name] as unknown;
    if (typeof f !== 'function') throw new Error(`${name} is not a global function`);
    return f as (...a: unknown[]) => unknown;
  };
  return {
    fakes,
    context,
    inRealm,
    cell: (name, ...args) => JSON.parse(JSON.stringify(fn(name)(...(args.map(inRealm))))) as unknown,
    errorOf(name, ...args) {
      try {
        fn(name)(...args.map(inRealm));
      } catch (e) {
        // A plain Error of the script's realm: Sheets shows its message under #ERROR!.
        expect(e).toBeInstanceOf(vm.runInContext('Error', context) as ErrorConstructor);
        expect((e as Error).name).toBe('Error');
        return (e as Error).message;
      }
      throw new Error(`${name} returned instead of throwing`);
    },
  };
}

/** The core's own answer, or its error message, for the same arguments in the same zone. */
function core(timeZone: string, name: string, args: readonly unknown[]): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(JSON.stringify(callIn(timeZone, name, ...args))) as unknown };
  } catch (e) {
    if (e instanceof KpiError) return { error: e.message };
    throw e;
  }
}

// ---------------------------------------------------------------- data as Sheets passes it

/** A Date for a wall-clock time in Berlin winter (UTC+1) or summer (UTC+2), as the exact instant. */
const berlin = (iso: string): Date => {
  const summer = iso >= '2026-03-29T02:00' && iso < '2026-10-25T03:00';
  return new Date(Date.parse(`${iso}:00${summer ? '+02:00' : '+01:00'}`));
};

// The catalog's worked example: 60 scores of 10, 25 of 8, 15 of 3, with a header and blanks.
// NPS = 60 % promoters − 15 % detractors = 45.
const EXAMPLE_SCORES: unknown[][] = [['Score'], ...Array(60).fill([10]), [''], ...Array(25).fill([8]), ...Array(15).fill([3]), ['']];
// Ratings 5,5,4,3,2,4,5,1,4,4: 7 of 10 are 4 or 5 → CSAT 0.7; with threshold 5: 0.3.
const RATINGS = col('Rating', 5, 5, 4, 3, 2, 4, 5, 1, 4, 4);
const RATING_DATES = col('Date', berlin('2026-01-05T10:00'), berlin('2026-01-20T10:00'), berlin('2026-02-03T10:00'),
  berlin('2026-02-14T10:00'), berlin('2026-02-28T23:30'), berlin('2026-03-01T00:30'), berlin('2026-03-10T10:00'),
  berlin('2026-03-31T10:00'), berlin('2026-04-02T10:00'), berlin('2026-04-03T10:00'));
const CHANNELS = col('Channel', 'mail', 'phone', 'mail', 'chat', 'phone', 'mail', 'chat', 'mail', 'phone', 'mail');
const SCORES = col('Score', 10, 9, 8, '', 3, 6, 10, 7, 0, 9);

const OPENED = col('Opened', berlin('2026-03-27T09:00'), berlin('2026-03-28T12:00'), berlin('2026-03-30T08:00'),
  berlin('2026-03-31T16:00'), berlin('2026-04-01T10:00'), '');
const RESOLVED = col('Resolved', berlin('2026-03-27T15:30'), berlin('2026-03-29T12:00'), berlin('2026-03-30T09:30'),
  '', berlin('2026-04-02T10:00'), berlin('2026-04-02T11:00'));
const FIRST_RESPONSE = col('First response', berlin('2026-03-27T09:30'), berlin('2026-03-28T14:00'), berlin('2026-03-30T08:15'),
  berlin('2026-04-01T09:00'), berlin('2026-04-01T10:05'), '');
const AGENTS = col('Agent', 'Ada', 'Ben', 'Ada', 'Cem', 'Ben', 'Ada');
const AS_OF = berlin('2026-04-03T00:00');
// Talk times as Sheets passes duration cells: Dates of 30 Dec 1899 in the spreadsheet's zone (CET in 1899).
const TALK = col('Talk time', new Date(Date.parse('1899-12-30T00:02:14+01:00')), new Date(Date.parse('1899-12-30T00:03:10+01:00')), '0:01:00', '');
const TEXTS = col('Comment', 'Friendly and fast help', 'not friendly at all', 'fast, reliable', '', 'Very friendly staff', 'slow answer');

// A status log and a message log (ticket, time as a Date, status / author), rows out of order.
const LOG_IDS = col('Ticket', 7, 7, 7, 7, 8, 8);
const LOG_TIMES = col('Changed', berlin('2026-03-27T09:00'), berlin('2026-03-27T12:00'), berlin('2026-03-27T10:00'), berlin('2026-03-27T14:00'),
  berlin('2026-03-30T11:00'), berlin('2026-03-30T09:00'));
const LOG_STATUSES = col('Status', 'New', 'Open', 'Pending', 'Solved', 'Solved', 'Neu');
const MSG_AUTHORS = col('Author', 'customer', 'customer', 'agent', 'agent', 'Mitarbeiter', 'Kunde');
// Calls: waits in seconds, answered as checkbox booleans, a header row.
const WAITS = col('Wait (s)', 12, 45, 20, 8, 30, '');
const ANSWERED = col('Answered', true, false, true, true, true, '');

/** One Sheets-shaped call per catalog function (its arguments in catalog order). */
const CALLS: Record<string, readonly unknown[]> = {
  NPS: [SCORES],
  NPS_MOE: [EXAMPLE_SCORES, 0.9],
  NPS_BREAKDOWN: [SCORES],
  NPS_TREND: [SCORES, RATING_DATES, 'month'],
  CSAT: [RATINGS],
  CSAT_CI: [RATINGS, 5, 4, 0.95],
  CSAT_TREND: [RATINGS, RATING_DATES, 'Quartal', 5],
  NPS_CI: [EXAMPLE_SCORES],
  CES: [col('CES', 7, 6, 5, 4, 2)],
  RESPONSE_RATE: [col('CSAT', 'Good', '', 'Offered', 'Bad', 'Not offered')],
  GROUP_SIGNIFICANCE: ['CSAT', CHANNELS, RATINGS],
  ANSWER_COUNT: [col('CES', 7, '', 'Offered', 4, 2), 'CES'],
  RETENTION_RATE: [200, 210, 30],
  CHURN_RATE: [col('Customers', 200, 205), col('Lost', 4, 6)],
  REPEAT_CUSTOMER_RATE: [col('Customer', 'C1', 'C2', 'C1', 42, '42', 'C3')],
  CONVERSION_RATE: [col('Converted', 'yes', 'no', true, false, 'ja', '')],
  FIRST_CONTACT_RESOLUTION: [col('FCR', true, true, false, 1, 0)],
  REOPEN_RATE: [col('Reopened', false, false, true, 'nein')],
  // Checkbox booleans, ServiceNow's made_sla words and Freshdesk's verdicts, and a ticket with none yet.
  SLA_MET_RATE: [col('SLA met', true, 'Within SLA', 'SLA Violated', false, 'ja', '')],
  COMPLAINT_RATE: [col('Complaints', 3, 2), col('Customers', 100, 120), 1000],
  RETURN_RATE: [col('Returned', 2, 3), col('Sold', 50, 60)],
  REVENUE_PER_CUSTOMER: [col('Amount', 100, 50, 25), col('Customer', 'A', 'B', 'A')],
  COMPETITOR_GAP: [40, col('Competitor NPS', 30, 45, 20), 'best', 'higher'],
  FLAG_COUNT: [col('Reopens', 0, 3, '', 'nein'), 'REOPEN_RATE'],
  AVG_RESOLUTION: [OPENED, RESOLVED],
  MEDIAN_RESOLUTION: [OPENED, RESOLVED, 'minutes'],
  RESOLUTION_PERCENTILE: [OPENED, RESOLVED, 0.9],
  AVG_FIRST_RESPONSE: [OPENED, FIRST_RESPONSE],
  SLA_ATTAINMENT: [OPENED, RESOLVED, 24, 'hours', 'Mon-Fri 09:00-17:00', col(berlin('2026-04-01T00:00')), AS_OF],
  ACTIVE_ISSUES: [OPENED, RESOLVED, AS_OF],
  BACKLOG_AGE: [OPENED, RESOLVED, AS_OF, 'days'],
  RESOLVED_ISSUES: [RESOLVED, berlin('2026-03-28T00:00'), berlin('2026-04-01T00:00')],
  MEDIAN_FIRST_RESPONSE: [OPENED, FIRST_RESPONSE],
  FIRST_RESPONSE_PERCENTILE: [OPENED, FIRST_RESPONSE, 0.9, 'minutes'],
  AVG_DURATION: [TALK, undefined, 'seconds'],
  MEDIAN_DURATION: [col('First reply (min)', 30, 45, 60, 15), 'minutes', 'minutes'],
  TIME_IN_STATUS: [LOG_IDS, LOG_TIMES, LOG_STATUSES, 'new, open, on-hold'],
  STATUS_SUMMARY: [LOG_IDS, LOG_TIMES, LOG_STATUSES, 'minutes'],
  LOG_RESOLUTION: [LOG_IDS, LOG_TIMES, LOG_STATUSES, 'solved', 'pending'],
  LOG_SLA_ATTAINMENT: [LOG_IDS, LOG_TIMES, LOG_STATUSES, 'solved', 4, 'pending', 'hours', 'Mon-Fri 09:00-17:00'],
  NEXT_REPLY_TIME: [LOG_IDS, LOG_TIMES, MSG_AUTHORS, 'minutes'],
  REPLY_TIMES: [LOG_IDS, LOG_TIMES, MSG_AUTHORS],
  PER_TICKET: [LOG_IDS, LOG_STATUSES, LOG_TIMES],
  LOG_TICKETS: ['LOG_RESOLUTION', LOG_IDS, LOG_TIMES, LOG_STATUSES, 'solved', 'pending'],
  TICKET_LOOKUP: [LOG_IDS, col(7, 8), col('Billing', 'Tech'), 'none'],
  SERVICE_LEVEL: [WAITS, ANSWERED, 20],
  ABANDON_RATE: [ANSWERED, WAITS, 5],
  ASA: [WAITS, ANSWERED],
  AHT: [TALK, col('Hold', 30, '', '', ''), col('Wrap-up', '0:00:20', 10, '', '')],
  OCCUPANCY: [col('Handle', '0:10:00', '0:20:00', '0:30:00'), col('Available', '1:00:00', '0:15:00')],
  CALL_COUNT: ['SERVICE_LEVEL', WAITS, ANSWERED, 20, 'short_abandons_excluded'],
  ERLANG_C: [100, 30, 180, 0.8, 20, 0.3],
  ERLANG_C_SERVICE_LEVEL: [14, 100, 30, 180, 20],
  RATIO_OF_SUMS: [col('Abandoned', 50, 12), col('Offered', 1000, 100)],
  WEIGHTED_AVERAGE: [col('ASA', '0:00:30', '0:01:00'), col('Answered', 900, 100), 'seconds'],
  RESOLVED_PER_AGENT: [AGENTS, RESOLVED],
  AGENT_SUMMARY: [AGENTS, OPENED, RESOLVED],
  EMPLOYEE_TURNOVER: [6, 50, 70],
  EMPLOYEE_RETENTION: [50, 52, 5],
  BRAND_ATTRIBUTES: [TEXTS, 5, 'en'],
  BRAND_MATCH: [TEXTS, 'friendly, fast, reliable'],
  CASH_FLOW: [col(1000, 500), col(-300, -200)],
  KPI_STATUS: [0.8, 0.85, 'higher', 0.1],
  KPI_BY_PERIOD: ['AVG_RESOLUTION', RESOLVED, 'month', OPENED, RESOLVED],
  KPI_BY_GROUP: ['CSAT', CHANNELS, RATINGS],
};

// ---------------------------------------------------------------- the tests

describe('the loaded scripts', () => {
  it('define every catalog function as a global, and load even when every service throws', () => {
    // Nothing may run at load time: onOpen runs in AuthMode.NONE and every cell call loads all files.
    const context = loadScripts(addon.scripts, throwingGlobals(SERVICE_NAMES));
    for (const spec of CATALOG) expect(typeof context[spec.name], spec.name).toBe('function');
    expect(CATALOG).toHaveLength(CATALOG_NAMES.length);
  });

  it('list every catalog function once in functions.js, with @customfunction JSDoc naming each argument', () => {
    const stubs = addon.read('functions.js');
    expect(stubs.startsWith('// generated by scripts/build-sheets.mjs, do not edit')).toBe(true);
    const found = new Map<string, { doc: string; params: string }>();
    for (const m of stubs.matchAll(/\/\*\*\n([\s\S]*?)\*\/\nfunction (\w+)\(([^)]*)\) \{\n {2}return KPI\.call\('(\w+)', \[([^\]]*)\]\);\n\}/g)) {
      expect(m[4], 'forwards under its own name').toBe(m[2]);
      found.set(m[2], { doc: m[1], params: m[3] });
    }
    expect([...found.keys()]).toEqual(CATALOG.map((f) => f.name));
    expect(stubs.match(/@customfunction/g)).toHaveLength(CATALOG.length);
    for (const f of CATALOG) {
      const { doc, params } = found.get(f.name)!;
      expect(doc, f.name).toContain(f.summary.en.replace(/\s+/g, ' ').trim().slice(0, 40));
      expect(doc).toMatch(/@return \{[^}]+\} \S/);
      const docParams = [...doc.matchAll(/@param \{([^}]+)\} (\w+) (\S.*)/g)].map((p) => p[2]);
      expect(docParams, f.name).toEqual(f.args.map((a) => a.name));
      expect(params.split(', ').filter(Boolean)).toEqual(f.args.map((a) => (a.repeating ? `...${a.name}` : a.name)));
    }
  });

  it('document the repeating args of KPI_BY_PERIOD and KPI_BY_GROUP as a rest parameter', () => {
    const stubs = addon.read('functions.js');
    expect(stubs).toContain("function KPI_BY_PERIOD(kpi, dates, period, ...args) {\n  return KPI.call('KPI_BY_PERIOD', [kpi, dates, period, ...args]);");
    expect(stubs).toMatch(/@param \{\.\.\.\*\} args /);
    expect(stubs).toContain("function NPS(scores) {\n  return KPI.call('NPS', [scores]);\n}");
  });
});

describe('custom functions called as Sheets calls them', () => {
  it('return the catalog worked example: NPS 45 from a range with a header and "" blanks', () => {
    const s = sheets();
    expect(s.cell('NPS', EXAMPLE_SCORES)).toBe(45);
    // NPS_MOE: p = 0.6, d = 0.15, n = 100: 1.96·√((0.75 − 0.2025)/100)·100 = 14.50 points.
    expect(s.cell('NPS_MOE', EXAMPLE_SCORES) as number).toBeCloseTo(14.5, 1);
  });

  it('take a single cell as a plain scalar', () => {
    const s = sheets();
    expect(s.cell('NPS', 10)).toBe(100); // one promoter
    expect(s.cell('CSAT', 4)).toBe(1); // 4 ≥ threshold 4 on the default 1–5 scale
    expect(s.cell('KPI_STATUS', 0.83, 0.85)).toBe('amber'); // short by 0.02 ≤ 5 % of 0.85
    expect(s.cell('RETENTION_RATE', 200, 210, 30)).toBe(0.9); // (210 − 30) / 200
  });

  it('take omitted trailing optionals as undefined and empty ones as ""', () => {
    const s = sheets();
    expect(s.cell('CSAT', RATINGS)).toBe(0.7);
    expect(s.cell('CSAT', RATINGS, undefined, 5)).toBe(0.3);
    expect(s.cell('CSAT', RATINGS, '', '')).toBe(0.7);
    expect(s.cell('CASH_FLOW', col(1000, 500, -300, -200))).toBe(1000);
  });

  it('spill tables as 2-D arrays with "" for empty cells', () => {
    const s = sheets();
    const trend = s.cell('NPS_TREND', SCORES, RATING_DATES, 'month') as unknown[][];
    expect(trend[0]).toEqual(['Period', 'Responses', 'NPS', 'Change', 'Significant']);
    expect(trend[1].slice(0, 2)).toEqual(['2026-01', 2]);
    // The first row has no change, and fewer than 30 responses are never "significant".
    expect(trend[1][3]).toBe('');
    for (const row of trend) for (const v of row) expect(v === null || v === undefined).toBe(false);
    // Eight of ten satisfied: the Wilson interval is about [0.490, 0.943] — a 1×2 row.
    const ci = s.cell('CSAT_CI', col(5, 5, 4, 4, 5, 4, 4, 5, 2, 1)) as number[][];
    expect(ci).toHaveLength(1);
    expect(ci[0][0]).toBeCloseTo(0.49, 2);
    expect(ci[0][1]).toBeCloseTo(0.943, 3);
  });

  it.each(CATALOG.map((f) => f.name))('%s gives what the core gives for the same Sheets-shaped arguments', (name) => {
    const args = CALLS[name];
    expect(args, `a test call for ${name}`).toBeDefined();
    const s = sheets();
    const expected = core('Europe/Berlin', name, args);
    // Every call here is meant to produce a value, so that the comparison is about values.
    expect(expected.error, `${name} should have a value`).toBeUndefined();
    expect(s.cell(name, ...args)).toEqual(expected.value);
  });

  it('pass KPI_BY_PERIOD any number of ranges after the period (a rest parameter)', () => {
    const s = sheets();
    const table = s.cell('KPI_BY_PERIOD', 'AVG_RESOLUTION', RESOLVED, 'month', OPENED, RESOLVED) as unknown[][];
    // Resolved in March (Berlin wall clock): 6.5 h and 24 h (28 Mar 12:00 → 29 Mar 12:00 across the
    // change to summer time is 24 h on the wall clock) and 1.5 h → 32 / 3 h. April: 1 Apr 10:00 →
    // 2 Apr 10:00 = 24 h (the last row has no opened date and is skipped; row 4 is still open).
    expect(table[0]).toEqual(['Period', 'Rows', 'Value']);
    expect(table[1][0]).toBe('2026-03');
    expect(table[1][2] as number).toBeCloseTo(32 / 3, 9);
    expect(table[2][0]).toBe('2026-04');
    expect(table[2][2]).toBe(24);
  });
});

describe('the v3 functions as Sheets calls them', () => {
  it('read Date objects in a log as wall-clock times of the spreadsheet\'s zone', () => {
    const s = sheets();
    // Ticket 7: New 09:00, Pending 10:00, Open 12:00, Solved 14:00 (Berlin): requester wait 3 h, paused resolution 3 h.
    // Ticket 8: Neu 09:00, Solved 11:00 on 30 March (summer time): 2 h of "new"; the German status word is its own status.
    expect(s.cell('TIME_IN_STATUS', LOG_IDS, LOG_TIMES, LOG_STATUSES, 'new, open, on-hold')).toBe(3);
    expect(s.cell('TIME_IN_STATUS', LOG_IDS, LOG_TIMES, LOG_STATUSES, 'new, neu, open')).toBe(2.5);
    expect(s.cell('LOG_RESOLUTION', LOG_IDS, LOG_TIMES, LOG_STATUSES, 'solved', 'pending')).toBe(2.5);
    // Messages: ticket 7 customer 09:00, agent 10:00 (first reply 1 h), customer 12:00, agent 14:00 (next 2 h);
    // ticket 8: Kunde 09:00, Mitarbeiter 11:00 (first reply 2 h).
    expect(s.cell('NEXT_REPLY_TIME', LOG_IDS, LOG_TIMES, MSG_AUTHORS, 'minutes')).toBe(120);
    expect((s.cell('REPLY_TIMES', LOG_IDS, LOG_TIMES, MSG_AUTHORS) as unknown[][])[1]).toEqual(['First reply', 2, 1.5, 1.5, 1.9]);
  });

  it('read checkbox booleans and "" blanks in call rows, and spill ERLANG_C', () => {
    const s = sheets();
    // 12, 20 and 8 s answered within 20 s of 5 calls; 30 s answered late; 45 s abandoned.
    expect(s.cell('SERVICE_LEVEL', WAITS, ANSWERED, 20)).toBe(0.6);
    expect(s.cell('SERVICE_LEVEL', WAITS, ANSWERED, '0:00:20', 'answered')).toBe(0.75);
    expect(s.cell('ASA', WAITS, ANSWERED)).toBe(17.5);
    const erlang = s.cell('ERLANG_C', 100, 30, 180, 0.8, 19.8, 0.3) as unknown[][];
    expect(erlang[0]).toEqual(['Agents', 'Staff', 'Service level', 'ASA (s)', 'Occupancy', 'Wait probability']);
    expect(erlang[1].slice(0, 2)).toEqual([14, 20]);
    // GROUP_SIGNIFICANCE takes its KPI's arguments as a rest parameter.
    const groups = s.cell('GROUP_SIGNIFICANCE', 'NPS', CHANNELS, SCORES) as unknown[][];
    expect(groups[0]).toEqual(['Group', 'Responses', 'Value', 'Others', 'Difference', 'Significant']);
    expect(groups.map((r) => r[0])).toEqual(['Group', 'mail', 'phone', 'chat']);
  });
});

describe('errors', () => {
  it('throw a plain Error naming the function, the value and its position', () => {
    const s = sheets();
    const message = s.errorOf('NPS', col('Score', 9, 11, 7));
    expect(message).toBe(core('UTC', 'NPS', [col('Score', 9, 11, 7)]).error);
    expect(message).toMatch(/^NPS: 11 at row 3 /);
  });

  it('say "no data" when there is nothing to divide by', () => {
    const s = sheets();
    expect(s.errorOf('CSAT', col('Rating', '', ''))).toBe('CSAT: no data');
  });

  it('report an error cell of the range with its position', () => {
    const s = sheets();
    expect(s.errorOf('NPS', col(9, '#N/A', 7))).toMatch(/^NPS: .*#N\/A.*row 2/);
  });

  it('name a resolved date before its opened date', () => {
    const s = sheets();
    const message = s.errorOf('AVG_RESOLUTION', col(berlin('2026-03-02T10:00')), col(berlin('2026-03-02T09:00')));
    expect(message).toMatch(/^AVG_RESOLUTION: /);
    expect(message).toBe(core('Europe/Berlin', 'AVG_RESOLUTION', [col(berlin('2026-03-02T10:00')), col(berlin('2026-03-02T09:00'))]).error);
  });
});

describe('dates in the spreadsheet time zone', () => {
  // A ticket opened Saturday 12:00 and resolved Sunday 12:00 on the wall clock: 24 h in the sheet,
  // whatever the clocks did overnight (=B2-A2 in Sheets gives 1 day).
  it('give wall-clock durations across the change to summer time in Europe/Berlin', () => {
    const s = sheets('Europe/Berlin');
    // 28 Mar 12:00 CET = 11:00Z; 29 Mar 12:00 CEST = 10:00Z: 23 h apart as instants.
    const opened = new Date(Date.UTC(2026, 2, 28, 11));
    const resolved = new Date(Date.UTC(2026, 2, 29, 10));
    expect(s.cell('AVG_RESOLUTION', col('Opened', opened), col('Resolved', resolved))).toBe(24);
    expect(s.cell('AVG_RESOLUTION', [['Opened', 'Resolved'], [opened, resolved]], 'days')).toBe(1);
    // The same instants in a UTC spreadsheet are 23 h apart on its wall clock.
    expect(sheets('UTC').cell('AVG_RESOLUTION', col(opened), col(resolved))).toBe(23);
  });

  it('give wall-clock durations across the change back to winter time in Europe/Berlin', () => {
    const s = sheets('Europe/Berlin');
    // 24 Oct 12:00 CEST = 10:00Z; 25 Oct 12:00 CET = 11:00Z: 25 h apart as instants, 24 h on the wall.
    expect(s.cell('AVG_RESOLUTION', col(new Date(Date.UTC(2026, 9, 24, 10))), col(new Date(Date.UTC(2026, 9, 25, 11))))).toBe(24);
  });

  it('give wall-clock durations across the change to daylight time in America/New_York', () => {
    const s = sheets('America/New_York');
    // 7 Mar 12:00 EST = 17:00Z; 8 Mar 12:00 EDT = 16:00Z: 23 h apart as instants, 24 h on the wall.
    expect(s.cell('AVG_RESOLUTION', col(new Date(Date.UTC(2026, 2, 7, 17))), col(new Date(Date.UTC(2026, 2, 8, 16))))).toBe(24);
    // The hour that does not exist on 8 Mar (02:00–03:00) is skipped: 01:30 EST → 03:30 EDT is 2 h on the wall, 1 h real.
    expect(s.cell('AVG_RESOLUTION', col(new Date(Date.UTC(2026, 2, 8, 6, 30))), col(new Date(Date.UTC(2026, 2, 8, 7, 30))))).toBe(2);
  });

  it('accept Dates made in the script realm, as Apps Script passes them', () => {
    const s = sheets('Europe/Berlin');
    const opened = vm.runInContext('new Date(Date.UTC(2026, 2, 28, 11))', s.context) as unknown;
    const resolved = vm.runInContext('new Date(Date.UTC(2026, 2, 29, 10))', s.context) as unknown;
    expect(opened instanceof Date).toBe(false); // really another realm's Date
    const avg = s.context.AVG_RESOLUTION as (...a: unknown[]) => unknown;
    expect(avg([[opened]], [[resolved]])).toBe(24);
    expect(avg(opened, resolved, 'minutes')).toBe(1440);
  });

  it('read the spreadsheet time zone once per call, however many dates the call holds', () => {
    const s = sheets('Europe/Berlin');
    const opened: unknown[][] = [];
    const resolved: unknown[][] = [];
    for (let i = 0; i < 2000; i++) {
      opened.push([new Date(Date.UTC(2026, 0, 1) + i * 3_600_000)]);
      resolved.push([new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + 5_400_000)]);
    }
    s.fakes.log.reset();
    expect(s.cell('AVG_RESOLUTION', opened, resolved)).toBe(1.5);
    expect(s.fakes.log.calls).toEqual(['SpreadsheetApp.getActive', 'Spreadsheet.getSpreadsheetTimeZone']);
  });

  it('never read the current time', () => {
    const s = sheets('Europe/Berlin');
    const prepared = Object.fromEntries(Object.entries(CALLS).map(([n, a]) => [n, s.inRealm(a) as unknown[]]));
    // From here on, `new Date()` and `Date.now()` in the script realm throw.
    vm.runInContext(`(() => {
      const D = Date;
      globalThis.Date = class extends D {
        constructor(...a) { if (a.length === 0) throw new Error('the current time was read'); super(...a); }
        static now() { throw new Error('the current time was read'); }
      };
    })()`, s.context);
    for (const [name, args] of Object.entries(prepared)) {
      expect(() => (s.context[name] as (...a: unknown[]) => unknown)(...args), name).not.toThrow();
    }
    // Without as_of, ACTIVE_ISSUES counts open tickets (only row 4 here): no clock needed either.
    expect((s.context.ACTIVE_ISSUES as (...a: unknown[]) => unknown)(prepared.AVG_RESOLUTION[0], prepared.AVG_RESOLUTION[1])).toBe(1);
  });
});
