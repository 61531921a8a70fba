/**
 * A portable scorecard moves on by itself, without the add-in and without regenerating: in
 * LibreOffice, typing a reporting date into its cell or appending rows to the data changes the
 * headline period, the actual and its status, to exactly what the core plans for the edited data.
 *
 * The survey: 40 answers in January 2026, 40 in February and 5 by 20 March. Generated on that data
 * the headline is February (March is not complete: its last day has not come). Then, in copies of
 * the written file:
 * - reporting date 2026-03-31: March, with "too few (5)" answers for NPS and CSAT (minimum 30);
 * - 30 answers appended for 21–31 March and 3 in April: March is complete and holds 35 answers;
 * - reporting date 2026-01-31 and the rows appended: January.
 *
 * A second survey holds March only (35 answers by 20 March): no complete month holds data, so the
 * headline is March "to date" (`2026-03 (to date)`, status "incomplete"); appending April rows or
 * typing 2026-03-31 makes March complete, with a colour.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputWorkbook } from '../../cli/input.js';
import { scorecardXlsx } from '../../cli/write-xlsx.js';
import { buildPlan, COL, FIRST_KPI_ROW, REPORTING_DATE } from '../../core/scorecard/plan.js';
import type { GenerateRequest, KpiSummary, RoleAssignment, ScorecardPlan, WorkbookData } from '../../core/scorecard/types.js';
import { mulberry32 } from '../../examples/generate.js';
import { outlineOf } from '../fixtures/plan-workbook.js';
import { csvValue, libreOfficeSkipReason, readSheetCsvs, startLibreOffice } from '../helpers/libreoffice.js';
import type { LibreOfficeSession } from '../helpers/libreoffice.js';

const skip = libreOfficeSkipReason();

const serialOf = (iso: string): number => Date.parse(`${iso}Z`) / 86_400_000 + 25_569;
const rnd = mulberry32(2026);

/** `n` answers spread over [from, to), each with a score 0–10 and a rating 1–5. */
function answers(n: number, from: string, to: string): unknown[][] {
  const a = serialOf(from), b = serialOf(to);
  return Array.from({ length: n }, (_, i) => [
    Math.round((a + ((b - a) * (i + 0.5)) / n) * 1440) / 1440, Math.floor(rnd() * 11), 1 + Math.floor(rnd() * 5),
  ]);
}

const HEADER = ['Date', 'Score', 'Rating'];
const BASE = [...answers(40, '2026-01-01T00:00', '2026-02-01T00:00'), ...answers(40, '2026-02-01T00:00', '2026-03-01T00:00'), ...answers(5, '2026-03-01T00:00', '2026-03-20T12:00')];
const APPENDED = [...answers(30, '2026-03-21T00:00', '2026-04-01T00:00'), ...answers(3, '2026-04-01T00:00', '2026-04-02T12:00')];

const ROLES: RoleAssignment[] = [
  { role: 'surveyDate', sheet: 'Survey', column: 1, header: 'Date', confidence: 1, source: 'manager' },
  { role: 'npsScore', sheet: 'Survey', column: 2, header: 'Score', confidence: 1, source: 'manager' },
  { role: 'satisfaction', sheet: 'Survey', column: 3, header: 'Rating', confidence: 1, source: 'manager' },
];

function request(reportingDate: string | null): GenerateRequest {
  return {
    roles: ROLES, targets: {},
    options: {
      period: 'month', portable: true, language: 'en', slaHours: 24, tolerance: 0.05, brandAttributes: [], sheetName: 'KPI Scorecard',
      reportingDate, minAnswers: 30, minTickets: 10,
    },
  };
}

function dataOf(rows: readonly unknown[][]): WorkbookData {
  return { sheets: [{ name: 'Survey', originRow: 1, originCol: 1, values: [HEADER, ...rows] }], timeZone: 'UTC' };
}

/** The plan the core makes for the data and reporting date (what LibreOffice must show after the edit). */
function planFor(rows: readonly unknown[][], reportingDate: string | null): ScorecardPlan {
  const data = dataOf(rows);
  return buildPlan({ data, outline: outlineOf(data), request: request(reportingDate), dialect: 'xlsx', existing: [] });
}

interface Edit {
  readonly name: string;
  readonly reportingDate: string | null;
  readonly appended: boolean;
  readonly period: string;
}

/** The headline period as the sheet shows it: the label, with "(to date)" for a running period. */
const periodShown = (s: KpiSummary): string => (s.toDate ? `${s.period} (to date)` : s.period);
const statusShown = (s: KpiSummary): string => (s.status === 'too-few' ? `too few (${s.tooFew})` : s.status === 'to-date' ? 'incomplete' : s.status);

const EDITS: readonly Edit[] = [
  { name: 'as generated', reportingDate: null, appended: false, period: '2026-02' },
  { name: 'reporting date 2026-03-31', reportingDate: '2026-03-31', appended: false, period: '2026-03' },
  { name: 'rows appended', reportingDate: null, appended: true, period: '2026-03' },
  { name: 'rows appended, reporting date 2026-01-31', reportingDate: '2026-01-31', appended: true, period: '2026-01' },
];

interface Scenario {
  readonly title: string;
  readonly base: readonly unknown[][];
  readonly appended: readonly unknown[][];
  readonly edits: readonly Edit[];
}

