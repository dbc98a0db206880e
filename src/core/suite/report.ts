/**
 * The one serialisable result of a comparison. The CLI prints it as JSON, the worker posts it to the
 * extension, the extension posts it to the webview. Plain data only: numbers, strings, arrays, null.
 */
import type { ColumnType, DataFormat } from '../io/table';

/** Ids of drift tests and distances as they appear in reports, settings and the CLI. */
export type TestId = 'ks' | 'chi2' | 'z' | 'wasserstein' | 'jensen_shannon' | 'psi';

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
  threshold: number | null;
  /** True / false, or null when the column could not be judged. */
  drifted: boolean | null;
  referenceNonNull: number;
  currentNonNull: number;
  /** Position of the column in the current file (its header cell for CSV/TSV); absent when only in the reference. */
  currentIndex?: number;
  message?: string;
  chart?: ColumnChart;
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
  columns: ColumnResult[];
  /** ISO 8601 time the report was made. */
  createdAt: string;
}

export interface SuiteOptions {
  /** p-value tests drift below this (default 0.05). */
  pValueThreshold?: number;
  /** Distances drift above this (default 0.1). */
  distanceThreshold?: number;
  /** Dataset drift at this share of drifted columns (default 0.5). */
  datasetDriftShare?: number;
}
