/**
 * Two-sample Cramér–von Mises test, = scipy.stats.cramervonmises_2samp(reference, current, method='auto')
 * in SciPy 1.10 (scipy/stats/_hypotests.py).
 *
 * Statistic (Anderson 1962, eq. 9): with midranks r_i of the sorted first sample and s_j of the second in
 * the pooled sample, U = n·Σ(r_i - i)² + m·Σ(s_j - j)² and T = U/(nm(n+m)) - (4nm - 1)/(6(n+m)). T is the
 * small difference of two large numbers (at 1e6 + 1e6 values ~3e5 each, T ~1e-7 for identical samples),
 * so the two sums are formed exactly as NumPy forms them (./numpySum) to reproduce SciPy's digits.
 *
 * p-value, as SciPy's `auto`:
 * - both samples with at most 20 values: exact, the share of the C(n+m, n) rank arrangements whose U is at
 *   least the observed one, by the frequency-table recursion of Xiao, Gordon & Yakovlev (J. Stat. Soft.
 *   17(8), 2006) that SciPy uses (with ties the tie-free distribution is used, as there);
 * - otherwise the normalised statistic tn = 1/6 + (T - E T)/sqrt(45 Var T) is referred to the limiting
 *   distribution of the one-sample statistic (Csörgő & Faraway 1996, eq. 1.2), a series in K_{1/4}.
 */
import { besselK } from './bessel';
import { NumpySum } from './numpySum';
import { tieGroups } from './ranks';
import { logGamma } from './special';

/** π^1.5 as Python's `np.pi**1.5` rounds it. */
const PI_POW_1_5 = 5.568327996831708;

/**
 * CDF of the limiting (n → ∞) Cramér–von Mises distribution, = SciPy's _cdf_cvm_inf: Σ_k terms of
 * Csörgő & Faraway (1.3), Γ(k+1/2)/(Γ(k+1)·π^1.5·sqrt(x)) · sqrt(4k+1) · e^(-q) · K_{1/4}(q) with
 * q = (4k+1)²/(16x), adding terms until one is below 1e-7 (that one included), as SciPy stops.
 */
