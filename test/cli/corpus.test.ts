/**
 * The real-export corpus (test/fixtures/real/, SOURCES.md): for each file, detection alone — no
 * roles file — gives the KPIs an analyst expects from it, and their values equal figures computed
 * here independently: the files are parsed with the tiny CSV splitter and XML reading below (not
 * the product's readers), dates with a pattern per file, and the KPIs are plain arithmetic over
 * those rows (expected-notes.md says how). Period KPIs are compared in every period the scorecard
 * shows (its trend) and at its actual; KPIs over data without dates over all rows.
 *
 * Left to the engineers of the issues that own them: the status/event logs (ServiceNow event log,
 * 4TU helpdesk log, Preppin' Data status log, the Zendesk/Jira/ServiceNow status-log layouts) and
 * the call-centre figures (abandon rate, ASA, AHT, service level of the PwC call-centre workbook,
 * the daily KPI export, Asterisk and Amazon Connect layouts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ScorecardArgs } from '../../cli/args.js';
import { planFor } from '../../cli/run.js';
import type { KpiSummary } from '../../core/scorecard/types.js';
import { ROOT } from './helpers.js';

const REAL = path.join(ROOT, 'test/fixtures/real');

// ---------------------------------------------------------------- reading, independently

type Row = Record<string, string>;

/** RFC 4180 fields (quoted fields may hold the delimiter, doubled quotes and line breaks); a BOM is dropped. */
function parseDelimited(text: string, delim: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  const t = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < t.length; i++) {
    const ch = t[i];
    if (quoted) {
      if (ch === '"' && t[i + 1] === '"') { field += '"'; i++; } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delim) { row.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && t[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** Rows as header → text, for the header row given (1-based) and `skip` rows below it. */
function tableOf(rows: string[][], headerRow = 1, skip = 0): Row[] {
  const header = rows[headerRow - 1];
  return rows.slice(headerRow + skip).filter((r) => r.some((x) => x !== '')).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

function csvRows(file: string, delim = ',', headerRow = 1, skip = 0): Row[] {
  return tableOf(parseDelimited(readFileSync(path.join(REAL, file), 'utf8'), delim), headerRow, skip);
}

/** The first sheet of an .xlsx as rows of cell texts (shared strings resolved, numbers as written). */
function xlsxRows(file: string, headerRow = 1): Row[] {
  const zip = unzipSync(readFileSync(path.join(REAL, file)));
  const text = (name: string): string => new TextDecoder().decode(zip[name]);
  const shared = [...text('xl/sharedStrings.xml').matchAll(/<si>(.*?)<\/si>/gs)].map((m) => [...m[1].matchAll(/<t[^>]*>(.*?)<\/t>/gs)].map((t) => t[1]).join('')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&'));
  const grid: string[][] = [];
  for (const m of text('xl/worksheets/sheet1.xml').matchAll(/<c r="([A-Z]+)(\d+)"([^>]*?)(?:\/>|>(.*?)<\/c>)/gs)) {
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    const v = /<v>(.*?)<\/v>/s.exec(m[4] ?? '')?.[1] ?? '';
    (grid[Number(m[2]) - 1] ??= [])[col] = /t="s"/.test(m[3]) ? shared[Number(v)] : v;
  }
  const rows = Array.from({ length: grid.length }, (_, i) => Array.from(grid[i] ?? [], (x) => x ?? ''));
  return tableOf(rows, headerRow);
}

// ---------------------------------------------------------------- dates and durations, per file

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const mon = (s: string): number => MONTHS.indexOf(s.slice(0, 3).toLowerCase()) + 1;
const h12 = (h: number, ampm: string): number => (ampm.toUpperCase() === 'PM' ? (h % 12) + 12 : h % 12);
const at = (y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number => Date.UTC(y, m - 1, d, hh, mm, ss);

/** A date text as wall-clock milliseconds, by the layout a file writes; NaN for a blank. */
type DateParser = (t: string) => number;
const iso: DateParser = (t) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(t.trim());
  return m ? at(+m[1], +m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)) : NaN;
};
const slashed = (order: 'dmy' | 'mdy'): DateParser => (t) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?(?: (AM|PM))?)?$/.exec(t.trim());
  if (!m) return NaN;
  const [d, mo] = order === 'dmy' ? [+m[1], +m[2]] : [+m[2], +m[1]];
  const hh = m[7] ? h12(+m[4], m[7]) : +(m[4] ?? 0);
  return at(+m[3], mo, d, hh, +(m[5] ?? 0), +(m[6] ?? 0));
};
const dayMonYY: DateParser = (t) => {
  const m = /^(\d{1,2})-([A-Za-z]{3})-(\d{2})$/.exec(t.trim());
  return m ? at(2000 + +m[3], mon(m[2]), +m[1]) : NaN;
};
const jira: DateParser = (t) => {
  const m = /^(\d{2})\/([A-Za-z]{3})\/(\d{2}) (\d{1,2}):(\d{2}) (AM|PM)$/.exec(t.trim());
  return m ? at(2000 + +m[3], mon(m[2]), +m[1], h12(+m[4], m[6]), +m[5]) : NaN;
};
const helpscout: DateParser = (t) => {
  const m = /^([A-Za-z]{3}) (\d{2}), (\d{4}) (\d{1,2}):(\d{2}) (AM|PM)$/.exec(t.trim());
  return m ? at(+m[3], mon(m[1]), +m[2], h12(+m[4], m[6]), +m[5]) : NaN;
};
const german: DateParser = (t) => {
  const m = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(t.trim());
  return m ? at(+m[3], +m[2], +m[1], +m[4], +m[5], +m[6]) : NaN;
};
/** An Excel serial (the Zammad report's datetime cells). */
const serial: DateParser = (t) => (t.trim() === '' ? NaN : Math.round((Number(t) - 25569) * 86_400_000));

const label = (ms: number): string => new Date(ms).toISOString().slice(0, 7);
const HOUR = 3_600_000;

/** A duration text in hours: h:mm:ss (hours may exceed 24) or `1d 2h 5m`. */
function durationHours(t: string): number {
  const s = t.trim();
  if (s === '') return NaN;
  const clock = /^(\d+):(\d{2})(?::(\d{2}))?$/.exec(s);
  if (clock) return +clock[1] + +clock[2] / 60 + +(clock[3] ?? 0) / 3600;
  let h = 0, any = false;
  for (const m of s.matchAll(/(\d+)\s*([dhms])/g)) {
    any = true;
    h += +m[1] * { d: 24, h: 1, m: 1 / 60, s: 1 / 3600 }[m[2] as 'd' | 'h' | 'm' | 's'];
  }
  return any ? h : NaN;
}

// ---------------------------------------------------------------- the figures

type Figure = { readonly byPeriod: ReadonlyMap<string, number> } | { readonly all: number };

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const share = (xs: readonly boolean[]): number => xs.filter(Boolean).length / xs.length;
const nps = (xs: readonly number[]): number => (100 * (xs.filter((x) => x >= 9).length - xs.filter((x) => x <= 6).length)) / xs.length;

/** A statistic of the rows' values per month of their date (rows without a date or a value left out). */
function perMonth<T>(rows: readonly Row[], date: (r: Row) => number, value: (r: Row) => T | undefined, stat: (xs: T[]) => number): Figure {
  const groups = new Map<string, T[]>();
  for (const r of rows) {
    const d = date(r);
    const v = value(r);
    if (Number.isNaN(d) || v === undefined) continue;
    const k = label(d);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push(v);
  }
  return { byPeriod: new Map([...groups].map(([k, xs]) => [k, stat(xs)])) };
}

const num = (t: string): number | undefined => (t.trim() === '' ? undefined : Number(t));
/** Hours from a row's opened to resolved date, when both are set. */
const hoursBetween = (opened: (r: Row) => number, resolved: (r: Row) => number) => (r: Row): number | undefined => {
  const o = opened(r), c = resolved(r);
  return Number.isNaN(o) || Number.isNaN(c) ? undefined : (c - o) / HOUR;
};
/** Top-two-box of 1–5 ratings. */
const top2 = (t: string): boolean | undefined => (t.trim() === '' ? undefined : Number(t) >= 4);

interface Expectation {
  readonly id: string;
  readonly fn: string;
  readonly figure: Figure;
}

interface Case {
  readonly file: string;
  /**
   * The reporting date (--as-of) for a survey whose answers all fall in one month that they end
   * before its last day: Actual is the latest complete period (the honest headline), so without it
   * such a one-off survey is shown "to date" (checked too). The analyst names the survey's month
   * complete.
   */
  readonly asOf?: string;
  /** The data holds fewer answers or tickets than the minimum in every period: "too few (n)" is the honest status. */
  readonly small?: true;
  readonly expect: () => readonly Expectation[];
}

const col = (name: string, parse: DateParser) => (r: Row): number => parse(r[name] ?? '');

const CASES: readonly Case[] = [
  // ------------------------------------------------------------ real public files
  {
    file: 'pwc-call-center-dataset.xlsx',
    expect: () => {
      const rows = xlsxRows('pwc-call-center-dataset.xlsx');
      return [{ id: 'csat', fn: 'CSAT', figure: perMonth(rows, col('Date', iso), (r) => top2(r['Satisfaction rating']), share) }];
    },
  },
  {
    file: 'pwc-churn-dataset.xlsx',
    expect: () => {
      const rows = xlsxRows('pwc-churn-dataset.xlsx');
      const churn = share(rows.map((r) => r.Churn === 'Yes'));
      return [{ id: 'churn', fn: 'CHURN_RATE', figure: { all: churn } }, { id: 'retention', fn: 'CHURN_RATE', figure: { all: 1 - churn } }];
    },
  },
  {
    file: 'ibm-telco-customer-churn.csv',
    expect: () => {
      const churn = share(csvRows('ibm-telco-customer-churn.csv').map((r) => r.Churn === 'Yes'));
      return [{ id: 'churn', fn: 'CHURN_RATE', figure: { all: churn } }, { id: 'retention', fn: 'CHURN_RATE', figure: { all: 1 - churn } }];
    },
  },
  {
    file: 'ibm-hr-employee-attrition.csv',
    expect: () => {
      const rate = share(csvRows('ibm-hr-employee-attrition.csv').map((r) => r.Attrition === 'Yes'));
      return [{ id: 'turnover', fn: 'EMPLOYEE_TURNOVER', figure: { all: rate } }, { id: 'employeeRetention', fn: 'EMPLOYEE_TURNOVER', figure: { all: 1 - rate } }];
    },
  },
  {
    file: 'amazon-alexa-reviews.tsv',
    expect: () => [{ id: 'csat', fn: 'CSAT', figure: perMonth(csvRows('amazon-alexa-reviews.tsv', '\t'), col('date', dayMonYY), (r) => top2(r.rating), share) }],
  },
  {
    file: 'kaggle-customer-support-tickets.csv',
    expect: () => [{
      id: 'csat', fn: 'CSAT',
      figure: { all: share(csvRows('kaggle-customer-support-tickets.csv').map((r) => top2(r['Customer Satisfaction Rating'])).filter((x): x is boolean => x !== undefined)) },
    }],
  },
  {
    file: 'google-forms-sudzilla-survey.csv',
    asOf: '2019-11-30', // answers from 1 to 4 November 2019
    expect: () => [{
      id: 'nps', fn: 'NPS',
      figure: perMonth(csvRows('google-forms-sudzilla-survey.csv'), col('Timestamp', slashed('mdy')), (r) => num(r['On a scale of 0-10, how would you rate Sudzilla?']), nps),
    }],
  },
  {
    file: 'prepbench-nps-survey-repeat-responses.csv',
    small: true, // 24 answers in all
    expect: () => [{
      id: 'nps', fn: 'NPS',
      figure: perMonth(csvRows('prepbench-nps-survey-repeat-responses.csv'), col('Completion Date', slashed('dmy')), (r) => num(r['Would you recommend C&BSco to your friends and family? (Score 0-10)']), nps),
    }],
  },
  {
    file: 'itsm-service-desk-extract.csv',
    expect: () => {
      const rows = csvRows('itsm-service-desk-extract.csv');
      const resolved = col('Resolved_Time', slashed('dmy')), hours = hoursBetween(col('Open_Time', slashed('dmy')), resolved);
      return [
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, resolved, hours, mean) },
        { id: 'medianResolution', fn: 'MEDIAN_RESOLUTION', figure: perMonth(rows, resolved, hours, median) },
        { id: 'sla', fn: 'SLA_ATTAINMENT', figure: perMonth(rows, resolved, (r) => { const h = hours(r); return h === undefined ? undefined : h <= 24; }, share) },
      ];
    },
  },
  {
    file: 'prepbench-complaints-log.csv',
    expect: () => {
      const rows = csvRows('prepbench-complaints-log.csv');
      const resolved = col('Date Resolved', slashed('dmy')), hours = hoursBetween(col('Date Received', slashed('dmy')), resolved);
      return [
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, resolved, hours, mean) },
        // The complaints log's own verdict: Timely Response True/False.
        { id: 'sla', fn: 'SLA_MET_RATE', figure: perMonth(rows, resolved, (r) => r['Timely Response'] === 'True', share) },
      ];
    },
  },
  {
    file: 'german-coffee-reviews-utopia.csv',
    expect: () => [{ id: 'csat', fn: 'CSAT', figure: { all: share(csvRows('german-coffee-reviews-utopia.csv').map((r) => Number(r.rating) >= 4)) } }],
  },
  // ------------------------------------------------------------ documented layouts (synthetic rows)
  {
    file: 'documented/zendesk-support-csv-export.csv',
    expect: () => {
      const rows = csvRows('documented/zendesk-support-csv-export.csv');
      const opened = col('Created at', iso), solved = col('Solved at', iso);
      const rating = (r: Row): boolean | undefined => (r['Satisfaction Score'] === 'Good' ? true : r['Satisfaction Score'] === 'Bad' ? false : undefined);
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, solved, rating, share) },
        { id: 'firstResponse', fn: 'AVG_DURATION', figure: perMonth(rows, opened, (r) => { const m = num(r['First reply time in minutes']); return m === undefined ? undefined : m / 60; }, mean) },
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, solved, hoursBetween(opened, solved), mean) },
        { id: 'reopenRate', fn: 'REOPEN_RATE', figure: perMonth(rows, solved, (r) => Number(r.Reopens) > 0, share) },
      ];
    },
  },
  {
    file: 'documented/zendesk-explore-tickets.csv',
    expect: () => {
      const rows = csvRows('documented/zendesk-explore-tickets.csv');
      const opened = col('Ticket created - Date', iso), solved = col('Ticket solved - Date', iso);
      const rating = (r: Row): boolean | undefined => (r['Ticket satisfaction rating'] === 'Good' ? true : r['Ticket satisfaction rating'] === 'Bad' ? false : undefined);
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, solved, rating, share) },
        { id: 'firstResponse', fn: 'AVG_DURATION', figure: perMonth(rows, opened, (r) => { const m = num(r['MED(First reply time (min))']); return m === undefined ? undefined : m / 60; }, mean) },
        { id: 'reopenRate', fn: 'REOPEN_RATE', figure: perMonth(rows, solved, (r) => Number(r['SUM(Reopens)']) > 0, share) },
      ];
    },
  },
  {
    file: 'documented/freshdesk-tickets-export.csv',
    expect: () => {
      const rows = csvRows('documented/freshdesk-tickets-export.csv');
      const opened = col('Created time', iso), resolved = col('Resolved time', iso);
      const verdict = (r: Row): boolean | undefined => (r['Resolution status'] === 'Within SLA' ? true : r['Resolution status'] === 'SLA Violated' ? false : undefined);
      const awesome = (r: Row): boolean | undefined => (r['Survey results'] === '' ? undefined : r['Survey results'] === 'Awesome');
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, resolved, awesome, share) },
        { id: 'sla', fn: 'SLA_MET_RATE', figure: perMonth(rows, resolved, verdict, share) },
        { id: 'firstResponse', fn: 'AVG_FIRST_RESPONSE', figure: perMonth(rows, opened, hoursBetween(opened, col('Initial response time', iso)), mean) },
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, resolved, hoursBetween(opened, resolved), mean) },
      ];
    },
  },
  {
    file: 'documented/jira-service-management-issues.csv',
    expect: () => {
      const rows = csvRows('documented/jira-service-management-issues.csv');
      const opened = col('Created', jira), resolved = col('Resolved', jira);
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, resolved, (r) => top2(r['Satisfaction rating']), share) },
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, resolved, hoursBetween(opened, resolved), mean) },
      ];
    },
  },
  {
    file: 'documented/servicenow-incident-list-export.csv',
    expect: () => {
      const rows = csvRows('documented/servicenow-incident-list-export.csv');
      const opened = col('opened_at', iso), resolved = col('resolved_at', iso);
      return [
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, resolved, hoursBetween(opened, resolved), mean) },
        { id: 'sla', fn: 'SLA_MET_RATE', figure: perMonth(rows, resolved, (r) => r.made_sla === 'true', share) },
        { id: 'reopenRate', fn: 'REOPEN_RATE', figure: perMonth(rows, resolved, (r) => Number(r.reopen_count) > 0, share) },
      ];
    },
  },
  {
    file: 'documented/hubspot-tickets-export.csv',
    expect: () => {
      const rows = csvRows('documented/hubspot-tickets-export.csv');
      const opened = col('Create date', iso), closed = col('Close date', iso);
      return [
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, closed, hoursBetween(opened, closed), mean) },
        { id: 'firstResponse', fn: 'AVG_DURATION', figure: perMonth(rows, opened, (r) => { const h = durationHours(r['Time to first agent reply (HH:mm:ss)']); return Number.isNaN(h) ? undefined : h; }, mean) },
      ];
    },
  },
  {
    file: 'documented/zammad-ticket-report.xlsx',
    expect: () => {
      const rows = xlsxRows('documented/zammad-ticket-report.xlsx', 3).filter((r) => r['#'] !== '' && !/^Timezone/.test(r['#']));
      const opened = col('Created At', serial), closed = col('Closed At', serial);
      return [
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, closed, hoursBetween(opened, closed), mean) },
        { id: 'firstResponse', fn: 'AVG_FIRST_RESPONSE', figure: perMonth(rows, opened, hoursBetween(opened, col('First Response At', serial)), mean) },
      ];
    },
  },
  {
    file: 'documented/helpscout-conversations-export.csv',
    expect: () => {
      const rows = csvRows('documented/helpscout-conversations-export.csv');
      const opened = col('Created At', helpscout), closed = col('Closed At', helpscout);
      const great = (r: Row): boolean | undefined => (r.Rating === '' ? undefined : r.Rating === 'Great');
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, closed, great, share) },
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, closed, hoursBetween(opened, closed), mean) },
        { id: 'firstResponse', fn: 'AVG_DURATION', figure: perMonth(rows, opened, (r) => { const h = durationHours(r['First Response Time']); return Number.isNaN(h) ? undefined : h; }, mean) },
      ];
    },
  },
  {
    file: 'documented/intercom-conversations-export.csv',
    expect: () => {
      const rows = csvRows('documented/intercom-conversations-export.csv');
      const opened = col('Conversation started at (UTC)', iso), closed = col('Conversation last closed at (UTC)', iso);
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, closed, (r) => top2(r['Last teammate rating']), share) },
        { id: 'firstResponse', fn: 'AVG_FIRST_RESPONSE', figure: perMonth(rows, opened, hoursBetween(opened, col('Conversation first replied at (UTC)', iso)), mean) },
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, closed, hoursBetween(opened, closed), mean) },
      ];
    },
  },
  {
    file: 'documented/gorgias-tickets-export.csv',
    expect: () => {
      const rows = csvRows('documented/gorgias-tickets-export.csv');
      const opened = col('Created datetime', iso), closed = col('Closed datetime', iso);
      return [
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, closed, (r) => top2(r['Satisfaction survey score']), share) },
        { id: 'firstResponse', fn: 'AVG_DURATION', figure: perMonth(rows, opened, (r) => { const s = num(r['First response time (seconds)']); return s === undefined ? undefined : s / 3600; }, mean) },
        { id: 'avgResolution', fn: 'AVG_RESOLUTION', figure: perMonth(rows, closed, hoursBetween(opened, closed), mean) },
      ];
    },
  },
  {
    file: 'documented/google-forms-nps-de.csv',
    expect: () => {
      const rows = csvRows('documented/google-forms-nps-de.csv');
      const date = col('Zeitstempel', german);
      const satisfied = (r: Row): boolean | undefined => {
        const w = r['Wie zufrieden waren Sie mit unserem Kundenservice?'].toLowerCase();
        return w === '' ? undefined : w === 'zufrieden' || w === 'sehr zufrieden';
      };
      return [
        { id: 'nps', fn: 'NPS', figure: perMonth(rows, date, (r) => num(r['Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen? (0–10)']), nps) },
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, date, satisfied, share) },
      ];
    },
  },
  {
    file: 'documented/typeform-responses.csv',
    asOf: '2024-04-30', // answers from 1 to 28 April 2024
    expect: () => [{
      id: 'nps', fn: 'NPS',
      figure: perMonth(csvRows('documented/typeform-responses.csv'), col('Submit Date (UTC)', iso), (r) => num(r['How likely are you to recommend us to a friend or colleague?']), nps),
    }],
  },
  {
    file: 'documented/surveymonkey-responses.csv',
    expect: () => {
      // Row 2 is SurveyMonkey's second header row (Response / Open-Ended Response), not an answer.
      const rows = csvRows('documented/surveymonkey-responses.csv', ',', 1, 1);
      const date = col('End Date', slashed('mdy'));
      const satisfied = (r: Row): boolean | undefined => {
        const w = r['How satisfied were you with the support you received?'].toLowerCase();
        return w === '' ? undefined : w === 'satisfied' || w === 'very satisfied';
      };
      return [
        { id: 'nps', fn: 'NPS', figure: perMonth(rows, date, (r) => num(r['How likely are you to recommend us to a friend or colleague?']), nps) },
        { id: 'csat', fn: 'CSAT', figure: perMonth(rows, date, satisfied, share) },
      ];
    },
  },
  {
    file: 'documented/qualtrics-responses.csv',
    expect: () => {
      // Three header rows: ids, question texts, ImportId JSON.
      const rows = csvRows('documented/qualtrics-responses.csv', ',', 1, 2);
      return [{ id: 'nps', fn: 'NPS', figure: perMonth(rows, col('RecordedDate', iso), (r) => num(r.Q1), nps) }];
    },
  },
  {
    file: 'documented/delighted-survey-responses.csv',
    // created_at is Unix seconds, which is no date a spreadsheet reads: NPS over all answers.
    expect: () => [{ id: 'nps', fn: 'NPS', figure: { all: nps(csvRows('documented/delighted-survey-responses.csv').map((r) => Number(r.score))) } }],
  },
];

