/**
 * An over-time sample report for the panel preview (webview/dev/make-sample-overtime-report.mjs writes it to
 * sample-overtime-report.json): the model sample (sample-model-report.json) plus `overTime` filled in to the types
 * in overTimeTypes.ts. The current file's 900 rows are cut into 26 weeks of signup_date (2024-W01 … 2024-W26, 12
 * rows without a date left out); 8 columns are scored per week, of which age and credit_score drift from week 14
 * (2024-W14) on, income has one lone false alarm, and a hostile column name (shown as text) has a week without
 * values. Detectors: ADWIN and DDM over the model's errors both fire in week 14, KSWIN over age fires four times,
 * Page-Hinkley over credit_score once, and DDM over credit_score could not run (not a 0/1 stream).
 * Numbers come from a seeded generator, so the file is the same on every run.
 */
import type { DriftReport } from '../../src/core/suite/report';
import type { ChangePoint, ColumnOverTime, DetectorRun, OverTimeReport, TimeWindow } from '../../src/core/suite/overTimeTypes';
import { seededRandom } from '../../src/core/io/sample';

const HOSTILE = '<img src=x onerror=alert(1)>';
const WEEKS = 26;
const DRIFT_FROM = 13; // 0-based: 2024-W14
const START = Date.UTC(2024, 0, 1); // a Monday: 2024-W01
const DAY = 86_400_000;


const round = (x: number, digits = 4) => Number(x.toPrecision(digits));

function windows(rand: () => number): TimeWindow[] {
  const sizes = Array.from({ length: WEEKS }, () => 30 + Math.floor(rand() * 9));
  // 888 rows in all (900 less the 12 without a signup_date).
  let excess = sizes.reduce((a, b) => a + b, 0) - 888;
  for (let i = 0; excess !== 0; i = (i + 1) % WEEKS) {
    sizes[i] += excess > 0 ? -1 : 1;
    excess += excess > 0 ? -1 : 1;
  }
  return sizes.map((rows, i) => ({ label: `2024-W${String(i + 1).padStart(2, '0')}`, start: START + i * 7 * DAY, end: START + (i + 1) * 7 * DAY, rows }));
}

interface Shape {
  name: string;
  test: 'ks' | 'chi2' | 'z' | 'psi';
  /** Typical score of a window that did not move. */
  base: number;
  /** Score from week 14 on (rising a little week by week), for the drifting columns. */
  drift?: number;
  /** Windows forced to drift by chance (a false alarm) or to have no values. */
  alarm?: number[];
  empty?: number[];
}

const SHAPES: Shape[] = [
  { name: 'age', test: 'ks', base: 0.045, drift: 0.26 },
  { name: 'income', test: 'ks', base: 0.05, alarm: [5] },
  { name: 'credit_score', test: 'psi', base: 0.05, drift: 0.42 },
  { name: 'segment', test: 'chi2', base: 0.035 },
  { name: 'manual_review', test: 'z', base: 0.025 },
  { name: 'loan_term', test: 'chi2', base: 0.03 },
  { name: 'default', test: 'z', base: 0.03 },
  { name: HOSTILE, test: 'chi2', base: 0.04, empty: [2] },
];

