/**
 * Text from the user's data (headers, agent names, terms, sheet names) is written as text, never as
 * a formula. A host that parses what it writes (Sheets `setValues`, Excel `range.values`, a CSV
 * consumer) reads text starting with `=`, `+`, `-` or `@` as a formula — also after leading
 * spaces, tabs or line breaks — so such text gets a leading apostrophe, the spreadsheet's own
 * "this is text" mark (the apostrophe is not shown in the cell). This is the OWASP CSV-injection
 * rule; it also keeps `-1+2` from turning into 1.
 */

const FORMULA_START = /^[ \t\r\n]*[=+\-@]/;

/** True when a host would read `text` as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** `text` as it is safe to write into a cell: with a leading apostrophe when it looks like a formula. */
export function neutralise(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
