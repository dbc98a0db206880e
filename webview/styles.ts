/**
 * The panel's stylesheet. Only VS Code theme variables are used for colours, so light, dark and
 * high-contrast themes all work. Adopted as a constructed stylesheet: one bundle, no <style> element
 * and no inline style attributes, so the page's CSP never has to allow them for our own CSS.
 */
import { toolkitCss } from './components/toolkit';
import { modelCss } from './modelStyles';
import { overTimeCss } from './overTimeStyles';

const appCss = /* css */ `
:root {
  --di-bad: var(--vscode-errorForeground, #f14c4c);
  --di-good: var(--vscode-testing-iconPassed, var(--vscode-charts-green, #89d185));
  --di-bad-bg: color-mix(in srgb, var(--di-bad) 14%, transparent);
  --di-good-bg: color-mix(in srgb, var(--di-good) 12%, transparent);
  --di-bad-row: color-mix(in srgb, var(--di-bad) 7%, transparent);
  --di-warning: var(--vscode-editorWarning-foreground, var(--vscode-charts-yellow, #cca700));
  --di-info: var(--vscode-editorInfo-foreground, var(--vscode-charts-blue, #3794ff));
  --di-warning-bg: color-mix(in srgb, var(--di-warning) 14%, transparent);
  --di-info-bg: color-mix(in srgb, var(--di-info) 12%, transparent);
  --di-border: var(--vscode-contrastBorder, var(--vscode-panel-border, rgba(128, 128, 128, 0.35)));
  --di-muted: var(--vscode-descriptionForeground, rgba(128, 128, 128, 0.9));
  --di-hover: var(--vscode-list-hoverBackground, rgba(128, 128, 128, 0.08));
  --di-accent: var(--vscode-charts-blue, #3794ff);
  --di-selected: var(--vscode-list-inactiveSelectionBackground, color-mix(in srgb, var(--vscode-focusBorder, #0078d4) 18%, transparent));
  --di-cols: minmax(150px, 1.4fr) minmax(120px, 1fr) 72px 82px 64px 112px 220px;
}
[hidden] { display: none !important; }
.visually-hidden {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;
}
:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
body {
  margin: 0;
  padding: 0 20px 24px;
  color: var(--vscode-foreground);
  background: var(--vscode-editor-background);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size, 13px);
  font-weight: var(--vscode-font-weight, normal);
  line-height: 1.4;
}
.muted { color: var(--di-muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }

/* summary */
.summary { padding: 16px 0 12px; display: flex; flex-direction: column; gap: 10px; }
.headline { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 24px; }
.headline .item { display: inline-flex; align-items: center; gap: 8px; }
.headline .label { color: var(--di-muted); }
.headline .value { font-size: 1.15em; font-weight: 600; font-variant-numeric: tabular-nums; }
.files { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
.files dt { color: var(--di-muted); }
.files dd { margin: 0; display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 10px; }
.files .rows { font-variant-numeric: tabular-nums; }
.note {
  color: var(--di-muted);
  border: 1px solid var(--di-border);
  border-radius: 3px;
  padding: 0 6px;
  font-size: 0.9em;
}
.link {
  font: inherit;
  color: var(--vscode-textLink-foreground);
  background: none;
  border: 0;
  padding: 0;
  cursor: pointer;
  font-weight: 600;
}
.link:hover { color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
.link:focus-visible, .grid-row:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
.skipped { font-size: 0.92em; }

/* controls: plain elements dressed in the theme's button and input colours */
.button {
  font: inherit;
  color: var(--vscode-button-foreground);
  background: var(--vscode-button-background);
  border: 1px solid var(--vscode-button-border, transparent);
  border-radius: 2px;
  padding: 3px 11px;
  cursor: pointer;
  line-height: 1.4;
}
.button:hover { background: var(--vscode-button-hoverBackground, var(--vscode-button-background)); }
.button.secondary {
  color: var(--vscode-button-secondaryForeground, var(--vscode-foreground));
  background: var(--vscode-button-secondaryBackground, transparent);
  border-color: var(--vscode-button-border, var(--di-border));
}
.button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground, var(--di-hover)); }
.button:disabled, .control:disabled { opacity: 0.5; cursor: default; }
.control {
  font: inherit;
  color: var(--vscode-input-foreground, var(--vscode-foreground));
  background: var(--vscode-input-background, transparent);
  border: 1px solid var(--vscode-input-border, var(--vscode-dropdown-border, var(--di-border)));
  border-radius: 2px;
  padding: 2px 6px;
  min-height: 24px;
  box-sizing: border-box;
}
select.control {
  color: var(--vscode-dropdown-foreground, var(--vscode-foreground));
  background: var(--vscode-dropdown-background, var(--vscode-input-background, transparent));
  border-color: var(--vscode-dropdown-border, var(--vscode-input-border, var(--di-border)));
}
.control:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.control::placeholder { color: var(--vscode-input-placeholderForeground, var(--di-muted)); }
.icon-button {
  font: inherit;
  min-width: 26px;
  cursor: pointer;
  color: var(--vscode-foreground);
  background: transparent;
  border: 1px solid transparent;
  border-radius: 3px;
}
.icon-button:hover { background: var(--vscode-toolbar-hoverBackground, var(--di-hover)); }
.toolbar .icon-button { border-color: var(--vscode-input-border, var(--di-border)); }
input[type='checkbox'] { accent-color: var(--vscode-checkbox-background, var(--vscode-focusBorder)); margin: 0; }
.chip {
  font: inherit;
  font-size: 0.92em;
  cursor: pointer;
  color: var(--vscode-foreground);
  background: transparent;
  border: 1px solid var(--di-border);
  border-radius: 11px;
  padding: 1px 9px;
}
.chip:hover { background: var(--di-hover); }
.chip[aria-pressed='true'] {
  color: var(--vscode-button-foreground);
  background: var(--vscode-button-background);
  border-color: var(--vscode-contrastActiveBorder, var(--vscode-button-background));
}

/* summary actions */
.actions { display: inline-flex; flex-wrap: wrap; gap: 6px; margin-left: auto; }
.export-formats { display: inline-flex; gap: 6px; }
.file { font-weight: 600; }

/* toolbar: stays at the top while the rows scroll under it */
.toolbar {
  position: sticky;
  top: 0;
  z-index: 2;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 8px 16px;
  padding: 10px 0 8px;
  background: var(--vscode-editor-background);
  border-bottom: 1px solid var(--di-border);
}
.toolbar .group { display: inline-flex; align-items: center; gap: 6px; }
.toolbar .check { cursor: pointer; }
.toolbar .chips { flex-wrap: wrap; }
.toolbar .grow { flex: 1 1 160px; }
.toolbar .search { width: 100%; max-width: 280px; }
.toolbar .count { margin-left: auto; font-variant-numeric: tabular-nums; }
.legend { display: inline-flex; gap: 14px; color: var(--di-muted); font-size: 0.92em; font-weight: normal; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.swatch.reference { background: var(--vscode-charts-blue, #3794ff); }
.swatch.current { background: var(--vscode-charts-orange, #d18616); }

/* table beside the detail view when there is room; the detail covers the table in narrow panels */
.layout { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0 16px; align-items: start; }
.layout.has-detail { grid-template-columns: minmax(0, 1fr) minmax(340px, 38%); }
.columns { container-type: inline-size; min-width: 0; }

/* column rows: a grid so the chart can wrap below the numbers in narrow panels */
.scroll { overflow-x: auto; }
.sentinel { height: 1px; }
.grid-row {
  display: grid;
  grid-template-columns: var(--di-cols);
  grid-template-areas: 'name test stat p thr verdict chart';
  column-gap: 14px;
  align-items: center;
  padding: 6px 10px;
  border-bottom: 1px solid var(--di-border);
}
/* Rows far off screen skip layout and paint (thousands of columns). */
.grid-row:not(.head) { content-visibility: auto; contain-intrinsic-size: auto 80px; }
.grid-row.head {
  color: var(--di-muted);
  font-size: 0.92em;
  font-weight: 600;
  padding-top: 4px;
  padding-bottom: 6px;
  align-items: end;
}
.grid-row:not(.head) { cursor: pointer; }
.grid-row:not(.head):hover { background: var(--di-hover); }
.grid-row[aria-selected='true'] { background: var(--di-selected); }
/* High contrast themes mark selection with a border, not a fill. */
body.vscode-high-contrast .grid-row[aria-selected='true'] { outline: 1px dashed var(--vscode-contrastActiveBorder, var(--vscode-focusBorder)); outline-offset: -1px; }
.grid-row:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.grid-row[data-drifted='true'] { box-shadow: inset 3px 0 0 var(--di-bad); }
.grid-row[data-drifted='true']:not([aria-selected='true']):not(:hover) { background: var(--di-bad-row); }
.grid-row[data-drifted='true'] .name { font-weight: 700; }
.cell-name { grid-area: name; min-width: 0; }
.cell-test { grid-area: test; }
.cell-stat { grid-area: stat; }
.cell-p { grid-area: p; }
.cell-thr { grid-area: thr; }
.cell-verdict { grid-area: verdict; }
.cell-chart { grid-area: chart; }
.name {
  font-family: var(--vscode-editor-font-family, monospace);
  overflow-wrap: anywhere;
}
.name-line { display: flex; align-items: baseline; gap: 6px; min-width: 0; }
.type-icon {
  flex: none;
  min-width: 1.7em;
  padding: 0 3px;
  box-sizing: border-box;
  text-align: center;
  font-family: var(--vscode-editor-font-family, monospace);
  font-size: 0.78em;
  line-height: 1.5;
  font-weight: 600;
  color: var(--di-muted);
  border: 1px solid var(--di-border);
  border-radius: 3px;
}
.type-icon[data-type='numeric'] { color: var(--vscode-charts-blue, var(--di-muted)); }
.type-icon[data-type='categorical'] { color: var(--vscode-charts-purple, var(--di-muted)); }
.type-icon[data-type='boolean'] { color: var(--vscode-charts-green, var(--di-muted)); }
.type-icon[data-type='datetime'] { color: var(--vscode-charts-yellow, var(--di-muted)); }
.sub { color: var(--di-muted); font-size: 0.88em; margin-top: 2px; }
/* One line each in the table (a text column can have hundreds of new values); the detail view lists them all. */
.sub.finding { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.chart-slot { width: 220px; min-height: 72px; display: flex; align-items: center; }
.chart-slot canvas { display: block; }
.message { color: var(--di-muted); font-style: italic; font-size: 0.92em; padding: 0 4px; }
.grid-row[data-status='error'] .message { color: var(--di-bad); font-style: normal; }
.head .cell-chart { padding-left: 4px; }

@container (max-width: 860px) {
  .grid-row {
    grid-template-columns: minmax(96px, 1.3fr) minmax(88px, 1fr) 62px 72px 66px 100px;
    /* The chart moves under the numbers, beside the name's own extra lines. */
    grid-template-areas: 'name test stat p thr verdict' 'name chart chart chart chart chart';
    column-gap: 10px;
    align-items: start;
  }
  .head .cell-chart { display: none; }
  .cell-chart { padding: 4px 0 2px; }
}

/* detail view */
.detail {
  position: sticky;
  top: 0;
  max-height: 100vh;
  overflow-y: auto;
  box-sizing: border-box;
  padding: 10px 14px 24px;
  border-left: 1px solid var(--di-border);
  background: var(--vscode-sideBar-background, var(--vscode-editor-background));
}
.detail:focus-within { border-left-color: var(--vscode-focusBorder); }
.detail-head { display: flex; align-items: center; gap: 8px; position: sticky; top: -10px; padding: 6px 0; background: inherit; z-index: 1; }
.detail-head h2 { font-size: 1.15em; margin: 0; flex: 1; min-width: 0; }
.detail-head h2:focus { outline: none; }
.detail-head h2:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.detail-head .close { font-size: 1.3em; line-height: 1; padding: 2px 6px; }
.why { margin: 4px 0 10px; }
.detail-facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0 0 8px; }
.detail-facts dt { color: var(--di-muted); }
.detail-facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.detail-section { margin-top: 16px; }
.detail-section h3 { font-size: 1em; font-weight: 600; margin: 0 0 6px; display: flex; justify-content: space-between; align-items: center; gap: 12px; }
.detail-chart { position: relative; width: 100%; height: 220px; }
.detail-chart canvas { display: block; }
.chart-values summary { cursor: pointer; color: var(--di-muted); font-size: 0.92em; margin-top: 4px; }
.facts { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.facts th, .facts td { padding: 2px 8px 2px 0; border-bottom: 1px solid var(--di-border); text-align: left; font-weight: normal; vertical-align: top; }
.facts thead th { color: var(--di-muted); font-weight: 600; }
.facts tbody th { color: var(--di-muted); overflow-wrap: anywhere; }
.facts .num { text-align: right; }
.facts.values tbody th { color: inherit; font-family: var(--vscode-editor-font-family, monospace); font-size: 0.92em; }
.facts.tests tr.in-use th { font-weight: 600; color: var(--vscode-foreground); }
.in-use-mark {
  margin-left: 6px;
  font-size: 0.85em;
  padding: 0 5px;
  border-radius: 3px;
  color: var(--vscode-badge-foreground);
  background: var(--vscode-badge-background);
}
.findings { margin: 0; padding-left: 18px; }
.findings li { margin: 2px 0; }
.findings .label { color: var(--di-muted); margin-right: 6px; }
.findings .values { display: inline-flex; flex-wrap: wrap; gap: 4px; }
.findings code.value {
  font-family: var(--vscode-editor-font-family, monospace);
  font-size: 0.92em;
  padding: 0 4px;
  border-radius: 3px;
  background: var(--vscode-textCodeBlock-background, var(--di-hover));
}
.set-test { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; margin-top: 10px; }
.set-test .threshold { width: 110px; }
.set-status { margin-top: 6px; }
.inline-state { display: flex; align-items: center; gap: 8px; }
.error { color: var(--di-bad); }
.inline-state.error { flex-wrap: wrap; }
.state.empty { flex-direction: column; }

@media (max-width: 760px) {
  .layout.has-detail { grid-template-columns: minmax(0, 1fr); }
  .detail { position: fixed; inset: 0; max-height: none; z-index: 5; border-left: 0; }
}

/* suite overview */
.suite-title { display: inline-flex; align-items: baseline; gap: 8px; margin: 0; font-size: 1.15em; font-weight: 600; }
.suite-title .label { color: var(--di-muted); font-weight: normal; }
.suite-counts { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 16px; font-variant-numeric: tabular-nums; }
.suite-counts .label { color: var(--di-muted); }
.sev-count { display: inline-flex; align-items: center; gap: 6px; }
.sev-dot { flex: none; width: 8px; height: 8px; border-radius: 50%; display: inline-block; background: var(--di-good); }
[data-severity='error'] > .sev-dot { background: var(--di-bad); }
[data-severity='warning'] > .sev-dot { background: var(--di-warning); }
[data-severity='info'] > .sev-dot { background: var(--di-info); }
.error-note { color: var(--di-bad); border-color: var(--di-bad); }
.suite-row {
  display: grid;
  grid-template-columns: minmax(180px, 1.3fr) 112px 72px 104px minmax(200px, 2fr);
  grid-template-areas: 'cmp sev drifted dataset findings';
  column-gap: 14px;
  align-items: start;
  padding: 8px 10px;
  border-bottom: 1px solid var(--di-border);
}
.suite-row.head {
  position: sticky;
  top: 0;
  z-index: 1;
  background: var(--vscode-editor-background);
  color: var(--di-muted);
  font-size: 0.92em;
  font-weight: 600;
  padding-top: 8px;
  padding-bottom: 6px;
  align-items: end;
}
/* The file pair under a comparison's name: one line, cut with an ellipsis (not the summary's two-column .files grid). */
.suite-row .files { display: block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.suite-row .cell-cmp { min-width: 0; }
.suite-row:not(.head):hover { background: var(--di-hover); }
.suite-row[data-openable='true'] { cursor: pointer; }
.suite-row:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.suite-row[data-severity='error'], .suite-row[data-severity='failed'] { box-shadow: inset 3px 0 0 var(--di-bad); }
.suite-row[data-severity='warning'] { box-shadow: inset 3px 0 0 var(--di-warning); }
.suite-row[data-severity='info'] { box-shadow: inset 3px 0 0 var(--di-info); }
.suite-row .cell-cmp { grid-area: cmp; min-width: 0; }
.suite-row .cell-sev { grid-area: sev; }
.suite-row .cell-drifted { grid-area: drifted; }
.suite-row .cell-dataset { grid-area: dataset; }
.suite-row .cell-findings { grid-area: findings; min-width: 0; }
.cmp-name { font-weight: 600; overflow-wrap: anywhere; }
.suite-row[data-openable='true'] .cmp-name { color: var(--vscode-textLink-foreground); }
.suite-row .files { font-family: var(--vscode-editor-font-family, monospace); overflow-wrap: anywhere; }
.suite-row .value { font-weight: 600; }
.sub[data-severity='error'] { color: var(--di-bad); }
.sub[data-severity='warning'] { color: var(--di-warning); }
.sub[data-severity='info'] { color: var(--di-info); }
.finding-line { display: flex; align-items: baseline; gap: 6px; min-width: 0; font-size: 0.92em; }
.finding-line > .sev-dot { align-self: center; }
.finding-line:not(.failed) { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; display: block; }
.finding-line:not(.failed) > .sev-dot { margin-right: 6px; vertical-align: middle; }
.finding-line.failed { color: var(--di-bad); font-family: var(--vscode-editor-font-family, monospace); overflow-wrap: anywhere; }
@media (max-width: 760px) {
  .suite-row {
    grid-template-columns: minmax(0, 1fr) 104px 64px;
    grid-template-areas: 'cmp sev drifted' 'findings findings dataset';
    row-gap: 6px;
  }
  .suite-row.head .cell-findings, .suite-row.head .cell-dataset { display: none; }
  .suite-row .cell-dataset { justify-self: end; text-align: right; }
}

/* the way back from a drilled-down report */
.back-bar { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 12px; padding: 12px 0 0; }
.back-bar .crumb { color: var(--di-muted); overflow-wrap: anywhere; }

/* running / failed / empty */
.state { display: flex; align-items: flex-start; gap: 12px; padding: 28px 0; }
.state h2 { font-size: 1.1em; font-weight: 600; margin: 0 0 6px; }
.state p { margin: 2px 0; }
.state .path { font-family: var(--vscode-editor-font-family, monospace); font-size: 0.92em; color: var(--di-muted); overflow-wrap: anywhere; }
.state.failed h2 { color: var(--di-bad); }
.state.failed pre {
  white-space: pre-wrap;
  font-family: var(--vscode-editor-font-family, monospace);
  background: var(--vscode-textCodeBlock-background, transparent);
  border-left: 3px solid var(--di-bad);
  padding: 8px 12px;
  margin: 8px 0 0;
}
`;

let adopted = false;

export function adoptStyles(): void {
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(appCss + modelCss + overTimeCss + toolkitCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
