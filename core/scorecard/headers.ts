/**
 * The header-name vocabulary of column detection, as data: per role the English and German names
 * people give such a column, the kind of sheet it lives on and the values it must hold.
 *
 * Phrases are compared word by word after folding case, accents (ä → ae, ß → ss), punctuation and
 * word order away, and a word also matches inside a German compound (`Monatsanfang` holds
 * `Anfang`). A phrase's first character says how much it counts:
 *
 *   `=Phrase`  the role's own name                                   (strength 1.0)
 *   `Phrase`   a synonym                                             (strength 0.9)
 *   `~Phrase`  a generic word that means this role only on a sheet of the role's kind
 *              (`Date` is the survey date on a survey sheet, the order date on an orders sheet)
 *                                                                    (strength 0.75)
 *   `?Phrase`  a word shared by a staff role and a customer role (`Abgänge`, `Kündigungen`): the
 *              words around it decide (GROUP_WORDS in the header itself, its neighbours, the sheet)
 *                                                                    (strength 0.9)
 */
import type { Role } from './types.js';

/** What a sheet holds, from its name and its columns. */
export type SheetKind = 'survey' | 'tickets' | 'log' | 'calls' | 'intervals' | 'orders' | 'monthly' | 'list' | 'competitors';

/** The values a role's column must hold (checked on the outline's samples). */
export type ValueType =
  | 'date' // dates and times
  | 'period' // dates or month labels (2026-03, März 2026)
  | 'nps' // whole scores 0–10
  | 'rating' // small-scale ratings (1–5, 1–7, 0–10, halves allowed)
  | 'text' // free text
  | 'id' // identifiers: text or numbers
  | 'name' // names: text
  | 'flag' // yes/no: TRUE/FALSE, 1/0, yes/no, ja/nein, x
  | 'flagOrCount' // a flag per row or a count per period
  | 'count' // non-negative numbers, usually whole
  | 'amount' // money, any sign
  | 'points' // NPS points −100…100
  | 'share' // a share 0–1 or a percentage 0–100
  | 'hours' // a non-negative duration
  | 'duration' // durations: non-negative numbers in a unit, time values (0:02:14 cells), or duration text (3h 20m)
  | 'status' // status names (short text) or status codes (small whole numbers)
  | 'author'; // author words: customer, agent, note (core/kpis/log-words.ts)

/** Staff and customer roles share words (`Abgänge`, `Start`): these words tell them apart. */
export type Group = 'staff' | 'customers';

export interface RoleWords {
  readonly kinds: readonly SheetKind[];
  readonly type: ValueType;
  readonly group?: Group;
  readonly en: readonly string[];
  readonly de: readonly string[];
}

