/**
 * One row per column: what the file declares (name, physical and logical type, nulls from its statistics), at once,
 * and what its values say (type, missing share, distinct values, range or top values, a small distribution), filled
 * in as each column's summary arrives. Drifted columns of the file's last comparison carry their verdict and a
 * link to the drift panel. A row can be highlighted (`focus`): scrolled to the middle of the view and outlined.
 */
import type { ColumnSummary, ProfileSchema } from '../../src/core/profile/profileTypes';
import type { DataViewDrift } from '../../src/protocol';
import { verdictTag } from '../components/tag';
import { h } from '../dom';
import { formatCount } from '../format';
import { missingText, nullsText, rangeText } from './dataViewFormat';
import { sparkline } from './sparkline';

const GLYPHS: Record<string, string> = { numeric: '#', categorical: 'ab', boolean: '0/1', datetime: 'dt', text: 'T' };

export interface ColumnsTable {
  element: HTMLElement;
  setSummary(summary: ColumnSummary): void;
  /** Summaries drawn so far. */
  readonly summaries: number;
  /** Rows still waiting for a summary show "—" (the profile ended without one, e.g. it failed). */
  stopWaiting(): void;
  setDrift(drift: DataViewDrift | null): string[];
  /** Scrolls to a column and outlines it; false when there is no such column. */
  focus(column: string): boolean;
}

export function renderColumnsTable(
  schema: ProfileSchema,
  actions: { select(column: string): void; showInPanel(column: string): void },
): ColumnsTable {
  const rows = schema.columns.map((field, index) => {
    const summaryCells = [cell('type', waiting()), cell('missing num', waiting()), cell('distinct num', waiting()), cell('range', waiting()), cell('dist', waiting())];
    const mark = h('div', { class: 'drift-mark' });
    mark.hidden = true;
    const tr = h(
      'tr',
      { 'data-column': field.name, 'data-index': String(index), tabindex: '-1' },
      h('td', { class: 'num muted' }, String(index + 1)),
      h('th', { scope: 'row', class: 'col-name' }, h('span', { class: 'name' }, field.name), mark),
      cell('physical', field.physicalType),
      cell('logical', field.logicalType ?? '—'),
      cell('nulls num', nullsText(field.nulls, schema.rows)),
      ...summaryCells,
    );
    tr.addEventListener('click', (e) => {
      if ((e.target as HTMLElement).closest('button')) return;
      actions.select(field.name);
    });
    return { tr, summaryCells, mark, done: false };
  });
  const byName = new Map(schema.columns.map((f, i) => [f.name, i]));

  const table = h(
    'table',
    { class: 'dv-columns', 'aria-label': 'Columns' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { class: 'num', scope: 'col' }, '#'),
        h('th', { scope: 'col' }, 'Column'),
        h('th', { scope: 'col', title: 'How the file stores the values' }, 'Physical type'),
        h('th', { scope: 'col', title: 'What the stored values mean' }, 'Logical type'),
        h('th', { class: 'num', scope: 'col', title: "From the file's own statistics" }, 'Nulls'),
        h('th', { scope: 'col', title: 'The type a comparison gives the column' }, 'Type'),
        h('th', { class: 'num', scope: 'col' }, 'Missing'),
        h('th', { class: 'num', scope: 'col' }, 'Distinct'),
        h('th', { scope: 'col' }, 'Range / top values'),
        h('th', { scope: 'col' }, 'Distribution'),
      ),
    ),
    h('tbody', {}, ...rows.map((r) => r.tr)),
  );
  let summaries = 0;
  let focused: HTMLElement | null = null;

  return {
    element: h('div', { class: 'dv-columns-scroll' }, table),
    get summaries() {
      return summaries;
    },
    setSummary(s) {
      const row = rows[s.index];
      if (!row || row.done) return;
      row.done = true;
      summaries++;
      const [type, missing, distinct, range, dist] = row.summaryCells;
      if (s.type === null) {
        type.replaceChildren(h('span', { class: 'muted', title: s.skipped }, 'not read'));
        missing.replaceChildren('—');
        distinct.replaceChildren('—');
        range.replaceChildren(h('span', { class: 'muted skipped' }, s.skipped ?? ''));
        dist.replaceChildren();
        return;
      }
      type.replaceChildren(h('span', { class: 'type-icon', 'data-type': s.type, 'aria-hidden': 'true' }, GLYPHS[s.type] ?? '?'), ' ', s.type);
      if (s.sampled !== undefined) type.append(h('span', { class: 'muted', title: `Summarised from a seeded sample of ${formatCount(s.sampled)} rows` }, ' (sample)'));
      missing.replaceChildren(missingText(s));
      missing.title = `${formatCount(s.missing)} of ${formatCount(s.rows)}`;
      distinct.replaceChildren(formatCount(s.distinct));
      const text = rangeText(s);
      range.replaceChildren(text);
      range.title = text;
      dist.replaceChildren(sparkline(s) ?? '');
    },
    stopWaiting() {
      for (const row of rows) if (!row.done) for (const c of row.summaryCells) c.replaceChildren('—');
    },
    setDrift(drift) {
      const marked: string[] = [];
      const byColumn = new Map(drift?.columns.map((c) => [c.name, c]));
      for (const row of rows) {
        const name = row.tr.dataset.column!;
        const c = byColumn.get(name);
        row.tr.dataset.drifted = c ? 'true' : 'false';
        row.mark.hidden = !c;
        if (!c) {
          row.mark.replaceChildren();
          continue;
        }
        marked.push(name);
        const link = h('button', { class: 'link', type: 'button', title: `Open "${name}" in the drift panel` }, 'Drift panel →');
        link.addEventListener('click', () => actions.showInPanel(name));
        row.mark.replaceChildren(verdictTag(c.verdict, c.drifted, c.evidence), h('span', { class: 'muted evidence' }, c.evidence), link);
      }
      return marked;
    },
    focus(column) {
      const index = byName.get(column);
      if (index === undefined) return false;
      const tr = rows[index].tr;
      focused?.removeAttribute('aria-current');
      focused = tr;
      tr.setAttribute('aria-current', 'true');
      tr.scrollIntoView({ block: 'center' });
      tr.focus({ preventScroll: true });
      return true;
    },
  };
}

function cell(kind: string, content: string | Node): HTMLElement {
  return h('td', { class: `col-${kind.split(' ')[0]}${kind.includes('num') ? ' num' : ''}` }, content);
}

/** A plain mark, not a spinner: a wide file would have thousands (the header shows the progress). */
function waiting(): HTMLElement {
  return h('span', { class: 'muted waiting', title: 'Summarising…' }, '…');
}
