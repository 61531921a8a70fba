/**
 * CALL_COUNT: the n of SERVICE_LEVEL, ABANDON_RATE, ASA and AHT — the calls each takes its value
 * over, called with the KPI's own arguments and read as it reads them, with the same errors.
 * Expected values by hand (ICMI's published example for the service-level modes); the one-pass
 * count against the readers alone on random columns.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { CALL_KPI_COUNTS } from '../../core/kpis/calls.js';
import { wallClock } from '../../core/values/clock.js';
import { calls, icmi } from '../fixtures/icmi-calls.js';
import { call, col, errorOf, serial } from '../helpers/call.js';

describe('CALL_COUNT', () => {
  it('counts the calls each service-level mode divides by (ICMI\'s 1,060 calls)', () => {
    const [w, a] = icmi();
    // offered and abandons_met: all 1,060 calls; answered: 1,000; short_abandons_excluded: 1,060 − 20 abandoned within 20 s.
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20)).toBe(1060);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20, 'offered')).toBe(1060);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20, 'answered')).toBe(1000);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20, 'abandons_met')).toBe(1060);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20, 'short_abandons_excluded')).toBe(1040);
    // Each share is a whole number of calls over that n: 860, 860, 880, 860.
    expect(call('SERVICE_LEVEL', w, a, 20)).toBe(860 / 1060);
    expect(call('SERVICE_LEVEL', w, a, 20, 'short_abandons_excluded')).toBe(860 / 1040);
  });

  it('counts the calls of ABANDON_RATE (short abandons left out), the answered calls of ASA, the talk times of AHT', () => {
    const [w, a] = icmi();
    expect(call('CALL_COUNT', 'ABANDON_RATE', a)).toBe(1060);
    // Abandoned within 5 s: the waits 0…5 of the first 20 abandons, 6 calls.
    expect(call('CALL_COUNT', 'ABANDON_RATE', a, w, 5)).toBe(1054);
    expect(call('ABANDON_RATE', a, w, 5)).toBe((60 - 6) / 1054);
    expect(call('CALL_COUNT', 'ASA', w, a)).toBe(1000);
    // ASA over 10, 30 and 20 s (the abandoned 100 s and the blank are not part of it): 3 calls.
    const [w2, a2] = calls([[10, true], [30, true], [100, false], [null, 'Abandoned'], [20, 'Answered']]);
    expect(call('ASA', w2, a2)).toBe(20);
    expect(call('CALL_COUNT', 'asa', w2, a2)).toBe(3);
    // AHT over rows with a talk time: 300, 200, 0:05:00 → 3 (the blank row is no handled call).
    const talk = col('Talk', 300, 200, null, '0:05:00');
    const hold = col('Hold', 60, null, null, '');
    const acw = col('ACW', 30, 40, null, 20);
    expect(call('AHT', talk, hold, acw)).toBeCloseTo(950 / 3, 12);
    expect(call('CALL_COUNT', 'KPI.AHT', talk, hold, acw)).toBe(3);
    expect(call('CALL_COUNT', 'AHT', talk)).toBe(3);
  });

  it('tells the header row apart as the KPI does: "Answered" above answered/abandoned words is no call', () => {
    const [w, a] = calls([[10, 'answered'], [30, 'abandoned']], 'Answered');
    expect(call('SERVICE_LEVEL', w, a, 20)).toBe(0.5);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20)).toBe(2);
    expect(call('CALL_COUNT', 'ASA', w, a)).toBe(1);
    // The flags alone cannot tell: ABANDON_RATE without waits reads the header word as a call (as the KPI does).
    expect(call('ABANDON_RATE', a)).toBeCloseTo(1 / 3, 15);
    expect(call('CALL_COUNT', 'ABANDON_RATE', a)).toBe(3);
  });

  it('errors where the KPI errors, at the same row, named after CALL_COUNT', () => {
    const [w, a] = calls([[10, true], [null, true]]);
    expect(errorOf(() => call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20)).message).toBe('CALL_COUNT: SERVICE_LEVEL: waits is blank at row 3, an answered call; its wait is needed');
    expect(errorOf(() => call('CALL_COUNT', 'ASA', w, a)).message).toBe('CALL_COUNT: ASA: waits is blank at row 3, an answered call; its wait is needed');
    const [w2, a2] = calls([[10, true], [12, null]]);
    expect(errorOf(() => call('CALL_COUNT', 'SERVICE_LEVEL', w2, a2, 20)).message).toBe('CALL_COUNT: SERVICE_LEVEL: answered is blank at row 3, a row with a wait (12 s); every call needs its answered flag');
    // An abandoned call without a wait: counted where its wait is not needed, an error where it is.
    const [w3, a3] = calls([[10, true], [null, false]]);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w3, a3, 20)).toBe(2);
    expect(errorOf(() => call('CALL_COUNT', 'SERVICE_LEVEL', w3, a3, 20, 'abandons_met')).message).toBe('CALL_COUNT: SERVICE_LEVEL: waits is blank at row 3, an abandoned call; its wait is needed');
    expect(errorOf(() => call('CALL_COUNT', 'AHT', col(300, null), col(10, 20))).message).toBe('CALL_COUNT: AHT: hold holds 20 s at row 2 where talk is blank; a row with handle time needs its talk time');
    expect(errorOf(() => call('CALL_COUNT', 'ABANDON_RATE', col('Answered', 'yes', 'maybe'))).message).toMatch(/^CALL_COUNT: ABANDON_RATE: "maybe" at row 3 of answered is not a yes\/no flag/);
    // Time values without input_unit: the 0–1 guard stops the count as it stops the KPI.
    expect(errorOf(() => call('CALL_COUNT', 'SERVICE_LEVEL', col(15 / 86400, 45 / 86400), col(true, false), 20)).message).toMatch(/^CALL_COUNT: SERVICE_LEVEL: waits holds only numbers between 0 and 1 .*pass input_unit "time"/);
    expect(errorOf(() => call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20, 'sometimes')).message).toMatch(/^CALL_COUNT: SERVICE_LEVEL: mode "sometimes" is not one of "offered", /);
    expect(errorOf(() => call('CALL_COUNT', 'OCCUPANCY', w, a)).message).toBe('CALL_COUNT: kpi "OCCUPANCY" is not one of "SERVICE_LEVEL", "ABANDON_RATE", "ASA", "AHT"');
    // The KPI's name left out: the waits are no name.
    expect(errorOf(() => call('CALL_COUNT', w, a)).message).toBe('CALL_COUNT: kpi must be a single value, not a range');
  });

  it('is 0 where the KPI has no data', () => {
    expect(errorOf(() => call('SERVICE_LEVEL', col('Wait'), col('Answered'), 20)).kind).toBe('na');
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', col('Wait'), col('Answered'), 20)).toBe(0);
    // Only abandoned calls: no answered call for ASA, or for SERVICE_LEVEL "answered".
    const [w, a] = calls([[40, false], [null, false]]);
    expect(call('CALL_COUNT', 'ASA', w, a)).toBe(0);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', w, a, 20, 'answered')).toBe(0);
    expect(call('CALL_COUNT', 'AHT', col('Talk', null, ''))).toBe(0);
  });

  it('reads host shapes: Excel (null blanks, time values with input_unit), Sheets ("" blanks, time values as Dates), German words', () => {
    const excel = call('CALL_COUNT', 'SERVICE_LEVEL', col('Wait', 15 / 86400, null, 30 / 86400), col('Answered', true, false, 'ja'), 20 / 86400, 'offered', 'time');
    expect(excel).toBe(3);
    const timeValue = (s: number): Date => new Date(Date.UTC(1899, 11, 30) + s * 1000);
    expect(call('CALL_COUNT', 'ASA', col('Wait', timeValue(15), '', timeValue(30)), col('Answered', 'angenommen', 'abgebrochen', 'angenommen'))).toBe(2);
    expect(call('CALL_COUNT', 'SERVICE_LEVEL', col('0:00:15', '0:00:45', '20 s'), col('ja', 'nein', 'abgebrochen'), '0:00:20', 'angeboten')).toBe(3);
    expect(call('CALL_COUNT', 'AHT', col('Talk', 4, 2), '', '', 'minutes')).toBe(2);
  });

  it('counts per period inside KPI_BY_PERIOD, as the KPI is computed there', () => {
    const dates = col('Call date', serial('2026-02-02T09:00'), serial('2026-02-20T10:00'), serial('2026-03-03T08:00'), serial('2026-03-04T08:00'), null);
    const [w, a] = calls([[12, true], [50, false], [8, true], [null, false], [5, true]]);
    // February: 2 calls (1 within 20 s); March: 2 calls (1 within, the abandoned without a wait counts); the undated call is in no period.
    expect(call('KPI_BY_PERIOD', 'SERVICE_LEVEL', dates, 'month', w, a, 20)).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 0.5], ['2026-03', 2, 0.5]]);
    expect(call('KPI_BY_PERIOD', 'CALL_COUNT', dates, 'month', 'SERVICE_LEVEL', w, a, 20)).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 2], ['2026-03', 2, 2]]);
    expect(call('KPI_BY_PERIOD', 'CALL_COUNT', dates, 'month', 'ASA', w, a)).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 1], ['2026-03', 2, 1]]);
    expect(call('KPI_BY_PERIOD', 'CALL_COUNT', dates, 'month', 'ABANDON_RATE', a)).toEqual([['Period', 'Rows', 'Value'], ['2026-02', 2, 2], ['2026-03', 2, 2]]);
  });
});

describe('the one-pass count agrees with the readers alone', () => {
  // SERVICE_LEVEL and AHT count in one pass what hosts mostly pass; their readers-only path must give
  // the same count or the same error on any input (the cells of test/kpis/calls.test.ts's property).
  const clock = wallClock('UTC');
  const outcome = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  const timeValue = (seconds: number): Date => new Date(Date.UTC(1899, 11, 30) + seconds * 1000);
  const duration = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 40 }) },
    { weight: 3, arbitrary: fc.double({ min: 0, max: 400, noNaN: true }) },
    { weight: 2, arbitrary: fc.double({ min: 0.001, max: 0.999, noNaN: true }) },
    { weight: 4, arbitrary: fc.constantFrom(null, '', undefined) },
    { weight: 1, arbitrary: fc.constantFrom(-5, '  ', '0:00:12', '12 s', 'PT12S', '#N/A', 'n/a', true, Number.POSITIVE_INFINITY) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map(timeValue) },
  );
  const flag = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(true, false, 1, 0) },
    { weight: 3, arbitrary: fc.constantFrom(null, '', undefined) },
    { weight: 1, arbitrary: fc.constantFrom('yes', 'no', 'answered', 'abandoned', '#N/A', 2, 'maybe') },
  );
  const unit = fc.constantFrom(undefined, null, 'seconds', 'minutes', 'time');

  it('SERVICE_LEVEL\'s calls in every mode', () => {
    const ctx = contextFor('CALL_COUNT: SERVICE_LEVEL', clock);
    let onePass = 0;
    fc.assert(fc.property(fc.array(fc.tuple(duration, flag), { minLength: 1, maxLength: 30 }), fc.boolean(), fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(undefined, 'offered', 'answered', 'abandons_met', 'short_abandons_excluded'), unit, (rows, header, threshold, mode, inputUnit) => {
        const [w, a] = header ? calls(rows) : [rows.map((r) => [r[0]]), rows.map((r) => [r[1]])];
        const args = [w, a, threshold, mode, inputUnit];
        const fast = outcome(() => CALL_KPI_COUNTS.SERVICE_LEVEL(ctx, args, true));
        expect(fast).toEqual(outcome(() => CALL_KPI_COUNTS.SERVICE_LEVEL(ctx, args, false)));
        if (typeof fast === 'number' && !rows.some((r) => typeof r[0] === 'string' || typeof r[1] === 'string')) onePass++;
      }), { numRuns: 1500 });
    expect(onePass).toBeGreaterThan(100);
  });

  it('AHT\'s talk times with and without hold and after-call work', () => {
    const ctx = contextFor('CALL_COUNT: AHT', clock);
    fc.assert(fc.property(fc.array(fc.tuple(duration, duration, duration), { minLength: 1, maxLength: 30 }), fc.boolean(),
      fc.constantFrom('both', 'hold', 'acw', 'talk only'), unit, (rows, header, extras, inputUnit) => {
        const column = (name: string, k: number): unknown[][] => (header ? col(name, ...rows.map((r) => r[k])) : rows.map((r) => [r[k]]));
        const h = extras === 'both' || extras === 'hold' ? column('Hold', 1) : null;
        const c = extras === 'both' || extras === 'acw' ? column('ACW', 2) : null;
        const args = [column('Talk', 0), h, c, inputUnit, null];
        expect(outcome(() => CALL_KPI_COUNTS.AHT(ctx, args, true))).toEqual(outcome(() => CALL_KPI_COUNTS.AHT(ctx, args, false)));
      }), { numRuns: 1500 });
  });
});
