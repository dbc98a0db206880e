// Visual check of the drift panel outside VS Code.
// Builds webview/main.ts with esbuild (just that entry), renders the real HTML shell from
// src/extension/webviewHtml.ts (with `vscode` stubbed) and serves it on 127.0.0.1 under the same CSP,
// with a fake acquireVsCodeApi and VS Code theme variables. Posts webview/dev/sample-report.json, then takes
// screenshots with playwright-core and fails on any console error, page error or CSP violation.
//
// Also drives the panel like a user and a host would (sort, filters, search, keyboard, the detail view and its
// messages, saved state, a hostile column name), times a generated 1000-column report, and opens the offline
// HTML export page (src/core/suite/exportHtml.ts around the same bundle, no acquireVsCodeApi).
// The suite part draws webview/dev/sample-suite.json (make-sample-suite.mjs): the overview, drilling down and back
// (messages, saved state across reloads), hostile names, and the offline page of a suite.
//
// The model part draws webview/dev/sample-model-report.json (make-sample-model-report.mjs): the model-aware sections
// (roles, label and prediction drift, performance with confusion matrices, segments, multivariate drift) and their
// texts, `rendered.modelSections`, opening columns from them, folding, the detail's role selector (`setRole`), the
// offline page of that report, and screenshots in light and dark at a wide and a narrow width (test-results/model-*.png).
//
// The over-time part draws webview/dev/sample-overtime-report.json (make-sample-overtime-report.mjs): the "Drift over
// time" section (windowing line, heat map cells = columns × windows in max-score order, tooltips and screen-reader
// texts, the line chart following a click or Enter on a heat-map row and an opened detail, the error stream chart, the
// detectors table), `rendered.modelSections` ending in "overTime", the detail's over-time chart, the page never
// scrolling sideways (the heat map scrolls inside its section, its first column sticky), the offline page of that
// report, and screenshots in light, dark and high contrast at 1280 and 500 px (test-results/overtime-*.png).
//
// Usage: node webview/dev/preview.mjs [--out DIR] [--report FILE] [--suite FILE] [--model-report FILE] [--overtime-report FILE] [--strict-style] [--columns N] [--only NAME]
//   --strict-style  drop 'unsafe-inline' from style-src to see what (if anything) needs it.
//   --columns N     columns in the generated large report (default 1000).
//   --only NAME     run one part besides the basic checks: interact, large, offline, suite, model, overtime.
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
const suitePath = opt('--suite', join(root, 'webview', 'dev', 'sample-suite.json'));
const modelReportPath = opt('--model-report', join(root, 'webview', 'dev', 'sample-model-report.json'));
const overTimeReportPath = opt('--overtime-report', join(root, 'webview', 'dev', 'sample-overtime-report.json'));
const resultsDir = join(root, 'test-results');
const strictStyle = args.includes('--strict-style');
const HOSTILE = '<img src=x onerror=alert(1)>';
const largeColumns = Number(opt('--columns', '1000'));
const only = opt('--only', null);
const part = (name) => only === null || only === name;
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

