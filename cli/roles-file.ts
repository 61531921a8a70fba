/**
 * --roles FILE.json: which column holds which role, when detection guesses wrong or misses one.
 *
 *   {
 *     "detect": true,
 *     "roles": [
 *       { "sheet": "Survey",  "column": "Score",   "role": "npsScore" },
 *       { "sheet": "Tickets", "column": "C",       "role": "firstResponse" },
 *       { "sheet": "Tickets", "column": "Priority", "role": null }
 *     ]
 *   }
 *
 * A status log's statuses may be listed too (else they are found from their names):
 *
 *   { "roles": [ … ], "pauseStatuses": ["pending", "on-hold"], "resolvedStatuses": "solved, closed" }
 *
 * `column` is a header text (case and surrounding spaces ignored), a column letter or a 1-based
 * column number. `role: null` takes every detected role away from a column. With `"detect": false`
 * only the file's roles are used. A bare array is the same as `{ "roles": [...] }`. A column may
 * be listed with several roles. Each listed role replaces what detection gave that role on that
 * sheet, and what it gave that column when the two cannot share it (see applyRoles).
 */
import * as z from 'zod';
import { columnLetters } from '../core/scorecard/formula.js';
import { availableKpis, SCORECARD_KPIS } from '../core/scorecard/kpis.js';
import { roleKind } from '../core/scorecard/roles.js';
import { quote, quoteList } from '../core/safe-text.js';
import { ROLES } from '../core/scorecard/types.js';
import type { Role, RoleAssignment, SheetOutline, WorkbookOutline } from '../core/scorecard/types.js';
import { inputError } from './errors.js';
import { closest, issueText, readJsonFile } from './json-file.js';

z.config({ jitless: true });

const entrySchema = z.strictObject({
  sheet: z.string({ error: 'must be a sheet name' }).min(1, { error: 'must be a sheet name' }),
  column: z.union([z.string().min(1), z.number().int().min(1)], { error: 'must be a header text, a column letter or a column number' }),
  role: z.string({ error: 'must be a role name or null' }).nullable(),
});

const listSchema = z.array(entrySchema, { error: 'must be a list of { "sheet": …, "column": …, "role": … }' });
const statusesSchema = z.union([
  z.array(z.string().trim().min(1).max(80)).max(50),
  z.string(),
], { error: 'must be a list of status names or one text with commas' });
const fileSchema = z.strictObject({
  detect: z.boolean({ error: 'must be true or false' }).optional(),
  roles: listSchema,
  pauseStatuses: statusesSchema.optional(),
  resolvedStatuses: statusesSchema.optional(),
});

export interface RoleOverride {
  readonly sheet: string;
  readonly column: string | number;
  readonly role: Role | null;
}

export interface RolesFile {
  readonly detect: boolean;
  readonly roles: readonly RoleOverride[];
  /** A status log's statuses that stop the SLA clock / mean resolved; absent: found from the names. */
  readonly pauseStatuses?: readonly string[];
  readonly resolvedStatuses?: readonly string[];
}

/** A status list as the file gives it: a list, or one text with commas. */
function statusList(x: string | readonly string[] | undefined): readonly string[] | undefined {
  if (x === undefined) return undefined;
  return (typeof x === 'string' ? x.split(/[,;]/) : x).map((s) => s.trim()).filter((s) => s !== '');
}

