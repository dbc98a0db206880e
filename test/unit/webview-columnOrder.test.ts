/**
 * The drift panel's column table order and filters (webview/columnOrder.ts), the loose restore of its saved view
 * state (webview/viewState.ts) and its number and date words (webview/format.ts): pure code, no DOM.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnResult } from '../../src/core/suite/report';
import { typeCounts, visibleColumns } from '../../webview/columnOrder';
import { formatDate, formatDuration, formatNumber, formatSpan } from '../../webview/format';
import { clearFilters, DEFAULT_VIEW, isFiltered, restoreView } from '../../webview/viewState';

function column(name: string, over: Partial<ColumnResult> = {}): ColumnResult {
  return {
    name,
    type: 'numeric',
    status: 'ok',
    test: 'ks',
    testKind: 'p_value',
    statistic: 0.1,
    pValue: 0.5,
    adjustedPValue: 0.5,
    threshold: 0.05,
    drifted: false,
    effectSize: 0.01,
    effectSizeMeasure: 'wasserstein',
    referenceNonNull: 10,
    currentNonNull: 10,
    findings: [],
    ...over,
  };
}

const columns = [
  column('b_age', { effectSize: 0.3, pValue: 0.001, drifted: true }),
  column('a_city', { type: 'categorical', effectSize: 0.05, pValue: 0.2 }),
  column('c_when', { type: 'datetime', status: 'unsupported', test: null, testKind: null, statistic: null, pValue: null, drifted: null, effectSize: null }),
  column('d_score', { test: 'psi', testKind: 'distance', pValue: null, effectSize: 0.5, drifted: true, major: true }),
  column('col10', { effectSize: 0.05 }),
  column('col9', { effectSize: 0.05 }),
];
const names = (cs: ColumnResult[]) => cs.map((c) => c.name);

test('report order is the default, and ties keep report order', () => {
  assert.deepEqual(names(visibleColumns(columns, DEFAULT_VIEW)), names(columns));
});

test('drift score sorts by effect size, missing scores last in both directions', () => {
  const desc = names(visibleColumns(columns, { ...DEFAULT_VIEW, sort: 'drift', descending: true }));
  assert.deepEqual(desc, ['d_score', 'b_age', 'a_city', 'col10', 'col9', 'c_when']);
  const asc = names(visibleColumns(columns, { ...DEFAULT_VIEW, sort: 'drift', descending: false }));
  assert.deepEqual(asc, ['a_city', 'col10', 'col9', 'b_age', 'd_score', 'c_when']);
});

test('p-value sort puts distances (no p-value) last', () => {
  const order = names(visibleColumns(columns, { ...DEFAULT_VIEW, sort: 'pValue' }));
  assert.deepEqual(order.slice(0, 2), ['b_age', 'a_city']);
  assert.deepEqual(order.slice(-2).sort(), ['c_when', 'd_score']);
});

test('name sort is natural (col9 before col10)', () => {
  const order = names(visibleColumns(columns, { ...DEFAULT_VIEW, sort: 'name' }));
  assert.deepEqual(order, ['a_city', 'b_age', 'c_when', 'col9', 'col10', 'd_score']);
});

test('filters: drifted only, types, and a case-insensitive name search combine', () => {
  assert.deepEqual(names(visibleColumns(columns, { ...DEFAULT_VIEW, driftedOnly: true })), ['b_age', 'd_score']);
  assert.deepEqual(names(visibleColumns(columns, { ...DEFAULT_VIEW, types: ['categorical', 'datetime'] })), ['a_city', 'c_when']);
  assert.deepEqual(names(visibleColumns(columns, { ...DEFAULT_VIEW, search: ' AGE ' })), ['b_age']);
  assert.deepEqual(names(visibleColumns(columns, { ...DEFAULT_VIEW, driftedOnly: true, search: 'city' })), []);
  assert.equal(typeCounts(columns).get('numeric'), 4);
});

test('a column whose type changed shows under either type', () => {
  const changed = [column('x', { type: 'numeric', currentType: 'categorical', status: 'type_mismatch' })];
  assert.equal(visibleColumns(changed, { ...DEFAULT_VIEW, types: ['categorical'] }).length, 1);
});

test('saved view state is restored loosely', () => {
  assert.deepEqual(restoreView(undefined), DEFAULT_VIEW);
  const odd = { sort: 'nonsense', descending: 'yes', types: ['numeric', 3], search: 42, selected: 'age', scrollTop: -5 } as never;
  assert.deepEqual(restoreView(odd), { ...DEFAULT_VIEW, types: ['numeric'], selected: 'age' });
  const view = { ...DEFAULT_VIEW, driftedOnly: true, search: 'x', sort: 'name' as const };
  assert.ok(isFiltered(view));
  assert.deepEqual(clearFilters(view), { ...DEFAULT_VIEW, sort: 'name' });
});

test('numbers, durations and dates', () => {
  assert.equal(formatNumber(1.5549e-28), '1.555e-28');
  assert.equal(formatNumber(0.02559713), '0.0256');
  assert.equal(formatDuration(132), '0.13 s');
  assert.equal(formatDuration(1234), '1.2 s');
  assert.equal(formatDuration(95_000), '1 min 35 s');
  assert.equal(formatDate(Date.UTC(2024, 0, 31)), '2024-01-31');
  assert.equal(formatDate(Date.UTC(2024, 0, 31, 13, 5)), '2024-01-31 13:05 UTC');
  assert.equal(formatSpan(3 * 86_400_000), '3 days');
  assert.equal(formatSpan(null), '—');
});
