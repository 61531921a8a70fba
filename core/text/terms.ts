/**
 * From words to terms. A term is a content word (stopwords removed), or a negation bound to the
 * next content word (`nicht freundlich`, `not helpful`). Inflected forms of a word share a term
 * (see stem.ts); a term is shown as its most frequent written form. One TermBook lives for one
 * function call, over that call's Lexicon: it classifies each distinct word once, so a large range
 * costs an array lookup per word and allocates only for new words and new negated phrases.
 */
import type { Lang } from './language.js';
import { negationOf } from './negations.js';
import type { Negation } from './negations.js';
import { stemFor } from './stem.js';
import { DE_INTENSIFIERS, DE_STOPWORDS } from './stopwords-de.js';
import { EN_INTENSIFIERS, EN_STOPWORDS } from './stopwords-en.js';
import { BREAK_ID } from './lexicon.js';
import type { Lexicon } from './lexicon.js';
import { BREAK_WORD, wordsOf } from './tokenize.js';

/** In a scanned term sequence: a clause break between two terms. */
export const BREAK = -1;

// Word classes in the per-language cache; values ≥ 0 are surface slots.
const UNSEEN = -4;
const STOP = -1;
const SKIP = -2; // a stopword a negation may reach across (so, very, sehr, the …)
const NEG = -3;

interface LangTables {
  readonly stop: ReadonlySet<string>;
  readonly skip: ReadonlySet<string>;
  /** Per word id: class or surface slot. */
  readonly codes: number[];
  /** Negation word id × 2^26 + word id → surface slot of the negated phrase. */
  readonly phrases: Map<number, number>;
  /** Keys of the extra stopwords in this language's inflection rules. */
  readonly extraKeys: ReadonlySet<string>;
}

export interface TermCount {
  readonly term: string;
  readonly mentions: number;
}

