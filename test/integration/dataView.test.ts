/**
 * The data view in a real extension host: a Parquet file opens in it by default (schema, first rows, a summary per
 * column, computed in its worker thread); a Parquet Problems entry's code link opens it at the entry's column; the
 * drifted columns of the file's last comparison are marked and link to the drift panel; CSV opens in it on request;
 * .parq files are Parquet files; a corrupt file shows a clear error in the view.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { RenderedDataView } from '../../src/extension/dataView/dataViewSession';
import type { ToDataView, ToWebview } from '../../src/protocol';
import { api, eventually, nextPost, workspaceFile } from './helpers';

const reference = () => workspaceFile('reference.csv');
const parquet = () => workspaceFile('current.parquet');
const scratch = mkdtempSync(join(tmpdir(), 'drift-dataview-'));

/** What the file's data view drew, once it satisfies `ok`. */
async function rendered(file: vscode.Uri, ok: (r: RenderedDataView) => boolean, what: string): Promise<RenderedDataView> {
  const drift = await api();
  return eventually(() => {
    const r = drift.dataView.rendered(file);
    return r && ok(r) ? r : undefined;
  }, `the data view of ${file.path.split('/').pop()} to show ${what}`, 20000);
}

function activeCustomTab(): vscode.TabInputCustom | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input : undefined;
}

/** The command a diagnostic's code link runs: `command:ID?[args]`. */
function linkOf(d: vscode.Diagnostic): { command: string; args: unknown[] } {
  const code = d.code;
  assert.ok(typeof code === 'object' && code !== null && 'target' in code, `code ${JSON.stringify(code)} is a link`);
  assert.equal(code.target.scheme, 'command');
  return { command: code.target.path, args: JSON.parse(decodeURIComponent(code.target.query)) as unknown[] };
}

