/**
 * The single source of truth: every catalog function with its metadata and implementation, in the
 * order of the catalog page. functions.json, the Apps Script stubs, docs/functions.md and the
 * sidebar's KPI list are generated from this list.
 */
import { customerFunctions } from '../kpis/customers.js';
import { durationColumnFunctions } from '../kpis/duration-columns.js';
import { moneyFunctions } from '../kpis/money.js';
import { peopleFunctions } from '../kpis/people.js';
import { satisfactionFunctions } from '../kpis/satisfaction.js';
import { segmentFunctions } from '../kpis/segments.js';
import { statusFunctions } from '../kpis/status.js';
import { textFunctions } from '../kpis/text.js';
import { ticketFunctions } from '../kpis/tickets.js';
import type { FunctionSpec } from './types.js';

/** The catalog page's order (a contract: never reorder). */
export const CATALOG_NAMES = [
  'NPS', 'NPS_MOE', 'NPS_BREAKDOWN', 'NPS_TREND', 'CSAT', 'CSAT_CI', 'CSAT_TREND',
  'RETENTION_RATE', 'CHURN_RATE', 'REPEAT_CUSTOMER_RATE', 'CONVERSION_RATE', 'FIRST_CONTACT_RESOLUTION',
  'REOPEN_RATE', 'COMPLAINT_RATE', 'RETURN_RATE', 'REVENUE_PER_CUSTOMER', 'COMPETITOR_GAP',
  'AVG_RESOLUTION', 'MEDIAN_RESOLUTION', 'RESOLUTION_PERCENTILE', 'AVG_FIRST_RESPONSE', 'SLA_ATTAINMENT',
  'ACTIVE_ISSUES', 'BACKLOG_AGE', 'RESOLVED_ISSUES',
  'AVG_DURATION', 'MEDIAN_DURATION',
  'RESOLVED_PER_AGENT', 'AGENT_SUMMARY', 'EMPLOYEE_TURNOVER', 'EMPLOYEE_RETENTION',
  'BRAND_ATTRIBUTES', 'BRAND_MATCH',
  'CASH_FLOW',
  'KPI_STATUS',
  'KPI_BY_PERIOD', 'KPI_BY_GROUP',
] as const;

export type CatalogName = (typeof CATALOG_NAMES)[number];

const all = [
  ...satisfactionFunctions, ...customerFunctions, ...ticketFunctions, ...durationColumnFunctions, ...peopleFunctions,
  ...textFunctions, ...moneyFunctions, ...statusFunctions, ...segmentFunctions,
];
const byName = new Map<string, FunctionSpec>(all.map((f) => [f.name, f]));

/** Every implemented catalog function, in catalog order. */
export const CATALOG: readonly FunctionSpec[] = CATALOG_NAMES.flatMap((n) => {
  const f = byName.get(n);
  return f ? [f] : [];
});

export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.trim().toUpperCase().replace(/^KPI\./, ''));
}

export type { ArgSpec, FunctionSpec, Texts, Unit, Family, ArgKind } from './types.js';
