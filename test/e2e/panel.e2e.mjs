// End-to-end: the drift panel in the real workbench (code-server + headless Chromium), used as a person would.
// After comparing current.csv with reference.csv from the Explorer:
//   table   sort by name, "Drifted only", name search;
//   Problems  clicking the drift entry of "segment" opens the panel's detail on that column;
//   detail  quantile table and every other test for "age"; changing its test and threshold re-runs that column;
//   export  Export… → HTML through the real save dialog; the file opens offline in a browser and shows the report;
//   themes  screenshots in dark and light (test-results/panel-dark.png, panel-light.png);
//   reload  "Developer: Reload Window": the panel comes back from its saved state (same report, same open detail)
//           without comparing again, and so do its Problems entries;
//   hostile a column named <img src=x onerror=alert(1)> and categories holding markup show as text: no element,
//           no dialog;
//   wide    a 1,000-column comparison: charts are drawn only for rows in view, the last row draws when scrolled to;
//   model   a churn model's files (roles from names and settings): label, prediction and performance drift,
//           segments and multivariate drift drawn ahead of the table (test-results/panel-model-dark.png); the
//           column detail's Role picker takes "region" off the segment role and the comparison runs again;
//   time    26 weeks of a model's data whose x shifts and errors rise in week 15: the heat map (columns × weeks, drift
//           marked from week 15), a row click charting that column, change points on the error stream
//           (test-results/panel-overtime-dark.png);
//   suite   "Drift: Run Drift Suite": the overview, drill-down and back; the Testing view lists the comparisons.
// Last line: "panel: N passed, N failed".
// Usage: node test/e2e/panel.e2e.mjs [--extension PATH] [--workspace PATH]
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOSTILE_COLUMN, HOSTILE_NEW_VALUE, WIDE_COLUMNS, writePanelFiles } from './panel-files.mjs';
import { e2eSession, results } from './session.mjs';
import { contextMenu, driftPanel, explorerRow, runCommand, step } from './workbench.mjs';

const OVERALL_TIMEOUT_MS = 300_000;

const session = e2eSession({ label: 'panel', failureShot: 'e2e-panel-failure.png', timeoutMs: OVERALL_TIMEOUT_MS });
const { workspace, dialogs } = session;
let page;

const panel = () => driftPanel(page);
const row = (name) => panel().locator(`.grid-row[data-column="${name.replace(/["\\]/g, '\\$&')}"]`);
/** The data-column of every column row drawn, in order. */
const rowNames = () => panel().locator('.grid-row[data-column]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-column')));
const PANEL_SCREENSHOT = (theme) => join(results, `panel-${theme}.png`);

/** Compares `current` with `reference` through the Explorer's context menu, as a person does. */
async function compareFromExplorer(reference, current) {
  await contextMenu(page, reference, 'Select as Drift Reference');
  await contextMenu(page, current, 'Compare with Reference…');
}

/** Waits until the panel shows the report of `current` (its file name in the summary). */
async function waitForReport(current, timeout = 60_000) {
  await panel().locator('[data-side="current"]', { hasText: current }).waitFor({ timeout });
}

/**
 * VS Code's save dialog in the browser is a quick input holding a path: once it shows the suggested name,
 * replace the path and press Enter.
 */
