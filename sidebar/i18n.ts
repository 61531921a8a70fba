/**
 * The sidebar's texts in English and German. The host's language (HostBridge.language()) picks
 * the table; `{name}` placeholders are filled by `t`. Values filled in may come from the workbook,
 * so the result is always inserted as text, never as markup.
 */
import { ROLE_GROUPS as CORE_ROLE_GROUPS, rolesOf } from '../core/scorecard/roles.js';
import type { PeriodName, Role, RoleGroup } from '../core/scorecard/types.js';

export type Lang = 'en' | 'de';

const EN = {
  title: 'KPI scorecard',
  intro: 'Check what each column holds, set your targets, then generate the scorecard.',
  loading: 'Reading the workbook…',
  loadFailed: 'The workbook could not be read: {message}',
  restored: 'Settings restored from this workbook.',
  settingsUnreadable: 'The saved settings could not be read; starting from the detected columns.',

  columnsTitle: 'Columns',
  columnsHint: 'Change any role that is wrong; “—” means the column is not used.',
  columnsNone: 'No data tables found. Put a header row above your data and open the sidebar again.',
  noHeader: '(no header)',
  rows: '{count} rows',
  roleOf: 'Role of column',
  roleNone: '—',
  detected: 'detected {percent}',
  unsure: 'unsure {percent}',
  manager: 'set by you',
  sample: 'e.g. {value}',

  kpisTitle: 'KPIs on the scorecard',
  kpisHint: 'Untick a KPI to leave it out. Empty target: no status colour yet.',
  kpisNone: 'No KPI can be computed from the columns as assigned.',
  target: 'Target',
  targetFor: 'Target for {name}',
  direction: 'Direction',
  directionFor: 'Direction for {name}',
  higher: 'higher is better',
  lower: 'lower is better',
  strategic: 'strategic',
  operational: 'operational',
  missingTitle: 'Not available ({count})',
  needs: 'needs {roles}',

  optionsTitle: 'Options',
  period: 'Reporting period',
  week: 'Week',
  month: 'Month',
  quarter: 'Quarter',
  year: 'Year',
  portable: 'Portable formulas',
  portableHint: 'Uses built-in spreadsheet functions where possible, so colleagues without the add-on see the numbers.',
  slaHours: 'SLA target (hours)',
  serviceLevelSeconds: 'Service level: answered within (seconds)',
  brand: 'Brand attributes',
  brandHint: 'Separate them with commas, e.g. friendly, fast, reliable.',
  reportingDate: 'Reporting date',
  reportingDateHint: 'Actual is the latest period complete on this day, e.g. 2026-10-31. Empty: the latest complete period with enough data. It can also be changed on the scorecard.',
  minAnswers: 'Fewest answers for a status (surveys, CSAT per agent)',
  minTickets: 'Fewest tickets for a status',
  minimumHint: 'A period with fewer shows “too few (n)” instead of a colour; 0: no minimum.',
  pauseStatuses: 'Pause statuses (status log)',
  pauseHint: 'Statuses that stop the SLA clock, separated by commas. Blank: found from the status names (pending, waiting for customer, on hold, wartet auf Kunde …); “none” for no pause.',
  resolvedStatuses: 'Resolved statuses (status log)',
  resolvedHint: 'Statuses that mean resolved, separated by commas. Blank: found from the status names (solved, resolved, closed, gelöst …).',
  language: 'Scorecard language',
  english: 'English',
  german: 'German',

  generate: 'Generate scorecard',
  stepStart: 'Starting…',
  stepRead: 'Reading the data…',
  stepPlan: 'Computing the KPIs…',
  stepWrite: 'Writing the scorecard…',
  stepDone: 'Done',
  progressLabel: 'Progress',
  resultOne: 'Scorecard {sheet} created with 1 KPI.',
  resultMany: 'Scorecard {sheet} created with {count} KPIs.',
  notes: 'Notes',
  failed: 'The scorecard could not be created: {message}',
  fixFields: 'Please correct the marked fields first.',
  noKpis: 'Switch on at least one KPI first.',
  notLoaded: 'The workbook has not been read yet.',

  errNumber: 'Enter a number, e.g. {example}.',
  errSla: 'Enter the SLA in hours, more than 0.',
  errServiceLevel: 'Enter the seconds within which a call counts as answered in time: more than 0, at most 3600.',
  errDate: 'Enter a date such as 2026-10-31, or leave the field empty.',
  errMinimum: 'Enter a whole number from 0 to {max}.',
  errSave: 'Settings could not be saved: {message}',
  errUnknown: 'unknown error',
};