// ---------------------------------------------------------------- the test

const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function args(file: string, asOf?: string): ScorecardArgs {
  return {
    command: 'scorecard', inputs: [path.join(REAL, file)], kind: /\.xlsx$/.test(file) ? 'xlsx' : 'csv', out: 'unused.xlsx', json: false,
    period: 'month', tz: 'UTC', addinFormulas: false, language: 'en', quiet: true, ...(asOf !== undefined ? { asOf } : {}),
  };
}

const NO_PROGRESS = { step: () => undefined, done: () => undefined };

/** Every period the scorecard shows (its trend), and its actual, against the independent figure. */
function compare(s: KpiSummary, figure: Figure): string[] {
  const out: string[] = [];
  if ('all' in figure) {
    if (typeof s.value !== 'number' || !close(s.value, figure.all)) out.push(`${s.id}: ${s.value} instead of ${figure.all}`);
    return out;
  }
  let shown = 0;
  s.trend.forEach((v, i) => {
    if (typeof v !== 'number') return;
    shown++;
    const want = figure.byPeriod.get(s.trendLabels[i]);
    if (want === undefined || !close(v, want)) out.push(`${s.id} ${s.trendLabels[i]}: ${v} instead of ${want}`);
  });
  if (shown === 0) out.push(`${s.id}: no period shown`);
  // The actual is a period's figure, or blank for a latest period without any (no ratings that month).
  const latest = s.trendLabels[s.trendLabels.length - 1];
  const blankOk = s.value === '' && !figure.byPeriod.has(latest);
  if (!blankOk && (typeof s.value !== 'number' || ![...figure.byPeriod.values()].some((x) => close(x, s.value as number)))) out.push(`${s.id}: actual ${s.value} is no period's figure`);
  return out;
}

