/**
 * The model-aware part of a report, drawn ahead of the column table when the report has `model`: the roles line
 * (which column is the target, prediction, score, segment, timestamp, ids, and whether each was set or inferred;
 * the task), label and prediction drift, performance, segments and multivariate drift, each a collapsible section
 * that is left out when its data is. `sections` names what was drawn (posted in `rendered.modelSections`).
 */
import type { ColumnResult, DriftReport } from '../src/core/suite/report';
import type { ModelReport } from '../src/core/suite/modelTypes';
import { verdictTag } from './components/tag';
import { whyText } from './detail';
import { h } from './dom';
import { adjustedText, effectText, exactNumber, formatNumber, testName, thresholdText, verdictText } from './format';
import { modelSections, roleEntries, taskText, type ModelSection } from './modelFormat';
import { collapsible, columnLink, factsList, notesList, type ModelHandlers } from './modelDom';
import { multivariateSection } from './multivariate';
import { performanceSection } from './performanceTable';
import { segmentsSection } from './segmentsTable';

export interface ModelView {
  element: HTMLElement;
  sections: ModelSection[];
}

/** Null for a report without `model` (nothing is drawn, nothing changes). */
export function renderModelSections(report: DriftReport, open: (name: string) => void): ModelView | null {
  const model = report.model;
  if (!model) return null;
  const names = new Set(report.columns.map((c) => c.name));
  const handlers: ModelHandlers = { open, has: (name) => names.has(name) };
  const sections = modelSections(model);
  const element = h(
    'section',
    { class: 'model', id: 'model', 'aria-label': 'Model' },
    rolesLine(model, handlers),
    // Loose check: a panel restored from an older version's saved state has no notes.
    notesList(model.notes, 'model-notes'),
    sections.includes('label') || sections.includes('prediction')
      ? h(
          'div',
          { class: 'model-pair' },
          model.labelDrift ? columnDrift('label', 'Label drift', 'the target', model.labelDrift, report, handlers) : null,
          model.predictionDrift ? columnDrift('prediction', 'Prediction drift', 'the prediction', model.predictionDrift, report, handlers) : null,
        )
      : null,
    model.performance ? performanceSection(model.performance, handlers) : null,
    sections.includes('segments') && model.segments ? segmentsSection(model.segments, handlers) : null,
    model.multivariate ? multivariateSection(model.multivariate, handlers) : null,
  );
  return { element, sections };
}

/** "Target default (set) · Prediction predicted_default (inferred from its name) · … · Task classification". */
function rolesLine(model: ModelReport, handlers: ModelHandlers): HTMLElement {
  const entries = roleEntries(model.roles);
  return h(
    'div',
    { class: 'roles-line', id: 'model-roles', 'data-section': 'roles', role: 'group', 'aria-label': 'Column roles' },
    h('span', { class: 'roles-title' }, 'Model'),
    ...entries.flatMap((e) => [
      ' ',
      h(
        'span',
        { class: 'role-item', 'data-role': e.role },
        // The spaces are for the text (copy, screen readers); the layout spaces the items itself.
        h('span', { class: 'label' }, e.label),
        ' ',
        ...e.columns.flatMap((name, i) => [i > 0 ? ', ' : null, columnLink(name, handlers)]),
        e.source ? ' ' : null,
        e.source ? h('span', { class: 'muted role-source' }, `(${e.source})`) : null,
      ),
    ]),
    entries.length === 0 ? h('span', { class: 'muted' }, 'No column has a role: pick one in a column’s detail.') : null,
    ' ',
    h('span', { class: 'role-item', 'data-role': 'task' }, h('span', { class: 'label' }, 'Task'), ' ', h('span', { class: 'task' }, taskText(model.roles.task, model.performance?.positiveLabel))),
  );
}

/** Label or prediction drift: the column's own result, summarised; a click (or its name) opens its detail. */
function columnDrift(name: ModelSection, heading: string, what: string, c: ColumnResult, report: DriftReport, handlers: ModelHandlers): HTMLElement {
  const adjusted = adjustedText(c);
  const effect = effectText(c);
  const body = h(
    'div',
    { class: 'column-drift', 'data-column-drift': c.name, title: `Show ${what} "${c.name}" in detail` },
    factsList([
      ['Column', columnLink(c.name, handlers)],
      ['Test', testName(c.test)],
      ['Statistic', formatNumber(c.statistic), exactNumber(c.statistic) || undefined],
      ...(c.testKind === 'distance' ? [] : [['p-value', `${formatNumber(c.pValue)}${adjusted ? ` (${adjusted})` : ''}`, exactNumber(c.pValue) || undefined] as [string, string, string?]]),
      ['Threshold', thresholdText(c)],
      ...(effect ? [['Effect', effect.replace(/^effect /, '')] as [string, string]] : []),
    ]),
    h('p', { class: 'why' }, whyText(report, c)),
  );
  // The whole card opens the detail for a pointer, like a table row; the keyboard uses the column's name button.
  if (handlers.has(c.name)) body.addEventListener('click', () => handlers.open(c.name));
  return collapsible(name, heading, [h('span', { class: 'name summary-note' }, c.name), verdictTag(verdictText(c), c.drifted, c.message)], body);
}