describe('Data view', function () {
  this.timeout(60000);

  before(async () => {
    await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('driftInspector.clearDiagnostics');
  });

  it('opens a Parquet file by default: schema from the footer, the first rows, then a summary per column', async () => {
    const drift = await api();
    const posted: ToDataView[] = [];
    const sub = drift.dataView.onDidPost((p) => p.uri.toString() === parquet().toString() && posted.push(p.message));
    await vscode.commands.executeCommand('vscode.open', parquet());
    const shown = await rendered(parquet(), (r) => r.summaries === 4 && r.previewRows === 200, 'every summary');
    sub.dispose();
    assert.equal(activeCustomTab()?.viewType, 'driftInspector.dataView', 'the data view is the default editor of .parquet');
    assert.equal(shown.columns, 4);
    assert.equal(shown.failed, null);

    // The drift marks and focus are sent whenever the page loads; the profile's events come in order.
    const types = posted.map((m) => m.type).filter((t) => t !== 'drift' && t !== 'focusColumn');
    assert.deepEqual(types.slice(0, 3), ['file', 'schema', 'preview'], 'schema first, then the first rows');
    assert.equal(types.at(-1), 'done');
    const schema = posted.find((m) => m.type === 'schema');
    assert.ok(schema?.type === 'schema');
    assert.equal(schema.schema.rows, 200);
    assert.deepEqual(schema.schema.compression, ['SNAPPY']);
    assert.deepEqual(
      schema.schema.columns.map((c) => [c.name, c.physicalType, c.logicalType, c.nulls]),
      [['age', 'DOUBLE', null, 0], ['income', 'DOUBLE', null, 0], ['segment', 'BYTE_ARRAY', 'STRING', 0], ['city', 'BYTE_ARRAY', 'STRING', 0]],
    );
    const summaries = posted.flatMap((m) => (m.type === 'summary' ? [m.summary] : []));
    const city = summaries.find((s) => s.name === 'city');
    assert.equal(city?.type, 'categorical');
    assert.equal(city?.distinct, 4);
    assert.ok(city?.top?.some((t) => t.value === 'Portland, OR'));
    const age = summaries.find((s) => s.name === 'age');
    assert.equal(age?.type, 'numeric');
    assert.equal(age?.missing, 0);
    assert.ok(age?.histogram && age.histogram.counts.reduce((a, b) => a + b, 0) === 200);
    assert.equal(drift.dataView.running(parquet()), false, 'the worker thread ended with the profile');
  });

  it('a Parquet diagnostic\'s code links to the data view at its column, and the drifted columns are marked', async () => {
    const drift = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const report = await drift.compare(reference(), parquet());
    assert.ok(report);
    const diagnostics = await eventually(() => {
      const d = vscode.languages.getDiagnostics(parquet());
      return d.length >= 2 ? d : undefined;
    }, 'Parquet diagnostics');
    const age = diagnostics.find((d) => d.message.startsWith('Drift in "age"'));
    assert.ok(age, diagnostics.map((d) => d.message).join('\n'));
    const link = linkOf(age);
    assert.equal(link.command, 'driftInspector.openDataView');
    assert.deepEqual(link.args, [parquet().toString(), 'age']);
    assert.equal(typeof age.code === 'object' && age.code.value, report.columns.find((c) => c.name === 'age')?.test, 'the link reads as the test, as before');

    // The view is not open: the link opens it, then highlights the column once drawn.
    let focused = new Promise<string>((resolve) => {
      const sub = drift.dataView.onDidFocus((f) => {
        if (f.uri.toString() !== parquet().toString()) return;
        sub.dispose();
        resolve(f.column);
      });
    });
    await vscode.commands.executeCommand(link.command, ...link.args);
    assert.equal(await focused, 'age');
    assert.equal(activeCustomTab()?.viewType, 'driftInspector.dataView');
    const shown = await rendered(parquet(), (r) => r.drifted.length === 2, 'the drift marks');
    assert.deepEqual([...shown.drifted].sort(), ['age', 'segment']);

    // The view is open: another entry's link highlights its column there.
    const segment = diagnostics.find((d) => d.message.startsWith('Drift in "segment"'));
    assert.ok(segment);
    focused = new Promise<string>((resolve) => {
      const sub = drift.dataView.onDidFocus((f) => {
        sub.dispose();
        resolve(f.column);
      });
    });
    const again = linkOf(segment);
    await vscode.commands.executeCommand(again.command, ...again.args);
    assert.equal(await focused, 'segment');
    assert.equal(vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputCustom).length, 1, 'no second view');
  });

  it('a drift mark\'s link opens the drift panel at that column', async () => {
    const drift = await api();
    const focused = nextPost(drift, (m: ToWebview): m is ToWebview => (m.type === 'focusColumn' && m.column === 'segment') || (m.type === 'report' && m.focus === 'segment'));
    drift.dataView.receive(parquet(), { type: 'showInPanel', column: 'segment' });
    await focused;
    await eventually(() => drift.panel.visible || undefined, 'the drift panel to show');
    assert.ok(vscode.window.tabGroups.all.some((g) => g.activeTab?.input instanceof vscode.TabInputCustom), 'beside the data view, not over it');
  });

  it('a new comparison of the file updates the marks in the open view', async () => {
    const drift = await api();
    await drift.dataView.open(parquet());
    // The file compared with itself: nothing drifts, and the view says so.
    const posted = new Promise<ToDataView>((resolve) => {
      const sub = drift.dataView.onDidPost((p) => {
        if (p.message.type !== 'drift') return;
        sub.dispose();
        resolve(p.message);
      });
    });
    assert.ok(await drift.compare(parquet(), parquet()));
    const message = await posted;
    assert.ok(message.type === 'drift' && message.drift);
    assert.deepEqual(message.drift.columns, []);
    await rendered(parquet(), (r) => r.drifted.length === 0, 'no drift marks');
  });

  it('opens a CSV file in the data view on request (its title bar keeps Compare and Select as Reference)', async () => {
    const drift = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    assert.equal(await vscode.commands.executeCommand('driftInspector.openDataView', reference()), true);
    const shown = await rendered(reference(), (r) => r.summaries === 4, 'every summary');
    assert.equal(shown.previewRows, 200);
    assert.equal(activeCustomTab()?.viewType, 'driftInspector.dataViewText');
    // The title bar's commands take the view's file.
    assert.equal((await vscode.commands.executeCommand<vscode.Uri>('driftInspector.selectReference'))?.toString(), reference().toString());
    assert.equal(drift.reference?.toString(), reference().toString());
  });

  it('opens a .parq file as Parquet, by default', async () => {
    const file = vscode.Uri.file(join(scratch, 'copy.parq'));
    copyFileSync(parquet().fsPath, file.fsPath);
    await vscode.commands.executeCommand('vscode.open', file);
    const shown = await rendered(file, (r) => r.summaries === 4, 'every summary');
    assert.equal(shown.columns, 4);
    assert.equal(activeCustomTab()?.viewType, 'driftInspector.dataView');
  });

  it('profiles the file again when it changes on disk', async () => {
    const file = vscode.Uri.file(join(scratch, 'changing.parquet'));
    copyFileSync(parquet().fsPath, file.fsPath);
    await vscode.commands.executeCommand('vscode.open', file);
    await rendered(file, (r) => r.summaries === 4 && r.columns === 4, 'the first version');
    // Another Parquet file in its place: 3 columns, 4,500 rows in 3 row groups.
    writeFileSync(file.fsPath, readFileSync(join(__dirname, '..', '..', 'test', 'fixtures', 'data', 'duckdb-rowgroups.parquet')));
    const shown = await rendered(file, (r) => r.columns === 3 && r.summaries === 3, 'the new version');
    assert.equal(shown.previewRows, 1000);
  });

  it('a file that is not Parquet, and one with corrupt data pages, show a clear error in the view', async () => {
    const foreign = vscode.Uri.file(join(scratch, 'foreign.parquet'));
    writeFileSync(foreign.fsPath, 'age,income\n1,2\n');
    await vscode.commands.executeCommand('vscode.open', foreign);
    let shown = await rendered(foreign, (r) => r.failed !== null, 'an error');
    assert.equal(shown.failed, 'foreign.parquet: not a Parquet file (missing PAR1 magic)');
    assert.equal(shown.columns, 0);

    // Valid footer, garbage where the column chunks are: the schema shows, then the error.
    const bytes = readFileSync(parquet().fsPath);
    const footer = bytes.readUInt32LE(bytes.length - 8);
    for (let i = 4; i < bytes.length - 8 - footer; i++) bytes[i] = (i * 131) & 0xff;
    const corrupt = vscode.Uri.file(join(scratch, 'corrupt.parquet'));
    writeFileSync(corrupt.fsPath, bytes);
    await vscode.commands.executeCommand('vscode.open', corrupt);
    shown = await rendered(corrupt, (r) => r.failed !== null, 'an error');
    assert.match(shown.failed ?? '', /^corrupt\.parquet: cannot read Parquet file: /);
    assert.equal(shown.columns, 4, 'the schema, from the footer, is still shown');
    assert.equal((await api()).dataView.running(corrupt), false);
  });
});
