// Writes webview/dev/sample-overtime-report.json: sample-model-report.json plus `overTime`, from the typed builder
// in sampleOverTimeReport.ts (type-checked with the webview: npx tsc -p webview/tsconfig.json --noEmit).
// Usage: node webview/dev/make-sample-overtime-report.mjs
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const built = await esbuild.build({ absWorkingDir: root, entryPoints: [join(here, 'sampleOverTimeReport.ts')], bundle: true, platform: 'node', format: 'esm', write: false, logLevel: 'warning' });
const { withOverTime } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
const base = JSON.parse(readFileSync(join(here, 'sample-model-report.json'), 'utf8'));
const out = join(here, 'sample-overtime-report.json');
writeFileSync(out, `${JSON.stringify(withOverTime(base), null, 1)}\n`);
console.log(`wrote ${out}`);
