/**
 * Brand and open text (source article: "Markenattribute" — which words customers use for the
 * brand, and whether they match the attributes the brand wants to stand for). Terms are counted by
 * document frequency: the number of responses that mention them, not raw word counts (Manning,
 * Raghavan & Schütze, Introduction to Information Retrieval, 2008, ch. 6.2).
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import { readComments, readList } from '../text/comments.js';
import { forEachComment } from '../text/language.js';
import { Lexicon } from '../text/lexicon.js';
import { BREAK, TermBook } from '../text/terms.js';
import type { CallContext, Table } from '../values/context.js';
import { describeValue, unwrapScalar } from '../values/grid.js';
import { readNumberArg, readWordArg } from '../values/read.js';
import { LANGUAGE_WORDS } from '../values/words.js';

function readTopN(ctx: CallContext, x: unknown): number {
  const n = readNumberArg(ctx, x, 'top_n', 10);
  if (!Number.isInteger(n) || n < 1) throw valueError(ctx.fn, `top_n ${describeValue(unwrapScalar(x))} is not a whole number of at least 1`);
  return n;
}

function brandAttributes(ctx: CallContext, args: readonly unknown[]): Table {
  const { texts, count } = readComments(ctx, args[0], 'texts');
  const topN = readTopN(ctx, args[1]);
  const mode = readWordArg(ctx, args[2], 'language', LANGUAGE_WORDS, 'auto');
  const lexicon = new Lexicon();
  const book = new TermBook(lexicon, readList(ctx, args[3], 'extra_stopwords'));
  if (count === 0) throw noDataError(ctx.fn);

  const terms: number[] = [];
  forEachComment(texts, mode, lexicon, (i, ids, nIds, lang) => {
    const n = book.scan(ids, nIds, lang, terms);
    for (let k = 0; k < n; k++) if (terms[k] !== BREAK) book.mention(terms[k], i);
  });
  const table: Table = [['Term', 'Mentions', 'Share']];
  const tally = book.tally();
  for (let r = 0; r < tally.length && r < topN; r++) table.push([tally[r].term, tally[r].mentions, tally[r].mentions / count]);
  return table;
}

interface Attribute {
  readonly label: string;
  /** The attribute's terms as read in English and in German. */
  readonly terms: readonly (readonly number[])[];
}

function brandMatch(ctx: CallContext, args: readonly unknown[]): Table {
  const { texts, count } = readComments(ctx, args[0], 'texts');
  const labels = readList(ctx, args[1], 'attributes');
  if (labels.length === 0) throw valueError(ctx.fn, 'attributes is required: a range or comma-separated text such as "freundlich, schnelle Hilfe"');

  const lexicon = new Lexicon();
  const book = new TermBook(lexicon);
  const attributes: Attribute[] = [];
  const seen = new Set<string>();
  for (const label of labels) {
    const terms = [book.termsOf(label, 'en'), book.termsOf(label, 'de')];
    if (terms[0].length === 0 && terms[1].length === 0) {
      throw valueError(ctx.fn, `attribute ${describeValue(label)} has no word to look for (stopwords, numbers, e-mail addresses and URLs are never terms)`);
    }
    const same = label.toLowerCase();
    if (seen.has(same)) continue; // listed twice: one row, named as first written
    seen.add(same);
    attributes.push({ label, terms });
  }
  if (count === 0) throw noDataError(ctx.fn);

  // Per language: first term of an attribute → the attributes starting with it.
  const starts = [new Map<number, number[]>(), new Map<number, number[]>()];
  attributes.forEach((a, ai) => {
    for (let l = 0; l < 2; l++) {
      const seq = a.terms[l];
      if (seq.length === 0) continue;
      const list = starts[l].get(seq[0]);
      if (list) list.push(ai);
      else starts[l].set(seq[0], [ai]);
    }
  });

  const mentions = new Array<number>(attributes.length).fill(0);
  const last = new Array<number>(attributes.length).fill(-1);
  const terms: number[] = [];
  forEachComment(texts, 'auto', lexicon, (i, ids, nIds, lang) => {
    const l = lang === 'en' ? 0 : 1;
    const n = book.scan(ids, nIds, lang, terms);
    for (let p = 0; p < n; p++) {
      const list = starts[l].get(terms[p]);
      if (list === undefined) continue;
      for (const ai of list) {
        if (last[ai] === i) continue;
        const seq = attributes[ai].terms[l];
        if (p + seq.length > n) continue;
        let j = 1;
        while (j < seq.length && terms[p + j] === seq[j]) j++;
        if (j === seq.length) {
          last[ai] = i;
          mentions[ai]++;
        }
      }
    }
  });
  const table: Table = [['Attribute', 'Mentions', 'Share']];
  attributes.forEach((a, ai) => table.push([a.label, mentions[ai], mentions[ai] / count]));
  return table;
}

