import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KpiError } from '../../core/errors.js';
import { stemEnglish, stemGerman } from '../../core/text/stem.js';
import { DE_INTENSIFIERS, DE_STOPWORDS } from '../../core/text/stopwords-de.js';
import { EN_INTENSIFIERS, EN_STOPWORDS } from '../../core/text/stopwords-en.js';
import { wordsOf } from '../../core/text/tokenize.js';
import { negationOf } from '../../core/text/negations.js';
import { call, col, errorOf } from '../helpers/call.js';

type Row = [string, number, number];

/** The rows of a result table below its header. */
function rows(name: string, ...args: unknown[]): Row[] {
  const t = call(name, ...args) as Row[];
  return t.slice(1);
}

function terms(...args: unknown[]): string[] {
  return rows('BRAND_ATTRIBUTES', ...args).map((r) => r[0]);
}

describe('BRAND_ATTRIBUTES on German comments', () => {
  // Terms per answer, worked out by hand (stopwords struck, negations bound, forms merged):
  // 1 freundlich, mitarbeiter, wartezeit, lang
  // 2 freundlich, kompetent
  // 3 beratung, nicht gut (nicht so gut), mitarbeiterin, freundlich
  // 4 freundlich (freundlicher, freundliche), service, leute, schnelle, lieferung
  // 5 nicht freundlich, lange, wartezeit        (the negated mention is not "freundlich")
  const answers = col(
    'Sehr freundliche Mitarbeiter, aber die Wartezeit war lang.',
    'Freundlich und kompetent!',
    'Die Beratung war nicht so gut, die Mitarbeiterin aber freundlich.',
    'Freundlicher Service, freundliche Leute, schnelle Lieferung',
    'Nicht freundlich. Lange Wartezeit.',
  );

  it('lists the terms by number of answers that mention them, with their share of the five answers', () => {
    // freundlich in answers 1–4 = 4 of 5; lang/lange and wartezeit in 1 and 5 = 2 each (tie: code
    // point order); then the terms of one answer each in code-point order, cut at top_n = 10.
    expect(call('BRAND_ATTRIBUTES', answers)).toEqual([
      ['Term', 'Mentions', 'Share'],
      ['freundlich', 4, 0.8],
      ['lang', 2, 0.4],
      ['wartezeit', 2, 0.4],
      ['beratung', 1, 0.2],
      ['kompetent', 1, 0.2],
      ['leute', 1, 0.2],
      ['lieferung', 1, 0.2],
      ['mitarbeiter', 1, 0.2],
      ['mitarbeiterin', 1, 0.2],
      ['nicht freundlich', 1, 0.2],
    ]);
  });

  it('gives the same table when German is forced', () => {
    expect(call('BRAND_ATTRIBUTES', answers, 10, 'de')).toEqual(call('BRAND_ATTRIBUTES', answers));
    expect(call('BRAND_ATTRIBUTES', answers, 10, 'Deutsch')).toEqual(call('BRAND_ATTRIBUTES', answers));
  });

  it('binds "nicht so gut" as "nicht gut" and keeps the rest of the list below top_n', () => {
    expect(terms(answers, 20)).toEqual([
      'freundlich', 'lang', 'wartezeit', 'beratung', 'kompetent', 'leute', 'lieferung', 'mitarbeiter', 'mitarbeiterin',
      'nicht freundlich', 'nicht gut', 'schnelle', 'service',
    ]);
  });

  it('merges inflected forms and shows the most frequent one', () => {
    // freundliche ×2, freundlicher ×1, freundlich ×1 → one term in 4 answers, shown as "freundliche".
    expect(rows('BRAND_ATTRIBUTES', col('freundliche Leute', 'sehr freundliche Beratung', 'freundlicher Service', 'Freundlich!'), 1)).toEqual([
      ['freundliche', 4, 1],
    ]);
    // Negated forms merge too: "keine gute" ×2 and "kein guter" ×1 are one term.
    expect(rows('BRAND_ATTRIBUTES', col('keine gute Beratung', 'Keine gute Idee', 'kein guter Service'), 1)).toEqual([['keine gute', 3, 1]]);
  });

  it('counts an answer once however often it repeats a word', () => {
    // "gut" three times in answer 1 and once in answer 2: 2 mentions, not 4.
    expect(rows('BRAND_ATTRIBUTES', col('gut, gut, wirklich gut', 'Gut'))).toEqual([['gut', 2, 1]]);
  });
});

