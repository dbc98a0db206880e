/**
 * Model-aware drift through compareTables: roles (set, inferred, refused), label and prediction drift as their own
 * sections, performance drift with bootstrap intervals, segments that localise a concept drift the aggregate
 * dilutes, multivariate drift that no single column shows, and the same report surviving a column re-run.
 * Metric values themselves are checked against scikit-learn in stats-metrics.test.ts; here they are recomputed
 * by hand from the rows, independently of the core.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Table } from '../../src/core/io/table';
import { compareTables, recompareColumn } from '../../src/core/suite/compare';
import type { ModelReport } from '../../src/core/suite/modelTypes';
import { judgeComparison } from '../../src/core/suite/suiteSeverity';
import type { SuiteOptions } from '../../src/core/suite/report';
import { modelRows, REGIONS, type ModelRow } from './support/modelData';
import { cat, normal, num, table } from './support/tables';

function modelTable(rows: ModelRow[], path: string): Table {
  return table(
    [
      cat('customer_id', rows.map((r) => r.customer_id), 'text'),
      num('x1', rows.map((r) => r.x1)),
      num('x2', rows.map((r) => r.x2)),
      cat('region', rows.map((r) => r.region)),
      num('label', rows.map((r) => r.label)),
      num('score', rows.map((r) => r.score)),
      num('y_pred', rows.map((r) => r.y_pred)),
    ],
    path,
  );
}

const refRows = modelRows(900, false, 11);
const curRows = modelRows(900, true, 12);
const reference = modelTable(refRows, '/data/reference.csv');
const current = modelTable(curRows, '/data/current.csv');
const options: SuiteOptions = { model: { roles: { id: 'customer_id' }, bootstrap: 200 } };
const report = compareTables(reference, current, options);
const model = report.model as ModelReport;

const accuracy = (rows: ModelRow[]) => rows.filter((r) => r.label === r.y_pred).length / rows.length;

test('roles: conventional names are inferred, ids are set and never tested, the task follows the target', () => {
  assert.equal(model.roles.target, 'label');
  assert.equal(model.roles.prediction, 'y_pred');
  assert.equal(model.roles.score, 'score');
  assert.deepEqual(model.roles.id, ['customer_id']);
  assert.deepEqual(model.roles.sources, { id: 'setting', target: 'inferred', prediction: 'inferred', score: 'inferred' });
  assert.equal(model.roles.task, 'classification');
  assert.equal(report.columns.find((c) => c.name === 'customer_id'), undefined, 'ids are never tested');
  // Positions stay the file's (its header cells), with the id column left out before them.
  assert.equal(report.columns.find((c) => c.name === 'label')?.currentIndex, 4);
  const excluded = compareTables(reference, current, { exclude: ['x*'], model: { inferRoles: false, multivariate: false } });
  assert.equal(excluded.columns.find((c) => c.name === 'region')?.currentIndex, 3);
  assert.equal(report.columns.find((c) => c.name === 'label')?.role, 'target');
  assert.equal(report.columns.find((c) => c.name === 'x1')?.role, undefined);
});

test('label and prediction drift are the target and prediction column results, and did not drift here', () => {
  assert.equal(model.labelDrift?.name, 'label');
  assert.deepEqual(model.labelDrift, report.columns.find((c) => c.name === 'label'));
  assert.equal(model.labelDrift?.drifted, false);
  assert.equal(model.predictionDrift?.name, 'y_pred');
  assert.equal(model.predictionDrift?.drifted, false);
});

test('performance drift: metrics on both sides, the difference, a bootstrap interval around it, and the verdict', () => {
  const perf = model.performance!;
  assert.equal(perf.task, 'classification');
  assert.equal(perf.positiveLabel, '1');
  assert.equal(perf.referenceRows, 900);
  assert.equal(perf.currentRows, 900);
  const metric = (id: string) => perf.metrics.find((m) => m.metric === id)!;
  assert.deepEqual(
    perf.metrics.map((m) => m.metric),
    ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted', 'roc_auc', 'log_loss'],
  );
  const acc = metric('accuracy');
  assert.ok(Math.abs(acc.reference! - accuracy(refRows)) < 1e-12);
  assert.ok(Math.abs(acc.current! - accuracy(curRows)) < 1e-12);
  assert.ok(Math.abs(acc.difference! - (acc.current! - acc.reference!)) < 1e-12);
  assert.ok(acc.ci && acc.ci.low < acc.difference! && acc.difference! < acc.ci.high, JSON.stringify(acc.ci));
  assert.ok(acc.ci!.high < 0, 'accuracy fell, significantly');
  assert.ok(Math.abs(acc.relativeWorsening! - (acc.reference! - acc.current!) / acc.reference!) < 1e-12);
  assert.equal(acc.degraded, true);
  assert.equal(metric('roc_auc').higherIsBetter, true);
  assert.equal(metric('log_loss').higherIsBetter, false);
  assert.ok(metric('log_loss').current! > metric('log_loss').reference!);
  assert.equal(perf.degraded, true);
  // Confusion matrices count every row once, true class by predicted class.
  const { reference: cmRef, current: cmCur } = perf.confusion!;
  assert.deepEqual(cmRef.labels, ['0', '1']);
  const count = (rows: ModelRow[], t: number, p: number) => rows.filter((r) => r.label === t && r.y_pred === p).length;
  assert.deepEqual(cmRef.counts, [[count(refRows, 0, 0), count(refRows, 0, 1)], [count(refRows, 1, 0), count(refRows, 1, 1)]]);
  assert.deepEqual(cmCur.counts, [[count(curRows, 0, 0), count(curRows, 0, 1)], [count(curRows, 1, 0), count(curRows, 1, 1)]]);
});

test('a larger allowed drop, or an unchanged model, is not performance drift', () => {
  const lenient = compareTables(reference, current, { model: { ...options.model, allowedDrop: 2, multivariate: false, topSegments: 0 } });
  assert.equal(lenient.model?.performance?.degraded, false);
  const same = compareTables(reference, modelTable(modelRows(900, false, 13), '/data/again.csv'), { model: { ...options.model, multivariate: false } });
  assert.equal(same.model?.performance?.degraded, false);
  assert.ok(same.model!.performance!.metrics.every((m) => m.degraded === false));
});

test('segments: the drop is localised in the region where the concept changed', () => {
  const seg = compareTables(reference, current, { model: { roles: { id: 'customer_id', segment: 'region' }, multivariate: false } }).model!.segments!;
  assert.equal(seg.column, 'region');
  assert.equal(seg.omitted, 0);
  assert.deepEqual(seg.segments.map((s) => s.value).sort(), [...REGIONS].sort());
  for (const s of seg.segments) {
    assert.equal(s.referenceRows, refRows.filter((r) => r.region === s.value).length);
    assert.equal(s.currentRows, curRows.filter((r) => r.region === s.value).length);
    const acc = s.performance!.metrics.find((m) => m.metric === 'accuracy')!;
    const inSegment = (rows: ModelRow[]) => rows.filter((r) => r.region === s.value);
    assert.ok(Math.abs(acc.current! - accuracy(inSegment(curRows))) < 1e-12);
    assert.equal(s.performance!.degraded, s.value === 'south', `${s.value}: ${JSON.stringify(acc)}`);
    assert.equal(s.performance!.confusion, undefined, 'segments carry metrics only');
    assert.ok(!s.driftedColumns.includes('region'), 'the segment column is not tested within its own segment');
  }
});

test('multivariate drift: the flipped correlation is caught while x1 and x2 each stay put', () => {
  const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
  assert.equal(byName.x1.drifted, false);
  assert.equal(byName.x2.drifted, false);
  const mv = model.multivariate!;
  assert.ok(mv.features.includes('x1') && mv.features.includes('x2') && mv.features.includes('region'));
  for (const own of ['label', 'y_pred', 'score', 'customer_id']) assert.ok(!mv.features.includes(own), `${own} is the model's, not a feature`);
  assert.equal(mv.drifted, true);
  assert.equal(mv.domainClassifier?.drifted, true);
  assert.deepEqual(mv.domainClassifier!.topFeatures.slice(0, 2).map((f) => f.name).sort(), ['x1', 'x2']);
  assert.equal(mv.mmd?.drifted, true);
  // Either method can report drift, so each tests at half the p-value threshold (Bonferroni).
  assert.equal(mv.mmd?.threshold, 0.025);
});

test('recomparing one column keeps the model report and refreshes label drift', () => {
  const again = recompareColumn(report, reference, current, 'label', { ...options, byColumn: { label: { test: 'chi2', threshold: 0.5 } } });
  assert.equal(again.model?.labelDrift?.test, 'chi2');
  assert.equal(again.model?.labelDrift?.threshold, 0.5);
  assert.equal(again.columns.find((c) => c.name === 'label')?.role, 'target');
  assert.deepEqual(again.model?.performance, model.performance);
});

test('roles set by the user win; a column kept from inference gets none; unknown columns are noted', () => {
  const set = compareTables(reference, current, {
    model: { roles: { target: 'y_pred', prediction: 'label', segment: 'nope' }, unassigned: ['score'], multivariate: false },
  }).model!;
  assert.equal(set.roles.target, 'y_pred');
  assert.equal(set.roles.prediction, 'label');
  assert.equal(set.roles.score, null);
  assert.equal(set.roles.segment, null);
  assert.deepEqual(set.roles.sources, { target: 'setting', prediction: 'setting' });
  assert.deepEqual(set.notes, ['The segment column "nope" is in neither file.']);
  const none = compareTables(reference, current, { model: { inferRoles: false, multivariate: false } }).model!;
  assert.equal(none.roles.target, null);
  assert.equal(none.performance, null);
  assert.equal(none.labelDrift, null);
});

test('regression: RMSE, MAE, MAPE and R² on both sides; a biased model degrades', () => {
  const x = normal(500, 0, 1);
  const noise = normal(500, 0, 7);
  const y = Float64Array.from(x, (v, i) => 10 + 3 * v + 0.5 * noise[i]);
  const side = (bias: number, path: string) => table([num('x', x), num('target', y), num('prediction', Float64Array.from(x, (v) => 10 + 3 * v + bias))], path);
  const perf = compareTables(side(0, '/a.csv'), side(1.5, '/b.csv'), { model: { multivariate: false } }).model!.performance!;
  assert.equal(perf.task, 'regression');
  assert.deepEqual(perf.metrics.map((m) => m.metric), ['rmse', 'mae', 'mape', 'r2']);
  const rmse = (bias: number) => Math.sqrt(y.reduce((s, v, i) => s + (10 + 3 * x[i] + bias - v) ** 2, 0) / y.length);
  const m = perf.metrics[0];
  assert.ok(Math.abs(m.reference! - rmse(0)) < 1e-9 && Math.abs(m.current! - rmse(1.5)) < 1e-9);
  assert.equal(m.higherIsBetter, false);
  assert.equal(m.degraded, true);
  assert.equal(perf.metrics.find((k) => k.metric === 'r2')!.degraded, true);
});

test('transcription: text target and prediction give the word error rate', () => {
  const truth = ['the cat sat', 'hello world', 'good morning to you', 'a b c d'];
  const ok = ['the cat sat', 'hello world', 'good morning to you', 'a b c d'];
  const bad = ['the hat sat', 'hello', 'good morning to you', 'a b x d e'];
  const side = (hyp: string[], path: string) => table([cat('target', truth, 'text'), cat('prediction', hyp, 'text')], path);
  const perf = compareTables(side(ok, '/a.csv'), side(bad, '/b.csv'), { model: { multivariate: false, bootstrap: 0 } }).model!.performance!;
  assert.equal(perf.task, 'transcription');
  const wer = perf.metrics[0];
  assert.equal(wer.metric, 'wer');
  assert.equal(wer.reference, 0);
  // 1 substitution + 1 deletion + 0 + (1 substitution + 1 insertion) over 3 + 2 + 4 + 4 reference words.
  assert.ok(Math.abs(wer.current! - 4 / 13) < 1e-12);
  assert.equal(wer.ci, null, 'no intervals without bootstrap replicates');
  assert.equal(wer.degraded, true);
});

test('a probability column named as the prediction is used as the score', () => {
  const perf = compareTables(reference, current, {
    model: { roles: { id: 'customer_id', prediction: 'score' }, unassigned: ['y_pred'], multivariate: false, bootstrap: 0 },
  }).model!.performance!;
  assert.equal(perf.score, 'score');
  assert.equal(perf.prediction, null, 'classes come from the score');
  assert.match(perf.notes.join(' '), /"score" holds probabilities/);
  assert.ok(perf.metrics.some((m) => m.metric === 'roc_auc'));
  // Classes predicted at 0.5 are exactly y_pred: the same accuracy.
  const acc = perf.metrics.find((m) => m.metric === 'accuracy')!;
  assert.ok(Math.abs(acc.reference! - accuracy(refRows)) < 1e-12);
});

test('suite severities: performance and multivariate drift are findings of their own', () => {
  const judged = judgeComparison(report, { performance: 'error', multivariateDrift: 'info' });
  const kinds = Object.fromEntries(judged.modelFindings.map((f) => [f.kind, f]));
  assert.equal(kinds.performance.severity, 'error');
  assert.equal(kinds.performance.column, 'label');
  assert.match(kinds.performance.message, /^Performance drift in "label": accuracy 0\.\d+ → 0\.\d+ \(\d+(\.\d+)?% worse, allowed 10%; CI of the change \[-?[\d.e-]+, -?[\d.e-]+\]\)/);
  assert.equal(kinds.multivariate.severity, 'info');
  assert.match(kinds.multivariate.message, /^Multivariate drift: domain classifier ROC-AUC [\d.]+ ≥ 0\.55/);
  assert.equal(judged.severity, 'error');
  assert.deepEqual(judgeComparison(report, { performance: 'none', multivariateDrift: 'none', drift: 'none', majorDrift: 'none', datasetDrift: 'none' }).severity, 'none');
});

test('large files: the bootstrap runs on a subsample and its interval is scaled to the full sizes', () => {
  // 120,000 rows a side, accuracy 0.80 → 0.79: the interval must have the binomial width of the full sizes.
  const n = 120_000;
  const side = (accuracy: number, path: string) => {
    const truth = Float64Array.from({ length: n }, (_, i) => i % 2);
    const wrong = Math.round(n * (1 - accuracy));
    const predicted = Float64Array.from(truth, (t, i) => (i < wrong ? 1 - t : t));
    return table([num('target', truth), num('prediction', predicted)], path);
  };
  const perf = compareTables(side(0.8, '/a.csv'), side(0.79, '/b.csv'), { model: { multivariate: false } }).model!.performance!;
  const acc = perf.metrics.find((m) => m.metric === 'accuracy')!;
  assert.ok(Math.abs(acc.difference! + 0.01) < 1e-9);
  const halfWidth = 1.959964 * Math.sqrt((0.8 * 0.2) / n + (0.79 * 0.21) / n);
  const width = acc.ci!.high - acc.ci!.low;
  assert.ok(Math.abs(width / (2 * halfWidth) - 1) < 0.25, `interval width ${width} vs binomial ${2 * halfWidth}`);
  assert.ok(acc.ci!.low < acc.difference! && acc.difference! < acc.ci!.high);
  assert.equal(acc.degraded, false, 'a 1.25% drop is within the allowed 10%');
});
