/**
 * Durations given as values (catalog v3): numbers in input_unit, text durations in every form the
 * catalog lists, Sheets Date cells as time values, the 0–1 guard; and AVG_DURATION /
 * MEDIAN_DURATION over them. Expected values are computed by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { contextFor } from '../../core/call.js';
import { wallClock } from '../../core/values/clock.js';
import { parseDurationText } from '../../core/values/duration-text.js';
import { readDurationArg, readDurations, readInputUnit } from '../../core/values/duration-values.js';
import { call, callIn, col, errorOf } from '../helpers/call.js';

const utc = contextFor('TEST', wallClock('UTC'));
const berlin = contextFor('TEST', wallClock('Europe/Berlin'));
const S = 1000, MIN = 60_000, H = 3_600_000, D = 86_400_000;

/** A Sheets duration cell: the instant Sheets hands over for wall-clock 1899-12-30 + `ms` in `zone`. */
function sheetsDuration(ms: number, zone: string): Date {
  // Find the instant whose wall clock in `zone` is 1899-12-30 00:00 + ms, as Intl (and Sheets) see it.
  const wall = Date.UTC(1899, 11, 30) + ms;
  let guess = wall;
  for (let k = 0; k < 3; k++) {
    const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(guess);
    const get = (t: string) => +parts.find((p) => p.type === t)!.value;
    const shown = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
    guess += wall - shown;
  }
  return new Date(guess);
}

describe('duration text', () => {
  it('reads h:mm and h:mm:ss as a spreadsheet does, and m:ss.f with a decimal second', () => {
    expect(parseDurationText('0:02:14')).toBe(2 * MIN + 14 * S);
    expect(parseDurationText('1:30')).toBe(90 * MIN); // h:mm, as Excel reads 1:30
    expect(parseDurationText('100:00:00')).toBe(100 * H);
    expect(parseDurationText('0:00:01.5')).toBe(1500);
    expect(parseDurationText('2:14.5')).toBe(2 * MIN + 14_500); // Excel reads 2:14.5 as 0:02:14.5
  });

  it('reads unit text in English and German, in any order, each unit once', () => {
    expect(parseDurationText('3h 20m')).toBe(3 * H + 20 * MIN);
    expect(parseDurationText('1d 2h')).toBe(D + 2 * H);
    expect(parseDurationText('2 min')).toBe(2 * MIN);
    expect(parseDurationText('134 s')).toBe(134 * S);
    expect(parseDurationText('134 sek.')).toBe(134 * S);
    expect(parseDurationText('1 tag 2 std.')).toBe(D + 2 * H);
    expect(parseDurationText('1,5 stunden')).toBe(90 * MIN);
    expect(parseDurationText('20m 3h')).toBe(3 * H + 20 * MIN);
    expect(parseDurationText('3h20m')).toBe(3 * H + 20 * MIN);
  });

  it('reads ISO 8601 durations', () => {
    expect(parseDurationText('PT3H20M')).toBe(3 * H + 20 * MIN);
    expect(parseDurationText('P1DT2H')).toBe(D + 2 * H);
    expect(parseDurationText('PT0.5S')).toBe(500);
    expect(parseDurationText('pt45s')).toBe(45 * S);
  });

  it('gives a problem for text that looks like a duration but cannot be read, and undefined for other text', () => {
    expect(parseDurationText('3:75')).toHaveProperty('problem');
    expect(parseDurationText('P1M')).toHaveProperty('problem'); // months have no fixed length
    expect(parseDurationText('PT')).toBeUndefined();
    expect(parseDurationText('3h 2h')).toHaveProperty('problem');
    expect(parseDurationText('5 parsecs')).toHaveProperty('problem');
    expect(parseDurationText('Talk time')).toBeUndefined();
    expect(parseDurationText('Pending')).toBeUndefined();
  });
});

