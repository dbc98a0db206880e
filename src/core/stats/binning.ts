/**
 * The one binning mechanism every binned measure and chart uses, so a histogram, a Jensen–Shannon
 * distance, KL, Hellinger, total variation and PSI over the same columns all see identical bins: edges
 * from histogramEdges (equal width over both samples) or quantileEdges (reference quantiles, for PSI),
 * then binned shares = histogramCounts(values, edges) / values.length. Mirrors NumPy exactly:
 * np.histogram_bin_edges / np.quantile for the edges, np.histogram with explicit edges for the counts.
 */
import { searchSorted } from './searchSorted';
import { sortedCopy } from './sort';

/**
 * = np.histogram_bin_edges(np.concatenate(samples), bins): `bins` equal-width bins over [min, max] of all
 * samples together (finite values), or for 'sturges' as many as NumPy's Sturges rule gives,
 * ceil(range / (range / (log2(n) + 1))) — usually ceil(log2(n)) + 1. A zero range widens to ±0.5 around
 * the value and no data at all to [0, 1], as NumPy does; 'sturges' then gives one bin.
 */
export function histogramEdges(samples: readonly Float64Array[], bins: number | 'sturges'): Float64Array {
  let size = 0;
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of samples) {
    size += s.length;
    lo = Math.min(lo, smallest(s));
    hi = Math.max(hi, largest(s));
  }
  let first: number;
  let last: number;
  if (size === 0) {
    first = 0;
    last = 1;
  } else {
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) throw new RangeError('histogramEdges: values must be finite');
    first = lo;
    last = hi;
  }
  if (first === last) {
    first -= 0.5;
    last += 0.5;
  }

  let count: number;
  if (bins === 'sturges') {
    if (size === 0) count = 1;
    else {
      // NumPy's _hist_bin_sturges: a width from the data's own range (0 for constant data → one bin).
      const width = (hi - lo) / (Math.log2(size) + 1.0);
      count = width ? Math.ceil((last - first) / width) : 1;
    }
  } else {
    if (!Number.isInteger(bins) || bins < 1) throw new RangeError('histogramEdges: bins must be a positive integer');
    count = bins;
  }

  // np.linspace(first, last, count + 1): i·step + first, the last edge set to `last` exactly.
  const edges = new Float64Array(count + 1);
  const delta = last - first;
  const step = delta / count;
  for (let i = 0; i <= count; i++) edges[i] = step === 0 ? (i / count) * delta + first : i * step + first;
  edges[count] = last;
  return edges;
}

// Each scan a function of its own, so that V8 optimizing one mid-run does not throw out the code after it.
function smallest(s: Float64Array): number {
  let lo = Infinity;
  for (let i = 0; i < s.length; i++) if (s[i] < lo) lo = s[i];
  return lo;
}

function largest(s: Float64Array): number {
  let hi = -Infinity;
  for (let i = 0; i < s.length; i++) if (s[i] > hi) hi = s[i];
  return hi;
}

/**
 * = np.histogram(values, edges)[0]: bin i holds edges[i] <= x < edges[i+1], the last bin also its right
 * edge; values outside [edges[0], edges[last]] are not counted. Binary search per value, so edges need
 * not be uniform. Counts are returned as doubles (exact up to 2^53).
 * Infinite outer edges (quantileEdges) need no special case: -Infinity <= x and x <= +Infinity hold for
 * every finite x, so nothing is dropped, and the comparisons put x in the same bin np.histogram does
 * (even an infinite x, which callers drop anyway, lands in the first or last bin as in NumPy).
 */
