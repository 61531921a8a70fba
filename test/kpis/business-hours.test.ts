import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  businessClock, businessMinutesBetween, calendarSchedule, isScheduleProblem, parseSchedule,
} from '../../core/kpis/business-hours.js';
import type { Schedule } from '../../core/kpis/business-hours.js';
import { KpiError } from '../../core/errors.js';
import { call, callIn, col, errorOf, serial } from '../helpers/call.js';

// Weekdays used below (checked with `new Date('2026-03-06').getUTCDay()`):
// 2026-03-02 Mon … 2026-03-06 Fri, 03-07 Sat, 03-08 Sun, 03-09 Mon; 2026-04-02 Thu, 04-03 Fri
// (Good Friday), 04-06 Mon (Easter Monday), 04-07 Tue; 2026-12-24 Thu.

function schedule(text: string): Schedule {
  const s = parseSchedule(text);
  if (isScheduleProblem(s)) throw new Error(s.problem);
  return s;
}

const noHolidays = new Float64Array(0);

/** Business hours between two wall-clock ISO times under a schedule text, via AVG_RESOLUTION. */
function businessHours(text: string, from: string, to: string, holidays?: unknown): number {
  return call('AVG_RESOLUTION', [[serial(from)]], [[serial(to)]], 'hours', text, holidays) as number;
}

describe('reading a business-hours schedule', () => {
  it('counts the minutes of a Monday-to-Friday office week', () => {
    // 5 days × 8 h × 60 = 2400 minutes.
    expect(schedule('Mon-Fri 09:00-17:00').minutesPerWeek).toBe(2400);
    // 5 × 10 h × 60 = 3000.
    expect(schedule('Mo-Fr 08:00-18:00').minutesPerWeek).toBe(3000);
  });

  it('accepts English and German day names, short or full, in any case', () => {
    for (const text of ['MON-FRI 09:00-17:00', 'monday-friday 09:00-17:00', 'Montag-Freitag 09:00-17:00', 'Mo.-Fr. 9-17', 'Mo bis Fr 9:00-17:00 Uhr', 'Mon – Fri: 09.00 – 17.00']) {
      expect(schedule(text).minutesPerWeek, text).toBe(2400);
    }
    // Di, Mi, Do, Sa, So: 5 days × 1 h.
    expect(schedule('Di, Mi, Do, Sa, So 10:00-11:00').minutesPerWeek).toBe(300);
    expect(schedule('täglich 08:00-20:00').minutesPerWeek).toBe(7 * 12 * 60);
  });

  it('reads several parts, several windows a day, wrapped day ranges and 24:00', () => {
    // Mon-Thu 4 × 8 h + Fri 6 h = 38 h.
    expect(schedule('Mon-Thu 09:00-17:00; Fri 09:00-15:00').minutesPerWeek).toBe(38 * 60);
    // A lunch break: 5 × (3 h + 4 h) = 35 h.
    expect(schedule('Mon-Fri 09:00-12:00, 13:00-17:00').minutesPerWeek).toBe(35 * 60);
    // Overlapping windows of one day merge: 09-13 ∪ 12-17 = 8 h.
    expect(schedule('Mon 09:00-13:00, 12:00-17:00').minutesPerWeek).toBe(8 * 60);
    // Sa-Mo wraps: Saturday, Sunday, Monday, 4 h each.
    expect(schedule('Sa-Mo 10:00-14:00').minutesPerWeek).toBe(12 * 60);
    expect(schedule('Sat 00:00-24:00').minutesPerWeek).toBe(24 * 60);
  });

  it('rejects schedule text it cannot read, saying what is wrong', () => {
    const problem = (t: string) => {
      const s = parseSchedule(t);
      return isScheduleProblem(s) ? s.problem : 'read';
    };
    expect(problem('Mon-Fry 09:00-17:00')).toBe('"Fry" is not a day name');
    expect(problem('09:00-17:00')).toMatch(/needs the days/);
    expect(problem('Mon-Fri')).toMatch(/no time window/);
    expect(problem('Mon-Fri 17:00-09:00')).toMatch(/does not end after it starts/);
    expect(problem('Mon-Fri 09:00-25:00')).toMatch(/not on a clock/);
    expect(problem('Mon-Fri 09:00-17:00; Fri 09:00-15:00')).toMatch(/^Fri is given twice/);
    expect(problem('Mon-Fri 09:00-17:00 Sat 10:00-12:00')).toMatch(/separate the parts of a schedule with ";"/);
    expect(problem(' ; ')).toBe('it is empty');
  });

  it('reports an unreadable schedule as a #VALUE! error quoting the text', () => {
    const e = errorOf(() => businessHours('Mon-Fry 09:00-17:00', '2026-03-02T09:00', '2026-03-02T10:00'));
    expect(e.kind).toBe('value');
    expect(e.message).toBe('AVG_RESOLUTION: business_hours "Mon-Fry 09:00-17:00" is not a schedule: "Fry" is not a day name; write e.g. "Mon-Fri 09:00-17:00", "Mo-Fr 08:00-18:00" or "Mon-Thu 09:00-17:00; Fri 09:00-15:00"');
    expect(() => call('AVG_RESOLUTION', [[1]], [[2]], 'hours', [['Mon-Fri 09:00-17:00', 'x']])).toThrow('AVG_RESOLUTION: business_hours must be a single value, not a range');
  });
});