describe('reading durations', () => {
  it('reads numbers in input_unit, and text durations in their own unit whatever input_unit says', () => {
    const c = readDurations(utc, col('Talk time', 134, '0:02:14', '2 min', null, ''), 'durations', 'seconds');
    expect(Array.from(c.ms)).toEqual([NaN, 134 * S, 134 * S, 2 * MIN, NaN, NaN]);
    expect(c.count).toBe(3);
    expect(Array.from(readDurations(utc, col(2.5, '1h'), 'durations', 'minutes').ms)).toEqual([150 * S, H]);
    expect(Array.from(readDurations(utc, col(1.5, 'PT30M'), 'durations', 'hours').ms)).toEqual([90 * MIN, 30 * MIN]);
  });

  it('reads Excel time values with input_unit "time" to the whole millisecond', () => {
    // 0:02:14 is 134/86400 = 0.0015509259… of a day.
    const c = readDurations(utc, col(134 / 86_400, 1 / 3), 'durations', 'time');
    expect(Array.from(c.ms)).toEqual([134 * S, 8 * H]);
  });

  it('reads Sheets Date cells (30 Dec 1899 plus the duration, in the spreadsheet zone) as time values', () => {
    const c = readDurations(berlin, col(sheetsDuration(134 * S, 'Europe/Berlin'), sheetsDuration(25 * H, 'Europe/Berlin')), 'durations', undefined);
    expect(Array.from(c.ms)).toEqual([134 * S, 25 * H]);
    // Dublin ran on Dublin mean time (−0:25:21) in 1899: the instant is not a whole minute in UTC,
    // and still reads as 0:02:14 on the spreadsheet's clock.
    const dublin = sheetsDuration(134 * S, 'Europe/Dublin');
    expect(dublin.getUTCSeconds()).not.toBe(14);
    expect(Array.from(readDurations(contextFor('TEST', wallClock('Europe/Dublin')), col(dublin), 'durations', undefined).ms)).toEqual([134 * S]);
  });

  it('refuses a real date in a duration column, and negative durations', () => {
    expect(() => readDurations(utc, col(new Date('2026-03-01T10:00:00Z')), 'durations', undefined)).toThrow('TEST: 2026-03-01T10:00:00.000Z at row 1 of durations is a date, not a duration');
    expect(() => readDurations(utc, col(5, -3), 'durations', 'seconds')).toThrow('TEST: -3 at row 2 of durations is negative; a duration cannot be negative');
    expect(() => readDurations(utc, col('-0:05'), 'durations', 'seconds')).toThrow('TEST: "-0:05" at row 1 of durations is negative');
  });

  it('is an error for numbers all between 0 and 1 without input_unit (time values read as seconds)', () => {
    expect(() => readDurations(utc, col('Talk', 0.00155, 0.002), 'durations', undefined)).toThrow(
      'TEST: durations holds only numbers between 0 and 1 (0.00155 at row 2), which look like time values (0:02:14 is 0.00155 of a day); pass input_unit "time"',
    );
    // With input_unit given, or with a number outside 0–1, the same numbers are read.
    expect(readDurations(utc, col(0.5, 0.25), 'durations', 'seconds').count).toBe(2);
    expect(readDurations(utc, col(0.5, 3), 'durations', undefined).count).toBe(2);
    // Text durations are not numbers: they never trigger the guard, nor count as numbers outside 0–1.
    expect(readDurations(utc, col('0:00:01', '2 s'), 'durations', undefined).count).toBe(2);
    expect(() => readDurations(utc, col('0:00:01', 0.5, '2 s'), 'durations', undefined)).toThrow(/holds only numbers between 0 and 1 \(0.5 at row 2\)/);
    expect(errorOf(() => readDurationArg(utc, 0.000231, 'threshold', undefined)).message).toMatch(/^TEST: threshold 0.000231 lies between 0 and 1, which looks like a time value/);
  });

  it('names text that starts like a number but is no duration, and error cells', () => {
    expect(() => readDurations(utc, col('Talk', '2026-03-01'), 'durations', undefined)).toThrow(/"2026-03-01" at row 2 of durations is not a duration this reads/);
    expect(() => readDurations(utc, col('3:75'), 'durations', undefined)).toThrow(/"3:75" at row 1 of durations is not a valid duration/);
    expect(() => readDurations(utc, col('#N/A'), 'durations', undefined)).toThrow('"#N/A" at row 1 of durations is an error value');
  });

  it('reads input_unit words in English and German, and rejects others', () => {
    expect(readInputUnit(utc, 'Sekunden')).toBe('seconds');
    expect(readInputUnit(utc, [['Zeit']])).toBe('time');
    expect(readInputUnit(utc, 'Minuten')).toBe('minutes');
    expect(readInputUnit(utc, null)).toBeUndefined();
    expect(() => readInputUnit(utc, 'weeks')).toThrow('TEST: input_unit "weeks" is not one of "seconds", "minutes", "hours", "days" or "time"');
  });

  it('reads a single duration argument in the same way', () => {
    expect(readDurationArg(utc, 20, 'threshold', undefined)).toBe(20 * S);
    expect(readDurationArg(utc, [['0:00:20']], 'threshold', undefined)).toBe(20 * S);
    expect(readDurationArg(utc, 20 / 86_400, 'threshold', 'time')).toBe(20 * S);
    expect(readDurationArg(utc, null, 'threshold', undefined, 5 * S)).toBe(5 * S);
    expect(() => readDurationArg(utc, 'soon', 'threshold', undefined)).toThrow('TEST: threshold "soon" is not a duration');
  });
});

