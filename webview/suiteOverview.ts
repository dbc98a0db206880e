/**
 * The suite overview: what a drift suite's run found (the suite file, its overall severity, how many comparisons
 * ran or could not, the columns by severity, how long it took) and one row per comparison: its name and files,
 * its severity, drifted columns, dataset verdict and worst findings (or why it could not run). Enter or a click
 * on a row with a report drills down into it. Rows are a grid like the column table: arrows, Home/End, Page
 * Up/Down move between them, one row is in the tab order at a time. Each row carries data-id (the result's id),
 * data-severity (none/info/warning/error/failed) and data-openable, for tests and styles.
 */
import type { SuiteComparisonResult, SuiteReport } from '../src/core/suite/suiteTypes';
import { badge, type Tone } from './components/badge';
import { verdictTag } from './components/tag';
import { h, type Child } from './dom';
import { baseName, formatCount, formatDuration } from './format';
import { rowNavigation } from './rowNavigation';
import {
  columnCountsText,
  datasetText,
  driftedText,
  errorText,
  findingCount,
  resultKey,
  resultLabel,
  severityOf,
  suiteLabel,
  worstColumns,
  type ResultKey,
} from './suiteFormat';

/** Worst column findings shown per row. */
const FINDINGS = 3;

const TONES: Record<ResultKey, Tone> = { none: 'good', info: 'info', warning: 'warning', error: 'bad', failed: 'bad' };

export interface SuiteOverviewOptions {
  /** Enter on a row that has a report, or a click: drill down into that comparison. */
  onOpen(id: string): void;
}

export interface SuiteOverview {
  element: HTMLElement;
  /** Moves the keyboard focus to a row (the first when `id` is null or gone). */
  focus(id: string | null): void;
  /** The id of the row last focused or opened (to come back to it). */
  active(): string | null;
}

export function renderSuiteOverview(suite: SuiteReport, options: SuiteOverviewOptions): SuiteOverview {
  const results = suite.results;
  const body = h('div', { role: 'rowgroup' });
  const rows = results.map((r, i) => resultRow(r, i));
  body.append(...rows);
  function open(row: HTMLElement): void {
    if (row.dataset.openable === 'true') options.onOpen(results[Number(row.dataset.index)].id);
  }

  const nav = rowNavigation(body, { selector: '.suite-row[data-index]', count: () => rows.length, rowAt: (i) => rows[i] ?? null, open }, rows[0] ?? null);

  const table = h(
    'div',
    { class: 'suite-table', role: 'grid', 'aria-label': 'Comparisons', 'aria-rowcount': String(results.length + 1), 'aria-readonly': 'true' },
    header(),
    body,
  );
  const element = h(
    'div',
    { class: 'suite', id: 'suite-overview' },
    renderSuiteSummary(suite),
    results.length ? h('div', { class: 'scroll' }, table) : h('div', { class: 'state empty', role: 'status' }, h('p', { class: 'muted' }, 'This suite has no comparisons.')),
  );

  return {
    element,
    focus(id) {
      const index = id === null ? -1 : results.findIndex((r) => r.id === id);
      nav.setActive(rows[index] ?? rows[0] ?? null, true);
    },
    active: () => (nav.active ? results[Number(nav.active.dataset.index)]?.id ?? null : null),
  };
}

function renderSuiteSummary(suite: SuiteReport): HTMLElement {
  const counts = suite.counts ?? { comparisons: suite.results.length, errored: 0, columns: { none: 0, info: 0, warning: 0, error: 0 } };
  const overall = severityOf(suite.severity);
  const verdict = badge(suiteLabel(suite), TONES[overall], 'The most severe finding of the whole suite');
  verdict.id = 'suite-severity';
  const created = new Date(suite.createdAt);
  const when = [
    Number.isNaN(created.getTime()) ? '' : `Ran ${created.toLocaleString()}`,
    typeof suite.durationMs === 'number' ? `in ${formatDuration(suite.durationMs)}` : '',
  ].filter(Boolean).join(' ');
  const columns = counts.columns ?? { none: 0, info: 0, warning: 0, error: 0 };
  const totalColumns = (['none', 'info', 'warning', 'error'] as const).reduce((n, s) => n + (columns[s] ?? 0), 0);
  return h(
    'header',
    { class: 'summary suite-summary' },
    h(
      'div',
      { class: 'headline' },
      h('h1', { class: 'suite-title' }, h('span', { class: 'label' }, 'Drift suite'), h('span', { class: 'file', id: 'suite-file', title: suite.file }, baseName(suite.file))),
      h('span', { class: 'item' }, h('span', { class: 'label' }, 'Result'), verdict),
      h(
        'span',
        { class: 'item', id: 'suite-comparisons' },
        h('span', { class: 'value' }, formatCount(counts.comparisons)),
        h('span', { class: 'muted' }, counts.comparisons === 1 ? 'comparison' : 'comparisons'),
        counts.errored > 0 ? h('span', { class: 'note error-note', id: 'suite-errored' }, `${formatCount(counts.errored)} could not run`) : null,
      ),
    ),
    h(
      'div',
      { class: 'suite-counts', id: 'suite-columns' },
      h('span', { class: 'label' }, `Columns (${formatCount(totalColumns)})`),
      ...(['error', 'warning', 'info', 'none'] as const).map((s) =>
        columns[s]
          ? h('span', { class: 'sev-count', 'data-severity': s }, h('span', { class: 'sev-dot', 'aria-hidden': 'true' }), severityCount(s, columns[s]))
          : null,
      ),
      totalColumns === 0 ? h('span', { class: 'muted' }, columnCountsText(columns)) : null,
    ),
    when ? h('div', { class: 'muted skipped', id: 'suite-ran', title: suite.createdAt }, when) : null,
  );
}

