/**
 * When did it drift: the current file's rows in time order (by the timestamp column, else file order), cut into
 * windows, each window's columns compared with the whole reference by the column's own test, and streaming
 * detectors run over the model's error stream or numeric columns to find change points.
 *
 * The reference side of each numeric column is sorted once and shared by every window; a window costs a sort of its
 * own values and the test.
 */
import { DEFAULT_SEED, sampleIndices } from '../io/sample';
import { takeColumnRows, takeRows } from '../io/takeRows';
import { isNumericColumn, type Column, type NumericColumn, type Table } from '../io/table';
import { sortedFinite } from '../stats';
import { BINARY_DETECTORS, detectChanges } from '../stats/detectors';
import { defaultTest, FEW_VALUES_MAX, resolveChoice } from './choice';
import { effectSize, runTest, samplesOf, type Settings } from './compare';
import { LabelDictionary } from './labels';
import type { ResolvedRoles } from './modelTypes';
import { DETECTOR_IDS, type ColumnOverTime, type DetectorRun, type OverTimeOptions, type OverTimeReport, type WindowKind } from './overTimeTypes';
import { DETECTOR_LABELS } from './overTimeText';
import { TESTS } from './registry';
import type { ColumnResult } from './report';
import { numericSamples, total } from './samples';
import { autoCalendarKind, calendarWindows, rowWindows, type Windowing } from './windows';

/** Above this many reference rows, windows are compared with a seeded sample of this many. */
const WINDOW_REFERENCE_ROWS = 100_000;
/** Numeric columns streamed through the detectors when none are named and there is no error stream. */
const DEFAULT_DETECTOR_COLUMNS = 3;

export function overTimeAnalysis(
  reference: Table,
  current: Table,
  columns: ColumnResult[],
  roles: ResolvedRoles | null,
  options: OverTimeOptions,
  settings: Settings,
): OverTimeReport | null {
  const notes: string[] = [];
  const time = timeOrder(current, roles, notes);
  if (time.column === null && options.requireTimestamp && (options.window ?? 'auto') === 'auto') return null;
  // A window of a few thousand rows is compared as well with a large seeded sample of the reference as with all of
  // it, and each comparison scans the reference once.
  if (reference.rows > WINDOW_REFERENCE_ROWS) {
    reference = takeRows(reference, Uint32Array.from(sampleIndices(reference.rows, WINDOW_REFERENCE_ROWS, DEFAULT_SEED)));
    notes.push(`Windows are compared with a seeded sample of ${WINDOW_REFERENCE_ROWS.toLocaleString('en-US')} reference rows.`);
  }
  const windowing = windowsOf(time, current.rows, options, notes);
  const byName = (t: Table, name: string) => t.columns.find((c) => c.name === name);

  // Each tested column, window by window.
  const typicalRows = median(windowing.windows.map((w) => w.rows));
  const overTime: ColumnOverTime[] = [];
  for (const result of columns) {
    const ref = byName(reference, result.name);
    const cur = byName(current, result.name);
    if (!ref || !cur || result.test === null || result.status !== 'ok') continue;
    overTime.push(columnOverTime(ref, cur, typicalRows, time.order, windowing, settings));
  }

  const detectors = runDetectors(reference, current, overTime, roles, time, windowing, options, notes);
  return {
    timestamp: time.column,
    window: { kind: windowing.kind, size: windowing.kind === 'rows' ? windowing.size : 1 },
    windows: windowing.windows,
    columns: overTime,
    detectors,
    notes,
  };
}

// ─── time order ─────────────────────────────────────────────────────────────

interface TimeOrder {
  /** The timestamp column used, or null (file order). */
  column: string | null;
  /** Current rows in time order (rows without a timestamp left out). */
  order: Uint32Array;
  /** Their timestamps (epoch ms), when the column is a datetime. */
  timestamps: Float64Array | null;
}

/** The timestamp role, else the current file's first datetime column, else file order. */
function timeOrder(current: Table, roles: ResolvedRoles | null, notes: string[]): TimeOrder {
  const named = roles?.timestamp ? current.columns.find((c) => c.name === roles.timestamp) : undefined;
  const column = named ?? current.columns.find((c) => c.type === 'datetime');
  if (!column || !isNumericColumn(column)) {
    if (named) notes.push(`The timestamp column "${named.name}" holds no numbers or dates: rows are taken in file order.`);
    return { column: null, order: Uint32Array.from({ length: current.rows }, (_, i) => i), timestamps: null };
  }
  const values = column.values;
  const kept: number[] = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) kept.push(i);
  if (kept.length < values.length) notes.push(`${values.length - kept.length} current rows have no "${column.name}" and are left out of the windows.`);
  // A stable sort keeps file order among equal timestamps.
  const order = Uint32Array.from(kept.sort((a, b) => values[a] - values[b] || a - b));
  return { column: column.name, order, timestamps: column.type === 'datetime' ? Float64Array.from(order, (i) => values[i]) : null };
}