describe('BRAND_ATTRIBUTES on English comments', () => {
  // 1 staff, not helpful      ("isn't very helpful")
  // 2 friendly, staff, agent  (friendly twice, counted once)
  // 3 helpful, friendly, agent, not slow   ("Not at all slow")
  // 4 slow, replies, not friendly
  const answers = col("The staff isn't very helpful.", 'Friendly staff, friendly agents!', 'Helpful and friendly agent. Not at all slow', 'Slow replies, not friendly');

  it('lists terms by answers mentioning them, ties in code-point order', () => {
    // agent (2, 3; "agents" and "agent" once each: tie → "agent"), friendly (2, 3), staff (1, 2): 2 of 4.
    expect(call('BRAND_ATTRIBUTES', answers)).toEqual([
      ['Term', 'Mentions', 'Share'],
      ['agent', 2, 0.5],
      ['friendly', 2, 0.5],
      ['staff', 2, 0.5],
      ['helpful', 1, 0.25],
      ['not friendly', 1, 0.25],
      ['not helpful', 1, 0.25],
      ['not slow', 1, 0.25],
      ['replies', 1, 0.25],
      ['slow', 1, 0.25],
    ]);
  });

  it('reads contractions as negations of the next content word', () => {
    // One mention each, so code-point order: agent, not easy, not fix, not help, not like, support, waiting.
    expect(terms(col("The agent didn't help", "It wasn't easy", "I don't like waiting", "Support can't fix it"), 10, 'en')).toEqual([
      'agent', 'not easy', 'not fix', 'not help', 'not like', 'support', 'waiting',
    ]);
  });

  it('lets no negation reach across punctuation or a plain stopword', () => {
    // "Not. Friendly" and "not only friendly": both are plain mentions of friendly.
    expect(rows('BRAND_ATTRIBUTES', col('Not. Friendly', 'not only friendly but quick'))).toEqual([
      ['friendly', 2, 1],
      ['quick', 1, 0.5],
    ]);
    expect(rows('BRAND_ATTRIBUTES', col('Nicht nur freundlich, sondern auch schnell'))).toEqual([
      ['freundlich', 1, 1],
      ['schnell', 1, 1],
    ]);
  });
});

describe('what is never a term', () => {
  it('drops e-mail addresses, URLs, @handles and anything with a digit', () => {
    // Only the plain words survive: contact, see, waited, called, mail, bestellnummer (1 each).
    const answers = col(
      'Contact max.mustermann@example.com or @acme_support',
      'See https://shop.example.com/p?id=5 and www.example.de',
      'Waited 24h, 3x called, 10% off, on 01.03.2026 at 10:30',
      'Mail an info@firma.de, Bestellnummer A123',
    );
    expect(terms(answers)).toEqual(['bestellnummer', 'called', 'contact', 'mail', 'see', 'waited']);
  });

  it('never lets a digit, an @ or a URL into a term, whatever the text', () => {
    const piece = fc.constantFrom('gut', 'nicht', 'so', 'freundlich', 'Service', 'max@firma.de', '@acme', 'https://x.de/a', 'www.shop.com', '24h', '10%', '3x', 'ärgerlich', '😀', ',', '.', ' ', "isn't", 'e-mail', 'z.B.');
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 8 }).map((p) => p.join(' ')), { minLength: 1, maxLength: 6 }), (texts) => {
        const nonBlank = texts.filter((t) => t.trim() !== '').length;
        if (nonBlank === 0) return;
        for (const [term, mentions, share] of rows('BRAND_ATTRIBUTES', col(...texts), 50)) {
          expect(term).not.toMatch(/[0-9@:/]|www|😀/);
          expect(mentions).toBeGreaterThan(0);
          expect(share).toBeCloseTo(mentions / nonBlank, 12);
        }
      }),
    );
  });

  it('treats emoji and punctuation as separators and keeps letters such as ä ö ü ß é', () => {
    expect(wordsOf('Straße😀größer…Café! naïve')).toEqual(['straße', 'größer', '', 'café', '', 'naïve']);
    // A decomposed é (e + combining accent) is the same word as the composed one.
    expect(rows('BRAND_ATTRIBUTES', col('Cafe\u0301 top', 'Café')).find((r) => r[0] === 'café')).toEqual(['café', 2, 1]);
  });
});

