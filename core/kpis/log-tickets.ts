/**
 * LOG_TICKETS: how many tickets a log KPI's value rests on — the n a scorecard shows beside it and
 * checks against its minimum. Each log KPI counts other tickets (resolved ones, ones whose wait is
 * over, ones with a next reply), so the count comes from the KPI's own walk of the log.
 */
import type { FunctionSpec } from '../catalog/types.js';
import type { CallContext } from '../values/context.js';
import { readKpiArg } from '../values/read.js';
import { nextReplyTally } from './message-log.js';
import { STATUS_LOG_TALLIES } from './status-log.js';
import type { LogTally } from './status-log.js';
import { TICKET_IDS, TIMES } from './log-texts.js';

const TALLIES: Readonly<Record<string, (ctx: CallContext, args: readonly unknown[]) => LogTally>> = {
  ...STATUS_LOG_TALLIES, NEXT_REPLY_TIME: nextReplyTally,
};
const NAMES = Object.keys(TALLIES);

function logTickets(ctx: CallContext, args: readonly unknown[]): number {
  const name = readKpiArg(ctx, args[0], NAMES);
  const tally = TALLIES[name];
  // The KPI reads its own arguments; its messages name it (LOG_TICKETS: LOG_RESOLUTION: …).
  return tally({ ...ctx, fn: `${ctx.fn}: ${name}` }, args.slice(1)).tickets;
}

export const logTicketFunctions: readonly FunctionSpec[] = [
  {
    name: 'LOG_TICKETS',
    family: 'logs',
    args: [
      { name: 'kpi', kind: 'text', description: { en: '"TIME_IN_STATUS", "LOG_RESOLUTION", "LOG_SLA_ATTAINMENT" or "NEXT_REPLY_TIME"', de: '"TIME_IN_STATUS", "LOG_RESOLUTION", "LOG_SLA_ATTAINMENT" oder "NEXT_REPLY_TIME"' } },
      TICKET_IDS, TIMES,
      { name: 'labels', kind: 'range', description: { en: 'The statuses (status-log KPIs) or authors (NEXT_REPLY_TIME) of each row', de: 'Die Status (Statusprotokoll-Kennzahlen) oder Verfasser (NEXT_REPLY_TIME) jeder Zeile' } },
      { name: 'args', kind: 'any', repeating: true, description: { en: 'The KPI\'s further arguments, in its own order (resolved, pause, target …)', de: 'Die weiteren Argumente der Kennzahl, in ihrer Reihenfolge (resolved, pause, target …)' } },
    ],
    result: 'scalar',
    unit: 'count',
    summary: { en: 'How many tickets a log KPI\'s value rests on (its n)', de: 'Auf wie vielen Tickets der Wert einer Protokoll-Kennzahl beruht (ihr n)' },
    help: {
      en: 'The number of tickets the log KPI named by kpi, called with the same arguments, takes its value over: for TIME_IN_STATUS the tickets that spent time in a counted status (without as_of: whose wait is over), for LOG_RESOLUTION the resolved tickets, for LOG_SLA_ATTAINMENT the tickets judged against the target (resolved, and with as_of the open ones already past it), for NEXT_REPLY_TIME the tickets with at least one next reply. Where the KPI says "no data" this is 0. Bad input is the KPI\'s own error, named after LOG_TICKETS. Inside KPI_BY_PERIOD and KPI_BY_GROUP a ticket\'s rows stay together as for the KPI itself, so the count per period or group is the n of the KPI\'s value there.',
      de: 'Die Zahl der Tickets, über die die mit kpi genannte Protokoll-Kennzahl mit denselben Argumenten ihren Wert bildet: bei TIME_IN_STATUS die Tickets mit Zeit in einem gezählten Status (ohne as_of: deren Warten vorbei ist), bei LOG_RESOLUTION die gelösten Tickets, bei LOG_SLA_ATTAINMENT die am Ziel gemessenen Tickets (gelöste, mit as_of auch offene, die es schon überschritten haben), bei NEXT_REPLY_TIME die Tickets mit mindestens einer nächsten Antwort. Wo die Kennzahl „keine Daten“ meldet, ist dies 0. Fehlerhafte Eingaben ergeben den Fehler der Kennzahl, nach LOG_TICKETS benannt. In KPI_BY_PERIOD und KPI_BY_GROUP bleiben die Zeilen eines Tickets zusammen wie bei der Kennzahl selbst, die Zahl je Zeitraum oder Gruppe ist also das n ihres Werts dort.',
    },
    example: '=LOG_TICKETS("LOG_RESOLUTION", A2:A900, B2:B900, C2:C900, "solved", "pending") → 212',
    source: 'The n of a mean or share: the tickets it was taken over (how many a scorecard shows beside a KPI and checks against its minimum)',
    impl: logTickets,
    rowGroups: { ids: 1, times: 2 },
  },
];
