/**
 * Reading back a previous scorecard before it is replaced: is the marked sheet really ours, what
 * did the manager type as targets (also as text, also after inserting rows), and which cells did
 * the add-on not write — notes, extra rows, formulas of the manager's own — so that regeneration
 * carries them over instead of deleting them. Every host reads the sheet's cells its own way and
 * hands them here; the plan then places what is kept (plan/kept-cells.ts).
 *
 * The marker is data from a workbook, so it is validated like any input (zod, bounded), and it is
 * trusted only on a sheet that looks like our scorecard: our title in A1 and our header in A4:B4,
 * in English or German. A marker on anything else (a data sheet someone gave our defined name, a
 * sheet whose title was overwritten) makes the sheet data, and the plan says so.
 */
import * as z from 'zod/mini';
import type { WallClock } from '../values/clock.js';
import type { Cell } from '../values/context.js';
import { errorCode, isDateObject } from '../values/grid.js';
import { parseNumericText } from '../values/text.js';
import type { ExistingSheet, UserCell } from './api.js';
import { kpiInfoById } from './kpis.js';
import { COL, HEADER_ROW, HELPER_FIRST, NUMBER_FORMATS, TITLE_ROW, TREND_LAST } from './plan/layout.js';
import { TEXT } from './plan/texts.js';
import type { Area, LocalRef, PlanMarker } from './types.js';

z.config({ jitless: true });

export const MARKER_KEY: PlanMarker['key'] = 'service-kpi.scorecard';

import { MAX_COLS, MAX_ROWS, MAX_USER_CELLS } from './sheet-limits.js';

export { MAX_COLS, MAX_ROWS, MAX_USER_CELLS };

const row = z.int().check(z.minimum(1), z.maximum(MAX_ROWS));
const col = z.int().check(z.minimum(1), z.maximum(MAX_COLS));
const localRef = z.object({ row, col, rows: z.optional(row), cols: z.optional(col) });
const id = z.string().check(z.maxLength(64));
const inputText = z.string().check(z.maxLength(64));
const markerSchema = z.object({
  key: z.literal(MARKER_KEY),
  version: z.literal(1),
  kpis: z.array(id).check(z.maxLength(200)),
  targetCells: z.record(id, localRef).check(z.refine((r) => Object.keys(r).length <= 200)),
  inputCells: z.optional(z.record(id, localRef).check(z.refine((r) => Object.keys(r).length <= 50))),
  inputValues: z.optional(z.record(id, z.object({ written: inputText, asked: inputText })).check(z.refine((r) => Object.keys(r).length <= 50))),
  areas: z.optional(z.array(z.tuple([row, col, row, col])).check(z.maxLength(20_000))),
  notes: z.optional(localRef),
  wanted: z.optional(z.string().check(z.maxLength(100))),
});

/** The marker as a host stored it (JSON text or an object), or null when it is no marker of ours. */
export function parseMarker(raw: unknown): PlanMarker | null {
  let value = raw;
  if (typeof raw === 'string') {
    if (raw.length > 1_000_000) return null;
    try {
      value = JSON.parse(raw) as unknown;
    } catch {
      return null;
    }
  }
  const parsed = markerSchema.safeParse(value);
  return parsed.success ? (parsed.data as PlanMarker) : null;
}

/** Cells of a sheet as a host read them (its used range, or a part of it). */
export interface SheetCells {
  /** Sheet row and column (1-based) of `values[0][0]`. */
  readonly row: number;
  readonly col: number;
  /** Values; Excel hands `range.formulas` here (constants as values, formulas as "=…" text). Rows may be holes. */
  readonly values: readonly (readonly unknown[] | undefined)[];
  /** Formulas ("" for constants), for a host that reads them apart from the values (Sheets). */
  readonly formulas?: readonly (readonly unknown[] | undefined)[];
  /** Number formats, parallel to `values`. */
  readonly formats?: readonly (readonly unknown[] | undefined)[];
}

