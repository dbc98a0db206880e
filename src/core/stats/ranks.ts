/**
 * Ties and midranks of two samples pooled, shared by the rank tests (Anderson–Darling, Cramér–von Mises,
 * Mann–Whitney). Both samples are sorted once (radix sort for large ones) and walked in one merge, so the
 * pooled array, its argsort and a per-value rank array are never built: each distinct value is one
 * entry with how often it occurs on each side, from which every midrank follows.
 */
import { sortedCopy } from './sort';

/** Distinct pooled values in ascending order, with their multiplicity in each sample. */
export interface TieGroups {
  /** Number of distinct values; `countA`/`countB` are valid below this index. */
  size: number;
  /** Occurrences of the j-th smallest distinct value in the first sample (may be 0). */
  countA: Int32Array;
  /** Occurrences of the j-th smallest distinct value in the second sample (may be 0). */
  countB: Int32Array;
}

/**
 * Tie groups of two samples already sorted ascending (finite values; -0 and +0 are one value, as in
 * NumPy). The midrank of group j, as scipy.stats.rankdata(method='average') gives it, is
 * below_j + (countA[j] + countB[j] + 1) / 2 with below_j the pooled count of smaller values.
 */
export function tieGroupsSorted(a: Float64Array, b: Float64Array): TieGroups {
  const n1 = a.length;
  const n2 = b.length;
  const countA = new Int32Array(n1 + n2);
  const countB = new Int32Array(n1 + n2);
  let size = 0;
  let i = 0;
  let j = 0;
  while (i < n1 || j < n2) {
    const v = j >= n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
    const i0 = i;
    const j0 = j;
    while (i < n1 && a[i] === v) i++;
    while (j < n2 && b[j] === v) j++;
    countA[size] = i - i0;
    countB[size] = j - j0;
    size++;
  }
  return { size, countA, countB };
}

/** Tie groups of two unsorted samples (neither is modified). */
export function tieGroups(a: Float64Array, b: Float64Array): TieGroups {
  return tieGroupsSorted(sortedCopy(a), sortedCopy(b));
}
