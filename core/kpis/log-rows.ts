/**
 * Status and message logs as helpdesks export them: one row per status change (ticket, time,
 * status) or per message (ticket, time, author), in any order. readLog reads the three ranges in
 * one pass each and groups the rows by ticket with a counting sort — no per-ticket re-scans — so a
 * whole sheet of log rows costs a few passes over typed arrays. Each ticket's rows are then put in
 * time order (rows at equal times keep sheet order), sorting only the tickets that need it.
 */
import { valueError } from '../errors.js';
import { MS_PER_DAY } from '../values/clock.js';
import type { CallContext } from '../values/context.js';
import { cellAt, describeValue, errorCode, isDateObject, NOT_PLAIN, NOT_SCALAR, plainValue, placeOf, toGrid } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import { cellError, plainScalar, readDates, requireSameSize } from '../values/read.js';
import { isErrorText } from '../values/text.js';
import { median, percentileInc } from '../stats.js';
import { businessMinutesBetween } from './business-hours.js';
import type { BusinessClock } from './business-hours.js';
import { authorOf, labelKey } from './log-words.js';

export { AGENT, CUSTOMER, labelKey, SKIPPED } from './log-words.js';

/** Held once: a global lookup per row is slow inside a Node vm context (see core/values/read.ts). */
const floor = Math.floor;

/** Log rows grouped by ticket, each ticket's rows in time order. */
export interface LogRows {
  /** Number of tickets (in order of their first row in the sheet). */
  readonly tickets: number;
  /** Rows of ticket t: order[start[t]] … order[start[t + 1] − 1], by time (ties: sheet order). */
  readonly start: Int32Array;
  readonly order: Int32Array;
  /** Per row (row-major index of the ranges): its time as a wall-clock serial; NaN = row skipped. */
  readonly times: Float64Array;
  /** Per row: the code of its status or author (see LabelReader); -1 for skipped rows. */
  readonly codes: Int32Array;
  /** The ids range: positions in messages are its rows. */
  readonly grid: Grid;
}

/**
 * Turns a status or author cell into a code. `code` gets the trimmed text (never blank) and the
 * cell's position; it may throw an error naming the cell.
 */
export interface LabelReader {
  /** Argument name in messages: "statuses" or "authors". */
  readonly arg: string;
  code(ctx: CallContext, text: string, grid: Grid, i: number): number;
}

// ---------------------------------------------------------------- cells as keys and labels

/** Text of an id or label cell: numbers and booleans as text, Dates as their serial; blank → ''. */
export function cellText(ctx: CallContext, g: Grid, i: number, v: unknown, arg: string): string {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t !== '' && isErrorText(t)) cellError(ctx, g, i, 'is an error value', arg);
    return t;
  }
  if (typeof v === 'number') {
    if (v - v !== 0) cellError(ctx, g, i, 'is not a finite number', arg);
    return '' + v;
  }
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === null || v === undefined) return '';
  if (isDateObject(v)) return String(ctx.clock.serialOfInstant(v.getTime()));
  if (errorCode(v)) cellError(ctx, g, i, 'is an error value', arg);
  const p = plainValue(v); // an Excel data-typed cell
  if (p !== NOT_PLAIN) return cellText(ctx, g, i, p, arg);
  return cellError(ctx, g, i, 'is not a value this function reads', arg);
}

function blankError(ctx: CallContext, g: Grid, i: number, arg: string, what: string): never {
  const at = placeOf(g, i);
  throw valueError(ctx.fn, `${arg} is blank at ${at.text}, a row with a time; every log row needs its ${what}`, [at]);
}

// ---------------------------------------------------------------- ticket ids

const imul = Math.imul;

/**
 * Numbers → ticket index, open addressing on the number's bits: a million rows of numeric ticket
 * ids cost a few ns each, where a Map of heap numbers costs an order of magnitude more and grows
 * with garbage. Keys are finite numbers with -0 read as 0.
 */
