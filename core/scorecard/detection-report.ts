/**
 * What was found, for people: every sheet, its columns with their roles, confidence and evidence
 * (header, values, layout), the day/month order of each column of date text and where it came
 * from, the KPIs that follow and, for the others, the column each still needs. One plain-data
 * report for `service-kpi detect`, the `detected` object of --json, the HTML report's appendix and
 * the sidebar; it writes and changes nothing.
 */
import { CELL_TEXT } from './columns.js';
import { columnLetters } from './formula.js';
import { decideDateOrder, orderWords } from './date-order.js';
import type { DateOrder, DateOrderSource } from './date-order.js';
import type { Detection } from './detect.js';
import { bindKpis } from './kpis.js';
import { ROLE_GROUPS, roleKind, rolesOf } from './roles.js';
import type { RoleGroup } from './roles.js';
import type { Role, RoleAssignment, WorkbookData, WorkbookOutline } from './types.js';
import { profileColumn } from '../values/profile.js';
import { quote } from '../safe-text.js';

export interface ReportRole {
  readonly role: Role;
  readonly confidence: number;
  /** `detected`, or `given` (a roles file, the manager's choice). */
  readonly source: 'detected' | 'given';
  readonly evidence: { readonly header: string; readonly values: string; readonly layout?: string };
}

export interface ReportDateOrder {
  readonly order: DateOrder | 'both';
  /** `data` (a day or month above 12), `choice` (--date-order, the sidebar), `language`. */
  readonly from: DateOrderSource | 'data';
  /** Cells of the column that need the order (numeric day/month text). */
  readonly cells: number;
  /** A cell that decided, or one that was read, as written. */
  readonly example?: string;
}

export interface ReportColumn {
  readonly letter: string;
  readonly column: number;
  readonly header: string;
  readonly values: string;
  readonly roles: readonly ReportRole[];
  readonly dateOrder?: ReportDateOrder;
  /** Why it has no role, when the recognised layout lists it without one. */
  readonly none?: string;
}

export interface ReportSheet {
  readonly name: string;
  readonly headerRow: number;
  readonly headerRows: number;
  readonly footerRows: number;
  readonly rows: number;
  readonly kind: string | null;
  readonly shape: 'table' | 'log';
  readonly layout: { readonly id: string; readonly name: string; readonly found: number } | null;
  readonly columns: readonly ReportColumn[];
}

export interface ReportKpi {
  readonly id: string;
  readonly name: string;
  /** The catalog function it runs. */
  readonly function: string;
  /** `Sheet!Header` of each role it reads. */
  readonly columns: Readonly<Partial<Record<Role, string>>>;
  /** The date role whose periods it follows, or null: one value over all rows. */
  readonly periods: Role | null;
}

export interface ReportMissing {
  readonly id: string;
  readonly name: string;
  /** The roles its closest variant still needs. */
  readonly needs: readonly Role[];
}

export interface DetectionReport {
  readonly sheets: readonly ReportSheet[];
  readonly kpis: readonly ReportKpi[];
  readonly missing: readonly ReportMissing[];
  /** Sheets with no data table. */
  readonly skipped: readonly string[];
}

/** A column's order as the reader decided it (the CLI's CSV reader reads date text itself). */
export interface ReadDateOrder {
  readonly sheet: string;
  readonly column: number;
  readonly order: DateOrder;
  readonly from: DateOrderSource;
  readonly cells: number;
  readonly example: string;
}

export interface ReportInput {
  readonly outline: WorkbookOutline;
  readonly detection: Detection;
  /** The roles in use: detection's, or with a roles file / the manager's choices applied. */
  readonly roles: readonly RoleAssignment[];
  /** The data, to decide the date order of each date column over all its cells. */
  readonly data?: WorkbookData;
  /** Orders a reader already decided (and so converted its cells to dates). */
  readonly read?: readonly ReadDateOrder[];
  readonly dateOrder?: DateOrder;
  readonly language: 'en' | 'de';
}

