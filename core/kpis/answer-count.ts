/**
 * ANSWER_COUNT (our addition to the catalog): how many ratings a rated survey share — CSAT, CES —
 * takes its value over, read exactly as that KPI reads them (the one tally driver, its label scale
 * and rules): the n a scorecard shows beside the share, checks against its minimum and takes the
 * Wilson interval from.
 */
import type { FunctionSpec } from '../catalog/types.js';
import type { CallContext } from '../values/context.js';
import { readKpiArg } from '../values/read.js';
import { tallyCsat } from './satisfaction.js';
import { tallyCes } from './survey.js';
import { SATISFIED, UNSATISFIED } from './tally.js';

/** The rated shares by name: their tally of (unsatisfied, satisfied) ratings over ratings, scale_max, threshold. */
const RATED_SHARES = {
  CSAT: (ctx: CallContext, ratings: unknown, scale: unknown, threshold: unknown) => tallyCsat(ctx, ratings, scale, threshold),
  CES: (ctx: CallContext, ratings: unknown, scale: unknown, threshold: unknown) => tallyCes(ctx, ratings, scale, threshold),
} as const;
export type RatedShareName = keyof typeof RATED_SHARES;
const NAMES = Object.keys(RATED_SHARES) as RatedShareName[];

function answerCount(ctx: CallContext, args: readonly unknown[]): number {
  const name = readKpiArg(ctx, args[1], NAMES);
  // Read as the KPI reads its ratings; its messages name it (ANSWER_COUNT: CES: …).
  const c = RATED_SHARES[name]({ ...ctx, fn: `${ctx.fn}: ${name}` }, args[0], args[2], args[3])!;
  return c[UNSATISFIED] + c[SATISFIED];
}

export const answerCountFunctions: readonly FunctionSpec[] = [
  {
    name: 'ANSWER_COUNT',
    family: 'satisfaction',
    args: [
      { name: 'ratings', kind: 'range', values: 'ratings', description: { en: 'The ratings the share reads: one answer per row', de: 'Die Bewertungen, die die Quote liest: eine Antwort je Zeile' } },
      { name: 'kpi', kind: 'text', description: { en: '"CSAT" or "CES": the share whose reading is repeated', de: '"CSAT" oder "CES": die Quote, deren Lesart gilt' } },
      { name: 'scale_max', kind: 'number', optional: true, description: { en: 'As the KPI takes it (CSAT 5, CES 7 by default; rating words bring their own)', de: 'Wie bei der Kennzahl (standardmäßig CSAT 5, CES 7; Bewertungswörter bringen ihre eigene mit)' } },
      { name: 'threshold', kind: 'number', optional: true, description: { en: 'As the KPI takes it: it does not change the count, but a threshold the KPI rejects is its error here too', de: 'Wie bei der Kennzahl: sie ändert die Zahl nicht, aber eine Schwelle, die die Kennzahl ablehnt, ist auch hier ihr Fehler' } },
    ],
    result: 'scalar',
    unit: 'count',
    summary: { en: 'How many ratings a CSAT or CES takes its value over (its n)', de: 'Über wie viele Bewertungen ein CSAT oder CES seinen Wert bildet (sein n)' },
    help: {
      en: 'The number of cells of ratings that the KPI named by kpi, called with the same ratings, scale_max and threshold, counts as an answer: its denominator, the n of its value (for the confidence interval and a minimum number of answers). An addition of ours to the KPI catalog. Read exactly as that KPI reads them: numbers within its scale (CSAT 0…scale_max, CES 1…scale_max), numbers with a label, rating words of one listed scale; blanks and survey non-answers (Offered, No rating, angeboten) are not answers, nor is the header (the first non-blank text). A rating outside the scale, text below the header that is no rating, and error cells are the KPI\'s error, naming the cell and named after ANSWER_COUNT. Where the KPI says "no data" this is 0. Example: 5, 4, blank, No rating, 2 below the header Effort give 3; CES over them on a 5-point scale, 2 / 3, rests on 3 answers. Inside KPI_BY_PERIOD and KPI_BY_GROUP the count per period or group is the n of the KPI\'s value there (the label scale is decided over the whole range, as for the KPI).',
      de: 'Die Zahl der Zellen von ratings, die die mit kpi genannte Kennzahl mit denselben ratings, scale_max und threshold als Antwort zählt: ihr Nenner, das n ihres Werts (für das Konfidenzintervall und eine Mindestzahl an Antworten). Eine Ergänzung von uns zum Kennzahlenkatalog. Gelesen genau wie von dieser Kennzahl: Zahlen in ihrer Skala (CSAT 0…scale_max, CES 1…scale_max), Zahlen mit Beschriftung, Bewertungswörter einer der aufgeführten Skalen; leere Zellen und Nicht-Antworten (Offered, No rating, angeboten) sind keine Antworten, ebenso wenig die Überschrift (der erste nicht leere Text). Eine Bewertung außerhalb der Skala, Text unter der Überschrift, der keine Bewertung ist, und Fehlerzellen ergeben den Fehler der Kennzahl, der die Zelle nennt, nach ANSWER_COUNT benannt. Wo die Kennzahl „keine Daten“ meldet, ist dies 0. Beispiel: 5, 4, leer, No rating, 2 unter der Überschrift Aufwand ergeben 3; CES darüber auf einer 5-Punkte-Skala, 2 / 3, beruht also auf 3 Antworten. In KPI_BY_PERIOD und KPI_BY_GROUP ist die Zahl je Zeitraum oder Gruppe das n des Werts der Kennzahl dort (die Skala der Bewertungswörter wird über den ganzen Bereich bestimmt, wie bei der Kennzahl).',
    },
    example: '=ANSWER_COUNT(E2:E501, "CES", 7) → 412',
    source: 'The n of a survey share: the answers it was taken over, as a scorecard shows it beside the share and takes its confidence interval from (Wilson 1927)',
    impl: answerCount,
  },
];
