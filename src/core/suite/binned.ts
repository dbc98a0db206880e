/**
 * The one binning mechanism behind every counts test (chi-squared, Jensen-Shannon, KL, Hellinger, total
 * variation, PSI): categories are counted over the union of both sides' categories; numeric columns with few
 * values count each value as a category; other numeric columns are cut at shared edges, equal-width over
 * both sides (Sturges by default, as Evidently) or at reference quantiles (PSI, 10 by default). Missing
 * values are left out, or counted as a category of their own when asked.
 */
import { sortedHistogramCounts, histogramEdges, quantileEdges } from '../stats';
import type { TestSpec } from './registry';
import { numericAsCategories, type CategoricalPair, type ColumnSamples } from './samples';

export interface BinningOptions {
  bins?: number;
  missingAsCategory?: boolean;
}

/** PSI's customary number of reference-quantile bins. */
const PSI_BINS = 10;

export function binnedCounts(samples: ColumnSamples, spec: TestSpec, options: BinningOptions): CategoricalPair {
  const counts = samples.kind === 'categorical' ? samples.pair : numericCounts(samples, spec, options);
  return options.missingAsCategory ? withMissing(counts, samples.referenceMissing, samples.currentMissing) : counts;
}

function numericCounts(samples: Extract<ColumnSamples, { kind: 'numeric' }>, spec: TestSpec, options: BinningOptions): CategoricalPair {
  if (samples.values !== null) return numericAsCategories(samples.pair, samples.values);
  const { reference, current } = samples.pair;
  const edges =
    spec.binning === 'quantile'
      ? quantileEdges(reference, options.bins ?? PSI_BINS)
      : histogramEdges([reference, current], options.bins ?? 'sturges');
  return {
    kind: 'categorical',
    categories: Array.from({ length: edges.length - 1 }, (_, i) => `[${edges[i]}, ${edges[i + 1]}${i === edges.length - 2 ? ']' : ')'}`),
    reference: sortedHistogramCounts(reference, edges),
    current: sortedHistogramCounts(current, edges),
  };
}

function withMissing(pair: CategoricalPair, referenceMissing: number, currentMissing: number): CategoricalPair {
  if (referenceMissing + currentMissing === 0) return pair;
  const append = (counts: Float64Array, extra: number) => {
    const out = new Float64Array(counts.length + 1);
    out.set(counts);
    out[counts.length] = extra;
    return out;
  };
  return {
    kind: 'categorical',
    categories: [...pair.categories, '(missing)'],
    reference: append(pair.reference, referenceMissing),
    current: append(pair.current, currentMissing),
  };
}
