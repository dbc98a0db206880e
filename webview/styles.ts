/**
 * The panel's stylesheet. Only VS Code theme variables are used for colours, so light, dark and
 * high-contrast themes all work. Adopted as a constructed stylesheet: one bundle, no <style> element
 * and no inline style attributes, so the page's CSP never has to allow them for our own CSS.
 */
import { toolkitCss } from './components/toolkit';

const appCss = /* css */ `
:root {
  --di-bad: var(--vscode-errorForeground, #f14c4c);
  --di-good: var(--vscode-testing-iconPassed, var(--vscode-charts-green, #89d185));
  --di-bad-bg: color-mix(in srgb, var(--di-bad) 14%, transparent);
  --di-good-bg: color-mix(in srgb, var(--di-good) 12%, transparent);
  --di-bad-row: color-mix(in srgb, var(--di-bad) 7%, transparent);
  --di-border: var(--vscode-contrastBorder, var(--vscode-panel-border, rgba(128, 128, 128, 0.35)));
  --di-muted: var(--vscode-descriptionForeground, rgba(128, 128, 128, 0.9));
  --di-hover: var(--vscode-list-hoverBackground, rgba(128, 128, 128, 0.08));
  --di-cols: minmax(130px, 1.3fr) minmax(128px, 1fr) 72px 82px 64px 124px 280px;
}
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

/* legend, once, above the table */
.toolbar { display: flex; justify-content: space-between; align-items: center; margin: 12px 0 4px; }
.toolbar h2 { font-size: 1em; font-weight: 600; margin: 0; }
.legend { display: inline-flex; gap: 14px; color: var(--di-muted); font-size: 0.92em; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { width: 10px; height: 10px; border-radius: 2px; display: inline-block; }
.swatch.reference { background: var(--vscode-charts-blue, #3794ff); }
.swatch.current { background: var(--vscode-charts-orange, #d18616); }

/* column rows: a grid so the chart can wrap below the numbers in narrow panels */
.table { min-width: 520px; }
.scroll { overflow-x: auto; }
.grid-row {
  display: grid;
  grid-template-columns: var(--di-cols);
  grid-template-areas: 'name test stat p thr verdict chart';
  column-gap: 14px;
  align-items: center;
  padding: 6px 10px;
  border-bottom: 1px solid var(--di-border);
}
.grid-row.head {
  color: var(--di-muted);
  font-size: 0.92em;
  font-weight: 600;
  padding-top: 4px;
  padding-bottom: 6px;
  align-items: end;
}
.grid-row:not(.head):hover { background: var(--di-hover); }
.grid-row[data-drifted='true'] { background: var(--di-bad-row); box-shadow: inset 3px 0 0 var(--di-bad); }
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
.sub { color: var(--di-muted); font-size: 0.88em; margin-top: 2px; }
.chart-slot { width: 280px; display: flex; align-items: center; }
.chart-slot canvas { display: block; }
.message { color: var(--di-muted); font-style: italic; font-size: 0.92em; padding: 0 4px; }
.grid-row[data-status='error'] .message { color: var(--di-bad); font-style: normal; }
.head .cell-chart { padding-left: 4px; }

@media (max-width: 900px) {
  :root { --di-cols: minmax(96px, 1.3fr) minmax(88px, 1fr) 62px 72px 54px 112px; }
  .grid-row { grid-template-areas: 'name test stat p thr verdict' 'chart chart chart chart chart chart'; column-gap: 10px; align-items: start; }
  .head .cell-chart { display: none; }
  .cell-chart { padding: 4px 0 2px; }
}

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
  sheet.replaceSync(appCss + toolkitCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
