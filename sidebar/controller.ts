/**
 * The sidebar's behaviour without the DOM: loads the outline and the stored settings through the
 * HostBridge, applies the manager's edits, saves the settings (validated, debounced) and runs
 * "Generate scorecard". The view (app.ts) only renders the state and forwards events; node tests
 * drive a controller directly with the memory host.
 */
import { printable, shorten } from '../core/safe-text.js';
import type { HostBridge, PeriodName, Role, ScorecardOptions } from '../core/scorecard/types.js';
import { detectRoles } from '../core/scorecard/detect.js';
import { defaultOptions, parseSettings } from '../core/scorecard/settings.js';
import { parseBrandAttributes, parseMinimum, parseReportingDate, parseServiceLevelSeconds, parseSlaHours, parseStatusList, parseTarget } from './fields.js';
import type { FieldResult } from './fields.js';
import { t } from './i18n.js';
import type { Lang } from './i18n.js';
import {
  BRAND_FIELD, MIN_ANSWERS_FIELD, MIN_TICKETS_FIELD, PAUSE_FIELD, REPORTING_FIELD, RESOLVED_FIELD, SERVICE_LEVEL_FIELD, SLA_FIELD, assignRole, emptyState, fieldOfSettingsPath, hasErrors, kpiLists,
  restoreRoles, targetField, toRequest, toSettings, withDefaultTargets,
} from './state.js';
import type { SidebarState } from './state.js';
import type { GenerateResult } from '../core/scorecard/types.js';

/** What changed, so the view redraws only that part (and keeps the focus where the manager is). */
export type Change = 'all' | 'roles' | 'targets' | 'fields' | 'run';

export interface ControllerOptions {
  /** Delay before edits are written to the settings store (ms). */
  readonly saveDelayMs?: number;
}

export interface SidebarController {
  readonly state: SidebarState;
  load(): Promise<void>;
  subscribe(listener: (change: Change) => void): () => void;
  setRole(sheet: string, column: number, role: Role | null): void;
  setEnabled(id: string, enabled: boolean): void;
  setTargetText(id: string, text: string): void;
  setDirection(id: string, direction: 'higher' | 'lower'): void;
  setPeriod(period: PeriodName): void;
  setPortable(portable: boolean): void;
  setLanguage(language: Lang): void;
  setSlaText(text: string): void;
  /** The service-level threshold in seconds, as typed. */
  setServiceLevelText(text: string): void;
  setBrandText(text: string): void;
  /** The reporting date as typed (empty: automatic). */
  setReportingDateText(text: string): void;
  /** The fewest answers (`minAnswers`) or tickets (`minTickets`) a period needs for a status, as typed. */
  setMinimumText(which: 'minAnswers' | 'minTickets', text: string): void;
  /** A status log's pause or resolved statuses as comma text; blank: found from the status names. */
  setStatusText(which: 'pause' | 'resolved', text: string): void;
  /** Runs "Generate scorecard"; null when it did not run or failed (the state says why). */
  generate(): Promise<GenerateResult | null>;
  /** Writes pending settings now. */
  flush(): Promise<void>;
  dispose(): void;
}

/** A host's error as the sidebar shows it: escaped like every message (safe-text.ts) and cut to a few lines. */
function messageOf(e: unknown, lang: Lang): string {
  let m: string | undefined;
  if (e instanceof Error && e.message) m = e.message;
  else if (typeof e === 'string' && e) m = e;
  else if (e && typeof e === 'object' && typeof (e as { message?: unknown }).message === 'string') m = (e as { message: string }).message;
  return m ? printable(shorten(m, MESSAGE_LIMIT)) : t(lang, 'errUnknown');
}

/** The longest host error the sidebar shows (ours are one sentence; anything longer is cut). */
const MESSAGE_LIMIT = 400;

