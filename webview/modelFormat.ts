/**
 * Display text and choices for the panel's model-aware sections (roles, label and prediction drift, performance,
 * segments, multivariate drift). Pure functions, no DOM: unit-tested in plain Node (test/unit/webview-modelFormat.test.ts).
 */
import type { ColumnResult } from '../src/core/suite/report';
import type {
  ColumnRole,
  ConfusionMatrix,
  MetricId,
  MetricResult,
  ModelReport,
  PerformanceReport,
  ResolvedRoles,
  SegmentResult,
  TaskKind,
} from '../src/core/suite/modelTypes';
import { formatNumber, formatShare } from './format';

/** The model sections in the order they are drawn; the names posted in `rendered.modelSections`. */
export type ModelSection = 'roles' | 'label' | 'prediction' | 'performance' | 'segments' | 'multivariate';

/** Which sections a report's model part has data for (none without `model`). */
export function modelSections(model: ModelReport | undefined | null): ModelSection[] {
  if (!model) return [];
  const out: ModelSection[] = ['roles'];
  if (model.labelDrift) out.push('label');
  if (model.predictionDrift) out.push('prediction');
  if (model.performance) out.push('performance');
  if (model.segments && (model.segments.segments.length > 0 || model.segments.omitted > 0)) out.push('segments');
  if (model.multivariate) out.push('multivariate');
  return out;
}

// ─── roles ──────────────────────────────────────────────────────────────────

/** Roles offered by the detail view's selector, in this order (after "none"). */
export const ROLE_CHOICES: readonly ColumnRole[] = ['target', 'prediction', 'score', 'segment', 'timestamp', 'id'];

const ROLE_LABELS: Record<ColumnRole, string> = {
  target: 'Target',
  prediction: 'Prediction',
  score: 'Score',
  segment: 'Segment',
  timestamp: 'Timestamp',
  id: 'Id',
};

export function roleLabel(role: ColumnRole | null): string {
  return role === null ? 'None' : ROLE_LABELS[role];
}

export interface RoleEntry {
  role: ColumnRole;
  /** "Target", or "Ids" for more than one id column. */
  label: string;
  columns: string[];
  /** "set" (settings, suite file or the panel), "inferred from its name", or "" when not known. */
  source: string;
}

/** The roles in force, those with a column only, in the order target, prediction, score, segment, timestamp, ids. */
export function roleEntries(roles: ResolvedRoles): RoleEntry[] {
  const out: RoleEntry[] = [];
  const add = (role: ColumnRole, columns: string[]) => {
    if (columns.length === 0) return;
    const from = roles.sources?.[role];
    const plural = columns.length > 1 && role === 'id';
    out.push({ role, label: plural ? 'Ids' : ROLE_LABELS[role], columns, source: from ? sourceText(from, columns.length) : '' });
  };
  for (const role of ['target', 'prediction', 'score', 'segment', 'timestamp'] as const) add(role, roles[role] ? [roles[role]!] : []);
  add('id', roles.id ?? []);
  return out;
}

function sourceText(source: 'setting' | 'inferred', columns: number): string {
  return source === 'setting' ? 'set' : columns > 1 ? 'inferred from their names' : 'inferred from its name';
}

/** The role a column plays: its own `role`, else found in the report's resolved roles; null for none. */
export function roleOf(column: Pick<ColumnResult, 'name' | 'role'>, roles: ResolvedRoles | null | undefined): ColumnRole | null {
  if (column.role) return column.role;
  if (!roles) return null;
  for (const role of ['target', 'prediction', 'score', 'segment', 'timestamp'] as const) if (roles[role] === column.name) return role;
  return roles.id?.includes(column.name) ? 'id' : null;
}

const TASKS: Record<TaskKind, string> = { classification: 'classification', regression: 'regression', transcription: 'transcription' };

/** "classification (positive class "true")", "regression"; "none (no target)" without a task. */
export function taskText(task: TaskKind | null, positiveLabel?: string): string {
  if (task === null) return 'none (no target)';
  return positiveLabel !== undefined && task === 'classification' ? `${TASKS[task]} (positive class "${positiveLabel}")` : TASKS[task];
}

// ─── performance ────────────────────────────────────────────────────────────

