/**
 * The drift panel's controller: one webview panel, opened beside the active editor (or notebook), fed reports
 * over the typed protocol. It knows the report on screen; what the panel's buttons do (swap, re-run, export,
 * column tests) is delegated to `PanelActions`, wired in index.ts.
 *
 * Not kept alive while hidden (no retainContextWhenHidden): the webview saves its report and view state with
 * setState and redraws from it when shown again, then says `ready` with the createdAt of the report it drew;
 * only a newer report (or a pending column focus) is sent then. (Messages posted while it loads may reach it
 * too, or not: the webview ignores a report it already shows, unless it comes with a column to focus.)
 */
import * as vscode from 'vscode';
import type { ColumnRole } from '../core/suite/modelTypes';
import type { DriftReport, TestId } from '../core/suite/report';
import type { SuiteReport } from '../core/suite/suiteTypes';
import type { ExportFormat, FromWebview, ToWebview } from '../protocol';
import { checkFromWebview } from '../protocolGuards';
import { renderWebviewHtml } from './webviewHtml';

export const PANEL_VIEW_TYPE = 'driftInspector.report';

export type RenderedInfo = Extract<FromWebview, { type: 'rendered' }>;

/** What the panel's controls ask of the extension. Each may take a while; errors are theirs to report. */
export interface PanelActions {
  swap(report: DriftReport): Promise<unknown>;
  rerun(report: DriftReport): Promise<unknown>;
  export(report: DriftReport, format: ExportFormat, theme: { css: string; bodyClass: string }): Promise<unknown>;
  columnTests(report: DriftReport, column: string): Promise<unknown>;
  setColumnTest(report: DriftReport, column: string, test: TestId | null, threshold: number | null): Promise<unknown>;
  /** Gives a column a role (null: none) and compares the files again with it. */
  setRole(report: DriftReport, column: string, role: ColumnRole | null): Promise<unknown>;
}

/** The panel's state messages: the latest one is what a (re)loaded webview must show. */
type StateMessage = Extract<ToWebview, { type: 'report' | 'running' | 'failed' | 'suite' }>;

