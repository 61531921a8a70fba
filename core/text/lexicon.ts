/**
 * The distinct words of one function call, numbered once. Comments are read into word ids, so
 * the per-word work after tokenizing (language evidence, stopword and stem lookups) is an array
 * index instead of a string-keyed lookup.
 */
import { BREAK_WORD, readWords } from './tokenize.js';

/** A clause break in a list of word ids. */
export const BREAK_ID = -1;

export class Lexicon {
  /** Word text by id. */
  readonly words: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly scratch: string[] = [];

  /** Reads `text` into word ids `out[0]` … `out[n - 1]` (BREAK_ID at clause breaks); returns `n`. */
  read(text: string, out: number[]): number {
    const words = this.scratch;
    const n = readWords(text, words);
    for (let k = 0; k < n; k++) {
      const w = words[k];
      if (w === BREAK_WORD) {
        out[k] = BREAK_ID;
        continue;
      }
      let id = this.ids.get(w);
      if (id === undefined) {
        id = this.words.length;
        this.words.push(w);
        this.ids.set(w, id);
      }
      out[k] = id;
    }
    return n;
  }
}