describe('ordering, top_n and stopwords', () => {
  it('breaks ties by code point, so umlauts sort after z', () => {
    expect(terms(col('ärgerlich', 'zügig', 'Zeit'))).toEqual(['zeit', 'zügig', 'ärgerlich']);
  });

  it('lists at most top_n terms', () => {
    expect(terms(col('Schnell, freundlich und günstig', 'freundlich'), 2)).toEqual(['freundlich', 'günstig']);
    expect(terms(col('Schnell, freundlich und günstig', 'freundlich'), [[1]])).toEqual(['freundlich']);
    expect(terms(col('Schnell, freundlich und günstig', 'freundlich'), '2')).toEqual(['freundlich', 'günstig']);
  });

  it('rejects a top_n that is not a whole number of at least 1, naming it', () => {
    for (const bad of [0, -3, 2.5]) {
      expect(() => call('BRAND_ATTRIBUTES', col('gut'), bad)).toThrow(`BRAND_ATTRIBUTES: top_n ${bad} is not a whole number of at least 1`);
    }
    expect(() => call('BRAND_ATTRIBUTES', col('gut'), 'viele')).toThrow(/BRAND_ATTRIBUTES: top_n "viele" is not a number/);
  });

  it('rejects an unknown language, naming it', () => {
    expect(() => call('BRAND_ATTRIBUTES', col('gut'), 10, 'fr')).toThrow(/BRAND_ATTRIBUTES: language "fr" is not one of "auto", "en"/);
  });

  it('removes extra stopwords given as a range or as comma-separated text, in any case and form', () => {
    const answers = col('Acme ist super', 'ACME Hotline freundlich', 'Die Hotlines von Acme: schnell');
    // Without extras: acme 3, hotline 2 (hotline, hotlines), then freundlich, schnell, super.
    expect(terms(answers)).toEqual(['acme', 'hotline', 'freundlich', 'schnell', 'super']);
    const without = ['freundlich', 'schnell', 'super'];
    expect(terms(answers, null, null, col('acme', 'Hotline'))).toEqual(without);
    expect(terms(answers, null, null, 'Acme, HOTLINE')).toEqual(without);
    expect(terms(answers, null, null, [['Acme; Hotlines']])).toEqual(without);
  });

  it('keeps adjectives and negations out of both stopword lists, and the lists lean', () => {
    const adjectives = ['good', 'bad', 'slow', 'fast', 'quick', 'friendly', 'helpful', 'rude', 'nice', 'great', 'cheap', 'expensive', 'best', 'better', 'easy', 'new', 'like', 'well'];
    const adjektive = ['gut', 'schlecht', 'freundlich', 'langsam', 'schnell', 'nett', 'super', 'toll', 'teuer', 'günstig', 'einfach', 'kompetent', 'besser', 'lang', 'lange'];
    for (const w of adjectives) expect(EN_STOPWORDS.has(w), w).toBe(false);
    for (const w of adjektive) expect(DE_STOPWORDS.has(w), w).toBe(false);
    for (const w of [...EN_STOPWORDS, ...DE_STOPWORDS]) expect(negationOf(w), w).toBeUndefined();
    for (const w of ['not', 'no', 'never', "isn't", "don't", "didn't", "wasn't", 'nicht', 'kein', 'keine', 'keinen', 'nie']) expect(negationOf(w), w).toBeDefined();
    for (const w of EN_INTENSIFIERS) expect(EN_STOPWORDS.has(w), w).toBe(true);
    for (const w of DE_INTENSIFIERS) expect(DE_STOPWORDS.has(w), w).toBe(true);
    for (const list of [EN_STOPWORDS, DE_STOPWORDS]) {
      expect(list.size).toBeGreaterThanOrEqual(150);
      expect(list.size).toBeLessThanOrEqual(260);
    }
  });
});

