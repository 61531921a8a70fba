/**
 * The v3 value rules on real and documented-layout exports (test/fixtures/real, see SOURCES.md):
 * their date layouts, rating words, text durations, % text and Yes/No columns, read as cell text the
 * way a spreadsheet holds an imported text column. Expected figures are the independent ones in
 * test/fixtures/real/expected-notes.md (Python's csv module), not the core's own output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeCsv, splitCsv } from '../../cli/read-csv.js';
import { callSpec } from '../../core/call.js';
import { findFunction } from '../../core/catalog/index.js';
import { wallClock } from '../../core/values/clock.js';
import { call, errorOf } from '../helpers/call.js';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/real');

/** A CSV file's columns by header, each as a host passes a column with its header: `[[h], [v], …]`. */
function table(file: string, keep: (row: Record<string, string>) => boolean = () => true): (header: string) => unknown[][] {
  const { rows } = splitCsv(decodeCsv(readFileSync(path.join(DIR, file))).text, file);
  const [head, ...body] = rows;
  const records = body.filter((r) => r.length > 1 || r[0] !== '').map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ''])));
  const kept = records.filter(keep);
  return (header: string) => {
    if (!head.includes(header)) throw new Error(`${file} has no column ${header}`);
    return [[header], ...kept.map((r) => [r[header] === '' ? null : r[header]])];
  };
}

/** The last row per key (event logs: the incident's latest update). */
function lastPerKey(file: string, key: string, order: string): (header: string) => unknown[][] {
  const { rows } = splitCsv(decodeCsv(readFileSync(path.join(DIR, file))).text, file);
  const [head, ...body] = rows;
  const k = head.indexOf(key), o = head.indexOf(order);
  const last = new Map<string, string[]>();
  for (const r of body) {
    const prev = last.get(r[k]);
    if (!prev || Number(r[o]) >= Number(prev[o])) last.set(r[k], r);
  }
  const kept = [...last.values()];
  return (header: string) => [[header], ...kept.map((r) => [r[head.indexOf(header)]])];
}

describe('real exports', () => {
  it('ServiceNow event log: day-first dd-mm-yyyy HH:MM, "?" for missing, reopen counts (130 incidents)', () => {
    const c = lastPerKey('servicenow-incident-event-log.csv', 'number', 'sys_mod_count');
    expect(c('number')).toHaveLength(131);
    // expected-notes: avg resolution 100.8048 h over 125 resolved; reopen rate 2/130.
    expect(call('AVG_RESOLUTION', c('opened_at'), c('resolved_at'))).toBeCloseTo(100.8048, 3);
    expect(call('REOPEN_RATE', c('reopen_count'))).toBeCloseTo(2 / 130, 12);
    expect(call('CONVERSION_RATE', c('made_sla'))).toBeCloseTo(103 / 130, 12);
  });

  it('ITSM extract: dd/mm/yyyy HH:MM (avg resolution 9,148.4216 h over 37 incidents)', () => {
    const c = table('itsm-service-desk-extract.csv');
    expect(call('AVG_RESOLUTION', c('Open_Time'), c('Resolved_Time'))).toBeCloseTo(9148.4216, 3);
  });

  it('Amazon Alexa reviews: dd-Mon-yy dates, months May 41, Jun 77, Jul 1457; CSAT 0.871111', () => {
    const c = table('amazon-alexa-reviews.tsv');
    expect(call('CSAT', c('rating'))).toBeCloseTo(1372 / 1575, 12);
    expect(call('KPI_BY_PERIOD', 'CSAT', c('date'), 'month', c('rating'))).toEqual([
      ['Period', 'Rows', 'Value'],
      ['2018-05', 41, expect.any(Number)], ['2018-06', 77, expect.any(Number)], ['2018-07', 1457, expect.any(Number)],
    ]);
  });

  it('Google Forms: US timestamps 11/1/2019 8:51:12 that decide nothing — an error in a cell, the user\'s order in a scorecard', () => {
    const c = table('google-forms-sudzilla-survey.csv');
    const scores = c('On a scale of 0-10, how would you rate Sudzilla?');
    expect(call('NPS', scores)).toBeCloseTo(-35.8974, 4);
    // Every response falls on 1–4 Nov 2019: no part above 12, so a cell function cannot tell.
    expect(errorOf(() => call('NPS_TREND', scores, c('Timestamp'))).message).toMatch(/^NPS_TREND: "11\/1\/2019 \d+:\d\d:\d\d" at row 2 of dates could be 11 Jan or 1 Nov 2019; nothing in the call decides/);
    const trend = callSpec(findFunction('NPS_TREND')!, wallClock('UTC'), [scores, c('Timestamp')], { dateOrder: 'mdy' }) as unknown[][];
    expect(trend[1][0]).toBe('2019-11');
    expect(trend[1][1]).toBe(39);
  });

  it('Preppin\' Data NPS survey: dd/mm/yyyy completion dates, NPS −20.8333', () => {
    const c = table('prepbench-nps-survey-repeat-responses.csv');
    expect(call('NPS', c('Would you recommend C&BSco to your friends and family? (Score 0-10)'))).toBeCloseTo(-20.8333, 4);
    const first = table('prepbench-nps-survey-repeat-responses.csv', (r) => r.Result === 'First');
    expect(call('NPS', first('Would you recommend C&BSco to your friends and family? (Score 0-10)'))).toBeCloseTo(-15, 9);
  });

  it('daily call-centre KPIs: h:mm:ss text durations and % text (plain means 24.8977 s and 70.8729 %)', () => {
    const c = table('call-center-daily-kpi.csv');
    expect(call('AVG_DURATION', c('Answer Speed (AVG)'), null, 'seconds')).toBeCloseTo(24.8977, 3);
    expect((call('CASH_FLOW', c('Service Level (20 Seconds)')) as number) / 1251).toBeCloseTo(0.708729, 5);
  });

  it('IBM Telco and IBM HR: churn and attrition from Yes/No columns (0.263, 0.161224)', () => {
    expect(call('CHURN_RATE', 2000, table('ibm-telco-customer-churn.csv')('Churn'))).toBeCloseTo(0.263, 12);
    expect(call('EMPLOYEE_TURNOVER', table('ibm-hr-employee-attrition.csv')('Attrition'), 1470, 1470)).toBeCloseTo(237 / 1470, 12);
  });

  it('Preppin\' Data complaints log: dd/mm/yyyy, True/False flags (105.761905 days; timely 25/53)', () => {
    const closed = table('prepbench-complaints-log.csv', (r) => r['Response to Consumer'] !== 'In Progress');
    expect(call('AVG_RESOLUTION', closed('Date Received'), closed('Date Resolved'), 'days')).toBeCloseTo(105.761905, 5);
    expect(call('CONVERSION_RATE', table('prepbench-complaints-log.csv')('Timely Response'))).toBeCloseTo(25 / 53, 12);
  });
});

