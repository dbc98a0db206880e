// Reader throughput and memory: generates seeded CSV and Parquet files under bench-data/ (git-ignored) of about
// 10 MB, 100 MB and 1 GB of CSV (the Parquet files hold the same rows), then reads each one in a child process of
// its own through the compiled readers (out/src/core/io/read.js) and reports read time, MB/s, rows/s and peak RSS
// (process.resourceUsage().maxRSS of that child), once in full (no row cap) and once with the default sampling cap
// (maxRows 1,000,000, as the extension reads). Also reads node_modules/vega-datasets/data/flights-3m.parquet.
//
// Build first: npx tsc -p tsconfig.json
// Usage: node scripts/bench-io.mjs [--sizes 10,100,1000] [--formats csv,parquet] [--modes full,sampled] [--no-flights]
//   Files already generated are reused (delete bench-data/io-* to regenerate).
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeParquetStream } from './parquetStream.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dataDir = join(root, 'bench-data');
const readJs = join(root, 'out', 'src', 'core', 'io', 'read.js');
if (!existsSync(readJs)) {
  console.error('bench-io: build first (npx tsc -p tsconfig.json)');
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizesMb = arg('sizes', '10,100,1000').split(',').map(Number);
const formats = arg('formats', 'csv,parquet').split(',');
const modes = arg('modes', 'full,sampled').split(',');
const DEFAULT_MAX_ROWS = 1_000_000; // the extension's default driftInspector.maxRows
mkdirSync(dataDir, { recursive: true });

// The same seeded generator the readers sample with.
const { seededRandom } = require(join(root, 'out', 'src', 'core', 'io', 'sample.js'));

// ── data ──────────────────────────────────────────────────────────────────────────────────────────────────────
// Eight columns of the kinds ML tables hold: an id, two floats, a small int, a category, a flag, a date and a
// high-cardinality string (categorical by the cardinality rule). About 75 bytes a CSV row.
const CATS = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow', 'black', 'white', 'orange', 'purple', 'grey', 'brown'];
const USERS = 50_000;
const DAY0 = Date.UTC(2023, 0, 1) / 86_400_000;
const CHUNK = 1 << 17; // rows generated at a time (and rows per Parquet write batch)

/** Rows [start, start + n) of the table of `seed`; each chunk has its own stream, so any chunk can be made alone. */
function makeChunk(seed, start, n) {
  const r = seededRandom(seed * 1_000_003 + start);
  const c = {
    id: new Int32Array(n),
    x: new Float64Array(n),
    y: new Float64Array(n),
    n: new Int32Array(n),
    cat: new Int32Array(n),
    flag: new Uint8Array(n),
    day: new Int32Array(n),
    user: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const g = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    c.id[i] = start + i;
    c.x[i] = Math.round(g * 1e4) / 1e4;
    c.y[i] = Math.round(Math.exp(g * 0.5 + 3) * 100) / 100;
    c.n[i] = Math.floor(r() * 100);
    c.cat[i] = Math.floor(r() ** 2 * CATS.length);
    c.flag[i] = r() < 0.3 ? 1 : 0;
    c.day[i] = DAY0 + Math.floor(r() * 365);
    c.user[i] = Math.floor(r() * USERS);
  }
  return c;
}

const dayText = (d) => new Date(d * 86_400_000).toISOString().slice(0, 10);

function csvText(c) {
  const lines = new Array(c.id.length);
  for (let i = 0; i < lines.length; i++) {
    lines[i] = `${c.id[i]},${c.x[i]},${c.y[i]},${c.n[i]},${CATS[c.cat[i]]},${c.flag[i] ? 'true' : 'false'},${dayText(c.day[i])},user_${c.user[i]}`;
  }
  return lines.join('\n') + '\n';
}

/** Writes a CSV of about `mb` MB; returns its row count (kept beside it so the Parquet file can match it). */
function makeCsv(path, mb, seed) {
  const target = mb * 1e6;
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  let bytes = writeSync(fd, 'id,x,y,n,cat,flag,day,user\n');
  let rows = 0;
  while (bytes < target) {
    // The last chunk is cut so the file lands near the target size.
    const text = csvText(makeChunk(seed, rows, CHUNK));
    let end = text.length;
    let n = CHUNK;
    if (bytes + end > target) {
      const cut = text.indexOf('\n', Math.max(0, target - bytes)) + 1;
      n = text.slice(0, cut).split('\n').length - 1;
      end = cut;
    }
    bytes += writeSync(fd, text.slice(0, end));
    rows += n;
    if (rows % (CHUNK * 16) === 0) process.stdout.write(`\r  ${path}: ${(bytes / 1e6).toFixed(0)} MB`);
  }
  closeSync(fd);
  renameSync(tmp, path);
  process.stdout.write('\r');
  return rows;
}

/** Writes the same rows as Parquet, streamed through parquet-wasm's writer in row groups, never whole in memory. */
async function makeParquet(path, rows, seed) {
  const arrow = require('apache-arrow');
  const pw = require('parquet-wasm/node');
  const catDict = arrow.vectorFromArray(CATS, new arrow.Utf8());
  const userDict = arrow.vectorFromArray(Array.from({ length: USERS }, (_, u) => `user_${u}`), new arrow.Utf8());
  const dictType = (id) => new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32(), id);
  const batchOf = (start, n) => {
    const c = makeChunk(seed, start, n);
    const flagBits = new Uint8Array(Math.ceil(n / 8));
    for (let i = 0; i < n; i++) if (c.flag[i]) flagBits[i >> 3] |= 1 << (i & 7);
    const vec = (type, data, dictionary) => arrow.makeVector(arrow.makeData({ type, length: n, nullCount: 0, data, dictionary }));
    const table = new arrow.Table({
      id: vec(new arrow.Int32(), c.id),
      x: vec(new arrow.Float64(), c.x),
      y: vec(new arrow.Float64(), c.y),
      n: vec(new arrow.Int32(), c.n),
      cat: vec(dictType(0), c.cat, catDict),
      flag: vec(new arrow.Bool(), flagBits),
      day: vec(new arrow.DateDay(), c.day),
      user: vec(dictType(1), c.user, userDict),
    });
    const wasmTable = pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream'));
    const [batch] = wasmTable.recordBatches();
    return batch;
  };
  let start = 0;
  const batches = new ReadableStream({
    pull(controller) {
      if (start >= rows) {
        controller.close();
        return;
      }
      const n = Math.min(CHUNK, rows - start);
      controller.enqueue(batchOf(start, n));
      start += n;
      if (start % (CHUNK * 16) === 0) process.stdout.write(`\r  ${path}: ${(start / 1e6).toFixed(1)} M rows`);
    },
  }, { highWaterMark: 1 });
  await writeParquetStream(path, batches, 'drift-inspector bench-io');
  process.stdout.write('\r');
}

