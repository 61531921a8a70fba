/**
 * People: agent productivity and workforce stability (source article: "Mitarbeiterproduktivität",
 * "Mitarbeiterbindung / Fluktuation").
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import type { CallContext, Table } from '../values/context.js';
import { firstOf, lastOf, readCounts, readDates, readKeys, readWordArg, requireSameSize } from '../values/read.js';
import { readFlow } from '../values/flags.js';
import { placeOf } from '../values/grid.js';
import { TURNOVER_METHOD_WORDS } from '../values/words.js';
import { DATE_TEXT_RULES, DATE_ZERO_RULE } from './rule-texts.js';
import type { NumberColumn } from '../values/read.js';
import { durationMs, readPairs, readUnit } from './durations.js';
import { retentionShare } from './retention.js';

/** Code-point order (not UTF-16 unit order, not locale order): stable across hosts. */
function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!, y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------- agents

function resolvedPerAgent(ctx: CallContext, args: readonly unknown[]): number {
  const { grid, keys } = readKeys(ctx, args[0], 'agents');
  const resolved = readDates(ctx, args[1], 'resolved');
  requireSameSize(ctx, grid, 'agents', resolved, 'resolved');
  const agents = new Set<string>();
  let tickets = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const r = resolved.values[i];
    if (k === undefined || r !== r) continue; // no agent to credit, or not resolved
    agents.add(k);
    tickets++;
  }
  if (tickets === 0) throw noDataError(ctx.fn, 'no data (no resolved tickets with an agent)');
  return tickets / agents.size;
}

interface AgentRow {
  resolved: number;
  open: number;
  totalMs: number;
}

function agentSummary(ctx: CallContext, args: readonly unknown[]): Table {
  const { grid, keys } = readKeys(ctx, args[0], 'agents');
  const tickets = readPairs(ctx, args[1], args[2]);
  requireSameSize(ctx, grid, 'agents', tickets.grid, 'opened');
  const { msPerUnit } = readUnit(ctx, args[3]);
  const byAgent = new Map<string, AgentRow>();
  const { opened, closed } = tickets;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const o = opened[i];
    if (k === undefined || o !== o) continue; // no agent, or no ticket (a header row, a blank row)
    let row = byAgent.get(k);
    if (!row) {
      row = { resolved: 0, open: 0, totalMs: 0 };
      byAgent.set(k, row);
    }
    const c = closed[i];
    if (c === c) {
      row.resolved++;
      row.totalMs += durationMs(o, c, undefined);
    } else row.open++;
  }
  if (byAgent.size === 0) throw noDataError(ctx.fn, 'no data (no tickets with an agent and an opened date)');
  const names = [...byAgent.keys()].sort((a, b) => byAgent.get(b)!.resolved - byAgent.get(a)!.resolved || byCodePoint(a, b));
  const table: Table = [['Agent', 'Resolved', 'Open', 'Avg resolution']];
  for (const name of names) {
    const r = byAgent.get(name)!;
    table.push([name, r.resolved, r.open, r.resolved > 0 ? r.totalMs / r.resolved / msPerUnit : '']);
  }
  return table;
}

// ---------------------------------------------------------------- workforce

/** A count of people: numbers must not be negative (the offending cell is named). */
function readHeadcounts(ctx: CallContext, x: unknown, arg: string): NumberColumn {
  const col = readCounts(ctx, x, arg, 'it counts people');
  if (col.count === 0) throw noDataError(ctx.fn, `no data (${arg} holds no numbers)`);
  return col;
}

/** A flow of people (separations, hires): numbers summed, or the truthy flags of a per-employee column. */
function peopleFlow(ctx: CallContext, x: unknown, arg: string): number {
  const flow = readFlow(ctx, x, arg, 'it counts people');
  if (flow.count === 0) throw noDataError(ctx.fn, `no data (${arg} holds no numbers)`);
  return flow.total;
}

