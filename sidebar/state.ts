/**
 * The sidebar's state as plain data, and the pure steps that change it: restoring stored roles
 * against the current outline, giving a column a role, which KPIs the roles allow, and what goes
 * to the settings store and to the host. No DOM here, so node tests run it directly.
 */
import type { ScorecardKpiInfo } from '../core/scorecard/api.js';
import { availableKpis, defaultTargets } from '../core/scorecard/kpis.js';
import type {
  GenerateRequest, GenerateResult, KpiTarget, Role, RoleAssignment, ScorecardOptions, SheetOutline,
  StoredSettings, WorkbookOutline,
} from '../core/scorecard/types.js';
import type { Lang } from './i18n.js';

export type RunState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy'; readonly step: string; readonly fraction: number }
  | { readonly kind: 'done'; readonly result: GenerateResult }
  | { readonly kind: 'error'; readonly message: string };

export interface SidebarState {
  lang: Lang;
  phase: 'loading' | 'ready' | 'failed';
  /** A line for the manager after loading (settings restored or unreadable); "" for none. */
  notice: string;
  loadError: string;
  outline: WorkbookOutline;
  /** What detection found, kept to show its confidence beside each picker. */
  detected: readonly RoleAssignment[];
  roles: RoleAssignment[];
  /** Targets by KPI id, also of KPIs the current roles do not allow (so switching back keeps them). */
  targets: Record<string, KpiTarget>;
  /** Raw text of fields whose text is not (yet) a valid value, by field key. */
  inputs: Record<string, string>;
  options: ScorecardOptions;
  /** Messages from the sidebar's own field checks, by field key. */
  fieldErrors: Record<string, string>;
  /** Messages from parseSettings, by field key. */
  settingsErrors: Record<string, string>;
  /** Why the last settings write failed; "" when it worked. Does not block generating. */
  saveError: string;
  run: RunState;
}

/** Field keys: one per input that can carry a message. */
export const targetField = (id: string): string => `target:${id}`;
export const SLA_FIELD = 'slaHours';
export const SERVICE_LEVEL_FIELD = 'serviceLevelSeconds';
export const BRAND_FIELD = 'brandAttributes';
export const REPORTING_FIELD = 'reportingDate';
export const MIN_ANSWERS_FIELD = 'minAnswers';
export const MIN_TICKETS_FIELD = 'minTickets';
export const PAUSE_FIELD = 'pauseStatuses';
export const RESOLVED_FIELD = 'resolvedStatuses';
/** Messages that belong to no single field. */
export const GENERAL_FIELD = 'settings';

export function emptyState(lang: Lang, options: ScorecardOptions): SidebarState {
  return {
    lang,
    phase: 'loading',
    notice: '',
    loadError: '',
    outline: { sheets: [], sheetNames: [] },
    detected: [],
    roles: [],
    targets: {},
    inputs: {},
    options,
    fieldErrors: {},
    settingsErrors: {},
    saveError: '',
    run: { kind: 'idle' },
  };
}

export function errorsOf(state: SidebarState): Record<string, string> {
  return { ...state.settingsErrors, ...state.fieldErrors };
}

export function hasErrors(state: SidebarState): boolean {
  return Object.keys(state.fieldErrors).length > 0 || Object.keys(state.settingsErrors).length > 0;
}

// ------------------------------------------------------------------ roles

function columnIndex(sheet: SheetOutline, column: number): number {
  const i = column - sheet.firstCol;
  return i >= 0 && i < sheet.headers.length ? i : -1;
}

/** Outline order: sheets as outlined, columns left to right. */
function sortRoles(roles: RoleAssignment[], outline: WorkbookOutline): RoleAssignment[] {
  const order = new Map(outline.sheets.map((s, i) => [s.name, i]));
  return roles.sort((a, b) => (order.get(a.sheet) ?? 1e9) - (order.get(b.sheet) ?? 1e9) || a.column - b.column);
}

/**
 * Stored roles that still fit the workbook: the sheet must still be outlined, and the column must
 * still carry the stored header (a column that moved is followed by its header; one that is gone
 * loses its role).
 */
export function restoreRoles(stored: readonly RoleAssignment[], outline: WorkbookOutline): RoleAssignment[] {
  const out: RoleAssignment[] = [];
  const taken = new Set<string>();
  for (const r of stored) {
    const sheet = outline.sheets.find((s) => s.name === r.sheet);
    if (!sheet) continue;
    let i = columnIndex(sheet, r.column);
    if (i < 0 || sheet.headers[i] !== r.header) {
      const moved = sheet.headers.indexOf(r.header);
      if (moved < 0 || r.header === '') continue;
      i = moved;
    }
    const column = sheet.firstCol + i;
    const key = `${r.sheet}\u0000${column}`;
    if (taken.has(key)) continue;
    taken.add(key);
    out.push({ ...r, column, header: sheet.headers[i] });
  }
  return sortRoles(out, outline);
}

