/**
 * The column table's toolbar: sort key and direction, "drifted only", a filter per column type and a name
 * search, plus the count of columns shown. It stays in place while the rows below are redrawn, so the search
 * box keeps focus while the user types; it reports every change as a patch of the view state.
 */
import type { DriftReport } from '../src/core/suite/report';
import type { SortKey, ViewState } from '../src/protocol';
import { COLUMN_TYPES, typeCounts } from './columnOrder';
import { h } from './dom';
import { formatCount } from './format';
import { defaultDescending } from './viewState';

const SORT_LABELS: Record<SortKey, string> = {
  report: 'Report order',
  drift: 'Drift score (effect size)',
  pValue: 'p-value',
  name: 'Name',
  type: 'Type',
};

export interface Toolbar {
  element: HTMLElement;
  /** Shows the view state (after a restore, or filters cleared from outside). */
  update(view: ViewState): void;
  /** "Showing 12 of 40 columns". */
  count(shown: number, total: number): void;
  focusSearch(): void;
}

export function renderToolbar(report: DriftReport, initial: ViewState, change: (patch: Partial<ViewState>) => void): Toolbar {
  let view = initial;

  const sort = h('select', { class: 'control', id: 'sort', 'aria-label': 'Sort columns by' });
  for (const key of Object.keys(SORT_LABELS) as SortKey[]) sort.appendChild(h('option', { value: key }, SORT_LABELS[key]));
  sort.addEventListener('change', () => {
    const key = sort.value as SortKey;
    change({ sort: key, descending: defaultDescending(key) });
  });

  const direction = h('button', { class: 'control icon-button', id: 'sort-direction', type: 'button' });
  direction.addEventListener('click', () => change({ descending: !view.descending }));

  const driftedOnly = h('input', { type: 'checkbox', id: 'drifted-only' });
  driftedOnly.addEventListener('change', () => change({ driftedOnly: driftedOnly.checked }));

  const counts = typeCounts(report.columns);
  const typeButtons = COLUMN_TYPES.filter((t) => counts.has(t)).map((type) => {
    const button = h('button', { class: 'chip', type: 'button', 'data-type': type, 'aria-pressed': 'false' }, `${type} ${formatCount(counts.get(type)!)}`);
    button.addEventListener('click', () => {
      const types = view.types.includes(type) ? view.types.filter((t) => t !== type) : [...view.types, type];
      change({ types });
    });
    return button;
  });

  const search = h('input', { type: 'search', class: 'control search', id: 'search', placeholder: 'Filter by name', 'aria-label': 'Filter columns by name', spellcheck: 'false' });
  let typing: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(typing);
    // A short pause: one redraw per burst of typing, not per key.
    typing = setTimeout(() => change({ search: search.value }), 120);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value !== '') {
      event.stopPropagation();
      search.value = '';
      clearTimeout(typing);
      change({ search: '' });
    }
  });

  const status = h('span', { class: 'count muted', id: 'column-count', role: 'status', 'aria-live': 'polite' });

  const element = h(
    'div',
    { class: 'toolbar', role: 'toolbar', 'aria-label': 'Sort and filter columns', 'aria-controls': 'columns' },
    h('div', { class: 'group' }, h('label', { for: 'sort', class: 'muted' }, 'Sort'), sort, direction),
    h('label', { class: 'group check' }, driftedOnly, 'Drifted only'),
    typeButtons.length > 1 ? h('div', { class: 'group chips', role: 'group', 'aria-label': 'Show column types' }, ...typeButtons) : null,
    h('div', { class: 'group grow' }, search),
    status,
  );

  function update(next: ViewState): void {
    view = next;
    sort.value = view.sort;
    direction.textContent = view.descending ? '↓' : '↑';
    const how = view.descending ? 'descending' : 'ascending';
    direction.title = `Sorted ${how}; click to reverse`;
    direction.setAttribute('aria-label', `Sort direction: ${how}`);
    driftedOnly.checked = view.driftedOnly;
    for (const b of typeButtons) b.setAttribute('aria-pressed', String(view.types.includes(b.dataset.type!)));
    if (document.activeElement !== search && search.value !== view.search) search.value = view.search;
  }
  update(initial);

  return {
    element,
    update,
    count(shown, total) {
      status.textContent = shown === total ? `${formatCount(total)} columns` : `Showing ${formatCount(shown)} of ${formatCount(total)} columns`;
    },
    focusSearch: () => search.focus(),
  };
}