function employeeTurnover(ctx: CallContext, args: readonly unknown[]): number {
  const method = readWordArg(ctx, args[3], 'method', TURNOVER_METHOD_WORDS, 'average');
  if (method === 'monthly') return monthlyTurnover(ctx, args);
  const separations = peopleFlow(ctx, args[0], 'separations');
  const start = firstOf(readHeadcounts(ctx, args[1], 'headcount_start'));
  const end = lastOf(readHeadcounts(ctx, args[2], 'headcount_end'));
  const average = (start + end) / 2;
  if (average === 0) throw valueError(ctx.fn, 'the average headcount ((headcount_start + headcount_end) / 2) is 0; turnover needs people to divide by');
  return separations / average;
}

const MONTHLY_NEEDS = 'method "monthly" needs separations, headcount_start and headcount_end as ranges with one row per period';

/**
 * SHRM's annual turnover from monthly figures: the sum over the periods (rows) of each period's
 * separations ÷ its average headcount ((start + end) / 2). Rows with none of the three numbers (a
 * header, a blank row) are skipped; a row with only some of them is an error naming it.
 */
function monthlyTurnover(ctx: CallContext, args: readonly unknown[]): number {
  const sep = readCounts(ctx, args[0], 'separations', 'it counts people');
  const start = readCounts(ctx, args[1], 'headcount_start', 'it counts people');
  const end = readCounts(ctx, args[2], 'headcount_end', 'it counts people');
  const cells = (c: NumberColumn): number => c.grid.rows * c.grid.cols;
  if (cells(sep) !== cells(start) || cells(sep) !== cells(end)) {
    throw valueError(ctx.fn, `${MONTHLY_NEEDS}; they hold ${cells(sep)}, ${cells(start)} and ${cells(end)} cells`);
  }
  const s = sep.values, a = start.values, b = end.values;
  let total = 0, periods = 0;
  for (let i = 0; i < s.length; i++) {
    const have = (s[i] === s[i] ? 1 : 0) + (a[i] === a[i] ? 1 : 0) + (b[i] === b[i] ? 1 : 0);
    if (have === 0) continue;
    if (have < 3) {
      const at = placeOf(sep.grid, i);
      const missing = [s[i] === s[i] ? '' : 'separations', a[i] === a[i] ? '' : 'headcount_start', b[i] === b[i] ? '' : 'headcount_end'].filter(Boolean).join(' and ');
      throw valueError(ctx.fn, `${at.text} has no ${missing}; ${MONTHLY_NEEDS}, each with all three`, [at]);
    }
    const average = (a[i] + b[i]) / 2;
    if (average === 0) {
      const at = placeOf(sep.grid, i);
      throw valueError(ctx.fn, `the average headcount at ${at.text} is 0; turnover needs people to divide by`, [at]);
    }
    total += s[i] / average;
    periods++;
  }
  if (periods === 0) throw noDataError(ctx.fn, 'no data (no row holds separations and both headcounts)');
  return total;
}

function employeeRetention(ctx: CallContext, args: readonly unknown[]): number {
  const start = firstOf(readHeadcounts(ctx, args[0], 'headcount_start'));
  const end = lastOf(readHeadcounts(ctx, args[1], 'headcount_end'));
  const hires = peopleFlow(ctx, args[2], 'hires');
  if (start === 0) throw valueError(ctx.fn, 'headcount_start is 0; retention needs people at the start to divide by');
  return retentionShare(ctx, start, end, hires, { start: 'headcount_start', end: 'headcount_end', added: 'hires', who: 'people' });
}

// ---------------------------------------------------------------- catalog entries

