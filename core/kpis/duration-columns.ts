/**
 * Durations given as values (catalog v3): AVG_DURATION and MEDIAN_DURATION over a column of
 * durations — a "First reply time in minutes" column, `0:02:14` talk times — for exports that carry
 * durations instead of timestamp pairs. Reading rules are in core/values/duration-values.ts.
 */
import type { ArgSpec, FunctionSpec } from '../catalog/types.js';
import { noDataError } from '../errors.js';
import { median } from '../stats.js';
import type { CallContext } from '../values/context.js';
import { readDurations, readInputUnit } from '../values/duration-values.js';
import { readUnit } from './durations.js';

/** The durations of a column in ms, sorted or not; "no data" when it holds none. */
function durationsOf(ctx: CallContext, args: readonly unknown[]): { ms: Float64Array; count: number } {
  const unit = readInputUnit(ctx, args[1]);
  const col = readDurations(ctx, args[0], 'durations', unit);
  if (col.count === 0) throw noDataError(ctx.fn, 'no data (durations holds no duration)');
  return col;
}

function avgDuration(ctx: CallContext, args: readonly unknown[]): number {
  const { msPerUnit } = readUnit(ctx, args[2]);
  const { ms, count } = durationsOf(ctx, args);
  let sum = 0;
  for (let i = 0; i < ms.length; i++) if (ms[i] === ms[i]) sum += ms[i];
  return sum / count / msPerUnit;
}

function medianDuration(ctx: CallContext, args: readonly unknown[]): number {
  const { msPerUnit } = readUnit(ctx, args[2]);
  const { ms, count } = durationsOf(ctx, args);
  const xs = new Float64Array(count);
  for (let i = 0, k = 0; i < ms.length; i++) if (ms[i] === ms[i]) xs[k++] = ms[i];
  return median(xs.sort()) / msPerUnit;
}

// ---------------------------------------------------------------- catalog entries

const DURATIONS: ArgSpec = {
  name: 'durations', kind: 'range',
  description: {
    en: 'One duration per row: numbers in input_unit, or text such as 0:02:14, 3h 20m, 134 s, PT3H20M',
    de: 'Eine Dauer je Zeile: Zahlen in input_unit oder Text wie 0:02:14, 3h 20m, 134 Sek., PT3H20M',
  },
};

const INPUT_UNIT: ArgSpec = {
  name: 'input_unit', kind: 'text', optional: true, default: '"seconds"',
  description: {
    en: 'Unit of the numbers: "seconds", "minutes", "hours", "days", or "time" for time values (0:02:14 cells in Excel)',
    de: 'Einheit der Zahlen: "Sekunden", "Minuten", "Stunden", "Tage" oder "Zeit" für Zeitwerte (Zellen wie 0:02:14 in Excel)',
  },
};

const RESULT_UNIT: ArgSpec = {
  name: 'unit', kind: 'text', optional: true, default: '"hours"',
  description: { en: 'Unit of the result: "hours", "minutes", "seconds" or "days"', de: 'Einheit des Ergebnisses: "Stunden", "Minuten", "Sekunden" oder "Tage"' },
};

