/**
 * The model-aware results in words: one-line findings (performance drift, multivariate drift) for the Problems
 * panel, the suite and CI, and the CLI's text sections.
 */
import { formatNumber } from './format';
import type { MetricId, MetricResult, ModelReport, MultivariateReport, PerformanceReport } from './modelTypes';
import type { DriftReport } from './report';

export const METRIC_LABELS: Record<MetricId, string> = {
  accuracy: 'accuracy',
  precision_macro: 'precision (macro)',
  recall_macro: 'recall (macro)',
  f1_macro: 'F1 (macro)',
  precision_weighted: 'precision (weighted)',
  recall_weighted: 'recall (weighted)',
  f1_weighted: 'F1 (weighted)',
  roc_auc: 'ROC-AUC',
  log_loss: 'log loss',
  rmse: 'RMSE',
  mae: 'MAE',
  mape: 'MAPE',
  r2: 'R²',
  wer: 'word error rate',
};

/** A model-level finding; `column` is where it points (the target's header cell for performance). */
export interface ModelFinding {
  kind: 'performance' | 'multivariate';
  message: string;
  column?: string;
}

export function modelFindings(report: DriftReport): ModelFinding[] {
  const model = report.model;
  if (!model) return [];
  const out: ModelFinding[] = [];
  const perf = model.performance;
  if (perf?.degraded) {
    const worse = perf.metrics.filter((m) => m.degraded).map(metricText);
    out.push({ kind: 'performance', column: perf.target, message: `Performance drift in "${perf.target}": ${worse.join('; ')}` });
  }
  if (model.multivariate?.drifted) out.push({ kind: 'multivariate', message: `Multivariate drift: ${multivariateText(model.multivariate)}` });
  return out;
}

/** e.g. `accuracy 0.912 → 0.801 (12.2% worse, allowed 10%; CI of the change [-0.14, -0.08])`. */
export function metricText(m: MetricResult): string {
  const details: string[] = [];
  if (m.relativeWorsening !== null) {
    const how = m.relativeWorsening >= 0 ? 'worse' : 'better';
    details.push(`${formatNumber(Math.abs(m.relativeWorsening) * 100)}% ${how}, allowed ${formatNumber(m.allowedDrop * 100)}%`);
  }
  if (m.ci) details.push(`CI of the change [${formatNumber(m.ci.low)}, ${formatNumber(m.ci.high)}]`);
  return `${METRIC_LABELS[m.metric]} ${formatNumber(m.reference)} → ${formatNumber(m.current)}${details.length ? ` (${details.join('; ')})` : ''}`;
}

export function multivariateText(mv: MultivariateReport): string {
  const parts: string[] = [];
  const dc = mv.domainClassifier;
  if (dc) {
    const top = dc.topFeatures.slice(0, 3).map((f) => f.name);
    parts.push(
      `domain classifier ROC-AUC ${formatNumber(dc.auc)} ${dc.auc >= dc.threshold ? '≥' : '<'} ${formatNumber(dc.threshold)}, p=${formatNumber(dc.pValue)}` +
        (dc.drifted && top.length ? ` (most separating: ${top.join(', ')})` : ''),
    );
  }
  if (mv.mmd) parts.push(`MMD² ${formatNumber(mv.mmd.statistic)}, permutation p=${formatNumber(mv.mmd.pValue)} ${mv.mmd.drifted ? '<' : '≥'} ${formatNumber(mv.mmd.threshold)}`);
  return parts.join('; ');
}

/** The CLI's text sections ahead of the column table; empty when there is nothing model-aware to say. */
export function modelSectionsText(model: ModelReport): string[] {
  const lines: string[] = [];
  const r = model.roles;
  const named = (['target', 'prediction', 'score', 'segment', 'timestamp'] as const)
    .filter((k) => r[k] !== null)
    .map((k) => `${k} ${r[k]}${r.sources[k] === 'inferred' ? ' (inferred)' : ''}`);
  if (r.id.length) named.push(`id ${r.id.join(', ')}`);
  if (named.length) lines.push(`roles: ${named.join(', ')}${r.task ? `; task ${r.task}` : ''}`);
  for (const note of model.notes) lines.push(`note: ${note}`);
  const verdict = (c: ModelReport['labelDrift']) => (c === null ? '' : c.drifted === true ? 'DRIFT' : c.drifted === false ? 'no drift' : c.status.replace(/_/g, ' '));
  if (model.labelDrift) lines.push(`label drift (${model.labelDrift.name}): ${verdict(model.labelDrift)}`);
  if (model.predictionDrift) lines.push(`prediction drift (${model.predictionDrift.name}): ${verdict(model.predictionDrift)}`);
  if (model.performance) lines.push(...performanceText(model.performance));
  if (model.segments) {
    lines.push(`segments by ${model.segments.column}${model.segments.omitted ? ` (largest ${model.segments.segments.length}; ${model.segments.omitted} more not analysed)` : ''}:`);
    for (const s of model.segments.segments) {
      const drift = s.datasetDrift === null ? s.message ?? 'not judged' : `${s.datasetDrift ? 'DRIFT' : 'no drift'} (${s.driftedColumns.length} of ${s.judgedColumns} columns${s.driftedColumns.length ? `: ${s.driftedColumns.slice(0, 5).join(', ')}` : ''})`;
      const perf = s.performance?.metrics[0];
      lines.push(`  ${s.value}: ${s.referenceRows} → ${s.currentRows} rows, ${drift}${perf ? `; ${metricText(perf)}${s.performance?.degraded ? ' DEGRADED' : ''}` : ''}`);
    }
  }
  if (model.multivariate) {
    const mv = model.multivariate;
    const text = multivariateText(mv);
    lines.push(`multivariate drift: ${mv.drifted ? 'YES' : 'no'}${text ? ` (${text}; ${mv.referenceRows} and ${mv.currentRows} rows sampled)` : ''}`);
    for (const note of mv.notes) lines.push(`  note: ${note}`);
  }
  return lines;
}

function performanceText(p: PerformanceReport): string[] {
  const head = `performance (${p.task}, ${p.target} vs ${p.prediction ?? p.score}, ${p.referenceRows} and ${p.currentRows} rows): ${p.degraded ? 'DEGRADED' : p.metrics.length ? 'holds' : 'not computed'}`;
  return [
    head,
    ...p.metrics.map((m) => `  ${m.degraded ? '✗' : m.degraded === false ? '✓' : '·'} ${metricText(m)}`),
    ...p.notes.map((n) => `  note: ${n}`),
  ];
}
