/**
 * Small reference-vs-current bar charts, one per column row. Only the chart.js pieces used are imported
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

export const CHART_WIDTH = 280;
export const CHART_HEIGHT = 120;

const live = new Map<Chart<'bar'>, { data: ColumnChart; dates: boolean }>();

/** Draws `data` into a new canvas; returns null when chart.js cannot draw (no 2D context). */
export function drawChart(columnName: string, data: ColumnChart, dates = false): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.width = CHART_WIDTH;
  canvas.height = CHART_HEIGHT;
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', `${columnName}: share of values per ${data.kind === 'numeric' ? 'bin' : 'category'}, reference vs current`);
  try {
    live.set(new Chart(canvas, config(data, readChartTheme(), dates)), { data, dates });
    return canvas;
  } catch {
    return null;
  }
}

/** Destroys every chart (before the view is redrawn). */
export function destroyCharts(): void {
  for (const chart of live.keys()) chart.destroy();
  live.clear();
}

/** Re-reads the theme and repaints every chart with it. */
export function applyThemeToCharts(): void {
  const theme = readChartTheme();
  for (const [chart, { data, dates }] of live) {
    chart.data.datasets.forEach((ds, i) => Object.assign(ds, colours(theme, data.kind, i === 0)));
    chart.options = config(data, theme, dates).options!;
    chart.update('none');
  }
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
function edgeLabel(x: number, dates: boolean): string {
  if (!dates) return formatNumber(x);
  const d = new Date(x);
  return Number.isNaN(d.getTime()) ? formatNumber(x) : d.toISOString().slice(0, 10);
}

function config(data: ColumnChart, theme: ChartTheme, dates: boolean): ChartConfiguration<'bar'> {
  const numeric = data.kind === 'numeric';
  const labels = numeric ? data.reference.map((_, i) => edgeLabel(data.edges[i], dates)) : data.categories;
  const font = { family: theme.fontFamily, size: 10 };
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
      responsive: false,
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
            maxTicksLimit: numeric ? 5 : 8,
            callback(value) {
              const i = Number(value);
              if (numeric && !dates) return compact.format(data.edges[i]);
              const label = String(this.getLabelForValue(i));
              return label.length > 10 ? `${label.slice(0, 9)}…` : label;
            },
          },
        },
        y: {
          beginAtZero: true,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.text, font, maxTicksLimit: 3, callback: (value) => formatShare(Number(value)) },
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
              return numeric ? `[${edgeLabel(data.edges[i], dates)}, ${edgeLabel(data.edges[i + 1], dates)})` : data.categories[i];
            },
            label: (item: TooltipItem<'bar'>) => ` ${item.dataset.label}: ${formatShare(Number(item.raw))}`,
          },
        },
      },
    },
  };
}
