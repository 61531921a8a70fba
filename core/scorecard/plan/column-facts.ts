/**
 * DataFacts' readings of a column held by column (SheetData.columns), without the host-shaped rows:
 * each gives exactly what the general reading of the rows gives (portable.ts firstUnreadable and
 * flagCriteria, the core's readNumbers), or undefined when the column holds text, which only the
 * general reading decides.
 */
import type { WallClock } from '../../values/clock.js';
import { MAX_DATE_SERIAL, MIN_DATE_SERIAL } from '../../values/read.js';
import { CELL_BLANK, CELL_DATE, CELL_FALSE, CELL_NUMBER, CELL_TEXT, CELL_TRUE, HAS_BLANK, HAS_BOOLEAN, HAS_DATE, HAS_NUMBER, HAS_TEXT, sliceKinds } from '../columns.js';
import type { ColumnSlice } from '../columns.js';
import type { FlagCriteria, NativeKind } from '../portable.js';

/** Calls `f` with each row of the slice that is inside the column (rows outside are blank). */
function eachRow(s: ColumnSlice, f: (r: number) => boolean | void): void {
  const col = s.column;
  if (col === undefined) return;
  const end = Math.min(col.kinds.length, s.from + s.length);
  for (let r = Math.max(0, s.from); r < end; r++) if (f(r) === false) return;
}

/** A cell native formulas would not read as the core does (see portable.ts firstUnreadable). */
export type BadCell = { readonly row: number; readonly value: unknown };

/**
 * firstUnreadable for a column without text: the first cell native formulas would not read as
 * the core does (row within the slice), null when there is none; undefined when the column has
 * text (only the general reading decides that).
 */
export function sliceFirstUnreadable(s: ColumnSlice, kind: NativeKind): BadCell | null | undefined {
  const kinds = sliceKinds(s);
  if (kinds & HAS_TEXT) return undefined;
  if ((kinds & (HAS_NUMBER | HAS_DATE | HAS_BOOLEAN)) === 0) return null;
  const col = s.column!;
  let bad: BadCell | null = null;
  eachRow(s, (r) => {
    const k = col.kinds[r];
    // Without text in the slice, a text cell is "" (a blank to both readings).
    if (k === CELL_BLANK || k === CELL_TEXT) return true;
    const v = col.numbers[r];
    if (k === CELL_NUMBER) {
      // Numbers finite (dates: inside the years the catalog reads).
      if (kind === 'date' ? !(v >= MIN_DATE_SERIAL && v < MAX_DATE_SERIAL) : v - v !== 0) bad = { row: r - s.from, value: v };
    } else if (k === CELL_DATE) {
      if (kind !== 'date' || v - v !== 0) bad = { row: r - s.from, value: new Date(v) };
    } else bad = { row: r - s.from, value: k === CELL_TRUE };
    return bad === null;
  });
  return bad;
}

/** flagCriteria for a column of booleans and blanks; undefined when it holds anything else. */
export function sliceFlagCriteria(s: ColumnSlice): FlagCriteria | undefined {
  const kinds = sliceKinds(s);
  if (kinds & (HAS_TEXT | HAS_NUMBER | HAS_DATE)) return undefined;
  let yes = false, no = false;
  eachRow(s, (r) => {
    const k = s.column!.kinds[r];
    if (k === CELL_TRUE) yes = true;
    else if (k === CELL_FALSE) no = true;
    return !(yes && no);
  });
  return {
    truthy: yes ? [{ kind: 'bool', value: true }] : [],
    falsy: no ? [{ kind: 'bool', value: false }] : [],
  };
}

/**
 * readNumbers for a column without text: numbers, dates as wall-clock serials, NaN for blanks and
 * booleans; null when the core would reject a cell (an invalid date); undefined with text.
 */
export function sliceNumbers(s: ColumnSlice, clock: WallClock): Float64Array | null | undefined {
  if (sliceKinds(s) & HAS_TEXT) return undefined;
  const out = new Float64Array(s.length).fill(Number.NaN);
  const col = s.column;
  if (col === undefined) return out;
  let valid = true;
  eachRow(s, (r) => {
    const k = col.kinds[r];
    if (k === CELL_NUMBER) {
      const v = col.numbers[r];
      if (v - v !== 0) return (valid = false);
      out[r - s.from] = v;
    } else if (k === CELL_DATE) {
      const ms = col.numbers[r];
      if (ms - ms !== 0) return (valid = false);
      out[r - s.from] = clock.serialOfInstant(ms);
    }
    return true;
  });
  return valid ? out : null;
}

/**
 * Whether two cells of a column of ids may name one ticket: false when every non-blank cell's key
 * (trimmed text; a number as it prints; TRUE/FALSE) is distinct — the keys PER_TICKET's index
 * compares (text that prints as a number is that number), so no ticket repeats in any subset of
 * the rows; true otherwise, or when the column holds dates (only the general reading decides).
 */
export function sliceKeysMayRepeat(s: ColumnSlice): boolean {
  const col = s.column;
  if (col === undefined) return false;
  const kinds = sliceKinds(s);
  if (kinds & HAS_DATE) return true;
  if ((kinds & ~(HAS_TEXT | HAS_BLANK)) === 0 && s.length < ROW_BITS) return textKeysRepeat(s);
  const seen = new Set<string>();
  let repeat = false;
  eachRow(s, (r) => {
    const k = col.kinds[r];
    let key: string;
    if (k === CELL_TEXT) {
      key = col.texts![r]!.trim();
      if (key === '') return true;
    } else if (k === CELL_NUMBER) key = '' + col.numbers[r];
    else if (k === CELL_TRUE) key = 'TRUE';
    else if (k === CELL_FALSE) key = 'FALSE';
    else return true;
    if (seen.has(key)) repeat = true;
    else seen.add(key);
    return !repeat;
  });
  return repeat;
}

/** Rows a packed (hash, row) number holds below the hash: the most a sheet has, 2^20, fits. */
const ROW_BITS = 2 ** 21;

/**
 * sliceKeysMayRepeat for a column of text and blanks (ids such as T-10001): each trimmed text's
 * 32-bit hash packed with its row into one number, sorted, so only texts whose hashes meet are
 * compared — a million distinct ids without a million-entry Set.
 */
function textKeysRepeat(s: ColumnSlice): boolean {
  const col = s.column!;
  const { kinds, texts } = col;
  const start = Math.max(0, s.from), end = Math.min(kinds.length, s.from + s.length);
  const packed = new Float64Array(Math.max(0, end - start));
  let m = 0;
  for (let r = start; r < end; r++) {
    if (kinds[r] !== CELL_TEXT) continue;
    const key = texts![r]!.trim();
    if (key === '') continue;
    let h = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    packed[m++] = (h >>> 0) * ROW_BITS + (r - start);
  }
  const sorted = packed.subarray(0, m).sort();
  const keyAt = (i: number, hash: number): string => texts![start + sorted[i] - hash * ROW_BITS]!.trim();
  for (let i = 1; i < m; i++) {
    const hash = Math.floor(sorted[i] / ROW_BITS);
    // Equal hashes are neighbours: compare each with those before it of the same hash.
    for (let j = i - 1; j >= 0 && Math.floor(sorted[j] / ROW_BITS) === hash; j--) {
      if (keyAt(i, hash) === keyAt(j, hash)) return true;
    }
  }
  return false;
}
