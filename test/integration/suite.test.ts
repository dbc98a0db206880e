/**
 * Drift suites: the palette command over a suite with a plain and a glob comparison (severities from the suite
 * file), Problems entries on current files with those severities, problems of an invalid suite file on the suite
 * file itself, the suite overview in the panel, the Test Explorer (suite → comparison → column, runs and re-runs
 * through the run profile), a comparison that cannot run, and results going stale when a data file changes.
 * Every suite lives in a temporary folder inside the workspace, removed afterwards.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SuiteReport } from '../../src/core/suite/suiteTypes';
import type { RecordedOutcome, RecordedRun } from '../../src/extension/suite/testRunRecorder';
import { api, eventually, headerRange, workspaceFile } from './helpers';

const TMP = `suite-test-${process.pid}`;
const tmp = (...parts: string[]) => vscode.Uri.file(join(workspaceFile(TMP).fsPath, ...parts));

const SUITE = `{
  // Nothing is major here, so "drift" alone decides a drifted column's severity.
  "defaults": { "majorEffectSize": 100 },
  "comparisons": [
    {
      "name": "current",
      "reference": "reference.csv",
      "current": "current.csv",
      "severity": { "drift": "error", "datasetDrift": "info" }
    },
    { "name": "batches", "reference": "reference.csv", "current": "batch-*.csv" }
  ]
}
`;

/** Line 5 (1-based) holds the unknown test id. */
const INVALID = `{
  "comparisons": [
    {
      "name": "typo",
      "tests": { "age": { "test": "kss" } },
      "reference": "../reference.csv",
      "current": "../current.csv"
    }
  ]
}
`;

const BROKEN = `{
  "comparisons": [
    { "name": "ragged", "reference": "../reference.csv", "current": "ragged.csv" }
  ]
}
`;

const outcomeOf = (run: RecordedRun, item: vscode.TestItem | undefined): RecordedOutcome | undefined => (item ? run.outcomes.get(item) : undefined);

