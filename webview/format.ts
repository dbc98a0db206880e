/** Display text for numbers, tests, statuses and paths. Pure functions, no DOM. */
import type { ColumnResult, ColumnStatus, TestId, TestKind } from '../src/core/suite/report';

const TEST_NAMES: Record<TestId, string> = {
  ks: 'K-S p-value',
  chi2: 'Chi-squared p-value',
  z: 'Z-test p-value',
  fisher: 'Fisher exact p-value',
  anderson: 'Anderson-Darling p-value',
  cramer_von_mises: 'Cramér-von Mises p-value',
  mann_whitney: 'Mann-Whitney U p-value',
  wasserstein: 'Wasserstein (normed)',
  energy: 'Energy distance',
  jensen_shannon: 'Jensen-Shannon',
  kl: 'KL divergence',
  hellinger: 'Hellinger distance',
  total_variation: 'Total variation',
  psi: 'PSI',
};

/** Short names of the distances reported as effect sizes. */
const MEASURE_NAMES: Partial<Record<TestId, string>> = { wasserstein: 'Wasserstein', jensen_shannon: 'Jensen-Shannon' };

const STATUS_WORDS: Record<ColumnStatus, string> = {
  ok: 'Not judged',
  only_in_reference: 'Only in reference',
  only_in_current: 'Only in current',
  type_mismatch: 'Type mismatch',
  not_enough_data: 'Not enough data',
  unsupported: 'Not tested',
  error: 'Error',
};

/** Four significant digits; scientific below 1e-4 (and from 1e6 up); "—" for null. */
export function formatNumber(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  const abs = Math.abs(x);
  if (abs < 1e-4 || abs >= 1e6) return x.toExponential(3).replace('e+', 'e');
  return String(Number(x.toPrecision(4)));
}

/** Full precision, for tooltips. */
export function exactNumber(x: number | null | undefined): string {
  return x === null || x === undefined ? '' : String(x);
}

/** 1234567 → "1,234,567". */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** 0.25 → "25%", 0.0042 → "0.4%". */
export function formatShare(x: number): string {
  const pct = x * 100;
  if (pct === 0) return '0%';
  return `${pct < 1 ? pct.toFixed(1) : Number(pct.toPrecision(3))}%`;
}

export function testName(test: TestId | null): string {
  return test === null ? '—' : TEST_NAMES[test];
}

/** "effect 0.23 (Wasserstein)" beside a p-value test; empty when the test is itself the distance. */
export function effectText(c: ColumnResult): string {
  // Loose checks: a panel restored from an older version's saved state has no such fields.
  if (c.effectSize == null || c.effectSizeMeasure == null || c.effectSizeMeasure === c.test) return '';
  return `effect ${formatNumber(c.effectSize)} (${MEASURE_NAMES[c.effectSizeMeasure] ?? c.effectSizeMeasure})`;
}

/** "adj. 0.0036" when a multiple-testing correction changed the p-value. */
export function adjustedText(c: ColumnResult): string {
  return c.adjustedPValue != null && c.adjustedPValue !== c.pValue ? `adj. ${formatNumber(c.adjustedPValue)}` : '';
}

/** "Drift", "Major drift" (PSI), "No drift", or why the column has no verdict. */
export function verdictText(c: ColumnResult): string {
  if (c.drifted === true) return c.major ? 'Major drift' : 'Drift';
  if (c.drifted === false) return 'No drift';
  return STATUS_WORDS[c.status];
}

/** "< 0.05" for p-values (drift below), "≥ 0.1" for distances (drift at or above); "—" without a test. */
export function thresholdText(c: ColumnResult): string {
  return ruleText(c.testKind, c.threshold);
}

export function typeText(c: Pick<ColumnResult, 'type' | 'currentType'>): string {
  return c.currentType && c.currentType !== c.type ? `${c.type} → ${c.currentType}` : c.type;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/** 132 → "0.13 s", 1234 → "1.2 s", 95000 → "1 min 35 s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Number((ms / 1000).toPrecision(2))} s`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** Epoch milliseconds as a date (and the time when it is not midnight UTC); numbers that are not dates as numbers. */
export function formatDate(x: number | null | undefined): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  const d = new Date(x);
  if (Number.isNaN(d.getTime())) return formatNumber(x);
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

/** A duration in milliseconds (a datetime column's std) in days or hours. */
export function formatSpan(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const days = ms / 86_400_000;
  return Math.abs(days) >= 1 ? `${formatNumber(days)} days` : `${formatNumber(ms / 3_600_000)} hours`;
}

/** "p < 0.05" / "≥ 0.1": the rule a test's value is judged by. */
export function ruleText(kind: TestKind | null, threshold: number | null): string {
  if (threshold === null || kind === null) return '—';
  return `${kind === 'distance' ? '≥' : '<'} ${formatNumber(threshold)}`;
}
