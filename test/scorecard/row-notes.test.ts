/**
 * The scorecard's notes name a rejected row by the sheet's own cell (`'Tickets 2026'!B7`), the
 * cell a manager can go to — in live and portable mode, in English and German, in the portable
 * note on a column native formulas cannot read and in the catalog message the notes quote alike.
 * Cell functions keep naming the position within their range, as the catalog contract says.
 *
 * The sheet's table starts at row 3 (a title above it): its header is sheet row 3, data row k is
 * sheet row k + 3. Data row 4 (sheet row 7) is resolved a day before it was opened; data row 5
 * (sheet row 8) holds "vielleicht" in the FCR column, no yes/no word.
 */
import { describe, expect, it } from 'vitest';
import { withSheetCells } from '../../core/scorecard/evaluate/sheet-cells.js';
import type { RoleAssignment, WorkbookData } from '../../core/scorecard/types.js';
import { call, col, errorOf, serial } from '../helpers/call.js';
import { MODES, planOf, sheet } from './n-fixtures.js';

const SHEET = 'Tickets 2026';
const TICKETS: readonly (readonly unknown[])[] = [
  ['Opened', 'Resolved', 'FCR'],
  ['2026-01-05 09:00', '2026-01-05 17:00', 'yes'],
  ['2026-01-12 08:00', '2026-01-13 08:00', 'no'],
  ['2026-02-03 09:00', '2026-02-03 21:00', 'yes'],
  ['2026-02-10 11:00', '2026-02-09 11:00', 'no'],
  ['2026-03-02 08:00', '2026-03-02 12:00', 'vielleicht'],
  ['2026-03-09 09:00', '2026-03-10 09:00', 'yes'],
].map((r, i) => (i === 0 ? r : r.map((v, c) => (c < 2 ? serial(v as string) : v))));

const DATA: WorkbookData = { sheets: [{ ...sheet(SHEET, TICKETS), originRow: 3 }], timeZone: 'UTC' };
const role = (r: RoleAssignment['role'], column: number): RoleAssignment =>
  ({ role: r, sheet: SHEET, column, header: String(TICKETS[0][column - 1]), confidence: 1, source: 'manager' });
const ROLES = [role('ticketOpened', 1), role('ticketResolved', 2), role('firstContactResolved', 3)];

const RESOLVED = "'Tickets 2026'!B7";
const FCR = "'Tickets 2026'!C8";

describe('notes name a rejected row by its sheet cell', () => {
  for (const language of ['en', 'de'] as const) {
    it.each(MODES)(`in every note about it (%s, ${language})`, (_mode, portable) => {
      const p = planOf(DATA, ROLES, portable, { language });
      const about = (cell: string): string[] => p.notes.filter((n) => n.includes(cell));
      // The KPIs over the resolved dates quote their function's message, the cell in place of "row 4".
      for (const id of ['avgResolution', 'sla', 'activeIssues']) {
        const name = p.summary.find((s) => s.id === id)!.name;
        expect(p.summary.find((s) => s.id === id)!.value, id).toBe('#VALUE!');
        expect(p.notes.find((n) => n.startsWith(`${name}:`)), id).toMatch(/resolved 2026-02-09 11:00 is before opened 2026-02-10 11:00 at 'Tickets 2026'!B7$/);
      }
      expect(about(RESOLVED).length).toBeGreaterThanOrEqual(3);
      // FCR: the function's message and, in portable mode, the note on the column name the same cell.
      const fcr = p.summary.find((s) => s.id === 'fcr')!;
      expect(fcr.value).toBe('#VALUE!');
      expect(p.notes.find((n) => n.startsWith(`${fcr.name}:`))).toContain(`"vielleicht" at ${FCR} is not a yes/no flag`);
      if (portable) {
        const column = p.notes.find((n) => /Portable mode|Portabler Modus/.test(n) && n.includes('vielleicht'));
        expect(column).toContain(language === 'de' ? `„vielleicht“, zuerst in ${FCR})` : `"vielleicht", first at ${FCR})`);
      }
      expect(about(FCR).length).toBe(portable ? 2 : 1);
      // No note names a row by its position within a range (or by a bare row number).
      expect(p.notes.filter((n) => /\b(row|Zeile) \d/.test(n))).toEqual([]);
    });
  }

  it('while the functions themselves name the position within their range, as the catalog says', () => {
    const opened = col(...TICKETS.slice(1).map((r) => r[0]));
    const resolved = col(...TICKETS.slice(1).map((r) => r[1]));
    expect(errorOf(() => call('AVG_RESOLUTION', opened, resolved)).message).toMatch(/is before opened 2026-02-10 11:00 at row 4$/);
    expect(errorOf(() => call('FIRST_CONTACT_RESOLUTION', col(...TICKETS.slice(1).map((r) => r[2])))).message).toMatch(/"vielleicht" at row 5 of flags is not a yes\/no flag/);
  });
});

describe('withSheetCells', () => {
  const ref = { sheet: 'Tickets', firstRow: 2, lastRow: null, firstCol: 4, lastCol: 4 } as const;
  const range = [[1], [2]];
  const args = [{ kind: 'range' as const, ref }];
  const place = (text: string, row: number) => ({ text, range, row, col: 0 });

  it('puts the cell in place of the phrase naming it, not in a quoted value or a longer row number', () => {
    expect(withSheetCells('F: "at row 5 of x" at row 5 of x is bad (row 52 too)', [place('row 5 of x', 4)], args, [range]))
      .toBe('F: "at row 5 of x" at Tickets!D6 is bad (row 52 too)');
    expect(withSheetCells('F: at row 52, then row 5', [place('row 5', 4)], args, [range])).toBe('F: at row 52, then Tickets!D6');
  });

  it('places two cells of one message, whatever the sheet is called', () => {
    const named = [{ kind: 'range' as const, ref: { ...ref, sheet: 'My "Q1" tickets' } }];
    expect(withSheetCells('F: "a" at row 3 is a count, "b" at row 5 a flag', [place('row 3', 2), place('row 5', 4)], named, [range]))
      .toBe(`F: "a" at 'My "Q1" tickets'!D4 is a count, "b" at 'My "Q1" tickets'!D6 a flag`);
  });

  it('leaves a place alone whose range is no argument of the call, or no sheet range', () => {
    expect(withSheetCells('F: at row 5', [place('row 5', 4)], args, [[[1]]])).toBe('F: at row 5');
    expect(withSheetCells('F: at row 5', [place('row 5', 4)], [{ kind: 'num', value: 1 }], [range])).toBe('F: at row 5');
  });
});
