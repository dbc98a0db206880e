/**
 * "Drift over time" (a report's `overTime`): a collapsible section after the model sections and before the column
 * table. It says how the current file was cut into windows, then shows a heat map (a real table: columns as rows,
 * windows as columns, each cell shaded by the window's drift score and marked when it drifted, its value as text
 * for screen readers; the 30 most drifted columns), a line chart of the selected row's score per window (a click,
 * Enter or Space on a row selects it; opening a column's detail selects it too) with detectors' change points, the
 * model error stream's change points, and a table of the detector runs. The detail view gets the same line chart
 * for its column (detailOverTime). Every report string goes in as text; shades are data attributes styled by the
 * stylesheet, so nothing needs an inline style attribute.
 */
import type { DriftReport } from '../src/core/suite/report';
import type { ColumnOverTime, DetectorRun, OverTimeReport } from '../src/core/suite/overTimeTypes';
import { destroyCharts } from './charts';
import { h } from './dom';
import { formatCount } from './format';
import { collapsible, columnLink, factsTable, notesList, scroller, type ModelHandlers } from './modelDom';
import { drawErrorStreamChart, drawScoreChart } from './overTimeCharts';
import {
  cellText,
  cellTitle,
  changePointsText,
  changePointSummary,
  chartThreshold,
  compactNumber,
  detectorName,
  detectorsFor,
  driftedWindows,
  driftSummary,
  initialColumn,
  levelLabels,
  maxScore,
  omittedText,
  orderColumns,
  scoreLevel,
  spanText,
  streamText,
  thinLabels,
  windowingText,
} from './overTimeFormat';
import { rowNavigation } from './rowNavigation';

/** Window labels drawn in the heat map's header at most (the others stay as text for screen readers). */
const MAX_HEADER_LABELS = 40;

export interface OverTimeView {
  element: HTMLElement;
  /** Shows this column's chart when the heat map has it (a column's detail opened); otherwise nothing changes. */
  select(name: string): void;
}

/** Null for a report without `overTime` (nothing is drawn, nothing changes). */
export function renderOverTime(report: DriftReport, handlers: ModelHandlers, preferred?: string | null): OverTimeView | null {
  const ot = report.overTime;
  if (!ot) return null;
  const { rows, omitted } = orderColumns(ot.columns);
  let selected = initialColumn(rows, preferred);

  const chartHost = h('div', { class: 'over-time-chart', id: 'over-time-chart' });
  const drawSelected = () => {
    destroyCharts('overTime');
    const column = rows.find((c) => c.name === selected);
    chartHost.replaceChildren(...(column ? columnChart(ot, column, handlers) : [h('p', { class: 'muted' }, 'No column to chart.')]));
    if (column) chartHost.dataset.column = column.name;
    else delete chartHost.dataset.column;
  };

  const table = heatMap(ot, rows);
  const body = table.tBodies[0];
  const rowEls = [...body.rows] as HTMLTableRowElement[];
  const mark = () => rowEls.forEach((r) => r.setAttribute('aria-selected', String(r.dataset.column === selected)));
  const nav = rowNavigation(
    body,
    {
      selector: 'tr[data-index]',
      count: () => rowEls.length,
      rowAt: (i) => rowEls[i] ?? null,
      open: (row) => choose(row.dataset.column ?? null),
    },
    rowEls.find((r) => r.dataset.column === selected) ?? rowEls[0] ?? null,
  );
  function choose(name: string | null): void {
    if (name === null || name === selected) return;
    selected = name;
    mark();
    drawSelected();
  }
  mark();
  drawSelected();

  const errorRuns = ot.detectors.filter((d) => d.stream.kind === 'error');
  const errorChart = errorRuns.length ? drawErrorStreamChart(errorRuns, ot.windows, 'overTime-errors') : null;
  const changes = changePointSummary(ot.detectors);
  const span = spanText(ot);

  const details = collapsible(
    'overTime',
    'Drift over time',
    [h('span', { class: 'summary-note', id: 'over-time-summary' }, driftSummary(ot.columns)), changes ? h('span', { class: 'muted summary-note' }, `· ${changes}`) : null],
    h('p', { class: 'model-line', id: 'over-time-windowing' }, h('span', {}, windowingText(ot)), span ? h('span', { class: 'muted' }, `· ${span}`) : null),
    notesList(ot.notes, 'over-time-notes'),
    rows.length
      ? h(
          'div',
          { class: 'heatmap-block' },
          heatLegend(),
          scroller('Drift score per column and window', table),
          omitted ? h('p', { class: 'muted model-note', id: 'over-time-omitted' }, omittedText(rows.length, omitted)) : null,
        )
      : h('p', { class: 'muted' }, 'No column was compared over time.'),
    rows.length ? chartHost : null,
    errorRuns.length
      ? h(
          'section',
          { class: 'model-sub', id: 'over-time-errors', 'aria-labelledby': 'over-time-errors-title' },
          h('h4', { id: 'over-time-errors-title' }, 'Model error stream', h('span', { class: 'muted' }, streamText(errorRuns[0].stream))),
          errorBox(errorRuns.length, errorChart),
        )
      : null,
    ot.detectors.length ? detectorsTable(ot, handlers) : null,
  );
  details.id = 'over-time';
  // A chart drawn in a folded section may have had no size: draw the selected one again when it unfolds.
  details.addEventListener('toggle', () => {
    if (details.open && (chartHost.querySelector('canvas')?.clientWidth ?? 1) === 0) drawSelected();
  });
  const element = h('div', { class: 'over-time-host' }, details);
  return {
    element,
    select(name) {
      const row = rowEls.find((r) => r.dataset.column === name);
      if (!row) return;
      nav.setActive(row, false);
      choose(name);
    },
  };
}

