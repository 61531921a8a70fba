/**
 * SLA attainment from the verdict a helpdesk exports per ticket (ServiceNow `made_sla`, Freshdesk
 * `Resolution status` Within SLA / SLA Violated, a complaints log's `Timely Response` True/False):
 * for exports that carry no timestamp pair, or whose own SLA targets (per priority, in business
 * hours) a single target in hours cannot restate.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError } from '../errors.js';
import type { CallContext } from '../values/context.js';
import { fastFlagCount, readFlags, truthyCount } from '../values/flags.js';
import type { FlagColumn, MoreFlagWords } from '../values/flags.js';
import { toGrid } from '../values/grid.js';

/** Verdict words of helpdesk exports (English and German, any case): met, and missed. */
export const SLA_MET_WORDS: readonly string[] = ['within sla', 'sla met', 'met', 'achieved', 'in der sla', 'eingehalten', 'erfüllt'];
export const SLA_MISSED_WORDS: readonly string[] = ['sla violated', 'violated', 'breached', 'missed', 'gegen sla verstoßen', 'verletzt', 'nicht erfüllt'];

const MET = new Set(SLA_MET_WORDS);
const MISSED = new Set(SLA_MISSED_WORDS);

/** True, false for a verdict word; undefined for anything else. */
export function slaVerdict(text: string): boolean | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  return MET.has(t) ? true : MISSED.has(t) ? false : undefined;
}

/** The range with verdict words read as TRUE/FALSE, so the flag rules (header, errors naming cells) apply to the rest. */
function withVerdicts(x: unknown): unknown {
  const g = toGrid(x);
  let changed = false;
  const rows = g.cells.map((row) => row.map((v) => {
    if (typeof v !== 'string') return v;
    const b = slaVerdict(v);
    if (b === undefined) return v;
    changed = true;
    return b;
  }));
  return changed ? rows : x;
}

/** SLA_MET_RATE's reader: verdict words, then the flag rules (header, errors naming cells). */
export function readVerdicts(ctx: CallContext, x: unknown, arg: string): FlagColumn {
  return readFlags(ctx, withVerdicts(x), arg);
}

/**
 * Each verdict word as exports write it — any mix of lower case, upper case and capitals per word
 * ("Within SLA", "SLA Violated", "BREACHED") — where that spelling still reads as the word.
 */
function verdictSpellings(): Set<string> {
  const out = new Set<string>();
  for (const word of [...SLA_MET_WORDS, ...SLA_MISSED_WORDS]) {
    let spellings = [''];
    for (const [k, part] of word.split(' ').entries()) {
      const forms = [part, part.toUpperCase(), part.charAt(0).toUpperCase() + part.slice(1)];
      spellings = spellings.flatMap((s) => forms.map((f) => (k === 0 ? f : `${s} ${f}`)));
    }
    for (const s of spellings) if (slaVerdict(s) === slaVerdict(word)) out.add(s);
  }
  return out;
}

/** The verdict words for the one-pass count (fastFlagCount). */
export const VERDICT_WORDS: MoreFlagWords = { exact: verdictSpellings(), reads: (t) => slaVerdict(t) !== undefined };

/**
 * How many cells SLA_MET_RATE takes as a verdict (its denominator, FLAG_COUNT's n of it), with its
 * errors: columns as hosts pass them in one pass without a value per cell, anything else through
 * its own reader.
 */
export function countVerdicts(ctx: CallContext, x: unknown, arg: string): number {
  const fast = fastFlagCount(x, false, VERDICT_WORDS);
  return fast >= 0 ? fast : readVerdicts(ctx, x, arg).count;
}

function slaMetRate(ctx: CallContext, args: readonly unknown[]): number {
  const col = readVerdicts(ctx, args[0], 'flags');
  if (col.count === 0) throw noDataError(ctx.fn, 'no data (flags holds no SLA verdict)');
  return truthyCount(col) / col.count;
}

export const slaFlagFunctions: readonly FunctionSpec[] = [
  {
    name: 'SLA_MET_RATE',
    family: 'tickets',
    args: [
      { name: 'flags', kind: 'range', values: 'flags', description: { en: 'Per ticket: did it meet its SLA (TRUE/FALSE, yes/no, Within SLA / SLA Violated)', de: 'Je Ticket: wurde das SLA eingehalten (WAHR/FALSCH, ja/nein, In der SLA / Gegen SLA verstoßen)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Share of tickets that met their SLA, from the per-ticket verdict an export carries', de: 'Anteil der Tickets, die ihr SLA eingehalten haben, aus der Angabe je Ticket im Export' },
    help: {
      en: 'Tickets marked as within their SLA / tickets with a verdict, for exports that say per ticket whether the SLA was met (ServiceNow made_sla, Freshdesk Resolution status, a "Timely response" column) instead of, or besides, the timestamps SLA_ATTAINMENT needs; the helpdesk\'s own targets (per priority, in business hours) are then what counts. Met: TRUE, 1, yes/ja, Within SLA, SLA met, met, achieved (in der SLA, eingehalten, erfüllt); missed: FALSE, 0, no/nein, SLA Violated, violated, breached, missed (gegen SLA verstoßen, verletzt, nicht erfüllt); any case. Blanks (no verdict yet) are skipped. Unknown text in the first non-blank cell is taken as the header and skipped; unknown text further down is an error naming the cell. With no verdict at all the result is "no data" (#N/A).',
      de: 'Als im SLA markierte Tickets / Tickets mit einer Angabe, für Exporte, die je Ticket sagen, ob das SLA eingehalten wurde (ServiceNow made_sla, Freshdesk Lösungsstatus, eine Spalte „fristgerecht“), statt oder neben den Zeitstempeln, die SLA_ATTAINMENT braucht; es zählen dann die Ziele des Helpdesks selbst (je Priorität, in Geschäftszeiten). Eingehalten: WAHR, 1, ja/yes, In der SLA, eingehalten, erfüllt (Within SLA, SLA met, met, achieved); verfehlt: FALSCH, 0, nein/no, Gegen SLA verstoßen, verletzt, nicht erfüllt (SLA Violated, violated, breached, missed); Groß-/Kleinschreibung egal. Leere Zellen (noch keine Angabe) werden übersprungen. Unbekannter Text in der ersten nicht leeren Zelle gilt als Überschrift und wird übersprungen; unbekannter Text weiter unten ist ein Fehler, der die Zelle nennt. Ohne eine einzige Angabe lautet das Ergebnis „keine Daten“ (#NV).',
    },
    example: '=SLA_MET_RATE(O2:O101) → 0.37',
    source: 'SLA attainment = tickets meeting their SLA / tickets measured (ServiceNow made_sla, Freshdesk SLA status)',
    impl: slaMetRate,
  },
];
