/**
 * The call-centre export layouts (core/scorecard/vocab/: Asterisk CDR, 3CX CDR, Amazon Connect,
 * Genesys Cloud, Twilio TaskRouter, Avaya CMS), each tested against its tool's documented header
 * row (sources in test/fixtures/real/header-vocabulary.md §12) under a few rows of the values the
 * tool writes: the layout is recognised, its columns get the roles its table gives (columns it
 * lists without a role get none, whatever their header words suggest), and the call-centre KPIs
 * that follow are the ones its columns allow.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectWorkbook } from '../../core/scorecard/detect.js';
import { bindKpis } from '../../core/scorecard/kpis.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { EXPORT_LAYOUTS } from '../../core/scorecard/vocab/index.js';
import { ROOT } from '../cli/helpers.js';

interface LayoutCase {
  readonly id: string;
  /** The header row as the source documents it. */
  readonly header: readonly string[];
  readonly rows: readonly (readonly unknown[])[];
  /** header → role, for every column that gets one. */
  readonly roles: Readonly<Record<string, string>>;
  /** Call-centre KPIs that follow from detection alone. */
  readonly kpis: readonly string[];
}

const AMAZON_HEADER = readFileSync(path.join(ROOT, 'test/fixtures/real/documented/amazon-connect-queue-intervals.csv'), 'utf8').split(/\r?\n/)[0].split(',');

const CASES: readonly LayoutCase[] = [
  {
    id: 'asterisk-cdr',
    // The `cdr` table of Asterisk's database backends (contrib/scripts mysql_cdr.sql, postgres_cdr.sql), in cdr_csv.c's field order.
    header: ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'calldate', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield'],
    rows: [
      ['', '493012340359', '100', 'from-pstn', '"Caller" <493012340359>', 'SIP/trunk-00000000', 'SIP/200-00000000', 'Queue', 'support', '2024-03-04 08:01:30', 771, 758, 'ANSWERED', 'DOCUMENTATION', '1709539200.0', ''],
      ['', '493012344521', '100', 'from-pstn', '"Caller" <493012344521>', 'SIP/trunk-00000001', 'SIP/201-00000001', 'Queue', 'support', '2024-03-04 08:02:40', 454, 418, 'ANSWERED', 'DOCUMENTATION', '1709539297.1', ''],
      ['', '493012342229', '100', 'from-pstn', '"Caller" <493012342229>', 'SIP/trunk-00000002', '', 'Queue', 'support', '2024-03-04 08:07:35', 34, 0, 'NO ANSWER', 'DOCUMENTATION', '1709539394.2', ''],
    ],
    // disposition (ANSWERED / NO ANSWER / BUSY / FAILED), duration (ring + talk) and billsec (0 when
    // not answered: AHT would count those calls) get no role, so no KPI follows.
    roles: { calldate: 'callDate' },
    kpis: [],
  },
  {
    id: '3cx-cdr',
    // 3CX CDR output fields, in the order 3CX lists them (3cx.com/blog/docs/cdr-call-data-records/).
    header: ['historyid', 'callid', 'duration', 'time-start', 'time-answered', 'time-end', 'reason-terminated', 'from-no', 'to-no', 'from-dn', 'to-dn', 'dial-no', 'reason-changed', 'final-number', 'final-dn', 'chain', 'from-type', 'to-type', 'final-type'],
    rows: [
      [1, '00000192A1B2C3D4_1', '00:02:14', '2024-03-04 08:01:30', '2024-03-04 08:01:43', '2024-03-04 08:03:57', 'TerminatedBySrc', '493012340359', '100', 'Ext.100', 'Ext.100', '100', '', '100', 'Ext.100', 'Chain: Ext.100', 'Line', 'Extension', 'Extension'],
      [2, '00000192A1B2C3D4_2', '00:00:00', '2024-03-04 08:07:35', '', '2024-03-04 08:08:09', 'TerminatedBySrc', '493012342229', '800', 'Queue.800', 'Queue.800', '800', '', '800', 'Queue.800', 'Chain: Queue.800', 'Line', 'Queue', 'Queue'],
    ],
    // Only the start: the duration is not documented as talk or total time, the answered time is no flag.
    roles: { 'time-start': 'callDate' },
    kpis: [],
  },
  {
    id: 'amazon-connect-intervals',
    // The documented layout file's header row (metric UI names per API_HistoricalMetric).
    header: AMAZON_HEADER,
    rows: [
      ['BasicQueue', '2024-03-04T09:00:00Z', '2024-03-04T09:30:00Z', 36, 36, 0, '00:00:21', '00:07:04', '00:00:49', '76.30%'],
      ['BasicQueue', '2024-03-04T09:30:00Z', '2024-03-04T10:00:00Z', 21, 19, 2, '00:00:28', '00:11:40', '00:00:12', '71.79%'],
    ],
    roles: {
      Queue: 'team', StartInterval: 'callDate', 'Contacts queued': 'callsOffered', 'Contacts handled incoming': 'callsAnswered', 'Contacts abandoned': 'callsAbandoned',
      'Average queue answer time': 'avgAnswerTime', 'Average handle time': 'avgHandleTime', 'Service level 20 seconds': 'serviceLevelShare',
    },
    kpis: ['serviceLevel', 'abandonRate', 'asa', 'aht'],
  },
  {
    id: 'genesys-queue-performance',
    // Queue Performance Detail (by interval): the documented columns (help.mypurecloud.com/?p=334996).
    header: ['Interval', 'Offered', 'Answered', 'Answer %', 'Abandoned', 'Abandon %', 'Service Level %', 'ASA', 'AHT', 'Avg Wait'],
    rows: [
      ['2024-03-04 09:00', 36, 34, '94.4%', 2, '5.6%', '80.6%', 21, 412, 24],
      ['2024-03-04 09:30', 21, 19, '90.5%', 2, '9.5%', '71.4%', 28, 450, 31],
    ],
    roles: {
      Interval: 'callDate', Offered: 'callsOffered', Answered: 'callsAnswered', Abandoned: 'callsAbandoned', 'Service Level %': 'serviceLevelShare', ASA: 'avgAnswerTime', AHT: 'avgHandleTime',
    },
    kpis: ['serviceLevel', 'abandonRate', 'asa', 'aht'],
  },
  {
    id: 'twilio-taskqueue-statistics',
    // TaskQueue cumulative statistics fields (twilio.com/docs/taskrouter/api/taskqueue-statistics).
    header: ['task_queue_sid', 'start_time', 'end_time', 'tasks_entered', 'tasks_canceled', 'tasks_deleted', 'tasks_moved', 'reservations_created', 'reservations_accepted', 'reservations_rejected', 'avg_task_acceptance_time'],
    rows: [
      ['WQ0123456789abcdef0123456789abcdef', '2024-03-04T09:00:00Z', '2024-03-04T10:00:00Z', 57, 4, 0, 0, 60, 53, 7, 23],
      ['WQ0123456789abcdef0123456789abcdef', '2024-03-04T10:00:00Z', '2024-03-04T11:00:00Z', 48, 2, 0, 0, 49, 46, 3, 19],
    ],
    roles: { start_time: 'callDate', tasks_entered: 'callsOffered', tasks_canceled: 'callsAbandoned', reservations_accepted: 'callsAnswered', avg_task_acceptance_time: 'avgAnswerTime' },
    kpis: ['abandonRate', 'asa'],
  },
  {
    id: 'avaya-cms-split',
    // Cumulative Split Report by day: the CMS User's Guide's headings (the daily report has "Time").
    header: ['Day', 'Avg Speed Ans', 'Num Calls Aband', 'Num ACD Calls', 'Flow In', 'Flow Out', 'Avg Talk Time', 'Avg After Call', 'Num Other Calls', 'Avg Talk Other', 'Avg Num Pos', '% ACD Time', 'Serv Levl'],
    rows: [
      ['2024-03-04', '0:21', 6, 118, 0, 2, '4:12', '0:45', 9, '1:10', 4.2, 81, 78],
      ['2024-03-05', '0:34', 11, 131, 1, 0, '4:40', '0:51', 7, '1:02', 4.6, 86, 69],
    ],
    roles: {
      Day: 'callDate', 'Avg Speed Ans': 'avgAnswerTime', 'Num Calls Aband': 'callsAbandoned', 'Num ACD Calls': 'callsAnswered', 'Avg Talk Time': 'avgHandleTime', 'Serv Levl': 'serviceLevelShare',
    },
    // No offered total in CMS: no abandon rate from detection alone.
    kpis: ['serviceLevel', 'asa', 'aht'],
  },
];

