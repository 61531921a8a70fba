/** Argument words in English and German (case-insensitive). */
export type DurationUnit = 'hours' | 'minutes' | 'days' | 'seconds';
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type Direction = 'higher' | 'lower';
export type GapMode = 'average' | 'best' | 'rank';

export const UNIT_WORDS: Readonly<Record<string, DurationUnit>> = {
  hours: 'hours', hour: 'hours', h: 'hours', stunden: 'hours', stunde: 'hours', std: 'hours',
  minutes: 'minutes', minute: 'minutes', min: 'minutes', minuten: 'minutes',
  days: 'days', day: 'days', d: 'days', tage: 'days', tag: 'days',
  seconds: 'seconds', second: 'seconds', sec: 'seconds', s: 'seconds', sekunden: 'seconds', sekunde: 'seconds', sek: 'seconds',
};

/** Duration in days × this = duration in the unit. */
export const UNIT_PER_DAY: Readonly<Record<DurationUnit, number>> = { hours: 24, minutes: 1440, days: 1, seconds: 86_400 };

export const PERIOD_WORDS: Readonly<Record<string, Period>> = {
  day: 'day', tag: 'day', week: 'week', woche: 'week', month: 'month', monat: 'month',
  quarter: 'quarter', quartal: 'quarter', year: 'year', jahr: 'year',
};

export const DIRECTION_WORDS: Readonly<Record<string, Direction>> = {
  higher: 'higher', 'höher': 'higher', hoeher: 'higher', lower: 'lower', niedriger: 'lower',
};

export const MODE_WORDS: Readonly<Record<string, GapMode>> = {
  average: 'average', durchschnitt: 'average', best: 'best', bester: 'best', beste: 'best', rank: 'rank', rang: 'rank',
};

export const LANGUAGE_WORDS: Readonly<Record<string, 'auto' | 'en' | 'de'>> = {
  auto: 'auto', en: 'en', english: 'en', englisch: 'en', de: 'de', german: 'de', deutsch: 'de',
};

/** EMPLOYEE_TURNOVER's method (v3): the average-headcount form or SHRM's sum of monthly rates. */
export type TurnoverMethod = 'average' | 'monthly';
export const TURNOVER_METHOD_WORDS: Readonly<Record<string, TurnoverMethod>> = {
  average: 'average', durchschnitt: 'average', monthly: 'monthly', monatlich: 'monthly',
};