export function roleAt(roles: readonly RoleAssignment[], sheet: string, column: number): RoleAssignment | undefined {
  return roles.find((r) => r.sheet === sheet && r.column === column);
}

/**
 * Gives a column a role (or none). A role belongs to one column per sheet: the column that held it
 * before on the same sheet loses it.
 */
export function assignRole(
  roles: readonly RoleAssignment[], outline: WorkbookOutline, sheetName: string, column: number, role: Role | null,
): RoleAssignment[] {
  const sheet = outline.sheets.find((s) => s.name === sheetName);
  if (!sheet) return [...roles];
  const i = columnIndex(sheet, column);
  if (i < 0) return [...roles];
  const kept = roles.filter((r) => !(r.sheet === sheetName && (r.column === column || (role !== null && r.role === role))));
  if (role !== null) {
    kept.push({ role, sheet: sheetName, column, header: sheet.headers[i], confidence: 1, source: 'manager' });
  }
  return sortRoles(kept, outline);
}

// ------------------------------------------------------------------ KPIs and targets

export interface KpiRow {
  readonly info: ScorecardKpiInfo;
  readonly target: KpiTarget;
}

export interface KpiLists {
  readonly available: readonly KpiRow[];
  readonly missing: readonly { readonly info: ScorecardKpiInfo; readonly missing: readonly Role[] }[];
}

/** The KPIs the roles allow, each with its target (a default when none was set). */
export function kpiLists(state: Pick<SidebarState, 'roles' | 'targets'>): KpiLists {
  const { available, missing } = availableKpis(state.roles);
  const defaults = defaultTargets(available.filter((k) => !state.targets[k.id]));
  return {
    available: available.map((info) => ({ info, target: state.targets[info.id] ?? defaults[info.id] ?? fallbackTarget(info) })),
    missing,
  };
}

function fallbackTarget(info: ScorecardKpiInfo): KpiTarget {
  return { target: info.defaultTarget, direction: info.direction, enabled: true };
}

/** Adds default targets for KPIs that have none yet (after loading or a role change). */
export function withDefaultTargets(targets: Readonly<Record<string, KpiTarget>>, roles: readonly RoleAssignment[]): Record<string, KpiTarget> {
  const { available } = availableKpis(roles);
  return { ...defaultTargets(available.filter((k) => !targets[k.id])), ...targets };
}

// ------------------------------------------------------------------ to the store and the host

export function toSettings(state: Pick<SidebarState, 'roles' | 'targets' | 'options'>): StoredSettings {
  return { version: 1, roles: state.roles, targets: state.targets, options: state.options };
}

/** What "Generate scorecard" sends: the roles, the targets of the KPIs on offer, the options. */
export function toRequest(state: Pick<SidebarState, 'roles' | 'targets' | 'options'>): GenerateRequest {
  const targets: Record<string, KpiTarget> = {};
  for (const row of kpiLists(state).available) targets[row.info.id] = row.target;
  return { roles: state.roles, targets, options: state.options };
}

/**
 * A parseSettings error path (`targets.nps.target`, `options.slaHours`, `["targets","nps"]` …) as
 * the field key whose input shows the message.
 */
export function fieldOfSettingsPath(path: string): string {
  const parts = path.replace(/^\$?\.?/, '').split(/[.[\]/]+/).filter((p) => p !== '');
  if (parts[0] === 'targets' && parts[1]) return targetField(parts[1]);
  if (parts[0] === 'options' && parts[1] === 'slaHours') return SLA_FIELD;
  if (parts[0] === 'options' && parts[1] === 'serviceLevelSeconds') return SERVICE_LEVEL_FIELD;
  if (parts[0] === 'options' && parts[1] === 'brandAttributes') return BRAND_FIELD;
  if (parts[0] === 'options' && parts[1] === 'reportingDate') return REPORTING_FIELD;
  if (parts[0] === 'options' && parts[1] === 'minAnswers') return MIN_ANSWERS_FIELD;
  if (parts[0] === 'options' && parts[1] === 'minTickets') return MIN_TICKETS_FIELD;
  if (parts[0] === 'options' && parts[1] === 'pauseStatuses') return PAUSE_FIELD;
  if (parts[0] === 'options' && parts[1] === 'resolvedStatuses') return RESOLVED_FIELD;
  return GENERAL_FIELD;
}
