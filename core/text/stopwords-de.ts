/**
 * German function words that are never brand terms: articles, pronouns, prepositions,
 * conjunctions, auxiliaries, a few very common verbs, and fillers (with their inflected forms,
 * since stopwords are matched as written). Written for this project (not a published list) and kept
 * lean on purpose: adjectives (gut, freundlich, langsam, schnell, super, einfach …) and negations
 * (nicht, kein, nie …) are deliberately absent, because they are what the brand functions look for.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.trim().split(/\s+/));

/**
 * Words that may stand between a negation and the word it negates (`nicht so gut` → `nicht gut`,
 * `nicht mehr ganz so freundlich`, `nicht der beste`). Every one of them is also a stopword.
 */
export const DE_INTENSIFIERS: ReadonlySet<string> = words(`
  so sehr zu allzu gar besonders sonderlich wirklich ganz immer mehr gerade unbedingt recht
  ziemlich extrem total überhaupt ja eben halt wohl eigentlich mal einmal echt
  der die das den dem des ein eine einen einem einer eines
`);

export const DE_STOPWORDS: ReadonlySet<string> = new Set([
  ...DE_INTENSIFIERS,
  ...words(`
    ich mich mir mein meine meinen meinem meiner wir uns unser unsere unseren unserem unserer
    du dich dir dein deine ihr euch er ihn ihm sein seine seinen seinem seiner sie ihre ihren
    ihrem ihrer es man sich jemand etwas alles alle allen aller jeder jede jeden jedem jedes
    dieser diese diesen diesem dieses welche welcher welches was wer wen wem
    ab an am auf aus bei beim bis durch für gegen in im ins mit nach ohne
    seit über um unter vom von vor während wegen zum zur zwischen per pro
    und oder aber denn sondern dass ob weil wenn als wie da damit obwohl bzw doch
    auch
    bin ist sind war waren gewesen sei wäre habe hab hat haben hatte hatten hätte
    werde wird werden wurde wurden würde würden kann können konnte
    könnte muss musste müssen soll sollte sollten will wollte wollen möchte mache
    macht machen gemacht gibt gab geben geht ging gehen kommt kam kommen lassen sagen sagt
    gesagt
    noch schon nur dann hier dort jetzt heute leider bereits also dabei dafür dazu darauf
    davon danach wo wann warum viel viele vielen wenig eher etwa bisschen äußerst sogar
    außerdem insgesamt fast bald oft manchmal irgendwie natürlich hallo danke bitte
    dank grüße gruß mfg lg z.b d.h u.a usw ca
  `),
]);
