/**
 * Yes/no flags and what reads like them: outcome and resolution flags, answered/abandoned call
 * flags, reopen counts, and flows given as flags (a per-customer Churn Yes/No column where a count
 * of lost customers is asked for).
 */
import type { CallContext } from './context.js';
import { cellAt, columnRows, errorCode, isCellRow, NOT_PLAIN, plainValue, placeOf, describeValue, toGrid } from './grid.js';
import type { Grid } from './grid.js';
import { cellError, numberOfCell } from './read.js';
import { valueError } from '../errors.js';
import { isErrorText, parseNumericText } from './text.js';

/** Truthy words (case-insensitive, trimmed); `answered`/`angenommen` for calls (v3). */
export const TRUTHY_WORDS: readonly string[] = ['true', 'wahr', 'yes', 'ja', 'y', 'j', 'x', '1', 'answered', 'angenommen'];
/** Falsy words; `abandoned`/`abgebrochen` for calls (v3). */
export const FALSY_WORDS: readonly string[] = ['false', 'falsch', 'no', 'nein', 'n', '0', 'abandoned', 'abgebrochen'];

/** Call outcomes: also column names ("Answered", "Abandoned") above a yes/no column. */
const OUTCOME_WORDS = new Set(['answered', 'abandoned', 'angenommen', 'abgebrochen']);

const TRUTHY = new Set(TRUTHY_WORDS);
const FALSY = new Set(FALSY_WORDS);

/** 1 for a truthy word, 0 for a falsy one, -1 for other text (`t` trimmed, any case). */
export function flagOfText(t: string): 1 | 0 | -1 {
  const low = t.toLowerCase();
  return TRUTHY.has(low) ? 1 : FALSY.has(low) ? 0 : -1;
}

export const NOT_A_FLAG = 'is not a yes/no flag (use TRUE/FALSE, 1/0, yes/no, ja/nein or answered/abandoned)';
const NOT_A_FLAG_OR_COUNT = 'is neither a yes/no flag nor a reopen count (a whole number from 0)';

export interface FlagColumn {
  readonly grid: Grid;
  /** Per cell, row-major: 1 truthy, 0 falsy, -1 blank or the header. */
  readonly flags: Int8Array;
  /** Cells holding a flag. */
  readonly count: number;
}

/**
 * Flags: 1 for truthy (TRUE, 1, yes/ja/y/j/x, true/wahr, answered/angenommen), 0 for falsy (FALSE,
 * 0, no/nein/n, false/falsch, abandoned/abgebrochen), -1 for blanks. Unknown text in the first
 * non-blank cell is a header and skipped; anywhere else it is an error naming it. With `counts`,
 * whole numbers from 0 are counts (a reopen count: > 0 is truthy), else only 1 and 0 are flags.
 */
