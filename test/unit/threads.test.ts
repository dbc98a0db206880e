/**
 * Column tests on two threads (src/core/suite/threads.ts): the report equals the one-thread report, whatever share
 * the helper took, including when the helper cannot start; the split balances the numeric columns; small tables stay
 * on one thread. Uses the tsc build of the reader thread (src/worker/reader.ts).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareTables } from '../../src/core/suite/compare';
import type { DriftReport, SuiteOptions } from '../../src/core/suite/report';
import * as threads from '../../src/core/suite/threads';
import { compareTablesInThreads, helperShare, threadTuning } from '../../src/core/suite/threads';
import { cat, normal, num, table } from './support/tables';

const readerScript = join(__dirname, '..', '..', 'src', 'worker', 'reader.js');
const n = 20_000;
const colors = (seed: number) => Array.from({ length: n }, (_, i) => (['red', 'green', 'blue', null] as const)[(i * seed) % 4]);
const reference = table([num('a', normal(n, 0, 1)), num('b', normal(n, 5, 2)), cat('c', colors(1)), num('d', normal(n, 1, 3)), num('e', normal(n / 4, 0, 4))]);
const current = table([num('a', normal(n, 0.1, 5)), num('b', normal(n, 5, 6)), cat('c', colors(3)), num('d', normal(n, 1, 7)), num('e', normal(n / 4, 0.5, 8))]);

/** A report without the time it was made. */
const timeless = (r: DriftReport) => ({ ...r, createdAt: '' });

test('the report from two threads equals the one-thread report, settings and corrections included', async () => {
  const saved = threadTuning.minNumericValues;
  threadTuning.minNumericValues = 0;
  try {
    for (const options of <SuiteOptions[]>[{}, { correction: 'benjamini_hochberg' as const, testsByType: { numeric: { test: 'ks' as const } } }, { exclude: ['a'] }]) {
      const one = compareTables(reference, current, options);
      const two = await compareTablesInThreads(reference, current, options, readerScript);
      assert.deepEqual(timeless(two), timeless(one));
      assert.ok(threads.lastSplit?.answered && threads.lastSplit.helper.length >= 1, 'the helper tested its share');
    }
  } finally {
    threadTuning.minNumericValues = saved;
  }
});

test('a helper that cannot start leaves the whole comparison to this thread, with the same report', async () => {
  const saved = threadTuning.minNumericValues;
  threadTuning.minNumericValues = 0;
  try {
    const two = await compareTablesInThreads(reference, current, {}, join(__dirname, 'no-such-script.js'));
    assert.deepEqual(timeless(two), timeless(compareTables(reference, current)));
    assert.equal(threads.lastSplit?.answered, false);
  } finally {
    threadTuning.minNumericValues = saved;
  }
});

test('the helper gets about half the numeric values, never categorical columns; small tables stay on one thread', () => {
  const saved = threadTuning.minNumericValues;
  try {
    threadTuning.minNumericValues = 0;
    const share = helperShare(reference, current)!;
    assert.ok(!share.includes('c'));
    const size = (name: string) => n * (name === 'e' ? 0.5 : 2);
    const there = share.reduce((s, c) => s + size(c), 0);
    const all = ['a', 'b', 'd', 'e'].reduce((s, c) => s + size(c), 0);
    assert.ok(Math.abs(there - all / 2) <= n, `helper share ${share} holds ${there} of ${all} values`);
    threadTuning.minNumericValues = 10 * n;
    assert.equal(helperShare(reference, current), undefined, 'below the threshold: one thread');
    threadTuning.minNumericValues = 0;
    assert.equal(helperShare(table([num('a', [1, 2])]), table([num('a', [1, 3])])), undefined, 'one numeric column: nothing to split');
  } finally {
    threadTuning.minNumericValues = saved;
  }
});
