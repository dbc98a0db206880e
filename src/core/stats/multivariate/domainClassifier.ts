/**
 * Domain classifier: label reference rows 0 and current rows 1 and ask whether a model can tell them apart.
 * If it can (out-of-fold ROC-AUC clearly above 0.5) the data changed, possibly jointly in ways no single column
 * shows (a flipped correlation, an interaction).
 *
 * - Model: the gradient-boosted trees of ./boostedTrees (logistic loss, depth 3, 100 rounds, learning rate 0.1 by
 *   default), refitted on each fold's training rows.
 * - Cross-validation: stratified k-fold; each class's rows are shuffled with a seeded PRNG (mulberry32,
 *   `seededRandom`) and dealt to folds in turn, so folds keep the class shares and the same seed gives the same
 *   folds. Every row gets exactly one out-of-fold score (the log-odds of the model that did not see it).
 * - AUC: the Mann–Whitney U of the current rows' out-of-fold scores over the reference rows' (ties count ½),
 *   divided by n0·n1.
 * - p-value: one-sided (AUC > 0.5), normal approximation of U with the tie-corrected variance
 *   n0·n1/12·((n+1) − Σ(t³ − t)/(n(n − 1))), no continuity correction; 1 when every score ties. Out-of-fold scores
 *   come from models trained on overlapping rows, so they are not independent and the AUC varies more than the
 *   Mann–Whitney variance assumes (about 1.3× its standard deviation): on identical distributions about 13% of
 *   p-values fall below 0.05 (seeded simulations, 300–1000 rows per side, 4 features). Read the p-value as a guide
 *   and judge with the AUC too (the suite requires AUC ≥ its threshold as well); a calibrated p-value would need
 *   the whole cross-validation repeated under label permutations.
 * - Importances: each feature's share of the split gain summed over all folds' trees (they sum to 1; all 0 when no
 *   tree split at all).
 */
import { seededRandom } from '../../io/sample';
import { tieGroups } from '../ranks';
import { normalSf } from '../special';
import { fitBoostedTrees, predictBoostedTrees } from './boostedTrees';

export interface DomainClassifierOptions {
  /** Folds of the cross-validation (at least 2; fewer when a class has fewer rows). */
  folds: number;
  seed: number;
  /** Boosting rounds, default 100. */
  rounds?: number;
  /** Tree depth, default 3. */
  depth?: number;
}

export interface DomainClassifierOutput {
  auc: number;
  pValue: number;
  /** Share of total split gain per feature (column of `features`). */
  importances: Float64Array;
  /** Folds actually used. */
  folds: number;
}

/** AUC of `positive` scores over `negative` ones and its one-sided Mann–Whitney p-value (normal approximation). */
export function aucMannWhitney(negative: Float64Array, positive: Float64Array): { auc: number; pValue: number } {
  const n0 = negative.length;
  const n1 = positive.length;
  if (n0 === 0 || n1 === 0) throw new RangeError('aucMannWhitney: both samples need at least one score');
  const { size, countA, countB } = tieGroups(negative, positive);
  let u = 0;
  let below = 0;
  let tieSum = 0;
  for (let j = 0; j < size; j++) {
    const a = countA[j];
    const b = countB[j];
    u += b * (below + a / 2);
    below += a;
    const t = a + b;
    tieSum += t * t * t - t;
  }
  const n = n0 + n1;
  const auc = u / (n0 * n1);
  const variance = ((n0 * n1) / 12) * (n + 1 - tieSum / (n * (n - 1)));
  const pValue = variance > 0 ? normalSf((u - (n0 * n1) / 2) / Math.sqrt(variance)) : 1;
  return { auc, pValue };
}

/**
 * Cross-validated domain classifier on the row-major matrix `features` (`rows` × `dims`, NaN = missing) with
 * `labels` 0 (reference) / 1 (current). Throws when a class has fewer than 2 rows.
 */
export function domainClassifier(
  features: Float64Array,
  rows: number,
  dims: number,
  labels: Uint8Array,
  options: DomainClassifierOptions,
): DomainClassifierOutput {
  const byClass: number[][] = [[], []];
  for (let r = 0; r < rows; r++) byClass[labels[r] ? 1 : 0].push(r);
  const smaller = Math.min(byClass[0].length, byClass[1].length);
  if (smaller < 2) throw new RangeError('domainClassifier: each class needs at least 2 rows');
  const folds = Math.max(2, Math.min(Math.floor(options.folds), smaller));

  const random = seededRandom(options.seed);
  const fold = new Int32Array(rows);
  for (const members of byClass) {
    for (let i = members.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const tmp = members[i];
      members[i] = members[j];
      members[j] = tmp;
    }
    members.forEach((r, k) => (fold[r] = k % folds));
  }

  const scores = new Float64Array(rows);
  const gain = new Float64Array(dims);
  for (let f = 0; f < folds; f++) {
    let nTest = 0;
    for (let r = 0; r < rows; r++) if (fold[r] === f) nTest++;
    const train = new Int32Array(rows - nTest);
    const test = new Int32Array(nTest);
    let a = 0;
    let b = 0;
    for (let r = 0; r < rows; r++) {
      if (fold[r] === f) test[b++] = r;
      else train[a++] = r;
    }
    const model = fitBoostedTrees(features, rows, dims, labels, { rounds: options.rounds, depth: options.depth }, train);
    const s = predictBoostedTrees(model, features, rows, test);
    for (let k = 0; k < nTest; k++) scores[test[k]] = s[k];
    for (let d = 0; d < dims; d++) gain[d] += model.gain[d];
  }

  const negative = Float64Array.from(byClass[0], (r) => scores[r]);
  const positive = Float64Array.from(byClass[1], (r) => scores[r]);
  const { auc, pValue } = aucMannWhitney(negative, positive);
  let total = 0;
  for (let d = 0; d < dims; d++) total += gain[d];
  const importances = total > 0 ? gain.map((v) => v / total) : new Float64Array(dims);
  return { auc, pValue, importances, folds };
}
