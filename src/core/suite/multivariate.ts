/**
 * Multivariate drift: joint changes no single column shows (e.g. two features whose correlation flips while each
 * keeps its distribution). Two methods on a seeded sample of at most `rows` rows per side:
 *
 * - Domain classifier (src/core/stats/multivariate/domainClassifier): gradient-boosted trees try to tell reference
 *   rows from current ones, 5-fold stratified cross-validation; drifted when the out-of-fold AUC ≥ `aucThreshold`
 *   and its p-value < `pValueThreshold`. Features: numeric columns standardised by the reference sample's mean and
 *   standard deviation (missing and infinite values stay missing; the trees learn where to send them), categorical
 *   and boolean columns as their categories' frequency rank in the reference sample over its `MAX_CATEGORIES` most
 *   frequent categories, the rest (and categories new in the current file) sharing one last rank (see
 *   `rankFeature`). Importances map back onto the source columns.
 * - MMD permutation test (src/core/stats/multivariate/mmd) on the standardised numeric features only; drifted when
 *   its p-value < `pValueThreshold`. Rows with a missing (or infinite) value in any numeric feature are dropped, not
 *   imputed: a mean imputation would pile rows onto one point and the kernel would report a change of missingness as
 *   drift (the per-column tests and the classifier already see that). The permutation test is quadratic in rows, so
 *   it runs on a seeded subsample of at most `MMD_MAX_ROWS` rows per side (a note says so).
 *
 * A side with fewer than `MIN_ROWS` usable rows, or no usable feature, gives null results and a note; nothing here
 * throws on data.
 */
import { sampleIndices } from '../io/sample';
import { isNumericColumn, type CodedColumn, type Table } from '../io/table';
import { domainClassifier } from '../stats/multivariate/domainClassifier';
import { mmdPermutationTest } from '../stats/multivariate/mmd';
import type { DomainClassifierResult, MmdResult, MultivariateReport } from './modelTypes';

export interface MultivariateOptions {
  /** Rows sampled per side (seeded); at most this many. */
  rows: number;
  /** Domain classifier AUC at or above which (with p < pValueThreshold) the data drifted jointly. */
  aucThreshold: number;
  /** MMD permutations. */
  permutations: number;
  seed: number;
  pValueThreshold: number;
}

/** Fewer usable rows than this on a side: no multivariate verdict. */
export const MIN_ROWS = 20;
/** One-hot columns per categorical feature (its most frequent reference categories), besides "(other)". */
export const MAX_CATEGORIES = 31;
/** Rows per side the MMD permutation test runs on (its cost grows with rows² × permutations). */
export const MMD_MAX_ROWS = 1000;
/** Cross-validation folds of the domain classifier. */
export const DOMAIN_FOLDS = 5;

/** One column of the feature matrix and the source column it came from. */
interface FeatureColumn {
  source: string;
  numeric: boolean;
  /** Values per sampled row: reference rows, then current rows (NaN = missing). */
  values: Float64Array;
}

function sampleOf(rows: number, cap: number, seed: number): Float64Array {
  return sampleIndices(rows, Number.isFinite(cap) && cap >= 1 ? Math.floor(cap) : rows, seed);
}

/** Standardised numeric feature, or null when the reference sample has no finite value. */
function numericFeature(ref: Float64Array, cur: Float64Array, refRows: Float64Array, curRows: Float64Array): Float64Array | null {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  for (let k = 0; k < refRows.length; k++) {
    const v = ref[refRows[k]];
    if (!Number.isFinite(v)) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
  }
  if (n === 0) return null;
  const sd = n > 1 ? Math.sqrt(m2 / (n - 1)) : 0;
  const scale = sd > 0 && Number.isFinite(sd) ? sd : 1;
  const out = new Float64Array(refRows.length + curRows.length);
  const put = (values: Float64Array, rows: Float64Array, at: number) => {
    for (let k = 0; k < rows.length; k++) {
      const v = values[rows[k]];
      out[at + k] = Number.isFinite(v) ? (v - mean) / scale : NaN;
    }
  };
  put(ref, refRows, 0);
  put(cur, curRows, refRows.length);
  return out;
}

