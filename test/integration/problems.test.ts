/**
 * From the Problems panel to the drift panel: the showColumn command, the "Show in Drift Panel" code action on
 * our diagnostics, and a selection equal to a drifted column's header cell (what clicking a Problems entry does).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DriftReport } from '../../src/core/suite/report';
import type { ToWebview } from '../../src/protocol';
import { api, eventually, headerRange, nextPost, recordPosts, workspaceFile } from './helpers';

const reference = () => workspaceFile('reference.csv');
const current = () => workspaceFile('current.csv');
const parquet = () => workspaceFile('current.parquet');

type Posted = ToWebview;
/** The panel was asked to open `column`: in the report on screen, or with its report drawn first. */
const focusOn = (column: string) => (m: Posted): m is Posted =>
  (m.type === 'focusColumn' && m.column === column) || (m.type === 'report' && m.focus === column);

describe('Problems → drift panel', function () {
  this.timeout(60000);
  let csvReport: DriftReport;

  before(async () => {
    const drift = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('driftInspector.clearDiagnostics');
    const made = await drift.compare(reference(), current());
    assert.ok(made);
    csvReport = made;
  });

  it('showColumn focuses the column in the report already shown', async () => {
    const drift = await api();
    const posts = recordPosts(drift);
    const shown = await vscode.commands.executeCommand<boolean>('driftInspector.showColumn', current(), 'segment');
    posts.dispose();
    assert.equal(shown, true);
    assert.ok(drift.panel.visible);
    assert.deepEqual(posts.messages.at(-1), { type: 'focusColumn', column: 'segment' });
  });

  it('showColumn reopens an older comparison\'s report of that file (by path too)', async () => {
    const drift = await api();
    assert.ok(await drift.compare(reference(), parquet()));
    const posts = recordPosts(drift);
    const shown = await vscode.commands.executeCommand<boolean>('driftInspector.showColumn', current().fsPath, 'age');
    posts.dispose();
    assert.equal(shown, true);
    const last = posts.messages.at(-1);
    assert.ok(last?.type === 'report', JSON.stringify(last?.type));
    assert.equal(last.focus, 'age');
    assert.equal(last.report.createdAt, csvReport.createdAt, 'the CSV\'s own report, not the latest comparison');
    assert.equal(drift.latestReport?.createdAt, csvReport.createdAt, 'and it is the panel\'s report again');
  });

  it('showColumn on a file without a report this session does nothing', async () => {
    const shown = await vscode.commands.executeCommand<boolean>('driftInspector.showColumn', workspaceFile('nothing.csv'), 'age');
    assert.equal(shown, false);
  });

  it('offers "Show in Drift Panel" for a drift diagnostic, and running it focuses the column', async () => {
    const drift = await api();
    const range = headerRange(current(), 'age');
    const actions = await eventually(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', current(), range);
      const ours = found?.filter((a) => a.title === 'Show in Drift Panel');
      return ours?.length ? ours : undefined;
    }, 'the code action');
    assert.equal(actions.length, 1);
    const action = actions[0];
    assert.equal(action.command?.command, 'driftInspector.showColumn');
    assert.equal((action.command?.arguments?.[0] as vscode.Uri).toString(), current().toString());
    assert.equal(action.command?.arguments?.[1], 'age');

    const focused = nextPost(drift, focusOn('age'));
    await vscode.commands.executeCommand(action.command!.command, ...action.command!.arguments!);
    await focused;
  });

  it('offers nothing on a header cell without a drift diagnostic', async () => {
    const found = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      current(),
      headerRange(current(), 'income'),
    );
    assert.deepEqual(found.filter((a) => a.title.includes('Drift Panel')), []);
  });

  it('selecting a drifted column\'s header cell (as a Problems click does) focuses it, keeping the editor focused', async () => {
    const drift = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // A file not open yet: it opens with the range selected.
    let focused = nextPost(drift, focusOn('segment'));
    const range = headerRange(current(), 'segment');
    const editor = await vscode.window.showTextDocument(current(), { viewColumn: vscode.ViewColumn.One, selection: range });
    await focused;
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), current().toString(), 'the editor keeps the focus');

    // The file already open: the selection moves to another drifted column's cell.
    focused = nextPost(drift, focusOn('age'));
    const age = headerRange(current(), 'age');
    editor.selection = new vscode.Selection(age.start, age.end);
    await focused;
    assert.ok(drift.panel.visible);
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), current().toString());
  });

  it('ignores selections that are not a drifted column\'s header cell', async () => {
    const drift = await api();
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const posts = recordPosts(drift);
    const income = headerRange(current(), 'income');
    editor.selection = new vscode.Selection(income.start, income.end);
    editor.selection = new vscode.Selection(1, 0, 1, 2);
    await new Promise((r) => setTimeout(r, 500));
    posts.dispose();
    assert.deepEqual(posts.messages, []);
  });

  it('a reloaded webview that already drew the latest report is not sent it again', async () => {
    const drift = await api();
    // A fresh panel whose webview has loaded (said ready) and drawn the report, so no real `ready` interferes.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const rendered = new Promise<void>((resolve) => {
      const sub = drift.onDidRender(() => {
        sub.dispose();
        resolve();
      });
    });
    const latest = await drift.compare(reference(), current());
    assert.ok(latest);
    await rendered;
    // Only what a (re)loaded webview gets: the webview's own column requests are answered meanwhile.
    const posts = recordPosts(drift);
    const states = () => posts.messages.filter((m) => m.type === 'report' || m.type === 'focusColumn' || m.type === 'running' || m.type === 'failed');
    await drift.panel.receive({ type: 'ready', shown: latest.createdAt });
    assert.equal(states().length, 0, JSON.stringify(states().map((m) => m.type)));
    await drift.panel.receive({ type: 'ready', shown: '2000-01-01T00:00:00.000Z' });
    posts.dispose();
    assert.equal(states().length, 1);
    const sent = states()[0];
    assert.ok(sent.type === 'report' && sent.report.createdAt === latest.createdAt);
  });
});
