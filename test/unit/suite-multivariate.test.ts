/**
 * multivariateDrift (src/core/suite/multivariate.ts) on in-memory tables: which columns become features, the row
 * cap, categories (as frequency ranks) matched by their text across files with different codes, notes instead of throws.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../src/core/io/sample';
import type { CodedColumn, Column } from '../../src/core/io/table';
import { MMD_MAX_ROWS, multivariateDrift, type MultivariateOptions } from '../../src/core/suite/multivariate';
import { cat, normal, num, table } from './support/tables';

const OPTIONS: MultivariateOptions = { rows: 2000, aucThreshold: 0.55, permutations: 200, seed: 42, pValueThreshold: 0.05 };

/** n values drawn from `choices` with the given weights. */
function pick(n: number, choices: string[], weights: number[], seed: number): string[] {
  const r = seededRandom(seed);
  const total = weights.reduce((a, b) => a + b, 0);
  return Array.from({ length: n }, () => {
    let u = r() * total;
    for (let i = 0; i < choices.length; i++) if ((u -= weights[i]) < 0) return choices[i];
    return choices[choices.length - 1];
  });
}

/** Columns a, b with correlation rho (N(0, 1) marginals) and an independent c. */
function numeric(n: number, rho: number, seed: number): Column[] {
  const a = normal(n, 0, seed);
  const e = normal(n, 0, seed + 1);
  const s = Math.sqrt(1 - rho * rho);
  return [num('a', a), num('b', a.map((v, i) => rho * v + s * e[i])), num('c', normal(n, 0, seed + 2))];
}

test('features: numeric, categorical and boolean columns on both sides; others skipped with a note', () => {
  const n = 200;
  const side = (seed: number) => [
    ...numeric(n, 0.5, seed),
    cat('color', pick(n, ['red', 'green', 'blue'], [1, 1, 1], seed + 3)),
    cat('flag', pick(n, ['true', 'false'], [1, 3], seed + 4), 'boolean'),
    cat('note', pick(n, ['free text one', 'two'], [1, 1], seed + 5), 'text'),
    { name: 'when', type: 'datetime' as const, values: Float64Array.from({ length: n }, (_, i) => 1.7e12 + i * 1000), nullCount: 0 },
  ];
  const ref = table([...side(1), num('only_ref', normal(n, 0, 9))]);
  const cur = table(side(11));
  const r = multivariateDrift(ref, cur, ['a', 'b', 'c', 'color', 'flag', 'note', 'when', 'only_ref', 'a'], OPTIONS);
  assert.deepEqual(r.features, ['a', 'b', 'c', 'color', 'flag']);
  assert.equal(r.referenceRows, n);
  assert.equal(r.currentRows, n);
  assert.ok(r.domainClassifier && r.mmd);
  assert.deepEqual(r.mmd.features, ['a', 'b', 'c']);
  assert.equal(r.mmd.permutations, 200);
  assert.equal(r.mmd.threshold, 0.05);
  assert.equal(r.domainClassifier.threshold, 0.55);
  assert.equal(r.domainClassifier.folds, 5);
  assert.ok(r.notes.some((t) => t.includes('note, when, only_ref')), r.notes.join(' | '));
  assert.equal(r.drifted, false, JSON.stringify(r));
  for (const f of r.domainClassifier.topFeatures) assert.ok(r.features.includes(f.name) && f.importance > 0);
});

test('the row cap is respected on each side, and the result is deterministic', () => {
  const ref = table(numeric(3000, 0.9, 1));
  const cur = table(numeric(150, 0.9, 2));
  const options = { ...OPTIONS, rows: 500 };
  const r = multivariateDrift(ref, cur, ['a', 'b', 'c'], options);
  assert.equal(r.referenceRows, 500);
  assert.equal(r.currentRows, 150);
  assert.deepEqual(multivariateDrift(ref, cur, ['a', 'b', 'c'], options), r);
  assert.deepEqual(r.notes, [], 'below the MMD cap nothing is subsampled');
  assert.equal(r.drifted, false, JSON.stringify(r));
});

