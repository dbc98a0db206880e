/**
 * One row per column, in report order: name and type, test, statistic, p-value, threshold, verdict and a
 * reference-vs-current chart (or, without a chart, the reason). Each row carries data-column and
 * data-drifted so tests and styles can find it.
 */
import type { ColumnResult, DriftReport } from '../src/core/suite/report';
import { findingText } from '../src/core/suite/findingText';
import { verdictTag } from './components/tag';
import { drawChart } from './charts';
import { h, type Child } from './dom';
import {
  adjustedText,
  effectText,
  exactNumber,
  formatCount,
  formatNumber,
  testName,
  thresholdText,
  typeText,
  verdictText,
} from './format';

export interface TableResult {
  element: HTMLElement;
  rows: number;
  charts: number;
}

export function renderColumnTable(report: DriftReport): TableResult {
  let charts = 0;
  const rows = report.columns.map((c) => {
    const { row, charted } = columnRow(c);
    if (charted) charts++;
    return row;
  });
  const element = h(
    'section',
    { 'aria-label': 'Columns' },
    h(
      'div',
      { class: 'toolbar' },
      h('h2', {}, `Columns (${report.columns.length})`),
      h(
        'div',
        { class: 'legend', 'aria-label': 'Chart legend' },
        h('span', {}, h('i', { class: 'swatch reference' }), 'Reference'),
        h('span', {}, h('i', { class: 'swatch current' }), 'Current'),
      ),
    ),
    h(
      'div',
      { class: 'scroll' },
      h('div', { class: 'table', role: 'table', 'aria-label': 'Drift per column' }, header(), h('div', { role: 'rowgroup' }, ...rows)),
    ),
  );
  return { element, rows: rows.length, charts };
}

function header(): HTMLElement {
  const th = (cls: string, text: string, title?: string) => h('div', { class: cls, role: 'columnheader', title }, text);
  return h(
    'div',
    { class: 'grid-row head', role: 'row' },
    th('cell-name', 'Column'),
    th('cell-test', 'Test'),
    th('cell-stat num', 'Statistic', 'Test statistic; for distances, the distance itself'),
    th('cell-p num', 'p-value'),
    th('cell-thr num', 'Threshold', 'Drift when the p-value is below, or the distance at or above, this'),
    th('cell-verdict', 'Verdict'),
    th('cell-chart', 'Distribution', 'Share of non-missing values per bin or category'),
  );
}

function columnRow(c: ColumnResult): { row: HTMLElement; charted: boolean } {
  const chart = c.chart ? drawChart(c.name, c.chart, c.type === 'datetime') : null;
  const td = (cls: string, ...children: Child[]) => h('div', { class: cls, role: 'cell' }, ...children);
  const nonNull = `${formatCount(c.referenceNonNull)} / ${formatCount(c.currentNonNull)} values`;
  const row = h(
    'div',
    {
      class: 'grid-row',
      role: 'row',
      'data-column': c.name,
      'data-drifted': String(c.drifted),
      'data-status': c.status,
    },
    td(
      'cell-name',
      h('div', { class: 'name', title: c.name }, c.name),
      h('div', { class: 'sub' }, typeText(c)),
      h('div', { class: 'sub', title: 'Non-missing values: reference / current' }, nonNull),
      ...(c.findings ?? []).filter((f) => f.kind !== 'only_in_reference' && f.kind !== 'only_in_current').map((f) =>
        h('div', { class: 'sub finding', 'data-finding': f.kind }, findingText(f)),
      ),
    ),
    td('cell-test', testName(c.test), sub(effectText(c), 'Effect size: how far the distributions moved')),
    td('cell-stat num', numberSpan(c.statistic)),
    td('cell-p num', numberSpan(c.pValue), sub(adjustedText(c), 'p-value adjusted for testing many columns')),
    td('cell-thr num', thresholdText(c)),
    td('cell-verdict', verdictTag(verdictText(c), c.drifted, c.message)),
    td(
      'cell-chart',
      h('div', { class: 'chart-slot' }, chart ?? h('div', { class: 'message' }, c.message ?? 'No distribution to show.')),
    ),
  );
  return { row, charted: chart !== null };
}

function sub(text: string, title: string): HTMLElement | null {
  return text ? h('div', { class: 'sub', title }, text) : null;
}

function numberSpan(x: number | null): HTMLElement {
  return h('span', { title: exactNumber(x) || undefined }, formatNumber(x));
}
