/** The data view's own rules, on top of the drift panel's stylesheet (theme variables, links, type icons). */
const dataViewCss = /* css */ `
body { padding: 0 20px 24px; }
.dv-head { padding: 14px 0 6px; display: flex; flex-direction: column; gap: 6px; }
.dv-head h1 { font-size: 1.25em; font-weight: 600; margin: 0; overflow-wrap: anywhere; }
.dv-facts { display: flex; flex-wrap: wrap; gap: 2px 0; color: var(--di-muted); }
.dv-facts span:not(:last-child)::after { content: '·'; padding: 0 8px; }
.dv-progress { display: flex; align-items: center; gap: 8px; color: var(--di-muted); min-height: 20px; }
.dv-progress vscode-progress-ring { height: 16px; width: 16px; }
.dv-drift { border-left: 3px solid var(--di-bad); padding: 2px 10px; }
.dv-drift.none { border-left-color: var(--di-good); }
section.dv-section { margin-top: 14px; }
section.dv-section > h2 { font-size: 1.05em; font-weight: 600; margin: 0 0 6px; }
.dv-failed { margin: 10px 0; }
.dv-failed h2 { color: var(--di-bad); font-size: 1.05em; margin: 0 0 4px; }
.dv-failed pre {
  white-space: pre-wrap;
  font-family: var(--vscode-editor-font-family, monospace);
  background: var(--vscode-textCodeBlock-background, transparent);
  border-left: 3px solid var(--di-bad);
  padding: 8px 12px;
  margin: 0;
}

/* columns */
.dv-columns-scroll { overflow-x: auto; }
.dv-columns { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; }
.dv-columns th, .dv-columns td { text-align: left; padding: 4px 10px 4px 0; border-bottom: 1px solid var(--di-border); vertical-align: middle; }
.dv-columns thead th { color: var(--di-muted); font-weight: 600; white-space: nowrap; position: sticky; top: 0; background: var(--vscode-editor-background); z-index: 1; }
.dv-columns .num { text-align: right; }
.dv-columns tbody tr { cursor: pointer; }
.dv-columns tbody tr:hover { background: var(--di-hover); }
.dv-columns tbody tr[data-drifted='true'] { box-shadow: inset 3px 0 0 var(--di-bad); background: var(--di-bad-row); }
.dv-columns tbody tr[aria-current='true'] { outline: 2px solid var(--vscode-focusBorder); outline-offset: -2px; background: var(--di-selected); }
.dv-columns tbody tr:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.dv-columns tbody tr > :first-child { padding-left: 8px; }
.dv-columns .col-name { font-weight: normal; min-width: 120px; }
.dv-columns .col-physical, .dv-columns .col-logical { font-family: var(--vscode-editor-font-family, monospace); font-size: 0.92em; white-space: nowrap; }
.dv-columns .col-type { white-space: nowrap; }
.dv-columns .col-range { max-width: 320px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.dv-columns .skipped { white-space: normal; }
.drift-mark { display: flex; flex-wrap: wrap; align-items: center; gap: 2px 8px; margin-top: 3px; font-size: 0.92em; }
.drift-mark .evidence { font-variant-numeric: tabular-nums; }
.sparkline { display: block; }
.sparkline rect { fill: var(--vscode-charts-blue, #3794ff); }
.sparkline.categories rect { fill: var(--vscode-charts-purple, #b180d7); }

/* first rows: a virtualized grid */
.dv-grid {
  position: relative;
  overflow: auto;
  height: 420px;
  border: 1px solid var(--di-border);
  font-family: var(--vscode-editor-font-family, monospace);
  font-size: var(--vscode-editor-font-size, 12px);
}
.dv-grid:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.dv-grid-row { display: grid; grid-template-columns: var(--dv-grid-cols); width: max-content; height: 24px; line-height: 24px; }
.dv-grid-row.head { position: sticky; top: 0; z-index: 1; background: var(--vscode-editor-background); font-weight: 600; border-bottom: 1px solid var(--di-border); }
.dv-grid-canvas { position: relative; }
.dv-grid-canvas .dv-grid-row { position: absolute; left: 0; }
.dv-grid-canvas .dv-grid-row:hover { background: var(--di-hover); }
.dv-cell { padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; border-right: 1px solid color-mix(in srgb, var(--di-border) 50%, transparent); }
.dv-cell.index { color: var(--di-muted); text-align: right; position: sticky; left: 0; background: var(--vscode-editor-background); }
.dv-cell.null { color: var(--di-muted); font-style: italic; }

/* row groups */
.dv-rowgroups { border-collapse: collapse; font-variant-numeric: tabular-nums; }
.dv-rowgroups th, .dv-rowgroups td { padding: 2px 16px 2px 0; text-align: right; border-bottom: 1px solid var(--di-border); }
.dv-rowgroups th { color: var(--di-muted); font-weight: 600; }
details > summary { cursor: pointer; }
details > summary h2.inline { display: inline; font-size: 1.05em; font-weight: 600; margin: 0; }
`;

let adopted = false;

export function adoptDataViewStyles(): void {
  if (adopted) return;
  adopted = true;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(dataViewCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
