/**
 * Distribution of the one-sample Kolmogorov–Smirnov statistics for finite n, as SciPy computes them:
 * - `smirnovSf(n, x)` = scipy.special.smirnov: P(D+_n >= x), one-sided (Cephes kolmogorov.c / xsf
 *   kolmogorov.h, after Birnbaum & Tingey 1951 and van Mulbregt 2018, arXiv:1802.06966);
 * - `kolmogornSf(n, x)` = scipy.stats.kstwo.sf(x, n): P(D_n >= x), two-sided, choosing per (n, x) among
 *   Ruben–Gambino closed forms, 2·smirnov, the Durbin matrix (Marsaglia–Tsang–Wang 2003), Pomeranz's
 *   recursion (1974) and the Pelz–Good expansion (1976), with the cut-offs of Simard & L'Ecuyer (2011),
 *   "Computing the Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Software 39(11) — the selection
 *   SciPy makes in scipy/stats/_ksstats.py (`_kolmogn`).
 * The two-sample test uses kstwo.sf for its asymptotic p-value, with n = round(n1·n2 / (n1 + n2)).
 */
import { MINLOG, frexpExponent, twoProduct } from './special';

const E128 = 128;
const EP128 = 2 ** 128;
const EM128 = 2 ** -128;
const LOG_2PI = Math.log(2 * Math.PI);
const SQRT2PI = Math.sqrt(2 * Math.PI);
const SQRT3 = Math.sqrt(3);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
/** Below this, exp() underflows in _ksstats' Pelz–Good guard. */
const MIN_LOG_PG = -708;

function clip01(p: number): number {
  return p < 0 ? 0 : p > 1 ? 1 : p;
}

