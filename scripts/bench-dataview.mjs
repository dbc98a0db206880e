// The data view's timings on vega-datasets' flights-3m.parquet (3,000,000 rows, 5 columns, 11 row groups, ZSTD):
// how long after opening the schema shows (the footer alone), then the first rows, each column's summary, and the
// whole profile, measured as the extension does it: a fresh worker thread (dist/dataViewWorker.js) per open, timed
// from its creation to each message. Also the footer decode alone (in this thread), and how many bytes of messages
// reach the extension host (what it holds of the file: the profile, never the data).
// Usage: node esbuild.config.mjs && node scripts/bench-dataview.mjs [--repeats N] [--file PATH]
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1];
};
const repeats = Number(arg('--repeats', 5));
const file = resolve(arg('--file', join(root, 'node_modules', 'vega-datasets', 'data', 'flights-3m.parquet')));
const workerScript = join(root, 'dist', 'dataViewWorker.js');
if (!existsSync(file)) {
  console.error(`bench-dataview: ${file} not found (vega-datasets provides flights-3m.parquet; --file picks another)`);
  process.exit(2);
}
if (!existsSync(workerScript)) {
  console.error('bench-dataview: dist/dataViewWorker.js not found: run `node esbuild.config.mjs` first');
  process.exit(2);
}

/** One open of the data view: ms from the thread's creation to each message, and the bytes of all messages. */
function profileOnce() {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const worker = new Worker(workerScript);
    const times = { summaries: [] };
    let bytes = 0;
    worker.on('message', (m) => {
      const at = performance.now() - started;
      bytes += Buffer.byteLength(JSON.stringify(m));
      if (m.type === 'schema') times.schema = at;
      else if (m.type === 'preview') times.preview = at;
      else if (m.type === 'summary') times.summaries.push(at);
      else if (m.type === 'done') {
        times.done = at;
        void worker.terminate();
        resolvePromise({ ...times, bytes });
      } else if (m.type === 'error') {
        void worker.terminate();
        reject(new Error(m.error.message));
      }
    });
    worker.on('error', reject);
    worker.postMessage({ type: 'profile', path: file, read: {} });
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;

// The footer decode on its own, in this thread (out/ from tsc, else skipped).
const require = createRequire(import.meta.url);
let footerMs;
try {
  const { readParquetMeta } = require(join(root, 'out', 'src', 'core', 'io', 'parquetMeta.js'));
  const runs = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await readParquetMeta(file);
    runs.push(performance.now() - t);
  }
  footerMs = median(runs);
} catch {
  footerMs = undefined;
}

const runs = [];
for (let i = 0; i < repeats; i++) runs.push(await profileOnce());
const columns = runs[0].summaries.length;
console.log(`Data view on ${file.replace(`${root}/`, '')} (${(statSync(file).size / 1e6).toFixed(1)} MB), median of ${repeats} opens, each in a fresh worker thread:`);
const line = (label, value) => console.log(`  ${label.padEnd(34)}${value}`);
if (footerMs !== undefined) line('footer alone (in this thread):', `${footerMs.toFixed(1)} ms`);
line('schema shown:', `${ms(median(runs.map((r) => r.schema)))} (thread start + footer)`);
line('first rows:', ms(median(runs.map((r) => r.preview))));
for (let c = 0; c < columns; c++) line(`summary of column ${c + 1} of ${columns}:`, ms(median(runs.map((r) => r.summaries[c]))));
line('whole profile:', ms(median(runs.map((r) => r.done))));
line('sent to the extension host:', `${(median(runs.map((r) => r.bytes)) / 1024).toFixed(0)} KB of messages`);
