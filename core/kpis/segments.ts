/**
 * Any single-value KPI by period or by segment: KPI_BY_PERIOD and KPI_BY_GROUP run another catalog
 * KPI once per period of a date column (or per value of a group column), with every range argument
 * cut to that period's rows. This is how analysts get "this month vs last month" and "per channel",
 * and how the scorecard draws its trends.
 *
 * Cutting never copies cells: a period's sub-range is an array of the original row arrays.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { isKpiError, KpiError, noDataError, valueError } from '../errors.js';
import { quote } from '../safe-text.js';
import type { CallContext, CatalogImpl, Cell, Table } from '../values/context.js';
import { cellAt, columnRows, isRange, toGrid } from '../values/grid.js';
import { isTypedColumn } from '../values/typed-column.js';
import type { TypedColumn } from '../values/typed-column.js';
import { periodIndex, rowsPerIndex } from '../values/periods.js';
import { readDates, readKeys, readNumbers, readTextArg, readWordArg } from '../values/read.js';
import { scanDateText } from '../values/date-text.js';
import { parseDurationText } from '../values/duration-text.js';
import { flagOfText, readFlags } from '../values/flags.js';
import { classifyRatingText } from '../values/ratings.js';
import { widenScope } from '../values/scope.js';
import { PERIOD_WORDS } from '../values/words.js';
import { npsCountsAt, npsOf, tallyCsat, tallyNps } from './satisfaction.js';
import { DATE_TEXT_RULES, REPEATING_ZERO_CAVEAT } from './rule-texts.js';

type Ctx = CallContext;
/** A range cut with the rows: a host's rows, or a column held as typed arrays (cut without making rows). */
type Rows = readonly (readonly unknown[])[] | TypedColumn;

/** The inner KPI: a single-value catalog function other than these two. */
function innerKpi(ctx: Ctx, x: unknown): CatalogImpl {
  const name = readTextArg(ctx, x, 'kpi');
  const needs = `${ctx.fn} needs the name of a single-value KPI such as "NPS", "CSAT", "AVG_RESOLUTION" or "RETENTION_RATE"`;
  if (name === undefined) throw valueError(ctx.fn, `kpi is blank; ${needs}`);
  const found = ctx.lookup(name);
  if (!found) throw valueError(ctx.fn, `kpi ${quote(name.trim())} is not a catalog KPI; ${needs}`);
  if (found.result !== 'scalar' || found.name === 'KPI_BY_PERIOD' || found.name === 'KPI_BY_GROUP') {
    throw valueError(ctx.fn, `kpi "${found.name}" does not return a single value; ${needs}`);
  }
  return found;
}

/** One argument of `args…`: either cut to each segment's rows, or passed unchanged. */
type Slot = { readonly cut: true; readonly rows: Rows } | { readonly cut: false; readonly value: unknown };

/**
 * `args…` starts at index `first` (after kpi, dates, period / kpi, groups).
 * Ranges with as many rows as the key column are cut; single values (a scalar, `[[x]]`) and one-row
 * ranges (a holidays list written across, `{d1, d2}`) pass unchanged; any other range is an error,
 * since it cannot be lined up with the rows.
 */
function slotsOf(ctx: Ctx, args: readonly unknown[], first: number, keyRows: number, keyArg: string): Slot[] {
  const slots: Slot[] = [];
  for (let j = first; j < args.length; j++) {
    const x = args[j];
    if (!isRange(x)) {
      slots.push({ cut: false, value: x });
      continue;
    }
    // A column (what hosts pass) is taken as it is: the readers check its rows as they read them.
    const column = isTypedColumn(x) ? undefined : columnRows(x);
    const g = column ? { cells: column, rows: column.length } : toGrid(x);
    if (g.rows === keyRows) slots.push({ cut: true, rows: isTypedColumn(x) ? x : g.cells });
    else if (g.rows <= 1) slots.push({ cut: false, value: x });
    else {
      throw valueError(ctx.fn, `argument ${j + 1} has ${g.rows} rows but ${keyArg} has ${keyRows}; ranges in args must have as many rows as ${keyArg} (single values and one-row lists are passed unchanged)`);
    }
  }
  return slots;
}

