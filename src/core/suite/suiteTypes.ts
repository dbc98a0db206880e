/**
 * A drift suite: the comparisons a workspace's `drift-suite.json` lists, and the one serialisable result of running
 * them all (`SuiteReport`), which the CLI prints, the worker posts, the panel draws and the Test Explorer mirrors.
 */
import type { ColumnType } from '../io/table';
import type { ColumnRoles } from './modelTypes';
import type { OverTimeOptions } from './overTimeTypes';
import type { Correction, DriftReport, TestChoice } from './report';

export type { ColumnRoles };

/** How loud a result is: `none` passes silently; `info`/`warning`/`error` appear in Problems and gate CI. */
export type Severity = 'none' | 'info' | 'warning' | 'error';
export const SEVERITIES: readonly Severity[] = ['none', 'info', 'warning', 'error'];

/** Which severity each kind of result gets. */
export interface SeverityRules {
  /** A column that drifted (default warning). */
  drift: Severity;
  /** A column whose drift is major: PSI at or above psiMajorThreshold, or an effect size at or above majorEffectSize (default error). */
  majorDrift: Severity;
  /** The comparison's dataset drift verdict (default error). */
  datasetDrift: Severity;
  /** A column only on one side or whose type changed (default warning). */
  schemaChange: Severity;
  /** A model metric worsened by more than the allowed drop (default warning). */
  performance: Severity;
  /** A domain classifier or the MMD test tells the files apart (default warning). */
  multivariateDrift: Severity;
}

/** Settings a suite file may set for all comparisons (`defaults`) or for one (overriding the defaults). */
export interface ComparisonSettings {
  pValueThreshold?: number;
  distanceThreshold?: number;
  datasetDriftShare?: number;
  correction?: Correction;
  psiMajorThreshold?: number;
  /** Effect size (normalised Wasserstein / Jensen-Shannon distance) at or above which a drift is major (default 0.25). */
  majorEffectSize?: number;
  /** Relative worsening of a performance metric tolerated (default 0.1). */
  allowedDrop?: number;
  /** Multivariate drift (default true). */
  multivariate?: boolean;
  /** Drift over time: true (auto windows, every detector that fits), its options, or false (off). */
  overTime?: boolean | OverTimeOptions;
  bins?: number;
  missingAsCategory?: boolean;
  maxRows?: number;
  nullTokens?: string[];
  /** Test and/or threshold per column type. */
  testsByType?: Partial<Record<ColumnType, TestChoice>>;
  /** Test and/or threshold per column name. */
  tests?: Record<string, TestChoice>;
  severity?: Partial<SeverityRules>;
}

/** One comparison as written in the file (paths as written, relative to the suite file's folder). */
export interface ComparisonSpec extends ComparisonSettings {
  name: string;
  reference: string;
  /** A path or a glob: each match is compared with the reference. */
  current: string;
  /** Columns to test: names or globs (`*`, `?`); default all. */
  include?: string[];
  /** Columns never to test: names or globs. Applied after `include`. */
  exclude?: string[];
  roles?: ColumnRoles;
}

export interface SuiteSpec {
  defaults?: ComparisonSettings;
  comparisons: ComparisonSpec[];
}

/** Where in the suite file something is: for messages that point at the place (1-based line and column). */
export interface SuiteLocation {
  file: string;
  line: number;
  column: number;
  /** JSON path, e.g. ["comparisons", 0, "reference"]. */
  path: (string | number)[];
  /** Character offset and length in the file, for editors. */
  offset: number;
  length: number;
}

export interface SuiteProblem {
  message: string;
  location: SuiteLocation;
}

/** A parsed suite file: the spec, the problems found (errors stop a run), and where each comparison is written. */
export interface SuiteFile {
  path: string;
  /** The file's text, to point at places in it. */
  text: string;
  spec: SuiteSpec;
  problems: SuiteProblem[];
  /** Location of each comparison object, by index. */
  comparisonLocations: SuiteLocation[];
}

/** One file pair to compare: a comparison with its current glob expanded (one entry per matched file). */
export interface SuiteTask {
  /** Stable id: `<comparison index>:<current path>`. */
  id: string;
  /** The comparison's name, plus the matched file's name when `current` is a glob. */
  name: string;
  comparison: string;
  comparisonIndex: number;
  referencePath: string;
  currentPath: string;
}

/** One column's outcome in the suite's terms: passed (severity none) or a finding with a severity. */
export interface SuiteColumnResult {
  name: string;
  severity: Severity;
  /** Why, naming the test, its value and the threshold (e.g. `KS p=4.84e-32 < 0.05`). */
  message: string;
  /** True when the column was judged drifted. */
  drifted: boolean | null;
  major: boolean;
}

export interface SuiteModelFinding {
  kind: 'performance' | 'multivariate';
  severity: Severity;
  message: string;
  /** The column it points at (the target, for performance drift). */
  column?: string;
}

export interface SuiteComparisonResult extends SuiteTask {
  /** Absent when the comparison could not run (`error` says why). */
  report?: DriftReport;
  error?: { message: string; path?: string; line?: number; column?: string };
  /** The worst severity of its columns, its dataset verdict, or `error` when it could not run. */
  severity: Severity;
  /** Dataset-level finding (dataset drift), if any, and its severity. */
  datasetMessage?: string;
  datasetSeverity?: Severity;
  /** Model-level findings (performance drift, multivariate drift) with their severities. */
  modelFindings?: SuiteModelFinding[];
  columns: SuiteColumnResult[];
  durationMs: number;
}

export interface SuiteReport {
  /** Absolute path of the suite file. */
  file: string;
  createdAt: string;
  durationMs: number;
  results: SuiteComparisonResult[];
  /** Comparisons that ran / could not run; columns by severity (across all comparisons). */
  counts: { comparisons: number; errored: number; columns: Record<Severity, number> };
  /** The worst severity in the whole suite. */
  severity: Severity;
}
