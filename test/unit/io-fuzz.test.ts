/**
 * Property-based fuzzing of the readers (readTable) with hostile files. Every read must, within a time bound, either
 * resolve to a well-formed Table (every column's length == rows, nullCount == NaN values / -1 codes, codes inside
 * `categories`, distinct names) or reject with a DataReadError whose message names the file (and the line it gives);
 * never another error class, a hang, an unhandled rejection or an uncaught exception (watched for the whole file).
 * fast-check with fixed seeds, so every run reads the same files; a failure prints the shrunk case.
 *
 * Properties, case counts and what they saw (2-core machine: the whole file takes about 14 s, 8 of them the 100 MB
 * files; the tallies are printed at the end):
 * - malformed CSV/TSV (400 cases, seed 0xC5F): random quotes (unbalanced, doubled, stray, quoted delimiters and
 *   line breaks), delimiters , ; tab | mixed within a file or not, LF/CRLF/CR mixes, blank lines, UTF-8 BOM and
 *   UTF-16 LE/BE with BOM, invalid UTF-8 and NUL bytes spliced in, ragged or rectangular rows, empty files,
 *   header-only files, empty/duplicate headers, null tokens (default or a custom list), 1-5 MB single fields (about
 *   1 case in 25), forced column types, maxRows sampling, raggedRows 'error' and 'skip':
 *   183 tables, 217 DataReadErrors (81 empty files, 43 unclosed quotes, 52 ragged rows, 36 NUL bytes/binary,
 *   5 forced-type failures); slowest read 0.6 s (a 5 MB field). No failure found.
 * - corrupted Parquet (350 cases, seed 0x9A8): every committed .parquet fixture (DuckDB, polars, pyarrow,
 *   parquet-mr; every codec and encoding), truncated at a random length and/or up to 6 bytes overwritten (half of
 *   them in the last 4 KiB, the footer): 29 tables, 321 DataReadErrors (165 footer magic missing, 34 decoder
 *   panics, 29 head magic missing, the rest parquet-wasm's own errors: bad thrift, EOF, invalid UTF-8, schema).
 *   Before the fix one case in ten made parquet-wasm panic inside a microtask: an uncaught
 *   `RuntimeError: unreachable` and a read that never settled (see parquet.ts, PanicTrap). A good file reads the
 *   same after all those panics (checked). Minimal case (shrunk): duckdb-gzip.parquet with byte 11858 (mid-file, in a
 *   data page) XOR 0x5a.
 * - corrupted Arrow IPC / Feather (300 cases, seed 0xA77): file and stream formats, LZ4 and ZSTD Feather, the wide
 *   file: 67 tables, 233 DataReadErrors (122 end magic missing, 27 Feather v1 magic, 19 not IPC, 15 ZSTD, the rest
 *   apache-arrow's length checks and the guards below).
 *   Found and fixed (arrowIpc.ts): one flipped byte in a file's record batch message made apache-arrow re-read the
 *   same block forever (shrunk by fast-check: table-lz4.feather with byte 248, the first message's continuation
 *   marker, set to 0); in a stream's message length, read at a negative position forever (table-stream.arrow, byte 9383 0x00 → 0xf4); in a batch's buffer count, decode
 *   millions of buffers for 10 s and 1.4 GB before reading fine (table.feather, byte 12942 0x00 → 0xf7).
 * - corrupted and generated JSON Lines (150 + 300 cases, seeds 0x15E / 0x15F): the fixtures corrupted as above;
 *   generated lines of random JSON values, objects with random keys (including "__proto__", "constructor", ""),
 *   broken JSON, CR/CRLF, BOMs, invalid UTF-8 and NUL bytes: fixtures 55 tables / 95 DataReadErrors, generated 130 /
 *   170 (not valid JSON, not an object, empty). No failure found.
 * - large and awkward files: a 100 MB single-line CSV (one 100 MB header field; and a header then one 100 MB field),
 *   a 10,000-column CSV, paths with spaces and non-ASCII ("données été/ü ñ 數據.csv"), symlinks (to CSV, Parquet,
 *   Arrow; dangling; a loop), a directory named like a data file. The 100 MB line fails cleanly after 16 MB ("a record
 *   runs on for more than 16 MB", line 1 / line 2) in 3-5 s with the peak RSS up 5-230 MB; 10,000 columns × 5 rows
 *   read in 0.2 s; the paths and links read like the originals, the bad ones give DataReadErrors.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import * as fc from 'fast-check';
import { readTable } from '../../src/core/io/read';
import type { ColumnType, ReadOptions, Table } from '../../src/core/io/table';
import { assertCleanError, assertWellFormed, corrupt, corruption, readOutcome, Tally, watchProcess } from './support/fuzz';

// Compiled to out/test/unit/io-fuzz.test.js; fixtures stay in the source tree.
const DATA = resolve(__dirname, '../../../test/fixtures/data');
/** A read of a small file that takes longer than this is a hang (generous: the CI machine has 2 cores). */
const CASE_MS = 8000;
const report: string[] = [];
let dir: string;
let watch: { stop(): void };

