// Types of scripts/build-excel.mjs for the TypeScript tests (and scripts) that call it.
import type { ExcelBuildReport } from './excel-build.js';

export interface BuildExcelOptions {
  /** Where the add-in's files will be hosted (default: SERVICE_KPI_BASE_URL, else https://localhost:3000). */
  readonly baseUrl?: string;
  /** Output folder (default dist/excel-addin). */
  readonly outDir?: string;
  readonly minify?: boolean;
}
/** The base URL from `--base-url URL` / `--base-url=URL`, else SERVICE_KPI_BASE_URL, else undefined. */
export declare function baseUrlFrom(argv?: readonly string[], env?: Readonly<Record<string, string | undefined>>): string | undefined;
export declare function buildExcel(options?: BuildExcelOptions): Promise<ExcelBuildReport>;