export function histogramCounts(values: Float64Array, edges: Float64Array): Float64Array {
  const nb = edges.length - 1;
  const counts = new Float64Array(Math.max(nb, 0));
  if (nb < 1) return counts;
  const first = edges[0];
  const last = edges[nb];
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (!(x >= first && x <= last)) continue;
    if (x === last) {
      counts[nb - 1]++;
      continue;
    }
    // Largest i with edges[i] <= x (searchsorted 'right' minus one).
    let lo = 0;
    let hi = nb;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (edges[mid] <= x) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/**
 * `histogramCounts` of values already sorted ascending (what the suite holds for every numeric column): each
 * bin's count is the difference of two binary searches, O(bins · log n) instead of a search per value.
 * Same bins as np.histogram: [edges[i], edges[i+1]), the last one closed.
 */
export function sortedHistogramCounts(sorted: Float64Array, edges: Float64Array): Float64Array {
  const nb = edges.length - 1;
  const counts = new Float64Array(Math.max(nb, 0));
  if (nb < 1) return counts;
  let from = searchSorted(sorted, edges[0]);
  for (let i = 0; i < nb - 1; i++) {
    const to = Math.max(from, searchSorted(sorted, edges[i + 1]));
    counts[i] = to - from;
    from = to;
  }
  counts[nb - 1] = Math.max(0, searchSorted(sorted, edges[nb], 'right') - from);
  return counts;
}

/** Counts per dictionary code 0 .. categories-1; -1 (missing) and codes out of range are not counted. */
export function countCodes(codes: Int32Array, categories: number): Float64Array {
  const counts = new Float64Array(categories);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0 && c < categories) counts[c]++;
  }
  return counts;
}

/**
 * PSI's bins: cut points at the reference's quantiles, so each bin holds about 1/bins of the reference
 * and the measure is not dominated by a few tail bins. = np.unique(np.quantile(reference,
 * np.linspace(0, 1, bins + 1))) with NumPy's default 'linear' quantile, reproduced operation for
 * operation (index (n−1)·q, NumPy's two-sided lerp) so the edges are bit-identical: values tied with an
 * edge, common in integer or rounded columns, then fall in the same bin as in NumPy. The first and last
 * edges are then replaced by −Infinity / +Infinity, so every current value, however far outside the
 * reference range, falls in a bin (histogramCounts handles infinite edges). Ties collapse duplicate
 * quantiles (np.unique), so heavy ties give fewer than `bins` bins and a constant reference one bin,
 * [−Infinity, +Infinity]. An empty reference has no quantiles: one bin as well, whose reference share is
 * then 0/0 = NaN, so every measure over it is NaN. Sorts one copy (the input is untouched).
 */
export function quantileEdges(reference: Float64Array, bins: number): Float64Array {
  if (!Number.isInteger(bins) || bins < 1) throw new RangeError('quantileEdges: bins must be a positive integer');
  const n = reference.length;
  if (n === 0) return Float64Array.of(-Infinity, Infinity);
  const sorted = sortedCopy(reference);
  const q = new Float64Array(bins + 1);
  const step = 1 / bins; // np.linspace(0, 1, bins + 1): i·step, the last point 1 exactly
  for (let i = 0; i <= bins; i++) {
    const virtual = (n - 1) * (i === bins ? 1 : i * step);
    if (virtual >= n - 1) {
      q[i] = sorted[n - 1];
      continue;
    }
    const below = Math.floor(virtual);
    const gamma = virtual - below;
    const a = sorted[below];
    const b = sorted[below + 1];
    const diff = b - a;
    // numpy _lerp: a + diff·t, or from the right end b − diff·(1 − t) when t >= 0.5.
    q[i] = gamma >= 0.5 ? b - diff * (1 - gamma) : a + diff * gamma;
  }
  // np.unique: sorted, equal neighbours dropped (the lerp is monotone up to rounding; sort to be sure).
  q.sort();
  let k = 0;
  for (let i = 0; i < q.length; i++) if (i === 0 || q[i] !== q[k - 1]) q[k++] = q[i];
  if (k < 2) return Float64Array.of(-Infinity, Infinity);
  const edges = q.slice(0, k);
  edges[0] = -Infinity;
  edges[k - 1] = Infinity;
  return edges;
}
