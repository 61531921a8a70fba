/**
 * Sheet names for CSV files: the file name without its extension, made into a name Excel accepts
 * (at most 31 characters, none of `[ ] : * ? / \`, no apostrophe at either end, not "History") and
 * unique among the others (compared case-insensitively, as Excel does): `Tickets`, `Tickets (2)`.
 */
import path from 'node:path';

const MAX = 31;
const FORBIDDEN = /[[\]:*?/\\\u0000-\u001f]/g;

export function sheetNameOfFile(file: string, taken: ReadonlySet<string>): string {
  const base = path.basename(file).replace(/\.[^.]*$/, '');
  let name = base.replace(FORBIDDEN, '_').replace(/^'+|'+$/g, '').trim();
  if (name === '') name = 'Data';
  if (name.toLowerCase() === 'history') name = 'History data';
  name = name.slice(0, MAX).trimEnd();
  const key = (s: string): string => s.toLocaleLowerCase('en');
  if (!taken.has(key(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, MAX - suffix.length).trimEnd() + suffix;
    if (!taken.has(key(candidate))) return candidate;
  }
}
