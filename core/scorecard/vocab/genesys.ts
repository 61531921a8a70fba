/**
 * Genesys Cloud performance views (Queues Performance, Queue Performance Detail by interval) ›
 * Export: one row per queue or interval with counts and averages (header-vocabulary.md §12). The
 * column names are the views' documented columns; the interval column's name is not documented.
 */
import type { ExportLayout } from './types.js';

export const genesysQueuePerformance: ExportLayout = {
  id: 'genesys-queue-performance',
  name: 'Genesys Cloud queue performance view export',
  kind: 'intervals',
  checked: 'help.mypurecloud.com/?p=334996 (columns of performance views by category)',
  signature: ['Offered', 'Answered', 'Abandoned', 'Answer %', 'Abandon %', 'Service Level %', 'ASA', 'AHT', 'Avg Wait', 'Avg Handle', 'Avg Talk', 'Avg Hold', 'Avg ACW', 'Flow-Out'],
  min: 4,
  columns: {
    // The interval (Queue Performance Detail): "Interval" and "Date" are read by the header words.
    'Offered': 'callsOffered',
    'Answered': 'callsAnswered',
    'Abandoned': 'callsAbandoned',
    'ASA': 'avgAnswerTime',
    'AHT': 'avgHandleTime',
    'Avg Handle': 'avgHandleTime',
    'Service Level %': 'serviceLevelShare',
    'Answer %': { roles: [], why: 'a share the KPIs compute from the counts' },
    'Abandon %': { roles: [], why: 'a share the KPIs compute from the counts' },
    'Avg Wait': { roles: [], why: 'the wait of all interactions, abandoned ones too: not the answer time' },
  },
};