/** The over-time chart of one column for its detail view; null when the report has none for it. */
export function detailOverTime(report: DriftReport, name: string): HTMLElement | null {
  const ot = report.overTime;
  const column = ot?.columns.find((c) => c.name === name);
  if (!ot || !column) return null;
  const detectors = detectorsFor(ot.detectors, name);
  const threshold = chartThreshold(column);
  const canvas = drawScoreChart({ column, windows: ot.windows, detectors, threshold, group: 'detail' });
  const n = driftedWindows(column);
  return h(
    'section',
    { class: 'detail-section', id: 'detail-over-time' },
    h('h3', {}, 'Drift over time', chartLegend(threshold !== null, detectors.length > 0)),
    h('p', { class: 'muted over-time-caption' }, `${windowingText(ot)} · ${n ? `drift in ${formatCount(n)} of ${formatCount(ot.windows.length)} windows` : 'no drift in any window'}`),
    h('div', { class: 'over-time-canvas in-detail' }, canvas ?? h('div', { class: 'message' }, 'The chart could not be drawn.')),
  );
}

/** The heat map: a table with the windows as column headers and the columns as row headers. */
function heatMap(ot: OverTimeReport, rows: ColumnOverTime[]): HTMLTableElement {
  const shown = thinLabels(ot.windows.length, MAX_HEADER_LABELS);
  return h(
    'table',
    { class: 'heatmap', id: 'over-time-heatmap', 'data-windows': String(ot.windows.length) },
    h('caption', { class: 'visually-hidden' }, `Drift score of each column (rows) in each window (columns), ${windowingText(ot).toLowerCase()}. Select a row to chart it.`),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', class: 'hm-corner' }, 'Column'),
        ...ot.windows.map((w, i) =>
          h(
            'th',
            { scope: 'col', class: 'hm-window', title: `${w.label}: ${formatCount(w.rows)} ${w.rows === 1 ? 'row' : 'rows'}`, 'data-shown': String(shown[i]) },
            h('span', { class: shown[i] ? 'hm-label' : 'visually-hidden' }, w.label),
          ),
        ),
        h('th', { scope: 'col', class: 'hm-max num', title: 'The largest score over the windows' }, 'Max'),
      ),
    ),
    h(
      'tbody',
      {},
      ...rows.map((c, r) => {
        const best = maxScore(c);
        return h(
          'tr',
          { 'data-index': String(r), 'data-column': c.name, 'data-drifted': String(driftedWindows(c) > 0), tabindex: '-1', title: `Chart ${c.name} over time` },
          h('th', { scope: 'row', class: 'hm-name', title: c.name }, h('span', { class: 'name' }, c.name)),
          ...ot.windows.map((w, i) =>
            h(
              'td',
              { class: 'hm-cell', 'data-level': String(scoreLevel(c.scores[i])), 'data-drifted': String(c.drifted[i] === true), title: cellTitle(c, i, w) },
              h('span', { class: 'visually-hidden' }, cellText(c, i)),
            ),
          ),
          h('td', { class: 'hm-max num', 'data-level': String(scoreLevel(best)) }, compactNumber(best)),
        );
      }),
    ),
  );
}

