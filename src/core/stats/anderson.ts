/**
 * k-sample Anderson–Darling test for k = 2, = scipy.stats.anderson_ksamp([reference, current]) (midrank=True)
 * in SciPy 1.10 (scipy/stats/_morestats.py).
 *
 * Statistic: Scholz & Stephens (1987) A²akN, their eq. 7 for data with ties, standardised as
 * A2 = (A²akN - (k-1)) / σN with σN² from their eq. 4. Every term needs only, per distinct pooled value,
 * how often it occurs on each side and how many pooled values lie below (./ranks): one merge after two sorts
 * instead of SciPy's searchsorted per sample. Sums are formed in NumPy's order (./numpySum).
 *
 * p-value ("significance level"): SciPy 1.10 has no distribution for A2; it fits a quadratic in A2 to the
 * logs of the seven tabulated levels 0.25 … 0.001 at Scholz & Stephens' critical values (Table 2
 * interpolated to k - 1 = 1) and evaluates exp of it. Outside the tabulated range the level is capped at
 * 0.25 or floored at 0.001 (SciPy warns there). So the p-value is only a rough interpolation, and never
 * leaves [0.001, 0.25]: fine for "drifted or not" at the usual thresholds, not a probability to report finely.
 */
import { NumpySum } from './numpySum';
import { tieGroups } from './ranks';

/** Scholz & Stephens Table 2 interpolation coefficients, as in SciPy: critical = b0 + b1/sqrt(m) + b2/m. */
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];
const SIG = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];

/** Critical values for m = k - 1 = 1, rounded as NumPy evaluates b0 + b1/sqrt(1) + b2/1. */
const CRITICAL = B0.map((b0, i) => b0 + B1[i] / Math.sqrt(1) + B2[i] / 1);
const CRITICAL_MIN = Math.min(...CRITICAL);
const CRITICAL_MAX = Math.max(...CRITICAL);

/**
 * np.polyfit(CRITICAL, log(SIG), 2): least squares for [c2, c1, c0] on the columns x², x, 1, each scaled to
 * unit norm as NumPy does, solved by Householder QR (NumPy uses an SVD; both give the LS solution to a few
 * ulps for this well-conditioned 7×3 system).
 */
