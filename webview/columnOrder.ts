/**
 * Which columns the table shows and in what order, from the report and the view state. Pure, no DOM, so
 * it is cheap to run on every keystroke in the search box and easy to test.
 */
import type { ColumnResult } from '../src/core/suite/report';
import type { ViewState } from '../src/protocol';

/** Column types in the order the type filter lists them. */
export const COLUMN_TYPES = ['numeric', 'categorical', 'boolean', 'datetime', 'text'] as const;

export function matches(c: ColumnResult, view: ViewState): boolean {
  if (view.driftedOnly && c.drifted !== true) return false;
  if (view.types.length > 0 && !view.types.includes(c.type) && !(c.currentType && view.types.includes(c.currentType))) return false;
  const q = view.search.trim().toLowerCase();
  return q === '' || c.name.toLowerCase().includes(q);
}

/** The columns to show, filtered and sorted. Columns without a value for the sort key go last either way. */
export function visibleColumns(columns: readonly ColumnResult[], view: ViewState): ColumnResult[] {
  const shown = columns.map((c, index) => ({ c, index })).filter(({ c }) => matches(c, view));
  const dir = view.descending ? -1 : 1;
  const key = sortValue(view.sort);
  shown.sort((a, b) => {
    const x = key(a.c, a.index);
    const y = key(b.c, b.index);
    if (x === null || y === null) return x === y ? a.index - b.index : x === null ? 1 : -1;
    const order = typeof x === 'string' ? x.localeCompare(y as string, undefined, { numeric: true, sensitivity: 'base' }) : x - (y as number);
    return order !== 0 ? dir * order : a.index - b.index;
  });
  return shown.map(({ c }) => c);
}

function sortValue(sort: ViewState['sort']): (c: ColumnResult, index: number) => number | string | null {
  switch (sort) {
    case 'drift':
      // The drift score is the effect size: comparable across p-value and distance tests.
      return (c) => (c.effectSize ?? null) === null || Number.isNaN(c.effectSize) ? null : c.effectSize;
    case 'pValue':
      return (c) => c.pValue;
    case 'name':
      return (c) => c.name;
    case 'type':
      return (c) => c.type;
    default:
      return (_c, index) => index;
  }
}

/** Number of columns per type, for the type filter's labels. */
export function typeCounts(columns: readonly ColumnResult[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.type, (counts.get(c.type) ?? 0) + 1);
  return counts;
}