function column(shape: Shape, w: TimeWindow[], rand: () => number): ColumnOverTime {
  const scores: (number | null)[] = [];
  const statistics: (number | null)[] = [];
  const pValues: (number | null)[] = [];
  const drifted: (boolean | null)[] = [];
  w.forEach((win, i) => {
    if (shape.empty?.includes(i)) {
      scores.push(null);
      statistics.push(null);
      pValues.push(null);
      drifted.push(null);
      return;
    }
    const noise = shape.base * (0.45 + rand() * 1.1);
    const moving = shape.drift !== undefined && i >= DRIFT_FROM;
    const alarm = shape.alarm?.includes(i) ?? false;
    const score = round(moving ? shape.drift! * (0.85 + 0.35 * ((i - DRIFT_FROM) / (WEEKS - DRIFT_FROM)) + (rand() - 0.5) * 0.2) : alarm ? 0.118 : noise, 3);
    scores.push(score);
    if (shape.test === 'psi') {
      // The score is the test's own distance: drift at 0.1 or more.
      statistics.push(score);
      pValues.push(null);
      drifted.push(score >= 0.1);
      return;
    }
    // Drifting: a p-value that falls as the window moves further (and with its size); otherwise uniform, as under no change.
    const strength = score * Math.sqrt(win.rows) * (shape.test === 'ks' ? 4.2 : 3.6);
    const p = moving ? Math.min(0.02, Math.exp(-strength * strength * 0.35)) : alarm ? 0.031 : 0.06 + rand() * 0.93;
    const statistic = shape.test === 'ks' ? score * 0.62 : shape.test === 'chi2' ? score * score * win.rows * 9 : score * 11;
    statistics.push(round(statistic));
    pValues.push(round(p, 3));
    drifted.push(p < 0.05);
  });
  return { name: shape.name, test: shape.test, threshold: shape.test === 'psi' ? 0.1 : 0.05, scores, statistics, pValues, drifted };
}

/** A change point at stream position `index` (rows in time order): its row in the file and its time. */
function point(index: number, w: TimeWindow[], stream = 888): ChangePoint {
  let before = 0;
  let window = w.length - 1;
  for (let i = 0; i < w.length; i++) {
    if (index < before + w[i].rows) {
      window = i;
      break;
    }
    before += w[i].rows;
  }
  const within = (index - before + 0.5) / w[window].rows;
  // The file is mostly in signup order; the 12 undated rows sit among the first few hundred.
  const row = Math.min(899, Math.round((index * 900) / stream) + 3);
  return { index, row, timestamp: Math.round((w[window].start + within * 7 * DAY) / 60_000) * 60_000, window };
}

/** Stream position of the start of window i, plus `offset` rows. */
function at(w: TimeWindow[], i: number, offset: number): number {
  return w.slice(0, i).reduce((a, x) => a + x.rows, 0) + offset;
}

export function withOverTime(base: DriftReport): DriftReport {
  const rand = seededRandom(20240401);
  const w = windows(rand);
  const columns = SHAPES.map((s) => column(s, w, rand));
  const error = { kind: 'error' as const, target: 'default', prediction: 'predicted_default' };
  const detectors: DetectorRun[] = [
    { detector: 'adwin', stream: error, length: 888, changePoints: [point(at(w, DRIFT_FROM, 9), w)] },
    { detector: 'ddm', stream: error, length: 888, changePoints: [point(at(w, DRIFT_FROM, 21), w)] },
    {
      detector: 'kswin',
      stream: { kind: 'column', column: 'age' },
      length: 876,
      changePoints: [point(at(w, DRIFT_FROM, 4), w, 876), point(at(w, DRIFT_FROM + 1, 12), w, 876), point(at(w, 17, 3), w, 876), point(at(w, 21, 25), w, 876)],
    },
    { detector: 'page_hinkley', stream: { kind: 'column', column: 'credit_score' }, length: 888, changePoints: [point(at(w, DRIFT_FROM, 15), w)] },
    {
      detector: 'ddm',
      stream: { kind: 'column', column: 'credit_score' },
      length: 0,
      changePoints: [],
      message: 'DDM needs a 0/1 stream (errors or a two-valued column); credit_score holds numbers from 300 to 850.',
    },
  ];
  const overTime: OverTimeReport = {
    timestamp: 'signup_date',
    window: { kind: 'week', size: 1 },
    windows: w,
    columns,
    detectors,
    notes: [
      '12 rows without a signup_date were left out of the windows.',
      'Each week is compared with the whole reference; scores are effect sizes (normalised Wasserstein for numbers, Jensen-Shannon for categories, PSI for credit_score, its own test).',
    ],
  };
  return { ...base, createdAt: '2026-11-23T08:30:00.000Z', overTime };
}
