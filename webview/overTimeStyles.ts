/** Styles of the "Drift over time" section and the detail view's over-time chart (webview/overTime.ts); theme variables only. */
export const overTimeCss = /* css */ `
.over-time-host { container: model / inline-size; padding: 12px 0 14px; border-bottom: 1px solid var(--di-border); min-width: 0; }
.over-time-host .name { font-family: var(--vscode-editor-font-family, monospace); overflow-wrap: anywhere; }
.over-time-host .link.name { font-weight: 600; text-align: left; }
:root {
  --di-heat: var(--vscode-charts-orange, #d18616);
  --di-heat-hot: var(--vscode-charts-red, var(--di-bad));
}

/* heat map: a real table, columns × windows; the first column stays put while the windows scroll */
.heatmap-block { margin-top: 6px; min-width: 0; }
/* Positioned, so the visually hidden labels of thinned windows stay inside the scroller (not widening the page). */
.heatmap-block .model-scroll { position: relative; }
.heat-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 12px; font-size: 0.88em; color: var(--di-muted); margin: 0 0 6px; }
.heat-key { display: inline-flex; align-items: center; gap: 5px; }
.hm-swatch { position: relative; display: inline-block; width: 12px; height: 12px; border-radius: 2px; }
.heatmap { border-collapse: separate; border-spacing: 2px; font-variant-numeric: tabular-nums; }
.heatmap th, .heatmap td { padding: 0; }
.heatmap thead th { font-weight: normal; color: var(--di-muted); vertical-align: bottom; }
.heatmap .hm-corner { text-align: left; font-weight: 600; padding: 0 10px 4px 4px; position: sticky; left: 0; z-index: 2; background: var(--vscode-editor-background); }
.hm-window { width: 18px; min-width: 18px; max-width: 18px; padding-bottom: 4px !important; }
.hm-label { display: inline-block; writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; font-size: 0.82em; line-height: 18px; }
.heatmap .hm-max { padding: 0 4px 0 10px; text-align: right; color: var(--di-muted); }
.heatmap thead .hm-max { font-weight: 600; }
.heatmap tbody .hm-max[data-level='4'], .heatmap tbody .hm-max[data-level='5'] { color: var(--vscode-foreground); font-weight: 600; }
.heatmap tbody tr { cursor: pointer; }
.heatmap tbody tr:focus { outline: none; }
.heatmap tbody tr:focus-visible > th { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.heatmap .hm-name {
  position: sticky;
  left: 0;
  z-index: 1;
  text-align: left;
  font-weight: normal;
  padding: 0 10px 0 7px;
  height: 20px;
  background: var(--vscode-editor-background);
  box-shadow: inset 3px 0 0 transparent;
}
.heatmap .hm-name .name { display: block; max-width: 180px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; overflow-wrap: normal; }
.heatmap tr[data-drifted='true'] .hm-name .name { font-weight: 700; }
.heatmap tbody tr:hover > .hm-name { background: linear-gradient(var(--di-hover), var(--di-hover)), var(--vscode-editor-background); }
.heatmap tbody tr[aria-selected='true'] > .hm-name {
  background: linear-gradient(var(--di-selected), var(--di-selected)), var(--vscode-editor-background);
  box-shadow: inset 3px 0 0 var(--vscode-focusBorder);
}
body.vscode-high-contrast .heatmap tbody tr[aria-selected='true'] > .hm-name { outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); outline-offset: -1px; }
.hm-cell { position: relative; width: 18px; min-width: 18px; height: 20px; border-radius: 2px; }
.hm-cell[data-level], .hm-swatch[data-level] { background: color-mix(in srgb, var(--vscode-foreground) 7%, transparent); }
.hm-cell[data-level='1'], .hm-swatch[data-level='1'] { background: color-mix(in srgb, var(--di-heat) 18%, transparent); }
.hm-cell[data-level='2'], .hm-swatch[data-level='2'] { background: color-mix(in srgb, var(--di-heat) 40%, transparent); }
.hm-cell[data-level='3'], .hm-swatch[data-level='3'] { background: color-mix(in srgb, var(--di-heat) 66%, transparent); }
.hm-cell[data-level='4'], .hm-swatch[data-level='4'] { background: color-mix(in srgb, var(--di-heat-hot) 50%, var(--di-heat)); }
.hm-cell[data-level='5'], .hm-swatch[data-level='5'] { background: var(--di-heat-hot); }
.hm-cell[data-level='-1'], .hm-swatch[data-level='-1'] {
  background: repeating-linear-gradient(135deg, transparent 0 3px, color-mix(in srgb, var(--vscode-foreground) 18%, transparent) 3px 4px);
}
/* A drifted window: a dot in the text colour, ringed by the background so it shows on any shade. */
.hm-cell[data-drifted='true']::after, .hm-swatch[data-drifted='true']::after {
  content: '';
  position: absolute;
  left: 50%;
  top: 50%;
  width: 6px;
  height: 6px;
  margin: -4px 0 0 -4px;
  border-radius: 50%;
  background: var(--vscode-foreground);
  border: 1px solid var(--vscode-editor-background);
}
body.vscode-high-contrast .hm-cell, body.vscode-high-contrast .hm-swatch { outline: 1px solid color-mix(in srgb, var(--vscode-contrastBorder, #6fc3df) 45%, transparent); outline-offset: -1px; }
body.vscode-high-contrast .hm-cell[data-level='4'], body.vscode-high-contrast .hm-cell[data-level='5'] { outline-color: var(--vscode-contrastActiveBorder, #f38518); }
.heatmap tbody tr:hover > .hm-cell { box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--vscode-foreground) 35%, transparent); }

/* line charts */
.over-time-chart { margin-top: 14px; min-width: 0; }
.over-time-chart h4, .over-time-host .model-sub h4 { font-size: 1em; font-weight: 600; margin: 0 0 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; }
.over-time-chart h4 .muted, .over-time-host .model-sub h4 .muted { font-weight: normal; font-size: 0.92em; }
.over-time-chart h4 .legend { margin-left: auto; }
.over-time-canvas { position: relative; width: 100%; height: 200px; }
.over-time-canvas canvas { display: block; }
.over-time-canvas.errors { height: calc(34px + var(--detectors, 1) * 26px); }
.over-time-canvas.in-detail { height: 180px; }
.over-time-caption { margin: 0 0 6px; font-size: 0.92em; }
.key-drift { display: inline-block; width: 7px; height: 7px; margin: 0 2px; background: var(--di-bad); transform: rotate(45deg); }
.key-threshold { display: inline-block; width: 16px; border-top: 1px dashed var(--di-muted); }
.key-change { display: inline-block; height: 12px; border-left: 1px dashed var(--vscode-foreground); }

/* detectors */
.detectors .change-points { display: inline-flex; flex-direction: column; white-space: nowrap; }
.detectors .detector-message { display: inline-block; white-space: normal; min-width: 160px; max-width: 360px; color: var(--di-muted); }
@container model (max-width: 620px) {
  .over-time-host .heatmap .hm-name .name { max-width: 120px; }
  /* Stacked rows: the change points and the message take the row's whole width. */
  .model-table.detectors td[data-label='Change points'], .model-table.detectors td[data-label='Message'] { grid-column: 1 / -1; }
  .detectors .change-points { white-space: normal; align-items: flex-end; }
  .detectors .detector-message { min-width: 0; max-width: none; }
}
`;
