// `npm run bench`: timing goals live here, never in tests. Generates seeded data under bench-data/ (git-ignored)
// and reports, for the built bundles (run `npm run build` first, or `npm test`):
//   - each two-sample statistic on 1e6 vs 1e6 numeric values, and the suite's whole default numeric path
//     (compareTables) for one 1e6-row column pair (goal: < 0.3 s);
//   - the model-aware analyses on a churn model's 1e5- and 1e6-row tables (test/unit/support/modelData.ts): performance
//     drift with 200 bootstrap replicates, segments, multivariate drift (goal: each under 3 s at 1e6 rows);
//   - each streaming detector over 1e6 values, and the over-time analysis of a 1e6-row file (goal: under 3 s);
//   - end-to-end CLI comparisons of CSV pairs (read + suite), with throughput and peak memory.
// Usage: node scripts/bench.mjs [--rows N] [--stats-only]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const rowsArg = process.argv.indexOf('--rows');
const csvRows = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 1_000_000;
const statsOnly = process.argv.includes('--stats-only');
const dataDir = join(root, 'bench-data');
mkdirSync(dataDir, { recursive: true });

if (!existsSync(join(root, 'out', 'src', 'core', 'stats', 'index.js')) || (!statsOnly && !existsSync(join(root, 'dist', 'cli.js')))) {
  console.error('bench: build first (npm run build && npx tsc -p tsconfig.json)');
  process.exit(2);
}

// The same seeded generator the readers sample with.
const { seededRandom: rng } = require(join(root, 'out', 'src', 'core', 'io', 'sample.js'));
const gauss = (r) => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());

function time(label, fn, repeats = 7) {
  fn(); // warm-up: JIT and first-touch allocations
  const times = [];
  let result;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  console.log(`${label.padEnd(50)} ${times[Math.floor(repeats / 2)].toFixed(1).padStart(8)} ms (median of ${repeats})`);
  return result;
}

// ── statistics on typed arrays ──────────────────────────────────────────────
const stats = require(join(root, 'out', 'src', 'core', 'stats', 'index.js'));
const N = 1_000_000;
const r = rng(1);
const a = Float64Array.from({ length: N }, () => gauss(r));
const b = Float64Array.from({ length: N }, () => 0.05 + gauss(r));
console.log(`\nstatistics, ${N.toLocaleString()} vs ${N.toLocaleString()} values`);
// Every two-sample function the library exports (the ones still being written are skipped until they exist).
const TWO_SAMPLE = [
  ['ksTwoSample', 'ks (asymptotic)'],
  ['wassersteinDistance', 'wasserstein'],
  ['normalizedWasserstein', 'wasserstein (normed)'],
  ['andersonKSample', 'anderson k-sample'],
  ['cramerVonMises2Samp', 'cramér-von mises'],
  ['mannWhitneyU', 'mann-whitney u'],
  ['energyDistance', 'energy distance'],
];
for (const [name, label] of TWO_SAMPLE) {
  if (typeof stats[name] === 'function') time(`${label} (${name})`, () => stats[name](a, b));
  else console.log(`${label.padEnd(50)} (${name} not exported yet)`);
}
time('histogram edges + counts (sturges)', () => {
  const edges = stats.histogramEdges([a, b], 'sturges');
  return [stats.histogramCounts(a, edges), stats.histogramCounts(b, edges)];
});
// Sorted-input variants: a caller running several tests (and the chart) on one pair sorts each side once.
const lib = (file) => require(join(root, 'out', 'src', 'core', 'stats', file));
const { sortedCopy } = lib('sort.js');
const { ksTwoSampleSorted } = lib('ks.js');
const { wassersteinSorted, normalizedWassersteinSorted } = lib('wasserstein.js');
const { sortedFinite } = lib('finite.js');
time('sortedCopy (one side)', () => sortedCopy(a));
if (typeof ksTwoSampleSorted !== 'function' || typeof sortedFinite !== 'function') {
  console.log('(sorted-input variants not built: skipped)');
} else {
  const as = sortedCopy(a);
  const bs = sortedCopy(b);
  time('ksTwoSampleSorted (inputs already sorted)', () => ksTwoSampleSorted(as, bs));
  time('wassersteinSorted (inputs already sorted)', () => wassersteinSorted(as, bs));
  time('normalizedWassersteinSorted (already sorted)', () => normalizedWassersteinSorted(as, bs));
  // The suite's default numeric path done on sorted sides: finite values sorted once per side, normalised
  // Wasserstein, and the chart's histogram (min(30, Sturges) bins), whose binary searches run far faster on
  // sorted values (the branches become predictable).
  time('sorted path: sortedFinite ×2 + normed W + chart', () => {
    const x = sortedFinite(a);
    const y = sortedFinite(b);
    const w = normalizedWassersteinSorted(x, y);
    const bins = Math.min(30, Math.ceil(Math.log2(x.length + y.length)) + 1);
    const edges = stats.histogramEdges([x, y], bins);
    return [w, stats.histogramCounts(x, edges), stats.histogramCounts(y, edges)];
  });
}

