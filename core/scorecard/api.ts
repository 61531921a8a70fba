/**
 * Signatures of the scorecard engine, shared by the sidebar and the hosts. Implementations live in
 * outline.ts, detect.ts, kpis.ts, plan.ts and settings.ts; this file only names the contract.
 */
import type {
  GenerateRequest, KpiTarget, Perspective, RoleAssignment, Role, ScorecardOptions, ScorecardPlan,
  StoredSettings, WorkbookData, WorkbookOutline, Dialect,
} from './types.js';

/** outline.ts: find each sheet's data table (header row, first column — need not be A1), headers, samples, row counts. */
export type OutlineWorkbook = (data: WorkbookData, sheetNames?: readonly string[]) => WorkbookOutline;

/** detect.ts: which columns hold which role, with confidence; English and German headers plus value types. */
export type DetectRoles = (outline: WorkbookOutline) => RoleAssignment[];

/** A KPI the scorecard can show, with its defaults. */
export interface ScorecardKpiInfo {
  readonly id: string;
  /** The catalog function it runs. */
  readonly kpi: string;
  readonly name: { readonly en: string; readonly de: string };
  readonly perspective: Perspective;
  readonly unit: 'points' | 'share' | 'hours' | 'seconds' | 'count' | 'money' | 'number';
  readonly defaultTarget: number | null;
  readonly direction: 'higher' | 'lower';
  readonly definition: { readonly en: string; readonly de: string };
  /** Roles it needs (all in one sheet unless stated). */
  readonly needs: readonly Role[];
}

/** kpis.ts: every KPI the given roles support (in scorecard order), and the ones they do not with the missing roles. */
export type AvailableKpis = (roles: readonly RoleAssignment[]) => {
  readonly available: readonly ScorecardKpiInfo[];
  readonly missing: readonly { readonly info: ScorecardKpiInfo; readonly missing: readonly Role[] }[];
};

export interface ExistingSheet {
  readonly name: string;
  /** True when the sheet carries our marker. */
  readonly ours: boolean;
  /** Targets the manager typed on our previous scorecard (read back through the marker's targetCells). */
  readonly targets?: Readonly<Record<string, number | null>>;
}

export interface PlanInput {
  readonly data: WorkbookData;
  readonly outline: WorkbookOutline;
  readonly request: GenerateRequest;
  readonly dialect: Dialect;
  readonly existing: readonly ExistingSheet[];
}

/** plan.ts: the declarative scorecard sheet. Pure: the same input gives the same plan. */
export type BuildPlan = (input: PlanInput) => ScorecardPlan;

/** settings.ts: zod-validated settings and targets; bad fields come back as messages per field. */
export type ParseSettings = (raw: unknown) =>
  | { readonly ok: true; readonly settings: StoredSettings }
  | { readonly ok: false; readonly errors: Readonly<Record<string, string>> };

export type DefaultOptions = (language: 'en' | 'de') => ScorecardOptions;
export type DefaultTargets = (kpis: readonly ScorecardKpiInfo[]) => Record<string, KpiTarget>;
