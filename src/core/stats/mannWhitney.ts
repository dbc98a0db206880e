/**
 * Two-sided Mann–Whitney U test, = scipy.stats.mannwhitneyu(reference, current, alternative='two-sided',
 * method='auto', use_continuity=True) in SciPy 1.10 (scipy/stats/_mannwhitneyu.py).
 *
 * U1 = R1 - n1(n1+1)/2 with R1 the midrank sum of the first sample; the p-value is 2·P(U >= max(U1, U2)),
 * clipped to [0, 1]. SciPy's `auto` takes the exact null distribution when at least one sample has at most
 * 8 values and the pooled sample has no ties, the normal approximation otherwise:
 * - exact: the number of arrangements with U = k is the coefficient of q^k in the Gaussian binomial
 *   [n1+n2 choose s]_q = Π_{i=1..s} (1 - q^(t+i)) / (1 - q^i), s = min(n1, n2) <= 8, t = max(n1, n2);
 *   only degrees up to n1·n2 - U are needed (the lower tail, by symmetry), so the cost is O(s·n1·n2/2)
 *   cheap steps instead of SciPy's memoised three-dimensional recursion;
 * - asymptotic: z = (U - n1n2/2 - 1/2) / σ with the tie-corrected σ² = n1n2/12·((n+1) - Σ(t³-t)/(n(n-1))).
 */
import { tieGroups } from './ranks';
import { normalSf } from './special';

/** Above this size in both samples `auto` is asymptotic even without ties (SciPy's rule: n1 > 8 and n2 > 8). */
const EXACT_MAX_SMALLER = 8;
/** t³ - t is an exact double while t³ < 2^53. */
const CUBE_EXACT_MAX = 208063;
const TWO53 = 9007199254740992;

/** = scipy.special.binom(n, k) for integers with min(k, n-k) < 20: the product loop of its integer branch. */
function binomSmall(n: number, k: number): number {
  let kx = k;
  if (kx > n / 2 && n > 0) kx = n - kx;
  let num = 1;
  let den = 1;
  for (let i = 1; i <= kx; i++) {
    num *= i + n - kx;
    den *= i;
    if (Math.abs(num) > 1e50) {
      num /= den;
      den = 1;
    }
  }
  return num / den;
}

/**
 * P(U <= k) under the null for sizes n1, n2 without ties (= SciPy's _MWU.cdf): counts of the Gaussian
 * binomial up to degree k, summed and divided by C(n1+n2, n1). Multiplying by (1 - q^(t+i)) then dividing
 * by (1 - q^i) keeps every intermediate a (truncated) Gaussian binomial, so counts stay non-negative and
 * the few subtractions cancel little.
 */
function exactCdf(k: number, n1: number, n2: number): number {
  const s = Math.min(n1, n2);
  const t = Math.max(n1, n2);
  const c = new Float64Array(k + 1);
  c[0] = 1;
  for (let i = 1; i <= s; i++) {
    for (let d = k; d >= t + i; d--) c[d] -= c[d - t - i];
    for (let d = i; d <= k; d++) c[d] += c[d - i];
  }
  const total = binomSmall(n1 + n2, n1);
  let cdf = 0;
  for (let d = 0; d <= k; d++) cdf += c[d] / total;
  return cdf;
}

/**
 * Mann–Whitney U of `reference` against `current` (finite values; neither is modified). `statistic` is U
 * of the first sample. Throws RangeError on an empty sample, as SciPy raises. Cost: two sorts and a merge,
 * plus, on the exact path, at most 8·n1·n2 additions (8 × 1e6: ~0.1 s).
 */
export function mannWhitneyU(reference: Float64Array, current: Float64Array): { statistic: number; pValue: number } {
  const n1 = reference.length;
  const n2 = current.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('mannWhitneyU: both samples need at least one value');
  const { size, countA, countB } = tieGroups(reference, current);

  // Midrank sum of the first sample (half-integers, exact), and Σ(t³ - t) over tie groups formed exactly as
  // NumPy's int64 sum before its single rounding to double (it decides σ = 0 for constant samples).
  let below = 0;
  let r1 = 0;
  let hasTies = false;
  let tieSmall = 0;
  let tieBig = 0n;
  for (let j = 0; j < size; j++) {
    const t = countA[j] + countB[j];
    r1 += countA[j] * (below + (t + 1) / 2);
    below += t;
    if (t > 1) {
      hasTies = true;
      if (t <= CUBE_EXACT_MAX) {
        const v = t * t * t - t;
        if (tieSmall > TWO53 - v) {
          tieBig += BigInt(tieSmall);
          tieSmall = 0;
        }
        tieSmall += v;
      } else {
        const bt = BigInt(t);
        tieBig += bt * bt * bt - bt;
      }
    }
  }
  const u1 = r1 - (n1 * (n1 + 1)) / 2;
  const u2 = n1 * n2 - u1;
  const u = Math.max(u1, u2);

  let p: number;
  if (Math.min(n1, n2) <= EXACT_MAX_SMALLER && !hasTies) {
    p = exactCdf(n1 * n2 - u, n1, n2);
  } else {
    const n = n1 + n2;
    const tieTerm = tieBig === 0n ? tieSmall : Number(tieBig + BigInt(tieSmall));
    const sigma = Math.sqrt(((n1 * n2) / 12) * (n + 1 - tieTerm / (n * (n - 1))));
    const z = (u - (n1 * n2) / 2 - 0.5) / sigma;
    p = normalSf(z);
  }
  p *= 2;
  // np.clip keeps NaN (σ² rounding below 0 for a constant pooled sample), as SciPy returns it.
  return { statistic: u1, pValue: Number.isNaN(p) ? NaN : Math.min(Math.max(p, 0), 1) };
}
