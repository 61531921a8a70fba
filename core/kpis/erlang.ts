/**
 * Erlang C staffing math (A. K. Erlang 1917; the M/M/N queue of contact-centre planning).
 *
 * Traffic A = contacts × aht ÷ interval (Erlangs). With N agents the probability that a contact
 * waits is Erlang C(N, A), computed from the Erlang B recursion B(0) = 1,
 * B(n) = A·B(n−1) ÷ (n + A·B(n−1)), and C = N·B ÷ (N − A·(1 − B)). The recursion never forms A^N or
 * N!, so it stays accurate for tens of thousands of Erlangs where the textbook sum overflows; it
 * costs O(N), and the staffing search reuses it step by step, so finding the answer costs O(N) too.
 * Pure numbers in, numbers out: callers check and name the user's inputs.
 */

/** The largest number of agents computed (10 million: a few tens of ms of recursion). */
export const MAX_AGENTS = 10_000_000;

export interface ErlangResult {
  readonly agents: number;
  /** The service level: share of contacts answered within the target time. */
  readonly serviceLevel: number;
  /** Average speed of answer in the unit of aht. */
  readonly asa: number;
  readonly occupancy: number;
  /** Erlang C: the probability that a contact has to wait. */
  readonly waitProbability: number;
}

/** Results for N agents from Erlang B(N) (N > A > 0). */
function resultFor(n: number, a: number, b: number, aht: number, target: number): ErlangResult {
  const c = (n * b) / (n - a * (1 - b));
  const p = c > 1 ? 1 : c;
  return {
    agents: n,
    serviceLevel: Math.max(0, 1 - p * Math.exp((-(n - a) * target) / aht)),
    asa: (p * aht) / (n - a),
    occupancy: a / n,
    waitProbability: p,
  };
}

/** Erlang B(n, A) by the recursion (n a whole number ≥ 0). */
export function erlangB(n: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= n; k++) b = (a * b) / (k + a * b);
  return b;
}

/**
 * Erlang C figures of `agents` (a whole number) at traffic `a` Erlangs, aht and target in the same
 * time unit. With agents ≤ traffic the queue grows without bound: every contact waits, service
 * level 0, occupancy 1, ASA Infinity (callers say so rather than show it).
 */
export function erlangC(agents: number, a: number, aht: number, target: number): ErlangResult {
  if (a === 0) return { agents, serviceLevel: 1, asa: 0, occupancy: 0, waitProbability: 0 };
  if (agents <= a) return { agents, serviceLevel: 0, asa: Infinity, occupancy: 1, waitProbability: 1 };
  return resultFor(agents, a, erlangB(agents, a), aht, target);
}

/** Allowance for floating-point rounding when comparing with a target level (1e-12). */
const ROUNDING = 1e-12;

/**
 * The fewest agents whose service level reaches `level` and whose occupancy is at most
 * `maxOccupancy`. One pass of the recursion from 1 agent upward. Traffic 0 needs 0 agents.
 * Returns undefined when more than MAX_AGENTS would be needed.
 */
export function requiredAgents(a: number, aht: number, target: number, level: number, maxOccupancy: number): ErlangResult | undefined {
  if (a === 0) return { agents: 0, serviceLevel: 1, asa: 0, occupancy: 0, waitProbability: 0 };
  // Occupancy a/n ≤ maxOccupancy needs n ≥ a/maxOccupancy; a stable queue needs n > a.
  const least = Math.max(Math.floor(a) + 1, Math.ceil(a / maxOccupancy - ROUNDING));
  if (!(least <= MAX_AGENTS)) return undefined;
  let b = 1;
  for (let n = 1; n <= MAX_AGENTS; n++) {
    b = (a * b) / (n + a * b);
    if (n < least) continue;
    const r = resultFor(n, a, b, aht, target);
    if (r.serviceLevel >= level - ROUNDING) return r;
  }
  return undefined;
}
