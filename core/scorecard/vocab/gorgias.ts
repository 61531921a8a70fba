/** Gorgias ticket export (header-vocabulary.md §10; the column list is not verified). */
import type { ExportLayout } from './types.js';

export const gorgiasTickets: ExportLayout = {
  id: 'gorgias-tickets',
  name: 'Gorgias ticket export',
  kind: 'tickets',
  checked: 'docs.gorgias.com metric definitions and CSAT (no documented export column list)',
  signature: ['Ticket id', 'Created datetime', 'Closed datetime', 'First response time (seconds)', 'Resolution time (seconds)', 'Satisfaction survey score'],
  min: 3,
  columns: {
    'Created datetime': 'ticketOpened',
    'Closed datetime': 'ticketResolved',
    'First response time (seconds)': { roles: ['firstResponseTime'], unit: 'seconds' },
    'Resolution time (seconds)': { roles: ['resolutionTime'], unit: 'seconds' },
    'Assignee': 'agent',
    'Channel': 'channel',
    'Satisfaction survey score': 'satisfaction',
  },
};
