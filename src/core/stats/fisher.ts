/**
 * Fisher's exact test on a 2×2 table, = scipy.stats.fisher_exact([[a, b], [c, d]], alternative='two-sided')
 * in SciPy 1.10 (scipy/stats/_stats_py.py).
 *
 * With the margins fixed, the top-left cell X is hypergeometric: P(X = x) = C(r1, x)·C(r2, c1 - x) / C(N, c1)
 * (rows r1 = a+b, r2 = c+d, first column c1 = a+c). The two-sided p-value sums P(X = y) over every y at most
 * as probable as the observed a, with SciPy's relative tolerance: P(y) <= P(a)·(1 + 1e-14) counts. (Newer
 * SciPy releases moved to 1 + 1e-7; 1.10 still uses 1e-14, and this follows 1.10.)
 *
 * How, without a pmf array:
 * - log P(y) in O(1) by Loader's saddle-point form (C. Loader, "Fast and accurate computation of binomial
 *   probabilities", 2000; R's dhyper/dbinom_raw): Stirling remainders plus the deviance term bd0, accurate
 *   to ~1e-15 relative even for counts in the millions and far in the tails, where lgamma differences would
 *   lose ~1e-9;
 * - the observed tail is P(a)·Σ ratios, walking from a away from the mode with the exact one-step ratio
 *   P(y∓1)/P(y), until terms no longer change the sum (O(σ) steps, σ <= sqrt(N)/4);
 * - the first "as extreme" point on the other side of the mode is found by bisection on log P (the pmf is
 *   monotone on each side), and its tail summed the same way;
 * - when a margin pair is equal the distribution is symmetric and P(mirror) = P(a) exactly; the mirror is
 *   then taken directly, since the 1e-14 tie tolerance is finer than any evaluation of P at large N.
 */

const LN_2PI = 1.8378770664093456;

/** Stirling-series remainders log(n!) - log(sqrt(2πn)·(n/e)^n) for n = 0..15 (n = 0 is unused). */
const SFERR = [
  0.0, 0.08106146679532726, 0.0413406959554093, 0.02767792568499834, 0.020790672103765093,
  0.016644691189821193, 0.013876128823070748, 0.01189670994589177, 0.010411265261972096, 0.009255462182712733,
  0.00833056343336287, 0.007573675487951841, 0.00694284010720953, 0.006408994188004207, 0.0059513701127588475,
  0.005554733551962801,
];

/** Stirling remainder for a non-negative integer n (Loader's stirlerr). */
function stirlerr(n: number): number {
  if (n <= 15) return SFERR[n];
  const nn = n * n;
  const S0 = 1 / 12;
  const S1 = 1 / 360;
  const S2 = 1 / 1260;
  const S3 = 1 / 1680;
  const S4 = 1 / 1188;
  if (n > 500) return (S0 - S1 / nn) / n;
  if (n > 80) return (S0 - (S1 - S2 / nn) / nn) / n;
  if (n > 35) return (S0 - (S1 - (S2 - S3 / nn) / nn) / nn) / n;
  return (S0 - (S1 - (S2 - (S3 - S4 / nn) / nn) / nn) / nn) / n;
}

/** Deviance term x·log(x/np) + np - x, by a series in v = (x-np)/(x+np) when x is close to np (Loader's bd0). */
function bd0(x: number, np: number): number {
  if (Math.abs(x - np) < 0.1 * (x + np)) {
    let v = (x - np) / (x + np);
    let s = (x - np) * v;
    let ej = 2 * x * v;
    v *= v;
    for (let j = 1; j < 1000; j++) {
      ej *= v;
      const s1 = s + ej / (2 * j + 1);
      if (s1 === s) return s1;
      s = s1;
    }
  }
  return x * Math.log(x / np) + np - x;
}

/** log of the binomial probability C(n, x) p^x q^(n-x), q = 1 - p given separately (Loader's dbinom_raw). */
function logBinomRaw(x: number, n: number, p: number, q: number): number {
  if (p === 0) return x === 0 ? 0 : -Infinity;
  if (q === 0) return x === n ? 0 : -Infinity;
  if (x === 0) {
    if (n === 0) return 0;
    return p < 0.1 ? -bd0(n, n * q) - n * p : n * Math.log(q);
  }
  if (x === n) return q < 0.1 ? -bd0(n, n * p) - n * q : n * Math.log(p);
  if (x < 0 || x > n) return -Infinity;
  const lc = stirlerr(n) - stirlerr(x) - stirlerr(n - x) - bd0(x, n * p) - bd0(n - x, n * q);
  const lf = LN_2PI + Math.log(x) + Math.log1p(-x / n);
  return lc - 0.5 * lf;
}

/** The table's hypergeometric law: X = top-left cell given rows r1, r2 and first column c1. */
class Hypergeometric {
  readonly lo: number;
  readonly hi: number;
  private readonly p: number;
  private readonly q: number;
  private readonly logNorm: number;