export function cvmLimitCdf(x: number): number {
  let total = 0;
  for (let k = 0; ; k++) {
    const u = Math.exp(logGamma(k + 0.5) - logGamma(k + 1)) / (PI_POW_1_5 * Math.sqrt(x));
    const y = 4 * k + 1;
    const q = (y * y) / (16 * x);
    const z = u * Math.sqrt(y) * Math.exp(-q) * besselK(0.25, q);
    total += z;
    if (!(Math.abs(z) >= 1e-7)) return total;
  }
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** floor(num / den) for integers (or quarter-integers) below 2^53, exact where a float division may round up. */
function floorDiv(num: number, den: number): number {
  let q = Math.floor(num / den);
  if (q * den > num) q -= 1;
  else if ((q + 1) * den <= num) q += 1;
  return q;
}

/**
 * Exact P(U >= u) for sample sizes m (first) and n, = SciPy's _pval_cvm_2samp_exact. With a = lcm/m and
 * b = lcm/n, every monotone lattice path from (0, 0) to (n, m) has ζ = Σ over its points (a·v - b·u)², an
 * integer affine in U; a table per point holds the distinct ζ of the paths reaching it with their counts
 * (sorted values, merged from the two predecessors), one row of points at a time.
 */
function exactSf(uStat: number, m: number, n: number): number {
  const lcm = (m / gcd(m, n)) * n;
  const a = lcm / m;
  const b = lcm / n;
  const mn = m * n;
  // SciPy: zeta = lcm**2 * (m + n) * (6*s - mn*(4*mn - 1)) // (6*mn**2), exact at these sizes.
  const zeta = floorDiv(lcm * lcm * (m + n) * (6 * uStat - mn * (4 * mn - 1)), 6 * mn * mn);

  const empty = new Float64Array(0);
  let values: Float64Array[] = [Float64Array.of(0)];
  let counts: Float64Array[] = [Float64Array.of(1)];
  for (let v = 1; v <= m; v++) {
    values.push(empty);
    counts.push(empty);
  }
  for (let u = 0; u <= n; u++) {
    const nextValues: Float64Array[] = [];
    const nextCounts: Float64Array[] = [];
    let tv = empty;
    let tc = empty;
    for (let v = 0; v <= m; v++) {
      // Paths into (u, v) come from (u-1, v) (last row's table) and (u, v-1) (the table just built).
      const gv = values[v];
      const gc = counts[v];
      const mv = new Float64Array(tv.length + gv.length);
      const mc = new Float64Array(tv.length + gv.length);
      let i = 0;
      let j = 0;
      let k = 0;
      while (i < tv.length || j < gv.length) {
        if (j >= gv.length || (i < tv.length && tv[i] < gv[j])) {
          mv[k] = tv[i];
          mc[k++] = tc[i++];
        } else if (i >= tv.length || gv[j] < tv[i]) {
          mv[k] = gv[j];
          mc[k++] = gc[j++];
        } else {
          mv[k] = tv[i];
          mc[k++] = tc[i++] + gc[j++];
        }
      }
      const step = a * v - b * u;
      const add = step * step;
      tv = mv.subarray(0, k);
      tc = mc.subarray(0, k);
      for (let t = 0; t < k; t++) tv[t] += add;
      nextValues.push(tv);
      nextCounts.push(tc);
    }
    values = nextValues;
    counts = nextCounts;
  }
  const fv = values[m];
  const fc = counts[m];
  let hits = 0;
  for (let t = 0; t < fv.length; t++) if (fv[t] >= zeta) hits += fc[t];
  // C(m+n, m) exactly: every partial product C(n+i, i) is an integer below 2^53 at these sizes.
  let total = 1;
  for (let i = 1; i <= m; i++) total = (total * (n + i)) / i;
  return hits / total;
}

/** Both samples at most this large: exact p-value (SciPy's `auto`). */
const EXACT_MAX = 20;

/**
 * Two-sample Cramér–von Mises test of `reference` against `current` (finite values; neither is modified).
 * Throws RangeError when a sample has fewer than two values, as SciPy raises. Cost: two sorts and a merge;
 * the exact path (<= 20 values each) takes well under a second, the asymptotic series a few thousand
 * Bessel evaluations at most.
 */
export function cramerVonMises2Samp(reference: Float64Array, current: Float64Array): { statistic: number; pValue: number } {
  const nx = reference.length;
  const ny = current.length;
  if (nx <= 1 || ny <= 1) throw new RangeError('cramerVonMises2Samp: both samples need at least two values');
  const { size, countA, countB } = tieGroups(reference, current);

  // Σ (midrank - position)² over each sorted sample, element by element in NumPy's order.
  const sumX = new NumpySum();
  const sumY = new NumpySum();
  let below = 0;
  let posX = 0;
  let posY = 0;
  for (let g = 0; g < size; g++) {
    const fa = countA[g];
    const fb = countB[g];
    const rank = below + (fa + fb + 1) / 2;
    for (let i = 0; i < fa; i++) {
      const d = rank - ++posX;
      sumX.push(d * d);
    }
    for (let j = 0; j < fb; j++) {
      const d = rank - ++posY;
      sumY.push(d * d);
    }
    below += fa + fb;
  }
  const u = nx * sumX.value + ny * sumY.value;
  const k = nx * ny;
  const N = nx + ny;
  const t = u / (k * N) - (4 * k - 1) / (6 * N);

  let p: number;
  if (Math.max(nx, ny) <= EXACT_MAX) {
    p = exactSf(u, nx, ny);
  } else {
    const et = (1 + 1 / N) / 6;
    const vt = ((N + 1) * (4 * k * N - 3 * (nx * nx + ny * ny) - 2 * k)) / (45 * N * N * 4 * k);
    const tn = 1 / 6 + (t - et) / Math.sqrt(45 * vt);
    // SciPy: below 0.003 the limiting CDF is < 1.3e-18, so p is 1.
    p = tn < 0.003 ? 1 : Math.max(0, 1 - cvmLimitCdf(tn));
  }
  return { statistic: t, pValue: p };
}