describe('the real-export corpus: detection alone gives the KPIs an analyst expects, with independently computed values', () => {
  it('covers at least 15 files, real ones and a documented layout of every helpdesk and survey tool', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(15);
    const files = CASES.map((c) => c.file);
    for (const tool of ['zendesk-support', 'zendesk-explore', 'freshdesk', 'jira', 'servicenow-incident-list', 'hubspot', 'zammad', 'helpscout', 'intercom', 'gorgias', 'google-forms', 'typeform', 'surveymonkey', 'qualtrics', 'delighted']) {
      expect(files.some((f) => f.includes(tool)), tool).toBe(true);
    }
  });

  for (const c of CASES) {
    it(c.file, async () => {
      const { plan } = await planFor(args(c.file, c.asOf), NO_PROGRESS);
      const byId = new Map(plan.summary.map((s) => [s.id, s]));
      const problems: string[] = [];
      for (const e of c.expect()) {
        const s = byId.get(e.id);
        if (!s) {
          problems.push(`${e.id}: not on the scorecard (KPIs: ${[...byId.keys()].join(', ')})`);
          continue;
        }
        if (s.kpi !== e.fn) problems.push(`${e.id}: computed with ${s.kpi}, expected ${e.fn}`);
        problems.push(...compare(s, e.figure));
        // The headline: a complete period of the data, with enough answers or tickets for a status.
        if ('byPeriod' in e.figure) {
          if (s.period === '' || s.toDate) problems.push(`${e.id}: headline period ${JSON.stringify(s.period)}${s.toDate ? ' (to date)' : ''} is not a complete period`);
          if (s.status === 'too-few' && !c.small) problems.push(`${e.id}: headline ${s.period} has too few (${s.tooFew})`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  // A one-off survey without a reporting date: its only month, to date (not blank), marked incomplete.
  for (const c of CASES.filter((x) => x.asOf !== undefined)) {
    it(`${c.file} without a reporting date: its month to date`, async () => {
      const { plan } = await planFor(args(c.file), NO_PROGRESS);
      for (const e of c.expect()) {
        const s = plan.summary.find((x) => x.id === e.id)!;
        expect(s).toMatchObject({ period: c.asOf!.slice(0, 7), toDate: true, status: 'to-date' });
        expect(compare(s, e.figure)).toEqual([]);
      }
    });
  }
});
