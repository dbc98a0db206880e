/**
 * The data view: a read-only custom editor, the default for .parquet/.parq files (`driftInspector.dataView`) and an
 * option ("Open With…", `driftInspector.dataViewText`) for CSV/TSV. Each file open in it is a DataViewSession. `open(file, column)` is how the rest
 * of the extension (a Problems entry's link, the drift panel, tests) lands on a column: it highlights the column in
 * the file's open view, or opens the view and highlights it there once it has loaded.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ToDataView } from '../../protocol';
import type { ReportStore } from '../reportStore';
import { DATA_VIEW_TEXT_TYPE, DATA_VIEW_TYPE, dataViewTypeOf } from './dataViewLinks';
import { DataViewSession, type RenderedDataView } from './dataViewSession';
import { driftMarks } from './driftMarks';

export class DataViewProvider implements vscode.CustomReadonlyEditorProvider<DataViewSession>, vscode.Disposable {
  private readonly sessions = new Map<string, DataViewSession>();
  /** Columns to highlight in views being opened (by `open`), per file. */
  private readonly pendingFocus = new Map<string, string>();
  private readonly renderedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; info: RenderedDataView }>();
  private readonly focusedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; column: string }>();
  private readonly postedEmitter = new vscode.EventEmitter<{ uri: vscode.Uri; message: ToDataView }>();
  private readonly disposables: vscode.Disposable[];
  /** Test hooks: what a data view drew, which column it highlighted, every message sent to one. */
  readonly onDidRender = this.renderedEmitter.event;
  readonly onDidFocus = this.focusedEmitter.event;
  readonly onDidPost = this.postedEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly reports: ReportStore,
    private readonly log: vscode.LogOutputChannel,
    /** Opens the drift panel on a column of the file's last report (never over `besideOf`). */
    private readonly showInPanel: (file: vscode.Uri, column: string, besideOf?: vscode.ViewColumn) => void,
  ) {
    // A new comparison of a file open in the view marks (or unmarks) its drifted columns at once.
    this.disposables = [
      reports.onDidSet((entry) => {
        this.sessions.get(keyOf(vscode.Uri.file(entry.report.current.path)))?.setDrift(driftMarks(entry.report));
      }),
    ];
  }

  /**
   * Both view types (Parquet's default, CSV/TSV's option) are this provider. The webview is kept while its tab is
   * hidden: the profile was computed once, and scroll position and highlighted column stay as the user left them.
   */
  static register(provider: DataViewProvider): vscode.Disposable {
    const options = { supportsMultipleEditorsPerDocument: true, webviewOptions: { retainContextWhenHidden: true } };
    return vscode.Disposable.from(
      vscode.window.registerCustomEditorProvider(DATA_VIEW_TYPE, provider, options),
      vscode.window.registerCustomEditorProvider(DATA_VIEW_TEXT_TYPE, provider, options),
    );
  }

  openCustomDocument(uri: vscode.Uri): DataViewSession {
    const key = keyOf(uri);
    const focus = this.pendingFocus.get(key);
    this.pendingFocus.delete(key);
    const session = new DataViewSession(
      uri,
      {
        extensionUri: this.extensionUri,
        workerScript: path.join(this.extensionUri.fsPath, 'dist', 'dataViewWorker.js'),
        log: this.log,
        showInPanel: (file, column, besideOf) => this.showInPanel(file, column, besideOf),
        posted: (file, message) => this.postedEmitter.fire({ uri: file, message }),
        rendered: (file, info) => this.renderedEmitter.fire({ uri: file, info }),
        focused: (file, column) => this.focusedEmitter.fire({ uri: file, column }),
        disposed: (closed) => {
          if (this.sessions.get(key) === closed) this.sessions.delete(key);
        },
      },
      driftMarks(this.reports.get(uri)?.report),
      focus,
    );
    this.sessions.set(key, session);
    return session;
  }

  resolveCustomEditor(session: DataViewSession, panel: vscode.WebviewPanel): void {
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    session.attach(panel);
  }

  /** Shows `file` in the data view (opening it if need be), with `column` highlighted. */
  async open(file: vscode.Uri, column?: string): Promise<void> {
    const viewType = dataViewTypeOf(file);
    if (!viewType) throw new Error(`the data view shows Parquet, CSV and TSV files, not ${path.basename(file.fsPath)}`);
    const key = keyOf(file);
    const session = this.sessions.get(key);
    if (session?.hasEditor) {
      session.reveal(column);
      return;
    }
    if (column !== undefined) this.pendingFocus.set(key, column);
    else this.pendingFocus.delete(key);
    await vscode.commands.executeCommand('vscode.openWith', file, viewType);
    // VS Code kept an existing document (its editors were only hidden): it is not opened again, so focus it here.
    const opened = this.sessions.get(key);
    if (opened && this.pendingFocus.get(key) === column && column !== undefined) {
      this.pendingFocus.delete(key);
      opened.reveal(column);
    }
  }

  /** The session of a file open in the view (tests read what it drew). */
  session(file: vscode.Uri): DataViewSession | undefined {
    return this.sessions.get(keyOf(file));
  }

  dispose(): void {
    for (const session of [...this.sessions.values()]) session.dispose();
    this.sessions.clear();
    for (const d of this.disposables) d.dispose();
    this.renderedEmitter.dispose();
    this.focusedEmitter.dispose();
    this.postedEmitter.dispose();
  }
}

/** Windows paths compare case-insensitively. */
function keyOf(uri: vscode.Uri): string {
  return process.platform === 'win32' ? uri.fsPath.toLowerCase() : uri.fsPath;
}
