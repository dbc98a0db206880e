import assert from 'node:assert/strict';
import { mkdtempSync, openAsBlob, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { after, test } from 'node:test';
import {
  ColumnBuilder,
  isTextLike,
  parseBoolean,
  parseDatetime,
  parseNumber,
  tuning,
  uniqueNames,
} from '../../src/core/io/infer';
import { isDataFile, readTable } from '../../src/core/io/read';
import { Reservoir, sampleIndices } from '../../src/core/io/sample';
import {
  CancelledError,
  DataReadError,
  isNumericColumn,
  type CodedColumn,
  type Column,
  type NumericColumn,
  type Table,
} from '../../src/core/io/table';

// Compiled to out/test/unit/io.test.js; fixtures stay in the source tree.
const DATA = resolve(__dirname, '../../../test/fixtures/data');
const fixture = (name: string) => join(DATA, name);

const tmp = mkdtempSync(join(tmpdir(), 'drift-io-test-'));
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

/** Values of a numeric column with NaN as null (assert.deepEqual treats NaN as equal to NaN, but null is clearer). */
function numbers(table: Table, name: string): (number | null)[] {
  return Array.from(numeric(table, name).values, (v) => (Number.isNaN(v) ? null : v));
}

/** Values of a coded column as strings, null for missing. */
function strings(table: Table, name: string): (string | null)[] {
  const c = coded(table, name);
  return Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k]));
}

async function rejectsWith(promise: Promise<unknown>, check: (err: DataReadError) => void): Promise<void> {
  await assert.rejects(promise, (err: unknown) => {
    assert.ok(err instanceof DataReadError, `expected a DataReadError, got ${String(err)}`);
    check(err);
    return true;
  });
}

// ── parsers ──────────────────────────────────────────────────────────────────────────────────────────────────

test('parseNumber: ints, floats, exponents, signs, infinities; rejects radix literals and words', () => {
  const ok: [string, number][] = [
    ['0', 0],
    ['-0.5', -0.5],
    ['+3', 3],
    ['007', 7],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['-2.5E-2', -0.025],
    [' 12 ', 12],
    ['inf', Infinity],
    ['-inf', -Infinity],
    ['+Inf', Infinity],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
  ];
  for (const [s, v] of ok) assert.equal(parseNumber(s), v, s);
  for (const s of ['', ' ', 'abc', '1,000', '0x1F', '0b101', '0o17', '1.2.3', '12abc', 'e5', '--1']) {
    assert.equal(parseNumber(s), undefined, JSON.stringify(s));
  }
});

test('parseBoolean: true/false in any case, nothing else', () => {
  assert.equal(parseBoolean('true'), 1);
  assert.equal(parseBoolean('TRUE'), 1);
  assert.equal(parseBoolean('False'), 0);
  assert.equal(parseBoolean(' false '), 0);
  for (const s of ['yes', 'no', '1', '0', 't', 'f', 'truth']) assert.equal(parseBoolean(s), undefined, s);
});

test('parseDatetime: ISO 8601 dates and date-times, with optional Z/offset', () => {
  const utc = Date.UTC;
  const cases: [string, number][] = [
    ['2024-01-15', utc(2024, 0, 15)],
    ['2024-02-29', utc(2024, 1, 29)],
    ['1969-12-31', utc(1969, 11, 31)],
    ['0050-06-01', new Date('0050-06-01T00:00:00Z').getTime()],
    ['2024-01-15 10:30', utc(2024, 0, 15, 10, 30)],
    ['2024-01-15T10:30:15', utc(2024, 0, 15, 10, 30, 15)],
    ['2024-01-15T10:30:15.25', utc(2024, 0, 15, 10, 30, 15, 250)],
    ['2024-01-15T10:30:15.123456789Z', utc(2024, 0, 15, 10, 30, 15, 123) + 0.456789],
    ['2024-01-15T12:30:15+02:00', utc(2024, 0, 15, 10, 30, 15)],
    ['2024-01-15T12:30:15+0200', utc(2024, 0, 15, 10, 30, 15)],
    ['2024-01-15T05:00-05', utc(2024, 0, 15, 10, 0)],
    ['2024-01-15t10:30z', utc(2024, 0, 15, 10, 30)],
  ];
  for (const [s, v] of cases) {
    const got = parseDatetime(s);
    assert.ok(got !== undefined && Math.abs(got - v) < 1e-3, `${s}: ${got} != ${v}`);
  }
  for (const s of ['2024-13-01', '2023-02-29', '2024-01-32', '2024-1-5', '2024/01/15', '2024-01-15T25:00', '2024-01-15 10', '2024-01-15T10:30:15+2', '20240115', '2024-01-15x']) {
    assert.equal(parseDatetime(s), undefined, s);
  }
});

