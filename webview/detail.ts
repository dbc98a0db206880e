/**
 * One column in detail, beside the table: its verdict and why, the test's numbers, a large overlaid chart with
 * its values as a table, each side's missing values and quantiles, the findings, and (with an extension to ask)
 * every other test that fits plus the controls to change the column's test and threshold.
 */
import type { ColumnResult, DriftReport, TestId } from '../src/core/suite/report';
import type { ColumnRole } from '../src/core/suite/modelTypes';
import { verdictTag } from './components/tag';
import { destroyCharts, drawChart } from './charts';
import { chartValuesTable, findingsList, sidesTable } from './detailTables';
import { renderTestsSection, type TestsSection, type TestsState } from './detailTests';
import { h, type Child } from './dom';
import { adjustedText, exactNumber, formatCount, formatNumber, testName, thresholdText, typeText, verdictText } from './format';
import { roleOf } from './modelFormat';
import { detailOverTime } from './overTime';
import { roleControl } from './roleSelect';
import { typeIcon } from './typeIcon';

export interface DetailHandlers {
  close(): void;
  /** Null when there is no extension to run tests (offline page). */
  tests: { retry(): void; apply(test: TestId | null, threshold: number | null): void } | null;
  /** Give the column a role (null: none) and compare again; null or absent when there is no extension (offline page). */
  setRole?: ((role: ColumnRole | null) => void) | null;
}

export interface DetailView {
  element: HTMLElement;
  column: string;
  setTests(state: TestsState): void;
  running(): void;
  failed(message: string): void;
  focus(): void;
  destroy(): void;
}

export function renderDetail(report: DriftReport, c: ColumnResult, handlers: DetailHandlers): DetailView {
  const close = h('button', { class: 'icon-button close', type: 'button', id: 'detail-close', 'aria-label': 'Close details (Escape)', title: 'Close (Escape)' }, '×');
  close.addEventListener('click', handlers.close);
  const title = h('h2', { id: 'detail-title', class: 'name', tabindex: '-1' }, c.name);

  const tests: TestsSection | null = handlers.tests ? renderTestsSection(c, handlers.tests) : null;

  const element = h(
    'aside',
    { class: 'detail', id: 'detail', role: 'region', 'aria-labelledby': 'detail-title', 'data-column': c.name },
    h('header', { class: 'detail-head' }, typeIcon(c), title, verdictTag(verdictText(c), c.drifted, c.message), close),
    h('p', { class: 'why' }, whyText(report, c)),
    facts(c, roleControl(c.name, roleOf(c, report.model?.roles), handlers.setRole ?? null)),
    chartSection(c),
    detailOverTime(report, c.name),
    section('Per side', sidesTable(c)),
    section('Findings', findingsList((c.findings ?? []).filter((f) => f.kind !== 'only_in_reference' && f.kind !== 'only_in_current'))),
    tests?.element,
  );

  return {
    element,
    column: c.name,
    setTests: (state) => tests?.set(state),
    running: () => tests?.running(),
    failed: (message) => tests?.failed(message),
    focus: () => title.focus(),
    destroy: () => destroyCharts('detail'),
  };
}

function section(heading: string, content: HTMLElement | null, ...more: Child[]): HTMLElement | null {
  return content ? h('section', { class: 'detail-section' }, h('h3', {}, heading), content, ...more) : null;
}

function facts(c: ColumnResult, role: Child): HTMLElement {
  const item = (label: string, value: Child, title?: string) => [h('dt', {}, label), h('dd', { title }, value)];
  const adjusted = adjustedText(c);
  return h(
    'dl',
    { class: 'detail-facts' },
    ...item('Type', typeText(c)),
    ...item('Test', testName(c.test)),
    ...item('Statistic', formatNumber(c.statistic), exactNumber(c.statistic) || undefined),
    ...(c.testKind === 'distance' ? [] : item('p-value', `${formatNumber(c.pValue)}${adjusted ? ` (${adjusted})` : ''}`, exactNumber(c.pValue) || undefined)),
    ...item('Threshold', thresholdText(c)),
    ...(c.effectSize != null ? item('Effect size', `${formatNumber(c.effectSize)}${c.effectSizeMeasure ? ` (${testName(c.effectSizeMeasure)})` : ''}`, 'How far the distributions moved') : []),
    ...item('Values', `${formatCount(c.referenceNonNull)} reference, ${formatCount(c.currentNonNull)} current`, 'Non-missing values compared'),
    ...item('Role', role, 'The column\'s role for the model (target, prediction, score, segment, timestamp, id)'),
  );
}

function chartSection(c: ColumnResult): HTMLElement | null {
  if (!c.chart) return null;
  const canvas = drawChart(c.name, c.chart, { dates: c.type === 'datetime', size: 'large', group: 'detail' });
  const numeric = c.chart.kind === 'numeric';
  return h(
    'section',
    { class: 'detail-section' },
    h(
      'h3',
      {},
      numeric ? 'Distribution on shared bins' : 'Category shares',
      h(
        'span',
        { class: 'legend', 'aria-hidden': 'true' },
        h('span', {}, h('i', { class: 'swatch reference' }), 'Reference'),
        h('span', {}, h('i', { class: 'swatch current' }), 'Current'),
      ),
    ),
    h('div', { class: 'detail-chart' }, canvas ?? h('div', { class: 'message' }, 'The chart could not be drawn.')),
    h('details', { class: 'chart-values' }, h('summary', {}, 'Chart values'), chartValuesTable(c, c.chart)),
  );
}

const CHOICE: Record<NonNullable<ColumnResult['choiceSource']>, string> = {
  default: 'the default for this column',
  type: `set for ${'{type}'} columns (driftInspector.testsByType)`,
  column: 'set for this column (driftInspector.testsByColumn)',
};

/** One sentence on how the verdict came about, in the test's own terms. */
export function whyText(report: DriftReport, c: ColumnResult): string {
  const source = c.choiceSource ? ` Test: ${CHOICE[c.choiceSource].replace('{type}', c.type)}.` : '';
  if (c.drifted === null) return `${c.message ?? verdictText(c)}.`.replace(/\.\.$/, '.');
  const verdict = c.drifted ? (c.major ? 'major drift' : 'drift') : 'no drift';
  if (c.testKind === 'distance') {
    const at = c.statistic !== null && c.threshold !== null && c.statistic >= c.threshold ? '≥' : '<';
    const major = c.major ? ', at or above the major-shift threshold' : '';
    return `${testName(c.test)} ${formatNumber(c.statistic)} ${at} ${formatNumber(c.threshold)}${major}: ${verdict}.${source}`;
  }
  const corrected = report.correction !== 'none' && c.adjustedPValue !== null;
  const p = corrected ? c.adjustedPValue : c.pValue;
  const at = p !== null && c.threshold !== null && p < c.threshold ? '<' : '≥';
  return `${corrected ? 'Adjusted p-value' : 'p-value'} ${formatNumber(p)} ${at} ${formatNumber(c.threshold)}: ${verdict}.${source}`;
}
