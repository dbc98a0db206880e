/**
 * Drift panel entry: draws what the extension posts (a report, a running comparison, a failure), keeps the
 * report and how the user looks at it (sort, filters, search, open column, scroll) with setState so a restored
 * panel redraws without the extension, and routes the detail view's requests and their replies.
 *
 * Messages to the extension that tests rely on:
 * - `ready {shown}` once the script runs; `shown` is the createdAt of the report drawn from saved state.
 * - `rendered {columns, charts, driftedColumns}` after every draw of the column table (a report, or a change of
 *   sort, filter or search): `columns` = rows in the table as filtered (created lazily, so not all are in the
 *   DOM yet), `charts` = charts drawn so far, i.e. those of the rows in or near view once the first layout
 *   settled (more are drawn as the user scrolls), `driftedColumns` = every drifted column of the report;
 *   `modelSections` (absent when there are none) = the sections drawn ahead of the table: the model's ("roles",
 *   "label", "prediction", "performance", "segments", "multivariate"), then "overTime" when the report has
 *   `overTime` and its "Drift over time" section (`[data-section="overTime"]`, after the model sections) is drawn.
 * - `selected {column}` when a column's detail opens, `{column: null}` when it closes.
 *
 * A drift suite (`suite` message, or a SuiteReport in the offline page) shows the suite overview; drilling down
 * into a comparison draws the report the suite result carries at once and posts `openComparison {id}` (the
 * extension answers with that `report`, the same one, which is then not drawn again). A report shown from the
 * suite has a "← Suite overview" button: it draws the overview again and posts `backToSuite`. The saved state
 * holds the suite beside the report while the report is one of the suite's, so a reload restores either view;
 * `ready.shown` is the suite's createdAt when the overview is what was restored.
 */
import type { DriftReport } from '../src/core/suite/report';
import type { SuiteReport } from '../src/core/suite/suiteTypes';
import type { ExportFormat, ToWebview, ViewState, WebviewState } from '../src/protocol';
import { applyThemeToCharts, destroyCharts } from './charts';
import { matches, visibleColumns } from './columnOrder';
import { renderColumnTable, type ColumnTable } from './columnTable';
import { divider } from './components/divider';
import { registerToolkit } from './components/toolkit';
import { renderDetail, type DetailView } from './detail';
import type { TestsState } from './detailTests';
import { h } from './dom';
import { renderModelSections } from './modelSections';
import { renderOverTime, type OverTimeView } from './overTime';
import { renderEmpty, renderFailed, renderRunning } from './states';
import { adoptStyles } from './styles';
import { renderSummary, type SummaryActions } from './summary';
import { isSuiteReport, resultForReport } from './suiteFormat';
import { renderSuiteOverview, type SuiteOverview } from './suiteOverview';
import { onThemeChange } from './theme';
import { renderToolbar, type Toolbar } from './toolbar';
import { clearFilters, isFiltered, restoreView } from './viewState';
import { offline, vscode } from './vscodeApi';

registerToolkit();
adoptStyles();

const root = document.getElementById('root') ?? document.body.appendChild(h('main', { id: 'root' }));

/** The report on screen and the parts of the page that change while it is shown. */
interface Shown {
  report: DriftReport;
  toolbar: Toolbar;
  layout: HTMLElement;
  tableHost: HTMLElement;
  detailHost: HTMLElement;
  table: ColumnTable | null;
  detail: DetailView | null;
  /** Replies to "columnTests" for this report, per column (a re-opened detail does not ask again). */
  tests: Map<string, TestsState>;
  /** Sections drawn ahead of the table: the model's, then "overTime" (undefined when there are none). */
  modelSections?: string[];
  /** The "Drift over time" section (null for a report without `overTime`). */
  overTime: OverTimeView | null;
}

let shown: Shown | null = null;
let view: ViewState = restoreView(undefined);

/** The suite whose overview is on screen, or the one the shown report was drilled down from; null without one. */
let suite: SuiteReport | null = null;
/** The suite overview, while it is on screen. */
let overview: SuiteOverview | null = null;
/** True while what is shown (a report, or its re-run running or failed) came from the suite. */
let fromSuite = false;
/** The suite result drilled into (its row is focused again on the way back); null when not known. */
let drilledId: string | null = null;
/** openComparison posted, its report not here yet: that report is the drilled-down one whatever its files. */
let pending: string | null = null;
/** A summary action (swap, re-run, a column's test) was taken on a report from the suite: its result is too. */
let actedFromSuite = false;

function save(): void {
  const state: WebviewState = { view };
  if (shown) state.report = shown.report;
  if (suite && (overview || fromSuite)) state.suite = suite;
  vscode.setState(state);
}

