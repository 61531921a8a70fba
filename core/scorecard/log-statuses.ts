/**
 * What a status log's statuses mean, from their names (English and German): which ones are
 * resolved, which ones stop the SLA clock (the ticket waits for the customer or a third party) and
 * which ones the customer waits through (Zendesk's requester wait: new, open, on-hold). The manager
 * may list the pause and resolved statuses instead (sidebar, --pause-statuses, roles file).
 *
 * Status codes without names get names from a known layout (ServiceNow's incident state 1–8 in
 * sys_audit); codes no layout names (the 4TU helpdesk log's activity numbers) take as resolved the
 * status most tickets end in, and the scorecard says so.
 */
import { labelKey } from '../kpis/log-words.js';

export type StatusSource = 'names' | 'codes' | 'ending' | 'manager' | 'none';

export interface StatusLists {
  /** Statuses that mean resolved (the log's own spellings). */
  readonly resolved: readonly string[];
  /** Statuses that stop the SLA clock. */
  readonly pause: readonly string[];
  /** Statuses the customer waits through: neither resolved nor waiting for the customer. */
  readonly waiting: readonly string[];
  /** How each list was found. */
  readonly resolvedFrom: StatusSource;
  readonly pauseFrom: StatusSource;
  /** Names given to status codes, when a known layout has them ("6" → "Resolved"). */
  readonly codeNames?: Readonly<Record<string, string>>;
}

const RESOLVED = /\b(solved|resolved|closed|done|completed?|fixed|finished|gelöst|geloest|geschlossen|erledigt|abgeschlossen|behoben|fertig)\b/;
/** Waiting for the customer: the clock stops and the customer is not waiting. */
const CUSTOMER_WAIT = new RegExp([
  String.raw`\b(pending|snoozed)\b`,
  String.raw`\b(wait(ing)?|await(ing)?)\b.*\b(customer|user|requester|reporter|caller|client|info(rmation)?|response|reply|feedback)\b`,
  String.raw`\bcustomer (response|reply|action)\b`,
  String.raw`\bwarte[nt]?\b.*\b(kunde[n]?|kundin|anfragende[nr]?|rückmeldung|antwort|info(rmation(en)?)?)\b`,
  String.raw`\b(rückfrage|kundenrückmeldung|kundenantwort)\b`,
].join('|'));
/** On hold for a third party: the clock stops but the customer still waits (Zendesk's on-hold). */
const HOLD = new RegExp([
  String.raw`\bhold\b`,
  String.raw`\b(wait(ing)?|await(ing)?)\b.*\b(third party|vendor|supplier|partner|external|problem|change|evidence|parts)\b`,
  String.raw`\bwarte[nt]?\b.*\b(dritte[n]?|lieferant(en)?|extern\w*|hersteller)\b`,
  String.raw`\b(zurückgestellt|pausiert|angehalten|in wartestellung)\b`,
].join('|'));
const CANCELLED = /\b(cancel+ed|canceled|withdrawn|rejected|storniert|abgebrochen|zurückgezogen|abgelehnt)\b/;

export const isResolvedName = (name: string): boolean => {
  const k = labelKey(name);
  return RESOLVED.test(k) && !/\b(un|not|nicht)\b/.test(k);
};
export const isCustomerWait = (name: string): boolean => CUSTOMER_WAIT.test(labelKey(name));
export const isHold = (name: string): boolean => !isCustomerWait(name) && HOLD.test(labelKey(name));
export const isPauseName = (name: string): boolean => isCustomerWait(name) || isHold(name);

/**
 * ServiceNow's incident state codes (sys_audit's newvalue, the state field of exports with values
 * as stored): 1 New, 2 In Progress, 3 On Hold, 6 Resolved, 7 Closed, 8 Canceled.
 */
const SERVICENOW_STATES: Readonly<Record<string, string>> = { 1: 'New', 2: 'In Progress', 3: 'On Hold', 6: 'Resolved', 7: 'Closed', 8: 'Canceled' };

/** Names for status codes when every status is one of a known layout's codes and the header fits it. */
function codeNamesOf(statuses: readonly string[], header: string): Readonly<Record<string, string>> | undefined {
  if (statuses.length === 0 || !statuses.every((s) => /^\d+$/.test(s.trim()))) return undefined;
  const h = header.toLowerCase().replace(/[^a-z]/g, '');
  if (!['newvalue', 'state', 'incidentstate', 'value'].includes(h)) return undefined;
  return statuses.every((s) => SERVICENOW_STATES[s.trim()] !== undefined) ? SERVICENOW_STATES : undefined;
}

export interface StatusInput {
  /** The log's distinct statuses, in order of first appearance (first spelling of each labelKey). */
  readonly statuses: readonly string[];
  /** Per status (same order): how many tickets end in it (their last row). */
  readonly endings: readonly number[];
  /** The status column's header (says which layout's codes it holds). */
  readonly header: string;
  /** The manager's lists; undefined: found from the names. */
  readonly pause?: readonly string[];
  readonly resolved?: readonly string[];
}

/** The lists for a log's statuses. */
export function statusLists(input: StatusInput): StatusLists {
  const { statuses, endings } = input;
  const codes = codeNamesOf(statuses, input.header);
  const nameOf = (s: string): string => (codes ? codes[s.trim()] : s);
  const inList = (list: readonly string[]) => {
    const keys = new Set(list.map(labelKey));
    return (s: string): boolean => keys.has(labelKey(s));
  };

  let resolved: string[];
  let resolvedFrom: StatusSource;
  if (input.resolved !== undefined) {
    resolved = [...input.resolved];
    resolvedFrom = 'manager';
  } else {
    resolved = statuses.filter((s) => isResolvedName(nameOf(s)));
    resolvedFrom = resolved.length > 0 ? (codes ? 'codes' : 'names') : 'none';
    if (resolved.length === 0 && statuses.length > 0 && statuses.every((s) => /^\d+$/.test(s.trim()))) {
      // Codes without names: the status at least half of the tickets end in.
      const total = endings.reduce((a, b) => a + b, 0);
      let best = -1;
      endings.forEach((n, i) => { if (best < 0 || n > endings[best]) best = i; });
      if (best >= 0 && total > 0 && endings[best] * 2 >= total) {
        resolved = [statuses[best]];
        resolvedFrom = 'ending';
      }
    }
  }
  const isResolved = inList(resolved);

  let pause: string[];
  let pauseFrom: StatusSource;
  if (input.pause !== undefined) {
    pause = [...input.pause];
    pauseFrom = 'manager';
  } else {
    pause = statuses.filter((s) => !isResolved(s) && isPauseName(nameOf(s)));
    pauseFrom = pause.length > 0 ? (codes ? 'codes' : 'names') : 'none';
  }
  const isPause = inList(pause);
  // The customer waits in every status but resolved ones and pauses waiting for the customer
  // (a hold for a third party keeps the customer waiting, as Zendesk's requester wait counts on-hold).
  const waiting = statuses.filter((s) => !isResolved(s) && !(isPause(s) && !isHold(nameOf(s))) && !CANCELLED.test(labelKey(nameOf(s))));
  return { resolved, pause, waiting, resolvedFrom, pauseFrom, ...(codes ? { codeNames: codes } : {}) };
}

/** A status list as the catalog's text argument: "solved, closed". */
export function listText(list: readonly string[]): string {
  return list.map((s) => s.trim()).join(', ');
}
