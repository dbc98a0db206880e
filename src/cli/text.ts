/** The CLI's plain-text report: a summary line and an aligned table, one row per column. */
import { formatEvidence, formatNumber, formatVerdict } from '../core/suite/format';
import { findingText } from '../core/suite/findingText';
import { modelSectionsText } from '../core/suite/modelText';
import { overTimeLines } from '../core/suite/overTimeText';
import type { DriftReport, Finding } from '../core/suite/report';

/** One-sided columns and type changes already read in the verdict column; list the rest. */
const isContentFinding = (f: Finding) => f.kind !== 'only_in_reference' && f.kind !== 'only_in_current' && f.kind !== 'type_changed';

export function renderText(report: DriftReport): string {
  const side = (label: string, s: DriftReport['reference']) =>
    `${label}: ${s.path} (${s.rows} rows${s.sampled ? `, sampled from ${s.totalRows}` : ''}, ${s.columns} columns)`;
  const rows = report.columns.map((c) => [
    c.role ? `${c.name} [${c.role}]` : c.name,
    c.type,
    c.test ?? '—',
    formatNumber(c.statistic),
    formatNumber(c.pValue),
    formatNumber(c.threshold),
    c.effectSizeMeasure === null ? '—' : `${formatNumber(c.effectSize)} ${c.effectSizeMeasure === c.test ? '' : `(${c.effectSizeMeasure})`}`.trim(),
    formatVerdict(c),
    [c.drifted === null ? c.message ?? '' : formatEvidence(c), ...c.findings.filter(isContentFinding).map(findingText)].filter(Boolean).join('; '),
  ]);
  const header = ['column', 'type', 'test', 'statistic', 'p-value', 'threshold', 'effect size', 'verdict', 'detail'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd();
  const notes = [report.reference, report.current].flatMap((s) => [
    ...(s.skippedRows > 0 ? [`note: ${s.path}: skipped ${s.skippedRows} malformed rows (lines ${s.skippedRowLines.join(', ')}${s.skippedRows > s.skippedRowLines.length ? ', …' : ''})`] : []),
    ...s.renamedColumns.map((r) => `note: ${s.path}: column "${r.from}" renamed to "${r.to}" (empty or duplicate header)`),
    ...s.skipped.map((k) => `note: ${s.path}: column "${k.name}" skipped: ${k.reason}`),
  ]);
  return [
    side('reference', report.reference),
    side('current  ', report.current),
    ...notes,
    `dataset drift: ${report.datasetDrift ? 'YES' : 'no'} (${report.driftedColumns} of ${report.judgedColumns} columns drifted, share ${formatNumber(report.driftShare)}, threshold ${formatNumber(report.datasetDriftShare)}` +
      `${report.correction === 'none' ? '' : `; p-values ${report.correction.replace(/_/g, '-')}-adjusted`})`,
    ...(report.model ? modelSectionsText(report.model) : []),
    ...(report.overTime ? overTimeLines(report.overTime) : []),
    '',
    line(header),
    ...rows.map(line),
  ].join('\n');
}
