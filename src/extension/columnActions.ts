/**
 * The panel's per-column requests, run in the worker on the tables the report was made from: every test that
 * fits a column (the detail view), and one column compared again after its test or threshold was changed in
 * the panel. A changed column updates the report on screen, the stored report of its file and its Problems.
 */
import * as vscode from 'vscode';
import type { ColumnTestResult, DriftReport, TestId } from '../core/suite/report';
import { ColumnOverrides } from './columnOverrides';
import { DriftDiagnostics } from './diagnostics';
import { DriftPanel } from './panel';
import { ReportStore, type StoredReport } from './reportStore';
import { readSettings } from './settings';
import { WorkerClient } from './workerClient';

export class ColumnActions {
  constructor(
    private readonly worker: () => WorkerClient,
    private readonly panel: DriftPanel,
    private readonly reports: ReportStore,
    private readonly overrides: ColumnOverrides,
    private readonly diagnostics: DriftDiagnostics,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Every test that fits `column`, posted to the panel as `columnTests` (or `columnTestsFailed`). */
  async columnTests(report: DriftReport, column: string): Promise<ColumnTestResult[] | undefined> {
    const { createdAt } = report;
    const entry = this.entryOf(report);
    try {
      const inUse = report.columns.find((c) => c.name === column)?.test ?? null;
      const tests = await this.worker().columnTests({ ...entry.pair, suite: this.suiteOf(entry), column, inUse });
      this.panel.postTransient({ type: 'columnTests', column, createdAt, tests });
      return tests;
    } catch (err) {
      const message = messageOf(err);
      this.log.warn(`tests of column "${column}" failed: ${message}`);
      this.panel.postTransient({ type: 'columnTestsFailed', column, createdAt, message });
      return undefined;
    }
  }

  /**
   * Sets the column's test and/or threshold for this file (null: back to the settings) and compares that column
   * again; the new report is shown with the column's detail open.
   */
  async setColumnTest(report: DriftReport, column: string, test: TestId | null, threshold: number | null): Promise<DriftReport | undefined> {
    const file = report.current.path;
    const entry = this.entryOf(report);
    this.overrides.set(file, column, test, threshold);
    this.log.info(`column "${column}" of ${file}: test ${test ?? 'default'}, threshold ${threshold ?? 'default'}`);
    this.panel.postTransient({ type: 'columnRunning', column });
    let again: DriftReport;
    try {
      again = await this.worker().recompareColumn({ ...entry.pair, suite: this.suiteOf(entry), report, column });
    } catch (err) {
      const message = messageOf(err);
      this.log.warn(`comparing column "${column}" again failed: ${message}`);
      this.panel.postTransient({ type: 'columnFailed', column, message });
      return undefined;
    }
    // A comparison that finished meanwhile replaced this report: the column's result would bring the old one back.
    if (this.panel.report?.createdAt !== report.createdAt) {
      this.log.info(`column "${column}" compared again, but its report is no longer shown: dropped`);
      return again;
    }
    this.reports.set({ ...entry, report: again });
    this.panel.showReport(again, column);
    await this.diagnostics.publish(vscode.Uri.file(file), again);
    return again;
  }

  /**
   * The stored request behind `report`; for a report restored from the panel's saved state after a reload
   * (nothing stored this session), the current settings rebuild it.
   */
  private entryOf(report: DriftReport): StoredReport {
    const stored = this.reports.entryOf(report);
    if (stored) return stored;
    const settings = readSettings(vscode.Uri.file(report.current.path));
    const pair = { referencePath: report.reference.path, currentPath: report.current.path, read: settings.read, maxRows: settings.maxRows };
    const entry = { report, pair, settings: settings.suite };
    if (!this.reports.get(report.current.path)) this.reports.set(entry);
    return entry;
  }

  private suiteOf(entry: StoredReport) {
    return this.overrides.apply(entry.report.current.path, entry.settings);
  }
}

function messageOf(err: unknown): string {
  return (err as Error)?.message ?? String(err);
}
