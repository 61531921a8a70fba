import { describe, expect, it } from 'vitest';
import type { ExistingSheet } from '../../core/scorecard/api.js';
import { cachedOf, evaluate, workbookEnv } from '../../core/scorecard/evaluate.js';
import { neutralise } from '../../core/safe-text.js';
import { availableKpis } from '../../core/scorecard/kpis.js';
import { buildPlan, COL, FIRST_KPI_ROW, HEADER_ROW, HELPER_FIRST, planValues, STATUS_COLORS, TREND_LAST } from '../../core/scorecard/plan.js';
import type { SpillingFormula } from '../../core/scorecard/plan.js';
import { NATIVE_FUNCTIONS } from '../../core/scorecard/portable.js';
import type { Dialect, Expr, GenerateRequest, PlanCell, ScorecardPlan, WorkbookData, WorkbookOutline } from '../../core/scorecard/types.js';
import { wilsonInterval } from '../../core/stats.js';
import { HOSTILE_AGENT, HOSTILE_HEADERS, outlineOf, PLAN_OUTLINE, PLAN_WORKBOOK, planRequest } from '../fixtures/plan-workbook.js';
import { ENGLISH_WORKBOOK, GERMAN_WORKBOOK, SPARSE_WORKBOOK } from '../fixtures/workbooks.js';
import { detectRoles } from '../../core/scorecard/detect.js';
import { outlineWorkbook } from '../../core/scorecard/outline.js';
import { exprText } from '../../core/scorecard/formula.js';
import { call, col, serial } from '../helpers/call.js';
import { callsOf, normalise, parseFormula, rangesOf } from '../helpers/formula-parser.js';
import type { TableInfo } from '../helpers/formula-parser.js';

const ALL_ON: GenerateRequest['targets'] = { brandAttributes: { target: null, direction: 'higher', enabled: true } };

interface PlannedCell {
  readonly row: number;
  readonly col: number;
  readonly cell: PlanCell;
  readonly block: string;
}

function cellsOf(plan: ScorecardPlan): PlannedCell[] {
  const out: PlannedCell[] = [];
  for (const b of plan.blocks) {
    b.cells.forEach((line, r) => line.forEach((cell, c) => {
      if (cell) out.push({ row: b.row + r, col: b.col + c, cell, block: b.id });
    }));
  }
  return out;
}

const at = (plan: ScorecardPlan, row: number, col: number): PlanCell | undefined =>
  cellsOf(plan).find((c) => c.row === row && c.col === col)?.cell;

const kpiRow = (plan: ScorecardPlan, id: string): number => {
  const i = plan.summary.filter((s) => s.id !== 'brandAttributes').findIndex((s) => s.id === id);
  if (i < 0) throw new Error(`no row for ${id}`);
  return FIRST_KPI_ROW + i;
};

function summaryOf(plan: ScorecardPlan, id: string) {
  const s = plan.summary.find((x) => x.id === id);
  if (!s) throw new Error(`no summary for ${id}`);
  return s;
}

function plan(options: Partial<GenerateRequest['options']> = {}, dialect: Dialect = 'sheets', extra: {
  targets?: GenerateRequest['targets']; existing?: readonly ExistingSheet[]; outline?: WorkbookOutline; data?: WorkbookData;
} = {}): ScorecardPlan {
  return buildPlan({
    data: extra.data ?? PLAN_WORKBOOK,
    outline: extra.outline ?? PLAN_OUTLINE,
    request: planRequest(options, extra.targets ?? ALL_ON),
    dialect,
    existing: extra.existing ?? [],
  });
}

/** The Survey sheet as an Excel table (its comment header needs the double-bracket form). */
const TABLE_OUTLINE = outlineOf(PLAN_WORKBOOK, { Survey: 'SurveyTable', Tickets: 'TicketTable' });
const TABLES: Record<string, TableInfo> = Object.fromEntries(
  TABLE_OUTLINE.sheets.filter((s) => s.table).map((s) => [s.table!.name, { sheet: s.name, headerRow: s.headerRow, lastRow: s.lastRow, firstCol: s.firstCol, columns: s.table!.columns }]),
);

const close = (a: unknown, b: unknown): boolean =>
  typeof a === 'number' && typeof b === 'number' ? Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) : a === b;

function sameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): boolean {
  return a.length === b.length && a.every((row, r) => row.length === b[r].length && row.every((v, c) => close(v, b[r][c])));
}

