/**
 * The one serialisable result of a comparison. The CLI prints it as JSON, the worker posts it to the
 * extension, the extension posts it to the webview. Plain data only: numbers, strings, arrays, null.
 */
import type { ColumnType, DataFormat } from '../io/table';
import type { ColumnRole, ModelOptions, ModelReport } from './modelTypes';
import type { OverTimeOptions, OverTimeReport } from './overTimeTypes';

/** Ids of drift tests and distances as they appear in reports, settings and the CLI. */
export const TEST_IDS = [
  'ks',
  'chi2',
  'z',
  'fisher',
  'anderson',
  'cramer_von_mises',
  'mann_whitney',
  'wasserstein',
  'energy',
  'jensen_shannon',
  'kl',
  'hellinger',
  'total_variation',
  'psi',
] as const;
export type TestId = (typeof TEST_IDS)[number];

/** How p-values are adjusted for testing many columns at once. */
export type Correction = 'none' | 'bonferroni' | 'benjamini_hochberg';

/** Whether a larger statistic (distance) or a smaller p-value signals drift. */
export type TestKind = 'p_value' | 'distance';

export interface DatasetSummary {
  path: string;
  format: DataFormat;
  /** Rows the statistics were computed on. */
  rows: number;
  /** Rows in the file; differs from `rows` when the file was sampled. */
  totalRows: number;
  columns: number;
  sampled: boolean;
  /** Columns the reader skipped, with why. */
  skipped: { name: string; reason: string }[];
  /** Columns renamed because their header was empty or a duplicate (`from` as written in the file). */
  renamedColumns: { from: string; to: string }[];
  /** Malformed rows skipped (when ragged rows are allowed), and the line numbers of the first few. */
  skippedRows: number;
  skippedRowLines: number[];
}

/**
 * Why a column has no verdict (`drifted: null`):
 * - `only_in_reference` / `only_in_current`: the column exists on one side only;
 * - `type_mismatch`: the two sides hold different kinds of values;
 * - `not_enough_data`: a side has no usable (non-missing, finite) values;
 * - `unsupported`: a column kind the suite does not test (datetime: time always moves; free text);
 * - `error`: the test itself failed; `message` says why.
 */
export type ColumnStatus =
  | 'ok'
  | 'only_in_reference'
  | 'only_in_current'
  | 'type_mismatch'
  | 'not_enough_data'
  | 'unsupported'
  | 'error';

export interface NumericHistogram {
  kind: 'numeric';
  /** Shared bin edges, length bins + 1. */
  edges: number[];
  /** Share of each side's non-missing values in each bin (sums to 1). */
  reference: number[];
  current: number[];
}

export interface CategoryShares {
  kind: 'categorical';
  /** Union of both sides' categories, most frequent in the reference first (capped; the rest summed as "(other)"). */
  categories: string[];
  reference: number[];
  current: number[];
}

export type ColumnChart = NumericHistogram | CategoryShares;

/** A change of schema or content worth knowing about, whatever the drift verdict says. */
export type Finding =
  | { kind: 'only_in_reference' }
  | { kind: 'only_in_current' }
  | { kind: 'type_changed'; reference: ColumnType; current: ColumnType }
  /** Categories seen on one side only: `values` lists the first few, `count` all of them. */
  | { kind: 'new_categories'; values: string[]; count: number }
  | { kind: 'vanished_categories'; values: string[]; count: number }
  /** The share of missing values moved by at least the report's `nullShareChange`. */
  | { kind: 'null_share_changed'; reference: number; current: number };

/**
 * One side's values of a column, for the panel's detail view. Numbers that do not exist (the std of one value)
 * are null, as JSON has no NaN.
 */
export interface SideSummary {
  /** Rows on this side (of the sample, when the file was sampled). */
  rows: number;
  /** Missing values (nulls; for numbers also NaN and ±Infinity) and their share of rows. */
  missing: number;
  missingShare: number;
  /** Distinct non-missing values, for categorical, boolean and text columns. */
  distinct?: number;
  /** Numeric and datetime columns (datetimes in epoch milliseconds): min, p5, p25, median, p75, p95, max, mean, std. */
  describe?: Describe;
}

export interface Describe {
  min: number | null;
  p5: number | null;
  p25: number | null;
  median: number | null;
  p75: number | null;
  p95: number | null;
  max: number | null;
  mean: number | null;
  std: number | null;
}