describe('documented export layouts (synthetic rows, real headers and value formats)', () => {
  it('Zendesk Support: Good/Bad/Offered/Not Offered, first reply in minutes, reopen counts', () => {
    const c = table('documented/zendesk-support-csv-export.csv');
    expect(call('CSAT', c('Satisfaction Score'))).toBeCloseTo(51 / 69, 12);
    expect(call('AVG_DURATION', c('First reply time in minutes'), 'minutes', 'minutes')).toBeCloseTo(352.925, 9);
    const solved = table('documented/zendesk-support-csv-export.csv', (r) => r.Status === 'Solved' || r.Status === 'Closed');
    expect(call('REOPEN_RATE', solved('Reopens'))).toBeCloseTo(34 / 97, 12);
  });

  it('Freshdesk: Awesome/Just Okay/Not Good (top box 36/56), HH:MM:SS response times (4.932778 h)', () => {
    const c = table('documented/freshdesk-tickets-export.csv');
    expect(call('CSAT', c('Survey results'))).toBeCloseTo(36 / 56, 12);
    expect(call('AVG_DURATION', c('First response time (in hrs)'))).toBeCloseTo(4.932778, 5);
  });

  it('German Google Forms: dd.mm.yyyy timestamps, 0–10 scores (NPS 13.3333) and satisfaction words', () => {
    const c = table('documented/google-forms-nps-de.csv');
    const scores = c('Wie wahrscheinlich ist es, dass Sie uns einem Freund oder Kollegen weiterempfehlen? (0–10)');
    expect(call('NPS', scores)).toBeCloseTo(13.3333, 4);
    const trend = call('NPS_TREND', scores, c('Zeitstempel')) as unknown[][];
    expect(trend.slice(1).reduce((n, r) => n + (r[1] as number), 0)).toBe(60);
    expect(call('CSAT', c('Wie zufrieden waren Sie mit unserem Kundenservice?'))).toBeGreaterThan(0);
  });

  it('Help Scout: "Mar 04, 2024 9:15 AM" dates, "1d 2h 5m" durations, Great/Okay/Not Good', () => {
    const c = table('documented/helpscout-conversations-export.csv');
    const avgFromDates = call('AVG_RESOLUTION', c('Created At'), c('Closed At')) as number;
    const avgFromText = call('AVG_DURATION', c('Resolution Time')) as number;
    // The Resolution Time text is the Closed − Created difference, to the minute.
    expect(Math.abs(avgFromDates - avgFromText)).toBeLessThan(1 / 60);
    expect(call('CSAT', c('Rating'))).toBeGreaterThan(0);
  });

  it('Jira Service Management: dd/MMM/yy h:mm a dates, ratings 1–5 (CSAT 17/40)', () => {
    const c = table('documented/jira-service-management-issues.csv');
    expect(call('CSAT', c('Satisfaction rating'))).toBeCloseTo(0.425, 12);
    expect(call('AVG_RESOLUTION', c('Created'), c('Resolved'))).toBeGreaterThan(0);
  });

  it('Intercom: durations in seconds (first response 14,589.428571 s), ratings 1–5 (37/46)', () => {
    const c = table('documented/intercom-conversations-export.csv');
    expect(call('AVG_DURATION', c('First response time (seconds)'), null, 'seconds')).toBeCloseTo(14589.428571, 5);
    expect(call('CSAT', c('Last teammate rating'))).toBeCloseTo(37 / 46, 12);
  });

  it('ServiceNow list and HubSpot: "1 Day 5 Hours 3 Minutes" and "28:45:00" durations agree with their dates', () => {
    const sn = table('documented/servicenow-incident-list-export.csv', (r) => r.resolved_at !== '');
    const fromDates = call('AVG_RESOLUTION', sn('opened_at'), sn('resolved_at')) as number;
    expect(call('AVG_DURATION', sn('calendar_duration'))).toBeCloseTo(fromDates, 1);
    const hs = table('documented/hubspot-tickets-export.csv', (r) => r['Close date'] !== '');
    expect(call('AVG_DURATION', hs('Time to close (HH:mm:ss)'))).toBeCloseTo(call('AVG_RESOLUTION', hs('Create date'), hs('Close date')) as number, 6);
  });
});
