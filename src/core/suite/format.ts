/** Human-readable numbers and verdicts, shared by the CLI's text output and the Problems panel. */
import { TESTS } from './registry';
import type { ColumnResult } from './report';

/** Four significant digits; scientific below 1e-4 so tiny p-values stay readable. */
export function formatNumber(x: number | null): string {
  if (x === null || Number.isNaN(x)) return '—';
  if (x === 0) return '0';
  if (Math.abs(x) < 1e-4) return x.toExponential(2);
  return String(Number(x.toPrecision(4)));
}

/** e.g. `KS p=0.0003 < 0.05`, `KS adjusted p=0.0012 < 0.05` or `PSI 0.31 ≥ 0.1 (major)`. */
export function formatEvidence(c: ColumnResult): string {
  if (c.test === null || c.threshold === null) return '';
  const label = TESTS[c.test].label;
  if (c.testKind === 'p_value') {
    const adjusted = c.adjustedPValue !== null && c.adjustedPValue !== c.pValue;
    const op = c.drifted ? '<' : '≥';
    return `${label} ${adjusted ? 'adjusted ' : ''}p=${formatNumber(adjusted ? c.adjustedPValue : c.pValue)} ${op} ${formatNumber(c.threshold)}`;
  }
  const op = c.drifted ? '≥' : '<';
  return `${label} ${formatNumber(c.statistic)} ${op} ${formatNumber(c.threshold)}${c.major ? ' (major)' : ''}`;
}

export function formatVerdict(c: ColumnResult): string {
  if (c.drifted === true) return c.major ? 'MAJOR DRIFT' : 'DRIFT';
  if (c.drifted === false) return 'ok';
  return c.status.replace(/_/g, ' ');
}