export const ROLE_WORDS: Readonly<Record<Role, RoleWords>> = {
  // ---------------------------------------------------------------- surveys
  surveyDate: {
    kinds: ['survey'], type: 'date',
    en: ['=Survey date', 'Response date', 'Submitted at', 'Answered at', 'Completion date', 'Submission date', 'Date submitted', '~Date', '~Timestamp', '~Day'],
    de: ['Umfragedatum', 'Antwortdatum', 'Befragungsdatum', 'Beantwortet am', '~Datum', '~Zeitstempel', '~Tag'],
  },
  npsScore: {
    kinds: ['survey'], type: 'nps',
    en: ['=NPS', 'Net Promoter Score', 'NPS score', 'Likelihood to recommend', 'Recommend', 'Recommendation', '~Score'],
    de: ['Weiterempfehlung', 'Empfehlung', 'Weiterempfehlungsbereitschaft', 'Empfehlungsbereitschaft', '~Punkte', '~Punktzahl'],
  },
  satisfaction: {
    kinds: ['survey', 'tickets', 'calls'], type: 'rating',
    en: ['=CSAT', 'Satisfaction', 'Customer satisfaction', 'Satisfaction score', 'Rating', '~Stars'],
    de: ['Zufriedenheit', 'Kundenzufriedenheit', 'Bewertung', '~Sterne', '~Note'],
  },
  comment: {
    kinds: ['survey'], type: 'text',
    en: ['=Comment', 'Comments', 'Feedback', 'Verbatim', 'Free text', 'Open answer', 'Review', 'Reviews', 'Review text', 'Verified reviews'],
    de: ['Kommentar', 'Kommentare', 'Anmerkung', 'Anmerkungen', 'Rückmeldung', 'Freitext', 'Rezension', 'Bewertungstext'],
  },
  effortScore: {
    kinds: ['survey'], type: 'rating',
    en: ['=CES', 'Customer effort', 'Customer effort score', 'Effort', 'Effort score', 'Ease of resolution', 'Easy to handle'],
    de: ['Kundenaufwand', 'Aufwand', 'Aufwandswert', 'Kundenaufwandswert', 'Einfachheit'],
  },
  surveySent: {
    kinds: ['survey'], type: 'date',
    en: ['=Survey sent', 'Sent', 'Sent at', 'Sent date', 'Invited', 'Invited at', 'Invitation date', 'Invitation sent'],
    de: ['Umfrage versendet', 'Versendet', 'Versandt', 'Gesendet am', 'Versanddatum', 'Einladung', 'Eingeladen am', 'Einladungsdatum'],
  },

  // ---------------------------------------------------------------- tickets
  ticketId: {
    // Repeated ids make a table an event log (one row per update): see detect-log.ts and the plan.
    kinds: ['tickets', 'log'], type: 'id',
    en: ['=Ticket ID', 'Ticket number', 'Ticket no', 'Ticket key', 'Case ID', 'Case number', 'Incident number', 'Incident ID',
      'Issue key', 'Issue ID', 'Conversation ID', 'Documentkey', 'Document key', '~Ticket', '~Number', '~Case', '~Incident', '~Key', '~ID'],
    de: ['Ticketnummer', 'Ticket-Nr', 'Ticket-ID', 'Vorgangsnummer', 'Vorgangs-ID', 'Fallnummer', 'Fall-ID', 'Meldungsnummer',
      'Konversations-ID', '~Nummer', '~Vorgang', '~Fall'],
  },
  ticketOpened: {
    kinds: ['tickets'], type: 'date',
    en: ['=Opened', 'Created', 'Created at', 'Opened at', 'Open date', 'Open time', 'Creation date', 'Received', 'Reported', 'Submitted', '~Date'],
    de: ['Eröffnet', 'Erstellt', 'Angelegt', 'Erstelldatum', 'Eröffnungsdatum', 'Eingang', 'Eingangsdatum', 'Eingegangen', 'Gemeldet', '~Datum'],
  },
  firstResponse: {
    kinds: ['tickets'], type: 'date',
    en: ['=First response', 'First reply', 'First response at', 'First answer', 'Responded at'],
    de: ['Erste Antwort', 'Erstreaktion', 'Erstantwort', 'Erste Reaktion', 'Reaktion am'],
  },
  ticketResolved: {
    kinds: ['tickets'], type: 'date',
    en: ['=Resolved', 'Solved', 'Closed', 'Resolution date', 'Close date', 'Completed', 'Done'],
    de: ['Gelöst', 'Erledigt', 'Geschlossen', 'Abgeschlossen', 'Lösungsdatum', 'Schließdatum', 'Behoben'],
  },
  agent: {
    kinds: ['tickets', 'calls'], type: 'name',
    en: ['=Agent', 'Assignee', 'Assigned to', 'Owner', 'Handled by', 'Support agent', 'Employee'],
    de: ['Bearbeiter', 'Bearbeiterin', 'Mitarbeiter', 'Mitarbeiterin', 'Sachbearbeiter', 'Zuständig'],
  },
  team: {
    kinds: ['tickets'], type: 'name',
    en: ['=Team', 'Group', 'Queue', 'Department'],
    de: ['Gruppe', 'Abteilung', 'Bereich', 'Warteschlange'],
  },
  channel: {
    kinds: ['tickets', 'orders', 'survey'], type: 'name',
    en: ['=Channel', 'Source', 'Medium', 'Contact channel', 'Via'],
    de: ['Kanal', 'Quelle', 'Eingangskanal', 'Kontaktkanal'],
  },
  customerId: {
    kinds: ['tickets', 'orders', 'survey'], type: 'id',
    en: ['=Customer ID', 'Customer', 'Customer number', 'Client', 'Client ID', 'Account', 'Requester'],
    de: ['Kunde', 'Kunden-ID', 'Kundennummer', 'Kunden-Nr', 'Kundin', 'Kundenkonto', 'Auftraggeber'],
  },
  converted: {
    kinds: ['tickets'], type: 'flag',
    en: ['=Converted', 'Conversion', 'Won', 'Purchased'],
    de: ['Konvertiert', 'Konversion', 'Abschluss', 'Gekauft'],
  },
  firstContactResolved: {
    kinds: ['tickets'], type: 'flag',
    en: ['=FCR', '=First contact resolution', 'First contact resolved', 'Resolved on first contact', 'Solved on first contact', 'One touch'],
    de: ['Erstlösung', 'Erstkontaktlösung', 'Beim ersten Kontakt gelöst', 'Im ersten Kontakt gelöst', 'Sofort gelöst'],
  },
  reopened: {
    kinds: ['tickets'], type: 'flag',
    en: ['=Reopened', 'Re-opened', 'Reopen'],
    de: ['Wiedereröffnet', 'Wieder geöffnet', 'Erneut geöffnet'],
  },
  complaint: {
    kinds: ['tickets', 'monthly'], type: 'flagOrCount',
    en: ['=Complaint', 'Complaints'],
    de: ['Beschwerde', 'Beschwerden', 'Reklamation', 'Reklamationen'],
  },

  firstResponseTime: {
    kinds: ['tickets'], type: 'duration',
    en: ['=First response time', 'First reply time', 'Time to first response', 'Time to first reply', 'First response duration', 'Time to first agent reply'],
    de: ['Erstreaktionszeit', 'Erstantwortzeit', 'Zeit bis zur ersten Antwort', 'Zeit bis zur ersten Reaktion', 'Erste Antwortzeit'],
  },
  resolutionTime: {
    kinds: ['tickets'], type: 'duration',
    en: ['=Resolution time', 'Full resolution time', 'Time to resolution', 'Time to resolve', 'Time to close', 'Handling time', 'Resolution duration'],
    de: ['Lösungszeit', 'Lösungsdauer', 'Bearbeitungsdauer', 'Zeit bis zur Lösung', 'Zeit bis zum Schließen'],
  },
  reopenCount: {
    kinds: ['tickets'], type: 'count',
    en: ['=Reopens', 'Reopen count', 'Times reopened', 'Number of reopens'],
    de: ['Wiedereröffnungen', 'Anzahl Wiedereröffnungen'],
  },
  slaMet: {
    kinds: ['tickets'], type: 'flag',
    en: ['=SLA met', 'Made SLA', 'Within SLA', 'SLA achieved', 'Met SLA', 'Timely response', 'SLA status'],
    de: ['SLA erfüllt', 'SLA eingehalten', 'Innerhalb SLA', 'Fristgerecht'],
  },

  // ---------------------------------------------------------------- calls
  // Per call (Asterisk CDR, the PwC call-centre workbook) and per day or interval (Amazon Connect,
  // Genesys performance views, daily KPI exports): test/fixtures/real/header-vocabulary.md §12.
  callDate: {
    kinds: ['calls', 'intervals'], type: 'date',
    en: ['=Call date', 'Call time', 'Call start', 'Call started', 'Start time', 'calldate', 'Interval start', 'Start interval', 'Interval', 'Enter queue', '~Date', '~Day', '~Timestamp', '~Start', '~Time'],
    de: ['Anrufdatum', 'Anrufzeit', 'Anrufbeginn', 'Gesprächsbeginn', 'Intervallbeginn', 'Intervallstart', 'Intervall', '~Datum', '~Tag', '~Zeitstempel', '~Beginn', '~Zeit'],
  },
  callWait: {
    kinds: ['calls'], type: 'duration',
    en: ['=Wait time', 'Wait', 'Waiting time', 'Queue time', 'Time in queue', 'Queue wait', 'Queue duration', 'Speed of answer', 'Answer speed', 'Time to answer', 'Hold time in queue'],
    de: ['Wartezeit', 'Wartedauer', 'Zeit in der Warteschlange', 'Warteschlangenzeit', 'Annahmezeit', 'Annahmedauer', 'Zeit bis zur Annahme'],
  },
  callAnswered: {
    kinds: ['calls'], type: 'flag',
    en: ['=Answered', 'Answered (Y/N)', 'Call answered', 'Was answered', 'Answer status', '~Outcome', '~Disposition', '~Call status', '~Status'],
    de: ['Angenommen', 'Anruf angenommen', 'Beantwortet', 'Entgegengenommen', 'Angenommen (J/N)', '~Ergebnis', '~Status'],
  },
  talkTime: {
    kinds: ['calls'], type: 'duration',
    en: ['=Talk time', 'Talk duration', 'Talk', 'Talktime', 'Conversation time', 'Call duration', 'Connected time', 'billsec'],
    de: ['Gesprächszeit', 'Gesprächsdauer', 'Sprechzeit', 'Anrufdauer', 'Telefonzeit'],
  },
  holdTime: {
    kinds: ['calls'], type: 'duration',
    en: ['=Hold time', 'Hold', 'Hold duration', 'On hold', 'Time on hold', 'Customer hold time'],
    de: ['Haltezeit', 'Halten', 'Haltedauer', 'In der Warteschleife gehalten'],
  },
  wrapTime: {
    kinds: ['calls'], type: 'duration',
    en: ['=After-call work', 'ACW', 'After call work time', 'After contact work time', 'Wrap-up', 'Wrap-up time', 'Wrap time', 'Wrapup'],
    de: ['Nachbearbeitung', 'Nachbearbeitungszeit', 'Nacharbeit', 'Nacharbeitszeit'],
  },
  handleTime: {
    kinds: ['calls'], type: 'duration',
    en: ['=Handle time', 'Handling time', 'Handle duration', 'Handled time', 'Total handle time'],
    de: ['Bearbeitungszeit', 'Bearbeitungsdauer', 'Abwicklungszeit', 'Gesamtbearbeitungszeit'],
  },
  callsOffered: {
    kinds: ['intervals'], type: 'count',
    en: ['=Calls offered', 'Offered', 'Offered calls', 'Incoming calls', 'Inbound calls', 'Contacts queued', 'Contacts offered', 'Calls received', 'Total calls', 'Calls entered', 'tasks_entered'],
    de: ['Angebotene Anrufe', 'Angeboten', 'Eingehende Anrufe', 'Eingegangene Anrufe', 'Anrufe eingehend', 'Anrufe gesamt', 'Anrufvolumen'],
  },
  callsAnswered: {
    kinds: ['intervals'], type: 'count',
    en: ['=Calls answered', 'Answered calls', 'Calls handled', 'Handled calls', 'Contacts handled', 'Contacts handled incoming', 'reservations_accepted', '~Answered', '~Handled'],
    de: ['Angenommene Anrufe', 'Beantwortete Anrufe', 'Bearbeitete Anrufe', 'Anrufe angenommen', '~Angenommen'],
  },
  callsAbandoned: {
    kinds: ['intervals'], type: 'count',
    en: ['=Calls abandoned', 'Abandoned calls', 'Abandoned', 'Abandons', 'Contacts abandoned', 'Lost calls', 'tasks_canceled'],
    de: ['Abgebrochene Anrufe', 'Abgebrochen', 'Abbrüche', 'Aufgelegte Anrufe', 'Verlorene Anrufe', 'Anrufe abgebrochen'],
  },
  avgAnswerTime: {
    kinds: ['intervals'], type: 'duration',
    en: ['=Average speed of answer', 'ASA', 'Avg speed of answer', 'Answer speed avg', 'Average answer speed', 'Average queue answer time', 'Avg answer time', 'Average answer time', 'avg_task_acceptance_time'],
    de: ['Durchschnittliche Annahmezeit', 'Mittlere Annahmezeit', 'Annahmezeit Durchschnitt', 'Durchschnittliche Wartezeit bis Annahme'],
  },
  avgHandleTime: {
    kinds: ['intervals'], type: 'duration',
    en: ['=Average handle time', 'AHT', 'Avg handle time', 'Avg handle', 'Average handling time', 'Talk duration avg', 'Avg talk', 'Avg talk time', 'Average talk time'],
    de: ['Durchschnittliche Bearbeitungszeit', 'Mittlere Bearbeitungszeit', 'Bearbeitungszeit Durchschnitt', 'Durchschnittliche Gesprächszeit', 'Mittlere Gesprächsdauer'],
  },
  serviceLevelShare: {
    kinds: ['intervals'], type: 'share',
    en: ['=Service level', 'Service level %', 'Service level percent', 'Service level seconds'],
    de: ['Servicelevel', 'Service-Level', 'Servicelevel %', 'Erreichbarkeit in Sekunden'],
  },

  // ---------------------------------------------------------------- status and message logs
  logTime: {
    kinds: ['log', 'tickets'], type: 'date',
    en: ['=Changed at', 'Update - Timestamp', 'Updated at', 'Update time', 'Changed', 'Change date', 'Event time', 'Status changed at',
      'Sent at', 'Message time', 'Complete timestamp', 'Sys updated at', '~Timestamp', '~Time', '~Created', '~Date'],
    de: ['Geändert am', 'Änderungsdatum', 'Änderungszeitpunkt', 'Aktualisiert am', 'Gesendet am', 'Ereigniszeitpunkt',
      '~Zeitpunkt', '~Zeitstempel', '~Zeit', '~Datum', '~Erstellt'],
  },
  logStatus: {
    kinds: ['log', 'tickets'], type: 'status',
    en: ['=Status', 'New status', '=Status name', 'Ticket status', 'State', 'Incident state', 'New value', 'Changes - New value', 'Newvalue',
      'To string', 'Activity', 'Activity ID', '~Value'],
    de: ['Neuer Status', 'Statusname', 'Zustand', 'Neuer Zustand', 'Neuer Wert', 'Ticketstatus', 'Status neu', '~Aktivität', '~Wert'],
  },
  logAuthor: {
    kinds: ['log', 'tickets'], type: 'author',
    en: ['=Author', 'Author type', 'Sender', 'Sender type', 'From', 'Written by', 'Author role', 'Part author type', '~Role', '~Type'],
    de: ['Verfasser', 'Verfasserin', 'Absender', 'Autor', 'Geschrieben von', '~Rolle', '~Typ', '~Von'],
  },

  // ---------------------------------------------------------------- orders
  orderDate: {
    kinds: ['orders'], type: 'date',
    en: ['=Order date', 'Ordered at', 'Purchase date', 'Invoice date', 'Sale date', '~Date'],
    de: ['Bestelldatum', 'Auftragsdatum', 'Bestellt am', 'Kaufdatum', 'Rechnungsdatum', '~Datum'],
  },
  orderAmount: {
    kinds: ['orders'], type: 'amount',
    en: ['=Amount', 'Order amount', 'Order value', 'Revenue', 'Sales', 'Net amount', 'Total', '~Value'],
    de: ['Betrag', 'Umsatz', 'Bestellwert', 'Auftragswert', 'Nettobetrag', 'Rechnungsbetrag', 'Erlös', 'Summe', '~Wert'],
  },
  orderProfit: {
    kinds: ['orders'], type: 'amount',
    en: ['=Profit', 'Margin', 'Gross profit', 'Contribution margin'],
    de: ['Gewinn', 'Marge', 'Deckungsbeitrag', 'Rohertrag', 'Ertrag'],
  },
  unitsSold: {
    kinds: ['orders', 'monthly'], type: 'count',
    en: ['=Units sold', 'Sold', 'Quantity', 'Qty', 'Units', 'Items sold'],
    de: ['Verkauft', 'Menge', 'Stück', 'Stückzahl', 'Verkaufte Menge', 'Absatz', '~Anzahl'],
  },
  unitsReturned: {
    kinds: ['orders', 'monthly'], type: 'count',
    en: ['=Units returned', 'Returned', 'Returns', 'Items returned'],
    de: ['Retouren', 'Retoure', 'Zurückgesendet', 'Rücksendungen', 'Rückgaben', 'Zurückgegeben', 'Retourniert'],
  },

  // ---------------------------------------------------------------- monthly figures
  periodDate: {
    kinds: ['monthly'], type: 'period',
    en: ['=Period', 'Month', 'Reporting month', 'Period start', '~Date', '~Week', '~Quarter'],
    de: ['Periode', 'Monat', 'Zeitraum', 'Berichtsmonat', '~Datum', '~Woche', '~Quartal'],
  },
  customersStart: {
    kinds: ['monthly'], type: 'count', group: 'customers',
    en: ['=Customers at start', 'Customers at beginning', 'Opening customers', 'Customers opening'],
    de: ['Kunden am Anfang', 'Kunden am Monatsanfang', 'Kunden zu Beginn', 'Kunden Start', 'Kundenbestand Anfang', 'Anfangsbestand Kunden'],
  },
  customersEnd: {
    kinds: ['monthly'], type: 'count', group: 'customers',
    en: ['=Customers at end', 'Closing customers', 'Customers closing'],
    de: ['Kunden am Ende', 'Kunden am Monatsende', 'Kundenbestand Ende', 'Endbestand Kunden'],
  },
  customersNew: {
    kinds: ['monthly'], type: 'count', group: 'customers',
    en: ['=New customers', 'Customers gained', 'Customers won', 'Acquired customers', 'New clients'],
    de: ['Neukunden', 'Neue Kunden', 'Gewonnene Kunden', 'Kundenzugänge', 'Zugänge Kunden', '?Zugänge'],
  },
  customersLost: {
    kinds: ['monthly'], type: 'count', group: 'customers',
    en: ['=Lost customers', 'Churned customers', 'Lost clients', 'Churned', 'Churn', 'Cancellations'],
    de: ['Verlorene Kunden', 'Kundenverluste', 'Abgewanderte Kunden', 'Abwanderung', 'Kündigungen Kunden', 'Abgänge Kunden', '?Abgänge', '?Kündigungen'],
  },
  headcountStart: {
    kinds: ['monthly'], type: 'count', group: 'staff',
    en: ['=Headcount at start', 'Employees at start', 'Staff at start', 'Headcount beginning', 'Opening headcount', '~Headcount'],
    de: ['Mitarbeiter am Anfang', 'Mitarbeiter am Monatsanfang', 'Mitarbeiter zu Beginn', 'Personalbestand Anfang', 'Belegschaft Anfang', '~Personalbestand', '~Mitarbeiterzahl'],
  },
  headcountEnd: {
    kinds: ['monthly'], type: 'count', group: 'staff',
    en: ['=Headcount at end', 'Employees at end', 'Staff at end', 'Closing headcount'],
    de: ['Mitarbeiter am Ende', 'Mitarbeiter am Monatsende', 'Personalbestand Ende', 'Belegschaft Ende'],
  },
  separations: {
    kinds: ['monthly'], type: 'count', group: 'staff',
    en: ['=Separations', 'Leavers', 'Employees left', 'Terminations', 'Resignations', 'Attrition'],
    de: ['Austritte', 'Abgänge Mitarbeiter', 'Kündigungen Mitarbeiter', 'Ausgeschiedene Mitarbeiter', 'Ausgeschieden', '?Abgänge', '?Kündigungen'],
  },
  hires: {
    kinds: ['monthly'], type: 'count', group: 'staff',
    en: ['=Hires', 'New hires', 'Hired', 'Joiners', 'New employees', 'Recruits'],
    de: ['Einstellungen', 'Neueinstellungen', 'Neue Mitarbeiter', 'Eintritte', 'Zugänge Mitarbeiter', '?Zugänge'],
  },
  cashIn: {
    kinds: ['monthly'], type: 'amount',
    en: ['=Cash in', 'Cash inflow', 'Inflows', 'Receipts', 'Incoming payments', 'Income'],
    de: ['Einzahlungen', 'Einnahmen', 'Zuflüsse', 'Mittelzufluss', 'Zahlungseingänge', 'Geldeingang'],
  },
  cashOut: {
    kinds: ['monthly'], type: 'amount',
    en: ['=Cash out', 'Cash outflow', 'Outflows', 'Payments', 'Outgoing payments', 'Expenses', 'Spending'],
    de: ['Auszahlungen', 'Ausgaben', 'Abflüsse', 'Mittelabfluss', 'Zahlungsausgänge', '~Kosten'],
  },

  // ---------------------------------------------------------------- lists (one row per customer or employee)
  churned: {
    kinds: ['list'], type: 'flag',
    en: ['=Churned', 'Churn', 'Exited', 'Cancelled', 'Canceled', 'Lost', 'Customer lost'],
    de: ['Abgewandert', 'Gekündigt', 'Kunde verloren', 'Abwanderung'],
  },
  employeeLeft: {
    kinds: ['list'], type: 'flag',
    en: ['=Attrition', 'Left', 'Left company', 'Terminated', 'Leaver', 'Has left', 'Turnover'],
    de: ['Ausgeschieden', 'Austritt', 'Fluktuation', 'Hat gekündigt'],
  },

  // ---------------------------------------------------------------- competitors
  competitorName: {
    kinds: ['competitors'], type: 'name',
    en: ['=Competitor', 'Competitor name', 'Rival', '~Company', '~Name', '~Provider'],
    de: ['Wettbewerber', 'Mitbewerber', 'Konkurrent', 'Konkurrenz', 'Wettbewerb', '~Anbieter', '~Firma', '~Unternehmen', '~Name'],
  },
  competitorNps: {
    kinds: ['competitors'], type: 'points',
    en: ['=Competitor NPS', '~NPS', '~Net Promoter Score'],
    de: ['NPS Wettbewerber', '~Weiterempfehlung'],
  },
  competitorCsat: {
    kinds: ['competitors'], type: 'share',
    en: ['=Competitor CSAT', 'Competitor satisfaction', '~CSAT', '~Satisfaction', '~Customer satisfaction'],
    de: ['Zufriedenheit Wettbewerber', '~Zufriedenheit', '~Kundenzufriedenheit'],
  },
  competitorResolution: {
    kinds: ['competitors'], type: 'hours',
    en: ['=Competitor resolution time', '~Avg resolution', '~Average resolution', '~Resolution time', '~Time to resolve'],
    de: ['Lösungszeit Wettbewerber', '~Lösungszeit', '~Durchschnittliche Lösungszeit', '~Lösungsdauer', '~Bearbeitungszeit', '~Bearbeitungsdauer'],
  },
};