type Windows = Windowing & { kind: WindowKind; size: number };

function windowsOf(time: TimeOrder, rows: number, options: OverTimeOptions, notes: string[]): Windows {
  const n = time.order.length;
  const asked = options.window ?? 'auto';
  if (asked !== 'rows' && time.timestamps && n > 0) {
    const kind = asked === 'auto' ? autoCalendarKind(time.timestamps[0], time.timestamps[n - 1]) : asked;
    const calendar = calendarWindows(time.timestamps, kind);
    if (calendar.windows.length >= 2 || asked !== 'auto') return { ...calendar, kind, size: 1 };
    notes.push(`Every row falls in one ${kind}: windows of rows instead.`);
  } else if (asked !== 'rows' && asked !== 'auto') {
    notes.push(`Windows by ${asked} need a datetime column: windows of rows instead.`);
  }
  const size = Math.max(1, Math.round(options.windowRows ?? Math.max(50, Math.ceil(rows / 10))));
  return { ...rowWindows(n, size), kind: 'rows', size };
}

// ─── columns over time ──────────────────────────────────────────────────────

/**
 * A column window by window. The test is chosen as for the whole comparison (settings first, else Evidently's
 * default) but for the size of a typical window rather than the file: a distance's fixed threshold suits large
 * samples only, and a window of a few hundred rows would cross it by chance.
 */
