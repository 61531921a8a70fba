/**
 * Benchmark inputs shaped as each host passes them to a custom function.
 *
 *   Excel:  a range is a 2-D array of rows; blanks are `null`; dates are serial numbers (wall clock).
 *   Sheets: a range is a 2-D array of rows; blanks are `""`; dates are `Date` objects holding the
 *           instant, created in the script's own realm (the vm context the bundle runs in).
 *
 * Every column starts with its header row, as a whole-column reference (A:A) does; a
 * 1,048,576-row input is exactly one whole column. The values come from a seeded generator, so
 * every run measures the same cells.
 */
import vm from 'node:vm';
import { mulberry32 as rng } from '../examples/generate.js';
import { MS_PER_DAY, UNIX_EPOCH_SERIAL } from '../core/values/clock.js';

export const SIZES = [10_000, 100_000, 1_048_576] as const;

/** The spreadsheet zone of the Sheets inputs: it has daylight-saving changes inside the data. */
export const SHEETS_TIME_ZONE = 'Europe/Berlin';

/** Serial of 2025-12-01 00:00 (the data covers twelve months from there). */
export const FIRST_SERIAL = 45_992;


/** The raw columns (no host shape yet). NaN marks a blank cell. Row 0 is the header. */
export interface RawColumns {
  readonly rows: number;
  /** NPS scores 0–10 (whole numbers). */
  readonly scores: Float64Array;
  /** CSAT ratings 1–5. */
  readonly ratings: Float64Array;
  /** Opened, as wall-clock serials. */
  readonly opened: Float64Array;
  /** Resolved, as wall-clock serials; NaN = still open. */
  readonly resolved: Float64Array;
  /** Survey comments ("" = blank). */
  readonly comments: readonly string[];
  /** A status log of the same number of rows (row 0 the header): ticket ids, times (serials), statuses. */
  readonly log: LogColumns;
  /** Per-call rows: wait in seconds, answered (1/0), talk, hold and after-call work in seconds (NaN = blank). */
  readonly calls: CallColumns;
}

export interface LogColumns {
  readonly ids: Float64Array;
  readonly times: Float64Array;
  readonly statuses: readonly string[];
}

export interface CallColumns {
  readonly waits: Float64Array;
  readonly answered: Uint8Array;
  readonly talk: Float64Array;
  readonly hold: Float64Array;
  readonly acw: Float64Array;
}

/**
 * A status log as a helpdesk exports it: about 4 rows per ticket (new, open, sometimes a pending or
 * on-hold spell and back to open, mostly solved), every ticket's rows interleaved with the others'
 * in time order, whole minutes, twelve months from FIRST_SERIAL.
 */
function logColumns(rows: number, next: () => number): LogColumns {
  const times: number[] = [NaN], ids: number[] = [NaN], statuses: string[] = ['Status'];
  for (let ticket = 1; times.length < rows; ticket++) {
    let m = Math.floor(next() * 365 * 1440);
    const path = ['new', 'open'];
    if (next() < 0.5) path.push(next() < 0.7 ? 'pending' : 'on-hold', 'open');
    if (next() < 0.9) path.push('solved');
    for (const status of path) {
      if (times.length >= rows) break;
      times.push(outsideChangeHour(FIRST_SERIAL + m / 1440));
      ids.push(ticket);
      statuses.push(status);
      m += 1 + Math.floor(next() * next() * 3000);
    }
  }
  const order = Array.from({ length: rows - 1 }, (_, i) => i + 1).sort((a, b) => times[a] - times[b] || a - b);
  order.unshift(0);
  return {
    ids: Float64Array.from(order, (i) => ids[i]),
    times: Float64Array.from(order, (i) => times[i]),
    statuses: order.map((i) => statuses[i]),
  };
}

/** Per-call rows: 6 % abandoned; waits skewed short; talk 1–10 min; hold and wrap-up sometimes blank. */
function callColumns(rows: number, next: () => number): CallColumns {
  const waits = new Float64Array(rows), answered = new Uint8Array(rows), talk = new Float64Array(rows);
  const hold = new Float64Array(rows), acw = new Float64Array(rows);
  waits[0] = talk[0] = hold[0] = acw[0] = NaN;
  for (let r = 1; r < rows; r++) {
    answered[r] = next() < 0.94 ? 1 : 0;
    waits[r] = Math.floor(next() * next() * 180);
    talk[r] = answered[r] ? 60 + Math.floor(next() * 540) : NaN;
    hold[r] = answered[r] && next() < 0.3 ? Math.floor(next() * 120) : NaN;
    acw[r] = answered[r] && next() < 0.8 ? Math.floor(next() * 90) : NaN;
  }
  return { waits, answered, talk, hold, acw };
}

