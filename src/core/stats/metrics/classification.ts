/**
 * Classification metrics for performance drift, equal to scikit-learn's (1.2, Debian 12's python3-sklearn;
 * test/fixtures/sklearn/generate_metrics.py checks them on hundreds of cases):
 *
 * - `confusionCounts` + `classificationScores`: accuracy_score and precision_recall_fscore_support(average=
 *   'macro' | 'weighted', zero_division=0) from one k×k (weighted) confusion matrix, so a bootstrap replicate
 *   costs one O(n) pass plus O(k²);
 * - `rocAuc` / `rocAucOrdered`: binary roc_auc_score, the latter on a sort order computed once (`scoreOrder`)
 *   so each replicate is a single O(n) scan;
 * - `logLoss`: binary log_loss with labels=[0, 1].
 *
 * Weights follow sklearn's `sample_weight`: a row of weight w counts as w rows (weights must be finite and
 * >= 0). Classes are integer codes 0..k-1 (Table dictionary codes); a negative code is a missing value.
 * Scores must be finite (NaN rows are the caller's to drop).
 */

/**
 * Weighted confusion counts, k×k row-major: entry [t·k + p] is the total weight of rows whose true class code
 * is t and predicted code p. Rows where either code is negative (missing) are skipped; a code >= k throws.
 */
export function confusionCounts(truth: Int32Array, predicted: Int32Array, k: number, weights?: Float64Array): Float64Array {
  const n = truth.length;
  if (predicted.length !== n || (weights && weights.length !== n)) {
    throw new RangeError(`confusionCounts: lengths differ (${n}, ${predicted.length}${weights ? `, ${weights.length}` : ''})`);
  }
  const out = new Float64Array(k * k);
  if (weights) {
    for (let i = 0; i < n; i++) {
      const t = truth[i];
      const p = predicted[i];
      if (t < 0 || p < 0) continue;
      if (t >= k || p >= k) throw new RangeError(`class code ${Math.max(t, p)} outside 0..${k - 1}`);
      out[t * k + p] += weights[i];
    }
  } else {
    for (let i = 0; i < n; i++) {
      const t = truth[i];
      const p = predicted[i];
      if (t < 0 || p < 0) continue;
      if (t >= k || p >= k) throw new RangeError(`class code ${Math.max(t, p)} outside 0..${k - 1}`);
      out[t * k + p]++;
    }
  }
  return out;
}

export interface ClassificationScores {
  accuracy: number;
  precisionMacro: number;
  recallMacro: number;
  f1Macro: number;
  precisionWeighted: number;
  recallWeighted: number;
  f1Weighted: number;
}

/**
 * Accuracy and macro / support-weighted precision, recall and F1 from a confusion matrix (`confusionCounts`),
 * = sklearn's accuracy_score and precision_recall_fscore_support(average='macro' | 'weighted',
 * zero_division=0) with its default label set: the classes present in y_true or y_pred, i.e. here the classes
 * whose row or column is not all zero. A class never predicted has precision 0, one with no true rows recall
 * 0 (zero_division=0), and F1 = 2PR / (P + R), 0 when P + R = 0. The weighted average weights each class by
 * its support (true count, or true weight).
 *
 * One deviation by construction: sklearn keeps a label whose rows all have sample weight 0 (it looks at the
 * labels, not the weights) and averages a 0 for it; here such a class has an empty row and column and is left
 * out, as if its rows were absent, which is what a bootstrap replicate that drew none of them means.
 * All NaN when the matrix is empty (sklearn raises on no rows, and divides by a zero weight sum).
 */
export function classificationScores(confusion: Float64Array, k: number): ClassificationScores {
  if (confusion.length !== k * k) throw new RangeError(`confusion has ${confusion.length} entries, expected ${k}×${k}`);
  let total = 0;
  let trace = 0;
  for (let i = 0; i < k * k; i++) total += confusion[i];
  for (let c = 0; c < k; c++) trace += confusion[c * k + c];
  if (!(total > 0)) {
    return {
      accuracy: NaN,
      precisionMacro: NaN,
      recallMacro: NaN,
      f1Macro: NaN,
      precisionWeighted: NaN,
      recallWeighted: NaN,
      f1Weighted: NaN,
    };
  }
  let labels = 0;
  let pMacro = 0;
  let rMacro = 0;
  let fMacro = 0;
  let pWeighted = 0;
  let rWeighted = 0;
  let fWeighted = 0;
  let support = 0;
  for (let c = 0; c < k; c++) {
    let trueSum = 0;
    let predSum = 0;
    for (let j = 0; j < k; j++) {
      trueSum += confusion[c * k + j];
      predSum += confusion[j * k + c];
    }
    if (trueSum === 0 && predSum === 0) continue; // not in sklearn's label set
    const tp = confusion[c * k + c];
    const precision = predSum > 0 ? tp / predSum : 0;
    const recall = trueSum > 0 ? tp / trueSum : 0;
    const denom = precision + recall;
    const f1 = denom > 0 ? (2 * precision * recall) / denom : 0;
    labels++;
    pMacro += precision;
    rMacro += recall;
    fMacro += f1;
    pWeighted += trueSum * precision;
    rWeighted += trueSum * recall;
    fWeighted += trueSum * f1;
    support += trueSum;
  }
  return {
    accuracy: trace / total,
    precisionMacro: pMacro / labels,
    recallMacro: rMacro / labels,
    f1Macro: fMacro / labels,
    precisionWeighted: pWeighted / support,
    recallWeighted: rWeighted / support,
    f1Weighted: fWeighted / support,
  };
}

