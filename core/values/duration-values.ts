/**
 * Durations given as values (catalog v3): a column of talk times, waits or first-reply times rather
 * than timestamp pairs. Numbers are in `input_unit` (seconds by default, or minutes, hours, days, or
 * "time": spreadsheet time values, fractions of a day as Excel passes a `0:02:14` cell); text
 * durations (`0:02:14`, `3h 20m`, `PT3H20M`, `134 s`) carry their own unit; Sheets `Date` objects
 * are time values. Everything is read into whole or fractional milliseconds.
 *
 * The 0–1 guard: with `input_unit` omitted, numbers that all lie strictly between 0 and 1 look like
 * Excel time values read as seconds; that is an error, so Excel (0.00155) and Sheets (a Date) can
 * never silently disagree about the same `0:02:14` cell.
 */
import { valueError } from '../errors.js';
import type { CallContext } from './context.js';
import { cellAt, describeValue, errorCode, isDateObject, NOT_SCALAR, plainValue, NOT_PLAIN, placeOf, toGrid } from './grid.js';
import type { Grid } from './grid.js';
import { cellError, isOmitted, plainScalar } from './read.js';
import { DURATION_HELP, parseDurationText } from './duration-text.js';
import { isErrorText, parseNumberText } from './text.js';

/** Held once: a global lookup per cell is slow inside a Node vm context (see read.ts). */
const NAN = Number.NaN;
const roundMs = Math.round;

export type InputUnit = 'seconds' | 'minutes' | 'hours' | 'days' | 'time';

/** `input_unit` words, English and German, case-insensitive. */
export const INPUT_UNIT_WORDS: Readonly<Record<string, InputUnit>> = {
  seconds: 'seconds', second: 'seconds', sec: 'seconds', s: 'seconds', sekunden: 'seconds', sekunde: 'seconds', sek: 'seconds',
  minutes: 'minutes', minute: 'minutes', min: 'minutes', minuten: 'minutes',
  hours: 'hours', hour: 'hours', h: 'hours', stunden: 'hours', stunde: 'hours', std: 'hours',
  days: 'days', day: 'days', d: 'days', tage: 'days', tag: 'days',
  time: 'time', zeit: 'time',
};

/** Milliseconds per number in each input unit ("time": a fraction of a day). */
export const MS_PER_INPUT_UNIT: Readonly<Record<InputUnit, number>> = {
  seconds: 1000, minutes: 60_000, hours: 3_600_000, days: 86_400_000, time: 86_400_000,
};

const INPUT_UNITS_TEXT = '"seconds", "minutes", "hours", "days" or "time" (German: Sekunden, Minuten, Stunden, Tage, Zeit)';

/** The `input_unit` argument; undefined when omitted (seconds, with the 0–1 guard). */
export function readInputUnit(ctx: CallContext, x: unknown, arg = 'input_unit'): InputUnit | undefined {
  if (isOmitted(x)) return undefined;
  const v = plainScalar(x);
  if (v === NOT_SCALAR) throw valueError(ctx.fn, `${arg} must be a single value, not a range`);
  if (typeof v === 'string') {
    const key = v.trim().toLowerCase().replace(/\.$/, '');
    if (Object.prototype.hasOwnProperty.call(INPUT_UNIT_WORDS, key)) return INPUT_UNIT_WORDS[key];
  }
  throw valueError(ctx.fn, `${arg} ${describeValue(v)} is not one of ${INPUT_UNITS_TEXT}`);
}

/** A column of durations: milliseconds per cell, row-major; NaN where a cell is blank or skipped text. */
export interface DurationColumn {
  readonly grid: Grid;
  readonly ms: Float64Array;
  /** Number of durations read (non-NaN entries). */
  readonly count: number;
}

/** Sheets Date cells past this serial (1927) are dates, not durations: 10,000 days is no talk time. */
const MAX_TIME_VALUE_SERIAL = 10_000;
const MS_PER_DAY = 86_400_000;

const NEGATIVE = 'is negative; a duration cannot be negative';
const NOT_A_DURATION = `is not a duration this reads; ${DURATION_HELP}, or a number in input_unit`;

/**
 * What the guard needs to know about a range's plain numbers: how many there were, and the first
 * one strictly between 0 and 1 when every one was (else -1).
 */
interface Guard {
  numbers: number;
  outside: number;
  firstInside: number;
}

/** Milliseconds of a plain number in the unit (time values rounded to whole ms: serial dust). */
function msOfNumber(n: number, unit: InputUnit | undefined): number {
  if (unit === undefined || unit === 'seconds') return n * 1000;
  if (unit === 'time' || unit === 'days') return roundMs(n * MS_PER_DAY);
  return n * MS_PER_INPUT_UNIT[unit];
}

/**
 * One cell that is not a finite number: text (numeric text in the unit, duration text in its own
 * unit, other text skipped unless it starts like a number), a Sheets Date (a time value), a data
 * type (Excel) unwrapped, errors thrown. NaN for blanks and skipped text.
 */
