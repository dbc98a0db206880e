/**
 * "Compare with Reference…": resolves the two files, runs the comparison in the worker under a cancellable
 * progress notification, then shows the report in the panel and drifted columns in the Problems panel.
 * The panel's Swap and Re-run buttons come here too.
 */
import * as vscode from 'vscode';
import { windowingText } from '../core/suite/overTimeText';
import type { DriftReport } from '../core/suite/report';
import { ColumnOverrides } from './columnOverrides';
import { DriftDiagnostics } from './diagnostics';
import { activeTabUri, isDataUri, pickDataFile } from './fileChoice';
import { withHostLag } from './hostLag';
import { DriftPanel } from './panel';
import { ReferenceStore } from './reference';
import { ReportStore } from './reportStore';
import { readSettings } from './settings';
import { ComparisonCancelled, WorkerClient, WorkerError } from './workerClient';

export class CompareCommand {
  constructor(
    private readonly worker: () => WorkerClient,
    private readonly references: ReferenceStore,
    private readonly panel: DriftPanel,
    private readonly diagnostics: DriftDiagnostics,
    private readonly reports: ReportStore,
    private readonly overrides: ColumnOverrides,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Explorer and editor-title menus pass the clicked file; the palette passes nothing. */
  async run(target?: unknown): Promise<DriftReport | undefined> {
    const current = await this.resolveCurrent(target);
    if (!current) return undefined;
    const reference = await this.resolveReference(current);
    if (!reference) return undefined;
    return this.compare(reference, current);
  }

  /** The panel's Swap: the report's current file becomes the reference; the panel's column choices go along. */
  swap(report: DriftReport): Promise<DriftReport | undefined> {
    this.overrides.copy(report.current.path, report.reference.path);
    return this.compare(vscode.Uri.file(report.current.path), vscode.Uri.file(report.reference.path));
  }

  /** The panel's Re-run: the same pair, with the settings as they are now (and the panel's column choices). */
  rerun(report: DriftReport): Promise<DriftReport | undefined> {
    return this.compare(vscode.Uri.file(report.reference.path), vscode.Uri.file(report.current.path));
  }

  /** The longest the extension host's event loop was blocked during the last comparison (ms), when one ran. */
  lastHostLagMs: number | undefined;

  async compare(reference: vscode.Uri, current: vscode.Uri): Promise<DriftReport | undefined> {
    const { value, maxLagMs } = await withHostLag(() => this.compareMeasured(reference, current));
    this.lastHostLagMs = maxLagMs;
    this.log.info(`extension host: longest event-loop delay during the comparison ${maxLagMs.toFixed(1)} ms`);
    return value;
  }

  /** Counts comparisons started: one that a newer one superseded says nothing when it ends (the newer one will). */
  private started = 0;

  private async compareMeasured(reference: vscode.Uri, current: vscode.Uri): Promise<DriftReport | undefined> {
    const generation = ++this.started;
    const settings = readSettings(current);
    const suite = this.overrides.apply(current.fsPath, settings.suite);
    const pair = { referencePath: reference.fsPath, currentPath: current.fsPath, read: settings.read, maxRows: settings.maxRows };
    for (const problem of settings.problems) {
      this.log.warn(`ignoring a setting: ${problem}`);
      void vscode.window.showWarningMessage(`Drift Inspector: ignoring a setting: ${problem}`);
    }
    this.log.info(`comparing ${current.fsPath} with reference ${reference.fsPath}`);
    this.panel.showRunning(reference.fsPath, current.fsPath);
    const started = Date.now();
    try {
      const report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'Drift Inspector', cancellable: true },
        (progress, token) => {
          const worker = this.worker();
          token.onCancellationRequested(() => worker.cancel());
          let done = 0;
          return worker.compare(
            { ...pair, suite },
            ({ message, fraction }) => {
              const increment = fraction !== undefined ? Math.max(0, fraction - done) * 100 : undefined;
              if (fraction !== undefined) done = Math.max(done, fraction);
              progress.report({ message, increment });
            },
          );
        },
      );
      this.log.info(
        `done in ${Date.now() - started} ms: ${report.driftedColumns} of ${report.judgedColumns} columns drifted` +
          ` (dataset drift: ${report.datasetDrift ? 'yes' : 'no'})`,
      );
      if (report.overTime) {
        const points = report.overTime.detectors.reduce((n, d) => n + d.changePoints.length, 0);
        this.log.info(`drift over time ${windowingText(report.overTime)}: ${points} change point${points === 1 ? '' : 's'} from ${report.overTime.detectors.length} detector runs`);
      }
      this.reports.set({ report, pair, settings: settings.suite });
      this.panel.showReport(report);
      await this.diagnostics.publish(current, report);
      return report;
    } catch (err) {
      if (err instanceof ComparisonCancelled && generation !== this.started) {
        this.log.info(`comparison of ${current.fsPath} superseded by a newer one`);
        return undefined;
      }
      this.reportFailure(err, current);
      return undefined;
    }
  }

  private reportFailure(err: unknown, current: vscode.Uri): void {
    if (err instanceof ComparisonCancelled) {
      this.log.info(`comparison of ${current.fsPath} cancelled`);
      this.panel.showFailure('Comparison cancelled.');
      return;
    }
    const detail = err instanceof WorkerError ? err.detail : undefined;
    const message = (err as Error).message ?? String(err);
    this.log.error(`comparison failed: ${message}${detail?.stack ? `\n${detail.stack}` : ''}`);
    this.panel.showFailure(message);
    void vscode.window.showErrorMessage(`Drift Inspector: ${message}`, 'Show Log').then((choice) => {
      if (choice) this.log.show(true);
    });
  }

  private async resolveCurrent(target: unknown): Promise<vscode.Uri | undefined> {
    if (target instanceof vscode.Uri && isDataUri(target)) return target;
    const active = activeTabUri();
    if (isDataUri(active)) return active;
    return pickDataFile('Drift: pick the current data file to compare');
  }

  private async resolveReference(current: vscode.Uri): Promise<vscode.Uri | undefined> {
    const selected = this.references.current;
    if (selected && selected.toString() !== current.toString()) return selected;
    const picked = await pickDataFile('Drift: pick the reference data file', current);
    if (picked) await this.references.set(picked);
    return picked;
  }
}
