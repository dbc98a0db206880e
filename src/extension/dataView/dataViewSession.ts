/**
 * One file open in the data view: the custom document VS Code holds (one per file, however many editors show it).
 * It runs the file's profile in a thread of its own and keeps every event, so a webview that (re)loads — a new
 * editor of the same file, a tab shown again after being hidden — is sent all of it at once; nothing runs twice.
 * The file is profiled again when it changes on disk. Drift marks and column focus follow the same path.
 *
 * Nothing here reads the file: the extension host only relays what the worker found.
 */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { DataViewDrift, FromDataView, ToDataView } from '../../protocol';
import { checkFromDataView } from '../../protocolGuards';
import { readSettings } from '../settings';
import { renderWebviewHtml } from '../webviewHtml';
import { ProfileThread } from './profileThread';

export type RenderedDataView = Extract<FromDataView, { type: 'rendered' }>;

/** What a session needs from the extension. */
export interface SessionHost {
  readonly extensionUri: vscode.Uri;
  readonly workerScript: string;
  readonly log: vscode.LogOutputChannel;
  /** The drift panel on `column` of this file's last report, beside the view's group `besideOf`. */
  showInPanel(file: vscode.Uri, column: string, besideOf: vscode.ViewColumn | undefined): void;
  /** Test hooks: every message posted to a webview, what it drew, which column it highlighted. */
  posted(file: vscode.Uri, message: ToDataView): void;
  rendered(file: vscode.Uri, info: RenderedDataView): void;
  focused(file: vscode.Uri, column: string): void;
  /** The document was disposed (its last editor closed). */
  disposed(session: DataViewSession): void;
}

/** Changes on disk often come as several events (write, then attributes): profile again once they settle. */
const SETTLE_MS = 300;

export class DataViewSession implements vscode.CustomDocument {
  private readonly panels = new Set<vscode.WebviewPanel>();
  /** Panels whose page has loaded (said ready): only they are sent messages; the others get everything on ready. */
  private readonly loaded = new Set<vscode.WebviewPanel>();
  /** Everything the profile sent (and its failure): replayed to a webview that (re)loads. */
  private events: ToDataView[] = [];
  private thread: ProfileThread | undefined;
  private drift: DataViewDrift | null = null;
  /** The column asked for, until a webview has highlighted it (a webview loading meanwhile gets it too). */
  private focus: string | undefined;
  private readonly watcher: vscode.FileSystemWatcher;
  private settle: NodeJS.Timeout | undefined;
  lastRendered: RenderedDataView | undefined;
  lastFocused: string | undefined;

  constructor(
    readonly uri: vscode.Uri,
    private readonly host: SessionHost,
    drift: DataViewDrift | null,
    focus: string | undefined,
  ) {
    this.drift = drift;
    this.focus = focus;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), basename(uri.fsPath)));
    const changed = () => {
      clearTimeout(this.settle);
      this.settle = setTimeout(() => this.profile(), SETTLE_MS);
    };
    this.watcher.onDidChange(changed);
    this.watcher.onDidCreate(changed);
    this.profile();
  }

  get hasEditor(): boolean {
    return this.panels.size > 0;
  }

  /** True while the worker is still profiling the file. */
  get running(): boolean {
    return this.thread?.running ?? false;
  }

  /** A new editor of this file: its webview is set up here and sent everything known once it says ready. */
  attach(panel: vscode.WebviewPanel): void {
    this.panels.add(panel);
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.host.extensionUri, 'dist')] };
    panel.webview.html = renderWebviewHtml(panel.webview, this.host.extensionUri, { script: 'dataView.js', title: 'Data View' });
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const checked = checkFromDataView(raw);
      if ('problem' in checked) {
        this.host.log.warn(`ignoring a message from the data view: ${checked.problem}`);
        return;
      }
      this.receive(checked.message, panel);
    });
    panel.onDidDispose(() => {
      this.panels.delete(panel);
      this.loaded.delete(panel);
    });
  }

  /** Handles a webview's message (tests call it with no panel). */
  receive(message: FromDataView, panel?: vscode.WebviewPanel): void {
    switch (message.type) {
      case 'ready':
        if (!panel) return;
        this.loaded.add(panel);
        this.replay(panel);
        return;
      case 'rendered':
        this.lastRendered = message;
        this.host.rendered(this.uri, message);
        return;
      case 'focused':
        if (message.column === this.focus) this.focus = undefined;
        this.lastFocused = message.column;
        this.host.focused(this.uri, message.column);
        return;
      case 'showInPanel':
        this.host.showInPanel(this.uri, message.column, (panel ?? this.frontPanel())?.viewColumn);
        return;
    }
  }

  /** Brings an editor of this file to the front and highlights `column` there. */
  reveal(column?: string): void {
    this.frontPanel()?.reveal(undefined, false);
    if (column !== undefined) {
      this.focus = column;
      this.broadcast({ type: 'focusColumn', column });
    }
  }

  /** The editor the user sees most: the active one, else a visible one. */
  private frontPanel(): vscode.WebviewPanel | undefined {
    const panels = [...this.panels];
    return panels.find((p) => p.active) ?? panels.find((p) => p.visible) ?? panels[0];
  }

  setDrift(drift: DataViewDrift | null): void {
    this.drift = drift;
    this.broadcast({ type: 'drift', drift });
  }

  dispose(): void {
    clearTimeout(this.settle);
    this.thread?.stop();
    this.thread = undefined;
    this.watcher.dispose();
    this.host.disposed(this);
  }

  /** (Re)starts the profile: webviews are reset to the file's name and fill in again as events come. */
  private profile(): void {
    this.thread?.stop();
    const path = this.uri.fsPath;
    this.events = [{ type: 'file', path, name: basename(path) }];
    this.broadcast(this.events[0]);
    const started = Date.now();
    this.thread = new ProfileThread(
      this.host.workerScript,
      path,
      readSettings(this.uri).read,
      {
        event: (event) => {
          if (event.type === 'schema') this.host.log.info(`data view: schema of ${path} in ${Date.now() - started} ms`);
          if (event.type === 'done') this.host.log.info(`data view: ${path} profiled in ${Date.now() - started} ms`);
          this.record(event);
        },
        failed: (error) => {
          this.host.log.warn(`data view: ${path}: ${error.message}`);
          this.record({ type: 'failed', message: error.message });
        },
      },
      (m) => this.host.log.info(m),
    );
  }

  private record(message: ToDataView): void {
    this.events.push(message);
    this.broadcast(message);
  }

  private replay(panel: vscode.WebviewPanel): void {
    const messages: ToDataView[] = [...this.events, { type: 'drift', drift: this.drift }];
    if (this.focus !== undefined) messages.push({ type: 'focusColumn', column: this.focus });
    for (const m of messages) this.post(panel, m);
  }

  private broadcast(message: ToDataView): void {
    for (const panel of this.loaded) this.post(panel, message);
  }

  private post(panel: vscode.WebviewPanel, message: ToDataView): void {
    this.host.posted(this.uri, message);
    void panel.webview.postMessage(message);
  }
}
