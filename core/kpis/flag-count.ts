/**
 * FLAG_COUNT (our addition to the catalog): how many values a flag share — CONVERSION_RATE,
 * FIRST_CONTACT_RESOLUTION, REOPEN_RATE, SLA_MET_RATE — took its value over, read exactly as that
 * KPI reads its column: the n a scorecard shows beside the share, checks against its minimum and
 * takes the Wilson interval from.
 */
import type { FunctionSpec } from '../catalog/types.js';
import type { CallContext } from '../values/context.js';
import { countFlags } from '../values/flags.js';
import { readKpiArg } from '../values/read.js';
import { countVerdicts } from './sla-flags.js';

/** The flag shares by name, each with its count of the values it reads as a yes or a no. */
const FLAG_SHARES = {
  CONVERSION_RATE: (ctx: CallContext, x: unknown) => countFlags(ctx, x, 'flags'),
  FIRST_CONTACT_RESOLUTION: (ctx: CallContext, x: unknown) => countFlags(ctx, x, 'flags'),
  // Whole numbers from 0 are reopen counts.
  REOPEN_RATE: (ctx: CallContext, x: unknown) => countFlags(ctx, x, 'flags', true),
  // Verdict words (Within SLA, SLA Violated …) are a yes or a no.
  SLA_MET_RATE: (ctx: CallContext, x: unknown) => countVerdicts(ctx, x, 'flags'),
} as const;
export type FlagShareName = keyof typeof FLAG_SHARES;
const NAMES = Object.keys(FLAG_SHARES) as FlagShareName[];

function flagCount(ctx: CallContext, args: readonly unknown[]): number {
  return FLAG_SHARES[readKpiArg(ctx, args[1], NAMES, 'CONVERSION_RATE')](ctx, args[0]);
}

export const flagCountFunctions: readonly FunctionSpec[] = [
  {
    name: 'FLAG_COUNT',
    family: 'customers',
    args: [
      { name: 'flags', kind: 'range', values: 'flags', description: { en: 'The column the share reads: one yes/no flag (for REOPEN_RATE also a reopen count, for SLA_MET_RATE an SLA verdict) per row', de: 'Die Spalte, die die Quote liest: ein Ja/Nein-Kennzeichen (bei REOPEN_RATE auch eine Anzahl Wiedereröffnungen, bei SLA_MET_RATE eine SLA-Angabe) je Zeile' } },
      { name: 'kpi', kind: 'text', optional: true, default: '"CONVERSION_RATE"', description: { en: '"CONVERSION_RATE", "FIRST_CONTACT_RESOLUTION", "REOPEN_RATE" or "SLA_MET_RATE": the share whose reading is repeated', de: '"CONVERSION_RATE", "FIRST_CONTACT_RESOLUTION", "REOPEN_RATE" oder "SLA_MET_RATE": die Quote, deren Lesart gilt' } },
    ],
    result: 'scalar',
    unit: 'count',
    summary: { en: 'How many yes/no values a flag share takes its value over (its n)', de: 'Über wie viele Ja/Nein-Werte eine Quote aus Kennzeichen ihren Wert bildet (ihr n)' },
    help: {
      en: 'The number of cells of flags that the share named by kpi, called on the same column, reads as a yes or a no: its denominator, the n of its value (for the confidence interval and a minimum number of tickets). An addition of ours to the KPI catalog. Read exactly as that KPI reads it: truthy TRUE, 1, yes/ja/y/j/x, true/wahr, answered/angenommen; falsy FALSE, 0, no/nein/n, false/falsch, abandoned/abgebrochen (any case); with "REOPEN_RATE" also whole numbers from 0 (reopen counts); with "SLA_MET_RATE" also its verdict words (Within SLA, SLA met, met, achieved, in der SLA, eingehalten, erfüllt; SLA Violated, violated, breached, missed, gegen SLA verstoßen, verletzt, nicht erfüllt). Blanks are not counted (a blank is neither yes nor no), nor is unknown text in the first non-blank cell (the header); unknown text further down, other numbers and error cells are the KPI\'s error, naming the cell. Where the KPI says "no data" (no yes/no value at all) this is 0. Example: TRUE, ja, nein, blank, 0, x below the header Converted give 5; so CONVERSION_RATE over them, 3 / 5, rests on 5 outcomes. Inside KPI_BY_PERIOD and KPI_BY_GROUP the count per period or group is the n of the KPI\'s value there.',
      de: 'Die Zahl der Zellen von flags, die die mit kpi genannte Quote über dieselbe Spalte als Ja oder Nein liest: ihr Nenner, das n ihres Werts (für das Konfidenzintervall und eine Mindestzahl an Tickets). Eine Ergänzung von uns zum Kennzahlenkatalog. Gelesen genau wie von dieser Kennzahl: Ja-Werte TRUE/WAHR, 1, ja/yes/j/y/x, angenommen/answered; Nein-Werte FALSE/FALSCH, 0, nein/no/n, abgebrochen/abandoned (Groß-/Kleinschreibung egal); mit "REOPEN_RATE" auch ganze Zahlen ab 0 (Anzahl der Wiedereröffnungen); mit "SLA_MET_RATE" auch ihre Angaben (In der SLA, eingehalten, erfüllt, Within SLA, SLA met, met, achieved; Gegen SLA verstoßen, verletzt, nicht erfüllt, SLA Violated, violated, breached, missed). Leere Zellen zählen nicht (leer ist weder Ja noch Nein), ebenso wenig unbekannter Text in der ersten nicht leeren Zelle (die Überschrift); unbekannter Text weiter unten, andere Zahlen und Fehlerzellen ergeben den Fehler der Kennzahl, der die Zelle nennt. Wo die Kennzahl „keine Daten“ meldet (kein einziger Ja/Nein-Wert), ist dies 0. Beispiel: WAHR, ja, nein, leer, 0, x unter der Überschrift Abschluss ergeben 5; CONVERSION_RATE darüber, 3 / 5, beruht also auf 5 Ergebnissen. In KPI_BY_PERIOD und KPI_BY_GROUP ist die Zahl je Zeitraum oder Gruppe das n des Werts der Kennzahl dort.',
    },
    example: '=FLAG_COUNT(E2:E501, "REOPEN_RATE") → 480',
    source: 'The n of a share: the tickets (leads, contacts) it was taken over, as a scorecard shows it beside the share and takes its confidence interval from (Wilson 1927)',
    impl: flagCount,
  },
];
