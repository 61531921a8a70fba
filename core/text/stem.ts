/**
 * Merging inflected forms. Deliberately conservative: a light suffix stripper per language, not a
 * full stemmer, so that what it merges is obviously the same word to a reader. The key it returns is
 * only used to group forms; terms are always shown as their most frequent written form.
 *
 * German: adjective and plural endings `-ern`, `-en`, `-em`, `-er`, `-es`, `-e`, stripped at most
 * twice (`freundlicheren` → `freundlicher` → `freundlich`; `Probleme` → `Problem` → `Probl` and
 * `Problem` → `Probl`), and only while at least three letters with a vowel remain, so short words
 * (`Tee`, `See`, `Team`) stay whole.
 *
 * English: plural `-s`, `-es` after ss/sh/ch/x, `-ies` → `-y` (`agents`, `classes`, `boxes`,
 * `deliveries`); never `-ss`, `-us`, `-is` (`less`, `status`, `analysis`) nor a few words that
 * only look plural (`news`, `series`). `-ly`, `-ed`, `-ing` are left alone.
 */
import type { Lang } from './language.js';

const DE_ENDINGS = ['ern', 'en', 'em', 'er', 'es', 'e'] as const;

function hasVowel(s: string, end: number): boolean {
  for (let i = 0; i < end; i++) {
    switch (s.charCodeAt(i)) {
      case 97: case 101: case 105: case 111: case 117: case 121: // a e i o u y
      case 0xe4: case 0xf6: case 0xfc: case 0xe9: case 0xe8: case 0xe0: case 0xe2: case 0xea: case 0xf4: case 0xee: // ä ö ü é è à â ê ô î
        return true;
    }
  }
  return false;
}

function stripGermanOnce(w: string): string {
  for (const e of DE_ENDINGS) {
    const rest = w.length - e.length;
    if (rest >= 3 && w.endsWith(e) && hasVowel(w, rest)) return w.slice(0, rest);
  }
  return w;
}

/** The group key of a lower-case German word. */
export function stemGerman(w: string): string {
  const once = stripGermanOnce(w);
  return once === w ? w : stripGermanOnce(once);
}

const EN_NOT_PLURAL: ReadonlySet<string> = new Set([
  'news', 'series', 'species', 'means', 'bias', 'chaos', 'alias', 'atlas', 'canvas', 'lens',
]);

/** The group key of a lower-case English word. */
export function stemEnglish(w: string): string {
  const n = w.length;
  if (n <= 3 || w.charCodeAt(n - 1) !== 115 /* s */ || EN_NOT_PLURAL.has(w)) return w;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (n > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('sses') || w.endsWith('shes') || w.endsWith('ches') || w.endsWith('xes')) return w.slice(0, -2);
  return w.slice(0, -1);
}

export function stemFor(lang: Lang, w: string): string {
  return lang === 'de' ? stemGerman(w) : stemEnglish(w);
}
