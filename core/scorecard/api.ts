/**
 * Signatures of the scorecard engine, shared by the sidebar and the hosts. Implementations live in
 * outline.ts, detect.ts, kpis.ts, plan.ts and settings.ts; this file only names the contract.
 */
import type { Cell } from '../values/context.js';
import type { KpiUnit } from './definition.js';
import type { TargetRange } from './target-range.js';
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
  readonly unit: KpiUnit;
  readonly defaultTarget: number | null;
  /** The targets a manager may set, in the unit (shares as fractions): the sidebar checks a typed target against it. */
  readonly targetRange: TargetRange;
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
  /** True when the sheet carries our marker and looks like our scorecard (previous.ts). */
  readonly ours: boolean;
  /** Targets the manager typed on our previous scorecard (read back through the marker's targetCells). */
  readonly targets?: Readonly<Record<string, number | null>>;
  /** What the manager typed in the marker's other input cells, by key. */
  readonly inputs?: Readonly<Record<string, Cell>>;
  /** What the previous scorecard wrote in those input cells and which settings value it was asked for then. */
  readonly inputValues?: Readonly<Record<string, { readonly written: string; readonly asked: string }>>;
  /** Number formats the manager gave target cells (only where they differ from the scorecard's own). */
  readonly targetFormats?: Readonly<Record<string, string>>;
  /** Cells of the previous scorecard the add-on did not write: carried over, or moved to "Your notes". */
  readonly userCells?: readonly UserCell[];
  /** The name the previous scorecard was asked for (its marker's `wanted`). */
  readonly wanted?: string;
  /**
   * Why an existing scorecard of ours is not replaced (it holds more of the manager's cells than a
   * regeneration carries over): the new scorecard goes beside it.
   */
  readonly keep?: 'too many cells';
  /** The sheet carries our marker but is no scorecard of ours (its title or layout): it is data. */
  readonly markerIgnored?: boolean;
}

/** A cell the manager wrote on a previous scorecard. */
export interface UserCell {
  readonly row: number;
  readonly col: number;
  readonly value: Cell;
  /** The formula the host gave for it (`=B5*2`), when it holds one. */
  readonly formula?: string;
  readonly numberFormat?: string;
  /** An entry of "Your notes": the cell it was first in (`Z3`); it stays a note. */
  readonly from?: string;
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
