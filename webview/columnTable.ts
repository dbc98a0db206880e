/**
 * The column rows: name and type, test, statistic, p-value, threshold, verdict and a small reference-vs-current
 * chart. Built for reports with thousands of columns: rows are created in batches as the user scrolls towards
 * the end of what exists, and each chart is drawn only when its row comes near the viewport. Each row carries
 * data-column, data-drifted and data-status (and data-verdict) so tests and styles can find it.
 */
import type { ColumnResult } from '../src/core/suite/report';
import { findingText } from '../src/core/suite/findingText';
import { verdictTag } from './components/tag';
import { destroyCharts, drawChart } from './charts';
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
import { rowNavigation } from './rowNavigation';
import { typeIcon } from './typeIcon';

/** Rows created per batch: enough to fill a tall panel, few enough to create in a frame. */
const BATCH = 40;
/** Create the next batch (and draw charts) this far before they scroll into view. */
const AHEAD = '600px';
const CHART_AHEAD = '200px';

export interface TableOptions {
  /** Enter on a row, or a click: open the column's detail. */
  onOpen(name: string): void;
}

export interface ColumnTable {
  element: HTMLElement;
  /** Column rows in the table (all of them, created or not yet). */
  rows: number;
  /** Charts drawn so far (the rows that have been near the viewport). */
  charts(): number;
  /** Resolves once the charts of the rows in view at first layout are drawn. */
  settled: Promise<void>;
  /** Creates rows up to `name`'s, scrolls it into view and optionally focuses it; false when not shown. */
  reveal(name: string, focus: boolean): boolean;
  /** Marks the row whose detail is open. */
  select(name: string | null): void;
  /** Creates rows until the page is tall enough to scroll to `top` (restoring a saved scroll position). */
  fill(top: number): void;
  /** Stops the observers and destroys the charts. */
  destroy(): void;
}

export function renderColumnTable(columns: readonly ColumnResult[], options: TableOptions): ColumnTable {
  const body = h('div', { role: 'rowgroup' });
  const sentinel = h('div', { class: 'sentinel', 'aria-hidden': 'true' });
  const byName = new Map<string, HTMLElement>();
  let created = 0;
  let drawn = 0;

  let settle: () => void = () => {};
  const settled = new Promise<void>((resolve) => (settle = resolve));

  const chartObserver = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        chartObserver.unobserve(entry.target);
        const slot = entry.target as HTMLElement;
        const c = columns[Number(slot.dataset.index)];
        const canvas = c?.chart ? drawChart(c.name, c.chart, { dates: c.type === 'datetime', group: 'table' }) : null;
        slot.replaceChildren(canvas ?? h('div', { class: 'message' }, 'The chart could not be drawn.'));
        if (canvas) drawn++;
      }
      settle();
    },
    { rootMargin: `${CHART_AHEAD} 0px` },
  );

  const batchObserver = new IntersectionObserver(
    (entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      addBatch();
      // Observe again: if the sentinel is still in range after the new rows, this fires once more.
      batchObserver.unobserve(sentinel);
      if (created < columns.length) batchObserver.observe(sentinel);
    },
    { rootMargin: `${AHEAD} 0px` },
  );

  function addBatch(): void {
    const end = Math.min(columns.length, created + BATCH);
    const fragment = document.createDocumentFragment();
    for (let i = created; i < end; i++) {
      const row = columnRow(columns[i], i);
      byName.set(columns[i].name, row);
      fragment.appendChild(row);
      const slot = row.querySelector<HTMLElement>('.chart-slot[data-index]');
      if (slot) chartObserver.observe(slot);
    }
    created = end;
    body.appendChild(fragment);
    if (created >= columns.length) sentinel.remove();
  }

  function renderThrough(index: number): void {
    while (created <= index && created < columns.length) addBatch();
  }

  function rowAt(index: number): HTMLElement | null {
    if (index < 0 || index >= columns.length) return null;
    renderThrough(index);
    return byName.get(columns[index].name) ?? null;
  }

  const element = h(
    'div',
    { class: 'scroll' },
    h(
      'div',
      { class: 'table', role: 'grid', 'aria-label': 'Drift per column', 'aria-rowcount': String(columns.length + 1), 'aria-readonly': 'true' },
      header(),
      body,
    ),
    sentinel,
  );

  if (columns.length === 0) settle();
  addBatch();
  const nav = rowNavigation(
    body,
    {
      selector: '.grid-row[data-column]',
      count: () => columns.length,
      rowAt,
      open: (row) => options.onOpen(row.dataset.column!),
    },
    body.firstElementChild as HTMLElement | null,
  );
  if (created < columns.length) batchObserver.observe(sentinel);

  return {
    element,
    rows: columns.length,
    charts: () => drawn,
    settled,
    reveal(name, focus) {
      const index = columns.findIndex((c) => c.name === name);
      const row = rowAt(index);
      if (!row) return false;
      nav.setActive(row, focus);
      row.scrollIntoView({ block: 'nearest' });
      return true;
    },
    select(name) {
      for (const row of body.querySelectorAll('[aria-selected="true"]')) row.setAttribute('aria-selected', 'false');
      if (name !== null) byName.get(name)?.setAttribute('aria-selected', 'true');
    },
    fill(top) {
      while (created < columns.length && document.documentElement.scrollHeight < top + window.innerHeight) addBatch();
    },
    destroy() {
      chartObserver.disconnect();
      batchObserver.disconnect();
      destroyCharts('table');
    },
  };
}

