/**
 * Reference-vs-current bar charts: small ones in the column rows, a large one in the detail view. Only the chart.js pieces used are imported
 * and registered (bar controller, category and linear scales, tooltip), so the rest tree-shakes away.
 * Colours come from the VS Code theme and are re-applied when the theme changes.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  LinearScale,
  Tooltip,
  type ChartConfiguration,
  type TooltipItem,
} from 'chart.js';
import type { ColumnChart } from '../src/core/suite/report';
import { formatNumber, formatShare } from './format';
import { readChartTheme, type ChartTheme } from './theme';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type ChartSize = 'small' | 'large';

const SIZES: Record<ChartSize, { width: number; height: number; font: number }> = {
  small: { width: 220, height: 72, font: 9 },
  large: { width: 440, height: 220, font: 11 },
};

/** What a chart was drawn from, to repaint it on a theme change; `group` lets the table's charts go without the detail's. */
interface Drawn {
  data: ColumnChart;
  dates: boolean;
  size: ChartSize;
  group: string;
}

const live = new Map<Chart<'bar'>, Drawn>();

/** Charts drawn by other modules (the over-time lines), destroyed and repainted with these. */
interface Tracked {
  group: string;
  retheme(theme: ChartTheme): void;
}
const tracked = new Map<Chart, Tracked>();

/** Registers a chart drawn elsewhere so destroyCharts(group) and theme changes reach it too. */
export function trackChart(chart: Chart, group: string, retheme: (theme: ChartTheme) => void): void {
  tracked.set(chart, { group, retheme });
}

export interface ChartOptions {
  /** Numeric edges are epoch milliseconds. */
  dates?: boolean;
  size?: ChartSize;
  /** Charts drawn for one view ("table", "detail"), destroyed together with destroyCharts(group). */
  group?: string;
}

/** Draws `data` into a new canvas; returns null when chart.js cannot draw (no 2D context). */
export function drawChart(columnName: string, data: ColumnChart, options: ChartOptions = {}): HTMLCanvasElement | null {
  const drawn: Drawn = { data, dates: options.dates ?? false, size: options.size ?? 'small', group: options.group ?? 'table' };
  const canvas = document.createElement('canvas');
  canvas.width = SIZES[drawn.size].width;
  canvas.height = SIZES[drawn.size].height;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', chartSummary(columnName, data, drawn.dates));
  try {
    live.set(new Chart(canvas, config(drawn, readChartTheme())), drawn);
    return canvas;
  } catch {
    return null;
  }
}

/** Destroys the charts of one group, or every chart (before the whole view is redrawn). */
export function destroyCharts(group?: string): void {
  for (const [chart, drawn] of live) {
    if (group !== undefined && drawn.group !== group) continue;
    chart.destroy();
    live.delete(chart);
  }
  for (const [chart, t] of tracked) {
    if (group !== undefined && t.group !== group) continue;
    chart.destroy();
    tracked.delete(chart);
  }
}

/** Destroys the chart drawn into this canvas, if any (a row scrolled away or removed). */
export function destroyChart(canvas: HTMLCanvasElement): void {
  const chart = Chart.getChart(canvas);
  if (chart && (live.delete(chart as Chart<'bar'>) || tracked.delete(chart))) chart.destroy();
}

/** Re-reads the theme and repaints every chart with it. */
export function applyThemeToCharts(): void {
  const theme = readChartTheme();
  for (const [chart, drawn] of live) {
    chart.data.datasets.forEach((ds, i) => Object.assign(ds, colours(theme, drawn.data.kind, i === 0)));
    chart.options = config(drawn, theme).options!;
    chart.update('none');
  }
  for (const t of tracked.values()) t.retheme(theme);
}

/** A sentence for screen readers: what is charted, and where the two sides differ most. */
export function chartSummary(columnName: string, data: ColumnChart, dates = false): string {
  const numeric = data.kind === 'numeric';
  const label = (i: number) => (numeric ? binLabel(data.edges, i, dates) : data.categories[i]);
  const n = data.reference.length;
  if (n === 0) return `${columnName}: no values to chart`;
  let top = 0;
  for (let i = 1; i < n; i++) if (Math.abs(data.current[i] - data.reference[i]) > Math.abs(data.current[top] - data.reference[top])) top = i;
  const what = numeric
    ? `${n} bins from ${edgeLabel(data.edges[0], dates)} to ${edgeLabel(data.edges[n], dates)}`
    : `${n} ${n === 1 ? 'category' : 'categories'}`;
  return (
    `${columnName}: share of values per ${numeric ? 'bin' : 'category'}, reference vs current, ${what}. ` +
    `Largest difference at ${label(top)}: ${formatShare(data.reference[top])} vs ${formatShare(data.current[top])}.`
  );
}

