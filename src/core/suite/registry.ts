/**
 * Every drift test the suite can run, in one table: what it takes (raw numeric samples, or counts per
 * bin/category), whether it yields a p-value or a distance, and how to call the pure function behind it.
 * Adding a test means adding a row here.
 */
import {
  andersonKSample,
  chiSquaredHomogeneity,
  cramerVonMises2Samp,
  energyDistance,
  fisherExact,
  hellingerDistance,
  jensenShannonDistance,
  klDivergence,
  ksTwoSampleSorted,
  mannWhitneyU,
  normalizedWassersteinSorted,
  populationStabilityIndex,
  totalVariationDistance,
  twoProportionZ,
} from '../stats';
import type { TestId, TestKind } from './report';

export interface TestOutcome {
  statistic: number;
  /** Null for distances. */
  pValue: number | null;
}

/**
 * `samples`: finite numeric values of each side, sorted ascending (so KS and Wasserstein skip their own sort). `counts`: counts per shared bin or category (numeric
 * columns are binned first; `binning` says how). `pair` tests need exactly two categories.
 */
export interface TestSpec {
  id: TestId;
  kind: TestKind;
  label: string;
  input: 'samples' | 'counts';
  /** How numeric columns are binned for counts tests: equal-width (Sturges by default) or reference quantiles. */
  binning?: 'equal_width' | 'quantile';
  /** Needs a column with at most two values. */
  twoValued?: boolean;
  run(reference: Float64Array, current: Float64Array): TestOutcome;
}

const pValue = (r: { statistic: number; pValue: number }): TestOutcome => ({ statistic: r.statistic, pValue: r.pValue });
const distance = (statistic: number): TestOutcome => ({ statistic, pValue: null });

function shares(counts: Float64Array): Float64Array {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i];
  return counts.map((c) => c / n);
}

/** Shares of zero make KL infinite; Evidently fills them with a tiny share, and so do we. */
const KL_FLOOR = 1e-4;
const floored = (counts: Float64Array) => shares(counts).map((s) => Math.max(s, KL_FLOOR));

/** Two-valued counts padded to two cells: a column that holds one value on both sides is a 2×1 table. */
function twoCells(counts: Float64Array): [number, number] {
  return [counts[0] ?? 0, counts[1] ?? 0];
}

const SPECS: TestSpec[] = [
  { id: 'ks', kind: 'p_value', label: 'KS', input: 'samples', run: (a, b) => pValue(ksTwoSampleSorted(a, b)) },
  { id: 'anderson', kind: 'p_value', label: 'Anderson-Darling', input: 'samples', run: (a, b) => pValue(andersonKSample(a, b)) },
  {
    id: 'cramer_von_mises',
    kind: 'p_value',
    label: 'Cramér-von Mises',
    input: 'samples',
    run: (a, b) => pValue(cramerVonMises2Samp(a, b)),
  },
  { id: 'mann_whitney', kind: 'p_value', label: 'Mann-Whitney U', input: 'samples', run: (a, b) => pValue(mannWhitneyU(a, b)) },
  { id: 'wasserstein', kind: 'distance', label: 'Wasserstein (normed)', input: 'samples', run: (a, b) => distance(normalizedWassersteinSorted(a, b)) },
  { id: 'energy', kind: 'distance', label: 'energy distance', input: 'samples', run: (a, b) => distance(energyDistance(a, b)) },
  { id: 'chi2', kind: 'p_value', label: 'chi-squared', input: 'counts', binning: 'equal_width', run: (a, b) => pValue(chiSquaredHomogeneity(a, b)) },
  {
    id: 'z',
    kind: 'p_value',
    label: 'z-test',
    input: 'counts',
    twoValued: true,
    run: (a, b) => {
      // "Hits" are the first category; the two-sided test is the same whichever one is chosen.
      const [refHits, refOther] = twoCells(a);
      const [curHits, curOther] = twoCells(b);
      return pValue(twoProportionZ(refHits, refHits + refOther, curHits, curHits + curOther));
    },
  },
  {
    id: 'fisher',
    kind: 'p_value',
    label: 'Fisher exact',
    input: 'counts',
    twoValued: true,
    run: (a, b) => pValue(fisherExact(...twoCells(a), ...twoCells(b))),
  },
  { id: 'jensen_shannon', kind: 'distance', label: 'Jensen-Shannon', input: 'counts', binning: 'equal_width', run: (a, b) => distance(jensenShannonDistance(a, b)) },
  { id: 'kl', kind: 'distance', label: 'KL divergence', input: 'counts', binning: 'equal_width', run: (a, b) => distance(klDivergence(floored(a), floored(b))) },
  { id: 'hellinger', kind: 'distance', label: 'Hellinger', input: 'counts', binning: 'equal_width', run: (a, b) => distance(hellingerDistance(a, b)) },
  {
    id: 'total_variation',
    kind: 'distance',
    label: 'total variation',
    input: 'counts',
    binning: 'equal_width',
    run: (a, b) => distance(totalVariationDistance(a, b)),
  },
  {
    id: 'psi',
    kind: 'distance',
    label: 'PSI',
    input: 'counts',
    binning: 'quantile',
    // Takes counts: it scales each side to shares itself.
    run: (a, b) => distance(populationStabilityIndex(a, b)),
  },
];

export const TESTS: Readonly<Record<TestId, TestSpec>> = Object.fromEntries(SPECS.map((s) => [s.id, s])) as Record<TestId, TestSpec>;

export function isTestId(id: string): id is TestId {
  return Object.prototype.hasOwnProperty.call(TESTS, id);
}
