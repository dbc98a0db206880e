// Writes webview/dev/sample-report.json from real comparisons: generates a credit-risk-like reference and
// current CSV (seeded, so the report is stable), runs the CLI on them and keeps its JSON. The data covers what
// the panel draws: drifted and stable numeric/categorical/boolean columns, a major PSI shift, p-values small
// enough for scientific notation, new and vanished categories, a moved missing share, a changed type, a
// column on one side only, one without usable values, a datetime, free text, and hostile names and values
// (HTML in a column name and in categories) that must show literally.
// Usage: node esbuild.config.mjs && node webview/dev/make-sample-report.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dir = '/tmp/drift-sample-data';
mkdirSync(dir, { recursive: true });

let seed = 20240702;
const rand = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
const normal = (mu, sd) => mu + sd * Math.sqrt(-2 * Math.log(rand() || 1e-12)) * Math.cos(2 * Math.PI * rand());
const pick = (values, weights) => {
  let r = rand() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < values.length; i++) if ((r -= weights[i]) < 0) return values[i];
  return values[values.length - 1];
};
const HOSTILE = '<img src=x onerror=alert(1)>';

function rows(n, current) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const day = new Date(Date.UTC(current ? 2024 : 2023, 0, 1) + Math.floor(rand() * 180) * 86400000);
    out.push({
      age: Math.round(Math.max(18, normal(current ? 36 : 42, current ? 10 : 11))),
      income: rand() < (current ? 0.14 : 0.02) ? '' : Math.round(normal(current ? 57000 : 56000, 18000)),
      credit_score: Math.round(normal(current ? 640 : 690, 60)),
      segment: current
        ? pick(['retail', 'sme', 'corporate', 'private', '<b>vip</b> & co'], [50, 25, 10, 5, 10])
        : pick(['retail', 'sme', 'corporate', 'private', 'legacy "gold"'], [55, 25, 10, 5, 5]),
      channel: pick(['web', 'branch', 'phone', 'partner'], [50, 30, 15, 5]),
      manual_review: rand() < (current ? 0.22 : 0.12) ? 'true' : 'false',
      loan_term: current ? pick([12, 24, 36, 60], [20, 30, 30, 20]) : pick([12, 24, 36, 60], [20, 30, 30, 20]),
      signup_date: day.toISOString().slice(0, 10),
      notes: `${pick(['called', 'emailed', 'visited', 'no contact'], [1, 1, 1, 1])} on ${day.toISOString().slice(0, 10)} ref ${Math.floor(rand() * 1e6)}`,
      region_code: current ? pick(['N1', 'S2', 'E3', 'W4'], [1, 1, 1, 1]) : Math.floor(rand() * 9000 + 1000),
      fraud_flag: '',
      [HOSTILE]: pick(['<script>alert(1)</script>', '<i>plain</i>', 'a & b'], current ? [2, 1, 1] : [1, 1, 1]),
      ...(current ? { device_os: pick(['ios', 'android', 'web'], [4, 5, 1]) } : { legacy_score: Math.round(normal(500, 50)) }),
    });
  }
  return out;
}

function csv(records) {
  const names = Object.keys(records[0]);
  const cell = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  return [names.map(cell).join(','), ...records.map((r) => names.map((k) => cell(r[k])).join(','))].join('\n') + '\n';
}

const reference = join(dir, 'train-2024q1.csv');
const current = join(dir, 'prod-2024-06.csv');
writeFileSync(reference, csv(rows(2400, false)));
writeFileSync(current, csv(rows(900, true)));

const json = execFileSync(
  process.execPath,
  [
    join(root, 'dist', 'cli.js'), 'compare', reference, current, '--format', 'json',
    '--max-rows', '1000', '--column', 'credit_score=psi', '--correction', 'bh', '--column-type', 'notes=text',
  ],
  { encoding: 'utf8' },
);
const report = JSON.parse(json);
// Paths as a user would have them, not /tmp.
report.reference.path = '/home/ml/credit-risk/data/train-2024q1.csv';
report.current.path = '/home/ml/credit-risk/data/prod-2024-06.csv';
writeFileSync(join(root, 'webview', 'dev', 'sample-report.json'), JSON.stringify(report, null, 2) + '\n');
console.log(
  report.columns.map((c) => `${c.name}: ${c.type} ${c.status} ${c.test ?? '-'} ${c.drifted}${c.major ? ' major' : ''}`).join('\n'),
);