test('text rule: more than 100 distinct AND more than half distinct', () => {
  assert.equal(isTextLike(101, 150), true);
  assert.equal(isTextLike(100, 100), false);
  assert.equal(isTextLike(150, 300), false);
  assert.equal(isTextLike(151, 300), true);
});

test('uniqueNames: empty names become column_N, duplicates get _2, _3', () => {
  assert.deepEqual(uniqueNames(['a', '', 'a', 'b', 'a', ' ', 'a_2']), ['a', 'column_2', 'a_2', 'b', 'a_3', 'column_6', 'a_2_2']);
});

test('isDataFile: .csv, .tsv, .parquet, .parq, .arrow, .feather, .jsonl, .ndjson in any case', () => {
  for (const p of ['a.csv', '/x/y/B.CSV', 'c.tsv', 'd.Parquet', 'e.PARQUET', 'e.parq', 'f.arrow', 'g.Feather', 'h.jsonl', 'i.NDJSON']) {
    assert.equal(isDataFile(p), true, p);
  }
  for (const p of ['a.txt', 'csv', 'a.csv.gz', 'a.json', '/dir.csv/file']) assert.equal(isDataFile(p), false, p);
});

// ── CSV / TSV ────────────────────────────────────────────────────────────────────────────────────────────────

test('CSV: quoted fields with embedded delimiters, quotes and newlines', async () => {
  const t = await readTable(fixture('quoted.csv'));
  assert.equal(t.format, 'csv');
  assert.equal(t.rows, 4);
  assert.equal(t.totalRows, 4);
  assert.equal(t.sample, undefined);
  assert.deepEqual(t.skipped, []);
  assert.deepEqual(t.columns.map((c) => c.name), ['id', 'comment', 'score']);
  assert.deepEqual(numbers(t, 'id'), [1, 2, 3, 4]);
  assert.deepEqual(numbers(t, 'score'), [1.5, 2.5, 3.5, 4.5]);
  assert.deepEqual(strings(t, 'comment'), ['Hello, world', 'She said "hi"', 'multi\nline\ntext', 'plain']);
});

test('CSV: CRLF line ends (also inside a quoted field)', async () => {
  const t = await readTable(fixture('crlf.csv'));
  assert.deepEqual(t.columns.map((c) => c.name), ['a', 'b']);
  assert.deepEqual(numbers(t, 'a'), [1, 2, 3]);
  assert.deepEqual(strings(t, 'b'), ['x', 'y\r\nz', 'w']);
});

test('CSV: UTF-8 BOM is stripped from the first (quoted) header', async () => {
  const t = await readTable(fixture('bom.csv'));
  assert.deepEqual(t.columns.map((c) => c.name), ['id', 'name']);
  assert.deepEqual(numbers(t, 'id'), [1, 2]);
});

test('CSV: semicolon and pipe delimiters are sniffed', async () => {
  const s = await readTable(fixture('semicolon.csv'));
  assert.deepEqual(s.columns.map((c) => c.name), ['a', 'b', 'c']);
  assert.deepEqual(strings(s, 'a'), ['1,5', '2,5', '3,0']); // decimal commas are not numbers
  assert.deepEqual(strings(s, 'b'), ['x', 'y', 'z;w']);
  assert.equal(col(s, 'c').type, 'boolean');
  const p = await readTable(fixture('pipe.csv'));
  assert.deepEqual(numbers(p, 'a'), [1, 3]);
  assert.deepEqual(numbers(p, 'b'), [2, 4]);
});

