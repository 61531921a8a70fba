/**
 * The KPIs a scorecard can show: the definition modules of core/scorecard/kpis/ (one per KPI, see
 * definition.ts) in scorecard order — by section (strategic, operational, brand), then by each
 * module's `order` — and binding their roles to the workbook's columns.
 *
 * Decisions shared by every KPI (the KPI-specific ones live in their modules):
 * - Periods: a KPI's periods come from one date column on the same sheet as its other columns (its
 *   variant's `dates`): survey date for survey KPIs, resolved date for resolution times, SLA,
 *   resolved issues and productivity (a ticket counts when it is resolved), opened date for first
 *   response and the flag shares, the order date for orders and the period date of monthly figures.
 * - Variants: a KPI may have several (complaints per customer from monthly figures, else the share
 *   of complaint tickets); the first whose roles are present is used.
 * - Default targets are common service benchmarks for a monthly scorecard; KPIs whose level depends
 *   on the business or the period length (money, counts, conversion, staff turnover) start without
 *   a target, for the manager to set.
 */
import type { AvailableKpis, DefaultTargets, ScorecardKpiInfo } from './api.js';
import { cesAgreeFrom, DEFAULT_FACTS, SECTIONS, serviceLevelSeconds } from './definition.js';
import type { AnyVariant, KpiDefinition, KpiFacts, Texts } from './definition.js';

export { cesAgreeFrom, DEFAULT_SERVICE_LEVEL_SECONDS, serviceLevelSeconds } from './definition.js';
import { KPI_MODULES } from './kpis/index.js';
import { UNIT_TARGET_RANGES } from './target-range.js';
import type { TargetRange } from './target-range.js';
import type { KpiTarget, Role, RoleAssignment, ScorecardOptions } from './types.js';

/** Every KPI definition, in scorecard order. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [...KPI_MODULES].sort(
  (a, b) => SECTIONS.indexOf(a.section) - SECTIONS.indexOf(b.section) || a.order - b.order || (a.id < b.id ? -1 : 1),
);

/** One variant of a KPI with the plain-data description the sidebar and hosts see. */
export interface ScorecardKpi {
  readonly info: ScorecardKpiInfo;
  readonly def: KpiDefinition;
  readonly variant: AnyVariant;
}

/** Every scorecard KPI variant, in scorecard order. */
export const SCORECARD_KPIS: readonly ScorecardKpi[] = KPI_DEFINITIONS.flatMap((def) => (def.variants as readonly AnyVariant[]).map((variant) => ({
  def,
  variant,
  info: {
    id: def.id, kpi: variant.fn, name: def.name, perspective: def.perspective, unit: def.unit,
    defaultTarget: def.defaultTarget, targetRange: targetRangeOf(def), direction: def.direction, definition: variant.definition, needs: variant.needs,
  },
})));

/** The targets a KPI takes: its definition's own range, else its unit's. */
export function targetRangeOf(def: KpiDefinition): TargetRange {
  return def.targetRange ?? UNIT_TARGET_RANGES[def.unit];
}

/** The ids in scorecard order (each once). */
export const KPI_IDS: readonly string[] = KPI_DEFINITIONS.map((d) => d.id);

export function kpiInfoById(id: string): ScorecardKpiInfo | undefined {
  return SCORECARD_KPIS.find((k) => k.info.id === id)?.info;
}

/**
 * KPIs that are tables, not rows, take no target (their definition's layout): the sidebar draws no
 * target field, the settings check and the CLI's targets file refuse one by name, docs/cli.md says "none".
 */
export function takesTarget(id: string): boolean {
  return KPI_DEFINITIONS.find((d) => d.id === id)?.layout !== 'table';
}

const UNIT_WORDS: Readonly<Record<KpiFacts['durationUnit'], { en: string; de: string }>> = {
  seconds: { en: 'seconds', de: 'Sekunden' }, minutes: { en: 'minutes', de: 'Minuten' }, hours: { en: 'hours', de: 'Stunden' },
  days: { en: 'days', de: 'Tagen' }, time: { en: 'time values', de: 'Zeitwerten' },
};

