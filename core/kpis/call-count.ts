/**
 * CALL_COUNT (our addition to the catalog): how many calls a per-call contact-centre KPI —
 * SERVICE_LEVEL, ABANDON_RATE, ASA, AHT — takes its value over, called with the KPI's own
 * arguments and read exactly as the KPI reads them: the n a scorecard shows beside it, checks
 * against its minimum and takes the Wilson interval of a share from.
 */
import type { FunctionSpec } from '../catalog/types.js';
import type { CallContext } from '../values/context.js';
import { readKpiArg } from '../values/read.js';
import { CALL_KPI_COUNTS } from './calls.js';
import type { CallKpi } from './calls.js';

const NAMES = Object.keys(CALL_KPI_COUNTS) as CallKpi[];

function callCount(ctx: CallContext, args: readonly unknown[]): number {
  const name = readKpiArg(ctx, args[0], NAMES);
  // The KPI reads its own arguments; its messages name it (CALL_COUNT: ASA: …).
  return CALL_KPI_COUNTS[name]({ ...ctx, fn: `${ctx.fn}: ${name}` }, args.slice(1));
}

export const callCountFunctions: readonly FunctionSpec[] = [
  {
    name: 'CALL_COUNT',
    family: 'contact',
    args: [
      { name: 'kpi', kind: 'text', description: { en: '"SERVICE_LEVEL", "ABANDON_RATE", "ASA" or "AHT"', de: '"SERVICE_LEVEL", "ABANDON_RATE", "ASA" oder "AHT"' } },
      { name: 'args', kind: 'any', repeating: true, description: { en: 'The KPI\'s own arguments, in its own order (waits, answered, threshold … for SERVICE_LEVEL; talk, hold … for AHT)', de: 'Die Argumente der Kennzahl, in ihrer Reihenfolge (waits, answered, threshold … bei SERVICE_LEVEL; talk, hold … bei AHT)' } },
    ],
    result: 'scalar',
    unit: 'count',
    summary: { en: 'How many calls a per-call KPI takes its value over (its n)', de: 'Über wie viele Anrufe eine Kennzahl je Anruf ihren Wert bildet (ihr n)' },
    help: {
      en: 'The number of calls the KPI named by kpi, called with the same arguments, takes its value over: its denominator, the n of its value (for the confidence interval of a share and a minimum number of calls). An addition of ours to the KPI catalog. SERVICE_LEVEL: the calls its mode divides by — every call with an answered flag for "offered" (the default) and "abandons_met", the answered calls for "answered", every call but the short abandons for "short_abandons_excluded"; ABANDON_RATE: the calls with an answered flag (without the short abandons when short_abandon is given); ASA: the answered calls, whose waits it averages; AHT: the rows with a talk time, whose handle times it averages. The arguments are read exactly as that KPI reads them (flags, durations, the header row, input_unit), so a row the KPI rejects — a wait without a flag, an answered call without its wait, hold time without talk time — is the same error, named after CALL_COUNT. Where the KPI says "no data" this is 0. Example: waits 12, 45, blank, 8 and answered TRUE, FALSE, FALSE, TRUE below their headers: SERVICE_LEVEL over them, 2 of 4 within 20 s, rests on 4 calls, ASA, 10 s, on 2. Inside KPI_BY_PERIOD and KPI_BY_GROUP the count per period or group is the n of the KPI\'s value there.',
      de: 'Die Zahl der Anrufe, über die die mit kpi genannte Kennzahl mit denselben Argumenten ihren Wert bildet: ihr Nenner, das n ihres Werts (für das Konfidenzintervall eines Anteils und eine Mindestzahl an Anrufen). Eine Ergänzung von uns zum Kennzahlenkatalog. SERVICE_LEVEL: die Anrufe, durch die ihr mode teilt — jeder Anruf mit Angenommen-Merkmal bei "angeboten" (Standard) und "abbrueche_erfuellt", die angenommenen bei "angenommen", alle außer den kurzen Abbrüchen bei "kurze_abbrueche_ausgeschlossen"; ABANDON_RATE: die Anrufe mit Angenommen-Merkmal (ohne die kurzen Abbrüche, wenn short_abandon angegeben ist); ASA: die angenommenen Anrufe, deren Wartezeiten gemittelt werden; AHT: die Zeilen mit Gesprächszeit, deren Bearbeitungszeiten gemittelt werden. Die Argumente werden genau so gelesen wie von dieser Kennzahl (Merkmale, Dauern, die Überschriftenzeile, input_unit); eine Zeile, die die Kennzahl ablehnt — eine Wartezeit ohne Merkmal, ein angenommener Anruf ohne Wartezeit, Haltezeit ohne Gesprächszeit —, ergibt denselben Fehler, nach CALL_COUNT benannt. Wo die Kennzahl „keine Daten“ meldet, ist dies 0. Beispiel: Wartezeiten 12, 45, leer, 8 und angenommen WAHR, FALSCH, FALSCH, WAHR unter ihren Überschriften: SERVICE_LEVEL darüber, 2 von 4 innerhalb von 20 s, beruht auf 4 Anrufen, ASA, 10 s, auf 2. In KPI_BY_PERIOD und KPI_BY_GROUP ist die Zahl je Zeitraum oder Gruppe das n des Werts der Kennzahl dort.',
    },
    example: '=CALL_COUNT("SERVICE_LEVEL", C2:C1061, D2:D1061, 20) → 1060',
    source: 'The n of a contact-centre KPI: the calls it was taken over (ICMI: service level over offered calls, ASA over answered calls, AHT over handled calls), as a scorecard shows it beside the KPI and takes a share\'s confidence interval from (Wilson 1927)',
    impl: callCount,
  },
];
