/**
 * A small gradient-boosted tree ensemble for binary labels (logistic loss), enough for a domain classifier:
 * "can a model tell these rows from those?". Histogram split finding in the style of XGBoost/LightGBM:
 *
 * - Each feature is cut into at most `maxBins` quantile bins of the training rows (every distinct value its own
 *   bin when there are few). A split sends `value <= threshold` left; thresholds are training values.
 * - Missing values (NaN) get a bin of their own and a learned default direction: every split is scored with the
 *   missing rows sent left and sent right, and keeps the better. "All present values left, missing right" is a
 *   candidate too, so missingness alone can be learned.
 * - Trees grow level by level to `depth` (≥ 2 catches interactions of two features). A node's gain is the
 *   second-order loss reduction ½·(G_L²/(H_L+λ) + G_R²/(H_R+λ) − G²/(H+λ)) with G, H the sums of the logistic
 *   loss's gradients p − y and hessians p(1 − p); children need hessian sums ≥ `minChildWeight`. Leaves hold
 *   −G/(H+λ) times the learning rate. A child's histogram is the parent's minus its smaller sibling's.
 * - Feature importance: the summed gain of the splits on each feature (callers normalise it to shares).
 *
 * Deterministic: no sampling of rows or features. Pure TypeScript on typed arrays; rows are row-major
 * (`x[row * dims + feature]`).
 */

import { searchSorted } from '../searchSorted';

export interface BoostOptions {
  /** Boosting rounds (trees), default 100. */
  rounds?: number;
  /** Maximum tree depth, default 3 (up to 8 leaves). */
  depth?: number;
  /** Shrinkage of each tree, default 0.1. */
  learningRate?: number;
  /** Bins per feature (2–255), default 32. */
  maxBins?: number;
  /** L2 penalty on leaf values, default 1. */
  lambda?: number;
  /** Minimum hessian sum in a child, default 1 (about 4 rows near p = ½). */
  minChildWeight?: number;
}

/** A fitted ensemble. Trees are complete binary trees of `depth` levels stored flat: node i has children 2i+1, 2i+2. */
export interface BoostedTrees {
  readonly dims: number;
  readonly depth: number;
  readonly trees: number;
  /** Nodes per tree: 2^(depth+1) − 1. */
  readonly nodesPerTree: number;
  /** Initial log-odds (of the training labels). */
  readonly base: number;
  /** Split feature per node; −1 marks a leaf (or an unused node). */
  readonly feature: Int32Array;
  /** Split threshold: `value <= threshold` goes left (may be +Infinity: "present values left, missing right"). */
  readonly threshold: Float64Array;
  /** 1 when missing values go left. */
  readonly missingLeft: Uint8Array;
  /** Leaf values (learning rate applied). */
  readonly value: Float64Array;
  /** Summed split gain per feature. */
  readonly gain: Float64Array;
}

const DEFAULTS: Required<BoostOptions> = {
  rounds: 100,
  depth: 3,
  learningRate: 0.1,
  maxBins: 32,
  lambda: 1,
  minChildWeight: 1,
};

/** Ascending cut points of one feature's present values: at most maxBins − 1, never the maximum. */
function cutPoints(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  if (n === 0) return new Float64Array(0);
  const cuts: number[] = [];
  const max = sorted[n - 1];
  let distinct = 1;
  for (let i = 1; i < n && distinct <= maxBins; i++) if (sorted[i] !== sorted[i - 1]) distinct++;
  if (distinct <= maxBins) {
    for (let i = 0; i < n; i++) if (sorted[i] !== max && (i === n - 1 || sorted[i + 1] !== sorted[i])) cuts.push(sorted[i]);
  } else {
    for (let j = 1; j < maxBins; j++) {
      const v = sorted[Math.floor((j * n) / maxBins) - 1];
      if (v !== max && (cuts.length === 0 || v > cuts[cuts.length - 1])) cuts.push(v);
    }
  }
  return Float64Array.from(cuts);
}

/**
 * Gradient/hessian histogram of the rows order[s, e) into hist[h0, h0 + size): per feature f and bin b, the sums at
 * h0 + 2(f·W + b) and the next slot. Gradients are first copied in node order so the per-feature passes read them
 * sequentially. (Module-level functions, rather than closures, get optimised early: the first fit is not slow.)
 */
function accumulateHistogram(
  hist: Float64Array,
  h0: number,
  size: number,
  W: number,
  bins: Uint8Array,
  m: number,
  dims: number,
  order: Int32Array,
  s: number,
  e: number,
  g: Float64Array,
  h: Float64Array,
  og: Float64Array,
  oh: Float64Array,
): void {
  hist.fill(0, h0, h0 + size);
  for (let k = s; k < e; k++) {
    const r = order[k];
    og[k] = g[r];
    oh[k] = h[r];
  }
  for (let f = 0; f < dims; f++) {
    const col = f * m;
    const off = h0 + 2 * f * W;
    for (let k = s; k < e; k++) {
      const b = off + 2 * bins[col + order[k]];
      hist[b] += og[k];
      hist[b + 1] += oh[k];
    }
  }
}

