/** The scorecard sheet's own texts and notes, in English and German; text from the workbook is quoted (safe-text.ts). */
import { quote } from '../../safe-text.js';

export type Lang = 'en' | 'de';

/** "row 7" or "rows 7–9". */
function rowsText(first: number, last: number, lang: 'en' | 'de'): string {
  const word = lang === 'de' ? (first === last ? 'Zeile' : 'Zeilen') : (first === last ? 'row' : 'rows');
  return first === last ? `${word} ${first}` : `${word} ${first}–${last}`;
}

export const TEXT = {
  en: {
    title: 'Customer service scorecard',
    subtitle: (p: string) => `Actual: the latest ${p} in the data · Previous: the ${p} before · Baseline: the first ${p} · Targets (yellow) are yours to edit`,
    live: 'Live: formulas over your data, updated as rows arrive (needs the Service KPI add-in).',
    portable: 'Portable: native spreadsheet formulas for the periods known when it was generated; regenerate for new periods.',
    headers: ['Perspective', 'KPI', 'Actual', 'Previous', 'Baseline', 'Unit', 'Target', 'Direction', 'Variance', 'Status', 'Trend', 'n', 'CI low', 'CI high', 'Definition'],
    perspective: { strategic: 'Strategic', operational: 'Operational' },
    direction: { higher: 'higher', lower: 'lower' },
    unit: { share: '%', points: 'points', hours: 'hours', count: 'count', money: 'amount', number: 'number' },
    expected: 'Expected attributes',
    sources: 'Data used',
    sourceHeaders: ['Role', 'Sheet', 'Column'],
    values: 'written as values (no native formula); regenerate to update',
    periodNames: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    renamed: (wanted: string, name: string) => `A sheet named ${quote(wanted)} already exists and is not a scorecard of ours: it is left as it is, the scorecard goes to ${quote(name)}.`,
    replaced: (name: string) => `Replaced the previous scorecard ${quote(name)}.`,
    keptTargets: (names: string) => `Kept the targets typed on the previous scorecard: ${names}.`,
    missing: (name: string, roles: string) => `${name}: not shown, it needs columns for ${roles}.`,
    noSheet: (name: string, sheet: string) => `${name}: not shown, the sheet ${quote(sheet)} has no data table.`,
    noColumn: (name: string, sheet: string, column: number) => `${name}: not shown, column ${column} is outside the data table of the sheet ${quote(sheet)}.`,
    asValues: (names: string) => `Portable mode: ${names} written as values (no native formula); regenerate to update them.`,
    textData: (names: string) => `Portable mode: ${names} written as values because their columns hold text that native formulas cannot read (dates or numbers stored as text, or unusual yes/no words); with real date and number cells they get formulas. Regenerate to update them.`,
    errorValues: (names: string) => `Portable mode: ${names} written as values: the add-in's function shows an error here that no native formula reproduces (see the note on it); regenerate after correcting the data.`,
    mismatch: (names: string) => `Portable mode: ${names} written as values: a native formula would not give the add-in's values on this data (please report this); regenerate to update them.`,
    problem: (name: string, message: string) => `${name}: ${message}`,
    yourNotes: 'Your notes',
    wasIn: 'Was in',
    content: 'Content',
    keptCells: (n: number) => `Kept ${n === 1 ? 'the cell' : `the ${n} cells`} you wrote on the previous scorecard where ${n === 1 ? 'it was' : 'they were'}.`,
    movedCells: (moved: number, carried: number, first: number, last: number) => [
      moved > 0 ? `${moved === 1 ? '1 cell' : `${moved} cells`} you wrote on the previous scorecard ${moved === 1 ? 'was' : 'were'} where the new scorecard puts its own cells: moved to "Your notes" (${rowsText(first, last, 'en')}), ${moved === 1 ? 'with the cell it was in' : 'each with the cell it was in'}.` : '',
      carried > 0 ? `Kept ${carried === 1 ? 'the entry' : `the ${carried} entries`} of "Your notes"${moved > 0 ? '' : ` (${rowsText(first, last, 'en')})`}.` : '',
    ].filter(Boolean).join(' '),
    notOurs: (name: string) => `The sheet ${quote(name)} carries the scorecard's marker but is not a scorecard (its title or header row differ): it is read as your data and left as it is.`,
    keptPrevious: (name: string, max: number) => `The previous scorecard ${quote(name)} holds more than ${max.toLocaleString('en')} cells of yours, more than a regeneration carries over: it is left as it is, and the new scorecard is a sheet of its own.`,
  },
  de: {
    title: 'Kundenservice-Scorecard',
    subtitle: (p: string) => `Ist: ${p} mit den neuesten Daten · Vorperiode: ${p} davor · Basiswert: erster ${p} · Ziele (gelb) können Sie ändern`,
    live: 'Live: Formeln über Ihre Daten, aktualisiert mit jeder neuen Zeile (braucht das Add-in Service KPI).',
    portable: 'Portabel: normale Tabellenformeln für die beim Erstellen bekannten Zeiträume; für neue Zeiträume neu erstellen.',
    headers: ['Perspektive', 'Kennzahl', 'Ist', 'Vorperiode', 'Basiswert', 'Einheit', 'Ziel', 'Richtung', 'Abweichung', 'Status', 'Verlauf', 'n', 'KI unten', 'KI oben', 'Definition'],
    perspective: { strategic: 'Strategisch', operational: 'Operativ' },
    direction: { higher: 'höher', lower: 'niedriger' },
    unit: { share: '%', points: 'Punkte', hours: 'Stunden', count: 'Anzahl', money: 'Betrag', number: 'Zahl' },
    expected: 'Erwartete Attribute',
    sources: 'Verwendete Daten',
    sourceHeaders: ['Rolle', 'Blatt', 'Spalte'],
    values: 'als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen',
    periodNames: { week: 'Woche', month: 'Monat', quarter: 'Quartal', year: 'Jahr' },
    renamed: (wanted: string, name: string) => `Ein Blatt ${quote(wanted, 'de')} gibt es schon, und es ist keine Scorecard von uns: Es bleibt unverändert, die Scorecard kommt auf ${quote(name, 'de')}.`,
    replaced: (name: string) => `Die bisherige Scorecard ${quote(name, 'de')} wurde ersetzt.`,
    keptTargets: (names: string) => `Die auf der bisherigen Scorecard eingetragenen Ziele wurden übernommen: ${names}.`,
    missing: (name: string, roles: string) => `${name}: nicht angezeigt, dafür fehlen Spalten für ${roles}.`,
    noSheet: (name: string, sheet: string) => `${name}: nicht angezeigt, das Blatt ${quote(sheet, 'de')} hat keine Datentabelle.`,
    noColumn: (name: string, sheet: string, column: number) => `${name}: nicht angezeigt, Spalte ${column} liegt außerhalb der Datentabelle des Blatts ${quote(sheet, 'de')}.`,
    asValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen.`,
    textData: (names: string) => `Portabler Modus: ${names} als Werte geschrieben, weil ihre Spalten Text enthalten, den normale Formeln nicht lesen (Datums- oder Zahlenwerte als Text, ungewöhnliche Ja/Nein-Wörter); mit echten Datums- und Zahlenzellen gibt es Formeln. Zum Aktualisieren neu erstellen.`,
    errorValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben: Die Funktion des Add-ins zeigt hier einen Fehler, den keine normale Formel nachbildet (siehe den Hinweis dazu); nach dem Korrigieren der Daten neu erstellen.`,
    mismatch: (names: string) => `Portabler Modus: ${names} als Werte geschrieben: Eine normale Formel ergäbe auf diesen Daten nicht die Werte des Add-ins (bitte melden); zum Aktualisieren neu erstellen.`,
    problem: (name: string, message: string) => `${name}: ${message}`,
    yourNotes: 'Ihre Notizen',
    wasIn: 'Stand in',
    content: 'Inhalt',
    keptCells: (n: number) => `${n === 1 ? 'Die Zelle' : `Die ${n} Zellen`}, die Sie auf der bisherigen Scorecard geschrieben haben, ${n === 1 ? 'steht' : 'stehen'} weiter an ${n === 1 ? 'ihrer' : 'ihren'} Stelle${n === 1 ? '' : 'n'}.`,
    movedCells: (moved: number, carried: number, first: number, last: number) => [
      moved > 0 ? `${moved === 1 ? '1 Zelle' : `${moved} Zellen`}, die Sie auf der bisherigen Scorecard geschrieben haben, ${moved === 1 ? 'stand' : 'standen'} dort, wo die neue Scorecard eigene Zellen hat: verschoben nach „Ihre Notizen“ (${rowsText(first, last, 'de')}), ${moved === 1 ? 'mit der Zelle, in der sie stand' : 'jeweils mit der Zelle, in der sie stand'}.` : '',
      carried > 0 ? `${carried === 1 ? 'Der Eintrag' : `Die ${carried} Einträge`} in „Ihre Notizen“ ${carried === 1 ? 'bleibt' : 'bleiben'} erhalten${moved > 0 ? '' : ` (${rowsText(first, last, 'de')})`}.` : '',
    ].filter(Boolean).join(' '),
    notOurs: (name: string) => `Das Blatt ${quote(name, 'de')} trägt die Markierung der Scorecard, ist aber keine (Titel oder Kopfzeile weichen ab): Es wird als Ihre Daten gelesen und bleibt unverändert.`,
    keptPrevious: (name: string, max: number) => `Die bisherige Scorecard ${quote(name, 'de')} enthält mehr als ${max.toLocaleString('de')} Zellen von Ihnen, mehr als eine Neuerstellung übernimmt: Sie bleibt unverändert, die neue Scorecard kommt auf ein eigenes Blatt.`,
  },
} as const;

export type Texts = (typeof TEXT)[Lang];
