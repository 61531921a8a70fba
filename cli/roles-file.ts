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
 * `column` is a header text (case and surrounding spaces ignored), a column letter or a 1-based
 * column number. `role: null` takes a detected role away from a column. With `"detect": false`
 * only the file's roles are used. A bare array is the same as `{ "roles": [...] }`. Each listed
 * role replaces what detection gave that role on that sheet, and what it gave that column.
 */
import * as z from 'zod';
import { columnLetters } from '../core/scorecard/formula.js';
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
const fileSchema = z.strictObject({ detect: z.boolean({ error: 'must be true or false' }).optional(), roles: listSchema });

export interface RoleOverride {
  readonly sheet: string;
  readonly column: string | number;
  readonly role: Role | null;
}

export interface RolesFile {
  readonly detect: boolean;
  readonly roles: readonly RoleOverride[];
}

/** Validates the parsed JSON of a roles file (exported for tests). */
export function parseRoles(raw: unknown, file: string): RolesFile {
  let data: { detect?: boolean; roles: z.infer<typeof listSchema> };
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
  return { detect: data.detect !== false, roles };
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

/** Detected roles with the file's choices applied (the file's roles count as the manager's). */
export function applyRoles(detected: readonly RoleAssignment[], file: RolesFile, outline: WorkbookOutline, fileName: string): RoleAssignment[] {
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
    cleared.add(`${sheet.name}\u0000${column}`);
    if (o.role === null) return;
    const key = `${sheet.name}\u0000${o.role}`;
    if (takenRoles.has(key)) throw inputError(`${where}: the role ${o.role} is given twice on sheet ${quote(sheet.name)}`);
    takenRoles.add(key);
    chosen.push({
      role: o.role, sheet: sheet.name, column, header: sheet.headers[column - sheet.firstCol] ?? '',
      confidence: 1, source: 'manager',
    });
  });
  const kept = file.detect
    ? detected.filter((a) => !cleared.has(`${a.sheet}\u0000${a.column}`) && !takenRoles.has(`${a.sheet}\u0000${a.role}`))
    : [];
  const order = new Map(outline.sheets.map((s, i) => [s.name, i]));
  return [...kept, ...chosen].sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || a.column - b.column);
}
