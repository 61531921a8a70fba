/**
 * The preview's workbook: sheet tabs and a grid showing each cell's cached value in its number
 * format, status colours, data bars and a sparkline per TrendPicture. Sheet names and cell texts
 * are user data: they go in as text only.
 */
import type { LocalRef } from '../../core/scorecard/types.js';
import { h, replaceChildren } from '../dom.js';
import { cellAt } from '../memory-host.js';
import type { MemoryHost, MemoryCell, MemorySheet } from '../memory-host.js';
import { columnLetter, formatValue } from './format.js';
import type { Lang } from './format.js';
import { sparkline } from './sparkline.js';

export interface WorkbookViewOptions {
  readonly lang: Lang;
  /** Number formats of the data sheets' columns, by sheet name then 1-based column. */
  readonly formats?: Readonly<Record<string, Readonly<Record<number, string>>>>;
  /** Column widths (px) of the data sheets, by sheet name then 1-based column. */
  readonly widths?: Readonly<Record<string, Readonly<Record<number, number>>>>;
  /** Data sheets show this many rows (the scorecard shows all of its rows). */
  readonly maxRows?: number;
}

export interface WorkbookView {
  refresh(select?: string): void;
  selected(): string;
}

function inRef(ref: LocalRef, row: number, col: number): boolean {
  return row >= ref.row && row < ref.row + (ref.rows ?? 1) && col >= ref.col && col < ref.col + (ref.cols ?? 1);
}

