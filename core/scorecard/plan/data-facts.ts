/**
 * What the plan knows about the workbook's data, read once per range: the ranges of the roles,
 * their numbers as the core reads them, whether native formulas read a column as the core does,
 * the periods of a date column, the days that pick a stock's first and last number in a period,
 * and the facts a KPI definition asks for (the CSAT scale).
 */
import { contextFor } from '../../call.js';
import { ticketRows } from '../../kpis/per-ticket.js';
import { labelKey } from '../../kpis/log-words.js';
import { toGrid } from '../../values/grid.js';
import { statusLists } from '../log-statuses.js';
import type { StatusLists } from '../log-statuses.js';
import { groupByPeriod } from '../../values/periods.js';
import { profileColumn } from '../../values/profile.js';
import type { ColumnProfile } from '../../values/profile.js';
import type { InputUnit } from '../../values/duration-values.js';
import { readDates, readNumbers } from '../../values/read.js';
import { DEFAULT_FACTS, unitOf } from '../definition.js';
import type { AnyVariant, KpiFacts } from '../definition.js';
import type { EvalEnv } from '../evaluate.js';
import { sheetCell } from '../formula.js';
import { firstUnnamedFlag, firstUnreadable, flagCriteria, periodBounds } from '../portable.js';
import type { FlagCriteria, NativeKind, PeriodBounds } from '../portable.js';
import { roleKind } from '../roles.js';
import type { Role, ValueKind } from '../roles.js';
import type { Dialect, PeriodName, RangeRef, RoleAssignment, ScorecardOptions, WorkbookOutline } from '../types.js';
import { durationUnit } from './duration-units.js';
import { dataRange } from './layout.js';
import { sliceFirstUnreadable, sliceFlagCriteria, sliceNumbers } from './column-facts.js';
import { exampleText, unreadableKind } from './unreadable.js';
import type { UnreadableColumn } from './unreadable.js';

export interface Period {
  readonly label: string;
  readonly bounds: PeriodBounds;
  /** Indices into the date range's rows. */
  readonly rows: readonly number[];
}

const NATIVE_KIND: Readonly<Record<ValueKind, NativeKind | 'flag' | 'duration' | undefined>> = {
  date: 'date', number: 'number', score: 'answer', rating: 'answer', flag: 'flag', key: undefined, text: undefined, duration: 'duration',
};

export class DataFacts {
  private readonly readable = new Map<string, { row: number; value: unknown } | undefined>();
  private readonly flagCache = new Map<string, FlagCriteria | undefined>();
  private readonly numberCache = new Map<string, Float64Array | undefined>();
  private readonly profileCache = new Map<string, ColumnProfile>();
  private readonly periodCache = new Map<string, readonly Period[]>();

  private readonly statusCache = new Map<string, StatusLists | undefined>();

  constructor(
    private readonly env: EvalEnv, private readonly outline: WorkbookOutline, private readonly dialect: Dialect, private readonly period: PeriodName,
    private readonly options: Pick<ScorecardOptions, 'pauseStatuses' | 'resolvedStatuses'> = {},
  ) {}

  /** The range a role's column covers in this dialect, or undefined when its sheet has no table. */
  /**
   * The data range of a role's column; undefined when its sheet has no data table or the column
   * lies outside the table (a request names only columns the outline showed; anything else is
   * forged or stale and is never turned into a formula).
   */
  rangeOf(a: RoleAssignment): RangeRef | undefined {
    const sheet = this.outline.sheets.find((s) => s.name === a.sheet);
    if (!sheet || a.column < sheet.firstCol || a.column >= sheet.firstCol + sheet.headers.length) return undefined;
    return dataRange(sheet, a.column, this.dialect);
  }

  /** The header of a range's column on its sheet ("" when none). */
  headerOf(ref: RangeRef): string {
    const sheet = this.outline.sheets.find((s) => s.name === ref.sheet);
    return sheet?.headers[ref.firstCol - sheet.firstCol] ?? '';
  }

  raw(ref: RangeRef): readonly (readonly unknown[])[] {
    return this.env.range(ref).raw;
  }

  /** Rows of a range. */
  rowCount(ref: RangeRef): number {
    return this.env.range(ref).rows;
  }

  private key(ref: RangeRef): string {
    return this.env.range(ref).key;
  }

  /** True when native formulas read every cell of the range as the core does. */
  nativeOk(ref: RangeRef, kind: NativeKind): boolean {
    return this.unreadable(ref, kind) === undefined;
  }

