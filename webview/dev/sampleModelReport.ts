/**
 * A model-aware sample report for the panel preview (webview/dev/make-sample-model-report.mjs writes it to
 * sample-model-report.json): sample-report.json's columns plus a binary target "default", its prediction
 * "predicted_default", a score and an id column, and `model` filled in by hand to the types in modelTypes.ts
 * (a credit-default classifier whose accuracy and F1 degraded; segments by "channel"; multivariate drift).
 * Metrics are computed from the confusion matrices so the numbers agree with each other.
 */
import type { ColumnResult, DriftReport } from '../../src/core/suite/report';
import type { ConfusionMatrix, MetricId, MetricResult, ModelReport, PerformanceReport, SegmentResult } from '../../src/core/suite/modelTypes';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ALLOWED = 0.1;
const BOOTSTRAP = { replicates: 200, seed: 7, level: 0.95 };

function metric(id: MetricId, reference: number | null, current: number | null, halfWidth: number, higherIsBetter = true, message?: string): MetricResult {
  if (reference === null || current === null) {
    return { metric: id, higherIsBetter, reference, current, difference: null, ci: null, relativeWorsening: null, allowedDrop: ALLOWED, degraded: null, message };
  }
  const difference = current - reference;
  const worse = higherIsBetter ? -difference : difference;
  const relativeWorsening = worse / Math.abs(reference);
  const ci = { low: difference - halfWidth, high: difference + halfWidth };
  const intervalWorse = higherIsBetter ? ci.high < 0 : ci.low > 0;
  return { metric: id, higherIsBetter, reference, current, difference, ci, relativeWorsening, allowedDrop: ALLOWED, degraded: relativeWorsening > ALLOWED && intervalWorse };
}

/** Accuracy and macro precision, recall and F1 of a confusion matrix (rows: true, columns: predicted). */
function scores(m: ConfusionMatrix) {
  const k = m.labels.length;
  const total = m.counts.flat().reduce((a, b) => a + b, 0);
  let diagonal = 0;
  const p: number[] = [];
  const r: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < k; i++) {
    const tp = m.counts[i][i];
    diagonal += tp;
    const predicted = m.counts.reduce((a, row) => a + row[i], 0);
    const actual = m.counts[i].reduce((a, b) => a + b, 0);
    const precision = predicted ? tp / predicted : 0;
    const recall = actual ? tp / actual : 0;
    p.push(precision);
    r.push(recall);
    f.push(precision + recall ? (2 * precision * recall) / (precision + recall) : 0);
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  return { accuracy: diagonal / total, precision: mean(p), recall: mean(r), f1: mean(f) };
}

function performance(reference: ConfusionMatrix, current: ConfusionMatrix, extra: MetricResult[], withConfusion: boolean, widths = [0.03, 0.045, 0.05, 0.045]): PerformanceReport {
  const a = scores(reference);
  const b = scores(current);
  const metrics = [
    metric('accuracy', a.accuracy, b.accuracy, widths[0]),
    ...(withConfusion
      ? [metric('precision_macro', a.precision, b.precision, widths[1]), metric('recall_macro', a.recall, b.recall, widths[2])]
      : []),
    metric('f1_macro', a.f1, b.f1, widths[3]),
    ...extra,
  ];
  const rows = (m: ConfusionMatrix) => m.counts.flat().reduce((x, y) => x + y, 0);
  return {
    task: 'classification',
    target: 'default',
    prediction: 'predicted_default',
    score: 'score',
    positiveLabel: 'true',
    referenceRows: rows(reference),
    currentRows: rows(current),
    metrics,
    ...(withConfusion ? { confusion: { reference, current } } : {}),
    degraded: metrics.some((m) => m.degraded === true),
    bootstrap: BOOTSTRAP,
    notes: [],
  };
}

const labels = ['false', 'true'];
const matrix = (counts: number[][]): ConfusionMatrix => ({ labels, counts });

