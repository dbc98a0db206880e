import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cat, normal, num, table } from './support/tables';
import {
  andersonKSample,
  chiSquaredHomogeneity,
  histogramCounts,
  jensenShannonDistance,
  ksTwoSample,
  mannWhitneyU,
  normalizedWasserstein,
  populationStabilityIndex,
  quantileEdges,
  twoProportionZ,
} from '../../src/core/stats';
import { compareTables } from '../../src/core/suite/compare';
import { defaultTest } from '../../src/core/suite/choice';
import { adjustPValues } from '../../src/core/suite/corrections';
import { TESTS } from '../../src/core/suite/registry';
import { TEST_IDS } from '../../src/core/suite/report';

function assertClose(actual: number, expected: number): void {
  assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.abs(expected), `${actual} vs ${expected}`);
}

const repeat = (pattern: string[], n: number) => Array.from({ length: n }, (_, i) => pattern[i % pattern.length]);

test('default test choice follows Evidently', () => {
  assert.equal(defaultTest(1000, true, 6), 'ks');
  assert.equal(defaultTest(1000, true, 5), 'chi2');
  assert.equal(defaultTest(1000, true, 2), 'z');
  assert.equal(defaultTest(1000, false, 3), 'chi2');
  assert.equal(defaultTest(1000, false, 2), 'z');
  assert.equal(defaultTest(1001, true, 6), 'wasserstein');
  assert.equal(defaultTest(1001, true, 5), 'jensen_shannon');
  assert.equal(defaultTest(1001, false, 40), 'jensen_shannon');
});

test('small numeric columns use KS with the statistic and p-value of ksTwoSample', () => {
  const a = normal(300, 0, 1);
  const b = normal(250, 0.5, 2);
  const report = compareTables(table([num('x', a)]), table([num('x', b)]));
  const col = report.columns[0];
  const expected = ksTwoSample(a, b);
  assert.equal(col.test, 'ks');
  assert.equal(col.statistic, expected.statistic);
  assert.equal(col.pValue, expected.pValue);
  assert.equal(col.threshold, 0.05);
  assert.equal(col.drifted, expected.pValue < 0.05);
  assert.equal(col.drifted, true);
  assert.equal(col.chart?.kind, 'numeric');
});

test('large numeric columns use normalised Wasserstein and drift at >= 0.1', () => {
  const a = normal(2000, 0, 3);
  const shifted = normal(2000, 0.3, 4);
  const same = normal(2000, 0, 5);
  const report = compareTables(table([num('s', a), num('t', a)]), table([num('s', shifted), num('t', same)]));
  const [s, t] = report.columns;
  assert.equal(s.test, 'wasserstein');
  assert.equal(s.pValue, null);
  // The suite sorts once and uses the sorted variant: the same value up to summation order.
  assertClose(s.statistic!, normalizedWasserstein(a, shifted));
  assert.equal(s.drifted, true);
  assert.equal(t.drifted, false);
  assert.equal(report.driftedColumns, 1);
  assert.equal(report.judgedColumns, 2);
  assert.equal(report.driftShare, 0.5);
  assert.equal(report.datasetDrift, true, 'share 0.5 reaches the default dataset drift share 0.5');
});

test('categorical columns are counted over the union of both sides categories', () => {
  const ref = cat('c', [...repeat(['a', 'b', 'c'], 300), null]);
  const cur = cat('c', repeat(['c', 'd', 'b', 'b'], 200));
  const col = compareTables(table([ref]), table([cur])).columns[0];
  assert.equal(col.test, 'chi2');
  // union order: reference categories first, then new ones
  const expected = chiSquaredHomogeneity([100, 100, 100, 0], [0, 100, 50, 50]);
  assert.ok(Math.abs(col.statistic! - expected.statistic) < 1e-9);
  assert.equal(col.pValue, expected.pValue);
  assert.equal(col.referenceNonNull, 300);
  assert.equal(col.drifted, true);
  assert.deepEqual(col.chart?.kind === 'categorical' && [...col.chart.categories].sort(), ['a', 'b', 'c', 'd']);
});

