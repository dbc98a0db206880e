/**
 * Chart data for the panel: shares per shared bin (numeric) or per category, so both sides overlay on one axis.
 */
import { sortedHistogramCounts, histogramEdges } from '../stats';
import type { CategoryShares, NumericHistogram } from './report';
import { total, type CategoricalPair, type NumericPair } from './samples';

/** More bars than this stop being readable in a row-sized chart. */
const MAX_BINS = 30;
const MAX_CATEGORIES = 20;

export function numericHistogram(pair: NumericPair): NumericHistogram {
  const n = pair.reference.length + pair.current.length;
  const bins = Math.min(MAX_BINS, Math.ceil(Math.log2(Math.max(n, 1))) + 1);
  const edges = histogramEdges([pair.reference, pair.current], bins);
  return {
    kind: 'numeric',
    edges: Array.from(edges),
    reference: shares(sortedHistogramCounts(pair.reference, edges), pair.reference.length),
    current: shares(sortedHistogramCounts(pair.current, edges), pair.current.length),
  };
}

/** Most frequent reference categories first; past the cap the rest are summed into "(other)". */
export function categoryShares(pair: CategoricalPair): CategoryShares {
  const order = pair.categories.map((_, i) => i);
  order.sort((a, b) => pair.reference[b] - pair.reference[a] || pair.current[b] - pair.current[a]);
  const refTotal = total(pair.reference);
  const curTotal = total(pair.current);
  const shown = order.slice(0, MAX_CATEGORIES);
  const rest = order.slice(MAX_CATEGORIES);
  const categories = shown.map((i) => pair.categories[i]);
  const reference = shown.map((i) => share(pair.reference[i], refTotal));
  const current = shown.map((i) => share(pair.current[i], curTotal));
  if (rest.length > 0) {
    categories.push(`(other ${rest.length})`);
    reference.push(share(rest.reduce((s, i) => s + pair.reference[i], 0), refTotal));
    current.push(share(rest.reduce((s, i) => s + pair.current[i], 0), curTotal));
  }
  return { kind: 'categorical', categories, reference, current };
}

function shares(counts: Float64Array, n: number): number[] {
  return Array.from(counts, (c) => share(c, n));
}

function share(count: number, n: number): number {
  return n > 0 ? count / n : 0;
}
