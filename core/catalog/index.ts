/**
 * The single source of truth: every catalog function with its metadata and implementation, in the
 * order of the catalog page. functions.json, the Apps Script stubs, docs/functions.md and the
 * sidebar's KPI list are generated from this list.
 */
import { answerCountFunctions } from '../kpis/answer-count.js';
import { callCountFunctions } from '../kpis/call-count.js';
import { callFunctions } from '../kpis/calls.js';
import { contactCentreFunctions } from '../kpis/contact-centre.js';
import { customerFunctions } from '../kpis/customers.js';
import { flagCountFunctions } from '../kpis/flag-count.js';
import { durationColumnFunctions } from '../kpis/duration-columns.js';
import { messageLogFunctions } from '../kpis/message-log.js';
import { moneyFunctions } from '../kpis/money.js';
import { peopleFunctions } from '../kpis/people.js';
import { perTicketFunctions } from '../kpis/per-ticket.js';
import { logTicketFunctions } from '../kpis/log-tickets.js';
import { ticketLookupFunctions } from '../kpis/ticket-lookup.js';
import { satisfactionFunctions } from '../kpis/satisfaction.js';
import { segmentFunctions } from '../kpis/segments.js';
import { slaFlagFunctions } from '../kpis/sla-flags.js';
import { statusFunctions } from '../kpis/status.js';
import { statusLogFunctions } from '../kpis/status-log.js';
import { surveyFunctions } from '../kpis/survey.js';
import { textFunctions } from '../kpis/text.js';
import { ticketFunctions } from '../kpis/tickets.js';
import type { FunctionSpec } from './types.js';

export { CATALOG_NAMES } from './names.js';
export type { CatalogName } from './names.js';

/**
 * The catalog page's order (a contract: never reorder): the families in this order, each module
 * listing its functions in the page's order. CATALOG_NAMES (names.ts) is generated from it.
 */
const all: readonly FunctionSpec[] = [
  ...satisfactionFunctions, ...surveyFunctions, ...answerCountFunctions, ...customerFunctions, ...flagCountFunctions, ...ticketFunctions, ...slaFlagFunctions, ...durationColumnFunctions,
  ...statusLogFunctions, ...messageLogFunctions, ...perTicketFunctions, ...logTicketFunctions, ...ticketLookupFunctions, ...callFunctions, ...callCountFunctions, ...contactCentreFunctions,
  ...peopleFunctions,
  ...textFunctions, ...moneyFunctions, ...statusFunctions, ...segmentFunctions,
];
const byName = new Map<string, FunctionSpec>(all.map((f) => [f.name, f]));

/** Every catalog function, in catalog order. */
export const CATALOG: readonly FunctionSpec[] = all;

export function findFunction(name: string): FunctionSpec | undefined {
  return byName.get(name.trim().toUpperCase().replace(/^KPI\./, ''));
}

export type { ArgSpec, FunctionSpec, Texts, Unit, Family, ArgKind, RowGroups } from './types.js';