export function readFlags(ctx: CallContext, x: unknown, arg?: string, counts = false): FlagColumn {
  const grid = toGrid(x);
  const n = grid.rows * grid.cols;
  const flags = new Int8Array(n).fill(-1);
  let seenValue = false;
  let count = 0;
  // A first value that is a call outcome ("Answered") and the only one in the column is its name.
  let firstValue = -1, headerSeen = false, outcomes = 0;
  const bad = counts ? NOT_A_FLAG_OR_COUNT : NOT_A_FLAG;
  const ofNumber = (i: number, v: number): number => {
    if (v === 1) return 1;
    if (v === 0) return 0;
    if (counts && v > 0 && Number.isInteger(v)) return 1;
    return cellError(ctx, grid, i, bad, arg);
  };
  for (let i = 0; i < n; i++) {
    let v = cellAt(grid, i);
    if (typeof v === 'object' && v !== null && !errorCode(v)) {
      const p = plainValue(v);
      if (p !== NOT_PLAIN) v = p;
    }
    let f = -1;
    if (v === null || v === undefined) f = -1;
    else if (typeof v === 'boolean') f = v ? 1 : 0;
    else if (typeof v === 'number') f = ofNumber(i, v);
    else if (typeof v === 'string') {
      const t = v.trim();
      if (t !== '') {
        if (isErrorText(t)) cellError(ctx, grid, i, 'is an error value', arg);
        f = flagOfText(t);
        if (f >= 0 && OUTCOME_WORDS.has(t.toLowerCase())) outcomes++;
        if (f < 0 && counts) {
          const num = parseNumericText(t);
          if (typeof num === 'number') f = ofNumber(i, num);
        }
        if (f < 0) {
          if (!seenValue) {
            seenValue = headerSeen = true; // a header
            continue;
          }
          cellError(ctx, grid, i, bad, arg);
        }
      }
    } else if (errorCode(v)) cellError(ctx, grid, i, 'is an error value', arg);
    else cellError(ctx, grid, i, bad, arg);
    if (f !== -1) {
      if (!seenValue) firstValue = i;
      seenValue = true;
      flags[i] = f;
      count++;
    }
  }
  if (!headerSeen && outcomes === 1 && count > 1 && isOutcome(cellAt(grid, firstValue))) {
    flags[firstValue] = -1;
    count--;
  }
  return { grid, flags, count };
}

function isOutcome(v: unknown): boolean {
  return typeof v === 'string' && OUTCOME_WORDS.has(v.trim().toLowerCase());
}

/** Reopen counts or flags (REOPEN_RATE, v3): a whole number from 0 is a count, > 0 a reopened ticket. */
export function readReopens(ctx: CallContext, x: unknown, arg?: string): FlagColumn {
  return readFlags(ctx, x, arg, true);
}

/**
 * How many cells of a flag column readFlags takes as a flag (or, with `counts`, a reopen count) —
 * the denominator of CONVERSION_RATE, FIRST_CONTACT_RESOLUTION and REOPEN_RATE — with readFlags'
 * errors. Columns as hosts pass them are counted in one pass without a value per cell (see
 * fastFlagCount); anything else goes through readFlags itself.
 */
export function countFlags(ctx: CallContext, x: unknown, arg?: string, counts = false): number {
  const fast = fastFlagCount(x, counts);
  return fast >= 0 ? fast : readFlags(ctx, x, arg, counts).count;
}

/** Flag words as exports write them (lower case, upper case, capitalised), outcome words left out. */
const PLAIN_FLAG_WORDS: ReadonlySet<string> = new Set(
  [...TRUTHY_WORDS, ...FALSY_WORDS].filter((w) => !OUTCOME_WORDS.has(w))
    .flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1)]),
);

/**
 * Words a share reads as flags besides the yes/no words (SLA_MET_RATE's verdicts), for the one-pass
 * count: the texts counted as they stand, and the test telling which other text the share's own
 * reader would take for such a word (that text goes to the reader).
 */
export interface MoreFlagWords {
  /** Cell texts that are such a word exactly as they stand (the cases exports write). */
  readonly exact: ReadonlySet<string>;
  /** True when the share's reader takes a trimmed text for such a word (any case, any spacing). */
  readonly reads: (t: string) => boolean;
}

/**
 * The count of a one-column range whose cells are what most flag columns hold — blanks, booleans,
 * 1 and 0 (with `counts` whole numbers from 0), flag words in a usual case (and `more`'s words as
 * they stand) — below at most one header; -1 when a cell is anything else (other text, spaces
 * around a word, an outcome word, an error, a Date, another number): the share's reader then
 * counts it, or says what is wrong.
 */