function durationOfCell(ctx: CallContext, g: Grid, i: number, v: unknown, arg: string, unit: InputUnit | undefined, guard: Guard): number {
  if (v === null || v === undefined || typeof v === 'boolean') return NAN;
  if (typeof v === 'number') {
    if (v - v !== 0) return cellError(ctx, g, i, 'is not a finite number', arg);
    return numberCell(ctx, g, i, v, arg, unit, guard);
  }
  if (typeof v === 'string') {
    const t = v.trim();
    if (t === '') return NAN;
    if (isErrorText(t)) return cellError(ctx, g, i, 'is an error value', arg);
    const n = parseNumberText(t);
    if (typeof n === 'number') return numberCell(ctx, g, i, n, arg, unit, guard);
    if (n !== undefined) return cellError(ctx, g, i, n.problem, arg);
    const d = parseDurationText(t);
    if (typeof d === 'number') {
      if (d < 0) return cellError(ctx, g, i, NEGATIVE, arg);
      return d;
    }
    if (d !== undefined) return cellError(ctx, g, i, d.problem, arg);
    const c = t.charCodeAt(0);
    // Text starting like a number or a duration is a value this cannot read, never a header.
    if ((c >= 48 && c <= 57) || c === 45 || c === 43) return cellError(ctx, g, i, NOT_A_DURATION, arg);
    return NAN;
  }
  if (isDateObject(v)) {
    const ms = v.getTime();
    if (ms - ms !== 0) return cellError(ctx, g, i, 'is not a valid date or time', arg);
    const serial = ctx.clock.serialOfInstant(ms);
    if (serial >= MAX_TIME_VALUE_SERIAL) return cellError(ctx, g, i, 'is a date, not a duration (a duration cell shows as 0:02:14)', arg);
    if (serial < 0) return cellError(ctx, g, i, NEGATIVE, arg);
    return roundMs(serial * MS_PER_DAY);
  }
  if (errorCode(v)) return cellError(ctx, g, i, 'is an error value', arg);
  const p = plainValue(v);
  if (p !== NOT_PLAIN) return durationOfCell(ctx, g, i, p, arg, unit, guard);
  return cellError(ctx, g, i, 'is not a value this function reads', arg);
}

function numberCell(ctx: CallContext, g: Grid, i: number, n: number, arg: string, unit: InputUnit | undefined, guard: Guard): number {
  if (n < 0) return cellError(ctx, g, i, NEGATIVE, arg);
  guard.numbers++;
  if (n > 0 && n < 1) {
    if (guard.firstInside < 0) guard.firstInside = i;
  } else guard.outside++;
  return msOfNumber(n, unit);
}

function guardError(ctx: CallContext, g: Grid, guard: Guard, arg: string): void {
  if (guard.numbers > 0 && guard.outside === 0) {
    const at = placeOf(g, guard.firstInside);
    const first = `${describeValue(cellAt(g, guard.firstInside))} at ${at.text}`;
    throw valueError(ctx.fn, `${arg} holds only numbers between 0 and 1 (${first}), which look like time values (0:02:14 is 0.00155 of a day); pass input_unit "time" (or "seconds", "minutes" or "hours" if that is what they are)`, [at]);
  }
}

/**
 * Every cell of a range (or a single value) as a duration in milliseconds. `unit` undefined means
 * input_unit was omitted: numbers are seconds, and the 0–1 guard applies.
 */
export function readDurations(ctx: CallContext, x: unknown, arg: string, unit: InputUnit | undefined): DurationColumn {
  const grid = toGrid(x);
  const { rows, cols, cells } = grid;
  const out = new Float64Array(rows * cols);
  const guard: Guard = { numbers: 0, outside: 0, firstInside: -1 };
  const msPer = unit === undefined ? 1000 : MS_PER_INPUT_UNIT[unit];
  const round = unit === 'time' || unit === 'days';
  let count = 0;
  for (let r = 0, i = 0; r < rows; r++) {
    const row = cells[r];
    for (let c = 0; c < cols; c++, i++) {
      const v = row[c];
      let ms: number;
      if (typeof v === 'number' && v >= 0 && v - v === 0) {
        guard.numbers++;
        if (v > 0 && v < 1) {
          if (guard.firstInside < 0) guard.firstInside = i;
        } else guard.outside++;
        ms = round ? roundMs(v * msPer) : v * msPer;
      } else ms = durationOfCell(ctx, grid, i, v, arg, unit, guard);
      if (ms === ms) count++;
      out[i] = ms;
    }
  }
  if (unit === undefined) guardError(ctx, grid, guard, arg);
  return { grid, ms: out, count };
}

/**
 * A single duration (a threshold, a target) in milliseconds; `fallbackMs` when omitted. The same
 * rules as readDurations, the 0–1 guard included.
 */
export function readDurationArg(ctx: CallContext, x: unknown, arg: string, unit: InputUnit | undefined, fallbackMs?: number): number {
  if (isOmitted(x)) {
    if (fallbackMs === undefined) throw valueError(ctx.fn, `${arg} is required`);
    return fallbackMs;
  }
  const v = plainScalar(x);
  if (v === NOT_SCALAR) throw valueError(ctx.fn, `${arg} must be a single value, not a range`);
  const g = toGrid(v);
  const guard: Guard = { numbers: 0, outside: 0, firstInside: -1 };
  const ms = typeof v === 'number' && v >= 0 && v - v === 0 ? numberCell(ctx, g, 0, v, arg, unit, guard) : durationOfCell(ctx, g, 0, v, arg, unit, guard);
  if (ms !== ms) throw valueError(ctx.fn, `${arg} ${describeValue(v)} is not a duration; ${DURATION_HELP}, or a number in input_unit`);
  if (unit === undefined && guard.numbers > 0 && guard.outside === 0) {
    throw valueError(ctx.fn, `${arg} ${describeValue(v)} lies between 0 and 1, which looks like a time value (0:00:20 is 0.00023 of a day); pass input_unit "time" (or "seconds", "minutes", "hours" if it is one)`);
  }
  return ms;
}