/** x·2^e without the intermediate 2^e over- or underflowing (C's ldexp). */
function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
  }
  while (e < -1000) {
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

// ── Smirnov: one-sided, finite n ────────────────────────────────────────────

/** Above this n SciPy switches smirnov to a closed-form approximation (cost grows with n). */
const SMIRNOV_MAX_COMPUTE_N = 1000000;
const SM_UPPER_MAX_TERMS = 3;
const SM_UPPERSUM_MIN_N = 10;
const EPSILON = 2.220446049250313e-16;
const TWO600 = 2 ** 600;

const scratch = new Float64Array(2);

/**
 * P(D+_n >= x) = x · Σ_{v=0}^{⌊n(1-x)⌋} C(n,v) (x + v/n)^(v-1) (1 - x - v/n)^(n-v)  (Birnbaum–Tingey).
 * Each term is formed in logs with the binomial kept as mantissa × 2^exponent, so nothing overflows for
 * n up to 10^6; the lower-sum terms are positive, so the plain sum keeps ~1e-12 relative accuracy even when the
 * result is a tiny tail probability. Cephes does the same in double-double; 1e-12 is what we need.
 * Termination, branch choices and special cases follow xsf's `_smirnov` step for step.
 */
export function smirnovSf(n: number, x: number): number {
  if (!(n > 0 && x >= 0 && x <= 1)) return NaN;
  if (n === 1) return 1 - x;
  if (x === 0) return 1;
  if (x === 1) return 0;

  // floor(n·x) and its remainder, exactly: near the knots k/n the rounded product would pick the wrong side.
  twoProduct(n, x, scratch);
  const nx = scratch[0];
  let nxfl = Math.floor(nx);
  let alpha = nx - nxfl + scratch[1];
  if (alpha < 0) {
    nxfl -= 1;
    alpha += 1;
  }
  if (alpha >= 1) {
    nxfl += 1;
    alpha = 0;
  }
  let n1mxfl = n - nxfl - (alpha === 0 ? 0 : 1);
  let n1mxceil = n - nxfl;
  if (alpha === 0) {
    // x sits on a knot: the last term vanishes, so neither sum should include it.
    n1mxfl -= 1;
    n1mxceil += 1;
  }

  if (nxfl === 0 || (nxfl === 1 && alpha === 0)) {
    // x <= 1/n: a single term, closed form.
    const t = Math.exp((n - 1) * Math.log1p(x));
    return 1 - x * t;
  }
  if (-2 * n * x * x < MINLOG) return 0;
  if (nxfl >= n - 1) return Math.exp(n * Math.log1p(-x));
  if (n > SMIRNOV_MAX_COMPUTE_N) {
    // p ~ exp(-(6nx+1)^2 / 18n)  (xsf's large-n shortcut).
    const logp = -Math.pow(6.0 * n * x + 1, 2) / 18.0 / n;
    // Small p: exp directly; otherwise via the CDF -expm1(logp), as xsf does, to keep its rounding.
    return logp < -Math.LN2 ? Math.exp(logp) : 1 - -Math.expm1(logp);
  }

  const nUpperTerms = n - n1mxceil + 1;
  const useUpper =
    (nUpperTerms <= 1 && x < 0.5) ||
    (n >= SM_UPPERSUM_MIN_N && nUpperTerms <= SM_UPPER_MAX_TERMS && x <= 0.5 / Math.sqrt(n));

  let start: number;
  let step: number;
  let nTerms: number;
  let sum: number;
  if (useUpper) {
    // Σ over v = n, n-1, ... of the terms beyond ⌊n(1-x)⌋: they sum to the CDF (few, alternating terms).
    start = n;
    step = -1;
    nTerms = n - n1mxceil + 1;
    sum = Math.exp((n - 1) * Math.log1p(x));
  } else {
    start = 0;
    step = 1;
    nTerms = n1mxfl + 1;
    sum = Math.exp(n * Math.log1p(-x)) / x;
  }

  // C(n, v) = cMan · 2^cExp: C(n, n/2) overflows a double for n > 1030. cMan is renormalised only when
  // it leaves [2^-600, 2^600], so the hot loop costs three logs and one exp per term.
  let cMan = n; // C(n, 1)
  let cExp = 0;
  const vmid = Math.floor(n / 2);
  for (let j = 1; j < nTerms; j++) {
    const v = start + j * step;
    // x + v/n and 1 - x - v/n from the exact split n·x = nxfl + alpha: one rounding each, no cancellation.
    const c1 = nxfl + v + alpha;
    const c2 = n - v - nxfl - alpha;
    let logAbs = Math.log(cMan) + cExp * Math.LN2;
    if (v !== 1) logAbs += (v - 1) * Math.log(c1 / n);
    if (n !== v) logAbs += (n - v) * Math.log(Math.abs(c2) / n);
    const a = Math.exp(logAbs);
    const aj = c2 < 0 && (n - v) % 2 === 1 ? -a : a;
    if (Number.isFinite(aj) && aj !== 0) sum += aj;
    if (aj !== 0) {
      // Safe to stop once what is left cannot move the sum.
      if (4 * (nTerms - j) * Math.abs(aj) < EPSILON * sum && j !== nTerms - 1) break;
    } else if (j > vmid) {
      break;
    }
    cMan = (cMan * (n - j)) / (j + 1);
    if (cMan > TWO600 || cMan < 1 / TWO600) {
      const e = frexpExponent(cMan);
      cMan *= 2 ** -e;
      cExp += e;
    }
  }
  const prob = x * sum;
  return clip01(step < 0 ? 1 - prob : prob);
}

// ── Kolmogorov: two-sided, finite n (scipy.stats._ksstats) ──────────────────

/** Bernoulli-number coefficients of the Stirling series, highest power first (from _loggamma.pxd). */
const STIRLING_COEFFS = [
  -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
  -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
];

/** log(n! / n^n) by Stirling with n·log(n) removed up front, so nothing cancels. */
function logNFactorialDivNPowN(n: number): number {
  const rn = 1.0 / n;
  const y = rn / n;
  let poly = 0;
  for (const c of STIRLING_COEFFS) poly = poly * y + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

function matmul(a: Float64Array, b: Float64Array, m: number): Float64Array {
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      const bo = k * m;
      const co = i * m;
      for (let j = 0; j < m; j++) c[co + j] += aik * b[bo + j];
    }
  }
  return c;
}

/**
 * P(D_n <= d) by Durbin's matrix method as Marsaglia, Tsang & Wang (2003) evaluate it: the k-th diagonal
 * entry of H^n (size 2k-1, k = ⌈nd⌉) times n!/n^n, squaring with explicit power-of-two rescaling so the
 * intermediate powers neither overflow nor underflow. O(k³ log n); used only where k is small.
 */
