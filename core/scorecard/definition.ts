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
 * - `single`: one value over all rows (competitor gap): no periods, no trend. A `period` KPI's
 *   variant without `dates` is laid out this way too (a churn rate over a customer list).
 * - `table`: a table below the KPI rows (brand attributes), no target.
 */
import type { CatalogName } from '../catalog/names.js';
import type { InputUnit } from '../values/duration-values.js';
import type { ColumnProfile } from '../values/profile.js';
import type { StatusLists } from './log-statuses.js';
import type { Measures, RowRule } from './measure.js';
import type { Role, ValueKind } from './roles.js';
import type { TargetRange } from './target-range.js';
import type { Expr, Perspective, ScorecardOptions } from './types.js';

export interface Texts {
  readonly en: string;
  readonly de: string;
}

export const T = (en: string, de: string): Texts => ({ en, de });

export type KpiUnit = 'points' | 'share' | 'hours' | 'seconds' | 'count' | 'money' | 'number';

/**
 * Groups of KPI rows, in scorecard order. The contact-centre section gets a heading row of its own
 * on the sheet and in the report (its KPIs are operational ones from call data).
 */
export const SECTIONS = ['strategic', 'operational', 'contact', 'brand'] as const;
export type Section = (typeof SECTIONS)[number];

/** Facts about the data a definition depends on, read once at generation. */
export interface KpiFacts {
  /** Top of the satisfaction scale (4, 5, 7, 10 or 100; a word scale's number of steps). */
  readonly csatScale: number;
  /** Top of the customer-effort scale (5, 7 or 10). */
  readonly cesScale: number;
  /** The unit of each duration column's numbers, decided from its values and header (plan/duration-units.ts). */
  readonly units: Readonly<Partial<Record<Role, InputUnit>>>;
  /** The satisfaction column holds rating words: their scale decides scale_max (the call leaves it out). */
  readonly csatWords?: boolean;
  /** The unit of a duration column's numbers (text durations carry their own). */
  readonly durationUnit: InputUnit;
  /** The duration column holds duration text only (0:07:00, 3h 20m): the unit does not apply. */
  readonly durationText?: boolean;
  /** What a status log's statuses mean (resolved, pause, the customer waiting), for the log KPIs. */
  readonly log?: StatusLists;
}

export const DEFAULT_FACTS: KpiFacts = { csatScale: 5, cesScale: 7, units: {}, durationUnit: 'seconds' };

/** The threshold most contact centres state their service level with (80/20: 80 % within 20 s). */
export const DEFAULT_SERVICE_LEVEL_SECONDS = 20;

/** The service-level threshold in seconds (20 when the settings have none). */
export function serviceLevelSeconds(options: Pick<ScorecardOptions, 'serviceLevelSeconds'>): number {
  return options.serviceLevelSeconds ?? DEFAULT_SERVICE_LEVEL_SECONDS;
}

/** The first "agree" step of a CES scale (CES's default threshold): 5–7 of 7 (Delighted), 4–5 of 5. */
export function cesAgreeFrom(scale: number): number {
  return scale >= 7 ? scale - 2 : scale - 1;
}

/** The unit a duration role's numbers are in (seconds unless the data says otherwise). */
export function unitOf(facts: KpiFacts, role: Role): InputUnit {
  return facts.units[role] ?? 'seconds';
}

/** What a definition reads facts from. */
export interface FactSource {
  /** A role's numbers as the core reads them (undefined when it rejects a cell). */
  numbers(role: Role): Float64Array | undefined;
  /** What a role's column holds, as the core reads it (rating words and their scale, durations …). */
  profile(role: Role): ColumnProfile | undefined;
  /** A role's column header. */
  header(role: Role): string;
  /** The unit of a duration role's numbers, from its values and header (plan/duration-units.ts). */
  unit(role: Role): InputUnit;
  /** The status lists of the variant's status log (its ticketId, logTime and logStatus columns). */
  statusLists(): StatusLists | undefined;
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
  /**
   * One line, with `{sla}` (SLA hours), `{scale}` and `{top}` (CSAT scale), `{cesScale}` and
   * `{cesFrom}` (CES scale and its first "agree" step) and `{slSeconds}` (the service-level
   * threshold) filled in by definitionText.
   */
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
  /**
   * A log KPI's periods when its log is joined to a ticket table (plan/log-join.ts): the first of
   * these date columns the table has, looked up per ticket (TICKET_LOOKUP), with the definition
   * that says so; tickets the table lacks, or holds without that date, keep their first log row's.
   */
  readonly byTable?: readonly TableDated[];
}

/** A log KPI dated by the ticket table's column of `role` (its resolved or opened date). */
export interface TableDated {
  readonly role: Role;
  readonly definition: Texts;
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
  /** Number formats of the table's columns when written as values (portable mode); default: counts and shares. */
  readonly formats?: readonly string[];
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
  /**
   * The targets a manager may set, when its unit's range (target-range.ts: NPS points −100 … 100,
   * shares 0 … 1, durations and counts 0 or more) does not fit: a difference of two NPS is −200 … 200.
   */
  readonly targetRange?: TargetRange;
  /**
   * What the staffing block (Erlang C, plan/staffing.ts) takes from this KPI, so the plan finds it
   * without naming it: `handleTime`, its actual as the average handle time in seconds when the
   * busiest interval has none of its own; `serviceLevelTarget`, its target as the service-level target.
   * One KPI each (test/scorecard/staffing-inputs.test.ts).
   */
  readonly staffing?: 'handleTime' | 'serviceLevelTarget';
}

export type KpiDefinition =
  /**
   * A period KPI may also have undated variants (one value over all rows, laid out as a `single` KPI:
   * no previous, baseline or trend): for data that hold no date for it, such as a customer list with
   * a Churn Yes/No column or a daily call-centre export with a day number but no date.
   */
  | (DefinitionBase & { readonly layout: 'period'; readonly variants: readonly (PeriodVariant | SingleVariant)[] })
  | (DefinitionBase & { readonly layout: 'stock'; readonly variants: readonly StockVariant[] })
  | (DefinitionBase & { readonly layout: 'single'; readonly variants: readonly SingleVariant[] })
  | (DefinitionBase & { readonly layout: 'table'; readonly variants: readonly TableVariant[] });

export type Layout = KpiDefinition['layout'];
export type AnyVariant = KpiDefinition['variants'][number];

/** How a variant is laid out: its definition's layout, or `single` for a period KPI's variant without dates. */
export function variantLayout(def: KpiDefinition, variant: AnyVariant): Layout {
  return def.layout === 'period' && !('dates' in variant) ? 'single' : def.layout;
}

/** Checks a definition's shape at compile time (and keeps its literal types): `export default defineKpi({…})`. */
export function defineKpi<D extends KpiDefinition>(d: D): D {
  return d;
}
