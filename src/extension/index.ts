/**
 * Activation wires commands to their handlers and nothing else: the worker, the panel's webview and the
 * readers load on first use, so activating costs almost nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ColumnTestResult, DriftReport } from '../core/suite/report';
import type { SuiteReport } from '../core/suite/suiteTypes';
import type { ExportFormat, FromDataView, FromWebview, ToDataView, ToWebview, WebviewState } from '../protocol';
import { SHOW_COLUMN_COMMAND, ShowInPanelActions } from './codeActions';
import { ColumnActions } from './columnActions';
import { ColumnOverrides } from './columnOverrides';
import { CompareCommand } from './compare';
import { OPEN_DATA_VIEW_COMMAND, dataViewTypeOf, fileArgument } from './dataView/dataViewLinks';
import { DataViewProvider } from './dataView/dataViewProvider';
import type { RenderedDataView } from './dataView/dataViewSession';
import { DriftDiagnostics } from './diagnostics';
import { ReportExporter } from './export';
import { activeTabUri, isDataUri } from './fileChoice';
import { DriftPanel, PANEL_VIEW_TYPE, type RenderedInfo } from './panel';
import { ReferenceStore } from './reference';
import { ReportStore } from './reportStore';
import { readSettings } from './settings';
import { linkSelectionsToPanel } from './selectionLink';
import { RUN_SUITE_COMMAND, RunSuiteCommand } from './suite/runSuiteCommand';
import { SuiteFileProblems } from './suite/suiteFileProblems';
import { SuiteSession } from './suite/suiteSession';
import { SuiteTests } from './suite/suiteTests';
import { SuiteWatcher } from './suite/suiteWatcher';
import type { RecordedRun } from './suite/testRunRecorder';
import { WorkerClient } from './workerClient';
import { workerMemoryMb } from './settings';

/** What activate() returns: a small surface for other extensions and for our integration tests. */
export interface DriftInspectorApi {
  compare(reference: vscode.Uri, current: vscode.Uri): Promise<DriftReport | undefined>;
  /** Same as pressing Cancel on the progress notification. */
  cancel(): boolean;
  /** The longest the extension host's event loop was blocked during the last comparison, in ms. */
  readonly lastHostLagMs: number | undefined;
  /** Whether a worker thread exists / is running a comparison. */
  readonly workerAlive: boolean;
  readonly workerBusy: boolean;
  readonly panel: {
    readonly visible: boolean;
    readonly viewColumn: vscode.ViewColumn | undefined;
    readonly lastRendered: RenderedInfo | undefined;
    /** The column whose detail the user opened last in the panel (null: closed it; undefined: never). */
    readonly lastSelected: string | null | undefined;
    /** The last message sent to the webview. */
    readonly lastPosted: ToWebview | undefined;
    /** The report the panel shows. */
    readonly report: DriftReport | undefined;
    /** Handles a message as if the panel's webview had posted it; resolves when its action is done. */
    receive(message: FromWebview): Promise<void>;
  };
  readonly onDidRender: vscode.Event<RenderedInfo>;
  readonly onDidSelect: vscode.Event<string | null>;
  /** Every message sent to the panel's webview. */
  readonly onDidPost: vscode.Event<ToWebview>;
  /** The latest report: the one the panel shows. */
  readonly latestReport: DriftReport | undefined;
  /** The last report of a current file this session. */
  reportFor(current: vscode.Uri): DriftReport | undefined;
  /** Every test that fits a column of the panel's report, run in the worker (also posted to the panel). */
  columnTests(column: string): Promise<ColumnTestResult[] | undefined>;
  /** Writes the panel's report to `target` without the save dialog; the written file, or undefined on failure. */
  exportReport(format: ExportFormat, target: vscode.Uri): Promise<vscode.Uri | undefined>;
  readonly reference: vscode.Uri | undefined;
  /** Runs a suite as "Drift: Run Drift Suite" does (`suiteUri`: which drift-suite.json; default the workspace's). */
  runSuite(suiteUri?: vscode.Uri): Promise<SuiteReport | undefined>;
  /** The report of the last suite run. */
  readonly lastSuite: SuiteReport | undefined;
  /** The Test Explorer's suites. */
  readonly testController: vscode.TestController;
  readonly suite: {
    /** Runs a request as the Test Explorer's run profile does; resolves with what the run reported. */
    runTests(request: vscode.TestRunRequest): Promise<RecordedRun>;
    /** What the last test run (Test Explorer, palette command or automatic re-run) reported. */
    readonly lastTestRun: RecordedRun | undefined;
    readonly onDidEndTestRun: vscode.Event<RecordedRun>;
    /** Lists the workspace's suite files in the Test Explorer (what opening the Testing view does). */
    discover(): Promise<void>;
    /** Comparisons (SuiteTask ids) of a suite whose files changed since they last ran. */
    staleTasks(suiteUri: vscode.Uri): string[];
    /** The last report of a suite file. */
    reportOf(suiteUri: vscode.Uri): SuiteReport | undefined;
    /** Stops a running suite, as its notification's Cancel does. */
    cancel(): boolean;
    /** True while a suite runs. */
    readonly running: boolean;
  };
  /** The data view (custom editor of Parquet files, and of CSV/TSV on request). */
  readonly dataView: {
    /** Shows the file in the data view with `column` highlighted (what a Parquet Problems entry's link does). */
    open(file: vscode.Uri, column?: string): Promise<void>;
    /** Whether an editor shows the file in the data view. */
    isOpen(file: vscode.Uri): boolean;
    /** True while the file's profile is still running in its worker thread. */
    running(file: vscode.Uri): boolean;
    /** What the file's data view drew last (undefined: not open, or nothing drawn yet). */
    rendered(file: vscode.Uri): RenderedDataView | undefined;
    /** The column the file's data view highlighted last. */
    focused(file: vscode.Uri): string | undefined;
    /** Handles a message as if the file's data view had posted it. */
    receive(file: vscode.Uri, message: FromDataView): void;
    readonly onDidRender: vscode.Event<{ uri: vscode.Uri; info: RenderedDataView }>;
    readonly onDidFocus: vscode.Event<{ uri: vscode.Uri; column: string }>;
    readonly onDidPost: vscode.Event<{ uri: vscode.Uri; message: ToDataView }>;
  };
}

