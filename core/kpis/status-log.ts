/**
 * Clocks from status logs: time in status (Zendesk's requester wait and agent work time, Freshdesk's
 * time by status), resolution time with the clock paused in waiting statuses (the SLA clock of Jira
 * Service Management and Zendesk) and SLA attainment on that clock. Every function reads the log
 * once (log-rows.ts) and walks each ticket's rows once.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import type { CellPlace } from '../errors.js';
import type { CallContext, Table } from '../values/context.js';
import { cellAt, describeValue, NOT_SCALAR, placeOf } from '../values/grid.js';
import { isOmitted, plainScalar, readDateArg, readNumberArg, readNumbers, readWordArg } from '../values/read.js';
import type { BusinessClock } from './business-hours.js';
import { readDurationOptions } from './durations.js';
import { durationStats, hasTime, readLog, readStatusList, requireStatusList, spanMs, StatusDictionary, statusSet } from './log-rows.js';
import type { LogRows } from './log-rows.js';
import { LOG_AS_OF, LOG_ROWS, LOG_RULES, STATUS_RULES, STATUSES, TICKET_IDS, TIMES } from './log-texts.js';
import { BUSINESS_HOURS, HOLIDAYS, UNIT } from './tickets.js';

interface StatusLog {
  readonly log: LogRows;
  readonly dict: StatusDictionary;
  readonly asOf: number | undefined;
}

/** as_of, or undefined when left out (a serial 0 is a blank cell as Excel may pass it: left out too). */
function readAsOf(ctx: CallContext, x: unknown): number | undefined {
  const s = readDateArg(ctx, x, 'as_of', Number.NaN);
  return s === s ? s : undefined;
}

function readStatusLog(ctx: CallContext, args: readonly unknown[], asOf: number | undefined): StatusLog {
  const dict = new StatusDictionary();
  const log = readLog(ctx, args[0], args[1], args[2], dict, { asOf });
  return { log, dict, asOf };
}

// ---------------------------------------------------------------- time in status

/** What a log KPI's value rests on: its value (NaN with no ticket) and the tickets it counted. */
export interface LogTally {
  readonly value: number;
  readonly tickets: number;
}

function timeInStatusTally(ctx: CallContext, args: readonly unknown[]): LogTally {
  const counted = requireStatusList(ctx, args[3], 'counted', '"new, open, on-hold"');
  const { msPerUnit, business } = readDurationOptions(ctx, args[4], args[5], args[6]);
  const { log, dict, asOf } = readStatusLog(ctx, args, readAsOf(ctx, args[7]));
  const inSet = statusSet(dict, counted);
  const { start, order, times, codes } = log;
  const open = asOf !== undefined;
  let total = 0, n = 0;
  for (let k = 0; k < log.tickets; k++) {
    const a = start[k], b = start[k + 1];
    if (a === b) continue;
    // Without as_of, a ticket still in a counted status has not finished its wait.
    if (!open && inSet[codes[order[b - 1]]] === 1) continue;
    let sum = 0, any = false;
    for (let j = a; j < b; j++) {
      const row = order[j];
      if (inSet[codes[row]] !== 1) continue;
      const to = j + 1 < b ? times[order[j + 1]] : open ? (asOf as number) : NaN;
      const from = times[row];
      if (to === to && hasTime(from, to)) {
        any = true;
        sum += spanMs(from, to, business);
      }
    }
    if (any) {
      total += sum;
      n++;
    }
  }
  return { value: total / n / msPerUnit, tickets: n };
}

function timeInStatus(ctx: CallContext, args: readonly unknown[]): number {
  const t = timeInStatusTally(ctx, args);
  if (t.tickets === 0) throw noDataError(ctx.fn, 'no data (no ticket spent time in a counted status)');
  return t.value;
}

// ---------------------------------------------------------------- status summary