  constructor(
    readonly r1: number,
    readonly r2: number,
    readonly c1: number,
  ) {
    const n = r1 + r2;
    this.lo = Math.max(0, c1 - r2);
    this.hi = Math.min(r1, c1);
    // As binomials with p = c1/N: P(x) = b(x; r1, p)·b(c1-x; r2, p) / b(c1; N, p) (R's dhyper).
    this.p = c1 / n;
    this.q = (n - c1) / n;
    this.logNorm = logBinomRaw(c1, n, this.p, this.q);
  }

  logPmf(x: number): number {
    if (x < this.lo || x > this.hi) return -Infinity;
    return logBinomRaw(x, this.r1, this.p, this.q) + logBinomRaw(this.c1 - x, this.r2, this.p, this.q) - this.logNorm;
  }

  /** P(y-1)/P(y). */
  down(y: number): number {
    return (y * (this.r2 - this.c1 + y)) / ((this.r1 - y + 1) * (this.c1 - y + 1));
  }

  /** P(y+1)/P(y). */
  up(y: number): number {
    return ((this.r1 - y) * (this.c1 - y)) / ((y + 1) * (this.r2 - this.c1 + y + 1));
  }

  /**
   * Σ P(y) from `from` outward (step -1: down to lo, +1: up to hi), for `from` on the far side of the mode so
   * terms only shrink. Summed as P(from)·Σ ratios; stops once a term is below 1e-17 of the sum.
   */
  tail(from: number, step: -1 | 1): number {
    const logP = this.logPmf(from);
    if (logP === -Infinity) return 0;
    let term = 1;
    let sum = 1;
    for (let y = from; step < 0 ? y > this.lo : y < this.hi; y += step) {
      term *= step < 0 ? this.down(y) : this.up(y);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return Math.exp(logP) * sum;
  }
}

/** SciPy's relative tolerance for "as probable as observed" in 1.10. */
const GAMMA_LOG = Math.log1p(1e-14);

function isCount(v: number): boolean {
  return Number.isInteger(v) && v >= 0;
}

/**
 * Fisher's exact test of [[a, b], [c, d]] (non-negative integer counts; RangeError otherwise). `statistic`
 * is the sample odds ratio a·d / (b·c): Infinity when b or c is 0, NaN (with p = 1) when a row or column is
 * empty, as SciPy returns. Cost: O(sqrt(N)) steps and O(log N) pmf evaluations, whatever the counts.
 */
export function fisherExact(a: number, b: number, c: number, d: number): { statistic: number; pValue: number } {
  if (!isCount(a) || !isCount(b) || !isCount(c) || !isCount(d)) {
    throw new RangeError('fisherExact: cells must be non-negative integers');
  }
  const r1 = a + b;
  const r2 = c + d;
  const c1 = a + c;
  const c2 = b + d;
  if (r1 === 0 || r2 === 0 || c1 === 0 || c2 === 0) return { statistic: NaN, pValue: 1 };
  const statistic = c > 0 && b > 0 ? (a * d) / (c * b) : Infinity;

  const h = new Hypergeometric(r1, r2, c1);
  const n = r1 + r2;
  // SciPy's mode, int((c1+1)(r1+1)/(N+2)); when two values share the top probability it is the upper one.
  const mode = Math.trunc(((c1 + 1) * (r1 + 1)) / (n + 2));
  if (a === mode) return { statistic, pValue: 1 };
  // Next to the mode, equal probability means a plateau of two modes; the one-step ratio is a quotient of
  // exact integer products, so equality is decided exactly.
  if (a === mode - 1 && h.up(a) === 1) return { statistic, pValue: 1 };
  if (a === mode + 1 && h.down(a) === 1) return { statistic, pValue: 1 };

  const lower = a < mode;
  const ownTail = h.tail(a, lower ? -1 : 1);

  // First y beyond the mode, on the other side, with P(y) <= P(a)·(1 + 1e-14).
  let other: number;
  if (r1 === r2) other = c1 - a;
  else if (c1 === c2) other = r1 - a;
  else {
    const threshold = h.logPmf(a) + GAMMA_LOG;
    if (lower) {
      // Smallest y in (mode, hi] at or below the threshold (hi + 1: none).
      let loY = mode + 1;
      let hiY = h.hi + 1;
      while (loY < hiY) {
        const mid = loY + Math.floor((hiY - loY) / 2);
        if (h.logPmf(mid) <= threshold) hiY = mid;
        else loY = mid + 1;
      }
      other = loY;
    } else {
      // Largest y in [lo, mode) at or below the threshold (lo - 1: none).
      let loY = h.lo - 1;
      let hiY = mode - 1;
      while (loY < hiY) {
        const mid = hiY - Math.floor((hiY - loY) / 2);
        if (h.logPmf(mid) <= threshold) loY = mid;
        else hiY = mid - 1;
      }
      other = loY;
    }
  }
  let otherTail = 0;
  if (lower && other <= h.hi) otherTail = h.tail(other, 1);
  else if (!lower && other >= h.lo) otherTail = h.tail(other, -1);
  return { statistic, pValue: Math.min(ownTail + otherTail, 1) };
}
