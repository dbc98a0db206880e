// One end-to-end run: its command-line options, a temporary copy of the fixture workspace (nothing is ever written
// into the repository), code-server and the browser, the extension host's recent output and page dialogs for
// failure reports, an overall time limit, and the final "<label>: N passed, N failed" line and exit code.
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionHostLine, isWorkbenchNoise, openWorkbench } from '../host/browser.mjs';
import { startCodeServer, workbenchUrl } from '../host/code-server.mjs';
import { steps } from './workbench.mjs';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const results = join(root, 'test-results');

/**
 * `label` starts the counts line (scripts/test.mjs reads it); `failureShot` names the screenshot taken when a step
 * fails or the run times out.
 */
export function e2eSession({ label, failureShot, timeoutMs }) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i < 0 ? fallback : process.argv[i + 1];
  };
  const extensionDevelopmentPath = resolve(arg('--extension', root));
  const fixtureWorkspace = resolve(arg('--workspace', join(root, 'test', 'fixtures', 'workspace')));
  mkdirSync(results, { recursive: true });
  const workspace = mkdtempSync(join(tmpdir(), `drift-e2e-${label}-`));
  const dropWorkspace = () => rmSync(workspace, { recursive: true, force: true });
  process.once('exit', dropWorkspace);

  const session = {
    workspace,
    /** Recent extension-host output (printed when a step fails) and messages of page dialogs (none expected). */
    hostLines: [],
    dialogs: [],
    server: undefined,
    browser: undefined,
    page: undefined,
    started: Date.now(),

    /** Copies the fixture workspace, lets `prepare(workspace)` add files, then opens the workbench on it. */
    async open(prepare) {
      cpSync(fixtureWorkspace, workspace, { recursive: true });
      await prepare?.(workspace);
      session.server = await startCodeServer({ workspace });
      const url = workbenchUrl({ port: session.server.port, workspace, extensionDevelopmentPath });
      ({ browser: session.browser, page: session.page } = await openWorkbench(url, {
        onConsole: async (msg) => {
          const line = await extensionHostLine(msg);
          if (line !== undefined && !isWorkbenchNoise(line)) session.hostLines.push(line.slice(0, 500));
          if (session.hostLines.length > 40) session.hostLines.shift();
        },
      }));
      session.page.on('dialog', (d) => {
        session.dialogs.push(d.message());
        void d.dismiss();
      });
      session.page.setDefaultTimeout(30_000);
      await session.page.locator('.monaco-workbench').waitFor();
      return session.page;
    },

    /** After a failed step: a screenshot and the extension host's last lines. */
    async reportFailure() {
      await session.page?.screenshot({ path: join(results, failureShot) }).catch(() => {});
      if (session.page) console.log(`    screenshot: ${join('test-results', failureShot)}`);
      if (session.hostLines.length) console.log(`    extension host output:\n      ${session.hostLines.join('\n      ')}`);
    },

    /** Closes everything, prints the counts line and exits (1 when a step failed). */
    async finish() {
      clearTimeout(overall);
      await cleanup();
      console.log(`${label}: took ${((Date.now() - session.started) / 1000).toFixed(1)} s`);
      console.log(`${label}: ${steps.passed} passed, ${steps.failed} failed`);
      process.exit(steps.failed > 0 ? 1 : 0);
    },
  };

  const cleanup = async () => {
    await session.browser?.close().catch(() => {});
    await session.server?.stop().catch(() => {});
    dropWorkspace();
  };
  process.stdout.on('error', () => {}); // piped into `head`: keep going to cleanup
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => cleanup().then(() => process.exit(130)));
  const overall = setTimeout(async () => {
    console.log(`  ✘ timed out after ${timeoutMs / 1000} s`);
    await session.page?.screenshot({ path: join(results, failureShot) }).catch(() => {});
    await cleanup();
    console.log(`${label}: ${steps.passed} passed, ${steps.failed + 1} failed`);
    process.exit(1);
  }, timeoutMs);
  return session;
}
