/**
 * The shape of a scorecard KPI's one definition module (core/scorecard/kpis/<id>.ts): everything
 * about the KPI in one place — its names and definition text (EN/DE), unit, direction and default
 * target, and per variant the catalog function it runs, the roles it needs, the rows that function
 * rejects, its live formula (catalog calls), its native value in the measure vocabulary (for
 * portable scorecards), its n and its interval. The plan lays these out without naming a KPI.
 *
 * Layouts:
 * - `period`: a value per period of the variant's date column (live: KPI_BY_PERIOD; portable: the
 *   native measure over each period's rows); actual, previous, baseline and trend read it.
 * - `stock`: a value at each period's end (live: the catalog function with as_of); the actual is
 *   the value at the reporting period's end (never after the data's last day).
 * - `single`: one value over all rows (competitor gap): no periods, no trend.
 * - `table`: a table below the KPI rows (brand attributes), no target.
 */
import type { CatalogName } from '../catalog/names.js';
import type { Measures, RowRule } from './measure.js';
import type { Role, ValueKind } from './roles.js';
import type { Expr, Perspective, ScorecardOptions } from './types.js';

export interface Texts {
  readonly en: string;
  readonly de: string;
}

export const T = (en: string, de: string): Texts => ({ en, de });

export type KpiUnit = 'points' | 'share' | 'hours' | 'count' | 'money' | 'number';

/** Groups of KPI rows, in scorecard order. */
export const SECTIONS = ['strategic', 'operational', 'brand'] as const;
export type Section = (typeof SECTIONS)[number];

/** Facts about the data a definition depends on, read once at generation. */
export interface KpiFacts {
  /** Top of the satisfaction scale (5, 7, 10 or 100: the smallest that holds every rating). */
  readonly csatScale: number;
  /**
   * The lowest satisfied rating: the top two steps (scale − 1) unless the ratings are words of a 2-
   * or 3-point scale, where only the top answer is satisfied (the catalog's rule).
   */
  readonly csatTop?: number;
}

export const DEFAULT_FACTS: KpiFacts = { csatScale: 5 };

/** What a definition reads facts from: a role's numbers as the core reads them (undefined when it rejects a cell). */
export interface FactSource {
  numbers(role: Role): Float64Array | undefined;
  /** Points of the label scale when the role's column holds rating words ("Good", "Very satisfied"), else undefined. */
  labelPoints(role: Role): number | undefined;
}

/** What a live formula is built from. */
export interface LiveArgs {
  /** The role's column on the KPI's sheet. */
  col(role: Role): Expr;
  has(role: Role): boolean;
  readonly options: ScorecardOptions;
  readonly facts: KpiFacts;
  /** The scorecard's period word ("month"), as the catalog's period arguments take it. */
  readonly period: Expr;
  /** `KPI_BY_PERIOD(fn, dates, period, args…)` over the variant's date column and the scorecard's period. */
  byPeriod(fn: CatalogName, ...args: Expr[]): Expr;
  /** The actual cell of another KPI row above this one, or undefined. */
  actualOf(id: string): Expr | undefined;
}

/** What a native measure may read besides its columns. */
export interface NativeArgs {
  has(role: Role): boolean;
  readonly options: ScorecardOptions;
  readonly facts: KpiFacts;
}

/** A native value in the measure vocabulary, for any dialect `M`; null: no native form for this data. */
export type NativeForm = <M>(m: Measures<M>, a: NativeArgs) => M | null;

/**
 * A per-period quantity beside the value: live, a catalog table listing periods (its column 0) with
 * the quantity in column `column`; portable, a native measure per period.
 */
export interface Series {
  readonly live: (a: LiveArgs) => { readonly table: Expr; readonly column: number };
  readonly native: NativeForm;
}

/** A confidence interval: Wilson's for a share from n answers, or actual ± a margin per period. */
export type Interval = { readonly kind: 'wilson' } | { readonly kind: 'margin'; readonly margin: Series };

interface VariantBase {
  /** The catalog function the KPI runs (shown as the KPI's function). */
  readonly fn: CatalogName;
  /** Roles it needs: all on one sheet unless `crossSheet`. */
  readonly needs: readonly Role[];
  /** Roles used when present. */
  readonly optional?: readonly Role[];
  readonly crossSheet?: boolean;
  /** Value kinds that differ from the roles table's (a complaint column holding counts). */
  readonly kinds?: Partial<Record<Role, ValueKind>>;
  /** One line, with `{sla}` (SLA hours), `{scale}` and `{top}` (CSAT scale) filled in by definitionText. */
  readonly definition: Texts;
  /** Rows the catalog function rejects: a portable formula shows its error exactly where the live one does. */
  readonly rules?: readonly RowRule[];
  /**
   * The catalog function can also fail on a period's totals (a zero denominator, more new customers
   * than at the end), which no native formula reproduces: the plan then always checks the native
   * form against it (and writes values where it fails). Without this, only small data is checked.
   */
  readonly totalsCanFail?: boolean;
  readonly facts?: (d: FactSource) => Partial<KpiFacts>;
}

export interface PeriodVariant extends VariantBase {
  /** The role whose dates give the periods. */
  readonly dates: Role;
  /** The catalog call's arguments after (kpi, dates, period) of KPI_BY_PERIOD. */
  readonly args: (a: LiveArgs) => Expr[];
  /** The value in one period's rows; absent: written as values in portable mode. */
  readonly native?: NativeForm;
  /** n: the answers or tickets the value used, per period; absent: no n shown. */
  readonly count?: Series;
  readonly interval?: Interval;
}

export interface StockVariant extends VariantBase {
  /** The role whose dates give the periods (the stock is taken at each period's end). */
  readonly dates: Role;
  /** The live value at a moment. */
  readonly at: (a: LiveArgs, asOf: Expr) => Expr;
  /** The native value at the moment AS_OF. */
  readonly nativeAt?: NativeForm;
}

export interface SingleVariant extends VariantBase {
  readonly live: (a: LiveArgs) => Expr;
  /** Over all rows. */
  readonly native?: NativeForm;
}

export interface TableVariant extends VariantBase {
  readonly live: (a: LiveArgs) => Expr;
  /** A second table over expected words the manager types (a one-column range). */
  readonly match?: (a: LiveArgs, words: Expr) => Expr;
}

interface DefinitionBase {
  readonly id: string;
  readonly section: Section;
  /** Position within the section (rows are sorted by section, then order). */
  readonly order: number;
  readonly perspective: Perspective;
  readonly name: Texts;
  readonly unit: KpiUnit;
  readonly defaultTarget: number | null;
  readonly direction: 'higher' | 'lower';
}

export type KpiDefinition =
  | (DefinitionBase & { readonly layout: 'period'; readonly variants: readonly PeriodVariant[] })
  | (DefinitionBase & { readonly layout: 'stock'; readonly variants: readonly StockVariant[] })
  | (DefinitionBase & { readonly layout: 'single'; readonly variants: readonly SingleVariant[] })
  | (DefinitionBase & { readonly layout: 'table'; readonly variants: readonly TableVariant[] });

export type Layout = KpiDefinition['layout'];
export type AnyVariant = KpiDefinition['variants'][number];

/** Checks a definition's shape at compile time (and keeps its literal types): `export default defineKpi({…})`. */
export function defineKpi<D extends KpiDefinition>(d: D): D {
  return d;
}
