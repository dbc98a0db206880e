/**
 * Performance drift, the concept-drift signal: the model's metrics on the reference and on the current rows that
 * have both a target and a prediction, their difference with a bootstrap interval, and whether a metric got worse
 * by more than allowed. Classification (accuracy, precision/recall/F1 macro and weighted, ROC-AUC and log loss from
 * a score), regression (RMSE, MAE, MAPE, R²) and transcription (word error rate).
 */
import { sampleIndices } from '../io/sample';
import { takeRows } from '../io/takeRows';
import { isNumericColumn, type CodedColumn, type Column, type Table } from '../io/table';
import {
  bootstrapDifference,
  classificationScores,
  confusionCounts,
  logLossTerms,
  meanLoss,
  regressionScores,
  rocAucOrdered,
  scoreOrder,
  wordEdits,
  wordErrorRate,
  type BootstrapSide,
} from '../stats/metrics';
import { LabelDictionary } from './labels';
import type { ConfusionMatrix, MetricId, MetricResult, PerformanceReport, ResolvedRoles, TaskKind } from './modelTypes';

export interface PerformanceOptions {
  /** Relative worsening tolerated before a metric is degraded. */
  allowedDrop: number;
  /** Bootstrap replicates (0: no intervals). */
  replicates: number;
  seed: number;
  /** Interval level, e.g. 0.95. */
  level: number;
  /** Confusion matrices (left out for segments). */
  confusion: boolean;
}

const HIGHER_IS_BETTER: Record<MetricId, boolean> = {
  accuracy: true,
  precision_macro: true,
  recall_macro: true,
  f1_macro: true,
  precision_weighted: true,
  recall_weighted: true,
  f1_weighted: true,
  roc_auc: true,
  log_loss: false,
  rmse: false,
  mae: false,
  mape: false,
  r2: true,
  wer: false,
};

/** Confusion matrices show at most this many classes; the rest are summed as "(other)". */
const CONFUSION_LABELS = 10;

type Metrics = Partial<Record<MetricId, number>>;

/** One side ready to evaluate: the bootstrap's view plus what the report shows besides metrics. */
interface PreparedSide extends BootstrapSide<MetricId> {
  confusion?: Float64Array;
}

interface Prepared {
  /** The columns in use, when they differ from the roles (a prediction holding probabilities is the score). */
  columns?: { prediction: string | null; score: string | null };
  reference: PreparedSide;
  current: PreparedSide;
  metrics: MetricId[];
  labels?: string[];
  positiveLabel?: string;
  notes: string[];
}

/** Null when there is no target, or neither a prediction nor a score. */
export function performanceDrift(reference: Table, current: Table, roles: ResolvedRoles, options: PerformanceOptions): PerformanceReport | null {
  if (!roles.target || !roles.task || (!roles.prediction && !roles.score)) return null;
  const base: PerformanceReport = {
    task: roles.task,
    target: roles.target,
    prediction: roles.prediction,
    score: roles.score,
    referenceRows: 0,
    currentRows: 0,
    metrics: [],
    degraded: false,
    bootstrap: { replicates: options.replicates, seed: options.seed, level: options.level },
    notes: [],
  };
  const missing = [roles.target, roles.prediction, roles.score].filter(
    (n): n is string => n !== null && (!find(reference, n) || !find(current, n)),
  );
  if (missing.length) return { ...base, notes: missing.map((n) => `"${n}" is not in both files, so performance cannot be compared.`) };

  let prepared: Prepared;
  try {
    prepared = prepare(reference, current, roles, roles.task);
  } catch (err) {
    return { ...base, notes: [(err as Error).message] };
  }
  const notes = [...prepared.notes];
  const { reference: ref, current: cur } = prepared;
  if (ref.rows === 0 || cur.rows === 0) {
    notes.push(`A side has no rows with both a target and a prediction.`);
    return { ...base, referenceRows: ref.rows, currentRows: cur.rows, notes };
  }
  const refValues = ref.evaluate(undefined);
  const curValues = cur.evaluate(undefined);
  const intervals = options.replicates > 0 ? intervalsOf(reference, current, roles, prepared, options) : null;
  const metrics = prepared.metrics.map((m) => judgeMetric(m, refValues[m], curValues[m], intervals?.[m] ?? null, options.allowedDrop));
  const confusion =
    options.confusion && prepared.labels && ref.confusion && cur.confusion
      ? { reference: confusionMatrix(prepared.labels, ref.confusion), current: confusionMatrix(prepared.labels, cur.confusion) }
      : undefined;
  return {
    ...base,
    ...prepared.columns,
    ...(prepared.positiveLabel !== undefined ? { positiveLabel: prepared.positiveLabel } : {}),
    referenceRows: ref.rows,
    currentRows: cur.rows,
    metrics,
    ...(confusion ? { confusion } : {}),
    degraded: metrics.some((m) => m.degraded === true),
    notes,
  };
}

