/**
 * Cutting the current file's rows into windows: calendar periods (UTC day, ISO week, month) of a timestamp in epoch
 * milliseconds, or runs of N rows. Rows arrive already in time order; windows are the non-empty periods, in order.
 */
import type { TimeWindow, WindowKind } from './overTimeTypes';

const DAY_MS = 86_400_000;
/** Auto windows aim at no more than this many periods: days up to 60 days of data, then weeks, then months. */
const MAX_AUTO_WINDOWS = 60;

/** The period a timestamp falls in, as an integer key that orders like time. */
export function periodKey(ms: number, kind: Exclude<WindowKind, 'rows'>): number {
  const day = Math.floor(ms / DAY_MS);
  if (kind === 'day') return day;
  // 1970-01-01 was a Thursday: ISO weeks start on Monday, three days earlier.
  if (kind === 'week') return Math.floor((day + 3) / 7);
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

/** Start and end (exclusive) of a period, in epoch ms, and its label: 2015-03-02, 2015-W10, 2015-03. */
export function periodOf(key: number, kind: Exclude<WindowKind, 'rows'>): { start: number; end: number; label: string } {
  if (kind === 'day') return { start: key * DAY_MS, end: (key + 1) * DAY_MS, label: isoDate(key * DAY_MS) };
  if (kind === 'week') {
    const start = (key * 7 - 3) * DAY_MS;
    // The ISO week-year is the year of the week's Thursday; week 1 holds the year's first Thursday.
    const thursday = new Date(start + 3 * DAY_MS);
    const year = thursday.getUTCFullYear();
    const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS)) + 1;
    return { start, end: start + 7 * DAY_MS, label: `${year}-W${String(week).padStart(2, '0')}` };
  }
  const year = Math.floor(key / 12);
  const month = key % 12;
  return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1), label: `${year}-${String(month + 1).padStart(2, '0')}` };
}

/** Day, week or month: the finest that gives at most MAX_AUTO_WINDOWS periods over the span. */
export function autoCalendarKind(minMs: number, maxMs: number): Exclude<WindowKind, 'rows'> {
  const days = (maxMs - minMs) / DAY_MS;
  if (days < MAX_AUTO_WINDOWS) return 'day';
  if (days / 7 < MAX_AUTO_WINDOWS) return 'week';
  return 'month';
}

export interface Windowing {
  windows: TimeWindow[];
  /** For each position in the time-ordered rows, its window. */
  windowOf: Int32Array;
}

/** Calendar windows of time-ordered timestamps (finite epoch ms, ascending). */
export function calendarWindows(timestamps: Float64Array, kind: Exclude<WindowKind, 'rows'>): Windowing {
  const windows: TimeWindow[] = [];
  const windowOf = new Int32Array(timestamps.length);
  let lastKey = NaN;
  for (let i = 0; i < timestamps.length; i++) {
    const key = periodKey(timestamps[i], kind);
    if (key !== lastKey) {
      const { start, end, label } = periodOf(key, kind);
      windows.push({ label, start, end, rows: 0 });
      lastKey = key;
    }
    windows[windows.length - 1].rows++;
    windowOf[i] = windows.length - 1;
  }
  return { windows, windowOf };
}

/** Windows of `size` consecutive rows (the last may be shorter), labelled by 1-based row ranges. */
export function rowWindows(rows: number, size: number): Windowing {
  const windows: TimeWindow[] = [];
  const windowOf = new Int32Array(rows);
  for (let start = 0; start < rows; start += size) {
    const end = Math.min(rows, start + size);
    windows.push({ label: `rows ${start + 1}–${end}`, start, end, rows: end - start });
    windowOf.fill(windows.length - 1, start, end);
  }
  return { windows, windowOf };
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
