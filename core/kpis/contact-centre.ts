/**
 * Contact centre and workforce: Erlang C staffing and its what-if service level, and the ratio of
 * sums and weighted average for exports with one row per day or interval. The per-call KPIs are in
 * calls.ts.
 */
import type { FunctionSpec } from '../catalog/types.js';
import { noDataError, valueError } from '../errors.js';
import type { CallContext, Table } from '../values/context.js';
import { MS_PER_DAY } from '../values/clock.js';
import { readDurations, readInputUnit } from '../values/duration-values.js';
import { parseDurationText } from '../values/duration-text.js';
import { cellAt, describeValue, placeOf } from '../values/grid.js';
import { cellError, isOmitted, plainScalar, readNumberArg, readNumbers, readWordArg, requireSameSize, sumOf } from '../values/read.js';
import { UNIT_PER_DAY, UNIT_WORDS } from '../values/words.js';
import { DURATION_VALUE_RULES } from './duration-columns.js';
import { erlangC, MAX_AGENTS, requiredAgents } from './erlang.js';

// ---------------------------------------------------------------- Erlang C inputs

type Check = (x: number) => boolean;

/** A single number that must pass `ok`, else a #VALUE! error naming the argument and `rule`. */
function readChecked(ctx: CallContext, x: unknown, arg: string, ok: Check, rule: string, fallback?: number): number {
  const v = readNumberArg(ctx, x, arg, fallback);
  if (!ok(v)) {
    const shown = describeValue(plainScalar(x) ?? v);
    const percent = rule.includes('between 0 and 1') && v > 1 && v <= 100 ? ` (write ${v / 100} for ${v} %)` : '';
    throw valueError(ctx.fn, `${arg} ${shown} must be ${rule}${percent}`);
  }
  return v;
}

const positive: Check = (x) => x > 0;
const notNegative: Check = (x) => x >= 0;

interface Traffic {
  /** Erlangs: contacts × aht ÷ interval. */
  readonly erlangs: number;
  readonly aht: number;
  readonly target: number;
}

/** contacts, interval_minutes, aht_seconds and target_seconds at positions i … i+3 (ERLANG_C's order). */
function readTraffic(ctx: CallContext, contactsArg: unknown, intervalArg: unknown, ahtArg: unknown, targetArg: unknown): Traffic {
  const contacts = readChecked(ctx, contactsArg, 'contacts', notNegative, '0 or more');
  const interval = readChecked(ctx, intervalArg, 'interval_minutes', positive, 'greater than 0');
  const aht = readChecked(ctx, ahtArg, 'aht_seconds', positive, 'greater than 0');
  const target = readChecked(ctx, targetArg, 'target_seconds', notNegative, '0 or more');
  const erlangs = (contacts * aht) / (interval * 60);
  if (!(erlangs <= MAX_AGENTS / 2)) {
    throw valueError(ctx.fn, `the traffic of ${contacts} contacts × ${aht} s in ${interval} minutes is ${erlangs.toPrecision(4)} Erlangs, more than this computes (${MAX_AGENTS / 2})`);
  }
  return { erlangs, aht, target };
}

function erlangTable(ctx: CallContext, args: readonly unknown[]): Table {
  const { erlangs, aht, target } = readTraffic(ctx, args[0], args[1], args[2], args[4]);
  const level = readChecked(ctx, args[3], 'target_level', (x) => x > 0 && x < 1, 'between 0 and 1 (exclusive)');
  const shrinkage = readChecked(ctx, args[5], 'shrinkage', (x) => x >= 0 && x < 1, 'between 0 and 1 (0 included, 1 not)', 0);
  const maxOccupancy = readChecked(ctx, args[6], 'max_occupancy', (x) => x > 0 && x <= 1, 'between 0 and 1 (0 not included, 1 included)', 1);
  const header = ['Agents', 'Staff', 'Service level', 'ASA (s)', 'Occupancy', 'Wait probability'];
  if (erlangs === 0) return [header, [0, 0, 1, 0, 0, 0]];
  const r = requiredAgents(erlangs, aht, target, level, maxOccupancy);
  if (!r) throw valueError(ctx.fn, `more than ${MAX_AGENTS} agents would be needed; check max_occupancy ${maxOccupancy} and the traffic of ${erlangs.toPrecision(4)} Erlangs`);
  const staff = Math.ceil(r.agents / (1 - shrinkage) - 1e-9);
  return [header, [r.agents, staff, r.serviceLevel, r.asa, r.occupancy, r.waitProbability]];
}

