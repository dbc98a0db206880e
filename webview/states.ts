/** The non-report views: comparison running, comparison failed, nothing yet. */
import { progressRing } from './components/progressRing';
import { h } from './dom';
import { baseName } from './format';

export function renderRunning(referencePath: string, currentPath: string): HTMLElement {
  return h(
    'section',
    { class: 'state running', 'aria-busy': 'true' },
    progressRing('Comparing'),
    h(
      'div',
      {},
      h('h2', {}, `Comparing ${baseName(referencePath)} with ${baseName(currentPath)}…`),
      h('p', { class: 'path' }, `Reference: ${referencePath}`),
      h('p', { class: 'path' }, `Current: ${currentPath}`),
    ),
  );
}

export function renderFailed(message: string): HTMLElement {
  return h('section', { class: 'state failed', role: 'alert' }, h('div', {}, h('h2', {}, 'Comparison failed'), h('pre', {}, message)));
}

export function renderEmpty(): HTMLElement {
  return h(
    'section',
    { class: 'state empty' },
    h(
      'div',
      {},
      h('h2', {}, 'No drift report yet'),
      h('p', { class: 'muted' }, 'Right-click a CSV, TSV or Parquet file and choose "Select as Drift Reference", then "Compare with Reference…" on another file.'),
    ),
  );
}
