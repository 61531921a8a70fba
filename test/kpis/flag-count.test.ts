/**
 * FLAG_COUNT: the n of CONVERSION_RATE, FIRST_CONTACT_RESOLUTION and REOPEN_RATE — the cells each
 * reads as a yes or a no (with REOPEN_RATE also reopen counts), with the same errors. Expected
 * values by hand; the one-pass count against readFlags on random columns of every kind of cell.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { wallClock } from '../../core/values/clock.js';
import { findFunction } from '../../core/catalog/index.js';
import { countVerdicts, readVerdicts, VERDICT_WORDS } from '../../core/kpis/sla-flags.js';
import { countFlags, fastFlagCount, readFlags } from '../../core/values/flags.js';
import { call, col, errorOf } from '../helpers/call.js';

describe('FLAG_COUNT', () => {
  it('counts the yes and no values a flag share divides by, blanks and the header left out', () => {
    // Converted: TRUE, ja, x, Yes truthy; nein, 0, no falsy; header and blank skipped → 4 / 7 over 7.
    const converted = col('Converted', true, 'ja', 'nein', 0, 'x', null, 'no', 'Yes');
    expect(call('CONVERSION_RATE', converted)).toBeCloseTo(4 / 7, 12);
    expect(call('FLAG_COUNT', converted)).toBe(7);
    expect(call('FLAG_COUNT', converted, 'CONVERSION_RATE')).toBe(7);
    // FCR: WAHR, j truthy; falsch, n falsy; "" (a Sheets blank) skipped → 2 / 4 over 4.
    const fcr = col('FCR', 'WAHR', 'falsch', 'j', 'n', '');
    expect(call('FIRST_CONTACT_RESOLUTION', fcr)).toBe(0.5);
    expect(call('FLAG_COUNT', fcr, 'FIRST_CONTACT_RESOLUTION')).toBe(4);
    // A blank row is not "not reopened": 1 / 4 over 4, not 5.
    const reopened = col('Reopened', 'no', 'no', 'yes', null, 'no');
    expect(call('REOPEN_RATE', reopened)).toBe(0.25);
    expect(call('FLAG_COUNT', reopened, 'reopen_rate')).toBe(4);
  });

  it('counts reopen counts (whole numbers from 0) only for REOPEN_RATE, and errors where each share errors', () => {
    // 0, 3, 0, 1, 0: two of five tickets reopened → 0.4 over 5.
    const reopens = col('Reopens', 0, 3, 0, 1, 0);
    expect(call('REOPEN_RATE', reopens)).toBe(0.4);
    expect(call('FLAG_COUNT', reopens, 'REOPEN_RATE')).toBe(5);
    expect(call('FLAG_COUNT', col('Reopens', '2', 'nein', 1, '', 4), 'KPI.REOPEN_RATE')).toBe(4);
    // For CONVERSION_RATE a 3 is no flag: FLAG_COUNT fails on the same cell.
    expect(errorOf(() => call('CONVERSION_RATE', reopens)).message).toBe('CONVERSION_RATE: 3 at row 3 of outcomes is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    expect(errorOf(() => call('FLAG_COUNT', reopens)).message).toBe('FLAG_COUNT: 3 at row 3 of flags is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    expect(errorOf(() => call('FLAG_COUNT', col('Reopens', 0, 2.5), 'REOPEN_RATE')).message)
      .toBe('FLAG_COUNT: 2.5 at row 3 of flags is neither a yes/no flag nor a reopen count (a whole number from 0)');
  });

  it('names unknown text below the header, error cells and a kpi it does not know', () => {
    expect(errorOf(() => call('FLAG_COUNT', col('Converted', true, 'maybe'))).message)
      .toBe('FLAG_COUNT: "maybe" at row 3 of flags is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    expect(errorOf(() => call('FLAG_COUNT', col('FCR', 'yes', { code: '#N/A' }))).message).toBe('FLAG_COUNT: #N/A at row 3 of flags is an error value');
    expect(errorOf(() => call('FLAG_COUNT', col('FCR', 'yes', '#DIV/0!'))).message).toBe('FLAG_COUNT: "#DIV/0!" at row 3 of flags is an error value');
    const bad = errorOf(() => call('FLAG_COUNT', col('yes'), 'NPS'));
    expect(bad.kind).toBe('value');
    expect(bad.message).toBe('FLAG_COUNT: kpi "NPS" is not one of "CONVERSION_RATE", "FIRST_CONTACT_RESOLUTION", "REOPEN_RATE", "SLA_MET_RATE"');
    // Long or hostile text is quoted short and safe.
    expect(errorOf(() => call('FLAG_COUNT', col('x', `=HYPERLINK("http://evil.example","${'y'.repeat(200)}")`))).message).not.toContain('y'.repeat(100));
  });

  it('counts SLA_MET_RATE\'s verdicts — verdict words and flags — as SLA_MET_RATE reads them', () => {
    // Freshdesk's Resolution status: Within SLA ×2, SLA Violated, blank, "within  sla " (spaces, any case),
    // BREACHED, TRUE → met 4 (Within SLA ×2, within sla, TRUE) of 6 verdicts.
    const status = col('Resolution status', 'Within SLA', 'SLA Violated', null, 'Within SLA', 'within  sla ', 'BREACHED', true);
    expect(call('SLA_MET_RATE', status)).toBeCloseTo(4 / 6, 15);
    expect(call('FLAG_COUNT', status, 'SLA_MET_RATE')).toBe(6);
    // German verdicts below a header: eingehalten, verletzt, nicht erfüllt, Erfüllt → 2 / 4 over 4.
    const german = col('SLA-Status', 'eingehalten', 'verletzt', '', 'nicht erfüllt', 'Erfüllt');
    expect(call('SLA_MET_RATE', german)).toBe(0.5);
    expect(call('FLAG_COUNT', german, 'sla_met_rate')).toBe(4);
    // For the other shares a verdict word is no flag: below the header it is their error.
    expect(errorOf(() => call('FLAG_COUNT', status)).message).toBe('FLAG_COUNT: "Within SLA" at row 2 of flags is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    // Unknown text below the header is SLA_MET_RATE's error, at the same cell.
    const bad = col('made_sla', 'met', 'pending', 'missed');
    expect(errorOf(() => call('SLA_MET_RATE', bad)).message).toBe('SLA_MET_RATE: "pending" at row 3 of flags is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    expect(errorOf(() => call('FLAG_COUNT', bad, 'SLA_MET_RATE')).message).toBe('FLAG_COUNT: "pending" at row 3 of flags is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    // No verdict at all: SLA_MET_RATE has no data, its n is 0.
    expect(errorOf(() => call('SLA_MET_RATE', col('made_sla', null))).kind).toBe('na');
    expect(call('FLAG_COUNT', col('made_sla', null), 'SLA_MET_RATE')).toBe(0);
  });

  it('is 0 where the share has no data', () => {
    expect(errorOf(() => call('REOPEN_RATE', col('Reopened', null, ''))).kind).toBe('na');
    expect(call('FLAG_COUNT', col('Reopened', null, ''), 'REOPEN_RATE')).toBe(0);
    expect(call('FLAG_COUNT', [[null]])).toBe(0);
    expect(call('FLAG_COUNT', [])).toBe(0);
  });

  it('reads host shapes: Excel (null blanks, [[x]]), Sheets ("" blanks, a scalar), several columns, data types', () => {
    expect(call('FLAG_COUNT', [['Converted'], [true], [null], [false], [null]])).toBe(2);
    expect(call('FLAG_COUNT', [['Converted'], [true], [''], [false], ['']])).toBe(2);
    expect(call('FLAG_COUNT', [['yes']])).toBe(1);
    expect(call('FLAG_COUNT', 'yes')).toBe(1);
    expect(call('FLAG_COUNT', '')).toBe(0);
    expect(call('FLAG_COUNT', [['yes', 'no'], ['x', ''], [null, 0]])).toBe(4);
    expect(call('FLAG_COUNT', col('FCR', { type: 'String', basicValue: 'yes' }, { type: 'Boolean', basicValue: false }, { type: 'Double', basicValue: 1 }))).toBe(3);
  });

  it('reads what the one pass leaves to the reader as the share reads it: spaces, odd case, call outcomes', () => {
    // " yes ", "yEs" and "NEIN " are flags; "Answered" alone on top of TRUE/FALSE is the column's name.
    expect(call('FLAG_COUNT', col('FCR', ' yes ', 'yEs', 'NEIN ', '   '))).toBe(3);
    expect(call('CONVERSION_RATE', col('Answered', true, false))).toBe(0.5);
    expect(call('FLAG_COUNT', col('Answered', true, false))).toBe(2);
    expect(call('FLAG_COUNT', col('answered', 'abandoned'))).toBe(2);
  });

  it('counts per period inside KPI_BY_PERIOD, as the share is computed there', () => {
    const dates = col('Opened', 46_054, 46_055, 46_060, 46_085, 46_086, null, 46_087);
    const flags = col('FCR', 'yes', null, 'no', 'x', 'nein', 'yes', 'ja');
    // January 2026 (46023–46053) has none; February (46054–46081): yes, blank, no → 1 / 2 over 2;
    // March: x, nein, ja → 2 / 3 over 3; the undated yes belongs to no period.
    expect(call('KPI_BY_PERIOD', 'FIRST_CONTACT_RESOLUTION', dates, 'month', flags)).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 3, 0.5], ['2026-03', 3, 2 / 3]]);
    expect(call('KPI_BY_PERIOD', 'FLAG_COUNT', dates, 'month', flags, 'FIRST_CONTACT_RESOLUTION')).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 3, 2], ['2026-03', 3, 3]]);
    // A period without flags: "" for the share, 0 for its n.
    const noFlags = col('FCR', null, null, null, 'x', 'nein', 'yes', 'ja');
    expect(call('KPI_BY_PERIOD', 'FLAG_COUNT', dates, 'month', noFlags, 'FIRST_CONTACT_RESOLUTION')).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 3, 0], ['2026-03', 3, 3]]);
    // A bad cell stops both tables at its row in the whole range.
    const bad = col('FCR', 'yes', null, 'no', 'x', 'vielleicht', 'yes', 'ja');
    expect(errorOf(() => call('KPI_BY_PERIOD', 'FLAG_COUNT', dates, 'month', bad)).message).toBe('KPI_BY_PERIOD: FLAG_COUNT: "vielleicht" at row 6 of flags is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)');
    expect(errorOf(() => call('KPI_BY_PERIOD', 'CONVERSION_RATE', dates, 'month', bad)).message).toMatch(/^KPI_BY_PERIOD: CONVERSION_RATE: "vielleicht" at row 6 of outcomes/);
  });
});

describe('the one-pass count agrees with readFlags', () => {
  const ctx = contextFor('FLAG_COUNT', wallClock('UTC'));
  const outcome = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  // Mostly what the one pass reads itself, so it decides most cases; the rest sends the call to readFlags.
  const cell = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom<unknown>('yes', 'no', 'Yes', 'NO', 'ja', 'Nein', 'x', 'X', 'j', 'n', 'TRUE', 'falsch', '1', '0', true, false, 1, 0) },
    { weight: 4, arbitrary: fc.constantFrom<unknown>(null, undefined, '') },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 5 }) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(' yes', 'yEs', '  ', 'Answered', 'abgebrochen', 'Converted', 'maybe', 'n/a', '2', '3,0', '1.5', '#N/A', -1, 2.5,
      Number.NaN, Number.POSITIVE_INFINITY, new Date(Date.UTC(2026, 0, 5)), { code: '#DIV/0!' }, { type: 'String', basicValue: 'ja' }) },
  );
  const column = fc.tuple(fc.option(fc.constantFrom('Converted', 'Reopens', 'FCR', 'Answered'), { nil: undefined }), fc.array(cell, { maxLength: 25 }))
    .map(([header, cells]) => (header === undefined ? cells : [header, ...cells]).map((v) => [v]));

  // SLA verdicts as exports write them, and spellings only SLA_MET_RATE's own reader takes.
  const verdict = fc.constantFrom<unknown>('Within SLA', 'SLA Violated', 'within sla', 'SLA VIOLATED', 'Met', 'missed', 'Breached', 'eingehalten',
    'Nicht Erfüllt', 'gegen SLA verstoßen', ' met', 'within  SLA', 'wItHiN sla', 'GEGEN SLA VERSTOSSEN', 'made_sla', 'pending');
  const verdictColumn = fc.tuple(fc.option(fc.constantFrom('made_sla', 'Resolution status', 'Met'), { nil: undefined }),
    fc.array(fc.oneof({ weight: 3, arbitrary: verdict }, { weight: 4, arbitrary: cell }), { maxLength: 25 }))
    .map(([header, cells]) => (header === undefined ? cells : [header, ...cells]).map((v) => [v]));

  it('on random columns of verdicts and flags: FLAG_COUNT("SLA_MET_RATE") gives SLA_MET_RATE\'s denominator or its error', () => {
    const sla = contextFor('SLA_MET_RATE', wallClock('UTC'));
    const metRate = findFunction('SLA_MET_RATE')!;
    let onePass = 0;
    fc.assert(fc.property(verdictColumn, (rows) => {
      if (fastFlagCount(rows, false, VERDICT_WORDS) >= 0) onePass++;
      const n = outcome(() => call('FLAG_COUNT', rows, 'SLA_MET_RATE'));
      const rate = outcome(() => metRate.impl(sla, [rows]));
      if (typeof n === 'number') {
        // SLA_MET_RATE's share is a whole number of verdicts over n (or no data where n is 0).
        if (n === 0) expect(rate).toMatch(/no data/);
        else expect(Math.abs((rate as number) * n - Math.round((rate as number) * n))).toBeLessThan(1e-9);
      } else expect(String(n).replace(/^FLAG_COUNT/, 'SLA_MET_RATE')).toBe(rate);
      // The one pass agrees with SLA_MET_RATE's reader alone.
      expect(outcome(() => countVerdicts(ctx, rows, 'flags'))).toEqual(outcome(() => readVerdicts(ctx, rows, 'flags').count));
    }), { numRuns: 2000, seed: 20_260_311 });
    // Both paths are exercised: the one pass decides a good part of the columns itself.
    expect(onePass).toBeGreaterThan(200);
    expect(onePass).toBeLessThan(1800);
  });

  it('counts a Freshdesk or ServiceNow verdict column in one pass, and leaves odd spellings to the reader', () => {
    expect(fastFlagCount(col('Resolution status', 'Within SLA', 'SLA Violated', null, 'BREACHED', true, 'Gegen SLA verstoßen'), false, VERDICT_WORDS)).toBe(5);
    expect(fastFlagCount(col('made_sla', 'true', 'false', ''), false, VERDICT_WORDS)).toBe(2);
    // Spaces inside or around a word, odd case: the reader's (SLA_MET_RATE's) path, which still counts them.
    expect(fastFlagCount(col('Resolution status', 'within  SLA'), false, VERDICT_WORDS)).toBe(-1);
    expect(fastFlagCount(col('Resolution status', 'wItHiN sla'), false, VERDICT_WORDS)).toBe(-1);
    expect(call('FLAG_COUNT', col('Resolution status', 'within  SLA', 'wItHiN sla'), 'SLA_MET_RATE')).toBe(2);
    // A first cell that is a verdict with odd spacing is a verdict, not a header.
    expect(fastFlagCount(col(' met'), false, VERDICT_WORDS)).toBe(-1);
    expect(call('FLAG_COUNT', col(' met', 'missed'), 'SLA_MET_RATE')).toBe(2);
  });

  it('on random columns of every kind of cell: the same count or the same error, flags and reopen counts', () => {
    fc.assert(fc.property(column, fc.boolean(), (rows, counts) => {
      expect(outcome(() => countFlags(ctx, rows, 'flags', counts))).toEqual(outcome(() => readFlags(ctx, rows, 'flags', counts).count));
    }), { numRuns: 2000, seed: 20_260_310 });
  });
});
