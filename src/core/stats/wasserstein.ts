import { sortedCopy } from './sort';

/**
 * First Wasserstein (earth mover's) distance between two samples, and Evidently's normalised form of it.
 * The plain functions sort copies of their inputs; the `…Sorted` variants take samples already sorted
 * ascending, so a caller running several tests on one column pair sorts it once.
 */

/**
 * = scipy.stats.wasserstein_distance(u, v), unweighted: ∫ |F_u(t) - F_v(t)| dt, which for step ECDFs is
 * the sum over consecutive pooled values of |F_u - F_v| times the gap. Sorts copies (inputs untouched)
 * and walks both in one merge, never materialising the pooled array. Finite values only; NaN for an
 * empty side (SciPy raises there).
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  if (u.length === 0 || v.length === 0) return NaN;
  return wassersteinSorted(sortedCopy(u), sortedCopy(v));
}

/**
 * = wassersteinDistance on samples already sorted ascending (finite values, e.g. from `sortedFinite`).
 * Unsorted input gives a wrong answer, not an error.
 *
 * One merge step per value: before value x is taken, the ECDFs hold everything below it, so the gap from
 * the previous pooled value adds |F_u - F_v|·(x - prev) (0 for tied values). |F_u - F_v| is formed as the
 * integer |i·m - j·n| (exact below 2^53) times 1/(n·m). The terms are never negative, so a plain sum is
 * within n·ε relative of the exact one (NumPy sums pairwise; both are far inside the 1e-6 the tests ask).
 */
export function wassersteinSorted(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  if (n === 0 || m === 0) return NaN;
  const inv = 1 / (n * m);
  let prev = u[0] <= v[0] ? u[0] : v[0];
  let i = 0;
  let j = 0;
  let sum = 0;
  // One loop to the end of both sides (once one is used up, |i·m - j·n| is the other's remaining ECDF gap): code
  // after a loop V8 optimized mid-run, never run before, would be thrown out on first use.
  while (i < n || j < m) {
    const w = Math.abs(i * m - j * n) * inv;
    let t: number;
    if (j === m || (i < n && u[i] <= v[j])) t = u[i++];
    else t = v[j++];
    sum += w * (t - prev);
    prev = t;
  }
  return sum;
}

/** Population standard deviation (np.std, ddof 0), two-pass so large offsets do not cancel. */
function std(values: Float64Array): number {
  const n = values.length;
  return Math.sqrt(squaredDeviations(values, total(values) / n) / n);
}

function total(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return s;
}

function squaredDeviations(values: Float64Array, mean: number): number {
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    ss += d * d;
  }
  return ss;
}

/**
 * Evidently's `wasserstein` drift measure: wasserstein_distance(reference, current) divided by
 * max(np.std(reference), 0.001), so the threshold reads in reference standard deviations and a constant
 * reference does not divide by zero.
 */
export function normalizedWasserstein(reference: Float64Array, current: Float64Array): number {
  return wassersteinDistance(reference, current) / Math.max(std(reference), 0.001);
}

/** = normalizedWasserstein on samples already sorted ascending (finite values). */
export function normalizedWassersteinSorted(reference: Float64Array, current: Float64Array): number {
  return wassersteinSorted(reference, current) / Math.max(std(reference), 0.001);
}
