/**
 * A ticket table's column beside a log: for each log row, its ticket's value in the ticket table
 * (the resolved date, the team …). KPI_BY_PERIOD and KPI_BY_GROUP keep a ticket's log rows together
 * in the period of its earliest date and the group of its first row, so with this column as their
 * dates or groups a log KPI is cut by the ticket table's dates and teams, as the ticket KPIs are.
 * Spreadsheets' MATCH takes one value at a time and compares 42 ≠ "42"; this reads both columns in
 * one pass each and compares ids as the log functions do.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { valueError } from '../errors.js';
import type { CallContext, Cell, Table } from '../values/context.js';
import { cellAt, describeValue, isRange, placeOf, toGrid } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import { isOmitted, requireSameSize } from '../values/read.js';
import { TicketIndex } from './log-rows.js';
import { shown } from './per-ticket.js';

/** Where the table lacks a ticket: nothing, one value for every row, or the row's own cell. */
type Fallback = { readonly kind: 'none' } | { readonly kind: 'one'; readonly value: unknown } | { readonly kind: 'rows'; readonly grid: Grid };

function fallbackOf(ctx: CallContext, x: unknown, ids: Grid): Fallback {
  if (!isRange(x)) return isOmitted(x) ? { kind: 'none' } : { kind: 'one', value: x };
  const g = toGrid(x);
  if (g.rows * g.cols === ids.rows * ids.cols) return { kind: 'rows', grid: g };
  if (g.rows * g.cols === 1) return isOmitted(x) ? { kind: 'none' } : { kind: 'one', value: cellAt(g, 0) };
  requireSameSize(ctx, ids, 'ticket_ids', g, 'if_missing');
  return { kind: 'none' };
}

function ticketLookup(ctx: CallContext, args: readonly unknown[]): Table {
  const ids = toGrid(args[0]);
  const tableIds = toGrid(args[1]);
  const values = toGrid(args[2]);
  requireSameSize(ctx, tableIds, 'table_ids', values, 'values');
  const fallback = fallbackOf(ctx, args[3], ids);

  // The table's tickets: index k → its row in values (one row per ticket).
  const index = new TicketIndex();
  const rowOf: number[] = [];
  const m = tableIds.rows * tableIds.cols;
  for (let i = 0; i < m; i++) {
    const k = index.of(ctx, tableIds, i, cellAt(tableIds, i));
    if (k < 0) continue;
    if (k < rowOf.length) {
      const once = placeOf(tableIds, rowOf[k]), twice = placeOf(tableIds, i);
      throw valueError(ctx.fn, `table_ids holds the ticket ${describeValue(cellAt(tableIds, i))} twice (${once.text} and ${twice.text}); the ticket table needs one row per ticket`, [once, twice]);
    }
    rowOf.push(i);
  }
  const held = rowOf.length;

  const missing = (i: number): Cell => {
    if (fallback.kind === 'none') return '';
    if (fallback.kind === 'one') return shown(ctx, toGrid([[fallback.value]]), 0, fallback.value);
    return shown(ctx, fallback.grid, i, cellAt(fallback.grid, i));
  };
  const n = ids.rows * ids.cols, cols = ids.cols;
  const out: Table = [];
  for (let r = 0; r < ids.rows; r++) out.push(new Array<Cell>(cols).fill(''));
  for (let i = 0; i < n; i++) {
    const k = index.of(ctx, ids, i, cellAt(ids, i));
    const at = k >= 0 && k < held ? rowOf[k] : -1;
    const v = at >= 0 ? cellAt(values, at) : undefined;
    const r = (i / cols) | 0;
    out[r][i - r * cols] = at >= 0 && !isOmitted(v) ? shown(ctx, values, at, v) : missing(i);
  }
  return out;
}

