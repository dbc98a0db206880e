/**
 * Summary statistics of one sample, for the panel's quantile table: what `pandas.Series.describe` shows plus
 * the 5th and 95th percentiles. Quantiles are NumPy's default ('linear', index (n−1)·q, NumPy's two-sided lerp)
 * and the standard deviation is the sample one (ddof = 1, as pandas), so values match what users check with.
 */

export interface Description {
  count: number;
  min: number;
  p5: number;
  p25: number;
  median: number;
  p75: number;
  p95: number;
  max: number;
  mean: number;
  /** Sample standard deviation (n − 1 in the denominator); NaN for one value. */
  std: number;
}

/** The q-quantile (0 ≤ q ≤ 1) of ascending `sorted`, as np.quantile(x, q); NaN when empty. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const virtual = (n - 1) * q;
  if (virtual >= n - 1) return sorted[n - 1];
  if (virtual <= 0) return sorted[0];
  const below = Math.floor(virtual);
  const gamma = virtual - below;
  const a = sorted[below];
  const diff = sorted[below + 1] - a;
  return gamma >= 0.5 ? sorted[below + 1] - diff * (1 - gamma) : a + diff * gamma;
}

/**
 * Describes ascending finite `sorted` values. Mean and variance by Welford's update, which stays accurate for
 * large offsets (epoch-millisecond datetimes) where summing squares would lose every digit.
 */
export function describeSorted(sorted: Float64Array): Description {
  const n = sorted.length;
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < n; i++) {
    const d = sorted[i] - mean;
    mean += d / (i + 1);
    m2 += d * (sorted[i] - mean);
  }
  return {
    count: n,
    min: n ? sorted[0] : NaN,
    p5: quantileSorted(sorted, 0.05),
    p25: quantileSorted(sorted, 0.25),
    median: quantileSorted(sorted, 0.5),
    p75: quantileSorted(sorted, 0.75),
    p95: quantileSorted(sorted, 0.95),
    max: n ? sorted[n - 1] : NaN,
    mean: n ? mean : NaN,
    std: n > 1 ? Math.sqrt(m2 / (n - 1)) : NaN,
  };
}