const at = (grid: SheetCells['values'] | undefined, cells: SheetCells, r: number, c: number): unknown =>
  grid?.[r - cells.row]?.[c - cells.col];

const blank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** True when the sheet's top is our scorecard's: the title in A1 and the header's first cells in row 4. */
export function looksLikeScorecard(cells: SheetCells): boolean {
  const text = (r: number, c: number): string => {
    const v = at(cells.values, cells, r, c);
    return typeof v === 'string' ? v.trim() : '';
  };
  return (['en', 'de'] as const).some((lang) => text(TITLE_ROW, 1) === TEXT[lang].title
    && text(HEADER_ROW, COL.perspective) === TEXT[lang].headers[0] && text(HEADER_ROW, COL.kpi) === TEXT[lang].headers[1]);
}

/**
 * What the add-on wrote on a scorecard whose marker lists no areas (written before markers did):
 * the title, the header, the KPI rows up to the last target row, and the hidden helper columns.
 * Tables and the "Data used" block below the rows are then read as the manager's (carried over,
 * or moved to "Your notes" when in the way): nothing is lost, at worst something is kept twice.
 */
function legacyAreas(marker: PlanMarker): Area[] {
  const last = Math.max(HEADER_ROW, ...Object.values(marker.targetCells).map((r) => r.row));
  return [[TITLE_ROW, 1, 3, 1], [HEADER_ROW, 1, last - HEADER_ROW + 1, TREND_LAST], [1, HELPER_FIRST, MAX_ROWS, MAX_COLS - HELPER_FIRST + 1]];
}

const inArea = (a: Area, r: number, c: number): boolean => r >= a[0] && r < a[0] + a[2] && c >= a[1] && c < a[1] + a[3];
const inRef = (ref: LocalRef, r: number, c: number): boolean =>
  r >= ref.row && r < ref.row + (ref.rows ?? 1) && c >= ref.col && c < ref.col + (ref.cols ?? 1);

/** A cell value as the plan carries it: Dates as serials on the sheet's clock; undefined for a blank or what no cell holds. */
function cellOf(v: unknown, clock: WallClock): Cell | undefined {
  if (blank(v)) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDateObject(v)) {
    const ms = v.getTime();
    return Number.isFinite(ms) ? clock.serialOfInstant(ms) : undefined;
  }
  return errorCode(v);
}

/** A typed target: a number, numeric text (`80 %`, `0,85`), or — for anything else — the text to keep. */
function targetOf(v: Cell | undefined): number | null | { readonly text: Cell } {
  if (v === undefined) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = parseNumericText(v.trim());
    return typeof n === 'number' && Number.isFinite(n) ? n : { text: v };
  }
  return { text: v };
}

/** The row of a KPI on the sheet: the marker's, unless rows were inserted or deleted above it (then found by its name). */
function kpiRowOf(cells: SheetCells, kpiId: string, markerRow: number): number | undefined {
  const info = kpiInfoById(kpiId);
  if (!info) return markerRow;
  const names = new Set([info.name.en, info.name.de]);
  const named = (r: number): boolean => {
    const v = at(cells.values, cells, r, COL.kpi);
    return typeof v === 'string' && names.has(v.trim());
  };
  if (named(markerRow)) return markerRow;
  for (let r = cells.row; r < cells.row + cells.values.length; r++) if (r > HEADER_ROW && named(r)) return r;
  return undefined;
}

/**
 * A marked sheet read back: not ours (data, with `markerIgnored`) unless its marker is valid and
 * its top is our scorecard's; else its typed targets, inputs, target formats and the manager's cells.
 */
