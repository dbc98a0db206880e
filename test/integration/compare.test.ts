/**
 * Runs inside a real VS Code extension host (code-server), against test/fixtures/workspace:
 * reference.csv vs current.csv, where `age` and `segment` drift and `income` and `city` do not.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DriftInspectorApi } from '../../src/extension/index';

const EXTENSION_ID = 'drift-inspector.drift-inspector';

async function api(): Promise<DriftInspectorApi> {
  const ext = vscode.extensions.getExtension<DriftInspectorApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is installed`);
  return ext.activate();
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'tests run with test/fixtures/workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

/** Where each header name sits on line 1, computed independently of the extension's own header parser. */
function headerRange(file: vscode.Uri, column: string): vscode.Range {
  const firstLine = readFileSync(file.fsPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0];
  const start = firstLine.split(',').indexOf(column);
  assert.ok(start >= 0, `${column} is in the header`);
  const offset = firstLine.split(',').slice(0, start).join(',').length + (start > 0 ? 1 : 0);
  return new vscode.Range(0, offset, 0, offset + column.length);
}

/** The next drawing of a report with `columns` rows (the panel also redraws on sort, filter and search). */
function onceRendered(drift: DriftInspectorApi, columns = 4, timeoutMs = 45000) {
  return new Promise<NonNullable<DriftInspectorApi['panel']['lastRendered']>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the drift panel did not render within ${timeoutMs / 1000} s`)), timeoutMs);
    const sub = drift.onDidRender((info) => {
      if (info.columns !== columns) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(info);
    });
  });
}

describe('Compare with Reference', function () {
  this.timeout(90000);
  const reference = () => workspaceFile('reference.csv');
  const current = () => workspaceFile('current.csv');

  before(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('driftInspector.clearDiagnostics');
  });

  it('selects a reference and compares, reporting drift in the drifted columns only', async () => {
    const drift = await api();
    await vscode.commands.executeCommand('driftInspector.selectReference', reference());
    assert.equal(drift.reference?.toString(), reference().toString());

    const report = await vscode.commands.executeCommand<import('../../src/core/suite/report').DriftReport>(
      'driftInspector.compareWithReference',
      current(),
    );
    assert.ok(report, 'the command returns the report');
    const verdicts = Object.fromEntries(report.columns.map((c) => [c.name, c.drifted]));
    assert.deepEqual(verdicts, { age: true, income: false, segment: true, city: false });
    assert.equal(report.columns.find((c) => c.name === 'age')?.test, 'ks');
    assert.equal(report.columns.find((c) => c.name === 'segment')?.test, 'chi2');
    assert.equal(drift.workerAlive, true, 'the worker thread ran the comparison and stays for the next one');
  });

  it('puts one diagnostic on the header cell of each drifted column', async () => {
    const diagnostics = vscode.languages.getDiagnostics(current());
    const byColumn = Object.fromEntries(diagnostics.map((d) => [/^Drift in "([^"]+)"/.exec(d.message)?.[1], d]));
    assert.deepEqual(Object.keys(byColumn).sort(), ['age', 'segment']);
    for (const column of ['age', 'segment']) {
      const d = byColumn[column];
      assert.ok(d.range.isEqual(headerRange(current(), column)), `${column}: ${JSON.stringify(d.range)}`);
      assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(d.source, 'Drift Inspector');
    }
    assert.match(byColumn.age.message, /^Drift in "age": KS p=\S+ < 0\.05$/);
    assert.match(byColumn.segment.message, /^Drift in "segment": chi-squared p=\S+ < 0\.05$/);
    assert.equal(vscode.languages.getDiagnostics(reference()).length, 0, 'the reference file gets no diagnostics');
  });

  it('opens the panel beside the active editor and draws every column', async () => {
    const drift = await api();
    await vscode.window.showTextDocument(current(), { viewColumn: vscode.ViewColumn.One });
    const rendered = onceRendered(drift);
    await drift.compare(reference(), current());
    const info = await rendered;
    assert.equal(drift.panel.visible, true);
    assert.equal(drift.panel.viewColumn, vscode.ViewColumn.Two);
    assert.equal(info.columns, 4);
    // Charts are drawn as their rows come into view (webview/main.ts): at least one, at most one per column.
    assert.ok(info.charts >= 1 && info.charts <= 4, `charts: ${info.charts}`);
    assert.deepEqual([...info.driftedColumns].sort(), ['age', 'segment']);
  });

  it('replaces a file\'s diagnostics on the next comparison and clears them on command', async () => {
    const drift = await api();
    await drift.compare(current(), current());
    assert.equal(vscode.languages.getDiagnostics(current()).length, 0, 'comparing a file with itself finds no drift');
    await drift.compare(reference(), current());
    assert.equal(vscode.languages.getDiagnostics(current()).length, 2);
    await vscode.commands.executeCommand('driftInspector.clearDiagnostics');
    assert.equal(vscode.languages.getDiagnostics(current()).length, 0);
  });

  it('compares CSV with Parquet and attaches Parquet diagnostics to the file at line 1', async () => {
    const drift = await api();
    const parquet = workspaceFile('current.parquet');
    const report = await drift.compare(reference(), parquet);
    assert.ok(report);
    assert.equal(report.current.format, 'parquet');
    assert.deepEqual(
      Object.fromEntries(report.columns.map((c) => [c.name, c.drifted])),
      { age: true, income: false, segment: true, city: false },
    );
    const diagnostics = vscode.languages.getDiagnostics(parquet);
    assert.deepEqual(diagnostics.map((d) => /^Drift in "([^"]+)"/.exec(d.message)?.[1]).sort(), ['age', 'segment']);
    for (const d of diagnostics) assert.ok(d.range.isEqual(new vscode.Range(0, 0, 0, 0)), JSON.stringify(d.range));
  });

  it('from the command palette, compares the active tab with the selected reference', async () => {
    await vscode.commands.executeCommand('driftInspector.selectReference', reference());
    await vscode.window.showTextDocument(current(), { viewColumn: vscode.ViewColumn.One });
    const report = await vscode.commands.executeCommand<import('../../src/core/suite/report').DriftReport>(
      'driftInspector.compareWithReference',
    );
    assert.ok(report, 'no quick pick was needed: both files were known');
    assert.equal(report.current.path, current().fsPath);
    assert.equal(report.reference.path, reference().fsPath);
  });

  it('when the reference is missing or is the file itself, offers the workspace data files in a quick pick', async () => {
    const drift = await api();
    await vscode.commands.executeCommand('driftInspector.selectReference', current());
    const pending = vscode.commands.executeCommand<import('../../src/core/suite/report').DriftReport | undefined>(
      'driftInspector.compareWithReference',
      current(),
    );
    // The pick lists the other data files by path (current.parquet, reference.csv) and then "Browse…".
    await new Promise((r) => setTimeout(r, 1500));
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const report = await pending;
    assert.ok(report, 'picking a file runs the comparison');
    assert.equal(report.reference.path, reference().fsPath);
    assert.equal(drift.reference?.toString(), reference().toString(), 'the picked file becomes the reference');
  });

  it('opens the panel beside a notebook when a notebook is the active editor', async () => {
    const drift = await api();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const notebook = await vscode.workspace.openNotebookDocument(
      'jupyter-notebook',
      new vscode.NotebookData([new vscode.NotebookCellData(vscode.NotebookCellKind.Code, 'df.describe()', 'python')]),
    );
    await vscode.window.showNotebookDocument(notebook, { viewColumn: vscode.ViewColumn.One });
    const rendered = onceRendered(drift);
    await drift.compare(reference(), current());
    await rendered;
    assert.equal(drift.panel.viewColumn, vscode.ViewColumn.Two);
    assert.equal(vscode.window.activeNotebookEditor?.notebook, notebook, 'the notebook keeps the focus');
    assert.equal(vscode.window.activeNotebookEditor?.viewColumn, vscode.ViewColumn.One);
  });

  it('cancelling terminates the worker, and the next comparison starts a fresh one', async () => {
    const drift = await api();
    // A file big enough that reading it takes seconds, written outside the workspace.
    const dir = mkdtempSync(join(tmpdir(), 'drift-cancel-'));
    const big = join(dir, 'big.csv');
    const lines = ['a,b,c'];
    for (let i = 0; i < 1_500_000; i++) lines.push(`${i % 997},${(i * 7919) % 10007},k${i % 13}`);
    writeFileSync(big, lines.join('\n'));

    const started = Date.now();
    const running = drift.compare(vscode.Uri.file(big), vscode.Uri.file(big));
    while (!drift.workerBusy) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(drift.cancel(), true, 'there was a comparison to cancel');
    assert.equal(await running, undefined, 'a cancelled comparison yields no report');
    assert.ok(Date.now() - started < 10000);
    assert.equal(drift.workerAlive, false, 'the worker thread was terminated');
    assert.equal(drift.workerBusy, false);

    const report = await drift.compare(reference(), current());
    assert.ok(report && report.driftedColumns === 2, 'a fresh worker runs the next comparison');
  });

  it('reports schema findings as Information on the column\'s header cell', async () => {
    const drift = await api();
    const dir = mkdtempSync(join(tmpdir(), 'drift-findings-'));
    const changed = vscode.Uri.file(join(dir, 'current.csv'));
    // The current file with a new category in `segment`.
    const lines = readFileSync(current().fsPath, 'utf8').trimEnd().split('\n');
    writeFileSync(changed.fsPath, [lines[0], ...lines.slice(1).map((l, i) => (i % 4 === 0 ? l.replace(',smb,', ',vip,') : l))].join('\n'));
    assert.ok(await drift.compare(reference(), changed));
    const info = vscode.languages.getDiagnostics(changed).filter((d) => d.severity === vscode.DiagnosticSeverity.Information);
    assert.deepEqual(info.map((d) => d.message), ['"segment": 1 new category: "vip"']);
    assert.ok(info[0].range.isEqual(headerRange(changed, 'segment')));
    assert.equal(info[0].code, 'new_categories');
  });

  it('reports unreadable input as an error without a report or diagnostics', async () => {
    const drift = await api();
    const dir = mkdtempSync(join(tmpdir(), 'drift-bad-'));
    const ragged = vscode.Uri.file(join(dir, 'ragged.csv'));
    writeFileSync(ragged.fsPath, 'age,income\n1,2\n3\n');
    assert.equal(await drift.compare(reference(), ragged), undefined);
    assert.equal(vscode.languages.getDiagnostics(ragged).length, 0);
  });
});