export type MessageKey = keyof typeof EN;

const DE: Record<MessageKey, string> = {
  title: 'KPI-Scorecard',
  intro: 'Prüfen Sie, was jede Spalte enthält, setzen Sie Ihre Ziele und erstellen Sie dann die Scorecard.',
  loading: 'Arbeitsmappe wird gelesen …',
  loadFailed: 'Die Arbeitsmappe konnte nicht gelesen werden: {message}',
  restored: 'Einstellungen aus dieser Arbeitsmappe übernommen.',
  settingsUnreadable: 'Die gespeicherten Einstellungen waren nicht lesbar; es gelten die erkannten Spalten.',

  columnsTitle: 'Spalten',
  columnsHint: 'Ändern Sie jede falsche Rolle; „—“ heißt, die Spalte wird nicht verwendet.',
  columnsNone: 'Keine Datentabellen gefunden. Setzen Sie eine Kopfzeile über Ihre Daten und öffnen Sie die Seitenleiste erneut.',
  noHeader: '(ohne Überschrift)',
  rows: '{count} Zeilen',
  roleOf: 'Rolle der Spalte',
  roleNone: '—',
  detected: 'erkannt {percent}',
  unsure: 'unsicher {percent}',
  manager: 'von Ihnen gesetzt',
  sample: 'z. B. {value}',

  kpisTitle: 'Kennzahlen auf der Scorecard',
  kpisHint: 'Entfernen Sie das Häkchen, um eine Kennzahl wegzulassen. Ohne Ziel gibt es noch keine Ampelfarbe.',
  kpisNone: 'Mit den zugeordneten Spalten lässt sich keine Kennzahl berechnen.',
  target: 'Ziel',
  targetFor: 'Ziel für {name}',
  direction: 'Richtung',
  directionFor: 'Richtung für {name}',
  higher: 'höher ist besser',
  lower: 'niedriger ist besser',
  strategic: 'strategisch',
  operational: 'operativ',
  missingTitle: 'Nicht verfügbar ({count})',
  needs: 'braucht {roles}',

  optionsTitle: 'Optionen',
  period: 'Berichtszeitraum',
  week: 'Woche',
  month: 'Monat',
  quarter: 'Quartal',
  year: 'Jahr',
  portable: 'Portable Formeln',
  portableHint: 'Nutzt wo möglich eingebaute Tabellenfunktionen, damit Kolleginnen und Kollegen ohne Add-on die Zahlen sehen.',
  slaHours: 'SLA-Ziel (Stunden)',
  serviceLevelSeconds: 'Servicelevel: angenommen innerhalb (Sekunden)',
  brand: 'Markenattribute',
  brandHint: 'Durch Kommas getrennt, z. B. freundlich, schnell, zuverlässig.',
  reportingDate: 'Stichtag',
  reportingDateHint: 'Ist ist die letzte an diesem Tag abgeschlossene Periode, z. B. 31.10.2026. Leer: die letzte abgeschlossene Periode mit genug Daten. Auch auf der Scorecard änderbar.',
  minAnswers: 'Mindestzahl Antworten für einen Status (Umfragen, CSAT je Agent)',
  minTickets: 'Mindestzahl Tickets für einen Status',
  minimumHint: 'Eine Periode mit weniger zeigt „zu wenige (n)“ statt einer Farbe; 0: kein Minimum.',
  pauseStatuses: 'Pausenstatus (Statusprotokoll)',
  pauseHint: 'Status, die die SLA-Uhr anhalten, durch Kommas getrennt. Leer: aus den Statusnamen (wartet auf Kunde, pending, on hold …); „keine“ für keine Pause.',
  resolvedStatuses: 'Gelöst-Status (Statusprotokoll)',
  resolvedHint: 'Status, die gelöst bedeuten, durch Kommas getrennt. Leer: aus den Statusnamen (gelöst, geschlossen, solved, closed …).',
  language: 'Sprache der Scorecard',
  english: 'Englisch',
  german: 'Deutsch',

  generate: 'Scorecard erstellen',
  stepStart: 'Wird gestartet …',
  stepRead: 'Daten werden gelesen …',
  stepPlan: 'Kennzahlen werden berechnet …',
  stepWrite: 'Scorecard wird geschrieben …',
  stepDone: 'Fertig',
  progressLabel: 'Fortschritt',
  resultOne: 'Scorecard {sheet} mit 1 Kennzahl erstellt.',
  resultMany: 'Scorecard {sheet} mit {count} Kennzahlen erstellt.',
  notes: 'Hinweise',
  failed: 'Die Scorecard konnte nicht erstellt werden: {message}',
  fixFields: 'Bitte korrigieren Sie zuerst die markierten Felder.',
  noKpis: 'Bitte schalten Sie mindestens eine Kennzahl ein.',
  notLoaded: 'Die Arbeitsmappe wurde noch nicht gelesen.',

  errNumber: 'Geben Sie eine Zahl ein, z. B. {example}.',
  errSla: 'Geben Sie das SLA in Stunden an, größer als 0.',
  errServiceLevel: 'Geben Sie die Sekunden an, innerhalb derer ein Anruf rechtzeitig angenommen ist: größer als 0, höchstens 3600.',
  errDate: 'Geben Sie ein Datum wie 31.10.2026 ein, oder lassen Sie das Feld leer.',
  errMinimum: 'Geben Sie eine ganze Zahl von 0 bis {max} ein.',
  errSave: 'Die Einstellungen konnten nicht gespeichert werden: {message}',
  errUnknown: 'unbekannter Fehler',
};

