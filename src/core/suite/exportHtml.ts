/**
 * The report as one self-contained HTML file that opens offline in any browser: the panel's own script
 * (dist/webview.js) inlined, the report embedded as JSON, and the theme colours the panel had when exported.
 * The page runs without VS Code: webview/vscodeApi.ts sees no acquireVsCodeApi and reads the embedded report.
 */
import { randomBytes } from 'node:crypto';
import type { DriftReport } from './report';
import type { SuiteReport } from './suiteTypes';

/** The element the offline page reads its report from (see webview/vscodeApi.ts). */
export const EMBEDDED_REPORT_ID = 'drift-report';

export interface ExportTheme {
  /** CSS declarations of VS Code's theme variables (`--vscode-foreground: #ccc; …`), as the webview's <html> had them. */
  css: string;
  /** The webview's body classes (`vscode-dark`, `vscode-light`, `vscode-high-contrast`). */
  bodyClass: string;
}

/** Used when no theme is given (e.g. from the CLI): VS Code's default dark colours for the variables we use. */
const DEFAULT_THEME: ExportTheme = {
  css: [
    '--vscode-font-family: system-ui, -apple-system, "Segoe UI", Ubuntu, sans-serif',
    '--vscode-font-size: 13px',
    '--vscode-editor-font-family: ui-monospace, Menlo, Consolas, monospace',
    '--vscode-foreground: #cccccc',
    '--vscode-editor-background: #1f1f1f',
    '--vscode-descriptionForeground: #9d9d9d',
    '--vscode-errorForeground: #f85149',
    '--vscode-charts-blue: #3794ff',
    '--vscode-charts-orange: #d18616',
    '--vscode-charts-green: #89d185',
    '--vscode-textLink-foreground: #4daafc',
    '--vscode-focusBorder: #0078d4',
    '--vscode-panel-border: #2b2b2b',
    '--vscode-input-background: #313131',
    '--vscode-input-foreground: #cccccc',
    '--vscode-input-border: #3c3c3c',
    '--vscode-button-background: #0078d4',
    '--vscode-button-foreground: #ffffff',
    '--vscode-list-hoverBackground: #2a2d2e',
    '--vscode-list-activeSelectionBackground: #04395e',
  ].join('; '),
  bodyClass: 'vscode-dark',
};

/** `report`: one comparison's report, or a whole suite's (the page then opens on the suite overview). */
export function offlineHtml(report: DriftReport | SuiteReport, webviewScript: string, theme: ExportTheme = DEFAULT_THEME): string {
  const nonce = randomBytes(18).toString('base64');
  const csp = [`default-src 'none'`, `img-src data:`, `style-src 'unsafe-inline'`, `script-src 'nonce-${nonce}'`].join('; ');
  const title =
    'results' in report
      ? `Drift suite: ${baseName(report.file)}`
      : `Drift report: ${baseName(report.reference.path)} → ${baseName(report.current.path)}`;
  return `<!DOCTYPE html>
<html lang="en" style="${attr(theme.css)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta name="generator" content="Drift Inspector">
<title>${text(title)}</title>
</head>
<body class="${attr(theme.bodyClass)}" data-offline="true">
<main id="root" aria-live="polite"></main>
<script type="application/json" id="${EMBEDDED_REPORT_ID}">${jsonForScript(report)}</script>
<script nonce="${nonce}">${scriptForInline(webviewScript)}</script>
</body>
</html>
`;
}

/** JSON inside <script>: `<` escaped so no value (a column named "</script>…") can end the element. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A script's text cannot contain "</script"; in JavaScript source "<\/" means the same as "</". */
function scriptForInline(source: string): string {
  return source.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function attr(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

function text(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
