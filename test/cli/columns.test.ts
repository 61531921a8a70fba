/**
 * Sheets held by column (cli/sheet-columns.ts, core/scorecard/columns.ts) read exactly as the same
 * sheets held by row. The readers fill columns for big inputs, and the plan then takes fast paths
 * over them (evaluate/arrays.ts typed ranges, criteria.ts numeric scans, fused.ts, natives.ts MIN/MAX,
 * plan/column-facts.ts readability, flags, numbers and repeated ids, detection-report.ts date
 * orders); each must give what the general reading of the rows gives. On random workbooks
 * (random-workbook.ts: blanks, text noise, text dates, flag words, logs with repeated ids, rows the
 * catalog rejects) the same sheets are given once as rows and once by column, and the outline, the
 * detection report and the whole plan — every cell, formula, cached value and note, live and
 * portable — must be equal.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { ticketRows } from '../../core/kpis/per-ticket.js';
import { TypedColumn } from '../../core/values/typed-column.js';
import type { ColumnSlice } from '../../core/scorecard/columns.js';
import { sliceFirstUnreadable, sliceFlagCriteria, sliceKeysMayRepeat, sliceNumbers } from '../../core/scorecard/plan/column-facts.js';
import { firstUnreadable, flagCriteria } from '../../core/scorecard/portable.js';
import { detectWorkbook } from '../../core/scorecard/detect.js';
import { wallClock } from '../../core/values/clock.js';
import { toGrid } from '../../core/values/grid.js';
import { readNumbers } from '../../core/values/read.js';
import { detectionReport } from '../../core/scorecard/detection-report.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { buildPlan } from '../../core/scorecard/plan.js';
import type { SheetData, WorkbookData } from '../../core/scorecard/types.js';
import { columnarSheetData, ColumnsBuilder } from '../../cli/sheet-columns.js';
import type { BlankCells } from '../../cli/sheet-columns.js';
import { knobsArbitrary, randomRequest, randomWorkbook } from '../scorecard/random-workbook.js';

/** The sheet's cells by column, and the same cells as rows made from those columns (no columns). */
function bothWays(sheet: SheetData, blanks: BlankCells): { byColumn: SheetData; byRow: SheetData } {
  const b = new ColumnsBuilder(4);
  sheet.values.forEach((row, r) => {
    if (!row) return;
    if (blanks === 'null') b.rowLength(r, row.length);
    row.forEach((v, c) => b.value(r, c, v));
  });
  const store = b.finish(blanks);
  return {
    byColumn: columnarSheetData(sheet.name, store, sheet.originRow, sheet.originCol),
    byRow: { name: sheet.name, values: store.rows() as unknown[][], originRow: sheet.originRow, originCol: sheet.originCol },
  };
}

function split(data: WorkbookData, blanks: BlankCells): { byColumn: WorkbookData; byRow: WorkbookData } {
  const sheets = data.sheets.map((s) => bothWays(s, blanks));
  return {
    byColumn: { ...data, sheets: sheets.map((s) => s.byColumn) },
    byRow: { ...data, sheets: sheets.map((s) => s.byRow) },
  };
}

