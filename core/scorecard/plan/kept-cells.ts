/**
 * What the manager wrote on the previous scorecard, in the new one: every cell the add-on did not
 * write (previous.ts found them) goes back where it was when the new layout leaves that cell free,
 * and otherwise — or when it was an entry of "Your notes" already — into "Your notes" below the
 * scorecard, with the cell it was in. Nothing is dropped. The areas the new scorecard writes go
 * into its marker, so the next regeneration tells its cells from the manager's again.
 */
import type { Cell } from '../../values/context.js';
import type { UserCell } from '../api.js';
import { a1 } from '../formula.js';
import { MAX_ROWS } from '../sheet-limits.js';
import type { Area, LocalRef, PlanBlock, PlanCell } from '../types.js';
import type { PlanContext } from './context.js';
import { COL } from './layout.js';
import type { SpillingFormula } from './layout.js';

/**
 * The most blocks of the manager's cells written where they were (each is a write of its own in
 * Sheets: ~2 service calls). Cells beyond go to "Your notes", which is part of the scorecard's
 * one write.
 */
export const MAX_USER_BLOCKS = 200;

/** Rectangles of equal-width runs of non-null cells: each row's runs, merged with the same run below. */
function runsOf(cells: readonly { row: number; col: number }[]): Area[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const cols = byRow.get(c.row) ?? [];
    cols.push(c.col);
    byRow.set(c.row, cols);
  }
  const done: Area[] = [];
  let open = new Map<string, [number, number, number, number]>();
  let lastRow = -1;
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = byRow.get(r)!.sort((a, b) => a - b);
    const next = new Map<string, [number, number, number, number]>();
    let i = 0;
    while (i < cols.length) {
      let j = i;
      while (j + 1 < cols.length && cols[j + 1] === cols[j] + 1) j++;
      const k = `${cols[i]}:${j - i + 1}`;
      const above = r === lastRow + 1 ? open.get(k) : undefined;
      if (above) {
        open.delete(k);
        above[2]++;
        next.set(k, above);
      } else next.set(k, [r, cols[i], 1, j - i + 1]);
      i = j + 1;
    }
    for (const a of open.values()) done.push(a);
    open = next;
    lastRow = r;
  }
  for (const a of open.values()) done.push(a);
  return done;
}

/** The cells the plan's blocks write (non-null ones), spills and reserved spill room, trend cells and hidden columns. */
export function ownedAreas(ctx: PlanContext, blocks: readonly PlanBlock[], hiddenColumns: readonly number[]): Area[] {
  const cells: { row: number; col: number }[] = [];
  const out: Area[] = [];
  for (const b of blocks) {
    b.cells.forEach((line, r) => line.forEach((cell, c) => {
      if (!cell) return;
      cells.push({ row: b.row + r, col: b.col + c });
      const spill = (cell.formula as Partial<SpillingFormula> | undefined)?.spill;
      if (spill && spill.length > 0) out.push([b.row + r, b.col + c, spill.length, Math.max(1, ...spill.map((l) => l.length))]);
    }));
  }
  for (const t of ctx.trends) cells.push({ row: t.cell.row, col: t.cell.col });
  out.push(...runsOf(cells));
  for (const ref of ctx.reserved) out.push([ref.row, ref.col, ref.rows ?? 1, ref.cols ?? 1]);
  const sorted = [...hiddenColumns].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push([1, sorted[i], MAX_ROWS, j - i + 1]);
    i = j + 1;
  }
  return out;
}

const inArea = (a: Area, r: number, c: number): boolean => r >= a[0] && r < a[0] + a[2] && c >= a[1] && c < a[1] + a[3];

/** The plan cell of a cell the manager wrote, where it was. */
function cellInPlace(u: UserCell): PlanCell {
  return {
    value: u.value,
    ...(typeof u.value === 'string' ? { userText: true } : {}),
    ...(u.formula !== undefined ? { userFormula: u.formula } : {}),
    ...(u.numberFormat !== undefined ? { numberFormat: u.numberFormat } : {}),
  };
}

/** Its content as a "Your notes" entry: a formula as its text (its references would point elsewhere now). */
function noteContent(u: UserCell): PlanCell {
  const value: Cell = u.formula ?? u.value;
  return typeof value === 'string'
    ? { value, userText: true }
    : { value, ...(u.numberFormat !== undefined ? { numberFormat: u.numberFormat } : {}) };
}

