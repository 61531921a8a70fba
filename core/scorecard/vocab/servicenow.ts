/** ServiceNow incident list export: field names as headers, not localised (header-vocabulary.md §5). */
import type { ExportLayout } from './types.js';

export const servicenowIncidents: ExportLayout = {
  id: 'servicenow-incidents',
  name: 'ServiceNow incident list export',
  kind: 'tickets',
  checked: 'ServiceNow docs: CSV export headers = field names; incident fields per the Table API sample',
  signature: ['number', 'opened_at', 'resolved_at', 'closed_at', 'incident_state', 'state', 'made_sla', 'reopen_count', 'assignment_group', 'caller_id', 'sys_updated_on'],
  min: 3,
  columns: {
    'opened_at': 'ticketOpened',
    'resolved_at': 'ticketResolved',
    'assigned_to': 'agent',
    'assignment_group': 'team',
    'contact_type': 'channel',
    'caller_id': 'customerId',
    'reopen_count': 'reopenCount',
    'made_sla': 'slaMet',
    'calendar_duration': 'resolutionTime',
  },
};
