/** A file's last comparison (as its current file) → what the data view marks: its drifted columns and verdicts. */
import { formatEvidence, formatVerdict } from '../../core/suite/format';
import type { DriftReport } from '../../core/suite/report';
import type { DataViewDrift } from '../../protocol';

export function driftMarks(report: DriftReport | undefined): DataViewDrift | null {
  if (!report) return null;
  return {
    createdAt: report.createdAt,
    referencePath: report.reference.path,
    columns: report.columns
      .filter((c) => c.drifted === true && c.currentIndex !== undefined)
      .map((c) => ({ name: c.name, verdict: formatVerdict(c), drifted: c.drifted, evidence: formatEvidence(c) })),
  };
}
