/**
 * A suite run's results in the Problems panel, on each current file, with the severities the suite configures:
 * `none` gives no entry, `info`/`warning`/`error` the matching diagnostic. Column findings sit on the column's
 * header cell (CSV/TSV) or line 1, like a single comparison's; the dataset verdict and a comparison that could not
 * run sit on line 1 (or the line the error names). Published through DriftDiagnostics, so the entries link to the
 * panel like any other.
 */
import * as vscode from 'vscode';
import type { Severity, SuiteComparisonResult } from '../../core/suite/suiteApi';
import { DriftDiagnostics, type Finding } from '../diagnostics';

const SEVERITY: Record<Exclude<Severity, 'none'>, vscode.DiagnosticSeverity> = {
  info: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
  error: vscode.DiagnosticSeverity.Error,
};

/** Publishes the results of a run, one current file at a time (a file in several comparisons gets them all). */
export async function publishSuiteDiagnostics(diagnostics: DriftDiagnostics, results: SuiteComparisonResult[]): Promise<void> {
  const byFile = new Map<string, SuiteComparisonResult[]>();
  for (const r of results) byFile.set(r.currentPath, [...(byFile.get(r.currentPath) ?? []), r]);
  await Promise.all(
    [...byFile].map(async ([path, fileResults]) => {
      // Several comparisons of one file: each entry says which one it comes from.
      const prefix = (r: SuiteComparisonResult) => (fileResults.length > 1 ? `[${r.name}] ` : '');
      const findings = fileResults.flatMap((r) => findingsOf(r, prefix(r)));
      const format = fileResults.find((r) => r.report)?.report?.current.format ?? 'unknown';
      await diagnostics.publishFindings(vscode.Uri.file(path), format, findings);
    }),
  );
}

function findingsOf(r: SuiteComparisonResult, prefix: string): Finding[] {
  if (r.error) {
    const line = r.error.path === r.currentPath ? r.error.line : undefined;
    return [{ message: `${prefix}${r.name} could not run: ${r.error.message}`, severity: vscode.DiagnosticSeverity.Error, line, code: 'suite' }];
  }
  const findings: Finding[] = [];
  if (r.datasetMessage && r.datasetSeverity && r.datasetSeverity !== 'none') {
    findings.push({ message: `${prefix}${r.datasetMessage}`, severity: SEVERITY[r.datasetSeverity], code: 'dataset_drift' });
  }
  for (const f of r.modelFindings ?? []) {
    if (f.severity === 'none') continue;
    const column = f.column ? r.report?.columns.find((rc) => rc.name === f.column) : undefined;
    findings.push({ ...(column ? { column } : {}), message: `${prefix}${f.message}`, severity: SEVERITY[f.severity], code: `${f.kind}_drift` });
  }
  for (const c of r.columns) {
    if (c.severity === 'none') continue;
    const column = r.report?.columns.find((rc) => rc.name === c.name);
    findings.push({
      column: column ?? { name: c.name },
      message: `${prefix}${c.message}`,
      severity: SEVERITY[c.severity],
      code: column?.test ?? undefined,
    });
  }
  return findings;
}