test('TSV: tab-delimited, commas are data', async () => {
  const t = await readTable(fixture('data.tsv'));
  assert.equal(t.format, 'tsv');
  assert.deepEqual(strings(t, 'name'), ['x, y', 'z']);
  assert.deepEqual(numbers(t, 'value'), [1, 2]);
});

test('CSV: upper-case extension', async () => {
  const t = await readTable(fixture('UPPER.CSV'));
  assert.equal(t.format, 'csv');
  assert.deepEqual(numbers(t, 'b'), [2]);
});

test('CSV: null tokens are missing values', async () => {
  const t = await readTable(fixture('nulls.csv'));
  const num = numeric(t, 'num');
  assert.equal(num.type, 'numeric');
  assert.deepEqual(numbers(t, 'num'), [1, ...Array(10).fill(null), 2.5]);
  assert.equal(num.nullCount, 10);
  const cat = coded(t, 'cat');
  assert.equal(cat.type, 'categorical');
  assert.deepEqual(cat.categories, ['a', 'b', 'c']);
  assert.equal(cat.nullCount, 1);
});

test('CSV: type inference of each type', async () => {
  const t = await readTable(fixture('types.csv'));
  const types = Object.fromEntries(t.columns.map((c) => [c.name, c.type]));
  assert.deepEqual(types, {
    int: 'numeric',
    float: 'numeric',
    bool: 'boolean',
    date: 'datetime',
    datetime: 'datetime',
    cat: 'categorical',
    mixed: 'categorical', // "x7" among numbers
    hex: 'categorical', // radix literals are not numbers
    yesno: 'categorical', // "yes" among booleans
  });
  assert.deepEqual(numbers(t, 'int'), [1, 3, -4, 7, 42, null, 10, 11, 12]);
  assert.deepEqual(numbers(t, 'float'), [1.5, -2000, 0.5, 5, 0.01, Infinity, -Infinity, Infinity, null]);
  assert.equal(numeric(t, 'float').nullCount, 1);
  const bool = coded(t, 'bool');
  assert.deepEqual(bool.categories, ['false', 'true']);
  assert.deepEqual(strings(t, 'bool'), ['true', 'false', 'true', 'false', null, 'true', 'false', 'true', 'false']);
  const u = Date.UTC;
  assert.deepEqual(numbers(t, 'date'), [
    u(2024, 0, 15), u(2024, 1, 29), u(1999, 11, 31), null, u(2000, 0, 1), u(2024, 0, 16), u(2024, 0, 17), u(2024, 0, 18), u(2024, 0, 19),
  ]);
  assert.deepEqual(numbers(t, 'datetime'), [
    u(2024, 0, 15, 10, 30),
    u(2024, 0, 15, 10, 30, 15),
    u(2024, 0, 15, 10, 30, 15, 250),
    u(2024, 0, 15, 10, 30, 15),
    u(2024, 0, 15, 10, 30, 15, 500),
    null,
    u(2024, 0, 16, 5, 30),
    u(2024, 0, 16),
    u(2024, 0, 16, 23, 59, 59),
  ]);
  assert.deepEqual(coded(t, 'cat').categories, ['blue', 'green', 'red']);
  assert.deepEqual(strings(t, 'cat'), ['red', 'green', 'blue', 'red', null, 'green', 'blue', 'red', 'green']);
  assert.deepEqual(strings(t, 'mixed'), ['1', '2', '3', '4', '5', 'x7', '8', '9', '10']);
  assert.deepEqual(strings(t, 'yesno').slice(5, 8), ['false', 'yes', 'true']);
});