const METRICS: Record<MetricId, string> = {
  accuracy: 'Accuracy',
  precision_macro: 'Precision (macro)',
  recall_macro: 'Recall (macro)',
  f1_macro: 'F1 (macro)',
  precision_weighted: 'Precision (weighted)',
  recall_weighted: 'Recall (weighted)',
  f1_weighted: 'F1 (weighted)',
  roc_auc: 'ROC AUC',
  log_loss: 'Log loss',
  rmse: 'RMSE',
  mae: 'MAE',
  mape: 'MAPE',
  r2: 'R²',
  wer: 'Word error rate',
};

export function metricName(metric: MetricId): string {
  return METRICS[metric] ?? metric;
}

/** "higher is better" / "lower is better". */
export function directionText(m: Pick<MetricResult, 'higherIsBetter'>): string {
  return m.higherIsBetter ? 'higher is better' : 'lower is better';
}

/** A difference with its sign: "+0.012", "−0.1204" (a true minus sign), "0", "—". */
export function signedNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  const text = formatNumber(Math.abs(x));
  if (x === 0 || text === '0') return '0';
  return `${x > 0 ? '+' : '−'}${text}`;
}

/** The bootstrap interval of the difference: "[−0.15, −0.09]"; "—" without one. */
export function intervalText(ci: { low: number; high: number } | null | undefined): string {
  return ci ? `[${signedNumber(ci.low)}, ${signedNumber(ci.high)}]` : '—';
}

/** "13.1% worse", "2.5% better", "unchanged"; "—" when not computable. */
export function worseningText(relativeWorsening: number | null | undefined): string {
  if (relativeWorsening === null || relativeWorsening === undefined || !Number.isFinite(relativeWorsening)) return '—';
  if (relativeWorsening === 0) return 'unchanged';
  return `${formatShare(Math.abs(relativeWorsening))} ${relativeWorsening > 0 ? 'worse' : 'better'}`;
}

/** "13.1% worse (allowed 10%)". */
export function worseningVsAllowed(m: Pick<MetricResult, 'relativeWorsening' | 'allowedDrop'>): string {
  const w = worseningText(m.relativeWorsening);
  return w === '—' ? `— (allowed ${formatShare(m.allowedDrop)})` : `${w} (allowed ${formatShare(m.allowedDrop)})`;
}

export interface Verdict {
  text: string;
  /** For the verdict tag: bad (degraded / drift), good (ok), muted (no verdict). */
  drifted: boolean | null;
  /** Tooltip: why (the message of a metric without a verdict). */
  title?: string;
}

/** A metric's verdict: "Degraded", "OK", or "n/a" with its message. */
export function metricVerdict(m: Pick<MetricResult, 'degraded' | 'message'>): Verdict {
  if (m.degraded === true) return { text: 'Degraded', drifted: true, title: m.message };
  if (m.degraded === false) return { text: 'OK', drifted: false, title: m.message };
  return { text: 'n/a', drifted: null, title: m.message ?? 'Not computable' };
}

/** Why a metric is degraded or not, in one sentence (the verdict cell's tooltip). */
export function metricWhy(m: MetricResult): string {
  if (m.degraded === null) return m.message ?? 'Not computable on a side.';
  const worse = worseningText(m.relativeWorsening);
  const allowed = formatShare(m.allowedDrop);
  if (m.degraded) return `${metricName(m.metric)} ${worse}, more than the ${allowed} allowed, and the interval ${intervalText(m.ci)} lies on the worse side of 0.`;
  if (m.relativeWorsening !== null && m.relativeWorsening > m.allowedDrop)
    return `${metricName(m.metric)} ${worse}, more than the ${allowed} allowed, but the interval ${intervalText(m.ci)} does not exclude no change.`;
  return `${metricName(m.metric)} ${worse}, within the ${allowed} allowed.`;
}

export function performanceHeadline(p: Pick<PerformanceReport, 'degraded'>): string {
  return p.degraded ? 'Performance degraded' : 'Performance holds';
}

/** "Accuracy, F1 (macro)": the degraded metrics, for the section's summary line. */
export function degradedMetricsText(p: Pick<PerformanceReport, 'metrics'>): string {
  return p.metrics.filter((m) => m.degraded === true).map((m) => metricName(m.metric)).join(', ');
}