  /** The first cell native formulas would not read as the core does (row within the range), or undefined. */
  private unreadable(ref: RangeRef, kind: NativeKind | 'flag'): { row: number; value: unknown } | undefined {
    const k = `${this.key(ref)}|${kind}`;
    if (!this.readable.has(k)) {
      // A column held by column and holding no text is judged from its kinds (column-facts.ts).
      const slice = this.env.range(ref).slice;
      let bad: { row: number; value: unknown } | null | undefined;
      if (slice) bad = kind === 'flag' ? (sliceFlagCriteria(slice) ? null : undefined) : sliceFirstUnreadable(slice, kind);
      if (bad === undefined) bad = kind === 'flag' ? firstUnnamedFlag(this.raw(ref)) : firstUnreadable(this.raw(ref), kind);
      this.readable.set(k, bad ?? undefined);
    }
    return this.readable.get(k);
  }

  /** Criteria naming a flag column's yes and no words exactly, or undefined when none can. */
  flags(ref: RangeRef): FlagCriteria | undefined {
    const k = this.key(ref);
    if (!this.flagCache.has(k)) {
      const slice = this.env.range(ref).slice;
      this.flagCache.set(k, (slice && sliceFlagCriteria(slice)) ?? flagCriteria(this.raw(ref)));
    }
    return this.flagCache.get(k);
  }

  /** Numbers of a range as the core reads them (NaN for blanks); undefined when the core rejects a cell. */
  numbers(ref: RangeRef): Float64Array | undefined {
    const k = this.key(ref);
    if (!this.numberCache.has(k)) {
      let values: Float64Array | undefined;
      const slice = this.env.range(ref).slice;
      const fast = slice && sliceNumbers(slice, this.env.clock);
      if (fast !== undefined) values = fast ?? undefined;
      else {
        try {
          values = readNumbers(contextFor('KPI_BY_PERIOD', this.env.clock, this.env.callOptions), this.raw(ref)).values;
        } catch {
          values = undefined;
        }
      }
      this.numberCache.set(k, values);
    }
    return this.numberCache.get(k);
  }

  /** The periods of a date column with rows, oldest first, as KPI_BY_PERIOD lists them (read-only: kept for every KPI over the column). */
  periods(dates: RangeRef): readonly Period[] {
    const k = this.key(dates);
    let out = this.periodCache.get(k);
    if (out === undefined) {
      const values = this.numbers(dates);
      if (!values) out = [];
      else {
        const { labels, rows } = groupByPeriod(values, this.period);
        out = labels.map((label, i) => ({ label, rows: rows[i], bounds: periodBounds(values[rows[i][0]], this.period) }));
      }
      this.periodCache.set(k, out);
    }
    return out;
  }

  /** The latest moment in any of the ranges (−Infinity without one). */
  latest(refs: readonly RangeRef[]): number {
    let latest = -Infinity;
    for (const ref of refs) {
      const v = this.numbers(ref);
      if (v) for (let i = 0; i < v.length; i++) if (v[i] > latest) latest = v[i];
    }
    return latest;
  }

  /**
   * Whether native formulas read every column a variant uses as the core does: the flag criteria of
   * its flag columns, or the first column (and cell) they cannot read.
   */
  nativeColumns(variant: AnyVariant, ranges: ReadonlyMap<Role, RangeRef>, facts: KpiFacts = DEFAULT_FACTS): { readonly flags: Map<Role, FlagCriteria> } | { readonly unreadable: UnreadableColumn } {
    const flags = new Map<Role, FlagCriteria>();
    for (const [role, ref] of ranges) {
      let kind = NATIVE_KIND[variant.kinds?.[role] ?? roleKind(role)];
      if (kind === undefined) continue;
      // Durations: time values may be Date objects (their serials are the fractions natively), other units plain numbers.
      if (kind === 'duration') kind = unitOf(facts, role) === 'time' ? 'date' : 'number';
      const bad = this.unreadable(ref, kind);
      if (bad) {
        return {
          unreadable: {
            role, sheet: ref.sheet, header: this.headerOf(ref), cell: sheetCell(ref, bad.row, 0),
            example: exampleText(bad.value), kind: unreadableKind(bad.value, kind === 'flag'),
          },
        };
      }
      if (kind === 'flag') flags.set(role, this.flags(ref)!);
    }
    return { flags };
  }