function scenario({ title, base: BASE, appended: APPENDED, edits: EDITS }: Scenario, last: (cell: (edit: Edit, row: number, col: number) => number | string | boolean, generated: ScorecardPlan) => void): void {
  describe.skipIf(skip !== undefined)(title, () => {
    let dir: string;
    let lo: LibreOfficeSession;
    const shown = new Map<string, string[][]>();
    const generated = planFor(BASE, null);

    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'skpi-lo-headline-'));
      const data = dataOf(BASE).sheets[0];
      const input: InputWorkbook = {
        sheets: [{
          data,
          formats: data.values.map((row, r) => row.map((_, c) => (r > 0 && c === 0 ? 'yyyy-mm-dd hh:mm' : undefined))),
          widths: [], frozenRows: 1, frozenCols: 0, boldRows: [1], merges: [], hidden: false,
        }],
        sheetNames: ['Survey'], existing: [], notes: [], files: [],
      };
      const bytes = await scorecardXlsx(input, generated, new Date(Date.UTC(2026, 2, 20)));
      const files: string[] = [];
      for (const [i, edit] of EDITS.entries()) {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
        const card = wb.getWorksheet('KPI Scorecard')!;
        if (edit.reportingDate) card.getCell(REPORTING_DATE.row, REPORTING_DATE.col).value = serialOf(`${edit.reportingDate}T00:00`);
        if (edit.appended) {
          const survey = wb.getWorksheet('Survey')!;
          APPENDED.forEach((r, k) => {
            const row = survey.getRow(BASE.length + 2 + k);
            row.values = r as ExcelJS.CellValue[];
            row.getCell(1).numFmt = 'yyyy-mm-dd hh:mm';
          });
        }
        const file = path.join(dir, `edit${i}.xlsx`);
        await wb.xlsx.writeFile(file);
        files.push(file);
      }
      lo = await startLibreOffice();
      const out = path.join(dir, 'csv');
      await lo.toCsv(files, out);
      for (const [i, file] of files.entries()) shown.set(EDITS[i].name, (await readSheetCsvs(out, file)).get('KPI Scorecard')!);
    }, 600_000);

    afterAll(async () => {
      await lo?.dispose();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    const cell = (edit: Edit, row: number, col: number): number | string | boolean => csvValue(shown.get(edit.name)![row - 1]?.[col - 1] ?? '');
    const close = (a: unknown, b: unknown): boolean =>
      typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)) : a === b;

    for (const edit of EDITS) {
      it(`shows the core's headline for the edited data: ${edit.name} → ${edit.period}`, () => {
        const expected = planFor(edit.appended ? [...BASE, ...APPENDED] : BASE, edit.reportingDate);
        const rows = generated.summary.map((s, i) => ({ id: s.id, row: FIRST_KPI_ROW + i }));
        for (const { id, row } of rows) {
          const want = expected.summary.find((s) => s.id === id)! as KpiSummary;
          expect(periodShown(want), id).toBe(edit.period);
          const got = { period: cell(edit, row, COL.period), value: cell(edit, row, COL.actual), previous: cell(edit, row, COL.previous), n: cell(edit, row, COL.n), status: cell(edit, row, COL.status) };
          const status = statusShown(want);
          expect(close(got.period, periodShown(want)) && close(got.value, want.value) && close(got.previous, want.previous) && close(got.n, want.n ?? '') && got.status === status,
            `${edit.name} ${id}: LibreOffice ${JSON.stringify(got)}, core ${JSON.stringify({ period: periodShown(want), value: want.value, previous: want.previous, n: want.n, status })}`).toBe(true);
        }
      });
    }

    it('changes the headline as the data and the reporting date say', () => last(cell, generated));
  });
}

scenario({ title: 'a portable scorecard in LibreOffice moves on as its reporting date and data change', base: BASE, appended: APPENDED, edits: EDITS }, (cell, generated) => {
  // February as generated, March with too few answers on 2026-03-31, March with enough once rows arrive.
  const nps = FIRST_KPI_ROW + generated.summary.findIndex((s) => s.id === 'nps');
  expect(EDITS.map((e) => cell(e, nps, COL.period))).toEqual(['2026-02', '2026-03', '2026-03', '2026-01']);
  expect(cell(EDITS[0], nps, COL.n)).toBe(40);
  expect(cell(EDITS[1], nps, COL.status)).toBe('too few (5)');
  expect(cell(EDITS[2], nps, COL.n)).toBe(35);
  expect(['green', 'amber', 'red']).toContain(cell(EDITS[2], nps, COL.status));
});

const MARCH_ONLY = answers(35, '2026-03-01T00:00', '2026-03-20T12:00');
const APRIL = answers(3, '2026-04-01T00:00', '2026-04-02T12:00');
const RUNNING: readonly Edit[] = [
  { name: 'as generated', reportingDate: null, appended: false, period: '2026-03 (to date)' },
  { name: 'reporting date 2026-03-31', reportingDate: '2026-03-31', appended: false, period: '2026-03' },
  { name: 'April rows appended', reportingDate: null, appended: true, period: '2026-03' },
];

scenario({ title: 'a portable scorecard of one running month in LibreOffice: to date, then complete', base: MARCH_ONLY, appended: APRIL, edits: RUNNING }, (cell, generated) => {
  const nps = FIRST_KPI_ROW + generated.summary.findIndex((s) => s.id === 'nps');
  expect(RUNNING.map((e) => cell(e, nps, COL.period))).toEqual(['2026-03 (to date)', '2026-03', '2026-03']);
  expect(cell(RUNNING[0], nps, COL.status)).toBe('incomplete');
  expect(cell(RUNNING[0], nps, COL.n)).toBe(35);
  for (const e of RUNNING.slice(1)) expect(['green', 'amber', 'red']).toContain(cell(e, nps, COL.status));
});
