// End-to-end: the data view in the workbench (code-server + headless Chromium), driven as a person would.
// Explorer click on current.parquet → the data view opens (the default editor of .parquet): schema with physical and
// logical types, a summary per column, the first rows in a grid; its title bar has "Compare with Reference…" and
// "Select as Drift Reference". Select reference.csv and compare current.parquet with it → the view marks "age" and
// "segment" as drifted. Problems → the code link of the "segment" entry → the data view highlights "segment". A .parq
// copy opens in the view too, and a corrupt Parquet file shows a clear error there.
// Saves test-results/dataview-marks.png, dataview.png and dataview-corrupt.png (dataview-failure.png on failure).
// Last line: "dataview: N passed, N failed".
// Usage: node test/e2e/dataView.e2e.mjs [--extension PATH] [--workspace PATH]
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eSession, results } from './session.mjs';
import { contextMenu, explorerRow, runCommand, step, toast } from './workbench.mjs';

const session = e2eSession({ label: 'dataview', failureShot: 'dataview-failure.png', timeoutMs: 180_000 });
let page;
const cspErrors = [];

/** Writes a copy of current.parquet whose data pages are garbage (the footer, and so the schema, intact). */
function writeCorrupt(dir) {
  const bytes = readFileSync(join(dir, 'current.parquet'));
  const footer = bytes.readUInt32LE(bytes.length - 8);
  for (let i = 4; i < bytes.length - 8 - footer; i++) bytes[i] = (i * 131) & 0xff;
  writeFileSync(join(dir, 'corrupt.parquet'), bytes);
}

/**
 * The page of the data view showing `name`. Every webview is an iframe holding another iframe; the data views keep
 * theirs while hidden, so the one wanted is found by the file name in its heading.
 */
async function dataView(name, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const found = await frame.locator(`.dv-head h1:text-is("${name}")`).count().catch(() => 0);
      if (found) return frame;
    }
    if (Date.now() > deadline) throw new Error(`no data view of ${name} appeared`);
    await page.waitForTimeout(200);
  }
}

/** A column's row in a data view. */
const columnRow = (frame, column) => frame.locator(`.dv-columns tbody tr[data-column="${column}"]`);

/** The title bar action of the active editor group. */
const titleAction = (label) => page.locator(`.editor-group-container.active .editor-actions .action-label[aria-label^="${label}"]`);