/** Validates the parsed JSON of a roles file (exported for tests). */
export function parseRoles(raw: unknown, file: string): RolesFile {
  let data: { detect?: boolean; roles: z.infer<typeof listSchema>; pauseStatuses?: string | string[]; resolvedStatuses?: string | string[] };
  if (Array.isArray(raw)) {
    const list = listSchema.safeParse(raw);
    if (!list.success) throw inputError(issueText(file, list.error.issues));
    data = { roles: list.data };
  } else if (typeof raw === 'object' && raw !== null) {
    const parsed = fileSchema.safeParse(raw);
    if (!parsed.success) throw inputError(issueText(file, parsed.error.issues));
    data = parsed.data;
  } else {
    throw inputError(`${file}: must be { "roles": [ { "sheet": …, "column": …, "role": … } ] }`);
  }
  const roles: RoleOverride[] = data.roles.map((e, i) => {
    if (e.role !== null && !(ROLES as readonly string[]).includes(e.role)) {
      const guess = closest(e.role, ROLES);
      throw inputError(`${file}: "roles[${i}].role": ${quote(e.role)} is not a role${guess ? ` (did you mean "${guess}"?)` : ''}; the roles are listed in docs/cli.md`);
    }
    return { sheet: e.sheet, column: e.column, role: e.role as Role | null };
  });
  const pauseStatuses = statusList(data.pauseStatuses);
  const resolvedStatuses = statusList(data.resolvedStatuses);
  if (resolvedStatuses !== undefined && resolvedStatuses.length === 0) throw inputError(`${file}: "resolvedStatuses" lists no status; give at least one, such as "solved, closed"`);
  return {
    detect: data.detect !== false, roles,
    ...(pauseStatuses !== undefined ? { pauseStatuses } : {}),
    ...(resolvedStatuses !== undefined ? { resolvedStatuses } : {}),
  };
}

export async function readRolesFile(file: string): Promise<RolesFile> {
  return parseRoles(await readJsonFile(file), file);
}

const norm = (s: string): string => s.trim().toLocaleLowerCase('en');

