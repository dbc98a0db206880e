/**
 * How the user left the column table (sort, filters, search, open detail, scroll): the default, and a loose
 * restore from saved state, which may come from an older version of the panel or be missing fields.
 */
import type { SortKey, ViewState } from '../src/protocol';

export const SORT_KEYS: readonly SortKey[] = ['report', 'drift', 'pValue', 'name', 'type'];

export const DEFAULT_VIEW: ViewState = {
  sort: 'report',
  descending: false,
  driftedOnly: false,
  types: [],
  search: '',
  selected: null,
  scrollTop: 0,
};

export function restoreView(saved: Partial<ViewState> | undefined): ViewState {
  if (!saved || typeof saved !== 'object') return { ...DEFAULT_VIEW };
  return {
    sort: SORT_KEYS.includes(saved.sort as SortKey) ? (saved.sort as SortKey) : DEFAULT_VIEW.sort,
    descending: saved.descending === true,
    driftedOnly: saved.driftedOnly === true,
    types: Array.isArray(saved.types) ? saved.types.filter((t) => typeof t === 'string') : [],
    search: typeof saved.search === 'string' ? saved.search : '',
    selected: typeof saved.selected === 'string' ? saved.selected : null,
    scrollTop: typeof saved.scrollTop === 'number' && saved.scrollTop > 0 ? saved.scrollTop : 0,
  };
}

/** The natural first direction of a sort: the most drifted first for drift score, otherwise ascending. */
export function defaultDescending(sort: SortKey): boolean {
  return sort === 'drift';
}

/** True when the filters (not the sort) hide some columns. */
export function isFiltered(view: ViewState): boolean {
  return view.driftedOnly || view.types.length > 0 || view.search.trim() !== '';
}

export function clearFilters(view: ViewState): ViewState {
  return { ...view, driftedOnly: false, types: [], search: '' };
}
