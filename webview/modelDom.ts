/**
 * Building blocks of the model-aware sections: a collapsible section (a native <details>, keyboard-operable as
 * is), a column name that opens that column's detail, a table of facts, and a bar whose length is set through
 * the CSSOM (allowed by any style-src, unlike a style="" attribute). Every report string goes in as text.
 */
import { h, type Child } from './dom';
import { cssPercent } from './modelFormat';

export interface ModelHandlers {
  /** Opens a column's detail (as a click on its row does). */
  open(name: string): void;
  /** Whether the report has this column (a name that is not one is shown as plain text). */
  has(name: string): boolean;
}

/** Sections the user folded, by name: kept while the panel lives, so a redraw (a new report) keeps them folded. */
const folded = new Set<string>();

/** A <details> section, open unless the user folded it; `extras` follow the heading in its summary line. */
export function collapsible(name: string, heading: string, extras: Child[], ...content: Child[]): HTMLDetailsElement {
  const details = h(
    'details',
    { class: 'model-section', id: `model-${name}`, 'data-section': name },
    h('summary', {}, h('h3', { class: 'model-heading' }, heading), ...extras),
    h('div', { class: 'model-body' }, ...content),
  );
  details.open = !folded.has(name);
  details.addEventListener('toggle', () => (details.open ? folded.delete(name) : folded.add(name)));
  return details;
}

/** A column name: a link-like button opening its detail, or plain text when the report has no such column. */
export function columnLink(name: string, handlers: ModelHandlers, cls = ''): HTMLElement {
  if (!handlers.has(name)) return h('span', { class: `name ${cls}`.trim() }, name);
  const button = h('button', { class: `link name ${cls}`.trim(), type: 'button', title: `Show the column "${name}" in detail`, 'data-open-column': name }, name);
  button.addEventListener('click', (event) => {
    event.stopPropagation();
    handlers.open(name);
  });
  return button;
}

export interface Column {
  text: string;
  /** Right-aligned, tabular figures. */
  num?: boolean;
  title?: string;
}

/**
 * A table with a (visually hidden) caption, column headers, and rows whose first cell is the row header. In a
 * narrow panel each row becomes a small block of "label value" pairs instead of scrolling sideways.
 */
export function factsTable(caption: string, columns: Column[], rows: { cells: Child[]; attrs?: Record<string, string> }[], cls = ''): HTMLTableElement {
  return h(
    'table',
    { class: `facts model-table ${cls}`.trim() },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...columns.map((c) => h('th', { scope: 'col', class: c.num ? 'num' : undefined, title: c.title }, c.text)))),
    h(
      'tbody',
      {},
      ...rows.map(({ cells, attrs }) =>
        h(
          'tr',
          attrs ?? {},
          // data-label: each cell's column, shown beside it when a narrow panel stacks the rows (see modelStyles.ts).
          ...cells.map((cell, i) => (i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: columns[i]?.num ? 'num' : undefined, 'data-label': columns[i]?.text }, cell))),
        ),
      ),
    ),
  );
}

/** A definition list of label → value pairs (the detail view's look). */
export function factsList(items: [string, Child, string?][], cls = ''): HTMLElement {
  return h('dl', { class: `detail-facts ${cls}`.trim() }, ...items.flatMap(([label, value, title]) => [h('dt', {}, label), h('dd', { title }, value)]));
}

/** A horizontal bar, `length` in 0…1 of its track; decorative (the value is always beside it as text). */
export function bar(length: number): HTMLElement {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = cssPercent(length);
  return h('span', { class: 'bar', 'aria-hidden': 'true' }, fill);
}

/** Notes (why something did not run), as a list; null when there are none. */
export function notesList(notes: readonly string[] | undefined, id?: string): HTMLElement | null {
  if (!notes?.length) return null;
  return h('ul', { class: 'model-notes', id }, ...notes.map((n) => h('li', {}, n)));
}

/** Horizontal scrolling for a wide table in a narrow panel (focusable, so the keyboard can scroll it). */
export function scroller(label: string, content: HTMLElement): HTMLElement {
  return h('div', { class: 'model-scroll', tabindex: '0', role: 'region', 'aria-label': label }, content);
}