function rawText(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (v === null || v === undefined) return '';
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

export function mountWorkbook(root: HTMLElement, host: MemoryHost, options: WorkbookViewOptions): WorkbookView {
  const doc = root.ownerDocument;
  const maxRows = options.maxRows ?? 200;
  let current = host.sheets()[0]?.name ?? '';
  const tabs = h('div', { class: 'pv-tabs', role: 'tablist', 'aria-label': 'Sheets' });
  const address = h('span', { class: 'pv-address', 'aria-label': 'Cell' });
  const content = h('span', { class: 'pv-content', 'aria-label': 'Formula or value' });
  const formulaBar = h('div', { class: 'pv-formula-bar' }, address, content);
  const panel = h('div', { class: 'pv-panel', role: 'tabpanel', id: 'pv-panel', tabindex: 0 });
  replaceChildren(root, formulaBar, panel, tabs);

  const showCell = (sheet: MemorySheet, row: number, col: number, cell: MemoryCell | undefined): void => {
    address.textContent = `${columnLetter(col)}${row}`;
    content.textContent = cell?.formula ?? (cell ? formatValue(cell.value, cell.numberFormat, options.lang) : '');
    panel.dataset.selected = `${sheet.name}!${columnLetter(col)}${row}`;
  };

  function renderTabs(): void {
    replaceChildren(tabs, ...host.sheets().map((sheet, i) => {
      const selected = sheet.name === current;
      const tab = h('button', {
        type: 'button', role: 'tab', class: `pv-tab${sheet.marker ? ' pv-tab-ours' : ''}`, id: `pv-tab-${i}`,
        'aria-selected': selected ? 'true' : 'false', 'aria-controls': 'pv-panel', tabindex: selected ? 0 : -1,
      }, sheet.name);
      tab.addEventListener('click', () => view.refresh(sheet.name));
      tab.addEventListener('keydown', (e) => {
        const all = host.sheets();
        const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        e.preventDefault();
        const next = all[(i + step + all.length) % all.length];
        view.refresh(next.name);
        (doc.getElementById(`pv-tab-${all.indexOf(next)}`) as HTMLElement | null)?.focus();
      });
      return tab;
    }));
    const i = host.sheets().findIndex((s) => s.name === current);
    if (i >= 0) panel.setAttribute('aria-labelledby', `pv-tab-${i}`);
  }

  function renderSheet(sheet: MemorySheet): void {
    const hidden = new Set(sheet.hiddenColumns);
    const cols: number[] = [];
    for (let c = 1; c <= Math.max(sheet.lastCol, 1); c++) if (!hidden.has(c)) cols.push(c);
    const lastRow = sheet.marker ? sheet.lastRow : Math.min(sheet.lastRow, maxRows);
    const formats = options.formats?.[sheet.name] ?? {};
    const headerRow = sheet.marker ? 0 : 1;
    const barMax = sheet.dataBars.map((ref) => {
      let max = 0;
      for (let r = ref.row; r < ref.row + (ref.rows ?? 1); r++) {
        for (let c = ref.col; c < ref.col + (ref.cols ?? 1); c++) {
          const v = cellAt(sheet, r, c)?.value;
          if (typeof v === 'number' && Math.abs(v) > max) max = Math.abs(v);
        }
      }
      return max;
    });

    const given = options.widths?.[sheet.name] ?? {};
    const widths = cols.map((c) => Math.max(24, Math.min(480, sheet.columnWidths[c] ?? given[c] ?? 110)));
    const colgroup = h('colgroup', {}, h('col', { style: 'width:40px' }), ...widths.map((w) => h('col', { style: `width:${w}px` })));
    const thead = h('thead', {}, h('tr', {}, h('th', { class: 'pv-corner' }),
      ...cols.map((c) => h('th', { scope: 'col', class: 'pv-colhead' }, columnLetter(c)))));
    const body = h('tbody');
    for (let r = 1; r <= lastRow; r++) {
      const tr = h('tr', { 'data-row': r }, h('th', { scope: 'row', class: 'pv-rowhead' }, r));
      if (r <= sheet.frozenRows) tr.classList.add('pv-frozen');
      for (const c of cols) {
        const cell = cellAt(sheet, r, c);
        const format = cell?.numberFormat ?? (r > headerRow ? formats[c] : undefined);
        const td = h('td', { 'data-row': r, 'data-col': c });
        if (cell) {
          td.textContent = formatValue(cell.value, format, options.lang);
          td.dataset.value = rawText(cell.value);
          if (cell.formula) td.title = cell.formula;
          if (cell.style) td.classList.add(`pv-style-${cell.style}`);
          if (typeof cell.value === 'number' || cell.value instanceof Date) td.classList.add('pv-num');
          if (cell.fill) td.style.backgroundColor = cell.fill;
          if (cell.font) td.style.color = cell.font;
          if (r === headerRow) td.classList.add('pv-style-header');
        }
        sheet.dataBars.forEach((ref, b) => {
          const v = cell?.value;
          if (inRef(ref, r, c) && typeof v === 'number' && barMax[b] > 0) {
            const pct = Math.round((Math.abs(v) / barMax[b]) * 100);
            td.style.backgroundImage = `linear-gradient(90deg, rgba(99,142,198,0.45) ${pct}%, transparent ${pct}%)`;
          }
        });
        for (const trend of sheet.trends) {
          if (trend.cell.row === r && trend.cell.col === c) {
            td.classList.add('pv-trend');
            td.appendChild(sparkline(doc, trend));
          }
        }
        // Text runs on over empty neighbours, as in a spreadsheet.
        const next = cols[cols.indexOf(c) + 1];
        if (cell && typeof cell.value === 'string' && next !== undefined && !cellAt(sheet, r, next)) td.classList.add('pv-spill');
        td.addEventListener('click', () => showCell(sheet, r, c, cell));
        tr.appendChild(td);
      }
      body.appendChild(tr);
    }
    const more = sheet.lastRow - lastRow;
    const table = h('table', { class: `pv-grid${sheet.marker ? ' pv-scorecard' : ''}`, 'data-sheet': sheet.name }, colgroup, thead, body);
    // A fixed layout needs the table's width: columns then keep the widths the sheet gives them.
    table.style.width = `${40 + widths.reduce((a, w) => a + w, 0)}px`;
    replaceChildren(panel, table,
      more > 0 ? h('p', { class: 'pv-more' }, `… ${more.toLocaleString('en')} more rows`) : null,
      sheet.notes.length ? h('ul', { class: 'pv-notes' }, ...sheet.notes.map((n) => h('li', {}, n))) : null);
    address.textContent = '';
    content.textContent = '';
  }

  const view: WorkbookView = {
    refresh(select) {
      if (select !== undefined) current = select;
      if (!host.sheet(current)) current = host.sheets()[0]?.name ?? '';
      renderTabs();
      const sheet = host.sheet(current);
      if (sheet) renderSheet(sheet);
      else replaceChildren(panel);
    },
    selected: () => current,
  };
  view.refresh();
  return view;
}