class NumberIndex {
  private keys = new Float64Array(1024);
  private vals = new Int32Array(1024).fill(-1);
  private mask = 1023;
  private size = 0;
  private readonly bits = new Float64Array(1);
  private readonly words = new Int32Array(this.bits.buffer);

  private slot(x: number): number {
    this.bits[0] = x;
    return imul(this.words[0] ^ imul(this.words[1], 0x85ebca6b), 0x9e3779b1) & this.mask;
  }

  /** The index stored for x, or -1. */
  get(x: number): number {
    const keys = this.keys, vals = this.vals, mask = this.mask;
    for (let i = this.slot(x); ; i = (i + 1) & mask) {
      const v = vals[i];
      if (v < 0 || keys[i] === x) return v;
    }
  }

  set(x: number, v: number): void {
    if (2 * (this.size + 1) > this.mask) this.grow();
    const keys = this.keys, vals = this.vals, mask = this.mask;
    let i = this.slot(x);
    while (vals[i] >= 0 && keys[i] !== x) i = (i + 1) & mask;
    if (vals[i] < 0) this.size++;
    keys[i] = x;
    vals[i] = v;
  }

  private grow(): void {
    const keys = this.keys, vals = this.vals;
    this.keys = new Float64Array(keys.length * 2);
    this.vals = new Int32Array(keys.length * 2).fill(-1);
    this.mask = keys.length * 2 - 1;
    this.size = 0;
    for (let i = 0; i < keys.length; i++) if (vals[i] >= 0) this.set(keys[i], vals[i]);
  }
}

/** Text that is exactly how a number prints ("42", "4.5"): the same ticket as that number. */
function numericKey(t: string): number | undefined {
  const c = t.charCodeAt(0);
  if (!((c >= 48 && c <= 57) || c === 45)) return undefined;
  const x = Number(t);
  return x - x === 0 && '' + x === t ? x : undefined;
}

/**
 * Ticket ids as indices 0, 1, 2 … in order of first appearance, compared as trimmed text (42 and
 * "42" are one ticket, as in REPEAT_CUSTOMER_RATE): numbers — and text that prints as a number —
 * through a NumberIndex, other text through a Map.
 */
export class TicketIndex {
  count = 0;
  private readonly numbers = new NumberIndex();
  private readonly texts = new Map<string, number>();

  /** The index of a cell's id; -1 for a blank. Throws for error cells and unreadable values. */
  of(ctx: CallContext, g: Grid, i: number, v: unknown): number {
    if (typeof v === 'number' && v - v === 0) return this.ofNumber(v + 0);
    if (typeof v === 'string') {
      const raw = this.texts.get(v);
      if (raw !== undefined) return raw;
    }
    if (isDateObject(v) && v.getTime() - v.getTime() === 0) return this.ofNumber(ctx.clock.serialOfInstant(v.getTime()));
    const t = cellText(ctx, g, i, v, 'ticket_ids');
    if (t === '') return -1;
    const x = numericKey(t);
    let k: number | undefined;
    if (x !== undefined) k = this.ofNumber(x);
    else {
      k = this.texts.get(t);
      if (k === undefined) this.texts.set(t, (k = this.count++));
    }
    // The cell's own spelling too (untrimmed, or text that prints as a number): a text always
    // stands for the same ticket, so the next such cell costs one lookup.
    if (typeof v === 'string') this.texts.set(v, k);
    return k;
  }

  private ofNumber(x: number): number {
    let k = this.numbers.get(x);
    if (k < 0) this.numbers.set(x, (k = this.count++));
    return k;
  }
}

// ---------------------------------------------------------------- reading and grouping

export interface LogOptions {
  /** Rows after this moment are left out (they are still checked). */
  readonly asOf?: number;
}

/**
 * Reads a log: ticket ids, times and labels (statuses or authors), three ranges of the same size.
 * A row whose time is blank or text that is not a date (a header) is skipped whole before its id
 * and label are looked at; on every other row a blank id or label is an error naming the row.
 * Ids are compared as trimmed text (42 and "42" are one ticket, as in REPEAT_CUSTOMER_RATE).
 */
