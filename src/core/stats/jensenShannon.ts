import { at, sideTotal } from './shares';

/**
 * Jensen–Shannon distance between two discrete distributions, = scipy.spatial.distance.jensenshannon(p, q)
 * with the natural logarithm: sqrt((KL(p‖m) + KL(q‖m)) / 2), m = (p + q) / 2, after scaling p and q to
 * sum to 1. Inputs are counts or shares per bin/category, aligned by index. Range [0, sqrt(ln 2)].
 */
export function jensenShannonDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = Math.max(p.length, q.length);
  const sp = sideTotal(p, k);
  const sq = sideTotal(q, k);
  if (Number.isNaN(sp) || Number.isNaN(sq)) return NaN;
  let left = 0;
  let right = 0;
  for (let i = 0; i < k; i++) {
    const pi = at(p, i) / sp;
    const qi = at(q, i) / sq;
    const mi = (pi + qi) / 2.0;
    // rel_entr(x, m) = x·log(x/m), 0 when x = 0.
    if (pi > 0) left += pi * Math.log(pi / mi);
    if (qi > 0) right += qi * Math.log(qi / mi);
  }
  // Both sums are >= 0 in exact arithmetic; rounding can leave -1e-17, whose root SciPy turns into NaN.
  return Math.sqrt(Math.max((left + right) / 2.0, 0));
}
