/**
 * Avaya (AT&T) CMS split reports: the Daily Split Report (one row per hour) and the Cumulative
 * Split Report by day, with the column headings of the CMS User's Guide (header-vocabulary.md
 * §12). CMS counts answered ("ACD") and abandoned calls but writes no offered total, so the
 * abandon rate needs a column the manager adds; its "Avg Talk Time" excludes after-call work
 * ("Avg After Call").
 */
import type { ExportLayout } from './types.js';

export const avayaCmsSplit: ExportLayout = {
  id: 'avaya-cms-split',
  name: 'Avaya CMS split report',
  kind: 'intervals',
  checked: 'AT&T/Avaya Call Management System User\'s Guide, "Types of CMS Reports": Daily and Cumulative Split Report headings',
  signature: ['Avg Speed Ans', 'Num Calls Aband', 'Num ACD Calls', 'Flow In', 'Flow Out', 'Avg Talk Time', 'Avg After Call', 'Num Other Calls', 'Avg Talk Other', 'Avg Num Pos', '% ACD Time', 'Serv Levl'],
  min: 4,
  columns: {
    // The Cumulative Split Report by day has a "Day" column (the header words read it as the call
    // date on this sheet); the daily report's "Time" is an hour without its date.
    'Time': { roles: [], why: 'an hour without its date' },
    'Num ACD Calls': 'callsAnswered',
    'Num Calls Aband': 'callsAbandoned',
    'Avg Speed Ans': 'avgAnswerTime',
    'Avg Talk Time': 'avgHandleTime',
    'Serv Levl': 'serviceLevelShare',
    'Avg After Call': { roles: [], why: 'after-call work, not part of "Avg Talk Time"' },
  },
};
