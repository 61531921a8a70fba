/**
 * Reading back a previous scorecard (core/scorecard/previous.ts) and carrying the manager's cells
 * into the new one (plan/kept-cells.ts): the cases of issue 14 as the core sees them. The hosts'
 * own tests (memory host, CLI, Excel, Sheets) run the same cases through their sheets.
 */
import { describe, expect, it } from 'vitest';
import type { ExistingSheet } from '../../core/scorecard/api.js';
import { columnLetters } from '../../core/scorecard/formula.js';
import { COL, FIRST_KPI_ROW, HEADER_ROW, buildPlan, planValues } from '../../core/scorecard/plan.js';
import { looksLikeScorecard, MAX_USER_CELLS, parseMarker, readPrevious } from '../../core/scorecard/previous.js';
import type { SheetCells } from '../../core/scorecard/previous.js';
import { chooseSheetName } from '../../core/scorecard/sheet-name.js';
import type { GenerateRequest, PlanCell, ScorecardPlan } from '../../core/scorecard/types.js';
import { wallClock } from '../../core/values/clock.js';
import { PLAN_OUTLINE, PLAN_WORKBOOK, planRequest } from '../fixtures/plan-workbook.js';

const CLOCK = wallClock('UTC');
const ALL_ON: GenerateRequest['targets'] = { brandAttributes: { target: null, direction: 'higher', enabled: true } };

function plan(existing: readonly ExistingSheet[] = [], options: Partial<GenerateRequest['options']> = {}, targets = ALL_ON): ScorecardPlan {
  return buildPlan({ data: PLAN_WORKBOOK, outline: PLAN_OUTLINE, request: planRequest(options, targets), dialect: 'sheets', existing });
}

/** The plan as a host reads its sheet back: cached values, then what the manager typed over them. */
function sheetOf(p: ScorecardPlan, typed: Record<string, unknown> = {}): { row: number; col: number; values: unknown[][] } {
  const cells = new Map<string, unknown>(planValues(p));
  for (const [k, v] of Object.entries(typed)) cells.set(k, v);
  let rows = 0, cols = 0;
  for (const k of cells.keys()) {
    const [r, c] = k.split(':').map(Number);
    rows = Math.max(rows, r);
    cols = Math.max(cols, c);
  }
  const values: unknown[][] = [];
  for (let r = 1; r <= rows; r++) {
    const line: unknown[] = [];
    for (let c = 1; c <= cols; c++) line.push(cells.get(`${r}:${c}`) ?? '');
    values.push(line);
  }
  return { row: 1, col: 1, values };
}

const cellAt = (p: ScorecardPlan, row: number, col: number): PlanCell | undefined => {
  for (const b of p.blocks) {
    const cell = b.cells[row - b.row]?.[col - b.col];
    if (cell) return cell;
  }
  return undefined;
};

const rowOf = (p: ScorecardPlan, id: string): number => p.marker.targetCells[id].row;

/** Regenerates over `p` read back with `typed` cells, under the name `name`. */
function regenerate(p: ScorecardPlan, typed: Record<string, unknown>, options: Partial<GenerateRequest['options']> = {}, name = p.sheetName): ScorecardPlan {
  const previous = readPrevious(name, JSON.stringify(p.marker), sheetOf(p, typed), CLOCK);
  return plan([previous], options);
}