export function readPrevious(name: string, rawMarker: unknown, cells: SheetCells, clock: WallClock): ExistingSheet {
  const marker = parseMarker(rawMarker);
  if (!marker || !looksLikeScorecard(cells)) return { name, ours: false, markerIgnored: true };

  const valueAt = (r: number, c: number): Cell | undefined => cellOf(at(cells.values, cells, r, c), clock);
  const formulaAt = (r: number, c: number): string | undefined => {
    const f = at(cells.formulas ?? cells.values, cells, r, c);
    return typeof f === 'string' && f.startsWith('=') && f.length > 1 ? f : undefined;
  };
  const formatAt = (r: number, c: number): string | undefined => {
    const f = at(cells.formats, cells, r, c);
    return typeof f === 'string' && f !== '' && f !== 'General' ? f : undefined;
  };
  const taken = new Set<string>();
  const key = (r: number, c: number): string => `${r}:${c}`;
  const userCells: UserCell[] = [];
  const keep = (r: number, c: number, value: Cell, from?: string): void => {
    const formula = formulaAt(r, c);
    const numberFormat = formatAt(r, c);
    userCells.push({
      row: r, col: c, value,
      ...(formula !== undefined ? { formula } : {}), ...(numberFormat !== undefined ? { numberFormat } : {}), ...(from !== undefined ? { from } : {}),
    });
  };

  // Targets: by the marker's cells, found again by the KPI's name when rows moved.
  const targets: Record<string, number | null> = {};
  const targetFormats: Record<string, string> = {};
  for (const [kpi, ref] of Object.entries(marker.targetCells)) {
    const r = kpiRowOf(cells, kpi, ref.row);
    if (r === undefined) continue;
    taken.add(key(r, ref.col));
    const typed = targetOf(valueAt(r, ref.col));
    if (typeof typed === 'object' && typed !== null) {
      targets[kpi] = null;
      keep(r, ref.col, typed.text);
    } else targets[kpi] = typed;
    const unit = kpiInfoById(kpi)?.unit;
    const format = formatAt(r, ref.col);
    if (format !== undefined && unit !== undefined && format !== NUMBER_FORMATS[unit]) targetFormats[kpi] = format;
  }
  const inputs: Record<string, Cell> = {};
  for (const [k, ref] of Object.entries(marker.inputCells ?? {})) {
    taken.add(key(ref.row, ref.col));
    const v = valueAt(ref.row, ref.col);
    if (v !== undefined) inputs[k] = v;
  }

  // "Your notes" of an earlier regeneration: each row an entry (the cell it was in, its content).
  const notes = marker.notes;
  if (notes) {
    for (let r = notes.row; r < notes.row + (notes.rows ?? 1); r++) {
      const content = valueAt(r, notes.col + 1);
      const from = valueAt(r, notes.col);
      taken.add(key(r, notes.col));
      taken.add(key(r, notes.col + 1));
      if (content !== undefined) keep(r, notes.col + 1, content, from === undefined ? '' : String(from));
    }
  }

  // Everything else the add-on did not write.
  const areas = marker.areas ?? legacyAreas(marker);
  cells.values.forEach((line, i) => {
    if (!line) return;
    const r = cells.row + i;
    for (let j = 0; j < line.length; j++) {
      const c = cells.col + j;
      if (taken.has(key(r, c))) continue;
      const v = cellOf(line[j], clock);
      if (v === undefined && formulaAt(r, c) === undefined) continue;
      if (areas.some((a) => inArea(a, r, c))) continue;
      if (notes && inRef({ ...notes, cols: 2 }, r, c)) continue;
      keep(r, c, v ?? '');
    }
  });

  return {
    name, ours: true, targets,
    ...(Object.keys(inputs).length > 0 ? { inputs } : {}),
    ...(marker.inputValues ? { inputValues: marker.inputValues } : {}),
    ...(Object.keys(targetFormats).length > 0 ? { targetFormats } : {}),
    ...(userCells.length > 0 ? { userCells } : {}),
    ...(marker.wanted !== undefined ? { wanted: marker.wanted } : {}),
    ...(userCells.length > MAX_USER_CELLS ? { keep: 'too many cells' as const } : {}),
  };
}