test('two-valued columns use the two-proportion z-test', () => {
  const ref = cat('flag', repeat(['true', 'false'], 400), 'boolean');
  const cur = cat('flag', repeat(['true', 'true', 'true', 'false'], 400), 'boolean');
  const col = compareTables(table([ref]), table([cur])).columns[0];
  assert.equal(col.test, 'z');
  assert.equal(col.pValue, twoProportionZ(200, 400, 300, 400).pValue);
  assert.equal(col.drifted, true);
});

test('numeric columns with few values are tested as categories', () => {
  const col = compareTables(table([num('k', repeat(['1', '2', '3'], 90).map(Number))]), table([num('k', repeat(['1', '2', '3'], 60).map(Number))])).columns[0];
  assert.equal(col.test, 'chi2');
  assert.equal(col.drifted, false);
  assert.equal(col.pValue, 1);
});

test('missing and infinite values are left out, and an empty side is "not enough data"', () => {
  const col = compareTables(table([num('x', [1, NaN, Infinity, 2, 3, 4, 5, 6, 7])]), table([num('x', [1, 2, 3, 4, 5, 6, 8, -Infinity])])).columns[0];
  assert.equal(col.referenceNonNull, 7);
  assert.equal(col.currentNonNull, 7);
  const empty = compareTables(table([num('x', [1, 2, 3])]), table([num('x', [NaN, NaN])])).columns[0];
  assert.equal(empty.status, 'not_enough_data');
  assert.equal(empty.drifted, null);
  assert.ok(!JSON.stringify(empty).includes('NaN'));
});

test('columns on one side only and type changes are reported, not crashes', () => {
  const report = compareTables(
    table([num('a', [1, 2, 3]), num('b', [1, 2, 3])]),
    table([cat('b', ['x', 'y', 'z']), num('c', [1, 2, 3])]),
  );
  const byName = Object.fromEntries(report.columns.map((c) => [c.name, c]));
  assert.equal(byName.a.status, 'only_in_reference');
  assert.equal(byName.b.status, 'type_mismatch');
  assert.equal(byName.b.currentType, 'categorical');
  assert.equal(byName.c.status, 'only_in_current');
  assert.equal(byName.c.currentIndex, 1);
  assert.equal(report.judgedColumns, 0);
  assert.equal(report.datasetDrift, false);
});

test('thresholds can be overridden', () => {
  const a = normal(300, 0, 6);
  const b = normal(300, 0.2, 7);
  const p = ksTwoSample(a, b).pValue;
  const strict = compareTables(table([num('x', a)]), table([num('x', b)]), { pValueThreshold: p / 2 }).columns[0];
  const loose = compareTables(table([num('x', a)]), table([num('x', b)]), { pValueThreshold: p * 2 }).columns[0];
  assert.equal(strict.drifted, false);
  assert.equal(loose.drifted, true);
});

test('the report survives a JSON round trip unchanged', () => {
  const report = compareTables(table([num('x', normal(50, 0, 8)), cat('c', repeat(['a', 'b', 'c'], 50))]), table([num('x', normal(60, 1, 9)), cat('c', repeat(['a', 'c'], 60))]));
  assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
});

// ── overrides, corrections, effect sizes (every test in the registry) ─────────────────────────────

test('a per-type override picks the test; PSI bins at reference quantiles and flags major shifts', () => {
  const a = normal(3000, 0, 21);
  const b = normal(3000, 0.8, 22);
  const report = compareTables(table([num('x', a)]), table([num('x', b)]), { byType: { numeric: { test: 'psi' } } });
  const col = report.columns[0];
  const edges = quantileEdges(a, 10);
  const expected = populationStabilityIndex(shares(histogramCounts(a, edges)), shares(histogramCounts(b, edges)));
  assert.equal(col.test, 'psi');
  assert.equal(col.threshold, 0.1);
  assert.ok(Math.abs(col.statistic! - expected) <= 1e-12 * expected);
  assert.equal(col.drifted, true);
  assert.equal(col.major, expected >= 0.25);
  assert.equal(col.major, true, 'a shift of 0.8 sd is a major PSI shift');
  assert.equal(col.effectSizeMeasure, 'psi');
  assert.equal(col.effectSize, col.statistic);
});