/** Sheet names that say what a sheet holds (`Tickets`, `Umfrage`, `Kennzahlen pro Monat`). */
export const SHEET_WORDS: Readonly<Record<SheetKind, { readonly en: readonly string[]; readonly de: readonly string[] }>> = {
  survey: {
    en: ['Survey', 'Surveys', 'Responses', 'Feedback', 'NPS', 'CSAT'],
    de: ['Umfrage', 'Umfragen', 'Befragung', 'Kundenbefragung', 'Antworten', 'Rückmeldungen'],
  },
  tickets: {
    en: ['Tickets', 'Cases', 'Requests', 'Helpdesk', 'Support', 'Issues', 'Incidents'],
    de: ['Anfragen', 'Fälle', 'Vorgänge', 'Meldungen', 'Störungen', 'Supportfälle'],
  },
  calls: {
    en: ['Calls', 'Call center', 'Call centre', 'Call center data', 'Call log', 'Call detail records', 'CDR', 'Phone calls', 'Telephony'],
    de: ['Anrufe', 'Anrufliste', 'Anrufprotokoll', 'Callcenter', 'Telefonie', 'Telefonate'],
  },
  intervals: {
    en: ['Intervals', 'Queue intervals', 'Queue statistics', 'Queue report', 'Historical metrics', 'Daily calls', 'Calls per day', 'Call statistics'],
    de: ['Intervalle', 'Warteschlangenstatistik', 'Anrufstatistik', 'Anrufe pro Tag', 'Tageswerte Anrufe'],
  },
  log: {
    en: ['Log', 'Status log', 'History', 'Status history', 'Audit', 'Audit log', 'Changelog', 'Events', 'Event log', 'Updates',
      'Updates history', 'Messages', 'Comments', 'Conversation parts', 'Sys audit'],
    de: ['Protokoll', 'Statusprotokoll', 'Verlauf', 'Statusverlauf', 'Historie', 'Änderungen', 'Ereignisse', 'Nachrichten', 'Kommentare'],
  },
  orders: {
    en: ['Orders', 'Sales', 'Purchases', 'Transactions', 'Invoices'],
    de: ['Bestellungen', 'Aufträge', 'Verkäufe', 'Umsätze', 'Rechnungen'],
  },
  list: {
    en: ['Churn', 'Attrition', 'Employees', 'Staff list', 'Customer list', 'Customer base'],
    de: ['Mitarbeiterliste', 'Kundenliste', 'Kundenstamm', 'Abwanderung', 'Fluktuation'],
  },
  monthly: {
    en: ['Customers', 'Monthly', 'Months', 'KPIs', 'Key figures', 'Figures', 'Headcount', 'Cash flow'],
    de: ['Kunden', 'Kennzahlen', 'Kennzahlen pro Monat', 'Monatswerte', 'Monatlich', 'Personal'],
  },
  competitors: {
    en: ['Competitors', 'Competition', 'Benchmark', 'Market comparison'],
    de: ['Wettbewerber', 'Wettbewerb', 'Mitbewerber', 'Konkurrenz', 'Marktvergleich'],
  },
};

