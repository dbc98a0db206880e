/**
 * Comparisons started at once: each new one supersedes the running one (its worker thread is ended), the panel and
 * the Problems panel end with the last one's results, the superseded ones say nothing, and one worker is left. A
 * panel closed while a comparison runs does not lose its results.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { api, eventually, recordPosts, workspaceFile, writeCsvInChild } from './helpers';

describe('Concurrent comparisons', function () {
  this.timeout(120000);

  it('three comparisons started at once: the last one wins everywhere, the others end quietly', async () => {
    const drift = await api();
    const reference = workspaceFile('reference.csv');
    const current = workspaceFile('current.csv');
    const posts = recordPosts(drift);
    try {
      const runs = [drift.compare(current, current), drift.compare(reference, reference), drift.compare(reference, current)];
      const [first, second, last] = await Promise.all(runs);
      assert.equal(first, undefined, 'superseded');
      assert.equal(second, undefined, 'superseded');
      assert.ok(last, 'the last comparison ran');
      assert.equal(last.reference.path, reference.fsPath);
      assert.equal(drift.panel.report?.createdAt, last.createdAt, 'the panel shows the last one');
      assert.ok(!posts.messages.some((m) => m.type === 'failed'), `no "cancelled" in the panel: ${JSON.stringify(posts.messages.map((m) => m.type))}`);
      const drifted = vscode.languages.getDiagnostics(current).filter((d) => d.message.startsWith('Drift in')).map((d) => /"([^"]+)"/.exec(d.message)![1]);
      assert.deepEqual(drifted.sort(), ['age', 'segment'], 'Problems are the last comparison\'s');
      assert.equal(drift.workerAlive, true);
      assert.equal(drift.workerBusy, false);
    } finally {
      posts.dispose();
    }
  });

  it('the same file compared twice at once gives one report, equal to a single comparison', async () => {
    const drift = await api();
    const reference = workspaceFile('reference.csv');
    const current = workspaceFile('current.csv');
    const [a, b] = await Promise.all([drift.compare(reference, current), drift.compare(reference, current)]);
    assert.equal(a, undefined);
    assert.ok(b);
    const single = await drift.compare(reference, current);
    assert.deepEqual(b.columns.map((c) => [c.name, c.statistic, c.pValue]), single!.columns.map((c) => [c.name, c.statistic, c.pValue]));
  });
});

describe('A panel closed mid-run', function () {
  this.timeout(120000);

  it('the comparison still finishes: its report, Problems and a panel showing it all land', async () => {
    const drift = await api();
    const dir = mkdtempSync(join(tmpdir(), 'drift-closed-'));
    const reference = vscode.Uri.file(join(dir, 'closed-reference.csv'));
    const current = vscode.Uri.file(join(dir, 'closed-current.csv'));
    writeCsvInChild(reference.fsPath, 300_000, 0);
    writeCsvInChild(current.fsPath, 300_000, 0.5);
    const pending = drift.compare(reference, current);
    await eventually(() => (drift.workerBusy ? true : undefined), 'the comparison to start', 20000);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const report = await pending;
    assert.ok(report, 'the comparison finished');
    assert.equal(drift.reportFor(current)?.createdAt, report.createdAt, 'stored for its file');
    assert.equal(drift.panel.report?.createdAt, report.createdAt, 'the panel shows it');
    await eventually(() => (drift.panel.visible ? true : undefined), 'the panel to open again');
    const drifted = vscode.languages.getDiagnostics(current).filter((d) => d.message.startsWith('Drift in')).map((d) => /"([^"]+)"/.exec(d.message)![1]);
    assert.ok(drifted.includes('a'), `Problems on the current file: ${drifted.join(', ')}`);
    assert.equal(drift.workerBusy, false);
  });
});
