/**
 * Seeded Poisson bootstrap of the difference current − reference of several performance metrics at once.
 *
 * The classic (multinomial) bootstrap resamples n rows with replacement, i.e. gives row i a count drawn
 * from Multinomial(n; 1/n, …, 1/n). The Poisson bootstrap draws each row's count independently from
 * Poisson(1) instead: the counts no longer sum to exactly n, but for n beyond a few dozen rows the two agree
 * closely (the multinomial counts are Poisson(1) conditioned on their sum, and that sum is n ± √n), which is
 * why it is the standard choice for large data. It is used here because it fits how the metrics are computed:
 * - a replicate is a weight per row (`sample_weight` semantics) fed to the same weighted metric functions, so
 *   it costs O(n) with no resampled copies of the columns;
 * - rows keep their positions, so work done once on the full data stays valid in every replicate, e.g. the
 *   sort by score behind ROC-AUC (`scoreOrder` + `rocAucOrdered` scan a replicate in O(n)), or per-row word
 *   edit counts for WER;
 * - the draws are row by row from one seeded stream, so the same seed gives the same intervals.
 * Each side gets its own independent weights (the sides are independent samples), and the interval is the
 * percentile interval of the replicate differences.
 */
import { seededRandom } from '../../io/sample';

export interface BootstrapSide<K extends string> {
  /** Rows of this side: the length of the weight array passed to `evaluate`. */
  rows: number;
  /**
   * The metrics on this side with a weight per row (undefined: unweighted, the observed values). The array
   * is reused by the next replicate: read it during the call, do not keep it.
   */
  evaluate(weights: Float64Array | undefined): Record<K, number>;
}

export interface BootstrapOptions {
  /** Number of replicates (e.g. 200); 0 gives null intervals. */
  replicates: number;
  seed: number;
  /** Confidence level in (0, 1), e.g. 0.95 for the 2.5th and 97.5th percentiles. */
  level: number;
}

/** P(Poisson(1) <= k) for k = 0…; the last entry is forced to 1 so the inversion loop always stops. */
const POISSON_CDF = (() => {
  const cdf = new Float64Array(20);
  let p = Math.exp(-1);
  let sum = 0;
  for (let k = 0; k < cdf.length; k++) {
    sum += p;
    cdf[k] = sum;
    p /= k + 1;
  }
  cdf[cdf.length - 1] = 1;
  return cdf;
})();

/**
 * A shortcut for the inversion: the draw for every u in [b/4096, (b+1)/4096), or -1 when a CDF step falls
 * inside that bucket (a dozen of the 4096 buckets). One table read replaces the data-dependent comparison
 * loop, whose branch mispredictions cost more than the random number itself.
 */
const TABLE_BITS = 12;
const POISSON_TABLE = (() => {
  const size = 1 << TABLE_BITS;
  const table = new Int8Array(size);
  let k = 0;
  for (let b = 0; b < size; b++) {
    const lo = b / size;
    const hi = (b + 1) / size;
    while (lo >= POISSON_CDF[k]) k++;
    table[b] = hi <= POISSON_CDF[k] ? k : -1;
  }
  return table;
})();

/**
 * Fills `out` with independent Poisson(1) draws by inversion of the tabulated CDF: k is the first index with
 * u < P(X <= k). The bucket table gives k directly for all but ~0.3% of draws (the same k the search finds).
 */
function poissonWeights(out: Float64Array, random: () => number): void {
  const cdf = POISSON_CDF;
  const table = POISSON_TABLE;
  const size = 1 << TABLE_BITS;
  for (let i = 0; i < out.length; i++) {
    const u = random();
    let k = table[(u * size) | 0];
    if (k < 0) {
      k = 0;
      while (u >= cdf[k]) k++;
    }
    out[i] = k;
  }
}

/** The q-quantile of sorted values with NumPy's default 'linear' method (np.quantile / np.percentile). */
function quantileLinear(sorted: Float64Array, count: number, q: number): number {
  const pos = q * (count - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, count - 1);
  const t = pos - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  const d = b - a;
  // NumPy's _lerp: from below for t < 0.5, from above otherwise (exact at both ends, monotone).
  return t < 0.5 ? a + d * t : b - d * (1 - t);
}

/**
 * Percentile bootstrap interval of current − reference for every metric the sides return. Per replicate:
 * Poisson(1) weights for every reference row, then for every current row (one seeded stream, `seededRandom`),
 * both sides evaluated, differences recorded. Replicates where a metric's difference is NaN (e.g. a
 * replicate with no positives for ROC-AUC) are dropped for that metric; a metric with fewer than half the
 * replicates giving a number gets null. The interval runs from the (1 − level)/2 to the (1 + level)/2
 * quantile of the differences, interpolated linearly as NumPy's default. Same seed, same intervals.
 */
export function bootstrapDifference<K extends string>(
  reference: BootstrapSide<K>,
  current: BootstrapSide<K>,
  options: BootstrapOptions,
): Record<K, { low: number; high: number } | null> {
  const { replicates, seed, level } = options;
  if (!(level > 0 && level < 1)) throw new RangeError(`bootstrap level must be in (0, 1), got ${level}`);
  if (!(replicates >= 0) || !Number.isInteger(replicates)) {
    throw new RangeError(`bootstrap replicates must be a non-negative integer, got ${replicates}`);
  }
  const random = seededRandom(seed);
  const wr = new Float64Array(reference.rows);
  const wc = new Float64Array(current.rows);
  let keys: K[] | null = null;
  let diffs: Float64Array[] = [];
  let counts: Int32Array = new Int32Array(0);
  for (let r = 0; r < replicates; r++) {
    poissonWeights(wr, random);
    poissonWeights(wc, random);
    const a = reference.evaluate(wr);
    const b = current.evaluate(wc);
    if (keys === null) {
      keys = Object.keys(a) as K[];
      diffs = keys.map(() => new Float64Array(replicates));
      counts = new Int32Array(keys.length);
    }
    for (let m = 0; m < keys.length; m++) {
      const d = b[keys[m]] - a[keys[m]];
      if (d === d) diffs[m][counts[m]++] = d;
    }
  }
  const out = {} as Record<K, { low: number; high: number } | null>;
  if (keys === null) {
    // No replicate ran: the metric names come from the observed values.
    for (const key of Object.keys(reference.evaluate(undefined)) as K[]) out[key] = null;
    return out;
  }
  const alpha = (1 - level) / 2;
  for (let m = 0; m < keys.length; m++) {
    const count = counts[m];
    if (2 * count < replicates || count === 0) {
      out[keys[m]] = null;
      continue;
    }
    const sorted = diffs[m].subarray(0, count).sort();
    out[keys[m]] = { low: quantileLinear(sorted, count, alpha), high: quantileLinear(sorted, count, 1 - alpha) };
  }
  return out;
}