describe('AVG_DURATION and MEDIAN_DURATION', () => {
  it('average and median a column of text talk times (by hand: 134, 190, 60 s → mean 128 s, median 134 s)', () => {
    const talk = col('Talk time', '0:02:14', '0:03:10', '0:01:00');
    expect(call('AVG_DURATION', talk, null, 'seconds')).toBe(128);
    expect(call('MEDIAN_DURATION', talk, null, 'seconds')).toBe(134);
    // Hours by default: 128 s = 0.03556 h.
    expect(call('AVG_DURATION', talk)).toBeCloseTo(128 / 3600, 12);
  });

  it('read a first-reply column in minutes (Zendesk) and give the result in any unit', () => {
    const firstReply = col('First reply time in minutes', 30, 45, 60, 15);
    // (30 + 45 + 60 + 15) / 4 = 37.5 min; median (30 + 45) / 2 = 37.5 min.
    expect(call('AVG_DURATION', firstReply, 'minutes', 'minutes')).toBe(37.5);
    expect(call('AVG_DURATION', firstReply, 'Minuten', 'Stunden')).toBe(0.625);
    expect(call('MEDIAN_DURATION', firstReply, 'minutes', 'seconds')).toBe(2250);
  });

  it('read Excel time values with input_unit "time" and refuse them without it', () => {
    const excel = col(134 / 86_400, 190 / 86_400, 60 / 86_400);
    expect(call('AVG_DURATION', excel, 'time', 'seconds')).toBe(128);
    expect(errorOf(() => call('AVG_DURATION', excel, null, 'seconds')).message).toMatch(/^AVG_DURATION: durations holds only numbers between 0 and 1 .*pass input_unit "time"/);
  });

  it('read Sheets Date durations without input_unit', () => {
    const sheets = col(sheetsDuration(134 * S, 'Europe/Berlin'), sheetsDuration(190 * S, 'Europe/Berlin'), sheetsDuration(60 * S, 'Europe/Berlin'));
    expect(callIn('Europe/Berlin', 'AVG_DURATION', sheets, null, 'seconds')).toBe(128);
    expect(callIn('Europe/Berlin', 'MEDIAN_DURATION', sheets, undefined, 'Sekunden')).toBe(134);
  });

  it('are "no data" without durations', () => {
    expect(errorOf(() => call('AVG_DURATION', col('Talk', null))).kind).toBe('na');
    expect(errorOf(() => call('MEDIAN_DURATION', col('Talk', null))).message).toBe('MEDIAN_DURATION: no data (durations holds no duration)');
  });
});
