// Cuts the sample workspace's reference/current pair out of real data shipped by the npm package
// `vega-datasets`: Seattle's daily weather, 2012 (reference) vs 2015 (current). The `weather` label's
// mix changed a lot between those years (a real labelling drift), temperatures rose (2015 was a record year).
// Also writes the workspace's drift-suite.json (beside outDir): 2015 against 2012, and every later year against 2012.
// For model-aware drift, seattle-forecast-2012.csv / -2015.csv add a fixed rule-based forecaster's prediction
// (`forecast`, from precipitation and temperature) and the `season` of each day: the same rule scores very
// differently against the two years' `weather` labels (the label mix changed), which the suite's third comparison
// reports as performance drift, localised by season.
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
// The forecaster: a fixed rule, the same for both years, so any change in its scores is the data's.
const SEASONS = ['winter', 'winter', 'spring', 'spring', 'spring', 'summer', 'summer', 'summer', 'autumn', 'autumn', 'autumn', 'winter'];
const forecastRow = (row) => {
  const [date, precipitation, tempMax] = row.split(',');
  const p = Number(precipitation);
  const forecast = p >= 1 ? (Number(tempMax) <= 1 ? 'snow' : 'rain') : p > 0 ? 'drizzle' : 'sun';
  return `${row},${forecast},${SEASONS[Number(date.slice(5, 7)) - 1]}`;
};
const forecastHeader = `${header},forecast,season`;
for (const y of [2012, 2015]) {
  const lines = year(y).map(forecastRow);
  writeFileSync(join(outDir, `seattle-forecast-${y}.csv`), `${[forecastHeader, ...lines].join('\n')}\n`);
  written.push(`seattle-forecast-${y}.csv (${lines.length} rows)`);
}
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
    {
      name: 'forecast model 2015 vs 2012',
      reference: 'data/seattle-forecast-2012.csv',
      current: 'data/seattle-forecast-2015.csv',
      roles: { target: 'weather', prediction: 'forecast', timestamp: 'date', segment: 'season' },
      severity: { performance: 'error' },
    },
  ],
};
const suitePath = join(dirname(outDir), 'drift-suite.json');
writeFileSync(suitePath, `${JSON.stringify(suite, null, 2)}\n`);
console.log(`drift suite: ${suitePath}`);
