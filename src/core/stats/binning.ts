/**
 * The one binning mechanism every binned measure and chart uses, so a histogram, a Jensen–Shannon
 * distance and (later) PSI over the same columns all see identical bins. Mirrors NumPy exactly:
 * np.histogram_bin_edges for the edges, np.histogram with explicit edges for the counts.
 */

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
    for (let i = 0; i < s.length; i++) {
      const x = s[i];
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
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

/**
 * = np.histogram(values, edges)[0]: bin i holds edges[i] <= x < edges[i+1], the last bin also its right
 * edge; values outside [edges[0], edges[last]] are not counted. Binary search per value, so edges need
 * not be uniform. Counts are returned as doubles (exact up to 2^53).
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

/** Counts per dictionary code 0 .. categories-1; -1 (missing) and codes out of range are not counted. */
export function countCodes(codes: Int32Array, categories: number): Float64Array {
  const counts = new Float64Array(categories);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0 && c < categories) counts[c]++;
  }
  return counts;
}
