/** Styles of the model-aware sections (webview/modelSections.ts and its parts); theme variables only. */
export const modelCss = /* css */ `
.main-column { min-width: 0; }
.model { container: model / inline-size; display: flex; flex-direction: column; gap: 10px; padding: 12px 0 14px; border-bottom: 1px solid var(--di-border); min-width: 0; }
.roles-line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 18px; }
.roles-title { font-weight: 600; }
.role-item { display: inline-flex; flex-wrap: wrap; align-items: baseline; gap: 0 6px; min-width: 0; }
.role-item .label, .model-line .label { color: var(--di-muted); }
.role-source { font-size: 0.92em; }
.model .name { font-family: var(--vscode-editor-font-family, monospace); overflow-wrap: anywhere; }
.model .link.name { font-weight: 600; text-align: left; }

.model-pair { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 10px; }
.model-section { border: 1px solid var(--di-border); border-radius: 4px; min-width: 0; }
.model-section > summary {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 4px 10px;
  padding: 6px 10px;
  cursor: pointer;
  list-style: none;
  border-radius: 4px;
}
.model-section > summary::-webkit-details-marker { display: none; }
.model-section > summary::before {
  content: '';
  flex: none;
  width: 0;
  height: 0;
  border-style: solid;
  border-width: 4px 0 4px 6px;
  border-color: transparent transparent transparent var(--di-muted);
  transition: transform 0.1s;
}
.model-section[open] > summary::before { transform: rotate(90deg); }
.model-section > summary:hover { background: var(--di-hover); }
.model-section > summary:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.model-heading { font-size: 1em; font-weight: 600; margin: 0; }
.summary-note { font-size: 0.95em; }
.model-section[data-section='label'] > summary .name, .model-section[data-section='prediction'] > summary .name { color: var(--di-muted); }
.model-body { padding: 2px 12px 10px; min-width: 0; }
.model-body .detail-facts { margin: 4px 0; }
.model-body .why { margin: 4px 0 0; color: var(--di-muted); }
.column-drift { cursor: pointer; }
.model-line { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 8px; margin: 4px 0 8px; }
.model-note { margin: 6px 0 0; font-size: 0.92em; }
.model-notes { margin: 6px 0 0; padding-left: 18px; color: var(--di-muted); font-size: 0.92em; }
.model-sub { margin-top: 12px; min-width: 0; }
.model-sub h4 { font-size: 1em; font-weight: 600; margin: 0 0 6px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; }
.model-sub h4 .muted { font-weight: normal; font-size: 0.92em; }
.model-scroll { overflow-x: auto; max-width: 100%; }
.model-scroll:focus-visible { outline: 1px solid var(--vscode-focusBorder); }

/* metric and segment tables */
.model-table { width: 100%; }
.model-table th, .model-table td { padding: 4px 12px 4px 0; vertical-align: middle; white-space: nowrap; }
.model-table thead th { font-size: 0.92em; }
.model-table tbody th { color: inherit; }
.model-table .num { text-align: right; }
.model-table tr[data-degraded='true'] > th, .model-table.segments tr[data-drifted='true'] > th { box-shadow: inset 3px 0 0 var(--di-bad); padding-left: 8px; }
.model-table tr > th:first-child { padding-left: 8px; }
.model-table .direction { color: var(--di-muted); }
.segment-value { display: inline-flex; flex-direction: column; font-weight: 600; overflow-wrap: anywhere; }
.segment-value .sub { font-weight: normal; white-space: normal; max-width: 220px; }
.drifted-names { display: inline-block; white-space: normal; min-width: 140px; max-width: 280px; }
.performance-headline { font-size: 1em; }

/* Narrow panels: each row of a metric or segment table stacks into "label value" pairs under its name. */
@container model (max-width: 620px) {
  .model-table, .model-table tbody { display: block; }
  .model-table thead { display: none; }
  .model-table tr { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 2px 16px; padding: 6px 0 8px 8px; border-bottom: 1px solid var(--di-border); }
  .model-table th, .model-table td { border: 0; padding: 0; }
  .model-table tr > th:first-child, .model-table.segments tr > th:first-child { grid-column: 1 / -1; padding: 0 0 2px; box-shadow: none; font-weight: 600; }
  .model-table tr[data-degraded='true'], .model-table.segments tr[data-drifted='true'] { box-shadow: inset 3px 0 0 var(--di-bad); }
  .model-table td { display: flex; justify-content: space-between; align-items: baseline; gap: 8px; white-space: normal; text-align: right; min-width: 0; }
  .model-table td::before { content: attr(data-label); color: var(--di-muted); text-align: left; white-space: nowrap; }
  .model-table .drifted-names { min-width: 0; text-align: right; }
  .model-table .segment-value .sub { max-width: none; }
}

/* confusion matrices */
.confusion-pair { display: flex; flex-wrap: wrap; gap: 12px 28px; align-items: flex-start; }
.confusion-figure { margin: 0; }
.confusion-figure figcaption { margin-bottom: 4px; }
.confusion-figure .side { font-weight: 600; }
.confusion { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.confusion th, .confusion td { padding: 4px 10px; border: 1px solid var(--di-border); }
.confusion th { font-weight: 600; text-align: left; font-family: var(--vscode-editor-font-family, monospace); overflow-wrap: anywhere; max-width: 16ch; }
.confusion th.corner { font-family: inherit; font-weight: normal; font-size: 0.85em; border-top-color: transparent; border-left-color: transparent; }
.confusion td { text-align: right; min-width: 4ch; }
.confusion td.diagonal { font-weight: 700; }
.confusion td[data-level='1'] { background: color-mix(in srgb, var(--di-accent) 8%, transparent); }
.confusion td[data-level='2'] { background: color-mix(in srgb, var(--di-accent) 16%, transparent); }
.confusion td[data-level='3'] { background: color-mix(in srgb, var(--di-accent) 26%, transparent); }
.confusion td[data-level='4'] { background: color-mix(in srgb, var(--di-accent) 38%, transparent); }
.confusion td[data-level='5'] { background: color-mix(in srgb, var(--di-accent) 50%, transparent); }
body.vscode-high-contrast .confusion td[data-level='4'], body.vscode-high-contrast .confusion td[data-level='5'] { outline: 1px solid var(--vscode-contrastActiveBorder, var(--di-accent)); outline-offset: -3px; }

/* multivariate */
.multivariate-methods { display: grid; grid-template-columns: repeat(auto-fit, minmax(240px, 1fr)); gap: 12px 28px; }
.method { margin-top: 4px; }
.importance { list-style: none; margin: 8px 0 0; padding: 0; display: grid; grid-template-columns: minmax(0, max-content) 5ch minmax(60px, 1fr); gap: 3px 10px; align-items: center; }
.importance li { display: contents; }
.importance .feature { min-width: 0; }
.importance .share { font-variant-numeric: tabular-nums; text-align: right; }
.bar { display: block; height: 8px; border-radius: 2px; background: color-mix(in srgb, var(--di-accent) 14%, transparent); overflow: hidden; }
.bar-fill { display: block; height: 100%; background: var(--di-accent); }
body.vscode-high-contrast .bar { outline: 1px solid var(--di-border); }

/* a column's role beside its name in the table, and the detail view's role control */
.role-chip {
  flex: none;
  font-size: 0.8em;
  padding: 0 5px;
  border-radius: 3px;
  color: var(--di-accent);
  border: 1px solid color-mix(in srgb, var(--di-accent) 55%, transparent);
}
.role-control { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px 8px; }
`;
