/**
 * Runs drift suites: reads and validates the suite file, expands it into file pairs, runs them (all, or the ones
 * asked for) with bounded concurrency in a pool of worker threads while the orchestration stays on the extension
 * host, then publishes the results: Problems entries on every current file, each comparison's report in the
 * report store (so Problems entries and the panel's column actions work on it), and the suite in the panel.
 *
 * Keeps the last suite report of each suite file; a partial run (one comparison re-run from the Test Explorer or
 * after a file changed) is merged into it. Runs never overlap: each waits for the one before it.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  SuiteCancelled,
  expandSuite,
  runSuite,
  summarize,
  type ComparisonRequest,
  type SuiteComparisonResult,
  type SuiteFile,
  type SuiteProblem,
  type SuiteReport,
  type SuiteTask,
} from '../../core/suite/suiteApi';
import { DriftDiagnostics } from '../diagnostics';
import { DriftPanel } from '../panel';
import { ReportStore } from '../reportStore';
import { readSettings } from '../settings';
import { ComparisonCancelled } from '../workerClient';
import { SuiteFileProblems } from './suiteFileProblems';
import { loadSuiteFile } from './suiteFiles';
import { publishSuiteDiagnostics } from './suiteDiagnostics';
import { WorkerPool } from './workerPool';
import { workerMemoryMb } from '../settings';
import { outsideFolders } from '../../core/suite/trust';

export interface SuiteRunOptions {
  /** Only these tasks (SuiteTask ids); default every task of the suite. */
  taskIds?: ReadonlySet<string>;
  token?: vscode.CancellationToken;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
  /** Show the suite overview in the panel (the palette command); otherwise only a panel already showing it updates. */
  showPanel?: boolean;
  /** Once the tasks are known, before any runs. */
  onTasks?: (file: SuiteFile, tasks: SuiteTask[]) => void;
  /** After each comparison, as it finishes. */
  onResult?: (result: SuiteComparisonResult) => void;
}

export type SuiteOutcome =
  | { kind: 'done'; file: SuiteFile; report: SuiteReport; ran: SuiteComparisonResult[] }
  /** The suite file has problems (they are on it as diagnostics); nothing ran. */
  | { kind: 'invalid'; file: SuiteFile; problems: SuiteProblem[] }
  | { kind: 'cancelled'; file: SuiteFile }
  | { kind: 'unreadable'; message: string };

/** What the session knows of a suite file: its parsed text and tasks, and its last report. */
export interface SuiteState {
  file: SuiteFile;
  tasks: SuiteTask[];
  problems: SuiteProblem[];
  report?: SuiteReport;
  /** Comparisons (task ids) whose reference or current file changed since they last ran. */
  stale: Set<string>;
}

export class SuiteSession implements vscode.Disposable {
  private readonly states = new Map<string, SuiteState>();
  private queue: Promise<unknown> = Promise.resolve();
  private running: WorkerPool | undefined;
  private latest: SuiteReport | undefined;
  private readonly changed = new vscode.EventEmitter<SuiteState>();
  /** Fires when a suite file was read again or a run finished. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly workerScript: string,
    private readonly problems: SuiteFileProblems,
    private readonly diagnostics: DriftDiagnostics,
    private readonly reports: ReportStore,
    private readonly panel: DriftPanel,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The report of the last suite run (any suite file). */
  get lastSuite(): SuiteReport | undefined {
    return this.latest;
  }

  /** True while a suite runs. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  state(uri: vscode.Uri): SuiteState | undefined {
    return this.states.get(uri.fsPath);
  }

  get all(): SuiteState[] {
    return [...this.states.values()];
  }

  /**
   * Reads the suite file again, publishes its problems and expands its tasks (no comparison runs). The last report
   * is kept, minus results of tasks the file no longer has.
   */
  async load(uri: vscode.Uri): Promise<SuiteState | undefined> {
    let file: SuiteFile;
    try {
      file = await loadSuiteFile(uri);
    } catch (err) {
      this.log.warn(`cannot read suite file ${uri.fsPath}: ${(err as Error).message}`);
      this.forget(uri);
      return undefined;
    }
    const plan = file.problems.length ? { tasks: [], problems: [] } : await expandSuite(file);
    const problems = [...file.problems, ...plan.problems];
    this.problems.publish(file, problems);
    const before = this.states.get(file.path);
    const previous = before?.report;
    const ids = new Set(plan.tasks.map((t) => t.id));
    const kept = previous?.results.filter((r) => ids.has(r.id));
    const state: SuiteState = {
      file,
      tasks: plan.tasks,
      problems,
      report: previous && kept?.length ? { ...summarize(previous.file, kept, previous.durationMs), createdAt: previous.createdAt } : undefined,
      stale: new Set([...(before?.stale ?? [])].filter((id) => ids.has(id))),
    };
    this.states.set(file.path, state);
    this.changed.fire(state);
    return state;
  }

  /** Drops a suite file that was deleted. */
  forget(uri: vscode.Uri): void {
    this.states.delete(uri.fsPath);
  }