export const ticketLookupFunctions: readonly FunctionSpec[] = [
  {
    name: 'TICKET_LOOKUP',
    family: 'logs',
    args: [
      { name: 'ticket_ids', kind: 'range', description: { en: 'The ticket of each log row', de: 'Das Ticket jeder Protokollzeile' } },
      { name: 'table_ids', kind: 'range', description: { en: 'The ticket table\'s id column (one row per ticket)', de: 'Die ID-Spalte der Tickettabelle (eine Zeile je Ticket)' } },
      { name: 'values', kind: 'range', description: { en: 'The ticket table\'s column to take, as tall as table_ids (resolved date, opened date, team …)', de: 'Die Spalte der Tickettabelle, deren Wert kommt, so hoch wie table_ids (Lösungsdatum, Eröffnungsdatum, Team …)' } },
      {
        name: 'if_missing', kind: 'any', optional: true, default: '""',
        description: { en: 'Where the table has no row for the ticket, or a blank cell in values: a range as tall as ticket_ids (that row\'s cell) or one value for every such row', de: 'Wo die Tabelle keine Zeile für das Ticket oder eine leere Zelle in values hat: ein Bereich so hoch wie ticket_ids (die Zelle dieser Zeile) oder ein Wert für alle solchen Zeilen' } },
    ],
    result: 'column',
    unit: 'table',
    summary: { en: 'For each log row, its ticket\'s value in the ticket table, so log KPIs are cut by the ticket table\'s dates and teams', de: 'Für jede Protokollzeile der Wert ihres Tickets in der Tickettabelle, damit Protokoll-Kennzahlen nach Datum und Team der Tickettabelle aufgeteilt werden' },
    help: {
      en: 'A column as tall as ticket_ids holding, on each row, the value of values on the row of table_ids that holds the row\'s ticket; where the table has no such row or its cell in values is blank, the row\'s cell of if_missing (a range as tall as ticket_ids), or if_missing itself (one value), or "". Give it to KPI_BY_PERIOD as dates or to KPI_BY_GROUP as groups, and a log KPI is counted by the ticket table\'s dates or teams: =KPI_BY_PERIOD("LOG_RESOLUTION", TICKET_LOOKUP(A2:A900, Tickets!A2:A300, Tickets!F2:F300, B2:B900), "month", A2:A900, B2:B900, C2:C900, "solved", "pending") gives the paused resolution time per month of the tickets\' resolved date (Tickets!F), as average resolution time counts them; tickets the table lacks keep their log times, so their period is that of their first log row. A ticket\'s rows all get the same value, so KPI_BY_PERIOD and KPI_BY_GROUP keep them together as the log functions ask. Ticket ids are compared as trimmed text (42 and "42" are one ticket); a blank ticket id gets if_missing. table_ids must hold each ticket once: a ticket on two rows is an error naming both (an event log with one row per update is read one row per ticket by PER_TICKET). Values are passed on as they are: dates as dates, text as text, error cells as their error.',
      de: 'Eine Spalte so hoch wie ticket_ids, die in jeder Zeile den Wert aus values in der Zeile von table_ids enthält, die das Ticket der Zeile hat; wo die Tabelle keine solche Zeile hat oder ihre Zelle in values leer ist, die Zelle dieser Zeile aus if_missing (ein Bereich so hoch wie ticket_ids) oder if_missing selbst (ein Wert) oder "". Als dates an KPI_BY_PERIOD oder als groups an KPI_BY_GROUP übergeben, wird eine Protokoll-Kennzahl nach den Daten oder Teams der Tickettabelle gezählt: =KPI_BY_PERIOD("LOG_RESOLUTION"; TICKET_LOOKUP(A2:A900; Tickets!A2:A300; Tickets!F2:F300; B2:B900); "month"; A2:A900; B2:B900; C2:C900; "solved"; "pending") ergibt die Lösungszeit auf der SLA-Uhr je Monat des Lösungsdatums der Tickets (Tickets!F), wie die mittlere Lösungszeit sie zählt; Tickets, die der Tabelle fehlen, behalten ihre Protokollzeiten, ihr Zeitraum ist also der ihrer ersten Protokollzeile. Alle Zeilen eines Tickets bekommen denselben Wert, KPI_BY_PERIOD und KPI_BY_GROUP halten sie also zusammen, wie die Protokollfunktionen es verlangen. Ticket-IDs werden als Text ohne Randleerzeichen verglichen (42 und "42" sind ein Ticket); eine leere Ticket-ID bekommt if_missing. table_ids muss jedes Ticket einmal enthalten: ein Ticket in zwei Zeilen ist ein Fehler mit Angabe beider (ein Ereignisprotokoll mit einer Zeile je Aktualisierung liest PER_TICKET eine Zeile je Ticket). Werte werden unverändert weitergegeben: Datumswerte als Datum, Text als Text, Fehlerzellen als ihr Fehler.',
    },
    example: '=KPI_BY_PERIOD("LOG_RESOLUTION", TICKET_LOOKUP(A2:A900, Tickets!A2:A300, Tickets!F2:F300, B2:B900), "month", A2:A900, B2:B900, C2:C900, "solved", "pending") → the table Period, Rows, Value by the resolved month',
    source: 'A lookup by ticket id (as XLOOKUP with if_not_found), its ids compared as the log functions compare them: the ticket table\'s dates and teams for a helpdesk\'s status or message log',
    impl: ticketLookup,
  },
];
