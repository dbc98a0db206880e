// Writes webview/dev/sample-model-report.json: sample-report.json plus the model-aware part, from the typed
// builder in sampleModelReport.ts (type-checked with the webview: npx tsc -p webview/tsconfig.json --noEmit).
// Usage: node webview/dev/make-sample-model-report.mjs
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const built = await esbuild.build({ absWorkingDir: root, entryPoints: [join(here, 'sampleModelReport.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { withModel } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
const base = JSON.parse(readFileSync(join(here, 'sample-report.json'), 'utf8'));
const out = join(here, 'sample-model-report.json');
writeFileSync(out, `${JSON.stringify(withModel(base), null, 1)}\n`);
console.log(`wrote ${out}`);