  run(uri: vscode.Uri, options: SuiteRunOptions = {}): Promise<SuiteOutcome> {
    const next = this.queue.then(() => this.runNow(uri, options));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Stops the running suite (its comparisons' threads are terminated). */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.cancel();
    return true;
  }

  dispose(): void {
    this.running?.dispose();
    this.changed.dispose();
  }

  private async runNow(uri: vscode.Uri, options: SuiteRunOptions): Promise<SuiteOutcome> {
    const state = await this.load(uri);
    if (!state) return { kind: 'unreadable', message: `Cannot read the suite file ${uri.fsPath}.` };
    const { file } = state;
    if (state.problems.length) {
      this.log.warn(`suite ${file.path} has ${state.problems.length} problem(s); not running it:\n${state.problems.map((p) => `  ${p.location.line}:${p.location.column} ${p.message}`).join('\n')}`);
      return { kind: 'invalid', file, problems: state.problems };
    }
    const tasks = options.taskIds ? state.tasks.filter((t) => options.taskIds!.has(t.id)) : state.tasks;
    if (options.token?.isCancellationRequested) return { kind: 'cancelled', file };
    options.onTasks?.(file, tasks);

    const settings = readSettings(uri);
    for (const problem of settings.problems) this.log.warn(`ignoring a setting: ${problem}`);
    const concurrency = Math.max(1, Math.min(8, Math.round(vscode.workspace.getConfiguration('driftInspector', uri).get<number>('suite.concurrency') ?? 2)));
    const pool = new WorkerPool(Math.min(concurrency, Math.max(1, tasks.length)), this.workerScript, (m) => this.log.info(m), workerMemoryMb);
    this.running = pool;
    const cancel = options.token?.onCancellationRequested(() => pool.cancel());
    const requests = new Map<string, ComparisonRequest>();
    this.log.info(`suite ${file.path}: running ${tasks.length} of ${state.tasks.length} comparison(s), ${pool.size} at a time`);
    let ran: SuiteReport;
    try {
      ran = await runSuite(file, tasks, {
        compare: (task, request) => {
          requests.set(task.id, request);
          const outside = vscode.workspace.isTrusted ? [] : outsideFolders([task.referencePath, task.currentPath], (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.fsPath));
          if (outside.length) {
            return Promise.reject(new Error(`Not run: this workspace is not trusted and the suite points outside it (${outside.join(', ')}). Trust the workspace to compare files outside it.`));
          }
          return pool.compare({
            referencePath: task.referencePath,
            currentPath: task.currentPath,
            read: request.read,
            maxRows: request.maxRows ?? settings.maxRows,
            suite: request.suite,
          });
        },
        concurrency,
        baseSuite: settings.suite,
        baseRead: settings.read,
        baseMaxRows: settings.maxRows,
        isCancelled: () => options.token?.isCancellationRequested ?? false,
        onResult: (result, done, total) => {
          this.log.info(`  ${result.name}: ${result.error ? `could not run: ${result.error.message}` : result.severity} (${result.durationMs} ms)`);
          options.progress?.report({ message: `${done} of ${total}: ${result.name}`, increment: 100 / total });
          options.onResult?.(result);
        },
      });
    } catch (err) {
      if (err instanceof SuiteCancelled || err instanceof ComparisonCancelled || options.token?.isCancellationRequested) {
        this.log.info(`suite ${file.path} cancelled`);
        return { kind: 'cancelled', file };
      }
      throw err;
    } finally {
      cancel?.dispose();
      pool.dispose();
      this.running = undefined;
    }

    // The suite file may have been read again while this ran: its newest state takes the results.
    const target = this.states.get(file.path) ?? state;
    const report = this.merge(target, ran);
    this.latest = report;
    for (const r of ran.results) target.stale.delete(r.id);
    for (const r of ran.results) {
      const request = requests.get(r.id);
      if (!r.report || !request) continue;
      this.reports.set({
        report: r.report,
        pair: { referencePath: r.referencePath, currentPath: r.currentPath, read: request.read, maxRows: request.maxRows ?? settings.maxRows },
        settings: request.suite,
      });
    }
    await publishSuiteDiagnostics(this.diagnostics, ran.results);
    if (options.showPanel) this.panel.showSuite(report);
    else this.panel.updateSuite(report);
    this.log.info(
      `suite ${path.basename(file.path)} done in ${ran.durationMs} ms: ${report.severity}; ` +
        `${report.counts.comparisons} comparison(s), ${report.counts.errored} could not run, columns ${JSON.stringify(report.counts.columns)}`,
    );
    this.changed.fire(target);
    return { kind: 'done', file, report, ran: ran.results };
  }

  /** The suite's report with this run's results in place of the older ones (in the suite's task order). */
  private merge(state: SuiteState, ran: SuiteReport): SuiteReport {
    const fresh = new Map(ran.results.map((r) => [r.id, r]));
    const old = new Map((state.report?.results ?? []).map((r) => [r.id, r]));
    const results = state.tasks.map((t) => fresh.get(t.id) ?? old.get(t.id)).filter((r): r is SuiteComparisonResult => r !== undefined);
    const report = results.length === ran.results.length ? ran : summarize(ran.file, results, ran.durationMs);
    state.report = report;
    return report;
  }
}
