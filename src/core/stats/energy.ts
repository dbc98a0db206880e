import { sortedCopy } from './sort';

/**
 * Energy distance between two samples (Székely & Rizzo), the 2-Cramér distance scaled by √2. Like the
 * Wasserstein distance it reads the gap between the two ECDFs, but squared, so many small disagreements
 * count for less than one large one.
 */

/**
 * = scipy.stats.energy_distance(u, v), unweighted: √2 · sqrt(∫ (F_u(t) − F_v(t))² dt), which for step ECDFs
 * is the sum over consecutive pooled values of (F_u − F_v)² times the gap. O(n log n): sorts copies
 * (radix sort, inputs untouched) and walks both in one merge without building the pooled array, the same
 * walk as wassersteinDistance. The CDF difference is formed as SciPy does (i/n − j/m) so every term
 * matches its term; every term is >= 0, so only the summation can drift, and a Neumaier-compensated sum
 * keeps a million of them as accurate as NumPy's pairwise sum. Finite values only (callers drop NaN and
 * ±Infinity); NaN for an empty side, where SciPy raises.
 */
export function energyDistance(u: Float64Array, v: Float64Array): number {
  const n = u.length;
  const m = v.length;
  if (n === 0 || m === 0) return NaN;
  const a = sortedCopy(u);
  const b = sortedCopy(v);
  let i = 0;
  let j = 0;
  let prev = a[0] <= b[0] ? a[0] : b[0];
  let sum = 0;
  let comp = 0;
  while (i < n || j < m) {
    const x = j >= m || (i < n && a[i] <= b[j]) ? a[i] : b[j];
    if (x !== prev) {
      // Here i and j count the values <= prev: the ECDFs on [prev, x).
      const d = i / n - j / m;
      const term = d * d * (x - prev);
      const t = sum + term;
      comp += Math.abs(sum) >= Math.abs(term) ? sum - t + term : term - t + sum;
      sum = t;
      prev = x;
    }
    while (i < n && a[i] <= x) i++;
    while (j < m && b[j] <= x) j++;
  }
  return Math.SQRT2 * Math.sqrt(sum + comp);
}
