/**
 * Modified Bessel function of the second kind K_ν(x) for real order ν >= 0 and x > 0, = scipy.special.kv
 * (AMOS zbesk there). The Cramér–von Mises limiting distribution needs K_{1/4}; the method is general.
 *
 * Temme's method as in Numerical Recipes `bessik` (Press et al., 2nd ed., §6.7): write ν = μ + l with
 * |μ| <= 1/2 and integer l, get K_μ and K_{μ+1}, then recur upward in order (stable for K). For x < 2
 * Temme's series (Temme 1975) converges fast; for x >= 2 Steed's algorithm for the continued fraction CF2
 * (Thompson & Barnett 1987) does. Relative error is a few 1e-16 in both regions.
 */

/**
 * Taylor coefficients of 1/Γ(z) = Σ c_k z^k (k = 1, 2, ...), as in Abramowitz & Stegun 6.1.34 (Wrench 1968),
 * here to full double precision (mpmath.taylor(rgamma, 0, 28)).
 * 1/Γ(1 ± μ) = Σ c_k (±μ)^(k-1); the even and odd parts give Temme's γ1(μ), γ2(μ) without the
 * cancellation of (1/Γ(1-μ) - 1/Γ(1+μ)) / 2μ at small μ (NR uses Chebyshev fits for the same purpose).
 * Truncated where |μ|^(k-1)·|c_k| < 1e-25 for |μ| <= 1/2.
 */
const RGAMMA = [
  1.0, 0.5772156649015329, -0.6558780715202539, -0.04200263503409524, 0.16653861138229148,
  -0.04219773455554433, -0.009621971527876973, 0.0072189432466631, -0.0011651675918590652,
  -0.00021524167411495098, 0.0001280502823881162, -2.013485478078824e-5, -1.2504934821426706e-6,
  1.133027231981696e-6, -2.056338416977607e-7, 6.116095104481416e-9, 5.002007644469223e-9,
  -1.18127457048702e-9, 1.0434267116911005e-10, 7.782263439905071e-12, -3.696805618642206e-12,
  5.100370287454476e-13, -2.0583260535665066e-14, -5.348122539423018e-15, 1.2267786282382608e-15,
  -1.1812593016974588e-16, 1.1866922547516004e-18, 1.4123806553180319e-18,
];

/** Temme's γ1 = (1/Γ(1-μ) - 1/Γ(1+μ)) / 2μ, γ2 = (1/Γ(1-μ) + 1/Γ(1+μ)) / 2, and 1/Γ(1+μ), 1/Γ(1-μ). */
function temmeGammas(mu: number): { gam1: number; gam2: number; gampl: number; gammi: number } {
  // Even powers of μ (odd k) make γ2, odd powers (even k) make -γ1; evaluate both by Horner in μ².
  const mu2 = mu * mu;
  let even = 0;
  let odd = 0;
  for (let k = RGAMMA.length - 1; k >= 0; k--) {
    if (k % 2 === 0) even = even * mu2 + RGAMMA[k];
    else odd = odd * mu2 + RGAMMA[k];
  }
  // 1/Γ(1+μ) = even + μ·odd, 1/Γ(1-μ) = even - μ·odd.
  return { gam1: -odd, gam2: even, gampl: even + mu * odd, gammi: even - mu * odd };
}

const EPS = 1e-16;
const MAXIT = 100000;

/** K_μ(x) and K_{μ+1}(x) for |μ| <= 1/2, x > 0. */
function besselKPair(mu: number, x: number): [number, number] {
  const xi = 1 / x;
  if (x < 2) {
    // Temme's series: K_μ = Σ c_k f_k, K_{μ+1} = (2/x) Σ c_k (p_k - k f_k), c_k = (x²/4)^k / k!.
    const x2 = 0.5 * x;
    const pimu = Math.PI * mu;
    const fact = Math.abs(pimu) < EPS ? 1 : pimu / Math.sin(pimu);
    let d = -Math.log(x2);
    let e = mu * d;
    const fact2 = Math.abs(e) < EPS ? 1 : Math.sinh(e) / e;
    const { gam1, gam2, gampl, gammi } = temmeGammas(mu);
    let ff = fact * (gam1 * Math.cosh(e) + gam2 * fact2 * d);
    let sum = ff;
    e = Math.exp(e);
    let p = (0.5 * e) / gampl;
    let q = 0.5 / (e * gammi);
    let c = 1;
    d = x2 * x2;
    let sum1 = p;
    const mu2 = mu * mu;
    for (let i = 1; i <= MAXIT; i++) {
      ff = (i * ff + p + q) / (i * i - mu2);
      c *= d / i;
      p /= i - mu;
      q /= i + mu;
      const del = c * ff;
      sum += del;
      sum1 += c * (p - i * ff);
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    return [sum, sum1 * 2 * xi];
  }
  // Steed's algorithm for CF2, summing the series for K_μ alongside (NR bessik, x >= 2).
  let b = 2 * (1 + x);
  let d = 1 / b;
  let h = d;
  let delh = d;
  let q1 = 0;
  let q2 = 1;
  const a1 = 0.25 - mu * mu;
  let q = a1;
  let c = a1;
  let a = -a1;
  let s = 1 + q * delh;
  for (let i = 2; i <= MAXIT; i++) {
    a -= 2 * (i - 1);
    c = (-a * c) / i;
    const qnew = (q1 - b * q2) / a;
    q1 = q2;
    q2 = qnew;
    q += c * qnew;
    b += 2;
    d = 1 / (b + a * d);
    delh = (b * d - 1) * delh;
    h += delh;
    const dels = q * delh;
    s += dels;
    if (Math.abs(dels / s) < EPS) break;
  }
  h = a1 * h;
  const kmu = (Math.sqrt(Math.PI / (2 * x)) * Math.exp(-x)) / s;
  return [kmu, kmu * (mu + x + 0.5 - h) * xi];
}

/**
 * K_ν(x), ν >= 0 (K_{-ν} = K_ν), x >= 0: Infinity at 0, underflows to 0 beyond x ≈ 705 like SciPy.
 * NaN for NaN or negative x.
 */
export function besselK(nu: number, x: number): number {
  if (Number.isNaN(nu) || Number.isNaN(x) || x < 0) return NaN;
  if (x === 0) return Infinity;
  if (x === Infinity) return 0;
  const order = Math.abs(nu);
  const l = Math.floor(order + 0.5);
  const mu = order - l;
  let [kmu, k1] = besselKPair(mu, x);
  // Upward recurrence K_{μ+i+1} = 2(μ+i)/x · K_{μ+i} + K_{μ+i-1}.
  for (let i = 1; i <= l; i++) {
    const next = (mu + i) * (2 / x) * k1 + kmu;
    kmu = k1;
    k1 = next;
  }
  return kmu;
}
