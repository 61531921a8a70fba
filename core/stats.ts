/**
 * Statistics the KPIs share: normal quantiles, the Wilson interval, NPS variance and z-tests,
 * spreadsheet percentiles. Pure numeric helpers: they take plain numbers, never cells, and throw a
 * RangeError for arguments no caller should pass (callers validate user input and report it as a
 * KpiError naming the argument).
 */

// Acklam's rational approximation of the inverse normal CDF (relative error < 1.15e-9), refined below.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function tail(q: number): number {
  return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}

function acklam(p: number): number {
  if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

// W. J. Cody's rational Chebyshev approximations of erf/erfc (Math. Comp. 23, 1969, pp. 631-638;
// the coefficients of his CALERF), accurate to about 1e-16 relative for double arithmetic.
const ERF_P = [3.1611237438705656, 113.864154151050156, 377.485237685302021, 3209.37758913846947, 0.185777706184603153];
const ERF_Q = [23.6012909523441209, 244.024637934444173, 1282.61652607737228, 2844.23683343917062];
const ERFC_P = [0.564188496988670089, 8.88314979438837594, 66.1191906371416295, 298.635138197400131, 881.95222124176909,
  1712.04761263407058, 2051.07837782607147, 1230.33935479799725, 2.15311535474403846e-8];
const ERFC_Q = [15.7449261107098347, 117.693950891312499, 537.181101862009858, 1621.38957456669019, 3290.79923573345963,
  4362.61909014324716, 3439.36767414372164, 1230.33935480374942];
const TAIL_P = [0.305326634961232344, 0.360344899949804439, 0.125781726111229246, 0.0160837851487422766,
  6.58749161529837803e-4, 0.0163153871373020978];
const TAIL_Q = [2.56852019228982242, 1.87295284992346047, 0.527905102951428412, 0.0605183413124413191, 0.00233520497626869185];
const INV_SQRT_PI = 0.56418958354775628695;

/** exp(−y²)·R for y ≥ 0, with y² split so that no digits are lost in the exponent (Cody). */
function scaledTail(y: number, r: number): number {
  const y16 = Math.trunc(y * 16) / 16;
  return Math.exp(-y16 * y16) * Math.exp(-(y - y16) * (y + y16)) * r;
}

/**
 * The complementary error function erfc(x) = 1 − erf(x) (W. J. Cody 1969), to about 1e-16 relative.
 * @example erfc(1) → 0.15729920705028513
 */
export function erfc(x: number): number {
  const y = Math.abs(x);
  let r: number;
  if (y <= 0.46875) {
    const ysq = y > 1.11e-16 ? y * y : 0;
    let num = ERF_P[4] * ysq, den = ysq;
    for (let i = 0; i < 3; i++) {
      num = (num + ERF_P[i]) * ysq;
      den = (den + ERF_Q[i]) * ysq;
    }
    return 1 - (x * (num + ERF_P[3])) / (den + ERF_Q[3]);
  }
  if (y <= 4) {
    let num = ERFC_P[8] * y, den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + ERFC_P[i]) * y;
      den = (den + ERFC_Q[i]) * y;
    }
    r = scaledTail(y, (num + ERFC_P[7]) / (den + ERFC_Q[7]));
  } else if (y >= 26.543) {
    r = 0;
  } else {
    const ysq = 1 / (y * y);
    let num = TAIL_P[5] * ysq, den = ysq;
    for (let i = 0; i < 4; i++) {
      num = (num + TAIL_P[i]) * ysq;
      den = (den + TAIL_Q[i]) * ysq;
    }
    r = scaledTail(y, (INV_SQRT_PI - (ysq * (num + TAIL_P[4])) / (den + TAIL_Q[4])) / y);
  }
  return x < 0 ? 2 - r : r;
}

