/** The data view's words (webview/dataView/dataViewFormat.ts): sizes, file facts, nulls, ranges and top values. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ColumnSummary, ProfileSchema } from '../../src/core/profile/profileTypes';
import { distributionText, fileFacts, formatBytes, missingText, nullsText, rangeText } from '../../webview/dataView/dataViewFormat';

const summary = (over: Partial<ColumnSummary>): ColumnSummary => ({ index: 0, name: 'x', type: 'numeric', rows: 100, missing: 0, distinct: 10, ...over });

test('formatBytes: B, KB, MB, GB with three significant digits', () => {
  assert.deepEqual([0, 1023, 1024, 3234, 13_493_022, 5 * 1024 ** 3].map(formatBytes), ['0 B', '1023 B', '1 KB', '3.16 KB', '12.9 MB', '5 GB']);
});

test('fileFacts: format, rows, columns, row groups, codecs, size and writer; text files without the Parquet facts', () => {
  const parquet: ProfileSchema = {
    path: '/d/f.parquet', format: 'parquet', bytes: 13_493_022, rows: 3_000_000, columns: Array(5).fill({ name: 'a', physicalType: 'INT64', logicalType: null, nulls: 0 }),
    rowGroups: [], rowGroupCount: 11, compression: ['ZSTD'], createdBy: 'Polars',
  };
  assert.deepEqual(fileFacts(parquet), ['Parquet', '3,000,000 rows', '5 columns', '11 row groups', 'ZSTD', '12.9 MB', 'Polars']);
  assert.deepEqual(fileFacts({ path: '/d/a.csv', format: 'csv', bytes: 10, rows: 1, columns: [] }), ['CSV', '1 row', '0 columns', '10 B']);
});

test('nulls and missing shares; unknown nulls as a dash', () => {
  assert.equal(nullsText(null, 10), '—');
  assert.equal(nullsText(0, 10), '0');
  assert.equal(nullsText(27, 300), '27 (9%)');
  assert.equal(missingText(summary({ missing: 25 })), '25%');
  assert.equal(missingText(summary({ rows: 0 })), '—');
});

test('rangeText: numbers, dates, top values with their share of present values', () => {
  assert.equal(rangeText(summary({ min: -1116, max: 1688 })), '-1116 … 1688');
  assert.equal(rangeText(summary({ type: 'datetime', min: Date.UTC(2001, 0, 1), max: Date.UTC(2001, 5, 30, 12) })), '2001-01-01 … 2001-06-30 12:00 UTC');
  assert.equal(rangeText(summary({ type: 'categorical', missing: 20, top: [{ value: 'ORD', count: 40 }, { value: 'DFW', count: 20 }] })), 'ORD 50%, DFW 25%');
  assert.equal(rangeText(summary({ type: 'text', top: [] })), '—');
  assert.match(distributionText(summary({ histogram: { edges: [0, 1, 2], counts: [1, 5] } })), /most values between 1 and 2/);
});
