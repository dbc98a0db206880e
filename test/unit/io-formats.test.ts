/**
 * Readers beyond plain UTF-8 CSV and Parquet: UTF-16 and CR-only CSV, null tokens, ragged-row skipping, renamed
 * columns, forced column types, Arrow IPC / Feather, JSON Lines, and files that change while being read.
 * Fixtures: test/fixtures/data (make-arrow.mjs, make-text.mjs write the binary ones; the .jsonl ones are by hand).
 */
import assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, test } from 'node:test';
import { DATA_EXTENSIONS, DATA_FILE_GLOB, formatOf } from '../../src/core/io/formats';
import { tuning } from '../../src/core/io/infer';
import { jsonlTuning } from '../../src/core/io/jsonl';
import { Lz4Error, lz4FrameDecode } from '../../src/core/io/lz4';
import { uniqueNames } from '../../src/core/io/names';
import { readTable } from '../../src/core/io/read';
import { CancelledError, DataReadError, isNumericColumn, type CodedColumn, type Column, type NumericColumn, type Table } from '../../src/core/io/table';

// Compiled to out/test/unit/io-formats.test.js; fixtures stay in the source tree.
const DATA = resolve(__dirname, '../../../test/fixtures/data');
const fixture = (name: string) => join(DATA, name);
const tmp = mkdtempSync(join(tmpdir(), 'drift-io-formats-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function col(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  assert.ok(c, `no column "${name}" in ${table.columns.map((x) => x.name).join(', ')}`);
  return c;
}

function numeric(table: Table, name: string): NumericColumn {
  const c = col(table, name);
  assert.ok(isNumericColumn(c), `"${name}" is ${c.type}, expected numeric or datetime`);
  return c;
}

function coded(table: Table, name: string): CodedColumn {
  const c = col(table, name);
  assert.ok(!isNumericColumn(c), `"${name}" is ${c.type}, expected a coded column`);
  return c;
}

function numbers(table: Table, name: string): (number | null)[] {
  return Array.from(numeric(table, name).values, (v) => (Number.isNaN(v) ? null : v));
}

function strings(table: Table, name: string): (string | null)[] {
  const c = coded(table, name);
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}

function types(table: Table): Record<string, string> {
  return Object.fromEntries(table.columns.map((c) => [c.name, c.type]));
}

async function rejectsWith(promise: Promise<unknown>, check: (err: DataReadError) => void): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DataReadError, `expected a DataReadError, got ${String(err)}`);
    check(err);
    return true;
  });
}

// ── formats ──────────────────────────────────────────────────────────────────────────────────────────────────

test('formats: new extensions in any case; the glob lists every extension in both cases', () => {
  const cases: [string, string][] = [
    ['a.arrow', 'arrow'],
    ['b.FEATHER', 'arrow'],
    ['c.jsonl', 'jsonl'],
    ['d.NDJSON', 'jsonl'],
    ['e.csv', 'csv'],
    ['f.Parquet', 'parquet'],
    ['g.parq', 'parquet'],
    ['h.PARQ', 'parquet'],
  ];
  for (const [path, format] of cases) assert.equal(formatOf(path), format, path);
  for (const path of ['a.json', 'a.arrows', 'a.feather.gz', 'jsonl']) assert.equal(formatOf(path), undefined, path);
  const globbed = /\{(.*)\}/.exec(DATA_FILE_GLOB)![1].split(',');
  assert.deepEqual(new Set(globbed), new Set(Object.keys(DATA_EXTENSIONS).flatMap((e) => [e, e.toUpperCase()])));
});

// ── CSV: encodings and line ends ─────────────────────────────────────────────────────────────────────────────

test('CSV/TSV: UTF-16 LE and BE with a BOM are decoded (accents, CJK, surrogate pairs, quoted CRLF)', async () => {
  for (const file of ['utf16le.csv', 'utf16be.tsv']) {
    const t = await readTable(fixture(file));
    assert.deepEqual(t.columns.map((c) => c.name), ['name', 'city', 'n'], file);
    assert.deepEqual(strings(t, 'name'), ['zoë', '日本, 東京', '😀 ok', null], file);
    assert.deepEqual(strings(t, 'city'), ['Zürich', 'two\r\nlines', 'Lima', 'Oslo'], file);
    assert.deepEqual(numbers(t, 'n'), [1, 2.5, -3, null], file);
  }
  // The raw bytes really are UTF-16 (a NUL in every ASCII character).
  assert.deepEqual([...readFileSync(fixture('utf16le.csv')).subarray(0, 4)], [0xff, 0xfe, 0x6e, 0x00]);
  assert.deepEqual([...readFileSync(fixture('utf16be.tsv')).subarray(0, 4)], [0xfe, 0xff, 0x00, 0x6e]);
});

test('CSV: UTF-16 characters split across read chunks decode intact, with line numbers in errors', async () => {
  // 64 KiB chunks split the 2-byte units and surrogate pairs at odd places over ~40 chunks.
  const lines = ['id,word'];
  for (let i = 0; i < 60_000; i++) lines.push(`${i},${i % 3 === 0 ? '😀x' : i % 3 === 1 ? 'é' : '日本'}`);
  for (const be of [false, true]) {
    const bytes = Buffer.from(`\uFEFF${lines.join('\n')}\n`, 'utf16le');
    if (be) bytes.swap16();
    const path = join(tmp, `big-utf16${be ? 'be' : 'le'}.csv`);
    writeFileSync(path, bytes);
    const t = await readTable(path);
    assert.equal(t.rows, 60_000);
    assert.deepEqual(coded(t, 'word').categories, ['é', '日本', '😀x']);
    const words = strings(t, 'word');
    assert.ok(words.every((w, i) => w === (i % 3 === 0 ? '😀x' : i % 3 === 1 ? 'é' : '日本')));
    // A ragged row late in the file: the second pass decodes UTF-16 too.
    const ragged = Buffer.from(`\uFEFF${lines.join('\n')}\n1,2,3\n`, 'utf16le');
    if (be) ragged.swap16();
    writeFileSync(path, ragged);
    await rejectsWith(readTable(path), (err) => assert.equal(err.line, 60_002));
  }
});

