// `npm start`: installs, builds, makes the sample workspace from real data, prints the CLI's comparison of the
// sample pair, then serves VS Code in the browser (code-server) on 127.0.0.1 with the extension loaded from this
// checkout. Stop with Ctrl+C. Environment: PORT (default: a free port).
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, 'sample-workspace');

function step(title, cmd, args) {
  console.log(`── ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`start: ${title} failed (exit ${r.status})`);
    process.exit(1);
  }
}

const marker = join(root, 'node_modules', '.package-lock.json');
if (!existsSync(marker) || statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs) {
  step('installing npm packages', 'npm', ['install', '--no-audit', '--no-fund']);
}
step('building', 'node', ['esbuild.config.mjs']);
step('making the sample workspace', 'node', ['scripts/make-sample.mjs']);
step('installing VS Code (code-server) into .vscode-test/', 'node', ['test/host/install.mjs']);

const data = join(workspace, 'data');
console.log('── the CLI on the sample pair: drift-inspect compare seattle-2012.csv seattle-2015.csv');
spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'compare', join(data, 'seattle-2012.csv'), join(data, 'seattle-2015.csv')], {
  stdio: 'inherit',
});

const { startCodeServer, workbenchUrl } = await import('../test/host/code-server.mjs');
const server = await startCodeServer({ workspace, port: process.env.PORT ? Number(process.env.PORT) : undefined });
const url = workbenchUrl({ port: server.port, workspace, extensionDevelopmentPath: root });
console.log(`\nDrift Inspector is running in VS Code at:\n\n  ${url}\n\nOpen it in a browser, right-click data/seattle-2012.csv → "Select as Drift Reference",`);
console.log('then right-click data/seattle-2015.csv → "Compare with Reference…". Press Ctrl+C to stop.');
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