console.log('dataview: Parquet in the data view, drift marks, Problems → column, a corrupt file');
try {
  await step('code-server starts and the workbench opens', async () => {
    page = await session.open((dir) => {
      writeCorrupt(dir);
      copyFileSync(join(dir, 'current.parquet'), join(dir, 'copy.parq'));
    });
    // The view's strict Content-Security-Policy must never have to refuse anything of ours.
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content.Security.Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
  });

  await step('the extension is registered (its Explorer menu items show)', async () => {
    // Until then VS Code does not know the data view, and opens a .parquet as a binary file.
    const menu = page.locator('.context-view .monaco-menu');
    const item = menu.locator('.action-label', { hasText: 'Select as Drift Reference' });
    const deadline = Date.now() + 30_000;
    for (;;) {
      await explorerRow(page, 'current.parquet').click({ button: 'right' });
      const shown = await item.waitFor({ timeout: 1500 }).then(() => true, () => false);
      await page.keyboard.press('Escape');
      if (shown) break;
      if (Date.now() > deadline) throw new Error('the extension\'s menu items never showed');
    }
  });

  let view;
  await step('clicking current.parquet in the Explorer opens the data view with its schema', async () => {
    await explorerRow(page, 'current.parquet').click();
    view = await dataView('current.parquet');
    await view.locator('.dv-facts', { hasText: '200 rows' }).waitFor();
    await view.locator('.dv-facts', { hasText: 'SNAPPY' }).waitFor();
    const physical = await columnRow(view, 'segment').locator('.col-physical').innerText();
    const logical = await columnRow(view, 'segment').locator('.col-logical').innerText();
    if (physical !== 'BYTE_ARRAY' || logical !== 'STRING') throw new Error(`segment: ${physical} ${logical}`);
  });

  await step('every column gets its summary, and the first rows fill the grid', async () => {
    await view.locator('.dv-columns tbody tr .waiting').first().waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
    if (await view.locator('.dv-columns .waiting').count()) throw new Error('a column is still waiting for its summary');
    const age = await columnRow(view, 'age').locator('.col-type').innerText();
    if (!age.includes('numeric')) throw new Error(`age type: ${age}`);
    const city = await columnRow(view, 'city').locator('.col-range').innerText();
    if (!city.includes('Portland, OR')) throw new Error(`city top values: ${city}`);
    if ((await view.locator('.dv-columns .sparkline').count()) !== 4) throw new Error('not every column has its distribution');
    await view.locator('section h2', { hasText: 'All 200 rows' }).waitFor();
    const drawn = await view.locator('.dv-grid-canvas .dv-grid-row').count();
    if (drawn === 0 || drawn >= 200) throw new Error(`${drawn} grid rows in the DOM: the grid should draw only the rows in view`);
    await view.locator('.dv-grid').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await view.locator('.dv-grid-canvas .dv-grid-row[aria-rowindex="201"]').waitFor({ timeout: 5000 });
  });

  await step('its title bar has "Compare with Reference…" and "Select as Drift Reference"', async () => {
    await titleAction('Compare with Reference').waitFor();
    await titleAction('Select as Drift Reference').waitFor();
  });

  await step('Select as Drift Reference on reference.csv, then Compare with Reference… from the data view\'s title bar', async () => {
    await contextMenu(page, 'reference.csv', 'Select as Drift Reference');
    await explorerRow(page, 'current.parquet').click();
    await dataView('current.parquet');
    await titleAction('Compare with Reference').click();
    await page.locator('.tabs-container .tab', { hasText: 'Drift: current.parquet' }).first().waitFor({ timeout: 60_000 });
  });

  await step('the data view marks "age" and "segment" as drifted, with a link to the drift panel', async () => {
    view = await dataView('current.parquet');
    await columnRow(view, 'age').and(view.locator('[data-drifted="true"]')).waitFor({ timeout: 30_000 });
    await columnRow(view, 'segment').and(view.locator('[data-drifted="true"]')).waitFor();
    for (const stable of ['income', 'city']) {
      if (await columnRow(view, stable).and(view.locator('[data-drifted="true"]')).count()) throw new Error(`${stable} is marked as drifted`);
    }
    await columnRow(view, 'age').locator('.drift-mark button', { hasText: 'Drift panel' }).waitFor();
    await view.locator('.dv-drift', { hasText: 'reference.csv' }).waitFor();
    await page.screenshot({ path: join(results, 'dataview-marks.png') });
    console.log(`    screenshot: ${join('test-results', 'dataview-marks.png')}`);
  });

  await step('Problems: the code link of the "segment" entry opens the data view on "segment"', async () => {
    // Another editor in front first, so the link has to bring the data view back.
    await explorerRow(page, 'reference.csv').click();
    await runCommand(page, 'View: Focus Problems (Errors, Warnings, Infos)');
    const entry = page.locator('.markers-panel .monaco-list-row', { hasText: 'Drift in "segment"' }).first();
    await entry.waitFor({ timeout: 15_000 });
    // The entry's code ("chi2", the test) is the link: Problems opens its target, our command, with commands allowed.
    const link = entry.locator('a.monaco-link', { hasText: 'chi2' }).first();
    await link.hover();
    await link.click();
    view = await dataView('current.parquet');
    await columnRow(view, 'segment').and(view.locator('[aria-current="true"]')).waitFor({ timeout: 15_000 });
    await page.locator('.editor-group-container .tab.active', { hasText: 'current.parquet' }).first().waitFor();
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(results, 'dataview.png') });
    console.log(`    screenshot: ${join('test-results', 'dataview.png')}`);
  });

  await step('a .parq file opens in the data view', async () => {
    await explorerRow(page, 'copy.parq').click();
    const parq = await dataView('copy.parq');
    await parq.locator('.dv-facts', { hasText: 'Parquet' }).waitFor();
    await columnRow(parq, 'city').waitFor();
  });

  await step('a corrupt Parquet file shows a clear error in the view', async () => {
    await explorerRow(page, 'corrupt.parquet').click();
    const corrupt = await dataView('corrupt.parquet');
    const alert = corrupt.locator('.dv-failed[role="alert"]');
    await alert.locator('h2', { hasText: 'This file cannot be shown' }).waitFor({ timeout: 30_000 });
    const message = await alert.locator('pre').innerText();
    if (!/^corrupt\.parquet: cannot read Parquet file: /.test(message)) throw new Error(`message: ${message}`);
    await columnRow(corrupt, 'age').waitFor(); // the schema, from the intact footer, is still shown
    if (cspErrors.length) throw new Error(`CSP errors: ${cspErrors.join('; ')}`);
    // The data view is the one default editor of .parquet (VS Code would otherwise ask which to use).
    if (await toast(page, 'multiple default editors').count()) throw new Error('VS Code says there are several default editors for .parquet');
    await page.screenshot({ path: join(results, 'dataview-corrupt.png') });
    console.log(`    screenshot: ${join('test-results', 'dataview-corrupt.png')}; "${message}"`);
  });
} catch {
  await session.reportFailure();
}
await session.finish();