function cutArgs(slots: readonly Slot[], rows: readonly number[]): unknown[] {
  return slots.map((s) => {
    if (!s.cut) return s.value;
    const all = s.rows;
    return isTypedColumn(all) ? all.cut(rows) : rows.map((r) => all[r]);
  });
}

/**
 * Checks every cell once, on the whole ranges, before cutting: row numbers in messages are then the
 * user's, and readers that take a first unknown text as a header (flags, ids) cannot mistake bad
 * data at the start of a period for one. Only errors about a cell (they name its row) stop here;
 * errors about totals (a zero denominator, no data) may hold for the whole and not for a segment.
 */
function checkCells(ctx: Ctx, inner: CatalogImpl, slots: readonly Slot[]): void {
  try {
    inner.impl({ ...ctx, fn: inner.name }, slots.map((s) => (s.cut ? s.rows : s.value)));
  } catch (e) {
    if (isKpiError(e) && e.kind === 'value' && /\bat row \d/.test(e.message)) throw new KpiError('value', `${ctx.fn}: ${e.message}`, e.places);
    if (!isKpiError(e)) throw e;
  }
}

/** Runs the inner KPI for one segment: no data there → ""; bad input propagates with both names. */
function runSegment(ctx: Ctx, inner: CatalogImpl, slots: readonly Slot[], rows: readonly number[], where: string): Cell {
  let value: unknown;
  try {
    value = inner.impl({ ...ctx, fn: inner.name, segment: true }, cutArgs(slots, rows));
  } catch (e) {
    if (!isKpiError(e)) throw e;
    if (e.kind === 'na') return '';
    const within = /\brow \d/.test(e.message) ? `; rows count within ${where}` : '';
    throw new KpiError('value', `${ctx.fn}: ${e.message} (in ${where}${within})`);
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw valueError(ctx.fn, `internal error: ${inner.name} did not return a single value`);
}

/** A KPI's value from counts: "" where the segment has no data. */
const share = (part: number, all: number): Cell => (all > 0 ? part / all : '');

/**
 * The values of every segment in one pass, for inner KPIs that are tallies (NPS, CSAT) over one
 * column: no cutting, no second run to check the cells. Every cell is still checked, and a bad one
 * is reported at its row in the whole range, as checkCells does. Undefined when the arguments are
 * not of that form (or a scale argument is bad): the general path then gives the same result and
 * the same messages.
 */
function segmentedValues(ctx: Ctx, inner: CatalogImpl, slots: readonly Slot[], segment: Int32Array, segments: number): Cell[] | undefined {
  const first = slots[0];
  if (!first || !first.cut || slots.slice(1).some((s) => s.cut)) return undefined;
  // One column (a column held as typed arrays is one: its rows are made only if the tally reads them).
  if (isTypedColumn(first.rows) ? first.rows.rows === 0 : !columnRows(first.rows)) return undefined;
  const innerCtx = { ...ctx, fn: inner.name };
  const value = (j: number): unknown => (slots[j] && !slots[j].cut ? (slots[j] as { value: unknown }).value : undefined);
  try {
    if (inner.name === 'NPS' && slots.length === 1) {
      const c = tallyNps(innerCtx, first.rows, undefined, segment, segments);
      if (!c) return undefined;
      const out: Cell[] = [];
      for (let p = 0; p < segments; p++) {
        const k = npsCountsAt(c, p);
        out.push(k.n > 0 ? npsOf(k) : '');
      }
      return out;
    }
    if (inner.name === 'CSAT' && slots.length <= 3) {
      const c = tallyCsat(innerCtx, first.rows, value(1), value(2), undefined, segment, segments);
      if (!c) return undefined;
      const out: Cell[] = [];
      for (let p = 0; p < segments; p++) out.push(share(c[2 * p + 1], c[2 * p] + c[2 * p + 1]));
      return out;
    }
  } catch (e) {
    if (isKpiError(e) && e.kind === 'value' && /\bat row \d/.test(e.message)) throw new KpiError('value', `${ctx.fn}: ${e.message}`, e.places);
    // A bad scale argument (no row in it): the general path reports it per segment, as before.
    if (isKpiError(e)) return undefined;
    throw e;
  }
  return undefined;
}

/** The key column must be one column: its rows are the rows that get cut. */
function requireColumn(ctx: Ctx, cols: number, arg: string): void {
  if (cols > 1) throw valueError(ctx.fn, `${arg} must be a single column, not ${cols} columns`);
}

/**
 * Log KPIs read rows that belong together (a ticket's status changes or messages; the spec's
 * rowGroups): all rows of a ticket go to one segment — `earliest`: the smallest segment among its
 * rows (periods are numbered oldest first, so the period of its earliest date); `first`: the
 * segment of its first row by time (ties: sheet order). Rows without an id or a time are not part
 * of a ticket and keep their own segment. Undefined when the KPI has no such rows or its ids and
 * times are not ranges cut with the others. Runs after checkCells, so the cells are known to read.
 */
function keepTogether(ctx: Ctx, inner: CatalogImpl, slots: readonly Slot[], segment: Int32Array, rule: 'earliest' | 'first'): Int32Array | undefined {
  const together = (inner as Partial<Pick<FunctionSpec, 'rowGroups'>>).rowGroups;
  if (!together) return undefined;
  const ids = slots[together.ids], times = slots[together.times];
  if (!ids || !ids.cut || !times || !times.cut) return undefined;
  const keys = readKeys(ctx, ids.rows).keys;
  const t = readDates(ctx, times.rows).values;
  const n = segment.length;
  if (keys.length !== n || t.length !== n) return undefined;
  const ticketOf = new Map<string, number>();
  const ticket = new Int32Array(n).fill(-1);
  const chosen: number[] = []; // per ticket: its segment (earliest) or its first row (first)
  for (let r = 0; r < n; r++) {
    const k = keys[r];
    if (k === undefined || t[r] !== t[r]) continue;
    let id = ticketOf.get(k);
    if (id === undefined) {
      ticketOf.set(k, (id = chosen.length));
      chosen.push(rule === 'first' ? r : segment[r]);
    } else if (rule === 'first') {
      if (t[r] < t[chosen[id]]) chosen[id] = r;
    } else if (segment[r] >= 0 && (chosen[id] < 0 || segment[r] < chosen[id])) chosen[id] = segment[r];
    ticket[r] = id;
  }
  const moved = Int32Array.from(segment);
  for (let r = 0; r < n; r++) {
    const id = ticket[r];
    if (id >= 0) moved[r] = rule === 'first' ? segment[chosen[id]] : chosen[id];
  }
  return moved;
}

/** Rows per segment. */
function countsOf(segment: Int32Array, segments: number): Int32Array {
  const counts = new Int32Array(segments);
  for (let r = 0; r < segment.length; r++) if (segment[r] >= 0) counts[segment[r]]++;
  return counts;
}

// ---------------------------------------------------------------- by period

function kpiByPeriod(outer: Ctx, args: readonly unknown[]): Table {
  const inner = innerKpi(outer, args[0]);
  // The day/month order and the rating scale are decided over the whole ranges, before any cut.
  const ctx = widenScope(outer, inner, args.slice(3));
  const dates = readDates(ctx, args[1], 'dates');
  requireColumn(ctx, dates.grid.cols, 'dates');
  const period = readWordArg(ctx, args[2], 'period', PERIOD_WORDS, 'month');
  const slots = slotsOf(ctx, args, 3, dates.grid.rows, 'dates');
  // A caller keeping its columns (the scorecard's plan) cuts the same dates by the same period once.
  const { labels, index, counts } = ctx.scope.reads
    ? ctx.scope.reads.derive(dates.values, `periods:${period}`, () => periodIndex(dates.values, period))
    : periodIndex(dates.values, period);
  if (labels.length === 0) throw noDataError(ctx.fn, 'no data (dates holds no date)');
  const table: Table = [['Period', 'Rows', 'Value']];
  const fast = segmentedValues(ctx, inner, slots, index, labels.length);
  if (fast) {
    for (let p = 0; p < labels.length; p++) table.push([labels[p], counts[p], fast[p]]);
    return table;
  }
  checkCells(ctx, inner, slots);
  const moved = keepTogether(ctx, inner, slots, index, 'earliest');
  const rows = moved ? rowsPerIndex(moved, countsOf(moved, labels.length)) : rowsPerIndex(index, counts);
  for (let p = 0; p < labels.length; p++) {
    table.push([labels[p], rows[p].length, runSegment(ctx, inner, slots, rows[p], `period ${labels[p]}`)]);
  }
  return table;
}

// ---------------------------------------------------------------- by group

/** Sorts text by Unicode code point (JavaScript's `<` compares UTF-16 units, which differs above U+FFFF). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

/**
 * Text in a value cell that no reader takes as a value: not a flag word, a number, a date, a
 * duration, a rating word, a number with a label or a survey non-answer.
 */
function isLabel(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  const t = v.trim();
  return t !== '' && flagOfText(t) < 0 && classifyRatingText(t).kind === 'other' && scanDateText(t) === undefined && parseDurationText(t) === undefined;
}

/**
 * A flag word on top of a flags argument that the flag reader itself takes as the column's name:
 * "Answered" above TRUE/FALSE (readFlags' rule for call outcomes).
 */
function isFlagColumnName(ctx: Ctx, inner: CatalogImpl, j: number, s: Slot, v: unknown): boolean {
  if (inner.args?.[j]?.values !== 'flags' || !s.cut || typeof v !== 'string' || flagOfText(v.trim()) < 0) return false;
  try {
    return readFlags(ctx, s.rows).flags[0] === -1;
  } catch {
    return false; // a bad cell: checkCells reports it
  }
}

/**
 * Whole-column references start with their header row. The first row is taken as the header when
 * its group text occurs nowhere else (`alone`) and every range argument holds only labels (or
 * blanks) there.
 */
function isHeaderRow(ctx: Ctx, inner: CatalogImpl, groupCell: unknown, alone: boolean, slots: readonly Slot[]): boolean {
  if (!alone || typeof groupCell !== 'string') return false;
  let labels = 0;
  for (let j = 0; j < slots.length; j++) {
    const s = slots[j];
    if (!s.cut) continue;
    const row = isTypedColumn(s.rows) ? [s.rows.cell(0)] : s.rows[0];
    const cells = Array.isArray(row) ? row : [row];
    for (const v of cells) {
      if (isLabel(v) || isFlagColumnName(ctx, inner, j, s, v)) labels++;
      else if (!(v === null || v === undefined || (typeof v === 'string' && v.trim() === ''))) return false;
    }
  }
  return labels > 0;
}

function kpiByGroup(outer: Ctx, args: readonly unknown[]): Table {
  const inner = innerKpi(outer, args[0]);
  const ctx = widenScope(outer, inner, args.slice(2));
  const groups = readKeys(ctx, args[1], 'groups');
  requireColumn(ctx, groups.grid.cols, 'groups');
  const slots = slotsOf(ctx, args, 2, groups.grid.rows, 'groups');
  // Each row's group as an id in order of first appearance (-1: blank group).
  const keys = groups.keys;
  const ids = new Map<string, number>();
  const names: string[] = [];
  let segment: Int32Array = new Int32Array(keys.length).fill(-1);
  for (let r = 0; r < keys.length; r++) {
    const k = keys[r];
    if (k === undefined) continue;
    let id = ids.get(k);
    if (id === undefined) {
      ids.set(k, (id = names.length));
      names.push(k);
    }
    segment[r] = id;
  }
  if (segment.length > 0 && segment[0] >= 0 && isHeaderRow(ctx, inner, cellAt(groups.grid, 0), countsOf(segment, names.length)[segment[0]] === 1, slots)) segment[0] = -1;
  let checked = false;
  if ((inner as Partial<Pick<FunctionSpec, 'rowGroups'>>).rowGroups) {
    checkCells(ctx, inner, slots);
    checked = true;
    segment = keepTogether(ctx, inner, slots, segment, 'first') ?? segment;
  }
  const counts = countsOf(segment, names.length);
  const order: number[] = [];
  for (let id = 0; id < names.length; id++) if (counts[id] > 0) order.push(id);
  if (order.length === 0) throw noDataError(ctx.fn, 'no data (groups holds no value)');
  order.sort((a, b) => counts[b] - counts[a] || compareCodePoints(names[a], names[b]));
  const position = new Int32Array(names.length).fill(-1);
  order.forEach((id, p) => { position[id] = p; });
  const bySegment = new Int32Array(segment.length);
  for (let r = 0; r < segment.length; r++) bySegment[r] = segment[r] >= 0 ? position[segment[r]] : -1;
  const table: Table = [['Group', 'Rows', 'Value']];
  if (!checked) {
    const fast = segmentedValues(ctx, inner, slots, bySegment, order.length);
    if (fast) {
      order.forEach((id, p) => table.push([names[id], counts[id], fast[p]]));
      return table;
    }
    checkCells(ctx, inner, slots);
  }
  const rows = rowsPerIndex(bySegment, countsOf(bySegment, order.length));
  order.forEach((id, p) => table.push([names[id], counts[id], runSegment(ctx, inner, slots, rows[p], `group ${quote(names[id])}`)]));
  return table;
}

// ---------------------------------------------------------------- catalog entries

const KPI_ARG = {
  name: 'kpi',
  kind: 'text',
  description: {
    en: 'Name of a single-value KPI, e.g. "NPS", "CSAT", "AVG_RESOLUTION" (case-insensitive, "KPI." prefix allowed)',
    de: 'Name einer Kennzahl mit einem einzelnen Wert, z. B. "NPS", "CSAT", "AVG_RESOLUTION" (Groß-/Kleinschreibung egal, Präfix "KPI." erlaubt)',
  },
} as const;

const ARGS_ARG = {
  name: 'args',
  kind: 'any',
  repeating: true,
  description: {
    en: "The KPI's own arguments, in its order; ranges are cut to each row set",
    de: 'Die Argumente der Kennzahl in ihrer Reihenfolge; Bereiche werden auf die jeweiligen Zeilen zugeschnitten',
  },
} as const;

interface SegmentWords {
  /** English: "period" / "group". */
  readonly en: string;
  /** German phrases: genitive with article, accusative with "diesen/dieses", "nur einen/ein …". */
  readonly deOf: string;
  readonly deThis: string;
  readonly deOnlyOne: string;
}

function runHelp(key: string, w: SegmentWords): { en: string; de: string } {
  return {
    en: `The KPI runs with args as its own arguments, in its own order. Every range in args with as many rows as ${key} is cut to that ${w.en}'s rows; single values (a number, a word such as "days", a single cell) and one-row ranges (a holidays list written across a row) are passed unchanged; any other range with a different number of rows is an error naming its argument position and both row counts. Value is "" where the KPI has no data for that ${w.en}; a bad-input error of the KPI stops the whole table with both names (e.g. "KPI_BY_PERIOD: AVG_RESOLUTION: …"). The cells are checked on the whole ranges first, so a row number in such a message counts within the whole range; an error that holds for one ${w.en} only (a zero denominator) names that ${w.en}. kpi must be a single-value catalog KPI (not a table such as NPS_TREND, and not KPI_BY_PERIOD or KPI_BY_GROUP). The day/month order of text dates and the scale of rating words are decided once over the whole ranges, before they are cut, so every ${w.en} reads its cells as the whole does. ${REPEATING_ZERO_CAVEAT.en}`,
    de: `Die Kennzahl erhält args als ihre eigenen Argumente, in ihrer Reihenfolge. Jeder Bereich in args mit ebenso vielen Zeilen wie ${key} wird auf die Zeilen ${w.deOf} zugeschnitten; Einzelwerte (eine Zahl, ein Wort wie "Tage", eine einzelne Zelle) und einzeilige Bereiche (eine Feiertagsliste in einer Zeile) werden unverändert übergeben; jeder andere Bereich mit abweichender Zeilenzahl ist ein Fehler, der seine Argumentposition und beide Zeilenzahlen nennt. Value ist "", wo die Kennzahl für ${w.deThis} keine Daten hat; ein Eingabefehler der Kennzahl bricht die ganze Tabelle mit beiden Namen ab (z. B. „KPI_BY_PERIOD: AVG_RESOLUTION: …“). Die Zellen werden zuerst in den ganzen Bereichen geprüft; eine Zeilennummer in einer solchen Meldung zählt also im ganzen Bereich. Ein Fehler, der ${w.deOnlyOne} betrifft (etwa eine Division durch null), nennt ${w.deThis}. kpi muss eine Katalog-Kennzahl mit einem einzelnen Wert sein (keine Tabelle wie NPS_TREND und nicht KPI_BY_PERIOD oder KPI_BY_GROUP). Die Reihenfolge von Tag und Monat in Datumstexten und die Skala von Bewertungswörtern werden einmal über die ganzen Bereiche entschieden, bevor sie zugeschnitten werden; jeder Teil liest seine Zellen also wie das Ganze. ${REPEATING_ZERO_CAVEAT.de}`,
  };
}

const periodRun = runHelp('dates', { en: 'period', deOf: 'des jeweiligen Zeitraums', deThis: 'diesen Zeitraum', deOnlyOne: 'nur einen Zeitraum' });
const groupRun = runHelp('groups', { en: 'group', deOf: 'des jeweiligen Segments', deThis: 'dieses Segment', deOnlyOne: 'nur ein Segment' });

export const segmentFunctions: readonly FunctionSpec[] = [
  {
    name: 'KPI_BY_PERIOD',
    family: 'segments',
    args: [
      KPI_ARG,
      { name: 'dates', kind: 'range', values: 'dates', description: { en: 'One date per row; decides the period of each row', de: 'Ein Datum je Zeile; bestimmt den Zeitraum jeder Zeile' } },
      { name: 'period', kind: 'text', description: { en: '"day", "week" (ISO, Monday), "month", "quarter" or "year"; German: Tag, Woche, Monat, Quartal, Jahr', de: '"Tag", "Woche" (ISO, Montag), "Monat", "Quartal" oder "Jahr"; englisch: day, week, month, quarter, year' } },
      ARGS_ARG,
    ],
    result: 'table',
    unit: 'table',
    summary: { en: 'Any single-value KPI per period: table Period, Rows, Value', de: 'Eine beliebige Kennzahl je Zeitraum: Tabelle Period, Rows, Value' },
    help: {
      en: `A table with the header Period, Rows, Value and one row per period of dates that holds at least one date, oldest first. Period labels are text: 2026-03-05 (day), 2026-W10 (ISO week, starting Monday), 2026-03 (month), 2026-Q1 (quarter), 2026 (year); a blank period means "month". Rows counts the rows of dates in the period; rows whose date is blank or text (the header) belong to no period. The log KPIs (TIME_IN_STATUS, LOG_RESOLUTION, LOG_SLA_ATTAINMENT, NEXT_REPLY_TIME) keep a ticket's rows together: all of them go to the period of the ticket's earliest date in dates, and Rows counts them there. ${periodRun.en} With no date at all the result is "no data" (#N/A).`,
      de: `Eine Tabelle mit der Kopfzeile Period, Rows, Value und einer Zeile je Zeitraum von dates mit mindestens einem Datum, der älteste zuerst. Die Zeitraumbezeichnungen sind Text: 2026-03-05 (Tag), 2026-W10 (ISO-Woche, ab Montag), 2026-03 (Monat), 2026-Q1 (Quartal), 2026 (Jahr); ein leerer period bedeutet „Monat“. Rows zählt die Zeilen von dates im Zeitraum; Zeilen mit leerem Datum oder Text (Überschrift) gehören zu keinem Zeitraum. Die Protokoll-Kennzahlen (TIME_IN_STATUS, LOG_RESOLUTION, LOG_SLA_ATTAINMENT, NEXT_REPLY_TIME) halten die Zeilen eines Tickets zusammen: Alle gehen in den Zeitraum des frühesten Datums des Tickets in dates, und Rows zählt sie dort. ${periodRun.de} Ohne ein einziges Datum lautet das Ergebnis „keine Daten“ (#NV).`,
    },
    example: '=KPI_BY_PERIOD("AVG_RESOLUTION", B2:B500, "month", B2:B500, C2:C500, "days") → table Period, Rows, Value',
    source: 'Period-over-period KPI reporting (periods as in NPS_TREND: ISO 8601 weeks, calendar months, quarters, years)',
    impl: kpiByPeriod,
  },
  {
    name: 'KPI_BY_GROUP',
    family: 'segments',
    args: [
      KPI_ARG,
      { name: 'groups', kind: 'range', description: { en: 'One segment per row: channel, team, agent, region …', de: 'Ein Segment je Zeile: Kanal, Team, Agent, Region …' } },
      ARGS_ARG,
    ],
    result: 'table',
    unit: 'table',
    summary: { en: 'Any single-value KPI per segment (channel, team, agent, region): table Group, Rows, Value', de: 'Eine beliebige Kennzahl je Segment (Kanal, Team, Agent, Region): Tabelle Group, Rows, Value' },
    help: {
      en: `A table with the header Group, Rows, Value and one row per distinct value of groups, most rows first, ties in code-point order. Groups are compared as trimmed text, case-sensitive (42 and "42" are the same group); rows with a blank group are skipped. When the first row is the header row of whole-column references — its group text occurs nowhere else and every range in args holds only text labels or blanks there — it is skipped. The log KPIs (TIME_IN_STATUS, LOG_RESOLUTION, LOG_SLA_ATTAINMENT, NEXT_REPLY_TIME) keep a ticket's rows together: all of them go to the group of the ticket's first row by time, and Rows counts them there. ${groupRun.en} With no group at all the result is "no data" (#N/A).`,
      de: `Eine Tabelle mit der Kopfzeile Group, Rows, Value und einer Zeile je verschiedenem Wert von groups, die meisten Zeilen zuerst, bei Gleichstand in Code-Point-Reihenfolge. Gruppen werden als Text ohne Randleerzeichen verglichen, mit Beachtung der Groß-/Kleinschreibung (42 und "42" sind dieselbe Gruppe); Zeilen mit leerer Gruppe werden übersprungen. Ist die erste Zeile die Überschriftenzeile ganzer Spalten – ihr Gruppentext kommt sonst nirgends vor und alle Bereiche in args enthalten dort nur Beschriftungen oder leere Zellen –, wird sie übersprungen. Die Protokoll-Kennzahlen (TIME_IN_STATUS, LOG_RESOLUTION, LOG_SLA_ATTAINMENT, NEXT_REPLY_TIME) halten die Zeilen eines Tickets zusammen: Alle gehen in die Gruppe der zeitlich ersten Zeile des Tickets, und Rows zählt sie dort. ${groupRun.de} Ohne eine einzige Gruppe lautet das Ergebnis „keine Daten“ (#NV).`,
    },
    example: '=KPI_BY_GROUP("CSAT", D2:D500, E2:E500) → table Group, Rows, Value',
    source: 'KPI segmentation by customer or service segment (balanced-scorecard customer perspective: measures per target segment)',
    impl: kpiByGroup,
  },
];
