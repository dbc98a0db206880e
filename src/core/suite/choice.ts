/**
 * Which test a column gets. Per-column settings win over per-type settings, which win over the default,
 * chosen the way Evidently does so users migrating get the same answers: with n = usable reference values,
 *   n ≤ 1000: numeric with > 5 distinct values → KS; 3+ categories (or numeric with 3–5 values) → chi-squared;
 *             two values → two-proportion z;
 *   n > 1000: numeric with > 5 distinct values → normalised Wasserstein; otherwise → Jensen-Shannon.
 * Distinct values are counted over both sides together (Evidently concatenates them).
 */
import type { ColumnType } from '../io/table';
import { TESTS } from './registry';
import type { SuiteOptions, TestChoice, TestId } from './report';

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

export interface ResolvedChoice {
  test: TestId;
  threshold: number;
  /** Where the choice came from, for messages about tests that do not fit the column. */
  source: 'default' | 'type' | 'column';
}

export function resolveChoice(
  column: string,
  type: ColumnType,
  fallback: TestId,
  options: Required<Pick<SuiteOptions, 'pValueThreshold' | 'distanceThreshold'>> & SuiteOptions,
): ResolvedChoice {
  const byColumn: TestChoice | undefined = options.byColumn?.[column];
  const byType: TestChoice | undefined = options.byType?.[type];
  const test = byColumn?.test ?? byType?.test ?? fallback;
  const source = byColumn?.test ? 'column' : byType?.test ? 'type' : 'default';
  // A threshold set for a column or type applies to the test in force there.
  const threshold =
    byColumn?.threshold ??
    byType?.threshold ??
    (TESTS[test].kind === 'p_value' ? options.pValueThreshold : options.distanceThreshold);
  return { test, threshold, source };
}
