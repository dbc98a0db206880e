/**
 * The webviews' HTML shell (the drift panel's, and the data view's with dist/dataView.js): a strict Content Security
 * Policy, a fresh nonce per render, and the bundled webview script (dist/webview.js) loaded through asWebviewUri. All markup and styles come
 * from the script (styles as a constructed stylesheet), so the shell stays this small.
 * Preview it outside VS Code with `node webview/dev/preview.mjs`.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function renderWebviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, page = { script: 'webview.js', title: 'Drift Report' }): string {
  const nonce = randomBytes(18).toString('base64');
  const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', page.script));
  const csp = [
    `default-src 'none'`,
    `img-src ${webview.cspSource} data:`,
    // 'unsafe-inline' is for the toolkit: its badge/tag template carries a bound style="" attribute, which
    // a stricter style-src blocks (logged as a CSP error on every load). Our CSS, the toolkit's component
    // styles and chart.js's canvas sizing use constructed stylesheets or CSSOM, which need nothing.
    `style-src ${webview.cspSource} 'unsafe-inline'`,
    `script-src 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp};">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <title>${page.title}</title>
</head>
<body>
  <main id="root" aria-live="polite"></main>
  <script nonce="${nonce}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}
