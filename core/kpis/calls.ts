/**
 * Per-call contact-centre KPIs: service level (the four ICMI modes), abandon rate, average speed of
 * answer, average handle time and occupancy. One row per call or contact: `waits` is the time in
 * queue until answer or abandon, `answered` a yes/no flag. Durations and flags are read by the
 * value readers (core/values/duration-values.ts, flags.ts); "within" compares whole milliseconds.
 */
import type { ArgSpec, FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import type { CallContext } from '../values/context.js';
import { MS_PER_INPUT_UNIT, readDurationArg, readDurations, readInputUnit } from '../values/duration-values.js';
import { parseDurationText } from '../values/duration-text.js';
import { isErrorText, parseNumberText } from '../values/text.js';
import type { DurationColumn, InputUnit } from '../values/duration-values.js';
import { readFlags } from '../values/flags.js';
import type { FlagColumn } from '../values/flags.js';
import { cellAt, columnRows, isCellRow, placeOf } from '../values/grid.js';
import { isOmitted, plainScalar, readWordArg, requireSameSize } from '../values/read.js';
import { UNIT_PER_DAY, UNIT_WORDS } from '../values/words.js';
import { MS_PER_DAY } from '../values/clock.js';
import { DURATION_VALUE_RULES } from './duration-columns.js';

/** Held once: a global lookup per row is slow inside a Node vm context (see core/values/read.ts). */
const floor = Math.floor;

/** Whole milliseconds, as "within" compares them (floor(x + 0.5): Math.round for these values, without its branch). */
const wholeMs = (ms: number): number => floor(ms + 0.5);

/** The result unit of ASA and AHT: seconds unless told otherwise. */
function readSecondsUnit(ctx: CallContext, x: unknown): number {
  const unit = readWordArg(ctx, x, 'unit', UNIT_WORDS, 'seconds');
  return MS_PER_DAY / UNIT_PER_DAY[unit];
}

interface Calls {
  readonly waits: DurationColumn;
  readonly answered: FlagColumn;
}

function readCalls(ctx: CallContext, waitsArg: unknown, answeredArg: unknown, unit: InputUnit | undefined): Calls {
  const waits = readDurations(ctx, waitsArg, 'waits', unit);
  const answered = readFlags(ctx, answeredArg, 'answered');
  requireSameSize(ctx, waits.grid, 'waits', answered.grid, 'answered');
  return { waits, answered };
}

/**
 * True when row i is the header row: its wait is text that is no duration and nothing above it in
 * waits is filled. A flags column named "Answered" above answered/abandoned words reads its name
 * as a flag; the waits column tells the header row apart.
 */
function isHeaderRow(c: Calls, i: number): boolean {
  const g = c.waits.grid;
  const blank = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
  const v = cellAt(g, i);
  if (typeof v !== 'string' || blank(v)) return false;
  for (let j = 0; j < i; j++) if (!blank(cellAt(g, j))) return false;
  return true;
}

/** A wait on a row without an answered flag cannot be told answered or abandoned. */
function flagMissing(ctx: CallContext, c: Calls, i: number): never {
  const at = placeOf(c.answered.grid, i);
  throw valueError(ctx.fn, `answered is blank at ${at.text}, a row with a wait (${c.waits.ms[i] / 1000} s); every call needs its answered flag`, [at]);
}

function waitMissing(ctx: CallContext, c: Calls, i: number, which: string): never {
  const at = placeOf(c.waits.grid, i);
  throw valueError(ctx.fn, `waits is blank at ${at.text}, ${which} call; its wait is needed`, [at]);
}

// ---------------------------------------------------------------- service level

export type ServiceLevelMode = 'offered' | 'answered' | 'abandons_met' | 'short_abandons_excluded';

const MODE_WORDS: Readonly<Record<string, ServiceLevelMode>> = {
  offered: 'offered', angeboten: 'offered',
  answered: 'answered', angenommen: 'answered',
  abandons_met: 'abandons_met', abbrueche_erfuellt: 'abandons_met',
  short_abandons_excluded: 'short_abandons_excluded', kurze_abbrueche_ausgeschlossen: 'short_abandons_excluded',
};

function readMode(ctx: CallContext, x: unknown): ServiceLevelMode {
  const v = plainScalar(x);
  if (typeof v === 'string') {
    // "abandons met", "Abandons-Met" and "abbrüche_erfüllt" read as the listed words.
    const key = v.trim().toLowerCase().replace(/[\s-]+/g, '_').replace(/ü/g, 'ue');
    if (Object.prototype.hasOwnProperty.call(MODE_WORDS, key)) return MODE_WORDS[key];
  }
  return readWordArg(ctx, x, 'mode', MODE_WORDS, 'offered');
}

/** Counts of a call range against a threshold; waits of abandoned calls are needed only when `abandonWaits`. */
interface CallCounts {
  calls: number;
  answered: number;
  answeredWithin: number;
  abandonedWithin: number;
}

function countCalls(ctx: CallContext, c: Calls, thresholdMs: number, abandonWaits: boolean): CallCounts {
  const w = c.waits.ms, f = c.answered.flags;
  const limit = wholeMs(thresholdMs);
  let calls = 0, answered = 0, answeredWithin = 0, abandonedWithin = 0;
  for (let i = 0; i < f.length; i++) {
    const flag = f[i], ms = w[i];
    if (flag < 0) {
      if (ms === ms) flagMissing(ctx, c, i);
      continue;
    }
    if (ms !== ms && isHeaderRow(c, i)) continue;
    calls++;
    if (flag === 1) {
      if (ms !== ms) waitMissing(ctx, c, i, 'an answered');
      answered++;
      if (wholeMs(ms) <= limit) answeredWithin++;
    } else if (ms === ms) {
      if (wholeMs(ms) <= limit) abandonedWithin++;
    } else if (abandonWaits) waitMissing(ctx, c, i, 'an abandoned');
  }
  return { calls, answered, answeredWithin, abandonedWithin };
}

// ---------------------------------------------------------------- fast paths

/*
 * One pass over the columns as hosts pass them, reading inline only what most cells hold — finite
 * numbers ≥ 0 in the input unit, booleans and 1/0 flags, blanks — and a header row on top. Any
 * other cell, any row the rules would reject, or numbers the 0–1 guard would stop make the fast
 * path give up (undefined): the call then goes through the readers, which give the same result or
 * the error with its message. So the rules live in the readers only; this is the cost of a bare loop.
 */

const isBlankCell = (v: unknown): boolean => v === null || v === undefined || v === '';

/** A header: text that the duration reader skips (no number, no duration, no error). */
function isHeaderText(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const t = v.trim();
  if (t === '' || isErrorText(t)) return false;
  const c = t.charCodeAt(0);
  if ((c >= 48 && c <= 57) || c === 43 || c === 45) return false;
  return parseNumberText(t) === undefined && parseDurationText(t) === undefined;
}

/** A flag cell read inline: 1, 0, -1 (blank), or -2 (anything else: take the readers' path). */
function fastFlag(v: unknown): number {
  if (v === true || v === 1) return 1;
  if (v === false || v === 0) return 0;
  return isBlankCell(v) ? -1 : -2;
}

/** Milliseconds per number and whether to round (time values), as readDurations reads numbers. */
function numberScale(unit: InputUnit | undefined): { per: number; round: boolean } {
  return { per: unit === undefined ? 1000 : MS_PER_INPUT_UNIT[unit], round: unit === 'time' || unit === 'days' };
}

/** The 0–1 guard's verdict on a column: true when it would stop the call (only numbers strictly between 0 and 1). */
const guardStops = (unit: InputUnit | undefined, numbers: number, outside: number): boolean => unit === undefined && numbers > 0 && outside === 0;

function fastCountCalls(waitsArg: unknown, answeredArg: unknown, unit: InputUnit | undefined, thresholdMs: number, abandonWaits: boolean): CallCounts | undefined {
  const wc = columnRows(waitsArg), ac = columnRows(answeredArg);
  if (!wc || !ac || wc.length !== ac.length || wc.length === 0) return undefined;
  const { per, round } = numberScale(unit);
  const limit = wholeMs(thresholdMs);
  let start = 0;
  if (isHeaderText(wc[0][0]) && !(typeof ac[0][0] === 'string' && isErrorText(ac[0][0].trim()))) start = 1;
  let calls = 0, answered = 0, answeredWithin = 0, abandonedWithin = 0, numbers = 0, outside = 0;
  for (let r = start; r < wc.length; r++) {
    const wr = wc[r], ar = ac[r];
    if (!isCellRow(wr) || !isCellRow(ar)) return undefined;
    const v = wr[0];
    const flag = fastFlag(ar[0]);
    if (flag === -2) return undefined;
    let ms: number;
    if (typeof v === 'number' && v >= 0 && v - v === 0) {
      numbers++;
      if (!(v > 0 && v < 1)) outside++;
      ms = round ? floor(v * per + 0.5) : v * per;
    } else if (isBlankCell(v)) ms = NaN;
    else return undefined;
    if (flag < 0) {
      if (ms === ms) return undefined;
      continue;
    }
    calls++;
    if (flag === 1) {
      if (ms !== ms) return undefined;
      answered++;
      if (wholeMs(ms) <= limit) answeredWithin++;
    } else if (ms === ms) {
      if (wholeMs(ms) <= limit) abandonedWithin++;
    } else if (abandonWaits) return undefined;
  }
  if (guardStops(unit, numbers, outside)) return undefined;
  return { calls, answered, answeredWithin, abandonedWithin };
}

/** AHT's sum and count over talk and the optional hold and after-call work columns. */
function fastHandleTimes(talkArg: unknown, holdArg: unknown, acwArg: unknown, unit: InputUnit | undefined): { sum: number; n: number } | undefined {
  const talk = columnRows(talkArg);
  const hold = holdArg === undefined ? undefined : columnRows(holdArg);
  const acw = acwArg === undefined ? undefined : columnRows(acwArg);
  if (!talk || talk.length === 0 || (holdArg !== undefined && (!hold || hold.length !== talk.length)) || (acwArg !== undefined && (!acw || acw.length !== talk.length))) return undefined;
  const { per, round } = numberScale(unit);
  const headerOrBlank = (c: readonly (readonly unknown[])[] | undefined) => !c || isBlankCell(c[0][0]) || isHeaderText(c[0][0]);
  const start = isHeaderText(talk[0][0]) && headerOrBlank(hold) && headerOrBlank(acw) ? 1 : 0;
  // Per column: numbers read, and numbers outside (0, 1) — the 0–1 guard's counts. Counted in
  // locals and each column's cell read inline: this loop is what a million-row AHT costs.
  let talkNumbers = 0, talkOutside = 0, holdNumbers = 0, holdOutside = 0, acwNumbers = 0, acwOutside = 0;
  let sum = 0, n = 0;
  for (let r = start; r < talk.length; r++) {
    const tr = talk[r];
    if (!isCellRow(tr)) return undefined;
    const t = tr[0];
    // A blank hold or wrap-up adds 0; `extra` says whether the row has either (then it needs a talk time).
    let h = 0, w = 0, extra = false;
    if (hold) {
      const hr = hold[r];
      if (!isCellRow(hr)) return undefined;
      const v = hr[0];
      if (typeof v === 'number' && v >= 0 && v - v === 0) {
        holdNumbers++;
        if (!(v > 0 && v < 1)) holdOutside++;
        h = round ? floor(v * per + 0.5) : v * per;
        extra = true;
      } else if (!isBlankCell(v)) return undefined;
    }
    if (acw) {
      const ar = acw[r];
      if (!isCellRow(ar)) return undefined;
      const v = ar[0];
      if (typeof v === 'number' && v >= 0 && v - v === 0) {
        acwNumbers++;
        if (!(v > 0 && v < 1)) acwOutside++;
        w = round ? floor(v * per + 0.5) : v * per;
        extra = true;
      } else if (!isBlankCell(v)) return undefined;
    }
    if (typeof t === 'number' && t >= 0 && t - t === 0) {
      talkNumbers++;
      if (!(t > 0 && t < 1)) talkOutside++;
      // Added in the readers' order: talk, then hold, then after-call work.
      sum += (round ? floor(t * per + 0.5) : t * per) + h + w;
      n++;
    } else if (!isBlankCell(t) || extra) return undefined; // hold or wrap-up without talk: the readers' path says so
  }
  if (guardStops(unit, talkNumbers, talkOutside) || guardStops(unit, holdNumbers, holdOutside) || guardStops(unit, acwNumbers, acwOutside)) return undefined;
  return { sum, n };
}

/** A mode's share as its two counts: calls within (its numerator) and the calls it is taken over (its n). */
function serviceLevelParts(k: CallCounts, mode: ServiceLevelMode): { part: number; all: number } {
  switch (mode) {
    case 'offered': return { part: k.answeredWithin, all: k.calls };
    case 'answered': return { part: k.answeredWithin, all: k.answered };
    case 'abandons_met': return { part: k.answeredWithin + k.abandonedWithin, all: k.calls };
    case 'short_abandons_excluded': return { part: k.answeredWithin, all: k.calls - k.abandonedWithin };
  }
}

/** The share of a call count for a mode; "no data" when its denominator is 0. */
export function serviceLevelOf(ctx: CallContext, k: CallCounts, mode: ServiceLevelMode): number {
  const { part, all } = serviceLevelParts(k, mode);
  if (all === 0) throw noDataError(ctx.fn, mode === 'answered' ? 'no data (no answered calls)' : 'no data (no calls)');
  return part / all;
}

/** SERVICE_LEVEL's arguments read, and its calls counted (in one pass when the cells allow). */
function serviceLevelCounts(ctx: CallContext, args: readonly unknown[], onePass: boolean): { k: CallCounts; mode: ServiceLevelMode } {
  const unit = readInputUnit(ctx, args[4]);
  const mode = readMode(ctx, args[3]);
  const thresholdMs = readDurationArg(ctx, args[2], 'threshold', unit);
  const needs = mode === 'abandons_met' || mode === 'short_abandons_excluded';
  const fast = onePass ? fastCountCalls(args[0], args[1], unit, thresholdMs, needs) : undefined;
  return { k: fast ?? countCalls(ctx, readCalls(ctx, args[0], args[1], unit), thresholdMs, needs), mode };
}

function serviceLevelBy(ctx: CallContext, args: readonly unknown[], onePass: boolean): number {
  const { k, mode } = serviceLevelCounts(ctx, args, onePass);
  return serviceLevelOf(ctx, k, mode);
}

const serviceLevel = (ctx: CallContext, args: readonly unknown[]): number => serviceLevelBy(ctx, args, true);

// ---------------------------------------------------------------- abandon rate

/** ABANDON_RATE's abandoned calls and the calls it is taken over (its n). */
function abandonCounts(ctx: CallContext, args: readonly unknown[]): { abandoned: number; calls: number } {
  const unit = readInputUnit(ctx, args[3]);
  const answered = readFlags(ctx, args[0], 'answered');
  const f = answered.flags;
  if (isOmitted(args[1])) {
    if (!isOmitted(args[2])) throw valueError(ctx.fn, 'short_abandon needs waits: without the waits no call can be told a short abandon');
    let calls = 0, abandoned = 0;
    for (let i = 0; i < f.length; i++) {
      if (f[i] < 0) continue;
      calls++;
      if (f[i] === 0) abandoned++;
    }
    return { abandoned, calls };
  }
  const waits = readDurations(ctx, args[1], 'waits', unit);
  requireSameSize(ctx, answered.grid, 'answered', waits.grid, 'waits');
  const c: Calls = { waits, answered };
  const short = isOmitted(args[2]) ? -1 : readDurationArg(ctx, args[2], 'short_abandon', unit);
  const k = countCalls(ctx, c, short < 0 ? 0 : short, short >= 0);
  return {
    abandoned: k.calls - k.answered - (short < 0 ? 0 : k.abandonedWithin),
    calls: short < 0 ? k.calls : k.calls - k.abandonedWithin,
  };
}

function abandonRate(ctx: CallContext, args: readonly unknown[]): number {
  const { abandoned, calls } = abandonCounts(ctx, args);
  if (calls === 0) throw noDataError(ctx.fn, 'no data (no calls)');
  return abandoned / calls;
}

// ---------------------------------------------------------------- ASA, AHT, occupancy

/** ASA's summed waits (ms) and the answered calls it averages them over (its n). */
function answerWaits(ctx: CallContext, args: readonly unknown[]): { sum: number; n: number; msPerUnit: number } {
  const unit = readInputUnit(ctx, args[2]);
  const msPerUnit = readSecondsUnit(ctx, args[3]);
  const c = readCalls(ctx, args[0], args[1], unit);
  const w = c.waits.ms, f = c.answered.flags;
  let sum = 0, n = 0;
  for (let i = 0; i < f.length; i++) {
    const flag = f[i], ms = w[i];
    if (flag === 1) {
      if (ms !== ms) {
        if (isHeaderRow(c, i)) continue;
        waitMissing(ctx, c, i, 'an answered');
      }
      sum += ms;
      n++;
    } else if (flag < 0 && ms === ms) flagMissing(ctx, c, i);
  }
  return { sum, n, msPerUnit };
}

function asa(ctx: CallContext, args: readonly unknown[]): number {
  const { sum, n, msPerUnit } = answerWaits(ctx, args);
  if (n === 0) throw noDataError(ctx.fn, 'no data (no answered calls)');
  return sum / n / msPerUnit;
}

/** AHT's summed handle times (ms) and the calls with a talk time it averages them over (its n). */
function handleTimes(ctx: CallContext, args: readonly unknown[], onePass: boolean): { sum: number; n: number; msPerUnit: number } {
  const unit = readInputUnit(ctx, args[3]);
  const msPerUnit = readSecondsUnit(ctx, args[4]);
  const fast = onePass ? fastHandleTimes(args[0], isOmitted(args[1]) ? undefined : args[1], isOmitted(args[2]) ? undefined : args[2], unit) : undefined;
  // No talk time in one pass: the readers' path says so (or names a cell the one pass let by).
  if (fast && fast.n > 0) return { ...fast, msPerUnit };
  const talk = readDurations(ctx, args[0], 'talk', unit);
  const extras: { name: string; col: DurationColumn }[] = [];
  for (const [j, name] of [[1, 'hold'], [2, 'after_call_work']] as const) {
    if (isOmitted(args[j])) continue;
    const col = readDurations(ctx, args[j], name, unit);
    requireSameSize(ctx, talk.grid, 'talk', col.grid, name);
    extras.push({ name, col });
  }
  const t = talk.ms;
  let sum = 0, n = 0;
  for (let i = 0; i < t.length; i++) {
    let ms = t[i];
    const has = ms === ms;
    for (let e = 0; e < extras.length; e++) {
      const x = extras[e].col.ms[i];
      if (x !== x) continue;
      if (!has) {
        const at = placeOf(talk.grid, i);
        throw valueError(ctx.fn, `${extras[e].name} holds ${x / 1000} s at ${at.text} where talk is blank; a row with handle time needs its talk time`, [at]);
      }
      ms += x;
    }
    if (has) {
      sum += ms;
      n++;
    }
  }
  return { sum, n, msPerUnit };
}

function ahtBy(ctx: CallContext, args: readonly unknown[], onePass: boolean): number {
  const { sum, n, msPerUnit } = handleTimes(ctx, args, onePass);
  if (n === 0) throw noDataError(ctx.fn, 'no data (no talk times)');
  return sum / n / msPerUnit;
}

const aht = (ctx: CallContext, args: readonly unknown[]): number => ahtBy(ctx, args, true);

/**
 * SERVICE_LEVEL and AHT through the value readers alone, without the one-pass path: what that path
 * must agree with, value for value and error for error (the property tests in test/kpis/calls.test.ts).
 */
export const READERS_ONLY = {
  SERVICE_LEVEL: (ctx: CallContext, args: readonly unknown[]): number => serviceLevelBy(ctx, args, false),
  AHT: (ctx: CallContext, args: readonly unknown[]): number => ahtBy(ctx, args, false),
} as const;

/**
 * The calls each per-call KPI takes its value over, read exactly as the KPI reads its own
 * arguments (the same one-pass path and readers, the same errors): CALL_COUNT, the KPI's n. 0
 * where the KPI says "no data". `onePass` false: through the readers alone (the property tests).
 */
export const CALL_KPI_COUNTS = {
  /** The mode's denominator: all calls ("offered", "abandons_met"), answered ones, or all but short abandons. */
  SERVICE_LEVEL: (ctx: CallContext, args: readonly unknown[], onePass = true): number => {
    const { k, mode } = serviceLevelCounts(ctx, args, onePass);
    return serviceLevelParts(k, mode).all;
  },
  ABANDON_RATE: (ctx: CallContext, args: readonly unknown[]): number => abandonCounts(ctx, args).calls,
  ASA: (ctx: CallContext, args: readonly unknown[]): number => answerWaits(ctx, args).n,
  AHT: (ctx: CallContext, args: readonly unknown[], onePass = true): number => handleTimes(ctx, args, onePass).n,
} as const;
export type CallKpi = keyof typeof CALL_KPI_COUNTS;

function occupancy(ctx: CallContext, args: readonly unknown[]): number {
  const unit = readInputUnit(ctx, args[2]);
  const handle = readDurations(ctx, args[0], 'handle_time', unit);
  const available = readDurations(ctx, args[1], 'available_time', unit);
  let h = 0, a = 0;
  for (let i = 0; i < handle.ms.length; i++) if (handle.ms[i] === handle.ms[i]) h += handle.ms[i];
  for (let i = 0; i < available.ms.length; i++) if (available.ms[i] === available.ms[i]) a += available.ms[i];
  if (available.count === 0 || a === 0) throw noDataError(ctx.fn, 'no data (no available time)');
  if (h > a) {
    throw valueError(ctx.fn, `handle_time adds up to ${(h / 3_600_000).toFixed(2)} h, more than available_time's ${(a / 3_600_000).toFixed(2)} h; occupancy cannot exceed 1 (are the ranges the same agents and period?)`);
  }
  return h / a;
}

// ---------------------------------------------------------------- catalog entries

const WAITS: ArgSpec = {
  name: 'waits', kind: 'range', values: 'durations',
  description: {
    en: 'Each call\'s time in queue until it was answered or abandoned (seconds, 0:00:20, 20 s …)',
    de: 'Die Wartezeit jedes Anrufs bis zur Annahme oder zum Abbruch (Sekunden, 0:00:20, 20 Sek. …)',
  },
};
const ANSWERED: ArgSpec = {
  name: 'answered', kind: 'range', values: 'flags',
  description: {
    en: 'Whether each call was answered: TRUE/FALSE, yes/no, answered/abandoned, angenommen/abgebrochen',
    de: 'Ob jeder Anruf angenommen wurde: WAHR/FALSCH, ja/nein, angenommen/abgebrochen, answered/abandoned',
  },
};
const INPUT_UNIT: ArgSpec = {
  name: 'input_unit', kind: 'text', optional: true, default: '"seconds"',
  description: {
    en: 'Unit of the numbers: "seconds", "minutes", "hours", or "time" for time values (0:02:14 cells in Excel)',
    de: 'Einheit der Zahlen: "Sekunden", "Minuten", "Stunden" oder "Zeit" für Zeitwerte (Zellen wie 0:02:14 in Excel)',
  },
};
const SECONDS_UNIT: ArgSpec = {
  name: 'unit', kind: 'text', optional: true, default: '"seconds"',
  description: { en: 'Unit of the result: "seconds", "minutes" or "hours"', de: 'Einheit des Ergebnisses: "Sekunden", "Minuten" oder "Stunden"' },
};

const CALL_RULES = {
  en: 'A call is a row with an answered flag (flags: TRUE/FALSE, 1/0, yes/no, ja/nein, answered/abandoned, angenommen/abgebrochen; the first non-blank cell may be the column\'s name). An answered call needs its wait; a wait on a row without a flag, or a blank wait where one is needed, is an error naming the row. "Within" means ≤, compared in whole milliseconds: a 20 s wait is within 20 s. Both ranges must have the same size.',
  de: 'Ein Anruf ist eine Zeile mit einem Angenommen-Merkmal (WAHR/FALSCH, 1/0, ja/nein, yes/no, angenommen/abgebrochen, answered/abandoned; die erste nicht leere Zelle darf der Spaltenname sein). Ein angenommener Anruf braucht seine Wartezeit; eine Wartezeit in einer Zeile ohne Merkmal oder eine fehlende Wartezeit, wo sie gebraucht wird, ist ein Fehler mit Angabe der Zeile. „Innerhalb“ heißt ≤, in ganzen Millisekunden verglichen: 20 s Wartezeit liegen innerhalb von 20 s. Beide Bereiche müssen gleich groß sein.',
};

export const callFunctions: readonly FunctionSpec[] = [
  {
    name: 'SERVICE_LEVEL',
    family: 'contact',
    args: [
      WAITS, ANSWERED,
      { name: 'threshold', kind: 'any', description: { en: 'Answer within this time, in input_unit (e.g. 20 seconds)', de: 'Annahme innerhalb dieser Zeit, in input_unit (z. B. 20 Sekunden)' } },
      {
        name: 'mode', kind: 'text', optional: true, default: '"offered"',
        description: {
          en: '"offered", "answered", "abandons_met" or "short_abandons_excluded": how abandoned calls count',
          de: '"angeboten", "angenommen", "abbrueche_erfuellt" oder "kurze_abbrueche_ausgeschlossen": wie Abbrüche zählen',
        },
      },
      INPUT_UNIT,
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Service level: share of calls answered within the threshold (four ways to count abandons)', de: 'Servicelevel: Anteil der innerhalb der Schwelle angenommenen Anrufe (vier Arten, Abbrüche zu zählen)' },
    help: {
      en: `The share (0–1) of calls answered within threshold. mode says how abandoned calls count (ICMI): "offered" (default) answered within ÷ all calls; "answered" answered within ÷ answered calls (abandons ignored, the kindest figure); "abandons_met" (answered within + abandoned within) ÷ all calls (a caller who hangs up quickly did not wait long); "short_abandons_excluded" answered within ÷ (all calls − abandoned within) (short abandons are left out). German mode words: angeboten, angenommen, abbrueche_erfuellt, kurze_abbrueche_ausgeschlossen. ${CALL_RULES.en} ${DURATION_VALUE_RULES.en} No call (no answered call for "answered"): "no data".`,
      de: `Der Anteil (0–1) der innerhalb von threshold angenommenen Anrufe. mode legt fest, wie Abbrüche zählen (ICMI): "angeboten" (Standard) innerhalb angenommen ÷ alle Anrufe; "angenommen" innerhalb angenommen ÷ angenommene Anrufe (Abbrüche bleiben außen vor, die freundlichste Zahl); "abbrueche_erfuellt" (innerhalb angenommen + innerhalb abgebrochen) ÷ alle Anrufe (wer schnell auflegt, hat nicht lange gewartet); "kurze_abbrueche_ausgeschlossen" innerhalb angenommen ÷ (alle Anrufe − innerhalb abgebrochen) (kurze Abbrüche fallen heraus). Englische Wörter: offered, answered, abandons_met, short_abandons_excluded. ${CALL_RULES.de} ${DURATION_VALUE_RULES.de} Kein Anruf (bei "angenommen" kein angenommener): „keine Daten“.`,
    },
    example: '=SERVICE_LEVEL(C2:C1061, D2:D1061, 20) → 0.811',
    source: 'ICMI "Service Level Calculations" (four treatments of abandoned calls); Call Centre Helper',
    impl: serviceLevel,
  },
  {
    name: 'ABANDON_RATE',
    family: 'contact',
    args: [
      ANSWERED,
      { ...WAITS, optional: true },
      { name: 'short_abandon', kind: 'any', optional: true, description: { en: 'Calls abandoned within this time count in neither part (in input_unit, e.g. 5 seconds)', de: 'Innerhalb dieser Zeit abgebrochene Anrufe zählen in keinem Teil (in input_unit, z. B. 5 Sekunden)' } },
      INPUT_UNIT,
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of calls abandoned before an answer', de: 'Anteil der vor der Annahme abgebrochenen Anrufe' },
    help: {
      en: `The share (0–1) of calls not answered: abandoned ÷ all calls. With short_abandon (which needs waits), calls abandoned within it — callers who dialled wrong or hung up at once — count in neither part: (abandoned − short) ÷ (all − short). ${CALL_RULES.en} ${DURATION_VALUE_RULES.en} No call: "no data".`,
      de: `Der Anteil (0–1) der nicht angenommenen Anrufe: abgebrochen ÷ alle Anrufe. Mit short_abandon (braucht waits) zählen innerhalb dieser Zeit abgebrochene Anrufe – Verwählte oder sofort Auflegende – in keinem Teil: (abgebrochen − kurz) ÷ (alle − kurz). ${CALL_RULES.de} ${DURATION_VALUE_RULES.de} Kein Anruf: „keine Daten“.`,
    },
    example: '=ABANDON_RATE(D2:D1061, C2:C1061, 5) → 0.039',
    source: 'ICMI / COPC abandon rate, optionally excluding short abandons',
    impl: abandonRate,
  },
  {
    name: 'ASA',
    family: 'contact',
    args: [WAITS, ANSWERED, INPUT_UNIT, SECONDS_UNIT],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average speed of answer: mean wait of the answered calls', de: 'Durchschnittliche Annahmezeit (ASA): mittlere Wartezeit der angenommenen Anrufe' },
    help: {
      en: `The mean wait of the answered calls, in seconds by default; abandoned calls are not part of it (their waits show in the service level and the abandon rate). ${CALL_RULES.en} ${DURATION_VALUE_RULES.en} No answered call: "no data".`,
      de: `Die mittlere Wartezeit der angenommenen Anrufe, standardmäßig in Sekunden; abgebrochene Anrufe gehören nicht dazu (ihre Wartezeiten zeigen sich im Servicelevel und in der Abbruchquote). ${CALL_RULES.de} ${DURATION_VALUE_RULES.de} Kein angenommener Anruf: „keine Daten“.`,
    },
    example: '=ASA(C2:C1061, D2:D1061) → 14.2',
    source: 'ICMI average speed of answer (answered calls only)',
    impl: asa,
  },
  {
    name: 'AHT',
    family: 'contact',
    args: [
      { name: 'talk', kind: 'range', values: 'durations', description: { en: 'Talk time of each call (blank for calls not handled)', de: 'Gesprächszeit jedes Anrufs (leer bei nicht bearbeiteten Anrufen)' } },
      { name: 'hold', kind: 'range', optional: true, values: 'durations', description: { en: 'Hold time of each call; blank is 0 on a row with a talk time', de: 'Haltezeit jedes Anrufs; leer zählt als 0 in einer Zeile mit Gesprächszeit' } },
      { name: 'after_call_work', kind: 'range', optional: true, values: 'durations', description: { en: 'After-call work (wrap-up) of each call; blank is 0 on a row with a talk time', de: 'Nachbearbeitung jedes Anrufs; leer zählt als 0 in einer Zeile mit Gesprächszeit' } },
      INPUT_UNIT, SECONDS_UNIT,
    ],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average handle time: talk + hold + after-call work per handled call', de: 'Durchschnittliche Bearbeitungszeit (AHT): Gespräch + Halten + Nachbearbeitung je bearbeitetem Anruf' },
    help: {
      en: `The mean over rows with a talk time of talk + hold + after-call work, in seconds by default; a blank hold or after-call work on such a row is 0. A hold or after-call time on a row without talk time is an error naming the row (it would otherwise be lost). The ranges must have the same size. ${DURATION_VALUE_RULES.en} No talk time: "no data".`,
      de: `Der Mittelwert über die Zeilen mit Gesprächszeit von Gespräch + Halten + Nachbearbeitung, standardmäßig in Sekunden; leeres Halten oder leere Nachbearbeitung zählt in einer solchen Zeile als 0. Eine Halte- oder Nachbearbeitungszeit in einer Zeile ohne Gesprächszeit ist ein Fehler mit Angabe der Zeile (sie ginge sonst verloren). Die Bereiche müssen gleich groß sein. ${DURATION_VALUE_RULES.de} Keine Gesprächszeit: „keine Daten“.`,
    },
    example: '=AHT(E2:E1061, F2:F1061, G2:G1061) → 372',
    source: 'ICMI / COPC average handle time (talk + hold + after-call work)',
    impl: aht,
  },
  {
    name: 'OCCUPANCY',
    family: 'contact',
    args: [
      { name: 'handle_time', kind: 'range', values: 'durations', description: { en: 'Handle times (per call, or per agent and interval)', de: 'Bearbeitungszeiten (je Anruf oder je Agent und Intervall)' } },
      { name: 'available_time', kind: 'range', values: 'durations', description: { en: 'Time agents were available (logged in, not on break), per agent and interval', de: 'Zeit, in der Agenten verfügbar waren (angemeldet, nicht in Pause), je Agent und Intervall' } },
      INPUT_UNIT,
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Occupancy: share of available time spent handling contacts', de: 'Auslastung: Anteil der verfügbaren Zeit, der auf Kontakte entfällt' },
    help: {
      en: `sum(handle_time) ÷ sum(available_time): the share of their available time agents spent handling contacts. The ranges may come from different tables (calls and agent states) and need not have the same size; both are in input_unit. A handle time larger than the available time is an error (occupancy cannot exceed 1). ${DURATION_VALUE_RULES.en} No available time: "no data".`,
      de: `Summe(handle_time) ÷ Summe(available_time): der Anteil ihrer verfügbaren Zeit, den Agenten mit Kontakten verbrachten. Die Bereiche dürfen aus verschiedenen Tabellen stammen (Anrufe und Agentenstatus) und müssen nicht gleich groß sein; beide sind in input_unit. Eine Bearbeitungszeit über der verfügbaren Zeit ist ein Fehler (die Auslastung kann 1 nicht übersteigen). ${DURATION_VALUE_RULES.de} Keine verfügbare Zeit: „keine Daten“.`,
    },
    example: '=OCCUPANCY(H2:H1061, Agents!C2:C40) → 0.82',
    source: 'ICMI occupancy (handle time ÷ available time)',
    impl: occupancy,
  },
];