test('a correlation flip drifts jointly, led by the two flipped columns', () => {
  const r = multivariateDrift(table(numeric(1000, 0.9, 1)), table(numeric(1000, -0.9, 2)), ['a', 'b', 'c'], OPTIONS);
  assert.ok(r.domainClassifier?.drifted && r.mmd?.drifted && r.drifted, JSON.stringify(r));
  assert.deepEqual(r.domainClassifier.topFeatures.slice(0, 2).map((f) => f.name).sort(), ['a', 'b']);
  const total = r.domainClassifier.topFeatures.reduce((s, f) => s + f.importance, 0);
  assert.ok(Math.abs(total - 1) < 1e-9);
  const imp = r.domainClassifier.topFeatures.map((f) => f.importance);
  assert.deepEqual(imp, [...imp].sort((x, y) => y - x));
});

test('categories are matched by their text, whatever their codes on each side', () => {
  const n = 600;
  const refColor = pick(n, ['red', 'green', 'blue'], [5, 3, 2], 1);
  // Same distribution, but "blue" appears first on the current side, so its codes differ.
  const curColor = ['blue', ...pick(n - 1, ['red', 'green', 'blue'], [5, 3, 2], 2)];
  const ref = table([cat('color', refColor)]);
  const cur = table([cat('color', curColor)]);
  assert.notDeepEqual(ref.columns[0], cur.columns[0]);
  assert.notEqual((cur.columns[0] as CodedColumn).categories[0], 'red');
  const same = multivariateDrift(ref, cur, ['color'], OPTIONS);
  assert.ok(same.domainClassifier && !same.domainClassifier.drifted, JSON.stringify(same));
  assert.ok(same.domainClassifier.auc < 0.6);
  assert.equal(same.mmd, null);
  assert.ok(same.notes.some((t) => t.includes('numeric')), same.notes.join(' | '));

  // A shift between categories, and a category the reference never had ("(other)"), are both seen.
  const shifted = multivariateDrift(ref, table([cat('color', pick(n, ['red', 'green', 'blue'], [2, 3, 5], 3))]), ['color'], OPTIONS);
  assert.ok(shifted.domainClassifier?.drifted, JSON.stringify(shifted));
  assert.deepEqual(shifted.domainClassifier.topFeatures, [{ name: 'color', importance: 1 }]);
  const novel = multivariateDrift(ref, table([cat('color', pick(n, ['red', 'green', 'blue', 'purple'], [5, 3, 2, 3], 4))]), ['color'], OPTIONS);
  assert.ok(novel.domainClassifier?.drifted, JSON.stringify(novel));
});

test('many categories: the most frequent 31 ranked, the rest sharing one rank; missing categories are handled', () => {
  const n = 800;
  const names = Array.from({ length: 50 }, (_, i) => `k${i}`);
  const weights = names.map((_, i) => 50 - i);
  const withNulls = (v: string[], seed: number) => {
    const r = seededRandom(seed);
    return v.map((s) => (r() < 0.1 ? null : s));
  };
  const ref = table([cat('k', withNulls(pick(n, names, weights, 1), 5)), num('x', normal(n, 0, 6))]);
  const cur = table([cat('k', withNulls(pick(n, names, weights, 2), 7)), num('x', normal(n, 0, 8))]);
  const r = multivariateDrift(ref, cur, ['k', 'x'], OPTIONS);
  assert.ok(r.domainClassifier && r.mmd, JSON.stringify(r));
  assert.equal(r.drifted, false, JSON.stringify(r));
  // The rare categories (not among the reference's top 31) now dominate the current side.
  const rare = table([cat('k', withNulls(pick(n, names, weights.map((w) => 51 - w), 3), 9)), num('x', normal(n, 0, 10))]);
  const d = multivariateDrift(ref, rare, ['k', 'x'], OPTIONS);
  assert.ok(d.domainClassifier?.drifted, JSON.stringify(d));
  assert.equal(d.domainClassifier.topFeatures[0].name, 'k');
});