function kolmognDMTW(n: number, d: number): number {
  if (d >= 1.0) return 1;
  const nd = n * d;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;

  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1.0;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1.0 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1.0, 0) ** m - 2 * h ** m;
  v[m - 1] = (1.0 + tt) * fac;

  let H: Float64Array = new Float64Array(m * m);
  for (let i = 1; i < m; i++) {
    for (let r = i - 1; r < m; r++) H[r * m + i] = w[r - i + 1];
  }
  for (let r = 0; r < m; r++) H[r * m] = v[r];
  for (let c = 0; c < m; c++) H[(m - 1) * m + c] = v[m - 1 - c];

  let Hpwr: Float64Array = new Float64Array(m * m);
  for (let i = 0; i < m; i++) Hpwr[i * m + i] = 1;
  let nn = n;
  let expnt = 0;
  let Hexpnt = 0;
  const kk = (k - 1) * m + (k - 1);
  while (nn > 0) {
    if (nn % 2) {
      Hpwr = matmul(Hpwr, H, m);
      expnt += Hexpnt;
    }
    H = matmul(H, H, m);
    Hexpnt *= 2;
    if (Math.abs(H[kk]) > EP128) {
      for (let i = 0; i < H.length; i++) H[i] /= EP128;
      Hexpnt += E128;
    }
    nn = Math.floor(nn / 2);
  }

  let p = Hpwr[kk];
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= EP128;
      expnt -= E128;
    }
  }
  if (expnt !== 0) p = ldexp(p, expnt);
  return clip01(p);
}

