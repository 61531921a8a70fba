import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findFunction } from '../../core/catalog/index.js';
import { callSpec } from '../../core/call.js';
import { READERS_ONLY } from '../../core/kpis/calls.js';
import { wallClock } from '../../core/values/clock.js';
import { calls, icmi } from '../fixtures/icmi-calls.js';
import { call, col, errorOf } from '../helpers/call.js';

describe('SERVICE_LEVEL', () => {
  it('gives ICMI\'s published figures under all four modes (81 %, 86 %, 83 %, 83 %)', () => {
    const [waits, answered] = icmi();
    expect(call('SERVICE_LEVEL', waits, answered, 20)).toBeCloseTo(860 / 1060, 12); // 0.811
    expect((call('SERVICE_LEVEL', waits, answered, 20, 'offered') as number).toFixed(3)).toBe('0.811');
    expect(call('SERVICE_LEVEL', waits, answered, 20, 'answered')).toBe(0.86);
    expect((call('SERVICE_LEVEL', waits, answered, 20, 'abandons_met') as number).toFixed(3)).toBe('0.830');
    expect((call('SERVICE_LEVEL', waits, answered, 20, 'short_abandons_excluded') as number).toFixed(3)).toBe('0.827');
    // German mode words, spaces for underscores.
    expect(call('SERVICE_LEVEL', waits, answered, 20, 'Abbrüche erfüllt')).toBe(call('SERVICE_LEVEL', waits, answered, 20, 'abandons_met'));
    expect(call('SERVICE_LEVEL', waits, answered, 20, 'angenommen')).toBe(0.86);
  });

  it('gives Cisco Unified ICM\'s published example: 70 answered and 10 abandoned within of 100 → 70 %, 80 %, 77.8 %', () => {
    // Cisco Unified ICM CTI Server user guide, "Service Level Formulas": ServiceLevelCalls 70, ServiceLevelAband 10,
    // 20 over the threshold (here 15 answered late, 5 abandoned late).
    const rows: [number, boolean][] = [];
    for (let i = 0; i < 70; i++) rows.push([10, true]);
    for (let i = 0; i < 10; i++) rows.push([5, false]);
    for (let i = 0; i < 15; i++) rows.push([40, true]);
    for (let i = 0; i < 5; i++) rows.push([45, false]);
    const [w, a] = calls(rows);
    expect(call('SERVICE_LEVEL', w, a, 30, 'offered')).toBe(0.7);
    expect(call('SERVICE_LEVEL', w, a, 30, 'abandons_met')).toBe(0.8);
    expect(call('SERVICE_LEVEL', w, a, 30, 'short_abandons_excluded')).toBeCloseTo(70 / 90, 15);
  });

  it('tells a header row "Answered" above answered/abandoned words by the waits column\'s header', () => {
    const [w, a] = calls([[10, 'answered'], [30, 'abandoned']], 'Answered');
    expect(call('SERVICE_LEVEL', w, a, 20)).toBe(0.5);
    expect(call('ASA', w, a)).toBe(10);
  });

  it('counts a wait equal to the threshold as within, comparing whole milliseconds', () => {
    const [w, a] = calls([[20, true], [20.0004, true], [20.0006, true], [19, true]]);
    expect(call('SERVICE_LEVEL', w, a, 20)).toBe(0.75); // 20.0004 s is 20,000 ms; 20.0006 s is 20,001 ms
  });

  it('reads waits and the threshold as durations: h:mm:ss text, time values with input_unit "time", minutes', () => {
    const [w, a] = calls([['0:00:15', 'ja'], ['0:00:45', 'nein'], ['0:00:30', 'angenommen'], ['20 s', 'abgebrochen']]);
    expect(call('SERVICE_LEVEL', w, a, '0:00:20')).toBe(0.25);
    expect(call('SERVICE_LEVEL', w, a, 0.5, null, 'minutes')).toBe(0.5);
    // Excel passes 0:00:15 cells as fractions of a day.
    const [tw, ta] = calls([[15 / 86400, true], [45 / 86400, false], [30 / 86400, true]]);
    expect(call('SERVICE_LEVEL', tw, ta, 20 / 86400, 'offered', 'time')).toBeCloseTo(1 / 3, 15);
    // Without input_unit such fractions are an error, so Excel and Sheets cannot silently disagree.
    expect(errorOf(() => call('SERVICE_LEVEL', tw, ta, 20)).message).toMatch(/^SERVICE_LEVEL: waits holds only numbers between 0 and 1 .*pass input_unit "time"/);
  });

  it('names a row whose wait or flag is missing', () => {
    const [w, a] = calls([[10, true], [null, true]]);
    expect(errorOf(() => call('SERVICE_LEVEL', w, a, 20)).message).toBe('SERVICE_LEVEL: waits is blank at row 3, an answered call; its wait is needed');
    const [w2, a2] = calls([[10, true], [12, null]]);
    expect(errorOf(() => call('SERVICE_LEVEL', w2, a2, 20)).message).toBe('SERVICE_LEVEL: answered is blank at row 3, a row with a wait (12 s); every call needs its answered flag');
    // An abandoned call without a wait counts where its wait is not needed…
    const [w3, a3] = calls([[10, true], [null, false]]);
    expect(call('SERVICE_LEVEL', w3, a3, 20)).toBe(0.5);
    // … and is an error where it is.
    expect(errorOf(() => call('SERVICE_LEVEL', w3, a3, 20, 'abandons_met')).message).toBe('SERVICE_LEVEL: waits is blank at row 3, an abandoned call; its wait is needed');
    expect(errorOf(() => call('SERVICE_LEVEL', w3, a3, 20, 'sometimes')).message).toMatch(/^SERVICE_LEVEL: mode "sometimes" is not one of "offered", /);
    expect(errorOf(() => call('SERVICE_LEVEL', col('Wait'), col('Answered'), 20)).kind).toBe('na');
  });

  it('lies between 0 and 1 and never falls as the threshold rises, in every mode (property)', () => {
    const callRows = fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.boolean()), { minLength: 1, maxLength: 60 });
    fc.assert(fc.property(callRows, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 300 }),
      fc.constantFrom('offered', 'answered', 'abandons_met', 'short_abandons_excluded'), (rows, t1, t2, mode) => {
        const [w, a] = calls(rows);
        const at = (t: number): number | undefined => {
          try {
            return call('SERVICE_LEVEL', w, a, t, mode) as number;
          } catch (e) {
            if ((e as { kind?: string }).kind === 'na') return undefined;
            throw e;
          }
        };
        const lo = at(Math.min(t1, t2)), hi = at(Math.max(t1, t2));
        if (lo === undefined || hi === undefined) return;
        expect(lo).toBeGreaterThanOrEqual(0);
        expect(hi).toBeLessThanOrEqual(1);
        expect(hi).toBeGreaterThanOrEqual(lo);
      }), { numRuns: 300 });
  });
});

