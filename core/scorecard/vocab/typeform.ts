/** Typeform responses download (header-vocabulary.md §11): partial responses have no submit date. */
import type { ExportLayout } from './types.js';

export const typeformResponses: ExportLayout = {
  id: 'typeform-responses',
  name: 'Typeform responses export',
  kind: 'survey',
  checked: 'public consumers of real Typeform CSV downloads',
  signature: ['#', 'Response Type', 'Start Date (<tz>)', 'Stage Date (<tz>)', 'Submit Date (<tz>)', 'Network ID'],
  min: 3,
  questions: true,
  columns: {
    'Submit Date (<tz>)': 'surveyDate',
  },
};