// ── ROC-AUC ─────────────────────────────────────────────────────────────────────────────────────────

/** Below this size the built-in sort of indices is faster than four radix passes over 65 536 counters. */
const RADIX_MIN = 4096;
const BUCKETS = 1 << 16;
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Row indices sorted by ascending score (an argsort; equal scores in no particular order, -0 next to +0).
 * Scores must not be NaN. Large inputs take an LSD radix sort on the IEEE-754 bit patterns (sign-flipped so
 * unsigned order is numeric order), 16 bits a pass, skipping digits every score shares: ~linear time, so one
 * sort serves every bootstrap replicate of `rocAucOrdered`.
 */
export function scoreOrder(score: Float64Array): Uint32Array {
  const n = score.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  if (n < RADIX_MIN || !LITTLE_ENDIAN) return order.sort((a, b) => score[a] - score[b]);

  const raw = new Uint32Array(score.buffer, score.byteOffset, 2 * n);
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const counts = new Uint32Array(4 * BUCKETS);
  for (let i = 0; i < n; i++) {
    const h = raw[2 * i + 1];
    const flip = h >> 31; // all ones for negatives
    const l = (raw[2 * i] ^ flip) >>> 0;
    const u = (h ^ (flip | 0x80000000)) >>> 0;
    lo[i] = l;
    hi[i] = u;
    counts[l & 0xffff]++;
    counts[BUCKETS + (l >>> 16)]++;
    counts[2 * BUCKETS + (u & 0xffff)]++;
    counts[3 * BUCKETS + (u >>> 16)]++;
  }
  let from = order;
  let to = new Uint32Array(n);
  for (let pass = 0; pass < 4; pass++) {
    const base = pass * BUCKETS;
    let sum = 0;
    let shared = false;
    for (let b = 0; b < BUCKETS; b++) {
      const c = counts[base + b];
      if (c === n) shared = true;
      counts[base + b] = sum;
      sum += c;
    }
    if (shared) continue; // every key has this digit: the pass would not move anything
    const key = pass < 2 ? lo : hi;
    const shift = (pass & 1) * 16;
    for (let j = 0; j < n; j++) {
      const i = from[j];
      const d = base + ((key[i] >>> shift) & 0xffff);
      to[counts[d]++] = i;
    }
    const t = from;
    from = to;
    to = t;
  }
  return from;
}

/**
 * Binary ROC-AUC on rows already ordered by ascending score: `order` from `scoreOrder`, or null when the rows
 * themselves are in ascending score order. One O(n) scan, no allocation.
 * = sklearn.metrics.roc_auc_score(positive, score, sample_weight=weights), the trapezoidal area under the ROC
 * curve over distinct thresholds, which is the Mann-Whitney probability that a positive outscores a negative
 * with half credit for ties: Σ over groups of equal score of w₊(group)·(w₋(below) + w₋(group)/2) / (W₊·W₋).
 * NaN when a class has no rows (or no weight): sklearn raises on one class in y_true, and returns NaN when
 * a class's weight sums to 0.
 *
 * For a bootstrap on large data, permute the rows into score order once and pass null: the scan then reads
 * every array sequentially, several times faster than through a random permutation (~10 ms instead of ~50 ms
 * per million weighted rows). Poisson weights are drawn per row, so the row order does not matter to them.
 */
export function rocAucOrdered(
  order: Uint32Array | null,
  positive: Uint8Array,
  score: Float64Array,
  weights?: Float64Array,
): number {
  const n = order ? order.length : score.length;
  if (positive.length !== score.length || (weights && weights.length !== score.length) || n !== score.length) {
    throw new RangeError('rocAucOrdered: order, positive, score and weights must have the same length');
  }
  return order ? scanPermuted(order, positive, score, weights) : scanSorted(positive, score, weights);
}

function scanPermuted(order: Uint32Array, positive: Uint8Array, score: Float64Array, weights?: Float64Array): number {
  const n = order.length;
  let negBelow = 0;
  let pos = 0;
  let area = 0;
  let i = 0;
  while (i < n) {
    const s = score[order[i]];
    let gp = 0;
    let gn = 0;
    if (weights) {
      for (; i < n; i++) {
        const r = order[i];
        if (score[r] !== s) break;
        if (positive[r]) gp += weights[r];
        else gn += weights[r];
      }
    } else {
      for (; i < n; i++) {
        const r = order[i];
        if (score[r] !== s) break;
        if (positive[r]) gp++;
        else gn++;
      }
    }
    area += gp * (negBelow + 0.5 * gn);
    negBelow += gn;
    pos += gp;
  }
  return pos > 0 && negBelow > 0 ? area / pos / negBelow : NaN;
}