/** The duration-value rules, shared with every function that reads durations as values. */
export const DURATION_VALUE_RULES = {
  en: 'Numbers are in input_unit ("seconds" by default, "minutes", "hours", "days", or "time" for spreadsheet time values: Excel passes a 0:02:14 cell as 0.00155 of a day). Text durations carry their own unit and are read whatever input_unit says: h:mm and h:mm:ss as a spreadsheet reads them (0:02:14, 1:30 is 1 h 30 min), units (3h 20m, 1d 2h, 2 min, 134 s, 134 Sek.) and ISO 8601 (PT3H20M, P1DT2H). Google Sheets passes duration cells as dates of 30 Dec 1899; they are read as time values. With input_unit omitted, a range whose numbers all lie strictly between 0 and 1 is an error (they look like time values: pass input_unit "time"), so Excel and Sheets cannot silently disagree. A negative duration, text that starts like a number but is no duration, and an error cell are errors naming the cell; other text (a header) and blanks are skipped.',
  de: 'Zahlen sind in input_unit angegeben ("Sekunden" standardmäßig, "Minuten", "Stunden", "Tage" oder "Zeit" für Zeitwerte der Tabellenkalkulation: Excel übergibt eine Zelle 0:02:14 als 0,00155 eines Tages). Dauern als Text tragen ihre eigene Einheit und gelten unabhängig von input_unit: h:mm und h:mm:ss wie in der Tabellenkalkulation (0:02:14; 1:30 ist 1 Std. 30 Min.), Einheiten (3h 20m, 1 Tag 2 Std., 2 Min., 134 Sek.) und ISO 8601 (PT3H20M, P1DT2H). Google Sheets übergibt Dauer-Zellen als Datumswerte des 30.12.1899; sie werden als Zeitwerte gelesen. Ohne input_unit ist ein Bereich, dessen Zahlen alle echt zwischen 0 und 1 liegen, ein Fehler (sie sehen aus wie Zeitwerte: input_unit "Zeit" angeben), damit Excel und Sheets nie stillschweigend verschieden rechnen. Eine negative Dauer, Text, der wie eine Zahl beginnt, aber keine Dauer ist, und eine Fehlerzelle sind Fehler mit Angabe der Zelle; anderer Text (eine Überschrift) und leere Zellen werden übersprungen.',
};

export const durationColumnFunctions: readonly FunctionSpec[] = [
  {
    name: 'AVG_DURATION',
    family: 'tickets',
    args: [DURATIONS, INPUT_UNIT, RESULT_UNIT],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Average of a column of durations (talk times, first-reply times)', de: 'Mittelwert einer Spalte von Dauern (Gesprächszeiten, Erstantwortzeiten)' },
    help: {
      en: `The mean of the durations, in hours by default: for exports that carry durations (a "First reply time in minutes" column, 0:02:14 talk times) instead of timestamp pairs. ${DURATION_VALUE_RULES.en} No duration at all: "no data" (#N/A). Example: talk times 0:02:14, 0:03:10 and 0:01:00 as text give AVG_DURATION(C2:C4, , "seconds") = 128.`,
      de: `Der Mittelwert der Dauern, standardmäßig in Stunden: für Exporte, die Dauern (eine Spalte „Erstantwortzeit in Minuten“, Gesprächszeiten wie 0:02:14) statt Zeitstempelpaaren enthalten. ${DURATION_VALUE_RULES.de} Gar keine Dauer: „keine Daten“ (#NV). Beispiel: Gesprächszeiten 0:02:14, 0:03:10 und 0:01:00 als Text ergeben AVG_DURATION(C2:C4; ; "Sekunden") = 128.`,
    },
    example: '=AVG_DURATION(D2:D500, "minutes", "minutes") → 42.5',
    source: 'Arithmetic mean of handle or response times (Zendesk first reply time in minutes, call-centre talk time)',
    impl: avgDuration,
  },
  {
    name: 'MEDIAN_DURATION',
    family: 'tickets',
    args: [DURATIONS, INPUT_UNIT, RESULT_UNIT],
    result: 'scalar',
    unit: 'duration',
    summary: { en: 'Median of a column of durations', de: 'Median einer Spalte von Dauern' },
    help: {
      en: `The median of the durations (the middle value; with an even count, the mean of the two middle ones), in hours by default; less affected than the average by a few very long contacts. ${DURATION_VALUE_RULES.en} No duration at all: "no data" (#N/A). Example: 2 min, 3 min, 1 h give MEDIAN_DURATION(C2:C4, , "minutes") = 3.`,
      de: `Der Median der Dauern (der mittlere Wert; bei gerader Anzahl der Mittelwert der beiden mittleren), standardmäßig in Stunden; wird von wenigen sehr langen Kontakten weniger verzerrt als der Durchschnitt. ${DURATION_VALUE_RULES.de} Gar keine Dauer: „keine Daten“ (#NV). Beispiel: 2 Min., 3 Min., 1 Std. ergeben MEDIAN_DURATION(C2:C4; ; "Minuten") = 3.`,
    },
    example: '=MEDIAN_DURATION(E2:E500, "time", "seconds") → 134',
    source: 'Median of handle or response times (Zendesk: median first reply time)',
    impl: medianDuration,
  },
];