// ── the suite's default numeric path on one 1e6-row column pair ─────────────
// compareTables on two one-column tables (as test/unit/suite.test.ts builds them): finite filtering,
// distinct-value check, default test (normalised Wasserstein above 1000 reference values) and the chart.
// Goal: under 0.3 s.
const { compareTables } = require(join(root, 'out', 'src', 'core', 'suite', 'compare.js'));
const table = (values) => ({
  path: '/bench/x.csv',
  format: 'csv',
  rows: values.length,
  totalRows: values.length,
  columns: [{ name: 'x', type: 'numeric', values, nullCount: 0 }],
  skipped: [],
});
const suiteReport = time('suite: compareTables, 1 numeric column', () => compareTables(table(a), table(b)));
const col = suiteReport.columns[0];
console.log(`  (test ${col.test}, statistic ${col.statistic}, drifted ${col.drifted}, ${col.status})`);

// ── model-aware drift ───────────────────────────────────────────────────────
// Each analysis alone (the column tests are the same in every line): compareTables with only the model options
// that differ. The first line is the column tests alone, to subtract.
const { modelRows } = require(join(root, 'out', 'test', 'unit', 'support', 'modelData.js'));
const modelTable = (rows) => {
  const numeric = (name) => ({ name, type: 'numeric', values: Float64Array.from(rows, (x) => x[name]), nullCount: 0 });
  const regions = ['north', 'south', 'east'];
  return {
    path: '/bench/model.csv',
    format: 'csv',
    rows: rows.length,
    totalRows: rows.length,
    columns: [
      numeric('x1'),
      numeric('x2'),
      { name: 'region', type: 'categorical', codes: Int32Array.from(rows, (x) => regions.indexOf(x.region)), categories: regions, nullCount: 0 },
      numeric('label'),
      numeric('score'),
      numeric('y_pred'),
    ],
    skipped: [],
  };
};
for (const n of [100_000, 1_000_000]) {
  console.log(`
model-aware drift, ${n.toLocaleString()} rows a side (x1, x2, region, label, score, y_pred)`);
  const mRef = modelTable(modelRows(n, false, 1));
  const mCur = modelTable(modelRows(n, true, 2));
  const off = { inferRoles: false, multivariate: false, topSegments: 0 };
  const roles = { target: 'label', prediction: 'y_pred', score: 'score' };
  const repeats = n > 100_000 ? 3 : 5;
  time('columns only (no model analysis)', () => compareTables(mRef, mCur, { model: off }), repeats);
  time('+ performance (9 metrics, 200 bootstrap replicates)', () => compareTables(mRef, mCur, { model: { ...off, roles } }), repeats);
  time('+ segments (3 regions, each with performance)', () => compareTables(mRef, mCur, { model: { ...off, roles: { ...roles, segment: 'region' }, topSegments: 10 } }), repeats);
  time('+ multivariate (2000-row samples, 200 permutations)', () => compareTables(mRef, mCur, { model: { ...off, multivariate: true } }), repeats);
}

