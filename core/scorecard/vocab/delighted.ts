/** Delighted survey responses (API field names; header-vocabulary.md §11). `created_at` is Unix seconds. */
import type { ExportLayout } from './types.js';

export const delightedResponses: ExportLayout = {
  id: 'delighted-responses',
  name: 'Delighted survey responses',
  kind: 'survey',
  checked: 'delightedapp.com/docs/api/listing-survey-responses',
  signature: ['person', 'survey_type', 'score', 'comment', 'permalink', 'created_at', 'updated_at'],
  min: 4,
  columns: {
    'score': 'npsScore',
    'comment': 'comment',
    'person': 'customerId',
    'created_at': 'surveyDate',
  },
};
