/**
 * The one tally driver of the survey KPIs: a single pass over a range of scores or ratings that
 * counts each cell into a bucket (NPS: detractor, passive, promoter; CSAT and CES: not satisfied,
 * satisfied), for the whole range or per segment (a period, a group) given as an index per cell.
 * Numbers are classified inline; every other cell goes through the per-cell classifier
 * (core/values/ratings.ts: numbers with labels, rating words, non-answers, the strict rule).
 *
 * A rule built without rating labels meets a label at most once per call: the driver then rebuilds
 * the rule with the call's label scale (which sets scale_max and the default threshold) and runs
 * again (see tallyRated).
 */
import { valueError } from '../errors.js';
import type { CallContext } from '../values/context.js';
import { columnRows, describeValue, isCellRow, toGrid } from '../values/grid.js';
import type { Grid } from '../values/grid.js';
import { cellError, readNumberArg } from '../values/read.js';
import { RatingCells, RESCALE } from '../values/ratings.js';
import type { LabelScale } from '../values/ratings.js';

export interface TallyRule {
  /** Valid values lie within min…max (whole numbers only when `whole`). */
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
  /** Bucket 0 below cut1, bucket 1 from cut1 below cut2, bucket 2 from cut2 (Infinity: unused). */
  readonly cut1: number;
  readonly cut2: number;
  /** Buckets per segment: 3 for NPS, 2 for shares. */
  readonly buckets: number;
  /** What a value outside the rule is: `is not a score from 0 to 10`. */
  readonly invalid: string;
  /** `ratings` columns read rating words; `scores` columns (NPS) do not. */
  readonly reads: 'ratings' | 'scores';
  /** The label scale this rule was built for; null when built from numbers and arguments alone. */
  readonly labels: LabelScale | null;
}

/** Net Promoter Score: whole numbers 0–10; detractors 0–6, passives 7–8, promoters 9–10. */
export const NPS_RULE: TallyRule = {
  min: 0, max: 10, whole: true, cut1: 7, cut2: 9, buckets: 3, invalid: 'is not a score from 0 to 10', reads: 'scores', labels: null,
};

/** NPS buckets in a tally: counts[3·segment + bucket]. */
export const DETRACTORS = 0, PASSIVES = 1, PROMOTERS = 2;
/** Share buckets: counts[2·segment + bucket]. */
export const UNSATISFIED = 0, SATISFIED = 1;

/**
 * Counts the cells of `x` into `rule.buckets` buckets per segment: `counts[buckets·s + b]`.
 * `segment[i]` is cell i's segment (row-major), -1 for none (its value is still checked); without
 * `segment` every cell is in segment 0. Throws RESCALE (see tallyRated) when a rating label turns
 * up that `rule` was not built for. Undefined when `segment` does not have one entry per cell.
 */
export function tallyCells(ctx: CallContext, x: unknown, rule: TallyRule, arg?: string, segment?: Int32Array, segments = 1): Float64Array | undefined {
  const counts = new Float64Array(rule.buckets * segments);
  const column = columnRows(x);
  if (column && (!segment || segment.length === column.length) && tallyColumn(ctx, column, rule, arg, segment, counts)) return counts;
  const g = toGrid(x);
  if (segment && segment.length !== g.rows * g.cols) return undefined;
  counts.fill(0);
  tallyGrid(ctx, g, rule, arg, segment, counts);
  return counts;
}

function invalid(ctx: CallContext, g: Grid, i: number, rule: TallyRule, arg: string | undefined): never {
  return cellError(ctx, g, i, rule.invalid, arg);
}

/**
 * tallyCells over a column (see columnRows); false when a row is not a one-cell array. The whole-range
 * case counts in registers, branch-free (n, ≥ cut1, ≥ cut2); the segment case indexes its counts.
 */
function tallyColumn(ctx: CallContext, cells: readonly (readonly unknown[])[], rule: TallyRule, arg: string | undefined, segment: Int32Array | undefined, counts: Float64Array): boolean {
  const g: Grid = { cells, rows: cells.length, cols: 1 };
  const { min, max, whole, cut1, cut2, buckets } = rule;
  let reader: RatingCells | undefined;
  let n = 0, above1 = 0, above2 = 0;
  for (let r = 0; r < cells.length; r++) {
    const row = cells[r];
    if (!isCellRow(row)) return false;
    const v = row[0];
    const s = typeof v === 'number' && v - v === 0 ? v : (reader ??= new RatingCells(ctx, g, arg, rule.reads, rule.labels, rule.invalid)).value(r, v);
    if (s !== s) continue;
    if (!(s >= min && s <= max) || (whole && (s | 0) !== s)) invalid(ctx, g, r, rule, arg);
    const a1 = +(s >= cut1), a2 = +(s >= cut2);
    if (segment === undefined) {
      n++;
      above1 += a1;
      above2 += a2;
    } else {
      const p = segment[r];
      if (p >= 0) counts[buckets * p + a1 + a2]++;
    }
  }
  if (segment === undefined) addWhole(counts, buckets, n, above1, above2);
  return true;
}

