/** The scorecard sheet's own texts and notes, in English and German; text from the workbook is quoted (safe-text.ts). */
import { quote } from '../../safe-text.js';
import type { LogDating, LogJoin } from './log-join.js';
import type { UnreadableColumn, UnreadableKind } from './unreadable.js';

export type Lang = 'en' | 'de';

/** What a column holds that native formulas cannot read, as the notes say it. */
const UNREADABLE: Readonly<Record<Lang, Readonly<Record<UnreadableKind, string>>>> = {
  en: {
    dateText: 'dates written as text', ratingWords: 'rating words', labelledNumbers: 'numbers with labels',
    durationText: 'durations written as text', percentText: 'percentages written as text', numberText: 'numbers stored as text',
    flagWords: 'yes/no values a criterion cannot name exactly', errors: 'error values', dateOutOfRange: 'a date outside the years 100–9999',
    otherText: 'text',
  },
  de: {
    dateText: 'Datumsangaben als Text', ratingWords: 'Bewertungswörter', labelledNumbers: 'Zahlen mit Beschriftung',
    durationText: 'Dauern als Text', percentText: 'Prozentwerte als Text', numberText: 'Zahlen als Text',
    flagWords: 'Ja/Nein-Werte, die ein Kriterium nicht genau benennen kann', errors: 'Fehlerwerte', dateOutOfRange: 'ein Datum außerhalb der Jahre 100–9999',
    otherText: 'Text',
  },
};

/** `"Rating" on "Survey" (rating words such as "Good", first at Survey!B5)`. */
function columnText(lang: Lang, c: UnreadableColumn): string {
  const what = UNREADABLE[lang][c.kind];
  return lang === 'de'
    ? `${quote(c.header, 'de')} auf ${quote(c.sheet, 'de')} (${what} wie ${quote(c.example, 'de')}, zuerst in ${c.cell})`
    : `${quote(c.header)} on ${quote(c.sheet)} (${what} such as ${quote(c.example)}, first at ${c.cell})`;
}

/** "row 7" or "rows 7–9". */
function rowsText(first: number, last: number, lang: 'en' | 'de'): string {
  const word = lang === 'de' ? (first === last ? 'Zeile' : 'Zeilen') : (first === last ? 'row' : 'rows');
  return first === last ? `${word} ${first}` : `${word} ${first}–${last}`;
}

