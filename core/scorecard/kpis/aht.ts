/** Average handle time: talk + hold + after-call work per handled call, in seconds, per period of the call date (ICMI / COPC). */
import { defineKpi, T, unitOf } from '../definition.js';
import type { LiveArgs } from '../definition.js';
import { str } from '../formula.js';
import { isBlank, isSet, notNegative } from '../measure.js';
import type { Measures, RowRule } from '../measure.js';
import type { Role } from '../roles.js';
import type { Expr } from '../types.js';
import { callCount, COUNTS_NOT_NEGATIVE, perDayVariants, unitArg, weightedMean } from './service-level.js';

const DURATION_NEGATIVE = (role: Role): RowRule => notNegative(role, 'a duration is negative', 'eine Dauer ist negativ');

/** Hold or after-call work on a row without talk time: AHT rejects it (it would be lost). */
const NEEDS_TALK = (role: 'holdTime' | 'wrapTime'): RowRule => ({
  kind: 'rows', where: [isSet(role), isBlank('talkTime')],
  reason: { en: 'a call has hold or after-call work but no talk time', de: 'ein Anruf hat Halte- oder Nachbearbeitungszeit, aber keine Gesprächszeit' },
});

/** A column of the call or "" (AHT's omitted optional argument). */
const optional = (a: LiveArgs, role: Role): Expr => (a.has(role) ? a.col(role) : str(''));

/** The handled calls: rows with a talk (or handle) time, AHT's denominator. */
const handledCalls = <M>(m: Measures<M>, talk: Role): M => m.count(isSet(talk));

/** The catalog's AHT: Σ (talk + hold + wrap-up) over rows with talk ÷ their number, all read in talk's unit. */
function meanHandle<M>(m: Measures<M>, parts: readonly Role[], unit: Parameters<Measures<M>['durationSum']>[1]): M {
  let sum = m.durationSum(parts[0], unit);
  for (const p of parts.slice(1)) sum = m.add(sum, m.durationSum(p, unit));
  return m.orBlank(m.div(m.div(sum, handledCalls(m, parts[0])), m.num(1000)));
}

/** AHT's arguments: talk, hold and after-call work (or a handle time alone), in talk's unit. */
const partsArgs = (a: LiveArgs): Expr[] => [a.col('talkTime'), optional(a, 'holdTime'), optional(a, 'wrapTime'), unitArg(a, 'talkTime'), str('seconds')];
const handleArgs = (a: LiveArgs): Expr[] => [a.col('handleTime'), str(''), str(''), unitArg(a, 'handleTime'), str('seconds')];

export default defineKpi({
  id: 'aht', section: 'contact', order: 40, layout: 'period', perspective: 'operational', unit: 'seconds',
  name: T('Average handle time (AHT)', 'Durchschnittliche Bearbeitungszeit (AHT)'), defaultTarget: null, direction: 'lower',
  // The staffing block's AHT when the busiest interval has none of its own.
  staffing: 'handleTime',
  variants: [
    {
      fn: 'AHT', needs: ['callDate', 'talkTime'], optional: ['holdTime', 'wrapTime'], dates: 'callDate',
      definition: T('Mean seconds of talk + hold + after-call work per handled call of the period (the parts the data has).',
        'Mittlere Sekunden Gespräch + Halten + Nachbearbeitung je bearbeitetem Anruf des Zeitraums (die Teile, die die Daten haben).'),
      rules: [DURATION_NEGATIVE('talkTime'), DURATION_NEGATIVE('holdTime'), DURATION_NEGATIVE('wrapTime'), NEEDS_TALK('holdTime'), NEEDS_TALK('wrapTime')],
      // AHT reads every part in one input_unit: talk's (the parts of one export share a unit).
      args: partsArgs,
      native: (m, a) => meanHandle(m, (['talkTime', 'holdTime', 'wrapTime'] as const).filter((r) => a.has(r)), unitOf(a.facts, 'talkTime')),
      // n: the calls with a talk time, whose handle times it averages.
      count: callCount('AHT', partsArgs, (m) => handledCalls(m, 'talkTime')),
    },
    {
      fn: 'AHT', needs: ['callDate', 'handleTime'], dates: 'callDate',
      definition: T('Mean handle time in seconds of the calls of the period that have one.',
        'Mittlere Bearbeitungszeit in Sekunden der Anrufe des Zeitraums, die eine haben.'),
      rules: [DURATION_NEGATIVE('handleTime')],
      args: handleArgs,
      native: (m, a) => meanHandle(m, ['handleTime'], unitOf(a.facts, 'handleTime')),
      count: callCount('AHT', handleArgs, (m) => handledCalls(m, 'handleTime')),
    },
    ...perDayVariants('avgHandleTime', ['callsAnswered'],
      T('The AHT of each day or interval weighted by its answered calls, in seconds (not the plain mean of daily figures).',
        'Die AHT jedes Tages oder Intervalls, gewichtet mit den angenommenen Anrufen, in Sekunden (nicht der einfache Mittelwert der Tageswerte).'),
      (a, w) => [a.col('avgHandleTime'), a.col(w), unitArg(a, 'avgHandleTime'), str('seconds')],
      (m, a, w) => weightedMean(m, 'avgHandleTime', w, a.facts, true),
      (w) => [...COUNTS_NOT_NEGATIVE(w), DURATION_NEGATIVE('avgHandleTime')], 'WEIGHTED_AVERAGE'),
  ],
});