/** The whole-range counts from n and the numbers at or above each cut. */
function addWhole(counts: Float64Array, buckets: number, n: number, above1: number, above2: number): void {
  counts[0] += n - above1;
  counts[1] += buckets === 2 ? above1 : above1 - above2;
  if (buckets === 3) counts[2] += above2;
}

/** tallyCells over any grid, row-major. */
function tallyGrid(ctx: CallContext, g: Grid, rule: TallyRule, arg: string | undefined, segment: Int32Array | undefined, counts: Float64Array): void {
  const { rows, cols, cells } = g;
  const { min, max, whole, cut1, cut2, buckets } = rule;
  let reader: RatingCells | undefined;
  let n = 0, above1 = 0, above2 = 0;
  for (let r = 0, i = 0; r < rows; r++) {
    const row = cells[r];
    for (let c = 0; c < cols; c++, i++) {
      const v = row[c];
      const s = typeof v === 'number' && v - v === 0 ? v : (reader ??= new RatingCells(ctx, g, arg, rule.reads, rule.labels, rule.invalid)).value(i, v);
      if (s !== s) continue;
      if (!(s >= min && s <= max) || (whole && (s | 0) !== s)) invalid(ctx, g, i, rule, arg);
      const a1 = +(s >= cut1), a2 = +(s >= cut2);
      if (segment === undefined) {
        n++;
        above1 += a1;
        above2 += a2;
      } else {
        const p = segment[i];
        if (p >= 0) counts[buckets * p + a1 + a2]++;
      }
    }
  }
  if (segment === undefined) addWhole(counts, buckets, n, above1, above2);
}

/**
 * Runs `tally` with a rule built for the call's label scale: first as the arguments alone say
 * (`build(null)`, or the scale already decided), and — when a label of another scale turns up — once
 * more with the scale decided over all rating arguments of the call.
 */
export function tallyRated<T>(ctx: CallContext, build: (labels: LabelScale | null) => TallyRule, tally: (rule: TallyRule) => T): T {
  const known = ctx.scope.labels ?? null;
  try {
    return tally(build(known));
  } catch (e) {
    if (e !== RESCALE) throw e;
    return tally(build(ctx.scope.labels ?? null));
  }
}

// ---------------------------------------------------------------- rating scales

/** A share's rule: ratings within min…scale_max, satisfied from the threshold on. */
export interface RatingScale {
  readonly scaleMax: number;
  readonly threshold: number;
}

export interface ScaleDefaults {
  /** scale_max when omitted and the ratings hold no label (CSAT 5, CES 7). */
  readonly scaleMax: number;
  /** The threshold when omitted, on a numeric scale or a label scale of more than 3 points. */
  readonly threshold: (scaleMax: number) => number;
  /** The lowest rating (CSAT 0, CES 1). */
  readonly min: number;
}

/**
 * `scale_max` and `threshold` of a share KPI (CSAT, CES). With rating labels the scale sets
 * scale_max (a different explicit scale_max is an error) and, on 2- and 3-point label scales, the
 * default threshold is the top box k; otherwise the function's own default applies.
 */
export function readRatingScale(ctx: CallContext, scaleArg: unknown, thresholdArg: unknown, labels: LabelScale | null, defaults: ScaleDefaults): RatingScale {
  let scaleMax = readNumberArg(ctx, scaleArg, 'scale_max', labels ? labels.k : defaults.scaleMax);
  if (!(scaleMax > 0)) {
    const blank = scaleMax === 0 ? ' (a blank cell reaches some Excel builds as 0: leave the argument out instead)' : '';
    throw valueError(ctx.fn, `scale_max ${describeValue(scaleMax)} must be greater than 0${blank}`);
  }
  if (labels && scaleMax !== labels.k) {
    throw valueError(ctx.fn, `scale_max ${describeValue(scaleMax)} does not fit the ratings, which are words of the ${labels.name} scale; leave scale_max out or set it to ${labels.k}`);
  }
  scaleMax = labels ? labels.k : scaleMax;
  const fallback = labels && labels.k <= 3 ? labels.k : defaults.threshold(scaleMax);
  const threshold = readNumberArg(ctx, thresholdArg, 'threshold', fallback);
  if (!(threshold >= defaults.min && threshold <= scaleMax)) {
    throw valueError(ctx.fn, `threshold ${describeValue(threshold)} must lie within ${defaults.min} and scale_max ${describeValue(scaleMax)}`);
  }
  return { scaleMax, threshold };
}

/** The tally rule of a share: ratings min…scale_max; satisfied (bucket 1) from the threshold on. */
export function shareRule(scale: RatingScale, min: number, labels: LabelScale | null): TallyRule {
  return {
    min, max: scale.scaleMax, whole: false, cut1: scale.threshold, cut2: Infinity, buckets: 2,
    invalid: `is not a rating from ${min} to ${scale.scaleMax}`, reads: 'ratings', labels,
  };
}