test('CSV: CR-only line ends, also inside a quoted field and in line numbers of ragged rows', async () => {
  const t = await readTable(fixture('cr.csv'));
  assert.deepEqual(t.columns.map((c) => c.name), ['a', 'b', 'c']);
  assert.deepEqual(numbers(t, 'a'), [1, 2, 3]);
  assert.deepEqual(strings(t, 'b'), ['x', 'y\rz', 'w']);
  assert.deepEqual(strings(t, 'c'), ['true', 'false', null]);
  await rejectsWith(readTable(fixture('ragged-cr.csv')), (err) => {
    assert.equal(err.line, 4); // row 1 spans lines 2-3 (a quoted CR)
    assert.match(err.message, /line 4 has 3 fields but the header has 2/);
  });
  // Many chunks of CR-only lines.
  const big = join(tmp, 'big-cr.csv');
  const rows = ['n,s'];
  for (let i = 0; i < 50_000; i++) rows.push(`${i},s${i % 7}`);
  writeFileSync(big, rows.join('\r') + '\r');
  const b = await readTable(big);
  assert.equal(b.rows, 50_000);
  assert.equal(numbers(b, 'n')[49_999], 49_999);
  assert.equal(coded(b, 's').categories.length, 7);
});

// ── CSV: null tokens, ragged rows, renamed columns ───────────────────────────────────────────────────────────

test('CSV: nullTokens replaces the default missing-value list; the empty cell stays missing', async () => {
  const d = await readTable(fixture('nulls-custom.csv'));
  assert.deepEqual(strings(d, 'region'), [null, 'EU', null, '?']); // "NA" is a default token
  assert.deepEqual(numbers(d, 'value'), [1, -999, 3, 4.5]);
  assert.deepEqual(strings(d, 'note'), ['ok', '?', null, 'fine']);

  const t = await readTable(fixture('nulls-custom.csv'), { nullTokens: ['?', '-999'] });
  assert.deepEqual(strings(t, 'region'), ['NA', 'EU', 'NA', null]); // North America, not missing
  assert.equal(coded(t, 'region').nullCount, 1);
  assert.deepEqual(numbers(t, 'value'), [1, null, 3, 4.5]);
  assert.deepEqual(strings(t, 'note'), ['ok', null, null, 'fine']);

  // A numeric token still counts once the column holds its values as numbers (past the dictionary limit).
  const limit = tuning.dictionaryLimit;
  tuning.dictionaryLimit = 4;
  try {
    const path = join(tmp, 'sentinel.csv');
    writeFileSync(path, `v\n${[1, 2, 3, 4, 5, 6, -999, 7, ' -999 '].join('\n')}\n`);
    const s = await readTable(path, { nullTokens: ['-999'] });
    assert.deepEqual(numbers(s, 'v'), [1, 2, 3, 4, 5, 6, null, 7, null]);
  } finally {
    tuning.dictionaryLimit = limit;
  }
});

test("CSV: raggedRows 'skip' drops rows of the wrong field count, counts them and names their first lines", async () => {
  await rejectsWith(readTable(fixture('ragged-skip.csv')), (err) => {
    assert.equal(err.line, 3);
    assert.match(err.message, /line 3 has 2 fields but the header has 3/);
  });
  const t = await readTable(fixture('ragged-skip.csv'), { raggedRows: 'skip' });
  assert.equal(t.rows, 4);
  assert.equal(t.totalRows, 4);
  assert.deepEqual(numbers(t, 'a'), [1, 3, 5, 7]);
  assert.deepEqual(strings(t, 'b'), ['x', 'z', 'w', 'u']);
  assert.equal(col(t, 'c').type, 'boolean');
  assert.equal(t.skippedRows, 3);
  assert.deepEqual(t.skippedRowLines, [3, 5, 8]); // the quoted line break makes row 4 start on line 5
  // No skipped rows: no fields.
  const clean = await readTable(fixture('quoted.csv'), { raggedRows: 'skip' });
  assert.equal(clean.skippedRows, undefined);
  assert.equal(clean.skippedRowLines, undefined);

  // Many: all counted, the first 10 lines named; sampling sees only the good rows.
  const path = join(tmp, 'many-ragged.csv');
  const lines = ['x,y'];
  for (let i = 0; i < 1000; i++) lines.push(i % 40 === 7 ? `${i}` : `${i},${i % 2}`);
  writeFileSync(path, lines.join('\n') + '\n');
  const m = await readTable(path, { raggedRows: 'skip', maxRows: 100 });
  assert.equal(m.skippedRows, 25);
  assert.deepEqual(m.skippedRowLines, [9, 49, 89, 129, 169, 209, 249, 289, 329, 369]);
  assert.equal(m.totalRows, 975);
  assert.equal(m.rows, 100);
  assert.ok((numbers(m, 'x') as number[]).every((x) => x % 40 !== 7));
});

