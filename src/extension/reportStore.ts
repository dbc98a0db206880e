/**
 * The last report of each current file this session, with the request that made it, so a Problems entry of an
 * older comparison can reopen its report, and the panel's column requests read the same tables (same paths,
 * read options and sample size: the worker's cache then answers them without reading the files again).
 */
import * as vscode from 'vscode';
import type { DriftReport, SuiteOptions } from '../core/suite/report';
import type { FilePair } from '../protocol';

export interface StoredReport {
  report: DriftReport;
  /** The files and read options the report was made from. */
  pair: FilePair;
  /** The settings' suite options it was made with, before the panel's per-column overrides (applied on use). */
  settings: SuiteOptions;
}

export class ReportStore implements vscode.Disposable {
  private readonly byFile = new Map<string, StoredReport>();
  private readonly setEmitter = new vscode.EventEmitter<StoredReport>();
  /** Fires with each new report (the data view marks its file's drifted columns from it). */
  readonly onDidSet = this.setEmitter.event;

  set(entry: StoredReport): void {
    this.byFile.set(keyOf(entry.report.current.path), entry);
    this.setEmitter.fire(entry);
  }

  dispose(): void {
    this.setEmitter.dispose();
  }

  /** The last report whose current file is `file` (a Uri or a file system path). */
  get(file: vscode.Uri | string): StoredReport | undefined {
    return this.byFile.get(keyOf(typeof file === 'string' ? file : file.fsPath));
  }

  /** The stored entry of exactly this report (not a later one of the same file), if any. */
  entryOf(report: DriftReport): StoredReport | undefined {
    const entry = this.get(report.current.path);
    return entry?.report.createdAt === report.createdAt ? entry : undefined;
  }
}

/** Windows paths compare case-insensitively; Uri.fsPath and the worker's paths may differ in drive-letter case. */
function keyOf(path: string): string {
  return process.platform === 'win32' ? path.toLowerCase() : path;
}