/** The interval [j1, j2] of possibly non-zero entries in row i of Pomeranz's recursion. */
function pomeranzJ1J2(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const ip1div2 = Math.floor((i + 1) / 2);
    const ip1mod2 = (i + 1) % 2;
    if (ip1mod2 === 0) {
      if (ip1div2 === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = ip1div2 - 1 - ll - roundf - 1;
        j2 = ip1div2 + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = ip1div2 - 1 - ll - 1;
      j2 = ip1div2 + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/**
 * P(D_n <= x) by Pomeranz's recursion (1974): 2n+1 rows, each the convolution of the previous one with a
 * truncated Poisson kernel; only two rows and their non-zero windows are kept, rescaled by 2^128 as needed.
 */
function kolmognPomeranz(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = 1.0 * (t - ll);
  const g = Math.min(f, 1.0 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  // (g/n)^m/m!, (2g/n)^m/m!, ((1-2g)/n)^m/m!: Poisson probabilities without their normalising factor.
  const gpower = new Float64Array(npwrs);
  const twogpower = new Float64Array(npwrs);
  const onem2gpower = new Float64Array(npwrs);
  gpower[0] = 1.0;
  twogpower[0] = 1.0;
  onem2gpower[0] = 1.0;
  let expnt = 0;
  const gOverN = g / n;
  const twoGOverN = (2 * g) / n;
  const oneMinusTwoGOverN = (1 - 2 * g) / n;
  for (let m = 1; m < npwrs; m++) {
    gpower[m] = (gpower[m - 1] * gOverN) / m;
    twogpower[m] = (twogpower[m - 1] * twoGOverN) / m;
    onem2gpower[m] = (onem2gpower[m - 1] * oneMinusTwoGOverN) / m;
  }

  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let [j1, j2] = pomeranzJ1J2(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    const tmp = V0;
    V0 = V1;
    V1 = tmp;
    const tmps = V0s;
    V0s = V1s;
    V1s = tmps;
    V1.fill(0);
    [j1, j2] = pomeranzJ1J2(i, n, ll, ceilf, roundf);
    const pwrs = i === 1 || i === 2 * n + 1 ? gpower : i % 2 ? twogpower : onem2gpower;
    const ln2 = j2 - k1 + 1;
    if (ln2 > 0) {
      // Entries conv[j1-k1 .. j2-k1] of the full convolution of V0[k1-V0s ..][:ln2] with pwrs[:ln2].
      const off = k1 - V0s;
      const len = Math.min(ln2, npwrs);
      const convStart = j1 - k1;
      const convLen = j2 - j1 + 1;
      let vmax = 0;
      for (let c = 0; c < convLen; c++) {
        const kk = convStart + c;
        let s = 0;
        const lo = Math.max(0, kk - (len - 1));
        const hi = Math.min(kk, len - 1);
        for (let a = lo; a <= hi; a++) {
          const ia = off + a;
          if (ia >= 0 && ia < npwrs) s += V0[ia] * pwrs[kk - a];
        }
        V1[c] = s;
        if (s > vmax) vmax = s;
      }
      if (vmax > 0 && vmax < EM128) {
        for (let c = 0; c < npwrs; c++) V1[c] *= EP128;
        expnt -= E128;
      }
      V1s = V0s + j1 - k1;
    }
  }

  let ans = V1[n - V1s];
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > EP128) {
      ans *= EM128;
      expnt += E128;
    }
    ans *= m;
  }
  if (expnt !== 0) ans = ldexp(ans, expnt);
  return clip01(ans);
}

/**
 * Pelz–Good (1976) approximation to P(D_n <= x): Li-Chien/Korolyuk's K0 + K1/√n + K2/n + K3/n^1.5,
 * each K_i rewritten through Jacobi theta identities into a sum that converges fast for small z = x√n.
 * Not clipped: _ksstats returns the raw sum for the CDF and clips after forming 1 - CDF.
 */
function kolmognPelzGood(n: number, x: number): number {
  if (x <= 0.0) return 0;
  if (x >= 1.0) return 1;
  const z = Math.sqrt(n) * x;
  const z2 = z ** 2;
  const z3 = z ** 3;
  const z4 = z ** 4;
  const z6 = z ** 6;
  const qlog = -PI2 / 8 / z2;
  if (qlog < MIN_LOG_PG) return 0;
  let q = Math.exp(qlog);

  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;

  // Horner over odd m = 2k-1 of c_m q^(m²), factored as q · Π q^(8k).
  let K0 = 0;
  let K1 = 0;
  let K2 = 0;
  let K3 = 0;
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m ** 2;
    const m4 = m ** 4;
    const m6 = m ** 6;
    const qpower = Math.pow(q, 8 * k);
    K0 = K0 * qpower + 1.0;
    K1 = K1 * qpower + (k1a + k1b * m2);
    K2 = K2 * qpower + (k2a + k2b * m2 + k2c * m4);
    K3 = K3 * qpower + (k3a + k3b * m2 + k3c * m4 + k3d * m6);
  }
  K0 = (K0 * q * SQRT2PI) / z;
  K1 = (K1 * q * SQRT2PI) / (6 * z4);
  K2 = (K2 * q * SQRT2PI) / (72 * z ** 7);
  K3 = (K3 * q * SQRT2PI) / (6480 * z ** 10);

  // The remaining terms of K2 and K3 run over all integers k; no cancellation, so summed directly.
  q = Math.exp(-PI2 / 2 / z2);
  const sqrt3z = SQRT3 * z;
  let k2extra = 0;
  let k3extra = 0;
  for (let k = maxk; k > 0; k--) {
    const ksq = k ** 2;
    const kspi = Math.PI * k;
    const qp = q ** ksq;
    k2extra += ksq * qp;
    k3extra += (sqrt3z + kspi) * (sqrt3z - kspi) * ksq * qp;
  }
  K2 += k2extra * ((PI2 * SQRT2PI) / (-36 * z3));
  K3 += k3extra * ((PI2 * SQRT2PI) / (216 * z6));
  return K0 + K1 / Math.sqrt(n) + K2 / n + K3 / Math.pow(n, 1.5);
}

/**
 * P(D_n >= x) for the two-sided one-sample statistic, = scipy.stats.kstwo.sf(x, n) (SciPy `_kolmogn`,
 * cdf=False, with Simard & L'Ecuyer's choice of method per region). n must be a positive integer.
 */
export function kolmogornSf(n: number, x: number): number {
  if (!Number.isInteger(n) || n <= 0 || Number.isNaN(x)) return NaN;
  // rv_continuous.sf outside kstwo's support [0.5/n, 1].
  if (x <= 0.5 / n) return 1;
  if (x >= 1.0) return 0;
  const t = n * x;
  if (t <= 1.0) {
    // Ruben–Gambino: 1/2n <= x <= 1/n, P(D_n <= x) = n!/n^n (2t-1)^n.
    if (t <= 0.5) return 1;
    let prob: number;
    if (n <= 140) {
      prob = 1;
      const f = 2 * t - 1;
      for (let i = 1; i <= n; i++) prob *= i * (1.0 / n) * f;
    } else {
      prob = Math.exp(logNFactorialDivNPowN(n) + n * Math.log(2 * t - 1));
    }
    return clip01(1.0 - prob);
  }
  if (t >= n - 1) return clip01(2 * (1.0 - x) ** n); // Ruben–Gambino upper edge
  if (x >= 0.5) return clip01(2 * smirnovSf(n, x)); // exact there: D+ and D- cannot both reach x

  const nxsquared = t * x;
  if (n <= 140) {
    if (nxsquared <= 0.754693) return clip01(1.0 - kolmognDMTW(n, x));
    if (nxsquared <= 4) return clip01(1.0 - kolmognPomeranz(n, x));
    return clip01(2 * smirnovSf(n, x)); // Miller's approximation
  }
  if (nxsquared >= 370.0) return 0;
  if (nxsquared >= 2.2) return clip01(2 * smirnovSf(n, x));
  let cdf: number;
  if (nxsquared >= 18.0) cdf = 1.0;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = kolmognDMTW(n, x);
  else cdf = kolmognPelzGood(n, x);
  return clip01(1.0 - cdf);
}
