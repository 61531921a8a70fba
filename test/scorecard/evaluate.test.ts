import * as F from '@formulajs/formulajs';
import { describe, expect, it } from 'vitest';
import { cachedOf, evaluate, workbookEnv } from '../../core/scorecard/evaluate.js';
import type { EvalEnv, Value } from '../../core/scorecard/evaluate.js';
import { fn, local, num, op, ours, range, str } from '../../core/scorecard/formula.js';
import type { Cell } from '../../core/values/context.js';
import type { Expr, WorkbookData } from '../../core/scorecard/types.js';
import { serial } from '../helpers/call.js';
import { parseFormula } from '../helpers/formula-parser.js';

/** Column A: dates (a text date, a Date object, a blank), B: scores, C: flags, D: amounts. */
const DATA: WorkbookData = {
  timeZone: 'Europe/Berlin',
  sheets: [{
    name: 'Data', originRow: 1, originCol: 1,
    values: [
      ['Date', 'Score', 'Flag', 'Amount'],
      [serial('2026-03-02 10:00'), 10, 'yes', 100],
      [serial('2026-03-05'), 9, 'Yes', ''],
      ['2026-03-09', 3, 'no', 50],
      [new Date('2026-03-20T23:30:00Z'), '', 'YES', -20],
      [null, 7, null, 10],
      [serial('2026-04-01'), 8, TRUE_CELL(), 5],
    ],
  }],
};

function TRUE_CELL(): boolean {
  return true;
}

const col = (c: number, lastRow: number | null = null): Expr => range({ sheet: 'Data', firstRow: 2, lastRow, firstCol: c, lastCol: c });
const A = col(1), B = col(2), C = col(3), D = col(4);

function run(e: Expr, locals: Record<string, Cell> = {}): Value {
  const env: EvalEnv = workbookEnv(DATA, (ref) => {
    const out: (Cell | null)[][] = [];
    for (let r = 0; r < (ref.rows ?? 1); r++) {
      const row: (Cell | null)[] = [];
      for (let c = 0; c < (ref.cols ?? 1); c++) row.push(locals[`${ref.row + r}:${ref.col + c}`] ?? null);
      out.push(row);
    }
    return out;
  });
  return evaluate(e, env);
}

const text = (f: string, locals: Record<string, Cell> = {}): Cell => cachedOf(run(parseFormula(f, { dialect: 'sheets' }), locals)).cached;

