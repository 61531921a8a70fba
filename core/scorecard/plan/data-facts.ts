/**
 * What the plan knows about the workbook's data, read once per range: the ranges of the roles,
 * their numbers as the core reads them, whether native formulas read a column as the core does,
 * the periods of a date column, the days that pick a stock's first and last number in a period,
 * and the facts a KPI definition asks for (the CSAT scale).
 */
import { contextFor } from '../../call.js';
import { groupByPeriod } from '../../values/periods.js';
import { readNumbers } from '../../values/read.js';
import { DEFAULT_FACTS } from '../definition.js';
import type { AnyVariant, KpiFacts } from '../definition.js';
import type { EvalEnv } from '../evaluate.js';
import { flagCriteria, nativeReadable, periodBounds } from '../portable.js';
import type { FlagCriteria, NativeKind, PeriodBounds } from '../portable.js';
import { roleKind } from '../roles.js';
import type { Role, ValueKind } from '../roles.js';
import type { Dialect, PeriodName, RangeRef, RoleAssignment, WorkbookOutline } from '../types.js';
import { dataRange } from './layout.js';

export interface Period {
  readonly label: string;
  readonly bounds: PeriodBounds;
  /** Indices into the date range's rows. */
  readonly rows: readonly number[];
}

const NATIVE_KIND: Readonly<Record<ValueKind, NativeKind | 'flag' | undefined>> = {
  date: 'date', number: 'number', score: 'answer', rating: 'answer', flag: 'flag', key: undefined, text: undefined,
};

export class DataFacts {
  private readonly readable = new Map<string, boolean>();
  private readonly flagCache = new Map<string, FlagCriteria | undefined>();
  private readonly numberCache = new Map<string, Float64Array | undefined>();

  constructor(private readonly env: EvalEnv, private readonly outline: WorkbookOutline, private readonly dialect: Dialect, private readonly period: PeriodName) {}

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

  raw(ref: RangeRef): readonly (readonly unknown[])[] {
    return this.env.range(ref).raw;
  }

  private key(ref: RangeRef): string {
    return this.env.range(ref).key;
  }

  /** True when native formulas read every cell of the range as the core does. */
  nativeOk(ref: RangeRef, kind: NativeKind): boolean {
    const k = `${this.key(ref)}|${kind}`;
    let ok = this.readable.get(k);
    if (ok === undefined) {
      ok = nativeReadable(this.raw(ref), kind);
      this.readable.set(k, ok);
    }
    return ok;
  }

  /** Criteria naming a flag column's yes and no words exactly, or undefined when none can. */
  flags(ref: RangeRef): FlagCriteria | undefined {
    const k = this.key(ref);
    if (!this.flagCache.has(k)) this.flagCache.set(k, flagCriteria(this.raw(ref)));
    return this.flagCache.get(k);
  }

  /** Numbers of a range as the core reads them (NaN for blanks); undefined when the core rejects a cell. */
  numbers(ref: RangeRef): Float64Array | undefined {
    const k = this.key(ref);
    if (!this.numberCache.has(k)) {
      let values: Float64Array | undefined;
      try {
        values = readNumbers(contextFor('KPI_BY_PERIOD', this.env.clock), this.raw(ref)).values;
      } catch {
        values = undefined;
      }
      this.numberCache.set(k, values);
    }
    return this.numberCache.get(k);
  }

  /** The periods of a date column with rows, oldest first, as KPI_BY_PERIOD lists them. */
  periods(dates: RangeRef): Period[] {
    const values = this.numbers(dates);
    if (!values) return [];
    const { labels, rows } = groupByPeriod(values, this.period);
    return labels.map((label, i) => ({ label, rows: rows[i], bounds: periodBounds(values[rows[i][0]], this.period) }));
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
   * Whether native formulas read every column a variant uses as the core does, with the flag
   * criteria of its flag columns; undefined when one cannot be read natively.
   */
  nativeColumns(variant: AnyVariant, ranges: ReadonlyMap<Role, RangeRef>): Map<Role, FlagCriteria> | undefined {
    const flags = new Map<Role, FlagCriteria>();
    for (const [role, ref] of ranges) {
      const kind = NATIVE_KIND[variant.kinds?.[role] ?? roleKind(role)];
      if (kind === undefined) continue;
      if (kind === 'flag') {
        const f = this.flags(ref);
        if (!f) return undefined;
        flags.set(role, f);
      } else if (!this.nativeOk(ref, kind)) return undefined;
    }
    return flags;
  }

  /**
   * The whole-day date that picks a stock's first (or last) number in a period with an equality
   * criterion: the date of that row, when it is a whole day no other row of the period with a number
   * shares; undefined otherwise (a moment, or a tie: equality would be fragile).
   */
  stockDate(dates: RangeRef, stock: RangeRef, p: Period, which: 'first' | 'last'): number | undefined {
    const d = this.numbers(dates);
    const v = this.numbers(stock);
    if (!d || !v) return undefined;
    const order = which === 'first' ? p.rows : [...p.rows].reverse();
    const at = order.find((i) => v[i] === v[i]);
    if (at === undefined) return undefined;
    const day = d[at];
    if (day !== Math.floor(day)) return undefined;
    let same = 0;
    for (const i of p.rows) if (v[i] === v[i] && d[i] === day) same++;
    return same === 1 ? day : undefined;
  }

  /** The facts a variant's definition reads from its columns, over the defaults. */
  facts(variant: AnyVariant, ranges: ReadonlyMap<Role, RangeRef>): KpiFacts {
    if (!variant.facts) return DEFAULT_FACTS;
    return { ...DEFAULT_FACTS, ...variant.facts({ numbers: (role) => { const r = ranges.get(role); return r ? this.numbers(r) : undefined; } }) };
  }
}
