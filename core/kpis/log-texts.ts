/** Argument descriptions and help paragraphs shared by the status-log and message-log functions. */
import type { ArgSpec, RowGroups } from '../catalog/types.js';

/** A ticket's log rows stay together in KPI_BY_PERIOD and KPI_BY_GROUP (ids first, times second). */
export const LOG_ROWS: RowGroups = { ids: 0, times: 1 };

export const TICKET_IDS: ArgSpec = {
  name: 'ticket_ids', kind: 'range',
  description: { en: 'The ticket (or conversation) of each log row', de: 'Das Ticket (oder die Konversation) jeder Protokollzeile' },
};
export const TIMES: ArgSpec = {
  name: 'times', kind: 'range', values: 'dates',
  description: { en: 'When each row happened (dates with times): the status change or the message', de: 'Wann jede Zeile geschah (Datum mit Uhrzeit): der Statuswechsel oder die Nachricht' },
};
export const STATUSES: ArgSpec = {
  name: 'statuses', kind: 'range',
  description: { en: 'The status each row enters (new, open, pending, solved …)', de: 'Der Status, in den jede Zeile wechselt (neu, offen, wartend, gelöst …)' },
};
export const AUTHOR_ARG: ArgSpec = {
  name: 'authors', kind: 'range',
  description: {
    en: 'Who wrote each message: a customer word (customer, end-user, requester, Kunde …), an agent word (agent, admin, Mitarbeiter …) or internal/note/bot/system (skipped)',
    de: 'Wer jede Nachricht schrieb: ein Kundenwort (customer, end-user, requester, Kunde …), ein Mitarbeiterwort (agent, admin, Mitarbeiter …) oder internal/Notiz/bot/system (übersprungen)',
  },
};
export const LOG_AS_OF: ArgSpec = {
  name: 'as_of', kind: 'date', optional: true, values: 'dates',
  description: {
    en: 'Look at the log as it stood at this moment: later rows are ignored and the current status runs up to it',
    de: 'Das Protokoll so betrachten, wie es zu diesem Zeitpunkt stand: spätere Zeilen zählen nicht, der aktuelle Status läuft bis dahin',
  },
};

export const LOG_RULES = {
  en: 'A log has one row per status change (ticket, the time the ticket entered the status, the status) or per message (ticket, time, author), in any order; the three ranges must have the same size. A row whose time is blank or text that is not a date (a header row) is skipped whole; on every other row a blank ticket id, status or author is an error naming the row, as is an error cell. Ticket ids are compared as trimmed text (42 and "42" are one ticket). Each ticket\'s rows are put in time order; rows at equal times keep sheet order. Durations are wall-clock differences, exactly what =B2-A2 gives; with business_hours ("Mon-Fri 09:00-17:00", "Mo-Fr 08:00-18:00") only time inside the schedule counts and holidays take out whole days, as in AVG_RESOLUTION. Inside KPI_BY_PERIOD and KPI_BY_GROUP all rows of a ticket stay together: in the period of the ticket\'s earliest date and in the group of its first row.',
  de: 'Ein Protokoll hat eine Zeile je Statuswechsel (Ticket, Zeitpunkt, zu dem das Ticket in den Status wechselte, Status) oder je Nachricht (Ticket, Zeitpunkt, Verfasser), in beliebiger Reihenfolge; die drei Bereiche müssen gleich groß sein. Eine Zeile, deren Zeitpunkt leer oder Text ohne Datum ist (eine Kopfzeile), wird ganz übersprungen; in jeder anderen Zeile ist eine leere Ticket-ID, ein leerer Status oder Verfasser ein Fehler mit Angabe der Zeile, ebenso eine Fehlerzelle. Ticket-IDs werden als Text ohne Randleerzeichen verglichen (42 und "42" sind ein Ticket). Die Zeilen jedes Tickets werden zeitlich geordnet; Zeilen mit gleichem Zeitpunkt behalten die Reihenfolge im Blatt. Dauern sind Differenzen der Uhrzeit, genau wie =B2-A2; mit business_hours ("Mo-Fr 08:00-18:00", "Mon-Fri 09:00-17:00") zählt nur Zeit innerhalb der Servicezeiten, Feiertage fallen ganztägig heraus, wie bei AVG_RESOLUTION. In KPI_BY_PERIOD und KPI_BY_GROUP bleiben alle Zeilen eines Tickets zusammen: im Zeitraum des frühesten Datums des Tickets und in der Gruppe seiner ersten Zeile.',
};

export const STATUS_RULES = {
  en: 'A ticket\'s time in a status runs from the row that enters it to the ticket\'s next row; without as_of its last row counts no time. With as_of, rows after it are ignored, the status a ticket is in at as_of runs up to as_of, and tickets whose first row is later are left out. Status names are compared case-insensitively and trimmed, spaces, hyphens and underscores alike, and hold, on-hold and on hold are one status. A status list is a range of names (one per cell) or one text with commas ("new, open, on-hold"); a name the log does not hold matches nothing (a period may simply have none), so check the spelling against the log\'s own words, in English or German alike ("Wartet auf Kunde").',
  de: 'Die Zeit eines Tickets in einem Status läuft von der Zeile, die in ihn wechselt, bis zur nächsten Zeile des Tickets; ohne as_of zählt seine letzte Zeile keine Zeit. Mit as_of zählen spätere Zeilen nicht, der Status eines Tickets bei as_of läuft bis as_of, und Tickets, deren erste Zeile später liegt, fallen weg. Statusnamen werden ohne Beachtung der Groß-/Kleinschreibung und ohne Randleerzeichen verglichen, Leerzeichen, Bindestriche und Unterstriche gleich, und hold, on-hold und on hold sind ein Status. Eine Statusliste ist ein Bereich von Namen (einer je Zelle) oder ein Text mit Kommas ("neu, offen, wartet auf Dritte"); ein Name, den das Protokoll nicht enthält, trifft nichts (ein Zeitraum kann ihn schlicht nicht haben) – die Schreibweise also mit den Wörtern des Protokolls abgleichen, ob deutsch oder englisch ("Wartet auf Kunde").',
};
