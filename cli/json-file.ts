/** Reading a small JSON file given on the command line, with one-line errors that name it. */
import { readFile } from 'node:fs/promises';
import type * as z from 'zod';
import { printable, quote, shorten } from '../core/safe-text.js';
import { describeFsError, inputError, oneLine } from './errors.js';

export async function readJsonFile(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw inputError(describeFsError(e, file));
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    // The parser's message quotes the file's text: escaped and cut like any text from a file.
    throw inputError(`${file} is not valid JSON: ${printable(shorten(oneLine(e instanceof Error ? e.message : String(e)), 120))}`);
  }
}

/** `nps.target`, `roles[2].column`. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out === '' ? String(p) : `.${String(p)}`;
  }
  return out;
}

/** The first zod issue as `file: "path": message` (and how many more there are). */
export function issueText(file: string, issues: readonly z.core.$ZodIssue[]): string {
  const first = issues[0];
  const where = first.path.length > 0 ? `${quote(pathText(first.path))}: ` : '';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  // zod names unknown keys in its own message: name the first, quoted like any text from a file.
  const message = first.code === 'unrecognized_keys' ? `unknown field ${quote(first.keys[0] ?? '')}` : printable(shorten(first.message, 200));
  return `${file}: ${where}${message}${more}`;
}

/** The closest of `names` to `word` (for "did you mean"), when it is close enough. */
export function closest(word: string, names: readonly string[]): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const n of names) {
    const d = distance(w, n.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = n;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}