before(() => {
  dir = fs.mkdtempSync(join(tmpdir(), 'drift-io-fuzz-'));
  watch = watchProcess();
});

after(() => {
  fs.rmSync(dir, { recursive: true, force: true });
  console.log(`\n${report.join('\n')}`);
  watch.stop();
});

let serial = 0;
/** Writes `bytes` to a new file (a name with a space and an accent, so messages must carry it as it is). */
function caseFile(bytes: Uint8Array, ext: string): string {
  const path = join(dir, `case ${++serial} é.${ext}`);
  fs.writeFileSync(path, bytes);
  return path;
}

async function check(bytes: Uint8Array, ext: string, options: ReadOptions, tally: Tally, limitMs = CASE_MS): Promise<void> {
  const path = caseFile(bytes, ext);
  try {
    tally.add(await readOutcome(path, options, limitMs), path);
  } finally {
    fs.rmSync(path, { force: true });
  }
}

// ── malformed CSV ─────────────────────────────────────────────────────────────────────────────────────────────

const DELIMITERS = [',', ';', '\t', '|'] as const;
const EOLS = ['\n', '\r\n', '\r'] as const;

const plainCell = fc.oneof(
  fc.constantFrom('', ' ', '1', '-2.5', '1e3', '0x1F', 'NaN', 'NA', 'N/A', 'null', 'None', '-', '?', 'true', 'FALSE'),
  fc.constantFrom('2024-01-02', '2024-01-02T03:04:05Z', '01/02/2024', 'Infinity', '-0', '1,5', '00501', 'é', '數據', '\u00a0', '\ufeff'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
  fc.integer().map(String),
  fc.double().map(String),
);

/** A field as written: plain, properly quoted (holding delimiters, line breaks, doubled quotes), or broken quoting. */
const field = fc.oneof(
  { weight: 6, arbitrary: plainCell },
  {
    weight: 2,
    arbitrary: fc
      .tuple(plainCell, fc.constantFrom('', ',', ';', '\t', '|', '\n', '\r\n', '\r', '"'), plainCell)
      .map(([a, x, b]) => `"${(a + x + b).replace(/"/g, '""')}"`),
  },
  { weight: 1, arbitrary: fc.constantFrom('"', '"abc', 'ab"c', '"a"b', '""', '"""', 'a""b', '"x""', '"\n', 'x"\r\n"', '"a,b') },
);

interface CsvCase {
  header: string[];
  rows: string[][];
  rectangular: boolean;
  delimiter: string;
  mixDelimiters: boolean;
  eol: string;
  mixEols: boolean;
  gaps: { delimiter: string; eol: string }[];
  blankLines: number[];
  trailingEol: boolean;
  shape: 'normal' | 'empty' | 'whitespace' | 'headerOnly';
  encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';
  splices: { at: number; bytes: number[] }[];
  big: { bytes: number; row: number; col: number; quoted: boolean } | null;
  ext: 'csv' | 'tsv';
  options: ReadOptions;
}

const csvCase: fc.Arbitrary<CsvCase> = fc.record({
  header: fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', 'a', '', ' ', 'x y', 'é') }, { weight: 1, arbitrary: field }), {
    minLength: 0,
    maxLength: 5,
  }),
  rows: fc.array(fc.array(field, { minLength: 0, maxLength: 6 }), { minLength: 0, maxLength: 12 }),
  rectangular: fc.boolean(),
  delimiter: fc.constantFrom(...DELIMITERS),
  mixDelimiters: fc.boolean(),
  eol: fc.constantFrom(...EOLS),
  mixEols: fc.boolean(),
  gaps: fc.array(fc.record({ delimiter: fc.constantFrom(...DELIMITERS), eol: fc.constantFrom(...EOLS) }), { minLength: 1, maxLength: 7 }),
  blankLines: fc.array(fc.nat({ max: 14 }), { maxLength: 3 }),
  trailingEol: fc.boolean(),
  shape: fc.constantFrom('normal', 'normal', 'normal', 'normal', 'normal', 'normal', 'empty', 'whitespace', 'headerOnly'),
  encoding: fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
  splices: fc.array(
    fc.record({
      at: fc.nat({ max: 4000 }),
      bytes: fc.constantFrom([0xff], [0xc3], [0xe2, 0x82], [0x00], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf], [0xfe, 0xff], [0xff, 0xfe], [0x80, 0x80, 0x80]),
    }),
    { maxLength: 2 },
  ),
  big: fc.oneof(
    { weight: 24, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({ bytes: fc.integer({ min: 1 << 20, max: 5 << 20 }), row: fc.nat({ max: 12 }), col: fc.nat({ max: 5 }), quoted: fc.boolean() }),
    },
  ),
  ext: fc.constantFrom('csv', 'csv', 'csv', 'tsv'),
  options: fc.record(
    {
      raggedRows: fc.constantFrom('error', 'skip'),
      nullTokens: fc.constantFrom(['NA', '-', ''], ['?'], []),
      maxRows: fc.constantFrom(1, 3, 1000),
      columnTypes: fc.dictionary(fc.constantFrom('a', 'b', 'c', 'column_1', 'a_2'), fc.constantFrom<ColumnType>('numeric', 'categorical', 'boolean', 'datetime', 'text'), {
        maxKeys: 2,
      }),
    },
    { requiredKeys: ['raggedRows'] },
  ),
});

