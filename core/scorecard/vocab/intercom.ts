/** Intercom's conversations dataset export (header-vocabulary.md §9); `(<tz>)` is the workspace's time zone. */
import type { ExportLayout } from './types.js';

export const intercomConversations: ExportLayout = {
  id: 'intercom-conversations',
  name: 'Intercom conversations export',
  kind: 'tickets',
  checked: 'intercom.com/help reporting attributes; public consumers of real conversation exports',
  signature: ['Conversation ID', 'Conversation started at (<tz>)', 'Teammate currently assigned', 'Current conversation state', 'Last teammate rating', 'First response time (seconds)', 'Time to close (seconds)'],
  min: 3,
  columns: {
    'Conversation started at (<tz>)': 'ticketOpened',
    'Conversation last closed at (<tz>)': 'ticketResolved',
    'Conversation first replied at (<tz>)': 'firstResponse',
    'First response time (seconds)': { roles: ['firstResponseTime'], unit: 'seconds' },
    'Time to close (seconds)': { roles: ['resolutionTime'], unit: 'seconds' },
    'Teammate currently assigned': 'agent',
    'Team currently assigned': 'team',
    'Channel': 'channel',
    'Last teammate rating': 'satisfaction',
    'Conversation rating': 'satisfaction',
  },
};
