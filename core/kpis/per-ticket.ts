/**
 * One row per ticket from an event log: helpdesks such as ServiceNow export one row per update of
 * a ticket, and counting those rows as tickets counts a ticket once per update. PER_TICKET keeps
 * the ranges aligned (so any ticket function takes its result in place of a column) and leaves a
 * value only on each ticket's last row: its last state, or — for the opened date — its first.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { valueError } from '../errors.js';
import type { CallContext, Cell, Table } from '../values/context.js';
import { cellAt, errorCode, isDateObject, NOT_PLAIN, plainValue, placeOf, toGrid } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import { cellError, isOmitted, MAX_DATE_SERIAL, MIN_DATE_SERIAL, NOT_A_DATE, readDates, readWordArg, requireSameSize } from '../values/read.js';
import { TicketIndex } from './log-rows.js';

type Which = 'first' | 'last';
const WHICH_WORDS: Readonly<Record<string, Which>> = { first: 'first', last: 'last', erste: 'first', ersten: 'first', letzte: 'last', letzten: 'last' };

/** A values cell as the result shows it: the cell itself, Dates as wall-clock serials, error cells as their code. */
export function shown(ctx: CallContext, g: Grid, i: number, v: unknown): Cell {
  if (typeof v === 'number') return v - v === 0 ? v : '#NUM!';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v === null || v === undefined) return '';
  if (isDateObject(v)) {
    // As every date reader does: an invalid Date or one beyond what spreadsheets hold is an error
    // naming its cell, never a serial of millions handed on to the next function.
    const ms = v.getTime();
    if (ms - ms !== 0) return cellError(ctx, g, i, 'is not a valid date', 'values');
    const serial = ctx.clock.serialOfInstant(ms);
    if (serial < MIN_DATE_SERIAL || serial >= MAX_DATE_SERIAL) return cellError(ctx, g, i, NOT_A_DATE, 'values');
    return serial;
  }
  const code = errorCode(v);
  if (code) return code;
  const p = plainValue(v);
  if (p !== NOT_PLAIN) return shown(ctx, g, i, p);
  return cellError(ctx, g, i, 'is not a value this function reads', 'values');
}

/**
 * Each ticket's first and last row: by time when `times` is given (ties: the earlier row is first,
 * the later one last; rows without a time are skipped as in every log function), else by sheet order.
 */
export interface TicketRows {
  readonly first: readonly number[];
  readonly last: readonly number[];
}

export function ticketRows(ctx: CallContext, ids: Grid, times: Float64Array | undefined, values?: Grid): TicketRows {
  const n = ids.rows * ids.cols;
  const index = new TicketIndex();
  const first: number[] = [], last: number[] = [];
  const column = ids.cols === 1;
  for (let i = 0; i < n; i++) {
    const t = times ? times[i] : 0;
    if (t !== t) continue;
    const k = index.of(ctx, ids, i, column ? ids.cells[i][0] : cellAt(ids, i));
    if (k < 0) {
      const at = placeOf(ids, i);
      if (times) throw valueError(ctx.fn, `ticket_ids is blank at ${at.text}, a row with a time; every row needs its ticket id`, [at]);
      if (values && !isOmitted(cellAt(values, i))) throw valueError(ctx.fn, `ticket_ids is blank at ${at.text}, a row with a value; every row needs its ticket id`, [at]);
      continue;
    }
    if (k === first.length) {
      first.push(i);
      last.push(i);
    } else if (times) {
      if (t >= times[last[k]]) last[k] = i;
      if (t < times[first[k]]) first[k] = i;
    } else last[k] = i;
  }
  return { first, last };
}

function perTicket(ctx: CallContext, args: readonly unknown[]): Table {
  const ids = toGrid(args[0]);
  const values = toGrid(args[1]);
  requireSameSize(ctx, ids, 'ticket_ids', values, 'values');
  let times: Float64Array | undefined;
  if (!isOmitted(args[2])) {
    const t = readDates(ctx, args[2], 'times');
    requireSameSize(ctx, ids, 'ticket_ids', t, 'times');
    times = t.values;
  }
  const which = readWordArg(ctx, args[3], 'which', WHICH_WORDS, 'last');
  const { first, last } = ticketRows(ctx, ids, times, values);
  const cols = ids.cols;
  const out: Table = [];
  for (let r = 0; r < ids.rows; r++) out.push(new Array<Cell>(cols).fill(''));
  const from = which === 'first' ? first : last;
  for (let k = 0; k < last.length; k++) {
    const at = last[k], src = from[k];
    const r = (at / cols) | 0;
    out[r][at - r * cols] = shown(ctx, values, src, cellAt(values, src));
  }
  return out;
}

