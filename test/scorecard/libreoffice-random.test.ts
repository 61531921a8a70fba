/**
 * A real spreadsheet engine recalculates portable scorecards of random workbooks (random-workbook.ts,
 * a few fixed seeds): the CLI's writer puts the plan and the data into an .xlsx, LibreOffice opens
 * it, recalculates every formula and exports the sheets as CSV, and every formula cell of the
 * scorecard must show the value the core cached — to 1e-10 relative, the same blank, the same error.
 * A copy with every cached result set to 0 must come back the same (LibreOffice really recalculated).
 *
 * Together with the agreement test (cached portable values = the catalog functions' values) this
 * closes the chain: the native formulas a colleague without the add-in sees compute what the add-in
 * computes. Skipped with a printed reason when soffice is missing, except in CI.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputWorkbook } from '../../cli/input.js';
import { scorecardXlsx } from '../../cli/write-xlsx.js';
import { KPI_DEFINITIONS } from '../../core/scorecard/kpis.js';
import { buildPlan, COL } from '../../core/scorecard/plan.js';
import type { ScorecardPlan } from '../../core/scorecard/types.js';
import { formulaCells } from '../cli/helpers.js';
import type { FormulaCell } from '../cli/helpers.js';
import { csvValue, libreOfficeSkipReason, readSheetCsvs, sameMoment, startLibreOffice } from '../helpers/libreoffice.js';
import type { LibreOfficeSession } from '../helpers/libreoffice.js';
import { TABLE_KPIS } from './agreement-check.js';
import { randomRequest, randomWorkbook } from './random-workbook.js';
import type { Knobs } from './random-workbook.js';

const skip = libreOfficeSkipReason();

const CLEAN = { blanks: 0.1, textNoise: false, textDates: false, competitors: 3, orders: 25, months: 12, timeZone: 'UTC' as const };

/**
 * Fixed cases: every period kind, serials and Date cells, clean data and rejected rows, flags and
 * reopen counts, the reporting date blank and typed, no minimum, a small one and the defaults (30
 * answers, 10 tickets: most periods of these workbooks have "too few"); tickets resolved exactly at
 * the SLA limit, complaint counts in the monthly figures (complaints ÷ the quarter's average
 * customers), the NPS row off (the competitor gap's own NPS), and ticket durations in minutes and
 * hours instead of timestamps (by the opened and by the resolved date).
 */
const CASES: readonly Knobs[] = [
  { ...CLEAN, seed: 101, period: 'month', dateCells: 'serial', survey: 60, tickets: 80, invalid: 'none', flags: ['yes/no', 'x', 'bool', '1/0'], slaHours: 24, minAnswers: 0, minTickets: 0, slaTies: true },
  { ...CLEAN, seed: 202, period: 'week', dateCells: 'date', survey: 50, tickets: 70, invalid: 'resolvedBeforeOpened', flags: ['Ja/Nein', 'yes/no', 'x', 'bool'], slaHours: 8, reportingDay: 200, minAnswers: 3, minTickets: 2 },
  { ...CLEAN, seed: 303, period: 'quarter', dateCells: 'serial', survey: 60, tickets: 60, invalid: 'scoreOutOfScale', flags: ['1/0', '1/0', 'yes/no', 'x'], slaHours: 36.5, complaints: 'monthly' },
  // Reopen counts per ticket (reopen rate by the resolved date, n from the counts).
  { ...CLEAN, seed: 404, period: 'month', dateCells: 'date', survey: 40, tickets: 80, invalid: 'negativeCount', flags: ['bool', 'Ja/Nein', '1/0', 'yes/no'], slaHours: 4, blanks: 0.3, reportingDay: 150, minAnswers: 4, minTickets: 8, reopenCounts: true },
  // Call logs and queue reports: the contact-centre KPIs, CSAT per agent and the Erlang C table;
  // SLA verdicts per ticket (SLA attainment from them, n the tickets with one).
  {
    ...CLEAN, seed: 505, period: 'month', dateCells: 'serial', survey: 40, tickets: 20, invalid: 'none', flags: ['yes/no', 'x', 'bool', '1/0'], slaHours: 24,
    calls: 70, intervals: 48, callFlags: 'Y/N', durations: 'time', serviceLevelSeconds: 20, slaVerdicts: 'flags', npsOff: true,
  },
  {
    ...CLEAN, seed: 606, period: 'week', dateCells: 'date', survey: 30, tickets: 10, invalid: 'waitWithoutFlag', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 8,
    calls: 70, intervals: 24, callFlags: 'answered/abandoned', durations: 'seconds', serviceLevelSeconds: 30, minAnswers: 0, minTickets: 0,
  },
  {
    ...CLEAN, seed: 707, period: 'quarter', dateCells: 'date', survey: 20, tickets: 10, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
    calls: 0, intervals: 48, callFlags: 'bool', durations: 'time', serviceLevelSeconds: 15.5, reportingDay: 120, ticketDurations: 'hours', durationDate: 'resolved',
  },
  // Ticket durations in minutes by the opened date, blanks among them, SLA verdicts by the opened date.
  {
    ...CLEAN, seed: 808, period: 'month', dateCells: 'serial', survey: 20, tickets: 60, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
    blanks: 0.3, minAnswers: 0, minTickets: 0, ticketDurations: 'minutes', slaVerdicts: 'flags',
  },
];