/** Code-point order (plain `<` compares UTF-16 units, which differs beyond U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs === ys) return x - y;
    return xs ? 1 : -1; // a surrogate (≥ U+10000) sorts after any BMP unit
  }
  return a.length - b.length;
}

export class TermBook {
  // Terms: one per language and key.
  private readonly ids = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly mentions: number[] = [];
  private readonly lastMention: number[] = [];
  // Surface slots: one per written form of a term.
  private readonly slotTerm: number[] = [];
  private readonly slotText: string[] = [];
  private readonly slotCount: number[] = [];

  private readonly extraWords: ReadonlySet<string>;
  private readonly tables: Readonly<Record<Lang, LangTables>>;

  /** `extraStopwords`: texts whose words are removed too (case-insensitive, any inflection). */
  constructor(
    private readonly lexicon: Lexicon,
    extraStopwords: readonly string[] = [],
  ) {
    const extra = new Set<string>();
    for (const t of extraStopwords) for (const w of wordsOf(t)) if (w !== BREAK_WORD) extra.add(w);
    this.extraWords = extra;
    const table = (lang: Lang, stop: ReadonlySet<string>, skip: ReadonlySet<string>): LangTables => ({
      stop,
      skip,
      codes: [],
      phrases: new Map(),
      extraKeys: new Set([...extra].map((w) => stemFor(lang, w))),
    });
    this.tables = { en: table('en', EN_STOPWORDS, EN_INTENSIFIERS), de: table('de', DE_STOPWORDS, DE_INTENSIFIERS) };
  }

  /**
   * The terms of one comment's word ids `ids[0]` … `ids[nIds - 1]`, in order, into `out` (term
   * ids, BREAK between clauses); returns how many were written. Counts each written form for
   * `tally()`.
   */
  scan(ids: readonly number[], nIds: number, lang: Lang, out: number[]): number {
    const t = this.tables[lang];
    const codes = t.codes;
    const words = this.lexicon.words;
    while (codes.length < words.length) codes.push(UNSEEN);
    let n = 0;
    let negation: Negation | undefined;
    let negationId = 0;
    for (let k = 0; k < nIds; k++) {
      const id = ids[k];
      if (id === BREAK_ID) {
        negation = undefined;
        if (n > 0 && out[n - 1] !== BREAK) out[n++] = BREAK;
        continue;
      }
      let code = codes[id];
      if (code === UNSEEN) {
        code = this.classify(words[id], lang, t);
        codes[id] = code;
      }
      if (code === NEG) {
        negation = negationOf(words[id]);
        negationId = id;
        continue;
      }
      if (code === SKIP) continue;
      if (code === STOP) {
        negation = undefined; // `nicht nur freundlich`: the negation does not reach past `nur`
        continue;
      }
      let slot = code;
      if (negation !== undefined) {
        slot = this.phraseSlot(lang, t, negation, negationId, id, code);
        negation = undefined;
      }
      this.slotCount[slot]++;
      out[n++] = this.slotTerm[slot];
    }
    if (n > 0 && out[n - 1] === BREAK) n--;
    return n;
  }

  /** The terms of a short text (an attribute), without breaks. */
  termsOf(text: string, lang: Lang): number[] {
    const ids: number[] = [];
    const buf: number[] = [];
    const n = this.scan(ids, this.lexicon.read(text, ids), lang, buf);
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (buf[i] !== BREAK) out.push(buf[i]);
    return out;
  }

  /** Counts a mention of `term` by response `response`, once per response. */
  mention(term: number, response: number): void {
    if (this.lastMention[term] !== response) {
      this.lastMention[term] = response;
      this.mentions[term]++;
    }
  }

  /**
   * Every mentioned term with its number of mentioning responses, shown as its most frequent
   * written form (ties: the first in code-point order). Terms of the two languages that show the
   * same (`service` in English and in German answers) are one row: each response is in one
   * language, so their counts add up without counting a response twice.
   */
  tally(): TermCount[] {
    const best = new Array<number>(this.keys.length).fill(-1);
    for (let s = 0; s < this.slotTerm.length; s++) {
      const term = this.slotTerm[s];
      const b = best[term];
      if (this.slotCount[s] === 0) continue;
      if (b < 0 || this.slotCount[s] > this.slotCount[b] || (this.slotCount[s] === this.slotCount[b] && compareCodePoints(this.slotText[s], this.slotText[b]) < 0)) {
        best[term] = s;
      }
    }
    const rows = new Map<string, number>();
    for (let term = 0; term < this.keys.length; term++) {
      if (this.mentions[term] === 0 || best[term] < 0) continue;
      const shown = this.slotText[best[term]];
      rows.set(shown, (rows.get(shown) ?? 0) + this.mentions[term]);
    }
    const out: TermCount[] = [];
    for (const [term, mentions] of rows) out.push({ term, mentions });
    out.sort((a, b) => b.mentions - a.mentions || compareCodePoints(a.term, b.term));
    return out;
  }

  private classify(w: string, lang: Lang, t: LangTables): number {
    if (this.extraWords.has(w)) return STOP;
    if (negationOf(w)) return NEG;
    if (t.skip.has(w)) return SKIP;
    if (t.stop.has(w) || w.length < 2) return STOP;
    const key = stemFor(lang, w);
    if (t.extraKeys.has(key)) return STOP;
    return this.newSlot(this.termId(lang, key), w);
  }

  private phraseSlot(lang: Lang, t: LangTables, negation: Negation, negationId: number, wordId: number, wordSlot: number): number {
    const pair = negationId * 67_108_864 + wordId;
    let slot = t.phrases.get(pair);
    if (slot === undefined) {
      const surface = negation.surface + ' ' + this.lexicon.words[wordId];
      slot = this.newSlot(this.termId(lang, negation.key + ' ' + this.keys[this.slotTerm[wordSlot]]), surface);
      t.phrases.set(pair, slot);
    }
    return slot;
  }

  private termId(lang: Lang, key: string): number {
    const k = lang === 'de' ? 'de:' + key : 'en:' + key;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = this.keys.length;
      this.ids.set(k, id);
      this.keys.push(key);
      this.mentions.push(0);
      this.lastMention.push(-1);
    }
    return id;
  }

  private newSlot(term: number, text: string): number {
    this.slotTerm.push(term);
    this.slotText.push(text);
    this.slotCount.push(0);
    return this.slotTerm.length - 1;
  }
}