/** The bytes of a CSV case. */
function csvBytes(c: CsvCase): Buffer {
  if (c.shape === 'empty') return Buffer.alloc(0);
  let text: string;
  if (c.shape === 'whitespace') text = c.eol.repeat(3) + '  ' + c.eol;
  else {
    const lines: string[][] = [c.header, ...(c.shape === 'headerOnly' ? [] : c.rows)];
    if (c.rectangular) {
      const n = Math.max(1, c.header.length);
      for (let i = 1; i < lines.length; i++) lines[i] = Array.from({ length: n }, (_, j) => lines[i][j] ?? '');
    }
    if (c.big) {
      const i = c.big.row % lines.length;
      const j = c.big.col % Math.max(1, lines[i].length);
      const huge = 'x'.repeat(c.big.bytes);
      lines[i] = [...lines[i]];
      lines[i][j] = c.big.quoted ? `"${huge}"` : huge;
    }
    const parts: string[] = [];
    let k = 0;
    const gap = () => c.gaps[k++ % c.gaps.length];
    lines.forEach((fields, i) => {
      if (c.blankLines.includes(i)) parts.push(c.mixEols ? gap().eol : c.eol);
      fields.forEach((f, j) => {
        if (j > 0) parts.push(c.mixDelimiters ? gap().delimiter : c.ext === 'tsv' ? '\t' : c.delimiter);
        parts.push(f);
      });
      if (i < lines.length - 1 || c.trailingEol) parts.push(c.mixEols ? gap().eol : c.eol);
    });
    text = parts.join('');
  }
  let bytes: Buffer;
  switch (c.encoding) {
    case 'utf-8':
      bytes = Buffer.from(text, 'utf8');
      break;
    case 'utf-8-bom':
      bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
      break;
    case 'utf-16le':
      bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
      break;
    case 'utf-16be':
      bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
      break;
  }
  for (const s of c.splices) {
    const at = bytes.length === 0 ? 0 : s.at % (bytes.length + 1);
    bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(s.bytes), bytes.subarray(at)]);
  }
  return bytes;
}

