/**
 * The integration-test entry VS Code's extension host loads (`extensionTestsPath`): it calls `run()` and exits
 * with 0 when it resolves, 1 when it rejects. esbuild bundles this file into out/integration/index.js with
 * `mocha` and `vscode` external; the test modules are bundled too, and loaded with `require` only after
 * mocha's `pre-require` event has put describe/it on the global object.
 */
import Mocha from 'mocha';

export async function run(): Promise<void> {
  // The spec reporter writes through console.log, which the extension host forwards to the workbench page
  // (run-integration.mjs prints it); colors would only add escape codes there.
  // DRIFT_TEST_GREP (in the environment of `node test/host/run-integration.mjs`) runs only the matching tests.
  const grep = process.env.DRIFT_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30000, ...(grep ? { grep } : {}) });
  mocha.suite.emit('pre-require', globalThis, 'test/integration', mocha);

  let loadError: unknown;
  try {
    require('./extension.test');
    require('./compare.test');
    require('./panelActions.test');
    require('./problems.test');
    require('./suite.test');
    require('./model.test');
    require('./overTime.test');
    require('./hostLag.test');
    require('./workerLimits.test');
    require('./concurrency.test');
    require('./dataView.test');
  } catch (err) {
    loadError = err; // a test module that throws while loading counts as one failure, reported below
  }

  const { passed, failed } = loadError
    ? { passed: 0, failed: 1 }
    : await new Promise<{ passed: number; failed: number }>((resolve) => {
        const runner = mocha.run(() => resolve({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0 }));
      });
  if (loadError) console.error('Could not load the integration tests:', loadError);
  // One machine-readable line for test/host/run-integration.mjs.
  console.log(`DRIFT_TEST_RESULT ${JSON.stringify({ passed, failed })}`);
  if (failed > 0) throw new Error(`${failed} integration test(s) failed`);
}
