/**
 * Data view entry: draws what the extension relays from the file's profile, in the order it comes — the file's
 * name, its schema and facts (from a Parquet footer, at once), the first rows, then each column's summary — plus the
 * drift marks of its last comparison and the column to highlight.
 *
 * Messages to the extension that tests rely on:
 * - `ready` once the script runs (the extension then sends everything known about the file);
 * - `rendered {columns, summaries, previewRows, drifted, failed}` after every update: columns in the schema,
 *   summaries drawn, rows in the grid, columns marked as drifted, and the failure shown (null: none);
 * - `focused {column}` when a column was scrolled to and highlighted (a focus request, or a click on its row).
 */
import type { ProfileSchema } from '../../src/core/profile/profileTypes';
import type { DataViewDrift, ToDataView } from '../../src/protocol';
import { progressRing } from '../components/progressRing';
import { registerToolkit } from '../components/toolkit';
import { h } from '../dom';
import { baseName, formatCount, formatDate } from '../format';
import { adoptStyles } from '../styles';
import { host } from './api';
import { renderColumnsTable, type ColumnsTable } from './columnsTable';
import { fileFacts, formatBytes, plural } from './dataViewFormat';
import { renderRowGrid } from './rowGrid';
import { adoptDataViewStyles } from './styles';

registerToolkit();
adoptStyles();
adoptDataViewStyles();

const root = document.getElementById('root') ?? document.body.appendChild(h('main', { id: 'root' }));

/** What is on screen for the file. */
interface View {
  title: HTMLElement;
  facts: HTMLElement;
  progress: HTMLElement;
  driftNote: HTMLElement;
  failedBox: HTMLElement;
  columns: HTMLElement;
  rows: HTMLElement;
  rowGroups: HTMLElement;
  schema: ProfileSchema | null;
  table: ColumnsTable | null;
  previewRows: number;
  failed: string | null;
  done: boolean;
}

let view = emptyView('');
let drift: DataViewDrift | null = null;
let marked: string[] = [];
/** A column to highlight once the schema is drawn. */
let pendingFocus: string | null = null;

function emptyView(name: string): View {
  const v: View = {
    title: h('h1', {}, name),
    facts: h('div', { class: 'dv-facts' }),
    progress: h('div', { class: 'dv-progress', role: 'status' }),
    driftNote: h('div', { class: 'dv-drift' }),
    failedBox: h('section', { class: 'dv-failed', role: 'alert' }),
    columns: h('section', { class: 'dv-section', 'aria-label': 'Columns' }),
    rows: h('section', { class: 'dv-section', 'aria-label': 'First rows' }),
    rowGroups: h('section', { class: 'dv-section' }),
    schema: null,
    table: null,
    previewRows: 0,
    failed: null,
    done: false,
  };
  v.driftNote.hidden = true;
  v.failedBox.hidden = true;
  root.replaceChildren(h('header', { class: 'dv-head' }, v.title, v.facts, v.driftNote, v.progress), v.failedBox, v.columns, v.rows, v.rowGroups);
  return v;
}

function setProgress(text: string | null): void {
  view.progress.replaceChildren(...(text === null ? [] : [progressRing(text), h('span', {}, text)]));
}

function summariesProgress(): void {
  const total = view.schema?.columns.length ?? 0;
  const done = view.table?.summaries ?? 0;
  setProgress(done < total && !view.done && !view.failed ? `Summarising columns: ${formatCount(done)} of ${formatCount(total)}…` : null);
}

function showSchema(schema: ProfileSchema): void {
  view.schema = schema;
  view.facts.replaceChildren(...fileFacts(schema).map((f) => h('span', {}, f)));
  view.table = renderColumnsTable(schema, {
    select: (column) => focusColumn(column),
    showInPanel: (column) => host.postMessage({ type: 'showInPanel', column }),
  });
  view.columns.replaceChildren(h('h2', {}, 'Columns'), view.table.element);
  if (schema.rowGroups && schema.rowGroupCount) {
    const more = schema.rowGroupCount - schema.rowGroups.length;
    view.rowGroups.replaceChildren(
      h(
        'details',
        {},
        h('summary', {}, h('h2', { class: 'inline' }, `Row groups (${formatCount(schema.rowGroupCount)})`)),
        h(
          'table',
          { class: 'dv-rowgroups' },
          h('thead', {}, h('tr', {}, h('th', {}, '#'), h('th', {}, 'Rows'), h('th', {}, 'Compressed'), h('th', {}, 'Uncompressed'))),
          h(
            'tbody',
            {},
            ...schema.rowGroups.map((g, i) =>
              h('tr', {}, h('td', {}, String(i + 1)), h('td', {}, formatCount(g.rows)), h('td', {}, formatBytes(g.compressedBytes)), h('td', {}, formatBytes(g.uncompressedBytes))),
            ),
          ),
        ),
        more > 0 ? h('p', { class: 'muted' }, `and ${plural(more, 'more row group')}`) : null,
      ),
    );
  }
  applyDrift();
  if (pendingFocus !== null) focusColumn(pendingFocus);
  summariesProgress();
}

function applyDrift(): void {
  marked = view.table ? view.table.setDrift(drift) : [];
  view.driftNote.hidden = drift === null;
  if (!drift) return;
  view.driftNote.classList.toggle('none', drift.columns.length === 0);
  const when = formatDate(Date.parse(drift.createdAt));
  view.driftNote.replaceChildren(
    `Compared with ${baseName(drift.referencePath)} (${when}): `,
    h('strong', {}, drift.columns.length === 0 ? 'no column drifted' : `${plural(drift.columns.length, 'column')} drifted`),
    drift.columns.length ? ` — ${drift.columns.map((c) => c.name).join(', ')}` : '',
  );
}

function focusColumn(column: string): void {
  if (!view.table) {
    pendingFocus = column;
    return;
  }
  pendingFocus = null;
  if (view.table.focus(column)) host.postMessage({ type: 'focused', column });
}

function showFailure(message: string): void {
  view.failed = message;
  view.failedBox.hidden = false;
  view.failedBox.replaceChildren(h('h2', {}, 'This file cannot be shown'), h('pre', {}, message));
  view.table?.stopWaiting();
  setProgress(null);
}

function handle(message: ToDataView): void {
  switch (message.type) {
    case 'file':
      view = emptyView(message.name);
      view.title.title = message.path;
      document.title = message.name;
      setProgress('Reading the file…');
      break;
    case 'schema':
      showSchema(message.schema);
      break;
    case 'preview': {
      const { preview } = message;
      view.previewRows = preview.rows.length;
      const title = preview.rows.length < preview.totalRows ? `First ${plural(preview.rows.length, 'row')} of ${formatCount(preview.totalRows)}` : `All ${plural(preview.rows.length, 'row')}`;
      view.rows.replaceChildren(h('h2', {}, title), renderRowGrid(preview).element);
      break;
    }
    case 'summary':
      view.table?.setSummary(message.summary);
      summariesProgress();
      break;
    case 'done':
      view.done = true;
      view.table?.stopWaiting();
      setProgress(null);
      break;
    case 'failed':
      showFailure(message.message);
      break;
    case 'drift':
      drift = message.drift;
      applyDrift();
      break;
    case 'focusColumn':
      focusColumn(message.column);
      break;
  }
  host.postMessage({
    type: 'rendered',
    columns: view.schema?.columns.length ?? 0,
    summaries: view.table?.summaries ?? 0,
    previewRows: view.previewRows,
    drifted: marked,
    failed: view.failed,
  });
}

window.addEventListener('message', (event: MessageEvent<ToDataView>) => handle(event.data));
host.postMessage({ type: 'ready' });
