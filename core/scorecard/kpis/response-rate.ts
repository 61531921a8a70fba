/**
 * Survey response rate: answered ÷ sent, per period of the survey's sending date (one row per
 * invitation, a blank or "Offered" answer for non-responders) or of a ticket's opening (a ticket
 * table's rating column: Zendesk's Offered/Not offered/Good/Bad).
 */
import { defineKpi, T } from '../definition.js';
import type { PeriodVariant } from '../definition.js';
import type { Role } from '../roles.js';

const DEFINITION = T('Answers ÷ surveys sent in the period; a blank or "Offered" answer is sent but unanswered, "Not offered" is not counted.',
  'Antworten ÷ versendete Umfragen des Zeitraums; eine leere oder „angeboten“-Antwort ist versendet, aber unbeantwortet, „nicht angeboten“ zählt nicht.');

/** RESPONSE_RATE reads answers by the rating rules (words, numbers with labels): no native form. */
const variant = (dates: Role, answers: Role): PeriodVariant => ({
  fn: 'RESPONSE_RATE', needs: [dates, answers], dates, definition: DEFINITION,
  args: (a) => [a.col(answers)],
});

export default defineKpi({
  id: 'responseRate', section: 'contact', order: 60, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Survey response rate', 'Rücklaufquote der Umfrage'), defaultTarget: null, direction: 'higher',
  variants: [
    variant('surveySent', 'satisfaction'),
    variant('surveySent', 'npsScore'),
    variant('surveySent', 'effortScore'),
    variant('ticketOpened', 'satisfaction'),
  ],
});
