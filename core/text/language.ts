/**
 * Which language a comment is in, for choosing its stopword list and its inflection rules.
 *
 * `"auto"` decides per range, by evidence: words found only in the English or only in the German
 * stopword list (the, and, is / der, und, ist), the negations, a few very common evaluative words
 * (good, friendly / gut, freundlich) and typical word endings (-ly, -ful, -ness / -lich, -ung,
 * -keit, -heit, -isch). The range's language is the one with more evidence over all its answers
 * (German on a tie). Mixed ranges: an answer with at least two more signs of one language than of
 * the other is read in that language, so a German survey with a few English answers reads each
 * of them with its own list. The two lists are never applied together, because they disagree on
 * words such as `fast` (German "almost", English "quick").
 */
import { DE_NEGATIONS, EN_NEGATIONS } from './negations.js';
import { DE_STOPWORDS } from './stopwords-de.js';
import { EN_STOPWORDS } from './stopwords-en.js';
import { BREAK_ID } from './lexicon.js';
import type { Lexicon } from './lexicon.js';

export type Lang = 'en' | 'de';
export type LanguageMode = 'auto' | Lang;

const EN_CUES = ['good', 'bad', 'great', 'friendly', 'helpful', 'quick', 'slow', 'nice', 'rude', 'polite', 'expensive', 'cheap', 'easy', 'awesome', 'excellent', 'terrible', 'poor', 'staff', 'waiting', 'price'];
const DE_CUES = ['gut', 'schlecht', 'freundlich', 'schnell', 'langsam', 'nett', 'toll', 'teuer', 'günstig', 'kompetent', 'hilfsbereit', 'zufrieden', 'unfreundlich', 'mitarbeiter', 'preis', 'lieferung', 'wartezeit', 'einfach'];

/** +1: English evidence, −1: German evidence. */
const EVIDENCE = new Map<string, number>();
for (const w of EN_STOPWORDS) if (!DE_STOPWORDS.has(w)) EVIDENCE.set(w, 1);
for (const w of DE_STOPWORDS) if (!EN_STOPWORDS.has(w)) EVIDENCE.set(w, -1);
for (const w of EN_NEGATIONS) EVIDENCE.set(w, 1);
for (const w of DE_NEGATIONS) EVIDENCE.set(w, -1);
for (const w of EN_CUES) EVIDENCE.set(w, 1);
for (const w of DE_CUES) EVIDENCE.set(w, -1);

function evidenceOf(w: string): number {
  const e = EVIDENCE.get(w);
  if (e !== undefined) return e;
  if (w.endsWith("n't")) return 1;
  if (w.length < 6) return 0;
  if (w.endsWith('lich') || w.endsWith('ung') || w.endsWith('keit') || w.endsWith('heit') || w.endsWith('isch')) return -1;
  if (w.endsWith('ly') || w.endsWith('ful') || w.endsWith('ness')) return 1;
  return 0;
}

/** How many more signs of one language an answer needs to be read in it against its range. */
const CLEAR_LEAD = 2;

/** Called once per comment with its word ids (`ids[0]` … `ids[n - 1]`) and language. */
export type CommentVisitor = (index: number, ids: readonly number[], n: number, lang: Lang) => void;

/**
 * Reads every comment once, in a language: the forced one, or with `"auto"` its own when it shows
 * a clear lead (two signs or more), else the range's. Comments without a clear lead are read last,
 * once the range's language is known. Word ids live only during their visit.
 */
export function forEachComment(texts: readonly (string | undefined)[], mode: LanguageMode, lexicon: Lexicon, visit: CommentVisitor): void {
  const ids: number[] = [];
  if (mode !== 'auto') {
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i];
      if (t !== undefined) visit(i, ids, lexicon.read(t, ids), mode);
    }
    return;
  }
  const evidence: number[] = []; // per word id, worked out once per call
  const undecided: number[] = [];
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    const t = texts[i];
    if (t === undefined) continue;
    const n = lexicon.read(t, ids);
    while (evidence.length < lexicon.words.length) evidence.push(evidenceOf(lexicon.words[evidence.length]));
    let score = 0;
    for (let k = 0; k < n; k++) if (ids[k] !== BREAK_ID) score += evidence[ids[k]];
    total += score;
    if (score >= CLEAR_LEAD) visit(i, ids, n, 'en');
    else if (score <= -CLEAR_LEAD) visit(i, ids, n, 'de');
    else undecided.push(i);
  }
  const fallback: Lang = total > 0 ? 'en' : 'de';
  for (const i of undecided) visit(i, ids, lexicon.read(texts[i] as string, ids), fallback);
}