describe('merging inflected forms', () => {
  it('strips German adjective and plural endings while a real stem remains', () => {
    for (const w of ['freundlich', 'freundliche', 'freundlichen', 'freundlicher', 'freundliches', 'freundlichem']) expect(stemGerman(w), w).toBe('freundlich');
    expect(stemGerman('probleme')).toBe(stemGerman('problem'));
    expect(stemGerman('mitarbeitern')).toBe(stemGerman('mitarbeiter'));
    expect(stemGerman('gute')).toBe('gut');
    // Short words stay whole: no three-letter stem with a vowel would remain.
    expect(stemGerman('tee')).toBe('tee');
    expect(stemGerman('team')).toBe('team');
  });

  it('strips English plurals only where they are plurals', () => {
    expect(stemEnglish('agents')).toBe('agent');
    expect(stemEnglish('deliveries')).toBe('delivery');
    expect(stemEnglish('classes')).toBe('class');
    expect(stemEnglish('boxes')).toBe('box');
    expect(stemEnglish('prices')).toBe('price');
    for (const w of ['less', 'status', 'analysis', 'news', 'friendly', 'helpfully', 'was']) expect(stemEnglish(w), w).toBe(w);
  });
});

describe('choosing the language', () => {
  const mixed = col('Der Service ist gut', 'Die Lieferung war schnell', 'Fast delivery and the staff is nice');

  it('reads each answer in its own language with "auto", so English "fast" survives in a German range', () => {
    // Answer 3 is English (and, the, is): "fast" is a term there, not the German "fast" (almost).
    expect(terms(mixed)).toEqual(['delivery', 'fast', 'gut', 'lieferung', 'nice', 'schnell', 'service', 'staff']);
  });

  it('reads every answer in the forced language', () => {
    // Forced German: "fast" is a German stopword, while "the" and "and" are not.
    const de = terms(mixed, 20, 'de');
    expect(de).not.toContain('fast');
    expect(de).toContain('the');
    expect(de).toContain('and');
  });

  it('shows a word that both languages use as one term', () => {
    // "Service" in a German and an English answer: one row with 2 mentions.
    expect(rows('BRAND_ATTRIBUTES', col('Der Service war super', 'Great service and staff'), 1)).toEqual([['service', 2, 1]]);
  });
});

