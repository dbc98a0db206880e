// Visual check of the drift panel outside VS Code.
// Builds webview/main.ts with esbuild (just that entry), renders the real HTML shell from
// src/extension/webviewHtml.ts (with `vscode` stubbed) and serves it on 127.0.0.1 under the same CSP,
// with a fake acquireVsCodeApi and VS Code theme variables. Posts webview/dev/sample-report.json, then takes
// screenshots with playwright-core and fails on any console error, page error or CSP violation.
//
// Usage: node webview/dev/preview.mjs [--out DIR] [--report FILE] [--strict-style]
//   --strict-style  drop 'unsafe-inline' from style-src to see what (if anything) needs it.
// Screenshots: /tmp/webview-dark.png, /tmp/webview-light.png (and more in --out, default /tmp/drift-webview-preview).
import * as esbuild from 'esbuild';
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { THEMES } from './themes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const outDir = opt('--out', '/tmp/drift-webview-preview');
const reportPath = opt('--report', join(root, 'webview', 'dev', 'sample-report.json'));
const strictStyle = args.includes('--strict-style');
mkdirSync(outDir, { recursive: true });

// ── 1. bundles ──────────────────────────────────────────────────────────────
const webviewBuild = {
  absWorkingDir: root,
  entryPoints: { webview: 'webview/main.ts' },
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  format: 'iife',
  logLevel: 'warning',
};
await esbuild.build({ ...webviewBuild, outdir: outDir, sourcemap: 'linked' });
// The size the .vsix ships (node esbuild.config.mjs --production).
const minified = await esbuild.build({ ...webviewBuild, write: false, outdir: outDir, minify: true, metafile: true });
const minBytes = minified.outputFiles[0].contents;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(
  `webview.js: ${kb(statSync(join(outDir, 'webview.js')).size)} dev, ${kb(minBytes.length)} minified, ${kb(gzipSync(minBytes).length)} gzipped`,
);
const inputs = minified.metafile.outputs[Object.keys(minified.metafile.outputs).find((k) => k.endsWith('.js'))].inputs;
const byPackage = {};
for (const [file, { bytesInOutput }] of Object.entries(inputs)) {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? '(ours)';
  byPackage[pkg] = (byPackage[pkg] ?? 0) + bytesInOutput;
}
console.log(
  '  by package: ' +
    Object.entries(byPackage)
      .sort((a, b) => b[1] - a[1])
      .map(([p, n]) => `${p} ${kb(n)}`)
      .join(', '),
);

// The HTML shell, with `vscode` replaced by the two members it uses.
const vscodeStub = {
  name: 'vscode-stub',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'vscode-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'vscode-stub' }, () => ({
      loader: 'js',
      contents: `export const Uri = { joinPath: (base, ...parts) => ({ path: [base.path, ...parts].join('/') }) };`,
    }));
  },
};
const shellFile = join(outDir, 'webviewHtml.mjs');
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['src/extension/webviewHtml.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: shellFile,
  plugins: [vscodeStub],
  logLevel: 'warning',
});
const { renderWebviewHtml } = await import(`${pathToFileURL(shellFile).href}?t=${Date.now()}`);

// ── 2. the page: real shell + a host script playing VS Code ──────────────────
function hostScript(theme) {
  // Runs before the bundle: fake API (state in sessionStorage so reloads restore), theme, CSP watch.
  return `
window.__posted = [];
window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
window.acquireVsCodeApi = () => ({
  postMessage: (m) => { window.__posted.push(m); },
  getState: () => JSON.parse(sessionStorage.getItem('state') || 'null') ?? undefined,
  setState: (s) => { sessionStorage.setItem('state', JSON.stringify(s)); return s; },
});
window.__themes = ${JSON.stringify(THEMES)};
window.__applyTheme = (name) => {
  // Same order as VS Code's webview host: body class and data attributes, then the variables on <html>.
  const t = window.__themes[name];
  document.body.classList.remove('vscode-light', 'vscode-dark', 'vscode-high-contrast', 'vscode-high-contrast-light');
  document.body.classList.add(...t.classes);
  document.body.dataset.vscodeThemeKind = t.kind;
  document.body.dataset.vscodeThemeName = t.name;
  const style = document.documentElement.style;
  for (let i = style.length - 1; i >= 0; i--) if (style[i].startsWith('--vscode-')) style.removeProperty(style[i]);
  for (const [k, v] of Object.entries(t.vars)) style.setProperty('--vscode-' + k, v);
};
window.__applyTheme(${JSON.stringify(theme)});
`;
}

let origin = '';
function page(theme) {
  const webview = {
    cspSource: origin,
    asWebviewUri: (uri) => ({ toString: () => `${origin}/${uri.path.split('/').pop()}` }),
  };
  let html = renderWebviewHtml(webview, { path: '/ext' });
  if (strictStyle) html = html.replace(" 'unsafe-inline'", '');
  const nonce = /nonce="([^"]+)"/.exec(html)[1];
  return html.replace('<script nonce=', `<script nonce="${nonce}">${hostScript(theme)}</script>\n  <script nonce=`);
}

