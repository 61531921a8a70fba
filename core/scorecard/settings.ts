/**
 * Settings the sidebar stores per workbook (roles, targets, options), validated with zod. Bad input
 * never throws: it comes back as one message per field, keyed by the field's path
 * (`targets.nps.target`, `options.slaHours`, `roles.2.column`), in the settings' language.
 *
 * Targets are stored in the KPI's unit: shares as fractions (0.8), NPS in points, durations in
 * hours. The sidebar shows shares in percent and converts what the manager types (80 → 0.8) before
 * it builds the settings; the messages speak of percent because that is what the manager sees. A
 * target must lie in its KPI's target range (target-range.ts), checked and worded as the sidebar does;
 * a KPI that takes no target (a table, takesTarget in kpis.ts) refuses any number, naming the KPI:
 * the sidebar has no field for it, so a number there was never typed in it and would be ignored.
 *
 * German messages address the manager as the sidebar's texts do: "Geben Sie … ein", "Wählen Sie …".
 *
 * zod/mini is imported as a namespace (`import * as z`), never `{ z }` (which bundles every locale):
 * the messages are ours, so the full zod API and its error texts would only add weight to the
 * task pane. It runs jitless: Office pages may forbid `new Function`.
 */
import * as z from 'zod/mini';
import { printable, shorten } from '../safe-text.js';
import type { DefaultOptions, ParseSettings } from './api.js';
import { isReportingDate } from './calendar-date.js';
import { DEFAULT_SERVICE_LEVEL_SECONDS } from './definition.js';
import { kpiInfoById, takesTarget } from './kpis.js';
import { DEFAULT_SHEET_NAMES, MAX_SHEET_NAME } from './sheet-name.js';
import { inTargetRange, targetRangeMessage } from './target-range.js';
import { ROLES } from './types.js';
import type { StoredSettings } from './types.js';

z.config({ jitless: true });

export const defaultOptions: DefaultOptions = (language) => ({
  period: 'month',
  portable: false,
  language,
  slaHours: 24,
  serviceLevelSeconds: DEFAULT_SERVICE_LEVEL_SECONDS,
  tolerance: 0.05,
  brandAttributes: [],
  sheetName: DEFAULT_SHEET_NAMES[language],
  reportingDate: null,
  minAnswers: 30,
  minTickets: 10,
});

/** Limits the sidebar can show next to its fields. */
export const LIMITS = { maxSlaHours: 8760, maxServiceLevelSeconds: 3600, maxAttributes: 50, maxAttributeLength: 60, maxMinimum: 100_000, maxStatuses: 50, maxStatusLength: 80 } as const;


/** Option fields added after settings were first stored: older settings get their defaults. */
const LATER_OPTIONS = ['reportingDate', 'minAnswers', 'minTickets'] as const;

/**
 * Bounds on what a request may hold, whoever sends it: the Sheets server functions are callable by
 * anyone with the document open (google.script.run), so a forged request is refused here before
 * any of it is used. Columns: Google Sheets' 18,278 (ZZZ; Excel has 16,384). Sheet names: Sheets
 * allows 100 characters. Headers: a cell holds at most 50,000 characters in Sheets (32,767 in
 * Excel). Roles: 35 roles, each on a few sheets at most. Targets: one per KPI.
 */
export const REQUEST_LIMITS = {
  maxColumn: 18_278,
  maxSheetName: 100,
  maxHeader: 50_000,
  maxRoles: 500,
  maxTargets: 200,
  maxKpiId: 64,
} as const;