test('CSV: free-form text vs categorical by cardinality', async () => {
  const t = await readTable(fixture('text.csv'));
  assert.equal(t.rows, 150);
  const comment = coded(t, 'comment');
  assert.equal(comment.type, 'text');
  assert.equal(comment.categories.length, 150);
  assert.equal(strings(t, 'comment')[7], 'comment number 7 about item 49');
  assert.equal(col(t, 'color').type, 'categorical');
  assert.equal(col(t, 'id').type, 'numeric');
});

test('CSV: empty header names become column_N, duplicates are made unique', async () => {
  const t = await readTable(fixture('headers.csv'));
  assert.deepEqual(t.columns.map((c) => c.name), ['a', 'column_2', 'a_2', 'b', 'a_3', 'column_6']);
  assert.deepEqual(t.columns.map((c) => (c as NumericColumn).values[0]), [1, 2, 3, 4, 5, 6]);
});

test('CSV: a ragged row fails with its line number (counting line breaks inside quotes) and field counts', async () => {
  await rejectsWith(readTable(fixture('ragged.csv')), (err) => {
    assert.equal(err.line, 5);
    assert.equal(err.path, fixture('ragged.csv'));
    assert.match(err.message, /ragged\.csv/);
    assert.match(err.message, /line 5/);
    assert.match(err.message, /2 fields/);
    assert.match(err.message, /header has 3/);
  });
  await rejectsWith(readTable(fixture('ragged-crlf.csv')), (err) => {
    assert.equal(err.line, 3);
    assert.match(err.message, /line 3 has 4 fields but the header has 3/);
  });
});

test('CSV: an unclosed quote fails with the line where it starts', async () => {
  await rejectsWith(readTable(fixture('unclosed.csv')), (err) => {
    assert.equal(err.line, 3);
    assert.match(err.message, /unclosed\.csv: line 3: a quoted field is never closed/);
  });
});

test('CSV: blank lines are skipped; in a one-column file they are missing values, except trailing ones', async () => {
  const t = await readTable(fixture('blank-lines.csv'));
  assert.deepEqual(numbers(t, 'a'), [1, 3]);
  const one = await readTable(fixture('one-column.csv'));
  assert.deepEqual(numbers(one, 'x'), [1, null, 3]);
});

test('CSV: empty file, header only, binary file, missing file', async () => {
  await rejectsWith(readTable(fixture('empty.csv')), (err) => {
    assert.match(err.message, /empty\.csv: file is empty/);
    assert.equal(err.path, fixture('empty.csv'));
  });
  const h = await readTable(fixture('header-only.csv'));
  assert.equal(h.rows, 0);
  assert.equal(h.totalRows, 0);
  assert.deepEqual(h.columns.map((c) => c.name), ['a', 'b', 'c']);
  for (const c of h.columns) assert.equal(isNumericColumn(c) ? c.values.length : c.codes.length, 0);
  await rejectsWith(readTable(fixture('binary.csv')), (err) => {
    assert.match(err.message, /binary\.csv: does not look like a text CSV file/);
  });
  const missing = join(DATA, 'no-such-file.csv');
  await rejectsWith(readTable(missing), (err) => {
    assert.equal(err.path, missing);
    assert.ok(err.message.includes(missing), err.message);
    assert.match(err.message, /not found/);
  });
  await rejectsWith(readTable(join(DATA, 'notes.txt')), (err) => {
    assert.match(err.message, /notes\.txt: unsupported file type \(supported: \.csv, \.tsv, \.parquet, \.parq, \.arrow, \.feather, \.jsonl, \.ndjson\)/);
  });
});