/** Above this many rows on a side, the bootstrap runs on a seeded subsample of this size (see intervalsOf). */
const BOOTSTRAP_ROWS = 20_000;

/**
 * Bootstrap intervals of each metric's change. A replicate costs a pass over every row, so on large files the
 * replicates run on a seeded subsample of each side and the interval's spread around the subsample's change is
 * scaled to the full sizes by sqrt(n_sub / n), where n = n_ref·n_cur / (n_ref + n_cur): the spread of a smooth
 * statistic's difference shrinks as one over the square root of that effective size.
 */
function intervalsOf(reference: Table, current: Table, roles: ResolvedRoles, full: Prepared, options: PerformanceOptions): Record<MetricId, { low: number; high: number } | null> {
  const run = (p: Prepared) => bootstrapDifference(p.reference, p.current, { replicates: options.replicates, seed: options.seed, level: options.level });
  if (full.reference.rows <= BOOTSTRAP_ROWS && full.current.rows <= BOOTSTRAP_ROWS) return run(full);
  const cut = (t: Table, seed: number) => (t.rows <= BOOTSTRAP_ROWS ? t : takeRows(t, Uint32Array.from(sampleIndices(t.rows, BOOTSTRAP_ROWS, seed))));
  const sub = prepare(cut(reference, options.seed), cut(current, options.seed + 1), roles, roles.task!);
  const effective = (p: Prepared) => (p.reference.rows * p.current.rows) / (p.reference.rows + p.current.rows);
  const scale = Math.sqrt(effective(sub) / effective(full));
  const intervals = run(sub);
  const observed = (p: Prepared) => {
    const r = p.reference.evaluate(undefined);
    const c = p.current.evaluate(undefined);
    return Object.fromEntries(p.metrics.map((m) => [m, c[m] - r[m]])) as Record<MetricId, number>;
  };
  const [subChange, change] = [observed(sub), observed(full)];
  for (const m of full.metrics) {
    const ci = intervals[m];
    if (!ci || !Number.isFinite(subChange[m]) || !Number.isFinite(change[m])) continue;
    intervals[m] = { low: change[m] - (subChange[m] - ci.low) * scale, high: change[m] + (ci.high - subChange[m]) * scale };
  }
  return intervals;
}

/** A metric's verdict: worse by more than `allowedDrop` (relative), and the interval excludes no change. */
export function judgeMetric(
  metric: MetricId,
  reference: number | undefined,
  current: number | undefined,
  ci: { low: number; high: number } | null,
  allowedDrop: number,
): MetricResult {
  const higherIsBetter = HIGHER_IS_BETTER[metric];
  const known = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x);
  if (!known(reference) || !known(current)) {
    return {
      metric,
      higherIsBetter,
      reference: known(reference) ? reference : null,
      current: known(current) ? current : null,
      difference: null,
      ci: null,
      relativeWorsening: null,
      allowedDrop,
      degraded: null,
      message: 'Not defined on a side (e.g. ROC-AUC with one class only).',
    };
  }
  const difference = current - reference;
  const worse = higherIsBetter ? -difference : difference;
  const scale = Math.abs(reference);
  const relativeWorsening = worse === 0 ? 0 : scale > 0 ? worse / scale : worse > 0 ? Infinity : -Infinity;
  const significant = ci === null || (higherIsBetter ? ci.high < 0 : ci.low > 0);
  return {
    metric,
    higherIsBetter,
    reference,
    current,
    difference,
    ci,
    // JSON has no infinity: a worsening from a perfect 0 (e.g. RMSE) is reported without a ratio.
    relativeWorsening: Number.isFinite(relativeWorsening) ? relativeWorsening : null,
    allowedDrop,
    degraded: relativeWorsening > allowedDrop && significant,
  };
}

function prepare(reference: Table, current: Table, roles: ResolvedRoles, task: TaskKind): Prepared {
  const col = (t: Table, name: string | null) => (name === null ? undefined : find(t, name)!);
  if (task === 'regression') return regression(col(reference, roles.target)!, col(current, roles.target)!, col(reference, roles.prediction ?? roles.score), col(current, roles.prediction ?? roles.score));
  if (task === 'transcription') {
    if (!roles.prediction) throw new Error('Word error rate needs a prediction (transcript) column.');
    return transcription(col(reference, roles.target)!, col(current, roles.target)!, col(reference, roles.prediction)!, col(current, roles.prediction)!);
  }
  return classification(reference, current, roles);
}

