/**
 * Drift suites in the Testing view: suite file → comparison (one per file pair, i.e. per SuiteTask; a comparison
 * whose files cannot be found stays one item, which errors when run) → column. Items come from the suite file
 * (read again whenever it changes); column items from the last results. The run profile runs the whole suite or
 * the selected items: a comparison runs that pair only; a column runs its comparison and reports that column.
 *
 * Outcomes: a column passes when its severity is `none` (or `info`, with the message as output), fails with the
 * message naming test, value and threshold at `warning`/`error`; a comparison fails when its dataset verdict or
 * any column does, and errors when it could not run (pointing at the data file's line when the error names one).
 */
import * as vscode from 'vscode';
import type { SuiteComparisonResult } from '../../core/suite/suiteApi';
import { hasHeaderLine, readHeaderCells } from '../headerCells';
import { rangeOf } from './suiteFileProblems';
import { findSuiteFiles } from './suiteFiles';
import type { SuiteOutcome, SuiteRunOptions, SuiteSession, SuiteState } from './suiteSession';
import { TestRunRecorder, type RecordedRun } from './testRunRecorder';

type ItemData =
  | { kind: 'suite'; uri: vscode.Uri }
  /** `taskId` absent: a comparison that expanded to no file pair (its problem is on the suite file). */
  | { kind: 'comparison'; uri: vscode.Uri; index: number; taskId?: string }
  | { kind: 'column'; uri: vscode.Uri; taskId: string; column: string };

/** Which columns of a comparison to report: all (the comparison was selected) or those selected. */
type ColumnSelection = 'all' | Set<string>;

interface SuiteSelection {
  uri: vscode.Uri;
  /** The whole suite was selected. */
  all: boolean;
  tasks: Map<string, ColumnSelection>;
  /** Comparison items without a task (they error: the suite file has a problem there). */
  placeholders: vscode.TestItem[];
}

export const CONTROLLER_ID = 'driftInspector';

const columnId = (name: string) => `column:${name}`;

export class SuiteTests implements vscode.Disposable {
  readonly controller = vscode.tests.createTestController(CONTROLLER_ID, 'Drift');
  readonly runProfile: vscode.TestRunProfile;
  private readonly data = new WeakMap<vscode.TestItem, ItemData>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly ended = new vscode.EventEmitter<RecordedRun>();
  /** Fires when a test run (from the Test Explorer, the palette command or an automatic re-run) ends. */
  readonly onDidEndRun = this.ended.event;
  /** What the last test run reported. */
  lastRun: RecordedRun | undefined;

  constructor(
    private readonly session: SuiteSession,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Suite files are looked for when the Testing view first asks, not at activation.
    this.controller.resolveHandler = (item) => (item ? undefined : this.discover());
    this.controller.refreshHandler = () => this.discover();
    this.runProfile = this.controller.createRunProfile('Run Drift Suite', vscode.TestRunProfileKind.Run, (request, token) => this.execute(request, token).then(() => undefined), true);
    this.disposables.push(session.onDidChange((state) => void this.sync(state).catch((err) => this.log.warn(`test items of ${state.file.path}: ${(err as Error).message}`))));
  }

  /** Finds the workspace's suite files and lists them (their comparisons too). */
  async discover(): Promise<void> {
    const files = await findSuiteFiles();
    const keep = new Set(files.map((f) => f.toString()));
    this.controller.items.forEach((item) => {
      if (!keep.has(item.id)) this.remove(vscode.Uri.parse(item.id));
    });
    await Promise.all(files.map((f) => this.session.load(f)));
  }

  /** The suite file's item, if listed. */
  rootOf(uri: vscode.Uri): vscode.TestItem | undefined {
    return this.controller.items.get(uri.toString());
  }

  /** Removes a suite file's items (it was deleted). */
  remove(uri: vscode.Uri): void {
    this.controller.items.delete(uri.toString());
    this.session.forget(uri);
  }

