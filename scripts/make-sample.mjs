// Cuts the sample workspace's reference/current pair out of real data shipped by the npm package
// `vega-datasets`: Seattle's daily weather, 2012 (reference) vs 2015 (current). The `weather` label's
// mix changed a lot between those years (a real labelling drift), temperatures rose (2015 was a record year).
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
console.log(`sample data in ${outDir}: ${write('seattle-2012.csv', year(2012))}, ${write('seattle-2015.csv', year(2015))}`);