test('malformed CSV/TSV: a well-formed Table or a DataReadError naming the file, never a hang or a crash', async () => {
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(csvCase, async (c) => {
      await check(csvBytes(c), c.ext, c.options, tally);
    }),
    { seed: 0xc5f, numRuns: 400 },
  );
  report.push(tally.report('malformed CSV/TSV'));
  assert.ok(tally.tables > 40 && tally.errors > 40, 'both outcomes should be common');
});

// ── corrupted binary fixtures ─────────────────────────────────────────────────────────────────────────────────

const fixtureBytes = new Map<string, Buffer>();
function fixture(name: string): Buffer {
  let bytes = fixtureBytes.get(name);
  if (!bytes) fixtureBytes.set(name, (bytes = fs.readFileSync(join(DATA, name))));
  return bytes;
}

const readOptions: fc.Arbitrary<ReadOptions> = fc.record(
  { maxRows: fc.constantFrom(1, 7, 150), raggedRows: fc.constantFrom('error', 'skip'), nullTokens: fc.constant(['NA', '']) },
  { requiredKeys: [] },
);

async function corruptionProperty(label: string, names: string[], ext: (name: string) => string, seed: number, numRuns: number): Promise<Tally> {
  const tally = new Tally();
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...names), corruption, readOptions, async (name, c, options) => {
      await check(corrupt(fixture(name), c), ext(name), options, tally);
    }),
    { seed, numRuns },
  );
  report.push(tally.report(label));
  return tally;
}

const PARQUET = fs.readdirSync(DATA).filter((f) => f.endsWith('.parquet'));
const ARROW = fs.readdirSync(DATA).filter((f) => /\.(arrow|feather)$/.test(f));
const JSONL = fs.readdirSync(DATA).filter((f) => /\.(jsonl|ndjson)$/.test(f));

/** Column names, types, rows and every value (NaN as null), to compare two reads of the same data. */
function fingerprint(t: Table): string {
  return JSON.stringify({
    rows: t.rows,
    columns: t.columns.map((c) => ({
      name: c.name,
      type: c.type,
      nulls: c.nullCount,
      data: 'values' in c ? Array.from(c.values, (v) => (Number.isNaN(v) ? null : v)) : { codes: Array.from(c.codes), categories: c.categories },
    })),
  });
}

test('corrupted Parquet (truncated, bytes overwritten): a Table or a DataReadError, and panics leave the decoder usable', async () => {
  const good = join(DATA, 'duckdb-snappy.parquet');
  const expected = fingerprint(await readTable(good));
  const tally = await corruptionProperty('corrupted Parquet', PARQUET, () => 'parquet', 0x9a8, 350);
  assert.ok(tally.errors > 100);
  assert.equal(fingerprint(await readTable(good)), expected, 'a good file reads differently after the corrupted ones');
});

test('corrupted Arrow IPC and Feather: a Table or a DataReadError', async () => {
  const tally = await corruptionProperty('corrupted Arrow/Feather', ARROW, (n) => n.split('.').pop()!, 0xa77, 300);
  assert.ok(tally.errors > 100);
});

test('corrupted JSON Lines fixtures: a Table or a DataReadError', async () => {
  await corruptionProperty('corrupted JSON Lines fixtures', JSONL, (n) => n.split('.').pop()!, 0x15e, 150);
});

