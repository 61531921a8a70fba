/**
 * Reading text cells: numbers with `.` or `,` decimals and `%`, spreadsheet error text; date text is
 * in date-text.ts (parseDateText is re-exported here for its older callers). Each parser returns a
 * number, `undefined` (not this kind of text) or a problem description (`{ problem }`) that the
 * caller turns into an error naming the cell.
 */

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

export { parseDateText } from './date-text.js';