test("CSV: raggedRows 'skip' and the dictionary fallback's second pass agree on which row is which", async () => {
  const limit = tuning.dictionaryLimit;
  tuning.dictionaryLimit = 8; // v switches to a Float64Array, then meets "word": its rows are re-read
  try {
    const path = join(tmp, 'ragged-fallback.csv');
    const lines = ['id,v'];
    for (let i = 0; i < 60; i++) {
      if (i % 7 === 3) lines.push(`${i},1,2`); // ragged: skipped
      lines.push(`${i},${i === 50 ? 'word' : `${i}.50`}`);
    }
    writeFileSync(path, lines.join('\n') + '\n');
    for (const maxRows of [undefined, 20]) {
      const t = await readTable(path, { raggedRows: 'skip', maxRows });
      assert.equal(t.skippedRows, 9);
      const ids = numbers(t, 'id') as number[];
      assert.equal(ids.length, maxRows ?? 60);
      assert.deepEqual(strings(t, 'v'), ids.map((i) => (i === 50 ? 'word' : `${i}.50`))); // "3.50", not "3.5"
    }
  } finally {
    tuning.dictionaryLimit = limit;
  }
});

test('CSV: empty and duplicate header names are reported as renamed', async () => {
  assert.deepEqual(uniqueNames(['a', '', 'a', ' b ']), ['a', 'column_2', 'a_2', 'b']);
  const t = await readTable(fixture('headers.csv'));
  assert.deepEqual(t.columns.map((c) => c.name), ['a', 'column_2', 'a_2', 'b', 'a_3', 'column_6']);
  assert.deepEqual(t.renamedColumns, [
    { from: '', to: 'column_2' },
    { from: 'a', to: 'a_2' },
    { from: 'a', to: 'a_3' },
    { from: ' ', to: 'column_6' },
  ]);
  const plain = await readTable(fixture('quoted.csv'));
  assert.equal(plain.renamedColumns, undefined);
});

// ── forced column types ──────────────────────────────────────────────────────────────────────────────────────

test('CSV: columnTypes forces categorical (exact text), text, boolean (true/false, 1/0) and datetime', async () => {
  const d = await readTable(fixture('forced.csv'));
  assert.deepEqual(types(d), { id: 'numeric', zip: 'numeric', amount: 'numeric', when: 'datetime', flag: 'categorical', label: 'categorical' });

  const t = await readTable(fixture('forced.csv'), {
    columnTypes: { id: 'categorical', zip: 'categorical', amount: 'text', flag: 'boolean', when: 'datetime', nope: 'numeric' },
  });
  assert.deepEqual(types(t), { id: 'categorical', zip: 'categorical', amount: 'text', when: 'datetime', flag: 'boolean', label: 'categorical' });
  assert.deepEqual(coded(t, 'id').categories, ['1', '2', '3', '4']);
  assert.deepEqual(strings(t, 'zip'), ['00501', '10001', '02134', '90210']); // leading zeros kept
  assert.deepEqual(coded(t, 'zip').categories, ['00501', '02134', '10001', '90210']);
  assert.deepEqual(strings(t, 'amount'), ['12.50', '7', null, '3.0']); // text as written; NA still missing
  assert.deepEqual(coded(t, 'amount').categories, ['12.50', '7', '3.0']); // free text keeps first-seen order
  assert.deepEqual(strings(t, 'flag'), ['true', 'false', 'true', 'false']);
  assert.deepEqual(numbers(t, 'when'), [Date.UTC(2024, 0, 15), Date.UTC(2024, 0, 16, 10, 30), null, Date.UTC(2024, 1, 29)]);

  // Numeric forced on a column already numeric is a no-op; with sampling too.
  const s = await readTable(fixture('forced.csv'), { columnTypes: { amount: 'numeric', zip: 'categorical' }, maxRows: 2, seed: 5 });
  assert.equal(s.rows, 2);
  const amounts = new Map([['00501', 12.5], ['10001', 7], ['02134', null], ['90210', 3]]);
  assert.deepEqual(numbers(s, 'amount'), strings(s, 'zip').map((z) => amounts.get(z!)));
});

test('CSV: forcing numeric/datetime/boolean on other text fails naming the column, value and line', async () => {
  await rejectsWith(readTable(fixture('forced.csv'), { columnTypes: { label: 'numeric' } }), (err) => {
    assert.equal(err.message, 'forced.csv: line 4: column "label" is set to numeric, but "abc" is not a number');
    assert.equal(err.line, 4);
    assert.equal(err.column, 'label');
  });
  await rejectsWith(readTable(fixture('forced.csv'), { columnTypes: { zip: 'datetime' } }), (err) => {
    assert.match(err.message, /line 2: column "zip" is set to datetime, but "00501" is not an ISO 8601 date/);
  });
  await rejectsWith(readTable(fixture('forced.csv'), { columnTypes: { id: 'boolean' } }), (err) => {
    assert.match(err.message, /line 3: column "id" is set to boolean, but "2" is not true\/false or 1\/0/);
  });
  // Lines count quoted line breaks; a bad value in a row the sample drops still fails.
  const path = join(tmp, 'late-bad.csv');
  const lines = ['k,v,note', '0,0,"two\nlines"'];
  for (let i = 1; i < 2000; i++) lines.push(`${i},${i === 1500 ? 'oops' : i},n`);
  writeFileSync(path, lines.join('\n') + '\n');
  for (const maxRows of [undefined, 10]) {
    const ok = await readTable(path, { columnTypes: { k: 'numeric', v: 'categorical' }, maxRows });
    assert.equal(ok.rows, maxRows ?? 2000);
    await rejectsWith(readTable(path, { columnTypes: { v: 'numeric' }, maxRows }), (err) => {
      assert.equal(err.line, 1503);
      assert.match(err.message, /line 1503: column "v" is set to numeric, but "oops" is not a number/);
    });
  }
  await rejectsWith(readTable(fixture('forced.csv'), { columnTypes: { id: 'number' as never } }), (err) => {
    assert.match(err.message, /forced\.csv: column type of "id": "number" is not one of numeric, categorical, boolean, datetime, text/);
  });
});