/** Keys a target may not have: they name Object.prototype's members, not KPIs. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const KPI_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;

const roleSchema = z.object({
  role: z.enum(ROLES),
  sheet: z.string().check(z.minLength(1), z.maxLength(REQUEST_LIMITS.maxSheetName)),
  column: z.int().check(z.minimum(1), z.maximum(REQUEST_LIMITS.maxColumn)),
  header: z.string().check(z.maxLength(REQUEST_LIMITS.maxHeader)),
  confidence: z.number().check(z.minimum(0), z.maximum(1)),
  source: z.enum(['detected', 'manager']),
});

const targetSchema = z.object({
  target: z.nullable(z.number()),
  direction: z.enum(['higher', 'lower']),
  enabled: z.boolean(),
});

const statusListSchema = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.maxStatusLength)))
  .check(z.maxLength(LIMITS.maxStatuses));

const optionsSchema = z.object({
  period: z.enum(['week', 'month', 'quarter', 'year']),
  portable: z.boolean(),
  language: z.enum(['en', 'de']),
  slaHours: z.number().check(z.positive(), z.maximum(LIMITS.maxSlaHours)),
  // Optional: settings stored before the contact-centre KPIs have none (20 s then).
  serviceLevelSeconds: z.optional(z.number().check(z.positive(), z.maximum(LIMITS.maxServiceLevelSeconds))),
  tolerance: z.number().check(z.minimum(0), z.maximum(1)),
  brandAttributes: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(LIMITS.maxAttributeLength)))
    .check(z.maxLength(LIMITS.maxAttributes)),
  dateOrder: z.optional(z.enum(['dmy', 'mdy'])),
  pauseStatuses: z.optional(statusListSchema),
  resolvedStatuses: z.optional(statusListSchema),
  sheetName: z.string().check(
    z.trim(),
    z.minLength(1),
    z.maxLength(MAX_SHEET_NAME),
    z.refine((s) => !FORBIDDEN_SHEET_CHARS.test(s) && !s.startsWith("'") && !s.endsWith("'") && s.toLowerCase() !== 'history'),
  ),
  reportingDate: z.nullable(z.string().check(z.refine(isReportingDate))),
  minAnswers: z.int().check(z.minimum(0), z.maximum(LIMITS.maxMinimum)),
  minTickets: z.int().check(z.minimum(0), z.maximum(LIMITS.maxMinimum)),
});

const kpiIdSchema = z.string().check(
  z.maxLength(REQUEST_LIMITS.maxKpiId),
  z.refine((id) => KPI_ID.test(id) && !RESERVED_KEYS.has(id)),
);

const settingsSchema = z.object({
  version: z.literal(1),
  roles: z.array(roleSchema).check(z.maxLength(REQUEST_LIMITS.maxRoles)),
  targets: z.record(kpiIdSchema, targetSchema).check(z.refine((t) => Object.keys(t).length <= REQUEST_LIMITS.maxTargets)),
  options: optionsSchema,
});

type Lang = 'en' | 'de';

const MESSAGES = {
  en: {
    unreadable: 'These settings cannot be read; they were replaced by the defaults.',
    version: 'These settings come from another version and cannot be read.',
    role: 'This column assignment is not valid.',
    direction: 'Choose "higher" or "lower".',
    enabled: 'Choose whether the KPI is shown.',
    number: 'Enter a number.',
    period: 'Choose week, month, quarter or year.',
    portable: 'Choose whether to write portable formulas.',
    language: 'Choose English or German.',
    slaHours: `Enter the SLA in hours: more than 0, at most ${LIMITS.maxSlaHours}.`,
    serviceLevelSeconds: `Enter the service-level threshold in seconds: more than 0, at most ${LIMITS.maxServiceLevelSeconds}.`,
    tolerance: 'Enter a tolerance between 0 % and 100 %.',
    dateOrder: 'Choose day first or month first.',
    brandAttributes: `Enter at most ${LIMITS.maxAttributes} attributes of at most ${LIMITS.maxAttributeLength} characters each.`,
    pauseStatuses: `Enter at most ${LIMITS.maxStatuses} statuses of at most ${LIMITS.maxStatusLength} characters each, separated by commas.`,
    resolvedStatuses: `Enter at most ${LIMITS.maxStatuses} statuses of at most ${LIMITS.maxStatusLength} characters each, separated by commas.`,
    sheetName: `Enter a sheet name of 1 to ${MAX_SHEET_NAME} characters without [ ] : * ? / \\ and not starting or ending with an apostrophe.`,
    reportingDate: 'Enter a date such as 2026-10-31, or leave it empty for the latest complete period.',
    minAnswers: `Enter a whole number of answers from 0 to ${LIMITS.maxMinimum.toLocaleString('en')} (0: no minimum).`,
    minTickets: `Enter a whole number of tickets from 0 to ${LIMITS.maxMinimum.toLocaleString('en')} (0: no minimum).`,
    kpi: 'This is not a KPI of the scorecard.',
    noTarget: '{name} is a table and takes no target: leave its target empty.',
    tooMany: 'These settings hold more entries than a scorecard has; they cannot be used.',
  },
  de: {
    unreadable: 'Diese Einstellungen sind nicht lesbar; sie wurden durch die Standardwerte ersetzt.',
    version: 'Diese Einstellungen stammen aus einer anderen Version und sind nicht lesbar.',
    role: 'Diese Spaltenzuordnung ist ungültig.',
    direction: 'Wählen Sie „höher“ oder „niedriger“.',
    enabled: 'Wählen Sie, ob die Kennzahl angezeigt wird.',
    number: 'Geben Sie eine Zahl ein.',
    period: 'Wählen Sie Woche, Monat, Quartal oder Jahr.',
    portable: 'Wählen Sie, ob portable Formeln geschrieben werden.',
    language: 'Wählen Sie Englisch oder Deutsch.',
    slaHours: `Geben Sie das SLA in Stunden ein: mehr als 0, höchstens ${LIMITS.maxSlaHours}.`,
    serviceLevelSeconds: `Geben Sie die Servicelevel-Schwelle in Sekunden ein: mehr als 0, höchstens ${LIMITS.maxServiceLevelSeconds}.`,
    tolerance: 'Geben Sie eine Toleranz zwischen 0 % und 100 % ein.',
    dateOrder: 'Wählen Sie Tag zuerst oder Monat zuerst.',
    brandAttributes: `Geben Sie höchstens ${LIMITS.maxAttributes} Attribute mit je höchstens ${LIMITS.maxAttributeLength} Zeichen ein.`,
    pauseStatuses: `Geben Sie höchstens ${LIMITS.maxStatuses} Status mit je höchstens ${LIMITS.maxStatusLength} Zeichen ein, durch Kommas getrennt.`,
    resolvedStatuses: `Geben Sie höchstens ${LIMITS.maxStatuses} Status mit je höchstens ${LIMITS.maxStatusLength} Zeichen ein, durch Kommas getrennt.`,
    sheetName: `Geben Sie einen Blattnamen mit 1 bis ${MAX_SHEET_NAME} Zeichen ein, ohne [ ] : * ? / \\ und ohne Apostroph am Anfang oder Ende.`,
    reportingDate: 'Geben Sie ein Datum wie 2026-10-31 ein, oder lassen Sie das Feld leer für die letzte abgeschlossene Periode.',
    minAnswers: `Geben Sie eine ganze Zahl von Antworten von 0 bis ${LIMITS.maxMinimum.toLocaleString('de')} ein (0: kein Minimum).`,
    minTickets: `Geben Sie eine ganze Zahl von Tickets von 0 bis ${LIMITS.maxMinimum.toLocaleString('de')} ein (0: kein Minimum).`,
    kpi: 'Das ist keine Kennzahl der Scorecard.',
    noTarget: '{name} ist eine Tabelle und hat kein Ziel: Lassen Sie das Ziel leer.',
    tooMany: 'Diese Einstellungen enthalten mehr Einträge, als eine Scorecard hat; sie sind nicht verwendbar.',
  },
} as const;

type MessageKey = keyof (typeof MESSAGES)['en'];

/** Whether a target lies within its KPI's target range (the KPI's definition; unknown KPIs: any number). */
function targetInRange(id: string, v: number): boolean {
  const info = kpiInfoById(id);
  return !info || inTargetRange(info.targetRange, v);
}

