/**
 * The declarative scorecard sheet (the hosts' entry): see plan/planner.ts for how it is built and
 * plan/layout.ts for where everything sits.
 */
export { buildPlan } from './plan/planner.js';
export { planValues } from './plan/sheet-model.js';
export {
  COL, FIRST_KPI_ROW, HEADER_ROW, HELPER_FIRST, NUMBER_FORMATS, STATUS_COLORS, TITLE_ROW, TREND_LAST, TREND_PERIODS, dataRange,
  LISTED, REPORTING_DATE, TREND_FROM,
} from './plan/layout.js';
export type { SpillingFormula } from './plan/layout.js';