/** The random workbook as the CLI's reader would hand it over (UTC wall-clock dates). */
function inputOf(k: Knobs): { input: InputWorkbook; plan: ScorecardPlan } {
  const w = randomWorkbook(k);
  const ticketDurations = (k.ticketDurations ?? 'none') !== 'none';
  const dateColumns: Record<string, number[]> = { Survey: [0, 5], Tickets: ticketDurations ? [0] : [0, 1, 2], Orders: [0], Monthly: [0], Calls: [0], Queue: [0] };
  // Durations as time values carry a time format, as a spreadsheet shows them.
  const timeColumns: Record<string, number[]> = {
    ...(k.durations === 'time' ? { Calls: [2, 4, 5, 6], Queue: [4, 5] } : {}),
    ...(k.ticketDurations === 'time' ? { Tickets: [1, 2] } : {}),
  };
  const formatOf = (sheet: string, r: number, c: number, v: unknown): string | undefined => {
    if (r === 0 || (typeof v !== 'number' && !(v instanceof Date))) return undefined;
    if (timeColumns[sheet]?.includes(c)) return 'h:mm:ss';
    return typeof v === 'number' && dateColumns[sheet]?.includes(c) ? 'yyyy-mm-dd hh:mm:ss' : undefined;
  };
  const input: InputWorkbook = {
    sheets: w.data.sheets.map((data) => ({
      data,
      formats: data.values.map((row, r) => row.map((v, c) => formatOf(data.name, r, c, v))),
      widths: [], frozenRows: 1, frozenCols: 0, boldRows: [1], merges: [], hidden: false,
    })),
    sheetNames: w.data.sheets.map((s) => s.name),
    existing: [],
    notes: [],
    files: [],
  };
  const plan = buildPlan({ data: w.data, outline: w.outline, request: randomRequest(w, k, true), dialect: 'xlsx', existing: [] });
  return { input, plan };
}

/** Equal within 1e-10 relative (1e-12 absolute near zero); text, blanks and errors exactly. */
function agrees(cached: FormulaCell['cached'], got: number | string | boolean): boolean {
  if (typeof cached === 'number' && typeof got === 'number') {
    return Math.abs(cached - got) <= Math.max(1e-12, 1e-10 * Math.max(Math.abs(cached), Math.abs(got)));
  }
  // The periods' bounds are date-formatted: the CSV shows them as dates.
  if (typeof cached === 'number' && typeof got === 'string') return sameMoment(cached, got);
  return (cached ?? '') === got;
}

interface Book {
  readonly knobs: Knobs;
  readonly file: string;
  readonly zeroed: string;
  readonly cells: FormulaCell[];
  readonly plan: ScorecardPlan;
}

