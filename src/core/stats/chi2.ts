/**
 * Chi-squared test of homogeneity for one categorical column seen twice, = scipy.stats.chi2_contingency(
 * [reference, current], correction=False) on the 2×k table of counts, after dropping categories that are
 * empty on both sides (SciPy would refuse their zero expected frequencies).
 */
import { chi2Sf } from './special';

export interface Chi2Result {
  statistic: number;
  pValue: number;
  dof: number;
}

/**
 * `reference[i]` and `current[i]` count category i on each side (the union of both sides' categories).
 * With one category or none left there is nothing to compare: statistic 0, p 1, dof 0, as SciPy returns
 * for dof 0. If one side has no counts at all the expected frequencies of its row are 0, which SciPy
 * rejects; we answer NaN then, so no drift verdict can come from an empty side.
 */
export function chiSquaredHomogeneity(reference: ArrayLike<number>, current: ArrayLike<number>): Chi2Result {
  const len = Math.max(reference.length, current.length);
  const at = (side: ArrayLike<number>, i: number) => (i < side.length ? side[i] : 0);
  let k = 0;
  let refTotal = 0;
  let curTotal = 0;
  for (let i = 0; i < len; i++) {
    const r = at(reference, i);
    const c = at(current, i);
    if (r + c === 0) continue;
    k++;
    refTotal += r;
    curTotal += c;
  }
  const dof = k - 1;
  if (k <= 1) return { statistic: 0, pValue: 1, dof: 0 };
  if (refTotal === 0 || curTotal === 0) return { statistic: NaN, pValue: NaN, dof };

  // Pearson's statistic with expected = row total · column total / grand total (scipy expected_freq).
  const total = refTotal + curTotal;
  let statistic = 0;
  for (let i = 0; i < len; i++) {
    const r = at(reference, i);
    const c = at(current, i);
    const col = r + c;
    if (col === 0) continue;
    const er = (refTotal * col) / total;
    const ec = (curTotal * col) / total;
    statistic += ((r - er) * (r - er)) / er + ((c - ec) * (c - ec)) / ec;
  }
  return { statistic, pValue: chi2Sf(statistic, dof), dof };
}
