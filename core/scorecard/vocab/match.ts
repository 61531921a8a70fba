/**
 * Matching headers against the known export layouts: a header compared as the tool writes it
 * (case, spacing and an Explore aggregator such as `MED(…)` aside; `<…>` parts match any text),
 * the layout a sheet's header row belongs to, and the unit a duration column's numbers are in.
 */
import type { InputUnit } from '../../values/duration-values.js';
import type { Role } from '../roles.js';
import { EXPORT_LAYOUTS } from './index.js';
import type { ExportLayout, KnownColumn } from './types.js';

/** Header text as compared: lower case, single spaces, no Explore aggregator around it. */
export function exactHeader(text: string): string {
  let t = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  const agg = /^(?:med|avg|sum|count|d_count|min|max|stdev|var)\((.*)\)$/.exec(t);
  if (agg) t = agg[1].trim();
  return t;
}

interface Pattern {
  readonly test: (h: string) => boolean;
}

function pattern(text: string): Pattern {
  const t = exactHeader(text);
  if (!t.includes('<')) return { test: (h) => h === t };
  const re = new RegExp(`^${t.split(/<[^>]*>/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`);
  return { test: (h) => re.test(h) };
}

interface CompiledColumn {
  readonly text: string;
  readonly match: Pattern;
  readonly column: KnownColumn;
  /** 0 for the first text listed for its role(s), then 1, 2 …: earlier texts win. */
  readonly rank: number;
}

interface CompiledLayout {
  readonly layout: ExportLayout;
  readonly signature: readonly Pattern[];
  readonly columns: readonly CompiledColumn[];
}

function known(c: ExportLayout['columns'][string]): KnownColumn {
  if (typeof c === 'string') return { roles: [c as Role] };
  if (Array.isArray(c)) return { roles: c as readonly Role[] };
  return c as KnownColumn;
}

const COMPILED: readonly CompiledLayout[] = EXPORT_LAYOUTS.map((layout) => {
  const seen = new Map<string, number>();
  const columns = Object.entries(layout.columns).map(([text, c]) => {
    const column = known(c);
    const key = column.roles.join('+');
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    return { text, match: pattern(text), column, rank };
  });
  return { layout, signature: layout.signature.map(pattern), columns };
});

/** A header of a layout's table: its roles, unit, and the text as the layout lists it. */
export interface LayoutColumn extends KnownColumn {
  readonly layout: ExportLayout;
  readonly text: string;
  readonly rank: number;
}

/** A layout recognised on a sheet, with the signature headers found. */
export interface RecognisedLayout {
  readonly layout: ExportLayout;
  readonly found: number;
}

const isQuestion = (h: string): boolean => /\?\s*(?:\(.*\))?$/.test(h.trim()) || h.trim().split(/\s+/).length >= 7;

/** The layout a header row belongs to (most signature headers found, at least its minimum), or undefined. */
export function recogniseLayout(headers: readonly string[]): RecognisedLayout | undefined {
  const exact = headers.map(exactHeader);
  const questions = headers.some(isQuestion);
  let best: RecognisedLayout | undefined;
  for (const c of COMPILED) {
    const { layout } = c;
    if (layout.questions && !questions) continue;
    if (layout.firstColumn && !c.signature.some((p) => p.test(exact[0] ?? ''))) continue;
    let found = 0;
    for (const p of c.signature) if (exact.some((h) => p.test(h))) found++;
    const min = layout.min ?? Math.min(3, layout.signature.length);
    if (found >= min && (!best || found > best.found)) best = { layout, found };
  }
  return best;
}

/** What a layout says about a header, or undefined. */
export function layoutColumn(layout: ExportLayout, header: string): LayoutColumn | undefined {
  const c = COMPILED.find((x) => x.layout === layout);
  const h = exactHeader(header);
  const hit = c?.columns.find((x) => x.match.test(h));
  return hit ? { ...hit.column, layout, text: hit.text, rank: hit.rank } : undefined;
}

/** Every layout that lists this exact header (a known export header on a sheet no layout was recognised on). */
export function knownHeader(header: string): LayoutColumn[] {
  const h = exactHeader(header);
  const out: LayoutColumn[] = [];
  if (h === '') return out;
  for (const c of COMPILED) {
    const hit = c.columns.find((x) => x.match.test(h));
    if (hit) out.push({ ...hit.column, layout: c.layout, text: hit.text, rank: hit.rank });
  }
  return out;
}

/** `(hh:mm:ss)`, `(hh:mm)`, `[h]:mm:ss` in a header (as exactHeader writes it). */
const CLOCK_LAYOUT = /\(\s*\[?h{1,2}\]?:mm(?::ss)?\s*\)|\[h\]:mm/;

const UNIT_WORDS: readonly [RegExp, InputUnit][] = [
  [/\b(?:seconds?|secs?|sek(?:unden)?)\b|\(s\)/, 'seconds'],
  [/\b(?:minutes?|mins?|minuten)\b/, 'minutes'],
  [/\b(?:hours?|hrs?|std|stunden|h)\b/, 'hours'],
  [/\b(?:days?|tage?)\b/, 'days'],
];

/**
 * The unit of a duration column's numbers: what a known layout says of the header, else a unit
 * word in it (`… in minutes`, `(sec)`, `(in Std.)`); undefined when nothing says it.
 */
export function durationUnitOfHeader(header: string): InputUnit | undefined {
  for (const k of knownHeader(header)) if (k.unit) return k.unit;
  // A header showing a clock layout (HubSpot's `Time to close (HH:mm:ss)`): its numbers are time
  // values, fractions of a day, also past one day (2.5 is 60:00:00) — never seconds.
  if (CLOCK_LAYOUT.test(exactHeader(header))) return 'time';
  const t = exactHeader(header).replace(/\(hh:mm(?::ss)?\)/g, ' ');
  for (const [re, unit] of UNIT_WORDS) if (re.test(t)) return unit;
  return undefined;
}