const jsonKey = fc.oneof(fc.constantFrom('a', 'b', 'c', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'a_2', 'column_1'), fc.string({ maxLength: 4 }));
const jsonLine = fc.oneof(
  { weight: 6, arbitrary: fc.dictionary(jsonKey, fc.oneof(fc.jsonValue({ maxDepth: 1 }), fc.constantFrom('NA', 'null', '1', '2024-01-02', 'true')), { maxKeys: 4 }).map((o) => JSON.stringify(o)) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v) ?? 'null') },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '{', '}', '{"a":', '{"a":1,}', "{'a':1}", '{"a":1}{"b":2}', '{"a":NaN}', '{"__proto__":{"x":1}}', '[1,2]', '"x"', '{"a":1} x') },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
);

test('generated JSON Lines (random values and keys, broken lines, CR/CRLF, BOMs, invalid bytes): a Table or a DataReadError', async () => {
  const tally = new Tally();
  const jsonCase = fc.record({
    lines: fc.array(jsonLine, { maxLength: 12 }),
    eols: fc.array(fc.constantFrom('\n', '\r\n', '\r\n', '\n\n', '\r'), { minLength: 1, maxLength: 4 }),
    encoding: fc.constantFrom('utf-8', 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
    splices: fc.array(fc.record({ at: fc.nat({ max: 2000 }), bytes: fc.constantFrom([0xff], [0xc3], [0x00], [0xed, 0xa0, 0x80], [0xef, 0xbb, 0xbf]) }), { maxLength: 2 }),
    ext: fc.constantFrom('jsonl', 'ndjson'),
    options: readOptions,
  });
  await fc.assert(
    fc.asyncProperty(jsonCase, async (c) => {
      const text = c.lines.map((l, i) => l + c.eols[i % c.eols.length]).join('');
      let bytes =
        c.encoding === 'utf-16le'
          ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
          : c.encoding === 'utf-16be'
            ? Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])
            : Buffer.concat([Buffer.from(c.encoding === 'utf-8-bom' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
      for (const s of c.splices) {
        const at = s.at % (bytes.length + 1);
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(s.bytes), bytes.subarray(at)]);
      }
      await check(bytes, c.ext, c.options, tally);
    }),
    { seed: 0x15f, numRuns: 300 },
  );
  report.push(tally.report('generated JSON Lines'));
  assert.ok(tally.tables > 30 && tally.errors > 30, 'both outcomes should be common');
});

// ── large and awkward files ───────────────────────────────────────────────────────────────────────────────────