/** The sheet column (1-based) a file entry names, within the sheet's table. */
function columnOf(sheet: SheetOutline, column: string | number, where: string): number {
  const last = sheet.firstCol + sheet.headers.length - 1;
  if (typeof column === 'number') {
    if (column < sheet.firstCol || column > last) {
      throw inputError(`${where}: column ${column} is outside the table of sheet ${quote(sheet.name)} (columns ${sheet.firstCol}–${last})`);
    }
    return column;
  }
  const byHeader = sheet.headers.findIndex((h) => norm(h) === norm(column));
  if (byHeader >= 0) return sheet.firstCol + byHeader;
  if (/^[A-Za-z]{1,3}$/.test(column.trim())) {
    let n = 0;
    for (const ch of column.trim().toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    if (n >= sheet.firstCol && n <= last) return n;
    throw inputError(`${where}: column ${column.trim().toUpperCase()} is outside the table of sheet ${quote(sheet.name)} (${columnLetters(sheet.firstCol)}–${columnLetters(last)})`);
  }
  const guess = closest(column, sheet.headers.filter((h) => h !== ''));
  throw inputError(`${where}: sheet ${quote(sheet.name)} has no column ${quote(column)}${guess ? ` (did you mean ${quote(guess)}?)` : ''}; its headers are ${quoteList(sheet.headers.filter((h) => h !== ''))}`);
}

/** Two roles one KPI variant reads together: one column cannot be both (resolved = opened gives 0 hours). */
function usedTogether(a: Role, b: Role): string | undefined {
  for (const k of SCORECARD_KPIS) {
    const roles = [...k.variant.needs, ...(k.variant.optional ?? [])];
    if (roles.includes(a) && roles.includes(b)) return k.info.name.en;
  }
  return undefined;
}

/** Why two roles cannot share a column, or undefined when they can (a survey date that is also the ticket date). */
function clash(a: Role, b: Role): string | undefined {
  if (a === b) return undefined;
  const ka = roleKind(a), kb = roleKind(b);
  if (ka !== kb) return `a column cannot hold both ${KIND_WORDS[ka]} (${a}) and ${KIND_WORDS[kb]} (${b})`;
  const kpi = usedTogether(a, b);
  return kpi ? `${kpi} needs ${a} and ${b} in different columns` : undefined;
}

const KIND_WORDS: Readonly<Record<ReturnType<typeof roleKind>, string>> = {
  date: 'dates', number: 'numbers', score: 'scores 0–10', rating: 'ratings', flag: 'yes/no values', key: 'ids or names', text: 'free text', duration: 'durations',
};

export interface AppliedRoles {
  readonly roles: RoleAssignment[];
  /** What the file's choices took away from detection, when that costs KPIs. */
  readonly notes: string[];
}

/**
 * Detected roles with the file's choices applied (the file's roles count as the manager's). A
 * column may hold several roles (a date that is both the survey date and the ticket date); the
 * file's role replaces what detection gave that role on that sheet, and detection's roles of the
 * same column that cannot share it. Two roles of the file that cannot share a column are an error
 * saying why; detected roles the file takes away are named in a note when KPIs are lost with them.
 */
export function applyRoles(detected: readonly RoleAssignment[], file: RolesFile, outline: WorkbookOutline, fileName: string): AppliedRoles {
  const byName = new Map(outline.sheets.map((s) => [norm(s.name), s]));
  const chosen: RoleAssignment[] = [];
  const cleared = new Set<string>();
  const takenRoles = new Set<string>();
  file.roles.forEach((o, i) => {
    const where = `${fileName}: roles[${i}]`;
    const sheet = byName.get(norm(o.sheet));
    if (!sheet) {
      const names = outline.sheets.map((s) => s.name);
      const guess = closest(o.sheet, names);
      throw inputError(`${where}: no sheet with a data table is named ${quote(o.sheet)}${guess ? ` (did you mean ${quote(guess)}?)` : ''}; the sheets are ${quoteList(names)}`);
    }
    const column = columnOf(sheet, o.column, where);
    if (o.role === null) {
      cleared.add(`${sheet.name}\u0000${column}`);
      return;
    }
    const key = `${sheet.name}\u0000${o.role}`;
    if (takenRoles.has(key)) throw inputError(`${where}: the role ${o.role} is given twice on sheet ${quote(sheet.name)}`);
    takenRoles.add(key);
    for (const other of chosen) {
      if (other.sheet !== sheet.name || other.column !== column) continue;
      const why = clash(other.role, o.role);
      if (why) throw inputError(`${where}: ${o.role} and ${other.role} are both given column ${columnLetters(column)} ("${other.header}") of sheet "${sheet.name}"; ${why}`);
    }
    chosen.push({
      role: o.role, sheet: sheet.name, column, header: sheet.headers[column - sheet.firstCol] ?? '',
      confidence: 1, source: 'manager',
    });
  });
  const dropped: RoleAssignment[] = [];
  const kept = file.detect
    ? detected.filter((a) => {
      if (cleared.has(`${a.sheet}\u0000${a.column}`) || takenRoles.has(`${a.sheet}\u0000${a.role}`)) return false;
      const conflict = chosen.some((c) => c.sheet === a.sheet && c.column === a.column && clash(c.role, a.role) !== undefined);
      if (conflict) dropped.push(a);
      return !conflict;
    })
    : [];
  const order = new Map(outline.sheets.map((s, i) => [s.name, i]));
  const roles = [...kept, ...chosen].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.column - b.column);
  const notes: string[] = [];
  if (dropped.length > 0) {
    const before = new Set(availableKpis(detected).available.map((k) => k.id));
    const lost = availableKpis(roles).missing.filter((m) => before.has(m.info.id) && m.missing.some((r) => dropped.some((d) => d.role === r)));
    if (lost.length > 0) {
      const what = dropped.map((d) => `${d.role} (detected on ${d.sheet}!${d.header || columnLetters(d.column)})`).join(', ');
      notes.push(`${fileName} gives ${[...new Set(dropped.map((d) => `${d.sheet}!${d.header || columnLetters(d.column)}`))].join(', ')} another role, which takes away ${what}; so ${lost.map((m) => m.info.name.en).join(', ')} ${lost.length === 1 ? 'is' : 'are'} no longer computed. Give ${[...new Set(dropped.map((d) => d.role))].join(', ')} a column in the roles file to keep ${lost.length === 1 ? 'it' : 'them'}.`);
    }
  }
  return { roles, notes };
}
