/**
 * Live and portable scorecards cannot disagree. On random workbooks (random-workbook.ts: blanks,
 * text, a repeated header row, yes/no words, x, TRUE/FALSE and 1/0 flags, DST-crossing dates,
 * rows the catalog rejects, ticket durations instead of timestamps, tickets resolved exactly at the
 * SLA limit, complaint counts in the monthly figures, the NPS row off) the scorecard is built in live mode (catalog functions) and in portable
 * mode (native formulas), and for every KPI every cell a manager reads — actual, previous,
 * baseline, the 12 trend values, n, the interval, variance and status — holds the same value, the
 * same blank or the same error. KPIs written as values say so in the notes, and never because a
 * native formula would have given other values (that note would mean a wrong native formula: a
 * mutated one fails here, see the last tests). KPIs that walk a log — the status- and message-log
 * KPIs, and ticket KPIs on a sheet whose ticket ids repeat (read one row per ticket) — have no native
 * form: in portable mode they are values, and the notes say so.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog/index.js';
import { cachedOf, evaluate, workbookEnv } from '../../core/scorecard/evaluate.js';
import { KPI_DEFINITIONS } from '../../core/scorecard/kpis.js';
import type { NativeForm, PeriodVariant, Series } from '../../core/scorecard/definition.js';
import { flagCount, isBlank, isNo, isSet, isYes, where } from '../../core/scorecard/measure.js';
import type { Measures } from '../../core/scorecard/measure.js';
import { buildPlan, COL, FIRST_KPI_ROW, planValues, TREND_LAST } from '../../core/scorecard/plan.js';
import type { Dialect, ScorecardPlan } from '../../core/scorecard/types.js';
import type { Cell } from '../../core/values/context.js';
import { normalise, parseFormula } from '../helpers/formula-parser.js';
import { disagreements, same } from './agreement-check.js';
import { knobsArbitrary, randomRequest, randomWorkbook } from './random-workbook.js';
import type { Knobs, RandomWorkbook } from './random-workbook.js';

function plans(w: RandomWorkbook, k: Knobs, dialect: Dialect = 'xlsx'): { live: ScorecardPlan; portable: ScorecardPlan } {
  const build = (portable: boolean): ScorecardPlan =>
    buildPlan({ data: w.data, outline: w.outline, request: randomRequest(w, k, portable), dialect, existing: [] });
  return { live: build(false), portable: build(true) };
}

describe('live and portable scorecards agree', () => {
  it('on random workbooks, for every KPI and period: the same value, the same blank or the same error', () => {
    fc.assert(fc.property(knobsArbitrary, fc.constantFrom<Dialect>('xlsx', 'sheets', 'excel'), (k, dialect) => {
      const w = randomWorkbook(k);
      const { live, portable } = plans(w, k, dialect);
      expect(disagreements(live, portable), JSON.stringify(k)).toEqual([]);
    }), { numRuns: process.env.CI ? 120 : 60, seed: 20_260_301 });
    // 120 random workbooks (with status and message logs, call logs and queue reports) planned twice
    // each: one to five minutes on the shared 2-core machine under load, so more room than the default.
  }, 300_000);

  it('give every KPI with a native form native formulas on clean data (nothing silently falls back to values)', () => {
    const k: Knobs = {
      seed: 11, period: 'month', timeZone: 'Europe/Berlin', dateCells: 'serial', survey: 60, tickets: 80, orders: 30, months: 12,
      competitors: 3, blanks: 0.1, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'x', 'bool', '1/0'], slaHours: 24,
    };
    const w = randomWorkbook(k);
    const { portable } = plans(w, k);
    // Only the KPIs whose definitions have no native form at all (distinct counts, a median, text
    // analysis), and — said apart — those that walk a status or message log (their functions are
    // the catalog's log family: no native formula can walk a log).
    const walksLog = (d: (typeof KPI_DEFINITIONS)[number]): boolean => findFunction(d.variants[0].fn)?.family === 'logs';
    const withoutNative = KPI_DEFINITIONS
      .filter((d) => !walksLog(d) && (d.layout === 'table' || (d.layout === 'period' && !(d.variants[0] as PeriodVariant).native)))
      .map((d) => d.name.en);
    const logs = KPI_DEFINITIONS.filter(walksLog).map((d) => d.name.en);
    expect(portable.notes.filter((n) => n.startsWith('Portable mode:'))).toEqual([
      `Portable mode: ${withoutNative.join(', ')} written as values (no native formula); regenerate to update them.`,
      `Portable mode: ${logs.join(', ')} written as values: they walk a log (status changes or messages per ticket, or an event log read one row per ticket), which no native formula can; regenerate to update them.`,
    ]);
    expect(withoutNative).toContain('Median resolution time');
    expect(logs).toEqual(['Resolution time on the SLA clock', 'Requester wait time', 'Next reply time', 'SLA attainment on the SLA clock', 'Time by status']);
    // The ticket table's ids do not repeat here: its KPIs keep their native formulas.
    expect(portable.notes.some((n) => n.includes('repeats its ticket ids'))).toBe(false);
  });

  it('write KPIs over label words, labelled scores or text dates as values with a note naming the column, agreeing with live', () => {
    const base: Knobs = {
      seed: 17, period: 'month', timeZone: 'UTC', dateCells: 'serial', survey: 60, tickets: 50, orders: 10, months: 6,
      competitors: 2, blanks: 0.1, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
      minAnswers: 0, minTickets: 0,
    };
    const names = (p: ScorecardPlan, column: string): string =>
      p.notes.find((n) => n.startsWith('Portable mode:') && n.includes(`the column "${column}"`)) ?? '';
    for (const k of [{ ...base, answerLabels: true }, { ...base, textDates: true }]) {
      const w = randomWorkbook(k);
      const { live, portable } = plans(w, k);
      expect(disagreements(live, portable), JSON.stringify(k)).toEqual([]);
      if (k.answerLabels) {
        expect(names(portable, 'Score')).toMatch(/Net Promoter Score.* written as values because the column "Score" on "Survey" \(/);
        expect(names(portable, 'Rating')).toMatch(/CSAT.* written as values because the column "Rating" on "Survey" \(/);
        expect(names(portable, 'Opened')).toBe('');
        // The core read the words: CSAT has a value, in both modes alike.
        expect(typeof portable.summary.find((s) => s.id === 'csat')!.value).toBe('number');
      } else {
        expect(names(portable, 'Opened')).toMatch(/Average resolution time.* written as values because the column "Opened" on "Tickets" \(dates written as text/);
        expect(names(portable, 'Score')).toBe('');
      }
    }
  });

  it('show the catalog function\'s error where a row is rejected, in both modes, and the note names its row', () => {
    const base: Knobs = {
      seed: 5, period: 'month', timeZone: 'UTC', dateCells: 'serial', survey: 40, tickets: 60, orders: 10, months: 6,
      competitors: 2, blanks: 0, textNoise: false, textDates: false, invalid: 'resolvedBeforeOpened', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
    };
    const w = randomWorkbook(base);
    expect(w.invalidRows).toHaveLength(1);
    const { live, portable } = plans(w, base);
    expect(disagreements(live, portable)).toEqual([]);
    for (const id of ['avgResolution', 'sla', 'activeIssues']) {
      expect(portable.summary.find((s) => s.id === id)!.value, id).toBe('#VALUE!');
      expect(live.summary.find((s) => s.id === id)!.value, id).toBe('#VALUE!');
    }
    // SLA attainment is not 100 % green: it is the function's error, and the note says which row.
    expect(portable.summary.find((s) => s.id === 'sla')!.status).toBe('');
    // Row r of the data is sheet row r + 1 (the header is row 1); the resolved date is column C.
    const row = w.invalidRows[0].row;
    // A period KPI and a stock KPI (their helper blocks differ): the note names the cell in live mode too.
    for (const p of [live, portable]) {
      for (const name of ['Average resolution time', 'Active issues']) {
        const note = p.notes.find((n) => n.startsWith(`${name}:`));
        expect(note, name).toMatch(new RegExp(`is before opened .* at Tickets!C${row + 1}$`));
      }
    }
    // The guard is in the formula: the portable block's anchor.
    const anchor = portable.blocks.find((b) => b.id === 'helper:avgResolution')!.cells[0][0]!.formula!;
    expect(anchor.text).toContain('SUMPRODUCT((Tickets!C2:C');
    expect(anchor.text).toContain('-"a ticket is resolved before it was opened"');
  });

  it.each(['resolvedBeforeOpened', 'responseBeforeOpened', 'scoreOutOfScale', 'ratingNegative', 'negativeCount', 'negativeWait', 'waitWithoutFlag', 'effortZero'] as const)(
    'keep native formulas whose guard shows the function\'s error where a row is %s (none falls back to values)', (invalid) => {
      // A definition whose rules lack the catalog's (a guard removed, a rule too narrow) is still
      // written correctly — as values with a note — so only this note tells that its guard failed.
      const k: Knobs = {
        seed: 5, period: 'month', timeZone: 'UTC', dateCells: 'serial', survey: 40, tickets: 60, orders: 10, months: 6,
        competitors: 2, blanks: 0, textNoise: false, textDates: false, invalid, flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
        calls: 70, intervals: 24, callFlags: 'yes/no', durations: 'seconds', serviceLevelSeconds: 20,
      };
      const w = randomWorkbook(k);
      expect(w.invalidRows.length).toBeGreaterThan(0);
      const { live, portable } = plans(w, k);
      expect(portable.notes.filter((n) => /no native formula reproduces|would not give/.test(n))).toEqual([]);
      // Every note about a rejected row names it by its sheet cell (the header is sheet row 1), none by its row in a range.
      for (const p of [live, portable]) {
        expect(p.notes.filter((n) => /\brow \d/.test(n))).toEqual([]);
        const { sheet, row } = w.invalidRows[0];
        expect(p.notes.some((n) => new RegExp(`\\b${sheet}![A-Z]+${row + 1}\\b`).test(n)), `${sheet} row ${row + 1}`).toBe(true);
      }
    });

  it('show #N/A, not the out-of-scale #VALUE!, where the survey has no date at all (found by the property above)', () => {
    // seed 484082869: one survey row, its date blank, its score 8.5. KPI_BY_PERIOD has no period
    // (#N/A, "dates holds no date") before it reads a score; the native guard would say #VALUE!.
    const k: Knobs = {
      seed: 484082869, period: 'week', timeZone: 'UTC', dateCells: 'serial', survey: 1, tickets: 0, orders: 0, months: 1,
      competitors: 0, blanks: 0.3, textNoise: false, textDates: false, invalid: 'scoreOutOfScale',
      flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 4, calls: 0, intervals: 0, callFlags: 'yes/no', durations: 'seconds', serviceLevelSeconds: 20,
    };
    const w = randomWorkbook(k);
    const { live, portable } = plans(w, k);
    expect(disagreements(live, portable)).toEqual([]);
    expect(planValues(portable).get(`${portable.marker.targetCells.nps.row}:${COL.actual}`)).toBe('#N/A');
  });

  it('count as n the answers a KPI used, not the dated rows (blank ratings are not answers)', () => {
    const k: Knobs = {
      seed: 3, period: 'year', timeZone: 'UTC', dateCells: 'date', survey: 60, tickets: 0, orders: 0, months: 1,
      competitors: 0, blanks: 0.3, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
      // 2026 is complete on its last day: the reporting period is the year of the answers.
      reportingDay: 364,
    };
    const w = randomWorkbook(k);
    for (const p of Object.values(plans(w, k))) {
      const survey = w.data.sheets[0].values.slice(1);
      const latest = [...survey].filter((r) => r[0] instanceof Date).map((r) => (r[0] as Date).getTime()).sort((a, b) => b - a)[0];
      const year = (ms: number): number => new Date(ms).getUTCFullYear();
      const inLatest = survey.filter((r) => r[0] instanceof Date && year((r[0] as Date).getTime()) === year(latest));
      const scores = inLatest.filter((r) => typeof r[1] === 'number').length;
      const ratings = inLatest.filter((r) => typeof r[2] === 'number').length;
      expect(p.summary.find((s) => s.id === 'nps')!.n).toBe(scores);
      expect(p.summary.find((s) => s.id === 'csat')!.n).toBe(ratings);
      expect(ratings).toBeLessThan(inLatest.length);
    }
  });

  it('recompute every formula of a random portable scorecard from its text alone', () => {
    fc.assert(fc.property(knobsArbitrary, (k) => {
      const w = randomWorkbook(k);
      const p = plans(w, k, 'sheets').portable;
      const values = planValues(p);
      const env = workbookEnv(w.data, (ref) => {
        const out: (Cell | null)[][] = [];
        for (let r = 0; r < (ref.rows ?? 1); r++) {
          const line: (Cell | null)[] = [];
          for (let c = 0; c < (ref.cols ?? 1); c++) line.push(values.get(`${ref.row + r}:${ref.col + c}`) ?? null);
          out.push(line);
        }
        return out;
      });
      for (const b of p.blocks) {
        b.cells.forEach((line, r) => line.forEach((cell, c) => {
          if (!cell?.formula) return;
          const parsed = parseFormula(cell.formula.text, { dialect: 'sheets' });
          expect(normalise(parsed)).toEqual(normalise(cell.formula.expr));
          const again = cachedOf(evaluate(parsed, env)).cached;
          expect(same(again, cell.formula.cached), `${b.row + r}:${b.col + c} ${cell.formula.text}`).toBe(true);
        }));
      }
    }), { numRuns: 15, seed: 7 });
  });
});

describe('logs in portable mode', () => {
  it('write every KPI of an event log (repeated ticket ids) as values equal to the live ones, and say so', () => {
    const k: Knobs = {
      seed: 17, period: 'month', timeZone: 'Europe/Berlin', dateCells: 'date', survey: 0, tickets: 80, orders: 0, months: 1,
      competitors: 0, blanks: 0.1, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'x', 'bool', '1/0'], slaHours: 24, repeatIds: true,
    };
    const w = randomWorkbook(k);
    const { live, portable } = plans(w, k);
    expect(disagreements(live, portable)).toEqual([]);
    const note = portable.notes.find((n) => n.includes('they walk a log'))!;
    for (const name of ['Average resolution time', 'SLA attainment', 'Active issues', 'Resolved issues', 'Reopen rate']) expect(note).toContain(name);
    expect(portable.notes.find((n) => n.startsWith('Sheet "Tickets" repeats its ticket ids ("Ticket ID")'))).toBeDefined();
  });
});

describe('a wrong native formula fails these tests', () => {
  const k: Knobs = {
    seed: 21, period: 'month', timeZone: 'UTC', dateCells: 'serial', survey: 60, tickets: 40, orders: 10, months: 4,
    competitors: 2, blanks: 0.1, textNoise: false, textDates: false, invalid: 'none', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], slaHours: 24,
  };

  /** Runs `check` with the NPS definition's native form replaced by `mutated`, then restores it. */
  function withNative(id: string, mutated: PeriodVariant['native'], check: () => void): void {
    const variant = KPI_DEFINITIONS.find((d) => d.id === id)!.variants[0] as { native?: PeriodVariant['native'] };
    const original = variant.native;
    variant.native = mutated;
    try {
      check();
    } finally {
      variant.native = original;
    }
  }

  it('NPS counting 0–5 as detractors (<=5 instead of <=6)', () => {
    withNative('nps', (m) => m.orBlank(m.div(m.mul(m.num(100), m.sub(m.count({ role: 'npsScore', op: '>=', value: 9 }), m.count({ role: 'npsScore', op: '<=', value: 5 }))), m.count({ role: 'npsScore', op: '>=', value: 0 }))), () => {
      const w = randomWorkbook(k);
      const { live, portable } = plans(w, k);
      expect(disagreements(live, portable).join('\n')).toMatch(/Net Promoter Score written as values: a native formula would not give/);
    });
  });

  /** Runs `check` with the native n of a KPI's `index`th variant replaced by `mutated`, then restores it. */
  function withCount(id: string, index: number, mutated: NativeForm, check: () => void): void {
    const variant = KPI_DEFINITIONS.find((d) => d.id === id)!.variants[index] as { count?: Series };
    const original = variant.count!;
    variant.count = { ...original, native: mutated };
    try {
      check();
    } finally {
      variant.count = original;
    }
  }

  // n is compared where a manager reads it, the actual's period: these workbooks have blank flags there.
  it('first-contact resolution\'s n counting the blank flags too (the dated tickets, not the answers)', () => {
    const blanks: Knobs = { ...k, blanks: 0.3 };
    const w = randomWorkbook(blanks);
    const { live, portable } = plans(w, blanks);
    expect(disagreements(live, portable)).toEqual([]);
    withCount('fcr', 0, (m) => m.add(flagCount(m, 'firstContactResolved'), m.count(isBlank('firstContactResolved'))), () => {
      const mutated = plans(w, blanks);
      expect(disagreements(mutated.live, mutated.portable).join('\n')).toMatch(/^fcr column \d+: live \d+, portable \d+$/m);
    });
  });

  it('reopen rate\'s n from reopen counts counting the blank counts too', () => {
    // Seed 25: the actual's month holds tickets resolved without a count.
    const counts: Knobs = { ...k, seed: 25, reopenCounts: true, blanks: 0.3 };
    const w = randomWorkbook(counts);
    const { live, portable } = plans(w, counts);
    expect(disagreements(live, portable)).toEqual([]);
    expect(typeof live.summary.find((s) => s.id === 'reopenRate')!.n).toBe('number');
    withCount('reopenRate', 1, (m) => m.add(m.count(where('reopenCount', '>=', 0)), m.count(isBlank('reopenCount'))), () => {
      const mutated = plans(w, counts);
      expect(disagreements(mutated.live, mutated.portable).join('\n')).toMatch(/^reopenRate column \d+: live \d+, portable \d+$/m);
    });
  });

  // The contact-centre and survey counts, and SLA_MET_RATE's: each mutated n differs in some listed period.
  const calls: Knobs = { ...k, calls: 70, blanks: 0.3, slaVerdicts: 'flags', flags: ['yes/no', 'yes/no', 'yes/no', 'yes/no'], durations: 'seconds', callFlags: 'yes/no' };
  const nDiffers = (id: string): RegExp => new RegExp(`^${id} (column \\d+|n of [^:]+): live \\d+, portable \\d+$`, 'm');

  it.each([
    ['serviceLevel', 0, 'the answered calls only (ASA\'s n, not the calls offered)', (m: Measures<unknown>) => m.count(isYes('callAnswered'))],
    ['abandonRate', 0, 'the answered calls only (the abandoned ones left out)', (m: Measures<unknown>) => m.count(isYes('callAnswered'))],
    ['asa', 0, 'every call with a flag (abandoned ones too)', (m: Measures<unknown>) => m.add(m.count(isYes('callAnswered')), m.count(isNo('callAnswered')))],
    ['aht', 0, 'the calls with a hold time, not those with a talk time', (m: Measures<unknown>) => m.count(isSet('holdTime'))],
    ['ces', 0, 'the dated answers, blank effort answers too', (m: Measures<unknown>) => m.count(isSet('surveyDate'))],
    ['sla', 0, 'the resolved tickets, those without a verdict too', (m: Measures<unknown>) => m.count(isSet('ticketResolved'))],
  ] as const)('%s\'s n (variant %i) counting %s', (id, index, _what, mutated) => {
    const w = randomWorkbook(calls);
    const { live, portable } = plans(w, calls);
    expect(disagreements(live, portable)).toEqual([]);
    expect(typeof live.summary.find((s) => s.id === id)!.n, id).toBe('number');
    withCount(id, index, mutated as NativeForm, () => {
      const mutatedPlans = plans(w, calls);
      expect(disagreements(mutatedPlans.live, mutatedPlans.portable).join('\n')).toMatch(nDiffers(id));
    });
  });

  it('CSAT counting the top box only (>= scale instead of >= scale − 1)', () => {
    withNative('csat', (m, a) => m.orBlank(m.div(m.count({ role: 'satisfaction', op: '>=', value: a.facts.csatScale }), m.count({ role: 'satisfaction', op: '>=', value: 0 }))), () => {
      const w = randomWorkbook(k);
      const { live, portable } = plans(w, k);
      expect(disagreements(live, portable).length).toBeGreaterThan(0);
    });
  });
});