export const TEXT = {
  en: {
    title: 'Customer service scorecard',
    subtitle: (p: string) => `Actual: the latest complete ${p} with enough data, or the latest complete on the reporting date · Previous: the ${p} before · Baseline: the first ${p} · Targets and the reporting date (yellow) are yours to edit`,
    live: 'Live: formulas over your data; the periods move on as rows arrive or the reporting date changes (needs the Service KPI add-in).',
    portable: 'Portable: native spreadsheet formulas, no add-in needed; the periods move on as rows arrive or the reporting date changes.',
    portableValues: 'Portable: native spreadsheet formulas, no add-in needed; the periods move on as rows arrive or the reporting date changes, except for KPIs written as values (regenerate those).',
    reportingDate: 'Reporting date',
    reportingHint: (p: string) => `blank: the latest complete ${p}`,
    tooFew: 'too few',
    toDate: 'to date',
    incomplete: 'incomplete',
    headers: ['Perspective', 'KPI', 'Period', 'Actual', 'Previous', 'Baseline', 'Unit', 'Target', 'Direction', 'Variance', 'Status', 'Trend', 'n', 'CI low', 'CI high', 'Definition'],
    perspective: { strategic: 'Strategic', operational: 'Operational' },
    direction: { higher: 'higher', lower: 'lower' },
    unit: { share: '%', points: 'points', hours: 'hours', seconds: 'seconds', count: 'count', money: 'amount', number: 'number' },
    expected: 'Expected attributes',
    contactSection: 'Contact centre',
    sources: 'Data used',
    sourceHeaders: ['Role', 'Sheet', 'Column'],
    values: 'written as values (no native formula); regenerate to update',
    valuesText: (header: string) => `written as values (the column ${quote(header)} holds text native formulas cannot read); regenerate to update`,
    periodNames: { week: 'week', month: 'month', quarter: 'quarter', year: 'year' },
    renamed: (wanted: string, name: string) => `A sheet named ${quote(wanted)} already exists and is not a scorecard of ours: it is left as it is, the scorecard goes to ${quote(name)}.`,
    replaced: (name: string) => `Replaced the previous scorecard ${quote(name)}.`,
    keptTargets: (names: string) => `Kept the targets typed on the previous scorecard: ${names}.`,
    automatic: 'automatic',
    keptReportingDate: (sheet: string, settings: string) => `Kept the reporting date typed on the previous scorecard (${sheet}) rather than the settings' (${settings}). To use the settings' date, change it there again or type it on the scorecard.`,
    unreadableReportingDate: (typed: string, used: string) => `The previous scorecard's reporting date held ${quote(typed)}, which is no date (such as 2026-10-31); the settings' date was written instead (${used}).`,
    toDateNote: (p: string, periods: string, cell: string) => `No complete ${p} holds data: the data ends before the last day of ${periods}, so the KPIs over it show it as far as the data goes, marked "(to date)", with the status "incomplete" instead of a colour (its figures may still change). A reporting date on its last day (in ${cell}, the sidebar's Reporting date, or --as-of on the command line) reports it as complete.`,
    noCompletePeriod: (p: string, cell: string) => `Every KPI is blank: the data's latest ${p} is not complete yet, and no earlier ${p} holds data. To report that ${p} as far as it goes, type a reporting date on or after the data's last day (in ${cell}, the sidebar's Reporting date, or --as-of on the command line).`,
    missing: (name: string, roles: string) => `${name}: not shown, it needs columns for ${roles}.`,
    noSheet: (name: string, sheet: string) => `${name}: not shown, the sheet ${quote(sheet)} has no data table.`,
    noColumn: (name: string, sheet: string, column: number) => `${name}: not shown, column ${column} is outside the data table of the sheet ${quote(sheet)}.`,
    asValues: (names: string) => `Portable mode: ${names} written as values (no native formula); regenerate to update them.`,
    textData: (names: string, c: UnreadableColumn) => `Portable mode: ${names} written as values because the column ${columnText('en', c)} holds what native formulas cannot read; with real dates and plain numbers there they get formulas. Regenerate to update them.`,
    frozenDates: (columns: string) => `The dates in ${columns} are text, which native formulas cannot read: the reporting period counts them as they were at generation (type a reporting date, or store real dates, to move on).`,
    logValues: (names: string) => `Portable mode: ${names} written as values: they walk a log (status changes or messages per ticket, or an event log read one row per ticket), which no native formula can; regenerate to update them.`,
    eventLog: (sheet: string, rows: number, tickets: number, id: string, time: string | undefined) =>
      `Sheet ${quote(sheet)} repeats its ticket ids (${quote(id)}): ${rows} rows for ${tickets} tickets, an event log. Ticket KPIs on it count each ticket once: its last row${time ? ` by ${quote(time)}` : ' in the sheet'} (its current state), with the opened date of its first row.`,
    notALog: (name: string, sheet: string, rows: number) => `${name}: not shown, the sheet ${quote(sheet)} has one row per ticket (${rows} rows, no ticket id repeats), so there is no status or message history to walk.`,
    statusLists: (sheet: string, rows: number, tickets: number, resolved: string, pause: string, how: string) => `Status log ${quote(sheet)} (${rows} rows for ${tickets} tickets): resolved = ${resolved}; pause (the SLA clock stops) = ${pause} — ${how}. Change them in the sidebar, or with --resolved-statuses and --pause-statuses.`,
    messageLog: (sheet: string, rows: number, tickets: number) => `Message log ${quote(sheet)}: ${rows} messages of ${tickets} tickets.`,
    logJoin: (sheet: string, j: LogJoin) => j.matched === j.tickets
      ? `Log ${quote(sheet)} joins the ticket table ${quote(j.table)} by ${quote(j.tableIds.header)}: all ${j.tickets} of its tickets are in it.`
      : `Log ${quote(sheet)} and the ticket table ${quote(j.table)} (by ${quote(j.tableIds.header)}): ${j.matched} of the log's ${j.tickets} tickets are in the table, ${j.tickets - j.matched} are not (${j.missing.map((m) => quote(m, 'en')).join(', ')}${j.tickets - j.matched > j.missing.length ? ' …' : ''}). The log KPIs count them all; the ticket KPIs cannot, so the two cover different tickets${j.matched === 0 ? ' (no id matches: the log may key its tickets otherwise, e.g. by an internal id)' : ''}.`,
    logDated: (names: string, d: LogDating) => {
      const parts: string[] = [];
      if (d.missing > 0) parts.push(`${d.missing} are not in the table (${d.missingIds.map((m) => quote(m, 'en')).join(', ')}${d.missing > d.missingIds.length ? ' …' : ''})`);
      if (d.undated > 0) parts.push(`${d.undated} have a blank ${quote(d.header, 'en')}`);
      const text = d.textDated > 0 ? ` ${d.textDated} hold text that is no date there (such as ${quote(d.textExample ?? '', 'en')}): they are in no period, as date arguments skip such text; enter their dates or clear those cells.` : '';
      return `${names} (log ${quote(d.log, 'en')}): counted in the period of each ticket's ${quote(d.header, 'en')} in the ticket table ${quote(d.table, 'en')}, as the ticket KPIs count tickets. `
        + (parts.length > 0 ? `Of the log's ${d.tickets} tickets, ${parts.join(' and ')}: they keep the period of their first log row.` : d.textDated === 0 ? `All ${d.tickets} of the log's tickets have a date there.` : `Of the log's ${d.tickets} tickets:`) + text;
    },
    statusHow: {
      names: 'found from the status names', codes: 'from ServiceNow\'s state codes (1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled)',
      ending: 'no status name says resolved, so resolved is the status most tickets end in', manager: 'as you listed them', none: 'none found',
    },
    noneListed: 'none',
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
    subtitle: (p: string) => `Ist: letzte abgeschlossene Periode (${p}) mit genug Daten, oder die letzte am Stichtag abgeschlossene · Vorperiode: die davor · Basiswert: die erste · Ziele und Stichtag (gelb) können Sie ändern`,
    live: 'Live: Formeln über Ihre Daten; die Zeiträume gehen mit neuen Zeilen oder einem neuen Stichtag weiter (braucht das Add-in Service KPI).',
    portable: 'Portabel: normale Tabellenformeln, ohne Add-in; die Zeiträume gehen mit neuen Zeilen oder einem neuen Stichtag weiter.',
    portableValues: 'Portabel: normale Tabellenformeln, ohne Add-in; die Zeiträume gehen mit neuen Zeilen oder einem neuen Stichtag weiter, außer bei Kennzahlen, die als Werte geschrieben sind (diese neu erstellen).',
    reportingDate: 'Stichtag',
    reportingHint: (p: string) => `leer: letzte abgeschlossene Periode (${p})`,
    tooFew: 'zu wenige',
    toDate: 'bisher',
    incomplete: 'unvollständig',
    headers: ['Perspektive', 'Kennzahl', 'Periode', 'Ist', 'Vorperiode', 'Basiswert', 'Einheit', 'Ziel', 'Richtung', 'Abweichung', 'Status', 'Verlauf', 'n', 'KI unten', 'KI oben', 'Definition'],
    perspective: { strategic: 'Strategisch', operational: 'Operativ' },
    direction: { higher: 'höher', lower: 'niedriger' },
    unit: { share: '%', points: 'Punkte', hours: 'Stunden', seconds: 'Sekunden', count: 'Anzahl', money: 'Betrag', number: 'Zahl' },
    expected: 'Erwartete Attribute',
    contactSection: 'Contact-Center',
    sources: 'Verwendete Daten',
    sourceHeaders: ['Rolle', 'Blatt', 'Spalte'],
    values: 'als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen',
    valuesText: (header: string) => `als Werte geschrieben (die Spalte ${quote(header, 'de')} enthält Text, den normale Formeln nicht lesen); zum Aktualisieren neu erstellen`,
    periodNames: { week: 'Woche', month: 'Monat', quarter: 'Quartal', year: 'Jahr' },
    renamed: (wanted: string, name: string) => `Ein Blatt ${quote(wanted, 'de')} gibt es schon, und es ist keine Scorecard von uns: Es bleibt unverändert, die Scorecard kommt auf ${quote(name, 'de')}.`,
    replaced: (name: string) => `Die bisherige Scorecard ${quote(name, 'de')} wurde ersetzt.`,
    keptTargets: (names: string) => `Die auf der bisherigen Scorecard eingetragenen Ziele wurden übernommen: ${names}.`,
    automatic: 'automatisch',
    keptReportingDate: (sheet: string, settings: string) => `Der auf der bisherigen Scorecard eingetragene Stichtag (${sheet}) wurde statt dem der Einstellungen (${settings}) übernommen. Um den Stichtag der Einstellungen zu verwenden, ihn dort erneut ändern oder auf der Scorecard eintragen.`,
    unreadableReportingDate: (typed: string, used: string) => `Der Stichtag der bisherigen Scorecard enthielt ${quote(typed, 'de')}, kein Datum (wie 2026-10-31); stattdessen wurde der Stichtag der Einstellungen eingetragen (${used}).`,
    toDateNote: (p: string, periods: string, cell: string) => `Keine abgeschlossene Periode (${p}) enthält Daten: Die Daten enden vor dem letzten Tag von ${periods}, daher zeigen die Kennzahlen darüber den bisherigen Stand, markiert mit „(bisher)“, und den Status „unvollständig“ statt einer Farbe (die Werte können sich noch ändern). Ein Stichtag an ihrem letzten Tag (in ${cell}, im Feld Stichtag der Seitenleiste oder mit --as-of in der Befehlszeile) weist sie als abgeschlossen aus.`,
    noCompletePeriod: (p: string, cell: string) => `Alle Kennzahlen sind leer: Die letzte Periode der Daten (${p}) ist noch nicht abgeschlossen, und keine frühere enthält Daten. Um sie bis zum letzten Datum auszuweisen, einen Stichtag am oder nach dem letzten Tag der Daten eintragen (in ${cell}, im Feld Stichtag der Seitenleiste oder mit --as-of in der Befehlszeile).`,
    missing: (name: string, roles: string) => `${name}: nicht angezeigt, dafür fehlen Spalten für ${roles}.`,
    noSheet: (name: string, sheet: string) => `${name}: nicht angezeigt, das Blatt ${quote(sheet, 'de')} hat keine Datentabelle.`,
    noColumn: (name: string, sheet: string, column: number) => `${name}: nicht angezeigt, Spalte ${column} liegt außerhalb der Datentabelle des Blatts ${quote(sheet, 'de')}.`,
    asValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben (keine normale Formel); zum Aktualisieren neu erstellen.`,
    textData: (names: string, c: UnreadableColumn) => `Portabler Modus: ${names} als Werte geschrieben, weil die Spalte ${columnText('de', c)} enthält, was normale Formeln nicht lesen; mit echten Datumswerten und einfachen Zahlen dort gibt es Formeln. Zum Aktualisieren neu erstellen.`,
    frozenDates: (columns: string) => `Die Datumsangaben in ${columns} sind Text, den normale Formeln nicht lesen: Der Berichtszeitraum zählt sie so, wie sie beim Erstellen waren (einen Stichtag eintragen oder echte Datumswerte speichern, damit er weitergeht).`,
    logValues: (names: string) => `Portabler Modus: ${names} als Werte geschrieben: Sie gehen ein Protokoll durch (Statuswechsel oder Nachrichten je Ticket oder ein Ereignisprotokoll mit einer Zeile je Ticket), was keine normale Formel kann; zum Aktualisieren neu erstellen.`,
    eventLog: (sheet: string, rows: number, tickets: number, id: string, time: string | undefined) =>
      `Das Blatt ${quote(sheet, 'de')} wiederholt seine Ticketnummern (${quote(id, 'de')}): ${rows} Zeilen für ${tickets} Tickets, ein Ereignisprotokoll. Ticket-Kennzahlen darauf zählen jedes Ticket einmal: seine letzte Zeile${time ? ` nach ${quote(time, 'de')}` : ' im Blatt'} (sein aktueller Stand), mit dem Eröffnungsdatum seiner ersten Zeile.`,
    notALog: (name: string, sheet: string, rows: number) => `${name}: nicht angezeigt, das Blatt ${quote(sheet, 'de')} hat eine Zeile je Ticket (${rows} Zeilen, keine Ticketnummer wiederholt sich), also keinen Status- oder Nachrichtenverlauf.`,
    statusLists: (sheet: string, rows: number, tickets: number, resolved: string, pause: string, how: string) => `Statusprotokoll ${quote(sheet, 'de')} (${rows} Zeilen für ${tickets} Tickets): gelöst = ${resolved}; Pause (die SLA-Uhr steht) = ${pause} – ${how}. Ändern in der Seitenleiste oder mit --resolved-statuses und --pause-statuses.`,
    messageLog: (sheet: string, rows: number, tickets: number) => `Nachrichtenprotokoll ${quote(sheet, 'de')}: ${rows} Nachrichten von ${tickets} Tickets.`,
    logJoin: (sheet: string, j: LogJoin) => j.matched === j.tickets
      ? `Protokoll ${quote(sheet, 'de')} passt über ${quote(j.tableIds.header, 'de')} zur Tickettabelle ${quote(j.table, 'de')}: alle ${j.tickets} Tickets stehen darin.`
      : `Protokoll ${quote(sheet, 'de')} und Tickettabelle ${quote(j.table, 'de')} (über ${quote(j.tableIds.header, 'de')}): ${j.matched} der ${j.tickets} Tickets des Protokolls stehen in der Tabelle, ${j.tickets - j.matched} nicht (${j.missing.map((m) => quote(m, 'de')).join(', ')}${j.tickets - j.matched > j.missing.length ? ' …' : ''}). Die Protokoll-Kennzahlen zählen sie alle, die Ticket-Kennzahlen nicht, beide erfassen also verschiedene Tickets${j.matched === 0 ? ' (keine ID passt: das Protokoll bezeichnet seine Tickets wohl anders, etwa mit einer internen ID)' : ''}.`,
    logDated: (names: string, d: LogDating) => {
      const parts: string[] = [];
      if (d.missing > 0) parts.push(`${d.missing} stehen nicht in der Tabelle (${d.missingIds.map((m) => quote(m, 'de')).join(', ')}${d.missing > d.missingIds.length ? ' …' : ''})`);
      if (d.undated > 0) parts.push(`${d.undated} haben ein leeres ${quote(d.header, 'de')}`);
      const text = d.textDated > 0 ? ` ${d.textDated} enthalten dort Text, der kein Datum ist (etwa ${quote(d.textExample ?? '', 'de')}): sie liegen in keinem Zeitraum, da Datumsargumente solchen Text überspringen; ihre Daten eintragen oder die Zellen leeren.` : '';
      return `${names} (Protokoll ${quote(d.log, 'de')}): gezählt im Zeitraum von ${quote(d.header, 'de')} jedes Tickets in der Tickettabelle ${quote(d.table, 'de')}, wie die Ticket-Kennzahlen Tickets zählen. `
        + (parts.length > 0 ? `Von den ${d.tickets} Tickets des Protokolls ${parts.join(' und ')}: sie bleiben im Zeitraum ihrer ersten Protokollzeile.` : d.textDated === 0 ? `Alle ${d.tickets} Tickets des Protokolls haben dort ein Datum.` : `Von den ${d.tickets} Tickets des Protokolls:`) + text;
    },
    statusHow: {
      names: 'aus den Statusnamen', codes: 'aus den Statuscodes von ServiceNow (1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled)',
      ending: 'kein Statusname sagt gelöst, daher gilt der Status als gelöst, in dem die meisten Tickets enden', manager: 'wie von Ihnen angegeben', none: 'keine gefunden',
    },
    noneListed: 'keine',
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