const TABLES: Record<Lang, Record<MessageKey, string>> = { en: EN, de: DE };

/** The message `key` in `lang`, with `{name}` placeholders replaced by `params[name]`. */
export function t(lang: Lang, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole);
}

const ROLE_LABELS: Record<Role, { en: string; de: string }> = {
  surveyDate: { en: 'Survey date', de: 'Umfragedatum' },
  npsScore: { en: 'NPS score (0–10)', de: 'NPS-Wert (0–10)' },
  satisfaction: { en: 'Satisfaction (CSAT)', de: 'Zufriedenheit (CSAT)' },
  comment: { en: 'Comment', de: 'Kommentar' },
  effortScore: { en: 'Customer effort (CES)', de: 'Kundenaufwand (CES)' },
  surveySent: { en: 'Survey sent', de: 'Umfrage versendet' },
  ticketId: { en: 'Ticket ID', de: 'Ticket-Nr.' },
  ticketOpened: { en: 'Ticket opened', de: 'Ticket eröffnet' },
  firstResponse: { en: 'First response', de: 'Erste Antwort' },
  ticketResolved: { en: 'Ticket resolved', de: 'Ticket gelöst' },
  agent: { en: 'Agent', de: 'Bearbeiter' },
  team: { en: 'Team', de: 'Team' },
  channel: { en: 'Channel', de: 'Kanal' },
  customerId: { en: 'Customer ID', de: 'Kunden-ID' },
  converted: { en: 'Converted (yes/no)', de: 'Abschluss (ja/nein)' },
  firstContactResolved: { en: 'Resolved at first contact', de: 'Beim Erstkontakt gelöst' },
  reopened: { en: 'Reopened', de: 'Wieder geöffnet' },
  complaint: { en: 'Complaint', de: 'Beschwerde' },
  firstResponseTime: { en: 'First response time (duration)', de: 'Erstreaktionszeit (Dauer)' },
  resolutionTime: { en: 'Resolution time (duration)', de: 'Lösungszeit (Dauer)' },
  reopenCount: { en: 'Reopen count', de: 'Anzahl Wiedereröffnungen' },
  slaMet: { en: 'SLA met (yes/no)', de: 'SLA eingehalten (ja/nein)' },
  callDate: { en: 'Call date (or interval start)', de: 'Anrufdatum (oder Intervallbeginn)' },
  callWait: { en: 'Wait in queue', de: 'Wartezeit in der Warteschlange' },
  callAnswered: { en: 'Answered (yes/no)', de: 'Angenommen (ja/nein)' },
  talkTime: { en: 'Talk time', de: 'Gesprächszeit' },
  holdTime: { en: 'Hold time', de: 'Haltezeit' },
  wrapTime: { en: 'After-call work', de: 'Nachbearbeitung' },
  handleTime: { en: 'Handle time', de: 'Bearbeitungszeit' },
  callsOffered: { en: 'Calls offered', de: 'Angebotene Anrufe' },
  callsAnswered: { en: 'Calls answered', de: 'Angenommene Anrufe' },
  callsAbandoned: { en: 'Calls abandoned', de: 'Abgebrochene Anrufe' },
  avgAnswerTime: { en: 'Average speed of answer (per day/interval)', de: 'Mittlere Annahmezeit (je Tag/Intervall)' },
  avgHandleTime: { en: 'Average handle time (per day/interval)', de: 'Mittlere Bearbeitungszeit (je Tag/Intervall)' },
  serviceLevelShare: { en: 'Service level % (per day/interval)', de: 'Servicelevel % (je Tag/Intervall)' },
  logTime: { en: 'Time of the change or message', de: 'Zeitpunkt der Änderung oder Nachricht' },
  logStatus: { en: 'Status (entered at that time)', de: 'Status (ab diesem Zeitpunkt)' },
  logAuthor: { en: 'Author (customer, agent, note)', de: 'Verfasser (Kunde, Mitarbeiter, Notiz)' },
  orderDate: { en: 'Order date', de: 'Bestelldatum' },
  orderAmount: { en: 'Order amount', de: 'Bestellbetrag' },
  orderProfit: { en: 'Order profit', de: 'Gewinn der Bestellung' },
  unitsSold: { en: 'Units sold', de: 'Verkaufte Stück' },
  unitsReturned: { en: 'Units returned', de: 'Zurückgegebene Stück' },
  periodDate: { en: 'Period (month)', de: 'Zeitraum (Monat)' },
  customersStart: { en: 'Customers at start', de: 'Kunden zu Beginn' },
  customersEnd: { en: 'Customers at end', de: 'Kunden am Ende' },
  customersNew: { en: 'New customers', de: 'Neue Kunden' },
  customersLost: { en: 'Lost customers', de: 'Verlorene Kunden' },
  headcountStart: { en: 'Headcount at start', de: 'Beschäftigte zu Beginn' },
  headcountEnd: { en: 'Headcount at end', de: 'Beschäftigte am Ende' },
  separations: { en: 'Leavers', de: 'Abgänge' },
  hires: { en: 'Hires', de: 'Einstellungen' },
  cashIn: { en: 'Cash in', de: 'Einzahlungen' },
  cashOut: { en: 'Cash out', de: 'Auszahlungen' },
  churned: { en: 'Customer churned (yes/no)', de: 'Kunde abgewandert (ja/nein)' },
  employeeLeft: { en: 'Employee left (yes/no)', de: 'Mitarbeiter ausgeschieden (ja/nein)' },
  competitorName: { en: 'Competitor', de: 'Wettbewerber' },
  competitorNps: { en: 'Competitor NPS', de: 'NPS des Wettbewerbers' },
  competitorCsat: { en: 'Competitor CSAT', de: 'CSAT des Wettbewerbers' },
  competitorResolution: { en: 'Competitor resolution time', de: 'Lösungszeit des Wettbewerbers' },
};

