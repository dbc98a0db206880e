/**
 * Activation wires commands to their handlers and nothing else: the worker, the panel's webview and the
 * readers load on first use, so activating costs almost nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DriftReport } from '../core/suite/report';
import { CompareCommand } from './compare';
import { DriftDiagnostics } from './diagnostics';
import { activeTabUri, isDataUri } from './fileChoice';
import { DriftPanel, PANEL_VIEW_TYPE, type RenderedInfo } from './panel';
import { ReferenceStore } from './reference';
import { WorkerClient } from './workerClient';

/** What activate() returns: a small surface for other extensions and for our integration tests. */
export interface DriftInspectorApi {
  compare(reference: vscode.Uri, current: vscode.Uri): Promise<DriftReport | undefined>;
  /** Same as pressing Cancel on the progress notification. */
  cancel(): boolean;
  /** Whether a worker thread exists / is running a comparison. */
  readonly workerAlive: boolean;
  readonly workerBusy: boolean;
  readonly panel: { readonly visible: boolean; readonly viewColumn: vscode.ViewColumn | undefined; readonly lastRendered: RenderedInfo | undefined };
  readonly onDidRender: vscode.Event<RenderedInfo>;
  readonly reference: vscode.Uri | undefined;
}

export function activate(context: vscode.ExtensionContext): DriftInspectorApi {
  const log = vscode.window.createOutputChannel('Drift Inspector', { log: true });
  let worker: WorkerClient | undefined;
  const getWorker = () =>
    (worker ??= new WorkerClient(path.join(context.extensionPath, 'dist', 'worker.js'), (m) => log.info(m)));
  const references = new ReferenceStore(context.workspaceState);
  const panel = new DriftPanel(context.extensionUri, log);
  const diagnostics = new DriftDiagnostics();
  const compare = new CompareCommand(getWorker, references, panel, diagnostics, log);

  context.subscriptions.push(
    log,
    references,
    panel,
    diagnostics,
    { dispose: () => worker?.dispose() },
    vscode.commands.registerCommand('driftInspector.selectReference', async (target?: unknown) => {
      const uri = target instanceof vscode.Uri ? target : activeTabUri();
      if (!isDataUri(uri)) {
        void vscode.window.showWarningMessage(
          'Drift Inspector: select a data file (.csv, .tsv, .parquet, .arrow, .feather, .jsonl, .ndjson) as the reference.',
        );
        return undefined;
      }
      await references.set(uri);
      log.info(`reference set to ${uri.fsPath}`);
      vscode.window.setStatusBarMessage(`Drift reference: ${vscode.workspace.asRelativePath(uri)}`, 4000);
      return uri;
    }),
    vscode.commands.registerCommand('driftInspector.compareWithReference', (target?: unknown) => compare.run(target)),
    vscode.commands.registerCommand('driftInspector.clearDiagnostics', () => diagnostics.clear()),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel) {
        panel.restore(restored);
      },
    }),
  );

  return {
    compare: (reference, current) => compare.compare(reference, current),
    cancel: () => worker?.cancel() ?? false,
    get workerAlive() {
      return worker?.alive ?? false;
    },
    get workerBusy() {
      return worker?.busy ?? false;
    },
    panel,
    onDidRender: panel.onDidRender,
    get reference() {
      return references.current;
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
