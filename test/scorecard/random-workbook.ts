/**
 * Random workbooks for the agreement tests: surveys, tickets, calls (per call and per interval),
 * orders, monthly figures and competitors, as hosts hand them over, with what real exports hold — blanks, text ("n/a", a
 * repeated header row), yes/no flags as words, x, TRUE/FALSE or 1/0, reopen counts, dates as serials or Date
 * objects in a zone with daylight-saving changes, and now and then a row the catalog rejects
 * (resolved before opened, a score out of scale, a negative count). The tickets have a status log
 * and a message log, and their sheet may repeat ticket ids (an event log, one row per update); or
 * they hold the export's first-response and resolution durations (seconds, minutes, hours, time
 * values) instead of timestamps. Some tickets are resolved exactly at the SLA limit; complaints are
 * the tickets' flags or the monthly figures' counts; the NPS row may be switched off.
 * Everything follows from the knobs and one seed, so a failing case can be rebuilt from its printed
 * knobs.
 */
import fc from 'fast-check';
import type { GenerateRequest, PeriodName, Role, RoleAssignment, SheetData, WorkbookData, WorkbookOutline } from '../../core/scorecard/types.js';
import { mulberry32 } from '../../examples/generate.js';
import { outlineOf } from '../fixtures/plan-workbook.js';

export type Invalid = 'none' | 'resolvedBeforeOpened' | 'responseBeforeOpened' | 'scoreOutOfScale' | 'ratingNegative' | 'negativeCount' | 'zeroStart'
  | 'negativeWait' | 'waitWithoutFlag' | 'effortZero';
export type FlagWords = 'yes/no' | 'Ja/Nein' | 'x' | 'bool' | '1/0';
/** How an answered flag is written in a call log. */
export type CallFlags = 'yes/no' | 'Y/N' | 'Ja/Nein' | 'bool' | '1/0' | 'answered/abandoned';
/** How a ticket export holds its first-response and resolution times (see Knobs.ticketDurations). */
export type TicketDurations = 'none' | 'seconds' | 'minutes' | 'hours' | 'time';

export interface Knobs {
  readonly seed: number;
  readonly period: PeriodName;
  readonly timeZone: 'UTC' | 'Europe/Berlin' | 'America/New_York';
  /** Dates as spreadsheet serials (Excel) or Date objects (Sheets, and the CLI's UTC convention). */
  readonly dateCells: 'serial' | 'date';
  readonly survey: number;
  readonly tickets: number;
  readonly orders: number;
  readonly months: number;
  readonly competitors: number;
  /** Share of blank cells in value columns. */
  readonly blanks: number;
  /** "n/a" among answers and a repeated header row inside the tickets. */
  readonly textNoise: boolean;
  /** Ticket dates as ISO text (native formulas cannot read them: the KPIs are written as values). */
  readonly textDates: boolean;
  readonly invalid: Invalid;
  readonly flags: readonly [FlagWords, FlagWords, FlagWords, FlagWords];
  readonly slaHours: number;
  /** Per-call rows (0: no call log). */
  readonly calls?: number;
  /** Per-interval rows of a queue report (0: none); 30-minute intervals. */
  readonly intervals?: number;
  readonly callFlags?: CallFlags;
  /** Durations as seconds, or as time values (fractions of a day; Date objects of 30 Dec 1899 with `date` cells). */
  readonly durations?: 'seconds' | 'time';
  /** The service-level threshold in seconds. */
  readonly serviceLevelSeconds?: number;
  /** The reporting date typed, in days after 2026-01-01 (null or absent: blank, automatic). */
  readonly reportingDay?: number | null;
  /** Fewest answers / tickets for a status (absent: the defaults, 30 and 10). */
  readonly minAnswers?: number;
  readonly minTickets?: number;
  /** A status log and a message log of the tickets (default true). */
  readonly logs?: boolean;
  /** Some tickets written again as later updates under the same id: the Tickets sheet becomes an event log (default false). */
  readonly repeatIds?: boolean;
  /**
   * Survey answers as exports write them: ratings as label words ("Very satisfied", "Awesome") and
   * scores with their labels ("10 - Extremely likely"). Only the core reads them: portable KPIs
   * over them are written as values. Absent: plain numbers.
   */
  readonly answerLabels?: boolean;
  /**
   * The Reopened column holds reopen counts per ticket (0–3, as Zendesk's `Reopens`) and is the
   * reopenCount role: reopen rate by the resolved date from counts. Absent: yes/no flags.
   */
  readonly reopenCounts?: boolean;
  /**
   * An SLA verdict per ticket (the slaMet role, so SLA attainment is SLA_MET_RATE's share by the
   * resolved date): yes/no flags as the flags knob's last words write them, or the helpdesks'
   * verdict words (Within SLA / SLA Violated, which only the core reads). Absent or 'none': no column.
   */
  readonly slaVerdicts?: 'none' | 'flags' | 'words';
  /**
   * The tickets' first-response and resolution times as the export's durations (Intercom's seconds,
   * Zendesk's minutes, Freshdesk's hours, HubSpot's time values) in the columns of the first-response
   * and resolved timestamps: the firstResponseTime and resolutionTime roles, so the duration variants
   * (AVG_DURATION) of first response and average resolution time. A ticket without a first response
   * or not yet resolved has a blank duration; a rejected row is a negative duration. Absent or
   * 'none': the timestamps.
   */
  readonly ticketDurations?: TicketDurations;
  /**
   * With ticket durations, the date the first column holds: the opened date (durations by the opened
   * date) or the resolved date ('Solved at': average resolution by the resolved date, first response
   * over all rows). Absent: opened.
   */
  readonly durationDate?: 'opened' | 'resolved';
  /** The NPS row switched off (the competitor gap then computes its own NPS of all answers). */
  readonly npsOff?: boolean;
  /**
   * The complaint role: the tickets' complaint flags (complaint rate: CONVERSION_RATE's share of
   * flagged tickets), or the monthly figures' complaint counts (COMPLAINT_RATE: complaints ÷ the
   * period's average customers). Absent: tickets.
   */
  readonly complaints?: 'tickets' | 'monthly';
  /** About a fifth of the resolved tickets resolved exactly at the SLA limit (ties: within means ≤). */
  readonly slaTies?: boolean;
}

