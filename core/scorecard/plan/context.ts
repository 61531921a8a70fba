/** What every part of the planner shares while it lays out one scorecard. */
import type { ExistingSheet } from '../api.js';
import type { EvalEnv } from '../evaluate.js';
import type { Dialect, GenerateRequest, KpiSummary, LocalRef, ScorecardOptions, TrendPicture } from '../types.js';
import type { DataFacts } from './data-facts.js';
import type { EventLog } from './event-logs.js';
import type { LogDating, LogJoin } from './log-join.js';
import type { HelperBlocks, Outcome } from './helper-blocks.js';
import type { SheetWriter } from './sheet-model.js';
import type { Lang, Texts } from './texts.js';
import type { Timelines } from './timeline.js';
import type { UnreadableColumn } from './unreadable.js';

/** Notes for the manager, collected while planning and ordered at the end. */
export class Notes {
  readonly general: string[] = [];
  /** Messages of catalog functions that fail on the data (they name the first bad row). */
  readonly problems: string[] = [];
  /** KPI names written as values in portable mode, by why (text columns: textValues). */
  readonly asValues: Record<Exclude<Outcome, 'live' | 'native' | 'text'>, string[]> = { form: [], log: [], error: [], mismatch: [] };
  /** KPI names written as values because a column holds text native formulas cannot read, by column. */
  private readonly textColumns = new Map<string, { column: UnreadableColumn; names: string[] }>();
  /** Date columns counted with their dates at generation (text dates) in a live scorecard. */
  readonly frozenDates: string[] = [];
  /** Log KPIs counted by a ticket table's dates, by log and date column (one note each). */
  readonly logDates = new Map<string, { readonly dating: LogDating; readonly names: string[] }>();

  /** A log KPI counted in the periods of a ticket table's dates: said once per log and date column. */
  logDated(name: string, dating: LogDating): void {
    const k = `${dating.log}\u0000${dating.table}\u0000${dating.header}`;
    const entry = this.logDates.get(k);
    if (entry) entry.names.push(name);
    else this.logDates.set(k, { dating, names: [name] });
  }

  textValues(name: string, column: UnreadableColumn): void {
    const k = `${column.sheet}\u0000${column.header}\u0000${column.kind}`;
    const entry = this.textColumns.get(k);
    if (entry) entry.names.push(name);
    else this.textColumns.set(k, { column, names: [name] });
  }

  /** True when some KPI of the scorecard is written as values. */
  anyValues(): boolean {
    return this.textColumns.size > 0 || Object.values(this.asValues).some((l) => l.length > 0);
  }

  problem(t: Texts, name: string, message: string | undefined): void {
    if (message) this.problems.push(t.problem(name, message));
  }

  /** Everything, in the order the manager reads it. */
  all(t: Texts): string[] {
    const out = [...this.general];
    for (const { dating, names } of this.logDates.values()) out.push(t.logDated(names.join(', '), dating));
    const { form, log, error, mismatch } = this.asValues;
    if (form.length > 0) out.push(t.asValues(form.join(', ')));
    if (log.length > 0) out.push(t.logValues(log.join(', ')));
    for (const { column, names } of this.textColumns.values()) out.push(t.textData(names.join(', '), column));
    if (this.frozenDates.length > 0) out.push(t.frozenDates(this.frozenDates.join(', ')));
    if (error.length > 0) out.push(t.errorValues(error.join(', ')));
    if (mismatch.length > 0) out.push(t.mismatch(mismatch.join(', ')));
    return [...out, ...this.problems];
  }
}

export interface PlanContext {
  readonly w: SheetWriter;
  /** The previous scorecard this plan replaces, as its host read it back (targets, the manager's cells). */
  readonly previous?: ExistingSheet;
  /** Room a spilling table may grow into beyond its cached extent (brand attributes): the add-on's cells. */
  readonly reserved: LocalRef[];
  readonly env: EvalEnv;
  readonly data: DataFacts;
  readonly helpers: HelperBlocks;
  readonly timelines: Timelines;
  readonly request: GenerateRequest;
  readonly options: ScorecardOptions;
  readonly lang: Lang;
  readonly t: Texts;
  readonly dialect: Dialect;
  readonly portable: boolean;
  readonly notes: Notes;
  /** The sheets whose ticket ids repeat (event logs), by name: their ticket KPIs read one row per ticket. */
  readonly eventLogs: Map<string, EventLog>;
  /** The ticket table each status or message log joins, by the log's sheet. */
  readonly logJoins: Map<string, LogJoin>;
  /** The actual cell of each KPI row planned so far (for definitions reading another KPI). */
  readonly actuals: Map<string, LocalRef>;
  readonly summary: KpiSummary[];
  readonly trends: TrendPicture[];
  /** The Period column of each KPI with a trend, in row order (for the trend header). */
  readonly trendSources: { readonly P: LocalRef }[];
  readonly dataBars: LocalRef[];
}
