/**
 * Multivariate drift statistics (src/core/stats/multivariate): the MMD pieces against NumPy reference values
 * (test/fixtures/scipy/mmd.json, made by test/fixtures/scipy/generate_mmd.py) at 1e-6 relative, and the domain
 * classifier's and the MMD test's behaviour on seeded data: no false alarms on identical distributions, a mean
 * shift, a correlation flip no marginal test sees, a variance change, missing values and constant columns.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { seededRandom } from '../../src/core/io/sample';
import { ksTwoSample } from '../../src/core/stats/ks';
import { mannWhitneyU } from '../../src/core/stats/mannWhitney';
import {
  aucMannWhitney,
  domainClassifier,
  simes,
  fitBoostedTrees,
  medianBandwidth,
  mmdPermutationTest,
  mmdUnbiased,
  predictBoostedTrees,
} from '../../src/core/stats/multivariate';
import { close, genSample, type Recipe, SCIPY_FIXTURES, worst } from './support/fixtures';
import { normal } from './support/tables';

// ── fixtures ──────────────────────────────────────────────────────────────────────────────────────

type Sample = { rows: number; dims: number } & ({ values: number[] } | { recipe: Recipe; pairs?: 'plus' | 'minus' });
interface Fixtures {
  numpy: string;
  samples: Record<string, Sample>;
  cases: { name: string; x: string; y: string; bandwidth: number; mmd2: number; mmd2Unit: number }[];
}
const fx: Fixtures = JSON.parse(readFileSync(join(SCIPY_FIXTURES, 'mmd.json'), 'utf8'));

/** A fixture matrix, row-major, replayed as generate_mmd.py builds it. */
function matrixOf(name: string): { m: Float64Array; rows: number; dims: number } {
  const s = fx.samples[name];
  assert.ok(s, `sample ${name} missing from the fixture`);
  if ('values' in s) return { m: Float64Array.from(s.values), rows: s.rows, dims: s.dims };
  const m = genSample(s.recipe);
  const h = Math.floor(s.dims / 2);
  if (s.pairs) {
    for (let r = 0; r < s.rows; r++) {
      for (let k = 0; k < h; k++) {
        const even = m[r * s.dims + 2 * k];
        const odd = m[r * s.dims + 2 * k + 1];
        m[r * s.dims + 2 * k + 1] = s.pairs === 'plus' ? even + odd : odd - even;
      }
    }
  }
  return { m, rows: s.rows, dims: s.dims };
}

test(`MMD bandwidth and unbiased MMD² match NumPy ${fx.numpy} (${fx.cases.length} cases)`, () => {
  for (const c of fx.cases) {
    const x = matrixOf(c.x);
    const y = matrixOf(c.y);
    close(medianBandwidth(x.m, x.rows, y.m, y.rows, x.dims), c.bandwidth, 'bandwidth', c.name);
    close(mmdUnbiased(x.m, x.rows, y.m, y.rows, x.dims, c.bandwidth), c.mmd2, 'mmd2', c.name);
    close(mmdUnbiased(x.m, x.rows, y.m, y.rows, x.dims, 1), c.mmd2Unit, 'mmd2 (σ = 1)', c.name);
    // The permutation test reports the same statistic and bandwidth.
    const p = mmdPermutationTest(x.m, x.rows, y.m, y.rows, x.dims, { permutations: 19, seed: 1 });
    close(p.bandwidth, c.bandwidth, 'test bandwidth', c.name);
    close(p.statistic, c.mmd2, 'test mmd2', c.name);
    assert.ok(p.pValue > 0 && p.pValue <= 1, `${c.name}: p-value ${p.pValue}`);
  }
});

// ── seeded scenarios ──────────────────────────────────────────────────────────────────────────────

/** Row-major matrix of columns. */
function rowsOf(cols: Float64Array[]): Float64Array {
  const n = cols[0].length;
  const out = new Float64Array(n * cols.length);
  for (let r = 0; r < n; r++) for (let d = 0; d < cols.length; d++) out[r * cols.length + d] = cols[d][r];
  return out;
}

/** Two columns of N(0, 1) with correlation rho, then two independent noise columns. */
function correlated(n: number, rho: number, seed: number): Float64Array[] {
  const a = normal(n, 0, seed);
  const b = normal(n, 0, seed + 1);
  const c = Math.sqrt(1 - rho * rho);
  return [a, a.map((v, i) => rho * v + c * b[i]), normal(n, 0, seed + 2), normal(n, 0, seed + 3)];
}

