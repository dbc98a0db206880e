/**
 * Comparisons started at once: each new one supersedes the running one (its worker thread is ended), the panel and
 * the Problems panel end with the last one's results, the superseded ones say nothing, and one worker is left.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, recordPosts, workspaceFile } from './helpers';

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
