/**
 * Reading a pair on two cores: the current file in a reader thread (the tsc build of src/worker/reader.ts here,
 * dist/reader.js in the bundles) while this thread reads the reference. The tables equal a sequential read's, the
 * thread's errors arrive as DataReadError with their file and line, a failing side stops the other, and cancelling
 * ends the thread.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { isShared } from '../../src/core/io/columnMemory';
import { readTableInThread, transferListOf } from '../../src/core/io/readerProtocol';
import { CancelledError, DataReadError } from '../../src/core/io/table';
import { pairTuning, readPair } from '../../src/core/suite/run';

// These fixtures are small: have every pair read with the thread, as large files are (one test below checks the rule).
const threadMinBytes = pairTuning.threadMinBytes;
pairTuning.threadMinBytes = 0;

const readerScript = join(__dirname, '..', '..', 'src', 'worker', 'reader.js');
const dir = mkdtempSync(join(tmpdir(), 'drift-pair-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const rows = (n: number, shift: number) => ['x,c', ...Array.from({ length: n }, (_, i) => `${(i % 97) + shift},${['a', 'b', 'c'][i % 3]}`)].join('\n') + '\n';
const reference = file('ref.csv', rows(5000, 0));
const current = file('cur.csv', rows(6000, 3));

test('the pair read on two threads equals the pair read on one, columns shared (no copy, nothing to transfer)', async () => {
  const sequential = await readPair(reference, current, { maxRows: 4000 });
  const parallel = await readPair(reference, current, { maxRows: 4000, readerScript });
  assert.deepEqual(parallel, sequential);
  assert.equal(parallel.current.sample?.rows, 4000, 'the thread samples with the same seed and cap');
  assert.ok(parallel.current.columns[0].type === 'numeric' && parallel.current.columns[0].values instanceof Float64Array);
  for (const c of parallel.current.columns) assert.ok(isShared('values' in c ? c.values : c.codes), `${c.name} on shared memory`);
  assert.equal(transferListOf(parallel.current).length, 0, 'shared buffers are not transferred');
  // A column some reader left on ordinary memory is transferred instead.
  const plain = { ...parallel.current, columns: [{ name: 'p', type: 'numeric' as const, values: new Float64Array(3), nullCount: 0 }] };
  assert.equal(transferListOf(plain).length, 1);
});

test('a bad current file fails as a DataReadError naming the file and line; the reference read stops', async () => {
  const ragged = file('ragged.csv', `${rows(3000, 0)}1,a,extra\n`);
  await assert.rejects(readPair(reference, ragged, { readerScript }), (err: unknown) => {
    assert.ok(err instanceof DataReadError, String(err));
    assert.equal(err.path, ragged);
    assert.equal(err.line, 3002);
    return true;
  });
  const missing = join(dir, 'missing.csv');
  await assert.rejects(readPair(missing, current, { readerScript }), (err: unknown) => err instanceof Error && !(err instanceof CancelledError) && err.message.includes('missing.csv'));
});

test('cancelling ends the reader thread with a CancelledError', async () => {
  const big = file('big.csv', rows(300_000, 1));
  let cancel = false;
  const pending = readTableInThread(readerScript, big, { isCancelled: () => cancel });
  setTimeout(() => (cancel = true), 20);
  await assert.rejects(pending, (err: unknown) => err instanceof CancelledError);
  await assert.rejects(readPair(big, big, { readerScript, isCancelled: () => true }), (err: unknown) => err instanceof CancelledError);
});

test('very long names: a 244-byte file name (the limit is 255) 12 folders deep reads like any other', async () => {
  let folder = dir;
  for (let i = 0; i < 12; i++) folder = join(folder, `${'nested-folder-'.repeat(5)}${i}`);
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${'é'.repeat(40)}${'x'.repeat(160)}.csv`);
  writeFileSync(path, rows(100, 0));
  assert.ok(path.length > 1000, `path of ${path.length} characters`);
  const { reference: a, current: b } = await readPair(path, path, { readerScript });
  assert.equal(a.rows, 100);
  assert.deepEqual(b, a);
});

test('a small current file is read in this thread (a thread costs more than it saves), a large one in the reader thread', async () => {
  const noScript = join(dir, 'no-such-reader.js');
  try {
    pairTuning.threadMinBytes = threadMinBytes;
    const small = await readPair(reference, current, { readerScript: noScript });
    assert.equal(small.current.rows, 6000, 'read without starting the (missing) reader script');
    pairTuning.threadMinBytes = 1000;
    await assert.rejects(readPair(reference, current, { readerScript: noScript }), /no-such-reader|Cannot find module/);
    // A Parquet file weighs a quarter of its bytes (the thread would also compile parquet-wasm): 24 KB is not enough.
    const parquet = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'data', 'duckdb-gzip.parquet');
    const bytes = statSync(parquet).size;
    pairTuning.threadMinBytes = bytes;
    assert.ok((await readPair(parquet, parquet, { readerScript: noScript })).current.rows > 0);
    pairTuning.threadMinBytes = bytes / 4;
    await assert.rejects(readPair(parquet, parquet, { readerScript: noScript }), /no-such-reader|Cannot find module/);
  } finally {
    pairTuning.threadMinBytes = 0;
  }
});
