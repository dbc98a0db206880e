/**
 * Multiple-testing corrections across a report's columns: testing 50 columns at p < 0.05 flags about 2.5
 * of them by chance alone. Both return adjusted p-values in the input order, capped at 1.
 */
import type { Correction } from './report';

export function adjustPValues(pValues: readonly number[], correction: Correction): number[] {
  const m = pValues.length;
  if (correction === 'none' || m === 0) return [...pValues];
  if (correction === 'bonferroni') return pValues.map((p) => Math.min(1, p * m));
  // Benjamini-Hochberg step-up: p(i)·m/i, made monotone from the largest p down.
  const order = pValues.map((_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank--) {
    const i = order[rank - 1];
    running = Math.min(running, (pValues[i] * m) / rank);
    adjusted[i] = running;
  }
  return adjusted;
}
