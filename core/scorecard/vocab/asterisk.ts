/**
 * Asterisk CDR, per call, as its database backends store it (cdr_adaptive_odbc, cdr_mysql,
 * cdr_pgsql: the `cdr` table's column names are the header of any export of it;
 * header-vocabulary.md §12). `Master.csv` of cdr_csv has no header row: there the manager names the
 * columns (a roles file), or adds this header.
 */
import type { ExportLayout } from './types.js';

export const asteriskCdr: ExportLayout = {
  id: 'asterisk-cdr',
  name: 'Asterisk CDR (cdr table)',
  kind: 'calls',
  checked: 'Asterisk contrib/scripts cdr schemas (mysql_cdr.sql, postgres_cdr.sql) and cdr/cdr_csv.c field order',
  signature: ['calldate', 'clid', 'src', 'dst', 'dcontext', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'duration', 'billsec', 'disposition', 'amaflags', 'accountcode', 'uniqueid', 'userfield'],
  min: 6,
  columns: {
    'calldate': 'callDate',
    // Newer cdr_adaptive_odbc tables also log `start`, `answer` and `end` (the header words read `start`).
    // Seconds from answer to hang-up, 0 for a call not answered: AHT would count those as handled
    // calls of 0 s, and no answered flag (disposition, below) can leave them out yet.
    'billsec': { roles: [], why: 'talk seconds, but 0 for calls not answered, which AHT would count as handled calls' },
    'duration': { roles: [], why: 'seconds from start to hang-up, ringing and queueing included: neither talk nor handle time' },
    'disposition': { roles: [], why: 'ANSWERED, NO ANSWER, BUSY, FAILED: four outcomes, not a yes/no answered flag' },
    'channel': { roles: [], why: 'a technical channel name, not the contact channel' },
    'dstchannel': { roles: [], why: 'a technical channel name, not the contact channel' },
  },
};
