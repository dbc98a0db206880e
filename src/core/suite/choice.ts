/**
 * The default test for a column, chosen the way Evidently does, so users migrating get the same answers:
 * with n = usable values in the reference,
 *   n ≤ 1000: numeric with > 5 distinct values → KS; 3+ categories (or numeric with 3–5 values) → chi-squared;
 *             two values → two-proportion z;
 *   n > 1000: numeric with > 5 distinct values → normalised Wasserstein; otherwise → Jensen-Shannon.
 * Distinct values are counted over both sides together (Evidently concatenates them).
 */
import type { TestId } from './report';

/** Above this many reference values Evidently switches from p-value tests to distances. */
export const SMALL_SAMPLE_MAX = 1000;
/** Numeric columns with at most this many distinct values are treated as categories. */
export const FEW_VALUES_MAX = 5;

export function defaultTest(referenceCount: number, isNumeric: boolean, distinct: number): TestId {
  const manyValues = isNumeric && distinct > FEW_VALUES_MAX;
  if (referenceCount <= SMALL_SAMPLE_MAX) {
    if (manyValues) return 'ks';
    return distinct > 2 ? 'chi2' : 'z';
  }
  return manyValues ? 'wasserstein' : 'jensen_shannon';
}
