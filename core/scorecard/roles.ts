/**
 * The column roles a manager can give (and detection proposes), with what each holds: its group in
 * the sidebar's role picker and the kind of values it has, which decides how a native formula may
 * read it. One table, complete by type: a new role is one line here (plus its label in
 * sidebar/i18n.ts and its header words in headers.ts, which the compiler asks for).
 */

/** How the sidebar groups the roles, in this order. */
export const ROLE_GROUPS = ['surveys', 'tickets', 'logs', 'orders', 'monthly', 'competitors'] as const;
export type RoleGroup = (typeof ROLE_GROUPS)[number];

/**
 * What a role's cells hold: `date` (date-time cells), `number`, `score` (whole numbers 0–10),
 * `rating` (numbers 0…scale), `flag` (yes/no words, TRUE/FALSE, 1/0), `key` (ids, names: compared
 * as text), `text` (free text).
 */
export type ValueKind = 'date' | 'number' | 'score' | 'rating' | 'flag' | 'key' | 'text';

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
