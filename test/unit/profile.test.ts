/**
 * The data view's core: a Parquet footer decoded on its own (schema, physical and logical types, null counts, row
 * groups, compression) and checked against parquet-wasm and the table readers on every committed fixture; corrupt
 * footers fail with a DataReadError naming the file; the profile's events (schema, first rows, one summary per
 * column) agree with readTable's columns; .parq files read as Parquet.
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, test } from 'node:test';
import * as fc from 'fast-check';
import { decodeFooter, readParquetMeta } from '../../src/core/io/parquetMeta';
import { readTable } from '../../src/core/io/read';
import { DataReadError, isNumericColumn, type Column, type Table } from '../../src/core/io/table';
import { cellText } from '../../src/core/profile/cellText';
import { previewRowCount, profileFile } from '../../src/core/profile/profile';
import type { ColumnSummary, ProfileEvent } from '../../src/core/profile/profileTypes';
import { HISTOGRAM_BINS, summarizeColumn } from '../../src/core/profile/summarize';

// Compiled to out/test/unit/profile.test.js; fixtures stay in the source tree.
const DATA = resolve(__dirname, '../../../test/fixtures/data');
const WORKSPACE = resolve(__dirname, '../../../test/fixtures/workspace');
const PARQUET = readdirSync(DATA).filter((f) => f.endsWith('.parquet') && f !== 'not-parquet.parquet' && f !== 'truncated.parquet');
const tmp = mkdtempSync(join(tmpdir(), 'drift-profile-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

type ParquetWasm = typeof import('parquet-wasm/node/parquet_wasm');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pw = require('parquet-wasm/node') as ParquetWasm;

async function profile(path: string, options = {}): Promise<ProfileEvent[]> {
  const events: ProfileEvent[] = [];
  await profileFile(path, (e) => events.push(e), options);
  return events;
}

function summaries(events: ProfileEvent[]): ColumnSummary[] {
  return events.flatMap((e) => (e.type === 'summary' ? [e.summary] : []));
}

// ── the footer ───────────────────────────────────────────────────────────────────────────────────────────────

test('footer: rows, row groups and column names agree with parquet-wasm and readTable on every fixture', async () => {
  assert.ok(PARQUET.length >= 10, PARQUET.join(', '));
  for (const name of PARQUET) {
    const path = join(DATA, name);
    const meta = await readParquetMeta(path);
    const file = await pw.ParquetFile.fromFile(new Blob([readFileSync(path)]));
    const wasm = file.metadata();
    assert.equal(meta.rows, wasm.fileMetadata().numRows(), name);
    assert.equal(meta.rowGroups.length, wasm.numRowGroups(), name);
    assert.deepEqual(meta.rowGroups.map((g) => g.rows), wasm.rowGroups().map((g) => g.numRows()), name);
    assert.equal(meta.rowGroups.reduce((n, g) => n + g.rows, 0), meta.rows, name);
    assert.equal(meta.createdBy, wasm.fileMetadata().createdBy(), name);
    file.free();

    const table = await readTable(path);
    const names = [...table.columns.map((c) => c.name), ...table.skipped.map((s) => s.name)];
    assert.deepEqual(new Set(meta.fields.map((f) => f.name)), new Set(names), name);
    assert.ok(meta.compression.length > 0, name);
  }
});

test('footer: null counts from the statistics equal the nulls readTable finds', async () => {
  let checked = 0;
  for (const name of PARQUET) {
    const path = join(DATA, name);
    const meta = await readParquetMeta(path);
    const table = await readTable(path);
    for (const f of meta.fields) {
      const column = table.columns.find((c) => c.name === f.name);
      if (!column || f.nulls === null) continue;
      assert.equal(f.nulls, column.nullCount, `${name}: ${f.name}`);
      checked++;
    }
  }
  assert.ok(checked > 100, `${checked} columns checked`);
});

test('footer: physical and logical types, as the writers declared them', async () => {
  const types = async (file: string) => Object.fromEntries((await readParquetMeta(file)).fields.map((f) => [f.name, `${f.physicalType} ${f.logicalType ?? '-'}`]));
  const duck = await types(join(DATA, 'duckdb-snappy.parquet'));
  assert.equal(duck.id, 'INT64 INT_64');
  assert.equal(duck.u32, 'INT32 UINT_32');
  assert.equal(duck.d, 'DOUBLE -');
  const polars = await types(join(DATA, 'polars.parquet'));
  assert.equal(polars.u8, 'INT32 INT(8, unsigned)');
  assert.equal(polars.s, 'BYTE_ARRAY STRING');
  const table = await readParquetMeta(join(DATA, 'table-zstd.parquet'));
  assert.match(table.fields.find((f) => f.name === 'dec')!.logicalType ?? '', /^DECIMAL\(\d+, 2\)$/);
  assert.equal(table.fields.find((f) => f.name === 'u64')!.logicalType, 'INT(64, unsigned)');
  assert.deepEqual(table.compression, ['ZSTD']);
  // Nested fields are one top-level entry each, their type "group", their nulls unknown.
  const nested = table.fields.filter((f) => f.physicalType === 'group');
  assert.ok(nested.length >= 2);
  for (const f of nested) assert.equal(f.nulls, null, f.name);
  assert.ok(nested.some((f) => f.logicalType === 'LIST'));
  const mr = await types(join(DATA, 'parquet-mr-userdata1.parquet'));
  assert.equal(mr.registration_dttm, 'INT96 -');
  assert.equal(mr.first_name, 'BYTE_ARRAY UTF8');
});

test('footer: flights-3m (3,000,000 rows, 11 row groups, ZSTD) when vega-datasets has it', async (t) => {
  // The package's exports hide its data folder from require.resolve: found by path.
  const path = resolve(__dirname, '../../../node_modules/vega-datasets/data/flights-3m.parquet');
  if (!existsSync(path)) {
    t.skip('vega-datasets has no flights-3m.parquet');
    return;
  }
  const meta = await readParquetMeta(path);
  assert.equal(meta.rows, 3_000_000);
  assert.equal(meta.rowGroups.length, 11);
  assert.deepEqual(meta.compression, ['ZSTD']);
  assert.deepEqual(
    meta.fields.map((f) => [f.name, f.physicalType, f.logicalType, f.nulls]),
    [
      ['date', 'INT64', 'TIMESTAMP(MICROS)', 0],
      ['delay', 'INT64', null, 0],
      ['distance', 'INT64', null, 0],
      ['origin', 'BYTE_ARRAY', 'STRING', 0],
      ['destination', 'BYTE_ARRAY', 'STRING', 0],
    ],
  );
});

test('footer: missing magic, a truncated file, an impossible footer length and an encrypted footer are clear errors', async () => {
  const good = readFileSync(join(DATA, 'duckdb-snappy.parquet'));
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(tmp, name);
    writeFileSync(path, bytes);
    return path;
  };
  const cases: [string, Uint8Array, RegExp][] = [
    ['empty.parquet', new Uint8Array(0), /empty\.parquet: file is empty/],
    ['text.parquet', Buffer.from('a,b\n1,2\n'), /text\.parquet: not a Parquet file \(missing PAR1 magic\)/],
    ['cut.parquet', good.subarray(0, good.length - 100), /cut\.parquet: Parquet file is truncated or corrupt/],
    ['long.parquet', Buffer.concat([good.subarray(0, good.length - 8), Buffer.from([0xff, 0xff, 0xff, 0x7f]), Buffer.from('PAR1')]), /long\.parquet: Parquet file is corrupt \(its footer length/],
    ['enc.parquet', Buffer.concat([good.subarray(0, good.length - 4), Buffer.from('PARE')]), /enc\.parquet: the Parquet file is encrypted/],
  ];
  for (const [name, bytes, message] of cases) {
    await assert.rejects(readParquetMeta(write(name, bytes)), (err: unknown) => err instanceof DataReadError && message.test(err.message), name);
  }
  await assert.rejects(readParquetMeta(join(tmp, 'absent.parquet')), (err: unknown) => err instanceof DataReadError && /file not found/.test(err.message));
});

test('footer: corrupted footers (fast-check, fixed seed) decode or fail with a DataReadError, never anything else', async () => {
  const sources = PARQUET.map((f) => readFileSync(join(DATA, f)));
  let failed = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.nat(sources.length - 1),
      fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 8 }),
      async (which, edits) => {
        const bytes = Buffer.from(sources[which]);
        const footerLength = bytes.readUInt32LE(bytes.length - 8);
        const footerStart = bytes.length - 8 - footerLength;
        for (const [at, value] of edits) bytes[footerStart + (at % footerLength)] = value;
        const path = join(tmp, 'fuzz.parquet');
        writeFileSync(path, bytes);
        try {
          const meta = await readParquetMeta(path);
          assert.ok(Number.isFinite(meta.rows));
        } catch (err) {
          failed++;
          assert.ok(err instanceof DataReadError, String(err));
          assert.match(err.message, /^fuzz\.parquet: /);
        }
      },
    ),
    { seed: 0x11, numRuns: 300 },
  );
  assert.ok(failed > 10, `${failed} corrupted footers failed`);
  // Thrift alone: random bytes never hang or throw anything but our errors.
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      try {
        decodeFooter(bytes, 1000);
      } catch (err) {
        assert.ok(/ThriftError|Error/.test((err as Error).name), String(err));
      }
    }),
    { seed: 0x12, numRuns: 500 },
  );
});

// ── the profile ──────────────────────────────────────────────────────────────────────────────────────────────

function expectedSummary(column: Column) {
  if (isNumericColumn(column)) {
    const values = [...column.values].filter((v) => !Number.isNaN(v));
    return { missing: column.values.length - values.length, distinct: new Set(values).size, min: Math.min(...values), max: Math.max(...values) };
  }
  const present = [...column.codes].filter((c) => c >= 0);
  return { missing: column.codes.length - present.length, distinct: new Set(present).size };
}

function checkAgainst(table: Table, events: ProfileEvent[]): void {
  assert.deepEqual(events.map((e) => e.type).filter((t, i, all) => t !== all[i - 1]), ['schema', 'preview', 'summary', 'done']);
  for (const s of summaries(events)) {
    const column = table.columns.find((c) => c.name === s.name);
    if (!column) {
      assert.equal(s.type, null, s.name);
      assert.ok(s.skipped, s.name);
      continue;
    }
    assert.equal(s.type, column.type, s.name);
    assert.equal(s.rows, table.rows, s.name);
    const expected = expectedSummary(column);
    assert.equal(s.missing, expected.missing, s.name);
    assert.equal(s.distinct, expected.distinct, s.name);
    if ('min' in expected) {
      assert.equal(s.min, expected.min, s.name);
      assert.equal(s.max, expected.max, s.name);
      assert.equal(s.histogram!.counts.reduce((a, b) => a + b, 0), s.rows - s.missing, `${s.name}: every value in a bin`);
    } else {
      assert.ok(s.top!.length > 0 || s.rows === s.missing, s.name);
      for (let k = 1; k < s.top!.length; k++) assert.ok(s.top![k - 1].count >= s.top![k].count, `${s.name}: largest first`);
    }
  }
}

test('profile of a Parquet file: schema, first rows, then one summary per column that agrees with readTable', async () => {
  for (const name of ['duckdb-rowgroups.parquet', 'table-snappy.parquet', 'polars.parquet']) {
    const path = join(DATA, name);
    const events = await profile(path);
    const table = await readTable(path);
    checkAgainst(table, events);
    const schema = events[0].type === 'schema' ? events[0].schema : assert.fail('schema first');
    assert.equal(summaries(events).length, schema.columns.length, name);
    assert.deepEqual(summaries(events).map((s) => s.index), schema.columns.map((_, i) => i), `${name}: in schema order`);
    const preview = events.find((e) => e.type === 'preview');
    assert.ok(preview?.type === 'preview');
    assert.equal(preview.preview.rows.length, Math.min(table.rows, 1000));
    assert.equal(preview.preview.totalRows, table.totalRows);
  }
});

test('profile: the first rows are the file\'s first rows, as text', async () => {
  const events = await profile(join(WORKSPACE, 'current.parquet'), { previewRows: 3 });
  const preview = events.find((e) => e.type === 'preview');
  assert.ok(preview?.type === 'preview');
  assert.deepEqual(preview.preview.columns, ['age', 'income', 'segment', 'city']);
  const csv = readFileSync(join(WORKSPACE, 'current.csv'), 'utf8').split('\n').slice(1, 4);
  assert.deepEqual(preview.preview.rows.map((r) => r.join('|')), csv.map((l) => l.replace(/"([^"]*)"/g, (_, q: string) => q.replace(',', '\u0000')).split(',').map((c) => c.replace('\u0000', ',')).join('|')));
});

test('profile of a CSV file: read whole in the worker, then the same events', async () => {
  const path = join(WORKSPACE, 'reference.csv');
  const events = await profile(path);
  const table = await readTable(path);
  checkAgainst(table, events);
  const schema = events[0].type === 'schema' ? events[0].schema : assert.fail('schema first');
  assert.equal(schema.format, 'csv');
  assert.equal(schema.rows, 200);
  assert.ok(schema.bytes > 0);
  assert.deepEqual(schema.columns.map((c) => [c.name, c.physicalType]), [['age', 'text'], ['income', 'text'], ['segment', 'text'], ['city', 'text']]);
});

test('profile: a column summarised from a seeded sample above the cap says so', async () => {
  const events = await profile(join(DATA, 'duckdb-rowgroups.parquet'), { summaryRowCap: 1000 });
  for (const s of summaries(events)) {
    assert.equal(s.sampled, 1000, s.name);
    assert.equal(s.rows, 1000, s.name);
  }
});

test('profile of a corrupt or foreign file: a DataReadError naming it, after no events', async () => {
  for (const name of ['not-parquet.parquet', 'truncated.parquet']) {
    const events: ProfileEvent[] = [];
    await assert.rejects(profileFile(join(DATA, name), (e) => events.push(e)), (err: unknown) => err instanceof DataReadError && err.message.startsWith(`${name}: `));
    assert.deepEqual(events, []);
  }
  await assert.rejects(profileFile(join(DATA, 'make-arrow.mjs'), () => {}), /not a data file/);
});

test('.parq files are Parquet files: read, compared and profiled like .parquet', async () => {
  const path = join(tmp, 'current.parq');
  copyFileSync(join(WORKSPACE, 'current.parquet'), path);
  const table = await readTable(path);
  assert.equal(table.format, 'parquet');
  assert.equal(table.rows, 200);
  const events = await profile(path);
  assert.equal(events[0].type === 'schema' && events[0].schema.format, 'parquet');
  assert.equal(summaries(events).length, 4);
});

// ── summaries and cells ──────────────────────────────────────────────────────────────────────────────────────

test('summarizeColumn: numbers with missing and infinite values, a constant column, categories by count', () => {
  const numeric = summarizeColumn({ name: 'x', type: 'numeric', values: Float64Array.from([3, NaN, 1, 1, Infinity, 2, NaN]), nullCount: 2 }, 0);
  assert.equal(numeric.missing, 2);
  assert.equal(numeric.distinct, 4);
  assert.equal(numeric.min, 1);
  assert.equal(numeric.max, Infinity);
  assert.equal(numeric.histogram!.counts.length, HISTOGRAM_BINS);
  assert.equal(numeric.histogram!.counts.reduce((a, b) => a + b, 0), 4, 'the finite values');
  const constant = summarizeColumn({ name: 'c', type: 'numeric', values: Float64Array.from([5, 5, 5]), nullCount: 0 }, 1);
  assert.deepEqual(constant.histogram!.counts, [3]);
  assert.equal(constant.mean, 5);
  const empty = summarizeColumn({ name: 'e', type: 'numeric', values: Float64Array.from([NaN]), nullCount: 1 }, 2);
  assert.equal(empty.missing, 1);
  assert.equal(empty.histogram, undefined);
  const coded = summarizeColumn({ name: 'k', type: 'categorical', codes: Int32Array.from([1, 0, 1, -1, 2, 1, 0]), categories: ['a', 'b', 'c', 'unused'], nullCount: 1 }, 3);
  assert.equal(coded.missing, 1);
  assert.equal(coded.distinct, 3);
  assert.deepEqual(coded.top, [{ value: 'b', count: 3 }, { value: 'a', count: 2 }, { value: 'c', count: 1 }]);
});

test('cellText: full numbers, dates without a time of day, datetimes in ISO 8601, missing as null', () => {
  const n: Column = { name: 'n', type: 'numeric', values: Float64Array.from([0.1 + 0.2, NaN]), nullCount: 1 };
  assert.equal(cellText(n, 0), '0.30000000000000004');
  assert.equal(cellText(n, 1), null);
  const d: Column = { name: 'd', type: 'datetime', values: Float64Array.from([Date.UTC(2024, 0, 2), Date.UTC(2024, 0, 2, 3, 4, 5, 600), 1e20]), nullCount: 0 };
  assert.deepEqual([0, 1, 2].map((r) => cellText(d, r)), ['2024-01-02', '2024-01-02T03:04:05.600Z', '100000000000000000000']);
});

test('previewRowCount: 1,000 rows, fewer for wide files, at least one', () => {
  assert.equal(previewRowCount(5), 1000);
  assert.equal(previewRowCount(1000), 200);
  assert.equal(previewRowCount(10_000_000), 1);
  assert.equal(previewRowCount(5, 20), 20);
});
