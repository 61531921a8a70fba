/**
 * The day/month order of numeric date text (`05/02/2012`), decided once per call over every date
 * cell of every date argument (catalog v3): a first part of 13–31 in a `d/m/y` or `d-m-y` cell is
 * evidence for day-first, a second part of 13–31 for month-first. Evidence both ways is an error
 * naming a cell of each; no evidence takes the caller's preferred order (the scorecard, the command
 * line) or is an error quoting a cell, its row and both readings. Only calls that hold such text
 * ever get here: numbers and Dates never pay for it.
 */
import { valueError } from '../errors.js';
import type { CellPlace } from '../errors.js';
import type { CallContext, Source } from './context.js';
import { bothReadings, orderEvidence, scanDateText } from './date-text.js';
import type { DateOrder, DateParts } from './date-text.js';
import { cellAt, describeValue, plainValue, placeOf, sameGrid, toGrid } from './grid.js';
import type { Grid } from './grid.js';

interface Found {
  readonly where: CellPlace;
  readonly text: string;
  readonly parts: DateParts;
}

/**
 * A quick look at the first two parts of `d/m/y`-shaped text: 1 day-first evidence, 2 month-first,
 * 3 neither (both ≤ 12), 0 not that shape. Confirmed by scanDateText before it is used.
 */
function quickEvidence(t: string): number {
  let i = 0;
  const n = t.length;
  while (i < n && t.charCodeAt(i) === 32) i++;
  const a0 = i;
  let a = 0, b = 0;
  while (i < n && i - a0 < 3 && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) a = a * 10 + t.charCodeAt(i++) - 48;
  if (i === a0 || i - a0 > 2 || i >= n) return 0;
  const sep = t.charCodeAt(i++);
  if (sep !== 47 && sep !== 45) return 0;
  const b0 = i;
  while (i < n && i - b0 < 3 && t.charCodeAt(i) >= 48 && t.charCodeAt(i) <= 57) b = b * 10 + t.charCodeAt(i++) - 48;
  if (i === b0 || i - b0 > 2 || i >= n || t.charCodeAt(i) !== sep) return 0;
  return a > 12 ? 1 : b > 12 ? 2 : 3;
}

function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'object' && v !== null) {
    const p = plainValue(v);
    if (typeof p === 'string') return p;
  }
  return undefined;
}

function quote(f: Found): string {
  return `${describeValue(f.text.trim())} at ${f.where.text}`;
}

/** The call's day/month order (decided on first need, then kept); `g`/`arg` is the range being read. */
export function dayMonthOrder(ctx: CallContext, g: Grid, arg: string | undefined): DateOrder {
  const scope = ctx.scope;
  // A read that needs the order is this call's (a kept column must read the same in every call).
  if (scope.reads) scope.orderAsked = (scope.orderAsked ?? 0) + 1;
  if (scope.order) return scope.order;
  let dayFirst: Found | undefined, monthFirst: Found | undefined, open: Found | undefined;
  const look = (grid: Grid, name: string | undefined): boolean => {
    const n = grid.rows * grid.cols;
    for (let i = 0; i < n; i++) {
      const t = textOf(cellAt(grid, i));
      if (t === undefined) continue;
      const e = quickEvidence(t);
      if (e === 0 || (e === 1 && dayFirst) || (e === 2 && monthFirst) || (e === 3 && open)) continue;
      const p = scanDateText(t.trim());
      if (p === undefined || 'problem' in p || !p.orderDependent) continue;
      const found: Found = { where: placeOf(grid, i, name), text: t, parts: p };
      const ev = orderEvidence(p);
      if (ev === 1) dayFirst = found;
      else if (ev === 2) monthFirst = found;
      else open = found;
      if (dayFirst && monthFirst) return true;
    }
    return false;
  };
  let seenCurrent = false;
  for (const s of scope.dateSources as readonly Source[]) {
    const grid = toGrid(s.value);
    if (sameGrid(grid, g)) seenCurrent = true;
    if (look(grid, s.name)) break;
  }
  if (!seenCurrent && !(dayFirst && monthFirst)) look(g, arg);
  if (dayFirst && monthFirst) {
    throw valueError(ctx.fn, `${quote(dayFirst)} reads day first but ${quote(monthFirst)} month first; the dates of one call must be written one way (or as ISO dates such as 2026-01-13)`, [dayFirst.where, monthFirst.where]);
  }
  let order: DateOrder | undefined = dayFirst ? 'dmy' : monthFirst ? 'mdy' : scope.preferredOrder;
  if (order === undefined) {
    if (!open) order = 'dmy'; // nothing order-dependent was found after all: the choice is moot
    else {
      throw valueError(ctx.fn, `${quote(open)} could be ${bothReadings(open.parts)}; nothing in the call decides the day/month order (no date with a day above 12): write ISO dates (${isoOf(open.parts)}) or real date cells`, [open.where]);
    }
  }
  scope.order = order;
  return order;
}

function isoOf(p: DateParts): string {
  const two = (n: number): string => (n < 10 ? '0' : '') + n;
  return `${p.y}-${two(p.b)}-${two(p.a)}`;
}