describe('business time between two moments', () => {
  const office = 'Mon-Fri 09:00-17:00';

  it('skips the weekend', () => {
    // Fri 16:00-17:00 = 1 h, Sat and Sun 0, Mon 09:00-10:00 = 1 h → 2 h.
    expect(businessHours(office, '2026-03-06T16:00', '2026-03-09T10:00')).toBeCloseTo(2, 9);
  });

  it('gives 0 for a ticket opened and resolved overnight', () => {
    // Tue 18:00 → Wed 08:30: entirely outside 09:00-17:00.
    expect(businessHours(office, '2026-03-03T18:00', '2026-03-04T08:30')).toBe(0);
  });

  it('counts whole weeks and partial days', () => {
    // Two full weeks: 2 × 5 × 8 h = 80 h.
    expect(businessHours(office, '2026-03-02T09:00', '2026-03-16T09:00')).toBe(80);
    // Mon 07:00 → Mon 12:00: only 09:00-12:00 = 3 h.
    expect(businessHours(office, '2026-03-02T07:00', '2026-03-02T12:00')).toBe(3);
    // Wed 12:00 → Wed of the next week 12:00: Wed 5 + Thu 8 + Fri 8 + Mon 8 + Tue 8 + Wed 3 = 40 h.
    expect(businessHours(office, '2026-03-04T12:00', '2026-03-11T12:00')).toBe(40);
  });

  it('keeps "days" as 24 hours', () => {
    // Mon 09:00 → Tue 17:00 = 16 business hours = 16/24 days.
    expect(call('AVG_RESOLUTION', [[serial('2026-03-02T09:00')]], [[serial('2026-03-03T17:00')]], 'days', office)).toBeCloseTo(16 / 24, 12);
  });

  it('follows a wrapped range Sa-Mo', () => {
    // Fri 12:00 → Tue 12:00 under Sa-Mo 10:00-14:00: Sat 4 + Sun 4 + Mon 4 = 12 h; Fri and Tue are closed.
    expect(businessHours('Sa-Mo 10:00-14:00', '2026-03-06T12:00', '2026-03-10T12:00')).toBe(12);
    // Mon 13:00 → Sat 11:00: Mon 1 h + Sat 1 h = 2 h.
    expect(businessHours('Sa-Mo 10:00-14:00', '2026-03-02T13:00', '2026-03-07T11:00')).toBe(2);
  });

  it('reads German schedules', () => {
    // Fri 17:00 → Mon 09:00 under Mo-Fr 08:00-18:00: Fri 1 h + Mon 1 h = 2 h.
    expect(businessHours('Mo-Fr 08:00-18:00', '2026-03-06T17:00', '2026-03-09T09:00')).toBe(2);
    // Same under full German names with "Uhr": Thu 17:30 → Fri 08:30 = 0.5 + 0.5 = 1 h.
    expect(businessHours('Montag-Freitag 08:00-18:00 Uhr', '2026-03-05T17:30', '2026-03-06T08:30')).toBe(1);
  });

  it('uses each part of a split schedule and a lunch break', () => {
    // Thu 16:00 → Mon 10:00 under Mon-Thu 09-17; Fri 09-15: Thu 1 + Fri 6 + Mon 1 = 8 h.
    expect(businessHours('Mon-Thu 09:00-17:00; Fri 09:00-15:00', '2026-03-05T16:00', '2026-03-09T10:00')).toBe(8);
    // Mon 11:00 → 14:00 with lunch 12-13 off: 11-12 + 13-14 = 2 h.
    expect(businessHours('Mon-Fri 09:00-12:00, 13:00-17:00', '2026-03-02T11:00', '2026-03-02T14:00')).toBe(2);
  });

  it('treats 24:00 as the end of the day', () => {
    // Fri 22:00 → Sun 02:00 under Sat 00:00-24:00: all of Saturday = 24 h.
    expect(businessHours('Sat 00:00-24:00', '2026-03-06T22:00', '2026-03-08T02:00')).toBe(24);
  });

  it('leaves holidays out, whole days, also when a ticket starts or ends on one', () => {
    const easter = col('Holiday', serial('2026-04-03'), serial('2026-04-06'));
    // Thu 16:00 → Tue 10:00. Without holidays: Thu 1 + Fri 8 + Mon 8 + Tue 1 = 18 h.
    expect(businessHours(office, '2026-04-02T16:00', '2026-04-07T10:00')).toBe(18);
    // Good Friday and Easter Monday off: Thu 1 + Tue 1 = 2 h.
    expect(businessHours(office, '2026-04-02T16:00', '2026-04-07T10:00', easter)).toBe(2);
    // Opened on Good Friday 10:00 → Tue 10:00: only Tue 09:00-10:00 = 1 h.
    expect(businessHours(office, '2026-04-03T10:00', '2026-04-07T10:00', easter)).toBe(1);
    // Opened and resolved on the holiday: 0.
    expect(businessHours(office, '2026-04-03T10:00', '2026-04-03T15:00', easter)).toBe(0);
    // Thu 10:00 → Good Friday 12:00: Thu 10-17 = 7 h; the holiday's morning does not count.
    expect(businessHours(office, '2026-04-02T10:00', '2026-04-03T12:00', easter)).toBe(7);
  });

  it('reads holidays as whole days whatever their time, once each, and ignores those outside the ticket', () => {
    // Times on holiday dates, a repeat, a weekend holiday and one far away change nothing: still 2 h.
    const holidays = col('2026-04-03 15:00', '03.04.2026', serial('2026-04-06T08:00'), serial('2026-04-04'), serial('2026-12-25'));
    expect(businessHours(office, '2026-04-02T16:00', '2026-04-07T10:00', holidays)).toBe(2);
  });

  it('takes holidays out of calendar time when no schedule is given', () => {
    // Thu 24 Dec 12:00 → Sun 27 Dec 12:00 = 72 h; 25 and 26 Dec off → 24 h.
    const holidays = col(serial('2026-12-25'), serial('2026-12-26'));
    expect(call('AVG_RESOLUTION', [[serial('2026-12-24T12:00')]], [[serial('2026-12-27T12:00')]], 'hours', '', holidays)).toBe(24);
    expect(call('AVG_RESOLUTION', [[serial('2026-12-24T12:00')]], [[serial('2026-12-27T12:00')]], 'hours', null, null)).toBe(72);
  });

  it('counts wall-clock business time across a daylight-saving change', () => {
    // Europe/Berlin, 29 Mar 2026 has 23 real hours, but all of Sunday 00:00-24:00 on the wall counts 24 h.
    // Sat 23:00 CET = 22:00Z; Mon 01:00 CEST = Sun 23:00Z.
    const r = callIn('Europe/Berlin', 'AVG_RESOLUTION', new Date('2026-03-28T22:00:00Z'), new Date('2026-03-29T23:00:00Z'), 'hours', 'Sun 00:00-24:00');
    expect(r).toBeCloseTo(24, 9);
  });

  it('costs the same for a long ticket and with many holidays', () => {
    // 20 years of holidays (every Wednesday) and a 20-year ticket: each Wednesday removes 8 h.
    const s = schedule(office);
    const wednesdays = new Float64Array(1044);
    for (let i = 0; i < wednesdays.length; i++) wednesdays[i] = serial('2026-03-04') + 7 * i;
    const clock = businessClock(s, wednesdays);
    const from = serial('2026-03-02'), to = from + 7 * 1044;
    // 1044 weeks × (40 − 8) h × 60.
    expect(businessMinutesBetween(clock, from, to)).toBe(1044 * 32 * 60);
  });
});