function teardown(): void {
  shown?.table?.destroy();
  shown?.detail?.destroy();
  destroyCharts();
  shown = null;
  overview = null;
}

function show(...elements: HTMLElement[]): void {
  teardown();
  root.replaceChildren(...elements);
}

/** "← Suite overview" and the comparison's name, above a report (or its running / failed state) from the suite. */
function backBar(): HTMLElement | null {
  if (!suite || !fromSuite) return null;
  const button = h('button', { class: 'button secondary', type: 'button', id: 'back-to-suite', title: 'Back to the suite overview' }, '← Suite overview');
  button.addEventListener('click', backToSuite);
  const result = drilledId !== null ? suite.results.find((r) => r.id === drilledId) : undefined;
  return h('nav', { class: 'back-bar', 'aria-label': 'Drift suite' }, button, result ? h('span', { class: 'crumb', id: 'suite-crumb' }, result.name) : null);
}

/** The state views (running, failed) keep the way back to the suite. */
function showState(element: HTMLElement): void {
  const back = backBar();
  show(...(back ? [back, element] : [element]));
}

/** Draws the suite overview; `focusId` focuses that comparison's row (coming back from it). */
function drawOverview(focusId?: string | null): void {
  if (!suite) return;
  teardown();
  fromSuite = false;
  const o = renderSuiteOverview(suite, { onOpen: openComparison });
  overview = o;
  root.replaceChildren(o.element);
  window.scrollTo(0, 0);
  if (focusId !== undefined) o.focus(focusId);
  save();
}

/** Drill down: the report the suite result carries, drawn now; the extension is told (it posts the same report). */
function openComparison(id: string): void {
  const result = suite?.results.find((r) => r.id === id);
  if (!result?.report) return;
  fromSuite = true;
  drilledId = id;
  actedFromSuite = false;
  pending = offline ? null : id;
  // Another comparison: its own columns, from the top (sort and filters stay).
  view = { ...view, selected: null, scrollTop: 0 };
  safely(() => drawReport(result.report!));
  window.scrollTo(0, 0);
  document.getElementById('back-to-suite')?.focus();
  if (!offline) vscode.postMessage({ type: 'openComparison', id });
}

function backToSuite(): void {
  if (!suite) return;
  const to = drilledId;
  pending = null;
  drilledId = null;
  actedFromSuite = false;
  drawOverview(to);
  if (!offline) vscode.postMessage({ type: 'backToSuite' });
}

/** Whether a report that just came is one of the suite's (drilled into, re-run, or another of its comparisons). */
function linkToSuite(report: DriftReport): void {
  if (!suite) {
    fromSuite = false;
    return;
  }
  const match = resultForReport(suite, report, pending ?? drilledId);
  if (pending !== null || match || (fromSuite && actedFromSuite)) {
    fromSuite = true;
    drilledId = pending ?? match?.id ?? drilledId;
  } else {
    // A comparison of its own (e.g. two files picked in the explorer): the suite is left behind.
    suite = null;
    fromSuite = false;
    drilledId = null;
  }
  pending = null;
  actedFromSuite = false;
}

const actions: SummaryActions | null = offline
  ? null
  : {
      open: (path) => vscode.postMessage({ type: 'open', path }),
      swap: () => {
        actedFromSuite = fromSuite;
        vscode.postMessage({ type: 'swap' });
      },
      rerun: () => {
        actedFromSuite = fromSuite;
        vscode.postMessage({ type: 'rerun' });
      },
      export: (format: ExportFormat) =>
        vscode.postMessage({
          type: 'export',
          format,
          // The theme as VS Code injected it, so the exported page looks like the panel does now.
          themeCss: document.documentElement.getAttribute('style') ?? '',
          bodyClass: document.body.className,
        }),
    };