describe('reading back a previous scorecard', () => {
  it('finds nothing of the manager\'s on an untouched scorecard: every cell is in the marker\'s areas', () => {
    const first = plan();
    const back = readPrevious(first.sheetName, first.marker, sheetOf(first), CLOCK);
    expect(back).toMatchObject({ name: 'KPI Scorecard', ours: true, wanted: 'KPI Scorecard' });
    expect(back.userCells).toBeUndefined();
    // The targets are the ones on the sheet (the catalog's defaults here), by KPI.
    expect(back.targets).toEqual(Object.fromEntries(Object.entries(first.marker.targetCells).map(([id, ref]) => [id, cellAt(first, ref.row, ref.col)?.value ?? null])));
  });

  it('reads a target typed as text as the number it is (45, "80 %", "0,9"), and keeps any other text as a note', () => {
    const first = plan();
    const nps = rowOf(first, 'nps'), csat = rowOf(first, 'csat'), fcr = rowOf(first, 'fcr');
    const sla = rowOf(first, 'sla');
    const typed = { [`${nps}:${COL.target}`]: '45', [`${csat}:${COL.target}`]: '80 %', [`${fcr}:${COL.target}`]: '0,9', [`${sla}:${COL.target}`]: 'ask Ana' };
    const back = readPrevious(first.sheetName, first.marker, sheetOf(first, typed), CLOCK);
    expect(back.targets).toMatchObject({ nps: 45, csat: 0.8, fcr: 0.9, sla: null });
    expect(back.userCells).toEqual([{ row: sla, col: COL.target, value: 'ask Ana' }]);

    const next = plan([back]);
    expect(cellAt(next, rowOf(next, 'nps'), COL.target)?.value).toBe(45);
    expect(cellAt(next, rowOf(next, 'csat'), COL.target)?.value).toBe(0.8);
    // The text could not stay in the target cell (the new scorecard writes it): it is a note now.
    const notes = next.marker.notes!;
    expect(cellAt(next, notes.row, COL.kpi)?.value).toBe(`${columnLetters(COL.target)}${sla}`);
    expect(cellAt(next, notes.row, COL.kpi + 1)?.value).toBe('ask Ana');
    expect(next.notes.join(' ')).toMatch(/Kept the targets typed on the previous scorecard: [^.]*Net Promoter Score/);
    expect(next.notes.join(' ')).toContain(`1 cell you wrote on the previous scorecard was where the new scorecard puts its own cells: moved to "Your notes" (row ${notes.row}), with the cell it was in.`);
  });

  it('finds the targets again by the KPI\'s name when the manager inserted rows above', () => {
    const first = plan();
    const nps = rowOf(first, 'nps');
    const cells = sheetOf(first, { [`${nps}:${COL.target}`]: 50 });
    // Two rows inserted above the KPI rows (after the header): everything below moves down by two.
    const values = [...cells.values.slice(0, HEADER_ROW), ['mine', ''], [], ...cells.values.slice(HEADER_ROW)];
    const back = readPrevious(first.sheetName, first.marker, { ...cells, values }, CLOCK);
    expect(back.targets?.nps).toBe(50);
  });

  it('trusts the marker only on a sheet that is a scorecard: a data sheet carrying it is data, and the plan says so', () => {
    const first = plan();
    const data: SheetCells = { row: 1, col: 1, values: [['Date', 'Score'], ...Array.from({ length: 1200 }, (_, i) => [45000 + i, i % 11])] };
    expect(looksLikeScorecard(data)).toBe(false);
    const back = readPrevious('Survey', first.marker, data, CLOCK);
    expect(back).toEqual({ name: 'Survey', ours: false, markerIgnored: true });
    const next = plan([back, { name: 'KPI Scorecard', ours: false }]);
    expect(next.replaces).toBeUndefined();
    expect(next.sheetName).toBe('KPI Scorecard (2)');
    expect(next.notes.join(' ')).toContain('The sheet "Survey" carries the scorecard\'s marker but is not a scorecard');
  });

  it('refuses a marker that is not ours or is malformed: wrong key, huge lists, prototype keys are not trusted', () => {
    const first = plan();
    const cells = sheetOf(first);
    expect(readPrevious('x', '{not json', cells, CLOCK).markerIgnored).toBe(true);
    expect(readPrevious('x', { ...first.marker, key: 'other' }, cells, CLOCK).markerIgnored).toBe(true);
    expect(readPrevious('x', { ...first.marker, kpis: Array(201).fill('nps') }, cells, CLOCK).markerIgnored).toBe(true);
    expect(parseMarker({ ...first.marker, targetCells: { nps: { row: 0, col: 1 } } })).toBeNull();
    expect(parseMarker({ ...first.marker, targetCells: { nps: { row: 2e6, col: 1 } } })).toBeNull();
    // A target cell named after a prototype property is no KPI: nothing is read from it.
    const proto = JSON.parse(`{"key":"service-kpi.scorecard","version":1,"kpis":[],"targetCells":{"__proto__":{"row":5,"col":7}}}`) as unknown;
    const back = readPrevious('x', proto, cells, CLOCK);
    expect(Object.getPrototypeOf(back.targets)).toBe(Object.prototype);
  });
});