const PHRASES_EN = [
  'friendly and fast support', 'very helpful agent', 'slow response, not helpful', 'the delivery was late again',
  'great service, quick answer', 'not so friendly on the phone', 'easy to reach and competent', 'waited too long for a reply',
  'clear explanation and a fair price', 'unfriendly staff and slow refund',
];
const PHRASES_DE = [
  'freundlicher und schneller Service', 'sehr kompetente Beratung', 'nicht so freundlich am Telefon', 'die Lieferung kam zu spät',
  'schnelle Antwort, gute Lösung', 'lange Wartezeit und unfreundlich', 'gut erreichbar und hilfsbereit', 'Rückerstattung dauerte zu lange',
];

/** A wall-clock serial moved out of 02:00–03:00 (one hour later). */
function outsideChangeHour(serial: number): number {
  const minute = Math.round((serial - Math.floor(serial)) * 1440);
  return minute >= 120 && minute < 180 ? serial + 1 / 24 : serial;
}

/** `rows` rows including the header row. Deterministic for a given size. */
export function rawColumns(rows: number): RawColumns {
  const next = rng(20251201 + rows);
  const scores = new Float64Array(rows);
  const ratings = new Float64Array(rows);
  const opened = new Float64Array(rows);
  const resolved = new Float64Array(rows);
  const comments: string[] = new Array(rows);
  scores[0] = ratings[0] = opened[0] = resolved[0] = NaN;
  comments[0] = 'Comment';
  for (let r = 1; r < rows; r++) {
    // Scores lean positive, as real surveys do; about 4 % unanswered.
    const u = next();
    scores[r] = u < 0.04 ? NaN : Math.min(10, Math.floor(next() * 7) + Math.floor(next() * 5));
    ratings[r] = next() < 0.04 ? NaN : 1 + Math.min(4, Math.floor(next() * 3) + Math.floor(next() * 3));
    // Opened: any minute of the 365 days; resolved 5 minutes to 10 days later; 8 % still open.
    // Nothing happens between 02:00 and 03:00, the hour a daylight-saving change skips or repeats,
    // so every wall-clock time exists exactly once in the Sheets zone too.
    const o = outsideChangeHour(FIRST_SERIAL + Math.floor(next() * 365 * 1440) / 1440);
    opened[r] = o;
    resolved[r] = next() < 0.08 ? NaN : outsideChangeHour(o + Math.floor(5 + next() * next() * 14_400) / 1440);
    const c = next();
    comments[r] = c < 0.3 ? '' : c < 0.7 ? PHRASES_EN[Math.floor(next() * PHRASES_EN.length)] : PHRASES_DE[Math.floor(next() * PHRASES_DE.length)];
  }
  return { rows, scores, ratings, opened, resolved, comments, log: logColumns(rows, next), calls: callColumns(rows, next) };
}

/** A 2-D column (one array per row), ready to pass as a range argument. */
export type Column = unknown[][];

export interface HostInputs {
  readonly host: 'excel' | 'sheets';
  readonly rows: number;
  readonly scores: Column;
  readonly ratings: Column;
  readonly opened: Column;
  readonly resolved: Column;
  readonly comments: Column;
  readonly logIds: Column;
  readonly logTimes: Column;
  readonly logStatuses: Column;
  /** Calls: waits in seconds, answered TRUE/FALSE, talk/hold/after-call work in seconds. */
  readonly waits: Column;
  readonly answered: Column;
  readonly talk: Column;
  readonly hold: Column;
  readonly acw: Column;
}

/** Excel's shape: numbers and serials, `null` blanks, text header. */
export function excelInputs(raw: RawColumns): HostInputs {
  const num = (xs: Float64Array, header: string): Column => {
    const out: Column = new Array(xs.length);
    out[0] = [header];
    for (let r = 1; r < xs.length; r++) out[r] = [xs[r] === xs[r] ? xs[r] : null];
    return out;
  };
  return {
    host: 'excel',
    rows: raw.rows,
    scores: num(raw.scores, 'Score'),
    ratings: num(raw.ratings, 'Rating'),
    opened: num(raw.opened, 'Opened'),
    resolved: num(raw.resolved, 'Resolved'),
    comments: raw.comments.map((c) => [c === '' ? null : c]),
    logIds: num(raw.log.ids, 'Ticket'),
    logTimes: num(raw.log.times, 'Time'),
    logStatuses: raw.log.statuses.map((v) => [v]),
    waits: num(raw.calls.waits, 'Wait (s)'),
    answered: [['Answered'], ...Array.from(raw.calls.answered.subarray(1), (a) => [a === 1])],
    talk: num(raw.calls.talk, 'Talk (s)'),
    hold: num(raw.calls.hold, 'Hold (s)'),
    acw: num(raw.calls.acw, 'Wrap-up (s)'),
  };
}

