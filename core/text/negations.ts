/**
 * Negations in English and German. A negation is never a term by itself: it binds to the next
 * content word (`nicht freundlich`, `not helpful`). Forms of one negation share a key, so
 * `keine freundliche` and `kein freundlicher` count together, and English contractions
 * (`isn't`, `don't`, `didn't`, `wasn't`, also typed without the apostrophe) read as `not`.
 */

export interface Negation {
  /** What forms of this negation have in common (`kein` for kein/keine/keinen …). */
  readonly key: string;
  /** How it is shown in a term: as written, except contractions, which show as `not`. */
  readonly surface: string;
}

const NOT: Negation = { key: 'not', surface: 'not' };

const table = new Map<string, Negation>();
for (const w of ['not', 'cannot', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt', 'arent', 'werent', 'cant', 'couldnt', 'wouldnt', 'shouldnt', 'wont', 'havent', 'hasnt', 'hadnt', 'aint']) {
  table.set(w, NOT);
}
for (const w of ['no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'nicht', 'nie', 'niemals', 'nichts', 'niemand', 'weder']) {
  table.set(w, { key: w, surface: w });
}
for (const w of ['kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines', 'keinerlei']) table.set(w, { key: 'kein', surface: w });

/** The negation a (lower-case) word is, if any. */
export function negationOf(word: string): Negation | undefined {
  const n = table.get(word);
  if (n) return n;
  return word.endsWith("n't") ? NOT : undefined;
}

/** English-only and German-only negations (language detection counts them as evidence). */
export const EN_NEGATIONS: ReadonlySet<string> = new Set(['not', 'no', 'never', 'none', 'nothing', 'nobody', 'neither', 'nor', 'cannot', 'dont', 'doesnt', 'didnt', 'isnt', 'wasnt']);
export const DE_NEGATIONS: ReadonlySet<string> = new Set(['nicht', 'nie', 'niemals', 'nichts', 'niemand', 'weder', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines']);
