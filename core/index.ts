/**
 * The package's main export: every catalog function under its catalog name, taking arguments as a
 * host passes them (2-D arrays or scalars) and returning the value or throwing a KpiError. The
 * plain exports read `Date` objects in UTC; `forTimeZone(tz)` gives the same functions in `tz`.
 */
import { CATALOG } from './catalog/index.js';
import type { FunctionSpec } from './catalog/types.js';
import { functionsFor } from './call.js';
import type { KpiFunction } from './call.js';
import type { CallOptions } from './values/context.js';

const utc = functionsFor('UTC');

export const {
  NPS, NPS_MOE, NPS_BREAKDOWN, NPS_TREND, CSAT, CSAT_CI, CSAT_TREND,
  NPS_CI, CES, RESPONSE_RATE, GROUP_SIGNIFICANCE,
  RETENTION_RATE, CHURN_RATE, REPEAT_CUSTOMER_RATE, CONVERSION_RATE, FIRST_CONTACT_RESOLUTION,
  REOPEN_RATE, COMPLAINT_RATE, RETURN_RATE, REVENUE_PER_CUSTOMER, COMPETITOR_GAP,
  AVG_RESOLUTION, MEDIAN_RESOLUTION, RESOLUTION_PERCENTILE, AVG_FIRST_RESPONSE, SLA_ATTAINMENT,
  ACTIVE_ISSUES, BACKLOG_AGE, RESOLVED_ISSUES,
  MEDIAN_FIRST_RESPONSE, FIRST_RESPONSE_PERCENTILE, AVG_DURATION, MEDIAN_DURATION,
  TIME_IN_STATUS, STATUS_SUMMARY, LOG_RESOLUTION, LOG_SLA_ATTAINMENT, NEXT_REPLY_TIME, REPLY_TIMES,
  SERVICE_LEVEL, ABANDON_RATE, ASA, AHT, OCCUPANCY, ERLANG_C, ERLANG_C_SERVICE_LEVEL, RATIO_OF_SUMS,
  WEIGHTED_AVERAGE,
  RESOLVED_PER_AGENT, AGENT_SUMMARY, EMPLOYEE_TURNOVER, EMPLOYEE_RETENTION,
  BRAND_ATTRIBUTES, BRAND_MATCH,
  CASH_FLOW,
  KPI_STATUS,
  KPI_BY_PERIOD, KPI_BY_GROUP,
} = utc as Record<string, KpiFunction>;

export type CatalogEntry = Omit<FunctionSpec, 'impl'>;

/** The catalog's metadata (names, arguments, help in English and German), in catalog order. */
export const catalog: readonly CatalogEntry[] = CATALOG.map(({ impl: _impl, ...meta }) => meta);

/**
 * The catalog functions reading `Date` objects as wall-clock times in `timeZone` (IANA name).
 * `options.dateOrder` ("dmy" or "mdy") is the day/month order for text dates such as 03/01/2026
 * when nothing in a call's dates decides it (without it, such a call is an error).
 */
export function forTimeZone(timeZone: string, options?: CallOptions): Record<string, KpiFunction> {
  return functionsFor(timeZone, options);
}

export { KpiError } from './errors.js';
export type { KpiErrorKind } from './errors.js';
export type { Result, Cell, Table, CallOptions } from './values/context.js';
export type { DateOrder } from './values/date-text.js';
export type { KpiFunction } from './call.js';
