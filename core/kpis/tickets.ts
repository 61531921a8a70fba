/**
 * Tickets (helpdesk, call centre): resolution and first-response times, SLA attainment, the backlog
 * and resolved counts (source article: "durchschnittliche Lösungszeit", "aktive Probleme",
 * "gelöste Probleme"). Dates are wall-clock serials; durations are wall-clock differences like the
 * spreadsheet's `=B2-A2`, or business time when a schedule is given (see durations.ts).
 */
import type { ArgSpec, FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import type { CallContext } from '../values/context.js';
import { cellAt, describeValue, NOT_SCALAR, placeOf, unwrapScalar } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import { cellError, isOmitted, plainScalar, readDateArg, readDates, readNumberArg, readNumbers, requireSameSize } from '../values/read.js';
import { median, percentileInc } from '../stats.js';
import { DATE_TEXT_RULES, DATE_ZERO_RULE } from './rule-texts.js';
import type { BusinessClock } from './business-hours.js';
import {
  durationMs, foldPairs, isUnitWord, meanDurationMs, readDurationOptions, readPairs, readResolutionArgs, readUnit, requireDurations, wallClockText,
} from './durations.js';

// ---------------------------------------------------------------- shared argument texts

const OPENED: ArgSpec = {
  name: 'opened', kind: 'range', values: 'dates',
  description: { en: 'When each ticket was opened (dates with times)', de: 'Wann jedes Ticket eröffnet wurde (Datum mit Uhrzeit)' },
};
const OPENED_OR_BOTH: ArgSpec = {
  name: 'opened', kind: 'range', values: 'dates',
  description: {
    en: 'When each ticket was opened; or, without resolved, one two-column range (opened, resolved)',
    de: 'Wann jedes Ticket eröffnet wurde; oder, ohne resolved, ein zweispaltiger Bereich (eröffnet, gelöst)',
  },
};
const RESOLVED: ArgSpec = {
  name: 'resolved', kind: 'range', values: 'dates',
  description: { en: 'When each ticket was resolved; blank while it is open', de: 'Wann jedes Ticket gelöst wurde; leer, solange es offen ist' },
};
const FIRST_RESPONSE: ArgSpec = {
  name: 'first_response', kind: 'range', values: 'dates',
  description: { en: 'When each ticket got its first reply; blank while it has none', de: 'Wann jedes Ticket die erste Antwort bekam; leer, solange keine vorliegt' },
};
const PERCENTILE_K: ArgSpec = {
  name: 'k', kind: 'number',
  description: { en: 'The percentile as a fraction from 0 to 1 (0.9 for the 90th)', de: 'Das Perzentil als Anteil von 0 bis 1 (0,9 für das 90.)' },
};
const UNIT: ArgSpec = {
  name: 'unit', kind: 'text', optional: true, default: '"hours"',
  description: { en: 'Unit of the result: "hours", "minutes", "seconds" or "days"', de: 'Einheit des Ergebnisses: "Stunden", "Minuten", "Sekunden" oder "Tage"' },
};
const BUSINESS_HOURS: ArgSpec = {
  name: 'business_hours', kind: 'text', optional: true,
  description: {
    en: 'Count only time inside this schedule, e.g. "Mon-Fri 09:00-17:00"; blank for calendar time',
    de: 'Nur Zeit innerhalb dieser Servicezeiten zählen, z. B. "Mo-Fr 08:00-18:00"; leer für Kalenderzeit',
  },
};
const HOLIDAYS: ArgSpec = {
  name: 'holidays', kind: 'range', optional: true, values: 'dates',
  description: { en: 'Dates whose whole days are not counted', de: 'Daten, deren ganze Tage nicht mitzählen' },
};
const AS_OF_OPTIONAL: ArgSpec = {
  name: 'as_of', kind: 'date', optional: true, values: 'dates',
  description: { en: 'The moment to look at (e.g. =TODAY()); a date alone means 00:00 of that day', de: 'Der betrachtete Zeitpunkt (z. B. =HEUTE()); ein Datum allein bedeutet 00:00 Uhr dieses Tages' },
};

const DURATION_RULES = {
  en: `${DATE_TEXT_RULES.en} A header row is skipped. ${DATE_ZERO_RULE.en} Durations are wall-clock differences, exactly what =B2-A2 gives, also across a daylight-saving change. Rows with a blank opened date are skipped; a blank resolved date is an open ticket and not counted; resolved before opened is an error naming the row. With business_hours ("Mon-Fri 09:00-17:00", "Mo-Fr 08:00-18:00", "Mon-Thu 09:00-17:00; Fri 09:00-15:00", "Sa-Mo 10:00-14:00", several windows a day separated by commas: "Mon-Fri 09:00-12:00, 13:00-17:00"; 24:00 ends a day; each day may appear only once) only time inside the schedule counts, so a ticket opened and resolved overnight takes 0; "days" still means 24 hours. Holidays take their whole days out (also without a schedule). Error cells are errors naming their position.`,
  de: `${DATE_TEXT_RULES.de} Eine Kopfzeile wird übersprungen. ${DATE_ZERO_RULE.de} Dauern sind Differenzen der Uhrzeit, genau wie =B2-A2, auch über eine Zeitumstellung hinweg. Zeilen ohne Eröffnungsdatum werden übersprungen; ein leeres Lösungsdatum ist ein offenes Ticket und zählt nicht; gelöst vor eröffnet ist ein Fehler mit Angabe der Zeile. Mit business_hours ("Mo-Fr 08:00-18:00", "Mon-Thu 09:00-17:00; Fri 09:00-15:00", "Sa-Mo 10:00-14:00", mehrere Zeitfenster pro Tag durch Kommas getrennt: "Mo-Fr 09:00-12:00, 13:00-17:00"; 24:00 beendet einen Tag; jeder Tag darf nur einmal vorkommen) zählt nur Zeit innerhalb der Servicezeiten, ein über Nacht eröffnetes und gelöstes Ticket dauert also 0; "Tage" bedeutet weiterhin 24 Stunden. Feiertage fallen ganztägig heraus (auch ohne Servicezeiten). Fehlerzellen sind Fehler mit Angabe ihrer Position.`,
};

// ---------------------------------------------------------------- implementations

/**
 * Mean duration of the closed tickets in ms: one pass over the two ranges when they are single
 * columns (foldPairs), else through readPairs. "no data" when none is closed.
 */
function meanClosedMs(ctx: CallContext, opened: unknown, closed: unknown, closedName: string, business: BusinessClock | undefined, what: string): number {
  const totals = foldPairs(ctx, opened, closed, closedName, 'durations', business);
  if (totals === undefined) return meanDurationMs(ctx, readPairs(ctx, opened, closed, closedName), business, what);
  if (totals.n === 0) throw noDataError(ctx.fn, `no data (${what})`);
  return totals.sum / totals.n;
}

function avgResolution(ctx: CallContext, args: readonly unknown[]): number {
  if (!isUnitWord(args[1]) && !isOmitted(args[1]) && typeof unwrapScalar(args[1]) !== 'string') {
    // Two ranges (the usual form): options first, then one pass over the rows.
    const { msPerUnit, business } = readDurationOptions(ctx, args[2], args[3], args[4]);
    return meanClosedMs(ctx, args[0], args[1], 'resolved', business, 'no resolved tickets') / msPerUnit;
  }
  const { tickets, rest } = readResolutionArgs(ctx, args);
  const { msPerUnit, business } = readDurationOptions(ctx, rest[0], rest[1], rest[2]);
  return meanDurationMs(ctx, tickets, business) / msPerUnit;
}

function medianResolution(ctx: CallContext, args: readonly unknown[]): number {
  const { tickets, rest } = readResolutionArgs(ctx, args);
  const { msPerUnit, business } = readDurationOptions(ctx, rest[0], rest[1], rest[2]);
  return median(requireDurations(ctx, tickets, business).sort()) / msPerUnit;
}

function readShare(ctx: CallContext, x: unknown, arg: string): number {
  const k = readNumberArg(ctx, x, arg);
  if (k < 0 || k > 1) {
    const hint = Number.isInteger(k) && k > 1 && k <= 100 ? ` (write ${k / 100} for percentile ${k})` : '';
    throw valueError(ctx.fn, `${arg} ${describeValue(unwrapScalar(x))} is not between 0 and 1${hint}`);
  }
  return k;
}

function resolutionPercentile(ctx: CallContext, args: readonly unknown[]): number {
  const tickets = readPairs(ctx, args[0], args[1]);
  const k = readShare(ctx, args[2], 'k');
  const { msPerUnit, business } = readDurationOptions(ctx, args[3], args[4], args[5]);
  return percentileInc(requireDurations(ctx, tickets, business).sort(), k) / msPerUnit;
}

function avgFirstResponse(ctx: CallContext, args: readonly unknown[]): number {
  const { msPerUnit, business } = readDurationOptions(ctx, args[2], args[3], args[4]);
  return meanClosedMs(ctx, args[0], args[1], 'first_response', business, 'no tickets with a first response') / msPerUnit;
}

const NO_FIRST_RESPONSE = 'no tickets with a first response';

function medianFirstResponse(ctx: CallContext, args: readonly unknown[]): number {
  const tickets = readPairs(ctx, args[0], args[1], 'first_response');
  const { msPerUnit, business } = readDurationOptions(ctx, args[2], args[3], args[4]);
  return median(requireDurations(ctx, tickets, business, NO_FIRST_RESPONSE).sort()) / msPerUnit;
}

function firstResponsePercentile(ctx: CallContext, args: readonly unknown[]): number {
  const tickets = readPairs(ctx, args[0], args[1], 'first_response');
  const k = readShare(ctx, args[2], 'k');
  const { msPerUnit, business } = readDurationOptions(ctx, args[3], args[4], args[5]);
  return percentileInc(requireDurations(ctx, tickets, business, NO_FIRST_RESPONSE).sort(), k) / msPerUnit;
}

/**
 * SLA_ATTAINMENT's target in ms per row: one number for every ticket, or (v3) a range with one
 * target per ticket, e.g. looked up from the priority. A blank, text or negative target on a row
 * with an opened date is an error naming the row.
 */
function readSlaTargets(ctx: CallContext, x: unknown, opened: Float64Array, openedGrid: Grid, msPerUnit: number): (i: number) => number {
  if (plainScalar(x) !== NOT_SCALAR) {
    const target = readNumberArg(ctx, x, 'target');
    if (target < 0) throw valueError(ctx.fn, `target ${describeValue(plainScalar(x))} is negative; a target is a duration`);
    const ms = Math.round(target * msPerUnit);
    return () => ms;
  }
  const col = readNumbers(ctx, x, 'target');
  requireSameSize(ctx, openedGrid, 'opened', col, 'target');
  const v = col.values;
  for (let i = 0; i < v.length; i++) {
    if (opened[i] !== opened[i]) continue;
    const t = v[i];
    if (t !== t) {
      const cell = cellAt(col.grid, i);
      const what = isOmitted(cell) ? 'is blank' : `${describeValue(cell)} is not a number`;
      const at = placeOf(col.grid, i);
      throw valueError(ctx.fn, `target ${what} at ${at.text}, a ticket with an opened date; give every ticket its target`, [at]);
    }
    if (t < 0) cellError(ctx, col.grid, i, 'is negative; a target is a duration', 'target');
  }
  const ms = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) ms[i] = Math.round(v[i] * msPerUnit);
  return (i) => ms[i];
}