function statusSummary(ctx: CallContext, args: readonly unknown[]): Table {
  const { msPerUnit, business } = readDurationOptions(ctx, args[3], args[4], args[5]);
  const { log, dict, asOf } = readStatusLog(ctx, args, readAsOf(ctx, args[6]));
  if (log.order.length === 0) throw noDataError(ctx.fn, 'no data (no log rows with a time)');
  const { start, order, times, codes } = log;
  const s = dict.names.length;
  const sums = new Float64Array(s);
  const had = new Uint8Array(s);
  const touched = new Int32Array(s);
  const perStatus: number[][] = dict.names.map(() => []);
  const firstEntry = new Float64Array(s).fill(Infinity);
  const open = asOf !== undefined;
  for (let k = 0; k < log.tickets; k++) {
    const a = start[k], b = start[k + 1];
    let nt = 0;
    for (let j = a; j < b; j++) {
      const row = order[j], c = codes[row], from = times[row];
      if (from < firstEntry[c]) firstEntry[c] = from;
      const to = j + 1 < b ? times[order[j + 1]] : open ? (asOf as number) : NaN;
      if (to === to && hasTime(from, to)) {
        if (had[c] === 0) {
          had[c] = 1;
          touched[nt++] = c;
        }
        sums[c] += spanMs(from, to, business);
      }
    }
    for (let i = 0; i < nt; i++) {
      const c = touched[i];
      perStatus[c].push(sums[c]);
      sums[c] = 0;
      had[c] = 0;
    }
  }
  const listed: number[] = [];
  for (let c = 0; c < s; c++) if (firstEntry[c] !== Infinity) listed.push(c);
  listed.sort((x, y) => firstEntry[x] - firstEntry[y] || x - y);
  const table: Table = [['Status', 'Tickets', 'Average', 'Median', 'Total']];
  for (const c of listed) {
    const xs = perStatus[c];
    if (xs.length === 0) {
      table.push([dict.names[c], 0, '', '', '']);
      continue;
    }
    const st = durationStats(xs);
    table.push([dict.names[c], st.n, st.mean / msPerUnit, st.median / msPerUnit, st.total / msPerUnit]);
  }
  return table;
}

// ---------------------------------------------------------------- resolution with pauses

export type Which = 'first' | 'full';
const WHICH_WORDS: Readonly<Record<string, Which>> = {
  first: 'first', erste: 'first', ersten: 'first', full: 'full', voll: 'full', vollständig: 'full', gesamt: 'full', letzte: 'full',
};

/**
 * The SLA clock of one ticket (rows a…b of the log): time from its first row to its first or last
 * entry into a resolved status, without the time spent in pause statuses before it; -1 when the
 * ticket's last row is not in a resolved status.
 */
function resolutionClock(log: LogRows, a: number, b: number, resolved: Uint8Array, pause: Uint8Array, which: Which, business: BusinessClock | undefined): number {
  const { order, times, codes } = log;
  if (resolved[codes[order[b - 1]]] !== 1) return -1;
  let clock = 0, at = -1, wasResolved = false;
  for (let j = a; j < b; j++) {
    const row = order[j], c = codes[row];
    const isResolved = resolved[c] === 1;
    if (isResolved && !wasResolved) {
      at = clock;
      if (which === 'first') return at;
    }
    wasResolved = isResolved;
    if (j + 1 < b && pause[c] !== 1) clock += spanMs(times[row], times[order[j + 1]], business);
  }
  return at;
}

/** The running clock of a ticket still open at as_of: from its first row to as_of, without pauses. */
function openClock(log: LogRows, a: number, b: number, pause: Uint8Array, asOf: number, business: BusinessClock | undefined): number {
  const { order, times, codes } = log;
  let clock = 0;
  for (let j = a; j < b; j++) {
    const row = order[j];
    if (pause[codes[row]] === 1) continue;
    clock += spanMs(times[row], j + 1 < b ? times[order[j + 1]] : asOf, business);
  }
  return clock;
}