export function readLog(ctx: CallContext, idsArg: unknown, timesArg: unknown, labelsArg: unknown, labels: LabelReader, opts: LogOptions = {}): LogRows {
  const ids = toGrid(idsArg);
  const times = readDates(ctx, timesArg, 'times');
  const lab = toGrid(labelsArg);
  requireSameSize(ctx, ids, 'ticket_ids', times, 'times');
  requireSameSize(ctx, ids, 'ticket_ids', lab, labels.arg);
  const n = ids.rows * ids.cols;
  const t = times.values;
  const ticketOf = new Int32Array(n);
  const codes = new Int32Array(n);
  const ticketIndex = new TicketIndex();
  // Raw cell → code: one Map lookup per row in the usual case (a repeated status or author word).
  const rawLabels = new Map<unknown, number>();
  const idColumn = ids.cols === 1, labColumn = lab.cols === 1;
  const idCells = ids.cells, labCells = lab.cells;
  for (let i = 0; i < n; i++) {
    if (t[i] !== t[i]) {
      ticketOf[i] = -1;
      codes[i] = -1;
      continue;
    }
    const id = ticketIndex.of(ctx, ids, i, idColumn ? idCells[i][0] : cellAt(ids, i));
    if (id < 0) blankError(ctx, ids, i, 'ticket_ids', 'ticket id');
    ticketOf[i] = id;
    const lv = labColumn ? labCells[i][0] : cellAt(lab, i);
    const lp = typeof lv === 'string' || typeof lv === 'number';
    let code = lp ? rawLabels.get(lv) : undefined;
    if (code === undefined) {
      const text = cellText(ctx, lab, i, lv, labels.arg);
      if (text === '') blankError(ctx, lab, i, labels.arg, labels.arg === 'authors' ? 'author' : 'status');
      code = labels.code(ctx, text, lab, i);
      if (lp) rawLabels.set(lv, code);
    }
    codes[i] = code;
  }
  const tickets = ticketIndex.count;
  // Counting sort by ticket (rows after as_of left out), then each ticket's rows by time.
  const asOf = opts.asOf ?? Infinity;
  const start = new Int32Array(tickets + 1);
  for (let i = 0; i < n; i++) {
    const k = ticketOf[i];
    if (k >= 0 && t[i] <= asOf) start[k + 1]++;
  }
  for (let k = 0; k < tickets; k++) start[k + 1] += start[k];
  const fill = start.slice(0, tickets);
  const order = new Int32Array(start[tickets]);
  for (let i = 0; i < n; i++) {
    const k = ticketOf[i];
    if (k >= 0 && t[i] <= asOf) order[fill[k]++] = i;
  }
  for (let k = 0; k < tickets; k++) sortByTime(order, start[k], start[k + 1], t);
  return { tickets, start, order, times: t, codes, grid: ids };
}

/** Sorts order[a…b) by time, keeping sheet order at equal times; nothing to do when already sorted. */
function sortByTime(order: Int32Array, a: number, b: number, t: Float64Array): void {
  let sorted = true;
  for (let k = a + 1; k < b; k++) {
    if (t[order[k]] < t[order[k - 1]]) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  if (b - a <= 32) {
    // Insertion sort: stable, and order[a…b) is in sheet order to begin with.
    for (let k = a + 1; k < b; k++) {
      const row = order[k], time = t[row];
      let j = k - 1;
      while (j >= a && t[order[j]] > time) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = row;
    }
    return;
  }
  const rows = Array.from(order.subarray(a, b));
  rows.sort((x, y) => t[x] - t[y] || x - y);
  order.set(rows, a);
}

// ---------------------------------------------------------------- durations between rows

/** Duration in whole ms between two serials (from ≤ to): wall-clock, or business time. */
export function spanMs(from: number, to: number, business: BusinessClock | undefined): number {
  const x = business === undefined ? (to - from) * MS_PER_DAY : businessMinutesBetween(business, from, to) * 60_000;
  const ms = floor(x + 0.5);
  return ms > 0 ? ms : 0;
}

/** True when the wall-clock time from one serial to the next is at least a whole millisecond. */
export function hasTime(from: number, to: number): boolean {
  return floor((to - from) * MS_PER_DAY + 0.5) > 0;
}

/** Count, mean, median, 90th percentile (PERCENTILE.INC) and total of durations in ms (at least one). */
export interface DurationStats {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  readonly p90: number;
  readonly total: number;
}

export function durationStats(xs: readonly number[]): DurationStats {
  const sorted = Float64Array.from(xs).sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i];
  return { n: sorted.length, mean: total / sorted.length, median: median(sorted), p90: percentileInc(sorted, 0.9), total };
}

