/**
 * The day/month order of a column of date text (`05/02/2012`): the scorecard and the command line
 * decide it per column (catalog v3, "Date text in other layouts") — from the column's own dates
 * when one has a day or a month above 12, else from the user's choice (`--date-order`, the
 * sidebar's choice), else from the workbook's language (German: day first, English: month first) —
 * and say which they used.
 */
import type { DateOrder } from '../values/date-text.js';

export type { DateOrder } from '../values/date-text.js';

/** Where a column's order came from. */
export type DateOrderSource = 'data' | 'choice' | 'language';

export interface ColumnDateOrder {
  readonly order: DateOrder;
  readonly from: DateOrderSource;
}

/** The order a language reads ambiguous numeric dates in: German day first, English month first (as Excel in en-US does). */
export const languageOrder = (language: 'en' | 'de'): DateOrder => (language === 'de' ? 'dmy' : 'mdy');

/**
 * A column's order: its data's (`evidence`: `dmy`/`mdy`; `both` is a contradiction the caller
 * reports), else the choice, else the language's.
 */
export function decideDateOrder(evidence: DateOrder | 'both' | undefined, choice: DateOrder | undefined, language: 'en' | 'de'): ColumnDateOrder | 'both' {
  if (evidence === 'both') return 'both';
  if (evidence) return { order: evidence, from: 'data' };
  if (choice) return { order: choice, from: 'choice' };
  return { order: languageOrder(language), from: 'language' };
}

/** `day first` / `month first`, EN or DE. */
export function orderWords(order: DateOrder, language: 'en' | 'de' = 'en'): string {
  if (language === 'de') return order === 'dmy' ? 'Tag zuerst' : 'Monat zuerst';
  return order === 'dmy' ? 'day first' : 'month first';
}

/** Why, in words: `a day above 12 in the data`, `your choice`, `the language (English)`. */
export function sourceWords(from: DateOrderSource, language: 'en' | 'de', choiceName: string): string {
  switch (from) {
    case 'data': return 'the data (a day or month above 12)';
    case 'choice': return choiceName;
    case 'language': return `the language (${language === 'de' ? 'German' : 'English'})`;
  }
}