function logResolutionTally(ctx: CallContext, args: readonly unknown[]): LogTally {
  const resolvedKeys = requireStatusList(ctx, args[3], 'resolved', '"solved, closed"');
  const pauseKeys = readStatusList(ctx, args[4], 'pause');
  const { msPerUnit, business } = readDurationOptions(ctx, args[5], args[6], args[7]);
  const which = readWordArg(ctx, args[8], 'which', WHICH_WORDS, 'full');
  const { log, dict } = readStatusLog(ctx, args, undefined);
  const resolved = statusSet(dict, resolvedKeys), pause = statusSet(dict, pauseKeys);
  let total = 0, n = 0;
  for (let k = 0; k < log.tickets; k++) {
    const a = log.start[k], b = log.start[k + 1];
    if (a === b) continue;
    const ms = resolutionClock(log, a, b, resolved, pause, which, business);
    if (ms >= 0) {
      total += ms;
      n++;
    }
  }
  return { value: total / n / msPerUnit, tickets: n };
}

function logResolution(ctx: CallContext, args: readonly unknown[]): number {
  const t = logResolutionTally(ctx, args);
  if (t.tickets === 0) throw noDataError(ctx.fn, 'no data (no ticket whose last row is in a resolved status)');
  return t.value;
}

// ---------------------------------------------------------------- SLA attainment

/** The target of each ticket in ms: one number, or per log row with the ticket's first row counting. */
type TargetOf = (firstRow: number) => number;

function readTargets(ctx: CallContext, x: unknown, idsCells: number, msPerUnit: number): TargetOf {
  const negative = (shown: string, at?: CellPlace): never => {
    throw valueError(ctx.fn, `target ${shown}${at ? ` at ${at.text}` : ''} is negative; a target is a duration`, at && [at]);
  };
  if (plainScalar(x) !== NOT_SCALAR) {
    const target = readNumberArg(ctx, x, 'target');
    if (target < 0) negative(describeValue(plainScalar(x)));
    const ms = Math.round(target * msPerUnit);
    return () => ms;
  }
  const col = readNumbers(ctx, x, 'target');
  const cells = col.grid.rows * col.grid.cols;
  if (cells !== idsCells) throw valueError(ctx.fn, `ticket_ids has ${idsCells} cells but target has ${cells}; give one number or one target per log row`);
  const v = col.values;
  return (row) => {
    const t = v[row];
    if (t !== t) {
      const at = placeOf(col.grid, row);
      const cell = cellAt(col.grid, row);
      const shown = isOmitted(cell) ? 'is blank' : `${describeValue(cell)} is not a number`;
      throw valueError(ctx.fn, `target ${shown} at ${at.text}, the first row of a ticket; its target counts for the whole ticket`, [at]);
    }
    if (t < 0) negative(describeValue(t), placeOf(col.grid, row));
    return Math.round(t * msPerUnit);
  };
}

function logSlaTally(ctx: CallContext, args: readonly unknown[]): LogTally {
  const resolvedKeys = requireStatusList(ctx, args[3], 'resolved', '"solved, closed"');
  const pauseKeys = readStatusList(ctx, args[5], 'pause');
  const { msPerUnit, business } = readDurationOptions(ctx, args[6], args[7], args[8]);
  const asOf = readAsOf(ctx, args[9]);
  const { log, dict } = readStatusLog(ctx, args, asOf);
  const g = log.grid;
  const targetOf = readTargets(ctx, args[4], g.rows * g.cols, msPerUnit);
  const resolved = statusSet(dict, resolvedKeys), pause = statusSet(dict, pauseKeys);
  let met = 0, counted = 0;
  for (let k = 0; k < log.tickets; k++) {
    const a = log.start[k], b = log.start[k + 1];
    if (a === b) continue;
    const targetMs = targetOf(log.order[a]);
    const ms = resolutionClock(log, a, b, resolved, pause, 'full', business);
    if (ms >= 0) {
      counted++;
      if (ms <= targetMs) met++;
    } else if (asOf !== undefined && openClock(log, a, b, pause, asOf, business) > targetMs) {
      counted++; // open at as_of and already past its target: breached
    }
  }
  return { value: met / counted, tickets: counted };
}

