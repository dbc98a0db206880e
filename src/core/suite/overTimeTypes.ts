/**
 * When did it drift: the current file split into windows (by a timestamp column's day, week or month, or by N rows
 * of file order), each window's drift score per column against the whole reference, and change points found by
 * streaming detectors run over a numeric column or over the model's error stream. Plain data only.
 */

import type { DetectorId } from '../stats/detectors/types';
import type { TestId } from './report';

export { DETECTOR_IDS, type DetectorId } from '../stats/detectors/types';

/** How the current file is cut: calendar periods of the timestamp column, or runs of N rows in file order. */
export type WindowKind = 'day' | 'week' | 'month' | 'rows';

export interface TimeWindow {
  /** e.g. "2015-03", "2015-W10", "2015-03-02", or "rows 1–500". */
  label: string;
  /** Period start and end (epoch ms, end exclusive) for calendar windows; 0-based first row and row after for row windows. */
  start: number;
  end: number;
  /** Current rows in the window. */
  rows: number;
}

/** One column across the windows: each window compared with the whole reference by the column's test. */
export interface ColumnOverTime {
  name: string;
  /**
   * The test used in every window: the one set for the column (or its type) in the settings, else Evidently's
   * default choice for the size of a typical window (so p-value tests for windows of up to 1,000 rows).
   */
  test: TestId;
  /** Its threshold (p-value below which, or distance at or above which, a window drifted). */
  threshold: number;
  /**
   * Per window, how far it moved from the reference: the column's effect size (normalised Wasserstein for numbers,
   * Jensen-Shannon for categories), so windows of any size compare; null when the window had no usable values.
   */
  scores: (number | null)[];
  /** Per window, the test's own statistic and p-value (null for distances) and verdict. */
  statistics: (number | null)[];
  pValues: (number | null)[];
  drifted: (boolean | null)[];
}

/** A point where a detector signalled a change. */
export interface ChangePoint {
  /** 0-based index in the stream (the current file's rows in time order, missing values skipped). */
  index: number;
  /** The row in the current file (0-based, file order). */
  row: number;
  /** The timestamp at that row (epoch ms), when there is a timestamp column. */
  timestamp: number | null;
  /** The window the change falls in. */
  window: number;
}

export interface DetectorRun {
  detector: DetectorId;
  /** What was streamed: a numeric column's values, or the model's errors (0/1 misclassification, or |error| for regression). */
  stream: { kind: 'column'; column: string } | { kind: 'error'; target: string; prediction: string };
  /** Values fed to the detector. */
  length: number;
  changePoints: ChangePoint[];
  /** Why it could not run (e.g. DDM needs a 0/1 stream). */
  message?: string;
}

export interface OverTimeReport {
  /** The timestamp column the rows were ordered and windowed by; null: file order. */
  timestamp: string | null;
  window: { kind: WindowKind; /** Rows per window for `rows`; 1 for calendar periods. */ size: number };
  windows: TimeWindow[];
  columns: ColumnOverTime[];
  detectors: DetectorRun[];
  /** Rows left out (no timestamp), and other remarks. */
  notes: string[];
}

/** Options of the over-time analysis (SuiteOptions.overTime); absent: not run. */
export interface OverTimeOptions {
  /** `auto` (default): day, week or month by the timestamp's span (about 8–60 windows), or rows when there is none. */
  window?: 'auto' | WindowKind;
  /**
   * With `auto` windows, skip the analysis when the current file has no timestamp column (the extension's default:
   * windows of rows in file order are asked for with `rows`). Otherwise `auto` falls back to rows.
   */
  requireTimestamp?: boolean;
  /** Rows per window for `rows` (default: the current rows / 10, at least 50). */
  windowRows?: number;
  /** Detectors to run (default all that fit the stream). */
  detectors?: DetectorId[];
  /** Numeric columns to stream through the detectors (default: the model's error stream if any, else every drifted numeric column, at most 5). */
  detectorColumns?: string[];
}
