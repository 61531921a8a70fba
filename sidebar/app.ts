/**
 * The scorecard sidebar's view: small render functions over the controller's state. Sections are
 * rebuilt only when their structure changes (the KPI list after a role change); typing updates
 * messages in place, so the focus stays where the manager is. Every text from the workbook goes in
 * as text (dom.ts), never as markup.
 */
import { printableLines, quote } from '../core/safe-text.js';
import type { HostBridge, PeriodName, Role, SampleCell, SheetOutline } from '../core/scorecard/types.js';
import { ROLES } from '../core/scorecard/types.js';
import { createController } from './controller.js';
import type { Change, SidebarController } from './controller.js';
import { h, option, replaceChildren } from './dom.js';
import { reportingDateText, targetText, unitSuffix } from './fields.js';
import { foundDetails } from './found.js';
import { PERIOD_KEYS, ROLE_GROUPS, formatInputNumber, formatPercent, roleLabel, stepText, t } from './i18n.js';
import type { Lang } from './i18n.js';
import { DEFAULT_SERVICE_LEVEL_SECONDS, fillDefinition, takesTarget } from '../core/scorecard/kpis.js';
import {
  BRAND_FIELD, GENERAL_FIELD, MIN_ANSWERS_FIELD, MIN_TICKETS_FIELD, PAUSE_FIELD, REPORTING_FIELD, RESOLVED_FIELD, SERVICE_LEVEL_FIELD, SLA_FIELD, errorsOf, kpiLists, roleAt, targetField,
} from './state.js';
import type { SidebarState } from './state.js';

export type Look = 'excel' | 'sheets';

export interface MountOptions {
  /** The host look; by default the bridge's host (the memory host: its dialect). */
  readonly look?: Look;
  readonly saveDelayMs?: number;
}

export interface MountedSidebar {
  readonly controller: SidebarController;
  /** Settles when the workbook has been read and the sidebar drawn. */
  readonly ready: Promise<void>;
  destroy(): void;
}


/** Detection below this confidence is shown as "unsure". */
const SURE = 0.6;
const PERIODS: readonly PeriodName[] = ['week', 'month', 'quarter', 'year'];

function lookOf(bridge: HostBridge, look?: Look): Look {
  if (look) return look;
  if (bridge.host === 'excel' || bridge.host === 'sheets') return bridge.host;
  const dialect = (bridge as { dialect?: unknown }).dialect;
  return dialect === 'excel' ? 'excel' : 'sheets';
}

/** A sample value as a short hint ("e.g. 9", "e.g. 2026-03-01 10:30"). */
export function sampleText(lang: Lang, v: SampleCell): string {
  let s: string;
  if (v === null) return '';
  if (typeof v === 'number') s = formatInputNumber(lang, v);
  else if (typeof v === 'boolean') s = v ? (lang === 'de' ? 'WAHR' : 'TRUE') : (lang === 'de' ? 'FALSCH' : 'FALSE');
  else s = v.replace(/^(\d{4}-\d{2}-\d{2})T00:00(?::00)?$/, '$1').replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::00)?$/, '$1 $2');
  s = s.replace(/\s+/g, ' ').trim();
  return s.length > 28 ? `${s.slice(0, 27)}…` : s;
}

interface FieldView {
  readonly input: HTMLInputElement | HTMLSelectElement;
  readonly error: HTMLElement;
}