export const perTicketFunctions: readonly FunctionSpec[] = [
  {
    name: 'PER_TICKET',
    family: 'logs',
    args: [
      { name: 'ticket_ids', kind: 'range', description: { en: 'The ticket of each row (repeated on every update of it)', de: 'Das Ticket jeder Zeile (bei jeder Aktualisierung wiederholt)' } },
      { name: 'values', kind: 'range', description: { en: 'The column to take one value per ticket from (resolved date, status, flag …)', de: 'Die Spalte, aus der je Ticket ein Wert kommt (Lösungsdatum, Status, Kennzeichen …)' } },
      {
        name: 'times', kind: 'range', optional: true, values: 'dates',
        description: { en: 'When each row was written (the update time); blank: the sheet\'s row order', de: 'Wann jede Zeile geschrieben wurde (Zeitpunkt der Aktualisierung); leer: die Reihenfolge im Blatt' },
      },
      {
        name: 'which', kind: 'text', optional: true, default: '"last"',
        description: { en: '"last": the value at the ticket\'s last row (its current state); "first": at its first row (the opened date)', de: '"letzte"/"last": der Wert in der letzten Zeile des Tickets (sein Stand); "erste"/"first": in seiner ersten Zeile (das Eröffnungsdatum)' },
      },
    ],
    result: 'column',
    unit: 'table',
    summary: { en: 'One value per ticket of an event log, on the ticket\'s last row, so each ticket counts once', de: 'Ein Wert je Ticket eines Ereignisprotokolls, in der letzten Zeile des Tickets, damit jedes Ticket einmal zählt' },
    help: {
      en: 'A column as tall as ticket_ids that holds, on each ticket\'s last row, the ticket\'s value of values at its last row ("last", its current state) or at its first row ("first"), and "" on every other row. Give it to any ticket function in place of a column, and each ticket counts once however many rows its updates wrote: =AVG_RESOLUTION(PER_TICKET(A2:A6000, J2:J6000, N2:N6000, "first"), PER_TICKET(A2:A6000, K2:K6000, N2:N6000)) averages opened to resolved once per ticket of a ServiceNow event log (ticket in A, opened in J, resolved in K, update time in N). The rows stay where they are, so the result goes into KPI_BY_PERIOD like a column. With times, a ticket\'s rows are ordered by time (at equal times the later row in the sheet is the last), and a row whose time is blank or text that is not a date (a header) is skipped; without times the sheet\'s order counts. Ticket ids are compared as trimmed text (42 and "42" are one ticket); a blank id on a row with a time (or, without times, with a value) is an error naming the row. Values are passed on as they are: dates as dates, text as text, error cells as their error; a date outside the years 100 to 9999 (or an invalid one) on a row the result shows is an error naming the row.',
      de: 'Eine Spalte so hoch wie ticket_ids, die in der letzten Zeile jedes Tickets dessen Wert aus values in seiner letzten Zeile ("letzte", sein aktueller Stand) oder in seiner ersten Zeile ("erste") enthält, und "" in allen anderen Zeilen. An jede Ticketfunktion statt einer Spalte übergeben, zählt jedes Ticket einmal, wie viele Zeilen seine Aktualisierungen auch schrieben: =AVG_RESOLUTION(PER_TICKET(A2:A6000; J2:J6000; N2:N6000; "erste"); PER_TICKET(A2:A6000; K2:K6000; N2:N6000)) mittelt Eröffnung bis Lösung einmal je Ticket eines ServiceNow-Ereignisprotokolls (Ticket in A, eröffnet in J, gelöst in K, Zeitpunkt der Aktualisierung in N). Die Zeilen bleiben an ihrem Platz, das Ergebnis geht also wie eine Spalte in KPI_BY_PERIOD. Mit times werden die Zeilen eines Tickets zeitlich geordnet (bei gleichem Zeitpunkt ist die spätere Zeile im Blatt die letzte), und eine Zeile, deren Zeitpunkt leer oder Text ohne Datum ist (eine Kopfzeile), wird übersprungen; ohne times zählt die Reihenfolge im Blatt. Ticket-IDs werden als Text ohne Randleerzeichen verglichen (42 und "42" sind ein Ticket); eine leere ID in einer Zeile mit Zeitpunkt (ohne times: mit Wert) ist ein Fehler mit Angabe der Zeile. Werte werden unverändert weitergegeben: Datumswerte als Datum, Text als Text, Fehlerzellen als ihr Fehler; ein Datum außerhalb der Jahre 100 bis 9999 (oder ein ungültiges) in einer Zeile, die das Ergebnis zeigt, ist ein Fehler mit Angabe der Zeile.',
    },
    example: '=AVG_RESOLUTION(PER_TICKET(A2:A6000, J2:J6000, N2:N6000, "first"), PER_TICKET(A2:A6000, K2:K6000, N2:N6000)) → 100.8',
    source: 'ServiceNow incident event log (one row per update; Amaral et al. 2018): a ticket\'s last update holds its current state',
    impl: perTicket,
  },
];