/** Words that make a header (or its neighbours) about staff or about customers. */
export const GROUP_WORDS: Readonly<Record<Group, readonly string[]>> = {
  staff: ['Mitarbeiter', 'Employees', 'Staff', 'Personal', 'Personalbestand', 'Belegschaft', 'Headcount', 'FTE'],
  customers: ['Kunden', 'Customers', 'Clients', 'Kundenbestand'],
};

/**
 * Words that say nothing about a column (`Customers at start`, `Kunden am Anfang`, `Lösungszeit (Std.)`)
 * and are left out before comparing. Digits alone (`0-10`) are left out too.
 */
export const FILLER_WORDS: readonly string[] = [
  'a', 'an', 'the', 'at', 'of', 'on', 'to', 'by', 'for', 'per',
  'am', 'im', 'der', 'die', 'das', 'des', 'den', 'dem', 'zum', 'zur', 'pro', 'je', 'von', 'vom', 'bei', 'beim', 'nach', 'und', 'and',
  'in', 'h', 'hrs', 'hours', 'std', 'stunden', 'min', 'minutes', 'minuten', 's', 'sec', 'secs', 'second', 'seconds', 'sek', 'sekunden', 'eur', 'usd', 'chf', 'gbp', 'pct', 'percent', 'prozent', 'utc', 'nr', 'no',
];
