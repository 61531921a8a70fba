/**
 * Size budgets of the shipped bundles (minified bytes), from the architecture: each
 * custom-function bundle ≤ 150 KB, the sidebar ≤ 250 KB. The Excel task pane is the sidebar as
 * Excel loads it (with the Excel bridge and the plan engine), so it is held to the sidebar's
 * budget; the Sheets sidebar page carries the sidebar inlined. Sizes are deterministic, so
 * test/budgets.test.ts checks them; `npm run bench` prints them.
 */
export const KB = 1024;

export interface BundleBudget {
  /** Path under dist/. */
  readonly file: string;
  readonly what: string;
  /** Budget in bytes, or null when the file has none (listed for information). */
  readonly budget: number | null;
}

export const FUNCTIONS_BUDGET = 150 * KB;
export const SIDEBAR_BUDGET = 250 * KB;

export const BUNDLES: readonly BundleBudget[] = [
  { file: 'excel-addin/functions.js', what: 'Excel custom functions', budget: FUNCTIONS_BUDGET },
  { file: 'sheets-addon/KPI.js', what: 'Sheets custom functions', budget: FUNCTIONS_BUDGET },
  { file: 'sidebar/sidebar.js', what: 'sidebar', budget: SIDEBAR_BUDGET },
  { file: 'excel-addin/taskpane.js', what: 'Excel task pane (the sidebar in Excel)', budget: SIDEBAR_BUDGET },
  // Loaded by the task pane on the first "Generate", not with it (excel-addin/planner.ts): its own budget.
  { file: 'excel-addin/planner.js', what: 'Excel task pane\'s scorecard planner (loaded on first Generate)', budget: SIDEBAR_BUDGET },
  { file: 'sheets-addon/Sidebar.html', what: 'Sheets sidebar page (sidebar inlined)', budget: SIDEBAR_BUDGET },
  { file: 'sheets-addon/Server.js', what: 'Sheets scorecard server', budget: null },
  { file: 'sheets-addon/functions.js', what: 'Sheets function stubs (JSDoc)', budget: null },
  { file: 'cli.js', what: 'command line', budget: null },
  { file: 'index.js', what: 'package (ESM, not minified)', budget: null },
];