describe('business time, as properties', () => {
  const schedules = ['Mon-Fri 09:00-17:00', 'Sa-Mo 10:00-14:00', 'Mo-Fr 08:00-12:00, 13:00-18:00', 'Sun 00:00-24:00', 'täglich 06:00-22:00'];
  const instant = fc.integer({ min: 0, max: 365 * 24 * 60 }).map((m) => serial('2026-01-01') + m / 1440);

  it('never exceeds calendar time and adds up over consecutive intervals', () => {
    fc.assert(
      fc.property(fc.constantFrom(...schedules), instant, instant, instant, fc.array(fc.integer({ min: 0, max: 365 }), { maxLength: 20 }), (text, x, y, z, days) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q);
        const holidays = Float64Array.from(days, (d) => serial('2026-01-01') + d);
        const clock = businessClock(schedule(text), holidays);
        const ab = businessMinutesBetween(clock, a, b);
        const bc = businessMinutesBetween(clock, b, c);
        expect(ab).toBeGreaterThanOrEqual(-1e-6);
        expect(ab).toBeLessThanOrEqual((b - a) * 1440 + 1e-6);
        expect(ab + bc).toBeCloseTo(businessMinutesBetween(clock, a, c), 6);
      }),
    );
  });

  it('gives calendar time for the all-week schedule without holidays', () => {
    fc.assert(
      fc.property(instant, instant, (x, y) => {
        const [a, b] = x < y ? [x, y] : [y, x];
        expect(businessMinutesBetween(businessClock(calendarSchedule(), noHolidays), a, b)).toBeCloseTo((b - a) * 1440, 6);
      }),
    );
  });

  it('reports business durations no longer than calendar durations through RESOLUTION_PERCENTILE', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(instant, fc.integer({ min: 0, max: 20_000 })), { minLength: 1, maxLength: 30 }), fc.constantFrom(...schedules), fc.double({ min: 0, max: 1, noNaN: true }), (rows, text, k) => {
        const opened = rows.map(([o]) => [o]);
        const resolved = rows.map(([o, m]) => [o + m / 1440]);
        const calendar = call('RESOLUTION_PERCENTILE', opened, resolved, k) as number;
        const business = call('RESOLUTION_PERCENTILE', opened, resolved, k, 'hours', text) as number;
        expect(business).toBeLessThanOrEqual(calendar + 1e-9);
      }),
      { numRuns: 60 },
    );
  });

  it('throws KpiErrors only, never a plain exception, for random schedule text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        try {
          call('AVG_RESOLUTION', [[1]], [[2]], 'hours', text);
        } catch (e) {
          expect(e).toBeInstanceOf(KpiError);
        }
      }),
    );
  });
});