const TEXTS_ARG = {
  name: 'texts',
  kind: 'range',
  description: {
    en: 'Open-text answers (comments), one per cell; numbers and blanks are skipped',
    de: 'Freitext-Antworten (Kommentare), eine je Zelle; Zahlen und leere Zellen werden übersprungen',
  },
} as const;

const COMMON_HELP = {
  en:
    'Words are read case-insensitively in English or German. Stopwords (articles, pronouns, prepositions, conjunctions, auxiliaries, fillers) are removed, but adjectives and negations never are: a negation binds to the next content word, skipping intensifiers and articles, so "nicht so gut" counts as "nicht gut" and "isn\'t very helpful" as "not helpful"; a punctuation mark in between ends it. ' +
    'Inflected forms count together (freundlich, freundliche, freundlichen; agent, agents). E-mail addresses, URLs, @handles and anything with a digit in it (24h, 10%, dates) are never terms. ' +
    'Language "auto" decides per range by counting signs of each language (stopwords, negations, common words, word endings); in a mixed range an answer with a clear lead (two signs more) is read in its own language. ' +
    'Only text cells are answers: numbers and blanks are skipped, a one-word column title such as "Comment" or "Kommentar" in the first cell is skipped, and an error cell is an error naming its position. No answers at all: no data.',
  de:
    'Wörter werden ohne Rücksicht auf Groß- und Kleinschreibung gelesen, auf Deutsch oder Englisch. Füllwörter (Artikel, Pronomen, Präpositionen, Konjunktionen, Hilfsverben) werden entfernt, Adjektive und Verneinungen aber nie: Eine Verneinung gehört zum nächsten Inhaltswort, Verstärker und Artikel dazwischen werden übersprungen – „nicht so gut“ zählt als „nicht gut“, „isn\'t very helpful“ als „not helpful“; ein Satzzeichen dazwischen beendet sie. ' +
    'Gebeugte Formen zählen zusammen (freundlich, freundliche, freundlichen; agent, agents). E-Mail-Adressen, URLs, @-Namen und alles mit einer Ziffer (24h, 10 %, Datumsangaben) sind nie Begriffe. ' +
    'Sprache „auto“ entscheidet je Bereich nach den Hinweisen auf jede Sprache (Füllwörter, Verneinungen, häufige Wörter, Wortendungen); in einem gemischten Bereich wird eine Antwort mit deutlichem Vorsprung (zwei Hinweise mehr) in ihrer eigenen Sprache gelesen. ' +
    'Nur Textzellen sind Antworten: Zahlen und leere Zellen werden übersprungen, eine Spaltenüberschrift wie „Kommentar“ oder „Comment“ in der ersten Zelle ebenfalls, und eine Fehlerzelle ist ein Fehler mit Angabe ihrer Position. Gar keine Antworten: keine Daten.',
};

