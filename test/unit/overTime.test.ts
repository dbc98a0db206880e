/**
 * Drift over time through compareTables: calendar and row windows (ISO weeks checked against known dates), each
 * window's score and verdict per column with the column's own test, rows without a timestamp left out and said so,
 * and the streaming detectors' change points mapped back to stream index, file row, timestamp and window, found
 * within a bounded delay after the known change of a 26-week stream.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NumericColumn, Table } from '../../src/core/io/table';
import { compareTables } from '../../src/core/suite/compare';
import type { OverTimeReport } from '../../src/core/suite/overTimeTypes';
import { overTimeLines } from '../../src/core/suite/overTimeText';
import { segmentOptions } from '../../src/core/suite/segments';
import { autoCalendarKind, periodKey, periodOf, rowWindows } from '../../src/core/suite/windows';
import { num, table } from './support/tables';
import { CHANGE, DAYS, PER_DAY, START, timeRows, type TimeRow } from './support/timeData';

const DAY = 86_400_000;

function timeTable(rows: TimeRow[], path: string): Table {
  const date: NumericColumn = { name: 'date', type: 'datetime', values: Float64Array.from(rows, (r) => r.date), nullCount: 0 };
  return table([date, num('x', rows.map((r) => r.x)), num('stable', rows.map((r) => r.stable)), num('label', rows.map((r) => r.label)), num('y_pred', rows.map((r) => r.y_pred))], path);
}

const refRows = timeRows(1, false);
const curRows = timeRows(2, true);
const reference = timeTable(refRows, '/ref.csv');
const current = timeTable(curRows, '/cur.csv');
const report = compareTables(reference, current, { overTime: {}, model: { multivariate: false, topSegments: 0 } });
const overTime = report.overTime as OverTimeReport;

test('ISO weeks, days and months: keys order like time and labels match the calendar', () => {
  const week = (y: number, m: number, d: number) => periodOf(periodKey(Date.UTC(y, m - 1, d), 'week'), 'week');
  assert.equal(week(2015, 1, 1).label, '2015-W01', 'a Thursday');
  assert.equal(week(2014, 12, 29).label, '2015-W01', 'the Monday of the week holding 2015\'s first Thursday');
  assert.equal(week(2016, 1, 3).label, '2015-W53', 'a Sunday in ISO year 2015');
  assert.equal(week(2021, 1, 4).label, '2021-W01');
  assert.equal(week(2015, 4, 6).start, Date.UTC(2015, 3, 6), 'weeks start on Monday');
  assert.equal(week(2015, 4, 12).end, Date.UTC(2015, 3, 13));
  assert.equal(periodOf(periodKey(Date.UTC(2015, 11, 31, 23, 59), 'month'), 'month').label, '2015-12');
  assert.equal(periodOf(periodKey(Date.UTC(2016, 0, 1), 'month'), 'month').start, Date.UTC(2016, 0, 1));
  assert.equal(periodOf(periodKey(Date.UTC(2015, 1, 28, 12), 'day'), 'day').label, '2015-02-28');
  assert.ok(periodKey(Date.UTC(2015, 11, 1), 'month') < periodKey(Date.UTC(2016, 0, 1), 'month'));
  assert.equal(autoCalendarKind(0, 59 * DAY), 'day');
  assert.equal(autoCalendarKind(0, 182 * DAY), 'week');
  assert.equal(autoCalendarKind(0, 3 * 365 * DAY), 'month');
  const rows = rowWindows(1050, 500);
  assert.deepEqual(rows.windows.map((w) => [w.label, w.rows]), [['rows 1–500', 500], ['rows 501–1000', 500], ['rows 1001–1050', 50]]);
  assert.equal(rows.windowOf[1049], 2);
});

test('weekly windows of the timestamp column, in time order whatever the file order', () => {
  assert.equal(overTime.timestamp, 'date');
  assert.deepEqual(overTime.window, { kind: 'week', size: 1 });
  assert.equal(overTime.windows.length, 26);
  assert.equal(overTime.windows[0].label, '2015-W02');
  assert.equal(overTime.windows[0].start, START);
  for (const w of overTime.windows) assert.equal(w.rows, 7 * PER_DAY);
  assert.equal(overTime.windows.reduce((n, w) => n + w.rows, 0), DAYS * PER_DAY);
  assert.deepEqual(overTime.notes, ['KSWIN compares continuous distributions: it is not run on the 0/1 error stream.']);
});

test('each window compared with the whole reference by the column\'s test: x drifts from week 14, stable never does', () => {
  const byName = Object.fromEntries(overTime.columns.map((c) => [c.name, c]));
  const x = byName.x;
  // A typical window has 140 rows: Evidently's small-sample choice (KS), not the file's distance (Wasserstein),
  // whose fixed threshold a 140-row window would cross by chance.
  assert.equal(report.columns.find((c) => c.name === 'x')!.test, 'wasserstein');
  assert.equal(x.test, 'ks');
  assert.equal(x.threshold, 0.05);
  const changeWindow = overTime.windows.findIndex((w) => w.start === CHANGE);
  assert.equal(overTime.windows[changeWindow].label, '2015-W15');
  x.drifted.forEach((d, i) => assert.equal(d, i >= changeWindow, `x in ${overTime.windows[i].label}: ${x.scores[i]}`));
  const before = Math.max(...x.scores.slice(0, changeWindow).map((s) => s!));
  const after = Math.min(...x.scores.slice(changeWindow).map((s) => s!));
  assert.ok(before < 0.3 && after > 0.6, `scores before ≤ ${before}, after ≥ ${after}`);
  // About the p-value threshold's share of windows drift by chance (0.05 × 26 ≈ 1.3).
  assert.ok(byName.stable.drifted.filter(Boolean).length <= 3, `stable: ${byName.stable.drifted.filter(Boolean).length} chance windows`);
  // A test set for the column wins over the window-size choice.
  const set = compareTables(reference, current, { byColumn: { x: { test: 'psi', threshold: 0.2 } }, overTime: {}, model: { multivariate: false } }).overTime!;
  assert.deepEqual([set.columns.find((c) => c.name === 'x')!.test, set.columns.find((c) => c.name === 'x')!.threshold], ['psi', 0.2]);
  assert.equal(byName.date, undefined, 'the timestamp itself is not a column over time');
  // The window's statistic is the test's own on exactly that window's rows.
  const inWindow = curRows.filter((r) => r.date >= overTime.windows[0].start && r.date < overTime.windows[0].end);
  const single = compareTables(reference, table([num('x', inWindow.map((r) => r.x))], '/w.csv'), { byColumn: { x: { test: x.test as 'ks' } }, model: { inferRoles: false, multivariate: false } });
  const singleX = single.columns.find((c) => c.name === 'x')!;
  assert.equal(singleX.test, 'ks');
  assert.equal(x.statistics[0], singleX.statistic);
  assert.equal(x.pValues[0], singleX.pValue);
});

test('change points of the model error stream: every detector that fits, found soon after the change, mapped to rows', () => {
  const error = overTime.detectors.filter((d) => d.stream.kind === 'error');
  assert.deepEqual(error.map((d) => d.detector).sort(), ['adwin', 'ddm', 'eddm', 'hddm_a', 'page_hinkley']);
  const changeIndex = curRows.filter((r) => r.date < CHANGE).length;
  const timeOrdered = [...curRows.keys()].sort((a, b) => curRows[a].date - curRows[b].date || a - b);
  for (const run of error) {
    assert.equal(run.length, curRows.length);
    for (const c of run.changePoints) {
      assert.equal(c.row, timeOrdered[c.index], `${run.detector}: stream index ${c.index} is file row ${c.row}`);
      assert.equal(c.timestamp, curRows[c.row].date);
      assert.equal(overTime.windows[c.window].start <= c.timestamp! && c.timestamp! < overTime.windows[c.window].end, true);
    }
  }
  // After the error rate quadrupled: ADWIN and HDDM_A find it within 200 rows (10 days), DDM within 800 (its bound
  // tightens over the 1,820 calm rows before), and none of them long before the change.
  for (const [id, delay] of [['adwin', 200], ['hddm_a', 200], ['ddm', 800]] as const) {
    const run = error.find((d) => d.detector === id)!;
    const after = run.changePoints.filter((c) => c.index >= changeIndex);
    assert.ok(after.length > 0 && after[0].index - changeIndex < delay, `${id}: ${JSON.stringify(run.changePoints.map((c) => c.index))}`);
    assert.ok(run.changePoints.filter((c) => c.index < changeIndex - 200).length <= 1, `${id} false alarms before the change`);
  }
});

test('a large reference is sampled for the windows, and said so', () => {
  // 28 copies: 101,920 rows, just above the 100,000 the windows are compared with.
  const big = (rows: TimeRow[]) => timeTable(Array.from({ length: 28 }, () => rows).flat(), '/big.csv');
  const sampled = compareTables(big(refRows), current, { overTime: { detectors: [] }, model: { inferRoles: false, multivariate: false } }).overTime!;
  assert.ok(sampled.notes.includes('Windows are compared with a seeded sample of 100,000 reference rows.'), sampled.notes.join('\n'));
  assert.equal(sampled.columns.find((c) => c.name === 'x')!.drifted.indexOf(true), 13);
});

test('without a model, the columns that moved most are streamed; rows without a timestamp are left out and said so', () => {
  const rows = curRows.map((r, i) => (i % 50 === 0 ? { ...r, date: NaN } : r));
  const plain = compareTables(timeTable(refRows, '/r.csv'), timeTable(rows, '/c.csv'), {
    overTime: { detectors: ['adwin', 'page_hinkley', 'ddm'] },
    model: { inferRoles: false, multivariate: false },
  }).overTime!;
  assert.match(plain.notes.join('\n'), /73 current rows have no "date" and are left out of the windows/);
  assert.match(plain.notes.join('\n'), /DDM need the model's 0\/1 error stream/);
  assert.equal(plain.windows.reduce((n, w) => n + w.rows, 0), rows.length - 73);
  const streamed = [...new Set(plain.detectors.map((d) => (d.stream.kind === 'column' ? d.stream.column : 'error')))];
  assert.equal(streamed[0], 'x', 'x moved most');
  const adwin = plain.detectors.find((d) => d.detector === 'adwin' && d.stream.kind === 'column' && d.stream.column === 'x')!;
  assert.ok(adwin.changePoints.some((c) => plain.windows[c.window].start >= CHANGE), 'the shift of x is found after it happened');
});

test('row windows in file order without a timestamp; asked-for calendar windows without one fall back, with a note', () => {
  const noDate = (rows: TimeRow[], path: string) => table([num('x', rows.map((r) => r.x))], path);
  const byRows = compareTables(noDate(refRows, '/r.csv'), noDate(curRows, '/c.csv'), { overTime: { window: 'rows', windowRows: 1000 } }).overTime!;
  assert.equal(byRows.timestamp, null);
  assert.deepEqual(byRows.window, { kind: 'rows', size: 1000 });
  assert.equal(byRows.windows.length, Math.ceil(curRows.length / 1000));
  const asked = compareTables(noDate(refRows, '/r.csv'), noDate(curRows, '/c.csv'), { overTime: { window: 'week' } }).overTime!;
  assert.equal(asked.window.kind, 'rows');
  assert.equal(asked.window.size, Math.ceil(curRows.length / 10));
  assert.match(asked.notes[0], /Windows by week need a datetime column/);
  // The extension's default: automatic windows only with a timestamp column; rows when asked for.
  const auto = { requireTimestamp: true };
  assert.equal(compareTables(noDate(refRows, '/r.csv'), noDate(curRows, '/c.csv'), { overTime: auto }).overTime, undefined);
  assert.equal(compareTables(noDate(refRows, '/r.csv'), noDate(curRows, '/c.csv'), { overTime: { ...auto, window: 'rows' } }).overTime?.window.kind, 'rows');
  assert.equal(compareTables(reference, current, { overTime: auto, model: { multivariate: false } }).overTime?.window.kind, 'week');
});

test('the CLI text section names the windowing, each column\'s first drifted window and the change points', () => {
  const lines = overTimeLines(overTime);
  assert.equal(lines[0], 'drift over time (by week of date, 26 windows: 2015-W02 … 2015-W27):');
  assert.ok(lines.some((l) => /^ {2}x\s+first drifted in 2015-W15, drifted in 13 of 26; peak score [\d.]+ in 2015-W\d\d$/.test(l)), lines.join('\n'));
  assert.ok(lines.some((l) => /^ {2}ADWIN on the error stream \(label vs y_pred\): 2015-W\d\d \(row \d+, 2015-\d\d-\d\d\)/.test(l)), lines.join('\n'));
});

test('segments do not run the over-time analysis again', () => {
  const roles = compareTables(reference, current, { model: { roles: { segment: 'label' }, multivariate: false } }).model!.roles;
  assert.equal(segmentOptions({ overTime: {} }, roles).overTime, undefined);
});
