/**
 * A comparison's report in a suite's terms: each column passes (severity none) or becomes a finding with the
 * severity its rule gives (drift, major drift, schema change), plus the dataset verdict. The worst severity gates CI.
 */
import { formatEvidence } from './format';
import type { DriftReport } from './report';
import { modelFindings } from './modelText';
import type { Severity, SeverityRules, SuiteColumnResult, SuiteModelFinding } from './suiteTypes';
import { SEVERITIES } from './suiteTypes';

export const DEFAULT_SEVERITY: SeverityRules = {
  drift: 'warning',
  majorDrift: 'error',
  datasetDrift: 'error',
  schemaChange: 'warning',
  performance: 'warning',
  multivariateDrift: 'warning',
};
/** Effect size (normalised Wasserstein or Jensen-Shannon distance) at or above which a drift counts as major. */
export const DEFAULT_MAJOR_EFFECT = 0.25;

export function worstSeverity(severities: Iterable<Severity>): Severity {
  let worst = 0;
  for (const s of severities) worst = Math.max(worst, SEVERITIES.indexOf(s));
  return SEVERITIES[worst];
}

/** True when `severity` is `min` or louder. */
export function atLeast(severity: Severity, min: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(min);
}

export interface Judged {
  severity: Severity;
  columns: SuiteColumnResult[];
  datasetMessage?: string;
  datasetSeverity?: Severity;
  modelFindings: SuiteModelFinding[];
}

export function judgeComparison(report: DriftReport, rules: Partial<SeverityRules> = {}, majorEffectSize = DEFAULT_MAJOR_EFFECT): Judged {
  const r = { ...DEFAULT_SEVERITY, ...rules };
  const columns: SuiteColumnResult[] = report.columns.map((c) => {
    const evidence = formatEvidence(c);
    if (c.drifted === true) {
      const major = c.major === true || (c.effectSize !== null && c.effectSize >= majorEffectSize);
      const how = major ? 'Major drift' : 'Drift';
      const effect = c.major || c.effectSize === null || c.testKind === 'distance' ? '' : `; effect size ${c.effectSize.toPrecision(3)}`;
      return { name: c.name, severity: major ? r.majorDrift : r.drift, message: `${how} in "${c.name}": ${evidence}${effect}`, drifted: true, major };
    }
    if (c.status === 'only_in_reference' || c.status === 'only_in_current' || c.status === 'type_mismatch') {
      return { name: c.name, severity: r.schemaChange, message: `"${c.name}": ${c.message ?? c.status}`, drifted: null, major: false };
    }
    if (c.status === 'error') {
      return { name: c.name, severity: 'error', message: `"${c.name}": ${c.message ?? 'the test failed'}`, drifted: null, major: false };
    }
    const message = c.drifted === false ? `No drift in "${c.name}": ${evidence}` : `"${c.name}" not judged: ${c.message ?? c.status}`;
    return { name: c.name, severity: 'none', message, drifted: c.drifted, major: false };
  });
  const datasetSeverity = report.datasetDrift ? r.datasetDrift : 'none';
  const datasetMessage = report.datasetDrift
    ? `Dataset drift: ${report.driftedColumns} of ${report.judgedColumns} columns drifted (share ${report.driftShare.toPrecision(3)} ≥ ${report.datasetDriftShare})`
    : undefined;
  const model = modelFindings(report).map((f): SuiteModelFinding => ({ ...f, severity: f.kind === 'performance' ? r.performance : r.multivariateDrift }));
  return {
    severity: worstSeverity([datasetSeverity, ...columns.map((c) => c.severity), ...model.map((f) => f.severity)]),
    columns,
    modelFindings: model,
    ...(datasetMessage ? { datasetMessage, datasetSeverity } : {}),
  };
}
