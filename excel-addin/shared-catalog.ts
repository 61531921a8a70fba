/**
 * The catalog shared by the two scripts of the Excel shared runtime. functions.js and taskpane.js
 * run in one JavaScript context (taskpane.html loads functions.js first), so the task pane takes
 * the catalog — every KPI implementation, the bulk of the core — from functions.js instead of
 * bundling a second copy (scripts/excel-build.ts swaps core/catalog/index.ts for this global in
 * the task pane bundle). Both scripts then run the very same functions.
 */
import * as catalog from '../core/catalog/index.js';

export const SHARED_CATALOG_KEY = '__serviceKpiCatalog';

export type SharedCatalog = typeof catalog;

/** Called by functions.js: publishes the catalog once (a second copy of the script changes nothing). */
export function shareCatalog(): void {
  const host = globalThis as unknown as Record<string, unknown>;
  if (!host[SHARED_CATALOG_KEY]) host[SHARED_CATALOG_KEY] = catalog;
}