function scanSorted(positive: Uint8Array, score: Float64Array, weights?: Float64Array): number {
  const n = score.length;
  let negBelow = 0;
  let pos = 0;
  let area = 0;
  let i = 0;
  while (i < n) {
    const s = score[i];
    let gp = 0;
    let gn = 0;
    if (weights) {
      for (; i < n && score[i] === s; i++) {
        if (positive[i]) gp += weights[i];
        else gn += weights[i];
      }
    } else {
      for (; i < n && score[i] === s; i++) {
        if (positive[i]) gp++;
        else gn++;
      }
    }
    if (i < n && score[i] < s) throw new RangeError('rocAucOrdered: rows are not in ascending score order');
    area += gp * (negBelow + 0.5 * gn);
    negBelow += gn;
    pos += gp;
  }
  return pos > 0 && negBelow > 0 ? area / pos / negBelow : NaN;
}

/** Binary ROC-AUC = sklearn.metrics.roc_auc_score(positive, score, sample_weight=weights); see `rocAucOrdered`. */
export function rocAuc(positive: Uint8Array, score: Float64Array, weights?: Float64Array): number {
  if (positive.length !== score.length || (weights && weights.length !== score.length)) {
    throw new RangeError('rocAuc: positive, score and weights must have the same length');
  }
  return rocAucOrdered(scoreOrder(score), positive, score, weights);
}

// ── log loss ────────────────────────────────────────────────────────────────────────────────────────

/**
 * The installed sklearn (1.2.1, Debian 12) clips log_loss's probabilities with its default `eps="auto"`:
 * np.finfo(y_pred.dtype).eps, i.e. 2^-52 for float64 scores (sklearn/metrics/_classification.py; before 1.2
 * the default was 1e-15, which would cost ln(1e15) ≈ 34.54 instead of ≈ 36.04 for a confidently wrong 0 or 1).
 */
const EPS = 2.220446049250313e-16;

/** −ln of the true class's probability for one row, clipped and renormalised as sklearn 1.2 does. */
function rowLoss(isPositive: number, score: number): number {
  const p = score < EPS ? EPS : score > 1 - EPS ? 1 - EPS : score;
  const q = 1 - p;
  // sklearn renormalises (1 − p, p) by its sum, which can differ from 1 by an ulp.
  return -Math.log((isPositive ? p : q) / (q + p));
}

/**
 * Binary log loss (cross-entropy, natural log) of the predicted probability of the positive class, =
 * sklearn.metrics.log_loss(positive, score, labels=[0, 1], sample_weight=weights) in sklearn 1.2: each score
 * is clipped to [eps, 1 − eps] (eps = 2^-52), the pair (1 − p, p) renormalised by its sum, and the loss of
 * a row is −ln of its true class's probability; the (weighted) mean over rows. A score of exactly 0 or 1 on
 * the wrong side thus costs −ln(2^-52) ≈ 36.04, not Infinity. NaN on no rows or zero total weight.
 */
export function logLoss(positive: Uint8Array, score: Float64Array, weights?: Float64Array): number {
  const n = score.length;
  if (positive.length !== n || (weights && weights.length !== n)) {
    throw new RangeError('logLoss: positive, score and weights must have the same length');
  }
  let sum = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    if (w === 0) continue;
    sum += w * rowLoss(positive[i], score[i]);
    total += w;
  }
  return total > 0 ? sum / total : NaN;
}

/**
 * The per-row losses behind `logLoss`, for a bootstrap: compute them once, then `meanLoss(terms, weights)`
 * per replicate is a multiply-add per row instead of a logarithm.
 */
export function logLossTerms(positive: Uint8Array, score: Float64Array): Float64Array {
  const n = score.length;
  if (positive.length !== n) throw new RangeError('logLossTerms: positive and score must have the same length');
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = rowLoss(positive[i], score[i]);
  return out;
}

/** Σ w·terms / Σ w (plain mean without weights); NaN on no rows or zero total weight. */
export function meanLoss(terms: Float64Array, weights?: Float64Array): number {
  const n = terms.length;
  if (weights && weights.length !== n) throw new RangeError('meanLoss: terms and weights must have the same length');
  let sum = 0;
  let total = 0;
  if (weights) {
    for (let i = 0; i < n; i++) {
      sum += weights[i] * terms[i];
      total += weights[i];
    }
  } else {
    for (let i = 0; i < n; i++) sum += terms[i];
    total = n;
  }
  return total > 0 ? sum / total : NaN;
}