export function activate(context: vscode.ExtensionContext): DriftInspectorApi {
  const log = vscode.window.createOutputChannel('Drift Inspector', { log: true });
  let worker: WorkerClient | undefined;
  const getWorker = () =>
    (worker ??= new WorkerClient(path.join(context.extensionPath, 'dist', 'worker.js'), (m) => log.info(m), workerMemoryMb));
  // A new heap limit applies from the next comparison: the idle thread (and the tables it caches) is let go.
  context.subscriptions.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('driftInspector.workerMemoryMb') || !worker || worker.busy) return;
      worker.dispose();
      worker = undefined;
    }),
  );
  const references = new ReferenceStore(context.workspaceState);
  const reports = new ReportStore();
  const overrides = new ColumnOverrides();
  const panel = new DriftPanel(context.extensionUri, log);
  const diagnostics = new DriftDiagnostics();
  const compare = new CompareCommand(getWorker, references, panel, diagnostics, reports, overrides, log);
  const columns = new ColumnActions(getWorker, panel, reports, overrides, diagnostics, log);
  const exporter = new ReportExporter(context.extensionUri, log);
  const suiteProblems = new SuiteFileProblems();
  const suites = new SuiteSession(path.join(context.extensionPath, 'dist', 'worker.js'), suiteProblems, diagnostics, reports, panel, log);
  const suiteTests = new SuiteTests(suites, log);
  const suiteWatcher = new SuiteWatcher(suites, suiteTests, log);
  const runSuite = new RunSuiteCommand(suites, suiteTests, log);

  panel.setActions({
    swap: (report) => compare.swap(report),
    rerun: (report) => compare.rerun(report),
    // An empty theme (a webview that could not read its colours) gets the default dark theme.
    export: (report, format, theme) => exporter.exportWithDialog(report, format, theme.css ? theme : undefined),
    columnTests: (report, column) => columns.columnTests(report, column),
    setColumnTest: (report, column, test, threshold) => columns.setColumnTest(report, column, test, threshold),
    setRole: (report, column, role) => {
      log.info(`column "${column}" of ${report.current.path}: role ${role ?? 'none'}`);
      overrides.setRole(report.current.path, column, role);
      return compare.rerun(report);
    },
  });

  /** Opens the panel on a column of the last report of `file`; false when this session has none. */
  const showColumn = (file: unknown, column: unknown, besideOf?: vscode.ViewColumn): boolean => {
    const uri = file instanceof vscode.Uri ? file : typeof file === 'string' ? vscode.Uri.file(file) : undefined;
    if (!uri || typeof column !== 'string') {
      log.warn(`${SHOW_COLUMN_COMMAND} needs a file and a column name`);
      return false;
    }
    const stored = reports.get(uri);
    if (!stored) {
      void vscode.window.showInformationMessage(
        `Drift Inspector: no report for ${path.basename(uri.fsPath)} in this window yet. Compare it again to see "${column}".`,
      );
      return false;
    }
    panel.showColumn(stored.report, column, besideOf ?? vscode.window.activeTextEditor?.viewColumn);
    return true;
  };

  const dataViews = new DataViewProvider(context.extensionUri, reports, log, (file, column, besideOf) => showColumn(file, column, besideOf));

  /**
   * A panel restored after a window reload brings back its report (from the webview's saved state, nothing is
   * recomputed): its Problems entries come back too, and its column actions work (they read the files again,
   * with today's settings, when the worker has no tables cached).
   */
  const adoptRestoredReport = async (report: DriftReport) => {
    const current = vscode.Uri.file(report.current.path);
    if (reports.get(current)) return;
    const settings = readSettings(current);
    reports.set({
      report,
      pair: { referencePath: report.reference.path, currentPath: report.current.path, read: settings.read, maxRows: settings.maxRows },
      settings: settings.suite,
    });
    try {
      await diagnostics.publish(current, report);
    } catch (err) {
      log.warn(`restored report: no Problems entries for ${current.fsPath}: ${(err as Error).message}`);
    }
  };

  context.subscriptions.push(
    log,
    references,
    reports,
    panel,
    dataViews,
    DataViewProvider.register(dataViews),
    vscode.commands.registerCommand(OPEN_DATA_VIEW_COMMAND, async (file?: unknown, column?: unknown) => {
      const uri = fileArgument(file) ?? activeTabUri();
      if (!isDataUri(uri) || !dataViewTypeOf(uri)) {
        void vscode.window.showWarningMessage('Drift Inspector: open a data file (.parquet, .parq, .csv, .tsv) in the data view.');
        return false;
      }
      await dataViews.open(uri, typeof column === 'string' ? column : undefined);
      return true;
    }),
    diagnostics,
    { dispose: () => worker?.dispose() },
    suiteProblems,
    suites,
    suiteTests,
    suiteWatcher,
    vscode.commands.registerCommand(RUN_SUITE_COMMAND, (target?: unknown) => runSuite.run(target)),
    vscode.commands.registerCommand('driftInspector.selectReference', async (target?: unknown) => {
      const uri = target instanceof vscode.Uri ? target : activeTabUri();
      if (!isDataUri(uri)) {
        void vscode.window.showWarningMessage(
          'Drift Inspector: select a data file (.csv, .tsv, .parquet, .parq, .arrow, .feather, .jsonl, .ndjson) as the reference.',
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
    vscode.commands.registerCommand(SHOW_COLUMN_COMMAND, (file: unknown, column: unknown) => showColumn(file, column)),
    vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, new ShowInPanelActions(diagnostics), ShowInPanelActions.metadata),
    linkSelectionsToPanel(diagnostics, showColumn),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      async deserializeWebviewPanel(restored: vscode.WebviewPanel, state: WebviewState | undefined) {
        const report = state?.report;
        panel.restore(restored, report, state?.suite);
        if (report) await adoptRestoredReport(report);
      },
    }),
  );

  return {
    compare: (reference, current) => compare.compare(reference, current),
    cancel: () => worker?.cancel() ?? false,
    get lastHostLagMs() {
      return compare.lastHostLagMs;
    },
    get workerAlive() {
      return worker?.alive ?? false;
    },
    get workerBusy() {
      return worker?.busy ?? false;
    },
    // The controller itself: it has exactly the read-only surface the API describes.
    panel,
    onDidRender: panel.onDidRender,
    onDidSelect: panel.onDidSelect,
    onDidPost: panel.onDidPost,
    get latestReport() {
      return panel.report;
    },
    reportFor: (current) => reports.get(current)?.report,
    columnTests: async (column) => {
      const report = panel.report;
      return report ? columns.columnTests(report, column) : undefined;
    },
    exportReport: async (format, target) => {
      const report = panel.report;
      return report ? exporter.export(report, format, target) : undefined;
    },
    get reference() {
      return references.current;
    },
    runSuite: (suiteUri) => runSuite.run(suiteUri),
    get lastSuite() {
      return suites.lastSuite;
    },
    testController: suiteTests.controller,
    suite: {
      runTests: async (request) => {
        const source = new vscode.CancellationTokenSource();
        try {
          await suiteTests.execute(request, source.token);
          return suiteTests.lastRun!;
        } finally {
          source.dispose();
        }
      },
      get lastTestRun() {
        return suiteTests.lastRun;
      },
      onDidEndTestRun: suiteTests.onDidEndRun,
      discover: () => suiteTests.discover(),
      staleTasks: (suiteUri) => [...(suites.state(suiteUri)?.stale ?? [])],
      reportOf: (suiteUri) => suites.state(suiteUri)?.report,
      cancel: () => suites.cancel(),
      get running() {
        return suites.busy;
      },
    },
    dataView: {
      open: (file, column) => dataViews.open(file, column),
      isOpen: (file) => dataViews.session(file)?.hasEditor ?? false,
      running: (file) => dataViews.session(file)?.running ?? false,
      rendered: (file) => dataViews.session(file)?.lastRendered,
      focused: (file) => dataViews.session(file)?.lastFocused,
      receive: (file, message) => dataViews.session(file)?.receive(message),
      onDidRender: dataViews.onDidRender,
      onDidFocus: dataViews.onDidFocus,
      onDidPost: dataViews.onDidPost,
    },
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
