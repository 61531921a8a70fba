/**
 * Prints every catalog KPI of the bundled sample workbook (examples/helpdesk.xlsx), computed with
 * the package's main export. `npm run sample` runs it; the command line (`npm run demo`) goes further
 * and writes a scorecard.
 */
import ExcelJS from 'exceljs';
import { fileURLToPath } from 'node:url';

type Fns = Record<string, (...args: unknown[]) => unknown>;

const file = process.argv[2] ?? fileURLToPath(new URL('../examples/helpdesk.xlsx', import.meta.url));
const api = (await import(new URL('../dist/index.js', import.meta.url).href)) as Fns & { forTimeZone(tz: string): Fns };
// exceljs gives dates whose UTC fields are the cells' wall clock: read them in UTC.
const kpi = api.forTimeZone('UTC');

const wb = new ExcelJS.Workbook();
await wb.xlsx.readFile(file);

/** A column by header name, as a host passes a range: [[v], …] (header excluded). */
function column(sheet: string, header: string): unknown[][] {
  const ws = wb.getWorksheet(sheet);
  if (!ws) throw new Error(`sheet ${sheet} not found in ${file}`);
  const head = ws.getRow(1).values as unknown[];
  const idx = head.findIndex((h) => h === header);
  if (idx < 0) throw new Error(`column ${header} not found on ${sheet}`);
  const out: unknown[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const v = ws.getRow(r).getCell(idx).value;
    out.push([v instanceof Date || typeof v !== 'object' ? v : null]);
  }
  return out;
}

const S = (h: string) => column('Survey', h);
const T = (h: string) => column('Tickets', h);
const O = (h: string) => column('Orders', h);
const C = (h: string) => column('Customers', h);
const K = (h: string) => column('Competitors', h);
const asOf = [[new Date(Date.UTC(2026, 11, 1))]];

const rows: [string, () => unknown][] = [
  ['NPS(Survey NPS)', () => kpi.NPS(S('NPS'))],
  ['NPS_MOE', () => kpi.NPS_MOE(S('NPS'))],
  ['NPS_BREAKDOWN', () => kpi.NPS_BREAKDOWN(S('NPS'))],
  ['NPS_TREND (quarter)', () => kpi.NPS_TREND(S('NPS'), S('Date'), 'quarter')],
  ['CSAT', () => kpi.CSAT(S('CSAT'))],
  ['CSAT_CI', () => kpi.CSAT_CI(S('CSAT'))],
  ['CSAT_TREND (quarter)', () => kpi.CSAT_TREND(S('CSAT'), S('Date'), 'quarter')],
  ['RETENTION_RATE', () => kpi.RETENTION_RATE(C('Customers at start'), C('Customers at end'), C('New customers'))],
  ['CHURN_RATE', () => kpi.CHURN_RATE(C('Customers at start'), C('Lost customers'))],
  ['REPEAT_CUSTOMER_RATE', () => kpi.REPEAT_CUSTOMER_RATE(O('Customer'))],
  ['CONVERSION_RATE', () => kpi.CONVERSION_RATE(T('Converted'))],
  ['FIRST_CONTACT_RESOLUTION', () => kpi.FIRST_CONTACT_RESOLUTION(T('First contact resolved'))],
  ['REOPEN_RATE', () => kpi.REOPEN_RATE(T('Reopened'))],
  ['COMPLAINT_RATE (per 1,000 customers)', () => kpi.COMPLAINT_RATE(T('Complaint'), C('Customers at end'), 1000)],
  ['RETURN_RATE', () => kpi.RETURN_RATE(O('Units returned'), O('Units sold'))],
  ['REVENUE_PER_CUSTOMER', () => kpi.REVENUE_PER_CUSTOMER(O('Amount'), O('Customer'))],
  ['COMPETITOR_GAP (NPS vs average)', () => kpi.COMPETITOR_GAP(kpi.NPS(S('NPS')), K('NPS'))],
  ['AVG_RESOLUTION (hours)', () => kpi.AVG_RESOLUTION(T('Opened'), T('Resolved'))],
  ['MEDIAN_RESOLUTION (hours)', () => kpi.MEDIAN_RESOLUTION(T('Opened'), T('Resolved'))],
  ['RESOLUTION_PERCENTILE 0.9 (hours)', () => kpi.RESOLUTION_PERCENTILE(T('Opened'), T('Resolved'), 0.9)],
  ['AVG_FIRST_RESPONSE (hours)', () => kpi.AVG_FIRST_RESPONSE(T('Opened'), T('First response'))],
  ['SLA_ATTAINMENT (24 h)', () => kpi.SLA_ATTAINMENT(T('Opened'), T('Resolved'), 24, 'hours', '', '', asOf)],
  ['ACTIVE_ISSUES', () => kpi.ACTIVE_ISSUES(T('Opened'), T('Resolved'))],
  ['BACKLOG_AGE (hours)', () => kpi.BACKLOG_AGE(T('Opened'), T('Resolved'), asOf)],
  ['RESOLVED_ISSUES', () => kpi.RESOLVED_ISSUES(T('Resolved'))],
  ['RESOLVED_PER_AGENT', () => kpi.RESOLVED_PER_AGENT(T('Agent'), T('Resolved'))],
  ['AGENT_SUMMARY', () => kpi.AGENT_SUMMARY(T('Agent'), T('Opened'), T('Resolved'))],
  ['EMPLOYEE_TURNOVER', () => kpi.EMPLOYEE_TURNOVER(C('Separations'), C('Headcount at start'), C('Headcount at end'))],
  ['EMPLOYEE_RETENTION', () => kpi.EMPLOYEE_RETENTION(C('Headcount at start'), C('Headcount at end'), C('Hires'))],
  ['BRAND_ATTRIBUTES (top 8)', () => kpi.BRAND_ATTRIBUTES(S('Comment'), 8)],
  ['BRAND_MATCH', () => kpi.BRAND_MATCH(S('Comment'), 'freundlich, schnell, helpful, slow')],
  ['CASH_FLOW', () => kpi.CASH_FLOW(C('Cash in'), C('Cash out'))],
  ['KPI_STATUS (NPS vs 20)', () => kpi.KPI_STATUS(kpi.NPS(S('NPS')), 20)],
  ['KPI_BY_PERIOD (AVG_RESOLUTION by quarter)', () => kpi.KPI_BY_PERIOD('AVG_RESOLUTION', T('Resolved'), 'quarter', T('Opened'), T('Resolved'))],
  ['KPI_BY_GROUP (first-contact resolution by channel)', () => kpi.KPI_BY_GROUP('FIRST_CONTACT_RESOLUTION', T('Channel'), T('First contact resolved'))],
];

const fmt = (v: unknown): string => (typeof v === 'number' ? String(Math.round(v * 1e4) / 1e4) : String(v));
for (const [label, run] of rows) {
  let out: string;
  try {
    const v = run();
    out = Array.isArray(v) ? '\n' + (v as unknown[][]).map((r) => '    ' + r.map(fmt).join(' | ')).join('\n') : fmt(v);
  } catch (e) {
    out = `error: ${(e as Error).message}`;
  }
  console.log(`${label.padEnd(44)} ${out}`);
}
