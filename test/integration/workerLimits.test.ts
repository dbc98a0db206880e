/**
 * A worker that runs out of memory is a clear error, not a dead extension: with a 64 MB heap limit, a file of a
 * million distinct strings fails with a message naming the limit and the setting; with the limit back, the next
 * comparison runs in a fresh worker.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, workspaceFile } from './helpers';

describe('Worker memory limit', function () {
  this.timeout(180000);
  const config = () => vscode.workspace.getConfiguration('driftInspector');

  it('turns a worker out of memory into a clear failure; the next comparison works', async () => {
    const drift = await api();
    const dir = mkdtempSync(join(tmpdir(), 'drift-oom-'));
    const big = vscode.Uri.file(join(dir, 'distinct-strings.csv'));
    const lines = ['id,name'];
    for (let i = 0; i < 1_000_000; i++) lines.push(`${i},customer-${i.toString(36)}-${(i * 7919).toString(16)}`);
    writeFileSync(big.fsPath, `${lines.join('\n')}\n`);
    const saved = config().inspect('workerMemoryMb')?.workspaceValue;
    await config().update('workerMemoryMb', 64, vscode.ConfigurationTarget.Workspace);
    try {
      const report = await drift.compare(big, big);
      assert.equal(report, undefined, 'the comparison failed');
      const failed = drift.panel.lastPosted;
      assert.equal(failed?.type, 'failed');
      assert.match((failed as { message: string }).message, /ran out of memory \(the worker's limit is 64 MB, driftInspector\.workerMemoryMb\)/);
    } finally {
      await config().update('workerMemoryMb', saved, vscode.ConfigurationTarget.Workspace);
    }
    const again = await drift.compare(workspaceFile('reference.csv'), workspaceFile('current.csv'));
    assert.ok(again, 'the next comparison runs');
    assert.equal(again.columns.length, 4);
    assert.equal(drift.workerAlive, true);
  });
});
