/**
 * "Other tests" in the detail view: every test that fits the column, run on demand by the extension
 * (loading, failed, ready), and the controls to change the column's test and threshold (Apply → the column is
 * compared again: running, failed, or a new report arrives and redraws the panel).
 */
import type { ColumnResult, ColumnTestResult, TestId } from '../src/core/suite/report';
import { verdictTag } from './components/tag';
import { progressRing } from './components/progressRing';
import { h } from './dom';
import { exactNumber, formatNumber, ruleText, testName } from './format';

export type TestsState =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; tests: ColumnTestResult[] };

export interface TestsHandlers {
  retry(): void;
  apply(test: TestId | null, threshold: number | null): void;
}

export interface TestsSection {
  element: HTMLElement;
  set(state: TestsState): void;
  /** The column is being compared again. */
  running(): void;
  /** Comparing it again failed. */
  failed(message: string): void;
}

export function renderTestsSection(c: ColumnResult, handlers: TestsHandlers): TestsSection {
  const body = h('div', { class: 'tests-body', 'aria-live': 'polite' });
  const form = h('form', { class: 'set-test', 'aria-label': `Test and threshold for ${c.name}` });
  const status = h('div', { class: 'set-status', 'aria-live': 'polite' });
  const element = h('section', { class: 'detail-section', id: 'other-tests', 'aria-labelledby': 'other-tests-title' }, h('h3', { id: 'other-tests-title' }, 'Other tests'), body, form, status);

  let tests: ColumnTestResult[] = [];

  function set(state: TestsState): void {
    element.dataset.state = state.kind;
    if (state.kind === 'loading') {
      body.replaceChildren(h('div', { class: 'inline-state' }, progressRing('Running every fitting test'), h('span', { class: 'muted' }, 'Running every test that fits this column…')));
      form.replaceChildren();
    } else if (state.kind === 'failed') {
      const retry = h('button', { class: 'button secondary', type: 'button' }, 'Try again');
      retry.addEventListener('click', handlers.retry);
      body.replaceChildren(h('div', { class: 'inline-state error', role: 'alert' }, h('span', {}, `The other tests could not run: ${state.message}`), retry));
      form.replaceChildren();
    } else {
      tests = state.tests;
      body.replaceChildren(tests.length ? testsTable(c, tests) : h('p', { class: 'muted' }, 'No test fits this column.'));
      buildForm();
    }
  }

  function buildForm(): void {
    const select = h('select', { class: 'control', id: 'column-test', name: 'test' });
    select.appendChild(h('option', { value: '' }, 'Default'));
    for (const t of tests) select.appendChild(h('option', { value: t.test }, testName(t.test)));
    // Show what the column uses now when it was set for this column; otherwise "Default".
    if (c.choiceSource === 'column' && c.test && tests.some((t) => t.test === c.test)) select.value = c.test;
    const threshold = h('input', { class: 'control threshold', id: 'column-threshold', name: 'threshold', type: 'number', step: 'any', min: '0', inputmode: 'decimal' });
    if (c.choiceSource === 'column' && c.threshold !== null) threshold.value = String(c.threshold);
    const placeholder = () => {
      const t = tests.find((x) => x.test === select.value);
      threshold.placeholder = t ? `default ${formatNumber(t.threshold)}` : 'default';
    };
    placeholder();
    select.addEventListener('change', placeholder);
    const apply = h('button', { class: 'button', type: 'submit', id: 'apply-test' }, 'Apply');
    form.replaceChildren(
      h('label', { for: 'column-test' }, 'Test'),
      select,
      h('label', { for: 'column-threshold' }, 'Threshold'),
      threshold,
      apply,
    );
    form.onsubmit = (event) => {
      event.preventDefault();
      const raw = threshold.value.trim();
      const value = raw === '' ? null : Number(raw);
      if (value !== null && !(Number.isFinite(value) && value > 0)) {
        status.replaceChildren(h('span', { class: 'error', role: 'alert' }, 'The threshold must be a number above 0 (or empty for the default).'));
        threshold.focus();
        return;
      }
      status.replaceChildren();
      handlers.apply((select.value || null) as TestId | null, value);
    };
  }

  function disable(disabled: boolean): void {
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLButtonElement>('input, select, button')) el.disabled = disabled;
  }

  set({ kind: 'loading' });
  return {
    element,
    set,
    running() {
      disable(true);
      status.replaceChildren(h('div', { class: 'inline-state' }, progressRing('Comparing again'), h('span', { class: 'muted' }, `Comparing ${c.name} again…`)));
    },
    failed(message) {
      disable(false);
      status.replaceChildren(h('span', { class: 'error', role: 'alert' }, `Could not compare again: ${message}`));
    },
  };
}

function testsTable(c: ColumnResult, tests: ColumnTestResult[]): HTMLElement {
  const num = (x: number | null) => h('td', { class: 'num', title: exactNumber(x) || undefined }, formatNumber(x));
  return h(
    'table',
    { class: 'facts tests' },
    h('caption', { class: 'visually-hidden' }, `Every test that fits ${c.name}, each with its default threshold`),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Test'), h('th', { scope: 'col', class: 'num' }, 'Statistic'), h('th', { scope: 'col', class: 'num' }, 'p-value'), h('th', { scope: 'col', class: 'num' }, 'Threshold'), h('th', { scope: 'col' }, 'Verdict')),
    ),
    h(
      'tbody',
      {},
      ...tests.map((t) =>
        h(
          'tr',
          { 'data-test': t.test, 'data-in-use': String(t.inUse), class: t.inUse ? 'in-use' : undefined, 'aria-current': t.inUse ? 'true' : undefined },
          h('th', { scope: 'row' }, testName(t.test), t.inUse ? h('span', { class: 'in-use-mark', title: 'The test this report used for the column' }, 'in use') : null),
          num(t.statistic),
          num(t.pValue),
          h('td', { class: 'num' }, ruleText(t.kind, t.threshold)),
          h('td', {}, verdictTag(t.drifted === true ? 'Drift' : t.drifted === false ? 'No drift' : 'No value', t.drifted, t.message)),
        ),
      ),
    ),
  );
}