const SQRT2 = Math.SQRT2;
const SQRT_2PI = Math.sqrt(2 * Math.PI);

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p), for 0 < p < 1: Acklam's algorithm (P. J. Acklam 2003,
 * "An algorithm for computing the inverse normal cumulative distribution function"), then one step
 * of Halley's method on Φ(x) − p with Φ from Cody's erfc, as Acklam suggests: about 1e-15 relative
 * instead of 1.15e-9. The step uses the smaller tail (1 − p is exact for p ≥ ½), so no digits cancel.
 * @example normalQuantile(0.975) → 1.959963984540054
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p = ${p} is not within (0, 1)`);
  const x = acklam(p);
  // e = Φ(x) − p, from whichever tail is smaller.
  const e = x <= 0 ? 0.5 * erfc(-x / SQRT2) - p : (1 - p) - 0.5 * erfc(x / SQRT2);
  const u = e * SQRT_2PI * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}

/**
 * The two-sided critical value of the standard normal distribution for a confidence level
 * 0 < conf < 1: z = Φ⁻¹(1 − (1 − conf)/2).
 * @example zForConfidence(0.95) → 1.959964; zForConfidence(0.99) → 2.575829
 */
export function zForConfidence(conf: number): number {
  if (!(conf > 0 && conf < 1)) throw new RangeError(`zForConfidence: confidence ${conf} is not within (0, 1)`);
  return normalQuantile(1 - (1 - conf) / 2);
}

/** The 95 % two-sided critical value, 1.959964… (computed once). */
export const Z95 = zForConfidence(0.95);

/**
 * Wilson score interval for a binomial proportion (E. B. Wilson 1927, "Probable inference, the law
 * of succession, and statistical inference", JASA 22): with p̂ = successes/n and z = z(conf),
 * centre (p̂ + z²/2n)/(1 + z²/n) ± z/(1 + z²/n)·√(p̂(1 − p̂)/n + z²/4n²). Unlike p̂ ± z·√(p̂(1−p̂)/n) it
 * stays within [0, 1] and is not empty at p̂ = 0 or 1. Requires n > 0 and 0 ≤ successes ≤ n.
 * @example wilsonInterval(8, 10, 0.95) → [0.4902, 0.9433]
 */
export function wilsonInterval(successes: number, n: number, conf: number): [number, number] {
  if (!(n > 0) || !(successes >= 0 && successes <= n)) {
    throw new RangeError(`wilsonInterval: ${successes} successes of ${n} is not a proportion`);
  }
  const z = zForConfidence(conf);
  const p = successes / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At p̂ = 0 or 1 the bound is exactly 0 or 1 (centre ∓ half cancel); clamp against rounding elsewhere.
  return [successes === 0 ? 0 : Math.max(0, centre - half), successes === n ? 1 : Math.min(1, centre + half)];
}

/**
 * Variance of one response's NPS contribution (+1 promoter, 0 passive, −1 detractor), with p and d
 * the promoter and detractor shares as fractions: E[X²] − E[X]² = p + d − (p − d)². The standard
 * error of an NPS from n responses is √(v/n) (in fraction units; × 100 for points).
 * @example npsVariance(0.6, 0.15) → 0.5475
 */
export function npsVariance(p: number, d: number): number {
  const v = p + d - (p - d) * (p - d);
  return v > 0 ? v : 0; // never negative through rounding
}

/**
 * Whether two NPS values differ significantly: the unpooled (Welch-type) two-sample z-test
 * z = (NPS₂ − NPS₁)/√(v₁/n₁ + v₂/n₂), with NPS and v = p + d − (p − d)² in fraction units, two-sided
 * at `conf` (default 95 %: |z| ≥ 1.959964, i.e. p ≤ 0.05). When both samples have zero variance
 * (every response in each sample is the same kind) the difference is certain: significant exactly
 * when the two NPS differ. p and d are shares (fractions); n are response counts (> 0).
 * @example npsDiffSignificant(0.5, 0.2, 100, 0.3, 0.3, 100) → true (z = −0.3/√(0.61/100 + 0.6/100) ≈ −2.73)
 */
export function npsDiffSignificant(p1: number, d1: number, n1: number, p2: number, d2: number, n2: number, conf = 0.95): boolean {
  if (!(n1 > 0 && n2 > 0)) throw new RangeError('npsDiffSignificant: both samples need responses');
  const diff = p2 - d2 - (p1 - d1);
  const se2 = npsVariance(p1, d1) / n1 + npsVariance(p2, d2) / n2;
  if (se2 === 0) return Math.abs(diff) > 1e-12;
  const z = diff / Math.sqrt(se2);
  return Math.abs(z) >= (conf === 0.95 ? Z95 : zForConfidence(conf));
}

/**
 * Pooled two-proportion z statistic (the standard test of H₀: p₁ = p₂): with pooled share
 * P = (x₁ + x₂)/(n₁ + n₂), z = (x₂/n₂ − x₁/n₁)/√(P(1 − P)(1/n₁ + 1/n₂)). Positive when the second
 * share is higher. 0 when P is 0 or 1 (both shares equal, nothing to test). Requires n₁, n₂ > 0.
 * @example pooledTwoProportionZ(60, 100, 75, 100) → 2.2646
 */
export function pooledTwoProportionZ(x1: number, n1: number, x2: number, n2: number): number {
  if (!(n1 > 0 && n2 > 0)) throw new RangeError('pooledTwoProportionZ: both samples need responses');
  const pooled = (x1 + x2) / (n1 + n2);
  const se2 = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(se2 > 0)) return 0;
  return (x2 / n2 - x1 / n1) / Math.sqrt(se2);
}

/**
 * The k-th percentile (0 ≤ k ≤ 1) of ascending `sorted` values as spreadsheet PERCENTILE.INC
 * (Excel, LibreOffice, Sheets; Hyndman–Fan type 7): rank h = k·(n − 1), linear interpolation between
 * the values at ⌊h⌋ and ⌊h⌋ + 1. Sort first with `sortedNumbers` (or `Float64Array#sort`, numeric).
 * @example percentileInc([1, 2, 3, 4], 0.9) → 3.7
 */
