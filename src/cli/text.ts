/** The CLI's plain-text report: a summary line and an aligned table, one row per column. */
import { formatEvidence, formatNumber, formatVerdict } from '../core/suite/format';
import type { DriftReport } from '../core/suite/report';

export function renderText(report: DriftReport): string {
  const side = (label: string, s: DriftReport['reference']) =>
    `${label}: ${s.path} (${s.rows} rows${s.sampled ? `, sampled from ${s.totalRows}` : ''}, ${s.columns} columns)`;
  const rows = report.columns.map((c) => [
    c.name,
    c.type,
    c.test ?? '—',
    formatNumber(c.statistic),
    formatNumber(c.pValue),
    formatNumber(c.threshold),
    formatVerdict(c),
    c.drifted === null ? c.message ?? '' : formatEvidence(c),
  ]);
  const header = ['column', 'type', 'test', 'statistic', 'p-value', 'threshold', 'verdict', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  return [
    side('reference', report.reference),
    side('current  ', report.current),
    `dataset drift: ${report.datasetDrift ? 'YES' : 'no'} (${report.driftedColumns} of ${report.judgedColumns} columns drifted, share ${formatNumber(report.driftShare)}, threshold ${formatNumber(report.datasetDriftShare)})`,
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