test('CSV: a column that outgrows the dictionary and then meets a word keeps every cell exact', async () => {
  const limit = tuning.dictionaryLimit;
  tuning.dictionaryLimit = 8; // v, w and t switch to Float64Arrays after 9 distinct values
  try {
    const forms = ['{}.50', '00{}', '+{}', '{}e0', '{}'];
    const expectedV = Array.from({ length: 60 }, (_, i) => (i === 30 ? 'oops' : forms[i % 5].replace('{}', String(i))));
    const t = await readTable(fixture('fallback.csv'));
    assert.equal(col(t, 'v').type, 'categorical');
    assert.deepEqual(strings(t, 'v'), expectedV); // "0.50", "001", "+2", "3e0" – not "0.5", "1", "2", "3"
    assert.deepEqual(numbers(t, 'w'), Array.from({ length: 60 }, (_, i) => i * 1.25));
    assert.equal(col(t, 't').type, 'datetime');
    assert.equal(numbers(t, 't')[29], Date.UTC(2024, 2, 2, 5));

    // The same with reservoir sampling: rows arrive in slot order, the second pass must still find them.
    const s = await readTable(fixture('fallback.csv'), { maxRows: 20, seed: 7 });
    assert.equal(s.rows, 20);
    const ids = numbers(s, 'id') as number[];
    assert.deepEqual(strings(s, 'v'), ids.map((id) => expectedV[id]));
    assert.deepEqual(numbers(s, 'w'), ids.map((id) => id * 1.25));
  } finally {
    tuning.dictionaryLimit = limit;
  }
});

test('ColumnBuilder: past the first rows, number dictionaries decode in place, busy ones switch, late words still read exact', () => {
  const rows = 20_000;
  const few = (i: number) => (i % 9 === 4 ? 'NA' : String(i % 7)); // 7 values: stays a dictionary
  const many = (i: number) => String((i * 37) % 1000) + '.5'; // 1,000 values: switches when the column takes its size
  const late = (i: number) => (i < 15_000 ? String(i % 5) : `w${i % 3}`); // numbers, then words
  const builders = [few, many, late].map((cell) => {
    const b = new ColumnBuilder({ infer: true, overwrites: false });
    b.reserve(rows + 1000); // an estimate a little high, as the CSV reader's may be
    for (let i = 0; i < rows; i++) b.set(i, cell(i));
    return b;
  });
  const [a, m, l] = builders.map((b, k) => b.finish(`c${k}`, rows));
  assert.ok(isNumericColumn(a) && isNumericColumn(m));
  assert.deepEqual(Array.from(a.values), Array.from({ length: rows }, (_, i) => (i % 9 === 4 ? NaN : i % 7)));
  assert.equal(a.nullCount, Array.from({ length: rows }, (_, i) => i).filter((i) => i % 9 === 4).length);
  assert.equal(a.values.buffer.byteLength, 8 * (rows + 1000)); // decoded where its codes were (a new array has 8 × rows)
  assert.deepEqual(Array.from(m.values), Array.from({ length: rows }, (_, i) => ((i * 37) % 1000) + 0.5));
  assert.equal(l.type, 'categorical');
  const lc = l as CodedColumn;
  assert.deepEqual(Array.from(lc.codes, (c) => lc.categories[c]), Array.from({ length: rows }, (_, i) => late(i)));
  assert.ok(lc.codes.buffer.byteLength <= 4 * rows, 'codes of a column that turned out categorical are not kept in room for doubles');
});

test('ColumnBuilder: dictionary → Float64Array past the limit, back to a dictionary with PENDING rows on a word', () => {
  const limit = tuning.dictionaryLimit;
  tuning.dictionaryLimit = 4;
  try {
    const b = new ColumnBuilder({ infer: true, overwrites: false });
    ['1.0', '2', 'NA', '3', '4', '5', '6'].forEach((v, i) => b.set(i, v));
    assert.equal(b.hasPending, false);
    b.set(7, 'seven');
    assert.equal(b.hasPending, true);
    assert.deepEqual(b.pendingSlots(8), [0, 1, 3, 4, 5, 6]); // the missing row (NA) needs no text
    ['1.0', '2', '', '3', '4', '5', '6'].forEach((v, i) => {
      if (b.isPending(i)) b.set(i, v);
    });
    const c = b.finish('c', 9) as CodedColumn;
    assert.equal(c.type, 'categorical');
    assert.deepEqual(Array.from(c.codes, (k) => (k < 0 ? null : c.categories[k])), ['1.0', '2', null, '3', '4', '5', '6', 'seven', null]);
    assert.equal(c.nullCount, 2);

    const d = new ColumnBuilder({ infer: true, overwrites: false });
    for (let i = 0; i < 10; i++) d.set(i, `2024-01-${String(i + 1).padStart(2, '0')}`);
    d.set(10, 'null');
    const dc = d.finish('d', 11) as NumericColumn;
    assert.equal(dc.type, 'datetime');
    assert.deepEqual(Array.from(dc.values), [...Array.from({ length: 10 }, (_, i) => Date.UTC(2024, 0, i + 1)), NaN]);
    assert.equal(dc.nullCount, 1);
  } finally {
    tuning.dictionaryLimit = limit;
  }
});