describe('Drift suites', function () {
  this.timeout(90000);
  const suiteUri = () => tmp('drift-suite.json');
  let report: SuiteReport;

  before(async () => {
    // Data files sit directly in the folder: the test host's file watcher (Node's recursive fs.watch fallback)
    // misses changes in subfolders created after it started, and the staleness test needs those events.
    const data = tmp().fsPath;
    mkdirSync(data, { recursive: true });
    copyFileSync(workspaceFile('reference.csv').fsPath, join(data, 'reference.csv'));
    copyFileSync(workspaceFile('current.csv').fsPath, join(data, 'current.csv'));
    // One batch like the reference (no drift), one like current.csv (drift).
    copyFileSync(workspaceFile('reference.csv').fsPath, join(data, 'batch-a.csv'));
    copyFileSync(workspaceFile('current.csv').fsPath, join(data, 'batch-b.csv'));
    writeFileSync(suiteUri().fsPath, SUITE);
    mkdirSync(tmp('invalid').fsPath);
    writeFileSync(tmp('invalid', 'drift-suite.json').fsPath, INVALID);
    mkdirSync(tmp('broken').fsPath);
    writeFileSync(tmp('broken', 'drift-suite.json').fsPath, BROKEN);
    writeFileSync(tmp('broken', 'ragged.csv').fsPath, 'age,income,segment,city\n30,100,smb,Lyon\n31,101,smb\n');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('driftInspector').update('suite.autoRun', undefined, vscode.ConfigurationTarget.Global);
    rmSync(workspaceFile(TMP).fsPath, { recursive: true, force: true });
    await vscode.commands.executeCommand('driftInspector.clearDiagnostics');
  });

  it('runs from the command palette: a plain and a glob comparison, with the suite file\'s severities', async () => {
    const drift = await api();
    const made = await vscode.commands.executeCommand<SuiteReport | undefined>('driftInspector.runSuite', suiteUri());
    assert.ok(made, 'the suite ran');
    report = made;
    assert.equal(drift.lastSuite?.createdAt, report.createdAt);
    assert.equal(report.file, suiteUri().fsPath);
    assert.deepEqual(report.results.map((r) => r.name), ['current', 'batches · batch-a.csv', 'batches · batch-b.csv']);
    const [current, a, b] = report.results;
    assert.equal(current.severity, 'error');
    assert.equal(current.datasetSeverity, 'info');
    const col = (r: typeof current, name: string) => r.columns.find((c) => c.name === name);
    assert.equal(col(current, 'age')?.severity, 'error');
    assert.equal(col(current, 'segment')?.severity, 'error');
    assert.equal(col(current, 'income')?.severity, 'none');
    assert.equal(a.severity, 'none', 'a copy of the reference does not drift');
    assert.equal(b.severity, 'error', 'dataset drift is an error by default');
    assert.equal(col(b, 'age')?.severity, 'warning', 'drift is a warning by default');
    assert.match(col(current, 'age')!.message, /p=.*< 0\.05/);
    assert.equal(report.severity, 'error');
    assert.equal(report.counts.comparisons, 3);
    assert.equal(report.counts.errored, 0);
  });

  it('puts each result on its current file with the configured severity (header cell for CSV, dataset on line 1)', async () => {
    const current = tmp('current.csv');
    const diagnostics = await eventually(() => {
      const d = vscode.languages.getDiagnostics(current).filter((x) => x.source === 'Drift Inspector');
      return d.length >= 3 ? d : undefined;
    }, 'diagnostics on current.csv');
    const age = diagnostics.find((d) => d.message.includes('"age"'));
    assert.ok(age);
    assert.equal(age.severity, vscode.DiagnosticSeverity.Error);
    assert.ok(age.range.isEqual(headerRange(current, 'age')), `age on its header cell, got ${JSON.stringify(age.range)}`);
    const dataset = diagnostics.find((d) => d.message.startsWith('Dataset drift'));
    assert.equal(dataset?.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(dataset?.range.start.line, 0);
    assert.ok(!diagnostics.some((d) => d.message.includes('"income"')), 'severity none: no entry');

    const b = vscode.languages.getDiagnostics(tmp('batch-b.csv')).filter((x) => x.source === 'Drift Inspector');
    assert.equal(b.find((d) => d.message.includes('"age"'))?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(b.find((d) => d.message.startsWith('Dataset drift'))?.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(vscode.languages.getDiagnostics(tmp('batch-a.csv')).filter((x) => x.source === 'Drift Inspector').length, 0);
  });

  it('shows the suite overview in the panel, drills into a comparison and back', async () => {
    const drift = await api();
    assert.ok(drift.panel.visible);
    const posted = drift.panel.lastPosted;
    assert.ok(posted?.type === 'suite', `last posted ${posted?.type}`);
    assert.equal(posted.suite.createdAt, report.createdAt);
    const b = report.results[2];
    await drift.panel.receive({ type: 'openComparison', id: b.id });
    const shown = drift.panel.lastPosted;
    assert.ok(shown?.type === 'report');
    assert.equal(shown.report.createdAt, b.report!.createdAt);
    assert.equal(drift.reportFor(tmp('batch-b.csv'))?.createdAt, b.report!.createdAt, 'stored: its Problems entries open it');
    await drift.panel.receive({ type: 'backToSuite' });
    assert.equal(drift.panel.lastPosted?.type, 'suite');
  });

  it('puts the problems of an invalid suite file on the suite file, at their line, and does not run it', async () => {
    const drift = await api();
    const invalid = tmp('invalid', 'drift-suite.json');
    const before = drift.lastSuite?.createdAt;
    const made = await drift.runSuite(invalid);
    assert.equal(made, undefined);
    assert.equal(drift.lastSuite?.createdAt, before, 'nothing ran');
    const problems = await eventually(() => {
      const d = vscode.languages.getDiagnostics(invalid).filter((x) => x.source === 'Drift Inspector');
      return d.length ? d : undefined;
    }, 'diagnostics on the invalid suite file');
    assert.equal(problems.length, 1);
    assert.equal(problems[0].severity, vscode.DiagnosticSeverity.Error);
    assert.match(problems[0].message, /Unknown test "kss"/);
    assert.equal(problems[0].range.start.line, 4, 'line 5 (0-based 4)');
    const text = readFileSync(invalid.fsPath, 'utf8').split('\n')[4];
    assert.equal(text.slice(problems[0].range.start.character, problems[0].range.end.character), '"kss"');
  });

  it('lists suite → comparison → column in the Test Explorer, at their places', async () => {
    const drift = await api();
    await drift.suite.discover();
    const root = drift.testController.items.get(suiteUri().toString());
    assert.ok(root, 'the suite file is listed');
    const ids = [...collect(root.children)].map((i) => i.label).sort();
    assert.deepEqual(ids, ['batches · batch-a.csv', 'batches · batch-b.csv', 'current']);
    const current = root.children.get(report.results[0].id)!;
    assert.equal(current.uri?.toString(), suiteUri().toString());
    assert.equal(current.range?.start.line, 4, 'the comparison object in the suite file');
    const age = current.children.get('column:age');
    assert.ok(age, 'columns from the results');
    assert.equal(age.uri?.fsPath, tmp('current.csv').fsPath);
    assert.ok(age.range?.isEqual(headerRange(tmp('current.csv'), 'age')));
    assert.equal(current.children.size, 4);
    const invalidRoot = drift.testController.items.get(tmp('invalid', 'drift-suite.json').toString());
    assert.ok(invalidRoot?.error, 'an invalid suite says so on its item');
  });

  it('runs the suite through the run profile: failed, passed and their messages', async () => {
    const drift = await api();
    const root = drift.testController.items.get(suiteUri().toString())!;
    const run = await drift.suite.runTests(new vscode.TestRunRequest([root]));
    assert.ok(run.ended);
    const [rc, ra, rb] = drift.suite.reportOf(suiteUri())!.results;
    const current = root.children.get(rc.id)!;
    assert.equal(outcomeOf(run, current)?.state, 'failed');
    assert.equal(outcomeOf(run, root.children.get(ra.id))?.state, 'passed');
    assert.equal(outcomeOf(run, root.children.get(rb.id))?.state, 'failed');
    assert.match(outcomeOf(run, root.children.get(rb.id))!.messages[0], /^Dataset drift/);
    const age = outcomeOf(run, current.children.get('column:age'));
    assert.equal(age?.state, 'failed');
    assert.match(age!.messages[0], /Drift in "age": .*p=.*< 0\.05/);
    assert.equal(age!.location?.uri.fsPath, tmp('current.csv').fsPath);
    assert.equal(outcomeOf(run, current.children.get('column:income'))?.state, 'passed');
    // datasetDrift "info": passes, with the finding as output.
    assert.ok(outcomeOf(run, current)!.messages.length >= 2, 'the failing columns are named on the comparison');
  });

  it('re-runs one column: only its comparison runs and only that column is reported', async () => {
    const drift = await api();
    const root = drift.testController.items.get(suiteUri().toString())!;
    const b = root.children.get(report.results[2].id)!;
    const before = drift.suite.reportOf(suiteUri())!;
    const segment = b.children.get('column:segment')!;
    const run = await drift.suite.runTests(new vscode.TestRunRequest([segment]));
    assert.deepEqual([...run.outcomes.values()].map((o) => [o.item.id, o.state]), [['column:segment', 'failed']]);
    const after = drift.suite.reportOf(suiteUri())!;
    assert.notEqual(after.createdAt, before.createdAt);
    assert.equal(after.results[0].report!.createdAt, before.results[0].report!.createdAt, 'the other comparisons did not run');
    assert.notEqual(after.results[2].report!.createdAt, before.results[2].report!.createdAt);
  });

  it('runs from the Test Explorer command (testing.runAll)', async () => {
    const drift = await api();
    const ended = new Promise<RecordedRun>((resolve) => {
      const sub = drift.suite.onDidEndTestRun((run) => {
        sub.dispose();
        resolve(run);
      });
    });
    await vscode.commands.executeCommand('testing.runAll');
    const run = await ended;
    const root = drift.testController.items.get(suiteUri().toString())!;
    assert.equal(outcomeOf(run, root.children.get(report.results[1].id))?.state, 'passed');
    assert.equal(outcomeOf(run, root.children.get(report.results[0].id))?.state, 'failed');
  });

  it('errors a comparison that cannot run, pointing at the data file\'s line', async () => {
    const drift = await api();
    const broken = tmp('broken', 'drift-suite.json');
    await drift.suite.discover();
    const root = drift.testController.items.get(broken.toString());
    assert.ok(root);
    const run = await drift.suite.runTests(new vscode.TestRunRequest([root]));
    const item = [...collect(root.children)][0];
    const outcome = outcomeOf(run, item);
    assert.equal(outcome?.state, 'errored');
    assert.match(outcome!.messages[0], /could not run/);
    assert.equal(outcome!.location?.uri.fsPath, tmp('broken', 'ragged.csv').fsPath);
    assert.equal(outcome!.location?.range.start.line, 2, 'line 3 of ragged.csv');
    assert.equal(drift.suite.reportOf(broken)?.counts.errored, 1);
  });

  it('marks results stale when a data file changes, and re-runs them with suite.autoRun', async () => {
    const drift = await api();
    const [, a, b] = drift.suite.reportOf(suiteUri())!.results;
    writeFileSync(tmp('batch-a.csv').fsPath, readFileSync(workspaceFile('current.csv').fsPath));
    await eventually(() => (drift.suite.staleTasks(suiteUri()).includes(a.id) ? true : undefined), 'a.csv results marked stale', 15000);
    assert.ok(!drift.suite.staleTasks(suiteUri()).includes(b.id));

    await vscode.workspace.getConfiguration('driftInspector').update('suite.autoRun', true, vscode.ConfigurationTarget.Global);
    const ended = new Promise<RecordedRun>((resolve) => {
      const sub = drift.suite.onDidEndTestRun((run) => {
        sub.dispose();
        resolve(run);
      });
    });
    writeFileSync(tmp('batch-a.csv').fsPath, readFileSync(workspaceFile('current.csv').fsPath, 'utf8') + '40,50000,smb,Lyon\n');
    const run = await ended;
    const root = drift.testController.items.get(suiteUri().toString())!;
    assert.equal(outcomeOf(run, root.children.get(a.id))?.state, 'failed', 'a.csv now drifts, and only it ran');
    assert.equal(outcomeOf(run, root.children.get(b.id)), undefined);
    assert.ok(!drift.suite.staleTasks(suiteUri()).includes(a.id), 'fresh again');
  });

  it('cancelling stops every comparison of a suite run (their worker threads end) and reports nothing', async () => {
    const drift = await api();
    // Files big enough that reading them takes seconds, outside the workspace.
    const dir = mkdtempSync(join(tmpdir(), 'drift-suite-cancel-'));
    const lines = ['a,b,c'];
    for (let i = 0; i < 1_500_000; i++) lines.push(`${i % 997},${(i * 7919) % 10007},k${i % 13}`);
    writeFileSync(join(dir, 'big.csv'), lines.join('\n'));
    writeFileSync(join(dir, 'big2.csv'), lines.join('\n'));
    const suite = vscode.Uri.file(join(dir, 'drift-suite.json'));
    writeFileSync(suite.fsPath, JSON.stringify({ comparisons: [{ name: 'big', reference: 'big.csv', current: 'big2.csv' }, { name: 'self', reference: 'big2.csv', current: 'big.csv' }] }));
    const before = drift.lastSuite?.createdAt;
    const started = Date.now();
    const running = drift.runSuite(suite);
    while (!drift.suite.running) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(drift.suite.cancel(), true);
    assert.equal(await running, undefined, 'a cancelled suite yields no report');
    assert.ok(Date.now() - started < 15000);
    assert.equal(drift.suite.running, false);
    assert.equal(drift.lastSuite?.createdAt, before);
    const states = [...drift.suite.lastTestRun!.outcomes.values()].map((o) => o.state);
    assert.ok(states.length > 0 && states.every((s) => s === 'skipped'), JSON.stringify(states));
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads the suite file again when it changes', async () => {
    const drift = await api();
    const root = drift.testController.items.get(suiteUri().toString())!;
    writeFileSync(suiteUri().fsPath, SUITE.replace('"batch-*.csv"', '"batch-b.csv"'));
    await eventually(() => (root.children.size === 2 ? true : undefined), 'two comparisons listed', 15000);
  });
});

function* collect(collection: vscode.TestItemCollection): Generator<vscode.TestItem> {
  const items: vscode.TestItem[] = [];
  collection.forEach((i) => void items.push(i));
  yield* items;
}
