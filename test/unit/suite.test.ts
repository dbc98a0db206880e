import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../src/core/io/sample';
import type { CodedColumn, Column, NumericColumn, Table } from '../../src/core/io/table';
import { chiSquaredHomogeneity, ksTwoSample, normalizedWasserstein, twoProportionZ } from '../../src/core/stats';
import { compareTables } from '../../src/core/suite/compare';
import { defaultTest } from '../../src/core/suite/choice';

function normal(n: number, mean: number, seed: number): Float64Array {
  const r = seededRandom(seed);
  return Float64Array.from({ length: n }, () => mean + Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r()));
}

function num(name: string, values: ArrayLike<number>): NumericColumn {
  const v = Float64Array.from(values);
  return { name, type: 'numeric', values: v, nullCount: v.filter((x) => Number.isNaN(x)).length };
}

function cat(name: string, values: (string | null)[], type: CodedColumn['type'] = 'categorical'): CodedColumn {
  const categories: string[] = [];
  const codes = Int32Array.from(values, (v) => {
    if (v === null) return -1;
    let i = categories.indexOf(v);
    if (i < 0) i = categories.push(v) - 1;
    return i;
  });
  return { name, type, codes, categories, nullCount: values.filter((v) => v === null).length };
}

function table(columns: Column[], path = '/data/x.csv'): Table {
  const rows = columns.length ? ('values' in columns[0] ? columns[0].values.length : columns[0].codes.length) : 0;
  return { path, format: 'csv', rows, totalRows: rows, columns, skipped: [] };
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
  assert.equal(s.statistic, normalizedWasserstein(a, shifted));
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