function quadraticFit(xs: readonly number[], ys: readonly number[]): [number, number, number] {
  const rows = xs.length;
  const cols = 3;
  const A = xs.map((x) => [x * x, x, 1]);
  const scale = [0, 1, 2].map((j) => Math.sqrt(A.reduce((s, r) => s + r[j] * r[j], 0)));
  for (const r of A) for (let j = 0; j < cols; j++) r[j] /= scale[j];
  const rhs = ys.slice();
  for (let j = 0; j < cols; j++) {
    let norm = 0;
    for (let i = j; i < rows; i++) norm += A[i][j] * A[i][j];
    norm = Math.sqrt(norm);
    const alpha = A[j][j] > 0 ? -norm : norm;
    const v = new Array<number>(rows).fill(0);
    for (let i = j; i < rows; i++) v[i] = A[i][j];
    v[j] -= alpha;
    let vv = 0;
    for (let i = j; i < rows; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    // Apply H = I - 2vvᵀ/(vᵀv) to the remaining columns and to the right-hand side.
    for (let c = j; c < cols; c++) {
      let dot = 0;
      for (let i = j; i < rows; i++) dot += v[i] * A[i][c];
      const f = (2 * dot) / vv;
      for (let i = j; i < rows; i++) A[i][c] -= f * v[i];
    }
    let dot = 0;
    for (let i = j; i < rows; i++) dot += v[i] * rhs[i];
    const f = (2 * dot) / vv;
    for (let i = j; i < rows; i++) rhs[i] -= f * v[i];
  }
  const coef = [0, 0, 0];
  for (let j = cols - 1; j >= 0; j--) {
    let s = rhs[j];
    for (let c = j + 1; c < cols; c++) s -= A[j][c] * coef[c];
    coef[j] = s / A[j][j];
  }
  return [coef[0] / scale[0], coef[1] / scale[1], coef[2] / scale[2]];
}

const FIT = quadraticFit(
  CRITICAL,
  SIG.map((s) => Math.log(s)),
);

/**
 * Anderson–Darling k-sample test of `reference` against `current` (finite values; neither is modified).
 * `statistic` is SciPy's standardised A2, `pValue` its interpolated significance level in [0.001, 0.25].
 * Throws RangeError on an empty sample or with two values in all (SciPy raises). When all pooled values are
 * equal SciPy raises too; being data-dependent that answers NaN here (no test possible, hence no verdict),
 * as do three values in all, where SciPy's variance formula divides 0 by 0.
 */
export function andersonKSample(reference: Float64Array, current: Float64Array): { statistic: number; pValue: number } {
  const n1 = reference.length;
  const n2 = current.length;
  if (n1 === 0 || n2 === 0) throw new RangeError('andersonKSample: both samples need at least one value');
  const N = n1 + n2;
  if (N < 3) throw new RangeError('andersonKSample: needs at least three values in all');
  const { size, countA, countB } = tieGroups(reference, current);
  if (size < 2) return { statistic: NaN, pValue: NaN };

  // A²akN (eq. 7): per distinct value z_j with l_j pooled copies, B_j = (#pooled < z_j) + l_j/2 and
  // M_ij = (#sample i <= z_j) - f_ij/2; the term is l_j/N · (N·M_ij - B_j·n_i)² / (B_j(N - B_j) - N·l_j/4).
  const sumA = new NumpySum();
  const sumB = new NumpySum();
  let below = 0;
  let cumA = 0;
  let cumB = 0;
  for (let j = 0; j < size; j++) {
    const fa = countA[j];
    const fb = countB[j];
    const lj = fa + fb;
    const bj = below + lj / 2;
    cumA += fa;
    cumB += fb;
    const den = bj * (N - bj) - (N * lj) / 4;
    const w = lj / N;
    const da = N * (cumA - fa / 2) - bj * n1;
    const db = N * (cumB - fb / 2) - bj * n2;
    sumA.push((w * (da * da)) / den);
    sumB.push((w * (db * db)) / den);
    below += lj;
  }
  let a2kn = 0;
  a2kn += sumA.value / n1;
  a2kn += sumB.value / n2;
  a2kn *= (N - 1) / N;

  // σN² (eq. 4) with k = 2: h = Σ_{i<N} 1/i, g = Σ_{i<N-1} Σ_{j>i} 1/((N-i)·j), as SciPy forms them
  // (a running sum of 1/(N-1), 1/(N-2), …, 1/2, and NumPy's sum of its entries over 2 … N-1).
  const k = 2;
  const H = 1 / n1 + 1 / n2;
  const gSum = new NumpySum();
  let hs = 0;
  for (let i = 0; i < N - 2; i++) {
    hs += 1 / (N - 1 - i);
    gSum.push(hs / (i + 2));
  }
  const h = hs + 1;
  const g = gSum.value;
  const a = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const b = (2 * g - 4) * (k * k) + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const c = (6 * h + 2 * g - 2) * (k * k) + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const d = (2 * h + 6) * (k * k) - 4 * h * k;
  // N³ as N·N·N: one rounding of the exact cube, as NumPy's float(N**3) (Math.pow need not round so).
  const sigmasq = (a * (N * N * N) + b * (N * N) + c * N + d) / ((N - 1) * (N - 2) * (N - 3));
  const statistic = (a2kn - (k - 1)) / Math.sqrt(sigmasq);

  let pValue: number;
  if (statistic < CRITICAL_MIN) pValue = SIG[0];
  else if (statistic > CRITICAL_MAX) pValue = SIG[SIG.length - 1];
  else pValue = Math.exp((FIT[0] * statistic + FIT[1]) * statistic + FIT[2]);
  return { statistic, pValue };
}
