/** HubSpot ticket export (header-vocabulary.md §6). */
import type { ExportLayout } from './types.js';

export const hubspotTickets: ExportLayout = {
  id: 'hubspot-tickets',
  name: 'HubSpot ticket export',
  kind: 'tickets',
  checked: "knowledge.hubspot.com: HubSpot's default ticket properties (EN, DE)",
  signature: ['Ticket ID', 'Ticket name', 'Pipeline', 'Ticket status', 'Create date', 'Close date', 'Time to close (HH:mm:ss)', 'Time to first agent reply (HH:mm:ss)', 'Ticket owner'],
  min: 3,
  columns: {
    'Create date': 'ticketOpened', 'Erstellungsdatum': 'ticketOpened',
    'Close date': 'ticketResolved', 'Datum des Schließens': 'ticketResolved',
    'First agent email response date': 'firstResponse', 'Datum der ersten E-Mail-Antwort eines Agenten': 'firstResponse',
    'Time to first agent reply (HH:mm:ss)': 'firstResponseTime',
    'Time to close (HH:mm:ss)': 'resolutionTime',
    'Ticket owner': 'agent',
    'Source': 'channel',
  },
};
