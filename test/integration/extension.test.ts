/** Smoke test: the extension is installed in the host, activates, and registers its commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'drift-inspector.drift-inspector';
const COMMANDS = ['driftInspector.selectReference', 'driftInspector.compareWithReference', 'driftInspector.clearDiagnostics', 'driftInspector.showColumn', 'driftInspector.runSuite'];

describe('Drift Inspector extension', () => {
  it('is present, activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded by the extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const id of COMMANDS) assert.ok(commands.has(id), `${id} is registered`);
  });
});
