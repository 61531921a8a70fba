/** Freshdesk's ticket export, both English spellings and German (header-vocabulary.md §3). */
import type { ExportLayout } from './types.js';

export const freshdeskTickets: ExportLayout = {
  id: 'freshdesk-tickets',
  name: 'Freshdesk ticket export',
  kind: 'tickets',
  checked: "Freshdesk's export code and locales (github.com/Ramesh-Veeriaperumal/freshconsult)",
  signature: [
    'Ticket ID', 'Created time', 'Resolved time', 'Initial response time', 'First response time (in hrs)', 'Resolution time (in hrs)',
    'Resolution status', 'Survey results', 'Ticket-ID', 'Erstellungsdatum', 'Erste Antwortzeit (in Std.)', 'Lösungsdauer (in Std.)', 'Lösungsstatus', 'Umfrageergebnis',
  ],
  min: 3,
  columns: {
    'Created time': 'ticketOpened', 'Erstellungsdatum': 'ticketOpened',
    'Resolved time': 'ticketResolved', 'Lösungszeit': 'ticketResolved',
    'Initial response time': 'firstResponse', 'Erste Antwortzeit': 'firstResponse',
    // Business hours as HH:MM:SS text: the text carries its unit.
    'First response time (in hrs)': { roles: ['firstResponseTime'], unit: 'hours' },
    'Erste Antwortzeit (in Std.)': { roles: ['firstResponseTime'], unit: 'hours' },
    'Resolution time (in hrs)': { roles: ['resolutionTime'], unit: 'hours' },
    'Lösungsdauer (in Std.)': { roles: ['resolutionTime'], unit: 'hours' },
    'Agent': 'agent', 'Bearbeiter': 'agent',
    'Group': 'team', 'Gruppe': 'team',
    'Source': 'channel', 'Quelle': 'channel',
    'Contact ID': 'customerId', 'Kontakt-ID': 'customerId',
    'Survey results': 'satisfaction', 'Survey Result': 'satisfaction', 'Umfrageergebnis': 'satisfaction',
    'Resolution status': 'slaMet', 'Lösungsstatus': 'slaMet',
  },
};
