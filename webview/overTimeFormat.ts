/**
 * Words and choices for the panel's "Drift over time" section (webview/overTime.ts): the windowing line, the heat
 * map's shade levels, which columns it shows and in what order, window labels thinned for a crowded axis, cell
 * tooltips and screen-reader texts, detector names and change-point texts, and the sentence a chart reads out.
 * Pure functions, no DOM: unit-tested in plain Node (test/unit/webview-overTime.test.ts).
 */
import type { ChangePoint, ColumnOverTime, DetectorId, DetectorRun, OverTimeReport, TimeWindow } from '../src/core/suite/overTimeTypes';
import { formatCount, formatDate } from './format';

// ─── the windowing ─────────────────────────────────────────────────────────

const PERIOD: Record<'day' | 'week' | 'month', string> = { day: 'day', week: 'week', month: 'month' };

/** "By week of signup_date, 26 windows" / "By 500 rows in file order, 10 windows" / "By 500 rows in order of ts, 3 windows". */
export function windowingText(ot: Pick<OverTimeReport, 'timestamp' | 'window' | 'windows'>): string {
  const n = ot.windows.length;
  const count = `${formatCount(n)} ${n === 1 ? 'window' : 'windows'}`;
  if (ot.window.kind === 'rows') {
    const size = `${formatCount(ot.window.size)} ${ot.window.size === 1 ? 'row' : 'rows'}`;
    return `By ${size} in ${ot.timestamp ? `order of ${ot.timestamp}` : 'file order'}, ${count}`;
  }
  return `By ${PERIOD[ot.window.kind]} of ${ot.timestamp ?? 'the timestamp'}, ${count}`;
}

/** "2024-01-01 to 2024-06-30, 888 rows" for calendar windows; "rows 1 to 5,000" for row windows; "" without windows. */
export function spanText(ot: Pick<OverTimeReport, 'window' | 'windows'>): string {
  const w = ot.windows;
  if (w.length === 0) return '';
  const rows = w.reduce((a, x) => a + x.rows, 0);
  if (ot.window.kind === 'rows') return `rows ${formatCount(w[0].start + 1)} to ${formatCount(w[w.length - 1].end)}`;
  // Window ends are exclusive: the last day shown is the one before.
  return `${formatDate(w[0].start)} to ${formatDate(w[w.length - 1].end - 86_400_000)}, ${formatCount(rows)} ${rows === 1 ? 'row' : 'rows'}`;
}

// ─── scores and shades ─────────────────────────────────────────────────────

/**
 * Upper edges of the shade levels 0…4 (level 5 from the last up). Scores are effect sizes (normalised Wasserstein,
 * Jensen-Shannon or the test's own distance) whose usual threshold is 0.1, so the scale is fixed, not per column:
 * one shade means the same distance everywhere in the map.
 */
export const LEVEL_EDGES: readonly number[] = [0.05, 0.1, 0.2, 0.3, 0.5];

/** 0…5 by LEVEL_EDGES; -1 for a window without a score (no usable values). */
export function scoreLevel(score: number | null | undefined): number {
  if (score === null || score === undefined || !Number.isFinite(score)) return score === Number.POSITIVE_INFINITY ? LEVEL_EDGES.length : -1;
  let level = 0;
  while (level < LEVEL_EDGES.length && score >= LEVEL_EDGES[level]) level++;
  return level;
}

/** The legend's words for each level: "< 0.05", "0.05–0.1", …, "≥ 0.5". */
export function levelLabels(): string[] {
  const e = LEVEL_EDGES;
  return [`< ${e[0]}`, ...e.slice(1).map((x, i) => `${e[i]}–${x}`), `≥ ${e[e.length - 1]}`];
}

/** Two significant digits ("0.23", "1.4", "0.0071"); scientific below 1e-4 ("3e-5"); "—" for none. */
export function compactNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e6) return x.toExponential(abs < 1e-4 ? 0 : 1).replace('e+', 'e').replace('-', x < 0 ? '−' : '-');
  return String(Number(x.toPrecision(2))).replace('-', '−');
}

const SHORT_TESTS: Record<string, string> = {
  ks: 'KS',
  chi2: 'chi²',
  z: 'z-test',
  fisher: 'Fisher',
  anderson: 'Anderson-Darling',
  cramer_von_mises: 'Cramér-von Mises',
  mann_whitney: 'Mann-Whitney',
  wasserstein: 'Wasserstein',
  energy: 'energy distance',
  jensen_shannon: 'Jensen-Shannon',
  kl: 'KL',
  hellinger: 'Hellinger',
  total_variation: 'total variation',
  psi: 'PSI',
};

const DISTANCES = new Set(['wasserstein', 'energy', 'jensen_shannon', 'kl', 'hellinger', 'total_variation', 'psi']);

/** Short test names for tooltips ("KS", "PSI"); an unknown id as it is. */
export function shortTestName(test: string | null): string {
  return test === null ? 'no test' : (SHORT_TESTS[test] ?? test);
}

