/** What every part of the planner shares while it lays out one scorecard. */
import type { ExistingSheet } from '../api.js';
import type { EvalEnv } from '../evaluate.js';
import type { Dialect, GenerateRequest, KpiSummary, LocalRef, ScorecardOptions, TrendPicture } from '../types.js';
import type { DataFacts } from './data-facts.js';
import type { HelperBlocks, Outcome } from './helper-blocks.js';
import type { SheetWriter } from './sheet-model.js';
import type { Lang, Texts } from './texts.js';

/** Notes for the manager, collected while planning and ordered at the end. */
export class Notes {
  readonly general: string[] = [];
  /** Messages of catalog functions that fail on the data (they name the first bad row). */
  readonly problems: string[] = [];
  /** KPI names written as values in portable mode, by why. */
  readonly asValues: Record<Exclude<Outcome, 'live' | 'native'>, string[]> = { form: [], text: [], error: [], mismatch: [] };

  problem(t: Texts, name: string, message: string | undefined): void {
    if (message) this.problems.push(t.problem(name, message));
  }

  /** Everything, in the order the manager reads it. */
  all(t: Texts): string[] {
    const out = [...this.general];
    const { form, text, error, mismatch } = this.asValues;
    if (form.length > 0) out.push(t.asValues(form.join(', ')));
    if (text.length > 0) out.push(t.textData(text.join(', ')));
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
  readonly request: GenerateRequest;
  readonly options: ScorecardOptions;
  readonly lang: Lang;
  readonly t: Texts;
  readonly dialect: Dialect;
  readonly portable: boolean;
  readonly notes: Notes;
  /** The actual cell of each KPI row planned so far (for definitions reading another KPI). */
  readonly actuals: Map<string, LocalRef>;
  readonly summary: KpiSummary[];
  readonly trends: TrendPicture[];
  /** Period and Rows columns of each KPI with a trend, in row order (for the trend header). */
  readonly trendSources: { readonly P: LocalRef; readonly N: LocalRef }[];
  readonly dataBars: LocalRef[];
}