/** The error stream chart's box: its height follows the detectors (set through the CSSOM, allowed by the CSP). */
function errorBox(detectors: number, canvas: HTMLCanvasElement | null): HTMLElement {
  const box = h('div', { class: 'over-time-canvas errors', 'data-detectors': String(detectors) }, canvas ?? h('div', { class: 'message' }, 'The chart could not be drawn.'));
  box.style.setProperty('--detectors', String(detectors));
  return box;
}

/** What the shades and marks mean (decorative: each cell's value is in the table as text). */
function heatLegend(): HTMLElement {
  return h(
    'div',
    { class: 'heat-legend', 'aria-hidden': 'true' },
    h('span', { class: 'muted' }, 'Score'),
    ...levelLabels().map((label, level) => h('span', { class: 'heat-key' }, h('span', { class: 'hm-swatch', 'data-level': String(level) }), label)),
    h('span', { class: 'heat-key' }, h('span', { class: 'hm-swatch', 'data-level': '-1' }), 'no data'),
    h('span', { class: 'heat-key' }, h('span', { class: 'hm-swatch', 'data-level': '3', 'data-drifted': 'true' }), 'drift'),
  );
}

function chartLegend(threshold: boolean, changes: boolean): HTMLElement {
  return h(
    'span',
    { class: 'legend', 'aria-hidden': 'true' },
    h('span', {}, h('i', { class: 'swatch reference' }), 'Score'),
    h('span', {}, h('span', { class: 'key-drift' }), 'Drift'),
    threshold ? h('span', {}, h('span', { class: 'key-threshold' }), 'Threshold') : null,
    changes ? h('span', {}, h('span', { class: 'key-change' }), 'Change point') : null,
  );
}

/** The selected column's chart, headed by its name (a link to its detail). */
function columnChart(ot: OverTimeReport, column: ColumnOverTime, handlers: ModelHandlers): HTMLElement[] {
  const detectors = detectorsFor(ot.detectors, column.name);
  const threshold = chartThreshold(column);
  const canvas = drawScoreChart({ column, windows: ot.windows, detectors, threshold, group: 'overTime' });
  const n = driftedWindows(column);
  return [
    h(
      'h4',
      { id: 'over-time-chart-title' },
      columnLink(column.name, handlers, 'chart-column'),
      h('span', { class: 'muted' }, `over time · ${n ? `drift in ${formatCount(n)} of ${formatCount(ot.windows.length)} windows` : 'no drift in any window'}`),
      chartLegend(threshold !== null, detectors.length > 0),
    ),
    h('div', { class: 'over-time-canvas' }, canvas ?? h('div', { class: 'message' }, 'The chart could not be drawn.')),
  ];
}

function detectorsTable(ot: OverTimeReport, handlers: ModelHandlers): HTMLElement {
  const stream = (d: DetectorRun) =>
    d.stream.kind === 'column'
      ? columnLink(d.stream.column, handlers)
      : h('span', {}, 'errors of ', columnLink(d.stream.prediction, handlers), ' vs ', columnLink(d.stream.target, handlers));
  const points = (d: DetectorRun) => {
    if (d.changePoints.length === 0) return h('span', { class: 'muted' }, d.message ? '—' : 'none');
    const { shown, more } = changePointsText(d.changePoints, ot.windows);
    return h('span', { class: 'change-points' }, ...shown.map((t) => h('span', { class: 'change-point' }, t)), more ? h('span', { class: 'muted' }, more) : null);
  };
  const table = factsTable(
    'Streaming change detectors: what each read, and where it signalled a change',
    [{ text: 'Detector' }, { text: 'Stream' }, { text: 'Values', num: true }, { text: 'Change points' }, { text: 'Message' }],
    ot.detectors.map((d) => ({
      cells: [detectorName(d.detector), stream(d), formatCount(d.length), points(d), d.message ? h('span', { class: 'detector-message' }, d.message) : h('span', { class: 'muted' }, '—')],
      attrs: { 'data-detector': d.detector, 'data-stream': d.stream.kind, 'data-changes': String(d.changePoints.length) },
    })),
    'detectors',
  );
  return h('section', { class: 'model-sub', id: 'over-time-detectors', 'aria-labelledby': 'over-time-detectors-title' }, h('h4', { id: 'over-time-detectors-title' }, 'Detectors'), scroller('Detectors', table));
}