describe('a sheet held by column', () => {
  it('gives back the rows it was filled with (numbers, dates, text, booleans, blanks, rows in any order)', () => {
    const cell = fc.oneof(
      fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer(), fc.string({ maxLength: 6 }),
      fc.boolean(), fc.date({ min: new Date(-2e12), max: new Date(4e12), noInvalidDate: true }),
    );
    fc.assert(fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 30 }), fc.boolean(), (rows, reversed) => {
      const b = new ColumnsBuilder(2);
      const order = rows.map((_, i) => i);
      if (reversed) order.reverse();
      for (const r of order) {
        b.rowLength(r, rows[r].length);
        rows[r].forEach((v, c) => b.value(r, c, v));
      }
      const store = b.finish('null');
      const expected = rows.map((row) => row.map((v) => (v instanceof Date ? new Date(v.getTime()) : v)));
      expect(store.rows()).toEqual(expected);
    }), { numRuns: 200, seed: 11 });
  });

  it('plans, outlines and reports random workbooks exactly as the same sheets held by row (live and portable)', () => {
    fc.assert(fc.property(knobsArbitrary, fc.constantFrom<BlankCells>('null', 'holes'), fc.boolean(), (k, blanks, portable) => {
      const w = randomWorkbook(k);
      const { byColumn, byRow } = split(w.data, blanks);
      const names = w.data.sheets.map((s) => s.name);
      const outline = outlineWorkbook(byRow, names);
      expect(outlineWorkbook(byColumn, names)).toEqual(outline);
      const detection = detectWorkbook(outline);
      const report = (data: WorkbookData) => detectionReport({ outline, detection, roles: detection.roles, data, language: 'en' });
      expect(report(byColumn)).toEqual(report(byRow));
      const request = randomRequest(w, k, portable);
      const plan = (data: WorkbookData) => buildPlan({ data, outline: w.outline, request, dialect: 'xlsx', existing: [] });
      expect(plan(byColumn), JSON.stringify(k)).toEqual(plan(byRow));
    }), { numRuns: process.env.CI ? 40 : 20, seed: 20_261_206 });
  }, 300_000);

  it('gives the column facts the plan reads exactly as the general reading of its rows (random columns)', () => {
    const clock = wallClock('Europe/Berlin');
    const cell = fc.oneof(
      fc.constant(null), fc.constant(''), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, 1, 45_000.5, -1, 3e6, Infinity, -Infinity),
      fc.constantFrom('x', ' 7 ', 'yes', 'No', 'TRUE', '#N/A', 'T-1', '42', ' T-1'), fc.boolean(),
      fc.constantFrom(new Date(Date.UTC(2026, 2, 29, 1, 30)), new Date(Date.UTC(1850, 0, 1)), new Date(Number.NaN)),
    );
    const kinds = ['date', 'number', 'answer'] as const;
    fc.assert(fc.property(fc.array(cell, { maxLength: 25 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 30 }), (cells, from, length) => {
      const b = new ColumnsBuilder(2);
      cells.forEach((v, r) => b.value(r, 0, v));
      const s: ColumnSlice = { column: b.finish('null').column(0), from, length };
      // The slice as a host passes a column, [[v], …].
      const rows = new TypedColumn(s.column, s.from, Math.max(0, s.length)).cells;
      for (const kind of kinds) {
        const fast = sliceFirstUnreadable(s, kind);
        if (fast !== undefined) expect(fast ?? undefined, kind).toEqual(firstUnreadable(rows, kind));
      }
      const flags = sliceFlagCriteria(s);
      if (flags !== undefined) expect(flags).toEqual(flagCriteria(rows));
      const numbers = sliceNumbers(s, clock);
      if (numbers !== undefined) {
        let general: Float64Array | null;
        try {
          general = readNumbers(contextFor('KPI_BY_PERIOD', clock), rows).values;
        } catch {
          general = null;
        }
        expect(numbers).toEqual(general);
      }
      if (!sliceKeysMayRepeat(s)) {
        // No repeated id: PER_TICKET's index gives every row its own ticket (or rejects a cell).
        try {
          const { first } = ticketRows(contextFor('PER_TICKET', clock), toGrid(rows), undefined);
          const ids = rows.filter((r) => r[0] !== null && !(typeof r[0] === 'string' && r[0].trim() === '')).length;
          expect(first.length).toBe(ids);
        } catch {
          // a cell PER_TICKET rejects: no log either way
        }
      }
    }), { numRuns: 2_000, seed: 7 });
  });

  it('tells whether ids repeat in a column of text exactly as comparing every trimmed text (hashes that meet are compared)', () => {
    const fnv = (t: string): number => {
      let h = 0x811c9dc5;
      for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 0x01000193);
      return h >>> 0;
    };
    // Two different ids with one 32-bit hash, found by trying.
    const byHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let i = 0; !pair; i++) {
      const id = `T-${i}`;
      const other = byHash.get(fnv(id));
      if (other !== undefined) pair = [other, id];
      else byHash.set(fnv(id), id);
    }
    const text = fc.oneof(fc.constantFrom('T-1', ' T-1', 'T-1 ', 't-1', 'T-2', 'x', '', '  ', pair[0], pair[1]), fc.string({ maxLength: 3 }));
    const cell = fc.oneof({ weight: 4, arbitrary: text }, { weight: 1, arbitrary: fc.constant(null) });
    fc.assert(fc.property(fc.array(cell, { maxLength: 30 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 30 }), (cells, from, length) => {
      const b = new ColumnsBuilder(2);
      cells.forEach((v, r) => b.value(r, 0, v));
      const s: ColumnSlice = { column: b.finish('null').column(0), from, length };
      const seen = new Set<string>();
      let repeat = false;
      for (let r = Math.max(0, from); r < Math.min(cells.length, from + length); r++) {
        const key = typeof cells[r] === 'string' ? (cells[r] as string).trim() : '';
        if (key === '') continue;
        if (seen.has(key)) repeat = true;
        seen.add(key);
      }
      expect(sliceKeysMayRepeat(s)).toBe(repeat);
    }), { numRuns: 3_000, seed: 8 });
  });
});