test('a per-column override wins over the per-type one, and a threshold alone keeps the default test', () => {
  const a = normal(300, 0, 23);
  const b = normal(300, 0.3, 24);
  const report = compareTables(table([num('x', a), num('y', a)]), table([num('x', b), num('y', b)]), {
    byType: { numeric: { test: 'mann_whitney' } },
    byColumn: { x: { test: 'anderson', threshold: 0.01 }, y: { threshold: 1e-9 } },
  });
  const [x, y] = report.columns;
  assert.equal(x.test, 'anderson');
  assert.equal(x.threshold, 0.01);
  assert.equal(x.pValue, andersonKSample(a, b).pValue);
  assert.equal(y.test, 'mann_whitney');
  assert.equal(y.threshold, 1e-9);
  assert.equal(y.pValue, mannWhitneyU(a, b).pValue);
});

test('a test that does not fit the column is that column\'s error, not a crash', () => {
  const report = compareTables(
    table([cat('c', repeat(['a', 'b', 'c'], 90)), num('n', [1, 2, 3, 4, 5, 6, 7])]),
    table([cat('c', repeat(['a', 'b'], 90)), num('n', [1, 2, 3, 4, 5, 6, 8])]),
    { byColumn: { c: { test: 'ks' }, n: { test: 'fisher' } } },
  );
  const [c, n] = report.columns;
  assert.equal(c.status, 'error');
  assert.equal(c.drifted, null);
  assert.match(c.message!, /KS \(set by the column setting\) does not fit this column: it needs numeric values/);
  assert.equal(n.status, 'error');
  assert.match(n.message!, /needs two values and there are \d+/);
});

test('every registered test runs where it fits, never puts NaN in the report, and identical samples never drift', () => {
  const a = normal(400, 0, 25);
  const categories = cat('c', repeat(['a', 'b'], 400));
  for (const id of TEST_IDS) {
    const spec = TESTS[id];
    const numericFits = spec.input === 'samples' || !spec.twoValued;
    const column = numericFits ? num('x', a) : categories;
    const report = compareTables(table([column]), table([column]), { byColumn: { x: { test: id }, c: { test: id } } });
    const col = report.columns[0];
    assert.equal(col.status, 'ok', `${id}: ${col.message}`);
    assert.equal(col.test, id);
    assert.equal(col.drifted, false, `${id} on identical samples`);
    assert.ok(col.effectSize !== null && col.effectSize >= 0 && col.effectSize < 1e-9, `${id} effect size ${col.effectSize}`);
    assert.ok(!JSON.stringify(report).includes('NaN'));
  }
});

test('p-value tests carry a distance as effect size: Wasserstein for numbers, Jensen-Shannon for categories', () => {
  const a = normal(500, 0, 26);
  const b = normal(500, 0.4, 27);
  const report = compareTables(
    table([num('x', a), cat('c', repeat(['a', 'b', 'c'], 300))]),
    table([num('x', b), cat('c', repeat(['a', 'b', 'b', 'c'], 300))]),
  );
  const [x, c] = report.columns;
  assert.equal(x.test, 'ks');
  assert.equal(x.effectSizeMeasure, 'wasserstein');
  assertClose(x.effectSize!, normalizedWasserstein(a, b));
  assert.equal(c.test, 'chi2');
  assert.equal(c.effectSizeMeasure, 'jensen_shannon');
  assert.equal(c.effectSize, jensenShannonDistance([100, 100, 100], [75, 150, 75]));
});

test('missing values can count as a category of their own', () => {
  const ref = cat('c', [...repeat(['a', 'b'], 200), ...Array<null>(10).fill(null)]);
  const cur = cat('c', [...repeat(['a', 'b'], 160), ...Array<null>(50).fill(null)]);
  const plain = compareTables(table([ref]), table([cur])).columns[0];
  const withMissing = compareTables(table([ref]), table([cur]), { missingAsCategory: true, byColumn: { c: { test: 'chi2' } } }).columns[0];
  assert.equal(plain.test, 'z');
  assert.equal(plain.drifted, false, 'the a/b mix did not change');
  assert.equal(withMissing.pValue, chiSquaredHomogeneity([100, 100, 10], [80, 80, 50]).pValue);
  assert.equal(withMissing.drifted, true, 'the share of missing values did');
});