function columnOverTime(ref: Column, cur: Column, typicalRows: number, order: Uint32Array, windowing: Windows, settings: Settings): ColumnOverTime {
  // The reference's finite values, sorted once for every window.
  const refSorted = isNumericColumn(ref) ? sortedFinite(ref.values) : null;
  const whole = refSorted
    ? numericSamples(ref as NumericColumn, cur as NumericColumn, FEW_VALUES_MAX, refSorted)
    : samplesOf(ref, cur);
  const refUsable = whole.kind === 'numeric' ? whole.pair.reference.length : total(whole.pair.reference);
  const distinct = whole.kind === 'categorical' ? whole.pair.categories.length : whole.values?.length ?? FEW_VALUES_MAX + 1;
  const fallback = defaultTest(Math.min(refUsable, typicalRows), whole.kind === 'numeric', distinct);
  const { test, threshold } = resolveChoice(ref.name, ref.type, fallback, settings);
  const spec = TESTS[test];
  const out: ColumnOverTime = { name: ref.name, test, threshold, scores: [], statistics: [], pValues: [], drifted: [] };
  let start = 0;
  for (let w = 0; w < windowing.windows.length; w++) {
    const size = windowing.windows[w].rows;
    const window = takeColumnRows(cur, order.subarray(start, start + size));
    start += size;
    const samples = refSorted ? numericSamples(ref as NumericColumn, window as NumericColumn, FEW_VALUES_MAX, refSorted) : samplesOf(ref, window);
    const usable = samples.kind === 'numeric' ? samples.pair.current.length : total(samples.pair.current);
    const ran = usable > 0 ? runTest(spec, samples, settings, ref) : null;
    if (!ran || 'unfit' in ran || Number.isNaN(ran.outcome.statistic)) {
      out.scores.push(null);
      out.statistics.push(null);
      out.pValues.push(null);
      out.drifted.push(null);
      continue;
    }
    const { statistic, pValue } = ran.outcome;
    const effect = spec.kind === 'distance' ? statistic : effectSize(samples).value;
    out.scores.push(Number.isFinite(effect) ? effect : null);
    out.statistics.push(Number.isFinite(statistic) ? statistic : null);
    out.pValues.push(pValue);
    out.drifted.push(spec.kind === 'p_value' ? pValue! < threshold : statistic >= threshold);
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
}

// ─── streaming detectors ────────────────────────────────────────────────────

interface Stream {
  stream: DetectorRun['stream'];
  /** Values in time order and, for each, its position in the time order (rows with a missing value are skipped). */
  values: Float64Array;
  positions: Uint32Array;
  binary: boolean;
}

function runDetectors(
  reference: Table,
  current: Table,
  columns: ColumnOverTime[],
  roles: ResolvedRoles | null,
  time: TimeOrder,
  windowing: Windows,
  options: OverTimeOptions,
  notes: string[],
): DetectorRun[] {
  const streams: Stream[] = [];
  const error = errorStream(reference, current, roles, time.order);
  if (error) streams.push(error);
  const named = options.detectorColumns;
  const numericNames = named ?? (error ? [] : mostMoved(columns, current).slice(0, DEFAULT_DETECTOR_COLUMNS));
  for (const name of numericNames) {
    const cur = current.columns.find((c) => c.name === name);
    const ref = reference.columns.find((c) => c.name === name);
    if (!cur || !isNumericColumn(cur) || cur.type !== 'numeric') {
      notes.push(`"${name}" is not a numeric column of the current file: no detector streams it.`);
      continue;
    }
    streams.push(columnStream(cur, ref && isNumericColumn(ref) ? ref : cur, time.order));
  }
  const wanted = options.detectors ?? DETECTOR_IDS;
  const binaryWanted = wanted.filter((d) => BINARY_DETECTORS.includes(d));
  if (binaryWanted.length && !streams.some((s) => s.binary)) {
    notes.push(`${binaryWanted.map((d) => DETECTOR_LABELS[d]).join(', ')} need the model's 0/1 error stream (target and prediction roles of a classifier): not run.`);
  }
  if (wanted.includes('kswin') && streams.some((s) => s.binary)) {
    notes.push('KSWIN compares continuous distributions: it is not run on the 0/1 error stream.');
  }
  const runs: DetectorRun[] = [];
  for (const s of streams) {
    for (const detector of wanted) {
      if (BINARY_DETECTORS.includes(detector) ? !s.binary : detector === 'kswin' && s.binary) continue;
      const changePoints = detectChanges(detector, s.values).map((index) => {
        const position = s.positions[index];
        const row = time.order[position];
        return { index, row, timestamp: time.timestamps ? time.timestamps[position] : null, window: windowing.windowOf[position] };
      });
      runs.push({ detector, stream: s.stream, length: s.values.length, changePoints });
    }
  }
  return runs;
}

/** Numeric columns by how far their windows moved at most, largest first. */
function mostMoved(columns: ColumnOverTime[], current: Table): string[] {
  const numeric = new Set(current.columns.filter((c) => c.type === 'numeric').map((c) => c.name));
  const peak = (c: ColumnOverTime) => Math.max(0, ...c.scores.map((s) => s ?? 0));
  return columns
    .filter((c) => numeric.has(c.name))
    .sort((a, b) => peak(b) - peak(a))
    .map((c) => c.name);
}

/**
 * A numeric column in time order, standardised by the reference's mean and standard deviation, so that detectors
 * with absolute thresholds (Page-Hinkley's 50) mean the same on any scale.
 */
function columnStream(column: NumericColumn, reference: NumericColumn, order: Uint32Array): Stream {
  const { mean, std } = meanStd(reference.values);
  const values: number[] = [];
  const positions: number[] = [];
  order.forEach((row, position) => {
    const v = column.values[row];
    if (!Number.isFinite(v)) return;
    values.push(std > 0 ? (v - mean) / std : v - mean);
    positions.push(position);
  });
  return { stream: { kind: 'column', column: column.name }, values: Float64Array.from(values), positions: Uint32Array.from(positions), binary: false };
}

/**
 * The model's errors in time order: 1 for a misclassified row and 0 for a right one (classification), or the
 * absolute error standardised by the reference's absolute errors (regression). Null without target and prediction.
 */
function errorStream(reference: Table, current: Table, roles: ResolvedRoles | null, order: Uint32Array): Stream | null {
  if (!roles?.target || !roles.prediction || (roles.task !== 'classification' && roles.task !== 'regression')) return null;
  const find = (t: Table, name: string) => t.columns.find((c) => c.name === name);
  const target = find(current, roles.target);
  const prediction = find(current, roles.prediction);
  if (!target || !prediction) return null;
  const stream: Stream['stream'] = { kind: 'error', target: roles.target, prediction: roles.prediction };
  const values: number[] = [];
  const positions: number[] = [];
  if (roles.task === 'classification') {
    const dict = new LabelDictionary();
    const truth = dict.codesOf(target);
    const predicted = dict.codesOf(prediction);
    order.forEach((row, position) => {
      if (truth[row] < 0 || predicted[row] < 0) return;
      values.push(truth[row] === predicted[row] ? 0 : 1);
      positions.push(position);
    });
    return { stream, values: Float64Array.from(values), positions: Uint32Array.from(positions), binary: true };
  }
  if (!isNumericColumn(target) || !isNumericColumn(prediction)) return null;
  const refTarget = find(reference, roles.target);
  const refPrediction = find(reference, roles.prediction);
  const refErrors =
    refTarget && refPrediction && isNumericColumn(refTarget) && isNumericColumn(refPrediction)
      ? Float64Array.from(refTarget.values, (y, i) => Math.abs(y - refPrediction.values[i]))
      : Float64Array.from(target.values, (y, i) => Math.abs(y - prediction.values[i]));
  const { mean, std } = meanStd(refErrors);
  order.forEach((row, position) => {
    const e = Math.abs(target.values[row] - prediction.values[row]);
    if (!Number.isFinite(e)) return;
    values.push(std > 0 ? (e - mean) / std : e - mean);
    positions.push(position);
  });
  return { stream, values: Float64Array.from(values), positions: Uint32Array.from(positions), binary: false };
}

function meanStd(values: Float64Array): { mean: number; std: number } {
  let n = 0;
  let sum = 0;
  for (const v of values) if (Number.isFinite(v)) (sum += v), n++;
  const mean = n ? sum / n : 0;
  let ss = 0;
  for (const v of values) if (Number.isFinite(v)) ss += (v - mean) ** 2;
  return { mean, std: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}