  /**
   * Whether a stock's first (or last) number in a period is picked by the period's earliest (latest)
   * date with an equality criterion (portable.ts, `stock`): that number's row holds the period's
   * earliest (latest) date, a whole day no other row of the period with a number shares. A period
   * without rows needs no pick; one whose rows hold no number cannot have one.
   */
  stockPickable(dates: RangeRef, stock: RangeRef, rows: readonly number[], which: 'first' | 'last'): boolean {
    if (rows.length === 0) return true;
    const d = this.numbers(dates);
    const v = this.numbers(stock);
    if (!d || !v) return false;
    const order = which === 'first' ? rows : [...rows].reverse();
    const at = order.find((i) => v[i] === v[i]);
    if (at === undefined) return false;
    const day = d[at];
    if (day !== Math.floor(day)) return false;
    let same = 0;
    for (const i of rows) {
      if (which === 'first' ? d[i] < day : d[i] > day) return false;
      if (v[i] === v[i] && d[i] === day) same++;
    }
    return same === 1;
  }

  /**
   * What a status log's statuses mean: its distinct statuses (first spelling, in order of first
   * appearance) and how many tickets end in each, classified by log-statuses.ts with the manager's
   * lists; undefined when the columns cannot be read (the log functions then say why).
   */
  statusLists(ids: RangeRef, times: RangeRef, statuses: RangeRef): StatusLists | undefined {
    const k = `${this.key(ids)}|${this.key(times)}|${this.key(statuses)}`;
    if (this.statusCache.has(k)) return this.statusCache.get(k);
    let lists: StatusLists | undefined;
    try {
      const ctx = contextFor('STATUS_SUMMARY', this.env.clock);
      const t = readDates(ctx, this.raw(times), 'times').values;
      const raw = this.raw(statuses);
      const { last } = ticketRows(ctx, toGrid(this.raw(ids)), t);
      const names: string[] = [];
      const index = new Map<string, number>();
      const codeOf: number[] = new Array(raw.length).fill(-1);
      for (let i = 0; i < raw.length; i++) {
        if (t[i] !== t[i]) continue;
        const v = raw[i][0];
        const text = v === null || v === undefined ? '' : String(v).trim();
        if (text === '') continue;
        const key = labelKey(text);
        let c = index.get(key);
        if (c === undefined) {
          index.set(key, (c = names.length));
          names.push(text);
        }
        codeOf[i] = c;
      }
      const endings = names.map(() => 0);
      for (const row of last) if (codeOf[row] >= 0) endings[codeOf[row]]++;
      const sheet = this.outline.sheets.find((s) => s.name === statuses.sheet);
      const header = sheet?.headers[statuses.firstCol - sheet.firstCol] ?? '';
      lists = statusLists({ statuses: names, endings, header, pause: this.options.pauseStatuses, resolved: this.options.resolvedStatuses });
    } catch {
      lists = undefined;
    }
    this.statusCache.set(k, lists);
    return lists;
  }

  /** What a range holds, as the core reads it. */
  profile(ref: RangeRef): ColumnProfile {
    const k = this.key(ref);
    let p = this.profileCache.get(k);
    if (!p) this.profileCache.set(k, (p = profileColumn(this.raw(ref))));
    return p;
  }

  /** The unit of a duration range's numbers, from its values and header (plan/duration-units.ts). */
  unit(ref: RangeRef, header = this.headerOf(ref)): InputUnit {
    return durationUnit(this.raw(ref), header);
  }

  /**
   * The facts a variant's definition reads from its columns, over the defaults, and the unit of
   * each of its duration columns (from the values and the header).
   */
  facts(variant: AnyVariant, ranges: ReadonlyMap<Role, RangeRef>, headers?: ReadonlyMap<Role, string>): KpiFacts {
    const headerOf = (role: Role, ref: RangeRef): string => headers?.get(role) ?? this.headerOf(ref);
    const units: KpiFacts['units'] = {};
    for (const [role, ref] of ranges) {
      if ((variant.kinds?.[role] ?? roleKind(role)) === 'duration') (units as Record<Role, unknown>)[role] = this.unit(ref, headerOf(role, ref));
    }
    const own = variant.facts
      ? variant.facts({
        numbers: (role) => { const r = ranges.get(role); return r ? this.numbers(r) : undefined; },
        profile: (role) => { const r = ranges.get(role); return r ? this.profile(r) : undefined; },
        header: (role) => { const r = ranges.get(role); return r ? headerOf(role, r) : ''; },
        unit: (role) => { const r = ranges.get(role); return r ? this.unit(r, headerOf(role, r)) : 'seconds'; },
        statusLists: () => {
          const ids = ranges.get('ticketId'), times = ranges.get('logTime'), statuses = ranges.get('logStatus');
          return ids && times && statuses ? this.statusLists(ids, times, statuses) : undefined;
        },
      })
      : {};
    return { ...DEFAULT_FACTS, ...own, units };
  }
}