/**
 * Without as_of: share of resolved tickets whose duration is ≤ target. With as_of, the picture at
 * that moment: tickets opened after it do not exist yet; tickets resolved after it were still open
 * then. An open ticket older than the target has breached it (counted, not met); a younger one may
 * still make it and is not counted.
 */
function slaAttainment(ctx: CallContext, args: readonly unknown[]): number {
  const { opened, closed, grid } = readPairs(ctx, args[0], args[1]);
  const { msPerUnit, business } = readDurationOptions(ctx, args[3], args[4], args[5]);
  const targetOf = readSlaTargets(ctx, args[2], opened, grid, msPerUnit);
  // An omitted as_of, or 0 (a blank cell as Excel may pass it), means "without as_of".
  const asOfArg = readDateArg(ctx, args[6], 'as_of', NaN);
  const hasAsOf = asOfArg === asOfArg;
  const asOf = hasAsOf ? asOfArg : 0;
  let met = 0, counted = 0;
  for (let i = 0; i < opened.length; i++) {
    const o = opened[i];
    if (o !== o) continue;
    const c = closed[i];
    const targetMs = targetOf(i);
    if (!hasAsOf) {
      if (c !== c) continue;
      counted++;
      if (durationMs(o, c, business) <= targetMs) met++;
      continue;
    }
    if (o > asOf) continue;
    if (c === c && c <= asOf) {
      counted++;
      if (durationMs(o, c, business) <= targetMs) met++;
    } else if (durationMs(o, asOf, business) > targetMs) {
      counted++; // open at as_of and already past the target: breached
    }
  }
  if (counted === 0) throw noDataError(ctx.fn, hasAsOf ? 'no data (no resolved or breached tickets at as_of)' : 'no data (no resolved tickets)');
  return met / counted;
}