describe('ABANDON_RATE', () => {
  it('shares unanswered calls, optionally leaving out short abandons', () => {
    const [waits, answered] = icmi();
    expect(call('ABANDON_RATE', answered)).toBeCloseTo(60 / 1060, 15);
    // 20 of the 60 abandoned within 20 s: (60 − 20) ÷ (1,060 − 20).
    expect(call('ABANDON_RATE', answered, waits, 20)).toBeCloseTo(40 / 1040, 15);
    expect(call('ABANDON_RATE', answered, waits)).toBeCloseTo(60 / 1060, 15);
    expect(errorOf(() => call('ABANDON_RATE', answered, null, 5)).message).toBe('ABANDON_RATE: short_abandon needs waits: without the waits no call can be told a short abandon');
  });
});

describe('ASA and AHT', () => {
  it('ASA is the mean wait of answered calls, in seconds unless told otherwise', () => {
    const [w, a] = calls([[10, true], [30, true], [100, false], [null, 'Abandoned'], [20, 'Answered']]);
    expect(call('ASA', w, a)).toBe(20);
    expect(call('ASA', w, a, null, 'minutes')).toBe(20 / 60);
    expect(call('ASA', col('0:00:10', '0:00:30'), col(true, true))).toBe(20);
  });

  it('AHT adds hold and after-call work (blank = 0) over rows with a talk time', () => {
    const talk = col('Talk', 300, 200, null, '0:05:00');
    const hold = col('Hold', 60, null, null, '');
    const acw = col('ACW', 30, 40, null, 20);
    // (390 + 240 + 320) / 3 = 316.67 s
    expect(call('AHT', talk, hold, acw)).toBeCloseTo(950 / 3, 12);
    expect(call('AHT', talk)).toBeCloseTo(800 / 3, 12);
    expect(call('AHT', talk, null, acw, null, 'minutes')).toBeCloseTo(890 / 3 / 60, 12);
    expect(errorOf(() => call('AHT', col(300, null), col(10, 20))).message).toBe('AHT: hold holds 20 s at row 2 where talk is blank; a row with handle time needs its talk time');
  });
});