export function fastFlagCount(x: unknown, counts: boolean, more?: MoreFlagWords): number {
  const rows = columnRows(x);
  if (!rows) return -1;
  let n = 0, seen = false;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!isCellRow(row)) return -1;
    const v = row[0];
    if (v === null || v === undefined || v === '') continue;
    if (typeof v === 'boolean') n++;
    else if (typeof v === 'number') {
      if (v === 1 || v === 0 || (counts && v > 0 && Number.isInteger(v))) n++;
      else return -1;
    } else if (typeof v === 'string') {
      if (PLAIN_FLAG_WORDS.has(v) || (more !== undefined && more.exact.has(v))) n++;
      else if (seen) return -1;
      else {
        // The first non-blank cell: blank text, or a header readFlags skips (read as it reads it).
        const t = v.trim();
        if (t === '') continue;
        if (isErrorText(t) || flagOfText(t) >= 0 || (counts && typeof parseNumericText(t) === 'number') || (more !== undefined && more.reads(t))) return -1;
      }
    } else return -1;
    seen = true;
  }
  return n;
}

/** Truthy cells of a flag column. */
export function truthyCount(col: FlagColumn): number {
  const f = col.flags;
  let n = 0;
  for (let i = 0; i < f.length; i++) if (f[i] === 1) n++;
  return n;
}

export interface Flow {
  /** The flow: the sum of its numbers plus its truthy flags. */
  readonly total: number;
  /** Cells that held a number or a flag. */
  readonly count: number;
}

/**
 * A flow (complaints, customers lost, separations …): a number, or a range whose numbers are summed
 * — or, v3, a range of yes/no flags (one row per customer or employee) whose truthy flags are
 * counted, so `CHURN_RATE(COUNTA(A2:A7044), C2:C7044)` works on a Churn Yes/No column. Numbers
 * are read as every numeric argument reads them (negative ones are errors naming `why`). When the
 * range holds flags, 1 and 0 count as flags too, other numbers are an error (counts and flags do
 * not mix), and the flag rule applies to other text: the first non-blank cell may be a header,
 * unknown text further down is an error.
 */
export function readFlow(ctx: CallContext, x: unknown, arg: string, why: string): Flow {
  const grid = toGrid(x);
  const n = grid.rows * grid.cols;
  let sum = 0, numbers = 0, truthy = 0, flags = 0;
  let firstFlag = -1, nonBinary = -1, firstNonBlank = -1, unknownBelow = -1;
  for (let i = 0; i < n; i++) {
    let v = cellAt(grid, i);
    if (typeof v === 'object' && v !== null && !errorCode(v)) {
      const p = plainValue(v);
      if (p !== NOT_PLAIN) v = p;
    }
    if (v === null || v === undefined) continue;
    if (typeof v === 'boolean' || typeof v === 'string') {
      const t = typeof v === 'boolean' ? '' : v.trim();
      if (typeof v === 'string' && t === '') continue;
      if (firstNonBlank < 0) firstNonBlank = i;
      const f = typeof v === 'boolean' ? (v ? 1 : 0) : flagOfText(t);
      if (f >= 0 && !(typeof v === 'string' && (t === '1' || t === '0'))) {
        flags++;
        truthy += f;
        if (firstFlag < 0) firstFlag = i;
        continue;
      }
    } else if (firstNonBlank < 0) firstNonBlank = i;
    const num = numberOfCell(ctx, grid, i, v, arg);
    if (num !== num) {
      if (i !== firstNonBlank && unknownBelow < 0) unknownBelow = i;
      continue;
    }
    if (num < 0) cellError(ctx, grid, i, `is negative; ${why}`, arg);
    if (num !== 0 && num !== 1 && nonBinary < 0) nonBinary = i;
    sum += num;
    numbers++;
  }
  if (flags > 0) {
    if (nonBinary >= 0) {
      const count = placeOf(grid, nonBinary), flag = placeOf(grid, firstFlag);
      throw valueError(ctx.fn, `${arg} mixes counts and yes/no flags: ${describeValue(cellAt(grid, nonBinary))} at ${count.text} is a count, ${describeValue(cellAt(grid, firstFlag))} at ${flag.text} a flag; use one or the other`, [count, flag]);
    }
    if (unknownBelow >= 0) cellError(ctx, grid, unknownBelow, NOT_A_FLAG, arg);
  }
  return { total: sum + truthy, count: numbers + flags };
}
