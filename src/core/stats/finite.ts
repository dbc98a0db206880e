/**
 * The one rule for values a test can use: NaN (missing) and ±Infinity are left out before any statistic is
 * computed, as Evidently does. The suite applies the same rule (src/core/suite/samples.ts uses `sortedFinite`),
 * and the SciPy fixture tests apply this helper, so a reference value for data holding NaN/±Inf is SciPy's
 * answer on the finite values alone.
 */
import { sortedFiniteCopy } from './sort';

/** The finite values of `values`, in order. Returns `values` itself (no copy) when all are finite. */
export function finiteOnly(values: Float64Array): Float64Array {
  const n = values.length;
  let kept = 0;
  for (let i = 0; i < n; i++) if (values[i] - values[i] === 0) kept++; // false for NaN and ±Infinity
  if (kept === n) return values;
  const out = new Float64Array(kept);
  let j = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (x - x === 0) out[j++] = x;
  }
  return out;
}

/**
 * The finite values of `values`, ascending, in a new array (the input is not modified): what the
 * sorted-input tests (`ksTwoSampleSorted`, `wassersteinSorted`, …) take. One radix sort that skips what is not finite.
 */
export function sortedFinite(values: Float64Array): Float64Array {
  return sortedFiniteCopy(values);
}
