/**
 * Keeps suites in step with the disk. A suite file that changes is read again (its problems and test items
 * follow); one deleted is dropped. A reference or current file of a suite's comparisons that changes makes those
 * comparisons' results stale: their Test Explorer results are invalidated, and with `driftInspector.suite.autoRun`
 * they run again (changes within a short while are run together).
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SUITE_FILE_NAME } from '../../core/suite/suiteApi';
import type { SuiteSession } from './suiteSession';
import type { SuiteTests } from './suiteTests';

/** A save often comes as several events (write, then attributes); one re-read or re-run for them all. */
const SETTLE_MS = 300;

/** Data files the extension reads (as in the Explorer menus). */
const DATA_FILES = '**/*.{csv,tsv,parquet,parq,arrow,feather,jsonl,ndjson}';

export class SuiteWatcher implements vscode.Disposable {
  private readonly suiteWatcher: vscode.FileSystemWatcher;
  /** One watcher per watched data file (by path). */
  private readonly dataWatchers = new Map<string, vscode.Disposable>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Comparisons waiting for an automatic re-run, per suite file. */
  private readonly autoRuns = new Map<string, Set<string>>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly session: SuiteSession,
    private readonly tests: SuiteTests,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.suiteWatcher = vscode.workspace.createFileSystemWatcher(`**/${SUITE_FILE_NAME}`);
    this.disposables.push(
      this.suiteWatcher,
      this.suiteWatcher.onDidCreate((uri) => this.suiteChanged(uri)),
      this.suiteWatcher.onDidChange((uri) => this.suiteChanged(uri)),
      this.suiteWatcher.onDidDelete((uri) => {
        this.log.info(`suite file ${uri.fsPath} deleted`);
        this.tests.remove(uri);
      }),
      session.onDidChange(() => this.watchDataOf()),
    );
    // Created with the rest, not on first need: it only filters the workbench's own workspace watcher's events.
    const data = vscode.workspace.createFileSystemWatcher(DATA_FILES);
    const changed = (uri: vscode.Uri) => {
      if (uri.scheme === 'file') this.dataChanged(uri.fsPath);
    };
    this.disposables.push(data, data.onDidChange(changed), data.onDidCreate(changed), data.onDidDelete(changed));
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const w of this.dataWatchers.values()) w.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private suiteChanged(uri: vscode.Uri): void {
    this.settle(`suite:${uri.fsPath}`, () => {
      this.log.info(`suite file ${uri.fsPath} changed: reading it again`);
      void this.session.load(uri);
    });
  }

  /**
   * Watches the data files of the suites that ran (only those: they are the ones with results to go stale). Files
   * in a workspace folder are seen by one watcher on the workspace's data files (it shares the workbench's own
   * recursive watcher); a file outside gets a watcher of its own.
   */
  private watchDataOf(): void {
    const wanted = new Set<string>();
    for (const s of this.session.all) {
      for (const r of s.report?.results ?? []) {
        wanted.add(r.referencePath);
        wanted.add(r.currentPath);
      }
    }
    const outside = new Set([...wanted].filter((file) => !vscode.workspace.getWorkspaceFolder(vscode.Uri.file(file))));
    for (const [file, watcher] of this.dataWatchers) {
      if (outside.has(file)) continue;
      watcher.dispose();
      this.dataWatchers.delete(file);
    }
    for (const file of outside) {
      if (this.dataWatchers.has(file)) continue;
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(path.dirname(file)), path.basename(file)));
      const changed = () => this.dataChanged(file);
      this.dataWatchers.set(file, vscode.Disposable.from(watcher, watcher.onDidChange(changed), watcher.onDidCreate(changed), watcher.onDidDelete(changed)));
    }
  }

  private dataChanged(file: string): void {
    this.log.trace(`data file event: ${file}`);
    const key = pathKey(file);
    for (const state of this.session.all) {
      const affected = (state.report?.results ?? []).filter((r) => pathKey(r.referencePath) === key || pathKey(r.currentPath) === key).map((r) => r.id);
      if (affected.length === 0) continue;
      const suite = vscode.Uri.file(state.file.path);
      for (const id of affected) state.stale.add(id);
      this.tests.invalidate(suite, affected);
      this.log.info(`${file} changed: results of ${affected.length} comparison(s) of ${state.file.path} are out of date`);
      if (!vscode.workspace.getConfiguration('driftInspector', suite).get<boolean>('suite.autoRun', false)) continue;
      const pending = this.autoRuns.get(state.file.path) ?? new Set<string>();
      this.autoRuns.set(state.file.path, pending);
      for (const id of affected) pending.add(id);
      this.settle(`run:${state.file.path}`, () => void this.autoRun(suite));
    }
  }

  private async autoRun(suite: vscode.Uri): Promise<void> {
    const ids = this.autoRuns.get(suite.fsPath);
    this.autoRuns.delete(suite.fsPath);
    const root = this.tests.rootOf(suite);
    const items = [...(ids ?? [])].map((id) => root?.children.get(id)).filter((i): i is vscode.TestItem => i !== undefined);
    if (items.length === 0) return;
    this.log.info(`driftInspector.suite.autoRun: running ${items.length} comparison(s) of ${suite.fsPath} again`);
    const source = new vscode.CancellationTokenSource();
    try {
      await this.tests.execute(new vscode.TestRunRequest(items), source.token);
    } finally {
      source.dispose();
    }
  }

  private settle(key: string, action: () => void): void {
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        action();
      }, SETTLE_MS),
    );
  }
}

/** Windows paths compare case-insensitively (Uri.fsPath and glob results may differ in drive-letter case). */
function pathKey(file: string): string {
  return process.platform === 'win32' ? path.resolve(file).toLowerCase() : path.resolve(file);
}
