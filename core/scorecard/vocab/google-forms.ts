/** Google Forms responses (Sheets download): `Timestamp`/`Zeitstempel` first, question texts as headers (header-vocabulary.md §11). */
import type { ExportLayout } from './types.js';

export const googleForms: ExportLayout = {
  id: 'google-forms',
  name: 'Google Forms responses',
  kind: 'survey',
  checked: 'a real Google Forms export (test/fixtures/real/google-forms-sudzilla-survey.csv); German headers seen in public consumers',
  signature: ['Timestamp', 'Zeitstempel'],
  min: 1,
  firstColumn: true,
  questions: true,
  columns: {
    'Timestamp': 'surveyDate', 'Zeitstempel': 'surveyDate',
    'Email Address': 'customerId', 'Email address': 'customerId', 'E-Mail-Adresse': 'customerId',
  },
};
