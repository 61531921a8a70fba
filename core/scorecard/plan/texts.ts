/** The scorecard sheet's own texts and notes, in English and German; text from the workbook is quoted (safe-text.ts). */
import { quote } from '../../safe-text.js';

export type Lang = 'en' | 'de';

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
    asValues: (names: string) => `Portable mode: ${names} written as values (no native formula); regenerate to update them.`,
    textData: (names: string) => `Portable mode: ${names} written as values because their columns hold text that native formulas cannot read (dates or numbers stored as text, or unusual yes/no words); with real date and number cells they get formulas. Regenerate to update them.`,
    errorValues: (names: string) => `Portable mode: ${names} written as values: the add-in's function shows an error here that no native formula reproduces (see the note on it); regenerate after correcting the data.`,
    mismatch: (names: string) => `Portable mode: ${names} written as values: a native formula would not give the add-in's values on this data (please report this); regenerate to update them.`,
    problem: (name: string, message: string) => `${name}: ${message}`,
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
    asValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen.`,
    textData: (names: string) => `Portabler Modus: ${names} als Werte geschrieben, weil ihre Spalten Text enthalten, den normale Formeln nicht lesen (Datums- oder Zahlenwerte als Text, ungewöhnliche Ja/Nein-Wörter); mit echten Datums- und Zahlenzellen gibt es Formeln. Zum Aktualisieren neu erstellen.`,
    errorValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben: Die Funktion des Add-ins zeigt hier einen Fehler, den keine normale Formel nachbildet (siehe den Hinweis dazu); nach dem Korrigieren der Daten neu erstellen.`,
    mismatch: (names: string) => `Portabler Modus: ${names} als Werte geschrieben: Eine normale Formel ergäbe auf diesen Daten nicht die Werte des Add-ins (bitte melden); zum Aktualisieren neu erstellen.`,
    problem: (name: string, message: string) => `${name}: ${message}`,
  },
} as const;

export type Texts = (typeof TEXT)[Lang];
