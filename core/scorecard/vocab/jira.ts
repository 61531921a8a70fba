/** Jira (Service Management) issue export, English and German (header-vocabulary.md §4). */
import type { ExportLayout } from './types.js';

export const jiraServiceManagement: ExportLayout = {
  id: 'jira-service-management',
  name: 'Jira Service Management CSV export',
  kind: 'tickets',
  checked: 'real Jira Cloud CSV headers in public code (EN and DE)',
  signature: ['Issue key', 'Issue id', 'Issue Type', 'Status Category', 'Created', 'Resolved', 'Satisfaction rating', 'Vorgangsschlüssel', 'Vorgangstyp', 'Erstellt', 'Erledigt'],
  min: 3,
  columns: {
    'Created': 'ticketOpened', 'Erstellt': 'ticketOpened',
    'Resolved': 'ticketResolved', 'Erledigt': 'ticketResolved',
    'Assignee': 'agent', 'Zugewiesene Person': 'agent',
    'Reporter': 'customerId', 'Autor': 'customerId',
    'Custom field (Request Type)': 'channel',
    'Satisfaction rating': 'satisfaction', 'Custom field (Satisfaction)': 'satisfaction',
    // The SLA fields show the time remaining (negative: breached), not how long a ticket took.
    'Custom field (Time to first response)': [],
    'Custom field (Time to resolution)': [],
  },
};
