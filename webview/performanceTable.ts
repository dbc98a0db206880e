/**
 * Performance drift: the headline (degraded or holds), the rows each side had with both target and prediction,
 * one table row per metric (reference, current, difference, bootstrap interval, worsening vs allowed, verdict),
 * the confusion matrices for classification, and the notes.
 */
import type { MetricResult, PerformanceReport } from '../src/core/suite/modelTypes';
import { badge } from './components/badge';
import { verdictTag } from './components/tag';
import { renderConfusionPair } from './confusion';
import { h, type Child } from './dom';
import { exactNumber, formatCount, formatNumber } from './format';
import { bootstrapText, directionText, intervalText, metricName, metricVerdict, metricWhy, performanceHeadline, signedNumber, worseningVsAllowed } from './modelFormat';
import { collapsible, columnLink, factsTable, notesList, scroller, type ModelHandlers } from './modelDom';

export function performanceBadge(p: PerformanceReport): HTMLElement {
  const el = badge(performanceHeadline(p), p.degraded ? 'bad' : 'good');
  el.classList.add('performance-headline');
  return el;
}

export function renderPerformance(p: PerformanceReport, handlers: ModelHandlers): HTMLElement {
  const number = (x: number | null) => h('span', { title: exactNumber(x) || undefined }, formatNumber(x));
  const table = factsTable(
    `Performance of ${p.target} on each side`,
    [
      { text: 'Metric' },
      { text: 'Reference', num: true },
      { text: 'Current', num: true },
      { text: 'Difference', num: true, title: 'current − reference' },
      { text: 'Interval', num: true, title: 'Bootstrap interval of the difference' },
      { text: 'Change vs allowed', num: true, title: 'Relative worsening, and the worsening tolerated' },
      { text: 'Verdict' },
    ],
    p.metrics.map((m) => ({ cells: metricCells(m, number), attrs: { 'data-metric': m.metric, 'data-degraded': String(m.degraded) } })),
    'performance',
  );
  // The ' ' are for the text (copy, screen readers); the line's layout spaces its items itself.
  const roles: Child[] = [
    h('span', { class: 'label' }, 'Target'),
    ' ',
    columnLink(p.target, handlers),
    ...(p.prediction ? [' ', h('span', { class: 'label' }, 'prediction'), ' ', columnLink(p.prediction, handlers)] : []),
    ...(p.score ? [' ', h('span', { class: 'label' }, 'score'), ' ', columnLink(p.score, handlers)] : []),
    ' ',
  ];
  return h(
    'div',
    { class: 'performance' },
    h(
      'p',
      { class: 'model-line', id: 'performance-rows' },
      ...roles,
      h('span', { class: 'muted' }, `· rows with target and prediction: ${formatCount(p.referenceRows)} reference, ${formatCount(p.currentRows)} current`),
    ),
    p.metrics.length ? scroller('Performance metrics', table) : h('p', { class: 'muted' }, 'No metric could be computed.'),
    metricMessages(p.metrics),
    p.confusion
      ? h(
          'section',
          { class: 'model-sub', 'aria-labelledby': 'confusion-title' },
          h('h4', { id: 'confusion-title' }, 'Confusion matrices', h('span', { class: 'muted' }, ' · cells shaded by share of the true class')),
          scroller('Confusion matrices', renderConfusionPair(p.confusion, p.target)),
        )
      : null,
    h('p', { class: 'muted model-note' }, bootstrapText(p.bootstrap)),
    notesList(p.notes, 'performance-notes'),
  );
}

/** Why a metric has no verdict (or anything else a metric says), under the table: "Log loss: …". */
function metricMessages(metrics: readonly MetricResult[]): HTMLElement | null {
  const said = metrics.filter((m) => m.message);
  if (!said.length) return null;
  return h(
    'ul',
    { class: 'model-notes', id: 'metric-messages' },
    ...said.map((m) => h('li', { 'data-metric': m.metric }, h('span', { class: 'label' }, `${metricName(m.metric)}: `), m.message!)),
  );
}

function metricCells(m: MetricResult, number: (x: number | null) => HTMLElement): Child[] {
  const v = metricVerdict(m);
  const tag = verdictTag(v.text, v.drifted, metricWhy(m));
  return [
    h('span', { class: 'metric', title: directionText(m) }, metricName(m.metric), h('span', { class: 'direction', 'aria-label': directionText(m) }, m.higherIsBetter ? ' ↑' : ' ↓')),
    number(m.reference),
    number(m.current),
    h('span', { title: exactNumber(m.difference) || undefined }, signedNumber(m.difference)),
    intervalText(m.ci),
    worseningVsAllowed(m),
    tag,
  ];
}

/** The performance section, with the headline badge in its summary line. */
export function performanceSection(p: PerformanceReport, handlers: ModelHandlers): HTMLElement {
  return collapsible('performance', 'Performance', [performanceBadge(p)], renderPerformance(p, handlers));
}
