/**
 * The reference and current confusion matrices side by side: true classes as rows, predicted classes as columns,
 * labels as text. Each count cell is shaded by its share of the row (data-level 0…5, coloured by the stylesheet)
 * and says that share in its tooltip; the diagonal (correct predictions) is marked.
 */
import type { ConfusionMatrix } from '../src/core/suite/modelTypes';
import { h } from './dom';
import { formatCount, formatShare } from './format';
import { matrixAccuracy, rowShare, shadeLevel } from './modelFormat';

export function renderConfusionPair(pair: { reference: ConfusionMatrix; current: ConfusionMatrix }, target: string): HTMLElement {
  return h(
    'div',
    { class: 'confusion-pair', id: 'model-confusion' },
    confusionTable(pair.reference, 'Reference', target),
    confusionTable(pair.current, 'Current', target),
  );
}

function confusionTable(m: ConfusionMatrix, side: string, target: string): HTMLElement {
  const accuracy = matrixAccuracy(m);
  const table = h(
    'table',
    { class: 'confusion', 'data-side': side.toLowerCase() },
    h('caption', { class: 'visually-hidden' }, `${side} confusion matrix of ${target}: true class in rows, predicted class in columns`),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col', class: 'corner' }, h('span', { class: 'muted' }, 'true ↓ / predicted →')), ...m.labels.map((l) => h('th', { scope: 'col', class: 'label' }, l))),
    ),
    h(
      'tbody',
      {},
      ...m.labels.map((label, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', class: 'label' }, label),
          ...m.labels.map((predicted, j) => {
            const share = rowShare(m, i, j);
            const n = m.counts[i]?.[j] ?? 0;
            return h(
              'td',
              {
                class: i === j ? 'num diagonal' : 'num',
                'data-level': String(shadeLevel(share)),
                title: `true ${label}, predicted ${predicted}: ${formatCount(n)} (${formatShare(share)} of true ${label})`,
              },
              formatCount(n),
            );
          }),
        ),
      ),
    ),
  );
  return h(
    'figure',
    { class: 'confusion-figure' },
    h('figcaption', {}, h('span', { class: 'side' }, side), accuracy === null ? null : h('span', { class: 'muted' }, ` · ${formatShare(accuracy)} on the diagonal`)),
    table,
  );
}