type Scenario = 'same' | 'shift' | 'flip' | 'scale';
function scenario(kind: Scenario, n: number, seed: number): { ref: Float64Array[]; cur: Float64Array[] } {
  const ref = correlated(n, 0.9, seed * 10);
  const cur = correlated(n, kind === 'flip' ? -0.9 : 0.9, seed * 10 + 5);
  if (kind === 'shift') cur[2] = cur[2].map((v) => v + 0.5);
  if (kind === 'scale') cur[2] = cur[2].map((v) => 2 * v);
  return { ref, cur };
}

/** Reference rows then current rows, labels 0 / 1. */
function pooledOf(ref: Float64Array[], cur: Float64Array[]) {
  const x = rowsOf(ref.map((c, d) => Float64Array.from([...c, ...cur[d]])));
  const rows = ref[0].length + cur[0].length;
  const labels = new Uint8Array(rows).fill(1, ref[0].length);
  return { x, rows, dims: ref.length, labels };
}

function classify(ref: Float64Array[], cur: Float64Array[], seed = 7) {
  const p = pooledOf(ref, cur);
  return domainClassifier(p.x, p.rows, p.dims, p.labels, { folds: 5, seed });
}

function mmdOf(ref: Float64Array[], cur: Float64Array[], seed = 7, permutations = 200) {
  return mmdPermutationTest(rowsOf(ref), ref[0].length, rowsOf(cur), cur[0].length, ref.length, { permutations, seed });
}

const drifted = (r: { auc: number; pValue: number }) => r.auc >= 0.55 && r.pValue < 0.05;

test('identical distributions: AUC near 0.5, at most 1 false alarm in 10 seeds for each method', () => {
  let dcAlarms = 0;
  let mmdAlarms = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const { ref, cur } = scenario('same', 300, seed);
    const dc = classify(ref, cur, seed);
    assert.ok(dc.auc >= 0.4 && dc.auc <= 0.6, `seed ${seed}: AUC ${dc.auc}`);
    if (drifted(dc)) dcAlarms++;
    const mmd = mmdOf(ref, cur, seed);
    assert.ok(mmd.pValue > 0 && mmd.pValue <= 1);
    if (mmd.pValue < 0.05) mmdAlarms++;
  }
  assert.ok(dcAlarms <= 1, `domain classifier false alarms: ${dcAlarms}`);
  assert.ok(mmdAlarms <= 1, `MMD false alarms: ${mmdAlarms}`);
});

