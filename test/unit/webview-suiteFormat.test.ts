/**
 * The drift panel's suite overview words and choices (webview/suiteFormat.ts): severity labels, the worst
 * findings of a comparison, counts, suite detection (offline pages) and which suite result a report belongs to
 * (the way back after drilling down). Pure code, no DOM.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DriftReport } from '../../src/core/suite/report';
import type { SuiteColumnResult, SuiteComparisonResult, SuiteReport } from '../../src/core/suite/suiteTypes';
import {
  columnCountsText,
  datasetText,
  driftedText,
  errorText,
  findingCount,
  isSuiteReport,
  resultForReport,
  resultKey,
  resultLabel,
  suiteLabel,
  worstColumns,
} from '../../webview/suiteFormat';

function report(reference: string, current: string, createdAt: string, over: Partial<DriftReport> = {}): DriftReport {
  return {
    createdAt,
    reference: { path: reference },
    current: { path: current },
    driftedColumns: 2,
    judgedColumns: 5,
    datasetDrift: false,
    columns: [],
    ...over,
  } as unknown as DriftReport;
}

function col(name: string, severity: SuiteColumnResult['severity']): SuiteColumnResult {
  return { name, severity, message: `${severity} in "${name}"`, drifted: severity !== 'none', major: severity === 'error' };
}

function result(id: string, over: Partial<SuiteComparisonResult> = {}): SuiteComparisonResult {
  return {
    id,
    name: id,
    comparison: id,
    comparisonIndex: 0,
    referencePath: '/d/ref.csv',
    currentPath: `/d/${id}.csv`,
    severity: 'none',
    columns: [],
    durationMs: 10,
    report: report('/d/ref.csv', `/d/${id}.csv`, `2024-01-01T00:00:0${id.length}Z`),
    ...over,
  };
}

function suite(results: SuiteComparisonResult[]): SuiteReport {
  return {
    file: '/w/drift-suite.json',
    createdAt: '2024-01-02T00:00:00Z',
    durationMs: 100,
    results,
    counts: { comparisons: results.length, errored: 0, columns: { none: 0, info: 0, warning: 0, error: 0 } },
    severity: 'warning',
  };
}

test('a result without a report could not run, whatever its severity', () => {
  assert.equal(resultKey(result('a', { severity: 'warning' })), 'warning');
  const failed = result('b', { report: undefined, severity: 'error', error: { message: 'no such file', line: 3, column: 'age' } });
  assert.equal(resultKey(failed), 'failed');
  assert.equal(resultLabel('failed'), 'Could not run');
  assert.equal(resultLabel('none'), 'Passed');
  assert.equal(errorText(failed), 'no such file (line 3, column "age")');
  assert.equal(driftedText(failed), '—');
  assert.equal(datasetText(failed), '—');
  // Unknown words (another version's state) read as passed, not as a crash.
  assert.equal(resultKey(result('c', { severity: 'fatal' as never })), 'none');
  assert.equal(suiteLabel(suite([])), 'Warning');
});

test('worst findings: most severe first, report order within a severity, passed columns left out', () => {
  const r = result('a', { columns: [col('x', 'warning'), col('y', 'none'), col('z', 'error'), col('w', 'info'), col('v', 'warning')] });
  assert.deepEqual(worstColumns(r).map((c) => c.name), ['z', 'x', 'v']);
  assert.deepEqual(worstColumns(r, 5).map((c) => c.name), ['z', 'x', 'v', 'w']);
  assert.equal(findingCount(r), 4);
  assert.deepEqual(worstColumns(result('b')), []);
});

test('drifted and dataset words, column counts', () => {
  const r = result('a', { report: report('/r', '/c', 't', { driftedColumns: 3, judgedColumns: 8, datasetDrift: true }) });
  assert.equal(driftedText(r), '3 of 8');
  assert.equal(datasetText(r), 'Drift');
  assert.equal(columnCountsText({ none: 22, info: 1, warning: 6, error: 1 }), '1 error · 6 warnings · 1 info · 22 passed');
  assert.equal(columnCountsText({ none: 3, info: 0, warning: 0, error: 0 }), '3 passed');
  assert.equal(columnCountsText(undefined), '0 passed');
});

test('a SuiteReport is told from a DriftReport by its results array', () => {
  assert.equal(isSuiteReport(suite([])), true);
  assert.equal(isSuiteReport(report('/r', '/c', 't')), false);
  assert.equal(isSuiteReport({ results: 'no' }), false);
  assert.equal(isSuiteReport(null), false);
});

test('the suite result a report belongs to: same report, else the preferred one with the same files, else the first with them', () => {
  const a = result('a');
  const b = result('bb', { currentPath: '/d/a.csv', report: report('/d/ref.csv', '/d/a.csv', 'b-created') });
  const s = suite([a, b]);
  assert.equal(resultForReport(s, b.report!)?.id, 'bb');
  const rerun = report('/d/ref.csv', '/d/a.csv', 'later');
  assert.equal(resultForReport(s, rerun)?.id, 'a');
  assert.equal(resultForReport(s, rerun, 'bb')?.id, 'bb');
  assert.equal(resultForReport(s, report('/d/other.csv', '/d/a.csv', 'x')), null);
});
