/**
 * The drift panel's model-aware words and choices (webview/modelFormat.ts): which sections a report's model part
 * draws, the roles line and a column's role, metric names, signed differences, intervals, worsening vs allowed,
 * verdicts and their reasons, confusion matrix shading, segment texts and importance bar lengths. Pure code, no DOM.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { MetricResult, ModelReport, ResolvedRoles } from '../../src/core/suite/modelTypes';
import {
  barLengths,
  bootstrapText,
  cssPercent,
  degradedMetricsText,
  driftWord,
  intervalText,
  keyMetric,
  matrixAccuracy,
  metricName,
  metricVerdict,
  metricWhy,
  modelSections,
  namesText,
  omittedText,
  performanceHeadline,
  roleEntries,
  roleLabel,
  roleOf,
  rowShare,
  segmentsSummary,
  shadeLevel,
  signedNumber,
  taskText,
  worseningText,
  worseningVsAllowed,
} from '../../webview/modelFormat';

const roles = (over: Partial<ResolvedRoles> = {}): ResolvedRoles => ({
  target: null,
  prediction: null,
  score: null,
  timestamp: null,
  segment: null,
  id: [],
  sources: {},
  task: null,
  ...over,
});

const metric = (over: Partial<MetricResult> = {}): MetricResult => ({
  metric: 'accuracy',
  higherIsBetter: true,
  reference: 0.916,
  current: 0.7956,
  difference: -0.1204,
  ci: { low: -0.1504, high: -0.0904 },
  relativeWorsening: 0.1314,
  allowedDrop: 0.1,
  degraded: true,
  ...over,
});

test('modelSections: nothing without a model; roles always; the others when their data is there', () => {
  assert.deepEqual(modelSections(undefined), []);
  const bare: ModelReport = { roles: roles(), labelDrift: null, predictionDrift: null, performance: null, segments: null, multivariate: null, notes: [] };
  assert.deepEqual(modelSections(bare), ['roles']);
  const column = {} as ModelReport['labelDrift'];
  const full = {
    ...bare,
    labelDrift: column,
    predictionDrift: column,
    performance: {} as ModelReport['performance'],
    segments: { column: 'channel', segments: [{}], omitted: 0 } as unknown as ModelReport['segments'],
    multivariate: {} as ModelReport['multivariate'],
  };
  assert.deepEqual(modelSections(full), ['roles', 'label', 'prediction', 'performance', 'segments', 'multivariate']);
  // No segment analysed and none omitted: nothing to show.
  assert.deepEqual(modelSections({ ...full, segments: { column: 'channel', segments: [], omitted: 0 } }), ['roles', 'label', 'prediction', 'performance', 'multivariate']);
  assert.deepEqual(modelSections({ ...full, predictionDrift: null }), ['roles', 'label', 'performance', 'segments', 'multivariate']);
});

test('roleEntries: roles with a column, in order, with where they came from', () => {
  const r = roles({
    target: 'default',
    prediction: 'predicted_default',
    segment: 'channel',
    id: ['application_id', 'customer_id'],
    sources: { target: 'setting', prediction: 'inferred', id: 'inferred' },
    task: 'classification',
  });
  assert.deepEqual(roleEntries(r), [
    { role: 'target', label: 'Target', columns: ['default'], source: 'set' },
    { role: 'prediction', label: 'Prediction', columns: ['predicted_default'], source: 'inferred from its name' },
    { role: 'segment', label: 'Segment', columns: ['channel'], source: '' },
    { role: 'id', label: 'Ids', columns: ['application_id', 'customer_id'], source: 'inferred from their names' },
  ]);
  assert.deepEqual(roleEntries(roles()), []);
  assert.deepEqual(roleEntries(roles({ id: ['id'], sources: { id: 'setting' } })), [{ role: 'id', label: 'Id', columns: ['id'], source: 'set' }]);
});

test('roleOf: the column\'s own role first, then the resolved roles; null for none', () => {
  const r = roles({ target: 'y', score: 'p', id: ['row_id'] });
  assert.equal(roleOf({ name: 'y' }, r), 'target');
  assert.equal(roleOf({ name: 'p' }, r), 'score');
  assert.equal(roleOf({ name: 'row_id' }, r), 'id');
  assert.equal(roleOf({ name: 'age' }, r), null);
  assert.equal(roleOf({ name: 'age', role: 'segment' }, r), 'segment');
  assert.equal(roleOf({ name: 'y' }, undefined), null);
  assert.equal(roleLabel(null), 'None');
  assert.equal(roleLabel('timestamp'), 'Timestamp');
});

test('taskText', () => {
  assert.equal(taskText('classification', 'true'), 'classification (positive class "true")');
  assert.equal(taskText('classification'), 'classification');
  assert.equal(taskText('regression', 'x'), 'regression');
  assert.equal(taskText(null), 'none (no target)');
});

test('metric names, signed differences and intervals', () => {
  assert.equal(metricName('f1_macro'), 'F1 (macro)');
  assert.equal(metricName('roc_auc'), 'ROC AUC');
  assert.equal(metricName('wer'), 'Word error rate');
  assert.equal(signedNumber(-0.1204), '−0.1204');
  assert.equal(signedNumber(0.012), '+0.012');
  assert.equal(signedNumber(0), '0');
  assert.equal(signedNumber(null), '—');
  assert.equal(signedNumber(-2e-6), '−2.000e-6');
  assert.equal(intervalText({ low: -0.1504, high: -0.0904 }), '[−0.1504, −0.0904]');
  assert.equal(intervalText({ low: -0.02, high: 0.013 }), '[−0.02, +0.013]');
  assert.equal(intervalText(null), '—');
});

test('worsening: relative, against the allowed drop', () => {
  assert.equal(worseningText(0.1314), '13.1% worse');
  assert.equal(worseningText(-0.025), '2.5% better');
  assert.equal(worseningText(0), 'unchanged');
  assert.equal(worseningText(null), '—');
  assert.equal(worseningText(Number.POSITIVE_INFINITY), '—');
  assert.equal(worseningVsAllowed({ relativeWorsening: 0.1314, allowedDrop: 0.1 }), '13.1% worse (allowed 10%)');
  assert.equal(worseningVsAllowed({ relativeWorsening: null, allowedDrop: 0.05 }), '— (allowed 5%)');
});

test('metric verdicts and why', () => {
  assert.deepEqual(metricVerdict(metric()), { text: 'Degraded', drifted: true, title: undefined });
  assert.equal(metricVerdict(metric({ degraded: false })).text, 'OK');
  assert.deepEqual(metricVerdict(metric({ degraded: null, message: 'No score' })), { text: 'n/a', drifted: null, title: 'No score' });
  assert.equal(metricVerdict(metric({ degraded: null })).title, 'Not computable');
  assert.equal(metricWhy(metric()), 'Accuracy 13.1% worse, more than the 10% allowed, and the interval [−0.1504, −0.0904] lies on the worse side of 0.');
  assert.equal(
    metricWhy(metric({ degraded: false, ci: { low: -0.2, high: 0.01 } })),
    'Accuracy 13.1% worse, more than the 10% allowed, but the interval [−0.2, +0.01] does not exclude no change.',
  );
  assert.equal(metricWhy(metric({ degraded: false, relativeWorsening: 0.04 })), 'Accuracy 4% worse, within the 10% allowed.');
  assert.equal(metricWhy(metric({ degraded: null, message: 'Only one class' })), 'Only one class');
});

test('performance headline, degraded metrics and bootstrap', () => {
  assert.equal(performanceHeadline({ degraded: true }), 'Performance degraded');
  assert.equal(performanceHeadline({ degraded: false }), 'Performance holds');
  assert.equal(degradedMetricsText({ metrics: [metric(), metric({ metric: 'roc_auc', degraded: false }), metric({ metric: 'f1_macro' })] }), 'Accuracy, F1 (macro)');
  assert.equal(bootstrapText({ replicates: 200, seed: 7, level: 0.95 }), '95% bootstrap intervals of the difference (200 replicates, seed 7).');
  assert.equal(bootstrapText({ replicates: 0, seed: 7, level: 0.95 }), 'No bootstrap intervals (replicates set to 0).');
});

test('confusion matrix: row shares, shading levels, diagonal share', () => {
  const m = { labels: ['false', 'true'], counts: [[842, 38], [46, 74]] };
  assert.equal(rowShare(m, 0, 0), 842 / 880);
  assert.equal(rowShare(m, 1, 0), 46 / 120);
  assert.equal(rowShare({ labels: ['a'], counts: [[0]] }, 0, 0), 0);
  assert.equal(shadeLevel(0), 0);
  assert.equal(shadeLevel(0.001), 1);
  assert.equal(shadeLevel(0.2), 1);
  assert.equal(shadeLevel(0.21), 2);
  assert.equal(shadeLevel(0.957), 5);
  assert.equal(shadeLevel(1), 5);
  assert.equal(shadeLevel(Number.NaN), 0);
  assert.equal(matrixAccuracy(m), 916 / 1000);
  assert.equal(matrixAccuracy({ labels: [], counts: [] }), null);
});

test('segments: names, verdict words, key metric, omitted, summary', () => {
  assert.equal(namesText(['age', 'income', 'credit_score', 'segment', 'x']), 'age, income, credit_score +2 more');
  assert.equal(namesText(['age']), 'age');
  assert.equal(namesText([]), 'none');
  assert.equal(driftWord(true), 'Drift');
  assert.equal(driftWord(false), 'No drift');
  assert.equal(driftWord(null), 'Not judged');
  assert.equal(keyMetric({ performance: null }), null);
  const perf = { metrics: [metric()] } as unknown as Parameters<typeof keyMetric>[0]['performance'];
  const key = keyMetric({ performance: perf });
  assert.equal(key?.name, 'Accuracy');
  assert.equal(key?.change, '0.916 → 0.7956 (−0.1204)');
  assert.equal(key?.verdict.text, 'Degraded');
  const none = { metrics: [metric({ current: null, difference: null, degraded: null })] } as unknown as Parameters<typeof keyMetric>[0]['performance'];
  assert.equal(keyMetric({ performance: none })?.change, '—');
  assert.equal(omittedText(0), '');
  assert.equal(omittedText(1), '1 smaller segment not analysed.');
  assert.equal(omittedText(12), '12 smaller segments not analysed.');
  assert.equal(segmentsSummary([{ datasetDrift: true }, { datasetDrift: false }, { datasetDrift: null }]), '1 of 3 segments drifted');
  assert.equal(segmentsSummary([{ datasetDrift: false }]), '0 of 1 segment drifted');
});

test('importance bars: lengths relative to the largest, as CSS percentages', () => {
  assert.deepEqual(barLengths([0.4, 0.2, 0.1]), [1, 0.5, 0.25]);
  assert.deepEqual(barLengths([0, 0]), [0, 0]);
  assert.deepEqual(barLengths([]), []);
  assert.deepEqual(barLengths([0.5, Number.NaN, -1]), [1, 0, 0]);
  assert.equal(cssPercent(0.375), '37.5%');
  assert.equal(cssPercent(1.2), '100%');
  assert.equal(cssPercent(-1), '0%');
  assert.equal(cssPercent(Number.NaN), '0%');
  assert.equal(cssPercent(1 / 3), '33.3%');
});
