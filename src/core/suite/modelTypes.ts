/**
 * Model-aware drift, as carried by a `DriftReport`: which columns are the model's target, prediction and score,
 * whether its predictions got worse (performance drift, the concept-drift signal), where drift is localised
 * (segments), and joint changes no single column shows (multivariate drift). Plain data only.
 */
import type { ColumnResult } from './report';

/** Roles a column can play. Ids are never tested; target, prediction and score feed label, prediction and performance drift. */
export type ColumnRole = 'target' | 'prediction' | 'score' | 'timestamp' | 'segment' | 'id';
export const COLUMN_ROLES: readonly ColumnRole[] = ['target', 'prediction', 'score', 'timestamp', 'segment', 'id'];

/** What the model does: predicts classes, numbers, or transcribes (text target and prediction: word error rate). */
export type TaskKind = 'classification' | 'regression' | 'transcription';
export const TASK_KINDS: readonly TaskKind[] = ['classification', 'regression', 'transcription'];

/** Roles as set in settings, a suite file or the panel. `score`: the predicted probability of the positive class. */
export interface ColumnRoles {
  target?: string;
  prediction?: string;
  score?: string;
  timestamp?: string;
  segment?: string;
  /** One or more id columns: excluded from testing. */
  id?: string | string[];
  /** Overrides the task inferred from the target column. */
  task?: TaskKind;
}

/** Roles in force for one comparison, each with where it came from. */
export interface ResolvedRoles {
  target: string | null;
  prediction: string | null;
  score: string | null;
  timestamp: string | null;
  segment: string | null;
  id: string[];
  /** `setting`: named by the user (settings, suite file or panel); `inferred`: found by its conventional name. */
  sources: Partial<Record<ColumnRole, 'setting' | 'inferred'>>;
  /** Null when there is no target (no performance analysis). */
  task: TaskKind | null;
}

export type MetricId =
  | 'accuracy'
  | 'precision_macro'
  | 'recall_macro'
  | 'f1_macro'
  | 'precision_weighted'
  | 'recall_weighted'
  | 'f1_weighted'
  | 'roc_auc'
  | 'log_loss'
  | 'rmse'
  | 'mae'
  | 'mape'
  | 'r2'
  | 'wer';

/** One performance metric on both sides and whether it got worse by more than allowed. */
export interface MetricResult {
  metric: MetricId;
  /** Accuracy: higher is better; RMSE, log loss, WER: lower is better. */
  higherIsBetter: boolean;
  reference: number | null;
  current: number | null;
  /** current − reference. */
  difference: number | null;
  /** Bootstrap percentile interval of the difference (null when not bootstrapped or not computable). */
  ci: { low: number; high: number } | null;
  /** How much worse the current side is, relative to the reference's magnitude (negative: it improved). */
  relativeWorsening: number | null;
  /** The relative worsening tolerated before the metric is judged degraded. */
  allowedDrop: number;
  /**
   * True when the metric worsened by more than `allowedDrop` and the bootstrap interval lies entirely on the worse
   * side of zero; null when a side has no value (`message` says why).
   */
  degraded: boolean | null;
  message?: string;
}

/** Rows: true class, columns: predicted class, both in `labels` order. */
export interface ConfusionMatrix {
  labels: string[];
  counts: number[][];
}

export interface PerformanceReport {
  task: TaskKind;
  target: string;
  /** The class or value predicted; null when only a score exists (classes then come from score ≥ 0.5). */
  prediction: string | null;
  score: string | null;
  /** Binary classification: the class the score is the probability of. */
  positiveLabel?: string;
  /** Rows with both target and prediction present, per side. */
  referenceRows: number;
  currentRows: number;
  metrics: MetricResult[];
  /** Classification only (labels capped; the rest summed as "(other)"). */
  confusion?: { reference: ConfusionMatrix; current: ConfusionMatrix };
  /** True when any metric degraded. */
  degraded: boolean;
  bootstrap: { replicates: number; seed: number; level: number };
  /** Why the analysis, or some metric, could not run. */
  notes: string[];
}