// ── reading ───────────────────────────────────────────────────────────────────────────────────────────────────

/** Reads `path` in a child process of its own, so its peak RSS is this read's alone. */
function measure(path, maxRows) {
  const child = `
    const t0 = process.hrtime.bigint();
    require(${JSON.stringify(readJs)}).readTable(${JSON.stringify(path)}, { maxRows: ${maxRows} }).then((t) => {
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const types = {};
      for (const c of t.columns) types[c.type] = (types[c.type] ?? 0) + 1;
      console.log(JSON.stringify({ seconds, rows: t.rows, totalRows: t.totalRows, types, skipped: t.skipped.length, peakMb: process.resourceUsage().maxRSS / 1024 }));
    }, (err) => { console.error(err.message); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status} ${r.signal ?? ''}`).trim().split('\n')[0] };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function baselineMb() {
  const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(readJs)}); console.log(process.resourceUsage().maxRSS / 1024)`], { encoding: 'utf8' });
  return Number(r.stdout.trim());
}

const peakSoFar = () => `generator peak RSS so far ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`;

const results = [];
function report(label, path, maxRows) {
  const mb = statSync(path).size / 1e6;
  const m = measure(path, maxRows);
  const mode = maxRows > 0 ? `maxRows ${maxRows.toLocaleString()}` : 'full';
  if (m.error) {
    console.log(`${label.padEnd(30)} ${mode.padEnd(18)} FAILED: ${m.error}`);
    results.push({ label, mode, mb, error: m.error });
    return;
  }
  const types = Object.entries(m.types).map(([t, k]) => `${k} ${t}`).join(', ');
  console.log(
    `${label.padEnd(30)} ${mode.padEnd(18)} ${mb.toFixed(0).padStart(6)} MB ${m.totalRows.toLocaleString().padStart(11)} rows ` +
      `${m.seconds.toFixed(2).padStart(7)} s ${(mb / m.seconds).toFixed(1).padStart(7)} MB/s ${(m.totalRows / m.seconds / 1e6).toFixed(2).padStart(6)} M rows/s ` +
      `peak RSS ${m.peakMb.toFixed(0).padStart(5)} MB  (${m.rows.toLocaleString()} rows held; ${types}${m.skipped ? `; ${m.skipped} skipped` : ''})`,
  );
  results.push({ label, mode, mb, ...m });
}

console.log(`Node ${process.version}; baseline RSS of a child that loads the readers: ${baselineMb().toFixed(0)} MB\n`);
for (const size of sizesMb) {
  const csv = join(dataDir, `io-${size}mb.csv`);
  const meta = join(dataDir, `io-${size}mb.json`);
  const parquet = join(dataDir, `io-${size}mb.parquet`);
  const seed = 1000 + size;
  if (!existsSync(csv) || !existsSync(meta)) {
    const t0 = Date.now();
    const rows = makeCsv(csv, size, seed);
    writeFileSync(meta, JSON.stringify({ rows }) + '\n');
    console.log(`generated ${csv} (${rows.toLocaleString()} rows) in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${peakSoFar()}`);
  }
  const { rows } = JSON.parse(readFileSync(meta, 'utf8'));
  if (formats.includes('parquet') && !existsSync(parquet)) {
    const t0 = Date.now();
    await makeParquet(parquet, rows, seed);
    console.log(
      `generated ${parquet} (${rows.toLocaleString()} rows, ${(statSync(parquet).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${peakSoFar()}`,
    );
  }
  for (const format of formats) {
    const path = format === 'csv' ? csv : parquet;
    for (const mode of modes) report(`${format} ~${size} MB of CSV`, path, mode === 'full' ? 0 : DEFAULT_MAX_ROWS);
  }
}
const flights = join(root, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
if (!process.argv.includes('--no-flights') && existsSync(flights)) {
  console.log('');
  for (const mode of modes) report('flights-3m.parquet', flights, mode === 'full' ? 0 : DEFAULT_MAX_ROWS);
}
writeFileSync(join(dataDir, 'bench-io-results.json'), JSON.stringify({ node: process.version, results }, null, 2) + '\n');
