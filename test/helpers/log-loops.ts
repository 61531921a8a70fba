/**
 * Status- and message-log KPIs computed the plain way, for tests that check the product against
 * them: each ticket's rows sorted by time (equal times in sheet order), then loops over them. The
 * rules are the catalog's (kpi-catalog.md, "Status and message logs"), written out again here.
 */

export interface Change { readonly id: string; readonly ms: number; readonly status: string; readonly index: number }
export interface Message { readonly id: string; readonly ms: number; readonly author: 'customer' | 'agent' | 'note'; readonly index: number }

export const HOUR = 3_600_000;
export const month = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/** Each ticket's rows by time, equal times in sheet order. */
export function tickets<T extends { id: string; ms: number; index: number }>(rows: readonly T[]): T[][] {
  const by = new Map<string, T[]>();
  for (const c of rows) {
    if (!by.has(c.id)) by.set(c.id, []);
    by.get(c.id)!.push(c);
  }
  return [...by.values()].map((list) => [...list].sort((a, b) => a.ms - b.ms || a.index - b.index));
}

/** The month of a ticket's first row. */
export const startMonth = (list: readonly { ms: number }[]): string => month(list[0].ms);

/** The month of a ticket's date in a ticket table (ms by id), or of its first row where the table has none. */
export const tableMonth = (dates: ReadonlyMap<string, number>) => (list: readonly { id: string; ms: number }[]): string => month(dates.get(list[0].id) ?? list[0].ms);

/** The mean per month (the month of each ticket's first row) of a per-ticket figure (undefined: not counted). */
export function byStartMonth<T extends { id: string; ms: number; index: number }>(rows: readonly T[], f: (list: T[]) => number | readonly number[] | undefined): Map<string, number> {
  return byTicketMonth(rows, f, startMonth);
}

/** The mean per month of a per-ticket figure, each ticket in the month `monthOf` gives it. */
export function byTicketMonth<T extends { id: string; ms: number; index: number }>(rows: readonly T[], f: (list: T[]) => number | readonly number[] | undefined, monthOf: (list: T[]) => string): Map<string, number> {
  const sums = new Map<string, { s: number; n: number }>();
  for (const list of tickets(rows)) {
    const x = f(list);
    if (x === undefined) continue;
    const m = monthOf(list);
    const e = sums.get(m) ?? { s: 0, n: 0 };
    for (const v of typeof x === 'number' ? [x] : x) {
      e.s += v;
      e.n++;
    }
    if (e.n > 0) sums.set(m, e);
  }
  return new Map([...sums].map(([m, e]) => [m, e.s / e.n]));
}

/** Tickets per month (`monthOf`) for which `f` gives a value: a log KPI's n; every ticket's month is listed, with 0 where none counts. */
export function ticketsByMonth<T extends { id: string; ms: number; index: number }>(rows: readonly T[], f: (list: T[]) => number | readonly number[] | undefined, monthOf: (list: T[]) => string): Map<string, number> {
  const out = new Map<string, number>();
  for (const list of tickets(rows)) {
    const m = monthOf(list), x = f(list);
    out.set(m, (out.get(m) ?? 0) + (x === undefined || (typeof x !== 'number' && x.length === 0) ? 0 : 1));
  }
  return out;
}

const lower = (xs: readonly string[]): string[] => xs.map((x) => x.toLowerCase());

/** Hours from the first row to the last entry into a resolved status (from a non-resolved one), less pauses before it. */
export function resolution(resolved: readonly string[], pause: readonly string[] = []): (list: Change[]) => number | undefined {
  const r = lower(resolved), p = lower(pause);
  return (list) => {
    if (!r.includes(list[list.length - 1].status.toLowerCase())) return undefined;
    let at = -1;
    list.forEach((c, i) => { if (r.includes(c.status.toLowerCase()) && (i === 0 || !r.includes(list[i - 1].status.toLowerCase()))) at = i; });
    let ms = 0;
    for (let i = 0; i < at; i++) if (!p.includes(list[i].status.toLowerCase())) ms += list[i + 1].ms - list[i].ms;
    return ms / HOUR;
  };
}

/** Hours in the counted statuses, for tickets whose last row is in none of them and that spent time there. */
export function timeIn(counted: readonly string[]): (list: Change[]) => number | undefined {
  const c = lower(counted);
  return (list) => {
    if (c.includes(list[list.length - 1].status.toLowerCase())) return undefined;
    let ms = 0, any = false;
    for (let i = 0; i + 1 < list.length; i++) {
      if (!c.includes(list[i].status.toLowerCase())) continue;
      const d = list[i + 1].ms - list[i].ms;
      if (d > 0) any = true;
      ms += d;
    }
    return any ? ms / HOUR : undefined;
  };
}

/** 1 when resolved within `hours` on the paused clock, 0 when not; undefined when not resolved. */
export function withinSla(hours: number, resolved: readonly string[], pause: readonly string[]): (list: Change[]) => number | undefined {
  const clock = resolution(resolved, pause);
  return (list) => {
    const h = clock(list);
    return h === undefined ? undefined : h * HOUR <= Math.round(hours * HOUR) ? 1 : 0;
  };
}

/** Next reply times in hours: after the first reply, each agent message that follows customer messages, from the first of them. */
export function nextReplies(list: Message[]): number[] {
  const messages = list.filter((m) => m.author !== 'note');
  const agents = messages.map((m, i) => (m.author === 'agent' ? i : -1)).filter((i) => i >= 0);
  const first = messages[0]?.author === 'agent' ? agents[1] : agents[0];
  if (first === undefined) return [];
  const out: number[] = [];
  let since: number | undefined;
  for (const m of messages.slice(first + 1)) {
    if (m.author === 'customer') since ??= m.ms;
    else if (since !== undefined) {
      out.push((m.ms - since) / HOUR);
      since = undefined;
    }
  }
  return out;
}