const server = createServer((req, res) => {
  const url = new URL(req.url, origin);
  if (url.pathname === '/' || url.pathname === '/index.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(url.searchParams.get('theme') ?? 'dark'));
    return;
  }
  const file = { '/webview.js': 'text/javascript', '/webview.js.map': 'application/json' }[url.pathname];
  if (url.pathname === '/favicon.ico') return void res.writeHead(204).end(); // VS Code webviews ask for none
  if (!file) return void res.writeHead(404).end();
  res.writeHead(200, { 'content-type': file }).end(readFileSync(join(outDir, url.pathname.slice(1))));
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
origin = `http://127.0.0.1:${server.address().port}`;
writeFileSync(join(outDir, 'index.html'), page('dark'));

// ── 3. drive it ─────────────────────────────────────────────────────────────
const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const problems = [];
const shots = [];
try {
  const context = await browser.newContext({ viewport: { width: 1080, height: 900 }, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  const posted = () => tab.evaluate(() => window.__posted);
  const collectViolations = async () => {
    for (const v of await tab.evaluate(() => window.__violations)) problems.push(`CSP violation: ${v}`);
  };
  const shot = async (name, fullPage = true) => {
    const path = name.startsWith('/') ? name : join(outDir, name);
    await tab.screenshot({ path, fullPage });
    shots.push(path);
  };
  const waitRendered = (count) => tab.waitForFunction((n) => window.__posted.filter((m) => m.type === 'rendered').length >= n, count);

  // Empty, then running, then the report (dark).
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  await shot('empty-dark.png', false);
  await tab.evaluate(() =>
    window.postMessage({ type: 'running', referencePath: '/home/ml/credit-risk/data/train-2024q1.parquet', currentPath: '/home/ml/credit-risk/data/prod-2024-06.csv' }, '*'),
  );
  await tab.waitForSelector('.state.running');
  await tab.waitForTimeout(700); // let the ring's arc grow
  await shot('running-dark.png', false);
  await tab.evaluate((r) => window.postMessage({ type: 'report', report: r }, '*'), report);
  await waitRendered(1);
  const rendered = (await posted()).filter((m) => m.type === 'rendered').pop();
  console.log('rendered:', JSON.stringify(rendered));
  const rows = await tab.$$eval('[data-column]', (els) => els.map((e) => `${e.getAttribute('data-column')}=${e.getAttribute('data-drifted')}`));
  console.log('rows:', rows.join(' '));
  check(rendered.columns === report.columns.length, `rendered.columns ${rendered.columns} ≠ ${report.columns.length}`);
  check(rendered.charts === report.columns.filter((c) => c.chart).length, `rendered.charts ${rendered.charts}`);
  check(
    JSON.stringify(rendered.driftedColumns) === JSON.stringify(report.columns.filter((c) => c.drifted === true).map((c) => c.name)),
    'rendered.driftedColumns',
  );
  check(rows.length === report.columns.length, 'one [data-column] row per column');
  await shot('/tmp/webview-dark.png');

  // Hover a bar: tooltip drawn with theme colours.
  const canvas = await tab.$('[data-column="segment"] canvas');
  if (canvas) {
    const box = await canvas.boundingBox();
    await tab.mouse.move(box.x + box.width * 0.62, box.y + box.height * 0.55);
    await tab.waitForTimeout(100);
    await tab.screenshot({ path: join(outDir, 'tooltip-dark.png'), clip: { x: box.x - 40, y: box.y - 20, width: box.width + 80, height: box.height + 120 } });
    shots.push(join(outDir, 'tooltip-dark.png'));
    await tab.mouse.move(0, 0);
  }

  // Theme switch in place (MutationObserver path), as VS Code does it.
  await tab.evaluate(() => window.__applyTheme('light'));
  await tab.waitForTimeout(100);
  await shot('/tmp/webview-light.png');
  await tab.evaluate(() => window.__applyTheme('hc'));
  await tab.waitForTimeout(100);
  await shot('webview-hc.png');

  // Reload: the webview must redraw from its saved state before the extension says anything.
  await collectViolations();
  await tab.goto(`${origin}/?theme=dark`);
  await waitRendered(1);
  check((await tab.$$('[data-column]')).length === report.columns.length, 'restored from getState()');

  // Narrow panel: charts wrap below the numbers.
  await tab.setViewportSize({ width: 640, height: 900 });
  await tab.waitForTimeout(100);
  await shot('webview-narrow-dark.png');

  // Failure.
  await tab.setViewportSize({ width: 1080, height: 900 });
  await tab.evaluate(() => window.postMessage({ type: 'failed', message: 'train-2024q1.parquet: line 7: not a Parquet file (bad magic bytes)' }, '*'));
  await tab.waitForSelector('.state.failed');
  await shot('failed-dark.png', false);

  await collectViolations();
  await context.close();

  // HiDPI (as on most laptops): charts must stay crisp at devicePixelRatio 2.
  const hidpi = await browser.newContext({ viewport: { width: 1080, height: 560 }, deviceScaleFactor: 2 });
  const tab2 = await hidpi.newPage();
  tab2.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await tab2.goto(`${origin}/?theme=light`);
  await tab2.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  await tab2.evaluate((r) => window.postMessage({ type: 'report', report: r }, '*'), report);
  await tab2.waitForFunction(() => window.__posted.some((m) => m.type === 'rendered'));
  await tab2.screenshot({ path: join(outDir, 'webview-light@2x.png') });
  shots.push(join(outDir, 'webview-light@2x.png'));
  await hidpi.close();
} finally {
  await browser.close();
  server.close();
}

function check(ok, what) {
  if (!ok) problems.push(`check failed: ${what}`);
}

console.log(`screenshots:\n  ${shots.join('\n  ')}`);
console.log(`CSP: ${/content="([^"]+)"/.exec(page('dark'))[1]}`);
if (problems.length) {
  console.error(`problems (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('no console errors, page errors or CSP violations');
}
