/**
 * Maximum mean discrepancy (MMD) two-sample test with a Gaussian kernel and a permutation p-value.
 *
 * Samples are row-major (`x[row * dims + k]`), finite, and compared as given: callers standardise features first
 * (the suite divides by the reference's standard deviation) so that no unit dominates the distances.
 *
 * Exact formulas (test/fixtures/scipy/generate_mmd.py computes the same with NumPy):
 * - Pool z = x ∪ y (n = nx + ny rows). d²(i, j) = Σ_k (z_ik − z_jk)², summed over k in order.
 * - Bandwidth (median heuristic): σ = median of the Euclidean distances sqrt(d²(i, j)) over all distinct pairs
 *   i < j of the pooled sample (NumPy's median: the mean of the two middle values for an even count). When that
 *   median is 0 (more than half of the pairs coincide) σ = 1.
 * - Kernel k(a, b) = exp(−d²(a, b) / (2σ²)).
 * - Unbiased MMD² = Σ_{i≠j} k(x_i, x_j)/(nx(nx−1)) + Σ_{i≠j} k(y_i, y_j)/(ny(ny−1)) − 2 Σ_{i,j} k(x_i, y_j)/(nx·ny)
 *   (can be slightly negative when the samples are alike).
 * - p-value = (1 + #{permutations with MMD² ≥ observed}) / (1 + permutations): each permutation deals the pooled
 *   rows anew into groups of nx and ny (seeded mulberry32, `seededRandom`).
 *
 * Cost: squared distances are computed once (n(n−1)/2 doubles), the median selected in a copy, and the kernel
 * matrix held as a single-precision upper triangle in that copy's memory: 16 bytes per pair, 32 MB at n = 2000,
 * 128 MB at n = 4000 (callers cap n; the suite uses at most 1000 rows per side). A permutation then only sums the
 * kernel over pairs within the smaller group (about m²/2 reads, m = min(nx, ny)), because with the kernel's row
 * sums r_i and total S:
 *   S_GG = 2·Σ_{i<j∈G} k,  S_GO = Σ_{i∈G} r_i − S_GG,  S_OO = S − 2·S_GO − S_GG.
 * Permutations allocate nothing. The permuted statistics and the observed one they are compared with come from
 * that same single-precision matrix (compared with a 1e-12 tolerance, so exact ties count as ≥); the reported
 * statistic is computed in double precision.
 */
import { seededRandom } from '../../io/sample';

export interface MmdOptions {
  permutations: number;
  seed: number;
}

export interface MmdOutput {
  /** Unbiased MMD² (double precision). */
  statistic: number;
  pValue: number;
  bandwidth: number;
}

function pooled(x: Float64Array, nx: number, y: Float64Array, ny: number, dims: number): Float64Array {
  const z = new Float64Array((nx + ny) * dims);
  z.set(x.subarray(0, nx * dims));
  z.set(y.subarray(0, ny * dims), nx * dims);
  return z;
}

/** Squared distances of all pairs i < j of z, in row order: (0,1), (0,2), …, (1,2), … */
function squaredDistances(z: Float64Array, n: number, dims: number): Float64Array {
  const out = new Float64Array((n * (n - 1)) / 2);
  let p = 0;
  for (let i = 0; i < n; i++) {
    const a = i * dims;
    for (let j = i + 1; j < n; j++) {
      const b = j * dims;
      let s = 0;
      for (let k = 0; k < dims; k++) {
        const d = z[a + k] - z[b + k];
        s += d * d;
      }
      out[p++] = s;
    }
  }
  return out;
}

/** Rearranges `a` so a[k] is the k-th smallest, smaller values before it and larger after (Hoare quickselect). */
function select(a: Float64Array, k: number): void {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    // Median of three as pivot.
    const x = a[lo];
    const y = a[mid];
    const z = a[hi];
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Median heuristic on squared distances (consumed: reordered in place). */
function medianFromSquared(d2: Float64Array): number {
  const N = d2.length;
  if (N === 0) return 1;
  const k = (N - 1) >> 1;
  select(d2, k);
  let median = Math.sqrt(d2[k]);
  if (N % 2 === 0) {
    let next = Infinity;
    for (let i = k + 1; i < N; i++) if (d2[i] < next) next = d2[i];
    median = (median + Math.sqrt(next)) / 2;
  }
  return median > 0 ? median : 1;
}

/**
 * Median-heuristic bandwidth of the pooled samples: the median Euclidean distance over all distinct pairs of
 * x ∪ y (1 when that median is 0).
 */
export function medianBandwidth(x: Float64Array, nx: number, y: Float64Array, ny: number, dims: number): number {
  const n = nx + ny;
  return medianFromSquared(squaredDistances(pooled(x, nx, y, ny, dims), n, dims));
}

/** Unbiased MMD² of x and y with the Gaussian kernel exp(−d²/(2·bandwidth²)), in double precision. nx, ny ≥ 2. */
export function mmdUnbiased(x: Float64Array, nx: number, y: Float64Array, ny: number, dims: number, bandwidth: number): number {
  if (nx < 2 || ny < 2) throw new RangeError('mmdUnbiased: each sample needs at least 2 rows');
  const c = 1 / (2 * bandwidth * bandwidth);
  const k = (p: Float64Array, i: number, q: Float64Array, j: number): number => {
    let s = 0;
    for (let d = 0; d < dims; d++) {
      const t = p[i * dims + d] - q[j * dims + d];
      s += t * t;
    }
    return Math.exp(-s * c);
  };
  let sxx = 0;
  for (let i = 0; i < nx; i++) for (let j = i + 1; j < nx; j++) sxx += k(x, i, x, j);
  let syy = 0;
  for (let i = 0; i < ny; i++) for (let j = i + 1; j < ny; j++) syy += k(y, i, y, j);
  let sxy = 0;
  for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) sxy += k(x, i, y, j);
  return (2 * sxx) / (nx * (nx - 1)) + (2 * syy) / (ny * (ny - 1)) - (2 * sxy) / (nx * ny);
}

