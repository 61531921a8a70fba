/**
 * Reading text cells: numbers with `.` or `,` decimals, ISO and German dates, spreadsheet error text.
 * Each parser returns a number, `undefined` (not this kind of text) or a problem description
 * (`{ problem }`) that the caller turns into an error naming the cell.
 */
import { serialOfWallClock, MS_PER_DAY } from './clock.js';
import type { WallClock } from './clock.js';

export interface TextProblem {
  readonly problem: string;
}

const ERROR_TEXTS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#ERROR!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BUSY!', '#BLOCKED!', '#CONNECT!', '#UNKNOWN!']);

export function isErrorText(t: string): boolean {
  return t.charCodeAt(0) === 35 /* # */ && ERROR_TEXTS.has(t.toUpperCase());
}

const PLAIN = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;
const GROUPED_DE = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;
const GROUPED_EN = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** Numeric text: `"9"`, `" 4.5 "`, `"4,5"`, `"1.234,5"`. `"1,234"` is ambiguous (thousands or decimal). */
export function parseNumberText(trimmed: string): number | TextProblem | undefined {
  const c = trimmed.charCodeAt(0);
  // Fast reject: numbers start with a digit, sign or separator.
  if (!((c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46 || c === 44)) return undefined;
  if (PLAIN.test(trimmed)) {
    if (AMBIGUOUS.test(trimmed)) {
      return { problem: 'could be read two ways (thousands separator or decimal); write it without a separator or with a decimal part' };
    }
    return Number(trimmed.replace(',', '.'));
  }
  if (GROUPED_DE.test(trimmed) && trimmed.includes(',')) return Number(trimmed.replace(/\./g, '').replace(',', '.'));
  if (GROUPED_EN.test(trimmed) && trimmed.includes('.')) return Number(trimmed.replace(/,/g, ''));
  if (GROUPED_DE.test(trimmed) || GROUPED_EN.test(trimmed)) {
    // Several groups and no decimal part (1.234.567 / 1,234,567): only thousands separators make sense.
    return Number(trimmed.replace(/[.,]/g, ''));
  }
  return undefined;
}

const PERCENT = /^(.*?)\s*%$/;

/**
 * Numeric text as the core reads it in numbers (v3): parseNumberText, and a trailing `%` making a
 * fraction (`"94.01%"` is 0.9401, `"94,01 %"` too). The fraction is parsed as decimal text shifted
 * by two places, so it is the double nearest 0.9401, not 94.01 / 100.
 */
export function parseNumericText(trimmed: string): number | TextProblem | undefined {
  const n = parseNumberText(trimmed);
  if (n !== undefined || trimmed.charCodeAt(trimmed.length - 1) !== 37 /* % */) return n;
  const m = PERCENT.exec(trimmed);
  const p = m ? parseNumberText(m[1]) : undefined;
  if (p === undefined || typeof p !== 'number') return p;
  return shiftedByTwo(m![1], p);
}

/** `p` / 100 for the numeric text `t` that gave `p`, exactly as the text `…e-2` reads. */
function shiftedByTwo(t: string, p: number): number {
  const plain = t.replace(/^\+/, '');
  if (/^-?\d+(?:[.,]\d+)?$/.test(plain)) return Number(plain.replace(',', '.') + 'e-2');
  return p / 100;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const DATE_LIKE = /^\d{1,4}\s*[./-]\s*\d{1,2}\s*[./-]\s*\d{1,4}\b/;

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 24 || mi > 59 || s > 59) return false;
  if (h === 24 && (mi > 0 || s > 0)) return false;
  const dim = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= dim;
}

const DATE_HELP = 'is not a date format this reads; write ISO (2026-03-01 10:30) or German (01.03.2026 10:30) dates, or real date cells';

/**
 * Date text as a wall-clock serial. ISO and German text is wall-clock time; ISO text with `Z` or an
 * offset is an instant and is converted to the clock's zone. Other date-like text is a problem.
 */
export function parseDateText(trimmed: string, clock: WallClock): number | TextProblem | undefined {
  const c = trimmed.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return undefined;
  let m = ISO.exec(trimmed);
  if (m) {
    const y = +m[1], mo = +m[2], d = +m[3];
    const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
    const frac = m[7] ? Number('0.' + m[7]) : 0;
    if (!validParts(y, mo, d, h, mi, s)) return { problem: 'is not a valid date' };
    const wall = serialOfWallClock(y, mo, d, h, mi, s) + frac / 86400;
    if (!m[8]) return wall;
    let offsetMin = 0;
    if (m[8].toUpperCase() !== 'Z') {
      const sign = m[8][0] === '-' ? -1 : 1;
      const digits = m[8].slice(1).replace(':', '');
      offsetMin = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
    }
    const instantMs = (wall - 25569) * MS_PER_DAY - offsetMin * 60_000;
    return clock.serialOfInstant(instantMs);
  }
  m = GERMAN.exec(trimmed);
  if (m) {
    const d = +m[1], mo = +m[2], y = +m[3];
    const h = m[4] ? +m[4] : 0, mi = m[5] ? +m[5] : 0, s = m[6] ? +m[6] : 0;
    if (!validParts(y, mo, d, h, mi, s)) return { problem: 'is not a valid date' };
    return serialOfWallClock(y, mo, d, h, mi, s);
  }
  if (DATE_LIKE.test(trimmed)) return { problem: DATE_HELP };
  return undefined;
}
