/** A suite report as plain text: one block per comparison, findings listed by severity. */
import type { SuiteReport } from '../core/suite/suiteTypes';

const MARK = { none: 'ok', info: 'INFO', warning: 'WARNING', error: 'ERROR' } as const;

export function renderSuiteText(report: SuiteReport): string {
  const c = report.counts.columns;
  const lines = [
    `suite: ${report.file}`,
    `${report.counts.comparisons} comparisons (${report.counts.errored} could not run), ${c.error} errors, ${c.warning} warnings, ${c.info} infos, ${c.none} columns passed — ${MARK[report.severity]}`,
  ];
  for (const r of report.results) {
    lines.push('', `${MARK[r.severity].padEnd(7)}  ${r.name}: ${r.referencePath} → ${r.currentPath} (${(r.durationMs / 1000).toFixed(2)} s)`);
    if (r.error) {
      lines.push(`         could not run: ${r.error.message}`);
      continue;
    }
    if (r.datasetMessage) lines.push(`         ${MARK[r.datasetSeverity ?? 'none'].toLowerCase().padEnd(7)}  ${r.datasetMessage}`);
    for (const f of r.modelFindings ?? []) lines.push(`         ${f.severity.padEnd(7)}  ${f.message}`);
    const findings = r.columns.filter((col) => col.severity !== 'none');
    for (const col of findings) lines.push(`         ${col.severity.padEnd(7)}  ${col.message}`);
    const passed = r.columns.length - findings.length;
    if (passed) lines.push(`         ${passed} column${passed === 1 ? '' : 's'} passed`);
  }
  return lines.join('\n');
}
