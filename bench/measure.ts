/**
 * Timing: medians of several runs, side by side. Candidates measured together are interleaved
 * (ours, reference, ours, reference …) so that a busy machine slows them alike. The garbage
 * collector runs once before a group, followed by a short pause; then every candidate is called
 * untimed until its timings settle (warmUp below), which also lets the collector's concurrent
 * sweeping finish before the first timed call. Within a group nothing is forced, so each candidate
 * pays for the garbage it makes. (A forced full collection right before a timed call slows it
 * while the sweeper threads still run: with the bench's 1.2 GB of host-shaped inputs on a loaded
 * 2-core machine, the first calls after one took 0.8–1.3 s where the steady call takes 20–40 ms —
 * noise, not a property of the code under test.)
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (() => void) | undefined;

const pause = new Int32Array(new SharedArrayBuffer(4));

/** A full collection, then `settleMs` of quiet for the collector's background threads. */
export function collectGarbage(settleMs = 50): void {
  gc?.();
  Atomics.wait(pause, 0, 0, settleMs);
}

export interface Timing {
  /** Median in milliseconds. */
  readonly ms: number;
  readonly runs: number;
  /** Every run, in milliseconds. */
  readonly all: readonly number[];
  /** The value the last run returned (to check the candidates computed the same thing). */
  readonly value: unknown;
}

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export interface Candidate {
  readonly name: string;
  readonly run: () => unknown;
  /** Most timed runs (default 5). Slow candidates stop early, see `budgetMs`. */
  readonly maxRuns?: number;
  /** Stop adding runs once this much time was spent on the candidate (default 3 s). */
  readonly budgetMs?: number;
  /** Untimed warm-up calls first, until the timings settle (default: true; false for candidates too slow to repeat). */
  readonly warmUp?: boolean;
}

/** Warm-up stops once the last two of at least three calls took within this factor of each other … */
const SETTLED = 1.3;
const WARM_MIN_CALLS = 3;
/** … and at least this much time was spent (fast calls: a few dozen, so the JIT has optimised the loops) … */
const WARM_MIN_MS = 150;
/** … or, unsettled, after this long or this many calls. */
const WARM_MAX_MS = 4000;
const WARM_MAX_CALLS = 30;

/**
 * Untimed calls until the candidate runs at its steady speed. A loop over a million rows is
 * interpreted on its first call and optimised while it runs (on-stack replacement); on a loaded
 * 2-core machine the optimising compiler's thread gets little time, so the first two or three calls
 * can take 30–50 times the steady call (measured: AHT 778, 1645, 165, then 35 ms). Timing from the
 * first call counted that compile wait as the code's cost. Candidates of seconds a call stop at
 * WARM_MAX_MS (two calls).
 */
function warmUp(run: () => unknown): unknown {
  let value: unknown, spent = 0, last = Infinity;
  for (let k = 0; k < WARM_MAX_CALLS && spent < WARM_MAX_MS; k++) {
    const t0 = performance.now();
    value = run();
    const dt = performance.now() - t0;
    spent += dt;
    const settled = Math.max(dt, last) <= SETTLED * Math.min(dt, last);
    last = dt;
    if (settled && k + 1 >= WARM_MIN_CALLS && spent >= WARM_MIN_MS) break;
  }
  return value;
}

/**
 * Runs the candidates interleaved, round by round, until each has its runs or its budget is spent.
 * A candidate slower than its budget is run once. Errors propagate (a benchmark must not hide one).
 */
export function measureSideBySide(candidates: readonly Candidate[]): Map<string, Timing> {
  const state = candidates.map((c) => ({ c, times: [] as number[], spent: 0, value: undefined as unknown, done: false }));
  collectGarbage();
  for (const s of state) if (s.c.warmUp !== false) s.value = warmUp(s.c.run);
  for (let round = 0; state.some((s) => !s.done); round++) {
    for (const s of state) {
      if (s.done) continue;
      const max = s.c.maxRuns ?? 5;
      const budget = s.c.budgetMs ?? 3000;
      if (s.times.length >= max || (s.times.length > 0 && s.spent >= budget)) {
        s.done = true;
        continue;
      }
      const t0 = performance.now();
      s.value = s.c.run();
      const dt = performance.now() - t0;
      s.times.push(dt);
      s.spent += dt;
    }
  }
  const out = new Map<string, Timing>();
  for (const s of state) out.set(s.c.name, { ms: median(s.times), runs: s.times.length, all: s.times, value: s.value });
  return out;
}

/**
 * The ratio a/b of two candidates measured in the same rounds: the median of the per-round ratios
 * (each pair ran back to back, so a load spike on the machine hits both), which is steadier than
 * the ratio of the medians on a busy machine.
 */
export function pairedRatio(a: Timing, b: Timing): number {
  const n = Math.min(a.all.length, b.all.length);
  if (n === 0) return NaN;
  const ratios: number[] = [];
  for (let k = 0; k < n; k++) ratios.push(a.all[a.all.length - n + k] / b.all[b.all.length - n + k]);
  return median(ratios);
}

/** Peak-free wall time of one call (cold paths that cannot be repeated in the same context). */
export function timeOnce<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}
