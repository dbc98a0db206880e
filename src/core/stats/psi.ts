import { at, sideTotal } from './shares';

/**
 * Population Stability Index, the credit-scoring drift measure: Σ (cur_i − ref_i)·ln(cur_i / ref_i) over
 * bins (numeric columns: quantileEdges of the reference, then histogramCounts / n; categorical columns:
 * category shares). Rule of thumb: < 0.1 stable, 0.1–0.25 moderate shift, > 0.25 significant shift.
 */

/** Share floor: an empty bin would make ln(cur/ref) infinite; flooring both sides at 0.01 % keeps it finite. */
const FLOOR = 1e-4;

/**
 * Shares (or counts: each side is scaled to sum 1 first, a no-op for counts / n over edges that catch
 * every value) aligned by bin; a shorter side counts 0 for the bins it lacks. Every share is floored at
 * 1e-4 before the sum, so a bin empty on one side adds a large but finite term instead of Infinity.
 * (Evidently replaces only exact zeros with 1e-4; shares in (0, 1e-4) are raised here too, so the floor
 * acts the same on every near-empty bin.) Symmetric in its arguments, >= 0, and 0 for identical shares.
 * NaN when a side holds nothing (empty or all zeros): no distribution to compare.
 */
export function populationStabilityIndex(referenceShares: ArrayLike<number>, currentShares: ArrayLike<number>): number {
  const k = Math.max(referenceShares.length, currentShares.length);
  const sr = sideTotal(referenceShares, k);
  const sc = sideTotal(currentShares, k);
  if (Number.isNaN(sr) || Number.isNaN(sc)) return NaN;
  let psi = 0;
  for (let i = 0; i < k; i++) {
    const r = Math.max(at(referenceShares, i) / sr, FLOOR);
    const c = Math.max(at(currentShares, i) / sc, FLOOR);
    // (c − r) and ln(c / r) always share a sign, so every term is >= 0.
    psi += (c - r) * Math.log(c / r);
  }
  return psi;
}