function detected(c: LayoutCase) {
  const wb = { timeZone: 'UTC', sheets: [{ name: 'Export', values: [[...c.header], ...c.rows.map((r) => [...r])], originRow: 1, originCol: 1 }] };
  const detection = detectWorkbook(outlineWorkbook(wb));
  return { sheet: detection.sheets[0], roles: detection.roles };
}

describe('call-centre export layouts, each against its documented header row', () => {
  it('every call-centre layout of the vocabulary is tested here', () => {
    const callLayouts = EXPORT_LAYOUTS.filter((l) => l.kind === 'calls' || l.kind === 'intervals').map((l) => l.id);
    expect(callLayouts.sort()).toEqual(CASES.map((c) => c.id).sort());
  });

  for (const c of CASES) {
    it(`${c.id}: recognised, with the roles of its table and the KPIs they allow`, () => {
      const { sheet, roles } = detected(c);
      expect(sheet.layout?.id).toBe(c.id);
      expect(Object.fromEntries(roles.map((r) => [r.header, r.role]))).toEqual(c.roles);
      // Every role given by the layout says so in its evidence.
      for (const col of sheet.columns) {
        for (const r of col.roles) {
          if (r.layout) expect(r.header).toContain(`is this column in the ${sheet.layout!.name} layout`);
        }
      }
      const contact = bindKpis(roles).bound.filter((b) => b.kpi.def.section === 'contact').map((b) => b.kpi.def.id);
      expect(contact.sort()).toEqual([...c.kpis].sort());
    });
  }

  it('helpdesk and survey exports are not taken for call-centre layouts', () => {
    for (const file of ['zendesk-support-csv-export.csv', 'freshdesk-tickets-export.csv', 'servicenow-incident-list-export.csv', 'typeform-responses.csv', 'intercom-conversations-export.csv']) {
      const header = readFileSync(path.join(ROOT, 'test/fixtures/real/documented', file), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0].split(',');
      const { sheet } = detected({ id: '', header, rows: [], roles: {}, kpis: [] });
      expect(['calls', 'intervals'], file).not.toContain(sheet.kind);
    }
  });
});
