/**
 * One column's summary for the data view: missing values, distinct values, min/max/mean and a small equal-width
 * histogram for numbers and datetimes, the most frequent values for categories. Exact over the values given (the
 * caller decides whether those are every row or a sample).
 */
import { countCodes, histogramCounts, histogramEdges } from '../stats/binning';
import { sortedCopy } from '../stats/sort';
import { isNumericColumn, type CodedColumn, type Column, type NumericColumn } from '../io/table';
import type { ColumnSummary } from './profileTypes';

/** Bins of a numeric column's histogram: enough to show a shape in a 120-pixel sparkline. */
export const HISTOGRAM_BINS = 20;
/** Most frequent values listed for a categorical column. */
export const TOP_VALUES = 5;

export function summarizeColumn(column: Column, index: number, sampled?: number): ColumnSummary {
  const base = { index, name: column.name, type: column.type, ...(sampled !== undefined ? { sampled } : {}) };
  return isNumericColumn(column) ? { ...base, ...numericSummary(column) } : { ...base, ...codedSummary(column) };
}

/** A column that could not be summarised, saying why. */
export function skippedSummary(name: string, index: number, why: string): ColumnSummary {
  return { index, name, type: null, skipped: why, rows: 0, missing: 0, distinct: 0 };
}

function numericSummary(column: NumericColumn) {
  const values = column.values;
  let present = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) present++;
  const finite = new Float64Array(present);
  let k = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) finite[k++] = values[i];
  const sorted = sortedCopy(finite);
  let distinct = 0;
  let mean = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
    mean += (sorted[i] - mean) / (i + 1); // running mean: stays accurate on epoch-millisecond datetimes
  }
  const summary = { rows: values.length, missing: values.length - present, distinct };
  if (sorted.length === 0) return summary;
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  // Infinite values have no place on an equal-width axis: the histogram is of the finite ones.
  const lo = sorted.findIndex((x) => Number.isFinite(x));
  let hi = sorted.length - 1;
  while (hi >= 0 && !Number.isFinite(sorted[hi])) hi--;
  const histogram =
    lo >= 0 && hi >= lo
      ? (() => {
          const inRange = sorted.subarray(lo, hi + 1);
          const edges = histogramEdges([inRange], sorted[lo] === sorted[hi] ? 1 : HISTOGRAM_BINS);
          return { edges: [...edges], counts: [...histogramCounts(inRange, edges)] };
        })()
      : undefined;
  return { ...summary, min, max, mean, ...(histogram ? { histogram } : {}) };
}

function codedSummary(column: CodedColumn) {
  const counts = countCodes(column.codes, column.categories.length);
  let present = 0;
  let distinct = 0;
  for (const c of counts) {
    present += c;
    if (c > 0) distinct++;
  }
  const order = [...counts.keys()].filter((c) => counts[c] > 0).sort((a, b) => counts[b] - counts[a] || a - b);
  return {
    rows: column.codes.length,
    missing: column.codes.length - present,
    distinct,
    top: order.slice(0, TOP_VALUES).map((c) => ({ value: column.categories[c], count: counts[c] })),
  };
}
