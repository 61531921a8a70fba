/**
 * Help sentences about cell values that several catalog entries share (English and German), so
 * each rule is written once: date text and its day/month order, rating words, survey non-answers,
 * flags, and the blanks Excel may pass as 0. Only the catalog's help texts use them (the runtime
 * bundles drop them with the help texts).
 */

/** Date text in the v3 layouts and the day/month order per call. */
export const DATE_TEXT_RULES = {
  en: 'Dates are date cells or text: ISO (2026-03-01 10:30, 2026-03-01T09:30:00Z), German (01.03.2026 10:30), day- or month-first numbers (29-02-2016 01:16, 11/13/2019 8:51:12) and month names in English or German (11/Jun/24 3:07 PM, 31-Jul-18, 5 Mar 2026, 5. März 2026 14:30), with an optional time, 12-hour AM/PM and Z or an offset (an instant, converted to the spreadsheet\'s time zone). Two-digit years 00–29 are 2000–2029, 30–99 are 1930–1999, as Excel reads them. The day/month order of numeric dates is decided once for the whole call, over all its date arguments: a first part above 12 means day first, a second part above 12 month first — so 05/02/2012 13:32 beside 29/02/2012 is 5 Feb 2012. Dates showing both orders are an error naming one of each; dates where nothing decides (every part 12 or less, as 03/01/2026 alone) are an error quoting a cell with both readings: write ISO dates there. A date in a layout not listed here, or an impossible one (31/02/2026), is an error naming it.',
  de: 'Datumswerte sind Datumszellen oder Text: ISO (2026-03-01 10:30, 2026-03-01T09:30:00Z), deutsch (01.03.2026 10:30), Zahlen mit Tag oder Monat zuerst (29-02-2016 01:16, 11/13/2019 8:51:12) und Monatsnamen auf Englisch oder Deutsch (11/Jun/24 3:07 PM, 31-Jul-18, 5 Mar 2026, 5. März 2026 14:30), mit optionaler Uhrzeit, 12-Stunden-Angabe AM/PM und Z oder einem Versatz (ein Zeitpunkt, umgerechnet in die Zeitzone der Tabelle). Zweistellige Jahre 00–29 sind 2000–2029, 30–99 sind 1930–1999, wie Excel sie liest. Die Reihenfolge von Tag und Monat bei Zahlen wird einmal für den ganzen Aufruf über alle Datumsargumente entschieden: Ein erster Teil über 12 heißt Tag zuerst, ein zweiter Teil über 12 Monat zuerst — 05/02/2012 13:32 neben 29/02/2012 ist also der 5. Feb. 2012. Zeigen die Daten beide Reihenfolgen, ist das ein Fehler, der je ein Beispiel nennt; entscheidet nichts (alle Teile höchstens 12, wie 03/01/2026 allein), ist das ein Fehler, der eine Zelle mit beiden Lesarten zitiert: dort ISO-Daten schreiben. Ein Datum in einem hier nicht genannten Format oder ein unmögliches (31/02/2026) ist ein Fehler, der es nennt.',
};

/** Serial 0 in a date argument. */
export const DATE_ZERO_RULE = {
  en: 'A 0 in a date is read as a blank: some Excel builds pass blank cells as 0, and 30 Dec 1899 is never a date in this data.',
  de: 'Eine 0 in einem Datum gilt als leer: Manche Excel-Versionen übergeben leere Zellen als 0, und der 30.12.1899 ist in diesen Daten nie ein Datum.',
};

/** Numbers with labels and survey non-answers, and the strict rule, for scores and ratings. */
export const SURVEY_CELL_RULES = {
  en: 'A number followed by a label reads as the number (10 - Extremely likely, 4 - Satisfied, 9 (sehr wahrscheinlich)); survey non-answers (Offered, Not offered, Unoffered, No rating, angeboten, nicht angeboten, n/a, keine Angabe) are blanks. The first non-blank text is a header and skipped; any other text that is none of these is an error naming it, so an answer is never dropped silently.',
  de: 'Eine Zahl mit folgender Beschriftung gilt als die Zahl (10 - Extremely likely, 4 - Zufrieden, 9 (sehr wahrscheinlich)); Nicht-Antworten aus Umfrage-Exporten (Offered, Not offered, Unoffered, No rating, angeboten, nicht angeboten, n/a, keine Angabe) gelten als leer. Der erste nicht leere Text ist eine Überschrift und wird übersprungen; jeder andere Text, der nichts davon ist, ist ein Fehler, der ihn nennt — eine Antwort geht also nie stillschweigend verloren.',
};