/**
 * A coded feature as one column for the trees: each category's rank by frequency in the reference sample (0 = most
 * frequent), the categories past the first `MAX_CATEGORIES` and those the reference never had sharing the last rank;
 * missing values stay missing. Trees split ranges of ranks, so a shift between categories shows as it would with
 * one-hot columns, at the cost of one dimension instead of one per category (50 columns of 20 categories made the
 * classifier 10× slower one-hot). Null when the reference sample has no value.
 */
function rankFeature(ref: CodedColumn, cur: CodedColumn, refRows: Float64Array, curRows: Float64Array): Float64Array | null {
  const counts = new Float64Array(ref.categories.length);
  for (let k = 0; k < refRows.length; k++) {
    const c = ref.codes[refRows[k]];
    if (c >= 0) counts[c]++;
  }
  const seen = Array.from(counts.keys()).filter((c) => counts[c] > 0);
  if (seen.length === 0) return null;
  seen.sort((a, b) => counts[b] - counts[a] || (ref.categories[a] < ref.categories[b] ? -1 : ref.categories[a] > ref.categories[b] ? 1 : 0));
  const kept = seen.slice(0, MAX_CATEGORIES);
  const rankOf = new Map<string, number>(kept.map((c, i) => [ref.categories[c], i]));
  // Categories are matched by their text: codes differ between files.
  const refRank = Float64Array.from(ref.categories, (name) => rankOf.get(name) ?? kept.length);
  const curRank = Float64Array.from(cur.categories, (name) => rankOf.get(name) ?? kept.length);
  const out = new Float64Array(refRows.length + curRows.length);
  const put = (codes: Int32Array, ranks: Float64Array, rows: Float64Array, at: number) => {
    for (let k = 0; k < rows.length; k++) {
      const c = codes[rows[k]];
      out[at + k] = c < 0 ? NaN : ranks[c];
    }
  };
  put(ref.codes, refRank, refRows, 0);
  put(cur.codes, curRank, curRows, refRows.length);
  return out;
}

/** Row-major matrix of the given feature columns over the given rows. */
function matrix(columns: FeatureColumn[], rows: ArrayLike<number>): Float64Array {
  const dims = columns.length;
  const out = new Float64Array(rows.length * dims);
  for (let k = 0; k < rows.length; k++) for (let d = 0; d < dims; d++) out[k * dims + d] = columns[d].values[rows[k]];
  return out;
}