function erlangServiceLevel(ctx: CallContext, args: readonly unknown[]): number {
  const agents = readChecked(ctx, args[0], 'agents', (x) => x >= 0 && Number.isInteger(x), 'a whole number, 0 or more');
  if (agents > MAX_AGENTS) throw valueError(ctx.fn, `agents ${agents} is more than this computes (${MAX_AGENTS})`);
  const { erlangs, aht, target } = readTraffic(ctx, args[1], args[2], args[3], args[4]);
  return erlangC(agents, erlangs, aht, target).serviceLevel;
}

// ---------------------------------------------------------------- ratio of sums

function ratioOfSums(ctx: CallContext, args: readonly unknown[]): number {
  const num = readNumbers(ctx, args[0], 'numerators');
  const den = readNumbers(ctx, args[1], 'denominators');
  requireSameSize(ctx, num, 'numerators', den, 'denominators');
  if (den.count === 0) throw noDataError(ctx.fn, 'no data (no numbers in denominators)');
  const d = sumOf(den);
  if (d === 0) throw noDataError(ctx.fn, 'no data (the denominators add up to 0)');
  return sumOf(num) / d;
}

// ---------------------------------------------------------------- weighted average

/**
 * Σ value·weight ÷ Σ weight over rows with both. With input_unit the values are durations (read
 * as AVG_DURATION reads them) and the result is in unit (seconds by default); without it they are
 * plain numbers, and duration text among them is an error (it needs input_unit to be read).
 */
function weightedAverage(ctx: CallContext, args: readonly unknown[]): number {
  const inputUnit = readInputUnit(ctx, args[2]);
  if (inputUnit === undefined && !isOmitted(args[3])) {
    throw valueError(ctx.fn, 'unit needs input_unit: give the unit of the values (e.g. "seconds", or "time" for 0:02:14 cells) to average them as durations');
  }
  let values: Float64Array, grid;
  let msPerUnit = 1;
  if (inputUnit !== undefined) {
    const d = readDurations(ctx, args[0], 'values', inputUnit);
    values = d.ms;
    grid = d.grid;
    msPerUnit = MS_PER_DAY / UNIT_PER_DAY[readWordArg(ctx, args[3], 'unit', UNIT_WORDS, 'seconds')];
  } else {
    const col = readNumbers(ctx, args[0], 'values');
    values = col.values;
    grid = col.grid;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === values[i]) continue;
      const v = cellAt(grid, i);
      if (typeof v === 'string' && typeof parseDurationText(v.trim()) === 'number') {
        const at = placeOf(grid, i, 'values');
        throw valueError(ctx.fn, `${describeValue(v)} at ${at.text} is a duration; pass input_unit (e.g. "seconds") to average durations`, [at]);
      }
    }
  }
  const weights = readNumbers(ctx, args[1], 'weights');
  requireSameSize(ctx, grid, 'values', weights, 'weights');
  const w = weights.values;
  let sum = 0, total = 0;
  for (let i = 0; i < w.length; i++) {
    const x = values[i], k = w[i];
    if (k < 0) cellError(ctx, weights.grid, i, 'is negative; a weight is a count or a share', 'weights');
    if (x !== x || k !== k) continue;
    sum += x * k;
    total += k;
  }
  if (total === 0) throw noDataError(ctx.fn, 'no data (no row with a value and a weight above 0)');
  return sum / total / msPerUnit;
}

// ---------------------------------------------------------------- catalog entries