/** Rating words on the listed scales. */
export const RATING_WORD_RULES = {
  en: 'Ratings may be words of one listed scale (any case), read as 1…k in scale order: 2-point Bad, Good (Zendesk; schlecht, gut); 3-point Not good, Just okay, Awesome (Freshdesk) or Not good, Okay, Great (Help Scout) or Unhappy, Neutral, Happy; 5-point Very dissatisfied, Dissatisfied, Neutral (or Neither satisfied nor dissatisfied, as SurveyMonkey and Freshdesk write it), Satisfied, Very satisfied (sehr unzufrieden … sehr zufrieden); agreement Strongly disagree … Strongly agree (stimme überhaupt nicht zu … stimme voll und ganz zu), 7-point when a "Somewhat"/"eher" word appears, else 5-point. The scale is the smallest listed scale holding all labels of the call and sets scale_max (a different scale_max is an error); on 2- and 3-point word scales the default threshold is the top answer (Good, Awesome, Great, Happy). Example: Good, Good, Bad, Good gives 0.75.',
  de: 'Bewertungen können Wörter einer der genannten Skalen sein (Groß-/Kleinschreibung egal), gelesen als 1…k in Skalenreihenfolge: 2 Stufen Bad, Good (Zendesk; schlecht, gut); 3 Stufen Not good, Just okay, Awesome (Freshdesk) oder Not good, Okay, Great (Help Scout) oder Unhappy, Neutral, Happy; 5 Stufen sehr unzufrieden, unzufrieden, neutral (oder weder zufrieden noch unzufrieden), zufrieden, sehr zufrieden (Very dissatisfied … Very satisfied); Zustimmung stimme überhaupt nicht zu … stimme voll und ganz zu (Strongly disagree … Strongly agree), mit 7 Stufen, sobald ein Wort mit „eher“/„Somewhat“ vorkommt, sonst 5. Die Skala ist die kleinste genannte Skala mit allen Wörtern des Aufrufs und legt scale_max fest (ein anderes scale_max ist ein Fehler); bei Wortskalen mit 2 oder 3 Stufen ist die Standardschwelle die beste Antwort (Good, Awesome, Great, Happy). Beispiel: gut, gut, schlecht, gut ergibt 0,75.',
};

/** Excel's blanks as 0 in repeating arguments. */
export const REPEATING_ZERO_CAVEAT = {
  en: 'Some Excel builds pass blank cells in args… as 0: a blank score then counts as a 0 (a detractor), so leave no blanks in score ranges passed here in Excel, or use NPS_TREND; a 0 in a date is read as a blank.',
  de: 'Manche Excel-Versionen übergeben leere Zellen in args… als 0: Ein leerer Wert zählt dann als 0 (ein Kritiker); in Excel also keine leeren Zellen in hier übergebenen Wertebereichen lassen oder NPS_TREND verwenden; eine 0 in einem Datum gilt als leer.',
};

/** Excel's blank single-cell references as 0 in scalar arguments. */
export const SCALAR_ZERO_CAVEAT = {
  en: 'Some Excel builds pass a blank cell given as a single argument as 0: leave an optional argument out rather than pointing it at an empty cell (a threshold of 0 would count every rating as satisfied).',
  de: 'Manche Excel-Versionen übergeben eine leere Zelle, die als einzelnes Argument angegeben ist, als 0: ein optionales Argument also weglassen statt auf eine leere Zelle zu verweisen (eine Schwelle von 0 würde jede Bewertung als zufrieden zählen).',
};
