/** Display text and choices for the suite overview. Pure functions, no DOM. */
import type { DriftReport } from '../src/core/suite/report';
import type { Severity, SuiteColumnResult, SuiteComparisonResult, SuiteReport } from '../src/core/suite/suiteTypes';

/** The badge a result gets: its severity, or "could not run" for a comparison that has no report. */
export type ResultKey = Severity | 'failed';

const RANK: Record<Severity, number> = { none: 0, info: 1, warning: 2, error: 3 };

const LABELS: Record<ResultKey, string> = {
  none: 'Passed',
  info: 'Info',
  warning: 'Warning',
  error: 'Error',
  failed: 'Could not run',
};

/** Loose: a suite restored from an older saved state, or written by a newer CLI, may hold other words. */
export function severityOf(value: unknown): Severity {
  return value === 'info' || value === 'warning' || value === 'error' ? value : 'none';
}

export function resultKey(r: SuiteComparisonResult): ResultKey {
  return r.error || !r.report ? 'failed' : severityOf(r.severity);
}

export function resultLabel(key: ResultKey): string {
  return LABELS[key];
}

/** What the suite as a whole says: "Passed" or its worst severity. */
export function suiteLabel(suite: SuiteReport): string {
  return LABELS[severityOf(suite.severity)];
}

/** The columns with a finding, the most severe first (report order within a severity), at most `limit`. */
export function worstColumns(r: SuiteComparisonResult, limit = 3): SuiteColumnResult[] {
  return (r.columns ?? [])
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => severityOf(c.severity) !== 'none')
    .sort((a, b) => RANK[severityOf(b.c.severity)] - RANK[severityOf(a.c.severity)] || a.i - b.i)
    .slice(0, limit)
    .map(({ c }) => c);
}

/** Columns with a finding (any severity but none). */
export function findingCount(r: SuiteComparisonResult): number {
  return (r.columns ?? []).filter((c) => severityOf(c.severity) !== 'none').length;
}

/** "3 of 8" drifted of judged columns; "—" without a report. */
export function driftedText(r: SuiteComparisonResult): string {
  return r.report ? `${r.report.driftedColumns} of ${r.report.judgedColumns}` : '—';
}

/** "Drift" / "No drift" for the dataset verdict; "—" without a report. */
export function datasetText(r: SuiteComparisonResult): string {
  if (!r.report) return '—';
  return r.report.datasetDrift ? 'Drift' : 'No drift';
}

/** Why a comparison could not run, with the place in the file when the error names one. */
export function errorText(r: SuiteComparisonResult): string {
  if (!r.error) return r.report ? '' : 'No report.';
  const where = [r.error.line != null ? `line ${r.error.line}` : '', r.error.column ? `column "${r.error.column}"` : ''].filter(Boolean).join(', ');
  return where ? `${r.error.message} (${where})` : r.error.message;
}

/** "5 errors · 6 warnings · 1 info · 22 passed": the columns by severity, the most severe first, zeros left out. */
export function columnCountsText(counts: Partial<Record<Severity, number>> | undefined): string {
  const c = counts ?? {};
  const parts: string[] = [];
  const n = (s: Severity) => (typeof c[s] === 'number' ? c[s]! : 0);
  if (n('error')) parts.push(`${n('error')} ${n('error') === 1 ? 'error' : 'errors'}`);
  if (n('warning')) parts.push(`${n('warning')} ${n('warning') === 1 ? 'warning' : 'warnings'}`);
  if (n('info')) parts.push(`${n('info')} info`);
  parts.push(`${n('none')} passed`);
  return parts.join(' · ');
}

/** A SuiteReport (rather than a DriftReport): it has a `results` array. */
export function isSuiteReport(value: unknown): value is SuiteReport {
  return typeof value === 'object' && value !== null && Array.isArray((value as { results?: unknown }).results);
}

/** The suite result a report belongs to: the same report (createdAt), else the same two files; null when none. */
export function resultForReport(suite: SuiteReport, report: DriftReport, preferId?: string | null): SuiteComparisonResult | null {
  const results = suite.results;
  const same = results.find((r) => r.report?.createdAt === report.createdAt);
  if (same) return same;
  const samePaths = (r: SuiteComparisonResult) => r.referencePath === report.reference.path && r.currentPath === report.current.path;
  const preferred = preferId != null ? results.find((r) => r.id === preferId) : undefined;
  if (preferred && samePaths(preferred)) return preferred;
  return results.find(samePaths) ?? null;
}