// ── when did it drift ───────────────────────────────────────────────────────
// Each streaming detector over 1e6 values (a mean shift, or an error rate rising, half way), and the whole
// over-time analysis of a 1e6-row current file: 52 weekly windows × 4 columns and every detector on the error
// stream (goal: under 3 s).
const detectors = require(join(root, 'out', 'src', 'core', 'stats', 'detectors', 'index.js'));
console.log(`\nstreaming detectors, ${N.toLocaleString()} values`);
const dr = rng(5);
const shifted = Float64Array.from({ length: N }, (_, i) => gauss(dr) + (i >= N / 2 ? 0.5 : 0));
const errors = Float64Array.from({ length: N }, (_, i) => (dr() < (i >= N / 2 ? 0.2 : 0.1) ? 1 : 0));
for (const id of detectors.DETECTOR_IDS) {
  const stream = detectors.BINARY_DETECTORS.includes(id) ? errors : shifted;
  const found = time(`${id} (detectChanges)`, () => detectors.detectChanges(id, stream), 3);
  console.log(`  ${found.length} change point(s), first at ${found[0] ?? '—'} (change at ${N / 2})`);
}
{
  const n = 1_000_000;
  const tr = rng(6);
  const day = 86_400_000;
  const side = (shift) => {
    const date = Float64Array.from({ length: n }, (_, i) => Date.UTC(2015, 0, 5) + Math.floor((i / n) * 364) * day);
    const late = (i) => shift && i >= n / 2;
    return {
      path: '/bench/time.csv',
      format: 'csv',
      rows: n,
      totalRows: n,
      columns: [
        { name: 'date', type: 'datetime', values: date, nullCount: 0 },
        { name: 'x', type: 'numeric', values: Float64Array.from({ length: n }, (_, i) => gauss(tr) + (late(i) ? 0.3 : 0)), nullCount: 0 },
        { name: 'stable', type: 'numeric', values: Float64Array.from({ length: n }, () => gauss(tr)), nullCount: 0 },
        { name: 'label', type: 'numeric', values: Float64Array.from({ length: n }, () => (tr() < 0.5 ? 1 : 0)), nullCount: 0 },
      ],
      skipped: [],
    };
  };
  const tRef = side(false);
  const tCur = side(true);
  const labels = tCur.columns[3].values;
  tCur.columns.push({ name: 'y_pred', type: 'numeric', values: Float64Array.from(labels, (y, i) => (tr() < (i >= n / 2 ? 0.3 : 0.1) ? 1 - y : y)), nullCount: 0 });
  tRef.columns.push({ name: 'y_pred', type: 'numeric', values: Float64Array.from(tRef.columns[3].values, (y) => (tr() < 0.1 ? 1 - y : y)), nullCount: 0 });
  const off = { multivariate: false, topSegments: 0, bootstrap: 0 };
  console.log(`\ndrift over time, ${n.toLocaleString()} rows a side, 52 weekly windows`);
  time('columns + model (no over time)', () => compareTables(tRef, tCur, { model: off }), 3);
  time('+ over time (windows × columns, 6 detectors)', () => compareTables(tRef, tCur, { model: off, overTime: {} }), 3);
}

// ── end to end through the CLI ──────────────────────────────────────────────
if (statsOnly) process.exit(0);
function makeCsv(path, rows, shift, seed) {
  if (existsSync(path)) return;
  const g = rng(seed);
  const cats = ['north', 'south', 'east', 'west', 'central'];
  const chunk = [];
  writeFileSync(path, 'id,x,y,z,region,flag\n');
  for (let i = 0; i < rows; i++) {
    chunk.push(`${i},${(gauss(g) + shift).toFixed(6)},${(g() * 100).toFixed(3)},${Math.floor(g() * 50)},${cats[Math.floor(g() * (shift ? 4 : 5))]},${g() < 0.3 + shift / 10 ? 'true' : 'false'}`);
    if (chunk.length === 100_000) {
      writeFileSync(path, chunk.join('\n') + '\n', { flag: 'a' });
      chunk.length = 0;
    }
  }
  if (chunk.length) writeFileSync(path, chunk.join('\n') + '\n', { flag: 'a' });
}

console.log(`\nCLI compare, CSV ${csvRows.toLocaleString()} rows × 6 columns per side`);
const ref = join(dataDir, `ref-${csvRows}.csv`);
const cur = join(dataDir, `cur-${csvRows}.csv`);
makeCsv(ref, csvRows, 0, 11);
makeCsv(cur, csvRows, 0.2, 12);
const mb = (statSync(ref).size + statSync(cur).size) / 1e6;
// A child process of its own, so its peak memory (maxRSS) is the comparison's alone.
const child = `const { runComparison } = require(${JSON.stringify(join(root, 'out', 'src', 'core', 'suite', 'run.js'))});
const t0 = Date.now();
runComparison(${JSON.stringify(ref)}, ${JSON.stringify(cur)}, { maxRows: 1e9 }).then((report) => {
  console.log(JSON.stringify({ seconds: (Date.now() - t0) / 1000, peakMb: process.resourceUsage().maxRSS / 1024, drifted: report.driftedColumns }));
});`;
const run = spawnSync(process.execPath, ['-e', child], { encoding: 'utf8' });
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(1);
}
const { seconds, peakMb, drifted } = JSON.parse(run.stdout);
console.log(
  `read + suite: ${seconds.toFixed(2)} s, ${(mb / seconds).toFixed(1)} MB/s, ${((2 * csvRows) / seconds / 1e6).toFixed(2)} M rows/s, ` +
    `peak ${peakMb.toFixed(0)} MB (${mb.toFixed(0)} MB of CSV; ${drifted} columns drifted)`,
);