export function createController(bridge: HostBridge, opts: ControllerOptions = {}): SidebarController {
  const saveDelay = opts.saveDelayMs ?? 400;
  const state = emptyState('en', defaultOptions('en'));
  const listeners = new Set<(change: Change) => void>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  let writing: Promise<void> = Promise.resolve();

  const emit = (change: Change): void => {
    for (const l of listeners) l(change);
  };

  /** Validates the whole settings object; valid settings are queued for the store. */
  const changed = (change: Change): void => {
    const parsed = parseSettings(toSettings(state));
    state.settingsErrors = {};
    if (!parsed.ok) {
      for (const [path, message] of Object.entries(parsed.errors)) {
        const field = fieldOfSettingsPath(path);
        state.settingsErrors[field] = state.settingsErrors[field] ? `${state.settingsErrors[field]} ${message}` : message;
      }
    } else {
      pending = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => { void flush(); }, saveDelay);
    }
    emit(change);
  };

  /** An option typed in a field: the text stays as typed; a valid value goes into the options, else the field says why. */
  const typedOption = <K extends keyof ScorecardOptions>(field: string, option: K, parsed: FieldResult<ScorecardOptions[K]>, text: string): void => {
    state.inputs[field] = text;
    if (parsed.ok) {
      delete state.fieldErrors[field];
      state.options = { ...state.options, [option]: parsed.value };
    } else {
      state.fieldErrors[field] = parsed.message;
    }
    changed('fields');
  };

  const flush = async (): Promise<void> => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending) {
      pending = false;
      const parsed = parseSettings(toSettings(state));
      if (parsed.ok) {
        const settings = parsed.settings;
        writing = writing.then(async () => {
          try {
            await bridge.writeSettings(settings);
            if (state.saveError) {
              state.saveError = '';
              emit('fields');
            }
          } catch (e) {
            state.saveError = t(state.lang, 'errSave', { message: messageOf(e, state.lang) });
            emit('fields');
          }
        });
      }
    }
    await writing;
  };

  const load = async (): Promise<void> => {
    state.phase = 'loading';
    emit('all');
    try {
      const lang: Lang = (await bridge.language()) === 'de' ? 'de' : 'en';
      state.lang = lang;
      state.options = defaultOptions(lang);
      const outline = await bridge.readOutline();
      const detected = detectRoles(outline);
      state.outline = outline;
      state.detected = detected;
      state.roles = [...detected];
      state.targets = {};
      state.notice = '';
      let raw: unknown = null;
      try {
        raw = await bridge.readSettings();
      } catch {
        state.notice = t(lang, 'settingsUnreadable');
      }
      if (raw !== null && raw !== undefined) {
        const parsed = parseSettings(raw);
        if (parsed.ok) {
          state.roles = restoreRoles(parsed.settings.roles, outline);
          state.targets = { ...parsed.settings.targets };
          state.options = parsed.settings.options;
          state.notice = t(lang, 'restored');
        } else {
          state.notice = t(lang, 'settingsUnreadable');
        }
      }
      state.targets = withDefaultTargets(state.targets, state.roles);
      state.inputs = {};
      state.fieldErrors = {};
      state.settingsErrors = {};
      state.run = { kind: 'idle' };
      state.phase = 'ready';
    } catch (e) {
      state.phase = 'failed';
      state.loadError = t(state.lang, 'loadFailed', { message: messageOf(e, state.lang) });
    }
    emit('all');
  };

  const kpiInfo = (id: string) => kpiLists(state).available.find((k) => k.info.id === id);

  const updateTarget = (id: string, patch: Partial<{ target: number | null; direction: 'higher' | 'lower'; enabled: boolean }>): boolean => {
    const row = kpiInfo(id);
    if (!row) return false;
    state.targets = { ...state.targets, [id]: { ...row.target, ...patch } };
    return true;
  };

  const controller: SidebarController = {
    get state() { return state; },
    load,
    flush,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setRole(sheet, column, role) {
      state.roles = assignRole(state.roles, state.outline, sheet, column, role);
      state.targets = withDefaultTargets(state.targets, state.roles);
      changed('roles');
    },
    setEnabled(id, enabled) {
      if (updateTarget(id, { enabled })) changed('fields');
    },
    setDirection(id, direction) {
      if (updateTarget(id, { direction })) changed('fields');
    },
    setTargetText(id, text) {
      const row = kpiInfo(id);
      if (!row) return;
      const key = targetField(id);
      const parsed = parseTarget(state.lang, row.info, text);
      state.inputs[key] = text;
      if (parsed.ok) {
        delete state.fieldErrors[key];
        updateTarget(id, { target: parsed.value });
      } else {
        // The last valid target stays in the settings; the field keeps the text and a message.
        state.fieldErrors[key] = parsed.message;
      }
      changed('fields');
    },
    setPeriod(period) {
      state.options = { ...state.options, period };
      changed('fields');
    },
    setPortable(portable) {
      state.options = { ...state.options, portable };
      changed('fields');
    },
    setLanguage(language) {
      state.options = { ...state.options, language };
      changed('fields');
    },
    setSlaText(text) {
      typedOption(SLA_FIELD, 'slaHours', parseSlaHours(state.lang, text), text);
    },
    setServiceLevelText(text) {
      typedOption(SERVICE_LEVEL_FIELD, 'serviceLevelSeconds', parseServiceLevelSeconds(state.lang, text), text);
    },
    setReportingDateText(text) {
      typedOption(REPORTING_FIELD, 'reportingDate', parseReportingDate(state.lang, text), text);
    },
    setMinimumText(which, text) {
      typedOption(which === 'minAnswers' ? MIN_ANSWERS_FIELD : MIN_TICKETS_FIELD, which, parseMinimum(state.lang, text), text);
    },
    setBrandText(text) {
      state.inputs[BRAND_FIELD] = text;
      state.options = { ...state.options, brandAttributes: parseBrandAttributes(text) } satisfies ScorecardOptions;
      changed('fields');
    },
    setStatusText(which, text) {
      const key = which === 'pause' ? 'pauseStatuses' : 'resolvedStatuses';
      state.inputs[which === 'pause' ? PAUSE_FIELD : RESOLVED_FIELD] = text;
      const list = parseStatusList(text);
      const { [key]: _old, ...rest } = state.options;
      // An empty resolved list would leave no ticket resolved: it means "found from the names" too.
      state.options = (list === undefined || (which === 'resolved' && list.length === 0) ? rest : { ...rest, [key]: list }) satisfies ScorecardOptions;
      changed('fields');
    },
    async generate() {
      if (state.run.kind === 'busy') return null;
      const lang = state.lang;
      const stop = (message: string): null => {
        state.run = { kind: 'error', message };
        emit('run');
        return null;
      };
      if (state.phase !== 'ready') return stop(t(lang, 'notLoaded'));
      if (hasErrors(state)) return stop(t(lang, 'fixFields'));
      const request = toRequest(state);
      if (!Object.values(request.targets).some((x) => x.enabled)) return stop(t(lang, 'noKpis'));
      state.run = { kind: 'busy', step: 'start', fraction: 0 };
      emit('run');
      await flush();
      let result: GenerateResult;
      try {
        result = await bridge.generate(request, (step, fraction) => {
          state.run = { kind: 'busy', step, fraction: Math.max(0, Math.min(1, Number(fraction) || 0)) };
          emit('run');
        });
      } catch (e) {
        return stop(t(lang, 'failed', { message: messageOf(e, lang) }));
      }
      state.run = { kind: 'done', result };
      // The sheet is the truth: targets the manager typed on the scorecard come back in the summary.
      let synced = false;
      for (const s of result.summary) {
        const current = state.targets[s.id];
        if (current && current.target !== s.target && (s.target === null || Number.isFinite(s.target))) {
          state.targets = { ...state.targets, [s.id]: { ...current, target: s.target } };
          delete state.inputs[targetField(s.id)];
          synced = true;
        }
      }
      if (synced) changed('targets');
      emit('run');
      return result;
    },
    dispose() {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      listeners.clear();
    },
  };
  return controller;
}
