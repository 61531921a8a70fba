/** Brand attributes: the words customers use most in comments, and the expected ones (text analysis: no native form). */
import { defineKpi, T } from '../definition.js';
import { num, ours } from '../formula.js';

export default defineKpi({
  id: 'brandAttributes', section: 'brand', order: 10, layout: 'table', perspective: 'strategic', unit: 'number',
  name: T('Brand attributes', 'Markenattribute'), defaultTarget: null, direction: 'higher',
  variants: [{
    fn: 'BRAND_ATTRIBUTES', needs: ['comment'],
    definition: T('The words customers use most in their comments, by share of comments that mention them.',
      'Die Wörter, die Kunden in Kommentaren am häufigsten verwenden, nach Anteil der Kommentare, die sie nennen.'),
    live: (a) => ours('BRAND_ATTRIBUTES', a.col('comment'), num(10)),
    match: (a, words) => ours('BRAND_MATCH', a.col('comment'), words),
  }],
});