test('the classifier\'s p-value keeps its level on pure noise (Simes over folds), where one pooled test does not', () => {
  // 100 seeded null cases: random features, labels half and half. Expect about 5 below 0.05; the pooled
  // out-of-fold Mann–Whitney gave about 10 (its scores come from label-dependent models).
  const n = 160;
  const dims = 4;
  let alarms = 0;
  let pooledAlarms = 0;
  for (let seed = 1; seed <= 100; seed++) {
    const r = seededRandom(1000 + seed);
    const x = Float64Array.from({ length: n * dims }, () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
    const labels = Uint8Array.from({ length: n }, (_, i) => (i < n / 2 ? 0 : 1));
    const out = domainClassifier(x, n, dims, labels, { folds: 5, seed });
    if (out.pValue < 0.05) alarms++;
    if (out.pooledPValue < 0.05) pooledAlarms++;
  }
  assert.ok(alarms <= 8, `false alarms at 0.05: ${alarms} of 100`);
  assert.ok(pooledAlarms > alarms, `the pooled test is the looser one: ${pooledAlarms} vs ${alarms}`);
  assert.equal(simes([0.04, 0.5, 0.01]), Math.min(3 * 0.01, (3 * 0.04) / 2, 0.5));
  assert.equal(simes([1, 1]), 1);
});

test('a mean shift of 0.5 sd in one column: both methods drift, the shifted column leads', () => {
  const { ref, cur } = scenario('shift', 500, 3);
  const dc = classify(ref, cur);
  assert.ok(drifted(dc), `AUC ${dc.auc}, p ${dc.pValue}`);
  assert.equal(dc.importances.indexOf(Math.max(...dc.importances)), 2);
  const mmd = mmdOf(ref, cur);
  assert.ok(mmd.pValue < 0.05, `MMD p ${mmd.pValue}`);
});

test('a correlation flip (+0.9 → −0.9, equal marginals): no KS test rejects, both methods drift', () => {
  const { ref, cur } = scenario('flip', 500, 4);
  for (let d = 0; d < ref.length; d++) {
    const ks = ksTwoSample(ref[d], cur[d]);
    assert.ok(ks.pValue >= 0.05, `column ${d}: KS p ${ks.pValue}`);
  }
  const dc = classify(ref, cur);
  assert.ok(drifted(dc), `AUC ${dc.auc}, p ${dc.pValue}`);
  assert.ok(dc.auc > 0.8, `AUC ${dc.auc}`);
  const top2 = Array.from(dc.importances.keys())
    .sort((a, b) => dc.importances[b] - dc.importances[a])
    .slice(0, 2)
    .sort();
  assert.deepEqual(top2, [0, 1], `importances ${Array.from(dc.importances)}`);
  const mmd = mmdOf(ref, cur);
  assert.ok(mmd.pValue < 0.05, `MMD p ${mmd.pValue}`);
  assert.ok(mmd.statistic > 0);
});

test('a variance change (sd 1 → 2): the classifier drifts', () => {
  const { ref, cur } = scenario('scale', 500, 5);
  const dc = classify(ref, cur);
  assert.ok(drifted(dc), `AUC ${dc.auc}, p ${dc.pValue}`);
  assert.equal(dc.importances.indexOf(Math.max(...dc.importances)), 2);
});

test('importances are shares summing to 1; same seed, same result', () => {
  const { ref, cur } = scenario('shift', 200, 6);
  const a = classify(ref, cur, 11);
  const b = classify(ref, cur, 11);
  assert.deepEqual(a, b);
  assert.ok(Math.abs(a.importances.reduce((s, v) => s + v, 0) - 1) < 1e-12);
  assert.ok(a.importances.every((v) => v >= 0));
  assert.equal(a.folds, 5);
  const m1 = mmdOf(ref, cur, 3, 50);
  const m2 = mmdOf(ref, cur, 3, 50);
  assert.deepEqual(m1, m2);
  // Another seed deals other folds / permutations, but the statistic and bandwidth do not depend on it.
  const m3 = mmdOf(ref, cur, 4, 50);
  assert.equal(m3.statistic, m1.statistic);
  assert.equal(m3.bandwidth, m1.bandwidth);
});

test('MMD p-value lies in (0, 1]: (1 + #perm ≥ observed) / (1 + permutations)', () => {
  const { ref, cur } = scenario('flip', 60, 8);
  const strong = mmdOf(ref, cur, 1, 99);
  assert.ok(strong.pValue >= 1 / 100 && strong.pValue <= 1);
  assert.equal(Math.round(strong.pValue * 100) / 100, strong.pValue, 'a multiple of 1/100');
  const none = mmdOf(ref, cur, 1, 0);
  assert.equal(none.pValue, 1);
  // All points equal: every permutation ties the observed statistic (0), so p = 1.
  const flat = new Float64Array(20).fill(3);
  const tie = mmdPermutationTest(flat, 10, flat, 10, 2, { permutations: 30, seed: 2 });
  assert.equal(tie.statistic, 0);
  assert.equal(tie.bandwidth, 1);
  assert.equal(tie.pValue, 1);
  assert.throws(() => mmdPermutationTest(flat, 1, flat, 10, 2, { permutations: 1, seed: 1 }), RangeError);
});

test('missing values and constant columns do not break the classifier or MMD', () => {
  const { ref, cur } = scenario('same', 300, 9);
  const holes = seededRandom(5);
  const withHoles = (c: Float64Array) => c.map((v) => (holes() < 0.1 ? NaN : v));
  const r2 = [withHoles(ref[0]), ref[1], new Float64Array(300).fill(4), ref[3]];
  const c2 = [withHoles(cur[0]), cur[1], new Float64Array(300).fill(4), cur[3]];
  const dc = classify(r2, c2);
  assert.ok(Number.isFinite(dc.auc) && Number.isFinite(dc.pValue));
  assert.ok(dc.auc >= 0.4 && dc.auc <= 0.6, `AUC ${dc.auc}`);
  assert.equal(dc.importances[2], 0, 'a constant column never splits');
  // The classifier sees a column that goes missing on the current side.
  const c3 = [cur[0].map((v, i) => (i % 2 ? NaN : v)), cur[1], cur[2], cur[3]];
  const gone = classify(ref, c3);
  assert.ok(drifted(gone), `AUC ${gone.auc}`);
  assert.equal(gone.importances.indexOf(Math.max(...gone.importances)), 0);
  // MMD with a constant column (finite values only).
  const mmd = mmdOf([ref[0], new Float64Array(300).fill(1)], [cur[0], new Float64Array(300).fill(1)]);
  assert.ok(Number.isFinite(mmd.statistic) && mmd.pValue > 0 && mmd.pValue <= 1);
  // Nothing at all to learn from: all features constant.
  const flat = classify([new Float64Array(50)], [new Float64Array(50)]);
  assert.equal(flat.auc, 0.5);
  assert.equal(flat.pValue, 1);
  assert.ok(flat.importances.every((v) => v === 0));
});

test('boosted trees learn an interaction no single feature shows (XOR) and route NaN by the learned default', () => {
  const r = seededRandom(3);
  const n = 800;
  const x = new Float64Array(n * 2);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    x[2 * i] = r() * 2 - 1;
    x[2 * i + 1] = r() * 2 - 1;
    labels[i] = x[2 * i] * x[2 * i + 1] > 0 ? 1 : 0;
  }
  const train = Int32Array.from({ length: n / 2 }, (_, i) => i);
  const test = Int32Array.from({ length: n / 2 }, (_, i) => n / 2 + i);
  const model = fitBoostedTrees(x, n, 2, labels, { depth: 2, rounds: 50 }, train);
  const scores = predictBoostedTrees(model, x, n, test);
  let correct = 0;
  test.forEach((row, k) => (correct += (scores[k] > 0 ? 1 : 0) === labels[row] ? 1 : 0));
  assert.ok(correct / test.length > 0.9, `XOR accuracy ${correct / test.length}`);

  // Label 1 exactly when the value is missing: a single split learns it, and predicts it for new rows.
  const m = new Float64Array(200).map((_, i) => (i % 3 === 0 ? NaN : i));
  const y = Uint8Array.from(m, (v) => (Number.isNaN(v) ? 1 : 0));
  const miss = fitBoostedTrees(m, 200, 1, y, { rounds: 20 });
  const [pNaN, pValue] = predictBoostedTrees(miss, Float64Array.of(NaN, 1e9), 2);
  assert.ok(pNaN > 0 && pValue < 0, `${pNaN} ${pValue}`);
});