function severityCount(s: 'none' | 'info' | 'warning' | 'error', n: number): string {
  const words = { none: 'passed', info: 'info', warning: n === 1 ? 'warning' : 'warnings', error: n === 1 ? 'error' : 'errors' };
  return `${formatCount(n)} ${words[s]}`;
}

function header(): HTMLElement {
  const th = (cls: string, text: string, title?: string) => h('div', { class: cls, role: 'columnheader', title }, text);
  return h(
    'div',
    { class: 'suite-row head', role: 'row', 'aria-rowindex': '1' },
    th('cell-cmp', 'Comparison'),
    th('cell-sev', 'Result', 'The most severe finding of the comparison'),
    th('cell-drifted num', 'Drifted', 'Drifted columns of the judged columns'),
    th('cell-dataset', 'Dataset', 'Dataset drift verdict'),
    th('cell-findings', 'Findings', 'The most severe column findings'),
  );
}

function resultRow(r: SuiteComparisonResult, index: number): HTMLElement {
  const td = (cls: string, ...children: Child[]) => h('div', { class: cls, role: 'gridcell' }, ...children);
  const key = resultKey(r);
  const openable = !!r.report;
  const files = `${baseName(r.referencePath)} → ${baseName(r.currentPath)}`;
  const result = badge(resultLabel(key), TONES[key], key === 'failed' ? errorText(r) : undefined);
  const shown = worstColumns(r, FINDINGS);
  const more = findingCount(r) - shown.length;
  const report = r.report;
  return h(
    'div',
    {
      class: 'suite-row',
      role: 'row',
      tabindex: '-1',
      'aria-rowindex': String(index + 2),
      'data-index': String(index),
      'data-id': r.id,
      'data-severity': key,
      'data-openable': String(openable),
      title: openable ? 'Open this comparison (Enter)' : undefined,
    },
    td(
      'cell-cmp',
      h('div', { class: 'cmp-name' }, r.name),
      h('div', { class: 'sub files', title: `Reference: ${r.referencePath}\nCurrent: ${r.currentPath}` }, files),
    ),
    td('cell-sev', result, typeof r.durationMs === 'number' ? h('div', { class: 'sub' }, formatDuration(r.durationMs)) : null),
    td(
      'cell-drifted num',
      report ? h('span', { class: 'value', title: 'Drifted columns of the judged columns' }, driftedText(r)) : h('span', { class: 'muted' }, '—'),
      report && report.columns.length !== report.judgedColumns ? h('div', { class: 'sub' }, `${formatCount(report.columns.length)} columns`) : null,
    ),
    td(
      'cell-dataset',
      report ? verdictTag(datasetText(r), report.datasetDrift, r.datasetMessage) : h('span', { class: 'muted' }, '—'),
      r.datasetMessage && r.datasetSeverity ? h('div', { class: 'sub', 'data-severity': severityOf(r.datasetSeverity), title: r.datasetMessage }, resultLabel(severityOf(r.datasetSeverity))) : null,
    ),
    td(
      'cell-findings',
      key === 'failed'
        ? h('div', { class: 'finding-line failed' }, errorText(r))
        : shown.length
          ? null
          : h('div', { class: 'muted' }, `All ${formatCount(r.columns?.length ?? 0)} columns passed`),
      ...shown.map((c) =>
        h(
          'div',
          { class: 'finding-line', 'data-severity': severityOf(c.severity), 'data-finding-column': c.name, title: c.message },
          h('span', { class: 'sev-dot', 'aria-hidden': 'true' }),
          h('span', { class: 'visually-hidden' }, `${resultLabel(severityOf(c.severity))}: `),
          c.message,
        ),
      ),
      more > 0 ? h('div', { class: 'sub' }, `and ${formatCount(more)} more ${more === 1 ? 'finding' : 'findings'}`) : null,
    ),
  );
}