/** "95% bootstrap intervals of the difference (200 replicates, seed 7)"; without replicates, that there are none. */
export function bootstrapText(b: PerformanceReport['bootstrap']): string {
  if (!b || b.replicates <= 0) return 'No bootstrap intervals (replicates set to 0).';
  return `${formatShare(b.level)} bootstrap intervals of the difference (${b.replicates.toLocaleString('en-US')} replicates, seed ${b.seed}).`;
}

// ─── confusion matrices ─────────────────────────────────────────────────────

/** Levels of shading of a confusion matrix cell (0: empty … 5: the whole row). */
export const SHADE_LEVELS = 5;

/** The share of a row (a true class) a count is, 0 for an empty row. */
export function rowShare(matrix: ConfusionMatrix, row: number, col: number): number {
  const counts = matrix.counts[row] ?? [];
  const total = counts.reduce((a, b) => a + b, 0);
  return total > 0 ? (counts[col] ?? 0) / total : 0;
}

/** 0 for nothing, then 1…SHADE_LEVELS by share (any non-zero share is at least 1). */
export function shadeLevel(share: number): number {
  if (!(share > 0)) return 0;
  return Math.min(SHADE_LEVELS, Math.max(1, Math.ceil(share * SHADE_LEVELS)));
}

/** Diagonal share of all counts (the matrix's accuracy); null for an empty matrix. */
export function matrixAccuracy(matrix: ConfusionMatrix): number | null {
  let total = 0;
  let diagonal = 0;
  matrix.counts.forEach((row, i) =>
    row.forEach((n, j) => {
      total += n;
      if (i === j) diagonal += n;
    }),
  );
  return total > 0 ? diagonal / total : null;
}

// ─── segments ───────────────────────────────────────────────────────────────

/** "age, income, credit_score +2 more"; "none" when empty. */
export function namesText(names: readonly string[], max = 3): string {
  if (names.length === 0) return 'none';
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} +${names.length - max} more` : shown;
}

/** "Drift" / "No drift" / "Not judged" for a segment's dataset, label or prediction verdict. */
export function driftWord(drifted: boolean | null | undefined): string {
  return drifted === true ? 'Drift' : drifted === false ? 'No drift' : 'Not judged';
}

/** The first metric of a segment's performance: its change and verdict (null without performance). */
export function keyMetric(segment: Pick<SegmentResult, 'performance'>): { name: string; change: string; verdict: Verdict } | null {
  const m = segment.performance?.metrics[0];
  if (!m) return null;
  const change = m.reference === null || m.current === null ? '—' : `${formatNumber(m.reference)} → ${formatNumber(m.current)} (${signedNumber(m.difference)})`;
  return { name: metricName(m.metric), change, verdict: metricVerdict(m) };
}

/** "2 smaller segments not analysed"; empty for none. */
export function omittedText(omitted: number): string {
  if (omitted <= 0) return '';
  return `${omitted.toLocaleString('en-US')} smaller segment${omitted === 1 ? '' : 's'} not analysed.`;
}

/** "3 of 4 segments drifted". */
export function segmentsSummary(segments: readonly Pick<SegmentResult, 'datasetDrift'>[]): string {
  const drifted = segments.filter((s) => s.datasetDrift === true).length;
  return `${drifted} of ${segments.length} segment${segments.length === 1 ? '' : 's'} drifted`;
}

// ─── multivariate ───────────────────────────────────────────────────────────

/** "≥ 0.55" for the AUC, "< 0.05" for a p-value threshold. */
export function atLeastText(threshold: number): string {
  return `≥ ${formatNumber(threshold)}`;
}

/** Importance shares scaled to the largest one (the bars' lengths, 0…1). */
export function barLengths(values: readonly number[]): number[] {
  const max = Math.max(0, ...values.filter((v) => Number.isFinite(v)));
  return values.map((v) => (max > 0 && Number.isFinite(v) && v > 0 ? Math.min(1, v / max) : 0));
}

/** A ratio (0…1) as a CSS percentage, rounded to a tenth ("37.5%"). */
export function cssPercent(x: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(x) ? x : 0));
  return `${Math.round(clamped * 1000) / 10}%`;
}
