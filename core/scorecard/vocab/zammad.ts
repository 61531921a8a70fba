/** Zammad's ticket report (xlsx: title row 1, header row 3), English and German (header-vocabulary.md §7). */
import type { ExportLayout } from './types.js';

export const zammadTicketReport: ExportLayout = {
  id: 'zammad-ticket-report',
  name: 'Zammad ticket report',
  kind: 'tickets',
  checked: 'Zammad source lib/excel_sheet/ticket.rb and i18n/zammad.de-de.po (github.com/zammad/zammad)',
  signature: ['#', 'Title', 'State', 'Create Channel', 'Time Units Total', 'Created At', 'Closed At', 'First Response In Min', 'Close In Min', 'Titel', 'Erstellt am', 'Geschlossen am', 'Erstreaktion in Minuten'],
  min: 4,
  columns: {
    'Created At': 'ticketOpened', 'Erstellt am': 'ticketOpened',
    'Closed At': 'ticketResolved', 'Geschlossen am': 'ticketResolved',
    'First Response At': 'firstResponse', 'Erstreaktion am': 'firstResponse',
    'First Response In Min': { roles: ['firstResponseTime'], unit: 'minutes' },
    'Erstreaktion in Minuten': { roles: ['firstResponseTime'], unit: 'minutes' },
    'Close In Min': { roles: ['resolutionTime'], unit: 'minutes' },
    'Geschlossen in Minuten': { roles: ['resolutionTime'], unit: 'minutes' },
    'Owner': 'agent', 'Besitzer': 'agent',
    'Group': 'team', 'Gruppe': 'team',
    'Create Channel': 'channel', 'Kanal erstellen': 'channel',
    'Customer': 'customerId',
  },
};