// ─── classification ─────────────────────────────────────────────────────────

function classification(reference: Table, current: Table, roles: ResolvedRoles): Prepared {
  const notes: string[] = [];
  const dict = new LabelDictionary();
  const target = roles.target!;
  let prediction = roles.prediction;
  let score = roles.score;
  const predictionColumn = prediction ? find(reference, prediction)! : undefined;
  // A prediction holding probabilities (fractions in [0, 1]) with no separate score is the score.
  if (predictionColumn && !score && isNumericColumn(predictionColumn) && looksLikeProbabilities(predictionColumn.values)) {
    score = prediction;
    prediction = null;
    notes.push(`"${score}" holds probabilities: it is used as the score, and classes are predicted at 0.5.`);
  }
  const truth = [dict.codesOf(find(reference, target)!), dict.codesOf(find(current, target)!)];
  const predicted = prediction ? [dict.codesOf(find(reference, prediction)!), dict.codesOf(find(current, prediction)!)] : null;
  const scores = score ? [numericValues(find(reference, score)!), numericValues(find(current, score)!)] : null;

  const targetLabels = new Set<number>();
  for (const codes of truth) for (const c of codes) if (c >= 0) targetLabels.add(c);
  const { labels, rank } = dict.sorted();
  const binary = targetLabels.size === 2 || (targetLabels.size < 2 && labels.length === 2);
  // sklearn's convention: the positive class is the greater of two labels (1 over 0, "true" over "false").
  const positive = binary ? Math.max(...[...targetLabels].map((id) => rank[id]), labels.length === 2 ? 1 : 0) : -1;
  if (scores && !binary) {
    notes.push(`ROC-AUC and log loss need a two-class target; "${target}" has ${targetLabels.size} classes, so the score is not used.`);
  }
  const useScore = scores !== null && binary;
  if (!predicted && !useScore) throw new Error(`Classes cannot be predicted from the score of a ${targetLabels.size}-class target; name a prediction column.`);
  const withinUnit = useScore && scores!.every((s) => s.every((x) => Number.isNaN(x) || (x >= 0 && x <= 1)));
  if (useScore && !withinUnit) notes.push(`"${score}" has values outside [0, 1]: log loss is left out (ROC-AUC only needs the order).`);

  const metrics: MetricId[] = ['accuracy', 'precision_macro', 'recall_macro', 'f1_macro', 'precision_weighted', 'recall_weighted', 'f1_weighted'];
  if (useScore) metrics.push('roc_auc', ...(withinUnit ? (['log_loss'] as const) : []));
  if (!useScore && labels.length > 2 && scores) notes.push('ROC-AUC is computed for two classes only.');

  const sides = [0, 1].map((s): PreparedSide => {
    const t = truth[s];
    const rows: number[] = [];
    for (let i = 0; i < t.length; i++) {
      if (t[i] < 0) continue;
      if (predicted && predicted[s][i] < 0) continue;
      if (useScore && !Number.isFinite(scores![s][i])) continue;
      rows.push(i);
    }
    // With a score, rows go in ascending score order once, so every ROC-AUC (one per bootstrap replicate) is a
    // single pass; the order changes nothing else.
    if (useScore) {
      const order = scoreOrder(Float64Array.from(rows, (i) => scores![s][i]));
      const sortedRows = Array.from(order, (j) => rows[j]);
      rows.splice(0, rows.length, ...sortedRows);
    }
    const n = rows.length;
    const y = new Int32Array(n);
    const yHat = new Int32Array(n);
    const pos = new Uint8Array(n);
    const sc = new Float64Array(useScore ? n : 0);
    rows.forEach((i, j) => {
      y[j] = rank[t[i]];
      if (useScore) sc[j] = scores![s][i];
      yHat[j] = predicted ? rank[predicted[s][i]] : sc[j] >= 0.5 ? positive : 1 - positive;
      pos[j] = y[j] === positive ? 1 : 0;
    });
    const losses = useScore && withinUnit ? logLossTerms(pos, sc) : null;
    const k = labels.length;
    return {
      rows: n,
      confusion: confusionCounts(y, yHat, k),
      evaluate(weights) {
        const scoresOf = classificationScores(confusionCounts(y, yHat, k, weights), k);
        const out: Metrics = {
          accuracy: scoresOf.accuracy,
          precision_macro: scoresOf.precisionMacro,
          recall_macro: scoresOf.recallMacro,
          f1_macro: scoresOf.f1Macro,
          precision_weighted: scoresOf.precisionWeighted,
          recall_weighted: scoresOf.recallWeighted,
          f1_weighted: scoresOf.f1Weighted,
        };
        if (useScore) out.roc_auc = rocAucOrdered(null, pos, sc, weights);
        if (losses) out.log_loss = meanLoss(losses, weights);
        return out as Record<MetricId, number>;
      },
    };
  });
  return {
    columns: { prediction, score: useScore ? score : null },
    reference: sides[0],
    current: sides[1],
    metrics,
    labels,
    ...(useScore ? { positiveLabel: labels[positive] } : {}),
    notes,
  };
}

