/** First-contact resolution: the share of yes among the yes/no flags of the tickets opened in the period. */
import { flagShareCount } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { flagShare } from '../measure.js';

export default defineKpi({
  id: 'fcr', section: 'operational', order: 60, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('First-contact resolution', 'Erstlösungsquote'), defaultTarget: 0.7, direction: 'higher',
  variants: [{
    fn: 'FIRST_CONTACT_RESOLUTION', needs: ['ticketOpened', 'firstContactResolved'], dates: 'ticketOpened',
    definition: T('Share of the tickets opened in the period that were solved at the first contact.',
      'Anteil der im Zeitraum eröffneten Tickets, die beim ersten Kontakt gelöst wurden.'),
    args: (a) => [a.col('firstContactResolved')],
    native: (m) => flagShare(m, 'firstContactResolved'),
    // n: the tickets with a yes or no; the share of them has Wilson's interval, as CSAT's.
    count: flagShareCount('firstContactResolved', 'FIRST_CONTACT_RESOLUTION'),
    interval: { kind: 'wilson' },
  }],
});
