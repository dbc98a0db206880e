/**
 * Special functions the drift tests need: log-gamma, the regularized incomplete gamma functions, the
 * chi-squared and normal tails, plus a few floating-point helpers shared with the Kolmogorov code.
 *
 * Algorithms follow the Cephes Math Library (S. L. Moshier, 1984–1992) as maintained in SciPy (xsf):
 * gamma.h (lgam), igam.h (igam/igamc), ndtr.h (erf/erfc/ndtr). Constants are the Cephes ones so results
 * agree with scipy.special to ~1e-14 in the ranges we use. Pure functions, numbers in and out.
 */

/** Cephes MACHEP: 2^-53, the relative rounding unit. */
export const MACHEP = 1.11022302462515654042e-16;
/** Cephes MAXLOG: log(DBL_MAX); exp() of anything above overflows. */
export const MAXLOG = 7.09782712893383996732e2;
/** Cephes MINLOG: log of the smallest subnormal; exp() of anything below is 0. */
export const MINLOG = -7.451332191019412076235e2;
/** log(sqrt(2*pi)). */
const LS2PI = 0.91893853320467274178;

/** Cephes polevl: c[0]*x^n + ... + c[n], coefficients highest degree first. */
function polevl(x: number, c: readonly number[]): number {
  let ans = c[0];
  for (let i = 1; i < c.length; i++) ans = ans * x + c[i];
  return ans;
}

/** Cephes p1evl: like polevl with an implied leading coefficient of 1. */
function p1evl(x: number, c: readonly number[]): number {
  let ans = x + c[0];
  for (let i = 1; i < c.length; i++) ans = ans * x + c[i];
  return ans;
}

// ── log-gamma (Cephes lgam) ──────────────────────────────────────────────────

/** Stirling-series coefficients of log Gamma for x >= 13 (Cephes gamma.c, A[]). */
const LGAM_A = [
  8.11614167470508450300e-4, -5.95061904284301438324e-4, 7.93650340457716943945e-4, -2.77777777730099687205e-3,
  8.33333333333331927722e-2,
];
/** Rational approximation of log Gamma on [2, 3] (Cephes gamma.c, B[] / C[]). */
const LGAM_B = [
  -1.37825152569120859100e3, -3.88016315134637840924e4, -3.31612992738871184744e5, -1.16237097492762307383e6,
  -1.72173700820839662146e6, -8.53555664245765465627e5,
];
const LGAM_C = [
  -3.51815701436523470549e2, -1.70642106651881159223e4, -2.20528590553854454839e5, -1.13933444367982507207e6,
  -2.53252307177582951285e6, -2.01889141433532773231e6,
];

/**
 * log Γ(x) for x > 0 (Cephes lgam). Below 13 the argument is shifted into [2, 3] by the recurrence and a
 * rational approximation is used; above, Stirling's series. Peak error ~5e-16 (absolute below 1).
 * Only positive arguments occur in the tests, so the reflection branch is left out: x <= 0 gives NaN
 * (Infinity at exactly 0, the pole).
 */
