/**
 * A sheet the host passes by rows (Excel's and Sheets' values) is held by column for the plan
 * (core/scorecard/host-columns.ts), so its catalog calls take typed columns as the command line's
 * do. That must change nothing a user sees: every cell reads as the host's cell, a column holding
 * something no column can hold is read by rows as before, and a whole scorecard planned over the
 * rows equals the one planned over the same workbook held by column (the command line's store).
 */
import vm from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ColumnsBuilder, columnarSheetData } from '../../cli/sheet-columns.js';
import { workbookEnv } from '../../core/scorecard/evaluate.js';
import { HostColumns, NOT_HELD } from '../../core/scorecard/host-columns.js';
import { detectRoles } from '../../core/scorecard/detect.js';
import { availableKpis, defaultTargets } from '../../core/scorecard/kpis.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { buildPlan } from '../../core/scorecard/plan.js';
import { defaultOptions } from '../../core/scorecard/settings.js';
import type { Dialect, SheetData, WorkbookData } from '../../core/scorecard/types.js';
import { TypedColumn } from '../../core/values/typed-column.js';
import { generateSample, sheetsOf } from '../../examples/generate.js';

/** A Date from another realm (Apps Script's, a vm context): `instanceof Date` fails for it. */
const foreignDate = (ms: number): Date => vm.runInNewContext(`new Date(${ms})`) as Date;

const hostCell: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, '', ' ', 'x', 'Agent A', '2026-03-01', '#N/A', true, false, 0, -0, 7, 46_082.5, -1, Number.NaN, Infinity),
  fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 2, 1) + d * 3_600_000)),
  fc.integer({ min: 0, max: 60 }).map((d) => foreignDate(Date.UTC(2026, 2, 1) + d * 86_400_000)),
  fc.constant(new Date(Number.NaN)),
);

/** What the rows path hands a catalog function for a cell: blank ("" and missing cells too) is null. */
const asRowsPathGives = (v: unknown): unknown => (v === undefined || v === '' ? null : v);

function sameCell(a: unknown, b: unknown): boolean {
  const isDate = (x: unknown): x is Date => Object.prototype.toString.call(x) === '[object Date]';
  if (isDate(a) || isDate(b)) return isDate(a) && isDate(b) && Object.is(a.getTime(), b.getTime());
  return Object.is(a, b) || (a === 0 && b === 0);
}

describe('a sheet passed by rows, held by column', () => {
  it('reads every cell as the host passed it (numbers, text, booleans, Dates of any realm, blanks, short and missing rows)', () => {
    fc.assert(fc.property(
      fc.array(fc.option(fc.array(hostCell, { maxLength: 4 }), { freq: 8, nil: undefined }), { maxLength: 30 }),
      (rows) => {
        const held = new HostColumns(rows);
        for (let c = 0; c < 4; c++) {
          const column = held.column(c);
          expect(column).not.toBe(NOT_HELD);
          const typed = new TypedColumn(column === NOT_HELD ? undefined : column, 0, rows.length);
          rows.forEach((row, r) => {
            const want = asRowsPathGives(row?.[c]);
            expect(sameCell(typed.cell(r), want), `row ${r}, column ${c}: ${String(typed.cell(r))} vs ${String(want)}`).toBe(true);
            expect(sameCell(typed.cells[r][0], want)).toBe(true);
          });
        }
      },
    ), { numRuns: 300 });
  });

  it('gives a range of the column with the host rows themselves, and reads a column with an odd value by rows', () => {
    const when = new Date(Date.UTC(2026, 2, 1, 9));
    const odd = { toString: () => 'odd' };
    const sheet: SheetData = { name: 'Data', originRow: 1, originCol: 1, values: [['Opened', 'Note'], [when, odd], ['', 'x'], [3, null]] };
    const env = workbookEnv({ sheets: [sheet], timeZone: 'UTC' });
    const dates = env.range({ sheet: 'Data', firstRow: 2, lastRow: null, firstCol: 1, lastCol: 1 });
    expect(dates.typed).toBeDefined();
    expect(dates.raw).toEqual([[when], [null], [3]]);
    expect(dates.raw[0][0]).toBe(when); // the host's own Date, not a copy
    const notes = env.range({ sheet: 'Data', firstRow: 2, lastRow: null, firstCol: 2, lastCol: 2 });
    expect(notes.typed).toBeUndefined();
    expect(notes.raw).toEqual([[odd], ['x'], [null]]);
  });

  const sample = generateSample(undefined, { survey: 120, tickets: 300, orders: 160 });
  const byRows: WorkbookData = {
    timeZone: 'UTC',
    sheets: sheetsOf(sample).map((s) => ({ name: s.name, values: [s.columns.map((c) => c.header), ...s.rows], originRow: 1, originCol: 1 })),
  };
  const byColumn: WorkbookData = {
    timeZone: 'UTC',
    sheets: byRows.sheets.map((s) => {
      const b = new ColumnsBuilder(s.values.length);
      s.values.forEach((row, r) => {
        b.rowLength(r, row.length);
        row.forEach((v, c) => b.value(r, c, v));
      });
      return columnarSheetData(s.name, b.finish('null'), 1, 1);
    }),
  };

  function plan(data: WorkbookData, dialect: Dialect, portable: boolean): Map<string, unknown> {
    const outline = outlineWorkbook(data);
    const roles = detectRoles(outline);
    const { available } = availableKpis(roles);
    const defaults = defaultTargets(available);
    const targets = Object.fromEntries(available.map((k) => [k.id, { ...defaults[k.id], enabled: true }]));
    const p = buildPlan({ data, outline, request: { roles, targets, options: { ...defaultOptions('en'), portable } }, dialect, existing: data.sheets.map((s) => ({ name: s.name, ours: false })) });
    const cells = new Map<string, unknown>();
    for (const b of p.blocks) {
      b.cells.forEach((line, r) => line.forEach((cell, c) => {
        if (cell) cells.set(`${b.id} ${b.row + r}:${b.col + c}`, cell.formula ? [cell.formula.text, cell.formula.cached] : cell.value);
      }));
    }
    cells.set('notes', p.notes);
    return cells;
  }

  for (const portable of [true, false]) {
    it(`plans the same ${portable ? 'portable' : 'live'} scorecard from the rows as from the workbook held by column`, () => {
      for (const dialect of ['excel', 'sheets'] as const) {
        const rows = plan(byRows, dialect, portable), columns = plan(byColumn, dialect, portable);
        expect(rows.size).toBeGreaterThan(300);
        expect([...rows.keys()]).toEqual([...columns.keys()]);
        for (const [k, v] of rows) expect(v, k).toEqual(columns.get(k));
      }
    });
  }
});