const FLAG_WORDS: readonly FlagWords[] = ['yes/no', 'Ja/Nein', 'x', 'bool', '1/0'];

export const knobsArbitrary: fc.Arbitrary<Knobs> = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  period: fc.constantFrom<PeriodName>('week', 'month', 'quarter', 'year'),
  timeZone: fc.constantFrom('UTC', 'Europe/Berlin', 'America/New_York'),
  dateCells: fc.constantFrom('serial', 'date'),
  survey: fc.integer({ min: 0, max: 60 }),
  tickets: fc.integer({ min: 0, max: 80 }),
  orders: fc.integer({ min: 0, max: 30 }),
  months: fc.integer({ min: 1, max: 14 }),
  competitors: fc.integer({ min: 0, max: 4 }),
  blanks: fc.constantFrom(0, 0.1, 0.3),
  textNoise: fc.constantFrom(false, false, true),
  textDates: fc.constantFrom(false, false, false, true),
  invalid: fc.constantFrom<Invalid>('none', 'none', 'none', 'resolvedBeforeOpened', 'responseBeforeOpened', 'scoreOutOfScale', 'ratingNegative', 'negativeCount', 'zeroStart',
    'negativeWait', 'waitWithoutFlag', 'effortZero'),
  flags: fc.tuple(fc.constantFrom(...FLAG_WORDS), fc.constantFrom(...FLAG_WORDS), fc.constantFrom(...FLAG_WORDS), fc.constantFrom(...FLAG_WORDS)),
  slaHours: fc.constantFrom(4, 8, 24, 36.5),
  calls: fc.constantFrom(0, 0, 30, 70),
  intervals: fc.constantFrom(0, 0, 24, 48),
  callFlags: fc.constantFrom<CallFlags>('yes/no', 'Y/N', 'Ja/Nein', 'bool', '1/0', 'answered/abandoned'),
  durations: fc.constantFrom<'seconds' | 'time'>('seconds', 'time'),
  serviceLevelSeconds: fc.constantFrom(20, 30, 15.5),
  reportingDay: fc.oneof(fc.constant(null), fc.integer({ min: -40, max: 340 })),
  minAnswers: fc.constantFrom(0, 3, 30),
  minTickets: fc.constantFrom(0, 2, 10),
  logs: fc.constantFrom(true, true, false),
  repeatIds: fc.constantFrom(false, false, true),
  answerLabels: fc.constantFrom(false, false, true),
  reopenCounts: fc.constantFrom(false, false, true),
  slaVerdicts: fc.constantFrom<'none' | 'flags' | 'words'>('none', 'none', 'flags', 'words'),
  ticketDurations: fc.constantFrom<TicketDurations>('none', 'none', 'none', 'none', 'seconds', 'minutes', 'hours', 'time'),
  durationDate: fc.constantFrom<'opened' | 'resolved'>('opened', 'resolved'),
  npsOff: fc.constantFrom(false, false, true),
  complaints: fc.constantFrom<'tickets' | 'monthly'>('tickets', 'monthly'),
  slaTies: fc.constantFrom(false, true),
});