export function multivariateDrift(
  reference: Table,
  current: Table,
  featureNames: string[],
  options: MultivariateOptions,
): MultivariateReport {
  const notes: string[] = [];
  const refRows = sampleOf(reference.rows, options.rows, options.seed);
  const curRows = sampleOf(current.rows, options.rows, (options.seed ^ 0x2545f491) >>> 0);
  const nRef = refRows.length;
  const nCur = curRows.length;

  // Features.
  const columns: FeatureColumn[] = [];
  const features: string[] = [];
  const skipped: string[] = [];
  const empty: string[] = [];
  for (const name of new Set(featureNames)) {
    const rc = reference.columns.find((c) => c.name === name);
    const cc = current.columns.find((c) => c.name === name);
    if (!rc || !cc) {
      skipped.push(name);
      continue;
    }
    if (isNumericColumn(rc) && isNumericColumn(cc) && rc.type === 'numeric' && cc.type === 'numeric') {
      const values = numericFeature(rc.values, cc.values, refRows, curRows);
      if (!values) empty.push(name);
      else {
        columns.push({ source: name, numeric: true, values });
        features.push(name);
      }
    } else if (!isNumericColumn(rc) && !isNumericColumn(cc) && rc.type !== 'text' && cc.type !== 'text') {
      const values = rankFeature(rc, cc, refRows, curRows);
      if (!values) empty.push(name);
      else {
        columns.push({ source: name, numeric: false, values });
        features.push(name);
      }
    } else skipped.push(name);
  }
  if (skipped.length) notes.push(`Not used (not numeric, categorical or boolean on both sides): ${skipped.join(', ')}.`);
  if (empty.length) notes.push(`Not used (no values in the reference sample): ${empty.join(', ')}.`);

  const report = (domain: DomainClassifierResult | null, mmd: MmdResult | null): MultivariateReport => ({
    features,
    referenceRows: nRef,
    currentRows: nCur,
    domainClassifier: domain,
    mmd,
    drifted: (domain?.drifted ?? false) || (mmd?.drifted ?? false),
    notes,
  });
  if (nRef < MIN_ROWS || nCur < MIN_ROWS) {
    notes.push(`Multivariate drift needs at least ${MIN_ROWS} rows per side (reference ${nRef}, current ${nCur}).`);
    return report(null, null);
  }
  if (columns.length === 0) {
    notes.push('No usable features for multivariate drift.');
    return report(null, null);
  }

  // Domain classifier.
  let domain: DomainClassifierResult | null = null;
  const n = nRef + nCur;
  try {
    const labels = new Uint8Array(n).fill(1, nRef);
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const out = domainClassifier(matrix(columns, all), n, columns.length, labels, { folds: DOMAIN_FOLDS, seed: options.seed });
    const bySource = new Map<string, number>();
    columns.forEach((c, d) => bySource.set(c.source, (bySource.get(c.source) ?? 0) + out.importances[d]));
    const topFeatures = [...bySource]
      .filter(([, importance]) => importance > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 10)
      .map(([name, importance]) => ({ name, importance }));
    domain = {
      auc: out.auc,
      pValue: out.pValue,
      threshold: options.aucThreshold,
      drifted: out.auc >= options.aucThreshold && out.pValue < options.pValueThreshold,
      folds: out.folds,
      topFeatures,
    };
  } catch (e) {
    notes.push(`Domain classifier failed: ${e instanceof Error ? e.message : String(e)}`);
  }

  // MMD on complete rows of the numeric features.
  let mmd: MmdResult | null = null;
  const numeric = columns.filter((c) => c.numeric);
  if (numeric.length === 0) notes.push('MMD needs numeric features; none among the features.');
  else {
    const complete = (from: number, to: number): number[] => {
      const keep: number[] = [];
      for (let r = from; r < to; r++) if (numeric.every((c) => c.values[r] === c.values[r])) keep.push(r);
      return keep;
    };
    let refKeep = complete(0, nRef);
    let curKeep = complete(nRef, n);
    const dropped = nRef - refKeep.length + (nCur - curKeep.length);
    if (dropped > 0) notes.push(`MMD dropped ${dropped} rows with missing numeric values.`);
    if (refKeep.length < MIN_ROWS || curKeep.length < MIN_ROWS) {
      notes.push(`MMD needs at least ${MIN_ROWS} complete rows per side (reference ${refKeep.length}, current ${curKeep.length}).`);
    } else {
      const sub = (keep: number[], seed: number) => Array.from(sampleIndices(keep.length, MMD_MAX_ROWS, seed), (i) => keep[i]);
      if (refKeep.length > MMD_MAX_ROWS || curKeep.length > MMD_MAX_ROWS) {
        refKeep = sub(refKeep, (options.seed ^ 0x3c6ef372) >>> 0);
        curKeep = sub(curKeep, (options.seed ^ 0x1b873593) >>> 0);
        notes.push(`MMD ran on a seeded sample of at most ${MMD_MAX_ROWS} rows per side (reference ${refKeep.length}, current ${curKeep.length}).`);
      }
      try {
        const out = mmdPermutationTest(matrix(numeric, refKeep), refKeep.length, matrix(numeric, curKeep), curKeep.length, numeric.length, {
          permutations: options.permutations,
          seed: options.seed,
        });
        mmd = {
          statistic: out.statistic,
          pValue: out.pValue,
          bandwidth: out.bandwidth,
          permutations: Math.max(0, Math.floor(options.permutations)),
          threshold: options.pValueThreshold,
          drifted: out.pValue < options.pValueThreshold,
          features: numeric.map((c) => c.source),
        };
      } catch (e) {
        notes.push(`MMD failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
  }
  return report(domain, mmd);
}