export function percentileInc(sorted: Float64Array, k: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('percentileInc: no values');
  if (!(k >= 0 && k <= 1)) throw new RangeError(`percentileInc: k = ${k} is not within [0, 1]`);
  const h = k * (n - 1);
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  return sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]);
}

/**
 * The median of ascending `sorted` values (spreadsheet MEDIAN): the middle value, or the mean of the
 * two middle values when n is even.
 * @example median([1, 2, 3, 10]) → 2.5
 */
export function median(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('median: no values');
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * The numbers of `values` (NaN entries, i.e. blanks, dropped) as a new ascending Float64Array, ready
 * for `percentileInc` and `median`. Typed-array sort is numeric and allocates nothing per value.
 */
export function sortedNumbers(values: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) n++;
  const out = new Float64Array(n);
  let j = 0;
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) out[j++] = values[i];
  return out.sort();
}

// ---------------------------------------------------------------- NPS intervals (NPS_CI)

/**
 * Confidence interval of an NPS in points, clipped to −100…100, from promoter and detractor counts
 * of n > 0 answers. `adjusted`: the adjusted-Wald interval (J. Rocks, "Confidence Intervals for
 * Net Promoter Scores", MeasuringU 2016): n′ = n + 3, p′ = (promoters + ¾)/n′, d′ = (detractors + ¾)/n′,
 * centre (p′ − d′)·100 ± z·√((p′ + d′ − (p′ − d′)²)/n′)·100 — never of zero width, and close to the
 * nominal coverage even for a handful of answers. `wald`: NPS ± z·√((p + d − (p − d)²)/n)·100
 * (NPS_MOE), of zero width when every answer is of one kind.
 * @example npsInterval(6, 2, 10, 0.95, 'adjusted') → [−21.6, 67.0] (approximately)
 */
export function npsInterval(promoters: number, detractors: number, n: number, conf: number, method: 'adjusted' | 'wald'): [number, number] {
  if (!(n > 0) || !(promoters >= 0 && detractors >= 0 && promoters + detractors <= n)) {
    throw new RangeError(`npsInterval: ${promoters} promoters and ${detractors} detractors of ${n} answers`);
  }
  const z = conf === 0.95 ? Z95 : zForConfidence(conf);
  const m = method === 'adjusted' ? n + 3 : n;
  const p = method === 'adjusted' ? (promoters + 0.75) / m : promoters / n;
  const d = method === 'adjusted' ? (detractors + 0.75) / m : detractors / n;
  const centre = (p - d) * 100;
  const half = z * Math.sqrt(npsVariance(p, d) / m) * 100;
  return [Math.max(-100, centre - half), Math.min(100, centre + half)];
}