export interface RandomWorkbook {
  readonly data: WorkbookData;
  readonly outline: WorkbookOutline;
  readonly roles: readonly RoleAssignment[];
  /** Sheet rows (1-based, within the data range: row 1 = first data row) of the rows made invalid on purpose. */
  readonly invalidRows: readonly { readonly sheet: string; readonly row: number }[];
}

/** Label words of a scale by its size (2-point Zendesk, 3-point Freshdesk, 5-point satisfaction, 7-point agreement). */
const RATING_WORDS: Readonly<Record<number, readonly string[]>> = {
  2: ['Bad', 'Good'],
  3: ['Not Good', 'Just Okay', 'Awesome'],
  5: ['Very dissatisfied', 'Dissatisfied', 'Neutral', 'Satisfied', 'Very satisfied'],
  7: ['Strongly disagree', 'Disagree', 'Somewhat disagree', 'Neither agree nor disagree', 'Somewhat agree', 'Agree', 'Strongly agree'],
};

/** A rating 1…max as a label word: on its own scale when there is one of that size, a 10-point rating on the 2-point one. */
function ratingWord(rating: unknown, max: number): unknown {
  if (typeof rating !== 'number') return rating;
  const words = RATING_WORDS[max] ?? RATING_WORDS[2];
  return words[Math.ceil((rating * words.length) / max) - 1];
}

/** A 0–10 score with the survey tool's label on its ends ("10 - Extremely likely"). */
function labelledScore(score: unknown): unknown {
  if (score === 0) return '0 - Not at all likely';
  if (score === 10) return '10 - Extremely likely';
  return score;
}

/** 2026-01-01 as a serial; the data spans about half a year around the March and October DST changes. */
const START = 46_023;
const MS_PER_DAY = 86_400_000;

