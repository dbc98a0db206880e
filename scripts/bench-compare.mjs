// `npm run bench:compare` (also the last step of `npm run bench`): our end-to-end comparison measured side by side
// with pandas + SciPy doing the same work and DuckDB reading and aggregating the same files, in the same run.
//
// Data (seeded, generated under bench-data/ (git-ignored) and reused when present; delete bench-data/cmp-* to
// regenerate): for each size (rows) × width (columns), a reference and a current file, as CSV and as Parquet
// (parquet-wasm, snappy, row groups of 2^20 rows). Columns repeat the pattern float (Gaussian, ~2% nulls), float
// (log-normal, ~2% nulls), small int (0..9+), categorical (5–50 string levels, ~1% nulls), categorical; in the
// current file 3 columns of every 10 are shifted (a float's mean by 0.3 σ, an int up by one for half the rows, a
// categorical's skew). Plus real data: node_modules/vega-datasets/data/flights-3m.parquet (3,000,000 US flights of
// the first half of 2001, sorted by date) split by date: the first 1.5 M rows (1 Jan–2 Apr) are the reference, the
// last 1.5 M (2 Apr–30 Jun) the current file, written as Parquet and CSV.
//
// For every file pair and format (each tool in a child process of its own; wall time from spawn to exit, peak RSS
// the child's own maxRSS):
//   ours     node dist/cli.js compare REF CUR --format json --no-multivariate --max-rows ROWS+1 (no sampling):
//            read both files, every default test, histograms and quantiles, the JSON report written to a file;
//            and again with multivariate drift (the default); and a breakdown in one process through out/:
//            read (readPair) / tests (compareTablesInThreads, as the CLI) / JSON (stringify + write);
//   pandas   /usr/bin/python3 scripts/bench_pandas.py REF CUR: read_csv / read_parquet, then per column the same
//            default test (scipy), histogram (numpy) and describe. Needs Debian python3-pandas and python3-scipy
//            (apt-get install -y python3-pandas python3-scipy); Parquet also needs pyarrow or fastparquet, which
//            Debian 12 does not package: without them the Parquet rows have no pandas figures (said so);
//   DuckDB   @duckdb/node-api, installed at bench time with `npm install --prefix` into a temporary folder
//            ($TMPDIR/drift-bench-duckdb, reused by later runs; never the repository's dependencies): CREATE TABLE AS
//            read_csv / read_parquet for both files (its default 2 threads here), then per side one scan computing
//            count, min, max, mean, std and 5 quantiles of every numeric column, and one computing every numeric
//            column's histogram over shared equal-width edges and every categorical column's value counts: the
//            read-and-aggregate part of the work, no statistical tests.
// Then a table per format and size with the ratios, checked against the issue's targets (a report, not an
// assertion: exit 0 unless something crashed): ours ≥ 3× faster than pandas + SciPy end to end; ours within 1.5×
// of DuckDB's read-and-aggregate time; our peak memory < 2× the in-memory size of the compared columns (8 bytes
// per numeric value, 4 per categorical code, both sides). Written as Markdown to bench-data/bench-compare.md.
//
// Build first (npm run bench does): node esbuild.config.mjs && npx tsc -p tsconfig.json
// Usage: node scripts/bench-compare.mjs [--sizes 1e5,1e6] [--columns 10,50] [--formats csv,parquet]
//          [--skip pandas,duckdb,multivariate,breakdown,flights] [--repeats 2]
//   Default: 1e5 and 1e6 rows × 10 and 50 columns, CSV and Parquet, and the flights pair. 1e7 rows is opt-in:
//   --sizes 1e7 --columns 10 takes ~4 minutes once generated (pandas alone 2.3 minutes, 3.9 GB); at 50 columns the
//   CSV is 2.9 GB a side, pandas needs ~20 GB and ~8 minutes, and the Parquet files are written by DuckDB from the
//   CSV (parquet-wasm's writer runs out of its WebAssembly memory there).
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { writeParquetStream } from './parquetStream.mjs';
import { cpus as cpuList, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dataDir = join(root, 'bench-data');
const cli = join(root, 'dist', 'cli.js');
const runJs = join(root, 'out', 'src', 'core', 'suite', 'run.js');
if (!existsSync(cli) || !existsSync(runJs)) {
  console.error('bench-compare: build first (node esbuild.config.mjs && npx tsc -p tsconfig.json)');
  process.exit(2);
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const sizes = arg('sizes', '1e5,1e6').split(',').map(Number);
const widths = arg('columns', '10,50').split(',').map(Number);
const formats = arg('formats', 'csv,parquet').split(',');
const skip = new Set(arg('skip', '').split(',').filter(Boolean));
// The machine may be busy with other work: each measurement is repeated and the fastest run kept.
const repeats = Math.max(1, Number(arg('repeats', '2')));
mkdirSync(dataDir, { recursive: true });
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0)} s`;

const { seededRandom } = require(join(root, 'out', 'src', 'core', 'io', 'sample.js'));

// ── data ──────────────────────────────────────────────────────────────────────────────────────────────────────
const WORDS = ['alpha', 'bravo', 'charlie', 'delta', 'echo', 'foxtrot', 'golf', 'hotel', 'india', 'juliet', 'kilo', 'lima', 'mike'];
const CHUNK = 1 << 16;

/** Column j's name and kind: float, lognormal float, small int, categorical ×2, repeating; 3 in 10 shifted. */
function columnSpec(j) {
  const kind = ['float', 'lognormal', 'int', 'cat', 'cat'][j % 5];
  const levels = 5 + ((j * 13) % 46); // 5..50
  const shifted = [0, 3, 7].includes(j % 10);
  return { name: `${kind === 'lognormal' ? 'float' : kind}_${j}`, kind, levels, shifted, categories: kind === 'cat' ? levelNames(levels) : null };
}
const levelNames = (n) => Array.from({ length: n }, (_, k) => `${WORDS[k % WORDS.length]}${k >= WORDS.length ? `_${Math.floor(k / WORDS.length)}` : ''}`);

/** Rows [start, start + n) of one side: per column a Float64Array (NaN = null) or Int32Array codes (-1 = null). */
function makeChunk(specs, current, seed, start, n) {
  const r = seededRandom(seed * 1_000_003 + start * 7 + (current ? 1 : 0));
  const gauss = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return specs.map((s, j) => {
    const shift = current && s.shifted;
    if (s.kind === 'float' || s.kind === 'lognormal') {
      const v = new Float64Array(n);
      const scale = 1 + (j % 3);
      for (let i = 0; i < n; i++) {
        if (r() < 0.02) v[i] = NaN;
        else if (s.kind === 'float') v[i] = Math.round((j + scale * (gauss() + (shift ? 0.3 : 0))) * 1e4) / 1e4;
        else v[i] = Math.round(Math.exp(0.5 * gauss() + 2 + (shift ? 0.15 : 0)) * 1e3) / 1e3;
      }
      return v;
    }
    if (s.kind === 'int') {
      const v = new Float64Array(n);
      const k = 10 + (j % 7);
      for (let i = 0; i < n; i++) v[i] = Math.floor(r() * k) + (shift && r() < 0.5 ? 1 : 0);
      return v;
    }
    const codes = new Int32Array(n);
    const power = shift ? 1.4 : 2;
    for (let i = 0; i < n; i++) codes[i] = r() < 0.01 ? -1 : Math.floor(r() ** power * s.levels);
    return codes;
  });
}

function writeCsv(path, specs, rows, current, seed) {
  const tmp = `${path}.part`;
  const fd = openSync(tmp, 'w');
  writeSync(fd, specs.map((s) => s.name).join(',') + '\n');
  for (let start = 0; start < rows; start += CHUNK) {
    const n = Math.min(CHUNK, rows - start);
    const cols = makeChunk(specs, current, seed, start, n);
    const lines = new Array(n);
    for (let i = 0; i < n; i++) {
      let line = '';
      for (let j = 0; j < cols.length; j++) {
        const x = cols[j][i];
        const cell = specs[j].categories ? (x < 0 ? '' : specs[j].categories[x]) : Number.isNaN(x) ? '' : String(x);
        line += j === 0 ? cell : `,${cell}`;
      }
      lines[i] = line;
    }
    writeSync(fd, lines.join('\n') + '\n');
    if (process.stdout.isTTY && (start / CHUNK) % 16 === 15) process.stdout.write(`\r  ${path}: ${((start + n) / 1e6).toFixed(1)} M rows`);
  }
  closeSync(fd);
  renameSync(tmp, path);
  if (process.stdout.isTTY) process.stdout.write('\r\x1b[K');
}

/** Writes a stream of Arrow tables as Parquet through parquet-wasm (snappy), one record batch at a time. */
async function writeParquetBatches(path, nextTable, createdBy) {
  const arrow = require('apache-arrow');
  const pw = require('parquet-wasm/node');
  const batches = new ReadableStream({
    pull(controller) {
      const table = nextTable();
      if (!table) return controller.close();
      for (const batch of pw.Table.fromIPCStream(arrow.tableToIPC(table, 'stream')).recordBatches()) controller.enqueue(batch);
    },
  }, { highWaterMark: 1 });
  await writeParquetStream(path, batches, createdBy);
}

async function writeParquet(path, specs, rows, current, seed) {
  const arrow = require('apache-arrow');
  const dicts = specs.map((s) => s.categories && arrow.vectorFromArray(s.categories, new arrow.Utf8()));
  let start = 0;
  await writeParquetBatches(path, () => {
    if (start >= rows) return null;
    const n = Math.min(CHUNK, rows - start);
    const cols = makeChunk(specs, current, seed, start, n);
    start += n;
    const fields = {};
    specs.forEach((s, j) => {
      const x = cols[j];
      const bitmap = new Uint8Array(Math.ceil(n / 8));
      let nullCount = 0;
      for (let i = 0; i < n; i++) {
        const isNull = s.categories ? x[i] < 0 : Number.isNaN(x[i]);
        if (isNull) nullCount++;
        else bitmap[i >> 3] |= 1 << (i & 7);
      }
      const data = (type, values, dictionary) =>
        arrow.makeVector(arrow.makeData({ type, length: n, nullCount, data: values, nullBitmap: nullCount ? bitmap : undefined, dictionary }));
      if (s.kind === 'int') fields[s.name] = data(new arrow.Int32(), Int32Array.from(x));
      else if (s.categories) fields[s.name] = data(new arrow.Dictionary(new arrow.Utf8(), new arrow.Int32(), j), x.map((c) => Math.max(c, 0)), dicts[j]);
      else fields[s.name] = data(new arrow.Float64(), x.map((v) => (Number.isNaN(v) ? 0 : v)));
    });
    return new arrow.Table(fields);
  }, 'drift-inspector bench-compare');
}

/**
 * parquet-wasm's writer traps (out of its WebAssembly memory) on the 1e7 × 50 current file; 1e7 × 10 (1e8 cells)
 * writes. Larger pairs are written by DuckDB from their CSV instead (snappy, row groups of 2^20 rows as well; its
 * types: ints as BIGINT, strings as plain VARCHAR).
 */
const PARQUET_WASM_MAX_CELLS = 1e8;

function parquetFromCsv(csv, parquet) {
  const duck = duckdbModules();
  if (duck.error) return duck;
  const t0 = Date.now();
  const tmp = `${parquet}.part`;
  const sql = (p) => `'${p.replace(/'/g, "''")}'`;
  const child = `
    const { DuckDBInstance } = require(${JSON.stringify(duck.entry)});
    (async () => {
      const con = await (await DuckDBInstance.create(':memory:')).connect();
      await con.run(${JSON.stringify(`COPY (SELECT * FROM read_csv(${sql(csv)})) TO ${sql(tmp)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 1048576)`)});
    })().catch((e) => { console.error(e.message); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', child], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) return { error: `DuckDB could not convert ${csv}: ${(r.stderr || `exit ${r.status}`).trim()}` };
  renameSync(tmp, parquet);
  console.log(`  (written by DuckDB from ${csv} in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return {};
}

