/**
 * Amazon Connect historical metrics report (queues × intervals or days) › Download CSV: one row per
 * queue and interval with counts and averages (header-vocabulary.md §12). The metric names are the
 * UI names of the API's historical metrics; times are `hh:mm:ss` in the report, seconds in the API.
 */
import type { ExportLayout } from './types.js';

export const amazonConnectIntervals: ExportLayout = {
  id: 'amazon-connect-intervals',
  name: 'Amazon Connect historical metrics report',
  kind: 'intervals',
  checked: 'docs.aws.amazon.com/connect/latest/APIReference/API_HistoricalMetric.html (UI names), adminguide/metrics-definitions.html',
  signature: ['Contacts queued', 'Contacts handled incoming', 'Contacts handled', 'Contacts abandoned', 'Average queue answer time', 'Average handle time',
    'Average queue abandon time', 'Average customer hold time', 'After contact work time', 'Service level <X> seconds'],
  min: 3,
  columns: {
    // The interval's start: the column name is not documented (seen as below in downloads).
    'StartInterval': 'callDate',
    'Start interval': 'callDate',
    'Contacts queued': 'callsOffered',
    'Contacts handled incoming': 'callsAnswered',
    'Contacts handled': 'callsAnswered',
    'Contacts abandoned': 'callsAbandoned',
    'Average queue answer time': { roles: ['avgAnswerTime'], unit: 'seconds' },
    'Average handle time': { roles: ['avgHandleTime'], unit: 'seconds' },
    'Service level <X> seconds': 'serviceLevelShare',
    'Average queue abandon time': { roles: [], why: 'the wait of abandoned contacts, not the answer time' },
  },
};