describe('BRAND_MATCH', () => {
  // Per answer, by hand:
  // 1 freundlich ✓, kompetent ✓
  // 2 "Nicht freundlich" (negated: not freundlich, but "nicht freundlich" ✓), "schnelle Hilfe" ✓
  // 3 "freundlicher" ✓ freundlich; "Hilfe war schnell" is not "schnelle Hilfe" (order)
  // 4 "Keine schnelle Hilfe" is negated; "nicht kompetent" is negated
  // 5 "Schnelle und kompetente Hilfe": kompetent ✓; schnell and Hilfe are not adjacent
  const answers = col(
    'Sehr freundlich und kompetent',
    'Nicht freundlich, aber schnelle Hilfe am Telefon',
    'Die Hilfe war schnell, die Leute freundlicher als gedacht',
    'Keine schnelle Hilfe, nicht kompetent',
    'Schnelle und kompetente Hilfe',
  );

  it('counts the answers mentioning each attribute, in the order given, negated mentions excluded', () => {
    expect(call('BRAND_MATCH', answers, 'Freundlich, schnelle Hilfe, kompetent, nicht freundlich')).toEqual([
      ['Attribute', 'Mentions', 'Share'],
      ['Freundlich', 2, 0.4],
      ['schnelle Hilfe', 1, 0.2],
      ['kompetent', 2, 0.4],
      ['nicht freundlich', 1, 0.2],
    ]);
  });

  it('takes attributes from a range too, any inflected form, and lists a repeated attribute once', () => {
    // "Kompetente" finds the same answers as "kompetent" (1 and 5); "FREUNDLICH" repeats "freundlich".
    expect(call('BRAND_MATCH', answers, col('Kompetente', null, 'freundlich', 'FREUNDLICH'))).toEqual([
      ['Attribute', 'Mentions', 'Share'],
      ['Kompetente', 2, 0.4],
      ['freundlich', 2, 0.4],
    ]);
  });

  it('matches a multi-word attribute only as adjacent terms within one clause', () => {
    // 1 ✓ ("sehr" is a stopword), 2 ✓ ("per" is a stopword between Hilfe and Telefon for the second
    // attribute), 3 ✗ (comma between), 4 ✗ (other order).
    const t = col('sehr schnelle Hilfe', 'schnelle Hilfe per Telefon', 'schnelle, Hilfe', 'Hilfe, schnell');
    expect(rows('BRAND_MATCH', t, 'schnelle Hilfe, Hilfe am Telefon')).toEqual([
      ['schnelle Hilfe', 2, 0.5],
      ['Hilfe am Telefon', 1, 0.25],
    ]);
  });

  it('works on English answers and English negations', () => {
    // friendly: 1 (2 is "isn't friendly"); helpful staff: 1; not helpful: 3 ("not very helpful").
    const t = col('Friendly and helpful staff', "The staff isn't friendly", 'not very helpful staff');
    expect(rows('BRAND_MATCH', t, 'friendly, helpful staff, not helpful')).toEqual([
      ['friendly', 1, 1 / 3],
      ['helpful staff', 1, 1 / 3],
      ['not helpful', 1, 1 / 3],
    ]);
  });

  it('rejects an attribute with nothing to look for, and a missing attribute list', () => {
    // "in" is a stopword in both languages; "24h" is a number.
    expect(() => call('BRAND_MATCH', answers, 'freundlich, in')).toThrow('BRAND_MATCH: attribute "in" has no word to look for');
    expect(() => call('BRAND_MATCH', answers, col('24h'))).toThrow('BRAND_MATCH: attribute "24h" has no word to look for');
    expect(() => call('BRAND_MATCH', answers, null)).toThrow('BRAND_MATCH: attributes is required');
    expect(() => call('BRAND_MATCH', answers, ' , ')).toThrow('BRAND_MATCH: attributes is required');
  });

  it('names error cells in either range with their position', () => {
    expect(() => call('BRAND_MATCH', col('gut', '#N/A'), 'gut')).toThrow('BRAND_MATCH: "#N/A" at row 2 of texts is an error value');
    expect(() => call('BRAND_MATCH', col('gut'), col('gut', { type: 'Error', basicValue: '#REF!' }))).toThrow(
      'BRAND_MATCH: #REF! at row 2 of attributes is an error value',
    );
  });
});