function booleanColumn(name: string, index: number, ref: [number, number], cur: [number, number], statistic: number, pValue: number, effect: number): ColumnResult {
  const shares = (x: [number, number]) => [x[0] / (x[0] + x[1]), x[1] / (x[0] + x[1])];
  const side = (x: [number, number]) => ({ rows: x[0] + x[1], missing: 0, missingShare: 0, distinct: 2 });
  return {
    name,
    type: 'boolean',
    status: 'ok',
    test: 'z',
    testKind: 'p_value',
    statistic,
    pValue,
    adjustedPValue: Math.min(1, pValue * 1.4),
    threshold: 0.05,
    drifted: pValue < 0.05,
    effectSize: effect,
    effectSizeMeasure: 'jensen_shannon',
    referenceNonNull: ref[0] + ref[1],
    currentNonNull: cur[0] + cur[1],
    findings: [],
    sides: { reference: side(ref), current: side(cur) },
    choiceSource: 'default',
    chart: { kind: 'categorical', categories: labels, reference: shares(ref), current: shares(cur) },
    currentIndex: index,
  };
}

export function withModel(base: DriftReport): DriftReport {
  const referenceMatrix = matrix([
    [842, 38],
    [46, 74],
  ]);
  const currentMatrix = matrix([
    [640, 89],
    [95, 76],
  ]);
  const n = base.columns.length;
  const target: ColumnResult = { ...booleanColumn('default', n, [880, 120], [729, 171], 4.23, 2.34e-5, 0.0671), role: 'target' };
  const prediction: ColumnResult = { ...booleanColumn('predicted_default', n + 1, [888, 112], [735, 165], 4.4, 1.08e-5, 0.0703), role: 'prediction' };
  const score: ColumnResult = {
    name: 'score',
    type: 'numeric',
    status: 'ok',
    test: 'ks',
    testKind: 'p_value',
    statistic: 0.1181,
    pValue: 4.1e-6,
    adjustedPValue: 6.2e-6,
    threshold: 0.05,
    drifted: true,
    effectSize: 0.2104,
    effectSizeMeasure: 'wasserstein',
    referenceNonNull: 1000,
    currentNonNull: 888,
    findings: [{ kind: 'null_share_changed', reference: 0, current: 0.0133 }],
    sides: {
      reference: { rows: 1000, missing: 0, missingShare: 0, describe: { min: 0.004, p5: 0.018, p25: 0.046, median: 0.083, p75: 0.151, p95: 0.472, max: 0.981, mean: 0.128, std: 0.141 } },
      current: { rows: 900, missing: 12, missingShare: 0.0133, describe: { min: 0.006, p5: 0.024, p25: 0.061, median: 0.114, p75: 0.219, p95: 0.588, max: 0.994, mean: 0.171, std: 0.168 } },
    },
    choiceSource: 'default',
    chart: {
      kind: 'numeric',
      edges: [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
      reference: [0.584, 0.201, 0.083, 0.041, 0.03, 0.022, 0.016, 0.011, 0.008, 0.004],
      current: [0.452, 0.226, 0.111, 0.062, 0.045, 0.035, 0.027, 0.019, 0.014, 0.009],
    },
    currentIndex: n + 2,
    role: 'score',
  };
  const ids: ColumnResult = {
    name: 'application_id',
    type: 'text',
    status: 'unsupported',
    test: null,
    testKind: null,
    statistic: null,
    pValue: null,
    adjustedPValue: null,
    threshold: null,
    drifted: null,
    effectSize: null,
    effectSizeMeasure: null,
    referenceNonNull: 1000,
    currentNonNull: 900,
    message: 'Id column: not tested',
    findings: [],
    sides: { reference: { rows: 1000, missing: 0, missingShare: 0, distinct: 1000 }, current: { rows: 900, missing: 0, missingShare: 0, distinct: 900 } },
    currentIndex: n + 3,
    role: 'id',
  };
  const roleOf: Record<string, ColumnResult['role']> = { channel: 'segment', signup_date: 'timestamp' };
  const columns = [...base.columns.map((c) => (roleOf[c.name] ? { ...c, role: roleOf[c.name] } : c)), target, prediction, score, ids];

  const overall = performance(referenceMatrix, currentMatrix, [
    metric('roc_auc', 0.884, 0.842, 0.038),
    metric('log_loss', 0.262, null, 0, false, 'The score has 12 missing values in the current file; log loss needs a probability for every row.'),
  ], true);
  overall.notes = ['12 current rows without a score were left out of ROC AUC.'];

  const segment = (value: string, referenceRows: number, currentRows: number, drifted: string[], judged: number, label: boolean | null, pred: boolean | null, perf: PerformanceReport | null, message?: string): SegmentResult => {
    const share = judged ? drifted.length / judged : 0;
    return {
      value,
      referenceRows,
      currentRows,
      datasetDrift: judged ? share >= base.datasetDriftShare : null,
      driftShare: share,
      judgedColumns: judged,
      driftedColumns: drifted,
      labelDrifted: label,
      predictionDrifted: pred,
      performance: perf,
      ...(message ? { message } : {}),
    };
  };
  const segmentPerf = (ref: number[][], cur: number[][]) => performance(matrix(ref), matrix(cur), [], false, [0.04, 0, 0, 0.06]);
  const model: ModelReport = {
    roles: {
      target: 'default',
      prediction: 'predicted_default',
      score: 'score',
      timestamp: 'signup_date',
      segment: 'channel',
      id: ['application_id'],
      sources: { target: 'setting', segment: 'setting', prediction: 'inferred', score: 'inferred', timestamp: 'inferred', id: 'inferred' },
      task: 'classification',
    },
    labelDrift: target,
    predictionDrift: prediction,
    performance: overall,
    segments: {
      column: 'channel',
      segments: [
        segment('web', 510, 433, ['age', 'credit_score', 'income', 'manual_review', 'default', 'predicted_default'], 11, true, true, segmentPerf([[430, 19], [21, 40]], [[300, 50], [45, 38]])),
        segment('branch', 304, 284, ['age', 'credit_score', HOSTILE], 11, false, true, segmentPerf([[255, 12], [14, 23]], [[225, 20], [22, 17]])),
        segment('phone', 153, 138, ['credit_score'], 11, false, false, segmentPerf([[126, 6], [8, 13]], [[110, 8], [9, 11]])),
        segment('partner', 33, 45, [], 0, null, null, null, 'Too few rows to judge: 33 in the reference (at least 50 needed).'),
      ],
      omitted: 2,
    },
    multivariate: {
      features: ['age', 'income', 'credit_score', 'segment', 'channel', 'manual_review', 'loan_term', HOSTILE],
      referenceRows: 1000,
      currentRows: 900,
      domainClassifier: {
        auc: 0.7134,
        pValue: 1.9e-11,
        threshold: 0.55,
        drifted: true,
        folds: 5,
        topFeatures: [
          { name: 'credit_score', importance: 0.382 },
          { name: 'age', importance: 0.268 },
          { name: 'income', importance: 0.131 },
          { name: 'manual_review', importance: 0.087 },
          { name: HOSTILE, importance: 0.054 },
        ],
      },
      mmd: {
        statistic: 0.04127,
        pValue: 0.004975,
        bandwidth: 2.314,
        permutations: 200,
        threshold: 0.05,
        drifted: true,
        features: ['age', 'income', 'credit_score', 'loan_term'],
      },
      drifted: true,
      notes: ['MMD uses the 4 numeric features; categorical features only enter the domain classifier.', 'income: 125 missing values replaced by the reference median.'],
    },
    notes: ['The id column "customer_id" named in the settings is in neither file.'],
  };

  const judged = columns.filter((c) => c.drifted !== null);
  const drifted = judged.filter((c) => c.drifted === true).length;
  return {
    ...base,
    reference: { ...base.reference, columns: base.reference.columns + 4 },
    current: { ...base.current, columns: base.current.columns + 4 },
    columns,
    judgedColumns: judged.length,
    driftedColumns: drifted,
    driftShare: drifted / judged.length,
    datasetDrift: drifted / judged.length >= base.datasetDriftShare,
    createdAt: '2026-11-22T02:09:12.120Z',
    model,
  };
}