/** The message for a bad target: the KPI's range as the manager types it (the sidebar's words), or that it takes none. */
function targetMessage(id: string, lang: Lang): string {
  const info = kpiInfoById(id);
  if (!info) return MESSAGES[lang].number;
  if (!takesTarget(id)) return MESSAGES[lang].noTarget.replace('{name}', () => info.name[lang]);
  return targetRangeMessage(lang, info.unit, info.targetRange);
}

/** The message for an issue at `path` (`code`: zod's issue code). */
function messageFor(path: readonly PropertyKey[], lang: Lang, code?: string): string {
  const m = MESSAGES[lang];
  const [head, second, third] = path.map(String);
  if (path.length === 0) return m.unreadable;
  if (head === 'version') return m.version;
  if ((head === 'roles' || head === 'targets') && path.length === 1 && code !== 'invalid_type') return m.tooMany;
  if (head === 'roles') return m.role;
  if (head === 'targets' && code === 'invalid_key') return m.kpi;
  if (head === 'targets') {
    if (third === 'direction') return m.direction;
    if (third === 'enabled') return m.enabled;
    return targetMessage(second ?? '', lang);
  }
  if (head === 'options' && second && second in m) return m[second as MessageKey];
  return m.unreadable;
}

/**
 * The field key messages are filed under: the path up to the field the manager edits. A key from
 * the request (a KPI id) is cut and escaped: a forged request must not echo megabytes back.
 */