describe('host shapes, blanks and errors', () => {
  it('reads a single cell as a Sheets scalar or an Excel [[x]]', () => {
    const expected = [
      ['Term', 'Mentions', 'Share'],
      ['freundlich', 1, 1],
      ['schnell', 1, 1],
    ];
    expect(call('BRAND_ATTRIBUTES', 'Freundlich und schnell')).toEqual(expected);
    expect(call('BRAND_ATTRIBUTES', [['Freundlich und schnell']])).toEqual(expected);
    expect(call('BRAND_MATCH', 'Freundlich und schnell', 'schnell')).toEqual([
      ['Attribute', 'Mentions', 'Share'],
      ['schnell', 1, 1],
    ]);
  });

  it('treats omitted optionals as undefined, null, "" or a blank [[x]] alike', () => {
    const t = col('Freundlich und schnell', 'freundlich');
    const expected = call('BRAND_ATTRIBUTES', t);
    for (const omitted of [undefined, null, '', [[null]], [['']]]) {
      expect(call('BRAND_ATTRIBUTES', t, omitted, omitted, omitted)).toEqual(expected);
    }
  });

  it('skips blanks, number cells and a column title, so shares are of real answers', () => {
    // Answers: "gut" and "sehr gut" (2); the title, 5, "3", 4.5, TRUE and blanks are not answers.
    const t = col('Kommentar', 'gut', 5, '3', null, '', '   ', 4.5, true, 'sehr gut');
    expect(rows('BRAND_ATTRIBUTES', t)).toEqual([['gut', 2, 1]]);
    // Only the first non-blank cell can be a title: later "Feedback" is an answer.
    expect(rows('BRAND_ATTRIBUTES', col('gut', 'Feedback'))).toEqual([
      ['feedback', 1, 0.5],
      ['gut', 1, 0.5],
    ]);
  });

  it('reads a two-dimensional range cell by cell', () => {
    expect(rows('BRAND_ATTRIBUTES', [['gut', 'schnell'], ['gut', null]])).toEqual([
      ['gut', 2, 2 / 3],
      ['schnell', 1, 1 / 3],
    ]);
  });

  it('has no data when no cell is an answer', () => {
    const notAnswers = col(null, '', 4, 'Kommentar');
    for (const [fn, e] of [
      ['BRAND_ATTRIBUTES', errorOf(() => call('BRAND_ATTRIBUTES', notAnswers))],
      ['BRAND_MATCH', errorOf(() => call('BRAND_MATCH', notAnswers, 'gut'))],
    ] as const) {
      expect(e).toBeInstanceOf(KpiError);
      expect(e.kind).toBe('na');
      expect(e.message).toBe(`${fn}: no data`);
    }
  });

  it('returns an empty table under the header when the answers hold only stopwords', () => {
    expect(call('BRAND_ATTRIBUTES', col('und auch so', 'the and', 'nur die'))).toEqual([['Term', 'Mentions', 'Share']]);
  });

  it('names error cells with their position', () => {
    expect(() => call('BRAND_ATTRIBUTES', col('gut', '#DIV/0!'))).toThrow('BRAND_ATTRIBUTES: "#DIV/0!" at row 2 of texts is an error value');
    expect(() => call('BRAND_ATTRIBUTES', [['gut', 'ok'], ['schnell', { code: '#N/A' }]])).toThrow(
      'BRAND_ATTRIBUTES: #N/A at row 2, column 2 of texts is an error value',
    );
    expect(() => call('BRAND_ATTRIBUTES', col('gut'), 10, 'auto', col('Acme', '#VALUE!'))).toThrow(
      'BRAND_ATTRIBUTES: "#VALUE!" at row 2 of extra_stopwords is an error value',
    );
  });
});

describe('speed', () => {
  it('reads 100,000 comments in one call (speed is measured by npm run bench)', () => {
    const samples = [
      'Sehr freundliche Mitarbeiter, aber nicht so schnell bei der Bearbeitung meiner Anfrage.',
      'Freundlich und kompetent! Die Lieferung kam pünktlich, danke.',
      'Der Service war nicht freundlich. Mail an max@firma.de oder www.firma.de, Bestellnummer 123456',
      "The staff isn't very helpful and the waiting time was too long",
      'Die Mitarbeiterin war freundlicher als erwartet, 24h Hotline super, gerne wieder',
    ];
    const big = Array.from({ length: 100_000 }, (_, i) => [samples[i % 5] + ' #' + i]);
    const table = call('BRAND_ATTRIBUTES', big) as Row[];
    const match = call('BRAND_MATCH', big, 'freundlich, schnelle Hilfe, kompetent') as Row[];
    // freundlich: answers 1, 2, 5 of every five (answer 3 negates it) = 60,000; kompetent: answer 2.
    expect(table[1]).toEqual(['freundlich', 60_000, 0.6]);
    expect(match.slice(1)).toEqual([
      ['freundlich', 60_000, 0.6],
      ['schnelle Hilfe', 0, 0],
      ['kompetent', 20_000, 0.2],
    ]);
  });
});