function activeIssues(ctx: CallContext, args: readonly unknown[]): number {
  const asOfArg = readDateArg(ctx, args[2], 'as_of', NaN);
  const atNow = asOfArg !== asOfArg;
  const asOfFirst = atNow ? 0 : asOfArg;
  const totals = foldPairs(ctx, args[0], args[1], 'resolved', atNow ? 'open' : 'activeAt', undefined, asOfFirst);
  if (totals !== undefined) return totals.n;
  const { opened, closed } = readPairs(ctx, args[0], args[1]);
  let n = 0;
  if (atNow) {
    for (let i = 0; i < opened.length; i++) if (opened[i] === opened[i] && closed[i] !== closed[i]) n++;
    return n;
  }
  for (let i = 0; i < opened.length; i++) {
    const o = opened[i], c = closed[i];
    if (o <= asOfFirst && !(c <= asOfFirst)) n++; // NaN compares false: blank opened never counts, blank resolved is open
  }
  return n;
}

function backlogAge(ctx: CallContext, args: readonly unknown[]): number {
  const { opened, closed } = readPairs(ctx, args[0], args[1]);
  const asOf = readDateArg(ctx, args[2], 'as_of');
  const { msPerUnit } = readUnit(ctx, args[3]);
  let sum = 0, n = 0;
  for (let i = 0; i < opened.length; i++) {
    const o = opened[i], c = closed[i];
    if (o <= asOf && !(c <= asOf)) {
      sum += durationMs(o, asOf, undefined);
      n++;
    }
  }
  if (n === 0) throw noDataError(ctx.fn, `no data (no tickets active at ${wallClockText(asOf)})`);
  return sum / n / msPerUnit;
}