/** The flights pair: flights-3m.parquet (sorted by date) cut in two halves, as Parquet and as CSV. */
async function makeFlights() {
  const source = join(root, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet');
  if (!existsSync(source)) return null;
  const files = { ref: { parquet: join(dataDir, 'cmp-flights-ref.parquet'), csv: join(dataDir, 'cmp-flights-ref.csv') }, cur: { parquet: join(dataDir, 'cmp-flights-cur.parquet'), csv: join(dataDir, 'cmp-flights-cur.csv') } };
  const all = [files.ref.parquet, files.ref.csv, files.cur.parquet, files.cur.csv];
  if (all.every((f) => existsSync(f))) return files;
  const arrow = require('apache-arrow');
  const pw = require('parquet-wasm/node');
  const table = arrow.tableFromIPC(pw.readParquet(readFileSync(source)).intoIPCStream());
  const half = Math.floor(table.numRows / 2);
  const iso = (ms) => new Date(ms).toISOString().slice(0, 19);
  for (const [side, part] of [['ref', table.slice(0, half)], ['cur', table.slice(half)]]) {
    let done = false;
    await writeParquetBatches(files[side].parquet, () => (done ? null : ((done = true), part)), 'drift-inspector bench-compare (flights-3m halves)');
    const fd = openSync(`${files[side].csv}.part`, 'w');
    const names = part.schema.fields.map((f) => f.name);
    writeSync(fd, names.join(',') + '\n');
    const cols = names.map((n) => part.getChild(n));
    const isDate = part.schema.fields.map((f) => arrow.DataType.isTimestamp(f.type) || arrow.DataType.isDate(f.type));
    for (let s = 0; s < part.numRows; s += CHUNK) {
      const lines = [];
      for (let i = s; i < Math.min(s + CHUNK, part.numRows); i++) {
        lines.push(cols.map((c, k) => {
          const v = c.get(i);
          if (v === null || v === undefined) return '';
          return isDate[k] ? iso(Number(v)) : String(v);
        }).join(','));
      }
      writeSync(fd, lines.join('\n') + '\n');
    }
    closeSync(fd);
    renameSync(`${files[side].csv}.part`, files[side].csv);
  }
  return files;
}

// ── the tools ─────────────────────────────────────────────────────────────────────────────────────────────────
// Peak memory of a child: Linux keeps a process's maxRSS across exec, so a child forked straight from this (large)
// process would report at least this process's RSS. /usr/bin/time -f %M forks the measured command from its own
// small process and reports that command's maxRSS alone. Without it, Node children report
// process.resourceUsage().maxRSS at exit from a preloaded module (and Python its getrusage), which can be too high.
const TIME = '/usr/bin/time';
const haveTime = existsSync(TIME);
const rssHook = join(dataDir, 'cmp-rss-hook.cjs');
writeFileSync(rssHook, haveTime ? '' : "process.on('exit', () => { require('fs').writeSync(2, `\\nBENCH_MAXRSS_KB ${process.resourceUsage().maxRSS}\\n`); });\n");

/** The fastest of `repeats` runs of `measure` (a failure ends the repeats). */
function best(measure) {
  let fastest;
  for (let i = 0; i < repeats; i++) {
    const m = measure();
    if (m.error) return m;
    if (!fastest || m.seconds < fastest.seconds) fastest = m;
  }
  return fastest;
}

function timed(command, args, stdoutFile) {
  const out = stdoutFile ? openSync(stdoutFile, 'w') : 'pipe';
  if (haveTime) [command, args] = [TIME, ['-f', 'BENCH_MAXRSS_KB %M', command, ...args]];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(command, args, { stdio: ['ignore', out, 'pipe'], encoding: 'utf8', maxBuffer: 64 << 20 });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (stdoutFile) closeSync(out);
  const rss = /BENCH_MAXRSS_KB (\d+)/.exec(r.stderr ?? '');
  const stderr = (r.stderr ?? '').replace(/\n?BENCH_MAXRSS_KB \d+\n?/, '').replace(/Command exited with non-zero status \d+\n?/, '').trim();
  if (r.status !== 0) return { error: (stderr || `exit ${r.status} ${r.signal ?? ''}`).split('\n').slice(-3).join(' ') };
  return { seconds, peakMb: rss ? Number(rss[1]) / 1024 : null, stdout: r.stdout, stderr };
}

function ours(ref, cur, rows, multivariate) {
  const outFile = join(dataDir, 'cmp-last-report.json');
  const args = ['-r', rssHook, cli, 'compare', ref, cur, '--format', 'json', '--max-rows', String(rows + 1)];
  if (!multivariate) args.push('--no-multivariate');
  const m = timed(process.execPath, args, outFile);
  if (m.error) return m;
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  const drifted = report.columns.filter((c) => c.drifted).map((c) => c.name).sort();
  return { ...m, drifted, judged: report.judgedColumns, innerSeconds: report.durationMs / 1000, jsonMb: statSync(outFile).size / 1e6, sampled: report.reference.sampled || report.current.sampled };
}

// The CLI reads the current file in a reader thread (dist/reader.js) while it reads the reference, and tests the
// numeric columns on two threads; so does the breakdown.
const readerScript = existsSync(join(root, 'dist', 'reader.js')) ? join(root, 'dist', 'reader.js') : undefined;
/** Where our time goes, in one process through the compiled core: read both (as the CLI does), compare, JSON out. */
function breakdown(ref, cur, rows) {
  const child = `
    const { readPair } = require(${JSON.stringify(runJs)});
    const { compareTablesInThreads } = require(${JSON.stringify(join(root, 'out', 'src', 'core', 'suite', 'threads.js'))});
    const fs = require('fs');
    const s = () => Number(process.hrtime.bigint()) / 1e9;
    (async () => {
      const t0 = s();
      const { reference, current } = await readPair(${JSON.stringify(ref)}, ${JSON.stringify(cur)}, { maxRows: ${rows + 1}, readerScript: ${JSON.stringify(readerScript)} });
      const t1 = s();
      const afterRead = process.memoryUsage().rss / 1048576;
      const report = await compareTablesInThreads(reference, current, { model: { multivariate: false } }, ${JSON.stringify(readerScript)});
      const t2 = s();
      fs.writeFileSync(${JSON.stringify(join(dataDir, 'cmp-last-breakdown.json'))}, JSON.stringify(report, null, 2) + '\\n');
      const t3 = s();
      console.log(JSON.stringify({ read: t1 - t0, tests: t2 - t1, json: t3 - t2, afterReadMb: afterRead }));
    })().catch((e) => { console.error(e.stack); process.exit(1); });`;
  const m = timed(process.execPath, ['-r', rssHook, '-e', child]);
  if (m.error) return m;
  const b = JSON.parse(m.stdout.trim().split('\n').pop());
  return { ...b, seconds: b.read + b.tests + b.json, peakMb: m.peakMb };
}

const PYTHON = '/usr/bin/python3';
function pandasAvailability() {
  if (skip.has('pandas')) return { csv: 'skipped (--skip pandas)', parquet: 'skipped (--skip pandas)' };
  const probe = (code) => existsSync(PYTHON) && spawnSync(PYTHON, ['-c', code], { stdio: 'ignore' }).status === 0;
  if (!probe('import pandas, scipy, numpy')) {
    const why = 'pandas/SciPy missing: apt-get install -y python3-pandas python3-scipy';
    return { csv: why, parquet: why };
  }
  const parquet = probe('import pyarrow') || probe('import fastparquet');
  return { csv: null, parquet: parquet ? null : 'no pyarrow or fastparquet (Debian 12 packages neither): pandas.read_parquet cannot run' };
}

function pandas(ref, cur) {
  const m = timed(PYTHON, [join(root, 'scripts', 'bench_pandas.py'), ref, cur]);
  if (m.error) return m;
  const out = JSON.parse(m.stdout.trim().split('\n').pop());
  return { ...out, innerSeconds: out.seconds, seconds: m.seconds, peakMb: m.peakMb ?? out.peakMb };
}

function duckdbModules() {
  if (skip.has('duckdb')) return { error: 'skipped (--skip duckdb)' };
  const prefix = process.env.DUCKDB_MODULES ?? join(tmpdir(), 'drift-bench-duckdb');
  const entry = join(prefix, 'node_modules', '@duckdb', 'node-api');
  if (!existsSync(entry)) {
    console.log(`installing @duckdb/node-api into ${prefix} (npm install --prefix; not a dependency of this repository)`);
    mkdirSync(prefix, { recursive: true });
    try {
      execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--prefix', prefix, '--no-save', '--no-audit', '--no-fund', '@duckdb/node-api'], { stdio: 'inherit' });
    } catch (err) {
      return { error: `npm install @duckdb/node-api failed: ${err.message}` };
    }
  }
  const version = JSON.parse(readFileSync(join(entry, 'package.json'), 'utf8')).version;
  return { entry, version };
}

function duckdb(entry, ref, cur, format) {
  const child = `
    const { DuckDBInstance } = require(${JSON.stringify(entry)});
    const s = () => Number(process.hrtime.bigint()) / 1e9;
    const q = (id) => '"' + id.replace(/"/g, '""') + '"';
    (async () => {
      const t0 = s();
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      const reader = ${JSON.stringify(format)} === 'parquet' ? 'read_parquet' : 'read_csv';
      await con.run(\`CREATE TABLE ref AS SELECT * FROM \${reader}('${ref.replace(/'/g, "''")}')\`);
      await con.run(\`CREATE TABLE cur AS SELECT * FROM \${reader}('${cur.replace(/'/g, "''")}')\`);
      const t1 = s();
      const columns = (await con.runAndReadAll('DESCRIBE ref')).getRowObjectsJson();
      const num = [], cat = [];
      for (const c of columns) {
        const t = String(c.column_type);
        if (/TIMESTAMP|DATE/.test(t)) num.push('epoch_ms(' + q(c.column_name) + ')');
        else if (/INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(t)) num.push(q(c.column_name) + '::DOUBLE');
        else cat.push(q(c.column_name));
      }
      // Pass 1, per side: count, min, max, mean, std and quantiles of every numeric column in one scan.
      const stats = {};
      for (const side of ['ref', 'cur']) {
        const list = num.flatMap((x) => ['count(' + x + ')', 'min(' + x + ')', 'max(' + x + ')', 'avg(' + x + ')', 'stddev_samp(' + x + ')', 'quantile_cont(' + x + ', [0.05, 0.25, 0.5, 0.75, 0.95])']);
        stats[side] = list.length ? (await con.runAndReadAll('SELECT ' + list.join(', ') + ' FROM ' + side)).getRowsJson()[0] : [];
      }
      // Pass 2, per side: histograms over shared equal-width edges (min(30, Sturges) bins) and value counts.
      let cells = 0;
      for (const side of ['ref', 'cur']) {
        const list = num.map((x, k) => {
          const n = Number(stats.ref[6 * k]) + Number(stats.cur[6 * k]);
          const lo = Math.min(Number(stats.ref[6 * k + 1]), Number(stats.cur[6 * k + 1]));
          const hi = Math.max(Number(stats.ref[6 * k + 2]), Number(stats.cur[6 * k + 2]));
          const bins = Math.min(30, Math.ceil(Math.log2(Math.max(n, 1))) + 1);
          const edges = Array.from({ length: bins }, (_, b) => lo + ((hi - lo) * (b + 1)) / bins);
          return 'histogram(' + x + ', [' + edges.map((e) => e.toPrecision(17)).join(', ') + ']::DOUBLE[])';
        }).concat(cat.map((x) => 'histogram(' + x + ')'));
        const row = (await con.runAndReadAll('SELECT ' + list.join(', ') + ' FROM ' + side)).getRowsJson()[0];
        cells += JSON.stringify(row).length;
      }
      const t2 = s();
      console.log(JSON.stringify({ read: t1 - t0, aggregate: t2 - t1, numeric: num.length, categorical: cat.length, cells }));
    })().catch((e) => { console.error(e.stack); process.exit(1); });`;
  const m = timed(process.execPath, ['-r', rssHook, '-e', child]);
  if (m.error) return m;
  return { ...JSON.parse(m.stdout.trim().split('\n').pop()), seconds: m.seconds, peakMb: m.peakMb };
}

// ── run ───────────────────────────────────────────────────────────────────────────────────────────────────────
const baseline = timed(process.execPath, ['-r', rssHook, cli, '--help']);
const pandasWhy = pandasAvailability();
const duck = duckdbModules();
const pyVersion = existsSync(PYTHON) && !pandasWhy.csv
  ? spawnSync(PYTHON, ['-c', 'import pandas, scipy, numpy, sys; print(f"Python {sys.version.split()[0]}, pandas {pandas.__version__}, SciPy {scipy.__version__}, NumPy {numpy.__version__}")'], { encoding: 'utf8' }).stdout.trim()
  : null;
const cpus = cpuList();
const machine = `${cpus.length} cores (${cpus[0]?.model.trim()}), Node ${process.version}; ${pyVersion ?? 'no pandas'}; DuckDB ${duck.version ? `@duckdb/node-api ${duck.version}` : `— (${duck.error})`}`;
console.log(`bench-compare: ${machine}`);
console.log(`a Node child that only loads the CLI (--help) peaks at ${baseline.peakMb?.toFixed(0)} MB RSS\n`);
for (const [format, why] of Object.entries(pandasWhy)) if (why && formats.includes(format)) console.log(`pandas on ${format}: ${why}`);

/** Every pair to compare: generated sizes × widths, then the flights halves. */
const pairs = [];
for (const rows of sizes) {
  for (const width of widths) {
    const specs = Array.from({ length: width }, (_, j) => columnSpec(j));
    const seed = 7 + width;
    const base = `cmp-${rows.toExponential().replace('+', '')}x${width}`;
    const files = {};
    for (const format of formats) {
      files[format] = {};
      for (const side of ['ref', 'cur']) {
        const path = join(dataDir, `${base}-${side}.${format}`);
        files[format][side] = path;
        if (existsSync(path)) continue;
        const t0 = Date.now();
        if (format === 'csv') writeCsv(path, specs, rows, side === 'cur', seed);
        else if (rows * width > PARQUET_WASM_MAX_CELLS) {
          // Past what parquet-wasm's writer holds in its WebAssembly memory: DuckDB converts the same rows' CSV.
          const csv = join(dataDir, `${base}-${side}.csv`);
          if (!existsSync(csv)) writeCsv(csv, specs, rows, side === 'cur', seed);
          const converted = parquetFromCsv(csv, path);
          if (converted.error) {
            console.log(`cannot generate ${path}: ${converted.error}`);
            delete files[format];
            break;
          }
        } else await writeParquet(path, specs, rows, side === 'cur', seed);
        console.log(`generated ${path} (${(statSync(path).size / 1e6).toFixed(0)} MB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      }
    }
    if (!formats.every((f) => files[f])) for (const f of formats) if (!files[f]) console.log(`${base}: no ${f} files, so no ${f} row`);
    const numeric = specs.filter((s) => !s.categories).length;
    pairs.push({ label: `${rows.toExponential().replace('+', '')} rows × ${width} cols`, rows, files, numeric, categorical: width - numeric, shifted: specs.filter((s) => s.shifted).map((s) => s.name) });
  }
}
if (!skip.has('flights')) {
  const t0 = Date.now();
  const files = await makeFlights();
  if (files) {
    if (Date.now() - t0 > 1000) console.log(`generated the flights halves under bench-data/ in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // date, delay, distance numeric (datetime values are 8-byte numbers too); origin, destination categorical.
    pairs.push({ label: 'flights-3m halves (1.5e6 rows × 5 cols)', rows: 1_500_000, files: { csv: { ref: files.ref.csv, cur: files.cur.csv }, parquet: { ref: files.ref.parquet, cur: files.cur.parquet } }, numeric: 3, categorical: 2, real: true });
  }
}

const results = [];
for (const format of formats) {
  console.log(`\n── ${format.toUpperCase()} ${'─'.repeat(100)}`);
  for (const pair of pairs) {
    if (!pair.files[format]) continue;
    const { ref, cur } = pair.files[format];
    const mb = (statSync(ref).size + statSync(cur).size) / 1e6;
    const inMemoryMb = (2 * pair.rows * (8 * pair.numeric + 4 * pair.categorical)) / 1e6;
    const row = { format, label: pair.label, rows: pair.rows, fileMb: mb, inMemoryMb, load: loadavg()[0] };
    console.log(`\n${pair.label}, ${format}: ${mb.toFixed(0)} MB on disk (both files), ${inMemoryMb.toFixed(0)} MB of columns in memory  [${elapsed()}; load average ${row.load.toFixed(1)}]`);
    row.ours = best(() => ours(ref, cur, pair.rows, false));
    if (row.ours.error) console.log(`  ours           FAILED: ${row.ours.error}`);
    else {
      const agree = pair.shifted ? (JSON.stringify(row.ours.drifted) === JSON.stringify([...pair.shifted].sort()) ? 'the shifted columns exactly' : `NOT the shifted columns (${pair.shifted.join(', ')})`) : '';
      console.log(`  ours           ${row.ours.seconds.toFixed(2).padStart(7)} s  peak ${row.ours.peakMb.toFixed(0).padStart(5)} MB  (in-process ${row.ours.innerSeconds.toFixed(2)} s; JSON ${row.ours.jsonMb.toFixed(1)} MB; ${row.ours.drifted.length}/${row.ours.judged} drifted${agree ? `: ${agree}` : ''})`);
    }
    if (!skip.has('multivariate')) {
      row.oursMv = best(() => ours(ref, cur, pair.rows, true));
      if (row.oursMv.error) console.log(`  ours + multiv. FAILED: ${row.oursMv.error}`);
      else console.log(`  ours + multiv. ${row.oursMv.seconds.toFixed(2).padStart(7)} s  peak ${row.oursMv.peakMb.toFixed(0).padStart(5)} MB`);
    }
    if (!skip.has('breakdown')) {
      row.breakdown = best(() => breakdown(ref, cur, pair.rows));
      const b = row.breakdown;
      if (b.error) console.log(`  breakdown      FAILED: ${b.error}`);
      else console.log(`  ours, split    read ${b.read.toFixed(2)} s (RSS after read ${b.afterReadMb.toFixed(0)} MB), tests + charts ${b.tests.toFixed(2)} s, JSON ${b.json.toFixed(2)} s; peak ${b.peakMb.toFixed(0)} MB`);
    }
    if (pandasWhy[format]) row.pandas = { error: pandasWhy[format] };
    else {
      row.pandas = best(() => pandas(ref, cur));
      if (row.pandas.error) console.log(`  pandas + SciPy FAILED: ${row.pandas.error}`);
      else {
        const p = row.pandas;
        const same = row.ours.drifted && JSON.stringify(p.drifted) === JSON.stringify(row.ours.drifted) ? 'same drifted columns as ours' : `drifted: ${p.drifted.join(', ')}`;
        console.log(`  pandas + SciPy ${p.seconds.toFixed(2).padStart(7)} s  peak ${p.peakMb.toFixed(0).padStart(5)} MB  (imports ${p.importSeconds.toFixed(2)} s, read ${p.readSeconds.toFixed(2)} s, tests ${p.testSeconds.toFixed(2)} s; ${same})`);
      }
    }
    row.duckdb = duck.error ? { error: duck.error } : best(() => duckdb(duck.entry, ref, cur, format));
    if (row.duckdb.error) console.log(`  DuckDB         ${duck.error ? 'skipped' : 'FAILED'}: ${row.duckdb.error}`);
    else console.log(`  DuckDB         ${row.duckdb.seconds.toFixed(2).padStart(7)} s  peak ${row.duckdb.peakMb.toFixed(0).padStart(5)} MB  (read ${row.duckdb.read.toFixed(2)} s, aggregate ${row.duckdb.aggregate.toFixed(2)} s)`);
    results.push(row);
  }
}

// ── the table and the targets ────────────────────────────────────────────────────────────────────────────────
const ok = (m) => m && !m.error;
const f2 = (x) => x.toFixed(2);
const ratio = (x) => `${x.toFixed(2)}×`;
const targets = { pandas: [], duckdb: [], memory: [] };
const lines = [];
for (const format of formats) {
  lines.push('', `**${format === 'csv' ? 'CSV' : 'Parquet'}**`, '');
  lines.push('| data | ours s (peak MB) | ours + multivariate s | pandas + SciPy s (peak MB) | DuckDB s (peak MB) | pandas / ours | ours / DuckDB | our peak / in-memory columns |');
  lines.push('|---|---|---|---|---|---|---|---|');
  for (const r of results.filter((x) => x.format === format)) {
    const o = r.ours;
    const cells = [`${r.label} (${r.fileMb.toFixed(0)} MB, ${r.inMemoryMb.toFixed(0)} MB in memory)`];
    cells.push(ok(o) ? `${f2(o.seconds)} (${o.peakMb.toFixed(0)})` : 'failed');
    cells.push(ok(r.oursMv) ? f2(r.oursMv.seconds) : '—');
    cells.push(ok(r.pandas) ? `${f2(r.pandas.seconds)} (${r.pandas.peakMb.toFixed(0)})` : '—');
    cells.push(ok(r.duckdb) ? `${f2(r.duckdb.seconds)} (${r.duckdb.peakMb.toFixed(0)})` : '—');
    if (ok(o) && ok(r.pandas)) {
      const x = r.pandas.seconds / o.seconds;
      cells.push(ratio(x));
      targets.pandas.push({ what: `${format} ${r.label}`, value: x, pass: x >= 3 });
    } else cells.push('—');
    if (ok(o) && ok(r.duckdb)) {
      const x = o.seconds / r.duckdb.seconds;
      cells.push(ratio(x));
      targets.duckdb.push({ what: `${format} ${r.label}`, value: x, pass: x <= 1.5 });
    } else cells.push('—');
    if (ok(o)) {
      const x = o.peakMb / r.inMemoryMb;
      cells.push(`${ratio(x)} (${ratio(Math.max(0, o.peakMb - baseline.peakMb) / r.inMemoryMb)})`);
      targets.memory.push({ what: `${format} ${r.label}`, value: x, pass: x < 2 });
    } else cells.push('—');
    lines.push(`| ${cells.join(' | ')} |`);
  }
}
const verdict = (list, name, rule) => {
  if (!list.length) return `- ${name} (${rule}): not measured`;
  const miss = list.filter((t) => !t.pass);
  return `- ${name} (${rule}): **${miss.length ? 'MISS' : 'PASS'}** — ${list.filter((t) => t.pass).length}/${list.length} pass` + (miss.length ? `; missed on ${miss.map((t) => `${t.what} (${ratio(t.value)})`).join(', ')}` : '');
};
const verdicts = [
  verdict(targets.pandas, 'faster than pandas + SciPy end to end', 'pandas / ours ≥ 3×'),
  verdict(targets.duckdb, "close to DuckDB's read-and-aggregate", 'ours / DuckDB ≤ 1.5×'),
  verdict(targets.memory, 'peak memory', 'our peak RSS < 2× the in-memory columns'),
];
const breakdownLines = results.filter((r) => ok(r.breakdown)).map((r) => `| ${r.format} | ${r.label} | ${f2(r.breakdown.read)} | ${f2(r.breakdown.tests)} | ${f2(r.breakdown.json)} | ${ok(r.pandas) ? `${f2(r.pandas.readSeconds)} / ${f2(r.pandas.testSeconds)}` : '—'} | ${ok(r.duckdb) ? `${f2(r.duckdb.read)} / ${f2(r.duckdb.aggregate)}` : '—'} |`);
const markdown = [
  `# bench-compare, ${new Date().toISOString().slice(0, 10)}`,
  '',
  `Machine: ${machine}. Command: \`node scripts/bench-compare.mjs ${process.argv.slice(2).join(' ')}\`.`.replace(' `.', '`.'),
  `Seconds are wall time of one child process, spawn to exit, the fastest of ${repeats}; peak MB its maxRSS. In brackets after the memory ratio: the same above the ${baseline.peakMb?.toFixed(0)} MB of a Node child that only loads the CLI. Load average during the run: ${Math.min(...results.map((r) => r.load)).toFixed(1)}–${Math.max(...results.map((r) => r.load)).toFixed(1)}.`,
  ...lines,
  '',
  'Targets:',
  '',
  ...verdicts,
  ...(breakdownLines.length
    ? ['', 'Where the time goes (seconds in process; ours without multivariate drift):', '', '| format | data | ours read | ours tests + charts | ours JSON | pandas read / tests | DuckDB read / aggregate |', '|---|---|---|---|---|---|---|', ...breakdownLines]
    : []),
  '',
].join('\n');
writeFileSync(join(dataDir, 'bench-compare.md'), markdown);
writeFileSync(join(dataDir, 'bench-compare.json'), JSON.stringify({ machine, results }, null, 2) + '\n');
console.log(`\n${markdown}`);
console.log(`bench-compare: done in ${elapsed()}; wrote bench-data/bench-compare.md and bench-data/bench-compare.json`);
