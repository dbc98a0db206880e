// Runs the integration tests (out/integration/index.js, built by esbuild.config.mjs) inside a real VS Code
// extension host: code-server + headless Chromium. Streams the extension host's console to stdout and exits
// with the tests' exit code. The last line is always "integration: N passed, N failed".
// Usage: node test/host/run-integration.mjs [workspace] [--extension PATH] [--tests FILE] [--timeout SECONDS]
//   workspace defaults to test/fixtures/workspace; --extension/--tests default to this repo and its
//   out/integration/index.js (override them to check the harness against another extension).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionHostLine, isWorkbenchNoise, openWorkbench } from './browser.mjs';
import { startCodeServer, workbenchUrl } from './code-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
};
const extensionDevelopmentPath = resolve(option('--extension', root));
const extensionTestsPath = resolve(option('--tests', join(root, 'out', 'integration', 'index.js')));
const timeoutMs = Number(option('--timeout', 300)) * 1000;
const workspace = resolve(args[0] ?? join(root, 'test', 'fixtures', 'workspace'));

let counts; // from the DRIFT_TEST_RESULT line logged by test/integration/index.ts

/** Prints the closing counts line and exits; without counts from the runner, the run counts as one failure. */
function finish(code, reason) {
  if (reason) console.error(`integration: ${reason}`);
  const c = counts ?? { passed: 0, failed: 1 };
  if (code !== 0 && c.failed === 0) c.failed = 1;
  console.log(`integration: ${c.passed} passed, ${c.failed} failed`);
  process.exit(code);
}

for (const [what, path] of [['workspace', workspace], ['extension', join(extensionDevelopmentPath, 'package.json')], ['tests bundle', extensionTestsPath]]) {
  if (!existsSync(path)) finish(1, `${what} not found: ${path}${what === 'tests bundle' ? ' (run `node esbuild.config.mjs`)' : ''}`);
}

// Output piped into `head` etc. must not crash us before cleanup; Ctrl+C must still stop the server.
process.stdout.on('error', () => {});
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => cleanup().then(() => finish(130, `stopped by ${sig}`)));

const started = Date.now();
let server;
let browser;
let printing = Promise.resolve();
const cleanup = async () => {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
};

try {
  server = await startCodeServer({ workspace });
  const url = workbenchUrl({ port: server.port, workspace, extensionDevelopmentPath, extensionTestsPath });

  let exitTests;
  const exitCode = new Promise((r) => (exitTests = r));
  const timeout = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  ({ browser } = await openWorkbench(url, {
    // Must exist before the workbench loads: the test runner calls it with run()'s outcome (0 or 1).
    beforeGoto: (page) => page.exposeFunction('codeAutomationExit', (code) => exitTests(Number(code))),
    onConsole: (msg) => {
      // Parse the result line at once (the exit callback may come before the async chain below catches up).
      const result = /DRIFT_TEST_RESULT (\{[^}]*\})/.exec(msg.text());
      if (result) counts = JSON.parse(result[1]);
      // Print in arrival order: each message waits for the previous one's arguments to be read.
      printing = printing.then(async () => {
        const line = await extensionHostLine(msg);
        if (line === undefined) {
          if (process.env.DRIFT_DEBUG_CONSOLE) console.log(`[page ${msg.type()}] ${msg.text()}`);
        } else if (!result && (process.env.DRIFT_DEBUG_CONSOLE || !isWorkbenchNoise(line))) {
          console.log(line);
        }
      });
    },
  }));

  const code = await Promise.race([exitCode, timeout]);
  await Promise.race([printing, new Promise((r) => setTimeout(r, 2000))]);
  await cleanup();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (code === 'timeout') finish(1, `timed out after ${timeoutMs / 1000} s`);
  console.log(`integration: host run took ${seconds} s, exit code ${code}`);
  finish(code);
} catch (err) {
  await cleanup();
  finish(1, err?.stack ?? String(err));
}
