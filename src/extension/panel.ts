/**
 * The drift panel's controller: one webview panel, opened beside the active editor (or notebook),
 * fed reports over the typed protocol, and restored after reloads from the webview's own saved state.
 */
import * as vscode from 'vscode';
import type { DriftReport } from '../core/suite/report';
import type { FromWebview, ToWebview } from '../protocol';
import { renderWebviewHtml } from './webviewHtml';

export const PANEL_VIEW_TYPE = 'driftInspector.report';

export type RenderedInfo = Extract<FromWebview, { type: 'rendered' }>;

export class DriftPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  /** The last state sent; re-sent whenever the webview page (re)loads. */
  private latest: ToWebview | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedInfo>();
  /** Fires when the webview has drawn a report (used by tests to check what the user sees). */
  readonly onDidRender = this.renderedEmitter.event;
  lastRendered: RenderedInfo | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  get visible(): boolean {
    return this.panel?.visible ?? false;
  }

  get viewColumn(): vscode.ViewColumn | undefined {
    return this.panel?.viewColumn;
  }

  showRunning(referencePath: string, currentPath: string): void {
    this.reveal();
    this.panel!.title = `Drift: ${basename(currentPath)}`;
    this.post({ type: 'running', referencePath, currentPath });
  }

  showReport(report: DriftReport): void {
    this.reveal();
    this.panel!.title = `Drift: ${basename(report.current.path)}`;
    this.post({ type: 'report', report });
  }

  showFailure(message: string): void {
    if (!this.panel) return;
    this.post({ type: 'failed', message });
  }

  /** Adopts a panel VS Code restored after a reload; its webview redraws from its saved state. */
  restore(panel: vscode.WebviewPanel): void {
    this.attach(panel);
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
  }

  private reveal(): void {
    if (this.panel) {
      // Visible: leave it where the user put it. Covered by another tab: bring it back beside the active editor.
      this.panel.reveal(this.panel.visible ? this.panel.viewColumn : vscode.ViewColumn.Beside, true);
      return;
    }
    // Beside the active group, whatever it shows (text editor, notebook or another webview).
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Drift Report',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      // Kept while hidden: redrawing every chart on each tab switch is wasteful, and in browser-hosted VS Code
      // (code-server) a rebuilt webview can race another webview's service worker and stay blank.
      { enableScripts: true, retainContextWhenHidden: true },
    );
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
    panel.webview.html = renderWebviewHtml(panel.webview, this.extensionUri);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.onMessage(m));
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
    });
  }

  private onMessage(message: FromWebview): void {
    switch (message.type) {
      case 'ready':
        if (this.latest) void this.panel?.webview.postMessage(this.latest);
        break;
      case 'rendered':
        this.lastRendered = message;
        this.log.info(`panel drew ${message.columns} columns, ${message.charts} charts`);
        this.renderedEmitter.fire(message);
        break;
      case 'open':
        void vscode.commands.executeCommand('vscode.open', vscode.Uri.file(message.path));
        break;
    }
  }

  /**
   * A webview page that is not loaded yet drops messages; it says "ready" when it (re)loads (after the
   * panel is created, restored or moved), and then gets the latest state again.
   */
  private post(message: ToWebview): void {
    this.latest = message;
    void this.panel?.webview.postMessage(message);
  }
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
