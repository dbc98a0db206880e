// `npm test`: installs what the tests need, builds, then runs every stage and ends with one line
// "N passed, N failed" summing all stages. Stages: unit (plain Node), integration (inside a real VS Code
// extension host: code-server + headless Chromium), e2e, panel and dataview (the workbench driven as a person would).
// Usage: node scripts/test.mjs [unit|integration|e2e|panel|dataview ...]   (default: all)
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL = ['unit', 'integration', 'e2e', 'panel', 'dataview'];
const stages = process.argv.slice(2).length ? process.argv.slice(2) : ALL;
for (const s of stages) if (!ALL.includes(s)) fail(`unknown test stage "${s}" (expected ${ALL.join(', ')})`);

/** Runs a command, echoing its output, and returns everything it printed. */
function run(cmd, args, { capture = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let out = '';
    const relay = (stream, sink) =>
      stream.on('data', (chunk) => {
        if (capture) out += chunk;
        sink.write(chunk);
      });
    relay(child.stdout, process.stdout);
    relay(child.stderr, process.stderr);
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, out }));
  });
}

function fail(message) {
  console.error(`test: ${message}`);
  process.exit(2);
}

async function step(title, cmd, args) {
  console.log(`\n── ${title}`);
  const { code } = await run(cmd, args);
  if (code !== 0) fail(`${title} failed (exit ${code})`);
}

/** npm install only when node_modules is missing or older than the lockfile, so repeated runs stay fast. */
function needsInstall() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  return !existsSync(marker) || statSync(marker).mtimeMs < statSync(join(root, 'package-lock.json')).mtimeMs;
}

/** Reads "N passed, N failed" (ours) or node:test's "# pass N" / "# fail N" from a stage's output. */
function counts(output) {
  const ours = [...output.matchAll(/^\s*(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
  if (ours) return { passed: Number(ours[1]), failed: Number(ours[2]) };
  const pass = [...output.matchAll(/^# pass (\d+)/gm)].pop();
  const failed = [...output.matchAll(/^# fail (\d+)/gm)].pop();
  if (pass && failed) return { passed: Number(pass[1]), failed: Number(failed[1]) };
  return undefined;
}

const totals = { passed: 0, failed: 0 };
const STAGES = {
  unit: ['node', ['--test', '--test-reporter=tap', 'out/test/unit/']],
  integration: ['node', ['test/host/run-integration.mjs', 'test/fixtures/workspace']],
  e2e: ['node', ['test/e2e/compare.e2e.mjs']],
  panel: ['node', ['test/e2e/panel.e2e.mjs']],
  dataview: ['node', ['test/e2e/dataView.e2e.mjs']],
};

if (needsInstall()) await step('installing npm packages', 'npm', ['install', '--no-audit', '--no-fund']);
await step('building bundles', 'node', ['esbuild.config.mjs']);
await step('type-checking and compiling tests', 'npx', ['tsc', '-p', 'tsconfig.json']);
await step('type-checking the webview', 'npx', ['tsc', '-p', 'webview/tsconfig.json']);
if (stages.some((s) => s !== 'unit')) await step('installing the VS Code test host', 'node', ['test/host/install.mjs']);

for (const stage of stages) {
  console.log(`\n── ${stage} tests`);
  const [cmd, args] = STAGES[stage];
  const { code, out } = await run(cmd, args, { capture: true });
  const c = counts(out);
  if (!c) {
    console.error(`test: ${stage} tests printed no result counts (exit ${code})`);
    totals.failed += 1;
    continue;
  }
  // A stage that crashed after reporting must still fail the run.
  if (code !== 0 && c.failed === 0) c.failed = 1;
  // node:test prints "# pass"/"# fail"; the host stages already end with their own counts line.
  if (!new RegExp(`^${stage}: ${c.passed} passed`, 'm').test(out)) console.log(`${stage}: ${c.passed} passed, ${c.failed} failed`);
  totals.passed += c.passed;
  totals.failed += c.failed;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
