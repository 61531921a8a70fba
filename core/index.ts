/**
 * The package's main export: every catalog function under its catalog name, taking arguments as a
 * host passes them (2-D arrays or scalars) and returning the value or throwing a KpiError. The
 * plain exports read `Date` objects in UTC; `forTimeZone(tz)` gives the same functions in `tz`.
 */
import { CATALOG } from './catalog/index.js';
import type { FunctionSpec } from './catalog/types.js';
import { functionsFor } from './call.js';
import type { KpiFunction } from './call.js';

const utc = functionsFor('UTC');

export const {
  NPS, NPS_MOE, NPS_BREAKDOWN, NPS_TREND, CSAT, CSAT_CI, CSAT_TREND,
  RETENTION_RATE, CHURN_RATE, REPEAT_CUSTOMER_RATE, CONVERSION_RATE, FIRST_CONTACT_RESOLUTION,
  REOPEN_RATE, COMPLAINT_RATE, RETURN_RATE, REVENUE_PER_CUSTOMER, COMPETITOR_GAP,
  AVG_RESOLUTION, MEDIAN_RESOLUTION, RESOLUTION_PERCENTILE, AVG_FIRST_RESPONSE, SLA_ATTAINMENT,
  ACTIVE_ISSUES, BACKLOG_AGE, RESOLVED_ISSUES,
  AVG_DURATION, MEDIAN_DURATION,
  RESOLVED_PER_AGENT, AGENT_SUMMARY, EMPLOYEE_TURNOVER, EMPLOYEE_RETENTION,
  BRAND_ATTRIBUTES, BRAND_MATCH,
  CASH_FLOW,
  KPI_STATUS,
  KPI_BY_PERIOD, KPI_BY_GROUP,
} = utc as Record<string, KpiFunction>;

export type CatalogEntry = Omit<FunctionSpec, 'impl'>;

/** The catalog's metadata (names, arguments, help in English and German), in catalog order. */
export const catalog: readonly CatalogEntry[] = CATALOG.map(({ impl: _impl, ...meta }) => meta);

/** The catalog functions reading `Date` objects as wall-clock times in `timeZone` (IANA name). */
export function forTimeZone(timeZone: string): Record<string, KpiFunction> {
  return functionsFor(timeZone);
}

export { KpiError } from './errors.js';
export type { KpiErrorKind } from './errors.js';
export type { Result, Cell, Table } from './values/context.js';
export type { KpiFunction } from './call.js';