/** "[18, 21.14)" for bin i; the last bin includes its upper edge. */
export function binLabel(edges: number[], i: number, dates = false): string {
  return `[${edgeLabel(edges[i], dates)}, ${edgeLabel(edges[i + 1], dates)}${i === edges.length - 2 ? ']' : ')'}`;
}

function colours(theme: ChartTheme, kind: ColumnChart['kind'], reference: boolean) {
  const line = reference ? theme.reference : theme.current;
  if (kind === 'categorical') {
    // Side by side: solid bars (outlined in high contrast).
    return { backgroundColor: line, borderColor: theme.highContrast ? theme.text : line, borderWidth: theme.highContrast ? 1 : 0, order: 0 };
  }
  // Overlaid bins: the reference filled underneath, the current as an outline on top, so both shapes
  // stay readable where they overlap.
  return reference
    ? { backgroundColor: theme.referenceFill, borderColor: theme.referenceFill, borderWidth: 0, order: 1 }
    : { backgroundColor: theme.currentFill, borderColor: line, borderWidth: { top: 1.5, left: 1, right: 1, bottom: 0 }, order: 0 };
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** Bin edges are numbers, or epoch milliseconds for datetime columns. */
export function edgeLabel(x: number, dates: boolean): string {
  if (!dates) return formatNumber(x);
  const d = new Date(x);
  return Number.isNaN(d.getTime()) ? formatNumber(x) : d.toISOString().slice(0, 10);
}

function config({ data, dates, size }: Drawn, theme: ChartTheme): ChartConfiguration<'bar'> {
  const numeric = data.kind === 'numeric';
  const small = size === 'small';
  const labels = numeric ? data.reference.map((_, i) => edgeLabel(data.edges[i], dates)) : data.categories;
  const font = { family: theme.fontFamily, size: SIZES[size].font };
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        { label: 'Reference', data: data.reference, ...colours(theme, data.kind, true) },
        { label: 'Current', data: data.current, ...colours(theme, data.kind, false) },
      ],
    },
    options: {
      // The detail's chart follows its pane's width (a fixed canvas would be cut off in a narrow panel);
      // row charts keep a fixed size: hundreds of resize observers would cost more than they give.
      responsive: !small,
      maintainAspectRatio: false,
      animation: false,
      events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
      layout: { padding: { top: 4, right: 2 } },
      datasets: {
        bar: numeric
          ? { grouped: false, barPercentage: 1, categoryPercentage: 1 }
          : { grouped: true, barPercentage: 0.9, categoryPercentage: 0.8 },
      },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: {
          grid: { display: false },
          border: { color: theme.grid },
          ticks: {
            color: theme.text,
            font,
            maxRotation: 0,
            autoSkip: true,
            autoSkipPadding: 8,
            maxTicksLimit: small ? 3 : numeric ? 7 : 10,
            callback(value) {
              const i = Number(value);
              if (numeric && !dates) return compact.format(data.edges[i]);
              const label = String(this.getLabelForValue(i));
              const max = small ? 8 : 14;
              return label.length > max ? `${label.slice(0, max - 1)}…` : label;
            },
          },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          // The small charts show shapes; their shares are in the tooltip and the detail view.
          ticks: { display: !small, color: theme.text, font, maxTicksLimit: 5, callback: (value) => formatShare(Number(value)) },
        },
      },
      plugins: {
        tooltip: {
          backgroundColor: theme.tooltipBackground,
          titleColor: theme.tooltipText,
          bodyColor: theme.tooltipText,
          borderColor: theme.tooltipBorder,
          borderWidth: 1,
          titleFont: { ...font, size: 11, weight: 'bold' },
          bodyFont: { ...font, size: 11 },
          displayColors: true,
          boxWidth: 8,
          boxHeight: 8,
          callbacks: {
            title: (items: TooltipItem<'bar'>[]) => {
              const i = items[0]?.dataIndex ?? 0;
              return numeric ? binLabel(data.edges, i, dates) : data.categories[i];
            },
            label: (item: TooltipItem<'bar'>) => ` ${item.dataset.label}: ${formatShare(Number(item.raw))}`,
          },
        },
      },
    },
  };
}