test('Parquet: columnTypes turns numbers (64-bit exactly), booleans and datetimes into categories; strings into numbers', async () => {
  const expected = JSON.parse(readFileSync(fixture('parquet-expected.json'), 'utf8')) as { columns: Record<string, unknown[]> };
  const t = await readTable(fixture('table-snappy.parquet'), {
    columnTypes: { id: 'categorical', big: 'categorical', flag: 'text', day: 'categorical', city: 'text', x: 'categorical' },
  });
  assert.equal(col(t, 'id').type, 'categorical');
  assert.deepEqual(strings(t, 'id'), expected.columns.id.map(String));
  assert.deepEqual(strings(t, 'big'), expected.columns.big.map((v) => BigInt(v as number).toString()));
  assert.equal(strings(t, 'big')[0], '-18518518351950'); // (0 - 150) * 123456789013
  assert.equal(col(t, 'flag').type, 'text');
  assert.deepEqual(strings(t, 'flag'), expected.columns.flag.map((v) => (v === null ? null : String(v))));
  assert.deepEqual(strings(t, 'day').slice(0, 2), ['2023-09-23', '2023-09-24']);
  assert.equal(col(t, 'city').type, 'text');
  assert.deepEqual(strings(t, 'x'), expected.columns.x.map((v) => (v === null ? null : String(v))));
  assert.equal(col(t, 'name').type, 'categorical'); // not forced: as before

  await rejectsWith(readTable(fixture('table-snappy.parquet'), { columnTypes: { name: 'numeric' } }), (err) => {
    assert.equal(err.message, 'table-snappy.parquet: row 1: column "name" is set to numeric, but "alpha" is not a number');
    assert.equal(err.column, 'name');
  });
  await rejectsWith(readTable(fixture('table-snappy.parquet'), { columnTypes: { ts: 'numeric' } }), (err) => {
    assert.match(err.message, /column "ts" \(Timestamp<MICROSECOND>\) cannot be set to numeric; it can be set to categorical or text/);
  });
});

// ── Arrow IPC / Feather ──────────────────────────────────────────────────────────────────────────────────────

interface ArrowExpected {
  rows: number;
  batches: number;
  types: Record<string, string>;
  skipped: string[];
  columns: Record<string, (number | string | boolean | null)[]>;
}
const arrowExpected = JSON.parse(readFileSync(fixture('arrow-expected.json'), 'utf8')) as ArrowExpected;

function checkArrow(t: Table, rowsOfFile: number[]): void {
  assert.deepEqual(types(t), arrowExpected.types);
  assert.deepEqual(t.skipped.map((s) => s.name), arrowExpected.skipped);
  assert.match(t.skipped[0].reason, /nested/);
  assert.deepEqual(t.renamedColumns, [
    { from: '', to: 'column_9' },
    { from: ' id ', to: 'id_2' },
  ]);
  const want = (name: string) => rowsOfFile.map((i) => arrowExpected.columns[name][i]);
  for (const name of ['id', 'x', 'ts', 'day', 'column_9']) assert.deepEqual(numbers(t, name), want(name), name);
  // 64-bit ints: as numbers (rounded past 2^53), as the writer's exact values when forced (below).
  assert.deepEqual(numbers(t, 'big'), want('big').map(Number));
  for (const name of ['code', 'city', 'id_2']) assert.deepEqual(strings(t, name), want(name), name);
  assert.deepEqual(strings(t, 'flag'), want('flag').map((v) => (v === null ? null : String(v))));
  assert.equal(numeric(t, 'x').nullCount, want('x').filter((v) => v === null).length);
}

test('Arrow: IPC file, IPC stream and Feather v2 read back what the fixture script wrote', async () => {
  const all = Array.from({ length: arrowExpected.rows }, (_, i) => i);
  for (const file of ['table.arrow', 'table-stream.arrow', 'table.feather']) {
    const progress: number[] = [];
    const t = await readTable(fixture(file), { onProgress: (done, total) => progress.push(done / total) });
    assert.equal(t.format, 'arrow', file);
    assert.equal(t.rows, arrowExpected.rows);
    assert.equal(t.totalRows, arrowExpected.rows);
    assert.equal(t.sample, undefined);
    checkArrow(t, all);
    assert.ok(progress.length >= arrowExpected.batches, `${file}: progress per batch`);
    assert.ok(progress.every((f, i) => f <= 1 && (i === 0 || f >= progress[i - 1])));
    assert.equal(progress[progress.length - 1], 1);
  }
  assert.equal(readFileSync(fixture('table.arrow')).toString('latin1', 0, 6), 'ARROW1');
  assert.notEqual(readFileSync(fixture('table-stream.arrow')).toString('latin1', 0, 6), 'ARROW1');
});

test('Arrow: LZ4-compressed buffers (pyarrow\'s Feather default) are decompressed; ZSTD is refused with advice', async () => {
  const t = await readTable(fixture('table-lz4.feather'));
  assert.equal(t.rows, arrowExpected.rows);
  checkArrow(t, Array.from({ length: arrowExpected.rows }, (_, i) => i));
  // Buffers of more than one 64 KiB block, each depending on the one before, with block checksums.
  const w = await readTable(fixture('wide-lz4.arrow'));
  assert.equal(w.rows, 30_000);
  assert.deepEqual(numbers(w, 'v'), Array.from({ length: 30_000 }, (_, i) => (i % 1000) / 2));
  assert.deepEqual(strings(w, 's'), Array.from({ length: 30_000 }, (_, i) => `w${i % 777}`));
  await rejectsWith(readTable(fixture('table-zstd.feather')), (err) => {
    assert.match(err.message, /^table-zstd\.feather: is compressed with ZSTD, which is not supported; re-save it with LZ4 or uncompressed/);
  });
});