function drawReport(report: DriftReport, focus?: string): void {
  teardown();
  if (view.selected !== null && !report.columns.some((c) => c.name === view.selected)) view = { ...view, selected: null };
  const target = focus ?? view.selected;
  const focused = focus !== undefined ? report.columns.find((c) => c.name === focus) : undefined;
  if (focused && !matches(focused, view)) view = clearFilters(view);

  const toolbar = renderToolbar(report, view, changeView);
  const tableHost = h('div', { class: 'table-host', id: 'columns' });
  const detailHost = h('div', { class: 'detail-host' });
  const columnsSection = h('section', { class: 'columns', 'aria-label': 'Columns' }, toolbar.element, tableHost);
  // Label/prediction drift, performance, segments, multivariate: above the table, beside an open detail.
  const model = renderModelSections(report, (name) => openDetail(name, true));
  // Drift over time: after the model sections, before the table.
  const names = new Set(report.columns.map((c) => c.name));
  const overTime = renderOverTime(report, { open: (name) => openDetail(name, true), has: (name) => names.has(name) }, target);
  const ahead = [model?.element, overTime?.element].filter((e): e is HTMLElement => e !== undefined);
  const layout = h('div', { class: 'layout' }, ahead.length ? h('div', { class: 'main-column' }, ...ahead, columnsSection) : columnsSection, detailHost);
  root.replaceChildren(...[backBar(), renderSummary(report, actions), divider(), layout].filter((e): e is HTMLElement => e !== null));
  const sections: string[] = [...(model?.sections ?? []), ...(overTime ? ['overTime'] : [])];
  shown = { report, toolbar, layout, tableHost, detailHost, table: null, detail: null, tests: new Map(), modelSections: sections.length ? sections : undefined, overTime };

  drawTable();
  // The detail first: it narrows the table, which changes the row heights the scroll position refers to.
  const open = target !== null && report.columns.some((c) => c.name === target);
  if (open) openDetail(target, focus !== undefined);
  if (focus !== undefined && open) shown.table?.reveal(focus, false);
  else {
    shown.table?.fill(view.scrollTop);
    window.scrollTo(0, view.scrollTop);
  }
  save();
}

/** (Re)draws the rows for the current sort, filters and search. */
function drawTable(): void {
  if (!shown) return;
  const s = shown;
  s.table?.destroy();
  const columns = visibleColumns(s.report.columns, view);
  const table = columns.length ? renderColumnTable(columns, { onOpen: (name) => openDetail(name, true) }) : null;
  s.table = table;
  s.tableHost.replaceChildren(table?.element ?? noMatch());
  s.toolbar.count(columns.length, s.report.columns.length);
  table?.select(view.selected);

  const drifted = s.report.columns.filter((c) => c.drifted === true).map((c) => c.name);
  // After the first layout has drawn the charts in view (or soon anyway: a hidden panel has no layout).
  const ready = table ? Promise.race([table.settled, new Promise((r) => setTimeout(r, 1000))]) : Promise.resolve();
  void ready.then(() => {
    if (shown !== s || s.table !== table) return; // redrawn meanwhile; that draw reports itself
    vscode.postMessage({
      type: 'rendered',
      columns: columns.length,
      charts: table?.charts() ?? 0,
      driftedColumns: drifted,
      ...(s.modelSections ? { modelSections: s.modelSections } : {}),
    });
  });
}

function noMatch(): HTMLElement {
  const clear = h('button', { class: 'button secondary', type: 'button', id: 'clear-filters' }, 'Clear filters');
  clear.addEventListener('click', () => changeView(clearFilters(view)));
  return h('div', { class: 'state empty', role: 'status' }, h('p', { class: 'muted' }, 'No column matches these filters.'), isFiltered(view) ? clear : null);
}

function changeView(patch: Partial<ViewState>): void {
  if (!shown) return;
  view = { ...view, ...patch, scrollTop: 0 };
  shown.toolbar.update(view);
  // Back to the top of the table (the toolbar stays where it is when it is already in view).
  const top = (shown.tableHost.parentElement ?? shown.layout).getBoundingClientRect().top + window.scrollY;
  if (window.scrollY > top) window.scrollTo(0, top);
  drawTable();
  save();
}

function openDetail(name: string, focus: boolean): void {
  if (!shown) return;
  const s = shown;
  const column = s.report.columns.find((c) => c.name === name);
  if (!column) return;
  s.detail?.destroy();
  const detail = renderDetail(s.report, column, {
    close: closeDetail,
    tests: offline
      ? null
      : {
          retry: () => requestTests(name, true),
          apply: (test, threshold) => {
            actedFromSuite = fromSuite;
            vscode.postMessage({ type: 'setColumnTest', column: name, test, threshold });
          },
        },
    setRole: offline
      ? null
      : (role) => {
          actedFromSuite = fromSuite;
          vscode.postMessage({ type: 'setRole', column: name, role });
        },
  });
  s.detail = detail;
  s.detailHost.replaceChildren(detail.element);
  s.layout.classList.add('has-detail');
  s.table?.select(name);
  s.overTime?.select(name);
  view = { ...view, selected: name };
  save();
  vscode.postMessage({ type: 'selected', column: name });
  if (!offline) requestTests(name, false);
  if (focus) detail.focus();
}