/**
 * Best split of a node from its histogram at h0 (G, H: the node's sums). `best` holds [gain, feature, bin,
 * missingLeft] and is overwritten only by a larger gain (callers seed it with the minimum gain and feature −1).
 */
function bestSplit(
  hist: Float64Array,
  h0: number,
  W: number,
  B: number,
  nCuts: Int32Array,
  G: number,
  H: number,
  lambda: number,
  mcw: number,
  best: Float64Array,
): void {
  const parentScore = (G * G) / (H + lambda);
  let bestGain = best[0];
  for (let f = 0; f < nCuts.length; f++) {
    const off = h0 + 2 * f * W;
    const nc = nCuts[f];
    const Gm = hist[off + 2 * B];
    const Hm = hist[off + 2 * B + 1];
    let GL = 0;
    let HL = 0;
    for (let b = 0; b <= nc; b++) {
      GL += hist[off + 2 * b];
      HL += hist[off + 2 * b + 1];
      // Missing right (for b = nc: every present value left, missing right).
      if (b < nc || Hm > 0) {
        const GR = G - GL;
        const HR = H - HL;
        if (HL >= mcw && HR >= mcw) {
          const gn = 0.5 * ((GL * GL) / (HL + lambda) + (GR * GR) / (HR + lambda) - parentScore);
          if (gn > bestGain) {
            bestGain = gn;
            best[0] = gn;
            best[1] = f;
            best[2] = b;
            best[3] = 0;
          }
        }
      }
      // Missing left.
      if (b < nc && Hm > 0) {
        const GLm = GL + Gm;
        const HLm = HL + Hm;
        const GR = G - GLm;
        const HR = H - HLm;
        if (HLm >= mcw && HR >= mcw) {
          const gn = 0.5 * ((GLm * GLm) / (HLm + lambda) + (GR * GR) / (HR + lambda) - parentScore);
          if (gn > bestGain) {
            bestGain = gn;
            best[0] = gn;
            best[1] = f;
            best[2] = b;
            best[3] = 1;
          }
        }
      }
    }
  }
}

/** Reorders order[s, e) so the rows going left come first; returns where the right rows start. */
function partition(order: Int32Array, s: number, e: number, bins: Uint8Array, col: number, B: number, bin: number, missLeft: number): number {
  let i = s;
  let j = e - 1;
  while (i <= j) {
    const b = bins[col + order[i]];
    if (b === B ? missLeft === 1 : b <= bin) i++;
    else {
      const tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
      j--;
    }
  }
  return i;
}

/**
 * Fits the ensemble to `labels` (0/1) of the rows in `subset` (all rows when omitted) of the row-major matrix `x`
 * (`rows` × `dims`, NaN = missing).
 */
