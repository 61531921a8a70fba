/** Zendesk Support's CSV export and Zendesk Explore's report exports (header-vocabulary.md §1, §2). */
import type { ExportLayout } from './types.js';

export const zendeskSupportCsv: ExportLayout = {
  id: 'zendesk-support-csv',
  name: 'Zendesk Support CSV export',
  kind: 'tickets',
  checked: 'support.zendesk.com/hc/en-us/articles/4408886165402 (table of exported fields)',
  signature: ['Summation column', 'Requester id', 'Created at', 'Solved at', 'Satisfaction Score', 'Reopens', 'First reply time in minutes', 'Full resolution time in minutes', 'Initially assigned at'],
  min: 4,
  columns: {
    'Created at': 'ticketOpened',
    'Solved at': 'ticketResolved',
    'Assignee': 'agent',
    'Group': 'team',
    'Via': 'channel',
    'Requester id': 'customerId',
    'Satisfaction Score': 'satisfaction',
    'Reopens': 'reopenCount',
    'First reply time in minutes': { roles: ['firstResponseTime'], unit: 'minutes' },
    'Full resolution time in minutes': { roles: ['resolutionTime'], unit: 'minutes' },
    // Whole hours, rounded: only when the minutes are not exported.
    'Resolution time': { roles: ['resolutionTime'], unit: 'hours' },
  },
};

export const zendeskExplore: ExportLayout = {
  id: 'zendesk-explore',
  name: 'Zendesk Explore report export',
  kind: 'tickets',
  checked: 'support.zendesk.com/hc/en-us/articles/4408827693594 (metrics and attributes), 4408846897178 (aggregators)',
  signature: ['Ticket ID', 'Ticket created - Date', 'Ticket created - Timestamp', 'Ticket solved - Date', 'Ticket solved - Timestamp', 'Ticket status', 'Ticket satisfaction rating', 'First reply time (min)', 'Full resolution time (hrs)', 'Reopens'],
  min: 3,
  columns: {
    'Ticket created - Timestamp': 'ticketOpened',
    'Ticket created - Date': 'ticketOpened',
    'Ticket solved - Timestamp': 'ticketResolved',
    'Ticket solved - Date': 'ticketResolved',
    'Assignee name': 'agent',
    'Ticket group': 'team',
    'Ticket channel': 'channel',
    'Requester ID': 'customerId',
    'Ticket satisfaction rating': 'satisfaction',
    'Reopens': 'reopenCount',
    'First reply time (min)': { roles: ['firstResponseTime'], unit: 'minutes' },
    'First reply time (sec)': { roles: ['firstResponseTime'], unit: 'seconds' },
    'First reply time (hrs)': { roles: ['firstResponseTime'], unit: 'hours' },
    'First reply time (days)': { roles: ['firstResponseTime'], unit: 'days' },
    'Zeit bis zur ersten Reaktion': { roles: ['firstResponseTime'], unit: 'minutes' },
    'Full resolution time (min)': { roles: ['resolutionTime'], unit: 'minutes' },
    'Full resolution time (hrs)': { roles: ['resolutionTime'], unit: 'hours' },
    'Full resolution time (days)': { roles: ['resolutionTime'], unit: 'days' },
  },
};
