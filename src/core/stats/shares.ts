/**
 * Two count/share vectors aligned by bin, as every discrete measure takes them: a shorter side counts 0 for
 * the bins it lacks, and each side is scaled to sum 1 (so counts and shares give the same answer).
 */

export const at = (side: ArrayLike<number>, i: number): number => (i < side.length ? side[i] : 0);

/**
 * Σ side[i] over the first k bins, or NaN when the side holds nothing (empty or all zeros): no distribution
 * to compare, where SciPy divides 0/0.
 */
export function sideTotal(side: ArrayLike<number>, k: number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += at(side, i);
  return s > 0 ? s : NaN;
}