test('lz4FrameDecode: literals, overlapping and long matches, stored blocks, content size, skippable frames, damage', () => {
  const frame = (flags: number, blocks: number[][], extra: number[] = []) =>
    Uint8Array.from([0x04, 0x22, 0x4d, 0x18, flags, 0x40, ...extra, 0x00, ...blocks.flat(), 0, 0, 0, 0]);
  const sized = (bytes: number[], stored = false) => {
    const n = bytes.length | (stored ? 0x80000000 : 0);
    return [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24, ...bytes];
  };
  const text = (u: Uint8Array) => Buffer.from(u).toString('latin1');
  const abc = [...Buffer.from('abc')];
  // "abc", then a 9-byte match at offset 3 (overlapping its own output), then a literal-only last sequence.
  const block = [0x35, ...abc, 3, 0, 0x10, 0x78];
  assert.equal(text(lz4FrameDecode(frame(0x60, [sized(block)]))), 'abcabcabcabcx');
  // 20 literals (15 + 5 in an extra byte), then a 4 + 15 + 255 + 3 = 277-byte match of the last byte.
  const lits = [...Buffer.from('0123456789abcdefghij')];
  const long = [0xff, 5, ...lits, 1, 0, 255, 3, 0x10, 0x21];
  assert.equal(text(lz4FrameDecode(frame(0x60, [sized(long)]))), `0123456789abcdefghi${'j'.repeat(278)}!`);
  // A stored block, a content size and a content checksum (skipped), a skippable frame before the next frame.
  const stored = frame(0x4c, [sized([...Buffer.from('raw')], true)], [3, 0, 0, 0, 0, 0, 0, 0]);
  const withChecksum = Uint8Array.from([...stored.subarray(0, stored.length), 9, 9, 9, 9]);
  const skippable = [0x5a, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 7, 7];
  const both = Uint8Array.from([...withChecksum, ...skippable, ...frame(0x60, [sized(block)])]);
  assert.equal(text(lz4FrameDecode(both)), 'rawabcabcabcabcx');
  // Matches reach back into an earlier block of the same frame (dependent blocks).
  assert.equal(text(lz4FrameDecode(frame(0x40, [sized([0x30, ...abc]), sized([0x05, 3, 0, 0x10, 0x21])]))), 'abcabcabcabc!');
  assert.equal(lz4FrameDecode(new Uint8Array(0)).length, 0);

  assert.throws(() => lz4FrameDecode(Uint8Array.from([1, 2, 3, 4, 5])), /LZ4: not an LZ4 frame/);
  assert.throws(() => lz4FrameDecode(frame(0x60, [sized([0x35, ...abc, 9, 0])])), /match offset out of range/);
  assert.throws(() => lz4FrameDecode(frame(0x60, [sized([0x50, ...abc])])), /literals run past the block/);
  assert.throws(() => lz4FrameDecode(frame(0x60, [sized(block)]).subarray(0, 12)), Lz4Error);
  assert.throws(() => lz4FrameDecode(frame(0x80, [])), /unsupported frame version/);
});

test('Arrow: sampling keeps maxRows rows (reservoir), the same rows in every column, deterministic', async () => {
  const t = await readTable(fixture('table.arrow'), { maxRows: 30 });
  assert.equal(t.rows, 30);
  assert.equal(t.totalRows, 200);
  assert.deepEqual(t.sample, { rows: 30, seed: 42 });
  const ids = numbers(t, 'id') as number[];
  assert.equal(new Set(ids).size, 30);
  assert.ok(ids.some((i) => i >= 150), 'the sample reaches into the last batch');
  checkArrow(t, ids);
  const again = await readTable(fixture('table-stream.arrow'), { maxRows: 30 });
  assert.deepEqual(numbers(again, 'id'), ids);
  const forced = await readTable(fixture('table.arrow'), { maxRows: 30, columnTypes: { big: 'categorical' } });
  assert.deepEqual(strings(forced, 'big'), (numbers(forced, 'id') as number[]).map((i) => arrowExpected.columns.big[i]));
});