export function mountSidebar(root: HTMLElement, bridge: HostBridge, options: MountOptions = {}): MountedSidebar {
  const doc = root.ownerDocument;
  const look = lookOf(bridge, options.look);
  for (const c of Array.from(doc.body.classList)) if (c.startsWith('host-')) doc.body.classList.remove(c);
  doc.body.classList.add(`host-${look}`);

  const controller = createController(bridge, { saveDelayMs: options.saveDelayMs });
  const state = controller.state;
  let fields = new Map<string, FieldView>();
  let kpiRows = new Map<string, { readonly row: HTMLElement; readonly controls: readonly (HTMLInputElement | HTMLSelectElement)[] }>();
  const L = (key: Parameters<typeof t>[1], params?: Record<string, string | number>): string => t(state.lang, key, params);

  // ---------------------------------------------------------------- the shell
  const title = h('h1', { class: 'skpi-title' });
  const intro = h('p', { class: 'skpi-intro' });
  const notice = h('p', { class: 'skpi-notice', role: 'status' });
  const columnsTitle = h('h2', { id: 'skpi-columns-title' });
  const columnsHint = h('p', { class: 'skpi-hint' });
  const columnsBody = h('div', { class: 'skpi-columns' });
  const kpisTitle = h('h2', { id: 'skpi-kpis-title' });
  const kpisHint = h('p', { class: 'skpi-hint' });
  const kpisBody = h('div', { class: 'skpi-kpis' });
  const optionsTitle = h('h2', { id: 'skpi-options-title' });
  const optionsBody = h('div', { class: 'skpi-options' });
  const generateButton = h('button', { type: 'submit', class: 'skpi-primary', id: 'skpi-generate' });
  const progressText = h('span', { class: 'skpi-progress-text', id: 'skpi-progress-text' });
  const progressBar = h('progress', { max: 1, value: 0, 'aria-labelledby': 'skpi-progress-text' });
  const progress = h('div', { class: 'skpi-progress', hidden: true }, progressText, progressBar);
  const live = h('div', { class: 'skpi-live', 'aria-live': 'polite' }, progress);
  const result = h('div', { class: 'skpi-result', role: 'status' });
  const alert = h('div', { class: 'skpi-alert', role: 'alert' });
  const general = h('p', { class: 'skpi-field-error', id: 'skpi-general-error', hidden: true });
  const form = h('form', { class: 'skpi-form', novalidate: true },
    h('section', { class: 'skpi-section', 'aria-labelledby': 'skpi-columns-title' }, columnsTitle, columnsHint, columnsBody),
    h('section', { class: 'skpi-section', 'aria-labelledby': 'skpi-kpis-title' }, kpisTitle, kpisHint, kpisBody),
    h('section', { class: 'skpi-section', 'aria-labelledby': 'skpi-options-title' }, optionsTitle, optionsBody),
    h('div', { class: 'skpi-actions' }, general, generateButton, live, alert, result),
  );
  const app = h('div', { class: 'skpi' }, h('header', { class: 'skpi-header' }, title, intro), notice, form);
  replaceChildren(root, app);

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void controller.generate();
  });

  // ---------------------------------------------------------------- columns
  function roleSelect(id: string, sheet: SheetOutline, column: number): HTMLSelectElement {
    const current = roleAt(state.roles, sheet.name, column)?.role ?? '';
    const select = h('select', { id, class: 'skpi-role', 'data-sheet-index': state.outline.sheets.indexOf(sheet), 'data-column': column });
    select.appendChild(option('', L('roleNone'), current === ''));
    for (const group of ROLE_GROUPS) {
      const g = h('optgroup');
      g.label = group.label[state.lang];
      for (const role of group.roles) g.appendChild(option(role, roleLabel(state.lang, role), role === current));
      select.appendChild(g);
    }
    select.addEventListener('change', () => {
      const value = select.value;
      controller.setRole(sheet.name, column, value === '' ? null : (ROLES as readonly string[]).includes(value) ? (value as Role) : null);
    });
    return select;
  }

  function columnMeta(sheet: SheetOutline, i: number): string {
    const column = sheet.firstCol + i;
    const parts: string[] = [];
    const sample = sheet.samples[i]?.find((v) => v !== null && v !== '');
    if (sample !== undefined) {
      const s = sampleText(state.lang, sample);
      if (s) parts.push(L('sample', { value: s }));
    }
    const assigned = roleAt(state.roles, sheet.name, column);
    if (assigned?.source === 'manager') parts.push(L('manager'));
    else if (assigned) {
      const percent = formatPercent(state.lang, assigned.confidence);
      parts.push(assigned.confidence < SURE ? L('unsure', { percent }) : L('detected', { percent }));
    }
    return parts.join(' · ');
  }

  function sheetSummary(sheet: SheetOutline): string {
    const used = state.roles.filter((r) => r.sheet === sheet.name).length;
    return `${used}/${sheet.headers.length} · ${L('rows', { count: sheet.rowCount })}`;
  }

  function renderColumns(): void {
    if (state.phase !== 'ready') {
      replaceChildren(columnsBody, state.phase === 'loading' ? h('p', { class: 'skpi-hint' }, L('loading')) : null);
      return;
    }
    if (state.outline.sheets.length === 0) {
      replaceChildren(columnsBody, h('p', { class: 'skpi-hint' }, L('columnsNone')));
      return;
    }
    const open = state.outline.sheets.length <= 2;
    replaceChildren(columnsBody, ...state.outline.sheets.map((sheet, s) => {
      const rows = sheet.headers.map((header, i) => {
        const id = `skpi-col-${s}-${i}`;
        const metaId = `${id}-meta`;
        const select = roleSelect(id, sheet, sheet.firstCol + i);
        select.setAttribute('aria-describedby', metaId);
        const shown = header === '' ? L('noHeader') : header;
        return h('div', { class: 'skpi-col' },
          h('label', { for: id, class: 'skpi-col-label', title: shown },
            h('span', { class: 'skpi-vh' }, `${L('roleOf')} `), h('span', { class: 'skpi-col-header' }, shown)),
          select,
          h('span', { class: 'skpi-col-meta', id: metaId }, columnMeta(sheet, i)));
      });
      const details = h('details', { class: 'skpi-sheet', 'data-sheet-index': s },
        h('summary', {}, h('span', { class: 'skpi-sheet-name' }, sheet.name), h('span', { class: 'skpi-sheet-meta' }, sheetSummary(sheet))),
        ...rows, foundDetails(state.lang, state.outline, sheet.name));
      details.open = open;
      return details;
    }));
  }

  /** After a role change: pickers and hints show the new assignment (no rebuild: the focus stays). */
  function updateColumns(): void {
    state.outline.sheets.forEach((sheet, s) => {
      sheet.headers.forEach((_, i) => {
        const select = doc.getElementById(`skpi-col-${s}-${i}`) as HTMLSelectElement | null;
        if (select) select.value = roleAt(state.roles, sheet.name, sheet.firstCol + i)?.role ?? '';
        const meta = doc.getElementById(`skpi-col-${s}-${i}-meta`);
        if (meta) meta.textContent = columnMeta(sheet, i);
      });
      const summaryMeta = columnsBody.querySelector(`details[data-sheet-index="${s}"] .skpi-sheet-meta`);
      if (summaryMeta) summaryMeta.textContent = sheetSummary(sheet);
    });
  }

  // ---------------------------------------------------------------- KPIs
  /** A KPI's one-line definition with the SLA hours as typed now (the core fills `{sla}`, `{scale}`, `{top}`). */
  const definition = (text: string): string => fillDefinition(text, state.lang, state.options);
  /** Elements showing a definition, refreshed when the SLA hours change (no re-render: typing keeps its focus). */
  let definitionViews: { readonly el: HTMLElement; readonly text: string; readonly asTitle: boolean }[] = [];
  const showDefinition = <E extends HTMLElement>(el: E, text: string, asTitle: boolean): E => {
    definitionViews.push({ el, text, asTitle });
    if (asTitle) el.title = definition(text);
    else el.textContent = definition(text);
    return el;
  };

  function renderKpis(): void {
    fields = new Map([...fields].filter(([key]) => !key.startsWith('target:')));
    kpiRows = new Map();
    definitionViews = [];
    if (state.phase !== 'ready') {
      replaceChildren(kpisBody);
      return;
    }
    const { available, missing } = kpiLists(state);
    const list = h('ul', { class: 'skpi-kpi-list' }, ...available.map(({ info, target }, k) => {
      const id = `skpi-kpi-${k}`;
      const name = info.name[state.lang];
      const key = targetField(info.id);
      const on = h('input', { type: 'checkbox', id: `${id}-on`, class: 'skpi-check' });
      on.checked = target.enabled;
      on.addEventListener('change', () => controller.setEnabled(info.id, on.checked));
      const unit = unitSuffix(state.lang, info.unit);
      const error = h('p', { class: 'skpi-field-error', id: `${id}-error`, hidden: true });
      const input = h('input', {
        type: 'text', id: `${id}-target`, class: 'skpi-target', inputmode: 'decimal', autocomplete: 'off',
        'aria-label': L('targetFor', { name }), 'aria-describedby': `${unit ? `${id}-unit ` : ''}${id}-error`,
      });
      input.value = state.inputs[key] ?? targetText(state.lang, info.unit, target.target);
      input.addEventListener('input', () => controller.setTargetText(info.id, input.value));
      const direction = h('select', { id: `${id}-direction`, class: 'skpi-direction' },
        option('higher', L('higher'), target.direction === 'higher'),
        option('lower', L('lower'), target.direction === 'lower'));
      direction.addEventListener('change', () => controller.setDirection(info.id, direction.value === 'lower' ? 'lower' : 'higher'));
      const hasTarget = takesTarget(info.id);
      if (hasTarget) fields.set(key, { input, error });
      const row = h('li', { class: 'skpi-kpi', 'data-kpi': info.id },
        h('div', { class: 'skpi-kpi-head' },
          on,
          showDefinition(h('label', { for: `${id}-on`, class: 'skpi-kpi-name' }, name), info.definition[state.lang], true),
          h('span', { class: `skpi-tag skpi-tag-${info.perspective}` }, L(info.perspective))),
        hasTarget ? h('div', { class: 'skpi-kpi-fields' },
          h('label', { for: `${id}-target`, class: 'skpi-small' }, L('target')),
          h('span', { class: 'skpi-with-unit' }, input, unit ? h('span', { class: 'skpi-unit', id: `${id}-unit` }, unit) : null),
          h('label', { for: `${id}-direction`, class: 'skpi-vh' }, L('directionFor', { name })),
          direction) : showDefinition(h('p', { class: 'skpi-hint skpi-kpi-definition' }), info.definition[state.lang], false),
        hasTarget ? error : null);
      kpiRows.set(info.id, { row, controls: hasTarget ? [input, direction] : [] });
      return row;
    }));
    const none = available.length === 0 ? h('p', { class: 'skpi-hint' }, L('kpisNone')) : null;
    const missingList = missing.length === 0 ? null : h('details', { class: 'skpi-missing' },
      h('summary', {}, L('missingTitle', { count: missing.length })),
      h('ul', {}, ...missing.map(({ info, missing: roles }) => h('li', {},
        h('span', { class: 'skpi-missing-name' }, info.name[state.lang]), ' — ',
        h('span', { class: 'skpi-hint' }, L('needs', { roles: roles.map((r) => roleLabel(state.lang, r)).join(', ') }))))));
    replaceChildren(kpisBody, none, available.length ? list : null, missingList);
  }

  // ---------------------------------------------------------------- options
  function renderOptions(): void {
    for (const key of [SLA_FIELD, SERVICE_LEVEL_FIELD, BRAND_FIELD, REPORTING_FIELD, MIN_ANSWERS_FIELD, MIN_TICKETS_FIELD, PAUSE_FIELD, RESOLVED_FIELD]) fields.delete(key);
    if (state.phase !== 'ready') {
      replaceChildren(optionsBody);
      return;
    }
    const o = state.options;
    const period = h('select', { id: 'skpi-period' }, ...PERIODS.map((p) => option(p, L(PERIOD_KEYS[p]), o.period === p)));
    period.addEventListener('change', () => controller.setPeriod(period.value as PeriodName));

    const portable = h('input', { type: 'checkbox', id: 'skpi-portable', class: 'skpi-check', 'aria-describedby': 'skpi-portable-hint' });
    portable.checked = o.portable;
    portable.addEventListener('change', () => controller.setPortable(portable.checked));

    const slaError = h('p', { class: 'skpi-field-error', id: 'skpi-sla-error', hidden: true });
    const sla = h('input', { type: 'text', id: 'skpi-sla', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': 'skpi-sla-error' });
    sla.value = state.inputs[SLA_FIELD] ?? formatInputNumber(state.lang, o.slaHours);
    sla.addEventListener('input', () => controller.setSlaText(sla.value));

    const slError = h('p', { class: 'skpi-field-error', id: 'skpi-sl-error', hidden: true });
    const sl = h('input', { type: 'text', id: 'skpi-sl', inputmode: 'decimal', autocomplete: 'off', 'aria-describedby': 'skpi-sl-error' });
    sl.value = state.inputs[SERVICE_LEVEL_FIELD] ?? formatInputNumber(state.lang, o.serviceLevelSeconds ?? DEFAULT_SERVICE_LEVEL_SECONDS);
    sl.addEventListener('input', () => controller.setServiceLevelText(sl.value));

    const brandError = h('p', { class: 'skpi-field-error', id: 'skpi-brand-error', hidden: true });
    const brand = h('input', { type: 'text', id: 'skpi-brand', autocomplete: 'off', 'aria-describedby': 'skpi-brand-hint skpi-brand-error' });
    brand.value = state.inputs[BRAND_FIELD] ?? o.brandAttributes.join(', ');
    brand.addEventListener('input', () => controller.setBrandText(brand.value));

    const reportingError = h('p', { class: 'skpi-field-error', id: 'skpi-reporting-error', hidden: true });
    const reporting = h('input', {
      type: 'text', id: 'skpi-reporting', autocomplete: 'off', placeholder: state.lang === 'de' ? 'TT.MM.JJJJ' : 'YYYY-MM-DD',
      'aria-describedby': 'skpi-reporting-hint skpi-reporting-error',
    });
    reporting.value = state.inputs[REPORTING_FIELD] ?? reportingDateText(state.lang, o.reportingDate);
    reporting.addEventListener('input', () => controller.setReportingDateText(reporting.value));

    const minimum = (which: 'minAnswers' | 'minTickets', key: string, id: string): { input: HTMLInputElement; error: HTMLElement } => {
      const error = h('p', { class: 'skpi-field-error', id: `${id}-error`, hidden: true });
      const input = h('input', { type: 'text', id, inputmode: 'numeric', autocomplete: 'off', 'aria-describedby': `skpi-minimum-hint ${id}-error` });
      input.value = state.inputs[key] ?? formatInputNumber(state.lang, o[which]);
      input.addEventListener('input', () => controller.setMinimumText(which, input.value));
      fields.set(key, { input, error });
      return { input, error };
    };
    const minAnswers = minimum('minAnswers', MIN_ANSWERS_FIELD, 'skpi-min-answers');
    const minTickets = minimum('minTickets', MIN_TICKETS_FIELD, 'skpi-min-tickets');
    // A status log's statuses: shown once a column holds statuses.
    const statusFields = state.roles.some((r) => r.role === 'logStatus')
      ? (['pause', 'resolved'] as const).map((which) => {
        const key = which === 'pause' ? PAUSE_FIELD : RESOLVED_FIELD;
        const id = `skpi-${which}`;
        const error = h('p', { class: 'skpi-field-error', id: `${id}-error`, hidden: true });
        const input = h('input', { type: 'text', id, autocomplete: 'off', 'aria-describedby': `${id}-hint ${id}-error` });
        input.value = state.inputs[key] ?? (which === 'pause' ? o.pauseStatuses : o.resolvedStatuses)?.join(', ') ?? '';
        input.addEventListener('input', () => controller.setStatusText(which, input.value));
        fields.set(key, { input, error });
        return h('div', { class: 'skpi-field' }, h('label', { for: id }, L(which === 'pause' ? 'pauseStatuses' : 'resolvedStatuses')), input,
          h('p', { class: 'skpi-hint', id: `${id}-hint` }, L(which === 'pause' ? 'pauseHint' : 'resolvedHint')), error);
      })
      : [];

    const language = h('select', { id: 'skpi-language' },
      option('en', L('english'), o.language === 'en'), option('de', L('german'), o.language === 'de'));
    language.addEventListener('change', () => controller.setLanguage(language.value === 'de' ? 'de' : 'en'));

    fields.set(SLA_FIELD, { input: sla, error: slaError });
    fields.set(SERVICE_LEVEL_FIELD, { input: sl, error: slError });
    fields.set(BRAND_FIELD, { input: brand, error: brandError });
    fields.set(REPORTING_FIELD, { input: reporting, error: reportingError });
    replaceChildren(optionsBody,
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-period' }, L('period')), period),
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-reporting' }, L('reportingDate')), reporting,
        h('p', { class: 'skpi-hint', id: 'skpi-reporting-hint' }, L('reportingDateHint')), reportingError),
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-min-answers' }, L('minAnswers')), minAnswers.input, minAnswers.error),
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-min-tickets' }, L('minTickets')), minTickets.input,
        h('p', { class: 'skpi-hint', id: 'skpi-minimum-hint' }, L('minimumHint')), minTickets.error),
      h('div', { class: 'skpi-field skpi-field-check' },
        portable, h('label', { for: 'skpi-portable' }, L('portable')),
        h('p', { class: 'skpi-hint', id: 'skpi-portable-hint' }, L('portableHint'))),
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-sla' }, L('slaHours')), sla, slaError),
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-sl' }, L('serviceLevelSeconds')), sl, slError),
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-brand' }, L('brand')), brand,
        h('p', { class: 'skpi-hint', id: 'skpi-brand-hint' }, L('brandHint')), brandError),
      ...statusFields,
      h('div', { class: 'skpi-field' }, h('label', { for: 'skpi-language' }, L('language')), language));
  }

  // ---------------------------------------------------------------- messages and the run
  function updateFields(): void {
    for (const v of definitionViews) {
      if (v.asTitle) v.el.title = definition(v.text);
      else v.el.textContent = definition(v.text);
    }
    const errors = errorsOf(state);
    for (const [key, view] of fields) {
      const message = errors[key] ?? '';
      view.error.textContent = message;
      view.error.hidden = message === '';
      if (message) view.input.setAttribute('aria-invalid', 'true');
      else view.input.removeAttribute('aria-invalid');
    }
    for (const [id, { row, controls }] of kpiRows) {
      const enabled = state.targets[id]?.enabled !== false;
      row.classList.toggle('skpi-off', !enabled);
      for (const c of controls) c.disabled = !enabled;
    }
    const generalMessage = [errors[GENERAL_FIELD], state.saveError].filter(Boolean).join(' ');
    general.textContent = generalMessage;
    general.hidden = generalMessage === '';
  }

  function updateRun(change: Change): void {
    const run = state.run;
    const busy = run.kind === 'busy';
    generateButton.disabled = busy || state.phase !== 'ready';
    generateButton.setAttribute('aria-busy', busy ? 'true' : 'false');
    progress.hidden = !busy;
    if (busy) {
      progressText.textContent = stepText(state.lang, run.step);
      progressBar.value = run.fraction;
    }
    if (run.kind === 'done') {
      const r = run.result;
      replaceChildren(result,
        h('p', { class: 'skpi-success' }, r.kpis === 1 ? L('resultOne', { sheet: quote(r.sheetName, state.lang) }) : L('resultMany', { sheet: quote(r.sheetName, state.lang), count: r.kpis })),
        r.notes.length ? h('p', { class: 'skpi-notes-title' }, L('notes')) : null,
        // The notes quote workbook text already (core); escaping again keeps a host's own text safe too.
        r.notes.length ? h('ul', { class: 'skpi-notes' }, ...r.notes.map((n) => h('li', {}, printableLines(n)))) : null);
    } else if (run.kind !== 'busy') {
      replaceChildren(result);
    }
    alert.textContent = run.kind === 'error' ? run.message : state.phase === 'failed' ? state.loadError : '';
    if (change === 'run' && run.kind === 'error' && Object.keys(errorsOf(state)).length > 0) {
      // "Correct the marked fields": take the manager to the first one.
      const first = [...fields.entries()].find(([key]) => errorsOf(state)[key]);
      first?.[1].input.focus();
    }
  }

  function renderStatic(): void {
    app.setAttribute('lang', state.lang);
    title.textContent = L('title');
    intro.textContent = L('intro');
    notice.textContent = state.notice;
    notice.hidden = state.notice === '';
    columnsTitle.textContent = L('columnsTitle');
    columnsHint.textContent = L('columnsHint');
    kpisTitle.textContent = L('kpisTitle');
    kpisHint.textContent = L('kpisHint');
    optionsTitle.textContent = L('optionsTitle');
    generateButton.textContent = L('generate');
  }

  const render = (change: Change): void => {
    switch (change) {
      case 'all':
        renderStatic();
        renderColumns();
        renderKpis();
        renderOptions();
        break;
      case 'roles':
        updateColumns();
        renderKpis();
        renderOptions(); // the status-log fields come and go with a status column
        break;
      case 'targets':
        renderKpis();
        break;
      default:
        break;
    }
    updateFields();
    updateRun(change);
  };

  const unsubscribe = controller.subscribe(render);
  render('all');
  const ready = controller.load();
  return {
    controller,
    ready,
    destroy() {
      unsubscribe();
      controller.dispose();
      replaceChildren(root);
    },
  };
}