const STOCKS_AND_FLOWS = {
  en: 'Each argument is a number or a range. Flows (separations, hires) are summed; stocks are counts on a date in period order: headcount_start takes the range\'s first number, headcount_end its last. So monthly rows give the turnover of the whole span, not of one month. A flow may also be a per-employee Yes/No column (an Attrition column): its Yes cells are counted, the first text is its header and other unknown text is an error. Blanks and a header are skipped; negative counts are errors naming the cell; an argument with no number at all is "no data".',
  de: 'Jedes Argument ist eine Zahl oder ein Bereich. Bewegungen (Abgänge, Neueinstellungen) werden summiert; Bestände sind Zählungen zu einem Stichtag in zeitlicher Reihenfolge: headcount_start nimmt die erste Zahl des Bereichs, headcount_end die letzte. Monatszeilen ergeben also die Fluktuation des ganzen Zeitraums, nicht die eines Monats. Eine Bewegung kann auch eine Ja/Nein-Spalte je Mitarbeiter sein (eine Spalte Attrition): Gezählt werden ihre Ja-Zellen, der erste Text ist ihre Überschrift, anderer unbekannter Text ist ein Fehler. Leere Zellen und eine Kopfzeile werden übersprungen; negative Zahlen sind Fehler mit Angabe der Zelle; ein Argument ganz ohne Zahl ergibt „keine Daten“.',
};

const DATES_OF_TICKETS = {
  en: `${DATE_TEXT_RULES.en} ${DATE_ZERO_RULE.en}`,
  de: `${DATE_TEXT_RULES.de} ${DATE_ZERO_RULE.de}`,
};