function header(): HTMLElement {
  const th = (cls: string, text: string, title?: string) => h('div', { class: cls, role: 'columnheader', title }, text);
  return h(
    'div',
    { class: 'grid-row head', role: 'row', 'aria-rowindex': '1' },
    th('cell-name', 'Column'),
    th('cell-test', 'Test'),
    th('cell-stat num', 'Statistic', 'Test statistic; for distances, the distance itself'),
    th('cell-p num', 'p-value'),
    th('cell-thr num', 'Threshold', 'Drift when the p-value is below, or the distance at or above, this'),
    th('cell-verdict', 'Verdict'),
    th('cell-chart', 'Distribution', 'Share of non-missing values per bin or category: reference filled, current outlined'),
  );
}

/** "drift", "major", "no-drift", or the status of a column without a verdict: for tests and styles. */
export function verdictKey(c: ColumnResult): string {
  if (c.drifted === true) return c.major ? 'major' : 'drift';
  if (c.drifted === false) return 'no-drift';
  return c.status;
}

function columnRow(c: ColumnResult, index: number): HTMLElement {
  const td = (cls: string, ...children: Child[]) => h('div', { class: cls, role: 'gridcell' }, ...children);
  const nonNull = `${formatCount(c.referenceNonNull)} / ${formatCount(c.currentNonNull)} values`;
  const findings = (c.findings ?? []).filter((f) => f.kind !== 'only_in_reference' && f.kind !== 'only_in_current');
  return h(
    'div',
    {
      class: 'grid-row',
      role: 'row',
      tabindex: '-1',
      'aria-rowindex': String(index + 2),
      'aria-selected': 'false',
      'data-index': String(index),
      'data-column': c.name,
      'data-drifted': String(c.drifted),
      'data-status': c.status,
      'data-verdict': verdictKey(c),
    },
    td(
      'cell-name',
      h(
        'div',
        { class: 'name-line' },
        typeIcon(c),
        h('span', { class: 'name', title: c.name }, c.name),
        // The column's role for the model (target, prediction, …), when it has one.
        c.role ? h('span', { class: 'role-chip', 'data-role': c.role, title: `Role: ${c.role}` }, c.role) : null,
      ),
      h('div', { class: 'sub' }, `${typeText(c)} · `, h('span', { title: 'Non-missing values: reference / current' }, nonNull)),
      ...findings.slice(0, 2).map((f) => {
        const text = findingText(f);
        return h('div', { class: 'sub finding', 'data-finding': f.kind, title: text }, text);
      }),
      findings.length > 2 ? h('div', { class: 'sub finding' }, `and ${findings.length - 2} more findings`) : null,
    ),
    td('cell-test', testName(c.test), sub(effectText(c), 'Effect size: how far the distributions moved')),
    td('cell-stat num', numberSpan(c.statistic)),
    td('cell-p num', numberSpan(c.pValue), sub(adjustedText(c), 'p-value adjusted for testing many columns')),
    td('cell-thr num', thresholdText(c)),
    td('cell-verdict', verdictTag(verdictText(c), c.drifted, c.message)),
    td(
      'cell-chart',
      c.chart
        ? h('div', { class: 'chart-slot', 'data-index': String(index) })
        : h('div', { class: 'chart-slot' }, h('div', { class: 'message' }, c.message ?? 'No distribution to show.')),
    ),
  );
}

function sub(text: string, title: string): HTMLElement | null {
  return text ? h('div', { class: 'sub', title }, text) : null;
}

function numberSpan(x: number | null): HTMLElement {
  return h('span', { title: exactNumber(x) || undefined }, formatNumber(x));
}