export function logGamma(x: number): number {
  if (Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return Infinity;
  if (x === Infinity) return Infinity;
  if (x < 13) {
    let z = 1;
    let p = 0;
    let u = x;
    while (u >= 3) {
      p -= 1;
      u = x + p;
      z *= u;
    }
    while (u < 2) {
      if (u === 0) return Infinity;
      z /= u;
      p += 1;
      u = x + p;
    }
    if (u === 2) return Math.log(z);
    p -= 2;
    const w = x + p;
    return Math.log(z) + (w * polevl(w, LGAM_B)) / p1evl(w, LGAM_C);
  }
  const q = (x - 0.5) * Math.log(x) - x + LS2PI;
  if (x >= 1000) {
    // Cephes lgam_large_x: the short series is enough and avoids needless rounding.
    if (x > 1e8) return q;
    const p = 1 / (x * x);
    return q + ((7.9365079365079365079365e-4 * p - 2.7777777777777777777778e-3) * p + 0.0833333333333333333333) / x;
  }
  const p = 1 / (x * x);
  return q + polevl(p, LGAM_A) / x;
}

// ── regularized incomplete gamma (Cephes igam / igamc) ──────────────────────

/**
 * Iteration cap for the series and continued fraction. Cephes stops at 2000 but hands the a ≈ x, a > 20
 * region to a Temme asymptotic expansion we do not port; both expansions still converge there, in
 * O(sqrt(a)) steps, so a larger cap keeps them accurate for the many-category tables chi-squared can see.
 */
const IGAM_MAXITER = 100000;
const IGAM_BIG = 4.503599627370496e15;
const IGAM_BIGINV = 2.22044604925031308085e-16;

/**
 * x^a e^-x / Γ(a), the common prefactor. Computed in logs: the absolute error of the exponent is
 * ~eps·(a·|log x| + x), i.e. ~1e-11 relative even for a ~ 5000 — far inside our 1e-6 budget.
 * (Cephes switches to a Lanczos form near a ≈ x for the last few digits.)
 */
function igamFac(a: number, x: number): number {
  const ax = a * Math.log(x) - x - logGamma(a);
  if (ax < -MAXLOG) return 0;
  return Math.exp(ax);
}

/** Q(a, x) by the continued fraction, DLMF 8.9.2 (Cephes igamc_continued_fraction); for x > a. */
function igamcContinuedFraction(a: number, x: number): number {
  const ax = igamFac(a, x);
  if (ax === 0) return 0;
  let y = 1 - a;
  let z = x + y + 1;
  let c = 0;
  let pkm2 = 1;
  let qkm2 = x;
  let pkm1 = x + 1;
  let qkm1 = z * x;
  let ans = pkm1 / qkm1;
  for (let i = 0; i < IGAM_MAXITER; i++) {
    c += 1;
    y += 1;
    z += 2;
    const yc = y * c;
    const pk = pkm1 * z - pkm2 * yc;
    const qk = qkm1 * z - qkm2 * yc;
    let t: number;
    if (qk !== 0) {
      const r = pk / qk;
      t = Math.abs((ans - r) / r);
      ans = r;
    } else {
      t = 1;
    }
    pkm2 = pkm1;
    pkm1 = pk;
    qkm2 = qkm1;
    qkm1 = qk;
    // Rescale so the convergents neither overflow nor underflow; only their ratio matters.
    if (Math.abs(pk) > IGAM_BIG) {
      pkm2 *= IGAM_BIGINV;
      pkm1 *= IGAM_BIGINV;
      qkm2 *= IGAM_BIGINV;
      qkm1 *= IGAM_BIGINV;
    }
    if (t <= MACHEP) break;
  }
  return ans * ax;
}

/** P(a, x) by the power series, DLMF 8.11.4 (Cephes igam_series); for x < a or small x. */
function igamSeries(a: number, x: number): number {
  const ax = igamFac(a, x);
  if (ax === 0) return 0;
  let r = a;
  let c = 1;
  let ans = 1;
  for (let i = 0; i < IGAM_MAXITER; i++) {
    r += 1;
    c *= x / r;
    ans += c;
    if (c <= MACHEP * ans) break;
  }
  return (ans * ax) / a;
}

/** Q(a, x) for small x by DLMF 8.7.3, arranged to avoid 1 - P cancellation (Cephes igamc_series). */
function igamcSeries(a: number, x: number): number {
  let fac = 1;
  let sum = 0;
  for (let n = 1; n < IGAM_MAXITER; n++) {
    fac *= -x / n;
    const term = fac / (a + n);
    sum += term;
    if (Math.abs(term) <= MACHEP * Math.abs(sum)) break;
  }
  const logx = Math.log(x);
  // Cephes uses lgam1p(a) = log Γ(1 + a); for the a >= 0.5 of chi-squared, logGamma(1 + a) is as exact.
  const term = -Math.expm1(a * logx - logGamma(1 + a));
  return term - Math.exp(a * logx - logGamma(a)) * sum;
}

/** Regularized lower incomplete gamma P(a, x) = γ(a, x) / Γ(a), a >= 0, x >= 0 (Cephes igam). */
export function regularizedGammaP(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || x < 0 || a < 0) return NaN;
  if (a === 0) return x > 0 ? 1 : NaN;
  if (x === 0) return 0;
  if (a === Infinity) return x === Infinity ? NaN : 0;
  if (x === Infinity) return 1;
  if (x > 1 && x > a) return 1 - regularizedGammaQ(a, x);
  return igamSeries(a, x);
}

/**
 * Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (Cephes igamc). The branches pick, for
 * each region, the expansion that computes Q itself, so tiny tail probabilities keep full relative
 * precision instead of being lost as 1 - P.
 */
export function regularizedGammaQ(a: number, x: number): number {
  if (Number.isNaN(a) || Number.isNaN(x) || x < 0 || a < 0) return NaN;
  if (a === 0) return x > 0 ? 0 : NaN;
  if (x === 0) return 1;
  if (a === Infinity) return x === Infinity ? NaN : 1;
  if (x === Infinity) return 0;
  if (x > 1.1) {
    return x < a ? 1 - igamSeries(a, x) : igamcContinuedFraction(a, x);
  }
  if (x <= 0.5) {
    return -0.4 / Math.log(x) < a ? 1 - igamSeries(a, x) : igamcSeries(a, x);
  }
  return x * 1.1 < a ? 1 - igamSeries(a, x) : igamcSeries(a, x);
}