test('Arrow: columnTypes (exact 64-bit ints, ISO datetimes, strings to numbers) and its errors', async () => {
  const t = await readTable(fixture('table.feather'), {
    columnTypes: { big: 'categorical', id: 'text', ts: 'categorical', day: 'text', flag: 'categorical', code: 'numeric' },
  });
  assert.deepEqual(strings(t, 'big'), arrowExpected.columns.big); // exact: "-1000000000000000100", not rounded
  assert.equal(col(t, 'id').type, 'text');
  assert.deepEqual(strings(t, 'id'), arrowExpected.columns.id.map(String));
  assert.deepEqual(strings(t, 'ts').slice(0, 3), [null, '2024-01-01T01:00:00.000Z', '2024-01-01T02:00:00.000Z']);
  assert.deepEqual(strings(t, 'day').slice(0, 2), ['2023-09-23', '2023-09-24']);
  assert.deepEqual(strings(t, 'flag'), arrowExpected.columns.flag.map((v) => (v === null ? null : String(v))));
  assert.deepEqual(numbers(t, 'code'), arrowExpected.columns.code.map((v) => (v === null ? null : Number(v))));

  await rejectsWith(readTable(fixture('table.arrow'), { columnTypes: { city: 'numeric' } }), (err) => {
    assert.equal(err.message, 'table.arrow: row 1: column "city" is set to numeric, but "Paris" is not a number');
  });
  await rejectsWith(readTable(fixture('table.arrow'), { columnTypes: { flag: 'numeric' } }), (err) => {
    assert.match(err.message, /column "flag" \(Bool\) cannot be set to numeric/);
  });
  await rejectsWith(readTable(fixture('table.arrow'), { columnTypes: { id_2: 'boolean' } }), (err) => {
    assert.match(err.message, /row 1: column "id_2" is set to boolean, but "d0" is not true\/false or 1\/0/);
  });
  // A bad value in a row the sample drops still fails (every row of a checked column is read).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const arrow = require('apache-arrow') as typeof import('apache-arrow');
  const values = Array.from({ length: 100 }, (_, i) => (i === 80 ? 'bad' : String(i)));
  const late = join(tmp, 'late-bad.arrow');
  writeFileSync(late, arrow.tableToIPC(new arrow.Table({ s: arrow.vectorFromArray(values, new arrow.Utf8()) }), 'file'));
  const ok = await readTable(late, { maxRows: 5 });
  assert.equal(ok.rows, 5);
  await rejectsWith(readTable(late, { columnTypes: { s: 'numeric' }, maxRows: 5 }), (err) => {
    assert.equal(err.message, 'late-bad.arrow: row 81: column "s" is set to numeric, but "bad" is not a number');
  });
});

test('Arrow: LargeUtf8 strings, 64-bit ints and s/ms/µs timestamps with nulls read the same in bulk and sampled', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const arrow = require('apache-arrow') as typeof import('apache-arrow');
  const n = 3000;
  const isNull = (i: number) => i % 11 === 3;
  const word = (i: number) => ['alpha', 'beta', 'γάμμα', ''][i % 4] + (i % 7 === 0 ? '!' : '');
  const big = (i: number) => BigInt(i - 1500) * 1_099_511_627_776n + BigInt(i * 77); // beyond 32 bits, both signs
  const stamp = 1_700_000_000_123_456n; // µs
  const bitmap = new Uint8Array(Math.ceil(n / 8));
  for (let i = 0; i < n; i++) if (!isNull(i)) bitmap[i >> 3] |= 1 << (i & 7);
  const nullCount = Array.from({ length: n }, (_, i) => i).filter(isNull).length;
  const int64 = (f: (i: number) => bigint) => BigInt64Array.from({ length: n }, (_, i) => (isNull(i) ? 0n : f(i)));
  const vector = (type: import('apache-arrow').DataType, data: BigInt64Array) => arrow.makeVector(arrow.makeData({ type, length: n, nullCount, nullBitmap: bitmap, data } as never));
  const table = new arrow.Table({
    id: arrow.vectorFromArray(Int32Array.from({ length: n }, (_, i) => i)),
    s: arrow.vectorFromArray(Array.from({ length: n }, (_, i) => (isNull(i) ? null : word(i))), new arrow.LargeUtf8()),
    i64: vector(new arrow.Int64(), int64(big)),
    sec: vector(new arrow.TimestampSecond(), int64((i) => stamp / 1_000_000n + BigInt(i))),
    ms: vector(new arrow.TimestampMillisecond(), int64((i) => stamp / 1000n + BigInt(i))),
    us: vector(new arrow.TimestampMicrosecond(), int64((i) => stamp + BigInt(i) * 1001n)),
  });
  const path = join(tmp, 'wide-offsets.arrow');
  writeFileSync(path, arrow.tableToIPC(table, 'file'));
  const expected = {
    s: (i: number) => word(i),
    i64: (i: number) => Number(big(i)),
    sec: (i: number) => Number(stamp / 1_000_000n + BigInt(i)) * 1000,
    ms: (i: number) => Number(stamp / 1000n + BigInt(i)),
    us: (i: number) => Number(stamp + BigInt(i) * 1001n) / 1000,
  };
  const check = (t: Table, rowOf: (slot: number) => number) => {
    const s = col(t, 's') as CodedColumn;
    assert.equal(s.type, 'categorical');
    for (let k = 0; k < t.rows; k++) {
      const i = rowOf(k);
      assert.equal(s.codes[k] < 0 ? null : s.categories[s.codes[k]], isNull(i) ? null : expected.s(i), `s row ${i}`);
      for (const name of ['i64', 'sec', 'ms', 'us'] as const) {
        const v = (col(t, name) as NumericColumn).values[k];
        if (isNull(i)) assert.ok(Number.isNaN(v), `${name} row ${i} is missing`);
        else assert.equal(v, expected[name](i), `${name} row ${i}`);
      }
    }
  };
  const all = await readTable(path);
  assert.equal(all.rows, n);
  assert.equal(col(all, 'us').type, 'datetime');
  check(all, (k) => k);
  // A sample converts value by value: it must agree with the bulk copy.
  const sample = await readTable(path, { maxRows: 500 });
  const ids = (col(sample, 'id') as NumericColumn).values;
  check(sample, (k) => ids[k]);
});