/** Every test that fits a column, run with its default threshold (the detail view's "why this verdict"). */
export interface ColumnTestResult {
  test: TestId;
  kind: TestKind;
  statistic: number | null;
  /** Null for distances. */
  pValue: number | null;
  threshold: number;
  /** Null when the test gave no value (`message` says why). */
  drifted: boolean | null;
  /** The test the report used for this column. */
  inUse: boolean;
  message?: string;
}

export interface ColumnResult {
  name: string;
  type: ColumnType;
  /** Type on the current side, when it differs from the reference's. */
  currentType?: ColumnType;
  status: ColumnStatus;
  test: TestId | null;
  testKind: TestKind | null;
  /** The test statistic; for distance tests, the distance itself. */
  statistic: number | null;
  /** Null for distance tests. */
  pValue: number | null;
  /** The p-value after the report's multiple-testing correction (equals pValue when none); null for distances. */
  adjustedPValue: number | null;
  threshold: number | null;
  /** True / false, or null when the column could not be judged. */
  drifted: boolean | null;
  /** PSI only: at or above the major-shift threshold (0.25 by default). */
  major?: boolean;
  /**
   * How far the distributions moved, beside the verdict: with large samples every p-value is tiny, so a
   * distance says whether the drift matters. The test's own value for distance tests; otherwise the
   * normalised Wasserstein distance (numeric) or the Jensen-Shannon distance (categories).
   */
  effectSize: number | null;
  effectSizeMeasure: TestId | null;
  referenceNonNull: number;
  currentNonNull: number;
  /** Position of the column in the current file (its header cell for CSV/TSV); absent when only in the reference. */
  currentIndex?: number;
  message?: string;
  /** Schema and content findings (empty when there are none). */
  findings: Finding[];
  chart?: ColumnChart;
  /** Each side's missing values and quantiles; a side is absent when the column is not in that file. */
  sides?: { reference?: SideSummary; current?: SideSummary };
  /** Where the test and threshold came from: the default choice, a per-type or a per-column setting. */
  choiceSource?: 'default' | 'type' | 'column';
  /** The column's role for the model (target, prediction, score, segment), when it has one. */
  role?: ColumnRole;
}

export interface DriftReport {
  reference: DatasetSummary;
  current: DatasetSummary;
  datasetDrift: boolean;
  /** Drifted columns / judged columns (0 when none could be judged). */
  driftShare: number;
  driftedColumns: number;
  judgedColumns: number;
  /** Dataset drift when driftShare >= this. */
  datasetDriftShare: number;
  /** Multiple-testing correction applied to the p-values of the judged columns. */
  correction: Correction;
  columns: ColumnResult[];
  /** ISO 8601 time the report was made. */
  createdAt: string;
  /** Wall time of the whole comparison (reading both files and testing), when it was measured. */
  durationMs?: number;
  /** Label, prediction and performance drift, segments and multivariate drift; absent when model analysis is off. */
  model?: ModelReport;
  /** Drift over time: windows of the current file and change points; absent unless asked for (`overTime`). */
  overTime?: OverTimeReport;
}

/** A column's test and/or threshold, set per column type or per column name. */
export interface TestChoice {
  test?: TestId;
  threshold?: number;
}

export interface SuiteOptions {
  /** p-value tests drift below this (default 0.05). */
  pValueThreshold?: number;
  /** Distances drift at or above this (default 0.1). */
  distanceThreshold?: number;
  /** Dataset drift at this share of drifted columns (default 0.5). */
  datasetDriftShare?: number;
  /** Overrides of the default test choice per column type; `byColumn` wins over this. */
  byType?: Partial<Record<ColumnType, TestChoice>>;
  /** Overrides per column name. */
  byColumn?: Record<string, TestChoice>;
  /** Adjust p-values across columns (default none, as Evidently). */
  correction?: Correction;
  /** Bins for binned measures of numeric columns (default: Sturges for distances, 10 reference quantiles for PSI). */
  bins?: number;
  /** Count missing values as a category of their own in binned measures (default false: they are left out). */
  missingAsCategory?: boolean;
  /** PSI at or above this is a major shift (default 0.25). */
  psiMajorThreshold?: number;
  /** Report a column whose share of missing values moved by at least this (default 0.05, i.e. 5 points). */
  nullShareChange?: number;
  /** Only these columns are compared: names or globs (`*`, `?`); default all. */
  include?: string[];
  /** These columns are never compared (names or globs), e.g. ids. Applied after `include`. */
  exclude?: string[];
  /** Column roles and the model-aware analyses (label, prediction, performance, segment and multivariate drift). */
  model?: ModelOptions;
  /** Drift over time (windows, streaming detectors); absent: not run. */
  overTime?: OverTimeOptions;
}