/**
 * Sheets' shape, built inside `context` (the realm of the Sheets bundle, as in Apps Script): numbers,
 * `Date` objects for the instants whose wall clock in `timeZone` is the serial, `""` blanks.
 * Wall clock → instant uses the offsets of `timeZone`, so the bundle reading the Dates back in the
 * same zone gets the same serials (except in the hour a clock change skips or repeats).
 */
export function sheetsInputs(raw: RawColumns, context: vm.Context, timeZone = SHEETS_TIME_ZONE): HostInputs {
  const instant = instantsOf(timeZone);
  const openedMs = new Float64Array(raw.rows);
  const resolvedMs = new Float64Array(raw.rows);
  for (let r = 0; r < raw.rows; r++) {
    openedMs[r] = raw.opened[r] === raw.opened[r] ? instant(raw.opened[r]) : NaN;
    resolvedMs[r] = raw.resolved[r] === raw.resolved[r] ? instant(raw.resolved[r]) : NaN;
  }
  // Built by code running in the context, so arrays and Dates belong to the bundle's realm.
  const make = vm.runInContext(`(function (xs, header, dates) {
    var out = new Array(xs.length);
    out[0] = [header];
    for (var r = 1; r < xs.length; r++) {
      var v = xs[r];
      out[r] = [v !== v ? "" : dates ? new Date(v) : v];
    }
    return out;
  })`, context) as (xs: Float64Array, header: string, dates: boolean) => Column;
  const texts = vm.runInContext(`(function (xs) {
    var out = new Array(xs.length);
    for (var r = 0; r < xs.length; r++) out[r] = [xs[r]];
    return out;
  })`, context) as (xs: readonly string[]) => Column;
  const logMs = raw.log.times.map((t) => (t === t ? instant(t) : NaN));
  const flags = vm.runInContext(`(function (xs, header) {
    var out = new Array(xs.length);
    out[0] = [header];
    for (var r = 1; r < xs.length; r++) out[r] = [xs[r] === 1];
    return out;
  })`, context) as (xs: Uint8Array, header: string) => Column;
  return {
    host: 'sheets',
    rows: raw.rows,
    logIds: make(raw.log.ids, 'Ticket', false),
    logTimes: make(logMs, 'Time', true),
    logStatuses: texts(raw.log.statuses),
    waits: make(raw.calls.waits, 'Wait (s)', false),
    answered: flags(raw.calls.answered, 'Answered'),
    talk: make(raw.calls.talk, 'Talk (s)', false),
    hold: make(raw.calls.hold, 'Hold (s)', false),
    acw: make(raw.calls.acw, 'Wrap-up (s)', false),
    scores: make(raw.scores, 'Score', false),
    ratings: make(raw.ratings, 'Rating', false),
    opened: make(openedMs, 'Opened', true),
    resolved: make(resolvedMs, 'Resolved', true),
    comments: texts(raw.comments),
  };
}

/**
 * Wall-clock serial → instant (ms) in a zone, for building the inputs (not measured). Offsets are
 * looked up per hour with Intl and cached.
 */
export function instantsOf(timeZone: string): (serial: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (ms: number): number => {
    const hour = Math.floor(ms / 3_600_000);
    let o = offsets.get(hour);
    if (o === undefined) {
      const p: Record<string, number> = {};
      for (const part of format.formatToParts(hour * 3_600_000)) p[part.type] = +part.value;
      o = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - hour * 3_600_000;
      offsets.set(hour, o);
    }
    return o;
  };
  return (serial: number): number => {
    const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
    // Two steps settle on the offset valid at the instant (one is enough away from a change).
    let ms = wall - offsetAt(wall);
    ms = wall - offsetAt(ms);
    return ms;
  };
}

/** The data rows (header dropped) as flat arrays: what a spreadsheet engine's range holds. */
export function flatColumn(col: Column): unknown[] {
  const out: unknown[] = new Array(col.length - 1);
  for (let r = 1; r < col.length; r++) out[r - 1] = col[r][0];
  return out;
}