/** Which ratings count as satisfied, in words: the top two steps of a numeric scale, the best answer of a 2- or 3-step word scale. */
function satisfied(language: 'en' | 'de', facts: KpiFacts): string {
  const { csatScale: k } = facts;
  if (facts.csatWords && k <= 3) return language === 'de' ? `die beste Antwort der ${k}-stufigen Wortskala` : `the best answer of the ${k}-step word scale`;
  const steps = facts.csatWords ? (language === 'de' ? 'Wortskala' : 'word scale') : (language === 'de' ? 'Skala' : 'scale');
  return language === 'de' ? `die zwei besten Stufen der ${steps} (${k - 1}–${k} von ${k})` : `the top two steps of the ${steps} (${k - 1}–${k} of ${k})`;
}

/** How a status list reads in a definition without a log to name its statuses. */
const LIST_FALLBACK = {
  en: { resolved: 'the resolved statuses', pause: 'the statuses waiting for the customer or a third party', waiting: 'every status but resolved ones and those waiting for the customer' },
  de: { resolved: 'den gelösten Status', pause: 'den Status, die auf den Kunden oder Dritte warten', waiting: 'allen Status außer gelösten und solchen, die auf den Kunden warten' },
} as const;

function listOf(facts: KpiFacts, language: 'en' | 'de', which: 'resolved' | 'pause' | 'waiting'): string {
  const list = facts.log?.[which];
  if (list === undefined) return LIST_FALLBACK[language][which];
  if (list.length === 0) return language === 'de' ? 'keinem' : 'none';
  const named = (s: string): string => (facts.log?.codeNames?.[s] ? ` (${facts.log.codeNames[s]})` : '');
  return list.map((s) => (language === 'de' ? `„${s}“` : `"${s}"`) + named(s)).join(', ');
}

/**
 * A definition text with its placeholders filled: `{sla}` with the SLA hours (German decimal comma),
 * `{scale}` and `{top}` with the CSAT scale (5 unless the data says otherwise), `{satisfied}` with
 * which ratings count as satisfied, `{unit}` with the unit a duration column's numbers are read in,
 * `{cesScale}` and `{cesFrom}` with the CES scale and its first agreeing step, `{slSeconds}` with the
 * service-level threshold, `{resolved}`, `{pause}` and `{waiting}` with a status log's lists.
 */
export function fillDefinition(text: string, language: 'en' | 'de', options: Pick<ScorecardOptions, 'slaHours' | 'serviceLevelSeconds'>, facts: KpiFacts = DEFAULT_FACTS): string {
  const decimal = (x: number): string => (language === 'de' ? String(x).replace('.', ',') : String(x));
  const unit = facts.durationText
    ? (language === 'de' ? 'wie geschrieben' : 'as written')
    : (language === 'de' ? `in ${UNIT_WORDS[facts.durationUnit].de}` : `in ${UNIT_WORDS[facts.durationUnit].en}`);
  return text
    .replace(/\{sla\}/g, decimal(options.slaHours))
    .replace(/\{scale\}/g, String(facts.csatScale))
    .replace(/\{top\}/g, String(facts.csatScale - 1))
    .replace(/\{satisfied\}/g, () => satisfied(language, facts))
    .replace(/\{unit\}/g, unit)
    .replace(/\{cesScale\}/g, String(facts.cesScale))
    .replace(/\{cesFrom\}/g, String(cesAgreeFrom(facts.cesScale)))
    .replace(/\{slSeconds\}/g, decimal(serviceLevelSeconds(options)))
    .replace(/\{resolved\}/g, () => listOf(facts, language, 'resolved'))
    .replace(/\{pause\}/g, () => listOf(facts, language, 'pause'))
    .replace(/\{waiting\}/g, () => listOf(facts, language, 'waiting'));
}

/** A KPI's definition in `language`, filled in. */
export function definitionText(definition: Texts, language: 'en' | 'de', options: Pick<ScorecardOptions, 'slaHours' | 'serviceLevelSeconds'>, facts: KpiFacts = DEFAULT_FACTS): string {
  return fillDefinition(definition[language], language, options, facts);
}

// ------------------------------------------------------------------ binding roles to columns

export interface BoundKpi {
  readonly kpi: ScorecardKpi;
  /** The column of each role the KPI uses (needed and optional ones present). */
  readonly columns: ReadonlyMap<Role, RoleAssignment>;
}

/** Manager choices first, then the surest detection. */
function better(a: RoleAssignment, b: RoleAssignment): RoleAssignment {
  if (a.source !== b.source) return a.source === 'manager' ? a : b;
  return b.confidence > a.confidence ? b : a;
}

