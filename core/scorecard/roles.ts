/**
 * The column roles a manager can give (and detection proposes), with what each holds: its group in
 * the sidebar's role picker and the kind of values it has, which decides how a native formula may
 * read it. One table, complete by type: a new role is one line here (plus its label in
 * sidebar/i18n.ts and its header words in headers.ts, which the compiler asks for).
 */

/** How the sidebar groups the roles, in this order. */
export const ROLE_GROUPS = ['surveys', 'tickets', 'logs', 'calls', 'orders', 'monthly', 'lists', 'competitors'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

/**
 * What a role's cells hold: `date` (date-time cells), `number`, `score` (whole numbers 0–10),
 * `rating` (numbers 0…scale), `flag` (yes/no words, TRUE/FALSE, 1/0), `key` (ids, names: compared
 * as text), `text` (free text), `duration` (a duration per row: numbers in a unit the header, the
 * export's layout or the data decides — see plan/duration-units.ts —, time values, or duration text
 * such as 0:02:14 or 3h 20m).
 */
export type ValueKind = 'date' | 'number' | 'score' | 'rating' | 'flag' | 'key' | 'text' | 'duration';

interface RoleInfo {
  readonly group: RoleGroup;
  readonly kind: ValueKind;
}

const ROLE_TABLE = {
  // surveys
  surveyDate: { group: 'surveys', kind: 'date' },
  npsScore: { group: 'surveys', kind: 'score' },
  satisfaction: { group: 'surveys', kind: 'rating' },
  comment: { group: 'surveys', kind: 'text' },
  effortScore: { group: 'surveys', kind: 'rating' },
  /** When a survey was sent (one row per invitation, blank answers for non-responders): response rate. */
  surveySent: { group: 'surveys', kind: 'date' },
  // tickets
  ticketId: { group: 'tickets', kind: 'key' },
  ticketOpened: { group: 'tickets', kind: 'date' },
  firstResponse: { group: 'tickets', kind: 'date' },
  ticketResolved: { group: 'tickets', kind: 'date' },
  agent: { group: 'tickets', kind: 'key' },
  team: { group: 'tickets', kind: 'key' },
  channel: { group: 'tickets', kind: 'key' },
  customerId: { group: 'tickets', kind: 'key' },
  converted: { group: 'tickets', kind: 'flag' },
  firstContactResolved: { group: 'tickets', kind: 'flag' },
  reopened: { group: 'tickets', kind: 'flag' },
  complaint: { group: 'tickets', kind: 'flag' },
  // calls: one row per call, or one row per day or interval with counts and averages
  callDate: { group: 'calls', kind: 'date' },
  callWait: { group: 'calls', kind: 'duration' },
  callAnswered: { group: 'calls', kind: 'flag' },
  talkTime: { group: 'calls', kind: 'duration' },
  holdTime: { group: 'calls', kind: 'duration' },
  wrapTime: { group: 'calls', kind: 'duration' },
  handleTime: { group: 'calls', kind: 'duration' },
  callsOffered: { group: 'calls', kind: 'number' },
  callsAnswered: { group: 'calls', kind: 'number' },
  callsAbandoned: { group: 'calls', kind: 'number' },
  avgAnswerTime: { group: 'calls', kind: 'duration' },
  avgHandleTime: { group: 'calls', kind: 'duration' },
  serviceLevelShare: { group: 'calls', kind: 'number' },
  // tickets: what helpdesk exports carry instead of timestamp pairs
  firstResponseTime: { group: 'tickets', kind: 'duration' },
  resolutionTime: { group: 'tickets', kind: 'duration' },
  reopenCount: { group: 'tickets', kind: 'number' },
  slaMet: { group: 'tickets', kind: 'flag' },
  // status and message logs: one row per status change or message of a ticket (with ticketId)
  logTime: { group: 'logs', kind: 'date' },
  logStatus: { group: 'logs', kind: 'key' },
  logAuthor: { group: 'logs', kind: 'key' },
  // orders
  orderDate: { group: 'orders', kind: 'date' },
  orderAmount: { group: 'orders', kind: 'number' },
  orderProfit: { group: 'orders', kind: 'number' },
  unitsSold: { group: 'orders', kind: 'number' },
  unitsReturned: { group: 'orders', kind: 'number' },
  // monthly figures
  periodDate: { group: 'monthly', kind: 'date' },
  customersStart: { group: 'monthly', kind: 'number' },
  customersEnd: { group: 'monthly', kind: 'number' },
  customersNew: { group: 'monthly', kind: 'number' },
  customersLost: { group: 'monthly', kind: 'number' },
  headcountStart: { group: 'monthly', kind: 'number' },
  headcountEnd: { group: 'monthly', kind: 'number' },
  separations: { group: 'monthly', kind: 'number' },
  hires: { group: 'monthly', kind: 'number' },
  cashIn: { group: 'monthly', kind: 'number' },
  cashOut: { group: 'monthly', kind: 'number' },
  // lists: one row per customer or employee with a yes/no outcome (snapshots such as IBM's samples)
  churned: { group: 'lists', kind: 'flag' },
  employeeLeft: { group: 'lists', kind: 'flag' },
  // competitors
  competitorName: { group: 'competitors', kind: 'key' },
  competitorNps: { group: 'competitors', kind: 'number' },
  competitorCsat: { group: 'competitors', kind: 'number' },
  competitorResolution: { group: 'competitors', kind: 'number' },
} as const satisfies Record<string, RoleInfo>;

export type Role = keyof typeof ROLE_TABLE;

/** Every role, in the table's order (the sidebar's order within each group). */
export const ROLES = Object.keys(ROLE_TABLE) as [Role, ...Role[]];

/** The kind of values each role holds. */
export function roleKind(role: Role): ValueKind {
  return ROLE_TABLE[role].kind;
}

/** The roles of a group, in table order. */
export function rolesOf(group: RoleGroup): Role[] {
  return ROLES.filter((r) => ROLE_TABLE[r].group === group);
}