describe('regenerating keeps what the manager wrote', () => {
  it('carries notes in Z3 and A80 over to the same cells, formulas and formats included, and says so', () => {
    const first = plan();
    const next = regenerate(first, { '3:26': 'check with Ana', '80:1': 'Q3 review done', '81:1': 42 });
    expect(cellAt(next, 3, 26)).toMatchObject({ value: 'check with Ana', userText: true });
    expect(cellAt(next, 80, 1)).toMatchObject({ value: 'Q3 review done' });
    expect(cellAt(next, 81, 1)).toMatchObject({ value: 42 });
    expect(next.blocks.filter((b) => b.user).map((b) => [b.row, b.col])).toEqual([[3, 26], [80, 1]]);
    expect(next.notes.join(' ')).toContain('Kept the 3 cells you wrote on the previous scorecard where they were.');
    expect(next.marker.notes).toBeUndefined();

    // A formula of the manager's travels as its text, with its last value and its format. It sits
    // below everything the scorecard writes (the merged blocks reach past row 90 now).
    const below = sheetOf(first).values.length + 5;
    const back: ExistingSheet = { name: 'KPI Scorecard', ours: true, userCells: [{ row: below, col: 2, value: 7, formula: '=C5*2', numberFormat: '0.0' }] };
    expect(cellAt(plan([back]), below, 2)).toEqual({ value: 7, userFormula: '=C5*2', numberFormat: '0.0' });
  });

  it('moves a cell the new layout writes to "Your notes", with the cell it was in, and keeps the entry on the next regeneration', () => {
    // The blank row after the KPI rows is free: the manager writes there.
    const first = plan();
    const free = FIRST_KPI_ROW + Object.keys(first.marker.targetCells).length;
    const back = readPrevious(first.sheetName, first.marker, sheetOf(first, { [`${HEADER_ROW}:${COL.kpi}`]: 'KPI', [`${free}:${COL.kpi}`]: 'my remark' }), CLOCK);
    expect(back.userCells).toEqual([{ row: free, col: COL.kpi, value: 'my remark' }]);

    // The header cell it collides with is the add-on's; a cell inside a new KPI row is moved.
    const collide: ExistingSheet = { ...back, userCells: [{ row: FIRST_KPI_ROW, col: COL.definition, value: 'see wiki' }, { row: 3, col: 26, value: 'stays' }] };
    const next = plan([collide]);
    const notes = next.marker.notes!;
    expect(notes.rows).toBe(1);
    expect(cellAt(next, notes.row - 2, COL.kpi)?.value).toBe('Your notes');
    expect(cellAt(next, notes.row, COL.kpi)?.value).toBe(`${columnLetters(COL.definition)}${FIRST_KPI_ROW}`);
    expect(cellAt(next, notes.row, COL.kpi + 1)?.value).toBe('see wiki');
    expect(cellAt(next, FIRST_KPI_ROW, COL.definition)?.value).not.toBe('see wiki');
    expect(cellAt(next, 3, 26)?.value).toBe('stays');
    expect(next.notes.join(' ')).toContain('1 cell you wrote on the previous scorecard was where the new scorecard puts its own cells: moved to "Your notes"');

    // Regenerating again: the entry stays an entry, with the cell it was first in.
    const again = regenerate(next, {});
    const n2 = again.marker.notes!;
    expect(cellAt(again, n2.row, COL.kpi)?.value).toBe(`${columnLetters(COL.definition)}${FIRST_KPI_ROW}`);
    expect(cellAt(again, n2.row, COL.kpi + 1)?.value).toBe('see wiki');
    expect(cellAt(again, 3, 26)?.value).toBe('stays');
    expect(again.notes.join(' ')).toContain('Kept the entry of "Your notes"');
  });

  it('keeps the manager\'s number format of a target cell', () => {
    const first = plan();
    const csat = rowOf(first, 'csat');
    const cells = sheetOf(first, { [`${csat}:${COL.target}`]: 0.825 });
    const formats = cells.values.map((line) => line.map(() => ''));
    formats[csat - 1][COL.target - 1] = '0.00%';
    const back = readPrevious(first.sheetName, first.marker, { ...cells, formats }, CLOCK);
    expect(back.targetFormats).toEqual({ csat: '0.00%' });
    expect(cellAt(plan([back]), csat, COL.target)).toMatchObject({ value: 0.825, numberFormat: '0.00%' });
  });

  it('does not replace a scorecard holding more cells of the manager\'s than it carries over: the new one goes beside it', () => {
    const many = Array.from({ length: MAX_USER_CELLS + 1 }, (_, i) => ({ row: 121 + i, col: 1, value: i }));
    const first = plan();
    const top = sheetOf(first).values;
    const big = readPrevious('KPI Scorecard', first.marker, { row: 1, col: 1, values: [...top, ...Array.from({ length: 120 - top.length }, () => []), ...many.map((m) => [m.value])] }, CLOCK);
    expect(big).toMatchObject({ ours: true, keep: 'too many cells' });
    expect(big.userCells).toHaveLength(MAX_USER_CELLS + 1);
    const kept: ExistingSheet = { name: 'KPI Scorecard', ours: true, userCells: many, keep: 'too many cells' };
    const next = plan([kept]);
    expect(next.replaces).toBeUndefined();
    expect(next.sheetName).toBe('KPI Scorecard (2)');
    expect(next.notes.join(' ')).toContain('holds more than 5,000 cells of yours');
  });
});