export interface KeptResult {
  /** The "Your notes" entry rows (was-in column and content column), for the marker. */
  readonly notes?: LocalRef;
  /** The title and header of "Your notes": written by the add-on, so part of the marker's areas. */
  readonly areas: readonly Area[];
}

/**
 * Adds the manager's cells of the previous scorecard to the plan: blocks marked `user` where they
 * were, and "Your notes" from row `top` for the rest. `owned` are the areas the scorecard writes.
 */
export function keepUserCells(ctx: PlanContext, owned: readonly Area[], top: number): KeptResult {
  const cells = ctx.previous?.userCells ?? [];
  if (cells.length === 0) return { areas: [] };
  const { w, t } = ctx;
  const moved: UserCell[] = [];
  let inPlace: UserCell[] = [];
  for (const u of cells) {
    if (u.from !== undefined || owned.some((a) => inArea(a, u.row, u.col))) moved.push(u);
    else inPlace.push(u);
  }
  // Where they were, in blocks of adjacent cells; beyond MAX_USER_BLOCKS blocks, into the notes.
  const key = (u: { row: number; col: number }): string => `${u.row}:${u.col}`;
  let blocks = runsOf(inPlace).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (blocks.length > MAX_USER_BLOCKS) {
    const over = new Set<string>();
    for (const a of blocks.slice(MAX_USER_BLOCKS)) {
      for (let r = a[0]; r < a[0] + a[2]; r++) for (let c = a[1]; c < a[1] + a[3]; c++) over.add(`${r}:${c}`);
    }
    moved.push(...inPlace.filter((u) => over.has(key(u))));
    inPlace = inPlace.filter((u) => !over.has(key(u)));
  }
  // "Your notes" right below the scorecard; a cell kept in place where the notes go joins them.
  const notesHit = (u: UserCell): boolean =>
    moved.length > 0 && u.row >= top && u.row <= top + 1 + moved.length && u.col >= COL.kpi && u.col <= COL.kpi + 1;
  for (let hit = inPlace.filter(notesHit); hit.length > 0; hit = inPlace.filter(notesHit)) {
    moved.push(...hit);
    inPlace = inPlace.filter((u) => !notesHit(u));
  }

  const at = new Map(inPlace.map((u) => [key(u), u]));
  blocks = runsOf(inPlace).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  blocks.forEach((a, i) => {
    const rows: PlanCell[][] = [];
    for (let r = a[0]; r < a[0] + a[2]; r++) {
      const line: PlanCell[] = [];
      for (let c = a[1]; c < a[1] + a[3]; c++) line.push(cellInPlace(at.get(`${r}:${c}`)!));
      rows.push(line);
    }
    w.blocks.push({ id: `user:${i + 1}`, row: a[0], col: a[1], cells: rows, user: true });
  });
  if (inPlace.length > 0) ctx.notes.general.push(t.keptCells(inPlace.length));
  if (moved.length === 0) return { areas: [] };

  w.putValue(top, COL.kpi, t.yourNotes, { style: 'section' });
  w.putValue(top + 1, COL.kpi, t.wasIn, { style: 'header' });
  w.putValue(top + 1, COL.kpi + 1, t.content, { style: 'header' });
  w.addBlock('notes:title', top, COL.kpi, 2, 2);
  moved.forEach((u, i) => {
    const r = top + 2 + i;
    w.model.put(r, COL.kpi, { value: u.from || a1(u.row, u.col), userText: true, style: 'note' });
    w.model.put(r, COL.kpi + 1, noteContent(u));
  });
  // The entries are the manager's, not the add-on's: a user block, outside the marker's areas.
  w.blocks.push({ ...w.model.block('notes', top + 2, COL.kpi, moved.length, 2), user: true });
  const fresh = moved.filter((u) => u.from === undefined).length;
  ctx.notes.general.push(t.movedCells(fresh, moved.length - fresh, top + 2, top + 1 + moved.length));
  return { notes: { row: top + 2, col: COL.kpi, rows: moved.length, cols: 2 }, areas: [[top, COL.kpi, 2, 2]] };
}