describe.skipIf(skip !== undefined)('portable scorecards of random workbooks in LibreOffice', () => {
  let dir: string;
  let lo: LibreOfficeSession;
  const books: Book[] = [];
  let csvs: Map<string, Map<string, string[][]>>;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'skpi-lo-random-'));
    for (const [i, k] of CASES.entries()) {
      const { input, plan } = inputOf(k);
      const file = path.join(dir, `random${i}.xlsx`);
      const bytes = await scorecardXlsx(input, plan, new Date(Date.UTC(2026, 0, 1)));
      await writeFile(file, bytes);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(file);
      wb.worksheets[0].eachRow((row) => row.eachCell((cell) => {
        const v = cell.value as { formula?: string } | null;
        if (v && typeof v === 'object' && typeof v.formula === 'string') cell.value = { formula: v.formula, result: 0 } as ExcelJS.CellFormulaValue;
      }));
      const zeroed = path.join(dir, `random${i}_zeroed.xlsx`);
      await wb.xlsx.writeFile(zeroed);
      books.push({ knobs: k, file, zeroed, cells: formulaCells(await readFile(file)), plan });
    }
    lo = await startLibreOffice();
    const outDir = path.join(dir, 'csv');
    await lo.toCsv(books.flatMap((b) => [b.file, b.zeroed]), outDir);
    csvs = new Map();
    for (const b of books) {
      csvs.set(b.file, await readSheetCsvs(outDir, b.file));
      csvs.set(b.zeroed, await readSheetCsvs(outDir, b.zeroed));
    }
  }, 600_000);

  afterAll(async () => {
    await lo?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const shown = (file: string, row: number, col: number): number | string | boolean => {
    const sheet = csvs.get(file)?.get('KPI Scorecard');
    if (!sheet) throw new Error(`LibreOffice wrote no scorecard sheet for ${file}`);
    return csvValue(sheet[row - 1]?.[col - 1] ?? '');
  };

  it('recalculates every formula cell to the value the core cached (1e-10 relative, same blank, same error)', () => {
    for (const b of books) {
      expect(b.cells.every((c) => !c.formula.includes('_xldudf_')), JSON.stringify(b.knobs)).toBe(true);
      expect(b.cells.length).toBeGreaterThan(500);
      const wrong = b.cells
        .map((c) => ({ c, got: shown(b.file, c.row, c.col) }))
        .filter(({ c, got }) => !agrees(c.cached, got))
        .map(({ c, got }) => `${c.ref} =${c.formula.slice(0, 100)}… cached ${String(c.cached)}, LibreOffice ${String(got)}`);
      expect(wrong, JSON.stringify(b.knobs)).toEqual([]);
    }
  });

  it('really recalculates: cached results set to 0 come back as the right values', () => {
    for (const b of books) {
      const nonZero = b.cells.filter((c) => c.cached !== 0 && c.cached !== '' && c.cached !== undefined);
      expect(nonZero.length).toBeGreaterThan(100);
      const stale = nonZero.filter((c) => !agrees(c.cached, shown(b.zeroed, c.row, c.col))).map((c) => c.ref);
      expect(stale, JSON.stringify(b.knobs)).toEqual([]);
    }
  });

  it('covers the reporting date typed and left blank, and periods with too few answers or tickets', () => {
    const statuses = books.flatMap((b) => b.plan.summary.map((s) => s.status));
    expect(statuses).toContain('too-few');
    expect(statuses.filter((s) => s === 'green' || s === 'amber' || s === 'red').length).toBeGreaterThan(5);
    expect(books.some((b) => b.knobs.reportingDay !== undefined)).toBe(true);
  });

  it('recalculates natively SLA attainment with ties at the limit, the competitor gap without an NPS row, complaints ÷ average customers and means of ticket durations', () => {
    /** The KPIs a plan writes as values (its "Portable mode: A, B written as values …" notes). */
    const asValues = (p: ScorecardPlan): string[] => p.notes.filter((n) => n.startsWith('Portable mode: '))
      .flatMap((n) => n.slice('Portable mode: '.length).split(' written as values')[0].split(', '));
    const cases = [[101, 'sla', 'SLA_ATTAINMENT'], [303, 'complaintRate', 'COMPLAINT_RATE'], [505, 'competitorGap', 'COMPETITOR_GAP'],
      [707, 'avgResolution', 'AVG_DURATION'], [707, 'firstResponse', 'AVG_DURATION'], [808, 'avgResolution', 'AVG_DURATION'], [808, 'firstResponse', 'AVG_DURATION']] as const;
    for (const [seed, id, kpi] of cases) {
      const plan = books.find((b) => b.knobs.seed === seed)!.plan;
      const s = plan.summary.find((x) => x.id === id);
      expect(s?.kpi, `${seed} ${id}`).toBe(kpi);
      expect(asValues(plan), `${seed} ${id}`).not.toContain(s!.name);
    }
    // 505 has no NPS row: the gap's formula counts the scores itself.
    expect(books.find((b) => b.knobs.seed === 505)!.plan.summary.some((x) => x.id === 'nps')).toBe(false);
  });

  it('recalculates the n of the flag shares (their yes and no values, or reopen counts) and the Wilson interval from it', () => {
    let shares = 0;
    for (const b of books) {
      for (const id of ['fcr', 'reopenRate', 'conversion', 'complaintRate']) {
        // Without an opened date (durations by the resolved date) the shares by opened date are not shown.
        const s = b.plan.summary.find((x) => x.id === id);
        if (s?.n === undefined) continue;
        const row = b.plan.marker.targetCells[id].row;
        expect(shown(b.file, row, COL.n), `${id} ${JSON.stringify(b.knobs)}`).toBe(s.n);
        expect(agrees(s.ciLow!, shown(b.file, row, COL.ciLow)) && agrees(s.ciHigh!, shown(b.file, row, COL.ciHigh)), id).toBe(true);
        shares++;
      }
    }
    expect(shares).toBeGreaterThanOrEqual(20);
    const counts = books.find((b) => b.knobs.reopenCounts)!.plan.summary.find((s) => s.id === 'reopenRate')!;
    expect(counts.kpi).toBe('REOPEN_RATE');
    expect(typeof counts.n).toBe('number');
  });

  it('recalculates the n of the call KPIs, CES and SLA verdicts (the calls, answers or verdicts used) and the shares\' Wilson interval', () => {
    const seen = new Set<string>();
    for (const b of books) {
      for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht', 'ces', 'sla']) {
        const s = b.plan.summary.find((x) => x.id === id);
        if (s?.n === undefined) continue;
        const row = b.plan.marker.targetCells[id].row;
        expect(shown(b.file, row, COL.n), `${id} ${JSON.stringify(b.knobs)}`).toBe(s.n);
        if (s.ciLow !== undefined) expect(agrees(s.ciLow, shown(b.file, row, COL.ciLow)) && agrees(s.ciHigh!, shown(b.file, row, COL.ciHigh)), id).toBe(true);
        seen.add(id === 'sla' ? `sla ${s.kpi}` : id);
      }
    }
    expect([...seen]).toEqual(expect.arrayContaining(['abandonRate', 'aht', 'asa', 'ces', 'serviceLevel', 'sla SLA_MET_RATE']));
  });

  it('shows the functions\' errors where the data has rows they reject, and blanks, never 0, where a KPI has no value', () => {
    const rejected = books.find((b) => b.knobs.invalid === 'resolvedBeforeOpened')!;
    expect(shown(rejected.file, rejected.plan.marker.targetCells.sla.row, COL.actual)).toBe('#VALUE!');
    // A wait without its answered flag: the call functions' error, in the native formulas too.
    const unflagged = books.find((b) => b.knobs.invalid === 'waitWithoutFlag')!;
    for (const id of ['serviceLevel', 'asa']) expect(shown(unflagged.file, unflagged.plan.marker.targetCells[id].row, COL.actual), id).toBe('#VALUE!');
    for (const b of books) {
      // Table KPIs (brand attributes, time by status) have a table below the rows, no Actual cell.
      b.plan.summary.filter((s) => !TABLE_KPIS.has(s.id)).forEach((s) => {
        for (const col of [COL.actual, COL.previous, COL.baseline]) {
          const cached = (col === COL.actual ? s.value : col === COL.previous ? s.previous : s.baseline);
          if (cached === '') expect(shown(b.file, b.plan.marker.targetCells[s.id].row, col), `${s.id} column ${col}`).toBe('');
        }
      });
    }
  });

  it('recalculates the contact-centre section, the agents\' CSAT and the Erlang C table natively', () => {
    const calls = books.find((b) => b.knobs.seed === 505)!;
    const texts = calls.cells.map((c) => c.formula);
    expect(texts.some((f) => f.startsWith('_xlfn.POISSON.DIST('))).toBe(true);
    expect(texts.some((f) => /SUMPRODUCT\(\(Calls!B2:B\d+=B\d+\)/.test(f))).toBe(true);
    for (const id of ['serviceLevel', 'abandonRate', 'asa', 'aht']) {
      const s = calls.plan.summary.find((x) => x.id === id)!;
      expect(typeof s.value, id).toBe('number');
      expect(agrees(s.value as number, shown(calls.file, calls.plan.marker.targetCells[id].row, COL.actual)), id).toBe(true);
    }
    expect(calls.plan.notes.join('\n')).not.toMatch(/Service level|Abandon rate|Average speed|Average handle/);
  });
});