export function roleLabel(lang: Lang, role: Role): string {
  return ROLE_LABELS[role][lang];
}

const GROUP_LABELS: Record<RoleGroup, { en: string; de: string }> = {
  surveys: { en: 'Surveys', de: 'Umfragen' },
  tickets: { en: 'Tickets', de: 'Tickets' },
  calls: { en: 'Calls', de: 'Anrufe' },
  logs: { en: 'Status and message logs', de: 'Status- und Nachrichtenprotokolle' },
  orders: { en: 'Orders', de: 'Bestellungen' },
  monthly: { en: 'Monthly figures', de: 'Monatszahlen' },
  lists: { en: 'Customer and staff lists', de: 'Kunden- und Mitarbeiterlisten' },
  competitors: { en: 'Competitors', de: 'Wettbewerb' },
};

/** The role picker's option groups: the core's role groups, in its order, with their labels. */
export const ROLE_GROUPS: readonly { readonly label: { en: string; de: string }; readonly roles: readonly Role[] }[] =
  CORE_ROLE_GROUPS.map((g) => ({ label: GROUP_LABELS[g], roles: rolesOf(g) }));

export const PERIOD_KEYS: Readonly<Record<PeriodName, MessageKey>> = {
  week: 'week', month: 'month', quarter: 'quarter', year: 'year',
};

/** Progress steps the hosts report (unknown steps are shown as the host wrote them). */
const STEP_KEYS: Readonly<Record<string, MessageKey>> = {
  start: 'stepStart', read: 'stepRead', plan: 'stepPlan', write: 'stepWrite', done: 'stepDone',
};

export function stepText(lang: Lang, step: string): string {
  const key = STEP_KEYS[step];
  return key ? t(lang, key) : step;
}

/** A number as the manager types it in `lang` (decimal comma in German), without grouping. */
export function formatInputNumber(lang: Lang, value: number): string {
  // 12 significant digits hide binary noise such as 0.573 × 100 = 57.29999999999999.
  const text = String(Number(value.toPrecision(12)));
  return lang === 'de' ? text.replace('.', ',') : text;
}

/** A percentage for display (confidence): whole percent. */
export function formatPercent(lang: Lang, fraction: number): string {
  const whole = Math.round(fraction * 100);
  return lang === 'de' ? `${whole} %` : `${whole}%`;
}