/** Writes `total` bytes of `fill` after `head` and before `tail`, 1 MiB at a time (never the whole file in memory). */
function writeStreaming(path: string, head: string, fill: number, total: number, tail: string): void {
  const fd = fs.openSync(path, 'w');
  try {
    fs.writeSync(fd, head);
    const chunk = Buffer.alloc(1 << 20, fill);
    for (let left = total; left > 0; left -= chunk.length) fs.writeSync(fd, chunk, 0, Math.min(left, chunk.length));
    fs.writeSync(fd, tail);
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads with the time bound and reports time and how much the process's peak resident memory grew. */
async function timedRead(label: string, path: string, limitMs: number): Promise<Awaited<ReturnType<typeof readOutcome>>> {
  const peakBefore = process.resourceUsage().maxRSS;
  const outcome = await readOutcome(path, {}, limitMs);
  const grewMb = (process.resourceUsage().maxRSS - peakBefore) / 1024;
  const what = outcome.kind === 'table' ? `a table of ${outcome.table.rows} rows × ${outcome.table.columns.length} columns` : `DataReadError "${outcome.error.message}"`;
  report.push(`${label}: ${what} in ${outcome.ms.toFixed(0)} ms; peak RSS grew by ${grewMb.toFixed(0)} MB`);
  assert.ok(grewMb < 1024, `${label}: peak memory grew by ${grewMb.toFixed(0)} MB`);
  return outcome;
}

test('a 100 MB single-line CSV (one huge header field; one huge field after a header): bounded time and memory', async () => {
  const header = join(dir, 'one header line.csv');
  writeStreaming(header, '', 0x68 /* h */, 100 << 20, '');
  let outcome = await timedRead('100 MB header, no line break', header, 60_000);
  fs.rmSync(header);
  assert.equal(outcome.kind, 'error');

  const field = join(dir, 'one huge field.csv');
  writeStreaming(field, 'id,text\n1,', 0x78 /* x */, 100 << 20, '\n2,short\n');
  outcome = await timedRead('100 MB field on line 2', field, 60_000);
  fs.rmSync(field);
  assert.equal(outcome.kind, 'error');
  if (outcome.kind === 'error') assert.equal(outcome.error.line, 2);
});

test('a 10,000-column CSV reads within bounds', async () => {
  const path = join(dir, 'wide 10000.csv');
  const columns = 10_000;
  const lines = [Array.from({ length: columns }, (_, j) => `c${j}`).join(',')];
  for (let r = 0; r < 5; r++) lines.push(Array.from({ length: columns }, (_, j) => (j % 3 === 0 ? `${r * j}` : j % 3 === 1 ? `v${(r + j) % 4}` : r === 2 ? 'NA' : `${r}.5`)).join(','));
  fs.writeFileSync(path, lines.join('\n') + '\n');
  const outcome = await timedRead('10,000 columns × 5 rows', path, 30_000);
  assert.equal(outcome.kind, 'table');
  if (outcome.kind === 'table') {
    assert.equal(outcome.table.columns.length, columns);
    assert.equal(outcome.table.rows, 5);
    assert.equal(outcome.table.columns[9999].name, 'c9999');
  }
});

test('paths with spaces and non-ASCII names, and symlinks, read like the original; bad links fail cleanly', async () => {
  const unicode = join(dir, 'données été');
  fs.mkdirSync(unicode);
  const cases: [string, string][] = [
    [join(unicode, 'ü ñ 數據.csv'), 'sample.csv'],
    [join(dir, 'with space', 'a b.tsv'), 'data.tsv'],
    [join(unicode, 'ü ñ 數據.parquet'), 'duckdb-snappy.parquet'],
    [join(unicode, 'ü ñ 數據.feather'), 'table-lz4.feather'],
    [join(unicode, 'ü ñ 數據.jsonl'), 'records.jsonl'],
  ];
  const started = performance.now();
  for (const [path, name] of cases) {
    fs.mkdirSync(join(path, '..'), { recursive: true });
    fs.copyFileSync(join(DATA, name), path);
    const expected = fingerprint(await readTable(join(DATA, name)));
    const copy = await readTable(path);
    assertWellFormed(copy, path);
    assert.equal(fingerprint(copy), expected, path);
    const link = join(unicode, `lien vers ${name}`);
    fs.symlinkSync(path, link);
    const linked = await readTable(link);
    assertWellFormed(linked, link);
    assert.equal(fingerprint(linked), expected, link);
  }
  // Bad links and a directory named like a data file: DataReadErrors naming them.
  const dangling = join(unicode, 'perdu.csv');
  fs.symlinkSync(join(unicode, 'nowhere.csv'), dangling);
  const loop = join(unicode, 'boucle.parquet');
  fs.symlinkSync(loop, loop);
  const directory = join(unicode, 'dossier.csv');
  fs.mkdirSync(directory);
  for (const path of [dangling, loop, directory]) {
    const error = await readTable(path).then(
      () => undefined,
      (e: unknown) => e,
    );
    assertCleanError(error, path);
  }
  report.push(`paths: ${cases.length} files with spaces/non-ASCII names and ${cases.length} symlinks read like the originals; a dangling link, a link loop and a directory named .csv gave DataReadErrors (${(performance.now() - started).toFixed(0)} ms)`);
});