// The offline export page, from the same code the extension and the CLI use (bundled: no need to compile out/).
const exportFile = join(outDir, 'exportHtml.mjs');
await esbuild.build({ absWorkingDir: root, entryPoints: ['src/core/suite/exportHtml.ts'], bundle: true, platform: 'node', format: 'esm', outfile: exportFile, logLevel: 'warning' });
const { offlineHtml } = await import(`${pathToFileURL(exportFile).href}?t=${Date.now()}`);

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
  if (url.pathname === '/offline.html') {
    // As saved by the export: the report embedded, the script inlined, the page's own CSP.
    const html = offlineHtml(JSON.parse(readFileSync(reportPath, 'utf8')), readFileSync(join(outDir, 'webview.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
    writeFileSync(join(outDir, 'offline.html'), html);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
  if (url.pathname === '/offline-model.html') {
    const html = offlineHtml(JSON.parse(readFileSync(modelReportPath, 'utf8')), readFileSync(join(outDir, 'webview.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
    writeFileSync(join(outDir, 'offline-model.html'), html);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
  if (url.pathname === '/offline-overtime.html') {
    const html = offlineHtml(JSON.parse(readFileSync(overTimeReportPath, 'utf8')), readFileSync(join(outDir, 'webview.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
    writeFileSync(join(outDir, 'offline-overtime.html'), html);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
  if (url.pathname === '/offline-suite.html') {
    // As `drift-inspect suite --format html` writes it: the whole suite embedded.
    const html = offlineHtml(JSON.parse(readFileSync(suitePath, 'utf8')), readFileSync(join(outDir, 'webview.js'), 'utf8').replace(/\/\/# sourceMappingURL=.*$/m, ''));
    writeFileSync(join(outDir, 'offline-suite.html'), html);
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return;
  }
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
  // Charts are drawn as their rows come near the viewport: some at first, all once scrolled through.
  const charted = report.columns.filter((c) => c.chart).length;
  check(rendered.charts > 0 && rendered.charts <= charted, `rendered.charts ${rendered.charts} (of ${charted})`);
  check(
    JSON.stringify(rendered.driftedColumns) === JSON.stringify(report.columns.filter((c) => c.drifted === true).map((c) => c.name)),
    'rendered.driftedColumns',
  );
  check(rows.length === report.columns.length, 'one [data-column] row per column');
  check(!('modelSections' in rendered) && (await tab.$('#model')) === null, 'a report without model: no model sections, no rendered.modelSections');
  await shot('/tmp/webview-dark.png');
  await tab.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await tab.waitForTimeout(150);
  const canvases = await tab.$$eval('.table canvas', (els) => els.length);
  check(canvases === charted, `after scrolling through: ${canvases} charts drawn, ${charted} expected`);
  await tab.evaluate(() => window.scrollTo(0, 0));
  await hostileChecks(tab, 'panel');

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

  if (part('interact')) await interact(browser, report);
  if (part('large')) await large(browser, report);
  if (part('offline')) await offlinePage(browser, report);
  if (part('suite')) await suitePart(browser, report, JSON.parse(readFileSync(suitePath, 'utf8')));
  if (part('model')) await modelPart(browser, report, JSON.parse(readFileSync(modelReportPath, 'utf8')));
  if (part('overtime')) await overTimePart(browser, report, JSON.parse(readFileSync(overTimeReportPath, 'utf8')));
  if (part('overtime')) await crowdedOverTime(browser, JSON.parse(readFileSync(overTimeReportPath, 'utf8')));
  if (part('offline') || part('overtime')) await offlineOverTime(browser, JSON.parse(readFileSync(overTimeReportPath, 'utf8')));

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

async function newTab(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  const tab = await context.newPage();
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
  });
  tab.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  return { context, tab };
}

async function violations(tab) {
  for (const v of await tab.evaluate(() => window.__violations ?? [])) problems.push(`CSP violation: ${v}`);
}


/** Report strings are text: no element made from a column name or category value, and the text shows as written. */
async function hostileChecks(tab, where) {
  const result = await tab.evaluate((name) => {
    const rows = [...document.querySelectorAll('[data-column]')].filter((r) => r.getAttribute('data-column') === name);
    return {
      elements: document.querySelectorAll('#root img, #root script, #root b, #root i:not(.swatch)').length,
      shown: rows.some((r) => r.querySelector('.name')?.textContent === name),
      alerted: window.__alerted === true,
    };
  }, HOSTILE);
  if (!(await tab.evaluate((n) => [...document.querySelectorAll('[data-column]')].some((r) => r.getAttribute('data-column') === n), HOSTILE))) return;
  check(result.elements === 0, `${where}: ${result.elements} elements made from report strings`);
  check(result.shown, `${where}: the hostile column name shows literally`);
}

function posts(tab, type) {
  return tab.evaluate((t) => window.__posted.filter((m) => m.type === t), type);
}
async function lastPost(tab, type) {
  return (await posts(tab, type)).pop();
}
function rowNames(tab) {
  return tab.$$eval('.table [data-column]', (els) => els.map((e) => e.getAttribute('data-column')));
}
function post(tab, message) {
  return tab.evaluate((m) => window.postMessage(m, '*'), message);
}
async function nextRendered(tab, action) {
  const before = (await posts(tab, 'rendered')).length;
  await action();
  await tab.waitForFunction((n) => window.__posted.filter((m) => m.type === 'rendered').length > n, before);
  return lastPost(tab, 'rendered');
}

/** Sort, filters, search, keyboard, the detail view and its messages, saved state. */
async function interact(browser, report) {
  const { context, tab } = await newTab(browser);
  const shotHere = async (name) => {
    const path = join(outDir, name);
    await tab.screenshot({ path });
    shots.push(path);
  };
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  check((await lastPost(tab, 'ready')).shown === undefined, 'ready without saved state has no shown');
  await nextRendered(tab, () => post(tab, { type: 'report', report }));
  const all = report.columns.map((c) => c.name);
  check(JSON.stringify(await rowNames(tab)) === JSON.stringify(all), 'report order');

  // Sort by drift score: largest effect size first, columns without one last.
  let r = await nextRendered(tab, () => tab.selectOption('#sort', 'drift'));
  const byEffect = report.columns.filter((c) => c.effectSize != null).sort((a, b) => b.effectSize - a.effectSize).map((c) => c.name);
  check(JSON.stringify((await rowNames(tab)).slice(0, byEffect.length)) === JSON.stringify(byEffect), 'sorted by drift score, descending');
  r = await nextRendered(tab, () => tab.click('#sort-direction'));
  check((await rowNames(tab))[0] === byEffect[byEffect.length - 1], 'drift score ascending');
  r = await nextRendered(tab, () => tab.selectOption('#sort', 'pValue'));
  const byP = report.columns.filter((c) => c.pValue != null).sort((a, b) => a.pValue - b.pValue).map((c) => c.name);
  check((await rowNames(tab))[0] === byP[0], `sorted by p-value: ${byP[0]} first`);
  r = await nextRendered(tab, () => tab.selectOption('#sort', 'name'));

  // Filters: drifted only, a type, a search; the count and the rendered message follow.
  const drifted = report.columns.filter((c) => c.drifted === true);
  r = await nextRendered(tab, () => tab.check('#drifted-only'));
  check(r.columns === drifted.length && (await rowNames(tab)).length === drifted.length, `drifted only: ${r.columns} rows`);
  check((await tab.textContent('#column-count')) === `Showing ${drifted.length} of ${report.columns.length} columns`, 'count text');
  r = await nextRendered(tab, () => tab.click('.chip[data-type="categorical"]'));
  const driftedCategorical = drifted.filter((c) => c.type === 'categorical').length;
  check(r.columns === driftedCategorical, `drifted categorical: ${r.columns}, expected ${driftedCategorical}`);
  await tab.uncheck('#drifted-only');
  r = await nextRendered(tab, () => tab.click('.chip[data-type="categorical"]'));
  check(r.columns === report.columns.length, 'filters off again');
  r = await nextRendered(tab, () => tab.fill('#search', 'INC'));
  check(JSON.stringify(await rowNames(tab)) === '["income"]', `search "INC" → ${await rowNames(tab)}`);
  r = await nextRendered(tab, () => tab.fill('#search', 'nothing-like-this'));
  check(r.columns === 0 && (await tab.$('#clear-filters')) !== null, 'no match: message and Clear filters');
  r = await nextRendered(tab, () => tab.click('#clear-filters'));
  check(r.columns === report.columns.length && (await tab.inputValue('#search')) === '', 'Clear filters');
  r = await nextRendered(tab, () => tab.selectOption('#sort', 'report'));

  // Keyboard: Tab reaches the toolbar; arrows move between rows; Enter opens the detail; Escape closes it.
  await tab.evaluate(() => document.activeElement?.blur());
  let reached = false;
  for (let i = 0; i < 20 && !reached; i++) {
    await tab.keyboard.press('Tab');
    reached = (await tab.evaluate(() => document.activeElement?.id)) === 'sort';
  }
  check(reached, 'Tab reaches the sort control');
  await tab.focus('.table [data-column]');
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('ArrowDown');
  const focused = await tab.evaluate(() => document.activeElement?.getAttribute('data-column'));
  check(focused === all[3], `ArrowDown ×3 focuses ${all[3]} (got ${focused})`);
  const focusVisible = await tab.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  check(focusVisible !== 'none', 'focused row shows an outline');
  await tab.keyboard.press('Enter');
  await tab.waitForSelector('#detail');
  const column = all[3];
  check((await tab.getAttribute('#detail', 'data-column')) === column, 'Enter opens that column');
  check((await lastPost(tab, 'selected'))?.column === column, 'selected posted');
  check((await lastPost(tab, 'columnTests'))?.column === column, 'columnTests requested');
  check((await tab.$('#other-tests[data-state="loading"]')) !== null, 'other tests: loading');
  const c = report.columns.find((x) => x.name === column);
  const tests = [
    { test: c.test, kind: c.testKind, statistic: c.statistic, pValue: c.pValue, threshold: c.threshold, drifted: c.drifted, inUse: true },
    { test: 'jensen_shannon', kind: 'distance', statistic: 0.21, pValue: null, threshold: 0.1, drifted: true, inUse: false },
    { test: 'psi', kind: 'distance', statistic: 0.04, pValue: null, threshold: 0.1, drifted: false, inUse: false },
  ];
  await post(tab, { type: 'columnTests', column, createdAt: 'some other report', tests: [] });
  await tab.waitForTimeout(50);
  check((await tab.$('#other-tests[data-state="loading"]')) !== null, 'a reply for another report is ignored');
  await post(tab, { type: 'columnTests', column, createdAt: report.createdAt, tests });
  await tab.waitForSelector('#other-tests[data-state="ready"]');
  check((await tab.$$('#other-tests tbody tr')).length === 3, 'three tests listed');
  check((await tab.getAttribute('#other-tests tr[data-in-use="true"]', 'data-test')) === c.test, 'the test in use is marked');
  await hostileChecks(tab, 'detail');
  const values = await tab.$$eval('#detail .findings code.value', (els) => els.map((e) => e.textContent));
  check(values.includes('<b>vip</b> & co'), `a category with HTML shows literally: ${JSON.stringify(values)}`);
  check((await tab.$$('#detail .facts.sides tbody tr')).length >= 2, 'per-side table');
  await shotHere('detail-dark.png');
  await tab.$eval('#detail', (el) => (el.scrollTop = el.scrollHeight));
  await (await tab.$('#detail')).screenshot({ path: join(outDir, 'detail-tests-dark.png') });
  shots.push(join(outDir, 'detail-tests-dark.png'));
  await tab.$eval('#detail', (el) => (el.scrollTop = 0));
  await tab.evaluate(() => window.__applyTheme('light'));
  await tab.waitForTimeout(100);
  await shotHere('detail-light.png');
  await tab.evaluate(() => window.__applyTheme('hc'));
  await tab.waitForTimeout(100);
  await shotHere('detail-hc.png');
  await tab.evaluate(() => window.__applyTheme('dark'));

  // Change the test: Apply posts setColumnTest; running and failed states.
  await tab.selectOption('#column-test', 'psi');
  await tab.fill('#column-threshold', '0.2');
  await tab.click('#apply-test');
  const set = await lastPost(tab, 'setColumnTest');
  check(set?.column === column && set.test === 'psi' && set.threshold === 0.2, `setColumnTest posted: ${JSON.stringify(set)}`);
  await post(tab, { type: 'columnRunning', column });
  await tab.waitForFunction(() => document.querySelector('#apply-test')?.disabled === true);
  await post(tab, { type: 'columnFailed', column, message: 'PSI needs numeric values' });
  await tab.waitForSelector('.set-status [role="alert"]');
  check((await tab.textContent('.set-status')).includes('PSI needs numeric values'), 'column failure shown');
  await tab.selectOption('#column-test', '');
  await tab.fill('#column-threshold', '');
  await tab.click('#apply-test');
  const reset = await lastPost(tab, 'setColumnTest');
  check(reset.test === null && reset.threshold === null, 'Default posts test and threshold null');

  // The updated report comes with focus: redrawn, the view state kept, the column's detail open again.
  await tab.check('#drifted-only');
  await tab.selectOption('#sort', 'name');
  const updated = structuredClone(report);
  updated.createdAt = new Date(Date.parse(report.createdAt) + 1000).toISOString();
  const uc = updated.columns.find((x) => x.name === column);
  Object.assign(uc, { test: 'psi', testKind: 'distance', statistic: 0.31, pValue: null, adjustedPValue: null, threshold: 0.2, drifted: true, major: true, choiceSource: 'column' });
  r = await nextRendered(tab, () => post(tab, { type: 'report', report: updated, focus: column }));
  check((await tab.getAttribute('#detail', 'data-column')) === column, 'detail reopened after the update');
  check((await tab.inputValue('#sort')) === 'name', 'sort kept after the update');
  check((await tab.getAttribute(`.table [data-column="${column}"]`, 'data-verdict')) === 'major', 'the updated verdict shows');
  check((await lastPost(tab, 'columnTests')).column === column, 'other tests asked again for the new report');

  // The same report again (e.g. the host re-sends it): nothing redrawn.
  await tab.evaluate(() => (document.querySelector('.table').dataset.marker = 'kept'));
  await post(tab, { type: 'report', report: updated });
  await tab.waitForTimeout(100);
  check((await tab.$('.table[data-marker="kept"]')) !== null, 'the same report again does not redraw');

  // Escape closes the detail and returns focus to the row.
  await tab.focus('#detail-close');
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => !document.querySelector('#detail'));
  check((await lastPost(tab, 'selected'))?.column === null, 'selected null posted on close');
  check((await tab.evaluate(() => document.activeElement?.getAttribute('data-column'))) === column, 'focus back on the row');

  // focusColumn on a column the filters hide: the filters go, the detail opens.
  const hidden = updated.columns.find((x) => x.drifted !== true).name;
  await post(tab, { type: 'focusColumn', column: hidden });
  await tab.waitForSelector('#detail');
  check((await tab.getAttribute('#detail', 'data-column')) === hidden, 'focusColumn opens the detail');
  check(!(await tab.isChecked('#drifted-only')) && (await tab.$(`.table [data-column="${hidden}"]`)) !== null, 'focusColumn clears the filter hiding it');

  // Export…: two formats, with the theme.
  await tab.click('#export');
  await tab.click('#export-html');
  const exp = await lastPost(tab, 'export');
  check(exp?.format === 'html' && exp.themeCss.includes('--vscode-foreground') && exp.bodyClass.includes('vscode-dark'), 'export posted with the theme');
  await tab.click('#swap');
  await tab.click('#rerun');
  check((await posts(tab, 'swap')).length === 1 && (await posts(tab, 'rerun')).length === 1, 'swap and rerun posted');

  // Reload: drawn from saved state with the same view; ready says which report is shown.
  await tab.fill('#search', 'e');
  await tab.waitForTimeout(400);
  await tab.evaluate(() => window.scrollTo(0, 300));
  const scrolled = await tab.evaluate(() => window.scrollY);
  await tab.waitForTimeout(400); // the scroll position is saved after a pause
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  check((await lastPost(tab, 'ready')).shown === updated.createdAt, 'ready.shown = the restored report');
  check((await tab.inputValue('#sort')) === 'name' && (await tab.inputValue('#search')) === 'e', 'sort and search restored');
  check((await tab.getAttribute('#detail', 'data-column')) === hidden, 'open detail restored');
  // Within a few pixels: scroll anchoring moves scrollY a little as the toolkit's badges and the charts settle.
  await tab.waitForTimeout(200);
  const restoredScroll = await tab.evaluate(() => window.scrollY);
  check(scrolled > 0 && Math.abs(restoredScroll - scrolled) < 40, `scroll restored: ${restoredScroll}, was ${scrolled}`);
  // Escape folds the export formats away before it would close the detail.
  await tab.click('#export');
  await tab.keyboard.press('Escape');
  check((await tab.$('#export-formats[hidden]')) !== null && (await tab.$('#detail')) !== null, 'Escape closes the export formats only');
  await violations(tab);

  // Narrow: the detail covers the table; Escape brings the table back.
  await tab.setViewportSize({ width: 640, height: 900 });
  await tab.waitForTimeout(100);
  await shotHere('detail-narrow-dark.png');
  await context.close();
}

/** A generated report with many columns: time to the first rows and charts, DOM kept small, scrolling and sorting. */
async function large(browser, report) {
  const base = report.columns;
  const big = { ...report, columns: [] };
  for (let i = 0; i < largeColumns; i++) {
    const c = base[i % base.length];
    big.columns.push({ ...c, name: `${c.name}_${String(i).padStart(4, '0')}`, effectSize: c.effectSize == null ? null : c.effectSize * (1 + (i % 97) / 97) });
  }
  big.driftedColumns = big.columns.filter((c) => c.drifted === true).length;
  const { context, tab } = await newTab(browser);
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  const timing = await tab.evaluate(
    (r) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        let painted = 0;
        window.postMessage({ type: 'report', report: r }, '*');
        // The first frame after the message: the summary and the first rows are on screen.
        requestAnimationFrame(() => setTimeout(() => (painted = performance.now() - t0), 0));
        const wait = () => {
          const m = window.__posted.find((x) => x.type === 'rendered');
          if (m) resolve({ painted, rendered: performance.now() - t0, message: m, rows: document.querySelectorAll('.table [data-column]').length });
          else setTimeout(wait, 5);
        };
        wait();
      }),
    big,
  );
  console.log(
    `${largeColumns} columns: first paint ${timing.painted.toFixed(0)} ms, 'rendered' after ${timing.rendered.toFixed(0)} ms ` +
      `(columns ${timing.message.columns}, charts ${timing.message.charts}), ${timing.rows} rows in the DOM`,
  );
  check(timing.message.columns === largeColumns, `large: rendered.columns ${timing.message.columns}`);
  check(timing.rows < largeColumns || largeColumns <= 40, `large: rows created lazily (${timing.rows} in the DOM)`);
  check(timing.painted < 1500, `large: first paint took ${timing.painted.toFixed(0)} ms`);
  // End on a row: every row created, the last one focused and in view.
  await tab.focus('.table [data-column]');
  const t1 = Date.now();
  await tab.keyboard.press('End');
  const last = await tab.evaluate(() => document.activeElement?.getAttribute('data-column'));
  check(last === big.columns[largeColumns - 1].name, `End focuses the last row (${last})`);
  await tab.waitForTimeout(100);
  const charts = await tab.$$eval('.table canvas', (els) => els.length);
  console.log(`  End: ${Date.now() - t1} ms, ${await tab.$$eval('.table [data-column]', (e) => e.length)} rows, ${charts} charts drawn`);
  const t2 = Date.now();
  const r = await nextRendered(tab, () => tab.selectOption('#sort', 'drift'));
  console.log(`  sort by drift score: ${Date.now() - t2} ms to 'rendered' (charts ${r.charts})`);
  const t3 = Date.now();
  await nextRendered(tab, () => tab.fill('#search', '_09'));
  console.log(`  search: ${Date.now() - t3} ms (incl. 120 ms typing pause), ${(await rowNames(tab)).length} rows`);
  await tab.screenshot({ path: join(outDir, 'large-dark.png') });
  shots.push(join(outDir, 'large-dark.png'));
  await violations(tab);
  await context.close();
}

/** The exported page: same script, no VS Code; the report comes from the page, no actions. */
async function offlinePage(browser, report) {
  const { context, tab } = await newTab(browser);
  const cspErrors = [];
  tab.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
  await tab.goto(`${origin}/offline.html`);
  await tab.waitForSelector('.table [data-column]');
  check((await tab.$$('.table [data-column]')).length === report.columns.length, 'offline: every column');
  check((await tab.$('#swap')) === null && (await tab.$('#export')) === null, 'offline: no actions');
  await hostileChecks(tab, 'offline');
  await tab.click('.table [data-column="segment"]');
  await tab.waitForSelector('#detail');
  check((await tab.$('#other-tests')) === null, 'offline: no other tests (nothing to run them)');
  const path = join(outDir, 'offline-dark.png');
  await tab.screenshot({ path });
  shots.push(path);
  for (const e of cspErrors) problems.push(`offline CSP: ${e}`);
  await context.close();
}

/** The suite overview: rows, keyboard, drilling down and back (messages, saved state), hostile names, offline. */
async function suitePart(browser, report, suite) {
  const { context, tab } = await newTab(browser, { width: 1180, height: 900 });
  const shotHere = async (name, fullPage = true) => {
    const path = join(outDir, name);
    await tab.screenshot({ path, fullPage });
    shots.push(path);
  };
  const ids = suite.results.map((r) => r.id);
  const rowIds = () => tab.$$eval('.suite-row[data-id]', (els) => els.map((e) => e.getAttribute('data-id')));
  const focusedId = () => tab.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
  const state = () => tab.evaluate(() => JSON.parse(sessionStorage.getItem('state') || 'null'));
  const drillable = suite.results.filter((r) => r.report);
  const failed = suite.results.find((r) => !r.report);
  const hostile = suite.results.find((r) => r.name.includes(HOSTILE));
  check(drillable.length >= 2 && failed && hostile, 'sample suite: results with and without a report, and a hostile name');

  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  await post(tab, { type: 'suite', suite });
  await tab.waitForSelector('#suite-overview');
  await suiteOverviewChecks(tab, suite, 'suite');
  check((await state())?.suite?.createdAt === suite.createdAt && !(await state())?.report, 'overview saved as {suite}');
  await shotHere('suite-dark.png');
  await tab.evaluate(() => window.__applyTheme('light'));
  await tab.waitForTimeout(100);
  await shotHere('suite-light.png');
  await tab.evaluate(() => window.__applyTheme('hc'));
  await tab.waitForTimeout(100);
  await shotHere('suite-hc.png');
  await tab.evaluate(() => window.__applyTheme('dark'));

  // Keyboard: arrows between rows, Home/End; Enter on the comparison that could not run does nothing.
  await tab.focus('.suite-row[data-index="0"]');
  await tab.keyboard.press('ArrowDown');
  await tab.keyboard.press('ArrowDown');
  check((await focusedId()) === ids[2], `ArrowDown ×2 focuses the third row (${await focusedId()})`);
  await tab.keyboard.press('End');
  check((await focusedId()) === ids[ids.length - 1], 'End focuses the last row');
  await tab.keyboard.press('Home');
  check((await focusedId()) === ids[0], 'Home focuses the first row');
  check((await tab.$$('.suite-row[tabindex="0"]')).length === 1, 'one row in the tab order');
  await tab.evaluate((id) => [...document.querySelectorAll('.suite-row[data-id]')].find((r) => r.dataset.id === id).focus(), failed.id);
  await tab.keyboard.press('Enter');
  await tab.waitForTimeout(50);
  check((await posts(tab, 'openComparison')).length === 0 && (await tab.$('#suite-overview')) !== null, 'Enter on a comparison without a report stays');

  // Enter drills down: openComparison posted, the report drawn with the way back.
  const target = drillable[1];
  await tab.evaluate((id) => [...document.querySelectorAll('.suite-row[data-id]')].find((r) => r.dataset.id === id).focus(), target.id);
  const r = await nextRendered(tab, () => tab.keyboard.press('Enter'));
  check((await lastPost(tab, 'openComparison'))?.id === target.id, 'Enter posts openComparison with the row id');
  check(r.columns === target.report.columns.length, `drilled-down report drawn (${r.columns} rows)`);
  check((await tab.$('#back-to-suite')) !== null, 'back button shown');
  check((await tab.textContent('#suite-crumb')) === target.name, 'the comparison named beside the back button');
  check((await tab.evaluate(() => document.activeElement?.id)) === 'back-to-suite', 'focus on the back button');
  check((await state())?.suite?.createdAt === suite.createdAt && (await state())?.report?.createdAt === target.report.createdAt, 'drilled down saved as {suite, report}');
  await shotHere('suite-drilled-dark.png', false);
  // The extension answers with the same report: not drawn again, the way back stays.
  await tab.evaluate(() => (document.querySelector('.table').dataset.marker = 'kept'));
  await post(tab, { type: 'report', report: target.report });
  await tab.waitForTimeout(100);
  check((await tab.$('.table[data-marker="kept"]')) !== null, 'the same report from the extension does not redraw');
  // A re-run of it (a new report of the same files) keeps the way back.
  const rerun = { ...structuredClone(target.report), createdAt: new Date(Date.parse(target.report.createdAt) + 5000).toISOString() };
  await nextRendered(tab, () => post(tab, { type: 'report', report: rerun }));
  check((await tab.$('#back-to-suite')) !== null, 'a re-run of the drilled-down comparison keeps the back button');

  // Reload: the drilled-down report comes back with its way back.
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  check((await lastPost(tab, 'ready'))?.shown === rerun.createdAt, 'ready.shown = the restored report');
  check((await tab.$('#back-to-suite')) !== null && (await tab.$('.table [data-column]')) !== null, 'reload restores the drilled-down report and the back button');

  // Back: the overview at once, backToSuite posted, the row drilled into focused.
  await tab.click('#back-to-suite');
  await tab.waitForSelector('#suite-overview');
  check((await posts(tab, 'backToSuite')).length === 1, 'back posts backToSuite');
  check((await focusedId()) === target.id, `back focuses the row drilled into (${await focusedId()})`);
  check((await state())?.suite && !(await state())?.report, 'back saved as {suite}');
  await tab.evaluate(() => (document.querySelector('#suite-overview').dataset.marker = 'kept'));
  await post(tab, { type: 'suite', suite });
  await tab.waitForTimeout(100);
  check((await tab.$('#suite-overview[data-marker="kept"]')) !== null, 'the same suite re-posted does not redraw');

  // A click drills down too; a click on the row that could not run does not.
  await tab.evaluate((id) => [...document.querySelectorAll('.suite-row[data-id]')].find((r) => r.dataset.id === id).click(), failed.id);
  await tab.waitForTimeout(50);
  check((await posts(tab, 'openComparison')).length === 0, 'a click on a comparison without a report posts nothing');
  await nextRendered(tab, () =>
    tab.evaluate((id) => [...document.querySelectorAll('.suite-row[data-id]')].find((r) => r.dataset.id === id).querySelector('.cmp-name').click(), hostile.id),
  );
  check((await lastPost(tab, 'openComparison'))?.id === hostile.id, 'a click posts openComparison');
  check((await tab.textContent('#suite-crumb')) === hostile.name, 'hostile comparison name literal beside the back button');
  await hostileChecks(tab, 'suite drilled');
  await tab.click('#back-to-suite');
  await tab.waitForSelector('#suite-overview');

  // Reload on the overview: restored, ready.shown = the suite.
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  check((await tab.$('#suite-overview')) !== null, 'reload restores the overview');
  check((await lastPost(tab, 'ready'))?.shown === suite.createdAt, 'ready.shown = the restored suite');

  // A report of other files (not the suite's): no way back, the suite left out of the saved state.
  const other = structuredClone(report);
  other.reference.path = '/home/ml/other/reference.csv';
  other.current.path = '/home/ml/other/current.csv';
  await nextRendered(tab, () => post(tab, { type: 'report', report: other }));
  check((await tab.$('#back-to-suite')) === null, 'an unrelated report has no back button');
  check(!(await state())?.suite, 'an unrelated report drops the suite from the saved state');

  // Narrow panel.
  await post(tab, { type: 'suite', suite });
  await tab.waitForSelector('#suite-overview');
  await tab.setViewportSize({ width: 640, height: 900 });
  await tab.waitForTimeout(100);
  await shotHere('suite-narrow-dark.png');
  await violations(tab);
  await context.close();

  // The offline page of a suite: overview, drill down and back locally, no actions.
  const off = await newTab(browser, { width: 1180, height: 900 });
  const cspErrors = [];
  off.tab.on('console', (m) => /Content Security Policy/i.test(m.text()) && cspErrors.push(m.text()));
  await off.tab.goto(`${origin}/offline-suite.html`);
  await off.tab.waitForSelector('#suite-overview');
  await suiteOverviewChecks(off.tab, suite, 'offline suite');
  await off.tab.screenshot({ path: join(outDir, 'suite-offline-dark.png'), fullPage: true });
  shots.push(join(outDir, 'suite-offline-dark.png'));
  await off.tab.evaluate((id) => [...document.querySelectorAll('.suite-row[data-id]')].find((r) => r.dataset.id === id).click(), target.id);
  await off.tab.waitForSelector('.table [data-column]');
  check((await off.tab.$$('.table [data-column]')).length === target.report.columns.length, 'offline: drilled-down report drawn');
  check((await off.tab.$('#back-to-suite')) !== null && (await off.tab.$('#swap')) === null, 'offline: back button, no actions');
  await off.tab.click('#back-to-suite');
  await off.tab.waitForSelector('#suite-overview');
  check((await off.tab.evaluate(() => document.activeElement?.getAttribute('data-id'))) === target.id, 'offline: back focuses the row');
  await off.tab.keyboard.press('ArrowDown');
  await off.tab.keyboard.press('Enter');
  await off.tab.waitForSelector('#back-to-suite');
  check((await off.tab.$('.table [data-column]')) !== null, 'offline: Enter drills down');
  for (const e of cspErrors) problems.push(`offline suite CSP: ${e}`);
  await off.context.close();
}

/** The model-aware sections of a report with `model`: texts, rendered.modelSections, opening columns, folding, roles, offline, screenshots. */
async function modelPart(browser, base, report) {
  mkdirSync(resultsDir, { recursive: true });
  const m = report.model;
  const expected = ['roles', 'label', 'prediction', 'performance', 'segments', 'multivariate'];
  const text = (tab, selector) => tab.$eval(selector, (e) => e.textContent.replace(/\s+/g, ' ').trim()).catch(() => '');
  const has = (haystack, needles, what) => {
    for (const n of needles) check(haystack.includes(n), `${what}: "${n}" in "${haystack.slice(0, 300)}"`);
  };
  const { context, tab } = await newTab(browser, { width: 1280, height: 900 });
  const shotHere = async (name, fullPage = true) => {
    const path = join(resultsDir, name);
    await tab.screenshot({ path, fullPage });
    shots.push(path);
  };
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  let r = await nextRendered(tab, () => post(tab, { type: 'report', report }));
  check(JSON.stringify(r.modelSections) === JSON.stringify(expected), `rendered.modelSections ${JSON.stringify(r.modelSections)}`);
  check(r.columns === report.columns.length, 'model report: every column row');
  const drawn = await tab.$$eval('#model [data-section]', (els) => els.map((e) => e.getAttribute('data-section')));
  check(JSON.stringify(drawn) === JSON.stringify(expected), `sections in order: ${JSON.stringify(drawn)}`);
  // The sections come before the column table.
  check(await tab.evaluate(() => !!(document.querySelector('#model').compareDocumentPosition(document.querySelector('.columns')) & Node.DOCUMENT_POSITION_FOLLOWING)), 'model sections ahead of the column table');

  // Roles line: every role with its column and where it came from; the task; the notes.
  has(await text(tab, '#model-roles'), ['Target default (set)', 'Prediction predicted_default (inferred from its name)', 'Score score (inferred from its name)', 'Segment channel (set)', 'Timestamp signup_date (inferred from its name)', 'Id application_id (inferred from its name)', 'Task classification (positive class "true")'], 'roles line');
  has(await text(tab, '#model-notes'), [m.notes[0]], 'model notes');

  // Label and prediction drift: the column, test, values, threshold, verdict.
  has(await text(tab, '#model-label > summary'), ['Label drift', 'default', 'Drift'], 'label summary');
  has(await text(tab, '#model-label .model-body'), ['Z-test p-value', 'p-value2.340e-5 (adj. 3.276e-5)', 'Threshold< 0.05', 'Adjusted p-value 3.276e-5 < 0.05: drift.'], 'label body');
  has(await text(tab, '#model-prediction > summary'), ['Prediction drift', 'predicted_default', 'Drift'], 'prediction summary');
  has(await text(tab, '#model-prediction .model-body'), ['Z-test p-value', 'p-value1.080e-5'], 'prediction body');

  // Performance: headline, rows per side, one row per metric, confusion matrices, notes.
  const perf = m.performance;
  check((await text(tab, '#model-performance > summary .performance-headline')) === 'Performance degraded', 'performance headline');
  has(await text(tab, '#performance-rows'), ['Target default', 'prediction predicted_default', 'score score', `${perf.referenceRows.toLocaleString('en-US')} reference, ${perf.currentRows.toLocaleString('en-US')} current`], 'performance rows');
  const metricRows = await tab.$$eval('#model-performance table.performance tbody tr', (els) =>
    els.map((e) => ({ metric: e.dataset.metric, cells: [...e.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim()) })),
  );
  check(JSON.stringify(metricRows.map((x) => x.metric)) === JSON.stringify(perf.metrics.map((x) => x.metric)), `one row per metric: ${metricRows.map((x) => x.metric)}`);
  const acc = metricRows.find((x) => x.metric === 'accuracy')?.cells ?? [];
  check(acc[0] === 'Accuracy ↑' && acc[1] === '0.916' && acc[2] === '0.7956' && acc[3] === '−0.1204', `accuracy row: ${JSON.stringify(acc)}`);
  check(acc[4] === '[−0.1504, −0.09044]', `accuracy interval: ${acc[4]}`);
  check(acc[5] === '13.1% worse (allowed 10%)' && acc[6] === 'Degraded', `accuracy change and verdict: ${acc[5]} / ${acc[6]}`);
  check((metricRows.find((x) => x.metric === 'f1_macro')?.cells ?? [])[6] === 'Degraded', 'F1 degraded');
  check((metricRows.find((x) => x.metric === 'roc_auc')?.cells ?? [])[6] === 'OK', 'ROC AUC ok');
  const logLoss = metricRows.find((x) => x.metric === 'log_loss')?.cells ?? [];
  check(logLoss[2] === '—' && logLoss[6] === 'n/a', `log loss n/a: ${JSON.stringify(logLoss)}`);
  check((await text(tab, '#metric-messages [data-metric="log_loss"]')) === `Log loss: ${perf.metrics.find((x) => x.metric === 'log_loss').message}`, 'log loss: why it has no verdict, under the table');
  has(await text(tab, '#performance-notes'), [perf.notes[0]], 'performance notes');
  has(await text(tab, '#model-performance'), ['95% bootstrap intervals of the difference (200 replicates, seed 7).'], 'bootstrap');
  const matrices = await tab.$$eval('#model-confusion table.confusion', (tables) =>
    tables.map((t) => ({
      side: t.dataset.side,
      cols: [...t.querySelectorAll('thead th.label')].map((e) => e.textContent),
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => ({ label: tr.querySelector('th').textContent, cells: [...tr.querySelectorAll('td')].map((td) => [td.textContent, td.dataset.level]) })),
    })),
  );
  check(matrices.length === 2 && matrices[0].side === 'reference' && matrices[1].side === 'current', 'two confusion matrices, reference and current');
  for (const [i, side] of [perf.confusion.reference, perf.confusion.current].entries()) {
    const t = matrices[i];
    check(JSON.stringify(t?.cols) === JSON.stringify(side.labels) && JSON.stringify(t?.rows.map((x) => x.label)) === JSON.stringify(side.labels), `confusion ${i}: labels as rows and columns`);
    const counts = t?.rows.map((x) => x.cells.map((c) => Number(c[0].replace(/,/g, ''))));
    check(JSON.stringify(counts) === JSON.stringify(side.counts), `confusion ${i}: counts ${JSON.stringify(counts)}`);
    check(t?.rows.every((x) => x.cells.every((c) => /^[0-5]$/.test(c[1]))), `confusion ${i}: every cell shaded by level`);
  }
  check(matrices[0].rows[0].cells[0][1] === '5' && matrices[0].rows[0].cells[1][1] === '1', `shading follows the row share: ${JSON.stringify(matrices[0].rows[0].cells)}`);
  const shades = await tab.$$eval('#model-confusion td', (tds) => new Set(tds.map((td) => getComputedStyle(td).backgroundColor)).size);
  check(shades >= 3, `confusion cells have ${shades} distinct backgrounds`);

  // Segments: one row per segment, largest first; the omitted ones counted.
  const segs = m.segments.segments;
  const segRows = await tab.$$eval('#model-segments table.segments tbody tr', (els) => els.map((e) => [...e.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
  check(segRows.length === segs.length, `one row per segment (${segRows.length})`);
  check(JSON.stringify(await tab.$$eval('#model-segments tbody tr', (els) => els.map((e) => e.dataset.segment))) === JSON.stringify(segs.map((s) => s.value)), 'segments in report order');
  const web = segRows[0] ?? [];
  check(web[1] === '510 / 433' && web[2] === 'Drift' && web[3] === '54.5%', `web segment: ${JSON.stringify(web)}`);
  check(web[4] === 'age, credit_score, income +3 more' && web[5] === 'Drift' && web[6] === 'Drift', `web drifted columns and label/prediction: ${JSON.stringify(web)}`);
  check(web[7] === '0.9216 → 0.7806 (−0.141)' && web[8] === 'Degraded', `web key metric: ${web[7]} ${web[8]}`);
  check((segRows[1] ?? [])[4] === `age, credit_score, ${HOSTILE}`, `a hostile name in a segment's drifted columns shows literally: ${(segRows[1] ?? [])[4]}`);
  check((segRows[3] ?? [])[0].includes('Too few rows to judge') && (segRows[3] ?? [])[2] === 'Not judged' && (segRows[3] ?? [])[7] === '—', `partner segment without a verdict: ${JSON.stringify(segRows[3])}`);
  check((await text(tab, '#segments-omitted')) === '2 smaller segments not analysed.', 'omitted segments noted');
  check((await tab.$$eval('#model-segments thead th', (e) => e.map((x) => x.textContent))).includes('Accuracy'), 'key metric named in the header');
  has(await text(tab, '#model-segments > summary'), ['Segments', 'channel', '1 of 4 segments drifted'], 'segments summary');

  // Multivariate: domain classifier with top features and bars, MMD, notes.
  const mv = m.multivariate;
  has(await text(tab, '#model-multivariate > summary'), ['Multivariate drift', 'Joint drift'], 'multivariate summary');
  has(await text(tab, '#domain-classifier'), ['Domain classifier', 'Drift', 'ROC AUC0.7134', 'p-value1.900e-11', 'Threshold≥ 0.55', 'Folds5'], 'domain classifier');
  const features = await tab.$$eval('#domain-classifier .importance li', (els) =>
    els.map((li) => ({ name: li.querySelector('.feature').textContent, share: li.querySelector('.share').textContent, width: li.querySelector('.bar-fill').getBoundingClientRect().width, track: li.querySelector('.bar').getBoundingClientRect().width })),
  );
  check(JSON.stringify(features.map((f) => f.name)) === JSON.stringify(mv.domainClassifier.topFeatures.map((f) => f.name)), `top features in order, names literal: ${features.map((f) => f.name)}`);
  check(features[0]?.share === '38.2%' && features[0].track > 0 && Math.abs(features[0].width - features[0].track) < 1, `largest feature's bar fills its track: ${JSON.stringify(features[0])}`);
  const ratio = features[1] ? features[1].width / features[0].width : 0;
  check(Math.abs(ratio - mv.domainClassifier.topFeatures[1].importance / mv.domainClassifier.topFeatures[0].importance) < 0.02, `bars proportional to importance (${ratio.toFixed(3)})`);
  has(await text(tab, '#mmd'), ['Maximum mean discrepancy', 'Drift', 'MMD²0.04127', 'p-value0.004975', 'Threshold< 0.05', 'Permutations200'], 'MMD');
  has(await text(tab, '#multivariate-notes'), mv.notes, 'multivariate notes');
  const elements = await tab.evaluate(() => document.querySelectorAll('#model img, #model script, #model b').length);
  check(elements === 0, `model sections: ${elements} elements made from report strings`);
  await shotHere('model-dark-1280.png');

  const chips = await tab.$$eval('.table [data-column] .role-chip', (els) => els.map((e) => `${e.closest('[data-column]').dataset.column}=${e.textContent}`));
  check(JSON.stringify(chips) === JSON.stringify(report.columns.filter((c) => c.role).map((c) => `${c.name}=${c.role}`)), `role chips in the table: ${chips}`);
  await tab.evaluate(() => document.querySelector('.table [data-column="default"]').scrollIntoView({ block: 'center' }));
  await tab.waitForTimeout(150);
  await shotHere('model-dark-1280-table.png', false);
  await tab.evaluate(() => window.scrollTo(0, 0));

  // A click on the label drift card opens the target's detail, as a row does; its role shows as target.
  await tab.click('#model-label .why');
  await tab.waitForSelector('#detail[data-column="default"]');
  check((await lastPost(tab, 'selected'))?.column === 'default', 'label drift click: selected default');
  check((await tab.inputValue('#column-role')) === 'target', 'the target\'s role shows as target');
  await tab.screenshot({ path: join(resultsDir, 'model-dark-1280-detail.png') });
  shots.push(join(resultsDir, 'model-dark-1280-detail.png'));
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => !document.querySelector('#detail'));
  // Keyboard: the prediction's name is a button; Enter opens its detail.
  await tab.focus('#model-prediction [data-open-column="predicted_default"]');
  await tab.keyboard.press('Enter');
  await tab.waitForSelector('#detail[data-column="predicted_default"]');
  check((await tab.inputValue('#column-role')) === 'prediction', 'the prediction\'s role shows as prediction');
  // A top feature and a segment's drifted column open theirs too.
  await tab.click(`#domain-classifier [data-open-column="credit_score"]`);
  await tab.waitForSelector('#detail[data-column="credit_score"]');
  await tab.click(`#model-segments tr[data-segment="branch"] [data-open-column="age"]`);
  await tab.waitForSelector('#detail[data-column="age"]');

  // The role selector: none for an ordinary column; a change posts setRole (None: null).
  check((await tab.inputValue('#column-role')) === '', 'age has no role');
  const options = await tab.$$eval('#column-role option', (els) => els.map((e) => e.value));
  check(JSON.stringify(options) === JSON.stringify(['', 'target', 'prediction', 'score', 'segment', 'timestamp', 'id']), `role choices: ${options}`);
  await tab.selectOption('#column-role', 'segment');
  let set = await lastPost(tab, 'setRole');
  check(set?.column === 'age' && set.role === 'segment', `setRole posted: ${JSON.stringify(set)}`);
  check((await text(tab, '#role-status')).includes('Comparing again'), 'role change: status says it compares again');
  await tab.click('#model-roles [data-open-column="channel"]');
  await tab.waitForSelector('#detail[data-column="channel"]');
  check((await tab.inputValue('#column-role')) === 'segment', 'the segment column\'s role shows as segment');
  await tab.selectOption('#column-role', '');
  set = await lastPost(tab, 'setRole');
  check(set?.column === 'channel' && set.role === null, `setRole none posts null: ${JSON.stringify(set)}`);
  await tab.keyboard.press('Escape');
  await tab.waitForFunction(() => !document.querySelector('#detail'));

  // Folding: a click or Enter/Space on a section's summary; folded sections stay folded when a new report comes.
  await tab.click('#model-performance > summary');
  check(!(await tab.$eval('#model-performance', (e) => e.open)), 'a click folds the performance section');
  await tab.focus('#model-performance > summary');
  await tab.keyboard.press('Enter');
  check(await tab.$eval('#model-performance', (e) => e.open), 'Enter unfolds it');
  await tab.focus('#model-segments > summary');
  await tab.keyboard.press('Space');
  check(!(await tab.$eval('#model-segments', (e) => e.open)), 'Space folds the segments');
  const again = { ...structuredClone(report), createdAt: new Date(Date.parse(report.createdAt) + 1000).toISOString() };
  await nextRendered(tab, () => post(tab, { type: 'report', report: again }));
  check(!(await tab.$eval('#model-segments', (e) => e.open)) && (await tab.$eval('#model-performance', (e) => e.open)), 'folded sections stay folded in the next report');
  await tab.click('#model-segments > summary');

  // Sections are absent when their data is.
  const partial = { ...structuredClone(report), createdAt: new Date(Date.parse(report.createdAt) + 2000).toISOString() };
  Object.assign(partial.model, { predictionDrift: null, segments: null, multivariate: null });
  delete partial.model.performance.confusion;
  r = await nextRendered(tab, () => post(tab, { type: 'report', report: partial }));
  check(JSON.stringify(r.modelSections) === JSON.stringify(['roles', 'label', 'performance']), `partial model: ${JSON.stringify(r.modelSections)}`);
  check((await tab.$('#model-prediction, #model-segments, #model-multivariate, #model-confusion')) === null, 'partial model: absent sections not drawn');
  // And a report without model has none.
  r = await nextRendered(tab, () => post(tab, { type: 'report', report: base }));
  check(!('modelSections' in r) && (await tab.$('#model')) === null, 'back to a report without model: no sections');
  await violations(tab);
  await context.close();

  // Light and dark, wide and narrow (the detail covers the panel in narrow ones).
  for (const theme of ['light', 'dark', 'hc']) {
    for (const width of theme === 'hc' ? [1280] : [1280, 500]) {
      if (theme === 'dark' && width === 1280) continue; // taken above
      const t = await newTab(browser, { width, height: 900 });
      await t.tab.goto(`${origin}/?theme=${theme}`);
      await t.tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
      await nextRendered(t.tab, () => post(t.tab, { type: 'report', report }));
      const overflow = await t.tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `${theme} ${width}px: the page does not scroll sideways (${overflow}px)`);
      const path = join(resultsDir, `model-${theme}-${width}.png`);
      await t.tab.screenshot({ path, fullPage: true });
      shots.push(path);
      await violations(t.tab);
      await t.context.close();
    }
  }

  // The offline page of a model report: the same sections, the role as text, columns opening locally.
  const off = await newTab(browser, { width: 1280, height: 900 });
  const cspErrors = [];
  off.tab.on('console', (msg) => /Content Security Policy/i.test(msg.text()) && cspErrors.push(msg.text()));
  await off.tab.goto(`${origin}/offline-model.html`);
  await off.tab.waitForSelector('#model');
  const offSections = await off.tab.$$eval('#model [data-section]', (els) => els.map((e) => e.getAttribute('data-section')));
  check(JSON.stringify(offSections) === JSON.stringify(expected), `offline: model sections ${JSON.stringify(offSections)}`);
  check((await text(off.tab, '#model-performance > summary .performance-headline')) === 'Performance degraded', 'offline: performance headline');
  await off.tab.click('#model-label .why');
  await off.tab.waitForSelector('#detail[data-column="default"]');
  check((await off.tab.$('#column-role')) === null, 'offline: no role selector (nothing to compare again)');
  has(await text(off.tab, '#detail .detail-facts'), ['RoleTarget'], 'offline: the role as text');
  const offShot = join(resultsDir, 'model-offline-dark.png');
  await off.tab.screenshot({ path: offShot, fullPage: true });
  shots.push(offShot);
  for (const e of cspErrors) problems.push(`offline model CSP: ${e}`);
  await off.context.close();
}

/** The "Drift over time" section of a report with `overTime`: texts, heat map, chart selection, detectors, detail, widths, themes. */
async function overTimePart(browser, base, report) {
  mkdirSync(resultsDir, { recursive: true });
  const ot = report.overTime;
  const text = (tab, selector) => tab.$eval(selector, (e) => e.textContent.replace(/\s+/g, ' ').trim()).catch(() => '');
  const maxOf = (c) => c.scores.reduce((m, s) => (s !== null && (m === null || s > m) ? s : m), null);
  const order = ot.columns
    .map((c, i) => ({ c, i, max: maxOf(c), d: c.drifted.filter((x) => x === true).length }))
    .sort((a, b) => (a.max === null || b.max === null ? (a.max === b.max ? a.i - b.i : a.max === null ? 1 : -1) : b.max - a.max || b.d - a.d || a.i - b.i))
    .slice(0, 30)
    .map((x) => x.c.name);
  const chartColumn = (tab) => tab.getAttribute('#over-time-chart', 'data-column');
  const chartLabel = (tab) => tab.getAttribute('#over-time-chart canvas', 'aria-label');

  const { context, tab } = await newTab(browser, { width: 1280, height: 900 });
  await tab.goto(`${origin}/?theme=dark`);
  await tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
  let r = await nextRendered(tab, () => post(tab, { type: 'report', report }));
  const expected = ['roles', 'label', 'prediction', 'performance', 'segments', 'multivariate', 'overTime'];
  check(JSON.stringify(r.modelSections) === JSON.stringify(expected), `over time: rendered.modelSections ${JSON.stringify(r.modelSections)}`);
  check((await tab.$$('[data-section="overTime"]')).length === 1, 'over time: one [data-section="overTime"]');
  const placed = await tab.evaluate(() => {
    const s = document.querySelector('[data-section="overTime"]');
    const after = (a, b) => !!(a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
    return after(document.querySelector('#model'), s) && after(s, document.querySelector('.columns'));
  });
  check(placed, 'over time: after the model sections, before the column table');
  check((await text(tab, '#over-time > summary h3')) === 'Drift over time', 'over time: heading');
  const windowing = await text(tab, '#over-time-windowing');
  check(windowing.startsWith('By week of signup_date, 26 windows') && windowing.includes('2024-01-01 to 2024-06-30, 888 rows'), `over time: windowing line "${windowing}"`);
  const notes = await text(tab, '#over-time-notes');
  check(ot.notes.every((n) => notes.includes(n)), 'over time: notes');
  check((await text(tab, '#over-time-summary')) === '3 of 8 columns drifted in some window', `over time: summary "${await text(tab, '#over-time-summary')}"`);

  // Heat map: a table, columns × windows, rows by max score, every cell shaded, drifted ones marked, values as text.
  const cells = await tab.$$eval('#over-time-heatmap tbody td.hm-cell', (els) => els.length);
  check(cells === ot.columns.length * ot.windows.length, `over time: ${cells} heat map cells, expected ${ot.columns.length} × ${ot.windows.length}`);
  const headers = await tab.$$eval('#over-time-heatmap thead th.hm-window[scope="col"]', (els) => els.map((e) => e.textContent));
  check(JSON.stringify(headers) === JSON.stringify(ot.windows.map((w) => w.label)), 'over time: window labels as column headers');
  const rowNames = await tab.$$eval('#over-time-heatmap tbody th[scope="row"]', (els) => els.map((e) => e.textContent));
  check(JSON.stringify(rowNames) === JSON.stringify(order), `over time: rows by max score ${JSON.stringify(rowNames)}`);
  check(rowNames.includes(HOSTILE), 'over time: a hostile column name shows literally');
  const levels = await tab.$$eval('#over-time-heatmap td.hm-cell', (els) => els.map((e) => e.dataset.level));
  check(levels.every((l) => /^(-1|[0-5])$/.test(l)), 'over time: every cell has a shade level');
  const shades = await tab.$$eval('#over-time-heatmap td.hm-cell', (tds) => new Set(tds.map((td) => getComputedStyle(td).backgroundColor + getComputedStyle(td).backgroundImage)).size);
  check(shades >= 4, `over time: ${shades} distinct cell shades`);
  const driftedCells = await tab.$$eval('#over-time-heatmap td.hm-cell[data-drifted="true"]', (els) => els.length);
  const driftedExpected = ot.columns.reduce((a, c) => a + c.drifted.filter((d) => d === true).length, 0);
  check(driftedCells === driftedExpected, `over time: ${driftedCells} drifted cells marked, expected ${driftedExpected}`);
  const ageRow = order.indexOf('age');
  const ageW14 = await tab.$eval(`#over-time-heatmap tbody tr[data-index="${ageRow}"] td.hm-cell:nth-of-type(14)`, (e) => ({ title: e.title, text: e.textContent }));
  check(/^age · 2024-W14: score 0\.\d+, drift \(KS p=[0-9.e-]+\)$/.test(ageW14.title) && /^0\.\d+, drift$/.test(ageW14.text), `over time: age W14 cell ${JSON.stringify(ageW14)}`);
  const empty = await tab.evaluate((name) => {
    const row = [...document.querySelectorAll('#over-time-heatmap tbody tr')].find((tr) => tr.dataset.column === name);
    const td = row?.querySelectorAll('td.hm-cell')[2];
    return td ? { level: td.dataset.level, text: td.textContent, title: td.title } : null;
  }, HOSTILE);
  check(empty?.level === '-1' && empty.text === 'no data' && empty.title.endsWith('2024-W03: no usable values'), `over time: a window without values ${JSON.stringify(empty)}`);
  check((await tab.$$('#over-time-heatmap caption')).length === 1, 'over time: the heat map has a caption');
  const elements = await tab.evaluate(() => document.querySelectorAll('#over-time img, #over-time script, #over-time b').length);
  check(elements === 0, `over time: ${elements} elements made from report strings`);
  await hostileChecks(tab, 'over time');

  // The chart: the first row's column; a click on a row switches it, the keyboard too; the row is marked selected.
  check((await tab.$('#over-time-chart canvas')) !== null, 'over time: the chart canvas');
  check((await chartColumn(tab)) === order[0] && (await chartLabel(tab)).startsWith(`${order[0]}:`), `over time: the chart starts on ${order[0]}`);
  const size = await tab.$eval('#over-time-chart canvas', (c) => [c.clientWidth, c.clientHeight]);
  check(size[0] > 300 && size[1] > 100, `over time: the chart has a size ${size}`);
  await tab.click('#over-time-heatmap tbody tr[data-column="age"] th');
  check((await chartColumn(tab)) === 'age' && (await chartLabel(tab)).startsWith('age:'), `over time: a click on the age row charts age (${await chartColumn(tab)})`);
  check((await tab.getAttribute('#over-time-heatmap tbody tr[data-column="age"]', 'aria-selected')) === 'true', 'over time: the clicked row is selected');
  has(await chartLabel(tab), ['drift in 13 (first 2024-W14)', 'KSWIN in 2024-W14'], 'over time: the age chart\'s summary');
  const threshold = await tab.$('#over-time-chart .key-threshold');
  check(threshold === null, 'over time: no threshold line for a p-value test');
  check((await tab.evaluate(() => document.activeElement?.dataset.column)) === 'age', 'over time: the clicked row has focus');
  await tab.keyboard.press('ArrowUp');
  await tab.keyboard.press('Enter');
  check((await chartColumn(tab)) === order[ageRow - 1], `over time: ArrowUp + Enter charts ${order[ageRow - 1]} (${await chartColumn(tab)})`);
  check((await tab.$$('#over-time-heatmap tbody tr[tabindex="0"]')).length === 1, 'over time: one heat map row in the tab order');
  await tab.click('#over-time-heatmap tbody tr[data-column="credit_score"] th');
  check((await tab.$('#over-time-chart .key-threshold')) !== null && (await tab.$('#over-time-chart .key-change')) !== null, 'over time: credit_score (PSI) has a threshold line and change points');
  await tab.click('#over-time-heatmap tbody tr[data-column="default"] th');
  has(await chartLabel(tab), ['ADWIN, DDM in 2024-W14'], 'over time: the target\'s chart marks the error stream\'s change points');
  await tab.click('#over-time-heatmap tbody tr[data-column="credit_score"] th');
  await tab.hover('#over-time-chart canvas', { position: { x: (await tab.$eval('#over-time-chart canvas', (c) => c.clientWidth)) * 0.55, y: 90 } });
  await tab.waitForTimeout(100);
  const chartBox = await (await tab.$('#over-time-chart')).boundingBox();
  await tab.screenshot({ path: join(resultsDir, 'overtime-chart-tooltip-dark.png'), clip: { x: chartBox.x, y: chartBox.y, width: chartBox.width, height: chartBox.height + 20 } });
  shots.push(join(resultsDir, 'overtime-chart-tooltip-dark.png'));
  await tab.mouse.move(0, 0);

  // The error stream and the detectors.
  check((await tab.$('#over-time-errors canvas')) !== null, 'over time: the model error stream chart');
  check((await tab.getAttribute('#over-time-errors canvas', 'aria-label')).includes('ADWIN: 2024-W14; DDM: 2024-W14'), 'over time: the error stream chart\'s summary');
  const detectors = await tab.$$eval('#over-time-detectors tbody tr', (els) => els.map((e) => [...e.children].map((c) => c.textContent.replace(/\s+/g, ' ').trim())));
  check(detectors.length === ot.detectors.length, `over time: ${detectors.length} detector rows`);
  check(detectors[0]?.[0] === 'ADWIN' && detectors[0][1] === 'errors of predicted_default vs default' && detectors[0][2] === '888' && detectors[0][3].startsWith('2024-W14 (2024-04-0'), `over time: ADWIN row ${JSON.stringify(detectors[0])}`);
  check(detectors[2]?.[0] === 'KSWIN' && detectors[2][3].endsWith('+1 more'), `over time: KSWIN row shows the first three and +1 more ${JSON.stringify(detectors[2])}`);
  check(detectors[4]?.[4] === ot.detectors[4].message, `over time: DDM's message ${JSON.stringify(detectors[4])}`);

  // Opening a column's detail: its own over-time chart, and the section's chart follows.
  await tab.click('.table [data-column="age"]');
  await tab.waitForSelector('#detail[data-column="age"]');
  check((await tab.$('#detail #detail-over-time canvas')) !== null, 'over time: the detail has the column\'s over-time chart');
  check((await chartColumn(tab)) === 'age', 'over time: opening age\'s detail charts age in the section');
  await tab.$eval('#detail-over-time', (e) => e.scrollIntoView({ block: 'center' }));
  await tab.waitForTimeout(100);
  await (await tab.$('#detail')).screenshot({ path: join(resultsDir, 'overtime-detail-dark.png') });
  shots.push(join(resultsDir, 'overtime-detail-dark.png'));
  await tab.click('#detail-close');
  await tab.click('.table [data-column="channel"]');
  await tab.waitForSelector('#detail[data-column="channel"]');
  check((await tab.$('#detail-over-time')) === null && (await chartColumn(tab)) === 'age', 'over time: a column without over-time data: no detail chart, the section unchanged');
  await tab.keyboard.press('Escape');

  // Theme switch in place: the charts repaint.
  await tab.evaluate(() => window.__applyTheme('light'));
  await tab.waitForTimeout(100);
  await tab.evaluate(() => window.__applyTheme('dark'));
  await tab.waitForTimeout(100);

  // Folding keeps the chart working when unfolded; a report without overTime has no section.
  await tab.click('#over-time > summary');
  check(!(await tab.$eval('#over-time', (e) => e.open)), 'over time: a click folds the section');
  await tab.click('#over-time > summary');
  await tab.waitForTimeout(50);
  check((await tab.$eval('#over-time-chart canvas', (c) => c.clientWidth)) > 300, 'over time: the chart is drawn again after unfolding');
  const plain = { ...structuredClone(report), createdAt: new Date(Date.parse(report.createdAt) + 1000).toISOString() };
  delete plain.overTime;
  r = await nextRendered(tab, () => post(tab, { type: 'report', report: plain }));
  check(JSON.stringify(r.modelSections) === JSON.stringify(expected.slice(0, -1)) && (await tab.$('[data-section="overTime"]')) === null, 'over time: a report without overTime has no section');
  // overTime without model: the section alone ahead of the table.
  const alone = { ...structuredClone(base), createdAt: new Date(Date.parse(report.createdAt) + 2000).toISOString(), overTime: ot };
  r = await nextRendered(tab, () => post(tab, { type: 'report', report: alone }));
  check(JSON.stringify(r.modelSections) === '["overTime"]' && (await tab.$('#model')) === null && (await tab.$('[data-section="overTime"]')) !== null, `over time without a model: ${JSON.stringify(r.modelSections)}`);
  r = await nextRendered(tab, () => post(tab, { type: 'report', report: base }));
  check(!('modelSections' in r), 'over time: back to a plain report, no modelSections');
  await violations(tab);
  await context.close();

  // Themes and widths: no sideways page scroll; the heat map scrolls inside its section with its first column in place.
  for (const theme of ['light', 'dark', 'hc']) {
    for (const width of [1280, 500]) {
      const t = await newTab(browser, { width, height: 900 });
      await t.tab.goto(`${origin}/?theme=${theme}`);
      await t.tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
      await nextRendered(t.tab, () => post(t.tab, { type: 'report', report }));
      const overflow = await t.tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      check(overflow <= 0, `over time ${theme} ${width}px: the page does not scroll sideways (${overflow}px)`);
      const scroll = await t.tab.$eval('#over-time .model-scroll', (e) => ({ scroll: e.scrollWidth, client: e.clientWidth }));
      if (width === 500) {
        check(scroll.scroll > scroll.client, `over time ${theme} 500px: the heat map scrolls inside its section (${JSON.stringify(scroll)})`);
        const before = await t.tab.$eval('#over-time-heatmap tbody th', (e) => e.getBoundingClientRect().left);
        await t.tab.$eval('#over-time .model-scroll', (e) => (e.scrollLeft = e.scrollWidth));
        const after = await t.tab.$eval('#over-time-heatmap tbody th', (e) => e.getBoundingClientRect().left);
        check(Math.abs(after - before) <= 3, `over time ${theme} 500px: the column names stay while the windows scroll (${before} → ${after})`);
        const lastCell = await t.tab.$eval('#over-time-heatmap tbody tr', (tr) => [...tr.querySelectorAll('td.hm-cell')].pop().getBoundingClientRect().right);
        const box = await t.tab.$eval('#over-time .model-scroll', (e) => e.getBoundingClientRect().right);
        check(lastCell <= box + 1, `over time ${theme} 500px: scrolled to the end, the last window is in view`);
        await t.tab.$eval('#over-time .model-scroll', (e) => (e.scrollLeft = 0));
      } else {
        check(scroll.scroll <= scroll.client, `over time ${theme} 1280px: 26 windows fit without scrolling (${JSON.stringify(scroll)})`);
      }
      await t.tab.$eval('#over-time', (e) => e.scrollIntoView());
      await t.tab.waitForTimeout(100);
      const path = join(resultsDir, `overtime-${theme}-${width}.png`);
      await (await t.tab.$('#over-time')).screenshot({ path });
      shots.push(path);
      await violations(t.tab);
      await t.context.close();
    }
  }
}

/** Many windows and columns (90 row windows, 45 columns): 30 rows and a note, thinned labels, scrolling inside the section. */
async function crowdedOverTime(browser, report) {
  const windows = Array.from({ length: 90 }, (_, i) => ({ label: `rows ${(i * 500 + 1).toLocaleString('en-US')}–${((i + 1) * 500).toLocaleString('en-US')}`, start: i * 500, end: (i + 1) * 500, rows: 500 }));
  const columns = Array.from({ length: 45 }, (_, k) => {
    const scores = windows.map((_, i) => Number((0.02 + ((k * 7 + i * 13) % 17) / 100 + (k % 5 === 0 && i > 60 ? 0.3 : 0)).toFixed(3)));
    return { name: `feature_${String(k).padStart(2, '0')}`, test: 'wasserstein', threshold: 0.1, scores, statistics: scores, pValues: scores.map(() => null), drifted: scores.map((x) => x >= 0.1) };
  });
  const crowded = { ...structuredClone(report), createdAt: new Date(Date.parse(report.createdAt) + 3000).toISOString() };
  crowded.overTime = { timestamp: null, window: { kind: 'rows', size: 500 }, windows, columns, detectors: [], notes: [] };
  for (const width of [1280, 500]) {
    const t = await newTab(browser, { width, height: 900 });
    await t.tab.goto(`${origin}/?theme=dark`);
    await t.tab.waitForFunction(() => window.__posted.some((m) => m.type === 'ready'));
    await nextRendered(t.tab, () => post(t.tab, { type: 'report', report: crowded }));
    const rows = await t.tab.$$eval('#over-time-heatmap tbody tr', (els) => els.length);
    check(rows === 30, `crowded over time: ${rows} heat map rows (at most 30)`);
    check((await t.tab.$$('#over-time-heatmap td.hm-cell')).length === 30 * 90, 'crowded over time: 30 × 90 cells');
    const note = await t.tab.$eval('#over-time-omitted', (e) => e.textContent).catch(() => '');
    check(note.includes('30 columns with the largest scores of 45'), `crowded over time: the omitted note "${note}"`);
    const shown = await t.tab.$$eval('#over-time-heatmap thead th.hm-window[data-shown="true"]', (els) => els.length);
    check(shown > 0 && shown < 90, `crowded over time: ${shown} of 90 window labels drawn`);
    check((await t.tab.textContent('#over-time-windowing')).startsWith('By 500 rows in file order, 90 windows'), 'crowded over time: windowing line');
    const overflow = await t.tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    check(overflow <= 0, `crowded over time ${width}px: the page does not scroll sideways (${overflow}px)`);
    const scroll = await t.tab.$eval('#over-time .model-scroll', (e) => e.scrollWidth > e.clientWidth);
    check(scroll, `crowded over time ${width}px: the heat map scrolls inside its section`);
    await t.tab.$eval('#over-time', (e) => e.scrollIntoView());
    const path = join(resultsDir, `overtime-crowded-dark-${width}.png`);
    await (await t.tab.$('#over-time .heatmap-block')).screenshot({ path });
    shots.push(path);
    await violations(t.tab);
    await t.context.close();
  }
}

/** The offline page of a report with `overTime`: the same section, heat map, chart and detectors. */
async function offlineOverTime(browser, report) {
  const ot = report.overTime;
  const off = await newTab(browser, { width: 1280, height: 900 });
  const cspErrors = [];
  off.tab.on('console', (msg) => /Content Security Policy/i.test(msg.text()) && cspErrors.push(msg.text()));
  await off.tab.goto(`${origin}/offline-overtime.html`);
  await off.tab.waitForSelector('[data-section="overTime"]');
  const cells = await off.tab.$$eval('#over-time-heatmap tbody td.hm-cell', (els) => els.length);
  check(cells === ot.columns.length * ot.windows.length, `offline over time: ${cells} heat map cells`);
  check((await off.tab.$('#over-time-chart canvas')) !== null && (await off.tab.$('#over-time-errors canvas')) !== null, 'offline over time: the charts');
  check((await off.tab.$$('#over-time-detectors tbody tr')).length === ot.detectors.length, 'offline over time: the detectors table');
  await off.tab.click('#over-time-heatmap tbody tr[data-column="age"] th');
  check((await off.tab.getAttribute('#over-time-chart', 'data-column')) === 'age', 'offline over time: a click on a row switches the chart');
  const overflow = await off.tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  check(overflow <= 0, `offline over time: the page does not scroll sideways (${overflow}px)`);
  await off.tab.$eval('#over-time', (e) => e.scrollIntoView());
  const path = join(resultsDir, 'overtime-offline-dark.png');
  await (await off.tab.$('#over-time')).screenshot({ path });
  shots.push(path);
  for (const e of cspErrors) problems.push(`offline over time CSP: ${e}`);
  await off.context.close();
}

function has(haystack, needles, what) {
  for (const n of needles) check(haystack.includes(n), `${what}: "${n}" in "${haystack.slice(0, 300)}"`);
}

/** Rows, header and texts of the overview; suite strings shown literally. */
async function suiteOverviewChecks(tab, suite, where) {
  const ids = await tab.$$eval('.suite-row[data-id]', (els) => els.map((e) => e.getAttribute('data-id')));
  check(JSON.stringify(ids) === JSON.stringify(suite.results.map((r) => r.id)), `${where}: one row per comparison, in order`);
  const base = suite.file.split('/').pop();
  check((await tab.textContent('#suite-file')) === base, `${where}: suite file name`);
  const label = { none: 'Passed', info: 'Info', warning: 'Warning', error: 'Error' }[suite.severity];
  check((await tab.textContent('#suite-severity')) === label, `${where}: overall severity ${label}`);
  check(new RegExp(`^${suite.counts.comparisons}\\s+comparisons`).test(await tab.innerText('#suite-comparisons')), `${where}: comparisons count`);
  if (suite.counts.errored) check((await tab.textContent('#suite-errored')) === `${suite.counts.errored} could not run`, `${where}: errored count`);
  const rows = await tab.$$eval('.suite-row[data-id]', (els) =>
    els.map((e) => ({
      severity: e.getAttribute('data-severity'),
      name: e.querySelector('.cmp-name')?.textContent,
      result: e.querySelector('.cell-sev')?.textContent,
      drifted: e.querySelector('.cell-drifted')?.textContent,
      findings: [...e.querySelectorAll('.finding-line')].map((f) => f.textContent),
    })),
  );
  suite.results.forEach((r, i) => {
    const row = rows[i];
    const key = r.report ? r.severity : 'failed';
    check(row?.severity === key, `${where}: row ${i} severity ${row?.severity}, expected ${key}`);
    check(row?.name === r.name, `${where}: row ${i} name literal (${row?.name})`);
    if (!r.report) {
      check(row.result.includes('Could not run') && row.findings.some((f) => f.includes(r.error.message)), `${where}: row ${i} says why it could not run`);
    } else {
      check(row.drifted.includes(`${r.report.driftedColumns} of ${r.report.judgedColumns}`), `${where}: row ${i} drifted ${row.drifted}`);
      const worst = r.columns.filter((c) => c.severity !== 'none');
      check(row.findings.length === Math.min(3, worst.length), `${where}: row ${i} shows ${row.findings.length} findings`);
      if (worst.length) check(row.findings.some((f) => f.includes(worst.find((c) => c.severity === r.severity)?.message ?? worst[0].message)), `${where}: row ${i} worst finding first`);
    }
  });
  const elements = await tab.evaluate(() => document.querySelectorAll('#root img, #root script, #root b, #root i').length);
  check(elements === 0, `${where}: ${elements} elements made from suite strings`);
  const hostileFinding = await tab.evaluate((name) => [...document.querySelectorAll('.finding-line')].some((f) => f.textContent.includes(name)), HOSTILE);
  check(hostileFinding, `${where}: a hostile column name shows literally in a finding`);
}

console.log(`screenshots:\n  ${shots.join('\n  ')}`);
console.log(`CSP: ${/content="([^"]+)"/.exec(page('dark'))[1]}`);
if (problems.length) {
  console.error(`problems (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exitCode = 1;
} else {
  console.log('no console errors, page errors or CSP violations');
}
