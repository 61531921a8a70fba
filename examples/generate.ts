/**
 * The sample workbook: one year (2025-12 … 2026-11) of a fictitious helpdesk's surveys, tickets,
 * orders, monthly customer/headcount/cash stocks, a competitor benchmark, and the tickets' status
 * log and message log. The README, the sidebar preview, the column-detection tests and the CLI all
 * use it.
 *
 *   npx tsx examples/generate.ts        → writes examples/helpdesk.xlsx (default sizes)
 *
 * Everything is drawn from a seeded PRNG, so the same seed always gives the same cell values (and,
 * because the docProps dates and the zip entry times are fixed, the same file bytes).
 *
 * Dates follow the product's wall-clock convention: a Date's UTC fields are the time the cell
 * shows (exceljs writes Dates as UTC serials), so 2026-03-02 09:15 is Date.UTC(2026, 2, 2, 9, 15).
 * All names, customers, e-mail addresses (example.com / example.de) and URLs are invented.
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';

// ---------------------------------------------------------------------------------------------
// Shapes

/** One cell: a blank is `null`; dates are Dates in the UTC wall-clock convention. */
export type SampleCell = string | number | boolean | Date | null;

export interface SampleColumn {
  header: string;
  /** Column width in characters. */
  width: number;
  /** Excel number format for the column's values (dates, money, percentages). */
  numFmt?: string;
}

export interface SampleSheet {
  name: string;
  columns: SampleColumn[];
  /** Data rows (without the header), one value per column. */
  rows: SampleCell[][];
}

export interface SampleData {
  seed: number;
  survey: SampleSheet;
  tickets: SampleSheet;
  orders: SampleSheet;
  customers: SampleSheet;
  competitors: SampleSheet;
  /** One row per status change of a ticket (Ticket ID, Changed at, Status). */
  statusLog: SampleSheet;
  /** One row per message of a ticket (Ticket ID, Sent at, Author). */
  messages: SampleSheet;
}

/** Row counts of the sheets whose size can be scaled (a benchmark may ask for 200,000 tickets). */
export interface SampleSizes {
  survey: number;
  tickets: number;
  orders: number;
  /** Tickets (the first ones, in opening order) whose status changes and messages are logged; default: all, at most 3,000. */
  logTickets?: number;
}

export const DEFAULT_SEED = 20251201;
export const DEFAULT_SIZES: Readonly<SampleSizes> = { survey: 1200, tickets: 3000, orders: 2000 };

/** Twelve months, 2025-12-01 … 2026-11-30. */
export const MONTHS = 12;
export const FIRST_MONTH = new Date(Date.UTC(2025, 11, 1));
/** The moment the data was exported: tickets not resolved by then are open. */
export const AS_OF = new Date(Date.UTC(2026, 11, 1));

/** Fixed docProps dates, so the file does not change when regenerated. */
const FILE_DATE = new Date(Date.UTC(2026, 11, 1, 8, 0, 0));

const DATE_TIME = 'yyyy-mm-dd hh:mm';
const DATE = 'yyyy-mm-dd';
const MONEY = '#,##0.00';
const WHOLE_MONEY = '#,##0';

/** The sheets in workbook order. */
export function sheetsOf(data: SampleData): SampleSheet[] {
  return [data.survey, data.tickets, data.orders, data.customers, data.competitors, data.statusLog, data.messages];
}

// ---------------------------------------------------------------------------------------------
// Random numbers

type Rng = () => number;