/** Re-evaluates every formula from its text alone, on the workbook and the plan's own cached cells. */
function recheck(p: ScorecardPlan, data: WorkbookData = PLAN_WORKBOOK, tables: Record<string, TableInfo> = TABLES): { checked: number; mismatches: string[] } {
  const values = planValues(p);
  const env = workbookEnv(data, (ref) => {
    const out: (string | number | boolean | null)[][] = [];
    for (let r = 0; r < (ref.rows ?? 1); r++) {
      const row: (string | number | boolean | null)[] = [];
      for (let c = 0; c < (ref.cols ?? 1); c++) row.push(values.get(`${ref.row + r}:${ref.col + c}`) ?? null);
      out.push(row);
    }
    return out;
  });
  const mismatches: string[] = [];
  let checked = 0;
  for (const { row, col: c, cell } of cellsOf(p)) {
    if (!cell.formula) continue;
    checked++;
    // Excel's limit for a formula's text.
    expect(cell.formula.text.length).toBeLessThanOrEqual(8192);
    const parsed = parseFormula(cell.formula.text, { dialect: p.dialect, tables });
    expect(normalise(parsed)).toEqual(normalise(cell.formula.expr));
    const again = cachedOf(evaluate(parsed, env));
    const spill = (cell.formula as Partial<SpillingFormula>).spill;
    const same = spill ? again.spill !== undefined && sameCells(again.spill, spill) : close(again.cached, cell.formula.cached);
    if (!same) mismatches.push(`${row}:${c} ${cell.formula.text} → ${String(again.cached)} ≠ ${String(cell.formula.cached)}`);
  }
  return { checked, mismatches };
}

