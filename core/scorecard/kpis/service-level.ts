/**
 * Service level: the share of calls answered within the threshold (ICMI's "offered" treatment:
 * abandoned calls count against it), per period of the call date. From per-call rows (waits and an
 * answered flag), or from a per-day/interval export's own service-level column weighted by its calls.
 * The call rules and helpers the other contact-centre KPIs share live here too.
 */
import type { CallKpi } from '../../kpis/calls.js';
import { defineKpi, serviceLevelSeconds, T, unitOf } from '../definition.js';
import type { KpiFacts, LiveArgs, NativeArgs, NativeForm, PeriodVariant, Series, SingleVariant } from '../definition.js';
import { ours, str } from '../formula.js';
import { isBlank, isNo, isSet, isYes, notNegative } from '../measure.js';
import type { Measures, RowRule } from '../measure.js';
import type { Role } from '../roles.js';
import type { Expr } from '../types.js';

// ------------------------------------------------------------------ shared by the call KPIs

/** A call's wait must not be negative (the duration readers reject it, naming the cell). */
export const WAIT_NOT_NEGATIVE = notNegative('callWait', 'a wait is negative', 'eine Wartezeit ist negativ');

/** A row with a wait but no answered flag: the call functions cannot tell it answered or abandoned. */
export const WAIT_NEEDS_FLAG: RowRule = {
  kind: 'rows', where: [isSet('callWait'), isBlank('callAnswered')],
  reason: { en: 'a call has a wait but no answered flag', de: 'ein Anruf hat eine Wartezeit, aber kein Angenommen-Merkmal' },
};

/** An answered call without its wait (SERVICE_LEVEL and ASA need it). */
export const ANSWERED_NEEDS_WAIT: RowRule = {
  kind: 'rows', where: [isYes('callAnswered'), isBlank('callWait')],
  reason: { en: 'an answered call has no wait', de: 'ein angenommener Anruf hat keine Wartezeit' },
};

/** Per-day counts must not be negative. */
export const COUNTS_NOT_NEGATIVE = (...roles: Role[]): RowRule[] =>
  roles.map((r) => notNegative(r, 'a count of calls is negative', 'eine Anrufzahl ist negativ'));

/** A duration column's unit as the catalog's input_unit argument. */
export function unitArg(a: LiveArgs | NativeArgs, role: Role): Expr {
  return str(unitOf(a.facts, role));
}

/** Calls with an answered flag (yes or no) among the rows. */
export function flaggedCalls<M>(m: Measures<M>): M {
  return m.add(m.count(isYes('callAnswered')), m.count(isNo('callAnswered')));
}

/**
 * n of a per-call KPI: the calls its value is taken over — live CALL_COUNT over the KPI's own
 * arguments (read by the KPI's own code, so it fails exactly where the KPI does), natively the
 * denominator of its native form.
 */
export function callCount(kpi: CallKpi, args: (a: LiveArgs) => Expr[], native: NativeForm): Series {
  return { live: (a) => ({ table: a.byPeriod('CALL_COUNT', str(kpi), ...args(a)), column: 2 }), native };
}

/** The weights of a per-day average: answered calls when the export has them, else offered ones. */
export type Weights = 'callsAnswered' | 'callsOffered';

/**
 * WEIGHTED_AVERAGE's value in the measure vocabulary: Σ value·weight ÷ Σ weight over rows with
 * both, durations in milliseconds turned into seconds (the catalog's order of operations).
 */
export function weightedMean<M>(m: Measures<M>, value: Role, weights: Weights, facts: KpiFacts, duration: boolean): M {
  const sum = m.weightedSum(value, weights, duration ? unitOf(facts, value) : undefined);
  const mean = m.div(sum, m.sum(weights, isSet(value)));
  return m.orBlank(duration ? m.div(mean, m.num(1000)) : mean);
}

/** Per-day variants of a weighted average: with dates (by period), then without (one value over all rows). */
export function perDayVariants(
  value: Role, weights: readonly Weights[], definition: { en: string; de: string },
  live: (a: LiveArgs, weights: Weights) => Expr[], native: <M>(m: Measures<M>, a: NativeArgs, weights: Weights) => M | null,
  rules: (weights: Weights) => RowRule[], fn: 'WEIGHTED_AVERAGE' | 'RATIO_OF_SUMS',
): (PeriodVariant | SingleVariant)[] {
  const dated: PeriodVariant[] = weights.map((w) => ({
    fn, needs: ['callDate', value, w], dates: 'callDate', definition, rules: rules(w),
    args: (a) => live(a, w),
    native: (m, a) => native(m, a, w),
  }));
  const whole: SingleVariant[] = weights.map((w) => ({
    fn, needs: [value, w], definition, rules: rules(w),
    live: (a) => ours(fn, ...live(a, w)),
    native: (m, a) => native(m, a, w),
  }));
  return [...dated, ...whole];
}

// ------------------------------------------------------------------ the KPI

/** SERVICE_LEVEL's arguments: ICMI's "offered" treatment (abandoned calls count against it). */
const serviceLevelArgs = (a: LiveArgs): Expr[] =>
  [a.col('callWait'), a.col('callAnswered'), str(`${serviceLevelSeconds(a.options)} s`), str('offered'), unitArg(a, 'callWait')];

const PER_DAY = T(
  'The service level of each day or interval as the export states it (its own threshold), weighted by its answered calls.',
  'Der Servicelevel jedes Tages oder Intervalls laut Export (mit dessen Schwelle), gewichtet mit den angenommenen Anrufen.',
);

export default defineKpi({
  id: 'serviceLevel', section: 'contact', order: 10, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Service level', 'Servicelevel'), defaultTarget: 0.8, direction: 'higher',
  // Its target is the staffing block's service-level target.
  staffing: 'serviceLevelTarget',
  variants: [
    {
      fn: 'SERVICE_LEVEL', needs: ['callDate', 'callWait', 'callAnswered'], dates: 'callDate',
      definition: T('Share of the calls of the period answered within {slSeconds} seconds; abandoned calls count as missed (ICMI).',
        'Anteil der Anrufe des Zeitraums, die innerhalb von {slSeconds} Sekunden angenommen wurden; Abbrüche zählen als verfehlt (ICMI).'),
      rules: [WAIT_NOT_NEGATIVE, WAIT_NEEDS_FLAG, ANSWERED_NEEDS_WAIT],
      args: serviceLevelArgs,
      native: (m, a) => {
        const within = m.countDurationWithin('callWait', unitOf(a.facts, 'callWait'), serviceLevelSeconds(a.options) * 1000, isYes('callAnswered'));
        return m.orBlank(m.div(within, flaggedCalls(m)));
      },
      // n: the calls offered ("offered" divides by every call with a flag); the share of them has Wilson's interval.
      count: callCount('SERVICE_LEVEL', serviceLevelArgs, flaggedCalls),
      interval: { kind: 'wilson' },
    },
    // Shares as the export writes them: 76.28% text or 0.7628 (a percent-formatted cell).
    ...perDayVariants('serviceLevelShare', ['callsAnswered', 'callsOffered'], PER_DAY,
      (a, w) => [a.col('serviceLevelShare'), a.col(w)],
      (m, a, w) => weightedMean(m, 'serviceLevelShare', w, a.facts, false),
      (w) => COUNTS_NOT_NEGATIVE(w), 'WEIGHTED_AVERAGE'),
  ],
});