export function isDistanceTest(test: string | null): boolean {
  return test !== null && DISTANCES.has(test);
}

/** "drift", "no drift", "not judged". */
export function verdictWord(drifted: boolean | null | undefined): string {
  return drifted === true ? 'drift' : drifted === false ? 'no drift' : 'not judged';
}

/** What the window's test said: "KS p=1e-5", "PSI 0.31", "chi² p=0.43"; "" without a value. */
export function testValueText(test: string | null, statistic: number | null | undefined, pValue: number | null | undefined): string {
  if (test === null) return '';
  if (pValue !== null && pValue !== undefined) return `${shortTestName(test)} p=${compactNumber(pValue)}`;
  if (statistic !== null && statistic !== undefined) return `${shortTestName(test)} ${compactNumber(statistic)}`;
  return '';
}

/** A cell's tooltip: "age · 2024-W14: score 0.23, drift (KS p=1e-5)"; "… no usable values" without a score. */
export function cellTitle(column: ColumnOverTime, i: number, window: Pick<TimeWindow, 'label'>): string {
  const at = `${column.name} · ${window.label}`;
  const score = column.scores[i];
  if (score === null || score === undefined) return `${at}: no usable values`;
  const value = testValueText(column.test, column.statistics[i], column.pValues[i]);
  return `${at}: score ${compactNumber(score)}, ${verdictWord(column.drifted[i])}${value ? ` (${value})` : ''}`;
}

/** A cell's text for screen readers (the header cells say the column and the window): "0.23, drift", "0.04", "no data". */
export function cellText(column: ColumnOverTime, i: number): string {
  const score = column.scores[i];
  if (score === null || score === undefined) return 'no data';
  return column.drifted[i] === true ? `${compactNumber(score)}, drift` : compactNumber(score);
}

// ─── which columns, in what order ──────────────────────────────────────────

/** The largest score of a column over its windows; null when no window has one. */
export function maxScore(column: Pick<ColumnOverTime, 'scores'>): number | null {
  let best: number | null = null;
  for (const s of column.scores) if (s !== null && Number.isFinite(s) && (best === null || s > best)) best = s;
  return best;
}

/** Windows in which the column drifted. */
export function driftedWindows(column: Pick<ColumnOverTime, 'drifted'>): number {
  return column.drifted.filter((d) => d === true).length;
}

/** The most rows the heat map shows. */
export const MAX_ROWS = 30;

/**
 * The heat map's rows: largest max score first (columns without any score last), ties by the number of drifted
 * windows then in report order; at most `max`, the rest counted in `omitted`.
 */
export function orderColumns<C extends Pick<ColumnOverTime, 'scores' | 'drifted'>>(columns: readonly C[], max = MAX_ROWS): { rows: C[]; omitted: number } {
  const keyed = columns.map((c, i) => ({ c, i, max: maxScore(c), drifted: driftedWindows(c) }));
  keyed.sort((a, b) => {
    if (a.max === null || b.max === null) return a.max === b.max ? a.i - b.i : a.max === null ? 1 : -1;
    return b.max - a.max || b.drifted - a.drifted || a.i - b.i;
  });
  const rows = keyed.slice(0, Math.max(0, max)).map((k) => k.c);
  return { rows, omitted: columns.length - rows.length };
}

/** "Showing the 30 columns with the largest scores of 45; the other 15 are in each column's detail." */
export function omittedText(shown: number, omitted: number): string {
  if (omitted <= 0) return '';
  const total = shown + omitted;
  return `Showing the ${formatCount(shown)} columns with the largest scores of ${formatCount(total)}; the other ${formatCount(omitted)} ${omitted === 1 ? 'is' : 'are'} in ${omitted === 1 ? 'its' : 'each column’s'} detail.`;
}

/** "2 of 8 columns drifted in some window" (or "No column drifted in any window"). */
export function driftSummary(columns: readonly Pick<ColumnOverTime, 'drifted'>[]): string {
  const n = columns.filter((c) => driftedWindows(c) > 0).length;
  if (n === 0) return 'No column drifted in any window';
  return `${formatCount(n)} of ${formatCount(columns.length)} ${columns.length === 1 ? 'column' : 'columns'} drifted in some window`;
}

/** The column a chart starts on: the report's selected column when the map has it, else the first row. */
export function initialColumn(rows: readonly Pick<ColumnOverTime, 'name'>[], preferred: string | null | undefined): string | null {
  if (preferred && rows.some((r) => r.name === preferred)) return preferred;
  return rows[0]?.name ?? null;
}

// ─── window labels ─────────────────────────────────────────────────────────

/**
 * Which window labels to show on a crowded axis: every k-th (k the smallest step keeping at most `max`), always
 * the first, and the last too when it is more than half a step past the one before (so at most `max` + 1). Hidden labels stay in the page as text for
 * screen readers; only their drawing is left out.
 */