  /** Marks the results of these comparisons (and their columns) out of date. */
  invalidate(uri: vscode.Uri, taskIds: Iterable<string>): vscode.TestItem[] {
    const root = this.rootOf(uri);
    const items = [...taskIds].map((id) => root?.children.get(id)).filter((i): i is vscode.TestItem => i !== undefined);
    if (items.length) this.controller.invalidateTestResults(items);
    return items;
  }

  /**
   * Runs what `request` selects, reporting to a new TestRun; `extra` is for the palette command (progress, panel).
   * Resolves with each suite's outcome once the run ended.
   */
  async execute(
    request: vscode.TestRunRequest,
    token: vscode.CancellationToken,
    extra: Pick<SuiteRunOptions, 'progress' | 'showPanel'> = {},
  ): Promise<Map<string, SuiteOutcome>> {
    if (!request.include) await this.discover();
    const selections = this.select(request);
    const recorder = new TestRunRecorder(this.controller.createTestRun(request, 'Drift suite', true));
    this.lastRun = recorder.record;
    const excluded = new Set(request.exclude ?? []);
    const outcomes = new Map<string, SuiteOutcome>();
    try {
      for (const selection of selections) {
        if (token.isCancellationRequested) break;
        const outcome = await this.runSelection(selection, recorder, excluded, token, extra);
        outcomes.set(selection.uri.toString(), outcome);
      }
    } catch (err) {
      this.log.error(`suite run failed: ${(err as Error)?.stack ?? String(err)}`);
      for (const item of recorder.unfinished()) recorder.errored(item, [new vscode.TestMessage(`The suite run failed: ${(err as Error)?.message ?? String(err)}`)]);
    } finally {
      for (const item of recorder.unfinished()) recorder.skipped(item);
      recorder.end();
      this.ended.fire(recorder.record);
    }
    return outcomes;
  }

  private async runSelection(
    selection: SuiteSelection,
    recorder: TestRunRecorder,
    excluded: Set<vscode.TestItem>,
    token: vscode.CancellationToken,
    extra: Pick<SuiteRunOptions, 'progress' | 'showPanel'>,
  ): Promise<SuiteOutcome> {
    const { uri } = selection;
    const root = this.rootOf(uri);
    // A whole suite minus excluded comparisons is a run of the rest.
    const excludedTasks = root ? [...excluded].map((i) => this.data.get(i)).filter((d) => d?.kind === 'comparison' && d.taskId && d.uri.toString() === uri.toString()) : [];
    const taskIds = selection.all
      ? excludedTasks.length
        ? new Set(this.session.state(uri)?.tasks.map((t) => t.id).filter((id) => !excludedTasks.some((d) => d?.kind === 'comparison' && d.taskId === id)))
        : undefined
      : new Set(selection.tasks.keys());
    const columnsOf = (id: string): ColumnSelection => (selection.all ? 'all' : selection.tasks.get(id) ?? 'all');
    let reporting = Promise.resolve();
    const outcome = await this.session.run(uri, {
      ...extra,
      taskIds,
      token,
      onTasks: (_file, tasks) => {
        for (const task of tasks) {
          const item = this.rootOf(uri)?.children.get(task.id);
          if (!item) continue;
          const columns = columnsOf(task.id);
          if (columns === 'all') recorder.started(item);
          else for (const name of columns) {
            const column = item.children.get(columnId(name));
            if (column) recorder.started(column);
          }
        }
      },
      onResult: (result) => {
        reporting = reporting.then(() => this.report(recorder, uri, result, columnsOf(result.id), excluded));
      },
    });
    await reporting;
    if (outcome.kind === 'invalid' || outcome.kind === 'unreadable') this.reportInvalid(recorder, selection, outcome);
    return outcome;
  }