/**
 * Finds columns for a KPI: all on one sheet (the sheet with the fewest missing roles; ties: the
 * first sheet of the first needed role) unless the KPI allows several sheets.
 */
export function bindKpi(kpi: ScorecardKpi, roles: readonly RoleAssignment[]): { bound: BoundKpi } | { missing: Role[] } {
  const { needs, optional = [], crossSheet } = kpi.variant;
  const r = bindRoles(needs, optional, roles, crossSheet === true);
  return 'columns' in r ? { bound: { kpi, columns: r.columns } } : r;
}

/**
 * Columns for `needs` (and `optional` ones present) by the rules of bindKpi: all on one sheet unless
 * `crossSheet`; manager choices first, then the surest detection. Used also by the blocks that are
 * not KPI rows (the agent and staffing blocks).
 */
export function bindRoles(needs: readonly Role[], optional: readonly Role[], roles: readonly RoleAssignment[], crossSheet = false): { columns: Map<Role, RoleAssignment> } | { missing: Role[] } {
  const wanted = [...needs, ...optional];
  const pick = (list: readonly RoleAssignment[]): Map<Role, RoleAssignment> => {
    const m = new Map<Role, RoleAssignment>();
    for (const r of list) {
      if (!wanted.includes(r.role)) continue;
      const have = m.get(r.role);
      m.set(r.role, have ? better(have, r) : r);
    }
    return m;
  };
  if (crossSheet) {
    const columns = pick(roles);
    const missing = needs.filter((r) => !columns.has(r));
    return missing.length > 0 ? { missing } : { columns };
  }
  const sheets: string[] = [];
  for (const r of roles) if (wanted.includes(r.role) && !sheets.includes(r.sheet)) sheets.push(r.sheet);
  let best: { columns: Map<Role, RoleAssignment>; missing: Role[] } | undefined;
  for (const sheet of sheets) {
    const columns = pick(roles.filter((r) => r.sheet === sheet));
    const missing = needs.filter((r) => !columns.has(r));
    if (!best || missing.length < best.missing.length) best = { columns, missing };
  }
  if (!best) return { missing: [...needs] };
  return best.missing.length > 0 ? { missing: best.missing } : { columns: best.columns };
}

/** The first variant of each KPI id that the roles support, in scorecard order; for the others the roles missing from their closest variant. */
export function bindKpis(roles: readonly RoleAssignment[]): {
  readonly bound: readonly BoundKpi[];
  readonly missing: readonly { readonly kpi: ScorecardKpi; readonly missing: readonly Role[] }[];
} {
  const bound: BoundKpi[] = [];
  const missing: { kpi: ScorecardKpi; missing: Role[] }[] = [];
  for (const id of KPI_IDS) {
    const variants = SCORECARD_KPIS.filter((k) => k.info.id === id);
    let found: BoundKpi | undefined;
    let lack: { kpi: ScorecardKpi; missing: Role[] } | undefined;
    for (const v of variants) {
      const r = bindKpi(v, roles);
      if ('bound' in r) {
        found = r.bound;
        break;
      }
      // Report the variant that is closest; on a tie the later (more common: per-ticket) one.
      if (!lack || r.missing.length <= lack.missing.length) lack = { kpi: v, missing: r.missing };
    }
    if (found) bound.push(found);
    else if (lack) missing.push(lack);
  }
  return { bound, missing };
}

/** Plain data only (it crosses google.script.run and postMessage): a copy without shared references. */
function plainInfo(info: ScorecardKpiInfo): ScorecardKpiInfo {
  return {
    id: info.id, kpi: info.kpi, name: { ...info.name }, perspective: info.perspective, unit: info.unit,
    defaultTarget: info.defaultTarget, targetRange: { ...info.targetRange }, direction: info.direction, definition: { ...info.definition }, needs: [...info.needs],
  };
}

export const availableKpis: AvailableKpis = (roles) => {
  const { bound, missing } = bindKpis(roles);
  return {
    available: bound.map((b) => plainInfo(b.kpi.info)),
    missing: missing.map((m) => ({ info: plainInfo(m.kpi.info), missing: [...m.missing] })),
  };
};

export const defaultTargets: DefaultTargets = (kpis) => {
  const out: Record<string, KpiTarget> = {};
  for (const k of kpis) out[k.id] = { target: k.defaultTarget, direction: k.direction, enabled: true };
  return out;
};