export class DriftPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private latest: StateMessage | undefined;
  /**
   * A column to open once the webview has (re)loaded. Kept from every focus request until the webview opens that
   * column (`selected`) or says ready: whether a webview is reloading is known only late (view-state events lag).
   */
  private pendingFocus: string | undefined;
  private actions: PanelActions | undefined;
  private readonly renderedEmitter = new vscode.EventEmitter<RenderedInfo>();
  private readonly selectedEmitter = new vscode.EventEmitter<string | null>();
  private readonly postedEmitter = new vscode.EventEmitter<ToWebview>();
  /** Fires when the webview has drawn a report (used by tests to check what the user sees). */
  readonly onDidRender = this.renderedEmitter.event;
  /** Fires when the user opens a column's detail in the panel (null: closed it). */
  readonly onDidSelect = this.selectedEmitter.event;
  /** Fires for every message sent to the webview (test hook: what the extension asked the panel to show). */
  readonly onDidPost = this.postedEmitter.event;
  lastRendered: RenderedInfo | undefined;
  lastSelected: string | null | undefined;
  lastPosted: ToWebview | undefined;

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

  /** The report the panel shows (or last showed, while a comparison runs or after it was closed). */
  get report(): DriftReport | undefined {
    return this.lastReport;
  }
  private lastReport: DriftReport | undefined;

  /** The suite the panel shows (or whose comparison it shows, drilled down), if any. */
  get suite(): SuiteReport | undefined {
    return this.lastSuite;
  }
  private lastSuite: SuiteReport | undefined;

  setActions(actions: PanelActions): void {
    this.actions = actions;
  }

  showRunning(referencePath: string, currentPath: string): void {
    this.reveal();
    this.panel!.title = `Drift: ${basename(currentPath)}`;
    this.postState({ type: 'running', referencePath, currentPath });
  }

  /** Shows a report; `focus` opens that column's detail. */
  showReport(report: DriftReport, focus?: string, besideOf?: vscode.ViewColumn): void {
    this.reveal(besideOf);
    this.panel!.title = `Drift: ${basename(report.current.path)}`;
    this.lastReport = report;
    // A (re)loading webview gets this report with its focus when it says ready, unless it drew this report from
    // its saved state: then it gets the focus alone (see onReady).
    this.pendingFocus = focus;
    this.postState(focus !== undefined ? { type: 'report', report, focus } : { type: 'report', report });
  }

  /**
   * Opens a column's detail: in the report already on screen, or with `report` drawn first. `besideOf`: the
   * editor group the request came from (a Problems click opens the file there): the panel never covers it.
   */
  showColumn(report: DriftReport, column: string, besideOf?: vscode.ViewColumn): void {
    const shown = this.latest?.type === 'report' && this.latest.report.createdAt === report.createdAt && this.panel;
    if (!shown) {
      this.showReport(report, column, besideOf);
      return;
    }
    this.reveal(besideOf);
    this.pendingFocus = column;
    this.post({ type: 'focusColumn', column });
  }

  /**
   * Shows a drift suite's overview. The webview draws a comparison's report from the suite itself when the user
   * drills down (`openComparison`), and the overview again on `backToSuite`; both are answered here.
   */
  showSuite(suite: SuiteReport, besideOf?: vscode.ViewColumn): void {
    this.reveal(besideOf);
    this.panel!.title = `Drift suite: ${basename(suite.file)}`;
    this.lastSuite = suite;
    this.pendingFocus = undefined;
    this.postState({ type: 'suite', suite });
  }

  /** A suite's results changed (e.g. one comparison re-run): redrawn only when the panel shows that suite's overview. */
  updateSuite(suite: SuiteReport): void {
    if (this.lastSuite?.file !== suite.file) return;
    this.lastSuite = suite;
    if (this.latest?.type === 'suite' && this.panel) this.postState({ type: 'suite', suite });
  }

  showFailure(message: string): void {
    if (!this.panel) return;
    this.postState({ type: 'failed', message });
  }

  /** Sends a message about the report on screen (column tests, a column re-running) without changing it. */
  postTransient(message: Exclude<ToWebview, StateMessage>): void {
    this.post(message);
  }

  /**
   * Adopts a panel VS Code restored after a reload; its webview redraws from its saved state, whose report
   * (`saved`) becomes the panel's report again so its buttons keep working.
   */
  restore(panel: vscode.WebviewPanel, saved: DriftReport | undefined, suite?: SuiteReport): void {
    this.attach(panel);
    if (suite) this.lastSuite = suite;
    if (!saved) {
      if (suite) {
        this.latest = { type: 'suite', suite };
        panel.title = `Drift suite: ${basename(suite.file)}`;
      }
      return;
    }
    this.lastReport = saved;
    this.latest = { type: 'report', report: saved };
    panel.title = `Drift: ${basename(saved.current.path)}`;
  }

  /** Handles a message as if the webview had posted it (the webview's own messages come here too; tests call it). */
  async receive(message: FromWebview): Promise<void> {
    const report = this.report;
    switch (message.type) {
      case 'ready':
        this.onReady(message.shown);
        return;
      case 'rendered':
        this.lastRendered = message;
        this.log.info(`panel drew ${message.columns} columns, ${message.charts} charts`);
        this.renderedEmitter.fire(message);
        return;
      case 'selected':
        if (message.column === this.pendingFocus) this.pendingFocus = undefined;
        this.lastSelected = message.column;
        this.selectedEmitter.fire(message.column);
        return;
      case 'open':
        await vscode.commands.executeCommand('vscode.open', vscode.Uri.file(message.path));
        return;
      case 'openComparison':
        this.openComparison(message.id);
        return;
      case 'backToSuite':
        if (this.lastSuite) this.showSuite(this.lastSuite);
        else this.log.warn('panel asked to go back to a suite it does not know');
        return;
    }
    if (!report || !this.actions) {
      this.log.warn(`panel asked to ${message.type} with no report shown`);
      return;
    }
    switch (message.type) {
      case 'swap':
        await this.actions.swap(report);
        return;
      case 'rerun':
        await this.actions.rerun(report);
        return;
      case 'export':
        await this.actions.export(report, message.format, { css: message.themeCss, bodyClass: message.bodyClass });
        return;
      case 'columnTests':
        await this.actions.columnTests(report, message.column);
        return;
      case 'setColumnTest':
        await this.actions.setColumnTest(report, message.column, message.test, message.threshold);
        return;
      case 'setRole':
        await this.actions.setRole(report, message.column, message.role);
        return;
    }
  }

  /** Drill down: that comparison's report becomes the panel's report (its actions, Problems links and re-runs work). */
  private openComparison(id: string): void {
    const result = this.lastSuite?.results.find((r) => r.id === id);
    if (!result?.report) {
      this.log.warn(`panel asked for suite comparison ${id}, which ${result ? 'could not run' : 'is not in the suite shown'}`);
      return;
    }
    this.showReport(result.report);
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
    this.selectedEmitter.dispose();
    this.postedEmitter.dispose();
  }

  /**
   * The webview page (re)loaded: after the panel was created, restored, moved, or shown again after being
   * hidden. It drew `shown` from its saved state; send the latest state only when that differs.
   */
  private onReady(shown: string | undefined): void {
    const latest = this.latest;
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (!latest) return;
    if (latest.type === 'suite') {
      // `shown` is the suite's createdAt when the webview restored the overview itself.
      if (latest.suite.createdAt !== shown) this.post(latest);
    } else if (latest.type !== 'report') {
      this.post(latest);
    } else if (latest.report.createdAt !== shown) {
      this.post(focus !== undefined ? { type: 'report', report: latest.report, focus } : { type: 'report', report: latest.report });
    } else if (focus !== undefined) {
      this.post({ type: 'focusColumn', column: focus });
    }
  }

  /** Shows the panel (its webview (re)loads if it was hidden or is new), never in the group `besideOf`. */
  private reveal(besideOf?: vscode.ViewColumn): void {
    if (this.panel) {
      const stay = this.panel.visible && (besideOf === undefined || this.panel.viewColumn !== besideOf);
      // Visible: leave it where the user put it. Covered by another tab: bring it back beside the active editor.
      this.panel.reveal(stay ? this.panel.viewColumn : vscode.ViewColumn.Beside, true);
      return;
    }
    // Beside the active group, whatever it shows (text editor, notebook or another webview).
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Drift Report',
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true },
    );
    this.attach(panel);
  }

  private attach(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.svg');
    panel.webview.options = { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist')] };
    panel.webview.html = renderWebviewHtml(panel.webview, this.extensionUri);
    panel.webview.onDidReceiveMessage((raw: unknown) => {
      const checked = checkFromWebview(raw);
      if ('problem' in checked) {
        this.log.warn(`ignoring a message from the panel: ${checked.problem}`);
        return;
      }
      const m = checked.message;
      this.receive(m).catch((err) => this.log.error(`panel message ${m.type}: ${(err as Error)?.stack ?? String(err)}`));
    });
    panel.onDidDispose(() => {
      if (this.panel !== panel) return;
      this.panel = undefined;
      // A new panel starts empty; it must get the report again (kept in `lastReport` for actions and the API).
      this.latest = undefined;
      this.pendingFocus = undefined;
    });
  }

  private postState(message: StateMessage): void {
    this.latest = message;
    this.post(message);
  }

  private post(message: ToWebview): void {
    this.lastPosted = message;
    this.postedEmitter.fire(message);
    void this.panel?.webview.postMessage(message);
  }
}

function basename(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
