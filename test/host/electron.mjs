// `npm run test:electron`: the same integration tests (out/integration/index.js) in VS Code desktop, through
// @vscode/test-electron, for machines that can download VS Code (it caches it in .vscode-test/). Where the
// download is blocked (our CI), it fails with one line; use test/host/run-integration.mjs (code-server) there.
// On Linux without a display, run it under `xvfb-run -a`. VSCODE_TEST_VERSION picks the VS Code version
// (default 1.100.3, the version code-server 4.100.3 embeds, so both hosts run the same VS Code).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const extensionTestsPath = join(root, 'out', 'integration', 'index.js');
const workspace = join(root, 'test', 'fixtures', 'workspace');

if (!existsSync(extensionTestsPath)) {
  console.error('electron: out/integration/index.js is missing; build first with `node esbuild.config.mjs`');
  process.exit(1);
}

// test-electron's own reporter draws a spinner and repeats errors; say only what a log needs.
let announced = false;
const reporter = {
  report(p) {
    if (p.stage === 'downloading' && !announced) {
      announced = true;
      console.log(`electron: downloading VS Code from ${p.url}…`);
    } else if (p.stage === 'newInstallComplete') console.log(`electron: VS Code installed in ${p.downloadedPath}`);
  },
  error() {},
};

try {
  const code = await runTests({
    version: process.env.VSCODE_TEST_VERSION || '1.100.3',
    extensionDevelopmentPath: root,
    extensionTestsPath,
    reporter,
    // Only the extension under development; no trust prompt for the fixture folder.
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust'],
  });
  process.exit(code);
} catch (err) {
  const reason = String(err?.message ?? err).split('\n')[0];
  const download = /download|fetch|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|getaddrinfo|update\.code\.visualstudio\.com/i.test(reason);
  console.error(
    download
      ? `electron: could not download VS Code (${reason}); use \`node test/host/run-integration.mjs\` (code-server) on this machine`
      : `electron: the integration tests failed in VS Code desktop (${reason})`,
  );
  process.exit(1);
}
