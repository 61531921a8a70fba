/** SurveyMonkey "All responses data" CSV: question texts in row 1, `Response`/choice labels in row 2 (header-vocabulary.md §11). */
import type { ExportLayout } from './types.js';

export const surveyMonkeyResponses: ExportLayout = {
  id: 'surveymonkey-responses',
  name: 'SurveyMonkey responses export',
  kind: 'survey',
  checked: 'public consumers of real SurveyMonkey "All responses data" exports',
  signature: ['Respondent ID', 'Collector ID', 'Start Date', 'End Date', 'IP Address', 'Email Address', 'Custom Data 1'],
  min: 3,
  questions: true,
  columns: {
    'End Date': 'surveyDate',
    'Respondent ID': 'customerId',
  },
};
