/**
 * The detail view's tables of facts: each side's rows, missing values, distinct values and quantiles; the
 * charted shares (the chart's text alternative); and the schema findings, category values listed as text.
 */
import type { ColumnChart, ColumnResult, Describe, Finding, SideSummary } from '../src/core/suite/report';
import { findingText } from '../src/core/suite/findingText';
import { binLabel } from './charts';
import { h, type Child } from './dom';
import { formatCount, formatDate, formatNumber, formatShare, formatSpan } from './format';

const QUANTILES: { key: keyof Describe; label: string }[] = [
  { key: 'min', label: 'min' },
  { key: 'p5', label: '5%' },
  { key: 'p25', label: '25%' },
  { key: 'median', label: 'median' },
  { key: 'p75', label: '75%' },
  { key: 'p95', label: '95%' },
  { key: 'max', label: 'max' },
  { key: 'mean', label: 'mean' },
  { key: 'std', label: 'std' },
];

function table(caption: string, head: string[], rows: Child[][], cls = ''): HTMLElement {
  return h(
    'table',
    { class: `facts ${cls}`.trim() },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, ...head.map((t, i) => h('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, t)))),
    h('tbody', {}, ...rows.map(([label, ...cells]) => h('tr', {}, h('th', { scope: 'row' }, label), ...cells.map((c) => h('td', { class: 'num' }, c))))),
  );
}

/** Rows, missing values and their share, distinct values and quantiles, reference beside current. */
export function sidesTable(c: ColumnResult): HTMLElement | null {
  const ref = c.sides?.reference;
  const cur = c.sides?.current;
  if (!ref && !cur) return null;
  const dates = c.type === 'datetime';
  const cell = (s: SideSummary | undefined, f: (s: SideSummary) => string) => (s ? f(s) : '—');
  const rows: Child[][] = [
    ['rows', cell(ref, (s) => formatCount(s.rows)), cell(cur, (s) => formatCount(s.rows))],
    [
      'missing',
      cell(ref, (s) => `${formatCount(s.missing)} (${formatShare(s.missingShare)})`),
      cell(cur, (s) => `${formatCount(s.missing)} (${formatShare(s.missingShare)})`),
    ],
  ];
  if (ref?.distinct != null || cur?.distinct != null) {
    rows.push(['distinct', cell(ref, (s) => (s.distinct == null ? '—' : formatCount(s.distinct))), cell(cur, (s) => (s.distinct == null ? '—' : formatCount(s.distinct)))]);
  }
  if (ref?.describe || cur?.describe) {
    for (const { key, label } of QUANTILES) {
      // A datetime's std is a span of time, its other values are instants.
      const show = (x: number | null | undefined) => (!dates ? formatNumber(x) : key === 'std' ? formatSpan(x) : formatDate(x));
      rows.push([label, show(ref?.describe?.[key]), show(cur?.describe?.[key])]);
    }
  }
  return table(`${c.name}: values per side`, ['', 'Reference', 'Current'], rows, 'sides');
}

/** Every bar of the chart as numbers: the chart's text alternative. */
export function chartValuesTable(c: ColumnResult, chart: ColumnChart): HTMLElement {
  const numeric = chart.kind === 'numeric';
  const label = (i: number) => (numeric ? binLabel(chart.edges, i, c.type === 'datetime') : chart.categories[i]);
  const rows: Child[][] = chart.reference.map((r, i) => [label(i), formatShare(r), formatShare(chart.current[i] ?? 0)]);
  return table(`${c.name}: share of values per ${numeric ? 'bin' : 'category'}`, [numeric ? 'Bin' : 'Category', 'Reference', 'Current'], rows, 'values');
}

/** New and vanished categories listed value by value, and the other findings as sentences. */
export function findingsList(findings: readonly Finding[]): HTMLElement | null {
  if (findings.length === 0) return null;
  return h(
    'ul',
    { class: 'findings' },
    ...findings.map((f) => {
      if (f.kind === 'new_categories' || f.kind === 'vanished_categories') {
        const more = f.count - f.values.length;
        return h(
          'li',
          { 'data-finding': f.kind },
          h('span', { class: 'label' }, f.kind === 'new_categories' ? `New in current (${formatCount(f.count)})` : `Gone from current (${formatCount(f.count)})`),
          h('span', { class: 'values' }, ...f.values.map((v) => h('code', { class: 'value' }, v)), more > 0 ? h('span', { class: 'muted' }, `and ${formatCount(more)} more`) : null),
        );
      }
      return h('li', { 'data-finding': f.kind }, findingText(f));
    }),
  );
}
