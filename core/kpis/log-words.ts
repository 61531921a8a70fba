/**
 * The words of status and message logs as plain data (no readers): how status and author names
 * are compared, and which author words mean customer, agent or a skipped row. The log functions
 * and the scorecard's log detection both use them (the sidebar bundle takes this file alone).
 */

/**
 * A status or author name as compared: trimmed, lower case, runs of spaces, hyphens and
 * underscores as one space ("on-hold" = "on hold" = "On_Hold"), and "hold" the same as "on hold".
 */
export function labelKey(text: string): string {
  const k = text.trim().toLowerCase().replace(/[\s\-_]+/g, ' ');
  return k === 'hold' ? 'on hold' : k;
}

export const CUSTOMER = 0;
export const AGENT = 1;
/** Internal notes and automation: not a message to or from the customer. */
export const SKIPPED = 2;

export const AUTHOR_WORDS: ReadonlyMap<string, number> = new Map([
  ...['customer', 'end user', 'requester', 'user', 'lead', 'contact', 'visitor', 'kunde', 'kundin', 'anfragender', 'anfragende'].map((w) => [w, CUSTOMER] as const),
  ...['agent', 'admin', 'operator', 'teammate', 'staff', 'support', 'mitarbeiter', 'mitarbeiterin', 'bearbeiter', 'bearbeiterin'].map((w) => [w, AGENT] as const),
  ...['internal', 'note', 'intern', 'notiz', 'bot', 'system', 'automation', 'trigger'].map((w) => [w, SKIPPED] as const),
]);

/** CUSTOMER, AGENT or SKIPPED for an author word; undefined for any other text. */
export function authorOf(text: string): number | undefined {
  return AUTHOR_WORDS.get(labelKey(text));
}