function resolvedIssues(ctx: CallContext, args: readonly unknown[]): number {
  const resolved = readDates(ctx, args[0], 'resolved').values;
  const from = readDateArg(ctx, args[1], 'from', -Infinity);
  let to = readDateArg(ctx, args[2], 'to', Infinity);
  if (from > to) throw valueError(ctx.fn, `from ${wallClockText(from)} is after to ${wallClockText(to)}`);
  // A date alone as `to` means the whole of that day.
  const wholeDay = to !== Infinity && Math.abs(to - Math.round(to)) < 1e-9;
  if (wholeDay) to = Math.round(to) + 1;
  let n = 0;
  for (let i = 0; i < resolved.length; i++) {
    const r = resolved[i];
    if (r >= from && (wholeDay ? r < to : r <= to)) n++;
  }
  return n;
}

// ---------------------------------------------------------------- catalog entries

export const ticketFunctions: readonly FunctionSpec[] = [
  {
    name: 'AVG_RESOLUTION',
    family: 'tickets',
    args: [OPENED_OR_BOTH, { ...RESOLVED, optional: true }, UNIT, BUSINESS_HOURS, HOLIDAYS],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average time from opened to resolved', de: 'Durchschnittliche Lösungszeit von der Eröffnung bis zur Lösung' },
    help: {
      en: `Mean of resolved − opened over resolved tickets, in hours by default. With resolved omitted, or given a unit word as in AVG_RESOLUTION(B2:C500, "days"), opened is one two-column range (opened, resolved) and unit, business_hours and holidays follow it. ${DURATION_RULES.en} No resolved ticket: "no data".`,
      de: `Mittelwert von gelöst − eröffnet über die gelösten Tickets, standardmäßig in Stunden. Ohne resolved, oder mit einem Einheitenwort an seiner Stelle wie in AVG_RESOLUTION(B2:C500; "Tage"), ist opened ein zweispaltiger Bereich (eröffnet, gelöst), und unit, business_hours und holidays folgen direkt darauf. ${DURATION_RULES.de} Kein gelöstes Ticket: „keine Daten“.`,
    },
    example: '=AVG_RESOLUTION(B2:B500, C2:C500) → 5.5',
    source: 'Zendesk: full resolution time (mean)',
    impl: avgResolution,
  },
  {
    name: 'MEDIAN_RESOLUTION',
    family: 'tickets',
    args: [OPENED_OR_BOTH, { ...RESOLVED, optional: true }, UNIT, BUSINESS_HOURS, HOLIDAYS],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Median time from opened to resolved', de: 'Median der Lösungszeit' },
    help: {
      en: `Median of resolved − opened over resolved tickets (the middle value; with an even count, the mean of the two middle ones), in hours by default. Less affected than the average by a few very long tickets. Same two-column form as AVG_RESOLUTION. ${DURATION_RULES.en} No resolved ticket: "no data".`,
      de: `Median von gelöst − eröffnet über die gelösten Tickets (der mittlere Wert; bei gerader Anzahl der Mittelwert der beiden mittleren), standardmäßig in Stunden. Wird von wenigen sehr langen Tickets weniger verzerrt als der Durchschnitt. Dieselbe zweispaltige Form wie bei AVG_RESOLUTION. ${DURATION_RULES.de} Kein gelöstes Ticket: „keine Daten“.`,
    },
    example: '=MEDIAN_RESOLUTION(B2:C500, "days") → 1.5',
    source: 'Zendesk: full resolution time (median)',
    impl: medianResolution,
  },
  {
    name: 'RESOLUTION_PERCENTILE',
    family: 'tickets',
    args: [
      OPENED, RESOLVED, PERCENTILE_K, UNIT, BUSINESS_HOURS, HOLIDAYS,
    ],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'k-th percentile of resolution times, as PERCENTILE.INC', de: 'k-tes Perzentil der Lösungszeiten, wie QUANTIL.INKL' },
    help: {
      en: `The k-th percentile (0 ≤ k ≤ 1) of resolved − opened over resolved tickets, computed like the spreadsheet's PERCENTILE.INC (linear interpolation between the two nearest values). 0.9 answers "90 % of tickets were resolved within …". k outside 0…1 is an error. ${DURATION_RULES.en} No resolved ticket: "no data".`,
      de: `Das k-te Perzentil (0 ≤ k ≤ 1) von gelöst − eröffnet über die gelösten Tickets, berechnet wie QUANTIL.INKL der Tabellenkalkulation (lineare Interpolation zwischen den zwei nächsten Werten). 0,9 beantwortet „90 % der Tickets wurden innerhalb von … gelöst“. k außerhalb von 0…1 ist ein Fehler. ${DURATION_RULES.de} Kein gelöstes Ticket: „keine Daten“.`,
    },
    example: '=RESOLUTION_PERCENTILE(B2:B500, C2:C500, 0.9) → 26',
    source: 'PERCENTILE.INC (Hyndman–Fan type 7) of Zendesk full resolution times',
    impl: resolutionPercentile,
  },
  {
    name: 'AVG_FIRST_RESPONSE',
    family: 'tickets',
    args: [
      OPENED, FIRST_RESPONSE, UNIT, BUSINESS_HOURS, HOLIDAYS,
    ],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average time from opened to the first response', de: 'Durchschnittliche Zeit bis zur ersten Antwort' },
    help: {
      en: `Mean of first_response − opened over tickets that have a first response, in hours by default; tickets still waiting for one are not counted. First response before opened is an error naming the row. ${DURATION_RULES.en} No first response at all: "no data".`,
      de: `Mittelwert von erste Antwort − eröffnet über die Tickets mit einer ersten Antwort, standardmäßig in Stunden; Tickets, die noch warten, zählen nicht. Eine erste Antwort vor der Eröffnung ist ein Fehler mit Angabe der Zeile. ${DURATION_RULES.de} Gar keine erste Antwort: „keine Daten“.`,
    },
    example: '=AVG_FIRST_RESPONSE(B2:B500, D2:D500, "minutes") → 42',
    source: 'Zendesk: first reply time (mean)',
    impl: avgFirstResponse,
  },
  {
    name: 'SLA_ATTAINMENT',
    family: 'tickets',
    args: [
      OPENED, RESOLVED,
      { name: 'target', kind: 'any', description: { en: 'The resolution target in unit (e.g. 24 hours), or a range with one target per ticket', de: 'Das Lösungsziel in der Einheit unit (z. B. 24 Stunden) oder ein Bereich mit einem Ziel je Ticket' } },
      UNIT, BUSINESS_HOURS, HOLIDAYS,
      { name: 'as_of', kind: 'date', optional: true, values: 'dates', description: { en: 'Also count tickets still open at this moment that are already older than target (breached)', de: 'Auch Tickets zählen, die zu diesem Zeitpunkt noch offen und schon älter als target sind (verletzt)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of tickets resolved within the target time', de: 'Anteil der Tickets, die innerhalb der Zielzeit gelöst wurden' },
    help: {
      en: `Share (0–1) of tickets meeting the target: resolved − opened ≤ target (compared in whole milliseconds). target is one number, or a range with one target per ticket (as many rows as opened; e.g. looked up from the priority, so one call covers per-priority SLAs); a blank, text or negative target on a row with an opened date is an error naming the row. Without as_of, over resolved tickets. With as_of, as things stood at that moment: tickets opened later are left out, tickets resolved later count as open then, and open tickets already older than target at as_of count as breached; open tickets still younger than target are not counted (they may still make it). ${DURATION_RULES.en} Nothing to count: "no data".`,
      de: `Anteil (0–1) der Tickets, die das Ziel erreichen: gelöst − eröffnet ≤ target (in ganzen Millisekunden verglichen). target ist eine Zahl oder ein Bereich mit einem Ziel je Ticket (so viele Zeilen wie opened; etwa aus der Priorität nachgeschlagen, sodass ein Aufruf SLAs je Priorität abdeckt); ein leeres, textuelles oder negatives Ziel in einer Zeile mit Eröffnungsdatum ist ein Fehler mit Angabe der Zeile. Ohne as_of über die gelösten Tickets. Mit as_of so, wie es zu diesem Zeitpunkt stand: später eröffnete Tickets fallen weg, später gelöste gelten dann als offen, und offene Tickets, die bei as_of schon älter als target sind, zählen als verletzt; noch jüngere offene Tickets zählen nicht (sie können das Ziel noch schaffen). ${DURATION_RULES.de} Nichts zu zählen: „keine Daten“.`,
    },
    example: '=SLA_ATTAINMENT(B2:B500, C2:C500, 24) → 0.92',
    source: 'Zendesk SLA policies: share of tickets achieving the resolution target',
    impl: slaAttainment,
  },
  {
    name: 'ACTIVE_ISSUES',
    family: 'tickets',
    args: [OPENED, RESOLVED, AS_OF_OPTIONAL],
    result: 'scalar',
    unit: 'count',
    summary: { en: 'Number of open tickets (now, or at as_of)', de: 'Anzahl offener Tickets (jetzt oder zum Zeitpunkt as_of)' },
    help: {
      en: `Without as_of: tickets with an opened date and no resolved date. With as_of: tickets opened at or before as_of and not resolved by then (no resolved date, or one after as_of). Rows with a blank opened date are skipped; resolved before opened is an error naming the row. 0 when nothing matches. ${DATE_TEXT_RULES.en} ${DATE_ZERO_RULE.en} An as_of of 0 means no as_of.`,
      de: `Ohne as_of: Tickets mit Eröffnungs- und ohne Lösungsdatum. Mit as_of: Tickets, die bis as_of eröffnet und bis dahin nicht gelöst wurden (kein Lösungsdatum oder eines nach as_of). Zeilen ohne Eröffnungsdatum werden übersprungen; gelöst vor eröffnet ist ein Fehler mit Angabe der Zeile. 0, wenn nichts zutrifft. ${DATE_TEXT_RULES.de} ${DATE_ZERO_RULE.de} Ein as_of von 0 bedeutet: ohne as_of.`,
    },
    example: '=ACTIVE_ISSUES(B2:B500, C2:C500) → 17',
    source: 'Zendesk: unsolved tickets (backlog)',
    impl: activeIssues,
  },
  {
    name: 'BACKLOG_AGE',
    family: 'tickets',
    args: [
      OPENED, RESOLVED,
      { name: 'as_of', kind: 'date', values: 'dates', description: { en: 'The moment to measure ages at (e.g. =TODAY())', de: 'Der Zeitpunkt, zu dem das Alter gemessen wird (z. B. =HEUTE())' } },
      UNIT,
    ],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average age of the tickets open at as_of', de: 'Durchschnittsalter der zum Zeitpunkt as_of offenen Tickets' },
    help: {
      en: `Mean of as_of − opened over the tickets active at as_of (opened at or before it, not resolved by then), in hours by default; calendar time, wall-clock like =B2-A2. as_of is a moment: a date alone means 00:00 of that day; it is required (0, a blank cell as Excel may pass it, is an error saying so). No active ticket: "no data". ${DATE_TEXT_RULES.en} ${DATE_ZERO_RULE.en}`,
      de: `Mittelwert von as_of − eröffnet über die zum Zeitpunkt as_of aktiven Tickets (bis dahin eröffnet und nicht gelöst), standardmäßig in Stunden; Kalenderzeit nach der Uhr wie =B2-A2. as_of ist ein Zeitpunkt: ein Datum allein bedeutet 00:00 Uhr dieses Tages; es ist erforderlich (0, eine leere Zelle, wie Excel sie übergeben kann, ist ein Fehler, der das sagt). Kein aktives Ticket: „keine Daten“. ${DATE_TEXT_RULES.de} ${DATE_ZERO_RULE.de}`,
    },
    example: '=BACKLOG_AGE(B2:B500, C2:C500, DATE(2026,3,31), "days") → 3.2',
    source: 'Zendesk: unsolved ticket age (backlog age)',
    impl: backlogAge,
  },
  {
    name: 'RESOLVED_ISSUES',
    family: 'tickets',
    args: [
      { name: 'resolved', kind: 'range', values: 'dates', description: { en: 'When each ticket was resolved', de: 'Wann jedes Ticket gelöst wurde' } },
      { name: 'from', kind: 'date', optional: true, values: 'dates', description: { en: 'Count from this moment on (inclusive); blank: from the start', de: 'Ab diesem Zeitpunkt zählen (einschließlich); leer: von Anfang an' } },
      { name: 'to', kind: 'date', optional: true, values: 'dates', description: { en: 'Count up to this moment (inclusive); a date alone covers that whole day', de: 'Bis zu diesem Zeitpunkt zählen (einschließlich); ein Datum allein umfasst den ganzen Tag' } },
    ],
    result: 'scalar',
    unit: 'count',
    summary: { en: 'Number of tickets resolved in a period', de: 'Anzahl der in einem Zeitraum gelösten Tickets' },
    help: {
      en: `Count of resolved dates in [from, to]. A whole-number (date-only) to covers that whole day, so RESOLVED_ISSUES(C2:C500, DATE(2026,3,1), DATE(2026,3,31)) counts all of March. Blanks and a header are skipped; from after to is an error. 0 when nothing matches. ${DATE_TEXT_RULES.en} ${DATE_ZERO_RULE.en} A from or to of 0 means none.`,
      de: `Anzahl der Lösungsdaten in [from, to]. Ein ganzzahliges to (nur Datum) umfasst den ganzen Tag, RESOLVED_ISSUES(C2:C500; DATUM(2026;3;1); DATUM(2026;3;31)) zählt also den ganzen März. Leere Zellen und eine Kopfzeile werden übersprungen; from nach to ist ein Fehler. 0, wenn nichts zutrifft. ${DATE_TEXT_RULES.de} ${DATE_ZERO_RULE.de} Ein from oder to von 0 bedeutet: keine Grenze.`,
    },
    example: '=RESOLVED_ISSUES(C2:C500, DATE(2026,3,1), DATE(2026,3,31)) → 412',
    source: 'Zendesk: solved tickets',
    impl: resolvedIssues,
  },
  {
    name: 'MEDIAN_FIRST_RESPONSE',
    family: 'tickets',
    args: [OPENED, FIRST_RESPONSE, UNIT, BUSINESS_HOURS, HOLIDAYS],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Median time from opened to the first response', de: 'Median der Zeit bis zur ersten Antwort' },
    help: {
      en: `Median of first_response − opened over tickets that have a first response (the middle value; with an even count, the mean of the two middle ones), in hours by default. Zendesk and Help Scout report the median because a few tickets answered days later pull the average far from what most customers see. First response before opened is an error naming the row. ${DURATION_RULES.en} No first response at all: "no data".`,
      de: `Median von erste Antwort − eröffnet über die Tickets mit einer ersten Antwort (der mittlere Wert; bei gerader Anzahl der Mittelwert der beiden mittleren), standardmäßig in Stunden. Zendesk und Help Scout berichten den Median, weil wenige erst nach Tagen beantwortete Tickets den Durchschnitt weit von dem entfernen, was die meisten Kunden erleben. Eine erste Antwort vor der Eröffnung ist ein Fehler mit Angabe der Zeile. ${DURATION_RULES.de} Gar keine erste Antwort: „keine Daten“.`,
    },
    example: '=MEDIAN_FIRST_RESPONSE(B2:B500, D2:D500, "minutes") → 18',
    source: 'Zendesk Explore: first reply time (median)',
    impl: medianFirstResponse,
  },
  {
    name: 'FIRST_RESPONSE_PERCENTILE',
    family: 'tickets',
    args: [OPENED, FIRST_RESPONSE, PERCENTILE_K, UNIT, BUSINESS_HOURS, HOLIDAYS],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'k-th percentile of first-response times, as PERCENTILE.INC', de: 'k-tes Perzentil der Erstantwortzeiten, wie QUANTIL.INKL' },
    help: {
      en: `The k-th percentile (0 ≤ k ≤ 1) of first_response − opened over tickets that have a first response, computed like the spreadsheet's PERCENTILE.INC (linear interpolation between the two nearest values). 0.9 answers "90 % of tickets got a first reply within …", the usual form of a first-response SLA. k outside 0…1 is an error. ${DURATION_RULES.en} No first response at all: "no data".`,
      de: `Das k-te Perzentil (0 ≤ k ≤ 1) von erste Antwort − eröffnet über die Tickets mit einer ersten Antwort, berechnet wie QUANTIL.INKL der Tabellenkalkulation (lineare Interpolation zwischen den zwei nächsten Werten). 0,9 beantwortet „90 % der Tickets erhielten innerhalb von … eine erste Antwort“, die übliche Form eines Erstantwort-SLA. k außerhalb von 0…1 ist ein Fehler. ${DURATION_RULES.de} Gar keine erste Antwort: „keine Daten“.`,
    },
    example: '=FIRST_RESPONSE_PERCENTILE(B2:B500, D2:D500, 0.9) → 4.5',
    source: 'PERCENTILE.INC (Hyndman–Fan type 7) of Zendesk first reply times',
    impl: firstResponsePercentile,
  },
];

// The argument descriptions the log and contact-centre families share with the ticket functions.
export { UNIT, BUSINESS_HOURS, HOLIDAYS };
