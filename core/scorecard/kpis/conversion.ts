/** Conversion rate: the share of yes among the converted flags of the contacts in the period. */
import { flagShareCount } from '../column-kinds.js';
import { defineKpi, T } from '../definition.js';
import { flagShare } from '../measure.js';

export default defineKpi({
  id: 'conversion', section: 'operational', order: 80, layout: 'period', perspective: 'operational', unit: 'share',
  name: T('Conversion rate', 'Konversionsrate'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'CONVERSION_RATE', needs: ['ticketOpened', 'converted'], dates: 'ticketOpened',
    definition: T('Share of the contacts in the period that converted (e.g. into a sale).',
      'Anteil der Kontakte im Zeitraum, die zu einem Abschluss führten (z. B. einem Kauf).'),
    args: (a) => [a.col('converted')],
    native: (m) => flagShare(m, 'converted'),
    count: flagShareCount('converted', 'CONVERSION_RATE'),
    interval: { kind: 'wilson' },
  }],
});