export function detectionReport(input: ReportInput): DetectionReport {
  const { outline, detection, roles } = input;
  const sheets = detection.sheets.map((s): ReportSheet => {
    const o = outline.sheets.find((x) => x.name === s.name);
    return {
      name: s.name,
      headerRow: s.headerRow,
      headerRows: o?.headerRows ?? 1,
      footerRows: o?.footerRows ?? 0,
      rows: s.rowCount,
      kind: s.kind ?? null,
      shape: s.shape,
      layout: s.layout ?? null,
      columns: s.columns.map((c): ReportColumn => {
        const here = roles.filter((r) => r.sheet === s.name && r.column === c.column);
        const reportRoles = here.map((r): ReportRole => {
          const found = c.roles.find((e) => e.role === r.role);
          if (r.source === 'detected' && found) {
            return { role: r.role, confidence: r.confidence, source: 'detected', evidence: { header: found.header, values: found.values, ...(found.layout ? { layout: found.layout } : {}) } };
          }
          return { role: r.role, confidence: r.confidence, source: 'given', evidence: { header: `given for ${quote(c.header)}`, values: c.values } };
        });
        const order = dateOrderOf(input, s.name, c.column, here);
        return {
          letter: columnLetters(c.column), column: c.column, header: c.header, values: c.values, roles: reportRoles,
          ...(order ? { dateOrder: order } : {}), ...(c.none && reportRoles.length === 0 ? { none: c.none } : {}),
        };
      }),
    };
  });

  const { bound, missing } = bindKpis(roles);
  const kpis = bound.map((b): ReportKpi => {
    const columns: Partial<Record<Role, string>> = {};
    for (const [role, a] of b.columns) columns[role] = `${a.sheet}!${a.header || columnLetters(a.column)}`;
    const v = b.kpi.variant;
    return { id: b.kpi.info.id, name: b.kpi.info.name.en, function: v.fn, columns, periods: 'dates' in v ? v.dates : null };
  });
  const named = new Set(outline.sheets.map((s) => s.name));
  return {
    sheets,
    kpis,
    missing: missing.map((m) => ({ id: m.kpi.info.id, name: m.kpi.info.name.en, needs: [...m.missing] })),
    skipped: outline.sheetNames.filter((n) => !named.has(n)),
  };
}

/** The order of a date column's text: as the reader read it, or decided here over the column's cells. */
function dateOrderOf(input: ReportInput, sheet: string, column: number, roles: readonly RoleAssignment[]): ReportDateOrder | undefined {
  const read = input.read?.find((r) => r.sheet === sheet && r.column === column);
  if (read) return { order: read.order, from: read.from, cells: read.cells, example: read.example };
  if (!roles.some((r) => roleKind(r.role) === 'date')) return undefined;
  const data = input.data?.sheets.find((s) => s.name === sheet);
  const outlined = input.outline.sheets.find((s) => s.name === sheet);
  if (!data || !outlined) return undefined;
  const cells: unknown[] = [];
  const c = column - data.originCol;
  const from = outlined.headerRow + 1 - data.originRow;
  if (data.columns) {
    // Held by column: only its text cells can be date text (no row is made).
    const col = data.columns.column(c);
    if (col?.texts) for (let r = Math.max(0, from); r < data.columns.length; r++) if (col.kinds[r] === CELL_TEXT) cells.push(col.texts[r]);
  } else for (let r = from; r < data.values.length; r++) cells.push(data.values[r]?.[c] ?? null);
  const p = profileColumn(cells);
  if (p.orderDependentDates === 0) return undefined;
  const d = decideDateOrder(p.dateOrder, input.dateOrder, input.language);
  if (d === 'both') return { order: 'both', from: 'data', cells: p.orderDependentDates };
  return { order: d.order, from: d.from, cells: p.orderDependentDates };
}

// ---------------------------------------------------------------- what is missing, by family

const roleGroupOf = (r: Role): RoleGroup => ROLE_GROUPS.find((g) => rolesOf(g).includes(r)) ?? 'tickets';

/**
 * Per family of KPIs (surveys, tickets, logs, calls, orders, monthly figures, lists, competitors: the group of
 * the first column a KPI lacks), the KPI closest to being computed and the columns it still needs:
 * what a "no KPI" message names.
 */
export function missingByFamily(missing: readonly ReportMissing[]): { family: RoleGroup; kpi: string; needs: readonly Role[] }[] {
  const out: { family: RoleGroup; kpi: string; needs: readonly Role[] }[] = [];
  for (const g of ROLE_GROUPS) {
    let best: ReportMissing | undefined;
    for (const m of missing) {
      if (m.needs.length === 0 || roleGroupOf(m.needs[0]) !== g) continue;
      if (!best || m.needs.length < best.needs.length) best = m;
    }
    if (best) out.push({ family: g, kpi: best.name, needs: best.needs });
  }
  return out;
}

/** `day first, from the data (29/03/2012 on line 7)`. */
export function dateOrderText(d: ReportDateOrder): string {
  if (d.order === 'both') return `dates: ${d.cells} show both day-first and month-first dates: they cannot be read (write ISO dates such as 2026-03-01)`;
  const why = d.from === 'data' ? 'from the data (a day or month above 12)' : d.from === 'choice' ? 'as chosen' : `from the language, as nothing in the column decides it (choose ${d.order === 'dmy' ? 'month first (--date-order mdy)' : 'day first (--date-order dmy)'} if that is wrong)`;
  return `dates: ${d.cells} read ${orderWords(d.order)}, ${why}${d.example ? `; e.g. ${d.example}` : ''}`;
}
