import { sortedCopy } from './sort';

/**
 * First Wasserstein (earth mover's) distance between two samples, and Evidently's normalised form of it.
 */

/**
 * = scipy.stats.wasserstein_distance(u, v), unweighted: ∫ |F_u(t) - F_v(t)| dt, which for step ECDFs is
 * the sum over consecutive pooled values of |F_u - F_v| times the gap. Sorts copies (inputs untouched)
 * and walks both in one merge, never materialising the pooled array. Finite values only; NaN for an
 * empty side (SciPy raises there).
 */
export function wassersteinDistance(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  if (n === 0 || m === 0) return NaN;
  const a = sortedCopy(u);
  const b = sortedCopy(v);
  let i = 0;
  let j = 0;
  // Pooled values in order; at each step the ECDFs jump past everything <= the current value.
  let prev = a[0] <= b[0] ? a[0] : b[0];
  let sum = 0;
  let comp = 0; // Neumaier compensation: a million small products should not drift from NumPy's pairwise sum
  while (i < n || j < m) {
    const x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    if (x !== prev) {
      const term = Math.abs(i / n - j / m) * (x - prev);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      prev = x;
    }
    while (i < n && a[i] <= x) i++;
    while (j < m && b[j] <= x) j++;
  }
  return sum + comp;
}

/** Population standard deviation (np.std, ddof 0), two-pass so large offsets do not cancel. */
function std(values: Float64Array): number {
  const n = values.length;
  let s = 0;
  for (let i = 0; i < n; i++) s += values[i];
  const mean = s / n;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i] - mean;
    ss += d * d;
  }
  return Math.sqrt(ss / n);
}

/**
 * Evidently's `wasserstein` drift measure: wasserstein_distance(reference, current) divided by
 * max(np.std(reference), 0.001), so the threshold reads in reference standard deviations and a constant
 * reference does not divide by zero.
 */
export function normalizedWasserstein(reference: Float64Array, current: Float64Array): number {
  return wassersteinDistance(reference, current) / Math.max(std(reference), 0.001);
}
