/**
 * The over-time line charts: one column's drift score per window (drifted windows as larger diamond points, the
 * threshold as a dashed line when the score is the test's own distance, detectors' change points as dashed vertical
 * markers named after the detector), and the "Model error stream" strip (one row per detector run over the model's
 * errors, a point in each window where it signalled). chart.js has no annotation plugin here: the markers are a tiny
 * plugin of our own. Colours come from the theme and follow it (registered with charts.ts's trackChart).
 */
import { CategoryScale, Chart, LinearScale, LineController, LineElement, PointElement, Tooltip, type ChartConfiguration, type Plugin, type TooltipItem } from 'chart.js';
import type { ColumnOverTime, DetectorRun, TimeWindow } from '../src/core/suite/overTimeTypes';
import { trackChart } from './charts';
import { cellTitle, changePointText, chartSummaryText, compactNumber, detectorName, markers, streamText, type Marker } from './overTimeFormat';
import { readChartTheme, withAlpha, type ChartTheme } from './theme';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip);

export interface ScoreChartInput {
  column: ColumnOverTime;
  windows: TimeWindow[];
  /** Detectors whose change points are marked (those that streamed this column, or the error stream of its target or prediction). */
  detectors: DetectorRun[];
  /** The dashed threshold line; null for none. */
  threshold: number | null;
  /** destroyCharts(group) removes it ("overTime", "detail"). */
  group: string;
}

/** Draws a column's score line into a new canvas (to be put in a sized container: the chart follows its size). */
export function drawScoreChart(input: ScoreChartInput): HTMLCanvasElement | null {
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', chartSummaryText(input.column, input.windows, input.detectors));
  const marks = markers(input.detectors);
  return mount(canvas, (theme) => scoreConfig(input, marks, theme), marks, input.group, true);
}

/** Draws the error stream's change points, one row per detector; null when no detector ran over the errors. */
export function drawErrorStreamChart(runs: DetectorRun[], windows: TimeWindow[], group: string): HTMLCanvasElement | null {
  if (runs.length === 0) return null;
  const canvas = document.createElement('canvas');
  canvas.setAttribute('role', 'img');
  const said = runs.map((r) => `${detectorName(r.detector)}: ${r.changePoints.length ? r.changePoints.map((p) => windows[p.window]?.label ?? '').join(', ') : r.message ? 'did not run' : 'no change'}`);
  canvas.setAttribute('aria-label', `Model error stream (${streamText(runs[0].stream)}): change points per detector. ${said.join('; ')}.`);
  return mount(canvas, (theme) => errorConfig(runs, windows, theme), markers(runs), group, false);
}

/**
 * Draws a chart with the change-point markers into `canvas` and keeps it in the theme: a theme change rebuilds its
 * configuration. Null when chart.js could not draw (the caller shows a message instead).
 */
function mount(canvas: HTMLCanvasElement, config: (theme: ChartTheme) => ChartConfiguration<'line'>, marks: Marker[], group: string, named: boolean): HTMLCanvasElement | null {
  const holder = { theme: readChartTheme() };
  try {
    const chart = new Chart(canvas, { ...config(holder.theme), plugins: [markerPlugin(marks, holder, named)] });
    trackChart(chart, group, (theme) => {
      holder.theme = theme;
      const next = config(theme);
      chart.data = next.data;
      chart.options = next.options!;
      chart.update('none');
    });
    return canvas;
  } catch {
    return null;
  }
}

function font(theme: ChartTheme, size = 11) {
  return { family: theme.fontFamily, size };
}

function tooltip(theme: ChartTheme) {
  return {
    backgroundColor: theme.tooltipBackground,
    titleColor: theme.tooltipText,
    bodyColor: theme.tooltipText,
    footerColor: theme.tooltipText,
    borderColor: theme.tooltipBorder,
    borderWidth: 1,
    titleFont: { ...font(theme), weight: 'bold' as const },
    bodyFont: font(theme),
    footerFont: { ...font(theme), weight: 'normal' as const },
    displayColors: false,
  };
}

/** The x axis: window labels, as many as fit without overlapping (chart.js skips the rest). */
function windowAxis(theme: ChartTheme, labels: string[]) {
  return {
    grid: { display: false },
    border: { color: theme.grid },
    ticks: {
      color: theme.text,
      font: font(theme, 10),
      autoSkip: true,
      autoSkipPadding: 10,
      maxRotation: 0,
      callback: (value: string | number) => labels[Number(value)] ?? '',
    },
  };
}