test('Bonferroni and Benjamini-Hochberg adjust p-values as defined', () => {
  const p = [0.01, 0.04, 0.03, 0.2, 0.001, 0.04];
  const m = p.length;
  assert.deepEqual(adjustPValues(p, 'none'), p);
  assert.deepEqual(adjustPValues(p, 'bonferroni'), p.map((x) => Math.min(1, x * m)));
  // BH by its definition: adjusted p_i = min over p_j >= p_i of p_j·m/rank(p_j), capped at 1.
  const sorted = [...p].sort((x, y) => x - y);
  const bh = p.map((pi) => Math.min(1, ...sorted.map((pj, j) => (pj >= pi ? (pj * m) / (j + 1) : Infinity))));
  adjustPValues(p, 'benjamini_hochberg').forEach((x, i) => assert.ok(Math.abs(x - bh[i]) < 1e-15, `${i}: ${x} vs ${bh[i]}`));
});

test('with a correction, verdicts use the adjusted p-values of all tested columns', () => {
  const a = normal(300, 0, 28);
  const b = normal(300, 0.2, 29);
  const c = normal(300, 0, 30);
  const columns = (x: Float64Array) => [num('x', x), num('y', a), num('z', a)];
  const plain = compareTables(table(columns(a)), table([num('x', b), num('y', c), num('z', c)]));
  const p = plain.columns[0].pValue!;
  assert.ok(p < 0.05 && p * 3 >= 0.05, `the case needs 0.05/3 <= p < 0.05 (p = ${p})`);
  assert.equal(plain.columns[0].drifted, true);
  const corrected = compareTables(table(columns(a)), table([num('x', b), num('y', c), num('z', c)]), { correction: 'bonferroni' });
  assert.equal(corrected.correction, 'bonferroni');
  assert.equal(corrected.columns[0].pValue, p);
  assert.equal(corrected.columns[0].adjustedPValue, Math.min(1, p * 3));
  assert.equal(corrected.columns[0].drifted, false);
});

function shares(counts: Float64Array): Float64Array {
  const n = counts.reduce((s, c) => s + c, 0);
  return counts.map((c) => c / n);
}

test('schema findings: new and vanished categories, missing-value share, type change, one-sided columns', () => {
  const ref = [cat('c', [...repeat(['a', 'b', 'c'], 100)]), num('n', [...Array(90).fill(1), ...Array(10).fill(NaN)]), num('t', [1, 2]), num('gone', [1])];
  const cur = [
    cat('c', [...repeat(['a', 'b', 'd', 'e'], 100)]),
    num('n', [...Array(70).fill(1), ...Array(30).fill(NaN)]),
    cat('t', ['x', 'y']),
    num('new', [1]),
  ];
  const byName = Object.fromEntries(compareTables(table(ref), table(cur)).columns.map((c) => [c.name, c.findings]));
  assert.deepEqual(byName.c, [
    { kind: 'new_categories', values: ['d', 'e'], count: 2 },
    { kind: 'vanished_categories', values: ['c'], count: 1 },
  ]);
  assert.deepEqual(byName.n, [{ kind: 'null_share_changed', reference: 0.1, current: 0.3 }]);
  assert.deepEqual(byName.t, [{ kind: 'type_changed', reference: 'numeric', current: 'categorical' }]);
  assert.deepEqual(byName.gone, [{ kind: 'only_in_reference' }]);
  assert.deepEqual(byName.new, [{ kind: 'only_in_current' }]);
  const small = compareTables(table([num('n', [1, 1, NaN])]), table([num('n', [1, 1, NaN])]), { nullShareChange: 0.01 }).columns[0];
  assert.deepEqual(small.findings, [], 'an unchanged share is no finding');
});