const ERLANG_RULES = {
  en: 'Traffic A = contacts × aht_seconds ÷ (interval_minutes × 60) Erlangs. With N agents the wait probability P is Erlang C(N, A), computed through the Erlang B recursion (accurate to tens of thousands of Erlangs); service level = 1 − P·e^(−(N − A)·target_seconds/aht_seconds), ASA = P·aht_seconds/(N − A), occupancy A/N. The model assumes random (Poisson) arrivals, exponential handle times and callers who never hang up, so with abandonment it tends to overstate the agents needed. contacts and target_seconds must be 0 or more, interval_minutes and aht_seconds greater than 0; anything else is #VALUE! naming the input.',
  de: 'Verkehrslast A = contacts × aht_seconds ÷ (interval_minutes × 60) Erlang. Mit N Agenten ist die Wartewahrscheinlichkeit P = Erlang C(N, A), berechnet über die Erlang-B-Rekursion (genau bis zu zehntausenden Erlang); Servicelevel = 1 − P·e^(−(N − A)·target_seconds/aht_seconds), ASA = P·aht_seconds/(N − A), Auslastung A/N. Das Modell nimmt zufällige (Poisson-)Ankünfte, exponentielle Bearbeitungszeiten und Anrufer an, die nie auflegen; mit Abbrüchen überschätzt es den Bedarf an Agenten eher. contacts und target_seconds müssen 0 oder mehr sein, interval_minutes und aht_seconds größer als 0; alles andere ist #WERT! mit Angabe der Eingabe.',
};

const CONTACTS = { name: 'contacts', kind: 'number', description: { en: 'Contacts (calls, chats) expected in the interval', de: 'Erwartete Kontakte (Anrufe, Chats) im Intervall' } } as const;
const INTERVAL = { name: 'interval_minutes', kind: 'number', description: { en: 'Length of the interval in minutes (e.g. 30)', de: 'Länge des Intervalls in Minuten (z. B. 30)' } } as const;
const AHT_SECONDS = { name: 'aht_seconds', kind: 'number', description: { en: 'Average handle time in seconds', de: 'Durchschnittliche Bearbeitungszeit in Sekunden' } } as const;
const TARGET_SECONDS = { name: 'target_seconds', kind: 'number', description: { en: 'Answer within this many seconds (the service-level threshold, e.g. 20)', de: 'Annahme innerhalb so vieler Sekunden (die Servicelevel-Schwelle, z. B. 20)' } } as const;