test('reading a CSV does not load parquet-wasm or apache-arrow', () => {
  const read = resolve(__dirname, '../../src/core/io/read.js');
  const script = `require(${JSON.stringify(read)}).readTable(${JSON.stringify(fixture('quoted.csv'))}).then(() => {
    const loaded = Object.keys(require.cache);
    console.log(JSON.stringify([loaded.some((k) => k.includes('parquet-wasm')), loaded.some((k) => k.includes('apache-arrow'))]));
  });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), [false, false]);
});

// ── sampling ─────────────────────────────────────────────────────────────────────────────────────────────────

test('sampling: exactly maxRows rows, the same rows in every column, totalRows, deterministic per seed', async () => {
  const a = await readTable(fixture('sample.csv'), { maxRows: 100 });
  assert.equal(a.rows, 100);
  assert.equal(a.totalRows, 1000);
  assert.deepEqual(a.sample, { rows: 100, seed: 42 });
  const ids = numbers(a, 'id') as number[];
  assert.equal(new Set(ids).size, 100);
  assert.deepEqual(numbers(a, 'value'), ids.map((i) => i * 0.5));
  assert.deepEqual(strings(a, 'group'), ids.map((i) => `g${i % 4}`));
  for (const c of a.columns) assert.equal(isNumericColumn(c) ? c.values.length : c.codes.length, 100);

  const again = await readTable(fixture('sample.csv'), { maxRows: 100, seed: 42 });
  assert.deepEqual(numbers(again, 'id'), ids);
  const other = await readTable(fixture('sample.csv'), { maxRows: 100, seed: 43 });
  assert.deepEqual(other.sample, { rows: 100, seed: 43 });
  assert.notDeepEqual(numbers(other, 'id'), ids);

  const all = await readTable(fixture('sample.csv'), { maxRows: 1000 });
  assert.equal(all.rows, 1000);
  assert.equal(all.sample, undefined);
});

test('sampling: reservoir and index sampling are uniform', () => {
  // Each of 20 rows should be kept about 5/20 of the time over many seeds.
  const kept = new Array(20).fill(0);
  const picked = new Array(20).fill(0);
  const trials = 4000;
  for (let seed = 0; seed < trials; seed++) {
    const r = new Reservoir(5, seed);
    const slots: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = r.next();
      if (s >= 0) slots[s] = i;
      // Each slot names the source row it holds, before and after rows start replacing others.
      for (let k = 0; k < slots.length; k++) assert.equal(r.sourceOf(k), slots[k]);
    }
    for (const i of slots) kept[i]++;
    for (const i of sampleIndices(20, 5, seed)) picked[i]++;
  }
  const expected = (trials * 5) / 20;
  for (let i = 0; i < 20; i++) {
    assert.ok(Math.abs(kept[i] - expected) < 0.12 * expected, `reservoir row ${i}: ${kept[i]} vs ${expected}`);
    assert.ok(Math.abs(picked[i] - expected) < 0.12 * expected, `indices row ${i}: ${picked[i]} vs ${expected}`);
  }
  const idx = sampleIndices(1000, 37, 1);
  assert.equal(idx.length, 37);
  for (let i = 1; i < idx.length; i++) assert.ok(idx[i] > idx[i - 1]);
});

// ── progress and cancellation ────────────────────────────────────────────────────────────────────────────────

test('CSV: progress reaches the file size; cancellation stops reading with CancelledError', async () => {
  const big = join(tmp, 'big.csv');
  const lines = ['a,b'];
  for (let i = 0; i < 300_000; i++) lines.push(`${i},${i % 10}`);
  writeFileSync(big, lines.join('\n') + '\n');
  const size = statSync(big).size;
  const seen: number[] = [];
  const t = await readTable(big, { onProgress: (done, total) => seen.push(done / total) });
  assert.equal(t.rows, 300_000);
  assert.ok(seen.length >= 2, `progress called ${seen.length} times`);
  assert.equal(seen[seen.length - 1], 1);
  assert.ok(seen.every((f, i) => i === 0 || f >= seen[i - 1]));
  assert.ok(size > 1 << 20, 'several chunks');

  let checks = 0;
  await assert.rejects(
    readTable(big, { isCancelled: () => ++checks > 1 }),
    (err: unknown) => err instanceof CancelledError,
  );
  assert.equal(checks, 2); // stopped at the first check that said so
  await assert.rejects(readTable(fixture('table-zstd.parquet'), { isCancelled: () => true }), CancelledError);
  // Parquet: stopped between batches (one per row group), and the next read still works.
  let batches = 0;
  const progress: number[] = [];
  await assert.rejects(
    readTable(fixture('table-zstd.parquet'), { isCancelled: () => ++batches > 3, onProgress: (done) => progress.push(done) }),
    CancelledError,
  );
  assert.equal(progress.length, 2);
  const pq = await readTable(fixture('table-zstd.parquet'), { onProgress: (done, total) => progress.push(done / total) });
  assert.equal(pq.rows, 200);
  assert.equal(progress[progress.length - 1], 1);
});

// ── Parquet ──────────────────────────────────────────────────────────────────────────────────────────────────

interface Expected {
  rows: number;
  rowGroups: number;
  codecs: string[];
  types: Record<string, string>;
  skipped: string[];
  columns: Record<string, (number | string | boolean | null)[]>;
}
const expected = JSON.parse(readFileSync(fixture('parquet-expected.json'), 'utf8')) as Expected;

/** The values of a column as the fixture script wrote them (booleans as booleans, nulls as null). */
function asWritten(table: Table, name: string): (number | string | boolean | null)[] {
  const c = col(table, name);
  if (isNumericColumn(c)) return numbers(table, name);
  const s = strings(table, name);
  return c.type === 'boolean' ? s.map((v) => (v === null ? null : v === 'true')) : s;
}

function checkAgainstWritten(table: Table, rowsOfFile: number[], typeChanges: Record<string, string> = {}): void {
  assert.deepEqual(
    table.columns.map((c) => c.name),
    Object.keys(expected.types),
  );
  assert.deepEqual(
    table.skipped.map((s) => s.name),
    expected.skipped,
  );
  for (const s of table.skipped) assert.match(s.reason, /nested/);
  for (const [name, type] of Object.entries(expected.types)) {
    const c = col(table, name);
    assert.equal(c.type, typeChanges[name] ?? type, `type of ${name}`);
    const want = rowsOfFile.map((i) => expected.columns[name][i]);
    const got = asWritten(table, name);
    if (name === 'f32' || name === 'dec' || name === 'x') {
      got.forEach((v, i) => {
        const w = want[i];
        if (w === null || v === null) assert.equal(v, w, `${name}[${i}]`);
        else assert.ok(Math.abs((v as number) - (w as number)) < 1e-9, `${name}[${i}]: ${v} != ${w}`);
      });
    } else assert.deepEqual(got, want, `values of ${name}`);
    assert.equal(c.nullCount, want.filter((v) => v === null).length, `nullCount of ${name}`);
  }
}

test('Parquet: every codec reads back exactly what the fixture script wrote', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pw = require('parquet-wasm/node') as typeof import('parquet-wasm/node/parquet_wasm');
  const allRows = Array.from({ length: expected.rows }, (_, i) => i);
  assert.ok(expected.codecs.includes('SNAPPY') && expected.codecs.includes('ZSTD'));
  for (const codec of expected.codecs) {
    const path = fixture(`table-${codec.toLowerCase()}.parquet`);
    // The fixture really uses this codec, in several row groups.
    const file = await pw.ParquetFile.fromFile(await openAsBlob(path));
    const md = file.metadata();
    assert.equal(md.numRowGroups(), expected.rowGroups, `${codec}: row groups`);
    for (const rg of md.rowGroups()) {
      for (const cc of rg.columns()) assert.equal(pw.Compression[cc.compression()], codec, `${codec}: ${cc.columnPath().join('.')}`);
    }
    file.free();

    const t = await readTable(path);
    assert.equal(t.format, 'parquet');
    assert.equal(t.rows, expected.rows);
    assert.equal(t.totalRows, expected.rows);
    assert.equal(t.sample, undefined);
    checkAgainstWritten(t, allRows);
  }
});

test('Parquet: "NA" strings are data, only real nulls are missing; categories sorted', async () => {
  const t = await readTable(fixture('table-snappy.parquet'));
  assert.deepEqual(coded(t, 'name').categories, ['NA', 'alpha', 'beta', 'gamma', 'δέλτα']);
  assert.deepEqual(coded(t, 'city').categories, ['Lima', 'Oslo', 'Paris']);
  assert.equal(coded(t, 'note').categories.length, expected.rows);
});

test('Parquet: sampling keeps maxRows rows in file order, same rows in every column, deterministic', async () => {
  const t = await readTable(fixture('table-zstd.parquet'), { maxRows: 50 });
  assert.equal(t.rows, 50);
  assert.equal(t.totalRows, expected.rows);
  assert.deepEqual(t.sample, { rows: 50, seed: 42 });
  const ids = numbers(t, 'id') as number[];
  for (let i = 1; i < ids.length; i++) assert.ok(ids[i] > ids[i - 1]);
  assert.ok(ids[ids.length - 1] >= expected.rows - 48, 'the sample reaches into the last row group');
  // 50 distinct notes are too few to count as free text (more than 100 distinct needed).
  checkAgainstWritten(t, ids, { note: 'categorical' });
  const again = await readTable(fixture('table-snappy.parquet'), { maxRows: 50 });
  assert.deepEqual(numbers(again, 'id'), ids);
  const other = await readTable(fixture('table-snappy.parquet'), { maxRows: 50, seed: 1 });
  assert.notDeepEqual(numbers(other, 'id'), ids);
});

test('Parquet: a non-Parquet file, a truncated one, an empty one and a missing one fail naming the file', async () => {
  await rejectsWith(readTable(fixture('not-parquet.parquet')), (err) => {
    assert.equal(err.message, 'not-parquet.parquet: not a Parquet file (missing PAR1 magic)');
    assert.equal(err.path, fixture('not-parquet.parquet'));
  });
  await rejectsWith(readTable(fixture('truncated.parquet')), (err) => {
    assert.match(err.message, /^truncated\.parquet: .*truncated/);
  });
  // Magic intact at both ends but the footer damaged: the library's message, naming the file.
  const damaged = Buffer.from(readFileSync(fixture('table-snappy.parquet')));
  for (let i = damaged.length - 600; i < damaged.length - 8; i++) damaged[i] ^= 0x33;
  const damagedPath = join(tmp, 'damaged.parquet');
  writeFileSync(damagedPath, damaged);
  await rejectsWith(readTable(damagedPath), (err) => {
    assert.match(err.message, /^damaged\.parquet: cannot read Parquet file: \S/);
  });
  const empty = join(tmp, 'empty.parquet');
  writeFileSync(empty, '');
  await rejectsWith(readTable(empty), (err) => assert.match(err.message, /empty\.parquet: file is empty/));
  const missing = join(tmp, 'missing.PARQUET');
  await rejectsWith(readTable(missing), (err) => {
    assert.ok(err.message.includes(missing));
    assert.equal(err.path, missing);
  });
  // The reader still works after those failures (the WebAssembly module is not left broken).
  assert.equal((await readTable(fixture('table-gzip.parquet'))).rows, expected.rows);
});
