/**
 * 3CX CDR output, per call, with its field names as the header (3CX › Reporting › CDR › the
 * output fields; header-vocabulary.md §12). The file 3CX writes has no header row by default: the
 * administrator chooses the fields and their order.
 */
import type { ExportLayout } from './types.js';

export const threeCxCdr: ExportLayout = {
  id: '3cx-cdr',
  name: '3CX CDR',
  kind: 'calls',
  checked: '3cx.com/blog/docs/cdr-call-data-records/ (CDR output fields)',
  signature: ['historyid', 'callid', 'duration', 'time-start', 'time-answered', 'time-end', 'reason-terminated', 'from-no', 'to-no', 'from-dn', 'to-dn', 'dial-no',
    'reason-changed', 'final-number', 'final-dn', 'chain', 'from-type', 'to-type', 'final-type', 'missed-queue-calls'],
  min: 5,
  columns: {
    'time-start': 'callDate',
    'duration': { roles: [], why: 'documented as the call duration, not as talk or total time' },
    'time-answered': { roles: [], why: 'a time, not an answered flag' },
    'reason-terminated': { roles: [], why: 'who hung up, not whether the call was answered' },
  },
};