// ---------------------------------------------------------------- status lists

/** Statuses of a log: each distinct status (by labelKey) gets a code, in order of first appearance. */
export class StatusDictionary implements LabelReader {
  readonly arg = 'statuses';
  /** The first spelling seen of each status, trimmed: what tables show. */
  readonly names: string[] = [];
  private readonly byKey = new Map<string, number>();

  code(_ctx: CallContext, text: string): number {
    const key = labelKey(text);
    let c = this.byKey.get(key);
    if (c === undefined) {
      c = this.names.length;
      this.byKey.set(key, c);
      this.names.push(text);
    }
    return c;
  }

  /** Code of a status name, or -1 when the log never has it. */
  find(name: string): number {
    const c = this.byKey.get(labelKey(name));
    return c === undefined ? -1 : c;
  }
}

/**
 * A status list argument (`counted`, `pause`, `resolved`): a range of status names (one per cell)
 * or one text of names separated by commas or semicolons. Returns the keys (labelKey); empty when
 * omitted. Names never seen in the log simply match nothing (a period may hold no such status).
 */
export function readStatusList(ctx: CallContext, x: unknown, arg: string): string[] {
  const one = plainScalar(x);
  const keys: string[] = [];
  if (one !== NOT_SCALAR) {
    if (one === null || one === undefined) return keys;
    const g = toGrid(one);
    const text = cellText(ctx, g, 0, one, arg);
    for (const part of text.split(/[,;]/)) if (part.trim() !== '') keys.push(labelKey(part));
    return keys;
  }
  const g = toGrid(x);
  for (let i = 0; i < g.rows * g.cols; i++) {
    const text = cellText(ctx, g, i, cellAt(g, i), arg);
    if (text !== '') keys.push(labelKey(text));
  }
  return keys;
}

/** Per status code: 1 when the status is in the list. */
export function statusSet(dict: StatusDictionary, keys: readonly string[]): Uint8Array {
  const set = new Uint8Array(dict.names.length);
  for (const k of keys) {
    const c = dict.find(k);
    if (c >= 0) set[c] = 1;
  }
  return set;
}

/** A required status list: at least one name. */
export function requireStatusList(ctx: CallContext, x: unknown, arg: string, example: string): string[] {
  const keys = readStatusList(ctx, x, arg);
  if (keys.length === 0) throw valueError(ctx.fn, `${arg} is blank; list the statuses as a range or as text such as ${example}`);
  return keys;
}

// ---------------------------------------------------------------- authors

/** Authors of a message log: customer, agent or skipped; any other word is an error naming it. */
export const AUTHORS: LabelReader = {
  arg: 'authors',
  code(ctx, text, grid, i) {
    const role = authorOf(text);
    if (role !== undefined) return role;
    const at = placeOf(grid, i, 'authors');
    throw valueError(
      ctx.fn,
      `${describeValue(cellAt(grid, i))} at ${at.text} is not an author word: customers are customer, end-user, requester, user, lead, contact, visitor, Kunde, Anfragender; agents are agent, admin, operator, teammate, staff, support, Mitarbeiter, Bearbeiter; internal, note, Notiz, bot, system, automation and trigger rows are skipped`,
      [at],
    );
  },
};
