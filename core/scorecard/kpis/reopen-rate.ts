/**
 * Reopen rate (REOPEN_RATE): the share of yes among the reopened flags of the tickets opened in the
 * period — or, from a reopen count per ticket (`Reopens`, `reopen_count`), the share of the tickets
 * resolved in the period reopened at least once (by the opened date without a resolved one, over all
 * rows without either).
 */
import { flagShareCount } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import type { NativeForm, Series } from '../definition.js';
import { ours } from '../formula.js';
import { flagShare, where } from '../measure.js';
import type { RowRule } from '../measure.js';

/** REOPEN_RATE reads counts as whole numbers from 0; anything else is an error naming it. */
const WHOLE_COUNT: RowRule = {
  kind: 'range', role: 'reopenCount', min: 0, max: Infinity, whole: true,
  reason: { en: 'a reopen count is not a whole number from 0', de: 'eine Anzahl Wiedereröffnungen ist keine ganze Zahl ab 0' },
};

/** A ticket with a reopen count (the rule above rejects any other number). */
const COUNTED = where('reopenCount', '>=', 0);

/** Tickets reopened at least once ÷ tickets with a count, as REOPEN_RATE reads counts. */
const reopenedShare: NativeForm = (m) => m.orBlank(m.div(m.count(where('reopenCount', '>', 0)), m.count(COUNTED)));

/** n: the tickets with a count, as REOPEN_RATE reads them (FLAG_COUNT live; natively reopenedShare's denominator). */
const countedTickets: Series = { live: flagShareCount('reopenCount', 'REOPEN_RATE').live, native: (m) => m.count(COUNTED) };

export default defineKpi({
  id: 'reopenRate', section: 'operational', order: 70, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Reopen rate', 'Wiedereröffnungsquote'), defaultTarget: 0.05, direction: 'lower',
  variants: [{
    fn: 'REOPEN_RATE', needs: ['ticketOpened', 'reopened'], dates: 'ticketOpened',
    definition: T('Share of the tickets opened in the period that were reopened after being resolved.',
      'Anteil der im Zeitraum eröffneten Tickets, die nach der Lösung wieder geöffnet wurden.'),
    args: (a) => [a.col('reopened')],
    native: (m) => flagShare(m, 'reopened'),
    count: flagShareCount('reopened', 'REOPEN_RATE'),
    interval: { kind: 'wilson' },
  }, {
    fn: 'REOPEN_RATE', needs: ['ticketResolved', 'reopenCount'], dates: 'ticketResolved',
    definition: T('Share of the tickets resolved in the period that were reopened at least once (their reopen count is above 0).',
      'Anteil der im Zeitraum gelösten Tickets, die mindestens einmal wieder geöffnet wurden (Anzahl der Wiedereröffnungen über 0).'),
    rules: [WHOLE_COUNT],
    args: (a) => [a.col('reopenCount')],
    native: reopenedShare,
    count: countedTickets,
    interval: { kind: 'wilson' },
  }, {
    fn: 'REOPEN_RATE', needs: ['ticketOpened', 'reopenCount'], dates: 'ticketOpened',
    definition: T('Share of the tickets opened in the period that were reopened at least once (their reopen count is above 0).',
      'Anteil der im Zeitraum eröffneten Tickets, die mindestens einmal wieder geöffnet wurden (Anzahl der Wiedereröffnungen über 0).'),
    rules: [WHOLE_COUNT],
    args: (a) => [a.col('reopenCount')],
    native: reopenedShare,
    count: countedTickets,
    interval: { kind: 'wilson' },
  }, {
    fn: 'REOPEN_RATE', needs: ['reopenCount'],
    definition: T('Share of all tickets (the data have no date) that were reopened at least once (their reopen count is above 0).',
      'Anteil aller Tickets (die Daten haben kein Datum), die mindestens einmal wieder geöffnet wurden (Anzahl der Wiedereröffnungen über 0).'),
    rules: [WHOLE_COUNT],
    live: (a) => ours('REOPEN_RATE', a.col('reopenCount')),
    native: reopenedShare,
  }],
});