function looksLikeProbabilities(values: Float64Array): boolean {
  let fraction = false;
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    if (!(v >= 0 && v <= 1)) return false;
    if (!Number.isInteger(v)) fraction = true;
  }
  return fraction;
}

function confusionMatrix(labels: string[], counts: Float64Array): ConfusionMatrix {
  const k = labels.length;
  const rowTotal = (i: number) => counts.subarray(i * k, i * k + k).reduce((a, b) => a + b, 0);
  const colTotal = (j: number) => labels.reduce((a, _, i) => a + counts[i * k + j], 0);
  // Keep the most frequent classes (over truth and prediction), in label order; sum the rest.
  const kept = labels
    .map((_, i) => i)
    .sort((a, b) => rowTotal(b) + colTotal(b) - (rowTotal(a) + colTotal(a)))
    .slice(0, CONFUSION_LABELS)
    .sort((a, b) => a - b);
  const other = kept.length < k;
  const slot = new Int32Array(k).fill(kept.length);
  kept.forEach((label, s) => (slot[label] = s));
  const size = kept.length + (other ? 1 : 0);
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) matrix[slot[i]][slot[j]] += counts[i * k + j];
  return { labels: [...kept.map((i) => labels[i]), ...(other ? ['(other)'] : [])], counts: matrix };
}

// ─── regression ─────────────────────────────────────────────────────────────

function regression(refTarget: Column, curTarget: Column, refPrediction: Column | undefined, curPrediction: Column | undefined): Prepared {
  if (!isNumericColumn(refTarget) || !isNumericColumn(curTarget)) throw new Error('Regression needs a numeric target.');
  if (!refPrediction || !curPrediction || !isNumericColumn(refPrediction) || !isNumericColumn(curPrediction)) {
    throw new Error('Regression needs a numeric prediction column.');
  }
  const side = (truth: Float64Array, predicted: Float64Array): PreparedSide => {
    const keep: number[] = [];
    for (let i = 0; i < truth.length; i++) if (Number.isFinite(truth[i]) && Number.isFinite(predicted[i])) keep.push(i);
    const y = Float64Array.from(keep, (i) => truth[i]);
    const yHat = Float64Array.from(keep, (i) => predicted[i]);
    return {
      rows: keep.length,
      evaluate(weights) {
        const s = regressionScores(y, yHat, weights);
        return { rmse: s.rmse, mae: s.mae, mape: s.mape, r2: s.r2 } as Record<MetricId, number>;
      },
    };
  };
  return {
    reference: side(refTarget.values, refPrediction.values),
    current: side(curTarget.values, curPrediction.values),
    metrics: ['rmse', 'mae', 'mape', 'r2'],
    notes: [],
  };
}

// ─── transcription ──────────────────────────────────────────────────────────

function transcription(refTarget: Column, curTarget: Column, refPrediction: Column, curPrediction: Column): Prepared {
  const side = (truth: Column, predicted: Column): PreparedSide => {
    const t = texts(truth);
    const p = texts(predicted);
    const edits: number[] = [];
    const words: number[] = [];
    for (let i = 0; i < t.length; i++) {
      if (t[i] === null || p[i] === null) continue;
      const e = wordEdits(t[i]!, p[i]!);
      edits.push(e.edits);
      words.push(e.words);
    }
    const e = Float64Array.from(edits);
    const w = Float64Array.from(words);
    return { rows: e.length, evaluate: (weights) => ({ wer: wordErrorRate(e, w, weights) }) as Record<MetricId, number> };
  };
  return { reference: side(refTarget, refPrediction), current: side(curTarget, curPrediction), metrics: ['wer'], notes: [] };
}

/** Each row's text, null where missing. */
function texts(column: Column): (string | null)[] {
  if (isNumericColumn(column)) return Array.from(column.values, (v) => (Number.isNaN(v) ? null : String(v)));
  const coded = column as CodedColumn;
  return Array.from(coded.codes, (c) => (c < 0 ? null : coded.categories[c]));
}

function numericValues(column: Column): Float64Array {
  if (isNumericColumn(column)) return column.values;
  throw new Error(`The score column "${column.name}" is not numeric.`);
}

function find(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}