export const textFunctions: readonly FunctionSpec[] = [
  {
    name: 'BRAND_ATTRIBUTES',
    family: 'text',
    args: [
      TEXTS_ARG,
      {
        name: 'top_n',
        kind: 'number',
        optional: true,
        default: '10',
        description: { en: 'How many terms to list (a whole number, at least 1)', de: 'Wie viele Begriffe aufgeführt werden (ganze Zahl, mindestens 1)' },
      },
      {
        name: 'language',
        kind: 'text',
        optional: true,
        default: '"auto"',
        description: { en: '"auto" (decided per range), "en" or "de"', de: '„auto“ (je Bereich erkannt), „de“ oder „en“' },
      },
      {
        name: 'extra_stopwords',
        kind: 'any',
        optional: true,
        description: {
          en: 'More words to leave out, e.g. the brand\'s own name: a range or comma-separated text',
          de: 'Weitere Wörter, die nicht zählen, z. B. der eigene Markenname: Bereich oder Text mit Kommas',
        },
      },
    ],
    result: 'table',
    unit: 'table',
    summary: {
      en: 'The words customers use most, by number of answers that mention them',
      de: 'Die Wörter, die Kunden am häufigsten verwenden, nach Zahl der Antworten, die sie nennen',
    },
    help: {
      en:
        'Table Term, Mentions, Share: the terms of the answers, counted once per answer that mentions them (not raw word counts); Share = mentions ÷ number of non-blank answers. Most mentioned first, ties in code-point order; each term is shown as its most frequent form, in lower case. top_n defaults to 10, language to "auto"; extra_stopwords are removed case-insensitively with their inflected forms. ' +
        COMMON_HELP.en,
      de:
        'Tabelle Term, Mentions, Share: die Begriffe der Antworten, einmal je Antwort gezählt, die sie nennt (nicht die reine Wortzahl); Share = Nennungen ÷ Zahl der nicht leeren Antworten. Häufigste zuerst, bei Gleichstand nach Unicode-Reihenfolge; jeder Begriff erscheint in seiner häufigsten Form, kleingeschrieben. top_n ist ohne Angabe 10, language „auto“; extra_stopwords werden ohne Rücksicht auf Groß- und Kleinschreibung samt gebeugter Formen entfernt. ' +
        COMMON_HELP.de,
    },
    example: '=BRAND_ATTRIBUTES(C2:C201, 5, "de", "Acme") → Term | Mentions | Share; freundlich | 64 | 0.32; nicht erreichbar | 31 | 0.155 …',
    source: 'Document frequency of terms in open-ended answers (Manning, Raghavan & Schütze, Introduction to Information Retrieval, 2008, ch. 6.2)',
    impl: brandAttributes,
  },
  {
    name: 'BRAND_MATCH',
    family: 'text',
    args: [
      TEXTS_ARG,
      {
        name: 'attributes',
        kind: 'any',
        description: {
          en: 'The attributes the brand wants to stand for: a range or comma-separated text ("friendly, quick help")',
          de: 'Die Eigenschaften, für die die Marke stehen soll: Bereich oder Text mit Kommas („freundlich, schnelle Hilfe“)',
        },
      },
    ],
    result: 'table',
    unit: 'table',
    summary: {
      en: 'How many answers mention each expected brand attribute',
      de: 'Wie viele Antworten jede gewünschte Markeneigenschaft nennen',
    },
    help: {
      en:
        'Table Attribute, Mentions, Share: per attribute, in the order given, the number of answers that mention it and its share of non-blank answers. Attributes are read like the answers: case-insensitive, any inflected form (freundlich matches "freundlichen"), and a negated mention does not count ("nicht freundlich", "not friendly" are not mentions of freundlich/friendly); an attribute written with its negation ("nicht freundlich") counts exactly those. ' +
        'A multi-word attribute matches its terms in a row, with only stopwords and no punctuation between them: "Hilfe am Telefon" matches "Hilfe per Telefon", and "schnelle Hilfe" matches "sehr schnelle Hilfe" but neither "schnelle und kompetente Hilfe" nor "die Hilfe war schnell". An attribute listed twice (in any case) is shown once. ' +
        COMMON_HELP.en,
      de:
        'Tabelle Attribute, Mentions, Share: je Eigenschaft in der angegebenen Reihenfolge die Zahl der Antworten, die sie nennen, und ihr Anteil an den nicht leeren Antworten. Eigenschaften werden wie die Antworten gelesen: ohne Rücksicht auf Groß- und Kleinschreibung, in jeder gebeugten Form („freundlich“ findet „freundlichen“), und eine verneinte Nennung zählt nicht („nicht freundlich“, „not friendly“ nennen freundlich/friendly nicht); eine Eigenschaft mit Verneinung („nicht freundlich“) zählt genau diese. ' +
        'Eine Eigenschaft aus mehreren Wörtern passt, wenn ihre Begriffe direkt aufeinander folgen, dazwischen nur Füllwörter und kein Satzzeichen: „Hilfe am Telefon“ findet „Hilfe per Telefon“, „schnelle Hilfe“ findet „sehr schnelle Hilfe“, aber weder „schnelle und kompetente Hilfe“ noch „die Hilfe war schnell“. Eine doppelt genannte Eigenschaft (auch in anderer Groß- und Kleinschreibung) erscheint einmal. ' +
        COMMON_HELP.de,
    },
    example: '=BRAND_MATCH(C2:C201, "freundlich, schnelle Hilfe, kompetent") → Attribute | Mentions | Share; freundlich | 64 | 0.32 …',
    source: 'Brand attribute association: share of open answers naming each intended attribute (Keller, Strategic Brand Management, brand associations)',
    impl: brandMatch,
  },
];
