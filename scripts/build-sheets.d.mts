// Types of scripts/build-sheets.mjs for the TypeScript tests that call it.
export declare const KPI_BUDGET: number;
export interface BuildSheetsOptions {
  /** Where the add-on goes (default dist/sheets-addon). */
  readonly outDir?: string;
  /** Where the sidebar page is read from, built there by scripts/build-sidebar.mjs when missing (default dist/sidebar). */
  readonly sidebarDir?: string;
}
export interface BuildSheetsResult {
  readonly outDir: string;
  readonly functions: number;
  readonly sizes: { readonly kpi: number; readonly server: number; readonly sidebar: number };
}
export declare function buildSheets(options?: BuildSheetsOptions): Promise<BuildSheetsResult>;