function scoreConfig({ column, windows, threshold }: ScoreChartInput, marks: Marker[], theme: ChartTheme): ChartConfiguration<'line'> {
  const labels = windows.map((w) => w.label);
  const line = theme.reference;
  const points = column.scores.map((s) => (s === null || !Number.isFinite(s) ? null : s));
  const byWindow = new Map(marks.map((m) => [m.window, m.names]));
  return {
    type: 'line',
    data: {
      labels,
      datasets: [
        {
          label: 'Score',
          data: points,
          borderColor: line,
          backgroundColor: line,
          borderWidth: 2,
          tension: 0,
          spanGaps: false,
          pointStyle: column.drifted.map((d) => (d === true ? 'rectRot' : 'circle')),
          pointRadius: column.drifted.map((d) => (d === true ? 5 : 2.5)),
          pointHoverRadius: column.drifted.map((d) => (d === true ? 7 : 4)),
          pointBackgroundColor: column.drifted.map((d) => (d === true ? theme.bad : line)),
          pointBorderColor: column.drifted.map((d) => (d === true ? (theme.highContrast ? theme.foreground : theme.bad) : line)),
          pointBorderWidth: column.drifted.map((d) => (d === true && theme.highContrast ? 1.5 : 1)),
          order: 0,
        },
        ...(threshold !== null
          ? [
              {
                label: 'Threshold',
                data: labels.map(() => threshold),
                borderColor: withAlpha(theme.text, theme.highContrast ? 1 : 0.8),
                backgroundColor: theme.text,
                borderWidth: 1,
                borderDash: [5, 4],
                pointRadius: 0,
                pointHoverRadius: 0,
                pointHitRadius: 0,
                order: 1,
              },
            ]
          : []),
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
      layout: { padding: { top: marks.length ? 18 : 6, right: 8 } },
      interaction: { mode: 'index', intersect: false },
      scales: {
        x: windowAxis(theme, labels),
        y: {
          beginAtZero: true,
          suggestedMax: threshold !== null ? threshold * 1.5 : 0.15,
          grid: { color: theme.grid },
          border: { display: false },
          ticks: { color: theme.text, font: font(theme, 10), maxTicksLimit: 5, callback: (value) => compactNumber(Number(value)) },
          title: { display: true, text: 'score', color: theme.text, font: font(theme, 10) },
        },
      },
      plugins: {
        tooltip: {
          ...tooltip(theme),
          filter: (item: TooltipItem<'line'>) => item.datasetIndex === 0,
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'line'>) => cellTitle(column, item.dataIndex, windows[item.dataIndex]).replace(/^.* · [^:]*: /, ''),
            footer: (items: TooltipItem<'line'>[]) => {
              const i = items[0]?.dataIndex ?? -1;
              const lines: string[] = [];
              if (threshold !== null) lines.push(`threshold ${compactNumber(threshold)}`);
              const names = byWindow.get(i);
              if (names) lines.push(`change point: ${names.join(', ')}`);
              return lines;
            },
          },
        },
      },
    },
  };
}

function errorConfig(runs: DetectorRun[], windows: TimeWindow[], theme: ChartTheme): ChartConfiguration<'line'> {
  const labels = windows.map((w) => w.label);
  const names = runs.map((r) => detectorName(r.detector));
  return {
    type: 'line',
    data: {
      labels,
      datasets: runs.map((run, k) => {
        const data: (number | null)[] = labels.map(() => null);
        for (const p of run.changePoints) if (p.window >= 0 && p.window < data.length) data[p.window] = k;
        return {
          label: names[k],
          data,
          showLine: false,
          pointStyle: 'rectRot',
          pointRadius: 5,
          pointHoverRadius: 7,
          pointBackgroundColor: theme.bad,
          pointBorderColor: theme.highContrast ? theme.foreground : theme.bad,
          borderColor: theme.bad,
          backgroundColor: theme.bad,
        };
      }),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      events: ['mousemove', 'mouseout', 'touchstart', 'touchmove'],
      layout: { padding: { top: 4, right: 8 } },
      interaction: { mode: 'nearest', intersect: true },
      scales: {
        x: windowAxis(theme, labels),
        y: {
          type: 'linear',
          min: -0.5,
          max: runs.length - 0.5,
          reverse: true,
          grid: { color: theme.grid },
          border: { display: false },
          afterBuildTicks: (axis) => {
            axis.ticks = runs.map((_, k) => ({ value: k }));
          },
          ticks: { color: theme.text, font: font(theme, 10), autoSkip: false, callback: (value) => names[Number(value)] ?? '' },
        },
      },
      plugins: {
        tooltip: {
          ...tooltip(theme),
          callbacks: {
            title: (items: TooltipItem<'line'>[]) => labels[items[0]?.dataIndex ?? 0] ?? '',
            label: (item: TooltipItem<'line'>) => {
              const run = runs[item.datasetIndex];
              const here = run.changePoints.filter((p) => p.window === item.dataIndex);
              return `${names[item.datasetIndex]}: ${here.map((p) => changePointText(p, windows)).join('; ')}`;
            },
          },
        },
      },
    },
  };
}

/**
 * Dashed vertical lines at the windows where detectors signalled, each named at the top of the chart area (names
 * that would overlap the previous one move down a line). `named: false` draws the lines only.
 */
function markerPlugin(marks: Marker[], holder: { theme: ChartTheme }, named = true): Plugin<'line'> {
  return {
    id: 'changeMarkers',
    beforeDatasetsDraw(chart) {
      if (marks.length === 0) return;
      const { ctx, chartArea, scales } = chart;
      const x = scales.x;
      const theme = holder.theme;
      ctx.save();
      ctx.strokeStyle = withAlpha(theme.foreground, theme.highContrast ? 1 : 0.55);
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      for (const m of marks) {
        const px = Math.round(x.getPixelForValue(m.window)) + 0.5;
        ctx.beginPath();
        ctx.moveTo(px, chartArea.top - (named ? 4 : 0));
        ctx.lineTo(px, chartArea.bottom);
        ctx.stroke();
      }
      ctx.restore();
    },
    afterDatasetsDraw(chart) {
      if (!named || marks.length === 0) return;
      const { ctx, chartArea, scales } = chart;
      const theme = holder.theme;
      ctx.save();
      ctx.font = `10px ${theme.fontFamily}`;
      ctx.fillStyle = theme.foreground;
      ctx.textBaseline = 'bottom';
      let previousEnd = -Infinity;
      let row = 0;
      for (const m of marks) {
        const px = Math.round(scales.x.getPixelForValue(m.window));
        const text = m.names.join(', ');
        const width = ctx.measureText(text).width;
        // Left of the line when it would run off the right edge.
        const left = px + 3 + width > chart.width - 2 ? px - 3 - width : px + 3;
        row = left < previousEnd + 4 ? row + 1 : 0;
        previousEnd = left + width;
        ctx.fillText(text, left, chartArea.top - 4 + row * 12);
      }
      ctx.restore();
    },
  };
}