export function randomWorkbook(k: Knobs): RandomWorkbook {
  const rnd = mulberry32(k.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const blank = (): boolean => rnd() < k.blanks;
  /** A moment in whole seconds, `days` after START. */
  const moment = (days: number): number => Math.round((START + days) * 86_400) / 86_400;
  /** A date cell: a serial, or a Date whose wall clock in the zone is that serial (the zone's clock), as a host passes it. */
  const dateCell = (serial: number): unknown => {
    if (k.dateCells === 'serial') return serial;
    const utcMs = Math.round((serial - 25_569) * MS_PER_DAY);
    return new Date(utcMs - offsetMs(k.timeZone, utcMs));
  };
  const invalidRows: { sheet: string; row: number }[] = [];

  // Surveys.
  const survey: unknown[][] = [['Date', 'Score', 'Rating', 'Comment', 'Effort', 'Sent']];
  const ratingMax = pick([5, 5, 7, 10]);
  const effortMax = pick([5, 7, 7]);
  for (let i = 0; i < k.survey; i++) {
    const day = rnd() * 300;
    let score: unknown = blank() ? null : Math.floor(rnd() * 11);
    let rating: unknown = blank() ? null : 1 + Math.floor(rnd() * ratingMax);
    if (k.answerLabels) {
      score = labelledScore(score);
      rating = ratingWord(rating, ratingMax);
    }
    if (k.textNoise && rnd() < 0.05) score = 'n/a';
    if (k.textNoise && rnd() < 0.05) rating = 'k. A.';
    const effort = blank() ? null : 1 + Math.floor(rnd() * effortMax);
    survey.push([blank() && rnd() < 0.3 ? null : dateCell(moment(day)), score, rating, pick(['friendly and fast', 'slow answer', 'great help', 'nicht freundlich', null]),
      effort, dateCell(moment(Math.max(0, day - rnd() * 3)))]);
  }
  if (k.invalid === 'effortZero' && k.survey > 0) {
    const r = 1 + Math.floor(rnd() * k.survey);
    survey[r][4] = 0;
    invalidRows.push({ sheet: 'Survey', row: r });
  }
  if (k.invalid === 'scoreOutOfScale' && k.survey > 0) {
    const r = 1 + Math.floor(rnd() * k.survey);
    survey[r][1] = pick([11, 8.5, -1]);
    invalidRows.push({ sheet: 'Survey', row: r });
  }
  if (k.invalid === 'ratingNegative' && k.survey > 0) {
    const r = 1 + Math.floor(rnd() * k.survey);
    survey[r][2] = -1;
    invalidRows.push({ sheet: 'Survey', row: r });
  }

  // Tickets.
  const flagCell = (words: FlagWords, yes: boolean): unknown => {
    switch (words) {
      case 'yes/no': return yes ? 'yes' : 'no';
      case 'Ja/Nein': return yes ? 'Ja' : 'Nein';
      case 'x': return yes ? 'x' : null;
      case 'bool': return yes;
      default: return yes ? 1 : 0;
    }
  };
  const ticketDate = (serial: number | null): unknown => {
    if (serial === null) return null;
    if (!k.textDates) return dateCell(serial);
    const d = new Date(Math.round((serial - 25_569) * MS_PER_DAY));
    return d.toISOString().slice(0, 19).replace('T', ' ');
  };
  const verdicts = k.slaVerdicts ?? 'none';
  const verdictCell = (met: boolean): unknown => (verdicts === 'words' ? (met ? 'Within SLA' : 'SLA Violated') : flagCell(k.flags[3], met));
  const durations = k.ticketDurations ?? 'none';
  const byResolved = durations !== 'none' && k.durationDate === 'resolved';
  /** A ticket's time from `earlier` to `later` as the export writes it (whole seconds or minutes, hours to 0.01, a time value). */
  const ticketDuration = (later: number | null, earlier: number): unknown => {
    if (later === null) return null;
    const seconds = Math.round((later - earlier) * 86_400);
    switch (durations) {
      case 'minutes': return Math.round(seconds / 60);
      case 'hours': return Math.round(seconds / 36) / 100;
      case 'time': return k.dateCells === 'serial' ? seconds / 86_400 : dateCell(seconds / 86_400);
      default: return seconds;
    }
  };
  /** The duration columns' headers as the exports write them (Intercom, Zendesk, Freshdesk, HubSpot). */
  const DURATION_HEADERS: Readonly<Record<Exclude<TicketDurations, 'none'>, readonly [string, string]>> = {
    seconds: ['First response time (seconds)', 'Time to close (seconds)'],
    minutes: ['First reply time in minutes', 'Full resolution time in minutes'],
    hours: ['First response time (in hrs)', 'Resolution time (in hrs)'],
    time: ['Time to first agent reply (HH:mm:ss)', 'Time to close (HH:mm:ss)'],
  };
  const ticketHeaders = durations === 'none' ? ['Opened', 'First response', 'Resolved'] : [byResolved ? 'Solved at' : 'Opened', ...DURATION_HEADERS[durations]];
  const tickets: unknown[][] = [[...ticketHeaders, 'Agent', 'FCR', 'Reopened', 'Converted', 'Complaint', 'Ticket ID',
    ...(verdicts === 'none' ? [] : ['SLA met'])]];
  const moments: { id: string; opened: number; first: number | null; resolved: number | null }[] = [];
  for (let i = 0; i < k.tickets; i++) {
    const opened = moment(rnd() * 300);
    const first = blank() ? null : moment(opened - START + rnd() * 0.5);
    let resolved = rnd() < 0.15 ? null : moment(opened - START + rnd() * 5);
    // Resolved exactly at the SLA limit (whole seconds, so exactly N hours on the wall clock).
    if (k.slaTies && resolved !== null && rnd() < 0.2) resolved = moment(opened - START + k.slaHours / 24);
    const flag = (j: number, p: number): unknown => (blank() ? null : flagCell(k.flags[j], rnd() < p));
    // A reopen count: mostly 0, now and then 1–3.
    const reopens = (): unknown => (blank() ? null : rnd() < 0.1 ? 1 + Math.floor(rnd() * 3) : 0);
    const id = `T${i + 1}`;
    moments.push({ id, opened, first, resolved });
    const times = durations === 'none'
      ? [blank() && rnd() < 0.3 ? null : ticketDate(opened), ticketDate(first), ticketDate(resolved)]
      : [byResolved ? ticketDate(resolved) : blank() && rnd() < 0.3 ? null : ticketDate(opened), ticketDuration(first, opened), ticketDuration(resolved, opened)];
    const row = [
      ...times, pick(['Anna', 'Ben', 'Cem', 'Dana']),
      flag(0, 0.7), k.reopenCounts ? reopens() : flag(1, 0.1), flag(2, 0.3), flag(3, 0.05), id,
      // A verdict once resolved (now and then none yet, a blank).
      ...(verdicts === 'none' ? [] : [resolved === null || blank() ? null : verdictCell(rnd() < 0.8)]),
    ];
    if (k.repeatIds && rnd() < 0.3) {
      // An earlier update of the same ticket, before it was resolved (the sheet's order is the update order).
      tickets.push([byResolved ? null : row[0], row[1], null, row[3], null, null, row[6], row[7], id, ...(verdicts === 'none' ? [] : [null])]);
    }
    tickets.push(row);
  }
  if (k.textNoise && k.tickets > 3) tickets.splice(2 + Math.floor(rnd() * (k.tickets - 2)), 0, [...tickets[0]]);
  const ticketRows = tickets.length - 1;
  const withBoth = (c: number): number[] => {
    const out: number[] = [];
    for (let r = 1; r < tickets.length; r++) if (typeof tickets[r][0] !== 'string' && tickets[r][0] !== null && tickets[r][c] !== null && typeof tickets[r][c] !== 'string') out.push(r);
    return out;
  };
  if ((k.invalid === 'resolvedBeforeOpened' || k.invalid === 'responseBeforeOpened') && durations !== 'none') {
    // A negative duration (AVG_DURATION rejects it), as a time value or a number.
    const c = k.invalid === 'resolvedBeforeOpened' ? 2 : 1;
    const rows: number[] = [];
    for (let r = 1; r < tickets.length; r++) if (tickets[r][c] !== null && typeof tickets[r][c] !== 'string') rows.push(r);
    if (rows.length > 0) {
      const r = pick(rows);
      tickets[r][c] = durations === 'time' && k.dateCells === 'serial' ? -1 / 24 : -5;
      invalidRows.push({ sheet: 'Tickets', row: r });
    }
  } else if ((k.invalid === 'resolvedBeforeOpened' || k.invalid === 'responseBeforeOpened') && !k.textDates) {
    const c = k.invalid === 'resolvedBeforeOpened' ? 2 : 1;
    const rows = withBoth(c);
    if (rows.length > 0) {
      const r = pick(rows);
      const opened = serialOf(tickets[r][0], k);
      tickets[r][c] = dateCell(moment(opened - START - 1));
      invalidRows.push({ sheet: 'Tickets', row: r });
    }
  }

  // Calls: one row per call, and a queue report per 30-minute interval.
  const duration = (seconds: number | null): unknown => {
    if (seconds === null) return null;
    if (k.durations !== 'time') return seconds;
    return k.dateCells === 'serial' ? seconds / 86_400 : dateCell(seconds / 86_400);
  };
  const answeredCell = (yes: boolean): unknown => {
    switch (k.callFlags ?? 'yes/no') {
      case 'yes/no': return yes ? 'yes' : 'no';
      case 'Y/N': return yes ? 'Y' : 'N';
      case 'Ja/Nein': return yes ? 'Ja' : 'Nein';
      case 'bool': return yes;
      case '1/0': return yes ? 1 : 0;
      default: return yes ? 'answered' : 'abandoned';
    }
  };
  const calls: unknown[][] = [['Call date', 'Agent', 'Wait time', 'Answered', 'Talk time', 'Hold time', 'After-call work', 'Satisfaction']];
  for (let i = 0; i < (k.calls ?? 0); i++) {
    const answered = rnd() < 0.85;
    const wait = answered ? Math.floor(rnd() * 90) : blank() ? null : Math.floor(rnd() * 200);
    const talk = answered ? 30 + Math.floor(rnd() * 570) : null;
    calls.push([
      blank() && rnd() < 0.3 ? null : dateCell(moment(rnd() * 300)), pick(['Anna', 'Ben', 'Cem']), duration(wait), answeredCell(answered), duration(talk),
      answered && !blank() ? duration(Math.floor(rnd() * 120)) : null, answered && !blank() ? duration(Math.floor(rnd() * 60)) : null,
      answered && !blank() ? 1 + Math.floor(rnd() * 5) : null,
    ]);
  }
  if ((k.calls ?? 0) > 0 && (k.invalid === 'negativeWait' || k.invalid === 'waitWithoutFlag')) {
    const r = 1 + Math.floor(rnd() * (k.calls ?? 0));
    if (k.invalid === 'negativeWait') calls[r][2] = k.durations === 'time' && k.dateCells === 'serial' ? -5 / 86_400 : -5;
    else {
      calls[r][2] = duration(12);
      calls[r][3] = null;
    }
    invalidRows.push({ sheet: 'Calls', row: r });
  }
  const intervals: unknown[][] = [['Interval start', 'Offered', 'Answered', 'Abandoned', 'ASA', 'AHT', 'Service level']];
  for (let i = 0; i < (k.intervals ?? 0); i++) {
    // Eight half hours from 09:00 on a day every 20 days.
    const start = moment(Math.floor(i / 8) * 20 + (18 + (i % 8)) / 48);
    const offered = 5 + Math.floor(rnd() * 55);
    const abandoned = Math.floor(rnd() * offered * 0.2);
    intervals.push([dateCell(start), offered, offered - abandoned, abandoned, blank() ? null : duration(5 + Math.floor(rnd() * 85)),
      duration(120 + Math.floor(rnd() * 480)), Math.round(rnd() * 10_000) / 10_000]);
  }

  // Orders.
  const orders: unknown[][] = [['Order date', 'Customer', 'Amount', 'Profit', 'Units sold', 'Units returned']];
  for (let i = 0; i < k.orders; i++) {
    const sold = 1 + Math.floor(rnd() * 5);
    orders.push([dateCell(moment(rnd() * 300)), pick(['C1', 'C2', 'C3', 'C4', 'C5']), Math.round(rnd() * 50_000) / 100,
      Math.round(rnd() * 10_000) / 100, sold, blank() ? null : Math.floor(rnd() * (sold + 1))]);
  }

  // Monthly figures: one row per month, first of the month.
  const monthly: unknown[][] = [['Month', 'Customers at start', 'Customers at end', 'New customers', 'Lost customers',
    'Headcount start', 'Headcount end', 'Leavers', 'Hires', 'Cash in', 'Cash out', 'Complaints']];
  let customers = 200 + Math.floor(rnd() * 300);
  let staff = 20 + Math.floor(rnd() * 30);
  for (let m = 0; m < k.months; m++) {
    const gained = Math.floor(rnd() * 30), lost = Math.floor(rnd() * 25);
    const end = customers + gained - lost;
    const hires = Math.floor(rnd() * 3), leavers = Math.floor(rnd() * 3);
    const staffEnd = Math.max(1, staff + hires - leavers);
    const first = Date.UTC(2025, 6 + m, 1) / MS_PER_DAY + 25_569;
    monthly.push([dateCell(first), customers, end, gained, lost, staff, staffEnd, leavers, hires,
      Math.round(rnd() * 1_000_000) / 100, (rnd() < 0.5 ? -1 : 1) * Math.round(rnd() * 800_000) / 100, Math.floor(rnd() * 12)]);
    customers = end;
    staff = staffEnd;
  }
  if (k.invalid === 'negativeCount') {
    const r = 1 + Math.floor(rnd() * k.months);
    monthly[r][pick([3, 4, 7, 8, 11])] = -2;
    invalidRows.push({ sheet: 'Monthly', row: r });
  }
  if (k.invalid === 'zeroStart') {
    const r = 1 + Math.floor(rnd() * k.months);
    monthly[r][1] = 0;
    monthly[r][5] = 0;
  }

  // The tickets' status log and message log: new when opened, open at the first response, sometimes
  // pending (the customer answers later) or on-hold, solved when resolved; messages of the customer,
  // the agent and internal notes.
  const log: unknown[][] = [['Ticket', 'Changed at', 'Status']];
  const messages: unknown[][] = [['Ticket', 'Sent at', 'Author']];
  // Ticket exports with durations come without a status log (no sheet, no roles): the log's
  // resolution variant would come first, and the duration variants would never be used.
  const statusLog = durations === 'none';
  if (k.logs !== false) {
    for (const t of moments) {
      const changes: [number, string][] = [[t.opened, 'new']];
      const said: [number, string][] = [[t.opened, rnd() < 0.2 ? 'agent' : 'customer']];
      if (t.first !== null) {
        changes.push([t.first, 'open']);
        said.push([t.first, 'agent']);
        const end = t.resolved ?? t.first + 2;
        if (end > t.first && rnd() < 0.4) {
          const asked = moment(t.first - START + (end - t.first) * rnd() * 0.5);
          const back = moment(asked - START + (end - asked) * rnd());
          changes.push([asked, rnd() < 0.7 ? 'pending' : 'on-hold'], [back, 'open']);
          said.push([asked, 'agent'], [back, 'customer'], [moment(back - START + (end - back) * rnd()), rnd() < 0.2 ? 'note' : 'agent']);
        }
      }
      if (t.resolved !== null && t.resolved >= (t.first ?? t.opened)) changes.push([t.resolved, 'solved']);
      changes.sort((a, b) => a[0] - b[0]);
      said.sort((a, b) => a[0] - b[0]);
      for (const [m, s] of changes) log.push([t.id, dateCell(m), s]);
      for (const [m, a] of said) messages.push([t.id, dateCell(m), a]);
    }
  }

  const competitors: unknown[][] = [['Competitor', 'NPS']];
  for (let i = 0; i < k.competitors; i++) competitors.push([`Rival ${i + 1}`, Math.round(rnd() * 120) - 40]);

  const sheets: SheetData[] = [
    { name: 'Survey', originRow: 1, originCol: 1, values: survey },
    { name: 'Tickets', originRow: 1, originCol: 1, values: tickets },
    { name: 'Orders', originRow: 1, originCol: 1, values: orders },
    { name: 'Monthly', originRow: 1, originCol: 1, values: monthly },
    { name: 'Competitors', originRow: 1, originCol: 1, values: competitors },
    ...((k.calls ?? 0) > 0 ? [{ name: 'Calls', originRow: 1, originCol: 1, values: calls }] : []),
    ...((k.intervals ?? 0) > 0 ? [{ name: 'Queue', originRow: 1, originCol: 1, values: intervals }] : []),
    ...(statusLog ? [{ name: 'Log', originRow: 1, originCol: 1, values: log }] : []),
    { name: 'Messages', originRow: 1, originCol: 1, values: messages },
  ];
  void ticketRows;
  const data: WorkbookData = { sheets, timeZone: k.timeZone };
  const outline = outlineOf(data);
  const at = (role: Role, sheet: string, column: number): RoleAssignment => ({
    role, sheet, column, header: String(sheets.find((s) => s.name === sheet)!.values[0][column - 1]), confidence: 1, source: 'manager',
  });
  const roles: RoleAssignment[] = [
    at('surveyDate', 'Survey', 1), at('npsScore', 'Survey', 2), at('satisfaction', 'Survey', 3), at('comment', 'Survey', 4),
    ...(durations === 'none'
      ? [at('ticketOpened', 'Tickets', 1), at('firstResponse', 'Tickets', 2), at('ticketResolved', 'Tickets', 3)]
      : [at(byResolved ? 'ticketResolved' : 'ticketOpened', 'Tickets', 1), at('firstResponseTime', 'Tickets', 2), at('resolutionTime', 'Tickets', 3)]),
    at('agent', 'Tickets', 4),
    at('firstContactResolved', 'Tickets', 5), at(k.reopenCounts ? 'reopenCount' : 'reopened', 'Tickets', 6), at('converted', 'Tickets', 7),
    k.complaints === 'monthly' ? at('complaint', 'Monthly', 12) : at('complaint', 'Tickets', 8),
    at('orderDate', 'Orders', 1), at('customerId', 'Orders', 2), at('orderAmount', 'Orders', 3), at('orderProfit', 'Orders', 4),
    at('unitsSold', 'Orders', 5), at('unitsReturned', 'Orders', 6),
    at('periodDate', 'Monthly', 1), at('customersStart', 'Monthly', 2), at('customersEnd', 'Monthly', 3), at('customersNew', 'Monthly', 4),
    at('customersLost', 'Monthly', 5), at('headcountStart', 'Monthly', 6), at('headcountEnd', 'Monthly', 7), at('separations', 'Monthly', 8),
    at('hires', 'Monthly', 9), at('cashIn', 'Monthly', 10), at('cashOut', 'Monthly', 11),
    at('competitorName', 'Competitors', 1), at('competitorNps', 'Competitors', 2),
    at('effortScore', 'Survey', 5), at('surveySent', 'Survey', 6),
    at('competitorName', 'Competitors', 1), at('competitorNps', 'Competitors', 2), at('ticketId', 'Tickets', 9),
    ...(statusLog ? [at('ticketId', 'Log', 1), at('logTime', 'Log', 2), at('logStatus', 'Log', 3)] : []),
    at('ticketId', 'Messages', 1), at('logTime', 'Messages', 2), at('logAuthor', 'Messages', 3),
  ];
  if (verdicts !== 'none') roles.push(at('slaMet', 'Tickets', 10));
  if ((k.calls ?? 0) > 0) {
    roles.push(at('callDate', 'Calls', 1), at('agent', 'Calls', 2), at('callWait', 'Calls', 3), at('callAnswered', 'Calls', 4),
      at('talkTime', 'Calls', 5), at('holdTime', 'Calls', 6), at('wrapTime', 'Calls', 7), at('satisfaction', 'Calls', 8));
  }
  if ((k.intervals ?? 0) > 0) {
    roles.push(at('callDate', 'Queue', 1), at('callsOffered', 'Queue', 2), at('callsAnswered', 'Queue', 3), at('callsAbandoned', 'Queue', 4),
      at('avgAnswerTime', 'Queue', 5), at('avgHandleTime', 'Queue', 6), at('serviceLevelShare', 'Queue', 7));
  }
  return { data, outline, roles, invalidRows };
}

/** The request for a random workbook: every KPI on (NPS off if the knobs say so), the knobs' period and SLA. */
export function randomRequest(w: RandomWorkbook, k: Knobs, portable: boolean): GenerateRequest {
  return {
    roles: w.roles,
    targets: {
      brandAttributes: { target: null, direction: 'higher', enabled: true },
      ...(k.npsOff ? { nps: { target: null, direction: 'higher', enabled: false } } : {}),
    },
    options: {
      period: k.period, portable, language: 'en', slaHours: k.slaHours, tolerance: 0.05, serviceLevelSeconds: k.serviceLevelSeconds ?? 20,
      brandAttributes: ['friendly'], sheetName: 'KPI Scorecard',
      reportingDate: k.reportingDay === null || k.reportingDay === undefined ? null : isoDay(START + k.reportingDay),
      minAnswers: k.minAnswers ?? 30, minTickets: k.minTickets ?? 10,
    },
  };
}

/** A whole-day serial as `YYYY-MM-DD`. */
export function isoDay(serial: number): string {
  return new Date((serial - 25_569) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The zone's offset (ms, local − UTC) at a UTC instant. */
function offsetMs(timeZone: string, utcMs: number): number {
  if (timeZone === 'UTC') return 0;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(utcMs));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)!.value);
  return Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second')) - utcMs;
}

function serialOf(cell: unknown, k: Knobs): number {
  if (typeof cell === 'number') return cell;
  const ms = (cell as Date).getTime();
  return (ms + offsetMs(k.timeZone, ms)) / MS_PER_DAY + 25_569;
}
