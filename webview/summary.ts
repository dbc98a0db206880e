/**
 * The report's headline: dataset verdict, drifted share, the two files with their row counts, how long the
 * comparison took, and the actions on the whole report (swap sides, re-run, export). Without actions (the
 * offline export page) only the facts are shown.
 */
import type { DatasetSummary, DriftReport } from '../src/core/suite/report';
import type { ExportFormat } from '../src/protocol';
import { badge } from './components/badge';
import { h } from './dom';
import { baseName, formatCount, formatDuration, formatShare } from './format';

/** Called when the user clicks a file name. */
export type OpenFile = (path: string) => void;

export interface SummaryActions {
  open: OpenFile;
  swap(): void;
  rerun(): void;
  export(format: ExportFormat): void;
}

export function renderSummary(report: DriftReport, actions: SummaryActions | null): HTMLElement {
  const open: OpenFile | null = actions?.open ?? null;
  const unjudged = report.columns.length - report.judgedColumns;
  const verdict = badge(
    report.datasetDrift ? 'Yes' : 'No',
    report.datasetDrift ? 'bad' : 'good',
    `Dataset drift when at least ${formatShare(report.datasetDriftShare)} of the judged columns drift`,
  );
  verdict.id = 'dataset-drift';
  const created = new Date(report.createdAt);
  const when = [
    Number.isNaN(created.getTime()) ? '' : `Compared ${created.toLocaleString()}`,
    report.durationMs != null ? `in ${formatDuration(report.durationMs)}` : '',
  ].filter(Boolean).join(' ');
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
      actions ? renderActions(actions) : null,
    ),
    h('dl', { class: 'files' }, ...side('Reference', report.reference, open), ...side('Current', report.current, open)),
    skipped(report),
    when ? h('div', { class: 'muted skipped', id: 'compared', title: report.createdAt }, when) : null,
  );
}

/** Swap, Re-run, and Export… which discloses its two formats (Escape folds them away again). */
function renderActions(actions: SummaryActions): HTMLElement {
  const button = (id: string, text: string, title: string, run: () => void, secondary = true) => {
    const b = h('button', { class: secondary ? 'button secondary' : 'button', type: 'button', id, title }, text);
    b.addEventListener('click', run);
    return b;
  };
  const formats = h(
    'span',
    { class: 'export-formats', id: 'export-formats', hidden: '' },
    button('export-json', 'JSON', 'Save the report as JSON (the CLI\'s format)', () => actions.export('json')),
    button('export-html', 'HTML', 'Save the report as one offline HTML page that looks like this panel', () => actions.export('html')),
  );
  const exportButton = button('export', 'Export…', 'Save this report as JSON or as an offline HTML page', () => {
    const open = formats.hidden;
    formats.hidden = !open;
    exportButton.setAttribute('aria-expanded', String(open));
    if (open) (formats.firstElementChild as HTMLElement).focus();
  });
  exportButton.setAttribute('aria-expanded', 'false');
  exportButton.setAttribute('aria-controls', 'export-formats');
  const group = h(
    'span',
    { class: 'actions', role: 'group', 'aria-label': 'Report actions' },
    button('swap', 'Swap reference/current', 'Compare again with the two files swapped', actions.swap),
    button('rerun', 'Re-run', 'Compare the two files again (e.g. after they changed)', actions.rerun),
    exportButton,
    formats,
  );
  group.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !formats.hidden) {
      event.stopPropagation();
      formats.hidden = true;
      exportButton.setAttribute('aria-expanded', 'false');
      exportButton.focus();
    }
  });
  return group;
}

function side(label: string, d: DatasetSummary, open: OpenFile | null): HTMLElement[] {
  const link = open
    ? h('button', { class: 'link', type: 'button', title: `Open ${d.path}` }, baseName(d.path))
    : h('span', { class: 'file', title: d.path }, baseName(d.path));
  if (open) link.addEventListener('click', () => open(d.path));
  return [
    h('dt', {}, label),
    h(
      'dd',
      { 'data-side': label.toLowerCase() },
      link,
      h('span', { class: 'rows' }, `${formatCount(d.totalRows)} rows · ${formatCount(d.columns)} columns`),
      d.sampled ? h('span', { class: 'note', 'data-sampled': 'true' }, `sampled: ${formatCount(d.rows)} of ${formatCount(d.totalRows)} rows compared`) : null,
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
