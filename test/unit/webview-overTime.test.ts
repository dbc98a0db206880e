/**
 * The drift panel's "Drift over time" words and choices (webview/overTimeFormat.ts): the windowing line, score →
 * shade level, the heat map's rows (order by max score, cap with a note), thinned window labels, cell tooltips and
 * screen-reader texts, detector and change-point texts, chart markers, the threshold line and the chart summary.
 * Pure code, no DOM.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ChangePoint, ColumnOverTime, DetectorRun, TimeWindow } from '../../src/core/suite/overTimeTypes';
import {
  cellText,
  cellTitle,
  changePointsText,
  changePointSummary,
  changePointText,
  chartSummaryText,
  chartThreshold,
  compactNumber,
  detectorName,
  detectorsFor,
  driftSummary,
  initialColumn,
  LEVEL_EDGES,
  levelLabels,
  markers,
  MAX_ROWS,
  maxScore,
  omittedText,
  orderColumns,
  scoreLevel,
  spanText,
  streamText,
  testValueText,
  thinLabels,
  windowingText,
} from '../../webview/overTimeFormat';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

function weeks(n: number): TimeWindow[] {
  return Array.from({ length: n }, (_, i) => ({ label: `2024-W${String(i + 1).padStart(2, '0')}`, start: START + i * 7 * DAY, end: START + (i + 1) * 7 * DAY, rows: 10 }));
}

function col(name: string, scores: (number | null)[], over: Partial<ColumnOverTime> = {}): ColumnOverTime {
  return {
    name,
    test: 'ks',
    threshold: 0.05,
    scores,
    statistics: scores.map((s) => (s === null ? null : s * 0.6)),
    pValues: scores.map((s) => (s === null ? null : s > 0.2 ? 1e-5 : 0.43)),
    drifted: scores.map((s) => (s === null ? null : s > 0.2)),
    ...over,
  };
}

const cp = (window: number, over: Partial<ChangePoint> = {}): ChangePoint => ({ index: window * 10 + 3, row: window * 10 + 5, timestamp: START + window * 7 * DAY + 2 * DAY, window, ...over });

test('windowingText: calendar periods of the timestamp, or N rows in file order', () => {
  assert.equal(windowingText({ timestamp: 'signup_date', window: { kind: 'week', size: 1 }, windows: weeks(23) }), 'By week of signup_date, 23 windows');
  assert.equal(windowingText({ timestamp: 'ts', window: { kind: 'day', size: 1 }, windows: weeks(1) }), 'By day of ts, 1 window');
  assert.equal(windowingText({ timestamp: 'ts', window: { kind: 'month', size: 1 }, windows: weeks(2) }), 'By month of ts, 2 windows');
  assert.equal(windowingText({ timestamp: null, window: { kind: 'rows', size: 500 }, windows: weeks(10) }), 'By 500 rows in file order, 10 windows');
  assert.equal(windowingText({ timestamp: 'ts', window: { kind: 'rows', size: 5000 }, windows: weeks(3) }), 'By 5,000 rows in order of ts, 3 windows');
});

test('spanText: the dates covered (end exclusive) and rows, or the row range', () => {
  assert.equal(spanText({ window: { kind: 'week', size: 1 }, windows: weeks(26) }), '2024-01-01 to 2024-06-30, 260 rows');
  const rows: TimeWindow[] = [
    { label: 'rows 1–500', start: 0, end: 500, rows: 500 },
    { label: 'rows 501–730', start: 500, end: 730, rows: 230 },
  ];
  assert.equal(spanText({ window: { kind: 'rows', size: 500 }, windows: rows }), 'rows 1 to 730');
  assert.equal(spanText({ window: { kind: 'rows', size: 500 }, windows: [] }), '');
});

test('scoreLevel: fixed edges, -1 without a score', () => {
  assert.deepEqual(LEVEL_EDGES, [0.05, 0.1, 0.2, 0.3, 0.5]);
  assert.equal(scoreLevel(0), 0);
  assert.equal(scoreLevel(0.049), 0);
  assert.equal(scoreLevel(0.05), 1);
  assert.equal(scoreLevel(0.0999), 1);
  assert.equal(scoreLevel(0.1), 2);
  assert.equal(scoreLevel(0.23), 3);
  assert.equal(scoreLevel(0.3), 4);
  assert.equal(scoreLevel(0.5), 5);
  assert.equal(scoreLevel(7), 5);
  assert.equal(scoreLevel(Number.POSITIVE_INFINITY), 5);
  assert.equal(scoreLevel(null), -1);
  assert.equal(scoreLevel(undefined), -1);
  assert.equal(scoreLevel(Number.NaN), -1);
  assert.deepEqual(levelLabels(), ['< 0.05', '0.05–0.1', '0.1–0.2', '0.2–0.3', '0.3–0.5', '≥ 0.5']);
});

test('compactNumber: two significant digits, scientific when tiny', () => {
  assert.equal(compactNumber(0.2345), '0.23');
  assert.equal(compactNumber(1.449), '1.4');
  assert.equal(compactNumber(0.007123), '0.0071');
  assert.equal(compactNumber(1e-5), '1e-5');
  assert.equal(compactNumber(1.2485e-20), '1e-20');
  assert.equal(compactNumber(0), '0');
  assert.equal(compactNumber(-0.25), '−0.25');
  assert.equal(compactNumber(null), '—');
  assert.equal(compactNumber(Number.POSITIVE_INFINITY), '∞');
  assert.equal(compactNumber(2_500_000), '2.5e6');
});

test('cell tooltips and screen-reader texts', () => {
  const w = weeks(3);
  const age = col('age', [0.04, 0.2345, null]);
  age.pValues[1] = 1e-5;
  assert.equal(cellTitle(age, 1, w[1]), 'age · 2024-W02: score 0.23, drift (KS p=1e-5)');
  assert.equal(cellTitle(age, 0, w[0]), 'age · 2024-W01: score 0.04, no drift (KS p=0.43)');
  assert.equal(cellTitle(age, 2, w[2]), 'age · 2024-W03: no usable values');
  assert.equal(cellText(age, 1), '0.23, drift');
  assert.equal(cellText(age, 0), '0.04');
  assert.equal(cellText(age, 2), 'no data');
  const psi = col('credit_score', [0.31], { test: 'psi', threshold: 0.1, pValues: [null], statistics: [0.31], drifted: [true] });
  assert.equal(cellTitle(psi, 0, w[0]), 'credit_score · 2024-W01: score 0.31, drift (PSI 0.31)');
  const unjudged = col('x', [0.1], { drifted: [null], pValues: [null], statistics: [null] });
  assert.equal(cellTitle(unjudged, 0, w[0]), 'x · 2024-W01: score 0.1, not judged');
  assert.equal(testValueText('chi2', 12.3, 0.0004), 'chi² p=0.0004');
  assert.equal(testValueText('ks', null, null), '');
  assert.equal(testValueText('something_new', 3, null), 'something_new 3');
});

test('orderColumns: by max score, then drifted windows, then report order; nulls last; capped', () => {
  const columns = [
    col('flat', [0.01, 0.02]),
    col('empty', [null, null]),
    col('big', [0.1, 0.6]),
    col('tieA', [0.3, 0.01], { drifted: [true, false] }),
    col('tieB', [0.3, 0.3], { drifted: [true, true] }),
    col('empty2', [null, null]),
  ];
  assert.deepEqual(orderColumns(columns).rows.map((c) => c.name), ['big', 'tieB', 'tieA', 'flat', 'empty', 'empty2']);
  assert.equal(orderColumns(columns).omitted, 0);
  const capped = orderColumns(columns, 3);
  assert.deepEqual(capped.rows.map((c) => c.name), ['big', 'tieB', 'tieA']);
  assert.equal(capped.omitted, 3);
  const many = Array.from({ length: 45 }, (_, i) => col(`c${i}`, [i / 100]));
  const r = orderColumns(many);
  assert.equal(MAX_ROWS, 30);
  assert.equal(r.rows.length, 30);
  assert.equal(r.rows[0].name, 'c44');
  assert.equal(r.omitted, 15);
  assert.equal(maxScore(col('m', [null, 0.2, 0.1])), 0.2);
  assert.equal(maxScore(col('n', [null])), null);
});

test('omitted and summary texts; the column a chart starts on', () => {
  assert.equal(omittedText(30, 15), 'Showing the 30 columns with the largest scores of 45; the other 15 are in each column’s detail.');
  assert.equal(omittedText(30, 1), 'Showing the 30 columns with the largest scores of 31; the other 1 is in its detail.');
  assert.equal(omittedText(8, 0), '');
  assert.equal(driftSummary([col('a', [0.3]), col('b', [0.01]), col('c', [0.25])]), '2 of 3 columns drifted in some window');
  assert.equal(driftSummary([col('b', [0.01])]), 'No column drifted in any window');
  const rows = [col('a', [0.3]), col('b', [0.1])];
  assert.equal(initialColumn(rows, 'b'), 'b');
  assert.equal(initialColumn(rows, 'zzz'), 'a');
  assert.equal(initialColumn(rows, null), 'a');
  assert.equal(initialColumn([], 'a'), null);
});

test('thinLabels: every k-th label when crowded, the first always, the last when not too close', () => {
  assert.deepEqual(thinLabels(0, 10), []);
  assert.ok(thinLabels(26, 40).every(Boolean));
  const sixty = thinLabels(60, 40);
  assert.equal(sixty.filter(Boolean).length, 30);
  assert.ok(sixty[0] && sixty[2] && !sixty[1]);
  // 100 labels, at most 10: step 10 → 0, 10, …, 90; 99 is 9 past 90, more than half a step: shown too.
  const hundred = thinLabels(100, 10);
  assert.deepEqual(hundred.map((s, i) => (s ? i : -1)).filter((i) => i >= 0), [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99]);
  // 91 labels, at most 10: step 10 → 0 … 90, and 90 is the last.
  assert.equal(thinLabels(91, 10).filter(Boolean).length, 10);
  // 92 labels: the last (91) is 1 past 90, too close: left out.
  assert.equal(thinLabels(92, 10)[91], false);
});

test('detectors: names, streams, the runs that belong on a column\'s chart', () => {
  assert.equal(detectorName('adwin'), 'ADWIN');
  assert.equal(detectorName('page_hinkley'), 'Page-Hinkley');
  assert.equal(detectorName('hddm_a'), 'HDDM-A');
  assert.equal(detectorName('future_one'), 'future_one');
  const error: DetectorRun = { detector: 'adwin', stream: { kind: 'error', target: 'default', prediction: 'predicted_default' }, length: 888, changePoints: [cp(13)] };
  const ddm: DetectorRun = { detector: 'ddm', stream: { kind: 'error', target: 'default', prediction: 'predicted_default' }, length: 888, changePoints: [cp(13), cp(13, { index: 140 })] };
  const age: DetectorRun = { detector: 'kswin', stream: { kind: 'column', column: 'age' }, length: 876, changePoints: [cp(13), cp(14), cp(17), cp(21)] };
  const broken: DetectorRun = { detector: 'ddm', stream: { kind: 'column', column: 'credit_score' }, length: 0, changePoints: [], message: 'DDM needs a 0/1 stream' };
  assert.equal(streamText(error.stream), 'errors of predicted_default vs default');
  assert.equal(streamText(age.stream), 'age');
  const all = [error, ddm, age, broken];
  assert.deepEqual(detectorsFor(all, 'age'), [age]);
  assert.deepEqual(detectorsFor(all, 'default'), [error, ddm]);
  assert.deepEqual(detectorsFor(all, 'predicted_default'), [error, ddm]);
  assert.deepEqual(detectorsFor(all, 'income'), []);
  assert.equal(changePointSummary(all), '7 change points');
  assert.equal(changePointSummary([broken]), 'no change points');
  assert.equal(changePointSummary([]), '');
  assert.equal(changePointSummary([error]), '1 change point');
  // One marker per window, each detector named once, in window order.
  assert.deepEqual(markers([error, ddm, age]), [
    { window: 13, names: ['ADWIN', 'DDM', 'KSWIN'] },
    { window: 14, names: ['KSWIN'] },
    { window: 17, names: ['KSWIN'] },
    { window: 21, names: ['KSWIN'] },
  ]);
});

test('change point texts: the window, its time or row (1-based); the first few and +N more', () => {
  const w = weeks(26);
  assert.equal(changePointText(cp(13), w), '2024-W14 (2024-04-03, row 136)');
  assert.equal(changePointText(cp(13, { timestamp: START + 13 * 7 * DAY + 5_400_000 }), w), '2024-W14 (2024-04-01 01:30 UTC, row 136)');
  assert.equal(changePointText(cp(2, { timestamp: null, row: 1499 }), w), '2024-W03 (row 1,500)');
  assert.equal(changePointText(cp(40, { timestamp: null }), w), 'window 41 (row 406)');
  const { shown, more } = changePointsText([cp(13), cp(14), cp(17), cp(21)], w);
  assert.equal(shown.length, 3);
  assert.equal(more, '+1 more');
  assert.deepEqual(changePointsText([cp(1)], w), { shown: ['2024-W02 (2024-01-10, row 16)'], more: '' });
});

test('chartThreshold: a line only when the windows\' test is a distance (its value is the score)', () => {
  assert.equal(chartThreshold(col('credit_score', [0.3], { test: 'psi', threshold: 0.1 })), 0.1);
  assert.equal(chartThreshold(col('x', [0.3], { test: 'wasserstein', threshold: 0.2 })), 0.2);
  assert.equal(chartThreshold(col('age', [0.3], { test: 'ks', threshold: 0.05 })), null);
  // A report saved before windows carried their threshold.
  assert.equal(chartThreshold({ test: 'psi' } as unknown as ColumnOverTime), null);
});

test('chartSummaryText: the highest window, drift and change points, in words', () => {
  const w = weeks(4);
  const age = col('age', [0.02, 0.04, 0.25, 0.3]);
  const run: DetectorRun = { detector: 'kswin', stream: { kind: 'column', column: 'age' }, length: 40, changePoints: [cp(2)] };
  assert.equal(
    chartSummaryText(age, w, [run]),
    'age: drift score in each of 4 windows, highest 0.3 in 2024-W04; drift in 2 (first 2024-W03). Change points: KSWIN in 2024-W03.',
  );
  assert.equal(chartSummaryText(col('x', [0.01, 0.02, 0.01, 0.03]), w), 'x: drift score in each of 4 windows, highest 0.03 in 2024-W04; no drift in any window.');
  assert.equal(chartSummaryText(col('y', [null, null, null, null]), w), 'y: drift score in each of 4 windows; no window has usable values.');
});