/** Survival function of the chi-squared distribution, = scipy.stats.chi2.sf(x, dof) (Cephes chdtrc). */
export function chi2Sf(x: number, dof: number): number {
  if (Number.isNaN(x) || Number.isNaN(dof) || dof <= 0) return NaN;
  if (x < 0) return 1;
  return regularizedGammaQ(dof / 2, x / 2);
}

// ── error function and normal tail (Cephes ndtr.c) ─────────────────────────

const ERFC_P = [
  2.46196981473530512524e-10, 5.64189564831068821977e-1, 7.46321056442269912687e0, 4.86371970985681366614e1,
  1.96520832956077098242e2, 5.26445194995477358631e2, 9.3452852717195760754e2, 1.02755188689515710272e3,
  5.57535335369399327526e2,
];
const ERFC_Q = [
  1.32281951154744992508e1, 8.67072140885989742329e1, 3.54937778887819891062e2, 9.75708501743205489753e2,
  1.82390916687909736289e3, 2.24633760818710981792e3, 1.65666309194161350182e3, 5.57535340817727675546e2,
];
const ERFC_R = [
  5.6418958354775507398e-1, 1.27536670759978104416e0, 5.01905042251180477414e0, 6.16021097993053585195e0,
  7.4097426995044893916e0, 2.9788666537210024067e0,
];
const ERFC_S = [
  2.2605286322011727659e0, 9.39603524938001434673e0, 1.20489539808096656605e1, 1.70814450747565897222e1,
  9.60896809063285878198e0, 3.3690764510008151605e0,
];
const ERF_T = [
  9.60497373987051638749e0, 9.00260197203842689217e1, 2.23200534594684319226e3, 7.00332514112805075473e3,
  5.55923013010394962768e4,
];
const ERF_U = [
  3.35617141647503099647e1, 5.21357949780152679795e2, 4.59432382970980127987e3, 2.26290000613890934246e4,
  4.92673942608635921086e4,
];

/** erf(x): rational approximation on |x| <= 1, 1 - erfc(x) beyond (Cephes erf). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return -erf(-x);
  if (x > 1) return 1 - erfc(x);
  const z = x * x;
  return (x * polevl(z, ERF_T)) / p1evl(z, ERF_U);
}

/**
 * erfc(x) = 1 - erf(x), computed directly for |x| >= 1 as exp(-x²)·P(x)/Q(x) so the far tail keeps its
 * relative precision (Cephes erfc; peak relative error 5.7e-14 on [0, 26.6]).
 */
export function erfc(a: number): number {
  if (Number.isNaN(a)) return NaN;
  const x = Math.abs(a);
  if (x < 1) return 1 - erf(a);
  const z = -a * a;
  if (z < -MAXLOG) return a < 0 ? 2 : 0;
  const e = Math.exp(z);
  let p: number;
  let q: number;
  if (x < 8) {
    p = polevl(x, ERFC_P);
    q = p1evl(x, ERFC_Q);
  } else {
    p = polevl(x, ERFC_R);
    q = p1evl(x, ERFC_S);
  }
  let y = (e * p) / q;
  if (a < 0) y = 2 - y;
  if (y === 0) return a < 0 ? 2 : 0;
  return y;
}

/** Standard normal CDF Φ(a) (Cephes ndtr): erfc for the tails, erf in the middle. */
export function normalCdf(a: number): number {
  if (Number.isNaN(a)) return NaN;
  const x = a * Math.SQRT1_2;
  const z = Math.abs(x);
  if (z < 1) return 0.5 + 0.5 * erf(x);
  const y = 0.5 * erfc(z);
  return x > 0 ? 1 - y : y;
}

/** Standard normal survival function 1 - Φ(z) = Φ(-z), = scipy.stats.norm.sf(z); accurate far in the tail. */
export function normalSf(z: number): number {
  return normalCdf(-z);
}

// ── floating-point helpers ──────────────────────────────────────────────────

/** Rounds half to even, as numpy's np.round / Python's round do (np.round(0.5) == 0, np.round(2.5) == 2). */
export function roundHalfEven(x: number): number {
  const r = Math.round(x); // rounds .5 up
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp's constant for splitting a double into two 26-bit halves

/**
 * The exact product a·b as an unevaluated sum hi + lo (Dekker's TwoProduct; no FMA in JavaScript).
 * Writes into `out` to avoid allocating in hot paths.
 */
export function twoProduct(a: number, b: number, out: Float64Array): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  out[0] = p;
  out[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

const FREXP_F64 = new Float64Array(1);
const FREXP_U32 = new Uint32Array(FREXP_F64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // word holding the exponent

/**
 * Binary exponent e with x = m·2^e, 0.5 <= |m| < 1, for finite normal x != 0 (C's frexp, exponent only).
 * Used to keep huge binomial coefficients as mantissa × power of two without overflow.
 */
export function frexpExponent(x: number): number {
  FREXP_F64[0] = x;
  return ((FREXP_U32[HI] >>> 20) & 0x7ff) - 1022;
}