  /** Test items from what the session knows of a suite file (called whenever it was read or ran). */
  async sync(state: SuiteState): Promise<void> {
    const { file } = state;
    const uri = vscode.Uri.file(file.path);
    const root = this.item(this.controller.items, uri.toString(), vscode.workspace.asRelativePath(uri), uri, { kind: 'suite', uri });
    root.error = state.problems.length
      ? new vscode.MarkdownString(state.problems.map((p) => `- line ${p.location.line}: ${p.message}`).join('\n'))
      : undefined;
    const children: vscode.TestItem[] = [];
    file.spec.comparisons.forEach((c, index) => {
      const location = file.comparisonLocations[index];
      const range = location ? rangeOf(file.text, location) : undefined;
      const tasks = state.tasks.filter((t) => t.comparisonIndex === index);
      const name = typeof c.name === 'string' && c.name ? c.name : `Comparison ${index + 1}`;
      if (tasks.length === 0) {
        const item = this.item(root.children, `comparison:${index}`, name, uri, { kind: 'comparison', uri, index });
        item.range = range;
        item.sortText = sortKey(index, '');
        children.push(item);
        return;
      }
      for (const task of tasks) {
        const item = this.item(root.children, task.id, task.name, uri, { kind: 'comparison', uri, index, taskId: task.id });
        item.range = range;
        item.description = vscode.workspace.asRelativePath(task.currentPath);
        item.sortText = sortKey(index, task.currentPath);
        children.push(item);
      }
    });
    root.children.replace(children);
    for (const result of state.report?.results ?? []) {
      const item = root.children.get(result.id);
      if (item) await this.syncColumns(item, result);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.ended.dispose();
    this.controller.dispose();
  }

  /** Column items of a comparison, from its result (a comparison that could not run keeps the ones it had). */
  private async syncColumns(item: vscode.TestItem, result: SuiteComparisonResult): Promise<void> {
    const data = this.data.get(item);
    if (!result.report || data?.kind !== 'comparison' || !data.taskId) return;
    const current = vscode.Uri.file(result.currentPath);
    let cells: Awaited<ReturnType<typeof readHeaderCells>> = [];
    if (hasHeaderLine(result.report.current.format)) {
      try {
        cells = await readHeaderCells(current);
      } catch {
        // The file went away since: the items point at the file without a range.
      }
    }
    const columns = result.columns.map((c) => {
      const column = this.item(item.children, columnId(c.name), c.name, current, { kind: 'column', uri: data.uri, taskId: data.taskId!, column: c.name });
      const index = result.report!.columns.find((rc) => rc.name === c.name)?.currentIndex;
      const cell = index !== undefined ? cells[index] : undefined;
      column.range = cell ? new vscode.Range(0, cell.start, 0, cell.end) : new vscode.Range(0, 0, 0, 0);
      return column;
    });
    item.children.replace(columns);
  }

  /** One comparison's outcome, and its columns' (all, or those selected). */
  private async report(recorder: TestRunRecorder, uri: vscode.Uri, result: SuiteComparisonResult, columns: ColumnSelection, excluded: Set<vscode.TestItem>): Promise<void> {
    const item = this.rootOf(uri)?.children.get(result.id);
    if (!item) return;
    await this.syncColumns(item, result);
    if (result.error) {
      const message = new vscode.TestMessage(`${result.name} could not run: ${result.error.message}`);
      message.location =
        result.error.path && result.error.line
          ? new vscode.Location(vscode.Uri.file(result.error.path), new vscode.Position(result.error.line - 1, 0))
          : item.uri && item.range
            ? new vscode.Location(item.uri, item.range)
            : undefined;
      if (columns === 'all') recorder.errored(item, [message], result.durationMs);
      else for (const name of columns) {
        const column = item.children.get(columnId(name));
        if (column) recorder.errored(column, [message], result.durationMs);
      }
      return;
    }
    const failures: vscode.TestMessage[] = [];
    for (const c of result.columns) {
      const column = item.children.get(columnId(c.name));
      if (!column || excluded.has(column) || (columns !== 'all' && !columns.has(c.name))) continue;
      const location = column.uri && column.range ? new vscode.Location(column.uri, column.range) : undefined;
      if (c.severity === 'warning' || c.severity === 'error') {
        const message = new vscode.TestMessage(c.message);
        message.location = location;
        failures.push(message);
        recorder.failed(column, [message]);
      } else {
        recorder.passed(column);
        if (c.severity === 'info') recorder.output(c.message, column, location);
      }
    }
    if (columns !== 'all') return;
    const at = item.uri && item.range ? new vscode.Location(item.uri, item.range) : undefined;
    // The comparison's own findings (dataset drift, performance and multivariate drift) fail it at warning or louder.
    const own = [
      ...(result.datasetMessage ? [{ message: result.datasetMessage, severity: result.datasetSeverity ?? 'none' }] : []),
      ...(result.modelFindings ?? []),
    ];
    const loud = own.filter((f) => f.severity === 'warning' || f.severity === 'error');
    failures.unshift(
      ...loud.map((f) => {
        const message = new vscode.TestMessage(f.message);
        message.location = at;
        return message;
      }),
    );
    if (failures.length) recorder.failed(item, failures, result.durationMs);
    else {
      recorder.passed(item, result.durationMs);
      for (const f of own) recorder.output(f.message, item, at);
    }
  }

  /** A suite that could not run: each item asked for errors with the suite file's problems. */
  private reportInvalid(recorder: TestRunRecorder, selection: SuiteSelection, outcome: Extract<SuiteOutcome, { kind: 'invalid' | 'unreadable' }>): void {
    const root = this.rootOf(selection.uri);
    const messagesFor = (index?: number): vscode.TestMessage[] => {
      if (outcome.kind === 'unreadable') return [new vscode.TestMessage(outcome.message)];
      const own = outcome.problems.filter((p) => index !== undefined && p.location.path[0] === 'comparisons' && p.location.path[1] === index);
      return (own.length ? own : outcome.problems).map((p) => {
        const m = new vscode.TestMessage(`${own.length ? '' : 'The suite file has problems: '}${p.message}`);
        m.location = new vscode.Location(vscode.Uri.file(outcome.file.path), rangeOf(outcome.file.text, p.location));
        return m;
      });
    };
    const items: vscode.TestItem[] = [];
    if (selection.all && root) root.children.forEach((i) => void items.push(i));
    else {
      items.push(...selection.placeholders);
      for (const id of selection.tasks.keys()) {
        const i = root?.children.get(id);
        if (i) items.push(i);
      }
    }
    if (items.length === 0 && root) items.push(root);
    for (const item of items) {
      const data = this.data.get(item);
      recorder.errored(item, messagesFor(data?.kind === 'comparison' ? data.index : undefined));
    }
  }

  /** Groups the request's items by suite file. */
  private select(request: vscode.TestRunRequest): SuiteSelection[] {
    const excluded = new Set(request.exclude ?? []);
    const isExcluded = (item: vscode.TestItem | undefined): boolean => !!item && (excluded.has(item) || isExcluded(item.parent));
    const bySuite = new Map<string, SuiteSelection>();
    const selectionOf = (uri: vscode.Uri) => {
      const key = uri.toString();
      let s = bySuite.get(key);
      if (!s) bySuite.set(key, (s = { uri, all: false, tasks: new Map(), placeholders: [] }));
      return s;
    };
    const include: vscode.TestItem[] = [];
    if (request.include) include.push(...request.include);
    else this.controller.items.forEach((i) => void include.push(i));
    for (const item of include) {
      if (isExcluded(item)) continue;
      const data = this.data.get(item);
      if (!data) continue;
      const s = selectionOf(data.uri);
      if (data.kind === 'suite') s.all = true;
      else if (data.kind === 'comparison') {
        if (data.taskId) s.tasks.set(data.taskId, 'all');
        else s.placeholders.push(item);
      } else {
        const chosen = s.tasks.get(data.taskId);
        if (chosen === 'all') continue;
        s.tasks.set(data.taskId, new Set([...(chosen ?? []), data.column]));
      }
    }
    return [...bySuite.values()];
  }

  /** The child `id` of `collection`, kept when it exists with the same file (ids keep their results), else created. */
  private item(collection: vscode.TestItemCollection, id: string, label: string, uri: vscode.Uri, data: ItemData): vscode.TestItem {
    let item = collection.get(id);
    if (!item || item.uri?.toString() !== uri.toString()) {
      item = this.controller.createTestItem(id, label, uri);
      collection.add(item);
    }
    item.label = label;
    this.data.set(item, data);
    return item;
  }
}

function sortKey(index: number, path: string): string {
  return `${String(index).padStart(5, '0')} ${path}`;
}