export function thinLabels(count: number, max: number): boolean[] {
  if (count <= 0) return [];
  const step = Math.max(1, Math.ceil(count / Math.max(1, max)));
  const shown = Array.from({ length: count }, (_, i) => i % step === 0);
  const last = count - 1;
  if (!shown[last] && last - Math.floor(last / step) * step > step / 2) shown[last] = true;
  return shown;
}

// ─── detectors and change points ───────────────────────────────────────────

const DETECTOR_NAMES: Record<DetectorId, string> = {
  adwin: 'ADWIN',
  ddm: 'DDM',
  eddm: 'EDDM',
  hddm_a: 'HDDM-A',
  kswin: 'KSWIN',
  page_hinkley: 'Page-Hinkley',
};

export function detectorName(id: DetectorId | string): string {
  return DETECTOR_NAMES[id as DetectorId] ?? id;
}

/** "errors of predicted_default vs default" / "income". */
export function streamText(stream: DetectorRun['stream']): string {
  return stream.kind === 'error' ? `errors of ${stream.prediction} vs ${stream.target}` : stream.column;
}

/** Detectors whose change points belong on a column's chart: those that streamed it, or the error stream of its target or prediction. */
export function detectorsFor(detectors: readonly DetectorRun[], column: string): DetectorRun[] {
  return detectors.filter((d) => (d.stream.kind === 'column' ? d.stream.column === column : d.stream.target === column || d.stream.prediction === column));
}

/** "2024-W14 (2024-04-03, row 513)"; rows are shown 1-based as in a spreadsheet. */
export function changePointText(p: ChangePoint, windows: readonly Pick<TimeWindow, 'label'>[]): string {
  const label = windows[p.window]?.label ?? `window ${p.window + 1}`;
  const at = p.timestamp !== null && p.timestamp !== undefined ? `${formatDate(p.timestamp)}, row ${formatCount(p.row + 1)}` : `row ${formatCount(p.row + 1)}`;
  return `${label} (${at})`;
}

/** The first `max` change points as text, and "+N more". */
export function changePointsText(points: readonly ChangePoint[], windows: readonly Pick<TimeWindow, 'label'>[], max = 3): { shown: string[]; more: string } {
  const shown = points.slice(0, max).map((p) => changePointText(p, windows));
  const rest = points.length - shown.length;
  return { shown, more: rest > 0 ? `+${formatCount(rest)} more` : '' };
}

/** "3 change points · ADWIN, DDM" for the section's summary line; "" without detectors. */
export function changePointSummary(detectors: readonly DetectorRun[]): string {
  if (detectors.length === 0) return '';
  const n = detectors.reduce((a, d) => a + d.changePoints.length, 0);
  return n === 0 ? 'no change points' : `${formatCount(n)} change ${n === 1 ? 'point' : 'points'}`;
}

export interface Marker {
  /** Window index. */
  window: number;
  /** Detector names signalling in that window, in detector order, each once. */
  names: string[];
}

/** Change points as markers per window, for a chart: one per window, naming each detector that fired in it. */
export function markers(detectors: readonly DetectorRun[]): Marker[] {
  const by = new Map<number, string[]>();
  for (const d of detectors) {
    for (const p of d.changePoints) {
      const names = by.get(p.window) ?? [];
      const name = detectorName(d.detector);
      if (!names.includes(name)) names.push(name);
      by.set(p.window, names);
    }
  }
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([window, names]) => ({ window, names }));
}

// ─── charts ────────────────────────────────────────────────────────────────

/**
 * The threshold line of a column's chart: only when the windows' test is a distance, whose value is then the score
 * (drift means score ≥ threshold); for a p-value test the score is an effect size beside the verdict, and a line
 * would not be where the verdict changes.
 */
export function chartThreshold(column: Pick<ColumnOverTime, 'test' | 'threshold'>): number | null {
  // Loose check: a report saved before windows carried their threshold has none.
  return isDistanceTest(column.test) && typeof column.threshold === 'number' && Number.isFinite(column.threshold) ? column.threshold : null;
}

/** What a column's over-time chart shows, as one or two sentences for screen readers. */
export function chartSummaryText(column: ColumnOverTime, windows: readonly Pick<TimeWindow, 'label'>[], detectors: readonly DetectorRun[] = []): string {
  const n = windows.length;
  const best = maxScore(column);
  const head = `${column.name}: drift score in each of ${formatCount(n)} ${n === 1 ? 'window' : 'windows'}`;
  if (best === null) return `${head}; no window has usable values.`;
  const top = column.scores.indexOf(best);
  const drifted = column.drifted.map((d, i) => (d === true ? i : -1)).filter((i) => i >= 0);
  const drift = drifted.length ? `drift in ${formatCount(drifted.length)} (first ${windows[drifted[0]]?.label})` : 'no drift in any window';
  const marks = markers(detectors);
  const changes = marks.length ? ` Change points: ${marks.map((m) => `${m.names.join(', ')} in ${windows[m.window]?.label ?? `window ${m.window + 1}`}`).join('; ')}.` : '';
  return `${head}, highest ${compactNumber(best)} in ${windows[top]?.label}; ${drift}.${changes}`;
}
