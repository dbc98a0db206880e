/**
 * The first rows of the file in a virtualized grid: a scrolling box whose height holds every row, with only the
 * rows in view (plus a few) in the DOM, so 1,000 rows of a wide file scroll smoothly. The header row sticks to the
 * top and scrolls sideways with the cells. Missing values show as a muted "null"; every value is text.
 */
import type { ProfilePreview } from '../../src/core/profile/profileTypes';
import { h } from '../dom';
import { formatCount } from '../format';

const ROW_HEIGHT = 24;
/** Rows drawn above and below the visible ones, so fast scrolling shows no blank band. */
const OVERSCAN = 8;

export interface RowGrid {
  element: HTMLElement;
  /** Rows in the DOM now (tests check the grid stays virtual). */
  readonly drawnRows: number;
}

export function renderRowGrid(preview: ProfilePreview): RowGrid {
  const columns = preview.columns;
  // Widths from the header and the first rows' text, so most values show whole without measuring the DOM.
  const widths = columns.map((name, c) => {
    let chars = name.length;
    for (let r = 0; r < Math.min(50, preview.rows.length); r++) chars = Math.max(chars, (preview.rows[r][c] ?? 'null').length);
    return Math.round(Math.min(300, Math.max(72, chars * 8.4 + 26)));
  });
  const indexWidth = Math.max(48, String(preview.rows.length).length * 8 + 20);
  const template = `${indexWidth}px ${widths.map((w) => `${w}px`).join(' ')}`;

  const header = h(
    'div',
    { class: 'dv-grid-row head', role: 'row', 'aria-rowindex': '1' },
    h('span', { class: 'dv-cell index', role: 'columnheader' }, '#'),
    ...columns.map((name, c) =>
      h('span', { class: 'dv-cell', role: 'columnheader', title: preview.notes[c] ? `${name}: ${preview.notes[c]}` : name }, name),
    ),
  );
  const canvas = h('div', { class: 'dv-grid-canvas' });
  canvas.style.height = `${preview.rows.length * ROW_HEIGHT}px`;
  const box = h(
    'div',
    { class: 'dv-grid', role: 'grid', tabindex: '0', 'aria-rowcount': String(preview.rows.length + 1), 'aria-colcount': String(columns.length + 1), 'aria-label': `First ${formatCount(preview.rows.length)} rows` },
    header,
    canvas,
  );
  box.style.setProperty('--dv-grid-cols', template);

  let drawn = 0;
  let first = -1;
  let last = -1;
  const draw = () => {
    const top = Math.max(0, box.scrollTop - ROW_HEIGHT); // the sticky header covers one row
    const height = box.clientHeight || 400;
    const from = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
    const to = Math.min(preview.rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
    if (from === first && to === last) return;
    first = from;
    last = to;
    const rows: HTMLElement[] = [];
    for (let r = from; r < to; r++) rows.push(row(preview, r));
    canvas.replaceChildren(...rows);
    drawn = rows.length;
  };
  let queued = false;
  box.addEventListener('scroll', () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      draw();
    });
  });
  // The box has no size until it is in the document: draw once it has.
  new ResizeObserver(() => {
    first = -1;
    draw();
  }).observe(box);
  draw();
  return {
    element: box,
    get drawnRows() {
      return drawn;
    },
  };
}

function row(preview: ProfilePreview, r: number): HTMLElement {
  const el = h(
    'div',
    { class: 'dv-grid-row', role: 'row', 'aria-rowindex': String(r + 2) },
    h('span', { class: 'dv-cell index', role: 'rowheader' }, String(r + 1)),
    ...preview.rows[r].map((v) => (v === null ? h('span', { class: 'dv-cell null', role: 'gridcell' }, 'null') : h('span', { class: 'dv-cell', role: 'gridcell', title: v.length > 30 ? v : undefined }, v))),
  );
  el.style.top = `${r * ROW_HEIGHT}px`;
  return el;
}