export const contactCentreFunctions: readonly FunctionSpec[] = [
  {
    name: 'ERLANG_C',
    family: 'contact',
    args: [
      CONTACTS, INTERVAL, AHT_SECONDS,
      { name: 'target_level', kind: 'number', description: { en: 'The service level to reach, between 0 and 1 (0.8 for 80 %)', de: 'Der zu erreichende Servicelevel zwischen 0 und 1 (0,8 für 80 %)' } },
      TARGET_SECONDS,
      { name: 'shrinkage', kind: 'number', optional: true, default: '0', description: { en: 'Share of paid time agents are not available (breaks, training), from 0 up to but not 1', de: 'Anteil der bezahlten Zeit, in der Agenten nicht verfügbar sind (Pausen, Schulung), von 0 bis unter 1' } },
      { name: 'max_occupancy', kind: 'number', optional: true, default: '1', description: { en: 'Highest acceptable occupancy, above 0 up to 1 (e.g. 0.85)', de: 'Höchste vertretbare Auslastung, über 0 bis 1 (z. B. 0,85)' } },
    ],
    result: 'table',
    unit: 'table',
    summary: { en: 'Agents needed for a service level (Erlang C): agents, staff, service level, ASA, occupancy, wait probability', de: 'Benötigte Agenten für einen Servicelevel (Erlang C): Agenten, Personal, Servicelevel, ASA, Auslastung, Wartewahrscheinlichkeit' },
    help: {
      en: `A table with the header Agents, Staff, Service level, ASA (s), Occupancy, Wait probability and one row: the fewest agents whose Erlang C service level reaches target_level and whose occupancy is at most max_occupancy, with that staffing's figures. Staff = ⌈Agents ÷ (1 − shrinkage)⌉: the people to schedule so that Agents are available. ${ERLANG_RULES.en} target_level must lie strictly between 0 and 1, shrinkage from 0 up to but not 1, max_occupancy above 0 up to 1. contacts = 0 gives the row 0, 0, 1, 0, 0, 0.`,
      de: `Eine Tabelle mit der Kopfzeile Agents, Staff, Service level, ASA (s), Occupancy, Wait probability und einer Zeile: die wenigsten Agenten, deren Erlang-C-Servicelevel target_level erreicht und deren Auslastung höchstens max_occupancy beträgt, mit den Kennzahlen dieser Besetzung. Staff = ⌈Agents ÷ (1 − shrinkage)⌉: die einzuplanenden Personen, damit Agents verfügbar sind. ${ERLANG_RULES.de} target_level muss echt zwischen 0 und 1 liegen, shrinkage von 0 bis unter 1, max_occupancy über 0 bis 1. contacts = 0 ergibt die Zeile 0, 0, 1, 0, 0, 0.`,
    },
    example: '=ERLANG_C(100, 30, 180, 0.8, 20, 0.3) → 14 | 20 | 0.888 | 7.84 | 0.714 | 0.174',
    source: 'Erlang C (A. K. Erlang 1917) via the Erlang B recursion; figures as in pyworkforce ErlangC.required_positions',
    impl: erlangTable,
  },
  {
    name: 'ERLANG_C_SERVICE_LEVEL',
    family: 'contact',
    args: [
      { name: 'agents', kind: 'number', description: { en: 'Agents available (a whole number)', de: 'Verfügbare Agenten (ganze Zahl)' } },
      CONTACTS, INTERVAL, AHT_SECONDS, TARGET_SECONDS,
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Erlang C service level of a number of agents (for what-if tables)', de: 'Erlang-C-Servicelevel einer Anzahl Agenten (für Was-wäre-wenn-Tabellen)' },
    help: {
      en: `The share of contacts answered within target_seconds when agents agents take the traffic, by Erlang C. Agents at or below the traffic (the queue would grow without end) give 0; contacts = 0 gives 1. agents must be a whole number, 0 or more. ${ERLANG_RULES.en}`,
      de: `Der Anteil der Kontakte, die innerhalb von target_seconds angenommen werden, wenn agents Agenten die Last tragen, nach Erlang C. Agenten höchstens in Höhe der Verkehrslast (die Warteschlange wüchse ohne Ende) ergeben 0; contacts = 0 ergibt 1. agents muss eine ganze Zahl sein, 0 oder mehr. ${ERLANG_RULES.de}`,
    },
    example: '=ERLANG_C_SERVICE_LEVEL(14, 100, 30, 180, 20) → 0.888',
    source: 'Erlang C service level 1 − C(N, A)·e^(−(N − A)·t/AHT)',
    impl: erlangServiceLevel,
  },
  {
    name: 'RATIO_OF_SUMS',
    family: 'contact',
    args: [
      { name: 'numerators', kind: 'range', description: { en: 'Per day or interval: the part (abandoned, answered, answered in time …)', de: 'Je Tag oder Intervall: der Teil (abgebrochen, angenommen, rechtzeitig angenommen …)' } },
      { name: 'denominators', kind: 'range', description: { en: 'Per day or interval: the whole (offered calls …)', de: 'Je Tag oder Intervall: das Ganze (angebotene Anrufe …)' } },
    ],
    result: 'scalar',
    unit: 'share',
    summary: { en: 'Sum ÷ sum: a rate from per-day or per-interval counts (abandon rate, answer rate)', de: 'Summe ÷ Summe: eine Quote aus Zählungen je Tag oder Intervall (Abbruchquote, Annahmequote)' },
    help: {
      en: 'The sum of numerators divided by the sum of denominators, like SUM(…)/SUM(…): for exports with one row per day or interval, abandon rate = RATIO_OF_SUMS(abandoned, offered), answer rate = RATIO_OF_SUMS(answered, offered). This is the right way to combine days: the average of daily rates would weigh a quiet Sunday like a busy Monday. Both ranges must have the same size; blanks and text (a header row) are skipped, error cells are errors naming their position. No number in denominators, or denominators adding up to 0: "no data".',
      de: 'Die Summe der Zähler geteilt durch die Summe der Nenner, wie SUMME(…)/SUMME(…): für Exporte mit einer Zeile je Tag oder Intervall ist die Abbruchquote = RATIO_OF_SUMS(abgebrochen; angeboten), die Annahmequote = RATIO_OF_SUMS(angenommen; angeboten). So werden Tage richtig zusammengefasst: Der Mittelwert der Tagesquoten gewichtete einen ruhigen Sonntag wie einen vollen Montag. Beide Bereiche müssen gleich groß sein; leere Zellen und Text (eine Kopfzeile) werden übersprungen, Fehlerzellen sind Fehler mit Angabe ihrer Position. Keine Zahl in den Nennern oder Nenner mit der Summe 0: „keine Daten“.',
    },
    example: '=RATIO_OF_SUMS(D2:D32, B2:B32) → 0.057',
    source: 'Ratio of totals (COPC and ICMI: abandon and answer rates over a period are computed from its totals)',
    impl: ratioOfSums,
  },
  {
    name: 'WEIGHTED_AVERAGE',
    family: 'contact',
    args: [
      { name: 'values', kind: 'range', description: { en: 'Per day or interval: an average or a share (ASA, AHT, service level)', de: 'Je Tag oder Intervall: ein Mittelwert oder Anteil (ASA, AHT, Servicelevel)' } },
      { name: 'weights', kind: 'range', description: { en: 'Per day or interval: what it averages over (answered or offered calls)', de: 'Je Tag oder Intervall: worüber gemittelt wurde (angenommene oder angebotene Anrufe)' } },
      { name: 'input_unit', kind: 'text', optional: true, description: { en: 'Give it when the values are durations: "seconds", "minutes", "hours" or "time" (0:02:14 cells)', de: 'Angeben, wenn die Werte Dauern sind: "Sekunden", "Minuten", "Stunden" oder "Zeit" (Zellen wie 0:02:14)' } },
      { name: 'unit', kind: 'text', optional: true, default: '"seconds"', description: { en: 'Unit of a duration result (with input_unit): "seconds", "minutes" or "hours"', de: 'Einheit eines Dauer-Ergebnisses (mit input_unit): "Sekunden", "Minuten" oder "Stunden"' } },
    ],
    result: 'scalar',
    unit: 'number',
    summary: { en: 'Weighted average: combines daily averages or shares by their call counts', de: 'Gewichteter Mittelwert: fasst Tagesmittelwerte oder -anteile nach ihren Anrufzahlen zusammen' },
    help: {
      en: `Σ value·weight ÷ Σ weight over the rows that have both: ASA or AHT from daily averages weighted by answered calls, a service level from daily shares weighted by offered calls (the plain average of daily figures would weigh a quiet day like a busy one). Without input_unit the values are plain numbers (94.01% text is 0.9401) and duration text among them is an error asking for input_unit; with input_unit they are durations and the result is in unit (seconds by default). Weights must not be negative. Both ranges must have the same size; blanks and text (a header row) are skipped. ${DURATION_VALUE_RULES.en} Weights adding up to 0: "no data".`,
      de: `Σ Wert·Gewicht ÷ Σ Gewicht über die Zeilen mit beidem: ASA oder AHT aus Tagesmittelwerten, gewichtet mit angenommenen Anrufen, ein Servicelevel aus Tagesanteilen, gewichtet mit angebotenen Anrufen (der einfache Mittelwert der Tageszahlen gewichtete einen ruhigen Tag wie einen vollen). Ohne input_unit sind die Werte einfache Zahlen (Text 94,01% ist 0,9401), und Dauern als Text darunter sind ein Fehler, der nach input_unit fragt; mit input_unit sind sie Dauern, und das Ergebnis ist in unit (standardmäßig Sekunden). Gewichte dürfen nicht negativ sein. Beide Bereiche müssen gleich groß sein; leere Zellen und Text (eine Kopfzeile) werden übersprungen. ${DURATION_VALUE_RULES.de} Gewichte mit der Summe 0: „keine Daten“.`,
    },
    example: '=WEIGHTED_AVERAGE(E2:E32, C2:C32, "time") → 24.6',
    source: 'Weighted mean of interval statistics (ICMI: combine interval ASA and service level by call volume)',
    impl: weightedAverage,
  },
];