function logSlaAttainment(ctx: CallContext, args: readonly unknown[]): number {
  const t = logSlaTally(ctx, args);
  if (t.tickets === 0) {
    throw noDataError(ctx.fn, readAsOf(ctx, args[9]) !== undefined ? 'no data (no resolved or breached tickets at as_of)' : 'no data (no ticket whose last row is in a resolved status)');
  }
  return t.value;
}

/** The status-log KPIs by name, as tallies (LOG_TICKETS). */
export const STATUS_LOG_TALLIES = { TIME_IN_STATUS: timeInStatusTally, LOG_RESOLUTION: logResolutionTally, LOG_SLA_ATTAINMENT: logSlaTally } as const;

// ---------------------------------------------------------------- catalog entries

const COUNTED = {
  name: 'counted', kind: 'any',
  description: {
    en: 'The statuses whose time counts: a range of names or text such as "new, open, on-hold"',
    de: 'Die Status, deren Zeit zählt: ein Bereich von Namen oder Text wie "neu, offen, wartet auf Dritte"',
  },
} as const;
const RESOLVED_STATUSES = {
  name: 'resolved', kind: 'any',
  description: {
    en: 'The statuses that mean resolved: a range of names or text such as "solved, closed"',
    de: 'Die Status, die gelöst bedeuten: ein Bereich von Namen oder Text wie "gelöst, geschlossen"',
  },
} as const;
const PAUSE = {
  name: 'pause', kind: 'any', optional: true,
  description: {
    en: 'Statuses that stop the clock (waiting for the customer): a range or text such as "pending, on-hold"; blank: none',
    de: 'Status, die die Uhr anhalten (Warten auf den Kunden): ein Bereich oder Text wie "wartet auf Kunde"; leer: keine',
  },
} as const;

const RESOLUTION_RULES = {
  en: 'A ticket is resolved when its last row is in a resolved status; a resolution is an entry into a resolved status from a non-resolved one (a ticket whose first row is already resolved is resolved at once). The clock runs from the ticket\'s first row and stands still while the ticket is in a pause status; time in a resolved status before a reopening counts unless that status is also listed in pause.',
  de: 'Ein Ticket ist gelöst, wenn seine letzte Zeile in einem gelösten Status ist; eine Lösung ist ein Wechsel aus einem nicht gelösten in einen gelösten Status (ein Ticket, dessen erste Zeile schon gelöst ist, ist sofort gelöst). Die Uhr läuft ab der ersten Zeile des Tickets und steht still, solange das Ticket in einem Pausenstatus ist; Zeit in einem gelösten Status vor einer Wiedereröffnung zählt, außer dieser Status steht auch in pause.',
};