test('Arrow: Feather v1, truncated, non-Arrow, empty and missing files fail naming the file', async () => {
  await rejectsWith(readTable(fixture('feather-v1.feather')), (err) => {
    assert.match(err.message, /^feather-v1\.feather: is a Feather v1 file, which is not supported; re-save it as Feather v2/);
  });
  await rejectsWith(readTable(fixture('truncated.arrow')), (err) => {
    assert.match(err.message, /^truncated\.arrow: Arrow file is truncated or corrupt/);
  });
  const notArrow = join(tmp, 'not-arrow.arrow');
  writeFileSync(notArrow, 'a,b\n1,2\n');
  await rejectsWith(readTable(notArrow), (err) => assert.equal(err.message, 'not-arrow.arrow: not an Arrow IPC file or stream'));
  // A stream cut inside a record batch.
  const cut = join(tmp, 'cut-stream.arrow');
  const stream = readFileSync(fixture('table-stream.arrow'));
  writeFileSync(cut, stream.subarray(0, stream.length - 3000));
  await rejectsWith(readTable(cut), (err) => assert.match(err.message, /^cut-stream\.arrow: cannot read Arrow file: \S/));
  const empty = join(tmp, 'empty.feather');
  writeFileSync(empty, '');
  await rejectsWith(readTable(empty), (err) => assert.equal(err.message, 'empty.feather: file is empty'));
  const missing = join(tmp, 'missing.arrow');
  await rejectsWith(readTable(missing), (err) => assert.match(err.message, /missing\.arrow: file not found/));
  await assert.rejects(readTable(fixture('table.arrow'), { isCancelled: () => true }), CancelledError);
  let checks = 0;
  await assert.rejects(readTable(fixture('table.arrow'), { isCancelled: () => ++checks > 2 }), CancelledError);
});

test('reading Arrow loads apache-arrow but not parquet-wasm; reading JSON Lines loads neither', () => {
  const read = resolve(__dirname, '../../src/core/io/read.js');
  for (const [file, arrowLoaded] of [['table.arrow', true], ['records.jsonl', false]] as const) {
    const script = `require(${JSON.stringify(read)}).readTable(${JSON.stringify(fixture(file))}).then(() => {
      const loaded = Object.keys(require.cache);
      console.log(JSON.stringify([loaded.some((k) => k.includes('parquet-wasm')), loaded.some((k) => k.includes('apache-arrow'))]));
    });`;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), [false, arrowLoaded], file);
  }
});

// ── JSON Lines ───────────────────────────────────────────────────────────────────────────────────────────────

test('JSON Lines: union of keys in first-seen order, typed values, nulls and missing keys, nested columns skipped', async () => {
  const t = await readTable(fixture('records.jsonl'));
  assert.equal(t.format, 'jsonl');
  assert.equal(t.rows, 5); // blank and whitespace-only lines ignored
  assert.deepEqual(t.columns.map((c) => c.name), ['id', 'score', 'ok', 'name', 'when', 'zip', 'extra', 'column_10']);
  assert.deepEqual(t.skipped, [
    { name: 'meta', reason: 'nested values (objects or arrays) are not supported' },
    { name: 'tags', reason: 'nested values (objects or arrays) are not supported' },
  ]);
  assert.deepEqual(t.renamedColumns, [{ from: '', to: 'column_10' }]);
  assert.deepEqual(numbers(t, 'id'), [1, 2, 3, 4, 5]);
  assert.deepEqual(numbers(t, 'score'), [1.5, null, null, -2000, 7.25]); // null, absent, "7.25" read like a CSV cell
  assert.equal(col(t, 'ok').type, 'boolean');
  assert.deepEqual(strings(t, 'ok'), ['true', 'false', 'true', null, 'false']);
  assert.deepEqual(strings(t, 'name'), ['alpha', 'beta', null, 'gamma', 'delta']); // "NA" is a null token
  assert.equal(col(t, 'when').type, 'datetime');
  assert.deepEqual(numbers(t, 'when'), [Date.UTC(2024, 0, 15), Date.UTC(2024, 0, 16, 10, 30), null, null, Date.UTC(2024, 1, 29)]);
  assert.deepEqual(numbers(t, 'zip'), [501, 10001, 2134, 90210, 501]);
  assert.deepEqual(strings(t, 'extra'), [null, null, 'late', 'later', null]);
  assert.deepEqual(numbers(t, 'column_10'), [null, null, null, 5, null]);

  const n = await readTable(fixture('crlf-bom.ndjson'));
  assert.equal(n.format, 'jsonl');
  assert.deepEqual(strings(n, 'k'), ['é', '日本', null]);
  assert.deepEqual(numbers(n, 'n'), [1, 2, 3.5]);
});