/**
 * Unbiased MMD² between the rows in `group` (ascending, the smaller side) and the rest of the n pooled rows, from
 * the kernel's upper triangle, its row sums and total (see the header): about m²/2 reads, no allocation.
 */
function groupMmd(tri: Float32Array, rowSum: Float64Array, total: number, group: Int32Array, n: number): number {
  const m = group.length;
  const M = n - m;
  let within = 0;
  let rows = 0;
  for (let a = 0; a < m; a++) {
    const i = group[a];
    rows += rowSum[i];
    const base = (((i * (2 * n - i - 1)) / 2) | 0) - i - 1; // an integer: i·(2n − i − 1) is even
    let s = 0;
    for (let b = a + 1; b < m; b++) s += tri[base + group[b]];
    within += s;
  }
  const sGG = 2 * within;
  const sGO = rows - sGG;
  const sOO = total - 2 * sGO - sGG;
  return sGG / (m * (m - 1)) + sOO / (M * (M - 1)) - (2 * sGO) / (m * M);
}

/**
 * MMD permutation test of x (nx rows) against y (ny rows), `dims` features each, finite values. nx, ny ≥ 2.
 */
export function mmdPermutationTest(
  x: Float64Array,
  nx: number,
  y: Float64Array,
  ny: number,
  dims: number,
  options: MmdOptions,
): MmdOutput {
  if (nx < 2 || ny < 2) throw new RangeError('mmdPermutationTest: each sample needs at least 2 rows');
  const n = nx + ny;
  const z = pooled(x, nx, y, ny, dims);
  const d2 = squaredDistances(z, n, dims);
  const scratch = d2.slice();
  const bandwidth = medianFromSquared(scratch);
  const c = 1 / (2 * bandwidth * bandwidth);
  // The kernel triangle reuses the selection's scratch memory (its first half), read only from d2 from now on.
  const tri = new Float32Array(scratch.buffer, 0, d2.length);

  // Kernel triangle (single precision), its row sums, and the observed sums in double precision.
  const rowSum = new Float64Array(n);
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    let ri = 0;
    for (let j = i + 1; j < n; j++) {
      const kv = Math.exp(-d2[p] * c);
      if (j < nx) sxx += kv;
      else if (i >= nx) syy += kv;
      else sxy += kv;
      tri[p] = kv;
      const k32 = tri[p++];
      ri += k32;
      rowSum[j] += k32;
    }
    rowSum[i] += ri;
  }
  const statistic = (2 * sxx) / (nx * (nx - 1)) + (2 * syy) / (ny * (ny - 1)) - (2 * sxy) / (nx * ny);
  let total = 0;
  for (let i = 0; i < n; i++) total += rowSum[i];

  // Permutations: the smaller group G (size m) and the other (size M).
  const m = Math.min(nx, ny);
  const group = new Int32Array(m);
  const mask = new Uint8Array(n);
  const perm = Int32Array.from({ length: n }, (_, i) => i);
  const first = nx <= ny ? 0 : nx;
  for (let a = 0; a < m; a++) group[a] = first + a;
  const observed = groupMmd(tri, rowSum, total, group, n);

  const random = seededRandom(options.seed);
  const permutations = Math.max(0, Math.floor(options.permutations));
  let atLeast = 0;
  for (let t = 0; t < permutations; t++) {
    // Partial Fisher–Yates: perm[0, m) becomes a uniform random m-subset; then list it in ascending order.
    for (let a = 0; a < m; a++) {
      const j = a + Math.floor(random() * (n - a));
      const tmp = perm[a];
      perm[a] = perm[j];
      perm[j] = tmp;
      mask[perm[a]] = 1;
    }
    let g = 0;
    for (let i = 0; i < n && g < m; i++) {
      if (mask[i]) {
        group[g++] = i;
        mask[i] = 0;
      }
    }
    if (groupMmd(tri, rowSum, total, group, n) >= observed - 1e-12) atLeast++;
  }
  return { statistic, pValue: (1 + atLeast) / (1 + permutations), bandwidth };
}