test('too few rows, or no usable feature: null results and a note, never a throw', () => {
  const small = multivariateDrift(table(numeric(10, 0, 1)), table(numeric(300, 0, 2)), ['a', 'b'], OPTIONS);
  assert.equal(small.domainClassifier, null);
  assert.equal(small.mmd, null);
  assert.equal(small.drifted, false);
  assert.ok(small.notes.some((t) => t.includes('at least 20 rows')), small.notes.join(' | '));

  const none = multivariateDrift(table(numeric(100, 0, 1)), table(numeric(100, 0, 2)), ['zz'], OPTIONS);
  assert.deepEqual(none.features, []);
  assert.equal(none.domainClassifier, null);
  assert.equal(none.mmd, null);
  assert.ok(none.notes.some((t) => t.includes('No usable features')), none.notes.join(' | '));
  assert.ok(multivariateDrift(table([]), table([]), [], OPTIONS).notes.length > 0);

  // A column with no value in the reference sample is not a feature.
  const empty = multivariateDrift(table([num('e', new Array(50).fill(NaN)), cat('z', new Array(50).fill(null))]), table([num('e', normal(50, 0, 1)), cat('z', new Array(50).fill('a'))]), ['e', 'z'], OPTIONS);
  assert.deepEqual(empty.features, []);
  assert.ok(empty.notes.some((t) => t.includes('no values in the reference sample')), empty.notes.join(' | '));
});

test('missing numeric values: the classifier keeps the rows, MMD drops them (with a note); constant columns are fine', () => {
  const n = 300;
  const holes = (v: Float64Array, seed: number) => {
    const r = seededRandom(seed);
    return v.map((x) => (r() < 0.2 ? NaN : x));
  };
  const ref = table([num('a', holes(normal(n, 0, 1), 2)), num('k', new Float64Array(n).fill(7)), num('b', normal(n, 0, 3))]);
  const cur = table([num('a', holes(normal(n, 0, 4), 5)), num('k', new Float64Array(n).fill(7)), num('b', normal(n, 0, 6))]);
  const r = multivariateDrift(ref, cur, ['a', 'k', 'b'], OPTIONS);
  assert.ok(r.domainClassifier && r.mmd, JSON.stringify(r));
  assert.equal(r.drifted, false, JSON.stringify(r));
  assert.ok(r.notes.some((t) => /MMD dropped \d+ rows/.test(t)), r.notes.join(' | '));
  assert.ok(!r.domainClassifier.topFeatures.some((f) => f.name === 'k'));

  // A constant that moves (7 → 8) is drift: the reference's zero spread standardises by 1, not by 0.
  const moved = table([num('a', normal(n, 0, 4)), num('k', new Float64Array(n).fill(8))]);
  const m = multivariateDrift(table([num('a', normal(n, 0, 1)), num('k', new Float64Array(n).fill(7))]), moved, ['a', 'k'], OPTIONS);
  assert.ok(m.domainClassifier?.drifted && m.mmd?.drifted, JSON.stringify(m));
});

test(`timing: defaults (2000 rows per side, 200 permutations; MMD on ${MMD_MAX_ROWS}) on 10 numeric + 2 categorical features (report)`, (t) => {
  const n = 5000;
  const side = (rho: number, seed: number): Column[] => [
    ...numeric(n, rho, seed).map((c, i) => ({ ...c, name: `n${i}` })),
    ...numeric(n, 0.3, seed + 10).map((c, i) => ({ ...c, name: `n${3 + i}` })),
    ...[0, 1, 2, 3].map((i) => num(`n${6 + i}`, normal(n, 0, seed + 20 + i))),
    cat('color', pick(n, ['red', 'green', 'blue', 'cyan'], [4, 3, 2, 1], seed + 30)),
    cat('flag', pick(n, ['true', 'false'], [1, 1], seed + 31), 'boolean'),
  ];
  const ref = table(side(0.9, 100));
  const cur = table(side(-0.9, 200));
  const names = ref.columns.map((c) => c.name);
  const start = performance.now();
  const r = multivariateDrift(ref, cur, names, OPTIONS);
  const ms = performance.now() - start;
  assert.ok(r.domainClassifier?.drifted && r.mmd?.drifted);
  assert.equal(r.referenceRows, 2000);
  assert.ok(r.notes.some((x) => x.includes(`at most ${MMD_MAX_ROWS} rows per side (reference ${MMD_MAX_ROWS}, current ${MMD_MAX_ROWS})`)), r.notes.join(' | '));
  t.diagnostic(`multivariateDrift, 2×2000 rows, 12 features: ${ms.toFixed(0)} ms (AUC ${r.domainClassifier.auc.toFixed(3)}, MMD p ${r.mmd.pValue.toFixed(4)})`);
});
