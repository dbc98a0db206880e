/** The report's headline: dataset verdict, drifted share, and the two files with their row counts. */
import type { DatasetSummary, DriftReport } from '../src/core/suite/report';
import { badge } from './components/badge';
import { h } from './dom';
import { baseName, formatCount, formatShare } from './format';

/** Called when the user clicks a file name. */
export type OpenFile = (path: string) => void;

export function renderSummary(report: DriftReport, open: OpenFile): HTMLElement {
  const unjudged = report.columns.length - report.judgedColumns;
  const verdict = badge(
    report.datasetDrift ? 'Yes' : 'No',
    report.datasetDrift ? 'bad' : 'good',
    `Dataset drift when at least ${formatShare(report.datasetDriftShare)} of the judged columns drift`,
  );
  verdict.id = 'dataset-drift';
  const created = new Date(report.createdAt);
  return h(
    'header',
    { class: 'summary' },
    h(
      'div',
      { class: 'headline' },
      h('span', { class: 'item' }, h('span', { class: 'label' }, 'Dataset drift'), verdict),
      h(
        'span',
        { class: 'item', title: `Share of judged columns that drifted: ${formatShare(report.driftShare)}` },
        h('span', { class: 'label' }, 'Drifted columns'),
        h('span', { class: 'value', id: 'drifted-count' }, `${report.driftedColumns} of ${report.judgedColumns}`),
        h('span', { class: 'muted' }, unjudged > 0 ? `judged (${unjudged} not judged)` : 'judged'),
      ),
      h(
        'span',
        { class: 'item muted' },
        `Dataset drift at ≥ ${formatShare(report.datasetDriftShare)} of judged columns`,
      ),
    ),
    h('dl', { class: 'files' }, ...side('Reference', report.reference, open), ...side('Current', report.current, open)),
    skipped(report),
    Number.isNaN(created.getTime())
      ? null
      : h('div', { class: 'muted skipped', title: report.createdAt }, `Compared ${created.toLocaleString()}`),
  );
}

function side(label: string, d: DatasetSummary, open: OpenFile): HTMLElement[] {
  const link = h('button', { class: 'link', type: 'button', title: `Open ${d.path}` }, baseName(d.path));
  link.addEventListener('click', () => open(d.path));
  return [
    h('dt', {}, label),
    h(
      'dd',
      { 'data-side': label.toLowerCase() },
      link,
      h('span', { class: 'rows' }, `${formatCount(d.totalRows)} rows · ${formatCount(d.columns)} columns`),
      d.sampled ? h('span', { class: 'note' }, `sampled ${formatCount(d.rows)} of ${formatCount(d.totalRows)} rows`) : null,
      // Loose checks: a panel restored from an older version's saved state lacks these fields.
      d.skippedRows > 0
        ? h(
            'span',
            { class: 'note', title: `First skipped lines: ${(d.skippedRowLines ?? []).join(', ')}` },
            `skipped ${formatCount(d.skippedRows)} malformed rows`,
          )
        : null,
      d.renamedColumns?.length
        ? h(
            'span',
            { class: 'note', title: d.renamedColumns.map((r) => `"${r.from}" → ${r.to}`).join('\n') },
            `${d.renamedColumns.length} columns renamed (empty or duplicate headers)`,
          )
        : null,
    ),
  ];
}

function skipped(report: DriftReport): HTMLElement | null {
  const all = [
    ...report.reference.skipped.map((s) => `${s.name} (reference: ${s.reason})`),
    ...report.current.skipped.map((s) => `${s.name} (current: ${s.reason})`),
  ];
  return all.length ? h('div', { class: 'muted skipped' }, `Skipped columns: ${all.join('; ')}`) : null;
}
