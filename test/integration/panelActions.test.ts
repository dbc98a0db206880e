/**
 * The panel's controls, extension side: messages the webview would post are handed to the panel controller
 * (api.panel.receive), and the tests check what the extension did and posted back. Fixtures: `age` and
 * `segment` drift, `income` (KS p = 1, normalised Wasserstein 0.027) and `city` do not.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DriftReport } from '../../src/core/suite/report';
import type { ToWebview } from '../../src/protocol';
import { api, recordPosts, workspaceFile } from './helpers';

const reference = () => workspaceFile('reference.csv');
const current = () => workspaceFile('current.csv');
const driftedInProblems = (uri: vscode.Uri) =>
  vscode.languages
    .getDiagnostics(uri)
    .map((d) => /^Drift in "([^"]+)"/.exec(d.message)?.[1])
    .filter((c) => c !== undefined)
    .sort();
const column = (report: DriftReport | undefined, name: string) => {
  const c = report?.columns.find((c) => c.name === name);
  assert.ok(c, `the report has column ${name}`);
  return c;
};

describe('Panel actions (extension side)', function () {
  this.timeout(60000);
  let report: DriftReport;

  before(async () => {
    const drift = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const made = await drift.compare(reference(), current());
    assert.ok(made);
    report = made;
    assert.equal(drift.latestReport?.createdAt, report.createdAt, 'the panel knows the latest report');
  });

  it('lists every test that fits a numeric column, run in the worker, with the report\'s test marked in use', async () => {
    const drift = await api();
    const posts = recordPosts(drift);
    await drift.panel.receive({ type: 'columnTests', column: 'age' });
    posts.dispose();
    const reply = posts.messages.find((m) => m.type === 'columnTests');
    assert.ok(reply && reply.type === 'columnTests', JSON.stringify(posts.messages));
    assert.equal(reply.column, 'age');
    assert.equal(reply.createdAt, report.createdAt, 'the reply names the report it belongs to');
    const tests = reply.tests.map((t) => t.test);
    for (const id of ['ks', 'wasserstein', 'anderson', 'cramer_von_mises', 'mann_whitney', 'energy', 'psi', 'jensen_shannon']) {
      assert.ok(tests.includes(id as never), `${id} fits a numeric column: ${tests.join(', ')}`);
    }
    assert.deepEqual(reply.tests.filter((t) => t.inUse).map((t) => t.test), ['ks']);
    const ks = reply.tests.find((t) => t.test === 'ks')!;
    assert.equal(ks.pValue, column(report, 'age').pValue, 'the worker read the same tables as the comparison');
    assert.equal(ks.drifted, true);
    assert.equal(drift.workerAlive, true);
  });

  it('lists the tests of a categorical column without the numeric-only ones', async () => {
    const drift = await api();
    const tests = await drift.columnTests('segment');
    assert.ok(tests);
    const ids = tests.map((t) => t.test);
    assert.ok(ids.includes('chi2') && ids.includes('jensen_shannon'), ids.join(', '));
    assert.ok(!ids.includes('ks') && !ids.includes('wasserstein'), ids.join(', '));
    assert.deepEqual(tests.filter((t) => t.inUse).map((t) => t.test), ['chi2']);
  });

  it('answers a column it cannot test with columnTestsFailed', async () => {
    const drift = await api();
    const posts = recordPosts(drift);
    await drift.panel.receive({ type: 'columnTests', column: 'no such column' });
    posts.dispose();
    const reply = posts.messages.find((m) => m.type === 'columnTestsFailed');
    assert.ok(reply && reply.type === 'columnTestsFailed', JSON.stringify(posts.messages));
    assert.equal(reply.createdAt, report.createdAt);
    assert.match(reply.message, /not in both files/);
  });

  it('setColumnTest compares that column again: its test changes, the others do not, Problems follow', async () => {
    const drift = await api();
    const before = drift.panel.report!;
    const posts = recordPosts(drift);
    await drift.panel.receive({ type: 'setColumnTest', column: 'income', test: 'wasserstein', threshold: 0.01 });
    posts.dispose();
    assert.deepEqual(posts.messages.map((m) => m.type), ['columnRunning', 'report']);
    assert.deepEqual(posts.messages[0], { type: 'columnRunning', column: 'income' });
    const shown = posts.messages[1] as Extract<ToWebview, { type: 'report' }>;
    assert.equal(shown.focus, 'income', 'the changed column\'s detail stays open');
    const after = shown.report;
    assert.notEqual(after.createdAt, before.createdAt);
    assert.equal(drift.latestReport?.createdAt, after.createdAt, 'the new report is the latest');
    assert.equal(drift.reportFor(current())?.createdAt, after.createdAt, 'and the file\'s stored report');

    const income = column(after, 'income');
    assert.equal(income.test, 'wasserstein');
    assert.equal(income.threshold, 0.01);
    assert.equal(income.choiceSource, 'column');
    assert.equal(income.drifted, true, 'a normalised Wasserstein distance of 0.027 is at or above 0.01');
    for (const name of ['age', 'segment', 'city']) assert.deepEqual(column(after, name), column(before, name), `${name} unchanged`);
    assert.equal(after.driftedColumns, 3);
    assert.deepEqual(driftedInProblems(current()), ['age', 'income', 'segment']);
  });

  it('a re-run keeps the column choices made in the panel; null for both goes back to the settings', async () => {
    const drift = await api();
    await drift.panel.receive({ type: 'rerun' });
    const rerun = drift.panel.report!;
    assert.equal(column(rerun, 'income').test, 'wasserstein', 'the panel\'s choice applies to the whole re-run');
    assert.equal(column(rerun, 'income').threshold, 0.01);

    await drift.panel.receive({ type: 'setColumnTest', column: 'income', test: null, threshold: null });
    const reset = drift.panel.report!;
    assert.equal(column(reset, 'income').test, 'ks');
    assert.equal(column(reset, 'income').drifted, false);
    assert.equal(column(reset, 'income').choiceSource, 'default');
    assert.deepEqual(driftedInProblems(current()), ['age', 'segment']);
  });

  it('a threshold alone keeps the column\'s test', async () => {
    const drift = await api();
    await drift.panel.receive({ type: 'setColumnTest', column: 'age', test: null, threshold: 1e-40 });
    const age = column(drift.panel.report, 'age');
    assert.equal(age.test, 'ks');
    assert.equal(age.threshold, 1e-40);
    assert.equal(age.drifted, false, 'p = 4.8e-32 is not below 1e-40');
    assert.deepEqual(driftedInProblems(current()), ['segment']);
    await drift.panel.receive({ type: 'setColumnTest', column: 'age', test: null, threshold: null });
    assert.equal(column(drift.panel.report, 'age').drifted, true);
  });

  it('swap compares again with the sides swapped; rerun compares the same pair again', async () => {
    const drift = await api();
    const before = drift.panel.report!;
    await drift.panel.receive({ type: 'swap' });
    const swapped = drift.panel.report!;
    assert.notEqual(swapped.createdAt, before.createdAt);
    assert.equal(swapped.reference.path, before.current.path);
    assert.equal(swapped.current.path, before.reference.path);
    assert.deepEqual(driftedInProblems(reference()), ['age', 'segment'], 'the new current file gets the Problems');

    await drift.panel.receive({ type: 'swap' });
    await drift.panel.receive({ type: 'rerun' });
    const again = drift.panel.report!;
    assert.equal(again.reference.path, before.reference.path);
    assert.equal(again.current.path, before.current.path);
    assert.notEqual(again.createdAt, before.createdAt);
    assert.deepEqual(
      again.columns.map((c) => [c.name, c.test, c.statistic, c.drifted]),
      before.columns.map((c) => [c.name, c.test, c.statistic, c.drifted]),
    );
    await vscode.commands.executeCommand('driftInspector.clearDiagnostics');
  });

  it('a column request while a comparison runs is refused with a message, without stopping the comparison', async () => {
    const drift = await api();
    // A file that takes a while to read, written outside the workspace.
    const big = join(mkdtempSync(join(tmpdir(), 'drift-busy-')), 'big.csv');
    writeFileSync(big, ['a,b', ...Array.from({ length: 400_000 }, (_, i) => `${i % 997},k${i % 13}`)].join('\n'));
    const running = drift.compare(vscode.Uri.file(big), vscode.Uri.file(big));
    while (!drift.workerBusy) await new Promise((r) => setTimeout(r, 5));
    const posts = recordPosts(drift);
    await drift.panel.receive({ type: 'columnTests', column: 'age' });
    posts.dispose();
    const reply = posts.messages.find((m) => m.type === 'columnTestsFailed');
    assert.ok(reply && reply.type === 'columnTestsFailed', JSON.stringify(posts.messages.map((m) => m.type)));
    assert.match(reply.message, /comparison is running/);
    const finished = await running;
    assert.ok(finished, 'the comparison still finished');
    assert.equal(finished.current.path, big);
  });

  it('exports the report as JSON and as offline HTML, atomically', async () => {
    const drift = await api();
    const shown = drift.panel.report!;
    const dir = mkdtempSync(join(tmpdir(), 'drift-export-'));

    const json = await drift.exportReport('json', vscode.Uri.file(join(dir, 'current.drift.json')));
    assert.ok(json);
    assert.deepEqual(JSON.parse(readFileSync(json.fsPath, 'utf8')), shown);

    const html = await drift.exportReport('html', vscode.Uri.file(join(dir, 'current.drift.html')));
    assert.ok(html);
    const page = readFileSync(html.fsPath, 'utf8');
    const embedded = /<script type="application\/json" id="drift-report">([\s\S]*?)<\/script>/.exec(page);
    assert.ok(embedded, 'the report is embedded');
    assert.deepEqual(JSON.parse(embedded[1]), shown);
    const script = readFileSync(join(__dirname, '..', '..', 'dist', 'webview.js'), 'utf8');
    assert.ok(page.length > script.length, 'the panel\'s script is inlined');

    // Overwriting goes through a temporary file too.
    assert.ok(await drift.exportReport('json', json));
    assert.deepEqual(readdirSync(dir).sort(), ['current.drift.html', 'current.drift.json'], 'no temporary files left');
  });

  it('an export that cannot be written leaves nothing behind and says so', async () => {
    const drift = await api();
    const dir = mkdtempSync(join(tmpdir(), 'drift-export-bad-'));
    // The target is a folder: the rename over it fails after the temporary file was written.
    const target = vscode.Uri.file(dir);
    assert.equal(await drift.exportReport('json', target), undefined);
    assert.deepEqual(readdirSync(join(dir, '..')).filter((f) => f.startsWith(`.${target.path.split('/').pop()}`)), []);
  });
});