test('JSON Lines: a line that is not a JSON object fails with its line number, or is skipped and counted', async () => {
  await rejectsWith(readTable(fixture('bad-lines.jsonl')), (err) => {
    assert.equal(err.message, 'bad-lines.jsonl: line 3 is not a JSON object (it is an array)');
    assert.equal(err.line, 3);
  });
  const path = join(tmp, 'invalid.jsonl');
  writeFileSync(path, '{"a": 1}\n\n{"a": 2\n');
  await rejectsWith(readTable(path), (err) => {
    assert.match(err.message, /^invalid\.jsonl: line 3 is not valid JSON \(/);
    assert.equal(err.line, 3);
  });
  const t = await readTable(fixture('bad-lines.jsonl'), { raggedRows: 'skip' });
  assert.deepEqual(numbers(t, 'a'), [1, 2, 4, 6, 7]);
  assert.deepEqual(strings(t, 'b'), ['x', 'y', 'w', 'v', 'u']);
  assert.equal(t.skippedRows, 3);
  assert.deepEqual(t.skippedRowLines, [3, 5, 7]);
});

test('JSON Lines: columnTypes, null tokens, keys named like Object.prototype members, UTF-16', async () => {
  const t = await readTable(fixture('records.jsonl'), { columnTypes: { zip: 'categorical', id: 'text', ok: 'boolean' }, nullTokens: ['gamma'] });
  assert.deepEqual(strings(t, 'zip'), ['00501', '10001', '02134', '90210', '00501']);
  assert.equal(col(t, 'id').type, 'text');
  assert.deepEqual(strings(t, 'id'), ['1', '2', '3', '4', '5']);
  assert.deepEqual(strings(t, 'name'), ['alpha', 'beta', 'NA', null, 'delta']);
  await rejectsWith(readTable(fixture('records.jsonl'), { columnTypes: { name: 'numeric' } }), (err) => {
    assert.equal(err.message, 'records.jsonl: line 1: column "name" is set to numeric, but "alpha" is not a number');
    assert.equal(err.line, 1);
    assert.equal(err.column, 'name');
  });
  await rejectsWith(readTable(fixture('records.jsonl'), { columnTypes: { ok: 'numeric' } }), (err) => {
    assert.match(err.message, /line 1: column "ok" is set to numeric, but "true" is not a number/);
  });

  const proto = join(tmp, 'proto.jsonl');
  writeFileSync(proto, '{"a": 1, "constructor": "x", "__proto__": 5}\n{"a": 2}\n');
  const p = await readTable(proto);
  assert.deepEqual(strings(p, 'constructor'), ['x', null]);
  assert.deepEqual(numbers(p, '__proto__'), [5, null]);
  assert.deepEqual(p.skipped, []);

  const u16 = join(tmp, 'u16.jsonl');
  writeFileSync(u16, Buffer.from('\uFEFF{"w": "日本"}\r\n{"w": "😀"}\r\n', 'utf16le'));
  assert.deepEqual(strings(await readTable(u16), 'w'), ['日本', '😀']);

  const empty = join(tmp, 'blank.jsonl');
  writeFileSync(empty, '\n  \n');
  await rejectsWith(readTable(empty), (err) => assert.equal(err.message, 'blank.jsonl: file is empty'));
});

test('JSON Lines: sampling, long files over many chunks, the dictionary fallback pass, cancellation', async () => {
  const path = join(tmp, 'big.jsonl');
  const lines: string[] = [];
  for (let i = 0; i < 30_000; i++) {
    const row: Record<string, unknown> = { i, v: i === 25_000 ? 'word' : i * 1.5, g: `g${i % 4}` };
    if (i % 1000 === 999) row.late = true;
    lines.push(JSON.stringify(row));
  }
  writeFileSync(path, lines.join('\n'));
  const limit = tuning.dictionaryLimit;
  const chunk = jsonlTuning.chunkBytes;
  tuning.dictionaryLimit = 100; // v switches to a Float64Array, then meets "word": its rows are re-read
  jsonlTuning.chunkBytes = 1000; // lines split across chunks
  try {
    const t = await readTable(path);
    assert.equal(t.rows, 30_000);
    assert.equal(col(t, 'v').type, 'text'); // 30,000 distinct values
    const v = strings(t, 'v');
    assert.equal(v[25_000], 'word');
    assert.equal(v[3], '4.5');
    assert.equal(strings(t, 'late').filter((x) => x === 'true').length, 30);
    assert.equal(col(t, 'late').nullCount, 29_970);

    const s = await readTable(path, { maxRows: 500, seed: 9 });
    assert.equal(s.rows, 500);
    assert.equal(s.totalRows, 30_000);
    const ids = numbers(s, 'i') as number[];
    assert.deepEqual(strings(s, 'g'), ids.map((i) => `g${i % 4}`));
    assert.deepEqual(strings(s, 'late'), ids.map((i) => (i % 1000 === 999 ? 'true' : null)));
  } finally {
    tuning.dictionaryLimit = limit;
    jsonlTuning.chunkBytes = chunk;
  }
  let checks = 0;
  await assert.rejects(readTable(path, { isCancelled: () => ++checks > 3 }), CancelledError);
});

// ── files that change while being read ───────────────────────────────────────────────────────────────────────

test('a file that changes while it is read fails with "changed while it was being read"', async () => {
  const csv = join(tmp, 'growing.csv');
  const rows = ['a,b'];
  for (let i = 0; i < 100_000; i++) rows.push(`${i},${i % 5}`);
  writeFileSync(csv, rows.join('\n') + '\n');
  let appended = false;
  const append = (path: string, text: string) => () => {
    if (!appended) appendFileSync(path, text);
    appended = true;
  };
  await rejectsWith(readTable(csv, { onProgress: append(csv, '100000,1\n') }), (err) => {
    assert.equal(err.message, 'growing.csv changed while it was being read; compare again when it is complete');
    assert.equal(err.path, csv);
  });
  // Unchanged, the same file reads (rows appended before the read are simply read).
  assert.equal((await readTable(csv)).rows, 100_001);

  const jsonl = join(tmp, 'growing.jsonl');
  writeFileSync(jsonl, rows.slice(1).map((r) => `{"a": ${r.split(',')[0]}}`).join('\n'));
  appended = false;
  await rejectsWith(readTable(jsonl, { onProgress: append(jsonl, '\n{"a": -1}') }), (err) => assert.match(err.message, /growing\.jsonl changed while/));

  for (const name of ['table.arrow', 'table-zstd.parquet']) {
    const copy = join(tmp, `growing-${name}`);
    copyFileSync(fixture(name), copy);
    appended = false;
    await rejectsWith(readTable(copy, { onProgress: append(copy, 'more bytes') }), (err) => {
      assert.equal(err.message, `growing-${name} changed while it was being read; compare again when it is complete`);
    });
  }
});
