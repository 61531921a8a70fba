/**
 * Sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, no apostrophe at
 * either end, not "History", unique among the others (compared case-insensitively, as Excel does).
 * CSV files get the file name without its extension (`Tickets`, `Tickets (2)`); a workbook's sheet
 * whose name Excel would not accept (written by another tool) is renamed the same way, with a note,
 * before the scorecard refers to it.
 */
import path from 'node:path';

export const MAX_SHEET_NAME = 31;
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f]/g;

const key = (s: string): string => s.toLocaleLowerCase('en');

/** Whether Excel accepts `name` as it is (uniqueness aside). */
export function isValidSheetName(name: string): boolean {
  FORBIDDEN.lastIndex = 0;
  return name.length > 0 && name.length <= MAX_SHEET_NAME && !FORBIDDEN.test(name) && !/^'|'$/.test(name) && key(name) !== 'history' && name.trim() === name;
}

/** A name Excel accepts made from `wanted`, unique among `taken` (lower-case keys). */
export function acceptableSheetName(wanted: string, taken: ReadonlySet<string>): string {
  let name = wanted.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim();
  if (name === '') name = 'Data';
  if (key(name) === 'history') name = 'History data';
  name = cut(name, MAX_SHEET_NAME).trimEnd();
  if (!taken.has(key(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = cut(name, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    if (!taken.has(key(candidate))) return candidate;
  }
}

/** The first `n` UTF-16 units of `s`, without splitting a surrogate pair. */
function cut(s: string, n: number): string {
  if (s.length <= n) return s;
  const last = s.charCodeAt(n - 1);
  return s.slice(0, last >= 0xd800 && last <= 0xdbff ? n - 1 : n);
}

export function sheetNameOfFile(file: string, taken: ReadonlySet<string>): string {
  return acceptableSheetName(path.basename(file).replace(/\.[^.]*$/, ''), taken);
}

/**
 * Names Excel accepts for a workbook's sheets, in order: acceptable, unique names stay as they are;
 * the others are shortened or cleaned (and numbered where that makes two alike).
 */
export function fitSheetNames(names: readonly string[]): { names: string[]; renamed: { from: string; to: string }[] } {
  const taken = new Set<string>();
  const keep = names.map((n) => {
    const ok = isValidSheetName(n) && !taken.has(key(n));
    if (ok) taken.add(key(n));
    return ok;
  });
  const renamed: { from: string; to: string }[] = [];
  const out = names.map((n, i) => {
    if (keep[i]) return n;
    const to = acceptableSheetName(n, taken);
    taken.add(key(to));
    renamed.push({ from: n, to });
    return to;
  });
  return { names: out, renamed };
}
