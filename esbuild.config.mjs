// Builds the bundles: extension host, worker thread, reader thread, data view thread, CLI (all Node, CommonJS), and the
// drift panel's and the data view's webviews (browser IIFE),
// plus the integration-test entry unless building for packaging.
// Usage: node esbuild.config.mjs [--production] [--watch]
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = dirname(fileURLToPath(import.meta.url));
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const require = createRequire(import.meta.url);

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  absWorkingDir: root,
};

const IMPORT_META_URL = 'const __importMetaUrl = require("node:url").pathToFileURL(__filename).href;';

const node = {
  ...common,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // `vscode` is provided by the extension host; mocha is loaded from node_modules by the test entry.
  external: ['vscode', 'mocha'],
  // jsonc-parser's default (UMD) build hides its requires from the bundler, which then fail at run time.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // ES modules bundled into CommonJS (tinyglobby's fdir) call createRequire(import.meta.url): give them this file's URL.
  banner: { js: IMPORT_META_URL },
  define: { 'import.meta.url': '__importMetaUrl' },
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/index.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { worker: 'src/worker/index.ts' }, outdir: 'dist' },
  // Reads one file of a pair in a thread of its own (started by the worker and by the CLI).
  { ...node, entryPoints: { reader: 'src/worker/reader.ts' }, outdir: 'dist' },
  // Profiles one file for the data view (schema, first rows, column summaries), one thread per file shown.
  { ...node, entryPoints: { dataViewWorker: 'src/worker/dataView.ts' }, outdir: 'dist' },
  { ...node, entryPoints: { cli: 'src/cli/index.ts' }, outdir: 'dist', banner: { js: `#!/usr/bin/env node\n${IMPORT_META_URL}` } },
  {
    ...common,
    entryPoints: { webview: 'webview/main.ts', dataView: 'webview/dataView/main.ts' },
    outdir: 'dist',
    platform: 'browser',
    target: 'es2022',
    format: 'iife',
  },
];
if (!production) {
  builds.push({ ...node, entryPoints: { index: 'test/integration/index.ts' }, outdir: 'out/integration' });
}

/** esbuild does not bundle .wasm: parquet-wasm's Node build reads it from beside the bundle (`__dirname`). */
function copyWasm() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  const wasmDir = dirname(require.resolve('parquet-wasm/node/parquet_wasm_bg.wasm'));
  for (const f of readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'))) {
    copyFileSync(join(wasmDir, f), join(root, 'dist', f));
  }
}

copyWasm();
if (watch) {
  const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching…');
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
