/** Qualtrics data export: three header rows (ids, question texts, ImportId JSON) (header-vocabulary.md §11). */
import type { ExportLayout } from './types.js';

export const qualtricsResponses: ExportLayout = {
  id: 'qualtrics-responses',
  name: 'Qualtrics responses export',
  kind: 'survey',
  checked: 'qualtrics.com/support: understanding your dataset (CSV files come with 3 rows of headers)',
  signature: ['StartDate', 'EndDate', 'RecordedDate', 'ResponseId', 'Finished', 'Progress', 'Duration (in seconds)', 'DistributionChannel', 'Recorded Date', 'Response ID'],
  min: 3,
  columns: {
    'RecordedDate': 'surveyDate', 'Recorded Date': 'surveyDate',
    'RecipientEmail': 'customerId', 'Recipient Email': 'customerId',
  },
};