export const peopleFunctions: readonly FunctionSpec[] = [
  {
    name: 'RESOLVED_PER_AGENT',
    family: 'people',
    args: [
      { name: 'agents', kind: 'range', description: { en: 'The agent of each ticket', de: 'Der bearbeitende Mitarbeiter jedes Tickets' } },
      { name: 'resolved', kind: 'range', values: 'dates', description: { en: 'When each ticket was resolved; blank while it is open', de: 'Wann jedes Ticket gelöst wurde; leer, solange es offen ist' } },
    ],
    result: 'scalar',
    unit: 'number',
    summary: { en: 'Resolved tickets per agent', de: 'Gelöste Tickets pro Mitarbeiter' },
    help: {
      en: 'Number of resolved tickets (rows with a resolved date) divided by the number of distinct agents among them. Agents are compared as trimmed text, case-sensitive. Rows with a blank agent are skipped (nobody to credit); open tickets and agents without a resolved ticket do not count. The ranges must be the same size. No resolved ticket with an agent: "no data". ' + DATES_OF_TICKETS.en,
      de: 'Anzahl der gelösten Tickets (Zeilen mit Lösungsdatum) geteilt durch die Anzahl verschiedener Mitarbeiter unter ihnen. Namen werden als getrimmter Text verglichen, mit Groß-/Kleinschreibung. Zeilen ohne Mitarbeiter werden übersprungen (niemand, dem sie zuzurechnen sind); offene Tickets und Mitarbeiter ohne gelöstes Ticket zählen nicht. Die Bereiche müssen gleich groß sein. Kein gelöstes Ticket mit Mitarbeiter: „keine Daten“. ' + DATES_OF_TICKETS.de,
    },
    example: '=RESOLVED_PER_AGENT(E2:E500, C2:C500) → 38.5',
    source: 'Zendesk: tickets solved per agent',
    impl: resolvedPerAgent,
  },
  {
    name: 'AGENT_SUMMARY',
    family: 'people',
    args: [
      { name: 'agents', kind: 'range', description: { en: 'The agent of each ticket', de: 'Der bearbeitende Mitarbeiter jedes Tickets' } },
      { name: 'opened', kind: 'range', values: 'dates', description: { en: 'When each ticket was opened', de: 'Wann jedes Ticket eröffnet wurde' } },
      { name: 'resolved', kind: 'range', values: 'dates', description: { en: 'When each ticket was resolved; blank while it is open', de: 'Wann jedes Ticket gelöst wurde; leer, solange es offen ist' } },
      { name: 'unit', kind: 'text', optional: true, default: '"hours"', description: { en: 'Unit of Avg resolution: "hours", "minutes" or "days"', de: 'Einheit der Spalte Avg resolution: "Stunden", "Minuten" oder "Tage"' } },
    ],
    result: 'table',
    unit: 'table',
    summary: { en: 'Per agent: resolved, open and average resolution time', de: 'Pro Mitarbeiter: gelöste und offene Tickets, durchschnittliche Lösungszeit' },
    help: {
      en: 'A table Agent, Resolved, Open, Avg resolution with one row per agent, most resolved first (ties by name in code-point order). Resolved counts tickets with a resolved date, Open those without; Avg resolution is the mean of resolved − opened (wall-clock, like =B2-A2) in unit, empty when the agent resolved none. Rows with a blank agent or a blank opened date are skipped; resolved before opened is an error naming the row. The three ranges must be the same size. No ticket at all: "no data". ' + DATES_OF_TICKETS.en,
      de: 'Eine Tabelle Agent, Resolved, Open, Avg resolution mit einer Zeile pro Mitarbeiter, die meisten gelösten zuerst (bei Gleichstand nach Namen in Unicode-Reihenfolge). Resolved zählt Tickets mit Lösungsdatum, Open die ohne; Avg resolution ist der Mittelwert von gelöst − eröffnet (nach der Uhr, wie =B2-A2) in der Einheit unit, leer, wenn der Mitarbeiter keines gelöst hat. Zeilen ohne Mitarbeiter oder ohne Eröffnungsdatum werden übersprungen; gelöst vor eröffnet ist ein Fehler mit Angabe der Zeile. Die drei Bereiche müssen gleich groß sein. Gar kein Ticket: „keine Daten“. ' + DATES_OF_TICKETS.de,
    },
    example: '=AGENT_SUMMARY(E2:E500, B2:B500, C2:C500) → table Agent, Resolved, Open, Avg resolution',
    source: 'Zendesk agent activity: solved, unsolved and resolution time per agent',
    impl: agentSummary,
  },
  {
    name: 'EMPLOYEE_TURNOVER',
    family: 'people',
    args: [
      { name: 'separations', kind: 'any', description: { en: 'Employees who left (a number, a range that is summed, or a per-employee Yes/No attrition column)', de: 'Ausgeschiedene Mitarbeiter (Zahl, Bereich, der summiert wird, oder eine Ja/Nein-Spalte je Mitarbeiter)' } },
      { name: 'headcount_start', kind: 'any', description: { en: 'Headcount at the start (a range: its first number; with "monthly", one per period)', de: 'Personalbestand am Anfang (bei einem Bereich: die erste Zahl; mit "monatlich" einer je Zeitraum)' } },
      { name: 'headcount_end', kind: 'any', description: { en: 'Headcount at the end (a range: its last number; with "monthly", one per period)', de: 'Personalbestand am Ende (bei einem Bereich: die letzte Zahl; mit "monatlich" einer je Zeitraum)' } },
      { name: 'method', kind: 'text', optional: true, default: '"average"', description: { en: '"average" (separations ÷ average headcount of the span) or "monthly" (SHRM: the sum of each period\'s rate); German: Durchschnitt, monatlich', de: '"Durchschnitt" (Abgänge ÷ durchschnittlicher Bestand des Zeitraums) oder "monatlich" (SHRM: Summe der Raten je Zeitraum); englisch: average, monthly' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Employee turnover: separations / average headcount', de: 'Fluktuationsrate: Abgänge / durchschnittlicher Personalbestand' },
    help: {
      en: `With method "average" (the default): separations / ((headcount_start + headcount_end) / 2), as a fraction (0.1 = 10 %). ${STOCKS_AND_FLOWS.en} An average headcount of 0 is an error. With method "monthly" (SHRM's annual turnover from monthly figures): the sum over the rows (periods) of each period's separations ÷ that period's (start + end) / 2, so separations, headcount_start and headcount_end are ranges with one row per period, aligned; rows with none of the three (a header, a blank row) are skipped, a row with only some of them is an error naming it. Example: twelve monthly rows with headcount 100 at every start and end and 5 separations each give 12 × 5 / 100 = 0.6, the year's turnover; when the headcount moves, "monthly" weighs each month by its own headcount.`,
      de: `Mit method "Durchschnitt" (Standard): Abgänge / ((Anfangsbestand + Endbestand) / 2), als Anteil (0,1 = 10 %). ${STOCKS_AND_FLOWS.de} Ein durchschnittlicher Bestand von 0 ist ein Fehler. Mit method "monatlich" (die Jahresfluktuation der SHRM aus Monatszahlen): die Summe über die Zeilen (Zeiträume) aus den Abgängen jedes Zeitraums ÷ dessen (Anfang + Ende) / 2; separations, headcount_start und headcount_end sind dann Bereiche mit einer Zeile je Zeitraum, zeilengleich; Zeilen ohne alle drei Zahlen (eine Kopfzeile, eine leere Zeile) werden übersprungen, eine Zeile mit nur einigen davon ist ein Fehler, der sie nennt. Beispiel: zwölf Monatszeilen mit Bestand 100 an jedem Anfang und Ende und je 5 Abgängen ergeben 12 × 5 / 100 = 0,6, die Fluktuation des Jahres; bewegt sich der Bestand, gewichtet "monatlich" jeden Monat mit seinem eigenen Bestand.`,
    },
    example: '=EMPLOYEE_TURNOVER(6, 50, 70) → 0.1',
    source: 'SHRM: turnover rate = separations / average number of employees; annual turnover as the sum of the monthly rates',
    impl: employeeTurnover,
  },
  {
    name: 'EMPLOYEE_RETENTION',
    family: 'people',
    args: [
      { name: 'headcount_start', kind: 'any', description: { en: 'Headcount at the start (a range: its first number)', de: 'Personalbestand am Anfang (bei einem Bereich: die erste Zahl)' } },
      { name: 'headcount_end', kind: 'any', description: { en: 'Headcount at the end (a range: its last number)', de: 'Personalbestand am Ende (bei einem Bereich: die letzte Zahl)' } },
      { name: 'hires', kind: 'any', description: { en: 'Employees hired during the period (a number, a range that is summed, or a per-employee Yes/No column)', de: 'Im Zeitraum eingestellte Mitarbeiter (Zahl, Bereich, der summiert wird, oder eine Ja/Nein-Spalte je Mitarbeiter)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Employee retention: (end − hires) / start', de: 'Mitarbeiterbindungsrate: (Endbestand − Neueinstellungen) / Anfangsbestand' },
    help: {
      en: `(headcount_end − hires) / headcount_start, as a fraction: the share of the starting staff still there at the end (assuming the new hires stayed). ${STOCKS_AND_FLOWS.en} A starting headcount of 0 is an error, and so are inputs that give a share outside 0–1: more hires than the headcount at the end, or a headcount at the end above the start plus the hires.`,
      de: `(Endbestand − Neueinstellungen) / Anfangsbestand, als Anteil: der Teil der Anfangsbelegschaft, der am Ende noch da ist (unter der Annahme, dass die Neuen geblieben sind). ${STOCKS_AND_FLOWS.de} Ein Anfangsbestand von 0 ist ein Fehler, ebenso Eingaben, die einen Anteil außerhalb von 0–1 ergeben: mehr Neueinstellungen als Endbestand oder ein Endbestand über Anfangsbestand plus Neueinstellungen.`,
    },
    example: '=EMPLOYEE_RETENTION(50, 52, 7) → 0.9',
    source: 'Employee retention rate = (employees at end − new hires) / employees at start (SHRM)',
    impl: employeeRetention,
  },
];