describe('the reporting date on regeneration: typed on the sheet or in the settings, whichever changed', () => {
  // Serial days of the dates, computed apart from the engine.
  const serial = (y: number, m: number, d: number): number => (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  const dateCell = (p: ScorecardPlan): { row: number; col: number } => p.marker.reportingDateCell!;
  const typedAt = (p: ScorecardPlan, v: unknown): Record<string, unknown> => ({ [`${dateCell(p).row}:${dateCell(p).col}`]: v });

  it('keeps a date the manager typed on the scorecard, over and over, until the settings change', () => {
    const auto = { reportingDate: null };
    const first = plan([], auto);
    expect(cellAt(first, dateCell(first).row, dateCell(first).col)?.value ?? '').toBe('');
    const next = regenerate(first, typedAt(first, serial(2026, 3, 31)), auto);
    expect(cellAt(next, dateCell(next).row, dateCell(next).col)?.value).toBe(serial(2026, 3, 31));
    expect(next.notes.join(' ')).toContain("Kept the reporting date typed on the previous scorecard (2026-03-31) rather than the settings' (automatic).");
    // Untouched since: still the typed date, not the settings' blank.
    const again = regenerate(next, {}, auto);
    expect(cellAt(again, dateCell(again).row, dateCell(again).col)?.value).toBe(serial(2026, 3, 31));
    // The settings change afterwards: they win now.
    const changed = regenerate(again, {}, { reportingDate: '2026-02-28' });
    expect(cellAt(changed, dateCell(changed).row, dateCell(changed).col)?.value).toBe(serial(2026, 2, 28));
    expect(changed.notes.join(' ')).not.toContain('Kept the reporting date');
  });

  it('takes a date changed in the settings when the sheet was left alone, and a cleared cell as automatic', () => {
    const first = plan([], { reportingDate: '2026-03-31' });
    expect(cellAt(first, dateCell(first).row, dateCell(first).col)?.value).toBe(serial(2026, 3, 31));
    const moved = regenerate(first, {}, { reportingDate: '2026-04-30' });
    expect(cellAt(moved, dateCell(moved).row, dateCell(moved).col)?.value).toBe(serial(2026, 4, 30));
    // The manager clears the cell on the sheet: automatic, though the settings still hold a date.
    const cleared = regenerate(moved, typedAt(moved, ''), { reportingDate: '2026-04-30' });
    expect(cellAt(cleared, dateCell(cleared).row, dateCell(cleared).col)?.value ?? '').toBe('');
    expect(cleared.notes.join(' ')).toContain("Kept the reporting date typed on the previous scorecard (automatic) rather than the settings' (2026-04-30).");
    // ISO text typed on the sheet is a date too.
    const text = regenerate(moved, typedAt(moved, '2026-01-31'), { reportingDate: '2026-04-30' });
    expect(cellAt(text, dateCell(text).row, dateCell(text).col)?.value).toBe(serial(2026, 1, 31));
  });

  it('names text that is no date and writes the settings\' date, so the text is not lost without a word', () => {
    const first = plan([], { reportingDate: '2026-03-31' });
    const next = regenerate(first, typedAt(first, 'end of Q1'), { reportingDate: '2026-03-31' });
    expect(cellAt(next, dateCell(next).row, dateCell(next).col)?.value).toBe(serial(2026, 3, 31));
    expect(next.notes.join(' ')).toContain('reporting date held "end of Q1", which is no date');
  });

  it('lets the settings win over a scorecard written before the marker remembered the date it wrote', () => {
    const first = plan([], { reportingDate: null });
    const { inputValues: _, ...older } = first.marker;
    const previous = readPrevious(first.sheetName, JSON.stringify(older), sheetOf(first, typedAt(first, serial(2026, 3, 31))), CLOCK);
    const next = plan([previous], { reportingDate: '2026-02-28' });
    expect(cellAt(next, dateCell(next).row, dateCell(next).col)?.value).toBe(serial(2026, 2, 28));
  });
});

describe('finding the previous scorecard whatever it is called', () => {
  const targets = { nps: 45 };

  it('finds a renamed scorecard by the name it was asked for, and keeps its name', () => {
    const existing: ExistingSheet[] = [{ name: 'Survey', ours: false }, { name: 'Team Q3', ours: true, wanted: 'KPI Scorecard', targets }];
    expect(chooseSheetName('KPI Scorecard', existing)).toMatchObject({ name: 'Team Q3', replaces: 'Team Q3', targets, renamed: false });
    const next = plan(existing);
    expect(next).toMatchObject({ sheetName: 'Team Q3', replaces: 'Team Q3' });
    expect(cellAt(next, rowOf(next, 'nps'), COL.target)?.value).toBe(45);
  });

  it('finds it after the language was switched (the other default name)', () => {
    const english: ExistingSheet = { name: 'KPI Scorecard', ours: true, wanted: 'KPI Scorecard', targets };
    const next = plan([english], { language: 'de', sheetName: 'KPI-Scorecard' });
    expect(next).toMatchObject({ sheetName: 'KPI Scorecard', replaces: 'KPI Scorecard' });
    expect(cellAt(next, rowOf(next, 'nps'), COL.target)?.value).toBe(45);
    // And a German scorecard read back by its German title and header.
    const back = readPrevious(next.sheetName, next.marker, sheetOf(next), CLOCK);
    expect(back.ours).toBe(true);
  });

  it('finds the only scorecard written before markers remembered their name, when a default name is wanted', () => {
    const old: ExistingSheet = { name: 'Renamed', ours: true, targets };
    expect(chooseSheetName('KPI-Scorecard', [old])).toMatchObject({ name: 'Renamed', replaces: 'Renamed' });
    // Two of them: which one is meant is unknown, so neither is replaced.
    expect(chooseSheetName('KPI Scorecard', [old, { ...old, name: 'Other' }])).toEqual({ name: 'KPI Scorecard', renamed: false });
  });
});
