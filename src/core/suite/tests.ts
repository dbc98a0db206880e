/**
 * Runs one drift test on prepared samples and states its verdict rule.
 * p-value tests drift when p < threshold; distances drift when distance ≥ threshold (Evidently's comparisons).
 */
import {
  chiSquaredHomogeneity,
  jensenShannonDistance,
  ksTwoSample,
  normalizedWasserstein,
  twoProportionZ,
} from '../stats';
import type { TestId, TestKind } from './report';
import { total, type CategoricalPair, type NumericPair } from './samples';

export interface TestOutcome {
  statistic: number;
  /** Null for distances. */
  pValue: number | null;
}

export const TEST_KIND: Record<TestId, TestKind> = {
  ks: 'p_value',
  chi2: 'p_value',
  z: 'p_value',
  wasserstein: 'distance',
  jensen_shannon: 'distance',
  psi: 'distance',
};

/** Short names used in diagnostics and the CLI's text output. */
export const TEST_LABEL: Record<TestId, string> = {
  ks: 'KS',
  chi2: 'chi-squared',
  z: 'z-test',
  wasserstein: 'Wasserstein (normed)',
  jensen_shannon: 'Jensen-Shannon',
  psi: 'PSI',
};

export function isDrift(kind: TestKind, outcome: TestOutcome, threshold: number): boolean {
  return kind === 'p_value' ? (outcome.pValue as number) < threshold : outcome.statistic >= threshold;
}

export function runNumericTest(test: TestId, pair: NumericPair): TestOutcome {
  switch (test) {
    case 'ks': {
      const r = ksTwoSample(pair.reference, pair.current);
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'wasserstein':
      return { statistic: normalizedWasserstein(pair.reference, pair.current), pValue: null };
    default:
      throw new Error(`test "${test}" does not take numeric samples`);
  }
}

export function runCategoricalTest(test: TestId, pair: CategoricalPair): TestOutcome {
  switch (test) {
    case 'chi2': {
      const r = chiSquaredHomogeneity(pair.reference, pair.current);
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'z': {
      // Two-valued: "hits" are the first category; the two-sided test is the same whichever is chosen.
      const r = twoProportionZ(pair.reference[0] ?? 0, total(pair.reference), pair.current[0] ?? 0, total(pair.current));
      return { statistic: r.statistic, pValue: r.pValue };
    }
    case 'jensen_shannon':
      return { statistic: jensenShannonDistance(pair.reference, pair.current), pValue: null };
    default:
      throw new Error(`test "${test}" does not take category counts`);
  }
}
