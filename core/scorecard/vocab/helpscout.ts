/** Help Scout conversation export (header-vocabulary.md §8; the column list is not verified). */
import type { ExportLayout } from './types.js';

export const helpscoutConversations: ExportLayout = {
  id: 'helpscout-conversations',
  name: 'Help Scout conversation export',
  kind: 'tickets',
  checked: 'docs.helpscout.com reports and ratings (no documented export column list)',
  signature: ['Conversation Number', 'Mailbox', 'Created At', 'Closed At', 'First Response Time', 'Resolution Time', 'Rating', 'Rating Comments'],
  min: 3,
  columns: {
    'Created At': 'ticketOpened',
    'Closed At': 'ticketResolved',
    'First Response Time': 'firstResponseTime',
    'Resolution Time': 'resolutionTime',
    'Assigned To': 'agent',
    'Mailbox': 'team',
    'Customer Email': 'customerId',
    'Rating': 'satisfaction',
  },
};
