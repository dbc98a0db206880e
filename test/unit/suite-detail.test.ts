/**
 * What the panel's detail view and its per-column actions rest on: each side's summary in the report, every
 * fitting test for one column, one column compared again, and the offline HTML export.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { seededRandom } from '../../src/core/io/sample';
import { cat, normal, num, table } from './support/tables';
import { describeSorted, ksTwoSample, sortedFinite } from '../../src/core/stats';
import { columnTests } from '../../src/core/suite/columnTests';
import { compareTables, recompareColumn } from '../../src/core/suite/compare';
import { EMBEDDED_REPORT_ID, offlineHtml } from '../../src/core/suite/exportHtml';
import { TESTS } from '../../src/core/suite/registry';

const refX = normal(400, 0, 1);
const curX = normal(300, 0.3, 2);
curX[5] = NaN;
curX[6] = Infinity;
const colours = (n: number, seed: number, bias: number) => {
  const r = seededRandom(seed);
  return Array.from({ length: n }, (_, i) => (i % 50 === 0 ? null : r() < bias ? 'red' : r() < 0.5 ? 'green' : 'blue'));
};
const reference = table([num('x', refX), cat('colour', colours(400, 3, 0.3)), num('only_ref', normal(400, 0, 4))], '/data/ref.csv');
const current = table([num('x', curX), cat('colour', colours(300, 5, 0.6)), cat('only_cur', colours(300, 6, 0.5))], '/data/cur.csv');

test('report sides: missing values and quantiles per side, for one-sided columns too', () => {
  const report = compareTables(reference, current);
  const x = report.columns.find((c) => c.name === 'x')!;
  assert.equal(x.sides?.current?.rows, 300);
  assert.equal(x.sides?.current?.missing, 2, 'NaN and Infinity are missing for the tests');
  assert.equal(x.sides?.current?.missingShare, 2 / 300);
  const want = describeSorted(sortedFinite(curX));
  assert.equal(x.sides?.current?.describe?.median, want.median);
  assert.equal(x.sides?.current?.describe?.std, want.std);
  assert.equal(x.sides?.reference?.missing, 0);
  const colour = report.columns.find((c) => c.name === 'colour')!;
  assert.equal(colour.sides?.reference?.distinct, 3);
  assert.equal(colour.sides?.reference?.missing, 8);
  assert.equal(colour.sides?.reference?.describe, undefined);
  const onlyRef = report.columns.find((c) => c.name === 'only_ref')!;
  assert.ok(onlyRef.sides?.reference && !onlyRef.sides.current);
  const onlyCur = report.columns.find((c) => c.name === 'only_cur')!;
  assert.ok(onlyCur.sides?.current && !onlyCur.sides.reference);
  assert.doesNotThrow(() => JSON.parse(JSON.stringify(report)));
});

test('columnTests: every sample and binned test for a numeric column, with its value and the in-use mark', () => {
  const tests = columnTests(reference, current, 'x', 'ks');
  const ids = tests.map((t) => t.test);
  for (const id of ['ks', 'anderson', 'cramer_von_mises', 'mann_whitney', 'wasserstein', 'energy', 'jensen_shannon', 'psi', 'chi2'] as const) {
    assert.ok(ids.includes(id), `${id} missing from ${ids.join(', ')}`);
  }
  assert.ok(!ids.includes('z') && !ids.includes('fisher'), 'two-valued tests do not fit a continuous column');
  const ks = tests.find((t) => t.test === 'ks')!;
  assert.equal(ks.inUse, true);
  assert.equal(tests.filter((t) => t.inUse).length, 1);
  const direct = ksTwoSample(refX, sortedFinite(curX));
  assert.equal(ks.pValue, direct.pValue);
  assert.equal(ks.drifted, direct.pValue < 0.05);
  for (const t of tests) assert.equal(t.kind, TESTS[t.test].kind);
});

test('columnTests: categorical columns get counts tests only; a column on one side is refused with its name', () => {
  const ids = columnTests(reference, current, 'colour', 'chi2').map((t) => t.test);
  assert.ok(ids.includes('chi2') && ids.includes('jensen_shannon') && ids.includes('psi'));
  assert.ok(!ids.includes('ks'), 'KS needs numbers');
  assert.throws(() => columnTests(reference, current, 'only_ref', null), /only_ref/);
});

test('recompareColumn: only that column changes test; the dataset verdict is recounted', () => {
  const before = compareTables(reference, current);
  const after = recompareColumn(before, reference, current, 'x', { byColumn: { x: { test: 'wasserstein', threshold: 10 } } });
  const x = after.columns.find((c) => c.name === 'x')!;
  assert.equal(x.test, 'wasserstein');
  assert.equal(x.threshold, 10);
  assert.equal(x.drifted, false);
  assert.equal(x.choiceSource, 'column');
  assert.deepEqual(
    after.columns.filter((c) => c.name !== 'x'),
    before.columns.filter((c) => c.name !== 'x'),
  );
  const beforeX = before.columns.find((c) => c.name === 'x')!;
  assert.equal(beforeX.drifted, true, 'the shifted column drifts by the default test');
  assert.equal(after.driftedColumns, before.driftedColumns - 1);
  assert.equal(after.columns.findIndex((c) => c.name === 'x'), before.columns.findIndex((c) => c.name === 'x'));
  assert.throws(() => recompareColumn(before, reference, current, 'nope'), /nope/);
});

test('offlineHtml: the report is embedded as inert JSON; a hostile column name cannot close the script', () => {
  const hostile = '</script><img src=x onerror=alert(1)>';
  const t1 = table([num(hostile, normal(50, 0, 7))], '/data/a.csv');
  const t2 = table([num(hostile, normal(50, 1, 8))], '/data/b.csv');
  const report = compareTables(t1, t2);
  const html = offlineHtml(report, 'console.log("</script>")', { css: '--vscode-foreground: red" onload="x', bodyClass: 'vscode-light' });
  assert.ok(!html.includes('<img'), 'no markup from the data');
  assert.equal((html.match(/<\/script>/g) ?? []).length, 2, 'only our two script elements close');
  assert.ok(!html.includes('" onload="'), 'theme css stays inside its attribute');
  const json = html.slice(html.indexOf(`id="${EMBEDDED_REPORT_ID}">`) + `id="${EMBEDDED_REPORT_ID}">`.length, html.indexOf('</script>'));
  assert.equal(JSON.parse(json).columns[0].name, hostile);
  const nonce = /script-src 'nonce-([^']+)'/.exec(html)![1];
  assert.ok(html.includes(`<script nonce="${nonce}">`));
  assert.match(html, /default-src 'none'/);
});
