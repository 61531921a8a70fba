/**
 * English function words that are never brand terms: articles, pronouns, prepositions,
 * conjunctions, auxiliaries, a few very common verbs, and fillers. Written for this project (not a
 * published list) and kept lean on purpose: adjectives (good, slow, friendly, fast …) and negations
 * (not, no, never …) are deliberately absent, because they are what the brand functions look for.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/**
 * Words that may stand between a negation and the word it negates (`not very helpful` →
 * `not helpful`, `not at all friendly`, `not the best`). Every one of them is also a stopword.
 */
export const EN_INTENSIFIERS: ReadonlySet<string> = words(`
  a an the so very too really quite that all at as any more much even always exactly
  particularly especially overly terribly extremely totally completely entirely remotely
  pretty super fully actually necessarily be been being
`);

export const EN_STOPWORDS: ReadonlySet<string> = new Set([
  ...EN_INTENSIFIERS,
  ...words(`
    this these those some each every either both another other others such
    i me my myself we us our you your he him his she her it its they them their
    one who which what someone something anyone anything everyone everything
    about above across after against along among around before behind below between by
    down during for from in into of off on out over past per since than through to
    under until up via with within without
    and or but if because though although while whether when where why how once unless
    then however also
    am is are was were have has had having do does did doing done will would shall should
    can could may might must get gets got getting go goes went going make makes made say
    said tell told take took let come came want need use used try tried know think thought
    feel felt seem seems
    just still yet already again ever often sometimes usually here there now today anyway
    maybe perhaps probably rather fairly absolutely simply definitely certainly
    kind sort lot lots bit many most less few several only
    oh please thank thanks hi hello yes yeah etc e.g i.e
  `),
]);