describe('OCCUPANCY', () => {
  it('divides summed handle time by summed available time, from tables of different sizes', () => {
    expect(call('OCCUPANCY', col('Handle', '0:10:00', '0:20:00', '0:30:00'), col('Available', '1:00:00', '0:15:00'))).toBe(0.8);
    expect(errorOf(() => call('OCCUPANCY', col(7200), col(3600))).message).toMatch(/^OCCUPANCY: handle_time adds up to 2\.00 h, more than available_time's 1\.00 h/);
  });
});

describe('WEIGHTED_AVERAGE', () => {
  it('combines daily ASA by answered calls and daily service levels by offered calls', () => {
    // Day 1: ASA 0:00:30 over 900 answered; day 2: 0:01:00 over 100 → (27,000 + 6,000) / 1,000 = 33 s.
    expect(call('WEIGHTED_AVERAGE', col('ASA', '0:00:30', '0:01:00'), col('Answered', 900, 100), 'seconds')).toBe(33);
    expect(call('WEIGHTED_AVERAGE', col('ASA', 30 / 86400, 60 / 86400), col('Answered', 900, 100), 'time', 'minutes')).toBeCloseTo(0.55, 12);
    // Service level 94.01 % of 1,000 offered and 50 % of 200: (940.1 + 100) / 1,200.
    expect(call('WEIGHTED_AVERAGE', col('SL', '94.01%', 0.5), col('Offered', 1000, 200))).toBeCloseTo(1040.1 / 1200, 12);
    expect(errorOf(() => call('WEIGHTED_AVERAGE', col('0:00:30', '0:01:00'), col(9, 1))).message).toBe('WEIGHTED_AVERAGE: "0:00:30" at row 1 of values is a duration; pass input_unit (e.g. "seconds") to average durations');
    expect(errorOf(() => call('WEIGHTED_AVERAGE', col(1, 2), col(0, 0))).kind).toBe('na');
  });
});

describe('call KPIs by group', () => {
  it('runs SERVICE_LEVEL per queue with both ranges cut and the threshold unchanged', () => {
    const [w, a] = calls([[10, true], [30, true], [5, true], [50, false]]);
    const queue = col('Queue', 'sales', 'sales', 'support', 'support');
    expect(call('KPI_BY_GROUP', 'SERVICE_LEVEL', queue, w, a, 20)).toEqual([
      ['Group', 'Rows', 'Value'],
      ['sales', 2, 0.5],
      ['support', 2, 0.5],
    ]);
  });
});

describe('the one-pass paths agree with the readers', () => {
  // SERVICE_LEVEL and AHT read plain numbers, flags and blanks in one pass and give anything else
  // to the value readers. The readers alone (READERS_ONLY) must give the same figure or the same
  // error on any input: cells of every kind a host passes, mixed, with and without a header row.
  const outcome = (f: () => unknown): unknown => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  const both = (name: 'SERVICE_LEVEL' | 'AHT', args: unknown[]): [unknown, unknown] => {
    const spec = findFunction(name)!;
    const clock = wallClock('UTC');
    return [outcome(() => callSpec(spec, clock, args)), outcome(() => callSpec({ ...spec, impl: READERS_ONLY[name] }, clock, args))];
  };
  /** A time value as Sheets passes it: a Date on 30 Dec 1899. */
  const timeValue = (seconds: number): Date => new Date(Date.UTC(1899, 11, 30) + seconds * 1000);
  // Mostly what the one pass reads inline, so it decides most cases; the rest sends the call to the readers.
  const duration = fc.oneof(
    { weight: 12, arbitrary: fc.integer({ min: 0, max: 40 }) }, // near the thresholds: waits equal to one are frequent
    { weight: 3, arbitrary: fc.double({ min: 0, max: 400, noNaN: true }) },
    { weight: 2, arbitrary: fc.double({ min: 0.001, max: 0.999, noNaN: true }) }, // the 0–1 guard
    { weight: 4, arbitrary: fc.constantFrom(null, '', undefined) },
    { weight: 1, arbitrary: fc.constantFrom(-5, '  ', '0:00:12', '12 s', '1:05', 'PT12S', '3 min', '#N/A', '#DIV/0!', 'n/a', true, false, Number.POSITIVE_INFINITY) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map((x) => `${x}`) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 400 }).map(timeValue) },
  );
  const flag = fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom(true, false, 1, 0) },
    { weight: 3, arbitrary: fc.constantFrom(null, '', undefined) },
    { weight: 1, arbitrary: fc.constantFrom('yes', 'no', 'answered', 'abandoned', 'Angenommen', '#N/A', 2, 'maybe', '  ') },
  );
  const unit = fc.constantFrom(undefined, null, 'seconds', 'minutes', 'time', 'hours');
  const header = fc.boolean();

  it('SERVICE_LEVEL in every mode and unit', () => {
    fc.assert(fc.property(fc.array(fc.tuple(duration, flag), { minLength: 1, maxLength: 30 }), header, fc.integer({ min: 0, max: 40 }),
      fc.constantFrom(undefined, 'offered', 'answered', 'abandons_met', 'short_abandons_excluded'), unit, (rows, withHeader, threshold, mode, inputUnit) => {
        const [w, a] = withHeader ? calls(rows as [number | null, unknown][]) : [rows.map((r) => [r[0]]), rows.map((r) => [r[1]])];
        const [fast, readers] = both('SERVICE_LEVEL', [w, a, threshold, mode, inputUnit]);
        expect(fast).toEqual(readers);
      }), { numRuns: 1500 });
  });

  it('AHT with and without hold and after-call work, in every unit', () => {
    fc.assert(fc.property(fc.array(fc.tuple(duration, duration, duration), { minLength: 1, maxLength: 30 }), header,
      fc.constantFrom('both', 'hold', 'acw', 'talk only'), unit, fc.constantFrom(undefined, 'seconds', 'minutes'), (rows, withHeader, extras, inputUnit, resultUnit) => {
        const column = (name: string, k: number): unknown[][] => (withHeader ? col(name, ...rows.map((r) => r[k])) : rows.map((r) => [r[k]]));
        const omitted = null; // Excel passes an omitted optional as null
        const h = extras === 'both' || extras === 'hold' ? column('Hold', 1) : omitted;
        const c = extras === 'both' || extras === 'acw' ? column('ACW', 2) : omitted;
        const [fast, readers] = both('AHT', [column('Talk', 0), h, c, inputUnit, resultUnit]);
        expect(fast).toEqual(readers);
      }), { numRuns: 1500 });
  });

  it('on the bench\'s host-shaped columns (numbers, booleans, blanks as null or ""), both paths give the same figure', () => {
    // The shapes bench/data.ts measures, small: the one pass must take them (and agree).
    for (const blank of [null, '']) {
      const waits = col('Wait (s)', 12, 0, 45, blank, 20, 21), answered = col('Answered', true, true, false, false, true, true);
      const talk = col('Talk (s)', 300, 120, blank, blank, 90, 60), hold = col('Hold (s)', blank, 30, blank, blank, 0, 5), acw = col('Wrap-up (s)', 10, blank, blank, blank, blank, 15);
      expect(both('SERVICE_LEVEL', [waits, answered, 20, null, null])).toEqual([3 / 6, 3 / 6]);
      expect(both('AHT', [talk, hold, acw, null, null])).toEqual([(310 + 150 + 90 + 80) / 4, (310 + 150 + 90 + 80) / 4]);
    }
  });
});