describe('the evaluator', () => {
  describe('criteria (COUNTIFS, SUMIFS, AVERAGEIFS)', () => {
    it('compares dates as numbers: a text date does not match, a Date object does (in the sheet\'s zone)', () => {
      // March 2026 in Berlin: 2 Mar, 5 Mar and 20 Mar 23:30 UTC = 21 Mar 00:30 local; the text "2026-03-09" is text.
      expect(text('=COUNTIFS(Data!A2:A,">="&DATE(2026,3,1),Data!A2:A,"<"&DATE(2026,4,1))')).toBe(3);
      expect(text('=COUNTIFS(Data!A2:A,">="&DATE(2026,3,21))')).toBe(2);
    });

    it('matches text case-insensitively, blanks with "" and non-blanks with "<>"', () => {
      expect(text('=COUNTIFS(Data!C2:C,"yes")')).toBe(3);
      expect(text('=COUNTIFS(Data!C2:C,"")')).toBe(1);
      expect(text('=COUNTIFS(Data!C2:C,"<>")')).toBe(5);
      expect(text('=COUNTIFS(Data!C2:C,TRUE)')).toBe(1);
      expect(text('=COUNTIFS(Data!B2:B,">=9")')).toBe(2);
      expect(text('=COUNTIFS(Data!B2:B,7)')).toBe(1);
    });

    it('sums and averages the numbers of matching rows only', () => {
      expect(text('=SUMIFS(Data!D2:D,Data!B2:B,">=8")')).toBe(105); // 100 + "" + 5
      expect(text('=SUMIFS(Data!D2:D,Data!D2:D,"<0")')).toBe(-20);
      expect(text('=AVERAGEIFS(Data!D2:D,Data!B2:B,">=8")')).toBe(52.5);
      expect(text('=AVERAGEIFS(Data!D2:D,Data!B2:B,">=11")')).toBe('#DIV/0!');
    });

    it('refuses ranges of different sizes like a spreadsheet (#VALUE!)', () => {
      expect(cachedOf(run(fn('COUNTIFS', A, str('>0'), col(2, 4), str('>0')))).cached).toBe('#VALUE!');
    });

    it('reads rows beyond the data of a bounded range as blank', () => {
      expect(text('=COUNTIFS(Data!D2:D2000,"")')).toBe(2000 - 1 - 5);
    });
  });

  describe('arithmetic and arrays', () => {
    it('treats a blank as 0 and "" as text, as Excel does', () => {
      expect(text('=A1+1')).toBe(1);
      expect(text('=A1+1', { '1:1': '' })).toBe('#VALUE!');
      expect(text('=A1=""')).toBe(true);
      expect(text('=A1=""', { '1:1': '' })).toBe(true);
      expect(text('=A1=0')).toBe(true);
      expect(text('=1/0')).toBe('#DIV/0!');
      expect(text('=-(2-5)*2')).toBe(6);
      expect(text('="a"&1.5&TRUE')).toBe('a1.5TRUE');
    });

    it('computes SUMPRODUCT of comparisons over ranges with blanks (numbers fast, text the general way)', () => {
      // Amounts ≥ 10 among rows whose score ≥ 8: 100 (10), blank amount (9) → 0, 5 (8) → not ≥ 10.
      expect(text('=SUMPRODUCT((Data!B2:B>=8)*(Data!D2:D>=10))')).toBe(1);
      // The date column holds text: the general path; "2026-03-09" > any number.
      expect(text('=SUMPRODUCT((Data!A2:A>46000)*1)')).toBe(5);
      expect(text('=SUMPRODUCT(Data!B2:B,Data!D2:D)')).toBe(10 * 100 + 3 * 50 + 7 * 10 + 8 * 5);
      // Booleans inside SUMPRODUCT are not numbers.
      expect(text('=SUMPRODUCT(Data!B2:B>=8)')).toBe(0);
    });

    it('picks cells with INDEX and counts numbers with COUNT', () => {
      const locals = { '5:1': 'Period', '6:1': 3, '7:1': 4, '8:1': '' };
      expect(text('=INDEX(A6:A9,2)', locals)).toBe(4);
      expect(text('=COUNT(A5:A9)', locals)).toBe(2);
      expect(text('=COUNTA(A5:A9)', locals)).toBe(4);
      expect(text('=ROWS(A5:A9)', locals)).toBe(5);
      expect(text('=INDEX(A6:A9,7)', locals)).toBe('#REF!');
      expect(text('=IF(COUNT(A6:A9)>1,INDEX(A6:A9,COUNT(A6:A9)-1),"")', locals)).toBe(3);
    });

    it('handles IF, IFERROR, IFNA, ABS, SQRT, MEDIAN, PERCENTILE, AVERAGE, SUM and DATE', () => {
      expect(text('=IF(1>2,"a","b")')).toBe('b');
      expect(text('=IFERROR(1/0,"")')).toBe('');
      expect(text('=IFNA(1/0,"")')).toBe('#DIV/0!');
      expect(text('=ABS(-2)+SQRT(16)')).toBe(6);
      expect(text('=MEDIAN(Data!B2:B)')).toBe(8);
      expect(text('=PERCENTILE(Data!B2:B,0.25)')).toBe(7);
      expect(text('=AVERAGE(Data!B2:B)')).toBe(7.4);
      expect(text('=SUM(Data!D2:D)')).toBe(145);
      expect(text('=DATE(2026,13,1)')).toBe(serial('2027-01-01'));
      expect(text('=SPARKLINE(A1:L1)')).toBe('');
      expect(text('=FILTER(A1:A3,A1:A3>0)')).toBe('#NAME?');
    });
  });

  describe('functions the definitions rely on', () => {
    it('rounds half away from zero as Excel\'s ROUND, over single values and arrays', () => {
      expect(text('=ROUND(2.5,0)+ROUND(-2.5,0)')).toBe(0);
      expect(text('=ROUND(1.005,2)')).toBeCloseTo(1.01, 12);
      expect(text('=SUMPRODUCT(ROUND(Data!B2:B/4,0)*1)')).toBe(3 + 2 + 1 + 0 + 2 + 2);
    });

    it('finds a label with MATCH(…,0), also in a one-cell range, and says #N/A when it is not there', () => {
      const locals = { '5:1': '2026-03', '6:1': '2026-04' };
      expect(text('=MATCH("2026-04",A5:A6,0)', locals)).toBe(2);
      expect(text('=MATCH("2026-03",A5,0)', locals)).toBe(1);
      expect(text('=MATCH("2026-05",A5:A6,0)', locals)).toBe('#N/A');
      expect(text('=IFERROR(INDEX(A5:A6,MATCH("x",A5:A6,0)),0)', locals)).toBe(0);
    });

    it('tells errors with ISERROR and makes #N/A with NA(); -"text" is #VALUE!', () => {
      expect(text('=ISERROR(1/0)')).toBe(true);
      expect(text('=ISERROR(1)')).toBe(false);
      expect(text('=NA()')).toBe('#N/A');
      expect(text('=IF(1>0,-"a ticket is resolved before it was opened","Period")')).toBe('#VALUE!');
    });

    it('sums with compensation, as LibreOffice: 1e16 + 1 − 1e16 is 1, not 0', () => {
      const big: WorkbookData = { timeZone: 'UTC', sheets: [{ name: 'S', originRow: 1, originCol: 1, values: [['x'], [1e16], [1], [-1e16], [0.1], [0.2]] }] };
      const env = workbookEnv(big);
      const r = range({ sheet: 'S', firstRow: 2, lastRow: 6, firstCol: 1, lastCol: 1 });
      expect(cachedOf(evaluate(fn('SUM', r), env)).cached).toBeCloseTo(1.3, 12);
      expect(cachedOf(evaluate(fn('SUMIFS', r, r, str('<>')), env)).cached).toBeCloseTo(1.3, 12);
      expect(cachedOf(evaluate(fn('SUMPRODUCT', r), env)).cached).toBeCloseTo(1.3, 12);
      expect(cachedOf(evaluate(fn('SUMPRODUCT', op('*', r, op('>', r, num(-1e17)))), env)).cached).toBeCloseTo(1.3, 12);
    });

    it('gives a product of factors in SUMPRODUCT the same sum in one pass as factor by factor', () => {
      // Amounts of rows with a score ≥ 8 and a blank-free flag, both ways: fused, and with a text
      // factor that forces the general path.
      const fused = text('=SUMPRODUCT(Data!D2:D*(Data!B2:B>=8)*(Data!C2:C<>""))');
      const general = text('=SUMPRODUCT(Data!D2:D*(Data!B2:B>=8)*(Data!C2:C<>"")*(Data!C2:C<>"maybe"))');
      expect(fused).toBe(100 + 5);
      expect(general).toBe(fused);
    });
  });

  describe('the staffing table\'s functions', () => {
    const poisson = (F as unknown as { POISSON: { DIST: (x: number, m: number, c: boolean) => number } }).POISSON.DIST;

    it('computes POISSON.DIST as formulajs (probability and cumulative, small and large means)', () => {
      for (const [x, mean] of [[0, 0.5], [3, 2.2], [14, 10], [11, 10.525], [40, 33.3], [120, 100], [100, 95]]) {
        for (const cumulative of [false, true]) {
          const got = text(`=POISSON.DIST(${x},${mean},${cumulative ? 'TRUE' : 'FALSE'})`) as number;
          expect(got / poisson(x, mean, cumulative), `${x} ${mean} ${cumulative}`).toBeCloseTo(1, 11);
        }
      }
      // x is truncated; a mean of 0 puts everything on 0; negatives are #NUM!.
      expect(text('=POISSON.DIST(3.9,2,FALSE)')).toBe(text('=POISSON.DIST(3,2,FALSE)'));
      expect(text('=POISSON.DIST(0,0,FALSE)')).toBe(1);
      expect(text('=POISSON.DIST(2,0,FALSE)')).toBe(0);
      expect(text('=POISSON.DIST(2,0,TRUE)')).toBe(1);
      expect(text('=POISSON.DIST(-1,2,TRUE)')).toBe('#NUM!');
      // Beyond e^(−700), where formulajs overflows: against the terms summed in logs (ln k! as Σ ln j).
      const logTerm = (k: number, mean: number): number => {
        let f = 0;
        for (let j = 2; j <= k; j++) f += Math.log(j);
        return k * Math.log(mean) - mean - f;
      };
      for (const [x, mean] of [[1000, 1000], [760, 720]]) {
        expect((text(`=POISSON.DIST(${x},${mean},FALSE)`) as number) / Math.exp(logTerm(x, mean))).toBeCloseTo(1, 9);
        let cdf = 0;
        for (let k = 0; k <= x; k++) cdf += Math.exp(logTerm(k, mean));
        expect((text(`=POISSON.DIST(${x},${mean},TRUE)`) as number) / cdf).toBeCloseTo(1, 9);
      }
    });

    it('gives Erlang C by the native form of the staffing table (pyworkforce: 14 agents at 10 Erlangs, wait probability 0.174)', () => {
      const p = '=POISSON.DIST(14,10,FALSE)/(POISSON.DIST(14,10,FALSE)+(1-10/14)*POISSON.DIST(14-1,10,TRUE))';
      expect((text(p) as number).toFixed(3)).toBe('0.174');
      expect((text(`=1-(${p.slice(1)})*EXP(-(14-10)*19.8/180)`) as number).toFixed(3)).toBe('0.888');
    });

    it('rounds up away from zero, takes INT as floor, counts with COUNTIF and finds the MAX', () => {
      expect(text('=ROUNDUP(2.01,0)+ROUNDUP(-2.01,0)')).toBe(0);
      expect(text('=ROUNDUP(13.999999999999998,0)')).toBe(14);
      expect(text('=INT(10.525)+INT(-0.5)')).toBe(9);
      expect(text('=COUNTIF(Data!B2:B,">=8")')).toBe(3);
      expect(text('=MAX(3,14,-2)')).toBe(14);
      expect(text('=EXP(0)')).toBe(1);
    });
  });

  describe('our functions', () => {
    it('runs them through the catalog with ranges as the host passes them', () => {
      // Scores 10, 9, 3, 7, 8 (and a blank): promoters 2, detractors 1 of 5 → 20.
      expect(cachedOf(run(ours('NPS', B))).cached).toBe(20);
      expect(text('=NPS(Data!B2:B)')).toBe(20);
    });

    it('spills tables: the cached value is the top-left cell, the spill holds the whole table', () => {
      const c = cachedOf(run(ours('KPI_BY_PERIOD', str('NPS'), A, str('month'), B)));
      expect(c.cached).toBe('Period');
      // Dates are read by the core: the text date counts in March too. March 10, 9, 3, "" → (2−1)/3.
      expect(c.spill).toEqual([['Period', 'Rows', 'Value'], ['2026-03', 4, (100 * (2 - 1)) / 3], ['2026-04', 1, 0]]);
    });

    it('turns the core\'s errors into spreadsheet errors with the message kept', () => {
      const bad = cachedOf(run(ours('NPS', num(11))));
      expect(bad.cached).toBe('#VALUE!');
      expect(bad.message).toMatch(/^NPS: 11/);
      expect(cachedOf(run(ours('NPS', str('')))).cached).toBe('#N/A');
      expect(cachedOf(run(ours('NO_SUCH_KPI', B))).cached).toBe('#NAME?');
    });

    it('passes cells of the scorecard itself, e.g. a status from an actual and a target', () => {
      const status = ours('KPI_STATUS', local(1, 1), local(1, 2), str('höher'), num(0.05));
      expect(cachedOf(run(status, { '1:1': 0.86, '1:2': 0.9 })).cached).toBe('amber');
      expect(cachedOf(run(status, { '1:1': 0.86 })).cached).toBe('');
    });

    it('does not call a function with an error argument (the spreadsheet would not either)', () => {
      expect(cachedOf(run(ours('NPS', op('/', num(1), num(0))))).cached).toBe('#DIV/0!');
    });
  });
});