/** mulberry32: a tiny 32-bit PRNG, good enough for sample data and identical on every platform. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per sheet, so scaling the tickets leaves the survey unchanged. */
function streamFor(seed: number, sheet: number): Rng {
  let h = (seed ^ Math.imul(sheet + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return mulberry32((h ^ (h >>> 16)) >>> 0);
}

const intIn = (rng: Rng, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Picks from `[value, weight]` pairs. */
function weighted<T>(rng: Rng, pairs: readonly (readonly [T, number])[]): T {
  let total = 0;
  for (const [, w] of pairs) total += w;
  let r = rng() * total;
  for (const [v, w] of pairs) {
    r -= w;
    if (r < 0) return v;
  }
  return pairs[pairs.length - 1][0];
}

function normal(rng: Rng): number {
  const u = 1 - rng(); // (0, 1]: log(0) never happens
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

/** Right-skewed durations: half the draws lie below `median`. */
const logNormal = (rng: Rng, median: number, sigma: number): number => median * Math.exp(sigma * normal(rng));

const round2 = (x: number): number => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Calendar (times are UTC milliseconds = wall clock)

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const WORK_START = 8; // helpdesk hours Mon–Fri 08:00–18:00
const WORK_END = 18;

const monthStart = (m: number): number => Date.UTC(2025, 11 + m, 1);
const daysIn = (m: number): number => (monthStart(m + 1) - monthStart(m)) / DAY;
const isWeekday = (t: number): boolean => {
  const wd = new Date(t).getUTCDay();
  return wd >= 1 && wd <= 5;
};
const hourOf = (t: number): number => new Date(t).getUTCHours();
const isWorkingTime = (t: number): boolean => isWeekday(t) && hourOf(t) >= WORK_START && hourOf(t) < WORK_END;

/** The time itself when inside helpdesk hours, else the next 08:00 on a weekday. */
function nextWorkingTime(t: number): number {
  if (isWorkingTime(t)) return t;
  let day = Math.floor(t / DAY) * DAY;
  for (;;) {
    const start = day + WORK_START * HOUR;
    if (isWeekday(day) && start >= t) return start;
    day += DAY;
  }
}

/** Splits `total` over the months in proportion to `weights` (largest remainders first). */
function spread(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) counts[order[k][1]]++;
  return counts;
}

/** How far into the year month `m` is: 0 for the first month, 1 for the last. */
const progress = (m: number): number => m / (MONTHS - 1);

// ---------------------------------------------------------------------------------------------
// Customers shared by the survey, ticket and order sheets

const CUSTOMER_POOL = 860; // C-1001 … C-1860

/** Some customers buy and call far more often than others (low ids are the regulars). */
const customerId = (rng: Rng): string => `C-${1001 + Math.floor(CUSTOMER_POOL * rng() ** 1.7)}`;

// ---------------------------------------------------------------------------------------------
// Survey

const COMMENTS = {
  en: {
    positive: [
      'Very friendly and helpful support.',
      'Fast answer, problem solved in minutes.',
      'The agent was friendly and knew the product well.',
      'Quick and helpful, thank you!',
      'Great service, very fast refund.',
      'Helpful staff, easy to reach by chat.',
      'Friendly team and a fast response.',
      'Excellent support, very competent and patient.',
      'Fast delivery and friendly people on the phone.',
      'Really helpful, explained everything clearly.',
    ],
    neutral: [
      'Okay overall, but the reply was a bit slow.',
      'Helpful, though I had to wait on hold for a while.',
      'Friendly agent, but the issue took two days.',
      'Fine, nothing special.',
      'Good product, support could be faster.',
      'Friendly but not very helpful with my actual question.',
    ],
    negative: [
      'Slow response, I waited three days for an answer.',
      'Not very helpful, I had to explain everything twice.',
      'The agent was not friendly at all.',
      'Very slow and complicated process.',
      'Nobody called me back.',
      'Unfriendly and slow service.',
      'Not very helpful, the problem is still not solved.',
      'Too expensive and the support is slow.',
    ],
  },
  de: {
    positive: [
      'Sehr freundlich und hilfsbereit.',
      'Schnelle Antwort, Problem sofort gelöst.',
      'Freundlicher Mitarbeiter, kompetente Beratung.',
      'Schnell und unkompliziert, danke!',
      'Super Service, sehr hilfsbereit.',
      'Alles bestens, schnelle Lieferung.',
      'Sehr kompetent und freundlich am Telefon.',
      'Hilfsbereit und geduldig, gerne wieder.',
    ],
    neutral: [
      'Freundlich, aber die Bearbeitung war etwas langsam.',
      'Hilfsbereit, allerdings lange Wartezeit in der Hotline.',
      'Ganz okay, aber nicht so schnell wie erhofft.',
      'Im Großen und Ganzen zufrieden.',
      'Freundlich, aber nicht wirklich hilfsbereit.',
    ],
    negative: [
      'Sehr langsam, ich habe eine Woche gewartet.',
      'Der Mitarbeiter war nicht freundlich.',
      'Nicht hilfsbereit und schwer erreichbar.',
      'Langsame Bearbeitung, niemand hat zurückgerufen.',
      'Leider nicht so gut, das Problem besteht weiterhin.',
      'Unfreundlich und langsam.',
      'Zu teuer und der Support ist langsam.',
    ],
  },
} as const;

// Comments sometimes carry personal data; the product must never count these as terms.
const CONTACT_NAMES = ['anna.klein', 'tom.baker', 'j.schneider', 'maria.rossi', 'k.hoffmann', 'sam.green', 'lea.wolf'];
const CONTACT = {
  en: [
    (rng: Rng) => `Please reply to ${pick(rng, CONTACT_NAMES)}@example.com.`,
    (rng: Rng) => `Order details: https://shop.example.com/orders/${intIn(rng, 40000, 49999)}`,
    (rng: Rng) => `I wrote to ${pick(rng, CONTACT_NAMES)}@example.com twice.`,
    () => 'The FAQ at www.example.com/help did not answer it.',
  ],
  de: [
    (rng: Rng) => `Bitte Antwort an ${pick(rng, CONTACT_NAMES)}@example.de.`,
    (rng: Rng) => `Siehe https://shop.example.de/bestellung/${intIn(rng, 40000, 49999)}`,
    (rng: Rng) => `Meine Adresse: ${pick(rng, CONTACT_NAMES)}@example.de`,
  ],
} as const;

type Sentiment = 'positive' | 'neutral' | 'negative';

function surveyComment(rng: Rng, group: 'promoter' | 'passive' | 'detractor'): string | null {
  if (rng() < 0.25) return null;
  const lang = rng() < 0.45 ? 'de' : 'en';
  const sentiment: Sentiment =
    group === 'promoter'
      ? weighted(rng, [['positive', 85], ['neutral', 15]])
      : group === 'passive'
        ? weighted(rng, [['neutral', 55], ['positive', 25], ['negative', 20]])
        : weighted(rng, [['negative', 80], ['neutral', 20]]);
  let text: string = pick(rng, COMMENTS[lang][sentiment]);
  if (rng() < 0.05) text += ' ' + pick(rng, CONTACT[lang])(rng);
  if (rng() < 0.06) text = text.toLowerCase(); // typed in a hurry
  return text;
}

function surveyScores(rng: Rng, m: number): { nps: number; csat: number; group: 'promoter' | 'passive' | 'detractor' } {
  // Later months are better: more promoters, fewer detractors (NPS ≈ 8 → ≈ 37).
  const t = progress(m);
  const pPromoter = 0.4 + 0.16 * t;
  const pDetractor = 0.32 - 0.13 * t;
  const r = rng();
  if (r < pPromoter) {
    return { group: 'promoter', nps: rng() < 0.55 ? 10 : 9, csat: weighted(rng, [[5, 70], [4, 27], [3, 3]]) };
  }
  if (r < 1 - pDetractor) {
    return { group: 'passive', nps: rng() < 0.55 ? 8 : 7, csat: weighted(rng, [[4, 50], [3, 25], [5, 20], [2, 5]]) };
  }
  const nps = weighted(rng, [[0, 3], [1, 2], [2, 3], [3, 5], [4, 7], [5, 12], [6, 15]]);
  return { group: 'detractor', nps, csat: weighted(rng, [[1, 20], [2, 35], [3, 35], [4, 10]]) };
}

function survey(rng: Rng, size: number): SampleSheet {
  const counts = spread(size, Array.from({ length: MONTHS }, (_, m) => 95 + 2 * m + 10 * rng()));
  const rows: SampleCell[][] = [];
  for (let m = 0; m < MONTHS; m++) {
    const days = Array.from({ length: counts[m] }, () => intIn(rng, 0, daysIn(m) - 1)).sort((a, b) => a - b);
    for (const d of days) {
      const { nps, csat, group } = surveyScores(rng, m);
      // A few unanswered questions and "n/a" typed into score cells, as real exports have.
      const npsCell = weighted<SampleCell>(rng, [[nps, 983], [null, 12], ['n/a', 5]]);
      const csatCell = weighted<SampleCell>(rng, [[csat, 980], [null, 15], ['n/a', 5]]);
      rows.push([new Date(monthStart(m) + d * DAY), customerId(rng), npsCell, csatCell, surveyComment(rng, group)]);
    }
  }
  return {
    name: 'Survey',
    columns: [
      { header: 'Date', width: 12, numFmt: DATE },
      { header: 'Customer', width: 11 },
      { header: 'NPS', width: 6 },
      { header: 'CSAT', width: 6 },
      { header: 'Comment', width: 72 },
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Tickets

const TEAMS = [
  { name: 'Technical', share: 45, agents: ['Anna Schmidt', 'Ben Carter', 'Elif Yilmaz', 'Jonas Richter'], resolveFactor: 1 },
  { name: 'Billing', share: 30, agents: ['Clara Wagner', 'David Okafor', 'Hannah Becker'], resolveFactor: 1.3 },
  { name: 'Sales', share: 25, agents: ['Felix Braun', 'Grace Liu', 'Maya Patel'], resolveFactor: 0.7 },
] as const;
// Agents carry unequal loads: the first of each team handles the most.
const AGENT_WEIGHTS = [40, 30, 20, 10];

type Channel = 'Email' | 'Phone' | 'Chat' | 'Web';
const CHANNEL_MIX: Record<string, readonly (readonly [Channel, number])[]> = {
  Sales: [['Chat', 55], ['Phone', 25], ['Email', 15], ['Web', 5]],
  other: [['Email', 40], ['Web', 20], ['Phone', 20], ['Chat', 20]],
};
/** Median minutes to first response (Phone: answered at once; Email/Web: hours). */
const FIRST_RESPONSE_MEDIAN: Record<Channel, number> = { Phone: 2, Chat: 4, Email: 180, Web: 240 };
const FCR_SHARE: Record<Channel, number> = { Phone: 0.7, Chat: 0.65, Email: 0.4, Web: 0.35 };

/** Opening times: mostly weekdays 08–18 with a morning peak, some evenings and weekends. */
function openedAt(rng: Rng, m: number): number {
  const start = monthStart(m);
  const days = daysIn(m);
  if (rng() < 0.9) {
    let day: number;
    do day = start + intIn(rng, 0, days - 1) * DAY;
    while (!isWeekday(day));
    return day + WORK_START * HOUR + Math.floor((WORK_END - WORK_START) * 60 * rng() ** 1.3) * MINUTE;
  }
  return start + intIn(rng, 0, days - 1) * DAY + intIn(rng, 0, 24 * 60 - 1) * MINUTE;
}

/** Chance that a ticket is still open at AS_OF although its drawn resolution came earlier. */
function stuckShare(ageDays: number): number {
  if (ageDays < 7) return 0.6;
  if (ageDays < 30) return 0.25;
  if (ageDays < 60) return 0.08;
  return 0.015;
}

function tickets(rng: Rng, size: number): SampleSheet {
  const counts = spread(size, Array.from({ length: MONTHS }, (_, m) => 92 + 1.5 * m + 12 * rng()));
  const asOf = AS_OF.getTime();
  const rows: SampleCell[][] = [];
  for (let m = 0; m < MONTHS; m++) {
    const t = progress(m);
    const times = Array.from({ length: counts[m] }, () => openedAt(rng, m)).sort((a, b) => a - b);
    for (const opened of times) {
      const team = weighted(rng, TEAMS.map((x) => [x, x.share] as const));
      const agent = weighted(rng, team.agents.map((a, i) => [a, AGENT_WEIGHTS[i]] as const));
      const offHours = !isWorkingTime(opened);
      // Nobody answers the phone or the chat after hours: those tickets come in as e-mail or web forms.
      const channel: Channel = offHours
        ? weighted(rng, [['Email', 60], ['Web', 40]])
        : weighted(rng, CHANNEL_MIX[team.name] ?? CHANNEL_MIX.other);

      // First response: minutes (phone, chat) to hours (e-mail, web); faster later in the year.
      const speedUp = 1 - 0.28 * t;
      const waitFrom = channel === 'Email' || channel === 'Web' ? nextWorkingTime(opened) : opened;
      const waitMinutes = logNormal(rng, FIRST_RESPONSE_MEDIAN[channel] * speedUp, offHours ? 0.6 : 1.0);
      const firstResponse = waitFrom + Math.max(1, Math.round(waitMinutes)) * MINUTE;

      // Resolution: first-contact resolutions within the hour; the rest hours to days, skewed right.
      const fcr = rng() < Math.min(0.9, FCR_SHARE[channel] + 0.08 * t);
      let resolved: number;
      if (fcr) {
        const median = channel === 'Phone' || channel === 'Chat' ? 12 : 40;
        resolved = firstResponse + Math.max(1, Math.round(logNormal(rng, median, 0.7))) * MINUTE;
      } else {
        const hours = Math.min(45 * 24, logNormal(rng, 18 * team.resolveFactor * (1 - 0.3 * t), 1.1));
        resolved = firstResponse + Math.max(1, Math.round(hours * 60)) * MINUTE;
        // Agents close tickets during working hours.
        if (!isWorkingTime(resolved)) resolved = nextWorkingTime(resolved) + intIn(rng, 1, 90) * MINUTE;
      }
      const stuck = rng() < stuckShare((asOf - opened) / DAY);
      const open = stuck || resolved > asOf;

      const reopened = open ? null : !fcr && rng() < 0.12 - 0.04 * t;
      const slow = !open && resolved - opened > 72 * HOUR;
      const complaint = rng() < 0.035 + (reopened ? 0.1 : 0) + (slow ? 0.03 : 0);
      const converted = team.name === 'Sales' && channel === 'Chat' ? rng() < 0.22 + 0.1 * t : null;

      rows.push([
        '', // numbered below, once all tickets are in opening order
        new Date(opened),
        firstResponse <= asOf ? new Date(firstResponse) : null,
        open ? null : new Date(resolved),
        agent,
        team.name,
        customerId(rng),
        channel,
        converted,
        fcr && !open,
        reopened,
        complaint,
      ]);
    }
  }
  rows.forEach((row, i) => (row[0] = `T-${10001 + i}`));
  return {
    name: 'Tickets',
    columns: [
      { header: 'Ticket ID', width: 10 },
      { header: 'Opened', width: 17, numFmt: DATE_TIME },
      { header: 'First response', width: 17, numFmt: DATE_TIME },
      { header: 'Resolved', width: 17, numFmt: DATE_TIME },
      { header: 'Agent', width: 15 },
      { header: 'Team', width: 11 },
      { header: 'Customer', width: 11 },
      { header: 'Channel', width: 10 },
      { header: 'Converted', width: 11 },
      { header: 'First contact resolved', width: 22 },
      { header: 'Reopened', width: 10 },
      { header: 'Complaint', width: 11 },
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Status log and message log of the tickets

const TICKET_COL = { id: 0, opened: 1, first: 2, resolved: 3, team: 5, channel: 7, fcr: 9, reopened: 10 } as const;

/** A moment between `a` and `b` (a < b), as a whole minute strictly inside when there is room. */
function between(rng: Rng, a: number, b: number): number {
  const minutes = Math.floor((b - a) / MINUTE);
  return minutes >= 2 ? a + intIn(rng, 1, minutes - 1) * MINUTE : a;
}

/**
 * The status changes and messages of each ticket, consistent with its row in Tickets: it is "new"
 * when opened (the customer writes, or for a phone call the agent logs it), "open" at the first
 * response (the agent's reply), solved at its resolved time and closed four days later. Some tickets
 * wait for the customer ("pending": the agent asks, the customer answers later, sometimes twice),
 * some Billing tickets wait for a third party ("on-hold"), reopened tickets are solved once before
 * the customer writes again, and agents leave internal notes. Rows are listed ticket by ticket,
 * as helpdesks export their audits.
 */
function ticketLogs(rng: Rng, ticketRows: readonly SampleCell[][], count: number): { statusLog: SampleSheet; messages: SampleSheet } {
  const asOf = AS_OF.getTime();
  const status: SampleCell[][] = [];
  const messages: SampleCell[][] = [];
  for (const row of ticketRows.slice(0, count)) {
    const id = row[TICKET_COL.id] as string;
    const opened = (row[TICKET_COL.opened] as Date).getTime();
    const first = row[TICKET_COL.first] ? (row[TICKET_COL.first] as Date).getTime() : undefined;
    const resolved = row[TICKET_COL.resolved] ? (row[TICKET_COL.resolved] as Date).getTime() : undefined;
    const phone = row[TICKET_COL.channel] === 'Phone';
    const changes: [number, string][] = [[opened, 'new']];
    const said: [number, string][] = [[opened, phone ? 'agent' : 'customer']];
    if (first !== undefined) {
      changes.push([first, 'open']);
      said.push([first, 'agent']);
      if (rng() < 0.15) said.push([between(rng, opened, first), 'note']);
    }
    // Work between the first response and the resolution (or the export, for open tickets).
    const end = resolved ?? asOf;
    if (first !== undefined && (end - first > 2 * HOUR || row[TICKET_COL.reopened] === true)) {
      let t = first;
      if (row[TICKET_COL.reopened] === true && resolved !== undefined && end - t >= 4 * MINUTE) {
        // Solved once, then the customer writes again and the ticket reopens.
        const solvedEarly = between(rng, t, t + (end - t) / 3);
        const back = between(rng, solvedEarly, solvedEarly + (end - solvedEarly) / 2);
        changes.push([solvedEarly, 'solved'], [back, 'open']);
        said.push([solvedEarly, 'agent'], [back, 'customer']);
        t = back;
        const reply = between(rng, back, Math.min(end, back + 4 * HOUR));
        if (reply > back) said.push([reply, 'agent']);
        t = Math.max(t, reply);
      }
      if (end - t > 2 * HOUR && rng() < 0.35) {
        // The agent asks the customer; the clock pauses until the customer answers.
        const asked = between(rng, t, t + (end - t) / 2);
        const answered = between(rng, asked, asked + (end - asked) * 0.7);
        changes.push([asked, 'pending'], [answered, 'open']);
        said.push([asked, 'agent'], [answered, 'customer']);
        if (rng() < 0.3) said.push([between(rng, answered, answered + 30 * MINUTE), 'customer']);
        // The next reply: minutes to hours after the customer's answer, before the resolution.
        const reply = Math.min(answered + Math.max(1, Math.round(logNormal(rng, 75, 1))) * MINUTE, between(rng, answered, end));
        if (reply > answered) said.push([reply, 'agent']);
        t = Math.max(answered, reply);
      }
      if (row[TICKET_COL.team] === 'Billing' && end - t > 4 * HOUR && rng() < 0.2) {
        // Waiting for the payment provider: on hold, then open again.
        const held = between(rng, t, t + (end - t) / 2);
        const back = between(rng, held, held + (end - held) / 2);
        changes.push([held, 'on-hold'], [back, 'open']);
        said.push([held, 'note']);
      }
    }
    if (resolved !== undefined) {
      changes.push([resolved, 'solved']);
      if (resolved > (first ?? opened)) said.push([resolved, 'agent']);
      if (resolved + 4 * DAY <= asOf) changes.push([resolved + 4 * DAY, 'closed']);
    }
    changes.sort((a, b) => a[0] - b[0]);
    said.sort((a, b) => a[0] - b[0]);
    for (const [t, s] of changes) status.push([id, new Date(t), s]);
    for (const [t, a] of said) messages.push([id, new Date(t), a]);
  }
  const columns = (time: string, what: string): SampleColumn[] => [
    { header: 'Ticket ID', width: 10 },
    { header: time, width: 17, numFmt: DATE_TIME },
    { header: what, width: 10 },
  ];
  return {
    statusLog: { name: 'Status log', columns: columns('Changed at', 'Status'), rows: status },
    messages: { name: 'Messages', columns: columns('Sent at', 'Author'), rows: messages },
  };
}

// ---------------------------------------------------------------------------------------------
// Orders

function orders(rng: Rng, size: number): SampleSheet {
  const counts = spread(size, Array.from({ length: MONTHS }, (_, m) => 100 * 1.02 ** m * (0.9 + 0.2 * rng())));
  const rows: SampleCell[][] = [];
  for (let m = 0; m < MONTHS; m++) {
    const t = progress(m);
    const days = Array.from({ length: counts[m] }, () => intIn(rng, 0, daysIn(m) - 1)).sort((a, b) => a - b);
    for (const d of days) {
      const units = 1 + Math.min(40, Math.floor(logNormal(rng, 1.5, 0.9)));
      const unitPrice = Math.max(4.9, logNormal(rng, 39, 0.6));
      const discount = rng() < 0.2 ? 0.1 : 0;
      const amount = round2(units * unitPrice * (1 - discount));
      // Margins around 24 %, a few orders sold at a loss.
      const margin = Math.min(0.45, Math.max(-0.1, 0.24 - discount + 0.08 * normal(rng)));
      const returned = rng() < 0.07 - 0.025 * t ? Math.min(units, 1 + Math.floor(logNormal(rng, 0.5, 0.8))) : 0;
      rows.push([new Date(monthStart(m) + d * DAY), customerId(rng), amount, round2(amount * margin), units, returned]);
    }
  }
  return {
    name: 'Orders',
    columns: [
      { header: 'Date', width: 12, numFmt: DATE },
      { header: 'Customer', width: 11 },
      { header: 'Amount', width: 11, numFmt: MONEY },
      { header: 'Profit', width: 10, numFmt: MONEY },
      { header: 'Units sold', width: 11 },
      { header: 'Units returned', width: 15 },
    ],
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// Monthly stocks and flows

function customers(rng: Rng): SampleSheet {
  const rows: SampleCell[][] = [];
  let clients = 520;
  let staff = 38;
  for (let m = 0; m < MONTHS; m++) {
    const t = progress(m);
    // Growing, and losing fewer customers as service improves.
    const gained = 34 + m + intIn(rng, 0, 12);
    const lost = Math.max(5, Math.round(26 - 10 * t + 4 * normal(rng)));
    const hires = weighted(rng, [[0, 35], [1, 35], [2, 20], [3, 10]]);
    const separations = weighted(rng, [[0, 30], [1, 40], [2, 20], [3, 10]]);
    const cashIn = Math.round(200_000 * (1 + 0.015 * m) * (1 + 0.04 * normal(rng)));
    // December pays bonuses: cash out exceeds cash in once.
    const cashOut = Math.round(cashIn * (m === 0 ? 1.06 : 0.82 + 0.15 * rng()));
    const clientsEnd = clients + gained - lost;
    const staffEnd = staff + hires - separations;
    rows.push([new Date(monthStart(m)), clients, clientsEnd, gained, lost, staff, staffEnd, separations, hires, cashIn, cashOut]);
    clients = clientsEnd;
    staff = staffEnd;
  }
  return {
    name: 'Customers',
    columns: [
      { header: 'Month', width: 12, numFmt: DATE },
      { header: 'Customers at start', width: 18 },
      { header: 'Customers at end', width: 17 },
      { header: 'New customers', width: 14 },
      { header: 'Lost customers', width: 14 },
      { header: 'Headcount at start', width: 18 },
      { header: 'Headcount at end', width: 17 },
      { header: 'Separations', width: 12 },
      { header: 'Hires', width: 7 },
      { header: 'Cash in', width: 11, numFmt: WHOLE_MONEY },
      { header: 'Cash out', width: 11, numFmt: WHOLE_MONEY },
    ],
    rows,
  };
}

function competitors(): SampleSheet {
  // Fictitious companies (Microsoft's sample names and one German one); CSAT is a share 0–1.
  return {
    name: 'Competitors',
    columns: [
      { header: 'Competitor', width: 20 },
      { header: 'NPS', width: 6 },
      { header: 'CSAT', width: 7, numFmt: '0%' },
      { header: 'Avg resolution hours', width: 21, numFmt: '0.0' },
    ],
    rows: [
      ['Northwind Support', 31, 0.82, 14.5],
      ['Contoso Care', 18, 0.74, 26],
      ['Fabrikam Service', 42, 0.88, 9.8],
      ['Tailspin Helpdesk', 12, 0.69, 31.2],
      ['Kundenglück GmbH', 27, 0.79, 19.4],
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Public entry points

/**
 * The sample data as plain arrays. The same seed and sizes always give the same values; each
 * sheet has its own random stream, so changing one sheet's size leaves the others unchanged.
 */
export function generateSample(seed: number = DEFAULT_SEED, sizes: Partial<SampleSizes> = {}): SampleData {
  const n = { ...DEFAULT_SIZES, ...sizes };
  const ticketSheet = tickets(streamFor(seed, 1), n.tickets);
  const logs = ticketLogs(streamFor(seed, 5), ticketSheet.rows, n.logTickets ?? Math.min(n.tickets, DEFAULT_SIZES.tickets));
  return {
    seed,
    survey: survey(streamFor(seed, 0), n.survey),
    tickets: ticketSheet,
    orders: orders(streamFor(seed, 2), n.orders),
    customers: customers(streamFor(seed, 3)),
    competitors: competitors(),
    ...logs,
  };
}

/**
 * Writes the data as an .xlsx: bold frozen header rows, column widths, real date cells. Streams
 * rows, so a 200,000-ticket workbook fits in memory; the file bytes depend only on the data.
 */
export async function writeSampleWorkbook(file: string, data: SampleData): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useStyles: true,
    useSharedStrings: true,
  });
  // Read when the document properties are written at commit; fixed so the file stays the same.
  wb.created = FILE_DATE;
  wb.modified = FILE_DATE;
  wb.creator = 'service-kpi examples/generate.ts';
  wb.lastModifiedBy = 'service-kpi examples/generate.ts';
  for (const sheet of sheetsOf(data)) {
    const ws = wb.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    });
    ws.columns = sheet.columns.map((c) => ({ width: c.width }));
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    const formats = sheet.columns.map((c) => c.numFmt);
    for (const values of sheet.rows) {
      const row = ws.addRow(values);
      for (let c = 0; c < formats.length; c++) {
        const fmt = formats[c];
        if (fmt !== undefined && values[c] !== null) row.getCell(c + 1).numFmt = fmt;
      }
      row.commit();
    }
    ws.commit();
  }
  await wb.commit();
  await writeFile(file, fixZipTimes(await readFile(file)));
}

/**
 * Sets every entry's modification time in the zip to 2026-12-01 00:00, so regenerating the file
 * gives identical bytes (the zip writer stamps entries with the current time).
 */
function fixZipTimes(zip: Buffer): Buffer {
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = ((2026 - 1980) << 9) | (12 << 5) | 1;
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('writeSampleWorkbook: no zip end record');
  const entries = zip.readUInt16LE(eocd + 10);
  let p = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(p) !== 0x02014b50) throw new Error('writeSampleWorkbook: bad zip directory');
    zip.writeUInt16LE(DOS_TIME, p + 12);
    zip.writeUInt16LE(DOS_DATE, p + 14);
    const local = zip.readUInt32LE(p + 42);
    zip.writeUInt16LE(DOS_TIME, local + 10);
    zip.writeUInt16LE(DOS_DATE, local + 12);
    p += 46 + zip.readUInt16LE(p + 28) + zip.readUInt16LE(p + 30) + zip.readUInt16LE(p + 32);
  }
  return zip;
}

/** Where the committed sample lives. */
export const SAMPLE_PATH = fileURLToPath(new URL('./helpdesk.xlsx', import.meta.url));

async function main(): Promise<void> {
  const data = generateSample();
  await writeSampleWorkbook(SAMPLE_PATH, data);
  const counts = sheetsOf(data).map((s) => `${s.name} ${s.rows.length}`).join(', ');
  console.log(`wrote ${path.relative(process.cwd(), SAMPLE_PATH)}: ${counts}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