async function saveAs(path, suggested) {
  const input = page.locator('.quick-input-widget input').first();
  await input.waitFor({ timeout: 15_000 });
  const deadlineShown = Date.now() + 15_000;
  while (!(await input.inputValue()).endsWith(suggested)) {
    if (Date.now() > deadlineShown) throw new Error(`the save dialog did not suggest ${suggested}: "${await input.inputValue()}"`);
    await page.waitForTimeout(100);
  }
  await input.fill(path);
  await page.waitForTimeout(200);
  await input.press('Enter');
  const deadline = Date.now() + 15_000;
  while (!existsSync(path)) {
    if (Date.now() > deadline) throw new Error(`${path} was not written`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function setColorTheme(theme) {
  const settings = join(workspace, '.vscode', 'settings.json');
  const current = JSON.parse(readFileSync(settings, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  writeFileSync(settings, JSON.stringify({ ...current, 'workbench.colorTheme': theme }, null, 2));
}

console.log('panel: the drift panel in the workbench');
try {
  await step('code-server starts and the workbench opens', async () => {
    page = await session.open((dir) => {
      writePanelFiles(dir);
      // The model-aware tests' churn data (built by tsc into out/), one file per side.
      const { modelCsv, modelRows } = createRequire(import.meta.url)('../../out/test/unit/support/modelData.js');
      writeFileSync(join(dir, 'churn-reference.csv'), modelCsv(modelRows(900, false, 11)));
      writeFileSync(join(dir, 'churn-current.csv'), modelCsv(modelRows(900, true, 12)));
      const { timeCsv, timeRows } = createRequire(import.meta.url)('../../out/test/unit/support/timeData.js');
      writeFileSync(join(dir, 'weekly-reference.csv'), timeCsv(timeRows(1, false)));
      writeFileSync(join(dir, 'weekly-current.csv'), timeCsv(timeRows(2, true)));
      writeFileSync(join(dir, 'drift-suite.json'), JSON.stringify({
        comparisons: [
          { name: 'main', reference: 'reference.csv', current: 'current.csv' },
          { name: 'hostile', reference: 'hostile-reference.csv', current: 'hostile-current.csv' },
        ],
      }, null, 2));
    });
    await explorerRow(page, 'current.csv').waitFor({ timeout: 60_000 });
  });

  await step('Explorer: compare current.csv with reference.csv; the panel lists every column', async () => {
    await compareFromExplorer('reference.csv', 'current.csv');
    await waitForReport('current.csv');
    await row('age').waitFor();
    const names = await rowNames();
    if (names.sort().join() !== 'age,city,income,segment') throw new Error(`rows: ${names.join(', ')}`);
    if ((await row('age').getAttribute('data-drifted')) !== 'true') throw new Error('age is not marked drifted');
  });

  await step('table: sort by name, "Drifted only", and the name search', async () => {
    await panel().locator('#sort').selectOption('name');
    let names = await rowNames();
    const want = [...names].sort((a, b) => a.localeCompare(b));
    const descending = [...want].reverse();
    if (names.join() !== want.join() && names.join() !== descending.join()) throw new Error(`not sorted by name: ${names.join(', ')}`);
    await panel().locator('#drifted-only').check();
    await panel().locator('.grid-row[data-column="income"]').waitFor({ state: 'detached' });
    names = await rowNames();
    if (names.sort().join() !== 'age,segment') throw new Error(`drifted only: ${names.join(', ')}`);
    await panel().locator('#drifted-only').uncheck();
    await panel().locator('#search').fill('inc');
    await panel().locator('.grid-row[data-column="age"]').waitFor({ state: 'detached' });
    names = await rowNames();
    if (names.join() !== 'income') throw new Error(`search "inc": ${names.join(', ')}`);
    await panel().locator('#search').fill('');
    await row('age').waitFor();
    await panel().locator('#sort').selectOption('report');
  });

  await step('Problems: clicking the drift entry of "segment" opens its detail in the panel', async () => {
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'Drift in "segment"' }).first();
    await entry.waitFor({ timeout: 15_000 });
    await entry.click();
    await panel().locator('#detail[data-column="segment"]').waitFor({ timeout: 15_000 });
  });

  await step('detail of "age": quantiles, missing values and every other test, the one in use marked', async () => {
    // In a narrow panel (beside the editor the Problems click opened) the detail covers the table: close it first.
    await panel().locator('#detail-close').click();
    await row('age').locator('.name').click();
    const detail = panel().locator('#detail[data-column="age"]');
    await detail.waitFor();
    await detail.getByText('median', { exact: false }).first().waitFor();
    await detail.locator('[data-test="ks"][data-in-use="true"]').waitFor({ timeout: 20_000 });
    for (const test of ['anderson', 'cramer_von_mises', 'mann_whitney', 'wasserstein', 'energy', 'psi']) {
      await detail.locator(`[data-test="${test}"]`).waitFor({ timeout: 5000 });
    }
  });

  await step('detail: Wasserstein with threshold 5 for "age" re-runs the column: no longer drifted', async () => {
    await panel().locator('#column-test').selectOption('wasserstein');
    await panel().locator('#column-threshold').fill('5');
    await panel().locator('#apply-test').click();
    await panel().locator('.grid-row[data-column="age"][data-drifted="false"]').waitFor({ timeout: 30_000 });
    const test = (await row('age').locator('.cell-test').innerText()).toLowerCase();
    if (!test.includes('wasserstein')) throw new Error(`age test cell: ${test}`);
    await panel().locator('#detail[data-column="age"]').waitFor();
  });

  const exported = join(workspace, 'exported-report.html');
  await step('Export… → HTML through the save dialog writes one offline page', async () => {
    await panel().locator('#detail-close').click();
    await panel().locator('#export').click();
    await panel().locator('#export-html').click();
    await saveAs(exported, 'current.drift.html');
    const left = readdirSync(workspace).filter((f) => f.includes('exported-report') && f !== 'exported-report.html');
    if (left.length) throw new Error(`temporary files left: ${left.join(', ')}`);
  });

  await step('the exported page opens offline and shows the report, with no errors', async () => {
    const context = await session.browser.newContext({ offline: true });
    const offline = await context.newPage();
    const errors = [];
    offline.on('pageerror', (e) => errors.push(String(e)));
    offline.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await offline.goto(pathToFileURL(exported).href);
    await offline.locator('.grid-row[data-column="segment"]').waitFor({ timeout: 10_000 });
    await offline.locator('.grid-row[data-column="age"][data-drifted="false"]').waitFor();
    await offline.screenshot({ path: join(results, 'panel-exported.png') });
    await context.close();
    if (errors.length) throw new Error(`errors in the exported page: ${errors.join('; ')}`);
  });

  let comparedAt = '';
  await step('screenshots: dark and light themes', async () => {
    await row('segment').locator('.name').click();
    await panel().locator('#detail[data-column="segment"]').waitFor();
    // The panel's editor group (active after the click) fills the window, as a person would look at a report:
    // no Problems panel, no notifications, scrolled to the top.
    await runCommand(page, 'View: Toggle Maximize Editor Group');
    await page.waitForTimeout(500); // the webview relayouts (and may take the focus) after the group grows
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await panel().locator('#detail[data-column="segment"]').waitFor();
    await panel().locator('body').evaluate(() => window.scrollTo(0, 0));
    // A workbench loading an extension under development starts in its default theme whatever the settings say;
    // a change of the workspace's setting while it runs does apply.
    await setColorTheme('Default Dark Modern');
    await panel().locator('body.vscode-dark').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(600);
    await page.screenshot({ path: PANEL_SCREENSHOT('dark') });
    await setColorTheme('Default Light Modern');
    await panel().locator('body.vscode-light').waitFor({ timeout: 20_000 });
    await page.waitForTimeout(800);
    await page.screenshot({ path: PANEL_SCREENSHOT('light') });
    comparedAt = await panel().locator('#compared').getAttribute('title');
    console.log(`    screenshots: test-results/panel-dark.png, panel-light.png`);
  });

  await step('Reload Window: the panel restores the same report and open detail without comparing again', async () => {
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await panel().locator('#detail[data-column="segment"]').waitFor({ timeout: 60_000 });
    const after = await panel().locator('#compared').getAttribute('title');
    if (after !== comparedAt) throw new Error(`the report changed on reload: ${comparedAt} → ${after}`);
    if ((await row('age').getAttribute('data-drifted')) !== 'false') throw new Error('the per-column change was lost on reload');
    const notices = await page.locator('.notifications-toasts .notification-toast', { hasText: 'Reading' }).count();
    if (notices) throw new Error('a comparison ran on reload');
  });

  await step('Reload Window: the restored report brings its Problems entries back', async () => {
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'Drift in "segment"' }).first().waitFor({ timeout: 15_000 });
    const age = await page.locator('.markers-panel .monaco-list-row', { hasText: 'Drift in "age"' }).count();
    if (age) throw new Error('"age" is back in Problems although its test was changed to one that finds no drift');
  });

  await step(`hostile names: the column ${HOSTILE_COLUMN} and markup in categories show as text`, async () => {
    await compareFromExplorer('hostile-reference.csv', 'hostile-current.csv');
    await waitForReport('hostile-current.csv');
    const hostile = row(HOSTILE_COLUMN);
    await hostile.waitFor();
    await hostile.getByText(HOSTILE_COLUMN, { exact: true }).first().waitFor();
    await row('label').locator('.name').click();
    const detail = panel().locator('#detail[data-column="label"]');
    await detail.locator('[data-finding="new_categories"]', { hasText: HOSTILE_NEW_VALUE }).first().waitFor();
    const injected = await panel().locator('img, [onerror]').count();
    // VS Code adds a script of its own to every webview page; none may hold the data's script.
    const scripts = await panel().locator('script').evaluateAll((all) => all.filter((s) => s.textContent.includes('alert(2)')).length);
    if (injected || scripts) throw new Error(`elements came from the data: ${injected} img/onerror, ${scripts} scripts`);
    if (dialogs.length) throw new Error(`dialogs opened: ${dialogs.join('; ')}`);
  });

  await step(`wide: ${WIDE_COLUMNS} columns render, charts only as rows come into view`, async () => {
    await compareFromExplorer('wide-reference.csv', 'wide-current.csv');
    await waitForReport('wide-current.csv');
    await row('f0000').waitFor();
    const first = await panel().locator('.grid-row[data-column] canvas').count();
    if (first === 0 || first >= WIDE_COLUMNS / 4) throw new Error(`${first} charts drawn at first (lazy drawing expected)`);
    const last = `f${String(WIDE_COLUMNS - 1).padStart(4, '0')}`;
    const deadline = Date.now() + 30_000;
    while (!(await row(last).count())) {
      if (Date.now() > deadline) throw new Error(`${last} never appeared while scrolling`);
      await panel().locator('.grid-row[data-column]').last().scrollIntoViewIfNeeded();
      await page.waitForTimeout(50);
    }
    await row(last).scrollIntoViewIfNeeded();
    await row(last).locator('canvas').waitFor({ timeout: 10_000 });
    console.log(`    ${first} charts at first; ${await panel().locator('.grid-row[data-column]').count()} rows after scrolling to the end`);
  });

  await step('model: label, prediction and performance drift, segments and multivariate drift; the Role picker re-runs', async () => {
    const settings = join(workspace, '.vscode', 'settings.json');
    const current = JSON.parse(readFileSync(settings, 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    writeFileSync(settings, JSON.stringify({
      ...current,
      'driftInspector.multivariate.enabled': true,
      'driftInspector.roles': { segment: 'region', id: 'customer_id' },
    }, null, 2));
    await page.waitForTimeout(1000); // the settings file change reaches the extension host
    await compareFromExplorer('churn-reference.csv', 'churn-current.csv');
    await waitForReport('churn-current.csv');
    const section = (name) => panel().locator(`[data-section="${name}"]`);
    for (const name of ['roles', 'label', 'prediction', 'performance', 'segments', 'multivariate']) await section(name).waitFor({ timeout: 20_000 });
    const performance = await section('performance').innerText();
    if (!/Performance degraded/.test(performance) || !/Accuracy/.test(performance)) throw new Error(`performance section: ${performance.slice(0, 300)}`);
    const segments = await section('segments').innerText();
    if (!/south/.test(segments) || !/north/.test(segments)) throw new Error(`segments section: ${segments.slice(0, 300)}`);
    if (!/x1/.test(await section('multivariate').innerText())) throw new Error('the multivariate section names no separating feature');
    await runCommand(page, 'View: Hide Panel');
    await runCommand(page, 'Notifications: Clear All Notifications');
    await setColorTheme('Default Dark Modern');
    await panel().locator('body.vscode-dark').waitFor({ timeout: 20_000 });
    await section('performance').scrollIntoViewIfNeeded();
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(results, 'panel-model-dark.png') });
    console.log('    screenshot: test-results/panel-model-dark.png');
    // The Role picker: "region" is no longer the segment; the comparison runs again without segments.
    await row('region').locator('.name').click();
    await panel().locator('#detail[data-column="region"]').waitFor();
    const picker = panel().locator('#column-role');
    if ((await picker.inputValue()) !== 'segment') throw new Error(`region's role: ${await picker.inputValue()}`);
    await picker.selectOption('');
    await section('segments').waitFor({ state: 'detached', timeout: 60_000 });
    await section('performance').waitFor();
  });

  await step('drift over time: a heat map of columns × weeks, a row click charts that column, change points listed', async () => {
    await compareFromExplorer('weekly-reference.csv', 'weekly-current.csv');
    await waitForReport('weekly-current.csv');
    const heatmap = panel().locator('#over-time-heatmap');
    await heatmap.waitFor({ timeout: 20_000 });
    if ((await heatmap.getAttribute('data-windows')) !== '26') throw new Error(`windows: ${await heatmap.getAttribute('data-windows')}`);
    const x = heatmap.locator('tr[data-column="x"]');
    const drifted = await x.locator('td.hm-cell').evaluateAll((cells) => cells.map((c) => c.getAttribute('data-drifted') === 'true'));
    if (drifted.length !== 26 || drifted.indexOf(true) !== 13) throw new Error(`x drifted windows: ${drifted.map(Number).join('')}`);
    await x.locator('th').click();
    await panel().locator('#over-time-chart-title', { hasText: 'x' }).waitFor({ timeout: 10_000 });
    await panel().locator('#over-time-chart canvas').waitFor();
    const detectors = await panel().locator('[data-section="overTime"]').innerText();
    if (!/ADWIN/.test(detectors) || !/2015-W1[5-7]/.test(detectors)) throw new Error(`no ADWIN change point near week 15: ${detectors.slice(0, 400)}`);
    await panel().locator('[data-section="overTime"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(600);
    await page.screenshot({ path: join(results, 'panel-overtime-dark.png') });
    console.log('    screenshot: test-results/panel-overtime-dark.png');
  });

  await step('Drift: Run Drift Suite: the overview lists each comparison, drills down to its columns and back', async () => {
    await runCommand(page, 'Drift: Run Drift Suite');
    const overview = panel().locator('#suite-overview');
    await overview.waitFor({ timeout: 60_000 });
    const rows = overview.locator('.suite-row[data-id]');
    await rows.nth(1).waitFor();
    const names = await rows.locator('.cmp-name').allInnerTexts();
    if (names.join() !== 'main,hostile') throw new Error(`suite rows: ${names.join(', ')}`);
    if ((await rows.first().getAttribute('data-severity')) !== 'error') throw new Error('main: the major drift of "age" should be an error');
    await rows.first().locator('.cmp-name').click();
    await row('age').waitFor({ timeout: 15_000 });
    await panel().locator('#back-to-suite').click();
    await rows.first().waitFor();
  });

  await step('Testing view: the suite, its comparisons and their columns, with results', async () => {
    await runCommand(page, 'Testing: Focus on Test Explorer View');
    const tree = page.locator('.test-explorer .monaco-list-row');
    const suiteItem = tree.filter({ hasText: 'drift-suite.json' }).first();
    await suiteItem.waitFor({ timeout: 20_000 });
    if ((await suiteItem.getAttribute('aria-expanded')) !== 'true') await suiteItem.locator('.monaco-tl-twistie').click();
    await tree.filter({ hasText: 'main' }).first().waitFor({ timeout: 20_000 });
    await tree.filter({ hasText: 'hostile' }).first().waitFor();
    await page.screenshot({ path: join(results, 'panel-suite.png') });
  });
} catch {
  await session.reportFailure();
}
await session.finish();