describe('the scorecard plan', () => {
  describe('every formula', () => {
    const cases: [Dialect, boolean, WorkbookOutline][] = [
      ['sheets', false, PLAN_OUTLINE], ['sheets', true, PLAN_OUTLINE],
      ['excel', false, TABLE_OUTLINE], ['excel', true, TABLE_OUTLINE],
      ['xlsx', false, PLAN_OUTLINE], ['xlsx', true, PLAN_OUTLINE],
    ];
    for (const [dialect, portable, outline] of cases) {
      it(`parses back to its Expr and recomputes its cached value from its text alone (${dialect}, ${portable ? 'portable' : 'live'})`, () => {
        const p = plan({ portable, brandAttributes: ['friendly', 'fast'] }, dialect, { outline });
        const { checked, mismatches } = recheck(p);
        expect(checked).toBeGreaterThan(200);
        expect(mismatches).toEqual([]);
      });
    }
  });

  describe('hand-checked values on the fixture (month periods)', () => {
    for (const portable of [false, true]) {
      const mode = portable ? 'portable' : 'live';
      it(`gives NPS 60 now, 0 the month before and 25 as the January baseline (${mode})`, () => {
        // Jan 10,9,8,3 → (2−1)/4 = 25; Feb 10,10,7,6,5 → 0; Mar 9,9,9,10,2 → (4−1)/5 = 60.
        const s = summaryOf(plan({ portable }), 'nps');
        expect([s.value, s.previous, s.baseline]).toEqual([60, 0, 25]);
        expect(s.n).toBe(5);
        expect(s.trend.slice(-3)).toEqual([25, 0, 60]);
        expect(s.trendLabels.slice(-3)).toEqual(['2026-01', '2026-02', '2026-03']);
        // The interval is NPS ± NPS_MOE of March's scores.
        const moe = call('NPS_MOE', col(9, 9, 9, 10, 2)) as number;
        expect(s.ciLow).toBeCloseTo(60 - moe, 9);
        expect(s.ciHigh).toBeCloseTo(60 + moe, 9);
      });

      it(`gives CSAT 0.8 now, 0.6 before and 0.5 as baseline, with the Wilson interval of 4 of 5 (${mode})`, () => {
        // Jan 5,4,3,2 → 2/4; Feb 5,5,4,1,2 → 3/5; Mar 4,5,5,5,1 → 4/5 (satisfied: 4 or 5 of 5).
        const s = summaryOf(plan({ portable }), 'csat');
        expect(s.value).toBeCloseTo(0.8, 12);
        expect(s.previous).toBeCloseTo(0.6, 12);
        expect(s.baseline).toBeCloseTo(0.5, 12);
        const [low, high] = wilsonInterval(4, 5, 0.95);
        expect(s.ciLow).toBeCloseTo(low, 12);
        expect(s.ciHigh).toBeCloseTo(high, 12);
        expect(s.status).toBe('green'); // default target 0.8 met exactly
      });
    }

    it('gives the same actual, previous and baseline in portable mode as the core gives live, for every KPI', () => {
      const live = plan({ portable: false });
      const portable = plan({ portable: true });
      for (const s of live.summary) {
        const p = summaryOf(portable, s.id);
        for (const key of ['value', 'previous', 'baseline'] as const) {
          if (typeof s[key] === 'number') expect(p[key], `${s.id}.${key}`).toBeCloseTo(s[key] as number, 6);
          else expect(p[key], `${s.id}.${key}`).toEqual(s[key]);
        }
      }
    });

    it('counts active issues and backlog age as stocks at each period end (hand-checked)', () => {
      const p = plan();
      // Open at 1 Feb: the ticket opened 20 Jan, resolved 2 Feb → 1; at 1 Mar: none; now: 16 and 25 Mar → 2.
      const active = summaryOf(p, 'activeIssues');
      expect([active.value, active.previous, active.baseline]).toEqual([2, 0, 1]);
      // Backlog age at the end of the latest day (26 Mar 00:00): 9 d 14 h = 230 h and 11 h → 120.5;
      // at 1 Feb: 11 d 14 h = 278 h; at 1 Mar nothing is open → "".
      const age = summaryOf(p, 'backlogAge');
      expect(age.value).toBeCloseTo(120.5, 9);
      expect(age.previous).toBe('');
      expect(age.baseline).toBeCloseTo(278, 9);
    });

    it('measures the competitor gap against the NPS row: 60 − mean(20, 40) = 30, with no trend', () => {
      const s = summaryOf(plan(), 'competitorGap');
      expect(s.value).toBe(30);
      expect([s.previous, s.baseline, s.trend]).toEqual(['', '', []]);
      const f = at(plan(), kpiRow(plan(), 'competitorGap'), COL.actual)!.formula!;
      // No competitor number is "no data": a blank, as on the KPI rows (IFNA: bad data keeps its error).
      expect(f.text).toBe(`=IF(D${kpiRow(plan(), 'nps')}="","",IFNA(COMPETITOR_GAP(D${kpiRow(plan(), 'nps')},Competitors!B2:B),""))`);
    });
  });

  describe('the ranges formulas name', () => {
    it("runs NPS's KPI_BY_PERIOD over the survey date and score columns", () => {
      const p = plan();
      const anchor = p.blocks.find((b) => b.id === 'helper:nps')!;
      const f = anchor.cells[0][0]!.formula!;
      const e = parseFormula(f.text, { dialect: 'sheets' });
      expect(e).toMatchObject({ kind: 'call', fn: 'KPI_BY_PERIOD', ours: true });
      const args = (e as Extract<Expr, { kind: 'call' }>).args;
      expect(args[0]).toEqual({ kind: 'str', value: 'NPS' });
      expect(args[1]).toEqual({ kind: 'range', ref: { sheet: 'Survey', firstRow: 2, lastRow: null, firstCol: 1, lastCol: 1 } });
      expect(args[2]).toEqual({ kind: 'str', value: 'month' });
      expect(args[3]).toEqual({ kind: 'range', ref: { sheet: 'Survey', firstRow: 2, lastRow: null, firstCol: 2, lastCol: 2 } });
      // Its cached spill is the core's table.
      expect((f as SpillingFormula).spill).toEqual([['Period', 'Rows', 'Value'], ['2026-01', 4, 25], ['2026-02', 5, 0], ['2026-03', 5, 60]]);
    });

    it('reads tickets below their header row, wherever the table starts (B3 here)', () => {
      const e = parseFormula(plan().blocks.find((b) => b.id === 'helper:avgResolution')!.cells[0][0]!.formula!.text, { dialect: 'sheets' });
      expect(rangesOf(e).map((r) => [r.sheet, r.firstRow, r.firstCol])).toEqual([['Tickets', 4, 4], ['Tickets', 4, 2], ['Tickets', 4, 4]]);
    });

    it('writes open-ended ranges for Sheets, so new rows are included', () => {
      for (const { cell } of cellsOf(plan())) {
        if (!cell.formula) continue;
        for (const r of rangesOf(parseFormula(cell.formula.text, { dialect: 'sheets' }))) expect(r.lastRow).toBeNull();
      }
      const retention = plan().blocks.find((b) => b.id === 'helper:retention')!.cells[0][0]!.formula!.text;
      expect(retention).toContain("'Monthly figures'!A2:A,");
    });

    it('writes structured references for Excel tables and ranges bounded beyond the data otherwise', () => {
      const p = plan({}, 'excel', { outline: TABLE_OUTLINE });
      const texts = cellsOf(p).filter((c) => c.cell.formula).map((c) => c.cell.formula!.text);
      const nps = texts.find((t) => t.startsWith('=KPI.KPI_BY_PERIOD("NPS"'))!;
      expect(nps).toBe('=KPI.KPI_BY_PERIOD("NPS",SurveyTable[Date],"month",SurveyTable[Score])');
      // The Tickets table has a column named "@SUM(A1)" (@ means "this row"): bounded A1 ranges instead,
      // 1000 rows beyond its last row (13); the monthly sheet is no table: bounded likewise.
      const tickets = texts.find((t) => t.startsWith('=KPI.KPI_BY_PERIOD("AVG_RESOLUTION"'))!;
      expect(tickets).toBe('=KPI.KPI_BY_PERIOD("AVG_RESOLUTION",Tickets!D4:D1013,"month",Tickets!B4:B1013,Tickets!D4:D1013)');
      for (const t of texts) {
        for (const r of rangesOf(parseFormula(t, { dialect: 'excel', tables: TABLES }))) expect(r.lastRow).not.toBeNull();
      }
    });

    it('names the comment column of a table with special characters in double brackets', () => {
      const p = plan({}, 'excel', { outline: TABLE_OUTLINE });
      const brand = p.blocks.find((b) => b.id === 'brandAttributes:table')!.cells[0][0]!.formula!.text;
      // Inside brackets quotes are not doubled: a structured reference is not a text literal.
      expect(brand).toBe('=KPI.BRAND_ATTRIBUTES(SurveyTable[[=HYPERLINK("http://evil.example","x")]],10)');
    });

    it('stores our functions as _xldudf_KPI_ in .xlsx, never as KPI.', () => {
      const texts = cellsOf(plan({}, 'xlsx')).filter((c) => c.cell.formula).map((c) => c.cell.formula!.text);
      expect(texts.some((t) => t.includes('_xldudf_KPI_KPI_BY_PERIOD('))).toBe(true);
      expect(texts.some((t) => t.includes('_xldudf_KPI_KPI_STATUS('))).toBe(true);
      expect(texts.filter((t) => /KPI\./.test(t))).toEqual([]);
      // The live backlog's IFNA is newer than Excel 2007: stored with _xlfn.
      expect(texts.some((t) => t.includes('_xlfn.IFNA(_xldudf_KPI_BACKLOG_AGE('))).toBe(true);
      expect(texts.some((t) => /(^|[^.])IFNA\(/.test(t))).toBe(false);
    });

    it('prefixes our functions with KPI. for the Excel add-in and not at all for Sheets', () => {
      // An actual that is an error has no status: IF(ISERROR(actual),"",…) in both modes; the data's
      // only period, not complete (the timeline's "to date" cell is 1), "incomplete".
      // NPS has a minimum of answers: "too few (n)" below it, the status otherwise.
      const row = kpiRow(plan(), 'nps');
      const toDate = (p: ScorecardPlan): string => {
        const text = at(p, row, COL.status)!.formula!.text;
        return /^=IF\(ISERROR\(D\d+\),"",IF\(([A-Z]+\d+)=1,/.exec(text)?.[1] ?? 'none';
      };
      const excel = plan({}, 'excel');
      expect(at(excel, row, COL.status)!.formula!.text)
        .toBe(`=IF(ISERROR(D${row}),"",IF(${toDate(excel)}=1,IF(D${row}="","","incomplete"),KPI.KPI_STATUS(D${row},H${row},I${row},0.05)))`);
      const sheets = plan({ minAnswers: 30 }, 'sheets');
      expect(at(sheets, row, COL.status)!.formula!.text)
        .toBe(`=IF(ISERROR(D${row}),"",IF(${toDate(sheets)}=1,IF(D${row}="","","incomplete"),IF(D${row}="","",IF(M${row}<30,"too few ("&M${row}&")",KPI_STATUS(D${row},H${row},I${row},0.05)))))`);
      // The "to date" cell is the timeline's, in the hidden helper columns.
      const letters = /^[A-Z]+/.exec(toDate(sheets))![0];
      expect([...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0)).toBeGreaterThanOrEqual(HELPER_FIRST);
    });
  });

  describe('portable mode', () => {
    for (const dialect of ['excel', 'sheets', 'xlsx'] as const) {
      it(`uses only functions every spreadsheet shares (${dialect})`, () => {
        const p = plan({ portable: true, brandAttributes: ['friendly'] }, dialect, { outline: dialect === 'excel' ? TABLE_OUTLINE : PLAN_OUTLINE });
        const allowed = new Set(NATIVE_FUNCTIONS);
        if (dialect === 'sheets') allowed.add('SPARKLINE');
        const used = new Set<string>();
        for (const { cell } of cellsOf(p)) {
          if (!cell.formula) continue;
          const e = parseFormula(cell.formula.text, { dialect, tables: TABLES });
          for (const c of callsOf(e)) {
            expect(c.ours, cell.formula.text).toBeUndefined();
            used.add(c.fn);
          }
          expect(cell.formula.text).not.toMatch(/FILTER|XLOOKUP|LET\(|_xlfn|_xldudf|KPI\./);
        }
        expect([...used].filter((f) => !allowed.has(f))).toEqual([]);
        expect(used.has('COUNTIFS')).toBe(true);
      });
    }

    it('writes KPIs without a cheap native form as values, and says so', () => {
      const p = plan({ portable: true });
      const valued = ['Revenue per customer', 'Profit per customer', 'Median resolution time', 'Resolved tickets per agent', 'Brand attributes'];
      const note = p.notes.find((n) => n.startsWith('Portable mode:'))!;
      for (const name of valued) expect(note).toContain(name);
      expect(note).not.toContain('Net Promoter Score');
      const median = p.blocks.find((b) => b.id === 'helper:medianResolution')!;
      // Period | Rows | Value, the baseline first, then the 13 months up to March 2026 (none before
      // January): plain numbers and constant labels (hand-checked: Jan 16 h, Feb 30 h, Mar 14 h).
      const listed = median.cells.slice(1).filter((r) => r[0]!.value !== '' && r[0]!.formula === undefined);
      expect(listed.map((r) => [r[0]!.value, r[2]!.value])).toEqual([['2026-01', 16], ['2026-01', 16], ['2026-02', 30], ['2026-03', 14]]);
      expect(median.cells.slice(1).every((r) => r[2]!.formula === undefined || r[2]!.formula.text === '=""')).toBe(true);
      const definition = at(p, kpiRow(p, 'medianResolution'), COL.definition)!.value as string;
      expect(definition).toMatch(/written as values/);
    });

    it('writes KPIs over text dates as values too, saying why, with the values the core reads from the text', () => {
      // The ticket dates as ISO text, as helpdesk exports write them: native criteria never match text.
      const tickets = PLAN_WORKBOOK.sheets[1];
      const asText = (v: unknown): unknown => (typeof v === 'number' ? new Date(Math.round((v - 25_569) * 86_400_000)).toISOString().slice(0, 16).replace('T', ' ') : v);
      const data: WorkbookData = {
        ...PLAN_WORKBOOK,
        sheets: PLAN_WORKBOOK.sheets.map((s) => (s !== tickets ? s : { ...s, values: s.values.map((r, i) => (i === 0 ? r : r.map((v, c) => (c < 3 ? asText(v) : v)))) })),
      };
      const p = plan({ portable: true }, 'sheets', { data });
      const note = p.notes.find((n) => n.includes('holds what native formulas cannot read'))!;
      // The note names the column and the kind of text, with the first such cell.
      expect(note).toContain('the column "Opened" on "Tickets" (dates written as text such as "2026-01-05 09:00", first at Tickets!B4)');
      expect(note).toContain('Average resolution time');
      expect(note).toContain('Active issues');
      expect(note).not.toContain('Net Promoter Score');
      expect(summaryOf(p, 'avgResolution').value).toBe(14);
      expect(summaryOf(p, 'activeIssues').value).toBe(2);
      expect(recheck(p, data).mismatches).toEqual([]);
    });

    it('reads CSAT ratings written as words (Zendesk Good/Bad: the top answer), live and as portable values naming the column', () => {
      // Ratings 4–5 as "Good", 1–3 as "Bad": Jan Good,Good,Bad,Bad → 2/4; Feb 3/5; Mar 4/5, as with the numbers.
      const survey = PLAN_WORKBOOK.sheets[0];
      const word = (v: unknown): unknown => (typeof v === 'number' ? (v >= 4 ? 'Good' : 'Bad') : v);
      const data: WorkbookData = {
        ...PLAN_WORKBOOK,
        sheets: PLAN_WORKBOOK.sheets.map((sh) => (sh !== survey ? sh : { ...sh, values: sh.values.map((r, i) => (i === 0 ? r : r.map((v, c) => (c === 2 ? word(v) : v)))) })),
      };
      for (const portable of [false, true]) {
        const p = plan({ portable }, 'sheets', { data });
        const s = summaryOf(p, 'csat');
        expect([s.value, s.previous, s.baseline]).toEqual([0.8, 0.6, 0.5]);
        expect(s.definition).toBe(`Share of satisfied ratings: the best answer of the 2-step word scale.${portable ? ' (written as values (the column "Rating" holds text native formulas cannot read); regenerate to update)' : ''}`);
        const note = p.notes.find((n) => n.includes('the column "Rating"')) ?? '';
        if (portable) expect(note).toContain('Customer satisfaction (CSAT) written as values because the column "Rating" on "Survey" (rating words such as "Good", first at Survey!C2)');
        else expect(note).toBe('');
      }
    });

    it('writes each period\'s bounds as references to its date column\'s periods, its rows empty while the data has a row NPS rejects', () => {
      const p = plan({ portable: true });
      const block = p.blocks.find((b) => b.id === 'helper:nps')!;
      const timeline = p.blocks.find((b) => b.id === 'timeline:surveyDate')!;
      const a1 = (row: number, col: number): string => exprText({ kind: 'local', ref: { row, col } }, 'sheets');
      const anchor = a1(block.row, block.col);
      // February is the 13th listed period (the baseline first, then 2025-03 … 2026-03).
      const feb = 13;
      expect(timeline.cells[feb][0]!.formula!.cached).toBe('2026-02');
      const start = a1(timeline.row + feb, timeline.col + 1), end = a1(timeline.row + feb, timeline.col + 2);
      expect(block.cells[feb][1]!.formula!.text)
        .toBe(`=IF(ISERROR(${anchor}),"",IF(${a1(timeline.row + feb, timeline.col)}="","",COUNTIFS(Survey!A2:A,">="&${start},Survey!A2:A,"<"&${end})))`);
      expect([timeline.cells[feb][1]!.formula!.cached, timeline.cells[feb][2]!.formula!.cached]).toEqual([serial('2026-02-01'), serial('2026-03-01')]);
      // The anchor is "Period" unless the date column holds no date (#N/A first, as KPI_BY_PERIOD)
      // or a score is not a whole number from 0 to 10.
      expect(block.cells[0][0]!.formula!.text).toMatch(/^=IF\(COUNT\(Survey!A2:A\)=0,NA\(\),IF\(COUNTIFS\(Survey!B2:B,"<0"\)\+COUNTIFS\(Survey!B2:B,">10"\)\+/);
      expect(block.cells[0][0]!.formula!.cached).toBe('Period');
    });

    it('writes the status as a native IF formula that agrees with KPI_STATUS', () => {
      const live = plan({}, 'sheets', { targets: { ...ALL_ON, nps: { target: 62, direction: 'higher', enabled: true }, avgResolution: { target: 13.5, direction: 'lower', enabled: true } } });
      const portable = plan({ portable: true }, 'sheets', { targets: { ...ALL_ON, nps: { target: 62, direction: 'higher', enabled: true }, avgResolution: { target: 13.5, direction: 'lower', enabled: true } } });
      // NPS 60 vs 62: short by 2 ≤ 5 % × 62 = 3.1 → amber; resolution 14 h vs 13.5 h (lower is better): 0.5 ≤ 0.675 → amber.
      expect(summaryOf(live, 'nps').status).toBe('amber');
      expect(summaryOf(live, 'avgResolution').status).toBe('amber');
      for (const s of live.summary) expect(summaryOf(portable, s.id).status, s.id).toBe(s.status);
      expect(at(portable, kpiRow(portable, 'nps'), COL.status)!.formula!.text).toMatch(/^=IF\(ISERROR\(D\d+\),"",IF\([A-Z]+\d+=1,IF\(D\d+="","","incomplete"\),IF\(D\d+="","",IF\(H\d+="",""/);
    });
  });

  describe('layout', () => {
    it('freezes the header, colours the status column and formats each unit', () => {
      const p = plan();
      expect(p.frozenRows).toBe(HEADER_ROW);
      const n = p.summary.filter((s) => s.id !== 'brandAttributes' && s.id !== 'timeByStatus').length;
      expect(p.statusRules).toEqual([{ range: { row: FIRST_KPI_ROW, col: COL.status, rows: n, cols: 1 }, colors: STATUS_COLORS }]);
      expect(STATUS_COLORS).toEqual({
        green: { fill: '#C6EFCE', font: '#006100' }, amber: { fill: '#FFEB9C', font: '#9C5700' }, red: { fill: '#FFC7CE', font: '#9C0006' },
      });
      const fmt = (id: string) => at(p, kpiRow(p, id), COL.actual)!.numberFormat;
      expect([fmt('csat'), fmt('nps'), fmt('avgResolution'), fmt('cashFlow'), fmt('resolvedIssues')]).toEqual(['0.0%', '0', '0.0" h"', '#,##0.00', '0']);
      expect(at(p, kpiRow(p, 'nps'), COL.target)).toMatchObject({ value: 30, style: 'input' });
      expect(at(p, HEADER_ROW, COL.kpi)!.value).toBe('KPI');
      expect(Object.values(p.columnWidths).every((w) => Number.isInteger(w) && w > 0)).toBe(true);
    });

    it('hides the helper columns and keeps every spill area out of every block', () => {
      const p = plan();
      expect(p.hiddenColumns.length).toBeGreaterThan(0);
      expect(Math.min(...p.hiddenColumns)).toBe(HELPER_FIRST);
      const occupied = new Set(cellsOf(p).map((c) => `${c.row}:${c.col}`));
      for (const { row, col: c, cell } of cellsOf(p)) {
        const spill = (cell.formula as Partial<SpillingFormula> | undefined)?.spill;
        if (!spill) continue;
        spill.forEach((line, r) => line.forEach((_, k) => {
          if (r > 0 || k > 0) expect(occupied.has(`${row + r}:${c + k}`), `${row + r}:${c + k}`).toBe(false);
        }));
      }
      // Blocks are rectangles.
      for (const b of p.blocks) expect(new Set(b.cells.map((r) => r.length)).size).toBe(1);
    });

    it('labels the trend columns with the periods when every trend shows the same ones', () => {
      const p = plan();
      const labels = Array.from({ length: 12 }, (_, k) => at(p, HEADER_ROW, COL.trendFirst + k)!.formula!.cached);
      expect(labels.slice(-3)).toEqual(['2026-01', '2026-02', '2026-03']);
      expect(labels.slice(0, 9)).toEqual(Array(9).fill(''));
    });

    it('draws trends as SPARKLINE in Sheets, leaves the cell to a chart in Excel and gives data bars in .xlsx', () => {
      const sheets = plan();
      const row = kpiRow(sheets, 'nps');
      expect(at(sheets, row, COL.trend)!.formula!.text).toBe(`=SPARKLINE(Q${row}:AB${row})`);
      expect(sheets.trends.find((t) => t.kpi === 'nps')).toEqual({
        kpi: 'nps', cell: { row, col: COL.trend }, source: { row, col: COL.trendFirst, rows: 1, cols: 12 },
        values: [...Array(9).fill(''), 25, 0, 60], labels: [...Array(9).fill(''), '2026-01', '2026-02', '2026-03'],
      });
      expect(sheets.dataBars).toEqual([]);
      const excel = plan({}, 'excel');
      expect(at(excel, row, COL.trend)).toBeUndefined();
      expect(excel.trends.length).toBe(sheets.trends.length);
      const xlsx = plan({}, 'xlsx');
      expect(at(xlsx, row, COL.trend)).toBeUndefined();
      expect(xlsx.dataBars).toContainEqual({ row, col: COL.trendFirst, rows: 1, cols: 12 });
      expect(xlsx.trends.some((t) => t.kpi === 'competitorGap')).toBe(false);
    });

    it('lists the KPI ids and their target cells in the marker', () => {
      const p = plan();
      expect(p.marker.key).toBe('service-kpi.scorecard');
      expect(p.marker.kpis[0]).toBe('retention');
      expect(p.marker.kpis).toContain('brandAttributes');
      expect(p.marker.targetCells.nps).toEqual({ row: kpiRow(p, 'nps'), col: COL.target });
    });

    it('is the same plan for the same input', () => {
      expect(JSON.stringify(plan({ portable: true }))).toBe(JSON.stringify(plan({ portable: true })));
    });

    it('speaks German when the options say so', () => {
      const p = plan({ language: 'de', sheetName: 'KPI-Scorecard' });
      expect(p.sheetName).toBe('KPI-Scorecard');
      expect(at(p, HEADER_ROW, COL.actual)!.value).toBe('Ist');
      expect(at(p, kpiRow(p, 'avgResolution'), COL.direction)!.value).toBe('niedriger');
      expect(summaryOf(p, 'nps').name).toBe('Net Promoter Score');
      // KPI_STATUS reads the German direction word: the statuses equal the English plan's.
      for (const s of plan().summary) expect(summaryOf(p, s.id).status).toBe(s.status);
    });
  });

  describe('user text', () => {
    it('is never a formula and is marked for neutralising (hostile headers, sheet names, terms)', () => {
      for (const portable of [false, true]) {
        const p = plan({ portable, brandAttributes: ['=cmd|"/c calc"!A1', 'friendly'] });
        const all = cellsOf(p);
        const texts = all.filter((c) => typeof c.cell.value === 'string').map((c) => c.cell);
        for (const h of [...HOSTILE_HEADERS, '=cmd|"/c calc"!A1']) {
          const cell = texts.find((c) => c.value === h);
          expect(cell, h).toBeDefined();
          expect(cell!.userText, h).toBe(true);
          expect(cell!.formula).toBeUndefined();
          expect(neutralise(h).startsWith("'")).toBe(true);
        }
        for (const c of all) if (c.cell.userText) expect(c.cell.formula).toBeUndefined();
        // Our own text never starts like a formula, so only user text needs the apostrophe.
        for (const c of texts) if (!c.userText) expect(neutralise(c.value as string)).toBe(c.value);
        // An agent's name is data only: it appears in no cell and no formula of the scorecard.
        expect(all.some((c) => c.cell.value === HOSTILE_AGENT || c.cell.formula?.text.includes('HYPERLINK'))).toBe(false);
      }
    });

    it('writes portable brand terms as user text', () => {
      const p = plan({ portable: true });
      const terms = p.blocks.find((b) => b.id === 'brandAttributes:table')!;
      expect(terms.cells[0].map((c) => c!.value)).toEqual(['Term', 'Mentions', 'Share']);
      expect(terms.cells[1][0]).toMatchObject({ value: 'friendly', userText: true });
    });
  });

  describe('the sheet it writes to', () => {
    it("never touches a user's sheet of the same name: it writes to \"KPI Scorecard (2)\"", () => {
      const p = plan({}, 'sheets', { existing: [{ name: 'KPI Scorecard', ours: false }] });
      expect(p.sheetName).toBe('KPI Scorecard (2)');
      expect(p.replaces).toBeUndefined();
      expect(p.notes[0]).toContain('"KPI Scorecard" already exists');
    });

    it('treats sheet names from the outline as the user\'s too', () => {
      const outline = outlineOf(PLAN_WORKBOOK, {}, ['kpi scorecard']);
      expect(plan({}, 'sheets', { outline }).sheetName).toBe('KPI Scorecard (2)');
    });

    it('replaces our own previous scorecard and keeps the targets typed on it', () => {
      const existing: ExistingSheet[] = [
        { name: 'KPI Scorecard', ours: false },
        { name: 'KPI Scorecard (2)', ours: true, targets: { nps: 45, csat: 85, avgResolution: null } },
      ];
      const p = plan({}, 'sheets', { existing });
      expect(p.sheetName).toBe('KPI Scorecard (2)');
      expect(p.replaces).toBe('KPI Scorecard (2)');
      expect(at(p, kpiRow(p, 'nps'), COL.target)!.value).toBe(45);
      // 85 typed into a percent cell of a share means 85 %.
      expect(at(p, kpiRow(p, 'csat'), COL.target)!.value).toBe(0.85);
      // A cleared target cell falls back to the request's target (the default here).
      expect(at(p, kpiRow(p, 'avgResolution'), COL.target)!.value).toBe(24);
      expect(summaryOf(p, 'nps').target).toBe(45);
      expect(summaryOf(p, 'nps').status).toBe('green');
      expect(p.notes.some((n) => n.includes('Kept the targets') && n.includes('Net Promoter Score'))).toBe(true);
    });
  });

  describe('which KPIs appear', () => {
    it('leaves switched-off KPIs out entirely', () => {
      const p = plan({}, 'sheets', { targets: { ...ALL_ON, csat: { target: 0.8, direction: 'higher', enabled: false }, brandAttributes: { target: null, direction: 'higher', enabled: false } } });
      expect(p.summary.map((s) => s.id)).not.toContain('csat');
      expect(p.marker.kpis).not.toContain('csat');
      expect(p.marker.kpis).not.toContain('brandAttributes');
      expect(p.blocks.some((b) => b.id === 'helper:csat' || b.id.startsWith('brandAttributes'))).toBe(false);
      expect(cellsOf(p).some((c) => c.cell.value === 'Customer satisfaction (CSAT)')).toBe(false);
    });

    it('says which columns a requested KPI lacks', () => {
      const request = planRequest({}, { nps: { target: 30, direction: 'higher', enabled: true } });
      const p = buildPlan({
        data: PLAN_WORKBOOK, outline: PLAN_OUTLINE, dialect: 'sheets', existing: [],
        request: { ...request, roles: request.roles.filter((r) => r.role !== 'npsScore') },
      });
      expect(p.notes).toContain('Net Promoter Score: not shown, it needs columns for npsScore.');
      expect(p.summary.map((s) => s.id)).not.toContain('nps');
      // Without an NPS row the gap uses the NPS of all responses — which needs the scores too.
      expect(p.summary.map((s) => s.id)).not.toContain('competitorGap');
    });

    it('places the brand block below the KPI rows with the expected attributes as inputs', () => {
      const p = plan({ brandAttributes: ['friendly', 'fast'] });
      const title = p.blocks.find((b) => b.id === 'brandAttributes:title')!;
      expect(title.row).toBeGreaterThan(FIRST_KPI_ROW + p.summary.length - 2);
      const attrs = p.blocks.find((b) => b.id === 'brandAttributes:words')!;
      expect(attrs.cells.slice(1).map((r) => r[0])).toEqual([
        { value: 'friendly', userText: true, style: 'input' }, { value: 'fast', userText: true, style: 'input' },
      ]);
      const match = p.blocks.find((b) => b.id === 'brandAttributes:match')!.cells[0][0]!.formula!;
      expect(match.text).toBe(`=BRAND_MATCH(Survey!D2:D,G${attrs.row + 1}:G${attrs.row + 2})`);
      expect(summaryOf(p, 'brandAttributes').value).toBe('friendly');
      expect(TREND_LAST).toBe(28);
    });
  });
});

// ------------------------------------------------------------------ speed

function bigWorkbook(tickets: number): WorkbookData {
  const rows: unknown[][] = [['Opened', 'First response', 'Resolved', 'Agent', 'FCR', 'Reopened', 'Converted', 'Complaint', 'Customer']];
  const start = 46_023; // 2026-01-01
  let seed = 7;
  const rnd = (): number => ((seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
  for (let i = 0; i < tickets; i++) {
    const opened = start + (i / tickets) * 365 + rnd() * 0.5;
    const resolved = rnd() < 0.95 ? opened + rnd() * 3 : null;
    rows.push([opened, opened + rnd() * 0.2, resolved, `A${i % 40}`, rnd() < 0.7, rnd() < 0.05, rnd() < 0.3 ? 'yes' : 'no', rnd() < 0.02 ? 'yes' : 'no', `C${i % 5000}`]);
  }
  return { sheets: [{ name: 'Tickets', originRow: 1, originCol: 1, values: rows }], timeZone: 'Europe/Berlin' };
}

describe('a 200 000-ticket workbook', () => {
  const data = bigWorkbook(200_000);
  const outline = outlineOf(data);
  const roles = (['ticketOpened', 'firstResponse', 'ticketResolved', 'agent', 'firstContactResolved', 'reopened', 'converted', 'complaint', 'customerId'] as const)
    .map((role, i) => ({ role, sheet: 'Tickets', column: i + 1, header: String(data.sheets[0].values[0][i]), confidence: 1, source: 'manager' as const }));
  for (const portable of [false, true]) {
    it(`builds a ${portable ? 'portable' : 'live'} plan for 200 000 tickets (its speed is measured by npm run bench)`, () => {
      const p = buildPlan({ data, outline, dialect: 'excel', existing: [], request: { ...planRequest({ portable, reportingDate: null }), roles } });
      expect(p.summary.map((k) => k.id)).toEqual(availableKpis(roles).available.map((k) => k.id));
      expect(summaryOf(p, 'resolvedIssues').trend.filter((v) => v !== '').length).toBe(12);
    }, 120_000);
  }
});

// ------------------------------------------------------------------ detected roles on other workbooks

describe('plans from detected roles', () => {
  const books: [string, WorkbookData][] = [['English', ENGLISH_WORKBOOK], ['German', GERMAN_WORKBOOK], ['sparse', SPARSE_WORKBOOK]];
  for (const [name, data] of books) {
    for (const dialect of ['sheets', 'excel', 'xlsx'] as const) {
      for (const portable of [false, true]) {
        it(`hold only formulas that recompute to their cached values (${name} workbook, ${dialect}, ${portable ? 'portable' : 'live'})`, () => {
          const outline = outlineWorkbook(data);
          const roles = detectRoles(outline);
          const p = buildPlan({
            data, outline, dialect, existing: [],
            request: { ...planRequest({ portable, language: name === 'German' ? 'de' : 'en' }, ALL_ON), roles },
          });
          const tables: Record<string, TableInfo> = Object.fromEntries(outline.sheets.filter((s) => s.table).map((s) => [s.table!.name, {
            sheet: s.name, headerRow: s.headerRow, lastRow: s.lastRow, firstCol: s.firstCol, columns: s.table!.columns,
          }]));
          const { mismatches } = recheck(p, data, tables);
          expect(mismatches).toEqual([]);
          if (name !== 'sparse') expect(p.summary.length).toBeGreaterThan(5);
        });
      }
    }
  }
});