/** The analysis repeated on the rows of one value of the segment column. */
export interface SegmentResult {
  value: string;
  referenceRows: number;
  currentRows: number;
  /** Null when a side has too few rows to judge. */
  datasetDrift: boolean | null;
  driftShare: number;
  judgedColumns: number;
  /** Names of the columns that drifted within this segment. */
  driftedColumns: string[];
  /** Label and prediction drift within the segment, when those roles exist. */
  labelDrifted: boolean | null;
  predictionDrifted: boolean | null;
  /** Performance within the segment (metrics only, no confusion matrices). */
  performance: PerformanceReport | null;
  message?: string;
}

export interface SegmentsReport {
  column: string;
  /** Largest segments first (by current rows), at most `top` of them. */
  segments: SegmentResult[];
  /** Segments beyond the top ones, not analysed. */
  omitted: number;
}

/** A classifier trained to tell reference rows from current rows: if it can, the data changed jointly. */
export interface DomainClassifierResult {
  /** Cross-validated (out-of-fold) ROC-AUC: 0.5 means the sides cannot be told apart. */
  auc: number;
  /** One-sided p-value of the AUC against 0.5 (Mann-Whitney on the out-of-fold scores). */
  pValue: number;
  threshold: number;
  drifted: boolean;
  folds: number;
  /** Features that separate the sides most (share of the model's total split gain), largest first. */
  topFeatures: { name: string; importance: number }[];
}

/** Maximum mean discrepancy between the sides' standardised numeric features, with a permutation p-value. */
export interface MmdResult {
  /** Unbiased MMD² with a Gaussian kernel. */
  statistic: number;
  pValue: number;
  /** Kernel bandwidth (median heuristic). */
  bandwidth: number;
  permutations: number;
  threshold: number;
  drifted: boolean;
  features: string[];
}

export interface MultivariateReport {
  /** Columns used as features. */
  features: string[];
  /** Rows used per side (a seeded sample of each file's rows). */
  referenceRows: number;
  currentRows: number;
  domainClassifier: DomainClassifierResult | null;
  mmd: MmdResult | null;
  /** Either method drifted. */
  drifted: boolean;
  /** Why a method did not run (e.g. no numeric features for MMD). */
  notes: string[];
}

/** Everything model-aware in a report. Label and prediction drift are the target's and prediction's column results. */
export interface ModelReport {
  roles: ResolvedRoles;
  /** The target column's result (label drift, P(Y)); null without a target. */
  labelDrift: ColumnResult | null;
  /** The prediction's (or score's) column result (prediction drift, P(Ŷ)). */
  predictionDrift: ColumnResult | null;
  performance: PerformanceReport | null;
  segments: SegmentsReport | null;
  multivariate: MultivariateReport | null;
  /** Roles that could not be applied (a named column in neither file, a non-numeric score). */
  notes: string[];
}

/** Options of the model-aware analyses (SuiteOptions.model). */
export interface ModelOptions {
  roles?: ColumnRoles;
  /** Infer roles from conventional column names (default true). */
  inferRoles?: boolean;
  /** Columns never given a role by inference (e.g. a "label" column that is not the target). */
  unassigned?: string[];
  /** Relative worsening of a metric tolerated (default 0.1: 10% worse than the reference). */
  allowedDrop?: number;
  /** Bootstrap replicates for metric differences (default 200; 0 turns the intervals off). */
  bootstrap?: number;
  /** Confusion matrices in the performance report (default true). */
  confusion?: boolean;
  /** Segments analysed (largest first, default 10; 0: none). */
  topSegments?: number;
  /** Multivariate drift (default true). */
  multivariate?: boolean;
  /** Rows sampled per side for multivariate drift (default 2000). */
  multivariateRows?: number;
  /** Domain classifier AUC at or above which the data drifted jointly (default 0.55). */
  domainAucThreshold?: number;
  /** MMD permutations (default 200). */
  mmdPermutations?: number;
  seed?: number;
}
