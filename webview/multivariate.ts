/**
 * Multivariate drift: a domain classifier (can a model tell reference rows from current ones? its AUC, p-value,
 * threshold, verdict, and the features that separate the sides most, each with a bar) and the maximum mean
 * discrepancy of the numeric features (statistic, permutation p-value, verdict); notes on what did not run.
 */
import type { DomainClassifierResult, MmdResult, MultivariateReport } from '../src/core/suite/modelTypes';
import { badge } from './components/badge';
import { verdictTag } from './components/tag';
import { h } from './dom';
import { exactNumber, formatCount, formatNumber, formatShare } from './format';
import { atLeastText, barLengths, namesText } from './modelFormat';
import { bar, collapsible, columnLink, factsList, notesList, type ModelHandlers } from './modelDom';

export function multivariateSection(m: MultivariateReport, handlers: ModelHandlers): HTMLElement {
  return collapsible(
    'multivariate',
    'Multivariate drift',
    [badge(m.drifted ? 'Joint drift' : 'No joint drift', m.drifted ? 'bad' : 'good', 'Either method drifted')],
    h(
      'p',
      { class: 'muted model-line', title: m.features.join(', ') },
      `${formatCount(m.features.length)} features (${namesText(m.features, 6)}), ${formatCount(m.referenceRows)} reference and ${formatCount(m.currentRows)} current rows.`,
    ),
    h('div', { class: 'multivariate-methods' }, m.domainClassifier ? classifier(m.domainClassifier, handlers) : null, m.mmd ? mmd(m.mmd) : null),
    notesList(m.notes, 'multivariate-notes'),
  );
}

function classifier(d: DomainClassifierResult, handlers: ModelHandlers): HTMLElement {
  const lengths = barLengths(d.topFeatures.map((f) => f.importance));
  return h(
    'section',
    { class: 'model-sub method', id: 'domain-classifier', 'aria-labelledby': 'domain-classifier-title' },
    h('h4', { id: 'domain-classifier-title' }, 'Domain classifier', verdictTag(d.drifted ? 'Drift' : 'No drift', d.drifted)),
    factsList([
      ['ROC AUC', formatNumber(d.auc), `${exactNumber(d.auc)} (0.5: the sides cannot be told apart)`],
      ['p-value', formatNumber(d.pValue), exactNumber(d.pValue)],
      ['Threshold', atLeastText(d.threshold), 'The data drifted jointly at or above this AUC'],
      ['Folds', formatCount(d.folds), 'Cross-validation folds (out-of-fold scores)'],
    ]),
    d.topFeatures.length
      ? h(
          'ol',
          { class: 'importance', 'aria-label': 'Features that separate the sides most' },
          ...d.topFeatures.map((f, i) =>
            h('li', { 'data-feature': f.name }, columnLink(f.name, handlers, 'feature'), h('span', { class: 'num share' }, formatShare(f.importance)), bar(lengths[i] ?? 0)),
          ),
        )
      : null,
  );
}

function mmd(m: MmdResult): HTMLElement {
  return h(
    'section',
    { class: 'model-sub method', id: 'mmd', 'aria-labelledby': 'mmd-title' },
    h('h4', { id: 'mmd-title' }, 'Maximum mean discrepancy', verdictTag(m.drifted ? 'Drift' : 'No drift', m.drifted)),
    factsList([
      ['MMD²', formatNumber(m.statistic), exactNumber(m.statistic)],
      ['p-value', formatNumber(m.pValue), exactNumber(m.pValue)],
      ['Threshold', `< ${formatNumber(m.threshold)}`, 'Drift when the permutation p-value is below this'],
      ['Permutations', formatCount(m.permutations)],
      ['Bandwidth', formatNumber(m.bandwidth), 'Gaussian kernel bandwidth (median heuristic)'],
      ['Features', namesText(m.features, 4), m.features.join(', ')],
    ]),
  );
}
