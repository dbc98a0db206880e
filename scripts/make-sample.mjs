// Cuts the sample workspace's reference/current pair out of real data shipped by the npm package
// `vega-datasets`: Seattle's daily weather, 2012 (reference) vs 2015 (current). The `weather` label's
// mix changed a lot between those years (a real labelling drift), temperatures rose (2015 was a record year).
// Also writes the workspace's drift-suite.json (beside outDir): 2015 against 2012, and every later year against 2012.
// Usage: node scripts/make-sample.mjs [outDir]   (default: sample-workspace/data)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = resolve(process.argv[2] ?? join(root, 'sample-workspace', 'data'));
// The package's "exports" hides data/ (and package.json), so find the package folder on the module path.
const packageDir = createRequire(import.meta.url)
  .resolve.paths('vega-datasets')
  .map((dir) => join(dir, 'vega-datasets'))
  .find((dir) => existsSync(join(dir, 'data')));
if (!packageDir) throw new Error('vega-datasets is not installed: run npm install');
const source = join(packageDir, 'data', 'seattle-weather.csv');

const [header, ...rows] = readFileSync(source, 'utf8').trim().split(/\r?\n/);
const year = (y) => rows.filter((r) => r.startsWith(`${y}-`));
mkdirSync(outDir, { recursive: true });
const write = (name, lines) => {
  writeFileSync(join(outDir, name), `${[header, ...lines].join('\n')}\n`);
  return `${name} (${lines.length} rows)`;
};
const written = [2012, 2013, 2014, 2015].map((y) => write(`seattle-${y}.csv`, year(y)));
console.log(`sample data in ${outDir}: ${written.join(', ')}`);

const suite = {
  defaults: { severity: { drift: 'warning', majorDrift: 'error', datasetDrift: 'error' } },
  comparisons: [
    { name: '2015 vs 2012', reference: 'data/seattle-2012.csv', current: 'data/seattle-2015.csv', roles: { timestamp: 'date' } },
    {
      name: 'each year vs 2012',
      reference: 'data/seattle-2012.csv',
      current: 'data/seattle-201[3-5].csv',
      exclude: ['date'],
      tests: { precipitation: { test: 'psi' } },
      severity: { datasetDrift: 'warning' },
    },
  ],
};
const suitePath = join(dirname(outDir), 'drift-suite.json');
writeFileSync(suitePath, `${JSON.stringify(suite, null, 2)}\n`);
console.log(`drift suite: ${suitePath}`);
