/**
 * Divergences between two discrete distributions given as counts or shares per bin/category, aligned by
 * index (binned numeric columns: histogramCounts over shared edges; categorical columns: countCodes over
 * the union of categories). Each side is scaled to sum 1 first, as scipy.stats.entropy does, so counts
 * and shares give the same answer. A shorter side counts 0 for the bins it lacks. A side with nothing in
 * it (empty or all zeros) has no distribution: NaN, where SciPy divides 0/0.
 */

import { at, sideTotal as total } from './shares';

/**
 * Kullback–Leibler divergence KL(p‖q) = Σ p_i·ln(p_i / q_i), = scipy.stats.entropy(p, q) (natural log).
 * Terms with p_i = 0 contribute 0; a bin with q_i = 0 < p_i makes it Infinity, as SciPy (rel_entr) does —
 * KL is unbounded and asymmetric, which is why drift reports usually prefer Jensen–Shannon or PSI.
 * Rounding can leave −1e-17 for near-identical inputs; the result is clamped at 0 (KL >= 0 exactly).
 */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = Math.max(p.length, q.length);
  const sp = total(p, k);
  const sq = total(q, k);
  if (Number.isNaN(sp) || Number.isNaN(sq)) return NaN;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const pi = at(p, i) / sp;
    if (!(pi > 0)) continue;
    const qi = at(q, i) / sq;
    if (!(qi > 0)) return Infinity;
    sum += pi * Math.log(pi / qi);
  }
  return Math.max(sum, 0);
}

/**
 * Hellinger distance sqrt(Σ (√p_i − √q_i)²) / √2: 0 for identical distributions, 1 for disjoint ones,
 * symmetric, and finite where KL is not. Clamped to [0, 1] against the last ulp of rounding.
 */
export function hellingerDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = Math.max(p.length, q.length);
  const sp = total(p, k);
  const sq = total(q, k);
  if (Number.isNaN(sp) || Number.isNaN(sq)) return NaN;
  let sum = 0;
  for (let i = 0; i < k; i++) {
    const d = Math.sqrt(at(p, i) / sp) - Math.sqrt(at(q, i) / sq);
    sum += d * d;
  }
  return Math.min(Math.sqrt(sum) / Math.SQRT2, 1);
}

/**
 * Total variation distance ½ Σ |p_i − q_i|: the largest difference in probability the two distributions
 * give any set of bins, in [0, 1] (clamped against rounding), symmetric.
 */
export function totalVariationDistance(p: ArrayLike<number>, q: ArrayLike<number>): number {
  const k = Math.max(p.length, q.length);
  const sp = total(p, k);
  const sq = total(q, k);
  if (Number.isNaN(sp) || Number.isNaN(sq)) return NaN;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.abs(at(p, i) / sp - at(q, i) / sq);
  return Math.min(sum / 2, 1);
}
