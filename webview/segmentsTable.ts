/**
 * Segments: the analysis repeated on the rows of each value of the segment column, one table row per segment
 * (largest first): rows per side, the segment's dataset verdict and drift share, its drifted columns (the first
 * few, each opening its column's detail), label and prediction drift, and the change of the first metric.
 */
import type { SegmentResult, SegmentsReport } from '../src/core/suite/modelTypes';
import { badge } from './components/badge';
import { verdictTag } from './components/tag';
import { h, type Child } from './dom';
import { formatCount, formatShare } from './format';
import { driftWord, keyMetric, omittedText, segmentsSummary } from './modelFormat';
import { collapsible, columnLink, factsTable, scroller, type ModelHandlers } from './modelDom';

/** Drifted column names shown per segment before "+N more". */
const NAMES = 3;

export function segmentsSection(s: SegmentsReport, handlers: ModelHandlers): HTMLElement {
  const drifted = s.segments.some((x) => x.datasetDrift === true);
  const metric = s.segments.map((x) => keyMetric(x)).find((k) => k !== null);
  const table = factsTable(
    `Drift and performance per value of ${s.column}`,
    [
      { text: 'Segment' },
      { text: 'Rows (ref / cur)', num: true },
      { text: 'Dataset' },
      { text: 'Drift share', num: true },
      { text: 'Drifted columns' },
      { text: 'Label' },
      { text: 'Prediction' },
      { text: metric ? metric.name : 'Key metric' },
      { text: 'Metric verdict' },
    ],
    s.segments.map((seg) => ({ cells: segmentCells(seg, handlers), attrs: { 'data-segment': seg.value, 'data-drifted': String(seg.datasetDrift) } })),
    'segments',
  );
  return collapsible(
    'segments',
    'Segments',
    [h('span', { class: 'muted summary-note' }, 'by '), h('span', { class: 'name summary-note' }, s.column), badge(segmentsSummary(s.segments), drifted ? 'bad' : 'good')],
    s.segments.length ? scroller('Segments', table) : null,
    s.omitted > 0 ? h('p', { class: 'muted model-note', id: 'segments-omitted' }, omittedText(s.omitted)) : null,
  );
}

function segmentCells(seg: SegmentResult, handlers: ModelHandlers): Child[] {
  const key = keyMetric(seg);
  const names = seg.driftedColumns.slice(0, NAMES);
  const more = seg.driftedColumns.length - names.length;
  return [
    h('span', { class: 'segment-value' }, seg.value, seg.message ? h('span', { class: 'sub' }, seg.message) : null),
    `${formatCount(seg.referenceRows)} / ${formatCount(seg.currentRows)}`,
    verdictTag(driftWord(seg.datasetDrift), seg.datasetDrift, seg.message),
    seg.datasetDrift === null ? '—' : h('span', { title: `${seg.driftedColumns.length} of ${seg.judgedColumns} judged columns` }, formatShare(seg.driftShare)),
    names.length
      ? h(
          'span',
          { class: 'drifted-names', title: seg.driftedColumns.join(', ') },
          ...names.flatMap((n, i) => [i > 0 ? ', ' : null, columnLink(n, handlers)]),
          more > 0 ? h('span', { class: 'muted' }, ` +${more} more`) : null,
        )
      : h('span', { class: 'muted' }, 'none'),
    verdictTag(driftWord(seg.labelDrifted), seg.labelDrifted),
    verdictTag(driftWord(seg.predictionDrifted), seg.predictionDrifted),
    key ? key.change : '—',
    key ? verdictTag(key.verdict.text, key.verdict.drifted, key.verdict.title) : '—',
  ];
}