function requestTests(name: string, again: boolean): void {
  if (!shown) return;
  const cached = shown.tests.get(name);
  if (cached && !again && cached.kind !== 'failed') {
    shown.detail?.setTests(cached);
    return;
  }
  shown.tests.set(name, { kind: 'loading' });
  shown.detail?.setTests({ kind: 'loading' });
  vscode.postMessage({ type: 'columnTests', column: name });
}

function closeDetail(): void {
  if (!shown?.detail) return;
  const name = shown.detail.column;
  shown.detail.destroy();
  shown.detail = null;
  shown.detailHost.replaceChildren();
  shown.layout.classList.remove('has-detail');
  shown.table?.select(null);
  view = { ...view, selected: null };
  save();
  vscode.postMessage({ type: 'selected', column: null });
  shown.table?.reveal(name, true);
}

/** Opens a column's detail from outside (a Problems entry), showing its row even if the filters hid it. */
function focusColumn(name: string): void {
  if (!shown) return;
  const column = shown.report.columns.find((c) => c.name === name);
  if (!column) return;
  if (!matches(column, view)) {
    view = clearFilters(view);
    shown.toolbar.update(view);
    drawTable();
  }
  shown.table?.reveal(name, false);
  openDetail(name, true);
}

/** Routes a reply about one column to the open detail, if it is still about the report shown. */
function columnReply(column: string, createdAt: string | null, state: TestsState | null, apply: (d: DetailView) => void): void {
  if (!shown || (createdAt !== null && createdAt !== shown.report.createdAt)) return;
  if (state) shown.tests.set(column, state);
  if (shown.detail?.column === column) apply(shown.detail);
}

function safely(draw: () => void): void {
  try {
    draw();
  } catch (err) {
    showState(renderFailed(`The panel could not draw this report: ${(err as Error).message ?? String(err)}`));
    console.error(err);
  }
}

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  const message = event.data;
  switch (message?.type) {
    case 'report':
      // The same report again (the extension re-sends it when the panel is restored): keep everything as is.
      if (shown?.report.createdAt === message.report.createdAt && message.focus === undefined) {
        pending = null;
        return;
      }
      linkToSuite(message.report);
      safely(() => drawReport(message.report, message.focus));
      break;
    case 'suite':
      // The suite shown again (e.g. re-posted after backToSuite, which already drew it): keep everything as is.
      if (overview && suite?.createdAt === message.suite.createdAt && suite.file === message.suite.file) {
        suite = message.suite;
        return;
      }
      suite = message.suite;
      fromSuite = false;
      drilledId = null;
      pending = null;
      safely(() => drawOverview());
      break;
    case 'focusColumn':
      safely(() => focusColumn(message.column));
      break;
    case 'running':
      showState(renderRunning(message.referencePath, message.currentPath));
      break;
    case 'failed':
      showState(renderFailed(message.message));
      save();
      break;
    case 'columnTests': {
      const state: TestsState = { kind: 'ready', tests: message.tests };
      columnReply(message.column, message.createdAt, state, (d) => d.setTests(state));
      break;
    }
    case 'columnTestsFailed': {
      const state: TestsState = { kind: 'failed', message: message.message };
      columnReply(message.column, message.createdAt, state, (d) => d.setTests(state));
      break;
    }
    case 'columnRunning':
      columnReply(message.column, null, null, (d) => d.running());
      break;
    case 'columnFailed':
      columnReply(message.column, null, null, (d) => d.failed(message.message));
      break;
  }
});

document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && shown?.detail && !event.defaultPrevented) closeDetail();
});

let scrolled: ReturnType<typeof setTimeout> | undefined;
window.addEventListener(
  'scroll',
  () => {
    clearTimeout(scrolled);
    scrolled = setTimeout(() => {
      if (!shown || view.scrollTop === window.scrollY) return;
      view = { ...view, scrollTop: window.scrollY };
      save();
    }, 250);
  },
  { passive: true },
);

onThemeChange(applyThemeToCharts);

const saved = vscode.getState();
view = restoreView(saved?.view);
if (isSuiteReport(saved?.suite)) suite = saved.suite;
if (saved?.report) {
  if (suite) {
    fromSuite = true;
    drilledId = resultForReport(suite, saved.report)?.id ?? null;
  }
  safely(() => drawReport(saved.report!));
} else if (suite) safely(() => drawOverview());
else show(renderEmpty());

// (A function call: TypeScript would otherwise take `shown` to be still null here.)
vscode.postMessage({ type: 'ready', shown: shownCreatedAt() });

function shownCreatedAt(): string | undefined {
  return shown?.report.createdAt ?? (overview ? suite?.createdAt : undefined);
}
