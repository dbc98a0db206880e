/**
 * Binary search in ascending values: np.searchsorted. The one search behind histogram counts, KSWIN's sliding
 * windows and the boosted trees' bins.
 */

/**
 * Where `x` would go in ascending `sorted[0..n)` to keep it sorted: side 'left' counts the values < x (the first
 * index whose value is >= x), 'right' the values <= x.
 */
export function searchSorted(sorted: ArrayLike<number>, x: number, side: 'left' | 'right' = 'left', n = sorted.length): number {
  const right = side === 'right';
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid];
    if (v < x || (right && v === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