export function fitBoostedTrees(
  x: Float64Array,
  rows: number,
  dims: number,
  labels: Uint8Array,
  options: BoostOptions = {},
  subset?: Int32Array,
): BoostedTrees {
  const depth = Math.max(1, Math.floor(options.depth ?? DEFAULTS.depth));
  const rounds = Math.max(0, Math.floor(options.rounds ?? DEFAULTS.rounds));
  const B = Math.min(255, Math.max(2, Math.floor(options.maxBins ?? DEFAULTS.maxBins)));
  const lambda = options.lambda ?? DEFAULTS.lambda;
  const mcw = options.minChildWeight ?? DEFAULTS.minChildWeight;
  const learningRate = options.learningRate ?? DEFAULTS.learningRate;
  if (x.length < rows * dims) throw new RangeError('fitBoostedTrees: x is smaller than rows × dims');
  const idx = subset ?? Int32Array.from({ length: rows }, (_, i) => i);
  const m = idx.length;

  // Binning: column-major bins of the training rows; slot B holds missing values.
  const W = B + 1;
  const bins = new Uint8Array(m * dims);
  const cuts: Float64Array[] = [];
  const column = new Float64Array(m);
  for (let f = 0; f < dims; f++) {
    let present = 0;
    for (let r = 0; r < m; r++) {
      const v = x[idx[r] * dims + f];
      if (v === v) column[present++] = v;
    }
    const c = cutPoints(column.subarray(0, present).sort(), B);
    cuts.push(c);
    const col = bins.subarray(f * m, (f + 1) * m);
    // A value's bin: the cuts strictly below it (so bin ≤ b ⇔ v ≤ cuts[b]); missing values get bin B.
    for (let r = 0; r < m; r++) {
      const v = x[idx[r] * dims + f];
      col[r] = v === v ? searchSorted(c, v) : B;
    }
  }

  let pos = 0;
  for (let r = 0; r < m; r++) if (labels[idx[r]]) pos++;
  const base = Math.log((pos + (pos === 0 || pos === m ? 0.5 : 0)) / (m - pos + (pos === 0 || pos === m ? 0.5 : 0)));

  const nodesPerTree = 2 ** (depth + 1) - 1;
  const feature = new Int32Array(rounds * nodesPerTree).fill(-1);
  const threshold = new Float64Array(rounds * nodesPerTree);
  const missingLeft = new Uint8Array(rounds * nodesPerTree);
  const value = new Float64Array(rounds * nodesPerTree);
  const gain = new Float64Array(dims);

  const F = new Float64Array(m).fill(base);
  const g = new Float64Array(m);
  const h = new Float64Array(m);
  const og = new Float64Array(m);
  const oh = new Float64Array(m);
  const y = new Uint8Array(m);
  for (let r = 0; r < m; r++) y[r] = labels[idx[r]] ? 1 : 0;
  const order = new Int32Array(m);
  const start = new Int32Array(nodesPerTree);
  const end = new Int32Array(nodesPerTree);
  /** Nodes of the current tree that rows reach. */
  const live = new Uint8Array(nodesPerTree);
  // Histograms (gradient, hessian) of the nodes that may still split: levels 0 … depth − 1.
  const internal = 2 ** depth - 1;
  // Interleaved: hist[2·slot] gradient sum, hist[2·slot + 1] hessian sum; slot = node·hsize + feature·W + bin.
  const hsize = dims * W;
  const hist = new Float64Array(2 * internal * hsize);

  const nCuts = Int32Array.from(cuts, (c) => c.length);
  const best = new Float64Array(4);
  const buildHist = (node: number): void =>
    accumulateHistogram(hist, 2 * node * hsize, 2 * hsize, W, bins, m, dims, order, start[node], end[node], g, h, og, oh);

  for (let t = 0; t < rounds; t++) {
    for (let r = 0; r < m; r++) {
      const p = 1 / (1 + Math.exp(-F[r]));
      g[r] = p - y[r];
      h[r] = Math.max(p * (1 - p), 1e-16);
      order[r] = r;
    }
    const T = t * nodesPerTree;
    start.fill(0);
    end.fill(0);
    end[0] = m;
    live.fill(0);
    live[0] = 1;
    if (internal > 0) buildHist(0);
    for (let node = 0; node < nodesPerTree; node++) {
      if (!live[node]) continue;
      const s = start[node];
      const e = end[node];
      let G = 0;
      let H = 0;
      for (let k = s; k < e; k++) {
        G += g[order[k]];
        H += h[order[k]];
      }
      best[0] = 1e-12;
      best[1] = -1;
      if (node < internal && e - s >= 2) bestSplit(hist, 2 * node * hsize, W, B, nCuts, G, H, lambda, mcw, best);
      const bestF = best[1];
      if (bestF < 0) {
        const v = (-G / (H + lambda)) * learningRate;
        value[T + node] = v;
        for (let k = s; k < e; k++) F[order[k]] += v;
        continue;
      }
      const bestBin = best[2];
      const bestMissLeft = best[3];
      feature[T + node] = bestF;
      threshold[T + node] = bestBin < nCuts[bestF] ? cuts[bestF][bestBin] : Infinity;
      missingLeft[T + node] = bestMissLeft;
      gain[bestF] += best[0];
      const i = partition(order, s, e, bins, bestF * m, B, bestBin, bestMissLeft);
      const l = 2 * node + 1;
      const rr = 2 * node + 2;
      start[l] = s;
      end[l] = i;
      start[rr] = i;
      end[rr] = e;
      live[l] = 1;
      live[rr] = 1;
      if (l < internal) {
        // Build the smaller child's histogram; the larger is the parent's minus it.
        const small = i - s <= e - i ? l : rr;
        const large = small === l ? rr : l;
        buildHist(small);
        const pOff = 2 * node * hsize;
        const sOff = 2 * small * hsize;
        const lOff = 2 * large * hsize;
        for (let k = 0; k < 2 * hsize; k++) hist[lOff + k] = hist[pOff + k] - hist[sOff + k];
      }
    }
  }
  return { dims, depth, trees: rounds, nodesPerTree, base, feature, threshold, missingLeft, value, gain };
}

/** Log-odds of label 1 for the rows in `subset` (all rows when omitted) of the row-major matrix `x`. */
export function predictBoostedTrees(model: BoostedTrees, x: Float64Array, rows: number, subset?: Int32Array): Float64Array {
  const { dims, trees, nodesPerTree, feature, threshold, missingLeft, value } = model;
  const n = subset ? subset.length : rows;
  const out = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const row = (subset ? subset[k] : k) * dims;
    let score = model.base;
    for (let t = 0; t < trees; t++) {
      const T = t * nodesPerTree;
      let node = 0;
      let f = feature[T];
      while (f >= 0) {
        const v = x[row + f];
        const left = v === v ? v <= threshold[T + node] : missingLeft[T + node] === 1;
        node = left ? 2 * node + 1 : 2 * node + 2;
        f = feature[T + node];
      }
      score += value[T + node];
    }
    out[k] = score;
  }
  return out;
}