test('AUC is the Mann–Whitney U share (ties count ½), and agrees with mannWhitneyU', () => {
  const neg = Float64Array.of(0.1, 0.4, 0.4, 0.8, 0.3);
  const pos = Float64Array.of(0.4, 0.9, 0.7, 0.2);
  const { auc, pValue } = aucMannWhitney(neg, pos);
  // Count pairs by hand.
  let u = 0;
  for (const p of pos) for (const q of neg) u += p > q ? 1 : p === q ? 0.5 : 0;
  close(auc, u / 20, 'auc', 'hand count');
  close(auc, mannWhitneyU(pos, neg).statistic / 20, 'auc', 'mannWhitneyU');
  assert.ok(pValue > 0 && pValue < 1);
  assert.equal(aucMannWhitney(Float64Array.of(1, 2), Float64Array.of(3, 4)).auc, 1);
  assert.equal(aucMannWhitney(Float64Array.of(1, 1), Float64Array.of(1, 1)).pValue, 1);
});

test('timing: domain classifier and MMD at 2000 rows per side, 10 features (report)', (t) => {
  const n = 2000;
  const ref = [...correlated(n, 0.9, 100), ...correlated(n, 0.5, 110), normal(n, 0, 120), normal(n, 0, 121)];
  const cur = [...correlated(n, -0.9, 200), ...correlated(n, 0.5, 210), normal(n, 0, 220), normal(n, 0, 221)];
  let start = performance.now();
  const dc = classify(ref, cur);
  const dcMs = performance.now() - start;
  start = performance.now();
  const mmd1000 = mmdOf(
    ref.map((c) => c.subarray(0, 1000)),
    cur.map((c) => c.subarray(0, 1000)),
  );
  const mmd1000Ms = performance.now() - start;
  start = performance.now();
  const mmd2000 = mmdOf(ref, cur);
  const mmd2000Ms = performance.now() - start;
  assert.ok(drifted(dc) && mmd1000.pValue < 0.05 && mmd2000.pValue < 0.05);
  t.diagnostic(`domain classifier 2×${n} rows, 10 features, 5 folds × 100 rounds: ${dcMs.toFixed(0)} ms (AUC ${dc.auc.toFixed(3)})`);
  t.diagnostic(`MMD 2×1000 rows, 200 permutations: ${mmd1000Ms.toFixed(0)} ms; 2×2000 rows: ${mmd2000Ms.toFixed(0)} ms`);
});

test('worst relative error per function (report)', (t) => {
  for (const [family, w] of [...worst].sort()) {
    t.diagnostic(`${family.padEnd(16)} ${w.rel.toExponential(2)}  at ${w.where}`);
  }
});