function fieldOf(path: readonly PropertyKey[]): string {
  const parts = path.map((p) => printable(shorten(String(p), REQUEST_LIMITS.maxKpiId)));
  if (parts[0] === 'targets') return parts.slice(0, 3).join('.');
  if (parts[0] === 'roles') return parts.slice(0, 3).join('.');
  if (parts[0] === 'options') return parts.slice(0, 2).join('.');
  return parts.length > 0 ? parts[0] : '';
}

function languageOf(raw: unknown): Lang {
  const options = typeof raw === 'object' && raw !== null ? (raw as { options?: unknown }).options : undefined;
  const lang = typeof options === 'object' && options !== null ? (options as { language?: unknown }).language : undefined;
  return lang === 'de' ? 'de' : 'en';
}

/** Settings stored before the later option fields existed, with those fields' defaults. */
function withLaterOptions(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null) return raw;
  const options = (raw as { options?: unknown }).options;
  if (typeof options !== 'object' || options === null) return raw;
  const defaults = defaultOptions(languageOf(raw));
  const filled: Record<string, unknown> = { ...(options as Record<string, unknown>) };
  for (const k of LATER_OPTIONS) if (!(k in filled)) filled[k] = defaults[k];
  return { ...(raw as object), options: filled };
}

/** The list or record `key` of `raw` when it holds more entries than a request may: checked before zod walks it. */
function oversized(raw: unknown): 'roles' | 'targets' | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { roles, targets } = raw as { roles?: unknown; targets?: unknown };
  if (Array.isArray(roles) && roles.length > REQUEST_LIMITS.maxRoles) return 'roles';
  if (typeof targets === 'object' && targets !== null) {
    let n = 0;
    for (const _ in targets) if (++n > REQUEST_LIMITS.maxTargets) return 'targets';
  }
  return undefined;
}

export const parseSettings: ParseSettings = (input) => {
  const raw = withLaterOptions(input);
  const lang = languageOf(raw);
  const big = oversized(raw);
  if (big) return { ok: false, errors: { [big]: MESSAGES[lang].tooMany } };
  const errors: Record<string, string> = {};
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (!errors[field]) errors[field] = messageFor(issue.path, lang, issue.code);
    }
  }
  // Target scales are checked even when other fields failed, so every bad field gets its message;
  // a number for a KPI that takes no target is refused the same way.
  const targets = typeof raw === 'object' && raw !== null ? (raw as { targets?: unknown }).targets : undefined;
  if (typeof targets === 'object' && targets !== null && Object.keys(targets).length <= REQUEST_LIMITS.maxTargets) {
    for (const [id, t] of Object.entries(targets)) {
      const v = typeof t === 'object' && t !== null ? (t as { target?: unknown }).target : undefined;
      if (typeof v === 'number' && Number.isFinite(v) && (!takesTarget(id) || !targetInRange(id, v))) {
        errors[`targets.${id}.target`] = messageFor(['targets', id, 'target'], lang);
      }
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, settings: parsed.data as StoredSettings };
};
