/** Human-readable numbers and verdicts, shared by the CLI's text output and the Problems panel. */
import type { ColumnResult } from './report';
import { TEST_LABEL } from './tests';

/** Four significant digits; scientific below 1e-4 so tiny p-values stay readable. */
export function formatNumber(x: number | null): string {
  if (x === null || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** e.g. `KS p=0.0003 < 0.05` or `Wasserstein (normed) 0.231 ≥ 0.1`. */
export function formatEvidence(c: ColumnResult): string {
  if (c.test === null || c.threshold === null) return '';
  const label = TEST_LABEL[c.test];
  if (c.testKind === 'p_value') {
    const op = c.drifted ? '<' : '≥';
    return `${label} p=${formatNumber(c.pValue)} ${op} ${formatNumber(c.threshold)}`;
  }
  const op = c.drifted ? '≥' : '<';
  return `${label} ${formatNumber(c.statistic)} ${op} ${formatNumber(c.threshold)}`;
}

export function formatVerdict(c: ColumnResult): string {
  if (c.drifted === true) return 'DRIFT';
  if (c.drifted === false) return 'ok';
  return c.status.replace(/_/g, ' ');
}
