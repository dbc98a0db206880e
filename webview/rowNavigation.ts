/**
 * Keyboard and pointer behaviour shared by the panel's row lists (the column table, the suite overview): one row in
 * the tab order at a time (roving tabindex); arrows, PageUp/PageDown, Home/End move between rows; Enter, Space or a
 * click opens a row (a click that selected text does not). Rows carry `data-index`.
 */
export interface RowNavigationOptions {
  /** Selector of the rows inside `body`. */
  selector: string;
  count(): number;
  /** The row at an index, created first if the list draws its rows lazily; null outside the list. */
  rowAt(index: number): HTMLElement | null;
  open(row: HTMLElement): void;
}

export interface RowNavigation {
  /** Makes `row` the one in the tab order, focusing and scrolling to it when asked. */
  setActive(row: HTMLElement | null, focus: boolean): void;
  readonly active: HTMLElement | null;
}

export function rowNavigation(body: HTMLElement, options: RowNavigationOptions, first: HTMLElement | null): RowNavigation {
  let active: HTMLElement | null = null;
  const nav: RowNavigation = {
    setActive(row, focus) {
      if (!row) return;
      if (active && active !== row) active.tabIndex = -1;
      active = row;
      row.tabIndex = 0;
      if (focus) {
        row.focus();
        row.scrollIntoView({ block: 'nearest' });
      }
    },
    get active() {
      return active;
    },
  };
  nav.setActive(first, false);

  const rowOf = (event: Event) => (event.target as Element).closest<HTMLElement>(options.selector);
  body.addEventListener('click', (event) => {
    const row = rowOf(event);
    if (!row || String(window.getSelection() ?? '').length > 0) return;
    nav.setActive(row, true);
    options.open(row);
  });
  body.addEventListener('focusin', (event) => {
    const row = rowOf(event);
    if (row) nav.setActive(row, false);
  });
  body.addEventListener('keydown', (event) => {
    const row = rowOf(event);
    if (!row || event.target !== row) return;
    const at = Number(row.dataset.index);
    const last = options.count() - 1;
    const page = Math.max(1, Math.floor(window.innerHeight / Math.max(row.offsetHeight, 1)) - 1);
    const target: Record<string, number> = {
      ArrowDown: Math.min(last, at + 1),
      ArrowUp: Math.max(0, at - 1),
      PageDown: Math.min(last, at + page),
      PageUp: Math.max(0, at - page),
      Home: 0,
      End: last,
    };
    if (event.key in target) {
      event.preventDefault();
      nav.setActive(options.rowAt(target[event.key]), true);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      options.open(row);
    }
  });
  return nav;
}