export const statusLogFunctions: readonly FunctionSpec[] = [
  {
    name: 'TIME_IN_STATUS',
    family: 'logs',
    args: [TICKET_IDS, TIMES, STATUSES, COUNTED, UNIT, BUSINESS_HOURS, HOLIDAYS, LOG_AS_OF],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average time tickets spent in the given statuses (requester wait, agent work time)', de: 'Durchschnittliche Zeit der Tickets in den angegebenen Status (Kundenwartezeit, Bearbeitungszeit)' },
    help: {
      en: `Mean, over the tickets that spent any time in a counted status, of each ticket's total time in those statuses, in hours by default. Zendesk's requester wait time is counted = "new, open, on-hold", its agent work time "new, open", its agent wait time "pending". Without as_of only tickets whose last row is not in a counted status are measured (their wait is over); with as_of every ticket that existed then counts, its current status running up to as_of. "Any time" is wall-clock time: with business_hours a ticket that sat in a counted status only outside the schedule counts with 0. ${STATUS_RULES.en} ${LOG_RULES.en} No such ticket: "no data".`,
      de: `Mittelwert der Gesamtzeit in diesen Status über die Tickets, die überhaupt Zeit in einem gezählten Status verbrachten, standardmäßig in Stunden. Die Kundenwartezeit von Zendesk (requester wait time) ist counted = "new, open, on-hold", die Bearbeitungszeit (agent work time) "new, open", die Wartezeit auf den Kunden (agent wait time) "pending". Ohne as_of zählen nur Tickets, deren letzte Zeile nicht in einem gezählten Status ist (ihr Warten ist vorbei); mit as_of zählt jedes Ticket, das es damals gab, sein aktueller Status läuft bis as_of. „Überhaupt Zeit“ meint Uhrzeit: Mit business_hours zählt ein Ticket, das nur außerhalb der Servicezeiten in einem gezählten Status war, mit 0. ${STATUS_RULES.de} ${LOG_RULES.de} Kein solches Ticket: „keine Daten“.`,
    },
    example: '=TIME_IN_STATUS(A2:A900, B2:B900, C2:C900, "new, open, on-hold") → 3',
    source: 'Zendesk native metrics: requester wait time (new, open, on-hold), agent work time (new, open); Freshdesk time by status',
    impl: timeInStatus,
    rowGroups: LOG_ROWS,
  },
  {
    name: 'STATUS_SUMMARY',
    family: 'logs',
    args: [TICKET_IDS, TIMES, STATUSES, UNIT, BUSINESS_HOURS, HOLIDAYS, LOG_AS_OF],
    result: 'table',
    unit: 'table',
    summary: { en: 'Table of time by status: tickets, average, median and total per status', de: 'Tabelle der Zeit je Status: Tickets, Durchschnitt, Median und Summe je Status' },
    help: {
      en: `A table Status, Tickets, Average, Median, Total with one row per status of the log, ordered by the earliest time any ticket entered it; Status shows the first spelling met. Tickets counts the tickets that spent time in the status (wall-clock time > 0); Average, Median and Total are taken over those tickets' summed time in it, in hours by default. A status with no counted time (only ever a ticket's last row) is listed with 0 and "". ${STATUS_RULES.en} ${LOG_RULES.en} No log row with a time: "no data".`,
      de: `Eine Tabelle Status, Tickets, Average, Median, Total mit einer Zeile je Status des Protokolls, geordnet nach dem frühesten Zeitpunkt, zu dem ein Ticket in ihn wechselte; Status zeigt die zuerst gefundene Schreibweise. Tickets zählt die Tickets, die Zeit im Status verbrachten (Uhrzeit > 0); Average (Durchschnitt), Median und Total (Summe) beziehen sich auf deren summierte Zeit darin, standardmäßig in Stunden. Ein Status ohne gezählte Zeit (nur je die letzte Zeile eines Tickets) steht mit 0 und "" in der Tabelle. ${STATUS_RULES.de} ${LOG_RULES.de} Keine Protokollzeile mit Zeitpunkt: „keine Daten“.`,
    },
    example: '=STATUS_SUMMARY(A2:A900, B2:B900, C2:C900) → new | 120 | 0.8 | 0.5 | 96 ; open | 118 | 5.2 | 3 | 613.6 ; …',
    source: 'Freshdesk "time by status" and Zendesk status durations (requester wait, agent wait, on-hold time)',
    impl: statusSummary,
    rowGroups: LOG_ROWS,
  },
  {
    name: 'LOG_RESOLUTION',
    family: 'logs',
    args: [
      TICKET_IDS, TIMES, STATUSES, RESOLVED_STATUSES, PAUSE, UNIT, BUSINESS_HOURS, HOLIDAYS,
      {
        name: 'which', kind: 'text', optional: true, default: '"full"',
        description: {
          en: '"first": up to the first resolution; "full": up to the last one (after reopenings)',
          de: '"erste": bis zur ersten Lösung; "full"/"gesamt": bis zur letzten (nach Wiedereröffnungen)',
        },
      },
    ],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average resolution time from a status log, with the clock paused in waiting statuses', de: 'Durchschnittliche Lösungszeit aus einem Statusprotokoll, mit angehaltener Uhr in Wartestatus' },
    help: {
      en: `Mean over resolved tickets of the time from the ticket's first row to its first ("first") or last ("full", the default) resolution, minus the time spent in pause statuses before it, in hours by default: the SLA clock of Jira Service Management and Zendesk. Without pause it is Zendesk's first or full resolution time. ${RESOLUTION_RULES.en} ${STATUS_RULES.en} ${LOG_RULES.en} No resolved ticket: "no data".`,
      de: `Mittelwert über die gelösten Tickets der Zeit von der ersten Zeile des Tickets bis zu seiner ersten ("erste") oder letzten ("full", Standard) Lösung, abzüglich der Zeit in Pausenstatus davor, standardmäßig in Stunden: die SLA-Uhr von Jira Service Management und Zendesk. Ohne pause ist es die erste bzw. vollständige Lösungszeit von Zendesk. ${RESOLUTION_RULES.de} ${STATUS_RULES.de} ${LOG_RULES.de} Kein gelöstes Ticket: „keine Daten“.`,
    },
    example: '=LOG_RESOLUTION(A2:A900, B2:B900, C2:C900, "solved, closed", "pending") → 3',
    source: 'Jira Service Management SLA pause conditions; Zendesk first and full resolution time',
    impl: logResolution,
    rowGroups: LOG_ROWS,
  },
  {
    name: 'LOG_SLA_ATTAINMENT',
    family: 'logs',
    args: [
      TICKET_IDS, TIMES, STATUSES, RESOLVED_STATUSES,
      {
        name: 'target', kind: 'any',
        description: {
          en: 'The resolution target in unit: one number, or one per log row (the ticket\'s first row counts)',
          de: 'Das Lösungsziel in der Einheit unit: eine Zahl oder eine je Protokollzeile (die erste Zeile des Tickets zählt)',
        },
      },
      PAUSE, UNIT, BUSINESS_HOURS, HOLIDAYS,
      {
        name: 'as_of', kind: 'date', optional: true, values: 'dates',
        description: {
          en: 'Also count tickets still open at this moment whose clock is already past their target (breached)',
          de: 'Auch Tickets zählen, die zu diesem Zeitpunkt noch offen sind und deren Uhr ihr Ziel schon überschritten hat (verletzt)',
        },
      },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of tickets resolved within the target on the paused SLA clock', de: 'Anteil der Tickets, die auf der angehaltenen SLA-Uhr innerhalb des Ziels gelöst wurden' },
    help: {
      en: `Share (0–1) of tickets whose LOG_RESOLUTION time (full, pauses taken out) is within target (≤, in whole milliseconds). target is one number, or a range with one target per log row (e.g. looked up from the priority), where the ticket's first row counts; a blank, text or negative target there is an error naming the row. Without as_of, over resolved tickets. With as_of, as things stood then: tickets resolved by then count, and open tickets whose clock (to as_of, pauses taken out) is already past their target count as breached; younger open tickets are not counted. ${RESOLUTION_RULES.en} ${STATUS_RULES.en} ${LOG_RULES.en} Nothing to count: "no data".`,
      de: `Anteil (0–1) der Tickets, deren LOG_RESOLUTION-Zeit (vollständig, ohne Pausen) innerhalb von target liegt (≤, in ganzen Millisekunden). target ist eine Zahl oder ein Bereich mit einem Ziel je Protokollzeile (etwa aus der Priorität nachgeschlagen), wobei die erste Zeile des Tickets zählt; ein leeres, textuelles oder negatives Ziel dort ist ein Fehler mit Angabe der Zeile. Ohne as_of über die gelösten Tickets. Mit as_of so, wie es damals stand: bis dahin gelöste Tickets zählen, und offene Tickets, deren Uhr (bis as_of, ohne Pausen) ihr Ziel schon überschritten hat, zählen als verletzt; jüngere offene Tickets zählen nicht. ${RESOLUTION_RULES.de} ${STATUS_RULES.de} ${LOG_RULES.de} Nichts zu zählen: „keine Daten“.`,
    },
    example: '=LOG_SLA_ATTAINMENT(A2:A900, B2:B900, C2:C900, "solved, closed", 8, "pending") → 0.91',
    source: 'Jira Service Management SLA goals with pause conditions; Zendesk SLA policies (pausable resolution targets)',
    impl: logSlaAttainment,
    rowGroups: LOG_ROWS,
  },
];
