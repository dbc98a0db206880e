// Writes webview/dev/sample-suite.json from a real suite run: generates a small credit-risk-like reference and
// three monthly current CSVs (seeded, so the results are stable), a drift-suite.json with a glob comparison (one
// result per month: passed, warning, error), an info-only comparison, one whose file is broken (could not run)
// and one with hostile names (HTML in the comparison name, a column name and a file name), runs
// `drift-inspect suite --format json` on it and keeps its JSON with paths as a user would have them.
// Usage: node esbuild.config.mjs && node webview/dev/make-sample-suite.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = '/tmp/drift-sample-suite';
const HOSTILE = '<img src=x onerror=alert(1)>';
rmSync(dir, { recursive: true, force: true });
mkdirSync(join(dir, 'data'), { recursive: true });

let seed = 20240801;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const normal = (mu, sd) => mu + sd * Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
const pick = (values, weights) => {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) if ((r -= weights[i]) < 0) return values[i];
  return values[values.length - 1];
};

/** shift 0: like the reference; 1: some drift; 2: a lot. */
function rows(n, shift) {
  const out = [];
  for (let i = 0; i < n; i++) {
    out.push({
      customer_id: 100000 + i,
      age: Math.round(Math.max(18, normal(42 - 3 * shift, 11))),
      income: Math.round(normal(56000 + shift * shift * 2500, 18000)),
      credit_score: Math.round(normal(690 - (shift === 2 ? 45 : 0), 60)),
      segment: pick(['retail', 'sme', 'corporate', 'private'], [55 - 10 * shift, 25, 10 + 5 * shift, 10]),
      channel: pick(['web', 'branch', 'phone', 'partner'], [50, 30, 15, 5]),
      manual_review: rand() < 0.12 + 0.02 * shift ? 'true' : 'false',
      loan_term: pick([12, 24, 36, 60], [20, 30, 30, 20]),
      [HOSTILE]: pick(['<script>alert(1)</script>', '<i>plain</i>', 'a & b'], shift ? [3, 1, 1] : [1, 1, 1]),
    });
  }
  return out;
}

function csv(records) {
  const names = Object.keys(records[0]);
  const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [names.map(cell).join(','), ...records.map((r) => names.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

writeFileSync(join(dir, 'data', 'train-2024q1.csv'), csv(rows(2000, 0)));
writeFileSync(join(dir, 'data', 'prod-2024-04.csv'), csv(rows(800, 0)));
writeFileSync(join(dir, 'data', 'prod-2024-05.csv'), csv(rows(800, 1)));
writeFileSync(join(dir, 'data', 'prod-2024-06.csv'), csv(rows(800, 2)));
writeFileSync(join(dir, 'data', `${HOSTILE}.csv`), csv(rows(600, 1)));
// A "Parquet" file that is not one: that comparison cannot run.
writeFileSync(join(dir, 'data', 'broken.parquet'), 'this is not a parquet file\n');

const suite = {
  defaults: { severity: { drift: 'warning', majorDrift: 'error', datasetDrift: 'error' } },
  comparisons: [
    { name: 'Monthly production vs training', reference: 'data/train-2024q1.csv', current: 'data/prod-2024-*.csv', roles: { id: 'customer_id' } },
    {
      name: 'June, segment and channel only (info)',
      reference: 'data/train-2024q1.csv',
      current: 'data/prod-2024-06.csv',
      include: ['segment', 'channel'],
      severity: { drift: 'info', majorDrift: 'info', datasetDrift: 'info' },
    },
    { name: 'Partner feed', reference: 'data/train-2024q1.csv', current: 'data/broken.parquet' },
    { name: `Hostile ${HOSTILE} & "quotes"`, reference: 'data/train-2024q1.csv', current: `data/${HOSTILE}.csv`, roles: { id: 'customer_id' } },
  ],
};
const suitePath = join(dir, 'drift-suite.json');
writeFileSync(suitePath, `${JSON.stringify(suite, null, 2)}\n`);

let json;
try {
  json = execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'suite', suitePath, '--format', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
} catch (err) {
  // Exit 2: a comparison could not run (expected here); the JSON is still printed.
  if (!err.stdout) throw err;
  json = err.stdout;
}
const report = JSON.parse(json);
// Paths as a user would have them, not /tmp.
const home = '/home/ml/credit-risk';
const fix = (p) => (typeof p === 'string' ? p.split(dir).join(home) : p);
report.file = fix(report.file);
for (const r of report.results) {
  r.id = fix(r.id);
  r.referencePath = fix(r.referencePath);
  r.currentPath = fix(r.currentPath);
  if (r.error) r.error = { ...r.error, message: fix(r.error.message), ...(r.error.path ? { path: fix(r.error.path) } : {}) };
  if (r.report) {
    r.report.reference.path = fix(r.report.reference.path);
    r.report.current.path = fix(r.report.current.path);
  }
}
writeFileSync(join(root, 'webview', 'dev', 'sample-suite.json'), JSON.stringify(report, null, 2) + '\n');
console.log(`suite ${report.severity}: ${JSON.stringify(report.counts)}`);
for (const r of report.results) {
  console.log(`  ${r.severity.padEnd(7)} ${r.name}${r.error ? ` — ${r.error.message}` : ''}`);
  for (const c of r.columns.filter((c) => c.severity !== 'none')) console.log(`           ${c.severity}: ${c.message}`);
}
